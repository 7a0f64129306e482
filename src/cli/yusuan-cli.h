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
/* Writes @text to stdout as UTF-8 bytes, ending it with a newline. */
gboolean        yusuan_cli_write_stdout     (const char  *text,
                                             GError     **error);
gboolean        yusuan_cli_same_file        (const char *a,
                                             const char *b);
/* "wan" (or NULL) or "yuan". */
gboolean        yusuan_cli_parse_unit       (const char        *text,
                                             YusuanDisplayUnit *unit);

G_END_DECLS
