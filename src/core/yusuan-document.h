/* yusuan-document.h - the budget document: every fact of the contract, edited through undoable commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "yusuan-amount.h"
#include "yusuan-enums.h"

G_BEGIN_DECLS

/* Codes are stored as NUL-terminated digit strings in fixed buffers: a
 * 100 000-line document must not cost 400 000 allocations. */
#define YUSUAN_UNIT_CODE_SIZE     10  /* [0-9]{6,9} */
#define YUSUAN_FUNCTION_CODE_SIZE  8  /* 2[0-9]{6} */
#define YUSUAN_ECON_CODE_SIZE      6  /* 3[0-9]{4} / 5[0-9]{4} */

typedef struct
{
  guint           id;
  char           *code;
  char           *name;
  YusuanUnitKind  kind;
} YusuanUnit;

typedef struct
{
  guint         id;
  char          unit[YUSUAN_UNIT_CODE_SIZE];
  YusuanFund    source;
  YusuanAmount  amount;
} YusuanRevenue;

/* A basic-expenditure line (project_id == 0) or a project line.  A project
 * line's unit is its project's (kept in step by the document); its category
 * is meaningless and kept as YUSUAN_CATEGORY_PUBLIC. */
typedef struct
{
  guint           id;
  guint           project_id;
  char            unit[YUSUAN_UNIT_CODE_SIZE];
  char            function[YUSUAN_FUNCTION_CODE_SIZE];
  char            econ_dept[YUSUAN_ECON_CODE_SIZE];
  char            econ_gov[YUSUAN_ECON_CODE_SIZE];
  YusuanFund      fund;
  YusuanCategory  category;
  YusuanAmount    amount;
} YusuanLine;

/* A performance indicator (三级指标).  @value is the target in shortest
 * decimal form ("24.6", "95", "0.5") or NULL; @text the qualitative target;
 * @explanation the 指标值说明.  level1 is one of the project groups for a
 * project's indicators, of the department groups for the department's. */
typedef struct
{
  guint           id;
  YusuanLevel1    level1;
  char           *level2;
  char           *name;
  YusuanOperator  op;
  char           *value;
  char           *unit;
  char           *text;
  char           *explanation;
} YusuanIndicator;

typedef struct
{
  guint              id;
  char              *code;
  char              *name;
  char               unit[YUSUAN_UNIT_CODE_SIZE];
  YusuanProjectKind  kind;
  char              *description;
  GPtrArray         *lines;       /* YusuanLine*, owned by the document */
  GPtrArray         *indicators;  /* YusuanIndicator*, owned */
} YusuanProject;

typedef struct
{
  char *name;
  char *text;
} YusuanTask;

typedef struct
{
  YusuanProcurementCategory  category;
  YusuanAmount               amount;
  char                      *project;  /* nullable */
  char                      *name;     /* nullable */
} YusuanProcurementItem;

typedef struct
{
  char *topic;
  char *text;
} YusuanExplanation;

/* What changed, so that tables and rules update from the change rather than
 * recomputing the world.  Pointers are valid during the emission only. */
typedef enum
{
  YUSUAN_CHANGE_RESET,            /* everything: after a load */
  YUSUAN_CHANGE_HEADER,           /* year, stage, department */
  YUSUAN_CHANGE_UNIT_ADDED,
  YUSUAN_CHANGE_UNIT_REMOVED,
  YUSUAN_CHANGE_UNIT_CHANGED,
  YUSUAN_CHANGE_REVENUE_ADDED,
  YUSUAN_CHANGE_REVENUE_REMOVED,
  YUSUAN_CHANGE_REVENUE_CHANGED,
  YUSUAN_CHANGE_LINE_ADDED,
  YUSUAN_CHANGE_LINE_REMOVED,
  YUSUAN_CHANGE_LINE_CHANGED,
  YUSUAN_CHANGE_PROJECT_ADDED,    /* emitted before its lines' LINE_ADDED */
  YUSUAN_CHANGE_PROJECT_REMOVED,  /* emitted after its lines' LINE_REMOVED */
  YUSUAN_CHANGE_PROJECT_CHANGED,  /* code, name, unit, kind or description */
  YUSUAN_CHANGE_INDICATORS,       /* a project's (project != NULL) or the department's */
  YUSUAN_CHANGE_THREE_PUBLIC,
  YUSUAN_CHANGE_PROCUREMENT,
  YUSUAN_CHANGE_ASSETS,
  YUSUAN_CHANGE_PERFORMANCE,      /* department duties and tasks */
  YUSUAN_CHANGE_EXPLANATIONS,
  YUSUAN_CHANGE_PRIOR_YEAR,
  YUSUAN_CHANGE_CONTROL_NUMBERS,
} YusuanChangeKind;

