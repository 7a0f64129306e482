/* yusuan-table-view.c - one of the twelve tables in its official layout, edited with the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkColumnView has no cell focus, no grouped headers and no
 * scroll-to-cell, so this widget keeps its own cursor (row, column), draws it
 * through the cells' CSS classes, scrolls the adjustments itself, hides the
 * column view's single-row header under a YusuanHeaderBand laid out over the
 * same column widths, and edits with one GtkText laid over the cursor's cell.
 * The column view never takes the keyboard focus: the view itself does, so
 * that recycling rows never loses it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-header-band.h"
#include "yusuan-table-cell.h"
#include "yusuan-table-model.h"
#include "yusuan-table-view.h"

#define MIN_TEXT_WIDTH    56
#define MAX_TEXT_WIDTH   420
#define MIN_AMOUNT_WIDTH  96
#define CELL_PADDING      22
#define SAMPLE_ROWS      400

struct _YusuanTableView
{
  GtkWidget          parent_instance;

  /* template */
  GtkWidget         *code_label;
  GtkWidget         *title_label;
  GtkWidget         *department_label;
  GtkWidget         *unit_label;
  GtkWidget         *overlay;
  GtkWidget         *band_scroller;
  GtkWidget         *band;
  GtkWidget         *scroller;
  GtkWidget         *column_view;
  GtkWidget         *editor;
  GtkWidget         *message_popover;
  GtkWidget         *lines_popover;
  GtkWidget         *message_label;
  GtkWidget         *status_label;

  YusuanTable       *table;
  YusuanDocument    *document;
  YusuanTableModel  *model;
  GPtrArray         *cells;   /* YusuanTableCell*, every cell widget alive */
  GArray            *widths;  /* int per leaf column */
  char              *message;

  YusuanDisplayUnit  unit;
  int                indent_column;  /* find_indent_column, once per table */
  guint              cursor_row;
  guint              cursor_column;
  guint              anchor_row;
  guint              anchor_column;
  guint              editing : 1;
  guint              read_only : 1;
  guint              committing : 1;
};

G_DEFINE_FINAL_TYPE (YusuanTableView, yusuan_table_view, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (yusuan-table-view-error-quark, yusuan_table_view_error)

static void update_status (YusuanTableView *self);

/* Helpers */

static guint
n_rows (YusuanTableView *self)
{
  return self->table != NULL ? yusuan_table_get_n_rows (self->table) : 0;
}

static guint
n_columns (YusuanTableView *self)
{
  return self->table != NULL ? yusuan_table_get_n_columns (self->table) : 0;
}

static gboolean
column_is_amount (YusuanTableView *self,
                  guint            column)
{
  const YusuanColumn *col = yusuan_table_get_column (self->table, column);

  return col != NULL && col->kind == YUSUAN_COLUMN_AMOUNT;
}

/* The names column shows the depth of 类 / 款 / 项 rows as indentation and
 * names a row in messages: the column called "name" ("…-name" in 06 and 07,
 * "item" in 01 and 04), else the last text column before the figures. */
static int
find_indent_column (YusuanTableView *self)
{
  static const char *const preferred[] = { "name", "-name", "item" };
  int found = -1;

  for (guint p = 0; p < G_N_ELEMENTS (preferred); p++)
    for (guint c = 0; c < n_columns (self); c++)
      {
        const YusuanColumn *column = yusuan_table_get_column (self->table, c);

        if (column->kind != YUSUAN_COLUMN_TEXT || column->id == NULL)
          continue;
        if (preferred[p][0] == '-' ? g_str_has_suffix (column->id, preferred[p])
                                   : g_str_equal (column->id, preferred[p]))
          return c;
      }

  for (guint c = 0; c < n_columns (self); c++)
    {
      if (column_is_amount (self, c))
        break;
      found = c;
    }

  return found;
}

static void
selection_bounds (YusuanTableView *self,
                  guint           *r0,
                  guint           *c0,
                  guint           *r1,
                  guint           *c1)
{
  *r0 = MIN (self->anchor_row, self->cursor_row);
  *r1 = MAX (self->anchor_row, self->cursor_row);
  *c0 = MIN (self->anchor_column, self->cursor_column);
  *c1 = MAX (self->anchor_column, self->cursor_column);
}

static void
sync_item_marks (YusuanTableView *self,
                 YusuanRowItem   *item)
{
  guint r0, c0, r1, c1;
  guint row = yusuan_row_item_get_index (item);
  gboolean ranged;

  selection_bounds (self, &r0, &c0, &r1, &c1);
  ranged = r0 != r1 || c0 != c1;

  yusuan_row_item_set_marks (item,
                             row == self->cursor_row ? (int) self->cursor_column : -1,
                             ranged && row >= r0 && row <= r1 ? (int) c0 : 1,
                             ranged && row >= r0 && row <= r1 ? (int) c1 : 0);
}

static void
sync_marks_in_rows (YusuanTableView *self,
                    guint            first,
                    guint            last)
{
  last = MIN (last, n_rows (self) ? n_rows (self) - 1 : 0);

  for (guint r = first; r <= last && r < n_rows (self); r++)
    {
      YusuanRowItem *item = yusuan_table_model_peek_item (self->model, r);

      if (item != NULL)
        sync_item_marks (self, item);
    }
}

static YusuanTableCell *
find_cell (YusuanTableView *self,
           guint            row,
           guint            column)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      YusuanTableCell *cell = g_ptr_array_index (self->cells, i);

      if (yusuan_table_cell_get_row (cell) == (int) row &&
          yusuan_table_cell_get_column (cell) == column &&
          gtk_widget_get_mapped (GTK_WIDGET (cell)))
        return cell;
    }

  return NULL;
}

