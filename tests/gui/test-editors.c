/* test-editors.c - the project, line, indicator and form editors driven as a user would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "yusuan-assets-form.h"
#include "yusuan-code-chooser.h"
#include "yusuan-core.h"
#include "yusuan-editor-dialog.h"
#include "yusuan-explanations-form.h"
#include "yusuan-gui-test-util.h"
#include "yusuan-indicator-editor.h"
#include "yusuan-line-editor.h"
#include "yusuan-lines-page.h"
#include "yusuan-performance-page.h"
#include "yusuan-prior-year-form.h"
#include "yusuan-procurement-form.h"
#include "yusuan-project-editor.h"
#include "yusuan-projects-page.h"
#include "yusuan-three-public-form.h"
#include "yusuan-window.h"

#define NO_TARGETS_PROJECT "411200230000000025604"  /* 2023公车运行费用: no indicators in the seed */

/* Helpers */

static YusuanProjectsPage *
projects_page (YusuanWindow *window)
{
  GtkWidget *page;

  yusuan_window_show_page (window, "projects");
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "projects");
  page = yusuan_window_get_page_widget (window, "projects");
  g_assert_true (YUSUAN_IS_PROJECTS_PAGE (page));
  yusuan_test_spin ();

  return YUSUAN_PROJECTS_PAGE (page);
}

static const YusuanProject *
find_project (YusuanWindow *window,
              const char   *code)
{
  const YusuanProject *project = yusuan_document_find_project (yusuan_window_get_document (window), code);

  g_assert_nonnull (project);
  return project;
}

/* The findings of @rule about project @project_id. */
static guint
count_findings (YusuanChecker *checker,
                const char    *rule,
                guint          project_id)
{
  guint count = 0;

  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (g_strcmp0 (finding->rule, rule) == 0 && finding->project_id == project_id)
        count++;
    }

  return count;
}

static int
find_finding (YusuanChecker *checker,
              const char    *rule,
              guint          project_id)
{
  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (g_strcmp0 (finding->rule, rule) == 0 && finding->project_id == project_id)
        return i;
    }

  return -1;
}

/* Picks @code among the matches of what was typed, as a click would. */
static void
choose (YusuanCodeChooser *chooser,
        const char        *typed,
        const char        *code)
{
  guint n;

  yusuan_code_chooser_search (chooser, typed);
  n = yusuan_code_chooser_get_n_matches (chooser);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (yusuan_code_chooser_get_match (chooser, i), code) == 0)
      {
        yusuan_code_chooser_choose_match (chooser, i);
        g_assert_cmpstr (yusuan_code_chooser_get_code (chooser), ==, code);
        return;
      }

  g_error ("typing “%s” does not offer %s (%u matches)", typed, code, n);
}

/* Tests */

static void
test_code_chooser (void)
{
  g_autoptr(YusuanCatalog) catalog = yusuan_catalog_get_builtin ();
  GtkWidget *chooser = g_object_ref_sink (yusuan_code_chooser_new ());
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (chooser);
  guint notified = 0;

  g_signal_connect_swapped (chooser, "notify::code", G_CALLBACK (g_atomic_int_inc), &notified);
  yusuan_code_chooser_set_catalog (self, catalog);
  yusuan_code_chooser_set_classification (self, YUSUAN_CLASSIFICATION_FUNCTION, YUSUAN_CODE_LEVEL_ITEM);
  g_assert_null (yusuan_code_chooser_get_code (self));

  /* The digits of its 款 list its items first. */
  yusuan_code_chooser_search (self, "20103");
  g_assert_cmpuint (yusuan_code_chooser_get_n_matches (self), >, 0);
  g_assert_cmpstr (yusuan_code_chooser_get_match (self, 0), ==, "2010301");
  for (guint i = 0; i < yusuan_code_chooser_get_n_matches (self); i++)
    g_assert_true (g_str_has_prefix (yusuan_code_chooser_get_match (self, i), "20103"));
  g_assert_null (yusuan_code_chooser_get_code (self));

  /* Its name finds it too, among the other 款's 行政运行; nothing is chosen
   * until a match is. */
  yusuan_code_chooser_search (self, "行政运行");
  g_assert_cmpuint (yusuan_code_chooser_get_n_matches (self), >, 1);
  choose (self, "行政运行", "2010301");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (strstr (gtk_editable_get_text (yusuan_code_chooser_get_entry (self)), "2010301 行政运行"));
  g_assert_cmpuint (yusuan_code_chooser_get_n_matches (self), ==, 0);

  /* Only items (项) are offered for a line's function: not the 款 20103. */
  yusuan_code_chooser_search (self, "政府办公厅");
  for (guint i = 0; i < yusuan_code_chooser_get_n_matches (self); i++)
    g_assert_cmpuint (strlen (yusuan_code_chooser_get_match (self, i)), ==, 7);

  /* Enter takes the first match, as the keyboard does. */
  yusuan_code_chooser_search (self, "20801");
  g_signal_emit_by_name (yusuan_code_chooser_get_entry (self), "activate");
  g_assert_cmpstr (yusuan_code_chooser_get_code (self), ==, "2080101");
  g_assert_cmpuint (notified, ==, 2);
  choose (self, "行政运行", "2010301");

  /* A whole code typed and confirmed is taken as typed. */
  yusuan_code_chooser_search (self, "2080505");
  g_signal_emit_by_name (yusuan_code_chooser_get_entry (self), "activate");
  g_assert_cmpstr (yusuan_code_chooser_get_code (self), ==, "2080505");
  choose (self, "行政运行", "2010301");
  notified = 1;

  /* Nonsense finds nothing and changes nothing. */
  yusuan_code_chooser_search (self, "一百万个不存在的科目");
  g_assert_cmpuint (yusuan_code_chooser_get_n_matches (self), ==, 0);
  g_assert_cmpstr (yusuan_code_chooser_get_code (self), ==, "2010301");

  /* Economic sections. */
  yusuan_code_chooser_set_classification (self, YUSUAN_CLASSIFICATION_ECON_DEPT, YUSUAN_CODE_LEVEL_SECTION);
  choose (self, "办公费", "30201");
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (chooser);
}

