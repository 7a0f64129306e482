/* yusuan-print.c - the published budget printed and exported from the window: print dialog, PDF, XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-print.h"
#include "yusuan-report.h"
#include "yusuan-table.h"

/* Print settings chosen in the dialog, kept on the window for the next run. */
#define SETTINGS_KEY "yusuan-print-settings"
#define REPORT_KEY   "yusuan-report"

static YusuanReport *
operation_report (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), REPORT_KEY);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog;

  /* The window may have closed while the work went on. */
  if (parent != NULL && !gtk_widget_get_visible (GTK_WIDGET (parent)))
    parent = NULL;
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, (int) yusuan_report_get_n_pages (operation_report (operation)));
}

/* Wide tables are laid out on landscape pages: the sheet turns with them. */
static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       gpointer           user_data)
{
  YusuanReport *report = operation_report (operation);
  gboolean landscape = page >= 0 && (guint) page < yusuan_report_get_n_pages (report) &&
                       yusuan_report_page_is_landscape (report, (guint) page);

  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  YusuanReport *report = operation_report (operation);

  if (page < 0 || (guint) page >= yusuan_report_get_n_pages (report))
    return;
  yusuan_report_render_page (report, gtk_print_context_get_cairo_context (context), (guint) page,
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context));
}

static GtkPrintOperation *
operation_new (YusuanDocument    *document,
               YusuanCatalog     *catalog,
               YusuanDisplayUnit  unit,
               guint              table,
               GtkPrintSettings  *settings)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  YusuanReport *report = yusuan_report_new (document, catalog, unit);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintSettings) print_settings = settings ? gtk_print_settings_copy (settings)
                                                        : gtk_print_settings_new ();
  g_autofree char *job = g_strdup_printf (_("%s %d Budget"),
                                          yusuan_document_get_department_name (document),
                                          yusuan_document_get_fiscal_year (document));
  guint n_pages = yusuan_report_get_n_pages (report);

  g_object_set_data_full (G_OBJECT (operation), REPORT_KEY, report, g_object_unref);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report draws its own margins, page numbers included. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);

  /* The table on screen is one click away: its pages fill the range, the
   * whole report stays what is printed unless the user picks the range. */
  if (table >= 1 && table <= YUSUAN_N_TABLES && n_pages > 0)
    {
      GtkPageRange range;

      range.start = (int) yusuan_report_get_table_page (report, table);
      range.end = (int) (table < YUSUAN_N_TABLES ? yusuan_report_get_table_page (report, table + 1) : n_pages) - 1;
      if (range.end >= range.start)
        gtk_print_settings_set_page_ranges (print_settings, &range, 1);
    }
  gtk_print_settings_set_print_pages (print_settings, GTK_PRINT_PAGES_ALL);
  gtk_print_operation_set_print_settings (operation, print_settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);

  return operation;
}

/* A failed print is told once, whether the run or ::done learns of it. */
static void
show_print_error (GtkPrintOperation *operation,
                  GtkWindow         *parent,
                  const GError      *error)
{
  if (g_object_get_data (G_OBJECT (operation), "yusuan-error-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "yusuan-error-shown", GINT_TO_POINTER (TRUE));
  show_error (parent, _("Could Not Print"),
              error ? error->message : _("The printing system gave no reason."));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      if (settings != NULL)
        g_object_set_data_full (G_OBJECT (parent), SETTINGS_KEY,
                                gtk_print_settings_copy (settings), g_object_unref);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_print_error (operation, parent, error);
    }
}

/* Export */

typedef struct
{
  YusuanDocument     *document;  /* a copy, the worker's alone */
  YusuanCatalog      *catalog;
  YusuanDisplayUnit   unit;
  YusuanExportFormat  format;
  char               *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->document);
  g_clear_pointer (&data->catalog, yusuan_catalog_unref);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;
  gboolean ok;
  gint64 started = g_get_monotonic_time ();

  if (data->format == YUSUAN_EXPORT_PDF)
    {
      g_autoptr(YusuanReport) report = yusuan_report_new (data->document, data->catalog, data->unit);

      ok = yusuan_report_write_pdf (report, data->path, &error);
    }
  else
    {
      ok = yusuan_report_write_xlsx (data->document, data->catalog, data->unit, data->path, &error);
    }

  g_debug ("Exported %s in %.3f s", data->path,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Export with a file chooser */

typedef struct
{
  GtkWindow          *parent;
  AdwToastOverlay    *toasts;
  GSettings          *settings;
  YusuanDocument     *document;
  YusuanCatalog      *catalog;
  YusuanDisplayUnit   unit;
  YusuanExportFormat  format;
  GFile              *file;
  AdwToast           *progress;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->toasts);
  g_clear_object (&request->settings);
  g_clear_object (&request->document);
  g_clear_pointer (&request->catalog, yusuan_catalog_unref);
  g_clear_object (&request->file);
  g_clear_object (&request->progress);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static const char *
format_suffix (YusuanExportFormat format)
{
  return format == YUSUAN_EXPORT_PDF ? ".pdf" : ".xlsx";
}

static gboolean
window_is_shown (ExportRequest *request)
{
  return gtk_widget_get_visible (GTK_WIDGET (request->parent)) &&
         gtk_widget_get_root (GTK_WIDGET (request->toasts)) != NULL;
}

static void
add_toast (ExportRequest *request,
           AdwToast      *toast)
{
  if (window_is_shown (request))
    adw_toast_overlay_add_toast (request->toasts, toast);
  else
    g_object_unref (toast);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (request->file);
  g_autofree char *name = g_filename_display_name (basename);

  if (request->progress != NULL)
    adw_toast_dismiss (request->progress);

  if (!yusuan_print_export_finish (result, &error))
    {
      /* Translators: %s is the file's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      show_error (request->parent, heading, error->message);
      return;
    }

  {
    /* Translators: %s is the file's name */
    g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

    add_toast (request, adw_toast_new (text));
  }
  if (request->settings != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (request->file);
      g_autofree char *folder_path = folder ? g_file_get_path (folder) : NULL;

      if (folder_path != NULL)
        g_settings_set_string (request->settings, "recent-export-folder", folder_path);
    }
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autofree char *path = NULL;
  const char *suffix = format_suffix (request->format);

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (chosen == NULL)
    return;

  path = g_file_get_path (chosen);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (chosen);
      /* Translators: %s is the file's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      show_error (request->parent, heading, _("Only local files can be written."));
      return;
    }

  /* The file is what its name says, whatever was typed. */
  if (!g_str_has_suffix (path, suffix))
    {
      g_autofree char *with_suffix = g_strconcat (path, suffix, NULL);

      request->file = g_file_new_for_path (with_suffix);
    }
  else
    {
      request->file = g_steal_pointer (&chosen);
    }

  {
    g_autofree char *basename = g_file_get_basename (request->file);
    g_autofree char *name = g_filename_display_name (basename);
    /* Translators: %s is the file's name; shown while the report is written */
    g_autofree char *text = g_strdup_printf (_("Exporting “%s”…"), name);

    request->progress = adw_toast_new (text);
    adw_toast_set_timeout (request->progress, 0);
    add_toast (request, g_object_ref (request->progress));
  }

  {
    ExportRequest *pending = g_steal_pointer (&request);

    yusuan_print_export_async (pending->document, pending->catalog, pending->unit, pending->format,
                               pending->file, NULL, export_done_cb, pending);
    /* The worker has its copy: the document need not outlive the window. */
    g_clear_object (&pending->document);
  }
}

/* Public API */

GtkPrintOperation *
yusuan_print_operation_new (YusuanDocument    *document,
                            YusuanCatalog     *catalog,
                            YusuanDisplayUnit  unit,
                            guint              table)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table <= YUSUAN_N_TABLES, NULL);

  return operation_new (document, catalog, unit, table, NULL);
}

