/* yusuan-catalog.c - classification catalogues (支出功能分类, 支出经济分类) by fiscal year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "yusuan-catalog.h"
#include "yusuan-core.h"

#define FORMAT_MAGIC      "yusuan-catalog"
#define FORMAT_VERSION    1
#define SHIPPED_PATH      YUSUAN_CORE_RESOURCE_PATH "/catalogs"
#define IMPORT_MAX_BYTES  (16 * 1024 * 1024)
#define MIN_YEAR          1990
#define MAX_YEAR          9999
#define N_CLASSIFICATIONS 3

typedef struct
{
  char            *code;
  char            *name;
  char            *folded;      /* normalised name, for search */
  char            *path_folded; /* normalised names of the ancestors and itself */
  YusuanCodeLevel  level;
  int              order;
  guint            line;
  GPtrArray       *children;    /* borrowed codes, NULL-terminated once parsed */
} Entry;

typedef struct
{
  GHashTable *entries;  /* code -> Entry */
  GPtrArray  *in_file;  /* Entry, in file order */
  GPtrArray  *roots;    /* borrowed codes of the classes, NULL-terminated */
  GPtrArray  *in_order; /* Entry, in official order (classes, each followed by its descendants) */
} Classification;

typedef struct
{
  char       *gov_organ;       /* 机关 target (行政单位, 参公单位); NULL when none */
  char       *gov_institution; /* 事业单位 target; NULL when none */
  guint       line;
  GHashTable *extra;           /* gov code -> line (GUINT_TO_POINTER) of an allow record */
} EconMap;

struct _YusuanCatalog
{
  int             first_year;
  int             last_year;
  char           *source;
  char           *display_name;
  Classification  classifications[N_CLASSIFICATIONS];
  GHashTable     *maps; /* department 款 -> EconMap */
};

/* A catalogue found in the user's data directory. */
typedef struct
{
  YusuanCatalog *catalog;
  char          *path;
  gint64         mtime_usec;
} Imported;

G_DEFINE_BOXED_TYPE (YusuanCatalog, yusuan_catalog, yusuan_catalog_ref, yusuan_catalog_unref)
G_DEFINE_QUARK (yusuan-catalog-error-quark, yusuan_catalog_error)

static const char *const empty_list[] = { NULL };

/* Every catalogue chosen so far, and where they came from.  get_for_year is
 * called from worker threads (rules, tables), so all of this is behind one lock. */
static GMutex      cache_lock;
static GHashTable *year_cache;   /* GINT_TO_POINTER (year) -> YusuanCatalog */
static GPtrArray  *shipped;      /* YusuanCatalog, newest first_year first */
static GPtrArray  *imported;     /* Imported; NULL until the directory is read */

/* Helpers */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->folded);
  g_free (entry->path_folded);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry);
}

static void
econ_map_free (gpointer data)
{
  EconMap *map = data;

  g_free (map->gov_organ);
  g_free (map->gov_institution);
  g_clear_pointer (&map->extra, g_hash_table_unref);
  g_free (map);
}

static void
imported_free (gpointer data)
{
  Imported *imp = data;

  yusuan_catalog_unref (imp->catalog);
  g_free (imp->path);
  g_free (imp);
}

static void
catalog_clear (gpointer data)
{
  YusuanCatalog *self = data;

  for (guint i = 0; i < N_CLASSIFICATIONS; i++)
    {
      Classification *c = &self->classifications[i];

      g_clear_pointer (&c->roots, g_ptr_array_unref);
      g_clear_pointer (&c->in_order, g_ptr_array_unref);
      g_clear_pointer (&c->in_file, g_ptr_array_unref);
      g_clear_pointer (&c->entries, g_hash_table_unref);
    }
  g_clear_pointer (&self->maps, g_hash_table_unref);
  g_free (self->source);
  g_free (self->display_name);
}

static YusuanCatalog *
catalog_alloc (const char *display_name)
{
  YusuanCatalog *self = g_atomic_rc_box_new0 (YusuanCatalog);

  self->display_name = g_strdup (display_name);
  for (guint i = 0; i < N_CLASSIFICATIONS; i++)
    {
      Classification *c = &self->classifications[i];

      c->entries = g_hash_table_new (g_str_hash, g_str_equal);
      c->in_file = g_ptr_array_new_with_free_func (entry_free);
      c->roots = g_ptr_array_new ();
      c->in_order = g_ptr_array_new ();
    }
  self->maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, econ_map_free);

  return self;
}

