/* yusuan-lines-page.h - the basic-expenditure lines (基本支出): listed, searched, added, changed, removed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_LINES_PAGE (yusuan_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (YusuanLinesPage, yusuan_lines_page, YUSUAN, LINES_PAGE, GtkWidget)

GtkWidget          *yusuan_lines_page_new          (void);

/* Filters by code or name of the function or economic codes, or the unit. */
void                yusuan_lines_page_set_search   (YusuanLinesPage *self,
                                                    const char      *text);
guint               yusuan_lines_page_get_n_listed (YusuanLinesPage *self);
/* The line id of the @index-th listed line. */
guint               yusuan_lines_page_get_listed   (YusuanLinesPage *self,
                                                    guint            index);
/* Selects a line and brings it into view. */
void                yusuan_lines_page_select_line  (YusuanLinesPage *self,
                                                    guint            line_id);
guint               yusuan_lines_page_get_selected (YusuanLinesPage *self);

/* What the buttons do: the line form in a dialog, already shown. */
YusuanEditorDialog *yusuan_lines_page_add_line     (YusuanLinesPage *self);
YusuanEditorDialog *yusuan_lines_page_edit_line    (YusuanLinesPage *self,
                                                    guint            line_id);
/* Removes the selected line (one undo step). */
void                yusuan_lines_page_remove_selected (YusuanLinesPage *self);

G_END_DECLS
