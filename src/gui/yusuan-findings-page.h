/* yusuan-findings-page.h - the checks (审核): findings grouped by severity and table, live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-rules.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_FINDINGS_PAGE (yusuan_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (YusuanFindingsPage, yusuan_findings_page, YUSUAN, FINDINGS_PAGE, GtkWidget)

GtkWidget     *yusuan_findings_page_new          (void);
void           yusuan_findings_page_set_checker  (YusuanFindingsPage *self,
                                                  YusuanChecker      *checker);
/* What the findings are about, for naming their subjects (projects,
 * indicators, lines) as the user knows them; NULL when no document is shown. */
void           yusuan_findings_page_set_document (YusuanFindingsPage *self,
                                                  YusuanDocument     *document,
                                                  YusuanCatalog      *catalog);
/* The number of findings listed (what the user sees). */
guint          yusuan_findings_page_get_n_shown  (YusuanFindingsPage *self);
/* Activates the @index-th finding as a click on its row would. */
void           yusuan_findings_page_activate     (YusuanFindingsPage *self,
                                                  guint               index);

/* Signals: ::finding-activated (guint index into the checker's findings). */

G_END_DECLS
