/* yusuan-codes.c - the shapes of the contract's codes, checked in one place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-codes.h"

/* @first: the required first digit, or 0 for any. */
static gboolean
is_digits (const char *code,
           gsize       min,
           gsize       max,
           char        first)
{
  gsize n = 0;

  if (code == NULL || (first != 0 && code[0] != first))
    return FALSE;
  for (; code[n]; n++)
    if (!g_ascii_isdigit (code[n]) || n >= max)
      return FALSE;
  return n >= min;
}

gboolean
yusuan_code_is_department (const char *code)
{
  return is_digits (code, 3, 6, 0);
}

gboolean
yusuan_code_is_unit (const char *code)
{
  return is_digits (code, 6, 9, 0);
}

gboolean
yusuan_code_is_region (const char *code)
{
  return is_digits (code, 6, 6, 0);
}

gboolean
yusuan_code_is_function (const char *code)
{
  return is_digits (code, 7, 7, '2');
}

gboolean
yusuan_code_is_econ_dept (const char *code)
{
  return is_digits (code, 5, 5, '3');
}

gboolean
yusuan_code_is_econ_gov (const char *code)
{
  return is_digits (code, 5, 5, '5');
}

gboolean
yusuan_code_is_project (const char *code)
{
  gsize n = 0;

  if (code == NULL)
    return FALSE;
  for (; code[n]; n++)
    if (!g_ascii_isalnum (code[n]) || n >= 32)
      return FALSE;
  return n >= 6;
}
