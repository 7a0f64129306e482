/* yusuan-editor-dialog.h - a window around one form: Cancel, or apply it as one undoable step
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define YUSUAN_EDITOR_ERROR (yusuan_editor_error_quark ())

typedef enum
{
  YUSUAN_EDITOR_ERROR_INVALID,    /* what the form holds cannot be stored: the message says why */
  YUSUAN_EDITOR_ERROR_READ_ONLY,  /* the document was opened read-only */
  YUSUAN_EDITOR_ERROR_GONE,       /* what the form edits was removed meanwhile (undo) */
} YusuanEditorError;

GQuark yusuan_editor_error_quark (void);

/* Stores what @form holds in the document; FALSE with a message a user can
 * act on when it cannot. */
typedef gboolean (*YusuanEditorApplyFunc) (GtkWidget  *form,
                                           GError    **error);

#define YUSUAN_TYPE_EDITOR_DIALOG (yusuan_editor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YusuanEditorDialog, yusuan_editor_dialog, YUSUAN, EDITOR_DIALOG, AdwWindow)

/* @form has a boolean "valid" property: Apply is offered while it is TRUE. */
YusuanEditorDialog *yusuan_editor_dialog_new      (GtkWidget             *parent,
                                                   const char            *title,
                                                   const char            *apply_label,
                                                   GtkWidget             *form,
                                                   YusuanEditorApplyFunc  apply);
GtkWidget          *yusuan_editor_dialog_get_form (YusuanEditorDialog    *self);
/* What the Apply button does: on success the dialog closes. */
gboolean            yusuan_editor_dialog_apply    (YusuanEditorDialog    *self,
                                                   GError               **error);

/* Signals: ::applied after the form was stored. */

G_END_DECLS
