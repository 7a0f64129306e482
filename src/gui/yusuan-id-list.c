/* yusuan-id-list.c - a searchable column view of document objects named by id, its cells filled by the page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-editor-page.h"
#include "yusuan-id-list.h"

struct _YusuanIdItem
{
  GObject parent_instance;
  guint   id;
};

G_DEFINE_FINAL_TYPE (YusuanIdItem, yusuan_id_item, G_TYPE_OBJECT)

/* Cells */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          YusuanIdList             *list)
{
  list->setup (list_item, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column")));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         YusuanIdList             *list)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  g_hash_table_insert (list->bound, list_item, GUINT_TO_POINTER (column + 1));
  list->bind (list->page, list_item, column);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           YusuanIdList             *list)
{
  if (list->bound != NULL)
    g_hash_table_remove (list->bound, list_item);
}

static void
yusuan_id_item_class_init (YusuanIdItemClass *klass)
{
}

static void
yusuan_id_item_init (YusuanIdItem *self)
{
}

/* Public API */

YusuanIdItem *
yusuan_id_item_new (guint id)
{
  YusuanIdItem *self = g_object_new (YUSUAN_TYPE_ID_ITEM, NULL);

  self->id = id;
  return self;
}

guint
yusuan_id_item_get_id (YusuanIdItem *self)
{
  g_return_val_if_fail (YUSUAN_IS_ID_ITEM (self), 0);

  return self->id;
}

void
yusuan_id_list_init (YusuanIdList          *list,
                     gpointer               page,
                     GtkWidget             *column_view,
                     GtkCustomFilterFunc    filter_func,
                     gboolean               sortable,
                     YusuanIdListSetupFunc  setup,
                     YusuanIdListBindFunc   bind)
{
  g_return_if_fail (list != NULL);
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (setup != NULL && bind != NULL);

  list->page = page;
  list->view = GTK_COLUMN_VIEW (column_view);
  list->setup = setup;
  list->bind = bind;
  list->bound = g_hash_table_new (NULL, NULL);

  list->store = g_list_store_new (YUSUAN_TYPE_ID_ITEM);
  list->filter = gtk_custom_filter_new (filter_func, page, NULL);
  list->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (list->store)),
                                              GTK_FILTER (g_object_ref (list->filter)));
  if (sortable)
    list->listed = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (list->filtered)),
                                                          g_object_ref (gtk_column_view_get_sorter (list->view))));
  else
    list->listed = G_LIST_MODEL (g_object_ref (list->filtered));

  list->selection = gtk_single_selection_new (g_object_ref (list->listed));
  gtk_single_selection_set_autoselect (list->selection, FALSE);
  gtk_single_selection_set_can_unselect (list->selection, TRUE);
  gtk_column_view_set_model (list->view, GTK_SELECTION_MODEL (list->selection));
}

void
yusuan_id_list_clear (YusuanIdList *list)
{
  g_return_if_fail (list != NULL);

  if (list->filtered != NULL)
    g_signal_handlers_disconnect_by_data (list->filtered, list->page);
  if (list->selection != NULL)
    g_signal_handlers_disconnect_by_data (list->selection, list->page);
  g_clear_object (&list->selection);
  g_clear_object (&list->listed);
  g_clear_object (&list->filtered);
  g_clear_object (&list->filter);
  g_clear_object (&list->store);
  g_clear_pointer (&list->bound, g_hash_table_unref);
  g_clear_pointer (&list->search, g_free);
  list->view = NULL;
}

GtkColumnViewColumn *
yusuan_id_list_add_column (YusuanIdList *list,
                           guint         which,
                           const char   *title,
                           gboolean      expand,
                           int           fixed_width)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  g_return_val_if_fail (list != NULL && list->view != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (which));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), list);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), list);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), list);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (list->view, column);
  g_object_unref (column);

  return column;
}

void
yusuan_id_list_set_items (YusuanIdList *list,
                          GPtrArray    *items)
{
  g_return_if_fail (list != NULL && list->store != NULL);

  g_list_store_splice (list->store, 0, g_list_model_get_n_items (G_LIST_MODEL (list->store)),
                       items->pdata, items->len);
}

void
yusuan_id_list_rebind (YusuanIdList *list,
                       guint         id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (list != NULL);

  if (list->bound == NULL)
    return;

  g_hash_table_iter_init (&iter, list->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      YusuanIdItem *item = gtk_list_item_get_item (key);

      if (id == 0 || (item != NULL && item->id == id))
        list->bind (list->page, key, GPOINTER_TO_UINT (value) - 1);
    }
}

guint
yusuan_id_list_get_id (YusuanIdList *list,
                       guint         position)
{
  g_autoptr(YusuanIdItem) item = NULL;

  g_return_val_if_fail (list != NULL && list->listed != NULL, 0);

  item = g_list_model_get_item (list->listed, position);
  return item ? item->id : 0;
}

void
yusuan_id_list_set_search (YusuanIdList *list,
                           GtkWidget    *search_entry,
                           const char   *text)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (list != NULL && list->filter != NULL);
  g_return_if_fail (GTK_IS_EDITABLE (search_entry));

  /* Setting the entry's text empties it first, which reports an empty
   * search at once: what is asked for here is what counts. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (search_entry)), text ? text : "") != 0)
    {
      list->setting_search = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (search_entry), text ? text : "");
      list->setting_search = FALSE;
    }

  trimmed = yusuan_editor_dup_trimmed (text);
  g_clear_pointer (&list->search, g_free);
  if (trimmed != NULL)
    list->search = g_utf8_casefold (trimmed, -1);
  gtk_filter_changed (GTK_FILTER (list->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
