/* yusuan-line-editor.c - the form of one expenditure line: codes found by name, fund, amount
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-editor-page.h"
#include "yusuan-line-editor.h"

struct _YusuanLineEditor
{
  GtkWidget          parent_instance;

  GtkWidget         *unit_label;
  GtkWidget         *unit_dropdown;
  GtkWidget         *function_chooser;
  GtkWidget         *econ_dept_chooser;
  GtkWidget         *econ_gov_chooser;
  GtkWidget         *fund_dropdown;
  GtkWidget         *category_label;
  GtkWidget         *category_dropdown;
  GtkWidget         *amount_entry;
  GtkWidget         *amount_unit_label;
  GtkWidget         *note_label;
  GtkWidget         *message_label;

  YusuanDocument    *document;
  YusuanCatalog     *catalog;
  guint              project_id;
  guint              line_id;
  YusuanDisplayUnit  unit;
  char              *message;
  guint              valid : 1;
  guint              loading : 1;
};

G_DEFINE_FINAL_TYPE (YusuanLineEditor, yusuan_line_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_basic (YusuanLineEditor *self)
{
  return self->project_id == 0;
}

static YusuanCodeChooser *
chooser (GtkWidget *widget)
{
  return YUSUAN_CODE_CHOOSER (widget);
}

static gboolean
code_fits (YusuanLineEditor     *self,
           YusuanClassification  classification,
           const char           *code,
           YusuanCodeLevel       level)
{
  return self->catalog != NULL && code != NULL &&
         yusuan_catalog_get_level (self->catalog, classification, code) == level;
}

/* The unit the line's money is spent by: its own, or its project's. */
static const YusuanUnit *
line_unit (YusuanLineEditor *self)
{
  const char *code = NULL;

  if (self->document == NULL)
    return NULL;

  if (is_basic (self))
    code = yusuan_line_editor_get_unit (self);
  else
    {
      const YusuanProject *project = yusuan_document_lookup_project (self->document, self->project_id);

      code = project ? project->unit : NULL;
    }

  return code ? yusuan_document_find_unit (self->document, code) : NULL;
}

/* The amount the line holds now: 0 for a new one. */
static YusuanAmount
stored_amount (YusuanLineEditor *self)
{
  const YusuanLine *line = self->line_id != 0 && self->document != NULL
    ? yusuan_document_lookup_line (self->document, self->line_id) : NULL;

  return line ? line->amount : 0;
}

static void
check (YusuanLineEditor *self)
{
  const char *function = yusuan_code_chooser_get_code (chooser (self->function_chooser));
  const char *econ_dept = yusuan_code_chooser_get_code (chooser (self->econ_dept_chooser));
  const char *econ_gov = yusuan_code_chooser_get_code (chooser (self->econ_gov_chooser));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gboolean present = FALSE;
  YusuanAmount amount = 0;
  gboolean valid;

  if (self->loading)
    return;

  if (is_basic (self) && yusuan_line_editor_get_unit (self) == NULL)
    g_ptr_array_add (problems, g_strdup (_("Choose the unit that spends the money.")));
  if (!code_fits (self, YUSUAN_CLASSIFICATION_FUNCTION, function, YUSUAN_CODE_LEVEL_ITEM))
    g_ptr_array_add (problems, g_strdup (_("Choose a function classification item (项), such as 2010301 行政运行: type its code or part of its name.")));
  if (!code_fits (self, YUSUAN_CLASSIFICATION_ECON_DEPT, econ_dept, YUSUAN_CODE_LEVEL_SECTION))
    g_ptr_array_add (problems, g_strdup (_("Choose a department economic classification section (款), such as 30201 办公费.")));
  if (!code_fits (self, YUSUAN_CLASSIFICATION_ECON_GOV, econ_gov, YUSUAN_CODE_LEVEL_SECTION))
    g_ptr_array_add (problems, g_strdup (_("Choose a government economic classification section (款), such as 50201 办公经费.")));

  if (!yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)),
                                   self->unit, &present, &amount, &error))
    g_ptr_array_add (problems, g_strdup (error->message));
  else if (!present)
    g_ptr_array_add (problems, g_strdup (_("Enter the amount of the line.")));
  else if (self->document != NULL &&
           !yusuan_document_check_amount_change (self->document, FALSE, stored_amount (self), amount, &error))
    g_ptr_array_add (problems, g_strdup (error->message));
  yusuan_editor_set_css_class (self->amount_entry, "error", error != NULL);

  if (econ_dept != NULL && econ_gov != NULL && self->catalog != NULL &&
      code_fits (self, YUSUAN_CLASSIFICATION_ECON_DEPT, econ_dept, YUSUAN_CODE_LEVEL_SECTION) &&
      code_fits (self, YUSUAN_CLASSIFICATION_ECON_GOV, econ_gov, YUSUAN_CODE_LEVEL_SECTION) &&
      !yusuan_catalog_econ_pair_allowed (self->catalog, econ_dept, econ_gov))
    {
      const YusuanUnit *unit = line_unit (self);
      const char *expected = yusuan_catalog_econ_default_gov (self->catalog, econ_dept,
                                                              unit ? unit->kind : YUSUAN_UNIT_KIND_ADMINISTRATIVE);

      /* Translators: the first two %s are economic codes (30201, 50501), the third the usual one */
      note = g_strdup_printf (_("%s does not correspond to %s in the catalogue; the usual government code is %s. The checks will report it."),
                              econ_dept, econ_gov, expected ? expected : "—");
    }
  gtk_label_set_label (GTK_LABEL (self->note_label), note ? note : "");
  gtk_widget_set_visible (self->note_label, note != NULL);

  g_free (self->message);
  self->message = yusuan_editor_show_problems (self->message_label, problems);

  valid = problems->len == 0 && self->document != NULL;
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
default_from_correspondence (YusuanLineEditor *self)
{
  const char *econ_dept = yusuan_code_chooser_get_code (chooser (self->econ_dept_chooser));
  const YusuanUnit *unit;
  const char *gov;

  if (self->catalog == NULL || econ_dept == NULL)
    return;

  unit = line_unit (self);
  gov = yusuan_catalog_econ_default_gov (self->catalog, econ_dept,
                                         unit ? unit->kind : YUSUAN_UNIT_KIND_ADMINISTRATIVE);
  if (gov != NULL)
    yusuan_code_chooser_set_code (chooser (self->econ_gov_chooser), gov);
  if (is_basic (self))
    yusuan_line_editor_set_category (self, yusuan_catalog_econ_default_category (self->catalog, econ_dept));
}

