/* test-rules.c - the rules (审核): each fires on a flawed department, none on a clean one, live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-core.h"
#include "yusuan-rules.h"
#include "yusuan-xml.h"

#define SEED_NO_TARGETS   "411200230000000025604"
#define CLEAN_P1          "900000230000000000001"
#define CLEAN_P2          "900000230000000000002"

/* Helpers */

static YusuanDocument *
load_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  YusuanDocument *document;

  document = yusuan_xml_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static YusuanDocument *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);

  return load_path (path);
}

static YusuanDocument *
load_fixture (void)
{
  const char *path = g_getenv ("YUSUAN_FIXTURE");

  g_assert_nonnull (path);
  return load_path (path);
}

static YusuanChecker *
checker_new (YusuanDocument *document)
{
  g_autoptr(YusuanCatalog) catalog = yusuan_catalog_get_builtin ();

  return yusuan_checker_new (document, catalog);
}

/* "severity rule table subject" for each finding, in the checker's order,
 * one a line, table "--" for none. */
static char *
describe (YusuanChecker *checker)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      g_string_append_printf (out, "%s %s ", yusuan_severity_to_token (finding->severity), finding->rule);
      if (finding->table != 0)
        g_string_append_printf (out, "%02u", finding->table);
      else
        g_string_append (out, "--");
      g_string_append_printf (out, " %s\n", finding->subject);
    }

  return g_string_free (out, FALSE);
}

static void
assert_findings (YusuanChecker     *checker,
                 const char *const *expected)
{
  g_autofree char *actual = describe (checker);
  g_autoptr(GString) wanted = g_string_new (NULL);
  guint n_errors = 0;
  guint n_warnings = 0;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_string_append_printf (wanted, "%s\n", expected[i]);
      if (g_str_has_prefix (expected[i], "error "))
        n_errors++;
      else if (g_str_has_prefix (expected[i], "warning "))
        n_warnings++;
    }

  g_assert_cmpstr (actual, ==, wanted->str);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, n_errors);
  g_assert_cmpuint (yusuan_checker_get_n_warnings (checker), ==, n_warnings);
}

static const YusuanFinding *
find (YusuanChecker *checker,
      const char    *rule,
      const char    *subject)
{
  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (strcmp (finding->rule, rule) == 0 && (subject == NULL || g_strcmp0 (finding->subject, subject) == 0))
        return finding;
    }

  return NULL;
}

static guint
count_rule (YusuanChecker *checker,
            const char    *rule)
{
  guint n = 0;

  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    if (strcmp (yusuan_checker_get_finding (checker, i)->rule, rule) == 0)
      n++;

  return n;
}

static void
count_cb (YusuanChecker *checker,
          guint         *count)
{
  (*count)++;
}

static const YusuanProject *
project_by_code (YusuanDocument *document,
                 const char     *code)
{
  const YusuanProject *project = yusuan_document_find_project (document, code);

  g_assert_nonnull (project);
  return project;
}

static const char *const nothing[] = { NULL };

/* The seed */

static void
test_seed (void)
{
  g_autoptr(YusuanDocument) document = load_fixture ();
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanFinding *finding;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  static const char *const expected[] = {
    "error project-no-targets 12 " SEED_NO_TARGETS,
    "warning three-public-lines 08 vehicle-operation",
    "warning project-no-cost 12 411200230000000002006",
    "warning project-no-cost 12 411200230000000002807",
    "warning project-no-satisfaction 12 411200230000000002810",
    NULL
  };

  /* Exactly these: one error (the project the published document ends
   * before), the three projects short of a group, and 公务用车运行维护费 stated
   * 10.00 against the 12.00 its 30231 lines hold. */
  assert_findings (checker, expected);

  finding = find (checker, "project-no-targets", SEED_NO_TARGETS);
  g_assert_cmpint (finding->severity, ==, YUSUAN_SEVERITY_ERROR);
  g_assert_cmpint (finding->target_kind, ==, YUSUAN_TARGET_PROJECT);
  g_assert_cmpuint (finding->target_id, ==, project_by_code (document, SEED_NO_TARGETS)->id);
  g_assert_nonnull (strstr (finding->message, "2023公车运行费用"));

  finding = find (checker, "three-public-lines", "vehicle-operation");
  g_assert_nonnull (strstr (finding->message, "stated 10.00 万元, lines 12.00 万元"));
  g_assert_cmpint (finding->target_kind, ==, YUSUAN_TARGET_THREE_PUBLIC);
  g_assert_cmpuint (finding->target_id, ==, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION);

  json = yusuan_checker_to_json (checker);
  g_assert_true (g_str_has_prefix (json, "{\"errors\": 1, \"warnings\": 4, \"findings\": [\n"
                                         "  {\"severity\": \"error\", \"rule\": \"project-no-targets\", \"table\": \"12\", "
                                         "\"subject\": \"" SEED_NO_TARGETS "\", \"message\": \"Project “2023公车运行费用” has no performance targets"));

  text = yusuan_checker_to_text (checker);
  g_assert_true (g_str_has_prefix (text, "error [project-no-targets] 预算12表 " SEED_NO_TARGETS ": Project “2023公车运行费用”"));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[5], ==, "");
}

/* Flawed departments */

static void
test_clean (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  /* Two units, several funds, basic and project lines, a personnel category on
   * a 302 line, 三公, ceilings in 万元 and 元, explained changes: all fine. */
  assert_findings (checker, nothing);

  json = yusuan_checker_to_json (checker);
  g_assert_cmpstr (json, ==, "{\"errors\": 0, \"warnings\": 0, \"findings\": []}\n");
  text = yusuan_checker_to_text (checker);
  g_assert_cmpstr (text, ==, "");
}

