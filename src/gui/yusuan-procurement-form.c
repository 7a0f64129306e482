/* yusuan-procurement-form.c - the government procurement budget (政府采购): items by category
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-procurement-form.h"

typedef struct
{
  GtkWidget *row;
  GtkWidget *category;
  GtkWidget *amount;
  GtkWidget *project;
  GtkWidget *name;
} Item;

struct _YusuanProcurementForm
{
  GtkWidget          parent_instance;

  GtkWidget         *items_list;
  GtkWidget         *empty_label;
  GtkWidget         *totals_label;
  GtkWidget         *add_button;
  GtkWidget         *message_label;
  GtkWidget         *revert_button;
  GtkWidget         *apply_button;

  GPtrArray         *items;          /* Item* */
  GPtrArray         *project_codes;  /* the project choices; index 0 is "none" (NULL) */
  GtkStringList     *project_names;
  YusuanDocument    *document;
  YusuanDisplayUnit  unit;
  guint              read_only : 1;
  guint              loading : 1;
};

static void yusuan_procurement_form_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanProcurementForm, yusuan_procurement_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_procurement_form_editor_page_init))

static void check (YusuanProcurementForm *self);

/* Helpers */

static guint
project_index (YusuanProcurementForm *self,
               const char            *code)
{
  if (code == NULL)
    return 0;

  for (guint i = 1; i < self->project_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->project_codes, i), code) == 0)
      return i;

  /* A code no project has (yet): kept, as typed. */
  g_ptr_array_add (self->project_codes, g_strdup (code));
  gtk_string_list_append (self->project_names, code);
  return self->project_codes->len - 1;
}

static void
fill_projects (YusuanProcurementForm *self)
{
  guint n = self->document ? yusuan_document_get_n_projects (self->document) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->project_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->project_codes, 0);
  g_ptr_array_add (self->project_codes, NULL);
  /* Translators: a procurement item bought for no particular project */
  g_ptr_array_add (names, g_strdup (_("(No project)")));
  for (guint i = 0; i < n; i++)
    {
      const YusuanProject *project = yusuan_document_get_project (self->document, i);

      g_ptr_array_add (self->project_codes, g_strdup (project->code));
      g_ptr_array_add (names, g_strdup_printf ("%s %s", project->code, project->name));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->project_names, 0, old, (const char *const *) names->pdata);
}

static void
item_changed_cb (YusuanProcurementForm *self)
{
  check (self);
}

static void
remove_clicked_cb (GtkButton             *button,
                   YusuanProcurementForm *self)
{
  for (guint i = 0; i < self->items->len; i++)
    if (((Item *) g_ptr_array_index (self->items, i))->row == gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW))
      {
        yusuan_procurement_form_remove_item (self, i);
        return;
      }
}

static Item *
item_new (YusuanProcurementForm       *self,
          const YusuanProcurementItem *values)
{
  Item *item = g_new0 (Item, 1);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkExpression *expression;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *amount = NULL;

  for (guint c = 0; c < YUSUAN_N_PROCUREMENT_CATEGORIES; c++)
    gtk_string_list_append (categories, yusuan_procurement_category_label (c));
  item->category = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (categories)), NULL);
  gtk_widget_set_tooltip_text (item->category, _("Category (采购品目)"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (item->category), values ? values->category : 0);

  item->amount = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (item->amount), _("Amount"));
  gtk_editable_set_width_chars (GTK_EDITABLE (item->amount), 12);
  gtk_editable_set_alignment (GTK_EDITABLE (item->amount), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (item->amount), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (item->amount, "numeric");
  if (values != NULL)
    amount = yusuan_amount_format (values->amount, self->unit, YUSUAN_AMOUNT_FORMAT_PLAIN);
  gtk_editable_set_text (GTK_EDITABLE (item->amount), amount ? amount : "");

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  item->project = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->project_names)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (item->project), TRUE);
  gtk_widget_set_size_request (item->project, 220, -1);
  gtk_widget_set_tooltip_text (item->project, _("The project it is bought for"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (item->project), project_index (self, values ? values->project : NULL));

  item->name = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (item->name), _("What is bought (optional)"));
  gtk_widget_set_hexpand (item->name, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (item->name), values && values->name ? values->name : "");

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this item"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  g_signal_connect_swapped (item->category, "notify::selected", G_CALLBACK (item_changed_cb), self);
  g_signal_connect_swapped (item->project, "notify::selected", G_CALLBACK (item_changed_cb), self);
  g_signal_connect_swapped (item->amount, "changed", G_CALLBACK (item_changed_cb), self);
  g_signal_connect_swapped (item->name, "changed", G_CALLBACK (item_changed_cb), self);

  gtk_box_append (GTK_BOX (box), item->category);
  gtk_box_append (GTK_BOX (box), item->amount);
  gtk_box_append (GTK_BOX (box), item->project);
  gtk_box_append (GTK_BOX (box), item->name);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_sensitive (box, !self->read_only);

  item->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), box);
  gtk_list_box_append (GTK_LIST_BOX (self->items_list), item->row);
  g_ptr_array_add (self->items, item);

  return item;
}

