/* yusuan-enums.h - the contract's enumerations, their tokens and their official names
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  YUSUAN_STAGE_FIRST_PROPOSAL,   /* 一上 */
  YUSUAN_STAGE_CONTROL_NUMBERS,  /* 一下 */
  YUSUAN_STAGE_SECOND_PROPOSAL,  /* 二上 */
  YUSUAN_STAGE_APPROVED,         /* 二下 */
  YUSUAN_STAGE_ADJUSTED,         /* 预算调整 */
  YUSUAN_N_STAGES
} YusuanStage;

typedef enum
{
  YUSUAN_UNIT_KIND_ADMINISTRATIVE,         /* 行政单位 */
  YUSUAN_UNIT_KIND_CIVIL_SERVANT_MANAGED,  /* 参照公务员法管理事业单位 */
  YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION,     /* 事业单位 */
  YUSUAN_UNIT_KIND_OTHER,
  YUSUAN_N_UNIT_KINDS
} YusuanUnitKind;

/* Source of money; the same list names revenue sources and expenditure funds.
 * The order is the contract's, which is also the order of the tables' columns. */
typedef enum
{
  YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
  YUSUAN_FUND_GOVERNMENT_FUND,
  YUSUAN_FUND_STATE_CAPITAL,
  YUSUAN_FUND_FISCAL_SPECIAL_ACCOUNT,
  YUSUAN_FUND_INSTITUTION_INCOME,
  YUSUAN_FUND_INSTITUTION_BUSINESS_INCOME,
  YUSUAN_FUND_SUPERIOR_SUBSIDY,
  YUSUAN_FUND_SUBORDINATE_REMITTANCE,
  YUSUAN_FUND_OTHER_INCOME,
  YUSUAN_FUND_INSTITUTION_FUND_DRAWDOWN,
  YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET,
  YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND,
  YUSUAN_FUND_CARRYOVER_STATE_CAPITAL,
  YUSUAN_FUND_CARRYOVER_FISCAL_SPECIAL_ACCOUNT,
  YUSUAN_FUND_CARRYOVER_UNIT_FUNDS,
  YUSUAN_N_FUNDS
} YusuanFund;

typedef enum
{
  YUSUAN_CATEGORY_PERSONNEL,  /* 人员经费 */
  YUSUAN_CATEGORY_PUBLIC,     /* 公用经费 */
  YUSUAN_N_CATEGORIES
} YusuanCategory;

typedef enum
{
  YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL,  /* 其他运转类 */
  YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE,   /* 特定目标类 */
  YUSUAN_N_PROJECT_KINDS
} YusuanProjectKind;

/* Level-1 groups of indicators: the first four are a project's, a department's
 * use input-management, output, effect and satisfaction. */
typedef enum
{
  YUSUAN_LEVEL1_COST,              /* 成本指标 */
  YUSUAN_LEVEL1_OUTPUT,            /* 产出指标 */
  YUSUAN_LEVEL1_EFFECT,            /* 效益指标 */
  YUSUAN_LEVEL1_SATISFACTION,      /* 满意度指标 */
  YUSUAN_LEVEL1_INPUT_MANAGEMENT,  /* 投入管理指标 (department only) */
  YUSUAN_N_LEVEL1
} YusuanLevel1;

typedef enum
{
  YUSUAN_OPERATOR_GE,
  YUSUAN_OPERATOR_GT,
  YUSUAN_OPERATOR_LE,
  YUSUAN_OPERATOR_LT,
  YUSUAN_OPERATOR_EQ,
  YUSUAN_OPERATOR_QUALITATIVE,
  YUSUAN_N_OPERATORS
} YusuanOperator;

typedef enum
{
  YUSUAN_PROCUREMENT_GOODS,     /* 货物 */
  YUSUAN_PROCUREMENT_WORKS,     /* 工程 */
  YUSUAN_PROCUREMENT_SERVICES,  /* 服务 */
  YUSUAN_N_PROCUREMENT_CATEGORIES
} YusuanProcurementCategory;

/* What a line pays for: the department's running (基本支出) or a project (项目支出). */
typedef enum
{
  YUSUAN_SPENDING_BASIC,    /* 基本支出 */
  YUSUAN_SPENDING_PROJECT,  /* 项目支出 */
  YUSUAN_N_SPENDING_KINDS
} YusuanSpendingKind;

/* 三公 items, in the contract's attribute order. */
typedef enum
{
  YUSUAN_THREE_PUBLIC_OUTBOUND_TRAVEL,     /* 因公出国（境）费 */
  YUSUAN_THREE_PUBLIC_VEHICLE_PURCHASE,    /* 公务用车购置费 */
  YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION,   /* 公务用车运行维护费 */
  YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION,  /* 公务接待费 */
  YUSUAN_N_THREE_PUBLIC
} YusuanThreePublic;