/* NFKC folds full-width forms (（）, digits, the ideographic space) onto their
 * ASCII twins, so “维修(护)” finds 维修（护）费. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

static gboolean
is_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static Classification *
classification_get (YusuanCatalog        *self,
                    YusuanClassification  classification)
{
  g_assert ((guint) classification < N_CLASSIFICATIONS);
  return &self->classifications[classification];
}

static Entry *
lookup (YusuanCatalog        *self,
        YusuanClassification  classification,
        const char           *code)
{
  if (code == NULL || (guint) classification >= N_CLASSIFICATIONS)
    return NULL;
  return g_hash_table_lookup (classification_get (self, classification)->entries, code);
}

static YusuanCodeLevel
level_for_length (YusuanClassification classification,
                  gsize                length)
{
  switch (length)
    {
    case 3:
      return YUSUAN_CODE_LEVEL_CLASS;
    case 5:
      return YUSUAN_CODE_LEVEL_SECTION;
    case 7:
      return classification == YUSUAN_CLASSIFICATION_FUNCTION ? YUSUAN_CODE_LEVEL_ITEM
                                                              : YUSUAN_CODE_LEVEL_NONE;
    default:
      return YUSUAN_CODE_LEVEL_NONE;
    }
}

/* Parsing */

typedef struct
{
  YusuanCatalog *catalog;
  const char    *name;  /* for messages */
  guint          line;
  gboolean       have_header;
  guint          header_line;
  guint          source_line;
  GHashTable    *allow_lines; /* "dept/gov" -> line */
} Parser;

static gboolean G_GNUC_PRINTF (3, 4)
parse_fail (Parser      *p,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, YUSUAN_CATALOG_ERROR, YUSUAN_CATALOG_ERROR_PARSE,
               "%s:%u: %s", p->name, p->line, what);
  return FALSE;
}

/* Spreadsheets pad every row to the widest one, so empty trailing cells are
 * not columns. */
static guint
count_fields (char **fields)
{
  guint n = g_strv_length (fields);

  while (n > 0 && fields[n - 1][0] == '\0')
    n--;
  return n;
}

static gboolean
check_columns (Parser      *p,
               const char  *record,
               guint        n,
               guint        min,
               guint        max,
               GError     **error)
{
  if (n >= min && n <= max)
    return TRUE;

  if (min == max)
    return parse_fail (p, error,
                       /* Translators: a line of a catalogue file has the wrong number of tab-separated columns */
                       _("a “%s” line has %u columns, it needs %u (columns are separated by tabs)"),
                       record, n, min);
  return parse_fail (p, error,
                     _("a “%s” line has %u columns, it needs %u to %u (columns are separated by tabs)"),
                     record, n, min, max);
}

static const char *
classification_record (YusuanClassification classification)
{
  switch (classification)
    {
    case YUSUAN_CLASSIFICATION_FUNCTION:
      return "function";
    case YUSUAN_CLASSIFICATION_ECON_DEPT:
      return "econ-dept";
    case YUSUAN_CLASSIFICATION_ECON_GOV:
      return "econ-gov";
    default:
      g_assert_not_reached ();
    }
}

/* Spreadsheets put a cell in double quotes when it holds one, doubling it. */
static void
unquote (char *field)
{
  gsize len = strlen (field);
  char *out = field;

  if (len < 2 || field[0] != '"' || field[len - 1] != '"')
    return;

  field[len - 1] = '\0';
  for (const char *in = field + 1; *in != '\0'; in++)
    {
      *out++ = *in;
      if (in[0] == '"' && in[1] == '"')
        in++;
    }
  *out = '\0';
  g_strstrip (field);
}

static gboolean
parse_year (Parser      *p,
            const char  *text,
            int         *out,
            GError     **error)
{
  guint64 year;

  if (!is_digits (text) || strlen (text) != 4
      || !g_ascii_string_to_unsigned (text, 10, MIN_YEAR, MAX_YEAR, &year, NULL))
    return parse_fail (p, error, _("“%s” is not a fiscal year (four digits, %d to %d)"),
                       text, MIN_YEAR, MAX_YEAR);
  *out = (int) year;
  return TRUE;
}

