/* yusuan-cli-control.h - "yusuan-cli control": the finance bureau's control numbers (控制数) and the budget against them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Translatable usage and summary for the command table. */
#define YUSUAN_CLI_CONTROL_PARAMETERS N_("DOC.yusuan")
#define YUSUAN_CLI_CONTROL_SUMMARY    N_("Take the finance bureau’s control numbers (一下) and compare the budget with them")

/* Runs the command; @argv[0] is "control".  Returns the exit status: 0 the
 * budget is within its control numbers (or has none), 1 it is above one,
 * 2 bad usage or a file that cannot be read or written. */
int yusuan_cli_control (int    argc,
                        char **argv);

G_END_DECLS
