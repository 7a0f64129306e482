/* yusuan-report-csv.c - one CSV file per table, for spreadsheets and scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "yusuan-core.h"
#include "yusuan-report-private.h"

gboolean
yusuan_report_write_csv (YusuanDocument     *document,
                         YusuanCatalog      *catalog,
                         YusuanDisplayUnit   unit,
                         const char         *directory,
                         GError            **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  yusuan_core_init ();
  name = g_filename_display_name (directory);

  if (g_file_test (directory, G_FILE_TEST_EXISTS) && !g_file_test (directory, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO,
                   /* Translators: %s a path given for the CSV files */
                   _("“%s” is a file, not a folder: CSV tables are written one file each into a folder"),
                   name);
      return FALSE;
    }
  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO,
                   /* Translators: %1$s a folder, %2$s the system's reason */
                   _("Cannot create the folder “%1$s”: %2$s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  /* Every table is computed before anything is written, so that a failure
   * to compute never leaves some files new and others old. */
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
      {
        g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog, n);

        g_ptr_array_add (texts, yusuan_table_to_csv (table, unit));
      }

    for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
      {
        g_autofree char *file = g_strdup_printf ("table-%02u.csv", n);
        g_autofree char *path = g_build_filename (directory, file, NULL);
        const char *text = g_ptr_array_index (texts, n - 1);

        if (!report_replace_file (path, text, strlen (text), error))
          return FALSE;
      }
  }
  return TRUE;
}
