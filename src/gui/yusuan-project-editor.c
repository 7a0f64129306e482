/* yusuan-project-editor.c - one project: its fields, its lines (浮动行) and its performance targets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-page.h"
#include "yusuan-indicator-editor.h"
#include "yusuan-line-editor.h"
#include "yusuan-project-editor.h"

struct _YusuanProjectEditor
{
  GtkWidget          parent_instance;

  GtkWidget         *scrolled;
  GtkWidget         *title_label;
  GtkWidget         *subtitle_label;
  GtkWidget         *remove_button;
  GtkWidget         *findings_list;
  GtkWidget         *code_entry;
  GtkWidget         *name_entry;
  GtkWidget         *unit_dropdown;
  GtkWidget         *kind_dropdown;
  GtkWidget         *description_view;
  GtkWidget         *fields_message;
  GtkWidget         *revert_button;
  GtkWidget         *apply_button;
  GtkWidget         *lines_heading;
  GtkWidget         *add_line_button;
  GtkWidget         *lines_list;
  GtkWidget         *lines_empty;
  GtkWidget         *targets_heading;
  GtkWidget         *groups_box;

  YusuanIndicatorGroups groups;

  YusuanDocument    *document;
  YusuanCatalog     *catalog;
  YusuanChecker     *checker;
  guint              project_id;
  guint              n_findings;
  YusuanEditorRefresh idle_refresh;
  GtkWidget         *scroll_target;
  guint              scroll_tick_id;
  guint              scroll_frames;
  YusuanDisplayUnit  unit;
  guint              read_only : 1;
  guint              loading : 1;
  guint              fields_dirty : 1;
};

G_DEFINE_FINAL_TYPE (YusuanProjectEditor, yusuan_project_editor, GTK_TYPE_WIDGET)

static void refresh (YusuanProjectEditor *self);

/* Helpers */

static const YusuanProject *
project (YusuanProjectEditor *self)
{
  if (self->document == NULL || self->project_id == 0)
    return NULL;

  return yusuan_document_lookup_project (self->document, self->project_id);
}

static const char *
catalog_name (YusuanProjectEditor  *self,
              YusuanClassification  classification,
              const char           *code)
{
  const char *name = self->catalog ? yusuan_catalog_get_name (self->catalog, classification, code) : NULL;

  return name ? name : _("(not in the catalogue)");
}

static gboolean
finding_is_ours (YusuanProjectEditor *self,
                 const YusuanFinding *finding)
{
  return self->project_id != 0 && finding->project_id == self->project_id;
}

static GtkWidget *
remove_button_new (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* Fields form */

static char *
typed_description (YusuanProjectEditor *self)
{
  g_autofree char *text = yusuan_editor_dup_text_view_text (GTK_TEXT_VIEW (self->description_view));

  return yusuan_editor_dup_trimmed (text);
}

static YusuanProjectKind
typed_kind (YusuanProjectEditor *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));

  return selected < YUSUAN_N_PROJECT_KINDS ? (YusuanProjectKind) selected : YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL;
}

static const char *
typed_unit (YusuanProjectEditor *self)
{
  return yusuan_editor_get_dropdown_unit (self->unit_dropdown);
}

static gboolean
code_is_valid (const char *code)
{
  gsize length = code ? strlen (code) : 0;

  if (length < 6 || length > 32)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (code[i]))
      return FALSE;

  return TRUE;
}

/* Checks the fields; returns the first problem (NULL when none). */
static char *
fields_problem (YusuanProjectEditor *self)
{
  g_autofree char *code = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
  g_autofree char *name = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  const YusuanProject *other;

  if (!code_is_valid (code))
    return g_strdup (_("The project code (项目编码) has 6 to 32 letters or digits, as the project library (项目库) assigned it."));
  other = yusuan_document_find_project (self->document, code);
  if (other != NULL && other->id != self->project_id)
    /* Translators: %s is the other project's name */
    return g_strdup_printf (_("Another project, “%s”, already has this code."), other->name);
  if (name == NULL)
    return g_strdup (_("Name the project (项目名称)."));
  if (typed_unit (self) == NULL)
    return g_strdup (_("Choose the unit the project belongs to."));

  return NULL;
}

