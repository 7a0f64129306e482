/* yusuan-rules-checks.c - the rules (审核) about one line, revenue, project or indicator at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-rules-private.h"

/* Findings */

YusuanFinding *
yusuan_finding_new (YusuanSeverity    severity,
                    const char       *rule,
                    guint             table,
                    char             *subject,
                    char             *message,
                    YusuanTargetKind  target_kind,
                    guint             target_id,
                    guint             project_id)
{
  YusuanFinding *finding = g_new0 (YusuanFinding, 1);

  finding->severity = severity;
  finding->rule = g_strdup (rule);
  finding->table = table;
  finding->subject = subject;
  finding->message = message;
  finding->target_kind = target_kind;
  finding->target_id = target_id;
  finding->project_id = project_id;

  return finding;
}

void
yusuan_finding_free (YusuanFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->rule);
  g_free (finding->subject);
  g_free (finding->message);
  g_free (finding);
}

gboolean
yusuan_finding_equal (const YusuanFinding *a,
                      const YusuanFinding *b)
{
  return a->severity == b->severity
         && a->table == b->table
         && a->target_kind == b->target_kind
         && a->target_id == b->target_id
         && a->project_id == b->project_id
         && g_strcmp0 (a->rule, b->rule) == 0
         && g_strcmp0 (a->subject, b->subject) == 0
         && g_strcmp0 (a->message, b->message) == 0;
}

static guint
table_rank (guint table)
{
  /* Findings about no table (the explanatory text) come after the tables. */
  return table == 0 ? G_MAXUINT : table;
}

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y) ? 1 : 0)

int
yusuan_finding_compare (const YusuanFinding *a,
                        const YusuanFinding *b)
{
  int r;

  if ((r = CMP (a->severity, b->severity)) != 0)
    return r;
  if ((r = CMP (table_rank (a->table), table_rank (b->table))) != 0)
    return r;
  if ((r = g_strcmp0 (a->rule, b->rule)) != 0)
    return r;
  if ((r = g_strcmp0 (a->subject, b->subject)) != 0)
    return r;
  if ((r = g_strcmp0 (a->message, b->message)) != 0)
    return r;
  if ((r = CMP (a->target_kind, b->target_kind)) != 0)
    return r;
  if ((r = CMP (a->project_id, b->project_id)) != 0)
    return r;
  return CMP (a->target_id, b->target_id);
}

#undef CMP

gboolean
yusuan_findings_equal (GPtrArray *a,
                       GPtrArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    if (!yusuan_finding_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

GPtrArray *
yusuan_findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) yusuan_finding_free);
}

