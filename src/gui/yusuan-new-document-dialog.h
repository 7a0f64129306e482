/* yusuan-new-document-dialog.h - asks for what a new budget starts with, then opens it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_NEW_DOCUMENT_DIALOG (yusuan_new_document_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YusuanNewDocumentDialog, yusuan_new_document_dialog, YUSUAN, NEW_DOCUMENT_DIALOG, AdwWindow)

/* @settings (nullable) remembers the last department and year. */
YusuanNewDocumentDialog *yusuan_new_document_dialog_new          (GtkWindow               *parent,
                                                                  GSettings               *settings);
/* The document the fields describe, or NULL with the first problem found. */
YusuanDocument          *yusuan_new_document_dialog_build        (YusuanNewDocumentDialog *self,
                                                                  GError                 **error);

G_END_DECLS