static gboolean
fields_differ (YusuanProjectEditor *self)
{
  const YusuanProject *p = project (self);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (p == NULL)
    return FALSE;

  code = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
  name = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  description = typed_description (self);

  return g_strcmp0 (code, p->code) != 0 || g_strcmp0 (name, p->name) != 0 ||
         g_strcmp0 (typed_unit (self), p->unit) != 0 || typed_kind (self) != p->kind ||
         g_strcmp0 (description, p->description && *p->description ? p->description : NULL) != 0;
}

static void
check_fields (YusuanProjectEditor *self)
{
  g_autofree char *problem = NULL;
  gboolean differ;

  if (self->loading || project (self) == NULL)
    return;

  differ = fields_differ (self);
  self->fields_dirty = differ;
  problem = differ ? fields_problem (self) : NULL;

  gtk_label_set_label (GTK_LABEL (self->fields_message), problem ? problem : "");
  gtk_widget_set_visible (self->fields_message, problem != NULL);
  gtk_widget_set_sensitive (self->apply_button, differ && problem == NULL && !self->read_only);
  gtk_widget_set_sensitive (self->revert_button, differ);
}

static void
load_fields (YusuanProjectEditor *self)
{
  const YusuanProject *p = project (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view));

  self->loading = TRUE;
  yusuan_editor_fill_unit_dropdown (self->unit_dropdown, self->document);
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), p ? p->code : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), p ? p->name : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), p ? p->kind : 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit_dropdown),
                              yusuan_editor_find_dropdown_unit (self->unit_dropdown, p ? p->unit : NULL));
  gtk_text_buffer_set_text (buffer, p && p->description ? p->description : "", -1);
  self->loading = FALSE;
  self->fields_dirty = FALSE;
  gtk_widget_set_visible (self->fields_message, FALSE);
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  gtk_widget_set_sensitive (self->revert_button, FALSE);
}

/* Lists */

static void
line_remove_clicked_cb (GtkButton           *button,
                        YusuanProjectEditor *self)
{
  guint line_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "line-id"));

  if (self->document == NULL || self->read_only || yusuan_document_lookup_line (self->document, line_id) == NULL)
    return;

  yusuan_document_remove_line (self->document, line_id);
}

static void
line_row_activated_cb (YusuanProjectEditor *self,
                       GtkListBoxRow       *row)
{
  guint line_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "line-id"));

  if (line_id != 0 && !self->read_only)
    yusuan_project_editor_edit_line (self, line_id);
}

