/* test-reports.c - the reports in the window: charts that follow edits, printing, export, findings' words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "yusuan-application.h"
#include "yusuan-charts-page.h"
#include "yusuan-core.h"
#include "yusuan-findings-page.h"
#include "yusuan-gui-test-util.h"
#include "yusuan-print.h"
#include "yusuan-report.h"
#include "yusuan-table-view.h"
#include "yusuan-test-util.h"
#include "yusuan-window.h"

/* Helpers */

/* What the widget shows now, as pixels. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b) ||
      height != cairo_image_surface_get_height (b))
    return FALSE;

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * height) == 0;
}

/* How many pixels differ from the first one (the background). */
static guint
n_drawn_pixels (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 background = *(const guint32 *) data;
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (*(const guint32 *) (data + y * stride + x * 4) != background)
        n++;

  return n;
}

static char *
run_command (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

/* The orientation of every page of a PDF: 'L' or 'P'. */
static char *
pdf_orientations (const char *path)
{
  g_autofree char *info = run_command ((const char *[]) { "pdfinfo", path, NULL });
  g_autofree char *last = NULL;
  g_autofree char *sizes = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  guint n = 0;

  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      n = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n, >, 0);

  last = g_strdup_printf ("%u", n);
  sizes = run_command ((const char *[]) { "pdfinfo", "-f", "1", "-l", last, path, NULL });
  g_strfreev (lines);
  lines = g_strsplit (sizes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double width, height;

      /* "Page    3 size: 841.89 x 595.276 pts (A4)" */
      if (!g_str_has_prefix (lines[i], "Page") || strstr (lines[i], " size: ") == NULL)
        continue;
      g_assert_cmpint (sscanf (strstr (lines[i], " size: "), " size: %lf x %lf", &width, &height), ==, 2);
      g_string_append_c (out, width > height ? 'L' : 'P');
    }
  g_assert_cmpuint (out->len, ==, n);

  return g_string_free (out, FALSE);
}

static char *
report_orientations (YusuanReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < yusuan_report_get_n_pages (report); i++)
    g_string_append_c (out, yusuan_report_page_is_landscape (report, i) ? 'L' : 'P');

  return g_string_free (out, FALSE);
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);

  return run_command ((const char *[]) { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8",
                                         path, "-", NULL });
}

/* Types @text into the cursor's cell as a user does, then Return. */
static void
type_into_cell (YusuanTableView *view,
                const char      *text)
{
  GtkEditable *editor;

  g_assert_true (yusuan_table_view_handle_key (view, gdk_unicode_to_keyval (g_utf8_get_char (text)), 0));
  g_assert_true (yusuan_table_view_is_editing (view));
  editor = yusuan_table_view_get_editor (view);
  gtk_editable_set_text (editor, text);
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Return, 0));
  g_assert_false (yusuan_table_view_is_editing (view));
}

/* Tests */

