/* yusuan-procurement-form.h - the government procurement budget (政府采购): items by category
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_PROCUREMENT_FORM (yusuan_procurement_form_get_type ())
G_DECLARE_FINAL_TYPE (YusuanProcurementForm, yusuan_procurement_form, YUSUAN, PROCUREMENT_FORM, GtkWidget)

GtkWidget   *yusuan_procurement_form_new           (void);

/* The items as the form holds them (not yet applied). */
guint        yusuan_procurement_form_get_n_items   (YusuanProcurementForm     *self);
/* Appends an empty item and returns its index. */
guint        yusuan_procurement_form_add_item      (YusuanProcurementForm     *self);
void         yusuan_procurement_form_remove_item   (YusuanProcurementForm     *self,
                                                    guint                      index);
void         yusuan_procurement_form_set_category  (YusuanProcurementForm     *self,
                                                    guint                      index,
                                                    YusuanProcurementCategory  category);
/* The project an item buys for: a project code or NULL. */
void         yusuan_procurement_form_set_project   (YusuanProcurementForm     *self,
                                                    guint                      index,
                                                    const char                *project_code);
GtkEditable *yusuan_procurement_form_get_amount_entry (YusuanProcurementForm  *self,
                                                    guint                      index);
GtkEditable *yusuan_procurement_form_get_name_entry (YusuanProcurementForm    *self,
                                                    guint                      index);
gboolean     yusuan_procurement_form_apply         (YusuanProcurementForm     *self,
                                                    GError                   **error);

G_END_DECLS
