/* test-workflow.c - next year's budget from this one; units' submissions gathered into the department's
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-figures.h"
#include "yusuan-rules.h"
#include "yusuan-test-util.h"
#include "yusuan-workflow.h"
#include "yusuan-xml.h"

/* Helpers */

/* The seed with its unit's code changed (and its project codes, with
 * @own_projects): another unit's submission (a subordinate unit, 所属单位) of
 * the same department. */
static YusuanDocument *
load_other_unit (const char *unit_code,
                 const char *unit_name,
                 gboolean    own_projects)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  YusuanDocument *document;

  g_assert_true (g_file_get_contents (g_getenv ("YUSUAN_FIXTURE"), &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "\"103001\"", unit_code, 0);
  g_string_replace (text, "河南省三门峡市人民政府办公室", unit_name, 0);
  if (own_projects)
    g_string_replace (text, "4112002300000000", "4112002399999999", 0);
  document = yusuan_xml_import_data (text->str, text->len, "unit.xml", &error);
  g_assert_no_error (error);
  return document;
}

static YusuanAmount
prior (YusuanDocument *document,
       YusuanPriorKey  key)
{
  YusuanAmount amount = -1;

  g_assert_true (yusuan_document_get_prior_figure (document, key, &amount));
  return amount;
}

static YusuanAmount
expenditure (YusuanDocument *document)
{
  YusuanFigures figures;

  yusuan_figures_compute (document, &figures);
  return figures.expenditure_total;
}

static guint
count_rule (YusuanChecker *checker,
            const char    *rule,
            const char    *subject)
{
  guint n = 0;

  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      n += g_str_equal (finding->rule, rule) && (subject == NULL || g_strcmp0 (finding->subject, subject) == 0);
    }
  return n;
}

/* Next year */

static void
test_next_year (void)
{
  g_autoptr(YusuanDocument) last = yusuan_test_load_fixture ();
  g_autoptr(YusuanDocument) next = NULL;
  g_autoptr(YusuanChecker) checker = NULL;
  g_autoptr(YusuanCatalog) catalog = yusuan_catalog_get_builtin ();
  g_autoptr(GError) error = NULL;
  gboolean control_has[YUSUAN_N_CONTROL_NUMBERS] = { TRUE, };
  YusuanAmount control[YUSUAN_N_CONTROL_NUMBERS] = { 100, };
  guint n_explanations;

  yusuan_document_set_explanation (last, "revenue-change", "增加了人员。");
  yusuan_document_set_control_numbers (last, TRUE, control_has, control);
  n_explanations = yusuan_document_get_n_explanations (last);
  g_assert_cmpuint (n_explanations, >, 0);

  next = yusuan_workflow_next_year (last, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);

  /* Next year's first proposal (一上) of the same department. */
  g_assert_cmpint (yusuan_document_get_fiscal_year (next), ==, 2024);
  g_assert_cmpint (yusuan_document_get_stage (next), ==, YUSUAN_STAGE_FIRST_PROPOSAL);
  g_assert_cmpstr (yusuan_document_get_department_code (next), ==, "103");
  g_assert_cmpstr (yusuan_document_get_department_name (next), ==, "市人民政府办公室");

  /* Everything the department keeps from year to year, as it was. */
  g_assert_cmpuint (yusuan_document_get_n_units (next), ==, yusuan_document_get_n_units (last));
  g_assert_cmpuint (yusuan_document_get_n_lines (next), ==, yusuan_document_get_n_lines (last));
  g_assert_cmpuint (yusuan_document_get_n_projects (next), ==, yusuan_document_get_n_projects (last));
  g_assert_cmpint (expenditure (next), ==, expenditure (last));
  g_assert_cmpuint (yusuan_document_get_n_indicators (next, yusuan_document_get_project (next, 0)->id), ==,
                    yusuan_document_get_project (last, 0)->indicators->len);
  g_assert_cmpuint (yusuan_document_get_n_procurement (next), ==, yusuan_document_get_n_procurement (last));
  g_assert_cmpuint (yusuan_document_get_n_duties (next), ==, yusuan_document_get_n_duties (last));

  /* This year's words and the bureau's figures stay with this year. */
  g_assert_cmpuint (yusuan_document_get_n_explanations (next), ==, 0);
  g_assert_false (yusuan_document_has_control_numbers (next));

  /* This year's totals are next year's prior-year figures (上年数). */
  g_assert_cmpint (yusuan_document_get_prior_fiscal_year (next), ==, 2023);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_REVENUE_TOTAL), ==, 3337837200);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_EXPENDITURE_TOTAL), ==, 3337837200);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_GENERAL_PUBLIC_BUDGET), ==, 3337837200);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_GOVERNMENT_FUND), ==, 0);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_BASIC_EXPENDITURE), ==, 3018037200);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_PROJECT_EXPENDITURE), ==, 319800000);
  /* 三公 as table 08 stated them (vehicle operation 10.00 万元, not the lines' 12.00). */
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_VEHICLE_OPERATION), ==, 10000000);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_OFFICIAL_RECEPTION), ==, 1500000);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_OUTBOUND_TRAVEL), ==, 0);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_OPERATING_COSTS), ==, 255304100);
  g_assert_cmpint (prior (next, YUSUAN_PRIOR_PROCUREMENT), ==, 89000000);

  /* A new document: nothing to undo, nothing unsaved but itself. */
  g_assert_false (yusuan_document_can_undo (next));
  g_assert_false (yusuan_document_get_modified (next));

  /* This year is untouched. */
  g_assert_cmpint (yusuan_document_get_fiscal_year (last), ==, 2023);
  g_assert_cmpuint (yusuan_document_get_n_explanations (last), ==, n_explanations);
  g_assert_true (yusuan_document_has_control_numbers (last));

  /* And the year-on-year checks now have last year to compare with. */
  checker = yusuan_checker_new (next, catalog);
  g_assert_cmpuint (count_rule (checker, "year-on-year", "revenue-change"), ==, 0);
  yusuan_document_add_revenue (next, "103001", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, 100 * YUSUAN_FEN_PER_WAN);
  g_assert_cmpuint (count_rule (checker, "year-on-year", "revenue-change"), ==, 1);
}

