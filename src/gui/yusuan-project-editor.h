/* yusuan-project-editor.h - one project: its fields, its lines (浮动行) and its performance targets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"
#include "yusuan-editor-dialog.h"
#include "yusuan-rules.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_PROJECT_EDITOR (yusuan_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (YusuanProjectEditor, yusuan_project_editor, YUSUAN, PROJECT_EDITOR, GtkWidget)

GtkWidget          *yusuan_project_editor_new              (void);

void                yusuan_project_editor_set_document     (YusuanProjectEditor *self,
                                                            YusuanDocument      *document,
                                                            YusuanCatalog       *catalog,
                                                            YusuanChecker       *checker,
                                                            gboolean             read_only);
void                yusuan_project_editor_set_display_unit (YusuanProjectEditor *self,
                                                            YusuanDisplayUnit    unit);
/* The project shown, 0 for none. */
void                yusuan_project_editor_set_project      (YusuanProjectEditor *self,
                                                            guint                project_id);
guint               yusuan_project_editor_get_project_id   (YusuanProjectEditor *self);

/* The fields form: code, name, unit, kind, description; applied as one step. */
GtkEditable        *yusuan_project_editor_get_code_entry   (YusuanProjectEditor *self);
GtkEditable        *yusuan_project_editor_get_name_entry   (YusuanProjectEditor *self);
gboolean            yusuan_project_editor_apply_fields     (YusuanProjectEditor *self,
                                                            GError             **error);
/* Focuses the name (a new project is named first). */
void                yusuan_project_editor_focus_name       (YusuanProjectEditor *self);

/* What the buttons open: a line or indicator form in a dialog, already shown. */
YusuanEditorDialog *yusuan_project_editor_add_line         (YusuanProjectEditor *self);
YusuanEditorDialog *yusuan_project_editor_edit_line        (YusuanProjectEditor *self,
                                                            guint                line_id);
YusuanEditorDialog *yusuan_project_editor_add_indicator    (YusuanProjectEditor *self,
                                                            YusuanLevel1         level1);
YusuanEditorDialog *yusuan_project_editor_edit_indicator   (YusuanProjectEditor *self,
                                                            guint                indicator_id);

/* Brings the indicator's row (0: the targets) or the lines into view. */
void                yusuan_project_editor_show_indicator   (YusuanProjectEditor *self,
                                                            guint                indicator_id);
void                yusuan_project_editor_show_lines       (YusuanProjectEditor *self);

/* The findings listed at the top of the page for this project. */
guint               yusuan_project_editor_get_n_findings   (YusuanProjectEditor *self);

G_END_DECLS
