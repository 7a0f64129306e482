/* yusuan-window.c - a window on one budget document: sidebar of tables and pages, files, undo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-assets-form.h"
#include "yusuan-charts-page.h"
#include "yusuan-control-numbers-page.h"
#include "yusuan-editor-page.h"
#include "yusuan-explanations-form.h"
#include "yusuan-findings-page.h"
#include "yusuan-lines-page.h"
#include "yusuan-loader.h"
#include "yusuan-performance-page.h"
#include "yusuan-print.h"
#include "yusuan-prior-year-form.h"
#include "yusuan-procurement-form.h"
#include "yusuan-projects-page.h"
#include "yusuan-three-public-form.h"
#include "yusuan-store.h"
#include "yusuan-table-view.h"
#include "yusuan-window.h"
#include "yusuan-workflow.h"
#include "yusuan-xml.h"

#define MAX_RECENT 8
#define MAX_ERRORS_LISTED 8

/* The pages that edit the document outside the tables, in the sidebar's order. */
static const struct
{
  const char *name;
  const char *title;
  GType     (*get_type) (void);
} editor_pages[] = {
  { "projects", N_("Projects (项目)"), yusuan_projects_page_get_type },
  { "lines", N_("Basic Expenditure Lines (基本支出)"), yusuan_lines_page_get_type },
  { "performance", N_("Department Performance Targets (部门整体绩效目标)"), yusuan_performance_page_get_type },
  { "three-public", N_("“Three Public” Expenses (“三公”经费)"), yusuan_three_public_form_get_type },
  { "procurement", N_("Government Procurement (政府采购)"), yusuan_procurement_form_get_type },
  { "assets", N_("State-Owned Assets (国有资产占用)"), yusuan_assets_form_get_type },
  { "explanations", N_("Explanations (情况说明)"), yusuan_explanations_form_get_type },
  { "prior-year", N_("Prior-Year Figures (上年数)"), yusuan_prior_year_form_get_type },
  { "control-numbers", N_("Control Numbers (控制数)"), yusuan_control_numbers_page_get_type },
  /* Not an editor: it follows the document as the editors do. */
  { "charts", N_("Charts (图表)"), yusuan_charts_page_get_type },
};

#define N_EDITOR_PAGES G_N_ELEMENTS (editor_pages)

/* What budgets read from files are taken for. */
typedef enum
{
  TAKE_CONTROL_NUMBERS,  /* the bureau's 一下 file, into the budget shown */
  TAKE_SUBMISSIONS,      /* units' submissions, gathered into it */
  TAKE_LAST_YEAR,        /* last year's budget, for next year's */
  N_TAKES
} Take;

struct _YusuanWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  GtkWidget            *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *unit_box;
  GtkWidget            *toast_overlay;
  GtkWidget            *main_stack;
  GtkWidget            *recent_list;
  GtkWidget            *loading_page;
  GtkWidget            *loading_progress;
  GtkWidget            *paned;
  GtkWidget            *sidebar;
  GtkWidget            *content_stack;
  GtkWidget            *findings_page;
  GMenu                *recent_section;

  GtkWidget            *errors_badge;
  GtkWidget            *warnings_badge;
  GtkWidget            *table_views[YUSUAN_N_TABLES];
  GtkWidget            *editor_pages[N_EDITOR_PAGES];
  gboolean              editor_attached[N_EDITOR_PAGES];  /* has the document (given when first needed) */

  GSettings            *settings;
  YusuanLoaded         *loaded;
  GFile                *file;
  YusuanLock           *lock;
  GCancellable         *cancellable;
  GFile                *loading_file;
  GCancellable         *taking[N_TAKES];  /* reading budgets to take from, by what for */
  gint64                loading_started;
  guint                 pulse_id;
  YusuanDisplayUnit     unit;
  guint                 read_only : 1;
  guint                 close_after_save : 1;
  guint                 closing : 1;
};

G_DEFINE_FINAL_TYPE (YusuanWindow, yusuan_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_state (YusuanWindow *self);
static void save_window_state (YusuanWindow *self);
static void show_save_as (YusuanWindow *self);

/* Helpers */

static YusuanDocument *
document (YusuanWindow *self)
{
  return self->loaded ? self->loaded->document : NULL;
}

static void
set_action_enabled (YusuanWindow *self,
                    const char   *name,
                    gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
show_error (YusuanWindow *self,
            const char   *heading,
            const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stop_taking (YusuanWindow *self,
             Take          take)
{
  if (self->taking[take] != NULL)
    g_cancellable_cancel (self->taking[take]);
  g_clear_object (&self->taking[take]);
}

static void
toast (YusuanWindow *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (text));
}

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
add_recent (YusuanWindow *self,
            GFile        *file,
            gboolean      submission)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) (submission ? "application/xml" : "application/x-yusuan"),
    .app_name = (char *) (g_get_application_name () ? g_get_application_name () : "yusuan"),
    .app_exec = (char *) "yusuan %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Recent files */

static void
recent_row_activated_cb (YusuanWindow  *self,
                         GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = NULL;

  if (uri == NULL)
    return;

  file = g_file_new_for_uri (uri);
  yusuan_window_open_file (self, file);
}

static void
rebuild_recent (YusuanWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint shown = 0;

  g_menu_remove_all (self->recent_section);
  while ((child = gtk_widget_get_first_child (self->recent_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);

  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      const char *mime = gtk_recent_info_get_mime_type (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autofree char *action = NULL;
      GtkWidget *row;

      if (g_strcmp0 (mime, "application/x-yusuan") != 0 && !g_str_has_suffix (uri, ".yusuan"))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      action = g_strdup_printf ("app.open-recent('%s')", uri);
      if (strchr (uri, '\'') == NULL)
        g_menu_append (self->recent_section, gtk_recent_info_get_display_name (info), action);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path ? path : uri);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->recent_list), row);
      shown++;
    }

  gtk_widget_set_visible (self->recent_list, shown > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Sidebar */

static void
sidebar_header_cb (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section-title");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "section-title") : NULL;

  if (section != NULL && g_strcmp0 (section, previous) != 0)
    {
      GtkWidget *label = gtk_label_new (section);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, before ? 12 : 6);
      gtk_widget_set_margin_bottom (label, 3);
      gtk_list_box_row_set_header (row, label);
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

static const char *
section_title (const char *section)
{
  if (g_strcmp0 (section, "tables") == 0)
    return _("Tables");
  if (g_strcmp0 (section, "editing") == 0)
    return _("Editing");
  if (g_strcmp0 (section, "reports") == 0)
    return _("Reports");
  if (g_strcmp0 (section, "checks") == 0)
    return _("Checks");
  return NULL;
}

static GtkWidget *
add_sidebar_row (YusuanWindow *self,
                 const char   *name,
                 const char   *section,
                 const char   *title,
                 const char   *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;

  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "sidebar-code");
      gtk_box_append (GTK_BOX (labels), label);
    }
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (labels), label);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "sidebar-row");
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (row), "section-title", (gpointer) section_title (section));
  gtk_list_box_append (GTK_LIST_BOX (self->sidebar), row);

  return box;
}

