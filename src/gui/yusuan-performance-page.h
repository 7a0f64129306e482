/* yusuan-performance-page.h - the department's overall performance targets (部门整体绩效目标, table 11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_PERFORMANCE_PAGE (yusuan_performance_page_get_type ())
G_DECLARE_FINAL_TYPE (YusuanPerformancePage, yusuan_performance_page, YUSUAN, PERFORMANCE_PAGE, GtkWidget)

GtkWidget          *yusuan_performance_page_new              (void);

/* Duties (年度履职目标) and tasks (年度主要任务) as the form holds them. */
guint               yusuan_performance_page_get_n_duties     (YusuanPerformancePage *self);
guint               yusuan_performance_page_add_duty         (YusuanPerformancePage *self,
                                                              const char            *text);
void                yusuan_performance_page_remove_duty      (YusuanPerformancePage *self,
                                                              guint                  index);
guint               yusuan_performance_page_get_n_tasks      (YusuanPerformancePage *self);
guint               yusuan_performance_page_add_task         (YusuanPerformancePage *self,
                                                              const char            *name,
                                                              const char            *text);
void                yusuan_performance_page_remove_task      (YusuanPerformancePage *self,
                                                              guint                  index);
gboolean            yusuan_performance_page_is_changed       (YusuanPerformancePage *self);
/* Stores duties and tasks as one undo step. */
gboolean            yusuan_performance_page_apply            (YusuanPerformancePage *self,
                                                              GError               **error);

/* The department's indicators: each dialog applied is one undo step. */
YusuanEditorDialog *yusuan_performance_page_add_indicator    (YusuanPerformancePage *self,
                                                              YusuanLevel1           level1);
YusuanEditorDialog *yusuan_performance_page_edit_indicator   (YusuanPerformancePage *self,
                                                              guint                  indicator_id);

G_END_DECLS