static gboolean
parse_header (Parser      *p,
              char       **fields,
              guint        n,
              GError     **error)
{
  YusuanCatalog *self = p->catalog;
  guint64 version;

  if (g_strcmp0 (fields[0], FORMAT_MAGIC) != 0)
    return parse_fail (p, error,
                       _("this is not a Yusuan catalogue: the first line must be the header "
                         "“yusuan-catalog<TAB>1<TAB>first year<TAB>last year or -”"));
  if (!check_columns (p, FORMAT_MAGIC, n, 4, 4, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (fields[1], 10, 1, G_MAXUINT, &version, NULL))
    return parse_fail (p, error, _("“%s” is not a format version"), fields[1]);
  if (version != FORMAT_VERSION)
    return parse_fail (p, error,
                       _("the catalogue is in format version %s, this version of Yusuan reads version %d; "
                         "update Yusuan or ask for a version %d file"),
                       fields[1], FORMAT_VERSION, FORMAT_VERSION);
  if (!parse_year (p, fields[2], &self->first_year, error))
    return FALSE;
  if (g_str_equal (fields[3], "-"))
    self->last_year = G_MAXINT;
  else if (!parse_year (p, fields[3], &self->last_year, error))
    return FALSE;
  if (self->last_year < self->first_year)
    return parse_fail (p, error, _("the last year %d is before the first year %d"),
                       self->last_year, self->first_year);

  p->have_header = TRUE;
  p->header_line = p->line;
  return TRUE;
}

static gboolean
parse_code_record (Parser                *p,
                   YusuanClassification   classification,
                   char                 **fields,
                   guint                  n,
                   GError               **error)
{
  Classification *c = classification_get (p->catalog, classification);
  const char *record = classification_record (classification);
  const char *code;
  const char *name;
  g_autofree char *parent_code = NULL;
  YusuanCodeLevel level;
  Entry *parent = NULL;
  Entry *entry;
  Entry *previous;
  char first_digit;

  /* @fields holds only the cells the line has: count them before reading one. */
  if (!check_columns (p, record, n, 3, 4, error))
    return FALSE;
  code = fields[1];
  name = fields[2];

  first_digit = "235"[classification];
  level = is_digits (code) ? level_for_length (classification, strlen (code)) : YUSUAN_CODE_LEVEL_NONE;
  if (level == YUSUAN_CODE_LEVEL_NONE || code[0] != first_digit)
    {
      if (classification == YUSUAN_CLASSIFICATION_FUNCTION)
        return parse_fail (p, error,
                           _("“%s” is not a function classification code: it needs 3 (类), 5 (款) "
                             "or 7 (项) digits and starts with 2"), code);
      if (classification == YUSUAN_CLASSIFICATION_ECON_DEPT)
        return parse_fail (p, error,
                           _("“%s” is not a department economic code: it needs 3 (类) or 5 (款) digits "
                             "and starts with 3"), code);
      return parse_fail (p, error,
                         _("“%s” is not a government economic code: it needs 3 (类) or 5 (款) digits "
                           "and starts with 5"), code);
    }
  if (name[0] == '\0')
    return parse_fail (p, error, _("code %s has no name"), code);

  previous = g_hash_table_lookup (c->entries, code);
  if (previous != NULL)
    return parse_fail (p, error, _("code %s is listed twice (first on line %u)"), code, previous->line);

  if (level != YUSUAN_CODE_LEVEL_CLASS)
    {
      parent_code = g_strndup (code, strlen (code) - 2);
      parent = g_hash_table_lookup (c->entries, parent_code);
      if (parent == NULL)
        return parse_fail (p, error,
                           _("code %s has no parent: %s must be listed on an earlier “%s” line"),
                           code, parent_code, record);
    }

  entry = g_new0 (Entry, 1);
  entry->code = g_strdup (code);
  entry->name = g_strdup (name);
  entry->folded = fold (name);
  entry->path_folded = parent != NULL ? g_strconcat (parent->path_folded, "\n", entry->folded, NULL)
                                      : g_strdup (entry->folded);
  entry->level = level;
  entry->line = p->line;
  entry->children = g_ptr_array_new ();

  g_ptr_array_add (c->in_file, entry);
  g_hash_table_insert (c->entries, entry->code, entry);
  if (parent != NULL)
    g_ptr_array_add (parent->children, entry->code);
  else
    g_ptr_array_add (c->roots, entry->code);

  return TRUE;
}

static gboolean
check_econ_code (Parser                *p,
                 YusuanClassification   classification,
                 const char            *code,
                 GError               **error)
{
  Entry *entry = lookup (p->catalog, classification, code);

  if (entry != NULL && entry->level == YUSUAN_CODE_LEVEL_SECTION)
    return TRUE;

  if (classification == YUSUAN_CLASSIFICATION_ECON_DEPT)
    return parse_fail (p, error,
                       _("%s is not a department economic 款 (5 digits) listed on an earlier “econ-dept” line"),
                       code);
  return parse_fail (p, error,
                     _("%s is not a government economic 款 (5 digits) listed on an earlier “econ-gov” line"),
                     code);
}

static gboolean
parse_map (Parser      *p,
           char       **fields,
           guint        n,
           GError     **error)
{
  const char *dept;
  const char *organ;
  const char *institution;
  EconMap *map;

  if (!check_columns (p, "map", n, 4, 5, error))
    return FALSE;
  dept = fields[1];
  organ = fields[2];
  institution = fields[3];
  if (!check_econ_code (p, YUSUAN_CLASSIFICATION_ECON_DEPT, dept, error))
    return FALSE;

  map = g_hash_table_lookup (p->catalog->maps, dept);
  if (map != NULL && map->line != 0)
    return parse_fail (p, error, _("%s has a second “map” line (first on line %u)"), dept, map->line);

  if (g_str_equal (organ, "-") && g_str_equal (institution, "-"))
    return parse_fail (p, error, _("%s needs at least one government code, for 机关 or for 事业单位"), dept);
  if (!g_str_equal (organ, "-") && !check_econ_code (p, YUSUAN_CLASSIFICATION_ECON_GOV, organ, error))
    return FALSE;
  if (!g_str_equal (institution, "-") && !check_econ_code (p, YUSUAN_CLASSIFICATION_ECON_GOV, institution, error))
    return FALSE;

  if (map == NULL)
    {
      map = g_new0 (EconMap, 1);
      g_hash_table_insert (p->catalog->maps, g_strdup (dept), map);
    }
  map->line = p->line;
  map->gov_organ = g_str_equal (organ, "-") ? NULL : g_strdup (organ);
  map->gov_institution = g_str_equal (institution, "-") ? NULL : g_strdup (institution);

  return TRUE;
}

static gboolean
parse_allow (Parser      *p,
             char       **fields,
             guint        n,
             GError     **error)
{
  const char *dept;
  const char *gov;
  g_autofree char *key = NULL;
  gpointer first_line;
  EconMap *map;

  if (!check_columns (p, "allow", n, 3, 4, error))
    return FALSE;
  dept = fields[1];
  gov = fields[2];
  if (!check_econ_code (p, YUSUAN_CLASSIFICATION_ECON_DEPT, dept, error)
      || !check_econ_code (p, YUSUAN_CLASSIFICATION_ECON_GOV, gov, error))
    return FALSE;

  key = g_strconcat (dept, "/", gov, NULL);
  first_line = g_hash_table_lookup (p->allow_lines, key);
  if (first_line != NULL)
    return parse_fail (p, error, _("the pair %s → %s is listed twice (first on line %u)"),
                       dept, gov, GPOINTER_TO_UINT (first_line));
  g_hash_table_insert (p->allow_lines, g_steal_pointer (&key), GUINT_TO_POINTER (p->line));

  map = g_hash_table_lookup (p->catalog->maps, dept);
  if (map == NULL)
    {
      map = g_new0 (EconMap, 1);
      g_hash_table_insert (p->catalog->maps, g_strdup (dept), map);
    }
  if (map->extra == NULL)
    map->extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (map->extra, g_strdup (gov), GUINT_TO_POINTER (p->line));

  return TRUE;
}

static gboolean
parse_line (Parser      *p,
            char        *line,
            GError     **error)
{
  g_auto (GStrv) fields = NULL;
  const char *record;
  guint n;

  if (!g_utf8_validate (line, -1, NULL))
    return parse_fail (p, error, _("the text is not valid UTF-8 (save the file as UTF-8)"));

  g_strstrip (line);
  if (line[0] == '\0' || line[0] == '#')
    return TRUE;

  fields = g_strsplit (line, "\t", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    unquote (g_strstrip (fields[i]));
  n = count_fields (fields);
  record = fields[0];

  if (!p->have_header)
    return parse_header (p, fields, n, error);

  if (g_str_equal (record, "function"))
    return parse_code_record (p, YUSUAN_CLASSIFICATION_FUNCTION, fields, n, error);
  if (g_str_equal (record, "econ-dept"))
    return parse_code_record (p, YUSUAN_CLASSIFICATION_ECON_DEPT, fields, n, error);
  if (g_str_equal (record, "econ-gov"))
    return parse_code_record (p, YUSUAN_CLASSIFICATION_ECON_GOV, fields, n, error);
  if (g_str_equal (record, "map"))
    return parse_map (p, fields, n, error);
  if (g_str_equal (record, "allow"))
    return parse_allow (p, fields, n, error);
  if (g_str_equal (record, "source"))
    {
      if (!check_columns (p, record, n, 2, 2, error))
        return FALSE;
      if (p->source_line != 0)
        return parse_fail (p, error, _("a second “source” line (the first is on line %u)"), p->source_line);
      p->source_line = p->line;
      p->catalog->source = g_strdup (fields[1]);
      return TRUE;
    }
  if (g_str_equal (record, FORMAT_MAGIC))
    return parse_fail (p, error, _("a second header line (the first is on line %u)"), p->header_line);

  return parse_fail (p, error,
                     _("unknown record “%s”: a line starts with function, econ-dept, econ-gov, map, "
                       "allow or source, or with # for a comment"),
                     record);
}

static void
order_entries (Classification *c,
               const char     *code)
{
  Entry *entry = g_hash_table_lookup (c->entries, code);

  entry->order = (int) c->in_order->len;
  g_ptr_array_add (c->in_order, entry);
  for (guint i = 0; i < entry->children->len; i++)
    order_entries (c, g_ptr_array_index (entry->children, i));
}

static gboolean
finish (Parser  *p,
        GError **error)
{
  YusuanCatalog *self = p->catalog;

  if (!p->have_header)
    {
      p->line = MAX (p->line, 1);
      return parse_fail (p, error, _("the file is empty: a catalogue starts with the header "
                                     "“yusuan-catalog<TAB>1<TAB>first year<TAB>last year or -”"));
    }
  if (p->source_line == 0)
    {
      p->line = p->header_line;
      return parse_fail (p, error, _("the catalogue has no “source” line saying where its codes come from"));
    }
  for (guint i = 0; i < N_CLASSIFICATIONS; i++)
    {
      Classification *c = &self->classifications[i];

      if (c->roots->len == 0)
        return parse_fail (p, error, _("the catalogue has no “%s” lines: a catalogue replaces the shipped one "
                                       "as a whole, so it needs all three classifications"),
                           classification_record (i));

      for (guint j = 0; j < c->roots->len; j++)
        order_entries (c, g_ptr_array_index (c->roots, j));
      for (guint j = 0; j < c->in_file->len; j++)
        g_ptr_array_add (((Entry *) g_ptr_array_index (c->in_file, j))->children, NULL);
      g_ptr_array_add (c->roots, NULL);
    }

  return TRUE;
}

static YusuanCatalog *
parse (const char  *data,
       gsize        length,
       const char  *display_name,
       GError     **error)
{
  g_autoptr (YusuanCatalog) self = catalog_alloc (display_name);
  g_autoptr (GHashTable) allow_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Parser p = { .catalog = self, .name = display_name, .allow_lines = allow_lines };
  const char *pos = data;
  const char *end = data + length;

  /* A byte-order mark, as spreadsheets write it. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos += 3;

  while (pos < end)
    {
      const char *eol = memchr (pos, '\n', end - pos);
      const char *next = eol != NULL ? eol + 1 : end;
      g_autofree char *line = NULL;
      gsize len = (eol != NULL ? eol : end) - pos;

      p.line++;
      if (memchr (pos, '\0', len) != NULL)
        {
          parse_fail (&p, error, _("the line contains a NUL byte: this is not a text file"));
          return NULL;
        }
      line = g_strndup (pos, len);
      if (!parse_line (&p, line, error))
        return NULL;
      pos = next;
    }

  if (!finish (&p, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Choosing a catalogue */

static int
compare_shipped (gconstpointer a,
                 gconstpointer b)
{
  const YusuanCatalog *ca = *(YusuanCatalog **) a;
  const YusuanCatalog *cb = *(YusuanCatalog **) b;

  return (cb->first_year > ca->first_year) - (cb->first_year < ca->first_year);
}

static void
load_shipped (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;

  if (shipped != NULL)
    return;

  shipped = g_ptr_array_new_with_free_func ((GDestroyNotify) yusuan_catalog_unref);
  names = g_resources_enumerate_children (SHIPPED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    g_error ("The shipped catalogues are missing from the core's resources: %s", error->message);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr (GBytes) bytes = NULL;
      YusuanCatalog *catalog;

      if (!g_str_has_suffix (names[i], ".catalog"))
        continue;
      path = g_strconcat (SHIPPED_PATH "/", names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("Cannot read the shipped catalogue %s: %s", path, error->message);
      catalog = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), names[i], &error);
      if (catalog == NULL)
        g_error ("The shipped catalogue is damaged: %s", error->message);
      g_ptr_array_add (shipped, catalog);
    }
  if (shipped->len == 0)
    g_error ("No catalogue is shipped in %s", SHIPPED_PATH);
  g_ptr_array_sort (shipped, compare_shipped);
}

static char *
import_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "yusuan", "catalogs", NULL);
}

