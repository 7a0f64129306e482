/* yusuan-rules.c - the checker: runs the rules (审核) live and keeps their findings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-figures.h"
#include "yusuan-rules-private.h"

/* What a line contributes to the aggregates, as counted: a change is undone
 * from this record rather than from the document's old values, so that a
 * change seen twice (a project moving to another unit, then its lines) is
 * never counted twice. */
typedef struct
{
  char          unit[YUSUAN_UNIT_CODE_SIZE];
  YusuanFund    fund;
  YusuanAmount  amount;
  guint         project_id;
  gint8         three_public;  /* YusuanThreePublic the line carries, or -1 */
  gboolean      operating;     /* counts into 机关运行经费 */
} LineRecord;

typedef struct
{
  char          unit[YUSUAN_UNIT_CODE_SIZE];
  YusuanFund    source;
  YusuanAmount  amount;
} RevenueRecord;

/* Revenue and expenditure of one unit, by fund, and the unit's findings. */
typedef struct
{
  char         *code;
  YusuanAmount  revenue[YUSUAN_N_FUNDS];
  YusuanAmount  expenditure[YUSUAN_N_FUNDS];
  GPtrArray    *findings;
} UnitAggregate;

/* Everything the checker knows; replaced as a whole by a full recompute so
 * that the findings before can be compared with those after. */
typedef struct
{
  GHashTable   *lines;             /* id → LineRecord */
  GHashTable   *revenues;          /* id → RevenueRecord */
  GHashTable   *project_codes;     /* id → code as counted */
  GHashTable   *project_totals;    /* id → YusuanAmount, the sum of its lines */
  GHashTable   *code_counts;       /* code → number of projects */
  GHashTable   *units;             /* code → UnitAggregate */
  GHashTable   *unit_codes;        /* code → the document's YusuanUnit (any unit edit recomputes) */

  YusuanAmount  revenue[YUSUAN_N_FUNDS];
  YusuanAmount  expenditure[YUSUAN_N_FUNDS];
  YusuanAmount  spending[YUSUAN_N_CONTROL_NUMBERS];  /* by yusuan_control_number_index () */
  YusuanAmount  three_public_lines[YUSUAN_N_THREE_PUBLIC];
  YusuanAmount  operating_costs;

  /* Findings, by what they are about. */
  GHashTable   *line_findings;     /* id → GPtrArray */
  GHashTable   *revenue_findings;  /* id → GPtrArray */
  GHashTable   *project_findings;  /* id → GPtrArray */
  GHashTable   *duplicate_findings;/* code → GPtrArray */
  GPtrArray    *department_findings;
  GPtrArray    *global_findings;

  GPtrArray    *sorted;            /* all of the above, borrowed, sorted */
  guint         n_errors;
  guint         n_warnings;
} CheckerState;

struct _YusuanChecker
{
  GObject         parent_instance;

  YusuanDocument *document;
  YusuanCatalog  *catalog;
  gboolean        catalog_fixed;  /* given by the caller, not chosen by year */
  int             fiscal_year;    /* the year the findings were made for */
  gulong          changed_id;

  CheckerState   *state;
  gboolean        dirty;          /* a bucket of findings changed */
  gboolean        bulk;           /* recomputing: the list is sorted once at the end */
};

