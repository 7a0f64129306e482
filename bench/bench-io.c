/* bench-io.c - import, open and export times and peak memory of a city-scale budget, beside their floors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-io [--runs N] [SUBMISSION.xml]
 *
 * Without a file, a city-scale submission is made with gen-city (found beside
 * this program).  Each phase runs in a fresh process, so that its peak
 * resident memory (VmHWM) is its own; the best wall time of N runs is shown.
 *
 *   import  XML → document → .yusuan, as yusuan-cli import does it: the
 *           document is saved (yusuan_store_save) as soon as Yusuan's own
 *           checks accept it, while libxml2's schema validator reads on in
 *           another thread (yusuan_xml_import_file_full), and renamed into
 *           place once the validator accepts the file too
 *   open    .yusuan → document (yusuan_store_load)
 *   export  document → XML (yusuan_xml_export_file)
 *
 * Floors, on the same data: `xmllint --stream --noout` over the file, a
 * bulk insert of the same rows into a fresh SQLite file (one transaction,
 * prepared statements, the store's pragmas, fsync), and writing the file's
 * bytes with the same atomic, durable g_file_set_contents_full as export.
 * For reference, `xmllint --stream --noout --schema` shows what libxml2's
 * schema validator alone costs on the file; import runs it, export does not
 * (it checks every fact as it writes it: its output is valid by construction).
 * Last, hostile inputs (entity bomb, external entity, huge attribute, deep
 * nesting, a city file with every amount wrong) are timed until refused.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "yusuan-core.h"
#include "yusuan-store.h"
#include "yusuan-xml.h"

/* ------------------------------------------------------------------------ */
/* In a phase process                                                        */

static gint64
vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

G_GNUC_NORETURN static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-io: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* Prints "key=value" pairs on one line for the parent. */
static void
report (const char *first_key,
        ...)
{
  va_list args;
  const char *key = first_key;

  va_start (args, first_key);
  while (key)
    {
      double value = va_arg (args, double);

      g_print ("%s=%.6f ", key, value);
      key = va_arg (args, const char *);
    }
  va_end (args);
  g_print ("vmhwm=%" G_GINT64_FORMAT " cpu=%.6f\n", vm_hwm_kib (), cpu_seconds ());
}

typedef struct
{
  const char *staged;        /* where the document is saved before it is known valid */
  gint64      start;
  double      ready_seconds; /* when the document was read and checked */
  double      save_seconds;
} ImportTimes;

/* As yusuan-cli import does: the save runs while the validator reads on. */
static gboolean
save_while_validating (YusuanDocument  *document,
                       gpointer         user_data,
                       GError         **error)
{
  ImportTimes *times = user_data;
  gint64 start = g_get_monotonic_time ();
  gboolean saved;

  times->ready_seconds = seconds_since (times->start);
  saved = yusuan_store_save (document, times->staged, error);
  times->save_seconds = seconds_since (start);
  return saved;
}

static int
phase_import (const char *xml,
              const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autofree char *staged = g_strconcat (db, ".staged", NULL);
  ImportTimes times = { staged, g_get_monotonic_time (), 0, 0 };

  g_unlink (db);
  g_unlink (staged);
  document = yusuan_xml_import_file_full (xml, save_while_validating, &times, &error);
  if (document == NULL)
    die ("import", error);
  if (g_rename (staged, db) != 0)
    die ("rename", NULL);
  report ("ready", times.ready_seconds, "save", times.save_seconds, "total", seconds_since (times.start), NULL);
  return 0;
}

static int
phase_open (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();

  document = yusuan_store_load (db, &error);
  if (document == NULL)
    die ("open", error);
  report ("total", seconds_since (start), NULL);
  return 0;
}

