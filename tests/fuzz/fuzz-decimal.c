/* fuzz-decimal.c - fuzz target: indicator values, normalised and compared
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "yusuan-document.h"

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
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_setup ();
  text = g_strndup ((const char *) data, size);
  normal = yusuan_decimal_normalize (text, &error);
  if (normal == NULL)
    {
      FUZZ_ASSERT (error != NULL && g_utf8_validate (error->message, -1, NULL),
                   "a refused value says why, in UTF-8");
      return 0;
    }

  /* The shortest form is a fixed point, equal to itself, and plain ASCII. */
  again = yusuan_decimal_normalize (normal, &error);
  FUZZ_ASSERT (again != NULL, "“%s” → “%s” does not normalise: %s", text, normal, error->message);
  FUZZ_ASSERT (strcmp (again, normal) == 0, "“%s” → “%s” → “%s”", text, normal, again);
  FUZZ_ASSERT (yusuan_decimal_compare (normal, again) == 0, "“%s” is not equal to itself", normal);
  for (const char *p = normal; *p; p++)
    FUZZ_ASSERT (g_ascii_isdigit (*p) || *p == '.' || *p == '-', "“%s” has “%c”", normal, *p);
  FUZZ_ASSERT (strcmp (normal, "-0") != 0, "negative zero");

  /* Comparison is antisymmetric against a few fixed values. */
  {
    static const char *const others[] = { "0", "95", "-1", "0.5", "100", "99999999999999.9999" };

    for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
      {
        int ab = yusuan_decimal_compare (normal, others[i]);
        int ba = yusuan_decimal_compare (others[i], normal);

        FUZZ_ASSERT ((ab > 0) == (ba < 0) && (ab == 0) == (ba == 0),
                     "compare(%s, %s) = %d but compare(%s, %s) = %d", normal, others[i], ab, others[i], normal, ba);
      }
  }
  return 0;
}