static void
test_charts_follow_edit (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanChartsPage *page;
  YusuanTableView *view;
  YusuanTable *table;
  GtkWidget *basic_project, *by_function;
  cairo_surface_t *before_basic, *before_function, *after_basic, *after_function, *undone;
  YusuanAmount amount = 0;
  guint row = 0, column = 0;
  gboolean found = FALSE;

  /* The charts page is in the sidebar, every chart on the document. */
  yusuan_window_show_page (window, "charts");
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "charts");
  page = YUSUAN_CHARTS_PAGE (yusuan_window_get_page_widget (window, "charts"));
  g_assert_true (YUSUAN_IS_CHARTS_PAGE (page));
  for (guint kind = 0; kind < YUSUAN_N_CHARTS; kind++)
    {
      YusuanChart *chart = yusuan_charts_page_get_chart (page, kind);

      g_assert_cmpint (yusuan_chart_get_kind (chart), ==, kind);
      g_assert_true (yusuan_chart_get_document (chart) == document);
    }

  basic_project = GTK_WIDGET (yusuan_charts_page_get_chart (page, YUSUAN_CHART_BASIC_PROJECT));
  by_function = GTK_WIDGET (yusuan_charts_page_get_chart (page, YUSUAN_CHART_FUNCTION));
  yusuan_test_draw (GTK_WIDGET (window));
  before_basic = render_widget (basic_project);
  before_function = render_widget (by_function);
  /* Something is drawn: bars, labels, figures. */
  g_assert_cmpuint (n_drawn_pixels (before_basic), >, 2000);
  g_assert_cmpuint (n_drawn_pixels (before_function), >, 2000);

  /* 500 万元 more on a basic line, typed in table 06. */
  view = yusuan_window_get_table_view (window, 6);
  yusuan_window_show_page (window, "table-6");
  yusuan_test_draw (GTK_WIDGET (window));
  table = yusuan_table_view_get_table (view);
  for (guint r = 0; r < yusuan_table_get_n_rows (table) && !found; r++)
    for (guint c = 0; c < yusuan_table_get_n_columns (table) && !found; c++)
      if (yusuan_table_is_editable (table, r, c) && yusuan_table_get_amount (table, r, c, &amount) && amount > 0)
        {
          row = r;
          column = c;
          found = TRUE;
        }
  g_assert_true (found);
  yusuan_table_view_set_cursor (view, row, column, FALSE);
  {
    g_autofree char *text = yusuan_amount_format (amount + 500 * YUSUAN_FEN_PER_WAN,
                                                  YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_PLAIN);

    type_into_cell (view, text);
  }

  /* Back on the charts, after the pause the charts take after an edit. */
  yusuan_window_show_page (window, "charts");
  yusuan_test_wait_ms (600);
  yusuan_test_draw (GTK_WIDGET (window));
  after_basic = render_widget (basic_project);
  after_function = render_widget (by_function);
  g_assert_false (same_pixels (before_basic, after_basic));
  g_assert_false (same_pixels (before_function, after_function));

  /* Undo: the charts show what they showed before, pixel for pixel. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  yusuan_test_wait_ms (600);
  yusuan_test_draw (GTK_WIDGET (window));
  undone = render_widget (basic_project);
  g_assert_true (same_pixels (before_basic, undone));

  cairo_surface_destroy (before_basic);
  cairo_surface_destroy (before_function);
  cairo_surface_destroy (after_basic);
  cairo_surface_destroy (after_function);
  cairo_surface_destroy (undone);

  yusuan_test_close_window (window);
}

static void
test_print_to_pdf (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  g_autoptr(YusuanCatalog) catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
  g_autofree char *dir = g_dir_make_tmp ("yusuan-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(YusuanReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *expected = NULL;
  GtkPrintOperationResult result;

  /* Printed through GtkPrintOperation's own PDF export, as the print
   * dialog's "Print to File" does. */
  operation = yusuan_print_operation_new (document, catalog, YUSUAN_DISPLAY_WAN, 0);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* As many pages as the report, each turned as the report lays it out. */
  report = yusuan_report_new (document, catalog, YUSUAN_DISPLAY_WAN);
  printed = pdf_orientations (path);
  expected = report_orientations (report);
  g_assert_cmpuint (strlen (printed), ==, yusuan_report_get_n_pages (report));
  g_assert_cmpuint (yusuan_print_operation_get_n_pages (operation), ==, yusuan_report_get_n_pages (report));
  g_assert_cmpstr (printed, ==, expected);
  g_assert_nonnull (strchr (printed, 'L'));
  g_assert_nonnull (strchr (printed, 'P'));

  /* Each table on its page, with its title and, for 01, the published total. */
  {
    g_autofree char *text01 = pdf_page_text (path, yusuan_report_get_table_page (report, 1));
    g_autofree char *text07 = pdf_page_text (path, yusuan_report_get_table_page (report, 7));

    g_assert_nonnull (strstr (text01, yusuan_table_name_for_number (1)));
    g_assert_nonnull (strstr (text01, "3,337.84"));
    g_assert_nonnull (strstr (text07, yusuan_table_name_for_number (7)));
  }

  /* From table 07's page, its pages fill the dialog's range; the whole
   * report stays selected. */
  {
    g_autoptr(GtkPrintOperation) from_table = yusuan_print_operation_new (document, catalog,
                                                                          YUSUAN_DISPLAY_WAN, 7);
    GtkPrintSettings *settings = gtk_print_operation_get_print_settings (from_table);
    g_autofree GtkPageRange *ranges = NULL;
    int n_ranges = 0;

    g_assert_nonnull (settings);
    g_assert_cmpint (gtk_print_settings_get_print_pages (settings), ==, GTK_PRINT_PAGES_ALL);
    ranges = gtk_print_settings_get_page_ranges (settings, &n_ranges);
    g_assert_cmpint (n_ranges, ==, 1);
    g_assert_cmpint (ranges[0].start, ==, (int) yusuan_report_get_table_page (report, 7));
    g_assert_cmpint (ranges[0].end, ==, (int) yusuan_report_get_table_page (report, 8) - 1);
  }

  g_clear_object (&report);
  g_clear_object (&operation);
  yusuan_test_close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *path;
} FileWait;

static gboolean
file_exists (gpointer data)
{
  return g_file_test (((FileWait *) data)->path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, data) != NULL;
}

