/* test-store.c - .yusuan documents: round trip, refusals, damage, a kill while saving, the lock
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "yusuan-store.h"
#include "yusuan-test-util.h"
#include "yusuan-xml.h"

static char *self_exe;

/* ------------------------------------------------------------ fixtures */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *template = g_build_filename (builddir ? builddir : g_get_tmp_dir (),
                                                "store-XXXXXX", NULL);

  fixture->dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (fixture->dir);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Names in the directory, sorted, one per line: to see that nothing was
 * left behind or created beside a file. */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* ------------------------------------------------------------ documents */

static void
add_indicator (YusuanDocument *doc,
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
  YusuanIndicator values = {
    .level1 = level1,
    .level2 = (char *) level2,
    .name = (char *) name,
    .op = op,
    .value = (char *) value,
    .unit = (char *) unit,
    .text = (char *) text,
    .explanation = (char *) explanation,
  };

  g_assert_nonnull (yusuan_document_add_indicator (doc, project_id, &values));
}

/* Every kind of fact the document can hold, with the awkward cases: NULL
 * next to empty, Chinese text, quotes, the largest amount, zero. */
static YusuanDocument *
build_full_document (void)
{
  YusuanDocument *doc = yusuan_document_new ();
  const YusuanProject *p1, *p2, *p3;
  const YusuanAmount three_public[YUSUAN_N_THREE_PUBLIC] = { 0, 100000, 1000000, 150000 };
  const YusuanProcurementItem items[] = {
    { YUSUAN_PROCUREMENT_GOODS, 12345678, (char *) "411200230000000002814", (char *) "办公设备" },
    { YUSUAN_PROCUREMENT_SERVICES, 1, NULL, NULL },
    { YUSUAN_PROCUREMENT_WORKS, YUSUAN_AMOUNT_MAX, NULL, (char *) "“维修”工程" },
  };
  const char *const duties[] = { "负责市政府日常运转。", "", "协助市政府领导处理日常工作。" };
  const YusuanTask tasks[] = {
    { (char *) "保障运转", (char *) "保障市政府机关正常运转。" },
    { (char *) "督查督办", NULL },
  };
  gboolean prior_has[YUSUAN_N_PRIOR_KEYS] = { FALSE, };
  YusuanAmount prior[YUSUAN_N_PRIOR_KEYS] = { 0, };
  gboolean control_has[YUSUAN_N_CONTROL_NUMBERS] = { FALSE, };
  YusuanAmount control[YUSUAN_N_CONTROL_NUMBERS] = { 0, };

  yusuan_document_set_header (doc, 2023, YUSUAN_STAGE_APPROVED, "103", "市人民政府办公室", "411200");
  g_assert_nonnull (yusuan_document_add_unit (doc, "103001", "河南省三门峡市人民政府办公室",
                                              YUSUAN_UNIT_KIND_ADMINISTRATIVE));
  g_assert_nonnull (yusuan_document_add_unit (doc, "103002001", "三门峡市机关事务中心",
                                              YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION));
  g_assert_nonnull (yusuan_document_add_unit (doc, "103003", "参公单位", YUSUAN_UNIT_KIND_CIVIL_SERVANT_MANAGED));

  g_assert_nonnull (yusuan_document_add_revenue (doc, "103001", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, 33378372 * 100LL));
  g_assert_nonnull (yusuan_document_add_revenue (doc, "103002001", YUSUAN_FUND_INSTITUTION_INCOME, 5));
  g_assert_nonnull (yusuan_document_add_revenue (doc, "103002001", YUSUAN_FUND_CARRYOVER_UNIT_FUNDS, 0));
  g_assert_nonnull (yusuan_document_add_revenue (doc, "103003", YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_AMOUNT_MAX));

  yusuan_test_add_line (doc, 0, "103001", "2010301", "30102", "50101", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                  YUSUAN_CATEGORY_PERSONNEL, 410839100);
  yusuan_test_add_line (doc, 0, "103001", "2010301", "30229", "50201", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                  YUSUAN_CATEGORY_PERSONNEL, 32646700);
  yusuan_test_add_line (doc, 0, "103001", "2010301", "30239", "50201", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                  YUSUAN_CATEGORY_PUBLIC, 1995800);
  yusuan_test_add_line (doc, 0, "103002001", "2080501", "30302", "50905", YUSUAN_FUND_INSTITUTION_INCOME,
                  YUSUAN_CATEGORY_PERSONNEL, 1);
  yusuan_test_add_line (doc, 0, "103003", "2210201", "30113", "50103", YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET,
                  YUSUAN_CATEGORY_PERSONNEL, 0);

  p1 = yusuan_document_add_project (doc, "411200230000000002814", "2023派驻纪检组经费", "103001",
                                    YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, "保障派驻纪检组“正常”运转。\n第二行");
  g_assert_nonnull (p1);
  yusuan_test_add_line (doc, p1->id, "", "2010301", "30201", "50502",
                        YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, YUSUAN_CATEGORY_PUBLIC, 13000000);
  yusuan_test_add_line (doc, p1->id, "", "2010301", "30231", "50502",
                        YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, YUSUAN_CATEGORY_PUBLIC, 2000000);
  add_indicator (doc, p1->id, YUSUAN_LEVEL1_COST, NULL, "基建工作开展费用成本", YUSUAN_OPERATOR_LE,
                 "24.6", "万元", NULL, NULL);
  add_indicator (doc, p1->id, YUSUAN_LEVEL1_OUTPUT, "数量指标", "纪检工作开展次数", YUSUAN_OPERATOR_GE,
                 "50", "次", NULL, "全年开展次数");
  add_indicator (doc, p1->id, YUSUAN_LEVEL1_EFFECT, NULL, "保障正常运行", YUSUAN_OPERATOR_QUALITATIVE,
                 NULL, NULL, "保障", "");
  add_indicator (doc, p1->id, YUSUAN_LEVEL1_SATISFACTION, NULL, "工作人员满意度", YUSUAN_OPERATOR_GT,
                 "0.5", "%", NULL, NULL);

  /* A project without description, lines or indicators of its own yet. */
  p2 = yusuan_document_add_project (doc, "ABCdef123", "空项目", "103002001",
                                    YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
  g_assert_nonnull (p2);

  p3 = yusuan_document_add_project (doc, "411200230000000025604", "公务用车运行", "103003",
                                    YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, "");
  g_assert_nonnull (p3);
  yusuan_test_add_line (doc, p3->id, "", "2013102", "30231", "50209",
                        YUSUAN_FUND_STATE_CAPITAL, YUSUAN_CATEGORY_PUBLIC, 99);
  yusuan_test_add_line (doc, p3->id, "", "2013102", "31013", "50306",
                        YUSUAN_FUND_CARRYOVER_FISCAL_SPECIAL_ACCOUNT, YUSUAN_CATEGORY_PUBLIC, 0);
  add_indicator (doc, p3->id, YUSUAN_LEVEL1_OUTPUT, NULL, "车辆数", YUSUAN_OPERATOR_EQ, "3", "辆", NULL, NULL);
  add_indicator (doc, p3->id, YUSUAN_LEVEL1_OUTPUT, NULL, "费用", YUSUAN_OPERATOR_LT, "8", "万元", NULL, NULL);

  add_indicator (doc, 0, YUSUAN_LEVEL1_INPUT_MANAGEMENT, "预算和财务管理", "预算执行率", YUSUAN_OPERATOR_GE,
                 "90", "%", NULL, "预算执行率=（预算完成数/预算数）×100%。");
  add_indicator (doc, 0, YUSUAN_LEVEL1_EFFECT, "履职效益", "政府工作运转效率", YUSUAN_OPERATOR_QUALITATIVE,
                 NULL, NULL, "稳步提高", NULL);

  yusuan_document_set_three_public (doc, three_public);
  yusuan_document_set_procurement (doc, items, G_N_ELEMENTS (items));
  yusuan_document_set_assets (doc, TRUE, 7, 0, 1000000000);
  yusuan_document_set_performance (doc, TRUE, duties, G_N_ELEMENTS (duties), tasks, G_N_ELEMENTS (tasks));
  yusuan_document_set_explanation (doc, "revenue-change", "人员经费按照新标准执行有所增加。");
  yusuan_document_set_explanation (doc, "three-public-change", "压减“三公”经费。");
  yusuan_document_set_explanation (doc, "a", "");

  prior_has[YUSUAN_PRIOR_REVENUE_TOTAL] = TRUE;
  prior[YUSUAN_PRIOR_REVENUE_TOTAL] = 2691300000;
  prior_has[YUSUAN_PRIOR_OUTBOUND_TRAVEL] = TRUE;
  prior[YUSUAN_PRIOR_OUTBOUND_TRAVEL] = 0;
  prior_has[YUSUAN_PRIOR_PROCUREMENT] = TRUE;
  prior[YUSUAN_PRIOR_PROCUREMENT] = YUSUAN_AMOUNT_MAX;
  yusuan_document_set_prior_year (doc, TRUE, 2022, prior_has, prior);

  /* Version 2: the bureau's control numbers, at the limits. */
  control_has[yusuan_control_number_index (YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, YUSUAN_SPENDING_BASIC)] = TRUE;
  control[yusuan_control_number_index (YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, YUSUAN_SPENDING_BASIC)] = 3018037200;
  control_has[yusuan_control_number_index (YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_SPENDING_PROJECT)] = TRUE;
  control[yusuan_control_number_index (YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_SPENDING_PROJECT)] = 0;
  control_has[yusuan_control_number_index (YUSUAN_FUND_CARRYOVER_UNIT_FUNDS, YUSUAN_SPENDING_PROJECT)] = TRUE;
  control[yusuan_control_number_index (YUSUAN_FUND_CARRYOVER_UNIT_FUNDS, YUSUAN_SPENDING_PROJECT)] = YUSUAN_AMOUNT_MAX;
  yusuan_document_set_control_numbers (doc, TRUE, control_has, control);

  return doc;
}

static void
assert_lines_equal (const YusuanLine *a,
                    const YusuanLine *b,
                    gboolean          basic)
{
  if (basic)
    {
      g_assert_cmpstr (a->unit, ==, b->unit);
      g_assert_cmpint (a->category, ==, b->category);
    }
  g_assert_cmpstr (a->function, ==, b->function);
  g_assert_cmpstr (a->econ_dept, ==, b->econ_dept);
  g_assert_cmpstr (a->econ_gov, ==, b->econ_gov);
  g_assert_cmpint (a->fund, ==, b->fund);
  g_assert_cmpint (a->amount, ==, b->amount);
}

static void
assert_indicators_equal (const YusuanIndicator *a,
                         const YusuanIndicator *b)
{
  g_assert_cmpint (a->level1, ==, b->level1);
  g_assert_cmpstr (a->level2, ==, b->level2);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->op, ==, b->op);
  g_assert_cmpstr (a->value, ==, b->value);
  g_assert_cmpstr (a->unit, ==, b->unit);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpstr (a->explanation, ==, b->explanation);
}

