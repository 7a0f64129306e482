/* yusuan-table-layout.c - the twelve tables: headers, rows, and what each line adds to which cell
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-figures.h"
#include "yusuan-table-private.h"

/* Leaf columns of each table, in header order. */
enum { T01_ITEM, T01_AMOUNT, T01_N };

enum {
  T02_CODE, T02_NAME, T02_TOTAL,
  T02_CURRENT_TOTAL, T02_GPB, T02_GPB_APPROPRIATION, T02_GF, T02_SC, T02_FSA,
  T02_INSTITUTION_INCOME, T02_INSTITUTION_BUSINESS, T02_SUPERIOR, T02_SUBORDINATE,
  T02_OTHER, T02_DRAWDOWN,
  T02_CARRY_TOTAL, T02_CARRY_GPB, T02_CARRY_GF, T02_CARRY_SC, T02_CARRY_FSA, T02_CARRY_UNIT,
  T02_N
};

enum {
  T03_CLASS, T03_SECTION, T03_ITEM, T03_UNIT_CODE, T03_NAME, T03_TOTAL,
  T03_BASIC, T03_BASIC_WAGES, T03_BASIC_FAMILY, T03_BASIC_GOODS, T03_BASIC_CAPITAL,
  T03_PROJECT, T03_PROJECT_OPERATIONAL, T03_PROJECT_SPECIFIC,
  T03_N
};

enum { T04_ITEM, T04_TOTAL, T04_GPB, T04_GPB_APPROPRIATION, T04_GF, T04_SC, T04_N };

enum {
  T06_DEPT_CODE, T06_DEPT_NAME, T06_GOV_CODE, T06_GOV_NAME,
  T06_TOTAL, T06_PERSONNEL, T06_PUBLIC,
  T06_N
};

enum {
  T07_DEPT_CLASS, T07_DEPT_SECTION, T07_DEPT_NAME, T07_GOV_CLASS, T07_GOV_SECTION, T07_GOV_NAME,
  T07_TOTAL, T07_GPB, T07_GPB_APPROPRIATION, T07_GF, T07_SC, T07_CARRYOVER, T07_FSA,
  T07_INSTITUTION_INCOME, T07_SUPERIOR, T07_SUBORDINATE, T07_INSTITUTION_BUSINESS,
  T07_OTHER, T07_DRAWDOWN,
  T07_N
};

enum {
  T08_TOTAL, T08_OUTBOUND, T08_VEHICLE, T08_VEHICLE_PURCHASE, T08_VEHICLE_OPERATION,
  T08_RECEPTION,
  T08_N
};

enum {
  T10_CODE, T10_KIND, T10_NAME, T10_UNIT, T10_TOTAL,
  T10_GPB, T10_GF, T10_SC, T10_CARRY_GPB, T10_CARRY_GF, T10_CARRY_SC, T10_FSA, T10_UNIT_FUNDS,
  T10_N
};

enum { T11_LEVEL1, T11_LEVEL2, T11_LEVEL3, T11_VALUE, T11_EXPLANATION, T11_AMOUNT, T11_N };

enum {
  T12_CODE, T12_NAME, T12_TOTAL, T12_GOVERNMENT, T12_FSA, T12_UNIT_FUNDS,
  T12_COST_NAME, T12_COST_VALUE, T12_OUTPUT_NAME, T12_OUTPUT_VALUE,
  T12_EFFECT_NAME, T12_EFFECT_VALUE, T12_SATISFACTION_NAME, T12_SATISFACTION_VALUE,
  T12_N
};

/* Rows of the official layouts (TAG_FIXED values). */
enum {
  FIXED_TOTAL,
  FIXED_REVENUE_HEADING,
  FIXED_REVENUE_CURRENT,
  FIXED_REVENUE_CARRYOVER,
  FIXED_REVENUE_TOTAL,
  FIXED_APPROPRIATION,
  FIXED_EXPENDITURE_HEADING,
  FIXED_EXPENDITURE_CURRENT,
  FIXED_CARRYOVER_OUT,
  FIXED_EXPENDITURE_TOTAL,
  FIXED_EMPTY_NOTE,
  FIXED_BUDGET_HEADING,
  FIXED_BUDGET_TOTAL,
  FIXED_BUDGET_GOVERNMENT,
  FIXED_BUDGET_FSA,
  FIXED_BUDGET_UNIT_FUNDS,
  FIXED_BUDGET_BASIC,
  FIXED_BUDGET_PROJECT,
  FIXED_SOURCE = 100,  /* + YusuanFund */
};

/* Table 11's rebuilt sections (TAG_TEXT values: section << 24 | position). */
enum {
  SECTION_DUTIES = 1,
  SECTION_TASKS,
  SECTION_INDICATORS,
};

#define HEADING_POSITION 0xffffff

/* Helpers */

static inline guint64
fixed_key (guint id)
{
  return IKEY (TAG_FIXED, id);
}

static Row *
fixed (YusuanTable *self,
       guint        id)
{
  return table_lookup (self, fixed_key (id));
}

static Row *
fixed_row (YusuanTable   *self,
           guint          id,
           const char    *key,
           YusuanRowKind  kind,
           guint          depth,
           const char    *sort,
           CsvMode        csv)
{
  Row *row = table_row (self, fixed_key (id), key, kind, depth, sort, csv, TRUE);

  row->ref_id = id;
  return row;
}

static void
add_cells (YusuanTable  *self,
           Row         **rows,
           guint         n_rows,
           const guint  *columns,
           guint         n_columns,
           YusuanAmount  amount,
           int           sign)
{
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      table_cell_add (self, rows[r], columns[c], amount, sign);
}

static char *
catalog_name (YusuanTable          *self,
              YusuanClassification  classification,
              const char           *code)
{
  const char *name = self->catalog ? yusuan_catalog_get_name (self->catalog, classification, code) : NULL;

  /* A code the catalogue lacks is shown by its code: nothing is lost. */
  return g_strdup (name ? name : code);
}

static const char *
unit_name (YusuanTable *self,
           const char  *code)
{
  const YusuanUnit *unit = yusuan_document_find_unit (self->document, code);

  return unit ? unit->name : code;
}

static void
set_department_key (YusuanTable *self,
                    Row         *row)
{
  const char *code = yusuan_document_get_department_code (self->document);

  if (g_strcmp0 (row->pub.key, code) != 0)
    {
      g_free (row->pub.key);
      row->pub.key = g_strdup (code);
    }
}

static Row *
department_row (YusuanTable *self,
                const char  *sort,
                gboolean     is_static)
{
  return table_row (self, IKEY (TAG_DEPARTMENT, 0), yusuan_document_get_department_code (self->document),
                    YUSUAN_ROW_DEPARTMENT, 0, sort, CSV_ALWAYS, is_static);
}

static Row *
unit_row (YusuanTable *self,
          const char  *code,
          guint        depth)
{
  guint64 ikey = IKEY (TAG_UNIT, table_code_key (self, code, strlen (code)));
  Row *row = table_lookup (self, ikey);
  g_autofree char *sort = NULL;

  if (row != NULL)
    return row;
  sort = g_strdup_printf ("02%-9s", code);
  row = table_row (self, ikey, code, YUSUAN_ROW_UNIT, depth, sort, CSV_ALWAYS, FALSE);
  g_strlcpy (row->code, code, sizeof row->code);
  return row;
}

/* The row of a 类, 款 or 项 (by the code's first @length characters): placed
 * under its parents in the catalogue's order, unknown codes after the known
 * ones of their level, by code. */
static Row *
function_row (YusuanTable *self,
              const char  *code,
              gsize        length,
              const char  *section,
              CsvMode      csv)
{
  guint64 ikey = IKEY (TAG_FUNCTION, table_code_key (self, code, length));
  Row *row = table_lookup (self, ikey);
  g_autoptr(GString) sort = NULL;
  g_autofree char *key = NULL;
  guint depth;

  if (row != NULL)
    return row;

  sort = g_string_new (section);
  if (length >= 3)
    table_append_order (self, sort, YUSUAN_CLASSIFICATION_FUNCTION, code, 3);
  if (length >= 5)
    table_append_order (self, sort, YUSUAN_CLASSIFICATION_FUNCTION, code, 5);
  if (length > 5 || (length != 3 && length != 5))
    table_append_order (self, sort, YUSUAN_CLASSIFICATION_FUNCTION, code, length);
  depth = length <= 3 ? 0 : length <= 5 ? 1 : 2;

  key = g_strndup (code, length);
  row = table_row (self, ikey, key, YUSUAN_ROW_FUNCTION, depth, sort->str, csv, FALSE);
  g_strlcpy (row->code, key, sizeof row->code);
  return row;
}

/* The 类, 款 and 项 rows of a line's function code. */
static guint
function_rows (YusuanTable  *self,
               const char   *code,
               const char   *section,
               Row         **rows)
{
  gsize length = strlen (code);
  guint n = 0;

  if (length > 3)
    rows[n++] = function_row (self, code, 3, section, CSV_ALWAYS);
  if (length > 5)
    rows[n++] = function_row (self, code, 5, section, CSV_ALWAYS);
  rows[n++] = function_row (self, code, length, section, CSV_ALWAYS);
  return n;
}

/* A 类 of the expenditure side of tables 01 and 04 (sorted under @section):
 * the line's first three digits, one level in. */
static Row *
overview_class_row (YusuanTable *self,
                    const char  *code,
                    const char  *section)
{
  Row *row = function_row (self, code, MIN (strlen (code), 3), section, CSV_IF_DATA);

  row->pub.depth = 1;
  return row;
}

/* Every 类 of the year in the official order, empty ones too. */
static void
overview_class_rows (YusuanTable *self,
                     const char  *section)
{
  const char *const *classes = self->catalog
    ? yusuan_catalog_get_children (self->catalog, YUSUAN_CLASSIFICATION_FUNCTION, NULL) : NULL;

  for (guint i = 0; classes && classes[i]; i++)
    overview_class_row (self, classes[i], section)->is_static = TRUE;
}

static Row *
economic_row (YusuanTable *self,
              const char  *dept,
              const char  *gov)
{
  guint64 ikey = IKEY (TAG_ECONOMIC, table_pair_key (self, dept, gov));
  Row *row = table_lookup (self, ikey);
  g_autofree char *sort = NULL;
  g_autofree char *key = NULL;

  if (row != NULL)
    return row;
  /* By department code, then government code. */
  sort = g_strdup_printf ("02%-8s%-8s", dept, gov);
  key = g_strconcat (dept, "/", gov, NULL);
  row = table_row (self, ikey, key, YUSUAN_ROW_ECONOMIC, 0, sort, CSV_ALWAYS, FALSE);
  g_strlcpy (row->code, dept, sizeof row->code);
  g_strlcpy (row->code2, gov, sizeof row->code2);
  return row;
}

static char *
project_sort (const YusuanProject *project,
              const ProjectInfo   *info)
{
  /* Unit codes have at most 9 characters, project codes 32. */
  return g_strdup_printf ("02%-9s%-32s%010u", info->unit, project ? project->code : "", project ? project->id : 0);
}

static Row *
project_row (YusuanTable       *self,
             guint              project_id,
             const ProjectInfo *info,
             guint              depth)
{
  guint64 ikey = IKEY (TAG_PROJECT, project_id);
  Row *row = table_lookup (self, ikey);
  const YusuanProject *project;
  g_autofree char *sort = NULL;

  if (row != NULL)
    return row;
  project = yusuan_document_lookup_project (self->document, project_id);
  sort = project_sort (project, info);
  row = table_row (self, ikey, project ? project->code : "", YUSUAN_ROW_PROJECT, depth,
                   sort, CSV_ALWAYS, FALSE);
  row->ref_id = project_id;
  return row;
}

