/* yusuan-report-grid.c - the tables in their official layout, shared by the PDF and the XLSX writers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-report-private.h"

/* Tables 01 and 04 are published with 收入 on the left and 支出 on the
 * right, their totals side by side on the last lines; the core keeps them
 * as one list (revenue rows, then expenditure rows), which is what CSV and
 * the editor want.  The grid puts the two halves side by side. */
/* A node of the header tree. */
typedef struct _ReportHeader ReportHeader;
struct _ReportHeader
{
  char      *label;
  int        leaf;      /* -1 for a group */
  GPtrArray *children;  /* ReportHeader*, owned; NULL for a leaf */
};

typedef struct
{
  GArray *rows;   /* guint: table rows of the side, headings left out */
  guint   n_tail; /* rows aligned with the other side's last rows */
} Side;

struct _ReportGrid
{
  YusuanTable       *table;
  YusuanDisplayUnit  unit;
  ReportHeader      *header;
  guint              depth;
  GArray            *header_cells;  /* ReportHeaderCell */
  guint              n_columns;
  gboolean          *amount;  /* [n_columns] */

  gboolean           two_sided;
  Side               left, right;
  guint              n_body;  /* two-sided: rows above the aligned tail */
};

static ReportHeader *
header_new (const char *label,
            int         leaf)
{
  ReportHeader *node = g_new0 (ReportHeader, 1);

  node->label = g_strdup (label ? label : "");
  node->leaf = leaf;
  if (leaf < 0)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) NULL);
  return node;
}

static void
header_free (ReportHeader *node)
{
  if (node == NULL)
    return;
  if (node->children != NULL)
    {
      for (guint i = 0; i < node->children->len; i++)
        header_free (g_ptr_array_index (node->children, i));
      g_ptr_array_unref (node->children);
    }
  g_free (node->label);
  g_free (node);
}

/* A copy of the table's header tree with every leaf moved by @offset. */
static ReportHeader *
header_copy (const YusuanColumn *column,
             int                 offset)
{
  ReportHeader *node = header_new (column->label, column->leaf >= 0 ? column->leaf + offset : -1);

  for (guint i = 0; column->children && i < column->children->len; i++)
    g_ptr_array_add (node->children, header_copy (g_ptr_array_index (column->children, i), offset));
  return node;
}

static guint
header_depth (const ReportHeader *node)
{
  guint depth = 0;

  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const ReportHeader *child = g_ptr_array_index (node->children, i);

      depth = MAX (depth, child->leaf >= 0 ? 1 : 1 + header_depth (child));
    }
  return depth;
}

/* Appends the cells of @node's children to @cells; the leaf columns they
 * cover go to @first … @last (@first > @last when there are none). */
static void
collect_header_cells (const ReportHeader *node,
                      guint               level,
                      guint               depth,
                      GArray             *cells,
                      guint              *first,
                      guint              *last)
{
  *first = G_MAXUINT;
  *last = 0;
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const ReportHeader *child = g_ptr_array_index (node->children, i);
      ReportHeaderCell cell = { child->label, level, 1, 0, 0 };

      if (child->leaf >= 0)
        {
          cell.first = cell.last = (guint) child->leaf;
          cell.levels = depth - level;
        }
      else
        {
          collect_header_cells (child, level + 1, depth, cells, &cell.first, &cell.last);
          if (cell.first > cell.last)
            continue;
        }
      g_array_append_val (cells, cell);
      *first = MIN (*first, cell.first);
      *last = MAX (*last, cell.last);
    }
}

static const char *
heading_text (YusuanTable *table,
              guint        row)
{
  guint n = yusuan_table_get_n_columns (table);

  for (guint c = 0; c < n; c++)
    {
      const char *text = yusuan_table_get_text (table, row, c);

      if (text != NULL && *text != '\0')
        return text;
    }
  return "";
}

