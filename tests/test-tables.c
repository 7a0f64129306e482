/* test-tables.c - the twelve tables: every published figure, and live updates that equal a recompute
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-catalog.h"
#include "yusuan-core.h"
#include "yusuan-document.h"
#include "yusuan-table.h"
#include "yusuan-test-util.h"

/* Helpers */

static YusuanCatalog *
catalog (void)
{
  static YusuanCatalog *builtin;

  if (builtin == NULL)
    builtin = yusuan_catalog_get_builtin ();
  return builtin;
}

static int
column_index (YusuanTable *table,
              const char  *id)
{
  for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
    if (g_strcmp0 (yusuan_table_get_column (table, c)->id, id) == 0)
      return (int) c;
  return -1;
}

/* What a view shows for a cell, in 万元 (as published) or 元 (exact). */
static char *
cell (YusuanTable       *table,
      const char        *key,
      const char        *column_id,
      YusuanDisplayUnit  unit)
{
  int row = yusuan_table_find_row (table, key);
  int column = column_index (table, column_id);

  if (row < 0 || column < 0)
    return g_strdup_printf ("<no %s %s>", row < 0 ? "row" : "column", row < 0 ? key : column_id);
  return yusuan_table_dup_display (table, (guint) row, (guint) column, unit, FALSE);
}

static const char *
text (YusuanTable *table,
      const char  *key,
      const char  *column_id)
{
  int row = yusuan_table_find_row (table, key);
  int column = column_index (table, column_id);

  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (column, >=, 0);
  return yusuan_table_get_text (table, (guint) row, (guint) column);
}

static void
assert_cell (YusuanTable *table,
             const char  *key,
             const char  *column_id,
             const char  *expected)
{
  g_autofree char *shown = cell (table, key, column_id, YUSUAN_DISPLAY_WAN);

  if (g_strcmp0 (shown, expected) != 0)
    g_error ("table %02u %s/%s: %s, expected %s", yusuan_table_get_number (table), key, column_id,
             shown, expected);
}

static GPtrArray *
all_tables (YusuanDocument *document)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    g_ptr_array_add (tables, yusuan_table_new (document, catalog (), n));
  return tables;
}

/* The keys of the rows CSV shows, space separated. */
static char *
csv_keys (YusuanTable *table)
{
  GString *keys = g_string_new (NULL);

  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    {
      const YusuanTableRow *row = yusuan_table_get_row (table, r);

      if (row->in_csv)
        g_string_append_printf (keys, "%s%s", keys->len ? " " : "", row->key);
    }
  return g_string_free (keys, FALSE);
}

static char **
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tables", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_strsplit (contents, "\n", -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Titles and headers */

static void
test_titles (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);

  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    {
      YusuanTable *table = g_ptr_array_index (tables, n - 1);
      g_autofree char *title = yusuan_table_dup_title (table);
      g_autofree char *code = yusuan_table_dup_code (table);
      g_autofree char *number = g_strdup_printf ("%02u", n);
      gboolean amounts_started = FALSE;

      g_assert_cmpuint (yusuan_table_get_number (table), ==, n);
      /* The year comes from the document. */
      g_assert_nonnull (strstr (title, "2023"));
      g_assert_nonnull (strstr (code, number));
      g_assert_nonnull (strstr (title, yusuan_table_name_for_number (n)));

      /* Text columns (codes, names) come before the amounts. */
      for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
        {
          const YusuanColumn *column = yusuan_table_get_column (table, c);

          g_assert_cmpint (column->leaf, ==, (int) c);
          g_assert_nonnull (column->label);
          g_assert_cmpstr (column->label, !=, "");
          if (column->kind == YUSUAN_COLUMN_AMOUNT)
            amounts_started = TRUE;
          else if (n != 12)  /* 12's indicator texts follow its amounts, as published */
            g_assert_false (amounts_started);
        }
    }
}

static void
test_header_tree (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog (), 3);
  const YusuanColumn *root = yusuan_table_get_header (table);
  const YusuanColumn *basic = NULL, *personnel = NULL;
  GString *ids = g_string_new (NULL);
  g_autofree char *all = NULL;

  for (guint i = 0; i < root->children->len; i++)
    {
      const YusuanColumn *column = g_ptr_array_index (root->children, i);

      g_string_append_printf (ids, "%s ", column->id);
      if (g_str_equal (column->id, "basic"))
        basic = column;
    }
  all = g_string_free (ids, FALSE);
  /* 科目编码(类/款/项), 单位代码, 单位（科目名称）, 合计, 基本支出{…}, 项目支出{…} */
  g_assert_cmpstr (all, ==, "function-code unit-code name total basic project ");

  g_assert_nonnull (basic);
  g_assert_cmpint (basic->leaf, ==, -1);
  g_assert_cmpuint (basic->children->len, ==, 3);
  g_assert_cmpstr (((YusuanColumn *) g_ptr_array_index (basic->children, 0))->id, ==, "basic-subtotal");
  personnel = g_ptr_array_index (basic->children, 1);
  g_assert_cmpstr (personnel->id, ==, "basic-personnel");
  g_assert_cmpstr (((YusuanColumn *) g_ptr_array_index (personnel->children, 0))->id, ==, "basic-wages");
  g_assert_cmpstr (((YusuanColumn *) g_ptr_array_index (personnel->children, 1))->id, ==, "basic-family");
  g_assert_cmpuint (yusuan_table_get_n_columns (table), ==, 14);
}

/* Every figure of the seed */

static void
test_seed_figures (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_auto(GStrv) lines = read_data ("seed-figures.txt");
  GString *failures = g_string_new (NULL);
  g_autofree char *report = NULL;
  guint checked = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      YusuanTable *table;
      g_autofree char *shown = NULL;
      const char *expected;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      table = g_ptr_array_index (tables, g_ascii_strtoull (fields[0], NULL, 10) - 1);
      expected = g_str_equal (fields[3], "-") ? "" : fields[3];
      shown = cell (table, fields[1], fields[2], YUSUAN_DISPLAY_WAN);
      if (!g_str_equal (shown, expected))
        g_string_append_printf (failures, "table %s %s/%s: %s, published %s\n",
                                fields[0], fields[1], fields[2], shown, expected);
      checked++;
    }

  report = g_string_free (failures, FALSE);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (checked, >, 900);
}

static void
test_seed_grouped (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) t03 = yusuan_table_new (document, catalog (), 3);
  g_autoptr(YusuanTable) t06 = yusuan_table_new (document, catalog (), 6);
  int row = yusuan_table_find_row (t03, "2010301");
  g_autofree char *grouped = NULL;
  g_autofree char *total = NULL;

  /* What a view shows: "2,706.73" */
  g_assert_cmpint (row, >=, 0);
  grouped = yusuan_table_dup_display (t03, (guint) row, (guint) column_index (t03, "total"),
                                      YUSUAN_DISPLAY_WAN, TRUE);
  g_assert_cmpstr (grouped, ==, "2,706.73");

  /* The seed's 06 prints 3,018.04 as its total while its rows, each rounded
   * on its own, add up to 3,018.07: the total is the exact sum rounded once. */
  total = yusuan_table_dup_display (t06, (guint) yusuan_table_find_row (t06, "total"),
                                    (guint) column_index (t06, "total"), YUSUAN_DISPLAY_WAN, TRUE);
  g_assert_cmpstr (total, ==, "3,018.04");
}

static void
test_seed_yuan (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_auto(GStrv) lines = read_data ("fixture-yuan.txt");
  GString *failures = g_string_new (NULL);
  g_autofree char *report = NULL;
  guint checked = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *shown = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      shown = cell (g_ptr_array_index (tables, g_ascii_strtoull (fields[0], NULL, 10) - 1),
                    fields[1], fields[2], YUSUAN_DISPLAY_YUAN);
      if (!g_str_equal (shown, fields[3]))
        g_string_append_printf (failures, "table %s %s/%s: %s yuan, the lines add up to %s\n",
                                fields[0], fields[1], fields[2], shown, fields[3]);
      checked++;
    }
  report = g_string_free (failures, FALSE);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (checked, >, 50);
}

