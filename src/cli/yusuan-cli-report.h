/* yusuan-cli-report.h - "yusuan-cli report": the published budget as PDF, XLSX or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Translatable usage and summary for the command table. */
#define YUSUAN_CLI_REPORT_PARAMETERS N_("DOC|XML -o FILE")
#define YUSUAN_CLI_REPORT_SUMMARY    N_("Write the published budget: PDF, XLSX workbook or CSV tables")

/* Runs the command; @argv[0] is "report".  Returns the exit status: 0 done,
 * 2 bad usage or a file that cannot be read or written. */
int yusuan_cli_report (int    argc,
                       char **argv);

G_END_DECLS
