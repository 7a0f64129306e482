/* yusuan-enums.c - the contract's enumerations, their tokens and their official names
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-enums.h"

/* Tokens are spelled exactly as contract/budget-1.xsd; labels are English
 * msgids whose translator comments give the official Chinese term. */

static const char *const stage_tokens[YUSUAN_N_STAGES] = {
  "first-proposal",
  "control-numbers",
  "second-proposal",
  "approved",
  "adjusted",
};

static const char *const stage_labels[YUSUAN_N_STAGES] = {
  /* Translators: 一上 */
  N_("First proposal"),
  /* Translators: 一下 */
  N_("Control numbers"),
  /* Translators: 二上 */
  N_("Second proposal"),
  /* Translators: 二下 */
  N_("Approved"),
  /* Translators: 预算调整 */
  N_("Budget adjustment"),
};

static const char *const unit_kind_tokens[YUSUAN_N_UNIT_KINDS] = {
  "administrative",
  "civil-servant-managed",
  "public-institution",
  "other",
};

static const char *const unit_kind_labels[YUSUAN_N_UNIT_KINDS] = {
  /* Translators: 行政单位 */
  N_("Administrative unit"),
  /* Translators: 参照公务员法管理事业单位 */
  N_("Public institution managed under the Civil Servant Law"),
  /* Translators: 事业单位 */
  N_("Public institution"),
  /* Translators: 其他 (a unit of another kind) */
  N_("Other"),
};

static const char *const fund_tokens[YUSUAN_N_FUNDS] = {
  "general-public-budget",
  "government-fund",
  "state-capital",
  "fiscal-special-account",
  "institution-income",
  "institution-business-income",
  "superior-subsidy",
  "subordinate-remittance",
  "other-income",
  "institution-fund-drawdown",
  "carryover-general-public-budget",
  "carryover-government-fund",
  "carryover-state-capital",
  "carryover-fiscal-special-account",
  "carryover-unit-funds",
};

static const char *const fund_labels[YUSUAN_N_FUNDS] = {
  /* Translators: 一般公共预算 */
  N_("General public budget"),
  /* Translators: 政府性基金 */
  N_("Government fund"),
  /* Translators: 国有资本经营预算 */
  N_("State capital operation budget"),
  /* Translators: 财政专户管理资金收入 */
  N_("Revenue of funds managed in fiscal special accounts"),
  /* Translators: 事业收入 */
  N_("Institution income"),
  /* Translators: 事业单位经营收入 */
  N_("Business income of public institutions"),
  /* Translators: 上级补助收入 */
  N_("Subsidy from the superior"),
  /* Translators: 附属单位上缴收入 */
  N_("Remittance from subordinate units"),
  /* Translators: 其他收入 */
  N_("Other income"),
  /* Translators: 用事业基金弥补收支差额 */
  N_("Institution fund drawn to cover the gap"),
  /* Translators: 上年结转：一般公共预算 */
  N_("Carry-over: general public budget"),
  /* Translators: 上年结转：政府性基金 */
  N_("Carry-over: government fund"),
  /* Translators: 上年结转：国有资本经营预算 */
  N_("Carry-over: state capital operation budget"),
  /* Translators: 上年结转：财政专户管理资金 */
  N_("Carry-over: funds managed in fiscal special accounts"),
  /* Translators: 上年结转结余：单位资金 */
  N_("Carry-over: unit funds"),
};

static const char *const category_tokens[YUSUAN_N_CATEGORIES] = {
  "personnel",
  "public",
};

static const char *const category_labels[YUSUAN_N_CATEGORIES] = {
  /* Translators: 人员经费 */
  N_("Personnel expenses"),
  /* Translators: 公用经费 */
  N_("Public expenses"),
};

static const char *const project_kind_tokens[YUSUAN_N_PROJECT_KINDS] = {
  "other-operational",
  "specific-purpose",
};

static const char *const project_kind_labels[YUSUAN_N_PROJECT_KINDS] = {
  /* Translators: 其他运转类 */
  N_("Other operational"),
  /* Translators: 特定目标类 */
  N_("Specific purpose"),
};

static const char *const level1_tokens[YUSUAN_N_LEVEL1] = {
  "cost",
  "output",
  "effect",
  "satisfaction",
  "input-management",
};

static const char *const level1_labels[YUSUAN_N_LEVEL1] = {
  /* Translators: 成本指标 */
  N_("Cost indicators"),
  /* Translators: 产出指标 */
  N_("Output indicators"),
  /* Translators: 效益指标 */
  N_("Effect indicators"),
  /* Translators: 满意度指标 */
  N_("Satisfaction indicators"),
  /* Translators: 投入管理指标 */
  N_("Input and management indicators"),
};

