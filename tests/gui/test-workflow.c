/* test-workflow.c - the yearly round in the editor: units' submissions gathered (汇总), next year's budget started
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "yusuan-core.h"
#include "yusuan-prior-year-form.h"
#include "yusuan-table-view.h"
#include "yusuan-window.h"

/* The fixture's department has one unit, 103001, and nine projects whose
 * codes begin so; a unit's submission is made from it. */
#define FIXTURE_UNIT "103001"
#define FIXTURE_PROJECTS "4112002300000000"

typedef gboolean (*Condition) (gpointer data);

/* Each test's window, the budget it shows and the files it writes. */
typedef struct
{
  YusuanWindow   *window;
  YusuanDocument *budget;  /* held, to see it freed with the window */
  char           *dir;
} Fixture;

/* Helpers */

static void
flush_main_loop (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
time_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds (a minute at most). */
static void
wait_until (Condition condition,
            gpointer  data)
{
  gboolean time_up = FALSE;
  guint id = g_timeout_add_seconds (60, time_up_cb, &time_up);

  while (!condition (data) && !time_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (time_up);
  g_source_remove (id);
  flush_main_loop ();
}

static gboolean
has_document (gpointer data)
{
  return !yusuan_window_is_loading (data) && yusuan_window_get_document (data) != NULL;
}

static gboolean
can_undo (gpointer data)
{
  return yusuan_document_can_undo (yusuan_window_get_document (data));
}

static gboolean
is_dialog_over (GtkWindow *toplevel,
                gpointer   parent)
{
  return ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent;
}

static gboolean
is_other_window (GtkWindow *toplevel,
                 gpointer   window)
{
  return YUSUAN_IS_WINDOW (toplevel) && toplevel != window;
}

/* The first toplevel on screen that @match takes, or NULL. */
static GtkWindow *
find_toplevel (gboolean (*match) (GtkWindow *toplevel, gpointer data),
               gpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      /* The list keeps its own reference. */
      if (gtk_widget_get_visible (GTK_WIDGET (toplevel)) && match (toplevel, data))
        return toplevel;
    }

  return NULL;
}

static AdwMessageDialog *
dialog_over (YusuanWindow *window)
{
  return ADW_MESSAGE_DIALOG (find_toplevel (is_dialog_over, window));
}

static gboolean
has_dialog (gpointer window)
{
  return find_toplevel (is_dialog_over, window) != NULL;
}

static void
repaint (YusuanWindow *window)
{
  gtk_widget_queue_draw (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  flush_main_loop ();
}

static void
set_up_empty (Fixture       *f,
              gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("yusuan-workflow-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->window = yusuan_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
}

/* A window on the fixture, the seed's 2023 budget, opened as a user opens it. */
static void
set_up_fixture (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) fixture = g_file_new_for_path (g_getenv ("YUSUAN_FIXTURE"));

  set_up_empty (f, data);
  yusuan_window_open_file (f->window, fixture);
  wait_until (has_document, f->window);
  f->budget = g_object_ref (yusuan_window_get_document (f->window));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  /* The budget shown last, whichever it is, goes with the window. */
  if (yusuan_window_get_document (f->window) != f->budget)
    g_set_object (&f->budget, yusuan_window_get_document (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_main_loop ();
  if (f->budget != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->budget));

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

/* Unit @unit's submission, written into the test's folder: the fixture's
 * unit under another code, its projects under codes beginning @projects
 * (NULL: the fixture's own, which are 103001's). */
static GFile *
write_unit (Fixture    *f,
            const char *unit,
            const char *projects)
{
  g_autoptr(GFile) fixture = g_file_new_for_path (g_getenv ("YUSUAN_FIXTURE"));
  g_autofree char *name = g_strdup_printf ("unit-%s%s.xml", unit, projects ? "" : "-clash");
  GFile *file = g_file_new_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) xml = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_load_contents (fixture, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  xml = g_string_new_len (contents, length);
  g_assert_cmpuint (g_string_replace (xml, FIXTURE_UNIT, unit, 0), >, 0);
  if (projects != NULL)
    g_assert_cmpuint (g_string_replace (xml, FIXTURE_PROJECTS, projects, 0), ==, 9);
  g_assert_true (g_file_replace_contents (file, xml->str, xml->len, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);

  return file;
}

/* Whether a label under @widget reads @text: what the user sees. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The text table 02 shows in column @column_id of unit @unit's row, or NULL
 * when it has no such row. */
static const char *
table02_text (YusuanWindow *window,
              const char   *unit,
              const char   *column_id)
{
  YusuanTableView *view = yusuan_window_get_table_view (window, 2);
  YusuanTable *table = yusuan_table_view_get_table (view);
  int row = yusuan_table_find_row (table, unit);
  guint column = 0;

  yusuan_window_show_page (window, "table-2");
  if (row < 0)
    return NULL;
  while (g_strcmp0 (yusuan_table_get_column (table, column)->id, column_id) != 0)
    column++;
  yusuan_table_view_set_cursor (view, row, column, FALSE);
  repaint (window);

  return yusuan_table_view_peek_cell_text (view, row, column);
}

/* Tests */

static void
test_consolidate_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) unit = write_unit (f, "103002", "4112002399999999");
  YusuanWindow *window = f->window;
  YusuanDocument *budget = f->budget;
  guint errors = yusuan_checker_get_n_errors (yusuan_window_get_checker (window));

  /* The seed's department alone, 3,337.84 万元. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "consolidate"));
  g_assert_null (table02_text (window, "103002", "code"));
  g_assert_cmpstr (table02_text (window, "total", "total"), ==, "3,337.84");
  yusuan_window_show_page (window, "table-1");

  /* As the menu's Consolidate Unit Submissions… does once the file is chosen. */
  yusuan_window_consolidate (window, &unit, 1);
  wait_until (can_undo, window);
  repaint (window);

  /* 预算02表 is shown with both units and twice the total; the toast says so
   * and offers to undo it. */
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "table-2");
  g_assert_true (shows_label (GTK_WIDGET (window), "Gathered 1 unit"));
  g_assert_cmpstr (table02_text (window, "103001", "code"), ==, "103001");
  g_assert_cmpstr (table02_text (window, "103002", "code"), ==, "103002");
  g_assert_cmpstr (table02_text (window, "103002", "total"), ==, "3,337.84");
  g_assert_cmpstr (table02_text (window, "total", "total"), ==, "6,675.67");
  g_assert_cmpuint (yusuan_document_get_n_units (budget), ==, 2);
  g_assert_cmpuint (yusuan_document_get_n_projects (budget), ==, 18);
  g_assert_true (yusuan_document_get_modified (budget));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_cmpstr (yusuan_document_get_undo_label (budget), ==, "Consolidate a unit’s submission");
  /* The checks follow: the gathered unit brings its project without targets too. */
  g_assert_cmpuint (yusuan_checker_get_n_errors (yusuan_window_get_checker (window)), >, errors);

  /* Undo takes the unit away again, the budget as it was. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  flush_main_loop ();
  g_assert_null (table02_text (window, "103002", "code"));
  g_assert_cmpstr (table02_text (window, "total", "total"), ==, "3,337.84");
  g_assert_cmpuint (yusuan_document_get_n_units (budget), ==, 1);
  g_assert_false (yusuan_document_get_modified (budget));
  g_assert_cmpuint (yusuan_checker_get_n_errors (yusuan_window_get_checker (window)), ==, errors);

  /* Read-only, nothing can be gathered into it. */
  yusuan_window_set_document (window, budget, NULL, TRUE);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "consolidate"));
}