static void
test_project_line (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanProjectsPage *page = projects_page (window);
  YusuanProjectEditor *editor = yusuan_projects_page_get_editor (page);
  const YusuanProject *project = find_project (window, NO_TARGETS_PROJECT);
  guint project_id = project->id;
  YusuanAmount before = yusuan_project_get_total (project);
  guint n_lines = project->lines->len;
  YusuanTable *table10 = yusuan_window_get_table (window, 10);
  int row = yusuan_table_find_row (table10, NO_TARGETS_PROJECT);
  YusuanEditorDialog *dialog;
  YusuanLineEditor *form;
  g_autoptr(GError) error = NULL;
  const YusuanLine *line;
  YusuanAmount amount = 0;

  g_assert_cmpint (row, >=, 0);
  yusuan_projects_page_show_project (page, project_id);
  g_assert_true (yusuan_projects_page_is_editing (page));
  g_assert_cmpuint (yusuan_project_editor_get_project_id (editor), ==, project_id);

  dialog = yusuan_project_editor_add_line (editor);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  form = YUSUAN_LINE_EDITOR (yusuan_editor_dialog_get_form (dialog));

  /* The function by its name, the economic code by its digits; the
   * government code follows from the correspondence for an office (机关). */
  choose (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_FUNCTION), "行政运行", "2010301");
  choose (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_ECON_DEPT), "30201", "30201");
  g_assert_cmpstr (yusuan_code_chooser_get_code (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_ECON_GOV)),
                   ==, "50201");
  g_assert_cmpint (yusuan_line_editor_get_fund (form), ==, YUSUAN_FUND_GENERAL_PUBLIC_BUDGET);

  /* No amount yet, then text that is not one: refused, nothing stored. */
  g_assert_false (yusuan_line_editor_is_valid (form));
  gtk_editable_set_text (yusuan_line_editor_get_amount_entry (form), "一百万");
  g_assert_false (yusuan_line_editor_is_valid (form));
  g_assert_nonnull (strstr (yusuan_line_editor_get_message (form), "一百万"));
  g_assert_false (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (yusuan_line_editor_get_message (form), error->message));
  g_assert_nonnull (strstr (error->message, "一百万"));
  g_clear_error (&error);
  g_assert_cmpuint (project->lines->len, ==, n_lines);
  g_assert_nonnull (dialog);

  /* 12.5 万元: stored, the dialog closes, table 10 follows. */
  gtk_editable_set_text (yusuan_line_editor_get_amount_entry (form), "12.5");
  g_assert_true (yusuan_line_editor_is_valid (form));
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  yusuan_test_spin ();
  g_assert_null (dialog);

  project = yusuan_document_lookup_project (document, project_id);
  g_assert_cmpuint (project->lines->len, ==, n_lines + 1);
  line = g_ptr_array_index (project->lines, n_lines);
  g_assert_cmpstr (line->function, ==, "2010301");
  g_assert_cmpstr (line->econ_dept, ==, "30201");
  g_assert_cmpstr (line->econ_gov, ==, "50201");
  g_assert_cmpint (line->amount, ==, 125 * YUSUAN_FEN_PER_WAN / 10);
  g_assert_cmpint (yusuan_project_get_total (project), ==, before + 125 * YUSUAN_FEN_PER_WAN / 10);
  row = yusuan_table_find_row (table10, NO_TARGETS_PROJECT);
  for (guint c = 0; c < yusuan_table_get_n_columns (table10); c++)
    if (yusuan_table_get_column (table10, c)->kind == YUSUAN_COLUMN_AMOUNT)
      {
        g_assert_true (yusuan_table_get_amount (table10, row, c, &amount));
        break;
      }
  g_assert_cmpint (amount, ==, before + 125 * YUSUAN_FEN_PER_WAN / 10);

  /* One step to undo. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  project = yusuan_document_lookup_project (document, project_id);
  g_assert_cmpuint (project->lines->len, ==, n_lines);
  g_assert_cmpint (yusuan_project_get_total (project), ==, before);

  yusuan_test_close_window (window);
}

static void
test_indicators (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  YusuanProjectsPage *page = projects_page (window);
  YusuanProjectEditor *editor = yusuan_projects_page_get_editor (page);
  guint project_id = find_project (window, NO_TARGETS_PROJECT)->id;
  guint errors = yusuan_checker_get_n_errors (checker);
  guint findings = yusuan_checker_get_n_findings (checker);
  guint badge_errors = 0, badge_warnings = 0;
  YusuanEditorDialog *dialog;
  YusuanIndicatorEditor *form;
  g_autoptr(GError) error = NULL;
  int index;

  /* The seed's document: the project has no targets at all, an error its
   * badge in the list shows. */
  g_assert_cmpuint (count_findings (checker, "project-no-targets", project_id), ==, 1);
  yusuan_projects_page_get_badges (page, project_id, &badge_errors, NULL);
  g_assert_cmpuint (badge_errors, ==, 1);

  /* Activating that finding opens the project. */
  index = find_finding (checker, "project-no-targets", project_id);
  g_assert_cmpint (index, >=, 0);
  yusuan_window_show_page (window, "findings");
  yusuan_window_activate_finding (window, index);
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "projects");
  g_assert_true (yusuan_projects_page_is_editing (page));
  g_assert_cmpuint (yusuan_project_editor_get_project_id (editor), ==, project_id);
  g_assert_cmpuint (yusuan_project_editor_get_n_findings (editor), >=, 1);

  /* An effect indicator, qualitative. */
  dialog = yusuan_project_editor_add_indicator (editor, YUSUAN_LEVEL1_EFFECT);
  form = YUSUAN_INDICATOR_EDITOR (yusuan_editor_dialog_get_form (dialog));
  g_assert_cmpint (yusuan_indicator_editor_get_level1 (form), ==, YUSUAN_LEVEL1_EFFECT);
  g_assert_false (yusuan_indicator_editor_is_valid (form));
  yusuan_indicator_editor_set_operator (form, YUSUAN_OPERATOR_QUALITATIVE);
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_LEVEL2), "社会效益指标");
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_NAME), "保障公务用车正常运行");
  g_assert_false (yusuan_indicator_editor_is_valid (form));
  g_assert_nonnull (yusuan_indicator_editor_get_message (form));
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_TEXT), "保障");
  g_assert_true (yusuan_indicator_editor_is_valid (form));
  g_assert_null (yusuan_indicator_editor_get_message (form));
  g_assert_cmpstr (yusuan_indicator_editor_get_preview (form), ==, "保障");
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);

  /* The project now lacks only an output indicator: still an error. */
  g_assert_cmpuint (count_findings (checker, "project-no-targets", project_id), ==, 0);
  g_assert_cmpuint (count_findings (checker, "project-no-effect", project_id), ==, 0);
  g_assert_cmpuint (count_findings (checker, "project-no-output", project_id), ==, 1);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, errors);

  /* An output indicator: a rate of 120% is refused as it is typed. */
  dialog = yusuan_project_editor_add_indicator (editor, YUSUAN_LEVEL1_OUTPUT);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  form = YUSUAN_INDICATOR_EDITOR (yusuan_editor_dialog_get_form (dialog));
  yusuan_indicator_editor_set_operator (form, YUSUAN_OPERATOR_GE);
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_NAME), "车辆运行保障率");
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_VALUE), "120");
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_UNIT), "%");
  g_assert_false (yusuan_indicator_editor_is_valid (form));
  g_assert_nonnull (strstr (yusuan_indicator_editor_get_message (form), "100"));
  g_assert_cmpstr (yusuan_indicator_editor_get_preview (form), ==, "≥120%");
  g_assert_false (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (yusuan_indicator_editor_get_message (form), error->message));
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);

  /* Without its name as well: two problems shown, Apply names the first. */
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_NAME), "");
  g_assert_nonnull (strchr (yusuan_indicator_editor_get_message (form), '\n'));
  g_assert_false (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (yusuan_indicator_editor_get_message (form), error->message));
  g_clear_error (&error);
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_NAME), "车辆运行保障率");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (yusuan_document_get_n_indicators (document, project_id), ==, 1);

  /* Not a number either. */
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_VALUE), "九十五");
  g_assert_false (yusuan_indicator_editor_is_valid (form));
  g_assert_nonnull (strstr (yusuan_indicator_editor_get_message (form), "九十五"));

  /* 95.0% is, and is shown as the table prints it. */
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_VALUE), "95.0");
  g_assert_true (yusuan_indicator_editor_is_valid (form));
  g_assert_cmpstr (yusuan_indicator_editor_get_preview (form), ==, "≥95%");
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  yusuan_test_spin ();
  g_assert_null (dialog);

  {
    const YusuanIndicator *indicator = yusuan_document_get_indicator (document, project_id, 1);

    g_assert_cmpint (indicator->level1, ==, YUSUAN_LEVEL1_OUTPUT);
    g_assert_cmpstr (indicator->value, ==, "95");
    g_assert_cmpstr (indicator->unit, ==, "%");
    g_assert_null (indicator->text);
  }

  /* Its error is gone: one error less, the list's badge and the project's
   * page say so; what remains are warnings (no cost, no satisfaction). */
  g_assert_cmpuint (count_findings (checker, "project-no-output", project_id), ==, 0);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, errors - 1);
  g_assert_cmpuint (yusuan_checker_get_n_findings (checker), !=, findings);
  yusuan_projects_page_get_badges (page, project_id, &badge_errors, &badge_warnings);
  g_assert_cmpuint (badge_errors, ==, 0);
  g_assert_cmpuint (badge_warnings, ==, 2);
  g_assert_cmpuint (yusuan_project_editor_get_n_findings (editor), ==, 2);
  {
    /* 预算12表 prints it. */
    YusuanTable *table12 = yusuan_window_get_table (window, 12);
    gboolean shown = FALSE;

    for (guint r = 0; r < yusuan_table_get_n_rows (table12) && !shown; r++)
      for (guint c = 0; c < yusuan_table_get_n_columns (table12) && !shown; c++)
        shown = g_strcmp0 (yusuan_table_get_text (table12, r, c), "≥95%") == 0 &&
                c > 0 && g_strcmp0 (yusuan_table_get_text (table12, r, c - 1), "车辆运行保障率") == 0;
    g_assert_true (shown);
  }

  /* Each dialog applied was one step: undo takes the output indicator back,
   * and its error with it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (yusuan_document_get_n_indicators (document, project_id), ==, 1);
  g_assert_cmpuint (count_findings (checker, "project-no-output", project_id), ==, 1);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), ==, errors);
  yusuan_projects_page_get_badges (page, project_id, &badge_errors, NULL);
  g_assert_cmpuint (badge_errors, ==, 1);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (yusuan_document_get_n_indicators (document, project_id), ==, 0);
  g_assert_cmpuint (count_findings (checker, "project-no-targets", project_id), ==, 1);
  g_assert_false (yusuan_document_get_modified (document));

  yusuan_test_close_window (window);
}

static void
test_indicator_finding (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  YusuanProjectsPage *page = projects_page (window);
  const YusuanProject *project = find_project (window, "411200230000000002814");
  YusuanIndicator values = { .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "检查次数", .op = YUSUAN_OPERATOR_GE };
  const YusuanIndicator *added;
  YusuanEditorDialog *dialog;
  YusuanIndicatorEditor *form;
  g_autoptr(GError) error = NULL;
  int index;

  /* An indicator without its value (as an import can bring): its finding
   * opens its project, where the indicator is edited. */
  added = yusuan_document_add_indicator (document, project->id, &values);
  index = find_finding (checker, "indicator-no-value", project->id);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (yusuan_checker_get_finding (checker, index)->target_id, ==, added->id);
  yusuan_projects_page_show_project (page, 0);
  yusuan_window_activate_finding (window, index);
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "projects");
  g_assert_cmpuint (yusuan_project_editor_get_project_id (yusuan_projects_page_get_editor (page)), ==, project->id);

  dialog = yusuan_project_editor_edit_indicator (yusuan_projects_page_get_editor (page), added->id);
  form = YUSUAN_INDICATOR_EDITOR (yusuan_editor_dialog_get_form (dialog));
  g_assert_cmpstr (gtk_editable_get_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_NAME)),
                   ==, "检查次数");
  g_assert_false (yusuan_indicator_editor_is_valid (form));
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_VALUE), "12");
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_UNIT), "次");
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find_finding (checker, "indicator-no-value", project->id), <, 0);

  yusuan_test_close_window (window);
}

