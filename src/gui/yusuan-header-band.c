/* yusuan-header-band.c - a table's grouped column headers, laid out over given column widths
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-header-band.h"

typedef struct
{
  GtkWidget *label;
  int        leaf;   /* the leaf column it heads, -1 for a group */
  int        x;
  int        width;
  guint      row;
  guint      span;
} HeaderCell;

struct _YusuanHeaderBand
{
  GtkWidget  parent_instance;

  GArray    *cells;  /* HeaderCell */
  guint      depth;
  int        width;
};

G_DEFINE_FINAL_TYPE (YusuanHeaderBand, yusuan_header_band, GTK_TYPE_WIDGET)

static guint
tree_depth (const YusuanColumn *column)
{
  guint deepest = 0;

  if (column->children == NULL)
    return 1;

  for (guint i = 0; i < column->children->len; i++)
    deepest = MAX (deepest, tree_depth (g_ptr_array_index (column->children, i)));

  return deepest + 1;
}

/* Returns the leaf range [first, last] under @column, or FALSE if none. */
static gboolean
leaf_range (const YusuanColumn *column,
            int                *first,
            int                *last)
{
  gboolean found = FALSE;

  if (column->children == NULL || column->children->len == 0)
    {
      if (column->leaf < 0)
        return FALSE;
      *first = *last = column->leaf;
      return TRUE;
    }

  for (guint i = 0; i < column->children->len; i++)
    {
      int f, l;

      if (!leaf_range (g_ptr_array_index (column->children, i), &f, &l))
        continue;
      if (!found)
        {
          *first = f;
          *last = l;
          found = TRUE;
        }
      else
        {
          *first = MIN (*first, f);
          *last = MAX (*last, l);
        }
    }

  return found;
}

static void
add_cells (YusuanHeaderBand   *self,
           const YusuanColumn *column,
           guint               level,
           const int          *offsets,
           guint               n_leaves)
{
  gboolean is_leaf = column->children == NULL || column->children->len == 0;
  HeaderCell cell = { 0 };
  int first, last;

  if (leaf_range (column, &first, &last) && last < (int) n_leaves)
    {
      cell.label = gtk_label_new (column->label);
      gtk_label_set_wrap (GTK_LABEL (cell.label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (cell.label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (cell.label), GTK_JUSTIFY_CENTER);
      gtk_label_set_xalign (GTK_LABEL (cell.label), 0.5);
      gtk_label_set_yalign (GTK_LABEL (cell.label), 0.5);
      /* Width is imposed by the columns, not by the text. */
      gtk_label_set_width_chars (GTK_LABEL (cell.label), 1);
      {
        /* "Sec-tion" reads badly: break between words, not inside them. */
        PangoAttrList *attrs = pango_attr_list_new ();

        pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
        gtk_label_set_attributes (GTK_LABEL (cell.label), attrs);
        pango_attr_list_unref (attrs);
      }
      gtk_widget_add_css_class (cell.label, "header-cell");
      if (!is_leaf)
        gtk_widget_add_css_class (cell.label, "group");
      gtk_widget_set_parent (cell.label, GTK_WIDGET (self));
      cell.x = offsets[first];
      cell.width = offsets[last + 1] - offsets[first];
      cell.row = level;
      cell.span = is_leaf ? self->depth - level : 1;
      cell.leaf = is_leaf ? column->leaf : -1;
      g_array_append_val (self->cells, cell);
    }

  if (!is_leaf)
    for (guint i = 0; i < column->children->len; i++)
      add_cells (self, g_ptr_array_index (column->children, i), level + 1, offsets, n_leaves);
}

static void
clear_cells (YusuanHeaderBand *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_unparent (g_array_index (self->cells, HeaderCell, i).label);
  g_array_set_size (self->cells, 0);
}

/* Row heights: each row as tall as its one-row cells need, then the last
 * row of a taller multi-row cell grows to fit it. */
static int *
compute_row_heights (YusuanHeaderBand *self)
{
  int *heights = g_new0 (int, MAX (self->depth, 1));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->cells->len; i++)
      {
        HeaderCell *cell = &g_array_index (self->cells, HeaderCell, i);
        int min = 0, nat = 0, have = 0;

        if ((pass == 0) != (cell->span == 1))
          continue;

        gtk_widget_measure (cell->label, GTK_ORIENTATION_VERTICAL, cell->width,
                            &min, &nat, NULL, NULL);
        for (guint r = cell->row; r < cell->row + cell->span; r++)
          have += heights[r];
        if (have < nat)
          heights[cell->row + cell->span - 1] += nat - have;
      }

  return heights;
}

static void
yusuan_header_band_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  YusuanHeaderBand *self = YUSUAN_HEADER_BAND (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = self->width;
    }
  else
    {
      g_autofree int *heights = compute_row_heights (self);
      int total = 0;

      for (guint r = 0; r < self->depth; r++)
        total += heights[r];
      *minimum = *natural = total;
    }
}