static void
load_imported (void)
{
  g_autofree char *dir_path = NULL;
  g_autoptr (GFile) dir = NULL;
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GError) error = NULL;

  if (imported != NULL)
    return;

  imported = g_ptr_array_new_with_free_func (imported_free);
  dir_path = import_dir ();
  dir = g_file_new_for_path (dir_path);
  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Cannot read the imported catalogues in %s: %s", dir_path, error->message);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL; /* both owned by the enumerator */
      GFile *child = NULL;
      g_autoptr (YusuanCatalog) catalog = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GDateTime) mtime = NULL;
      Imported *imp;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, &local_error))
        {
          g_warning ("Cannot read the imported catalogues in %s: %s", dir_path, local_error->message);
          break;
        }
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_suffix (g_file_info_get_name (info), ".catalog"))
        continue;

      catalog = yusuan_catalog_new_from_file (child, &local_error);
      if (catalog == NULL)
        {
          g_warning ("Ignoring an imported catalogue: %s", local_error->message);
          continue;
        }

      imp = g_new0 (Imported, 1);
      imp->catalog = g_steal_pointer (&catalog);
      imp->path = g_file_get_path (child);
      mtime = g_file_info_get_modification_date_time (info);
      imp->mtime_usec = mtime != NULL ? g_date_time_to_unix (mtime) * G_USEC_PER_SEC
                                        + g_date_time_get_microsecond (mtime)
                                      : 0;
      g_ptr_array_add (imported, imp);
    }
}