G_DEFINE_FINAL_TYPE (YusuanChecker, yusuan_checker, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The comparison rules, as data (审核公式): for every instance of the scope,
 * "left comparison right" must hold, or the rule gives a finding.  An
 * explanation of @topic in the document excuses it. */

typedef enum
{
  SCOPE_TOTAL,
  SCOPE_FUND,               /* each fund */
  SCOPE_UNIT_FUND,          /* each unit × fund */
  SCOPE_THREE_PUBLIC_ITEM,  /* each 三公 item */
  SCOPE_FUND_SPENDING,      /* each fund × basic or project expenditure */
} RuleScope;

typedef enum
{
  QUANTITY_REVENUE,                 /* revenue of the scope */
  QUANTITY_EXPENDITURE,             /* expenditure of the scope */
  QUANTITY_THREE_PUBLIC_STATED,     /* table 08's amount of the scope's item */
  QUANTITY_THREE_PUBLIC_STATED_OR_ZERO, /* the same, 0 where table 08 states nothing */
  QUANTITY_THREE_PUBLIC_LINES,      /* the lines carrying the scope's item (yusuan_figures_line_three_public_item) */
  QUANTITY_THREE_PUBLIC_TOTAL,      /* table 08's total */
  QUANTITY_OPERATING_COSTS,         /* 机关运行经费 (yusuan_figures_line_is_operating_cost) */
  QUANTITY_PRIOR,                   /* the prior-year figure @arg (a YusuanPriorKey) */
  QUANTITY_PRIOR_THREE_PUBLIC,      /* the prior-year 三公 total (all four items stated) */
  QUANTITY_PRIOR_THREE_PUBLIC_ITEM, /* the prior-year figure of the scope's 三公 item */
  QUANTITY_SPENDING,                /* expenditure of the scope's fund and kind */
  QUANTITY_CONTROL_NUMBER,          /* the bureau's control number for the scope, if it set one */
  QUANTITY_CONTROL_NUMBER_UNSET,    /* 0 for a current-year appropriation (财政拨款) the bureau set
                                       no control number for, once it set some; else none */
} QuantityKind;

typedef struct
{
  QuantityKind kind;
  int          arg;
} Quantity;

typedef enum
{
  COMPARE_EQ,
  COMPARE_LE,
} Comparison;

typedef struct
{
  const char        *id;
  YusuanSeverity     severity;
  guint              table;
  RuleScope          scope;
  Quantity           left;
  Comparison         comparison;
  Quantity           right;
  const char        *topic;       /* "{item}" stands for the 三公 item's token */
  YusuanTargetKind   target_kind;
  /* Placeholders: {scope} (the fund, unit or item), {left}, {right} (amounts
   * with their unit: 万元, or 元 where 万元 would not tell them apart). */
  const char        *message;
} ComparisonRule;

#define NO_ARG -1

static const ComparisonRule comparison_rules[] = {
  { "balance-total", YUSUAN_SEVERITY_ERROR, 1, SCOPE_TOTAL,
    { QUANTITY_REVENUE, NO_ARG }, COMPARE_EQ, { QUANTITY_EXPENDITURE, NO_ARG }, NULL, YUSUAN_TARGET_REVENUE,
    /* Translators: 收入总计 and 支出总计 of table 01; {left} and {right} are amounts with their unit; keep the braces */
    N_("Revenue {left} does not equal expenditure {right}") },
  { "balance-fund-overspent", YUSUAN_SEVERITY_ERROR, 1, SCOPE_FUND,
    { QUANTITY_EXPENDITURE, NO_ARG }, COMPARE_LE, { QUANTITY_REVENUE, NO_ARG }, NULL, YUSUAN_TARGET_REVENUE,
    /* Translators: {scope} is a fund such as 一般公共预算; {left} and {right} are amounts with their unit; keep the braces */
    N_("{scope}: expenditure {left} is above the revenue {right}") },
  { "balance-fund-unspent", YUSUAN_SEVERITY_WARNING, 1, SCOPE_FUND,
    { QUANTITY_REVENUE, NO_ARG }, COMPARE_LE, { QUANTITY_EXPENDITURE, NO_ARG }, NULL, YUSUAN_TARGET_REVENUE,
    /* Translators: {scope} is a fund such as 一般公共预算; {left} and {right} are amounts with their unit; keep the braces */
    N_("{scope}: revenue {left} is above the expenditure {right}") },
  { "balance-unit-overspent", YUSUAN_SEVERITY_ERROR, 2, SCOPE_UNIT_FUND,
    { QUANTITY_EXPENDITURE, NO_ARG }, COMPARE_LE, { QUANTITY_REVENUE, NO_ARG }, NULL, YUSUAN_TARGET_UNIT,
    /* Translators: {scope} is a unit and a fund; {left} and {right} are amounts with their unit; keep the braces */
    N_("{scope}: expenditure {left} is above the revenue {right}") },
  { "balance-unit-unspent", YUSUAN_SEVERITY_WARNING, 2, SCOPE_UNIT_FUND,
    { QUANTITY_REVENUE, NO_ARG }, COMPARE_LE, { QUANTITY_EXPENDITURE, NO_ARG }, NULL, YUSUAN_TARGET_UNIT,
    /* Translators: {scope} is a unit and a fund; {left} and {right} are amounts with their unit; keep the braces */
    N_("{scope}: revenue {left} is above the expenditure {right}") },
  { "three-public-lines", YUSUAN_SEVERITY_WARNING, 8, SCOPE_THREE_PUBLIC_ITEM,
    { QUANTITY_THREE_PUBLIC_STATED_OR_ZERO, NO_ARG }, COMPARE_EQ, { QUANTITY_THREE_PUBLIC_LINES, NO_ARG }, NULL, YUSUAN_TARGET_THREE_PUBLIC,
    /* Translators: “三公”经费 of table 08 against the lines of its economic code; {scope} is the item
       (公务用车运行维护费 …), {left} the stated amount, {right} the lines' sum; amounts with their unit; keep the braces */
    N_("{scope} stated {left}, lines {right}") },

  /* The finance bureau's control numbers (控制数), once imported: the
   * second proposal (二上) stays within them. */
  { "control-numbers", YUSUAN_SEVERITY_ERROR, 3, SCOPE_FUND_SPENDING,
    { QUANTITY_SPENDING, NO_ARG }, COMPARE_LE, { QUANTITY_CONTROL_NUMBER, NO_ARG }, NULL, YUSUAN_TARGET_CONTROL_NUMBERS,
    /* Translators: {scope} is a fund and a kind of spending (一般公共预算 基本支出); {left} the budget's
       expenditure, {right} the bureau's control number (控制数); amounts with their unit; keep the braces */
    N_("{scope}: expenditure {left} is above the control number {right} set by the finance bureau") },
  { "control-numbers-unset", YUSUAN_SEVERITY_WARNING, 3, SCOPE_FUND_SPENDING,
    { QUANTITY_SPENDING, NO_ARG }, COMPARE_LE, { QUANTITY_CONTROL_NUMBER_UNSET, NO_ARG }, NULL, YUSUAN_TARGET_CONTROL_NUMBERS,
    /* Translators: {scope} is a fund and a kind of spending (政府性基金预算 项目支出); {left} the budget's
       expenditure; 控制数 are the finance bureau's control numbers; keep the braces */
    N_("{scope}: expenditure {left}, but the finance bureau set no control number for it") },

  /* Year on year: a change needs the department's explanation for the
   * explanatory text (情况说明). */
  { "year-on-year", YUSUAN_SEVERITY_WARNING, 0, SCOPE_TOTAL,
    { QUANTITY_REVENUE, NO_ARG }, COMPARE_EQ, { QUANTITY_PRIOR, YUSUAN_PRIOR_REVENUE_TOTAL }, "revenue-change", YUSUAN_TARGET_EXPLANATION,
    /* Translators: 收入总计; {left} this year, {right} last year; amounts with their unit; keep the braces */
    N_("The revenue total changed from {right} last year to {left} with no explanation of why") },
  { "year-on-year", YUSUAN_SEVERITY_WARNING, 0, SCOPE_TOTAL,
    { QUANTITY_THREE_PUBLIC_TOTAL, NO_ARG }, COMPARE_EQ, { QUANTITY_PRIOR_THREE_PUBLIC, NO_ARG }, "three-public-change", YUSUAN_TARGET_EXPLANATION,
    /* Translators: “三公”经费; {left} this year, {right} last year; amounts with their unit; keep the braces */
    N_("The “three public” expenses (“三公”经费) changed from {right} last year to {left} with no explanation of why") },
  { "year-on-year", YUSUAN_SEVERITY_WARNING, 0, SCOPE_THREE_PUBLIC_ITEM,
    { QUANTITY_THREE_PUBLIC_STATED, NO_ARG }, COMPARE_EQ, { QUANTITY_PRIOR_THREE_PUBLIC_ITEM, NO_ARG }, "{item}-change", YUSUAN_TARGET_EXPLANATION,
    /* Translators: {scope} is a “三公”经费 item (公务用车运行维护费 …); {left} this year, {right} last year; amounts with their unit; keep the braces */
    N_("{scope} changed from {right} last year to {left} with no explanation of why") },
  { "year-on-year", YUSUAN_SEVERITY_WARNING, 0, SCOPE_TOTAL,
    { QUANTITY_OPERATING_COSTS, NO_ARG }, COMPARE_EQ, { QUANTITY_PRIOR, YUSUAN_PRIOR_OPERATING_COSTS }, "operating-costs-change", YUSUAN_TARGET_EXPLANATION,
    /* Translators: 机关运行经费; {left} this year, {right} last year; amounts with their unit; keep the braces */
    N_("The operating costs (机关运行经费) changed from {right} last year to {left} with no explanation of why") },
};

/* The prior-year figures of the 三公 items, in YusuanThreePublic order. */
static const YusuanPriorKey prior_keys[YUSUAN_N_THREE_PUBLIC] = {
  YUSUAN_PRIOR_OUTBOUND_TRAVEL,
  YUSUAN_PRIOR_VEHICLE_PURCHASE,
  YUSUAN_PRIOR_VEHICLE_OPERATION,
  YUSUAN_PRIOR_OFFICIAL_RECEPTION,
};

/* One instance of a scope. */
typedef struct
{
  YusuanFund            fund;
  const UnitAggregate  *unit;
  YusuanThreePublic     item;
  YusuanSpendingKind    spending;
} ScopeInstance;

static void
unit_aggregate_free (gpointer data)
{
  UnitAggregate *unit = data;

  g_free (unit->code);
  g_clear_pointer (&unit->findings, g_ptr_array_unref);
  g_free (unit);
}

static void
findings_unref (gpointer data)
{
  g_ptr_array_unref (data);
}

static CheckerState *
checker_state_new (void)
{
  CheckerState *state = g_new0 (CheckerState, 1);

  state->lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  state->revenues = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  state->project_codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  state->project_totals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  state->code_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, unit_aggregate_free);
  state->unit_codes = g_hash_table_new (g_str_hash, g_str_equal);
  state->line_findings = g_hash_table_new_full (NULL, NULL, NULL, findings_unref);
  state->revenue_findings = g_hash_table_new_full (NULL, NULL, NULL, findings_unref);
  state->project_findings = g_hash_table_new_full (NULL, NULL, NULL, findings_unref);
  state->duplicate_findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, findings_unref);
  state->department_findings = yusuan_findings_new ();
  state->global_findings = yusuan_findings_new ();
  state->sorted = g_ptr_array_new ();

  return state;
}