/* A code as printed, a level a column from @first: 201 | 03 | 01 (类, 款,
 * 项), 301 | 02.  The first level has three digits, the next two, the last
 * column takes what is left. */
static void
split_code (Row        *row,
            guint       first,
            guint       n_columns,
            const char *code)
{
  gsize length = strlen (code), at = 0;

  for (guint i = 0; i < n_columns && at < length; i++)
    {
      gsize take = i + 1 == n_columns ? length - at : MIN (length - at, i == 0 ? 3 : 2);

      table_take_text (row, first + i, g_strndup (code + at, take));
      at += take;
    }
}

static void
update_project_key (Row                 *row,
                    const YusuanProject *project)
{
  if (project != NULL && g_strcmp0 (row->pub.key, project->code) != 0)
    {
      g_free (row->pub.key);
      row->pub.key = g_strdup (project->code);
    }
}

/* The economic class column of table 03 for a basic line, or -1. */
static int
basic_class_column (const char *econ_dept)
{
  if (yusuan_econ_in_class (econ_dept, "301"))
    return T03_BASIC_WAGES;
  if (yusuan_econ_in_class (econ_dept, "303"))
    return T03_BASIC_FAMILY;
  if (yusuan_econ_in_class (econ_dept, "302"))
    return T03_BASIC_GOODS;
  if (yusuan_econ_in_class (econ_dept, "310"))
    return T03_BASIC_CAPITAL;
  return -1;
}

/* 政府预算资金 / 财政专户管理资金 / 单位资金, as tables 11 and 12 group funds. */
typedef enum
{
  FUND_GROUP_GOVERNMENT,
  FUND_GROUP_FSA,
  FUND_GROUP_UNIT,
} FundGroup;

static FundGroup
fund_group (YusuanFund fund)
{
  if (yusuan_fund_is_appropriation (fund))
    return FUND_GROUP_GOVERNMENT;
  if (yusuan_fund_base (fund) == YUSUAN_FUND_FISCAL_SPECIAL_ACCOUNT)
    return FUND_GROUP_FSA;
  return FUND_GROUP_UNIT;
}

static const char *
total_label (void)
{
  /* Translators: 合计, the first row of most tables */
  return _("Total");
}

/* 一般公共预算 (小计, 其中：财政拨款), 政府性基金, 国有资本经营预算: four
 * leaves from @first, headed alike in tables 02, 04 and 07. */