static void
fill_lines (YusuanProjectEditor *self)
{
  const YusuanProject *p = project (self);
  guint n = p ? p->lines->len : 0;

  yusuan_editor_clear_list_box (self->lines_list);
  for (guint i = 0; i < n; i++)
    {
      const YusuanLine *line = g_ptr_array_index (p->lines, i);
      g_autofree char *title = g_strdup_printf ("%s %s", line->function,
                                                catalog_name (self, YUSUAN_CLASSIFICATION_FUNCTION, line->function));
      /* Translators: a line's economic codes and fund: "30201 办公费 → 50201 办公经费 · 一般公共预算" */
      g_autofree char *subtitle = g_strdup_printf (_("%s %s → %s %s · %s"),
                                                   line->econ_dept,
                                                   catalog_name (self, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept),
                                                   line->econ_gov,
                                                   catalog_name (self, YUSUAN_CLASSIFICATION_ECON_GOV, line->econ_gov),
                                                   yusuan_fund_label (line->fund));
      g_autofree char *amount = yusuan_editor_format_amount (line->amount, self->unit);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (amount);
      GtkWidget *remove = remove_button_new (_("Remove this line"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (remove), "line-id", GUINT_TO_POINTER (line->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (line_remove_clicked_cb), self);
      gtk_widget_set_sensitive (remove, !self->read_only);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !self->read_only);
      g_object_set_data (G_OBJECT (row), "line-id", GUINT_TO_POINTER (line->id));
      gtk_list_box_append (GTK_LIST_BOX (self->lines_list), row);
    }
  gtk_widget_set_visible (self->lines_list, n > 0);
  gtk_widget_set_visible (self->lines_empty, n == 0);

  {
    g_autofree char *total = yusuan_editor_format_amount (p ? yusuan_project_get_total (p) : 0, self->unit);
    /* Translators: 项目支出明细 and the lines' total */
    g_autofree char *heading = g_strdup_printf (_("Lines (项目支出) — %s"), total);

    gtk_label_set_label (GTK_LABEL (self->lines_heading), heading);
  }
}

static void
indicator_remove_clicked_cb (GtkButton           *button,
                             YusuanProjectEditor *self)
{
  guint indicator_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "indicator-id"));

  if (self->document == NULL || self->read_only || project (self) == NULL)
    return;

  yusuan_document_remove_indicator (self->document, self->project_id, indicator_id);
}

static void
indicator_row_activated_cb (YusuanProjectEditor *self,
                            GtkListBoxRow       *row)
{
  guint indicator_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "indicator-id"));

  if (indicator_id != 0 && !self->read_only)
    yusuan_project_editor_edit_indicator (self, indicator_id);
}

static void
group_add_clicked_cb (GtkButton           *button,
                      YusuanProjectEditor *self)
{
  YusuanLevel1 level1 = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "level1"));

  yusuan_project_editor_add_indicator (self, level1);
}

static void
fill_indicators (YusuanProjectEditor *self)
{
  yusuan_indicator_groups_fill (&self->groups, self->document, self->checker, self->project_id,
                                self->read_only, G_CALLBACK (indicator_remove_clicked_cb), self);
}

static void
fill_findings (YusuanProjectEditor *self)
{
  guint n = self->checker ? yusuan_checker_get_n_findings (self->checker) : 0;

  yusuan_editor_clear_list_box (self->findings_list);
  self->n_findings = 0;
  for (guint i = 0; i < n; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (self->checker, i);
      GtkWidget *row, *icon;

      if (!finding_is_ours (self, finding))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      icon = gtk_image_new_from_icon_name (finding->severity == YUSUAN_SEVERITY_ERROR
                                           ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, finding->severity == YUSUAN_SEVERITY_ERROR ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->findings_list), row);
      self->n_findings++;
    }
  gtk_widget_set_visible (self->findings_list, self->n_findings > 0);
}

static void
fill_header (YusuanProjectEditor *self)
{
  const YusuanProject *p = project (self);
  const YusuanUnit *unit;
  g_autofree char *total = NULL;
  g_autofree char *subtitle = NULL;

  if (p == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->title_label), "");
      gtk_label_set_label (GTK_LABEL (self->subtitle_label), "");
      return;
    }

  unit = yusuan_document_find_unit (self->document, p->unit);
  total = yusuan_editor_format_amount (yusuan_project_get_total (p), self->unit);
  /* Translators: project code · kind · unit · amount */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"), p->code, yusuan_project_kind_label (p->kind),
                              unit ? unit->name : p->unit, total);
  gtk_label_set_label (GTK_LABEL (self->title_label), p->name);
  gtk_label_set_label (GTK_LABEL (self->subtitle_label), subtitle);
}

static void
refresh (YusuanProjectEditor *self)
{
  yusuan_editor_refresh_done (&self->idle_refresh);

  fill_header (self);
  fill_findings (self);
  fill_lines (self);
  fill_indicators (self);
  if (!self->fields_dirty)
    load_fields (self);
  gtk_widget_set_sensitive (self->remove_button, !self->read_only && project (self) != NULL);
  gtk_widget_set_sensitive (self->add_line_button, !self->read_only && project (self) != NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->code_entry), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), !self->read_only);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->description_view), !self->read_only);
  gtk_widget_set_sensitive (self->unit_dropdown, !self->read_only);
  gtk_widget_set_sensitive (self->kind_dropdown, !self->read_only);
}