static void
test_seed_rows (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autofree char *keys01 = csv_keys (g_ptr_array_index (tables, 0));
  g_autofree char *keys03 = csv_keys (g_ptr_array_index (tables, 2));
  g_autofree char *keys04 = csv_keys (g_ptr_array_index (tables, 3));
  g_autofree char *keys09 = csv_keys (g_ptr_array_index (tables, 8));
  g_autofree char *keys10 = csv_keys (g_ptr_array_index (tables, 9));
  YusuanTable *t01 = g_ptr_array_index (tables, 0);
  YusuanTable *t06 = g_ptr_array_index (tables, 5);
  YusuanTable *t07 = g_ptr_array_index (tables, 6);
  YusuanTable *t09 = g_ptr_array_index (tables, 8);
  const char *const *classes = yusuan_catalog_get_children (catalog (), YUSUAN_CLASSIFICATION_FUNCTION, NULL);
  guint n_function_rows = 0, n_pairs6 = 0, n_pairs7 = 0;

  /* Empty 类 are in the official layout, not in CSV. */
  g_assert_cmpstr (keys01, ==,
                   "general-public-budget revenue-current-year carryover-in revenue-total "
                   "201 208 210 221 expenditure-current-year carryover-out expenditure-total");
  for (guint r = 0; r < yusuan_table_get_n_rows (t01); r++)
    if (yusuan_table_get_row (t01, r)->kind == YUSUAN_ROW_FUNCTION)
      n_function_rows++;
  g_assert_cmpuint (n_function_rows, ==, g_strv_length ((char **) classes));
  g_assert_cmpuint (g_strv_length ((char **) classes), >=, 30);

  /* 类 → 款 → 项 in the catalogue's order. */
  g_assert_cmpstr (keys03, ==,
                   "total 103 201 20103 2010301 208 20805 2080501 2080505 20808 2080801 "
                   "210 21011 2101101 221 22102 2210201");
  g_assert_cmpstr (keys04, ==,
                   "revenue-current-year general-public-budget carryover-in revenue-total "
                   "expenditure-current-year 201 208 210 221 carryover-out expenditure-total");

  /* An empty 09 says so. */
  g_assert_cmpstr (keys09, ==, "total");
  g_assert_cmpuint (yusuan_table_get_n_rows (t09), ==, 2);
  g_assert_cmpint (yusuan_table_get_row (t09, 1)->kind, ==, YUSUAN_ROW_HEADING);
  g_assert_false (yusuan_table_get_row (t09, 1)->in_csv);

  /* Nine projects, by code. */
  g_assert_cmpstr (keys10, ==,
                   "total 103 411200230000000002006 411200230000000002806 411200230000000002807 "
                   "411200230000000002808 411200230000000002809 411200230000000002810 "
                   "411200230000000002812 411200230000000002814 411200230000000025604");

  /* 06: 25 published rows, two pairs printed twice: 23 pairs; 07: 36 pairs. */
  for (guint r = 0; r < yusuan_table_get_n_rows (t06); r++)
    if (yusuan_table_get_row (t06, r)->kind == YUSUAN_ROW_ECONOMIC)
      n_pairs6++;
  for (guint r = 0; r < yusuan_table_get_n_rows (t07); r++)
    if (yusuan_table_get_row (t07, r)->kind == YUSUAN_ROW_ECONOMIC)
      n_pairs7++;
  g_assert_cmpuint (n_pairs6, ==, 23);
  g_assert_cmpuint (n_pairs7, ==, 36);
  /* By department code, then government code. */
  g_assert_cmpstr (yusuan_table_get_row (t06, 1)->key, ==, "30101/50101");
  g_assert_cmpstr (yusuan_table_get_row (t07, 2)->key, ==, "30101/50101");
}

static void
test_seed_texts (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  YusuanTable *t03 = g_ptr_array_index (tables, 2);
  YusuanTable *t06 = g_ptr_array_index (tables, 5);
  YusuanTable *t07 = g_ptr_array_index (tables, 6);
  YusuanTable *t10 = g_ptr_array_index (tables, 9);
  YusuanTable *t12 = g_ptr_array_index (tables, 11);

  /* 201 | 03 | 01 行政运行 */
  g_assert_cmpstr (text (t03, "2010301", "class"), ==, "201");
  g_assert_cmpstr (text (t03, "2010301", "section"), ==, "03");
  g_assert_cmpstr (text (t03, "2010301", "item"), ==, "01");
  g_assert_cmpstr (text (t03, "2010301", "name"), ==, "行政运行");
  g_assert_cmpstr (text (t03, "2080505", "name"), ==, "机关事业单位基本养老保险缴费支出");
  g_assert_cmpstr (text (t03, "221", "name"), ==, "住房保障支出");
  g_assert_cmpstr (text (t03, "103", "unit-code"), ==, "103");
  g_assert_cmpstr (text (t03, "103", "name"), ==, "市人民政府办公室");

  g_assert_cmpstr (text (t06, "30103/50101", "econ-dept-name"), ==, "奖金");
  g_assert_cmpstr (text (t06, "30103/50101", "econ-gov-name"), ==, "工资奖金津补贴");
  g_assert_cmpstr (text (t06, "30302/50905", "econ-dept-code"), ==, "30302");
  g_assert_cmpstr (text (t06, "30302/50905", "econ-gov-code"), ==, "50905");
  g_assert_cmpstr (text (t07, "30302/50905", "econ-dept-class"), ==, "303");
  g_assert_cmpstr (text (t07, "30302/50905", "econ-dept-section"), ==, "02");
  g_assert_cmpstr (text (t07, "30302/50905", "econ-gov-class"), ==, "509");
  g_assert_cmpstr (text (t07, "30302/50905", "econ-gov-section"), ==, "05");

  g_assert_cmpstr (text (t10, "411200230000000002812", "name"), ==, "2023保安、律师等劳务费");
  g_assert_cmpstr (text (t10, "411200230000000002812", "unit"), ==, "河南省三门峡市人民政府办公室");
  g_assert_cmpstr (text (t10, "411200230000000002812", "kind"), ==,
                   yusuan_project_kind_label (YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL));
  g_assert_cmpstr (text (t10, "411200230000000002812", "code"), ==, "411200230000000002812");

  g_assert_cmpstr (text (t12, "103001", "name"), ==, "河南省三门峡市人民政府办公室");
  g_assert_cmpstr (text (t12, "411200230000000002808", "name"), ==, "2023维修费");
}

static const char *const t12_groups[] = { "cost", "output", "effect", "satisfaction" };

/* Row @r of 预算12表 as its four groups show it, "name value" each, "-" for
 * none: "律师成本 ≤5万元|政府安保 安全|保卫政府大院安全工作正常开展 正常|保安、律师满意度 ≥95%". */
static char *
t12_side_by_side (YusuanTable *table,
                  guint        r)
{
  GString *out = g_string_new (NULL);

  for (guint g = 0; g < G_N_ELEMENTS (t12_groups); g++)
    {
      g_autofree char *name_id = g_strconcat (t12_groups[g], "-indicator", NULL);
      g_autofree char *value_id = g_strconcat (t12_groups[g], "-value", NULL);
      const char *name = yusuan_table_get_text (table, r, (guint) column_index (table, name_id));
      const char *value = yusuan_table_get_text (table, r, (guint) column_index (table, value_id));

      if (g > 0)
        g_string_append_c (out, '|');
      if (name == NULL && value == NULL)
        g_string_append_c (out, '-');
      else
        g_string_append_printf (out, "%s %s", name ? name : "", value ? value : "");
    }
  return g_string_free (out, FALSE);
}

/* Row @k (0: the project's own) of a project in 预算12表. */
static char *
t12_project_row (YusuanTable *table,
                 const char  *project,
                 guint        k)
{
  int r = yusuan_table_find_row (table, project);

  g_assert_cmpint (r, >=, 0);
  g_assert_cmpuint ((guint) r + k, <, yusuan_table_get_n_rows (table));
  g_assert_cmpstr (yusuan_table_get_row (table, (guint) r + k)->key, ==, project);
  g_assert_cmpint (yusuan_table_get_row (table, (guint) r + k)->kind, ==,
                   k == 0 ? YUSUAN_ROW_PROJECT : YUSUAN_ROW_INDICATOR);
  return t12_side_by_side (table, (guint) r + k);
}

/* How many rows after a project's own continue it. */
static guint
t12_n_continuing (YusuanTable *table,
                  const char  *project)
{
  int r = yusuan_table_find_row (table, project);
  guint n = 0;

  g_assert_cmpint (r, >=, 0);
  while ((guint) r + 1 + n < yusuan_table_get_n_rows (table)
         && yusuan_table_get_row (table, (guint) r + 1 + n)->kind == YUSUAN_ROW_INDICATOR)
    {
      g_assert_cmpstr (yusuan_table_get_row (table, (guint) r + 1 + n)->key, ==, project);
      n++;
    }
  return n;
}

#define assert_t12_row(table, project, k, expected) \
  G_STMT_START { \
    g_autofree char *t12_row_ = t12_project_row ((table), (project), (k)); \
    g_assert_cmpstr (t12_row_, ==, (expected)); \
  } G_STMT_END

/* 预算12表: each project's indicators by group, rendered and placed as
 * published: the project's row carries the first indicator of each group
 * side by side, each row after it the next of each group. */