/* Answers the file chooser that @action opened with @folder/@name. */
static void
choose_file (YusuanWindow *window,
             const char   *target,
             const char   *folder,
             const char   *name)
{
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", g_variant_new_string (target));
  yusuan_test_spin ();
  chooser = yusuan_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The name offered ends as the format does. */
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_str_has_suffix (offered, g_str_equal (target, "pdf") ? ".pdf" : ".xlsx"));
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  yusuan_test_spin ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  yusuan_test_spin ();
}

static void
test_export_actions (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  g_autoptr(YusuanCatalog) catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
  g_autofree char *dir = g_dir_make_tmp ("yusuan-export-XXXXXX", NULL);
  /* Typed without a suffix: the file gets the format's. */
  g_autofree char *pdf = g_build_filename (dir, "预算公开.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "预算公开.xlsx", NULL);
  g_autoptr(YusuanReport) report = yusuan_report_new (document, catalog, YUSUAN_DISPLAY_WAN);
  FileWait wait;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));

  choose_file (window, "pdf", dir, "预算公开");
  wait.path = pdf;
  g_assert_true (yusuan_test_wait_for (file_exists, &wait));
  {
    g_autofree char *orientations = pdf_orientations (pdf);

    g_assert_cmpuint (strlen (orientations), ==, yusuan_report_get_n_pages (report));
  }

  /* The workbook in 元 when the window shows 元: one sheet per table and
   * one of findings. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit", g_variant_new_string ("yuan"));
  choose_file (window, "xlsx", dir, "预算公开");
  wait.path = xlsx;
  g_assert_true (yusuan_test_wait_for (file_exists, &wait));
  {
    g_autofree char *listing = NULL;
    const char *script =
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "sheets = [n for n in z.namelist() if n.startswith('xl/worksheets/sheet')]\n"
      "strings = z.read('xl/sharedStrings.xml').decode('utf-8')\n"
      "print(len(sheets))\n"
      "print('33,378,372' in strings or '33378372' in ''.join(z.read(s).decode('utf-8') for s in sheets))\n";

    listing = run_command ((const char *[]) { "python3", "-c", script, xlsx, NULL });
    g_assert_cmpstr (listing, ==, "13\nTrue\n");
  }
  g_assert_null (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  /* A disk that is full (a link to /dev/full): an error dialog naming the
   * file, once the user has agreed to replace it. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autofree char *full = g_build_filename (dir, "full.pdf", NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      AdwMessageDialog *dialog;
      GtkWindow *chooser;
      GtkWindow *confirm;

      g_assert_cmpint (symlink ("/dev/full", full), ==, 0);
      g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", g_variant_new_string ("pdf"));
      yusuan_test_spin ();
      chooser = yusuan_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
      g_assert_nonnull (chooser);
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "full.pdf");
      yusuan_test_spin ();
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      yusuan_test_wait_ms (200);
      confirm = yusuan_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, chooser);
      if (confirm != NULL)
        gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);

      g_assert_true (yusuan_test_wait_for (message_dialog_shown, window));
      dialog = ADW_MESSAGE_DIALOG (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
      g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "full.pdf"));
      /* The link is still the link. */
      g_assert_true (g_file_test (full, G_FILE_TEST_IS_SYMLINK));
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_remove (full);
    }

  g_clear_object (&report);
  yusuan_test_close_window (window);
  g_remove (pdf);
  g_remove (xlsx);
  g_rmdir (dir);
}

static void
test_display_unit_bad_value (void)
{
  g_autoptr(YusuanApplication) application = yusuan_application_new ();
  g_autoptr(GError) error = NULL;
  GActionGroup *actions;
  YusuanWindow *window;
  GSettings *settings;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *stored = NULL;

  /* A registered application, so that the window keeps its settings. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  settings = yusuan_application_get_settings (application);
  g_assert_nonnull (settings);

  window = yusuan_window_new (application);
  actions = G_ACTION_GROUP (window);

  g_action_group_activate_action (actions, "display-unit", g_variant_new_string ("yuan"));
  g_assert_cmpint (yusuan_window_get_display_unit (window), ==, YUSUAN_DISPLAY_YUAN);
  stored = g_settings_get_string (settings, "display-unit");
  g_assert_cmpstr (stored, ==, "yuan");
  g_clear_pointer (&stored, g_free);

  /* Not a unit: nothing changes, nothing is stored (the settings would
   * refuse it with a critical, fatal here). */
  g_action_group_activate_action (actions, "display-unit", g_variant_new_string ("furlong"));
  g_action_group_activate_action (actions, "display-unit", g_variant_new_string (""));
  g_assert_cmpint (yusuan_window_get_display_unit (window), ==, YUSUAN_DISPLAY_YUAN);
  state = g_action_group_get_action_state (actions, "display-unit");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "yuan");
  g_clear_pointer (&state, g_variant_unref);
  stored = g_settings_get_string (settings, "display-unit");
  g_assert_cmpstr (stored, ==, "yuan");
  g_clear_pointer (&stored, g_free);

  /* A unit spelt loosely is the unit. */
  g_action_group_activate_action (actions, "display-unit", g_variant_new_string (" WAN "));
  g_assert_cmpint (yusuan_window_get_display_unit (window), ==, YUSUAN_DISPLAY_WAN);
  state = g_action_group_get_action_state (actions, "display-unit");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "wan");
  stored = g_settings_get_string (settings, "display-unit");
  g_assert_cmpstr (stored, ==, "wan");

  gtk_window_destroy (GTK_WINDOW (window));
  yusuan_test_spin ();
}