static void
build_two_sided (ReportGrid *grid)
{
  YusuanTable *table = grid->table;
  guint n_rows = yusuan_table_get_n_rows (table);
  guint n_table_columns = yusuan_table_get_n_columns (table);
  const YusuanColumn *root = yusuan_table_get_header (table);
  const char *revenue = NULL, *expenditure = NULL;
  ReportHeader *left, *right;
  Side *side = &grid->left;
  guint body_left, body_right;

  grid->left.rows = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->right.rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; r < n_rows; r++)
    {
      const YusuanTableRow *row = yusuan_table_get_row (table, r);

      if (row->kind == YUSUAN_ROW_HEADING)
        {
          if (g_strcmp0 (row->key, "expenditure") == 0)
            {
              side = &grid->right;
              expenditure = heading_text (table, r);
            }
          else if (revenue == NULL)
            revenue = heading_text (table, r);
          continue;
        }
      g_array_append_val (side->rows, r);
    }

  /* 01: 本年收入合计 / 上年结转结余 / 收入总计 face their 支出 lines;
   * 04: only 收入合计 / 支出合计 do. */
  grid->left.n_tail = grid->right.n_tail = yusuan_table_get_number (table) == 1 ? 3 : 1;
  grid->left.n_tail = MIN (grid->left.n_tail, grid->left.rows->len);
  grid->right.n_tail = MIN (grid->right.n_tail, grid->right.rows->len);
  body_left = grid->left.rows->len - grid->left.n_tail;
  body_right = grid->right.rows->len - grid->right.n_tail;
  grid->n_body = MAX (body_left, body_right);

  /* Columns: item and amount on the left; item and the table's amount
   * columns on the right. */
  grid->header = header_new (NULL, -1);
  left = header_new (revenue ? revenue : _("Revenue"), -1);
  g_ptr_array_add (left->children, header_new (yusuan_table_get_column (table, 0)->label, 0));
  /* Translators: 金额, the amount column of a table */
  g_ptr_array_add (left->children, header_new (_("Amount"), 1));
  g_ptr_array_add (grid->header->children, left);

  right = header_new (expenditure ? expenditure : _("Expenditure"), -1);
  for (guint i = 0; root->children && i < root->children->len; i++)
    g_ptr_array_add (right->children, header_copy (g_ptr_array_index (root->children, i), 2));
  g_ptr_array_add (grid->header->children, right);

  grid->n_columns = 2 + n_table_columns;
  grid->amount = g_new0 (gboolean, grid->n_columns);
  grid->amount[1] = TRUE;
  for (guint c = 0; c < n_table_columns; c++)
    grid->amount[2 + c] = yusuan_table_get_column (table, c)->kind == YUSUAN_COLUMN_AMOUNT;
}

ReportGrid *
report_grid_new (YusuanTable       *table,
                 YusuanDisplayUnit  unit)
{
  ReportGrid *grid;
  guint number, first, last;

  g_return_val_if_fail (YUSUAN_IS_TABLE (table), NULL);

  grid = g_new0 (ReportGrid, 1);
  grid->table = g_object_ref (table);
  grid->unit = unit;
  number = yusuan_table_get_number (table);

  if (number == 1 || number == 4)
    {
      grid->two_sided = TRUE;
      build_two_sided (grid);
    }
  else
    {
      grid->header = header_copy (yusuan_table_get_header (table), 0);
      grid->n_columns = yusuan_table_get_n_columns (table);
      grid->amount = g_new0 (gboolean, grid->n_columns);
      for (guint c = 0; c < grid->n_columns; c++)
        grid->amount[c] = yusuan_table_get_column (table, c)->kind == YUSUAN_COLUMN_AMOUNT;
    }
  grid->depth = MAX (header_depth (grid->header), 1);
  grid->header_cells = g_array_new (FALSE, FALSE, sizeof (ReportHeaderCell));
  collect_header_cells (grid->header, 0, grid->depth, grid->header_cells, &first, &last);
  return grid;
}

void
report_grid_free (ReportGrid *grid)
{
  if (grid == NULL)
    return;
  g_clear_object (&grid->table);
  g_clear_pointer (&grid->header_cells, g_array_unref);
  header_free (grid->header);
  g_free (grid->amount);
  g_clear_pointer (&grid->left.rows, g_array_unref);
  g_clear_pointer (&grid->right.rows, g_array_unref);
  g_free (grid);
}

YusuanTable *
report_grid_get_table (ReportGrid *grid)
{
  return grid->table;
}