static int
column_offset (YusuanTableView *self,
               guint            column)
{
  int x = 0;

  for (guint c = 0; c < column && c < self->widths->len; c++)
    x += g_array_index (self->widths, int, c);

  return x;
}

static void
scroll_to_cursor (YusuanTableView *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double upper, page, value, row_height, top, left, width;

  if (n_rows (self) == 0)
    return;

  /* Rows are one line each, so the list's height is rows × row height. */
  upper = gtk_adjustment_get_upper (vadj);
  page = gtk_adjustment_get_page_size (vadj);
  value = gtk_adjustment_get_value (vadj);
  row_height = upper / n_rows (self);
  top = self->cursor_row * row_height;
  if (top < value)
    gtk_adjustment_set_value (vadj, top);
  else if (top + row_height > value + page)
    gtk_adjustment_set_value (vadj, top + row_height - page);

  page = gtk_adjustment_get_page_size (hadj);
  value = gtk_adjustment_get_value (hadj);
  left = column_offset (self, self->cursor_column);
  width = self->cursor_column < self->widths->len
            ? g_array_index (self->widths, int, self->cursor_column) : 0;
  if (left < value)
    gtk_adjustment_set_value (hadj, left);
  else if (left + width > value + page)
    gtk_adjustment_set_value (hadj, left + width - page);
}

static int
measure_text (PangoLayout *layout,
              const char  *text)
{
  int width = 0;

  if (text == NULL || *text == '\0')
    return 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);

  /* Totals are bold: leave them room. */
  return width + width / 10;
}

static void
compute_widths (YusuanTableView *self)
{
  guint rows = n_rows (self);
  guint step = MAX (1, rows / SAMPLE_ROWS);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  g_array_set_size (self->widths, n_columns (self));

  for (guint c = 0; c < n_columns (self); c++)
    {
      gboolean amount = column_is_amount (self, c);
      int width = measure_text (layout, amount ? "00,000.00" : "0000");

      for (guint r = 0; r < rows; r += (r < 64 ? 1 : step))
        {
          g_autofree char *text = yusuan_table_dup_display (self->table, r, c, self->unit, TRUE);
          int w = measure_text (layout, text);

          if ((int) c == self->indent_column)
            w += MIN (yusuan_table_get_row (self->table, r)->depth, 6) * 18;
          width = MAX (width, w);
        }

      /* The header's longest word must fit on a line of its own. */
      {
        const YusuanColumn *leaf = yusuan_table_get_column (self->table, c);
        g_auto(GStrv) words = g_strsplit (leaf->label, " ", -1);

        for (guint w = 0; words[w] != NULL; w++)
          if (g_str_is_ascii (words[w]))
            width = MAX (width, measure_text (layout, words[w]) + 4);

        /* A short Chinese header ("单位代码", "商品和服务支出") that
         * nearly fits on one line gets it, rather than an orphan character
         * on a second line. */
        if (!g_str_is_ascii (leaf->label) && g_utf8_strlen (leaf->label, -1) <= 8)
          {
            int whole = measure_text (layout, leaf->label);

            if (whole <= width * 13 / 10)
              width = MAX (width, whole);
          }
      }

      width += CELL_PADDING;
      if (amount)
        width = MAX (width, MIN_AMOUNT_WIDTH);
      else
        width = CLAMP (width, MIN_TEXT_WIDTH, MAX_TEXT_WIDTH);

      g_array_index (self->widths, int, c) = width;
    }
}

static void
apply_widths (YusuanTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));

  for (guint c = 0; c < g_list_model_get_n_items (columns) && c < self->widths->len; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      gtk_column_view_column_set_fixed_width (column, g_array_index (self->widths, int, c));
    }

  yusuan_header_band_set_header (YUSUAN_HEADER_BAND (self->band),
                                 self->table ? yusuan_table_get_header (self->table) : NULL,
                                 (const int *) (gpointer) self->widths->data, self->widths->len);
}

static void
update_titles (YusuanTableView *self)
{
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;

  if (self->table != NULL)
    {
      code = yusuan_table_dup_code (self->table);
      title = yusuan_table_dup_title (self->table);
    }

  gtk_label_set_label (GTK_LABEL (self->code_label), code);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  gtk_label_set_label (GTK_LABEL (self->unit_label),
                       self->unit == YUSUAN_DISPLAY_WAN ? _("Unit: 10,000 yuan") : _("Unit: yuan"));
}

static void
set_message (YusuanTableView *self,
             const char      *message)
{
  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_label (GTK_LABEL (self->message_label), message);
  if (message != NULL && self->editing)
    gtk_popover_popup (GTK_POPOVER (self->message_popover));
  else
    gtk_popover_popdown (GTK_POPOVER (self->message_popover));

  update_status (self);
}

static void
update_status (YusuanTableView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const YusuanColumn *column;
  const YusuanTableRow *row;

  if (self->table == NULL || n_rows (self) == 0 || n_columns (self) == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->status_label), NULL);
      return;
    }

  if (self->message != NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->status_label), self->message);
      gtk_widget_add_css_class (self->status_label, "error");
      return;
    }
  gtk_widget_remove_css_class (self->status_label, "error");

  row = yusuan_table_get_row (self->table, self->cursor_row);
  column = yusuan_table_get_column (self->table, self->cursor_column);

  /* Name the row as the table does ("合计", "基本工资"), its key otherwise. */
  if (self->indent_column >= 0)
    label = yusuan_table_dup_display (self->table, self->cursor_row, self->indent_column, self->unit, FALSE);
  if (label == NULL || *label == '\0')
    {
      g_free (label);
      label = g_strdup (row->key);
    }

  if (yusuan_table_is_editable (self->table, self->cursor_row, self->cursor_column))
    text = g_strdup_printf (self->read_only ? _("Row %s, %s: read-only document")
                                            : _("Row %s, %s: type a figure, Enter stores it"),
                            label, column->label);
  else if (column->kind == YUSUAN_COLUMN_AMOUNT)
    text = g_strdup_printf (_("Row %s, %s: computed from the lines, not editable here"),
                            label, column->label);
  else
    text = g_strdup_printf (_("Row %s, %s"), label, column->label);

  gtk_label_set_label (GTK_LABEL (self->status_label), text);
}

