/* fuzz-store.c - fuzz target: loading a .yusuan file (SQLite) that may be anything
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "yusuan-store.h"
#include "yusuan-xml.h"

static char *fuzz_path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = NULL;

  fuzz_setup ();
  dir = g_dir_make_tmp ("yusuan-fuzz-store-XXXXXX", NULL);
  FUZZ_ASSERT (dir != NULL, "a temporary folder");
  fuzz_path = g_build_filename (dir, "fuzz.yusuan", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(GBytes) xml = NULL;

  if (fuzz_path == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  FUZZ_ASSERT (g_file_set_contents (fuzz_path, (const char *) data, size, &error),
               "%s", error ? error->message : "");

  document = yusuan_store_load (fuzz_path, &error);
  if (document == NULL)
    {
      FUZZ_ASSERT (error != NULL && error->message != NULL && *error->message != '\0',
                   "a refused file says why");
      FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL), "the message is not UTF-8: %s",
                   g_strescape (error->message, NULL));
    }
  else
    {
      FUZZ_ASSERT (error == NULL, "no error set on success");
      /* A loaded document is a document: it can be exported or says why not. */
      xml = yusuan_xml_export (document, &error);
      FUZZ_ASSERT (xml != NULL || (error != NULL && *error->message != '\0'),
                   "an export that fails says why");
      if (xml != NULL)
        {
          g_autoptr(YusuanDocument) again = NULL;
          gsize xml_size;
          const char *xml_data = g_bytes_get_data (xml, &xml_size);

          again = yusuan_xml_import_data (xml_data, xml_size, "export.xml", &error);
          FUZZ_ASSERT (again != NULL, "the export of a loaded file does not import: %s",
                       error->message);
        }
    }

  /* Loading never leaves anything beside the file. */
  {
    g_autofree char *journal = g_strconcat (fuzz_path, "-journal", NULL);
    g_autofree char *wal = g_strconcat (fuzz_path, "-wal", NULL);

    FUZZ_ASSERT (!g_file_test (journal, G_FILE_TEST_EXISTS), "a journal was left");
    FUZZ_ASSERT (!g_file_test (wal, G_FILE_TEST_EXISTS), "a -wal was left");
  }
  return 0;
}
