/* bench-tables.c - the twelve tables and the rules on a city-scale document: open, compute, and one edit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-tables [--edits N] [CITY.xml]
 *
 * Without a file, runs gen-city (built beside this program) into a temporary
 * file first.  Prints figures; asserts nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "yusuan-catalog.h"
#include "yusuan-core.h"
#include "yusuan-document.h"
#include "yusuan-rules.h"
#include "yusuan-store.h"
#include "yusuan-table.h"
#include "yusuan-xml.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index = (guint) (p * (samples->len - 1));

  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, index);
}

/* Peak resident memory, from the kernel. */
static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* What a view does on ::cell-changed: read the cell it shows. */
static void
cell_changed_cb (YusuanTable *table,
                 guint        row,
                 guint        column,
                 gpointer     user_data)
{
  g_autofree char *shown = yusuan_table_dup_display (table, row, column, YUSUAN_DISPLAY_WAN, TRUE);
  guint *count = user_data;

  (*count)++;
}

/* @n_edits times, a random basic line's amount raised, each timed into @ms. */
static void
time_edits (YusuanDocument *document,
            GRand          *rand,
            int             n_edits,
            GArray         *ms)
{
  guint n_basic = yusuan_document_get_n_basic_lines (document);

  for (int i = 0; i < n_edits && n_basic > 0; i++)
    {
      const YusuanLine *line = yusuan_document_get_basic_line (document, g_rand_int_range (rand, 0, n_basic));
      YusuanAmount amount = line->amount + g_rand_int_range (rand, 1, 100000);
      double t0 = now_ms ();

      yusuan_document_set_line_amount (document, line->id, amount);
      g_array_append_vals (ms, (double[]) { now_ms () - t0 }, 1);
    }
}