/* Every field, in order, through the public API. */
static void
assert_documents_equal (YusuanDocument *a,
                        YusuanDocument *b)
{
  guint64 a_counts[3] = { 0, }, b_counts[3] = { 0, };

  g_assert_cmpint (yusuan_document_get_fiscal_year (a), ==, yusuan_document_get_fiscal_year (b));
  g_assert_cmpint (yusuan_document_get_stage (a), ==, yusuan_document_get_stage (b));
  g_assert_cmpstr (yusuan_document_get_department_code (a), ==, yusuan_document_get_department_code (b));
  g_assert_cmpstr (yusuan_document_get_department_name (a), ==, yusuan_document_get_department_name (b));
  g_assert_cmpstr (yusuan_document_get_region (a), ==, yusuan_document_get_region (b));

  g_assert_cmpuint (yusuan_document_get_n_units (a), ==, yusuan_document_get_n_units (b));
  for (guint i = 0; i < yusuan_document_get_n_units (a); i++)
    {
      const YusuanUnit *ua = yusuan_document_get_unit (a, i);
      const YusuanUnit *ub = yusuan_document_get_unit (b, i);

      g_assert_cmpstr (ua->code, ==, ub->code);
      g_assert_cmpstr (ua->name, ==, ub->name);
      g_assert_cmpint (ua->kind, ==, ub->kind);
    }

  g_assert_cmpuint (yusuan_document_get_n_revenues (a), ==, yusuan_document_get_n_revenues (b));
  for (guint i = 0; i < yusuan_document_get_n_revenues (a); i++)
    {
      const YusuanRevenue *ra = yusuan_document_get_revenue (a, i);
      const YusuanRevenue *rb = yusuan_document_get_revenue (b, i);

      g_assert_cmpstr (ra->unit, ==, rb->unit);
      g_assert_cmpint (ra->source, ==, rb->source);
      g_assert_cmpint (ra->amount, ==, rb->amount);
    }

  g_assert_cmpuint (yusuan_document_get_n_lines (a), ==, yusuan_document_get_n_lines (b));
  g_assert_cmpuint (yusuan_document_get_n_basic_lines (a), ==, yusuan_document_get_n_basic_lines (b));
  for (guint i = 0; i < yusuan_document_get_n_basic_lines (a); i++)
    assert_lines_equal (yusuan_document_get_basic_line (a, i), yusuan_document_get_basic_line (b, i), TRUE);

  g_assert_cmpuint (yusuan_document_get_n_projects (a), ==, yusuan_document_get_n_projects (b));
  for (guint i = 0; i < yusuan_document_get_n_projects (a); i++)
    {
      const YusuanProject *pa = yusuan_document_get_project (a, i);
      const YusuanProject *pb = yusuan_document_get_project (b, i);

      g_assert_cmpstr (pa->code, ==, pb->code);
      g_assert_cmpstr (pa->name, ==, pb->name);
      g_assert_cmpstr (pa->unit, ==, pb->unit);
      g_assert_cmpint (pa->kind, ==, pb->kind);
      g_assert_cmpstr (pa->description, ==, pb->description);
      g_assert_cmpuint (pa->lines->len, ==, pb->lines->len);
      for (guint j = 0; j < pa->lines->len; j++)
        {
          const YusuanLine *la = g_ptr_array_index (pa->lines, j);
          const YusuanLine *lb = g_ptr_array_index (pb->lines, j);

          assert_lines_equal (la, lb, FALSE);
          g_assert_cmpuint (lb->project_id, ==, pb->id);
          g_assert_cmpstr (lb->unit, ==, pb->unit);
        }
      g_assert_cmpint (yusuan_project_get_total (pa), ==, yusuan_project_get_total (pb));
      g_assert_cmpuint (pa->indicators->len, ==, pb->indicators->len);
      for (guint j = 0; j < pa->indicators->len; j++)
        assert_indicators_equal (g_ptr_array_index (pa->indicators, j), g_ptr_array_index (pb->indicators, j));
    }

  g_assert_cmpuint (yusuan_document_get_n_indicators (a, 0), ==, yusuan_document_get_n_indicators (b, 0));
  for (guint i = 0; i < yusuan_document_get_n_indicators (a, 0); i++)
    assert_indicators_equal (yusuan_document_get_indicator (a, 0, i), yusuan_document_get_indicator (b, 0, i));

  g_assert_cmpint (yusuan_document_has_three_public (a), ==, yusuan_document_has_three_public (b));
  for (int i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
    g_assert_cmpint (yusuan_document_get_three_public (a, i), ==, yusuan_document_get_three_public (b, i));

  g_assert_cmpuint (yusuan_document_get_n_procurement (a), ==, yusuan_document_get_n_procurement (b));
  for (guint i = 0; i < yusuan_document_get_n_procurement (a); i++)
    {
      const YusuanProcurementItem *ia = yusuan_document_get_procurement (a, i);
      const YusuanProcurementItem *ib = yusuan_document_get_procurement (b, i);

      g_assert_cmpint (ia->category, ==, ib->category);
      g_assert_cmpint (ia->amount, ==, ib->amount);
      g_assert_cmpstr (ia->project, ==, ib->project);
      g_assert_cmpstr (ia->name, ==, ib->name);
    }

  g_assert_cmpint (yusuan_document_get_assets (a, &a_counts[0], &a_counts[1], &a_counts[2]), ==,
                   yusuan_document_get_assets (b, &b_counts[0], &b_counts[1], &b_counts[2]));
  for (int i = 0; i < 3; i++)
    g_assert_cmpuint (a_counts[i], ==, b_counts[i]);

  g_assert_cmpint (yusuan_document_has_performance (a), ==, yusuan_document_has_performance (b));
  g_assert_cmpuint (yusuan_document_get_n_duties (a), ==, yusuan_document_get_n_duties (b));
  for (guint i = 0; i < yusuan_document_get_n_duties (a); i++)
    g_assert_cmpstr (yusuan_document_get_duty (a, i), ==, yusuan_document_get_duty (b, i));
  g_assert_cmpuint (yusuan_document_get_n_tasks (a), ==, yusuan_document_get_n_tasks (b));
  for (guint i = 0; i < yusuan_document_get_n_tasks (a); i++)
    {
      g_assert_cmpstr (yusuan_document_get_task (a, i)->name, ==, yusuan_document_get_task (b, i)->name);
      g_assert_cmpstr (yusuan_document_get_task (a, i)->text, ==, yusuan_document_get_task (b, i)->text);
    }

  g_assert_cmpuint (yusuan_document_get_n_explanations (a), ==, yusuan_document_get_n_explanations (b));
  for (guint i = 0; i < yusuan_document_get_n_explanations (a); i++)
    {
      g_assert_cmpstr (yusuan_document_get_explanation (a, i)->topic, ==,
                       yusuan_document_get_explanation (b, i)->topic);
      g_assert_cmpstr (yusuan_document_get_explanation (a, i)->text, ==,
                       yusuan_document_get_explanation (b, i)->text);
    }

  g_assert_cmpint (yusuan_document_has_prior_year (a), ==, yusuan_document_has_prior_year (b));
  g_assert_cmpint (yusuan_document_get_prior_fiscal_year (a), ==, yusuan_document_get_prior_fiscal_year (b));
  for (int key = 0; key < YUSUAN_N_PRIOR_KEYS; key++)
    {
      YusuanAmount va = -1, vb = -1;

      g_assert_cmpint (yusuan_document_get_prior_figure (a, key, &va), ==,
                       yusuan_document_get_prior_figure (b, key, &vb));
      g_assert_cmpint (va, ==, vb);
    }

  g_assert_cmpint (yusuan_document_has_control_numbers (a), ==, yusuan_document_has_control_numbers (b));
  for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
    for (int kind = 0; kind < YUSUAN_N_SPENDING_KINDS; kind++)
      {
        YusuanAmount va = -1, vb = -1;

        g_assert_cmpint (yusuan_document_get_control_number (a, fund, kind, &va), ==,
                         yusuan_document_get_control_number (b, fund, kind, &vb));
        g_assert_cmpint (va, ==, vb);
      }
}

/* ------------------------------------------------------------ file helpers */

typedef struct
{
  GBytes *bytes;
  struct stat st;
  char *listing;
} Snapshot;

static void
snapshot_take (Snapshot   *snap,
               const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  snap->bytes = g_bytes_new_take (contents, len);
  g_assert_cmpint (g_stat (path, &snap->st), ==, 0);
  snap->listing = list_dir (dir);
}

/* The file is byte for byte and to the nanosecond what it was, and nothing
 * appeared beside it (no -journal, -wal, -shm or temporary file). */
static void
snapshot_assert_unchanged (Snapshot   *snap,
                           const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *listing = list_dir (dir);
  g_autoptr(GBytes) now = NULL;
  char *contents = NULL;
  gsize len = 0;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  now = g_bytes_new_take (contents, len);
  g_assert_true (g_bytes_equal (snap->bytes, now));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, snap->st.st_mtim.tv_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, snap->st.st_mtim.tv_nsec);
  g_assert_cmpint (st.st_ino, ==, snap->st.st_ino);
  g_assert_cmpstr (listing, ==, snap->listing);
}

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->bytes, g_bytes_unref);
  g_clear_pointer (&snap->listing, g_free);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  write_file (to, contents, len);
  g_free (contents);
}

