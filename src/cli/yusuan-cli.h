/* yusuan-cli.h - what the commands of yusuan-cli share: exit codes, options, messages, loading a document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "yusuan-amount.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

/* Exit codes, as scripts rely on them. */
enum
{
  YUSUAN_CLI_EXIT_OK = 0,       /* done */
  YUSUAN_CLI_EXIT_FINDINGS = 1, /* the rules (or the schema) found errors */
  YUSUAN_CLI_EXIT_USAGE = 2,    /* bad usage, or an input that cannot be read or written */
};

/* Parses the options of the command @argv[0] and checks that @n_positional
 * arguments are left in @argv[1 …].  Returns FALSE after reporting bad usage. */
gboolean        yusuan_cli_parse_arguments (const GOptionEntry  *entries,
                                            int                  n_positional,
                                            int                 *argc,
                                            char              ***argv);

/* The same, for a command that takes @n_positional arguments or more. */
gboolean        yusuan_cli_parse_arguments_at_least (const GOptionEntry  *entries,
                                                     int                  n_positional,
                                                     int                 *argc,
                                                     char              ***argv);

/* "yusuan-cli COMMAND: MESSAGE" on stderr. */
void            yusuan_cli_print_error      (const char *command,
                                             const char *message);
/* The message, then where to find help; returns YUSUAN_CLI_EXIT_USAGE. */
int             yusuan_cli_usage_error      (const char *command,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* A failure to read or write @path, naming the file unless the message does. */
void            yusuan_cli_print_file_error (const char   *command,
                                             const char   *path,
                                             const GError *error);

/* A .yusuan document or a submission XML, told apart by content. */
YusuanDocument *yusuan_cli_load_document    (const char  *path,
                                             GError     **error);
/* A new document is saved into a private folder beside its destination @path
 * and moved into place only once everything has succeeded: a failure at any
 * point leaves nothing behind and @path as it was. */
typedef struct
{
  const char *path;       /* the destination */
  char       *work_dir;
  char       *work_file;
  gboolean    failed;     /* the save failed (not what came before it) */
} YusuanCliStaged;

/* Saves @document into the private folder; a YusuanXmlReadyFunc, @user_data
 * the YusuanCliStaged, so that an import saves while the schema is checked. */
gboolean        yusuan_cli_stage            (YusuanDocument   *document,
                                             gpointer          user_data,
                                             GError          **error);
/* Moves the saved document to its destination: without @replace an existing
 * file is never touched; with it, not while Yusuan has the file open. */
gboolean        yusuan_cli_place            (YusuanCliStaged  *staged,
                                             gboolean          replace,
                                             GError          **error);
/* FALSE, having said why, when @output exists and --force was not given. */
gboolean        yusuan_cli_check_new_output (const char       *command,
                                             const char       *output,
                                             gboolean          force);
/* Removes what is left of the private folder. */
void            yusuan_cli_staged_clear     (YusuanCliStaged  *staged);

/* Writes @text to stdout as UTF-8 bytes, ending it with a newline. */
gboolean        yusuan_cli_write_stdout     (const char  *text,
                                             GError     **error);
gboolean        yusuan_cli_same_file        (const char *a,
                                             const char *b);
/* "wan" (or NULL) or "yuan". */
gboolean        yusuan_cli_parse_unit       (const char        *text,
                                             YusuanDisplayUnit *unit);

G_END_DECLS
