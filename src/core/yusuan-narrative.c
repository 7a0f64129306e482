/* yusuan-narrative.c - the disclosure text (概况, 情况说明, 名词解释) written from the figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-figures.h"
#include "yusuan-narrative.h"

/* Every sentence is one translatable template with positional arguments, so
 * the Chinese text can follow the published wording (“与2022年预算相比，收入
 * 增加646.54万元，增长24.02%。”) while an English interface reads as English.
 * Figures are formatted here, once, from exact sums. */

typedef struct
{
  YusuanDocument *document;
  YusuanFigures   figures;
  const char     *name;
  int             year;
  int             prior_year;
} Ctx;

void
yusuan_narrative_section_free (YusuanNarrativeSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_ptr_array_unref (section->paragraphs);
  g_free (section);
}

static YusuanNarrativeSection *
section_new (const char *heading)
{
  YusuanNarrativeSection *section = g_new0 (YusuanNarrativeSection, 1);

  section->heading = g_strdup (heading);
  section->paragraphs = g_ptr_array_new_with_free_func (g_free);
  return section;
}

static void
section_add (YusuanNarrativeSection *section,
             GString                *paragraph)
{
  g_ptr_array_add (section->paragraphs, g_string_free (paragraph, FALSE));
}

const char *
yusuan_narrative_placeholder (void)
{
  /* Translators: stands in the published text where the department has not
   * yet explained a change; it must be visible so nobody publishes it. */
  return _("[explain the reason for this change here]");
}

/* "3337.84万元" */
static char *
money (YusuanAmount amount)
{
  g_autofree char *figure = yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_PLAIN);

  /* Translators: an amount in ten thousand yuan, as the published tables give it: "%s万元" */
  return g_strdup_printf (_("%s ten thousand yuan"), figure);
}

/* "24.02%" from exact sums, rounded once; NULL if @whole is zero. */
static char *
percent (YusuanAmount part,
         YusuanAmount whole)
{
  return yusuan_amount_format_ratio (part, whole, FALSE);
}

/* "增加646.54万元，增长24.02%" / "减少2.00万元，下降14.81%" / "持平" */
static char *
change_phrase (YusuanAmount current,
               YusuanAmount prior)
{
  YusuanAmount delta = current - prior;
  g_autofree char *amount = money (ABS (delta));
  g_autofree char *rate = percent (ABS (delta), prior);

  if (delta == 0)
    /* Translators: a figure unchanged from the prior year: 持平 */
    return g_strdup (_("is unchanged"));
  if (rate == NULL)
    /* Translators: 增加%s */
    return g_strdup_printf (_("rises by %s"), amount);
  if (delta > 0)
    /* Translators: 增加%1$s，增长%2$s */
    return g_strdup_printf (_("rises by %1$s, an increase of %2$s"), amount, rate);
  /* Translators: 减少%1$s，下降%2$s */
  return g_strdup_printf (_("falls by %1$s, a decrease of %2$s"), amount, rate);
}

static void
end_sentence (GString    *out,
              const char *text)
{
  gsize len = strlen (text);

  g_string_append (out, text);
  if (len > 0 &&
      !g_str_has_suffix (text, "。") && !g_str_has_suffix (text, ".") &&
      !g_str_has_suffix (text, "！") && !g_str_has_suffix (text, "？"))
    /* Translators: the full stop that ends a sentence: 。 */
    g_string_append (out, _("."));
}

/* "主要原因：…。" from the department's explanation of @topic (or of
 * @fallback_topic), or the placeholder when there is a change to explain. */
static void
append_reason (Ctx        *ctx,
               GString    *out,
               const char *topic,
               const char *fallback_topic)
{
  const char *text = yusuan_document_find_explanation (ctx->document, topic);

  if (text == NULL && fallback_topic != NULL)
    text = yusuan_document_find_explanation (ctx->document, fallback_topic);

  /* Translators: introduces the department's own explanation: 主要原因： */
  g_string_append (out, _(" Main reason: "));
  end_sentence (out, text && *text ? text : yusuan_narrative_placeholder ());
}

static gboolean
prior (Ctx            *ctx,
       YusuanPriorKey  key,
       YusuanAmount   *out)
{
  return yusuan_document_get_prior_figure (ctx->document, key, out);
}