char *
yusuan_rules_expand (const char        *template_,
                     const char *const *names,
                     const char *const *values)
{
  GString *out = g_string_new (NULL);
  const char *p = template_;

  while (*p != '\0')
    {
      const char *close;
      gboolean replaced = FALSE;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          gsize len = close - (p + 1);

          for (guint i = 0; names[i] != NULL; i++)
            {
              if (strlen (names[i]) == len && strncmp (names[i], p + 1, len) == 0)
                {
                  g_string_append (out, values[i] != NULL ? values[i] : "");
                  p = close + 1;
                  replaced = TRUE;
                  break;
                }
            }
        }

      if (!replaced)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

char *
yusuan_rules_format_wan (YusuanAmount amount)
{
  return yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
}

gboolean
yusuan_rules_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

const YusuanUnit *
yusuan_rules_find_unit (const YusuanRulesContext *ctx,
                        const char               *code)
{
  /* The document looks units up one by one; a city has hundreds. */
  if (ctx->units != NULL)
    return g_hash_table_lookup (ctx->units, code);

  return yusuan_document_find_unit (ctx->document, code);
}

/* Lines */

char *
yusuan_rules_line_subject (const YusuanRulesContext *ctx,
                           const YusuanLine         *line)
{
  const char *owner = line->unit;

  if (line->project_id != 0)
    {
      const YusuanProject *project = yusuan_document_lookup_project (ctx->document, line->project_id);

      if (project != NULL && project->code != NULL)
        owner = project->code;
    }

  return g_strdup_printf ("%s/%s/%s/%s", owner, line->function, line->econ_dept, line->econ_gov);
}

static void
add_line_finding (const YusuanRulesContext  *ctx,
                  const YusuanLine          *line,
                  YusuanSeverity             severity,
                  const char                *rule,
                  guint                      table,
                  char                      *message,
                  GPtrArray                 *out)
{
  g_ptr_array_add (out, yusuan_finding_new (severity, rule, table,
                                            yusuan_rules_line_subject (ctx, line),
                                            message,
                                            YUSUAN_TARGET_LINE, line->id, line->project_id));
}

void
yusuan_rules_check_line (const YusuanRulesContext *ctx,
                         const YusuanLine         *line,
                         GPtrArray                *out)
{
  YusuanCodeLevel level;
  YusuanCodeLevel dept_level;
  YusuanCodeLevel gov_level;

  /* A project line's unit is its project's: the project carries that finding,
   * once, rather than each of its lines. */
  if (line->project_id == 0 && yusuan_rules_find_unit (ctx, line->unit) == NULL)
    add_line_finding (ctx, line, YUSUAN_SEVERITY_ERROR, "line-unit-unknown", 3,
                      /* Translators: 单位 is a budget unit of the department */
                      g_strdup_printf (_("Unit %s of this line is not one of the department’s units: add the unit or choose another"),
                                       line->unit),
                      out);

  /* A basic line whose stated category (人员经费/公用经费) differs from its
   * economic class's default gives no finding: departments count some 302
   * lines such as 30229 福利费 as personnel on purpose (the seed's table 06
   * does, 2,894.27 against 2,762.74 by class), so it is a choice, not a flaw. */

  if (ctx->catalog == NULL)
    return;

  level = yusuan_catalog_get_level (ctx->catalog, YUSUAN_CLASSIFICATION_FUNCTION, line->function);
  if (level == YUSUAN_CODE_LEVEL_NONE)
    add_line_finding (ctx, line, YUSUAN_SEVERITY_ERROR, "line-function-unknown", 3,
                      /* Translators: 支出功能分类科目; %d is the fiscal year */
                      g_strdup_printf (_("Function code %s is not in the %d catalogue of expenditure function classification (支出功能分类)"),
                                       line->function, ctx->fiscal_year),
                      out);
  else if (level != YUSUAN_CODE_LEVEL_ITEM)
    add_line_finding (ctx, line, YUSUAN_SEVERITY_ERROR, "line-function-not-item", 3,
                      /* Translators: 类 / 款 / 项 are the levels of the function classification */
                      g_strdup_printf (_("Function code %s (%s) is a 类 or 款: lines use a 项-level code under it"),
                                       line->function,
                                       yusuan_catalog_get_name (ctx->catalog, YUSUAN_CLASSIFICATION_FUNCTION, line->function)),
                      out);

  dept_level = yusuan_catalog_get_level (ctx->catalog, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept);
  if (dept_level == YUSUAN_CODE_LEVEL_NONE)
    add_line_finding (ctx, line, YUSUAN_SEVERITY_ERROR, "line-econ-dept-unknown", 7,
                      /* Translators: 部门预算支出经济分类; %d is the fiscal year */
                      g_strdup_printf (_("Economic code %s is not in the %d catalogue of department economic classification (部门预算支出经济分类)"),
                                       line->econ_dept, ctx->fiscal_year),
                      out);

  gov_level = yusuan_catalog_get_level (ctx->catalog, YUSUAN_CLASSIFICATION_ECON_GOV, line->econ_gov);
  if (gov_level == YUSUAN_CODE_LEVEL_NONE)
    add_line_finding (ctx, line, YUSUAN_SEVERITY_ERROR, "line-econ-gov-unknown", 7,
                      /* Translators: 政府预算支出经济分类; %d is the fiscal year */
                      g_strdup_printf (_("Economic code %s is not in the %d catalogue of government economic classification (政府预算支出经济分类)"),
                                       line->econ_gov, ctx->fiscal_year),
                      out);

  if (dept_level != YUSUAN_CODE_LEVEL_NONE && gov_level != YUSUAN_CODE_LEVEL_NONE
      && !yusuan_catalog_econ_pair_allowed (ctx->catalog, line->econ_dept, line->econ_gov))
    add_line_finding (ctx, line, YUSUAN_SEVERITY_WARNING, "line-econ-pair", 7,
                      /* Translators: the correspondence table 部门预算支出经济分类 → 政府预算支出经济分类 */
                      g_strdup_printf (_("Department economic code %s (%s) does not correspond to government economic code %s (%s)"),
                                       line->econ_dept,
                                       yusuan_catalog_get_name (ctx->catalog, YUSUAN_CLASSIFICATION_ECON_DEPT, line->econ_dept),
                                       line->econ_gov,
                                       yusuan_catalog_get_name (ctx->catalog, YUSUAN_CLASSIFICATION_ECON_GOV, line->econ_gov)),
                      out);
}

/* Revenues */

void
yusuan_rules_check_revenue (const YusuanRulesContext *ctx,
                            const YusuanRevenue      *revenue,
                            GPtrArray                *out)
{
  if (yusuan_rules_find_unit (ctx, revenue->unit) == NULL)
    g_ptr_array_add (out, yusuan_finding_new (YUSUAN_SEVERITY_ERROR, "revenue-unit-unknown", 2,
                                              g_strdup_printf ("%s/%s", revenue->unit,
                                                               yusuan_fund_to_token (revenue->source)),
                                              /* Translators: %s (first) is a unit code, %s (second) a revenue source such as 一般公共预算 */
                                              g_strdup_printf (_("Unit %s of this revenue (%s) is not one of the department’s units: add the unit or choose another"),
                                                               revenue->unit, yusuan_fund_label (revenue->source)),
                                              YUSUAN_TARGET_REVENUE, revenue->id, 0));
}

/* Indicators */

static gboolean
is_percent (const char *unit)
{
  return g_strcmp0 (unit, "%") == 0 || g_strcmp0 (unit, "％") == 0;
}

static void
check_indicator (const YusuanIndicator *indicator,
                 guint                  table,
                 const char            *subject,
                 guint                  project_id,
                 GPtrArray             *out)
{
  const char *name = indicator->name != NULL ? indicator->name : "";

  if (yusuan_operator_needs_value (indicator->op))
    {
      g_autofree char *normalized = NULL;

      if (!yusuan_rules_is_blank (indicator->value))
        normalized = yusuan_decimal_normalize (indicator->value, NULL);

      if (normalized == NULL)
        {
          g_ptr_array_add (out, yusuan_finding_new (YUSUAN_SEVERITY_ERROR, "indicator-no-value", table,
                                                    g_strdup (subject),
                                                    /* Translators: 指标值; the first %s is the indicator (三级指标) name, the second its operator (≥, ≤, =) */
                                                    g_strdup_printf (_("Indicator “%s” compares with %s but has no number as its value (指标值)"),
                                                                     name,
                                                                     indicator->op == YUSUAN_OPERATOR_EQ ? "=" : yusuan_operator_symbol (indicator->op)),
                                                    YUSUAN_TARGET_INDICATOR, indicator->id, project_id));
        }
      else if (is_percent (indicator->unit) && yusuan_decimal_compare (normalized, "100") > 0)
        {
          g_ptr_array_add (out, yusuan_finding_new (YUSUAN_SEVERITY_ERROR, "indicator-rate-above-100", table,
                                                    g_strdup (subject),
                                                    /* Translators: the first %s is the indicator (三级指标) name, the second its value */
                                                    g_strdup_printf (_("Indicator “%s” is a rate of %s%%: a rate cannot be above 100%%"),
                                                                     name, normalized),
                                                    YUSUAN_TARGET_INDICATOR, indicator->id, project_id));
        }
    }
  else if (indicator->op == YUSUAN_OPERATOR_QUALITATIVE && yusuan_rules_is_blank (indicator->text))
    {
      g_ptr_array_add (out, yusuan_finding_new (YUSUAN_SEVERITY_ERROR, "indicator-no-text", table,
                                                g_strdup (subject),
                                                /* Translators: 定性指标 and its 指标值 (及时, 良好 …); %s is the indicator name */
                                                g_strdup_printf (_("Qualitative indicator “%s” has no target text (指标值 such as 及时 or 良好)"),
                                                                 name),
                                                YUSUAN_TARGET_INDICATOR, indicator->id, project_id));
    }
}

gboolean
yusuan_rules_ceiling_to_fen (const char *value,
                             const char *unit,
                             gint64     *fen,
                             gint64     *hundredths)
{
  gint64 fen_per_unit;
  gint64 whole = 0;
  gint64 frac = 0;  /* ten-thousandths of the unit */
  guint n_frac = 0;
  const char *p = value;

  if (g_strcmp0 (unit, "万元") == 0)
    fen_per_unit = YUSUAN_FEN_PER_WAN;
  else if (g_strcmp0 (unit, "元") == 0)
    fen_per_unit = YUSUAN_FEN_PER_YUAN;
  else
    return FALSE;

  if (p == NULL || !g_ascii_isdigit (*p))
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      /* Beyond the largest amount a ceiling cannot be below any project. */
      if (whole > YUSUAN_AMOUNT_MAX / fen_per_unit)
        return FALSE;
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        if (n_frac < 4)
          {
            frac = frac * 10 + (*p - '0');
            n_frac++;
          }
    }

  if (*p != '\0')
    return FALSE;

  for (; n_frac < 4; n_frac++)
    frac *= 10;

  /* frac / 10^4 of a unit = frac * fen_per_unit / 10^4 fen, exactly in
   * hundredths of a fen since fen_per_unit is a multiple of 100. */
  *fen = whole * fen_per_unit + (frac * (fen_per_unit / 100)) / 100;
  *hundredths = (frac * (fen_per_unit / 100)) % 100;

  return TRUE;
}

