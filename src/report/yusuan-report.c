/* yusuan-report.c - the disclosure document (部门预算公开) laid out on A4 pages, as PDF and for printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "yusuan-chart-draw.h"
#include "yusuan-core.h"
#include "yusuan-narrative.h"
#include "yusuan-report-private.h"

#define BODY_SIZE      12.0
#define HEADING_SIZE   12.5
#define PART_SIZE      18.0
#define CHART_SIZE     8.5
#define FOOTER_SIZE    10.5
#define LINE_SPACING   1.55

typedef enum
{
  BLOCK_PART_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CHART,
} BlockKind;

/* A piece of the narrative's flow: text lines or a chart. */
typedef struct
{
  BlockKind        kind;
  PangoLayout     *layout;     /* text */
  GArray          *line_tops;  /* double: each line's top, then the last line's bottom */
  YusuanChartData *chart;
  double           height;
  double           space_before;
  gboolean         new_page;
  gboolean         keep_with_next;
} Block;

/* A slice of a block placed on a page. */
typedef struct
{
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;
} Placed;

typedef enum
{
  PAGE_COVER,
  PAGE_CONTENTS,
  PAGE_FLOW,
  PAGE_TABLE,
} PageKind;

typedef struct
{
  PageKind  kind;
  gboolean  landscape;
  guint     number;      /* printed page number; 0 for none */
  GArray   *placed;      /* Placed (PAGE_FLOW) */
  guint     table;       /* index into tables (PAGE_TABLE) */
  guint     table_page;
} Page;

/* Where the PDF's outline points. */
typedef struct
{
  char  *title;
  guint  page;
} Mark;

struct _YusuanReport
{
  GObject            parent_instance;

  YusuanDocument    *document;
  YusuanCatalog     *catalog;
  YusuanDisplayUnit  unit;
  gulong             changed_id;
  YusuanTable       *tables[YUSUAN_N_TABLES];

  PangoContext      *context;
  gboolean           laid_out;
  GPtrArray         *blocks;   /* Block* */
  GPtrArray         *pages;    /* Page* */
  GPtrArray         *layouts;  /* ReportTableLayout*, one per table */
  GArray            *marks;    /* Mark */
  guint              table_first_page[YUSUAN_N_TABLES];
};

G_DEFINE_FINAL_TYPE (YusuanReport, yusuan_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (yusuan-report-error-quark, yusuan_report_error)

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->line_tops, g_array_unref);
  g_clear_pointer (&block->chart, yusuan_chart_data_free);
  g_free (block);
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->placed, g_array_unref);
  g_free (page);
}

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->title);
}

static double
content_width (gboolean landscape)
{
  return landscape ? YUSUAN_REPORT_A4_HEIGHT - 2 * REPORT_MARGIN_SIDE_LANDSCAPE
                   : YUSUAN_REPORT_A4_WIDTH - 2 * REPORT_MARGIN_SIDE;
}

static double
content_height (void)
{
  return YUSUAN_REPORT_A4_HEIGHT - REPORT_MARGIN_TOP - REPORT_MARGIN_BOTTOM;
}

static void
invalidate (YusuanReport *self)
{
  self->laid_out = FALSE;
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
}

static void
document_changed_cb (YusuanDocument *document,
                     gpointer        change,
                     YusuanReport   *self)
{
  invalidate (self);
}

/* Blocks */

