/* yusuan-performance-page.c - the department's overall performance targets (部门整体绩效目标, table 11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-indicator-editor.h"
#include "yusuan-performance-page.h"

typedef struct
{
  GtkWidget *row;
  GtkWidget *name;  /* tasks only */
  GtkWidget *text;  /* a GtkTextView */
} Entry;

struct _YusuanPerformancePage
{
  GtkWidget       parent_instance;

  GtkWidget      *scrolled;
  GtkWidget      *duties_list;
  GtkWidget      *tasks_list;
  GtkWidget      *add_duty_button;
  GtkWidget      *add_task_button;
  GtkWidget      *message_label;
  GtkWidget      *revert_button;
  GtkWidget      *apply_button;
  GtkWidget      *groups_box;

  YusuanIndicatorGroups groups;

  GPtrArray      *duties;  /* Entry* */
  GPtrArray      *tasks;   /* Entry* */
  YusuanDocument *document;
  YusuanChecker  *checker;
  YusuanEditorRefresh idle_refresh;
  guint           read_only : 1;
  guint           loading : 1;
};

static void yusuan_performance_page_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanPerformancePage, yusuan_performance_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_performance_page_editor_page_init))

static void check (YusuanPerformancePage *self);

/* Duties and tasks */

static char *
entry_text (Entry *entry)
{
  g_autofree char *text = yusuan_editor_dup_text_view_text (GTK_TEXT_VIEW (entry->text));

  return yusuan_editor_dup_trimmed (text);
}

static char *
entry_name (Entry *entry)
{
  return entry->name ? yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (entry->name))) : NULL;
}

static void
entry_changed_cb (YusuanPerformancePage *self)
{
  check (self);
}

static void
entry_remove_clicked_cb (GtkButton             *button,
                         YusuanPerformancePage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < self->duties->len; i++)
    if (((Entry *) g_ptr_array_index (self->duties, i))->row == row)
      {
        yusuan_performance_page_remove_duty (self, i);
        return;
      }
  for (guint i = 0; i < self->tasks->len; i++)
    if (((Entry *) g_ptr_array_index (self->tasks, i))->row == row)
      {
        yusuan_performance_page_remove_task (self, i);
        return;
      }
}

static Entry *
entry_new (YusuanPerformancePage *self,
           gboolean               task,
           const char            *name,
           const char            *text)
{
  Entry *entry = g_new0 (Entry, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  if (task)
    {
      entry->name = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry->name), _("Task name (任务名称), such as 督查督办"));
      gtk_editable_set_text (GTK_EDITABLE (entry->name), name ? name : "");
      g_signal_connect_swapped (entry->name, "changed", G_CALLBACK (entry_changed_cb), self);
      gtk_box_append (GTK_BOX (fields), entry->name);
    }

  entry->text = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (entry->text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (entry->text), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (entry->text), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (entry->text), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (entry->text), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (entry->text), 6);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (entry->text), !self->read_only);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry->text)), text ? text : "", -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry->text)), "changed",
                            G_CALLBACK (entry_changed_cb), self);
  {
    /* A long duty scrolls in its box rather than being cut. */
    GtkWidget *frame = gtk_frame_new (NULL);
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), entry->text);
    gtk_frame_set_child (GTK_FRAME (frame), scrolled);
    gtk_box_append (GTK_BOX (fields), frame);
  }
  gtk_widget_set_hexpand (fields, TRUE);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (remove, task ? _("Remove this task") : _("Remove this duty"));
  gtk_widget_set_sensitive (remove, !self->read_only);
  g_signal_connect (remove, "clicked", G_CALLBACK (entry_remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  entry->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->row), box);
  gtk_list_box_append (GTK_LIST_BOX (task ? self->tasks_list : self->duties_list), entry->row);
  g_ptr_array_add (task ? self->tasks : self->duties, entry);

  return entry;
}

static void
clear_entries (YusuanPerformancePage *self)
{
  for (guint i = 0; i < self->duties->len; i++)
    gtk_list_box_remove (GTK_LIST_BOX (self->duties_list), ((Entry *) g_ptr_array_index (self->duties, i))->row);
  for (guint i = 0; i < self->tasks->len; i++)
    gtk_list_box_remove (GTK_LIST_BOX (self->tasks_list), ((Entry *) g_ptr_array_index (self->tasks, i))->row);
  g_ptr_array_set_size (self->duties, 0);
  g_ptr_array_set_size (self->tasks, 0);
}

