/* yusuan-indicator-editor.h - the form of one performance indicator (绩效指标), checked as it is typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-document.h"
#include "yusuan-editor-dialog.h"
#include "yusuan-rules.h"

G_BEGIN_DECLS

typedef enum
{
  YUSUAN_INDICATOR_FIELD_LEVEL2,       /* 二级指标 */
  YUSUAN_INDICATOR_FIELD_NAME,         /* 三级指标 */
  YUSUAN_INDICATOR_FIELD_VALUE,        /* 指标值 (a number) */
  YUSUAN_INDICATOR_FIELD_UNIT,         /* 计量单位 */
  YUSUAN_INDICATOR_FIELD_TEXT,         /* 定性 target: 及时, 良好 … */
  YUSUAN_INDICATOR_FIELD_EXPLANATION,  /* 指标值说明 */
} YusuanIndicatorField;

#define YUSUAN_TYPE_INDICATOR_EDITOR (yusuan_indicator_editor_get_type ())
G_DECLARE_FINAL_TYPE (YusuanIndicatorEditor, yusuan_indicator_editor, YUSUAN, INDICATOR_EDITOR, GtkWidget)

GtkWidget      *yusuan_indicator_editor_new              (void);

/* Edits a copy of indicator @indicator_id of project @project_id (0: the
 * department's, table 11), or a new one in group @level1 when
 * @indicator_id is 0.  Nothing reaches the document before apply. */
void            yusuan_indicator_editor_set_target       (YusuanIndicatorEditor *self,
                                                          YusuanDocument        *document,
                                                          guint                  project_id,
                                                          guint                  indicator_id,
                                                          YusuanLevel1           level1);
guint           yusuan_indicator_editor_get_project_id   (YusuanIndicatorEditor *self);
/* The indicator edited: 0 for a new one until it is applied. */
guint           yusuan_indicator_editor_get_indicator_id (YusuanIndicatorEditor *self);

void            yusuan_indicator_editor_set_level1       (YusuanIndicatorEditor *self,
                                                          YusuanLevel1           level1);
YusuanLevel1    yusuan_indicator_editor_get_level1       (YusuanIndicatorEditor *self);
void            yusuan_indicator_editor_set_operator     (YusuanIndicatorEditor *self,
                                                          YusuanOperator         op);
YusuanOperator  yusuan_indicator_editor_get_operator     (YusuanIndicatorEditor *self);
/* The entries a user types into (the explanation is a text view: NULL). */
GtkEditable    *yusuan_indicator_editor_get_entry        (YusuanIndicatorEditor *self,
                                                          YusuanIndicatorField   field);
void            yusuan_indicator_editor_set_explanation  (YusuanIndicatorEditor *self,
                                                          const char            *text);

/* Live checks: the "valid" property, the problems shown under the form
 * (NULL when none) and how 预算12表 will print the target ("≥95%"). */
gboolean        yusuan_indicator_editor_is_valid         (YusuanIndicatorEditor *self);
const char     *yusuan_indicator_editor_get_message      (YusuanIndicatorEditor *self);
const char     *yusuan_indicator_editor_get_preview      (YusuanIndicatorEditor *self);

/* Stores the form as one undo step; FALSE (YUSUAN_EDITOR_ERROR) with the
 * reason when it cannot. */
gboolean        yusuan_indicator_editor_apply            (YusuanIndicatorEditor *self,
                                                          GError               **error);
/* The form in a dialog over @parent, not shown yet, titled for what it
 * does: add (@indicator_id 0) or change one of project @project_id's
 * indicators or (@project_id 0) of the department's, as
 * yusuan_indicator_editor_set_target says. */
YusuanEditorDialog *yusuan_indicator_editor_dialog_new   (GtkWidget             *parent,
                                                          YusuanDocument        *document,
                                                          guint                  project_id,
                                                          guint                  indicator_id,
                                                          YusuanLevel1           level1);

/* The level-2 names usual for @level1: for a project's groups or, with
 * @department, for table 11's. */
const char *const *yusuan_indicator_level2_suggestions   (YusuanLevel1           level1,
                                                          gboolean               department);
/* "≥95%", "100次", "≤8万元", "及时": the target as the tables print it. */
char           *yusuan_indicator_format_target           (const YusuanIndicator *indicator);

/* The indicators of a project fall in four groups, 预算12表's; the
 * department's (@department) in four of its own, 预算11表's. */
#define YUSUAN_N_INDICATOR_GROUPS 4
const YusuanLevel1 *yusuan_indicator_groups              (gboolean               department);

/* The worst of @checker's findings on indicator @indicator_id of project
 * @project_id (0: the department's), as a YusuanSeverity; -1 for none. */
int             yusuan_indicator_worst_severity          (YusuanChecker         *checker,
                                                          guint                  project_id,
                                                          guint                  indicator_id);
/* A row of a list of indicators: name, level 2 and explanation, target, a
 * mark for @severity (-1: none) and a remove button whose "clicked" goes to
 * @remove_clicked_cb with @user_data.  The row and the button carry the
 * indicator's id as "indicator-id". */
GtkWidget      *yusuan_indicator_row_new                 (const YusuanIndicator *indicator,
                                                          int                    severity,
                                                          gboolean               read_only,
                                                          GCallback              remove_clicked_cb,
                                                          gpointer               user_data);

/* The indicators of a project or of the department on a page: per group, a
 * heading with an add button over a boxed list of rows. */
typedef struct
{
  gboolean            department;
  const YusuanLevel1 *order;
  GtkWidget          *lists[YUSUAN_N_INDICATOR_GROUPS];
  GtkWidget          *add_buttons[YUSUAN_N_INDICATOR_GROUPS];
} YusuanIndicatorGroups;

/* Appends the groups of a project's indicators (@department: of the
 * department's) to @box.  An add button's "clicked" goes to
 * @add_clicked_cb (button, @page), the button carrying its group as
 * "level1"; a list's "row-activated" to @row_activated_cb (@page, row). */
void            yusuan_indicator_groups_build            (YusuanIndicatorGroups *groups,
                                                          GtkWidget             *box,
                                                          gboolean               department,
                                                          GCallback              add_clicked_cb,
                                                          GCallback              row_activated_cb,
                                                          gpointer               page);
/* Lists project @project_id's indicators (none while it is 0) or, in the
 * department's groups, the department's; each is marked with its worst
 * finding, and a group that has none says so.  A row's remove button's
 * "clicked" goes to @remove_clicked_cb (button, @page). */
void            yusuan_indicator_groups_fill             (YusuanIndicatorGroups *groups,
                                                          YusuanDocument        *document,
                                                          YusuanChecker         *checker,
                                                          guint                  project_id,
                                                          gboolean               read_only,
                                                          GCallback              remove_clicked_cb,
                                                          gpointer               page);
/* The row of indicator @indicator_id, NULL when it is not listed. */
GtkWidget      *yusuan_indicator_groups_find_row         (YusuanIndicatorGroups *groups,
                                                          guint                  indicator_id);

G_END_DECLS
