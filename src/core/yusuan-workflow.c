/* yusuan-workflow.c - the budget's yearly round: next year's budget from this one, units' submissions gathered into the department's
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "yusuan-figures.h"
#include "yusuan-workflow.h"

G_DEFINE_QUARK (yusuan-workflow-error-quark, yusuan_workflow_error)

/* The contract's last fiscal year. */
#define LAST_FISCAL_YEAR 2100

/* Next year */

/* What @last's year was, as its successor states it (上年数). */
static void
prior_figures (YusuanDocument *last,
               gboolean       *has,
               YusuanAmount   *amounts)
{
  YusuanFigures f;

  yusuan_figures_compute (last, &f);
  for (guint i = 0; i < YUSUAN_N_PRIOR_KEYS; i++)
    has[i] = TRUE;

  amounts[YUSUAN_PRIOR_REVENUE_TOTAL] = f.revenue_total;
  amounts[YUSUAN_PRIOR_EXPENDITURE_TOTAL] = f.expenditure_total;
  amounts[YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET] = f.revenue_by_source[YUSUAN_FUND_GENERAL_PUBLIC_BUDGET];
  amounts[YUSUAN_PRIOR_GOVERNMENT_FUND] = f.revenue_by_source[YUSUAN_FUND_GOVERNMENT_FUND];
  amounts[YUSUAN_PRIOR_BASIC_EXPENDITURE] = f.basic_total;
  amounts[YUSUAN_PRIOR_PROJECT_EXPENDITURE] = f.project_total;
  amounts[YUSUAN_PRIOR_OPERATING_COSTS] = f.operating_costs;
  amounts[YUSUAN_PRIOR_PROCUREMENT] = f.procurement_total;

  /* 三公 as the department stated them (table 08), else as its lines carry them. */
  amounts[YUSUAN_PRIOR_OUTBOUND_TRAVEL] = f.three_public_lines[YUSUAN_THREE_PUBLIC_OUTBOUND_TRAVEL];
  amounts[YUSUAN_PRIOR_VEHICLE_PURCHASE] = f.three_public_lines[YUSUAN_THREE_PUBLIC_VEHICLE_PURCHASE];
  amounts[YUSUAN_PRIOR_VEHICLE_OPERATION] = f.three_public_lines[YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION];
  amounts[YUSUAN_PRIOR_OFFICIAL_RECEPTION] = f.three_public_lines[YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION];
  if (yusuan_document_has_three_public (last))
    {
      amounts[YUSUAN_PRIOR_OUTBOUND_TRAVEL] = yusuan_document_get_three_public (last, YUSUAN_THREE_PUBLIC_OUTBOUND_TRAVEL);
      amounts[YUSUAN_PRIOR_VEHICLE_PURCHASE] = yusuan_document_get_three_public (last, YUSUAN_THREE_PUBLIC_VEHICLE_PURCHASE);
      amounts[YUSUAN_PRIOR_VEHICLE_OPERATION] = yusuan_document_get_three_public (last, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION);
      amounts[YUSUAN_PRIOR_OFFICIAL_RECEPTION] = yusuan_document_get_three_public (last, YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION);
    }

  /* A figure no amount can hold is left unstated rather than wrapped. */
  for (guint i = 0; i < YUSUAN_N_PRIOR_KEYS; i++)
    if (amounts[i] < 0 || amounts[i] > YUSUAN_AMOUNT_MAX)
      {
        has[i] = FALSE;
        amounts[i] = 0;
      }
}

YusuanDocument *
yusuan_workflow_next_year (YusuanDocument  *last,
                           GError         **error)
{
  gboolean has[YUSUAN_N_PRIOR_KEYS];
  YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS];
  int year;
  YusuanDocument *next;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (last), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  year = yusuan_document_get_fiscal_year (last);
  if (year >= LAST_FISCAL_YEAR)
    {
      g_set_error (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_YEAR,
                   _("The budget is for %d: a submission can be for %d at the latest"), year, LAST_FISCAL_YEAR);
      return NULL;
    }

  prior_figures (last, has, amounts);

  next = yusuan_document_copy (last);
  /* Set up as a load is: nothing to undo back into last year. */
  yusuan_document_begin_load (next);
  yusuan_document_set_header (next, year + 1, YUSUAN_STAGE_FIRST_PROPOSAL,
                              yusuan_document_get_department_code (last),
                              yusuan_document_get_department_name (last),
                              yusuan_document_get_region (last));
  while (yusuan_document_get_n_explanations (next) > 0)
    yusuan_document_set_explanation (next, yusuan_document_get_explanation (next, 0)->topic, NULL);
  yusuan_document_set_control_numbers (next, FALSE, NULL, NULL);
  yusuan_document_set_prior_year (next, TRUE, year, has, amounts);
  yusuan_document_end_load (next);

  return next;
}

