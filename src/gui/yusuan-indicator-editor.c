/* yusuan-indicator-editor.c - the form of one performance indicator (绩效指标), checked as it is typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-editor-page.h"
#include "yusuan-indicator-editor.h"

struct _YusuanIndicatorEditor
{
  GtkWidget       parent_instance;

  GtkWidget      *level1_dropdown;
  GtkWidget      *level2_entry;
  GtkWidget      *level2_button;
  GtkWidget      *name_entry;
  GtkWidget      *operator_dropdown;
  GtkWidget      *value_box;
  GtkWidget      *value_entry;
  GtkWidget      *unit_entry;
  GtkWidget      *unit_button;
  GtkWidget      *text_box;
  GtkWidget      *text_entry;
  GtkWidget      *text_button;
  GtkWidget      *explanation_view;
  GtkWidget      *message_label;
  GtkWidget      *preview_title;
  GtkWidget      *preview_label;

  YusuanDocument *document;
  guint           project_id;
  guint           indicator_id;
  char           *message;
  char           *preview;
  guint           valid : 1;
  guint           loading : 1;
};

G_DEFINE_FINAL_TYPE (YusuanIndicatorEditor, yusuan_indicator_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The groups a project's indicators fall in (预算12表's order) and a department's (预算11表's). */
static const YusuanLevel1 project_groups[YUSUAN_N_INDICATOR_GROUPS] = {
  YUSUAN_LEVEL1_COST, YUSUAN_LEVEL1_OUTPUT, YUSUAN_LEVEL1_EFFECT, YUSUAN_LEVEL1_SATISFACTION,
};
static const YusuanLevel1 department_groups[YUSUAN_N_INDICATOR_GROUPS] = {
  YUSUAN_LEVEL1_INPUT_MANAGEMENT, YUSUAN_LEVEL1_OUTPUT, YUSUAN_LEVEL1_EFFECT, YUSUAN_LEVEL1_SATISFACTION,
};

/* The order the operator list offers them in: the usual ones first. */
static const YusuanOperator operator_order[] = {
  YUSUAN_OPERATOR_GE, YUSUAN_OPERATOR_LE, YUSUAN_OPERATOR_EQ,
  YUSUAN_OPERATOR_GT, YUSUAN_OPERATOR_LT, YUSUAN_OPERATOR_QUALITATIVE,
};

/* The official names are the document's content, in the wording of the
 * performance-management rules: they are offered as they are written into
 * the submission, in every language of the interface. */
static const char *const level2_cost[] = { "经济成本指标", "社会成本指标", "生态环境成本指标", NULL };
static const char *const level2_output[] = { "数量指标", "质量指标", "时效指标", NULL };
static const char *const level2_effect[] = { "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", NULL };
static const char *const level2_satisfaction[] = { "服务对象满意度指标", NULL };
static const char *const level2_department_input[] = { "工作目标管理", "预算和财务管理", "绩效管理", NULL };
static const char *const level2_department_output[] = { "重点工作任务完成", "履职目标实现", NULL };
static const char *const level2_department_effect[] = { "履职效益", NULL };
static const char *const level2_department_satisfaction[] = { "满意度", NULL };
static const char *const unit_suggestions[] = {
  "%", "次", "人", "人次", "万元", "元", "个", "天", "套", "台", "项", "期", "本", "部", "平方米", "小时", "年", NULL
};
static const char *const text_suggestions[] = {
  "及时", "良好", "合规", "保障", "正常", "提升", "达标", "有效", "完善", "规范", NULL
};

/* Helpers */

static gboolean
is_department (YusuanIndicatorEditor *self)
{
  return self->project_id == 0;
}

static const YusuanLevel1 *
groups (YusuanIndicatorEditor *self)
{
  return yusuan_indicator_groups (is_department (self));
}

static gboolean
is_percent (const char *unit)
{
  return g_strcmp0 (unit, "%") == 0 || g_strcmp0 (unit, "％") == 0;
}

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
suggestion_clicked_cb (GtkButton *button,
                       GtkWidget *entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (entry), gtk_button_get_label (button));
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (entry);
}

/* A popover of words that fill @entry when clicked. */
static void
set_suggestions (GtkWidget         *menu_button,
                 GtkWidget         *entry,
                 const char *const *words)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (words[i]);

      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (suggestion_clicked_cb), entry, 0);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), flow);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_widget_set_sensitive (menu_button, words != NULL && words[0] != NULL);
}