static void
test_projects_list (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanProjectsPage *page = projects_page (window);
  guint n = yusuan_document_get_n_projects (document);
  guint added;

  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, n);

  /* Search by part of the name or of the code. */
  yusuan_projects_page_set_search (page, "公车");
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, 1);
  g_assert_cmpuint (yusuan_projects_page_get_listed (page, 0), ==, find_project (window, NO_TARGETS_PROJECT)->id);
  yusuan_projects_page_set_search (page, "25604");
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, 1);
  yusuan_projects_page_set_search (page, "没有这个项目");
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, 0);
  yusuan_projects_page_set_search (page, NULL);
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, n);

  /* A new project gets a free code like the others, and its page. */
  added = yusuan_projects_page_add_project (page);
  g_assert_cmpuint (added, !=, 0);
  g_assert_cmpuint (yusuan_document_get_n_projects (document), ==, n + 1);
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, n + 1);
  g_assert_true (yusuan_projects_page_is_editing (page));
  {
    const YusuanProject *project = yusuan_document_lookup_project (document, added);
    YusuanProjectEditor *editor = yusuan_projects_page_get_editor (page);
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (project->code, ==, "411200230000000025605");

    /* Its fields form: a code another project has is refused, a name applies. */
    gtk_editable_set_text (yusuan_project_editor_get_code_entry (editor), "411200230000000002814");
    g_assert_false (yusuan_project_editor_apply_fields (editor, &error));
    g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpstr (project->code, ==, "411200230000000025605");
    gtk_editable_set_text (yusuan_project_editor_get_code_entry (editor), "411200230000000025605");
    gtk_editable_set_text (yusuan_project_editor_get_name_entry (editor), "2023应急值守经费");
    g_assert_true (yusuan_project_editor_apply_fields (editor, &error));
    g_assert_no_error (error);
    project = yusuan_document_lookup_project (document, added);
    g_assert_cmpstr (project->name, ==, "2023应急值守经费");

    /* No lines and no targets yet: both errors, on its badge. */
    {
      guint errors = 0;

      yusuan_projects_page_get_badges (page, added, &errors, NULL);
      g_assert_cmpuint (errors, ==, 2);
    }
  }

  /* Undo the name, then the project: back to the list. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  yusuan_test_spin ();
  g_assert_null (yusuan_document_lookup_project (document, added));
  g_assert_false (yusuan_projects_page_is_editing (page));
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, n);

  yusuan_test_close_window (window);
}


static void
test_three_public (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  YusuanThreePublicForm *form;
  GtkEditable *operation;
  g_autoptr(GError) error = NULL;
  int index;

  /* The seed states 10.00 万元 for vehicle operation while its lines hold
   * 12.00: the warning opens this form, at that item. */
  index = find_finding (checker, "three-public-lines", 0);
  g_assert_cmpint (index, >=, 0);
  yusuan_window_activate_finding (window, index);
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "three-public");
  form = YUSUAN_THREE_PUBLIC_FORM (yusuan_window_get_page_widget (window, "three-public"));
  operation = yusuan_three_public_form_get_entry (form, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION);
  g_assert_cmpstr (gtk_editable_get_text (operation), ==, "10.00");
  g_assert_false (yusuan_three_public_form_is_changed (form));

  /* Text is refused, nothing stored. */
  gtk_editable_set_text (operation, "十二万");
  g_assert_false (yusuan_three_public_form_apply (form, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "十二万"));
  /* The message names the item, whose entry is marked. */
  g_assert_true (g_str_has_prefix (error->message, yusuan_three_public_label (YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (operation), "error"));
  g_clear_error (&error);
  g_assert_cmpint (yusuan_document_get_three_public (document, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION), ==,
                   10 * YUSUAN_FEN_PER_WAN);

  /* Typed in 万元, re-typed in 元 when the unit switches. */
  gtk_editable_set_text (operation, "12");
  g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit", g_variant_new_string ("yuan"));
  g_assert_cmpstr (gtk_editable_get_text (operation), ==, "120000.00");
  g_assert_cmpstr (gtk_editable_get_text (yusuan_three_public_form_get_entry (form, YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION)),
                   ==, "15000.00");
  g_assert_true (yusuan_three_public_form_is_changed (form));

  /* Applied: table 08 and the check follow. */
  g_assert_true (yusuan_three_public_form_apply (form, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yusuan_document_get_three_public (document, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION), ==,
                   12 * YUSUAN_FEN_PER_WAN);
  g_assert_cmpint (yusuan_test_table_amount (window, 8, yusuan_table_get_row (yusuan_window_get_table (window, 8), 0)->key),
                   ==, 135 * YUSUAN_FEN_PER_WAN / 10);
  g_assert_cmpint (find_finding (checker, "three-public-lines", 0), <, 0);

  /* One step back. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpint (yusuan_document_get_three_public (document, YUSUAN_THREE_PUBLIC_VEHICLE_OPERATION), ==,
                   10 * YUSUAN_FEN_PER_WAN);
  g_assert_cmpint (find_finding (checker, "three-public-lines", 0), >=, 0);
  g_assert_cmpstr (gtk_editable_get_text (operation), ==, "100000.00");
  g_assert_false (yusuan_document_get_modified (document));

  yusuan_test_close_window (window);
}

static void
test_explanations (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  YusuanExplanationsForm *form = YUSUAN_EXPLANATIONS_FORM (yusuan_test_show_page (window, "explanations"));
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = g_strdup (yusuan_document_find_explanation (document, "revenue-change"));
  int index;

  /* Revenue grew by a quarter; the seed says why. */
  g_assert_nonnull (seed);
  g_assert_false (yusuan_explanations_form_is_asked (form, "revenue-change"));

  /* Without it the check asks, above the topic's box. */
  yusuan_explanations_form_set_text (form, "revenue-change", "  ");
  g_assert_true (yusuan_explanations_form_apply (form, &error));
  g_assert_no_error (error);
  g_assert_null (yusuan_document_find_explanation (document, "revenue-change"));
  yusuan_test_spin ();
  g_assert_true (yusuan_explanations_form_is_asked (form, "revenue-change"));

  /* Its finding brings the user back here. */
  yusuan_window_show_page (window, "findings");
  for (index = 0; index < (int) yusuan_checker_get_n_findings (checker); index++)
    if (yusuan_checker_get_finding (checker, index)->target_kind == YUSUAN_TARGET_EXPLANATION &&
        g_strcmp0 (yusuan_checker_get_finding (checker, index)->subject, "revenue-change") == 0)
      break;
  g_assert_cmpint (index, <, (int) yusuan_checker_get_n_findings (checker));
  yusuan_window_activate_finding (window, index);
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "explanations");

  /* Undo puts the department's words back, and the check is content. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (yusuan_document_find_explanation (document, "revenue-change"), ==, seed);
  yusuan_test_spin ();
  g_assert_false (yusuan_explanations_form_is_asked (form, "revenue-change"));
  {
    g_autofree char *shown = yusuan_explanations_form_dup_text (form, "revenue-change");

    g_assert_cmpstr (shown, ==, seed);
  }

  /* A topic of its own, then two at once: one step. */
  yusuan_explanations_form_set_text (form, "special-transfers", "本部门无专项转移支付。");
  yusuan_explanations_form_set_text (form, "expenditure-change", "人员经费增加。");
  g_assert_true (yusuan_explanations_form_apply (form, &error));
  g_assert_cmpstr (yusuan_document_find_explanation (document, "special-transfers"), ==, "本部门无专项转移支付。");
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_null (yusuan_document_find_explanation (document, "special-transfers"));
  g_assert_null (yusuan_document_find_explanation (document, "expenditure-change"));
  g_assert_cmpstr (yusuan_explanation_topic_title ("no-such-topic"), ==, "no-such-topic");

  yusuan_test_close_window (window);
}