static void
load (YusuanLineEditor *self)
{
  const YusuanLine *line = NULL;
  const YusuanLine *like = NULL;
  g_autofree char *amount = NULL;

  self->loading = TRUE;

  yusuan_editor_fill_unit_dropdown (self->unit_dropdown, self->document);
  yusuan_code_chooser_set_catalog (chooser (self->function_chooser), self->catalog);
  yusuan_code_chooser_set_catalog (chooser (self->econ_dept_chooser), self->catalog);
  yusuan_code_chooser_set_catalog (chooser (self->econ_gov_chooser), self->catalog);
  gtk_label_set_label (GTK_LABEL (self->amount_unit_label), yusuan_editor_unit_suffix (self->unit));

  gtk_widget_set_visible (self->unit_label, is_basic (self));
  gtk_widget_set_visible (self->unit_dropdown, is_basic (self));
  gtk_widget_set_visible (self->category_label, is_basic (self));
  gtk_widget_set_visible (self->category_dropdown, is_basic (self));

  if (self->document != NULL && self->line_id != 0)
    line = yusuan_document_lookup_line (self->document, self->line_id);

  /* A new project line starts like the project's last one: most projects
   * spend under one function item from one fund. */
  if (line == NULL && self->document != NULL && !is_basic (self))
    {
      const YusuanProject *project = yusuan_document_lookup_project (self->document, self->project_id);

      if (project != NULL && project->lines->len > 0)
        like = g_ptr_array_index (project->lines, project->lines->len - 1);
    }

  if (line != NULL)
    {
      yusuan_line_editor_set_unit (self, line->unit);
      yusuan_code_chooser_set_code (chooser (self->function_chooser), line->function);
      yusuan_code_chooser_set_code (chooser (self->econ_dept_chooser), line->econ_dept);
      yusuan_code_chooser_set_code (chooser (self->econ_gov_chooser), line->econ_gov);
      yusuan_line_editor_set_fund (self, line->fund);
      yusuan_line_editor_set_category (self, line->category);
      amount = yusuan_amount_format (line->amount, self->unit, YUSUAN_AMOUNT_FORMAT_PLAIN);
    }
  else
    {
      if (self->document != NULL && yusuan_document_get_n_units (self->document) > 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit_dropdown), 0);
      yusuan_code_chooser_set_code (chooser (self->function_chooser), like ? like->function : NULL);
      yusuan_code_chooser_set_code (chooser (self->econ_dept_chooser), NULL);
      yusuan_code_chooser_set_code (chooser (self->econ_gov_chooser), NULL);
      yusuan_line_editor_set_fund (self, like ? like->fund : YUSUAN_FUND_GENERAL_PUBLIC_BUDGET);
      yusuan_line_editor_set_category (self, YUSUAN_CATEGORY_PUBLIC);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount ? amount : "");

  self->loading = FALSE;
  check (self);
}

/* Callbacks */

static void
changed_cb (YusuanLineEditor *self)
{
  check (self);
}