static void
checker_state_free (CheckerState *state)
{
  if (state == NULL)
    return;

  g_hash_table_unref (state->lines);
  g_hash_table_unref (state->revenues);
  g_hash_table_unref (state->project_codes);
  g_hash_table_unref (state->project_totals);
  g_hash_table_unref (state->code_counts);
  g_hash_table_unref (state->units);
  g_hash_table_unref (state->unit_codes);
  g_hash_table_unref (state->line_findings);
  g_hash_table_unref (state->revenue_findings);
  g_hash_table_unref (state->project_findings);
  g_hash_table_unref (state->duplicate_findings);
  g_ptr_array_unref (state->department_findings);
  g_ptr_array_unref (state->global_findings);
  g_ptr_array_unref (state->sorted);
  g_free (state);
}

/* Helpers */

static void
get_context (YusuanChecker      *self,
             YusuanRulesContext *ctx)
{
  ctx->document = self->document;
  ctx->catalog = self->catalog;
  ctx->fiscal_year = yusuan_document_get_fiscal_year (self->document);
  ctx->units = self->state->unit_codes;
}

static void
choose_catalog (YusuanChecker *self)
{
  if (self->catalog_fixed)
    return;

  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  self->catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (self->document));
}

static int
compare_findings_indirect (gconstpointer a,
                           gconstpointer b)
{
  return yusuan_finding_compare (*(YusuanFinding *const *) a, *(YusuanFinding *const *) b);
}

/* The first position in the sorted list whose finding is not before
 * @finding (@after: is after it). */
