/* yusuan-chart-draw.c - the budget's charts drawn with cairo, for the window and the PDF alike
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "yusuan-chart-draw.h"
#include "yusuan-figures.h"
#include "yusuan-report-private.h"

/* One bar, slice or pair of bars.  Amounts stay exact; only the geometry
 * (lengths and angles) is computed in floating point. */
typedef struct
{
  char         *label;
  YusuanAmount  amount;
  YusuanAmount  prior;      /* YEAR_ON_YEAR only */
} Item;

struct _YusuanChartData
{
  YusuanChartKind  kind;
  char            *title;
  GArray          *items;   /* Item */
  YusuanAmount     total;
  int              year;
  int              prior_year;
};

#define DEFAULT_FONT "Noto Sans CJK SC"

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->label);
}

static void
add_item (YusuanChartData *data,
          const char      *label,
          YusuanAmount     amount,
          YusuanAmount     prior)
{
  Item item = { g_strdup (label), amount, prior };

  g_array_append_val (data->items, item);
  data->total += amount;
}

/* The two parts of a whole, as a ring; nothing when both are nil. */
static void
add_parts (YusuanChartData *data,
           const char      *first_label,
           YusuanAmount     first,
           const char      *second_label,
           YusuanAmount     second)
{
  if (first == 0 && second == 0)
    return;
  add_item (data, first_label, first, 0);
  add_item (data, second_label, second, 0);
}

typedef struct
{
  GHashTable *by_class;  /* "201" -> YusuanAmount* */
} ClassSums;

static void
sum_class_cb (const YusuanLine *line,
              gpointer          user_data)
{
  ClassSums *sums = user_data;
  char klass[4];
  YusuanAmount *sum;

  if (strlen (line->function) < 3)
    return;
  memcpy (klass, line->function, 3);
  klass[3] = '\0';
  sum = g_hash_table_lookup (sums->by_class, klass);
  if (sum == NULL)
    {
      sum = g_new0 (YusuanAmount, 1);
      g_hash_table_insert (sums->by_class, g_strdup (klass), sum);
    }
  *sum += line->amount;
}

typedef struct
{
  YusuanCatalog *catalog;
} OrderCtx;

static int
compare_class (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;
  OrderCtx *ctx = user_data;

  if (ctx->catalog != NULL)
    {
      int ox = yusuan_catalog_get_order (ctx->catalog, YUSUAN_CLASSIFICATION_FUNCTION, x);
      int oy = yusuan_catalog_get_order (ctx->catalog, YUSUAN_CLASSIFICATION_FUNCTION, y);

      /* Unknown codes (order < 0) after the known ones. */
      if ((ox < 0) != (oy < 0))
        return ox < 0 ? 1 : -1;
      if (ox != oy && ox >= 0)
        return ox < oy ? -1 : 1;
    }
  return strcmp (x, y);
}

static void
build_function (YusuanChartData *data,
                YusuanDocument  *document,
                YusuanCatalog   *catalog)
{
  ClassSums sums = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  OrderCtx order = { catalog };
  GHashTableIter iter;
  gpointer key;

  yusuan_document_foreach_line (document, sum_class_cb, &sums);
  g_hash_table_iter_init (&iter, sums.by_class);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort_with_data (codes, compare_class, &order);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const char *name = catalog ? yusuan_catalog_get_name (catalog, YUSUAN_CLASSIFICATION_FUNCTION, code) : NULL;
      YusuanAmount *sum = g_hash_table_lookup (sums.by_class, code);
      g_autofree char *label = name ? g_strdup (name) : g_strdup (code);

      if (*sum != 0)
        add_item (data, label, *sum, 0);
    }
  g_hash_table_unref (sums.by_class);
}

static void
add_year_item (YusuanChartData *data,
               YusuanDocument  *document,
               const char      *label,
               YusuanPriorKey   key,
               YusuanAmount     current)
{
  YusuanAmount prior;

  if (yusuan_document_get_prior_figure (document, key, &prior))
    {
      add_item (data, label, current, prior);
    }
}

