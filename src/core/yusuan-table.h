/* yusuan-table.h - one of 预算01表 … 预算12表, computed live from the document's lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_N_TABLES 12

#define YUSUAN_TABLE_ERROR (yusuan_table_error_quark ())

typedef enum
{
  YUSUAN_TABLE_ERROR_NOT_EDITABLE,  /* a total, a text, or a cell no line stands for */
  YUSUAN_TABLE_ERROR_NEGATIVE,      /* the last line behind the cell would go negative */
} YusuanTableError;

GQuark                yusuan_table_error_quark       (void);

typedef enum
{
  YUSUAN_COLUMN_TEXT,    /* codes, names, indicator texts */
  YUSUAN_COLUMN_AMOUNT,  /* money: exact sum, rounded once when shown */
} YusuanColumnKind;

/* A column header; groups (基本支出 → 人员经费 → 工资福利支出) have children,
 * leaves have a leaf index (the column number used by the cell API). */
typedef struct _YusuanColumn YusuanColumn;
struct _YusuanColumn
{
  char              *id;        /* stable, for CSV headers: "basic-wages", "fund-general-public-budget" */
  char              *label;     /* the official header, translated */
  YusuanColumnKind   kind;
  int                leaf;      /* -1 for a group */
  GPtrArray         *children;  /* YusuanColumn*; NULL or empty for a leaf */
};

typedef enum
{
  YUSUAN_ROW_HEADING,     /* a section label: 收入 / 支出, 年度履职目标 … */
  YUSUAN_ROW_TOTAL,       /* total / revenue-total / expenditure-total */
  YUSUAN_ROW_DEPARTMENT,
  YUSUAN_ROW_UNIT,
  YUSUAN_ROW_SOURCE,      /* a revenue source or fund (01, 04) */
  YUSUAN_ROW_FUNCTION,    /* 类 / 款 / 项: depth 0 / 1 / 2 */
  YUSUAN_ROW_ECONOMIC,    /* 30101/50101 */
  YUSUAN_ROW_PROJECT,
  YUSUAN_ROW_INDICATOR,   /* 11: one indicator; 12: a row continuing its project's indicators */
  YUSUAN_ROW_TEXT,        /* a duty, a task, a budget figure of table 11 */
} YusuanRowKind;

typedef struct
{
  char          *key;    /* the CSV key: "total", "103", "2010301", "30101/50101", a project code … */
  YusuanRowKind  kind;
  guint          depth;  /* indentation */
  gboolean       in_csv; /* FALSE for rows only the official layout shows (empty 类, headings) */
} YusuanTableRow;

/* Row keys (the first CSV column), table by table:
 *   01  revenue sources by token ("general-public-budget" …), "revenue-current-year",
 *       "carryover-in", "revenue-total"; every 类 ("201" …), "expenditure-current-year",
 *       "carryover-out", "expenditure-total".  Empty sources and 类 are rows of the
 *       official layout only (in_csv FALSE), as are the headings.
 *   02  "total", the department code, unit codes.
 *   03, 05, 09  "total", the department code, 类 / 款 / 项 ("201", "20103", "2010301");
 *       an empty 09 has a heading row "empty" that says so.
 *   04  "revenue-current-year", its three appropriation sources, "carryover-in", the three
 *       carried-over sources ("carryover-general-public-budget" …), "revenue-total";
 *       "expenditure-current-year", every 类, "carryover-out", "expenditure-total".
 *   06, 07  "total" (07: and the department code), economic pairs "30101/50101".
 *   08  "total".
 *   10  "total", the department code, project codes.
 *   11  "department" for each indicator; "budget-total", "budget-government",
 *       "budget-fiscal-special-account", "budget-unit-funds", "budget-basic",
 *       "budget-project"; duties ("duty-1" …) and tasks ("task-1" …) are layout only.
 *   12  the department code, unit codes, each project code; as published, a
 *       project's row holds the first indicator of each group (成本/产出/效益/
 *       满意度) side by side, and YUSUAN_ROW_INDICATOR rows keyed by its code
 *       the second of each, the third …, as many as its largest group needs.
 *       CSV gives each indicator its own row after its project's, keyed by the
 *       project's code, only its group's two columns filled.
 * Keys of 11 and 12 repeat: yusuan_table_find_row gives the first. */

#define YUSUAN_TYPE_TABLE (yusuan_table_get_type ())
G_DECLARE_FINAL_TYPE (YusuanTable, yusuan_table, YUSUAN, TABLE, GObject)

