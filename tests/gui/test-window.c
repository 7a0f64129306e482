/* test-window.c - the editor driven as a user would: open, type, refuse, undo, save, reopen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "yusuan-core.h"
#include "yusuan-findings-page.h"
#include "yusuan-gui-test-util.h"
#include "yusuan-new-document-dialog.h"
#include "yusuan-table-view.h"
#include "yusuan-test-util.h"
#include "yusuan-window.h"

/* Helpers */

static YusuanTableView *
show_table (YusuanWindow *window,
            guint         number)
{
  g_autofree char *page = g_strdup_printf ("table-%u", number);
  YusuanTableView *view;

  yusuan_window_show_page (window, page);
  g_assert_cmpstr (yusuan_window_get_page (window), ==, page);
  view = yusuan_window_get_table_view (window, number);
  yusuan_test_draw (GTK_WIDGET (window));

  return view;
}

/* Puts the cursor on the first editable cell of table @number. */
static void
cursor_to_editable (YusuanTableView *view,
                    guint           *row,
                    guint           *column)
{
  YusuanTable *table = yusuan_table_view_get_table (view);

  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
      if (yusuan_table_is_editable (table, r, c))
        {
          yusuan_table_view_set_cursor (view, r, c, FALSE);
          *row = r;
          *column = c;
          return;
        }

  g_assert_not_reached ();
}

/* Types @text into the cursor's cell as a user does: the first key starts
 * the edit, the rest go to the editor, then @finish (Return, Tab, Escape). */
static gboolean
type_into_cell (YusuanTableView *view,
                const char      *text,
                guint            finish)
{
  gunichar first = g_utf8_get_char (text);
  GtkEditable *editor = yusuan_table_view_get_editor (view);
  gboolean used;

  used = yusuan_table_view_handle_key (view, gdk_unicode_to_keyval (first), 0);
  g_assert_true (used);
  g_assert_true (yusuan_table_view_is_editing (view));
  gtk_editable_set_text (editor, text);

  return yusuan_table_view_handle_key (view, finish, 0);
}

/* Tests */

static void
test_open_fixture (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view;
  YusuanTable *table;
  g_autofree char *title = NULL;
  int row;

  g_assert_false (yusuan_window_is_empty (window));
  g_assert_false (yusuan_window_is_read_only (window));
  /* An imported submission is a new document: it has no file yet. */
  g_assert_null (yusuan_window_get_file (window));
  g_assert_false (yusuan_document_get_modified (yusuan_window_get_document (window)));

  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_nonnull (strstr (title, "市人民政府办公室"));
  g_assert_nonnull (strstr (title, "2023"));

  /* Table 01 on screen with the published total. */
  view = show_table (window, 1);
  table = yusuan_table_view_get_table (view);
  g_assert_cmpuint (yusuan_table_get_number (table), ==, 1);
  g_assert_cmpint (yusuan_test_table_amount (window, 1, "expenditure-total"), ==, 3337837200);

  /* Table 03: the published figure, grouped, in 万元, on the cell's widget. */
  view = show_table (window, 3);
  table = yusuan_table_view_get_table (view);
  row = yusuan_table_find_row (table, "total");
  g_assert_cmpint (row, >=, 0);
  {
    guint amount_column = 0;

    while (yusuan_table_get_column (table, amount_column)->kind != YUSUAN_COLUMN_AMOUNT)
      amount_column++;
    yusuan_table_view_set_cursor (view, row, amount_column, FALSE);
    yusuan_test_draw (GTK_WIDGET (window));
    g_assert_cmpstr (yusuan_table_view_peek_cell_text (view, row, amount_column), ==, "3,337.84");

    /* The unit switch re-renders in 元. */
    g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit",
                                    g_variant_new_string ("yuan"));
    g_assert_cmpint (yusuan_table_view_get_display_unit (view), ==, YUSUAN_DISPLAY_YUAN);
    yusuan_test_draw (GTK_WIDGET (window));
    g_assert_cmpstr (yusuan_table_view_peek_cell_text (view, row, amount_column), ==, "33,378,372.00");
  }

  yusuan_test_close_window (window);
}