static void
move_cursor (YusuanTableView *self,
             int              row,
             int              column,
             gboolean         extend)
{
  guint rows = n_rows (self);
  guint columns = n_columns (self);

  if (rows == 0 || columns == 0)
    return;

  row = CLAMP (row, 0, (int) rows - 1);
  column = CLAMP (column, 0, (int) columns - 1);
  yusuan_table_view_set_cursor (self, row, column, extend);
}

static void
clear_selection_cells (YusuanTableView *self)
{
  guint r0, c0, r1, c1;
  guint changed = 0;

  if (self->read_only)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  selection_bounds (self, &r0, &c0, &r1, &c1);
  yusuan_document_begin_group (self->document, _("Clear Cells"));
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        YusuanAmount current = 0;

        if (!yusuan_table_is_editable (self->table, r, c))
          continue;
        if (yusuan_table_get_amount (self->table, r, c, &current) && current == 0)
          continue;
        if (yusuan_table_set_amount (self->table, r, c, 0, NULL))
          changed++;
      }
  yusuan_document_end_group (self->document);

  if (changed == 0)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Editing */

static void
hide_editor (YusuanTableView *self)
{
  self->editing = FALSE;
  gtk_popover_popdown (GTK_POPOVER (self->message_popover));
  gtk_widget_set_visible (self->editor, FALSE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
store_text (YusuanTableView *self,
            const char      *text,
            guint            row,
            guint            column,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  YusuanAmount amount = 0;
  YusuanAmount current = 0;

  /* An emptied cell holds nothing: zero, which the table shows empty. */
  if (*stripped != '\0' &&
      !yusuan_amount_parse (stripped, self->unit, 0, &amount, &local_error))
    {
      /* The parser's message names the text and says what an amount looks like. */
      g_set_error_literal (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (yusuan_table_get_amount (self->table, row, column, &current) && current == amount)
    return TRUE;

  if (!yusuan_table_set_amount (self->table, row, column, amount, &local_error))
    {
      g_set_error_literal (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
commit_and_move (YusuanTableView *self,
                 int              drow,
                 int              dcol)
{
  guint row = self->cursor_row;
  guint column = self->cursor_column;

  if (self->editing && !yusuan_table_view_commit_editing (self, NULL))
    return FALSE;

  move_cursor (self, (int) row + drow, (int) column + dcol, FALSE);
  return TRUE;
}

static void
editor_activate_cb (YusuanTableView *self)
{
  commit_and_move (self, 1, 0);
}

static gboolean
commit_on_leave_idle (gpointer user_data)
{
  YusuanTableView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->editing && focus != self->editor &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, self->editor)))
    {
      g_autoptr(GError) error = NULL;

      /* Focus went elsewhere (a click in the sidebar, say): store what was
       * typed, as spreadsheets do; what cannot be stored is dropped, said. */
      if (!yusuan_table_view_commit_editing (self, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Not stored: %s"), error->message);

          yusuan_table_view_cancel_editing (self);
          set_message (self, message);
        }
    }

  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
editor_leave_cb (YusuanTableView *self)
{
  if (self->editing && !self->committing)
    g_idle_add (commit_on_leave_idle, g_object_ref (self));
}

static void
editor_changed_cb (YusuanTableView *self)
{
  if (self->message != NULL && self->editing)
    set_message (self, NULL);
}

static gboolean
get_child_position_cb (GtkOverlay      *overlay,
                       GtkWidget       *widget,
                       GtkAllocation   *allocation,
                       YusuanTableView *self)
{
  YusuanTableCell *cell;
  graphene_rect_t bounds;

  if (widget != self->editor)
    return FALSE;

  cell = find_cell (self, self->cursor_row, self->cursor_column);
  if (cell == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (overlay), &bounds))
    {
      /* The row scrolled away: park the editor out of sight until it returns. */
      *allocation = (GtkAllocation) { -10000, -10000, 1, 1 };
      return TRUE;
    }

  allocation->x = (int) bounds.origin.x;
  allocation->y = (int) bounds.origin.y;
  allocation->width = (int) bounds.size.width;
  allocation->height = (int) bounds.size.height;

  return TRUE;
}

static void
adjustment_changed_cb (YusuanTableView *self)
{
  if (self->editing)
    gtk_widget_queue_allocate (self->overlay);
}

/* Cells */

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 YusuanTableView *self)
{
  YusuanTableCell *cell = YUSUAN_TABLE_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int row = yusuan_table_cell_get_row (cell);

  if (row < 0)
    return;

  if (self->editing)
    {
      if ((guint) row == self->cursor_row && yusuan_table_cell_get_column (cell) == self->cursor_column)
        return;
      if (!yusuan_table_view_commit_editing (self, NULL))
        return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  yusuan_table_view_set_cursor (self, row, yusuan_table_cell_get_column (cell),
                                (state & GDK_SHIFT_MASK) != 0);

  if (n_press == 2)
    yusuan_table_view_start_editing (self, NULL);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  YusuanTableView          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *cell;
  GtkGesture *click;

  cell = yusuan_table_cell_new (column, column_is_amount (self, column),
                                (int) column == self->indent_column);
  yusuan_table_cell_set_display_unit (YUSUAN_TABLE_CELL (cell), self->unit);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), self);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (list_item, cell);
  g_ptr_array_add (self->cells, cell);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 YusuanTableView          *self)
{
  YusuanRowItem *item = gtk_list_item_get_item (list_item);

  sync_item_marks (self, item);
  yusuan_table_cell_set_item (YUSUAN_TABLE_CELL (gtk_list_item_get_child (list_item)), item);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   YusuanTableView          *self)
{
  yusuan_table_cell_set_item (YUSUAN_TABLE_CELL (gtk_list_item_get_child (list_item)), NULL);
}

static void
factory_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     YusuanTableView          *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (cell != NULL)
    g_ptr_array_remove_fast (self->cells, cell);
}

static void
remove_columns (YusuanTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (GTK_COLUMN_VIEW (self->column_view), column);
    }
}

static void
build_columns (YusuanTableView *self)
{
  for (guint c = 0; c < n_columns (self); c++)
    {
      const YusuanColumn *leaf = yusuan_table_get_column (self->table, c);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown_cb), self);

      column = gtk_column_view_column_new (leaf->label, factory);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
    }
}

