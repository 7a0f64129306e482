/* yusuan-cli-report.c - "yusuan-cli report": the published budget as PDF, XLSX or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "yusuan-catalog.h"
#include "yusuan-cli-report.h"
#include "yusuan-report.h"
#include "yusuan-store.h"
#include "yusuan-xml.h"

#define EXIT_OK    0
#define EXIT_USAGE 2

typedef enum
{
  FORMAT_PDF,
  FORMAT_XLSX,
  FORMAT_CSV,
} Format;

static void
print_error (const char *message)
{
  g_printerr ("yusuan-cli report: %s\n", message);
}

G_GNUC_PRINTF (1, 2)
static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error (message);
  g_printerr ("%s\n", _("Try “yusuan-cli report --help” for more information."));
  return EXIT_USAGE;
}

/* The message names the file unless it already does. */
static void
print_file_error (const char   *path,
                  const GError *error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *base = g_filename_display_basename (path);

  if (strstr (error->message, name) != NULL || strstr (error->message, base) != NULL)
    print_error (error->message);
  else
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", name, error->message);

      print_error (message);
    }
}

static gboolean
looks_like_sqlite (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file = g_fopen (path, "rb");
  gboolean sqlite;

  if (file == NULL)
    return FALSE;
  sqlite = fread (header, 1, sizeof header, file) == sizeof header
           && memcmp (header, magic, sizeof header) == 0;
  fclose (file);
  return sqlite;
}

/* A .yusuan document or a submission, told apart by content. */
static YusuanDocument *
load_document (const char  *path,
               GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("“%s” does not exist"), name);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("“%s” is a folder, not a file"), name);
      return NULL;
    }
  if (yusuan_store_sniff (path) || looks_like_sqlite (path))
    return yusuan_store_load (path, error);
  return yusuan_xml_import_file (path, error);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
parse_format (const char *text,
              const char *output,
              Format     *format)
{
  if (text == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      /* From the output's name: a folder or .csv gets CSV, .xlsx a workbook,
       * anything else the PDF. */
      if (g_str_has_suffix (lower, ".xlsx"))
        *format = FORMAT_XLSX;
      else if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, G_DIR_SEPARATOR_S)
               || g_file_test (output, G_FILE_TEST_IS_DIR))
        *format = FORMAT_CSV;
      else
        *format = FORMAT_PDF;
      return TRUE;
    }
  if (g_str_equal (text, "pdf"))
    *format = FORMAT_PDF;
  else if (g_str_equal (text, "xlsx"))
    *format = FORMAT_XLSX;
  else if (g_str_equal (text, "csv"))
    *format = FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

int
yusuan_cli_report (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *unit_text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (a folder for CSV; required)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("PDF (pdf), an XLSX workbook (xlsx) or one CSV file per table (csv); "
         "by default from the output’s name, else PDF"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("pdf|xlsx|csv") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_text,
      N_("Amounts in 10,000 yuan (wan, the default) or in yuan (yuan)"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("wan|yuan") },
    { NULL }
  };
  g_autofree char *parameters = g_strdup_printf ("report %s", _(YUSUAN_CLI_REPORT_PARAMETERS));
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  YusuanDisplayUnit unit;
  Format format;
  gboolean ok;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(YUSUAN_CLI_REPORT_SUMMARY));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (argc < 2)
    return usage_error (_("Missing argument: expected %s"), _(YUSUAN_CLI_REPORT_PARAMETERS));
  if (argc > 2)
    return usage_error (_("Too many arguments: expected %s"), _(YUSUAN_CLI_REPORT_PARAMETERS));
  if (output == NULL)
    return usage_error (_("No output given: add -o budget.pdf, -o budget.xlsx or -o FOLDER --format csv"));

  if (unit_text == NULL || g_str_equal (unit_text, "wan"))
    unit = YUSUAN_DISPLAY_WAN;
  else if (g_str_equal (unit_text, "yuan"))
    unit = YUSUAN_DISPLAY_YUAN;
  else
    return usage_error (_("Unknown unit “%s”: use wan or yuan"), unit_text);
  if (!parse_format (format_text, output, &format))
    return usage_error (_("Unknown format “%s”: use pdf, xlsx or csv"), format_text);

  /* A report must never land on a document, least of all its own. */
  if (same_file (argv[1], output) || (format != FORMAT_CSV && yusuan_store_sniff (output)))
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is a Yusuan document: the report would overwrite it; "
                           "choose another file name"), name);

      print_error (message);
      return EXIT_USAGE;
    }
  if (format != FORMAT_CSV && g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("“%s” is a folder: give a file name, or use --format csv"), name);

      print_error (message);
      return EXIT_USAGE;
    }

  document = load_document (argv[1], &error);
  if (document == NULL)
    {
      print_file_error (argv[1], error);
      return EXIT_USAGE;
    }
  catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));

  switch (format)
    {
    case FORMAT_PDF:
      {
        g_autoptr(YusuanReport) report = yusuan_report_new (document, catalog, unit);

        ok = yusuan_report_write_pdf (report, output, &error);
      }
      break;
    case FORMAT_XLSX:
      ok = yusuan_report_write_xlsx (document, catalog, unit, output, &error);
      break;
    case FORMAT_CSV:
    default:
      ok = yusuan_report_write_csv (document, catalog, unit, output, &error);
      break;
    }

  if (!ok)
    {
      print_file_error (output, error);
      return EXIT_USAGE;
    }
  return EXIT_OK;
}
