/* yusuan-cli-workflow.h - "yusuan-cli next-year" and "yusuan-cli consolidate": the budget's yearly round
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Translatable usage and summary for the command table. */
#define YUSUAN_CLI_NEXT_YEAR_PARAMETERS   N_("DOC|XML -o NEXT.yusuan")
#define YUSUAN_CLI_NEXT_YEAR_SUMMARY      N_("Start next year’s budget from this one, with this year’s totals as its prior-year figures")
#define YUSUAN_CLI_CONSOLIDATE_PARAMETERS N_("DOC.yusuan UNIT.xml…")
#define YUSUAN_CLI_CONSOLIDATE_SUMMARY    N_("Gather subordinate units’ submissions into the department’s budget (汇总)")

/* Each runs its command; @argv[0] is its name.  Exit status: 0 done, 2 bad
 * usage, a refusal, or a file that cannot be read or written. */
int yusuan_cli_next_year   (int    argc,
                            char **argv);
int yusuan_cli_consolidate (int    argc,
                            char **argv);

G_END_DECLS