/* The duties and tasks typed, empty ones left out. */
static GPtrArray *
typed_duties (YusuanPerformancePage *self)
{
  GPtrArray *duties = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->duties->len; i++)
    {
      char *text = entry_text (g_ptr_array_index (self->duties, i));

      if (text != NULL)
        g_ptr_array_add (duties, text);
    }

  return duties;
}

static gboolean
typed_tasks (YusuanPerformancePage  *self,
             GArray                 *out,
             GError                **error)
{
  for (guint i = 0; i < self->tasks->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->tasks, i);
      YusuanTask task = { entry_name (entry), entry_text (entry) };

      if (task.name == NULL && task.text == NULL)
        continue;
      if (task.name == NULL)
        {
          g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID,
                       _("Task %u has no name (任务名称): name it, or empty it to leave it out."), i + 1);
          g_free (task.text);
          return FALSE;
        }
      if (out != NULL)
        g_array_append_val (out, task);
      else
        {
          g_free (task.name);
          g_free (task.text);
        }
    }

  return TRUE;
}

static void
task_clear (YusuanTask *task)
{
  g_free (task->name);
  g_free (task->text);
}

static GArray *
tasks_array_new (void)
{
  GArray *tasks = g_array_new (FALSE, TRUE, sizeof (YusuanTask));

  g_array_set_clear_func (tasks, (GDestroyNotify) task_clear);
  return tasks;
}

static gboolean
changed (YusuanPerformancePage *self)
{
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GArray) tasks = tasks_array_new ();

  if (self->document == NULL)
    return FALSE;
  if (!typed_tasks (self, tasks, NULL))
    return TRUE;

  duties = typed_duties (self);
  if (duties->len != yusuan_document_get_n_duties (self->document) ||
      tasks->len != yusuan_document_get_n_tasks (self->document))
    return TRUE;

  for (guint i = 0; i < duties->len; i++)
    {
      g_autofree char *stored = yusuan_editor_dup_trimmed (yusuan_document_get_duty (self->document, i));

      if (g_strcmp0 (g_ptr_array_index (duties, i), stored) != 0)
        return TRUE;
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      const YusuanTask *stored = yusuan_document_get_task (self->document, i);
      const YusuanTask *typed = &g_array_index (tasks, YusuanTask, i);
      g_autofree char *name = yusuan_editor_dup_trimmed (stored->name);
      g_autofree char *text = yusuan_editor_dup_trimmed (stored->text);

      if (g_strcmp0 (typed->name, name) != 0 || g_strcmp0 (typed->text, text) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
check (YusuanPerformancePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  typed_tasks (self, NULL, &error);
  gtk_widget_set_visible (self->duties_list, self->duties->len > 0);
  gtk_widget_set_visible (self->tasks_list, self->tasks->len > 0);
  gtk_widget_set_sensitive (self->add_duty_button, !self->read_only && self->document != NULL);
  gtk_widget_set_sensitive (self->add_task_button, !self->read_only && self->document != NULL);
  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 changed (self), error ? error->message : NULL, self->read_only);
}

static void
load_entries (YusuanPerformancePage *self)
{
  guint n_duties = self->document ? yusuan_document_get_n_duties (self->document) : 0;
  guint n_tasks = self->document ? yusuan_document_get_n_tasks (self->document) : 0;

  self->loading = TRUE;
  clear_entries (self);
  for (guint i = 0; i < n_duties; i++)
    entry_new (self, FALSE, NULL, yusuan_document_get_duty (self->document, i));
  for (guint i = 0; i < n_tasks; i++)
    {
      const YusuanTask *task = yusuan_document_get_task (self->document, i);

      entry_new (self, TRUE, task->name, task->text);
    }
  self->loading = FALSE;
  check (self);
}

/* Indicators */

static void
indicator_remove_clicked_cb (GtkButton             *button,
                             YusuanPerformancePage *self)
{
  guint indicator_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "indicator-id"));

  if (self->document != NULL && !self->read_only)
    yusuan_document_remove_indicator (self->document, 0, indicator_id);
}

static void
indicator_row_activated_cb (YusuanPerformancePage *self,
                            GtkListBoxRow         *row)
{
  guint indicator_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "indicator-id"));

  if (indicator_id != 0 && !self->read_only)
    yusuan_performance_page_edit_indicator (self, indicator_id);
}

static void
group_add_clicked_cb (GtkButton             *button,
                      YusuanPerformancePage *self)
{
  yusuan_performance_page_add_indicator (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "level1")));
}

static void
fill_indicators (YusuanPerformancePage *self)
{
  yusuan_editor_refresh_done (&self->idle_refresh);
  yusuan_indicator_groups_fill (&self->groups, self->document, self->checker, 0, self->read_only,
                                G_CALLBACK (indicator_remove_clicked_cb), self);
}

