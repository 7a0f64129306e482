/* yusuan-report-table.c - a table laid out on A4 pages: widths, orientation, pages, drawing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-report-private.h"

#define PAD_X        3.0   /* inside a cell, left and right */
#define PAD_Y        2.2   /* inside a cell, above and below */
#define BASE_SIZE    8.5   /* cell text, before a wide table is scaled down */
#define MIN_SIZE     5.5
#define TEXT_CAP_EM  14.0  /* a name column's natural width, before it wraps */
#define HEADER_CAP_EM 4.0  /* a header wraps beyond this */
#define TITLE_SIZE   15.0
#define LINE_SIZE    9.0   /* 部门名称 and 单位 */
#define NOTE_SIZE    8.0
#define RULE_WIDTH   0.5
#define SLACK        1.0   /* beyond the measured width, against rounding */

/* Advances of characters at a reference size, so that a cell's width is a
 * sum rather than a layout: without hinting, advances scale linearly. */
#define REF_SIZE 100.0

typedef struct
{
  PangoLayout *layout;
  double       ascii[128];
  GHashTable  *others;  /* gunichar -> double* */
} Advances;

struct _ReportTableLayout
{
  ReportGrid   *grid;
  PangoContext *context;
  char         *code;
  char         *title;
  char         *department;
  char         *unit;
  char         *note;

  gboolean      landscape;
  double        page_width;
  double        page_height;
  double        margin;
  double        size;          /* cell text */
  double        scale;         /* size / BASE_SIZE */

  guint         n_columns;
  double       *widths;
  double       *x;             /* [n_columns + 1], from the table's left edge */
  double        table_width;

  const GArray *header_cells;  /* ReportHeaderCell, the grid's */
  guint         depth;
  double       *level_heights;
  double        header_height;
  double        title_height;
  double        note_height;

  guint         n_rows;
  float        *heights;
  GArray       *page_starts;   /* guint: first row of each page, then n_rows */

  Advances      regular;
  Advances      bold;
};

PangoContext *
report_context_new (void)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics that do not depend on the device: what is measured for the
   * PDF is what a printer or the screen gets. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