static void
test_edit_updates_totals (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 6);
  YusuanTable *table = yusuan_table_view_get_table (view);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  YusuanAmount before = 0, after = 0;
  YusuanAmount total01, total03;
  guint findings, errors;
  guint row, column, cursor_row, cursor_column;

  cursor_to_editable (view, &row, &column);
  g_assert_true (yusuan_table_get_amount (table, row, column, &before));
  total01 = yusuan_test_table_amount (window, 1, "expenditure-total");
  total03 = yusuan_test_table_amount (window, 3, "total");
  findings = yusuan_checker_get_n_findings (checker);
  errors = yusuan_checker_get_n_errors (checker);

  /* About 100 万元 more in that cell (typed in 万元 with two decimals):
   * Enter stores it and moves down. */
  {
    g_autofree char *text = yusuan_amount_format (before + 100 * YUSUAN_FEN_PER_WAN,
                                                  YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_PLAIN);
    YusuanAmount typed = 0;

    g_assert_true (yusuan_amount_parse (text, YUSUAN_DISPLAY_WAN, 0, &typed, NULL));
    g_assert_true (type_into_cell (view, text, GDK_KEY_Return));
    g_assert_false (yusuan_table_view_is_editing (view));
    g_assert_true (yusuan_table_get_amount (table, row, column, &after));
    g_assert_cmpint (after, ==, typed);
  }
  yusuan_table_view_get_cursor (view, &cursor_row, &cursor_column);
  g_assert_cmpuint (cursor_row, ==, row + 1);
  g_assert_cmpuint (cursor_column, ==, column);

  /* Tables 03 and 01 follow; expenditure now exceeds revenue: a new error. */
  g_assert_cmpint (yusuan_test_table_amount (window, 3, "total"), ==, total03 + (after - before));
  g_assert_cmpint (yusuan_test_table_amount (window, 1, "expenditure-total"), !=, total01);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), >, errors);
  g_assert_cmpuint (yusuan_checker_get_n_findings (checker), !=, findings);
  g_assert_true (yusuan_document_get_modified (yusuan_window_get_document (window)));

  /* What is on screen changed too. */
  yusuan_test_draw (GTK_WIDGET (window));
  {
    g_autofree char *expected = yusuan_table_dup_display (table, row, column, YUSUAN_DISPLAY_WAN, TRUE);

    g_assert_cmpstr (yusuan_table_view_peek_cell_text (view, row, column), ==, expected);
  }

  /* The findings page lists them. */
  yusuan_window_show_page (window, "findings");
  yusuan_test_draw (GTK_WIDGET (window));
  g_assert_cmpuint (yusuan_findings_page_get_n_shown (yusuan_window_get_findings_page (window)), ==,
                    MIN (yusuan_checker_get_n_findings (checker), 400));

  yusuan_test_close_window (window);
}

