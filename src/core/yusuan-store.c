/* yusuan-store.c - .yusuan documents: one SQLite file, versioned, saved in one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <sqlite3.h>

#include "yusuan-core.h"
#include "yusuan-codes.h"
#include "yusuan-store.h"

/* How a document reaches the disk.
 *
 * A save never touches the existing file: it builds a complete new database
 * beside it (one transaction), fsyncs it, rename(2)s it over the old one and
 * fsyncs the directory.  Whatever moment a crash or kill strikes, the name
 * points at the previous complete file or at the new complete one.  Because
 * the file at a path is only ever replaced, never changed in place, a reader
 * may open it with immutable=1: no lock, no journal, no -wal or -shm is ever
 * created by opening, and the bytes and mtime stay exactly as they were. */

struct _YusuanLock
{
  char *lock_path;
  int   fd;
};

G_DEFINE_QUARK (yusuan-store-error-quark, yusuan_store_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define SQLITE_HEADER_SIZE 100
#define SQLITE_MAGIC "SQLite format 3"

/* PRAGMA takes no bound parameters: the literal below must be the constant. */
G_STATIC_ASSERT (YUSUAN_STORE_APPLICATION_ID == 1498764117);
#define PRAGMA_APPLICATION_ID "PRAGMA application_id = 1498764117"

#define CODE_UNIT(col) \
  "length(" col ") BETWEEN 6 AND 9 AND " col " NOT GLOB '*[^0-9]*'"
#define CODE_PROJECT(col) \
  "length(" col ") BETWEEN 6 AND 32 AND " col " NOT GLOB '*[^0-9A-Za-z]*'"
#define AMOUNT(col) \
  "typeof(" col ") = 'integer' AND " col " BETWEEN 0 AND 99999999999999999"
/* A list of tokens as ORed comparisons: "x IN (…)" would build a temporary
 * b-tree for every row inserted, which costs more than the insert. */
#define FUND(col) \
  "" col " = 'general-public-budget'" \
  " OR " col " = 'government-fund'" \
  " OR " col " = 'state-capital'" \
  " OR " col " = 'fiscal-special-account'" \
  " OR " col " = 'institution-income'" \
  " OR " col " = 'institution-business-income'" \
  " OR " col " = 'superior-subsidy'" \
  " OR " col " = 'subordinate-remittance'" \
  " OR " col " = 'other-income'" \
  " OR " col " = 'institution-fund-drawdown'" \
  " OR " col " = 'carryover-general-public-budget'" \
  " OR " col " = 'carryover-government-fund'" \
  " OR " col " = 'carryover-state-capital'" \
  " OR " col " = 'carryover-fiscal-special-account'" \
  " OR " col " = 'carryover-unit-funds'"

/* Version 1, the baseline.  Positions keep document order; a line or an
 * indicator with a NULL project is a basic line or a department indicator. */
static const char schema_v1[] =
  "CREATE TABLE header ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " fiscal_year INTEGER NOT NULL CHECK (typeof(fiscal_year) = 'integer' AND fiscal_year BETWEEN 2000 AND 2100),"
  " stage TEXT NOT NULL CHECK (stage = 'first-proposal' OR stage = 'control-numbers' OR stage = 'second-proposal' OR stage = 'approved' OR stage = 'adjusted'),"
  " department_code TEXT NOT NULL CHECK (length(department_code) BETWEEN 3 AND 6 AND department_code NOT GLOB '*[^0-9]*'),"
  " department_name TEXT,"
  " region TEXT CHECK (region IS NULL OR region GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'));"

  "CREATE TABLE units ("
  " position INTEGER PRIMARY KEY,"
  " code TEXT NOT NULL CHECK (" CODE_UNIT ("code") "),"
  " name TEXT,"
  " kind TEXT NOT NULL CHECK (kind = 'administrative' OR kind = 'civil-servant-managed' OR kind = 'public-institution' OR kind = 'other'));"

  "CREATE TABLE revenues ("
  " position INTEGER PRIMARY KEY,"
  " unit TEXT NOT NULL CHECK (" CODE_UNIT ("unit") "),"
  " source TEXT NOT NULL CHECK (" FUND ("source") "),"
  " amount INTEGER NOT NULL CHECK (" AMOUNT ("amount") "));"

  "CREATE TABLE projects ("
  " position INTEGER PRIMARY KEY,"
  " code TEXT NOT NULL CHECK (" CODE_PROJECT ("code") "),"
  " name TEXT,"
  " unit TEXT NOT NULL CHECK (" CODE_UNIT ("unit") "),"
  " kind TEXT NOT NULL CHECK (kind = 'other-operational' OR kind = 'specific-purpose'),"
  " description TEXT);"

  "CREATE TABLE lines ("
  " position INTEGER PRIMARY KEY,"
  " project INTEGER REFERENCES projects (position) ON DELETE CASCADE,"
  " unit TEXT CHECK (unit IS NULL OR (" CODE_UNIT ("unit") ")),"
  " function TEXT NOT NULL CHECK (function GLOB '2[0-9][0-9][0-9][0-9][0-9][0-9]'),"
  " econ_dept TEXT NOT NULL CHECK (econ_dept GLOB '3[0-9][0-9][0-9][0-9]'),"
  " econ_gov TEXT NOT NULL CHECK (econ_gov GLOB '5[0-9][0-9][0-9][0-9]'),"
  " fund TEXT NOT NULL CHECK (" FUND ("fund") "),"
  " category TEXT CHECK (category = 'personnel' OR category = 'public'),"
  " amount INTEGER NOT NULL CHECK (" AMOUNT ("amount") "),"
  " CHECK ((project IS NULL) = (unit IS NOT NULL AND category IS NOT NULL)));"
  "CREATE INDEX lines_by_project ON lines (project) WHERE project IS NOT NULL;"

  "CREATE TABLE indicators ("
  " position INTEGER PRIMARY KEY,"
  " project INTEGER REFERENCES projects (position) ON DELETE CASCADE,"
  " level1 TEXT NOT NULL CHECK (CASE WHEN project IS NULL"
  "   THEN level1 = 'input-management' OR level1 = 'output' OR level1 = 'effect' OR level1 = 'satisfaction'"
  "   ELSE level1 = 'cost' OR level1 = 'output' OR level1 = 'effect' OR level1 = 'satisfaction' END),"
  " level2 TEXT,"
  " name TEXT,"
  " op TEXT NOT NULL CHECK (op = 'ge' OR op = 'gt' OR op = 'le' OR op = 'lt' OR op = 'eq' OR op = 'qualitative'),"
  " value TEXT,"
  " unit TEXT,"
  " text TEXT,"
  " explanation TEXT);"
  "CREATE INDEX indicators_by_project ON indicators (project) WHERE project IS NOT NULL;"

  "CREATE TABLE three_public ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " outbound_travel INTEGER NOT NULL CHECK (" AMOUNT ("outbound_travel") "),"
  " vehicle_purchase INTEGER NOT NULL CHECK (" AMOUNT ("vehicle_purchase") "),"
  " vehicle_operation INTEGER NOT NULL CHECK (" AMOUNT ("vehicle_operation") "),"
  " official_reception INTEGER NOT NULL CHECK (" AMOUNT ("official_reception") "));"

  "CREATE TABLE procurement ("
  " position INTEGER PRIMARY KEY,"
  " category TEXT NOT NULL CHECK (category = 'goods' OR category = 'works' OR category = 'services'),"
  " amount INTEGER NOT NULL CHECK (" AMOUNT ("amount") "),"
  " project TEXT,"
  " name TEXT);"

  "CREATE TABLE assets ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " vehicles INTEGER NOT NULL CHECK (typeof(vehicles) = 'integer' AND vehicles >= 0),"
  " general_equipment INTEGER NOT NULL CHECK (typeof(general_equipment) = 'integer' AND general_equipment >= 0),"
  " special_equipment INTEGER NOT NULL CHECK (typeof(special_equipment) = 'integer' AND special_equipment >= 0));"

  /* The block exists (a row) or not, even when it has no duty or task. */
  "CREATE TABLE performance ("
  " id INTEGER PRIMARY KEY CHECK (id = 1));"
  "CREATE TABLE duties ("
  " position INTEGER PRIMARY KEY,"
  " text TEXT);"
  "CREATE TABLE tasks ("
  " position INTEGER PRIMARY KEY,"
  " name TEXT,"
  " text TEXT);"

  "CREATE TABLE explanations ("
  " position INTEGER PRIMARY KEY,"
  " topic TEXT NOT NULL UNIQUE CHECK (topic <> ''),"
  " text TEXT);"

  "CREATE TABLE prior_year ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " fiscal_year INTEGER NOT NULL CHECK (typeof(fiscal_year) = 'integer'));"
  "CREATE TABLE prior_figures ("
  " key TEXT PRIMARY KEY CHECK (key IN ('revenue-total', 'expenditure-total', 'general-public-budget',"
  "  'government-fund', 'basic-expenditure', 'project-expenditure', 'outbound-travel', 'vehicle-purchase',"
  "  'vehicle-operation', 'official-reception', 'operating-costs', 'procurement')),"
  " amount INTEGER NOT NULL CHECK (" AMOUNT ("amount") "));"

  /* SHA-256 of every row above, as the digest section below computes it. */
  "CREATE TABLE checksum ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " sha256 TEXT NOT NULL);"

  "PRAGMA user_version = 1;";

/* Version 2: the finance bureau's control numbers (控制数), a row for each
 * fund and kind of spending the bureau set. */
static const char schema_v2[] =
  "CREATE TABLE control_numbers ("
  " position INTEGER PRIMARY KEY,"
  " fund TEXT NOT NULL CHECK (" FUND ("fund") "),"
  " kind TEXT NOT NULL CHECK (kind = 'basic' OR kind = 'project'),"
  " amount INTEGER NOT NULL CHECK (" AMOUNT ("amount") "),"
  " UNIQUE (fund, kind));"

  "PRAGMA user_version = 2;";

/* migrations[i] brings a database from version i to version i + 1; a new
 * database runs them all.  A future version appends its step (ALTER TABLE,
 * CREATE TABLE, UPDATE …, ending with its PRAGMA user_version) and never edits
 * an earlier one.  An older file is upgraded in a private in-memory copy on
 * load: the file on disk changes only when it is saved. */
static const char *const migrations[] = {
  schema_v1,
  schema_v2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == YUSUAN_STORE_SCHEMA_VERSION);

static const char *const required_tables[] = {
  "header", "units", "revenues", "projects", "lines", "indicators", "three_public",
  "procurement", "assets", "performance", "duties", "tasks", "explanations",
  "prior_year", "prior_figures", "checksum", "control_numbers",
};

/* ---------------------------------------------------------------- helpers */

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

typedef struct
{
  gboolean  is_sqlite;
  guint32   application_id;
  gint32    user_version;
  guint32   page_size;
  guint32   page_count;      /* 0 when the header's count is not valid */
  guint8    write_version;   /* 1 rollback journal, 2 WAL */
  goffset   file_size;
} SqliteHeader;

/* Reads the 100-byte database header.  FALSE (with @error) only when the file
 * cannot be read at all; a short or foreign file gives is_sqlite FALSE. */