static void
test_consolidate_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) clash = write_unit (f, "103002", NULL);
  AdwMessageDialog *dialog;

  /* Only the unit code changed: its projects are 103001's codes. Said,
   * naming the file and the project, and nothing changes. */
  yusuan_window_consolidate (f->window, &clash, 1);
  wait_until (has_dialog, f->window);
  dialog = dialog_over (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Gather “unit-103002-clash.xml”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "411200230000000002814"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "103001"));
  g_assert_false (yusuan_document_get_modified (f->budget));
  g_assert_false (yusuan_document_can_undo (f->budget));
  g_assert_cmpuint (yusuan_document_get_n_units (f->budget), ==, 1);
  g_assert_null (table02_text (f->window, "103002", "code"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Its own file is not a unit's submission. */
  {
    g_autoptr(GFile) own = g_file_new_build_filename (f->dir, "department.yusuan", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (yusuan_window_save_to (f->window, own, &error));
    g_assert_no_error (error);
    yusuan_window_consolidate (f->window, &own, 1);
    dialog = dialog_over (f->window);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     "The department’s budget cannot be gathered into itself");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_false (yusuan_document_can_undo (f->budget));
  }
}

static void
test_consolidate_several (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) first = write_unit (f, "103002", "4112002399999999");
  g_autoptr(GFile) clash = write_unit (f, "103003", NULL);
  g_autoptr(GFile) third = write_unit (f, "103004", "4112002388888888");
  GFile *refused[] = { first, clash, third };
  GFile *good[] = { first, third };
  AdwMessageDialog *dialog;

  /* All or nothing: the second is refused, so the first is not gathered
   * either, and there is nothing to undo or redo. */
  yusuan_window_consolidate (f->window, refused, G_N_ELEMENTS (refused));
  wait_until (has_dialog, f->window);
  dialog = dialog_over (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Gather “unit-103003-clash.xml”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "None of the files was gathered"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (yusuan_document_get_n_units (f->budget), ==, 1);
  g_assert_false (yusuan_document_can_undo (f->budget));
  g_assert_false (yusuan_document_can_redo (f->budget));
  g_assert_false (yusuan_document_get_modified (f->budget));

  /* Two good ones: gathered as one step, undone as one. */
  yusuan_window_consolidate (f->window, good, G_N_ELEMENTS (good));
  wait_until (can_undo, f->window);
  g_assert_cmpstr (table02_text (f->window, "103002", "code"), ==, "103002");
  g_assert_cmpstr (table02_text (f->window, "103004", "code"), ==, "103004");
  g_assert_cmpstr (table02_text (f->window, "total", "total"), ==, "10,013.51");
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Gathered 2 units"));
  g_assert_cmpstr (yusuan_document_get_undo_label (f->budget), ==, "Consolidate units’ submissions");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  flush_main_loop ();
  g_assert_cmpuint (yusuan_document_get_n_units (f->budget), ==, 1);
  g_assert_null (table02_text (f->window, "103002", "code"));
  g_assert_null (table02_text (f->window, "103004", "code"));
  g_assert_false (yusuan_document_can_undo (f->budget));
}

/* What a user sees of next year's budget in @next, made from the fixture. */
static void
assert_next_year (YusuanWindow *next)
{
  YusuanDocument *budget = yusuan_window_get_document (next);
  YusuanPriorYearForm *prior;

  g_assert_nonnull (budget);
  g_assert_cmpint (yusuan_document_get_fiscal_year (budget), ==, 2024);
  g_assert_cmpint (yusuan_document_get_stage (budget), ==, YUSUAN_STAGE_FIRST_PROPOSAL);
  g_assert_cmpstr (yusuan_document_get_department_name (budget), ==, "市人民政府办公室");

  /* New and not saved: no file, the title marks it, the toast says what it is. */
  g_assert_null (yusuan_window_get_file (next));
  g_assert_false (yusuan_window_is_read_only (next));
  g_assert_true (yusuan_document_get_modified (budget));
  g_assert_false (yusuan_document_can_undo (budget));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (next)), ==, "• 市人民政府办公室 2024 Budget");
  g_assert_true (shows_label (GTK_WIDGET (next), "Not saved yet"));
  g_assert_true (shows_label (GTK_WIDGET (next), "2024 budget started from the 2023 budget: first proposal (一上)"));

  /* Its tables are 2024's; its prior-year figures are 2023's totals, in 万元. */
  yusuan_window_show_page (next, "table-1");
  repaint (next);
  g_assert_true (shows_label (GTK_WIDGET (next), "2024 Department Revenue and Expenditure Overview"));
  yusuan_window_show_page (next, "prior-year");
  repaint (next);
  prior = YUSUAN_PRIOR_YEAR_FORM (yusuan_window_get_page_widget (next, "prior-year"));
  g_assert_cmpstr (gtk_editable_get_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_REVENUE_TOTAL)),
                   ==, "3337.84");
  g_assert_cmpstr (gtk_editable_get_text (yusuan_prior_year_form_get_entry (prior, YUSUAN_PRIOR_EXPENDITURE_TOTAL)),
                   ==, "3337.84");
  g_assert_cmpint (yusuan_document_get_prior_fiscal_year (budget), ==, 2023);
}