static void
test_refuse_text (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 6);
  YusuanTable *table = yusuan_table_view_get_table (view);
  YusuanDocument *document = yusuan_window_get_document (window);
  const char *refused[] = { "一百万", "12,,3", "abc" };
  YusuanAmount before = 0, now = 0;
  guint row, column;

  cursor_to_editable (view, &row, &column);
  g_assert_true (yusuan_table_get_amount (table, row, column, &before));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      guint cursor_row;

      g_test_message ("typing “%s”", refused[i]);
      g_assert_true (yusuan_table_view_start_editing (view, refused[i]));
      g_assert_false (yusuan_table_view_commit_editing (view, &error));
      g_assert_error (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_INVALID);

      /* Refused inline: still editing, the reason shown, the old value kept. */
      g_assert_true (yusuan_table_view_is_editing (view));
      g_assert_nonnull (yusuan_table_view_get_message (view));
      g_assert_nonnull (strstr (yusuan_table_view_get_message (view), refused[i]));
      g_assert_true (yusuan_table_get_amount (table, row, column, &now));
      g_assert_cmpint (now, ==, before);

      /* Enter does not move on either. */
      g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Return, 0));
      g_assert_true (yusuan_table_view_is_editing (view));
      yusuan_table_view_get_cursor (view, &cursor_row, NULL);
      g_assert_cmpuint (cursor_row, ==, row);

      /* Esc gives up: nothing stored, nothing to undo. */
      g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Escape, 0));
      g_assert_false (yusuan_table_view_is_editing (view));
      g_assert_null (yusuan_table_view_get_message (view));
    }

  /* In 元 two decimals at most: 1.234 元 is not a whole number of fen. */
  yusuan_table_view_set_display_unit (view, YUSUAN_DISPLAY_YUAN);
  g_assert_true (yusuan_table_view_start_editing (view, "1.234"));
  g_assert_false (yusuan_table_view_commit_editing (view, NULL));
  yusuan_table_view_cancel_editing (view);

  g_assert_true (yusuan_table_get_amount (table, row, column, &now));
  g_assert_cmpint (now, ==, before);
  g_assert_false (yusuan_document_get_modified (document));
  g_assert_false (yusuan_document_can_undo (document));

  /* A computed total cannot be edited at all. */
  {
    int total = yusuan_table_find_row (table, "total");
    guint c = 0;

    g_assert_cmpint (total, >=, 0);
    while (yusuan_table_get_column (table, c)->kind != YUSUAN_COLUMN_AMOUNT)
      c++;
    yusuan_table_view_set_cursor (view, total, c, FALSE);
    g_assert_false (yusuan_table_view_start_editing (view, "5"));
    g_assert_false (yusuan_table_view_is_editing (view));
    g_assert_nonnull (yusuan_table_view_get_message (view));
  }

  yusuan_test_close_window (window);
}