static char *
generate_city (const char *argv0)
{
  g_autofree char *dir = g_path_get_dirname (argv0);
  g_autofree char *generator = g_build_filename (dir, "gen-city", NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("yusuan-city-XXXXXX.xml", &path, &error);
  const char *args[] = { generator, path, NULL };
  int status = 0;

  if (fd < 0)
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  close (fd);
  if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("Could not run %s: %s\n", generator, error->message);
      exit (2);
    }
  return path;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[CITY.xml]");
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autoptr(YusuanChecker) checker = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) edit_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_tables = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) recompute_tables = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) recompute_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = NULL;
  g_autofree char *store_path = NULL;
  gboolean generated = FALSE;
  int n_edits = 1001;
  guint announced = 0;
  double t0, t_import, t_store_open = -1, t_tables, t_rules, per_table[YUSUAN_N_TABLES];
  guint n_rows = 0;
  GRand *rand;
  GOptionEntry entries[] = {
    { "edits", 'n', 0, G_OPTION_ARG_INT, &n_edits, "Edits to time (default 1001)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2 || n_edits < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-tables [--edits N] [CITY.xml]");
      return 2;
    }
  yusuan_core_init ();

  if (argc == 2)
    path = g_strdup (argv[1]);
  else
    {
      path = generate_city (argv[0]);
      generated = TRUE;
    }

  /* Open: the submission, then the same document as a .yusuan file. */
  t0 = now_ms ();
  document = yusuan_xml_import_file (path, &error);
  t_import = now_ms () - t0;
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));

  store_path = g_build_filename (g_get_tmp_dir (), "yusuan-bench-tables.yusuan", NULL);
  g_unlink (store_path);
  if (yusuan_store_save (document, store_path, &error))
    {
      g_autoptr(YusuanDocument) reopened = NULL;

      t0 = now_ms ();
      reopened = yusuan_store_load (store_path, &error);
      t_store_open = now_ms () - t0;
      if (reopened != NULL)
        {
          g_clear_object (&document);
          document = g_steal_pointer (&reopened);
        }
    }
  if (error != NULL)
    {
      g_printerr ("(.yusuan not measured: %s)\n", error->message);
      g_clear_error (&error);
    }
  g_unlink (store_path);

  /* All twelve tables, each computed from every line. */
  t0 = now_ms ();
  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    {
      double start = now_ms ();
      YusuanTable *table = yusuan_table_new (document, catalog, n);

      per_table[n - 1] = now_ms () - start;
      n_rows += yusuan_table_get_n_rows (table);
      g_signal_connect (table, "cell-changed", G_CALLBACK (cell_changed_cb), &announced);
      g_ptr_array_add (tables, table);
    }
  t_tables = now_ms () - t0;

  t0 = now_ms ();
  checker = yusuan_checker_new (document, catalog);
  t_rules = now_ms () - t0;

  g_print ("Document: %u units, %u lines (%u basic), %u projects, %u revenues\n",
           yusuan_document_get_n_units (document), yusuan_document_get_n_lines (document),
           yusuan_document_get_n_basic_lines (document), yusuan_document_get_n_projects (document),
           yusuan_document_get_n_revenues (document));
  g_print ("Open (XML import):                 %8.1f ms\n", t_import);
  if (t_store_open >= 0)
    g_print ("Open (.yusuan load):               %8.1f ms\n", t_store_open);
  g_print ("All twelve tables:                 %8.1f ms  (%u rows)\n", t_tables, n_rows);
  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    g_print ("  table %02u %6.1f ms%s", n, per_table[n - 1], n % 4 == 0 ? "\n" : "   ");
  g_print ("All rules:                         %8.1f ms  (%u findings)\n", t_rules,
           yusuan_checker_get_n_findings (checker));
  g_print ("Open + tables + rules:             %8.1f ms\n",
           (t_store_open >= 0 ? t_store_open : t_import) + t_tables + t_rules);

  /* Full recompute: what an edit would cost without the incremental path. */
  for (guint i = 0; i < 5; i++)
    {
      t0 = now_ms ();
      for (guint n = 0; n < tables->len; n++)
        yusuan_table_recompute (g_ptr_array_index (tables, n));
      g_array_append_vals (recompute_tables, (double[]) { now_ms () - t0 }, 1);
      {
        g_autoptr(YusuanChecker) fresh = yusuan_checker_new (document, catalog);

        g_array_append_vals (recompute_all, (double[]) { now_ms () - t0 }, 1);
      }
    }

  /* One edit: a basic line's amount, everything listening (tables with a
   * view reading each announced cell, and the rules) … */
  rand = g_rand_new_with_seed (2023);
  time_edits (document, rand, n_edits, edit_all);

  /* … and the same with the tables only. */
  g_clear_object (&checker);
  time_edits (document, rand, n_edits, edit_tables);
  g_rand_free (rand);

  if (edit_all->len > 0)
    {
      double full_tables = median (recompute_tables), full_all = median (recompute_all);
      double one_all = median (edit_all), one_tables = median (edit_tables);

      g_print ("Full recompute, twelve tables:     %8.1f ms  (median of %u)\n", full_tables, recompute_tables->len);
      g_print ("Full recompute, tables + rules:    %8.1f ms\n", full_all);
      g_print ("One edit, tables + rules:          %8.4f ms  (median of %u; p90 %.4f ms, max %.4f ms)\n",
               one_all, edit_all->len, percentile (edit_all, 0.9), percentile (edit_all, 1.0));
      g_print ("One edit, tables only:             %8.4f ms  (median of %u; p90 %.4f ms)\n",
               one_tables, edit_tables->len, percentile (edit_tables, 0.9));
      g_print ("Cells announced per edit:          %8.1f\n", (double) announced / (edit_all->len + edit_tables->len));
      g_print ("Recompute / edit, tables + rules:  %8.0f x\n", full_all / one_all);
      g_print ("Recompute / edit, tables only:     %8.0f x\n", full_tables / one_tables);
    }
  g_print ("Peak memory:                       %8.1f MiB\n", peak_kib () / 1024.0);

  if (generated)
    g_unlink (path);
  return 0;
}