static gboolean
read_sqlite_header (const char    *path,
                    SqliteHeader  *header,
                    GError       **error)
{
  guint8 buf[SQLITE_HEADER_SIZE];
  struct stat st;
  gssize n = 0;
  int fd;

  memset (header, 0, sizeof *header);

  /* O_NONBLOCK: a FIFO must not hang us; it is refused below. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);

      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_autofree char *name = display_name (path);

      close (fd);
      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot open “%s”: it is not a regular file"), name);
      return FALSE;
    }
  header->file_size = st.st_size;

  while (n < SQLITE_HEADER_SIZE)
    {
      gssize r = read (fd, buf + n, SQLITE_HEADER_SIZE - n);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved_errno = errno;
          g_autofree char *name = display_name (path);

          close (fd);
          g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                       _("Cannot read “%s”: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }
      if (r == 0)
        break;
      n += r;
    }
  close (fd);

  if (n < SQLITE_HEADER_SIZE || memcmp (buf, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    return TRUE;

  header->is_sqlite = TRUE;
  header->page_size = ((guint32) buf[16] << 8) | buf[17];
  if (header->page_size == 1)
    header->page_size = 65536;
  header->write_version = buf[18];
  /* The in-header page count is valid only when its version-valid-for
   * number matches the change counter. */
  if (read_be32 (buf + 92) == read_be32 (buf + 24))
    header->page_count = read_be32 (buf + 28);
  header->user_version = (gint32) read_be32 (buf + 60);
  header->application_id = read_be32 (buf + 68);

  return TRUE;
}

static void
set_not_a_document (GError     **error,
                    const char  *path)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_NOT_A_DOCUMENT,
               _("“%s” is not a Yusuan document"), name);
}

static void
set_too_new (GError     **error,
             const char  *path,
             gint32       version)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Yusuan (document format %d; "
                 "this version reads up to %d). Update Yusuan to open it."),
               name, (int) version, YUSUAN_STORE_SCHEMA_VERSION);
}

static void set_damaged (GError     **error,
                         const char  *path,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
set_damaged (GError     **error,
             const char  *path,
             const char  *format,
             ...)
{
  g_autofree char *name = display_name (path);
  g_autofree char *raw = NULL;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);

  /* Damaged bytes reach the message through SQLite's: keep it valid UTF-8,
   * on one line, and of a readable length. */
  what = g_utf8_make_valid (raw, -1);
  g_strdelimit (what, "\n\r\t", ' ');
  if (g_utf8_strlen (what, -1) > 300)
    {
      char *cut = g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (what, 300) - what), what);

      g_free (what);
      what = cut;
    }

  g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_DAMAGED,
               /* Translators: the second %s says what is wrong, e.g. “table “lines”, row 12: …” */
               _("“%s” is damaged and cannot be opened: %s. Open a backup copy, or import "
                 "the submission XML again."),
               name, what);
}

static gboolean
is_amount (YusuanAmount amount)
{
  return amount >= 0 && amount <= YUSUAN_AMOUNT_MAX;
}

/* ----------------------------------------------------------------- digest */

/* SQLite checks the structure of its pages, not what they hold: a byte gone
 * wrong inside a record can turn one valid amount into another.  So a save
 * records a SHA-256 of every row it writes, and a load recomputes it from the
 * rows it reads.  Rows are serialized column by column in the order of the
 * table's INSERT parameters, which is also the order of the load's SELECT. */
typedef enum
{
  TABLE_HEADER,
  TABLE_UNITS,
  TABLE_REVENUES,
  TABLE_PROJECTS,
  TABLE_LINES,
  TABLE_INDICATORS,
  TABLE_THREE_PUBLIC,
  TABLE_PROCUREMENT,
  TABLE_ASSETS,
  TABLE_PERFORMANCE,
  TABLE_DUTIES,
  TABLE_TASKS,
  TABLE_EXPLANATIONS,
  TABLE_PRIOR_YEAR,
  TABLE_PRIOR_FIGURES,
  /* Added by version 2: see digest_finish (). */
  TABLE_CONTROL_NUMBERS,
  N_TABLES
} Table;

/* The tables of version 1, whose digests always count. */
#define N_TABLES_V1 TABLE_CONTROL_NUMBERS

#define MAX_COLUMNS 10

/* Rows are small (about 100 bytes): they are gathered and hashed a few
 * kilobytes at a time.  nettle's SHA-256 uses the processor's SHA
 * instructions where it has them, several times faster than GChecksum's. */
#define DIGEST_BUFFER 8192

typedef struct
{
  struct sha256_ctx tables[N_TABLES];
  gboolean          used[N_TABLES];
  Table             table;   /* whose bytes @buffer holds */
  guint8            buffer[DIGEST_BUFFER];
  gsize             len;
} Digest;

static void
digest_init (Digest *digest)
{
  for (int i = 0; i < N_TABLES; i++)
    {
      sha256_init (&digest->tables[i]);
      digest->used[i] = FALSE;
    }
  digest->table = TABLE_HEADER;
  digest->len = 0;
}

static void
digest_flush (Digest *digest)
{
  sha256_update (&digest->tables[digest->table], digest->len, digest->buffer);
  digest->len = 0;
}

/* Hashing is a stream: where the bytes are cut into updates changes nothing. */
static void
digest_put (Digest       *digest,
            Table         table,
            const guint8 *data,
            gsize         len)
{
  digest->used[table] = TRUE;
  if (table != digest->table || digest->len + len > sizeof digest->buffer)
    {
      digest_flush (digest);
      digest->table = table;
      if (len > sizeof digest->buffer)
        {
          sha256_update (&digest->tables[table], len, data);
          return;
        }
    }
  memcpy (digest->buffer + digest->len, data, len);
  digest->len += len;
}

static void
digest_append_int (Digest *digest,
                   Table   table,
                   gint64  value)
{
  guint8 buf[9];
  guint64 le = GUINT64_TO_LE ((guint64) value);

  buf[0] = 'i';
  memcpy (buf + 1, &le, sizeof le);
  digest_put (digest, table, buf, sizeof buf);
}

static void
digest_append_text (Digest     *digest,
                    Table       table,
                    const char *text,
                    gsize       len)
{
  guint8 buf[5];
  guint32 le = GUINT32_TO_LE ((guint32) len);

  buf[0] = 't';
  memcpy (buf + 1, &le, sizeof le);
  digest_put (digest, table, buf, sizeof buf);
  digest_put (digest, table, (const guint8 *) text, len);
}

static void
digest_append_null (Digest *digest,
                    Table   table)
{
  static const guint8 n = 'n';

  digest_put (digest, table, &n, 1);
}

/* Hex SHA-256 over the tables' digests, in table order.  A table added
 * after version 1 counts only when it holds rows, so that a document that
 * does not use it keeps the digest it had. */
static char *
digest_finish (Digest *digest)
{
  struct sha256_ctx all;
  guint8 buf[SHA256_DIGEST_SIZE];
  char hex[2 * SHA256_DIGEST_SIZE + 1];

  digest_flush (digest);
  sha256_init (&all);
  for (int i = 0; i < N_TABLES; i++)
    {
      if (i >= N_TABLES_V1 && !digest->used[i])
        continue;
      sha256_digest (&digest->tables[i], sizeof buf, buf);
      sha256_update (&all, sizeof buf, buf);
    }
  sha256_digest (&all, sizeof buf, buf);
  for (gsize i = 0; i < sizeof buf; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", buf[i]);
  return g_strdup (hex);
}

/* The row a load just stepped onto, every column in order. */
static void
digest_result_row (Digest       *digest,
                   sqlite3_stmt *stmt,
                   Table         table)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    switch (sqlite3_column_type (stmt, i))
      {
      case SQLITE_INTEGER:
        digest_append_int (digest, table, sqlite3_column_int64 (stmt, i));
        break;
      case SQLITE_TEXT:
        digest_append_text (digest, table, (const char *) sqlite3_column_text (stmt, i),
                            sqlite3_column_bytes (stmt, i));
        break;
      case SQLITE_NULL:
        digest_append_null (digest, table);
        break;
      default:
        {
          /* Never written by a save: cannot match. */
          static const guint8 x = 'x';

          digest_put (digest, table, &x, 1);
        }
        break;
      }
}

/* ------------------------------------------------------------------- save */

typedef struct
{
  int           type;  /* SQLITE_INTEGER, SQLITE_TEXT, SQLITE_NULL; 0 unbound */
  gint64        value;
  const char   *text;
} Cell;

typedef struct
{
  sqlite3      *db;
  const char   *path;       /* the document's path, for messages */
  GError      **error;
  Digest        digest;
  Cell          cells[MAX_COLUMNS + 1];  /* the row being bound, by parameter index */
  int           n_cells;
} SaveContext;

static gboolean
save_sqlite_failed (SaveContext *ctx,
                    const char  *what)
{
  g_autofree char *name = display_name (ctx->path);

  g_set_error (ctx->error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
               /* Translators: the second %s is what was being written, the third SQLite's reason */
               _("Cannot save “%s” (%s): %s"),
               name, what, sqlite3_errmsg (ctx->db));
  return FALSE;
}

static gboolean save_invalid (SaveContext *ctx,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* The document holds something the file format refuses: nothing is written,
 * and the message says what to correct. */
static gboolean
save_invalid (SaveContext *ctx,
              const char  *format,
              ...)
{
  g_autofree char *name = display_name (ctx->path);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (ctx->error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
               _("Cannot save “%s”: %s. Correct it and save again."), name, what);
  return FALSE;
}

static sqlite3_stmt *
save_prepare (SaveContext *ctx,
              const char  *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (ctx->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      save_sqlite_failed (ctx, sql);
      return NULL;
    }
  return stmt;
}

static const char *const table_names[N_TABLES] = {
  "header", "units", "revenues", "projects", "lines", "indicators", "three_public",
  "procurement", "assets", "performance", "duties", "tasks", "explanations",
  "prior_year", "prior_figures", "control_numbers",
};

/* Steps the bound row and adds it to the digest. */
static gboolean
save_step (SaveContext  *ctx,
           sqlite3_stmt *stmt,
           Table         table)
{
  int rc;

  g_assert (ctx->n_cells == sqlite3_bind_parameter_count (stmt));
  for (int i = 1; i <= ctx->n_cells; i++)
    {
      const Cell *cell = &ctx->cells[i];

      g_assert (cell->type != 0);
      if (cell->type == SQLITE_INTEGER)
        digest_append_int (&ctx->digest, table, cell->value);
      else if (cell->type == SQLITE_TEXT)
        digest_append_text (&ctx->digest, table, cell->text, strlen (cell->text));
      else
        digest_append_null (&ctx->digest, table);
      ctx->cells[i].type = 0;
    }
  ctx->n_cells = 0;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return save_sqlite_failed (ctx, table_names[table]);
  return TRUE;
}

static void
note_cell (SaveContext *ctx,
           int          column,
           int          type,
           gint64       value,
           const char  *text)
{
  g_assert (column >= 1 && column <= MAX_COLUMNS);
  ctx->cells[column].type = type;
  ctx->cells[column].value = value;
  ctx->cells[column].text = text;
  ctx->n_cells = MAX (ctx->n_cells, column);
}

static void
bind_int64 (SaveContext  *ctx,
            sqlite3_stmt *stmt,
            int           column,
            gint64        value)
{
  sqlite3_bind_int64 (stmt, column, value);
  note_cell (ctx, column, SQLITE_INTEGER, value, NULL);
}

static void
bind_null (SaveContext  *ctx,
           sqlite3_stmt *stmt,
           int           column)
{
  sqlite3_bind_null (stmt, column);
  note_cell (ctx, column, SQLITE_NULL, 0, NULL);
}

static void
bind_text (SaveContext  *ctx,
           sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text == NULL)
    {
      bind_null (ctx, stmt, column);
      return;
    }
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  note_cell (ctx, column, SQLITE_TEXT, 0, text);
}