static void
test_undo_redo (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 6);
  YusuanTable *table = yusuan_table_view_get_table (view);
  YusuanDocument *document = yusuan_window_get_document (window);
  GActionGroup *actions = G_ACTION_GROUP (window);
  YusuanAmount before = 0, now = 0;
  guint row, column;

  cursor_to_editable (view, &row, &column);
  g_assert_true (yusuan_table_get_amount (table, row, column, &before));
  g_assert_false (g_action_group_get_action_enabled (actions, "undo"));
  g_assert_false (g_action_group_get_action_enabled (actions, "redo"));

  g_assert_true (type_into_cell (view, "7", GDK_KEY_Tab));
  g_assert_true (yusuan_table_get_amount (table, row, column, &now));
  g_assert_cmpint (now, ==, 7 * YUSUAN_FEN_PER_WAN);
  g_assert_true (g_action_group_get_action_enabled (actions, "undo"));
  {
    guint cursor_column;

    /* Tab stored it and moved right. */
    yusuan_table_view_get_cursor (view, NULL, &cursor_column);
    g_assert_cmpuint (cursor_column, ==, column + 1);
  }

  g_action_group_activate_action (actions, "undo", NULL);
  g_assert_true (yusuan_table_get_amount (table, row, column, &now));
  g_assert_cmpint (now, ==, before);
  g_assert_false (yusuan_document_get_modified (document));
  g_assert_true (g_action_group_get_action_enabled (actions, "redo"));

  g_action_group_activate_action (actions, "redo", NULL);
  g_assert_true (yusuan_table_get_amount (table, row, column, &now));
  g_assert_cmpint (now, ==, 7 * YUSUAN_FEN_PER_WAN);
  g_assert_true (yusuan_document_get_modified (document));

  /* A pasted range is one step: two figures in, one undo takes both back. */
  {
    g_autoptr(GError) error = NULL;
    YusuanAmount first_before = 0, second_before = 0, value = 0;
    int second_row = -1;

    for (guint r = row + 1; r < yusuan_table_get_n_rows (table); r++)
      if (yusuan_table_is_editable (table, r, column))
        {
          second_row = r;
          break;
        }
    g_assert_cmpint (second_row, ==, (int) row + 1);

    yusuan_table_view_set_cursor (view, row, column, FALSE);
    yusuan_table_get_amount (table, row, column, &first_before);
    yusuan_table_get_amount (table, second_row, column, &second_before);
    /* Above what other lines behind these cells hold, so both are stored. */
    g_assert_true (yusuan_table_view_paste_text (view, "1000.5\n2000.25\n", &error));
    g_assert_no_error (error);
    g_assert_true (yusuan_table_get_amount (table, row, column, &value));
    g_assert_cmpint (value, ==, 10005 * YUSUAN_FEN_PER_WAN / 10);
    g_assert_true (yusuan_table_get_amount (table, second_row, column, &value));
    g_assert_cmpint (value, ==, 200025 * YUSUAN_FEN_PER_WAN / 100);

    g_action_group_activate_action (actions, "undo", NULL);
    g_assert_true (yusuan_table_get_amount (table, row, column, &value));
    g_assert_cmpint (value, ==, first_before);
    g_assert_true (yusuan_table_get_amount (table, second_row, column, &value));
    g_assert_cmpint (value, ==, second_before);

    /* What falls on a computed total is not stored, and the user is told so. */
    g_assert_cmpuint (row, >, 0);
    g_assert_false (yusuan_table_is_editable (table, row - 1, column));
    yusuan_table_view_set_cursor (view, row - 1, column, FALSE);
    g_assert_true (yusuan_table_view_paste_text (view, "5\n1000.5\n", &error));
    g_assert_no_error (error);
    g_assert_true (yusuan_table_get_amount (table, row, column, &value));
    g_assert_cmpint (value, ==, 10005 * YUSUAN_FEN_PER_WAN / 10);
    g_assert_nonnull (strstr (yusuan_table_view_get_message (view), "1 figure was left out"));
    g_action_group_activate_action (actions, "undo", NULL);
    yusuan_table_view_set_cursor (view, row, column, FALSE);

    /* A paste with one bad figure stores nothing. */
    g_assert_false (yusuan_table_view_paste_text (view, "3\n一百万\n", &error));
    g_assert_error (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_INVALID);
    g_assert_true (yusuan_table_get_amount (table, row, column, &value));
    g_assert_cmpint (value, ==, first_before);
  }

  /* Copy gives tab-separated figures without separators. */
  {
    g_autofree char *text = NULL;

    yusuan_table_view_set_cursor (view, row, column, FALSE);
    yusuan_table_view_set_cursor (view, row + 1, column, TRUE);
    text = yusuan_table_view_dup_selection_text (view);
    g_assert_nonnull (strchr (text, '\n'));
    g_assert_null (strchr (text, ','));
  }

  yusuan_test_close_window (window);
}

