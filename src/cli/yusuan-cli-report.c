/* yusuan-cli-report.c - "yusuan-cli report": the published budget as PDF, XLSX or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "yusuan-catalog.h"
#include "yusuan-cli.h"
#include "yusuan-cli-report.h"
#include "yusuan-report.h"
#include "yusuan-store.h"

typedef enum
{
  FORMAT_PDF,
  FORMAT_XLSX,
  FORMAT_CSV,
} Format;

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
  const char *command = "report";
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
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  YusuanDisplayUnit unit;
  Format format;
  gboolean ok;

  if (!yusuan_cli_parse_arguments (entries, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (output == NULL)
    return yusuan_cli_usage_error (command, _("No output given: add -o budget.pdf, -o budget.xlsx or -o FOLDER --format csv"));
  if (!yusuan_cli_parse_unit (unit_text, &unit))
    return yusuan_cli_usage_error (command, _("Unknown unit “%s”: use wan or yuan"), unit_text);
  if (!parse_format (format_text, output, &format))
    return yusuan_cli_usage_error (command, _("Unknown format “%s”: use pdf, xlsx or csv"), format_text);

  /* A report must never land on a document, least of all its own. */
  if (yusuan_cli_same_file (argv[1], output) || (format != FORMAT_CSV && yusuan_store_sniff (output)))
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is a Yusuan document: the report would overwrite it; "
                           "choose another file name"), name);

      yusuan_cli_print_error (command, message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  if (format != FORMAT_CSV && g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("“%s” is a folder: give a file name, or use --format csv"), name);

      yusuan_cli_print_error (command, message);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  document = yusuan_cli_load_document (argv[1], &error);
  if (document == NULL)
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
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
      yusuan_cli_print_file_error (command, output, error);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  return YUSUAN_CLI_EXIT_OK;
}
