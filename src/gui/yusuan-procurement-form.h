/* yusuan-procurement-form.h - the government procurement budget (政府采购): items by category
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_PROCUREMENT_FORM (yusuan_procurement_form_get_type ())
G_DECLARE_FINAL_TYPE (YusuanProcurementForm, yusuan_procurement_form, YUSUAN, PROCUREMENT_FORM, GtkWidget)

GtkWidget   *yusuan_procurement_form_new          (void);

/* The items as the form holds them (a copy, not yet applied). */
guint        yusuan_procurement_form_get_n_items  (YusuanProcurementForm     *self);
/* Appends an empty item and returns its index. */
guint        yusuan_procurement_form_add_item     (YusuanProcurementForm     *self);
void         yusuan_procurement_form_remove_item  (YusuanProcurementForm     *self,
                                                   guint                      index);
/* What typing into an item's cells does: @amount as typed in the display
 * unit, @project a project code or NULL, @name NULL for none. */
void         yusuan_procurement_form_set_item     (YusuanProcurementForm     *self,
                                                   guint                      index,
                                                   YusuanProcurementCategory  category,
                                                   const char                *amount,
                                                   const char                *project,
                                                   const char                *name);
gboolean     yusuan_procurement_form_is_changed   (YusuanProcurementForm     *self);
/* The first problem of the items as typed, NULL when none. */
const char  *yusuan_procurement_form_get_message  (YusuanProcurementForm     *self);
/* Stores the whole list as one undo step; FALSE (YUSUAN_EDITOR_ERROR) with the reason. */
gboolean     yusuan_procurement_form_apply        (YusuanProcurementForm     *self,
                                                   GError                   **error);

G_END_DECLS
