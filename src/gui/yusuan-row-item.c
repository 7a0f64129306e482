/* yusuan-row-item.c - one row of a YusuanTable as a list item, with the cursor and selection it shows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-row-item.h"

struct _YusuanRowItem
{
  GObject      parent_instance;

  YusuanTable *table;
  guint        index;
  int          cursor;
  int          first_selected;
  int          last_selected;
};

G_DEFINE_FINAL_TYPE (YusuanRowItem, yusuan_row_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
yusuan_row_item_finalize (GObject *object)
{
  YusuanRowItem *self = YUSUAN_ROW_ITEM (object);

  g_clear_object (&self->table);

  G_OBJECT_CLASS (yusuan_row_item_parent_class)->finalize (object);
}

static void
yusuan_row_item_class_init (YusuanRowItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yusuan_row_item_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
yusuan_row_item_init (YusuanRowItem *self)
{
  self->cursor = -1;
  self->first_selected = 1;
  self->last_selected = 0;
}

YusuanRowItem *
yusuan_row_item_new (YusuanTable *table,
                     guint        index)
{
  YusuanRowItem *self;

  g_return_val_if_fail (YUSUAN_IS_TABLE (table), NULL);

  self = g_object_new (YUSUAN_TYPE_ROW_ITEM, NULL);
  self->table = g_object_ref (table);
  self->index = index;

  return self;
}

YusuanTable *
yusuan_row_item_get_table (YusuanRowItem *self)
{
  g_return_val_if_fail (YUSUAN_IS_ROW_ITEM (self), NULL);

  return self->table;
}

guint
yusuan_row_item_get_index (YusuanRowItem *self)
{
  g_return_val_if_fail (YUSUAN_IS_ROW_ITEM (self), 0);

  return self->index;
}

void
yusuan_row_item_set_index (YusuanRowItem *self,
                           guint          index)
{
  g_return_if_fail (YUSUAN_IS_ROW_ITEM (self));

  if (self->index == index)
    return;

  self->index = index;
  yusuan_row_item_changed (self, -1);
}

void
yusuan_row_item_changed (YusuanRowItem *self,
                         int            column)
{
  g_return_if_fail (YUSUAN_IS_ROW_ITEM (self));

  g_signal_emit (self, signals[CHANGED], 0, column);
}

int
yusuan_row_item_get_cursor (YusuanRowItem *self)
{
  g_return_val_if_fail (YUSUAN_IS_ROW_ITEM (self), -1);

  return self->cursor;
}

gboolean
yusuan_row_item_is_selected (YusuanRowItem *self,
                             guint          column)
{
  g_return_val_if_fail (YUSUAN_IS_ROW_ITEM (self), FALSE);

  return (int) column >= self->first_selected && (int) column <= self->last_selected;
}

void
yusuan_row_item_set_marks (YusuanRowItem *self,
                           int            cursor,
                           int            first_selected,
                           int            last_selected)
{
  g_return_if_fail (YUSUAN_IS_ROW_ITEM (self));

  if (first_selected > last_selected)
    {
      first_selected = 1;
      last_selected = 0;
    }

  if (self->cursor == cursor &&
      self->first_selected == first_selected &&
      self->last_selected == last_selected)
    return;

  self->cursor = cursor;
  self->first_selected = first_selected;
  self->last_selected = last_selected;
  yusuan_row_item_changed (self, -1);
}
