/* yusuan-cli-workflow.c - "yusuan-cli next-year" and "yusuan-cli consolidate": the budget's yearly round
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "yusuan-cli.h"
#include "yusuan-cli-workflow.h"
#include "yusuan-store.h"
#include "yusuan-workflow.h"

int
yusuan_cli_next_year (int    argc,
                      char **argv)
{
  const char *command = "next-year";
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write next year’s document to FILE (required)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { NULL }
  };
  g_autoptr(YusuanDocument) last = NULL;
  g_autoptr(YusuanDocument) next = NULL;
  g_autoptr(GError) error = NULL;
  YusuanCliStaged staged = { NULL, NULL, NULL, FALSE };
  int status = YUSUAN_CLI_EXIT_USAGE;

  if (!yusuan_cli_parse_arguments (entries, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (output == NULL)
    return yusuan_cli_usage_error (command, _("No output given: add -o NEXT.yusuan"));
  if (yusuan_cli_same_file (argv[1], output))
    return yusuan_cli_usage_error (command, _("Next year’s budget cannot replace this year’s: give another file"));
  if (!yusuan_cli_check_new_output (command, output, force))
    return YUSUAN_CLI_EXIT_USAGE;

  last = yusuan_cli_load_document (argv[1], &error);
  if (last == NULL || (next = yusuan_workflow_next_year (last, &error)) == NULL)
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  staged.path = output;
  if (!yusuan_cli_stage (next, &staged, &error) || !yusuan_cli_place (&staged, force, &error))
    yusuan_cli_print_file_error (command, output, error);
  else
    status = YUSUAN_CLI_EXIT_OK;
  yusuan_cli_staged_clear (&staged);
  return status;
}

int
yusuan_cli_consolidate (int    argc,
                        char **argv)
{
  const char *command = "consolidate";
  g_autoptr(YusuanLock) lock = NULL;
  g_autoptr(YusuanDocument) department = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint n_units = 0;

  /* One document and at least one submission. */
  if (!yusuan_cli_parse_arguments_at_least (NULL, 2, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;

  if (!yusuan_store_sniff (argv[1]))
    {
      g_autofree char *name = g_filename_display_name (argv[1]);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a Yusuan document: the department’s budget is "
                                                    "gathered in one (make it with “yusuan-cli import”)"), name);

      yusuan_cli_print_error (command, message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  if ((lock = yusuan_lock_acquire (argv[1], &error)) == NULL
      || (department = yusuan_store_load (argv[1], &error)) == NULL)
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  /* All or nothing: the document is saved only if every submission is gathered. */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(YusuanDocument) submission = NULL;
      guint n = 0;

      if (yusuan_cli_same_file (argv[1], argv[i]))
        return yusuan_cli_usage_error (command, _("The department’s budget cannot be gathered into itself"));
      submission = yusuan_cli_load_document (argv[i], &error);
      if (submission == NULL || !yusuan_workflow_consolidate (department, submission, &n, &error))
        {
          yusuan_cli_print_file_error (command, argv[i], error);
          yusuan_cli_print_error (command, _("Nothing was changed."));
          return YUSUAN_CLI_EXIT_USAGE;
        }
      n_units += n;
    }

  if (!yusuan_store_save (department, argv[1], &error))
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Gathered %u unit; the department’s budget now has %u units.",
                                       "Gathered %u units; the department’s budget now has %u units.", n_units),
                          n_units, yusuan_document_get_n_units (department));
  if (!yusuan_cli_write_stdout (done, &error))
    {
      yusuan_cli_print_error (command, error->message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  return YUSUAN_CLI_EXIT_OK;
}