static const char *const operator_tokens[YUSUAN_N_OPERATORS] = {
  "ge",
  "gt",
  "le",
  "lt",
  "eq",
  "qualitative",
};

static const char *const operator_symbols[YUSUAN_N_OPERATORS] = {
  "≥",
  ">",
  "≤",
  "<",
  "",
  "",
};

static const char *const procurement_tokens[YUSUAN_N_PROCUREMENT_CATEGORIES] = {
  "goods",
  "works",
  "services",
};

static const char *const procurement_labels[YUSUAN_N_PROCUREMENT_CATEGORIES] = {
  /* Translators: 货物 (a government procurement category) */
  N_("Goods"),
  /* Translators: 工程 (a government procurement category) */
  N_("Works"),
  /* Translators: 服务 (a government procurement category) */
  N_("Services"),
};

static const char *const spending_kind_tokens[YUSUAN_N_SPENDING_KINDS] = {
  "basic",
  "project",
};

static const char *const spending_kind_labels[YUSUAN_N_SPENDING_KINDS] = {
  /* Translators: 基本支出 */
  N_("Basic expenditure"),
  /* Translators: 项目支出 */
  N_("Project expenditure"),
};

static const char *const three_public_tokens[YUSUAN_N_THREE_PUBLIC] = {
  "outbound-travel",
  "vehicle-purchase",
  "vehicle-operation",
  "official-reception",
};

static const char *const three_public_labels[YUSUAN_N_THREE_PUBLIC] = {
  /* Translators: 因公出国（境）费 */
  N_("Official travel abroad"),
  /* Translators: 公务用车购置费 */
  N_("Official vehicle purchase"),
  /* Translators: 公务用车运行维护费 */
  N_("Official vehicle operation and maintenance"),
  /* Translators: 公务接待费 */
  N_("Official reception"),
};

/* 30212 因公出国（境）费用, 31013 公务用车购置, 30231 公务用车运行维护费, 30217 公务接待费 */
static const char *const three_public_econ_codes[YUSUAN_N_THREE_PUBLIC] = {
  "30212",
  "31013",
  "30231",
  "30217",
};

static const char *const prior_key_tokens[YUSUAN_N_PRIOR_KEYS] = {
  "revenue-total",
  "expenditure-total",
  "general-public-budget",
  "government-fund",
  "basic-expenditure",
  "project-expenditure",
  "outbound-travel",
  "vehicle-purchase",
  "vehicle-operation",
  "official-reception",
  "operating-costs",
  "procurement",
};

