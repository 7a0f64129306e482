/* yusuan-gui-test-util.c - what the widget tests share: the main loop, windows on the fixture, pages and tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-gui-test-util.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
not_loading (gpointer data)
{
  return !yusuan_window_is_loading (data);
}

void
yusuan_test_init_gui (int    *argc,
                      char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  yusuan_core_init ();
}

void
yusuan_test_spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
yusuan_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  yusuan_test_spin ();
}

gboolean
yusuan_test_wait_for (gboolean (*check) (gpointer data),
                      gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  yusuan_test_spin ();

  return !timed_out;
}

void
yusuan_test_wait_loaded (YusuanWindow *window)
{
  g_assert_true (yusuan_test_wait_for (not_loading, window));
}

YusuanWindow *
yusuan_test_open_window (YusuanApplication *application,
                         GFile             *file)
{
  YusuanWindow *window = yusuan_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  yusuan_window_open_file (window, file);
  /* Opening reads in the background, the window usable meanwhile. */
  g_assert_true (yusuan_window_is_loading (window));
  yusuan_test_wait_loaded (window);
  g_assert_nonnull (yusuan_window_get_document (window));

  return window;
}

YusuanWindow *
yusuan_test_open_fixture (YusuanApplication *application)
{
  const char *path = g_getenv ("YUSUAN_FIXTURE");
  g_autoptr(GFile) file = NULL;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);

  return yusuan_test_open_window (application, file);
}

void
yusuan_test_close_window (YusuanWindow *window)
{
  YusuanDocument *document = yusuan_window_get_document (window);

  if (document != NULL)
    g_object_ref (document);

  gtk_window_destroy (GTK_WINDOW (window));
  yusuan_test_spin ();

  /* Nothing the window made (pages, dialogs, charts, reports) may keep the
   * document alive. */
  if (document != NULL)
    g_assert_finalize_object (document);
}

void
yusuan_test_draw (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  yusuan_test_spin ();
}

GtkWindow *
yusuan_test_find_toplevel (GType      type,
                           GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) &&
        (parent == NULL || gtk_window_get_transient_for (l->data) == parent))
      return l->data;

  return NULL;
}

GtkWidget *
yusuan_test_show_page (YusuanWindow *window,
                       const char   *name)
{
  GtkWidget *page;

  yusuan_window_show_page (window, name);
  g_assert_cmpstr (yusuan_window_get_page (window), ==, name);
  page = yusuan_window_get_page_widget (window, name);
  g_assert_nonnull (page);
  yusuan_test_spin ();

  return page;
}

YusuanAmount
yusuan_test_table_amount (YusuanWindow *window,
                          guint         number,
                          const char   *key)
{
  YusuanTable *table = yusuan_window_get_table (window, number);
  int row = yusuan_table_find_row (table, key);
  YusuanAmount amount = 0;

  g_assert_cmpint (row, >=, 0);
  for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
    if (yusuan_table_get_column (table, c)->kind == YUSUAN_COLUMN_AMOUNT)
      {
        g_assert_true (yusuan_table_get_amount (table, row, c, &amount));
        return amount;
      }

  g_assert_not_reached ();
}