static void
rows_changed_cb (YusuanTableView *self,
                 guint            position,
                 guint            removed,
                 guint            added)
{
  if (self->editing)
    yusuan_table_view_cancel_editing (self);

  if (n_rows (self) == 0)
    {
      self->cursor_row = self->anchor_row = 0;
      return;
    }

  if (self->cursor_row >= n_rows (self) || self->anchor_row >= n_rows (self))
    move_cursor (self, self->cursor_row, self->cursor_column, FALSE);

  /* Rows from @position on moved under the cursor and the selection:
   * redraw their marks (a pointer test per row, no more).  Rows above kept
   * their places, and a clamped cursor redrew its own. */
  sync_marks_in_rows (self, position, n_rows (self) - 1);
}

static void
cell_changed_cb (YusuanTableView *self,
                 guint            row,
                 guint            column)
{
  if (row == self->cursor_row && column == self->cursor_column && self->message == NULL)
    update_status (self);
}

/* Clipboard */

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(YusuanTableView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!yusuan_table_view_paste_text (self, text, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      set_message (self, error->message);
    }
}

/* Drill-down: the lines (or revenues) a computed figure adds up */

#define MAX_LINES_LISTED 200

static char *
describe_line (YusuanTableView  *self,
               const YusuanLine *line)
{
  const char *fund = yusuan_fund_label (line->fund);

  if (line->project_id != 0)
    {
      const YusuanProject *project = yusuan_document_lookup_project (self->document, line->project_id);

      /* Codes and names only: nothing here to translate. */
      return g_strdup_printf ("%s · %s · %s/%s · %s",
                              project ? project->name : "", line->function,
                              line->econ_dept, line->econ_gov, fund);
    }

  return g_strdup_printf ("%s · %s/%s · %s · %s", line->function,
                          line->econ_dept, line->econ_gov, fund, line->unit);
}

static GtkWidget *
lines_row (const char *text,
           const char *amount)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *figure = gtk_label_new (amount);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, text);
  gtk_label_set_xalign (GTK_LABEL (figure), 1);
  gtk_widget_add_css_class (figure, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), figure);

  return box;
}

/* Shows what adds up to the cursor's figure; FALSE (nothing shown) when
 * nothing does. */
static gboolean
show_lines (YusuanTableView *self)
{
  g_autoptr(GArray) ids = NULL;
  YusuanTableCell *cell;
  GtkWidget *box, *list, *scroller, *heading;
  graphene_rect_t bounds;
  GdkRectangle rect;
  gboolean revenues;
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  YusuanAmount amount = 0;

  if (!column_is_amount (self, self->cursor_column) ||
      !yusuan_table_get_amount (self->table, self->cursor_row, self->cursor_column, &amount))
    return FALSE;

  ids = yusuan_table_get_cell_lines (self->table, self->cursor_row, self->cursor_column);
  if (ids == NULL || ids->len == 0)
    return FALSE;

  cell = find_cell (self, self->cursor_row, self->cursor_column);
  if (cell == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self), &bounds))
    return FALSE;

  revenues = yusuan_table_cell_is_revenue (self->table, self->cursor_row, self->cursor_column);
  total = yusuan_amount_format (amount, self->unit, YUSUAN_AMOUNT_FORMAT_GROUPED);
  title = g_strdup_printf (revenues
                           ? g_dngettext (GETTEXT_PACKAGE, "%u revenue makes %s", "%u revenues make %s", ids->len)
                           : g_dngettext (GETTEXT_PACKAGE, "%u line makes %s", "%u lines make %s", ids->len),
                           ids->len, total);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  for (guint i = 0; i < ids->len && i < MAX_LINES_LISTED; i++)
    {
      guint id = g_array_index (ids, guint, i);
      g_autofree char *text = NULL;
      g_autofree char *figure = NULL;

      if (revenues)
        {
          const YusuanRevenue *revenue = yusuan_document_lookup_revenue (self->document, id);

          if (revenue == NULL)
            continue;
          text = g_strdup_printf ("%s · %s", revenue->unit, yusuan_fund_label (revenue->source));
          figure = yusuan_amount_format (revenue->amount, self->unit, YUSUAN_AMOUNT_FORMAT_GROUPED);
        }
      else
        {
          const YusuanLine *line = yusuan_document_lookup_line (self->document, id);

          if (line == NULL)
            continue;
          text = describe_line (self, line);
          figure = yusuan_amount_format (line->amount, self->unit, YUSUAN_AMOUNT_FORMAT_GROUPED);
        }
      gtk_box_append (GTK_BOX (list), lines_row (text, figure));
    }
  if (ids->len > MAX_LINES_LISTED)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more.",
                                                            "… and %u more.",
                                                            ids->len - MAX_LINES_LISTED),
                                               ids->len - MAX_LINES_LISTED);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (list), label);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_popover_set_child (GTK_POPOVER (self->lines_popover), box);
  rect = (GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                          (int) bounds.size.width, (int) bounds.size.height };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->lines_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->lines_popover));

  return TRUE;
}

