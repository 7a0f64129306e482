/* yusuan-rules.h - the rules (审核): findings computed live from the document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

typedef enum
{
  YUSUAN_SEVERITY_ERROR,    /* 强制: blocks the submission */
  YUSUAN_SEVERITY_WARNING,  /* 提示 */
  YUSUAN_SEVERITY_INFO,
} YusuanSeverity;

/* Where the user goes to fix a finding. */
typedef enum
{
  YUSUAN_TARGET_NONE,
  YUSUAN_TARGET_HEADER,
  YUSUAN_TARGET_UNIT,
  YUSUAN_TARGET_REVENUE,
  YUSUAN_TARGET_LINE,
  YUSUAN_TARGET_PROJECT,
  YUSUAN_TARGET_INDICATOR,     /* target_id the indicator, project_id its project (0: department) */
  YUSUAN_TARGET_THREE_PUBLIC,
  YUSUAN_TARGET_EXPLANATION,   /* subject is the topic */
  YUSUAN_TARGET_PRIOR_YEAR,
  YUSUAN_TARGET_CONTROL_NUMBERS, /* target_id the YusuanFund, project_id the YusuanSpendingKind */
} YusuanTargetKind;

typedef struct
{
  YusuanSeverity    severity;
  char             *rule;        /* stable id: "balance-total", "project-no-output" … */
  guint             table;       /* 1 … 12, 0 for none */
  char             *subject;     /* a project code, a row key, a line description */
  char             *message;     /* in the user's language */
  YusuanTargetKind  target_kind;
  guint             target_id;
  guint             project_id;
} YusuanFinding;

const char *yusuan_severity_to_token (YusuanSeverity severity);  /* "error", "warning", "info" */

#define YUSUAN_TYPE_CHECKER (yusuan_checker_get_type ())
G_DECLARE_FINAL_TYPE (YusuanChecker, yusuan_checker, YUSUAN, CHECKER, GObject)

/* Runs every rule now and again on each change of the document; ::changed
 * is emitted when the set of findings changes. */
YusuanChecker        *yusuan_checker_new            (YusuanDocument *document,
                                                     YusuanCatalog  *catalog);

/* Sorted: errors first, then by table, rule and subject. */
guint                 yusuan_checker_get_n_findings (YusuanChecker *self);
const YusuanFinding  *yusuan_checker_get_finding    (YusuanChecker *self, guint index);
guint                 yusuan_checker_get_n_errors   (YusuanChecker *self);
guint                 yusuan_checker_get_n_warnings (YusuanChecker *self);

/* {"errors": N, "warnings": M, "findings": [...]} */
char                 *yusuan_checker_to_json        (YusuanChecker *self);
/* One finding a line: "error [rule] 预算10表 subject: message" */
char                 *yusuan_checker_to_text        (YusuanChecker *self);

G_END_DECLS