static gboolean
exec_sql (SaveContext *ctx,
          const char  *sql)
{
  if (sqlite3_exec (ctx->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return save_sqlite_failed (ctx, sql);
  return TRUE;
}

static gboolean
save_header (SaveContext    *ctx,
             YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *code = yusuan_document_get_department_code (doc);
  const char *region = yusuan_document_get_region (doc);
  const char *stage = yusuan_stage_to_token (yusuan_document_get_stage (doc));
  int year = yusuan_document_get_fiscal_year (doc);

  if (!yusuan_code_is_department (code))
    return save_invalid (ctx, _("the department code “%s” is not 3 to 6 digits"), code ? code : "");
  if (region != NULL && !yusuan_code_is_region (region))
    return save_invalid (ctx, _("the region code “%s” is not 6 digits"), region);
  if (year < 2000 || year > 2100)
    return save_invalid (ctx, _("the fiscal year %d is not between 2000 and 2100"), year);
  if (stage == NULL)
    return save_invalid (ctx, "%s", _("the budget stage is unknown"));

  stmt = save_prepare (ctx, "INSERT INTO header (id, fiscal_year, stage, department_code, department_name, region)"
                            " VALUES (?, ?, ?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;
  bind_int64 (ctx, stmt, 1, 1);
  bind_int64 (ctx, stmt, 2, year);
  bind_text (ctx, stmt, 3, stage);
  bind_text (ctx, stmt, 4, code);
  bind_text (ctx, stmt, 5, yusuan_document_get_department_name (doc));
  bind_text (ctx, stmt, 6, region);
  return save_step (ctx, stmt, TABLE_HEADER);
}

static gboolean
save_units (SaveContext    *ctx,
            YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = yusuan_document_get_n_units (doc);

  stmt = save_prepare (ctx, "INSERT INTO units (position, code, name, kind) VALUES (?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const YusuanUnit *unit = yusuan_document_get_unit (doc, i);
      const char *kind = yusuan_unit_kind_to_token (unit->kind);

      if (!yusuan_code_is_unit (unit->code))
        return save_invalid (ctx, _("unit %u has the code “%s”, which is not 6 to 9 digits"),
                             i + 1, unit->code ? unit->code : "");
      if (kind == NULL)
        return save_invalid (ctx, _("unit %s has an unknown kind"), unit->code);

      bind_int64 (ctx, stmt, 1, i + 1);
      bind_text (ctx, stmt, 2, unit->code);
      bind_text (ctx, stmt, 3, unit->name);
      bind_text (ctx, stmt, 4, kind);
      if (!save_step (ctx, stmt, TABLE_UNITS))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_revenues (SaveContext    *ctx,
               YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = yusuan_document_get_n_revenues (doc);

  stmt = save_prepare (ctx, "INSERT INTO revenues (position, unit, source, amount) VALUES (?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const YusuanRevenue *revenue = yusuan_document_get_revenue (doc, i);
      const char *source = yusuan_fund_to_token (revenue->source);

      if (!yusuan_code_is_unit (revenue->unit))
        return save_invalid (ctx, _("revenue %u names the unit “%s”, which is not 6 to 9 digits"),
                             i + 1, revenue->unit);
      if (source == NULL)
        return save_invalid (ctx, _("revenue %u has an unknown source"), i + 1);
      if (!is_amount (revenue->amount))
        return save_invalid (ctx, _("revenue %u has an amount out of range"), i + 1);

      bind_int64 (ctx, stmt, 1, i + 1);
      bind_text (ctx, stmt, 2, revenue->unit);
      bind_text (ctx, stmt, 3, source);
      bind_int64 (ctx, stmt, 4, revenue->amount);
      if (!save_step (ctx, stmt, TABLE_REVENUES))
        return FALSE;
    }
  return TRUE;
}

/* Says what is wrong with a line that save_line found invalid. */
static gboolean
save_invalid_line (SaveContext      *ctx,
                   gint64            position,
                   const char       *project_code,
                   const YusuanLine *line)
{
  g_autofree char *where = NULL;

  if (project_code != NULL)
    where = g_strdup_printf (_("a line of project %s"), project_code);
  else
    where = g_strdup_printf (_("basic line %" PRId64), position);

  if (project_code == NULL && !yusuan_code_is_unit (line->unit))
    return save_invalid (ctx, _("%s names the unit “%s”, which is not 6 to 9 digits"), where, line->unit);
  if (!yusuan_code_is_function (line->function))
    return save_invalid (ctx, _("%s has the function code “%s”, which is not 7 digits starting with 2"),
                         where, line->function);
  if (!yusuan_code_is_econ_dept (line->econ_dept))
    return save_invalid (ctx, _("%s has the department economic code “%s”, which is not 5 digits starting with 3"),
                         where, line->econ_dept);
  if (!yusuan_code_is_econ_gov (line->econ_gov))
    return save_invalid (ctx, _("%s has the government economic code “%s”, which is not 5 digits starting with 5"),
                         where, line->econ_gov);
  if (yusuan_fund_to_token (line->fund) == NULL)
    return save_invalid (ctx, _("%s has an unknown fund"), where);
  if (project_code == NULL && yusuan_category_to_token (line->category) == NULL)
    return save_invalid (ctx, _("%s is neither personnel nor public expenditure"), where);
  return save_invalid (ctx, _("%s has an amount out of range"), where);
}

static gboolean
save_line (SaveContext      *ctx,
           sqlite3_stmt     *stmt,
           gint64            position,
           gint64            project_position,
           const char       *project_code,
           const YusuanLine *line)
{
  const char *fund = yusuan_fund_to_token (line->fund);
  const char *category = yusuan_category_to_token (line->category);

  if (G_UNLIKELY ((project_position == 0 && (!yusuan_code_is_unit (line->unit) || category == NULL))
                  || !yusuan_code_is_function (line->function)
                  || !yusuan_code_is_econ_dept (line->econ_dept)
                  || !yusuan_code_is_econ_gov (line->econ_gov)
                  || fund == NULL
                  || !is_amount (line->amount)))
    return save_invalid_line (ctx, position, project_code, line);

  bind_int64 (ctx, stmt, 1, position);
  if (project_position != 0)
    {
      bind_int64 (ctx, stmt, 2, project_position);
      bind_null (ctx, stmt, 3);
      bind_null (ctx, stmt, 8);
    }
  else
    {
      bind_null (ctx, stmt, 2);
      bind_text (ctx, stmt, 3, line->unit);
      bind_text (ctx, stmt, 8, category);
    }
  bind_text (ctx, stmt, 4, line->function);
  bind_text (ctx, stmt, 5, line->econ_dept);
  bind_text (ctx, stmt, 6, line->econ_gov);
  bind_text (ctx, stmt, 7, fund);
  bind_int64 (ctx, stmt, 9, line->amount);
  return save_step (ctx, stmt, TABLE_LINES);
}

static gboolean
save_indicator (SaveContext           *ctx,
                sqlite3_stmt          *stmt,
                gint64                 position,
                gint64                 project_position,
                const char            *project_code,
                const YusuanIndicator *indicator)
{
  const char *level1 = yusuan_level1_to_token (indicator->level1);
  const char *op = yusuan_operator_to_token (indicator->op);

  if (G_UNLIKELY (level1 == NULL || op == NULL))
    return save_invalid (ctx, _("an indicator of %s has an unknown group or operator"),
                         project_code ? project_code : _("the department"));
  if (G_UNLIKELY (project_position == 0 ? indicator->level1 == YUSUAN_LEVEL1_COST
                                        : indicator->level1 == YUSUAN_LEVEL1_INPUT_MANAGEMENT))
    return save_invalid (ctx, _("the indicator “%s” of %s is in a group that does not belong there"),
                         indicator->name ? indicator->name : "",
                         project_code ? project_code : _("the department"));

  bind_int64 (ctx, stmt, 1, position);
  if (project_position != 0)
    bind_int64 (ctx, stmt, 2, project_position);
  else
    bind_null (ctx, stmt, 2);
  bind_text (ctx, stmt, 3, level1);
  bind_text (ctx, stmt, 4, indicator->level2);
  bind_text (ctx, stmt, 5, indicator->name);
  bind_text (ctx, stmt, 6, op);
  bind_text (ctx, stmt, 7, indicator->value);
  bind_text (ctx, stmt, 8, indicator->unit);
  bind_text (ctx, stmt, 9, indicator->text);
  bind_text (ctx, stmt, 10, indicator->explanation);
  return save_step (ctx, stmt, TABLE_INDICATORS);
}

static gboolean
save_projects_lines_indicators (SaveContext    *ctx,
                                YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) project_stmt = NULL;
  g_autoptr(sqlite3_stmt) line_stmt = NULL;
  g_autoptr(sqlite3_stmt) indicator_stmt = NULL;
  guint n_projects = yusuan_document_get_n_projects (doc);
  guint n_basic = yusuan_document_get_n_basic_lines (doc);
  guint n_dept = yusuan_document_get_n_indicators (doc, 0);
  gint64 line_position = 0;
  gint64 indicator_position = 0;

  project_stmt = save_prepare (ctx, "INSERT INTO projects (position, code, name, unit, kind, description)"
                                    " VALUES (?, ?, ?, ?, ?, ?)");
  line_stmt = save_prepare (ctx, "INSERT INTO lines (position, project, unit, function, econ_dept, econ_gov,"
                                 " fund, category, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  indicator_stmt = save_prepare (ctx, "INSERT INTO indicators (position, project, level1, level2, name, op,"
                                      " value, unit, text, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (project_stmt == NULL || line_stmt == NULL || indicator_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_basic; i++)
    if (!save_line (ctx, line_stmt, ++line_position, 0, NULL, yusuan_document_get_basic_line (doc, i)))
      return FALSE;

  for (guint i = 0; i < n_dept; i++)
    if (!save_indicator (ctx, indicator_stmt, ++indicator_position, 0, NULL,
                         yusuan_document_get_indicator (doc, 0, i)))
      return FALSE;

  for (guint i = 0; i < n_projects; i++)
    {
      const YusuanProject *project = yusuan_document_get_project (doc, i);
      const char *kind = yusuan_project_kind_to_token (project->kind);
      gint64 position = i + 1;

      if (!yusuan_code_is_project (project->code))
        return save_invalid (ctx, _("project %u has the code “%s”, which is not 6 to 32 letters or digits"),
                             i + 1, project->code ? project->code : "");
      if (!yusuan_code_is_unit (project->unit))
        return save_invalid (ctx, _("project %s names the unit “%s”, which is not 6 to 9 digits"),
                             project->code, project->unit);
      if (kind == NULL)
        return save_invalid (ctx, _("project %s has an unknown kind"), project->code);

      bind_int64 (ctx, project_stmt, 1, position);
      bind_text (ctx, project_stmt, 2, project->code);
      bind_text (ctx, project_stmt, 3, project->name);
      bind_text (ctx, project_stmt, 4, project->unit);
      bind_text (ctx, project_stmt, 5, kind);
      bind_text (ctx, project_stmt, 6, project->description);
      if (!save_step (ctx, project_stmt, TABLE_PROJECTS))
        return FALSE;

      for (guint j = 0; project->lines != NULL && j < project->lines->len; j++)
        if (!save_line (ctx, line_stmt, ++line_position, position, project->code,
                        g_ptr_array_index (project->lines, j)))
          return FALSE;

      for (guint j = 0; project->indicators != NULL && j < project->indicators->len; j++)
        if (!save_indicator (ctx, indicator_stmt, ++indicator_position, position, project->code,
                             g_ptr_array_index (project->indicators, j)))
          return FALSE;
    }

  return TRUE;
}

static gboolean
save_three_public (SaveContext    *ctx,
                   YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!yusuan_document_has_three_public (doc))
    return TRUE;

  stmt = save_prepare (ctx, "INSERT INTO three_public (id, outbound_travel, vehicle_purchase,"
                            " vehicle_operation, official_reception) VALUES (?, ?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;
  bind_int64 (ctx, stmt, 1, 1);
  for (int i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
    {
      YusuanAmount amount = yusuan_document_get_three_public (doc, i);

      if (!is_amount (amount))
        return save_invalid (ctx, "%s", _("a “three public” amount is out of range"));
      bind_int64 (ctx, stmt, i + 2, amount);
    }
  return save_step (ctx, stmt, TABLE_THREE_PUBLIC);
}

static gboolean
save_procurement (SaveContext    *ctx,
                  YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = yusuan_document_get_n_procurement (doc);

  stmt = save_prepare (ctx, "INSERT INTO procurement (position, category, amount, project, name)"
                            " VALUES (?, ?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const YusuanProcurementItem *item = yusuan_document_get_procurement (doc, i);
      const char *category = yusuan_procurement_category_to_token (item->category);

      if (category == NULL)
        return save_invalid (ctx, _("procurement item %u has an unknown category"), i + 1);
      if (!is_amount (item->amount))
        return save_invalid (ctx, _("procurement item %u has an amount out of range"), i + 1);

      bind_int64 (ctx, stmt, 1, i + 1);
      bind_text (ctx, stmt, 2, category);
      bind_int64 (ctx, stmt, 3, item->amount);
      bind_text (ctx, stmt, 4, item->project);
      bind_text (ctx, stmt, 5, item->name);
      if (!save_step (ctx, stmt, TABLE_PROCUREMENT))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_assets (SaveContext    *ctx,
             YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 counts[3];

  if (!yusuan_document_get_assets (doc, &counts[0], &counts[1], &counts[2]))
    return TRUE;

  stmt = save_prepare (ctx, "INSERT INTO assets (id, vehicles, general_equipment, special_equipment)"
                            " VALUES (?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;
  bind_int64 (ctx, stmt, 1, 1);
  for (int i = 0; i < 3; i++)
    {
      if (counts[i] > G_MAXINT64)
        return save_invalid (ctx, "%s", _("an asset count is out of range"));
      bind_int64 (ctx, stmt, i + 2, (gint64) counts[i]);
    }
  return save_step (ctx, stmt, TABLE_ASSETS);
}

static gboolean
save_performance (SaveContext    *ctx,
                  YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) present_stmt = NULL;
  g_autoptr(sqlite3_stmt) duty_stmt = NULL;
  g_autoptr(sqlite3_stmt) task_stmt = NULL;
  guint n_duties, n_tasks;

  if (!yusuan_document_has_performance (doc))
    return TRUE;

  present_stmt = save_prepare (ctx, "INSERT INTO performance (id) VALUES (?)");
  if (present_stmt == NULL)
    return FALSE;
  bind_int64 (ctx, present_stmt, 1, 1);
  if (!save_step (ctx, present_stmt, TABLE_PERFORMANCE))
    return FALSE;

  duty_stmt = save_prepare (ctx, "INSERT INTO duties (position, text) VALUES (?, ?)");
  task_stmt = save_prepare (ctx, "INSERT INTO tasks (position, name, text) VALUES (?, ?, ?)");
  if (duty_stmt == NULL || task_stmt == NULL)
    return FALSE;

  n_duties = yusuan_document_get_n_duties (doc);
  for (guint i = 0; i < n_duties; i++)
    {
      bind_int64 (ctx, duty_stmt, 1, i + 1);
      bind_text (ctx, duty_stmt, 2, yusuan_document_get_duty (doc, i));
      if (!save_step (ctx, duty_stmt, TABLE_DUTIES))
        return FALSE;
    }

  n_tasks = yusuan_document_get_n_tasks (doc);
  for (guint i = 0; i < n_tasks; i++)
    {
      const YusuanTask *task = yusuan_document_get_task (doc, i);

      bind_int64 (ctx, task_stmt, 1, i + 1);
      bind_text (ctx, task_stmt, 2, task->name);
      bind_text (ctx, task_stmt, 3, task->text);
      if (!save_step (ctx, task_stmt, TABLE_TASKS))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_explanations (SaveContext    *ctx,
                   YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = yusuan_document_get_n_explanations (doc);

  stmt = save_prepare (ctx, "INSERT INTO explanations (position, topic, text) VALUES (?, ?, ?)");
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const YusuanExplanation *explanation = yusuan_document_get_explanation (doc, i);

      if (explanation->topic == NULL || *explanation->topic == '\0')
        return save_invalid (ctx, _("explanation %u has no topic"), i + 1);

      bind_int64 (ctx, stmt, 1, i + 1);
      bind_text (ctx, stmt, 2, explanation->topic);
      bind_text (ctx, stmt, 3, explanation->text);
      if (!save_step (ctx, stmt, TABLE_EXPLANATIONS))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_prior_year (SaveContext    *ctx,
                 YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) year_stmt = NULL;
  g_autoptr(sqlite3_stmt) figure_stmt = NULL;

  if (!yusuan_document_has_prior_year (doc))
    return TRUE;

  year_stmt = save_prepare (ctx, "INSERT INTO prior_year (id, fiscal_year) VALUES (?, ?)");
  figure_stmt = save_prepare (ctx, "INSERT INTO prior_figures (key, amount) VALUES (?, ?)");
  if (year_stmt == NULL || figure_stmt == NULL)
    return FALSE;

  bind_int64 (ctx, year_stmt, 1, 1);
  bind_int64 (ctx, year_stmt, 2, yusuan_document_get_prior_fiscal_year (doc));
  if (!save_step (ctx, year_stmt, TABLE_PRIOR_YEAR))
    return FALSE;

  for (int key = 0; key < YUSUAN_N_PRIOR_KEYS; key++)
    {
      YusuanAmount amount;

      if (!yusuan_document_get_prior_figure (doc, key, &amount))
        continue;
      if (!is_amount (amount))
        return save_invalid (ctx, _("the prior-year figure “%s” is out of range"),
                             yusuan_prior_key_to_token (key));
      bind_text (ctx, figure_stmt, 1, yusuan_prior_key_to_token (key));
      bind_int64 (ctx, figure_stmt, 2, amount);
      if (!save_step (ctx, figure_stmt, TABLE_PRIOR_FIGURES))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_control_numbers (SaveContext    *ctx,
                      YusuanDocument *doc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 position = 0;

  if (!yusuan_document_has_control_numbers (doc))
    return TRUE;

  stmt = save_prepare (ctx, "INSERT INTO control_numbers (position, fund, kind, amount) VALUES (?, ?, ?, ?)");
  if (stmt == NULL)
    return FALSE;

  for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
    for (int kind = 0; kind < YUSUAN_N_SPENDING_KINDS; kind++)
      {
        YusuanAmount amount;

        if (!yusuan_document_get_control_number (doc, fund, kind, &amount))
          continue;
        if (!is_amount (amount))
          {
            g_autofree char *what = yusuan_fund_spending_label (fund, kind);

            return save_invalid (ctx, _("the control number for %s is out of range"), what);
          }
        bind_int64 (ctx, stmt, 1, ++position);
        bind_text (ctx, stmt, 2, yusuan_fund_to_token (fund));
        bind_text (ctx, stmt, 3, yusuan_spending_kind_to_token (kind));
        bind_int64 (ctx, stmt, 4, amount);
        if (!save_step (ctx, stmt, TABLE_CONTROL_NUMBERS))
          return FALSE;
      }
  return TRUE;
}

static gboolean
save_checksum (SaveContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = digest_finish (&ctx->digest);

  stmt = save_prepare (ctx, "INSERT INTO checksum (id, sha256) VALUES (1, ?)");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return save_sqlite_failed (ctx, "checksum");
  return TRUE;
}

/* Runs migrations [from, YUSUAN_STORE_SCHEMA_VERSION) inside the caller's transaction. */
static gboolean
run_migrations (sqlite3  *db,
                int       from,
                char    **errmsg)
{
  for (int v = from; v < YUSUAN_STORE_SCHEMA_VERSION; v++)
    if (sqlite3_exec (db, migrations[v], NULL, NULL, errmsg) != SQLITE_OK)
      return FALSE;
  return TRUE;
}

static gboolean
write_database (SaveContext    *ctx,
                YusuanDocument *doc)
{
  char *errmsg = NULL;

  /* A fresh private file: nobody else reads it until it is renamed into
   * place, so it needs no on-disk journal; durability comes from the fsync
   * before the rename.  The CHECK constraints guard the file against other
   * writers; every row this save writes has passed the same rules in C
   * already (with a message that names the row), and checking them twice
   * would cost a third of the save.  The tests hold the two in step with
   * PRAGMA integrity_check. */
  if (!exec_sql (ctx, "PRAGMA locking_mode = EXCLUSIVE")
      || !exec_sql (ctx, "PRAGMA journal_mode = MEMORY")
      || !exec_sql (ctx, "PRAGMA synchronous = OFF")
      || !exec_sql (ctx, "PRAGMA foreign_keys = ON")
      || !exec_sql (ctx, "PRAGMA ignore_check_constraints = ON")
      || !exec_sql (ctx, "PRAGMA cache_size = -32768")
      || !exec_sql (ctx, "BEGIN IMMEDIATE"))
    return FALSE;

  if (!exec_sql (ctx, PRAGMA_APPLICATION_ID))
    goto rollback;

  if (!run_migrations (ctx->db, 0, &errmsg))
    {
      g_autofree char *name = display_name (ctx->path);

      g_set_error (ctx->error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot save “%s”: %s"), name, errmsg);
      sqlite3_free (errmsg);
      goto rollback;
    }

  if (!save_header (ctx, doc)
      || !save_units (ctx, doc)
      || !save_revenues (ctx, doc)
      || !save_projects_lines_indicators (ctx, doc)
      || !save_three_public (ctx, doc)
      || !save_procurement (ctx, doc)
      || !save_assets (ctx, doc)
      || !save_performance (ctx, doc)
      || !save_explanations (ctx, doc)
      || !save_prior_year (ctx, doc)
      || !save_control_numbers (ctx, doc)
      || !save_checksum (ctx))
    goto rollback;

  if (!exec_sql (ctx, "COMMIT"))
    goto rollback;

  return TRUE;

rollback:
  sqlite3_exec (ctx->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    goto failed;
  /* Some file systems cannot sync a directory; they order renames anyway. */
  if (fsync (fd) != 0 && !(directory && (errno == EINVAL || errno == EBADF)))
    {
      saved_errno = errno;
      close (fd);
      errno = saved_errno;
      goto failed;
    }
  close (fd);
  return TRUE;

failed:
  saved_errno = errno;
  {
    g_autofree char *name = display_name (path);

    g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                 _("Cannot write “%s” to disk: %s"), name, g_strerror (saved_errno));
  }
  return FALSE;
}

/* A save killed mid-way leaves its temporary file ".NAME.XXXXXX" behind,
 * as large as the document.  One that nobody holds (a save in progress holds
 * its flock) and that is not brand new (its creator may not have taken the
 * flock yet) is removed by the next save of the same document. */
#define ABANDONED_SECONDS 60

static void
remove_abandoned_temporaries (const char *dir_path,
                              const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gsize prefix_len = strlen (prefix);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (strncmp (name, prefix, prefix_len) != 0 || strlen (name) != prefix_len + 6)
        continue;

      path = g_build_filename (dir_path, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
          && time (NULL) - st.st_mtime > ABANDONED_SECONDS
          && flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing %s, left by an interrupted save", path);
          g_unlink (path);
        }
      close (fd);
    }
  g_dir_close (dir);
}

/* The file a save replaces: a symbolic link is followed, so that the link
 * stays and its target gets the new content. */
static char *
resolve_target (const char *path)
{
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *result = g_strdup (resolved);

      free (resolved);
      return result;
    }
  return g_strdup (path);
}

gboolean
yusuan_store_save (YusuanDocument  *document,
                   const char      *path,
                   GError         **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  SaveContext ctx = { NULL, path, error, };
  struct stat st;
  gboolean exists;
  gboolean ok;
  int tmp_fd;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  yusuan_core_init ();

  target = resolve_target (path);
  exists = g_stat (target, &st) == 0;
  if (exists)
    {
      SqliteHeader header;

      if (!S_ISREG (st.st_mode))
        {
          g_autofree char *name = display_name (path);

          g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                       _("Cannot save “%s”: it is not a regular file"), name);
          return FALSE;
        }
      /* The rename would replace it regardless: respect what the owner said. */
      if (g_access (target, W_OK) != 0)
        {
          g_autofree char *name = display_name (path);

          g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                       _("Cannot save “%s”: the file is read-only. Save under another name."), name);
          return FALSE;
        }
      if (!read_sqlite_header (target, &header, error))
        return FALSE;
      /* Never replace someone else's file with ours. */
      if (!header.is_sqlite || header.application_id != YUSUAN_STORE_APPLICATION_ID)
        {
          g_autofree char *name = display_name (path);

          g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_NOT_A_DOCUMENT,
                       _("“%s” exists and is not a Yusuan document: Yusuan does not overwrite it. "
                         "Save under another name."), name);
          return FALSE;
        }
      if (header.user_version > YUSUAN_STORE_SCHEMA_VERSION)
        {
          g_autofree char *name = display_name (path);

          g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_TOO_NEW,
                       _("“%s” was written by a newer version of Yusuan; saving over it would lose "
                         "what this version does not know. Save under another name, or update Yusuan."),
                       name);
          return FALSE;
        }
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  {
    g_autofree char *tmp_base = g_strdup_printf (".%s.XXXXXX", base);

    tmp_path = g_build_filename (dir, tmp_base, NULL);
  }

  remove_abandoned_temporaries (dir, base);

  /* 0666 so that the umask applies as for any new file; a replaced file
   * keeps its permissions.  The flock marks the file as being written. */
  tmp_fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (tmp_fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);
      g_autofree char *dir_name = display_name (dir);

      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot save “%s”: cannot create a file in “%s”: %s"),
                   name, dir_name, g_strerror (saved_errno));
      return FALSE;
    }
  (void) flock (tmp_fd, LOCK_EX | LOCK_NB);
  if (exists)
    (void) fchmod (tmp_fd, st.st_mode & 07777);

  if (sqlite3_open_v2 (tmp_path, &ctx.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      save_sqlite_failed (&ctx, tmp_path);
      goto failed;
    }

  digest_init (&ctx.digest);
  ok = write_database (&ctx, document);
  if (!ok)
    goto failed;

  if (sqlite3_close (ctx.db) != SQLITE_OK)
    {
      save_sqlite_failed (&ctx, tmp_path);
      goto failed;
    }
  ctx.db = NULL;

  if (fsync (tmp_fd) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);

      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot write “%s” to disk: %s"), name, g_strerror (saved_errno));
      goto failed;
    }

  if (g_rename (tmp_path, target) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);

      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot save “%s”: %s"), name, g_strerror (saved_errno));
      goto failed;
    }
  close (tmp_fd);

  /* The rename is durable only once the directory is. */
  return fsync_path (dir, TRUE, error);

failed:
  if (ctx.db != NULL)
    sqlite3_close (ctx.db);
  g_unlink (tmp_path);
  close (tmp_fd);
  return FALSE;
}

/* ------------------------------------------------------------------- load */

typedef struct
{
  sqlite3         *db;
  const char      *path;
  YusuanDocument  *doc;
  GHashTable      *projects;  /* position -> project id */
  GError         **error;
  Digest           digest;
} LoadContext;

static gboolean load_damaged (LoadContext *ctx,
                              const char  *table,
                              gint64       row,
                              const char  *format,
                              ...) G_GNUC_PRINTF (4, 5);

static gboolean
load_damaged (LoadContext *ctx,
              const char  *table,
              gint64       row,
              const char  *format,
              ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (row > 0)
    /* Translators: e.g. table “lines”, row 12: the fund “x” is unknown */
    set_damaged (ctx->error, ctx->path, _("table “%s”, row %" PRId64 ": %s"), table, row, what);
  else
    set_damaged (ctx->error, ctx->path, _("table “%s”: %s"), table, what);
  return FALSE;
}

static sqlite3_stmt *
load_prepare (LoadContext *ctx,
              const char  *table,
              const char  *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (ctx->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      load_damaged (ctx, table, 0, _("it cannot be read (%s)"), sqlite3_errmsg (ctx->db));
      return NULL;
    }
  return stmt;
}

static gboolean
load_step_failed (LoadContext *ctx,
                  const char  *table)
{
  return load_damaged (ctx, table, 0, _("it cannot be read (%s)"), sqlite3_errmsg (ctx->db));
}

/* Column readers: each checks the stored type, so that a text where a
 * number belongs is damage, not a silent zero. */
static gboolean
column_int64 (LoadContext  *ctx,
              sqlite3_stmt *stmt,
              int           column,
              const char   *table,
              gint64        row,
              gint64       *out)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return load_damaged (ctx, table, row, _("“%s” is not a whole number"),
                         sqlite3_column_name (stmt, column));
  *out = sqlite3_column_int64 (stmt, column);
  return TRUE;
}

static gboolean
column_amount (LoadContext  *ctx,
               sqlite3_stmt *stmt,
               int           column,
               const char   *table,
               gint64        row,
               YusuanAmount *out)
{
  if (!column_int64 (ctx, stmt, column, table, row, out))
    return FALSE;
  if (!is_amount (*out))
    return load_damaged (ctx, table, row, _("the amount %" PRId64 " is out of range"), *out);
  return TRUE;
}

/* NULL stays NULL; anything else must be text (valid UTF-8). */
static gboolean
column_text (LoadContext  *ctx,
             sqlite3_stmt *stmt,
             int           column,
             const char   *table,
             gint64        row,
             gboolean      nullable,
             const char  **out)
{
  int type = sqlite3_column_type (stmt, column);
  const char *text;

  if (type == SQLITE_NULL && nullable)
    {
      *out = NULL;
      return TRUE;
    }
  if (type != SQLITE_TEXT)
    return load_damaged (ctx, table, row, _("“%s” is missing or not text"),
                         sqlite3_column_name (stmt, column));
  text = (const char *) sqlite3_column_text (stmt, column);
  if (!g_utf8_validate (text, sqlite3_column_bytes (stmt, column), NULL)
      || strlen (text) != (gsize) sqlite3_column_bytes (stmt, column))
    return load_damaged (ctx, table, row, _("“%s” is not valid text"),
                         sqlite3_column_name (stmt, column));
  *out = text;
  return TRUE;
}

static gboolean
column_code (LoadContext  *ctx,
             sqlite3_stmt *stmt,
             int           column,
             const char   *table,
             gint64        row,
             gboolean    (*valid) (const char *),
             const char  **out)
{
  if (!column_text (ctx, stmt, column, table, row, FALSE, out))
    return FALSE;
  if (!valid (*out))
    return load_damaged (ctx, table, row, _("the code “%s” in “%s” is not well-formed"),
                         *out, sqlite3_column_name (stmt, column));
  return TRUE;
}

#define COLUMN_TOKEN(ctx, stmt, column, table, row, from_token, out) \
  G_STMT_START { \
    const char *token_; \
    if (!column_text (ctx, stmt, column, table, row, FALSE, &token_)) \
      return FALSE; \
    if (!from_token (token_, out)) \
      return load_damaged (ctx, table, row, _("“%s” is not a known value of “%s”"), \
                           token_, sqlite3_column_name (stmt, column)); \
  } G_STMT_END

static gboolean
load_header (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *code, *name, *region;
  YusuanStage stage;
  gint64 year, id;
  int rc;

  stmt = load_prepare (ctx, "header", "SELECT id, fiscal_year, stage, department_code, department_name, region"
                                      " FROM header");
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return load_damaged (ctx, "header", 0, "%s", _("it is empty"));
  if (rc != SQLITE_ROW)
    return load_step_failed (ctx, "header");
  digest_result_row (&ctx->digest, stmt, TABLE_HEADER);

  if (!column_int64 (ctx, stmt, 0, "header", 1, &id)
      || !column_int64 (ctx, stmt, 1, "header", 1, &year))
    return FALSE;
  if (year < 2000 || year > 2100)
    return load_damaged (ctx, "header", 1, _("the fiscal year %" PRId64 " is out of range"), year);
  COLUMN_TOKEN (ctx, stmt, 2, "header", 1, yusuan_stage_from_token, &stage);
  if (!column_text (ctx, stmt, 3, "header", 1, FALSE, &code)
      || !column_text (ctx, stmt, 4, "header", 1, TRUE, &name)
      || !column_text (ctx, stmt, 5, "header", 1, TRUE, &region))
    return FALSE;
  if (!yusuan_code_is_department (code))
    return load_damaged (ctx, "header", 1, _("the department code “%s” is not well-formed"), code);
  if (region != NULL && !yusuan_code_is_region (region))
    return load_damaged (ctx, "header", 1, _("the region code “%s” is not well-formed"), region);

  yusuan_document_set_header (ctx->doc, (int) year, stage, code, name, region);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return load_damaged (ctx, "header", 2, "%s", _("there is more than one header"));
  return TRUE;
}

static gboolean
load_units (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = load_prepare (ctx, "units", "SELECT position, code, name, kind FROM units ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      const char *code, *name;
      YusuanUnitKind kind;

      digest_result_row (&ctx->digest, stmt, TABLE_UNITS);

      if (!column_code (ctx, stmt, 1, "units", row, yusuan_code_is_unit, &code)
          || !column_text (ctx, stmt, 2, "units", row, TRUE, &name))
        return FALSE;
      COLUMN_TOKEN (ctx, stmt, 3, "units", row, yusuan_unit_kind_from_token, &kind);
      if (yusuan_document_add_unit (ctx->doc, code, name, kind) == NULL)
        return load_damaged (ctx, "units", row, _("the unit “%s” cannot be added"), code);
    }
  return rc == SQLITE_DONE || load_step_failed (ctx, "units");
}

static gboolean
load_revenues (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = load_prepare (ctx, "revenues", "SELECT position, unit, source, amount FROM revenues ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      const char *unit;
      YusuanFund source;
      YusuanAmount amount;

      digest_result_row (&ctx->digest, stmt, TABLE_REVENUES);

      if (!column_code (ctx, stmt, 1, "revenues", row, yusuan_code_is_unit, &unit))
        return FALSE;
      COLUMN_TOKEN (ctx, stmt, 2, "revenues", row, yusuan_fund_from_token, &source);
      if (!column_amount (ctx, stmt, 3, "revenues", row, &amount))
        return FALSE;
      if (yusuan_document_add_revenue (ctx->doc, unit, source, amount) == NULL)
        return load_damaged (ctx, "revenues", row, "%s", _("the revenue cannot be added"));
    }
  return rc == SQLITE_DONE || load_step_failed (ctx, "revenues");
}

static gboolean
load_projects (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = load_prepare (ctx, "projects", "SELECT position, code, name, unit, kind, description"
                                        " FROM projects ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      const char *code, *name, *unit, *description;
      const YusuanProject *project;
      YusuanProjectKind kind;

      digest_result_row (&ctx->digest, stmt, TABLE_PROJECTS);

      if (!column_code (ctx, stmt, 1, "projects", row, yusuan_code_is_project, &code)
          || !column_text (ctx, stmt, 2, "projects", row, TRUE, &name)
          || !column_code (ctx, stmt, 3, "projects", row, yusuan_code_is_unit, &unit))
        return FALSE;
      COLUMN_TOKEN (ctx, stmt, 4, "projects", row, yusuan_project_kind_from_token, &kind);
      if (!column_text (ctx, stmt, 5, "projects", row, TRUE, &description))
        return FALSE;

      project = yusuan_document_add_project (ctx->doc, code, name, unit, kind, description);
      if (project == NULL)
        return load_damaged (ctx, "projects", row, _("the project “%s” cannot be added"), code);
      g_hash_table_insert (ctx->projects, g_memdup2 (&row, sizeof row), GUINT_TO_POINTER (project->id));
    }
  return rc == SQLITE_DONE || load_step_failed (ctx, "projects");
}

/* The project a line or indicator belongs to: 0 for none (NULL), FALSE when
 * it names a project that is not there. */
static gboolean
column_project (LoadContext  *ctx,
                sqlite3_stmt *stmt,
                int           column,
                const char   *table,
                gint64        row,
                guint        *out_project_id)
{
  gint64 position;
  gpointer id;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      *out_project_id = 0;
      return TRUE;
    }
  if (!column_int64 (ctx, stmt, column, table, row, &position))
    return FALSE;
  if (!g_hash_table_lookup_extended (ctx->projects, &position, NULL, &id))
    return load_damaged (ctx, table, row, _("it belongs to project %" PRId64 ", which is missing"),
                         position);
  *out_project_id = GPOINTER_TO_UINT (id);
  return TRUE;
}

static gboolean
load_lines (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = load_prepare (ctx, "lines", "SELECT position, project, unit, function, econ_dept, econ_gov,"
                                     " fund, category, amount FROM lines ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      YusuanLine values = { 0, };
      const char *unit = NULL, *function, *econ_dept, *econ_gov;

      digest_result_row (&ctx->digest, stmt, TABLE_LINES);

      if (!column_project (ctx, stmt, 1, "lines", row, &values.project_id))
        return FALSE;
      if (values.project_id == 0)
        {
          if (!column_code (ctx, stmt, 2, "lines", row, yusuan_code_is_unit, &unit))
            return FALSE;
          COLUMN_TOKEN (ctx, stmt, 7, "lines", row, yusuan_category_from_token, &values.category);
          g_strlcpy (values.unit, unit, sizeof values.unit);
        }
      else
        values.category = YUSUAN_CATEGORY_PUBLIC;

      if (!column_code (ctx, stmt, 3, "lines", row, yusuan_code_is_function, &function)
          || !column_code (ctx, stmt, 4, "lines", row, yusuan_code_is_econ_dept, &econ_dept)
          || !column_code (ctx, stmt, 5, "lines", row, yusuan_code_is_econ_gov, &econ_gov))
        return FALSE;
      COLUMN_TOKEN (ctx, stmt, 6, "lines", row, yusuan_fund_from_token, &values.fund);
      if (!column_amount (ctx, stmt, 8, "lines", row, &values.amount))
        return FALSE;

      memcpy (values.function, function, YUSUAN_FUNCTION_CODE_SIZE);
      memcpy (values.econ_dept, econ_dept, YUSUAN_ECON_CODE_SIZE);
      memcpy (values.econ_gov, econ_gov, YUSUAN_ECON_CODE_SIZE);

      if (yusuan_document_add_line (ctx->doc, &values) == NULL)
        return load_damaged (ctx, "lines", row, "%s", _("the line cannot be added"));
    }
  return rc == SQLITE_DONE || load_step_failed (ctx, "lines");
}

static gboolean
load_indicators (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = load_prepare (ctx, "indicators", "SELECT position, project, level1, level2, name, op, value, unit,"
                                          " text, explanation FROM indicators ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      YusuanIndicator values = { 0, };
      guint project_id;
      const char *value;

      digest_result_row (&ctx->digest, stmt, TABLE_INDICATORS);

      if (!column_project (ctx, stmt, 1, "indicators", row, &project_id))
        return FALSE;
      COLUMN_TOKEN (ctx, stmt, 2, "indicators", row, yusuan_level1_from_token, &values.level1);
      if (project_id == 0 ? values.level1 == YUSUAN_LEVEL1_COST
                          : values.level1 == YUSUAN_LEVEL1_INPUT_MANAGEMENT)
        return load_damaged (ctx, "indicators", row, _("the group “%s” does not belong there"),
                             yusuan_level1_to_token (values.level1));
      COLUMN_TOKEN (ctx, stmt, 5, "indicators", row, yusuan_operator_from_token, &values.op);
      if (!column_text (ctx, stmt, 3, "indicators", row, TRUE, (const char **) &values.level2)
          || !column_text (ctx, stmt, 4, "indicators", row, TRUE, (const char **) &values.name)
          || !column_text (ctx, stmt, 6, "indicators", row, TRUE, &value)
          || !column_text (ctx, stmt, 7, "indicators", row, TRUE, (const char **) &values.unit)
          || !column_text (ctx, stmt, 8, "indicators", row, TRUE, (const char **) &values.text)
          || !column_text (ctx, stmt, 9, "indicators", row, TRUE, (const char **) &values.explanation))
        return FALSE;
      if (value != NULL)
        {
          g_autofree char *normalized = yusuan_decimal_normalize (value, NULL);

          if (normalized == NULL)
            return load_damaged (ctx, "indicators", row, _("the target “%s” is not a number"), value);
        }
      values.value = (char *) value;

      if (yusuan_document_add_indicator (ctx->doc, project_id, &values) == NULL)
        return load_damaged (ctx, "indicators", row, "%s", _("the indicator cannot be added"));
    }
  return rc == SQLITE_DONE || load_step_failed (ctx, "indicators");
}

static gboolean
load_three_public (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC];
  int rc;

  stmt = load_prepare (ctx, "three_public", "SELECT id, outbound_travel, vehicle_purchase, vehicle_operation,"
                                            " official_reception FROM three_public");
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return load_step_failed (ctx, "three_public");
  digest_result_row (&ctx->digest, stmt, TABLE_THREE_PUBLIC);
  for (int i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
    if (!column_amount (ctx, stmt, i + 1, "three_public", 1, &amounts[i]))
      return FALSE;
  yusuan_document_set_three_public (ctx->doc, amounts);
  return TRUE;
}

static gboolean
load_procurement (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  /* Text pointers die at the next step: copies live until the list is set. */
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = load_prepare (ctx, "procurement", "SELECT position, category, amount, project, name"
                                           " FROM procurement ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      YusuanProcurementItem item = { 0, };
      const char *project, *name;

      digest_result_row (&ctx->digest, stmt, TABLE_PROCUREMENT);

      COLUMN_TOKEN (ctx, stmt, 1, "procurement", row, yusuan_procurement_category_from_token, &item.category);
      if (!column_amount (ctx, stmt, 2, "procurement", row, &item.amount)
          || !column_text (ctx, stmt, 3, "procurement", row, TRUE, &project)
          || !column_text (ctx, stmt, 4, "procurement", row, TRUE, &name))
        return FALSE;
      item.project = g_strdup (project);
      item.name = g_strdup (name);
      g_ptr_array_add (strings, item.project);
      g_ptr_array_add (strings, item.name);
      g_array_append_val (items, item);
    }
  if (rc != SQLITE_DONE)
    return load_step_failed (ctx, "procurement");

  if (items->len > 0)
    yusuan_document_set_procurement (ctx->doc, (const YusuanProcurementItem *) (gconstpointer) items->data,
                                     items->len);
  return TRUE;
}

static gboolean
load_assets (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 counts[3];
  int rc;

  stmt = load_prepare (ctx, "assets", "SELECT id, vehicles, general_equipment, special_equipment FROM assets");
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return load_step_failed (ctx, "assets");
  digest_result_row (&ctx->digest, stmt, TABLE_ASSETS);
  for (int i = 0; i < 3; i++)
    {
      if (!column_int64 (ctx, stmt, i + 1, "assets", 1, &counts[i]))
        return FALSE;
      if (counts[i] < 0)
        return load_damaged (ctx, "assets", 1, _("the count %" PRId64 " is negative"), counts[i]);
    }
  yusuan_document_set_assets (ctx->doc, TRUE, counts[0], counts[1], counts[2]);
  return TRUE;
}

static gboolean
load_performance (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) present_stmt = NULL;
  g_autoptr(sqlite3_stmt) duty_stmt = NULL;
  g_autoptr(sqlite3_stmt) task_stmt = NULL;
  g_autoptr(GPtrArray) duties = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) task_strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) tasks = g_array_new (FALSE, TRUE, sizeof (YusuanTask));
  gboolean present;
  int rc;

  present_stmt = load_prepare (ctx, "performance", "SELECT id FROM performance");
  if (present_stmt == NULL)
    return FALSE;
  rc = sqlite3_step (present_stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return load_step_failed (ctx, "performance");
  present = rc == SQLITE_ROW;
  if (present)
    digest_result_row (&ctx->digest, present_stmt, TABLE_PERFORMANCE);

  duty_stmt = load_prepare (ctx, "duties", "SELECT position, text FROM duties ORDER BY position");
  task_stmt = load_prepare (ctx, "tasks", "SELECT position, name, text FROM tasks ORDER BY position");
  if (duty_stmt == NULL || task_stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (duty_stmt)) == SQLITE_ROW)
    {
      const char *text;

      digest_result_row (&ctx->digest, duty_stmt, TABLE_DUTIES);
      if (!column_text (ctx, duty_stmt, 1, "duties", sqlite3_column_int64 (duty_stmt, 0), TRUE, &text))
        return FALSE;
      g_ptr_array_add (duties, g_strdup (text ? text : ""));
    }
  if (rc != SQLITE_DONE)
    return load_step_failed (ctx, "duties");

  while ((rc = sqlite3_step (task_stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (task_stmt, 0);
      YusuanTask task;
      const char *name, *text;

      digest_result_row (&ctx->digest, task_stmt, TABLE_TASKS);
      if (!column_text (ctx, task_stmt, 1, "tasks", row, TRUE, &name)
          || !column_text (ctx, task_stmt, 2, "tasks", row, TRUE, &text))
        return FALSE;
      task.name = g_strdup (name);
      task.text = g_strdup (text);
      g_ptr_array_add (task_strings, task.name);
      g_ptr_array_add (task_strings, task.text);
      g_array_append_val (tasks, task);
    }
  if (rc != SQLITE_DONE)
    return load_step_failed (ctx, "tasks");

  if (present)
    yusuan_document_set_performance (ctx->doc, TRUE,
                                     (const char *const *) duties->pdata, duties->len,
                                     (const YusuanTask *) (gconstpointer) tasks->data, tasks->len);
  else if (duties->len > 0 || tasks->len > 0)
    return load_damaged (ctx, "performance", 0, "%s", _("duties or tasks exist without the block"));
  return TRUE;
}

static gboolean
load_explanations (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = load_prepare (ctx, "explanations", "SELECT position, topic, text FROM explanations ORDER BY position");
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      const char *topic, *text;

      digest_result_row (&ctx->digest, stmt, TABLE_EXPLANATIONS);

      if (!column_text (ctx, stmt, 1, "explanations", row, FALSE, &topic)
          || !column_text (ctx, stmt, 2, "explanations", row, TRUE, &text))
        return FALSE;
      if (*topic == '\0')
        return load_damaged (ctx, "explanations", row, "%s", _("the topic is empty"));
      if (yusuan_document_find_explanation (ctx->doc, topic) != NULL)
        return load_damaged (ctx, "explanations", row, _("the topic “%s” appears twice"), topic);
      /* NULL would remove the topic: an explanation that exists has text. */
      yusuan_document_set_explanation (ctx->doc, topic, text ? text : "");
    }
  return rc == SQLITE_DONE || load_step_failed (ctx, "explanations");
}

static gboolean
load_prior_year (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) year_stmt = NULL;
  g_autoptr(sqlite3_stmt) figure_stmt = NULL;
  gboolean has[YUSUAN_N_PRIOR_KEYS] = { FALSE, };
  YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS] = { 0, };
  gboolean present;
  gint64 year = 0;
  gint64 row = 0;
  int rc;

  year_stmt = load_prepare (ctx, "prior_year", "SELECT id, fiscal_year FROM prior_year");
  figure_stmt = load_prepare (ctx, "prior_figures", "SELECT key, amount FROM prior_figures ORDER BY rowid");
  if (year_stmt == NULL || figure_stmt == NULL)
    return FALSE;

  rc = sqlite3_step (year_stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return load_step_failed (ctx, "prior_year");
  present = rc == SQLITE_ROW;
  if (present)
    digest_result_row (&ctx->digest, year_stmt, TABLE_PRIOR_YEAR);
  if (present && !column_int64 (ctx, year_stmt, 1, "prior_year", 1, &year))
    return FALSE;
  if (present && (year < G_MININT || year > G_MAXINT))
    return load_damaged (ctx, "prior_year", 1, _("the fiscal year %" PRId64 " is out of range"), year);

  while ((rc = sqlite3_step (figure_stmt)) == SQLITE_ROW)
    {
      YusuanPriorKey key;

      row++;
      digest_result_row (&ctx->digest, figure_stmt, TABLE_PRIOR_FIGURES);
      COLUMN_TOKEN (ctx, figure_stmt, 0, "prior_figures", row, yusuan_prior_key_from_token, &key);
      if (has[key])
        return load_damaged (ctx, "prior_figures", row, _("the figure “%s” appears twice"),
                             yusuan_prior_key_to_token (key));
      if (!column_amount (ctx, figure_stmt, 1, "prior_figures", row, &amounts[key]))
        return FALSE;
      has[key] = TRUE;
    }
  if (rc != SQLITE_DONE)
    return load_step_failed (ctx, "prior_figures");

  if (present)
    yusuan_document_set_prior_year (ctx->doc, TRUE, (int) year, has, amounts);
  else if (row > 0)
    return load_damaged (ctx, "prior_figures", 0, "%s", _("figures exist without a prior year"));
  return TRUE;
}

static gboolean
load_control_numbers (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has[YUSUAN_N_CONTROL_NUMBERS] = { FALSE, };
  YusuanAmount amounts[YUSUAN_N_CONTROL_NUMBERS] = { 0, };
  gint64 row = 0;
  int rc;

  stmt = load_prepare (ctx, "control_numbers",
                       "SELECT position, fund, kind, amount FROM control_numbers ORDER BY position");
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YusuanFund fund;
      YusuanSpendingKind kind;
      guint i;

      row++;
      digest_result_row (&ctx->digest, stmt, TABLE_CONTROL_NUMBERS);
      COLUMN_TOKEN (ctx, stmt, 1, "control_numbers", row, yusuan_fund_from_token, &fund);
      COLUMN_TOKEN (ctx, stmt, 2, "control_numbers", row, yusuan_spending_kind_from_token, &kind);
      i = yusuan_control_number_index (fund, kind);
      if (has[i])
        {
          g_autofree char *what = yusuan_fund_spending_label (fund, kind);

          return load_damaged (ctx, "control_numbers", row, _("the control number for %s appears twice"), what);
        }
      if (!column_amount (ctx, stmt, 3, "control_numbers", row, &amounts[i]))
        return FALSE;
      has[i] = TRUE;
    }
  if (rc != SQLITE_DONE)
    return load_step_failed (ctx, "control_numbers");

  if (row > 0)
    yusuan_document_set_control_numbers (ctx->doc, TRUE, has, amounts);
  return TRUE;
}