/* 一、收入支出预算总体情况说明 */
static YusuanNarrativeSection *
overall (Ctx *ctx)
{
  /* Translators: 一、收入支出预算总体情况说明 */
  YusuanNarrativeSection *s = section_new (_("I. Overall revenue and expenditure"));
  GString *p = g_string_new (NULL);
  g_autofree char *rev = money (ctx->figures.revenue_total);
  g_autofree char *exp = money (ctx->figures.expenditure_total);
  YusuanAmount prior_revenue, prior_expenditure;

  /* Translators: %1$s是部门名称: "%1$s%2$d年收入总计%3$s，支出总计%4$s。" */
  g_string_append_printf (p, _("In %2$d, the revenue of %1$s totals %3$s and its expenditure totals %4$s."),
                          ctx->name, ctx->year, rev, exp);

  if (prior (ctx, YUSUAN_PRIOR_REVENUE_TOTAL, &prior_revenue))
    {
      g_autofree char *change = change_phrase (ctx->figures.revenue_total, prior_revenue);

      /* Translators: "与%1$d年预算相比，收入%2$s。" */
      g_string_append_printf (p, _(" Compared with the %1$d budget, revenue %2$s."), ctx->prior_year, change);
      if (ctx->figures.revenue_total != prior_revenue)
        append_reason (ctx, p, "revenue-change", NULL);
    }

  if (prior (ctx, YUSUAN_PRIOR_EXPENDITURE_TOTAL, &prior_expenditure))
    {
      g_autofree char *change = change_phrase (ctx->figures.expenditure_total, prior_expenditure);
      const char *own = yusuan_document_find_explanation (ctx->document, "expenditure-change");
      gboolean same_change = prior (ctx, YUSUAN_PRIOR_REVENUE_TOTAL, &prior_revenue) &&
                             ctx->figures.revenue_total - prior_revenue ==
                             ctx->figures.expenditure_total - prior_expenditure;

      /* Translators: "支出%s。" */
      g_string_append_printf (p, _(" Expenditure %s."), change);
      if (ctx->figures.expenditure_total != prior_expenditure)
        {
          if (own == NULL && same_change &&
              yusuan_document_find_explanation (ctx->document, "revenue-change") != NULL)
            /* Translators: 主要原因同上。 */
            g_string_append (p, _(" Main reason: as above."));
          else
            append_reason (ctx, p, "expenditure-change", NULL);
        }
    }

  section_add (s, p);
  return s;
}

/* 二、收入预算总体情况说明 */
static YusuanNarrativeSection *
revenue (Ctx *ctx)
{
  /* Translators: 二、收入预算总体情况说明 */
  YusuanNarrativeSection *s = section_new (_("II. Revenue"));
  GString *p = g_string_new (NULL);
  g_autofree char *total = money (ctx->figures.revenue_total);
  gboolean first = TRUE;

  /* Translators: "%1$s%2$d年收入合计%3$s，其中：" */
  g_string_append_printf (p, _("In %2$d, the revenue of %1$s totals %3$s, of which: "),
                          ctx->name, ctx->year, total);
  for (guint f = 0; f < YUSUAN_N_FUNDS; f++)
    {
      g_autofree char *amount = NULL;

      if (ctx->figures.revenue_by_source[f] == 0)
        continue;
      amount = money (ctx->figures.revenue_by_source[f]);
      if (!first)
        /* Translators: separates the items of a list inside a sentence: “；” */
        g_string_append (p, _("; "));
      /* Translators: a revenue source and its amount: "%1$s%2$s" (一般公共预算3337.84万元) */
      g_string_append_printf (p, _("%1$s %2$s"), yusuan_fund_label (f), amount);
      first = FALSE;
    }
  if (first)
    /* Translators: 无 (no items) */
    g_string_append (p, _("none"));
  g_string_append (p, _("."));
  section_add (s, p);
  return s;
}

/* A total and its two parts with their shares: the figures of 三、五 and 六. */
typedef struct
{
  char *total;
  char *first;
  char *first_share;
  char *second;
  char *second_share;
} Split;

static void
split_init (Split        *sp,
            YusuanAmount  total,
            YusuanAmount  first,
            YusuanAmount  second)
{
  char *pa = percent (first, total);
  char *pb = percent (second, total);

  sp->total = money (total);
  sp->first = money (first);
  sp->first_share = pa ? pa : g_strdup ("0.00%");
  sp->second = money (second);
  sp->second_share = pb ? pb : g_strdup ("0.00%");
}

static void
split_clear (Split *sp)
{
  g_free (sp->total);
  g_free (sp->first);
  g_free (sp->first_share);
  g_free (sp->second);
  g_free (sp->second_share);
}

/* Appends a sentence of a total and its two parts with their shares; a
 * macro so that the template stays a literal the compiler checks against
 * the seven arguments: name, year, total, first, its share, second, its share. */
#define APPEND_SPLIT(p, ctx, whole, part1, part2, format) \
  G_STMT_START { \
    Split sp_; \
    split_init (&sp_, (whole), (part1), (part2)); \
    g_string_append_printf ((p), format, (ctx)->name, (ctx)->year, sp_.total, sp_.first, \
                            sp_.first_share, sp_.second, sp_.second_share); \
    split_clear (&sp_); \
  } G_STMT_END

