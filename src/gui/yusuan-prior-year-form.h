/* yusuan-prior-year-form.h - the prior year's figures (上年数) the year-on-year comparisons use
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_PRIOR_YEAR_FORM (yusuan_prior_year_form_get_type ())
G_DECLARE_FINAL_TYPE (YusuanPriorYearForm, yusuan_prior_year_form, YUSUAN, PRIOR_YEAR_FORM, GtkWidget)

GtkWidget   *yusuan_prior_year_form_new        (void);
/* The entry of one figure, in the display unit: empty means not stated; all
 * twelve empty removes the block. */
GtkEditable *yusuan_prior_year_form_get_entry  (YusuanPriorYearForm  *self,
                                                YusuanPriorKey        key);
void         yusuan_prior_year_form_set_year   (YusuanPriorYearForm  *self,
                                                int                   fiscal_year);
gboolean     yusuan_prior_year_form_apply      (YusuanPriorYearForm  *self,
                                                GError              **error);
/* The label a figure is known by, "Revenue total (收入总计)". */
const char  *yusuan_prior_key_label            (YusuanPriorKey        key);

G_END_DECLS