static void
clear_items (YusuanProcurementForm *self)
{
  for (guint i = 0; i < self->items->len; i++)
    gtk_list_box_remove (GTK_LIST_BOX (self->items_list), ((Item *) g_ptr_array_index (self->items, i))->row);
  g_ptr_array_set_size (self->items, 0);
}

/* The items as typed: FALSE with the first problem when one is wrong.
 * The strings in @out point into the widgets. */
static gboolean
typed_items (YusuanProcurementForm  *self,
             GArray                 *out,
             GError                **error)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      YusuanProcurementItem values = { 0 };
      g_autoptr(GError) local_error = NULL;
      gboolean present = FALSE;
      guint project = gtk_drop_down_get_selected (GTK_DROP_DOWN (item->project));

      values.category = MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (item->category)),
                             YUSUAN_N_PROCUREMENT_CATEGORIES - 1);
      if (!yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (item->amount)),
                                       self->unit, &present, &values.amount, &local_error))
        {
          /* Translators: %u is the item's number (1, 2 …), %s why its amount is refused */
          g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID,
                       _("Item %u: %s"), i + 1, local_error->message);
          return FALSE;
        }
      if (!present)
        {
          g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID,
                       _("Item %u: enter its amount, or remove it."), i + 1);
          return FALSE;
        }
      values.project = project < self->project_codes->len ? g_ptr_array_index (self->project_codes, project) : NULL;
      values.name = (char *) gtk_editable_get_text (GTK_EDITABLE (item->name));
      if (out != NULL)
        g_array_append_val (out, values);
    }

  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *ta = yusuan_editor_dup_trimmed (a);
  g_autofree char *tb = yusuan_editor_dup_trimmed (b);

  return g_strcmp0 (ta, tb) == 0;
}

static gboolean
changed (YusuanProcurementForm *self)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));

  if (self->document == NULL)
    return FALSE;
  if (!typed_items (self, typed, NULL))
    return TRUE;
  if (typed->len != yusuan_document_get_n_procurement (self->document))
    return TRUE;

  for (guint i = 0; i < typed->len; i++)
    {
      const YusuanProcurementItem *a = &g_array_index (typed, YusuanProcurementItem, i);
      const YusuanProcurementItem *b = yusuan_document_get_procurement (self->document, i);

      if (a->category != b->category || a->amount != b->amount ||
          g_strcmp0 (a->project, b->project) != 0 || !same_text (a->name, b->name))
        return TRUE;
    }

  return FALSE;
}