static void
econ_dept_changed_cb (YusuanLineEditor *self)
{
  if (!self->loading)
    default_from_correspondence (self);
  check (self);
}

static void
unit_changed_cb (YusuanLineEditor *self)
{
  /* An institution's lines map to other government codes than an office's. */
  if (!self->loading)
    default_from_correspondence (self);
  check (self);
}

static gboolean
apply_form (GtkWidget  *form,
            GError    **error)
{
  return yusuan_line_editor_apply (YUSUAN_LINE_EDITOR (form), error);
}

/* Overrides */

static void
yusuan_line_editor_dispose (GObject *object)
{
  YusuanLineEditor *self = YUSUAN_LINE_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_LINE_EDITOR);

  G_OBJECT_CLASS (yusuan_line_editor_parent_class)->dispose (object);
}

static void
yusuan_line_editor_finalize (GObject *object)
{
  YusuanLineEditor *self = YUSUAN_LINE_EDITOR (object);

  g_free (self->message);

  G_OBJECT_CLASS (yusuan_line_editor_parent_class)->finalize (object);
}

static void
yusuan_line_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  YusuanLineEditor *self = YUSUAN_LINE_EDITOR (object);

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
yusuan_line_editor_class_init (YusuanLineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_line_editor_dispose;
  object_class->finalize = yusuan_line_editor_finalize;
  object_class->get_property = yusuan_line_editor_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (YUSUAN_TYPE_CODE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-line-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, unit_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, function_chooser);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, econ_dept_chooser);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, econ_gov_chooser);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, fund_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, category_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, amount_unit_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, note_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanLineEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, econ_dept_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_line_editor_init (YusuanLineEditor *self)
{
  g_autoptr(GtkStringList) funds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint f = 0; f < YUSUAN_N_FUNDS; f++)
    gtk_string_list_append (funds, yusuan_fund_label (f));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->fund_dropdown), G_LIST_MODEL (funds));
  for (guint c = 0; c < YUSUAN_N_CATEGORIES; c++)
    gtk_string_list_append (categories, yusuan_category_label (c));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->category_dropdown), G_LIST_MODEL (categories));

  yusuan_code_chooser_set_classification (chooser (self->function_chooser),
                                          YUSUAN_CLASSIFICATION_FUNCTION, YUSUAN_CODE_LEVEL_ITEM);
  yusuan_code_chooser_set_classification (chooser (self->econ_dept_chooser),
                                          YUSUAN_CLASSIFICATION_ECON_DEPT, YUSUAN_CODE_LEVEL_SECTION);
  yusuan_code_chooser_set_classification (chooser (self->econ_gov_chooser),
                                          YUSUAN_CLASSIFICATION_ECON_GOV, YUSUAN_CODE_LEVEL_SECTION);
  self->loading = FALSE;
}

/* Public API */

GtkWidget *
yusuan_line_editor_new (void)
{
  return g_object_new (YUSUAN_TYPE_LINE_EDITOR, NULL);
}

void
yusuan_line_editor_set_target (YusuanLineEditor  *self,
                               YusuanDocument    *document,
                               YusuanCatalog     *catalog,
                               guint              project_id,
                               guint              line_id,
                               YusuanDisplayUnit  unit)
{
  g_return_if_fail (YUSUAN_IS_LINE_EDITOR (self));
  g_return_if_fail (document == NULL || YUSUAN_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  yusuan_editor_set_catalog (&self->catalog, catalog);
  self->project_id = project_id;
  self->line_id = line_id;
  self->unit = unit;
  load (self);
}

guint
yusuan_line_editor_get_line_id (YusuanLineEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), 0);

  return self->line_id;
}

YusuanCodeChooser *
yusuan_line_editor_get_chooser (YusuanLineEditor     *self,
                                YusuanClassification  classification)
{
  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), NULL);

  switch (classification)
    {
    case YUSUAN_CLASSIFICATION_FUNCTION:
      return chooser (self->function_chooser);
    case YUSUAN_CLASSIFICATION_ECON_DEPT:
      return chooser (self->econ_dept_chooser);
    case YUSUAN_CLASSIFICATION_ECON_GOV:
    default:
      return chooser (self->econ_gov_chooser);
    }
}

void
yusuan_line_editor_set_fund (YusuanLineEditor *self,
                             YusuanFund        fund)
{
  g_return_if_fail (YUSUAN_IS_LINE_EDITOR (self));
  g_return_if_fail (fund < YUSUAN_N_FUNDS);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fund_dropdown), fund);
}

YusuanFund
yusuan_line_editor_get_fund (YusuanLineEditor *self)
{
  guint selected;

  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), YUSUAN_FUND_GENERAL_PUBLIC_BUDGET);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fund_dropdown));
  return selected < YUSUAN_N_FUNDS ? (YusuanFund) selected : YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
}

