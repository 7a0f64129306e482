/* test-control.c - the finance bureau's control numbers (控制数) in the editor: imported, held against the lines, undone
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "yusuan-control-numbers-page.h"
#include "yusuan-core.h"
#include "yusuan-findings-page.h"
#include "yusuan-gui-test-util.h"
#include "yusuan-table-view.h"
#include "yusuan-window.h"
#include "yusuan-xml.h"

#define GPB YUSUAN_FUND_GENERAL_PUBLIC_BUDGET

/* Helpers */

/* The bureau's reply to the seed (一下): its own budget at the
 * control-numbers stage, with the 30102 line of 410.84 万元 cut to 400 万元
 * when @cut: then the seed's basic expenditure is 10.84 万元 above it. */
static char *
write_bureau_file (const char *dir,
                   gboolean    cut)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (dir, cut ? "bureau-cut.xml" : "bureau.xml", NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("YUSUAN_FIXTURE"), &contents, NULL, &error));
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "stage=\"approved\"", "stage=\"control-numbers\"", 1), ==, 1);
  if (cut)
    g_assert_cmpuint (g_string_replace (text, "amount=\"4108391.00\"", "amount=\"4000000.00\"", 0), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static gboolean
has_control_numbers (gpointer window)
{
  return yusuan_document_has_control_numbers (yusuan_window_get_document (window));
}

static gboolean
has_message_dialog (gpointer parent)
{
  return yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent) != NULL;
}

static AdwMessageDialog *
wait_for_message_dialog (GtkWindow *parent)
{
  g_assert_true (yusuan_test_wait_for (has_message_dialog, parent));

  return ADW_MESSAGE_DIALOG (yusuan_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent));
}

static YusuanControlNumbersPage *
control_page (YusuanWindow *window)
{
  GtkWidget *page;

  yusuan_window_show_page (window, "control-numbers");
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "control-numbers");
  page = yusuan_window_get_page_widget (window, "control-numbers");
  g_assert_true (YUSUAN_IS_CONTROL_NUMBERS_PAGE (page));
  yusuan_test_draw (GTK_WIDGET (window));

  return YUSUAN_CONTROL_NUMBERS_PAGE (page);
}