static void
appropriation_columns (YusuanTable *self,
                       guint        first)
{
  /* Translators: 一般公共预算 */
  table_column_group (self, "general-public-budget", _("General public budget"));
  /* Translators: 小计 */
  table_column_leaf (self, first, "fund-general-public-budget", _("Subtotal"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 其中：财政拨款 */
  table_column_leaf (self, first + 1, "fund-general-public-budget-appropriation",
                     _("Of which: fiscal appropriation"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 政府性基金 */
  table_column_leaf (self, first + 2, "fund-government-fund", _("Government fund"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 国有资本经营预算 */
  table_column_leaf (self, first + 3, "fund-state-capital", _("State capital operation budget"),
                     YUSUAN_COLUMN_AMOUNT);
}

/* ===== 预算01表 部门收支总体情况表 ===== */

static void
t01_columns (YusuanTable *self)
{
  /* Translators: 项目, the item column of tables 01 and 04 */
  table_column_leaf (self, T01_ITEM, "item", _("Item"), YUSUAN_COLUMN_TEXT);
  /* Translators: 金额 */
  table_column_leaf (self, T01_AMOUNT, "amount", _("Amount"), YUSUAN_COLUMN_AMOUNT);
}

static void
t01_static_rows (YusuanTable *self)
{

  fixed_row (self, FIXED_REVENUE_HEADING, "revenue", YUSUAN_ROW_HEADING, 0, "00", CSV_NEVER);
  for (YusuanFund f = 0; f < YUSUAN_N_FUNDS; f++)
    if (!yusuan_fund_is_carryover (f))
      {
        g_autofree char *sort = g_strdup_printf ("01%02d", f);

        fixed_row (self, FIXED_SOURCE + f, yusuan_fund_to_token (f), YUSUAN_ROW_SOURCE, 1, sort, CSV_IF_DATA);
      }
  fixed_row (self, FIXED_APPROPRIATION, "general-public-budget-appropriation", YUSUAN_ROW_SOURCE, 2, "0100a", CSV_NEVER);
  fixed_row (self, FIXED_REVENUE_CURRENT, "revenue-current-year", YUSUAN_ROW_TOTAL, 0, "02", CSV_ALWAYS);
  fixed_row (self, FIXED_REVENUE_CARRYOVER, "carryover-in", YUSUAN_ROW_SOURCE, 0, "03", CSV_ALWAYS);
  fixed_row (self, FIXED_REVENUE_TOTAL, "revenue-total", YUSUAN_ROW_TOTAL, 0, "04", CSV_ALWAYS);

  fixed_row (self, FIXED_EXPENDITURE_HEADING, "expenditure", YUSUAN_ROW_HEADING, 0, "10", CSV_NEVER);
  overview_class_rows (self, "11");
  fixed_row (self, FIXED_EXPENDITURE_CURRENT, "expenditure-current-year", YUSUAN_ROW_TOTAL, 0, "12", CSV_ALWAYS);
  fixed_row (self, FIXED_CARRYOVER_OUT, "carryover-out", YUSUAN_ROW_SOURCE, 0, "13", CSV_ALWAYS);
  fixed_row (self, FIXED_EXPENDITURE_TOTAL, "expenditure-total", YUSUAN_ROW_TOTAL, 0, "14", CSV_ALWAYS);
}

static void
t01_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  static const guint columns[] = { T01_AMOUNT };
  Row *rows[3];

  rows[0] = overview_class_row (self, line->function, "11");
  rows[1] = fixed (self, FIXED_EXPENDITURE_CURRENT);
  rows[2] = fixed (self, FIXED_EXPENDITURE_TOTAL);
  add_cells (self, rows, 3, columns, 1, line->amount, sign);
}

static void
t01_revenue (YusuanTable         *self,
             const YusuanRevenue *revenue,
             int                  sign)
{
  static const guint columns[] = { T01_AMOUNT };
  Row *rows[4];
  guint n = 0;

  if (yusuan_fund_is_carryover (revenue->source))
    rows[n++] = fixed (self, FIXED_REVENUE_CARRYOVER);
  else
    {
      rows[n++] = fixed (self, FIXED_SOURCE + revenue->source);
      if (revenue->source == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
        rows[n++] = fixed (self, FIXED_APPROPRIATION);
      rows[n++] = fixed (self, FIXED_REVENUE_CURRENT);
    }
  rows[n++] = fixed (self, FIXED_REVENUE_TOTAL);
  add_cells (self, rows, n, columns, 1, revenue->amount, sign);
}

static const char *
fixed_label (YusuanTable *self,
             guint        id)
{
  if (id >= FIXED_SOURCE && id < FIXED_SOURCE + YUSUAN_N_FUNDS)
    {
      YusuanFund fund = id - FIXED_SOURCE;

      if (self->number == 4)
        switch (fund)
          {
          case YUSUAN_FUND_GENERAL_PUBLIC_BUDGET:
          case YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET:
            /* Translators: 一般公共预算拨款 (table 04) */
            return _("General public budget appropriation");
          case YUSUAN_FUND_GOVERNMENT_FUND:
          case YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND:
            /* Translators: 政府性基金预算拨款 (table 04) */
            return _("Government fund budget appropriation");
          case YUSUAN_FUND_STATE_CAPITAL:
          case YUSUAN_FUND_CARRYOVER_STATE_CAPITAL:
            /* Translators: 国有资本经营预算拨款 (table 04) */
            return _("State capital operation budget appropriation");
          default:
            break;
          }
      return yusuan_fund_label (fund);
    }

  switch (id)
    {
    case FIXED_TOTAL:
      return total_label ();
    case FIXED_REVENUE_HEADING:
      /* Translators: 收入, the revenue side of tables 01 and 04 */
      return _("Revenue");
    case FIXED_APPROPRIATION:
      /* Translators: 其中：财政拨款 */
      return _("Of which: fiscal appropriation");
    case FIXED_REVENUE_CURRENT:
      return self->number == 1
        /* Translators: 本年收入合计 (table 01) */
        ? _("Current-year revenue total")
        /* Translators: 本年收入 (table 04) */
        : _("Current-year revenue");
    case FIXED_REVENUE_CARRYOVER:
      return self->number == 1
        /* Translators: 上年结转结余 (table 01) */
        ? _("Carry-over from the previous year")
        /* Translators: 上年结转 (table 04) */
        : _("Carried over from the previous year");
    case FIXED_REVENUE_TOTAL:
      return self->number == 1
        /* Translators: 收入总计 (table 01) */
        ? _("Revenue grand total")
        /* Translators: 收入合计 (table 04) */
        : _("Revenue total");
    case FIXED_EXPENDITURE_HEADING:
      /* Translators: 支出, the expenditure side of tables 01 and 04 */
      return _("Expenditure");
    case FIXED_EXPENDITURE_CURRENT:
      return self->number == 1
        /* Translators: 本年支出合计 (table 01) */
        ? _("Current-year expenditure total")
        /* Translators: 本年支出 (table 04) */
        : _("Current-year expenditure");
    case FIXED_CARRYOVER_OUT:
      /* Translators: 年终结转结余 */
      return _("Carry-over to the next year");
    case FIXED_EXPENDITURE_TOTAL:
      return self->number == 1
        /* Translators: 支出总计 (table 01) */
        ? _("Expenditure grand total")
        /* Translators: 支出合计 (table 04) */
        : _("Expenditure total");
    case FIXED_EMPTY_NOTE:
      /* Translators: the note an empty 预算09表 carries (本表无数据：本部门无政府性基金预算支出) */
      return _("This table is empty: the department has no expenditure from the government fund budget.");
    case FIXED_BUDGET_HEADING:
      /* Translators: 预算情况 (table 11) */
      return _("Budget");
    case FIXED_BUDGET_TOTAL:
      /* Translators: 部门预算总额 (table 11) */
      return _("Department budget total");
    case FIXED_BUDGET_GOVERNMENT:
      /* Translators: 资金来源：政府预算资金 (table 11) */
      return _("Sources: government budget funds");
    case FIXED_BUDGET_FSA:
      /* Translators: 财政专户管理资金 (table 11) */
      return _("Funds managed in fiscal special accounts");
    case FIXED_BUDGET_UNIT_FUNDS:
      /* Translators: 单位资金 (table 11) */
      return _("Unit funds");
    case FIXED_BUDGET_BASIC:
      /* Translators: 资金结构：基本支出 (table 11) */
      return _("Structure: basic expenditure");
    case FIXED_BUDGET_PROJECT:
      /* Translators: 项目支出 (table 11) */
      return _("Project expenditure");
    default:
      return NULL;
    }
}

static void
t01_texts (YusuanTable *self,
           Row         *row)
{
  if (IKEY_TAG (row->ikey) == TAG_FUNCTION)
    table_take_text (row, T01_ITEM, catalog_name (self, YUSUAN_CLASSIFICATION_FUNCTION, row->code));
  else
    table_set_text (row, T01_ITEM, fixed_label (self, row->ref_id));
}

/* ===== 预算02表 部门收入总体情况表 ===== */

static void
t02_columns (YusuanTable *self)
{
  /* Translators: 部门（单位）代码 */
  table_column_leaf (self, T02_CODE, "code", _("Department (unit) code"), YUSUAN_COLUMN_TEXT);
  /* Translators: 部门（单位）名称 */
  table_column_leaf (self, T02_NAME, "name", _("Department (unit) name"), YUSUAN_COLUMN_TEXT);
  /* Translators: 总计 */
  table_column_leaf (self, T02_TOTAL, "total", _("Grand total"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 本年收入 */
  table_column_group (self, "current", _("Current-year revenue"));
  /* Translators: 合计 */
  table_column_leaf (self, T02_CURRENT_TOTAL, "current-total", _("Total"), YUSUAN_COLUMN_AMOUNT);
  appropriation_columns (self, T02_GPB);
  /* Translators: 财政专户管理资金收入 */
  table_column_leaf (self, T02_FSA, "fund-fiscal-special-account",
                     _("Revenue of funds managed in fiscal special accounts"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 事业收入 */
  table_column_leaf (self, T02_INSTITUTION_INCOME, "fund-institution-income", _("Institution income"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 事业单位经营收入 */
  table_column_leaf (self, T02_INSTITUTION_BUSINESS, "fund-institution-business-income",
                     _("Business income of public institutions"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 上级补助收入 */
  table_column_leaf (self, T02_SUPERIOR, "fund-superior-subsidy", _("Subsidy from the superior"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 附属单位上缴收入 */
  table_column_leaf (self, T02_SUBORDINATE, "fund-subordinate-remittance",
                     _("Remittance from subordinate units"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 其他收入 */
  table_column_leaf (self, T02_OTHER, "fund-other-income", _("Other income"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 用事业基金弥补收支差额 */
  table_column_leaf (self, T02_DRAWDOWN, "fund-institution-fund-drawdown",
                     _("Institution fund drawn to cover the gap"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 上年结转结余 */
  table_column_group (self, "carryover", _("Carry-over from the previous year"));
  /* Translators: 合计 */
  table_column_leaf (self, T02_CARRY_TOTAL, "carryover-total", _("Total"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 一般公共预算 (carry-over) */
  table_column_leaf (self, T02_CARRY_GPB, "fund-carryover-general-public-budget",
                     _("General public budget"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 政府性基金 (carry-over) */
  table_column_leaf (self, T02_CARRY_GF, "fund-carryover-government-fund", _("Government fund"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 国有资本经营预算 (carry-over) */
  table_column_leaf (self, T02_CARRY_SC, "fund-carryover-state-capital",
                     _("State capital operation budget"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 财政专户管理资金 (carry-over) */
  table_column_leaf (self, T02_CARRY_FSA, "fund-carryover-fiscal-special-account",
                     _("Funds managed in fiscal special accounts"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 单位资金 (carry-over) */
  table_column_leaf (self, T02_CARRY_UNIT, "fund-carryover-unit-funds", _("Unit funds"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
}

static int
t02_source_column (YusuanFund source)
{
  if (source == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
    return T02_GPB;
  if (source >= YUSUAN_FUND_GOVERNMENT_FUND && source <= YUSUAN_FUND_INSTITUTION_FUND_DRAWDOWN)
    return T02_GF + (source - YUSUAN_FUND_GOVERNMENT_FUND);
  if (source >= YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET && source <= YUSUAN_FUND_CARRYOVER_UNIT_FUNDS)
    return T02_CARRY_GPB + (source - YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET);
  return -1;
}

static void
t02_static_rows (YusuanTable *self)
{
  fixed_row (self, FIXED_TOTAL, "total", YUSUAN_ROW_TOTAL, 0, "00", CSV_ALWAYS);
}

static void
t02_revenue (YusuanTable         *self,
             const YusuanRevenue *revenue,
             int                  sign)
{
  Row *rows[3];
  guint columns[4];
  guint n = 0;
  int source_column = t02_source_column (revenue->source);

  rows[0] = fixed (self, FIXED_TOTAL);
  rows[1] = department_row (self, "01", FALSE);
  rows[2] = unit_row (self, revenue->unit, 1);

  columns[n++] = T02_TOTAL;
  columns[n++] = yusuan_fund_is_carryover (revenue->source) ? T02_CARRY_TOTAL : T02_CURRENT_TOTAL;
  if (source_column >= 0)
    columns[n++] = source_column;
  if (revenue->source == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
    columns[n++] = T02_GPB_APPROPRIATION;
  add_cells (self, rows, 3, columns, n, revenue->amount, sign);
}

static void
t02_texts (YusuanTable *self,
           Row         *row)
{
  switch (IKEY_TAG (row->ikey))
    {
    case TAG_FIXED:
      table_set_text (row, T02_NAME, total_label ());
      break;
    case TAG_DEPARTMENT:
      set_department_key (self, row);
      table_set_text (row, T02_CODE, yusuan_document_get_department_code (self->document));
      table_set_text (row, T02_NAME, yusuan_document_get_department_name (self->document));
      break;
    case TAG_UNIT:
      table_set_text (row, T02_CODE, row->code);
      table_set_text (row, T02_NAME, unit_name (self, row->code));
      break;
    default:
      break;
    }
}

/* ===== 预算03表 部门支出总体情况表, 05 一般公共预算, 09 政府性基金预算 ===== */

static void
t03_columns (YusuanTable *self)
{
  /* Translators: 科目编码 */
  table_column_group (self, "function-code", _("Function code"));
  /* Translators: 类 */
  table_column_leaf (self, T03_CLASS, "class", _("Class"), YUSUAN_COLUMN_TEXT);
  /* Translators: 款 */
  table_column_leaf (self, T03_SECTION, "section", _("Section"), YUSUAN_COLUMN_TEXT);
  /* Translators: 项 */
  table_column_leaf (self, T03_ITEM, "item", C_("classification level", "Item"), YUSUAN_COLUMN_TEXT);
  table_column_end (self);
  /* Translators: 单位代码 */
  table_column_leaf (self, T03_UNIT_CODE, "unit-code", _("Unit code"), YUSUAN_COLUMN_TEXT);
  /* Translators: 单位（科目名称） */
  table_column_leaf (self, T03_NAME, "name", _("Unit (classification name)"), YUSUAN_COLUMN_TEXT);
  /* Translators: 合计 */
  table_column_leaf (self, T03_TOTAL, "total", _("Total"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 基本支出 */
  table_column_group (self, "basic", _("Basic expenditure"));
  /* Translators: 小计 */
  table_column_leaf (self, T03_BASIC, "basic-subtotal", _("Subtotal"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 人员经费 */
  table_column_group (self, "basic-personnel", _("Personnel expenses"));
  /* Translators: 工资福利支出 */
  table_column_leaf (self, T03_BASIC_WAGES, "basic-wages", _("Wages and welfare"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 对个人和家庭的补助 */
  table_column_leaf (self, T03_BASIC_FAMILY, "basic-family", _("Subsidies to individuals and families"),
                     YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 公用经费 */
  table_column_group (self, "basic-public", _("Public expenses"));
  /* Translators: 商品和服务支出 */
  table_column_leaf (self, T03_BASIC_GOODS, "basic-goods", _("Goods and services"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 资本性支出 */
  table_column_leaf (self, T03_BASIC_CAPITAL, "basic-capital", _("Capital expenditure"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  table_column_end (self);
  /* Translators: 项目支出 */
  table_column_group (self, "project", _("Project expenditure"));
  /* Translators: 小计 */
  table_column_leaf (self, T03_PROJECT, "project-subtotal", _("Subtotal"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 其他运转类 */
  table_column_leaf (self, T03_PROJECT_OPERATIONAL, "project-operational", _("Other operational"),
                     YUSUAN_COLUMN_AMOUNT);
  /* Translators: 特定目标类 */
  table_column_leaf (self, T03_PROJECT_SPECIFIC, "project-specific", _("Specific purpose"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
}

static void
t03_static_rows (YusuanTable *self)
{
  fixed_row (self, FIXED_TOTAL, "total", YUSUAN_ROW_TOTAL, 0, "00", CSV_ALWAYS);
}

static void
t03_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  Row *rows[5];
  guint columns[3];
  guint n_rows = 0, n_columns = 0;

  if (self->number == 5 && line->fund != YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
    return;
  if (self->number == 9 && line->fund != YUSUAN_FUND_GOVERNMENT_FUND)
    return;

  columns[n_columns++] = T03_TOTAL;
  if (project == NULL)
    {
      int class_column = basic_class_column (line->econ_dept);

      columns[n_columns++] = T03_BASIC;
      if (class_column >= 0)
        columns[n_columns++] = class_column;
    }
  else
    {
      columns[n_columns++] = T03_PROJECT;
      columns[n_columns++] = project->kind == YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE
                             ? T03_PROJECT_SPECIFIC : T03_PROJECT_OPERATIONAL;
    }

  rows[n_rows++] = fixed (self, FIXED_TOTAL);
  rows[n_rows++] = department_row (self, "01", FALSE);
  n_rows += function_rows (self, line->function, "02", rows + n_rows);
  add_cells (self, rows, n_rows, columns, n_columns, line->amount, sign);
}

static void
t03_after_change (YusuanTable *self)
{
  Row *total, *note;

  if (self->number != 9)
    return;

  /* An empty 09 says so, as the published one does. */
  total = fixed (self, FIXED_TOTAL);
  note = fixed (self, FIXED_EMPTY_NOTE);
  if (total->counts[T03_TOTAL] == 0 && note == NULL)
    {
      note = fixed_row (self, FIXED_EMPTY_NOTE, "empty", YUSUAN_ROW_HEADING, 0, "001", CSV_NEVER);
      table_insert_row (self, note, TRUE);
    }
  else if (total->counts[T03_TOTAL] > 0 && note != NULL)
    table_remove_row (self, note, TRUE);
}

static void
t03_texts (YusuanTable *self,
           Row         *row)
{
  switch (IKEY_TAG (row->ikey))
    {
    case TAG_FIXED:
      table_set_text (row, T03_NAME, fixed_label (self, row->ref_id));
      break;
    case TAG_DEPARTMENT:
      set_department_key (self, row);
      table_set_text (row, T03_UNIT_CODE, yusuan_document_get_department_code (self->document));
      table_set_text (row, T03_NAME, yusuan_document_get_department_name (self->document));
      break;
    case TAG_FUNCTION:
      split_code (row, T03_CLASS, 3, row->code);
      table_take_text (row, T03_NAME, catalog_name (self, YUSUAN_CLASSIFICATION_FUNCTION, row->code));
      break;
    default:
      break;
    }
}

/* ===== 预算04表 财政拨款收支总体情况表 ===== */

static void
t04_columns (YusuanTable *self)
{
  /* Translators: 项目 */
  table_column_leaf (self, T04_ITEM, "item", _("Item"), YUSUAN_COLUMN_TEXT);
  /* Translators: 合计 (金额 on the revenue side) */
  table_column_leaf (self, T04_TOTAL, "total", _("Total"), YUSUAN_COLUMN_AMOUNT);
  appropriation_columns (self, T04_GPB);
}

static void
t04_static_rows (YusuanTable *self)
{
  static const YusuanFund current[] = {
    YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_FUND_STATE_CAPITAL,
  };
  static const YusuanFund carried[] = {
    YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET, YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND,
    YUSUAN_FUND_CARRYOVER_STATE_CAPITAL,
  };

  fixed_row (self, FIXED_REVENUE_HEADING, "revenue", YUSUAN_ROW_HEADING, 0, "00", CSV_NEVER);
  fixed_row (self, FIXED_REVENUE_CURRENT, "revenue-current-year", YUSUAN_ROW_TOTAL, 0, "01", CSV_ALWAYS);
  for (guint i = 0; i < G_N_ELEMENTS (current); i++)
    {
      g_autofree char *sort = g_strdup_printf ("01%02u", i);

      fixed_row (self, FIXED_SOURCE + current[i], yusuan_fund_to_token (current[i]),
                 YUSUAN_ROW_SOURCE, 1, sort, CSV_IF_DATA);
    }
  fixed_row (self, FIXED_APPROPRIATION, "general-public-budget-appropriation", YUSUAN_ROW_SOURCE, 2, "0100a", CSV_NEVER);
  fixed_row (self, FIXED_REVENUE_CARRYOVER, "carryover-in", YUSUAN_ROW_TOTAL, 0, "02", CSV_ALWAYS);
  for (guint i = 0; i < G_N_ELEMENTS (carried); i++)
    {
      g_autofree char *sort = g_strdup_printf ("02%02u", i);

      fixed_row (self, FIXED_SOURCE + carried[i], yusuan_fund_to_token (carried[i]),
                 YUSUAN_ROW_SOURCE, 1, sort, CSV_IF_DATA);
    }
  fixed_row (self, FIXED_REVENUE_TOTAL, "revenue-total", YUSUAN_ROW_TOTAL, 0, "03", CSV_ALWAYS);

  fixed_row (self, FIXED_EXPENDITURE_HEADING, "expenditure", YUSUAN_ROW_HEADING, 0, "10", CSV_NEVER);
  fixed_row (self, FIXED_EXPENDITURE_CURRENT, "expenditure-current-year", YUSUAN_ROW_TOTAL, 0, "11", CSV_ALWAYS);
  overview_class_rows (self, "12");
  fixed_row (self, FIXED_CARRYOVER_OUT, "carryover-out", YUSUAN_ROW_SOURCE, 0, "13", CSV_ALWAYS);
  fixed_row (self, FIXED_EXPENDITURE_TOTAL, "expenditure-total", YUSUAN_ROW_TOTAL, 0, "14", CSV_ALWAYS);
}

/* The fund columns of table 04 (and 07's first ones): carry-over counted with its fund. */
static guint
t04_fund_columns (YusuanFund  fund,
                  guint      *columns)
{
  switch (yusuan_fund_base (fund))
    {
    case YUSUAN_FUND_GENERAL_PUBLIC_BUDGET:
      columns[0] = T04_GPB;
      columns[1] = T04_GPB_APPROPRIATION;
      return 2;
    case YUSUAN_FUND_GOVERNMENT_FUND:
      columns[0] = T04_GF;
      return 1;
    case YUSUAN_FUND_STATE_CAPITAL:
      columns[0] = T04_SC;
      return 1;
    default:
      return 0;
    }
}

static void
t04_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  Row *rows[3];
  guint columns[3];
  guint n_columns = 1;

  if (!yusuan_fund_is_appropriation (line->fund))
    return;

  columns[0] = T04_TOTAL;
  n_columns += t04_fund_columns (line->fund, columns + 1);
  rows[0] = fixed (self, FIXED_EXPENDITURE_CURRENT);
  rows[1] = overview_class_row (self, line->function, "12");
  rows[2] = fixed (self, FIXED_EXPENDITURE_TOTAL);
  add_cells (self, rows, 3, columns, n_columns, line->amount, sign);
}

static void
t04_revenue (YusuanTable         *self,
             const YusuanRevenue *revenue,
             int                  sign)
{
  Row *rows[4];
  guint columns[3];
  guint n_rows = 0, n_columns = 1;

  if (!yusuan_fund_is_appropriation (revenue->source))
    return;

  columns[0] = T04_TOTAL;
  n_columns += t04_fund_columns (revenue->source, columns + 1);
  rows[n_rows++] = fixed (self, FIXED_SOURCE + revenue->source);
  if (revenue->source == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
    rows[n_rows++] = fixed (self, FIXED_APPROPRIATION);
  rows[n_rows++] = fixed (self, yusuan_fund_is_carryover (revenue->source)
                                ? FIXED_REVENUE_CARRYOVER : FIXED_REVENUE_CURRENT);
  rows[n_rows++] = fixed (self, FIXED_REVENUE_TOTAL);
  add_cells (self, rows, n_rows, columns, n_columns, revenue->amount, sign);
}

static void
t04_texts (YusuanTable *self,
           Row         *row)
{
  if (IKEY_TAG (row->ikey) == TAG_FUNCTION)
    table_take_text (row, T04_ITEM, catalog_name (self, YUSUAN_CLASSIFICATION_FUNCTION, row->code));
  else
    table_set_text (row, T04_ITEM, fixed_label (self, row->ref_id));
}

/* ===== 预算06表 一般公共预算基本支出表 ===== */

static void
t06_columns (YusuanTable *self)
{
  /* Translators: 部门预算支出经济分类科目 */
  table_column_group (self, "econ-dept", _("Department economic classification"));
  /* Translators: 科目编码 */
  table_column_leaf (self, T06_DEPT_CODE, "econ-dept-code", _("Code"), YUSUAN_COLUMN_TEXT);
  /* Translators: 科目名称 */
  table_column_leaf (self, T06_DEPT_NAME, "econ-dept-name", _("Name"), YUSUAN_COLUMN_TEXT);
  table_column_end (self);
  /* Translators: 政府预算支出经济分类科目 */
  table_column_group (self, "econ-gov", _("Government economic classification"));
  /* Translators: 科目编码 */
  table_column_leaf (self, T06_GOV_CODE, "econ-gov-code", _("Code"), YUSUAN_COLUMN_TEXT);
  /* Translators: 科目名称 */
  table_column_leaf (self, T06_GOV_NAME, "econ-gov-name", _("Name"), YUSUAN_COLUMN_TEXT);
  table_column_end (self);
  /* Translators: 本年一般公共预算基本支出 */
  table_column_group (self, "basic", _("Current-year general public budget basic expenditure"));
  /* Translators: 合计 */
  table_column_leaf (self, T06_TOTAL, "total", _("Total"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 人员经费 */
  table_column_leaf (self, T06_PERSONNEL, "personnel", _("Personnel expenses"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 公用经费 */
  table_column_leaf (self, T06_PUBLIC, "public", _("Public expenses"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
}

static void
t06_static_rows (YusuanTable *self)
{
  fixed_row (self, FIXED_TOTAL, "total", YUSUAN_ROW_TOTAL, 0, "00", CSV_ALWAYS);
}

static void
t06_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  Row *rows[2];
  guint columns[2];

  if (line->project_id != 0 || line->fund != YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
    return;

  /* 人员经费 and 公用经费 by each line's stated category (DESIGN.md), not by
   * its economic class as table 03 does. */
  columns[0] = T06_TOTAL;
  columns[1] = line->category == YUSUAN_CATEGORY_PERSONNEL ? T06_PERSONNEL : T06_PUBLIC;
  rows[0] = fixed (self, FIXED_TOTAL);
  rows[1] = economic_row (self, line->econ_dept, line->econ_gov);
  add_cells (self, rows, 2, columns, 2, line->amount, sign);
}

static void
t06_texts (YusuanTable *self,
           Row         *row)
{
  switch (IKEY_TAG (row->ikey))
    {
    case TAG_FIXED:
      table_set_text (row, T06_DEPT_NAME, total_label ());
      break;
    case TAG_ECONOMIC:
      table_set_text (row, T06_DEPT_CODE, row->code);
      table_take_text (row, T06_DEPT_NAME, catalog_name (self, YUSUAN_CLASSIFICATION_ECON_DEPT, row->code));
      table_set_text (row, T06_GOV_CODE, row->code2);
      table_take_text (row, T06_GOV_NAME, catalog_name (self, YUSUAN_CLASSIFICATION_ECON_GOV, row->code2));
      break;
    default:
      break;
    }
}

/* ===== 预算07表 支出经济分类汇总表 ===== */

static void
t07_columns (YusuanTable *self)
{
  /* Translators: 部门预算经济分类 */
  table_column_group (self, "econ-dept", _("Department economic classification"));
  /* Translators: 类 */
  table_column_leaf (self, T07_DEPT_CLASS, "econ-dept-class", _("Class"), YUSUAN_COLUMN_TEXT);
  /* Translators: 款 */
  table_column_leaf (self, T07_DEPT_SECTION, "econ-dept-section", _("Section"), YUSUAN_COLUMN_TEXT);
  /* Translators: 科目名称 */
  table_column_leaf (self, T07_DEPT_NAME, "econ-dept-name", _("Name"), YUSUAN_COLUMN_TEXT);
  table_column_end (self);
  /* Translators: 政府预算经济分类 */
  table_column_group (self, "econ-gov", _("Government economic classification"));
  /* Translators: 类 */
  table_column_leaf (self, T07_GOV_CLASS, "econ-gov-class", _("Class"), YUSUAN_COLUMN_TEXT);
  /* Translators: 款 */
  table_column_leaf (self, T07_GOV_SECTION, "econ-gov-section", _("Section"), YUSUAN_COLUMN_TEXT);
  /* Translators: 科目名称 */
  table_column_leaf (self, T07_GOV_NAME, "econ-gov-name", _("Name"), YUSUAN_COLUMN_TEXT);
  table_column_end (self);
  /* Translators: 总计 */
  table_column_leaf (self, T07_TOTAL, "total", _("Grand total"), YUSUAN_COLUMN_AMOUNT);
  appropriation_columns (self, T07_GPB);
  /* Translators: 上年结转结余 (every carry-over fund) */
  table_column_leaf (self, T07_CARRYOVER, "carryover", _("Carry-over from the previous year"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 财政专户管理资金收入 */
  table_column_leaf (self, T07_FSA, "fund-fiscal-special-account",
                     _("Revenue of funds managed in fiscal special accounts"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 事业收入 */
  table_column_leaf (self, T07_INSTITUTION_INCOME, "fund-institution-income", _("Institution income"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 上级补助收入 */
  table_column_leaf (self, T07_SUPERIOR, "fund-superior-subsidy", _("Subsidy from the superior"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 附属单位上缴收入 */
  table_column_leaf (self, T07_SUBORDINATE, "fund-subordinate-remittance",
                     _("Remittance from subordinate units"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 事业单位经营收入 */
  table_column_leaf (self, T07_INSTITUTION_BUSINESS, "fund-institution-business-income",
                     _("Business income of public institutions"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 其他收入 */
  table_column_leaf (self, T07_OTHER, "fund-other-income", _("Other income"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 用事业基金弥补收支差额 */
  table_column_leaf (self, T07_DRAWDOWN, "fund-institution-fund-drawdown",
                     _("Institution fund drawn to cover the gap"), YUSUAN_COLUMN_AMOUNT);
}

static guint
t07_fund_columns (YusuanFund  fund,
                  guint      *columns)
{
  if (yusuan_fund_is_carryover (fund))
    {
      columns[0] = T07_CARRYOVER;
      return 1;
    }
  switch (fund)
    {
    case YUSUAN_FUND_GENERAL_PUBLIC_BUDGET:
      columns[0] = T07_GPB;
      columns[1] = T07_GPB_APPROPRIATION;
      return 2;
    case YUSUAN_FUND_GOVERNMENT_FUND:
      columns[0] = T07_GF;
      return 1;
    case YUSUAN_FUND_STATE_CAPITAL:
      columns[0] = T07_SC;
      return 1;
    case YUSUAN_FUND_FISCAL_SPECIAL_ACCOUNT:
      columns[0] = T07_FSA;
      return 1;
    case YUSUAN_FUND_INSTITUTION_INCOME:
      columns[0] = T07_INSTITUTION_INCOME;
      return 1;
    case YUSUAN_FUND_SUPERIOR_SUBSIDY:
      columns[0] = T07_SUPERIOR;
      return 1;
    case YUSUAN_FUND_SUBORDINATE_REMITTANCE:
      columns[0] = T07_SUBORDINATE;
      return 1;
    case YUSUAN_FUND_INSTITUTION_BUSINESS_INCOME:
      columns[0] = T07_INSTITUTION_BUSINESS;
      return 1;
    case YUSUAN_FUND_OTHER_INCOME:
      columns[0] = T07_OTHER;
      return 1;
    case YUSUAN_FUND_INSTITUTION_FUND_DRAWDOWN:
      columns[0] = T07_DRAWDOWN;
      return 1;
    default:
      return 0;
    }
}

static void
t07_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  Row *rows[3];
  guint columns[3];
  guint n_columns = 1;

  columns[0] = T07_TOTAL;
  n_columns += t07_fund_columns (line->fund, columns + 1);
  rows[0] = fixed (self, FIXED_TOTAL);
  rows[1] = department_row (self, "01", FALSE);
  rows[2] = economic_row (self, line->econ_dept, line->econ_gov);
  add_cells (self, rows, 3, columns, n_columns, line->amount, sign);
}

static void
t07_texts (YusuanTable *self,
           Row         *row)
{
  switch (IKEY_TAG (row->ikey))
    {
    case TAG_FIXED:
      table_set_text (row, T07_DEPT_NAME, total_label ());
      break;
    case TAG_DEPARTMENT:
      set_department_key (self, row);
      table_set_text (row, T07_DEPT_CLASS, yusuan_document_get_department_code (self->document));
      table_set_text (row, T07_DEPT_NAME, yusuan_document_get_department_name (self->document));
      break;
    case TAG_ECONOMIC:
      split_code (row, T07_DEPT_CLASS, 2, row->code);
      table_take_text (row, T07_DEPT_NAME, catalog_name (self, YUSUAN_CLASSIFICATION_ECON_DEPT, row->code));
      split_code (row, T07_GOV_CLASS, 2, row->code2);
      table_take_text (row, T07_GOV_NAME, catalog_name (self, YUSUAN_CLASSIFICATION_ECON_GOV, row->code2));
      break;
    default:
      break;
    }
}

/* ===== 预算08表 一般公共预算“三公”经费支出情况表 ===== */

static void
t08_columns (YusuanTable *self)
{
  /* Translators: “三公”经费合计 */
  table_column_leaf (self, T08_TOTAL, "total", _("“Three public” expenses total"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 因公出国（境）费 */
  table_column_leaf (self, T08_OUTBOUND, "outbound-travel", _("Official travel abroad"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 公务用车购置及运行费 */
  table_column_group (self, "vehicle", _("Official vehicle purchase and operation"));
  /* Translators: 小计 */
  table_column_leaf (self, T08_VEHICLE, "vehicle-subtotal", _("Subtotal"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 公务用车购置费 */
  table_column_leaf (self, T08_VEHICLE_PURCHASE, "vehicle-purchase", _("Official vehicle purchase"),
                     YUSUAN_COLUMN_AMOUNT);
  /* Translators: 公务用车运行费 */
  table_column_leaf (self, T08_VEHICLE_OPERATION, "vehicle-operation", _("Official vehicle operation"),
                     YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 公务接待费 */
  table_column_leaf (self, T08_RECEPTION, "official-reception", _("Official reception"), YUSUAN_COLUMN_AMOUNT);
}

static void
t08_static_rows (YusuanTable *self)
{
  fixed_row (self, FIXED_TOTAL, "total", YUSUAN_ROW_TOTAL, 0, "00", CSV_ALWAYS);
}

static guint
t08_item_column (YusuanThreePublic item)
{
  switch (item)
    {
    case YUSUAN_THREE_PUBLIC_OUTBOUND_TRAVEL:
      return T08_OUTBOUND;
    case YUSUAN_THREE_PUBLIC_VEHICLE_PURCHASE:
      return T08_VEHICLE_PURCHASE;
    case YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION:
      return T08_VEHICLE_OPERATION;
    case YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION:
    default:
      return T08_RECEPTION;
    }
}

/* The stated amounts: cheap to take again on each change of them. */
static void
t08_rebuild (YusuanTable *self)
{
  gboolean track = !self->bulk;
  Row *row;

  if (track)
    table_begin_change (self);
  row = fixed (self, FIXED_TOTAL);
  for (guint c = 0; c < T08_N; c++)
    while (row->counts[c] > 0)
      table_cell_add (self, row, c, row->amounts[c], -1);

  if (yusuan_document_has_three_public (self->document))
    for (YusuanThreePublic item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
      {
        YusuanAmount amount = yusuan_document_get_three_public (self->document, item);
        guint columns[3];
        guint n = 0;

        columns[n++] = T08_TOTAL;
        columns[n++] = t08_item_column (item);
        if (item == YUSUAN_THREE_PUBLIC_VEHICLE_PURCHASE || item == YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION)
          columns[n++] = T08_VEHICLE;
        add_cells (self, &row, 1, columns, n, amount, 1);
      }

  if (track)
    table_end_change (self);
}

/* ===== 预算10表 项目支出表 ===== */

static void
t10_columns (YusuanTable *self)
{
  /* Translators: 项目编码 */
  table_column_leaf (self, T10_CODE, "code", _("Project code"), YUSUAN_COLUMN_TEXT);
  /* Translators: 类型 */
  table_column_leaf (self, T10_KIND, "kind", _("Kind"), YUSUAN_COLUMN_TEXT);
  /* Translators: 项目名称 */
  table_column_leaf (self, T10_NAME, "name", _("Project name"), YUSUAN_COLUMN_TEXT);
  /* Translators: 项目单位 */
  table_column_leaf (self, T10_UNIT, "unit", _("Project unit"), YUSUAN_COLUMN_TEXT);
  /* Translators: 合计 */
  table_column_leaf (self, T10_TOTAL, "total", _("Total"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 本年拨款 */
  table_column_group (self, "current", _("Current-year appropriation"));
  /* Translators: 一般公共预算 */
  table_column_leaf (self, T10_GPB, "fund-general-public-budget", _("General public budget"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 政府性基金预算 */
  table_column_leaf (self, T10_GF, "fund-government-fund", _("Government fund budget"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 国有资本经营预算 */
  table_column_leaf (self, T10_SC, "fund-state-capital", _("State capital operation budget"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 财政拨款结转结余 */
  table_column_group (self, "carryover", _("Carried-over appropriation"));
  /* Translators: 一般公共预算 (carry-over) */
  table_column_leaf (self, T10_CARRY_GPB, "fund-carryover-general-public-budget", _("General public budget"),
                     YUSUAN_COLUMN_AMOUNT);
  /* Translators: 政府性基金预算 (carry-over) */
  table_column_leaf (self, T10_CARRY_GF, "fund-carryover-government-fund", _("Government fund budget"),
                     YUSUAN_COLUMN_AMOUNT);
  /* Translators: 国有资本经营预算 (carry-over) */
  table_column_leaf (self, T10_CARRY_SC, "fund-carryover-state-capital", _("State capital operation budget"),
                     YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 财政专户管理资金 */
  table_column_leaf (self, T10_FSA, "fund-fiscal-special-account", _("Funds managed in fiscal special accounts"),
                     YUSUAN_COLUMN_AMOUNT);
  /* Translators: 单位资金 */
  table_column_leaf (self, T10_UNIT_FUNDS, "fund-unit", _("Unit funds"), YUSUAN_COLUMN_AMOUNT);
}

static guint
t10_fund_column (YusuanFund fund)
{
  switch (fund)
    {
    case YUSUAN_FUND_GENERAL_PUBLIC_BUDGET:
      return T10_GPB;
    case YUSUAN_FUND_GOVERNMENT_FUND:
      return T10_GF;
    case YUSUAN_FUND_STATE_CAPITAL:
      return T10_SC;
    case YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET:
      return T10_CARRY_GPB;
    case YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND:
      return T10_CARRY_GF;
    case YUSUAN_FUND_CARRYOVER_STATE_CAPITAL:
      return T10_CARRY_SC;
    case YUSUAN_FUND_FISCAL_SPECIAL_ACCOUNT:
    case YUSUAN_FUND_CARRYOVER_FISCAL_SPECIAL_ACCOUNT:
      return T10_FSA;
    default:
      return T10_UNIT_FUNDS;
    }
}

static void
t10_static_rows (YusuanTable *self)
{
  fixed_row (self, FIXED_TOTAL, "total", YUSUAN_ROW_TOTAL, 0, "00", CSV_ALWAYS);
}

static void
t10_project (YusuanTable       *self,
             guint              project_id,
             const ProjectInfo *project,
             int                sign)
{
  /* A project is a row while it exists, lines or not. */
  table_row_ref (self, department_row (self, "01", FALSE), sign);
  table_row_ref (self, project_row (self, project_id, project, 1), sign);
}

static void
t10_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  Row *rows[3];
  guint columns[2];

  if (project == NULL)
    return;

  columns[0] = T10_TOTAL;
  columns[1] = t10_fund_column (line->fund);
  rows[0] = fixed (self, FIXED_TOTAL);
  rows[1] = department_row (self, "01", FALSE);
  rows[2] = project_row (self, line->project_id, project, 1);
  add_cells (self, rows, 3, columns, 2, line->amount, sign);
}

static void
t10_texts (YusuanTable *self,
           Row         *row)
{
  switch (IKEY_TAG (row->ikey))
    {
    case TAG_FIXED:
      table_set_text (row, T10_NAME, total_label ());
      break;
    case TAG_DEPARTMENT:
      set_department_key (self, row);
      table_set_text (row, T10_CODE, yusuan_document_get_department_code (self->document));
      table_set_text (row, T10_NAME, yusuan_document_get_department_name (self->document));
      break;
    case TAG_PROJECT:
      {
        const YusuanProject *project = yusuan_document_lookup_project (self->document, row->ref_id);

        if (project == NULL)
          break;
        update_project_key (row, project);
        table_set_text (row, T10_CODE, project->code);
        table_set_text (row, T10_KIND, yusuan_project_kind_label (project->kind));
        table_set_text (row, T10_NAME, project->name);
        table_set_text (row, T10_UNIT, unit_name (self, project->unit));
      }
      break;
    default:
      break;
    }
}

/* ===== Indicator values ===== */

/* "≥95%", "100次", "≤8万元", "及时": as the published tables print them. */
static char *
indicator_value (const YusuanIndicator *indicator)
{
  if (indicator->op == YUSUAN_OPERATOR_QUALITATIVE || indicator->value == NULL)
    return g_strdup (indicator->text ? indicator->text : "");
  return g_strconcat (yusuan_operator_symbol (indicator->op), indicator->value,
                      indicator->unit ? indicator->unit : "", NULL);
}

/* ===== 预算11表 部门（单位）整体绩效目标表 ===== */

static void
t11_columns (YusuanTable *self)
{
  /* Translators: 一级指标 */
  table_column_leaf (self, T11_LEVEL1, "level1", _("Level-1 indicator"), YUSUAN_COLUMN_TEXT);
  /* Translators: 二级指标 */
  table_column_leaf (self, T11_LEVEL2, "level2", _("Level-2 indicator"), YUSUAN_COLUMN_TEXT);
  /* Translators: 三级指标 */
  table_column_leaf (self, T11_LEVEL3, "level3", _("Level-3 indicator"), YUSUAN_COLUMN_TEXT);
  /* Translators: 指标值 */
  table_column_leaf (self, T11_VALUE, "value", _("Target value"), YUSUAN_COLUMN_TEXT);
  /* Translators: 指标值说明 */
  table_column_leaf (self, T11_EXPLANATION, "explanation", _("Explanation"), YUSUAN_COLUMN_TEXT);
  /* Translators: 金额 (the budget figures of table 11) */
  table_column_leaf (self, T11_AMOUNT, "amount", _("Amount"), YUSUAN_COLUMN_AMOUNT);
}

static void
t11_static_rows (YusuanTable *self)
{
  fixed_row (self, FIXED_BUDGET_HEADING, "budget", YUSUAN_ROW_HEADING, 0, "30", CSV_NEVER);
  fixed_row (self, FIXED_BUDGET_TOTAL, "budget-total", YUSUAN_ROW_TEXT, 0, "3100", CSV_ALWAYS);
  fixed_row (self, FIXED_BUDGET_GOVERNMENT, "budget-government", YUSUAN_ROW_TEXT, 1, "3101", CSV_ALWAYS);
  fixed_row (self, FIXED_BUDGET_FSA, "budget-fiscal-special-account", YUSUAN_ROW_TEXT, 1, "3102", CSV_ALWAYS);
  fixed_row (self, FIXED_BUDGET_UNIT_FUNDS, "budget-unit-funds", YUSUAN_ROW_TEXT, 1, "3103", CSV_ALWAYS);
  fixed_row (self, FIXED_BUDGET_BASIC, "budget-basic", YUSUAN_ROW_TEXT, 1, "3104", CSV_ALWAYS);
  fixed_row (self, FIXED_BUDGET_PROJECT, "budget-project", YUSUAN_ROW_TEXT, 1, "3105", CSV_ALWAYS);
}

static void
t11_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  static const guint columns[] = { T11_AMOUNT };
  static const guint groups[] = {
    [FUND_GROUP_GOVERNMENT] = FIXED_BUDGET_GOVERNMENT,
    [FUND_GROUP_FSA] = FIXED_BUDGET_FSA,
    [FUND_GROUP_UNIT] = FIXED_BUDGET_UNIT_FUNDS,
  };
  Row *rows[3];

  rows[0] = fixed (self, FIXED_BUDGET_TOTAL);
  rows[1] = fixed (self, groups[fund_group (line->fund)]);
  rows[2] = fixed (self, line->project_id == 0 ? FIXED_BUDGET_BASIC : FIXED_BUDGET_PROJECT);
  add_cells (self, rows, 3, columns, 1, line->amount, sign);
}

static guint
department_group_order (YusuanLevel1 level1)
{
  /* The department's groups in the published order: 投入管理 first. */
  return level1 == YUSUAN_LEVEL1_INPUT_MANAGEMENT ? 0 : (guint) level1 + 1;
}

static Row *
t11_text_row (YusuanTable   *self,
              guint          section,
              guint          position,
              const char    *key,
              YusuanRowKind  kind,
              guint          depth,
              const char    *sort,
              CsvMode        csv)
{
  guint64 tag = section == SECTION_INDICATORS && position != HEADING_POSITION ? TAG_INDICATOR : TAG_TEXT;
  Row *row = table_row (self, IKEY (tag, ((guint64) section << 24) | position), key, kind, depth, sort, csv, FALSE);

  row->ref_id = section;
  row->pos = position;
  return row;
}

/* Duties, tasks and the department's indicators: texts, rebuilt whole on
 * their changes (tens of rows). */
static void
t11_rebuild (YusuanTable *self)
{
  YusuanDocument *document = self->document;
  guint old_n = self->rows->len;
  guint n_duties = yusuan_document_get_n_duties (document);
  guint n_tasks = yusuan_document_get_n_tasks (document);
  guint n_indicators = yusuan_document_get_n_indicators (document, 0);
  gboolean bulk = self->bulk;
  g_autoptr(GPtrArray) made = g_ptr_array_new ();
  Row *department;

  if (!bulk)
    {
      /* Drop every rebuilt row; budget rows (static) stay. */
      for (guint i = self->rows->len; i > 0; i--)
        {
          Row *row = g_ptr_array_index (self->rows, i - 1);

          if (!row->is_static)
            table_drop_rows (self, i - 1, 1);
        }
    }

  /* The department's name heads the table; CSV leaves it out. */
  department = department_row (self, "00", FALSE);
  department->csv = CSV_NEVER;
  department->pub.in_csv = FALSE;
  g_ptr_array_add (made, department);

  g_ptr_array_add (made, t11_text_row (self, SECTION_DUTIES, HEADING_POSITION, "duties",
                                       YUSUAN_ROW_HEADING, 0, "10", CSV_NEVER));
  for (guint i = 0; i < n_duties; i++)
    {
      g_autofree char *key = g_strdup_printf ("duty-%u", i + 1);
      g_autofree char *sort = g_strdup_printf ("11%06u", i);

      g_ptr_array_add (made, t11_text_row (self, SECTION_DUTIES, i, key, YUSUAN_ROW_TEXT, 1, sort, CSV_NEVER));
    }

  g_ptr_array_add (made, t11_text_row (self, SECTION_TASKS, HEADING_POSITION, "tasks",
                                       YUSUAN_ROW_HEADING, 0, "20", CSV_NEVER));
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *key = g_strdup_printf ("task-%u", i + 1);
      g_autofree char *sort = g_strdup_printf ("21%06u", i);

      g_ptr_array_add (made, t11_text_row (self, SECTION_TASKS, i, key, YUSUAN_ROW_TEXT, 1, sort, CSV_NEVER));
    }

  g_ptr_array_add (made, t11_text_row (self, SECTION_INDICATORS, HEADING_POSITION, "indicators",
                                       YUSUAN_ROW_HEADING, 0, "40", CSV_NEVER));
  for (guint i = 0; i < n_indicators; i++)
    {
      const YusuanIndicator *indicator = yusuan_document_get_indicator (document, 0, i);
      g_autofree char *sort = g_strdup_printf ("41%u%06u", department_group_order (indicator->level1), i);

      g_ptr_array_add (made, t11_text_row (self, SECTION_INDICATORS, i, "department",
                                           YUSUAN_ROW_INDICATOR, 1, sort, CSV_ALWAYS));
    }

  if (!bulk)
    {
      for (guint i = 0; i < made->len; i++)
        table_insert_row (self, g_ptr_array_index (made, i), FALSE);
      for (guint i = 0; i < self->rows->len; i++)
        table_refresh_row_texts (self, g_ptr_array_index (self->rows, i), FALSE);
      table_emit_rows (self, 0, old_n, self->rows->len);
    }
}

static void
t11_texts (YusuanTable *self,
           Row         *row)
{
  YusuanDocument *document = self->document;

  switch (IKEY_TAG (row->ikey))
    {
    case TAG_FIXED:
      table_set_text (row, T11_LEVEL1, fixed_label (self, row->ref_id));
      break;

    case TAG_DEPARTMENT:
      set_department_key (self, row);
      /* Translators: 部门（单位）名称 (table 11) */
      table_set_text (row, T11_LEVEL1, _("Department (unit) name"));
      table_set_text (row, T11_EXPLANATION, yusuan_document_get_department_name (document));
      break;

    case TAG_TEXT:
      if (row->pos == HEADING_POSITION)
        switch (row->ref_id)
          {
          case SECTION_DUTIES:
            /* Translators: 年度履职目标 (table 11) */
            table_set_text (row, T11_LEVEL1, _("Annual duties"));
            break;
          case SECTION_TASKS:
            /* Translators: 年度主要任务 (table 11) */
            table_set_text (row, T11_LEVEL1, _("Main tasks of the year"));
            break;
          case SECTION_INDICATORS:
          default:
            /* Translators: 绩效指标 (table 11) */
            table_set_text (row, T11_LEVEL1, _("Performance indicators"));
            break;
          }
      else if (row->ref_id == SECTION_DUTIES && row->pos < yusuan_document_get_n_duties (document))
        {
          table_take_text (row, T11_LEVEL1, g_strdup_printf ("%u", row->pos + 1));
          table_set_text (row, T11_EXPLANATION, yusuan_document_get_duty (document, row->pos));
        }
      else if (row->ref_id == SECTION_TASKS && row->pos < yusuan_document_get_n_tasks (document))
        {
          const YusuanTask *task = yusuan_document_get_task (document, row->pos);

          table_set_text (row, T11_LEVEL1, task->name);
          table_set_text (row, T11_EXPLANATION, task->text);
        }
      break;

    case TAG_INDICATOR:
      if (row->pos < yusuan_document_get_n_indicators (document, 0))
        {
          const YusuanIndicator *indicator = yusuan_document_get_indicator (document, 0, row->pos);

          table_set_text (row, T11_LEVEL1, yusuan_level1_label (indicator->level1));
          table_set_text (row, T11_LEVEL2, indicator->level2);
          table_set_text (row, T11_LEVEL3, indicator->name);
          table_take_text (row, T11_VALUE, indicator_value (indicator));
          table_set_text (row, T11_EXPLANATION, indicator->explanation);
        }
      break;

    default:
      break;
    }
}

/* ===== 预算12表 部门预算项目绩效目标汇总表 ===== */

static void
t12_columns (YusuanTable *self)
{
  static const struct {
    const char *group;
    const char *name;
    const char *value;
  } groups[] = {
    { "cost", "cost-indicator", "cost-value" },
    { "output", "output-indicator", "output-value" },
    { "effect", "effect-indicator", "effect-value" },
    { "satisfaction", "satisfaction-indicator", "satisfaction-value" },
  };
  const char *labels[G_N_ELEMENTS (groups)];

  /* Translators: 成本指标 */
  labels[0] = _("Cost indicators");
  /* Translators: 产出指标 */
  labels[1] = _("Output indicators");
  /* Translators: 效益指标 */
  labels[2] = _("Effect indicators");
  /* Translators: 满意度指标 */
  labels[3] = _("Satisfaction indicators");

  /* Translators: 单位编码（项目编码） */
  table_column_leaf (self, T12_CODE, "code", _("Unit code (project code)"), YUSUAN_COLUMN_TEXT);
  /* Translators: 项目单位（项目名称） */
  table_column_leaf (self, T12_NAME, "name", _("Project unit (project name)"), YUSUAN_COLUMN_TEXT);
  /* Translators: 项目金额 */
  table_column_group (self, "amount", _("Project amount"));
  /* Translators: 资金总额 */
  table_column_leaf (self, T12_TOTAL, "total", _("Total funds"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 政府预算资金 */
  table_column_leaf (self, T12_GOVERNMENT, "fund-government", _("Government budget funds"), YUSUAN_COLUMN_AMOUNT);
  /* Translators: 财政专户管理资金 */
  table_column_leaf (self, T12_FSA, "fund-fiscal-special-account", _("Funds managed in fiscal special accounts"),
                     YUSUAN_COLUMN_AMOUNT);
  /* Translators: 单位资金 */
  table_column_leaf (self, T12_UNIT_FUNDS, "fund-unit", _("Unit funds"), YUSUAN_COLUMN_AMOUNT);
  table_column_end (self);
  /* Translators: 绩效目标 */
  table_column_group (self, "targets", _("Performance targets"));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      table_column_group (self, groups[i].group, labels[i]);
      /* Translators: 三级指标 */
      table_column_leaf (self, T12_COST_NAME + 2 * i, groups[i].name, _("Level-3 indicator"), YUSUAN_COLUMN_TEXT);
      /* Translators: 指标值 */
      table_column_leaf (self, T12_COST_VALUE + 2 * i, groups[i].value, _("Target value"), YUSUAN_COLUMN_TEXT);
      table_column_end (self);
    }
  table_column_end (self);
}

static void
t12_static_rows (YusuanTable *self)
{
  department_row (self, "01", TRUE);
}

static void
t12_project (YusuanTable       *self,
             guint              project_id,
             const ProjectInfo *project,
             int                sign)
{
  table_row_ref (self, unit_row (self, project->unit, 1), sign);
  table_row_ref (self, project_row (self, project_id, project, 2), sign);
}

static void
t12_line (YusuanTable       *self,
          const YusuanLine  *line,
          const ProjectInfo *project,
          int                sign)
{
  static const guint group_columns[] = {
    [FUND_GROUP_GOVERNMENT] = T12_GOVERNMENT,
    [FUND_GROUP_FSA] = T12_FSA,
    [FUND_GROUP_UNIT] = T12_UNIT_FUNDS,
  };
  Row *rows[3];
  guint columns[2];

  if (project == NULL)
    return;

  columns[0] = T12_TOTAL;
  columns[1] = group_columns[fund_group (line->fund)];
  rows[0] = department_row (self, "01", TRUE);
  rows[1] = unit_row (self, project->unit, 1);
  rows[2] = project_row (self, line->project_id, project, 2);
  add_cells (self, rows, 3, columns, 2, line->amount, sign);
}

static guint
project_group_order (YusuanLevel1 level1)
{
  return (guint) level1;  /* 成本, 产出, 效益, 满意度 as the enum */
}

#define T12_N_GROUPS 4

/* The compact layout of the published table: a project's row carries the
 * first indicator of each group (成本/产出/效益/满意度) side by side, the
 * row after it the second of each, and so on for as many rows as the
 * largest group needs.  Within a group, document order. */

/* How many rows a project's indicators take: its largest group. */
static guint
t12_n_indicator_rows (const YusuanProject *project)
{
  guint n[T12_N_GROUPS] = { 0, };
  guint most = 0;

  for (guint i = 0; i < project->indicators->len; i++)
    {
      const YusuanIndicator *indicator = g_ptr_array_index (project->indicators, i);
      guint group = project_group_order (indicator->level1);

      if (group < T12_N_GROUPS)
        {
          n[group]++;
          most = MAX (most, n[group]);
        }
    }
  return most;
}

/* Fills the indicator cells of a project's row @k (0: its own row): the
 * k-th indicator of each group. */
static void
t12_indicator_texts (Row                 *row,
                     const YusuanProject *project,
                     guint                k)
{
  guint seen[T12_N_GROUPS] = { 0, };

  row->slots = 0;
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const YusuanIndicator *indicator = g_ptr_array_index (project->indicators, i);
      guint group = project_group_order (indicator->level1);

      if (group >= T12_N_GROUPS)
        continue;  /* the contract gives projects no other group */
      if (seen[group]++ != k)
        continue;
      row->slots |= 1u << group;
      table_set_text (row, T12_COST_NAME + 2 * group, indicator->name);
      table_take_text (row, T12_COST_VALUE + 2 * group, indicator_value (indicator));
    }
}

/* Makes a project's rows k = @first … @last - 1 after its own (pending or
 * appended). */
static void
t12_make_indicator_rows (YusuanTable         *self,
                         const YusuanProject *project,
                         Row                 *project_row_,
                         guint                first,
                         guint                last,
                         GPtrArray           *made)
{
  for (guint k = first; k < last; k++)
    {
      guint64 ikey = IKEY (TAG_INDICATOR, ((guint64) project->id << 24) | k);
      Row *row = table_row_under (self, ikey, project->code, YUSUAN_ROW_INDICATOR, 3,
                                  project_row_, project_row_->sort2 + k, CSV_ALWAYS);

      row->ref_id = project->id;
      row->pos = k;
      if (made)
        g_ptr_array_add (made, row);
    }
}

static void
t12_indicators (YusuanTable         *self,
                guint                project_id,
                const YusuanProject *project)
{
  guint64 ikey = IKEY (TAG_PROJECT, project_id);
  Row *row = g_hash_table_lookup (self->by_ikey, &ikey);
  g_autoptr(GPtrArray) made = g_ptr_array_new ();
  int position;
  guint start, n_old = 0, n_new = 0, n_kept;

  if (row == NULL || row->pending)
    return;
  position = table_row_index (self, row);
  g_assert (position >= 0);
  start = (guint) position + 1;

  /* The rows continuing a project's follow its row. */
  while (start + n_old < self->rows->len)
    {
      Row *next = g_ptr_array_index (self->rows, start + n_old);

      if (IKEY_TAG (next->ikey) != TAG_INDICATOR || next->ref_id != project_id)
        break;
      n_old++;
    }
  if (project != NULL)
    {
      guint n_rows = t12_n_indicator_rows (project);

      n_new = n_rows > 1 ? n_rows - 1 : 0;
    }
  n_kept = MIN (n_old, n_new);

  /* Rows going or coming at the end of the project's block … */
  if (n_old > n_kept)
    {
      table_drop_rows (self, start + n_kept, n_old - n_kept);
      table_emit_rows (self, start + n_kept, n_old - n_kept, 0);
    }
  if (n_new > n_kept)
    {
      t12_make_indicator_rows (self, project, row, n_kept + 1, n_new + 1, made);
      for (guint i = 0; i < made->len; i++)
        table_insert_row (self, g_ptr_array_index (made, i), FALSE);
      table_emit_rows (self, start + n_kept, 0, made->len);
    }

  /* … and the cells of the rows that stay: the project's own, with the first
   * indicators, and those continuing it. */
  if (project != NULL)
    {
      table_refresh_row_texts (self, row, TRUE);
      for (guint i = 0; i < n_kept; i++)
        table_refresh_row_texts (self, g_ptr_array_index (self->rows, start + i), TRUE);
    }
}

static void
t12_rebuild (YusuanTable *self)
{
  guint n_projects = yusuan_document_get_n_projects (self->document);

  /* Only in a recompute: every project's rows after its own, appended. */
  g_return_if_fail (self->bulk);
  for (guint i = 0; i < n_projects; i++)
    {
      const YusuanProject *project = yusuan_document_get_project (self->document, i);
      guint64 ikey = IKEY (TAG_PROJECT, project->id);
      Row *row = g_hash_table_lookup (self->by_ikey, &ikey);

      if (row != NULL)
        t12_make_indicator_rows (self, project, row, 1, t12_n_indicator_rows (project), NULL);
    }
}

static void
t12_texts (YusuanTable *self,
           Row         *row)
{
  switch (IKEY_TAG (row->ikey))
    {
    case TAG_DEPARTMENT:
      set_department_key (self, row);
      table_set_text (row, T12_CODE, yusuan_document_get_department_code (self->document));
      table_set_text (row, T12_NAME, yusuan_document_get_department_name (self->document));
      break;
    case TAG_UNIT:
      table_set_text (row, T12_CODE, row->code);
      table_set_text (row, T12_NAME, unit_name (self, row->code));
      break;
    case TAG_PROJECT:
      {
        const YusuanProject *project = yusuan_document_lookup_project (self->document, row->ref_id);

        if (project == NULL)
          break;
        update_project_key (row, project);
        table_set_text (row, T12_CODE, project->code);
        table_set_text (row, T12_NAME, project->name);
        t12_indicator_texts (row, project, 0);
      }
      break;
    case TAG_INDICATOR:
      {
        const YusuanProject *project = yusuan_document_lookup_project (self->document, row->ref_id);

        if (project == NULL)
          break;
        update_project_key (row, project);
        t12_indicator_texts (row, project, row->pos);
      }
      break;
    default:
      break;
    }
}

/* ===== The definitions ===== */

static const TableDef defs[YUSUAN_N_TABLES] = {
  { .number = 1, .build_columns = t01_columns, .static_rows = t01_static_rows,
    .line = t01_line, .revenue = t01_revenue, .texts = t01_texts },
  { .number = 2, .build_columns = t02_columns, .static_rows = t02_static_rows,
    .revenue = t02_revenue, .texts = t02_texts },
  { .number = 3, .project_deps = DEPENDS_KIND, .build_columns = t03_columns,
    .static_rows = t03_static_rows, .line = t03_line, .texts = t03_texts },
  { .number = 4, .build_columns = t04_columns, .static_rows = t04_static_rows,
    .line = t04_line, .revenue = t04_revenue, .texts = t04_texts },
  { .number = 5, .project_deps = DEPENDS_KIND, .build_columns = t03_columns,
    .static_rows = t03_static_rows, .line = t03_line, .texts = t03_texts },
  { .number = 6, .build_columns = t06_columns, .static_rows = t06_static_rows,
    .line = t06_line, .texts = t06_texts },
  { .number = 7, .build_columns = t07_columns, .static_rows = t03_static_rows,
    .line = t07_line, .texts = t07_texts },
  { .number = 8, .build_columns = t08_columns, .static_rows = t08_static_rows,
    .rebuild = t08_rebuild, .rebuild_on = 1u << YUSUAN_CHANGE_THREE_PUBLIC },
  { .number = 9, .project_deps = DEPENDS_KIND, .build_columns = t03_columns,
    .static_rows = t03_static_rows, .line = t03_line, .texts = t03_texts,
    .after_change = t03_after_change },
  { .number = 10, .project_deps = DEPENDS_UNIT | DEPENDS_CODE, .build_columns = t10_columns,
    .static_rows = t10_static_rows, .line = t10_line, .project = t10_project, .texts = t10_texts },
  { .number = 11, .build_columns = t11_columns, .static_rows = t11_static_rows,
    .line = t11_line, .texts = t11_texts, .rebuild = t11_rebuild,
    .rebuild_on = 1u << YUSUAN_CHANGE_HEADER | 1u << YUSUAN_CHANGE_INDICATORS | 1u << YUSUAN_CHANGE_PERFORMANCE },
  { .number = 12, .project_deps = DEPENDS_UNIT | DEPENDS_CODE, .build_columns = t12_columns,
    .static_rows = t12_static_rows, .line = t12_line, .project = t12_project, .texts = t12_texts,
    .rebuild = t12_rebuild, .indicators = t12_indicators,
    .n_slots = T12_N_GROUPS, .slot_column = T12_COST_NAME, .slot_width = 2 },
};

const TableDef *
yusuan_table_def_for_number (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= YUSUAN_N_TABLES, NULL);

  return &defs[number - 1];
}

/* ===== Titles ===== */

const char *
yusuan_table_name_for_number (guint number)
{
  switch (number)
    {
    /* Translators: 部门收支总体情况表 (预算01表) */
    case 1: return _("Department Revenue and Expenditure Overview");
    /* Translators: 部门收入总体情况表 (预算02表) */
    case 2: return _("Department Revenue Overview");
    /* Translators: 部门支出总体情况表 (预算03表) */
    case 3: return _("Department Expenditure Overview");
    /* Translators: 财政拨款收支总体情况表 (预算04表) */
    case 4: return _("Fiscal Appropriation Revenue and Expenditure Overview");
    /* Translators: 一般公共预算支出情况表 (预算05表) */
    case 5: return _("General Public Budget Expenditure");
    /* Translators: 一般公共预算基本支出表 (预算06表) */
    case 6: return _("General Public Budget Basic Expenditure");
    /* Translators: 支出经济分类汇总表 (预算07表) */
    case 7: return _("Expenditure by Economic Classification");
    /* Translators: 一般公共预算“三公”经费支出情况表 (预算08表) */
    case 8: return _("General Public Budget “Three Public” Expenses");
    /* Translators: 政府性基金预算支出情况表 (预算09表) */
    case 9: return _("Government Fund Budget Expenditure");
    /* Translators: 项目支出表 (预算10表) */
    case 10: return _("Project Expenditure");
    /* Translators: 部门（单位）整体绩效目标表 (预算11表) */
    case 11: return _("Department (Unit) Overall Performance Targets");
    /* Translators: 部门预算项目绩效目标汇总表 (预算12表) */
    case 12: return _("Department Budget Project Performance Targets");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
yusuan_table_dup_title (YusuanTable *self)
{
  int year;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);

  year = yusuan_document_get_fiscal_year (self->document);
  switch (self->number)
    {
    /* Translators: %d年部门收支总体情况表 — the year comes first, as in 2023年部门收支总体情况表 */
    case 1: return g_strdup_printf (_("%d Department Revenue and Expenditure Overview"), year);
    /* Translators: %d年部门收入总体情况表 */
    case 2: return g_strdup_printf (_("%d Department Revenue Overview"), year);
    /* Translators: %d年部门支出总体情况表 */
    case 3: return g_strdup_printf (_("%d Department Expenditure Overview"), year);
    /* Translators: %d年财政拨款收支总体情况表 */
    case 4: return g_strdup_printf (_("%d Fiscal Appropriation Revenue and Expenditure Overview"), year);
    /* Translators: %d年一般公共预算支出情况表 */
    case 5: return g_strdup_printf (_("%d General Public Budget Expenditure"), year);
    /* Translators: %d年一般公共预算基本支出表 */
    case 6: return g_strdup_printf (_("%d General Public Budget Basic Expenditure"), year);
    /* Translators: %d年支出经济分类汇总表 */
    case 7: return g_strdup_printf (_("%d Expenditure by Economic Classification"), year);
    /* Translators: %d年一般公共预算“三公”经费支出情况表 */
    case 8: return g_strdup_printf (_("%d General Public Budget “Three Public” Expenses"), year);
    /* Translators: %d年政府性基金预算支出情况表 */
    case 9: return g_strdup_printf (_("%d Government Fund Budget Expenditure"), year);
    /* Translators: %d年项目支出表 */
    case 10: return g_strdup_printf (_("%d Project Expenditure"), year);
    /* Translators: 部门（单位）整体绩效目标表（%d年度） — the year comes last here */
    case 11: return g_strdup_printf (_("Department (Unit) Overall Performance Targets (%d)"), year);
    /* Translators: %d年部门预算项目绩效目标汇总表 */
    case 12: return g_strdup_printf (_("%d Department Budget Project Performance Targets"), year);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
yusuan_table_dup_code (YusuanTable *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);

  /* Translators: 预算%02u表, the table's number as published: 预算03表 */
  return g_strdup_printf (_("Table %02u"), self->number);
}

char *
yusuan_table_dup_note (YusuanTable *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);

  switch (self->number)
    {
    case 5:
      /* Translators: 备注：本表仅含当年财政拨款安排的支出 (预算05表) */
      return g_strdup (_("Note: this table holds only expenditure from the current year's fiscal appropriation."));
    case 8:
      /* Translators: the note of 预算08表: “三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费 */
      return g_strdup (_("Note: the “three public” expenses are official travel abroad, official vehicle purchase "
                         "and operation, and official reception."));
    default:
      return NULL;
    }
}

/* ===== Editing ===== */

static gboolean
line_in_column (YusuanTable      *self,
                Row              *row,
                guint             column,
                const YusuanLine *line)
{
  switch (self->number)
    {
    case 6:
      return line->project_id == 0
             && line->fund == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET
             && strcmp (line->econ_dept, row->code) == 0
             && strcmp (line->econ_gov, row->code2) == 0
             && (line->category == YUSUAN_CATEGORY_PERSONNEL ? T06_PERSONNEL : T06_PUBLIC) == column;
    case 10:
      return line->project_id == row->ref_id && t10_fund_column (line->fund) == column;
    default:
      return FALSE;
    }
}

gboolean
yusuan_table_is_editable (YusuanTable *self,
                          guint        row,
                          guint        column)
{
  Row *r;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->leaves->len, FALSE);

  r = g_ptr_array_index (self->rows, row);
  switch (self->number)
    {
    case 2:
      /* A unit's revenue by source: an empty one becomes a new revenue. */
      return IKEY_TAG (r->ikey) == TAG_UNIT
             && column != T02_GPB_APPROPRIATION
             && column != T02_CURRENT_TOTAL && column != T02_CARRY_TOTAL
             && column >= T02_GPB;
    case 6:
      return IKEY_TAG (r->ikey) == TAG_ECONOMIC
             && (column == T06_PERSONNEL || column == T06_PUBLIC)
             && r->counts[column] > 0;
    case 8:
      return column == T08_OUTBOUND || column == T08_VEHICLE_PURCHASE
             || column == T08_VEHICLE_OPERATION || column == T08_RECEPTION;
    case 10:
      return IKEY_TAG (r->ikey) == TAG_PROJECT && column >= T10_GPB && r->counts[column] > 0;
    default:
      return FALSE;
    }
}

static YusuanFund
t02_column_source (guint column)
{
  if (column == T02_GPB)
    return YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  if (column >= T02_GF && column <= T02_DRAWDOWN)
    return YUSUAN_FUND_GOVERNMENT_FUND + (column - T02_GF);
  return YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET + (column - T02_CARRY_GPB);
}

/* The lines behind an editable cell, in document order (set_amount gives
 * the last the difference). */
static GArray *
editable_cell_lines (YusuanTable *self,
                     Row         *r,
                     guint        column)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  switch (self->number)
    {
    case 2:
      {
        YusuanFund source = t02_column_source (column);
        guint n = yusuan_document_get_n_revenues (self->document);

        for (guint i = 0; i < n; i++)
          {
            const YusuanRevenue *revenue = yusuan_document_get_revenue (self->document, i);

            if (revenue->source == source && strcmp (revenue->unit, r->code) == 0)
              g_array_append_val (ids, revenue->id);
          }
      }
      break;

    case 6:
      {
        guint n = yusuan_document_get_n_basic_lines (self->document);

        for (guint i = 0; i < n; i++)
          {
            const YusuanLine *line = yusuan_document_get_basic_line (self->document, i);

            if (line_in_column (self, r, column, line))
              g_array_append_val (ids, line->id);
          }
      }
      break;

    case 10:
      {
        const YusuanProject *project = yusuan_document_lookup_project (self->document, r->ref_id);

        for (guint i = 0; project && i < project->lines->len; i++)
          {
            const YusuanLine *line = g_ptr_array_index (project->lines, i);

            if (line_in_column (self, r, column, line))
              g_array_append_val (ids, line->id);
          }
      }
      break;

    default:
      break;
    }
  return ids;
}

GArray *
yusuan_table_get_cell_lines (YusuanTable *self,
                             guint        row,
                             guint        column)
{
  const YusuanColumn *leaf;
  gboolean revenues;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->leaves->len, NULL);

  leaf = g_ptr_array_index (self->leaves, column);
  if (leaf->kind != YUSUAN_COLUMN_AMOUNT || self->number == 8)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  if (yusuan_table_is_editable (self, row, column))
    return editable_cell_lines (self, g_ptr_array_index (self->rows, row), column);
  return table_probe_cell (self, g_ptr_array_index (self->rows, row), column, &revenues);
}

gboolean
yusuan_table_cell_is_revenue (YusuanTable *self,
                              guint        row,
                              guint        column)
{
  Row *r;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->leaves->len, FALSE);

  r = g_ptr_array_index (self->rows, row);
  switch (self->number)
    {
    case 2:
      return ((YusuanColumn *) g_ptr_array_index (self->leaves, column))->kind == YUSUAN_COLUMN_AMOUNT;
    case 1:
    case 4:
      return IKEY_TAG (r->ikey) == TAG_FIXED
             && (r->ref_id >= FIXED_SOURCE || r->ref_id == FIXED_APPROPRIATION
                 || r->ref_id == FIXED_REVENUE_CURRENT || r->ref_id == FIXED_REVENUE_CARRYOVER
                 || r->ref_id == FIXED_REVENUE_TOTAL);
    default:
      return FALSE;
    }
}

static YusuanAmount
line_or_revenue_amount (YusuanTable *self,
                        guint        id)
{
  if (self->number == 2)
    {
      const YusuanRevenue *revenue = yusuan_document_lookup_revenue (self->document, id);

      return revenue ? revenue->amount : 0;
    }
  else
    {
      const YusuanLine *line = yusuan_document_lookup_line (self->document, id);

      return line ? line->amount : 0;
    }
}

gboolean
yusuan_table_set_amount (YusuanTable   *self,
                         guint          row,
                         guint          column,
                         YusuanAmount   amount,
                         GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  YusuanAmount others = 0;
  guint last;
  Row *r;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->leaves->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!yusuan_table_is_editable (self, row, column))
    {
      g_set_error_literal (error, YUSUAN_TABLE_ERROR, YUSUAN_TABLE_ERROR_NOT_EDITABLE,
                           _("This cell is a total or stands for no line: edit the lines behind it instead."));
      return FALSE;
    }
  if (amount < 0)
    {
      g_autofree char *shown = yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);

      /* Translators: %s is an amount in 万元 */
      g_set_error (error, YUSUAN_TABLE_ERROR, YUSUAN_TABLE_ERROR_NEGATIVE,
                   _("An amount in this table cannot be negative (%s 万元)."), shown);
      return FALSE;
    }

  r = g_ptr_array_index (self->rows, row);

  if (self->number == 8)
    {
      YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC] = { 0, };
      gboolean has = yusuan_document_has_three_public (self->document);

      for (YusuanThreePublic item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
        {
          if (has)
            amounts[item] = yusuan_document_get_three_public (self->document, item);
          if (t08_item_column (item) == column)
            amounts[item] = amount;
        }
      yusuan_document_set_three_public (self->document, amounts);
      return TRUE;
    }

  ids = editable_cell_lines (self, r, column);
  if (ids->len == 0)
    {
      /* Only table 02 gets here: a unit's first revenue from this source. */
      g_assert (self->number == 2);
      if (!yusuan_document_check_amount_change (self->document, TRUE, 0, amount, error))
        return FALSE;
      yusuan_document_add_revenue (self->document, r->code, t02_column_source (column), amount);
      return TRUE;
    }

  /* With several lines behind the cell, the last takes the difference. */
  for (guint i = 0; i + 1 < ids->len; i++)
    others += line_or_revenue_amount (self, g_array_index (ids, guint, i));
  if (amount < others)
    {
      g_autofree char *wanted = yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
      g_autofree char *rest = yusuan_amount_format (others, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);

      g_set_error (error, YUSUAN_TABLE_ERROR, YUSUAN_TABLE_ERROR_NEGATIVE,
                   /* Translators: both %s are amounts in 万元 */
                   _("Cannot set %s 万元: the other lines behind this cell already hold %s 万元; "
                     "edit those lines instead."), wanted, rest);
      return FALSE;
    }

  last = g_array_index (ids, guint, ids->len - 1);
  if (!yusuan_document_check_amount_change (self->document, self->number == 2,
                                            line_or_revenue_amount (self, last), amount - others, error))
    return FALSE;
  if (self->number == 2)
    {
      YusuanRevenue values = *yusuan_document_lookup_revenue (self->document, last);

      values.amount = amount - others;
      yusuan_document_set_revenue (self->document, last, &values);
    }
  else
    yusuan_document_set_line_amount (self->document, last, amount - others);
  return TRUE;
}
