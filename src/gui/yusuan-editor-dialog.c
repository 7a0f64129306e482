/* yusuan-editor-dialog.c - a window around one form: Cancel, or apply it as one undoable step
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"

struct _YusuanEditorDialog
{
  AdwWindow              parent_instance;

  GtkWidget             *title_widget;
  GtkWidget             *apply_button;
  GtkWidget             *error_label;
  GtkWidget             *scrolled;

  GtkWidget             *form;
  YusuanEditorApplyFunc  apply;
};

G_DEFINE_FINAL_TYPE (YusuanEditorDialog, yusuan_editor_dialog, ADW_TYPE_WINDOW)

G_DEFINE_QUARK (yusuan-editor-error-quark, yusuan_editor_error)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
form_valid_cb (YusuanEditorDialog *self)
{
  gboolean valid = FALSE;

  g_object_get (self->form, "valid", &valid, NULL);
  gtk_widget_set_sensitive (self->apply_button, valid);
  if (valid)
    gtk_widget_set_visible (self->error_label, FALSE);
}

static void
apply_clicked_cb (YusuanEditorDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_editor_dialog_apply (self, &error))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
cancel_clicked_cb (YusuanEditorDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
yusuan_editor_dialog_dispose (GObject *object)
{
  YusuanEditorDialog *self = YUSUAN_EDITOR_DIALOG (object);

  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  self->form = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_EDITOR_DIALOG);

  G_OBJECT_CLASS (yusuan_editor_dialog_parent_class)->dispose (object);
}

static void
yusuan_editor_dialog_class_init (YusuanEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_editor_dialog_dispose;

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-editor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanEditorDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, YusuanEditorDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanEditorDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanEditorDialog, scrolled);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yusuan_editor_dialog_init (YusuanEditorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

YusuanEditorDialog *
yusuan_editor_dialog_new (GtkWidget             *parent,
                          const char            *title,
                          const char            *apply_label,
                          GtkWidget             *form,
                          YusuanEditorApplyFunc  apply)
{
  YusuanEditorDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (form), NULL);
  g_return_val_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (form), "valid") != NULL, NULL);
  g_return_val_if_fail (apply != NULL, NULL);

  self = g_object_new (YUSUAN_TYPE_EDITOR_DIALOG, NULL);
  root = parent ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title_widget), title);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), apply_label);

  self->form = form;
  self->apply = apply;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), form);
  g_signal_connect_object (form, "notify::valid", G_CALLBACK (form_valid_cb), self, G_CONNECT_SWAPPED);
  form_valid_cb (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);

  return self;
}

GtkWidget *
yusuan_editor_dialog_get_form (YusuanEditorDialog *self)
{
  g_return_val_if_fail (YUSUAN_IS_EDITOR_DIALOG (self), NULL);

  return self->form;
}

gboolean
yusuan_editor_dialog_apply (YusuanEditorDialog  *self,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (YUSUAN_IS_EDITOR_DIALOG (self), FALSE);

  if (self->form == NULL)
    return FALSE;

  if (!self->apply (self->form, &local_error))
    {
      gtk_label_set_label (GTK_LABEL (self->error_label), local_error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}