/* Runs SQL on a file with SQLite itself, as another program would. */
static void
sqlite_exec_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Every constraint of the schema (CHECK, NOT NULL, UNIQUE, foreign keys)
 * holds for what the store wrote, as SQLite itself sees it. */
static void
assert_schema_holds (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
save_full_document (Fixture    *fixture,
                    const char *name)
{
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

/* ------------------------------------------------------------ round trip */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(YusuanDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "全部.yusuan");
  g_autofree char *path2 = fixture_path (fixture, "again.yusuan");

  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (yusuan_store_sniff (path));
  assert_schema_holds (path);

  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_documents_equal (doc, loaded);

  /* A freshly opened document is not "modified" and has nothing to undo. */
  g_assert_false (yusuan_document_get_modified (loaded));
  g_assert_false (yusuan_document_can_undo (loaded));

  /* What was loaded saves and loads to the same again. */
  g_assert_true (yusuan_store_save (loaded, path2, &error));
  g_assert_no_error (error);
  again = yusuan_store_load (path2, &error);
  g_assert_no_error (error);
  assert_documents_equal (doc, again);
}

/* Absent blocks stay absent; a present but empty one stays present. */
static void
test_round_trip_minimal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = yusuan_document_new ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(YusuanDocument) loaded2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "minimal.yusuan");

  yusuan_document_set_header (doc, 2100, YUSUAN_STAGE_FIRST_PROPOSAL, "999999", "部门", NULL);
  g_assert_nonnull (yusuan_document_add_unit (doc, "999999001", "单位", YUSUAN_UNIT_KIND_OTHER));

  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  assert_documents_equal (doc, loaded);
  g_assert_false (yusuan_document_has_three_public (loaded));
  g_assert_false (yusuan_document_get_assets (loaded, NULL, NULL, NULL));
  g_assert_false (yusuan_document_has_performance (loaded));
  g_assert_false (yusuan_document_has_prior_year (loaded));
  g_assert_null (yusuan_document_get_region (loaded));

  yusuan_document_set_performance (doc, TRUE, NULL, 0, NULL, 0);
  yusuan_document_set_prior_year (doc, TRUE, 2099, (gboolean[YUSUAN_N_PRIOR_KEYS]) { FALSE, },
                                  (YusuanAmount[YUSUAN_N_PRIOR_KEYS]) { 0, });
  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  loaded2 = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (yusuan_document_has_performance (loaded2));
  g_assert_true (yusuan_document_has_prior_year (loaded2));
  g_assert_cmpint (yusuan_document_get_prior_fiscal_year (loaded2), ==, 2099);
  assert_documents_equal (doc, loaded2);
}

/* The same document saves to the same bytes, wherever and however often. */
static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = fixture_path (fixture, "a.yusuan");
  g_autofree char *b = fixture_path (fixture, "b.yusuan");
  g_autofree char *c = fixture_path (fixture, "c.yusuan");
  g_autofree char *bytes_a = NULL, *bytes_b = NULL, *bytes_c = NULL;
  gsize len_a, len_b, len_c;

  g_assert_true (yusuan_store_save (doc, a, &error));
  g_assert_true (yusuan_store_save (doc, b, &error));
  g_assert_true (yusuan_store_save (doc, b, &error));  /* over itself */
  g_assert_no_error (error);
  loaded = yusuan_store_load (a, &error);
  g_assert_no_error (error);
  g_assert_true (yusuan_store_save (loaded, c, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (a, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &len_b, NULL));
  g_assert_true (g_file_get_contents (c, &bytes_c, &len_c, NULL));
  g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
  g_assert_cmpmem (bytes_a, len_a, bytes_c, len_c);
}

/* The file really is a SQLite database with our identity, version, foreign
 * keys and constraints: what another tool sees. */
static void
test_format (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "format.yusuan");
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, YUSUAN_STORE_APPLICATION_ID);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, YUSUAN_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_finalize (stmt);

  assert_schema_holds (path);

  /* Document order is kept: basic lines, then each project's. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), sum(project IS NULL), min(position), max(position)"
                                           " FROM lines", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 9);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 5);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 9);
  sqlite3_finalize (stmt);

  /* The constraints hold for anyone who writes to the file. */
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE lines SET amount = -1 WHERE position = 1", NULL, NULL, &errmsg),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_free (errmsg);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE units SET code = '10300A' WHERE position = 1", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE lines SET fund = 'gold' WHERE position = 1", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE lines SET project = 99 WHERE position = 6", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  /* Deleting a project takes its lines and indicators with it. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM projects WHERE position = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM lines WHERE project = 1),"
                                           " (SELECT count(*) FROM indicators WHERE project = 1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

/* The seed department's budget, from its submission XML through a .yusuan
 * and back, exports to the same bytes. */
