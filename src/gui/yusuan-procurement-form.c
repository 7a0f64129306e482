/* yusuan-procurement-form.c - the government procurement budget (政府采购): items by category
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-procurement-form.h"

/* One item of the form's copy, as typed: a city's consolidated budget has
 * thousands, so they are listed by a column view whose cells edit them. */
#define PROC_TYPE_ITEM (proc_item_get_type ())
G_DECLARE_FINAL_TYPE (ProcItem, proc_item, PROC, ITEM, GObject)

struct _ProcItem
{
  GObject                    parent_instance;
  YusuanProcurementCategory  category;
  char                      *amount;   /* as typed, in the display unit */
  char                      *project;  /* a project code as typed */
  char                      *name;
};

G_DEFINE_FINAL_TYPE (ProcItem, proc_item, G_TYPE_OBJECT)

static void
proc_item_finalize (GObject *object)
{
  ProcItem *self = PROC_ITEM (object);

  g_free (self->amount);
  g_free (self->project);
  g_free (self->name);

  G_OBJECT_CLASS (proc_item_parent_class)->finalize (object);
}

static void
proc_item_class_init (ProcItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = proc_item_finalize;
}

static void
proc_item_init (ProcItem *self)
{
}

typedef enum
{
  COLUMN_CATEGORY,
  COLUMN_AMOUNT,
  COLUMN_PROJECT,
  COLUMN_NAME,
  COLUMN_REMOVE,
} Column;

struct _YusuanProcurementForm
{
  GtkWidget            parent_instance;

  GtkWidget           *list_stack;
  GtkWidget           *column_view;
  GtkWidget           *totals_label;
  GtkWidget           *add_button;
  GtkWidget           *message_label;
  GtkWidget           *revert_button;
  GtkWidget           *apply_button;
  GtkColumnViewColumn *amount_column;

  GListStore          *store;
  char                *message;
  YusuanDocument      *document;
  YusuanDisplayUnit    unit;
  guint                check_id;
  guint                read_only : 1;
  guint                loading : 1;
};

static void yusuan_procurement_form_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanProcurementForm, yusuan_procurement_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_procurement_form_editor_page_init))

static void check (YusuanProcurementForm *self);
static void queue_check (YusuanProcurementForm *self);

/* Helpers */

static ProcItem *
item_at (YusuanProcurementForm *self,
         guint                  index)
{
  ProcItem *item = g_list_model_get_item (G_LIST_MODEL (self->store), index);

  /* The store keeps it alive. */
  g_object_unref (item);
  return item;
}

static ProcItem *
item_new (YusuanProcurementForm       *self,
          const YusuanProcurementItem *values)
{
  ProcItem *item = g_object_new (PROC_TYPE_ITEM, NULL);

  if (values != NULL)
    {
      item->category = values->category;
      item->amount = yusuan_amount_format (values->amount, self->unit, YUSUAN_AMOUNT_FORMAT_PLAIN);
      item->project = g_strdup (values->project);
      item->name = g_strdup (values->name);
    }

  return item;
}

/* The items as typed: FALSE with the first problem when one is wrong.  The
 * strings in @out are new (freed with @names). */
static gboolean
typed_items (YusuanProcurementForm  *self,
             GArray                 *out,
             GPtrArray              *names,
             GError                **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_projects = self->document ? yusuan_document_get_n_projects (self->document) : 0;

  /* Thousands of items against thousands of projects: look codes up by hash. */
  for (guint i = 0; i < n_projects; i++)
    g_hash_table_add (codes, yusuan_document_get_project (self->document, i)->code);

  for (guint i = 0; i < n; i++)
    {
      ProcItem *item = item_at (self, i);
      YusuanProcurementItem values = { 0 };
      g_autoptr(GError) local_error = NULL;
      gboolean present = FALSE;
      g_autofree char *project = yusuan_editor_dup_trimmed (item->project);

      values.category = MIN (item->category, YUSUAN_N_PROCUREMENT_CATEGORIES - 1);
      if (!yusuan_editor_parse_amount (item->amount, self->unit, &present, &values.amount, &local_error))
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
      if (project != NULL && self->document != NULL && !g_hash_table_contains (codes, project))
        {
          /* Translators: %u is the item's number, %s a project code */
          g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID,
                       _("Item %u: no project has the code %s; leave it empty for none."), i + 1, project);
          return FALSE;
        }
      if (out != NULL)
        {
          values.project = g_steal_pointer (&project);
          values.name = yusuan_editor_dup_trimmed (item->name);
          g_ptr_array_add (names, values.project);
          g_ptr_array_add (names, values.name);
          g_array_append_val (out, values);
        }
    }

  return TRUE;
}