/* 三、支出预算总体情况说明 */
static YusuanNarrativeSection *
expenditure (Ctx *ctx)
{
  /* Translators: 三、支出预算总体情况说明 */
  YusuanNarrativeSection *s = section_new (_("III. Expenditure"));
  GString *p = g_string_new (NULL);

  APPEND_SPLIT (p, ctx, ctx->figures.expenditure_total, ctx->figures.basic_total, ctx->figures.project_total,
                /* Translators: "%1$s%2$d年支出合计%3$s，其中：基本支出%4$s，占%5$s；项目支出%6$s，占%7$s。" */
                _("In %2$d, the expenditure of %1$s totals %3$s, of which: basic expenditure %4$s, "
                  "%5$s of the total; project expenditure %6$s, %7$s of the total."));
  section_add (s, p);
  return s;
}

/* 四、财政拨款收入支出预算总体情况说明 */
static YusuanNarrativeSection *
appropriations (Ctx *ctx)
{
  /* Translators: 四、财政拨款收入支出预算总体情况说明 */
  YusuanNarrativeSection *s = section_new (_("IV. Fiscal appropriations"));
  GString *p = g_string_new (NULL);
  YusuanAmount gpb = ctx->figures.revenue_by_source[YUSUAN_FUND_GENERAL_PUBLIC_BUDGET];
  YusuanAmount gf = ctx->figures.revenue_by_source[YUSUAN_FUND_GOVERNMENT_FUND];
  YusuanAmount sc = ctx->figures.revenue_by_source[YUSUAN_FUND_STATE_CAPITAL];
  g_autofree char *gpb_text = money (gpb);
  YusuanAmount prior_gpb;

  /* Translators: "%1$s%2$d年一般公共预算收支预算%3$s。" */
  g_string_append_printf (p, _("In %2$d, the general public budget revenue and expenditure of %1$s is %3$s."),
                          ctx->name, ctx->year, gpb_text);
  if (gf != 0)
    {
      g_autofree char *t = money (gf);

      /* Translators: "政府性基金预算收支预算%s。" */
      g_string_append_printf (p, _(" The government fund budget revenue and expenditure is %s."), t);
    }
  if (sc != 0)
    {
      g_autofree char *t = money (sc);

      /* Translators: "国有资本经营预算收支预算%s。" */
      g_string_append_printf (p, _(" The state capital operation budget revenue and expenditure is %s."), t);
    }

  if (prior (ctx, YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET, &prior_gpb))
    {
      g_autofree char *change = change_phrase (gpb, prior_gpb);

      /* Translators: "与%1$d年相比，一般公共预算收支预算%2$s。" */
      g_string_append_printf (p, _(" Compared with %1$d, the general public budget %2$s."),
                              ctx->prior_year, change);
      if (gpb != prior_gpb)
        append_reason (ctx, p, "general-public-budget-change", "revenue-change");
    }
  section_add (s, p);
  return s;
}

/* 五、一般公共预算支出预算情况说明 */
static YusuanNarrativeSection *
gpb_expenditure (Ctx *ctx)
{
  /* Translators: 五、一般公共预算支出预算情况说明 */
  YusuanNarrativeSection *s = section_new (_("V. General public budget expenditure"));
  GString *p = g_string_new (NULL);

  APPEND_SPLIT (p, ctx, ctx->figures.gpb_total, ctx->figures.gpb_basic, ctx->figures.gpb_project,
                /* Translators: "%1$s%2$d年一般公共预算支出年初预算为%3$s。其中：基本支出%4$s，占%5$s；项目支出%6$s，占%7$s。" */
                _("In %2$d, the general public budget expenditure of %1$s is budgeted at %3$s. Of this, "
                  "basic expenditure is %4$s, %5$s of the total; project expenditure is %6$s, %7$s of the total."));
  section_add (s, p);
  return s;
}

/* 六、一般公共预算基本支出情况说明 */
static YusuanNarrativeSection *
gpb_basic (Ctx *ctx)
{
  /* Translators: 六、一般公共预算基本支出情况说明 */
  YusuanNarrativeSection *s = section_new (_("VI. General public budget basic expenditure"));
  GString *p = g_string_new (NULL);

  APPEND_SPLIT (p, ctx, ctx->figures.gpb_basic, ctx->figures.gpb_basic_personnel, ctx->figures.gpb_basic_public,
                /* Translators: "%1$s%2$d年一般公共预算基本支出年初预算为%3$s。其中：人员经费支出%4$s，占%5$s；公用经费支出%6$s，占%7$s。" */
                _("In %2$d, the general public budget basic expenditure of %1$s is budgeted at %3$s. Of this, "
                  "personnel expenses are %4$s, %5$s of the total; public expenses are %6$s, %7$s of the total."));
  section_add (s, p);
  return s;
}