static void
test_seed (Fixture       *fixture,
           gconstpointer  data)
{
  const char *fixture_xml = g_getenv ("YUSUAN_FIXTURE");
  g_autofree char *path = fixture_path (fixture, "seed.yusuan");
  g_autoptr(YusuanDocument) imported = NULL;
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GBytes) xml_before = NULL;
  g_autoptr(GBytes) xml_after = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture_xml == NULL)
    {
      g_test_skip ("YUSUAN_FIXTURE is not set");
      return;
    }

  imported = yusuan_xml_import_file (fixture_xml, &error);
  g_assert_no_error (error);
  g_assert_true (yusuan_store_save (imported, path, &error));
  g_assert_no_error (error);
  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  assert_documents_equal (imported, loaded);

  xml_before = yusuan_xml_export (imported, &error);
  g_assert_no_error (error);
  xml_after = yusuan_xml_export (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (xml_before, NULL), g_bytes_get_size (xml_before),
                   g_bytes_get_data (xml_after, NULL), g_bytes_get_size (xml_after));
}

/* A file written by each version of the format keeps opening, with every
 * fact it could hold, whatever the format becomes (an older file is migrated
 * in memory).  Each was written once by its version (test-store
 * --write-golden FILE writes the current one) and is never regenerated. */
static void
test_format_version (Fixture       *fixture,
                     gconstpointer  data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("v%d-full.yusuan", version);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "store", name, NULL);
  g_autoptr(YusuanDocument) expected = build_full_document ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot snap = { 0, };

  /* Version 1 had no control numbers. */
  if (version < 2)
    yusuan_document_set_control_numbers (expected, FALSE, NULL, NULL);

  snapshot_take (&snap, path);
  g_assert_true (yusuan_store_sniff (path));
  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  assert_documents_equal (expected, loaded);
  snapshot_assert_unchanged (&snap, path);
  snapshot_clear (&snap);
}

/* Opening a document changes nothing on disk: no byte, no mtime, no file beside it. */
static void
test_load_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "ro.yusuan");
  g_autoptr(GError) error = NULL;
  Snapshot snap = { 0, };

  snapshot_take (&snap, path);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(YusuanDocument) doc = yusuan_store_load (path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_true (yusuan_store_sniff (path));
    }
  snapshot_assert_unchanged (&snap, path);
  snapshot_clear (&snap);
}

/* A read-only file in a read-only place still opens. */
static void
test_load_read_only_dir (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sub = fixture_path (fixture, "locked-dir");
  g_autofree char *path = g_build_filename (sub, "文档 #1?.yusuan", NULL);
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);

  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  assert_documents_equal (doc, loaded);

  g_chmod (sub, 0755);
}

/* ------------------------------------------------------------ saving over things */

static void
test_save_replaces (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "replace.yusuan");
  g_autofree char *link = fixture_path (fixture, "link.yusuan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  before = list_dir (fixture->dir);

  /* The replaced file keeps its permissions. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  yusuan_document_set_line_amount (doc, yusuan_document_get_basic_line (doc, 0)->id, 777);
  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yusuan_document_get_basic_line (loaded, 0)->amount, ==, 777);
  g_clear_object (&loaded);

  /* No temporary file is left behind. */
  after = list_dir (fixture->dir);
  g_assert_cmpstr (before, ==, after);

  /* Saving through a symbolic link updates its target and keeps the link. */
  g_assert_cmpint (symlink ("replace.yusuan", link), ==, 0);
  yusuan_document_set_line_amount (doc, yusuan_document_get_basic_line (doc, 0)->id, 888);
  g_assert_true (yusuan_store_save (doc, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yusuan_document_get_basic_line (loaded, 0)->amount, ==, 888);
}

/* What a save killed mid-way left behind goes at the next save, unless a
 * save may still be writing it. */
static void
test_save_removes_abandoned (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "doc.yusuan");
  g_autofree char *abandoned = fixture_path (fixture, ".doc.yusuan.Ab12Cd");
  g_autofree char *fresh = fixture_path (fixture, ".doc.yusuan.Fresh1");
  g_autofree char *held = fixture_path (fixture, ".doc.yusuan.Held01");
  g_autofree char *other = fixture_path (fixture, ".other.yusuan.Ab12Cd");
  g_autofree char *longer = fixture_path (fixture, ".doc.yusuan.Ab12Cd.keep");
  struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };
  const char *old_files[] = { abandoned, held, other, longer };
  int held_fd;

  write_file (fresh, "partial", 7);
  for (gsize i = 0; i < G_N_ELEMENTS (old_files); i++)
    {
      write_file (old_files[i], "partial", 7);
      g_assert_cmpint (utime (old_files[i], &old), ==, 0);
    }
  held_fd = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);

  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (abandoned, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (longer, G_FILE_TEST_EXISTS));
  close (held_fd);
}

/* Save never overwrites a file that is not a Yusuan document. */
static void
test_save_refuses_foreign (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = build_full_document ();
  g_autofree char *text = fixture_path (fixture, "notes.yusuan");
  g_autofree char *empty = fixture_path (fixture, "empty.yusuan");
  g_autofree char *other = fixture_path (fixture, "other.db");
  g_autofree char *newer = fixture_path (fixture, "newer.yusuan");
  g_autofree char *dir = fixture_path (fixture, "a-directory");
  g_autofree char *missing = fixture_path (fixture, "no/such/dir/x.yusuan");
  const char *paths[] = { text, empty, other, newer };
  const int codes[] = {
    YUSUAN_STORE_ERROR_NOT_A_DOCUMENT, YUSUAN_STORE_ERROR_NOT_A_DOCUMENT,
    YUSUAN_STORE_ERROR_NOT_A_DOCUMENT, YUSUAN_STORE_ERROR_TOO_NEW,
  };

  write_file (text, "年度预算说明\n", strlen ("年度预算说明\n"));
  write_file (empty, "", 0);
  sqlite_exec_file (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  g_free (save_full_document (fixture, "newer.yusuan"));
  sqlite_exec_file (newer, "PRAGMA user_version = 99");

  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      Snapshot snap = { 0, };

      snapshot_take (&snap, paths[i]);
      g_assert_false (yusuan_store_save (doc, paths[i], &error));
      g_assert_error (error, YUSUAN_STORE_ERROR, codes[i]);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "another name"));
      snapshot_assert_unchanged (&snap, paths[i]);
      snapshot_clear (&snap);
    }

  /* A read-only document is not replaced behind its owner's back (root
   * may write anything, so the case means nothing for root). */
  if (geteuid () != 0)
    {
      g_autofree char *read_only = save_full_document (fixture, "read-only.yusuan");
      g_autoptr(GError) error = NULL;
      Snapshot snap = { 0, };

      g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
      snapshot_take (&snap, read_only);
      g_assert_false (yusuan_store_save (doc, read_only, &error));
      g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "read-only"));
      snapshot_assert_unchanged (&snap, read_only);
      snapshot_clear (&snap);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
    g_assert_false (yusuan_store_save (doc, dir, &error));
    g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (yusuan_store_save (doc, missing, &error));
    g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "no/such/dir"));
  }
}

/* A document holding something the format refuses is not saved, the old
 * file stays, and the message names what to correct.  (The save checks
 * these rules in C instead of through the schema's CHECK constraints.) */
static void
break_basic_function (YusuanDocument *doc)
{
  const YusuanLine *line = yusuan_document_get_basic_line (doc, 1);
  YusuanLine values = *line;

  g_strlcpy (values.function, "20103x1", sizeof values.function);
  yusuan_document_set_line (doc, line->id, &values);
}

static void
break_basic_unit (YusuanDocument *doc)
{
  const YusuanLine *line = yusuan_document_get_basic_line (doc, 0);
  YusuanLine values = *line;

  g_strlcpy (values.unit, "10300", sizeof values.unit);
  yusuan_document_set_line (doc, line->id, &values);
}

static void
break_project_econ (YusuanDocument *doc)
{
  const YusuanProject *project = yusuan_document_get_project (doc, 0);
  const YusuanLine *line = g_ptr_array_index (project->lines, 1);
  YusuanLine values = *line;

  g_strlcpy (values.econ_gov, "30201", sizeof values.econ_gov);
  yusuan_document_set_line (doc, line->id, &values);
}