static gboolean
covers (YusuanCatalog *catalog,
        int            year)
{
  return year >= catalog->first_year && year <= catalog->last_year;
}

/* The newest import wins for the years it covers; between two imports of the
 * same moment, the narrower one, then the name, so that the choice never
 * depends on the order the directory lists them in. */
static gboolean
imported_better (Imported *a,
                 Imported *b)
{
  if (a->mtime_usec != b->mtime_usec)
    return a->mtime_usec > b->mtime_usec;
  if (a->catalog->first_year != b->catalog->first_year)
    return a->catalog->first_year > b->catalog->first_year;
  if (a->catalog->last_year != b->catalog->last_year)
    return a->catalog->last_year < b->catalog->last_year;
  return g_strcmp0 (a->path, b->path) > 0;
}

static YusuanCatalog *
choose_for_year (int year)
{
  Imported *best = NULL;

  load_shipped ();
  load_imported ();

  for (guint i = 0; i < imported->len; i++)
    {
      Imported *imp = g_ptr_array_index (imported, i);

      if (covers (imp->catalog, year) && (best == NULL || imported_better (imp, best)))
        best = imp;
    }
  if (best != NULL)
    return best->catalog;

  /* shipped is sorted newest first: the most recent list that covers the year,
   * else the newest we have. */
  for (guint i = 0; i < shipped->len; i++)
    if (covers (g_ptr_array_index (shipped, i), year))
      return g_ptr_array_index (shipped, i);
  return g_ptr_array_index (shipped, 0);
}

