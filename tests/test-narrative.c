/* test-narrative.c - the explanation text (情况说明) against the seed's part 2, figure by figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-core.h"
#include "yusuan-narrative.h"
#include "yusuan-test-util.h"

static const char *
paragraph (GPtrArray *sections,
           guint      section,
           guint      index)
{
  YusuanNarrativeSection *s;

  g_assert_cmpuint (section, <, sections->len);
  s = g_ptr_array_index (sections, section);
  g_assert_cmpuint (index, <, s->paragraphs->len);
  return g_ptr_array_index (s->paragraphs, index);
}

/* Each figure must appear in the paragraph, in order. */
static void
assert_figures (const char        *text,
                const char *const *figures)
{
  const char *at = text;

  for (guint i = 0; figures[i] != NULL; i++)
    {
      const char *found = strstr (at, figures[i]);

      if (found == NULL)
        g_error ("“%s” not found (in order) in: %s", figures[i], text);
      at = found + strlen (figures[i]);
    }
}

#define FIGURES(...) ((const char *const[]) { __VA_ARGS__, NULL })

static void
test_seed_figures (void)
{
  g_autoptr(YusuanDocument) doc = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) part2 = yusuan_narrative_explanation (doc);
  g_autofree char *text = NULL;

  g_assert_cmpuint (part2->len, ==, 10);

  /* 一: 收入总计3337.84万元，支出总计3337.84万元 … 增加646.54万元，增长24.02% */
  assert_figures (paragraph (part2, 0, 0),
                  FIGURES ("2023", "3337.84", "3337.84", "2022", "646.54", "24.02%",
                           "人员经费按照新标准执行有所增加", "646.54", "24.02%"));
  /* 二: 收入合计3337.84万元，其中：一般公共预算3337.84万元 */
  assert_figures (paragraph (part2, 1, 0), FIGURES ("3337.84", "3337.84"));
  /* 三: 基本支出3018.04万元，占90.42%；项目支出319.80万元，占9.58% */
  assert_figures (paragraph (part2, 2, 0),
                  FIGURES ("3337.84", "3018.04", "90.42%", "319.80", "9.58%"));
  /* 四: 一般公共预算收支预算3337.84万元 … 增加646.54万元，增长24.02% */
  assert_figures (paragraph (part2, 3, 0),
                  FIGURES ("3337.84", "2022", "646.54", "24.02%", "人员经费按照新标准执行有所增加"));
  /* 五 */
  assert_figures (paragraph (part2, 4, 0),
                  FIGURES ("3337.84", "3018.04", "90.42%", "319.80", "9.58%"));
  /* 六: 人员经费支出2894.27万元，占95.90%；公用经费支出123.77万元，占4.10% */
  assert_figures (paragraph (part2, 5, 0),
                  FIGURES ("3018.04", "2894.27", "95.90%", "123.77", "4.10%"));
  /* 八: 11.50, down 2.00 by 14.81% (the seed prints 14.80%, a rounding slip) */
  assert_figures (paragraph (part2, 7, 0),
                  FIGURES ("11.50", "2022", "2.00", "14.81%", "严格执行中央八项规定"));
  g_assert_null (strstr (paragraph (part2, 7, 0), "14.80%"));
  /* （一）因公出国（境）费0万元 … 持平; （二）公务接待费1.50 … 持平 */
  assert_figures (paragraph (part2, 7, 2), FIGURES ("0.00", "2022"));
  assert_figures (paragraph (part2, 7, 3), FIGURES ("1.50", "2022"));
  /* （三）公务用车购置及运行费10万元，其中购置费0万元；运行维护费10万元 … 减少2万元，下降16.67% */
  assert_figures (paragraph (part2, 7, 4),
                  FIGURES ("10.00", "0.00", "10.00", "2022", "2.00", "16.67%", "公务用车运行及维护费"));
  /* 十（一）: 255.30, against 235.65: up 19.65 by 8.34% */
  assert_figures (paragraph (part2, 9, 1),
                  FIGURES ("2023", "255.30", "235.65", "19.65", "8.34%", "部门履职尽责任务增加"));
  /* 十（二）: 89, goods 65, works 0, services 24 */
  assert_figures (paragraph (part2, 9, 3), FIGURES ("89.00", "65.00", "0.00", "24.00"));
  /* 十（三）: 3337.84, personnel (301 + 303) and public (302 + 310) basic expenditure, 9 projects
   * 319.80, 1 of 100万 or more with 125.20.  The seed prints personnel 2762.74, the sum of two
   * rounded cells (2306.51 + 456.23); the exact sum 27627331 元 rounds once to 2762.73. */
  assert_figures (paragraph (part2, 9, 5),
                  FIGURES ("3337.84", "2762.73", "255.30", "9", "319.80", "1", "125.20"));
  g_assert_null (strstr (paragraph (part2, 9, 5), "2762.74"));
  /* 十（四）: end of 2022: 5 vehicles, 1 general, 0 special */
  assert_figures (paragraph (part2, 9, 7), FIGURES ("2022", "5", "1", "0"));

  /* Every project of the seed but one has targets, so the text says so. */
  assert_figures (paragraph (part2, 9, 5), FIGURES ("9", "8"));

  text = yusuan_narrative_to_text (part2);
  g_assert_nonnull (strstr (text, paragraph (part2, 0, 0)));
}

