/* yusuan-table-cell.c - the widget of one cell in a table view: figure or text, cursor, selection
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-table-cell.h"

#define INDENT_PER_LEVEL 18

struct _YusuanTableCell
{
  GtkWidget          parent_instance;

  GtkWidget         *inscription;
  YusuanRowItem     *item;
  gulong             changed_id;
  guint              column;
  guint              flags;   /* the CSS classes set now, as CellFlags */
  int                indent;
  YusuanDisplayUnit  unit;
  guint              is_amount : 1;
  guint              indents : 1;
};

G_DEFINE_FINAL_TYPE (YusuanTableCell, yusuan_table_cell, GTK_TYPE_WIDGET)

typedef enum
{
  CELL_TOTAL     = 1 << 0,
  CELL_HEADING   = 1 << 1,
  CELL_SUBTOTAL  = 1 << 2,
  CELL_EDITABLE  = 1 << 3,
  CELL_CURSOR    = 1 << 4,
  CELL_SELECTED  = 1 << 5,
} CellFlags;

static const char *const flag_classes[] = {
  "total", "heading", "subtotal", "editable", "cursor", "selected",
};

/* Scrolling rebinds every visible cell each frame: touch the CSS classes
 * only when they change, as each change restyles the cell. */
static void
set_flags (YusuanTableCell *self,
           guint            flags)
{
  guint changed = self->flags ^ flags;

  for (guint i = 0; i < G_N_ELEMENTS (flag_classes); i++)
    if (changed & (1u << i))
      {
        if (flags & (1u << i))
          gtk_widget_add_css_class (GTK_WIDGET (self), flag_classes[i]);
        else
          gtk_widget_remove_css_class (GTK_WIDGET (self), flag_classes[i]);
      }

  self->flags = flags;
}

static void
refresh (YusuanTableCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  YusuanTable *table;
  const YusuanTableRow *row;
  g_autofree char *text = NULL;
  guint index;
  guint flags;
  int indent;
  gboolean long_text;

  if (self->item == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (self->inscription), NULL);
      gtk_widget_set_tooltip_text (widget, NULL);
      return;
    }

  table = yusuan_row_item_get_table (self->item);
  index = yusuan_row_item_get_index (self->item);
  if (index >= yusuan_table_get_n_rows (table))
    return;

  row = yusuan_table_get_row (table, index);
  text = yusuan_table_dup_display (table, index, self->column, self->unit, TRUE);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->inscription), text);

  /* Long names are ellipsized; the tooltip shows them whole. */
  long_text = !self->is_amount && text != NULL && g_utf8_strlen (text, -1) > 8;
  if (long_text || gtk_widget_get_has_tooltip (widget))
    gtk_widget_set_tooltip_text (widget, long_text ? text : NULL);

  indent = self->indents ? (int) MIN (row->depth, 6) * INDENT_PER_LEVEL : 0;
  if (indent != self->indent)
    {
      self->indent = indent;
      gtk_widget_set_margin_start (self->inscription, indent);
    }

  flags = 0;
  if (row->kind == YUSUAN_ROW_TOTAL)
    flags |= CELL_TOTAL;
  if (row->kind == YUSUAN_ROW_HEADING)
    flags |= CELL_HEADING;
  if (row->kind == YUSUAN_ROW_DEPARTMENT || row->kind == YUSUAN_ROW_UNIT ||
      (row->kind == YUSUAN_ROW_FUNCTION && row->depth < 2))
    flags |= CELL_SUBTOTAL;
  if (yusuan_table_is_editable (table, index, self->column))
    flags |= CELL_EDITABLE;
  if (yusuan_row_item_get_cursor (self->item) == (int) self->column)
    flags |= CELL_CURSOR;
  if (yusuan_row_item_is_selected (self->item, self->column))
    flags |= CELL_SELECTED;
  set_flags (self, flags);
}

static void
item_changed_cb (YusuanTableCell *self,
                 int              column)
{
  /* One figure stored changes a few cells of a row: the row's other
   * cells have nothing new to show. */
  if (column < 0 || (guint) column == self->column)
    refresh (self);
}

static void
yusuan_table_cell_dispose (GObject *object)
{
  YusuanTableCell *self = YUSUAN_TABLE_CELL (object);

  yusuan_table_cell_set_item (self, NULL);
  g_clear_pointer (&self->inscription, gtk_widget_unparent);

  G_OBJECT_CLASS (yusuan_table_cell_parent_class)->dispose (object);
}

static void
yusuan_table_cell_class_init (YusuanTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_table_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tablecell");
}

static void
yusuan_table_cell_init (YusuanTableCell *self)
{
  self->inscription = gtk_inscription_new (NULL);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (self->inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (self->inscription), 1);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->inscription, TRUE);
  gtk_widget_set_parent (self->inscription, GTK_WIDGET (self));
}

GtkWidget *
yusuan_table_cell_new (guint    column,
                       gboolean is_amount,
                       gboolean indents)
{
  YusuanTableCell *self = g_object_new (YUSUAN_TYPE_TABLE_CELL, NULL);

  self->column = column;
  self->is_amount = !!is_amount;
  self->indents = !!indents;
  if (is_amount)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (self->inscription), 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (self), "amount");
      gtk_widget_add_css_class (self->inscription, "numeric");
    }

  return GTK_WIDGET (self);
}

guint
yusuan_table_cell_get_column (YusuanTableCell *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_CELL (self), 0);

  return self->column;
}

int
yusuan_table_cell_get_row (YusuanTableCell *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_CELL (self), -1);

  return self->item != NULL ? (int) yusuan_row_item_get_index (self->item) : -1;
}

void
yusuan_table_cell_set_item (YusuanTableCell *self,
                            YusuanRowItem   *item)
{
  g_return_if_fail (YUSUAN_IS_TABLE_CELL (self));
  g_return_if_fail (item == NULL || YUSUAN_IS_ROW_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->item);
      g_clear_object (&self->item);
    }

  if (item != NULL)
    {
      self->item = g_object_ref (item);
      self->changed_id = g_signal_connect_swapped (item, "changed",
                                                   G_CALLBACK (item_changed_cb), self);
    }

  refresh (self);
}

void
yusuan_table_cell_set_display_unit (YusuanTableCell   *self,
                                    YusuanDisplayUnit  unit)
{
  g_return_if_fail (YUSUAN_IS_TABLE_CELL (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  refresh (self);
}

const char *
yusuan_table_cell_get_text (YusuanTableCell *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_CELL (self), NULL);

  return gtk_inscription_get_text (GTK_INSCRIPTION (self->inscription));
}