static int
phase_export (const char *db,
              const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_store_load (db, &error);
  g_autoptr(GBytes) bytes = NULL;
  gint64 start;
  double wall_seconds, generate_seconds;

  if (document == NULL)
    die ("open", error);

  start = g_get_monotonic_time ();
  if (!yusuan_xml_export_file (document, xml, &error))
    die ("export", error);
  wall_seconds = seconds_since (start);

  /* The part before the disk: checking every fact, formatting and escaping
   * it into the bytes. */
  start = g_get_monotonic_time ();
  bytes = yusuan_xml_export (document, &error);
  if (bytes == NULL)
    die ("export", error);
  generate_seconds = seconds_since (start);

  report ("total", wall_seconds, "generate", generate_seconds, NULL);
  return 0;
}

/* Writing the same bytes as export does, and nothing else. */
static int
phase_write (const char *xml,
             const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 start;

  if (!g_file_get_contents (xml, &contents, &length, &error))
    die ("read", error);
  start = g_get_monotonic_time ();
  if (!g_file_set_contents_full (out, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0666, &error))
    die ("write", error);
  report ("total", seconds_since (start), NULL);
  return 0;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench-io: sqlite: %s: %s\n", sql, message);
      exit (1);
    }
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-io: sqlite: %s: %s\n", sql, sqlite3_errmsg (db));
      exit (1);
    }
  return stmt;
}

static void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_printerr ("bench-io: sqlite: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_reset (stmt);
}

static void
insert_line (sqlite3          *db,
             sqlite3_stmt     *stmt,
             const YusuanLine *line)
{
  sqlite3_bind_int64 (stmt, 1, line->id);
  if (line->project_id)
    sqlite3_bind_int64 (stmt, 2, line->project_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, line->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, line->function, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, line->econ_dept, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, line->econ_gov, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, line->fund);
  sqlite3_bind_int (stmt, 8, line->category);
  sqlite3_bind_int64 (stmt, 9, line->amount);
  step_or_die (db, stmt);
}