static void
test_seed_project_indicators (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog (), 12);
  g_auto(GStrv) lines = read_data ("seed-indicators.txt");
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) actual = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  guint n_projects = 0;
  int project_row;

  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_ptr_array_add (expected, g_strdup (lines[i]));

  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    {
      const YusuanTableRow *row = yusuan_table_get_row (table, r);
      guint found = 0;

      if (row->kind == YUSUAN_ROW_PROJECT)
        n_projects++;
      if (row->kind != YUSUAN_ROW_PROJECT && row->kind != YUSUAN_ROW_INDICATOR)
        continue;
      /* A row continuing a project follows the project's row or another like it. */
      if (row->kind == YUSUAN_ROW_INDICATOR)
        {
          const YusuanTableRow *above = yusuan_table_get_row (table, r - 1);

          g_assert_true (above->kind == YUSUAN_ROW_PROJECT || above->kind == YUSUAN_ROW_INDICATOR);
          g_assert_cmpstr (above->key, ==, row->key);
        }
      g_assert_true (row->in_csv);
      for (guint g = 0; g < G_N_ELEMENTS (t12_groups); g++)
        {
          g_autofree char *name_id = g_strconcat (t12_groups[g], "-indicator", NULL);
          g_autofree char *value_id = g_strconcat (t12_groups[g], "-value", NULL);
          const char *name = yusuan_table_get_text (table, r, (guint) column_index (table, name_id));
          const char *value = yusuan_table_get_text (table, r, (guint) column_index (table, value_id));

          if (name == NULL)
            continue;
          g_ptr_array_add (actual, g_strdup_printf ("%s\t%s\t%s\t%s", row->key, t12_groups[g], name, value));
          found++;
        }
      /* No row only continues without holding anything. */
      if (row->kind == YUSUAN_ROW_INDICATOR)
        g_assert_cmpuint (found, >=, 1);
    }
  g_assert_cmpuint (n_projects, ==, 9);

  /* All 72, each once. */
  g_assert_cmpuint (expected->len, ==, 72);
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_sort (actual, compare_strings);
  g_ptr_array_add (expected, NULL);
  g_ptr_array_add (actual, NULL);
  want = g_strjoinv ("\n", (char **) expected->pdata);
  got = g_strjoinv ("\n", (char **) actual->pdata);
  g_assert_cmpstr (got, ==, want);

  /* Renderings: ≥95%, 100次, ≤8万元, 及时, 44318.04平方米, 1次/季 */
  g_assert_nonnull (strstr (got, "\t≥95%"));
  g_assert_nonnull (strstr (got, "租车次数\t100次"));
  g_assert_nonnull (strstr (got, "维修（护）成本\t≤8万元"));
  g_assert_nonnull (strstr (got, "到位及时性\t及时"));
  g_assert_nonnull (strstr (got, "维护维修面积\t44318.04平方米"));
  g_assert_nonnull (strstr (got, "水费缴纳次数\t1次/季"));

  /* Placed as the published page prints them, row by row. */
  assert_t12_row (table, "411200230000000002812", 0,
                  "律师成本 ≤5万元|政府安保 安全|保卫政府大院安全工作正常开展 正常|保安、律师满意度 ≥95%");
  assert_t12_row (table, "411200230000000002812", 1, "保安成本 ≤120.2万元|聘请保安数量 ≥20人|政府应诉水平 良好|-");
  assert_t12_row (table, "411200230000000002812", 2, "-|劳务费发放及时性 及时|律师代理效果 良好|-");
  assert_t12_row (table, "411200230000000002812", 3, "-|聘请律师人数 ≥1人|-|-");
  g_assert_cmpuint (t12_n_continuing (table, "411200230000000002812"), ==, 3);

  assert_t12_row (table, "411200230000000002806", 0, "人均成本合规性 合规|培训及时率 ≥90%|培训水平 良好|工作人员满意度 ≥90%");
  assert_t12_row (table, "411200230000000002806", 1, "-|培训合格率 ≥90%|-|培训人员满意度 ≥90%");
  assert_t12_row (table, "411200230000000002806", 2, "-|培训次数 ≥5次|-|-");
  assert_t12_row (table, "411200230000000002806", 3, "-|培训人数 100人|-|-");
  g_assert_cmpuint (t12_n_continuing (table, "411200230000000002806"), ==, 3);

  /* 002807 has no cost indicator, 002810 no satisfaction one. */
  assert_t12_row (table, "411200230000000002807", 0, "-|会议次数 ≥8次|会议精神落实情况 及时|工作人员满意度 ≥95%");
  assert_t12_row (table, "411200230000000002807", 1, "-|会议出勤率 ≥95%|会务水平 提升|参会人员满意度 ≥95%");
  g_assert_cmpuint (t12_n_continuing (table, "411200230000000002807"), ==, 3);
  assert_t12_row (table, "411200230000000002810", 0, "项目运行成本 ≤35万元|保障科室 30个|网站运转状态 正常|-");
  g_assert_cmpuint (t12_n_continuing (table, "411200230000000002810"), ==, 6);

  /* The largest group sets a project's rows: 002006's six outputs. */
  assert_t12_row (table, "411200230000000002006", 0,
                  "-|租车次数 100次|对单位履职、促进事业发展的影响或提升程度 较高|工作人员满意度 ≥95%");
  assert_t12_row (table, "411200230000000002006", 5, "-|停水故障率 0次|-|-");
  g_assert_cmpuint (t12_n_continuing (table, "411200230000000002006"), ==, 5);

  /* The department, its unit, nine projects and 35 rows continuing them,
   * where one indicator a row took 83. */
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, 46);

  /* 2023公车运行费用 has no targets: its row and nothing under it. */
  project_row = yusuan_table_find_row (table, "411200230000000025604");
  g_assert_cmpint (project_row, >=, 0);
  g_assert_cmpint (yusuan_table_get_row (table, (guint) project_row)->kind, ==, YUSUAN_ROW_PROJECT);
  assert_t12_row (table, "411200230000000025604", 0, "-|-|-|-");
  g_assert_cmpuint (t12_n_continuing (table, "411200230000000025604"), ==, 0);
}

/* 预算12表 in CSV: one row per indicator, keyed by its project, only its
 * group's two columns filled; groups in the order 成本/产出/效益/满意度 and
 * within a group the document's order; the project's own row without them. */
static void
test_seed_project_indicators_csv (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog (), 12);
  g_autofree char *csv = yusuan_table_to_csv (table, YUSUAN_DISPLAY_WAN);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  const char *block[] = {
    "411200230000000002812,411200230000000002812,2023保安、律师等劳务费,125.20,125.20,,,,,,,,,,",
    "411200230000000002812,,,,,,,律师成本,≤5万元,,,,,,",
    "411200230000000002812,,,,,,,保安成本,≤120.2万元,,,,,,",
    "411200230000000002812,,,,,,,,,政府安保,安全,,,,",
    "411200230000000002812,,,,,,,,,聘请保安数量,≥20人,,,,",
    "411200230000000002812,,,,,,,,,劳务费发放及时性,及时,,,,",
    "411200230000000002812,,,,,,,,,聘请律师人数,≥1人,,,,",
    "411200230000000002812,,,,,,,,,,,保卫政府大院安全工作正常开展,正常,,",
    "411200230000000002812,,,,,,,,,,,政府应诉水平,良好,,",
    "411200230000000002812,,,,,,,,,,,律师代理效果,良好,,",
    "411200230000000002812,,,,,,,,,,,,,保安、律师满意度,≥95%",
    "411200230000000002814,411200230000000002814,2023派驻纪检组经费,24.60,24.60,,,,,,,,,,",
  };
  guint n_lines = g_strv_length (lines), at = 0;
  guint n_indicators = 0;

  g_assert_cmpstr (lines[0], ==,
                   "key,code,name,total,fund-government,fund-fiscal-special-account,fund-unit,"
                   "cost-indicator,cost-value,output-indicator,output-value,effect-indicator,effect-value,"
                   "satisfaction-indicator,satisfaction-value");
  /* The header, the department, the unit, 9 projects, 72 indicators, and "" after the last newline. */
  g_assert_cmpuint (n_lines, ==, 1 + 2 + 9 + 72 + 1);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 1; i + 1 < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      guint filled = 0;

      g_assert_cmpuint (g_strv_length (fields), ==, 15);
      if (g_str_equal (lines[i], block[0]))
        at = i;
      if (fields[1][0] != '\0')
        continue;  /* the department, the unit or a project */
      /* An indicator: one group's name and value, nothing else but the key. */
      for (guint c = 1; c < 15; c++)
        if (fields[c][0] != '\0')
          {
            g_assert_cmpuint (c, >=, 7);
            filled++;
          }
      g_assert_cmpuint (filled, ==, 2);
      g_assert_true (g_str_has_prefix (fields[0], "4112002300000000"));
      n_indicators++;
    }
  g_assert_cmpuint (n_indicators, ==, 72);

  g_assert_cmpuint (at, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (block); i++)
    g_assert_cmpstr (lines[at + i], ==, block[i]);
}

/* 预算11表: duties, tasks, the budget box and the department's indicators. */
static void
test_seed_performance (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog (), 11);
  g_auto(GStrv) lines = read_data ("seed-performance.txt");
  int level2 = column_index (table, "level2");
  int level3 = column_index (table, "level3");
  int value = column_index (table, "value");
  int explanation = column_index (table, "explanation");
  guint next = 0, n_indicators = 0;
  int row;

  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    {
      const YusuanTableRow *tr = yusuan_table_get_row (table, r);
      g_auto(GStrv) fields = NULL;

      if (tr->kind != YUSUAN_ROW_INDICATOR)
        continue;
      while (lines[next] && (lines[next][0] == '#' || lines[next][0] == '\0'))
        next++;
      g_assert_nonnull (lines[next]);
      fields = g_strsplit (lines[next++], "\t", 4);
      g_assert_cmpstr (tr->key, ==, "department");
      g_assert_true (tr->in_csv);
      g_assert_cmpstr (yusuan_table_get_text (table, r, (guint) level2), ==, fields[1]);
      g_assert_cmpstr (yusuan_table_get_text (table, r, (guint) level3), ==, fields[2]);
      g_assert_cmpstr (yusuan_table_get_text (table, r, (guint) value), ==, fields[3]);
      n_indicators++;
    }
  g_assert_cmpuint (n_indicators, ==, 24);

  row = yusuan_table_find_row (table, "预算执行率");
  g_assert_cmpint (row, <, 0);
  /* 指标值说明 */
  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    if (g_strcmp0 (yusuan_table_get_text (table, r, (guint) level3), "预算执行率") == 0)
      g_assert_cmpstr (yusuan_table_get_text (table, r, (guint) explanation), ==,
                       "预算执行率=（预算完成数/预算数）×100%。");

  /* 13 duties and 6 tasks, in order. */
  g_assert_cmpint (yusuan_table_find_row (table, "duty-13"), >=, 0);
  g_assert_cmpint (yusuan_table_find_row (table, "duty-14"), <, 0);
  g_assert_cmpstr (text (table, "duty-13", "explanation"), ==, "完成市委、市政府交办的其他任务。");
  g_assert_cmpstr (text (table, "duty-2", "explanation"), ==, "围绕市政府中心工作和市政府领导同志批示，组织专题调查研究。");
  g_assert_cmpstr (text (table, "task-1", "level1"), ==, "调查研究");
  g_assert_cmpstr (text (table, "task-6", "level1"), ==, "政务公开");
  g_assert_cmpstr (text (table, "task-5", "explanation"), ==, "保障市政府办公室各项工作正常运转");
  g_assert_cmpint (yusuan_table_find_row (table, "task-7"), <, 0);
  g_assert_false (yusuan_table_get_row (table, (guint) yusuan_table_find_row (table, "duty-1"))->in_csv);
  g_assert_cmpint (yusuan_table_find_row (table, "duty-1"), <, yusuan_table_find_row (table, "task-1"));
  g_assert_cmpint (yusuan_table_find_row (table, "task-6"), <, yusuan_table_find_row (table, "budget-total"));
}

/* CSV and text */