static void
break_amount (YusuanDocument *doc)
{
  yusuan_document_set_line_amount (doc, yusuan_document_get_basic_line (doc, 2)->id, -1);
}

static void
break_huge_amount (YusuanDocument *doc)
{
  const YusuanRevenue *revenue = yusuan_document_get_revenue (doc, 1);
  YusuanRevenue values = *revenue;

  values.amount = YUSUAN_AMOUNT_MAX + 1;
  yusuan_document_set_revenue (doc, revenue->id, &values);
}

static void
break_project_code (YusuanDocument *doc)
{
  const YusuanProject *project = yusuan_document_get_project (doc, 1);

  yusuan_document_set_project (doc, project->id, "A-1", project->name, project->unit, project->kind,
                               project->description);
}

static void
break_unit_code (YusuanDocument *doc)
{
  const YusuanUnit *unit = yusuan_document_get_unit (doc, 2);

  yusuan_document_set_unit (doc, unit->id, "1030０3", unit->name, unit->kind);
}

static void
break_header (YusuanDocument *doc)
{
  yusuan_document_set_header (doc, 1999, YUSUAN_STAGE_APPROVED, "103", "部门", NULL);
}

static void
break_department (YusuanDocument *doc)
{
  yusuan_document_set_header (doc, 2023, YUSUAN_STAGE_APPROVED, "", "部门", NULL);
}

static void
break_region (YusuanDocument *doc)
{
  yusuan_document_set_header (doc, 2023, YUSUAN_STAGE_APPROVED, "103", "部门", "4112");
}

static void
break_indicator_group (YusuanDocument *doc)
{
  const YusuanIndicator *indicator = yusuan_document_get_indicator (doc, 0, 0);
  YusuanIndicator values = *indicator;

  values.level1 = YUSUAN_LEVEL1_COST;
  yusuan_document_set_indicator (doc, 0, indicator->id, &values);
}

static const struct
{
  void      (*breaker) (YusuanDocument *doc);
  const char *expect1;
  const char *expect2;
} invalid_documents[] = {
  { break_basic_function, "basic line 2", "20103x1" },
  { break_basic_unit, "basic line 1", "10300" },
  { break_project_econ, "411200230000000002814", "30201" },
  { break_amount, "basic line 3", "out of range" },
  { break_huge_amount, "revenue 2", "out of range" },
  { break_project_code, "project 2", "A-1" },
  { break_unit_code, "unit 3", "1030０3" },
  { break_header, "fiscal year", "1999" },
  { break_department, "department code", "“”" },
  { break_region, "region", "4112" },
  { break_indicator_group, "the department", "预算执行率" },
};

static void
test_save_refuses_invalid (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "invalid.yusuan");
  g_autofree char *listing = list_dir (fixture->dir);

  for (gsize i = 0; i < G_N_ELEMENTS (invalid_documents); i++)
    {
      g_autoptr(YusuanDocument) doc = build_full_document ();
      g_autoptr(GError) error = NULL;
      g_autofree char *fresh = fixture_path (fixture, "never.yusuan");
      g_autofree char *after = NULL;
      Snapshot snap = { 0, };

      invalid_documents[i].breaker (doc);

      snapshot_take (&snap, path);
      g_assert_false (yusuan_store_save (doc, path, &error));
      g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, invalid_documents[i].expect1));
      g_assert_nonnull (strstr (error->message, invalid_documents[i].expect2));
      g_assert_nonnull (strstr (error->message, "Correct it"));
      snapshot_assert_unchanged (&snap, path);
      snapshot_clear (&snap);
      g_clear_error (&error);

      /* Nor is a new file begun. */
      g_assert_false (yusuan_store_save (doc, fresh, &error));
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
      after = list_dir (fixture->dir);
      g_assert_cmpstr (after, ==, listing);
    }
}

/* ------------------------------------------------------------ refusals on load */

static void
assert_load_refused (const char *path,
                     int         code,
                     const char *expect1,
                     const char *expect2)
{
  g_autoptr(YusuanDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  Snapshot snap = { 0, };
  gint64 start;

  snapshot_take (&snap, path);
  start = g_get_monotonic_time ();
  doc = yusuan_store_load (path, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_null (doc);
  g_assert_error (error, YUSUAN_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, name));
  if (expect1 != NULL)
    g_assert_nonnull (strstr (error->message, expect1));
  if (expect2 != NULL)
    g_assert_nonnull (strstr (error->message, expect2));
  snapshot_assert_unchanged (&snap, path);
  snapshot_clear (&snap);
}

static void
test_not_a_document (Fixture       *fixture,
                     gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *text = fixture_path (fixture, "text.yusuan");
  g_autofree char *image = fixture_path (fixture, "image.yusuan");
  g_autofree char *empty = fixture_path (fixture, "empty.yusuan");
  g_autofree char *short_magic = fixture_path (fixture, "magic-only.yusuan");
  g_autofree char *other = fixture_path (fixture, "other.sqlite");
  g_autofree char *foreign_id = fixture_path (fixture, "foreign-id.yusuan");
  g_autofree char *missing = fixture_path (fixture, "missing.yusuan");
  const char *not_ours[] = { text, image, empty, short_magic, other, foreign_id };
  g_autoptr(GError) error = NULL;

  write_file (text, "这不是预算文档\nnot a budget\n", strlen ("这不是预算文档\nnot a budget\n"));
  write_file (image, png, sizeof png);
  write_file (empty, "", 0);
  write_file (short_magic, "SQLite format 3", 16);
  sqlite_exec_file (other, "CREATE TABLE lines (x); INSERT INTO lines VALUES (1);");
  sqlite_exec_file (foreign_id, "PRAGMA application_id = 305419896; PRAGMA user_version = 1;"
                                "CREATE TABLE header (x);");

  for (gsize i = 0; i < G_N_ELEMENTS (not_ours); i++)
    {
      assert_load_refused (not_ours[i], YUSUAN_STORE_ERROR_NOT_A_DOCUMENT, "is not a Yusuan document", NULL);
      g_assert_false (yusuan_store_sniff (not_ours[i]));
    }

  g_assert_null (yusuan_store_load (missing, &error));
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
  g_assert_false (yusuan_store_sniff (missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_null (yusuan_store_load (fixture->dir, &error));
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
  g_clear_error (&error);

  /* A named pipe with no writer would block a plain open forever. */
  {
    g_autofree char *fifo = fixture_path (fixture, "pipe.yusuan");

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_assert_null (yusuan_store_load (fifo, &error));
    g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO);
    g_assert_false (yusuan_store_sniff (fifo));
  }
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "future.yusuan");

  sqlite_exec_file (path, "PRAGMA user_version = 99");
  assert_load_refused (path, YUSUAN_STORE_ERROR_TOO_NEW, "newer version of Yusuan", "Update Yusuan");
  /* Still ours: a newer Yusuan's file is recognised as a Yusuan document. */
  g_assert_true (yusuan_store_sniff (path));
}

static void
test_damaged_truncated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "whole.yusuan");
  g_autofree char *half = fixture_path (fixture, "half.yusuan");
  g_autofree char *pages = fixture_path (fixture, "pages.yusuan");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);

  write_file (half, contents, len / 2 + 123);
  assert_load_refused (half, YUSUAN_STORE_ERROR_DAMAGED, "damaged", "cut short");

  /* Cut at a page boundary: the header still says how long it should be. */
  write_file (pages, contents, (len / 2) & ~(gsize) 4095);
  assert_load_refused (pages, YUSUAN_STORE_ERROR_DAMAGED, "damaged", NULL);
}

/* Overwrite @n bytes at @offset with @byte. */
static void
scribble (const char *path,
          goffset     offset,
          gsize       n,
          guint8      byte)
{
  g_autofree guint8 *buf = g_malloc (n);
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  memset (buf, byte, n);
  g_assert_cmpint (pwrite (fd, buf, n, offset), ==, (gssize) n);
  close (fd);
}

/* Finds @needle in the file, from its end (table data, not the schema). */
static goffset
find_last (const char *path,
           const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len, nlen = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = len - nlen; i > 0; i--)
    if (memcmp (contents + i, needle, nlen) == 0)
      return i;
  g_assert_not_reached ();
}