void
yusuan_line_editor_set_unit (YusuanLineEditor *self,
                             const char       *unit_code)
{
  guint position;

  g_return_if_fail (YUSUAN_IS_LINE_EDITOR (self));

  position = yusuan_editor_find_dropdown_unit (self->unit_dropdown, unit_code);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit_dropdown), position);
}

const char *
yusuan_line_editor_get_unit (YusuanLineEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), NULL);

  return yusuan_editor_get_dropdown_unit (self->unit_dropdown);
}

void
yusuan_line_editor_set_category (YusuanLineEditor *self,
                                 YusuanCategory    category)
{
  g_return_if_fail (YUSUAN_IS_LINE_EDITOR (self));
  g_return_if_fail (category < YUSUAN_N_CATEGORIES);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->category_dropdown), category);
}

YusuanCategory
yusuan_line_editor_get_category (YusuanLineEditor *self)
{
  guint selected;

  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), YUSUAN_CATEGORY_PUBLIC);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->category_dropdown));
  return selected < YUSUAN_N_CATEGORIES ? (YusuanCategory) selected : YUSUAN_CATEGORY_PUBLIC;
}

GtkEditable *
yusuan_line_editor_get_amount_entry (YusuanLineEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->amount_entry);
}

gboolean
yusuan_line_editor_is_valid (YusuanLineEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), FALSE);

  return self->valid;
}

const char *
yusuan_line_editor_get_message (YusuanLineEditor *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), NULL);

  return self->message;
}

gboolean
yusuan_line_editor_apply (YusuanLineEditor  *self,
                          GError           **error)
{
  YusuanLine values = { 0 };
  gboolean present = FALSE;

  g_return_val_if_fail (YUSUAN_IS_LINE_EDITOR (self), FALSE);

  check (self);
  if (self->document == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE, _("No budget is open."));
      return FALSE;
    }
  if (!self->valid)
    {
      yusuan_editor_set_problem_error (error, self->message);
      return FALSE;
    }
  if (!is_basic (self) && yusuan_document_lookup_project (self->document, self->project_id) == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE,
                           _("The project was removed meanwhile: the line has nowhere to go."));
      return FALSE;
    }
  if (self->line_id != 0 && yusuan_document_lookup_line (self->document, self->line_id) == NULL)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_GONE,
                           _("The line was removed meanwhile (by an undo?): add it again."));
      return FALSE;
    }

  values.project_id = self->project_id;
  if (is_basic (self))
    g_strlcpy (values.unit, yusuan_line_editor_get_unit (self), sizeof values.unit);
  g_strlcpy (values.function, yusuan_code_chooser_get_code (chooser (self->function_chooser)), sizeof values.function);
  g_strlcpy (values.econ_dept, yusuan_code_chooser_get_code (chooser (self->econ_dept_chooser)), sizeof values.econ_dept);
  g_strlcpy (values.econ_gov, yusuan_code_chooser_get_code (chooser (self->econ_gov_chooser)), sizeof values.econ_gov);
  values.fund = yusuan_line_editor_get_fund (self);
  values.category = is_basic (self) ? yusuan_line_editor_get_category (self) : YUSUAN_CATEGORY_PUBLIC;
  if (!yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)),
                                   self->unit, &present, &values.amount, error) ||
      !yusuan_document_check_amount_change (self->document, FALSE, stored_amount (self), values.amount, error))
    return FALSE;

  yusuan_document_begin_group (self->document, self->line_id == 0 ? _("Add Line") : _("Change Line"));
  if (self->line_id == 0)
    {
      const YusuanLine *added = yusuan_document_add_line (self->document, &values);

      self->line_id = added ? added->id : 0;
    }
  else
    {
      yusuan_document_set_line (self->document, self->line_id, &values);
    }
  yusuan_document_end_group (self->document);

  return TRUE;
}

YusuanEditorDialog *
yusuan_line_editor_dialog_new (GtkWidget         *parent,
                               YusuanDocument    *document,
                               YusuanCatalog     *catalog,
                               guint              project_id,
                               guint              line_id,
                               YusuanDisplayUnit  unit)
{
  GtkWidget *form = yusuan_line_editor_new ();
  const char *title;

  yusuan_line_editor_set_target (YUSUAN_LINE_EDITOR (form), document, catalog, project_id, line_id, unit);
  if (project_id == 0)
    title = line_id == 0 ? _("Add Basic Expenditure Line") : _("Change Basic Expenditure Line");
  else
    title = line_id == 0 ? _("Add Project Line") : _("Change Project Line");

  return yusuan_editor_dialog_new (parent, title, line_id == 0 ? _("_Add") : _("_Save"), form, apply_form);
}