/* 七、支出预算经济分类情况说明 */
static YusuanNarrativeSection *
economic (Ctx *ctx)
{
  /* Translators: 七、支出预算经济分类情况说明 */
  YusuanNarrativeSection *s = section_new (_("VII. Expenditure by economic classification"));
  GString *p = g_string_new (NULL);

  /* Translators: the standard paragraph of the published budgets:
   * "按照《财政部关于印发<支出经济分类科目改革方案>的通知》(财预〔2017〕98号)要求，从2018年起全面实施支出经济分类科目改革，
   * 根据政府预算管理和部门预算管理的不同特点，分设部门预算支出经济分类科目和政府预算支出经济分类科目，两套科目之间保持对应关系。
   * 为适应改革要求，我单位《支出经济分类汇总表》按两套经济分类科目分别反映不同资金来源的全部预算支出。" */
  g_string_append (p, _("Following the Ministry of Finance's reform of the economic classification of expenditure "
                        "(Cai Yu [2017] No. 98), in force since 2018, department budgets and government budgets "
                        "each have their own economic classification, and the two correspond. The summary of "
                        "expenditure by economic classification therefore shows all budgeted expenditure from "
                        "every source under both classifications."));
  section_add (s, p);
  return s;
}

static void
three_public_item_change (Ctx          *ctx,
                          GString      *p,
                          YusuanAmount  current,
                          YusuanAmount  prior_amount,
                          const char   *topic,
                          const char   *fallback_topic)
{
  if (current == prior_amount)
    /* Translators: "预算数与%d年持平。" */
    g_string_append_printf (p, _(" The budget is the same as in %d."), ctx->prior_year);
  else
    {
      g_autofree char *change = change_phrase (current, prior_amount);

      /* Translators: "预算数比%1$d年%2$s。" */
      g_string_append_printf (p, _(" Compared with %1$d, the budget %2$s."), ctx->prior_year, change);
      append_reason (ctx, p, topic, fallback_topic);
    }
}

/* 八、“三公”经费支出预算情况说明 */
static YusuanNarrativeSection *
three_public (Ctx *ctx)
{
  /* Translators: 八、“三公”经费支出预算情况说明 */
  YusuanNarrativeSection *s = section_new (_("VIII. “Three public” expenses"));
  YusuanDocument *doc = ctx->document;
  YusuanAmount outbound = yusuan_document_get_three_public (doc, YUSUAN_THREE_PUBLIC_OUTBOUND_TRAVEL);
  YusuanAmount purchase = yusuan_document_get_three_public (doc, YUSUAN_THREE_PUBLIC_VEHICLE_PURCHASE);
  YusuanAmount operation = yusuan_document_get_three_public (doc, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION);
  YusuanAmount reception = yusuan_document_get_three_public (doc, YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION);
  YusuanAmount total = outbound + purchase + operation + reception;
  YusuanAmount p_outbound, p_purchase, p_operation, p_reception;
  gboolean have_prior;
  GString *p = g_string_new (NULL);
  g_autofree char *total_text = money (total);

  /* Translators: "%1$s%2$d年“三公”经费预算为%3$s。" */
  g_string_append_printf (p, _("In %2$d, the “three public” expenses of %1$s are budgeted at %3$s."),
                          ctx->name, ctx->year, total_text);

  have_prior = prior (ctx, YUSUAN_PRIOR_OUTBOUND_TRAVEL, &p_outbound) &&
               prior (ctx, YUSUAN_PRIOR_VEHICLE_PURCHASE, &p_purchase) &&
               prior (ctx, YUSUAN_PRIOR_VEHICLE_OPERATION, &p_operation) &&
               prior (ctx, YUSUAN_PRIOR_OFFICIAL_RECEPTION, &p_reception);

  if (have_prior)
    {
      YusuanAmount prior_total = p_outbound + p_purchase + p_operation + p_reception;

      if (prior_total == total)
        /* Translators: "%1$d年“三公”经费支出预算数与%2$d年持平。" */
        g_string_append_printf (p, _(" The %1$d “three public” budget is the same as in %2$d."),
                                ctx->year, ctx->prior_year);
      else
        {
          g_autofree char *change = change_phrase (total, prior_total);

          /* Translators: "%1$d年“三公”经费支出预算数比%2$d年%3$s。" */
          g_string_append_printf (p, _(" Compared with %2$d, the %1$d “three public” budget %3$s."),
                                  ctx->year, ctx->prior_year, change);
          append_reason (ctx, p, "three-public-change", NULL);
        }
    }
  section_add (s, p);

  p = g_string_new (NULL);
  /* Translators: 具体支出情况如下： */
  g_string_append (p, _("In detail:"));
  section_add (s, p);

  {
    g_autofree char *t = money (outbound);

    p = g_string_new (NULL);
    /* Translators: "（一）因公出国（境）费%s，主要用于单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出。" */
    g_string_append_printf (p, _("(1) Outbound travel on official business: %s, mainly for the accommodation, "
                                 "travel, meals, incidentals and training of staff travelling abroad on official business."), t);
    if (have_prior)
      three_public_item_change (ctx, p, outbound, p_outbound, "outbound-travel-change", "three-public-change");
    section_add (s, p);
  }

  {
    g_autofree char *t = money (reception);

    p = g_string_new (NULL);
    /* Translators: "（二）公务接待费%s，主要用于按规定开支的各类公务接待（含外宾接待）支出。" */
    g_string_append_printf (p, _("(2) Official reception: %s, mainly for official receptions (including foreign "
                                 "guests) paid within the rules."), t);
    if (have_prior)
      three_public_item_change (ctx, p, reception, p_reception, "official-reception-change", "three-public-change");
    section_add (s, p);
  }

  {
    g_autofree char *t = money (purchase + operation);
    g_autofree char *tp = money (purchase);
    g_autofree char *to = money (operation);

    p = g_string_new (NULL);
    /* Translators: "（三）公务用车购置及运行费%1$s，其中，公务用车购置费%2$s；公务用车运行维护费%3$s，主要用于开展工作所需公务用车的燃料费、维修费、过路过桥费、保险费等支出。" */
    g_string_append_printf (p, _("(3) Official vehicle purchase and operation: %1$s, of which vehicle purchase %2$s "
                                 "and vehicle operation and maintenance %3$s, mainly for the fuel, repairs, tolls and "
                                 "insurance of the official vehicles the work needs."), t, tp, to);
    if (have_prior)
      three_public_item_change (ctx, p, purchase + operation, p_purchase + p_operation,
                                operation != p_operation ? "vehicle-operation-change" : "vehicle-purchase-change",
                                "three-public-change");
    section_add (s, p);
  }

  return s;
}