/* The floor for saving: the same rows, the fastest honest way SQLite takes them. */
static int
phase_sqlite (const char *xml,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YusuanDocument) document = yusuan_xml_import_file (xml, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *units, *revenues, *projects, *lines, *indicators;
  gint64 start;
  guint n_rows = 0;
  int fd;

  if (document == NULL)
    die ("import", error);
  g_unlink (path);

  start = g_get_monotonic_time ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-io: cannot create %s\n", path);
      return 1;
    }
  exec_or_die (db, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"
                   "PRAGMA cache_size = -32768; BEGIN IMMEDIATE;"
                   "CREATE TABLE unit (id INTEGER PRIMARY KEY, code TEXT, name TEXT, kind INTEGER);"
                   "CREATE TABLE revenue (id INTEGER PRIMARY KEY, unit TEXT, source INTEGER, amount INTEGER);"
                   "CREATE TABLE project (id INTEGER PRIMARY KEY, code TEXT, name TEXT, unit TEXT, kind INTEGER,"
                   " description TEXT);"
                   "CREATE TABLE line (id INTEGER PRIMARY KEY, project INTEGER, unit TEXT, function TEXT,"
                   " econ_dept TEXT, econ_gov TEXT, fund INTEGER, category INTEGER, amount INTEGER);"
                   "CREATE TABLE indicator (id INTEGER PRIMARY KEY, project INTEGER, level1 INTEGER, level2 TEXT,"
                   " name TEXT, op INTEGER, value TEXT, unit TEXT, text TEXT, explanation TEXT);");
  units = prepare_or_die (db, "INSERT INTO unit VALUES (?, ?, ?, ?)");
  revenues = prepare_or_die (db, "INSERT INTO revenue VALUES (?, ?, ?, ?)");
  projects = prepare_or_die (db, "INSERT INTO project VALUES (?, ?, ?, ?, ?, ?)");
  lines = prepare_or_die (db, "INSERT INTO line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  indicators = prepare_or_die (db, "INSERT INTO indicator VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  for (guint i = 0; i < yusuan_document_get_n_units (document); i++, n_rows++)
    {
      const YusuanUnit *unit = yusuan_document_get_unit (document, i);

      sqlite3_bind_int64 (units, 1, unit->id);
      sqlite3_bind_text (units, 2, unit->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (units, 3, unit->name, -1, SQLITE_STATIC);
      sqlite3_bind_int (units, 4, unit->kind);
      step_or_die (db, units);
    }
  for (guint i = 0; i < yusuan_document_get_n_revenues (document); i++, n_rows++)
    {
      const YusuanRevenue *revenue = yusuan_document_get_revenue (document, i);

      sqlite3_bind_int64 (revenues, 1, revenue->id);
      sqlite3_bind_text (revenues, 2, revenue->unit, -1, SQLITE_STATIC);
      sqlite3_bind_int (revenues, 3, revenue->source);
      sqlite3_bind_int64 (revenues, 4, revenue->amount);
      step_or_die (db, revenues);
    }
  for (guint i = 0; i < yusuan_document_get_n_basic_lines (document); i++, n_rows++)
    insert_line (db, lines, yusuan_document_get_basic_line (document, i));
  for (guint i = 0; i < yusuan_document_get_n_projects (document); i++, n_rows++)
    {
      const YusuanProject *project = yusuan_document_get_project (document, i);

      sqlite3_bind_int64 (projects, 1, project->id);
      sqlite3_bind_text (projects, 2, project->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (projects, 3, project->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (projects, 4, project->unit, -1, SQLITE_STATIC);
      sqlite3_bind_int (projects, 5, project->kind);
      sqlite3_bind_text (projects, 6, project->description, -1, SQLITE_STATIC);
      step_or_die (db, projects);
      for (guint l = 0; l < project->lines->len; l++, n_rows++)
        insert_line (db, lines, g_ptr_array_index (project->lines, l));
      for (guint k = 0; k < project->indicators->len; k++, n_rows++)
        {
          const YusuanIndicator *indicator = g_ptr_array_index (project->indicators, k);

          sqlite3_bind_int64 (indicators, 1, indicator->id);
          sqlite3_bind_int64 (indicators, 2, project->id);
          sqlite3_bind_int (indicators, 3, indicator->level1);
          sqlite3_bind_text (indicators, 4, indicator->level2, -1, SQLITE_STATIC);
          sqlite3_bind_text (indicators, 5, indicator->name, -1, SQLITE_STATIC);
          sqlite3_bind_int (indicators, 6, indicator->op);
          sqlite3_bind_text (indicators, 7, indicator->value, -1, SQLITE_STATIC);
          sqlite3_bind_text (indicators, 8, indicator->unit, -1, SQLITE_STATIC);
          sqlite3_bind_text (indicators, 9, indicator->text, -1, SQLITE_STATIC);
          sqlite3_bind_text (indicators, 10, indicator->explanation, -1, SQLITE_STATIC);
          step_or_die (db, indicators);
        }
    }
  exec_or_die (db, "COMMIT");
  sqlite3_finalize (units);
  sqlite3_finalize (revenues);
  sqlite3_finalize (projects);
  sqlite3_finalize (lines);
  sqlite3_finalize (indicators);
  sqlite3_close (db);

  /* The store makes its file durable before renaming it: so does the floor. */
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      g_printerr ("bench-io: cannot sync %s\n", path);
      return 1;
    }
  close (fd);

  report ("total", seconds_since (start), "rows", (double) n_rows, NULL);
  return 0;
}

/* How fast hostile or broken inputs are refused: each is made in memory. */
static int
phase_hostile (const char *xml)
{
  g_autofree char *city = NULL;
  gsize city_length;
  g_autoptr(GString) bomb = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE budget [\n  <!ENTITY lol \"lol\">\n");
  g_autoptr(GString) huge = g_string_new ("<?xml version=\"1.0\"?>\n<budget xmlns=\"urn:yusuan:budget:1\" "
                                          "schema-version=\"1\" fiscal-year=\"2023\" stage=\"approved\">\n"
                                          "  <department code=\"103\" name=\"");
  g_autoptr(GString) deep = g_string_new ("<?xml version=\"1.0\"?>\n<budget xmlns=\"urn:yusuan:budget:1\">");
  g_autoptr(GString) broken = NULL;
  const char *external = "<?xml version=\"1.0\"?>\n<!DOCTYPE budget [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                         "<budget xmlns=\"urn:yusuan:budget:1\">&xxe;</budget>\n";
  struct
  {
    const char *what;
    const char *data;
    gsize       length;
  } cases[5];

  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (bomb, "  <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (bomb, i == 1 ? "&lol;" : "&lol%d;", i - 1);
      g_string_append (bomb, "\">\n");
    }
  g_string_append (bomb, "]>\n<budget xmlns=\"urn:yusuan:budget:1\">&lol9;</budget>\n");

  for (int i = 0; i < 12 * 1024 * 1024; i++)
    g_string_append_c (huge, 'A' + i % 26);
  g_string_append (huge, "\"/>\n</budget>\n");

  for (int i = 0; i < 100000; i++)
    g_string_append (deep, "<units>");

  /* The city's file with every amount given three decimals. */
  if (!g_file_get_contents (xml, &city, &city_length, NULL))
    return 1;
  broken = g_string_sized_new (city_length + city_length / 8);
  for (const char *p = city, *hit; (hit = strstr (p, ".00\"")); p = hit + 4)
    {
      g_string_append_len (broken, p, hit - p);
      g_string_append (broken, ".000\"");
      if (strstr (hit + 4, ".00\"") == NULL)
        g_string_append (broken, hit + 4);
    }

  cases[0] = (typeof (cases[0])) { "billion laughs", bomb->str, bomb->len };
  cases[1] = (typeof (cases[0])) { "external entity (/etc/passwd)", external, strlen (external) };
  cases[2] = (typeof (cases[0])) { "12 MB attribute", huge->str, huge->len };
  cases[3] = (typeof (cases[0])) { "100 000 nested elements", deep->str, deep->len };
  cases[4] = (typeof (cases[0])) { "city file, every amount wrong", broken->str, broken->len };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YusuanDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();

      document = yusuan_xml_import_data (cases[i].data, cases[i].length, "hostile.xml", &error);
      g_print ("%s\t%.6f\t%s\n", cases[i].what, seconds_since (start),
               document ? "ACCEPTED" : (error->code == YUSUAN_XML_ERROR_FORBIDDEN ? "forbidden"
                                        : error->code == YUSUAN_XML_ERROR_MALFORMED ? "malformed"
                                        : error->code == YUSUAN_XML_ERROR_INVALID ? "invalid" : "refused"));
    }
  return 0;
}

/* ------------------------------------------------------------------------ */
/* In the parent                                                            */

typedef struct
{
  GHashTable *values;  /* key → double (seconds, or a row count), best run */
  gint64      vmhwm;   /* KiB, highest of the runs */
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->values, g_hash_table_unref);
}