/* Every row read must be a row some save wrote. */
static gboolean
load_checksum (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *computed = NULL;
  const char *stored;
  int rc;

  stmt = load_prepare (ctx, "checksum", "SELECT sha256 FROM checksum WHERE id = 1");
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return load_damaged (ctx, "checksum", 0, "%s", _("it is empty"));
  if (rc != SQLITE_ROW)
    return load_step_failed (ctx, "checksum");
  if (!column_text (ctx, stmt, 0, "checksum", 1, FALSE, &stored))
    return FALSE;

  computed = digest_finish (&ctx->digest);
  if (g_ascii_strcasecmp (computed, stored) != 0)
    {
      set_damaged (ctx->error, ctx->path, "%s",
                   _("its content does not match its checksum (some of it was changed "
                     "after Yusuan saved it)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  if (sqlite3_prepare_v2 (ctx->db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_damaged (ctx->error, ctx->path, "%s", sqlite3_errmsg (ctx->db));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_damaged (ctx->error, ctx->path, "%s", sqlite3_errmsg (ctx->db));
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      /* quick_check's report starts with "*** in database main ***". */
      if (result != NULL && g_str_has_prefix (result, "*** in database main ***"))
        result += strlen ("*** in database main ***");
      while (result != NULL && g_ascii_isspace (*result))
        result++;
      set_damaged (ctx->error, ctx->path, _("the database is inconsistent (%s)"), result ? result : "?");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_tables (LoadContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (ctx->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_damaged (ctx->error, ctx->path, "%s", sqlite3_errmsg (ctx->db));
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (required_tables); i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, required_tables[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          set_damaged (ctx->error, ctx->path, _("the table “%s” is missing"), required_tables[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          set_damaged (ctx->error, ctx->path, "%s", sqlite3_errmsg (ctx->db));
          return FALSE;
        }
    }
  return TRUE;
}

/* The file may come from anywhere: its schema runs no function with side
 * effects, it cannot be written through, and no value may be huge. */
#define MAX_VALUE_LENGTH (16 * 1024 * 1024)

static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_LENGTH);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
}

/* An older file is copied into memory and upgraded there. */
static sqlite3 *
migrate_in_memory (sqlite3     *file_db,
                   int          version,
                   const char  *path,
                   GError     **error)
{
  sqlite3 *mem = NULL;
  sqlite3_backup *backup;
  char *errmsg = NULL;

  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    goto failed;
  harden (mem);
  backup = sqlite3_backup_init (mem, "main", file_db, "main");
  if (backup == NULL)
    goto failed;
  sqlite3_backup_step (backup, -1);
  if (sqlite3_backup_finish (backup) != SQLITE_OK)
    goto failed;

  if (sqlite3_exec (mem, "BEGIN", NULL, NULL, &errmsg) != SQLITE_OK
      || !run_migrations (mem, version, &errmsg)
      || sqlite3_exec (mem, "COMMIT", NULL, NULL, &errmsg) != SQLITE_OK)
    {
      set_damaged (error, path, _("it cannot be upgraded from format %d (%s)"), version,
                   errmsg ? errmsg : sqlite3_errmsg (mem));
      sqlite3_free (errmsg);
      sqlite3_close (mem);
      return NULL;
    }
  return mem;

failed:
  set_damaged (error, path, _("it cannot be upgraded from format %d (%s)"), version,
               mem ? sqlite3_errmsg (mem) : "out of memory");
  sqlite3_close (mem);
  return NULL;
}

/* SQLite's URI form of @path, so that immutable=1 can be asked for; every
 * byte outside the unreserved set is %-escaped ('?', '#', '%', non-ASCII). */
static char *
readonly_uri (const char *path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *escaped = NULL;

  absolute = g_path_is_absolute (path) ? g_strdup (path) : g_canonicalize_filename (path, NULL);
  escaped = g_uri_escape_string (absolute, "/", FALSE);
  return g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
}

YusuanDocument *
yusuan_store_load (const char  *path,
                   GError     **error)
{
  g_autoptr(YusuanDocument) doc = NULL;
  g_autoptr(GHashTable) projects = NULL;
  g_autofree char *uri = NULL;
  LoadContext ctx = { NULL, path, NULL, NULL, error };
  SqliteHeader header;
  gboolean migrated = FALSE;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  yusuan_core_init ();

  /* What the file is, from its header alone, before SQLite sees it. */
  if (!read_sqlite_header (path, &header, error))
    return NULL;
  if (!header.is_sqlite || header.application_id != YUSUAN_STORE_APPLICATION_ID)
    {
      set_not_a_document (error, path);
      return NULL;
    }
  if (header.user_version > YUSUAN_STORE_SCHEMA_VERSION)
    {
      set_too_new (error, path, header.user_version);
      return NULL;
    }
  if (header.user_version < 1)
    {
      set_damaged (error, path, _("its format version %d is not valid"), (int) header.user_version);
      return NULL;
    }
  if (header.page_size < 512 || (header.page_size & (header.page_size - 1)) != 0
      || header.file_size % header.page_size != 0
      || (goffset) header.page_count * header.page_size > header.file_size)
    {
      set_damaged (error, path, "%s", _("the file is incomplete (it was cut short)"));
      return NULL;
    }
  if (header.write_version != 1)
    {
      /* Yusuan writes rollback-journal files only; a WAL file may keep part
       * of its content in a -wal file that an immutable reader would miss. */
      set_damaged (error, path, "%s", _("it was changed by another program (it uses a write-ahead log)"));
      return NULL;
    }

  uri = readonly_uri (path);
  if (sqlite3_open_v2 (uri, &ctx.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), name, ctx.db ? sqlite3_errmsg (ctx.db) : g_strerror (ENOMEM));
      sqlite3_close (ctx.db);
      return NULL;
    }
  sqlite3_extended_result_codes (ctx.db, 1);
  harden (ctx.db);

  if (!check_integrity (&ctx))
    {
      sqlite3_close (ctx.db);
      return NULL;
    }

  if (header.user_version < YUSUAN_STORE_SCHEMA_VERSION)
    {
      sqlite3 *mem = migrate_in_memory (ctx.db, header.user_version, path, error);

      sqlite3_close (ctx.db);
      if (mem == NULL)
        return NULL;
      ctx.db = mem;
      migrated = TRUE;
    }

  if (!check_tables (&ctx))
    {
      sqlite3_close (ctx.db);
      return NULL;
    }

  doc = yusuan_document_new ();
  projects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ctx.doc = doc;
  ctx.projects = projects;

  /* One read transaction: every table is read from the same state. */
  sqlite3_exec (ctx.db, "BEGIN", NULL, NULL, NULL);
  digest_init (&ctx.digest);
  yusuan_document_begin_load (doc);
  ok = load_header (&ctx)
       && load_units (&ctx)
       && load_revenues (&ctx)
       && load_projects (&ctx)
       && load_lines (&ctx)
       && load_indicators (&ctx)
       && load_three_public (&ctx)
       && load_procurement (&ctx)
       && load_assets (&ctx)
       && load_performance (&ctx)
       && load_explanations (&ctx)
       && load_prior_year (&ctx)
       && load_control_numbers (&ctx)
       /* The checksum covers the rows as their own version wrote them: a
        * migrated copy was verified by quick_check and the row checks only. */
       && (migrated || load_checksum (&ctx));
  if (ok)
    {
      g_autoptr(GError) local_error = NULL;

      /* Each amount is within bounds; their sum must fit every table's total. */
      if (!yusuan_document_check_totals (doc, &local_error))
        {
          g_autofree char *display_name = g_filename_display_name (path);

          g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_DAMAGED,
                       "%s: %s", display_name, local_error->message);
          ok = FALSE;
        }
    }
  yusuan_document_end_load (doc);
  sqlite3_exec (ctx.db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (ctx.db);

  if (!ok)
    return NULL;
  return g_steal_pointer (&doc);
}

gboolean
yusuan_store_sniff (const char *path)
{
  SqliteHeader header;

  g_return_val_if_fail (path != NULL, FALSE);

  return read_sqlite_header (path, &header, NULL)
         && header.is_sqlite
         && header.application_id == YUSUAN_STORE_APPLICATION_ID;
}

/* ------------------------------------------------------------------- lock */

/* The lock is a small file beside the document, ".~lock.NAME#" (the
 * LibreOffice convention, so file managers and users recognise it), created
 * with O_CREAT|O_EXCL and held with flock(2) for as long as the document is
 * open: the kernel drops the flock when the holder dies, however it dies.  Its
 * content names the holder for the message a second instance shows. */

#define LOCK_GROUP "Lock"
/* A lock file with no readable holder younger than this may still be being
 * written by its creator. */
#define LOCK_FRESH_SECONDS 10

static char *
lock_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lock_base = g_strdup_printf (".~lock.%s#", base);

  return g_build_filename (dir, lock_base, NULL);
}

static char *
read_small_file (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_steal_pointer (&contents);
}

/* The boot id and start time (in clock ticks since boot) tell a live holder
 * from a process that merely reuses its pid. */
static char *
boot_id (void)
{
  g_autofree char *text = read_small_file ("/proc/sys/kernel/random/boot_id");

  return text ? g_strstrip (g_steal_pointer (&text)) : NULL;
}

static guint64
process_start_time (pid_t pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = read_small_file (stat_path);
  const char *p;

  if (text == NULL)
    return 0;
  /* The command name may hold spaces and parentheses: fields start after the last ')'. */
  p = strrchr (text, ')');
  if (p == NULL)
    return 0;
  p++;
  /* starttime is field 22; after ')' comes field 3. */
  for (int field = 3; field < 22 && p != NULL; field++)
    {
      p = strchr (p + 1, ' ');
    }
  return p ? g_ascii_strtoull (p + 1, NULL, 10) : 0;
}

static char *
lock_contents (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format_iso8601 (now);
  g_autofree char *boot = boot_id ();
  g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, process_start_time (getpid ()));
  const char *real_name = g_get_real_name ();

  g_key_file_set_string (key_file, LOCK_GROUP, "User", g_get_user_name ());
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    g_key_file_set_string (key_file, LOCK_GROUP, "RealName", real_name);
  g_key_file_set_string (key_file, LOCK_GROUP, "Host", g_get_host_name ());
  g_key_file_set_int64 (key_file, LOCK_GROUP, "Pid", getpid ());
  g_key_file_set_string (key_file, LOCK_GROUP, "Since", since);
  if (boot != NULL)
    g_key_file_set_string (key_file, LOCK_GROUP, "BootId", boot);
  g_key_file_set_string (key_file, LOCK_GROUP, "StartTime", start);

  return g_key_file_to_data (key_file, NULL, NULL);
}

typedef enum
{
  HOLDER_LIVE,     /* held, or cannot be proven dead */
  HOLDER_DEAD,     /* its process is gone: the lock is stale */
} HolderState;

/* Judges a lock whose flock we could take: the creator may be between
 * O_EXCL and flock, or a Yusuan on another host may hold it over NFS. */
static HolderState
judge_holder (GKeyFile *key_file,
              time_t    mtime)
{
  g_autofree char *host = NULL;
  g_autofree char *holder_boot = NULL;
  g_autofree char *my_boot = NULL;
  gint64 pid;
  guint64 start;

  if (key_file == NULL)
    return time (NULL) - mtime > LOCK_FRESH_SECONDS ? HOLDER_DEAD : HOLDER_LIVE;

  host = g_key_file_get_string (key_file, LOCK_GROUP, "Host", NULL);
  pid = g_key_file_get_int64 (key_file, LOCK_GROUP, "Pid", NULL);
  if (host == NULL || pid <= 0 || pid > G_MAXINT)
    return time (NULL) - mtime > LOCK_FRESH_SECONDS ? HOLDER_DEAD : HOLDER_LIVE;

  /* Another machine's processes cannot be seen from here. */
  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return HOLDER_LIVE;

  holder_boot = g_key_file_get_string (key_file, LOCK_GROUP, "BootId", NULL);
  my_boot = boot_id ();
  if (holder_boot != NULL && my_boot != NULL && g_strcmp0 (holder_boot, my_boot) != 0)
    return HOLDER_DEAD;

  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return HOLDER_DEAD;

  start = g_key_file_get_uint64 (key_file, LOCK_GROUP, "StartTime", NULL);
  if (start != 0 && process_start_time ((pid_t) pid) != 0 && process_start_time ((pid_t) pid) != start)
    return HOLDER_DEAD;

  return HOLDER_LIVE;
}

static void
set_locked (GError     **error,
            const char  *path,
            GKeyFile    *key_file)
{
  g_autofree char *name = display_name (path);
  g_autofree char *user = NULL;
  g_autofree char *real_name = NULL;
  g_autofree char *host = NULL;
  g_autofree char *since = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  if (key_file != NULL)
    {
      user = g_key_file_get_string (key_file, LOCK_GROUP, "User", NULL);
      real_name = g_key_file_get_string (key_file, LOCK_GROUP, "RealName", NULL);
      host = g_key_file_get_string (key_file, LOCK_GROUP, "Host", NULL);
      since = g_key_file_get_string (key_file, LOCK_GROUP, "Since", NULL);
    }

  if (user == NULL || host == NULL)
    {
      g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED,
                   _("“%s” is being opened by another Yusuan right now. Try again in a moment."), name);
      return;
    }

  if (real_name != NULL && g_strcmp0 (real_name, user) != 0)
    who = g_strdup_printf ("%s (%s)", real_name, user);
  else
    who = g_strdup (user);
  if (since != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (since, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

      if (local != NULL)
        when = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }

  if (when != NULL)
    g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED,
                 /* Translators: “budget.yusuan” is in use by 张三 (zhangsan) on finance-pc since 2024-05-06 09:30 */
                 _("“%s” is in use by %s on %s since %s. Close it there first, or open it read-only."),
                 name, who, host, when);
  else
    g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED,
                 _("“%s” is in use by %s on %s. Close it there first, or open it read-only."),
                 name, who, host);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