static gboolean
changed_from (YusuanProcurementForm *self,
              GArray                *typed)
{
  if (typed->len != yusuan_document_get_n_procurement (self->document))
    return TRUE;

  for (guint i = 0; i < typed->len; i++)
    {
      const YusuanProcurementItem *a = &g_array_index (typed, YusuanProcurementItem, i);
      const YusuanProcurementItem *b = yusuan_document_get_procurement (self->document, i);
      g_autofree char *name = yusuan_editor_dup_trimmed (b->name);

      if (a->category != b->category || a->amount != b->amount ||
          g_strcmp0 (a->project, b->project) != 0 || g_strcmp0 (a->name, name) != 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
changed (YusuanProcurementForm *self)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (self->document == NULL)
    return FALSE;
  if (!typed_items (self, typed, names, NULL))
    return TRUE;

  return changed_from (self, typed);
}

static void
check (YusuanProcurementForm *self)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  YusuanAmount by_category[YUSUAN_N_PROCUREMENT_CATEGORIES] = { 0 };
  YusuanAmount total = 0;
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean is_changed = FALSE;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->loading)
    {
      g_string_free (text, TRUE);
      return;
    }

  if (typed_items (self, typed, names, &error))
    {
      for (guint i = 0; i < typed->len; i++)
        {
          const YusuanProcurementItem *item = &g_array_index (typed, YusuanProcurementItem, i);

          yusuan_amount_add_checked (&by_category[item->category], item->amount);
          yusuan_amount_add_checked (&total, item->amount);
        }
      is_changed = self->document != NULL && changed_from (self, typed);
    }
  else
    {
      is_changed = self->document != NULL;
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

  g_free (self->message);
  self->message = error ? g_strdup (error->message) : NULL;
  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), n > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->add_button, !self->read_only && self->document != NULL);
  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 is_changed, self->message, self->read_only);
}

static gboolean
check_idle (gpointer user_data)
{
  YusuanProcurementForm *self = user_data;

  self->check_id = 0;
  check (self);

  return G_SOURCE_REMOVE;
}

/* Typing checks once the keystrokes pause, not at each of thousands of items. */
static void
queue_check (YusuanProcurementForm *self)
{
  if (self->check_id == 0)
    self->check_id = g_timeout_add (120, check_idle, self);
}

static void
load (YusuanProcurementForm *self)
{
  guint n = self->document ? yusuan_document_get_n_procurement (self->document) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, item_new (self, yusuan_document_get_procurement (self->document, i)));

  self->loading = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  self->loading = FALSE;
  check (self);
}

/* Cells: each edits the item it is bound to. */

static void
cell_entry_changed_cb (GtkEditable           *entry,
                       YusuanProcurementForm *self)
{
  ProcItem *item = g_object_get_data (G_OBJECT (entry), "item");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "column"));
  char **field;

  if (item == NULL)
    return;

  field = column == COLUMN_AMOUNT ? &item->amount : column == COLUMN_PROJECT ? &item->project : &item->name;
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (entry));

  if (column == COLUMN_PROJECT && self->document != NULL)
    {
      g_autofree char *code = yusuan_editor_dup_trimmed (item->project);
      const YusuanProject *project = code ? yusuan_document_find_project (self->document, code) : NULL;

      yusuan_editor_set_tooltip (GTK_WIDGET (entry), project ? project->name : NULL);
      yusuan_editor_set_css_class (GTK_WIDGET (entry), "warning", code != NULL && project == NULL);
    }
  if (column == COLUMN_AMOUNT)
    {
      gboolean present;
      YusuanAmount amount;

      yusuan_editor_set_css_class (GTK_WIDGET (entry), "error",
                                   !yusuan_editor_parse_amount (item->amount, self->unit, &present, &amount, NULL));
    }
  queue_check (self);
}