static gboolean
lookup_token (const char *const *tokens,
              guint              n_tokens,
              const char        *token,
              guint             *out)
{
  if (token == NULL)
    return FALSE;

  for (guint i = 0; i < n_tokens; i++)
    {
      if (strcmp (tokens[i], token) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Each enumeration gets the same trio; a value out of range is a programming
 * error, reported once and answered with NULL. */
#define DEFINE_TOKENS(prefix, Type, N, tokens)                                  \
  const char *                                                                  \
  prefix##_to_token (Type value)                                                \
  {                                                                             \
    g_return_val_if_fail ((guint) value < (N), NULL);                           \
    return tokens[value];                                                       \
  }                                                                             \
                                                                                \
  gboolean                                                                      \
  prefix##_from_token (const char *token,                                       \
                       Type       *out)                                         \
  {                                                                             \
    guint index;                                                                \
                                                                                \
    if (!lookup_token (tokens, (N), token, &index))                             \
      return FALSE;                                                             \
    if (out != NULL)                                                            \
      *out = (Type) index;                                                      \
    return TRUE;                                                                \
  }

#define DEFINE_LABEL(prefix, Type, N, labels)                                   \
  const char *                                                                  \
  prefix##_label (Type value)                                                   \
  {                                                                             \
    g_return_val_if_fail ((guint) value < (N), NULL);                           \
    return _(labels[value]);                                                    \
  }

DEFINE_TOKENS (yusuan_stage, YusuanStage, YUSUAN_N_STAGES, stage_tokens)
DEFINE_LABEL (yusuan_stage, YusuanStage, YUSUAN_N_STAGES, stage_labels)

DEFINE_TOKENS (yusuan_unit_kind, YusuanUnitKind, YUSUAN_N_UNIT_KINDS, unit_kind_tokens)
DEFINE_LABEL (yusuan_unit_kind, YusuanUnitKind, YUSUAN_N_UNIT_KINDS, unit_kind_labels)

DEFINE_TOKENS (yusuan_fund, YusuanFund, YUSUAN_N_FUNDS, fund_tokens)
DEFINE_LABEL (yusuan_fund, YusuanFund, YUSUAN_N_FUNDS, fund_labels)

DEFINE_TOKENS (yusuan_category, YusuanCategory, YUSUAN_N_CATEGORIES, category_tokens)
DEFINE_LABEL (yusuan_category, YusuanCategory, YUSUAN_N_CATEGORIES, category_labels)

DEFINE_TOKENS (yusuan_project_kind, YusuanProjectKind, YUSUAN_N_PROJECT_KINDS, project_kind_tokens)
DEFINE_LABEL (yusuan_project_kind, YusuanProjectKind, YUSUAN_N_PROJECT_KINDS, project_kind_labels)

DEFINE_TOKENS (yusuan_level1, YusuanLevel1, YUSUAN_N_LEVEL1, level1_tokens)
DEFINE_LABEL (yusuan_level1, YusuanLevel1, YUSUAN_N_LEVEL1, level1_labels)

DEFINE_TOKENS (yusuan_operator, YusuanOperator, YUSUAN_N_OPERATORS, operator_tokens)

DEFINE_TOKENS (yusuan_procurement_category, YusuanProcurementCategory,
               YUSUAN_N_PROCUREMENT_CATEGORIES, procurement_tokens)
DEFINE_LABEL (yusuan_procurement_category, YusuanProcurementCategory,
              YUSUAN_N_PROCUREMENT_CATEGORIES, procurement_labels)

DEFINE_TOKENS (yusuan_prior_key, YusuanPriorKey, YUSUAN_N_PRIOR_KEYS, prior_key_tokens)

DEFINE_TOKENS (yusuan_spending_kind, YusuanSpendingKind, YUSUAN_N_SPENDING_KINDS, spending_kind_tokens)
DEFINE_LABEL (yusuan_spending_kind, YusuanSpendingKind, YUSUAN_N_SPENDING_KINDS, spending_kind_labels)
DEFINE_LABEL (yusuan_three_public, YusuanThreePublic, YUSUAN_N_THREE_PUBLIC, three_public_labels)

const char *
yusuan_three_public_to_token (YusuanThreePublic t)
{
  g_return_val_if_fail ((guint) t < YUSUAN_N_THREE_PUBLIC, NULL);
  return three_public_tokens[t];
}

const char *
yusuan_three_public_econ_code (YusuanThreePublic t)
{
  g_return_val_if_fail ((guint) t < YUSUAN_N_THREE_PUBLIC, NULL);
  return three_public_econ_codes[t];
}

char *
yusuan_fund_spending_label (YusuanFund         f,
                            YusuanSpendingKind k)
{
  /* Translators: what a control number (控制数) limits: a fund (一般公共预算 …), then
     基本支出 or 项目支出; in Chinese the two run together: “一般公共预算基本支出” */
  return g_strdup_printf (C_("fund and kind of spending", "%s, %s"), yusuan_fund_label (f),
                          yusuan_spending_kind_label (k));
}

gboolean
yusuan_fund_is_carryover (YusuanFund f)
{
  g_return_val_if_fail ((guint) f < YUSUAN_N_FUNDS, FALSE);
  return f >= YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET;
}

gboolean
yusuan_fund_is_controlled (YusuanFund f)
{
  return yusuan_fund_is_appropriation (f) && !yusuan_fund_is_carryover (f);
}

gboolean
yusuan_fund_is_appropriation (YusuanFund f)
{
  g_return_val_if_fail ((guint) f < YUSUAN_N_FUNDS, FALSE);

  switch (yusuan_fund_base (f))
    {
    case YUSUAN_FUND_GENERAL_PUBLIC_BUDGET:
    case YUSUAN_FUND_GOVERNMENT_FUND:
    case YUSUAN_FUND_STATE_CAPITAL:
      return TRUE;
    default:
      return FALSE;
    }
}

YusuanFund
yusuan_fund_base (YusuanFund f)
{
  g_return_val_if_fail ((guint) f < YUSUAN_N_FUNDS, f);

  switch (f)
    {
    case YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET:
      return YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
    case YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND:
      return YUSUAN_FUND_GOVERNMENT_FUND;
    case YUSUAN_FUND_CARRYOVER_STATE_CAPITAL:
      return YUSUAN_FUND_STATE_CAPITAL;
    case YUSUAN_FUND_CARRYOVER_FISCAL_SPECIAL_ACCOUNT:
      return YUSUAN_FUND_FISCAL_SPECIAL_ACCOUNT;
    default:
      /* Current-year funds, and carryover-unit-funds, which has no current-year twin. */
      return f;
    }
}

const char *
yusuan_operator_symbol (YusuanOperator o)
{
  g_return_val_if_fail ((guint) o < YUSUAN_N_OPERATORS, NULL);
  return operator_symbols[o];
}

gboolean
yusuan_operator_needs_value (YusuanOperator o)
{
  g_return_val_if_fail ((guint) o < YUSUAN_N_OPERATORS, FALSE);
  return o != YUSUAN_OPERATOR_QUALITATIVE;
}