/* Keys */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                YusuanTableView       *self)
{
  gunichar ch = gdk_keyval_to_unicode (keyval);

  /* Type to edit: hand the very key to the editor, so that an input method
   * sees it too (pinyin starts composing in the cell), rather than
   * inserting its character ourselves. */
  if (!self->editing && self->table != NULL && n_rows (self) > 0 &&
      ch != 0 && g_unichar_isprint (ch) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0 &&
      !self->read_only &&
      yusuan_table_is_editable (self->table, self->cursor_row, self->cursor_column))
    {
      if (yusuan_table_view_start_editing (self, ""))
        {
          if (!gtk_event_controller_key_forward (controller, self->editor))
            {
              char buffer[8] = { 0 };

              g_unichar_to_utf8 (ch, buffer);
              gtk_editable_set_text (GTK_EDITABLE (self->editor), buffer);
              gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
            }
          return TRUE;
        }
    }

  return yusuan_table_view_handle_key (self, keyval, state);
}

static int
page_rows (YusuanTableView *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double upper = gtk_adjustment_get_upper (vadj);

  if (n_rows (self) == 0 || upper <= 0)
    return 10;

  return MAX (1, (int) (gtk_adjustment_get_page_size (vadj) / (upper / n_rows (self))) - 1);
}

/* GtkWidget */

static void
yusuan_table_view_dispose (GObject *object)
{
  YusuanTableView *self = YUSUAN_TABLE_VIEW (object);

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (self->table, self);
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), NULL);
      remove_columns (self);
    }
  g_clear_pointer (&self->message_popover, gtk_widget_unparent);
  g_clear_pointer (&self->lines_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_TABLE_VIEW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->model);
  g_clear_object (&self->table);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (yusuan_table_view_parent_class)->dispose (object);
}

static void
yusuan_table_view_finalize (GObject *object)
{
  YusuanTableView *self = YUSUAN_TABLE_VIEW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->widths, g_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (yusuan_table_view_parent_class)->finalize (object);
}

static gboolean
yusuan_table_view_grab_focus (GtkWidget *widget)
{
  YusuanTableView *self = YUSUAN_TABLE_VIEW (widget);

  if (self->editing)
    return gtk_widget_grab_focus (self->editor);

  return GTK_WIDGET_CLASS (yusuan_table_view_parent_class)->grab_focus (widget);
}