static void
cell_category_changed_cb (GtkDropDown           *dropdown,
                          GParamSpec            *pspec,
                          YusuanProcurementForm *self)
{
  ProcItem *item = g_object_get_data (G_OBJECT (dropdown), "item");

  if (item == NULL)
    return;

  item->category = MIN (gtk_drop_down_get_selected (dropdown), YUSUAN_N_PROCUREMENT_CATEGORIES - 1);
  queue_check (self);
}

static void
cell_remove_clicked_cb (GtkButton             *button,
                        YusuanProcurementForm *self)
{
  ProcItem *item = g_object_get_data (G_OBJECT (button), "item");
  guint position;

  if (item != NULL && g_list_store_find (self->store, item, &position))
    yusuan_procurement_form_remove_item (self, position);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          YusuanProcurementForm    *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_CATEGORY:
      {
        g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

        for (guint c = 0; c < YUSUAN_N_PROCUREMENT_CATEGORIES; c++)
          gtk_string_list_append (categories, yusuan_procurement_category_label (c));
        child = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (categories)), NULL);
        g_signal_connect (child, "notify::selected", G_CALLBACK (cell_category_changed_cb), self);
      }
      break;

    case COLUMN_REMOVE:
      child = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_tooltip_text (child, _("Remove this item"));
      g_signal_connect (child, "clicked", G_CALLBACK (cell_remove_clicked_cb), self);
      break;

    case COLUMN_AMOUNT:
    case COLUMN_PROJECT:
    case COLUMN_NAME:
    default:
      child = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (child), FALSE);
      if (column == COLUMN_AMOUNT)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (child), 1.0);
          gtk_editable_set_width_chars (GTK_EDITABLE (child), 10);
          gtk_entry_set_input_purpose (GTK_ENTRY (child), GTK_INPUT_PURPOSE_NUMBER);
          gtk_widget_add_css_class (child, "numeric");
        }
      else if (column == COLUMN_PROJECT)
        {
          gtk_entry_set_placeholder_text (GTK_ENTRY (child), _("No project"));
          gtk_widget_add_css_class (child, "numeric");
        }
      else
        {
          gtk_entry_set_placeholder_text (GTK_ENTRY (child), _("What is bought (optional)"));
        }
      g_object_set_data (G_OBJECT (child), "column", GUINT_TO_POINTER (column));
      g_signal_connect (child, "changed", G_CALLBACK (cell_entry_changed_cb), self);
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         YusuanProcurementForm    *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = gtk_list_item_get_child (list_item);
  ProcItem *item = gtk_list_item_get_item (list_item);

  /* Filled before it edits the item, so that filling writes nothing back. */
  g_object_set_data (G_OBJECT (child), "item", NULL);
  switch (column)
    {
    case COLUMN_CATEGORY:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (child), item->category);
      break;
    case COLUMN_AMOUNT:
      gtk_editable_set_text (GTK_EDITABLE (child), item->amount ? item->amount : "");
      break;
    case COLUMN_PROJECT:
      gtk_editable_set_text (GTK_EDITABLE (child), item->project ? item->project : "");
      break;
    case COLUMN_NAME:
      gtk_editable_set_text (GTK_EDITABLE (child), item->name ? item->name : "");
      break;
    case COLUMN_REMOVE:
    default:
      break;
    }
  g_object_set_data (G_OBJECT (child), "item", item);
  gtk_widget_set_sensitive (child, !self->read_only);
  if (column == COLUMN_AMOUNT || column == COLUMN_PROJECT)
    cell_entry_changed_cb (GTK_EDITABLE (child), self);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           YusuanProcurementForm    *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "item", NULL);
}

static GtkColumnViewColumn *
add_column (YusuanProcurementForm *self,
            Column                 which,
            const char            *title,
            gboolean               expand,
            int                    fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (which));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (column);

  return column;
}

/* Callbacks */

static void
document_changed_cb (YusuanProcurementForm *self,
                     const YusuanChange    *change)
{
  if (change->kind == YUSUAN_CHANGE_RESET || change->kind == YUSUAN_CHANGE_PROCUREMENT)
    load (self);
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
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->message_label, error);
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

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  self->read_only = !!read_only;
  load (self);
}

