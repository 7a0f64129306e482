/* yusuan-row-item.h - one row of a YusuanTable as a list item, with the cursor and selection it shows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "yusuan-amount.h"
#include "yusuan-table.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_ROW_ITEM (yusuan_row_item_get_type ())
G_DECLARE_FINAL_TYPE (YusuanRowItem, yusuan_row_item, YUSUAN, ROW_ITEM, GObject)

YusuanRowItem *yusuan_row_item_new            (YusuanTable   *table,
                                               guint          index);
YusuanTable   *yusuan_row_item_get_table      (YusuanRowItem *self);
guint          yusuan_row_item_get_index      (YusuanRowItem *self);
void           yusuan_row_item_set_index      (YusuanRowItem *self,
                                               guint          index);

/* Emits ::changed (int column) when what the row shows changed in @column,
 * or in all its columns (-1); each cell listens to the one item it shows
 * and redraws only for its own column. */
void           yusuan_row_item_changed        (YusuanRowItem *self,
                                               int            column);

/* The cursor's column in this row (-1: none) and the selected columns
 * (first > last: none).  Setting them notifies only when they change. */
int            yusuan_row_item_get_cursor     (YusuanRowItem *self);
gboolean       yusuan_row_item_is_selected    (YusuanRowItem *self,
                                               guint          column);
void           yusuan_row_item_set_marks      (YusuanRowItem *self,
                                               int            cursor,
                                               int            first_selected,
                                               int            last_selected);

G_END_DECLS
