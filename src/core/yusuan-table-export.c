/* yusuan-table-export.c - a table as CSV for spreadsheets and as text for a terminal
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-table-private.h"

/* RFC 4180 quoting, and text a spreadsheet would run as a formula made inert
 * with a leading apostrophe (the OWASP advice for CSV injection). */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  gboolean neutralise = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'
                        || text[0] == '\t' || text[0] == '\r';
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* One CSV row: the key, then the cells of the columns @shown lets through
 * (all when NULL), the others empty. */
static void
append_csv_row (GString           *out,
                YusuanTable       *self,
                guint              r,
                const gboolean    *shown,
                YusuanDisplayUnit  unit)
{
  const YusuanTableRow *row = yusuan_table_get_row (self, r);
  guint n_columns = yusuan_table_get_n_columns (self);

  append_csv_field (out, row->key ? row->key : "");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_c (out, ',');
      if (shown == NULL || shown[c])
        {
          g_autofree char *cell = yusuan_table_dup_display (self, r, c, unit, FALSE);

          append_csv_field (out, cell);
        }
    }
  g_string_append_c (out, '\n');
}

/* A compact row and those continuing it (12: a project with its indicators
 * side by side) as CSV has them: the row without its indicators, then one
 * row per indicator, slot by slot (成本, 产出, 效益, 满意度), each with only
 * its own columns. */
static void
append_csv_block (GString           *out,
                  YusuanTable       *self,
                  guint              first,
                  guint              end,
                  YusuanDisplayUnit  unit)
{
  const TableDef *def = self->def;
  guint n_columns = yusuan_table_get_n_columns (self);
  g_autofree gboolean *shown = g_new (gboolean, n_columns);

  for (guint c = 0; c < n_columns; c++)
    shown[c] = c < def->slot_column || c >= def->slot_column + def->n_slots * def->slot_width;
  append_csv_row (out, self, first, shown, unit);

  for (guint s = 0; s < def->n_slots; s++)
    {
      for (guint c = 0; c < n_columns; c++)
        shown[c] = c >= def->slot_column + s * def->slot_width
                   && c < def->slot_column + (s + 1) * def->slot_width;
      for (guint r = first; r < end; r++)
        {
          const Row *row = g_ptr_array_index (self->rows, r);

          if (row->slots & (1u << s))
            append_csv_row (out, self, r, shown, unit);
        }
    }
}

char *
yusuan_table_to_csv (YusuanTable       *self,
                     YusuanDisplayUnit  unit)
{
  GString *out;
  guint n_columns, n_rows;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);

  n_columns = yusuan_table_get_n_columns (self);
  n_rows = yusuan_table_get_n_rows (self);
  out = g_string_sized_new (64 * (n_rows + 1));

  g_string_append (out, "key");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, yusuan_table_get_column (self, c)->id);
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      const YusuanTableRow *row = yusuan_table_get_row (self, r);
      guint end = r + 1;

      if (!row->in_csv)
        continue;
      if (self->def->n_slots == 0)
        {
          append_csv_row (out, self, r, NULL, unit);
          continue;
        }
      /* Rows continuing a compact row went out with it. */
      if (row->kind == YUSUAN_ROW_INDICATOR)
        continue;
      while (end < n_rows && yusuan_table_get_row (self, end)->kind == YUSUAN_ROW_INDICATOR)
        end++;
      append_csv_block (out, self, r, end, unit);
    }

  return g_string_free (out, FALSE);
}

/* Text */

guint
yusuan_text_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
yusuan_text_append_padded (GString    *out,
                           const char *text,
                           guint       width,
                           gboolean    right)
{
  guint used = yusuan_text_display_width (text);

  if (right)
    for (guint i = used; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = used; i < width; i++)
      g_string_append_c (out, ' ');
}

/* One line a cell: a newline inside a text would break the layout. */
static char *
single_line (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return copy;
}

typedef struct
{
  const YusuanColumn *column;
  guint               depth;  /* 0: a top-level column */
  guint               first;  /* leaves it spans */
  guint               last;
} HeaderNode;

static void
group_span (const YusuanColumn *column,
            guint              *first,
            guint              *last)
{
  for (guint i = 0; column->children && i < column->children->len; i++)
    {
      const YusuanColumn *child = g_ptr_array_index (column->children, i);

      if (child->leaf >= 0)
        {
          *first = MIN (*first, (guint) child->leaf);
          *last = MAX (*last, (guint) child->leaf);
        }
      else
        group_span (child, first, last);
    }
}

/* Every group under @column with the leaves it spans; @max_depth: the
 * header lines they need, the leaves' line included. */
static void
collect_groups (const YusuanColumn *column,
                guint               depth,
                GArray             *groups,
                guint              *max_depth)
{
  for (guint i = 0; column->children && i < column->children->len; i++)
    {
      const YusuanColumn *child = g_ptr_array_index (column->children, i);

      if (child->leaf >= 0)
        *max_depth = MAX (*max_depth, depth + 1);
      else
        {
          HeaderNode node = { child, depth, G_MAXUINT, 0 };

          group_span (child, &node.first, &node.last);
          *max_depth = MAX (*max_depth, depth + 2);
          g_array_append_val (groups, node);
          collect_groups (child, depth + 1, groups, max_depth);
        }
    }
}

static int
deeper_first (gconstpointer a,
              gconstpointer b)
{
  const HeaderNode *x = a, *y = b;

  return (int) y->depth - (int) x->depth;
}

