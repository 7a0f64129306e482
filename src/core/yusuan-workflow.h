/* yusuan-workflow.h - the budget's yearly round: next year's budget from this one, units' submissions gathered into the department's
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_WORKFLOW_ERROR (yusuan_workflow_error_quark ())

typedef enum
{
  YUSUAN_WORKFLOW_ERROR_YEAR,        /* no next year, or another year's submission */
  YUSUAN_WORKFLOW_ERROR_DEPARTMENT,  /* another department's submission */
  YUSUAN_WORKFLOW_ERROR_EMPTY,       /* a submission with no unit */
  YUSUAN_WORKFLOW_ERROR_UNKNOWN_UNIT,/* figures of a unit the submission does not list */
  YUSUAN_WORKFLOW_ERROR_CONFLICT,    /* a project code another unit of the department uses */
  YUSUAN_WORKFLOW_ERROR_TOO_LARGE,   /* the totals would not fit */
} YusuanWorkflowError;

GQuark          yusuan_workflow_error_quark  (void);

/* Next year's budget, started from @last (上年预算): the same department,
 * units, revenues, lines, projects with their targets, procurement, assets and
 * duties, at the first-proposal stage (一上) of the next fiscal year; its
 * prior-year figures (上年数) are @last's totals, so that the year-on-year
 * checks and the narrative compare with them.  Explanations and control
 * numbers belong to @last's year and are left behind.  A new document, with
 * nothing to undo; NULL (YUSUAN_WORKFLOW_ERROR_YEAR) after 2100. */
YusuanDocument *yusuan_workflow_next_year    (YusuanDocument  *last,
                                              GError         **error);

/* Gathers a subordinate unit's submission (所属单位预算, 汇总) into the
 * department's budget: each of its units replaces the unit of the same code
 * (its revenues, basic lines and projects) or joins the department.  What the
 * department states for itself (三公, procurement, assets, department targets,
 * explanations, prior-year figures, control numbers) stays the department's.
 * One undoable step; refused, with the reason and @department unchanged, for
 * another year or department, a submission with no unit or with figures of a
 * unit it does not list, or a project code one of the department's other
 * units uses.  @n_units, if given, is set to
 * the number of units gathered. */
gboolean        yusuan_workflow_consolidate  (YusuanDocument  *department,
                                              YusuanDocument  *submission,
                                              guint           *n_units,
                                              GError         **error);

G_END_DECLS
