/* yusuan-prior-year-form.c - the prior year's figures (上年数) the year-on-year comparisons use
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-figures.h"
#include "yusuan-prior-year-form.h"

struct _YusuanPriorYearForm
{
  GtkWidget          parent_instance;

  GtkWidget         *group;
  GtkWidget         *year_spin;
  GtkWidget         *message_label;
  GtkWidget         *revert_button;
  GtkWidget         *apply_button;
  GtkWidget         *entries[YUSUAN_N_PRIOR_KEYS];
  GtkWidget         *compare_labels[YUSUAN_N_PRIOR_KEYS];

  YusuanDocument    *document;
  YusuanDisplayUnit  unit;
  guint              read_only : 1;
  guint              loading : 1;
  guint              stale : 1;
};

static void yusuan_prior_year_form_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanPriorYearForm, yusuan_prior_year_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_prior_year_form_editor_page_init))

/* Helpers */

/* This year's figure a key compares with. */
static YusuanAmount
current_figure (YusuanDocument      *document,
                const YusuanFigures *figures,
                YusuanPriorKey       key)
{
  switch (key)
    {
    case YUSUAN_PRIOR_REVENUE_TOTAL:
      return figures->revenue_total;
    case YUSUAN_PRIOR_EXPENDITURE_TOTAL:
      return figures->expenditure_total;
    case YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET:
      return figures->gpb_total;
    case YUSUAN_PRIOR_GOVERNMENT_FUND:
      return figures->expenditure_by_fund[YUSUAN_FUND_GOVERNMENT_FUND];
    case YUSUAN_PRIOR_BASIC_EXPENDITURE:
      return figures->basic_total;
    case YUSUAN_PRIOR_PROJECT_EXPENDITURE:
      return figures->project_total;
    case YUSUAN_PRIOR_OUTBOUND_TRAVEL:
    case YUSUAN_PRIOR_VEHICLE_PURCHASE:
    case YUSUAN_PRIOR_VEHICLE_OPERATION:
    case YUSUAN_PRIOR_OFFICIAL_RECEPTION:
      {
        YusuanThreePublic item = key - YUSUAN_PRIOR_OUTBOUND_TRAVEL;

        /* Table 08 states them; without it, the lines carry them. */
        return yusuan_document_has_three_public (document)
          ? yusuan_document_get_three_public (document, item)
          : figures->three_public_lines[item];
      }
    case YUSUAN_PRIOR_OPERATING_COSTS:
      return figures->operating_costs;
    case YUSUAN_PRIOR_PROCUREMENT:
      return figures->procurement_total;
    case YUSUAN_N_PRIOR_KEYS:
    default:
      return 0;
    }
}

static gboolean
typed_figures (YusuanPriorYearForm  *self,
               gboolean             *has,
               YusuanAmount         *amounts,
               gboolean             *any,
               GError              **error)
{
  return yusuan_editor_parse_figure_rows (self->entries, YUSUAN_N_PRIOR_KEYS, self->unit, has, amounts, any, error);
}

static gboolean
changed (YusuanPriorYearForm *self)
{
  gboolean has[YUSUAN_N_PRIOR_KEYS];
  YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS];
  gboolean any;

  if (self->document == NULL)
    return FALSE;
  if (!typed_figures (self, has, amounts, &any, NULL))
    return TRUE;
  if (any != yusuan_document_has_prior_year (self->document))
    return TRUE;
  if (!any)
    return FALSE;
  if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin)) !=
      yusuan_document_get_prior_fiscal_year (self->document))
    return TRUE;

  for (guint k = 0; k < YUSUAN_N_PRIOR_KEYS; k++)
    {
      YusuanAmount stored = 0;
      gboolean stated = yusuan_document_get_prior_figure (self->document, k, &stored);

      if (stated != has[k] || (stated && stored != amounts[k]))
        return TRUE;
    }

  return FALSE;
}

static void
update_comparisons (YusuanPriorYearForm *self)
{
  YusuanFigures figures = { 0 };

  if (self->document == NULL)
    return;
  /* A pass over every line: done when the form is seen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  yusuan_figures_compute (self->document, &figures);
  for (guint k = 0; k < YUSUAN_N_PRIOR_KEYS; k++)
    {
      YusuanAmount now = current_figure (self->document, &figures, k);
      g_autofree char *figure = yusuan_editor_format_amount (now, self->unit);
      g_autofree char *text = NULL;
      gboolean present = FALSE;
      YusuanAmount prior = 0;
      g_autofree char *change = NULL;

      if (yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->entries[k])),
                                      self->unit, &present, &prior, NULL) && present &&
          (change = yusuan_amount_format_ratio (now - prior, prior, TRUE)) != NULL)
        {
          /* Translators: this year's figure and its change from the prior year, "this year 3,337.84 万元 (+24.02%)" */
          text = g_strdup_printf (_("this year %s (%s)"), figure, change);
        }
      else
        /* Translators: this year's figure, "this year 3,337.84 万元" */
        text = g_strdup_printf (_("this year %s"), figure);
      gtk_label_set_label (GTK_LABEL (self->compare_labels[k]), text);
    }
}