static void
test_next_year_last_year (void)
{
  g_autoptr(YusuanDocument) last = yusuan_document_new ();
  g_autoptr(GError) error = NULL;

  yusuan_document_set_header (last, 2100, YUSUAN_STAGE_APPROVED, "103", NULL, NULL);
  g_assert_null (yusuan_workflow_next_year (last, &error));
  g_assert_error (error, YUSUAN_WORKFLOW_ERROR, YUSUAN_WORKFLOW_ERROR_YEAR);
  g_assert_nonnull (strstr (error->message, "2100"));
}

/* Consolidation (汇总) */

static void
test_consolidate (void)
{
  g_autoptr(YusuanDocument) department = yusuan_test_load_fixture ();
  g_autoptr(YusuanDocument) unit = load_other_unit ("\"103002\"", "三门峡市政府督查室", TRUE);
  YusuanAmount before = expenditure (department);
  guint lines_before = yusuan_document_get_n_lines (department);
  g_autoptr(GError) error = NULL;
  guint n_units = 0;

  /* A unit the department did not have joins it, with all its figures. */
  g_assert_true (yusuan_workflow_consolidate (department, unit, &n_units, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_units, ==, 1);
  g_assert_cmpuint (yusuan_document_get_n_units (department), ==, 2);
  g_assert_cmpstr (yusuan_document_find_unit (department, "103002")->name, ==, "三门峡市政府督查室");
  g_assert_cmpint (expenditure (department), ==, 2 * before);
  g_assert_cmpuint (yusuan_document_get_n_lines (department), ==, 2 * lines_before);
  g_assert_nonnull (yusuan_document_find_project (department, "411200239999999902006"));
  g_assert_cmpuint (yusuan_document_find_project (department, "411200239999999902006")->indicators->len, ==,
                    yusuan_document_find_project (department, "411200230000000002006")->indicators->len);
  /* One step to take back. */
  g_assert_cmpstr (yusuan_document_get_undo_label (department), ==, "Consolidate a unit’s submission");

  /* Gathered again (a corrected submission): it replaces, it does not add. */
  g_assert_true (yusuan_workflow_consolidate (department, unit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yusuan_document_get_n_units (department), ==, 2);
  g_assert_cmpint (expenditure (department), ==, 2 * before);
  g_assert_cmpuint (yusuan_document_get_n_lines (department), ==, 2 * lines_before);

  /* Undo, twice: the department as it was. */
  g_assert_true (yusuan_document_undo (department));
  g_assert_true (yusuan_document_undo (department));
  g_assert_cmpuint (yusuan_document_get_n_units (department), ==, 1);
  g_assert_cmpint (expenditure (department), ==, before);
  g_assert_null (yusuan_document_find_project (department, "411200239999999902006"));
}

/* A unit of the department sends its own, corrected figures: they replace
 * the unit's, the other units keep theirs. */
static void
test_consolidate_replaces_unit (void)
{
  g_autoptr(YusuanDocument) department = yusuan_test_load_fixture ();
  g_autoptr(YusuanDocument) other = load_other_unit ("\"103002\"", "督查室", TRUE);
  g_autoptr(YusuanDocument) corrected = yusuan_test_load_fixture ();
  g_autoptr(GError) error = NULL;
  YusuanAmount seed = expenditure (department);
  const YusuanLine *line;

  g_assert_true (yusuan_workflow_consolidate (department, other, NULL, &error));
  line = yusuan_document_get_basic_line (corrected, 0);
  yusuan_document_set_line_amount (corrected, line->id, line->amount + 100);
  yusuan_document_set_unit (corrected, yusuan_document_get_unit (corrected, 0)->id, "103001", "办公室",
                            YUSUAN_UNIT_KIND_ADMINISTRATIVE);

  g_assert_true (yusuan_workflow_consolidate (department, corrected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yusuan_document_get_n_units (department), ==, 2);
  g_assert_cmpstr (yusuan_document_find_unit (department, "103001")->name, ==, "办公室");
  g_assert_cmpint (expenditure (department), ==, 2 * seed + 100);
}

static void
test_consolidate_refused (void)
{
  g_autoptr(YusuanDocument) department = yusuan_test_load_fixture ();
  g_autoptr(YusuanDocument) clash = load_other_unit ("\"103002\"", "督查室", FALSE);
  g_autoptr(YusuanDocument) next_year = load_other_unit ("\"103002\"", "督查室", TRUE);
  g_autoptr(YusuanDocument) other_department = load_other_unit ("\"103002\"", "督查室", TRUE);
  g_autoptr(YusuanDocument) empty = yusuan_document_new ();
  g_autoptr(YusuanDocument) unlisted = load_other_unit ("\"103002\"", "督查室", TRUE);
  YusuanAmount before = expenditure (department);
  struct
  {
    YusuanDocument *submission;
    int             code;
    const char     *says;
  } cases[] = {
    { clash, YUSUAN_WORKFLOW_ERROR_CONFLICT, "is already the unit 103001’s project" },
    { next_year, YUSUAN_WORKFLOW_ERROR_YEAR, "2024" },
    { other_department, YUSUAN_WORKFLOW_ERROR_DEPARTMENT, "104" },
    { empty, YUSUAN_WORKFLOW_ERROR_EMPTY, "no unit" },
    { unlisted, YUSUAN_WORKFLOW_ERROR_UNKNOWN_UNIT, "103009" },
  };

  yusuan_document_set_header (next_year, 2024, YUSUAN_STAGE_FIRST_PROPOSAL, "103", NULL, NULL);
  yusuan_document_set_header (other_department, 2023, YUSUAN_STAGE_FIRST_PROPOSAL, "104", NULL, NULL);
  yusuan_document_set_header (empty, 2023, YUSUAN_STAGE_FIRST_PROPOSAL, "103", NULL, NULL);
  yusuan_document_add_revenue (unlisted, "103009", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, 100);

  yusuan_document_mark_saved (department);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (yusuan_workflow_consolidate (department, cases[i].submission, NULL, &error));
      g_assert_error (error, YUSUAN_WORKFLOW_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_false (yusuan_document_get_modified (department));
      g_assert_cmpuint (yusuan_document_get_n_units (department), ==, 1);
      g_assert_cmpint (expenditure (department), ==, before);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/workflow/next-year", test_next_year);
  g_test_add_func ("/core/workflow/next-year/after-2100", test_next_year_last_year);
  g_test_add_func ("/core/workflow/consolidate", test_consolidate);
  g_test_add_func ("/core/workflow/consolidate/replaces-unit", test_consolidate_replaces_unit);
  g_test_add_func ("/core/workflow/consolidate/refused", test_consolidate_refused);

  return g_test_run ();
}