static void
yusuan_table_view_class_init (YusuanTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_table_view_dispose;
  object_class->finalize = yusuan_table_view_finalize;
  widget_class->grab_focus = yusuan_table_view_grab_focus;

  g_type_ensure (YUSUAN_TYPE_HEADER_BAND);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, code_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, title_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, department_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, unit_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, overlay);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, band_scroller);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, band);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, scroller);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, editor);
  gtk_widget_class_bind_template_child (widget_class, YusuanTableView, status_label);
  gtk_widget_class_bind_template_callback (widget_class, get_child_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tableview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
hide_column_view_header (YusuanTableView *self)
{
  /* The band above draws every header row; the column view's own one-row
   * header would repeat the leaves, cut to one line. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      gtk_widget_set_visible (child, FALSE);
}

static void
yusuan_table_view_init (YusuanTableView *self)
{
  GtkEventController *key;
  GtkEventController *focus;
  GtkAdjustment *hadj;

  self->indent_column = -1;
  self->cells = g_ptr_array_new ();
  self->widths = g_array_new (FALSE, TRUE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_focus (self->column_view, FALSE);
  gtk_widget_set_can_focus (self->band_scroller, FALSE);
  hide_column_view_header (self);

  /* The band scrolls sideways with the table. */
  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_scrolled_window_set_hadjustment (GTK_SCROLLED_WINDOW (self->band_scroller), hadj);
  g_signal_connect_object (hadj, "value-changed", G_CALLBACK (adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "value-changed", G_CALLBACK (adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->message_label), 40);
  gtk_widget_add_css_class (self->message_label, "error");
  self->message_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->message_popover), self->message_label);
  gtk_popover_set_autohide (GTK_POPOVER (self->message_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->message_popover), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (self->message_popover, FALSE);
  gtk_widget_set_parent (self->message_popover, self->editor);

  self->lines_popover = gtk_popover_new ();
  gtk_popover_set_position (GTK_POPOVER (self->lines_popover), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (self->lines_popover, "lines-popover");
  gtk_widget_set_parent (self->lines_popover, GTK_WIDGET (self));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (editor_leave_cb), self);
  gtk_widget_add_controller (self->editor, focus);
}

/* Public API */

GtkWidget *
yusuan_table_view_new (void)
{
  return g_object_new (YUSUAN_TYPE_TABLE_VIEW, NULL);
}

void
yusuan_table_view_set_table (YusuanTableView *self,
                             YusuanTable     *table,
                             YusuanDocument  *document)
{
  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || YUSUAN_IS_TABLE (table));
  g_return_if_fail (table == NULL || YUSUAN_IS_DOCUMENT (document));

  if (self->table == table)
    return;

  if (self->editing)
    yusuan_table_view_cancel_editing (self);

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (self->table, self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), NULL);
  remove_columns (self);
  g_clear_object (&self->model);
  g_set_object (&self->table, table);
  g_set_object (&self->document, document);
  self->cursor_row = self->cursor_column = self->anchor_row = self->anchor_column = 0;
  g_clear_pointer (&self->message, g_free);
  self->indent_column = find_indent_column (self);

  if (table != NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      self->model = yusuan_table_model_new (table);
      compute_widths (self);
      build_columns (self);
      apply_widths (self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (selection));
      g_signal_connect_object (table, "rows-changed", G_CALLBACK (rows_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (table, "cell-changed", G_CALLBACK (cell_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

      /* Start where figures are entered, else on the first figure. */
      for (guint r = 0; r < n_rows (self) && r < 200; r++)
        {
          gboolean found = FALSE;

          for (guint c = 0; c < n_columns (self); c++)
            if (yusuan_table_is_editable (table, r, c))
              {
                self->cursor_row = self->anchor_row = r;
                self->cursor_column = self->anchor_column = c;
                found = TRUE;
                break;
              }
          if (found)
            break;
        }
      if (!yusuan_table_is_editable (table, self->cursor_row, self->cursor_column))
        for (guint c = 0; c < n_columns (self); c++)
          if (column_is_amount (self, c))
            {
              self->cursor_column = self->anchor_column = c;
              break;
            }
    }
  else
    {
      yusuan_header_band_set_header (YUSUAN_HEADER_BAND (self->band), NULL, NULL, 0);
    }

  update_titles (self);
  update_status (self);
}

YusuanTable *
yusuan_table_view_get_table (YusuanTableView *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  return self->table;
}

void
yusuan_table_view_set_department (YusuanTableView *self,
                                  const char      *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));

  if (name != NULL && *name != '\0')
    text = g_strdup_printf (_("Department: %s"), name);
  gtk_label_set_label (GTK_LABEL (self->department_label), text);
}

void
yusuan_table_view_set_display_unit (YusuanTableView   *self,
                                    YusuanDisplayUnit  unit)
{
  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));

  if (self->unit == unit)
    return;

  if (self->editing)
    yusuan_table_view_cancel_editing (self);

  self->unit = unit;
  for (guint i = 0; i < self->cells->len; i++)
    yusuan_table_cell_set_display_unit (g_ptr_array_index (self->cells, i), unit);

  if (self->table != NULL)
    {
      compute_widths (self);
      apply_widths (self);
    }
  update_titles (self);
}

YusuanDisplayUnit
yusuan_table_view_get_display_unit (YusuanTableView *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), YUSUAN_DISPLAY_WAN);

  return self->unit;
}

void
yusuan_table_view_set_read_only (YusuanTableView *self,
                                 gboolean         read_only)
{
  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));

  read_only = !!read_only;
  if (self->read_only == (guint) read_only)
    return;

  if (read_only && self->editing)
    yusuan_table_view_cancel_editing (self);
  self->read_only = read_only;
  update_status (self);
}

void
yusuan_table_view_set_cursor (YusuanTableView *self,
                              guint            row,
                              guint            column,
                              gboolean         extend)
{
  guint old_r0, old_c0, old_r1, old_c1;
  guint new_r0, new_c0, new_r1, new_c1;

  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));
  g_return_if_fail (row < n_rows (self));
  g_return_if_fail (column < n_columns (self));

  if (self->editing && (row != self->cursor_row || column != self->cursor_column))
    yusuan_table_view_cancel_editing (self);

  selection_bounds (self, &old_r0, &old_c0, &old_r1, &old_c1);
  old_r0 = MIN (old_r0, self->cursor_row);
  old_r1 = MAX (old_r1, self->cursor_row);

  self->cursor_row = row;
  self->cursor_column = column;
  if (!extend)
    {
      self->anchor_row = row;
      self->anchor_column = column;
    }

  selection_bounds (self, &new_r0, &new_c0, &new_r1, &new_c1);
  sync_marks_in_rows (self, old_r0, old_r1);
  sync_marks_in_rows (self, new_r0, new_r1);

  g_clear_pointer (&self->message, g_free);
  scroll_to_cursor (self);
  update_status (self);
}

void
yusuan_table_view_get_cursor (YusuanTableView *self,
                              guint           *row,
                              guint           *column)
{
  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));

  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
}

void
yusuan_table_view_get_selection (YusuanTableView *self,
                                 guint           *first_row,
                                 guint           *first_column,
                                 guint           *last_row,
                                 guint           *last_column)
{
  guint r0, c0, r1, c1;

  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));

  selection_bounds (self, &r0, &c0, &r1, &c1);
  if (first_row)
    *first_row = r0;
  if (first_column)
    *first_column = c0;
  if (last_row)
    *last_row = r1;
  if (last_column)
    *last_column = c1;
}

