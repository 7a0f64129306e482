/* yusuan-lines-page.c - the basic-expenditure lines (基本支出): listed, searched, added, changed, removed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-id-list.h"
#include "yusuan-line-editor.h"
#include "yusuan-lines-page.h"

/* Above this many lines the search filters in steps, the list usable meanwhile. */
#define INCREMENTAL_FILTER 5000

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

  YusuanIdList         list;

  YusuanDocument      *document;
  YusuanCatalog       *catalog;
  YusuanDisplayUnit    unit;
  YusuanEditorRefresh  list_refresh;   /* the list made again */
  YusuanEditorRefresh  cells_refresh;  /* the cells on screen filled again */
  guint                read_only : 1;
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

  return yusuan_document_lookup_line (self->document, yusuan_id_item_get_id (item));
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
  const char *search = self->list.search;
  const YusuanLine *line;
  const YusuanUnit *unit;

  if (search == NULL)
    return TRUE;

  line = item_line (self, item);
  if (line == NULL)
    return FALSE;

  if (g_str_has_prefix (line->function, search) || g_str_has_prefix (line->econ_dept, search) ||
      g_str_has_prefix (line->econ_gov, search) || g_str_has_prefix (line->unit, search))
    return TRUE;

  unit = yusuan_document_find_unit (self->document, line->unit);
  return contains_folded (code_name (self, YUSUAN_CLASSIFICATION_FUNCTION, line->function), search) ||
         contains_folded (code_name (self, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept), search) ||
         contains_folded (code_name (self, YUSUAN_CLASSIFICATION_ECON_GOV, line->econ_gov), search) ||
         (unit != NULL && contains_folded (unit->name, search));
}

static void
update_count (YusuanLinesPage *self)
{
  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->list.filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->list.store));
  g_autofree char *text = NULL;

  if (listed == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines", all), all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u line", "%u of %u lines", all), listed, all);
  gtk_label_set_label (GTK_LABEL (self->count_label), text);

  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack),
                                    all == 0 ? "empty" : listed == 0 && !gtk_filter_list_model_get_pending (self->list.filtered)
                                    ? "no-match" : "list");
}

static void
update_buttons (YusuanLinesPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->list.selection) != NULL;

  gtk_widget_set_sensitive (self->add_button, !self->read_only && self->document != NULL);
  gtk_widget_set_sensitive (self->edit_button, !self->read_only && selected);
  gtk_widget_set_sensitive (self->remove_button, !self->read_only && selected);
}

/* Cells */

