/* yusuan-three-public-form.c - the “三公” expenses stated for table 08, held against their lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-figures.h"
#include "yusuan-three-public-form.h"

struct _YusuanThreePublicForm
{
  GtkWidget          parent_instance;

  GtkWidget         *group;
  GtkWidget         *message_label;
  GtkWidget         *revert_button;
  GtkWidget         *apply_button;

  GtkWidget         *entries[YUSUAN_N_THREE_PUBLIC];
  GtkWidget         *line_labels[YUSUAN_N_THREE_PUBLIC];
  GtkWidget         *total_row;
  GtkWidget         *total_label;

  YusuanDocument    *document;
  YusuanDisplayUnit  unit;
  guint              read_only : 1;
  guint              loading : 1;
  guint              stale : 1;
};

static void yusuan_three_public_form_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanThreePublicForm, yusuan_three_public_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_three_public_form_editor_page_init))

/* Helpers */

/* What the entries hold: FALSE with the first problem when one is wrong. */
static gboolean
typed_amounts (YusuanThreePublicForm *self,
               YusuanAmount          *amounts,
               gboolean              *any,
               GError               **error)
{
  return yusuan_editor_parse_figure_rows (self->entries, YUSUAN_N_THREE_PUBLIC, self->unit, NULL, amounts, any, error);
}

static gboolean
changed (YusuanThreePublicForm *self)
{
  YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC] = { 0 };
  gboolean any = FALSE;
  gboolean has;

  if (self->document == NULL)
    return FALSE;
  if (!typed_amounts (self, amounts, &any, NULL))
    return TRUE;

  has = yusuan_document_has_three_public (self->document);
  if (any != has)
    return TRUE;
  for (guint t = 0; any && t < YUSUAN_N_THREE_PUBLIC; t++)
    if (amounts[t] != yusuan_document_get_three_public (self->document, t))
      return TRUE;

  return FALSE;
}

static void
check (YusuanThreePublicForm *self)
{
  YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC] = { 0 };
  YusuanAmount total = 0;
  gboolean any = FALSE;
  g_autoptr(GError) error = NULL;
  g_autofree char *total_text = NULL;

  if (self->loading)
    return;

  yusuan_editor_mark_figure_rows (self->entries, YUSUAN_N_THREE_PUBLIC, self->unit);

  if (typed_amounts (self, amounts, &any, &error))
    for (guint t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
      yusuan_amount_add_checked (&total, amounts[t]);
  total_text = any ? yusuan_editor_format_amount (total, self->unit) : g_strdup (_("Not stated"));
  gtk_label_set_label (GTK_LABEL (self->total_label), total_text);

  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 changed (self), error ? error->message : NULL, self->read_only);
}

static void
load (YusuanThreePublicForm *self)
{
  gboolean has = self->document && yusuan_document_has_three_public (self->document);
  YusuanFigures figures = { 0 };

  self->stale = FALSE;
  /* The lines as the check counts them: current-year 一般公共预算 lines of the
   * item's code; counted when the form is seen. */
  if (self->document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    yusuan_figures_compute (self->document, &figures);
  else
    self->stale = self->document != NULL;

  self->loading = TRUE;
  for (guint t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
    {
      g_autofree char *text = NULL;
      g_autofree char *lines = NULL;
      g_autofree char *figure = yusuan_editor_format_amount (figures.three_public_lines[t], self->unit);

      if (has)
        text = yusuan_amount_format (yusuan_document_get_three_public (self->document, t),
                                     self->unit, YUSUAN_AMOUNT_FORMAT_PLAIN);
      gtk_editable_set_text (GTK_EDITABLE (self->entries[t]), text ? text : "");
      gtk_editable_set_editable (GTK_EDITABLE (self->entries[t]), !self->read_only);
      /* Translators: what the lines of an economic code hold, "30231: 12.00 万元" */
      lines = g_strdup_printf (_("lines %s: %s"), yusuan_three_public_econ_code (t), figure);
      gtk_label_set_label (GTK_LABEL (self->line_labels[t]), lines);
    }
  self->loading = FALSE;
  check (self);
}

/* Callbacks */

static void
entry_changed_cb (YusuanThreePublicForm *self)
{
  check (self);
}

static void
document_changed_cb (YusuanThreePublicForm *self,
                     const YusuanChange    *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_THREE_PUBLIC:
      load (self);
      break;

    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
    case YUSUAN_CHANGE_LINE_CHANGED:
      /* The lines' sums beside the entries, counted again when seen;
       * what is typed stays. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !changed (self))
        load (self);
      else
        self->stale = TRUE;
      break;

    default:
      break;
    }
}

static void
apply_clicked_cb (YusuanThreePublicForm *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_three_public_form_apply (self, &error))
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->message_label, error);
}

static void
revert_clicked_cb (YusuanThreePublicForm *self)
{
  yusuan_three_public_form_revert (self);
}

/* YusuanEditorPage */

static void
yusuan_three_public_form_set_document (YusuanEditorPage *page,
                                       YusuanDocument   *document,
                                       YusuanCatalog    *catalog,
                                       YusuanChecker    *checker,
                                       gboolean          read_only)
{
  YusuanThreePublicForm *self = YUSUAN_THREE_PUBLIC_FORM (page);

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  self->read_only = !!read_only;
  load (self);
}

static void
yusuan_three_public_form_set_display_unit (YusuanEditorPage  *page,
                                           YusuanDisplayUnit  unit)
{
  YusuanThreePublicForm *self = YUSUAN_THREE_PUBLIC_FORM (page);
  gboolean was_changed = changed (self);
  YusuanDisplayUnit old = self->unit;

  self->unit = unit;
  if (!was_changed)
    {
      load (self);
      return;
    }

  self->loading = TRUE;
  yusuan_editor_convert_amount_entries (self->entries, YUSUAN_N_THREE_PUBLIC, old, unit);
  self->loading = FALSE;
  check (self);
}

static gboolean
yusuan_three_public_form_show_finding (YusuanEditorPage    *page,
                                       const YusuanFinding *finding)
{
  YusuanThreePublicForm *self = YUSUAN_THREE_PUBLIC_FORM (page);

  if (finding->target_kind != YUSUAN_TARGET_THREE_PUBLIC)
    return FALSE;

  if (finding->target_id < YUSUAN_N_THREE_PUBLIC)
    gtk_widget_grab_focus (self->entries[finding->target_id]);

  return TRUE;
}

static void
yusuan_three_public_form_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_three_public_form_set_document;
  iface->set_display_unit = yusuan_three_public_form_set_display_unit;
  iface->show_finding = yusuan_three_public_form_show_finding;
  iface->finding_targets = YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_THREE_PUBLIC);
}

/* Overrides */

static void
yusuan_three_public_form_map (GtkWidget *widget)
{
  YusuanThreePublicForm *self = YUSUAN_THREE_PUBLIC_FORM (widget);

  GTK_WIDGET_CLASS (yusuan_three_public_form_parent_class)->map (widget);
  if (self->stale && !changed (self))
    load (self);
}

static void
yusuan_three_public_form_dispose (GObject *object)
{
  YusuanThreePublicForm *self = YUSUAN_THREE_PUBLIC_FORM (object);

  yusuan_editor_watch (self, &self->document, NULL, NULL);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_THREE_PUBLIC_FORM);

  G_OBJECT_CLASS (yusuan_three_public_form_parent_class)->dispose (object);
}