/* Projects */

static void
add_project_finding (const YusuanProject *project,
                     YusuanSeverity       severity,
                     const char          *rule,
                     guint                table,
                     char                *message,
                     GPtrArray           *out)
{
  g_ptr_array_add (out, yusuan_finding_new (severity, rule, table,
                                            g_strdup (project->code),
                                            message,
                                            YUSUAN_TARGET_PROJECT, project->id, project->id));
}

void
yusuan_rules_check_project (const YusuanRulesContext *ctx,
                            const YusuanProject      *project,
                            YusuanAmount              total,
                            GPtrArray                *out)
{
  guint n_by_level1[YUSUAN_N_LEVEL1] = { 0 };
  guint n_indicators = project->indicators != NULL ? project->indicators->len : 0;
  guint n_lines = project->lines != NULL ? project->lines->len : 0;
  const char *name = project->name != NULL ? project->name : "";
  gint64 ceiling_fen = 0;
  gint64 ceiling_hundredths = 0;
  guint n_ceilings = 0;

  if (yusuan_rules_find_unit (ctx, project->unit) == NULL)
    add_project_finding (project, YUSUAN_SEVERITY_ERROR, "project-unit-unknown", 10,
                         /* Translators: 项目单位; the first %s is the project name, the second a unit code */
                         g_strdup_printf (_("Project “%s” belongs to unit %s, which is not one of the department’s units"),
                                          name, project->unit),
                         out);

  if (n_lines == 0)
    add_project_finding (project, YUSUAN_SEVERITY_ERROR, "project-no-lines", 10,
                         /* Translators: 项目支出; %s is the project name */
                         g_strdup_printf (_("Project “%s” has no expenditure lines: add its lines or remove the project"),
                                          name),
                         out);
  else if (total == 0)
    add_project_finding (project, YUSUAN_SEVERITY_ERROR, "project-zero-total", 10,
                         /* Translators: %s is the project name */
                         g_strdup_printf (_("Project “%s” adds up to 0.00 万元: enter the amounts of its lines"),
                                          name),
                         out);

  for (guint i = 0; i < n_indicators; i++)
    {
      const YusuanIndicator *indicator = g_ptr_array_index (project->indicators, i);
      gint64 fen;
      gint64 hundredths;

      if (indicator->level1 < YUSUAN_N_LEVEL1)
        n_by_level1[indicator->level1]++;

      check_indicator (indicator, 12, project->code, project->id, out);

      if (indicator->level1 == YUSUAN_LEVEL1_COST
          && (indicator->op == YUSUAN_OPERATOR_LE || indicator->op == YUSUAN_OPERATOR_LT)
          && yusuan_rules_ceiling_to_fen (indicator->value, indicator->unit, &fen, &hundredths))
        {
          n_ceilings++;
          if (ceiling_fen <= YUSUAN_AMOUNT_MAX)
            {
              ceiling_hundredths += hundredths;
              ceiling_fen += fen + ceiling_hundredths / 100;
              ceiling_hundredths %= 100;
            }
        }
    }

  if (n_indicators == 0)
    {
      /* One finding, not one per missing group: a project without any
       * target is one thing to fix. */
      add_project_finding (project, YUSUAN_SEVERITY_ERROR, "project-no-targets", 12,
                           /* Translators: 绩效目标, 产出指标, 效益指标; %s is the project name */
                           g_strdup_printf (_("Project “%s” has no performance targets (绩效目标): add at least an output (产出) and an effect (效益) indicator"),
                                            name),
                           out);
      return;
    }

  if (n_by_level1[YUSUAN_LEVEL1_OUTPUT] == 0)
    add_project_finding (project, YUSUAN_SEVERITY_ERROR, "project-no-output", 12,
                         /* Translators: 产出指标; %s is the project name */
                         g_strdup_printf (_("Project “%s” has no output indicator (产出指标)"), name),
                         out);
  if (n_by_level1[YUSUAN_LEVEL1_EFFECT] == 0)
    add_project_finding (project, YUSUAN_SEVERITY_ERROR, "project-no-effect", 12,
                         /* Translators: 效益指标; %s is the project name */
                         g_strdup_printf (_("Project “%s” has no effect indicator (效益指标)"), name),
                         out);
  if (n_by_level1[YUSUAN_LEVEL1_SATISFACTION] == 0)
    add_project_finding (project, YUSUAN_SEVERITY_WARNING, "project-no-satisfaction", 12,
                         /* Translators: 满意度指标; %s is the project name */
                         g_strdup_printf (_("Project “%s” has no satisfaction indicator (满意度指标)"), name),
                         out);
  if (n_by_level1[YUSUAN_LEVEL1_COST] == 0)
    add_project_finding (project, YUSUAN_SEVERITY_WARNING, "project-no-cost", 12,
                         /* Translators: 成本指标; %s is the project name */
                         g_strdup_printf (_("Project “%s” has no cost indicator (成本指标)"), name),
                         out);

  /* The ceilings of one project add up: the seed's 保安、律师等劳务费 states
   * 律师成本 ≤5万 and 保安成本 ≤120.2万 for its 125.20, and either alone would
   * be a false alarm.  Whole fen below the amount means the exact sum is. */
  if (n_ceilings > 0 && ceiling_fen < total)
    {
      g_autofree char *ceiling_text = yusuan_rules_format_wan (ceiling_fen);
      g_autofree char *total_text = yusuan_rules_format_wan (total);
      char *message;

      if (strcmp (ceiling_text, total_text) != 0)
        message = g_strdup_printf (/* Translators: 成本指标 ceilings (≤ X 万元); %s: project name, its ceilings' sum, its amount */
                                   _("Project “%s”: its cost indicators (成本指标) allow at most %s 万元, below its amount %s 万元"),
                                   name, ceiling_text, total_text);
      else
        {
          /* Too close to tell apart in 万元. */
          g_free (ceiling_text);
          g_free (total_text);
          ceiling_text = yusuan_amount_format (ceiling_fen, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
          total_text = yusuan_amount_format (total, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
          message = g_strdup_printf (/* Translators: 成本指标 ceilings (≤ X 元); %s: project name, its ceilings' sum, its amount */
                                     _("Project “%s”: its cost indicators (成本指标) allow at most %s 元, below its amount %s 元"),
                                     name, ceiling_text, total_text);
        }

      add_project_finding (project, YUSUAN_SEVERITY_WARNING, "project-cost-ceiling", 12, message, out);
    }
}

void
yusuan_rules_check_department_indicators (const YusuanRulesContext *ctx,
                                          GPtrArray                *out)
{
  guint n = yusuan_document_get_n_indicators (ctx->document, 0);

  for (guint i = 0; i < n; i++)
    check_indicator (yusuan_document_get_indicator (ctx->document, 0, i), 11, "department", 0, out);
}
