/* yusuan-table-model.c - a YusuanTable as a GListModel of YusuanRowItem, following its changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-table-model.h"

struct _YusuanTableModel
{
  GObject      parent_instance;

  YusuanTable *table;
  GPtrArray   *items;  /* YusuanRowItem* or NULL, one slot per row */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanTableModel, yusuan_table_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return YUSUAN_TYPE_ROW_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return YUSUAN_TABLE_MODEL (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  YusuanTableModel *self = YUSUAN_TABLE_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) = yusuan_row_item_new (self->table, position);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cell_changed_cb (YusuanTableModel *self,
                 guint             row,
                 guint             column,
                 YusuanTable      *table)
{
  YusuanRowItem *item = yusuan_table_model_peek_item (self, row);

  if (item != NULL)
    yusuan_row_item_changed (item, (int) column);
}

static void
rows_changed_cb (YusuanTableModel *self,
                 guint             position,
                 guint             removed,
                 guint             added,
                 YusuanTable      *table)
{
  g_return_if_fail (position + removed <= self->items->len);

  g_ptr_array_remove_range (self->items, position, removed);
  /* Open the gap for the new rows in one move (a reset adds every row:
   * inserting them one by one would shift the tail once per row). */
  if (added > 0)
    {
      guint tail = self->items->len - position;

      g_ptr_array_set_size (self->items, self->items->len + added);
      memmove (&self->items->pdata[position + added], &self->items->pdata[position],
               tail * sizeof (gpointer));
      memset (&self->items->pdata[position], 0, added * sizeof (gpointer));
    }

  if (removed != added)
    for (guint i = position + added; i < self->items->len; i++)
      {
        YusuanRowItem *item = g_ptr_array_index (self->items, i);

        if (item != NULL)
          yusuan_row_item_set_index (item, i);
      }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
clear_item (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
yusuan_table_model_dispose (GObject *object)
{
  YusuanTableModel *self = YUSUAN_TABLE_MODEL (object);

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (self->table, self);
  g_clear_object (&self->table);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (yusuan_table_model_parent_class)->dispose (object);
}

static void
yusuan_table_model_finalize (GObject *object)
{
  YusuanTableModel *self = YUSUAN_TABLE_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (yusuan_table_model_parent_class)->finalize (object);
}

static void
yusuan_table_model_class_init (YusuanTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yusuan_table_model_dispose;
  object_class->finalize = yusuan_table_model_finalize;
}

static void
yusuan_table_model_init (YusuanTableModel *self)
{
  self->items = g_ptr_array_new_with_free_func (clear_item);
}

YusuanTableModel *
yusuan_table_model_new (YusuanTable *table)
{
  YusuanTableModel *self;

  g_return_val_if_fail (YUSUAN_IS_TABLE (table), NULL);

  self = g_object_new (YUSUAN_TYPE_TABLE_MODEL, NULL);
  self->table = g_object_ref (table);
  g_ptr_array_set_size (self->items, yusuan_table_get_n_rows (table));
  g_signal_connect_object (table, "cell-changed", G_CALLBACK (cell_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (table, "rows-changed", G_CALLBACK (rows_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

YusuanRowItem *
yusuan_table_model_peek_item (YusuanTableModel *self,
                              guint             row)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_MODEL (self), NULL);

  if (row >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, row);
}