static void
check (YusuanPriorYearForm *self)
{
  gboolean has[YUSUAN_N_PRIOR_KEYS];
  YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS];
  gboolean any;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  yusuan_editor_mark_figure_rows (self->entries, YUSUAN_N_PRIOR_KEYS, self->unit);
  typed_figures (self, has, amounts, &any, &error);
  update_comparisons (self);
  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 changed (self), error ? error->message : NULL, self->read_only);
}

static void
load (YusuanPriorYearForm *self)
{
  gboolean has = self->document && yusuan_document_has_prior_year (self->document);
  int year = self->document ? yusuan_document_get_fiscal_year (self->document) - 1 : 2000;

  self->loading = TRUE;
  if (has)
    year = yusuan_document_get_prior_fiscal_year (self->document);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), year);
  gtk_editable_set_editable (GTK_EDITABLE (self->year_spin), !self->read_only);
  for (guint k = 0; k < YUSUAN_N_PRIOR_KEYS; k++)
    {
      YusuanAmount amount = 0;
      g_autofree char *text = NULL;

      if (has && yusuan_document_get_prior_figure (self->document, k, &amount))
        text = yusuan_amount_format (amount, self->unit, YUSUAN_AMOUNT_FORMAT_PLAIN);
      gtk_editable_set_text (GTK_EDITABLE (self->entries[k]), text ? text : "");
      gtk_editable_set_editable (GTK_EDITABLE (self->entries[k]), !self->read_only);
    }
  self->loading = FALSE;
  check (self);
}

/* Callbacks */

static void
entry_changed_cb (YusuanPriorYearForm *self)
{
  check (self);
}

static void
document_changed_cb (YusuanPriorYearForm *self,
                     const YusuanChange  *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_PRIOR_YEAR:
    case YUSUAN_CHANGE_HEADER:
      load (self);
      break;

    default:
      /* This year's figures beside the entries, counted again when seen. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        update_comparisons (self);
      else
        self->stale = TRUE;
      break;
    }
}

static void
apply_clicked_cb (YusuanPriorYearForm *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_prior_year_form_apply (self, &error))
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->message_label, error);
}

static void
revert_clicked_cb (YusuanPriorYearForm *self)
{
  load (self);
}

/* YusuanEditorPage */

static void
yusuan_prior_year_form_set_document (YusuanEditorPage *page,
                                     YusuanDocument   *document,
                                     YusuanCatalog    *catalog,
                                     YusuanChecker    *checker,
                                     gboolean          read_only)
{
  YusuanPriorYearForm *self = YUSUAN_PRIOR_YEAR_FORM (page);

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  self->read_only = !!read_only;
  load (self);
}

static void
yusuan_prior_year_form_set_display_unit (YusuanEditorPage  *page,
                                         YusuanDisplayUnit  unit)
{
  YusuanPriorYearForm *self = YUSUAN_PRIOR_YEAR_FORM (page);
  gboolean was_changed = changed (self);
  YusuanDisplayUnit old = self->unit;

  self->unit = unit;
  if (!was_changed)
    {
      load (self);
      return;
    }

  self->loading = TRUE;
  yusuan_editor_convert_amount_entries (self->entries, YUSUAN_N_PRIOR_KEYS, old, unit);
  self->loading = FALSE;
  check (self);
}

static gboolean
yusuan_prior_year_form_show_finding (YusuanEditorPage    *page,
                                     const YusuanFinding *finding)
{
  YusuanPriorYearForm *self = YUSUAN_PRIOR_YEAR_FORM (page);
  YusuanPriorKey key;

  if (finding->target_kind != YUSUAN_TARGET_PRIOR_YEAR)
    return FALSE;

  if (finding->subject != NULL && yusuan_prior_key_from_token (finding->subject, &key))
    gtk_widget_grab_focus (self->entries[key]);
  else
    gtk_widget_grab_focus (self->year_spin);

  return TRUE;
}

static void
yusuan_prior_year_form_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_prior_year_form_set_document;
  iface->set_display_unit = yusuan_prior_year_form_set_display_unit;
  iface->show_finding = yusuan_prior_year_form_show_finding;
  iface->finding_targets = YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_PRIOR_YEAR);
}

/* Overrides */

