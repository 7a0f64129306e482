/* yusuan-new-document-dialog.c - asks for what a new budget starts with, then opens it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-application.h"
#include "yusuan-new-document-dialog.h"
#include "yusuan-codes.h"

struct _YusuanNewDocumentDialog
{
  AdwWindow  parent_instance;

  GtkWidget *department_code_row;
  GtkWidget *department_name_row;
  GtkWidget *year_spin;
  GtkWidget *unit_code_row;
  GtkWidget *unit_name_row;
  GtkWidget *unit_kind_row;
  GtkWidget *problem_label;
  GtkWidget *create_button;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (YusuanNewDocumentDialog, yusuan_new_document_dialog, ADW_TYPE_WINDOW)

static char *
field (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
validate_cb (YusuanNewDocumentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_new_document_dialog_build (self, &error);

  gtk_widget_set_sensitive (self->create_button, document != NULL);
  gtk_label_set_label (GTK_LABEL (self->problem_label), error ? error->message : NULL);
}

static void
create_clicked_cb (YusuanNewDocumentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_new_document_dialog_build (self, &error);
  GApplication *app = g_application_get_default ();

  if (document == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_label_set_label (GTK_LABEL (self->problem_label), error->message);
      return;
    }

  if (self->settings != NULL)
    {
      g_autofree char *code = field (self->department_code_row);
      g_autofree char *name = field (self->department_name_row);

      g_settings_set_string (self->settings, "last-department-code", code);
      g_settings_set_string (self->settings, "last-department-name", name);
      g_settings_set_int (self->settings, "last-fiscal-year",
                          gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin)));
    }

  if (YUSUAN_IS_APPLICATION (app))
    yusuan_application_show_document (YUSUAN_APPLICATION (app), document);

  gtk_window_close (GTK_WINDOW (self));
}

static void
yusuan_new_document_dialog_dispose (GObject *object)
{
  YusuanNewDocumentDialog *self = YUSUAN_NEW_DOCUMENT_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_NEW_DOCUMENT_DIALOG);

  G_OBJECT_CLASS (yusuan_new_document_dialog_parent_class)->dispose (object);
}

static void
yusuan_new_document_dialog_class_init (YusuanNewDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_new_document_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-new-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, department_code_row);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, department_name_row);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, unit_code_row);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, unit_name_row);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, unit_kind_row);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanNewDocumentDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yusuan_new_document_dialog_init (YusuanNewDocumentDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < YUSUAN_N_UNIT_KINDS; k++)
    gtk_string_list_append (kinds, yusuan_unit_kind_label (k));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->unit_kind_row), G_LIST_MODEL (kinds));

  /* Budgets are compiled in the autumn for the next year. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin),
                             g_date_time_get_year (now) + 1);
  validate_cb (self);
}

YusuanNewDocumentDialog *
yusuan_new_document_dialog_new (GtkWindow *parent,
                                GSettings *settings)
{
  YusuanNewDocumentDialog *self;

  self = g_object_new (YUSUAN_TYPE_NEW_DOCUMENT_DIALOG,
                       "transient-for", parent,
                       NULL);

  if (settings != NULL)
    {
      g_autofree char *code = g_settings_get_string (settings, "last-department-code");
      g_autofree char *name = g_settings_get_string (settings, "last-department-name");
      int year = g_settings_get_int (settings, "last-fiscal-year");

      self->settings = g_object_ref (settings);
      gtk_editable_set_text (GTK_EDITABLE (self->department_code_row), code);
      gtk_editable_set_text (GTK_EDITABLE (self->department_name_row), name);
      if (year >= 2000 && year < 2100)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), year + 1);
    }

  return self;
}

YusuanDocument *
yusuan_new_document_dialog_build (YusuanNewDocumentDialog  *self,
                                  GError                  **error)
{
  g_autofree char *department_code = NULL;
  g_autofree char *department_name = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *unit_name = NULL;
  YusuanDocument *document;
  guint kind;
  int year;

  g_return_val_if_fail (YUSUAN_IS_NEW_DOCUMENT_DIALOG (self), NULL);

  department_code = field (self->department_code_row);
  department_name = field (self->department_name_row);
  unit_code = field (self->unit_code_row);
  unit_name = field (self->unit_name_row);
  year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));
  kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->unit_kind_row));

  /* The contract's shapes: a code the submission could not carry is refused here. */
  if (!yusuan_code_is_department (department_code))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The department code is three to six digits, such as 103."));
      return NULL;
    }
  if (*department_name == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the department’s name."));
      return NULL;
    }
  if (!yusuan_code_is_unit (unit_code))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The unit code is six to nine digits, such as 103001."));
      return NULL;
    }
  if (*unit_name == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the unit’s name."));
      return NULL;
    }
  if (kind >= YUSUAN_N_UNIT_KINDS)
    kind = YUSUAN_UNIT_KIND_ADMINISTRATIVE;

  document = yusuan_document_new ();
  yusuan_document_begin_load (document);
  yusuan_document_set_header (document, year, YUSUAN_STAGE_FIRST_PROPOSAL,
                              department_code, department_name, NULL);
  yusuan_document_add_unit (document, unit_code, unit_name, kind);
  yusuan_document_end_load (document);

  return document;
}