static void
fill_level1_model (YusuanIndicatorEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const YusuanLevel1 *list = groups (self);

  for (guint i = 0; i < YUSUAN_N_INDICATOR_GROUPS; i++)
    gtk_string_list_append (model, yusuan_level1_label (list[i]));
  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->level1_dropdown), G_LIST_MODEL (model));
  self->loading = FALSE;
}

static void
update_level2_suggestions (YusuanIndicatorEditor *self)
{
  set_suggestions (self->level2_button, self->level2_entry,
                   yusuan_indicator_level2_suggestions (yusuan_indicator_editor_get_level1 (self),
                                                        is_department (self)));
}

static void
set_text (GtkWidget  *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* The live checks: every problem on its own line, the first of them the
 * reason apply gives. */
static void
check (YusuanIndicatorEditor *self)
{
  YusuanOperator op = yusuan_indicator_editor_get_operator (self);
  g_autofree char *name = yusuan_editor_dup_trimmed (entry_text (self->name_entry));
  g_autofree char *value = yusuan_editor_dup_trimmed (entry_text (self->value_entry));
  g_autofree char *unit = yusuan_editor_dup_trimmed (entry_text (self->unit_entry));
  g_autofree char *text = yusuan_editor_dup_trimmed (entry_text (self->text_entry));
  g_autofree char *normalized = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean value_bad = FALSE;
  gboolean valid;
  YusuanIndicator shown = { 0 };

  if (self->loading)
    return;

  if (name == NULL)
    g_ptr_array_add (problems, g_strdup (_("Name the indicator (三级指标) as 预算12表 will print it.")));

  if (yusuan_operator_needs_value (op))
    {
      g_autoptr(GError) error = NULL;

      if (value == NULL)
        {
          g_ptr_array_add (problems, g_strdup (_("Enter the target value (指标值): a number such as 95 or 0.5.")));
          value_bad = TRUE;
        }
      else if ((normalized = yusuan_decimal_normalize (value, &error)) == NULL)
        {
          g_ptr_array_add (problems, g_strdup (error->message));
          value_bad = TRUE;
        }
      else if (is_percent (unit) && yusuan_decimal_compare (normalized, "100") > 0)
        {
          /* Translators: %s is the value typed, such as 120 */
          g_ptr_array_add (problems, g_strdup_printf (_("A rate cannot be above 100%%: %s%% is not a target."),
                                                      normalized));
          value_bad = TRUE;
        }
    }
  else if (text == NULL)
    {
      g_ptr_array_add (problems, g_strdup (_("Enter the qualitative target (指标值), such as 及时, 良好 or 合规.")));
    }

  yusuan_editor_set_css_class (self->name_entry, "error", name == NULL && problems->len > 0 &&
                               gtk_editable_get_text (GTK_EDITABLE (self->name_entry))[0] != '\0');
  yusuan_editor_set_css_class (self->value_entry, "error", value_bad && value != NULL);
  gtk_widget_set_visible (self->value_box, yusuan_operator_needs_value (op));
  gtk_widget_set_visible (self->text_box, !yusuan_operator_needs_value (op));

  g_free (self->message);
  self->message = yusuan_editor_show_problems (self->message_label, problems);

  shown.op = op;
  shown.value = normalized ? normalized : value;
  shown.unit = unit;
  shown.text = text;
  g_free (self->preview);
  self->preview = yusuan_indicator_format_target (&shown);
  gtk_label_set_label (GTK_LABEL (self->preview_label), *self->preview ? self->preview : "—");

  valid = problems->len == 0 && self->document != NULL;
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
load (YusuanIndicatorEditor *self,
      YusuanLevel1           level1)
{
  const YusuanIndicator *indicator = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->explanation_view));

  if (self->document != NULL && self->indicator_id != 0)
    indicator = yusuan_document_lookup_indicator (self->document, self->project_id, self->indicator_id);

  fill_level1_model (self);
  gtk_label_set_label (GTK_LABEL (self->preview_title),
                       /* Translators: followed by the target as the table prints it, "≥95%" */
                       is_department (self) ? _("预算11表 shows") : _("预算12表 shows"));
  self->loading = TRUE;
  yusuan_indicator_editor_set_level1 (self, indicator ? indicator->level1 : level1);
  yusuan_indicator_editor_set_operator (self, indicator ? indicator->op : YUSUAN_OPERATOR_GE);
  set_text (self->level2_entry, indicator ? indicator->level2 : NULL);
  set_text (self->name_entry, indicator ? indicator->name : NULL);
  set_text (self->value_entry, indicator ? indicator->value : NULL);
  set_text (self->unit_entry, indicator ? indicator->unit : NULL);
  set_text (self->text_entry, indicator ? indicator->text : NULL);
  gtk_text_buffer_set_text (buffer, indicator && indicator->explanation ? indicator->explanation : "", -1);
  self->loading = FALSE;

  update_level2_suggestions (self);
  check (self);
}

