/* yusuan-lines-page.c - the basic-expenditure lines (基本支出): listed, searched, added, changed, removed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-line-editor.h"
#include "yusuan-lines-page.h"

/* Above this many lines the search filters in steps, the list usable meanwhile. */
#define INCREMENTAL_FILTER 5000

/* One line of the list: the document owns the line, the item names it. */
#define LINE_TYPE_ITEM (line_item_get_type ())
G_DECLARE_FINAL_TYPE (LineItem, line_item, LINE, ITEM, GObject)

struct _LineItem
{
  GObject parent_instance;
  guint   id;
};

G_DEFINE_FINAL_TYPE (LineItem, line_item, G_TYPE_OBJECT)

static void
line_item_class_init (LineItemClass *klass)
{
}

static void
line_item_init (LineItem *self)
{
}

static LineItem *
line_item_new (guint id)
{
  LineItem *self = g_object_new (LINE_TYPE_ITEM, NULL);

  self->id = id;
  return self;
}

typedef enum
{
  COLUMN_UNIT,
  COLUMN_FUNCTION,
  COLUMN_ECON_DEPT,
  COLUMN_ECON_GOV,
  COLUMN_FUND,
  COLUMN_CATEGORY,
  COLUMN_AMOUNT,
  N_COLUMNS
} Column;

struct _YusuanLinesPage
{
  GtkWidget            parent_instance;

  GtkWidget           *search_entry;
  GtkWidget           *count_label;
  GtkWidget           *add_button;
  GtkWidget           *edit_button;
  GtkWidget           *remove_button;
  GtkWidget           *list_stack;
  GtkWidget           *column_view;
  GtkColumnViewColumn *amount_column;

  GListStore          *store;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GHashTable          *bound;   /* GtkListItem* → its Column + 1 */
  char                *search;

  YusuanDocument      *document;
  YusuanCatalog       *catalog;
  YusuanDisplayUnit    unit;
  guint                rebuild_id;
  guint                update_id;
  guint                read_only : 1;
  guint                setting_search : 1;
  guint                stale : 1;
  guint                cells_stale : 1;
};

static void yusuan_lines_page_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanLinesPage, yusuan_lines_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_lines_page_editor_page_init))

/* Helpers */

static const YusuanLine *
item_line (YusuanLinesPage *self,
           gpointer         item)
{
  if (self->document == NULL || item == NULL)
    return NULL;

  return yusuan_document_lookup_line (self->document, LINE_ITEM (item)->id);
}

static const char *
code_name (YusuanLinesPage      *self,
           YusuanClassification  classification,
           const char           *code)
{
  const char *name = self->catalog ? yusuan_catalog_get_name (self->catalog, classification, code) : NULL;

  return name ? name : "";
}

static char *
code_text (YusuanLinesPage      *self,
           YusuanClassification  classification,
           const char           *code)
{
  return g_strdup_printf ("%s %s", code, code_name (self, classification, code));
}

static gboolean
contains_folded (const char *text,
                 const char *folded_query)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  return strstr (folded, folded_query) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  YusuanLinesPage *self = user_data;
  const YusuanLine *line;
  const YusuanUnit *unit;

  if (self->search == NULL)
    return TRUE;

  line = item_line (self, item);
  if (line == NULL)
    return FALSE;

  if (g_str_has_prefix (line->function, self->search) || g_str_has_prefix (line->econ_dept, self->search) ||
      g_str_has_prefix (line->econ_gov, self->search) || g_str_has_prefix (line->unit, self->search))
    return TRUE;

  unit = yusuan_document_find_unit (self->document, line->unit);
  return contains_folded (code_name (self, YUSUAN_CLASSIFICATION_FUNCTION, line->function), self->search) ||
         contains_folded (code_name (self, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept), self->search) ||
         contains_folded (code_name (self, YUSUAN_CLASSIFICATION_ECON_GOV, line->econ_gov), self->search) ||
         (unit != NULL && contains_folded (unit->name, self->search));
}

static void
update_count (YusuanLinesPage *self)
{
  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  if (listed == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines", all), all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u line", "%u of %u lines", all), listed, all);
  gtk_label_set_label (GTK_LABEL (self->count_label), text);

  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack),
                                    all == 0 ? "empty" : listed == 0 && !gtk_filter_list_model_get_pending (self->filtered)
                                    ? "no-match" : "list");
}