static void
yusuan_header_band_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  YusuanHeaderBand *self = YUSUAN_HEADER_BAND (widget);
  g_autofree int *heights = compute_row_heights (self);
  g_autofree int *tops = g_new0 (int, self->depth + 1);

  for (guint r = 0; r < self->depth; r++)
    tops[r + 1] = tops[r] + heights[r];

  for (guint i = 0; i < self->cells->len; i++)
    {
      HeaderCell *cell = &g_array_index (self->cells, HeaderCell, i);
      GtkAllocation allocation = {
        .x = cell->x,
        .y = tops[cell->row],
        .width = cell->width,
        .height = tops[cell->row + cell->span] - tops[cell->row],
      };

      /* The last row takes what the band was given beyond its request. */
      if (cell->row + cell->span == self->depth)
        allocation.height += MAX (0, height - tops[self->depth]);

      gtk_widget_size_allocate (cell->label, &allocation, -1);
    }
}

static GtkSizeRequestMode
yusuan_header_band_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
yusuan_header_band_dispose (GObject *object)
{
  YusuanHeaderBand *self = YUSUAN_HEADER_BAND (object);

  if (self->cells != NULL)
    clear_cells (self);

  G_OBJECT_CLASS (yusuan_header_band_parent_class)->dispose (object);
}

static void
yusuan_header_band_finalize (GObject *object)
{
  YusuanHeaderBand *self = YUSUAN_HEADER_BAND (object);

  g_clear_pointer (&self->cells, g_array_unref);

  G_OBJECT_CLASS (yusuan_header_band_parent_class)->finalize (object);
}

static void
yusuan_header_band_class_init (YusuanHeaderBandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_header_band_dispose;
  object_class->finalize = yusuan_header_band_finalize;
  widget_class->measure = yusuan_header_band_measure;
  widget_class->size_allocate = yusuan_header_band_size_allocate;
  widget_class->get_request_mode = yusuan_header_band_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "headerband");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
yusuan_header_band_init (YusuanHeaderBand *self)
{
  self->cells = g_array_new (FALSE, TRUE, sizeof (HeaderCell));
}

GtkWidget *
yusuan_header_band_new (void)
{
  return g_object_new (YUSUAN_TYPE_HEADER_BAND, NULL);
}

void
yusuan_header_band_set_header (YusuanHeaderBand   *self,
                               const YusuanColumn *root,
                               const int          *widths,
                               guint               n_leaves)
{
  g_autofree int *offsets = NULL;

  g_return_if_fail (YUSUAN_IS_HEADER_BAND (self));

  clear_cells (self);
  self->depth = 0;
  self->width = 0;

  if (root != NULL && root->children != NULL)
    {
      offsets = g_new0 (int, n_leaves + 1);
      for (guint i = 0; i < n_leaves; i++)
        offsets[i + 1] = offsets[i] + widths[i];
      self->width = offsets[n_leaves];
      self->depth = tree_depth (root) - 1;
      for (guint i = 0; i < root->children->len; i++)
        add_cells (self, g_ptr_array_index (root->children, i), 0, offsets, n_leaves);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
yusuan_header_band_get_leaf_widget (YusuanHeaderBand *self,
                                    guint             leaf)
{
  g_return_val_if_fail (YUSUAN_IS_HEADER_BAND (self), NULL);

  for (guint i = 0; i < self->cells->len; i++)
    if (g_array_index (self->cells, HeaderCell, i).leaf == (int) leaf)
      return g_array_index (self->cells, HeaderCell, i).label;

  return NULL;
}