static void
test_keyboard (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 3);
  YusuanTable *table = yusuan_table_view_get_table (view);
  guint row, column;

  yusuan_table_view_set_cursor (view, 0, 0, FALSE);
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Down, 0));
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Right, 0));
  yusuan_table_view_get_cursor (view, &row, &column);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 1);

  /* Arrows stop at the edges. */
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Up, 0));
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Up, 0));
  yusuan_table_view_get_cursor (view, &row, NULL);
  g_assert_cmpuint (row, ==, 0);

  /* Ctrl+End goes to the last row and scrolls it into view. */
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_End, GDK_CONTROL_MASK));
  yusuan_table_view_get_cursor (view, &row, NULL);
  g_assert_cmpuint (row, ==, yusuan_table_get_n_rows (table) - 1);
  yusuan_test_draw (GTK_WIDGET (window));
  g_assert_nonnull (yusuan_table_view_peek_cell_text (view, row, 0));

  /* Shift extends a selection. */
  yusuan_table_view_set_cursor (view, 0, 0, FALSE);
  yusuan_table_view_handle_key (view, GDK_KEY_Down, GDK_SHIFT_MASK);
  yusuan_table_view_handle_key (view, GDK_KEY_Right, GDK_SHIFT_MASK);
  {
    guint r0, c0, r1, c1;

    yusuan_table_view_get_selection (view, &r0, &c0, &r1, &c1);
    g_assert_cmpuint (r0, ==, 0);
    g_assert_cmpuint (c0, ==, 0);
    g_assert_cmpuint (r1, ==, 1);
    g_assert_cmpuint (c1, ==, 1);
  }

  /* Typing on a computed cell is refused with a bell and a reason. */
  yusuan_table_view_set_cursor (view, 0, yusuan_table_get_n_columns (table) - 1, FALSE);
  if (!yusuan_table_is_editable (table, 0, yusuan_table_get_n_columns (table) - 1))
    {
      g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_5, 0));
      g_assert_false (yusuan_table_view_is_editing (view));
      g_assert_nonnull (yusuan_table_view_get_message (view));
    }

  yusuan_test_close_window (window);
}

static void
test_findings (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  guint n = yusuan_checker_get_n_findings (checker);
  int project_finding = -1;

  /* The seed fixture has findings: 25604 has no indicators (an error). */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (yusuan_checker_get_n_errors (checker), >, 0);

  yusuan_window_show_page (window, "findings");
  yusuan_test_draw (GTK_WIDGET (window));
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "findings");

  for (guint i = 0; i < n; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (finding->target_kind == YUSUAN_TARGET_PROJECT && project_finding < 0)
        project_finding = i;
    }

  /* A project's finding shows the project. */
  if (project_finding >= 0)
    {
      yusuan_window_activate_finding (window, project_finding);
      g_assert_cmpstr (yusuan_window_get_page (window), ==, "projects");
    }

  /* The stated 三公 amounts are fixed in their form, not in table 08. */
  for (guint i = 0; i < n; i++)
    if (yusuan_checker_get_finding (checker, i)->target_kind == YUSUAN_TARGET_THREE_PUBLIC)
      {
        yusuan_window_activate_finding (window, i);
        g_assert_cmpstr (yusuan_window_get_page (window), ==, "three-public");
        break;
      }

  /* A finding on a basic line goes to the row of 06 that holds the line:
   * make one with a line whose economic codes do not correspond. */
  {
    YusuanLine line = yusuan_test_line (0, "103001", "2010301", "30101", "50201", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                                        YUSUAN_CATEGORY_PERSONNEL, YUSUAN_FEN_PER_WAN);
    const YusuanLine *added;
    YusuanTable *table06 = yusuan_window_get_table (window, 6);
    int line_finding = -1;
    guint cursor_row;

    added = yusuan_document_add_line (yusuan_window_get_document (window), &line);
    g_assert_nonnull (added);

    n = yusuan_checker_get_n_findings (checker);
    for (guint i = 0; i < n; i++)
      {
        const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

        if (finding->target_kind == YUSUAN_TARGET_LINE && finding->target_id == added->id)
          line_finding = i;
      }
    g_assert_cmpint (line_finding, >=, 0);

    yusuan_window_show_page (window, "findings");
    yusuan_window_activate_finding (window, line_finding);
    g_assert_cmpstr (yusuan_window_get_page (window), ==, "table-6");
    yusuan_table_view_get_cursor (yusuan_window_get_table_view (window, 6), &cursor_row, NULL);
    g_assert_cmpint (cursor_row, ==, yusuan_table_find_row (table06, "30101/50201"));
  }

  yusuan_test_close_window (window);
}

