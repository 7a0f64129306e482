/* yusuan-table.c - one of 预算01表 … 预算12表, computed live from the document's lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-table-private.h"

/* A cell as it was before the change being applied, to announce only the
 * cells whose value really changed. */
typedef struct
{
  Row          *row;
  guint         column;
  YusuanAmount  amount;
  guint         count;
} TouchedCell;

G_DEFINE_FINAL_TYPE (YusuanTable, yusuan_table, G_TYPE_OBJECT)

enum {
  CELL_CHANGED,
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (yusuan-table-error-quark, yusuan_table_error)

/* Columns */

static YusuanColumn *
column_new (const char       *id,
            const char       *label,
            YusuanColumnKind  kind,
            int               leaf)
{
  YusuanColumn *column = g_new0 (YusuanColumn, 1);

  column->id = g_strdup (id);
  column->label = g_strdup (label);
  column->kind = kind;
  column->leaf = leaf;
  return column;
}

static void
column_free (gpointer data)
{
  YusuanColumn *column = data;

  g_free (column->id);
  g_free (column->label);
  g_clear_pointer (&column->children, g_ptr_array_unref);
  g_free (column);
}

static void
column_add_child (YusuanColumn *parent,
                  YusuanColumn *child)
{
  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func (column_free);
  g_ptr_array_add (parent->children, child);
}

void
table_column_group (YusuanTable *self,
                    const char  *id,
                    const char  *label)
{
  YusuanColumn *parent = g_ptr_array_index (self->build_stack, self->build_stack->len - 1);
  YusuanColumn *group = column_new (id, label, YUSUAN_COLUMN_TEXT, -1);

  column_add_child (parent, group);
  g_ptr_array_add (self->build_stack, group);
}

void
table_column_end (YusuanTable *self)
{
  g_assert (self->build_stack->len > 1);
  g_ptr_array_set_size (self->build_stack, self->build_stack->len - 1);
}

void
table_column_leaf (YusuanTable      *self,
                   guint             expected_leaf,
                   const char       *id,
                   const char       *label,
                   YusuanColumnKind  kind)
{
  YusuanColumn *parent = g_ptr_array_index (self->build_stack, self->build_stack->len - 1);
  YusuanColumn *leaf;

  /* The definitions name their columns by enums: they must agree with the tree. */
  g_assert (expected_leaf == self->leaves->len);
  leaf = column_new (id, label, kind, (int) self->leaves->len);
  column_add_child (parent, leaf);
  g_ptr_array_add (self->leaves, leaf);
}

/* Rows */

static void
row_free (Row   *row,
          guint  n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    g_free (row->texts[i]);
  g_free (row->amounts);
  g_free (row->pub.key);
  g_ref_string_release (row->sort);
  g_free (row);
}

static int
row_compare (const Row *a,
             const Row *b)
{
  /* Rows under one parent share its sort string: no need to compare it. */
  if (a->sort != b->sort)
    {
      int c = strcmp (a->sort, b->sort);

      if (c != 0)
        return c;
    }
  if (a->sort2 != b->sort2)
    return a->sort2 < b->sort2 ? -1 : 1;
  return a->ikey < b->ikey ? -1 : a->ikey > b->ikey;
}

static int
row_compare_indirect (gconstpointer a,
                      gconstpointer b)
{
  return row_compare (*(Row * const *) a, *(Row * const *) b);
}

/* The first position whose row sorts at or after @row. */
static guint
lower_bound (YusuanTable *self,
             const Row   *row)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (row_compare (g_ptr_array_index (self->rows, mid), row) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

int
table_row_index (YusuanTable *self,
                 Row         *row)
{
  guint position = lower_bound (self, row);

  if (position < self->rows->len && g_ptr_array_index (self->rows, position) == row)
    return (int) position;
  return -1;
}

static inline void
touch (YusuanTable *self,
       Row         *row)
{
  if (self->tracking && !row->touched)
    {
      row->touched = TRUE;
      g_ptr_array_add (self->touched_rows, row);
    }
}

static inline guint
recent_slot (guint64 ikey)
{
  return (guint) ((ikey * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 56);
}

/* Consecutive lines mostly land on the same rows (the total, the
 * department, their 类): a small cache in front of the hash table. */
Row *
table_lookup (YusuanTable *self,
              guint64      ikey)
{
  guint slot = recent_slot (ikey);
  Row *row = self->recent[slot];

  if (row == NULL || row->ikey != ikey)
    {
      row = g_hash_table_lookup (self->by_ikey, &ikey);
      if (row == NULL)
        return NULL;
      self->recent[slot] = row;
    }
  touch (self, row);
  return row;
}

/* Takes @row out of the lookups (before it is freed). */
static void
forget_row (YusuanTable *self,
            Row         *row)
{
  guint slot = recent_slot (row->ikey);

  if (self->recent[slot] == row)
    self->recent[slot] = NULL;
  g_hash_table_remove (self->by_ikey, &row->ikey);
}

static Row *
row_new (YusuanTable   *self,
         guint64        ikey,
         const char    *key,
         YusuanRowKind  kind,
         guint          depth,
         char          *sort,
         guint64        sort2,
         CsvMode        csv,
         gboolean       is_static)
{
  guint n = self->leaves->len;
  Row *row;

  row = g_new0 (Row, 1);
  /* One block per row: amounts, then texts, then counts. */
  row->amounts = g_malloc0 (n * (sizeof (YusuanAmount) + sizeof (char *) + sizeof (guint)));
  row->texts = (char **) (row->amounts + n);
  row->counts = (guint *) (row->texts + n);
  row->pub.key = g_strdup (key);
  row->pub.kind = kind;
  row->pub.depth = depth;
  row->pub.in_csv = csv == CSV_ALWAYS;
  row->ikey = ikey;
  row->sort = sort;
  row->sort2 = sort2;
  row->csv = csv;
  row->is_static = is_static;
  g_hash_table_insert (self->by_ikey, &row->ikey, row);

  if (self->tracking)
    {
      row->pending = TRUE;
      touch (self, row);
    }
  else if (self->bulk)
    g_ptr_array_add (self->rows, row);
  else
    row->pending = TRUE;  /* until table_insert_row */

  return row;
}

Row *
table_row (YusuanTable   *self,
           guint64        ikey,
           const char    *key,
           YusuanRowKind  kind,
           guint          depth,
           const char    *sort,
           CsvMode        csv,
           gboolean       is_static)
{
  Row *row = table_lookup (self, ikey);

  if (row != NULL)
    return row;
  return row_new (self, ikey, key, kind, depth, g_ref_string_new (sort), 0, csv, is_static);
}

Row *
table_row_under (YusuanTable   *self,
                 guint64        ikey,
                 const char    *key,
                 YusuanRowKind  kind,
                 guint          depth,
                 Row           *parent,
                 guint64        sort2,
                 CsvMode        csv)
{
  Row *row = table_lookup (self, ikey);

  g_assert (sort2 > parent->sort2);
  if (row != NULL)
    return row;
  return row_new (self, ikey, key, kind, depth, g_ref_string_acquire (parent->sort), sort2, csv, FALSE);
}

static void
record_cell (YusuanTable *self,
             Row         *row,
             guint        column)
{
  TouchedCell cell;

  for (guint i = 0; i < self->touched_cells->len; i++)
    {
      TouchedCell *seen = &g_array_index (self->touched_cells, TouchedCell, i);

      if (seen->row == row && seen->column == column)
        return;
    }
  cell.row = row;
  cell.column = column;
  cell.amount = row->amounts[column];
  cell.count = row->counts[column];
  g_array_append_val (self->touched_cells, cell);
}

void
table_cell_add (YusuanTable  *self,
                Row          *row,
                guint         column,
                YusuanAmount  amount,
                int           sign)
{
  g_assert (column < self->leaves->len);

  if (sign == 0)
    {
      if (row == self->probe_row && column == self->probe_column)
        self->probe_hit = TRUE;
      return;
    }
  g_assert (sign > 0 || row->counts[column] > 0);

  if (self->tracking && !row->pending)
    record_cell (self, row, column);

  /* Wrapping arithmetic: an intermediate sum past gint64 cannot occur for
   * amounts the contract allows in practice, and if it did the final sum
   * would still be exact once back in range. */
  if (sign > 0)
    row->amounts[column] = (YusuanAmount) ((guint64) row->amounts[column] + (guint64) amount);
  else
    row->amounts[column] = (YusuanAmount) ((guint64) row->amounts[column] - (guint64) amount);
  row->counts[column] += sign;
  row->refs += sign;
}

void
table_row_ref (YusuanTable *self,
               Row         *row,
               int          sign)
{
  if (sign == 0)
    return;
  g_assert (sign > 0 || row->refs > 0);
  touch (self, row);
  row->refs += sign;
}

void
table_set_text (Row        *row,
                guint       column,
                const char *text)
{
  g_free (row->texts[column]);
  row->texts[column] = text && *text ? g_strdup (text) : NULL;
}

void
table_take_text (Row   *row,
                 guint  column,
                 char  *text)
{
  g_free (row->texts[column]);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  row->texts[column] = text;
}

static void
ensure_texts (YusuanTable *self,
              Row         *row)
{
  if (!row->has_texts)
    {
      if (self->def->texts)
        self->def->texts (self, row);
      row->has_texts = TRUE;
    }
}

static void
update_in_csv (Row *row)
{
  if (row->csv == CSV_IF_DATA)
    row->pub.in_csv = row->refs > 0;
}

void
table_emit_rows (YusuanTable *self,
                 guint        position,
                 guint        removed,
                 guint        added)
{
  if (removed != 0 || added != 0)
    g_signal_emit (self, signals[ROWS_CHANGED], 0, position, removed, added);
}

void
table_emit_cell (YusuanTable *self,
                 guint        row,
                 guint        column)
{
  g_signal_emit (self, signals[CELL_CHANGED], 0, row, column);
}

void
table_insert_row (YusuanTable *self,
                  Row         *row,
                  gboolean     announce)
{
  guint position;

  if (!row->pending)
    return;  /* placed already (a recompute appends and sorts) */

  ensure_texts (self, row);
  update_in_csv (row);
  row->pending = FALSE;
  position = lower_bound (self, row);
  g_ptr_array_insert (self->rows, (int) position, row);
  if (announce)
    table_emit_rows (self, position, 0, 1);
}

void
table_remove_row (YusuanTable *self,
                  Row         *row,
                  gboolean     announce)
{
  int position = row->pending ? -1 : table_row_index (self, row);

  forget_row (self, row);
  if (position >= 0)
    {
      g_ptr_array_remove_index (self->rows, (guint) position);
      if (announce)
        table_emit_rows (self, (guint) position, 1, 0);
    }
  row_free (row, self->leaves->len);
}

void
table_drop_rows (YusuanTable *self,
                 guint        start,
                 guint        n)
{
  g_assert (start + n <= self->rows->len);

  for (guint i = start; i < start + n; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      forget_row (self, row);
      row_free (row, self->leaves->len);
    }
  g_ptr_array_remove_range (self->rows, start, n);
}

void
table_sort_rows (YusuanTable *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      ensure_texts (self, row);
      update_in_csv (row);
      row->pending = FALSE;
    }
  g_ptr_array_sort (self->rows, row_compare_indirect);
}

/* Identities */

guint64
table_code_key (YusuanTable *self,
                const char  *code,
                gsize        length)
{
  guint64 value = 0;
  gpointer id;
  char *copy;

  /* Digit codes (all the contract allows) map to their value and length;
   * anything else is interned, so that no two codes ever share a row. */
  if (length > 0 && length <= 15)
    {
      gsize i;

      for (i = 0; i < length && g_ascii_isdigit (code[i]); i++)
        value = value * 10 + (guint64) (code[i] - '0');
      if (i == length)
        return ((guint64) length << 50) | value;
    }

  copy = g_strndup (code, length);
  if (!g_hash_table_lookup_extended (self->interned, copy, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (self->interned) + 1);
      g_hash_table_insert (self->interned, copy, id);
      copy = NULL;
    }
  g_free (copy);
  return (G_GUINT64_CONSTANT (1) << 55) | GPOINTER_TO_UINT (id);
}

guint64
table_pair_key (YusuanTable *self,
                const char  *dept,
                const char  *gov)
{
  guint64 d = table_code_key (self, dept, strlen (dept));
  guint64 g = table_code_key (self, gov, strlen (gov));

  /* Economic codes are five digits: (length, value) fits in 20 bits each. */
  if (d < (G_GUINT64_CONSTANT (1) << 53) && g < (G_GUINT64_CONSTANT (1) << 53))
    {
      guint64 dl = d >> 50, dv = d & ((G_GUINT64_CONSTANT (1) << 50) - 1);
      guint64 gl = g >> 50, gv = g & ((G_GUINT64_CONSTANT (1) << 50) - 1);

      if (dv < 100000 && gv < 100000)
        return (((dl << 17) | dv) << 20) | (gl << 17) | gv;
    }

  {
    g_autofree char *pair = g_strconcat (dept, "/", gov, NULL);

    return (G_GUINT64_CONSTANT (1) << 54) | table_code_key (self, pair, strlen (pair));
  }
}

void
table_append_order (YusuanTable          *self,
                    GString              *sort,
                    YusuanClassification  classification,
                    const char           *code,
                    gsize                 length)
{
  char buffer[48];
  int order;

  if (length >= sizeof buffer)
    length = sizeof buffer - 1;
  memcpy (buffer, code, length);
  buffer[length] = '\0';

  order = self->catalog ? yusuan_catalog_get_order (self->catalog, classification, buffer) : -1;
  if (order >= 0)
    g_string_append_printf (sort, "0%011d", order);
  else
    {
      /* Unknown codes after the known ones, by code. */
      g_string_append_c (sort, '1');
      for (gsize i = length; i < 15; i++)
        g_string_append_c (sort, '0');
      g_string_append (sort, buffer);
    }
}

ProjectInfo *
table_project_info (YusuanTable *self,
                    guint        project_id)
{
  return g_hash_table_lookup (self->projects, GUINT_TO_POINTER (project_id));
}

static ProjectInfo *
project_info_set (YusuanTable         *self,
                  const YusuanProject *project)
{
  ProjectInfo *info = table_project_info (self, project->id);

  if (info == NULL)
    {
      info = g_new0 (ProjectInfo, 1);
      g_hash_table_insert (self->projects, GUINT_TO_POINTER (project->id), info);
    }
  info->kind = project->kind;
  g_strlcpy (info->unit, project->unit, sizeof info->unit);
  return info;
}

GArray *
table_probe_cell (YusuanTable *self,
                  Row         *row,
                  guint        column,
                  gboolean    *out_revenues)
{
  const TableDef *def = self->def;
  YusuanDocument *document = self->document;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint found = 0;

  *out_revenues = FALSE;
  if (row->counts[column] == 0)
    return ids;

  /* Every line and revenue of the document is already behind some row, so
   * probing makes no row: it only asks where each one lands. */
  self->probe_row = row;
  self->probe_column = column;

  if (def->line)
    {
      guint n_basic = yusuan_document_get_n_basic_lines (document);
      guint n_projects = yusuan_document_get_n_projects (document);

      for (guint i = 0; i < n_basic && found < row->counts[column]; i++)
        {
          const YusuanLine *line = yusuan_document_get_basic_line (document, i);

          self->probe_hit = FALSE;
          def->line (self, line, NULL, 0);
          if (self->probe_hit)
            {
              g_array_append_val (ids, line->id);
              found++;
            }
        }
      for (guint i = 0; i < n_projects && found < row->counts[column]; i++)
        {
          const YusuanProject *project = yusuan_document_get_project (document, i);
          ProjectInfo *info = table_project_info (self, project->id);

          for (guint j = 0; info && j < project->lines->len; j++)
            {
              const YusuanLine *line = g_ptr_array_index (project->lines, j);

              self->probe_hit = FALSE;
              def->line (self, line, info, 0);
              if (self->probe_hit)
                {
                  g_array_append_val (ids, line->id);
                  found++;
                }
            }
        }
    }

  if (def->revenue && found == 0)
    {
      guint n_revenues = yusuan_document_get_n_revenues (document);

      for (guint i = 0; i < n_revenues && found < row->counts[column]; i++)
        {
          const YusuanRevenue *revenue = yusuan_document_get_revenue (document, i);

          self->probe_hit = FALSE;
          def->revenue (self, revenue, 0);
          if (self->probe_hit)
            {
              g_array_append_val (ids, revenue->id);
              found++;
            }
        }
      *out_revenues = found > 0;
    }

  self->probe_row = NULL;
  return ids;
}

/* Changes */

void
table_begin_change (YusuanTable *self)
{
  g_assert (!self->tracking);
  self->tracking = TRUE;
  g_array_set_size (self->touched_cells, 0);
  g_ptr_array_set_size (self->touched_rows, 0);
}

void
table_end_change (YusuanTable *self)
{
  GPtrArray *touched = self->touched_rows;
  g_autoptr(GPtrArray) dead = g_ptr_array_new ();
  guint n_columns = self->leaves->len;

  g_assert (self->tracking);
  self->tracking = FALSE;

  /* Rows nothing stands for any more go first … */
  for (guint i = 0; i < touched->len; i++)
    {
      Row *row = g_ptr_array_index (touched, i);

      row->touched = FALSE;
      if (row->refs > 0 || row->is_static)
        continue;

      forget_row (self, row);
      if (row->pending)
        {
          /* Made and unmade within the change: nobody saw it. */
          row_free (row, n_columns);
          g_ptr_array_index (touched, i) = NULL;
        }
      else
        {
          int position = table_row_index (self, row);

          g_assert (position >= 0);
          g_ptr_array_remove_index (self->rows, (guint) position);
          row->dead = TRUE;
          g_ptr_array_add (dead, row);
          table_emit_rows (self, (guint) position, 1, 0);
        }
    }

  /* … then new rows take their places … */
  for (guint i = 0; i < touched->len; i++)
    {
      Row *row = g_ptr_array_index (touched, i);

      if (row != NULL && !row->dead)
        {
          if (row->pending)
            table_insert_row (self, row, TRUE);
          else
            update_in_csv (row);
        }
    }

  /* … and the cells of rows that stayed say what changed. */
  for (guint i = 0; i < self->touched_cells->len; i++)
    {
      TouchedCell *cell = &g_array_index (self->touched_cells, TouchedCell, i);
      Row *row = cell->row;
      gboolean had = cell->count > 0, has = row->counts[cell->column] > 0;
      int position;

      if (row->dead)
        continue;
      if (had == has && (!has || cell->amount == row->amounts[cell->column]))
        continue;
      position = table_row_index (self, row);
      g_assert (position >= 0);
      table_emit_cell (self, (guint) position, cell->column);
    }

  for (guint i = 0; i < dead->len; i++)
    row_free (g_ptr_array_index (dead, i), n_columns);
  g_array_set_size (self->touched_cells, 0);
  g_ptr_array_set_size (touched, 0);

  if (self->def->after_change)
    self->def->after_change (self);
}

void
table_refresh_row_texts (YusuanTable *self,
                         Row         *row,
                         gboolean     announce)
{
  guint n = self->leaves->len;
  g_autofree char **old = g_memdup2 (row->texts, n * sizeof (char *));
  g_autofree char *old_key = g_strdup (row->pub.key);
  gboolean rekeyed;
  int position = -1;

  memset (row->texts, 0, n * sizeof (char *));
  row->has_texts = FALSE;
  ensure_texts (self, row);

  /* A row whose key changed (the department's or a project's code) is
   * another row to a view: replace it whole. */
  rekeyed = g_strcmp0 (old_key, row->pub.key) != 0;
  if (announce && rekeyed)
    {
      position = table_row_index (self, row);
      if (position >= 0)
        table_emit_rows (self, (guint) position, 1, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      if (announce && !rekeyed && g_strcmp0 (old[i], row->texts[i]) != 0)
        {
          if (position < 0)
            position = table_row_index (self, row);
          if (position >= 0)
            table_emit_cell (self, (guint) position, i);
        }
      g_free (old[i]);
    }
}

static void
refresh_all_texts (YusuanTable *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    table_refresh_row_texts (self, g_ptr_array_index (self->rows, i), TRUE);
}

static void
clear_rows (YusuanTable *self)
{
  guint n_columns = self->leaves->len;

  g_hash_table_remove_all (self->by_ikey);
  memset (self->recent, 0, sizeof self->recent);
  for (guint i = 0; i < self->rows->len; i++)
    row_free (g_ptr_array_index (self->rows, i), n_columns);
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->projects);
}

static void
project_lines (YusuanTable         *self,
               const YusuanProject *project,
               const ProjectInfo   *info,
               int                  sign)
{
  if (self->def->line)
    for (guint i = 0; i < project->lines->len; i++)
      self->def->line (self, g_ptr_array_index (project->lines, i), info, sign);
}

static void
recompute (YusuanTable *self)
{
  const TableDef *def = self->def;
  YusuanDocument *document = self->document;
  guint n_projects = yusuan_document_get_n_projects (document);

  clear_rows (self);
  self->bulk = TRUE;

  if (def->static_rows)
    def->static_rows (self);

  for (guint i = 0; i < n_projects; i++)
    {
      const YusuanProject *project = yusuan_document_get_project (document, i);
      ProjectInfo *info = project_info_set (self, project);

      if (def->project)
        def->project (self, project->id, info, 1);
    }

  if (def->line)
    {
      guint n_basic = yusuan_document_get_n_basic_lines (document);

      for (guint i = 0; i < n_basic; i++)
        def->line (self, yusuan_document_get_basic_line (document, i), NULL, 1);
      for (guint i = 0; i < n_projects; i++)
        {
          const YusuanProject *project = yusuan_document_get_project (document, i);

          project_lines (self, project, table_project_info (self, project->id), 1);
        }
    }

  if (def->revenue)
    {
      guint n_revenues = yusuan_document_get_n_revenues (document);

      for (guint i = 0; i < n_revenues; i++)
        def->revenue (self, yusuan_document_get_revenue (document, i), 1);
    }

  if (def->rebuild)
    def->rebuild (self);
  if (def->after_change)
    def->after_change (self);

  table_sort_rows (self);
  self->bulk = FALSE;
}

static void
reset (YusuanTable *self)
{
  guint old_n = self->rows->len;

  recompute (self);
  table_emit_rows (self, 0, old_n, self->rows->len);
}

/* Signal handlers */

static const ProjectInfo *
info_for_line (YusuanTable         *self,
               const YusuanLine    *line,
               const YusuanProject *project)
{
  ProjectInfo *info;

  if (line->project_id == 0)
    return NULL;
  info = table_project_info (self, line->project_id);
  if (info == NULL && project != NULL)
    info = project_info_set (self, project);
  return info;
}

static void
project_changed (YusuanTable        *self,
                 const YusuanChange *change)
{
  const TableDef *def = self->def;
  const YusuanProject *project = change->project;
  const YusuanProject *old = change->old_project;
  ProjectInfo *info = table_project_info (self, project->id);
  gboolean moves;
  guint64 ikey = IKEY (TAG_PROJECT, project->id);
  Row *row;

  if (info == NULL)
    {
      reset (self);
      return;
    }

  /* What the rows of this table depend on: the kind (03, 05, 09 columns),
   * the unit and the code (10 and 12 place projects by them). */
  moves = ((def->project_deps & DEPENDS_KIND) && info->kind != project->kind)
          || ((def->project_deps & DEPENDS_UNIT) && strcmp (info->unit, project->unit) != 0)
          || ((def->project_deps & DEPENDS_CODE) && old != NULL && g_strcmp0 (old->code, project->code) != 0);

  if (!moves)
    project_info_set (self, project);
  else
    {
      ProjectInfo before = *info;

      if (def->indicators)
        def->indicators (self, project->id, NULL);

      table_begin_change (self);
      project_lines (self, project, &before, -1);
      if (def->project)
        def->project (self, project->id, &before, -1);
      table_end_change (self);

      project_info_set (self, project);

      table_begin_change (self);
      if (def->project)
        def->project (self, project->id, info, 1);
      project_lines (self, project, info, 1);
      table_end_change (self);

      if (def->indicators)
        def->indicators (self, project->id, project);
    }

  row = g_hash_table_lookup (self->by_ikey, &ikey);
  if (row != NULL && !row->pending)
    table_refresh_row_texts (self, row, TRUE);
}

static void
apply_change (YusuanTable        *self,
              const YusuanChange *change)
{
  const TableDef *def = self->def;

  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
      reset (self);
      break;

    case YUSUAN_CHANGE_HEADER:
      refresh_all_texts (self);
      break;

    case YUSUAN_CHANGE_UNIT_ADDED:
    case YUSUAN_CHANGE_UNIT_REMOVED:
    case YUSUAN_CHANGE_UNIT_CHANGED:
      /* Lines name units by code: only the names shown change. */
      refresh_all_texts (self);
      break;

    case YUSUAN_CHANGE_REVENUE_ADDED:
    case YUSUAN_CHANGE_REVENUE_REMOVED:
    case YUSUAN_CHANGE_REVENUE_CHANGED:
      if (def->revenue)
        {
          table_begin_change (self);
          if (change->kind == YUSUAN_CHANGE_REVENUE_CHANGED)
            def->revenue (self, change->old_revenue, -1);
          def->revenue (self, change->revenue,
                        change->kind == YUSUAN_CHANGE_REVENUE_REMOVED ? -1 : 1);
          table_end_change (self);
        }
      break;

    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
    case YUSUAN_CHANGE_LINE_CHANGED:
      if (def->line)
        {
          const ProjectInfo *info = info_for_line (self, change->line, change->project);

          table_begin_change (self);
          if (change->kind == YUSUAN_CHANGE_LINE_CHANGED)
            def->line (self, change->old_line, info, -1);
          def->line (self, change->line, info,
                     change->kind == YUSUAN_CHANGE_LINE_REMOVED ? -1 : 1);
          table_end_change (self);
        }
      break;

    case YUSUAN_CHANGE_PROJECT_ADDED:
      {
        ProjectInfo *info = project_info_set (self, change->project);

        if (def->project)
          {
            table_begin_change (self);
            def->project (self, change->project->id, info, 1);
            table_end_change (self);
          }
        if (def->indicators)
          def->indicators (self, change->project->id, change->project);
      }
      break;

    case YUSUAN_CHANGE_PROJECT_REMOVED:
      {
        ProjectInfo *info = table_project_info (self, change->project->id);

        if (def->indicators)
          def->indicators (self, change->project->id, NULL);
        if (def->project && info != NULL)
          {
            table_begin_change (self);
            def->project (self, change->project->id, info, -1);
            table_end_change (self);
          }
        g_hash_table_remove (self->projects, GUINT_TO_POINTER (change->project->id));
      }
      break;

    case YUSUAN_CHANGE_PROJECT_CHANGED:
      project_changed (self, change);
      break;

    case YUSUAN_CHANGE_INDICATORS:
      if (change->project != NULL)
        {
          /* A project's: its rows alone (the department's rebuild below). */
          if (def->indicators)
            def->indicators (self, change->project->id, change->project);
          return;
        }
      break;

    case YUSUAN_CHANGE_THREE_PUBLIC:
    case YUSUAN_CHANGE_PERFORMANCE:
    case YUSUAN_CHANGE_PROCUREMENT:
    case YUSUAN_CHANGE_ASSETS:
    case YUSUAN_CHANGE_EXPLANATIONS:
    case YUSUAN_CHANGE_PRIOR_YEAR:
    default:
      break;
    }

  if (def->rebuild_on & (1u << change->kind))
    def->rebuild (self);
}

static void
document_changed_cb (YusuanDocument     *document,
                     const YusuanChange *change,
                     YusuanTable        *self)
{
  if (self->handling > 0)
    {
      /* Our state is half announced: take this change whole, afterwards. */
      self->reset_pending = TRUE;
      return;
    }

  g_object_ref (self);
  self->handling++;
  apply_change (self, change);
  while (self->reset_pending && self->document != NULL)
    {
      self->reset_pending = FALSE;
      reset (self);
    }
  self->handling--;
  g_object_unref (self);
}

/* GObject */

static void
yusuan_table_dispose (GObject *object)
{
  YusuanTable *self = YUSUAN_TABLE (object);

  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);

