/* test-xml.c - the submission contract: golden round trip, every fact kept, bad inputs refused, nothing half-written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yusuan-core.h"
#include "yusuan-test-util.h"
#include "yusuan-xml.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", name, NULL);
}

static char *
bad_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", "bad", name, NULL);
}

static const char *
fixture_path (void)
{
  const char *path = g_getenv ("YUSUAN_FIXTURE");

  g_assert_nonnull (path);
  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  gsize n_actual, n_expected;
  const char *a = g_bytes_get_data (actual, &n_actual);
  const char *e = g_bytes_get_data (expected, &n_expected);

  if (n_actual != n_expected || memcmp (a, e, n_actual) != 0)
    {
      gsize i = 0, line = 1;

      while (i < n_actual && i < n_expected && a[i] == e[i])
        line += a[i++] == '\n';
      g_test_message ("first difference at byte %" G_GSIZE_FORMAT ", line %" G_GSIZE_FORMAT
                      " (%" G_GSIZE_FORMAT " vs %" G_GSIZE_FORMAT " bytes)", i, line, n_actual, n_expected);
      g_assert_not_reached ();
    }
}

/* Export does not validate what it writes: here the schema judges it. */
static GBytes *
export_or_die (YusuanDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = yusuan_xml_export (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  /* A NUL follows the bytes, uncounted: the tests read them as a string. */
  g_assert_cmpint (((const char *) g_bytes_get_data (bytes, NULL))[g_bytes_get_size (bytes)], ==, '\0');
  g_assert_true (yusuan_xml_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "exported.xml", &error));
  g_assert_no_error (error);
  return bytes;
}

