/* yusuan-control-numbers-page.h - the finance bureau's control numbers (控制数) and the budget held against them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_CONTROL_NUMBERS_PAGE (yusuan_control_numbers_page_get_type ())
G_DECLARE_FINAL_TYPE (YusuanControlNumbersPage, yusuan_control_numbers_page, YUSUAN, CONTROL_NUMBERS_PAGE, GtkWidget)

GtkWidget  *yusuan_control_numbers_page_new              (void);
/* TRUE while the page says there are no control numbers and offers to
 * import them. */
gboolean    yusuan_control_numbers_page_shows_empty      (YusuanControlNumbersPage *self);
/* The row of the control number for @fund and @kind (an AdwActionRow),
 * visible only while the bureau set one; "error" while the budget is above it. */
GtkWidget  *yusuan_control_numbers_page_get_row          (YusuanControlNumbersPage *self,
                                                          YusuanFund                fund,
                                                          YusuanSpendingKind        kind);
/* What the row says beside the figures: "Within by 0.00 万元", "Above by 10.84 万元". */
const char *yusuan_control_numbers_page_peek_difference  (YusuanControlNumbersPage *self,
                                                          YusuanFund                fund,
                                                          YusuanSpendingKind        kind);
/* The line above the rows: within them all, or above how many. */
const char *yusuan_control_numbers_page_peek_summary     (YusuanControlNumbersPage *self);

G_END_DECLS