static void
test_balance (void)
{
  g_autoptr(YusuanDocument) document = load ("balance.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  static const char *const expected[] = {
    "error balance-fund-overspent 01 general-public-budget",
    "error balance-total 01 total",
    "error balance-unit-overspent 02 900001/general-public-budget",
    "warning balance-unit-unspent 02 900002/general-public-budget",
    NULL
  };

  assert_findings (checker, expected);
  g_assert_cmpstr (find (checker, "balance-total", NULL)->message, ==,
                   "Revenue 132.00 万元 does not equal expenditure 135.00 万元");
  g_assert_nonnull (strstr (find (checker, "balance-fund-overspent", NULL)->message,
                            "expenditure 130.00 万元 is above the revenue 127.00 万元"));
  g_assert_nonnull (strstr (find (checker, "balance-unit-overspent", NULL)->message, "900001 示例局机关"));
  g_assert_nonnull (strstr (find (checker, "balance-unit-overspent", NULL)->message,
                            "expenditure 100.00 万元 is above the revenue 95.00 万元"));
  g_assert_nonnull (strstr (find (checker, "balance-unit-unspent", NULL)->message,
                            "revenue 32.00 万元 is above the expenditure 30.00 万元"));
  g_assert_cmpint (find (checker, "balance-unit-overspent", NULL)->target_kind, ==, YUSUAN_TARGET_UNIT);
  g_assert_cmpuint (find (checker, "balance-unit-overspent", NULL)->target_id, ==,
                    yusuan_document_find_unit (document, "900001")->id);
}