static void
test_csv (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) t03 = yusuan_table_new (document, catalog (), 3);
  g_autoptr(YusuanTable) t06 = yusuan_table_new (document, catalog (), 6);
  g_autofree char *csv = yusuan_table_to_csv (t03, YUSUAN_DISPLAY_WAN);
  g_autofree char *yuan = yusuan_table_to_csv (t06, YUSUAN_DISPLAY_YUAN);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) yuan_lines = g_strsplit (yuan, "\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "key,class,section,item,unit-code,name,total,basic-subtotal,basic-wages,basic-family,"
                   "basic-goods,basic-capital,project-subtotal,project-operational,project-specific");
  g_assert_cmpstr (lines[1], ==, "total,,,,,Total,3337.84,3018.04,2306.51,456.23,255.30,,319.80,319.80,");
  g_assert_cmpstr (lines[2], ==, "103,,,,103,市人民政府办公室,3337.84,3018.04,2306.51,456.23,255.30,,319.80,319.80,");
  g_assert_cmpstr (lines[5], ==, "2010301,201,03,01,,行政运行,2706.73,2386.93,1751.03,388.85,247.05,,319.80,319.80,");
  g_assert_cmpuint (g_strv_length (lines), ==, 17 + 2);  /* header, 17 rows, the empty end */

  g_assert_cmpstr (yuan_lines[0], ==,
                   "key,econ-dept-code,econ-dept-name,econ-gov-code,econ-gov-name,total,personnel,public");
  g_assert_true (g_str_has_prefix (yuan_lines[1], "total,,Total,,,30180372.00,"));
}

static void
test_csv_quoting (void)
{
  g_autoptr(YusuanDocument) document = yusuan_document_new ();
  g_autoptr(YusuanTable) table = NULL;
  g_autofree char *csv = NULL;
  YusuanLine values = { 0, };
  const YusuanProject *project;

  yusuan_document_set_header (document, 2024, YUSUAN_STAGE_FIRST_PROPOSAL, "901", "测试部门", NULL);
  yusuan_document_add_unit (document, "901001", "单位,\"一\"", YUSUAN_UNIT_KIND_ADMINISTRATIVE);
  project = yusuan_document_add_project (document, "=1+1", "@SUM(A1:A9)", "901001",
                                         YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
  values.project_id = project->id;
  strcpy (values.function, "2010301");
  strcpy (values.econ_dept, "30201");
  strcpy (values.econ_gov, "50201");
  values.fund = YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  values.amount = 123456;
  yusuan_document_add_line (document, &values);
  project = yusuan_document_add_project (document, "-2", "多行\n名称", "901001",
                                         YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);

  table = yusuan_table_new (document, catalog (), 10);
  csv = yusuan_table_to_csv (table, YUSUAN_DISPLAY_YUAN);

  /* Formulas made inert, separators and quotes quoted, newlines kept inside quotes. */
  g_assert_nonnull (strstr (csv, "\n'=1+1,'=1+1,"));
  g_assert_nonnull (strstr (csv, ",'@SUM(A1:A9),\"单位,\"\"一\"\"\",1234.56,1234.56,"));
  /* A project without lines is a row with empty amounts. */
  g_assert_nonnull (strstr (csv, "\n'-2,'-2,Other operational,\"多行\n名称\",\"单位,\"\"一\"\"\",,,,,,,,,\n"));
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
test_text (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog (), 6);
  g_autofree char *out = yusuan_table_to_text (table, YUSUAN_DISPLAY_WAN);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *title = yusuan_table_dup_title (table);
  guint column_end = 0, rows = 0;

  g_assert_nonnull (strstr (lines[0], title));
  g_assert_nonnull (strstr (out, "2894.27"));
  g_assert_nonnull (strstr (out, "基本工资"));

  /* Right-aligned amounts end in the same terminal column, CJK names or not:
   * the 合计 column is the first amount of each row. */
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *prefix = NULL;
      const char *dot;
      guint end;

      /* Rows of pairs: the government code 50xxx follows the department's. */
      if (!g_ascii_isdigit (lines[i][0]) || strstr (lines[i], " 50") == NULL)
        continue;
      dot = strchr (lines[i], '.');
      g_assert_nonnull (dot);
      prefix = g_strndup (lines[i], (gsize) (dot - lines[i]) + 3);
      end = display_width (prefix);
      if (column_end == 0)
        column_end = end;
      g_assert_cmpuint (end, ==, column_end);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 23);
}

/* Live updates */

typedef struct
{
  YusuanTable *table;
  GPtrArray   *rows;       /* GStrv: key, in_csv, the cells in 元 */
  GPtrArray   *announced;  /* "NN row-key column-id" */
  guint        cells;      /* ::cell-changed emissions */
  guint        row_events; /* ::rows-changed emissions */
  guint        spurious;   /* cell-changed for a cell that did not change */
} Shadow;

/* A row's kind, depth and in_csv, as a shadow keeps them. */
static char *
row_summary (YusuanTable *table,
             guint        r)
{
  const YusuanTableRow *row = yusuan_table_get_row (table, r);

  return g_strdup_printf ("%d %u %d", row->kind, row->depth, row->in_csv);
}

static char **
snapshot_row (YusuanTable *table,
              guint        r)
{
  guint n = yusuan_table_get_n_columns (table);
  char **cells = g_new0 (char *, n + 3);

  cells[0] = g_strdup (yusuan_table_get_row (table, r)->key);
  cells[1] = row_summary (table, r);
  for (guint c = 0; c < n; c++)
    cells[c + 2] = yusuan_table_dup_display (table, r, c, YUSUAN_DISPLAY_YUAN, FALSE);
  return cells;
}

static void
shadow_rows_changed_cb (YusuanTable *table,
                        guint        position,
                        guint        removed,
                        guint        added,
                        Shadow      *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->rows->len);
  g_ptr_array_remove_range (shadow->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->rows, (int) (position + i), snapshot_row (table, position + i));
  g_assert_cmpuint (shadow->rows->len, ==, yusuan_table_get_n_rows (table));
  shadow->row_events++;
}

static void
shadow_cell_changed_cb (YusuanTable *table,
                        guint        row,
                        guint        column,
                        Shadow      *shadow)
{
  char **cells;
  g_autofree char *now = NULL;

  g_assert_cmpuint (row, <, shadow->rows->len);
  g_assert_cmpuint (column, <, yusuan_table_get_n_columns (table));
  cells = g_ptr_array_index (shadow->rows, row);
  /* The view's row is the table's row: same key. */
  g_assert_cmpstr (cells[0], ==, yusuan_table_get_row (table, row)->key);
  now = yusuan_table_dup_display (table, row, column, YUSUAN_DISPLAY_YUAN, FALSE);
  if (g_strcmp0 (cells[column + 2], now) == 0)
    shadow->spurious++;
  g_free (cells[column + 2]);
  cells[column + 2] = g_steal_pointer (&now);
  /* in_csv follows the data */
  g_free (cells[1]);
  cells[1] = row_summary (table, row);
  g_ptr_array_add (shadow->announced,
                   g_strdup_printf ("%02u %s %s", yusuan_table_get_number (table), cells[0],
                                    yusuan_table_get_column (table, column)->id));
  shadow->cells++;
}

static Shadow *
shadow_new (YusuanTable *table)
{
  Shadow *shadow = g_new0 (Shadow, 1);

  shadow->table = g_object_ref (table);
  shadow->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  shadow->announced = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    g_ptr_array_add (shadow->rows, snapshot_row (table, r));
  g_signal_connect (table, "rows-changed", G_CALLBACK (shadow_rows_changed_cb), shadow);
  g_signal_connect (table, "cell-changed", G_CALLBACK (shadow_cell_changed_cb), shadow);
  return shadow;
}

static void
shadow_free (Shadow *shadow)
{
  g_signal_handlers_disconnect_by_data (shadow->table, shadow);
  g_object_unref (shadow->table);
  g_ptr_array_unref (shadow->rows);
  g_ptr_array_unref (shadow->announced);
  g_free (shadow);
}

static void
shadow_reset_counts (Shadow *shadow)
{
  g_ptr_array_set_size (shadow->announced, 0);
  shadow->cells = shadow->row_events = shadow->spurious = 0;
}

/* The whole table, one line a row, as a string to compare. */
static char *
dump (GPtrArray *rows,
      guint      n_columns)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns + 2; c++)
        g_string_append_printf (out, "%s%s", c ? "|" : "", cells[c] ? cells[c] : "");
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
dump_table (YusuanTable *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
    g_ptr_array_add (rows, snapshot_row (table, r));
  return dump (rows, yusuan_table_get_n_columns (table));
}

/* What a view updated only from the signals shows, what the table holds,
 * and what a table made afresh holds, are the same, cell for cell. */
static void
assert_consistent (YusuanDocument *document,
                   Shadow         *shadow)
{
  YusuanTable *table = shadow->table;
  g_autoptr(YusuanTable) fresh = yusuan_table_new (document, catalog (), yusuan_table_get_number (table));
  g_autofree char *seen = dump (shadow->rows, yusuan_table_get_n_columns (table));
  g_autofree char *held = dump_table (table);
  g_autofree char *recomputed = dump_table (fresh);

  g_assert_cmpstr (held, ==, recomputed);
  g_assert_cmpstr (seen, ==, held);
  g_assert_cmpuint (shadow->spurious, ==, 0);
}

static char *
announced (GPtrArray *shadows)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < shadows->len; i++)
    {
      Shadow *shadow = g_ptr_array_index (shadows, i);

      for (guint j = 0; j < shadow->announced->len; j++)
        g_ptr_array_add (all, g_ptr_array_index (shadow->announced, j));
    }
  g_ptr_array_sort (all, compare_strings);
  g_ptr_array_add (all, NULL);
  return g_strjoinv ("\n", (char **) all->pdata);
}

static GPtrArray *
shadows_for (GPtrArray *tables)
{
  GPtrArray *shadows = g_ptr_array_new_with_free_func ((GDestroyNotify) shadow_free);

  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (shadows, shadow_new (g_ptr_array_index (tables, i)));
  return shadows;
}