/* 九、政府性基金预算支出情况说明 */
static YusuanNarrativeSection *
government_fund (Ctx *ctx)
{
  /* Translators: 九、政府性基金预算支出情况说明 */
  YusuanNarrativeSection *s = section_new (_("IX. Government fund budget expenditure"));
  GString *p = g_string_new (NULL);
  YusuanAmount gf = ctx->figures.expenditure_by_fund[YUSUAN_FUND_GOVERNMENT_FUND];

  if (gf == 0)
    /* Translators: "%1$s%2$d年无使用政府性基金预算拨款安排的支出。" */
    g_string_append_printf (p, _("In %2$d, %1$s has no expenditure funded by government fund budget appropriations."),
                            ctx->name, ctx->year);
  else
    {
      g_autofree char *t = money (gf);

      /* Translators: "%1$s%2$d年政府性基金预算支出预算%3$s。" */
      g_string_append_printf (p, _("In %2$d, the government fund budget expenditure of %1$s is %3$s."),
                              ctx->name, ctx->year, t);
    }
  section_add (s, p);
  return s;
}

/* 十、其他重要事项的情况说明 */
static YusuanNarrativeSection *
other_matters (Ctx *ctx)
{
  /* Translators: 十、其他重要事项的情况说明 */
  YusuanNarrativeSection *s = section_new (_("X. Other important matters"));
  YusuanDocument *doc = ctx->document;
  YusuanFigures *f = &ctx->figures;
  YusuanAmount prior_costs;
  guint64 vehicles, general, special;
  guint with_targets = 0;
  GString *p;

  /* （一）机关运行经费 */
  p = g_string_new (NULL);
  /* Translators: （一）机关运行经费支出情况 */
  g_string_append (p, _("(1) Operating costs of the administration"));
  section_add (s, p);
  {
    g_autofree char *t = money (f->operating_costs);

    p = g_string_new (NULL);
    /* Translators: "%1$s%2$d年机关运行经费支出预算%3$s，主要保障机构正常运转及正常履职需要。" */
    g_string_append_printf (p, _("In %2$d, the operating costs of %1$s are budgeted at %3$s, mainly to keep the "
                                 "organisation running and performing its duties."), ctx->name, ctx->year, t);
    if (prior (ctx, YUSUAN_PRIOR_OPERATING_COSTS, &prior_costs))
      {
        g_autofree char *pt = money (prior_costs);
        g_autofree char *change = change_phrase (f->operating_costs, prior_costs);

        /* Translators: "与上年预算%1$s对比%2$s。" */
        g_string_append_printf (p, _(" Compared with the prior year's budget of %1$s, they %2$s."), pt, change);
        if (f->operating_costs != prior_costs)
          append_reason (ctx, p, "operating-costs-change", NULL);
      }
    section_add (s, p);
  }

  /* （二）政府采购 */
  p = g_string_new (NULL);
  /* Translators: （二）政府采购支出情况 */
  g_string_append (p, _("(2) Government procurement"));
  section_add (s, p);
  p = g_string_new (NULL);
  if (f->procurement_total == 0)
    /* Translators: "%d年未安排政府采购预算。" */
    g_string_append_printf (p, _("In %d, no government procurement is budgeted."), ctx->year);
  else
    {
      g_autofree char *t = money (f->procurement_total);
      g_autofree char *g = money (f->procurement_by_category[YUSUAN_PROCUREMENT_GOODS]);
      g_autofree char *w = money (f->procurement_by_category[YUSUAN_PROCUREMENT_WORKS]);
      g_autofree char *v = money (f->procurement_by_category[YUSUAN_PROCUREMENT_SERVICES]);

      /* Translators: "%1$d年政府采购预算安排%2$s，其中：政府采购货物预算%3$s、政府采购工程预算%4$s、政府采购服务预算%5$s。" */
      g_string_append_printf (p, _("In %1$d, government procurement is budgeted at %2$s, of which goods %3$s, "
                                   "works %4$s and services %5$s."), ctx->year, t, g, w, v);
    }
  section_add (s, p);

  /* （三）绩效目标 */
  p = g_string_new (NULL);
  /* Translators: （三）绩效目标设置情况 */
  g_string_append (p, _("(3) Performance targets"));
  section_add (s, p);

  for (guint i = 0; i < yusuan_document_get_n_projects (doc); i++)
    if (yusuan_document_get_project (doc, i)->indicators->len > 0)
      with_targets++;

  p = g_string_new (NULL);
  if (with_targets == f->n_projects)
    /* Translators: "%d年预算项目均按要求编制了绩效目标，从项目产出、项目效益、满意度等方面设置了绩效指标，综合反映项目预期完成的数量、实效、质量，预期达到的社会经济效益、可持续影响以及服务对象满意度等情况。" */
    g_string_append_printf (p, _("All projects of the %d budget have performance targets, set as output, effect and "
                                 "satisfaction indicators that describe the expected quantity, timeliness and quality of "
                                 "the work, its social and economic effects, its sustainability and the satisfaction "
                                 "of those it serves."), ctx->year);
  else
    /* Translators: "%1$d年预算项目共%2$u个，其中%3$u个已编制绩效目标。" */
    g_string_append_printf (p, _("Of the %2$u projects of the %1$d budget, %3$u have performance targets."),
                            ctx->year, f->n_projects, with_targets);
  {
    g_autofree char *total = money (f->expenditure_total);
    g_autofree char *personnel = money (f->basic_wages + f->basic_households);
    g_autofree char *publ = money (f->basic_goods + f->basic_capital);
    g_autofree char *projects = money (f->project_total);
    g_autofree char *large = money (f->large_projects_total);

    /* Translators: "%1$d年，我单位纳入预算绩效管理的支出总额为%2$s，其中人员经费支出%3$s，公用经费支出%4$s，支出项目共%5$u个，支出总额%6$s，其中预算支出100万元及100万元以上项目%7$u个，支出总额%8$s。" */
    g_string_append_printf (p, _(" In %1$d, the expenditure under budget performance management totals %2$s: "
                                 "personnel expenses %3$s, public expenses %4$s, and %5$u projects with %6$s, of which "
                                 "%7$u projects of one million yuan or more with %8$s."),
                            ctx->year, total, personnel, publ, f->n_projects, projects,
                            f->n_large_projects, large);
  }
  section_add (s, p);

  /* （四）国有资产占用 */
  p = g_string_new (NULL);
  /* Translators: （四）国有资产占用情况 */
  g_string_append (p, _("(4) State-owned assets"));
  section_add (s, p);
  p = g_string_new (NULL);
  if (yusuan_document_get_assets (doc, &vehicles, &general, &special))
    {
      g_autofree char *v = g_strdup_printf ("%" G_GUINT64_FORMAT, vehicles);
      g_autofree char *g = g_strdup_printf ("%" G_GUINT64_FORMAT, general);
      g_autofree char *sp = g_strdup_printf ("%" G_GUINT64_FORMAT, special);

      /* Translators: "%1$d年期末，共有车辆%2$s台；单价50万元以上的通用设备%3$s台（套），单位价值100万元以上专用设备%4$s台（套）。" */
      g_string_append_printf (p, _("At the end of %1$d there were %2$s vehicles, %3$s items of general equipment "
                                   "priced at 500,000 yuan or more, and %4$s items of special equipment valued at "
                                   "one million yuan or more."),
                              ctx->year - 1, v, g, sp);
    }
  else
    /* Translators: "未填报国有资产占用情况。" */
    g_string_append (p, _("The state-owned assets have not been stated."));
  section_add (s, p);

  /* （五）专项转移支付 */
  p = g_string_new (NULL);
  /* Translators: （五）专项转移支付项目情况 */
  g_string_append (p, _("(5) Special transfer payments"));
  section_add (s, p);
  p = g_string_new (NULL);
  {
    const char *own = yusuan_document_find_explanation (doc, "special-transfers");

    if (own != NULL)
      end_sentence (p, own);
    else
      /* Translators: "%1$s%2$d年无负责管理的专项转移支付项目及资金。" */
      g_string_append_printf (p, _("In %2$d, %1$s manages no special transfer payment projects or funds."),
                              ctx->name, ctx->year);
  }
  section_add (s, p);

  return s;
}

