/* yusuan-chart-draw.h - the budget's charts drawn with cairo, for the window and the PDF alike
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

typedef enum
{
  YUSUAN_CHART_FUNCTION,          /* expenditure by function 类 */
  YUSUAN_CHART_BASIC_PROJECT,     /* 基本支出 / 项目支出 */
  YUSUAN_CHART_PERSONNEL_PUBLIC,  /* 人员经费 / 公用经费 (table 06) */
  YUSUAN_CHART_YEAR_ON_YEAR,      /* this year against the prior year */
  YUSUAN_N_CHARTS
} YusuanChartKind;

/* Colours as RGBA in 0 … 1.  @foreground draws text and axes (a widget passes
 * its style's colour, so the chart follows dark mode); @series are the fills. */
typedef struct
{
  double      foreground[4];
  double      background[4];    /* alpha 0: leave the surface as it is */
  double      series[6][4];
  const char *font_family;      /* NULL: "Noto Sans CJK SC" */
  double      font_size;        /* in user units; 0: from the size */
} YusuanChartStyle;

/* What a chart shows, computed from exact sums once. */
typedef struct _YusuanChartData YusuanChartData;

YusuanChartData *yusuan_chart_data_new      (YusuanDocument        *document,
                                             YusuanCatalog         *catalog,
                                             YusuanChartKind        kind);
void             yusuan_chart_data_free     (YusuanChartData       *data);
YusuanChartKind  yusuan_chart_data_get_kind (const YusuanChartData *data);
/* The chart's title in the current language. */
const char      *yusuan_chart_data_get_title (const YusuanChartData *data);
/* FALSE when there is nothing to draw (no lines, or no prior year). */
gboolean         yusuan_chart_data_is_empty (const YusuanChartData *data);

/* The items drawn: bars, slices or pairs of bars, in order. */
guint            yusuan_chart_data_get_n_items (const YusuanChartData *data);
const char      *yusuan_chart_data_get_label   (const YusuanChartData *data,
                                                guint                  index);
YusuanAmount     yusuan_chart_data_get_amount  (const YusuanChartData *data,
                                                guint                  index);
/* The prior year's amount (YUSUAN_CHART_YEAR_ON_YEAR only; 0 otherwise). */
YusuanAmount     yusuan_chart_data_get_prior   (const YusuanChartData *data,
                                                guint                  index);

/* The default colours for printing: black text on white. */
void             yusuan_chart_style_init_print (YusuanChartStyle *style);
/* Series colours that read on a light and on a dark background, with the
 * given foreground. */
void             yusuan_chart_style_init_with_foreground (YusuanChartStyle *style,
                                                          double            red,
                                                          double            green,
                                                          double            blue,
                                                          double            alpha);

/* The height the chart wants at @font_size (user units) to show every item. */
double           yusuan_chart_get_natural_height (const YusuanChartData *data,
                                                  double                 font_size);

/* Draws @data into the rectangle (0, 0, @width, @height) of @cr's user space.
 * Text is laid out with pango at absolute sizes, so the result is the same on
 * a screen, a printer and a PDF. */
void             yusuan_chart_draw          (cairo_t                *cr,
                                             const YusuanChartData  *data,
                                             double                  width,
                                             double                  height,
                                             const YusuanChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YusuanChartData, yusuan_chart_data_free)

G_END_DECLS
