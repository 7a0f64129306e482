/* yusuan-findings-page.c - the checks (审核): findings grouped by severity and table, live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
  YusuanDocument *document;
  YusuanCatalog *catalog;
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

/* "2010301 行政运行" */
static char *
code_with_name (YusuanFindingsPage   *self,
                YusuanClassification  classification,
                const char           *code)
{
  const char *name = self->catalog ? yusuan_catalog_get_name (self->catalog, classification, code) : NULL;

  if (name == NULL || *name == '\0')
    return g_strdup (code);
  return g_strdup_printf ("%s %s", code, name);
}

/* What the finding is about, in the words of the forms and tables: a
 * project's name, a line's codes with their names, a “三公” item.  NULL
 * when the table alone says it; never the rule's internal keys. */
static char *
describe_subject (YusuanFindingsPage  *self,
                  const YusuanFinding *finding)
{
  YusuanDocument *document = self->document;
  const char *subject = finding->subject;

  switch (finding->target_kind)
    {
    case YUSUAN_TARGET_PROJECT:
      {
        const YusuanProject *project = document ? yusuan_document_lookup_project (document, finding->target_id) : NULL;

        if (project == NULL && document != NULL && subject != NULL)
          project = yusuan_document_find_project (document, subject);
        if (project != NULL && project->name != NULL && *project->name != '\0')
          return g_strdup (project->name);
        return g_strdup (project ? project->code : subject);
      }

    case YUSUAN_TARGET_INDICATOR:
      {
        const YusuanIndicator *indicator = document ? yusuan_document_lookup_indicator (document, finding->project_id, finding->target_id) : NULL;
        const YusuanProject *project = document && finding->project_id != 0
                                       ? yusuan_document_lookup_project (document, finding->project_id) : NULL;
        const char *owner = project ? project->name : _("Department Performance Targets (部门整体绩效目标)");

        if (indicator != NULL && indicator->name != NULL && *indicator->name != '\0')
          return g_strdup_printf ("%s · %s", owner, indicator->name);
        return g_strdup (owner);
      }

    case YUSUAN_TARGET_LINE:
      {
        const YusuanLine *line = document ? yusuan_document_lookup_line (document, finding->target_id) : NULL;
        g_autofree char *function = NULL;
        g_autofree char *econ = NULL;

        if (line == NULL)
          return NULL;
        function = code_with_name (self, YUSUAN_CLASSIFICATION_FUNCTION, line->function);
        econ = code_with_name (self, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept);
        if (line->project_id != 0)
          {
            const YusuanProject *project = yusuan_document_lookup_project (document, line->project_id);

            if (project != NULL && project->name != NULL)
              return g_strdup_printf ("%s · %s · %s", project->name, function, econ);
          }
        return g_strdup_printf ("%s · %s", function, econ);
      }

    case YUSUAN_TARGET_THREE_PUBLIC:
      for (guint i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
        if (g_strcmp0 (subject, yusuan_three_public_to_token (i)) == 0)
          return g_strdup (yusuan_three_public_label (i));
      return NULL;

    case YUSUAN_TARGET_REVENUE:
    case YUSUAN_TARGET_UNIT:
      {
        /* "general-public-budget", or "103001/general-public-budget" */
        const char *slash = subject ? strchr (subject, '/') : NULL;
        const char *fund_token = slash ? slash + 1 : subject;
        g_autofree char *unit_code = slash ? g_strndup (subject, slash - subject) : NULL;
        const YusuanUnit *unit = unit_code && document ? yusuan_document_find_unit (document, unit_code) : NULL;
        YusuanFund fund;

        if (fund_token == NULL || !yusuan_fund_from_token (fund_token, &fund))
          return unit && unit->name ? g_strdup (unit->name) : NULL;
        if (unit != NULL && unit->name != NULL)
          return g_strdup_printf ("%s · %s", unit->name, yusuan_fund_label (fund));
        return g_strdup (yusuan_fund_label (fund));
      }

    case YUSUAN_TARGET_EXPLANATION:
      return g_strdup (_("Explanations (情况说明)"));

    case YUSUAN_TARGET_PRIOR_YEAR:
      return g_strdup (_("Prior-Year Figures (上年数)"));

    case YUSUAN_TARGET_CONTROL_NUMBERS:
      /* target_id the fund, project_id the kind of spending */
      if (finding->target_id < YUSUAN_N_FUNDS && finding->project_id < YUSUAN_N_SPENDING_KINDS)
        return yusuan_fund_spending_label (finding->target_id, finding->project_id);
      return g_strdup (_("Control Numbers (控制数)"));

    case YUSUAN_TARGET_NONE:
    case YUSUAN_TARGET_HEADER:
    default:
      return NULL;
    }
}

/* "预算12表 项目绩效目标汇总表 · 2023公车运行费用" */
static char *
finding_subtitle (YusuanFindingsPage  *self,
                  const YusuanFinding *finding)
{
  g_autofree char *subject = describe_subject (self, finding);
  g_autofree char *table = NULL;

  if (finding->table >= 1 && finding->table <= YUSUAN_N_TABLES)
    {
      /* Translators: the official code of a published table, "预算03表" */
      g_autofree char *code = g_strdup_printf (_("预算%02u表"), finding->table);

      table = g_strdup_printf ("%s %s", code, yusuan_table_name_for_number (finding->table));
    }

  if (table != NULL && subject != NULL)
    return g_strdup_printf ("%s · %s", table, subject);
  return table != NULL ? g_steal_pointer (&table) : g_steal_pointer (&subject);
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
      g_autofree char *tooltip = NULL;
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
      subtitle = finding_subtitle (self, finding);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* The rule's id and key, for whoever supports the user: not in the
       * row, which speaks the user's language only. */
      if (finding->subject != NULL && *finding->subject != '\0')
        tooltip = g_strdup_printf ("%s · %s", finding->rule, finding->subject);
      else
        tooltip = g_strdup (finding->rule);
      gtk_widget_set_tooltip_text (row, tooltip);
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
  /* Being shown may have rebuilt it meanwhile. */
  if (self->dirty)
    rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Typing changes findings at every stored figure, and a document comes
 * with its checker: rebuild once, and only when the list can be seen. */
static void
queue_rebuild (YusuanFindingsPage *self)
{
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
  g_clear_object (&self->document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
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
    g_signal_connect_object (checker, "changed", G_CALLBACK (queue_rebuild),
                             self, G_CONNECT_SWAPPED);

  /* Built when first seen: opening a document shows a table, not this. */
  queue_rebuild (self);
}

void
yusuan_findings_page_set_document (YusuanFindingsPage *self,
                                   YusuanDocument     *document,
                                   YusuanCatalog      *catalog)
{
  g_return_if_fail (YUSUAN_IS_FINDINGS_PAGE (self));
  g_return_if_fail (document == NULL || YUSUAN_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  if (document != NULL)
    self->catalog = catalog ? yusuan_catalog_ref (catalog)
                            : yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));

  queue_rebuild (self);
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