static void
test_next_year (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "next.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YusuanDocument *next_budget;
  YusuanWindow *next;
  AdwMessageDialog *dialog;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "new-next-year"));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-next-year", NULL);
  flush_main_loop ();

  /* A window of its own; this year's budget stays as it was. */
  next = YUSUAN_WINDOW (find_toplevel (is_other_window, f->window));
  g_assert_nonnull (next);
  repaint (next);
  assert_next_year (next);
  g_assert_cmpint (yusuan_document_get_fiscal_year (f->budget), ==, 2023);
  g_assert_false (yusuan_document_get_modified (f->budget));

  /* Closing it unsaved asks first, as for any budget never saved. */
  gtk_window_close (GTK_WINDOW (next));
  dialog = dialog_over (next);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "This budget has never been saved. Closing without saving loses it.");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (next)));

  /* Saved, it is a budget like any other. */
  g_assert_true (yusuan_window_save_to (next, file, &error));
  g_assert_no_error (error);
  g_assert_false (yusuan_document_get_modified (yusuan_window_get_document (next)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (next)), ==, "市人民政府办公室 2024 Budget");

  next_budget = g_object_ref (yusuan_window_get_document (next));
  gtk_window_destroy (GTK_WINDOW (next));
  flush_main_loop ();
  g_assert_finalize_object (next_budget);
}

