/* yusuan-control-numbers-page.c - the finance bureau's control numbers (控制数) and the budget held against them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-control-numbers-page.h"
#include "yusuan-figures.h"

struct _YusuanControlNumbersPage
{
  GtkWidget          parent_instance;

  /* template */
  GtkWidget         *stack;
  GtkWidget         *summary_icon;
  GtkWidget         *summary_label;
  GtkWidget         *group;

  GtkWidget         *rows[YUSUAN_N_CONTROL_NUMBERS];
  GtkWidget         *icons[YUSUAN_N_CONTROL_NUMBERS];
  GtkWidget         *differences[YUSUAN_N_CONTROL_NUMBERS];

  YusuanDocument    *document;
  YusuanDisplayUnit  unit;
  int                focus_on_map;  /* the row a finding asked for, shown when the page is */
  YusuanEditorRefresh refresh;      /* a pass over every line, only while the page is seen */
};

static void yusuan_control_numbers_page_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanControlNumbersPage, yusuan_control_numbers_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_control_numbers_page_editor_page_init))

/* Helpers */

/* How a figure stands against the bureau's: in words, an icon and a style. */
typedef enum
{
  ROW_WITHIN,
  ROW_ABOVE,
  ROW_UNSET,  /* spent from an appropriation the bureau set no number for */
} RowState;

static const struct
{
  const char *icon;
  const char *style;
} row_looks[] = {
  [ROW_WITHIN] = { "emblem-ok-symbolic", "success" },
  [ROW_ABOVE] = { "dialog-error-symbolic", "error" },
  [ROW_UNSET] = { "dialog-warning-symbolic", "warning" },
};

static void
set_icon (GtkWidget *image,
          RowState   state)
{
  gtk_image_set_from_icon_name (GTK_IMAGE (image), row_looks[state].icon);
  for (guint s = 0; s < G_N_ELEMENTS (row_looks); s++)
    yusuan_editor_set_css_class (image, row_looks[s].style, s == state);
}

/* How far apart the two figures are, in @unit unless that rounds a gap to
 * nothing: "Above by 0.00 万元" would hide an error the checks still report. */
static char *
format_gap (YusuanAmount      gap,
            YusuanDisplayUnit unit)
{
  g_autofree char *zero = yusuan_amount_format (0, unit, YUSUAN_AMOUNT_FORMAT_GROUPED);
  g_autofree char *figure = yusuan_amount_format (gap, unit, YUSUAN_AMOUNT_FORMAT_GROUPED);

  if (gap != 0 && g_str_equal (figure, zero))
    unit = YUSUAN_DISPLAY_YUAN;
  return yusuan_editor_format_amount (gap, unit);
}

static void
show_row (YusuanControlNumbersPage *self,
          guint                     i,
          RowState                  state,
          const char               *subtitle,
          const char               *difference)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[i]), subtitle);
  gtk_label_set_label (GTK_LABEL (self->differences[i]), difference);
  yusuan_editor_set_css_class (self->rows[i], "error", state == ROW_ABOVE);
  yusuan_editor_set_css_class (self->rows[i], "warning", state == ROW_UNSET);
  yusuan_editor_set_css_class (self->differences[i], "dim-label", state == ROW_WITHIN);
  set_icon (self->icons[i], state);
  gtk_widget_set_visible (self->rows[i], TRUE);
}

/* Shows row @i: the bureau's figure, the budget's, and how far apart. */
static gboolean
update_row (YusuanControlNumbersPage *self,
            guint                     i,
            YusuanAmount              control,
            YusuanAmount              spent)
{
  gboolean above = spent > control;
  g_autofree char *control_text = yusuan_editor_format_amount (control, self->unit);
  g_autofree char *spent_text = yusuan_editor_format_amount (spent, self->unit);
  g_autofree char *gap_text = format_gap (above ? spent - control : control - spent, self->unit);
  g_autofree char *subtitle = NULL;
  g_autofree char *difference = NULL;

  /* Translators: under a fund and kind of spending: the bureau's 控制数 and the budget's 支出,
     amounts with their unit, "Control number 3,007.20 万元 · expenditure 3,018.04 万元" */
  subtitle = g_strdup_printf (_("Control number %s · expenditure %s"), control_text, spent_text);
  difference = above
    /* Translators: how much the budget spends beyond a control number (超出), "Above by 10.84 万元" */
    ? g_strdup_printf (_("Above by %s"), gap_text)
    /* Translators: how much is left within a control number (尚余), "Within by 0.00 万元" */
    : g_strdup_printf (_("Within by %s"), gap_text);
  show_row (self, i, above ? ROW_ABOVE : ROW_WITHIN, subtitle, difference);

  return above;
}