static double
get (const Result *result,
     const char   *key)
{
  double *value = g_hash_table_lookup (result->values, key);

  return value ? *value : -1;
}

/* Runs `self --phase NAME ARGS…` @runs times; keeps the values of the run
 * with the best "total" and the highest VmHWM. */
static Result
run_phase (const char        *self,
           int                runs,
           const char *const *args)
{
  Result result = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), 0 };
  double best_seconds = G_MAXDOUBLE;

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) fields = NULL;
      g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      int status = 0;
      double *wall;

      g_ptr_array_add (argv, (gpointer) self);
      g_ptr_array_add (argv, (gpointer) "--phase");
      for (int i = 0; args[i]; i++)
        g_ptr_array_add (argv, (gpointer) args[i]);
      g_ptr_array_add (argv, NULL);

      if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         &out, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        die (args[0], error);

      fields = g_strsplit_set (g_strstrip (out), " ", -1);
      for (int i = 0; fields[i]; i++)
        {
          char *eq = strchr (fields[i], '=');

          if (eq == NULL)
            continue;
          *eq = '\0';
          if (strcmp (fields[i], "vmhwm") == 0)
            result.vmhwm = MAX (result.vmhwm, g_ascii_strtoll (eq + 1, NULL, 10));
          else
            g_hash_table_insert (values, g_strdup (fields[i]), g_memdup2 (&(double) { g_ascii_strtod (eq + 1, NULL) },
                                                                          sizeof (double)));
        }
      wall = g_hash_table_lookup (values, "total");
      if (wall && *wall < best_seconds)
        {
          best_seconds = *wall;
          g_hash_table_unref (result.values);
          result.values = g_steal_pointer (&values);
        }
    }
  return result;
}

