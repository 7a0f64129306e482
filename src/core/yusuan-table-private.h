/* yusuan-table-private.h - the incremental engine shared by the table definitions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "yusuan-table.h"

G_BEGIN_DECLS

/* What a row stands for: the high byte of its identity (ikey). */
typedef enum
{
  TAG_FIXED = 1,   /* a row of the official layout: total, heading, a source … (value: the table's own id) */
  TAG_DEPARTMENT,  /* the department (value 0) */
  TAG_UNIT,        /* value: code key of the unit code */
  TAG_FUNCTION,    /* value: code key of a 类/款/项 code */
  TAG_ECONOMIC,    /* value: the pair's key */
  TAG_PROJECT,     /* value: project id */
  TAG_INDICATOR,   /* value: project id << 24 | position (12: the row of a project's k-th indicators) */
  TAG_TEXT,        /* value: a table-11 text row (section << 24 | position) */
} RowTag;

#define IKEY(tag, value) (((guint64) (tag) << 56) | ((guint64) (value) & G_GUINT64_CONSTANT (0x00ffffffffffffff)))
#define IKEY_TAG(ikey)   ((RowTag) ((ikey) >> 56))
#define IKEY_VALUE(ikey) ((ikey) & G_GUINT64_CONSTANT (0x00ffffffffffffff))

typedef enum
{
  CSV_ALWAYS,
  CSV_NEVER,
  CSV_IF_DATA,  /* a row of the official layout that CSV shows only when something stands for it */
} CsvMode;

typedef struct _Row Row;
struct _Row
{
  YusuanTableRow   pub;       /* key, kind, depth, in_csv */
  guint64          ikey;      /* identity: the hash key */
  char            *sort;      /* a GRefString: rows are ordered by sort, then sort2, then ikey */
  guint64          sort2;     /* the place among rows sharing a sort (a project's indicators) */
  guint8           csv;       /* CsvMode */
  guint8           is_static; /* stays without contributions */
  guint8           pending;   /* created during the current change, not yet placed */
  guint8           touched;   /* listed in the current change */
  guint8           dead;      /* removed during the current change */
  guint8           has_texts; /* texts computed since the row was made */
  guint8           slots;     /* a compact row's slots holding an indicator, a bit each (TableDef.n_slots) */
  guint            refs;      /* contributions: one per cell added, plus existence */
  guint            ref_id;    /* project id, fixed row id … */
  guint            pos;       /* a position within what ref_id names (an indicator, a duty) */
  char             code[40];  /* the code the row stands for (function, unit, economic, project) */
  char             code2[8];  /* the government economic code of a pair */
  YusuanAmount    *amounts;   /* [n_columns], exact fen */
  guint           *counts;    /* [n_columns], contributions per cell */
  char           **texts;     /* [n_columns], NULL where empty */
};

/* The project facts line contributions depend on, as last applied: a
 * change of the project moves its lines' contributions from these. */
typedef struct
{
  YusuanProjectKind kind;
  char              unit[YUSUAN_UNIT_CODE_SIZE];
} ProjectInfo;

typedef struct _TableDef TableDef;

struct _YusuanTable
{
  GObject          parent_instance;

  YusuanDocument  *document;
  YusuanCatalog   *catalog;
  gulong           changed_id;
  guint            number;
  const TableDef  *def;

  YusuanColumn    *header;      /* root */
  GPtrArray       *leaves;      /* YusuanColumn*, by leaf index */

  GPtrArray       *rows;        /* Row*, sorted */
  GHashTable      *by_ikey;     /* &row->ikey -> Row* (placed and pending) */
  Row             *recent[256]; /* the rows last looked up, by a hash of their ikey */
  GHashTable      *projects;    /* project id -> ProjectInfo* */
  GHashTable      *interned;    /* odd codes -> id, for identities */

  GPtrArray       *build_stack;  /* YusuanColumn*: the groups open while columns are built */

  /* How new rows are placed: appended and sorted at the end of a recompute
   * (bulk), kept pending until the change ends (tracking), or placed by the
   * caller with table_insert_row (neither). */
  gboolean         bulk;
  gboolean         tracking;

  /* A handler of our signals that edits the document re-enters us: that
   * change is taken by a recompute once the current one is announced. */
  guint            handling;
  gboolean         reset_pending;

  /* Asking which lines stand behind a cell: contributions with sign 0 only
   * say whether they land on it. */
  Row             *probe_row;
  guint            probe_column;
  gboolean         probe_hit;
  GArray          *touched_cells;  /* TouchedCell */
  GPtrArray       *touched_rows;   /* Row* */
};

typedef enum
{
  DEPENDS_KIND = 1 << 0,  /* project lines land in a column by the project's kind */
  DEPENDS_UNIT = 1 << 1,  /* … in rows by the project's unit */
  DEPENDS_CODE = 1 << 2,  /* the project's row is placed by its code */
} ProjectDeps;