/* Callbacks */

static void
document_changed_cb (YusuanProjectEditor *self,
                     const YusuanChange  *change)
{
  if (self->project_id == 0)
    return;

  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_UNIT_ADDED:
    case YUSUAN_CHANGE_UNIT_REMOVED:
    case YUSUAN_CHANGE_UNIT_CHANGED:
      yusuan_editor_refresh_queue (&self->idle_refresh);
      break;

    case YUSUAN_CHANGE_PROJECT_CHANGED:
    case YUSUAN_CHANGE_PROJECT_REMOVED:
    case YUSUAN_CHANGE_PROJECT_ADDED:
    case YUSUAN_CHANGE_INDICATORS:
      if (change->project != NULL && change->project->id == self->project_id)
        {
          /* The fields follow an undo of their own change. */
          if (change->kind == YUSUAN_CHANGE_PROJECT_CHANGED)
            self->fields_dirty = FALSE;
          yusuan_editor_refresh_queue (&self->idle_refresh);
        }
      break;

    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
    case YUSUAN_CHANGE_LINE_CHANGED:
      if ((change->line != NULL && change->line->project_id == self->project_id) ||
          (change->old_line != NULL && change->old_line->project_id == self->project_id))
        yusuan_editor_refresh_queue (&self->idle_refresh);
      break;

    default:
      break;
    }
}

static void
checker_changed_cb (YusuanProjectEditor *self)
{
  if (self->project_id != 0)
    yusuan_editor_refresh_queue (&self->idle_refresh);
}

static void
fields_changed_cb (YusuanProjectEditor *self)
{
  check_fields (self);
}

static void
apply_clicked_cb (YusuanProjectEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_project_editor_apply_fields (self, &error))
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->fields_message, error);
}

static void
revert_clicked_cb (YusuanProjectEditor *self)
{
  load_fields (self);
}

static void
add_line_clicked_cb (YusuanProjectEditor *self)
{
  yusuan_project_editor_add_line (self);
}

static void
remove_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    YusuanProjectEditor *self)
{
  if (g_strcmp0 (response, "remove") == 0 && project (self) != NULL && !self->read_only)
    yusuan_document_remove_project (self->document, self->project_id);
}

static void
remove_clicked_cb (YusuanProjectEditor *self)
{
  const YusuanProject *p = project (self);
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *total = NULL;

  if (p == NULL || self->read_only)
    return;

  total = yusuan_editor_format_amount (yusuan_project_get_total (p), self->unit);
  heading = g_strdup_printf (_("Remove “%s”?"), p->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u line (%s in all) and its performance targets go with it. Undo brings them back.",
                                       "Its %u lines (%s in all) and its performance targets go with it. Undo brings them back.",
                                       p->lines->len),
                          p->lines->len, total);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
yusuan_project_editor_map (GtkWidget *widget)
{
  YusuanProjectEditor *self = YUSUAN_PROJECT_EDITOR (widget);

  GTK_WIDGET_CLASS (yusuan_project_editor_parent_class)->map (widget);
  yusuan_editor_refresh_mapped (&self->idle_refresh);
}

static void
yusuan_project_editor_dispose (GObject *object)
{
  YusuanProjectEditor *self = YUSUAN_PROJECT_EDITOR (object);

  yusuan_project_editor_set_document (self, NULL, NULL, NULL, FALSE);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  g_clear_weak_pointer (&self->scroll_target);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_PROJECT_EDITOR);

  G_OBJECT_CLASS (yusuan_project_editor_parent_class)->dispose (object);
}