static void
test_prior_year_assets (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanPriorYearForm *prior = YUSUAN_PRIOR_YEAR_FORM (yusuan_test_show_page (window, "prior-year"));
  YusuanAssetsForm *assets;
  g_autoptr(GError) error = NULL;
  YusuanAmount amount = 0;
  guint64 vehicles = 0, general = 0, special = 0;

  /* The seed's 2022 figures, in 万元. */
  g_assert_cmpstr (gtk_editable_get_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_REVENUE_TOTAL)),
                   ==, "2691.30");
  g_assert_cmpstr (gtk_editable_get_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_PROCUREMENT)), ==, "");

  /* A figure the seed leaves out, stated; a wrong one refused. */
  gtk_editable_set_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_PROCUREMENT), "1.234567");
  g_assert_true (yusuan_prior_year_form_apply (prior, &error));
  g_assert_no_error (error);
  g_assert_true (yusuan_document_get_prior_figure (document, YUSUAN_PRIOR_PROCUREMENT, &amount));
  g_assert_cmpint (amount, ==, 1234567);
  gtk_editable_set_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_BASIC_EXPENDITURE), "12,,3");
  g_assert_false (yusuan_prior_year_form_apply (prior, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, yusuan_prior_key_label (YUSUAN_PRIOR_BASIC_EXPENDITURE)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_BASIC_EXPENDITURE)),
                                           "error"));
  g_clear_error (&error);
  g_assert_false (yusuan_document_get_prior_figure (document, YUSUAN_PRIOR_BASIC_EXPENDITURE, &amount));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_false (yusuan_document_get_prior_figure (document, YUSUAN_PRIOR_PROCUREMENT, &amount));
  g_assert_cmpstr (gtk_editable_get_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_BASIC_EXPENDITURE)), ==, "");

  /* Assets: counts, and not words. */
  assets = YUSUAN_ASSETS_FORM (yusuan_test_show_page (window, "assets"));
  g_assert_cmpstr (gtk_editable_get_text (yusuan_assets_form_get_entry (assets, YUSUAN_ASSET_VEHICLES)), ==, "5");
  gtk_editable_set_text (yusuan_assets_form_get_entry (assets, YUSUAN_ASSET_VEHICLES), "五");
  g_assert_false (yusuan_assets_form_apply (assets, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_clear_error (&error);
  gtk_editable_set_text (yusuan_assets_form_get_entry (assets, YUSUAN_ASSET_VEHICLES), "6");
  g_assert_true (yusuan_assets_form_apply (assets, &error));
  g_assert_true (yusuan_document_get_assets (document, &vehicles, &general, &special));
  g_assert_cmpuint (vehicles, ==, 6);
  g_assert_cmpuint (general, ==, 1);
  g_assert_cmpuint (special, ==, 0);

  yusuan_test_close_window (window);
}

static void
test_procurement (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanProcurementForm *form = YUSUAN_PROCUREMENT_FORM (yusuan_test_show_page (window, "procurement"));
  g_autoptr(GError) error = NULL;
  guint index;

  g_assert_cmpuint (yusuan_procurement_form_get_n_items (form), ==, 2);
  g_assert_false (yusuan_procurement_form_is_changed (form));

  /* A new item needs its amount; a project code must be one of the projects. */
  index = yusuan_procurement_form_add_item (form);
  g_assert_cmpuint (index, ==, 2);
  g_assert_nonnull (yusuan_procurement_form_get_message (form));
  g_assert_false (yusuan_procurement_form_apply (form, &error));
  g_clear_error (&error);
  yusuan_procurement_form_set_item (form, index, YUSUAN_PROCUREMENT_WORKS, "10", "411200230000000099999", "车库维修");
  g_assert_false (yusuan_procurement_form_apply (form, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "411200230000000099999"));
  g_clear_error (&error);
  g_assert_cmpuint (yusuan_document_get_n_procurement (document), ==, 2);

  yusuan_procurement_form_set_item (form, index, YUSUAN_PROCUREMENT_WORKS, "10", NO_TARGETS_PROJECT, " 车库维修 ");
  g_assert_null (yusuan_procurement_form_get_message (form));
  g_assert_true (yusuan_procurement_form_apply (form, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yusuan_document_get_n_procurement (document), ==, 3);
  {
    const YusuanProcurementItem *item = yusuan_document_get_procurement (document, 2);

    g_assert_cmpint (item->category, ==, YUSUAN_PROCUREMENT_WORKS);
    g_assert_cmpint (item->amount, ==, 10 * YUSUAN_FEN_PER_WAN);
    g_assert_cmpstr (item->project, ==, NO_TARGETS_PROJECT);
    g_assert_cmpstr (item->name, ==, "车库维修");
  }

  /* Removing one is part of the copy until applied; undo takes the whole list back. */
  yusuan_procurement_form_remove_item (form, 0);
  g_assert_cmpuint (yusuan_document_get_n_procurement (document), ==, 3);
  g_assert_true (yusuan_procurement_form_is_changed (form));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (yusuan_document_get_n_procurement (document), ==, 2);
  g_assert_cmpuint (yusuan_procurement_form_get_n_items (form), ==, 2);
  g_assert_false (yusuan_procurement_form_is_changed (form));

  /* What is typed stays across a unit switch, re-typed and never rounded:
   * one fen typed in 万元 is 0.01 元, and 0.000001 万元 again. */
  index = yusuan_procurement_form_add_item (form);
  yusuan_procurement_form_set_item (form, index, YUSUAN_PROCUREMENT_GOODS, "0.000001", NULL, "回形针");
  g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit", g_variant_new_string ("yuan"));
  g_assert_true (yusuan_procurement_form_is_changed (form));
  g_assert_null (yusuan_procurement_form_get_message (form));
  g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit", g_variant_new_string ("wan"));
  g_assert_true (yusuan_procurement_form_apply (form, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yusuan_document_get_procurement (document, index)->amount, ==, 1);

  yusuan_test_close_window (window);
}

static void
test_performance (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanPerformancePage *page = YUSUAN_PERFORMANCE_PAGE (yusuan_test_show_page (window, "performance"));
  YusuanEditorDialog *dialog;
  YusuanIndicatorEditor *form;
  g_autoptr(GError) error = NULL;
  guint n_indicators = yusuan_document_get_n_indicators (document, 0);
  guint index;

  /* The seed's 13 duties and 6 tasks. */
  g_assert_cmpuint (yusuan_performance_page_get_n_duties (page), ==, 13);
  g_assert_cmpuint (yusuan_performance_page_get_n_tasks (page), ==, 6);

  /* A task needs its name. */
  index = yusuan_performance_page_add_task (page, NULL, "负责做好“12345”政务热线管理工作");
  g_assert_false (yusuan_performance_page_apply (page, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID);
  g_clear_error (&error);
  yusuan_performance_page_remove_task (page, index);
  yusuan_performance_page_add_task (page, "政务热线", "负责做好“12345”政务热线管理工作");
  yusuan_performance_page_remove_duty (page, 12);
  g_assert_true (yusuan_performance_page_apply (page, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yusuan_document_get_n_tasks (document), ==, 7);
  g_assert_cmpstr (yusuan_document_get_task (document, 6)->name, ==, "政务热线");
  g_assert_cmpuint (yusuan_document_get_n_duties (document), ==, 12);

  /* Both in one step. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (yusuan_document_get_n_tasks (document), ==, 6);
  g_assert_cmpuint (yusuan_document_get_n_duties (document), ==, 13);
  g_assert_cmpuint (yusuan_performance_page_get_n_duties (page), ==, 13);

  /* A department indicator, with the department's groups. */
  dialog = yusuan_performance_page_add_indicator (page, YUSUAN_LEVEL1_INPUT_MANAGEMENT);
  form = YUSUAN_INDICATOR_EDITOR (yusuan_editor_dialog_get_form (dialog));
  g_assert_cmpint (yusuan_indicator_editor_get_level1 (form), ==, YUSUAN_LEVEL1_INPUT_MANAGEMENT);
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_LEVEL2), "预算和财务管理");
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_NAME), "预算公开及时率");
  yusuan_indicator_editor_set_operator (form, YUSUAN_OPERATOR_EQ);
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_VALUE), "100");
  gtk_editable_set_text (yusuan_indicator_editor_get_entry (form, YUSUAN_INDICATOR_FIELD_UNIT), "%");
  g_assert_cmpstr (yusuan_indicator_editor_get_preview (form), ==, "100%");
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yusuan_document_get_n_indicators (document, 0), ==, n_indicators + 1);
  {
    const YusuanIndicator *added = yusuan_document_get_indicator (document, 0, n_indicators);
    YusuanTable *table11 = yusuan_window_get_table (window, 11);
    gboolean shown = FALSE;

    g_assert_cmpint (added->level1, ==, YUSUAN_LEVEL1_INPUT_MANAGEMENT);
    g_assert_cmpstr (added->level2, ==, "预算和财务管理");
    for (guint r = 0; r < yusuan_table_get_n_rows (table11) && !shown; r++)
      for (guint c = 0; c < yusuan_table_get_n_columns (table11) && !shown; c++)
        shown = g_strcmp0 (yusuan_table_get_text (table11, r, c), "预算公开及时率") == 0;
    g_assert_true (shown);
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (yusuan_document_get_n_indicators (document, 0), ==, n_indicators);

  /* A department indicator's finding opens this page. */
  {
    YusuanIndicator values = { .level1 = YUSUAN_LEVEL1_OUTPUT, .name = (char *) "履职完成率", .op = YUSUAN_OPERATOR_GE,
                               .value = (char *) "150", .unit = (char *) "%" };
    YusuanChecker *checker = yusuan_window_get_checker (window);
    int finding = -1;

    yusuan_document_add_indicator (document, 0, &values);
    for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
      if (g_strcmp0 (yusuan_checker_get_finding (checker, i)->rule, "indicator-rate-above-100") == 0)
        finding = i;
    g_assert_cmpint (finding, >=, 0);
    g_assert_cmpuint (yusuan_checker_get_finding (checker, finding)->project_id, ==, 0);
    yusuan_window_show_page (window, "findings");
    yusuan_window_activate_finding (window, finding);
    g_assert_cmpstr (yusuan_window_get_page (window), ==, "performance");
  }

  yusuan_test_close_window (window);
}