/* Public API */

YusuanCatalog *
yusuan_catalog_ref (YusuanCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
yusuan_catalog_unref (YusuanCatalog *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, catalog_clear);
}

YusuanCatalog *
yusuan_catalog_get_for_year (int fiscal_year)
{
  YusuanCatalog *catalog;

  yusuan_core_init ();

  g_mutex_lock (&cache_lock);
  if (year_cache == NULL)
    year_cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) yusuan_catalog_unref);
  catalog = g_hash_table_lookup (year_cache, GINT_TO_POINTER (fiscal_year));
  if (catalog == NULL)
    {
      catalog = choose_for_year (fiscal_year);
      g_hash_table_insert (year_cache, GINT_TO_POINTER (fiscal_year), yusuan_catalog_ref (catalog));
    }
  catalog = yusuan_catalog_ref (catalog);
  g_mutex_unlock (&cache_lock);

  return catalog;
}

YusuanCatalog *
yusuan_catalog_get_builtin (void)
{
  YusuanCatalog *catalog;

  yusuan_core_init ();

  g_mutex_lock (&cache_lock);
  load_shipped ();
  catalog = yusuan_catalog_ref (g_ptr_array_index (shipped, 0));
  g_mutex_unlock (&cache_lock);

  return catalog;
}

YusuanCatalog *
yusuan_catalog_new_from_data (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (data != NULL ? data : "", length,
                display_name != NULL ? display_name : _("catalogue"), error);
}

YusuanCatalog *
yusuan_catalog_new_from_file (GFile   *file,
                              GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    {
      g_prefix_error (error, _("Cannot read the catalogue %s: "), name);
      return NULL;
    }

  return parse (contents, length, name, error);
}