typedef enum
{
  YUSUAN_PRIOR_REVENUE_TOTAL,
  YUSUAN_PRIOR_EXPENDITURE_TOTAL,
  YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET,
  YUSUAN_PRIOR_GOVERNMENT_FUND,
  YUSUAN_PRIOR_BASIC_EXPENDITURE,
  YUSUAN_PRIOR_PROJECT_EXPENDITURE,
  YUSUAN_PRIOR_OUTBOUND_TRAVEL,
  YUSUAN_PRIOR_VEHICLE_PURCHASE,
  YUSUAN_PRIOR_VEHICLE_OPERATION,
  YUSUAN_PRIOR_OFFICIAL_RECEPTION,
  YUSUAN_PRIOR_OPERATING_COSTS,
  YUSUAN_PRIOR_PROCUREMENT,
  YUSUAN_N_PRIOR_KEYS
} YusuanPriorKey;

/* Tokens are the contract's spellings ("general-public-budget"); _from_token
 * returns FALSE for anything else.  Labels are the official names, translated. */
const char *yusuan_stage_to_token          (YusuanStage s);
gboolean    yusuan_stage_from_token        (const char *token, YusuanStage *out);
const char *yusuan_stage_label             (YusuanStage s);

const char *yusuan_unit_kind_to_token      (YusuanUnitKind k);
gboolean    yusuan_unit_kind_from_token    (const char *token, YusuanUnitKind *out);
const char *yusuan_unit_kind_label         (YusuanUnitKind k);

const char *yusuan_fund_to_token           (YusuanFund f);
gboolean    yusuan_fund_from_token         (const char *token, YusuanFund *out);
const char *yusuan_fund_label              (YusuanFund f);
gboolean    yusuan_fund_is_carryover       (YusuanFund f);
/* 财政拨款: general-public-budget, government-fund, state-capital (and their carry-over). */
gboolean    yusuan_fund_is_appropriation   (YusuanFund f);
/* A current-year appropriation (本年财政拨款): what the bureau's control numbers are for. */
gboolean    yusuan_fund_is_controlled      (YusuanFund f);
/* The current-year fund a carry-over fund belongs to (itself for current-year
 * funds; carryover-unit-funds maps to itself). */
YusuanFund  yusuan_fund_base               (YusuanFund f);

const char *yusuan_category_to_token       (YusuanCategory c);
gboolean    yusuan_category_from_token     (const char *token, YusuanCategory *out);
const char *yusuan_category_label          (YusuanCategory c);

const char *yusuan_project_kind_to_token   (YusuanProjectKind k);
gboolean    yusuan_project_kind_from_token (const char *token, YusuanProjectKind *out);
const char *yusuan_project_kind_label      (YusuanProjectKind k);

const char *yusuan_level1_to_token         (YusuanLevel1 l);
gboolean    yusuan_level1_from_token       (const char *token, YusuanLevel1 *out);
const char *yusuan_level1_label            (YusuanLevel1 l);

const char *yusuan_operator_to_token       (YusuanOperator o);
gboolean    yusuan_operator_from_token     (const char *token, YusuanOperator *out);
/* "≥", "≤", ">", "<", "" (eq prints the bare value), "" (qualitative) */
const char *yusuan_operator_symbol         (YusuanOperator o);
gboolean    yusuan_operator_needs_value    (YusuanOperator o);

const char *yusuan_procurement_category_to_token   (YusuanProcurementCategory c);
gboolean    yusuan_procurement_category_from_token (const char *token, YusuanProcurementCategory *out);
const char *yusuan_procurement_category_label      (YusuanProcurementCategory c);

const char *yusuan_spending_kind_to_token  (YusuanSpendingKind k);   /* "basic", "project" */
gboolean    yusuan_spending_kind_from_token (const char *token, YusuanSpendingKind *out);
const char *yusuan_spending_kind_label     (YusuanSpendingKind k);
/* What a control number limits: “一般公共预算 基本支出”; free it. */
char       *yusuan_fund_spending_label     (YusuanFund f, YusuanSpendingKind k);

const char *yusuan_three_public_to_token   (YusuanThreePublic t);
const char *yusuan_three_public_label      (YusuanThreePublic t);
/* The department economic code that carries it: 30212, 31013, 30231, 30217. */
const char *yusuan_three_public_econ_code  (YusuanThreePublic t);

const char *yusuan_prior_key_to_token      (YusuanPriorKey k);
gboolean    yusuan_prior_key_from_token    (const char *token, YusuanPriorKey *out);

G_END_DECLS
