/* test-document.c - the document model: edits, change notifications, undo and redo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-core.h"
#include "yusuan-document.h"

typedef struct
{
  GArray *kinds;  /* YusuanChangeKind */
  YusuanAmount last_old_amount;
  YusuanAmount last_new_amount;
} Recorder;

static void
record_cb (YusuanDocument *document,
           YusuanChange   *change,
           Recorder       *recorder)
{
  g_array_append_val (recorder->kinds, change->kind);
  if (change->kind == YUSUAN_CHANGE_LINE_CHANGED)
    {
      recorder->last_old_amount = change->old_line->amount;
      recorder->last_new_amount = change->line->amount;
    }
}

static YusuanDocument *
small_document (void)
{
  YusuanDocument *doc = yusuan_document_new ();
  YusuanLine line = { 0 };
  const YusuanProject *project;

  yusuan_document_begin_load (doc);
  yusuan_document_set_header (doc, 2023, YUSUAN_STAGE_FIRST_PROPOSAL, "103", "市人民政府办公室", "411200");
  yusuan_document_add_unit (doc, "103001", "河南省三门峡市人民政府办公室", YUSUAN_UNIT_KIND_ADMINISTRATIVE);
  yusuan_document_add_revenue (doc, "103001", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET, 100000000);

  g_strlcpy (line.unit, "103001", sizeof line.unit);
  g_strlcpy (line.function, "2010301", sizeof line.function);
  g_strlcpy (line.econ_dept, "30101", sizeof line.econ_dept);
  g_strlcpy (line.econ_gov, "50101", sizeof line.econ_gov);
  line.fund = YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  line.category = YUSUAN_CATEGORY_PERSONNEL;
  line.amount = 60000000;
  yusuan_document_add_line (doc, &line);

  project = yusuan_document_add_project (doc, "411200230000000002814", "2023派驻纪检组经费",
                                         "103001", YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);
  line.project_id = project->id;
  g_strlcpy (line.econ_dept, "30201", sizeof line.econ_dept);
  g_strlcpy (line.econ_gov, "50502", sizeof line.econ_gov);
  line.amount = 40000000;
  yusuan_document_add_line (doc, &line);
  yusuan_document_end_load (doc);

  return doc;
}

static void
test_load_is_not_an_edit (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();

  g_assert_false (yusuan_document_get_modified (doc));
  g_assert_false (yusuan_document_can_undo (doc));
  g_assert_cmpuint (yusuan_document_get_n_lines (doc), ==, 2);
  g_assert_cmpuint (yusuan_document_get_n_basic_lines (doc), ==, 1);
  g_assert_cmpint (yusuan_project_get_total (yusuan_document_get_project (doc, 0)), ==, 40000000);
  /* A project line takes its project's unit. */
  g_assert_cmpstr (((const YusuanLine *) g_ptr_array_index (yusuan_document_get_project (doc, 0)->lines, 0))->unit,
                   ==, "103001");
}

static void
test_edit_undo_redo (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanLine *line = yusuan_document_get_basic_line (doc, 0);
  guint id = line->id;
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (YusuanChangeKind)) };

  g_signal_connect (doc, "changed", G_CALLBACK (record_cb), &rec);

  yusuan_document_set_line_amount (doc, id, 61000000);
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 61000000);
  g_assert_true (yusuan_document_get_modified (doc));
  g_assert_true (yusuan_document_can_undo (doc));
  g_assert_cmpuint (rec.kinds->len, ==, 1);
  g_assert_cmpint (g_array_index (rec.kinds, YusuanChangeKind, 0), ==, YUSUAN_CHANGE_LINE_CHANGED);
  g_assert_cmpint (rec.last_old_amount, ==, 60000000);
  g_assert_cmpint (rec.last_new_amount, ==, 61000000);

  g_assert_true (yusuan_document_undo (doc));
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 60000000);
  g_assert_false (yusuan_document_get_modified (doc));
  g_assert_true (yusuan_document_can_redo (doc));
  /* Undo announces the change like an edit, so views and rules follow it. */
  g_assert_cmpuint (rec.kinds->len, ==, 2);
  g_assert_cmpint (rec.last_old_amount, ==, 61000000);
  g_assert_cmpint (rec.last_new_amount, ==, 60000000);

  g_assert_true (yusuan_document_redo (doc));
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 61000000);
  g_assert_true (yusuan_document_get_modified (doc));

  /* Saving here, then undoing, makes the document differ from the file again. */
  yusuan_document_mark_saved (doc);
  g_assert_false (yusuan_document_get_modified (doc));
  yusuan_document_undo (doc);
  g_assert_true (yusuan_document_get_modified (doc));
  yusuan_document_redo (doc);
  g_assert_false (yusuan_document_get_modified (doc));

  g_array_unref (rec.kinds);
}

