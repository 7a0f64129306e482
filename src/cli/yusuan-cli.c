/* yusuan-cli.c - the scriptable face of the core: import, export, tables and checks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "yusuan-catalog.h"
#include "yusuan-cli.h"
#include "yusuan-cli-control.h"
#include "yusuan-cli-report.h"
#include "yusuan-cli-workflow.h"
#include "yusuan-core.h"
#include "yusuan-document.h"
#include "yusuan-rules.h"
#include "yusuan-store.h"
#include "yusuan-table.h"
#include "yusuan-xml.h"

typedef struct
{
  const char *name;
  const char *parameters;  /* translatable */
  const char *summary;     /* translatable */
  int       (*run) (int argc, char **argv);
} Command;

static int run_import (int argc, char **argv);
static int run_export (int argc, char **argv);
static int run_table (int argc, char **argv);
static int run_check (int argc, char **argv);
static int run_validate (int argc, char **argv);
static int run_help (int argc, char **argv);

static const Command commands[] = {
  /* Translators: the arguments in a usage line; “-o” is an option and stays as is */
  { "import", N_("SUBMISSION.xml -o DOC.yusuan"),
    N_("Import a submission into a new Yusuan document"), run_import },
  { "export", N_("DOC.yusuan -o SUBMISSION.xml"),
    N_("Export a document as a submission for the finance bureau"), run_export },
  { "table", N_("DOC|XML NN"),
    N_("Print one of the twelve tables (01 … 12)"), run_table },
  { "check", N_("DOC|XML"),
    N_("Run the checks and list what they find"), run_check },
  { "validate", N_("SUBMISSION.xml"),
    N_("Check a submission against the schema only"), run_validate },
  { "control", YUSUAN_CLI_CONTROL_PARAMETERS,
    YUSUAN_CLI_CONTROL_SUMMARY, yusuan_cli_control },
  { "next-year", YUSUAN_CLI_NEXT_YEAR_PARAMETERS,
    YUSUAN_CLI_NEXT_YEAR_SUMMARY, yusuan_cli_next_year },
  { "consolidate", YUSUAN_CLI_CONSOLIDATE_PARAMETERS,
    YUSUAN_CLI_CONSOLIDATE_SUMMARY, yusuan_cli_consolidate },
  { "report", YUSUAN_CLI_REPORT_PARAMETERS,
    YUSUAN_CLI_REPORT_SUMMARY, yusuan_cli_report },
  { "help", N_("[COMMAND]"),
    N_("Show help for a command"), run_help },
};

static const char *
command_label (const char *name)
{
  static char label[64];

  g_snprintf (label, sizeof label, "yusuan-cli %s", name);
  return label;
}

void
yusuan_cli_print_error (const char *command,
                        const char *message)
{
  g_printerr ("%s: %s\n", command != NULL ? command_label (command) : "yusuan-cli", message);
}

void
yusuan_cli_print_file_error (const char   *command,
                             const char   *path,
                             const GError *error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *base = g_filename_display_basename (path);
  g_autofree char *message = NULL;

  if (strstr (error->message, name) != NULL || strstr (error->message, base) != NULL)
    message = g_strdup (error->message);
  else
    message = g_strdup_printf ("%s: %s", name, error->message);
  yusuan_cli_print_error (command, message);
}

int
yusuan_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  yusuan_cli_print_error (command, message);
  g_printerr (_("Try “yusuan-cli %s --help” for more information."), command);
  g_printerr ("\n");
  return YUSUAN_CLI_EXIT_USAGE;
}

static const Command *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static GOptionContext *
command_context (const Command      *command,
                 const GOptionEntry *entries)
{
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, _(command->parameters));
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static gboolean
parse_arguments (const GOptionEntry  *entries,
                 int                  min_positional,
                 int                  max_positional,
                 int                 *argc,
                 char              ***argv)
{
  const Command *command = find_command ((*argv)[0]);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (command != NULL);
  context = command_context (command, entries);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      yusuan_cli_usage_error (command->name, "%s", error->message);
      return FALSE;
    }
  if (*argc - 1 < min_positional)
    {
      yusuan_cli_usage_error (command->name, _("Missing argument: expected %s"), _(command->parameters));
      return FALSE;
    }
  if (max_positional >= 0 && *argc - 1 > max_positional)
    {
      yusuan_cli_usage_error (command->name, _("Too many arguments: expected %s"), _(command->parameters));
      return FALSE;
    }
  return TRUE;
}