static guint
sorted_bound (GPtrArray           *sorted,
              const YusuanFinding *finding,
              gboolean             after)
{
  guint lo = 0;
  guint hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int r = yusuan_finding_compare (g_ptr_array_index (sorted, mid), finding);

      if (r < 0 || (after && r == 0))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
count_severity (CheckerState        *state,
                const YusuanFinding *finding,
                int                  delta)
{
  if (finding->severity == YUSUAN_SEVERITY_ERROR)
    state->n_errors += delta;
  else if (finding->severity == YUSUAN_SEVERITY_WARNING)
    state->n_warnings += delta;
}

/* Keeps the sorted list in step when the findings of one bucket go from
 * @old to @new (either NULL), before @old is freed: a keystroke moves a few
 * findings, never sorts them all. */
static void
findings_replaced (YusuanChecker *self,
                   GPtrArray     *old,
                   GPtrArray     *new)
{
  CheckerState *state = self->state;

  self->dirty = TRUE;
  if (self->bulk)
    return;

  for (guint i = 0; old != NULL && i < old->len; i++)
    {
      const YusuanFinding *finding = g_ptr_array_index (old, i);
      guint pos = sorted_bound (state->sorted, finding, FALSE);

      while (pos < state->sorted->len && g_ptr_array_index (state->sorted, pos) != finding)
        pos++;
      g_assert (pos < state->sorted->len);
      g_ptr_array_remove_index (state->sorted, pos);
      count_severity (state, finding, -1);
    }

  for (guint i = 0; new != NULL && i < new->len; i++)
    {
      YusuanFinding *finding = g_ptr_array_index (new, i);

      g_ptr_array_insert (state->sorted, sorted_bound (state->sorted, finding, TRUE), finding);
      count_severity (state, finding, +1);
    }
}

/* Puts @findings (taken; NULL or empty for none) in the slot of @key,
 * noting whether anything changed. */
static void
replace_findings (YusuanChecker *self,
                  GHashTable    *table,
                  gpointer       key,
                  GPtrArray     *findings)
{
  GPtrArray *old = g_hash_table_lookup (table, key);

  if (yusuan_findings_equal (old, findings))
    {
      g_clear_pointer (&findings, g_ptr_array_unref);
      return;
    }

  findings_replaced (self, old, findings);

  if (findings != NULL && findings->len > 0)
    g_hash_table_replace (table, key, findings);
  else
    {
      g_hash_table_remove (table, key);
      g_clear_pointer (&findings, g_ptr_array_unref);
    }
}

static void
swap_findings (YusuanChecker  *self,
               GPtrArray     **slot,
               GPtrArray      *findings)
{
  if (yusuan_findings_equal (*slot, findings))
    {
      g_ptr_array_unref (findings);
      return;
    }

  findings_replaced (self, *slot, findings);
  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = findings;
}

static UnitAggregate *
lookup_unit (CheckerState *state,
             const char   *code,
             gboolean      create)
{
  UnitAggregate *unit = g_hash_table_lookup (state->units, code);

  if (unit == NULL && create)
    {
      unit = g_new0 (UnitAggregate, 1);
      unit->code = g_strdup (code);
      g_hash_table_insert (state->units, unit->code, unit);
    }

  return unit;
}

static const YusuanUnit *
find_unit (YusuanChecker *self,
           const char    *code)
{
  return g_hash_table_lookup (self->state->unit_codes, code);
}

/* Aggregates */

static void
count_line (CheckerState     *state,
            const LineRecord *record,
            int               sign)
{
  UnitAggregate *unit = lookup_unit (state, record->unit, TRUE);
  YusuanAmount delta = sign * record->amount;

  state->expenditure[record->fund] += delta;
  state->spending[yusuan_control_number_index (record->fund, record->project_id != 0
                                                             ? YUSUAN_SPENDING_PROJECT
                                                             : YUSUAN_SPENDING_BASIC)] += delta;
  unit->expenditure[record->fund] += delta;
  if (record->three_public >= 0)
    state->three_public_lines[record->three_public] += delta;
  if (record->operating)
    state->operating_costs += delta;

  if (record->project_id != 0)
    {
      YusuanAmount *total = g_hash_table_lookup (state->project_totals, GUINT_TO_POINTER (record->project_id));

      if (total == NULL)
        {
          total = g_new0 (YusuanAmount, 1);
          g_hash_table_insert (state->project_totals, GUINT_TO_POINTER (record->project_id), total);
        }
      *total += delta;
    }
}

/* Brings what @line_id counts in step with @line (NULL: the line is gone).
 * Returns the record as it was counted before, in @old (if any). */
static gboolean
sync_line (CheckerState     *state,
           guint             line_id,
           const YusuanLine *line,
           LineRecord       *old)
{
  LineRecord *record = g_hash_table_lookup (state->lines, GUINT_TO_POINTER (line_id));
  gboolean had = record != NULL;

  if (record != NULL)
    {
      count_line (state, record, -1);
      if (old != NULL)
        *old = *record;
    }

  if (line == NULL)
    {
      g_hash_table_remove (state->lines, GUINT_TO_POINTER (line_id));
      return had;
    }

  if (record == NULL)
    {
      record = g_new0 (LineRecord, 1);
      g_hash_table_insert (state->lines, GUINT_TO_POINTER (line_id), record);
    }

  g_strlcpy (record->unit, line->unit, sizeof record->unit);
  record->fund = line->fund < YUSUAN_N_FUNDS ? line->fund : YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  record->amount = line->amount;
  record->project_id = line->project_id;
  record->three_public = yusuan_figures_line_three_public_item (line);
  record->operating = yusuan_figures_line_is_operating_cost (line);
  count_line (state, record, +1);

  return had;
}

static void
count_revenue (CheckerState        *state,
               const RevenueRecord *record,
               int                  sign)
{
  UnitAggregate *unit = lookup_unit (state, record->unit, TRUE);
  YusuanAmount delta = sign * record->amount;

  state->revenue[record->source] += delta;
  unit->revenue[record->source] += delta;
}

static gboolean
sync_revenue (CheckerState        *state,
              guint                revenue_id,
              const YusuanRevenue *revenue,
              RevenueRecord       *old)
{
  RevenueRecord *record = g_hash_table_lookup (state->revenues, GUINT_TO_POINTER (revenue_id));
  gboolean had = record != NULL;

  if (record != NULL)
    {
      count_revenue (state, record, -1);
      if (old != NULL)
        *old = *record;
    }

  if (revenue == NULL)
    {
      g_hash_table_remove (state->revenues, GUINT_TO_POINTER (revenue_id));
      return had;
    }

  if (record == NULL)
    {
      record = g_new0 (RevenueRecord, 1);
      g_hash_table_insert (state->revenues, GUINT_TO_POINTER (revenue_id), record);
    }

  g_strlcpy (record->unit, revenue->unit, sizeof record->unit);
  record->source = revenue->source < YUSUAN_N_FUNDS ? revenue->source : YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  record->amount = revenue->amount;
  count_revenue (state, record, +1);

  return had;
}

/* Comparison rules */

static gboolean
get_quantity (YusuanChecker       *self,
              const Quantity      *quantity,
              const ScopeInstance *instance,
              RuleScope            scope,
              YusuanAmount        *out)
{
  CheckerState *state = self->state;
  YusuanAmount sum = 0;

  switch (quantity->kind)
    {
    case QUANTITY_REVENUE:
    case QUANTITY_EXPENDITURE:
      {
        gboolean revenue = quantity->kind == QUANTITY_REVENUE;

        if (scope == SCOPE_FUND)
          *out = revenue ? state->revenue[instance->fund] : state->expenditure[instance->fund];
        else if (scope == SCOPE_UNIT_FUND)
          *out = revenue ? instance->unit->revenue[instance->fund] : instance->unit->expenditure[instance->fund];
        else
          {
            for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
              sum += revenue ? state->revenue[fund] : state->expenditure[fund];
            *out = sum;
          }
        return TRUE;
      }

    case QUANTITY_THREE_PUBLIC_STATED:
    case QUANTITY_THREE_PUBLIC_STATED_OR_ZERO:
      /* Nothing stated is no figure to compare with last year's, but lines
       * of those codes still differ from the nothing table 08 shows. */
      if (!yusuan_document_has_three_public (self->document))
        {
          *out = 0;
          return quantity->kind == QUANTITY_THREE_PUBLIC_STATED_OR_ZERO;
        }
      *out = yusuan_document_get_three_public (self->document, instance->item);
      return TRUE;

    case QUANTITY_THREE_PUBLIC_LINES:
      *out = state->three_public_lines[instance->item];
      return TRUE;

    case QUANTITY_THREE_PUBLIC_TOTAL:
      if (!yusuan_document_has_three_public (self->document))
        return FALSE;
      for (int item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
        sum += yusuan_document_get_three_public (self->document, item);
      *out = sum;
      return TRUE;

    case QUANTITY_OPERATING_COSTS:
      *out = state->operating_costs;
      return TRUE;

    case QUANTITY_PRIOR:
      return yusuan_document_has_prior_year (self->document)
             && yusuan_document_get_prior_figure (self->document, quantity->arg, out);

    case QUANTITY_PRIOR_THREE_PUBLIC:
      if (!yusuan_document_has_prior_year (self->document))
        return FALSE;
      for (int item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
        {
          YusuanAmount amount;

          if (!yusuan_document_get_prior_figure (self->document, prior_keys[item], &amount))
            return FALSE;
          sum += amount;
        }
      *out = sum;
      return TRUE;

    case QUANTITY_PRIOR_THREE_PUBLIC_ITEM:
      return yusuan_document_has_prior_year (self->document)
             && yusuan_document_get_prior_figure (self->document, prior_keys[instance->item], out);

    case QUANTITY_SPENDING:
      *out = state->spending[yusuan_control_number_index (instance->fund, instance->spending)];
      return TRUE;

    case QUANTITY_CONTROL_NUMBER:
      return yusuan_document_get_control_number (self->document, instance->fund, instance->spending, out);

    case QUANTITY_CONTROL_NUMBER_UNSET:
      if (!yusuan_document_lacks_control_number (self->document, instance->fund, instance->spending))
        return FALSE;
      *out = 0;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static char *
rule_topic (const ComparisonRule *rule,
            const ScopeInstance  *instance)
{
  static const char *const names[] = { "item", NULL };
  const char *values[] = { NULL };

  if (rule->scope == SCOPE_THREE_PUBLIC_ITEM)
    values[0] = yusuan_three_public_to_token (instance->item);

  return yusuan_rules_expand (rule->topic, names, values);
}

static char *
scope_subject (const ComparisonRule *rule,
               const ScopeInstance  *instance)
{
  /* A finding that an explanation would answer is about its topic. */
  if (rule->topic != NULL)
    return rule_topic (rule, instance);

  switch (rule->scope)
    {
    case SCOPE_TOTAL:
      return g_strdup ("total");
    case SCOPE_FUND:
      return g_strdup (yusuan_fund_to_token (instance->fund));
    case SCOPE_UNIT_FUND:
      return g_strdup_printf ("%s/%s", instance->unit->code, yusuan_fund_to_token (instance->fund));
    case SCOPE_THREE_PUBLIC_ITEM:
      return g_strdup (yusuan_three_public_to_token (instance->item));
    case SCOPE_FUND_SPENDING:
      return g_strdup_printf ("%s/%s", yusuan_fund_to_token (instance->fund),
                              yusuan_spending_kind_to_token (instance->spending));
    default:
      g_assert_not_reached ();
    }
}

static char *
scope_label (YusuanChecker        *self,
             const ComparisonRule *rule,
             const ScopeInstance  *instance)
{
  switch (rule->scope)
    {
    case SCOPE_TOTAL:
      return g_strdup ("");
    case SCOPE_FUND:
      return g_strdup (yusuan_fund_label (instance->fund));
    case SCOPE_UNIT_FUND:
      {
        const YusuanUnit *unit = find_unit (self, instance->unit->code);

        if (unit != NULL && unit->name != NULL)
          /* Translators: a unit's code and name, then a fund (一般公共预算 …) */
          return g_strdup_printf (_("%s %s, %s"), unit->code, unit->name, yusuan_fund_label (instance->fund));
        /* Translators: a unit's code, then a fund (一般公共预算 …) */
        return g_strdup_printf (_("%s, %s"), instance->unit->code, yusuan_fund_label (instance->fund));
      }
    case SCOPE_THREE_PUBLIC_ITEM:
      return g_strdup (yusuan_three_public_label (instance->item));
    case SCOPE_FUND_SPENDING:
      return yusuan_fund_spending_label (instance->fund, instance->spending);
    default:
      g_assert_not_reached ();
    }
}

/* Two amounts that differ, in 万元, or in 元 when 万元 rounds them alike. */
static void
format_pair (YusuanAmount   left,
             YusuanAmount   right,
             char         **left_text,
             char         **right_text)
{
  g_autofree char *left_wan = yusuan_rules_format_wan (left);
  g_autofree char *right_wan = yusuan_rules_format_wan (right);

  if (strcmp (left_wan, right_wan) != 0)
    {
      /* Translators: an amount in 万元 (ten thousand yuan) */
      *left_text = g_strdup_printf (_("%s 万元"), left_wan);
      *right_text = g_strdup_printf (_("%s 万元"), right_wan);
    }
  else
    {
      g_autofree char *left_yuan = yusuan_amount_format (left, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
      g_autofree char *right_yuan = yusuan_amount_format (right, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_GROUPED);

      /* Translators: an amount in 元 (yuan) */
      *left_text = g_strdup_printf (_("%s 元"), left_yuan);
      *right_text = g_strdup_printf (_("%s 元"), right_yuan);
    }
}

static void
evaluate_rule (YusuanChecker        *self,
               const ComparisonRule *rule,
               const ScopeInstance  *instance,
               GPtrArray            *out)
{
  YusuanAmount left;
  YusuanAmount right;
  gboolean holds;
  static const char *const names[] = { "scope", "left", "right", NULL };
  g_autofree char *scope = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *right_text = NULL;
  const char *values[3];
  guint target_id = 0;
  guint project_id = 0;

  if (!get_quantity (self, &rule->left, instance, rule->scope, &left)
      || !get_quantity (self, &rule->right, instance, rule->scope, &right))
    return;

  holds = rule->comparison == COMPARE_EQ ? left == right : left <= right;
  if (holds)
    return;

  if (rule->topic != NULL)
    {
      g_autofree char *topic = rule_topic (rule, instance);

      if (!yusuan_rules_is_blank (yusuan_document_find_explanation (self->document, topic)))
        return;
    }

  scope = scope_label (self, rule, instance);
  format_pair (left, right, &left_text, &right_text);
  values[0] = scope;
  values[1] = left_text;
  values[2] = right_text;

  if (rule->scope == SCOPE_THREE_PUBLIC_ITEM)
    target_id = instance->item;
  else if (rule->scope == SCOPE_FUND_SPENDING)
    {
      target_id = instance->fund;
      project_id = instance->spending;
    }
  else if (rule->scope == SCOPE_UNIT_FUND)
    {
      const YusuanUnit *unit = find_unit (self, instance->unit->code);

      target_id = unit != NULL ? unit->id : 0;
    }

  g_ptr_array_add (out, yusuan_finding_new (rule->severity, rule->id, rule->table,
                                            scope_subject (rule, instance),
                                            yusuan_rules_expand (_(rule->message), names, values),
                                            rule->target_kind, target_id, project_id));
}

static void
evaluate_unit (YusuanChecker *self,
               UnitAggregate *unit)
{
  GPtrArray *findings = yusuan_findings_new ();

  for (guint r = 0; r < G_N_ELEMENTS (comparison_rules); r++)
    {
      const ComparisonRule *rule = &comparison_rules[r];

      if (rule->scope != SCOPE_UNIT_FUND)
        continue;

      for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
        {
          ScopeInstance instance = { .fund = fund, .unit = unit };

          evaluate_rule (self, rule, &instance, findings);
        }
    }

  g_ptr_array_sort (findings, (GCompareFunc) yusuan_finding_compare);
  swap_findings (self, &unit->findings, findings);
}

static void
evaluate_global (YusuanChecker *self)
{
  GPtrArray *findings = yusuan_findings_new ();

  for (guint r = 0; r < G_N_ELEMENTS (comparison_rules); r++)
    {
      const ComparisonRule *rule = &comparison_rules[r];
      ScopeInstance instance = { 0 };

      switch (rule->scope)
        {
        case SCOPE_TOTAL:
          evaluate_rule (self, rule, &instance, findings);
          break;
        case SCOPE_FUND:
          for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
            {
              instance.fund = fund;
              evaluate_rule (self, rule, &instance, findings);
            }
          break;
        case SCOPE_THREE_PUBLIC_ITEM:
          for (int item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
            {
              instance.item = item;
              evaluate_rule (self, rule, &instance, findings);
            }
          break;
        case SCOPE_FUND_SPENDING:
          for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
            for (int kind = 0; kind < YUSUAN_N_SPENDING_KINDS; kind++)
              {
                instance.fund = fund;
                instance.spending = kind;
                evaluate_rule (self, rule, &instance, findings);
              }
          break;
        case SCOPE_UNIT_FUND:
          break;
        default:
          g_assert_not_reached ();
        }
    }

  swap_findings (self, &self->state->global_findings, findings);
}

/* Entity rules */

static void
recheck_line (YusuanChecker    *self,
              guint             line_id,
              const YusuanLine *line)
{
  YusuanRulesContext ctx;
  GPtrArray *findings = NULL;

  if (line != NULL)
    {
      get_context (self, &ctx);
      findings = yusuan_findings_new ();
      yusuan_rules_check_line (&ctx, line, findings);
    }

  replace_findings (self, self->state->line_findings, GUINT_TO_POINTER (line_id), findings);
}

static void
recheck_revenue (YusuanChecker       *self,
                 guint                revenue_id,
                 const YusuanRevenue *revenue)
{
  YusuanRulesContext ctx;
  GPtrArray *findings = NULL;

  if (revenue != NULL)
    {
      get_context (self, &ctx);
      findings = yusuan_findings_new ();
      yusuan_rules_check_revenue (&ctx, revenue, findings);
    }

  replace_findings (self, self->state->revenue_findings, GUINT_TO_POINTER (revenue_id), findings);
}

static void
recheck_project (YusuanChecker *self,
                 guint          project_id)
{
  const YusuanProject *project = yusuan_document_lookup_project (self->document, project_id);
  YusuanRulesContext ctx;
  GPtrArray *findings = NULL;

  if (project != NULL)
    {
      const YusuanAmount *total = g_hash_table_lookup (self->state->project_totals, GUINT_TO_POINTER (project_id));

      get_context (self, &ctx);
      findings = yusuan_findings_new ();
      yusuan_rules_check_project (&ctx, project, total != NULL ? *total : 0, findings);
    }

  replace_findings (self, self->state->project_findings, GUINT_TO_POINTER (project_id), findings);
}

static void
recheck_department (YusuanChecker *self)
{
  YusuanRulesContext ctx;
  GPtrArray *findings = yusuan_findings_new ();

  get_context (self, &ctx);
  yusuan_rules_check_department_indicators (&ctx, findings);
  swap_findings (self, &self->state->department_findings, findings);
}

static void
recheck_duplicate (YusuanChecker *self,
                   const char    *code)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->state->code_counts, code));
  GPtrArray *findings = NULL;

  if (count > 1)
    {
      const YusuanProject *project = yusuan_document_find_project (self->document, code);

      findings = yusuan_findings_new ();
      g_ptr_array_add (findings,
                       yusuan_finding_new (YUSUAN_SEVERITY_ERROR, "project-duplicate-code", 10,
                                           g_strdup (code),
                                           /* Translators: 项目编码; %s is the code, %u how many projects use it */
                                           g_strdup_printf (_("Project code %s is used by %u projects: each project needs its own code"),
                                                            code, count),
                                           YUSUAN_TARGET_PROJECT,
                                           project != NULL ? project->id : 0,
                                           project != NULL ? project->id : 0));
    }

  if (findings == NULL && !g_hash_table_contains (self->state->duplicate_findings, code))
    return;

  if (findings != NULL && yusuan_findings_equal (g_hash_table_lookup (self->state->duplicate_findings, code), findings))
    {
      g_ptr_array_unref (findings);
      return;
    }

  findings_replaced (self, g_hash_table_lookup (self->state->duplicate_findings, code), findings);
  if (findings != NULL)
    g_hash_table_replace (self->state->duplicate_findings, g_strdup (code), findings);
  else
    g_hash_table_remove (self->state->duplicate_findings, code);
}

static void
count_code (CheckerState *state,
            const char   *code,
            int           delta)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (state->code_counts, code));

  count += delta;
  if (count == 0)
    g_hash_table_remove (state->code_counts, code);
  else
    g_hash_table_replace (state->code_counts, g_strdup (code), GUINT_TO_POINTER (count));
}

/* Brings the code counted for @project_id in step with @project (NULL: gone). */
static void
sync_project_code (YusuanChecker       *self,
                   guint                project_id,
                   const YusuanProject *project)
{
  CheckerState *state = self->state;
  const char *old_code = g_hash_table_lookup (state->project_codes, GUINT_TO_POINTER (project_id));
  const char *new_code = project != NULL && project->code != NULL ? project->code : NULL;
  g_autofree char *old_copy = g_strdup (old_code);

  if (g_strcmp0 (old_code, new_code) == 0)
    return;

  if (old_copy != NULL)
    {
      count_code (state, old_copy, -1);
      g_hash_table_remove (state->project_codes, GUINT_TO_POINTER (project_id));
    }
  if (new_code != NULL)
    {
      count_code (state, new_code, +1);
      g_hash_table_insert (state->project_codes, GUINT_TO_POINTER (project_id), g_strdup (new_code));
    }

  if (old_copy != NULL)
    recheck_duplicate (self, old_copy);
  if (new_code != NULL)
    recheck_duplicate (self, new_code);
}

/* The list */

static void
collect_table (GHashTable *table,
               GPtrArray  *out)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_extend (out, value, NULL, NULL);
}

static void
rebuild_sorted (CheckerState *state)
{
  GHashTableIter iter;
  gpointer value;

  g_ptr_array_set_size (state->sorted, 0);
  collect_table (state->line_findings, state->sorted);
  collect_table (state->revenue_findings, state->sorted);
  collect_table (state->project_findings, state->sorted);
  collect_table (state->duplicate_findings, state->sorted);
  g_ptr_array_extend (state->sorted, state->department_findings, NULL, NULL);
  g_ptr_array_extend (state->sorted, state->global_findings, NULL, NULL);

  g_hash_table_iter_init (&iter, state->units);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      UnitAggregate *unit = value;

      if (unit->findings != NULL)
        g_ptr_array_extend (state->sorted, unit->findings, NULL, NULL);
    }

  g_ptr_array_sort (state->sorted, compare_findings_indirect);

  state->n_errors = 0;
  state->n_warnings = 0;
  for (guint i = 0; i < state->sorted->len; i++)
    count_severity (state, g_ptr_array_index (state->sorted, i), +1);
}