typedef struct
{
  YusuanChangeKind      kind;
  const YusuanUnit     *unit;         /* UNIT_*: the unit (after; before for REMOVED) */
  const YusuanUnit     *old_unit;     /* UNIT_CHANGED: the unit before */
  const YusuanRevenue  *revenue;      /* REVENUE_*: after (before for REMOVED) */
  const YusuanRevenue  *old_revenue;  /* REVENUE_CHANGED: before */
  const YusuanLine     *line;         /* LINE_*: after (before for REMOVED) */
  const YusuanLine     *old_line;     /* LINE_CHANGED: before */
  const YusuanProject  *project;      /* PROJECT_*, INDICATORS, and a project line's project */
  const YusuanProject  *old_project;  /* PROJECT_CHANGED: fields before (lines and indicators NULL) */
} YusuanChange;

#define YUSUAN_TYPE_DOCUMENT (yusuan_document_get_type ())
G_DECLARE_FINAL_TYPE (YusuanDocument, yusuan_document, YUSUAN, DOCUMENT, GObject)

YusuanDocument       *yusuan_document_new                  (void);

/* Header */
int                   yusuan_document_get_fiscal_year      (YusuanDocument *self);
YusuanStage           yusuan_document_get_stage            (YusuanDocument *self);
const char           *yusuan_document_get_department_code  (YusuanDocument *self);
const char           *yusuan_document_get_department_name  (YusuanDocument *self);
const char           *yusuan_document_get_region           (YusuanDocument *self); /* nullable */
void                  yusuan_document_set_header           (YusuanDocument *self,
                                                            int             fiscal_year,
                                                            YusuanStage     stage,
                                                            const char     *department_code,
                                                            const char     *department_name,
                                                            const char     *region);

/* Units */
guint                 yusuan_document_get_n_units          (YusuanDocument *self);
const YusuanUnit     *yusuan_document_get_unit             (YusuanDocument *self, guint index);
const YusuanUnit     *yusuan_document_find_unit            (YusuanDocument *self, const char *code);
const YusuanUnit     *yusuan_document_add_unit             (YusuanDocument *self,
                                                            const char     *code,
                                                            const char     *name,
                                                            YusuanUnitKind  kind);
void                  yusuan_document_set_unit             (YusuanDocument *self,
                                                            guint           unit_id,
                                                            const char     *code,
                                                            const char     *name,
                                                            YusuanUnitKind  kind);
void                  yusuan_document_remove_unit          (YusuanDocument *self, guint unit_id);

/* Revenues */
guint                 yusuan_document_get_n_revenues       (YusuanDocument *self);
const YusuanRevenue  *yusuan_document_get_revenue          (YusuanDocument *self, guint index);
const YusuanRevenue  *yusuan_document_lookup_revenue       (YusuanDocument *self, guint revenue_id);
const YusuanRevenue  *yusuan_document_add_revenue          (YusuanDocument *self,
                                                            const char     *unit,
                                                            YusuanFund      source,
                                                            YusuanAmount    amount);
void                  yusuan_document_set_revenue          (YusuanDocument      *self,
                                                            guint                revenue_id,
                                                            const YusuanRevenue *values);
void                  yusuan_document_remove_revenue       (YusuanDocument *self, guint revenue_id);

/* Lines: basic lines in document order; a project's lines are in project->lines.
 * @values' id is ignored; for project lines its project_id names the project
 * and unit/category are ignored. */