static void
test_basic_line (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanLinesPage *page = YUSUAN_LINES_PAGE (yusuan_test_show_page (window, "lines"));
  guint n = yusuan_document_get_n_basic_lines (document);
  YusuanAmount before = yusuan_test_table_amount (window, 6, "30101/50101");
  YusuanEditorDialog *dialog;
  YusuanLineEditor *form;
  g_autoptr(GError) error = NULL;
  guint added;

  g_assert_cmpuint (yusuan_lines_page_get_n_listed (page), ==, n);
  yusuan_lines_page_set_search (page, "2080501");
  g_assert_cmpuint (yusuan_lines_page_get_n_listed (page), ==, 4);
  /* Two 30302 退休费 lines, and the 30301 离休费 one, whose government code is 50905 离退休费. */
  yusuan_lines_page_set_search (page, "退休费");
  g_assert_cmpuint (yusuan_lines_page_get_n_listed (page), ==, 3);
  yusuan_lines_page_set_search (page, NULL);

  dialog = yusuan_lines_page_add_line (page);
  form = YUSUAN_LINE_EDITOR (yusuan_editor_dialog_get_form (dialog));
  g_assert_cmpstr (yusuan_line_editor_get_unit (form), ==, "103001");
  choose (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_FUNCTION), "行政运行", "2010301");

  /* Category and government code follow the department code. */
  choose (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_ECON_DEPT), "办公费", "30201");
  g_assert_cmpstr (yusuan_code_chooser_get_code (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_ECON_GOV)), ==, "50201");
  g_assert_cmpint (yusuan_line_editor_get_category (form), ==, YUSUAN_CATEGORY_PUBLIC);
  choose (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_ECON_DEPT), "30101", "30101");
  g_assert_cmpstr (yusuan_code_chooser_get_code (yusuan_line_editor_get_chooser (form, YUSUAN_CLASSIFICATION_ECON_GOV)), ==, "50101");
  g_assert_cmpint (yusuan_line_editor_get_category (form), ==, YUSUAN_CATEGORY_PERSONNEL);

  gtk_editable_set_text (yusuan_line_editor_get_amount_entry (form), "5");
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  yusuan_test_spin ();
  g_assert_cmpuint (yusuan_document_get_n_basic_lines (document), ==, n + 1);
  g_assert_cmpint (yusuan_test_table_amount (window, 6, "30101/50101"), ==, before + 5 * YUSUAN_FEN_PER_WAN);

  /* The new line is listed and selected; removing it is a step of its own. */
  added = yusuan_document_get_basic_line (document, n)->id;
  g_assert_cmpuint (yusuan_lines_page_get_n_listed (page), ==, n + 1);
  g_assert_cmpuint (yusuan_lines_page_get_selected (page), ==, added);
  yusuan_lines_page_remove_selected (page);
  g_assert_null (yusuan_document_lookup_line (document, added));
  g_assert_cmpint (yusuan_test_table_amount (window, 6, "30101/50101"), ==, before);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_nonnull (yusuan_document_lookup_line (document, added));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_null (yusuan_document_lookup_line (document, added));
  g_assert_cmpuint (yusuan_lines_page_get_n_listed (page), ==, n);

  yusuan_test_close_window (window);
}

