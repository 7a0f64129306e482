/* yusuan-editor-page.h - what the window asks of a page that edits the document outside the tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"
#include "yusuan-rules.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_EDITOR_PAGE (yusuan_editor_page_get_type ())
G_DECLARE_INTERFACE (YusuanEditorPage, yusuan_editor_page, YUSUAN, EDITOR_PAGE, GtkWidget)

struct _YusuanEditorPageInterface
{
  GTypeInterface parent_iface;

  void     (*set_document)     (YusuanEditorPage    *self,
                                YusuanDocument      *document,
                                YusuanCatalog       *catalog,
                                YusuanChecker       *checker,
                                gboolean             read_only);
  void     (*set_display_unit) (YusuanEditorPage    *self,
                                YusuanDisplayUnit    unit);
  gboolean (*show_finding)     (YusuanEditorPage    *self,
                                const YusuanFinding *finding);
  /* The kinds of finding show_finding may take (YUSUAN_EDITOR_TARGET bits):
   * known without a document, so that a window need not hand one to every
   * page to find the page a finding belongs to. */
  guint      finding_targets;
};

#define YUSUAN_EDITOR_TARGET(kind) (1u << (kind))

/* @document NULL: the window shows no document (every reference is dropped). */
void      yusuan_editor_page_set_document     (YusuanEditorPage    *self,
                                               YusuanDocument      *document,
                                               YusuanCatalog       *catalog,
                                               YusuanChecker       *checker,
                                               gboolean             read_only);
void      yusuan_editor_page_set_display_unit (YusuanEditorPage    *self,
                                               YusuanDisplayUnit    unit);
/* Whether @finding is of a kind this page may show, document or not. */
gboolean  yusuan_editor_page_may_show_finding (YusuanEditorPage    *self,
                                               const YusuanFinding *finding);
/* Shows where @finding is fixed on this page; FALSE when the finding is not
 * this page's to fix. */
gboolean  yusuan_editor_page_show_finding     (YusuanEditorPage    *self,
                                               const YusuanFinding *finding);

/* Helpers the editor pages share. */

/* Sets or clears a CSS class. */
void      yusuan_editor_set_css_class         (GtkWidget           *widget,
                                               const char          *name,
                                               gboolean             set);
/* Sets a tooltip only when it differs: setting one asks the display where
 * the pointer is, which a list refreshing its cells cannot afford. */
void      yusuan_editor_set_tooltip           (GtkWidget           *widget,
                                               const char          *text);
/* A GtkDropDown of the document's units, "103001 河南省三门峡市人民政府办公室":
 * fills it, finds a unit's position (GTK_INVALID_LIST_POSITION when it is not
 * there) and gives the code of the unit chosen (NULL when none). */
void        yusuan_editor_fill_unit_dropdown  (GtkWidget           *dropdown,
                                               YusuanDocument      *document);
guint       yusuan_editor_find_dropdown_unit  (GtkWidget           *dropdown,
                                               const char          *code);
const char *yusuan_editor_get_dropdown_unit   (GtkWidget           *dropdown);
/* Removes every row of a GtkListBox. */
void      yusuan_editor_clear_list_box        (GtkWidget           *list);
/* The text of a GtkTextView, whole. */
char     *yusuan_editor_dup_text_view_text    (GtkTextView         *view);
/* @text with surrounding white space removed, or NULL when nothing is left. */
char     *yusuan_editor_dup_trimmed           (const char          *text);
/* Parses an amount typed in @unit: empty text is *present FALSE (no error). */
gboolean  yusuan_editor_parse_amount          (const char          *text,
                                               YusuanDisplayUnit    unit,
                                               gboolean            *present,
                                               YusuanAmount        *amount,
                                               GError             **error);
/* "万元" or "元" */
const char *yusuan_editor_unit_suffix         (YusuanDisplayUnit    unit);
/* Heads an amount column "Amount (万元)", with @unit. */
void      yusuan_editor_set_amount_title      (GtkColumnViewColumn *column,
                                               YusuanDisplayUnit    unit);
/* "319.80 万元": grouped, with its unit. */
char     *yusuan_editor_format_amount         (YusuanAmount         amount,
                                               YusuanDisplayUnit    unit);
/* An amount typed in @from as typed in @to, never rounded; NULL when @text
 * holds no amount. */
char     *yusuan_editor_convert_amount        (const char          *text,
                                               YusuanDisplayUnit    from,
                                               YusuanDisplayUnit    to);
/* Re-types an amount typed in @from as @to would show it; text that is not
 * an amount is left as it is. */
void      yusuan_editor_convert_amount_text   (GtkEditable         *editable,
                                               YusuanDisplayUnit    from,
                                               YusuanDisplayUnit    to);
/* Makes *@slot hold @object (a document or a checker) and follows its
 * "changed" with @changed_cb, called as changed_cb (@page, …); the object
 * held before is let go and no longer followed.  @object NULL only lets go. */
