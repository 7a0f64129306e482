/* yusuan-rules-private.h - findings and the per-line, per-project and per-indicator rules shared by the checker
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "yusuan-rules.h"

G_BEGIN_DECLS

/* What the entity rules need to look at. */
typedef struct
{
  YusuanDocument *document;
  YusuanCatalog  *catalog;  /* nullable: code rules are skipped without one */
  int             fiscal_year;
  GHashTable     *units;    /* nullable: code → const YusuanUnit*, the document's units */
} YusuanRulesContext;

/* The department's unit of @code, or NULL. */
const YusuanUnit *yusuan_rules_find_unit (const YusuanRulesContext *ctx,
                                          const char               *code);

/* Findings: @subject and @message are taken. */
YusuanFinding *yusuan_finding_new          (YusuanSeverity    severity,
                                            const char       *rule,
                                            guint             table,
                                            char             *subject,
                                            char             *message,
                                            YusuanTargetKind  target_kind,
                                            guint             target_id,
                                            guint             project_id);
void           yusuan_finding_free         (YusuanFinding *finding);
gboolean       yusuan_finding_equal        (const YusuanFinding *a,
                                            const YusuanFinding *b);
/* Errors first, then table (findings of no table last), rule, subject. */
int            yusuan_finding_compare      (const YusuanFinding *a,
                                            const YusuanFinding *b);
/* Two arrays of findings (either may be NULL: no findings) hold the same
 * findings in the same order. */
gboolean       yusuan_findings_equal       (GPtrArray *a,
                                            GPtrArray *b);
GPtrArray     *yusuan_findings_new         (void);

/* Replaces "{name}" in @template by the value of the same index in @names /
 * @values; message templates of data-driven rules use named placeholders so
 * that a translation can reorder them and never reach printf. */
char          *yusuan_rules_expand         (const char        *template_,
                                            const char *const *names,
                                            const char *const *values);

/* NULL, empty or only white space: no text a user wrote. */
gboolean       yusuan_rules_is_blank       (const char *text);

/* "3,337.84" */
char          *yusuan_rules_format_wan     (YusuanAmount amount);

/* The entity rules.  Each appends its findings to @out. */
void           yusuan_rules_check_line      (const YusuanRulesContext *ctx,
                                             const YusuanLine         *line,
                                             GPtrArray                *out);
void           yusuan_rules_check_revenue   (const YusuanRulesContext *ctx,
                                             const YusuanRevenue      *revenue,
                                             GPtrArray                *out);
/* @total: the sum of the project's lines, as the checker keeps it. */
void           yusuan_rules_check_project   (const YusuanRulesContext *ctx,
                                             const YusuanProject      *project,
                                             YusuanAmount              total,
                                             GPtrArray                *out);
void           yusuan_rules_check_department_indicators (const YusuanRulesContext *ctx,
                                                         GPtrArray                *out);

/* A line description for subjects: "103001/2010301/30201/50201", with the
 * project code in place of the unit for a project's line. */
char          *yusuan_rules_line_subject    (const YusuanRulesContext *ctx,
                                             const YusuanLine         *line);

/* A cost ceiling in fen: @value a decimal in @unit ("万元" or "元").  Returns
 * FALSE for other units, a missing or malformed value, or one too large to
 * matter.  The whole fen are in @fen, the hundredths of a fen left over in
 * @hundredths (元 values may have four decimals). */
gboolean       yusuan_rules_ceiling_to_fen  (const char *value,
                                             const char *unit,
                                             gint64     *fen,
                                             gint64     *hundredths);

G_END_DECLS