static void
ctx_init (Ctx            *ctx,
          YusuanDocument *document)
{
  ctx->document = document;
  yusuan_figures_compute (document, &ctx->figures);
  ctx->name = yusuan_document_get_department_name (document);
  ctx->year = yusuan_document_get_fiscal_year (document);
  ctx->prior_year = yusuan_document_has_prior_year (document)
    ? yusuan_document_get_prior_fiscal_year (document)
    : ctx->year - 1;
}

GPtrArray *
yusuan_narrative_explanation (YusuanDocument *document)
{
  GPtrArray *sections;
  Ctx ctx;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);

  ctx_init (&ctx, document);
  sections = g_ptr_array_new_with_free_func ((GDestroyNotify) yusuan_narrative_section_free);
  g_ptr_array_add (sections, overall (&ctx));
  g_ptr_array_add (sections, revenue (&ctx));
  g_ptr_array_add (sections, expenditure (&ctx));
  g_ptr_array_add (sections, appropriations (&ctx));
  g_ptr_array_add (sections, gpb_expenditure (&ctx));
  g_ptr_array_add (sections, gpb_basic (&ctx));
  g_ptr_array_add (sections, economic (&ctx));
  g_ptr_array_add (sections, three_public (&ctx));
  g_ptr_array_add (sections, government_fund (&ctx));
  g_ptr_array_add (sections, other_matters (&ctx));
  return sections;
}