static void
update_buttons (YusuanLinesPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_set_sensitive (self->add_button, !self->read_only && self->document != NULL);
  gtk_widget_set_sensitive (self->edit_button, !self->read_only && selected);
  gtk_widget_set_sensitive (self->remove_button, !self->read_only && selected);
}

/* Cells */

static void
bind_cell (YusuanLinesPage *self,
           GtkListItem     *list_item,
           Column           column)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const YusuanLine *line = item_line (self, gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  if (line != NULL)
    switch (column)
      {
      case COLUMN_UNIT:
        {
          const YusuanUnit *unit = yusuan_document_find_unit (self->document, line->unit);

          text = unit ? g_strdup_printf ("%s %s", unit->code, unit->name) : g_strdup (line->unit);
        }
        break;
      case COLUMN_FUNCTION:
        text = code_text (self, YUSUAN_CLASSIFICATION_FUNCTION, line->function);
        break;
      case COLUMN_ECON_DEPT:
        text = code_text (self, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept);
        break;
      case COLUMN_ECON_GOV:
        text = code_text (self, YUSUAN_CLASSIFICATION_ECON_GOV, line->econ_gov);
        break;
      case COLUMN_FUND:
        text = g_strdup (yusuan_fund_label (line->fund));
        break;
      case COLUMN_CATEGORY:
        text = g_strdup (yusuan_category_label (line->category));
        break;
      case COLUMN_AMOUNT:
        text = yusuan_amount_format (line->amount, self->unit, YUSUAN_AMOUNT_FORMAT_GROUPED);
        break;
      case N_COLUMNS:
      default:
        break;
      }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  if (column != COLUMN_AMOUNT)
    yusuan_editor_set_tooltip (child, text);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (child), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child), column == COLUMN_FUNCTION ? 24 : 14);
  if (column == COLUMN_AMOUNT)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (child), 1.0);
      gtk_widget_add_css_class (child, "numeric");
    }
  gtk_widget_set_margin_top (child, 4);
  gtk_widget_set_margin_bottom (child, 4);
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         YusuanLinesPage          *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  g_hash_table_insert (self->bound, list_item, GUINT_TO_POINTER (column + 1));
  bind_cell (self, list_item, column);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           YusuanLinesPage          *self)
{
  g_hash_table_remove (self->bound, list_item);
}

static void
add_column (YusuanLinesPage *self,
            Column           which,
            const char      *title,
            gboolean         expand,
            int              fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (which));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  if (which == COLUMN_AMOUNT)
    self->amount_column = column;
  g_object_unref (column);
}

/* Updates */

static void
update_bound (YusuanLinesPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_clear_handle_id (&self->update_id, g_source_remove);
  self->cells_stale = FALSE;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    bind_cell (self, key, GPOINTER_TO_UINT (value) - 1);
}

/* A figure typed in a table changes one line: only its cells on screen follow. */
static void
update_line (YusuanLinesPage *self,
             guint            line_id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LineItem *item = gtk_list_item_get_item (key);

      if (item != NULL && item->id == line_id)
        bind_cell (self, key, GPOINTER_TO_UINT (value) - 1);
    }
}

static gboolean
update_idle (gpointer user_data)
{
  YusuanLinesPage *self = user_data;

  self->update_id = 0;
  update_bound (self);

  return G_SOURCE_REMOVE;
}

static void
rebuild (YusuanLinesPage *self)
{
  guint n = self->document ? yusuan_document_get_n_basic_lines (self->document) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  guint selected_id = yusuan_lines_page_get_selected (self);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, line_item_new (yusuan_document_get_basic_line (self->document, i)->id));
  gtk_filter_list_model_set_incremental (self->filtered, n > INCREMENTAL_FILTER);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected_id != 0)
    yusuan_lines_page_select_line (self, selected_id);
  update_count (self);
  update_buttons (self);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  YusuanLinesPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