/* xmllint as a child, timed and measured by wait4 (); with @schema, the
 * same reading with libxml2's validator on. */
static void
run_xmllint (const char *xml,
             const char *schema,
             int         runs,
             double     *seconds,
             gint64     *max_rss_kib)
{
  *seconds = G_MAXDOUBLE;
  *max_rss_kib = 0;

  for (int run = 0; run < runs; run++)
    {
      struct rusage usage;
      gint64 start = g_get_monotonic_time ();
      int status = 0;
      pid_t pid = fork ();

      if (pid == 0)
        {
          int null = g_open ("/dev/null", O_WRONLY, 0);

          dup2 (null, STDOUT_FILENO);
          dup2 (null, STDERR_FILENO);
          if (schema)
            execlp ("xmllint", "xmllint", "--stream", "--noout", "--schema", schema, xml, (char *) NULL);
          else
            execlp ("xmllint", "xmllint", "--stream", "--noout", xml, (char *) NULL);
          _exit (127);
        }
      if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          g_printerr ("bench-io: xmllint --stream --noout %s failed (is libxml2-utils installed?)\n",
                      schema ? "--schema" : "");
          exit (1);
        }
      *seconds = MIN (*seconds, seconds_since (start));
      *max_rss_kib = MAX (*max_rss_kib, (gint64) usage.ru_maxrss);
    }
}

static double
mib (gint64 kib)
{
  return kib / 1024.0;
}