GPtrArray *
yusuan_narrative_overview (YusuanDocument *document)
{
  GPtrArray *sections;
  YusuanNarrativeSection *s;
  const char *name;
  int year;
  guint n_units;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);

  name = yusuan_document_get_department_name (document);
  year = yusuan_document_get_fiscal_year (document);
  n_units = yusuan_document_get_n_units (document);
  sections = g_ptr_array_new_with_free_func ((GDestroyNotify) yusuan_narrative_section_free);

  {
    g_autofree char *heading = NULL;

    /* Translators: "一、%s主要职责" */
    heading = g_strdup_printf (_("I. Main duties of %s"), name);
    s = section_new (heading);
    for (guint i = 0; i < yusuan_document_get_n_duties (document); i++)
      {
        GString *p = g_string_new (NULL);

        /* Translators: a numbered duty: "（%1$u）%2$s" */
        g_string_append_printf (p, _("(%1$u) %2$s"), i + 1, yusuan_document_get_duty (document, i));
        section_add (s, p);
      }
    if (s->paragraphs->len == 0)
      {
        GString *p = g_string_new (NULL);

        /* Translators: 未填报部门职责。 */
        g_string_append (p, _("The department's duties have not been stated."));
        section_add (s, p);
      }
    g_ptr_array_add (sections, s);
  }

  {
    g_autofree char *heading = NULL;
    GString *p = g_string_new (NULL);

    /* Translators: "二、%s预算单位构成情况" */
    heading = g_strdup_printf (_("II. Budget units of %s"), name);
    s = section_new (heading);
    /* Translators: "纳入本部门%1$d年度部门预算编制范围的单位共%2$u个，具体是：" */
    g_string_append_printf (p, _("The %1$d department budget covers %2$u units:"), year, n_units);
    section_add (s, p);
    for (guint i = 0; i < n_units; i++)
      {
        const YusuanUnit *unit = yusuan_document_get_unit (document, i);

        p = g_string_new (NULL);
        /* Translators: a numbered unit: "%1$u.%2$s（%3$s）" with its kind */
        g_string_append_printf (p, _("%1$u. %2$s (%3$s)"), i + 1, unit->name, yusuan_unit_kind_label (unit->kind));
        section_add (s, p);
      }
    g_ptr_array_add (sections, s);
  }

  return sections;
}

