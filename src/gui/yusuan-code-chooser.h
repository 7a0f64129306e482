/* yusuan-code-chooser.h - chooses a classification code by typing its digits or part of its name
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-catalog.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_CODE_CHOOSER (yusuan_code_chooser_get_type ())
G_DECLARE_FINAL_TYPE (YusuanCodeChooser, yusuan_code_chooser, YUSUAN, CODE_CHOOSER, GtkWidget)

GtkWidget   *yusuan_code_chooser_new                (void);

/* Which codes it offers: @level NONE offers every level. */
void         yusuan_code_chooser_set_catalog        (YusuanCodeChooser    *self,
                                                     YusuanCatalog        *catalog);
void         yusuan_code_chooser_set_classification (YusuanCodeChooser    *self,
                                                     YusuanClassification  classification,
                                                     YusuanCodeLevel       level);

/* The chosen code (notify::code), NULL when none is. */
const char  *yusuan_code_chooser_get_code           (YusuanCodeChooser    *self);
void         yusuan_code_chooser_set_code           (YusuanCodeChooser    *self,
                                                     const char           *code);

/* What typing @text in the entry does: the matches are listed under it. */
void         yusuan_code_chooser_search             (YusuanCodeChooser    *self,
                                                     const char           *text);
guint        yusuan_code_chooser_get_n_matches      (YusuanCodeChooser    *self);
const char  *yusuan_code_chooser_get_match          (YusuanCodeChooser    *self,
                                                     guint                 index);
/* What a click on the @index-th match does. */
void         yusuan_code_chooser_choose_match       (YusuanCodeChooser    *self,
                                                     guint                 index);
GtkEditable *yusuan_code_chooser_get_entry          (YusuanCodeChooser    *self);

G_END_DECLS
