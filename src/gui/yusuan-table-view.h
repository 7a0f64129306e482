/* yusuan-table-view.h - one of the twelve tables in its official layout, edited with the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-table.h"

G_BEGIN_DECLS

#define YUSUAN_TABLE_VIEW_ERROR (yusuan_table_view_error_quark ())

typedef enum
{
  YUSUAN_TABLE_VIEW_ERROR_READ_ONLY,     /* the document was opened read-only */
  YUSUAN_TABLE_VIEW_ERROR_NOT_EDITABLE,  /* a computed cell */
  YUSUAN_TABLE_VIEW_ERROR_INVALID,       /* not an amount, or refused by the table */
} YusuanTableViewError;

GQuark yusuan_table_view_error_quark (void);

#define YUSUAN_TYPE_TABLE_VIEW (yusuan_table_view_get_type ())
G_DECLARE_FINAL_TYPE (YusuanTableView, yusuan_table_view, YUSUAN, TABLE_VIEW, GtkWidget)

GtkWidget         *yusuan_table_view_new                (void);

/* @document is the one @table follows: a pasted range is one undo step of it. */
void               yusuan_table_view_set_table          (YusuanTableView   *self,
                                                         YusuanTable       *table,
                                                         YusuanDocument    *document);
YusuanTable       *yusuan_table_view_get_table          (YusuanTableView   *self);
/* "部门名称：…" above the table, as the published tables print it. */
void               yusuan_table_view_set_department     (YusuanTableView   *self,
                                                         const char        *name);

void               yusuan_table_view_set_display_unit   (YusuanTableView   *self,
                                                         YusuanDisplayUnit  unit);
YusuanDisplayUnit  yusuan_table_view_get_display_unit   (YusuanTableView   *self);
void               yusuan_table_view_set_read_only      (YusuanTableView   *self,
                                                         gboolean           read_only);

/* The cursor: one cell, kept visible.  With @extend the selection grows from
 * where it started (Shift+arrows) instead of collapsing to the cursor. */
void               yusuan_table_view_set_cursor         (YusuanTableView   *self,
                                                         guint              row,
                                                         guint              column,
                                                         gboolean           extend);
void               yusuan_table_view_get_cursor         (YusuanTableView   *self,
                                                         guint             *row,
                                                         guint             *column);
/* The selected range (the cursor alone when nothing is extended). */
void               yusuan_table_view_get_selection      (YusuanTableView   *self,
                                                         guint             *first_row,
                                                         guint             *first_column,
                                                         guint             *last_row,
                                                         guint             *last_column);

/* The keyboard contract, also what the key controller calls: returns TRUE
 * when the key was used. */
gboolean           yusuan_table_view_handle_key         (YusuanTableView   *self,
                                                         guint              keyval,
                                                         GdkModifierType    state);

/* Starts editing the cursor's cell with @text (NULL: its current figure, as
 * F2).  FALSE, with a bell, when the cell cannot be edited; with @text NULL
 * on a computed figure, the lines that make it are shown instead. */
gboolean           yusuan_table_view_start_editing      (YusuanTableView   *self,
                                                         const char        *text);
gboolean           yusuan_table_view_is_editing         (YusuanTableView   *self);
GtkEditable       *yusuan_table_view_get_editor         (YusuanTableView   *self);
/* Stores what the editor holds; on refusal keeps editing, shows the reason
 * beside the cell, rings the bell and returns FALSE. */
gboolean           yusuan_table_view_commit_editing     (YusuanTableView   *self,
                                                         GError           **error);
void               yusuan_table_view_cancel_editing     (YusuanTableView   *self);
/* TRUE while the lines behind a computed figure are shown (F2 on it). */
gboolean           yusuan_table_view_is_showing_lines   (YusuanTableView   *self);
/* The reason last shown beside the cell, or NULL. */
const char        *yusuan_table_view_get_message        (YusuanTableView   *self);

/* The text the cell's widget shows now, or NULL when it is not on screen. */
const char        *yusuan_table_view_peek_cell_text     (YusuanTableView   *self,
                                                         guint              row,
                                                         guint              column);

/* The widgets showing a cell (NULL when not on screen) and a leaf column's
 * header, so that their alignment can be checked. */
GtkWidget         *yusuan_table_view_peek_cell          (YusuanTableView   *self,
                                                         guint              row,
                                                         guint              column);
GtkWidget         *yusuan_table_view_get_header_cell    (YusuanTableView   *self,
                                                         guint              column);

/* The selection as tab-separated values (what Ctrl+C puts on the clipboard). */
char              *yusuan_table_view_dup_selection_text (YusuanTableView   *self);
/* Pastes tab-separated values at the selection's top left into editable
 * cells: all or nothing, one undo step. */
gboolean           yusuan_table_view_paste_text         (YusuanTableView   *self,
                                                         const char        *text,
                                                         GError           **error);

G_END_DECLS