GPtrArray *
yusuan_narrative_glossary (void)
{
  static const struct { const char *term; const char *text; } entries[] = {
    /* Translators: 一、财政拨款收入 */
    { N_("I. Fiscal appropriation revenue"),
      /* Translators: 是指本级财政当年拨付的资金。 */
      N_("Funds the government's finance bureau allocates in the year.") },
    /* Translators: 二、财政专户管理资金 */
    { N_("II. Funds managed in fiscal special accounts"),
      /* Translators: 是指缴入财政专户、实行专项管理的高中以上学费、住宿费、高校委托培养费、函大、电大、夜大及短训班培训费等教育收费。 */
      N_("Education fees (tuition and lodging from senior secondary school up, commissioned training, "
         "correspondence, radio and evening university and short course fees) paid into fiscal special "
         "accounts and managed separately.") },
    /* Translators: 三、事业收入 */
    { N_("III. Institution income"),
      /* Translators: 是指事业单位开展专业活动及辅助活动所取得的收入，不包括教育收费。 */
      N_("Income public institutions earn from their professional and auxiliary activities, excluding "
         "education fees.") },
    /* Translators: 四、事业单位经营收入 */
    { N_("IV. Institution business income"),
      /* Translators: 是指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。 */
      N_("Income public institutions earn from business activities, not separately accounted for, outside "
         "their professional and auxiliary activities.") },
    /* Translators: 五、其他收入 */
    { N_("V. Other income"),
      /* Translators: 是指部门取得的除“财政拨款”“事业收入”“事业单位经营收入”等以外的收入。 */
      N_("Income of the department other than fiscal appropriations, institution income and institution "
         "business income.") },
    /* Translators: 六、用事业基金弥补收支差额 */
    { N_("VI. Institution fund used to cover the deficit"),
      /* Translators: 是指事业单位在当年的“财政拨款收入”“事业收入”“经营收入”和“其他收入”不足以安排当年支出的情况下，使用以前年度积累的事业基金弥补当年收支缺口的资金。 */
      N_("Where a public institution's appropriations, institution income, business income and other income "
         "do not cover the year's expenditure, the institution fund accumulated in earlier years that covers "
         "the gap.") },
    /* Translators: 七、基本支出 */
    { N_("VII. Basic expenditure"),
      /* Translators: 是指为保障机构正常运转、完成日常工作任务所必需的开支，包括人员经费和日常公用经费两部分。 */
      N_("Spending needed to keep the organisation running and to do its daily work, made of personnel "
         "expenses and public expenses.") },
    /* Translators: 八、项目支出 */
    { N_("VIII. Project expenditure"),
      /* Translators: 是指在基本支出之外，为完成特定的行政工作任务或事业发展目标所发生的支出。 */
      N_("Spending beyond basic expenditure to carry out particular administrative tasks or development "
         "goals.") },
    /* Translators: 九、“三公”经费 */
    { N_("IX. “Three public” expenses"),
      /* Translators: 是指纳入本级财政预算管理，部门使用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。… */
      N_("Outbound travel on official business, official vehicle purchase and operation, and official "
         "reception paid by the department from fiscal appropriations.") },
    /* Translators: 十、机关运行经费 */
    { N_("X. Operating costs of the administration"),
      /* Translators: 是指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。 */
      N_("Funds for the goods and services that keep administrative units (including institutions managed "
         "under the Civil Servant Law) running: office and printing, post and telecommunications, travel, "
         "meetings, welfare, routine repairs and general equipment, utilities, heating and property "
         "management of offices, official vehicle operation and other costs.") },
  };
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) yusuan_narrative_section_free);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      YusuanNarrativeSection *s = section_new (_(entries[i].term));

      section_add (s, g_string_new (_(entries[i].text)));
      g_ptr_array_add (sections, s);
    }
  return sections;
}

char *
yusuan_narrative_part_title (YusuanDocument *document,
                             guint           part)
{
  const char *name = yusuan_document_get_department_name (document);
  int year = yusuan_document_get_fiscal_year (document);

  switch (part)
    {
    case 1:
      /* Translators: "第一部分 %s概况" */
      return g_strdup_printf (_("Part 1: Overview of %s"), name);
    case 2:
      /* Translators: "第二部分 %1$s%2$d年部门预算情况说明" */
      return g_strdup_printf (_("Part 2: Explanation of the %2$d department budget of %1$s"), name, year);
    case 3:
      /* Translators: "第三部分 名词解释" */
      return g_strdup (_("Part 3: Glossary"));
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
yusuan_narrative_to_text (GPtrArray *sections)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (sections != NULL, NULL);

  for (guint i = 0; i < sections->len; i++)
    {
      YusuanNarrativeSection *s = g_ptr_array_index (sections, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, s->heading);
      g_string_append_c (out, '\n');
      for (guint j = 0; j < s->paragraphs->len; j++)
        {
          g_string_append (out, g_ptr_array_index (s->paragraphs, j));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}