static const YusuanLine *
find_basic_line (YusuanDocument *document,
                 const char     *function,
                 const char     *econ_dept)
{
  for (guint i = 0; i < yusuan_document_get_n_basic_lines (document); i++)
    {
      const YusuanLine *line = yusuan_document_get_basic_line (document, i);

      if (g_str_equal (line->function, function) && g_str_equal (line->econ_dept, econ_dept))
        return line;
    }
  g_assert_not_reached ();
}

/* Editing one line announces exactly the cells that depend on it. */
static void
test_live_edit (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autoptr(GPtrArray) shadows = shadows_for (tables);
  const YusuanLine *line = find_basic_line (document, "2080501", "30229");
  YusuanAmount before = line->amount;
  g_autofree char *got = NULL;
  GString *want = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  /* 30229 福利费, 2080501 行政单位离退休, basic, personnel by its stated category. */
  for (guint t = 3; t <= 5; t += 2)
    for (const char *const *key = (const char *const[]) { "total", "103", "208", "20805", "2080501", NULL }; *key; key++)
      for (const char *const *column = (const char *const[]) { "total", "basic-subtotal", "basic-goods", NULL }; *column; column++)
        g_ptr_array_add (lines, g_strdup_printf ("%02u %s %s", t, *key, *column));
  for (const char *const *key = (const char *const[]) { "208", "expenditure-current-year", "expenditure-total", NULL }; *key; key++)
    {
      g_ptr_array_add (lines, g_strdup_printf ("01 %s amount", *key));
      for (const char *const *column = (const char *const[]) { "total", "fund-general-public-budget",
                                                               "fund-general-public-budget-appropriation", NULL }; *column; column++)
        g_ptr_array_add (lines, g_strdup_printf ("04 %s %s", *key, *column));
    }
  for (const char *const *key = (const char *const[]) { "total", "30229/50201", NULL }; *key; key++)
    {
      g_ptr_array_add (lines, g_strdup_printf ("06 %s total", *key));
      g_ptr_array_add (lines, g_strdup_printf ("06 %s personnel", *key));
    }
  for (const char *const *key = (const char *const[]) { "total", "103", "30229/50201", NULL }; *key; key++)
    for (const char *const *column = (const char *const[]) { "total", "fund-general-public-budget",
                                                             "fund-general-public-budget-appropriation", NULL }; *column; column++)
      g_ptr_array_add (lines, g_strdup_printf ("07 %s %s", *key, *column));
  for (const char *const *key = (const char *const[]) { "budget-total", "budget-government", "budget-basic", NULL }; *key; key++)
    g_ptr_array_add (lines, g_strdup_printf ("11 %s amount", *key));
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (want, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (lines, i));
  expected = g_string_free (want, FALSE);

  /* One fen more: invisible in 万元, but the exact value changed. */
  yusuan_document_set_line_amount (document, line->id, before + 1);
  got = announced (shadows);
  g_assert_cmpstr (got, ==, expected);
  for (guint i = 0; i < shadows->len; i++)
    {
      Shadow *shadow = g_ptr_array_index (shadows, i);

      g_assert_cmpuint (shadow->row_events, ==, 0);
      assert_consistent (document, shadow);
      shadow_reset_counts (shadow);
    }
  assert_cell (g_ptr_array_index (tables, 2), "2080501", "basic-goods", "8.25");

  /* Undo announces the same cells back. */
  g_assert_true (yusuan_document_undo (document));
  g_clear_pointer (&got, g_free);
  got = announced (shadows);
  g_assert_cmpstr (got, ==, expected);
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  /* A change to nothing announces nothing. */
  for (guint i = 0; i < shadows->len; i++)
    shadow_reset_counts (g_ptr_array_index (shadows, i));
  yusuan_document_set_line_amount (document, line->id, before);
  g_clear_pointer (&got, g_free);
  got = announced (shadows);
  g_assert_cmpstr (got, ==, "");
}

/* Rows come while a line stands for them, and go with it, even at zero. */
static void
test_live_rows (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autoptr(GPtrArray) shadows = shadows_for (tables);
  YusuanTable *t01 = g_ptr_array_index (tables, 0);
  YusuanTable *t03 = g_ptr_array_index (tables, 2);
  YusuanTable *t09 = g_ptr_array_index (tables, 8);
  Shadow *s03 = g_ptr_array_index (shadows, 2);
  YusuanLine values = yusuan_test_line (0, "103001", "2130101", "30201", "50201",
                                        YUSUAN_FUND_GOVERNMENT_FUND, YUSUAN_CATEGORY_PUBLIC, 0);
  const YusuanLine *line;
  guint n03 = yusuan_table_get_n_rows (t03);
  g_autofree char *before = csv_keys (t01);
  g_autofree char *after = NULL;
  guint id;

  /* A zero line still makes its rows: 213 → 21301 → 2130101. */
  line = yusuan_document_add_line (document, &values);
  id = line->id;
  g_assert_cmpuint (yusuan_table_get_n_rows (t03), ==, n03 + 3);
  g_assert_cmpuint (s03->row_events, ==, 3);
  assert_cell (t03, "2130101", "total", "0.00");
  assert_cell (t03, "2130101", "basic-goods", "0.00");
  assert_cell (t03, "2130101", "project-subtotal", "");
  /* 01 shows every 类 already; CSV now shows 213. */
  after = csv_keys (t01);
  g_assert_cmpstr (before, !=, after);
  g_assert_nonnull (strstr (after, " 213 "));
  /* 09 is no longer empty. */
  g_assert_cmpint (yusuan_table_find_row (t09, "empty"), <, 0);
  assert_cell (t09, "2130101", "total", "0.00");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  yusuan_document_set_line_amount (document, id, 1234567);
  assert_cell (t03, "213", "basic-goods", "1.23");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  /* Moving the line to another 项 of the same 款 keeps 213 and 21301. */
  values = *yusuan_document_lookup_line (document, id);
  g_strlcpy (values.function, "2130102", sizeof values.function);
  yusuan_document_set_line (document, id, &values);
  g_assert_cmpint (yusuan_table_find_row (t03, "2130101"), <, 0);
  g_assert_cmpint (yusuan_table_find_row (t03, "2130102"), >, yusuan_table_find_row (t03, "21301"));
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  yusuan_document_remove_line (document, id);
  g_assert_cmpuint (yusuan_table_get_n_rows (t03), ==, n03);
  g_assert_cmpint (yusuan_table_find_row (t09, "empty"), >, 0);
  g_clear_pointer (&after, g_free);
  after = csv_keys (t01);
  g_assert_cmpstr (before, ==, after);
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));
}

static void
test_live_projects (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autoptr(GPtrArray) shadows = shadows_for (tables);
  YusuanTable *t03 = g_ptr_array_index (tables, 2);
  YusuanTable *t10 = g_ptr_array_index (tables, 9);
  YusuanTable *t12 = g_ptr_array_index (tables, 11);
  g_autofree char *csv10 = yusuan_table_to_csv (t10, YUSUAN_DISPLAY_YUAN);
  g_autofree char *csv12 = yusuan_table_to_csv (t12, YUSUAN_DISPLAY_YUAN);
  g_autofree char *again = NULL;
  const YusuanProject *project;
  YusuanIndicator indicator = { 0, };
  YusuanLine values;
  guint id, n12;

  project = yusuan_document_add_project (document, "411200230000000000001", "2023新项目", "103001",
                                         YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
  id = project->id;
  /* A project is a row before it has lines. */
  g_assert_cmpint (yusuan_table_find_row (t10, "411200230000000000001"), ==, 2);
  assert_cell (t10, "411200230000000000001", "total", "");
  values = yusuan_test_line (id, "", "2010399", "30227", "50205", YUSUAN_FUND_GENERAL_PUBLIC_BUDGET,
                             YUSUAN_CATEGORY_PUBLIC, 50000000);
  yusuan_document_add_line (document, &values);
  assert_cell (t10, "411200230000000000001", "total", "50.00");
  assert_cell (t10, "total", "total", "369.80");
  assert_cell (t03, "total", "project-specific", "50.00");
  assert_cell (t03, "2010399", "project-specific", "50.00");

  indicator.level1 = YUSUAN_LEVEL1_OUTPUT;
  indicator.name = (char *) "完成率";
  indicator.op = YUSUAN_OPERATOR_GE;
  indicator.value = (char *) "95";
  indicator.unit = (char *) "%";
  n12 = yusuan_table_get_n_rows (t12);
  /* The first output indicator goes on the project's row, the second on a row of its own. */
  yusuan_document_add_indicator (document, id, &indicator);
  g_assert_cmpuint (yusuan_table_get_n_rows (t12), ==, n12);
  assert_t12_row (t12, "411200230000000000001", 0, "-|完成率 ≥95%|-|-");
  indicator.name = (char *) "覆盖率";
  indicator.op = YUSUAN_OPERATOR_EQ;
  indicator.value = (char *) "100";
  yusuan_document_add_indicator (document, id, &indicator);
  g_assert_cmpuint (yusuan_table_get_n_rows (t12), ==, n12 + 1);
  assert_t12_row (t12, "411200230000000000001", 1, "-|覆盖率 100%|-|-");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  /* The kind moves its lines between 03's columns; the code moves its rows. */
  yusuan_document_set_project (document, id, "411200230000000099999", "2023改名项目", "103001",
                               YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);
  assert_cell (t03, "total", "project-specific", "");
  assert_cell (t03, "total", "project-operational", "369.80");
  g_assert_cmpint (yusuan_table_find_row (t10, "411200230000000099999"),
                   >, yusuan_table_find_row (t10, "411200230000000025604"));
  g_assert_cmpstr (text (t10, "411200230000000099999", "name"), ==, "2023改名项目");
  assert_t12_row (t12, "411200230000000099999", 0, "-|完成率 ≥95%|-|-");
  assert_t12_row (t12, "411200230000000099999", 1, "-|覆盖率 100%|-|-");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  yusuan_document_remove_project (document, id);
  again = yusuan_table_to_csv (t10, YUSUAN_DISPLAY_YUAN);
  g_assert_cmpstr (again, ==, csv10);
  g_clear_pointer (&again, g_free);
  again = yusuan_table_to_csv (t12, YUSUAN_DISPLAY_YUAN);
  g_assert_cmpstr (again, ==, csv12);
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  /* Undo brings it back whole, lines and indicators. */
  g_assert_true (yusuan_document_undo (document));
  assert_cell (t10, "411200230000000099999", "total", "50.00");
  g_assert_cmpuint (yusuan_table_get_n_rows (t12), ==, n12 + 1);
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));
}

