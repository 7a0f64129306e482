/* yusuan-chart.h - one of the budget's charts in the window, following the document live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-catalog.h"
#include "yusuan-chart-draw.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_CHART (yusuan_chart_get_type ())
G_DECLARE_FINAL_TYPE (YusuanChart, yusuan_chart, YUSUAN, CHART, GtkDrawingArea)

GtkWidget       *yusuan_chart_new          (YusuanChartKind  kind);

YusuanChartKind  yusuan_chart_get_kind     (YusuanChart     *self);
void             yusuan_chart_set_kind     (YusuanChart     *self,
                                            YusuanChartKind  kind);

/* The chart follows @document's changes (redrawn shortly after an edit,
 * not on every keystroke); NULL shows nothing. */
YusuanDocument  *yusuan_chart_get_document (YusuanChart     *self);
void             yusuan_chart_set_document (YusuanChart     *self,
                                            YusuanDocument  *document,
                                            YusuanCatalog   *catalog);

G_END_DECLS