const GArray *
report_grid_get_header_cells (ReportGrid *grid)
{
  return grid->header_cells;
}

guint
report_grid_get_header_depth (ReportGrid *grid)
{
  return grid->depth;
}

guint
report_grid_get_n_columns (ReportGrid *grid)
{
  return grid->n_columns;
}

gboolean
report_grid_column_is_amount (ReportGrid *grid,
                              guint       column)
{
  g_return_val_if_fail (column < grid->n_columns, FALSE);
  return grid->amount[column];
}

guint
report_grid_get_n_rows (ReportGrid *grid)
{
  if (grid->two_sided)
    return grid->n_body + MAX (grid->left.n_tail, grid->right.n_tail);
  return yusuan_table_get_n_rows (grid->table);
}

void
report_row_clear (ReportRow *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    g_clear_pointer (&row->cells[c].text, g_free);
  g_clear_pointer (&row->cells, g_free);
  row->n_cells = 0;
}

static void
row_reset (ReportRow *row,
           guint      n_cells)
{
  if (row->n_cells != n_cells)
    {
      report_row_clear (row);
      row->cells = g_new0 (ReportCell, n_cells);
      row->n_cells = n_cells;
    }
  for (guint c = 0; c < n_cells; c++)
    {
      g_clear_pointer (&row->cells[c].text, g_free);
      memset (&row->cells[c], 0, sizeof (ReportCell));
      row->cells[c].span = 1;
    }
  row->kind = YUSUAN_ROW_TEXT;
}

/* One cell of the table as printed, into @cell. */
static void
fill_cell (ReportGrid *grid,
           guint       table_row,
           guint       table_column,
           ReportCell *cell)
{
  YusuanAmount amount;

  g_free (cell->text);
  cell->text = yusuan_table_dup_display (grid->table, table_row, table_column, grid->unit, TRUE);
  if (cell->text == NULL)
    cell->text = g_strdup ("");
  cell->has_amount = yusuan_table_get_column (grid->table, table_column)->kind == YUSUAN_COLUMN_AMOUNT
                     && yusuan_table_get_amount (grid->table, table_row, table_column, &amount);
  cell->hundredths = cell->has_amount ? yusuan_amount_round (amount, grid->unit) : 0;

  /* 预算08表 leaves an item of no money empty, as the published one does. */
  if (cell->has_amount && cell->hundredths == 0 && yusuan_table_get_number (grid->table) == 8)
    {
      cell->has_amount = FALSE;
      cell->text[0] = '\0';
    }
}

static gboolean
is_blank (const ReportCell *cell)
{
  return cell->text == NULL || cell->text[0] == '\0';
}

/* Table 11's text rows print as a label and a text that runs across the
 * indicator columns (履职目标, 主要任务, 部门名称, the budget lines). */
static void
merge_text_row (ReportGrid *grid,
                ReportRow  *row)
{
  int last = -1, previous = -1;

  for (guint c = 0; c < row->n_cells; c++)
    if (!grid->amount[c] && !is_blank (&row->cells[c]))
      last = (int) c;

  if (last > 0)
    {
      for (int c = last - 1; c >= 0; c--)
        if (!is_blank (&row->cells[c]) || grid->amount[c])
          {
            previous = c;
            break;
          }
      if (previous + 1 < last)
        {
          /* The text moves to the first column of its run. */
          ReportCell *to = &row->cells[previous + 1];
          ReportCell *from = &row->cells[last];

          g_free (to->text);
          to->text = g_steal_pointer (&from->text);
          from->text = g_strdup ("");
          to->span = (guint) (last - previous);
          for (int c = previous + 2; c <= last; c++)
            row->cells[c].span = 0;
        }
    }
  else if (last == 0)
    {
      guint end = 1;

      while (end < row->n_cells && !grid->amount[end] && is_blank (&row->cells[end]))
        end++;
      row->cells[0].span = end;
      for (guint c = 1; c < end; c++)
        row->cells[c].span = 0;
    }
}