static GtkListBoxRow *
find_sidebar_row (YusuanWindow *self,
                  const char   *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->sidebar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "page"), name) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* An editor page gets the document when it is first shown or asked about,
 * not when the document opens: some count over every line and project of a
 * city's budget, which nobody should wait for before seeing table 01. */
static void
attach_editor_page (YusuanWindow *self,
                    guint         i)
{
  if (self->loaded == NULL || self->editor_attached[i])
    return;

  self->editor_attached[i] = TRUE;
  yusuan_editor_page_set_display_unit (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), self->unit);
  yusuan_editor_page_set_document (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), self->loaded->document,
                                   self->loaded->catalog, self->loaded->checker, self->read_only);
}

static void
ensure_page (YusuanWindow *self,
             const char   *name)
{
  guint number;

  if (document (self) == NULL)
    return;

  for (guint i = 0; i < N_EDITOR_PAGES; i++)
    if (g_str_equal (editor_pages[i].name, name))
      {
        attach_editor_page (self, i);
        return;
      }

  if (!g_str_has_prefix (name, "table-"))
    return;

  number = (guint) g_ascii_strtoull (name + strlen ("table-"), NULL, 10);
  if (number >= 1 && number <= YUSUAN_N_TABLES)
    yusuan_window_get_table_view (self, number);
}

static void
sidebar_row_selected_cb (YusuanWindow  *self,
                         GtkListBoxRow *row)
{
  const char *name;

  if (row == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "page");
  ensure_page (self, name);
  if (gtk_stack_get_child_by_name (GTK_STACK (self->content_stack), name) != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), name);
}

static void
update_counts (YusuanWindow *self)
{
  YusuanChecker *checker = self->loaded ? self->loaded->checker : NULL;
  guint errors = checker ? yusuan_checker_get_n_errors (checker) : 0;
  guint warnings = checker ? yusuan_checker_get_n_warnings (checker) : 0;
  g_autofree char *error_text = g_strdup_printf ("%u", errors);
  g_autofree char *warning_text = g_strdup_printf ("%u", warnings);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (GTK_LABEL (self->errors_badge), error_text);
  gtk_label_set_label (GTK_LABEL (self->warnings_badge), warning_text);
  gtk_widget_set_visible (self->errors_badge, errors > 0);
  gtk_widget_set_visible (self->warnings_badge, warnings > 0);

  tooltip = g_strdup_printf (_("%u errors, %u warnings"), errors, warnings);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (self->errors_badge), tooltip);
}

static void
build_sidebar (YusuanWindow *self)
{
  GtkWidget *box;

  gtk_list_box_set_header_func (GTK_LIST_BOX (self->sidebar), sidebar_header_cb, NULL, NULL);

  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    {
      g_autofree char *name = g_strdup_printf ("table-%u", n);
      /* Translators: the official code of a published table, "预算03表" */
      g_autofree char *code = g_strdup_printf (_("预算%02u表"), n);

      add_sidebar_row (self, name, "tables", yusuan_table_name_for_number (n), code);
    }

  for (guint i = 0; i < N_EDITOR_PAGES; i++)
    {
      self->editor_pages[i] = g_object_new (editor_pages[i].get_type (), NULL);
      gtk_stack_add_named (GTK_STACK (self->content_stack), self->editor_pages[i], editor_pages[i].name);
      add_sidebar_row (self, editor_pages[i].name,
                       g_str_equal (editor_pages[i].name, "charts") ? "reports" : "editing",
                       _(editor_pages[i].title), NULL);
    }

  box = add_sidebar_row (self, "findings", "checks", _("Checks (审核)"), NULL);
  self->errors_badge = gtk_label_new ("0");
  gtk_widget_add_css_class (self->errors_badge, "finding-count");
  gtk_widget_add_css_class (self->errors_badge, "errors");
  gtk_widget_set_valign (self->errors_badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->errors_badge);
  self->warnings_badge = gtk_label_new ("0");
  gtk_widget_add_css_class (self->warnings_badge, "finding-count");
  gtk_widget_add_css_class (self->warnings_badge, "warnings");
  gtk_widget_set_valign (self->warnings_badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->warnings_badge);
  update_counts (self);
}

/* Document state */

static void
update_title (YusuanWindow *self)
{
  YusuanDocument *doc = document (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (doc == NULL)
    {
      adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), _("Yusuan"));
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Yusuan"));
      return;
    }

  /* Translators: window title, "市人民政府办公室 2023年部门预算"; the bullet marks unsaved changes */
  title = g_strdup_printf (yusuan_document_get_modified (doc) ? _("• %s %d Budget") : _("%s %d Budget"),
                           yusuan_document_get_department_name (doc),
                           yusuan_document_get_fiscal_year (doc));

  if (self->file != NULL)
    {
      g_autofree char *name = display_name (self->file);

      subtitle = self->read_only ? g_strdup_printf (_("%s (read-only)"), name) : g_steal_pointer (&name);
    }
  else if (self->loaded->imported)
    subtitle = g_strdup (_("Imported, not saved yet"));
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* "Undo Paste", "Redo Clear Cells": what the button would do. */
static void
update_undo_tooltips (YusuanWindow *self)
{
  YusuanDocument *doc = document (self);
  const char *undo = doc && yusuan_document_can_undo (doc) ? yusuan_document_get_undo_label (doc) : NULL;
  const char *redo = doc && yusuan_document_can_redo (doc) ? yusuan_document_get_redo_label (doc) : NULL;
  g_autofree char *undo_text = undo && *undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  g_autofree char *redo_text = redo && *redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (self->undo_button, undo_text);
  gtk_widget_set_tooltip_text (self->redo_button, redo_text);
}

static void
update_state (YusuanWindow *self)
{
  YusuanDocument *doc = document (self);
  gboolean editable = doc != NULL && !self->read_only;

  set_action_enabled (self, "undo", editable && yusuan_document_can_undo (doc));
  set_action_enabled (self, "redo", editable && yusuan_document_can_redo (doc));
  update_undo_tooltips (self);
  set_action_enabled (self, "save", editable);
  set_action_enabled (self, "save-as", doc != NULL);
  set_action_enabled (self, "export-xml", doc != NULL);
  set_action_enabled (self, "import-control-numbers", editable);
  set_action_enabled (self, "consolidate", editable);
  set_action_enabled (self, "new-next-year", doc != NULL);
  set_action_enabled (self, "remove-control-numbers", editable && yusuan_document_has_control_numbers (doc));
  set_action_enabled (self, "print", doc != NULL);
  set_action_enabled (self, "export-report", doc != NULL);
  set_action_enabled (self, "show-findings", doc != NULL);
  set_action_enabled (self, "show-page", doc != NULL);
  gtk_widget_set_visible (self->unit_box, doc != NULL);
  update_title (self);
}