struct _TableDef
{
  guint        number;
  ProjectDeps  project_deps;
  void       (*build_columns) (YusuanTable *self);
  void       (*static_rows)   (YusuanTable *self);
  /* @project NULL for a basic line */
  void       (*line)          (YusuanTable *self, const YusuanLine *line, const ProjectInfo *project, int sign);
  void       (*revenue)       (YusuanTable *self, const YusuanRevenue *revenue, int sign);
  /* A project's own row(s), while it exists */
  void       (*project)       (YusuanTable *self, guint project_id, const ProjectInfo *project, int sign);
  /* Fills row->texts (and row->pub.key where it follows the document) from the document. */
  void       (*texts)         (YusuanTable *self, Row *row);
  /* Rows that are not sums of lines (indicators, texts, 三公), rebuilt as a whole
   * in a recompute and after the changes in @rebuild_on (1 << YusuanChangeKind;
   * YUSUAN_CHANGE_INDICATORS: the department's). */
  void       (*rebuild)       (YusuanTable *self);
  guint32      rebuild_on;
  /* One project's indicator rows, rebuilt (@project NULL: removed). */
  void       (*indicators)    (YusuanTable *self, guint project_id, const YusuanProject *project);
  /* After every change: rows that depend on others (an empty table's note). */
  void       (*after_change)  (YusuanTable *self);
  /* Compact rows (12): up to @n_slots indicators side by side, slot s in the
   * @slot_width columns from @slot_column + s * @slot_width; a row holding
   * more than its own continues in the YUSUAN_ROW_INDICATOR rows after it.
   * CSV gives each indicator its own row, slot by slot. 0: no slots. */
  guint        n_slots;
  guint        slot_column;
  guint        slot_width;
};

const TableDef *yusuan_table_def_for_number (guint number);

/* Columns */
void            table_column_group   (YusuanTable *self, const char *id, const char *label);
void            table_column_end     (YusuanTable *self);
void            table_column_leaf    (YusuanTable *self, guint expected_leaf, const char *id,
                                      const char *label, YusuanColumnKind kind);

/* Rows */
Row            *table_lookup         (YusuanTable *self, guint64 ikey);
/* Finds or creates the row; a new row gets @key, @kind, @depth, @sort and its texts. */
Row            *table_row            (YusuanTable *self, guint64 ikey, const char *key,
                                      YusuanRowKind kind, guint depth, const char *sort,
                                      CsvMode csv, gboolean is_static);
/* Finds or creates a row placed right after @parent, among its like by @sort2 (> 0). */
Row            *table_row_under      (YusuanTable *self, guint64 ikey, const char *key,
                                      YusuanRowKind kind, guint depth, Row *parent, guint64 sort2,
                                      CsvMode csv);
void            table_cell_add       (YusuanTable *self, Row *row, guint column,
                                      YusuanAmount amount, int sign);
/* Existence without a cell (a project without lines is still a row). */
void            table_row_ref        (YusuanTable *self, Row *row, int sign);
void            table_set_text       (Row *row, guint column, const char *text);
void            table_take_text      (Row *row, guint column, char *text);
int             table_row_index      (YusuanTable *self, Row *row);
/* Places a row at once (outside a tracked change: rebuilt rows), announcing it. */
void            table_insert_row     (YusuanTable *self, Row *row, gboolean announce);
void            table_remove_row     (YusuanTable *self, Row *row, gboolean announce);
void            table_emit_rows      (YusuanTable *self, guint position, guint removed, guint added);
/* Takes @n placed rows out from @start (and forgets them), announcing nothing. */
void            table_drop_rows      (YusuanTable *self, guint start, guint n);
void            table_begin_change   (YusuanTable *self);
void            table_end_change     (YusuanTable *self);
void            table_refresh_row_texts (YusuanTable *self, Row *row, gboolean announce);
void            table_sort_rows      (YusuanTable *self);
void            table_emit_cell      (YusuanTable *self, guint row, guint column);

/* Identities */
guint64         table_code_key       (YusuanTable *self, const char *code, gsize length);
guint64         table_pair_key       (YusuanTable *self, const char *dept, const char *gov);
/* Sort fragments: a code's place in the catalogue (unknown codes after, by code). */
void            table_append_order   (YusuanTable *self, GString *sort, YusuanClassification classification,
                                      const char *code, gsize length);

ProjectInfo    *table_project_info   (YusuanTable *self, guint project_id);
/* The lines (or, for a revenue cell, the revenues) whose contributions land on a cell. */
GArray         *table_probe_cell     (YusuanTable *self, Row *row, guint column, gboolean *out_revenues);

G_END_DECLS
