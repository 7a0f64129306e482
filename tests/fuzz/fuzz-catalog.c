/* fuzz-catalog.c - fuzz target: a catalogue file from anywhere, and every query on what it gives
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "yusuan-catalog.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
walk (YusuanCatalog        *catalog,
      YusuanClassification  classification,
      const char           *parent,
      int                   depth)
{
  const char *const *children = yusuan_catalog_get_children (catalog, classification, parent);

  FUZZ_ASSERT (depth < 8, "the catalogue's tree is deeper than 类 款 项");
  for (gsize i = 0; children != NULL && children[i] != NULL; i++)
    {
      const char *code = children[i];

      FUZZ_ASSERT (yusuan_catalog_get_level (catalog, classification, code) != YUSUAN_CODE_LEVEL_NONE,
                   "child %s has no level", code);
      FUZZ_ASSERT (yusuan_catalog_get_name (catalog, classification, code) != NULL,
                   "child %s has no name", code);
      FUZZ_ASSERT (yusuan_catalog_get_order (catalog, classification, code) >= 0,
                   "child %s has no order", code);
      if (classification == YUSUAN_CLASSIFICATION_ECON_DEPT)
        {
          (void) yusuan_catalog_econ_default_gov (catalog, code, YUSUAN_UNIT_KIND_ADMINISTRATIVE);
          (void) yusuan_catalog_econ_default_gov (catalog, code, YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION);
          (void) yusuan_catalog_econ_default_category (catalog, code);
        }
      walk (catalog, classification, code, depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;

  fuzz_setup ();
  catalog = yusuan_catalog_new_from_data ((const char *) data, size, "fuzz.catalog", &error);
  if (catalog == NULL)
    {
      FUZZ_ASSERT (error != NULL && *error->message != '\0' && g_utf8_validate (error->message, -1, NULL),
                   "a refused catalogue says why, in UTF-8");
      return 0;
    }

  FUZZ_ASSERT (yusuan_catalog_get_first_year (catalog) <= yusuan_catalog_get_last_year (catalog),
               "years %d … %d", yusuan_catalog_get_first_year (catalog), yusuan_catalog_get_last_year (catalog));
  FUZZ_ASSERT (yusuan_catalog_get_source (catalog) != NULL, "a source");
  for (int c = YUSUAN_CLASSIFICATION_FUNCTION; c <= YUSUAN_CLASSIFICATION_ECON_GOV; c++)
    {
      g_autoptr(GPtrArray) found = NULL;

      walk (catalog, c, NULL, 0);
      found = yusuan_catalog_search (catalog, c, "2", YUSUAN_CODE_LEVEL_NONE, 20);
      FUZZ_ASSERT (found != NULL && found->len <= 20, "search bounded");
      g_clear_pointer (&found, g_ptr_array_unref);
      found = yusuan_catalog_search (catalog, c, "运行", YUSUAN_CODE_LEVEL_NONE, 5);
      FUZZ_ASSERT (found != NULL && found->len <= 5, "search bounded");
    }
  (void) yusuan_catalog_econ_pair_allowed (catalog, "30101", "50101");
  return 0;
}