static guint
indicator_named (YusuanDocument *document,
                 const char     *project_code,
                 const char     *name)
{
  const YusuanProject *project = yusuan_document_find_project (document, project_code);

  g_assert_nonnull (project);
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const YusuanIndicator *indicator = g_ptr_array_index (project->indicators, i);

      if (g_str_equal (indicator->name, name))
        return indicator->id;
    }
  g_assert_not_reached ();
}

#define assert_announced(shadow, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) one_ = g_ptr_array_new (); \
    g_autofree char *got_ = NULL; \
    g_ptr_array_add (one_, (shadow)); \
    got_ = announced (one_); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* 预算12表 follows a project's indicators side by side: what moves up into
 * a cell, what another group takes, rows the largest group adds or frees,
 * each announced as a view needs it and nothing more. */
static void
test_live_indicators_side_by_side (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog (), 12);
  Shadow *shadow = shadow_new (table);
  g_autofree char *csv = yusuan_table_to_csv (table, YUSUAN_DISPLAY_YUAN);
  g_autofree char *again = NULL;
  const char *project = "411200230000000002812";
  guint project_id = yusuan_document_find_project (document, project)->id;
  guint n_rows = yusuan_table_get_n_rows (table);
  YusuanIndicator values;

  /* Without 律师成本, 保安成本 moves up onto the project's row. */
  yusuan_document_remove_indicator (document, project_id, indicator_named (document, project, "律师成本"));
  assert_t12_row (table, project, 0,
                  "保安成本 ≤120.2万元|政府安保 安全|保卫政府大院安全工作正常开展 正常|保安、律师满意度 ≥95%");
  assert_t12_row (table, project, 1, "-|聘请保安数量 ≥20人|政府应诉水平 良好|-");
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, n_rows);
  g_assert_cmpuint (shadow->row_events, ==, 0);
  assert_announced (shadow,
                    "12 411200230000000002812 cost-indicator\n12 411200230000000002812 cost-indicator\n"
                    "12 411200230000000002812 cost-value\n12 411200230000000002812 cost-value");
  assert_consistent (document, shadow);
  shadow_reset_counts (shadow);

  /* 聘请律师人数 read as an effect: the fourth row holds it in that column. */
  values = *yusuan_document_get_indicator (document, project_id,
                                           yusuan_document_get_n_indicators (document, project_id) - 1);
  g_assert_cmpstr (values.name, ==, "聘请律师人数");
  values.level1 = YUSUAN_LEVEL1_EFFECT;
  yusuan_document_set_indicator (document, project_id, values.id, &values);
  assert_t12_row (table, project, 3, "-|-|聘请律师人数 ≥1人|-");
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, n_rows);
  g_assert_cmpuint (shadow->row_events, ==, 0);
  assert_announced (shadow,
                    "12 411200230000000002812 effect-indicator\n12 411200230000000002812 effect-value\n"
                    "12 411200230000000002812 output-indicator\n12 411200230000000002812 output-value");
  assert_consistent (document, shadow);
  shadow_reset_counts (shadow);

  /* Gone: the largest group is one shorter, and so is the project's block. */
  yusuan_document_remove_indicator (document, project_id, values.id);
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, n_rows - 1);
  g_assert_cmpuint (shadow->row_events, ==, 1);
  g_assert_cmpuint (t12_n_continuing (table, project), ==, 2);
  assert_t12_row (table, project, 2, "-|劳务费发放及时性 及时|律师代理效果 良好|-");
  assert_announced (shadow, "");
  assert_consistent (document, shadow);
  shadow_reset_counts (shadow);

  /* A second satisfaction indicator takes the free cell of the second row. */
  memset (&values, 0, sizeof values);
  values.level1 = YUSUAN_LEVEL1_SATISFACTION;
  values.name = (char *) "群众满意度";
  values.op = YUSUAN_OPERATOR_GE;
  values.value = (char *) "90";
  values.unit = (char *) "%";
  yusuan_document_add_indicator (document, project_id, &values);
  assert_t12_row (table, project, 1, "-|聘请保安数量 ≥20人|政府应诉水平 良好|群众满意度 ≥90%");
  g_assert_cmpuint (shadow->row_events, ==, 0);
  assert_announced (shadow,
                    "12 411200230000000002812 satisfaction-indicator\n12 411200230000000002812 satisfaction-value");
  assert_consistent (document, shadow);

  /* Undone, all of it: the published table and its CSV again. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (yusuan_document_undo (document));
  assert_t12_row (table, project, 0,
                  "律师成本 ≤5万元|政府安保 安全|保卫政府大院安全工作正常开展 正常|保安、律师满意度 ≥95%");
  assert_t12_row (table, project, 3, "-|聘请律师人数 ≥1人|-|-");
  g_assert_cmpuint (yusuan_table_get_n_rows (table), ==, n_rows);
  again = yusuan_table_to_csv (table, YUSUAN_DISPLAY_YUAN);
  g_assert_cmpstr (again, ==, csv);
  assert_consistent (document, shadow);

  shadow_free (shadow);
}

static void
test_live_undo (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  const YusuanLine *line = find_basic_line (document, "2010301", "30103");
  YusuanLine values = *line;
  YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC] = { 0, 0, 12000000, 1500000 };

  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (before, yusuan_table_to_csv (g_ptr_array_index (tables, i), YUSUAN_DISPLAY_YUAN));

  yusuan_document_set_line_amount (document, line->id, 1);
  values.fund = YUSUAN_FUND_CARRYOVER_STATE_CAPITAL;
  values.category = YUSUAN_CATEGORY_PUBLIC;
  g_strlcpy (values.econ_gov, "50199", sizeof values.econ_gov);
  yusuan_document_set_line (document, line->id, &values);
  yusuan_document_add_revenue (document, "103001", YUSUAN_FUND_CARRYOVER_STATE_CAPITAL, 777);
  yusuan_document_set_three_public (document, amounts);
  assert_cell (g_ptr_array_index (tables, 7), "total", "vehicle-operation", "12.00");
  assert_cell (g_ptr_array_index (tables, 3), "state-capital", "total", "");
  assert_cell (g_ptr_array_index (tables, 3), "carryover-state-capital", "total", "0.00");
  yusuan_document_remove_project (document, yusuan_document_get_project (document, 0)->id);

  while (yusuan_document_can_undo (document))
    yusuan_document_undo (document);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *now = yusuan_table_to_csv (g_ptr_array_index (tables, i), YUSUAN_DISPLAY_YUAN);

      g_assert_cmpstr (now, ==, g_ptr_array_index (before, i));
    }
}

/* Random edits: the live tables equal a recompute, and a view fed only by
 * the signals equals both. */
