/* yusuan-gui-test-util.h - what the widget tests share: the main loop, windows on the fixture, pages and tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "yusuan-application.h"
#include "yusuan-core.h"
#include "yusuan-window.h"

G_BEGIN_DECLS

/* gtk_test_init, with libadwaita and the core set up. */
void          yusuan_test_init_gui      (int                *argc,
                                         char             ***argv);
/* Runs what the main loop has pending, without waiting. */
void          yusuan_test_spin          (void);
/* Runs the main loop for @ms milliseconds. */
void          yusuan_test_wait_ms       (guint               ms);
/* Runs the main loop until @check (@data) holds, for 60 s at most: FALSE
 * when it never did. */
gboolean      yusuan_test_wait_for      (gboolean          (*check) (gpointer data),
                                         gpointer            data);
/* Waits until @window has opened what it was loading: the test fails after
 * 60 s. */
void          yusuan_test_wait_loaded   (YusuanWindow       *window);
/* A new window of @application (may be NULL), 1400×900 and shown, that
 * has opened @file: the test fails when it did not within 60 s. */
YusuanWindow *yusuan_test_open_window   (YusuanApplication  *application,
                                         GFile              *file);
/* The same on the published budget (YUSUAN_FIXTURE). */
YusuanWindow *yusuan_test_open_fixture  (YusuanApplication  *application);
/* Destroys @window; nothing it made may keep its document alive. */
void          yusuan_test_close_window  (YusuanWindow       *window);
/* Waits until @widget was drawn again. */
void          yusuan_test_draw          (GtkWidget          *widget);
/* The first shown toplevel of @type transient for @parent (NULL: for any). */
GtkWindow    *yusuan_test_find_toplevel (GType               type,
                                         GtkWindow          *parent);
/* Shows page @name of @window and returns its widget. */
GtkWidget    *yusuan_test_show_page     (YusuanWindow       *window,
                                         const char         *name);
/* The first amount of table @number's row @key: the row's total. */
YusuanAmount  yusuan_test_table_amount  (YusuanWindow       *window,
                                         guint               number,
                                         const char         *key);

G_END_DECLS