static void
yusuan_project_editor_class_init (YusuanProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_project_editor_dispose;
  widget_class->map = yusuan_project_editor_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, findings_list);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, code_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, fields_message);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, lines_heading);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, lines_empty);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, targets_heading);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectEditor, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_project_editor_init (YusuanProjectEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  yusuan_editor_refresh_init (&self->idle_refresh, GTK_WIDGET (self), (YusuanEditorRefreshFunc) refresh);

  for (guint k = 0; k < YUSUAN_N_PROJECT_KINDS; k++)
    gtk_string_list_append (kinds, yusuan_project_kind_label (k));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->kind_dropdown), G_LIST_MODEL (kinds));
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view)), "changed",
                            G_CALLBACK (fields_changed_cb), self);
  yusuan_indicator_groups_build (&self->groups, self->groups_box, FALSE,
                                 G_CALLBACK (group_add_clicked_cb), G_CALLBACK (indicator_row_activated_cb), self);
}

/* Public API */

GtkWidget *
yusuan_project_editor_new (void)
{
  return g_object_new (YUSUAN_TYPE_PROJECT_EDITOR, NULL);
}

void
yusuan_project_editor_set_document (YusuanProjectEditor *self,
                                    YusuanDocument      *document,
                                    YusuanCatalog       *catalog,
                                    YusuanChecker       *checker,
                                    gboolean             read_only)
{
  g_return_if_fail (YUSUAN_IS_PROJECT_EDITOR (self));

  yusuan_editor_refresh_cancel (&self->idle_refresh);

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  yusuan_editor_watch (self, &self->checker, checker, G_CALLBACK (checker_changed_cb));
  yusuan_editor_set_catalog (&self->catalog, catalog);
  self->read_only = !!read_only;
  self->project_id = 0;
  self->fields_dirty = FALSE;


  if (document != NULL)
    refresh (self);
}

void
yusuan_project_editor_set_display_unit (YusuanProjectEditor *self,
                                        YusuanDisplayUnit    unit)
{
  g_return_if_fail (YUSUAN_IS_PROJECT_EDITOR (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  if (self->document != NULL)
    yusuan_editor_refresh_queue (&self->idle_refresh);
}

void
yusuan_project_editor_set_project (YusuanProjectEditor *self,
                                   guint                project_id)
{
  g_return_if_fail (YUSUAN_IS_PROJECT_EDITOR (self));

  if (self->project_id != project_id)
    {
      self->project_id = project_id;
      self->fields_dirty = FALSE;
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
    }
  refresh (self);
}

guint
yusuan_project_editor_get_project_id (YusuanProjectEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), 0);

  return self->project_id;
}

GtkEditable *
yusuan_project_editor_get_code_entry (YusuanProjectEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), NULL);

  return GTK_EDITABLE (self->code_entry);
}

GtkEditable *
yusuan_project_editor_get_name_entry (YusuanProjectEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), NULL);

  return GTK_EDITABLE (self->name_entry);
}

gboolean
yusuan_project_editor_apply_fields (YusuanProjectEditor  *self,
                                    GError              **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), FALSE);

  if (project (self) == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE,
                           _("The project was removed meanwhile."));
      return FALSE;
    }
  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if ((problem = fields_problem (self)) != NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID, problem);
      return FALSE;
    }
  if (!fields_differ (self))
    return TRUE;

  code = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
  name = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  description = typed_description (self);

  self->fields_dirty = FALSE;
  yusuan_document_begin_group (self->document, _("Change Project"));
  yusuan_document_set_project (self->document, self->project_id, code, name, typed_unit (self),
                               typed_kind (self), description);
  yusuan_document_end_group (self->document);
  load_fields (self);

  return TRUE;
}

