/* yusuan-window.h - a window on one budget document: sidebar of tables and pages, files, undo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "yusuan-application.h"
#include "yusuan-findings-page.h"
#include "yusuan-rules.h"
#include "yusuan-table.h"
#include "yusuan-table-view.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_WINDOW (yusuan_window_get_type ())
G_DECLARE_FINAL_TYPE (YusuanWindow, yusuan_window, YUSUAN, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests): then nothing is remembered in settings. */
YusuanWindow    *yusuan_window_new             (YusuanApplication *application);

/* TRUE while no document is shown or being opened (the welcome page). */
gboolean         yusuan_window_is_empty        (YusuanWindow      *self);
gboolean         yusuan_window_is_loading      (YusuanWindow      *self);
gboolean         yusuan_window_is_read_only    (YusuanWindow      *self);
/* The .yusuan file the document is saved in; NULL for a new or imported one. */
GFile           *yusuan_window_get_file        (YusuanWindow      *self);

/* Opens a .yusuan (locked while open; offered read-only when another
 * instance holds it) or imports an .xml as a new unsaved document, in a
 * worker thread while the window shows progress. */
void             yusuan_window_open_file       (YusuanWindow      *self,
                                                GFile             *file);
/* Shows @document (a reference is taken); @file is where it is saved, or NULL. */
void             yusuan_window_set_document    (YusuanWindow      *self,
                                                YusuanDocument    *document,
                                                GFile             *file,
                                                gboolean           read_only);

YusuanDocument  *yusuan_window_get_document    (YusuanWindow      *self);
YusuanChecker   *yusuan_window_get_checker     (YusuanWindow      *self);
YusuanTable     *yusuan_window_get_table       (YusuanWindow      *self,
                                                guint              number);
/* The view of table @number (1 … 12), made when first asked for. */
YusuanTableView *yusuan_window_get_table_view  (YusuanWindow      *self,
                                                guint              number);
YusuanFindingsPage *yusuan_window_get_findings_page (YusuanWindow *self);
YusuanDisplayUnit yusuan_window_get_display_unit (YusuanWindow    *self);

/* Pages: "table-1" … "table-12", "projects", "performance", "control-numbers", "findings". */
void             yusuan_window_show_page       (YusuanWindow      *self,
                                                const char        *name);
const char      *yusuan_window_get_page        (YusuanWindow      *self);
/* The widget of page @name (made when first asked for), or NULL. */
GtkWidget       *yusuan_window_get_page_widget (YusuanWindow      *self,
                                                const char        *name);
/* Goes to where the @index-th finding of the checker is fixed. */
void             yusuan_window_activate_finding (YusuanWindow     *self,
                                                 guint             index);

/* Takes the finance bureau's control numbers (控制数) from @file (its 一下
 * XML, or a .yusuan at that stage), read in a worker thread, as one
 * undoable step: then shows them, or says why the file was refused. */
void             yusuan_window_import_control_numbers (YusuanWindow *self,
                                                       GFile        *file);
/* Gathers the units' submissions in @files (所属单位预算, .xml or .yusuan),
 * read in a worker thread, into the budget (汇总) as one undoable step, all
 * of them or none: then shows 预算02表, or says which file was refused. */
void             yusuan_window_consolidate     (YusuanWindow      *self,
                                                GFile *const      *files,
                                                guint              n_files);
/* Starts next year's budget (its first proposal, 一上) from the one shown,
 * as a new budget no file holds yet, in a window of its own (this one when
 * it is empty); returns that window, or NULL when refused (said in a dialog). */
YusuanWindow    *yusuan_window_new_next_year   (YusuanWindow      *self);
/* The same from last year's budget in @file, read in a worker thread. */
void             yusuan_window_new_from_last_year (YusuanWindow   *self,
                                                   GFile          *file);
/* Saves into @file (.yusuan), taking its lock: what Save and Save As do
 * once a name is known. */
gboolean         yusuan_window_save_to         (YusuanWindow      *self,
                                                GFile             *file,
                                                GError           **error);

G_END_DECLS