static void
test_save_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("yusuan-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.yusuan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 6);
  YusuanTable *table = yusuan_table_view_get_table (view);
  g_autofree char *key = NULL;
  YusuanAmount now = 0;
  guint row, column;
  int reopened_row;

  cursor_to_editable (view, &row, &column);
  key = g_strdup (yusuan_table_get_row (table, row)->key);
  g_assert_true (type_into_cell (view, "1234.56", GDK_KEY_Return));

  g_assert_true (yusuan_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (yusuan_document_get_modified (yusuan_window_get_document (window)));
  g_assert_true (g_file_equal (yusuan_window_get_file (window), file));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  yusuan_test_close_window (window);

  window = yusuan_test_open_window (NULL, file);
  g_assert_true (g_file_equal (yusuan_window_get_file (window), file));
  table = yusuan_window_get_table (window, 6);
  reopened_row = yusuan_table_find_row (table, key);
  g_assert_cmpint (reopened_row, >=, 0);
  g_assert_true (yusuan_table_get_amount (table, reopened_row, column, &now));
  g_assert_cmpint (now, ==, 123456 * YUSUAN_FEN_PER_WAN / 100);
  yusuan_test_close_window (window);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_locked_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("yusuan-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "locked.yusuan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  YusuanWindow *first = yusuan_test_open_fixture (NULL);
  YusuanWindow *second;
  AdwMessageDialog *dialog;
  YusuanTableView *view;
  guint row, column;

  g_assert_true (yusuan_window_save_to (first, file, &error));
  g_assert_no_error (error);

  /* A second window on the same document is told it is in use... */
  second = yusuan_window_new (NULL);
  gtk_window_present (GTK_WINDOW (second));
  yusuan_window_open_file (second, file);
  g_assert_false (yusuan_window_is_loading (second));
  g_assert_true (yusuan_window_is_empty (second));
  dialog = ADW_MESSAGE_DIALOG (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (second)));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "locked.yusuan"));
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));

  /* ...and offered read-only: figures shown, nothing can change or be saved. */
  adw_message_dialog_response (dialog, "read-only");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (yusuan_window_is_loading (second));
  yusuan_test_wait_loaded (second);
  g_assert_true (yusuan_window_is_read_only (second));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (second), "save"));
  view = show_table (second, 6);
  cursor_to_editable (view, &row, &column);
  g_assert_false (yusuan_table_view_start_editing (view, "1"));
  g_assert_false (yusuan_table_view_is_editing (view));
  g_assert_nonnull (yusuan_table_view_get_message (view));
  g_assert_false (yusuan_table_view_paste_text (view, "1\n", &error));
  g_assert_error (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_READ_ONLY);
  g_assert_false (yusuan_document_get_modified (yusuan_window_get_document (second)));

  yusuan_test_close_window (second);
  yusuan_test_close_window (first);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_export_refused (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  AdwMessageDialog *dialog;

  /* The fixture has an error (a project without targets): export shows
   * it and offers a draft only as a choice of its own. */
  g_assert_cmpuint (yusuan_checker_get_n_errors (yusuan_window_get_checker (window)), >, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-xml", NULL);
  dialog = ADW_MESSAGE_DIALOG (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2023公车运行费用"));
  g_assert_true (adw_message_dialog_has_response (dialog, "draft"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "draft"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  /* "Show checks" goes to the findings. */
  adw_message_dialog_response (dialog, "findings");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "findings");

  yusuan_test_close_window (window);
}

static void
test_close_unsaved (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 6);
  YusuanDocument *document;
  AdwMessageDialog *dialog;
  guint row, column;

  cursor_to_editable (view, &row, &column);
  g_assert_true (type_into_cell (view, "42", GDK_KEY_Return));
  g_assert_true (yusuan_document_get_modified (yusuan_window_get_document (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Closing asks first; Cancel keeps the window and the edit. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (yusuan_document_get_modified (yusuan_window_get_document (window)));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  yusuan_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    g_assert_null (g_list_find (toplevels, window));
  }
  document = g_object_ref (yusuan_window_get_document (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (document);
}

static void
test_new_document (void)
{
  YusuanWindow *window = yusuan_window_new (NULL);
  YusuanNewDocumentDialog *dialog = yusuan_new_document_dialog_new (GTK_WINDOW (window), NULL);
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *department_code;
  GtkWidget *child;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (yusuan_window_is_empty (window));

  /* Nothing filled in: refused, saying what is missing. */
  document = yusuan_new_document_dialog_build (dialog, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Fill the fields through the widgets, as typed. */
  {
    const char *values[] = { "103", "市人民政府办公室", "103001", "河南省三门峡市人民政府办公室" };
    guint i = 0;
    GtkWidget *stack[64] = { GTK_WIDGET (dialog) };
    int depth = 1;

    department_code = NULL;
    while (depth > 0)
      {
        GtkWidget *w = stack[--depth];

        for (child = gtk_widget_get_last_child (w); child && depth < 64; child = gtk_widget_get_prev_sibling (child))
          stack[depth++] = child;
        if (ADW_IS_ENTRY_ROW (w) && i < G_N_ELEMENTS (values))
          {
            if (department_code == NULL)
              department_code = GTK_EDITABLE (w);
            gtk_editable_set_text (GTK_EDITABLE (w), values[i++]);
          }
      }
    g_assert_cmpuint (i, ==, G_N_ELEMENTS (values));
  }

  document = yusuan_new_document_dialog_build (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (yusuan_document_get_department_code (document), ==, "103");
  g_assert_cmpuint (yusuan_document_get_n_units (document), ==, 1);
  g_assert_cmpstr (yusuan_document_get_unit (document, 0)->code, ==, "103001");
  g_assert_false (yusuan_document_get_modified (document));

  /* A unit code that is not six to nine digits is refused. */
  gtk_editable_set_text (department_code, "10x");
  g_assert_null (yusuan_new_document_dialog_build (dialog, &error));
  g_assert_nonnull (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Shown in a window: named after the department, not saved yet, the
   * tables there (empty: nothing entered). */
  yusuan_window_set_document (window, document, NULL, FALSE);
  g_assert_false (yusuan_window_is_empty (window));
  g_assert_null (yusuan_window_get_file (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "市人民政府办公室"));
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "table-1");
  g_assert_nonnull (yusuan_window_get_table_view (window, 3));
  g_clear_object (&document);

  yusuan_test_close_window (window);
}

static void
test_rows_follow (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 6);
  YusuanTable *table = yusuan_table_view_get_table (view);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanLine line = yusuan_test_line (0, "103001", "2010301", "30216", "50201", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                                      YUSUAN_CATEGORY_PUBLIC, 12 * YUSUAN_FEN_PER_WAN);
  const YusuanLine *added;
  guint rows = yusuan_table_get_n_rows (table);
  int row;

  /* A line with an economic code the table has no row for yet (30216
   * 培训费) brings a row; the view shows it, and undo takes it away. */
  g_assert_cmpint (yusuan_table_find_row (table, "30216/50201"), <, 0);
  added = yusuan_document_add_line (document, &line);
  g_assert_nonnull (added);

  row = yusuan_table_find_row (table, "30216/50201");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, rows + 1);
  yusuan_table_view_set_cursor (view, row, 0, FALSE);
  yusuan_test_draw (GTK_WIDGET (window));
  g_assert_cmpstr (yusuan_table_view_peek_cell_text (view, row, 0), ==, "30216");

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, rows);
  yusuan_test_draw (GTK_WIDGET (window));
  {
    guint cursor_row;

    /* The cursor stays inside the table. */
    yusuan_table_view_get_cursor (view, &cursor_row, NULL);
    g_assert_cmpuint (cursor_row, <, rows);
  }

  yusuan_test_close_window (window);
}

static void
test_headers_aligned (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);

  /* Every leaf header sits exactly over its column, in tables with one,
   * two and three header rows, before and after switching units (which
   * changes the widths). */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint number = 1; number <= 12; number++)
        {
          YusuanTableView *view;
          YusuanTable *table;
          guint row = 0;

          /* In 元 the widths change: the tables with grouped headers again. */
          if (pass == 1 && number != 2 && number != 3 && number != 6 && number != 10 && number != 12)
            continue;
          view = show_table (window, number);
          table = yusuan_table_view_get_table (view);

          if (yusuan_table_get_n_rows (table) == 0)
            continue;

          for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
            {
              GtkWidget *header = yusuan_table_view_get_header_cell (view, c);
              GtkWidget *cell;
              graphene_rect_t hb, cb;

              /* Columns are not virtualized: a row's cells all exist, even
               * those scrolled out of sight sideways (the band scrolls with them). */
              cell = yusuan_table_view_peek_cell (view, row, c);
              g_assert_nonnull (header);
              g_assert_nonnull (cell);
              g_assert_true (gtk_widget_compute_bounds (header, GTK_WIDGET (view), &hb));
              /* The column's cell node (whose borders draw the grid), not
               * our widget inside its padding. */
              g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (cell), GTK_WIDGET (view), &cb));
              if (ABS (hb.origin.x - cb.origin.x) > 1 || ABS (hb.size.width - cb.size.width) > 1)
                g_error ("table %u column %u: header at %g+%g, cells at %g+%g", number, c,
                         hb.origin.x, hb.size.width, cb.origin.x, cb.size.width);
              /* The header is above the rows. */
              g_assert_cmpfloat (hb.origin.y + hb.size.height, <=, cb.origin.y + 1);
            }
        }
      if (pass == 0)
        g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit",
                                        g_variant_new_string ("yuan"));
    }

  yusuan_test_close_window (window);
}