document_changed_cb (YusuanLinesPage    *self,
                     const YusuanChange *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
      if (change->kind != YUSUAN_CHANGE_RESET && change->line != NULL && change->line->project_id != 0)
        break;
      /* Hidden, the list is made again when shown. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          self->stale = TRUE;
          break;
        }
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, rebuild_idle, self, NULL);
      break;

    case YUSUAN_CHANGE_LINE_CHANGED:
      if (change->line->project_id != 0)
        break;
      /* Hidden, the cells on screen are filled again when shown: typing
       * in a table must not pay for them. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        self->cells_stale = TRUE;
      else
        update_line (self, change->line->id);
      break;

    case YUSUAN_CHANGE_UNIT_CHANGED:
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        self->cells_stale = TRUE;
      else if (self->update_id == 0)
        self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, update_idle, self, NULL);
      break;

    default:
      break;
    }
}

static void
search_changed_cb (YusuanLinesPage *self)
{
  if (!self->setting_search)
    yusuan_lines_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
filtered_changed_cb (YusuanLinesPage *self)
{
  update_count (self);
}

static void
selection_changed_cb (YusuanLinesPage *self)
{
  update_buttons (self);
}

static void
activate_cb (YusuanLinesPage *self,
             guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL && !self->read_only)
    yusuan_lines_page_edit_line (self, LINE_ITEM (item)->id);
}

static void
add_clicked_cb (YusuanLinesPage *self)
{
  yusuan_lines_page_add_line (self);
}

static void
edit_clicked_cb (YusuanLinesPage *self)
{
  guint id = yusuan_lines_page_get_selected (self);

  if (id != 0)
    yusuan_lines_page_edit_line (self, id);
}

static void
remove_clicked_cb (YusuanLinesPage *self)
{
  yusuan_lines_page_remove_selected (self);
}

static gboolean
apply_line_form (GtkWidget  *form,
                 GError    **error)
{
  return yusuan_line_editor_apply (YUSUAN_LINE_EDITOR (form), error);
}

static void
line_applied_cb (YusuanEditorDialog *dialog,
                 YusuanLinesPage    *self)
{
  guint id = yusuan_line_editor_get_line_id (YUSUAN_LINE_EDITOR (yusuan_editor_dialog_get_form (dialog)));

  /* The new line is listed from the rebuild; show it. */
  if (self->rebuild_id != 0 || self->stale)
    rebuild (self);
  yusuan_lines_page_select_line (self, id);
}

/* YusuanEditorPage */

static void
yusuan_lines_page_set_document (YusuanEditorPage *page,
                                YusuanDocument   *document,
                                YusuanCatalog    *catalog,
                                YusuanChecker    *checker,
                                gboolean          read_only)
{
  YusuanLinesPage *self = YUSUAN_LINES_PAGE (page);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->update_id, g_source_remove);
  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  if (self->catalog != catalog)
    {
      g_clear_pointer (&self->catalog, yusuan_catalog_unref);
      self->catalog = catalog ? yusuan_catalog_ref (catalog) : NULL;
    }
  self->read_only = !!read_only;

  /* A city's hundred thousand lines are listed when first looked at, not
   * while the document opens. */
  if (document == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    {
      g_list_store_remove_all (self->store);
      self->stale = TRUE;
    }
}

static void
yusuan_lines_page_set_display_unit (YusuanEditorPage  *page,
                                    YusuanDisplayUnit  unit)
{
  YusuanLinesPage *self = YUSUAN_LINES_PAGE (page);

  self->unit = unit;
  yusuan_editor_set_amount_title (self->amount_column, self->unit);
  update_bound (self);
}

static void
yusuan_lines_page_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_lines_page_set_document;
  iface->set_display_unit = yusuan_lines_page_set_display_unit;
}

/* Overrides */

static void
yusuan_lines_page_map (GtkWidget *widget)
{
  YusuanLinesPage *self = YUSUAN_LINES_PAGE (widget);

  GTK_WIDGET_CLASS (yusuan_lines_page_parent_class)->map (widget);
  if (self->stale)
    rebuild (self);
  if (self->cells_stale)
    update_bound (self);
}

static void
yusuan_lines_page_dispose (GObject *object)
{
  YusuanLinesPage *self = YUSUAN_LINES_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->update_id, g_source_remove);
  yusuan_editor_watch (self, &self->document, NULL, NULL);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  g_hash_table_remove_all (self->bound);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_LINES_PAGE);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (yusuan_lines_page_parent_class)->dispose (object);
}

static void
yusuan_lines_page_finalize (GObject *object)
{
  YusuanLinesPage *self = YUSUAN_LINES_PAGE (object);

  g_hash_table_unref (self->bound);
  g_free (self->search);

  G_OBJECT_CLASS (yusuan_lines_page_parent_class)->finalize (object);
}