guint                 yusuan_document_get_n_basic_lines    (YusuanDocument *self);
const YusuanLine     *yusuan_document_get_basic_line       (YusuanDocument *self, guint index);
const YusuanLine     *yusuan_document_lookup_line          (YusuanDocument *self, guint line_id);
const YusuanLine     *yusuan_document_add_line             (YusuanDocument   *self,
                                                            const YusuanLine *values);
void                  yusuan_document_set_line             (YusuanDocument   *self,
                                                            guint             line_id,
                                                            const YusuanLine *values);
void                  yusuan_document_set_line_amount      (YusuanDocument   *self,
                                                            guint             line_id,
                                                            YusuanAmount      amount);
void                  yusuan_document_remove_line          (YusuanDocument   *self, guint line_id);
/* Calls @func for every line, basic lines first, then each project's. */
void                  yusuan_document_foreach_line         (YusuanDocument   *self,
                                                            void            (*func) (const YusuanLine *line, gpointer user_data),
                                                            gpointer          user_data);
guint                 yusuan_document_get_n_lines          (YusuanDocument   *self);

/* Projects */
guint                 yusuan_document_get_n_projects       (YusuanDocument *self);
const YusuanProject  *yusuan_document_get_project          (YusuanDocument *self, guint index);
const YusuanProject  *yusuan_document_lookup_project       (YusuanDocument *self, guint project_id);
const YusuanProject  *yusuan_document_find_project         (YusuanDocument *self, const char *code);
const YusuanProject  *yusuan_document_add_project          (YusuanDocument    *self,
                                                            const char        *code,
                                                            const char        *name,
                                                            const char        *unit,
                                                            YusuanProjectKind  kind,
                                                            const char        *description);
void                  yusuan_document_set_project          (YusuanDocument    *self,
                                                            guint              project_id,
                                                            const char        *code,
                                                            const char        *name,
                                                            const char        *unit,
                                                            YusuanProjectKind  kind,
                                                            const char        *description);
void                  yusuan_document_remove_project       (YusuanDocument *self, guint project_id);
YusuanAmount          yusuan_project_get_total             (const YusuanProject *project);

/* Indicators: @project_id 0 means the department's (table 11). */
guint                 yusuan_document_get_n_indicators     (YusuanDocument *self, guint project_id);
const YusuanIndicator *yusuan_document_get_indicator       (YusuanDocument *self, guint project_id, guint index);
/* NULL if the project (0: the department) has no indicator @indicator_id. */
const YusuanIndicator *yusuan_document_lookup_indicator    (YusuanDocument *self,
                                                            guint           project_id,
                                                            guint           indicator_id);
const YusuanIndicator *yusuan_document_add_indicator       (YusuanDocument        *self,
                                                            guint                  project_id,
                                                            const YusuanIndicator *values);
void                  yusuan_document_set_indicator        (YusuanDocument        *self,
                                                            guint                  project_id,
                                                            guint                  indicator_id,
                                                            const YusuanIndicator *values);
void                  yusuan_document_remove_indicator     (YusuanDocument *self,
                                                            guint           project_id,
                                                            guint           indicator_id);

/* 三公 (table 08): stated amounts, absent until set. */
gboolean              yusuan_document_has_three_public     (YusuanDocument *self);
YusuanAmount          yusuan_document_get_three_public     (YusuanDocument *self, YusuanThreePublic item);
/* @amounts: YUSUAN_N_THREE_PUBLIC amounts, or NULL to remove the block */
void                  yusuan_document_set_three_public     (YusuanDocument     *self,
                                                            const YusuanAmount *amounts);

/* Procurement (政府采购) */
guint                 yusuan_document_get_n_procurement    (YusuanDocument *self);
const YusuanProcurementItem *yusuan_document_get_procurement (YusuanDocument *self, guint index);
/* Replaces the whole list (one undo step); @items may be empty. */
void                  yusuan_document_set_procurement      (YusuanDocument              *self,
                                                            const YusuanProcurementItem *items,
                                                            guint                        n_items);