static void
build_year_on_year (YusuanChartData     *data,
                    YusuanDocument      *document,
                    const YusuanFigures *figures)
{
  static const YusuanPriorKey three_public_keys[YUSUAN_N_THREE_PUBLIC] = {
    YUSUAN_PRIOR_OUTBOUND_TRAVEL,
    YUSUAN_PRIOR_VEHICLE_PURCHASE,
    YUSUAN_PRIOR_VEHICLE_OPERATION,
    YUSUAN_PRIOR_OFFICIAL_RECEPTION,
  };
  YusuanAmount three_public = 0, prior_three_public = 0;
  gboolean have_three_public = yusuan_document_has_three_public (document);

  if (!yusuan_document_has_prior_year (document))
    return;

  add_year_item (data, document, _("Revenue grand total"), YUSUAN_PRIOR_REVENUE_TOTAL, figures->revenue_total);
  add_year_item (data, document, _("Expenditure grand total"), YUSUAN_PRIOR_EXPENDITURE_TOTAL,
                 figures->expenditure_total);
  add_year_item (data, document, _("General public budget"), YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET,
                 figures->revenue_by_source[YUSUAN_FUND_GENERAL_PUBLIC_BUDGET]);
  add_year_item (data, document, _("Basic expenditure"), YUSUAN_PRIOR_BASIC_EXPENDITURE, figures->basic_total);
  add_year_item (data, document, _("Project expenditure"), YUSUAN_PRIOR_PROJECT_EXPENDITURE, figures->project_total);

  for (guint i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
    {
      YusuanAmount prior;

      if (!yusuan_document_get_prior_figure (document, three_public_keys[i], &prior))
        {
          have_three_public = FALSE;
          break;
        }
      prior_three_public += prior;
      three_public += yusuan_document_get_three_public (document, i);
    }
  if (have_three_public)
    /* Translators: 一般公共预算“三公”经费 in a chart */
    add_item (data, _("“Three public” expenses"), three_public, prior_three_public);

  /* Translators: 机关运行经费 in a chart */
  add_year_item (data, document, _("Operating costs of the offices"), YUSUAN_PRIOR_OPERATING_COSTS,
                 figures->operating_costs);
  /* Translators: 政府采购 in a chart */
  add_year_item (data, document, _("Government procurement"), YUSUAN_PRIOR_PROCUREMENT,
                 figures->procurement_total);
}

YusuanChartData *
yusuan_chart_data_new (YusuanDocument  *document,
                       YusuanCatalog   *catalog,
                       YusuanChartKind  kind)
{
  YusuanChartData *data;
  YusuanFigures figures = { 0 };

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < YUSUAN_N_CHARTS, NULL);

  data = g_new0 (YusuanChartData, 1);
  data->kind = kind;
  data->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (data->items, item_clear);
  data->year = yusuan_document_get_fiscal_year (document);
  data->prior_year = yusuan_document_has_prior_year (document)
                     ? yusuan_document_get_prior_fiscal_year (document) : data->year - 1;

  /* The department's sums, for the charts drawn from them. */
  if (kind != YUSUAN_CHART_FUNCTION)
    yusuan_figures_compute (document, &figures);

  switch (kind)
    {
    case YUSUAN_CHART_FUNCTION:
      /* Translators: a chart's title: 支出预算按功能分类（类） */
      data->title = g_strdup (_("Expenditure by function class"));
      build_function (data, document, catalog);
      break;

    case YUSUAN_CHART_BASIC_PROJECT:
      /* Translators: a chart's title: 基本支出与项目支出 */
      data->title = g_strdup (_("Basic and project expenditure"));
      add_parts (data, _("Basic expenditure"), figures.basic_total,
                 _("Project expenditure"), figures.project_total);
      break;

    case YUSUAN_CHART_PERSONNEL_PUBLIC:
      /* Translators: a chart's title: 一般公共预算基本支出：人员经费与公用经费 */
      data->title = g_strdup (_("Basic expenditure: personnel and public expenses"));
      add_parts (data, _("Personnel expenses"), figures.gpb_basic_personnel,
                 _("Public expenses"), figures.gpb_basic_public);
      break;

    case YUSUAN_CHART_YEAR_ON_YEAR:
      /* Translators: a chart's title: "%1$d年与%2$d年预算对比" */
      data->title = g_strdup_printf (_("Budget %1$d against %2$d"), data->year, data->prior_year);
      build_year_on_year (data, document, &figures);
      break;

    case YUSUAN_N_CHARTS:
    default:
      g_assert_not_reached ();
    }

  return data;
}

void
yusuan_chart_data_free (YusuanChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_array_unref (data->items);
  g_free (data);
}

