/* yusuan-application.c - the application: windows, files given on the command line, app actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-application.h"
#include "yusuan-new-document-dialog.h"
#include "yusuan-window.h"

struct _YusuanApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (YusuanApplication, yusuan_application, ADW_TYPE_APPLICATION)

static YusuanWindow *
find_empty_window (YusuanApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (YUSUAN_IS_WINDOW (active) && yusuan_window_is_empty (YUSUAN_WINDOW (active)))
    return YUSUAN_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (YUSUAN_IS_WINDOW (l->data) && yusuan_window_is_empty (l->data))
      return l->data;

  return NULL;
}

static YusuanWindow *
window_for_new_content (YusuanApplication *self)
{
  YusuanWindow *window = find_empty_window (self);

  if (window == NULL)
    window = yusuan_window_new (self);

  return window;
}

/* A document already open in one of our windows is shown, not opened twice
 * (our own lock would otherwise refuse it). */
static YusuanWindow *
find_window_for_file (YusuanApplication *self,
                      GFile             *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *other;

      if (!YUSUAN_IS_WINDOW (l->data))
        continue;
      other = yusuan_window_get_file (l->data);
      if (other != NULL && g_file_equal (other, file))
        return l->data;
    }

  return NULL;
}

static void
new_document_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  YusuanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  YusuanNewDocumentDialog *dialog;

  dialog = yusuan_new_document_dialog_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  YusuanApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        yusuan_application_open_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_application_release (G_APPLICATION (self));
}

static void
open_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  YusuanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) yusuan = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Budgets and Submissions"));
  gtk_file_filter_add_pattern (all, "*.yusuan");
  gtk_file_filter_add_pattern (all, "*.xml");
  gtk_file_filter_add_mime_type (all, "application/x-yusuan");
  gtk_file_filter_set_name (yusuan, _("Budget Documents (.yusuan)"));
  gtk_file_filter_add_pattern (yusuan, "*.yusuan");
  gtk_file_filter_add_mime_type (yusuan, "application/x-yusuan");
  gtk_file_filter_set_name (xml, _("Submission XML (.xml)"));
  gtk_file_filter_add_pattern (xml, "*.xml");

  native = gtk_file_chooser_native_new (_("Open Budget"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), yusuan);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), xml);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YusuanApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  yusuan_application_open_file (self, file);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  YusuanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Yusuan contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Yusuan"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Compile a department budget: the twelve published tables, "
                                      "performance targets, checks and the submission to the finance bureau."),
                        "developer-name", _("The Yusuan contributors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Yusuan contributors",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  YusuanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Using Yusuan"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
    _("Choose a table in the sidebar. Cells you can edit are white; totals are computed "
      "and shaded. Move with the arrow keys, type a figure and press Enter to store it "
      "(Tab moves right, Esc cancels, F2 edits the current figure).\n\n"
      "Figures are entered in the unit shown in the header bar (10,000 yuan or yuan). "
      "Checks (审核) run as you type: errors must be fixed before the submission can be "
      "exported, warnings should be read.\n\n"
      "Press Ctrl+? to see every keyboard shortcut."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  YusuanApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new", new_document_cb },
  { "open", open_cb },
  { "open-recent", open_recent_cb, "s" },
  { "about", about_cb },
  { "help", help_cb },
  { "quit", quit_cb },
};

static void
yusuan_application_activate (GApplication *app)
{
  YusuanApplication *self = YUSUAN_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (yusuan_window_new (self));

  gtk_window_present (window);
}

static void
yusuan_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    yusuan_application_open_file (YUSUAN_APPLICATION (app), files[i]);
}

static void
yusuan_application_startup (GApplication *app)
{
  YusuanApplication *self = YUSUAN_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.export-xml", { "<Control>e", NULL } },
    { "win.import-xml", { "<Control>i", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export-report::pdf", { "<Control><Shift>e", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-findings", { "<Control>k", NULL } },
  };

  G_APPLICATION_CLASS (yusuan_application_parent_class)->startup (app);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  else
    g_debug ("Settings schema %s is not installed: preferences are not kept", APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
yusuan_application_dispose (GObject *object)
{
  YusuanApplication *self = YUSUAN_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (yusuan_application_parent_class)->dispose (object);
}

static void
yusuan_application_class_init (YusuanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = yusuan_application_dispose;
  app_class->activate = yusuan_application_activate;
  app_class->open = yusuan_application_open;
  app_class->startup = yusuan_application_startup;
}

static void
yusuan_application_init (YusuanApplication *self)
{
}

YusuanApplication *
yusuan_application_new (void)
{
  return g_object_new (YUSUAN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/yusuan/Yusuan",
                       NULL);
}

GSettings *
yusuan_application_get_settings (YusuanApplication *self)
{
  g_return_val_if_fail (YUSUAN_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
yusuan_application_open_file (YusuanApplication *self,
                              GFile             *file)
{
  YusuanWindow *window;

  g_return_if_fail (YUSUAN_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = window_for_new_content (self);
  gtk_window_present (GTK_WINDOW (window));
  yusuan_window_open_file (window, file);
}

void
yusuan_application_show_document (YusuanApplication *self,
                                  YusuanDocument    *document)
{
  YusuanWindow *window;

  g_return_if_fail (YUSUAN_IS_APPLICATION (self));
  g_return_if_fail (YUSUAN_IS_DOCUMENT (document));

  window = window_for_new_content (self);
  yusuan_window_set_document (window, document, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
}

YusuanDisplayUnit
yusuan_application_get_display_unit (YusuanApplication *self)
{
  g_autofree char *unit = NULL;

  g_return_val_if_fail (YUSUAN_IS_APPLICATION (self), YUSUAN_DISPLAY_WAN);

  if (self->settings == NULL)
    return YUSUAN_DISPLAY_WAN;
  unit = g_settings_get_string (self->settings, "display-unit");

  return g_strcmp0 (unit, "yuan") == 0 ? YUSUAN_DISPLAY_YUAN : YUSUAN_DISPLAY_WAN;
}