static void
test_next_year_from_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) last = g_file_new_for_path (g_getenv ("YUSUAN_FIXTURE"));
  g_autoptr(GFile) missing = g_file_new_build_filename (f->dir, "budget-2023.yusuan", NULL);
  AdwMessageDialog *dialog;

  g_assert_true (yusuan_window_is_empty (f->window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "new-next-year"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "new-from-last-year"));

  /* A file that cannot be read: said, and the window stays empty. */
  yusuan_window_new_from_last_year (f->window, missing);
  wait_until (has_dialog, f->window);
  dialog = dialog_over (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “budget-2023.yusuan”");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (yusuan_window_is_empty (f->window));

  /* From the welcome page: next year's budget in this very window. */
  yusuan_window_new_from_last_year (f->window, last);
  wait_until (has_document, f->window);
  g_assert_null (find_toplevel (is_other_window, f->window));
  repaint (f->window);
  assert_next_year (f->window);
}

static void
test_next_year_refused (Fixture       *f,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;

  f->budget = yusuan_document_new ();
  yusuan_document_begin_load (f->budget);
  yusuan_document_set_header (f->budget, 2100, YUSUAN_STAGE_APPROVED, "103", "市人民政府办公室", NULL);
  yusuan_document_end_load (f->budget);
  yusuan_window_set_document (f->window, f->budget, NULL, FALSE);

  /* No fiscal year after 2100: said, and no window opens. */
  g_assert_null (yusuan_window_new_next_year (f->window));
  dialog = dialog_over (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Start Next Year’s Budget");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2100"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_toplevel (is_other_window, f->window));
}

int
main (int    argc,
      char **argv)
{
  /* The core's catalogues and translations, then the toolkit. */
  yusuan_core_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/workflow/consolidate-undo", Fixture, NULL, set_up_fixture, test_consolidate_undo, tear_down);
  g_test_add ("/gui/workflow/consolidate-refused", Fixture, NULL, set_up_fixture, test_consolidate_refused, tear_down);
  g_test_add ("/gui/workflow/consolidate-several", Fixture, NULL, set_up_fixture, test_consolidate_several,
              tear_down);
  g_test_add ("/gui/workflow/next-year", Fixture, NULL, set_up_fixture, test_next_year, tear_down);
  g_test_add ("/gui/workflow/next-year-from-file", Fixture, NULL, set_up_empty, test_next_year_from_file,
              tear_down);
  g_test_add ("/gui/workflow/next-year-refused", Fixture, NULL, set_up_empty, test_next_year_refused, tear_down);

  return g_test_run ();
}