YusuanChartKind
yusuan_chart_data_get_kind (const YusuanChartData *data)
{
  g_return_val_if_fail (data != NULL, YUSUAN_CHART_FUNCTION);
  return data->kind;
}

const char *
yusuan_chart_data_get_title (const YusuanChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->title;
}

gboolean
yusuan_chart_data_is_empty (const YusuanChartData *data)
{
  g_return_val_if_fail (data != NULL, TRUE);
  return data->items->len == 0;
}

guint
yusuan_chart_data_get_n_items (const YusuanChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->items->len;
}

const char *
yusuan_chart_data_get_label (const YusuanChartData *data,
                             guint                  index)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (index < data->items->len, NULL);
  return g_array_index (data->items, Item, index).label;
}

YusuanAmount
yusuan_chart_data_get_amount (const YusuanChartData *data,
                              guint                  index)
{
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (index < data->items->len, 0);
  return g_array_index (data->items, Item, index).amount;
}

YusuanAmount
yusuan_chart_data_get_prior (const YusuanChartData *data,
                             guint                  index)
{
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (index < data->items->len, 0);
  return g_array_index (data->items, Item, index).prior;
}

/* Style */

static void
set_rgba (double *to,
          double  r,
          double  g,
          double  b,
          double  a)
{
  to[0] = r;
  to[1] = g;
  to[2] = b;
  to[3] = a;
}

void
yusuan_chart_style_init_with_foreground (YusuanChartStyle *style,
                                         double            red,
                                         double            green,
                                         double            blue,
                                         double            alpha)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  set_rgba (style->foreground, red, green, blue, alpha);
  /* GNOME's palette at mid lightness: legible against white and against
   * libadwaita's dark background alike. */
  set_rgba (style->series[0], 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0);  /* blue 3 */
  set_rgba (style->series[1], 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0, 1.0);  /* orange 5 */
  set_rgba (style->series[2], 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0);  /* green 4 */
  set_rgba (style->series[3], 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1.0);  /* purple 3 */
  set_rgba (style->series[4], 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0, 1.0);  /* yellow 5 */
  set_rgba (style->series[5], 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0, 1.0);  /* light 5 */
}

void
yusuan_chart_style_init_print (YusuanChartStyle *style)
{
  yusuan_chart_style_init_with_foreground (style, 0.1, 0.1, 0.1, 1.0);
}

/* Drawing */

typedef struct
{
  cairo_t                *cr;
  const YusuanChartStyle *style;
  PangoFontDescription   *font;
  PangoFontDescription   *bold;
  double                  size;
} Painter;

static void
source (cairo_t      *cr,
        const double *rgba)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static const double *
series (const Painter *p,
        guint          index)
{
  /* The last colour is kept for the prior year. */
  return p->style->series[index % 5];
}

static PangoLayout *
text_layout (Painter    *p,
             const char *text,
             gboolean    bold,
             double      scale)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  PangoFontDescription *desc = pango_font_description_copy (bold ? p->bold : p->font);

  pango_font_description_set_absolute_size (desc, p->size * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width)
    *width = (double) w / PANGO_SCALE;
  if (height)
    *height = (double) h / PANGO_SCALE;
}

/* Draws @text with its left (or right, or centre) edge at @x and its
 * vertical middle at @y, at most @max_width wide (ellipsized). */
static void
draw_text (Painter       *p,
           const char    *text,
           double         x,
           double         y,
           double         max_width,
           PangoAlignment align,
           gboolean       bold,
           double         scale)
{
  g_autoptr(PangoLayout) layout = text_layout (p, text, bold, scale);
  double w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  text_size (layout, &w, &h);
  if (align == PANGO_ALIGN_RIGHT)
    x -= w;
  else if (align == PANGO_ALIGN_CENTER)
    x -= w / 2;
  source (p->cr, p->style->foreground);
  cairo_move_to (p->cr, x, y - h / 2);
  pango_cairo_show_layout (p->cr, layout);
}

static double
text_width (Painter    *p,
            const char *text,
            gboolean    bold,
            double      scale)
{
  g_autoptr(PangoLayout) layout = text_layout (p, text, bold, scale);
  double w;

  text_size (layout, &w, NULL);
  return w;
}

/* "3,337.84" */
static char *
figure (YusuanAmount amount)
{
  return yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
}