/* Callbacks */

static void
changed_cb (YusuanIndicatorEditor *self)
{
  check (self);
}

static void
level1_changed_cb (YusuanIndicatorEditor *self)
{
  if (self->loading)
    return;
  update_level2_suggestions (self);
  check (self);
}

static gboolean
apply_form (GtkWidget  *form,
            GError    **error)
{
  return yusuan_indicator_editor_apply (YUSUAN_INDICATOR_EDITOR (form), error);
}

/* Overrides */

static void
yusuan_indicator_editor_dispose (GObject *object)
{
  YusuanIndicatorEditor *self = YUSUAN_INDICATOR_EDITOR (object);

  g_clear_object (&self->document);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_INDICATOR_EDITOR);

  G_OBJECT_CLASS (yusuan_indicator_editor_parent_class)->dispose (object);
}

static void
yusuan_indicator_editor_finalize (GObject *object)
{
  YusuanIndicatorEditor *self = YUSUAN_INDICATOR_EDITOR (object);

  g_free (self->message);
  g_free (self->preview);

  G_OBJECT_CLASS (yusuan_indicator_editor_parent_class)->finalize (object);
}

static void
yusuan_indicator_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  YusuanIndicatorEditor *self = YUSUAN_INDICATOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yusuan_indicator_editor_class_init (YusuanIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_indicator_editor_dispose;
  object_class->finalize = yusuan_indicator_editor_finalize;
  object_class->get_property = yusuan_indicator_editor_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-indicator-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, level1_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, level2_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, level2_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, operator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, value_box);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, value_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, unit_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, text_box);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, text_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, text_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, preview_title);
  gtk_widget_class_bind_template_child (widget_class, YusuanIndicatorEditor, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, level1_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_indicator_editor_init (YusuanIndicatorEditor *self)
{
  g_autoptr(GtkStringList) operators = gtk_string_list_new (NULL);
  const char *labels[] = {
    /* Translators: an indicator's operator; the symbol is what 预算12表 prints */
    N_("≥  at least"),
    N_("≤  at most"),
    N_("=  exactly"),
    N_(">  more than"),
    N_("<  less than"),
    /* Translators: 定性 (a target in words: 及时, 良好 …) */
    N_("Qualitative (定性)"),
  };

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_string_list_append (operators, _(labels[i]));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->operator_dropdown), G_LIST_MODEL (operators));
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->explanation_view)), "changed",
                            G_CALLBACK (changed_cb), self);

  set_suggestions (self->unit_button, self->unit_entry, unit_suggestions);
  set_suggestions (self->text_button, self->text_entry, text_suggestions);
  fill_level1_model (self);
  self->loading = FALSE;
  update_level2_suggestions (self);
  check (self);
}

/* Public API */

GtkWidget *
yusuan_indicator_editor_new (void)
{
  return g_object_new (YUSUAN_TYPE_INDICATOR_EDITOR, NULL);
}

void
yusuan_indicator_editor_set_target (YusuanIndicatorEditor *self,
                                    YusuanDocument        *document,
                                    guint                  project_id,
                                    guint                  indicator_id,
                                    YusuanLevel1           level1)
{
  g_return_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self));
  g_return_if_fail (document == NULL || YUSUAN_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->project_id = project_id;
  self->indicator_id = indicator_id;
  load (self, level1);
}

guint
yusuan_indicator_editor_get_project_id (YusuanIndicatorEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), 0);

  return self->project_id;
}

guint
yusuan_indicator_editor_get_indicator_id (YusuanIndicatorEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), 0);

  return self->indicator_id;
}

void
yusuan_indicator_editor_set_level1 (YusuanIndicatorEditor *self,
                                    YusuanLevel1           level1)
{
  const YusuanLevel1 *list;

  g_return_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self));

  list = groups (self);
  for (guint i = 0; i < YUSUAN_N_INDICATOR_GROUPS; i++)
    if (list[i] == level1)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->level1_dropdown), i);
        return;
      }

  /* A group that is not this kind's (an output one stays output). */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->level1_dropdown), 1);
}