/* Full recompute */

typedef struct
{
  YusuanChecker *self;
  YusuanRulesContext ctx;
  GPtrArray *findings;  /* reused until a line has findings */
} ForeachData;

static void
recompute_line_cb (const YusuanLine *line,
                   gpointer          user_data)
{
  ForeachData *data = user_data;
  CheckerState *state = data->self->state;

  sync_line (state, line->id, line, NULL);

  if (data->findings == NULL)
    data->findings = yusuan_findings_new ();
  yusuan_rules_check_line (&data->ctx, line, data->findings);
  if (data->findings->len > 0)
    g_hash_table_insert (state->line_findings, GUINT_TO_POINTER (line->id), g_steal_pointer (&data->findings));
}

static void
recompute (YusuanChecker *self)
{
  CheckerState *old = self->state;
  CheckerState *state = checker_state_new ();
  ForeachData data = { self };
  GHashTableIter iter;
  gpointer value;
  guint n;

  self->fiscal_year = yusuan_document_get_fiscal_year (self->document);
  choose_catalog (self);
  self->state = state;
  self->bulk = TRUE;

  n = yusuan_document_get_n_units (self->document);
  for (guint i = 0; i < n; i++)
    {
      const YusuanUnit *unit = yusuan_document_get_unit (self->document, i);

      g_hash_table_insert (state->unit_codes, unit->code, (gpointer) unit);
    }

  get_context (self, &data.ctx);

  yusuan_document_foreach_line (self->document, recompute_line_cb, &data);
  g_clear_pointer (&data.findings, g_ptr_array_unref);

  n = yusuan_document_get_n_revenues (self->document);
  for (guint i = 0; i < n; i++)
    {
      const YusuanRevenue *revenue = yusuan_document_get_revenue (self->document, i);

      sync_revenue (state, revenue->id, revenue, NULL);
      recheck_revenue (self, revenue->id, revenue);
    }

  n = yusuan_document_get_n_projects (self->document);
  for (guint i = 0; i < n; i++)
    {
      const YusuanProject *project = yusuan_document_get_project (self->document, i);

      sync_project_code (self, project->id, project);
      recheck_project (self, project->id);
    }

  recheck_department (self);

  g_hash_table_iter_init (&iter, state->units);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    evaluate_unit (self, value);

  evaluate_global (self);
  self->bulk = FALSE;
  rebuild_sorted (state);

  self->dirty = old == NULL || !yusuan_findings_equal (old->sorted, state->sorted);
  checker_state_free (old);
}