static gboolean
action_enabled (YusuanWindow *window,
                const char   *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* The index of the control-numbers finding on @fund's @kind, or -1. */
static int
find_control_finding (YusuanChecker      *checker,
                      YusuanFund          fund,
                      YusuanSpendingKind  kind)
{
  for (guint i = 0; i < yusuan_checker_get_n_findings (checker); i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (finding->target_kind == YUSUAN_TARGET_CONTROL_NUMBERS &&
          finding->target_id == (guint) fund && finding->project_id == (guint) kind)
        {
          g_assert_cmpstr (finding->rule, ==, "control-numbers");
          g_assert_cmpint (finding->severity, ==, YUSUAN_SEVERITY_ERROR);
          return i;
        }
    }

  return -1;
}

/* What the row of @fund's @kind shows, asserted whole. */
static void
assert_row (YusuanControlNumbersPage *page,
            YusuanFund                fund,
            YusuanSpendingKind        kind,
            const char               *title,
            const char               *subtitle,
            const char               *difference,
            gboolean                  above)
{
  GtkWidget *row = yusuan_control_numbers_page_get_row (page, fund, kind);

  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  g_assert_cmpstr (yusuan_control_numbers_page_peek_difference (page, fund, kind), ==, difference);
  g_assert_cmpint (gtk_widget_has_css_class (row, "error"), ==, above);
}

/* Tests */

static void
test_empty (void)
{
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanControlNumbersPage *page;

  /* The seed as published has none: the page says what they are and
   * offers to import them; there is nothing to remove. */
  g_assert_false (yusuan_document_has_control_numbers (document));
  page = control_page (window);
  g_assert_true (yusuan_control_numbers_page_shows_empty (page));
  g_assert_false (gtk_widget_get_visible (yusuan_control_numbers_page_get_row (page, GPB, YUSUAN_SPENDING_BASIC)));
  g_assert_true (action_enabled (window, "import-control-numbers"));
  g_assert_false (action_enabled (window, "remove-control-numbers"));
  g_assert_cmpint (find_control_finding (yusuan_window_get_checker (window), GPB, YUSUAN_SPENDING_BASIC), ==, -1);

  /* Read-only, nothing can be imported into it. */
  yusuan_window_set_document (window, document, NULL, TRUE);
  g_assert_false (action_enabled (window, "import-control-numbers"));
  g_assert_false (action_enabled (window, "remove-control-numbers"));

  yusuan_test_close_window (window);
}

static void
test_seed_listed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("yusuan-control-XXXXXX", NULL);
  g_autofree char *path = write_bureau_file (dir, FALSE);
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  g_autoptr(YusuanDocument) bureau = NULL;
  g_autoptr(GError) error = NULL;
  YusuanControlNumbersPage *page;

  bureau = yusuan_xml_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (yusuan_document_take_control_numbers (document, bureau, &error));
  g_assert_no_error (error);

  /* The seed's own figures: within both, to the fen. */
  page = control_page (window);
  g_assert_false (yusuan_control_numbers_page_shows_empty (page));
  assert_row (page, GPB, YUSUAN_SPENDING_BASIC, "General public budget, Basic expenditure",
              "Control number 3,018.04 万元 · expenditure 3,018.04 万元", "Within by 0.00 万元", FALSE);
  assert_row (page, GPB, YUSUAN_SPENDING_PROJECT, "General public budget, Project expenditure",
              "Control number 319.80 万元 · expenditure 319.80 万元", "Within by 0.00 万元", FALSE);
  /* Only the pairs the bureau set. */
  g_assert_false (gtk_widget_get_visible (yusuan_control_numbers_page_get_row (page, YUSUAN_FUND_GOVERNMENT_FUND,
                                                                               YUSUAN_SPENDING_BASIC)));
  g_assert_cmpstr (yusuan_control_numbers_page_peek_summary (page), ==,
                   "The budget is within every control number the finance bureau set.");
  g_assert_true (action_enabled (window, "remove-control-numbers"));

  /* In 元 when the window shows 元. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "display-unit", g_variant_new_string ("yuan"));
  yusuan_test_spin ();
  assert_row (page, GPB, YUSUAN_SPENDING_PROJECT, "General public budget, Project expenditure",
              "Control number 3,198,000.00 元 · expenditure 3,198,000.00 元", "Within by 0.00 元", FALSE);

  yusuan_test_close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_edit_above (void)
{
  g_autofree char *dir = g_dir_make_tmp ("yusuan-control-XXXXXX", NULL);
  g_autofree char *path = write_bureau_file (dir, FALSE);
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanChecker *checker = yusuan_window_get_checker (window);
  g_autoptr(YusuanDocument) bureau = NULL;
  g_autoptr(GError) error = NULL;
  YusuanControlNumbersPage *page;
  YusuanTableView *view;
  YusuanTable *table;
  YusuanAmount before = 0;
  guint row = 0, column = 0;
  gboolean found = FALSE;

  bureau = yusuan_xml_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (yusuan_document_take_control_numbers (document, bureau, &error));
  page = control_page (window);
  assert_row (page, GPB, YUSUAN_SPENDING_BASIC, "General public budget, Basic expenditure",
              "Control number 3,018.04 万元 · expenditure 3,018.04 万元", "Within by 0.00 万元", FALSE);

  /* 100 万元 more typed into 预算06表 (general public budget, basic). */
  yusuan_window_show_page (window, "table-6");
  view = yusuan_window_get_table_view (window, 6);
  yusuan_test_draw (GTK_WIDGET (window));
  table = yusuan_table_view_get_table (view);
  for (guint r = 0; r < yusuan_table_get_n_rows (table) && !found; r++)
    for (guint c = 0; c < yusuan_table_get_n_columns (table) && !found; c++)
      if (yusuan_table_is_editable (table, r, c))
        {
          row = r;
          column = c;
          found = TRUE;
        }
  g_assert_true (found);
  g_assert_true (yusuan_table_get_amount (table, row, column, &before));
  yusuan_table_view_set_cursor (view, row, column, FALSE);
  {
    g_autofree char *text = yusuan_amount_format (before + 100 * YUSUAN_FEN_PER_WAN,
                                                  YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_PLAIN);
    GtkEditable *editor;

    g_assert_true (yusuan_table_view_handle_key (view, gdk_unicode_to_keyval (text[0]), 0));
    editor = yusuan_table_view_get_editor (view);
    gtk_editable_set_text (editor, text);
    g_assert_true (yusuan_table_view_handle_key (view, GDK_KEY_Return, 0));
  }

  /* The check reports it at once; the hidden page has not counted the
   * lines again (a city's 114k lines on every keystroke)... */
  yusuan_test_spin ();
  g_assert_cmpint (find_control_finding (checker, GPB, YUSUAN_SPENDING_BASIC), >=, 0);
  g_assert_cmpint (find_control_finding (checker, GPB, YUSUAN_SPENDING_PROJECT), ==, -1);
  g_assert_cmpstr (yusuan_control_numbers_page_peek_difference (page, GPB, YUSUAN_SPENDING_BASIC), ==,
                   "Within by 0.00 万元");

  /* ... and catches up when shown: the row is marked, in words too. */
  page = control_page (window);
  assert_row (page, GPB, YUSUAN_SPENDING_BASIC, "General public budget, Basic expenditure",
              "Control number 3,018.04 万元 · expenditure 3,118.04 万元", "Above by 100.00 万元", TRUE);
  assert_row (page, GPB, YUSUAN_SPENDING_PROJECT, "General public budget, Project expenditure",
              "Control number 319.80 万元 · expenditure 319.80 万元", "Within by 0.00 万元", FALSE);
  g_assert_cmpstr (yusuan_control_numbers_page_peek_summary (page), ==,
                   "The budget is above 1 control number: the finance bureau will refuse it until the "
                   "expenditure is brought down to it.");

  /* Undone while the page is seen: it follows. */
  g_assert_true (action_enabled (window, "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  yusuan_test_spin ();
  assert_row (page, GPB, YUSUAN_SPENDING_BASIC, "General public budget, Basic expenditure",
              "Control number 3,018.04 万元 · expenditure 3,018.04 万元", "Within by 0.00 万元", FALSE);
  g_assert_cmpint (find_control_finding (checker, GPB, YUSUAN_SPENDING_BASIC), ==, -1);

  /* One 元 above is above, even where 万元 rounds it away. */
  {
    const YusuanLine *line = NULL;

    for (guint i = 0; i < yusuan_document_get_n_basic_lines (document); i++)
      {
        line = yusuan_document_get_basic_line (document, i);
        if (line->fund == GPB)
          break;
      }
    g_assert_nonnull (line);
    yusuan_document_set_line_amount (document, line->id, line->amount + 100);
  }
  yusuan_test_spin ();
  assert_row (page, GPB, YUSUAN_SPENDING_BASIC, "General public budget, Basic expenditure",
              "Control number 3,018.04 万元 · expenditure 3,018.04 万元", "Above by 1.00 元", TRUE);
  g_assert_cmpint (find_control_finding (checker, GPB, YUSUAN_SPENDING_BASIC), >=, 0);

  /* Spending an appropriation the bureau set nothing for: shown, as a warning. */
  {
    YusuanLine extra = *yusuan_document_get_basic_line (document, 0);
    GtkWidget *unset;

    extra.fund = YUSUAN_FUND_GOVERNMENT_FUND;
    extra.amount = 500000;
    yusuan_document_add_line (document, &extra);
    yusuan_test_spin ();
    unset = yusuan_control_numbers_page_get_row (page, YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_SPENDING_BASIC);
    g_assert_true (gtk_widget_get_visible (unset));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (unset)), ==,
                     "Government fund, Basic expenditure");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (unset)), ==,
                     "No control number · expenditure 0.50 万元");
    g_assert_cmpstr (yusuan_control_numbers_page_peek_difference (page, YUSUAN_FUND_GOVERNMENT_FUND,
                                                                  YUSUAN_SPENDING_BASIC), ==,
                     "Not set by the bureau");
    g_assert_true (gtk_widget_has_css_class (unset, "warning"));
    g_assert_false (gtk_widget_has_css_class (unset, "error"));

    /* The unit's own income is not the bureau's to limit. */
    g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
    yusuan_test_spin ();
    g_assert_false (gtk_widget_get_visible (unset));
    extra.fund = YUSUAN_FUND_INSTITUTION_INCOME;
    yusuan_document_add_line (document, &extra);
    yusuan_test_spin ();
    g_assert_false (gtk_widget_get_visible (yusuan_control_numbers_page_get_row (page, YUSUAN_FUND_INSTITUTION_INCOME,
                                                                                 YUSUAN_SPENDING_BASIC)));
  }

  yusuan_test_close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_import_undo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("yusuan-control-XXXXXX", NULL);
  g_autofree char *path = write_bureau_file (dir, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  YusuanControlNumbersPage *page;

  /* As the menu's Import Control Numbers… does once a file is chosen. */
  yusuan_window_show_page (window, "table-1");
  yusuan_window_import_control_numbers (window, file);
  g_assert_true (yusuan_test_wait_for (has_control_numbers, window));
  yusuan_test_draw (GTK_WIDGET (window));

  /* The page shows them, the cut line's 10.84 万元 above its number. */
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "control-numbers");
  page = YUSUAN_CONTROL_NUMBERS_PAGE (yusuan_window_get_page_widget (window, "control-numbers"));
  g_assert_false (yusuan_control_numbers_page_shows_empty (page));
  assert_row (page, GPB, YUSUAN_SPENDING_BASIC, "General public budget, Basic expenditure",
              "Control number 3,007.20 万元 · expenditure 3,018.04 万元", "Above by 10.84 万元", TRUE);
  g_assert_cmpint (find_control_finding (yusuan_window_get_checker (window), GPB, YUSUAN_SPENDING_BASIC), >=, 0);
  g_assert_true (yusuan_document_get_modified (document));
  g_assert_cmpstr (yusuan_document_get_undo_label (document), ==, "Import control numbers");
  g_assert_true (action_enabled (window, "remove-control-numbers"));

  /* Ctrl+Z takes them back: the empty state again. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  yusuan_test_spin ();
  g_assert_false (yusuan_document_has_control_numbers (document));
  g_assert_true (yusuan_control_numbers_page_shows_empty (page));
  g_assert_false (action_enabled (window, "remove-control-numbers"));
  g_assert_cmpint (find_control_finding (yusuan_window_get_checker (window), GPB, YUSUAN_SPENDING_BASIC), ==, -1);

  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  yusuan_test_spin ();
  g_assert_false (yusuan_control_numbers_page_shows_empty (page));
  g_assert_cmpstr (yusuan_control_numbers_page_peek_difference (page, GPB, YUSUAN_SPENDING_BASIC), ==,
                   "Above by 10.84 万元");

  /* Removed, and the removal undone. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "remove-control-numbers", NULL);
  yusuan_test_spin ();
  g_assert_false (yusuan_document_has_control_numbers (document));
  g_assert_true (yusuan_control_numbers_page_shows_empty (page));
  g_assert_cmpstr (yusuan_document_get_undo_label (document), ==, "Remove control numbers");
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  yusuan_test_spin ();
  g_assert_false (yusuan_control_numbers_page_shows_empty (page));
  g_assert_cmpstr (yusuan_control_numbers_page_peek_difference (page, GPB, YUSUAN_SPENDING_BASIC), ==,
                   "Above by 10.84 万元");

  yusuan_test_close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_import_refused (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("YUSUAN_FIXTURE"));
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  AdwMessageDialog *dialog;

  /* The approved budget (二下) is not the bureau's control numbers: said,
   * naming the file, and nothing changes. */
  yusuan_window_import_control_numbers (window, file);
  dialog = wait_for_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Import Control Numbers From “sanmenxia-2023.xml”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not the finance bureau’s control numbers"));
  g_assert_false (yusuan_document_has_control_numbers (document));
  g_assert_false (yusuan_document_can_undo (document));
  g_assert_false (yusuan_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (dialog));
  yusuan_test_close_window (window);
}