static void
check (YusuanProcurementForm *self)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  g_autoptr(GError) error = NULL;
  YusuanAmount by_category[YUSUAN_N_PROCUREMENT_CATEGORIES] = { 0 };
  YusuanAmount total = 0;
  GString *text = g_string_new (NULL);

  if (self->loading)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      gboolean present;
      YusuanAmount amount;

      yusuan_editor_set_css_class (item->amount, "error",
                                   !yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (item->amount)),
                                                                self->unit, &present, &amount, NULL));
    }

  if (typed_items (self, typed, &error))
    for (guint i = 0; i < typed->len; i++)
      {
        const YusuanProcurementItem *item = &g_array_index (typed, YusuanProcurementItem, i);

        yusuan_amount_add_checked (&by_category[item->category], item->amount);
        yusuan_amount_add_checked (&total, item->amount);
      }

  {
    g_autofree char *figure = yusuan_editor_format_amount (total, self->unit);

    /* Translators: the procurement total, followed by each category's */
    g_string_append_printf (text, _("Total %s"), figure);
  }
  for (guint c = 0; c < YUSUAN_N_PROCUREMENT_CATEGORIES; c++)
    {
      g_autofree char *figure = yusuan_editor_format_amount (by_category[c], self->unit);

      /* Translators: a procurement category and its amount, "货物 65.00 万元" */
      g_string_append_printf (text, _(" · %s %s"), yusuan_procurement_category_label (c), figure);
    }
  gtk_label_set_label (GTK_LABEL (self->totals_label), text->str);
  g_string_free (text, TRUE);

  gtk_widget_set_visible (self->empty_label, self->items->len == 0);
  gtk_widget_set_visible (self->items_list, self->items->len > 0);
  gtk_widget_set_sensitive (self->add_button, !self->read_only && self->document != NULL);
  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 changed (self), error ? error->message : NULL, self->read_only);
}

static void
load (YusuanProcurementForm *self)
{
  guint n = self->document ? yusuan_document_get_n_procurement (self->document) : 0;

  self->loading = TRUE;
  clear_items (self);
  fill_projects (self);
  for (guint i = 0; i < n; i++)
    item_new (self, yusuan_document_get_procurement (self->document, i));
  self->loading = FALSE;
  check (self);
}

/* Callbacks */

static void
document_changed_cb (YusuanProcurementForm *self,
                     const YusuanChange    *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_PROCUREMENT:
      load (self);
      break;

    case YUSUAN_CHANGE_PROJECT_ADDED:
    case YUSUAN_CHANGE_PROJECT_REMOVED:
    case YUSUAN_CHANGE_PROJECT_CHANGED:
      /* The project choices follow; what is typed stays when it differs. */
      if (!changed (self))
        load (self);
      break;

    default:
      break;
    }
}

static void
add_clicked_cb (YusuanProcurementForm *self)
{
  yusuan_procurement_form_add_item (self);
}

static void
apply_clicked_cb (YusuanProcurementForm *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_procurement_form_apply (self, &error))
    {
      gtk_label_set_label (GTK_LABEL (self->message_label), error->message);
      gtk_widget_set_visible (self->message_label, TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

static void
revert_clicked_cb (YusuanProcurementForm *self)
{
  load (self);
}

/* YusuanEditorPage */

static void
yusuan_procurement_form_set_document (YusuanEditorPage *page,
                                      YusuanDocument   *document,
                                      YusuanCatalog    *catalog,
                                      YusuanChecker    *checker,
                                      gboolean          read_only)
{
  YusuanProcurementForm *self = YUSUAN_PROCUREMENT_FORM (page);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  self->read_only = !!read_only;
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
}

static void
yusuan_procurement_form_set_display_unit (YusuanEditorPage  *page,
                                          YusuanDisplayUnit  unit)
{
  YusuanProcurementForm *self = YUSUAN_PROCUREMENT_FORM (page);
  YusuanDisplayUnit old = self->unit;

  if (!changed (self))
    {
      self->unit = unit;
      load (self);
      return;
    }

  self->unit = unit;
  self->loading = TRUE;
  for (guint i = 0; i < self->items->len; i++)
    yusuan_editor_convert_amount_text (GTK_EDITABLE (((Item *) g_ptr_array_index (self->items, i))->amount), old, unit);
  self->loading = FALSE;
  check (self);
}

static void
yusuan_procurement_form_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_procurement_form_set_document;
  iface->set_display_unit = yusuan_procurement_form_set_display_unit;
}

/* Overrides */

static void
yusuan_procurement_form_dispose (GObject *object)
{
  YusuanProcurementForm *self = YUSUAN_PROCUREMENT_FORM (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_ptr_array_set_size (self->items, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_PROCUREMENT_FORM);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->project_names);

  G_OBJECT_CLASS (yusuan_procurement_form_parent_class)->dispose (object);
}

static void
yusuan_procurement_form_finalize (GObject *object)
{
  YusuanProcurementForm *self = YUSUAN_PROCUREMENT_FORM (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->project_codes);

  G_OBJECT_CLASS (yusuan_procurement_form_parent_class)->finalize (object);
}

static void
yusuan_procurement_form_class_init (YusuanProcurementFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_procurement_form_dispose;
  object_class->finalize = yusuan_procurement_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-procurement-form.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, items_list);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, empty_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, totals_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, add_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_procurement_form_init (YusuanProcurementForm *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->project_codes = g_ptr_array_new_with_free_func (g_free);
  self->project_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  load (self);
}

/* Public API */

GtkWidget *
yusuan_procurement_form_new (void)
{
  return g_object_new (YUSUAN_TYPE_PROCUREMENT_FORM, NULL);
}

guint
yusuan_procurement_form_get_n_items (YusuanProcurementForm *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), 0);

  return self->items->len;
}