/* Incremental */

static void
line_changed (YusuanChecker      *self,
              const YusuanChange *change)
{
  const YusuanLine *line = change->kind == YUSUAN_CHANGE_LINE_REMOVED ? NULL : change->line;
  guint line_id = change->line->id;
  LineRecord old;
  gboolean had;
  UnitAggregate *unit;

  had = sync_line (self->state, line_id, line, &old);
  recheck_line (self, line_id, line);

  if (had)
    {
      if ((unit = lookup_unit (self->state, old.unit, FALSE)) != NULL)
        evaluate_unit (self, unit);
      if (old.project_id != 0 && (line == NULL || line->project_id != old.project_id))
        recheck_project (self, old.project_id);
    }

  if (line != NULL)
    {
      if ((!had || strcmp (old.unit, line->unit) != 0)
          && (unit = lookup_unit (self->state, line->unit, FALSE)) != NULL)
        evaluate_unit (self, unit);
      if (line->project_id != 0)
        recheck_project (self, line->project_id);
    }
}

static void
revenue_changed (YusuanChecker      *self,
                 const YusuanChange *change)
{
  const YusuanRevenue *revenue = change->kind == YUSUAN_CHANGE_REVENUE_REMOVED ? NULL : change->revenue;
  guint revenue_id = change->revenue->id;
  RevenueRecord old;
  gboolean had;
  UnitAggregate *unit;

  had = sync_revenue (self->state, revenue_id, revenue, &old);
  recheck_revenue (self, revenue_id, revenue);

  if (had && (unit = lookup_unit (self->state, old.unit, FALSE)) != NULL)
    evaluate_unit (self, unit);
  if (revenue != NULL && (!had || strcmp (old.unit, revenue->unit) != 0)
      && (unit = lookup_unit (self->state, revenue->unit, FALSE)) != NULL)
    evaluate_unit (self, unit);
}