/* Row @i for an appropriation the bureau set no control number for, though
 * the budget spends from it: a warning, as the checks give. */
static void
update_unset_row (YusuanControlNumbersPage *self,
                  guint                     i,
                  YusuanAmount              spent)
{
  g_autofree char *spent_text = yusuan_editor_format_amount (spent, self->unit);
  g_autofree char *subtitle = NULL;

  /* Translators: under a fund and kind of spending the bureau set no 控制数 for: the budget's 支出 */
  subtitle = g_strdup_printf (_("No control number · expenditure %s"), spent_text);
  /* Translators: the finance bureau set no 控制数 for this fund and kind of spending */
  show_row (self, i, ROW_UNSET, subtitle, _("Not set by the bureau"));
}

/* A pass over every line: done only while the page is seen. */
static void
update (YusuanControlNumbersPage *self)
{
  YusuanFigures figures;
  guint n_above = 0;
  g_autofree char *summary = NULL;

  yusuan_editor_refresh_done (&self->refresh);

  if (self->document == NULL || !yusuan_document_has_control_numbers (self->document))
    {
      for (guint i = 0; i < YUSUAN_N_CONTROL_NUMBERS; i++)
        gtk_widget_set_visible (self->rows[i], FALSE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  yusuan_figures_compute (self->document, &figures);
  for (guint fund = 0; fund < YUSUAN_N_FUNDS; fund++)
    for (guint kind = 0; kind < YUSUAN_N_SPENDING_KINDS; kind++)
      {
        guint i = yusuan_control_number_index (fund, kind);
        YusuanAmount control;

        if (yusuan_document_get_control_number (self->document, fund, kind, &control))
          n_above += update_row (self, i, control, figures.spending[i]) ? 1 : 0;
        else if (yusuan_document_lacks_control_number (self->document, fund, kind) && figures.spending[i] > 0)
          update_unset_row (self, i, figures.spending[i]);
        else
          gtk_widget_set_visible (self->rows[i], FALSE);
      }

  if (n_above == 0)
    summary = g_strdup (_("The budget is within every control number the finance bureau set."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The budget is above %u control number: the finance bureau "
                                            "will refuse it until the expenditure is brought down to it.",
                                            "The budget is above %u control numbers: the finance bureau "
                                            "will refuse it until the expenditure is brought down to them.",
                                            n_above), n_above);
  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  yusuan_editor_set_css_class (self->summary_label, "error", n_above > 0);
  set_icon (self->summary_icon, n_above > 0 ? ROW_ABOVE : ROW_WITHIN);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

/* Callbacks */

static void
document_changed_cb (YusuanControlNumbersPage *self,
                     const YusuanChange       *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_UNIT_REMOVED:
    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
    case YUSUAN_CHANGE_LINE_CHANGED:
    case YUSUAN_CHANGE_PROJECT_ADDED:
    case YUSUAN_CHANGE_PROJECT_REMOVED:
    case YUSUAN_CHANGE_CONTROL_NUMBERS:
      yusuan_editor_refresh_queue (&self->refresh);
      break;

    default:
      /* Nothing a control number is held against. */
      break;
    }
}

/* YusuanEditorPage */

static void
yusuan_control_numbers_page_set_document (YusuanEditorPage *page,
                                          YusuanDocument   *document,
                                          YusuanCatalog    *catalog,
                                          YusuanChecker    *checker,
                                          gboolean          read_only)
{
  YusuanControlNumbersPage *self = YUSUAN_CONTROL_NUMBERS_PAGE (page);

  /* Importing and removing are the window's actions: they follow read_only. */
  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  self->focus_on_map = -1;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    yusuan_editor_refresh_queue (&self->refresh);
}

static void
yusuan_control_numbers_page_set_display_unit (YusuanEditorPage  *page,
                                              YusuanDisplayUnit  unit)
{
  YusuanControlNumbersPage *self = YUSUAN_CONTROL_NUMBERS_PAGE (page);

  if (self->unit == unit)
    return;
  self->unit = unit;
  yusuan_editor_refresh_queue (&self->refresh);
}

static gboolean
yusuan_control_numbers_page_show_finding (YusuanEditorPage    *page,
                                          const YusuanFinding *finding)
{
  YusuanControlNumbersPage *self = YUSUAN_CONTROL_NUMBERS_PAGE (page);
  guint i;

  if (finding->target_kind != YUSUAN_TARGET_CONTROL_NUMBERS)
    return FALSE;
  if (finding->target_id >= YUSUAN_N_FUNDS || finding->project_id >= YUSUAN_N_SPENDING_KINDS)
    return TRUE;

  i = yusuan_control_number_index (finding->target_id, finding->project_id);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (yusuan_editor_refresh_pending (&self->refresh))
        update (self);
      gtk_widget_grab_focus (self->rows[i]);
    }
  else
    {
      self->focus_on_map = i;
    }

  return TRUE;
}

static void
yusuan_control_numbers_page_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_control_numbers_page_set_document;
  iface->set_display_unit = yusuan_control_numbers_page_set_display_unit;
  iface->show_finding = yusuan_control_numbers_page_show_finding;
  iface->finding_targets = YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_CONTROL_NUMBERS);
}