static void
test_codes (void)
{
  g_autoptr(YusuanDocument) document = load ("codes.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanFinding *finding;
  static const char *const expected[] = {
    "error revenue-unit-unknown 02 900009/general-public-budget",
    "error line-function-unknown 03 900001/2880101/30108/50102",
    "error line-unit-unknown 03 900009/2010301/30101/50101",
    "error line-econ-dept-unknown 07 900001/2101101/30198/50102",
    "error line-econ-gov-unknown 07 900001/2010301/30101/50198",
    "warning line-econ-pair 07 900002/2010301/30101/50201",
    NULL
  };

  assert_findings (checker, expected);

  finding = find (checker, "line-function-unknown", NULL);
  g_assert_nonnull (strstr (finding->message, "2880101"));
  g_assert_nonnull (strstr (finding->message, "2023"));
  g_assert_cmpint (finding->target_kind, ==, YUSUAN_TARGET_LINE);
  g_assert_cmpuint (yusuan_document_lookup_line (document, finding->target_id)->amount, ==, 8000000);
  g_assert_nonnull (strstr (find (checker, "line-econ-pair", NULL)->message, "30101"));
  g_assert_nonnull (strstr (find (checker, "line-econ-pair", NULL)->message, "50201"));
  g_assert_nonnull (strstr (find (checker, "line-unit-unknown", NULL)->message, "900009"));
}

static void
test_projects (void)
{
  g_autoptr(YusuanDocument) document = load ("projects.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanFinding *finding;
  static const char *const expected[] = {
    "error project-zero-total 10 900000230000000000003",
    "error indicator-rate-above-100 11 department",
    "error indicator-rate-above-100 12 900000230000000000006",
    "error project-no-effect 12 900000230000000000005",
    "error project-no-output 12 900000230000000000005",
    "error project-no-targets 12 900000230000000000004",
    "warning project-cost-ceiling 12 900000230000000000007",
    "warning project-cost-ceiling 12 900000230000000000008",
    "warning project-no-cost 12 900000230000000000006",
    "warning project-no-satisfaction 12 900000230000000000006",
    NULL
  };

  /* 000009's three ceilings of 33,333.3334 元 reach its 10.00 万元 exactly
   * summed; 000008's fall a hundredth of a fen short. */
  assert_findings (checker, expected);

  g_assert_nonnull (strstr (find (checker, "project-cost-ceiling", "900000230000000000007")->message,
                            "at most 8.00 万元, below its amount 10.00 万元"));
  g_assert_nonnull (strstr (find (checker, "project-cost-ceiling", "900000230000000000008")->message,
                            "at most 99,999.99 元, below its amount 100,000.00 元"));

  finding = find (checker, "indicator-rate-above-100", "department");
  g_assert_cmpint (finding->target_kind, ==, YUSUAN_TARGET_INDICATOR);
  g_assert_cmpuint (finding->project_id, ==, 0);
  g_assert_nonnull (strstr (finding->message, "预算调整率"));
  g_assert_nonnull (strstr (finding->message, "150%"));

  finding = find (checker, "indicator-rate-above-100", "900000230000000000006");
  g_assert_cmpuint (finding->project_id, ==, project_by_code (document, "900000230000000000006")->id);
  g_assert_nonnull (strstr (finding->message, "完成率"));
}

static void
test_three_public (void)
{
  g_autoptr(YusuanDocument) document = load ("three-public.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  static const char *const expected[] = {
    "warning three-public-lines 08 outbound-travel",
    "warning three-public-lines 08 vehicle-operation",
    "warning year-on-year -- outbound-travel-change",
    "warning year-on-year -- vehicle-operation-change",
    NULL
  };

  assert_findings (checker, expected);
  g_assert_nonnull (strstr (find (checker, "three-public-lines", "outbound-travel")->message,
                            "stated 1.00 万元, lines 0.00 万元"));
  g_assert_nonnull (strstr (find (checker, "three-public-lines", "vehicle-operation")->message,
                            "stated 5.00 万元, lines 6.00 万元"));
  g_assert_nonnull (strstr (find (checker, "year-on-year", "vehicle-operation-change")->message,
                            "from 6.00 万元 last year to 5.00 万元"));
  g_assert_cmpint (find (checker, "year-on-year", "vehicle-operation-change")->target_kind, ==,
                   YUSUAN_TARGET_EXPLANATION);
}

static void
test_three_public_unstated (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  static const char *const expected[] = {
    "warning three-public-lines 08 official-reception",
    "warning three-public-lines 08 vehicle-operation",
    NULL
  };

  /* Table 08 left empty while lines carry 30231 and 30217: the lines show
   * up against nothing stated, and nothing is compared with last year. */
  yusuan_document_set_three_public (document, NULL);
  g_assert_false (yusuan_document_has_three_public (document));
  assert_findings (checker, expected);
  g_assert_nonnull (strstr (find (checker, "three-public-lines", "official-reception")->message,
                            "stated 0.00 万元, lines 2.00 万元"));
  yusuan_document_undo (document);
  assert_findings (checker, nothing);
}

static void
test_year_on_year (void)
{
  g_autoptr(YusuanDocument) document = load ("year-on-year.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  gboolean has[YUSUAN_N_PRIOR_KEYS] = { FALSE };
  YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS] = { 0 };
  static const char *const expected[] = {
    "warning year-on-year -- official-reception-change",
    "warning year-on-year -- revenue-change",
    "warning year-on-year -- three-public-change",
    NULL
  };
  static const char *const without_reception[] = {
    "warning year-on-year -- revenue-change",
    NULL
  };

  assert_findings (checker, expected);
  g_assert_nonnull (strstr (find (checker, "year-on-year", "revenue-change")->message,
                            "from 130.00 万元 last year to 135.00 万元"));
  g_assert_nonnull (strstr (find (checker, "year-on-year", "three-public-change")->message,
                            "from 8.50 万元 last year to 8.00 万元"));

  /* Only where last year's figure exists: without 公务接待费 neither it nor
   * the 三公 total can be compared. */
  for (int key = 0; key < YUSUAN_N_PRIOR_KEYS; key++)
    has[key] = key != YUSUAN_PRIOR_OFFICIAL_RECEPTION
               && yusuan_document_get_prior_figure (document, key, &amounts[key]);
  yusuan_document_set_prior_year (document, TRUE, 2022, has, amounts);
  assert_findings (checker, without_reception);

  /* An explanation answers it; a blank one does not. */
  yusuan_document_set_explanation (document, "revenue-change", "  ");
  assert_findings (checker, without_reception);
  yusuan_document_set_explanation (document, "revenue-change", "新增服务中心。");
  assert_findings (checker, nothing);

  yusuan_document_undo (document);
  yusuan_document_undo (document);
  yusuan_document_undo (document);
  assert_findings (checker, expected);

  /* No prior year at all: nothing to compare. */
  yusuan_document_set_prior_year (document, FALSE, 0, NULL, NULL);
  assert_findings (checker, nothing);
}

/* Flaws made with the document's API, each undone */

static void
test_project_flaws (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanProject *p1 = project_by_code (document, CLEAN_P1);
  const YusuanProject *p2 = project_by_code (document, CLEAN_P2);
  g_autofree char *p2_name = g_strdup (p2->name);
  guint p2_id = p2->id;
  static const char *const no_lines[] = {
    "error balance-total 01 total",
    "error project-no-lines 10 " CLEAN_P2,
    "warning balance-fund-unspent 01 general-public-budget",
    "warning balance-unit-unspent 02 900002/general-public-budget",
    NULL
  };
  static const char *const duplicate[] = {
    "error project-duplicate-code 10 " CLEAN_P1,
    NULL
  };
  static const char *const moved[] = {
    "error balance-unit-overspent 02 900009/general-public-budget",
    "error project-unit-unknown 10 " CLEAN_P2,
    "warning balance-unit-unspent 02 900002/general-public-budget",
    NULL
  };

  /* A project whose lines are all removed. */
  yusuan_document_begin_group (document, "remove lines");
  while (p2->lines->len > 0)
    yusuan_document_remove_line (document, ((const YusuanLine *) g_ptr_array_index (p2->lines, 0))->id);
  yusuan_document_end_group (document);
  assert_findings (checker, no_lines);
  yusuan_document_undo (document);
  assert_findings (checker, nothing);

  /* Two projects with one code: one finding for the code. */
  yusuan_document_set_project (document, p2_id, CLEAN_P1, p2_name, "900002",
                               YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
  assert_findings (checker, duplicate);
  g_assert_nonnull (strstr (find (checker, "project-duplicate-code", NULL)->message, "2 projects"));
  yusuan_document_undo (document);
  assert_findings (checker, nothing);

  /* A project of a unit the department does not have: its lines go with it. */
  yusuan_document_set_project (document, p2_id, CLEAN_P2, p2_name, "900009",
                               YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
  assert_findings (checker, moved);
  yusuan_document_undo (document);
  assert_findings (checker, nothing);

  /* A project removed and its removal undone. */
  yusuan_document_remove_project (document, p1->id);
  g_assert_nonnull (find (checker, "balance-total", NULL));
  g_assert_null (find (checker, "project-no-lines", NULL));
  yusuan_document_undo (document);
  assert_findings (checker, nothing);
}

static void
test_indicator_flaws (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanProject *p1 = project_by_code (document, CLEAN_P1);
  YusuanIndicator no_value = {
    .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "培训人数", .op = YUSUAN_OPERATOR_GE,
    .value = NULL, .unit = (char *) "人",
  };
  YusuanIndicator no_text = {
    .level1 = YUSUAN_LEVEL1_EFFECT, .name = (char *) "培训效果", .op = YUSUAN_OPERATOR_QUALITATIVE,
  };
  YusuanIndicator rate = {
    .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "覆盖率", .op = YUSUAN_OPERATOR_LE,
    .value = (char *) "100.5", .unit = (char *) "%",
  };
  YusuanIndicator full_rate = {
    .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "覆盖率", .op = YUSUAN_OPERATOR_EQ,
    .value = (char *) "100", .unit = (char *) "%",
  };
  YusuanIndicator count = {
    .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "次数", .op = YUSUAN_OPERATOR_GE,
    .value = (char *) "400", .unit = (char *) "次",
  };
  static const char *const expected[] = {
    "error indicator-no-text 11 department",
    "error indicator-no-value 11 department",
    "error indicator-no-text 12 " CLEAN_P1,
    "error indicator-no-value 12 " CLEAN_P1,
    "error indicator-rate-above-100 12 " CLEAN_P1,
    NULL
  };

  yusuan_document_begin_group (document, "flawed indicators");
  yusuan_document_add_indicator (document, p1->id, &no_value);
  yusuan_document_add_indicator (document, p1->id, &no_text);
  yusuan_document_add_indicator (document, p1->id, &rate);
  yusuan_document_add_indicator (document, p1->id, &full_rate);
  yusuan_document_add_indicator (document, p1->id, &count);
  yusuan_document_add_indicator (document, 0, &no_value);
  yusuan_document_add_indicator (document, 0, &no_text);
  yusuan_document_end_group (document);

  /* 100% and 400 次 are fine; 100.5% is not. */
  assert_findings (checker, expected);
  g_assert_nonnull (strstr (find (checker, "indicator-no-value", CLEAN_P1)->message, "培训人数"));
  g_assert_nonnull (strstr (find (checker, "indicator-no-text", CLEAN_P1)->message, "培训效果"));
  g_assert_cmpint (find (checker, "indicator-no-text", CLEAN_P1)->target_kind, ==, YUSUAN_TARGET_INDICATOR);

  yusuan_document_undo (document);
  assert_findings (checker, nothing);
}

static void
test_line_flaws (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanLine *line = yusuan_document_get_basic_line (document, 0);
  YusuanLine values = *line;
  guint line_id = line->id;
  static const char *const not_item[] = {
    "error line-function-not-item 03 900001/20103/30101/50101",
    NULL
  };

  g_assert_cmpstr (line->econ_dept, ==, "30101");

  /* A 款 where a 项 belongs. */
  g_strlcpy (values.function, "20103", sizeof values.function);
  yusuan_document_set_line (document, line_id, &values);
  assert_findings (checker, not_item);
  g_assert_nonnull (strstr (find (checker, "line-function-not-item", NULL)->message, "20103"));
  yusuan_document_undo (document);
  assert_findings (checker, nothing);

  /* A 301 line stated as 公用经费: the department's choice, no finding. */
  values = *yusuan_document_lookup_line (document, line_id);
  values.category = YUSUAN_CATEGORY_PUBLIC;
  yusuan_document_set_line (document, line_id, &values);
  assert_findings (checker, nothing);
  yusuan_document_undo (document);

  /* A unit removed from the department: everything it held is orphaned. */
  yusuan_document_remove_unit (document, yusuan_document_find_unit (document, "900002")->id);
  g_assert_cmpuint (count_rule (checker, "line-unit-unknown"), ==, 2);
  g_assert_cmpuint (count_rule (checker, "revenue-unit-unknown"), ==, 2);
  g_assert_cmpuint (count_rule (checker, "project-unit-unknown"), ==, 1);
  yusuan_document_undo (document);
  assert_findings (checker, nothing);
}

/* Live */

static void
test_live_seed (void)
{
  g_autoptr(YusuanDocument) document = load_fixture ();
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanProject *project = project_by_code (document, SEED_NO_TARGETS);
  g_autofree char *before = yusuan_checker_to_json (checker);
  g_autofree char *after = NULL;
  guint changed = 0;
  YusuanIndicator effect = {
    .level1 = YUSUAN_LEVEL1_EFFECT, .name = (char *) "公务出行保障", .op = YUSUAN_OPERATOR_QUALITATIVE,
    .text = (char *) "保障",
  };
  YusuanIndicator output = {
    .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "保障车辆数", .op = YUSUAN_OPERATOR_GE,
    .value = (char *) "5", .unit = (char *) "辆",
  };

  g_signal_connect (checker, "changed", G_CALLBACK (count_cb), &changed);

  /* An effect indicator: the project now has targets, but no output. */
  yusuan_document_add_indicator (document, project->id, &effect);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_null (find (checker, "project-no-targets", NULL));
  g_assert_nonnull (find (checker, "project-no-output", SEED_NO_TARGETS));
  g_assert_nonnull (find (checker, "project-no-satisfaction", SEED_NO_TARGETS));
  g_assert_nonnull (find (checker, "project-no-cost", SEED_NO_TARGETS));
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, 1);

  /* And an output one: no error left, the submission may go. */
  yusuan_document_add_indicator (document, project->id, &output);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, 0);
  g_assert_cmpuint (yusuan_checker_get_n_warnings (checker), ==, 6);

  /* Undo both: exactly the findings of before. */
  yusuan_document_undo (document);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, 1);
  g_assert_nonnull (find (checker, "project-no-output", SEED_NO_TARGETS));
  yusuan_document_undo (document);
  g_assert_cmpuint (changed, ==, 4);
  after = yusuan_checker_to_json (checker);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (find (checker, "project-no-targets", SEED_NO_TARGETS));

  /* The 三公 warning goes when the statement matches the lines. */
  {
    YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC];

    for (int item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
      amounts[item] = yusuan_document_get_three_public (document, item);
    amounts[YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION] = 12000000;
    yusuan_document_set_three_public (document, amounts);
    g_assert_null (find (checker, "three-public-lines", NULL));
    /* … and then the year-on-year figures no longer change: 12.00 → 12.00,
     * 13.50 → 13.50, no warning either way. */
    g_assert_null (find (checker, "year-on-year", NULL));
    yusuan_document_undo (document);
    g_assert_nonnull (find (checker, "three-public-lines", "vehicle-operation"));
  }
}

static void
test_live_quiet (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanProject *p1 = project_by_code (document, CLEAN_P1);
  const YusuanLine *line = yusuan_document_get_basic_line (document, 4);
  const YusuanRevenue *revenue = yusuan_document_get_revenue (document, 0);
  guint line_id = line->id;
  YusuanLine line_values;
  YusuanRevenue values;
  guint changed = 0;

  g_signal_connect (checker, "changed", G_CALLBACK (count_cb), &changed);

  /* Renaming a project without findings changes no finding. */
  yusuan_document_set_project (document, p1->id, p1->code, "公务用车运行保障", p1->unit, p1->kind, NULL);
  g_assert_cmpuint (changed, ==, 0);

  /* Another 项 for a line changes no finding. */
  g_assert_cmpstr (line->econ_dept, ==, "30108");
  line_values = *line;
  g_strlcpy (line_values.function, "2080501", sizeof line_values.function);
  yusuan_document_set_line (document, line_id, &line_values);
  g_assert_cmpuint (changed, ==, 0);

  /* Moving money between two lines of one unit and fund (neither a 302 line
   * of 机关运行经费): the checker follows each edit of the group, so the
   * imbalance between the two comes and goes. */
  yusuan_document_begin_group (document, "move");
  yusuan_document_set_line_amount (document, line_id, line->amount - 100);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (find (checker, "balance-total", NULL));
  yusuan_document_set_line_amount (document, yusuan_document_get_basic_line (document, 0)->id,
                                   yusuan_document_get_basic_line (document, 0)->amount + 100);
  yusuan_document_end_group (document);
  g_assert_cmpuint (changed, ==, 2);
  assert_findings (checker, nothing);
  changed = 0;

  /* One fen more expenditure: the balance rules fire, once. */
  yusuan_document_set_line_amount (document, line_id, yusuan_document_lookup_line (document, line_id)->amount + 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (find (checker, "balance-total", NULL));
  g_assert_nonnull (find (checker, "balance-unit-overspent", "900001/general-public-budget"));

  /* A fen shows in 元, where 万元 would print the same figure twice. */
  g_assert_cmpstr (find (checker, "balance-total", NULL)->message, ==,
                   "Revenue 1,350,000.00 元 does not equal expenditure 1,350,000.01 元");

  /* A second fen: other figures in the messages, so other findings. */
  yusuan_document_set_line_amount (document, line_id, yusuan_document_lookup_line (document, line_id)->amount + 1);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (find (checker, "balance-total", NULL)->message, ==,
                   "Revenue 1,350,000.00 元 does not equal expenditure 1,350,000.02 元");

  /* The department's name changes no finding; another year names it. */
  yusuan_document_set_header (document, 2023, YUSUAN_STAGE_SECOND_PROPOSAL, "900", "示例局（二上）", "411200");
  g_assert_cmpuint (changed, ==, 2);
  yusuan_document_set_header (document, 2024, YUSUAN_STAGE_SECOND_PROPOSAL, "900", "示例局（二上）", "411200");
  g_assert_cmpuint (changed, ==, 2);
  yusuan_document_add_line (document, &(YusuanLine) {
                              .unit = "900009", .function = "2880101", .econ_dept = "30101", .econ_gov = "50101",
                              .fund = YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, .category = YUSUAN_CATEGORY_PERSONNEL });
  g_assert_cmpuint (changed, ==, 3);
  g_assert_nonnull (strstr (find (checker, "line-function-unknown", NULL)->message, "2024"));
  yusuan_document_set_header (document, 2025, YUSUAN_STAGE_SECOND_PROPOSAL, "900", "示例局（二上）", "411200");
  g_assert_cmpuint (changed, ==, 4);
  g_assert_nonnull (strstr (find (checker, "line-function-unknown", NULL)->message, "2025"));
  yusuan_document_undo (document);
  yusuan_document_undo (document);
  yusuan_document_undo (document);
  yusuan_document_undo (document);
  g_assert_cmpuint (changed, ==, 6);
  changed = 2;

  /* Revenue raised to match: quiet again. */
  values = *revenue;
  values.amount += 2;
  yusuan_document_set_revenue (document, revenue->id, &values);
  g_assert_cmpuint (changed, ==, 3);
  assert_findings (checker, nothing);
}

static void
test_reset (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  guint changed = 0;

  g_signal_connect (checker, "changed", G_CALLBACK (count_cb), &changed);

  /* A load replaces everything at once: one RESET, one ::changed. */
  yusuan_document_begin_load (document);
  yusuan_document_add_project (document, "900000230000000000099", "新项目", "900001",
                               YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);
  yusuan_document_end_load (document);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (find (checker, "project-no-lines", "900000230000000000099"));
  g_assert_nonnull (find (checker, "project-no-targets", "900000230000000000099"));

  /* A load that changes no finding says nothing. */
  yusuan_document_begin_load (document);
  yusuan_document_end_load (document);
  g_assert_cmpuint (changed, ==, 1);
}

/* After any edit the live findings are those of a fresh check. */
static void
assert_same_as_fresh (YusuanDocument *document,
                      YusuanChecker  *checker)
{
  g_autoptr(YusuanChecker) fresh = checker_new (document);
  g_autofree char *live = yusuan_checker_to_json (checker);
  g_autofree char *expected = yusuan_checker_to_json (fresh);

  g_assert_cmpstr (live, ==, expected);
}

static const YusuanLine *
random_line (YusuanDocument *document,
             GRand          *rand)
{
  guint n_basic = yusuan_document_get_n_basic_lines (document);
  guint n_projects = yusuan_document_get_n_projects (document);

  if (n_projects == 0 || g_rand_boolean (rand))
    return n_basic > 0 ? yusuan_document_get_basic_line (document, g_rand_int_range (rand, 0, n_basic)) : NULL;
  else
    {
      const YusuanProject *project = yusuan_document_get_project (document, g_rand_int_range (rand, 0, n_projects));

      return project->lines->len > 0 ? g_ptr_array_index (project->lines, g_rand_int_range (rand, 0, project->lines->len)) : NULL;
    }
}

static void
random_edit (YusuanDocument *document,
             GRand          *rand)
{
  static const char *const functions[] = { "2010301", "2080505", "2880101", "20103" };
  static const char *const econ_pairs[][2] = {
    { "30101", "50101" }, { "30231", "50208" }, { "30217", "50206" }, { "30212", "50207" },
    { "30201", "50201" }, { "31013", "50303" }, { "30198", "50102" }, { "30101", "50201" },
  };
  static const char *const units[] = { "900001", "900002", "900009", "103001" };
  static const YusuanFund funds[] = {
    YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, YUSUAN_FUND_INSTITUTION_INCOME, YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET,
  };
  guint n_projects = yusuan_document_get_n_projects (document);
  const YusuanProject *project = n_projects > 0
                                 ? yusuan_document_get_project (document, g_rand_int_range (rand, 0, n_projects))
                                 : NULL;
  const YusuanLine *line = random_line (document, rand);

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
    case 1:
      if (line != NULL)
        yusuan_document_set_line_amount (document, line->id, g_rand_int_range (rand, 0, 3) * 1000000);
      break;
    case 2:
      if (line != NULL)
        yusuan_document_remove_line (document, line->id);
      break;
    case 3:
      {
        YusuanLine values = { 0 };
        guint pair = g_rand_int_range (rand, 0, G_N_ELEMENTS (econ_pairs));

        values.project_id = project != NULL && g_rand_boolean (rand) ? project->id : 0;
        g_strlcpy (values.unit, units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))], sizeof values.unit);
        g_strlcpy (values.function, functions[g_rand_int_range (rand, 0, G_N_ELEMENTS (functions))], sizeof values.function);
        g_strlcpy (values.econ_dept, econ_pairs[pair][0], sizeof values.econ_dept);
        g_strlcpy (values.econ_gov, econ_pairs[pair][1], sizeof values.econ_gov);
        values.fund = funds[g_rand_int_range (rand, 0, G_N_ELEMENTS (funds))];
        values.category = g_rand_boolean (rand) ? YUSUAN_CATEGORY_PERSONNEL : YUSUAN_CATEGORY_PUBLIC;
        values.amount = g_rand_int_range (rand, 0, 5) * 1000000;
        yusuan_document_add_line (document, &values);
      }
      break;
    case 4:
      if (project != NULL)
        {
          guint other = g_rand_int_range (rand, 0, n_projects);

          yusuan_document_set_project (document, project->id,
                                       g_rand_boolean (rand) ? yusuan_document_get_project (document, other)->code : project->code,
                                       project->name,
                                       units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))],
                                       project->kind, project->description);
        }
      break;
    case 5:
      if (project != NULL && project->indicators->len > 0)
        yusuan_document_remove_indicator (document, project->id,
                                          ((const YusuanIndicator *) g_ptr_array_index (project->indicators, g_rand_int_range (rand, 0, project->indicators->len)))->id);
      break;
    case 6:
      if (project != NULL && g_rand_int_range (rand, 0, 4) == 0)
        yusuan_document_remove_project (document, project->id);
      break;
    case 7:
      if (yusuan_document_get_n_revenues (document) > 0)
        {
          const YusuanRevenue *revenue = yusuan_document_get_revenue (document, 0);
          YusuanRevenue values = *revenue;

          values.amount += g_rand_int_range (rand, -2, 3) * 1000000;
          values.amount = MAX (values.amount, 0);
          if (g_rand_boolean (rand))
            g_strlcpy (values.unit, units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))], sizeof values.unit);
          yusuan_document_set_revenue (document, revenue->id, &values);
        }
      break;
    case 8:
      {
        YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC] = { 0 };

        for (int item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
          amounts[item] = g_rand_int_range (rand, 0, 3) * 1000000;
        yusuan_document_set_three_public (document, amounts);
      }
      break;
    case 9:
      yusuan_document_set_explanation (document, g_rand_boolean (rand) ? "revenue-change" : "vehicle-operation-change",
                                       g_rand_boolean (rand) ? "说明" : NULL);
      break;
    case 10:
    case 11:
      if (yusuan_document_can_undo (document))
        yusuan_document_undo (document);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