static Block *
text_block (YusuanReport *self,
            BlockKind     kind,
            const char   *text)
{
  Block *block = g_new0 (Block, 1);
  double width = content_width (FALSE);
  PangoLayoutIter *iter;
  double bottom = 0;

  block->kind = kind;
  switch (kind)
    {
    case BLOCK_PART_TITLE:
      block->layout = report_layout_new (self->context, REPORT_SANS, PART_SIZE, TRUE);
      pango_layout_set_alignment (block->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_line_spacing (block->layout, 1.3f);
      block->new_page = TRUE;
      block->keep_with_next = TRUE;
      break;
    case BLOCK_HEADING:
      block->layout = report_layout_new (self->context, REPORT_SANS, HEADING_SIZE, TRUE);
      pango_layout_set_line_spacing (block->layout, (float) LINE_SPACING);
      block->space_before = 8;
      block->keep_with_next = TRUE;
      break;
    case BLOCK_PARAGRAPH:
    case BLOCK_CHART:
    default:
      block->layout = report_layout_new (self->context, REPORT_SERIF, BODY_SIZE, FALSE);
      pango_layout_set_line_spacing (block->layout, (float) LINE_SPACING);
      /* 首行缩进两字 */
      pango_layout_set_indent (block->layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
      pango_layout_set_justify (block->layout, TRUE);
      block->space_before = 2;
      break;
    }
  pango_layout_set_width (block->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (block->layout, text, -1);

  block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (block->line_tops, top);
      bottom = (double) y1 / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_array_append_val (block->line_tops, bottom);
  block->height = bottom;
  if (kind == BLOCK_PART_TITLE)
    block->height += PART_SIZE;  /* room below the title */
  return block;
}

/* A paragraph that does not end a sentence introduces the next one: a
 * sub-heading (（四）国有资产占用情况) or "具体支出情况如下：". */
static gboolean
introduces_next (const char *text)
{
  static const char *const ends[] = { "。", ".", "！", "!", "？", "?", "\"", "”" };
  g_autofree char *trimmed = g_strchomp (g_strdup (text));

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (g_str_has_suffix (trimmed, ends[i]))
      return FALSE;
  return TRUE;
}

static void
add_text (YusuanReport *self,
          BlockKind     kind,
          const char   *text)
{
  Block *block;

  if (text == NULL || *text == '\0')
    return;
  block = text_block (self, kind, text);
  if (kind == BLOCK_PARAGRAPH && introduces_next (text))
    block->keep_with_next = TRUE;
  g_ptr_array_add (self->blocks, block);
}

static void
add_chart (YusuanReport    *self,
           YusuanChartKind  kind)
{
  YusuanChartData *data = yusuan_chart_data_new (self->document, self->catalog, kind);
  Block *block;

  if (yusuan_chart_data_is_empty (data))
    {
      yusuan_chart_data_free (data);
      return;
    }
  block = g_new0 (Block, 1);
  block->kind = BLOCK_CHART;
  block->chart = data;
  block->height = yusuan_chart_get_natural_height (data, CHART_SIZE);
  block->space_before = 10;
  g_ptr_array_add (self->blocks, block);
}

static void
add_sections (YusuanReport *self,
              GPtrArray    *sections,
              gboolean      with_charts)
{
  for (guint i = 0; i < sections->len; i++)
    {
      YusuanNarrativeSection *section = g_ptr_array_index (sections, i);

      add_text (self, BLOCK_HEADING, section->heading);
      for (guint j = 0; j < section->paragraphs->len; j++)
        add_text (self, BLOCK_PARAGRAPH, g_ptr_array_index (section->paragraphs, j));

      if (!with_charts)
        continue;
      /* Each chart beside the section that speaks of it: 一 the change
       * from the prior year, 三 the structure of expenditure, 六 the basic
       * expenditure of the general public budget. */
      switch (i)
        {
        case 0:
          add_chart (self, YUSUAN_CHART_YEAR_ON_YEAR);
          break;
        case 2:
          add_chart (self, YUSUAN_CHART_BASIC_PROJECT);
          add_chart (self, YUSUAN_CHART_FUNCTION);
          break;
        case 5:
          add_chart (self, YUSUAN_CHART_PERSONNEL_PUBLIC);
          break;
        default:
          break;
        }
    }
}

static void
build_blocks (YusuanReport *self)
{
  g_autoptr(GPtrArray) overview = yusuan_narrative_overview (self->document);
  g_autoptr(GPtrArray) explanation = yusuan_narrative_explanation (self->document);
  g_autoptr(GPtrArray) glossary = yusuan_narrative_glossary ();

  for (guint part = 1; part <= 3; part++)
    {
      g_autofree char *title = yusuan_narrative_part_title (self->document, part);

      add_text (self, BLOCK_PART_TITLE, title);
      add_sections (self, part == 1 ? overview : part == 2 ? explanation : glossary, part == 2);
    }
}

/* Pages */

static Page *
new_page (YusuanReport *self,
          PageKind      kind,
          gboolean      landscape)
{
  Page *page = g_new0 (Page, 1);

  page->kind = kind;
  page->landscape = landscape;
  /* The cover and the contents show no number; 第一部分 starts at 1. */
  page->number = self->pages->len >= 2 ? self->pages->len - 1 : 0;
  if (kind == PAGE_FLOW)
    page->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (self->pages, page);
  return page;
}

static void
add_mark (YusuanReport *self,
          const char   *title,
          guint         page)
{
  Mark mark = { g_strdup (title), page };

  g_array_append_val (self->marks, mark);
}

static void
place (Page  *page,
       guint  block,
       guint  first_line,
       guint  n_lines,
       double y)
{
  Placed placed = { block, first_line, n_lines, y };

  g_array_append_val (page->placed, placed);
}

static double
lines_height (const Block *block,
              guint        first,
              guint        n)
{
  return g_array_index (block->line_tops, double, first + n)
         - g_array_index (block->line_tops, double, first);
}

/* The narrative's blocks flow down portrait pages: paragraphs split
 * between lines (never leaving one line alone), headings stay with what
 * follows, charts move whole to the next page. */
static void
flow (YusuanReport *self)
{
  double height = content_height ();
  Page *page = NULL;
  double y = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);
      guint n_lines, first = 0;

      if (page == NULL || (block->new_page && page->placed->len > 0))
        {
          page = new_page (self, PAGE_FLOW, FALSE);
          y = 0;
        }
      if (block->kind == BLOCK_PART_TITLE)
        {
          g_autofree char *title = g_strdup (pango_layout_get_text (block->layout));

          add_mark (self, g_strdelimit (title, "\n", ' '), self->pages->len - 1);
        }
      if (y > 0)
        y += block->space_before;

      if (block->kind == BLOCK_CHART)
        {
          if (y + block->height > height && y > 0)
            {
              page = new_page (self, PAGE_FLOW, FALSE);
              y = 0;
            }
          place (page, i, 0, 0, y);
          y += block->height;
          continue;
        }

      n_lines = block->line_tops->len - 1;
      if (block->keep_with_next && i + 1 < self->blocks->len && y > 0)
        {
          const Block *next = g_ptr_array_index (self->blocks, i + 1);
          double need = block->height + next->space_before;

          need += next->kind == BLOCK_CHART ? MIN (next->height, height / 3)
                  : lines_height (next, 0, MIN (2, next->line_tops->len - 1));
          if (y + need > height)
            {
              page = new_page (self, PAGE_FLOW, FALSE);
              y = 0;
            }
        }

      while (first < n_lines)
        {
          guint left = n_lines - first;
          guint fit = 0;

          while (fit < left && y + lines_height (block, first, fit + 1) <= height)
            fit++;
          /* No orphan: one line of a longer paragraph waits for the next page. */
          if ((fit == 0 || (fit == 1 && left > 1)) && y > 0)
            {
              page = new_page (self, PAGE_FLOW, FALSE);
              y = 0;
              continue;
            }
          if (fit == 0)
            fit = 1;  /* taller than a page: it is cut */
          /* No widow: one line never ends the paragraph on the next page. */
          if (fit == left - 1 && fit >= 3)
            fit--;
          place (page, i, first, fit, y);
          y += lines_height (block, first, fit);
          first += fit;
          if (first < n_lines)
            {
              page = new_page (self, PAGE_FLOW, FALSE);
              y = 0;
            }
        }
      if (block->kind == BLOCK_PART_TITLE)
        y += PART_SIZE;
    }
}

static void
lay_out_tables (YusuanReport *self)
{
  g_autofree char *department = report_department_line (self->document);
  const char *unit = report_unit_line (self->unit);

  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    {
      YusuanTable *table = self->tables[i];
      g_autofree char *code = yusuan_table_dup_code (table);
      g_autofree char *title = yusuan_table_dup_title (table);
      g_autofree char *note = yusuan_table_dup_note (table);
      g_autofree char *mark = g_strdup_printf ("%s %s", code, title);
      ReportTableText text = { self->context, code, title, department, unit, note };
      ReportTableLayout *layout = report_table_layout_new (report_grid_new (table, self->unit), &text);
      guint n = report_table_layout_get_n_pages (layout);

      g_ptr_array_add (self->layouts, layout);
      self->table_first_page[i] = self->pages->len;
      add_mark (self, mark, self->pages->len);
      for (guint p = 0; p < n; p++)
        {
          Page *page = new_page (self, PAGE_TABLE, report_table_layout_is_landscape (layout));

          page->table = i;
          page->table_page = p;
        }
    }
}

static void
ensure_layout (YusuanReport *self)
{
  gint64 start;

  if (self->laid_out)
    return;

  start = g_get_monotonic_time ();
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) report_table_layout_free);
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);

  new_page (self, PAGE_COVER, FALSE);
  new_page (self, PAGE_CONTENTS, FALSE);
  build_blocks (self);
  flow (self);
  lay_out_tables (self);
  self->laid_out = TRUE;
  g_debug ("report: %u pages laid out in %.3f s", self->pages->len,
           (g_get_monotonic_time () - start) / 1e6);
}

