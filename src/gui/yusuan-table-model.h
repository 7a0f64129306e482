/* yusuan-table-model.h - a YusuanTable as a GListModel of YusuanRowItem, following its changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "yusuan-row-item.h"
#include "yusuan-table.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_TABLE_MODEL (yusuan_table_model_get_type ())
G_DECLARE_FINAL_TYPE (YusuanTableModel, yusuan_table_model, YUSUAN, TABLE_MODEL, GObject)

/* Items are made when first asked for and kept, so that ::cell-changed
 * reaches exactly the one item a cell shows. */
YusuanTableModel *yusuan_table_model_new        (YusuanTable      *table);
/* The item of @row if it was ever asked for, else NULL (nothing to notify). */
YusuanRowItem    *yusuan_table_model_peek_item  (YusuanTableModel *self,
                                                 guint             row);

G_END_DECLS