gboolean
yusuan_cli_parse_arguments (const GOptionEntry  *entries,
                            int                  n_positional,
                            int                 *argc,
                            char              ***argv)
{
  return parse_arguments (entries, n_positional, n_positional, argc, argv);
}

gboolean
yusuan_cli_parse_arguments_at_least (const GOptionEntry  *entries,
                                     int                  n_positional,
                                     int                 *argc,
                                     char              ***argv)
{
  return parse_arguments (entries, n_positional, -1, argc, argv);
}

/* Refuses what is plainly not a file to read, with a message that says so. */
static gboolean
check_input_file (const char  *path,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                     _("“%s” does not exist"), name);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Cannot read “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder, not a file"), name);
      return FALSE;
    }
  return TRUE;
}

/* An SQLite file goes to the store even when it is not ours, so that the
 * user hears “not a Yusuan document” rather than an XML syntax error. */
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

/* A .yusuan document or a submission XML, told apart by content. */
YusuanDocument *
yusuan_cli_load_document (const char  *path,
               GError     **error)
{
  if (!check_input_file (path, error))
    return NULL;
  if (yusuan_store_sniff (path) || looks_like_sqlite (path))
    return yusuan_store_load (path, error);
  return yusuan_xml_import_file (path, error);
}

/* Writes @text to stdout as UTF-8 bytes (no conversion to the locale: CSV and
 * JSON are UTF-8 whatever the terminal). */