/* Drawing */

static void
draw_cover (YusuanReport *self,
            cairo_t      *cr)
{
  double width = YUSUAN_REPORT_A4_WIDTH - 2 * REPORT_MARGIN_SIDE;
  g_autoptr(PangoLayout) name = report_layout_new (self->context, REPORT_SANS, 26, TRUE);
  g_autoptr(PangoLayout) title = report_layout_new (self->context, REPORT_SANS, 30, TRUE);
  g_autofree char *title_text = NULL;
  int h;
  double y = YUSUAN_REPORT_A4_HEIGHT * 0.30;

  /* Translators: the cover of the published budget: "%d年部门预算" */
  title_text = g_strdup_printf (_("%d Department Budget"), yusuan_document_get_fiscal_year (self->document));

  pango_layout_set_width (name, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (name, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (name, yusuan_document_get_department_name (self->document), -1);
  cairo_move_to (cr, REPORT_MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, name);
  pango_layout_get_size (name, NULL, &h);
  y += (double) h / PANGO_SCALE + 28;

  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (title, title_text, -1);
  cairo_move_to (cr, REPORT_MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_size (title, NULL, &h);
  y += (double) h / PANGO_SCALE + 24;

  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, REPORT_MARGIN_SIDE + width * 0.2, y);
  cairo_line_to (cr, REPORT_MARGIN_SIDE + width * 0.8, y);
  cairo_stroke (cr);

}

/* 目录: the parts and the tables, with their page numbers; in a PDF each
 * line is a link to its page. */
static void
draw_contents (YusuanReport *self,
               cairo_t      *cr)
{
  double width = YUSUAN_REPORT_A4_WIDTH - 2 * REPORT_MARGIN_SIDE;
  double y = REPORT_MARGIN_TOP + 20;
  g_autoptr(PangoLayout) title = report_layout_new (self->context, REPORT_SANS, PART_SIZE, TRUE);
  g_autoptr(PangoLayout) entry = report_layout_new (self->context, REPORT_SERIF, BODY_SIZE, FALSE);
  g_autoptr(PangoLayout) number = report_layout_new (self->context, REPORT_SERIF, BODY_SIZE, FALSE);
  g_autoptr(PangoLayout) dot = report_layout_new (self->context, REPORT_SERIF, BODY_SIZE, FALSE);
  int h, dot_width;

  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  /* Translators: the table of contents of the published budget: 目录 */
  pango_layout_set_text (title, _("Contents"), -1);
  cairo_move_to (cr, REPORT_MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_size (title, NULL, &h);
  y += (double) h / PANGO_SCALE + 24;

  pango_layout_set_text (dot, "·", -1);
  pango_layout_get_size (dot, &dot_width, NULL);
  pango_layout_set_ellipsize (entry, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      const Page *target = g_ptr_array_index (self->pages, mark->page);
      g_autofree char *page_number = g_strdup_printf ("%u", target->number);
      g_autofree char *link = g_strdup_printf ("page=%u", mark->page + 1);
      int entry_width, number_width;
      double left, right, step = (double) dot_width / PANGO_SCALE * 1.6;
      /* Tables are listed under the parts, indented. */
      double indent = target->kind == PAGE_TABLE ? 2 * BODY_SIZE : 0;

      pango_layout_set_width (entry, (int) ((width - indent - 4 * BODY_SIZE) * PANGO_SCALE));
      pango_layout_set_text (entry, mark->title, -1);
      pango_layout_set_text (number, page_number, -1);
      pango_layout_get_pixel_size (entry, &entry_width, &h);
      pango_layout_get_pixel_size (number, &number_width, NULL);

      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
      cairo_move_to (cr, REPORT_MARGIN_SIDE + indent, y);
      pango_cairo_show_layout (cr, entry);
      /* Leader dots up to the number. */
      left = REPORT_MARGIN_SIDE + indent + entry_width + step;
      right = REPORT_MARGIN_SIDE + width - number_width - step;
      /* On a grid, so that the dots of all lines stand in columns. */
      left = REPORT_MARGIN_SIDE + ceil ((left - REPORT_MARGIN_SIDE) / step) * step;
      for (double x = left; x + (double) dot_width / PANGO_SCALE <= right; x += step)
        {
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, dot);
        }
      cairo_move_to (cr, REPORT_MARGIN_SIDE + width - number_width, y);
      pango_cairo_show_layout (cr, number);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      y += h * 1.55;
    }
}

static void
draw_lines (cairo_t     *cr,
            const Block *block,
            guint        first,
            guint        n,
            double       x,
            double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double top = g_array_index (block->line_tops, double, first);

  for (guint i = 0; i < first; i++)
    pango_layout_iter_next_line (iter);
  for (guint i = 0; i < n; i++)
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - top);
      pango_cairo_show_layout_line (cr, line);
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
}

static void
draw_flow (YusuanReport *self,
           cairo_t      *cr,
           const Page   *page)
{
  for (guint i = 0; i < page->placed->len; i++)
    {
      const Placed *placed = &g_array_index (page->placed, Placed, i);
      const Block *block = g_ptr_array_index (self->blocks, placed->block);
      double x = REPORT_MARGIN_SIDE, y = REPORT_MARGIN_TOP + placed->y;

      if (block->kind == BLOCK_CHART)
        {
          YusuanChartStyle style;

          yusuan_chart_style_init_print (&style);
          style.font_family = REPORT_SANS;
          style.font_size = CHART_SIZE;
          cairo_save (cr);
          cairo_translate (cr, x, y);
          yusuan_chart_draw (cr, block->chart, content_width (FALSE), block->height, &style);
          cairo_restore (cr);
        }
      else
        draw_lines (cr, block, placed->first_line, placed->n_lines, x, y);
    }
}

static void
draw_page_number (YusuanReport *self,
                  cairo_t      *cr,
                  const Page   *page,
                  double        width,
                  double        height)
{
  g_autoptr(PangoLayout) layout = report_layout_new (self->context, REPORT_SERIF, FOOTER_SIZE, FALSE);
  g_autofree char *text = g_strdup_printf ("- %u -", page->number);
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, NULL);
  cairo_move_to (cr, (width - (double) w / PANGO_SCALE) / 2, height - REPORT_MARGIN_BOTTOM + 22);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page (YusuanReport *self,
           cairo_t      *cr,
           guint         index)
{
  const Page *page = g_ptr_array_index (self->pages, index);
  double width = page->landscape ? YUSUAN_REPORT_A4_HEIGHT : YUSUAN_REPORT_A4_WIDTH;
  double height = page->landscape ? YUSUAN_REPORT_A4_WIDTH : YUSUAN_REPORT_A4_HEIGHT;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  switch (page->kind)
    {
    case PAGE_COVER:
      draw_cover (self, cr);
      break;
    case PAGE_CONTENTS:
      draw_contents (self, cr);
      break;
    case PAGE_FLOW:
      draw_flow (self, cr, page);
      break;
    case PAGE_TABLE:
      report_table_layout_draw_page (g_ptr_array_index (self->layouts, page->table), cr,
                                     page->table_page, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
  if (page->number > 0)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_page_number (self, cr, page, width, height);
    }
  cairo_restore (cr);
}

/* GObject */

static void
yusuan_report_dispose (GObject *object)
{
  YusuanReport *self = YUSUAN_REPORT (object);

  g_clear_signal_handler (&self->changed_id, self->document);
  invalidate (self);
  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    g_clear_object (&self->tables[i]);
  g_clear_object (&self->document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (yusuan_report_parent_class)->dispose (object);
}

static void
yusuan_report_class_init (YusuanReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yusuan_report_dispose;
}

static void
yusuan_report_init (YusuanReport *self)
{
  self->context = report_context_new ();
}

/* Public API */

YusuanReport *
yusuan_report_new (YusuanDocument    *document,
                   YusuanCatalog     *catalog,
                   YusuanDisplayUnit  unit)
{
  YusuanReport *self;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);

  yusuan_core_init ();
  self = g_object_new (YUSUAN_TYPE_REPORT, NULL);
  self->document = g_object_ref (document);
  self->catalog = catalog ? yusuan_catalog_ref (catalog) : NULL;
  self->unit = unit;
  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    self->tables[i] = yusuan_table_new (document, catalog, i + 1);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
  return self;
}

guint
yusuan_report_get_n_pages (YusuanReport *self)
{
  g_return_val_if_fail (YUSUAN_IS_REPORT (self), 0);

  ensure_layout (self);
  return self->pages->len;
}

gboolean
yusuan_report_page_is_landscape (YusuanReport *self,
                                 guint         page)
{
  g_return_val_if_fail (YUSUAN_IS_REPORT (self), FALSE);

  ensure_layout (self);
  g_return_val_if_fail (page < self->pages->len, FALSE);
  return ((Page *) g_ptr_array_index (self->pages, page))->landscape;
}

void
yusuan_report_get_page_size (YusuanReport *self,
                             guint         page,
                             double       *width,
                             double       *height)
{
  gboolean landscape = yusuan_report_page_is_landscape (self, page);

  if (width)
    *width = landscape ? YUSUAN_REPORT_A4_HEIGHT : YUSUAN_REPORT_A4_WIDTH;
  if (height)
    *height = landscape ? YUSUAN_REPORT_A4_WIDTH : YUSUAN_REPORT_A4_HEIGHT;
}

guint
yusuan_report_get_table_page (YusuanReport *self,
                              guint         number)
{
  g_return_val_if_fail (YUSUAN_IS_REPORT (self), 0);
  g_return_val_if_fail (number >= 1 && number <= YUSUAN_N_TABLES, 0);

  ensure_layout (self);
  return self->table_first_page[number - 1];
}

void
yusuan_report_render_page (YusuanReport *self,
                           cairo_t      *cr,
                           guint         page,
                           double        width,
                           double        height)
{
  double page_width, page_height, scale;

  g_return_if_fail (YUSUAN_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  ensure_layout (self);
  g_return_if_fail (page < self->pages->len);

  yusuan_report_get_page_size (self, page, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  if (scale <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  draw_page (self, cr, page);
  cairo_restore (cr);
}

/* Where cairo's PDF stream goes, and why it stopped if it did. */
typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->saved_errno = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
yusuan_report_write_pdf (YusuanReport  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  ReportOutput out;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (YUSUAN_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_layout (self);
  if (!report_output_open (&out, path, FALSE, error))
    return FALSE;

  sink.fd = out.fd;
  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink,
                                                 YUSUAN_REPORT_A4_WIDTH, YUSUAN_REPORT_A4_HEIGHT);
  title = g_strdup_printf ("%s %d", yusuan_document_get_department_name (self->document),
                           yusuan_document_get_fiscal_year (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  yusuan_document_get_department_name (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Yusuan " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      double width, height;

      yusuan_report_get_page_size (self, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      g_autofree char *link = g_strdup_printf ("page=%u", mark->page + 1);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, mark->title, link, 0);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      report_output_abort (&out);
      if (status == CAIRO_STATUS_WRITE_ERROR)
        report_io_error (error, path, sink.saved_errno);
      else
        g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_RENDER,
                     /* Translators: %1$s a file name, %2$s cairo's reason */
                     _("Cannot draw “%1$s”: %2$s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return report_output_commit (&out, error);
}