run_random_edits (YusuanDocument *document,
                  guint32         seed)
{
  g_autoptr(YusuanChecker) checker = checker_new (document);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < 300; i++)
    {
      random_edit (document, rand);
      assert_same_as_fresh (document, checker);
    }

  while (yusuan_document_can_undo (document))
    yusuan_document_undo (document);
  assert_same_as_fresh (document, checker);
}

static void
test_live_incremental (void)
{
  g_autoptr(YusuanDocument) seed = load_fixture ();
  g_autoptr(YusuanDocument) projects = load ("projects.xml");
  g_autoptr(YusuanDocument) clean = load ("clean.xml");
  g_autoptr(YusuanChecker) after_undo = NULL;

  run_random_edits (seed, 20230101);
  run_random_edits (projects, 42);
  run_random_edits (clean, 7);

  /* Undoing every edit brings back the clean department's silence. */
  after_undo = checker_new (clean);
  assert_findings (after_undo, nothing);
}

/* Output */

static void
test_json_escaping (void)
{
  g_autoptr(YusuanDocument) document = load ("clean.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanProject *p1 = project_by_code (document, CLEAN_P1);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  /* A name a user typed, with quotes, a backslash, a tab, a newline and a
   * control character, in a message. */
  yusuan_document_set_project (document, p1->id, p1->code, "\"车\"\\运行\t费\n\x01", p1->unit, p1->kind, NULL);
  yusuan_document_add_project (document, "900000230000000000099", "新项目", "900001",
                               YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);
  yusuan_document_set_project (document, project_by_code (document, "900000230000000000099")->id,
                               CLEAN_P1, "新项目", "900001", YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);

  json = yusuan_checker_to_json (checker);
  g_assert_nonnull (strstr (json, "\"table\": \"10\""));
  g_assert_null (strstr (json, "\"table\": 10"));
  g_assert_nonnull (strstr (json, "\"errors\": 3, \"warnings\": 0"));

  {
    YusuanIndicator no_text = {
      .level1 = YUSUAN_LEVEL1_EFFECT, .name = (char *) "\"效果\"\\\t\n\x01", .op = YUSUAN_OPERATOR_QUALITATIVE,
    };

    yusuan_document_add_indicator (document, p1->id, &no_text);
  }
  g_clear_pointer (&json, g_free);
  json = yusuan_checker_to_json (checker);
  g_assert_nonnull (strstr (json, "indicator “\\\"效果\\\"\\\\\\t\\n\\u0001”"));
  g_assert_null (strchr (json, '\t'));
  g_assert_null (strchr (json, '\x01'));

  /* Text: one finding a line, 预算NN表 for the table. */
  text = yusuan_checker_to_text (checker);
  g_assert_true (g_str_has_prefix (text, "error [project-duplicate-code] 预算10表 " CLEAN_P1 ": "));
}

static void
test_sorted (void)
{
  g_autoptr(YusuanDocument) document = load ("three-public.xml");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  const YusuanProject *p2 = project_by_code (document, CLEAN_P2);

  /* An error after warnings in table order still comes first; findings of no
   * table come after the tables. */
  yusuan_document_remove_indicator (document, p2->id,
                                    ((const YusuanIndicator *) g_ptr_array_index (p2->indicators, 3))->id);
  {
    static const char *const expected[] = {
      "error project-no-effect 12 " CLEAN_P2,
      "warning three-public-lines 08 outbound-travel",
      "warning three-public-lines 08 vehicle-operation",
      "warning year-on-year -- outbound-travel-change",
      "warning year-on-year -- vehicle-operation-change",
      NULL
    };

    assert_findings (checker, expected);
  }
}

/* The finance bureau's control numbers */

/* @document's copy at the control-numbers stage (一下), as the bureau sends it back. */
static YusuanDocument *
bureau_copy (YusuanDocument *document,
             int             fiscal_year,
             const char     *department_code)
{
  YusuanDocument *bureau = yusuan_document_copy (document);

  yusuan_document_set_header (bureau, fiscal_year, YUSUAN_STAGE_CONTROL_NUMBERS, department_code,
                              yusuan_document_get_department_name (document),
                              yusuan_document_get_region (document));
  return bureau;
}

static void
test_control_numbers (void)
{
  g_autoptr(YusuanDocument) document = load_fixture ();
  g_autoptr(YusuanDocument) bureau = bureau_copy (document, 2023, "103");
  g_autoptr(YusuanChecker) checker = checker_new (document);
  g_autoptr(GError) error = NULL;
  const YusuanLine *line = yusuan_document_get_basic_line (document, 0);
  guint line_id = line->id;
  YusuanAmount amount = line->amount;
  const YusuanFinding *finding;
  YusuanAmount control;

  /* The bureau's figures are the budget's own: it is within them, exactly. */
  g_assert_true (yusuan_document_take_control_numbers (document, bureau, &error));
  g_assert_no_error (error);
  g_assert_true (yusuan_document_get_control_number (document, YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                                                     YUSUAN_SPENDING_BASIC, &control));
  g_assert_cmpint (control, ==, 3018037200);
  g_assert_true (yusuan_document_get_control_number (document, YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                                                     YUSUAN_SPENDING_PROJECT, &control));
  g_assert_cmpint (control, ==, 319800000);
  /* What the bureau set nothing for is not limited. */
  g_assert_false (yusuan_document_get_control_number (document, YUSUAN_FUND_GOVERNMENT_FUND,
                                                      YUSUAN_SPENDING_BASIC, NULL));
  g_assert_cmpuint (count_rule (checker, "control-numbers"), ==, 0);
  g_assert_cmpstr (yusuan_document_get_undo_label (document), ==, "Import control numbers");

  /* One fen above is an error, live, naming the fund and the kind. */
  yusuan_document_set_line_amount (document, line_id, amount + 1);
  finding = find (checker, "control-numbers", "general-public-budget/basic");
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, YUSUAN_SEVERITY_ERROR);
  g_assert_cmpuint (finding->table, ==, 3);
  g_assert_cmpstr (finding->message, ==,
                   "General public budget, Basic expenditure: expenditure 30,180,372.01 元 is above the control "
                   "number 30,180,372.00 元 set by the finance bureau");
  g_assert_cmpint (finding->target_kind, ==, YUSUAN_TARGET_CONTROL_NUMBERS);
  g_assert_cmpuint (finding->target_id, ==, YUSUAN_FUND_GENERAL_PUBLIC_BUDGET);
  g_assert_cmpuint (finding->project_id, ==, YUSUAN_SPENDING_BASIC);
  g_assert_cmpuint (count_rule (checker, "control-numbers"), ==, 1);

  /* Appropriations (财政拨款) the bureau set no control number for are worth a
   * warning once it set some; the unit's own funds are not its to limit. */
  {
    YusuanLine extra = *yusuan_document_lookup_line (document, line_id);
    const YusuanLine *added;

    extra.fund = YUSUAN_FUND_GOVERNMENT_FUND;
    extra.amount = 500000;
    added = yusuan_document_add_line (document, &extra);
    finding = find (checker, "control-numbers-unset", "government-fund/basic");
    g_assert_nonnull (finding);
    g_assert_cmpint (finding->severity, ==, YUSUAN_SEVERITY_WARNING);
    g_assert_cmpstr (finding->message, ==,
                     "Government fund, Basic expenditure: expenditure 0.50 万元, but the finance bureau "
                     "set no control number for it");
    extra = *added;
    extra.fund = YUSUAN_FUND_INSTITUTION_INCOME;
    yusuan_document_set_line (document, added->id, &extra);
    g_assert_cmpuint (count_rule (checker, "control-numbers-unset"), ==, 0);
    yusuan_document_undo (document);
    yusuan_document_undo (document);
    g_assert_cmpuint (count_rule (checker, "control-numbers-unset"), ==, 0);
  }

  /* Back within: gone; and without control numbers, nothing limits. */
  yusuan_document_undo (document);
  g_assert_cmpuint (count_rule (checker, "control-numbers"), ==, 0);
  yusuan_document_set_line_amount (document, line_id, amount + 1000000);
  g_assert_cmpuint (count_rule (checker, "control-numbers"), ==, 1);
  yusuan_document_set_control_numbers (document, FALSE, NULL, NULL);
  g_assert_false (yusuan_document_has_control_numbers (document));
  g_assert_cmpuint (count_rule (checker, "control-numbers"), ==, 0);
  yusuan_document_undo (document);
  g_assert_true (yusuan_document_has_control_numbers (document));
  g_assert_cmpuint (count_rule (checker, "control-numbers"), ==, 1);
}