static void
test_placeholder_when_unexplained (void)
{
  g_autoptr(YusuanDocument) doc = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) part2 = NULL;

  yusuan_document_set_explanation (doc, "revenue-change", NULL);
  part2 = yusuan_narrative_explanation (doc);

  /* The change is still stated, and the missing reason is visible. */
  assert_figures (paragraph (part2, 0, 0), FIGURES ("646.54", "24.02%", yusuan_narrative_placeholder ()));
  g_assert_null (strstr (paragraph (part2, 0, 0), "人员经费按照新标准"));
}

static void
test_unchanged_needs_no_reason (void)
{
  g_autoptr(YusuanDocument) doc = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) part2 = NULL;
  gboolean has[YUSUAN_N_PRIOR_KEYS] = { FALSE };
  YusuanAmount prior[YUSUAN_N_PRIOR_KEYS] = { 0 };

  has[YUSUAN_PRIOR_REVENUE_TOTAL] = TRUE;
  prior[YUSUAN_PRIOR_REVENUE_TOTAL] = 3337837200;
  yusuan_document_set_prior_year (doc, TRUE, 2022, has, prior);
  yusuan_document_set_explanation (doc, "revenue-change", NULL);
  part2 = yusuan_narrative_explanation (doc);

  g_assert_null (strstr (paragraph (part2, 0, 0), yusuan_narrative_placeholder ()));
}

static void
test_glossary_and_overview (void)
{
  g_autoptr(YusuanDocument) doc = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) glossary = yusuan_narrative_glossary ();
  g_autoptr(GPtrArray) overview = yusuan_narrative_overview (doc);

  g_assert_cmpuint (glossary->len, ==, 10);
  g_assert_cmpuint (overview->len, ==, 2);
  /* The thirteen duties of the seed, then its one unit. */
  g_assert_cmpuint (((YusuanNarrativeSection *) g_ptr_array_index (overview, 0))->paragraphs->len, ==, 13);
  g_assert_nonnull (strstr (paragraph (overview, 1, 1), "河南省三门峡市人民政府办公室"));
}

/* In Chinese the sentences read as the published text does. */
static void
test_seed_sentences_zh (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(YusuanDocument) doc = yusuan_test_load_fixture ();
      g_autoptr(GPtrArray) part2 = yusuan_narrative_explanation (doc);

      g_assert_cmpstr (((YusuanNarrativeSection *) g_ptr_array_index (part2, 0))->heading, ==,
                       "一、收入支出预算总体情况说明");
      assert_figures (paragraph (part2, 0, 0),
                      FIGURES ("市人民政府办公室2023年收入总计3337.84万元，支出总计3337.84万元。",
                               "与2022年预算相比，收入增加646.54万元，增长24.02%。",
                               "主要原因：人员经费按照新标准执行有所增加。",
                               "支出增加646.54万元，增长24.02%。主要原因同上。"));
      assert_figures (paragraph (part2, 2, 0),
                      FIGURES ("其中：基本支出3018.04万元，占90.42%；项目支出319.80万元，占9.58%。"));
      assert_figures (paragraph (part2, 5, 0),
                      FIGURES ("其中：人员经费支出2894.27万元，占95.90%；公用经费支出123.77万元，占4.10%。"));
      assert_figures (paragraph (part2, 7, 0),
                      FIGURES ("“三公”经费预算为11.50万元。",
                               "2023年“三公”经费支出预算数比2022年减少2.00万元，下降14.81%。"));
      assert_figures (paragraph (part2, 7, 2), FIGURES ("（一）因公出国（境）费0.00万元", "预算数与2022年持平。"));
      assert_figures (paragraph (part2, 7, 4),
                      FIGURES ("（三）公务用车购置及运行费10.00万元，其中，公务用车购置费0.00万元；公务用车运行维护费10.00万元",
                               "预算数比2022年减少2.00万元，下降16.67%。"));
      assert_figures (paragraph (part2, 8, 0), FIGURES ("2023年无使用政府性基金预算拨款安排的支出。"));
      assert_figures (paragraph (part2, 9, 1),
                      FIGURES ("2023年机关运行经费支出预算255.30万元",
                               "与上年预算235.65万元对比增加19.65万元，增长8.34%。",
                               "主要原因：部门履职尽责任务增加。"));
      assert_figures (paragraph (part2, 9, 3),
                      FIGURES ("2023年政府采购预算安排89.00万元，其中：政府采购货物预算65.00万元、"
                               "政府采购工程预算0.00万元、政府采购服务预算24.00万元。"));
      assert_figures (paragraph (part2, 9, 7),
                      FIGURES ("2022年期末，共有车辆5台；单价50万元以上的通用设备1台（套），单位价值100万元以上专用设备0台（套）。"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  /* The Chinese run is a subprocess with its own language. */
  yusuan_test_init (&argc, &argv);

  g_test_add_func ("/core/narrative/seed-figures", test_seed_figures);
  g_test_add_func ("/core/narrative/placeholder", test_placeholder_when_unexplained);
  g_test_add_func ("/core/narrative/unchanged", test_unchanged_needs_no_reason);
  g_test_add_func ("/core/narrative/glossary-overview", test_glossary_and_overview);
  g_test_add_func ("/core/narrative/zh", test_seed_sentences_zh);

  return g_test_run ();
}