static void
fetch_plain (ReportGrid *grid,
             guint       index,
             ReportRow  *row)
{
  const YusuanTableRow *table_row = yusuan_table_get_row (grid->table, index);
  guint number = yusuan_table_get_number (grid->table);

  row->kind = table_row->kind;
  if (table_row->kind == YUSUAN_ROW_HEADING)
    {
      row->cells[0].text = g_strdup (heading_text (grid->table, index));
      row->cells[0].span = grid->n_columns;
      row->cells[0].bold = TRUE;
      for (guint c = 1; c < grid->n_columns; c++)
        {
          row->cells[c].text = g_strdup ("");
          row->cells[c].span = 0;
        }
      return;
    }

  for (guint c = 0; c < grid->n_columns; c++)
    {
      fill_cell (grid, index, c, &row->cells[c]);
      row->cells[c].bold = table_row->kind == YUSUAN_ROW_TOTAL;
    }

  if (number == 11 && (table_row->kind == YUSUAN_ROW_TEXT || table_row->kind == YUSUAN_ROW_DEPARTMENT))
    merge_text_row (grid, row);
}

/* The table row shown on grid row @index of @side, or -1 for a blank. */
static int
side_row (ReportGrid *grid,
          Side       *side,
          guint       index)
{
  guint body = side->rows->len - side->n_tail;
  guint n_tail_rows = MAX (grid->left.n_tail, grid->right.n_tail);

  if (index < grid->n_body)
    return index < body ? (int) g_array_index (side->rows, guint, index) : -1;

  /* The tail lines up at the bottom. */
  index -= grid->n_body;
  if (index < n_tail_rows - side->n_tail)
    return -1;
  index -= n_tail_rows - side->n_tail;
  return (int) g_array_index (side->rows, guint, body + index);
}

static void
fetch_two_sided (ReportGrid *grid,
                 guint       index,
                 ReportRow  *row)
{
  guint n_table_columns = yusuan_table_get_n_columns (grid->table);
  int left = side_row (grid, &grid->left, index);
  int right = side_row (grid, &grid->right, index);

  for (guint c = 0; c < grid->n_columns; c++)
    row->cells[c].text = g_strdup ("");

  if (left >= 0)
    {
      const YusuanTableRow *table_row = yusuan_table_get_row (grid->table, left);

      fill_cell (grid, left, 0, &row->cells[0]);
      if (n_table_columns > 1)
        fill_cell (grid, left, 1, &row->cells[1]);
      row->cells[0].indent = table_row->depth > 0 ? table_row->depth - 1 : 0;
      row->cells[0].bold = row->cells[1].bold = table_row->kind == YUSUAN_ROW_TOTAL;
      row->kind = table_row->kind;
    }
  if (right >= 0)
    {
      const YusuanTableRow *table_row = yusuan_table_get_row (grid->table, right);

      for (guint c = 0; c < n_table_columns; c++)
        {
          fill_cell (grid, right, c, &row->cells[2 + c]);
          row->cells[2 + c].bold = table_row->kind == YUSUAN_ROW_TOTAL;
        }
      row->cells[2].indent = table_row->depth > 0 ? table_row->depth - 1 : 0;
      if (left < 0)
        row->kind = table_row->kind;
    }
}

void
report_grid_fetch_row (ReportGrid *grid,
                       guint       index,
                       ReportRow  *row)
{
  g_return_if_fail (index < report_grid_get_n_rows (grid));

  row_reset (row, grid->n_columns);
  if (grid->two_sided)
    fetch_two_sided (grid, index, row);
  else
    fetch_plain (grid, index, row);
}

/* Lines every table prints */

char *
report_department_line (YusuanDocument *document)
{
  /* Translators: the line above a table: 部门名称：%s */
  return g_strdup_printf (_("Department name: %s"), yusuan_document_get_department_name (document));
}

const char *
report_unit_line (YusuanDisplayUnit unit)
{
  return unit == YUSUAN_DISPLAY_WAN
         /* Translators: 单位：万元 */
         ? _("Unit: 10,000 yuan")
         /* Translators: 单位：元 */
         : _("Unit: yuan");
}

gboolean
report_text_is_formula_like (const char *text)
{
  return text != NULL && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'
                          || text[0] == '\t' || text[0] == '\r');
}