static int
run_benchmark (const char *self,
               const char *given_xml,
               int         runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("yusuan-bench-io-XXXXXX", &error);
  g_autofree char *xml = NULL;
  g_autofree char *db = NULL;
  g_autofree char *floor_db = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *written = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  Result import, open, export, write, floor_sqlite;
  double xmllint_seconds, xmllint_schema_seconds, floor_seconds, import_target_seconds;
  gint64 xmllint_rss, xmllint_schema_rss;
  g_autofree char *xsd_path = NULL;
  GStatBuf st;
  guint n_indicators = 0;
  double load[3] = { 0 };
  gint64 peak;

  if (dir == NULL)
    die ("temporary directory", error);

  if (given_xml != NULL)
    xml = g_strdup (given_xml);
  else
    {
      g_autofree char *self_dir = g_path_get_dirname (self);
      g_autofree char *gen = g_build_filename (self_dir, "gen-city", NULL);
      const char *gen_argv[] = { gen, "--seed", "2023", NULL, NULL };
      int status = 0;

      xml = g_build_filename (dir, "city.xml", NULL);
      gen_argv[3] = xml;
      if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                         &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        die ("gen-city", error);
    }
  db = g_build_filename (dir, "city.yusuan", NULL);
  floor_db = g_build_filename (dir, "floor.sqlite", NULL);
  exported = g_build_filename (dir, "exported.xml", NULL);
  written = g_build_filename (dir, "written.xml", NULL);

  document = yusuan_xml_import_file (xml, &error);
  if (document == NULL)
    die ("import", error);
  for (guint i = 0; i < yusuan_document_get_n_projects (document); i++)
    n_indicators += yusuan_document_get_project (document, i)->indicators->len;
  g_stat (xml, &st);
  if (getloadavg (load, 3) < 0)
    load[0] = -1;

  g_print ("Yusuan I/O benchmark, best of %d runs (each phase in its own process)\n", runs);
  g_print ("  file: %s, %.1f MB\n", xml, st.st_size / 1e6);
  g_print ("  %u units, %u lines (%u basic, %u in projects), %u projects, %u project indicators\n",
           yusuan_document_get_n_units (document), yusuan_document_get_n_lines (document),
           yusuan_document_get_n_basic_lines (document),
           yusuan_document_get_n_lines (document) - yusuan_document_get_n_basic_lines (document),
           yusuan_document_get_n_projects (document), n_indicators);
  g_print ("  machine: %ld cores, load average %.2f at start\n\n", sysconf (_SC_NPROCESSORS_ONLN), load[0]);
  g_clear_object (&document);

  import = run_phase (self, runs, (const char *[]) { "import", xml, db, NULL });
  open = run_phase (self, runs, (const char *[]) { "open", db, NULL });
  export = run_phase (self, runs, (const char *[]) { "export", db, exported, NULL });
  write = run_phase (self, runs, (const char *[]) { "write", xml, written, NULL });
  floor_sqlite = run_phase (self, runs, (const char *[]) { "sqlite", xml, floor_db, NULL });
  run_xmllint (xml, NULL, runs, &xmllint_seconds, &xmllint_rss);
  {
    g_autoptr(GBytes) xsd = g_resources_lookup_data (YUSUAN_CORE_RESOURCE_PATH "/budget-1.xsd", 0, NULL);

    xsd_path = g_build_filename (dir, "budget-1.xsd", NULL);
    if (xsd == NULL || !g_file_set_contents (xsd_path, g_bytes_get_data (xsd, NULL), (gssize) g_bytes_get_size (xsd), &error))
      die ("schema", error);
    run_xmllint (xml, xsd_path, runs, &xmllint_schema_seconds, &xmllint_schema_rss);
  }

  g_print ("%-44s %10s %10s %10s\n", "phase", "wall", "cpu", "peak RSS");
  g_print ("%-44s %9.3fs %9.3fs %7.1f MB\n", "import (XML -> document -> .yusuan)", get (&import, "total"),
           get (&import, "cpu"), mib (import.vmhwm));
  g_print ("%-44s %9.3fs\n", "  XML -> document, own checks done after", get (&import, "ready"));
  g_print ("%-44s %9.3fs\n", "  then document -> .yusuan, as XSD checks run", get (&import, "save"));
  g_print ("%-44s %9.3fs %9.3fs %7.1f MB\n", "open (.yusuan -> document)", get (&open, "total"),
           get (&open, "cpu"), mib (open.vmhwm));
  g_print ("%-44s %9.3fs %9.3fs %7.1f MB   (%.0f MB/s)\n", "export (document -> XML file)", get (&export, "total"),
           get (&export, "cpu"), mib (export.vmhwm), st.st_size / 1e6 / get (&export, "total"));
  g_print ("%-44s %9.3fs %22s (%.0f MB/s)\n", "  of which generating the checked bytes", get (&export, "generate"), "",
           st.st_size / 1e6 / get (&export, "generate"));
  g_print ("\nfloors\n");
  g_print ("%-44s %9.3fs %10s %7.1f MB\n", "xmllint --stream --noout", xmllint_seconds, "", mib (xmllint_rss));
  g_print ("%-44s %9.3fs   (%.0f rows)\n", "sqlite3 bulk insert of the same rows", get (&floor_sqlite, "total"),
           get (&floor_sqlite, "rows"));
  g_print ("%-44s %9.3fs   (%.0f MB/s)\n", "writing the same bytes (atomic, fsync)", get (&write, "total"),
           st.st_size / 1e6 / get (&write, "total"));
  g_print ("%-44s %9.3fs %10s %7.1f MB\n", "(reference) xmllint --stream --schema", xmllint_schema_seconds, "",
           mib (xmllint_schema_rss));

  floor_seconds = xmllint_seconds + get (&floor_sqlite, "total");
  import_target_seconds = 2 * floor_seconds;
  peak = MAX (MAX (import.vmhwm, open.vmhwm), export.vmhwm);
  g_print ("\ntargets\n");
  g_print ("  import <= 2 x (xmllint + sqlite) = %.3f s: %.3f s, %.2f x the floors  %s\n", import_target_seconds,
           get (&import, "total"), get (&import, "total") / floor_seconds,
           get (&import, "total") <= import_target_seconds ? "met" : "NOT MET");
  g_print ("  export at disk speed: %.3f s (%.0f MB/s) against %.3f s (%.0f MB/s) to write the bytes (%.1f x)\n",
           get (&export, "total"), st.st_size / 1e6 / get (&export, "total"), get (&write, "total"),
           st.st_size / 1e6 / get (&write, "total"), get (&export, "total") / get (&write, "total"));
  g_print ("  peak memory <= 150 MB: %.1f MB  %s\n", mib (peak), mib (peak) <= 150 ? "met" : "NOT MET");

  {
    const char *argv_hostile[] = { self, "--phase", "hostile", xml, NULL };
    g_autofree char *out = NULL;
    g_auto(GStrv) rows = NULL;
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) argv_hostile, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      die ("hostile inputs", error);
    g_print ("\nhostile and broken inputs (time to refuse, one run)\n");
    rows = g_strsplit (g_strstrip (out), "\n", -1);
    for (int i = 0; rows[i]; i++)
      {
        g_auto(GStrv) f = g_strsplit (rows[i], "\t", 3);

        if (g_strv_length (f) == 3)
          g_print ("  %-42s %9.3fs   %s\n", f[0], g_ascii_strtod (f[1], NULL), f[2]);
      }
  }

  result_clear (&import);
  result_clear (&open);
  result_clear (&export);
  result_clear (&write);
  result_clear (&floor_sqlite);
  g_unlink (db);
  g_unlink (floor_db);
  g_unlink (exported);
  g_unlink (written);
  g_unlink (xsd_path);
  if (given_xml == NULL)
    g_unlink (xml);
  g_rmdir (dir);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int runs = 3;
  g_autofree char *phase = NULL;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs of each phase (default 3)", "N" },
    { "phase", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &phase, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[SUBMISSION.xml]");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Times import, open and export of a city-scale budget beside their floors.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  yusuan_core_init ();

  if (phase != NULL)
    {
      if (strcmp (phase, "import") == 0 && argc == 3)
        return phase_import (argv[1], argv[2]);
      if (strcmp (phase, "open") == 0 && argc == 2)
        return phase_open (argv[1]);
      if (strcmp (phase, "export") == 0 && argc == 3)
        return phase_export (argv[1], argv[2]);
      if (strcmp (phase, "write") == 0 && argc == 3)
        return phase_write (argv[1], argv[2]);
      if (strcmp (phase, "sqlite") == 0 && argc == 3)
        return phase_sqlite (argv[1], argv[2]);
      if (strcmp (phase, "hostile") == 0 && argc == 2)
        return phase_hostile (argv[1]);
      g_printerr ("bench-io: unknown phase %s\n", phase);
      return 2;
    }

  if (argc > 2 || runs < 1)
    {
      g_printerr ("Usage: bench-io [--runs N] [SUBMISSION.xml]\n");
      return 2;
    }
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

    return run_benchmark (self ? self : argv[0], argc == 2 ? argv[1] : NULL, runs);
  }
}
