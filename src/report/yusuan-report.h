/* yusuan-report.h - the disclosure document (部门预算公开) as PDF pages, XLSX and CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_REPORT_ERROR (yusuan_report_error_quark ())

typedef enum
{
  YUSUAN_REPORT_ERROR_IO,      /* the file or folder cannot be written */
  YUSUAN_REPORT_ERROR_RENDER,  /* cairo or the spreadsheet writer failed */
} YusuanReportError;

GQuark        yusuan_report_error_quark         (void);

/* A4 in points (1/72 inch). */
#define YUSUAN_REPORT_A4_WIDTH  595.2756
#define YUSUAN_REPORT_A4_HEIGHT 841.8898

#define YUSUAN_TYPE_REPORT (yusuan_report_get_type ())
G_DECLARE_FINAL_TYPE (YusuanReport, yusuan_report, YUSUAN, REPORT, GObject)

/* The published document: cover, 第一部分 概况, 第二部分 情况说明 with its
 * charts, 第三部分 名词解释, then 预算01表 … 预算12表 in the official layout.
 * Labels follow the current language; tables show amounts in @unit.
 * The pages are laid out on first use and again after the document changes. */
YusuanReport *yusuan_report_new                 (YusuanDocument    *document,
                                                 YusuanCatalog     *catalog,
                                                 YusuanDisplayUnit  unit);

guint         yusuan_report_get_n_pages         (YusuanReport *self);
/* Landscape pages hold the wide tables; the size is in points. */
gboolean      yusuan_report_page_is_landscape   (YusuanReport *self,
                                                 guint         page);
void          yusuan_report_get_page_size       (YusuanReport *self,
                                                 guint         page,
                                                 double       *width,
                                                 double       *height);
/* The first page of table @number (1 … 12), 0-based, for a print range. */
guint         yusuan_report_get_table_page      (YusuanReport *self,
                                                 guint         number);

/* Draws page @page (0-based) onto @cr, scaled to fit @width × @height in
 * @cr's user units, keeping the page's proportions.  A GtkPrintOperation's
 * ::draw-page calls it with gtk_print_context_get_cairo_context() and
 * gtk_print_context_get_width()/_height(); ::request-page-setup sets the
 * orientation from yusuan_report_page_is_landscape(). */
void          yusuan_report_render_page         (YusuanReport *self,
                                                 cairo_t      *cr,
                                                 guint         page,
                                                 double        width,
                                                 double        height);

/* Writes every page as a PDF, atomically: on failure @path is left as it was. */
gboolean      yusuan_report_write_pdf           (YusuanReport  *self,
                                                 const char    *path,
                                                 GError       **error);

/* One sheet per table in the official layout (title, unit, merged headers,
 * "#,##0.00", frozen headers) and a sheet of findings; written atomically.
 * Text never becomes a formula. */
gboolean      yusuan_report_write_xlsx          (YusuanDocument     *document,
                                                 YusuanCatalog      *catalog,
                                                 YusuanDisplayUnit   unit,
                                                 const char         *path,
                                                 GError            **error);

/* One CSV per table (yusuan_table_to_csv()) in @directory, created if
 * missing: table-01.csv … table-12.csv, each replaced atomically. */
gboolean      yusuan_report_write_csv           (YusuanDocument     *document,
                                                 YusuanCatalog      *catalog,
                                                 YusuanDisplayUnit   unit,
                                                 const char         *directory,
                                                 GError            **error);

G_END_DECLS