static void
test_group_is_one_step (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanLine *basic = yusuan_document_get_basic_line (doc, 0);
  guint id = basic->id;
  YusuanLine added;

  yusuan_document_begin_group (doc, "Paste");
  yusuan_document_set_line_amount (doc, id, 1);
  added = *basic;
  added.amount = 5;
  yusuan_document_add_line (doc, &added);
  yusuan_document_end_group (doc);

  g_assert_cmpuint (yusuan_document_get_n_lines (doc), ==, 3);
  g_assert_cmpstr (yusuan_document_get_undo_label (doc), ==, "Paste");
  g_assert_true (yusuan_document_undo (doc));
  g_assert_cmpuint (yusuan_document_get_n_lines (doc), ==, 2);
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 60000000);
  g_assert_false (yusuan_document_can_undo (doc));
}

/* A group refused half way is taken back as if it had not been begun: the
 * figures, and what could be undone or redone before. */
static void
test_group_cancelled (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanLine *basic = yusuan_document_get_basic_line (doc, 0);
  guint id = basic->id;
  YusuanLine added;

  yusuan_document_set_line_amount (doc, id, 7);
  yusuan_document_set_line_amount (doc, id, 8);
  g_assert_true (yusuan_document_undo (doc));
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 7);

  yusuan_document_begin_group (doc, "Paste");
  yusuan_document_set_line_amount (doc, id, 1);
  added = *yusuan_document_lookup_line (doc, id);
  added.amount = 5;
  yusuan_document_add_line (doc, &added);
  yusuan_document_cancel_group (doc);

  g_assert_cmpuint (yusuan_document_get_n_lines (doc), ==, 2);
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 7);
  g_assert_cmpstr (yusuan_document_get_undo_label (doc), !=, "Paste");
  g_assert_true (yusuan_document_can_redo (doc));
  g_assert_true (yusuan_document_redo (doc));
  g_assert_cmpint (yusuan_document_lookup_line (doc, id)->amount, ==, 8);
}

static void
test_remove_project_and_undo (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanProject *project = yusuan_document_get_project (doc, 0);
  guint project_id = project->id;
  guint line_id = ((const YusuanLine *) g_ptr_array_index (project->lines, 0))->id;
  YusuanIndicator indicator = { .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "纪检工作开展次数",
                                .op = YUSUAN_OPERATOR_GE, .value = (char *) "50", .unit = (char *) "次" };
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (YusuanChangeKind)) };

  g_assert_cmpstr (yusuan_document_lookup_indicator (doc, project_id,
                                                     yusuan_document_add_indicator (doc, project_id, &indicator)->id)->name,
                   ==, "纪检工作开展次数");
  g_assert_null (yusuan_document_lookup_indicator (doc, 0, project_id));
  g_signal_connect (doc, "changed", G_CALLBACK (record_cb), &rec);

  yusuan_document_remove_project (doc, project_id);
  g_assert_cmpuint (yusuan_document_get_n_projects (doc), ==, 0);
  g_assert_cmpuint (yusuan_document_get_n_lines (doc), ==, 1);
  g_assert_null (yusuan_document_lookup_line (doc, line_id));
  /* Its lines go first, then the project. */
  g_assert_cmpint (g_array_index (rec.kinds, YusuanChangeKind, 0), ==, YUSUAN_CHANGE_LINE_REMOVED);
  g_assert_cmpint (g_array_index (rec.kinds, YusuanChangeKind, 1), ==, YUSUAN_CHANGE_PROJECT_REMOVED);

  yusuan_document_undo (doc);
  project = yusuan_document_lookup_project (doc, project_id);
  g_assert_nonnull (project);
  g_assert_cmpstr (project->code, ==, "411200230000000002814");
  g_assert_cmpuint (project->lines->len, ==, 1);
  g_assert_cmpuint (project->indicators->len, ==, 1);
  g_assert_nonnull (yusuan_document_lookup_line (doc, line_id));
  g_assert_cmpint (yusuan_project_get_total (project), ==, 40000000);

  g_array_unref (rec.kinds);
}

static void
test_project_unit_follows (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanProject *project = yusuan_document_get_project (doc, 0);
  const YusuanLine *line = g_ptr_array_index (project->lines, 0);

  yusuan_document_add_unit (doc, "103002", "三门峡市人民政府网站", YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION);
  yusuan_document_set_project (doc, project->id, project->code, project->name, "103002",
                               project->kind, NULL);
  g_assert_cmpstr (line->unit, ==, "103002");
  yusuan_document_undo (doc);
  g_assert_cmpstr (line->unit, ==, "103001");
}