gboolean
yusuan_catalog_import (GFile   *file,
                       GError **error)
{
  g_autoptr (YusuanCatalog) catalog = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *target = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  yusuan_core_init ();

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    {
      g_prefix_error (error, _("Cannot read the catalogue %s: "), name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > IMPORT_MAX_BYTES)
    {
      g_set_error (error, YUSUAN_CATALOG_ERROR, YUSUAN_CATALOG_ERROR_PARSE,
                   _("%s is too large to be a catalogue (more than %d MB); check that you chose the right file"),
                   name, IMPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    {
      g_prefix_error (error, _("Cannot read the catalogue %s: "), name);
      return FALSE;
    }

  catalog = parse (contents, length, name, error);
  if (catalog == NULL)
    return FALSE;

  dir = import_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the catalogue folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* One file per range of years: importing a corrected list for the same
   * years replaces the earlier import. */
  if (catalog->last_year == G_MAXINT)
    target_name = g_strdup_printf ("yusuan-%d.catalog", catalog->first_year);
  else
    target_name = g_strdup_printf ("yusuan-%d-%d.catalog", catalog->first_year, catalog->last_year);
  target = g_build_filename (dir, target_name, NULL);

  if (!g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    {
      g_prefix_error (error, _("Cannot save the imported catalogue: "));
      return FALSE;
    }

  /* Earlier imports for years the new one wholly covers would never be chosen
   * again; remove them so the folder says what is in use. */
  g_mutex_lock (&cache_lock);
  g_clear_pointer (&imported, g_ptr_array_unref);
  load_imported ();
  for (guint i = 0; i < imported->len; i++)
    {
      Imported *imp = g_ptr_array_index (imported, i);

      if (g_strcmp0 (imp->path, target) != 0
          && imp->catalog->first_year >= catalog->first_year
          && imp->catalog->last_year <= catalog->last_year
          && g_unlink (imp->path) != 0)
        g_debug ("Cannot remove the superseded catalogue %s: %s", imp->path, g_strerror (errno));
    }
  /* Chosen again on the next request; catalogues handed out stay valid. */
  g_clear_pointer (&imported, g_ptr_array_unref);
  g_clear_pointer (&year_cache, g_hash_table_unref);
  g_mutex_unlock (&cache_lock);

  return TRUE;
}

int
yusuan_catalog_get_first_year (YusuanCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_year;
}

int
yusuan_catalog_get_last_year (YusuanCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->last_year;
}

const char *
yusuan_catalog_get_source (YusuanCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

const char *
yusuan_catalog_get_name (YusuanCatalog        *self,
                         YusuanClassification  classification,
                         const char           *code)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = lookup (self, classification, code);
  return entry != NULL ? entry->name : NULL;
}

YusuanCodeLevel
yusuan_catalog_get_level (YusuanCatalog        *self,
                          YusuanClassification  classification,
                          const char           *code)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, YUSUAN_CODE_LEVEL_NONE);

  entry = lookup (self, classification, code);
  return entry != NULL ? entry->level : YUSUAN_CODE_LEVEL_NONE;
}

const char *const *
yusuan_catalog_get_children (YusuanCatalog        *self,
                             YusuanClassification  classification,
                             const char           *parent)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, empty_list);
  g_return_val_if_fail ((guint) classification < N_CLASSIFICATIONS, empty_list);

  if (parent == NULL)
    return (const char *const *) classification_get (self, classification)->roots->pdata;

  /* An unknown code has no children: callers can iterate without a check. */
  entry = lookup (self, classification, parent);
  return entry != NULL ? (const char *const *) entry->children->pdata : empty_list;
}

int
yusuan_catalog_get_order (YusuanCatalog        *self,
                          YusuanClassification  classification,
                          const char           *code)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, -1);

  entry = lookup (self, classification, code);
  return entry != NULL ? entry->order : -1;
}

gboolean
yusuan_catalog_econ_pair_allowed (YusuanCatalog *self,
                                  const char    *econ_dept,
                                  const char    *econ_gov)
{
  EconMap *map;

  g_return_val_if_fail (self != NULL, FALSE);

  if (econ_dept == NULL || econ_gov == NULL)
    return FALSE;
  map = g_hash_table_lookup (self->maps, econ_dept);
  if (map == NULL)
    return FALSE;

  return g_strcmp0 (map->gov_organ, econ_gov) == 0
         || g_strcmp0 (map->gov_institution, econ_gov) == 0
         || (map->extra != NULL && g_hash_table_contains (map->extra, econ_gov));
}

const char *
yusuan_catalog_econ_default_gov (YusuanCatalog  *self,
                                 const char     *econ_dept,
                                 YusuanUnitKind  kind)
{
  EconMap *map;

  g_return_val_if_fail (self != NULL, NULL);

  if (econ_dept == NULL)
    return NULL;
  map = g_hash_table_lookup (self->maps, econ_dept);
  if (map == NULL)
    return NULL;

  /* 财预〔2017〕98号: 行政单位 and 参公单位 book 501–504, every other unit
   * is funded through 对事业单位补助 (505/506).  A code with only one
   * target (30107 绩效工资 has no 机关 one) takes that one whatever the unit. */
  switch (kind)
    {
    case YUSUAN_UNIT_KIND_ADMINISTRATIVE:
    case YUSUAN_UNIT_KIND_CIVIL_SERVANT_MANAGED:
      return map->gov_organ != NULL ? map->gov_organ : map->gov_institution;
    case YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION:
    case YUSUAN_UNIT_KIND_OTHER:
    case YUSUAN_N_UNIT_KINDS:
    default:
      return map->gov_institution != NULL ? map->gov_institution : map->gov_organ;
    }
}