gboolean
yusuan_cli_write_stdout (const char  *text,
                         GError     **error)
{
  gsize length = strlen (text);

  if ((length > 0 && fwrite (text, 1, length, stdout) != length)
      || (length > 0 && text[length - 1] != '\n' && fputc ('\n', stdout) == EOF)
      || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write to the standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *entry;

  if (entries != NULL)
    while ((entry = g_dir_read_name (entries)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);
        g_unlink (path);
      }
  g_rmdir (dir);
}

/* Moves @from to @to; without @replace an existing @to is never touched,
 * even one that appeared since we last looked. */
static gboolean
move_into_place (const char  *from,
                 const char  *to,
                 gboolean     replace,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (to);
  int saved_errno;

  if (!replace)
    {
      if (link (from, to) == 0)
        {
          g_unlink (from);
          return TRUE;
        }
      saved_errno = errno;
      if (saved_errno == EEXIST)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” already exists: use --force to replace it"), name);
          return FALSE;
        }
      /* A file system without hard links: check, then rename. */
      if (g_file_test (to, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” already exists: use --force to replace it"), name);
          return FALSE;
        }
    }

  if (g_rename (from, to) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

void
yusuan_cli_staged_clear (YusuanCliStaged *staged)
{
  if (staged->work_dir != NULL)
    remove_tree (staged->work_dir);
  g_clear_pointer (&staged->work_dir, g_free);
  g_clear_pointer (&staged->work_file, g_free);
}

gboolean
yusuan_cli_stage (YusuanDocument  *document,
                  gpointer         user_data,
                  GError         **error)
{
  YusuanCliStaged *staged = user_data;
  g_autofree char *dir = g_path_get_dirname (staged->path);
  g_autofree char *base = g_path_get_basename (staged->path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);

  staged->work_dir = g_build_filename (dir, template, NULL);
  if (g_mkdtemp (staged->work_dir) == NULL)
    {
      int saved_errno = errno;
      g_autofree char *dir_name = g_filename_display_name (dir);

      g_clear_pointer (&staged->work_dir, g_free);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot write into the folder “%s”: %s"), dir_name, g_strerror (saved_errno));
      staged->failed = TRUE;
      return FALSE;
    }

  staged->work_file = g_build_filename (staged->work_dir, base, NULL);
  staged->failed = !yusuan_store_save (document, staged->work_file, error);
  return !staged->failed;
}

gboolean
yusuan_cli_place (YusuanCliStaged  *staged,
                  gboolean          replace,
                  GError          **error)
{
  g_autoptr(YusuanLock) lock = NULL;

  /* Replacing a document someone has open in Yusuan would pull it from under them. */
  if (replace && g_file_test (staged->path, G_FILE_TEST_EXISTS)
      && (lock = yusuan_lock_acquire (staged->path, error)) == NULL)
    return FALSE;

  return move_into_place (staged->work_file, staged->path, replace, error);
}

gboolean
yusuan_cli_check_new_output (const char *command,
                             const char *output,
                             gboolean    force)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Say so before the work, not after it. */
  if (force || !g_file_test (output, G_FILE_TEST_EXISTS))
    return TRUE;

  name = g_filename_display_name (output);
  message = g_strdup_printf (_("“%s” already exists: use --force to replace it"), name);
  yusuan_cli_print_error (command, message);
  return FALSE;
}

static int
run_import (int    argc,
            char **argv)
{
  const char *command = "import";
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE (required)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { NULL }
  };
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  YusuanCliStaged staged = { NULL, NULL, NULL, FALSE };
  int status = YUSUAN_CLI_EXIT_USAGE;

  if (!yusuan_cli_parse_arguments (entries, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (output == NULL)
    return yusuan_cli_usage_error (command, _("No output given: add -o DOC.yusuan"));

  if (!yusuan_cli_check_new_output (command, output, force))
    return YUSUAN_CLI_EXIT_USAGE;

  staged.path = output;
  if (!check_input_file (argv[1], &error)
      || (document = yusuan_xml_import_file_full (argv[1], yusuan_cli_stage, &staged, &error)) == NULL)
    {
      /* A failed save names the document, anything else the submission. */
      yusuan_cli_print_file_error (command, staged.failed ? output : argv[1], error);
      goto out;
    }

  if (!yusuan_cli_place (&staged, force, &error))
    {
      yusuan_cli_print_file_error (command, output, error);
      goto out;
    }
  status = YUSUAN_CLI_EXIT_OK;

out:
  yusuan_cli_staged_clear (&staged);
  return status;
}

gboolean
yusuan_cli_same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
run_export (int    argc,
            char **argv)
{
  const char *command = "export";
  g_autofree char *output = NULL;
  gboolean allow_errors = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the submission to FILE (required)"), N_("FILE") },
    { "allow-errors", 0, 0, G_OPTION_ARG_NONE, &allow_errors,
      N_("Export even when the checks find errors"), NULL },
    { NULL }
  };
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autoptr(YusuanChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors;

  if (!yusuan_cli_parse_arguments (entries, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (output == NULL)
    return yusuan_cli_usage_error (command, _("No output given: add -o SUBMISSION.xml"));

  /* The submission must never land on a document, least of all its own. */
  if (yusuan_cli_same_file (argv[1], output) || yusuan_store_sniff (output))
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is a Yusuan document: the submission would overwrite it; "
                           "choose another file name"), name);

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
  checker = yusuan_checker_new (document, catalog);
  n_errors = yusuan_checker_get_n_errors (checker);

  if (yusuan_checker_get_n_findings (checker) > 0)
    {
      g_autofree char *findings = yusuan_checker_to_text (checker);

      fputs (findings, stderr);
      if (findings[0] != '\0' && findings[strlen (findings) - 1] != '\n')
        fputc ('\n', stderr);
    }

  if (n_errors > 0 && !allow_errors)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u error blocks the export: correct it, or use "
                                      "--allow-errors to export anyway",
                                      "%u errors block the export: correct them, or use "
                                      "--allow-errors to export anyway",
                                      n_errors),
                         n_errors);

      yusuan_cli_print_error (command, message);
      return YUSUAN_CLI_EXIT_FINDINGS;
    }

  if (!yusuan_xml_export_file (document, output, &error))
    {
      yusuan_cli_print_file_error (command, output, error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  return YUSUAN_CLI_EXIT_OK;
}

gboolean
yusuan_cli_parse_unit (const char        *text,
            YusuanDisplayUnit *unit)
{
  if (text == NULL || g_str_equal (text, "wan"))
    *unit = YUSUAN_DISPLAY_WAN;
  else if (g_str_equal (text, "yuan"))
    *unit = YUSUAN_DISPLAY_YUAN;
  else
    return FALSE;
  return TRUE;
}

/* "03", "3", "12": 1 … YUSUAN_N_TABLES, or 0. */
static guint
parse_table_number (const char *text)
{
  guint64 number = 0;

  if (strlen (text) == 0 || strlen (text) > 2
      || !g_ascii_string_to_unsigned (text, 10, 1, YUSUAN_N_TABLES, &number, NULL))
    return 0;
  return (guint) number;
}

static int
run_table (int    argc,
           char **argv)
{
  const char *command = "table";
  g_autofree char *unit_text = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_text,
      N_("Amounts in 10,000 yuan (wan, the default) or in yuan (yuan)"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("wan|yuan") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("CSV (csv, the default) or laid out for a terminal (text)"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("csv|text") },
    { NULL }
  };
  YusuanDisplayUnit unit;
  guint number;
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autoptr(YusuanTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!yusuan_cli_parse_arguments (entries, 2, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (!yusuan_cli_parse_unit (unit_text, &unit))
    return yusuan_cli_usage_error (command, _("Unknown unit “%s”: use wan or yuan"), unit_text);
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "text"))
    return yusuan_cli_usage_error (command, _("Unknown format “%s”: use csv or text"), format);
  number = parse_table_number (argv[2]);
  if (number == 0)
    return yusuan_cli_usage_error (command, _("There is no table “%s”: the tables are 01 to 12"), argv[2]);

  document = yusuan_cli_load_document (argv[1], &error);
  if (document == NULL)
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
  table = yusuan_table_new (document, catalog, number);
  if (format != NULL && g_str_equal (format, "text"))
    text = yusuan_table_to_text (table, unit);
  else
    text = yusuan_table_to_csv (table, unit);

  if (!yusuan_cli_write_stdout (text, &error))
    {
      yusuan_cli_print_error (command, error->message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  return YUSUAN_CLI_EXIT_OK;
}

static int
run_check (int    argc,
           char **argv)
{
  const char *command = "check";
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("One finding a line (text, the default) or JSON (json)"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("text|json") },
    { NULL }
  };
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autoptr(YusuanChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!yusuan_cli_parse_arguments (entries, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return yusuan_cli_usage_error (command, _("Unknown format “%s”: use text or json"), format);

  document = yusuan_cli_load_document (argv[1], &error);
  if (document == NULL)
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
  checker = yusuan_checker_new (document, catalog);
  if (format != NULL && g_str_equal (format, "json"))
    text = yusuan_checker_to_json (checker);
  else
    text = yusuan_checker_to_text (checker);

  if (!yusuan_cli_write_stdout (text, &error))
    {
      yusuan_cli_print_error (command, error->message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  return yusuan_checker_get_n_errors (checker) > 0 ? YUSUAN_CLI_EXIT_FINDINGS : YUSUAN_CLI_EXIT_OK;
}

static int
run_validate (int    argc,
              char **argv)
{
  const char *command = "validate";
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (!yusuan_cli_parse_arguments (NULL, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;

  name = g_filename_display_name (argv[1]);
  if (!check_input_file (argv[1], &error) || !g_file_get_contents (argv[1], &data, &length, &error))
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  if (!yusuan_xml_validate (data, length, name, &error))
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      /* A file the schema refuses is a finding; one that is not XML cannot be read. */
      return g_error_matches (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID)
             ? YUSUAN_CLI_EXIT_FINDINGS : YUSUAN_CLI_EXIT_USAGE;
    }

  return YUSUAN_CLI_EXIT_OK;
}

static void
print_overview (FILE *stream)
{
  fprintf (stream, "%s\n  yusuan-cli %s\n\n", _("Usage:"), _("COMMAND [OPTION…] ARGUMENT…"));
  fprintf (stream, "%s\n", _("Compile, check and exchange department budgets (部门预算)."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-18s %s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-18s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Run “yusuan-cli COMMAND --help” for a command’s options."));
  fprintf (stream, "\n%s\n", _("Exit status: 0 done; 1 the checks found errors; 2 bad usage or an "
                               "input that cannot be read."));
}

static int
run_help (int    argc,
          char **argv)
{
  const Command *command;

  if (argc < 2)
    {
      print_overview (stdout);
      return YUSUAN_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return yusuan_cli_usage_error ("help", _("Unknown command “%s”"), argv[1]);

  /* Each command prints its own options. */
  {
    char *help_argv[] = { (char *) command->name, (char *) "--help", NULL };

    return command->run (2, help_argv);
  }
}

int
main (int    argc,
      char **argv)
{
  const Command *command;

  setlocale (LC_ALL, "");
  yusuan_core_init ();
  g_set_prgname ("yusuan-cli");

  if (argc < 2)
    {
      print_overview (stderr);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_overview (stdout);
      return YUSUAN_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("yusuan-cli %s\n", PACKAGE_VERSION);
      return YUSUAN_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

      yusuan_cli_print_error (NULL, message);
      g_printerr ("%s\n", _("Try “yusuan-cli --help” for the list of commands."));
      return YUSUAN_CLI_EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