static void
yusuan_lines_page_class_init (YusuanLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_lines_page_dispose;
  object_class->finalize = yusuan_lines_page_finalize;
  widget_class->map = yusuan_lines_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanLinesPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_lines_page_init (YusuanLinesPage *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (LINE_TYPE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (filtered_changed_cb), self);

  /* Translators: column headers of the list of basic-expenditure lines */
  add_column (self, COLUMN_UNIT, _("Unit (单位)"), FALSE, 200);
  add_column (self, COLUMN_FUNCTION, _("Function (功能分类)"), TRUE, -1);
  add_column (self, COLUMN_ECON_DEPT, _("Department economic (部门经济分类)"), FALSE, 210);
  add_column (self, COLUMN_ECON_GOV, _("Government economic (政府经济分类)"), FALSE, 210);
  add_column (self, COLUMN_FUND, _("Fund (资金来源)"), FALSE, 150);
  add_column (self, COLUMN_CATEGORY, _("Category (经费类别)"), FALSE, 110);
  add_column (self, COLUMN_AMOUNT, NULL, FALSE, 130);
  yusuan_editor_set_amount_title (self->amount_column, self->unit);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));
  update_count (self);
  update_buttons (self);
}

/* Public API */

GtkWidget *
yusuan_lines_page_new (void)
{
  return g_object_new (YUSUAN_TYPE_LINES_PAGE, NULL);
}

void
yusuan_lines_page_set_search (YusuanLinesPage *self,
                              const char      *text)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (YUSUAN_IS_LINES_PAGE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      self->setting_search = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      self->setting_search = FALSE;
    }

  trimmed = yusuan_editor_dup_trimmed (text);
  g_clear_pointer (&self->search, g_free);
  if (trimmed != NULL)
    self->search = g_utf8_casefold (trimmed, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

guint
yusuan_lines_page_get_n_listed (YusuanLinesPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), 0);

  if (self->rebuild_id != 0 || self->stale)
    rebuild (self);
  while (gtk_filter_list_model_get_pending (self->filtered) > 0)
    g_main_context_iteration (NULL, FALSE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
yusuan_lines_page_get_listed (YusuanLinesPage *self,
                              guint            index)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), 0);

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), index);
  return item ? LINE_ITEM (item)->id : 0;
}

void
yusuan_lines_page_select_line (YusuanLinesPage *self,
                               guint            line_id)
{
  guint n;

  g_return_if_fail (YUSUAN_IS_LINES_PAGE (self));

  if (self->rebuild_id != 0 || self->stale)
    rebuild (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (LINE_ITEM (item)->id == line_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (self->column_view, "list.scroll-to-item", "u", i);
          return;
        }
    }
}

guint
yusuan_lines_page_get_selected (YusuanLinesPage *self)
{
  gpointer item;

  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), 0);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? LINE_ITEM (item)->id : 0;
}

YusuanEditorDialog *
yusuan_lines_page_add_line (YusuanLinesPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), NULL);

  return yusuan_lines_page_edit_line (self, 0);
}

YusuanEditorDialog *
yusuan_lines_page_edit_line (YusuanLinesPage *self,
                             guint            line_id)
{
  YusuanEditorDialog *dialog;
  GtkWidget *form;

  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), NULL);

  if (self->document == NULL || self->read_only)
    return NULL;

  form = yusuan_line_editor_new ();
  yusuan_line_editor_set_target (YUSUAN_LINE_EDITOR (form), self->document, self->catalog, 0, line_id, self->unit);
  dialog = yusuan_editor_dialog_new (GTK_WIDGET (self),
                                     line_id == 0 ? _("Add Basic Expenditure Line") : _("Change Basic Expenditure Line"),
                                     line_id == 0 ? _("_Add") : _("_Save"),
                                     form, apply_line_form);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (line_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

void
yusuan_lines_page_remove_selected (YusuanLinesPage *self)
{
  guint id;
  guint position;

  g_return_if_fail (YUSUAN_IS_LINES_PAGE (self));

  id = yusuan_lines_page_get_selected (self);
  if (id == 0 || self->read_only || yusuan_document_lookup_line (self->document, id) == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  yusuan_document_remove_line (self->document, id);
  rebuild (self);
  /* The next line takes its place under the cursor. */
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)))
    gtk_single_selection_set_selected (self->selection, position);
  update_buttons (self);
}