static void
document_changed_cb (YusuanWindow       *self,
                     const YusuanChange *change)
{
  if (change->kind == YUSUAN_CHANGE_CONTROL_NUMBERS || change->kind == YUSUAN_CHANGE_RESET)
    set_action_enabled (self, "remove-control-numbers",
                        !self->read_only && yusuan_document_has_control_numbers (document (self)));
  if (change->kind == YUSUAN_CHANGE_HEADER || change->kind == YUSUAN_CHANGE_RESET)
    for (guint i = 0; i < YUSUAN_N_TABLES; i++)
      if (self->table_views[i] != NULL)
        yusuan_table_view_set_department (YUSUAN_TABLE_VIEW (self->table_views[i]),
                                          yusuan_document_get_department_name (document (self)));
}

static void
clear_document (YusuanWindow *self)
{
  /* Control numbers and submissions read for this document are not for the next. */
  stop_taking (self, TAKE_CONTROL_NUMBERS);
  stop_taking (self, TAKE_SUBMISSIONS);

  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    if (self->table_views[i] != NULL)
      {
        gtk_stack_remove (GTK_STACK (self->content_stack), self->table_views[i]);
        self->table_views[i] = NULL;
      }

  yusuan_findings_page_set_checker (YUSUAN_FINDINGS_PAGE (self->findings_page), NULL);
  yusuan_findings_page_set_document (YUSUAN_FINDINGS_PAGE (self->findings_page), NULL, NULL);
  for (guint i = 0; i < N_EDITOR_PAGES; i++)
    {
      if (self->editor_pages[i] != NULL && self->editor_attached[i])
        yusuan_editor_page_set_document (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), NULL, NULL, NULL, FALSE);
      self->editor_attached[i] = FALSE;
    }

  if (self->loaded != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->loaded->document, self);
      g_signal_handlers_disconnect_by_data (self->loaded->checker, self);
    }
  g_clear_pointer (&self->loaded, yusuan_loaded_free);
  g_clear_pointer (&self->lock, yusuan_lock_release);
  g_clear_object (&self->file);
  self->read_only = FALSE;
}

static void
install (YusuanWindow *self,
         YusuanLoaded *loaded,
         GFile        *file,
         YusuanLock   *lock,
         gboolean      read_only)
{
  GtkListBoxRow *row;
  const char *name;

  clear_document (self);

  self->loaded = loaded;
  self->file = file ? g_object_ref (file) : NULL;
  self->lock = lock;
  self->read_only = !!read_only;

  g_signal_connect_object (loaded->document, "notify::modified", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loaded->document, "notify::can-undo", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loaded->document, "notify::can-redo", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loaded->document, "changed", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (loaded->checker, "changed", G_CALLBACK (update_counts),
                           self, G_CONNECT_SWAPPED);

  yusuan_findings_page_set_document (YUSUAN_FINDINGS_PAGE (self->findings_page), loaded->document,
                                     loaded->catalog);
  yusuan_findings_page_set_checker (YUSUAN_FINDINGS_PAGE (self->findings_page), loaded->checker);
  /* The page on show gets it now, the others when they are first shown. */
  name = gtk_stack_get_visible_child_name (GTK_STACK (self->content_stack));
  if (name != NULL)
    ensure_page (self, name);

  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "document");
  update_counts (self);
  update_state (self);

  row = find_sidebar_row (self, "table-1");
  if (gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar)) == row)
    sidebar_row_selected_cb (self, row);
  else
    gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), row);
}

/* Loading */

static gboolean
pulse_cb (gpointer user_data)
{
  YusuanWindow *self = user_data;

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->loading_progress));

  return G_SOURCE_CONTINUE;
}

static void
stop_loading (YusuanWindow *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loading_file);
}

typedef struct
{
  YusuanWindow *window;
  GFile        *file;
  YusuanLock   *lock;
  gboolean      read_only;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_clear_pointer (&data->lock, yusuan_lock_release);
  g_free (data);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 started = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (clock), "yusuan-started"));

  g_debug ("First frame of the document %.3f s after the open began",
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
}

/* Tracing (G_MESSAGES_DEBUG=Yusuan): how long until the user sees the
 * document, the figure that matters for a city-scale budget. */
static void
report_first_frame (YusuanWindow *self,
                    gint64        started)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;

  g_object_set_data (G_OBJECT (clock), "yusuan-started", GSIZE_TO_POINTER ((gsize) started));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadData *data = user_data;
  YusuanWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  YusuanLoaded *loaded = yusuan_loader_load_finish (result, &error);
  gint64 started;

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable) || self->closing)
    {
      /* Cancelled, or the window went away meanwhile. */
      g_clear_pointer (&loaded, yusuan_loaded_free);
      if (!self->closing && self->loaded == NULL)
        gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "welcome");
      stop_loading (self);
      load_data_free (data);
      return;
    }

  started = self->loading_started;
  stop_loading (self);

  if (loaded == NULL)
    {
      g_autofree char *name = display_name (data->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack),
                                        self->loaded ? "document" : "welcome");
      show_error (self, heading, error->message);
      load_data_free (data);
      return;
    }

  g_debug ("Opened %s in %.3f s (read, tables and checks, in a worker thread)",
           g_file_peek_path (data->file),
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  add_recent (self, data->file, loaded->imported);
  install (self, loaded, loaded->imported ? NULL : data->file,
           g_steal_pointer (&data->lock), data->read_only);
  load_data_free (data);
  report_first_frame (self, started);
}

static void
start_loading (YusuanWindow *self,
               GFile        *file,
               YusuanLock   *lock,
               gboolean      read_only)
{
  LoadData *data;
  g_autofree char *name = display_name (file);
  g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_loading (self);

  self->cancellable = g_cancellable_new ();
  self->loading_file = g_object_ref (file);
  self->loading_started = g_get_monotonic_time ();
  adw_status_page_set_title (ADW_STATUS_PAGE (self->loading_page), title);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "loading");
  self->pulse_id = g_timeout_add (100, pulse_cb, self);

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->lock = lock;
  data->read_only = read_only;
  yusuan_loader_load_async (file, self->cancellable, load_done_cb, data);
}

static void
loading_cancel_cb (YusuanWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack),
                                    self->loaded ? "document" : "welcome");
}

static void
locked_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    YusuanWindow     *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "read-only") == 0)
    start_loading (self, file, NULL, TRUE);
}

