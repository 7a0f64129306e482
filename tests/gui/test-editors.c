/* test-editors.c - the project, line, indicator and form editors driven as a user would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "yusuan-code-chooser.h"
#include "yusuan-core.h"
#include "yusuan-editor-dialog.h"
#include "yusuan-indicator-editor.h"
#include "yusuan-line-editor.h"
#include "yusuan-project-editor.h"
#include "yusuan-projects-page.h"
#include "yusuan-window.h"

#define NO_TARGETS_PROJECT "411200230000000025604"  /* 2023公车运行费用: no indicators in the seed */

/* Helpers */

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static YusuanWindow *
open_fixture (void)
{
  const char *path = g_getenv ("YUSUAN_FIXTURE");
  g_autoptr(GFile) file = NULL;
  YusuanWindow *window;
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);

  window = yusuan_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  yusuan_window_open_file (window, file);

  timeout_id = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  while (yusuan_window_is_loading (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_nonnull (yusuan_window_get_document (window));
  spin ();

  return window;
}

static void
close_window (YusuanWindow *window)
{
  YusuanDocument *document = yusuan_window_get_document (window);

  if (document != NULL)
    g_object_ref (document);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* Nothing the pages and dialogs made may keep the document alive. */
  if (document != NULL)
    g_assert_finalize_object (document);
}

static YusuanProjectsPage *
projects_page (YusuanWindow *window)
{
  GtkWidget *page;

  yusuan_window_show_page (window, "projects");
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "projects");
  page = yusuan_window_get_page_widget (window, "projects");
  g_assert_true (YUSUAN_IS_PROJECTS_PAGE (page));
  spin ();

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
  choose (self, "行政运行", "2010301");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (strstr (gtk_editable_get_text (yusuan_code_chooser_get_entry (self)), "2010301 行政运行"));
  g_assert_cmpuint (yusuan_code_chooser_get_n_matches (self), >, 1);

  /* Only items (项) are offered for a line's function: not the 款 20103. */
  yusuan_code_chooser_search (self, "政府办公厅");
  for (guint i = 0; i < yusuan_code_chooser_get_n_matches (self); i++)
    g_assert_cmpuint (strlen (yusuan_code_chooser_get_match (self, i)), ==, 7);

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
  YusuanWindow *window = open_fixture ();
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
  g_clear_error (&error);
  g_assert_cmpuint (project->lines->len, ==, n_lines);
  g_assert_nonnull (dialog);

  /* 12.5 万元: stored, the dialog closes, table 10 follows. */
  gtk_editable_set_text (yusuan_line_editor_get_amount_entry (form), "12.5");
  g_assert_true (yusuan_line_editor_is_valid (form));
  g_assert_true (yusuan_editor_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  spin ();
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

  close_window (window);
}

static void
test_indicators (void)
{
  YusuanWindow *window = open_fixture ();
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
  g_clear_error (&error);
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
  spin ();
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

  close_window (window);
}

static void
test_indicator_finding (void)
{
  YusuanWindow *window = open_fixture ();
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

  close_window (window);
}

static void
test_projects_list (void)
{
  YusuanWindow *window = open_fixture ();
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
  spin ();
  g_assert_null (yusuan_document_lookup_project (document, added));
  g_assert_false (yusuan_projects_page_is_editing (page));
  g_assert_cmpuint (yusuan_projects_page_get_n_listed (page), ==, n);

  close_window (window);
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
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  yusuan_core_init ();

  g_test_add_func ("/gui/editors/code-chooser", test_code_chooser);
  g_test_add_func ("/gui/editors/project-line", test_project_line);
  g_test_add_func ("/gui/editors/indicators", test_indicators);
  g_test_add_func ("/gui/editors/indicator-finding", test_indicator_finding);
  g_test_add_func ("/gui/editors/projects-list", test_projects_list);
  g_test_add_func ("/gui/editors/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