/* Finds @needle in the file at or after @from, or else before it. */
static goffset
find_from (const char *path,
           const char *needle,
           goffset     from)
{
  g_autofree char *contents = NULL;
  gsize len, nlen = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = from; i + nlen <= len; i++)
    if (memcmp (contents + i, needle, nlen) == 0)
      return i;
  return find_last (path, needle);
}

static void
test_damaged_bytes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "whole.yusuan");
  g_autofree char *middle = fixture_path (fixture, "middle.yusuan");
  g_autofree char *digit = fixture_path (fixture, "digit.yusuan");
  g_autofree char *first_page = fixture_path (fixture, "schema.yusuan");
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  /* Garbage over the records nearest the middle of the file (free space
   * there would be no damage at all). */
  copy_file (path, middle);
  scribble (middle, find_from (middle, "2010301", st.st_size / 2) - 40, 80, 0x5a);
  assert_load_refused (middle, YUSUAN_STORE_ERROR_DAMAGED, "damaged", NULL);

  /* One digit of a code changed into another digit: every page is still
   * well-formed and the code still valid; only the checksum can tell. */
  copy_file (path, digit);
  {
    goffset at = find_last (digit, "2210201");

    scribble (digit, at + 6, 1, '9');
  }
  assert_load_refused (digit, YUSUAN_STORE_ERROR_DAMAGED, "damaged", "checksum");

  /* Garbage over the schema's text on the first page. */
  copy_file (path, first_page);
  scribble (first_page, find_last (first_page, "CREATE TABLE units") + 6, 20, 0xff);
  assert_load_refused (first_page, YUSUAN_STORE_ERROR_DAMAGED, "damaged", NULL);
}

typedef struct
{
  const char *name;
  const char *sql;
  int         code;
  const char *expect1;
  const char *expect2;
} Breakage;

/* Each edit is made by SQLite itself (so the pages are sound) with the
 * constraints switched off, as a careless tool would. */
static const Breakage breakages[] = {
  { "drop-table", "DROP TABLE tasks", YUSUAN_STORE_ERROR_DAMAGED, "“tasks”", "missing" },
  { "view-for-table", "DROP TABLE tasks; CREATE VIEW tasks AS SELECT 1 AS position, 'x' AS name, 'y' AS text",
    YUSUAN_STORE_ERROR_DAMAGED, "“tasks”", "missing" },
  { "drop-checksum", "DROP TABLE checksum", YUSUAN_STORE_ERROR_DAMAGED, "“checksum”", "missing" },
  { "bad-fund", "UPDATE lines SET fund = 'gold' WHERE position = 2",
    YUSUAN_STORE_ERROR_DAMAGED, "table “lines”, row 2", "“gold”" },
  { "negative-amount", "UPDATE revenues SET amount = -5 WHERE position = 3",
    YUSUAN_STORE_ERROR_DAMAGED, "table “revenues”, row 3", "-5" },
  { "amount-as-text", "UPDATE lines SET amount = '12.50' WHERE position = 4",
    YUSUAN_STORE_ERROR_DAMAGED, "table “lines”, row 4", "whole number" },
  { "missing-project", "UPDATE lines SET project = 42 WHERE position = 7",
    YUSUAN_STORE_ERROR_DAMAGED, "table “lines”, row 7", "missing" },
  { "indicator-missing-project", "UPDATE indicators SET project = 42 WHERE position = 3",
    YUSUAN_STORE_ERROR_DAMAGED, "table “indicators”, row 3", "missing" },
  { "letters-in-code", "UPDATE units SET code = '10300A' WHERE position = 1",
    YUSUAN_STORE_ERROR_DAMAGED, "table “units”, row 1", "10300A" },
  { "short-function", "UPDATE lines SET function = '20103' WHERE position = 8",
    YUSUAN_STORE_ERROR_DAMAGED, "table “lines”, row 8", "20103" },
  { "bad-stage", "UPDATE header SET stage = 'final'", YUSUAN_STORE_ERROR_DAMAGED, "“header”", "final" },
  { "no-header", "DELETE FROM header", YUSUAN_STORE_ERROR_DAMAGED, "“header”", "empty" },
  { "dept-group-on-project", "UPDATE indicators SET level1 = 'input-management' WHERE position = 4",
    YUSUAN_STORE_ERROR_DAMAGED, "table “indicators”, row 4", "input-management" },
  { "bad-target", "UPDATE indicators SET value = 'lots' WHERE position = 4",
    YUSUAN_STORE_ERROR_DAMAGED, "table “indicators”, row 4", "lots" },
  { "unknown-prior-key", "UPDATE prior_figures SET key = 'next-year' WHERE key = 'procurement'",
    YUSUAN_STORE_ERROR_DAMAGED, "“prior_figures”", "next-year" },
  { "unknown-spending-kind", "UPDATE control_numbers SET kind = 'capital' WHERE position = 2",
    YUSUAN_STORE_ERROR_DAMAGED, "table “control_numbers”, row 2", "capital" },
  { "changed-control-number", "UPDATE control_numbers SET amount = amount + 1 WHERE position = 1",
    YUSUAN_STORE_ERROR_DAMAGED, "checksum", NULL },
  { "removed-control-numbers", "DELETE FROM control_numbers", YUSUAN_STORE_ERROR_DAMAGED, "checksum", NULL },
  /* Well-formed rows added or removed behind the store's back. */
  { "extra-line", "INSERT INTO lines VALUES (100, NULL, '103001', '2010301', '30102', '50101',"
                  " 'general-public-budget', 'personnel', 100)",
    YUSUAN_STORE_ERROR_DAMAGED, "checksum", NULL },
  { "removed-line", "DELETE FROM lines WHERE position = 3", YUSUAN_STORE_ERROR_DAMAGED, "checksum", NULL },
  { "changed-amount", "UPDATE lines SET amount = amount + 1 WHERE position = 1",
    YUSUAN_STORE_ERROR_DAMAGED, "checksum", NULL },
  { "wal", "PRAGMA journal_mode = WAL", YUSUAN_STORE_ERROR_DAMAGED, "write-ahead log", NULL },
  { "other-app", "PRAGMA application_id = 7", YUSUAN_STORE_ERROR_NOT_A_DOCUMENT, NULL, NULL },
  { "version-zero", "PRAGMA user_version = 0", YUSUAN_STORE_ERROR_DAMAGED, "format version", NULL },
};

static void
test_damaged_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "whole.yusuan");

  for (gsize i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *base = g_strdup_printf ("%s.yusuan", breakages[i].name);
      g_autofree char *broken = fixture_path (fixture, base);
      g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; %s", breakages[i].sql);

      g_test_message ("%s", breakages[i].name);
      copy_file (path, broken);
      sqlite_exec_file (broken, sql);
      /* SQLite's own check finds nothing wrong with the pages. */
      assert_load_refused (broken, breakages[i].code, breakages[i].expect1, breakages[i].expect2);
    }
}

/* ------------------------------------------------------------ scale */

#define LARGE_LINES 100000
#define LARGE_PROJECTS 3000

