/* yusuan-three-public-form.h - the “三公” expenses stated for table 08, held against their lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_THREE_PUBLIC_FORM (yusuan_three_public_form_get_type ())
G_DECLARE_FINAL_TYPE (YusuanThreePublicForm, yusuan_three_public_form, YUSUAN, THREE_PUBLIC_FORM, GtkWidget)

GtkWidget   *yusuan_three_public_form_new       (void);
/* The entry of one item, in the display unit; all four empty removes the block. */
GtkEditable *yusuan_three_public_form_get_entry (YusuanThreePublicForm  *self,
                                                 YusuanThreePublic       item);
gboolean     yusuan_three_public_form_is_changed (YusuanThreePublicForm *self);
/* Stores the four amounts as one undo step; FALSE (YUSUAN_EDITOR_ERROR) with the reason. */
gboolean     yusuan_three_public_form_apply     (YusuanThreePublicForm  *self,
                                                 GError                **error);
void         yusuan_three_public_form_revert    (YusuanThreePublicForm  *self);

G_END_DECLS