gboolean
yusuan_table_view_handle_key (YusuanTableView *self,
                              guint            keyval,
                              GdkModifierType  state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  gboolean alt = (state & (GDK_ALT_MASK | GDK_SUPER_MASK)) != 0;
  int row = self->cursor_row;
  int column = self->cursor_column;

  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), FALSE);

  if (self->table == NULL || n_rows (self) == 0)
    return FALSE;

  if (self->editing)
    {
      switch (keyval)
        {
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          commit_and_move (self, shift ? -1 : 1, 0);
          return TRUE;

        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
          commit_and_move (self, 0, shift ? -1 : 1);
          return TRUE;

        case GDK_KEY_ISO_Left_Tab:
          commit_and_move (self, 0, -1);
          return TRUE;

        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          commit_and_move (self, -1, 0);
          return TRUE;

        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          commit_and_move (self, 1, 0);
          return TRUE;

        case GDK_KEY_Escape:
          yusuan_table_view_cancel_editing (self);
          return TRUE;

        default:
          return FALSE;
        }
    }

  if (control && !alt)
    {
      switch (keyval)
        {
        case GDK_KEY_c:
        case GDK_KEY_C:
        case GDK_KEY_Insert:
          {
            g_autofree char *text = yusuan_table_view_dup_selection_text (self);

            gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
            return TRUE;
          }

        case GDK_KEY_v:
        case GDK_KEY_V:
          gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                         paste_ready_cb, g_object_ref (self));
          return TRUE;

        case GDK_KEY_a:
        case GDK_KEY_A:
          yusuan_table_view_set_cursor (self, 0, 0, FALSE);
          yusuan_table_view_set_cursor (self, n_rows (self) - 1, n_columns (self) - 1, TRUE);
          return TRUE;

        case GDK_KEY_Home:
        case GDK_KEY_KP_Home:
          move_cursor (self, 0, column, shift);
          return TRUE;

        case GDK_KEY_End:
        case GDK_KEY_KP_End:
          move_cursor (self, n_rows (self) - 1, column, shift);
          return TRUE;

        default:
          return FALSE;
        }
    }

  if (alt)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor (self, row - 1, column, shift);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor (self, row + 1, column, shift);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor (self, row, column - 1, shift);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor (self, row, column + 1, shift);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_cursor (self, row - page_rows (self), column, shift);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_cursor (self, row + page_rows (self), column, shift);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_cursor (self, row, 0, shift);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_cursor (self, row, n_columns (self) - 1, shift);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      move_cursor (self, row + (shift ? -1 : 1), column, FALSE);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (shift ? column == 0 : column + 1 >= (int) n_columns (self))
        return FALSE;  /* let focus leave the table */
      move_cursor (self, row, column + (shift ? -1 : 1), FALSE);
      return TRUE;

    case GDK_KEY_ISO_Left_Tab:
      if (column == 0)
        return FALSE;
      move_cursor (self, row, column - 1, FALSE);
      return TRUE;

    case GDK_KEY_F2:
      yusuan_table_view_start_editing (self, NULL);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      clear_selection_cells (self);
      return TRUE;

    case GDK_KEY_BackSpace:
      yusuan_table_view_start_editing (self, "");
      return TRUE;

    case GDK_KEY_Escape:
      if (self->anchor_row != self->cursor_row || self->anchor_column != self->cursor_column)
        {
          yusuan_table_view_set_cursor (self, row, column, FALSE);
          return TRUE;
        }
      return FALSE;

    default:
      break;
    }

  /* Type to start editing. */
  {
    gunichar ch = gdk_keyval_to_unicode (keyval);

    if (ch != 0 && g_unichar_isprint (ch))
      {
        char buffer[8] = { 0 };

        g_unichar_to_utf8 (ch, buffer);
        yusuan_table_view_start_editing (self, buffer);
        return TRUE;
      }
  }

  return FALSE;
}

gboolean
yusuan_table_view_start_editing (YusuanTableView *self,
                                 const char      *text)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), FALSE);

  if (self->table == NULL || n_rows (self) == 0)
    return FALSE;

  if (self->read_only)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      set_message (self, _("This document is open read-only: figures cannot be changed."));
      return FALSE;
    }

  if (!yusuan_table_is_editable (self->table, self->cursor_row, self->cursor_column))
    {
      /* F2 or a double click on a computed figure shows what makes it. */
      if (text == NULL && show_lines (self))
        return FALSE;

      gtk_widget_error_bell (GTK_WIDGET (self));
      set_message (self, column_is_amount (self, self->cursor_column)
                           ? _("This figure is computed from the lines behind it: edit those lines instead.")
                           : _("This cell cannot be edited."));
      return FALSE;
    }

  if (self->editing)
    yusuan_table_view_cancel_editing (self);

  if (text == NULL)
    {
      YusuanAmount amount = 0;

      if (yusuan_table_get_amount (self->table, self->cursor_row, self->cursor_column, &amount) &&
          amount != 0)
        current = yusuan_amount_format (amount, self->unit, YUSUAN_AMOUNT_FORMAT_PLAIN);
      text = current ? current : "";
    }

  /* Select the whole row back into sight before laying the editor over it. */
  yusuan_table_view_set_cursor (self, self->cursor_row, self->cursor_column, FALSE);

  self->editing = TRUE;
  g_clear_pointer (&self->message, g_free);
  g_signal_handlers_block_by_func (self->editor, editor_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  g_signal_handlers_unblock_by_func (self->editor, editor_changed_cb, self);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_grab_focus (self->editor);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), -1, -1);
  gtk_widget_queue_allocate (self->overlay);
  update_status (self);

  return TRUE;
}

gboolean
yusuan_table_view_is_editing (YusuanTableView *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), FALSE);

  return self->editing;
}

GtkEditable *
yusuan_table_view_get_editor (YusuanTableView *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  return GTK_EDITABLE (self->editor);
}

gboolean
yusuan_table_view_commit_editing (YusuanTableView  *self,
                                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), FALSE);

  if (!self->editing)
    return TRUE;

  self->committing = TRUE;
  ok = store_text (self, gtk_editable_get_text (GTK_EDITABLE (self->editor)),
                   self->cursor_row, self->cursor_column, &local_error);
  self->committing = FALSE;

  if (!ok)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      set_message (self, local_error->message);
      gtk_widget_grab_focus (self->editor);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  hide_editor (self);
  g_clear_pointer (&self->message, g_free);
  update_status (self);

  return TRUE;
}