YusuanCategory
yusuan_catalog_econ_default_category (YusuanCatalog *self,
                                      const char    *econ_dept)
{
  g_return_val_if_fail (self != NULL, YUSUAN_CATEGORY_PUBLIC);

  if (econ_dept != NULL && (g_str_has_prefix (econ_dept, "301") || g_str_has_prefix (econ_dept, "303")))
    return YUSUAN_CATEGORY_PERSONNEL;
  return YUSUAN_CATEGORY_PUBLIC;
}

typedef struct
{
  Entry *entry;
  int    rank;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->rank != mb->rank)
    return ma->rank - mb->rank;
  return ma->entry->order - mb->entry->order;
}

static gboolean
is_punctuation (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ispunct (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The words of a query, split at spaces and where digits meet text
 * (“2010301行政运行”), bare punctuation such as the brackets of “[2010301]”
 * dropped.  Digit runs are joined into @digits (“201 03 01”, as the tables
 * print codes, is 2010301); the rest are returned. */
static char **
split_query (const char  *folded,
             char       **digits)
{
  g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr (GString) word = g_string_new (NULL);
  g_autoptr (GString) joined = g_string_new (NULL);
  int kind = 0; /* of the current word: 1 digits, 2 text */

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      int ch_kind = ch == 0 || g_unichar_isspace (ch) ? 0 : g_ascii_isdigit (*p) ? 1 : 2;

      if (ch_kind != kind && word->len > 0)
        {
          if (kind == 1)
            g_string_append (joined, word->str);
          else if (!is_punctuation (word->str))
            g_strv_builder_add (words, word->str);
          g_string_truncate (word, 0);
        }
      if (ch == 0)
        break;
      kind = ch_kind;
      if (ch_kind != 0)
        g_string_append_unichar (word, ch);
    }

  *digits = joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
  return g_strv_builder_end (words);
}

/* Ranks: 0 the exact code, 1 a code starting with the digits, 2 the exact
 * name, 3 a name containing every word, 4 words found among the ancestors'
 * names too (“政府办公厅 行政运行”); -1 no match.  Digits given with words
 * (“20103 行政运行”) narrow the words' matches to codes starting with them. */
static int
rank_entry (Entry       *entry,
            const char  *digits,
            char       **words)
{
  gboolean own_name = TRUE;

  if (digits != NULL && !g_str_has_prefix (entry->code, digits))
    return -1;
  if (words[0] == NULL)
    return g_str_equal (entry->code, digits) ? 0 : 1;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (entry->folded, words[i]) != NULL)
        continue;
      if (strstr (entry->path_folded, words[i]) == NULL)
        return -1;
      own_name = FALSE;
    }

  if (words[1] == NULL && g_str_equal (entry->folded, words[0]))
    return 2;
  return own_name ? 3 : 4;
}

/* The codes found, newly allocated (the array frees them); @max 0: no limit. */
GPtrArray *
yusuan_catalog_search (YusuanCatalog        *self,
                       YusuanClassification  classification,
                       const char           *query,
                       YusuanCodeLevel       level,
                       guint                 max)
{
  g_autoptr (GArray) matches = NULL;
  g_autofree char *folded_query = NULL;
  g_autofree char *digits = NULL;
  g_auto (GStrv) words = NULL;
  GPtrArray *result;
  Classification *c;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) classification < N_CLASSIFICATIONS, NULL);

  result = g_ptr_array_new_with_free_func (g_free);
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return result;

  folded_query = fold (query);
  words = split_query (folded_query, &digits);
  if (words[0] == NULL && digits == NULL)
    return result;

  c = classification_get (self, classification);
  matches = g_array_new (FALSE, FALSE, sizeof (Match));
  for (guint i = 0; i < c->in_order->len; i++)
    {
      Entry *entry = g_ptr_array_index (c->in_order, i);
      Match m = { entry, -1 };

      if (level != YUSUAN_CODE_LEVEL_NONE && entry->level != level)
        continue;
      m.rank = rank_entry (entry, digits, words);
      if (m.rank >= 0)
        g_array_append_val (matches, m);
    }
  g_array_sort (matches, compare_matches);

  for (guint i = 0; i < matches->len && (max == 0 || i < max); i++)
    g_ptr_array_add (result, g_strdup (g_array_index (matches, Match, i).entry->code));

  return result;
}