guint
yusuan_print_operation_get_n_pages (GtkPrintOperation *operation)
{
  YusuanReport *report;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), 0);

  report = operation_report (operation);
  g_return_val_if_fail (report != NULL, 0);

  return yusuan_report_get_n_pages (report);
}

void
yusuan_print_show_dialog (GtkWindow         *parent,
                          YusuanDocument    *document,
                          YusuanCatalog     *catalog,
                          YusuanDisplayUnit  unit,
                          guint              table)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (YUSUAN_IS_DOCUMENT (document));
  g_return_if_fail (table <= YUSUAN_N_TABLES);

  operation = operation_new (document, catalog, unit, table,
                             g_object_get_data (G_OBJECT (parent), SETTINGS_KEY));
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (operation, parent, error);
}

void
yusuan_print_export_async (YusuanDocument      *document,
                           YusuanCatalog       *catalog,
                           YusuanDisplayUnit    unit,
                           YusuanExportFormat   format,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  g_autofree char *path = NULL;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (document));
  g_return_if_fail (format == YUSUAN_EXPORT_PDF || format == YUSUAN_EXPORT_XLSX);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, yusuan_print_export_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO,
                               "%s", _("Only local files can be written."));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->document = yusuan_document_copy (document);
  data->catalog = catalog ? yusuan_catalog_ref (catalog) : NULL;
  data->unit = unit;
  data->format = format;
  data->path = g_steal_pointer (&path);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
yusuan_print_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == yusuan_print_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
yusuan_print_export_with_chooser (GtkWindow          *parent,
                                  AdwToastOverlay    *toasts,
                                  GSettings          *settings,
                                  YusuanDocument     *document,
                                  YusuanCatalog      *catalog,
                                  YusuanDisplayUnit   unit,
                                  YusuanExportFormat  format,
                                  const char         *suggested_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportRequest *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (YUSUAN_IS_DOCUMENT (document));
  g_return_if_fail (suggested_name != NULL);

  request = g_new0 (ExportRequest, 1);
  request->parent = g_object_ref (parent);
  request->toasts = g_object_ref (toasts);
  request->settings = settings ? g_object_ref (settings) : NULL;
  request->document = g_object_ref (document);
  request->catalog = catalog ? yusuan_catalog_ref (catalog) : NULL;
  request->unit = unit;
  request->format = format;

  name = g_strconcat (suggested_name, format_suffix (format), NULL);
  if (format == YUSUAN_EXPORT_PDF)
    {
      native = gtk_file_chooser_native_new (_("Export Report as PDF"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      gtk_file_filter_set_name (filter, _("PDF Documents (.pdf)"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      native = gtk_file_chooser_native_new (_("Export Report as Spreadsheet"), parent,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      gtk_file_filter_set_name (filter, _("Excel Workbooks (.xlsx)"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (settings != NULL)
    {
      g_autofree char *folder_path = g_settings_get_string (settings, "recent-export-folder");

      if (folder_path != NULL && *folder_path != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
        }
    }

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