/* @number is 1 … 12.  The table follows the document's changes from then on:
 * when a line changes only the cells that depend on it change, each announced
 * by ::cell-changed (row, column); rows appearing or going away are announced
 * by ::rows-changed (position, removed, added) as GListModel::items-changed. */
YusuanTable          *yusuan_table_new               (YusuanDocument *document,
                                                      YusuanCatalog  *catalog,
                                                      guint           number);

guint                 yusuan_table_get_number        (YusuanTable *self);
/* "预算03表" */
char                 *yusuan_table_dup_code          (YusuanTable *self);
/* "2023年部门支出总体情况表" (the year from the document) */
char                 *yusuan_table_dup_title         (YusuanTable *self);
/* The title without the year, for menus: "部门支出总体情况表" */
const char           *yusuan_table_name_for_number   (guint number);

/* The table's footnote as the official layout prints it ("本表仅含当年财政拨款安排的支出"), or NULL. */
char                 *yusuan_table_dup_note          (YusuanTable *self);

/* The header tree: the root's children are the top-level columns. */
const YusuanColumn   *yusuan_table_get_header        (YusuanTable *self);
guint                 yusuan_table_get_n_columns     (YusuanTable *self);
const YusuanColumn   *yusuan_table_get_column        (YusuanTable *self, guint leaf);

guint                 yusuan_table_get_n_rows        (YusuanTable *self);
const YusuanTableRow *yusuan_table_get_row           (YusuanTable *self, guint row);
/* -1 if no row has @key */
int                   yusuan_table_find_row          (YusuanTable *self, const char *key);

/* Amount cells: FALSE when the cell is empty in the official layout (a text
 * column, or nothing stands for it); an amount of zero from lines that sum to
 * zero is TRUE with 0. */
gboolean              yusuan_table_get_amount        (YusuanTable  *self,
                                                      guint         row,
                                                      guint         column,
                                                      YusuanAmount *out_amount);
/* Text cells (codes, names, indicator values such as "≥95%"); NULL if empty. */
const char           *yusuan_table_get_text          (YusuanTable *self,
                                                      guint        row,
                                                      guint        column);
/* What a view shows: text, or the amount rounded once in @unit ("" if empty). */
char                 *yusuan_table_dup_display       (YusuanTable       *self,
                                                      guint              row,
                                                      guint              column,
                                                      YusuanDisplayUnit  unit,
                                                      gboolean           grouped);

/* Leaf cells that stand for lines: editable, and the lines behind them (ids). */
gboolean              yusuan_table_is_editable       (YusuanTable *self,
                                                      guint        row,
                                                      guint        column);
/* The ids (guint) behind an amount cell, in document order: of an editable
 * cell, the lines set_amount changes; of any other, every line that adds to
 * it (a drill-down; it reads the whole document).  Revenue ids where
 * yusuan_table_cell_is_revenue says so; none for 08's stated amounts. */
GArray               *yusuan_table_get_cell_lines    (YusuanTable *self,
                                                      guint        row,
                                                      guint        column);
/* TRUE for cells summing revenues (02, and the revenue side of 01 and 04). */
gboolean              yusuan_table_cell_is_revenue   (YusuanTable *self,
                                                      guint        row,
                                                      guint        column);
/* Sets an editable cell: one line behind it takes @amount; with several lines
 * the last takes the difference (refused if it would go negative).  One undo step. */
gboolean              yusuan_table_set_amount        (YusuanTable   *self,
                                                      guint          row,
                                                      guint          column,
                                                      YusuanAmount   amount,
                                                      GError       **error);

/* CSV: a header row of column ids, then one row per in_csv row, first column the
 * key, amounts with two decimals in @unit and no separators. */
char                 *yusuan_table_to_csv            (YusuanTable *self, YusuanDisplayUnit unit);
/* The same laid out for a terminal (aligned, CJK width aware). */
char                 *yusuan_table_to_text           (YusuanTable *self, YusuanDisplayUnit unit);

/* For text laid out in columns as yusuan_table_to_text () lays it out: the
 * columns a terminal gives @text (CJK characters take two), and @text
 * padded with spaces to @width columns (on the left with @right). */
guint                 yusuan_text_display_width      (const char *text);
void                  yusuan_text_append_padded      (GString    *out,
                                                      const char *text,
                                                      guint       width,
                                                      gboolean    right);

/* Everything recomputed from the document (what the incremental path must equal). */
void                  yusuan_table_recompute         (YusuanTable *self);

G_END_DECLS
