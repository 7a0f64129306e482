/* yusuan-charts-page.h - the budget's four charts (图表) on a page of the window, following the document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-chart.h"
#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_CHARTS_PAGE (yusuan_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (YusuanChartsPage, yusuan_charts_page, YUSUAN, CHARTS_PAGE, GtkWidget)

/* The window hands it the document through YusuanEditorPage. */
GtkWidget   *yusuan_charts_page_new       (void);
/* The chart of @kind shown on the page. */
YusuanChart *yusuan_charts_page_get_chart (YusuanChartsPage *self,
                                           YusuanChartKind   kind);

G_END_DECLS