/* A file that is not this budget's control numbers is refused, saying why,
 * and the document keeps what it had. */
static void
test_control_numbers_refused (void)
{
  g_autoptr(YusuanDocument) document = load_fixture ();
  g_autoptr(YusuanDocument) approved = yusuan_document_copy (document);
  g_autoptr(YusuanDocument) next_year = bureau_copy (document, 2024, "103");
  g_autoptr(YusuanDocument) other = bureau_copy (document, 2023, "104");
  g_autoptr(YusuanDocument) empty = yusuan_document_new ();
  struct
  {
    YusuanDocument *bureau;
    const char     *says;
  } cases[] = {
    { approved, "not the finance bureau" },
    { next_year, "2024" },
    { other, "104" },
    { empty, "no expenditure" },
  };

  yusuan_document_set_header (empty, 2023, YUSUAN_STAGE_CONTROL_NUMBERS, "103", NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      yusuan_document_mark_saved (document);
      g_assert_false (yusuan_document_take_control_numbers (document, cases[i].bureau, &error));
      g_assert_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_false (yusuan_document_has_control_numbers (document));
      g_assert_false (yusuan_document_get_modified (document));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  yusuan_core_init ();

  g_test_add_func ("/core/rules/seed", test_seed);
  g_test_add_func ("/core/rules/clean", test_clean);
  g_test_add_func ("/core/rules/balance", test_balance);
  g_test_add_func ("/core/rules/codes", test_codes);
  g_test_add_func ("/core/rules/projects", test_projects);
  g_test_add_func ("/core/rules/three-public", test_three_public);
  g_test_add_func ("/core/rules/three-public/unstated", test_three_public_unstated);
  g_test_add_func ("/core/rules/year-on-year", test_year_on_year);
  g_test_add_func ("/core/rules/control-numbers", test_control_numbers);
  g_test_add_func ("/core/rules/control-numbers/refused", test_control_numbers_refused);
  g_test_add_func ("/core/rules/project-flaws", test_project_flaws);
  g_test_add_func ("/core/rules/indicator-flaws", test_indicator_flaws);
  g_test_add_func ("/core/rules/line-flaws", test_line_flaws);
  g_test_add_func ("/core/rules/live/seed", test_live_seed);
  g_test_add_func ("/core/rules/live/quiet", test_live_quiet);
  g_test_add_func ("/core/rules/live/reset", test_reset);
  g_test_add_func ("/core/rules/live/incremental", test_live_incremental);
  g_test_add_func ("/core/rules/json", test_json_escaping);
  g_test_add_func ("/core/rules/sorted", test_sorted);

  return g_test_run ();
}
