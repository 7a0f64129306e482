/* yusuan-projects-page.h - the projects (项目): a searchable list with amounts and findings, and one project's editor
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"
#include "yusuan-project-editor.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_PROJECTS_PAGE (yusuan_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (YusuanProjectsPage, yusuan_projects_page, YUSUAN, PROJECTS_PAGE, GtkWidget)

GtkWidget           *yusuan_projects_page_new             (void);

/* The list: what the search entry filters by (code or name). */
void                 yusuan_projects_page_set_search      (YusuanProjectsPage *self,
                                                           const char         *text);
/* Projects listed now (after the search), and the id of the @index-th. */
guint                yusuan_projects_page_get_n_listed    (YusuanProjectsPage *self);
guint                yusuan_projects_page_get_listed      (YusuanProjectsPage *self,
                                                           guint               index);
/* Errors and warnings the badges show for @project_id. */
void                 yusuan_projects_page_get_badges      (YusuanProjectsPage *self,
                                                           guint               project_id,
                                                           guint              *errors,
                                                           guint              *warnings);

/* Opens a project's page (0: back to the list). */
void                 yusuan_projects_page_show_project    (YusuanProjectsPage *self,
                                                           guint               project_id);
YusuanProjectEditor *yusuan_projects_page_get_editor      (YusuanProjectsPage *self);
/* TRUE while a project's page is shown rather than the list. */
gboolean             yusuan_projects_page_is_editing      (YusuanProjectsPage *self);

/* What the Add Project button does: a new project with a free code, shown
 * for its name to be typed.  Returns its id (0 when read-only). */
guint                yusuan_projects_page_add_project     (YusuanProjectsPage *self);

G_END_DECLS
