/* yusuan-charts-page.c - the budget's four charts (图表) on a page of the window, following the document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "yusuan-charts-page.h"

struct _YusuanChartsPage
{
  GtkWidget  parent_instance;

  GtkWidget *scrolled;
  GtkWidget *charts_box;
  GtkWidget *charts[YUSUAN_N_CHARTS];
};

static void yusuan_charts_page_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanChartsPage, yusuan_charts_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_charts_page_editor_page_init))

/* In the order the explanatory text speaks of them: the year's change, the
 * structure of expenditure, then the basic expenditure. */
static const YusuanChartKind chart_order[YUSUAN_N_CHARTS] = {
  YUSUAN_CHART_YEAR_ON_YEAR,
  YUSUAN_CHART_BASIC_PROJECT,
  YUSUAN_CHART_FUNCTION,
  YUSUAN_CHART_PERSONNEL_PUBLIC,
};

/* YusuanEditorPage */

static void
yusuan_charts_page_set_document (YusuanEditorPage *page,
                                 YusuanDocument   *document,
                                 YusuanCatalog    *catalog,
                                 YusuanChecker    *checker,
                                 gboolean          read_only)
{
  YusuanChartsPage *self = YUSUAN_CHARTS_PAGE (page);

  for (guint i = 0; i < YUSUAN_N_CHARTS; i++)
    yusuan_chart_set_document (YUSUAN_CHART (self->charts[i]), document, catalog);
}

static void
yusuan_charts_page_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_charts_page_set_document;
}

/* Overrides */

static void
yusuan_charts_page_dispose (GObject *object)
{
  YusuanChartsPage *self = YUSUAN_CHARTS_PAGE (object);

  for (guint i = 0; i < YUSUAN_N_CHARTS; i++)
    self->charts[i] = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_CHARTS_PAGE);

  G_OBJECT_CLASS (yusuan_charts_page_parent_class)->dispose (object);
}

static void
yusuan_charts_page_class_init (YusuanChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_charts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanChartsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YusuanChartsPage, charts_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_charts_page_init (YusuanChartsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < YUSUAN_N_CHARTS; i++)
    {
      YusuanChartKind kind = chart_order[i];
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->charts[kind] = yusuan_chart_new (kind);
      gtk_widget_set_hexpand (self->charts[kind], TRUE);
      gtk_widget_set_margin_top (self->charts[kind], 12);
      gtk_widget_set_margin_bottom (self->charts[kind], 12);
      gtk_widget_set_margin_start (self->charts[kind], 18);
      gtk_widget_set_margin_end (self->charts[kind], 18);
      gtk_box_append (GTK_BOX (card), self->charts[kind]);
      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (self->charts_box), card);
    }
}

/* Public API */

GtkWidget *
yusuan_charts_page_new (void)
{
  return g_object_new (YUSUAN_TYPE_CHARTS_PAGE, NULL);
}

YusuanChart *
yusuan_charts_page_get_chart (YusuanChartsPage *self,
                              YusuanChartKind   kind)
{
  g_return_val_if_fail (YUSUAN_IS_CHARTS_PAGE (self), NULL);
  g_return_val_if_fail (kind < YUSUAN_N_CHARTS, NULL);

  return YUSUAN_CHART (self->charts[kind]);
}