void
yusuan_project_editor_focus_name (YusuanProjectEditor *self)
{
  g_return_if_fail (YUSUAN_IS_PROJECT_EDITOR (self));

  gtk_widget_grab_focus (self->name_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
}

YusuanEditorDialog *
yusuan_project_editor_add_line (YusuanProjectEditor *self)
{
  return yusuan_project_editor_edit_line (self, 0);
}

YusuanEditorDialog *
yusuan_project_editor_edit_line (YusuanProjectEditor *self,
                                 guint                line_id)
{
  YusuanEditorDialog *dialog;
  GtkWidget *form;

  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), NULL);

  if (project (self) == NULL || self->read_only)
    return NULL;

  dialog = yusuan_line_editor_dialog_new (GTK_WIDGET (self), self->document, self->catalog,
                                          self->project_id, line_id, self->unit);
  form = yusuan_editor_dialog_get_form (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (yusuan_line_editor_get_chooser (YUSUAN_LINE_EDITOR (form),
                                                                      YUSUAN_CLASSIFICATION_FUNCTION)));

  return dialog;
}

YusuanEditorDialog *
yusuan_project_editor_add_indicator (YusuanProjectEditor *self,
                                     YusuanLevel1         level1)
{
  YusuanEditorDialog *dialog;
  GtkWidget *form;

  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), NULL);

  if (project (self) == NULL || self->read_only)
    return NULL;

  dialog = yusuan_indicator_editor_dialog_new (GTK_WIDGET (self), self->document, self->project_id, 0, level1);
  form = yusuan_editor_dialog_get_form (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (yusuan_indicator_editor_get_entry (YUSUAN_INDICATOR_EDITOR (form),
                                                                         YUSUAN_INDICATOR_FIELD_NAME)));

  return dialog;
}

YusuanEditorDialog *
yusuan_project_editor_edit_indicator (YusuanProjectEditor *self,
                                      guint                indicator_id)
{
  YusuanEditorDialog *dialog;

  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), NULL);

  if (project (self) == NULL || self->read_only)
    return NULL;

  dialog = yusuan_indicator_editor_dialog_new (GTK_WIDGET (self), self->document, self->project_id,
                                               indicator_id, YUSUAN_LEVEL1_OUTPUT);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
scroll_now (YusuanProjectEditor *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_point_t point;

  /* The viewport's coordinates are those of what is shown: relative to the
   * scrolled position. */
  if (self->scroll_target != NULL &&
      gtk_widget_compute_point (self->scroll_target, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, MAX (0, gtk_adjustment_get_value (adjustment) + point.y - 12));
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  YusuanProjectEditor *self = YUSUAN_PROJECT_EDITOR (widget);

  /* What was just shown is laid out a frame or two later. */
  scroll_now (self);
  if (++self->scroll_frames < 6)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  g_clear_weak_pointer (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

static void
scroll_to (YusuanProjectEditor *self,
           GtkWidget           *widget)
{
  g_set_weak_pointer (&self->scroll_target, widget);
  self->scroll_frames = 0;
  scroll_now (self);
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

void
yusuan_project_editor_show_indicator (YusuanProjectEditor *self,
                                      guint                indicator_id)
{
  GtkWidget *row;

  g_return_if_fail (YUSUAN_IS_PROJECT_EDITOR (self));

  if (yusuan_editor_refresh_pending (&self->idle_refresh))
    refresh (self);

  row = yusuan_indicator_groups_find_row (&self->groups, indicator_id);
  if (row != NULL)
    {
      scroll_to (self, row);
      gtk_widget_grab_focus (row);
      return;
    }

  scroll_to (self, self->targets_heading);
}

void
yusuan_project_editor_show_lines (YusuanProjectEditor *self)
{
  g_return_if_fail (YUSUAN_IS_PROJECT_EDITOR (self));

  if (yusuan_editor_refresh_pending (&self->idle_refresh))
    refresh (self);
  scroll_to (self, self->lines_heading);
  gtk_widget_grab_focus (self->add_line_button);
}

guint
yusuan_project_editor_get_n_findings (YusuanProjectEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECT_EDITOR (self), 0);

  if (yusuan_editor_refresh_pending (&self->idle_refresh))
    refresh (self);

  return self->n_findings;
}