  G_OBJECT_CLASS (yusuan_table_parent_class)->dispose (object);
}

static void
yusuan_table_finalize (GObject *object)
{
  YusuanTable *self = YUSUAN_TABLE (object);

  clear_rows (self);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->by_ikey);
  g_hash_table_unref (self->projects);
  g_hash_table_unref (self->interned);
  g_array_unref (self->touched_cells);
  g_ptr_array_unref (self->touched_rows);
  g_ptr_array_unref (self->build_stack);
  g_ptr_array_unref (self->leaves);
  g_clear_pointer (&self->header, column_free);

  G_OBJECT_CLASS (yusuan_table_parent_class)->finalize (object);
}

static void
yusuan_table_class_init (YusuanTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yusuan_table_dispose;
  object_class->finalize = yusuan_table_finalize;

  /**
   * YusuanTable::cell-changed:
   * @row: the row's position
   * @column: the leaf column
   *
   * The cell's value changed (its amount, whether it is empty, or its text).
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * YusuanTable::rows-changed:
   * @position: where rows went and came
   * @removed: how many rows went
   * @added: how many rows came
   *
   * As GListModel::items-changed.
   */
  signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
yusuan_table_init (YusuanTable *self)
{
  self->rows = g_ptr_array_new ();
  self->by_ikey = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->projects = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->interned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched_cells = g_array_new (FALSE, FALSE, sizeof (TouchedCell));
  self->touched_rows = g_ptr_array_new ();
  self->build_stack = g_ptr_array_new ();
  self->leaves = g_ptr_array_new ();
}

/* Public API */

YusuanTable *
yusuan_table_new (YusuanDocument *document,
                  YusuanCatalog  *catalog,
                  guint           number)
{
  YusuanTable *self;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (number >= 1 && number <= YUSUAN_N_TABLES, NULL);

  self = g_object_new (YUSUAN_TYPE_TABLE, NULL);
  self->document = g_object_ref (document);
  self->catalog = catalog ? yusuan_catalog_ref (catalog) : NULL;
  self->number = number;
  self->def = yusuan_table_def_for_number (number);

  self->header = column_new ("", "", YUSUAN_COLUMN_TEXT, -1);
  g_ptr_array_add (self->build_stack, self->header);
  self->def->build_columns (self);
  g_assert (self->build_stack->len == 1);
  g_ptr_array_set_size (self->build_stack, 0);

  recompute (self);
  self->changed_id = g_signal_connect (document, "changed",
                                       G_CALLBACK (document_changed_cb), self);
  return self;
}

guint
yusuan_table_get_number (YusuanTable *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), 0);

  return self->number;
}

