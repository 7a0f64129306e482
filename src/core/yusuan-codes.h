/* yusuan-codes.h - the shapes of the contract's codes, checked in one place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* As budget-1.xsd states them; NULL is never a code. */
gboolean yusuan_code_is_department (const char *code);  /* [0-9]{3,6} */
gboolean yusuan_code_is_unit       (const char *code);  /* [0-9]{6,9} */
gboolean yusuan_code_is_region     (const char *code);  /* [0-9]{6} */
gboolean yusuan_code_is_function   (const char *code);  /* 2[0-9]{6} */
gboolean yusuan_code_is_econ_dept  (const char *code);  /* 3[0-9]{4} */
gboolean yusuan_code_is_econ_gov   (const char *code);  /* 5[0-9]{4} */
gboolean yusuan_code_is_project    (const char *code);  /* [0-9A-Za-z]{6,32} */

G_END_DECLS