/* Saving */

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     YusuanWindow    *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (chosen == NULL)
    {
      self->close_after_save = FALSE;
      g_object_unref (self);
      return;
    }

  {
    g_autofree char *path = g_file_get_path (chosen);

    /* The document is a .yusuan whatever the name typed. */
    if (path != NULL && !g_str_has_suffix (path, ".yusuan"))
      {
        g_autofree char *with_suffix = g_strconcat (path, ".yusuan", NULL);

        g_object_unref (chosen);
        chosen = g_file_new_for_path (with_suffix);
      }
  }

  if (!yusuan_window_save_to (self, chosen, &error))
    {
      self->close_after_save = FALSE;
      show_error (self, _("Could Not Save"), error->message);
    }
  else if (self->close_after_save)
    {
      gtk_window_destroy (GTK_WINDOW (self));
    }

  g_object_unref (self);
}

static char *
suggested_name (YusuanWindow *self,
                const char   *suffix)
{
  YusuanDocument *doc = document (self);

  if (self->file != NULL && g_str_equal (suffix, ".yusuan"))
    return g_file_get_basename (self->file);

  /* Translators: a file name, "市人民政府办公室-2023年部门预算" */
  return g_strdup_printf (_("%s-%d Budget%s"), yusuan_document_get_department_name (doc),
                          yusuan_document_get_fiscal_year (doc), suffix);
}

static void
show_save_as (YusuanWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, ".yusuan");

  native = gtk_file_chooser_native_new (_("Save Budget"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Budget Documents (.yusuan)"));
  gtk_file_filter_add_pattern (filter, "*.yusuan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  YusuanWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (document (self) == NULL || self->read_only)
    return;

  if (self->file == NULL)
    {
      show_save_as (self);
      return;
    }

  if (!yusuan_window_save_to (self, self->file, &error))
    show_error (self, _("Could Not Save"), error->message);
}

static void
save_as_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  YusuanWindow *self = user_data;

  if (document (self) != NULL)
    show_save_as (self);
}

/* Import and export */

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    YusuanWindow    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (YUSUAN_IS_APPLICATION (app))
        yusuan_application_open_file (YUSUAN_APPLICATION (app), file);
      else
        yusuan_window_open_file (self, file);
    }

  g_object_unref (self);
}

static void
import_xml_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  YusuanWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Submission"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Submission XML (.xml)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    YusuanWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file == NULL || document (self) == NULL)
    {
      g_object_unref (self);
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL || !yusuan_xml_export_file (document (self), path, &error))
    {
      show_error (self, _("Could Not Export"),
                  error ? error->message : _("Only local files can be written."));
    }
  else
    {
      g_autofree char *name = display_name (file);
      g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      toast (self, text);
      if (self->settings != NULL && folder != NULL)
        {
          g_autofree char *folder_path = g_file_get_path (folder);

          if (folder_path != NULL)
            g_settings_set_string (self->settings, "recent-export-folder", folder_path);
        }
    }

  g_object_unref (self);
}

static void
choose_export_file (YusuanWindow *self,
                    gboolean      draft)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, draft ? _("-draft.xml") : ".xml");

  native = gtk_file_chooser_native_new (draft ? _("Export Draft Submission") : _("Export Submission"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Submission XML (.xml)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (self->settings != NULL)
    {
      g_autofree char *folder_path = g_settings_get_string (self->settings, "recent-export-folder");

      if (folder_path != NULL && *folder_path != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
        }
    }

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_blocked_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            YusuanWindow     *self)
{
  if (g_strcmp0 (response, "draft") == 0)
    choose_export_file (self, TRUE);
  else if (g_strcmp0 (response, "findings") == 0)
    yusuan_window_show_page (self, "findings");
}

static void
export_xml_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  YusuanWindow *self = user_data;
  YusuanChecker *checker;
  guint errors;
  GString *body;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  guint listed = 0;

  if (document (self) == NULL)
    return;

  checker = self->loaded->checker;
  errors = yusuan_checker_get_n_errors (checker);
  if (errors == 0)
    {
      choose_export_file (self, FALSE);
      return;
    }

  /* Errors block a submission: say which, and let a draft be exported
   * only as a deliberate choice. */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The Budget Has %u Error",
                                          "The Budget Has %u Errors", errors), errors);
  body = g_string_new (_("The finance bureau will refuse a submission with errors. Fix these first:"));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < yusuan_checker_get_n_findings (checker) && listed < MAX_ERRORS_LISTED; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);

      if (finding->severity != YUSUAN_SEVERITY_ERROR)
        continue;
      g_string_append_printf (body, "\n• %s", finding->message);
      listed++;
    }
  if (errors > listed)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %u more.", "… and %u more.",
                                                 errors - listed), errors - listed);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "draft", _("Export _Draft…"),
                                    "findings", _("_Show Checks"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "draft",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "findings",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "findings");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_blocked_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Budgets taken from files: the finance bureau's control numbers (控制数),
 * units' submissions gathered (汇总), last year's budget for next year's.
 * The files are read one after another in a worker thread, then handed
 * whole to what takes them, on the main thread. */

typedef struct
{
  YusuanWindow   *window;
  Take            take;
  GPtrArray      *files;        /* GFile, as chosen */
  GPtrArray      *budgets;      /* YusuanDocument, as read so far */
  YusuanDocument *document;     /* the budget they go into; NULL for last year's */
  GCancellable   *cancellable;
} TakeData;

static void
take_data_free (TakeData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->budgets, g_ptr_array_unref);
  g_clear_object (&data->document);
  g_clear_object (&data->cancellable);
  g_free (data);
}

/* A toast whose button undoes what it reports. */
static void
toast_with_undo (YusuanWindow *self,
                 const char   *text)
{
  AdwToast *undo_toast = adw_toast_new (text);

  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), undo_toast);
}

/* The control numbers in the one file read, or why they are not taken. */
static void
take_control_numbers (YusuanWindow *self,
                      TakeData     *data,
                      GError       *read_error)
{
  g_autoptr(GError) error = read_error ? g_error_copy (read_error) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  if (error == NULL &&
      yusuan_document_take_control_numbers (data->document, g_ptr_array_index (data->budgets, 0), &error))
    {
      yusuan_window_show_page (self, "control-numbers");
      toast_with_undo (self, _("Control numbers imported"));
      return;
    }

  name = display_name (g_ptr_array_index (data->files, 0));
  heading = g_strdup_printf (_("Could Not Import Control Numbers From “%s”"), name);
  show_error (self, heading, error->message);
}

/* How many units @submissions list, each counted once. */
static guint
count_units (GPtrArray *submissions)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < submissions->len; i++)
    {
      YusuanDocument *submission = g_ptr_array_index (submissions, i);

      for (guint u = 0; u < yusuan_document_get_n_units (submission); u++)
        g_hash_table_add (codes, (gpointer) yusuan_document_get_unit (submission, u)->code);
    }

  return g_hash_table_size (codes);
}