static void
test_read_only (void)
{
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanWindow *reader;
  YusuanProjectsPage *page;
  YusuanThreePublicForm *form;

  /* The same budget shown read-only: nothing opens to change it, nothing applies. */
  document = yusuan_document_copy (yusuan_window_get_document (window));
  yusuan_test_close_window (window);
  reader = yusuan_window_new (NULL);
  gtk_window_present (GTK_WINDOW (reader));
  yusuan_window_set_document (reader, document, NULL, TRUE);
  page = YUSUAN_PROJECTS_PAGE (yusuan_test_show_page (reader, "projects"));
  g_assert_cmpuint (yusuan_projects_page_add_project (page), ==, 0);
  yusuan_projects_page_show_project (page, find_project (reader, NO_TARGETS_PROJECT)->id);
  g_assert_null (yusuan_project_editor_add_line (yusuan_projects_page_get_editor (page)));
  g_assert_null (yusuan_project_editor_add_indicator (yusuan_projects_page_get_editor (page), YUSUAN_LEVEL1_EFFECT));
  form = YUSUAN_THREE_PUBLIC_FORM (yusuan_test_show_page (reader, "three-public"));
  gtk_editable_set_text (yusuan_three_public_form_get_entry (form, YUSUAN_THREE_PUBLIC_OFFICIAL_RECEPTION), "3");
  g_assert_false (yusuan_three_public_form_apply (form, &error));
  g_assert_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_READ_ONLY);
  g_assert_false (yusuan_document_can_undo (document));

  gtk_window_destroy (GTK_WINDOW (reader));
  yusuan_test_spin ();
}