YusuanLevel1
yusuan_indicator_editor_get_level1 (YusuanIndicatorEditor *self)
{
  guint selected;

  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), YUSUAN_LEVEL1_OUTPUT);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->level1_dropdown));
  return selected < YUSUAN_N_INDICATOR_GROUPS ? groups (self)[selected] : YUSUAN_LEVEL1_OUTPUT;
}

void
yusuan_indicator_editor_set_operator (YusuanIndicatorEditor *self,
                                      YusuanOperator         op)
{
  g_return_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (operator_order); i++)
    if (operator_order[i] == op)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->operator_dropdown), i);
}

YusuanOperator
yusuan_indicator_editor_get_operator (YusuanIndicatorEditor *self)
{
  guint selected;

  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), YUSUAN_OPERATOR_GE);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->operator_dropdown));
  return selected < G_N_ELEMENTS (operator_order) ? operator_order[selected] : YUSUAN_OPERATOR_GE;
}

GtkEditable *
yusuan_indicator_editor_get_entry (YusuanIndicatorEditor *self,
                                   YusuanIndicatorField   field)
{
  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), NULL);

  switch (field)
    {
    case YUSUAN_INDICATOR_FIELD_LEVEL2:
      return GTK_EDITABLE (self->level2_entry);
    case YUSUAN_INDICATOR_FIELD_NAME:
      return GTK_EDITABLE (self->name_entry);
    case YUSUAN_INDICATOR_FIELD_VALUE:
      return GTK_EDITABLE (self->value_entry);
    case YUSUAN_INDICATOR_FIELD_UNIT:
      return GTK_EDITABLE (self->unit_entry);
    case YUSUAN_INDICATOR_FIELD_TEXT:
      return GTK_EDITABLE (self->text_entry);
    case YUSUAN_INDICATOR_FIELD_EXPLANATION:
    default:
      return NULL;
    }
}

void
yusuan_indicator_editor_set_explanation (YusuanIndicatorEditor *self,
                                         const char            *text)
{
  g_return_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->explanation_view)),
                            text ? text : "", -1);
}

gboolean
yusuan_indicator_editor_is_valid (YusuanIndicatorEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), FALSE);

  return self->valid;
}

const char *
yusuan_indicator_editor_get_message (YusuanIndicatorEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), NULL);

  return self->message;
}

const char *
yusuan_indicator_editor_get_preview (YusuanIndicatorEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), NULL);

  return self->preview;
}

gboolean
yusuan_indicator_editor_apply (YusuanIndicatorEditor  *self,
                               GError                **error)
{
  YusuanOperator op;
  g_autofree char *level2 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *text = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *typed_explanation = NULL;
  YusuanIndicator values = { 0 };

  g_return_val_if_fail (YUSUAN_IS_INDICATOR_EDITOR (self), FALSE);

  check (self);
  if (self->document == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE,
                           _("No budget is open."));
      return FALSE;
    }
  if (!self->valid)
    {
      yusuan_editor_set_problem_error (error, self->message);
      return FALSE;
    }
  if (self->project_id != 0 && yusuan_document_lookup_project (self->document, self->project_id) == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE,
                           _("The project was removed meanwhile: the indicator has nowhere to go."));
      return FALSE;
    }
  if (self->indicator_id != 0 && yusuan_document_lookup_indicator (self->document, self->project_id, self->indicator_id) == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE,
                           _("The indicator was removed meanwhile (by an undo?): add it again."));
      return FALSE;
    }

  op = yusuan_indicator_editor_get_operator (self);
  level2 = yusuan_editor_dup_trimmed (entry_text (self->level2_entry));
  name = yusuan_editor_dup_trimmed (entry_text (self->name_entry));
  typed_explanation = yusuan_editor_dup_text_view_text (GTK_TEXT_VIEW (self->explanation_view));
  explanation = yusuan_editor_dup_trimmed (typed_explanation);
  if (yusuan_operator_needs_value (op))
    {
      g_autofree char *typed = yusuan_editor_dup_trimmed (entry_text (self->value_entry));

      value = yusuan_decimal_normalize (typed, NULL);
      unit = yusuan_editor_dup_trimmed (entry_text (self->unit_entry));
    }
  else
    {
      text = yusuan_editor_dup_trimmed (entry_text (self->text_entry));
    }

  values.level1 = yusuan_indicator_editor_get_level1 (self);
  values.level2 = level2;
  values.name = name;
  values.op = op;
  values.value = value;
  values.unit = unit;
  values.text = text;
  values.explanation = explanation;

  yusuan_document_begin_group (self->document,
                               self->indicator_id == 0 ? _("Add Indicator") : _("Change Indicator"));
  if (is_department (self) && !yusuan_document_has_performance (self->document))
    yusuan_document_set_performance (self->document, TRUE, NULL, 0, NULL, 0);
  if (self->indicator_id == 0)
    {
      const YusuanIndicator *added = yusuan_document_add_indicator (self->document, self->project_id, &values);

      self->indicator_id = added ? added->id : 0;
    }
  else
    {
      yusuan_document_set_indicator (self->document, self->project_id, self->indicator_id, &values);
    }
  yusuan_document_end_group (self->document);

  return TRUE;
}