static void
test_drill_down (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanTableView *view = show_table (window, 3);
  YusuanTable *table = yusuan_table_view_get_table (view);
  int row = yusuan_table_find_row (table, "2010301");
  guint column = 0;
  g_autoptr(GArray) lines = NULL;

  /* F2 on a computed figure (行政运行's total) cannot edit it: it shows
   * the lines that make it, and nothing changes. */
  g_assert_cmpint (row, >=, 0);
  while (yusuan_table_get_column (table, column)->kind != YUSUAN_COLUMN_AMOUNT)
    column++;
  lines = yusuan_table_get_cell_lines (table, row, column);
  g_assert_cmpuint (lines->len, >, 1);
  yusuan_table_view_set_cursor (view, row, column, FALSE);
  yusuan_test_draw (GTK_WIDGET (window));
  g_assert_false (yusuan_table_view_is_showing_lines (view));
  g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_F2, 0));
  g_assert_false (yusuan_table_view_is_editing (view));
  g_assert_true (yusuan_table_view_is_showing_lines (view));
  g_assert_false (yusuan_document_get_modified (yusuan_window_get_document (window)));

  yusuan_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  yusuan_test_init_gui (&argc, &argv);

  g_test_add_func ("/gui/window/open-fixture", test_open_fixture);
  g_test_add_func ("/gui/table/edit-updates-totals", test_edit_updates_totals);
  g_test_add_func ("/gui/table/refuse-text", test_refuse_text);
  g_test_add_func ("/gui/table/keyboard", test_keyboard);
  g_test_add_func ("/gui/table/rows-follow", test_rows_follow);
  g_test_add_func ("/gui/table/headers-aligned", test_headers_aligned);
  g_test_add_func ("/gui/table/drill-down", test_drill_down);
  g_test_add_func ("/gui/window/undo-redo-paste", test_undo_redo);
  g_test_add_func ("/gui/window/findings", test_findings);
  g_test_add_func ("/gui/window/save-reopen", test_save_reopen);
  g_test_add_func ("/gui/window/locked-read-only", test_locked_read_only);
  g_test_add_func ("/gui/window/export-refused", test_export_refused);
  g_test_add_func ("/gui/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/gui/window/new-document", test_new_document);

  return g_test_run ();
}