static void
test_widgets_finalize (void)
{
  g_autoptr(YusuanCatalog) catalog = yusuan_catalog_get_builtin ();
  g_autoptr(YusuanDocument) document = yusuan_document_new ();
  GtkWidget *widget;

  widget = g_object_ref_sink (yusuan_indicator_editor_new ());
  yusuan_indicator_editor_set_target (YUSUAN_INDICATOR_EDITOR (widget), document, 0, 0, YUSUAN_LEVEL1_INPUT_MANAGEMENT);
  g_assert_cmpint (yusuan_indicator_editor_get_level1 (YUSUAN_INDICATOR_EDITOR (widget)), ==,
                   YUSUAN_LEVEL1_INPUT_MANAGEMENT);
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (yusuan_line_editor_new ());
  yusuan_line_editor_set_target (YUSUAN_LINE_EDITOR (widget), document, catalog, 0, 0, YUSUAN_DISPLAY_WAN);
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (yusuan_projects_page_new ());
  g_assert_finalize_object (widget);

  /* Pages given a document and taken it back let it go. */
  {
    GType pages[] = {
      YUSUAN_TYPE_PROJECTS_PAGE, YUSUAN_TYPE_LINES_PAGE, YUSUAN_TYPE_PERFORMANCE_PAGE,
      YUSUAN_TYPE_THREE_PUBLIC_FORM, YUSUAN_TYPE_PROCUREMENT_FORM, YUSUAN_TYPE_ASSETS_FORM,
      YUSUAN_TYPE_EXPLANATIONS_FORM, YUSUAN_TYPE_PRIOR_YEAR_FORM,
    };
    YusuanDocument *watched = yusuan_document_new ();
    YusuanChecker *checker = yusuan_checker_new (watched, catalog);

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        widget = g_object_ref_sink (g_object_new (pages[i], NULL));
        yusuan_editor_page_set_document (YUSUAN_EDITOR_PAGE (widget), watched, catalog, checker, FALSE);
        yusuan_editor_page_set_display_unit (YUSUAN_EDITOR_PAGE (widget), YUSUAN_DISPLAY_YUAN);
        g_assert_finalize_object (widget);
      }
    g_assert_finalize_object (checker);
    g_assert_finalize_object (watched);
  }
}

int
main (int    argc,
      char **argv)
{
  yusuan_test_init_gui (&argc, &argv);

  g_test_add_func ("/gui/editors/code-chooser", test_code_chooser);
  g_test_add_func ("/gui/editors/project-line", test_project_line);
  g_test_add_func ("/gui/editors/indicators", test_indicators);
  g_test_add_func ("/gui/editors/indicator-finding", test_indicator_finding);
  g_test_add_func ("/gui/editors/projects-list", test_projects_list);
  g_test_add_func ("/gui/editors/three-public", test_three_public);
  g_test_add_func ("/gui/editors/explanations", test_explanations);
  g_test_add_func ("/gui/editors/prior-year-assets", test_prior_year_assets);
  g_test_add_func ("/gui/editors/procurement", test_procurement);
  g_test_add_func ("/gui/editors/performance", test_performance);
  g_test_add_func ("/gui/editors/basic-line", test_basic_line);
  g_test_add_func ("/gui/editors/read-only", test_read_only);
  g_test_add_func ("/gui/editors/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
