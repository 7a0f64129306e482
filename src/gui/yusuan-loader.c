/* yusuan-loader.c - opens a .yusuan or imports an .xml in a worker thread, tables and checks included
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-loader.h"
#include "yusuan-store.h"
#include "yusuan-xml.h"

void
yusuan_loaded_free (YusuanLoaded *loaded)
{
  if (loaded == NULL)
    return;

  /* The checker and the tables follow the document: drop them first. */
  g_clear_object (&loaded->checker);
  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    g_clear_object (&loaded->tables[i]);
  g_clear_pointer (&loaded->catalog, yusuan_catalog_unref);
  g_clear_object (&loaded->document);
  g_free (loaded);
}

YusuanLoaded *
yusuan_loaded_new (YusuanDocument *document,
                   gboolean        imported)
{
  YusuanLoaded *loaded;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);

  loaded = g_new0 (YusuanLoaded, 1);
  loaded->document = document;
  loaded->imported = imported;
  loaded->catalog = yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    loaded->tables[i] = yusuan_table_new (document, loaded->catalog, i + 1);
  loaded->checker = yusuan_checker_new (document, loaded->catalog);

  return loaded;
}

gboolean
yusuan_loader_is_submission (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;

  if (yusuan_store_sniff (path))
    return FALSE;

  lower = g_utf8_strdown (path, -1);
  return g_str_has_suffix (lower, ".xml");
}

/* The document in @file alone: a .yusuan read, or a submission imported. */
static YusuanDocument *
read_document (GFile     *file,
               gboolean  *imported,
               GError   **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot open “%s”: only local files can be opened."), uri);
      return NULL;
    }

  *imported = yusuan_loader_is_submission (file);
  return *imported ? yusuan_xml_import_file (path, error)
                   : yusuan_store_load (path, error);
}

/* Reads off the main thread; the whole of what a window shows, or with
 * yusuan_loader_read_async () the document alone. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  YusuanDocument *document;
  gboolean imported = FALSE;

  document = read_document (file, &imported, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (document);
      return;
    }

  if (g_task_get_source_tag (task) == yusuan_loader_read_async)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_pointer (task, yusuan_loaded_new (document, imported),
                           (GDestroyNotify) yusuan_loaded_free);
}

static void
start (GFile               *file,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

void
yusuan_loader_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  start (file, yusuan_loader_load_async, cancellable, callback, user_data);
}

YusuanLoaded *
yusuan_loader_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
yusuan_loader_read_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  start (file, yusuan_loader_read_async, cancellable, callback, user_data);
}

YusuanDocument *
yusuan_loader_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == yusuan_loader_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