/* "90.42%", or NULL when @whole is zero. */
static char *
share (YusuanAmount part,
       YusuanAmount whole)
{
  return yusuan_amount_format_ratio (part, whole, FALSE);
}

/* The fraction of a bar's full length, or of the ring, that @part takes
 * of @whole: 0 … 1, for the geometry only.  The share is taken exactly in
 * hundredths of a percent (a ten-thousandth of the length, well below a
 * pixel or a printer's dot); only that becomes a double. */
/* "3,337.84  90.42%": the figure and its share of @whole. */
static char *
figure_and_share (YusuanAmount amount,
                  YusuanAmount whole)
{
  g_autofree char *value = figure (amount);
  g_autofree char *pct = share (amount, whole);

  return g_strdup_printf ("%s  %s", value, pct ? pct : "");
}

/* The share @part is of @whole, clamped to [0, 1], in hundredths of a
 * percent (integers from the exact sums); geometry divides it by
 * SHARE_WHOLE only when it becomes a length or an angle. */
#define SHARE_WHOLE 10000

static gint64
share_of_whole (YusuanAmount part,
                YusuanAmount whole)
{
  gint64 hundredths;

  if (whole <= 0 || part <= 0)
    return 0;
  if (part >= whole)
    return SHARE_WHOLE;
  if (!yusuan_amount_ratio_percent (part, whole, &hundredths))
    return 0;
  return hundredths;
}

static void
draw_bars (Painter               *p,
           const YusuanChartData *data,
           double                 top,
           double                 width,
           double                 height)
{
  guint n = data->items->len;
  double row = MIN (height / MAX (n, 1), p->size * 2.6);
  double label_width = 0, value_width = 0, bar_x, bar_max;
  YusuanAmount max = 0;

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (data->items, Item, i);
      g_autofree char *both = figure_and_share (item->amount, data->total);

      label_width = MAX (label_width, text_width (p, item->label, FALSE, 1.0));
      value_width = MAX (value_width, text_width (p, both, FALSE, 1.0));
      max = MAX (max, item->amount);
    }
  label_width = MIN (label_width, width * 0.38);
  bar_x = label_width + p->size;
  bar_max = MAX (width - bar_x - value_width - p->size, p->size);

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (data->items, Item, i);
      double y = top + row * i;
      gint64 bar_share = share_of_whole (item->amount, max);
      double length = bar_max * bar_share / SHARE_WHOLE;
      g_autofree char *both = figure_and_share (item->amount, data->total);

      draw_text (p, item->label, label_width, y + row / 2, label_width, PANGO_ALIGN_RIGHT, FALSE, 1.0);
      source (p->cr, series (p, 0));
      cairo_rectangle (p->cr, bar_x, y + row * 0.2, MAX (length, 0.5), row * 0.6);
      cairo_fill (p->cr);
      draw_text (p, both, bar_x + length + p->size * 0.4, y + row / 2, 0, PANGO_ALIGN_LEFT, FALSE, 1.0);
    }

  /* The axis the bars start from. */
  source (p->cr, p->style->foreground);
  cairo_set_line_width (p->cr, MAX (p->size / 12, 0.5));
  cairo_move_to (p->cr, bar_x, top);
  cairo_line_to (p->cr, bar_x, top + row * n);
  cairo_stroke (p->cr);
}