static void
test_live_random (void)
{
  static const char *const functions[] = {
    "2010301", "2010302", "2080501", "2130101", "2060101", "2999999", "2010399", "2296002",
  };
  static const char *const pairs[][2] = {
    { "30101", "50101" }, { "30201", "50201" }, { "30229", "50201" }, { "31002", "50306" },
    { "30302", "50905" }, { "39999", "59999" }, { "30231", "50502" }, { "30901", "50601" },
  };
  static const char *const units[] = { "103001", "103002", "999999" };
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) shadows = NULL;
  guint steps = g_test_slow () ? 3000 : 600;
  guint project_serial = 0;
  guint indicator_serial = 0;

  yusuan_document_add_unit (document, "103002", "第二单位", YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION);
  tables = all_tables (document);
  shadows = shadows_for (tables);

  for (guint step = 0; step < steps; step++)
    {
      guint n_projects = yusuan_document_get_n_projects (document);
      guint n_basic = yusuan_document_get_n_basic_lines (document);
      int op = g_test_rand_int_range (0, 20);

      switch (op)
        {
        case 0:
        case 1:
        case 2:
          {
            guint p = g_test_rand_int_range (0, 3);
            guint pair = g_test_rand_int_range (0, G_N_ELEMENTS (pairs));
            guint project_id = p == 0 && n_projects > 0
              ? yusuan_document_get_project (document, g_test_rand_int_range (0, n_projects))->id : 0;
            YusuanLine values = yusuan_test_line (project_id, units[g_test_rand_int_range (0, G_N_ELEMENTS (units))],
                                                  functions[g_test_rand_int_range (0, G_N_ELEMENTS (functions))],
                                                  pairs[pair][0], pairs[pair][1],
                                                  g_test_rand_int_range (0, YUSUAN_N_FUNDS),
                                                  g_test_rand_int_range (0, YUSUAN_N_CATEGORIES),
                                                  g_test_rand_int_range (0, 3) == 0 ? 0 : g_test_rand_int_range (1, 100000000));

            yusuan_document_add_line (document, &values);
          }
          break;

        case 3:
        case 4:
          if (n_basic > 0)
            {
              const YusuanLine *line = yusuan_document_get_basic_line (document, g_test_rand_int_range (0, n_basic));

              yusuan_document_set_line_amount (document, line->id, g_test_rand_int_range (0, 100000000));
            }
          break;

        case 5:
          if (n_basic > 0)
            {
              const YusuanLine *line = yusuan_document_get_basic_line (document, g_test_rand_int_range (0, n_basic));
              YusuanLine values = *line;
              guint pair = g_test_rand_int_range (0, G_N_ELEMENTS (pairs));

              switch (g_test_rand_int_range (0, 5))
                {
                case 0: g_strlcpy (values.function, functions[g_test_rand_int_range (0, G_N_ELEMENTS (functions))],
                                   sizeof values.function); break;
                case 1: values.fund = g_test_rand_int_range (0, YUSUAN_N_FUNDS); break;
                case 2: values.category = !values.category; break;
                case 3: g_strlcpy (values.econ_dept, pairs[pair][0], sizeof values.econ_dept);
                        g_strlcpy (values.econ_gov, pairs[pair][1], sizeof values.econ_gov); break;
                default: g_strlcpy (values.unit, units[g_test_rand_int_range (0, G_N_ELEMENTS (units))],
                                    sizeof values.unit); break;
                }
              yusuan_document_set_line (document, line->id, &values);
            }
          break;

        case 6:
          if (n_basic > 0)
            yusuan_document_remove_line (document,
                                         yusuan_document_get_basic_line (document, g_test_rand_int_range (0, n_basic))->id);
          break;

        case 7:
          if (n_projects > 0)
            {
              const YusuanProject *project = yusuan_document_get_project (document, g_test_rand_int_range (0, n_projects));

              if (project->lines->len > 0)
                {
                  const YusuanLine *line = g_ptr_array_index (project->lines, g_test_rand_int_range (0, project->lines->len));

                  if (g_test_rand_bit ())
                    yusuan_document_remove_line (document, line->id);
                  else
                    yusuan_document_set_line_amount (document, line->id, g_test_rand_int_range (0, 100000000));
                }
            }
          break;

        case 8:
          {
            g_autofree char *code = g_strdup_printf ("4112002300000001%05u", project_serial++);
            const YusuanProject *project =
              yusuan_document_add_project (document, code, code, units[g_test_rand_int_range (0, G_N_ELEMENTS (units))],
                                           g_test_rand_int_range (0, YUSUAN_N_PROJECT_KINDS), NULL);
            YusuanIndicator indicator = { 0, };

            indicator.level1 = g_test_rand_int_range (0, 4);
            indicator.name = (char *) "指标";
            indicator.op = YUSUAN_OPERATOR_QUALITATIVE;
            indicator.text = (char *) "及时";
            if (g_test_rand_bit ())
              yusuan_document_add_indicator (document, project->id, &indicator);
          }
          break;

        case 9:
          if (n_projects > 0)
            yusuan_document_remove_project (document,
                                            yusuan_document_get_project (document, g_test_rand_int_range (0, n_projects))->id);
          break;

        case 10:
          if (n_projects > 0)
            {
              const YusuanProject *project = yusuan_document_get_project (document, g_test_rand_int_range (0, n_projects));
              g_autofree char *code = g_test_rand_bit () ? g_strdup_printf ("4112002300000002%05u", project_serial++)
                                                         : g_strdup (project->code);

              yusuan_document_set_project (document, project->id, code, "改", units[g_test_rand_int_range (0, G_N_ELEMENTS (units))],
                                           g_test_rand_int_range (0, YUSUAN_N_PROJECT_KINDS), NULL);
            }
          break;

        case 11:
          {
            guint n = yusuan_document_get_n_revenues (document);

            if (n > 0 && g_test_rand_bit ())
              {
                const YusuanRevenue *revenue = yusuan_document_get_revenue (document, g_test_rand_int_range (0, n));
                YusuanRevenue values = *revenue;

                if (g_test_rand_bit ())
                  yusuan_document_remove_revenue (document, revenue->id);
                else
                  {
                    values.source = g_test_rand_int_range (0, YUSUAN_N_FUNDS);
                    values.amount = g_test_rand_int_range (0, 100000000);
                    g_strlcpy (values.unit, units[g_test_rand_int_range (0, G_N_ELEMENTS (units))], sizeof values.unit);
                    yusuan_document_set_revenue (document, revenue->id, &values);
                  }
              }
            else
              yusuan_document_add_revenue (document, units[g_test_rand_int_range (0, G_N_ELEMENTS (units))],
                                           g_test_rand_int_range (0, YUSUAN_N_FUNDS), g_test_rand_int_range (0, 100000000));
          }
          break;

        case 12:
          yusuan_document_undo (document);
          break;

        case 13:
          yusuan_document_redo (document);
          break;

        case 14:
          {
            YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC];

            for (guint i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
              amounts[i] = g_test_rand_int_range (0, 3) * 5000;
            yusuan_document_set_three_public (document, g_test_rand_bit () ? amounts : NULL);
          }
          break;

        case 16:
          {
            /* An indicator for a project, or for the department (0). */
            guint project_id = n_projects > 0 && g_test_rand_bit ()
              ? yusuan_document_get_project (document, g_test_rand_int_range (0, n_projects))->id : 0;
            YusuanIndicator indicator = { 0, };
            g_autofree char *name = g_strdup_printf ("完成率%u", ++indicator_serial);

            /* Names of their own: a view showing the wrong indicator in a cell differs. */
            indicator.level1 = g_test_rand_int_range (0, project_id ? 4 : 5);
            indicator.level2 = (char *) "二级";
            indicator.name = name;
            indicator.op = YUSUAN_OPERATOR_GE;
            indicator.value = (char *) "95";
            indicator.unit = (char *) "%";
            yusuan_document_add_indicator (document, project_id, &indicator);
          }
          break;

        case 17:
          {
            guint project_id = n_projects > 0 && g_test_rand_bit ()
              ? yusuan_document_get_project (document, g_test_rand_int_range (0, n_projects))->id : 0;
            guint n = yusuan_document_get_n_indicators (document, project_id);

            if (n > 0 && g_test_rand_bit ())
              yusuan_document_remove_indicator (document, project_id,
                                                yusuan_document_get_indicator (document, project_id,
                                                                               g_test_rand_int_range (0, n))->id);
            else if (n > 0)
              {
                /* Another group (12: it moves side by side) or another value. */
                YusuanIndicator values = *yusuan_document_get_indicator (document, project_id,
                                                                         g_test_rand_int_range (0, n));

                if (g_test_rand_bit ())
                  values.level1 = g_test_rand_int_range (0, project_id ? 4 : 5);
                else
                  values.value = g_test_rand_bit () ? (char *) "90" : (char *) "100";
                yusuan_document_set_indicator (document, project_id, values.id, &values);
              }
          }
          break;

        case 18:
          if (g_test_rand_int_range (0, 4) == 0)
            yusuan_document_set_header (document, 2023 + g_test_rand_int_range (0, 2),
                                        yusuan_document_get_stage (document),
                                        g_test_rand_bit () ? "103" : "105",
                                        g_test_rand_bit () ? "市人民政府办公室" : "另一个名字", NULL);
          break;

        case 19:
          {
            const char *const duties[] = { "职责一", "职责二", "职责三" };
            YusuanTask tasks[] = { { (char *) "任务", (char *) "内容" } };

            yusuan_document_set_performance (document, TRUE, duties, g_test_rand_int_range (0, 4),
                                             tasks, g_test_rand_int_range (0, 2));
          }
          break;

        default:
          {
            const YusuanUnit *unit = yusuan_document_find_unit (document, "103002");

            if (unit != NULL)
              yusuan_document_set_unit (document, unit->id, "103002",
                                        g_test_rand_bit () ? "第二单位" : "改名单位", unit->kind);
          }
          break;
        }

      if (step % 100 == 99 || step + 1 == steps)
        for (guint i = 0; i < shadows->len; i++)
          assert_consistent (document, g_ptr_array_index (shadows, i));
      else if (op == 16 || op == 17)
        /* 12 rearranges a project's rows: checked at once, before a rename of
         * everything could mend what was announced wrong. */
        assert_consistent (document, g_ptr_array_index (shadows, 11));
    }

  /* And the explicit recompute agrees with itself. */
  for (guint i = 0; i < tables->len; i++)
    {
      YusuanTable *table = g_ptr_array_index (tables, i);
      g_autofree char *live = dump_table (table);
      g_autofree char *recomputed = NULL;

      yusuan_table_recompute (table);
      recomputed = dump_table (table);
      g_assert_cmpstr (live, ==, recomputed);
      assert_consistent (document, g_ptr_array_index (shadows, i));
    }
}

/* Names follow the department and its units. */
static void
test_live_names (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autoptr(GPtrArray) shadows = shadows_for (tables);
  const YusuanUnit *unit = yusuan_document_find_unit (document, "103001");
  g_autofree char *title = NULL;

  yusuan_document_set_header (document, 2024, yusuan_document_get_stage (document), "104", "新部门", NULL);
  g_assert_cmpint (yusuan_table_find_row (g_ptr_array_index (tables, 2), "103"), <, 0);
  g_assert_cmpstr (text (g_ptr_array_index (tables, 2), "104", "name"), ==, "新部门");
  g_assert_cmpstr (text (g_ptr_array_index (tables, 6), "104", "econ-dept-class"), ==, "104");
  g_assert_cmpstr (text (g_ptr_array_index (tables, 10), "104", "explanation"), ==, "新部门");
  assert_cell (g_ptr_array_index (tables, 11), "104", "total", "319.80");
  title = yusuan_table_dup_title (g_ptr_array_index (tables, 2));
  g_assert_nonnull (strstr (title, "2024"));

  yusuan_document_set_unit (document, unit->id, "103001", "改名的单位", unit->kind);
  g_assert_cmpstr (text (g_ptr_array_index (tables, 1), "103001", "name"), ==, "改名的单位");
  g_assert_cmpstr (text (g_ptr_array_index (tables, 9), "411200230000000002006", "unit"), ==, "改名的单位");
  g_assert_cmpstr (text (g_ptr_array_index (tables, 11), "103001", "name"), ==, "改名的单位");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));

  /* A unit the lines name but the department lacks is shown by its code. */
  yusuan_document_remove_unit (document, unit->id);
  g_assert_cmpstr (text (g_ptr_array_index (tables, 1), "103001", "name"), ==, "103001");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));
}