/* Overrides */

static void
yusuan_control_numbers_page_map (GtkWidget *widget)
{
  YusuanControlNumbersPage *self = YUSUAN_CONTROL_NUMBERS_PAGE (widget);

  /* Caught up before the first frame shows it. */
  yusuan_editor_refresh_mapped (&self->refresh);

  GTK_WIDGET_CLASS (yusuan_control_numbers_page_parent_class)->map (widget);

  if (self->focus_on_map >= 0)
    {
      gtk_widget_grab_focus (self->rows[self->focus_on_map]);
      self->focus_on_map = -1;
    }
}

static void
yusuan_control_numbers_page_dispose (GObject *object)
{
  YusuanControlNumbersPage *self = YUSUAN_CONTROL_NUMBERS_PAGE (object);

  yusuan_editor_refresh_cancel (&self->refresh);
  yusuan_editor_watch (self, &self->document, NULL, NULL);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_CONTROL_NUMBERS_PAGE);
  memset (self->rows, 0, sizeof self->rows);
  memset (self->icons, 0, sizeof self->icons);
  memset (self->differences, 0, sizeof self->differences);

  G_OBJECT_CLASS (yusuan_control_numbers_page_parent_class)->dispose (object);
}

static void
yusuan_control_numbers_page_class_init (YusuanControlNumbersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_control_numbers_page_dispose;
  widget_class->map = yusuan_control_numbers_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/yusuan/Yusuan/ui/yusuan-control-numbers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanControlNumbersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanControlNumbersPage, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, YusuanControlNumbersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanControlNumbersPage, group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_control_numbers_page_init (YusuanControlNumbersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->focus_on_map = -1;
  self->unit = YUSUAN_DISPLAY_WAN;
  yusuan_editor_refresh_init (&self->refresh, GTK_WIDGET (self), (YusuanEditorRefreshFunc) update);

  /* A row for every pair the bureau may set, shown when it does: in the
   * order of the funds, basic expenditure before projects. */
  for (guint fund = 0; fund < YUSUAN_N_FUNDS; fund++)
    for (guint kind = 0; kind < YUSUAN_N_SPENDING_KINDS; kind++)
      {
        guint i = yusuan_control_number_index (fund, kind);
        g_autofree char *title = yusuan_fund_spending_label (fund, kind);
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

        self->icons[i] = gtk_image_new ();
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->icons[i]);

        self->differences[i] = gtk_label_new (NULL);
        gtk_label_set_xalign (GTK_LABEL (self->differences[i]), 1.0);
        gtk_widget_add_css_class (self->differences[i], "numeric");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->differences[i]);

        gtk_widget_set_visible (row, FALSE);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
        self->rows[i] = row;
      }
}

/* Public API */

GtkWidget *
yusuan_control_numbers_page_new (void)
{
  return g_object_new (YUSUAN_TYPE_CONTROL_NUMBERS_PAGE, NULL);
}

gboolean
yusuan_control_numbers_page_shows_empty (YusuanControlNumbersPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_CONTROL_NUMBERS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "empty") == 0;
}

GtkWidget *
yusuan_control_numbers_page_get_row (YusuanControlNumbersPage *self,
                                     YusuanFund                fund,
                                     YusuanSpendingKind        kind)
{
  g_return_val_if_fail (YUSUAN_IS_CONTROL_NUMBERS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) fund < YUSUAN_N_FUNDS, NULL);
  g_return_val_if_fail ((guint) kind < YUSUAN_N_SPENDING_KINDS, NULL);

  return self->rows[yusuan_control_number_index (fund, kind)];
}

const char *
yusuan_control_numbers_page_peek_difference (YusuanControlNumbersPage *self,
                                             YusuanFund                fund,
                                             YusuanSpendingKind        kind)
{
  g_return_val_if_fail (YUSUAN_IS_CONTROL_NUMBERS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) fund < YUSUAN_N_FUNDS, NULL);
  g_return_val_if_fail ((guint) kind < YUSUAN_N_SPENDING_KINDS, NULL);

  return gtk_label_get_label (GTK_LABEL (self->differences[yusuan_control_number_index (fund, kind)]));
}

const char *
yusuan_control_numbers_page_peek_summary (YusuanControlNumbersPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_CONTROL_NUMBERS_PAGE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->summary_label));
}