void      yusuan_editor_watch                 (gpointer             page,
                                               gpointer             slot,
                                               gpointer             object,
                                               GCallback            changed_cb);
/* Work a page does when the main loop is idle while the page is shown, or
 * when it is shown again if it was hidden meanwhile: typing in a table must
 * not pay for what nobody sees.  Held in the page's struct. */
typedef void (*YusuanEditorRefreshFunc) (gpointer page);
typedef struct
{
  GtkWidget               *page;
  YusuanEditorRefreshFunc  run;
  guint                    source_id;
  gboolean                 stale;
} YusuanEditorRefresh;

void      yusuan_editor_refresh_init          (YusuanEditorRefresh *refresh,
                                               GtkWidget           *page,
                                               YusuanEditorRefreshFunc run);
/* Asks for it: once, at idle, while the page is shown; when it is shown
 * again otherwise. */
void      yusuan_editor_refresh_queue         (YusuanEditorRefresh *refresh);
/* Asked for and not run yet: what must be up to date now runs it. */
gboolean  yusuan_editor_refresh_pending       (YusuanEditorRefresh *refresh);
/* What the work does first: nothing waits for it any longer. */
void      yusuan_editor_refresh_done          (YusuanEditorRefresh *refresh);
/* Drops the run waiting for idle (not the one waiting for the page to be
 * shown): for a new document and dispose. */
void      yusuan_editor_refresh_cancel        (YusuanEditorRefresh *refresh);
/* From the page's map: runs the work when it waited for this. */
void      yusuan_editor_refresh_mapped        (YusuanEditorRefresh *refresh);
/* Makes *@slot hold a reference to @catalog (or NULL) in place of the one it
 * held. */
void      yusuan_editor_set_catalog           (YusuanCatalog      **slot,
                                               YusuanCatalog       *catalog);
/* Clears a page's template and whatever else it holds as children. */
void      yusuan_editor_dispose_template      (GtkWidget           *page,
                                               GType                page_type);
/* Appends to @group a row in which one figure is typed: its changes and
 * Enter go to @changed_cb and @activated_cb (called with @page).  With
 * @suffix, a dimmed figure beside the entry, for the page to fill. */
GtkWidget *yusuan_editor_add_figure_row       (GtkWidget           *group,
                                               const char          *title,
                                               GtkInputPurpose      purpose,
                                               GCallback            changed_cb,
                                               GCallback            activated_cb,
                                               gpointer             page,
                                               GtkWidget          **suffix);
/* Reads @n figure rows (yusuan_editor_add_figure_row) typed in @unit into
 * @amounts and, when not NULL, @present; *@any tells whether one holds a
 * figure.  FALSE at the first row whose text is not an amount, the error
 * naming the row by its title. */
gboolean  yusuan_editor_parse_figure_rows     (GtkWidget *const    *rows,
                                               guint                n,
                                               YusuanDisplayUnit    unit,
                                               gboolean            *present,
                                               YusuanAmount        *amounts,
                                               gboolean            *any,
                                               GError             **error);
/* Marks "error" each of @n figure rows whose text is not an amount. */
void      yusuan_editor_mark_figure_rows      (GtkWidget *const    *rows,
                                               guint                n,
                                               YusuanDisplayUnit    unit);
/* yusuan_editor_convert_amount_text on each of @n entries. */
void      yusuan_editor_convert_amount_entries (GtkWidget *const   *entries,
                                                guint               n,
                                                YusuanDisplayUnit   from,
                                                YusuanDisplayUnit   to);
/* Shows @problems (char*), one a line, in @message_label, hidden when there
 * are none; returns what it shows, NULL for nothing. */
char     *yusuan_editor_show_problems         (GtkWidget           *message_label,
                                               GPtrArray           *problems);
/* Refuses to apply with the first of @problems (as shown, one a line):
 * YUSUAN_EDITOR_ERROR_INVALID. */
void      yusuan_editor_set_problem_error     (GError             **error,
                                               const char          *problems);
/* FALSE, with YUSUAN_EDITOR_ERROR_READ_ONLY, when nothing may be changed:
 * no document, or one open read-only. */
gboolean  yusuan_editor_check_writable        (YusuanDocument      *document,
                                               gboolean             read_only,
                                               GError             **error);
/* Says why Apply failed, where the form's problems show, with a bell. */
void      yusuan_editor_show_apply_error      (GtkWidget           *page,
                                               GtkWidget           *message_label,
                                               const GError        *error);
/* The Apply/Revert bar of a form that edits a copy: Apply while something
 * changed and nothing is wrong, the first problem shown beside them. */
void      yusuan_editor_update_form_bar       (GtkWidget           *apply_button,
                                               GtkWidget           *revert_button,
                                               GtkWidget           *message_label,
                                               gboolean             changed,
                                               const char          *problem,
                                               gboolean             read_only);

G_END_DECLS