guint
yusuan_procurement_form_add_item (YusuanProcurementForm *self)
{
  Item *item;

  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), 0);

  item = item_new (self, NULL);
  check (self);
  gtk_widget_grab_focus (item->amount);

  return self->items->len - 1;
}

void
yusuan_procurement_form_remove_item (YusuanProcurementForm *self,
                                     guint                  index)
{
  g_return_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self));
  g_return_if_fail (index < self->items->len);

  gtk_list_box_remove (GTK_LIST_BOX (self->items_list), ((Item *) g_ptr_array_index (self->items, index))->row);
  g_ptr_array_remove_index (self->items, index);
  check (self);
}

void
yusuan_procurement_form_set_category (YusuanProcurementForm     *self,
                                      guint                      index,
                                      YusuanProcurementCategory  category)
{
  g_return_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self));
  g_return_if_fail (index < self->items->len);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (((Item *) g_ptr_array_index (self->items, index))->category), category);
}

void
yusuan_procurement_form_set_project (YusuanProcurementForm *self,
                                     guint                  index,
                                     const char            *project_code)
{
  g_return_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self));
  g_return_if_fail (index < self->items->len);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (((Item *) g_ptr_array_index (self->items, index))->project),
                              project_index (self, project_code));
}

GtkEditable *
yusuan_procurement_form_get_amount_entry (YusuanProcurementForm *self,
                                          guint                  index)
{
  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return GTK_EDITABLE (((Item *) g_ptr_array_index (self->items, index))->amount);
}

GtkEditable *
yusuan_procurement_form_get_name_entry (YusuanProcurementForm *self,
                                        guint                  index)
{
  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return GTK_EDITABLE (((Item *) g_ptr_array_index (self->items, index))->name);
}

gboolean
yusuan_procurement_form_apply (YusuanProcurementForm  *self,
                               GError                **error)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), FALSE);

  if (self->document == NULL || self->read_only)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_READ_ONLY,
                           _("The budget is open read-only: nothing can be changed."));
      return FALSE;
    }
  if (!typed_items (self, typed, error))
    return FALSE;
  if (!changed (self))
    return TRUE;

  /* Names are stored trimmed, an empty one as none. */
  for (guint i = 0; i < typed->len; i++)
    {
      YusuanProcurementItem *item = &g_array_index (typed, YusuanProcurementItem, i);
      char *name = yusuan_editor_dup_trimmed (item->name);

      g_ptr_array_add (names, name);
      item->name = name;
    }

  /* Translators: an undo step */
  yusuan_document_begin_group (self->document, _("Change Procurement"));
  yusuan_document_set_procurement (self->document, (const YusuanProcurementItem *) typed->data, typed->len);
  yusuan_document_end_group (self->document);
  load (self);

  return TRUE;
}
