/* yusuan-chart.c - one of the budget's charts in the window, following the document live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-chart.h"

/* Edits come in bursts (typing, pasting): the sums are taken once the
 * burst is over. */
#define REFRESH_DELAY_MS 150

struct _YusuanChart
{
  GtkDrawingArea    parent_instance;

  YusuanChartKind   kind;
  YusuanDocument   *document;
  YusuanCatalog    *catalog;
  gulong            changed_id;
  guint             refresh_id;
  gboolean          stale;  /* the document changed while the chart was not shown */
  YusuanChartData  *data;
};

G_DEFINE_FINAL_TYPE (YusuanChart, yusuan_chart, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The widget's text size in pixels, as the chart takes it. */
static double
font_pixels (YusuanChart *self,
             char       **family)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size = 10.0 * 96 / 72;

  if (desc != NULL && pango_font_description_get_size (desc) > 0)
    {
      size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (desc))
        size = size * 96 / 72;
    }
  if (family != NULL)
    *family = g_strdup (desc ? pango_font_description_get_family (desc) : NULL);
  return size;
}

/* What a screen reader says: the title, then each item with its figure. */
static void
update_accessible (YusuanChart *self)
{
  GString *description = g_string_new (NULL);
  const char *title = self->data ? yusuan_chart_data_get_title (self->data) : "";
  guint n = self->data ? yusuan_chart_data_get_n_items (self->data) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = yusuan_amount_format (yusuan_chart_data_get_amount (self->data, i),
                                                     YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);

      if (description->len > 0)
        /* Translators: separates the items a screen reader reads out: "；" */
        g_string_append (description, _("; "));
      /* Translators: an item of a chart for a screen reader: "%1$s %2$s万元" */
      g_string_append_printf (description, _("%1$s %2$s ten thousand yuan"),
                              yusuan_chart_data_get_label (self->data, i), value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_string_free (description, TRUE);
}

/* Tall enough for every item at the widget's text size. */
static void
update_height (YusuanChart *self)
{
  if (self->data != NULL)
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                         (int) yusuan_chart_get_natural_height (self->data,
                                                                                font_pixels (self, NULL)));
}

static void
refresh (YusuanChart *self)
{
  self->stale = FALSE;
  g_clear_pointer (&self->data, yusuan_chart_data_free);
  if (self->document != NULL)
    self->data = yusuan_chart_data_new (self->document, self->catalog, self->kind);
  update_height (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  YusuanChart *self = user_data;

  self->refresh_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (YusuanDocument *document,
                     gpointer        change,
                     YusuanChart    *self)
{
  /* A chart nobody sees recounts nothing: it catches up when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
yusuan_chart_map (GtkWidget *widget)
{
  YusuanChart *self = YUSUAN_CHART (widget);

  GTK_WIDGET_CLASS (yusuan_chart_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  YusuanChart *self = YUSUAN_CHART (area);
  GtkStyleContext *style_context = gtk_widget_get_style_context (GTK_WIDGET (area));
  g_autofree char *family = NULL;
  YusuanChartStyle style;
  GdkRGBA color;

  if (self->data == NULL)
    return;

  /* The style's foreground: dark text on a light theme, light on a dark one. */
  gtk_style_context_get_color (style_context, &color);
  yusuan_chart_style_init_with_foreground (&style, color.red, color.green, color.blue, color.alpha);
  style.font_size = font_pixels (self, &family);
  style.font_family = family;
  yusuan_chart_draw (cr, self->data, width, height, &style);
}

static void
yusuan_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (yusuan_chart_parent_class)->css_changed (widget, change);
  /* A new font size asks for another height; a new colour, a redraw. */
  update_height (YUSUAN_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
yusuan_chart_dispose (GObject *object)
{
  YusuanChart *self = YUSUAN_CHART (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  g_clear_pointer (&self->data, yusuan_chart_data_free);

  G_OBJECT_CLASS (yusuan_chart_parent_class)->dispose (object);
}

static void
yusuan_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  YusuanChart *self = YUSUAN_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yusuan_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  YusuanChart *self = YUSUAN_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      yusuan_chart_set_kind (self, g_value_get_uint (value));
      break;
    case PROP_DOCUMENT:
      yusuan_chart_set_document (self, g_value_get_object (value), NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yusuan_chart_class_init (YusuanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_chart_dispose;
  object_class->get_property = yusuan_chart_get_property;
  object_class->set_property = yusuan_chart_set_property;
  widget_class->css_changed = yusuan_chart_css_changed;
  widget_class->map = yusuan_chart_map;

  /* YusuanChartKind */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, YUSUAN_N_CHARTS - 1, YUSUAN_CHART_FUNCTION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         YUSUAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
yusuan_chart_init (YusuanChart *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 360);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 180);
}

GtkWidget *
yusuan_chart_new (YusuanChartKind kind)
{
  g_return_val_if_fail (kind < YUSUAN_N_CHARTS, NULL);

  return g_object_new (YUSUAN_TYPE_CHART, "kind", kind, NULL);
}

YusuanChartKind
yusuan_chart_get_kind (YusuanChart *self)
{
  g_return_val_if_fail (YUSUAN_IS_CHART (self), YUSUAN_CHART_FUNCTION);
  return self->kind;
}

void
yusuan_chart_set_kind (YusuanChart     *self,
                       YusuanChartKind  kind)
{
  g_return_if_fail (YUSUAN_IS_CHART (self));
  g_return_if_fail (kind < YUSUAN_N_CHARTS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

YusuanDocument *
yusuan_chart_get_document (YusuanChart *self)
{
  g_return_val_if_fail (YUSUAN_IS_CHART (self), NULL);
  return self->document;
}

void
yusuan_chart_set_document (YusuanChart    *self,
                           YusuanDocument *document,
                           YusuanCatalog  *catalog)
{
  g_return_if_fail (YUSUAN_IS_CHART (self));
  g_return_if_fail (document == NULL || YUSUAN_IS_DOCUMENT (document));

  if (self->document == document && (catalog == NULL || catalog == self->catalog))
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  if (document != NULL)
    {
      self->catalog = catalog ? yusuan_catalog_ref (catalog)
                              : yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
      self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