static void
bind_cell (gpointer     page,
           GtkListItem *list_item,
           guint        column)
{
  YusuanLinesPage *self = page;
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
setup_cell (GtkListItem *list_item,
            guint        column)
{
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

/* Updates */

static void
update_bound (YusuanLinesPage *self)
{
  yusuan_editor_refresh_done (&self->cells_refresh);
  yusuan_id_list_rebind (&self->list, 0);
}

static void
rebuild (YusuanLinesPage *self)
{
  guint n = self->document ? yusuan_document_get_n_basic_lines (self->document) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  guint selected_id = yusuan_lines_page_get_selected (self);

  yusuan_editor_refresh_done (&self->list_refresh);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, yusuan_id_item_new (yusuan_document_get_basic_line (self->document, i)->id));
  gtk_filter_list_model_set_incremental (self->list.filtered, n > INCREMENTAL_FILTER);
  yusuan_id_list_set_items (&self->list, items);
  if (selected_id != 0)
    yusuan_lines_page_select_line (self, selected_id);
  update_count (self);
  update_buttons (self);
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
      yusuan_editor_refresh_queue (&self->list_refresh);
      break;

    case YUSUAN_CHANGE_LINE_CHANGED:
      if (change->line->project_id != 0)
        break;
      /* Hidden, the cells on screen are filled again when shown: typing
       * in a table must not pay for them.  A figure typed in a table
       * changes one line: only its cells on screen follow. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        yusuan_editor_refresh_queue (&self->cells_refresh);
      else
        yusuan_id_list_rebind (&self->list, change->line->id);
      break;

    case YUSUAN_CHANGE_UNIT_CHANGED:
      yusuan_editor_refresh_queue (&self->cells_refresh);
      break;

    default:
      break;
    }
}

static void
search_changed_cb (YusuanLinesPage *self)
{
  if (!self->list.setting_search)
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
  guint id = yusuan_id_list_get_id (&self->list, position);

  if (id != 0 && !self->read_only)
    yusuan_lines_page_edit_line (self, id);
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

static void
line_applied_cb (YusuanEditorDialog *dialog,
                 YusuanLinesPage    *self)
{
  guint id = yusuan_line_editor_get_line_id (YUSUAN_LINE_EDITOR (yusuan_editor_dialog_get_form (dialog)));

  /* The new line is listed from the rebuild; show it. */
  if (yusuan_editor_refresh_pending (&self->list_refresh))
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

  yusuan_editor_refresh_cancel (&self->list_refresh);
  yusuan_editor_refresh_cancel (&self->cells_refresh);
  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  yusuan_editor_set_catalog (&self->catalog, catalog);
  self->read_only = !!read_only;

  /* A city's hundred thousand lines are listed when first looked at, not
   * while the document opens. */
  if (document == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    {
      g_list_store_remove_all (self->list.store);
      yusuan_editor_refresh_queue (&self->list_refresh);
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
  yusuan_editor_refresh_mapped (&self->list_refresh);
  yusuan_editor_refresh_mapped (&self->cells_refresh);
}

static void
yusuan_lines_page_dispose (GObject *object)
{
  YusuanLinesPage *self = YUSUAN_LINES_PAGE (object);

  yusuan_editor_refresh_cancel (&self->list_refresh);
  yusuan_editor_refresh_cancel (&self->cells_refresh);
  yusuan_editor_watch (self, &self->document, NULL, NULL);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_LINES_PAGE);
  yusuan_id_list_clear (&self->list);

  G_OBJECT_CLASS (yusuan_lines_page_parent_class)->dispose (object);
}

static void
yusuan_lines_page_class_init (YusuanLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_lines_page_dispose;
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
  gtk_widget_init_template (GTK_WIDGET (self));
  yusuan_editor_refresh_init (&self->list_refresh, GTK_WIDGET (self), (YusuanEditorRefreshFunc) rebuild);
  yusuan_editor_refresh_init (&self->cells_refresh, GTK_WIDGET (self), (YusuanEditorRefreshFunc) update_bound);

  yusuan_id_list_init (&self->list, self, self->column_view, filter_func, FALSE, setup_cell, bind_cell);
  g_signal_connect_swapped (self->list.filtered, "items-changed", G_CALLBACK (filtered_changed_cb), self);
  g_signal_connect_swapped (self->list.selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  /* Translators: column headers of the list of basic-expenditure lines */
  yusuan_id_list_add_column (&self->list, COLUMN_UNIT, _("Unit (单位)"), FALSE, 200);
  yusuan_id_list_add_column (&self->list, COLUMN_FUNCTION, _("Function (功能分类)"), TRUE, -1);
  yusuan_id_list_add_column (&self->list, COLUMN_ECON_DEPT, _("Department economic (部门经济分类)"), FALSE, 210);
  yusuan_id_list_add_column (&self->list, COLUMN_ECON_GOV, _("Government economic (政府经济分类)"), FALSE, 210);
  yusuan_id_list_add_column (&self->list, COLUMN_FUND, _("Fund (资金来源)"), FALSE, 150);
  yusuan_id_list_add_column (&self->list, COLUMN_CATEGORY, _("Category (经费类别)"), FALSE, 110);
  self->amount_column = yusuan_id_list_add_column (&self->list, COLUMN_AMOUNT, NULL, FALSE, 130);
  yusuan_editor_set_amount_title (self->amount_column, self->unit);

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
  g_return_if_fail (YUSUAN_IS_LINES_PAGE (self));

  yusuan_id_list_set_search (&self->list, self->search_entry, text);
  update_count (self);
}

guint
yusuan_lines_page_get_n_listed (YusuanLinesPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), 0);

  if (yusuan_editor_refresh_pending (&self->list_refresh))
    rebuild (self);
  while (gtk_filter_list_model_get_pending (self->list.filtered) > 0)
    g_main_context_iteration (NULL, FALSE);

  return g_list_model_get_n_items (self->list.listed);
}

guint
yusuan_lines_page_get_listed (YusuanLinesPage *self,
                              guint            index)
{
  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), 0);

  return yusuan_id_list_get_id (&self->list, index);
}

void
yusuan_lines_page_select_line (YusuanLinesPage *self,
                               guint            line_id)
{
  guint n;

  g_return_if_fail (YUSUAN_IS_LINES_PAGE (self));

  if (yusuan_editor_refresh_pending (&self->list_refresh))
    rebuild (self);

  n = g_list_model_get_n_items (self->list.listed);
  for (guint i = 0; i < n; i++)
    if (yusuan_id_list_get_id (&self->list, i) == line_id)
      {
        gtk_single_selection_set_selected (self->list.selection, i);
        gtk_widget_activate_action (self->column_view, "list.scroll-to-item", "u", i);
        return;
      }
}

guint
yusuan_lines_page_get_selected (YusuanLinesPage *self)
{
  gpointer item;

  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), 0);

  item = gtk_single_selection_get_selected_item (self->list.selection);
  return item ? yusuan_id_item_get_id (item) : 0;
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

  g_return_val_if_fail (YUSUAN_IS_LINES_PAGE (self), NULL);

  if (self->document == NULL || self->read_only)
    return NULL;

  dialog = yusuan_line_editor_dialog_new (GTK_WIDGET (self), self->document, self->catalog, 0, line_id, self->unit);
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

  position = gtk_single_selection_get_selected (self->list.selection);
  yusuan_document_remove_line (self->document, id);
  rebuild (self);
  /* The next line takes its place under the cursor. */
  if (position < g_list_model_get_n_items (self->list.listed))
    gtk_single_selection_set_selected (self->list.selection, position);
  update_buttons (self);
}
