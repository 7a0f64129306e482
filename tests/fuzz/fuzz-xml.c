/* fuzz-xml.c - fuzz target: submission import, and export(import(x)) must be a fixed point
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "yusuan-xml.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  gsize first_size = 0;
  const char *first_data;

  fuzz_setup ();

  document = yusuan_xml_import_data ((const char *) data, size, "fuzz.xml", &error);
  if (document == NULL)
    {
      FUZZ_ASSERT (error != NULL && error->message != NULL && *error->message != '\0',
                   "a refused submission says why");
      FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL), "the message is not UTF-8: %s",
                   g_strescape (error->message, NULL));
      return 0;
    }
  FUZZ_ASSERT (error == NULL, "no error set on success");

  /* What imports follows the schema. */
  FUZZ_ASSERT (yusuan_xml_validate ((const char *) data, size, "fuzz.xml", &error),
               "imported, but the schema check refuses it: %s", error->message);

  /* What was imported can be exported, schema-valid. */
  first = yusuan_xml_export (document, &error);
  FUZZ_ASSERT (first != NULL, "export of an imported document failed: %s", error->message);

  first_data = g_bytes_get_data (first, &first_size);
  FUZZ_ASSERT (yusuan_xml_validate (first_data, first_size, "export.xml", &error),
               "our own export fails the schema check: %s", error->message);
  again = yusuan_xml_import_data (first_data, first_size, "export.xml", &error);
  FUZZ_ASSERT (again != NULL, "our own export does not import: %s\n%.*s",
               error->message, (int) MIN (first_size, 4096), first_data);

  second = yusuan_xml_export (again, &error);
  FUZZ_ASSERT (second != NULL, "export of the re-import failed: %s", error->message);
  if (!g_bytes_equal (first, second))
    {
      gsize second_size;
      const char *second_data = g_bytes_get_data (second, &second_size);
      gsize i = 0;

      while (i < first_size && i < second_size && first_data[i] == second_data[i])
        i++;
      FUZZ_ASSERT (FALSE, "export(import(export(x))) differs from export(x) at byte %" G_GSIZE_FORMAT
                   ":\n--- first\n%.*s\n--- second\n%.*s", i,
                   (int) MIN (first_size - i, 300), first_data + i,
                   (int) MIN (second_size - i, 300), second_data + i);
    }
  return 0;
}