/* Consolidation */

typedef struct
{
  YusuanDocument *department;
  YusuanDocument *submission;
  GHashTable     *codes;       /* the submission's unit codes */
} Gathering;

static gboolean
is_gathered (Gathering  *g,
             const char *unit)
{
  return g_hash_table_contains (g->codes, unit);
}

/* The department's lines and revenues after the gathering, within bounds. */
static gboolean
totals_fit (Gathering  *g,
            GError    **error)
{
  YusuanDocument *docs[] = { g->department, g->submission };
  YusuanAmount lines = 0, revenues = 0;
  gboolean fits = TRUE;

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      /* From the department what stays, from the submission what comes. */
      gboolean want_gathered = docs[d] == g->submission;

      for (guint i = 0; i < yusuan_document_get_n_revenues (docs[d]); i++)
        {
          const YusuanRevenue *r = yusuan_document_get_revenue (docs[d], i);

          if (is_gathered (g, r->unit) == want_gathered)
            fits &= yusuan_amount_add_checked (&revenues, r->amount);
        }
      for (guint i = 0; i < yusuan_document_get_n_basic_lines (docs[d]); i++)
        {
          const YusuanLine *l = yusuan_document_get_basic_line (docs[d], i);

          if (is_gathered (g, l->unit) == want_gathered)
            fits &= yusuan_amount_add_checked (&lines, l->amount);
        }
      for (guint p = 0; p < yusuan_document_get_n_projects (docs[d]); p++)
        {
          const YusuanProject *project = yusuan_document_get_project (docs[d], p);

          if (is_gathered (g, project->unit) != want_gathered)
            continue;
          for (guint i = 0; i < project->lines->len; i++)
            fits &= yusuan_amount_add_checked (&lines, ((const YusuanLine *) g_ptr_array_index (project->lines, i))->amount);
        }
    }

  if (!fits)
    g_set_error_literal (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_TOO_LARGE,
                         _("Together the budgets would add up to more than any amount Yusuan can hold"));
  return fits;
}

static gboolean
unlisted_unit (GError     **error,
               const char  *unit)
{
  g_set_error (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_UNKNOWN_UNIT,
               _("The submission has figures of the unit %s but does not list that unit"), unit);
  return FALSE;
}

/* Everything that would refuse the gathering, before anything changes. */
static gboolean
check_gathering (Gathering  *g,
                 GError    **error)
{
  YusuanDocument *dept = g->department;
  YusuanDocument *sub = g->submission;

  if (yusuan_document_get_fiscal_year (sub) != yusuan_document_get_fiscal_year (dept))
    {
      g_set_error (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_YEAR,
                   _("The submission is for the fiscal year %d; this budget is for %d"),
                   yusuan_document_get_fiscal_year (sub), yusuan_document_get_fiscal_year (dept));
      return FALSE;
    }
  if (g_strcmp0 (yusuan_document_get_department_code (sub), yusuan_document_get_department_code (dept)) != 0)
    {
      g_set_error (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_DEPARTMENT,
                   _("The submission is the department %s’s; this budget is the department %s’s"),
                   yusuan_document_get_department_code (sub), yusuan_document_get_department_code (dept));
      return FALSE;
    }
  if (yusuan_document_get_n_units (sub) == 0)
    {
      g_set_error_literal (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_EMPTY,
                           _("The submission has no unit to gather"));
      return FALSE;
    }

  /* Whatever the submission holds belongs to one of its units. */
  for (guint i = 0; i < yusuan_document_get_n_revenues (sub); i++)
    if (!is_gathered (g, yusuan_document_get_revenue (sub, i)->unit))
      return unlisted_unit (error, yusuan_document_get_revenue (sub, i)->unit);
  for (guint i = 0; i < yusuan_document_get_n_basic_lines (sub); i++)
    if (!is_gathered (g, yusuan_document_get_basic_line (sub, i)->unit))
      return unlisted_unit (error, yusuan_document_get_basic_line (sub, i)->unit);

  for (guint p = 0; p < yusuan_document_get_n_projects (sub); p++)
    {
      const YusuanProject *project = yusuan_document_get_project (sub, p);
      const YusuanProject *there = yusuan_document_find_project (dept, project->code);

      if (!is_gathered (g, project->unit))
        return unlisted_unit (error, project->unit);

      if (there != NULL && !is_gathered (g, there->unit))
        {
          g_set_error (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_CONFLICT,
                       _("The project code %s of the unit %s is already the unit %s’s project “%s”: "
                         "each project needs its own code"),
                       project->code, project->unit, there->unit, there->name ? there->name : "");
          return FALSE;
        }
    }

  return totals_fit (g, error);
}