report_layout_new (PangoContext *context,
                   const char   *family,
                   double        size,
                   gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

static void
advances_init (Advances     *advances,
               PangoContext *context,
               gboolean      bold)
{
  advances->layout = report_layout_new (context, REPORT_SANS, REF_SIZE, bold);
  for (guint i = 0; i < G_N_ELEMENTS (advances->ascii); i++)
    advances->ascii[i] = -1;
  advances->others = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
advances_clear (Advances *advances)
{
  g_clear_object (&advances->layout);
  g_clear_pointer (&advances->others, g_hash_table_unref);
}

static double
measure_char (Advances *advances,
              gunichar  c)
{
  char utf8[8];
  int length = g_unichar_to_utf8 (c, utf8);
  PangoRectangle logical;

  pango_layout_set_text (advances->layout, utf8, length);
  pango_layout_get_extents (advances->layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* The width of @text on one line at @size. */
static double
advances_width (Advances   *advances,
                const char *text,
                double      size)
{
  double width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128)
        {
          if (advances->ascii[c] < 0)
            advances->ascii[c] = measure_char (advances, c);
          width += advances->ascii[c];
        }
      else
        {
          double *w = g_hash_table_lookup (advances->others, GUINT_TO_POINTER (c));

          if (w == NULL)
            {
              w = g_new (double, 1);
              *w = measure_char (advances, c);
              g_hash_table_insert (advances->others, GUINT_TO_POINTER (c), w);
            }
          width += *w;
        }
    }
  return width * size / REF_SIZE;
}

/* The widest run of Latin letters and digits: a header wraps at spaces, so
 * no column may be narrower than its longest word. */
static double
longest_word (Advances   *advances,
              const char *text,
              double      size)
{
  double longest = 0;
  const char *start = NULL;

  for (const char *p = text;; p++)
    {
      gboolean word = *p != '\0' && (guchar) *p < 128 && !g_ascii_isspace (*p);

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_autofree char *run = g_strndup (start, p - start);

          longest = MAX (longest, advances_width (advances, run, size));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return longest;
}

/* The widest run of text that cannot wrap: codes, figures, Latin words
 * ("411200230000000002006", "≥95%"); CJK text wraps between any two
 * characters. */
static double
unbreakable_width (Advances   *advances,
                   const char *text,
                   double      size)
{
  double longest = 0, run = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iswide (c))
        {
          longest = MAX (longest, run);
          run = 0;
          continue;
        }
      if (c < 128)
        {
          if (advances->ascii[c] < 0)
            advances->ascii[c] = measure_char (advances, c);
          run += advances->ascii[c];
        }
      else
        {
          double *w = g_hash_table_lookup (advances->others, GUINT_TO_POINTER (c));

          if (w == NULL)
            {
              w = g_new (double, 1);
              *w = measure_char (advances, c);
              g_hash_table_insert (advances->others, GUINT_TO_POINTER (c), w);
            }
          run += *w;
        }
    }
  return MAX (longest, run) * size / REF_SIZE;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Header */

static PangoLayout *
cell_layout (ReportTableLayout *self,
             gboolean           bold)
{
  PangoLayout *layout = report_layout_new (self->context, REPORT_SANS, self->size, bold);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
measure_header (ReportTableLayout *self)
{
  g_autoptr(PangoLayout) layout = cell_layout (self, FALSE);
  double min_height;

  pango_layout_set_text (layout, "国", -1);
  min_height = text_height (layout) + 2 * PAD_Y;

  self->level_heights = g_new0 (double, self->depth);
  for (guint l = 0; l < self->depth; l++)
    self->level_heights[l] = min_height;

  /* Cells of one header row first, then those spanning rows take what
   * they still need from their last row. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->header_cells->len; i++)
      {
        const ReportHeaderCell *cell = &g_array_index (self->header_cells, ReportHeaderCell, i);
        double width = self->x[cell->last + 1] - self->x[cell->first] - 2 * PAD_X;
        double need, have = 0;

        if ((pass == 0) != (cell->levels == 1))
          continue;
        pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
        pango_layout_set_text (layout, cell->label, -1);
        need = text_height (layout) + 2 * PAD_Y;
        for (guint l = cell->level; l < cell->level + cell->levels; l++)
          have += self->level_heights[l];
        if (need > have)
          self->level_heights[cell->level + cell->levels - 1] += need - have;
      }

  self->header_height = 0;
  for (guint l = 0; l < self->depth; l++)
    self->header_height += self->level_heights[l];
}

/* Widths */

/* Narrows the text columns wider than their floor, in proportion to what
 * they have above it, until the table is @available wide; returns the new
 * total. */
static double
shrink_text (ReportTableLayout *self,
             double            *want,
             const double      *floor_width,
             double             total,
             double             available)
{
  double above = 0, cut;

  if (total <= available)
    return total;
  for (guint c = 0; c < self->n_columns; c++)
    if (!report_grid_column_is_amount (self->grid, c) && want[c] > floor_width[c])
      above += want[c] - floor_width[c];
  if (above <= 0)
    return total;

  cut = MIN (1.0, (total - available) / above);
  total = 0;
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (!report_grid_column_is_amount (self->grid, c) && want[c] > floor_width[c])
        want[c] -= (want[c] - floor_width[c]) * cut;
      total += want[c];
    }
  return total;
}

static void
choose_widths (ReportTableLayout *self,
               const double      *content,
               const double      *unbreakable)
{
  guint n = self->n_columns;
  g_autofree double *want = g_new0 (double, n);
  g_autofree double *header = g_new0 (double, n);
  double em = BASE_SIZE, total = 0, available, extra;
  double portrait = YUSUAN_REPORT_A4_WIDTH - 2 * REPORT_MARGIN_SIDE;
  double landscape = YUSUAN_REPORT_A4_HEIGHT - 2 * REPORT_MARGIN_SIDE_LANDSCAPE;

  for (guint i = 0; i < self->header_cells->len; i++)
    {
      const ReportHeaderCell *cell = &g_array_index (self->header_cells, ReportHeaderCell, i);
      double label = advances_width (&self->regular, cell->label, BASE_SIZE);
      double word = longest_word (&self->regular, cell->label, BASE_SIZE);

      if (cell->first == cell->last)
        header[cell->first] = MAX (MIN (label, HEADER_CAP_EM * em), word) + 2 * PAD_X;
    }

  for (guint c = 0; c < n; c++)
    {
      if (report_grid_column_is_amount (self->grid, c))
        want[c] = MAX (header[c], content[c]);
      else
        want[c] = MAX (MAX (header[c], MIN (content[c], TEXT_CAP_EM * em + 2 * PAD_X)),
                       MAX (2 * em, unbreakable[c]));
      total += want[c];
    }

  self->scale = 1.0;
  if (total <= portrait)
    {
      self->landscape = FALSE;
      available = portrait;
    }
  else
    {
      g_autofree double *floor_width = g_new0 (double, n);

      self->landscape = TRUE;
      available = landscape;

      /* Too wide: long names wrap onto a second line first ... */
      for (guint c = 0; c < n; c++)
        floor_width[c] = MAX (6 * em + 2 * PAD_X, unbreakable[c]);
      total = shrink_text (self, want, floor_width, total, available);

      /* ... then the type gets smaller (the padding inside cells stays) ... */
      if (total > available)
        {
          double padding = 2 * PAD_X * n;

          self->scale = MAX (MIN_SIZE / BASE_SIZE, (available - padding) / MAX (total - padding, 1));
          total = 0;
          for (guint c = 0; c < n; c++)
            {
              want[c] = (want[c] - 2 * PAD_X) * self->scale + 2 * PAD_X;
              total += want[c];
            }
        }

      /* ... and at the smallest type, text wraps down to what cannot
       * wrap (codes, figures). */
      if (total > available)
        {
          for (guint c = 0; c < n; c++)
            floor_width[c] = MAX (3 * MIN_SIZE, (unbreakable[c] - 2 * PAD_X) * self->scale + 2 * PAD_X);
          total = shrink_text (self, want, floor_width, total, available);
        }
    }
  self->size = BASE_SIZE * self->scale;

  /* The table spans the page: first to the name columns that were cut
   * short, then to every column alike. */
  extra = available - total;
  if (extra > 0)
    {
      double deficit = 0;

      for (guint c = 0; c < n; c++)
        if (!report_grid_column_is_amount (self->grid, c))
          deficit += MAX (0, (content[c] - 2 * PAD_X) * self->scale + 2 * PAD_X - want[c]);
      if (deficit > 0)
        {
          double give = MIN (extra, deficit);

          for (guint c = 0; c < n; c++)
            if (!report_grid_column_is_amount (self->grid, c))
              want[c] += give * MAX (0, (content[c] - 2 * PAD_X) * self->scale + 2 * PAD_X - want[c]) / deficit;
          extra -= give;
        }
      for (guint c = 0; c < n && total > 0; c++)
        want[c] += extra * want[c] / total;
    }

  self->widths = g_new0 (double, n);
  self->x = g_new0 (double, n + 1);
  for (guint c = 0; c < n; c++)
    {
      self->widths[c] = want[c];
      self->x[c + 1] = self->x[c] + want[c];
    }
  self->table_width = self->x[n];
  self->page_width = self->landscape ? YUSUAN_REPORT_A4_HEIGHT : YUSUAN_REPORT_A4_WIDTH;
  self->page_height = self->landscape ? YUSUAN_REPORT_A4_WIDTH : YUSUAN_REPORT_A4_HEIGHT;
  self->margin = self->landscape ? REPORT_MARGIN_SIDE_LANDSCAPE : REPORT_MARGIN_SIDE;
}

/* Rows */

static double
cell_estimate (ReportTableLayout *self,
               const ReportCell  *cell)
{
  Advances *advances = cell->bold ? &self->bold : &self->regular;

  return advances_width (advances, cell->text, BASE_SIZE) + cell->indent * BASE_SIZE;
}

/* Pass 1 measures every cell by its characters' advances; pass 2 lays
 * out only the cells that will not fit on one line. */
static void
measure_rows (ReportTableLayout *self)
{
  guint n = self->n_columns;
  g_autofree double *content = g_new0 (double, n);
  g_autofree double *unbreakable = g_new0 (double, n);
  g_autofree float *estimates = NULL;
  g_autofree guint8 *spans = NULL;
  g_autoptr(PangoLayout) regular = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  ReportRow row = { 0 };
  double one_line;

  self->n_rows = report_grid_get_n_rows (self->grid);
  estimates = g_new0 (float, (gsize) self->n_rows * n);
  spans = g_new0 (guint8, self->n_rows);

  for (guint c = 0; c < n; c++)
    content[c] = 2 * PAD_X;

  for (guint r = 0; r < self->n_rows; r++)
    {
      report_grid_fetch_row (self->grid, r, &row);
      for (guint c = 0; c < n; c++)
        {
          const ReportCell *cell = &row.cells[c];
          double width;

          if (cell->span == 0 || cell->text[0] == '\0')
            continue;
          width = cell_estimate (self, cell);
          estimates[(gsize) r * n + c] = (float) width;
          if (cell->span > 1)
            spans[r] = 1;
          else
            {
              content[c] = MAX (content[c], width + 2 * PAD_X + SLACK);
              if (!report_grid_column_is_amount (self->grid, c))
                unbreakable[c] = MAX (unbreakable[c],
                                      MIN (unbreakable_width (cell->bold ? &self->bold : &self->regular,
                                                              cell->text, BASE_SIZE),
                                           TEXT_CAP_EM * BASE_SIZE) + 2 * PAD_X + SLACK);
            }
        }
    }

  choose_widths (self, content, unbreakable);

  regular = cell_layout (self, FALSE);
  bold = cell_layout (self, TRUE);
  pango_layout_set_text (regular, "国", -1);
  one_line = text_height (regular);

  self->heights = g_new (float, MAX (self->n_rows, 1));
  for (guint r = 0; r < self->n_rows; r++)
    {
      double tallest = one_line;
      gboolean fetched = FALSE;

      for (guint c = 0; c < n; c++)
        {
          double estimate = estimates[(gsize) r * n + c] * self->scale;
          double available;
          const ReportCell *cell;
          PangoLayout *layout;

          if (estimate <= 0)
            continue;
          if (!spans[r] && estimate <= (self->widths[c] - 2 * PAD_X) * 0.98)
            continue;
          if (report_grid_column_is_amount (self->grid, c))
            continue;  /* amounts never wrap */
          if (!fetched)
            {
              report_grid_fetch_row (self->grid, r, &row);
              fetched = TRUE;
            }
          cell = &row.cells[c];
          if (cell->span == 0)
            continue;
          available = self->x[MIN (c + cell->span, n)] - self->x[c] - 2 * PAD_X - cell->indent * self->size;
          if (estimate <= available * 0.98)
            continue;
          layout = cell->bold ? bold : regular;
          pango_layout_set_width (layout, (int) (MAX (available, 1) * PANGO_SCALE));
          pango_layout_set_text (layout, cell->text, -1);
          tallest = MAX (tallest, text_height (layout));
        }
      self->heights[r] = (float) (tallest + 2 * PAD_Y);
    }
  report_row_clear (&row);
}

static void
measure_title (ReportTableLayout *self)
{
  double width = self->page_width - 2 * self->margin;
  g_autoptr(PangoLayout) code = report_layout_new (self->context, REPORT_SANS, LINE_SIZE, FALSE);
  g_autoptr(PangoLayout) title = report_layout_new (self->context, REPORT_SANS, TITLE_SIZE, TRUE);
  g_autoptr(PangoLayout) line = report_layout_new (self->context, REPORT_SANS, LINE_SIZE, FALSE);

  pango_layout_set_text (code, self->code, -1);
  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (title, self->title, -1);
  pango_layout_set_text (line, self->department, -1);
  self->title_height = text_height (code) + 4 + text_height (title) + 8 + text_height (line) + 4;

  self->note_height = 0;
  if (self->note != NULL && self->note[0] != '\0')
    {
      g_autoptr(PangoLayout) note = report_layout_new (self->context, REPORT_SERIF, NOTE_SIZE, FALSE);

      pango_layout_set_width (note, (int) (self->table_width * PANGO_SCALE));
      pango_layout_set_wrap (note, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (note, self->note, -1);
      self->note_height = text_height (note) + 6;
    }
}

static double
body_height (ReportTableLayout *self)
{
  return self->page_height - REPORT_MARGIN_TOP - REPORT_MARGIN_BOTTOM - self->title_height - self->header_height;
}

static void
paginate (ReportTableLayout *self)
{
  double available = body_height (self);
  double y = 0;
  guint start = 0;

  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->page_starts, start);
  for (guint r = 0; r < self->n_rows; r++)
    {
      if (y + self->heights[r] > available && r > start)
        {
          start = r;
          g_array_append_val (self->page_starts, start);
          y = 0;
        }
      y += self->heights[r];
    }

  /* The note follows at least the last row, never alone on a page. */
  if (self->note_height > 0 && y + self->note_height > available && self->n_rows > start + 1)
    {
      start = self->n_rows - 1;
      g_array_append_val (self->page_starts, start);
    }
  g_array_append_val (self->page_starts, self->n_rows);
}

ReportTableLayout *
report_table_layout_new (ReportGrid            *grid,
                         const ReportTableText *text)
{
  ReportTableLayout *self = g_new0 (ReportTableLayout, 1);

  self->grid = grid;
  self->context = g_object_ref (text->context);
  self->code = g_strdup (text->code);
  self->title = g_strdup (text->title);
  self->department = g_strdup (text->department);
  self->unit = g_strdup (text->unit);
  self->note = g_strdup (text->note);
  self->n_columns = report_grid_get_n_columns (grid);
  self->depth = report_grid_get_header_depth (grid);
  self->header_cells = report_grid_get_header_cells (grid);
  advances_init (&self->regular, self->context, FALSE);
  advances_init (&self->bold, self->context, TRUE);

  measure_rows (self);
  measure_header (self);
  measure_title (self);
  paginate (self);
  return self;
}

void
report_table_layout_free (ReportTableLayout *self)
{
  if (self == NULL)
    return;
  report_grid_free (self->grid);
  g_clear_object (&self->context);
  g_free (self->code);
  g_free (self->title);
  g_free (self->department);
  g_free (self->unit);
  g_free (self->note);
  g_free (self->widths);
  g_free (self->x);
  g_free (self->level_heights);
  g_free (self->heights);
  g_clear_pointer (&self->page_starts, g_array_unref);
  advances_clear (&self->regular);
  advances_clear (&self->bold);
  g_free (self);
}

gboolean
report_table_layout_is_landscape (ReportTableLayout *self)
{
  return self->landscape;
}

guint
report_table_layout_get_n_pages (ReportTableLayout *self)
{
  return self->page_starts->len - 1;
}

/* Drawing */

static void
stroke_cell (cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height)
{
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
}

/* @layout's text in the middle of the cell, clipped to it. */
static void
show_in_cell (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y,
              double       width,
              double       height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_move_to (cr, x + PAD_X, y + (height - text_height (layout)) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static double
draw_title (ReportTableLayout *self,
            cairo_t           *cr)
{
  double width = self->page_width - 2 * self->margin;
  double y = REPORT_MARGIN_TOP;
  g_autoptr(PangoLayout) code = report_layout_new (self->context, REPORT_SANS, LINE_SIZE, FALSE);
  g_autoptr(PangoLayout) title = report_layout_new (self->context, REPORT_SANS, TITLE_SIZE, TRUE);
  g_autoptr(PangoLayout) department = report_layout_new (self->context, REPORT_SANS, LINE_SIZE, FALSE);
  g_autoptr(PangoLayout) unit = report_layout_new (self->context, REPORT_SANS, LINE_SIZE, FALSE);
  int unit_width;

  pango_layout_set_text (code, self->code, -1);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, code);
  y += text_height (code) + 4;

  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  pango_layout_set_text (title, self->title, -1);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, title);
  y += text_height (title) + 8;

  pango_layout_set_text (department, self->department, -1);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, department);
  pango_layout_set_text (unit, self->unit, -1);
  pango_layout_get_size (unit, &unit_width, NULL);
  cairo_move_to (cr, self->page_width - self->margin - (double) unit_width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, unit);
  y += text_height (department) + 4;

  return y;
}

static double
draw_header (ReportTableLayout *self,
             cairo_t           *cr,
             double             left,
             double             top)
{
  g_autoptr(PangoLayout) layout = cell_layout (self, FALSE);
  g_autofree double *tops = g_new0 (double, self->depth + 1);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  for (guint l = 0; l < self->depth; l++)
    tops[l + 1] = tops[l] + self->level_heights[l];

  for (guint i = 0; i < self->header_cells->len; i++)
    {
      const ReportHeaderCell *cell = &g_array_index (self->header_cells, ReportHeaderCell, i);
      double x = left + self->x[cell->first];
      double w = self->x[cell->last + 1] - self->x[cell->first];
      double y = top + tops[cell->level];
      double h = tops[cell->level + cell->levels] - tops[cell->level];

      pango_layout_set_width (layout, (int) (MAX (w - 2 * PAD_X, 1) * PANGO_SCALE));
      pango_layout_set_text (layout, cell->label, -1);
      show_in_cell (cr, layout, x, y, w, h);
      stroke_cell (cr, x, y, w, h);
    }
  return top + self->header_height;
}

void
report_table_layout_draw_page (ReportTableLayout *self,
                               cairo_t           *cr,
                               guint              page,
                               double             width,
                               double             height)
{
  guint first, end, n = self->n_columns;
  double left, y;
  g_autoptr(PangoLayout) regular = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  ReportRow row = { 0 };

  g_return_if_fail (page < report_table_layout_get_n_pages (self));

  first = g_array_index (self->page_starts, guint, page);
  end = g_array_index (self->page_starts, guint, page + 1);
  left = (self->page_width - self->table_width) / 2;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);

  y = draw_title (self, cr);
  y = draw_header (self, cr, left, y);

  regular = cell_layout (self, FALSE);
  bold = cell_layout (self, TRUE);

  /* A row taller than a whole page is cut at the bottom margin rather
   * than drawn over the page number. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height - REPORT_MARGIN_BOTTOM + 6);
  cairo_clip (cr);
  for (guint r = first; r < end; r++)
    {
      double h = self->heights[r];

      report_grid_fetch_row (self->grid, r, &row);
      for (guint c = 0; c < n; c++)
        {
          const ReportCell *cell = &row.cells[c];
          gboolean amount = report_grid_column_is_amount (self->grid, c);
          guint span = cell->span;
          double x = left + self->x[c];
          double w;
          PangoLayout *layout;

          if (span == 0)
            continue;
          w = self->x[MIN (c + span, n)] - self->x[c];
          if (cell->text[0] != '\0')
            {
              double indent = cell->indent * self->size;

              layout = cell->bold ? bold : regular;
              pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
              if (amount)
                pango_layout_set_width (layout, -1);  /* amounts never wrap */
              else
                pango_layout_set_width (layout, (int) (MAX (w - 2 * PAD_X - indent, 1) * PANGO_SCALE));
              pango_layout_set_text (layout, cell->text, -1);
              if (amount)
                {
                  int text_width;

                  pango_layout_get_size (layout, &text_width, NULL);
                  indent = w - 2 * PAD_X - (double) text_width / PANGO_SCALE;
                }
              cairo_save (cr);
              cairo_rectangle (cr, x, y, w, h);
              cairo_clip (cr);
              cairo_move_to (cr, x + PAD_X + indent, y + (h - text_height (layout)) / 2);
              pango_cairo_show_layout (cr, layout);
              cairo_restore (cr);
            }
          stroke_cell (cr, x, y, w, h);
        }
      y += h;
    }
  cairo_restore (cr);
  report_row_clear (&row);

  if (end == self->n_rows && self->note_height > 0)
    {
      g_autoptr(PangoLayout) note = report_layout_new (self->context, REPORT_SERIF, NOTE_SIZE, FALSE);

      pango_layout_set_width (note, (int) (self->table_width * PANGO_SCALE));
      pango_layout_set_wrap (note, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (note, self->note, -1);
      cairo_move_to (cr, left, y + 6);
      pango_cairo_show_layout (cr, note);
    }

  cairo_restore (cr);
}