write_lock_contents (int fd)
{
  g_autofree char *contents = lock_contents ();

  return ftruncate (fd, 0) == 0
         && lseek (fd, 0, SEEK_SET) == 0
         && write_all (fd, contents, strlen (contents));
}

static YusuanLock *
lock_new (const char *lock_path,
          int         fd)
{
  YusuanLock *lock = g_new0 (YusuanLock, 1);

  lock->lock_path = g_strdup (lock_path);
  lock->fd = fd;
  return lock;
}

static void
set_lock_io_error (GError     **error,
                   const char  *path,
                   int          saved_errno)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_IO,
               _("Cannot mark “%s” as in use: %s"), name, g_strerror (saved_errno));
}

YusuanLock *
yusuan_lock_acquire (const char  *path,
                     GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *lock_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  yusuan_core_init ();

  target = resolve_target (path);
  lock_path = lock_path_for (target);

  /* A few rounds: a lock may vanish or be replaced between our looks. */
  for (int attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(GKeyFile) key_file = NULL;
      g_autofree char *contents = NULL;
      struct stat fd_st, path_st;
      int fd;

      fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd >= 0)
        {
          gboolean locked = FALSE;

          /* Another instance may hold the flock for a moment to read the
           * (still empty) file; nobody keeps it, since a file this young
           * is never judged stale. */
          for (int i = 0; i < 100 && !locked; i++)
            {
              locked = flock (fd, LOCK_EX | LOCK_NB) == 0;
              if (!locked)
                g_usleep (10000);
            }
          if (!locked)
            {
              close (fd);
              continue;
            }
          if (!write_lock_contents (fd))
            {
              int saved_errno = errno;

              g_unlink (lock_path);
              close (fd);
              set_lock_io_error (error, path, saved_errno);
              return NULL;
            }
          return lock_new (lock_path, fd);
        }
      if (errno != EEXIST)
        {
          set_lock_io_error (error, path, errno);
          return NULL;
        }

      fd = g_open (lock_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        {
          if (errno == ENOENT)
            continue;  /* released meanwhile */
          set_lock_io_error (error, path, errno);
          return NULL;
        }

      contents = read_small_file (lock_path);
      key_file = g_key_file_new ();
      if (contents == NULL
          || !g_key_file_load_from_data (key_file, contents, -1, G_KEY_FILE_NONE, NULL)
          || !g_key_file_has_group (key_file, LOCK_GROUP))
        g_clear_pointer (&key_file, g_key_file_unref);

      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          /* Held by a live process. */
          close (fd);
          set_locked (error, path, key_file);
          return NULL;
        }

      if (fstat (fd, &fd_st) != 0)
        {
          int saved_errno = errno;

          close (fd);
          set_lock_io_error (error, path, saved_errno);
          return NULL;
        }

      /* Re-read under the flock: what we judge is what we hold. */
      g_clear_pointer (&key_file, g_key_file_unref);
      g_clear_pointer (&contents, g_free);
      contents = read_small_file (lock_path);
      key_file = g_key_file_new ();
      if (contents == NULL
          || !g_key_file_load_from_data (key_file, contents, -1, G_KEY_FILE_NONE, NULL)
          || !g_key_file_has_group (key_file, LOCK_GROUP))
        g_clear_pointer (&key_file, g_key_file_unref);

      if (judge_holder (key_file, fd_st.st_mtime) == HOLDER_LIVE)
        {
          close (fd);
          set_locked (error, path, key_file);
          return NULL;
        }

      /* Stale.  Take it over in place, unless it was released (unlinked)
       * or replaced while we looked: then start again. */
      if (g_lstat (lock_path, &path_st) != 0
          || path_st.st_ino != fd_st.st_ino || path_st.st_dev != fd_st.st_dev)
        {
          close (fd);
          continue;
        }
      g_debug ("Taking over the stale lock %s", lock_path);
      if (!write_lock_contents (fd))
        {
          int saved_errno = errno;

          close (fd);
          set_lock_io_error (error, path, saved_errno);
          return NULL;
        }
      return lock_new (lock_path, fd);
    }

  {
    g_autofree char *name = display_name (path);

    g_set_error (error, YUSUAN_STORE_ERROR, YUSUAN_STORE_ERROR_LOCKED,
                 _("“%s” is being opened by another Yusuan right now. Try again in a moment."), name);
  }
  return NULL;
}

void
yusuan_lock_release (YusuanLock *lock)
{
  if (lock == NULL)
    return;

  /* Unlink while still holding the flock, so that nobody takes over a
   * file that is about to disappear. */
  g_unlink (lock->lock_path);
  close (lock->fd);
  g_free (lock->lock_path);
  g_free (lock);
}