/* Gathers every submission into @department as one undoable step, or
 * none: a refusal leaves the budget as it was and sets @refused to the
 * index of the submission refused. */
static gboolean
gather (YusuanDocument  *department,
        GPtrArray       *submissions,
        guint           *refused,
        GError         **error)
{
  *refused = 0;
  if (submissions->len == 1)
    return yusuan_workflow_consolidate (department, g_ptr_array_index (submissions, 0), NULL, error);

  /* A refusal takes back what the others gathered, leaving the budget's
   * undo and redo as they were. */
  /* Translators: an undo step, "Undo Consolidate units’ submissions" */
  yusuan_document_begin_group (department, _("Consolidate units’ submissions"));
  for (guint i = 0; i < submissions->len; i++)
    if (!yusuan_workflow_consolidate (department, g_ptr_array_index (submissions, i), NULL, error))
      {
        yusuan_document_cancel_group (department);
        *refused = i;
        return FALSE;
      }
  yusuan_document_end_group (department);

  return TRUE;
}

/* Units' submissions gathered all together, or the one refused named. */
static void
take_submissions (YusuanWindow *self,
                  TakeData     *data,
                  GError       *read_error)
{
  g_autoptr(GError) error = read_error ? g_error_copy (read_error) : NULL;
  guint refused = data->budgets->len;  /* the file not read */
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (error == NULL && gather (data->document, data->budgets, &refused, &error))
    {
      guint n_units = count_units (data->budgets);
      /* Translators: a toast once units' submissions are gathered (汇总) into the department's budget */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Gathered %u unit",
                                                            "Gathered %u units", n_units), n_units);

      /* 预算02表 lists the department's units. */
      yusuan_window_show_page (self, "table-2");
      toast_with_undo (self, text);
      return;
    }

  name = display_name (g_ptr_array_index (data->files, refused));
  /* Translators: a unit's submission that could not be gathered (汇总), "无法汇总“%s”" */
  heading = g_strdup_printf (_("Could Not Gather “%s”"), name);
  if (data->files->len > 1)
    body = g_strdup_printf ("%s\n\n%s", error->message,
                            _("None of the files was gathered: gather them again without this one, "
                              "or once it is corrected."));
  show_error (self, heading, body ? body : error->message);
}

/* Next year's budget from @last: in this window when it is empty, else in
 * a window of its own, as a budget no file holds yet. */
static YusuanWindow *
show_next_year (YusuanWindow   *self,
                YusuanDocument *last)
{
  g_autoptr(YusuanDocument) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  YusuanWindow *window = self;

  next = yusuan_workflow_next_year (last, &error);
  if (next == NULL)
    {
      show_error (self, _("Could Not Start Next Year’s Budget"), error->message);
      return NULL;
    }
  /* Closing it unsaved asks first, as for any budget with changes. */
  yusuan_document_mark_unsaved (next);

  if (!yusuan_window_is_empty (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      window = yusuan_window_new (YUSUAN_IS_APPLICATION (app) ? YUSUAN_APPLICATION (app) : NULL);
    }
  yusuan_window_set_document (window, next, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  /* Translators: a toast, "2024 budget started from the 2023 budget: first proposal (一上)" */
  text = g_strdup_printf (_("%d budget started from the %d budget: first proposal (一上)"),
                          yusuan_document_get_fiscal_year (next), yusuan_document_get_fiscal_year (last));
  toast (window, text);

  return window;
}

static void
take_last_year (YusuanWindow *self,
                TakeData     *data,
                GError       *read_error)
{
  if (read_error != NULL)
    {
      g_autofree char *name = display_name (g_ptr_array_index (data->files, 0));
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, read_error->message);
      return;
    }

  show_next_year (self, g_ptr_array_index (data->budgets, 0));
}

static void
budget_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  YusuanDocument *budget = yusuan_loader_read_finish (result, &error);
  TakeData *data = user_data;
  YusuanWindow *self = data->window;

  if (budget != NULL)
    g_ptr_array_add (data->budgets, budget);

  /* The next file, until one cannot be read. */
  if (budget != NULL && data->budgets->len < data->files->len &&
      !g_cancellable_is_cancelled (data->cancellable))
    {
      yusuan_loader_read_async (g_ptr_array_index (data->files, data->budgets->len), data->cancellable,
                                budget_read_cb, data);
      return;
    }

  if (self->taking[data->take] == data->cancellable)
    g_clear_object (&self->taking[data->take]);

  /* Cancelled, or the window closed or shows another budget meanwhile. */
  if (g_cancellable_is_cancelled (data->cancellable) || self->closing ||
      (data->take != TAKE_LAST_YEAR && (document (self) != data->document || self->read_only)))
    {
      take_data_free (data);
      return;
    }

  switch (data->take)
    {
    case TAKE_CONTROL_NUMBERS:
      take_control_numbers (self, data, error);
      break;
    case TAKE_SUBMISSIONS:
      take_submissions (self, data, error);
      break;
    case TAKE_LAST_YEAR:
      take_last_year (self, data, error);
      break;
    default:
      g_assert_not_reached ();
    }

  take_data_free (data);
}

/* Reads @files for @take; the files chosen last for it are the ones taken. */
static void
take_files (YusuanWindow *self,
            Take          take,
            GFile *const *files,
            guint         n_files)
{
  TakeData *data;

  g_assert (n_files > 0);

  stop_taking (self, take);
  self->taking[take] = g_cancellable_new ();

  data = g_new0 (TakeData, 1);
  data->window = g_object_ref (self);
  data->take = take;
  data->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->budgets = g_ptr_array_new_with_free_func (g_object_unref);
  data->document = take != TAKE_LAST_YEAR ? g_object_ref (document (self)) : NULL;
  data->cancellable = g_object_ref (self->taking[take]);
  yusuan_loader_read_async (files[0], data->cancellable, budget_read_cb, data);
}

static void
budgets_chosen_cb (GtkNativeDialog *native,
                   int              response,
                   YusuanWindow    *self)
{
  Take take = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (native), "take"));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (files->len > 0)
    switch (take)
      {
      case TAKE_CONTROL_NUMBERS:
        yusuan_window_import_control_numbers (self, g_ptr_array_index (files, 0));
        break;
      case TAKE_SUBMISSIONS:
        yusuan_window_consolidate (self, (GFile *const *) files->pdata, files->len);
        break;
      case TAKE_LAST_YEAR:
        yusuan_window_new_from_last_year (self, g_ptr_array_index (files, 0));
        break;
      default:
        g_assert_not_reached ();
      }

  g_object_unref (self);
}

