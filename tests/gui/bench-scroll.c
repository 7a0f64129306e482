/* bench-scroll.c - prints how fast a big document opens and how smoothly a table scrolls
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under Xvfb): bench-scroll FILE [TABLE] [FRAMES]
 * Opens FILE in a window, shows table TABLE (default 7), then scrolls it by
 * half a page per frame (FRAMES times, default 200, wrapping at the end) and
 * moves the cursor down a page per frame with the keyboard (Page Down); each
 * step waits for the frame that shows it.  Prints the open time, the time to
 * the table's first frame, and frame times (mean, 95th percentile, worst).
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "yusuan-core.h"
#include "yusuan-window.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  double sum = 0;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);

  g_print ("%s: %u frames, mean %.1f ms, p95 %.1f ms, worst %.1f ms\n", what, times->len,
           sum / times->len, g_array_index (times, double, times->len * 95 / 100),
           g_array_index (times, double, times->len - 1));
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) scroll_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *page = NULL;
  YusuanWindow *window;
  YusuanTableView *view;
  GtkAdjustment *vadj = NULL;
  guint number = argc > 2 ? (guint) atoi (argv[2]) : 7;
  guint frames = argc > 3 ? (guint) atoi (argv[3]) : 200;
  gint64 start, opened;

  if (argc < 2 || number < 1 || number > 12)
    {
      g_printerr ("Usage: %s FILE [TABLE] [FRAMES]\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  yusuan_core_init ();

  window = yusuan_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  yusuan_window_open_file (window, file);
  while (yusuan_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  opened = g_get_monotonic_time ();
  if (yusuan_window_get_document (window) == NULL)
    {
      g_printerr ("%s could not be opened\n", argv[1]);
      return 1;
    }

  page = g_strdup_printf ("table-%u", number);
  yusuan_window_show_page (window, page);
  view = yusuan_window_get_table_view (window, number);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  spin ();

  g_print ("%s: %u lines, table %02u has %u rows\n", argv[1],
           yusuan_document_get_n_lines (yusuan_window_get_document (window)), number,
           yusuan_table_get_n_rows (yusuan_table_view_get_table (view)));
  g_print ("open (worker thread): %.3f s; table's first frame: %.3f s after the open began\n",
           (opened - start) / (double) G_USEC_PER_SEC,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  /* The scrolled window is the one holding the column view. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w && !vadj; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *stack[16] = { w };
      int depth = 1;

      while (depth > 0 && vadj == NULL)
        {
          GtkWidget *cur = stack[--depth];

          if (GTK_IS_SCROLLED_WINDOW (cur) && GTK_IS_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (cur))))
            vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (cur));
          for (GtkWidget *c = gtk_widget_get_first_child (cur); c && depth < 16; c = gtk_widget_get_next_sibling (c))
            stack[depth++] = c;
        }
    }
  g_assert (vadj != NULL);

  for (guint i = 0; i < frames; i++)
    {
      double value = gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj) / 2;
      gint64 t0 = g_get_monotonic_time ();

      if (value + gtk_adjustment_get_page_size (vadj) >= gtk_adjustment_get_upper (vadj))
        value = 0;
      gtk_adjustment_set_value (vadj, value);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      spin ();
      g_array_append_val (scroll_times, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
    }
  report ("scrolling half a page per frame", scroll_times);

  yusuan_table_view_set_cursor (view, 0, 0, FALSE);
  for (guint i = 0; i < frames; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      guint row;

      yusuan_table_view_handle_key (view, GDK_KEY_Page_Down, 0);
      yusuan_table_view_get_cursor (view, &row, NULL);
      if (row + 1 >= yusuan_table_get_n_rows (yusuan_table_view_get_table (view)))
        yusuan_table_view_set_cursor (view, 0, 0, FALSE);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      spin ();
      g_array_append_val (key_times, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
    }
  report ("Page Down per frame", key_times);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  return 0;
}