/* The department's revenues, basic lines and projects of the gathered units go. */
static void
remove_gathered (Gathering *g)
{
  YusuanDocument *dept = g->department;

  for (guint i = yusuan_document_get_n_revenues (dept); i-- > 0;)
    {
      const YusuanRevenue *r = yusuan_document_get_revenue (dept, i);

      if (is_gathered (g, r->unit))
        yusuan_document_remove_revenue (dept, r->id);
    }
  for (guint i = yusuan_document_get_n_basic_lines (dept); i-- > 0;)
    {
      const YusuanLine *l = yusuan_document_get_basic_line (dept, i);

      if (is_gathered (g, l->unit))
        yusuan_document_remove_line (dept, l->id);
    }
  for (guint i = yusuan_document_get_n_projects (dept); i-- > 0;)
    {
      const YusuanProject *project = yusuan_document_get_project (dept, i);

      if (is_gathered (g, project->unit))
        yusuan_document_remove_project (dept, project->id);
    }
}

/* The submission's units, revenues, basic lines and projects come. */
static void
add_gathered (Gathering *g)
{
  YusuanDocument *dept = g->department;
  YusuanDocument *sub = g->submission;

  for (guint i = 0; i < yusuan_document_get_n_units (sub); i++)
    {
      const YusuanUnit *unit = yusuan_document_get_unit (sub, i);
      const YusuanUnit *there = yusuan_document_find_unit (dept, unit->code);

      if (there != NULL)
        yusuan_document_set_unit (dept, there->id, unit->code, unit->name, unit->kind);
      else
        yusuan_document_add_unit (dept, unit->code, unit->name, unit->kind);
    }

  for (guint i = 0; i < yusuan_document_get_n_revenues (sub); i++)
    {
      const YusuanRevenue *r = yusuan_document_get_revenue (sub, i);

      yusuan_document_add_revenue (dept, r->unit, r->source, r->amount);
    }
  for (guint i = 0; i < yusuan_document_get_n_basic_lines (sub); i++)
    yusuan_document_add_line (dept, yusuan_document_get_basic_line (sub, i));

  for (guint p = 0; p < yusuan_document_get_n_projects (sub); p++)
    {
      const YusuanProject *project = yusuan_document_get_project (sub, p);
      const YusuanProject *added = yusuan_document_add_project (dept, project->code, project->name, project->unit,
                                                                project->kind, project->description);
      guint project_id = added->id;

      for (guint i = 0; i < project->lines->len; i++)
        {
          YusuanLine line = *(const YusuanLine *) g_ptr_array_index (project->lines, i);

          line.project_id = project_id;
          yusuan_document_add_line (dept, &line);
        }
      for (guint i = 0; i < project->indicators->len; i++)
        yusuan_document_add_indicator (dept, project_id, g_ptr_array_index (project->indicators, i));
    }
}

gboolean
yusuan_workflow_consolidate (YusuanDocument  *department,
                             YusuanDocument  *submission,
                             guint           *n_units,
                             GError         **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  Gathering g = { department, submission, codes };

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (department), FALSE);
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (submission), FALSE);
  g_return_val_if_fail (department != submission, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < yusuan_document_get_n_units (submission); i++)
    g_hash_table_add (codes, yusuan_document_get_unit (submission, i)->code);

  if (!check_gathering (&g, error))
    return FALSE;

  /* Translators: an undo step: a subordinate unit's submission gathered into the department's budget (汇总) */
  yusuan_document_begin_group (department, _("Consolidate a unit’s submission"));
  remove_gathered (&g);
  add_gathered (&g);
  yusuan_document_end_group (department);

  if (n_units != NULL)
    *n_units = yusuan_document_get_n_units (submission);
  return TRUE;
}