static YusuanDocument *
import_bytes_or_die (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  YusuanDocument *document = yusuan_xml_import_data (data, length, "round-trip.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* ------------------------------------------------------------------------ */
/* Every fact of two documents, compared through the public API             */

static void
assert_str_equal0 (const char *a,
                   const char *b)
{
  g_assert_cmpstr (a ? a : "", ==, b ? b : "");
  g_assert_true ((a == NULL) == (b == NULL) || (a && !*a) || (b && !*b));
}

static void
assert_indicators_equal (YusuanDocument *a,
                         guint           project_a,
                         YusuanDocument *b,
                         guint           project_b)
{
  guint n = yusuan_document_get_n_indicators (a, project_a);

  g_assert_cmpuint (n, ==, yusuan_document_get_n_indicators (b, project_b));
  for (guint i = 0; i < n; i++)
    {
      const YusuanIndicator *x = yusuan_document_get_indicator (a, project_a, i);
      const YusuanIndicator *y = yusuan_document_get_indicator (b, project_b, i);

      g_assert_cmpint (x->level1, ==, y->level1);
      g_assert_cmpint (x->op, ==, y->op);
      assert_str_equal0 (x->level2, y->level2);
      g_assert_cmpstr (x->name, ==, y->name);
      assert_str_equal0 (x->value, y->value);
      assert_str_equal0 (x->unit, y->unit);
      assert_str_equal0 (x->text, y->text);
      assert_str_equal0 (x->explanation, y->explanation);
    }
}

static void
assert_lines_equal (const YusuanLine *x,
                    const YusuanLine *y,
                    gboolean          basic)
{
  if (basic)
    {
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpint (x->category, ==, y->category);
    }
  g_assert_cmpstr (x->function, ==, y->function);
  g_assert_cmpstr (x->econ_dept, ==, y->econ_dept);
  g_assert_cmpstr (x->econ_gov, ==, y->econ_gov);
  g_assert_cmpint (x->fund, ==, y->fund);
  g_assert_cmpint (x->amount, ==, y->amount);
}

static void
assert_documents_equal (YusuanDocument *a,
                        YusuanDocument *b)
{
  guint n;

  g_assert_cmpint (yusuan_document_get_fiscal_year (a), ==, yusuan_document_get_fiscal_year (b));
  g_assert_cmpint (yusuan_document_get_stage (a), ==, yusuan_document_get_stage (b));
  g_assert_cmpstr (yusuan_document_get_department_code (a), ==, yusuan_document_get_department_code (b));
  g_assert_cmpstr (yusuan_document_get_department_name (a), ==, yusuan_document_get_department_name (b));
  assert_str_equal0 (yusuan_document_get_region (a), yusuan_document_get_region (b));

  n = yusuan_document_get_n_units (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_units (b));
  for (guint i = 0; i < n; i++)
    {
      const YusuanUnit *x = yusuan_document_get_unit (a, i), *y = yusuan_document_get_unit (b, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->kind, ==, y->kind);
    }

  n = yusuan_document_get_n_revenues (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_revenues (b));
  for (guint i = 0; i < n; i++)
    {
      const YusuanRevenue *x = yusuan_document_get_revenue (a, i), *y = yusuan_document_get_revenue (b, i);

      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpint (x->source, ==, y->source);
      g_assert_cmpint (x->amount, ==, y->amount);
    }

  n = yusuan_document_get_n_basic_lines (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_basic_lines (b));
  for (guint i = 0; i < n; i++)
    assert_lines_equal (yusuan_document_get_basic_line (a, i), yusuan_document_get_basic_line (b, i), TRUE);

  n = yusuan_document_get_n_projects (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_projects (b));
  for (guint i = 0; i < n; i++)
    {
      const YusuanProject *x = yusuan_document_get_project (a, i), *y = yusuan_document_get_project (b, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpint (x->kind, ==, y->kind);
      assert_str_equal0 (x->description, y->description);
      g_assert_cmpuint (x->lines->len, ==, y->lines->len);
      for (guint l = 0; l < x->lines->len; l++)
        {
          const YusuanLine *lx = g_ptr_array_index (x->lines, l), *ly = g_ptr_array_index (y->lines, l);

          assert_lines_equal (lx, ly, FALSE);
          /* A project line takes its project's unit. */
          g_assert_cmpstr (ly->unit, ==, y->unit);
        }
      assert_indicators_equal (a, x->id, b, y->id);
    }

  g_assert_cmpint (yusuan_document_has_three_public (a), ==, yusuan_document_has_three_public (b));
  for (int t = 0; t < YUSUAN_N_THREE_PUBLIC && yusuan_document_has_three_public (a); t++)
    g_assert_cmpint (yusuan_document_get_three_public (a, t), ==, yusuan_document_get_three_public (b, t));

  n = yusuan_document_get_n_procurement (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_procurement (b));
  for (guint i = 0; i < n; i++)
    {
      const YusuanProcurementItem *x = yusuan_document_get_procurement (a, i);
      const YusuanProcurementItem *y = yusuan_document_get_procurement (b, i);

      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->amount, ==, y->amount);
      g_assert_cmpstr (x->project, ==, y->project);
      g_assert_cmpstr (x->name, ==, y->name);
    }

  {
    guint64 va[3] = { 0 }, vb[3] = { 0 };
    gboolean ha = yusuan_document_get_assets (a, &va[0], &va[1], &va[2]);
    gboolean hb = yusuan_document_get_assets (b, &vb[0], &vb[1], &vb[2]);

    g_assert_cmpint (ha, ==, hb);
    for (int i = 0; i < 3 && ha; i++)
      g_assert_cmpuint (va[i], ==, vb[i]);
  }

  g_assert_cmpint (yusuan_document_has_performance (a), ==, yusuan_document_has_performance (b));
  n = yusuan_document_get_n_duties (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_duties (b));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (yusuan_document_get_duty (a, i), ==, yusuan_document_get_duty (b, i));
  n = yusuan_document_get_n_tasks (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_tasks (b));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (yusuan_document_get_task (a, i)->name, ==, yusuan_document_get_task (b, i)->name);
      assert_str_equal0 (yusuan_document_get_task (a, i)->text, yusuan_document_get_task (b, i)->text);
    }
  assert_indicators_equal (a, 0, b, 0);

  n = yusuan_document_get_n_explanations (a);
  g_assert_cmpuint (n, ==, yusuan_document_get_n_explanations (b));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (yusuan_document_get_explanation (a, i)->topic, ==, yusuan_document_get_explanation (b, i)->topic);
      g_assert_cmpstr (yusuan_document_get_explanation (a, i)->text, ==, yusuan_document_get_explanation (b, i)->text);
    }

  g_assert_cmpint (yusuan_document_has_prior_year (a), ==, yusuan_document_has_prior_year (b));
  if (yusuan_document_has_prior_year (a))
    {
      g_assert_cmpint (yusuan_document_get_prior_fiscal_year (a), ==, yusuan_document_get_prior_fiscal_year (b));
      for (int k = 0; k < YUSUAN_N_PRIOR_KEYS; k++)
        {
          YusuanAmount x = -1, y = -1;

          g_assert_cmpint (yusuan_document_get_prior_figure (a, k, &x), ==, yusuan_document_get_prior_figure (b, k, &y));
          g_assert_cmpint (x, ==, y);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* A hand-made document with every optional block                           */

static void
add_indicator (YusuanDocument *document,
               guint           project_id,
               YusuanLevel1    level1,
               const char     *level2,
               const char     *name,
               YusuanOperator  op,
               const char     *value,
               const char     *unit,
               const char     *text,
               const char     *explanation)
{
  YusuanIndicator indicator = {
    .level1 = level1,
    .level2 = (char *) level2,
    .name = (char *) name,
    .op = op,
    .value = (char *) value,
    .unit = (char *) unit,
    .text = (char *) text,
    .explanation = (char *) explanation,
  };

  g_assert_nonnull (yusuan_document_add_indicator (document, project_id, &indicator));
}

/* Names and texts a careless serializer would break. */
#define TRICKY_NAME "市“三公”经费 A&B <试点> \"引号\" 'apostrophe'\tTab"
#define TRICKY_TEXT "第一行\n第二行\r\n第三行\t]]> <&> \"q\" 'a'  trailing spaces  "

static YusuanDocument *
every_block_document (void)
{
  YusuanDocument *document = yusuan_document_new ();
  const YusuanProject *p1, *p2;
  const YusuanAmount three[YUSUAN_N_THREE_PUBLIC] = { 1250000, 0, 10000000, 1500000 };
  const YusuanProcurementItem items[] = {
    { YUSUAN_PROCUREMENT_GOODS, 24000000, (char *) "411200230000000002809", (char *) "办公设备" },
    { YUSUAN_PROCUREMENT_WORKS, 100, (char *) "PRJ2023X", NULL },
    { YUSUAN_PROCUREMENT_SERVICES, 99, NULL, (char *) TRICKY_NAME },
    { YUSUAN_PROCUREMENT_SERVICES, 0, NULL, NULL },
  };
  const char *const duties[] = { "负责全市预算编制。", "", TRICKY_TEXT };
  const YusuanTask tasks[] = {
    { (char *) "预算编制", (char *) "按时完成预算编制" },
    { (char *) TRICKY_NAME, (char *) "" },
  };
  const gboolean has[YUSUAN_N_PRIOR_KEYS] = { TRUE, TRUE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE };
  YusuanAmount prior[YUSUAN_N_PRIOR_KEYS] = { 0 };

  prior[YUSUAN_PRIOR_REVENUE_TOTAL] = 2691300000;
  prior[YUSUAN_PRIOR_EXPENDITURE_TOTAL] = 2691300000;
  prior[YUSUAN_PRIOR_GOVERNMENT_FUND] = 1;
  prior[YUSUAN_PRIOR_VEHICLE_OPERATION] = 0;
  prior[YUSUAN_PRIOR_PROCUREMENT] = 9999999999999999;

  yusuan_document_begin_load (document);
  yusuan_document_set_header (document, 2024, YUSUAN_STAGE_SECOND_PROPOSAL, "411200", TRICKY_NAME, "411200");
  yusuan_document_add_unit (document, "411200001", TRICKY_NAME, YUSUAN_UNIT_KIND_ADMINISTRATIVE);
  yusuan_document_add_unit (document, "411200002", "市机关事务管理局", YUSUAN_UNIT_KIND_CIVIL_SERVANT_MANAGED);
  yusuan_document_add_unit (document, "411200003", "市信息中心", YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION);
  yusuan_document_add_unit (document, "411200004", "市其他单位", YUSUAN_UNIT_KIND_OTHER);

  yusuan_document_add_revenue (document, "411200001", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, 5640600000);
  yusuan_document_add_revenue (document, "411200003", YUSUAN_FUND_INSTITUTION_INCOME, 1);
  yusuan_document_add_revenue (document, "411200003", YUSUAN_FUND_CARRYOVER_UNIT_FUNDS, 0);
  yusuan_document_add_revenue (document, "411200004", YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_AMOUNT_MAX);

  yusuan_test_add_line (document, 0, "411200001", "2010301", "30101", "50101", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
            YUSUAN_CATEGORY_PERSONNEL, 564055800);
  yusuan_test_add_line (document, 0, "411200001", "2010301", "30229", "50201", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
            YUSUAN_CATEGORY_PERSONNEL, 32646700);
  yusuan_test_add_line (document, 0, "411200003", "2010350", "30201", "50502", YUSUAN_FUND_INSTITUTION_INCOME,
            YUSUAN_CATEGORY_PUBLIC, 1);
  yusuan_test_add_line (document, 0, "411200004", "2296002", "30299", "50299", YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND,
            YUSUAN_CATEGORY_PUBLIC, 0);

  p1 = yusuan_document_add_project (document, "411200230000000002809", TRICKY_NAME, "411200001",
                                    YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, TRICKY_TEXT);
  yusuan_test_add_line (document, p1->id, "411200001", "2010301", "31002", "50306", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
            YUSUAN_CATEGORY_PUBLIC, 24000000);
  yusuan_test_add_line (document, p1->id, "411200001", "2010301", "30213", "50209", YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET,
            YUSUAN_CATEGORY_PUBLIC, 7000001);
  add_indicator (document, p1->id, YUSUAN_LEVEL1_COST, "经济成本指标", "办公设备购置成本", YUSUAN_OPERATOR_LE,
                 "24.6", "万元", NULL, "不超过预算");
  add_indicator (document, p1->id, YUSUAN_LEVEL1_OUTPUT, NULL, "设备数量", YUSUAN_OPERATOR_GE, "95", "套", NULL, NULL);
  add_indicator (document, p1->id, YUSUAN_LEVEL1_OUTPUT, NULL, "维修时间", YUSUAN_OPERATOR_EQ, "0.5", "年", NULL, NULL);
  add_indicator (document, p1->id, YUSUAN_LEVEL1_OUTPUT, NULL, "故障率", YUSUAN_OPERATOR_LT, "0.0001", "%", NULL, NULL);
  add_indicator (document, p1->id, YUSUAN_LEVEL1_EFFECT, "社会效益", TRICKY_NAME, YUSUAN_OPERATOR_QUALITATIVE,
                 NULL, NULL, "保障", TRICKY_TEXT);
  add_indicator (document, p1->id, YUSUAN_LEVEL1_SATISFACTION, NULL, "满意度", YUSUAN_OPERATOR_GT,
                 "99999999999999.9999", "%", NULL, NULL);

  p2 = yusuan_document_add_project (document, "PRJ2023X", "2023其他运转项目", "411200003",
                                    YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);
  yusuan_test_add_line (document, p2->id, "411200003", "2010350", "30226", "50502", YUSUAN_FUND_OTHER_INCOME,
            YUSUAN_CATEGORY_PUBLIC, 100);

  yusuan_document_set_three_public (document, three);
  yusuan_document_set_procurement (document, items, G_N_ELEMENTS (items));
  yusuan_document_set_assets (document, TRUE, 5, 0, 1000000000);
  yusuan_document_set_performance (document, TRUE, duties, G_N_ELEMENTS (duties), tasks, G_N_ELEMENTS (tasks));
  add_indicator (document, 0, YUSUAN_LEVEL1_INPUT_MANAGEMENT, "预算和财务管理", "预算执行率", YUSUAN_OPERATOR_GE,
                 "90", "%", NULL, "预算执行率=（预算完成数/预算数）×100%，<90% 需说明");
  add_indicator (document, 0, YUSUAN_LEVEL1_OUTPUT, NULL, "重点工作任务完成率", YUSUAN_OPERATOR_GE, "95", "%", NULL, NULL);
  add_indicator (document, 0, YUSUAN_LEVEL1_EFFECT, "履职效益", "政府工作运转效率", YUSUAN_OPERATOR_QUALITATIVE,
                 NULL, NULL, "稳步提高", NULL);
  add_indicator (document, 0, YUSUAN_LEVEL1_SATISFACTION, "满意度", "社会满意度", YUSUAN_OPERATOR_GE, "95", "%", NULL, "");
  yusuan_document_set_explanation (document, "revenue-change", "人员经费按照新标准执行有所增加。");
  yusuan_document_set_explanation (document, TRICKY_NAME, TRICKY_TEXT);
  yusuan_document_set_explanation (document, "empty-topic", "");
  yusuan_document_set_prior_year (document, TRUE, 2023, has, prior);
  yusuan_document_end_load (document);

  return document;
}

/* ------------------------------------------------------------------------ */
/* Round trips                                                              */

static void
test_golden_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *golden_path = data_path ("sanmenxia-2023.golden.xml");
  g_autoptr(GBytes) golden = read_bytes (golden_path);

  document = yusuan_xml_import_file (fixture_path (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* What the seed department publishes, as loaded. */
  g_assert_cmpint (yusuan_document_get_fiscal_year (document), ==, 2023);
  g_assert_cmpint (yusuan_document_get_stage (document), ==, YUSUAN_STAGE_APPROVED);
  g_assert_cmpstr (yusuan_document_get_department_name (document), ==, "市人民政府办公室");
  g_assert_cmpuint (yusuan_document_get_n_units (document), ==, 1);
  g_assert_cmpuint (yusuan_document_get_n_basic_lines (document), ==, 28);
  g_assert_cmpuint (yusuan_document_get_n_projects (document), ==, 9);
  g_assert_cmpint (yusuan_document_get_revenue (document, 0)->amount, ==, 3337837200);
  {
    const YusuanProject *project = yusuan_document_find_project (document, "411200230000000002808");
    const YusuanIndicator *indicator;

    g_assert_nonnull (project);
    g_assert_cmpint (yusuan_project_get_total (project), ==, 7000000);
    indicator = yusuan_document_get_indicator (document, project->id, 1);
    g_assert_cmpstr (indicator->name, ==, "维护维修面积");
    g_assert_cmpstr (indicator->value, ==, "44318.04");
    g_assert_cmpstr (indicator->unit, ==, "平方米");
  }
  g_assert_cmpuint (yusuan_document_get_n_indicators (document, 0), ==, 24);
  g_assert_cmpuint (yusuan_document_get_n_duties (document), ==, 13);
  g_assert_cmpint (yusuan_document_get_three_public (document, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION), ==, 10000000);

  exported = export_or_die (document);
  assert_bytes_equal (exported, golden);
}

static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_xml_import_file (fixture_path (), &error);
  g_autoptr(YusuanDocument) copy = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;

  g_assert_no_error (error);
  first = export_or_die (document);
  second = export_or_die (document);
  assert_bytes_equal (second, first);

  /* The same facts in another document object give the same bytes. */
  copy = import_bytes_or_die (first);
  third = export_or_die (copy);
  assert_bytes_equal (third, first);
}

static void
test_every_fact_survives (void)
{
  g_autoptr(YusuanDocument) original = every_block_document ();
  g_autoptr(YusuanDocument) reread = NULL;
  g_autoptr(GBytes) first = export_or_die (original);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = g_bytes_get_data (first, NULL);

  /* The optional blocks are all written, values in shortest form. */
  g_assert_nonnull (strstr (text, "<description>"));
  g_assert_nonnull (strstr (text, "<three-public-expenses outbound-travel=\"12500.00\" vehicle-purchase=\"0.00\" "
                                  "vehicle-operation=\"100000.00\" official-reception=\"15000.00\"/>"));
  g_assert_nonnull (strstr (text, "<item category=\"works\" amount=\"1.00\" project=\"PRJ2023X\"/>"));
  g_assert_nonnull (strstr (text, "<assets vehicles=\"5\" general-equipment=\"0\" special-equipment=\"1000000000\"/>"));
  g_assert_nonnull (strstr (text, "value=\"24.6\""));
  g_assert_nonnull (strstr (text, "value=\"0.5\""));
  g_assert_nonnull (strstr (text, "value=\"0.0001\""));
  g_assert_nonnull (strstr (text, "amount=\"999999999999999.99\""));
  g_assert_nonnull (strstr (text, "<prior-year fiscal-year=\"2023\">"));
  g_assert_nonnull (strstr (text, "<figure key=\"vehicle-operation\" amount=\"0.00\"/>"));
  g_assert_null (strstr (text, "key=\"general-public-budget\""));
  /* Escaped, never raw. */
  g_assert_nonnull (strstr (text, "A&amp;B &lt;试点&gt; &quot;引号&quot; 'apostrophe'&#9;Tab"));
  g_assert_nonnull (strstr (text, "第二行&#13;\n第三行\t]]&gt; &lt;&amp;&gt;"));

  g_assert_true (yusuan_xml_validate (text, g_bytes_get_size (first), "every-block.xml", &error));
  g_assert_no_error (error);

  reread = import_bytes_or_die (first);
  assert_documents_equal (original, reread);
  g_assert_cmpstr (yusuan_document_get_unit (reread, 0)->name, ==, TRICKY_NAME);
  g_assert_cmpstr (yusuan_document_find_explanation (reread, TRICKY_NAME), ==, TRICKY_TEXT);

  second = export_or_die (reread);
  assert_bytes_equal (second, first);
}

static void
test_every_stage (void)
{
  for (int stage = 0; stage < YUSUAN_N_STAGES; stage++)
    {
      g_autoptr(YusuanDocument) document = every_block_document ();
      g_autoptr(YusuanDocument) reread = NULL;
      g_autoptr(GBytes) bytes = NULL;

      yusuan_document_set_header (document, 2000 + stage * 25, stage, "103", "市人民政府办公室", NULL);
      bytes = export_or_die (document);
      reread = import_bytes_or_die (bytes);
      g_assert_cmpint (yusuan_document_get_stage (reread), ==, stage);
      g_assert_cmpint (yusuan_document_get_fiscal_year (reread), ==, 2000 + stage * 25);
      g_assert_null (yusuan_document_get_region (reread));
      assert_documents_equal (document, reread);
    }
}

/* Without the optional blocks, nothing of them is written. */
static void
test_optional_blocks_omitted (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("minimal.xml");
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(YusuanDocument) document = yusuan_xml_import_file (path, &error);
  g_autoptr(GBytes) exported = NULL;

  g_assert_no_error (error);
  g_assert_false (yusuan_document_has_three_public (document));
  g_assert_false (yusuan_document_has_performance (document));
  g_assert_false (yusuan_document_has_prior_year (document));
  g_assert_false (yusuan_document_get_assets (document, NULL, NULL, NULL));
  exported = export_or_die (document);
  assert_bytes_equal (exported, original);
}

/* What the schema allows beyond our own spelling is read as the schema
 * means it: tokens and numbers with surrounding blanks, signs, leading zeros. */
static void
test_lenient_lexical_forms (void)
{
  static const char xml[] =
    "<?xml version='1.0'?>\n"
    "<!-- a comment -->\n"
    "<?some-processing-instruction?>\n"
    "<b:budget xmlns:b='urn:yusuan:budget:1' schema-version=' 1 ' fiscal-year='+02023' stage=' approved\n'>\n"
    "<b:department code='103' name='市政府办公室'/>\n"
    "<b:units><b:unit code='103001' name='单位' kind='\tadministrative '/></b:units>\n"
    "<b:revenues/><b:basic-expenditures/>\n"
    "<b:projects><b:project code='ABC123' name='项目' unit='103001' kind='specific-purpose'>\n"
    "<b:description><![CDATA[a <raw> & text]]></b:description>\n"
    "<b:line function='2010301' econ-dept='30201' econ-gov='50201' fund=' general-public-budget' amount='0.00'/>\n"
    "<b:indicator level1='output' name='n' op='eq' value=' 001.50000 '/>\n"
    "<b:indicator level1='output' name='m' op='eq' value='-0.5'/>\n"
    "</b:project></b:projects>\n"
    "<b:assets vehicles='+0005' general-equipment='0' special-equipment='-0'/>\n"
    "</b:budget>";
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_xml_import_data (xml, sizeof xml - 1, "lenient.xml", &error);
  const YusuanProject *project;
  guint64 vehicles = 0;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (yusuan_document_get_fiscal_year (document), ==, 2023);
  g_assert_cmpint (yusuan_document_get_stage (document), ==, YUSUAN_STAGE_APPROVED);
  g_assert_cmpint (yusuan_document_get_unit (document, 0)->kind, ==, YUSUAN_UNIT_KIND_ADMINISTRATIVE);
  project = yusuan_document_get_project (document, 0);
  g_assert_cmpstr (project->description, ==, "a <raw> & text");
  g_assert_cmpstr (yusuan_document_get_indicator (document, project->id, 0)->value, ==, "1.5");
  g_assert_cmpstr (yusuan_document_get_indicator (document, project->id, 1)->value, ==, "-0.5");
  g_assert_true (yusuan_document_get_assets (document, &vehicles, NULL, NULL));
  g_assert_cmpuint (vehicles, ==, 5);
}

/* An ampersand counts as one character, for us and for the validator. */
static void
test_ampersand_at_name_limit (void)
{
  g_autofree char *path = data_path ("minimal.xml");
  g_autoptr(GBytes) minimal = read_bytes (path);
  g_autoptr(GString) xml = g_string_new_len (g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal));
  g_autoptr(GString) name = g_string_new ("name=\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  const char *read_name;

  for (int i = 0; i < 199; i++)
    g_string_append (name, "甲");
  g_string_append (name, "&amp;\"");
  g_string_replace (xml, "name=\"市人民政府办公室\"", name->str, 1);

  document = yusuan_xml_import_data (xml->str, xml->len, "ampersand.xml", &error);
  g_assert_no_error (error);
  read_name = yusuan_document_get_department_name (document);
  g_assert_cmpint (g_utf8_strlen (read_name, -1), ==, 200);
  g_assert_true (g_str_has_suffix (read_name, "甲&"));
}

/* ------------------------------------------------------------------------ */
/* Bad inputs                                                               */

typedef struct
{
  const char     *file;
  YusuanXmlError  code;
  int             line;     /* 0: the message names no line */
  const char     *fragment; /* a part of the message the user reads */
} BadInput;

static const BadInput bad_inputs[] = {
  { "not-well-formed.xml", YUSUAN_XML_ERROR_MALFORMED, 6, "not well-formed" },
  { "truncated.xml", YUSUAN_XML_ERROR_MALFORMED, 15, "truncated" },
  { "extra-content.xml", YUSUAN_XML_ERROR_MALFORMED, 20, "after the end" },
  { "undefined-entity.xml", YUSUAN_XML_ERROR_MALFORMED, 5, "nbsp" },
  { "undefined-prefix.xml", YUSUAN_XML_ERROR_MALFORMED, 5, "prefix b" },
  { "control-character.xml", YUSUAN_XML_ERROR_MALFORMED, 5, "control character" },
  { "empty.xml", YUSUAN_XML_ERROR_MALFORMED, 0, "is empty" },
  { "only-whitespace.xml", YUSUAN_XML_ERROR_MALFORMED, 4, "not an XML file" },
  { "garbage.bin", YUSUAN_XML_ERROR_MALFORMED, 1, "not an XML file" },
  { "utf16.xml", YUSUAN_XML_ERROR_MALFORMED, 0, "UTF-16" },
  { "latin1.xml", YUSUAN_XML_ERROR_MALFORMED, 2, "ISO-8859-1" },
  { "bad-utf8.xml", YUSUAN_XML_ERROR_MALFORMED, 5, "not UTF-8" },
  /* libxml2 quotes the unterminated comment cut at 50 bytes, inside a character. */
  { "comment-cut-in-character.xml", YUSUAN_XML_ERROR_MALFORMED, 5, "truncated (Comment not terminated <!--三公经费说明" },
  { "doctype.xml", YUSUAN_XML_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "billion-laughs.xml", YUSUAN_XML_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "external-entity.xml", YUSUAN_XML_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "parameter-entity.xml", YUSUAN_XML_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "xinclude.xml", YUSUAN_XML_ERROR_FORBIDDEN, 4, "XInclude" },
  { "wrong-root.xml", YUSUAN_XML_ERROR_INVALID, 2, "<budgets>" },
  { "wrong-namespace.xml", YUSUAN_XML_ERROR_INVALID, 2, "urn:yusuan:budget:2" },
  { "no-namespace.xml", YUSUAN_XML_ERROR_INVALID, 2, "no namespace" },
  { "schema-version-2.xml", YUSUAN_XML_ERROR_INVALID, 2, "version 1" },
  { "year-out-of-range.xml", YUSUAN_XML_ERROR_INVALID, 2, "“1999” is not a year" },
  { "unknown-stage.xml", YUSUAN_XML_ERROR_INVALID, 2, "stage “final” is not one of" },
  { "amount-three-decimals.xml", YUSUAN_XML_ERROR_INVALID, 8, "amount “12.345” is not yuan with two decimals" },
  { "amount-negative.xml", YUSUAN_XML_ERROR_INVALID, 11, "negative" },
  { "amount-separator.xml", YUSUAN_XML_ERROR_INVALID, 8, "thousands separator" },
  { "amount-overflow.xml", YUSUAN_XML_ERROR_CONTENT, 103, "add up to more" },
  { "letters-in-code.xml", YUSUAN_XML_ERROR_INVALID, 15, "function “20103A1” is not 7 digits" },
  { "missing-attribute.xml", YUSUAN_XML_ERROR_INVALID, 5, "“kind”" },
  { "duplicate-unit.xml", YUSUAN_XML_ERROR_INVALID, 6, "first on line 5" },
  { "duplicate-project.xml", YUSUAN_XML_ERROR_INVALID, 18, "first on line 14" },
  { "duplicate-topic.xml", YUSUAN_XML_ERROR_INVALID, 21, "first on line 20" },
  { "duplicate-prior-key.xml", YUSUAN_XML_ERROR_INVALID, 21, "first on line 20" },
  { "unknown-fund.xml", YUSUAN_XML_ERROR_INVALID, 11, "fund “lottery” is not one of" },
  { "long-name.xml", YUSUAN_XML_ERROR_INVALID, 5, "longer than 200 characters" },
  { "name-leading-space.xml", YUSUAN_XML_ERROR_INVALID, 14, "begins or ends with a space" },
  { "text-too-long.xml", YUSUAN_XML_ERROR_INVALID, 20, "longer than 4000 characters" },
  { "unknown-element.xml", YUSUAN_XML_ERROR_INVALID, 7, "comment" },
  { "wrong-order.xml", YUSUAN_XML_ERROR_INVALID, 4, "revenues" },
  { "project-without-line.xml", YUSUAN_XML_ERROR_INVALID, 15, "no expenditure <line>" },
  { "project-input-management.xml", YUSUAN_XML_ERROR_INVALID, 16, "input-management" },
  { "department-cost-indicator.xml", YUSUAN_XML_ERROR_INVALID, 20, "“cost”" },
  { "value-five-decimals.xml", YUSUAN_XML_ERROR_INVALID, 16, "“1.23456”" },
  { "value-not-a-number.xml", YUSUAN_XML_ERROR_INVALID, 16, "“五十”" },
};

static void
assert_refused (const GError *error,
                const char   *display_name,
                const BadInput *bad)
{
  g_assert_nonnull (error);
  g_test_message ("%s: %s", bad->file, error->message);
  g_assert_error (error, YUSUAN_XML_ERROR, (int) bad->code);
  g_assert_true (g_str_has_prefix (error->message, display_name));
  if (bad->line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s line %d: ", display_name, bad->line);

      g_assert_true (g_str_has_prefix (error->message, where));
    }
  g_assert_nonnull (strstr (error->message, bad->fragment));
  /* Shown in a dialog and a terminal: always text. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* One problem, one message: the validator's echo of ours is dropped. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *path = bad_path (bad->file);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  YusuanDocument *document;

  document = yusuan_xml_import_file (path, &error);
  g_assert_null (document);
  assert_refused (error, bad->file, bad);
  g_clear_error (&error);

  document = yusuan_xml_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "upload.xml", &error);
  g_assert_null (document);
  assert_refused (error, "upload.xml", bad);
  g_clear_error (&error);

  g_assert_false (yusuan_xml_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), bad->file, &error));
  assert_refused (error, bad->file, bad);
}

static void
test_entity_not_expanded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bad_path ("external-entity.xml");
  YusuanDocument *document = yusuan_xml_import_file (path, &error);

  g_assert_null (document);
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_FORBIDDEN);
  /* Nothing of /etc/passwd leaks into the message. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("yusuan-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "absent.xml", NULL);

  g_assert_null (yusuan_xml_import_file (path, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "absent.xml"));
  g_clear_error (&error);

  g_assert_null (yusuan_xml_import_file (dir, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO);
  g_rmdir (dir);
}

typedef struct
{
  guint    calls;
  guint    n_units;
  gboolean fail;
} Ready;

static gboolean
ready_cb (YusuanDocument  *document,
          gpointer         user_data,
          GError         **error)
{
  Ready *ready = user_data;

  ready->calls++;
  ready->n_units = yusuan_document_get_n_units (document);
  if (ready->fail)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "the disk is full");
      return FALSE;
    }
  return TRUE;
}

/* A caller that saves what it imports gets the document as soon as Yusuan's
 * own checks accept it; the import still fails, with the reason, when the
 * schema validator or the caller refuses. */
static void
test_import_ready (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autofree char *dir = g_dir_make_tmp ("yusuan-xml-XXXXXX", NULL);
  g_autofree char *unknown = g_build_filename (dir, "unknown-attribute.xml", NULL);
  g_autofree char *fixture = NULL;
  g_autofree char *broken = bad_path ("amount-three-decimals.xml");
  Ready ready = { 0 };

  document = yusuan_xml_import_file_full (fixture_path (), ready_cb, &ready, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (ready.calls, ==, 1);
  g_assert_cmpuint (ready.n_units, ==, yusuan_document_get_n_units (document));
  g_clear_object (&document);

  /* The caller's failure is the import's, in the caller's words. */
  ready = (Ready) { .fail = TRUE };
  g_assert_null (yusuan_xml_import_file_full (fixture_path (), ready_cb, &ready, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpuint (ready.calls, ==, 1);
  g_clear_error (&error);

  /* Only the schema refuses an attribute it does not know: the document was
   * handed over, and the import still fails, saying why. */
  g_assert_true (g_file_get_contents (fixture_path (), &fixture, NULL, NULL));
  {
    g_autoptr(GString) text = g_string_new (fixture);

    g_assert_cmpuint (g_string_replace (text, "<assets ", "<assets colour=\"red\" ", 1), ==, 1);
    g_assert_true (g_file_set_contents (unknown, text->str, (gssize) text->len, NULL));
  }
  ready = (Ready) { 0 };
  g_assert_null (yusuan_xml_import_file_full (unknown, ready_cb, &ready, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "colour"));
  g_assert_cmpuint (ready.calls, ==, 1);
  g_clear_error (&error);

  /* What Yusuan's own checks refuse never reaches the caller. */
  ready = (Ready) { 0 };
  g_assert_null (yusuan_xml_import_file_full (broken, ready_cb, &ready, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (ready.calls, ==, 0);

  g_unlink (unknown);
  g_rmdir (dir);
}

/* A file above the limit is refused before it is read (a sparse file here). */
static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("yusuan-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 513 * 1024 * 1024), ==, 0);
  close (fd);

  g_assert_null (yusuan_xml_import_file (path, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "512 MiB"));
  g_unlink (path);
  g_rmdir (dir);
}

/* The minimal document with the department's name made @size bytes long. */
static GString *
with_huge_name (gsize size)
{
  g_autofree char *path = data_path ("minimal.xml");
  g_autoptr(GBytes) minimal = read_bytes (path);
  GString *xml = g_string_new_len (g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal));
  g_autoptr(GString) name = g_string_sized_new (size + 16);

  g_string_append (name, "name=\"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (name, 'A' + (char) (i % 26));
  g_string_append_c (name, '"');
  g_assert_cmpuint (g_string_replace (xml, "name=\"市人民政府办公室\"", name->str, 1), ==, 1);
  return xml;
}

static void
test_huge_attribute (void)
{
  g_autoptr(GError) error = NULL;
  GString *xml;

  /* Past libxml2's own ceiling for one value (10 MB). */
  xml = with_huge_name (12 * 1024 * 1024);
  g_assert_null (yusuan_xml_import_data (xml->str, xml->len, "huge.xml", &error));
  g_assert_nonnull (error);
  g_assert_true (error->code == YUSUAN_XML_ERROR_MALFORMED || error->code == YUSUAN_XML_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "huge.xml line "));
  g_string_free (xml, TRUE);
  g_clear_error (&error);

  /* Within it: our own check names the problem. */
  xml = with_huge_name (3 * 1024 * 1024);
  g_assert_null (yusuan_xml_import_data (xml->str, xml->len, "long.xml", &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "longer than 200 characters"));
  g_assert_cmpuint (strlen (error->message), <, 1000);
  g_string_free (xml, TRUE);
}

/* A file with a hundred problems shows the first twenty and says so. */
static void
test_many_problems (void)
{
  g_autofree char *path = data_path ("minimal.xml");
  g_autoptr(GBytes) minimal = read_bytes (path);
  g_autoptr(GString) xml = g_string_new_len (g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal));
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  g_string_append (lines, "category=\"personnel\" amount=\"600000.00\"/>\n");
  for (int i = 0; i < 1000; i++)
    g_string_append_printf (lines, "    <line unit=\"103001\" function=\"2010301\" econ-dept=\"30101\" econ-gov=\"50101\" "
                                   "fund=\"general-public-budget\" category=\"personnel\" amount=\"%d.123\"/>\n", i);
  g_assert_cmpuint (g_string_replace (xml, "category=\"personnel\" amount=\"600000.00\"/>\n", lines->str, 1), ==, 1);

  g_assert_null (yusuan_xml_import_data (xml->str, xml->len, "many.xml", &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
  parts = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 21);
  g_assert_true (g_str_has_prefix (parts[0], "many.xml line 12: amount “0.123”"));
  g_assert_true (g_str_has_prefix (parts[19], "many.xml line 31: "));
  g_assert_nonnull (strstr (parts[20], "first problems"));
}

/* ------------------------------------------------------------------------ */
/* Export refusals: the fact is named and nothing is written                */

static char *
list_directory (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

typedef void (*Spoil) (YusuanDocument *document);

static void
spoil_project_name (YusuanDocument *document)
{
  const YusuanProject *project = yusuan_document_get_project (document, 0);

  yusuan_document_set_project (document, project->id, project->code, "", project->unit, project->kind,
                               project->description);
}

static void
spoil_project_lines (YusuanDocument *document)
{
  const YusuanProject *project = yusuan_document_get_project (document, 1);

  while (project->lines->len > 0)
    yusuan_document_remove_line (document, ((const YusuanLine *) g_ptr_array_index (project->lines, 0))->id);
}

static void
spoil_negative_amount (YusuanDocument *document)
{
  yusuan_document_set_line_amount (document, yusuan_document_get_basic_line (document, 2)->id, -100);
}

static void
spoil_control_character (YusuanDocument *document)
{
  const YusuanUnit *unit = yusuan_document_get_unit (document, 1);

  yusuan_document_set_unit (document, unit->id, unit->code, "市机关\001事务管理局", unit->kind);
}

static void
spoil_unit_code (YusuanDocument *document)
{
  const YusuanUnit *unit = yusuan_document_get_unit (document, 3);

  yusuan_document_set_unit (document, unit->id, "4112", unit->name, unit->kind);
}

static void
spoil_long_text (YusuanDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 4001; i++)
    g_string_append (text, "说");
  yusuan_document_set_explanation (document, "revenue-change", text->str);
  g_string_free (text, TRUE);
}

typedef struct
{
  Spoil       spoil;
  const char *fragment;
} Refusal;

static const Refusal refusals[] = {
  { spoil_project_name, "project 411200230000000002809" },
  { spoil_project_lines, "project PRJ2023X" },
  { spoil_negative_amount, "basic expenditure line 3" },
  { spoil_control_character, "unit 2" },
  { spoil_unit_code, "“4112” is not 6 to 9 digits" },
  { spoil_long_text, "longer than 4000 characters" },
};

static void
test_export_refuses (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(YusuanDocument) document = every_block_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("yusuan-xml-XXXXXX", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.xml", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (existing, "previous submission\n", -1, NULL));
  before = list_directory (dir);

  refusal->spoil (document);

  g_assert_null (yusuan_xml_export (document, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, refusal->fragment));
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_clear_error (&error);

  g_assert_false (yusuan_xml_export_file (document, existing, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (yusuan_xml_export_file (document, fresh, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);

  /* The old file is whole, no new file and no temporary file appeared. */
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous submission\n");
  listing = list_directory (dir);
  g_assert_cmpstr (listing, ==, before);

  g_unlink (existing);
  g_rmdir (dir);
}

static void
test_export_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_xml_import_file (fixture_path (), &error);
  g_autofree char *dir = g_dir_make_tmp ("yusuan-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-directory", "out.xml", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *golden_path = data_path ("sanmenxia-2023.golden.xml");
  g_autoptr(GBytes) golden = read_bytes (golden_path);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "an older file", -1, NULL));

  g_assert_true (yusuan_xml_export_file (document, path, &error));
  g_assert_no_error (error);
  written = read_bytes (path);
  assert_bytes_equal (written, golden);
  listing = list_directory (dir);
  g_assert_cmpstr (listing, ==, "out.xml");

  g_assert_false (yusuan_xml_export_file (document, nowhere, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.xml"));

  g_unlink (path);
  g_rmdir (dir);
}

/* An export goes through a symbolic link to its file, and never renames
 * over a device, a pipe or a folder. */
static void
test_export_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_xml_import_file (fixture_path (), &error);
  g_autofree char *dir = g_dir_make_tmp ("yusuan-xml-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *sub = g_build_filename (dir, "folder.xml", NULL);
  g_autofree char *golden_path = data_path ("sanmenxia-2023.golden.xml");
  g_autoptr(GBytes) golden = read_bytes (golden_path);
  g_autoptr(GBytes) written = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.xml", link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  g_assert_true (yusuan_xml_export_file (document, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  written = read_bytes (real);
  assert_bytes_equal (written, golden);

  g_assert_false (yusuan_xml_export_file (document, fifo, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_false (yusuan_xml_export_file (document, sub, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO);
  g_assert_cmpint (g_lstat (sub, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));

  g_unlink (link);
  g_unlink (real);
  g_unlink (fifo);
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_export_empty_document (void)
{
  g_autoptr(YusuanDocument) document = yusuan_document_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (yusuan_xml_export (document, &error));
  g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fixture = read_bytes (fixture_path ());

  g_assert_true (yusuan_xml_validate (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture),
                                      "sanmenxia-2023.xml", &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  yusuan_core_init ();

  g_test_add_func ("/core/xml/golden-round-trip", test_golden_round_trip);
  g_test_add_func ("/core/xml/deterministic", test_deterministic);
  g_test_add_func ("/core/xml/every-fact-survives", test_every_fact_survives);
  g_test_add_func ("/core/xml/every-stage", test_every_stage);
  g_test_add_func ("/core/xml/optional-blocks-omitted", test_optional_blocks_omitted);
  g_test_add_func ("/core/xml/lenient-lexical-forms", test_lenient_lexical_forms);
  g_test_add_func ("/core/xml/validate", test_validate);
  g_test_add_func ("/core/xml/ampersand-at-name-limit", test_ampersand_at_name_limit);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/xml/bad/%s", bad_inputs[i].file);

      g_test_add_data_func (name, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/core/xml/bad/entity-not-expanded", test_entity_not_expanded);
  g_test_add_func ("/core/xml/bad/missing-file", test_missing_file);
  g_test_add_func ("/core/xml/import-ready", test_import_ready);
  g_test_add_func ("/core/xml/bad/too-large", test_too_large);
  g_test_add_func ("/core/xml/bad/huge-attribute", test_huge_attribute);
  g_test_add_func ("/core/xml/bad/many-problems", test_many_problems);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/xml/export/refuses/%u", i);

      g_test_add_data_func (name, &refusals[i], test_export_refuses);
    }
  g_test_add_func ("/core/xml/export/file", test_export_file);
  g_test_add_func ("/core/xml/export/special-files", test_export_special_files);
  g_test_add_func ("/core/xml/export/empty-document", test_export_empty_document);

  return g_test_run ();
}