static YusuanEditorDialog *
open_indicator (YusuanPerformancePage *self,
                guint                  indicator_id,
                YusuanLevel1           level1)
{
  YusuanEditorDialog *dialog;
  GtkWidget *form;

  if (self->document == NULL || self->read_only)
    return NULL;

  dialog = yusuan_indicator_editor_dialog_new (GTK_WIDGET (self), self->document, 0, indicator_id, level1);
  form = yusuan_editor_dialog_get_form (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (yusuan_indicator_editor_get_entry (YUSUAN_INDICATOR_EDITOR (form),
                                                                         YUSUAN_INDICATOR_FIELD_NAME)));

  return dialog;
}

/* Callbacks */

static void
document_changed_cb (YusuanPerformancePage *self,
                     const YusuanChange    *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
      load_entries (self);
      yusuan_editor_refresh_queue (&self->idle_refresh);
      break;

    case YUSUAN_CHANGE_PERFORMANCE:
      load_entries (self);
      break;

    case YUSUAN_CHANGE_INDICATORS:
      if (change->project == NULL)
        yusuan_editor_refresh_queue (&self->idle_refresh);
      break;

    default:
      break;
    }
}

static void
checker_changed_cb (YusuanPerformancePage *self)
{
  yusuan_editor_refresh_queue (&self->idle_refresh);
}

static void
add_duty_clicked_cb (YusuanPerformancePage *self)
{
  yusuan_performance_page_add_duty (self, NULL);
}

static void
add_task_clicked_cb (YusuanPerformancePage *self)
{
  yusuan_performance_page_add_task (self, NULL, NULL);
}

static void
apply_clicked_cb (YusuanPerformancePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_performance_page_apply (self, &error))
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->message_label, error);
}

static void
revert_clicked_cb (YusuanPerformancePage *self)
{
  load_entries (self);
}

/* YusuanEditorPage */

static void
yusuan_performance_page_set_document (YusuanEditorPage *page,
                                      YusuanDocument   *document,
                                      YusuanCatalog    *catalog,
                                      YusuanChecker    *checker,
                                      gboolean          read_only)
{
  YusuanPerformancePage *self = YUSUAN_PERFORMANCE_PAGE (page);

  yusuan_editor_refresh_cancel (&self->idle_refresh);
  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  yusuan_editor_watch (self, &self->checker, checker, G_CALLBACK (checker_changed_cb));
  self->read_only = !!read_only;
  load_entries (self);
  fill_indicators (self);
}

static gboolean
yusuan_performance_page_show_finding (YusuanEditorPage    *page,
                                      const YusuanFinding *finding)
{
  YusuanPerformancePage *self = YUSUAN_PERFORMANCE_PAGE (page);
  GtkWidget *row;

  if (finding->target_kind != YUSUAN_TARGET_INDICATOR || finding->project_id != 0)
    return FALSE;

  if (yusuan_editor_refresh_pending (&self->idle_refresh))
    fill_indicators (self);
  row = yusuan_indicator_groups_find_row (&self->groups, finding->target_id);
  if (row != NULL)
    gtk_widget_grab_focus (row);

  return TRUE;
}

static void
yusuan_performance_page_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_performance_page_set_document;
  iface->show_finding = yusuan_performance_page_show_finding;
  iface->finding_targets = YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_INDICATOR);
}

/* Overrides */

static void
yusuan_performance_page_map (GtkWidget *widget)
{
  YusuanPerformancePage *self = YUSUAN_PERFORMANCE_PAGE (widget);

  GTK_WIDGET_CLASS (yusuan_performance_page_parent_class)->map (widget);
  yusuan_editor_refresh_mapped (&self->idle_refresh);
}

static void
yusuan_performance_page_dispose (GObject *object)
{
  YusuanPerformancePage *self = YUSUAN_PERFORMANCE_PAGE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  yusuan_editor_refresh_cancel (&self->idle_refresh);
  g_clear_object (&self->document);
  g_clear_object (&self->checker);
  g_ptr_array_set_size (self->duties, 0);
  g_ptr_array_set_size (self->tasks, 0);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_PERFORMANCE_PAGE);

  G_OBJECT_CLASS (yusuan_performance_page_parent_class)->dispose (object);
}

static void
yusuan_performance_page_finalize (GObject *object)
{
  YusuanPerformancePage *self = YUSUAN_PERFORMANCE_PAGE (object);

  g_ptr_array_unref (self->duties);
  g_ptr_array_unref (self->tasks);

  G_OBJECT_CLASS (yusuan_performance_page_parent_class)->finalize (object);
}