static void
test_sections (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  YusuanAmount three[YUSUAN_N_THREE_PUBLIC] = { 0, 0, 10000000, 1500000 };
  YusuanProcurementItem items[] = {
    { YUSUAN_PROCUREMENT_GOODS, 65000000, NULL, (char *) "办公设备" },
  };
  const char *duties[] = { "负责做好市政府会议的组织工作。" };
  YusuanTask tasks[] = { { (char *) "会议培训", (char *) "负责做好市政府会议、培训的组织工作" } };
  gboolean has[YUSUAN_N_PRIOR_KEYS] = { [YUSUAN_PRIOR_REVENUE_TOTAL] = TRUE };
  YusuanAmount prior[YUSUAN_N_PRIOR_KEYS] = { [YUSUAN_PRIOR_REVENUE_TOTAL] = 2691300000 };
  YusuanAmount amount = 0;
  guint64 vehicles = 0;

  yusuan_document_set_three_public (doc, three);
  g_assert_true (yusuan_document_has_three_public (doc));
  g_assert_cmpint (yusuan_document_get_three_public (doc, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION), ==, 10000000);

  yusuan_document_set_procurement (doc, items, G_N_ELEMENTS (items));
  g_assert_cmpuint (yusuan_document_get_n_procurement (doc), ==, 1);
  g_assert_null (yusuan_document_get_procurement (doc, 0)->project);

  yusuan_document_set_assets (doc, TRUE, 5, 1, 0);
  g_assert_true (yusuan_document_get_assets (doc, &vehicles, NULL, NULL));
  g_assert_cmpuint (vehicles, ==, 5);

  yusuan_document_set_performance (doc, TRUE, duties, 1, tasks, 1);
  g_assert_cmpstr (yusuan_document_get_task (doc, 0)->name, ==, "会议培训");

  yusuan_document_set_explanation (doc, "revenue-change", "人员经费按照新标准执行有所增加。");
  g_assert_cmpstr (yusuan_document_find_explanation (doc, "revenue-change"), ==, "人员经费按照新标准执行有所增加。");

  yusuan_document_set_prior_year (doc, TRUE, 2022, has, prior);
  g_assert_true (yusuan_document_get_prior_figure (doc, YUSUAN_PRIOR_REVENUE_TOTAL, &amount));
  g_assert_cmpint (amount, ==, 2691300000);
  g_assert_false (yusuan_document_get_prior_figure (doc, YUSUAN_PRIOR_PROCUREMENT, NULL));

  /* Six steps, each undone in turn back to the loaded state. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (yusuan_document_undo (doc));
  g_assert_false (yusuan_document_can_undo (doc));
  g_assert_false (yusuan_document_has_three_public (doc));
  g_assert_cmpuint (yusuan_document_get_n_procurement (doc), ==, 0);
  g_assert_false (yusuan_document_get_assets (doc, NULL, NULL, NULL));
  g_assert_false (yusuan_document_has_performance (doc));
  g_assert_null (yusuan_document_find_explanation (doc, "revenue-change"));
  g_assert_false (yusuan_document_has_prior_year (doc));
  g_assert_false (yusuan_document_get_modified (doc));
}

static void
test_copy (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  g_autoptr(YusuanDocument) copy = yusuan_document_copy (doc);
  const YusuanLine *line = yusuan_document_get_basic_line (copy, 0);

  g_assert_cmpuint (yusuan_document_get_n_lines (copy), ==, 2);
  g_assert_cmpstr (yusuan_document_get_department_name (copy), ==, "市人民政府办公室");
  yusuan_document_set_line_amount (copy, line->id, 1);
  /* The original is untouched. */
  g_assert_cmpint (yusuan_document_get_basic_line (doc, 0)->amount, ==, 60000000);
  g_assert_nonnull (yusuan_document_lookup_line (copy, ((const YusuanLine *) g_ptr_array_index (yusuan_document_get_project (copy, 0)->lines, 0))->id));
}

