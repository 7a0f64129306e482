/* yusuan-line-editor.h - the form of one expenditure line: codes found by name, fund, amount
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-catalog.h"
#include "yusuan-code-chooser.h"
#include "yusuan-document.h"
#include "yusuan-editor-dialog.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_LINE_EDITOR (yusuan_line_editor_get_type ())
G_DECLARE_FINAL_TYPE (YusuanLineEditor, yusuan_line_editor, YUSUAN, LINE_EDITOR, GtkWidget)

GtkWidget         *yusuan_line_editor_new             (void);

/* Edits a copy of line @line_id, or a new line when it is 0: a basic line
 * (@project_id 0, with unit and category) or a line of project @project_id.
 * Amounts are typed in @unit. */
void               yusuan_line_editor_set_target      (YusuanLineEditor     *self,
                                                       YusuanDocument       *document,
                                                       YusuanCatalog        *catalog,
                                                       guint                 project_id,
                                                       guint                 line_id,
                                                       YusuanDisplayUnit     unit);
/* The line edited: 0 for a new one until it is applied. */
guint              yusuan_line_editor_get_line_id     (YusuanLineEditor     *self);

/* The choosers of the function (2010301), department (30201) and
 * government (50201) economic codes. */
YusuanCodeChooser *yusuan_line_editor_get_chooser     (YusuanLineEditor     *self,
                                                       YusuanClassification  classification);
void               yusuan_line_editor_set_fund        (YusuanLineEditor     *self,
                                                       YusuanFund            fund);
YusuanFund         yusuan_line_editor_get_fund        (YusuanLineEditor     *self);
/* Basic lines only. */
void               yusuan_line_editor_set_unit        (YusuanLineEditor     *self,
                                                       const char           *unit_code);
const char        *yusuan_line_editor_get_unit        (YusuanLineEditor     *self);
void               yusuan_line_editor_set_category    (YusuanLineEditor     *self,
                                                       YusuanCategory        category);
YusuanCategory     yusuan_line_editor_get_category    (YusuanLineEditor     *self);
GtkEditable       *yusuan_line_editor_get_amount_entry (YusuanLineEditor    *self);

gboolean           yusuan_line_editor_is_valid        (YusuanLineEditor     *self);
/* The problems shown under the form, NULL when none. */
const char        *yusuan_line_editor_get_message     (YusuanLineEditor     *self);
/* Stores the form as one undo step; FALSE (YUSUAN_EDITOR_ERROR) with the reason. */
gboolean           yusuan_line_editor_apply           (YusuanLineEditor     *self,
                                                       GError              **error);

/* The form in a dialog over @parent, not shown yet, titled for what it
 * does: add (@line_id 0) or change a basic line (@project_id 0) or one of
 * project @project_id's, as yusuan_line_editor_set_target says. */
YusuanEditorDialog *yusuan_line_editor_dialog_new     (GtkWidget            *parent,
                                                       YusuanDocument       *document,
                                                       YusuanCatalog        *catalog,
                                                       guint                 project_id,
                                                       guint                 line_id,
                                                       YusuanDisplayUnit     unit);

G_END_DECLS