static void
project_changed (YusuanChecker      *self,
                 const YusuanChange *change)
{
  const YusuanProject *project = change->project;
  gboolean removed = change->kind == YUSUAN_CHANGE_PROJECT_REMOVED;

  sync_project_code (self, project->id, removed ? NULL : project);

  if (removed)
    {
      /* Its lines went before it, each taking its amount from the total. */
      g_hash_table_remove (self->state->project_totals, GUINT_TO_POINTER (project->id));
      replace_findings (self, self->state->project_findings, GUINT_TO_POINTER (project->id), NULL);
      return;
    }

  if (project->lines != NULL)
    {
      /* A new unit moves the project's lines: the document keeps their unit
       * in step, and the records tell what was counted where. */
      for (guint i = 0; i < project->lines->len; i++)
        {
          const YusuanLine *line = g_ptr_array_index (project->lines, i);
          LineRecord *record = g_hash_table_lookup (self->state->lines, GUINT_TO_POINTER (line->id));

          if (record != NULL && strcmp (record->unit, line->unit) != 0)
            {
              YusuanChange line_change = { .kind = YUSUAN_CHANGE_LINE_CHANGED, .line = line, .project = project };

              line_changed (self, &line_change);
            }
          else if (g_hash_table_contains (self->state->line_findings, GUINT_TO_POINTER (line->id)))
            {
              /* Its findings name the project's code. */
              recheck_line (self, line->id, line);
            }
        }
    }

  recheck_project (self, project->id);
}