static void
draw_donut (Painter               *p,
            const YusuanChartData *data,
            double                 top,
            double                 width,
            double                 height)
{
  double radius = MIN (height, width * 0.45) / 2 - p->size * 0.5;
  double cx = radius + p->size, cy = top + height / 2;
  double start = -G_PI / 2;
  YusuanAmount before = 0;
  double legend_x = cx + radius + p->size * 2;
  double row = p->size * 2.2;
  double legend_top = cy - row * data->items->len / 2;
  g_autofree char *total = figure (data->total);

  if (radius <= 0)
    return;

  for (guint i = 0; i < data->items->len; i++)
    {
      const Item *item = &g_array_index (data->items, Item, i);
      /* Each slice ends where the exact sum so far puts it, so that the
       * ring closes however the shares round. */
      gint64 share_before = share_of_whole (before, data->total);
      gint64 share_after;
      double from = start + 2 * G_PI * share_before / SHARE_WHOLE;
      double to;

      before += MAX (item->amount, 0);
      share_after = share_of_whole (before, data->total);
      to = start + 2 * G_PI * share_after / SHARE_WHOLE;
      source (p->cr, series (p, i));
      cairo_new_path (p->cr);
      cairo_arc (p->cr, cx, cy, radius, from, to);
      cairo_arc_negative (p->cr, cx, cy, radius * 0.58, to, from);
      cairo_close_path (p->cr);
      cairo_fill (p->cr);
    }
  draw_text (p, total, cx, cy, radius * 1.1, PANGO_ALIGN_CENTER, TRUE, 1.0);

  for (guint i = 0; i < data->items->len; i++)
    {
      const Item *item = &g_array_index (data->items, Item, i);
      double y = legend_top + row * i + row / 2;
      g_autofree char *both = figure_and_share (item->amount, data->total);
      g_autofree char *text = g_strdup_printf ("%s  %s", item->label, both);

      source (p->cr, series (p, i));
      cairo_rectangle (p->cr, legend_x, y - p->size * 0.45, p->size * 0.9, p->size * 0.9);
      cairo_fill (p->cr);
      draw_text (p, text, legend_x + p->size * 1.4, y, width - legend_x - p->size * 1.4,
                 PANGO_ALIGN_LEFT, FALSE, 1.0);
    }
}

static void
draw_year_on_year (Painter               *p,
                   const YusuanChartData *data,
                   double                 top,
                   double                 width,
                   double                 height)
{
  guint n = data->items->len;
  double legend = p->size * 1.8;
  double row = MIN ((height - legend) / MAX (n, 1), p->size * 3.4);
  double label_width = 0, value_width = 0, bar_x, bar_max;
  g_autofree char *current_year = g_strdup_printf ("%d", data->year);
  g_autofree char *prior_year = g_strdup_printf ("%d", data->prior_year);

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (data->items, Item, i);
      g_autofree char *value = figure (MAX (item->amount, item->prior));
      g_autofree char *change = share (item->amount - item->prior, item->prior);
      g_autofree char *both = g_strdup_printf ("%s  %s%s", value,
                                               item->amount > item->prior ? "+" : "", change ? change : "");

      label_width = MAX (label_width, text_width (p, item->label, FALSE, 1.0));
      value_width = MAX (value_width, text_width (p, both, FALSE, 1.0));
    }
  label_width = MIN (label_width, width * 0.32);
  bar_x = label_width + p->size;
  bar_max = MAX (width - bar_x - value_width - p->size, p->size);

  /* Legend: the prior year in grey, this year in colour. */
  source (p->cr, p->style->series[5]);
  cairo_rectangle (p->cr, bar_x, top + legend / 2 - p->size * 0.4, p->size * 0.8, p->size * 0.8);
  cairo_fill (p->cr);
  draw_text (p, prior_year, bar_x + p->size * 1.2, top + legend / 2, 0, PANGO_ALIGN_LEFT, FALSE, 1.0);
  source (p->cr, series (p, 0));
  cairo_rectangle (p->cr, bar_x + p->size * 5, top + legend / 2 - p->size * 0.4, p->size * 0.8, p->size * 0.8);
  cairo_fill (p->cr);
  draw_text (p, current_year, bar_x + p->size * 6.2, top + legend / 2, 0, PANGO_ALIGN_LEFT, FALSE, 1.0);
  top += legend;

  /* Each pair on its own scale: the point is the change, and 三公 beside
   * the total would be invisible on a common one. */
  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (data->items, Item, i);
      YusuanAmount max = MAX (item->amount, item->prior);
      double y = top + row * i;
      double bar = row * 0.32;
      gint64 prior_share = share_of_whole (item->prior, max);
      gint64 bar_share = share_of_whole (item->amount, max);
      double prior_length = bar_max * prior_share / SHARE_WHOLE;
      double length = bar_max * bar_share / SHARE_WHOLE;
      g_autofree char *prior_value = figure (item->prior);
      g_autofree char *value = figure (item->amount);
      g_autofree char *change = share (item->amount - item->prior, item->prior);
      g_autofree char *current_text = g_strdup_printf ("%s  %s%s", value,
                                                       item->amount > item->prior ? "+" : "",
                                                       change ? change : "");

      draw_text (p, item->label, label_width, y + row / 2, label_width, PANGO_ALIGN_RIGHT, FALSE, 1.0);

      source (p->cr, p->style->series[5]);
      cairo_rectangle (p->cr, bar_x, y + row * 0.14, MAX (prior_length, 0.5), bar);
      cairo_fill (p->cr);
      draw_text (p, prior_value, bar_x + prior_length + p->size * 0.4, y + row * 0.14 + bar / 2,
                 0, PANGO_ALIGN_LEFT, FALSE, 0.85);

      source (p->cr, series (p, 0));
      cairo_rectangle (p->cr, bar_x, y + row * 0.54, MAX (length, 0.5), bar);
      cairo_fill (p->cr);
      draw_text (p, current_text, bar_x + length + p->size * 0.4, y + row * 0.54 + bar / 2,
                 0, PANGO_ALIGN_LEFT, FALSE, 0.85);
    }

  source (p->cr, p->style->foreground);
  cairo_set_line_width (p->cr, MAX (p->size / 12, 0.5));
  cairo_move_to (p->cr, bar_x, top);
  cairo_line_to (p->cr, bar_x, top + row * n);
  cairo_stroke (p->cr);
}