static void
yusuan_procurement_form_set_display_unit (YusuanEditorPage  *page,
                                          YusuanDisplayUnit  unit)
{
  YusuanProcurementForm *self = YUSUAN_PROCUREMENT_FORM (page);
  YusuanDisplayUnit old = self->unit;
  guint n;

  if (old == unit)
    return;
  if (!changed (self))
    {
      self->unit = unit;
      yusuan_editor_set_amount_title (self->amount_column, self->unit);
      load (self);
      return;
    }

  /* What is typed stays, re-typed in the new unit. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      ProcItem *item = item_at (self, i);
      char *text = yusuan_editor_convert_amount (item->amount, old, unit);

      if (text != NULL)
        {
          g_free (item->amount);
          item->amount = text;
        }
    }
  self->unit = unit;
  yusuan_editor_set_amount_title (self->amount_column, self->unit);
  /* The cells show the items again. */
  g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
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

  yusuan_editor_watch (self, &self->document, NULL, NULL);
  g_clear_handle_id (&self->check_id, g_source_remove);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_PROCUREMENT_FORM);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (yusuan_procurement_form_parent_class)->dispose (object);
}

static void
yusuan_procurement_form_finalize (GObject *object)
{
  YusuanProcurementForm *self = YUSUAN_PROCUREMENT_FORM (object);

  g_free (self->message);

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
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanProcurementForm, column_view);
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
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (PROC_TYPE_ITEM);
  /* Translators: the columns of the procurement items */
  add_column (self, COLUMN_CATEGORY, _("Category (采购品目)"), FALSE, 140);
  self->amount_column = add_column (self, COLUMN_AMOUNT, NULL, FALSE, 150);
  add_column (self, COLUMN_PROJECT, _("Project code (项目编码)"), FALSE, 240);
  add_column (self, COLUMN_NAME, _("What is bought (采购项目)"), TRUE, -1);
  add_column (self, COLUMN_REMOVE, NULL, FALSE, 56);
  yusuan_editor_set_amount_title (self->amount_column, self->unit);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
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

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

guint
yusuan_procurement_form_add_item (YusuanProcurementForm *self)
{
  g_autoptr(ProcItem) item = NULL;
  guint position;

  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), 0);

  item = item_new (self, NULL);
  g_list_store_append (self->store, item);
  position = g_list_model_get_n_items (G_LIST_MODEL (self->store)) - 1;
  check (self);
  gtk_widget_activate_action (self->column_view, "list.scroll-to-item", "u", position);

  return position;
}

void
yusuan_procurement_form_remove_item (YusuanProcurementForm *self,
                                     guint                  index)
{
  g_return_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self));
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->store)));

  g_list_store_remove (self->store, index);
  check (self);
}

void
yusuan_procurement_form_set_item (YusuanProcurementForm     *self,
                                  guint                      index,
                                  YusuanProcurementCategory  category,
                                  const char                *amount,
                                  const char                *project,
                                  const char                *name)
{
  ProcItem *item;

  g_return_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self));
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->store)));
  g_return_if_fail (category < YUSUAN_N_PROCUREMENT_CATEGORIES);

  item = item_at (self, index);
  item->category = category;
  g_free (item->amount);
  item->amount = g_strdup (amount);
  g_free (item->project);
  item->project = g_strdup (project);
  g_free (item->name);
  item->name = g_strdup (name);
  g_list_model_items_changed (G_LIST_MODEL (self->store), index, 1, 1);
  check (self);
}

gboolean
yusuan_procurement_form_is_changed (YusuanProcurementForm *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), FALSE);

  return changed (self);
}

const char *
yusuan_procurement_form_get_message (YusuanProcurementForm *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), NULL);

  if (self->check_id != 0)
    check (self);

  return self->message;
}

gboolean
yusuan_procurement_form_apply (YusuanProcurementForm  *self,
                               GError                **error)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (YUSUAN_IS_PROCUREMENT_FORM (self), FALSE);

  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if (!typed_items (self, typed, names, error))
    return FALSE;
  if (!changed_from (self, typed))
    return TRUE;

  /* Translators: an undo step */
  yusuan_document_begin_group (self->document, _("Change Procurement"));
  yusuan_document_set_procurement (self->document, (const YusuanProcurementItem *) typed->data, typed->len);
  yusuan_document_end_group (self->document);
  load (self);

  return TRUE;
}
