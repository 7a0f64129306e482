/* yusuan-findings-page.c - the checks (审核): findings grouped by severity and table, live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-findings-page.h"
#include "yusuan-table.h"

/* A city-scale document can have thousands of findings; the first ones are
 * what a user works through, the count says how many more there are. */
#define MAX_SHOWN 400

struct _YusuanFindingsPage
{
  GtkWidget      parent_instance;

  GtkWidget     *stack;
  GtkWidget     *summary_label;
  GtkWidget     *groups_box;
  GtkWidget     *more_label;

  YusuanChecker *checker;
  guint          rebuild_id;
  guint          n_shown;
  guint          dirty : 1;
};

G_DEFINE_FINAL_TYPE (YusuanFindingsPage, yusuan_findings_page, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (YusuanSeverity severity)
{
  switch (severity)
    {
    case YUSUAN_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case YUSUAN_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case YUSUAN_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static char *
group_title (const YusuanFinding *finding)
{
  const char *severity;

  switch (finding->severity)
    {
    case YUSUAN_SEVERITY_ERROR:
      severity = _("Errors (must be fixed before submitting)");
      break;
    case YUSUAN_SEVERITY_WARNING:
      severity = _("Warnings (please check)");
      break;
    case YUSUAN_SEVERITY_INFO:
    default:
      severity = _("Notes");
      break;
    }

  if (finding->table >= 1 && finding->table <= YUSUAN_N_TABLES)
    /* Translators: "Errors … — 预算10表 项目支出表" */
    return g_strdup_printf (_("%s — 预算%02u表 %s"), severity, finding->table,
                            yusuan_table_name_for_number (finding->table));

  return g_strdup_printf (_("%s — whole budget"), severity);
}

static void
row_activated_cb (YusuanFindingsPage *self,
                  GtkListBoxRow      *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "finding-index"));

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, index);
}

static void
clear_groups (YusuanFindingsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
}

static void
rebuild (YusuanFindingsPage *self)
{
  GtkWidget *list = NULL;
  const YusuanFinding *previous = NULL;
  guint n, errors, warnings;
  g_autofree char *summary = NULL;
  gint64 started = g_get_monotonic_time ();

  self->dirty = FALSE;
  self->n_shown = 0;
  clear_groups (self);

  if (self->checker == NULL || (n = yusuan_checker_get_n_findings (self->checker)) == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  errors = yusuan_checker_get_n_errors (self->checker);
  warnings = yusuan_checker_get_n_warnings (self->checker);
  {
    g_autofree char *error_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
    g_autofree char *warning_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

    /* Translators: "3 errors, 2 warnings" */
    summary = g_strdup_printf (_("%s, %s"), error_text, warning_text);
    gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  }

  for (guint i = 0; i < n && i < MAX_SHOWN; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (self->checker, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (previous == NULL || previous->severity != finding->severity || previous->table != finding->table)
        {
          g_autofree char *title = group_title (finding);
          GtkWidget *heading = gtk_label_new (title);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, previous ? 12 : 0);
          gtk_box_append (GTK_BOX (self->groups_box), heading);

          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          g_signal_connect_swapped (list, "row-activated", G_CALLBACK (row_activated_cb), self);
          gtk_box_append (GTK_BOX (self->groups_box), list);
        }
      previous = finding;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      if (finding->subject != NULL && *finding->subject != '\0')
        subtitle = g_strdup_printf ("%s · %s", finding->subject, finding->rule);
      else
        subtitle = g_strdup (finding->rule);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
      gtk_widget_add_css_class (icon, finding->severity == YUSUAN_SEVERITY_ERROR ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "finding-index", GUINT_TO_POINTER (i));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->n_shown++;
    }

  if (n > MAX_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more finding is not listed: fix the ones above first.",
                                                            "%u more findings are not listed: fix the ones above first.",
                                                            n - MAX_SHOWN),
                                               n - MAX_SHOWN);

      gtk_label_set_label (GTK_LABEL (self->more_label), more);
    }
  gtk_widget_set_visible (self->more_label, n > MAX_SHOWN);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  g_debug ("Listed %u of %u findings in %.3f s", self->n_shown, n,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  YusuanFindingsPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
checker_changed_cb (YusuanFindingsPage *self)
{
  /* Typing changes findings at every stored figure: rebuild once, and only
   * when the list can be seen. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
yusuan_findings_page_map (GtkWidget *widget)
{
  YusuanFindingsPage *self = YUSUAN_FINDINGS_PAGE (widget);

  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (yusuan_findings_page_parent_class)->map (widget);
}

static void
yusuan_findings_page_dispose (GObject *object)
{
  YusuanFindingsPage *self = YUSUAN_FINDINGS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_FINDINGS_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (yusuan_findings_page_parent_class)->dispose (object);
}

static void
yusuan_findings_page_class_init (YusuanFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_findings_page_dispose;
  widget_class->map = yusuan_findings_page_map;

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanFindingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanFindingsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanFindingsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, YusuanFindingsPage, more_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_findings_page_init (YusuanFindingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dirty = TRUE;
}

GtkWidget *
yusuan_findings_page_new (void)
{
  return g_object_new (YUSUAN_TYPE_FINDINGS_PAGE, NULL);
}

void
yusuan_findings_page_set_checker (YusuanFindingsPage *self,
                                  YusuanChecker      *checker)
{
  g_return_if_fail (YUSUAN_IS_FINDINGS_PAGE (self));
  g_return_if_fail (checker == NULL || YUSUAN_IS_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_set_object (&self->checker, checker);
  if (checker != NULL)
    g_signal_connect_object (checker, "changed", G_CALLBACK (checker_changed_cb),
                             self, G_CONNECT_SWAPPED);

  /* Built when first seen: opening a document shows a table, not this. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

YusuanChecker *
yusuan_findings_page_get_checker (YusuanFindingsPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_FINDINGS_PAGE (self), NULL);

  return self->checker;
}

guint
yusuan_findings_page_get_n_shown (YusuanFindingsPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_FINDINGS_PAGE (self), 0);

  if (self->dirty)
    rebuild (self);

  return self->n_shown;
}

void
yusuan_findings_page_activate (YusuanFindingsPage *self,
                               guint               index)
{
  g_return_if_fail (YUSUAN_IS_FINDINGS_PAGE (self));

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, index);
}