static void
test_decimal (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "95", "95" }, { "95.0", "95" }, { "24.60", "24.6" }, { "0.5", "0.5" }, { ".5", "0.5" },
    { "007", "7" }, { "0", "0" }, { "-0", "0" }, { "44318.04", "44318.04" }, { " 100 ", "100" },
    { "-1.2500", "-1.25" }, { "5.", "5" },
  };
  const char *bad[] = { "", "abc", "1.23456", "1e5", "≥95", "95%", "1234567890123456789", "--1", "." };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *n = yusuan_decimal_normalize (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (n, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *n = yusuan_decimal_normalize (bad[i], &error);

      g_assert_null (n);
      g_assert_error (error, YUSUAN_DECIMAL_ERROR, 0);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }

  /* Bytes that are not UTF-8 are refused in a message that is. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *n = yusuan_decimal_normalize ("\xff\xff" "0.5", &error);

    g_assert_null (n);
    g_assert_error (error, YUSUAN_DECIMAL_ERROR, 0);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_assert_nonnull (strstr (error->message, "0.5"));
  }

  g_assert_cmpint (yusuan_decimal_compare ("100", "95"), >, 0);
  g_assert_cmpint (yusuan_decimal_compare ("100.5", "100.25"), >, 0);
  g_assert_cmpint (yusuan_decimal_compare ("100", "100"), ==, 0);
  g_assert_cmpint (yusuan_decimal_compare ("-2", "1"), <, 0);
  g_assert_cmpint (yusuan_decimal_compare ("-2", "-10"), >, 0);
  g_assert_cmpint (yusuan_decimal_compare ("0.5", "0.45"), >, 0);
}

static void
test_totals_fit (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanLine *line = yusuan_document_get_basic_line (doc, 0);
  g_autoptr(GError) error = NULL;
  YusuanLine big = *line;

  g_assert_true (yusuan_document_check_totals (doc, NULL));
  g_assert_true (yusuan_document_check_amount_change (doc, FALSE, line->amount, YUSUAN_AMOUNT_MAX, NULL));
  g_assert_false (yusuan_document_check_amount_change (doc, FALSE, 0, -1, &error));
  g_assert_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Enough lines of the largest amount to pass what a gint64 totals. */
  big.amount = YUSUAN_AMOUNT_MAX;
  for (guint i = 0; i < 100; i++)
    {
      if (!yusuan_document_check_amount_change (doc, FALSE, 0, big.amount, &error))
        break;
      yusuan_document_add_line (doc, &big);
    }
  g_assert_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "92,233,720,368,547,758.07"));
  g_clear_error (&error);
  g_assert_true (yusuan_document_check_totals (doc, NULL));

  /* A loader that skips the guard is caught by the recount. */
  yusuan_document_begin_load (doc);
  yusuan_document_add_line (doc, &big);
  yusuan_document_add_line (doc, &big);
  g_assert_false (yusuan_document_check_totals (doc, &error));
  g_assert_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_TOO_LARGE);
  yusuan_document_end_load (doc);
}

static void
test_find_by_code (void)
{
  g_autoptr(YusuanDocument) doc = small_document ();
  const YusuanUnit *unit = yusuan_document_find_unit (doc, "103001");
  const YusuanProject *first = yusuan_document_get_project (doc, 0);
  const YusuanProject *twin;

  g_assert_nonnull (unit);
  yusuan_document_set_unit (doc, unit->id, "103009", unit->name, unit->kind);
  g_assert_null (yusuan_document_find_unit (doc, "103001"));
  g_assert_true (yusuan_document_find_unit (doc, "103009") == unit);

  /* A repeated project code finds the first; removing it finds the other. */
  twin = yusuan_document_add_project (doc, first->code, "重复", "103009", YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
  g_assert_true (yusuan_document_find_project (doc, first->code) == first);
  yusuan_document_remove_project (doc, first->id);
  g_assert_true (yusuan_document_find_project (doc, twin->code) == twin);
  yusuan_document_undo (doc);
  g_assert_cmpstr (yusuan_document_find_project (doc, twin->code)->name, ==, "2023派驻纪检组经费");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  yusuan_core_init ();

  g_test_add_func ("/core/document/load", test_load_is_not_an_edit);
  g_test_add_func ("/core/document/undo-redo", test_edit_undo_redo);
  g_test_add_func ("/core/document/group", test_group_is_one_step);
  g_test_add_func ("/core/document/group-cancelled", test_group_cancelled);
  g_test_add_func ("/core/document/remove-project", test_remove_project_and_undo);
  g_test_add_func ("/core/document/project-unit", test_project_unit_follows);
  g_test_add_func ("/core/document/sections", test_sections);
  g_test_add_func ("/core/document/copy", test_copy);
  g_test_add_func ("/core/document/decimal", test_decimal);
  g_test_add_func ("/core/document/totals", test_totals_fit);
  g_test_add_func ("/core/document/find-by-code", test_find_by_code);

  return g_test_run ();
}