static void
yusuan_three_public_form_class_init (YusuanThreePublicFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_three_public_form_dispose;
  widget_class->map = yusuan_three_public_form_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-three-public-form.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanThreePublicForm, group);
  gtk_widget_class_bind_template_child (widget_class, YusuanThreePublicForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanThreePublicForm, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanThreePublicForm, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_three_public_form_init (YusuanThreePublicForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
    self->entries[t] = yusuan_editor_add_figure_row (self->group, yusuan_three_public_label (t), GTK_INPUT_PURPOSE_NUMBER,
                                                     G_CALLBACK (entry_changed_cb), G_CALLBACK (apply_clicked_cb),
                                                     self, &self->line_labels[t]);

  self->total_row = adw_action_row_new ();
  /* Translators: the total of the four 三公 items (合计) */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_row), _("Total (合计)"));
  self->total_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->total_label, "numeric");
  gtk_widget_add_css_class (self->total_label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->total_row), self->total_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->total_row);

  load (self);
}

/* Public API */

GtkWidget *
yusuan_three_public_form_new (void)
{
  return g_object_new (YUSUAN_TYPE_THREE_PUBLIC_FORM, NULL);
}

GtkEditable *
yusuan_three_public_form_get_entry (YusuanThreePublicForm *self,
                                    YusuanThreePublic      item)
{
  g_return_val_if_fail (YUSUAN_IS_THREE_PUBLIC_FORM (self), NULL);
  g_return_val_if_fail (item < YUSUAN_N_THREE_PUBLIC, NULL);

  return GTK_EDITABLE (self->entries[item]);
}

gboolean
yusuan_three_public_form_is_changed (YusuanThreePublicForm *self)
{
  g_return_val_if_fail (YUSUAN_IS_THREE_PUBLIC_FORM (self), FALSE);

  return changed (self);
}

gboolean
yusuan_three_public_form_apply (YusuanThreePublicForm  *self,
                                GError                **error)
{
  YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC] = { 0 };
  gboolean any = FALSE;

  g_return_val_if_fail (YUSUAN_IS_THREE_PUBLIC_FORM (self), FALSE);

  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if (!typed_amounts (self, amounts, &any, error))
    return FALSE;
  if (!changed (self))
    return TRUE;

  /* Translators: an undo step: the 三公 amounts of table 08 */
  yusuan_document_begin_group (self->document, _("Change “Three Public” Expenses"));
  yusuan_document_set_three_public (self->document, any ? amounts : NULL);
  yusuan_document_end_group (self->document);
  load (self);

  return TRUE;
}

void
yusuan_three_public_form_revert (YusuanThreePublicForm *self)
{
  g_return_if_fail (YUSUAN_IS_THREE_PUBLIC_FORM (self));

  load (self);
}
