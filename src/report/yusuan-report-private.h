/* yusuan-report-private.h - the tables in their official layout, shared by the PDF and the XLSX writers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "yusuan-report.h"
#include "yusuan-table.h"

G_BEGIN_DECLS

/* A cell of the printed header: a label over leaf columns @first … @last,
 * in header rows @level … @level + @levels - 1.  The header is the table's
 * own, or for tables 01 and 04 (收入 on the left, 支出 on the right) one
 * built from it. */
typedef struct
{
  const char *label;
  guint       level;
  guint       levels;
  guint       first;
  guint       last;
} ReportHeaderCell;

typedef struct
{
  char     *text;        /* as printed: "3,337.84", a name, "" when empty */
  gboolean  has_amount;  /* an amount cell with a value */
  gint64    hundredths;  /* the amount rounded once: hundredths of the unit */
  guint     span;        /* columns the cell covers; 0 when a cell to its left covers it */
  guint     indent;      /* levels of indentation */
  gboolean  bold;        /* totals and headings */
} ReportCell;

typedef struct
{
  YusuanRowKind  kind;
  guint          n_cells;
  ReportCell    *cells;
} ReportRow;

typedef struct _ReportGrid ReportGrid;

ReportGrid         *report_grid_new              (YusuanTable       *table,
                                                  YusuanDisplayUnit  unit);
void                report_grid_free             (ReportGrid        *grid);
YusuanTable        *report_grid_get_table        (ReportGrid        *grid);
/* ReportHeaderCell, each group after the cells below it; owned by @grid. */
const GArray       *report_grid_get_header_cells (ReportGrid        *grid);
/* Rows of the header: the depth of the header tree. */
guint               report_grid_get_header_depth (ReportGrid        *grid);
guint               report_grid_get_n_columns    (ReportGrid        *grid);
gboolean            report_grid_column_is_amount (ReportGrid        *grid,
                                                  guint              column);
guint               report_grid_get_n_rows       (ReportGrid        *grid);
/* Fills @row (reusing its buffers); report_row_clear() frees them. */
void                report_grid_fetch_row        (ReportGrid        *grid,
                                                  guint              index,
                                                  ReportRow         *row);
void                report_row_clear             (ReportRow         *row);

/* "部门名称：…" and "单位：万元", as the tables print them. */
char               *report_department_line       (YusuanDocument    *document);
const char         *report_unit_line             (YusuanDisplayUnit  unit);

/* Text a spreadsheet would run (=, +, -, @, a tab or a return first). */
gboolean            report_text_is_formula_like  (const char        *text);

/* Where a report is written.  A regular file (a link is followed to it) is
 * written as a temporary file beside it and renamed into place only when
 * complete, so that a failure leaves it as it was; a device or a pipe
 * (/dev/stdout) is written as a stream.  A folder is refused. */
typedef struct
{
  char     *path;    /* as given, for messages */
  char     *target;  /* the file replaced, or the stream */
  char     *temp;    /* our temporary file, or NULL */
  char     *file;    /* what a writer that wants a name writes (@by_name) */
  int       fd;      /* what a writer that wants a descriptor writes, or -1 */
  gboolean  stream;
} ReportOutput;

/* @by_name: the writer opens a file name itself (libxlsxwriter) rather
 * than writing to out->fd. */
gboolean            report_output_open           (ReportOutput      *out,
                                                  const char        *path,
                                                  gboolean           by_name,
                                                  GError           **error);
/* Puts the written file in place (or finishes the stream); frees @out. */
gboolean            report_output_commit         (ReportOutput      *out,
                                                  GError           **error);
/* Removes what was written, never the target; frees @out. */
void                report_output_abort          (ReportOutput      *out);

/* "Cannot write “@path”: the system's reason for @saved_errno". */
void                report_io_error              (GError           **error,
                                                  const char        *path,
                                                  int                saved_errno);

/* Writes @contents to @path as above. */
gboolean            report_replace_file          (const char        *path,
                                                  const char        *contents,
                                                  gsize              length,
                                                  GError           **error);

/* A table laid out on pages: column widths, orientation, the rows of each
 * page.  Rows are measured once (most without laying them out at all), so
 * a table of 100 000 rows paginates in about a second. */
typedef struct _ReportTableLayout ReportTableLayout;

typedef struct
{
  PangoContext *context;     /* fixed metrics: 1 unit = 1 point */
  const char   *code;        /* 预算03表 */
  const char   *title;       /* 2023年部门支出总体情况表 */
  const char   *department;  /* 部门名称：… */
  const char   *unit;        /* 单位：万元 */
  const char   *note;        /* nullable: 备注：… */
} ReportTableText;

/* Takes @grid. */
ReportTableLayout  *report_table_layout_new       (ReportGrid            *grid,
                                                   const ReportTableText *text);
void                report_table_layout_free      (ReportTableLayout     *layout);
gboolean            report_table_layout_is_landscape (ReportTableLayout  *layout);
guint               report_table_layout_get_n_pages  (ReportTableLayout  *layout);
/* Draws page @page of the table in points, on a page of @width × @height. */
void                report_table_layout_draw_page (ReportTableLayout     *layout,
                                                   cairo_t               *cr,
                                                   guint                  page,
                                                   double                 width,
                                                   double                 height);

/* Fonts of the printed document. */
#define REPORT_SANS  "Noto Sans CJK SC, Noto Sans CJK, Sans"
#define REPORT_SERIF "Noto Serif CJK SC, Noto Serif CJK, Serif"

/* Page margins in points: the body sits inside them, the page number below. */
#define REPORT_MARGIN_TOP     54.0
#define REPORT_MARGIN_BOTTOM  60.0
#define REPORT_MARGIN_SIDE    54.0
#define REPORT_MARGIN_SIDE_LANDSCAPE 40.0

PangoContext       *report_context_new            (void);
PangoLayout        *report_layout_new             (PangoContext *context,
                                                   const char   *family,
                                                   double        size,
                                                   gboolean      bold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportGrid, report_grid_free)

G_END_DECLS