typedef struct
{
  YusuanDocument *document;
  guint           line_id;
  guint           calls;
} Reentry;

static void
edit_again_cb (YusuanTable *table,
               guint        row,
               guint        column,
               Reentry     *reentry)
{
  /* A view that edits the document while told of a change. */
  if (reentry->calls++ == 0)
    yusuan_document_set_line_amount (reentry->document, reentry->line_id, 123456789);
}

static void
test_live_reentry (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  g_autoptr(GPtrArray) shadows = shadows_for (tables);
  const YusuanLine *first = find_basic_line (document, "2080501", "30229");
  Reentry reentry = { document, find_basic_line (document, "2101101", "30110")->id, 0 };

  g_signal_connect (g_ptr_array_index (tables, 2), "cell-changed", G_CALLBACK (edit_again_cb), &reentry);
  yusuan_document_set_line_amount (document, first->id, 1);
  g_assert_cmpuint (reentry.calls, >, 1);
  assert_cell (g_ptr_array_index (tables, 2), "2101101", "total", "123.46");
  assert_cell (g_ptr_array_index (tables, 2), "2080501", "basic-goods", "0.00");
  for (guint i = 0; i < shadows->len; i++)
    assert_consistent (document, g_ptr_array_index (shadows, i));
}

/* Editing through the table */

static void
test_edit_cells (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanTable) t02 = yusuan_table_new (document, catalog (), 2);
  g_autoptr(YusuanTable) t06 = yusuan_table_new (document, catalog (), 6);
  g_autoptr(YusuanTable) t08 = yusuan_table_new (document, catalog (), 8);
  g_autoptr(YusuanTable) t10 = yusuan_table_new (document, catalog (), 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint row, personnel, public_, total;

  /* 06: 30103/50101 人员经费 stands for two lines (92.05 and 651.43). */
  row = (guint) yusuan_table_find_row (t06, "30103/50101");
  personnel = (guint) column_index (t06, "personnel");
  public_ = (guint) column_index (t06, "public");
  total = (guint) column_index (t06, "total");
  g_assert_true (yusuan_table_is_editable (t06, row, personnel));
  g_assert_false (yusuan_table_is_editable (t06, row, public_));  /* no line behind it */
  g_assert_false (yusuan_table_is_editable (t06, row, total));
  g_assert_false (yusuan_table_is_editable (t06, 0, personnel));
  g_assert_false (yusuan_table_is_editable (t06, row, 0));
  ids = yusuan_table_get_cell_lines (t06, row, personnel);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (yusuan_document_lookup_line (document, g_array_index (ids, guint, 0))->amount, ==, 92049800);
  g_assert_cmpint (yusuan_document_lookup_line (document, g_array_index (ids, guint, 1))->amount, ==, 651425500);

  /* The last line takes the difference. */
  g_assert_true (yusuan_table_set_amount (t06, row, personnel, 800000000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yusuan_document_lookup_line (document, g_array_index (ids, guint, 0))->amount, ==, 92049800);
  g_assert_cmpint (yusuan_document_lookup_line (document, g_array_index (ids, guint, 1))->amount, ==, 800000000 - 92049800);
  assert_cell (t06, "30103/50101", "personnel", "800.00");
  assert_cell (t06, "total", "total", "3074.56");
  /* One undo step. */
  g_assert_true (yusuan_document_undo (document));
  assert_cell (t06, "30103/50101", "personnel", "743.48");

  /* Below what the other lines hold: refused, nothing changed. */
  g_assert_false (yusuan_table_set_amount (t06, row, personnel, 100, &error));
  g_assert_error (error, YUSUAN_TABLE_ERROR, YUSUAN_TABLE_ERROR_NEGATIVE);
  g_clear_error (&error);
  assert_cell (t06, "30103/50101", "personnel", "743.48");
  g_assert_false (yusuan_table_set_amount (t06, 0, total, 100, &error));
  g_assert_error (error, YUSUAN_TABLE_ERROR, YUSUAN_TABLE_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (yusuan_table_set_amount (t06, row, personnel, -1, &error));
  g_assert_error (error, YUSUAN_TABLE_ERROR, YUSUAN_TABLE_ERROR_NEGATIVE);
  g_clear_error (&error);

  /* 10: a project's fund cell. */
  row = (guint) yusuan_table_find_row (t10, "411200230000000002809");
  g_assert_true (yusuan_table_is_editable (t10, row, (guint) column_index (t10, "fund-general-public-budget")));
  g_assert_false (yusuan_table_is_editable (t10, row, (guint) column_index (t10, "total")));
  g_assert_false (yusuan_table_is_editable (t10, 0, (guint) column_index (t10, "fund-general-public-budget")));
  g_assert_true (yusuan_table_set_amount (t10, row, (guint) column_index (t10, "fund-general-public-budget"),
                                          25000000, &error));
  g_assert_no_error (error);
  assert_cell (t10, "411200230000000002809", "total", "25.00");
  assert_cell (t10, "total", "total", "320.80");

  /* 02: a unit's revenue by source, a new revenue where there was none. */
  row = (guint) yusuan_table_find_row (t02, "103001");
  g_clear_pointer (&ids, g_array_unref);
  ids = yusuan_table_get_cell_lines (t02, row, (guint) column_index (t02, "fund-general-public-budget"));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_false (yusuan_table_is_editable (t02, row, (guint) column_index (t02, "total")));
  g_assert_false (yusuan_table_is_editable (t02, 0, (guint) column_index (t02, "fund-government-fund")));
  g_assert_true (yusuan_table_set_amount (t02, row, (guint) column_index (t02, "fund-government-fund"), 1000000, &error));
  g_assert_no_error (error);
  assert_cell (t02, "103001", "fund-government-fund", "1.00");
  assert_cell (t02, "total", "total", "3338.84");

  /* 08: the stated amounts. */
  g_assert_true (yusuan_table_set_amount (t08, 0, (guint) column_index (t08, "vehicle-operation"), 12000000, &error));
  g_assert_no_error (error);
  assert_cell (t08, "total", "total", "13.50");
  assert_cell (t08, "total", "vehicle-subtotal", "12.00");
  g_assert_false (yusuan_table_is_editable (t08, 0, (guint) column_index (t08, "total")));
}

/* Behind every amount cell, the lines (or revenues) that add up to it. */
static void
test_cell_lines (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(GPtrArray) tables = all_tables (document);
  YusuanTable *t03 = g_ptr_array_index (tables, 2);
  const YusuanLine *welfare = find_basic_line (document, "2080501", "30229");
  g_autoptr(GArray) ids = NULL;
  guint cells = 0;

  ids = yusuan_table_get_cell_lines (t03, (guint) yusuan_table_find_row (t03, "2080501"),
                                     (guint) column_index (t03, "basic-goods"));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpuint (g_array_index (ids, guint, 0), ==, welfare->id);

  for (guint t = 0; t < tables->len; t++)
    {
      YusuanTable *table = g_ptr_array_index (tables, t);

      if (yusuan_table_get_number (table) == 8)
        continue;  /* stated, not summed */
      for (guint r = 0; r < yusuan_table_get_n_rows (table); r++)
        for (guint c = 0; c < yusuan_table_get_n_columns (table); c++)
          {
            g_autoptr(GArray) behind = yusuan_table_get_cell_lines (table, r, c);
            gboolean revenues = yusuan_table_cell_is_revenue (table, r, c);
            YusuanAmount amount, sum = 0;
            gboolean has = yusuan_table_get_amount (table, r, c, &amount);

            for (guint i = 0; i < behind->len; i++)
              {
                guint id = g_array_index (behind, guint, i);

                if (revenues)
                  sum += yusuan_document_lookup_revenue (document, id)->amount;
                else
                  sum += yusuan_document_lookup_line (document, id)->amount;
              }
            g_assert_cmpuint (behind->len > 0, ==, has);
            if (has)
              {
                g_assert_cmpint (sum, ==, amount);
                cells++;
              }
          }
    }
  g_assert_cmpuint (cells, >, 300);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  yusuan_core_init ();

  g_test_add_func ("/core/tables/titles", test_titles);
  g_test_add_func ("/core/tables/header-tree", test_header_tree);
  g_test_add_func ("/core/tables/seed/figures", test_seed_figures);
  g_test_add_func ("/core/tables/seed/grouped", test_seed_grouped);
  g_test_add_func ("/core/tables/seed/yuan", test_seed_yuan);
  g_test_add_func ("/core/tables/seed/rows", test_seed_rows);
  g_test_add_func ("/core/tables/seed/texts", test_seed_texts);
  g_test_add_func ("/core/tables/seed/project-indicators", test_seed_project_indicators);
  g_test_add_func ("/core/tables/seed/project-indicators-csv", test_seed_project_indicators_csv);
  g_test_add_func ("/core/tables/seed/performance", test_seed_performance);
  g_test_add_func ("/core/tables/csv", test_csv);
  g_test_add_func ("/core/tables/csv-quoting", test_csv_quoting);
  g_test_add_func ("/core/tables/text", test_text);
  g_test_add_func ("/core/tables/live/edit", test_live_edit);
  g_test_add_func ("/core/tables/live/rows", test_live_rows);
  g_test_add_func ("/core/tables/live/projects", test_live_projects);
  g_test_add_func ("/core/tables/live/undo", test_live_undo);
  g_test_add_func ("/core/tables/live/indicators-side-by-side", test_live_indicators_side_by_side);
  g_test_add_func ("/core/tables/live/random", test_live_random);
  g_test_add_func ("/core/tables/live/names", test_live_names);
  g_test_add_func ("/core/tables/live/reentry", test_live_reentry);
  g_test_add_func ("/core/tables/edit-cells", test_edit_cells);
  g_test_add_func ("/core/tables/cell-lines", test_cell_lines);

  return g_test_run ();
}