/* Assets (国有资产占用): counts at the end of the prior year, absent until set. */
gboolean              yusuan_document_get_assets           (YusuanDocument *self,
                                                            guint64        *vehicles,
                                                            guint64        *general_equipment,
                                                            guint64        *special_equipment);
void                  yusuan_document_set_assets           (YusuanDocument *self,
                                                            gboolean        present,
                                                            guint64         vehicles,
                                                            guint64         general_equipment,
                                                            guint64         special_equipment);

/* Department performance: duties and tasks (indicators above, project_id 0).
 * has_performance tells whether the block exists at all. */
gboolean              yusuan_document_has_performance      (YusuanDocument *self);
guint                 yusuan_document_get_n_duties         (YusuanDocument *self);
const char           *yusuan_document_get_duty             (YusuanDocument *self, guint index);
guint                 yusuan_document_get_n_tasks          (YusuanDocument *self);
const YusuanTask     *yusuan_document_get_task             (YusuanDocument *self, guint index);
void                  yusuan_document_set_performance      (YusuanDocument    *self,
                                                            gboolean           present,
                                                            const char *const *duties,
                                                            guint              n_duties,
                                                            const YusuanTask  *tasks,
                                                            guint              n_tasks);

/* Explanations (the department's own words for the narrative), by topic. */
guint                 yusuan_document_get_n_explanations   (YusuanDocument *self);
const YusuanExplanation *yusuan_document_get_explanation   (YusuanDocument *self, guint index);
const char           *yusuan_document_find_explanation     (YusuanDocument *self, const char *topic);
/* Sets (or with @text NULL removes) the explanation of @topic. */
void                  yusuan_document_set_explanation      (YusuanDocument *self,
                                                            const char     *topic,
                                                            const char     *text);

/* Prior-year figures */
gboolean              yusuan_document_has_prior_year       (YusuanDocument *self);
int                   yusuan_document_get_prior_fiscal_year (YusuanDocument *self);
gboolean              yusuan_document_get_prior_figure     (YusuanDocument *self,
                                                            YusuanPriorKey  key,
                                                            YusuanAmount   *amount);
/* @present FALSE removes the block; @has[i] tells which of @amounts are stated. */
void                  yusuan_document_set_prior_year       (YusuanDocument     *self,
                                                            gboolean            present,
                                                            int                 fiscal_year,
                                                            const gboolean     *has,
                                                            const YusuanAmount *amounts);

/* The finance bureau's control numbers (控制数, sent back at the 一下 stage):
 * the most the department may spend of a fund on basic expenditure or on
 * projects.  Each pair is stated or not; the rules hold the budget to those
 * that are.  Index @has and @amounts with yusuan_control_number_index (). */
#define YUSUAN_N_CONTROL_NUMBERS (YUSUAN_N_FUNDS * YUSUAN_N_SPENDING_KINDS)

static inline guint
yusuan_control_number_index (YusuanFund         fund,
                             YusuanSpendingKind kind)
{
  return (guint) fund * YUSUAN_N_SPENDING_KINDS + (guint) kind;
}

gboolean              yusuan_document_has_control_numbers  (YusuanDocument *self);
gboolean              yusuan_document_get_control_number   (YusuanDocument     *self,
                                                            YusuanFund          fund,
                                                            YusuanSpendingKind  kind,
                                                            YusuanAmount       *amount);
/* The bureau set control numbers, but none for @fund's @kind although @fund
 * is one it controls (a current-year appropriation, 本年财政拨款): spending
 * there is spending it did not allow. */
gboolean              yusuan_document_lacks_control_number (YusuanDocument     *self,
                                                            YusuanFund          fund,
                                                            YusuanSpendingKind  kind);
/* @present FALSE (or no pair stated in @has) removes them all. */
void                  yusuan_document_set_control_numbers  (YusuanDocument     *self,
                                                            gboolean            present,
                                                            const gboolean     *has,
                                                            const YusuanAmount *amounts);