static void
document_changed_cb (YusuanDocument     *document,
                     const YusuanChange *change,
                     gpointer            user_data)
{
  YusuanChecker *self = user_data;

  self->dirty = FALSE;

  /* Of the header only the year matters: it picks the catalogue and the
   * messages name it.  The department's name or stage changes no finding. */
  if (change->kind == YUSUAN_CHANGE_HEADER
      && yusuan_document_get_fiscal_year (document) == self->fiscal_year)
    return;

  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_HEADER:
    case YUSUAN_CHANGE_UNIT_ADDED:
    case YUSUAN_CHANGE_UNIT_REMOVED:
    case YUSUAN_CHANGE_UNIT_CHANGED:
      /* The year picks the catalogue, and units are what every line, revenue
       * and project is checked against: rare edits, checked afresh. */
      recompute (self);
      if (self->dirty)
        g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;

    case YUSUAN_CHANGE_REVENUE_ADDED:
    case YUSUAN_CHANGE_REVENUE_REMOVED:
    case YUSUAN_CHANGE_REVENUE_CHANGED:
      revenue_changed (self, change);
      break;

    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
    case YUSUAN_CHANGE_LINE_CHANGED:
      line_changed (self, change);
      break;

    case YUSUAN_CHANGE_PROJECT_ADDED:
    case YUSUAN_CHANGE_PROJECT_REMOVED:
    case YUSUAN_CHANGE_PROJECT_CHANGED:
      project_changed (self, change);
      break;

    case YUSUAN_CHANGE_INDICATORS:
      if (change->project != NULL)
        recheck_project (self, change->project->id);
      else
        recheck_department (self);
      break;

    case YUSUAN_CHANGE_PERFORMANCE:
      recheck_department (self);
      break;

    case YUSUAN_CHANGE_THREE_PUBLIC:
    case YUSUAN_CHANGE_EXPLANATIONS:
    case YUSUAN_CHANGE_PRIOR_YEAR:
    case YUSUAN_CHANGE_PROCUREMENT:
    case YUSUAN_CHANGE_ASSETS:
    default:
      break;
    }

  /* The comparison rules are a few dozen comparisons of aggregates. */
  evaluate_global (self);

  if (self->dirty)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Overrides */

static void
yusuan_checker_dispose (GObject *object)
{
  YusuanChecker *self = YUSUAN_CHECKER (object);

  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (yusuan_checker_parent_class)->dispose (object);
}

static void
yusuan_checker_finalize (GObject *object)
{
  YusuanChecker *self = YUSUAN_CHECKER (object);

  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  g_clear_pointer (&self->state, checker_state_free);

  G_OBJECT_CLASS (yusuan_checker_parent_class)->finalize (object);
}

static void
yusuan_checker_class_init (YusuanCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yusuan_checker_dispose;
  object_class->finalize = yusuan_checker_finalize;

  /**
   * YusuanChecker::changed:
   *
   * The set of findings changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
yusuan_checker_init (YusuanChecker *self)
{
}

/* Public API */

const char *
yusuan_severity_to_token (YusuanSeverity severity)
{
  switch (severity)
    {
    case YUSUAN_SEVERITY_ERROR:
      return "error";
    case YUSUAN_SEVERITY_WARNING:
      return "warning";
    case YUSUAN_SEVERITY_INFO:
      return "info";
    default:
      g_return_val_if_reached ("error");
    }
}

YusuanChecker *
yusuan_checker_new (YusuanDocument *document,
                    YusuanCatalog  *catalog)
{
  YusuanChecker *self;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);

  self = g_object_new (YUSUAN_TYPE_CHECKER, NULL);
  self->document = g_object_ref (document);
  if (catalog != NULL)
    {
      self->catalog = yusuan_catalog_ref (catalog);
      self->catalog_fixed = TRUE;
    }

  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
  recompute (self);
  self->dirty = FALSE;

  return self;
}

guint
yusuan_checker_get_n_findings (YusuanChecker *self)
{
  g_return_val_if_fail (YUSUAN_IS_CHECKER (self), 0);

  return self->state->sorted->len;
}

const YusuanFinding *
yusuan_checker_get_finding (YusuanChecker *self,
                            guint          index)
{
  g_return_val_if_fail (YUSUAN_IS_CHECKER (self), NULL);
  g_return_val_if_fail (index < self->state->sorted->len, NULL);

  return g_ptr_array_index (self->state->sorted, index);
}

guint
yusuan_checker_get_n_errors (YusuanChecker *self)
{
  g_return_val_if_fail (YUSUAN_IS_CHECKER (self), 0);

  return self->state->n_errors;
}

guint
yusuan_checker_get_n_warnings (YusuanChecker *self)
{
  g_return_val_if_fail (YUSUAN_IS_CHECKER (self), 0);

  return self->state->n_warnings;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }

  g_string_append_c (out, '"');
}

char *
yusuan_checker_to_json (YusuanChecker *self)
{
  GString *out;

  g_return_val_if_fail (YUSUAN_IS_CHECKER (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"errors\": %u, \"warnings\": %u, \"findings\": [",
                          self->state->n_errors, self->state->n_warnings);

  for (guint i = 0; i < self->state->sorted->len; i++)
    {
      const YusuanFinding *finding = g_ptr_array_index (self->state->sorted, i);

      g_string_append (out, i == 0 ? "\n  " : ",\n  ");
      g_string_append (out, "{\"severity\": ");
      append_json_string (out, yusuan_severity_to_token (finding->severity));
      g_string_append (out, ", \"rule\": ");
      append_json_string (out, finding->rule);
      if (finding->table != 0)
        g_string_append_printf (out, ", \"table\": \"%02u\"", finding->table);
      else
        g_string_append (out, ", \"table\": null");
      g_string_append (out, ", \"subject\": ");
      append_json_string (out, finding->subject);
      g_string_append (out, ", \"message\": ");
      append_json_string (out, finding->message);
      g_string_append_c (out, '}');
    }

  g_string_append (out, self->state->sorted->len > 0 ? "\n]}\n" : "]}\n");

  return g_string_free (out, FALSE);
}

/* One finding a line, whatever a name typed by a user holds. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (out, (guchar) *p < 0x20 || *p == 0x7f ? ' ' : *p);
}

char *
yusuan_checker_to_text (YusuanChecker *self)
{
  GString *out;

  g_return_val_if_fail (YUSUAN_IS_CHECKER (self), NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < self->state->sorted->len; i++)
    {
      const YusuanFinding *finding = g_ptr_array_index (self->state->sorted, i);

      g_string_append_printf (out, "%s [%s] ", yusuan_severity_to_token (finding->severity), finding->rule);
      if (finding->table != 0)
        {
          /* Translators: the official name of a table, 预算01表 … 预算12表 */
          g_string_append_printf (out, _("预算%02u表"), finding->table);
          g_string_append_c (out, ' ');
        }
      append_one_line (out, finding->subject);
      g_string_append (out, ": ");
      append_one_line (out, finding->message);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
