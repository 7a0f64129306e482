/* yusuan-table-cell.h - the widget of one cell in a table view: figure or text, cursor, selection
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-row-item.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_TABLE_CELL (yusuan_table_cell_get_type ())
G_DECLARE_FINAL_TYPE (YusuanTableCell, yusuan_table_cell, YUSUAN, TABLE_CELL, GtkWidget)

/* @indents: this column carries the names and shows the row's depth
 * (类 / 款 / 项) as indentation. */
GtkWidget     *yusuan_table_cell_new               (guint              column,
                                                    gboolean           is_amount,
                                                    gboolean           indents);
guint          yusuan_table_cell_get_column        (YusuanTableCell   *self);
/* The row shown, or -1 while unbound. */
int            yusuan_table_cell_get_row           (YusuanTableCell   *self);
void           yusuan_table_cell_set_item          (YusuanTableCell   *self,
                                                    YusuanRowItem     *item);
void           yusuan_table_cell_set_display_unit  (YusuanTableCell   *self,
                                                    YusuanDisplayUnit  unit);
/* The text shown, for tests and accessibility. */
const char    *yusuan_table_cell_get_text          (YusuanTableCell   *self);

G_END_DECLS