YusuanEditorDialog *
yusuan_indicator_editor_dialog_new (GtkWidget      *parent,
                                    YusuanDocument *document,
                                    guint           project_id,
                                    guint           indicator_id,
                                    YusuanLevel1    level1)
{
  GtkWidget *form = yusuan_indicator_editor_new ();
  const char *title;

  yusuan_indicator_editor_set_target (YUSUAN_INDICATOR_EDITOR (form), document, project_id, indicator_id, level1);
  if (project_id == 0)
    title = indicator_id == 0 ? _("Add Department Indicator") : _("Change Department Indicator");
  else
    title = indicator_id == 0 ? _("Add Indicator") : _("Change Indicator");

  return yusuan_editor_dialog_new (parent, title, indicator_id == 0 ? _("_Add") : _("_Save"), form, apply_form);
}

const char *const *
yusuan_indicator_level2_suggestions (YusuanLevel1 level1,
                                     gboolean     department)
{
  switch (level1)
    {
    case YUSUAN_LEVEL1_COST:
      return level2_cost;
    case YUSUAN_LEVEL1_OUTPUT:
      return department ? level2_department_output : level2_output;
    case YUSUAN_LEVEL1_EFFECT:
      return department ? level2_department_effect : level2_effect;
    case YUSUAN_LEVEL1_SATISFACTION:
      return department ? level2_department_satisfaction : level2_satisfaction;
    case YUSUAN_LEVEL1_INPUT_MANAGEMENT:
      return level2_department_input;
    case YUSUAN_N_LEVEL1:
    default:
      return NULL;
    }
}

char *
yusuan_indicator_format_target (const YusuanIndicator *indicator)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  if (!yusuan_operator_needs_value (indicator->op) || indicator->value == NULL)
    return g_strdup (!yusuan_operator_needs_value (indicator->op) && indicator->text ? indicator->text : "");

  return g_strconcat (yusuan_operator_symbol (indicator->op), indicator->value,
                      indicator->unit ? indicator->unit : "", NULL);
}

int
yusuan_indicator_worst_severity (YusuanChecker *checker,
                                 guint          project_id,
                                 guint          indicator_id)
{
  int worst = -1;
  guint n = checker ? yusuan_checker_get_n_findings (checker) : 0;

  for (guint i = 0; i < n; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (finding->target_kind == YUSUAN_TARGET_INDICATOR && finding->project_id == project_id &&
          finding->target_id == indicator_id && (worst < 0 || (int) finding->severity < worst))
        worst = finding->severity;
    }

  return worst;
}