static void
yusuan_performance_page_class_init (YusuanPerformancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_performance_page_dispose;
  object_class->finalize = yusuan_performance_page_finalize;
  widget_class->map = yusuan_performance_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-performance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, duties_list);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, add_duty_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, add_task_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanPerformancePage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, add_duty_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_task_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_performance_page_init (YusuanPerformancePage *self)
{
  self->duties = g_ptr_array_new_with_free_func (g_free);
  self->tasks = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  yusuan_editor_refresh_init (&self->idle_refresh, GTK_WIDGET (self), (YusuanEditorRefreshFunc) fill_indicators);
  yusuan_indicator_groups_build (&self->groups, self->groups_box, TRUE,
                                 G_CALLBACK (group_add_clicked_cb), G_CALLBACK (indicator_row_activated_cb), self);
  load_entries (self);
  fill_indicators (self);
}

/* Public API */

GtkWidget *
yusuan_performance_page_new (void)
{
  return g_object_new (YUSUAN_TYPE_PERFORMANCE_PAGE, NULL);
}

guint
yusuan_performance_page_get_n_duties (YusuanPerformancePage *self)
{
  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), 0);

  return self->duties->len;
}

guint
yusuan_performance_page_add_duty (YusuanPerformancePage *self,
                                  const char            *text)
{
  Entry *entry;

  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), 0);

  entry = entry_new (self, FALSE, NULL, text);
  check (self);
  gtk_widget_grab_focus (entry->text);

  return self->duties->len - 1;
}

void
yusuan_performance_page_remove_duty (YusuanPerformancePage *self,
                                     guint                  index)
{
  g_return_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self));
  g_return_if_fail (index < self->duties->len);

  gtk_list_box_remove (GTK_LIST_BOX (self->duties_list), ((Entry *) g_ptr_array_index (self->duties, index))->row);
  g_ptr_array_remove_index (self->duties, index);
  check (self);
}

guint
yusuan_performance_page_get_n_tasks (YusuanPerformancePage *self)
{
  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), 0);

  return self->tasks->len;
}

guint
yusuan_performance_page_add_task (YusuanPerformancePage *self,
                                  const char            *name,
                                  const char            *text)
{
  Entry *entry;

  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), 0);

  entry = entry_new (self, TRUE, name, text);
  check (self);
  gtk_widget_grab_focus (entry->name);

  return self->tasks->len - 1;
}

void
yusuan_performance_page_remove_task (YusuanPerformancePage *self,
                                     guint                  index)
{
  g_return_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self));
  g_return_if_fail (index < self->tasks->len);

  gtk_list_box_remove (GTK_LIST_BOX (self->tasks_list), ((Entry *) g_ptr_array_index (self->tasks, index))->row);
  g_ptr_array_remove_index (self->tasks, index);
  check (self);
}

gboolean
yusuan_performance_page_is_changed (YusuanPerformancePage *self)
{
  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), FALSE);

  return changed (self);
}

gboolean
yusuan_performance_page_apply (YusuanPerformancePage  *self,
                               GError                **error)
{
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GArray) tasks = tasks_array_new ();
  gboolean present;

  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), FALSE);

  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if (!typed_tasks (self, tasks, error))
    return FALSE;
  if (!changed (self))
    return TRUE;

  duties = typed_duties (self);
  /* Table 11 exists while anything of it does. */
  present = duties->len > 0 || tasks->len > 0 || yusuan_document_get_n_indicators (self->document, 0) > 0;

  /* Translators: an undo step */
  yusuan_document_begin_group (self->document, _("Change Duties and Tasks"));
  yusuan_document_set_performance (self->document, present,
                                   (const char *const *) duties->pdata, duties->len,
                                   (const YusuanTask *) tasks->data, tasks->len);
  yusuan_document_end_group (self->document);
  load_entries (self);

  return TRUE;
}

YusuanEditorDialog *
yusuan_performance_page_add_indicator (YusuanPerformancePage *self,
                                       YusuanLevel1           level1)
{
  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), NULL);

  return open_indicator (self, 0, level1);
}

YusuanEditorDialog *
yusuan_performance_page_edit_indicator (YusuanPerformancePage *self,
                                        guint                  indicator_id)
{
  g_return_val_if_fail (YUSUAN_IS_PERFORMANCE_PAGE (self), NULL);

  return open_indicator (self, indicator_id, YUSUAN_LEVEL1_OUTPUT);
}