static void
collect_rows (GtkWidget  *widget,
              GPtrArray  *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
test_findings_in_words (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean project_seen = FALSE, vehicle_seen = FALSE;

  yusuan_window_show_page (window, "findings");
  yusuan_test_draw (GTK_WIDGET (window));
  collect_rows (GTK_WIDGET (yusuan_window_get_findings_page (window)), rows);
  g_assert_cmpuint (rows->len, ==, yusuan_checker_get_n_findings (checker));

  for (guint i = 0; i < rows->len; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);
      const char *tooltip = gtk_widget_get_tooltip_text (rows->pdata[i]);

      g_test_message ("%s: %s", finding->rule, subtitle);
      /* The user's words in the row; the rule's id only in the tooltip. */
      g_assert_nonnull (subtitle);
      g_assert_null (strstr (subtitle, finding->rule));
      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, finding->rule));

      if (g_str_equal (finding->rule, "project-no-targets"))
        {
          g_assert_nonnull (strstr (subtitle, "预算12表"));
          g_assert_nonnull (strstr (subtitle, "2023公车运行费用"));
          g_assert_null (strstr (subtitle, "411200230000000025604"));
          project_seen = TRUE;
        }
      if (g_str_equal (finding->rule, "three-public-lines"))
        {
          g_assert_nonnull (strstr (subtitle, "预算08表"));
          g_assert_nonnull (strstr (subtitle, yusuan_three_public_label (YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION)));
          g_assert_null (strstr (subtitle, "vehicle-operation"));
          vehicle_seen = TRUE;
        }
    }
  g_assert_true (project_seen);
  g_assert_true (vehicle_seen);

  /* A basic line whose economic codes do not correspond: the row names
   * the line by its codes and their names, not by its internal key. */
  {
    YusuanLine line = yusuan_test_line (0, "103001", "2010301", "30101", "50201", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                                        YUSUAN_CATEGORY_PERSONNEL, YUSUAN_FEN_PER_WAN);
    g_autoptr(GPtrArray) after = g_ptr_array_new ();
    gboolean line_seen = FALSE;

    g_assert_nonnull (yusuan_document_add_line (yusuan_window_get_document (window), &line));
    yusuan_test_draw (GTK_WIDGET (window));
    yusuan_test_wait_ms (100);

    collect_rows (GTK_WIDGET (yusuan_window_get_findings_page (window)), after);
    g_assert_cmpuint (after->len, ==, yusuan_checker_get_n_findings (checker));
    for (guint i = 0; i < after->len; i++)
      {
        const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);
        const char *subtitle = adw_action_row_get_subtitle (after->pdata[i]);

        if (finding->target_kind != YUSUAN_TARGET_LINE)
          continue;
        g_test_message ("%s: %s", finding->rule, subtitle);
        g_assert_nonnull (strstr (subtitle, "2010301 行政运行"));
        g_assert_nonnull (strstr (subtitle, "30101 "));
        g_assert_null (strstr (subtitle, finding->subject));
        line_seen = TRUE;
      }
    g_assert_true (line_seen);
  }

  yusuan_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  yusuan_test_init_gui (&argc, &argv);

  g_test_add_func ("/gui/reports/charts-follow-edit", test_charts_follow_edit);
  g_test_add_func ("/gui/reports/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/gui/reports/export-actions", test_export_actions);
  g_test_add_func ("/gui/reports/display-unit-bad-value", test_display_unit_bad_value);
  g_test_add_func ("/gui/reports/findings-in-words", test_findings_in_words);

  return g_test_run ();
}