GtkWidget *
yusuan_indicator_row_new (const YusuanIndicator *indicator,
                          int                    severity,
                          gboolean               read_only,
                          GCallback              remove_clicked_cb,
                          gpointer               user_data)
{
  g_autofree char *target = yusuan_indicator_format_target (indicator);
  g_autoptr(GString) subtitle = g_string_new (indicator->level2);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label, *remove;

  if (indicator->explanation != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, indicator->explanation);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 indicator->name && *indicator->name ? indicator->name : _("(no name)"));
  if (subtitle->len > 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
    }
  if (severity >= 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (severity == YUSUAN_SEVERITY_ERROR
                                                      ? "dialog-error-symbolic" : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, severity == YUSUAN_SEVERITY_ERROR ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  label = gtk_label_new (*target ? target : "—");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this indicator"));
  gtk_widget_set_sensitive (remove, !read_only);
  g_object_set_data (G_OBJECT (remove), "indicator-id", GUINT_TO_POINTER (indicator->id));
  g_signal_connect (remove, "clicked", remove_clicked_cb, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !read_only);
  g_object_set_data (G_OBJECT (row), "indicator-id", GUINT_TO_POINTER (indicator->id));

  return row;
}

const YusuanLevel1 *
yusuan_indicator_groups (gboolean department)
{
  return department ? department_groups : project_groups;
}

void
yusuan_indicator_groups_build (YusuanIndicatorGroups *groups,
                               GtkWidget             *box,
                               gboolean               department,
                               GCallback              add_clicked_cb,
                               GCallback              row_activated_cb,
                               gpointer               page)
{
  g_return_if_fail (groups != NULL);
  g_return_if_fail (GTK_IS_BOX (box));

  groups->department = !!department;
  groups->order = yusuan_indicator_groups (department);
  for (guint g = 0; g < YUSUAN_N_INDICATOR_GROUPS; g++)
    {
      const char *title = yusuan_level1_label (groups->order[g]);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      GtkWidget *list = gtk_list_box_new ();
      /* Translators: %s is a group of indicators, "产出指标" */
      g_autofree char *tooltip = g_strdup_printf (_("Add to %s"), title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, tooltip);
      g_object_set_data (G_OBJECT (add), "level1", GUINT_TO_POINTER (groups->order[g]));
      g_signal_connect (add, "clicked", add_clicked_cb, page);
      gtk_box_append (GTK_BOX (header), label);
      gtk_box_append (GTK_BOX (header), add);
      gtk_widget_set_margin_top (header, g == 0 ? 0 : 6);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      g_signal_connect_swapped (list, "row-activated", row_activated_cb, page);

      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), list);
      groups->lists[g] = list;
      groups->add_buttons[g] = add;
    }
}

void
yusuan_indicator_groups_fill (YusuanIndicatorGroups *groups,
                              YusuanDocument        *document,
                              YusuanChecker         *checker,
                              guint                  project_id,
                              gboolean               read_only,
                              GCallback              remove_clicked_cb,
                              gpointer               page)
{
  guint per_group[YUSUAN_N_INDICATOR_GROUPS] = { 0 };
  gboolean owner;
  guint n;

  g_return_if_fail (groups != NULL && groups->order != NULL);
  g_return_if_fail (!groups->department || project_id == 0);

  owner = document != NULL &&
          (groups->department || (project_id != 0 && yusuan_document_lookup_project (document, project_id) != NULL));
  n = owner ? yusuan_document_get_n_indicators (document, project_id) : 0;

  for (guint g = 0; g < YUSUAN_N_INDICATOR_GROUPS; g++)
    {
      yusuan_editor_clear_list_box (groups->lists[g]);
      gtk_widget_set_sensitive (groups->add_buttons[g], !read_only && owner);
    }

  for (guint i = 0; i < n; i++)
    {
      const YusuanIndicator *indicator = yusuan_document_get_indicator (document, project_id, i);
      GtkWidget *row = yusuan_indicator_row_new (indicator,
                                                 yusuan_indicator_worst_severity (checker, project_id, indicator->id),
                                                 read_only, remove_clicked_cb, page);
      guint g;

      /* An indicator of another group is listed with the outputs. */
      for (g = 0; g < YUSUAN_N_INDICATOR_GROUPS; g++)
        if (groups->order[g] == indicator->level1)
          break;
      if (g == YUSUAN_N_INDICATOR_GROUPS)
        g = 1;
      per_group[g]++;
      gtk_list_box_append (GTK_LIST_BOX (groups->lists[g]), row);
    }

  for (guint g = 0; g < YUSUAN_N_INDICATOR_GROUPS; g++)
    if (per_group[g] == 0)
      {
        /* A project's outputs and effects may not stay empty: their
         * placeholder says so. */
        gboolean required = !groups->department &&
                            (groups->order[g] == YUSUAN_LEVEL1_OUTPUT || groups->order[g] == YUSUAN_LEVEL1_EFFECT);

        gtk_list_box_append (GTK_LIST_BOX (groups->lists[g]),
                             placeholder_row_new (required
                                                  ? _("None yet: every project needs at least one. Add one with +.")
                                                  : _("None yet. Add one with +.")));
      }
}

GtkWidget *
yusuan_indicator_groups_find_row (YusuanIndicatorGroups *groups,
                                  guint                  indicator_id)
{
  g_return_val_if_fail (groups != NULL, NULL);

  for (guint g = 0; g < YUSUAN_N_INDICATOR_GROUPS && indicator_id != 0; g++)
    for (GtkWidget *row = gtk_widget_get_first_child (groups->lists[g]);
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "indicator-id")) == indicator_id)
        return row;

  return NULL;
}