/* The actions that ask for budgets to take, and how they ask. */
static const struct
{
  const char *action;
  const char *title;
  const char *accept;
  const char *filter;
} take_choosers[N_TAKES] = {
  /* The bureau's 一下 file is XML; a .yusuan at that stage serves as well. */
  [TAKE_CONTROL_NUMBERS] = { "import-control-numbers", N_("Import Control Numbers"), N_("_Import"),
                             N_("Finance Bureau Files (.xml, .yusuan)") },
  /* Translators: 汇总所属单位预算; "_Gather" accepts the chosen submissions (汇总) */
  [TAKE_SUBMISSIONS] = { "consolidate", N_("Consolidate Unit Submissions"), N_("_Gather"),
                         N_("Unit Submissions (.xml, .yusuan)") },
  [TAKE_LAST_YEAR] = { "new-from-last-year", N_("Open Last Year’s Budget"), N_("_Open"),
                       N_("Budgets and Submissions") },
};

/* Import Control Numbers…, Consolidate Unit Submissions…, New From Last
 * Year’s Budget…: a chooser for the budgets (.xml or .yusuan) to take. */
static void
choose_budgets_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  YusuanWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Take take = 0;

  while (take < N_TAKES && !g_str_equal (take_choosers[take].action, name))
    take++;
  g_assert (take < N_TAKES);
  /* Last year's budget is for a budget of its own; the others go into this one. */
  if (take != TAKE_LAST_YEAR && (document (self) == NULL || self->read_only))
    return;

  native = gtk_file_chooser_native_new (_(take_choosers[take].title), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _(take_choosers[take].accept), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _(take_choosers[take].filter));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.yusuan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Several units' submissions are gathered at once. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), take == TAKE_SUBMISSIONS);
  g_object_set_data (G_OBJECT (native), "take", GUINT_TO_POINTER (take));
  g_signal_connect (native, "response", G_CALLBACK (budgets_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_next_year_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  /* Disabled without a budget; a stray activation does nothing. */
  if (document (user_data) != NULL)
    yusuan_window_new_next_year (user_data);
}

/* Undoable, as every edit: the toast offers it at once. */
static void
remove_control_numbers_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  YusuanWindow *self = user_data;
  YusuanDocument *doc = document (self);

  if (doc == NULL || self->read_only || !yusuan_document_has_control_numbers (doc))
    return;

  /* Translators: an undo step, "Undo Remove control numbers" */
  yusuan_document_begin_group (doc, _("Remove control numbers"));
  yusuan_document_set_control_numbers (doc, FALSE, NULL, NULL);
  yusuan_document_end_group (doc);
  toast_with_undo (self, _("Control numbers removed"));
}

/* Print and export the report */

static guint
shown_table (YusuanWindow *self)
{
  const char *page = yusuan_window_get_page (self);

  if (page != NULL && g_str_has_prefix (page, "table-"))
    return (guint) g_ascii_strtoull (page + strlen ("table-"), NULL, 10);
  return 0;
}

static void
print_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  YusuanWindow *self = user_data;

  if (document (self) == NULL)
    return;
  yusuan_print_show_dialog (GTK_WINDOW (self), document (self), self->loaded->catalog,
                            self->unit, shown_table (self));
}

static void
export_report_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  YusuanWindow *self = user_data;
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (document (self) == NULL || (!g_str_equal (format, "pdf") && !g_str_equal (format, "xlsx")))
    return;
  name = suggested_name (self, "");
  yusuan_print_export_with_chooser (GTK_WINDOW (self), ADW_TOAST_OVERLAY (self->toast_overlay),
                                    self->settings, document (self), self->loaded->catalog, self->unit,
                                    g_str_equal (format, "pdf") ? YUSUAN_EXPORT_PDF : YUSUAN_EXPORT_XLSX, name);
}

/* Other actions */

/* Undo and redo move the document under the tables: an edit in progress
 * would be stored over what they bring back, so it is dropped first. */
static void
step_history (YusuanWindow *self,
              gboolean      undo)
{
  if (document (self) == NULL || self->read_only)
    return;

  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    if (self->table_views[i] != NULL)
      yusuan_table_view_cancel_editing (YUSUAN_TABLE_VIEW (self->table_views[i]));
  if (undo)
    yusuan_document_undo (document (self));
  else
    yusuan_document_redo (document (self));
}

static void
undo_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  step_history (user_data, TRUE);
}

static void
redo_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  step_history (user_data, FALSE);
}

static void
close_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
show_findings_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  yusuan_window_show_page (user_data, "findings");
}

static void
show_page_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  yusuan_window_show_page (user_data, g_variant_get_string (parameter, NULL));
}

static void
display_unit_cb (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  YusuanWindow *self = user_data;
  g_autofree char *given = g_ascii_strdown (g_variant_get_string (value, NULL), -1);
  const char *unit;

  /* The settings accept only these two: anything else (a script's typo, a
   * stray action target) is ignored, not stored. */
  g_strstrip (given);
  if (g_str_equal (given, "wan"))
    unit = "wan";
  else if (g_str_equal (given, "yuan"))
    unit = "yuan";
  else
    {
      g_debug ("Ignoring the unknown display unit “%s”", g_variant_get_string (value, NULL));
      return;
    }

  self->unit = g_str_equal (unit, "yuan") ? YUSUAN_DISPLAY_YUAN : YUSUAN_DISPLAY_WAN;
  g_simple_action_set_state (action, g_variant_new_string (unit));

  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    if (self->table_views[i] != NULL)
      yusuan_table_view_set_display_unit (YUSUAN_TABLE_VIEW (self->table_views[i]), self->unit);
  for (guint i = 0; i < N_EDITOR_PAGES; i++)
    yusuan_editor_page_set_display_unit (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), self->unit);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "display-unit", unit);
}

static const GActionEntry win_actions[] = {
  { "save", save_cb },
  { "save-as", save_as_cb },
  { "import-xml", import_xml_cb },
  { "export-xml", export_xml_cb },
  { "import-control-numbers", choose_budgets_cb },
  { "consolidate", choose_budgets_cb },
  { "new-next-year", new_next_year_cb },
  { "new-from-last-year", choose_budgets_cb },
  { "remove-control-numbers", remove_control_numbers_cb },
  { "print", print_cb },
  { "export-report", export_report_cb, "s" },
  { "undo", undo_cb },
  { "redo", redo_cb },
  { "close", close_cb },
  { "show-findings", show_findings_cb },
  { "show-page", show_page_cb, "s" },
  { "display-unit", NULL, "s", "'wan'", display_unit_cb },
};

/* Closing */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   YusuanWindow     *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      save_window_state (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (self->file == NULL)
        {
          self->close_after_save = TRUE;
          show_save_as (self);
        }
      else if (!yusuan_window_save_to (self, self->file, &error))
        show_error (self, _("Could Not Save"), error->message);
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
save_window_state (YusuanWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "sidebar-position", gtk_paned_get_position (GTK_PANED (self->paned)));
}