void
yusuan_chart_draw (cairo_t                *cr,
                   const YusuanChartData  *data,
                   double                  width,
                   double                  height,
                   const YusuanChartStyle *style)
{
  YusuanChartStyle fallback;
  Painter p = { cr, style };
  double title_height, top;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  if (width <= 1 || height <= 1)
    return;
  if (style == NULL)
    {
      yusuan_chart_style_init_print (&fallback);
      p.style = style = &fallback;
    }

  p.size = style->font_size > 0 ? style->font_size : CLAMP (MIN (width / 40, height / 14), 6.0, 14.0);
  p.font = pango_font_description_from_string (style->font_family ? style->font_family : DEFAULT_FONT);
  p.bold = pango_font_description_copy (p.font);
  pango_font_description_set_weight (p.bold, PANGO_WEIGHT_BOLD);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background[3] > 0)
    {
      source (cr, style->background);
      cairo_paint (cr);
    }

  title_height = p.size * 2.4;
  draw_text (&p, data->title, 0, title_height / 2, width * 0.7, PANGO_ALIGN_LEFT, TRUE, 1.15);
  draw_text (&p, report_unit_line (YUSUAN_DISPLAY_WAN), width, title_height / 2, width * 0.3,
             PANGO_ALIGN_RIGHT, FALSE, 0.85);
  top = title_height + p.size * 0.4;

  if (data->items->len == 0)
    {
      /* Translators: shown in place of a chart with nothing to show */
      draw_text (&p, data->kind == YUSUAN_CHART_YEAR_ON_YEAR ? _("No prior-year figures to compare with")
                                                            : _("No amounts yet"),
                 width / 2, top + (height - top) / 2, width, PANGO_ALIGN_CENTER, FALSE, 1.0);
    }
  else
    switch (data->kind)
      {
      case YUSUAN_CHART_FUNCTION:
        draw_bars (&p, data, top, width, height - top);
        break;
      case YUSUAN_CHART_BASIC_PROJECT:
      case YUSUAN_CHART_PERSONNEL_PUBLIC:
        draw_donut (&p, data, top, width, height - top);
        break;
      case YUSUAN_CHART_YEAR_ON_YEAR:
        draw_year_on_year (&p, data, top, width, height - top);
        break;
      case YUSUAN_N_CHARTS:
      default:
        g_assert_not_reached ();
      }

  cairo_restore (cr);
  pango_font_description_free (p.font);
  pango_font_description_free (p.bold);
}

double
yusuan_chart_get_natural_height (const YusuanChartData *data,
                                 double                 font_size)
{
  double title = font_size * 2.8;
  guint n;

  g_return_val_if_fail (data != NULL, 0);

  n = MAX (data->items->len, 1);
  switch (data->kind)
    {
    case YUSUAN_CHART_FUNCTION:
      return title + n * font_size * 2.6 + font_size;
    case YUSUAN_CHART_BASIC_PROJECT:
    case YUSUAN_CHART_PERSONNEL_PUBLIC:
      return title + MAX (n * font_size * 2.2, font_size * 11) + font_size;
    case YUSUAN_CHART_YEAR_ON_YEAR:
      return title + font_size * 1.8 + n * font_size * 3.4 + font_size;
    case YUSUAN_N_CHARTS:
    default:
      g_return_val_if_reached (0);
    }
}