/* Takes the control numbers from the bureau's 一下 submission @bureau: its
 * basic and project expenditure by fund, replacing any the document had, as
 * one undoable step.  Refuses (YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS, saying
 * why, the document unchanged) a submission that is not at the
 * control-numbers stage, is for another year or department, or sets no
 * expenditure. */
gboolean              yusuan_document_take_control_numbers (YusuanDocument     *self,
                                                            YusuanDocument     *bureau,
                                                            GError            **error);

/* Undo.  Every mutation above is recorded, each as one step; begin/end group
 * several into one step (a pasted range, a form applied).  Groups nest: only
 * the outermost makes the step.  Undo and redo emit the same changes as the
 * edits they revert. */
void                  yusuan_document_begin_group          (YusuanDocument *self, const char *label);
void                  yusuan_document_end_group            (YusuanDocument *self);
/* Closes the outermost group taking back everything done in it, as if it had
 * not been begun: nothing to undo or redo is recorded, what could be undone
 * or redone before stays.  For an edit of several parts refused half way. */
void                  yusuan_document_cancel_group         (YusuanDocument *self);
gboolean              yusuan_document_can_undo             (YusuanDocument *self);
gboolean              yusuan_document_can_redo             (YusuanDocument *self);
const char           *yusuan_document_get_undo_label       (YusuanDocument *self);
const char           *yusuan_document_get_redo_label       (YusuanDocument *self);
gboolean              yusuan_document_undo                 (YusuanDocument *self);
gboolean              yusuan_document_redo                 (YusuanDocument *self);
void                  yusuan_document_clear_undo           (YusuanDocument *self);

/* Modified since the last mark_saved (undoing back to the saved state clears it). */
gboolean              yusuan_document_get_modified         (YusuanDocument *self);
void                  yusuan_document_mark_saved           (YusuanDocument *self);
/* Modified until saved, with nothing to undo: a budget made rather than
 * read (next year's, started from this one), which no file holds yet. */
void                  yusuan_document_mark_unsaved         (YusuanDocument *self);

/* Loading: between begin_load and end_load nothing is recorded for undo and no
 * change is emitted; end_load emits one RESET and clears modified and undo. */
void                  yusuan_document_begin_load           (YusuanDocument *self);
void                  yusuan_document_end_load             (YusuanDocument *self);

/* A deep copy (no undo history). */
YusuanDocument       *yusuan_document_copy                 (YusuanDocument *self);

/* Totals that fit.  Every amount is at most YUSUAN_AMOUNT_MAX; the sum of all
 * lines and the sum of all revenues must each fit a gint64, so that no
 * table's total can overflow however hostile the input. */
#define YUSUAN_DOCUMENT_ERROR (yusuan_document_error_quark ())

typedef enum
{
  YUSUAN_DOCUMENT_ERROR_TOO_LARGE,
  YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS,  /* not the bureau's control numbers for this budget */
} YusuanDocumentError;

GQuark                yusuan_document_error_quark          (void);
/* Whether replacing @old_amount by @new_amount (0 for an addition or a
 * removal) in a line (@revenue FALSE) or a revenue keeps the total within bounds. */
gboolean              yusuan_document_check_amount_change  (YusuanDocument  *self,
                                                            gboolean         revenue,
                                                            YusuanAmount     old_amount,
                                                            YusuanAmount     new_amount,
                                                            GError         **error);
/* Recounts the totals: loaders call it before handing a document over. */
gboolean              yusuan_document_check_totals         (YusuanDocument  *self,
                                                            GError         **error);

#define YUSUAN_DECIMAL_ERROR (yusuan_decimal_error_quark ())
GQuark                yusuan_decimal_error_quark           (void);

/* Indicator values: checks @text is a decimal the contract accepts (at most
 * four decimals, 18 digits) and returns its shortest form ("95.0" -> "95"). */
char                 *yusuan_decimal_normalize             (const char  *text,
                                                            GError     **error);
/* Compares two normalized decimals: <0, 0, >0. */
int                   yusuan_decimal_compare               (const char *a,
                                                            const char *b);

G_END_DECLS