static gboolean
yusuan_window_close_request (GtkWindow *window)
{
  YusuanWindow *self = YUSUAN_WINDOW (window);
  YusuanDocument *doc = document (self);

  for (guint i = 0; i < YUSUAN_N_TABLES; i++)
    if (self->table_views[i] != NULL && yusuan_table_view_is_editing (YUSUAN_TABLE_VIEW (self->table_views[i])))
      yusuan_table_view_commit_editing (YUSUAN_TABLE_VIEW (self->table_views[i]), NULL);

  if (doc != NULL && !self->read_only && yusuan_document_get_modified (doc))
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      body = self->file
        ? g_strdup_printf (_("“%s” has changes that are not saved. Closing without saving loses them."),
                           g_file_peek_path (self->file))
        : g_strdup (_("This budget has never been saved. Closing without saving loses it."));
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  save_window_state (self);
  self->closing = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (yusuan_window_parent_class)->close_request (window);
}

/* Findings */

static void
finding_activated_cb (YusuanWindow *self,
                      guint         index)
{
  yusuan_window_activate_finding (self, index);
}

static int
row_holding_line (YusuanTable *table,
                  guint        line_id)
{
  guint rows = yusuan_table_get_n_rows (table);
  guint columns = yusuan_table_get_n_columns (table);

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        g_autoptr(GArray) lines = NULL;

        if (!yusuan_table_is_editable (table, r, c))
          continue;
        lines = yusuan_table_get_cell_lines (table, r, c);
        if (lines == NULL)
          continue;
        for (guint i = 0; i < lines->len; i++)
          if (g_array_index (lines, guint, i) == line_id)
            return r;
      }

  return -1;
}

static void
go_to_row (YusuanWindow *self,
           guint         number,
           int           row)
{
  g_autofree char *page = g_strdup_printf ("table-%u", number);
  YusuanTableView *view = yusuan_window_get_table_view (self, number);
  YusuanTable *table = yusuan_window_get_table (self, number);
  guint column = 0;

  yusuan_window_show_page (self, page);
  if (row < 0 || (guint) row >= yusuan_table_get_n_rows (table))
    return;

  for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
    if (yusuan_table_is_editable (table, row, c))
      {
        column = c;
        break;
      }
  if (column == 0)
    for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
      if (yusuan_table_get_column (table, c)->kind == YUSUAN_COLUMN_AMOUNT)
        {
          column = c;
          break;
        }

  yusuan_table_view_set_cursor (view, row, column, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* Overrides */

static void
yusuan_window_dispose (GObject *object)
{
  YusuanWindow *self = YUSUAN_WINDOW (object);

  self->closing = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_loading (self);
  stop_taking (self, TAKE_LAST_YEAR);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  clear_document (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (yusuan_window_parent_class)->dispose (object);
}

static void
yusuan_window_class_init (YusuanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = yusuan_window_dispose;
  window_class->close_request = yusuan_window_close_request;

  g_type_ensure (YUSUAN_TYPE_FINDINGS_PAGE);
  g_type_ensure (YUSUAN_TYPE_TABLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, unit_box);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, findings_page);
  gtk_widget_class_bind_template_child (widget_class, YusuanWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, loading_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
}

static void
yusuan_window_init (YusuanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  build_sidebar (self);
  rebuild_recent (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "welcome");
  update_state (self);
}

/* Public API */

YusuanWindow *
yusuan_window_new (YusuanApplication *application)
{
  YusuanWindow *self;
  GSettings *settings;

  g_return_val_if_fail (application == NULL || YUSUAN_IS_APPLICATION (application), NULL);

  self = g_object_new (YUSUAN_TYPE_WINDOW, "application", application, NULL);

  settings = application ? yusuan_application_get_settings (application) : NULL;
  if (settings != NULL)
    {
      int width = g_settings_get_int (settings, "window-width");
      int height = g_settings_get_int (settings, "window-height");
      int position = g_settings_get_int (settings, "sidebar-position");

      self->settings = g_object_ref (settings);
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (position > 0)
        gtk_paned_set_position (GTK_PANED (self->paned), position);
      g_action_group_change_action_state (G_ACTION_GROUP (self), "display-unit",
                                          g_variant_new_string (yusuan_application_get_display_unit (application)
                                                                == YUSUAN_DISPLAY_YUAN ? "yuan" : "wan"));
    }

  return self;
}

gboolean
yusuan_window_is_empty (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), FALSE);

  return self->loaded == NULL && self->cancellable == NULL;
}

gboolean
yusuan_window_is_loading (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
yusuan_window_is_read_only (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), FALSE);

  return self->read_only;
}

GFile *
yusuan_window_get_file (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);

  return self->file != NULL ? self->file : self->loading_file;
}

void
yusuan_window_open_file (YusuanWindow *self,
                         GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  YusuanLock *lock = NULL;

  g_return_if_fail (YUSUAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path != NULL && !yusuan_loader_is_submission (file) &&
      (lock = yusuan_lock_acquire (path, &error)) == NULL)
    {
      g_autofree char *name = display_name (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Is in Use"), name);
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("%s\n\nYou can open it read-only: you will see its figures "
                                "but cannot change or save them."), error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "read-only", _("Open _Read-Only"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (locked_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  start_loading (self, file, lock, FALSE);
}

void
yusuan_window_set_document (YusuanWindow   *self,
                            YusuanDocument *document,
                            GFile          *file,
                            gboolean        read_only)
{
  g_return_if_fail (YUSUAN_IS_WINDOW (self));
  g_return_if_fail (YUSUAN_IS_DOCUMENT (document));

  install (self, yusuan_loaded_new (g_object_ref (document), FALSE), file, NULL, read_only);
}

YusuanDocument *
yusuan_window_get_document (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);

  return document (self);
}

YusuanChecker *
yusuan_window_get_checker (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);

  return self->loaded ? self->loaded->checker : NULL;
}

YusuanTable *
yusuan_window_get_table (YusuanWindow *self,
                         guint         number)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= YUSUAN_N_TABLES, NULL);

  return self->loaded ? self->loaded->tables[number - 1] : NULL;
}

YusuanTableView *
yusuan_window_get_table_view (YusuanWindow *self,
                              guint         number)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= YUSUAN_N_TABLES, NULL);

  if (self->loaded == NULL)
    return NULL;

  if (self->table_views[number - 1] == NULL)
    {
      g_autofree char *name = g_strdup_printf ("table-%u", number);
      GtkWidget *view = yusuan_table_view_new ();

      yusuan_table_view_set_display_unit (YUSUAN_TABLE_VIEW (view), self->unit);
      yusuan_table_view_set_table (YUSUAN_TABLE_VIEW (view), self->loaded->tables[number - 1],
                                   self->loaded->document);
      yusuan_table_view_set_read_only (YUSUAN_TABLE_VIEW (view), self->read_only);
      yusuan_table_view_set_department (YUSUAN_TABLE_VIEW (view),
                                        yusuan_document_get_department_name (self->loaded->document));
      gtk_stack_add_named (GTK_STACK (self->content_stack), view, name);
      self->table_views[number - 1] = view;
    }

  return YUSUAN_TABLE_VIEW (self->table_views[number - 1]);
}