void
yusuan_table_view_cancel_editing (YusuanTableView *self)
{
  g_return_if_fail (YUSUAN_IS_TABLE_VIEW (self));

  if (!self->editing)
    return;

  hide_editor (self);
  g_clear_pointer (&self->message, g_free);
  update_status (self);
}

gboolean
yusuan_table_view_is_showing_lines (YusuanTableView *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), FALSE);

  return gtk_widget_get_visible (self->lines_popover);
}

const char *
yusuan_table_view_get_message (YusuanTableView *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  return self->message;
}

const char *
yusuan_table_view_peek_cell_text (YusuanTableView *self,
                                  guint            row,
                                  guint            column)
{
  YusuanTableCell *cell;

  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  cell = find_cell (self, row, column);

  return cell != NULL ? yusuan_table_cell_get_text (cell) : NULL;
}

GtkWidget *
yusuan_table_view_peek_cell (YusuanTableView *self,
                             guint            row,
                             guint            column)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  return (GtkWidget *) find_cell (self, row, column);
}

GtkWidget *
yusuan_table_view_get_header_cell (YusuanTableView *self,
                                   guint            column)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  return yusuan_header_band_get_leaf_widget (YUSUAN_HEADER_BAND (self->band), column);
}

char *
yusuan_table_view_dup_selection_text (YusuanTableView *self)
{
  GString *text;
  guint r0, c0, r1, c1;

  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), NULL);

  if (self->table == NULL || n_rows (self) == 0)
    return g_strdup ("");

  text = g_string_new (NULL);
  selection_bounds (self, &r0, &c0, &r1, &c1);
  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          g_autofree char *cell = yusuan_table_dup_display (self->table, r, c, self->unit, FALSE);

          if (c > c0)
            g_string_append_c (text, '\t');
          if (cell != NULL)
            {
              /* A tab or newline inside a name would break the grid. */
              g_strdelimit (cell, "\t\r\n", ' ');
              g_string_append (text, cell);
            }
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

gboolean
yusuan_table_view_paste_text (YusuanTableView  *self,
                              const char       *text,
                              GError          **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) targets = NULL;
  guint r0, c0, r1, c1;
  guint n_lines;
  guint left_out = 0;  /* figures that fall on computed cells or outside the table */
  typedef struct { guint row, column; YusuanAmount amount; } Target;

  g_return_val_if_fail (YUSUAN_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->table == NULL || n_rows (self) == 0)
    return FALSE;

  if (self->read_only)
    {
      g_set_error_literal (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_READ_ONLY,
                           _("This document is open read-only: figures cannot be changed."));
      return FALSE;
    }

  if (self->editing)
    yusuan_table_view_cancel_editing (self);

  selection_bounds (self, &r0, &c0, &r1, &c1);
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  /* The final newline of a copied range is not one more row. */
  while (n_lines > 0 && *g_strstrip (lines[n_lines - 1]) == '\0')
    n_lines--;

  /* Check everything first: a refused figure stores nothing at all. */
  targets = g_array_new (FALSE, FALSE, sizeof (Target));
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint row = r0 + i;

      for (guint j = 0; fields[j] != NULL; j++)
        {
          guint column = c0 + j;
          g_autofree char *value = g_strstrip (g_strdup (fields[j]));
          g_autoptr(GError) local_error = NULL;
          Target target = { row, column, 0 };

          if (row >= n_rows (self) || column >= n_columns (self)
              || !yusuan_table_is_editable (self->table, row, column))
            {
              left_out += *value != '\0';
              continue;
            }
          if (*value != '\0' &&
              !yusuan_amount_parse (value, self->unit, 0, &target.amount, &local_error))
            {
              g_set_error (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_INVALID,
                           _("Nothing pasted: row %s, %s: %s"),
                           yusuan_table_get_row (self->table, row)->key,
                           yusuan_table_get_column (self->table, column)->label,
                           local_error->message);
              return FALSE;
            }
          g_array_append_val (targets, target);
        }
    }

  if (targets->len == 0)
    {
      g_set_error_literal (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_NOT_EDITABLE,
                           _("Nothing pasted: the cells there are computed, none can be edited."));
      return FALSE;
    }

  yusuan_document_begin_group (self->document, _("Paste"));
  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = &g_array_index (targets, Target, i);
      YusuanAmount current = 0;
      g_autoptr(GError) local_error = NULL;

      if (yusuan_table_get_amount (self->table, target->row, target->column, &current) &&
          current == target->amount)
        continue;

      if (!yusuan_table_set_amount (self->table, target->row, target->column,
                                    target->amount, &local_error))
        {
          /* Take back what this paste already stored: all or nothing. */
          yusuan_document_cancel_group (self->document);
          g_set_error (error, YUSUAN_TABLE_VIEW_ERROR, YUSUAN_TABLE_VIEW_ERROR_INVALID,
                       _("Nothing pasted: row %s, %s: %s"),
                       yusuan_table_get_row (self->table, target->row)->key,
                       yusuan_table_get_column (self->table, target->column)->label,
                       local_error->message);
          return FALSE;
        }
    }
  yusuan_document_end_group (self->document);

  /* Say what was not pasted, rather than let the user believe it was. */
  if (left_out > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Pasted; %u figure was left out: it falls on a computed total or outside the table",
                                                               "Pasted; %u figures were left out: they fall on computed totals or outside the table",
                                                               left_out),
                                                  left_out);

      set_message (self, message);
    }

  return TRUE;
}