#define GAP 2

/* The column that shows a row's place in the hierarchy: its name, or the
 * item of a two-sided table, or else the first text. */
static int
indented_column (YusuanTable *self)
{
  guint n = yusuan_table_get_n_columns (self);
  int first_text = -1, item = -1;

  for (guint c = 0; c < n; c++)
    {
      const YusuanColumn *leaf = yusuan_table_get_column (self, c);

      if (leaf->kind != YUSUAN_COLUMN_TEXT)
        continue;
      if (g_str_has_suffix (leaf->id, "name"))
        return (int) c;
      if (item < 0 && g_str_equal (leaf->id, "item"))
        item = (int) c;
      if (first_text < 0)
        first_text = (int) c;
    }
  return item >= 0 ? item : first_text;
}

static guint
span_width (const guint *widths,
            guint        first,
            guint        last)
{
  guint width = 0;

  for (guint i = first; i <= last; i++)
    width += widths[i] + (i > first ? GAP : 0);
  return width;
}

char *
yusuan_table_to_text (YusuanTable       *self,
                      YusuanDisplayUnit  unit)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (HeaderNode));
  g_autofree guint *widths = NULL;
  g_autofree gboolean *right = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  guint n_columns, n_rows, max_depth = 1, total_width;
  int indent_column = -1;
  GString *out;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);

  n_columns = yusuan_table_get_n_columns (self);
  n_rows = yusuan_table_get_n_rows (self);
  widths = g_new0 (guint, n_columns);
  right = g_new0 (gboolean, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      const YusuanColumn *leaf = yusuan_table_get_column (self, c);

      widths[c] = yusuan_text_display_width (leaf->label);
      right[c] = leaf->kind == YUSUAN_COLUMN_AMOUNT;
    }
  indent_column = indented_column (self);

  /* Every cell as CSV has it (no thousands separators), the names indented
   * by the row's depth. */
  for (guint r = 0; r < n_rows; r++)
    {
      const YusuanTableRow *row = yusuan_table_get_row (self, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *shown = yusuan_table_dup_display (self, r, c, unit, FALSE);
          char *cell = single_line (shown);

          if ((int) c == indent_column && row->depth > 0 && *cell)
            {
              char *indented = g_strdup_printf ("%*s%s", (int) (2 * row->depth), "", cell);

              g_free (cell);
              cell = indented;
            }
          widths[c] = MAX (widths[c], yusuan_text_display_width (cell));
          g_ptr_array_add (cells, cell);
        }
    }

  /* Group headers span their leaves; a wide label widens its last leaf. */
  collect_groups (yusuan_table_get_header (self), 0, groups, &max_depth);
  g_array_sort (groups, deeper_first);
  for (guint i = 0; i < groups->len; i++)
    {
      HeaderNode *node = &g_array_index (groups, HeaderNode, i);
      guint label = yusuan_text_display_width (node->column->label);
      guint span;

      if (node->first > node->last)
        continue;
      span = span_width (widths, node->first, node->last);
      if (label > span)
        widths[node->last] += label - span;
    }
  total_width = n_columns ? span_width (widths, 0, n_columns - 1) : 0;

  out = g_string_new (NULL);
  code = yusuan_table_dup_code (self);
  title = yusuan_table_dup_title (self);
  g_string_append_printf (out, "%s  %s\n", code, title);
  g_string_append_printf (out, "%s\n", unit == YUSUAN_DISPLAY_WAN
                          /* Translators: 单位：万元 */
                          ? _("Unit: 10,000 yuan")
                          /* Translators: 单位：元 */
                          : _("Unit: yuan"));

  /* Header lines: groups on the line of their depth, leaves on the last. */
  for (guint level = 0; level + 1 < max_depth; level++)
    {
      GString *line = g_string_new (NULL);
      guint c = 0;

      while (c < n_columns)
        {
          const HeaderNode *found = NULL;

          for (guint i = 0; i < groups->len; i++)
            {
              const HeaderNode *node = &g_array_index (groups, HeaderNode, i);

              if (node->depth == level && node->first == c)
                found = node;
            }
          if (c > 0)
            g_string_append_printf (line, "%*s", GAP, "");
          if (found != NULL)
            {
              yusuan_text_append_padded (line, found->column->label, span_width (widths, found->first, found->last), FALSE);
              c = found->last + 1;
            }
          else
            {
              yusuan_text_append_padded (line, "", widths[c], FALSE);
              c++;
            }
        }
      g_strchomp (line->str);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  {
    GString *line = g_string_new (NULL);

    for (guint c = 0; c < n_columns; c++)
      {
        if (c > 0)
          g_string_append_printf (line, "%*s", GAP, "");
        yusuan_text_append_padded (line, yusuan_table_get_column (self, c)->label, widths[c], right[c]);
      }
    g_strchomp (line->str);
    g_string_append_printf (out, "%s\n", line->str);
    g_string_free (line, TRUE);
  }
  for (guint i = 0; i < total_width; i++)
    g_string_append_c (out, '-');
  g_string_append_c (out, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_printf (line, "%*s", GAP, "");
          yusuan_text_append_padded (line, g_ptr_array_index (cells, r * n_columns + c), widths[c], right[c]);
        }
      g_strchomp (line->str);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }

  note = yusuan_table_dup_note (self);
  if (note != NULL)
    g_string_append_printf (out, "%s\n", note);

  return g_string_free (out, FALSE);
}