YusuanFindingsPage *
yusuan_window_get_findings_page (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);

  return YUSUAN_FINDINGS_PAGE (self->findings_page);
}

YusuanDisplayUnit
yusuan_window_get_display_unit (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), YUSUAN_DISPLAY_WAN);

  return self->unit;
}

void
yusuan_window_show_page (YusuanWindow *self,
                         const char   *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (YUSUAN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  ensure_page (self, name);
  row = find_sidebar_row (self, name);
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), row);
  if (gtk_stack_get_child_by_name (GTK_STACK (self->content_stack), name) != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), name);
}

const char *
yusuan_window_get_page (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->content_stack));
}

GtkWidget *
yusuan_window_get_page_widget (YusuanWindow *self,
                               const char   *name)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  ensure_page (self, name);
  return gtk_stack_get_child_by_name (GTK_STACK (self->content_stack), name);
}

void
yusuan_window_activate_finding (YusuanWindow *self,
                                guint         index)
{
  YusuanChecker *checker;
  const YusuanFinding *finding;
  YusuanTable *table = NULL;
  int row = -1;

  g_return_if_fail (YUSUAN_IS_WINDOW (self));

  checker = yusuan_window_get_checker (self);
  if (checker == NULL || index >= yusuan_checker_get_n_findings (checker))
    return;
  finding = yusuan_checker_get_finding (checker, index);

  /* The editor pages know their own findings: projects, indicators, forms. */
  for (guint i = 0; i < N_EDITOR_PAGES; i++)
    {
      if (!yusuan_editor_page_may_show_finding (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), finding))
        continue;
      attach_editor_page (self, i);
      if (yusuan_editor_page_show_finding (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), finding))
        {
          yusuan_window_show_page (self, editor_pages[i].name);
          return;
        }
    }

  switch (finding->target_kind)
    {
    case YUSUAN_TARGET_PROJECT:
    case YUSUAN_TARGET_INDICATOR:
      yusuan_window_show_page (self, finding->project_id != 0 ? "projects" : "performance");
      return;

    case YUSUAN_TARGET_LINE:
      {
        const YusuanLine *line = yusuan_document_lookup_line (document (self), finding->target_id);
        guint number;

        if (line == NULL)
          break;
        /* Basic lines are edited in 06, project lines in 10. */
        number = line->project_id == 0 ? 6 : 10;
        table = yusuan_window_get_table (self, number);
        if (line->project_id != 0)
          {
            const YusuanProject *project = yusuan_document_lookup_project (document (self), line->project_id);

            if (project != NULL)
              row = yusuan_table_find_row (table, project->code);
          }
        else
          {
            g_autofree char *key = g_strdup_printf ("%s/%s", line->econ_dept, line->econ_gov);

            row = yusuan_table_find_row (table, key);
          }
        if (row < 0)
          row = row_holding_line (table, line->id);
        if (row >= 0 || finding->table == 0)
          {
            go_to_row (self, number, row);
            return;
          }
      }
      break;

    case YUSUAN_TARGET_THREE_PUBLIC:
      go_to_row (self, 8, 0);
      return;

    default:
      break;
    }

  if (finding->table >= 1 && finding->table <= YUSUAN_N_TABLES)
    {
      table = yusuan_window_get_table (self, finding->table);
      if (finding->subject != NULL)
        row = yusuan_table_find_row (table, finding->subject);
      go_to_row (self, finding->table, row);
    }
  else
    {
      toast (self, finding->message);
    }
}

void
yusuan_window_import_control_numbers (YusuanWindow *self,
                                      GFile        *file)
{
  g_return_if_fail (YUSUAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (document (self) == NULL || self->read_only)
    return;

  take_files (self, TAKE_CONTROL_NUMBERS, &file, 1);
}

void
yusuan_window_consolidate (YusuanWindow *self,
                           GFile *const *files,
                           guint         n_files)
{
  g_return_if_fail (YUSUAN_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (document (self) == NULL || self->read_only || n_files == 0)
    return;

  for (guint i = 0; i < n_files; i++)
    {
      g_return_if_fail (G_IS_FILE (files[i]));

      if (self->file != NULL && g_file_equal (files[i], self->file))
        {
          g_autofree char *name = display_name (files[i]);
          /* Translators: a unit's submission that could not be gathered (汇总), "无法汇总“%s”" */
          g_autofree char *heading = g_strdup_printf (_("Could Not Gather “%s”"), name);

          show_error (self, heading, _("The department’s budget cannot be gathered into itself"));
          return;
        }
    }

  take_files (self, TAKE_SUBMISSIONS, files, n_files);
}

YusuanWindow *
yusuan_window_new_next_year (YusuanWindow *self)
{
  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (document (self) != NULL, NULL);

  return show_next_year (self, document (self));
}

void
yusuan_window_new_from_last_year (YusuanWindow *self,
                                  GFile        *file)
{
  g_return_if_fail (YUSUAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  take_files (self, TAKE_LAST_YEAR, &file, 1);
}

gboolean
yusuan_window_save_to (YusuanWindow  *self,
                       GFile         *file,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(YusuanLock) lock = NULL;
  gboolean same;

  g_return_val_if_fail (YUSUAN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (document (self) != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Budgets can only be saved to local files."));
      return FALSE;
    }

  same = self->file != NULL && g_file_equal (self->file, file) && self->lock != NULL;
  if (!same && (lock = yusuan_lock_acquire (path, error)) == NULL)
    return FALSE;

  if (!yusuan_store_save (document (self), path, error))
    return FALSE;

  if (!same)
    {
      g_clear_pointer (&self->lock, yusuan_lock_release);
      self->lock = g_steal_pointer (&lock);
      g_set_object (&self->file, file);
    }
  self->loaded->imported = FALSE;
  /* A read-only budget saved under a name of its own is the user's to edit. */
  if (self->read_only)
    {
      for (guint i = 0; i < N_EDITOR_PAGES; i++)
        if (self->editor_attached[i])
          yusuan_editor_page_set_document (YUSUAN_EDITOR_PAGE (self->editor_pages[i]), self->loaded->document,
                                           self->loaded->catalog, self->loaded->checker, FALSE);
      for (guint i = 0; i < YUSUAN_N_TABLES; i++)
        if (self->table_views[i] != NULL)
          yusuan_table_view_set_read_only (YUSUAN_TABLE_VIEW (self->table_views[i]), FALSE);
    }
  self->read_only = FALSE;
  yusuan_document_mark_saved (document (self));
  add_recent (self, file, FALSE);
  update_state (self);

  return TRUE;
}
