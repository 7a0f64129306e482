/* yusuan-print.h - the published budget printed and exported from the window: print dialog, PDF, XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

typedef enum
{
  YUSUAN_EXPORT_PDF,   /* the disclosure document, as printed */
  YUSUAN_EXPORT_XLSX,  /* one sheet per table and a sheet of findings */
} YusuanExportFormat;

/* A print run of the report (yusuan_report_new(), laid out afresh for this
 * run) on A4, portrait or landscape page by page.  @table (1 … 12, 0 for
 * none) fills the dialog's page range with that table's pages, while the
 * whole report stays selected. */
GtkPrintOperation *yusuan_print_operation_new    (YusuanDocument      *document,
                                                  YusuanCatalog       *catalog,
                                                  YusuanDisplayUnit    unit,
                                                  guint                table);
/* The number of pages the operation prints. */
guint              yusuan_print_operation_get_n_pages (GtkPrintOperation *operation);

/* Shows the print dialog over @parent and prints; the settings chosen are
 * offered again next time; a failure is shown in a dialog. */
void               yusuan_print_show_dialog      (GtkWindow           *parent,
                                                  YusuanDocument      *document,
                                                  YusuanCatalog       *catalog,
                                                  YusuanDisplayUnit    unit,
                                                  guint                table);

/* Writes the report into @file in a worker thread, from a copy of
 * @document taken now: the user may go on editing meanwhile. */
void               yusuan_print_export_async     (YusuanDocument      *document,
                                                  YusuanCatalog       *catalog,
                                                  YusuanDisplayUnit    unit,
                                                  YusuanExportFormat   format,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           yusuan_print_export_finish    (GAsyncResult        *result,
                                                  GError             **error);

/* Asks where to write (GtkFileChooserNative, @suggested_name without its
 * suffix), exports, then says so in a toast on @toasts, or shows an error
 * dialog naming the file.  @settings (may be NULL) remembers the folder. */
void               yusuan_print_export_with_chooser (GtkWindow          *parent,
                                                     AdwToastOverlay    *toasts,
                                                     GSettings          *settings,
                                                     YusuanDocument     *document,
                                                     YusuanCatalog      *catalog,
                                                     YusuanDisplayUnit   unit,
                                                     YusuanExportFormat  format,
                                                     const char         *suggested_name);

G_END_DECLS