static YusuanDocument *
build_large_document (guint generation,
                      guint n_lines,
                      guint n_projects)
{
  YusuanDocument *doc = yusuan_document_new ();
  g_autofree char *name = g_strdup_printf ("第%u代", generation);
  static const char *const functions[] = { "2010301", "2080501", "2101101", "2210201", "2130101" };
  guint n_basic = n_lines - n_projects * 3;

  yusuan_document_begin_load (doc);
  yusuan_document_set_header (doc, 2024, YUSUAN_STAGE_FIRST_PROPOSAL, "411200", name, "411200");
  for (guint u = 0; u < 300; u++)
    {
      g_autofree char *code = g_strdup_printf ("411%03u", u);
      g_autofree char *unit_name = g_strdup_printf ("单位%u", u);

      yusuan_document_add_unit (doc, code, unit_name, YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION);
    }
  for (guint i = 0; i < n_basic; i++)
    {
      YusuanLine values = { 0, };

      g_snprintf (values.unit, sizeof values.unit, "411%03u", i % 300);
      strcpy (values.function, functions[i % G_N_ELEMENTS (functions)]);
      g_snprintf (values.econ_dept, sizeof values.econ_dept, "301%02u", i % 20);
      strcpy (values.econ_gov, "50101");
      values.fund = i % YUSUAN_N_FUNDS;
      values.category = i % 2;
      values.amount = (YusuanAmount) generation * 1000000 + i;
      yusuan_document_add_line (doc, &values);
    }
  for (guint p = 0; p < n_projects; p++)
    {
      g_autofree char *code = g_strdup_printf ("41120024%013u", p);
      g_autofree char *unit = g_strdup_printf ("411%03u", p % 300);
      const YusuanProject *project;
      YusuanIndicator indicator = {
        .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "完成率", .op = YUSUAN_OPERATOR_GE,
        .value = (char *) "95", .unit = (char *) "%",
      };

      project = yusuan_document_add_project (doc, code, "项目", unit, YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
      for (guint j = 0; j < 3; j++)
        {
          YusuanLine values = { 0, };

          values.project_id = project->id;
          strcpy (values.function, "2010350");
          strcpy (values.econ_dept, "30201");
          strcpy (values.econ_gov, "50502");
          values.amount = (YusuanAmount) generation * 1000000 + n_basic + p * 3 + j;
          yusuan_document_add_line (doc, &values);
        }
      yusuan_document_add_indicator (doc, project->id, &indicator);
      indicator.level1 = YUSUAN_LEVEL1_EFFECT;
      yusuan_document_add_indicator (doc, project->id, &indicator);
    }
  yusuan_document_end_load (doc);
  return doc;
}

typedef struct
{
  YusuanAmount base;
  guint        next;
  gboolean     ok;
} GenerationCheck;

static void
check_line_cb (const YusuanLine *line,
               gpointer          user_data)
{
  GenerationCheck *check = user_data;

  if (line->amount != check->base + check->next)
    check->ok = FALSE;
  check->next++;
}

/* A large document is whole and of one generation: which one it is. */
static guint
assert_generation (YusuanDocument *doc,
                   guint           n_lines)
{
  const char *name = yusuan_document_get_department_name (doc);
  GenerationCheck check = { 0, 0, TRUE };
  guint generation;

  g_assert_true (g_str_has_prefix (name, "第"));
  generation = (guint) g_ascii_strtoull (name + strlen ("第"), NULL, 10);
  check.base = (YusuanAmount) generation * 1000000;
  g_assert_cmpuint (yusuan_document_get_n_lines (doc), ==, n_lines);
  yusuan_document_foreach_line (doc, check_line_cb, &check);
  g_assert_true (check.ok);
  return generation;
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(YusuanDocument) doc = build_large_document (7, LARGE_LINES, LARGE_PROJECTS);
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "city.yusuan");
  gint64 t0, t1, t2;
  struct stat st;

  t0 = g_get_monotonic_time ();
  g_assert_true (yusuan_store_save (doc, path, &error));
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  loaded = yusuan_store_load (path, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* Not a timed test (bench/ measures): the figures are for the log. */
  g_test_message ("%u lines, %u projects: save %.3f s, load %.3f s, %.1f MB",
                  LARGE_LINES, LARGE_PROJECTS, (t1 - t0) / 1e6, (t2 - t1) / 1e6, st.st_size / 1e6);

  g_assert_cmpuint (assert_generation (loaded, LARGE_LINES), ==, 7);
  assert_documents_equal (doc, loaded);
  assert_schema_holds (path);
}

/* ------------------------------------------------------------ the kill test */

#define KILL_LINES 40000
#define KILL_PROJECTS 500
#define KILL_ROUNDS 16

/* The child: saves ever newer generations of a large document until killed. */
static int
saver_main (const char *path,
            const char *ready_path,
            guint       first_generation)
{
  g_autoptr(YusuanDocument) doc = NULL;

  for (guint generation = first_generation;; generation++)
    {
      g_autoptr(GError) error = NULL;

      g_clear_object (&doc);
      doc = build_large_document (generation, KILL_LINES, KILL_PROJECTS);
      if (generation == first_generation)
        g_file_set_contents (ready_path, "", 0, NULL);
      if (!yusuan_store_save (doc, path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}

static guint
count_temporary_files (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".kill.yusuan."))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        g_unlink (path);
        n++;
      }
  g_dir_close (dir);
  return n;
}

static void
test_kill_while_saving (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(YusuanDocument) first = build_large_document (1, KILL_LINES, KILL_PROJECTS);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "kill.yusuan");
  g_autofree char *ready = fixture_path (fixture, "ready");
  guint generation = 1;
  guint interrupted = 0, advanced = 0;
  gint64 save_usec;

  save_usec = g_get_monotonic_time ();
  g_assert_true (yusuan_store_save (first, path, &error));
  g_assert_no_error (error);
  save_usec = g_get_monotonic_time () - save_usec;
  g_test_message ("one save of %u lines: %.3f s", KILL_LINES, save_usec / 1e6);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(YusuanDocument) loaded = NULL;
      g_autofree char *first_arg = g_strdup_printf ("%u", generation + 1);
      const char *argv[] = { self_exe, "--saver", path, ready, first_arg, NULL };
      GPid pid;
      int status;
      guint loaded_generation;
      /* From before the first save begins to a few saves in. */
      gint64 delay = g_test_rand_int_range (0, (gint32) MAX (save_usec * 4, 20000));

      g_unlink (ready);
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);

      /* Wait until the child is about to save, then let it run a while. */
      for (int i = 0; i < 3000 && !g_file_test (ready, G_FILE_TEST_EXISTS); i++)
        g_usleep (1000);
      g_assert_true (g_file_test (ready, G_FILE_TEST_EXISTS));
      g_usleep (delay);

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      g_spawn_close_pid (pid);

      /* Whatever moment it died, the file is a whole document: the one it
       * had, or one the child finished saving, never older, never mixed. */
      loaded = yusuan_store_load (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      loaded_generation = assert_generation (loaded, KILL_LINES);
      g_assert_cmpuint (loaded_generation, >=, generation);
      g_test_message ("round %u: killed after %.3f s, file holds generation %u (was %u)",
                      round, delay / 1e6, loaded_generation, generation);
      if (loaded_generation > generation)
        advanced++;
      generation = loaded_generation;

      /* A temporary file left behind means the kill hit a save mid-way. */
      if (count_temporary_files (fixture->dir) > 0)
        interrupted++;
    }

  g_test_message ("%u of %u kills interrupted a save; %u rounds saw a new generation",
                  interrupted, KILL_ROUNDS, advanced);
  /* The test proves something only if kills did land inside saves. */
  g_assert_cmpuint (interrupted, >, 0);
}

/* ------------------------------------------------------------ the lock */

static char *
lock_file_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lock_base = g_strdup_printf (".~lock.%s#", base);

  return g_build_filename (dir, lock_base, NULL);
}

static void
test_lock_second_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = save_full_document (fixture, "预算.yusuan");
  g_autofree char *lock_file = lock_file_for (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pid = g_strdup_printf ("Pid=%d", (int) getpid ());
  YusuanLock *lock, *second, *third;

  lock = yusuan_lock_acquire (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (g_file_get_contents (lock_file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, g_get_user_name ()));
  g_assert_nonnull (strstr (contents, g_get_host_name ()));
  g_assert_nonnull (strstr (contents, pid));

  second = yusuan_lock_acquire (path, &error);
  g_assert_null (second);
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "预算.yusuan"));
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_assert_nonnull (strstr (error->message, "since"));
  g_clear_error (&error);

  /* The document itself is untouched and still opens while locked. */
  {
    g_autoptr(YusuanDocument) doc = yusuan_store_load (path, &error);

    g_assert_no_error (error);
  }

  yusuan_lock_release (lock);
  g_assert_false (g_file_test (lock_file, G_FILE_TEST_EXISTS));

  third = yusuan_lock_acquire (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);
  yusuan_lock_release (third);
}

static void
write_lock (const char *lock_file,
            const char *host,
            gint64      pid,
            const char *extra)
{
  g_autofree char *text = g_strdup_printf ("[Lock]\nUser=someone\nRealName=李四\nHost=%s\nPid=%" G_GINT64_FORMAT
                                           "\nSince=2024-05-06T01:30:00Z\n%s",
                                           host, pid, extra ? extra : "");

  write_file (lock_file, text, strlen (text));
}