static void
yusuan_prior_year_form_map (GtkWidget *widget)
{
  YusuanPriorYearForm *self = YUSUAN_PRIOR_YEAR_FORM (widget);

  GTK_WIDGET_CLASS (yusuan_prior_year_form_parent_class)->map (widget);
  if (self->stale)
    update_comparisons (self);
}

static void
yusuan_prior_year_form_dispose (GObject *object)
{
  YusuanPriorYearForm *self = YUSUAN_PRIOR_YEAR_FORM (object);

  yusuan_editor_watch (self, &self->document, NULL, NULL);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_PRIOR_YEAR_FORM);

  G_OBJECT_CLASS (yusuan_prior_year_form_parent_class)->dispose (object);
}

static void
yusuan_prior_year_form_class_init (YusuanPriorYearFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_prior_year_form_dispose;
  widget_class->map = yusuan_prior_year_form_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-prior-year-form.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanPriorYearForm, group);
  gtk_widget_class_bind_template_child (widget_class, YusuanPriorYearForm, year_spin);
  gtk_widget_class_bind_template_child (widget_class, YusuanPriorYearForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanPriorYearForm, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanPriorYearForm, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_prior_year_form_init (YusuanPriorYearForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < YUSUAN_N_PRIOR_KEYS; k++)
    self->entries[k] = yusuan_editor_add_figure_row (self->group, yusuan_prior_key_label (k), GTK_INPUT_PURPOSE_NUMBER,
                                                     G_CALLBACK (entry_changed_cb), G_CALLBACK (apply_clicked_cb),
                                                     self, &self->compare_labels[k]);
  load (self);
}

/* Public API */

GtkWidget *
yusuan_prior_year_form_new (void)
{
  return g_object_new (YUSUAN_TYPE_PRIOR_YEAR_FORM, NULL);
}

GtkEditable *
yusuan_prior_year_form_get_entry (YusuanPriorYearForm *self,
                                  YusuanPriorKey       key)
{
  g_return_val_if_fail (YUSUAN_IS_PRIOR_YEAR_FORM (self), NULL);
  g_return_val_if_fail (key < YUSUAN_N_PRIOR_KEYS, NULL);

  return GTK_EDITABLE (self->entries[key]);
}

void
yusuan_prior_year_form_set_year (YusuanPriorYearForm *self,
                                 int                  fiscal_year)
{
  g_return_if_fail (YUSUAN_IS_PRIOR_YEAR_FORM (self));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), fiscal_year);
}

gboolean
yusuan_prior_year_form_apply (YusuanPriorYearForm  *self,
                              GError              **error)
{
  gboolean has[YUSUAN_N_PRIOR_KEYS];
  YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS];
  gboolean any;

  g_return_val_if_fail (YUSUAN_IS_PRIOR_YEAR_FORM (self), FALSE);

  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if (!typed_figures (self, has, amounts, &any, error))
    return FALSE;
  if (!changed (self))
    return TRUE;

  /* Translators: an undo step */
  yusuan_document_begin_group (self->document, _("Change Prior-Year Figures"));
  yusuan_document_set_prior_year (self->document, any,
                                  gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin)),
                                  has, amounts);
  yusuan_document_end_group (self->document);
  load (self);

  return TRUE;
}

const char *
yusuan_prior_key_label (YusuanPriorKey key)
{
  switch (key)
    {
    case YUSUAN_PRIOR_REVENUE_TOTAL:
      return _("Revenue total (收入总计)");
    case YUSUAN_PRIOR_EXPENDITURE_TOTAL:
      return _("Expenditure total (支出总计)");
    case YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET:
      return _("General public budget (一般公共预算)");
    case YUSUAN_PRIOR_GOVERNMENT_FUND:
      return _("Government fund budget (政府性基金预算)");
    case YUSUAN_PRIOR_BASIC_EXPENDITURE:
      return _("Basic expenditure (基本支出)");
    case YUSUAN_PRIOR_PROJECT_EXPENDITURE:
      return _("Project expenditure (项目支出)");
    case YUSUAN_PRIOR_OUTBOUND_TRAVEL:
    case YUSUAN_PRIOR_VEHICLE_PURCHASE:
    case YUSUAN_PRIOR_VEHICLE_OPERATION:
    case YUSUAN_PRIOR_OFFICIAL_RECEPTION:
      return yusuan_three_public_label (key - YUSUAN_PRIOR_OUTBOUND_TRAVEL);
    case YUSUAN_PRIOR_OPERATING_COSTS:
      return _("Operating costs (机关运行经费)");
    case YUSUAN_PRIOR_PROCUREMENT:
      return _("Government procurement (政府采购)");
    case YUSUAN_N_PRIOR_KEYS:
    default:
      return "";
    }
}