const YusuanColumn *
yusuan_table_get_header (YusuanTable *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);

  return self->header;
}

guint
yusuan_table_get_n_columns (YusuanTable *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), 0);

  return self->leaves->len;
}

const YusuanColumn *
yusuan_table_get_column (YusuanTable *self,
                         guint        leaf)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);
  g_return_val_if_fail (leaf < self->leaves->len, NULL);

  return g_ptr_array_index (self->leaves, leaf);
}

guint
yusuan_table_get_n_rows (YusuanTable *self)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), 0);

  return self->rows->len;
}

const YusuanTableRow *
yusuan_table_get_row (YusuanTable *self,
                      guint        row)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return &((Row *) g_ptr_array_index (self->rows, row))->pub;
}

int
yusuan_table_find_row (YusuanTable *self,
                       const char  *key)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->pub.key, key) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
yusuan_table_get_amount (YusuanTable  *self,
                         guint         row,
                         guint         column,
                         YusuanAmount *out_amount)
{
  Row *r;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->leaves->len, FALSE);

  r = g_ptr_array_index (self->rows, row);
  if (((YusuanColumn *) g_ptr_array_index (self->leaves, column))->kind != YUSUAN_COLUMN_AMOUNT
      || r->counts[column] == 0)
    {
      if (out_amount)
        *out_amount = 0;
      return FALSE;
    }
  if (out_amount)
    *out_amount = r->amounts[column];
  return TRUE;
}

const char *
yusuan_table_get_text (YusuanTable *self,
                       guint        row,
                       guint        column)
{
  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->leaves->len, NULL);

  return ((Row *) g_ptr_array_index (self->rows, row))->texts[column];
}

char *
yusuan_table_dup_display (YusuanTable       *self,
                          guint              row,
                          guint              column,
                          YusuanDisplayUnit  unit,
                          gboolean           grouped)
{
  const YusuanColumn *leaf;
  YusuanAmount amount;

  g_return_val_if_fail (YUSUAN_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->leaves->len, NULL);

  leaf = g_ptr_array_index (self->leaves, column);
  if (leaf->kind == YUSUAN_COLUMN_TEXT)
    return g_strdup (yusuan_table_get_text (self, row, column) ?: "");
  if (!yusuan_table_get_amount (self, row, column, &amount))
    return g_strdup ("");
  return yusuan_amount_format (amount, unit,
                               grouped ? YUSUAN_AMOUNT_FORMAT_GROUPED : YUSUAN_AMOUNT_FORMAT_PLAIN);
}

void
yusuan_table_recompute (YusuanTable *self)
{
  g_return_if_fail (YUSUAN_IS_TABLE (self));

  reset (self);
}