static void
test_lock_stale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "stale.yusuan");
  g_autofree char *lock_file = lock_file_for (path);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/true", NULL };
  g_autofree char *contents = NULL;
  g_autofree char *my_pid = g_strdup_printf ("Pid=%d", (int) getpid ());
  YusuanLock *lock;
  GPid dead;
  int status;

  /* A process that has come and gone. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &dead, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  g_spawn_close_pid (dead);

  write_lock (lock_file, g_get_host_name (), dead, NULL);
  lock = yusuan_lock_acquire (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (g_file_get_contents (lock_file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, my_pid));
  g_assert_null (strstr (contents, "李四"));
  yusuan_lock_release (lock);

  /* A live pid, but another process than the one that locked (the pid was
   * reused): our own pid, recorded with a start time it never had. */
  write_lock (lock_file, g_get_host_name (), getpid (), "StartTime=1\n");
  lock = yusuan_lock_acquire (path, &error);
  g_assert_no_error (error);
  yusuan_lock_release (lock);

  /* A lock from before the machine last booted. */
  if (g_file_test ("/proc/sys/kernel/random/boot_id", G_FILE_TEST_EXISTS))
    {
      write_lock (lock_file, g_get_host_name (), getpid (), "BootId=00000000-0000-0000-0000-000000000000\n");
      lock = yusuan_lock_acquire (path, &error);
      g_assert_no_error (error);
      yusuan_lock_release (lock);
    }

  /* The same live process, same boot, same start time: respected. */
  write_lock (lock_file, g_get_host_name (), getppid (), NULL);
  g_assert_null (yusuan_lock_acquire (path, &error));
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "李四"));
  g_clear_error (&error);

  /* An unreadable lock: being written this instant, or long abandoned. */
  write_file (lock_file, "", 0);
  g_assert_null (yusuan_lock_acquire (path, &error));
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  {
    struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

    g_assert_cmpint (utime (lock_file, &old), ==, 0);
  }
  lock = yusuan_lock_acquire (path, &error);
  g_assert_no_error (error);
  yusuan_lock_release (lock);
}

static void
test_lock_other_host (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "shared.yusuan");
  g_autofree char *lock_file = lock_file_for (path);
  g_autoptr(GError) error = NULL;

  /* Its process cannot be seen from here: the lock is respected. */
  write_lock (lock_file, "finance-pc-2.example", 4242, NULL);
  g_assert_null (yusuan_lock_acquire (path, &error));
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "李四 (someone)"));
  g_assert_nonnull (strstr (error->message, "finance-pc-2.example"));
  g_assert_true (g_file_test (lock_file, G_FILE_TEST_EXISTS));
}

static int
holder_main (const char *path,
             const char *ready_path)
{
  g_autoptr(GError) error = NULL;
  YusuanLock *lock = yusuan_lock_acquire (path, &error);

  if (lock == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_file_set_contents (ready_path, "", 0, NULL);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
  return 0;
}

/* Another process holds the lock, then dies without releasing it. */
static void
test_lock_other_process (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "held.yusuan");
  g_autofree char *ready = fixture_path (fixture, "ready");
  g_autofree char *lock_file = lock_file_for (path);
  const char *argv[] = { self_exe, "--holder", path, ready, NULL };
  g_autoptr(GError) error = NULL;
  YusuanLock *lock;
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 5000 && !g_file_test (ready, G_FILE_TEST_EXISTS); i++)
    g_usleep (1000);
  g_assert_true (g_file_test (ready, G_FILE_TEST_EXISTS));

  g_assert_null (yusuan_lock_acquire (path, &error));
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_clear_error (&error);

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (g_file_test (lock_file, G_FILE_TEST_EXISTS));

  lock = yusuan_lock_acquire (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  yusuan_lock_release (lock);
}

/* Two processes race for one free lock many times: never both win. */
static void
test_lock_race (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "race.yusuan");

  for (int round = 0; round < 20; round++)
    {
      int pipes[2];
      pid_t pid;
      char child_won = 0;
      YusuanLock *lock;

      g_assert_cmpint (pipe (pipes), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          YusuanLock *child_lock = yusuan_lock_acquire (path, NULL);
          char won = child_lock ? 'y' : 'n';

          /* Report, then hold it until the parent has tried. */
          if (write (pipes[1], &won, 1) != 1)
            _exit (2);
          g_usleep (50000);
          _exit (0);
        }

      lock = yusuan_lock_acquire (path, NULL);
      g_assert_cmpint (read (pipes[0], &child_won, 1), ==, 1);
      g_assert_true ((lock != NULL) != (child_won == 'y'));
      waitpid (pid, NULL, 0);
      close (pipes[0]);
      close (pipes[1]);
      yusuan_lock_release (lock);
      /* The child died holding it: stale now, and taken over. */
      lock = yusuan_lock_acquire (path, NULL);
      g_assert_nonnull (lock);
      yusuan_lock_release (lock);
    }
}

/* Amounts each within bounds whose sum no table could total: refused on
 * load as damaged, the file untouched. */
static void
test_totals_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "huge.yusuan");
  g_autoptr(YusuanDocument) doc = yusuan_document_new ();
  g_autoptr(YusuanDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  YusuanLine line = { 0 };

  yusuan_document_begin_load (doc);
  yusuan_document_set_header (doc, 2023, YUSUAN_STAGE_FIRST_PROPOSAL, "103", "市人民政府办公室", NULL);
  yusuan_document_add_unit (doc, "103001", "河南省三门峡市人民政府办公室", YUSUAN_UNIT_KIND_ADMINISTRATIVE);
  g_strlcpy (line.unit, "103001", sizeof line.unit);
  g_strlcpy (line.function, "2010301", sizeof line.function);
  g_strlcpy (line.econ_dept, "30101", sizeof line.econ_dept);
  g_strlcpy (line.econ_gov, "50101", sizeof line.econ_gov);
  line.fund = YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  line.category = YUSUAN_CATEGORY_PERSONNEL;
  line.amount = YUSUAN_AMOUNT_MAX;
  for (guint i = 0; i < 100; i++)
    yusuan_document_add_line (doc, &line);
  yusuan_document_end_load (doc);

  if (!yusuan_store_save (doc, path, &error))
    {
      /* Refusing to save such a document is as good. */
      g_test_message ("save refused: %s", error->message);
      g_assert_nonnull (error);
      return;
    }
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  loaded = yusuan_store_load (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "huge.yusuan"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

int
main (int    argc,
      char **argv)
{
  /* The children of the kill and lock tests. */
  if (argc == 5 && g_strcmp0 (argv[1], "--saver") == 0)
    return saver_main (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));
  if (argc == 4 && g_strcmp0 (argv[1], "--holder") == 0)
    return holder_main (argv[2], argv[3]);

  if (argc == 3 && g_strcmp0 (argv[1], "--write-golden") == 0)
    {
      g_autoptr(YusuanDocument) doc = build_full_document ();
      g_autoptr(GError) error = NULL;

      if (!yusuan_store_save (doc, argv[2], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/core/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("round-trip-minimal", test_round_trip_minimal);
  ADD ("deterministic", test_deterministic);
  ADD ("format", test_format);
  g_test_add ("/core/store/format-v1", Fixture, GINT_TO_POINTER (1), fixture_setup, test_format_version, fixture_teardown);
  g_test_add ("/core/store/format-v2", Fixture, GINT_TO_POINTER (2), fixture_setup, test_format_version, fixture_teardown);
  ADD ("seed", test_seed);
  ADD ("load-read-only", test_load_read_only);
  ADD ("load-read-only-dir", test_load_read_only_dir);
  ADD ("save-replaces", test_save_replaces);
  ADD ("save-removes-abandoned", test_save_removes_abandoned);
  ADD ("save-refuses-foreign", test_save_refuses_foreign);
  ADD ("save-refuses-invalid", test_save_refuses_invalid);
  ADD ("not-a-document", test_not_a_document);
  ADD ("too-new", test_too_new);
  ADD ("damaged-truncated", test_damaged_truncated);
  ADD ("damaged-bytes", test_damaged_bytes);
  ADD ("damaged-rows", test_damaged_rows);
  ADD ("large", test_large);
  ADD ("totals-too-large", test_totals_too_large);
  ADD ("kill-while-saving", test_kill_while_saving);
  ADD ("lock-second-refused", test_lock_second_refused);
  ADD ("lock-stale", test_lock_stale);
  ADD ("lock-other-host", test_lock_other_host);
  ADD ("lock-other-process", test_lock_other_process);
  ADD ("lock-race", test_lock_race);
#undef ADD

  return g_test_run ();
}
