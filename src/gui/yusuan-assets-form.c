/* yusuan-assets-form.c - the state-owned assets (国有资产占用) at the end of the prior year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-assets-form.h"
#include "yusuan-editor-dialog.h"

/* The contract's largest count. */
#define MAX_COUNT G_GUINT64_CONSTANT (1000000000)

struct _YusuanAssetsForm
{
  GtkWidget       parent_instance;

  GtkWidget      *group;
  GtkWidget      *message_label;
  GtkWidget      *revert_button;
  GtkWidget      *apply_button;
  GtkWidget      *entries[YUSUAN_N_ASSETS];

  YusuanDocument *document;
  guint           read_only : 1;
  guint           loading : 1;
};

static void yusuan_assets_form_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanAssetsForm, yusuan_assets_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_assets_form_editor_page_init))

static const char *
asset_label (YusuanAsset asset)
{
  switch (asset)
    {
    case YUSUAN_ASSET_VEHICLES:
      /* Translators: 车辆（台）, as the budget explanation counts them */
      return _("Vehicles (车辆, 台)");
    case YUSUAN_ASSET_GENERAL_EQUIPMENT:
      return _("General equipment of 500,000 yuan or more each (单价50万元以上通用设备, 台/套)");
    case YUSUAN_ASSET_SPECIAL_EQUIPMENT:
    case YUSUAN_N_ASSETS:
    default:
      return _("Special equipment of 1,000,000 yuan or more each (单位价值100万元以上专用设备, 台/套)");
    }
}

/* Helpers */

static gboolean
typed_counts (YusuanAssetsForm  *self,
              guint64           *counts,
              gboolean          *any,
              GError           **error)
{
  *any = FALSE;
  for (guint a = 0; a < YUSUAN_N_ASSETS; a++)
    {
      g_autofree char *text = yusuan_editor_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->entries[a])));

      counts[a] = 0;
      if (text == NULL)
        continue;
      if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_COUNT, &counts[a], NULL))
        {
          /* Translators: the first %s is the kind of asset, the second what was typed */
          g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID,
                       _("%s: “%s” is not a count; write a whole number such as 5."),
                       asset_label (a), text);
          return FALSE;
        }
      *any = TRUE;
    }

  return TRUE;
}

static gboolean
changed (YusuanAssetsForm *self)
{
  guint64 counts[YUSUAN_N_ASSETS];
  guint64 stored[YUSUAN_N_ASSETS] = { 0 };
  gboolean any, has;

  if (self->document == NULL)
    return FALSE;
  if (!typed_counts (self, counts, &any, NULL))
    return TRUE;

  has = yusuan_document_get_assets (self->document, &stored[0], &stored[1], &stored[2]);
  if (any != has)
    return TRUE;

  return any && memcmp (counts, stored, sizeof counts) != 0;
}

static void
check (YusuanAssetsForm *self)
{
  guint64 counts[YUSUAN_N_ASSETS];
  gboolean any;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  typed_counts (self, counts, &any, &error);
  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 changed (self), error ? error->message : NULL, self->read_only);
}

static void
load (YusuanAssetsForm *self)
{
  guint64 stored[YUSUAN_N_ASSETS] = { 0 };
  gboolean has = self->document && yusuan_document_get_assets (self->document, &stored[0], &stored[1], &stored[2]);

  self->loading = TRUE;
  for (guint a = 0; a < YUSUAN_N_ASSETS; a++)
    {
      g_autofree char *text = has ? g_strdup_printf ("%" G_GUINT64_FORMAT, stored[a]) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->entries[a]), text ? text : "");
      gtk_editable_set_editable (GTK_EDITABLE (self->entries[a]), !self->read_only);
    }
  self->loading = FALSE;
  check (self);
}

/* Callbacks */

static void
entry_changed_cb (YusuanAssetsForm *self)
{
  check (self);
}

static void
document_changed_cb (YusuanAssetsForm   *self,
                     const YusuanChange *change)
{
  if (change->kind == YUSUAN_CHANGE_RESET || change->kind == YUSUAN_CHANGE_ASSETS)
    load (self);
}

static void
apply_clicked_cb (YusuanAssetsForm *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_assets_form_apply (self, &error))
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->message_label, error);
}

static void
revert_clicked_cb (YusuanAssetsForm *self)
{
  load (self);
}

/* YusuanEditorPage */

static void
yusuan_assets_form_set_document (YusuanEditorPage *page,
                                 YusuanDocument   *document,
                                 YusuanCatalog    *catalog,
                                 YusuanChecker    *checker,
                                 gboolean          read_only)
{
  YusuanAssetsForm *self = YUSUAN_ASSETS_FORM (page);

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  self->read_only = !!read_only;
  load (self);
}

static void
yusuan_assets_form_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_assets_form_set_document;
}

/* Overrides */

static void
yusuan_assets_form_dispose (GObject *object)
{
  YusuanAssetsForm *self = YUSUAN_ASSETS_FORM (object);

  yusuan_editor_watch (self, &self->document, NULL, NULL);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_ASSETS_FORM);

  G_OBJECT_CLASS (yusuan_assets_form_parent_class)->dispose (object);
}

static void
yusuan_assets_form_class_init (YusuanAssetsFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_assets_form_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-assets-form.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanAssetsForm, group);
  gtk_widget_class_bind_template_child (widget_class, YusuanAssetsForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanAssetsForm, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanAssetsForm, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_assets_form_init (YusuanAssetsForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint a = 0; a < YUSUAN_N_ASSETS; a++)
    self->entries[a] = yusuan_editor_add_figure_row (self->group, asset_label (a), GTK_INPUT_PURPOSE_DIGITS,
                                                     G_CALLBACK (entry_changed_cb), G_CALLBACK (apply_clicked_cb),
                                                     self, NULL);
  load (self);
}

/* Public API */

GtkWidget *
yusuan_assets_form_new (void)
{
  return g_object_new (YUSUAN_TYPE_ASSETS_FORM, NULL);
}

GtkEditable *
yusuan_assets_form_get_entry (YusuanAssetsForm *self,
                              YusuanAsset       asset)
{
  g_return_val_if_fail (YUSUAN_IS_ASSETS_FORM (self), NULL);
  g_return_val_if_fail (asset < YUSUAN_N_ASSETS, NULL);

  return GTK_EDITABLE (self->entries[asset]);
}

gboolean
yusuan_assets_form_apply (YusuanAssetsForm  *self,
                          GError           **error)
{
  guint64 counts[YUSUAN_N_ASSETS];
  gboolean any;

  g_return_val_if_fail (YUSUAN_IS_ASSETS_FORM (self), FALSE);

  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if (!typed_counts (self, counts, &any, error))
    return FALSE;
  if (!changed (self))
    return TRUE;

  /* Translators: an undo step */
  yusuan_document_begin_group (self->document, _("Change Assets"));
  yusuan_document_set_assets (self->document, any, counts[0], counts[1], counts[2]);
  yusuan_document_end_group (self->document);
  load (self);

  return TRUE;
}