static void
test_finding_opens_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("yusuan-control-XXXXXX", NULL);
  g_autofree char *path = write_bureau_file (dir, TRUE);
  YusuanWindow *window = yusuan_test_open_fixture (NULL);
  YusuanDocument *document = yusuan_window_get_document (window);
  g_autoptr(YusuanDocument) bureau = NULL;
  g_autoptr(GError) error = NULL;
  YusuanControlNumbersPage *page;
  GtkWidget *row;
  int index;

  bureau = yusuan_xml_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (yusuan_document_take_control_numbers (document, bureau, &error));
  index = find_control_finding (yusuan_window_get_checker (window), GPB, YUSUAN_SPENDING_BASIC);
  g_assert_cmpint (index, >=, 0);

  /* Clicked in the checks: the page, with the row above its number in focus. */
  yusuan_window_show_page (window, "findings");
  yusuan_test_draw (GTK_WIDGET (window));
  yusuan_findings_page_activate (yusuan_window_get_findings_page (window), index);
  yusuan_test_draw (GTK_WIDGET (window));
  g_assert_cmpstr (yusuan_window_get_page (window), ==, "control-numbers");
  page = YUSUAN_CONTROL_NUMBERS_PAGE (yusuan_window_get_page_widget (window, "control-numbers"));
  row = yusuan_control_numbers_page_get_row (page, GPB, YUSUAN_SPENDING_BASIC);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);

  yusuan_test_close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  yusuan_test_init_gui (&argc, &argv);

  g_test_add_func ("/gui/control-numbers/empty", test_empty);
  g_test_add_func ("/gui/control-numbers/seed-listed", test_seed_listed);
  g_test_add_func ("/gui/control-numbers/edit-above", test_edit_above);
  g_test_add_func ("/gui/control-numbers/import-undo", test_import_undo);
  g_test_add_func ("/gui/control-numbers/import-refused", test_import_refused);
  g_test_add_func ("/gui/control-numbers/finding-opens-page", test_finding_opens_page);

  return g_test_run ();
}
