/* yusuan-xml.c - the submission contract (urn:yusuan:budget:1): safe import, deterministic export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import reads the file with libxml2's SAX2 parser in two passes at once (no
 * tree is ever built).  One, in the calling thread, checks every attribute
 * of the contract itself, so that a finance officer reads "amount “12.345”
 * is not yuan with two decimals" rather than the validator's pattern dump,
 * and loads the document as the events arrive.  The other, in a second
 * thread, runs the schema validator plugged into the event stream: it stays
 * the authority on structure.  Nothing is returned unless both found the
 * whole file well-formed, valid and loadable.
 *
 * Export writes the layout of data/examples/sanmenxia-2023.xml byte for byte
 * and checks every fact as it writes it against what the schema allows (so
 * a failure names the fact): what it writes is valid by construction, and
 * nothing reaches the disk unless every fact passed.  It does not run the
 * validator on its own output; tests/test-xml-export.c holds the checks and
 * the schema in step.  yusuan_xml_validate() validates a file on demand.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "yusuan-core.h"
#include "yusuan-codes.h"
#include "yusuan-xml.h"

#define BUDGET_NS        "urn:yusuan:budget:1"
#define MAX_INPUT_SIZE   ((goffset) 512 * 1024 * 1024)
#define MAX_SHOWN_ISSUES 20
#define MAX_ISSUES       40   /* collected before the parser is stopped */
#define NAME_MAX_CHARS   200
#define TEXT_MAX_CHARS   4000
#define COUNT_MAX        G_GUINT64_CONSTANT (1000000000)

G_DEFINE_QUARK (yusuan-xml-error-quark, yusuan_xml_error)

/* ------------------------------------------------------------------------ */
/* Elements of the contract                                                 */

typedef enum
{
  EL_NONE,
  EL_UNKNOWN,
  EL_BUDGET,
  EL_DEPARTMENT,
  EL_UNITS,
  EL_UNIT,
  EL_REVENUES,
  EL_REVENUE,
  EL_BASIC,
  EL_BASIC_LINE,
  EL_PROJECTS,
  EL_PROJECT,
  EL_DESCRIPTION,
  EL_PROJECT_LINE,
  EL_PROJECT_INDICATOR,
  EL_THREE_PUBLIC,
  EL_PROCUREMENT,
  EL_ITEM,
  EL_ASSETS,
  EL_PERFORMANCE,
  EL_DUTY,
  EL_TASK,
  EL_DEPARTMENT_INDICATOR,
  EL_EXPLANATIONS,
  EL_EXPLANATION,
  EL_PRIOR_YEAR,
  EL_FIGURE,
} Element;

static const struct
{
  Element     parent;
  const char *name;
  Element     element;
} element_table[] = {
  { EL_NONE, "budget", EL_BUDGET },
  { EL_BUDGET, "department", EL_DEPARTMENT },
  { EL_BUDGET, "units", EL_UNITS },
  { EL_BUDGET, "revenues", EL_REVENUES },
  { EL_BUDGET, "basic-expenditures", EL_BASIC },
  { EL_BUDGET, "projects", EL_PROJECTS },
  { EL_BUDGET, "three-public-expenses", EL_THREE_PUBLIC },
  { EL_BUDGET, "procurement", EL_PROCUREMENT },
  { EL_BUDGET, "assets", EL_ASSETS },
  { EL_BUDGET, "department-performance", EL_PERFORMANCE },
  { EL_BUDGET, "explanations", EL_EXPLANATIONS },
  { EL_BUDGET, "prior-year", EL_PRIOR_YEAR },
  { EL_UNITS, "unit", EL_UNIT },
  { EL_REVENUES, "revenue", EL_REVENUE },
  { EL_BASIC, "line", EL_BASIC_LINE },
  { EL_PROJECTS, "project", EL_PROJECT },
  { EL_PROJECT, "description", EL_DESCRIPTION },
  { EL_PROJECT, "line", EL_PROJECT_LINE },
  { EL_PROJECT, "indicator", EL_PROJECT_INDICATOR },
  { EL_PROCUREMENT, "item", EL_ITEM },
  { EL_PERFORMANCE, "duty", EL_DUTY },
  { EL_PERFORMANCE, "task", EL_TASK },
  { EL_PERFORMANCE, "indicator", EL_DEPARTMENT_INDICATOR },
  { EL_EXPLANATIONS, "explanation", EL_EXPLANATION },
  { EL_PRIOR_YEAR, "figure", EL_FIGURE },
};

static gboolean
element_has_text (Element element)
{
  switch (element)
    {
    case EL_DESCRIPTION:
    case EL_PROJECT_INDICATOR:
    case EL_DUTY:
    case EL_TASK:
    case EL_DEPARTMENT_INDICATOR:
    case EL_EXPLANATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */
/* Checks shared by import and export: the contract's simple types           */

/* A code's shape: its check, and how a message states it (untranslated, N_). */
typedef struct
{
  gboolean   (*check) (const char *s);
  const char  *expected;
} CodeShape;

static const CodeShape DEPARTMENT_CODE = { yusuan_code_is_department, N_("3 to 6 digits") };
static const CodeShape REGION_CODE = { yusuan_code_is_region, N_("6 digits") };
static const CodeShape UNIT_CODE = { yusuan_code_is_unit, N_("6 to 9 digits") };
static const CodeShape FUNCTION_CODE = { yusuan_code_is_function, N_("7 digits starting with 2") };
static const CodeShape ECON_DEPT_CODE = { yusuan_code_is_econ_dept, N_("5 digits starting with 3") };
static const CodeShape ECON_GOV_CODE = { yusuan_code_is_econ_gov, N_("5 digits starting with 5") };
static const CodeShape PROJECT_CODE = { yusuan_code_is_project, N_("6 to 32 letters and digits") };

/* XML 1.0 Char, minus what the parser would normalise away in an attribute
 * anyway; @c is a valid code point. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Checks @s is UTF-8 made of XML characters; returns its length in characters
 * or -1. */
static glong
xml_text_length (const char *s)
{
  const char *end = NULL;
  glong n = 0;

  if (!g_utf8_validate (s, -1, &end))
    return -1;
  for (const char *p = s; *p; p = g_utf8_next_char (p), n++)
    {
      guchar b = (guchar) *p;

      if (b >= 0x20 && b < 0x80)
        continue;
      if (!is_xml_char (g_utf8_get_char (p)))
        return -1;
    }
  return n;
}

static gboolean
is_xsd_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The Name type: 1 to 200 characters, \S(.*\S)?.  Returns NULL if @s is one,
 * else why not (a translated phrase to follow the field's description). */
static const char *
name_problem (const char *s)
{
  glong n;
  gsize len;

  if (s == NULL || *s == '\0')
    return _("is empty");
  n = xml_text_length (s);
  if (n < 0)
    return _("contains a character that XML cannot carry");
  if (n > NAME_MAX_CHARS)
    return _("is longer than 200 characters");
  len = strlen (s);
  if (is_xsd_space (s[0]) || is_xsd_space (s[len - 1]))
    return _("begins or ends with a space");
  if (strpbrk (s, "\r\n"))
    return _("contains a line break");
  return NULL;
}

/* The Text type: at most 4000 characters. */
static const char *
text_problem (const char *s)
{
  glong n = xml_text_length (s);

  if (n < 0)
    return _("contains a character that XML cannot carry");
  if (n > TEXT_MAX_CHARS)
    return _("is longer than 4000 characters");
  return NULL;
}

/* The Amount type: (0|[1-9][0-9]{0,14})\.[0-9]{2}, in fen. */
static gboolean
parse_amount (const char   *s,
              YusuanAmount *out)
{
  const char *p = s;
  YusuanAmount yuan = 0;
  int digits = 0;

  if (*p == '0')
    {
      p++;
      digits = 1;
    }
  else
    {
      while (g_ascii_isdigit (*p))
        {
          if (++digits > 15)
            return FALSE;
          yuan = yuan * 10 + (*p++ - '0');
        }
    }
  if (digits == 0 || p[0] != '.' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    return FALSE;
  *out = yuan * 100 + (p[1] - '0') * 10 + (p[2] - '0');
  return TRUE;
}

/* xs:token's whitespace collapse, into @buffer. */
static const char *
collapse (const char *s,
          GString    *buffer)
{
  gboolean space = FALSE;

  g_string_truncate (buffer, 0);
  for (; *s; s++)
    {
      if (is_xsd_space (*s))
        {
          space = buffer->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (buffer, ' ');
      space = FALSE;
      g_string_append_c (buffer, *s);
    }
  return buffer->str;
}

/* xs:integer after collapse: [+-]?[0-9]+, within [@min, @max]. */
static gboolean
parse_integer (const char *s,
               gint64      min,
               gint64      max,
               gint64     *out)
{
  gboolean negative = FALSE;
  guint64 value = 0;

  if (*s == '+' || *s == '-')
    negative = *s++ == '-';
  if (!g_ascii_isdigit (*s))
    return FALSE;
  for (; *s; s++)
    {
      if (!g_ascii_isdigit (*s))
        return FALSE;
      value = value * 10 + (guint64) (*s - '0');
      if (value > G_GUINT64_CONSTANT (10000000000))
        return FALSE;
    }
  if ((negative ? -(gint64) value : (gint64) value) < min || (negative ? -(gint64) value : (gint64) value) > max)
    return FALSE;
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

/* "a, b, c" from the tokens of an enumeration. */
static char *
token_list (const char *(*to_token) (int), int n)
{
  GString *list = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, to_token (i));
    }
  return g_string_free (list, FALSE);
}

/* ------------------------------------------------------------------------ */
/* The schema, compiled once                                                */

static xmlSchemaPtr
get_schema (GError **error)
{
  static gsize initialized = 0;
  static xmlSchemaPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) xsd = NULL;

      xsd = g_resources_lookup_data (YUSUAN_CORE_RESOURCE_PATH "/budget-1.xsd",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (xsd != NULL)
        {
          xmlSchemaParserCtxtPtr pctxt;
          gsize size;
          const char *data = g_bytes_get_data (xsd, &size);

          pctxt = xmlSchemaNewMemParserCtxt (data, (int) size);
          xmlSchemaSetParserStructuredErrors (pctxt, NULL, NULL);
          schema = xmlSchemaParse (pctxt);
          xmlSchemaFreeParserCtxt (pctxt);
        }
      g_once_init_leave (&initialized, 1);
    }

  if (schema == NULL)
    g_set_error_literal (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO,
                         _("The submission schema (budget-1.xsd) could not be loaded; "
                           "the installation of Yusuan is damaged."));
  return schema;
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

typedef struct
{
  int             line;
  YusuanXmlError  kind;
  gboolean        own;  /* from our checks, not the validator's */
  int             code; /* libxml2's, for the validator's */
  char           *message;
} Issue;

static void
issue_clear (gpointer data)
{
  Issue *issue = data;

  g_free (issue->message);
}

/* The input of a pass: bytes in memory, each pass with its own position. */
typedef struct
{
  const char      *data;
  gsize            length;
  gsize            position;
  gboolean         stopped;  /* by the pass reading it */
  gint            *cancel;   /* by the other pass */
  GArray          *issues;   /* the reading pass's, to know which came after a cut */
  gboolean         cut;
  guint            issues_at_cut;
} Source;

typedef struct
{
  xmlParserCtxtPtr    ctxt;
  const char         *display_name;
  gboolean            checks;     /* this pass makes our own checks (and builds) */
  gboolean            schema;     /* this pass runs the schema validator */
  gboolean            wellformed; /* this pass reports well-formedness errors */
  YusuanDocument     *document;   /* the document built, or NULL */
  GArray             *issues;     /* Issue */
  Source             *source;
  GPtrArray          *open_elements; /* name, namespace, … of the open elements */
  gboolean            stopped;    /* by us: forbidden, or enough issues */
  gboolean            parser_failed;
  gboolean            overflowed;
  gboolean            failed;     /* any issue: the document is no longer built */

  /* element stack */
  Element             stack[64];
  int                 depth;      /* elements open; stack[depth - 1] is the current one */

  /* attributes of the current element, copied out of libxml2's buffers */
  GPtrArray          *attr_names; /* const xmlChar * (libxml2's, valid during the callback) */
  GPtrArray          *attr_values;/* GString * */
  guint               n_attrs;
  GString            *scratch;

  /* text of the current text element */
  GString            *text;
  gboolean            text_too_long;

  /* header */
  int                 fiscal_year;
  YusuanStage         stage;

  /* uniqueness, with the line of the first occurrence */
  GHashTable         *unit_codes;
  GHashTable         *project_codes;
  GHashTable         *topics;
  int                 prior_seen[YUSUAN_N_PRIOR_KEYS];

  /* the project being read */
  gboolean            in_project;
  gboolean            project_added;
  guint               project_lines;
  gboolean            project_lines_missing;
  guint               project_id;
  char               *project_code;
  char               *project_name;
  char                project_unit[YUSUAN_UNIT_CODE_SIZE];
  YusuanProjectKind   project_kind;
  char               *project_description;

  /* the indicator, task or explanation being read */
  YusuanIndicator     indicator;
  gboolean            element_ok;
  char               *pending_name;

  /* blocks loaded at their end */
  GArray             *procurement;  /* YusuanProcurementItem */
  GPtrArray          *duties;
  GArray             *tasks;        /* YusuanTask */
  int                 prior_fiscal_year;
  gboolean            prior_has[YUSUAN_N_PRIOR_KEYS];
  YusuanAmount        prior_amounts[YUSUAN_N_PRIOR_KEYS];

  /* totals, so that no sum the tables make can overflow */
  YusuanAmount        revenue_total;
  YusuanAmount        expenditure_total;
} Loader;

static void
indicator_clear (YusuanIndicator *indicator)
{
  g_clear_pointer (&indicator->level2, g_free);
  g_clear_pointer (&indicator->name, g_free);
  g_clear_pointer (&indicator->value, g_free);
  g_clear_pointer (&indicator->unit, g_free);
  g_clear_pointer (&indicator->text, g_free);
  g_clear_pointer (&indicator->explanation, g_free);
}

static void
procurement_item_clear (gpointer data)
{
  YusuanProcurementItem *item = data;

  g_free (item->project);
  g_free (item->name);
}

static void
task_clear (gpointer data)
{
  YusuanTask *task = data;

  g_free (task->name);
  g_free (task->text);
}

static void
project_reset (Loader *loader)
{
  loader->in_project = FALSE;
  loader->project_added = FALSE;
  loader->project_lines = 0;
  loader->project_lines_missing = FALSE;
  loader->project_id = 0;
  g_clear_pointer (&loader->project_code, g_free);
  g_clear_pointer (&loader->project_name, g_free);
  g_clear_pointer (&loader->project_description, g_free);
  loader->project_unit[0] = '\0';
}

static int
current_line (Loader *loader)
{
  return loader->ctxt ? xmlSAX2GetLineNumber (loader->ctxt) : 0;
}

/* Stops reading.  xmlStopParser () frees the input at once, and the
 * validator, called after us for the same element, would still read its
 * attributes there: with the validator plugged in, the input just ends at
 * the next refill (a few kilobytes on; nothing more is reported). */
static void
stop (Loader *loader)
{
  if (!loader->stopped && loader->ctxt != NULL && !loader->schema)
    xmlStopParser (loader->ctxt);
  if (loader->source != NULL)
    loader->source->stopped = TRUE;
  loader->stopped = TRUE;
}

static void add_issue (Loader         *loader,
                       YusuanXmlError  kind,
                       gboolean        own,
                       int             line,
                       const char     *format,
                       ...) G_GNUC_PRINTF (5, 6);

static void
add_issue (Loader         *loader,
           YusuanXmlError  kind,
           gboolean        own,
           int             line,
           const char     *format,
           ...)
{
  Issue issue = { .line = line, .kind = kind, .own = own };
  va_list args;

  loader->failed = TRUE;
  if (loader->issues->len >= MAX_ISSUES)
    return;

  va_start (args, format);
  issue.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (loader->issues, issue);

  if (kind == YUSUAN_XML_ERROR_FORBIDDEN || loader->issues->len >= MAX_ISSUES)
    stop (loader);
}

/* A value as the user wrote it, shortened for a message. */
static char *
quote_value (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 30);

      return g_strdup_printf ("“%s…”", head);
    }
  return g_strdup_printf ("“%s”", valid);
}

/* -- attributes -- */

static void
collect_attributes (Loader         *loader,
                    int             n_attributes,
                    const xmlChar **attributes)
{
  loader->n_attrs = 0;
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      GString *value;

      /* Qualified attributes (xsi:…) are not the contract's: the validator
       * decides about them. */
      if (a[2] != NULL)
        continue;
      if (loader->n_attrs == loader->attr_values->len)
        {
          g_ptr_array_add (loader->attr_values, g_string_sized_new (64));
          g_ptr_array_add (loader->attr_names, NULL);
        }
      value = g_ptr_array_index (loader->attr_values, loader->n_attrs);
      g_string_truncate (value, 0);
      g_string_append_len (value, (const char *) a[3], a[4] - a[3]);
      /* Without entity substitution (which we never ask for), SAX2 hands
       * every '&' of an attribute over as "&#38;", and nothing else. */
      if (memchr (value->str, '&', value->len) != NULL)
        g_string_replace (value, "&#38;", "&", 0);
      loader->attr_names->pdata[loader->n_attrs] = (gpointer) a[0];
      loader->n_attrs++;
    }
}

static const char *
attr (Loader     *loader,
      const char *name)
{
  for (guint i = 0; i < loader->n_attrs; i++)
    if (strcmp (loader->attr_names->pdata[i], name) == 0)
      return ((GString *) loader->attr_values->pdata[i])->str;
  return NULL;
}

/* Each getter reports its own problem and returns FALSE. */

static const char *
required (Loader     *loader,
          const char *element,
          const char *name)
{
  const char *value = attr (loader, name);

  if (value == NULL)
    add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
               _("<%s> has no “%s” attribute, which it needs"), element, name);
  return value;
}

static gboolean
get_code (Loader          *loader,
          const char      *element,
          const char      *name,
          gboolean         optional,
          const CodeShape *shape,
          const char     **out)
{
  const char *value = optional ? attr (loader, name) : required (loader, element, name);

  *out = value;
  if (value == NULL)
    return optional;
  if (!shape->check (value))
    {
      g_autofree char *quoted = quote_value (value);

      /* TRANSLATORS: e.g. function code “20103A1” is not 7 digits starting with 2 */
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("%s %s is not %s"), name, quoted, _(shape->expected));
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_amount (Loader       *loader,
            const char   *element,
            const char   *name,
            YusuanAmount *out)
{
  const char *value = required (loader, element, name);
  g_autofree char *quoted = NULL;

  if (value == NULL)
    return FALSE;
  if (parse_amount (value, out))
    return TRUE;

  quoted = quote_value (value);
  if (value[0] == '-')
    add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
               _("%s %s is negative; amounts in a submission are never negative"), name, quoted);
  else if (strchr (value, ','))
    add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
               _("%s %s has a thousands separator; write yuan with two decimals and no separators, e.g. 5640600.00"),
               name, quoted);
  else
    add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
               _("%s %s is not yuan with two decimals (at most 15 digits before the point), e.g. 5640600.00"),
               name, quoted);
  return FALSE;
}

static gboolean
get_name (Loader      *loader,
          const char  *element,
          const char  *name,
          gboolean     optional,
          const char **out)
{
  const char *value = optional ? attr (loader, name) : required (loader, element, name);
  const char *problem;

  *out = value;
  if (value == NULL)
    return optional;
  problem = name_problem (value);
  if (problem != NULL)
    {
      g_autofree char *quoted = quote_value (value);

      /* TRANSLATORS: e.g. name “…” is longer than 200 characters */
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("%s %s %s"), name, quoted, problem);
      return FALSE;
    }
  return TRUE;
}

static void
token_issue (Loader      *loader,
             const char  *name,
             const char  *value,
             const char *(*to_token) (int),
             int          n)
{
  g_autofree char *quoted = quote_value (value);
  g_autofree char *expected = token_list (to_token, n);

  /* TRANSLATORS: e.g. fund “foo” is not one of: general-public-budget, … */
  add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
             _("%s %s is not one of: %s"), name, quoted, expected);
}

/* get_stage (), get_fund () …: an enumerated attribute (xs:token, so
 * surrounding and repeated whitespace does not count). */
#define DEFINE_GET_TOKEN(prefix, Type, n)                                      \
  static const char *                                                          \
  prefix##_to_token_int (int i)                                                \
  {                                                                            \
    return yusuan_##prefix##_to_token ((Type) i);                              \
  }                                                                            \
                                                                               \
  static gboolean                                                              \
  get_##prefix (Loader     *loader,                                            \
                const char *element,                                           \
                const char *name,                                              \
                Type       *out)                                               \
  {                                                                            \
    const char *value = required (loader, element, name);                      \
    Type v;                                                                    \
                                                                               \
    if (value == NULL)                                                         \
      return FALSE;                                                            \
    if (!yusuan_##prefix##_from_token (collapse (value, loader->scratch), &v)) \
      {                                                                        \
        token_issue (loader, name, value, prefix##_to_token_int, (n));         \
        return FALSE;                                                          \
      }                                                                        \
    *out = v;                                                                  \
    return TRUE;                                                               \
  }

DEFINE_GET_TOKEN (stage, YusuanStage, YUSUAN_N_STAGES)
DEFINE_GET_TOKEN (unit_kind, YusuanUnitKind, YUSUAN_N_UNIT_KINDS)
DEFINE_GET_TOKEN (fund, YusuanFund, YUSUAN_N_FUNDS)
DEFINE_GET_TOKEN (category, YusuanCategory, YUSUAN_N_CATEGORIES)
DEFINE_GET_TOKEN (project_kind, YusuanProjectKind, YUSUAN_N_PROJECT_KINDS)
DEFINE_GET_TOKEN (level1, YusuanLevel1, YUSUAN_N_LEVEL1)
DEFINE_GET_TOKEN (operator, YusuanOperator, YUSUAN_N_OPERATORS)
DEFINE_GET_TOKEN (procurement_category, YusuanProcurementCategory, YUSUAN_N_PROCUREMENT_CATEGORIES)
DEFINE_GET_TOKEN (prior_key, YusuanPriorKey, YUSUAN_N_PRIOR_KEYS)

static gboolean
get_year (Loader     *loader,
          const char *element,
          const char *name,
          int        *out)
{
  const char *value = required (loader, element, name);
  gint64 year;

  if (value == NULL)
    return FALSE;
  if (!parse_integer (collapse (value, loader->scratch), 2000, 2100, &year))
    {
      g_autofree char *quoted = quote_value (value);

      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("%s %s is not a year between 2000 and 2100"), name, quoted);
      return FALSE;
    }
  *out = (int) year;
  return TRUE;
}

static gboolean
get_count (Loader     *loader,
           const char *element,
           const char *name,
           guint64    *out)
{
  const char *value = required (loader, element, name);
  gint64 count;

  if (value == NULL)
    return FALSE;
  if (!parse_integer (collapse (value, loader->scratch), 0, COUNT_MAX, &count))
    {
      g_autofree char *quoted = quote_value (value);

      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("%s %s is not a whole number between 0 and 1000000000"), name, quoted);
      return FALSE;
    }
  *out = (guint64) count;
  return TRUE;
}

static gboolean
add_to_total (Loader       *loader,
              YusuanAmount *total,
              YusuanAmount  amount)
{
  if (amount > G_MAXINT64 - *total)
    {
      if (loader->overflowed)
        return FALSE;
      loader->overflowed = TRUE;
      add_issue (loader, YUSUAN_XML_ERROR_CONTENT, TRUE, current_line (loader),
                 _("the amounts add up to more than Yusuan can total (about 92 trillion yuan); "
                   "the file cannot be a real budget"));
      return FALSE;
    }
  *total += amount;
  return TRUE;
}

static gboolean
check_duplicate (Loader     *loader,
                 GHashTable *seen,
                 const char *value,
                 const char *what)
{
  gpointer first;

  if (g_hash_table_lookup_extended (seen, value, NULL, &first))
    {
      /* TRANSLATORS: e.g. unit code “103001” appears again (first on line 5) */
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("%s “%s” appears again (first on line %d); each must be unique"),
                 _(what), value, GPOINTER_TO_INT (first));
      return FALSE;
    }
  g_hash_table_insert (seen, g_strdup (value), GINT_TO_POINTER (current_line (loader)));
  return TRUE;
}

/* -- loading -- */

static gboolean
building (Loader *loader)
{
  return loader->document != NULL && !loader->failed;
}

static void
content_issue (Loader     *loader,
               const char *what)
{
  add_issue (loader, YUSUAN_XML_ERROR_CONTENT, TRUE, current_line (loader),
             _("the %s could not be loaded"), what);
}

static void
ensure_project (Loader *loader)
{
  const YusuanProject *project;

  if (!loader->in_project || loader->project_added)
    return;
  loader->project_added = TRUE;
  if (!building (loader))
    return;
  project = yusuan_document_add_project (loader->document, loader->project_code, loader->project_name,
                                         loader->project_unit, loader->project_kind,
                                         loader->project_description);
  if (project == NULL)
    {
      content_issue (loader, _("project"));
      return;
    }
  loader->project_id = project->id;
}

/* The schema wants a project's lines first, and at least one. */
static void
check_project_has_lines (Loader *loader)
{
  if (!loader->in_project || loader->project_lines > 0 || loader->project_lines_missing)
    return;
  loader->project_lines_missing = TRUE;
  add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
             _("project “%s” has no expenditure <line> before this point; every project needs at least one, "
               "and its lines come before its indicators"),
             loader->project_code ? loader->project_code : "");
}

static void
start_budget (Loader *loader)
{
  const char *version = required (loader, "budget", "schema-version");
  gboolean ok;

  if (version != NULL && strcmp (collapse (version, loader->scratch), "1") != 0)
    {
      g_autofree char *quoted = quote_value (version);

      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("schema-version %s is not 1: this version of Yusuan reads version 1 of the submission format"),
                 quoted);
    }
  ok = get_year (loader, "budget", "fiscal-year", &loader->fiscal_year);
  ok &= get_stage (loader, "budget", "stage", &loader->stage);
  (void) ok;
}

static void
start_department (Loader *loader)
{
  const char *code, *name, *region;
  gboolean ok;

  ok = get_code (loader, "department", "code", FALSE, &DEPARTMENT_CODE, &code);
  ok &= get_name (loader, "department", "name", FALSE, &name);
  ok &= get_code (loader, "department", "region", TRUE, &REGION_CODE, &region);
  if (ok && building (loader))
    yusuan_document_set_header (loader->document, loader->fiscal_year, loader->stage, code, name, region);
}

static void
start_unit (Loader *loader)
{
  const char *code, *name;
  YusuanUnitKind kind = YUSUAN_UNIT_KIND_ADMINISTRATIVE;
  gboolean ok;

  ok = get_code (loader, "unit", "code", FALSE, &UNIT_CODE, &code);
  ok &= get_name (loader, "unit", "name", FALSE, &name);
  ok &= get_unit_kind (loader, "unit", "kind", &kind);
  if (code != NULL && yusuan_code_is_unit (code))
    ok &= check_duplicate (loader, loader->unit_codes, code, N_("unit code"));
  if (ok && building (loader)
      && yusuan_document_add_unit (loader->document, code, name, kind) == NULL)
    content_issue (loader, _("unit"));
}

static void
start_revenue (Loader *loader)
{
  const char *unit;
  YusuanFund source = YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  YusuanAmount amount = 0;
  gboolean ok;

  ok = get_code (loader, "revenue", "unit", FALSE, &UNIT_CODE, &unit);
  ok &= get_fund (loader, "revenue", "source", &source);
  ok &= get_amount (loader, "revenue", "amount", &amount);
  ok = ok && add_to_total (loader, &loader->revenue_total, amount);
  if (ok && building (loader)
      && yusuan_document_add_revenue (loader->document, unit, source, amount) == NULL)
    content_issue (loader, _("revenue"));
}

static void
start_line (Loader  *loader,
            gboolean basic)
{
  YusuanLine line = { 0 };
  const char *unit = NULL, *function, *econ_dept, *econ_gov;
  gboolean ok = TRUE;

  if (basic)
    ok &= get_code (loader, "line", "unit", FALSE, &UNIT_CODE, &unit);
  ok &= get_code (loader, "line", "function", FALSE, &FUNCTION_CODE, &function);
  ok &= get_code (loader, "line", "econ-dept", FALSE, &ECON_DEPT_CODE, &econ_dept);
  ok &= get_code (loader, "line", "econ-gov", FALSE, &ECON_GOV_CODE, &econ_gov);
  ok &= get_fund (loader, "line", "fund", &line.fund);
  if (basic)
    ok &= get_category (loader, "line", "category", &line.category);
  else
    line.category = YUSUAN_CATEGORY_PUBLIC;
  ok &= get_amount (loader, "line", "amount", &line.amount);
  ok = ok && add_to_total (loader, &loader->expenditure_total, line.amount);

  if (!basic)
    {
      loader->project_lines++;
      ensure_project (loader);
    }
  if (!ok || !building (loader))
    return;

  g_strlcpy (line.unit, basic ? unit : loader->project_unit, sizeof line.unit);
  g_strlcpy (line.function, function, sizeof line.function);
  g_strlcpy (line.econ_dept, econ_dept, sizeof line.econ_dept);
  g_strlcpy (line.econ_gov, econ_gov, sizeof line.econ_gov);
  line.project_id = basic ? 0 : loader->project_id;
  if (yusuan_document_add_line (loader->document, &line) == NULL)
    content_issue (loader, basic ? _("basic expenditure line") : _("project line"));
}

static void
start_project (Loader *loader)
{
  const char *code, *name, *unit;
  gboolean ok;

  project_reset (loader);
  loader->in_project = TRUE;
  ok = get_code (loader, "project", "code", FALSE, &PROJECT_CODE, &code);
  ok &= get_name (loader, "project", "name", FALSE, &name);
  ok &= get_code (loader, "project", "unit", FALSE, &UNIT_CODE, &unit);
  ok &= get_project_kind (loader, "project", "kind", &loader->project_kind);
  if (code != NULL && yusuan_code_is_project (code))
    ok &= check_duplicate (loader, loader->project_codes, code, N_("project code"));
  if (!ok)
    return;
  loader->project_code = g_strdup (code);
  loader->project_name = g_strdup (name);
  g_strlcpy (loader->project_unit, unit, sizeof loader->project_unit);
}

static void
start_indicator (Loader  *loader,
                 gboolean project)
{
  YusuanIndicator *indicator = &loader->indicator;
  const char *level2, *name, *value, *unit, *text;
  gboolean ok;

  indicator_clear (indicator);
  loader->element_ok = FALSE;
  if (project)
    {
      check_project_has_lines (loader);
      ensure_project (loader);
    }

  ok = get_level1 (loader, "indicator", "level1", &indicator->level1);
  if (ok && project && indicator->level1 == YUSUAN_LEVEL1_INPUT_MANAGEMENT)
    {
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("level1 “input-management” belongs to the department’s indicators; "
                   "a project’s indicator is cost, output, effect or satisfaction"));
      ok = FALSE;
    }
  else if (ok && !project && indicator->level1 == YUSUAN_LEVEL1_COST)
    {
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("level1 “cost” belongs to a project’s indicators; "
                   "a department indicator is input-management, output, effect or satisfaction"));
      ok = FALSE;
    }
  ok &= get_name (loader, "indicator", "level2", TRUE, &level2);
  ok &= get_name (loader, "indicator", "name", FALSE, &name);
  ok &= get_operator (loader, "indicator", "op", &indicator->op);
  ok &= get_name (loader, "indicator", "unit", TRUE, &unit);
  ok &= get_name (loader, "indicator", "text", TRUE, &text);
  value = attr (loader, "value");
  if (value != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      indicator->value = yusuan_decimal_normalize (collapse (value, loader->scratch), &local_error);
      if (indicator->value == NULL)
        {
          g_autofree char *quoted = quote_value (value);

          add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                     _("value %s is not a number with at most 4 decimals and 18 digits (%s)"),
                     quoted, local_error ? local_error->message : "");
          ok = FALSE;
        }
    }
  if (!ok)
    return;
  indicator->level2 = g_strdup (level2);
  indicator->name = g_strdup (name);
  indicator->unit = g_strdup (unit);
  indicator->text = g_strdup (text);
  loader->element_ok = TRUE;
}

static void
end_indicator (Loader  *loader,
               gboolean project)
{
  YusuanIndicator *indicator = &loader->indicator;

  if (loader->element_ok && loader->text->len > 0)
    indicator->explanation = g_strndup (loader->text->str, loader->text->len);
  if (loader->element_ok && building (loader)
      && yusuan_document_add_indicator (loader->document, project ? loader->project_id : 0, indicator) == NULL)
    content_issue (loader, _("indicator"));
  indicator_clear (indicator);
}

static void
start_three_public (Loader *loader)
{
  YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC];
  gboolean ok = TRUE;

  for (int i = 0; i < YUSUAN_N_THREE_PUBLIC; i++)
    ok &= get_amount (loader, "three-public-expenses", yusuan_three_public_to_token (i), &amounts[i]);
  if (ok && building (loader))
    yusuan_document_set_three_public (loader->document, amounts);
}

static void
start_item (Loader *loader)
{
  YusuanProcurementItem item = { 0 };
  const char *project, *name;
  gboolean ok;

  ok = get_procurement_category (loader, "item", "category", &item.category);
  ok &= get_amount (loader, "item", "amount", &item.amount);
  ok &= get_code (loader, "item", "project", TRUE, &PROJECT_CODE, &project);
  ok &= get_name (loader, "item", "name", TRUE, &name);
  if (!ok || !building (loader))
    return;
  item.project = g_strdup (project);
  item.name = g_strdup (name);
  g_array_append_val (loader->procurement, item);
}

static void
start_assets (Loader *loader)
{
  guint64 vehicles, general, special;
  gboolean ok;

  ok = get_count (loader, "assets", "vehicles", &vehicles);
  ok &= get_count (loader, "assets", "general-equipment", &general);
  ok &= get_count (loader, "assets", "special-equipment", &special);
  if (ok && building (loader))
    yusuan_document_set_assets (loader->document, TRUE, vehicles, general, special);
}

static void
start_figure (Loader *loader)
{
  YusuanPriorKey key = YUSUAN_PRIOR_REVENUE_TOTAL;
  YusuanAmount amount = 0;
  gboolean ok;

  ok = get_prior_key (loader, "figure", "key", &key);
  if (ok && loader->prior_seen[key] != 0)
    {
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("prior-year figure “%s” appears again (first on line %d); each must be unique"),
                 yusuan_prior_key_to_token (key), loader->prior_seen[key]);
      ok = FALSE;
    }
  else if (ok)
    loader->prior_seen[key] = current_line (loader);
  ok &= get_amount (loader, "figure", "amount", &amount);
  if (!ok)
    return;
  loader->prior_has[key] = TRUE;
  loader->prior_amounts[key] = amount;
}

static Element
identify (Loader        *loader,
          const xmlChar *localname,
          const xmlChar *uri)
{
  Element parent = loader->depth > 0 ? loader->stack[MIN (loader->depth, (int) G_N_ELEMENTS (loader->stack)) - 1]
                                     : EL_NONE;

  if (loader->depth >= (int) G_N_ELEMENTS (loader->stack) || parent == EL_UNKNOWN)
    return EL_UNKNOWN;
  if (uri == NULL || strcmp ((const char *) uri, BUDGET_NS) != 0)
    return EL_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (element_table); i++)
    if (element_table[i].parent == parent && strcmp (element_table[i].name, (const char *) localname) == 0)
      return element_table[i].element;
  return EL_UNKNOWN;
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Loader *loader = user_data;
  Element element;

  if (loader->stopped)
    return;

  if (uri != NULL && (strcmp ((const char *) uri, "http://www.w3.org/2001/XInclude") == 0
                      || strcmp ((const char *) uri, "http://www.w3.org/2003/XInclude") == 0))
    {
      add_issue (loader, YUSUAN_XML_ERROR_FORBIDDEN, TRUE, current_line (loader),
                 _("XInclude (<%s>) is refused: a submission is one self-contained file"),
                 (const char *) localname);
      return;
    }

  element = identify (loader, localname, uri);
  if (loader->depth == 0 && element != EL_BUDGET)
    {
      if (strcmp ((const char *) localname, "budget") == 0 && uri == NULL)
        add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                   _("the <budget> element has no namespace; a submission in this format declares "
                     "xmlns=\"%s\""), BUDGET_NS);
      else if (strcmp ((const char *) localname, "budget") == 0)
        add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                   _("the <budget> element is in the namespace “%s”, not “%s”: "
                     "this is not a submission in this format"),
                   (const char *) uri, BUDGET_NS);
      else
        add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                   _("this is not a budget submission: the document is <%s>, not <budget> (%s)"),
                   (const char *) localname, BUDGET_NS);
      stop (loader);
      return;
    }

  if (loader->depth < (int) G_N_ELEMENTS (loader->stack))
    loader->stack[loader->depth] = element;
  loader->depth++;

  if (element_has_text (element))
    {
      g_string_truncate (loader->text, 0);
      loader->text_too_long = FALSE;
    }
  if (element == EL_UNKNOWN)
    return;

  collect_attributes (loader, n_attributes, attributes);
  switch (element)
    {
    case EL_BUDGET: start_budget (loader); break;
    case EL_DEPARTMENT: start_department (loader); break;
    case EL_UNIT: start_unit (loader); break;
    case EL_REVENUE: start_revenue (loader); break;
    case EL_BASIC_LINE: start_line (loader, TRUE); break;
    case EL_PROJECT: start_project (loader); break;
    case EL_PROJECT_LINE: start_line (loader, FALSE); break;
    case EL_PROJECT_INDICATOR: start_indicator (loader, TRUE); break;
    case EL_THREE_PUBLIC: start_three_public (loader); break;
    case EL_PROCUREMENT: g_array_set_size (loader->procurement, 0); break;
    case EL_ITEM: start_item (loader); break;
    case EL_ASSETS: start_assets (loader); break;
    case EL_PERFORMANCE:
      g_ptr_array_set_size (loader->duties, 0);
      g_array_set_size (loader->tasks, 0);
      break;
    case EL_TASK:
      g_clear_pointer (&loader->pending_name, g_free);
      {
        const char *name;

        if (get_name (loader, "task", "name", FALSE, &name))
          loader->pending_name = g_strdup (name);
      }
      break;
    case EL_DEPARTMENT_INDICATOR: start_indicator (loader, FALSE); break;
    case EL_EXPLANATION:
      g_clear_pointer (&loader->pending_name, g_free);
      {
        const char *topic;

        if (get_name (loader, "explanation", "topic", FALSE, &topic)
            && check_duplicate (loader, loader->topics, topic, N_("explanation topic")))
          loader->pending_name = g_strdup (topic);
      }
      break;
    case EL_PRIOR_YEAR:
      memset (loader->prior_has, 0, sizeof loader->prior_has);
      if (!get_year (loader, "prior-year", "fiscal-year", &loader->prior_fiscal_year))
        loader->prior_fiscal_year = 0;
      break;
    case EL_FIGURE: start_figure (loader); break;
    case EL_NONE:
    case EL_UNKNOWN:
    case EL_UNITS:
    case EL_REVENUES:
    case EL_BASIC:
    case EL_PROJECTS:
    case EL_DESCRIPTION:
    case EL_DUTY:
    case EL_EXPLANATIONS:
    default:
      break;
    }
}

/* The text of a text element, checked against the Text type. */
static char *
take_text (Loader *loader)
{
  const char *problem;

  if (loader->text_too_long)
    problem = _("is longer than 4000 characters");
  else
    problem = text_problem (loader->text->str);
  if (problem != NULL)
    {
      /* TRANSLATORS: e.g. the text of <duty> is longer than 4000 characters */
      add_issue (loader, YUSUAN_XML_ERROR_INVALID, TRUE, current_line (loader),
                 _("the text of <%s> %s"), loader->stack[loader->depth - 1] == EL_DUTY ? "duty"
                   : loader->stack[loader->depth - 1] == EL_TASK ? "task"
                   : loader->stack[loader->depth - 1] == EL_EXPLANATION ? "explanation"
                   : loader->stack[loader->depth - 1] == EL_DESCRIPTION ? "description" : "indicator",
                 problem);
      return NULL;
    }
  return g_strndup (loader->text->str, loader->text->len);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Loader *loader = user_data;
  Element element;

  if (loader->stopped || loader->depth == 0)
    return;

  element = loader->depth <= (int) G_N_ELEMENTS (loader->stack) ? loader->stack[loader->depth - 1] : EL_UNKNOWN;
  switch (element)
    {
    case EL_DESCRIPTION:
      {
        g_autofree char *text = take_text (loader);

        g_clear_pointer (&loader->project_description, g_free);
        if (text != NULL && *text != '\0')
          loader->project_description = g_steal_pointer (&text);
      }
      break;
    case EL_PROJECT_INDICATOR:
    case EL_DEPARTMENT_INDICATOR:
      {
        g_autofree char *text = take_text (loader);

        if (text == NULL)
          loader->element_ok = FALSE;
        end_indicator (loader, element == EL_PROJECT_INDICATOR);
      }
      break;
    case EL_PROJECT:
      check_project_has_lines (loader);
      ensure_project (loader);
      project_reset (loader);
      break;
    case EL_PROCUREMENT:
      if (building (loader))
        yusuan_document_set_procurement (loader->document,
                                         (const YusuanProcurementItem *) (gpointer) loader->procurement->data,
                                         loader->procurement->len);
      break;
    case EL_DUTY:
      {
        char *text = take_text (loader);

        if (text != NULL)
          g_ptr_array_add (loader->duties, text);
      }
      break;
    case EL_TASK:
      {
        char *text = take_text (loader);

        if (text != NULL && loader->pending_name != NULL)
          {
            YusuanTask task = { g_steal_pointer (&loader->pending_name), text };

            g_array_append_val (loader->tasks, task);
          }
        else
          g_free (text);
      }
      break;
    case EL_PERFORMANCE:
      if (building (loader))
        yusuan_document_set_performance (loader->document, TRUE,
                                         (const char *const *) loader->duties->pdata, loader->duties->len,
                                         (const YusuanTask *) (gpointer) loader->tasks->data, loader->tasks->len);
      break;
    case EL_EXPLANATION:
      {
        g_autofree char *text = take_text (loader);

        if (text != NULL && loader->pending_name != NULL && building (loader))
          yusuan_document_set_explanation (loader->document, loader->pending_name, text);
        g_clear_pointer (&loader->pending_name, g_free);
      }
      break;
    case EL_PRIOR_YEAR:
      if (building (loader) && loader->prior_fiscal_year != 0)
        yusuan_document_set_prior_year (loader->document, TRUE, loader->prior_fiscal_year,
                                        loader->prior_has, loader->prior_amounts);
      break;
    case EL_NONE:
    case EL_UNKNOWN:
    case EL_BUDGET:
    case EL_DEPARTMENT:
    case EL_UNITS:
    case EL_UNIT:
    case EL_REVENUES:
    case EL_REVENUE:
    case EL_BASIC:
    case EL_BASIC_LINE:
    case EL_PROJECTS:
    case EL_PROJECT_LINE:
    case EL_THREE_PUBLIC:
    case EL_ITEM:
    case EL_ASSETS:
    case EL_EXPLANATIONS:
    case EL_FIGURE:
    default:
      break;
    }
  loader->depth--;
}

static void
characters_cb (void          *user_data,
               const xmlChar *ch,
               int            len)
{
  Loader *loader = user_data;

  if (loader->stopped || loader->depth == 0 || loader->depth > (int) G_N_ELEMENTS (loader->stack))
    return;
  if (!element_has_text (loader->stack[loader->depth - 1]) || loader->text_too_long)
    return;
  /* 4000 characters are at most 16000 bytes: stop buffering past that. */
  if (loader->text->len + (gsize) len > TEXT_MAX_CHARS * 4)
    {
      loader->text_too_long = TRUE;
      return;
    }
  g_string_append_len (loader->text, (const char *) ch, len);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *loader = user_data;

  add_issue (loader, YUSUAN_XML_ERROR_FORBIDDEN, TRUE, current_line (loader),
             _("the file has a document type declaration (<!DOCTYPE …>), which a submission never has; "
               "it is refused because it can define entities that expand without end or read other files"));
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  Loader *loader = user_data;

  add_issue (loader, YUSUAN_XML_ERROR_FORBIDDEN, TRUE, current_line (loader),
             _("the file declares an entity (“%s”), which a submission never does; it is refused"),
             (const char *) name);
}

static xmlEntityPtr
get_entity_cb (void          *user_data,
               const xmlChar *name)
{
  return NULL;
}

static void
stop_cb (void          *user_data,
         const xmlChar *name,
         const xmlChar *external_id,
         const xmlChar *system_id)
{
  stop (user_data);
}

static void
entity_stop_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  stop (user_data);
}

/* The schema pass keeps the names of the open elements (the parser's
 * interned strings, alive as long as the parser is). */
static void
open_element_cb (void           *user_data,
                 const xmlChar  *localname,
                 const xmlChar  *prefix,
                 const xmlChar  *uri,
                 int             n_namespaces,
                 const xmlChar **namespaces,
                 int             n_attributes,
                 int             n_defaulted,
                 const xmlChar **attributes)
{
  Loader *loader = user_data;

  g_ptr_array_add (loader->open_elements, (gpointer) localname);
  g_ptr_array_add (loader->open_elements, (gpointer) uri);
}

static void
close_element_cb (void          *user_data,
                  const xmlChar *localname,
                  const xmlChar *prefix,
                  const xmlChar *uri)
{
  Loader *loader = user_data;

  if (loader->open_elements->len >= 2)
    g_ptr_array_set_size (loader->open_elements, loader->open_elements->len - 2);
}

static void
start_document_cb (void *user_data)
{
  Loader *loader = user_data;
  const char *encoding = NULL;

  if (loader->ctxt->encoding != NULL)
    encoding = (const char *) loader->ctxt->encoding;
  else if (loader->ctxt->input != NULL && loader->ctxt->input->encoding != NULL)
    encoding = (const char *) loader->ctxt->input->encoding;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0
      && g_ascii_strcasecmp (encoding, "UTF8") != 0)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, TRUE, current_line (loader),
               _("the file is encoded as %s; a submission must be UTF-8 (save it again as UTF-8)"),
               encoding);
  if (encoding != NULL && loader->failed)
    stop (loader);
}

/* libxml2's own messages end with a newline and name the contract's elements
 * in {namespace}local form: keep them readable.  Some quote the input cut at
 * a byte count ("Comment not terminated\n<!--" and 50 bytes), which can split
 * a character and add a line: the message stays UTF-8 and on one line. */
static char *
clean_libxml_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message ? message : "", -1);
  g_autoptr(GString) s = g_string_new (valid);
  static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

  g_string_replace (s, "{" BUDGET_NS "}", "", 0);
  while (s->len > 0 && (g_ascii_isspace (s->str[s->len - 1])
                        || (s->len >= 3 && memcmp (s->str + s->len - 3, replacement, 3) == 0)))
    g_string_truncate (s, s->len - (g_ascii_isspace (s->str[s->len - 1]) ? 1 : 3));
  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] == '\n' || s->str[i] == '\r' || s->str[i] == '\t')
      s->str[i] = ' ';
  g_string_replace (s, "  ", " ", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The parser stops at the first well-formedness error; what it says after
 * that is about the same spot, so only the first is reported. */
static void
parser_issue (Loader      *loader,
              xmlErrorPtr  err)
{
  g_autofree char *raw = clean_libxml_message (err->message);
  int line = err->line;
  gboolean at_end;

  if (loader->parser_failed)
    return;
  loader->parser_failed = TRUE;

  /* Everything read and consumed: the file stops short. */
  at_end = loader->source != NULL && loader->source->position == loader->source->length
           && loader->ctxt != NULL && loader->ctxt->input != NULL
           && loader->ctxt->input->cur >= loader->ctxt->input->end;

  if (err->code == XML_ERR_DOCUMENT_EMPTY)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("this is not an XML file (no XML element where the file begins)"));
  else if (err->code == XML_ERR_DOCUMENT_END || err->code == XML_ERR_EXTRA_CONTENT)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("there is more after the end of the <budget> element; is this two files in one?"));
  else if (err->code == XML_ERR_INVALID_ENCODING
           || ((err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING)
               && strstr (raw, "UTF-8") != NULL))
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("the file contains bytes that are not UTF-8 text; a submission must be UTF-8"));
  else if (err->code == XML_ERR_INVALID_CHAR)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("the file contains a character that XML does not allow, such as a control character (%s)"), raw);
  else if (err->code == XML_ERR_UNDECLARED_ENTITY)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("the file is not well-formed XML: %s (write a literal & as &amp;)"), raw);
  else if (at_end)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("the file ends in the middle of the submission; it is probably truncated (%s)"), raw);
  else if (err->int2 > 0)
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("the file is not well-formed XML (column %d): %s"), err->int2, raw);
  else
    add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, line,
               _("the file is not well-formed XML: %s"), raw);
}

/* Every error libxml2 raises while we parse comes here: the parser's through
 * the thread's structured handler, the validator's through its own. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  err)
{
  Loader *loader = user_data;

  if (err == NULL || err->level < XML_ERR_ERROR || loader->stopped)
    return;
  if (err->code == XML_ERR_USER_STOP)
    return;
  if (err->domain == XML_FROM_SCHEMASV || err->domain == XML_FROM_SCHEMASP
      || err->domain == XML_FROM_DATATYPE)
    {
      g_autofree char *raw = clean_libxml_message (err->message);

      add_issue (loader, YUSUAN_XML_ERROR_INVALID, FALSE, err->line,
                 _("does not follow the submission format: %s"), raw);
      if (loader->issues->len > 0)
        g_array_index (loader->issues, Issue, loader->issues->len - 1).code = err->code;
    }
  else if (loader->wellformed)
    parser_issue (loader, err);
}

static int
locator_cb (void           *user_data,
            const char    **file,
            unsigned long  *line)
{
  Loader *loader = user_data;

  *file = NULL;
  *line = (unsigned long) current_line (loader);
  return 0;
}

static int
source_read_cb (void *context,
                char *buffer,
                int   len)
{
  Source *source = context;
  gsize n;

  if (source->stopped)
    return 0;
  if (source->cancel != NULL && g_atomic_int_get (source->cancel))
    {
      /* What the reading pass reports from now on is about the cut. */
      if (!source->cut)
        {
          source->cut = TRUE;
          source->issues_at_cut = source->issues ? source->issues->len : 0;
        }
      return 0;
    }

  n = MIN ((gsize) len, source->length - source->position);
  if (n > 0)
    memcpy (buffer, source->data + source->position, n);
  source->position += n;
  return (int) n;
}

static int
source_close_cb (void *context)
{
  return 0;
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const Issue *x = a, *y = b;

  return (x->line > y->line) - (x->line < y->line);
}

/* Sorts by line, drops the validator's complaints about a line we already
 * explained, and makes one GError of the first MAX_SHOWN_ISSUES. */
static void
report_issues (GArray      *issues,
               gboolean     truncated,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GHashTable) own_lines = g_hash_table_new (NULL, NULL);
  YusuanXmlError code = YUSUAN_XML_ERROR_CONTENT;
  guint shown = 0;
  gboolean more = truncated;

  g_array_sort (issues, compare_issues);
  for (guint i = 0; i < issues->len; i++)
    {
      const Issue *issue = &g_array_index (issues, Issue, i);

      if (issue->own)
        g_hash_table_add (own_lines, GINT_TO_POINTER (issue->line));

      /* The most fundamental problem names the error. */
      if (issue->kind == YUSUAN_XML_ERROR_FORBIDDEN)
        code = YUSUAN_XML_ERROR_FORBIDDEN;
      else if (issue->kind == YUSUAN_XML_ERROR_MALFORMED && code != YUSUAN_XML_ERROR_FORBIDDEN)
        code = YUSUAN_XML_ERROR_MALFORMED;
      else if (issue->kind == YUSUAN_XML_ERROR_INVALID && code == YUSUAN_XML_ERROR_CONTENT)
        code = YUSUAN_XML_ERROR_INVALID;
    }

  for (guint i = 0; i < issues->len; i++)
    {
      const Issue *issue = &g_array_index (issues, Issue, i);

      if (!issue->own && g_hash_table_contains (own_lines, GINT_TO_POINTER (issue->line)))
        continue;
      /* Uniqueness is ours to explain (with both lines); the validator
       * notices a duplicate only where its scope ends. */
      if (!issue->own && issue->code == XML_SCHEMAV_CVC_IDC && g_hash_table_size (own_lines) > 0)
        continue;
      /* Once a file is not well-formed or refused, what the validator said
       * about the rest only confuses. */
      if (code == YUSUAN_XML_ERROR_MALFORMED && issue->kind == YUSUAN_XML_ERROR_INVALID && !issue->own)
        continue;
      if (code == YUSUAN_XML_ERROR_FORBIDDEN && issue->kind != YUSUAN_XML_ERROR_FORBIDDEN)
        continue;
      if (shown == MAX_SHOWN_ISSUES)
        {
          more = TRUE;
          break;
        }
      if (shown > 0)
        g_string_append_c (message, '\n');
      if (issue->line > 0)
        /* TRANSLATORS: file name, line number, what is wrong */
        g_string_append_printf (message, _("%s line %d: %s"), display_name, issue->line, issue->message);
      else
        g_string_append_printf (message, "%s: %s", display_name, issue->message);
      shown++;
    }
  if (more)
    g_string_append_printf (message, "\n%s",
                            _("(Only the first problems are shown; correct them and try again.)"));
  g_set_error_literal (error, YUSUAN_XML_ERROR, code, message->str);
}

static gboolean
looks_like_utf16 (const guchar *p,
                  gsize         n)
{
  if (n >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE)))
    return TRUE;
  if (n >= 2 && ((p[0] == 0 && p[1] == '<') || (p[0] == '<' && p[1] == 0)))
    return TRUE;
  if (n >= 4 && p[0] == 0 && p[1] == 0 && (p[2] == 0xFE || p[2] == 0) )
    return TRUE;
  return FALSE;
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
loader_init (Loader     *loader,
             const char *display_name,
             gboolean    checks,
             gboolean    schema,
             gboolean    build)
{
  memset (loader, 0, sizeof *loader);
  loader->display_name = display_name;
  loader->checks = checks;
  loader->schema = schema;
  loader->wellformed = checks;
  loader->issues = g_array_new (FALSE, TRUE, sizeof (Issue));
  g_array_set_clear_func (loader->issues, issue_clear);
  loader->attr_names = g_ptr_array_new ();
  loader->open_elements = g_ptr_array_new ();
  loader->attr_values = g_ptr_array_new_with_free_func (free_gstring);
  loader->scratch = g_string_sized_new (64);
  loader->text = g_string_sized_new (256);
  loader->unit_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader->project_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader->topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader->procurement = g_array_new (FALSE, TRUE, sizeof (YusuanProcurementItem));
  g_array_set_clear_func (loader->procurement, procurement_item_clear);
  loader->duties = g_ptr_array_new_with_free_func (g_free);
  loader->tasks = g_array_new (FALSE, TRUE, sizeof (YusuanTask));
  g_array_set_clear_func (loader->tasks, task_clear);
  if (build)
    {
      loader->document = yusuan_document_new ();
      yusuan_document_begin_load (loader->document);
    }
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->issues, g_array_unref);
  g_clear_pointer (&loader->attr_names, g_ptr_array_unref);
  g_clear_pointer (&loader->open_elements, g_ptr_array_unref);
  g_clear_pointer (&loader->attr_values, g_ptr_array_unref);
  g_string_free (loader->scratch, TRUE);
  g_string_free (loader->text, TRUE);
  g_clear_pointer (&loader->unit_codes, g_hash_table_unref);
  g_clear_pointer (&loader->project_codes, g_hash_table_unref);
  g_clear_pointer (&loader->topics, g_hash_table_unref);
  project_reset (loader);
  indicator_clear (&loader->indicator);
  g_clear_pointer (&loader->pending_name, g_free);
  g_clear_pointer (&loader->procurement, g_array_unref);
  g_clear_pointer (&loader->duties, g_ptr_array_unref);
  g_clear_pointer (&loader->tasks, g_array_unref);
  if (loader->document != NULL)
    yusuan_document_end_load (loader->document);
  g_clear_object (&loader->document);
}

/* libxml2's validator keeps caches in the shared schema; one validation at a
 * time is the safe way to share it between threads. */
static GMutex schema_lock;

/* One pass over @data: our own checks (and the document, if the loader has
 * one), the schema validator, or both. */
static void
run_pass (Loader       *loader,
          xmlSchemaPtr  schema,
          Source       *source)
{
  xmlSAXHandler sax = { 0 };
  xmlSAXHandlerPtr sax_ptr = &sax;
  void *user_data = loader;
  xmlSchemaValidCtxtPtr vctxt = NULL;
  xmlSchemaSAXPlugPtr plug = NULL;
  xmlStructuredErrorFunc old_handler;
  void *old_handler_data;

  sax.initialized = XML_SAX2_MAGIC;
  sax.getEntity = get_entity_cb;
  sax.getParameterEntity = get_entity_cb;
  if (loader->checks)
    {
      sax.internalSubset = internal_subset_cb;
      sax.entityDecl = entity_decl_cb;
      sax.startDocument = start_document_cb;
      sax.startElementNs = start_element_cb;
      sax.endElementNs = end_element_cb;
      sax.characters = characters_cb;
      sax.cdataBlock = characters_cb;
    }
  else
    {
      /* The other pass says why; this one only stops. */
      sax.internalSubset = stop_cb;
      sax.entityDecl = entity_stop_cb;
      sax.startElementNs = open_element_cb;
      sax.endElementNs = close_element_cb;
    }

  if (loader->schema)
    {
      g_mutex_lock (&schema_lock);
      vctxt = xmlSchemaNewValidCtxt (schema);
      xmlSchemaSetValidStructuredErrors (vctxt, structured_error_cb, loader);
      xmlSchemaValidateSetLocator (vctxt, locator_cb, loader);
      plug = xmlSchemaSAXPlug (vctxt, &sax_ptr, &user_data);
    }

  old_handler = xmlStructuredError;
  old_handler_data = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (loader, structured_error_cb);

  loader->source = source;
  loader->ctxt = xmlCreateIOParserCtxt (sax_ptr, user_data, source_read_cb, source_close_cb, source,
                                        XML_CHAR_ENCODING_NONE);
  if (loader->ctxt != NULL)
    {
      /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. */
      xmlCtxtUseOptions (loader->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      loader->ctxt->linenumbers = 1;
      xmlParseDocument (loader->ctxt);

      /* libxml2's validator frees what it holds for an element (its
       * identity-constraint matchers) only when the element ends: after a
       * parse that stopped inside elements, end them for it. */
      if (plug != NULL && !loader->checks)
        while (loader->open_elements->len >= 2)
          {
            const xmlChar *uri = g_ptr_array_index (loader->open_elements, loader->open_elements->len - 1);
            const xmlChar *name = g_ptr_array_index (loader->open_elements, loader->open_elements->len - 2);

            sax_ptr->endElementNs (user_data, name, NULL, uri);
          }

      if (loader->wellformed && !loader->stopped
          && (!loader->ctxt->wellFormed || !loader->ctxt->nsWellFormed))
        {
          gboolean reported = loader->parser_failed;

          for (guint i = 0; i < loader->issues->len; i++)
            reported |= g_array_index (loader->issues, Issue, i).kind == YUSUAN_XML_ERROR_MALFORMED;
          if (!reported)
            {
              xmlErrorPtr err = xmlCtxtGetLastError (loader->ctxt);

              if (err != NULL && err->code != XML_ERR_OK)
                parser_issue (loader, err);
              else
                add_issue (loader, YUSUAN_XML_ERROR_MALFORMED, FALSE, 0, _("the file is not well-formed XML"));
            }
        }
      xmlFreeParserCtxt (loader->ctxt);
      loader->ctxt = NULL;
    }
  else if (loader->wellformed)
    add_issue (loader, YUSUAN_XML_ERROR_IO, FALSE, 0, _("the XML parser could not be started"));
  loader->source = NULL;
  xmlSetStructuredErrorFunc (old_handler_data, old_handler);

  if (loader->schema)
    {
      xmlSchemaSAXUnplug (plug);
      if (!loader->stopped && loader->issues->len == 0 && !xmlSchemaIsValid (vctxt))
        add_issue (loader, YUSUAN_XML_ERROR_INVALID, FALSE, 0, _("does not follow the submission format"));
      xmlSchemaFreeValidCtxt (vctxt);
      g_mutex_unlock (&schema_lock);
    }
}

typedef struct
{
  Loader       loader;
  xmlSchemaPtr schema;
  Source       source;
} SchemaPass;

static gpointer
schema_pass_thread (gpointer user_data)
{
  SchemaPass *pass = user_data;

  run_pass (&pass->loader, pass->schema, &pass->source);
  return NULL;
}

/* Reads @data: well-formedness, our checks and the document in this thread,
 * the schema validator in another (the two passes take about as long as
 * each other, and a city's budget should not wait for both in turn).  With
 * @out_document, the document is returned only if both passes found nothing;
 * @ready, if given, has it as soon as our own pass has, while the validator
 * may still be reading. */
static gboolean
parse_data (const char          *data,
            gsize                length,
            const char          *display_name,
            gboolean             checks,
            YusuanXmlReadyFunc   ready,
            gpointer             ready_data,
            YusuanDocument     **out_document,
            GError             **error)
{
  g_autoptr(GError) ready_error = NULL;
  g_autoptr(GArray) issues = NULL;
  Loader loader;
  SchemaPass pass;
  GThread *thread = NULL;
  xmlSchemaPtr schema;
  gboolean truncated;
  gint cancel = 0;

  if ((goffset) length > MAX_INPUT_SIZE)
    {
      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_FORBIDDEN,
                   _("%s is larger than 512 MiB; no submission is that large, so it is refused"),
                   display_name);
      return FALSE;
    }
  if (length == 0)
    {
      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_MALFORMED,
                   _("%s is empty: it contains no submission"), display_name);
      return FALSE;
    }
  /* UTF-16 and UTF-32 are recognised before libxml2 would convert them. */
  if (looks_like_utf16 ((const guchar *) data, length))
    {
      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_MALFORMED,
                   _("%s is encoded as UTF-16 or UTF-32; a submission must be UTF-8 (save it again as UTF-8)"),
                   display_name);
      return FALSE;
    }

  schema = get_schema (error);
  if (schema == NULL)
    return FALSE;

  loader_init (&pass.loader, display_name, FALSE, TRUE, FALSE);
  pass.schema = schema;
  pass.source = (Source) { .data = data, .length = length };
  pass.source.cancel = &cancel;
  pass.source.issues = pass.loader.issues;
  if (checks)
    {
      thread = g_thread_try_new ("yusuan-xml-schema", schema_pass_thread, &pass, NULL);
      if (thread == NULL)
        schema_pass_thread (&pass);
    }
  else
    {
      /* The schema alone, with nobody else to report broken XML. */
      pass.loader.wellformed = TRUE;
      schema_pass_thread (&pass);
    }

  loader_init (&loader, display_name, checks, FALSE, out_document != NULL);
  if (checks)
    {
      Source source = { .data = data, .length = length };

      run_pass (&loader, schema, &source);
      /* Our messages say it better: the validator need not read on. */
      if (loader.issues->len > 0)
        g_atomic_int_set (&cancel, 1);
      else if (ready != NULL && out_document != NULL)
        {
          /* Meanwhile, for a document that our own checks accept. */
          yusuan_document_end_load (loader.document);
          if (!ready (loader.document, ready_data, &ready_error))
            g_atomic_int_set (&cancel, 1);
          yusuan_document_begin_load (loader.document);
        }
    }

  if (thread != NULL)
    g_thread_join (thread);

  /* The validator was cut short where our own checks stopped the input: what
   * it said after the cut ("missing child element") is about the cut, not the
   * file, and must neither be shown nor decide the kind of error. */
  if (pass.source.cut && pass.source.issues_at_cut < pass.loader.issues->len)
    g_array_set_size (pass.loader.issues, pass.source.issues_at_cut);

  truncated = loader.issues->len >= MAX_ISSUES || pass.loader.issues->len >= MAX_ISSUES;
  issues = g_steal_pointer (&loader.issues);
  g_array_append_vals (issues, pass.loader.issues->data, pass.loader.issues->len);
  /* The messages now belong to @issues. */
  g_array_set_clear_func (pass.loader.issues, NULL);
  loader_clear (&pass.loader);

  if (issues->len > 0)
    {
      report_issues (issues, truncated, display_name, error);
      loader_clear (&loader);
      return FALSE;
    }
  if (ready_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ready_error));
      loader_clear (&loader);
      return FALSE;
    }

  if (out_document != NULL)
    {
      yusuan_document_end_load (loader.document);
      *out_document = g_steal_pointer (&loader.document);
    }
  loader_clear (&loader);
  return TRUE;
}

YusuanDocument *
yusuan_xml_import_data (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        GError     **error)
{
  YusuanDocument *document = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  yusuan_core_init ();
  parse_data (data, length, display_name ? display_name : _("The submission"), TRUE, NULL, NULL, &document, error);
  return document;
}

YusuanDocument *
yusuan_xml_import_file (const char  *path,
                        GError     **error)
{
  return yusuan_xml_import_file_full (path, NULL, NULL, error);
}

YusuanDocument *
yusuan_xml_import_file_full (const char          *path,
                             YusuanXmlReadyFunc   ready,
                             gpointer             user_data,
                             GError             **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  YusuanDocument *document = NULL;
  GStatBuf st;
  gsize length = 0, capacity;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  yusuan_core_init ();
  display_name = g_filename_display_basename (path);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO,
                   _("Could not open %s: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO,
                   _("Could not read %s: it is not a regular file"), display_name);
      close (fd);
      return NULL;
    }
  if (st.st_size > MAX_INPUT_SIZE)
    {
      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_FORBIDDEN,
                   _("%s is larger than 512 MiB; no submission is that large, so it is refused"),
                   display_name);
      close (fd);
      return NULL;
    }

  /* Read it whole (the two passes share it).  A file that grows meanwhile is
   * read only up to one byte past the limit, and refused. */
  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if ((goffset) length > MAX_INPUT_SIZE)
            break;
          capacity = MIN (capacity * 2, (gsize) MAX_INPUT_SIZE + 1);
          data = g_realloc (data, capacity);
        }
      n = read (fd, data + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO,
                       _("Could not read %s: %s"), display_name, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);

  parse_data (data, length, display_name, TRUE, ready, user_data, &document, error);
  return document;
}

gboolean
yusuan_xml_validate (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  yusuan_core_init ();
  return parse_data (data, length, display_name ? display_name : _("The submission"), TRUE, NULL, NULL, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* Export                                                                   */

/* What a failure is about, put in words only when there is a failure (a
 * city's 100 000 lines must not cost 100 000 translated strings). */
typedef enum
{
  SUBJECT_BUDGET,
  SUBJECT_DEPARTMENT,
  SUBJECT_UNIT,
  SUBJECT_REVENUE,
  SUBJECT_BASIC_LINE,
  SUBJECT_PROJECT,
  SUBJECT_PROJECT_LINE,
  SUBJECT_PROJECT_INDICATOR,
  SUBJECT_DEPARTMENT_INDICATOR,
  SUBJECT_THREE_PUBLIC,
  SUBJECT_PROCUREMENT_ITEM,
  SUBJECT_DUTY,
  SUBJECT_TASK,
  SUBJECT_EXPLANATION,
  SUBJECT_PRIOR_YEAR,
} SubjectKind;

typedef struct
{
  SubjectKind  kind;
  guint        index;  /* 1-based, where the kind counts */
  const char  *code;   /* unit, project … */
  const char  *name;   /* its name, an indicator's name */
} Subject;

/* A code or a name as a message may show it: valid UTF-8, no control
 * characters, and not longer than a message can carry. */
static char *
shown (const char *s)
{
  g_autofree char *valid = g_utf8_make_valid (s ? s : "", -1);
  GString *out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static char *
describe (const Subject *s)
{
  g_autofree char *code = shown (s->code);
  g_autofree char *name = shown (s->name);

  switch (s->kind)
    {
    case SUBJECT_BUDGET:
      return g_strdup (_("the budget"));
    case SUBJECT_DEPARTMENT:
      return g_strdup (_("the department"));
    case SUBJECT_UNIT:
      return g_strdup_printf (_("unit %u (%s “%s”)"), s->index, code, name);
    case SUBJECT_REVENUE:
      return g_strdup_printf (_("revenue %u (unit %s)"), s->index, code);
    case SUBJECT_BASIC_LINE:
      return g_strdup_printf (_("basic expenditure line %u (unit %s)"), s->index, code);
    case SUBJECT_PROJECT:
      return g_strdup_printf (_("project %s “%s”"), code, name);
    case SUBJECT_PROJECT_LINE:
      return g_strdup_printf (_("line %u of project %s"), s->index, code);
    case SUBJECT_PROJECT_INDICATOR:
      return g_strdup_printf (_("indicator “%s” of project %s"), name, code);
    case SUBJECT_DEPARTMENT_INDICATOR:
      return g_strdup_printf (_("department indicator “%s”"), name);
    case SUBJECT_THREE_PUBLIC:
      return g_strdup (_("the “three public” expenses"));
    case SUBJECT_PROCUREMENT_ITEM:
      return g_strdup_printf (_("procurement item %u"), s->index);
    case SUBJECT_DUTY:
      return g_strdup_printf (_("duty %u of the department"), s->index);
    case SUBJECT_TASK:
      return g_strdup_printf (_("task %u of the department"), s->index);
    case SUBJECT_EXPLANATION:
      return g_strdup_printf (_("explanation %u (“%s”)"), s->index, name);
    case SUBJECT_PRIOR_YEAR:
    default:
      return g_strdup (_("the prior-year figures"));
    }
}

/* Tokens of the enumerations a line repeats, with their lengths. */
typedef struct
{
  const char *s;
  gsize       len;
} Token;

typedef struct
{
  /* the bytes, grown rarely: the size of a city's budget is reserved at once */
  char         *data;
  gsize         len;
  gsize         capacity;

  GError      **error;
  gboolean      failed;

  /* the schema's xs:unique: what was written, to its 1-based position */
  GHashTable   *unit_codes;
  GHashTable   *project_codes;
  GHashTable   *topics;

  Token         funds[YUSUAN_N_FUNDS];
  Token         categories[YUSUAN_N_CATEGORIES];
} Writer;

/* @format has one %s, for the subject. */
static void fail (Writer        *w,
                  const Subject *subject,
                  const char    *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
fail (Writer        *w,
      const Subject *subject,
      const char    *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *described = NULL;
  va_list args;

  if (w->failed)
    return;
  w->failed = TRUE;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  described = describe (subject);
  /* TRANSLATORS: the first %s names the fact (e.g. project 4112… “…”), the
   * second says what is wrong with it */
  g_set_error (w->error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID,
               _("The submission cannot be written: %s: %s. Correct it and export again; nothing was written."),
               described, what);
}

/* -- the output ------------------------------------------------------------ */

G_GNUC_NO_INLINE static void
grow (Writer *w,
      gsize   n)
{
  gsize capacity = MAX (w->capacity + w->capacity / 2, w->len + n + 4096);

  w->data = g_realloc (w->data, capacity);
  w->capacity = capacity;
}

/* Room for @n more bytes: where they go. */
static inline char *
room (Writer *w,
      gsize   n)
{
  if (G_UNLIKELY (w->capacity - w->len < n))
    grow (w, n);
  return w->data + w->len;
}

static inline void
put (Writer     *w,
     const char *s,
     gsize       n)
{
  memcpy (room (w, n), s, n);
  w->len += n;
}

/* A string literal: its length is known when compiling. */
#define PUT(w, literal) put ((w), "" literal "", sizeof (literal) - 1)

/* ` name="value"`, @value needing no escaping. */
static inline void
put_plain (Writer     *w,
           const char *name,
           gsize       name_len,
           const char *value,
           gsize       value_len)
{
  char *o = room (w, name_len + value_len + 4);

  *o++ = ' ';
  memcpy (o, name, name_len);
  o += name_len;
  *o++ = '=';
  *o++ = '"';
  memcpy (o, value, value_len);
  o += value_len;
  *o++ = '"';
  w->len = (gsize) (o - w->data);
}

#define PUT_PLAIN(w, name, value, value_len) put_plain ((w), "" name "", sizeof (name) - 1, (value), (value_len))
#define PUT_TOKEN(w, name, token) PUT_PLAIN ((w), name, (token), strlen (token))

/* ` name="123"` */
static void
put_number (Writer     *w,
            const char *name,
            gsize       name_len,
            guint64     value)
{
  char digits[24];
  char *first = digits + sizeof digits;

  do
    {
      *--first = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  put_plain (w, name, name_len, first, (gsize) (digits + sizeof digits - first));
}

#define PUT_NUMBER(w, name, value) put_number ((w), "" name "", sizeof (name) - 1, (value))

/* ` name="5640600.00"`, or a failure if the contract cannot state @amount. */
static void
put_amount (Writer        *w,
            const char    *name,
            gsize          name_len,
            YusuanAmount   amount,
            const Subject *subject)
{
  char *o;

  if (G_UNLIKELY (amount < 0 || amount > YUSUAN_AMOUNT_MAX))
    {
      g_autofree char *shown = yusuan_amount_format (amount, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_GROUPED);

      fail (w, subject, _("its %s is %s yuan, which a submission cannot state "
                          "(amounts are never negative and have at most 15 digits of yuan)"),
            name, shown);
      return;
    }
  o = room (w, name_len + 4 + YUSUAN_AMOUNT_CONTRACT_SIZE);
  *o++ = ' ';
  memcpy (o, name, name_len);
  o += name_len;
  *o++ = '=';
  *o++ = '"';
  o += yusuan_amount_write_contract (amount, o);
  *o++ = '"';
  w->len = (gsize) (o - w->data);
}

#define PUT_AMOUNT(w, name, amount, subject) put_amount ((w), "" name "", sizeof (name) - 1, (amount), (subject))

/* -- names and texts: checked and measured in one reading ------------------- */

enum
{
  ESCAPE_IN_TEXT      = 1 << 0,  /* & < > and CR, which a parser would fold */
  ESCAPE_IN_ATTRIBUTE = 1 << 1,  /* & < > " and TAB, LF, CR, which a parser would turn into spaces */
  LINE_BREAK          = 1 << 2,
  NOT_XML             = 1 << 3,  /* a control character XML 1.0 cannot carry */
};

#define TEXT_AND_ATTRIBUTE (ESCAPE_IN_TEXT | ESCAPE_IN_ATTRIBUTE)

static const guint8 ascii_flags[0x80] = {
  NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML,
  NOT_XML, ESCAPE_IN_ATTRIBUTE, ESCAPE_IN_ATTRIBUTE | LINE_BREAK, NOT_XML,
  NOT_XML, TEXT_AND_ATTRIBUTE | LINE_BREAK, NOT_XML, NOT_XML,
  NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML,
  NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML, NOT_XML,
  ['"'] = ESCAPE_IN_ATTRIBUTE,
  ['&'] = TEXT_AND_ATTRIBUTE,
  ['<'] = TEXT_AND_ATTRIBUTE,
  ['>'] = TEXT_AND_ATTRIBUTE,
};

/* A string as one reading found it. */
typedef struct
{
  const char *s;
  gsize       bytes;
  glong       chars;  /* -1: not UTF-8 made of XML characters */
  guint       flags;
} Scan;

#define IS_CONTINUATION(b) (((b) & 0xC0) == 0x80)

/* Checks @s (NULL as empty) is UTF-8 made of XML characters (no control
 * character but TAB, LF and CR, no surrogate, no U+FFFE or U+FFFF), counts
 * its characters and notes what escaping it needs. */
static void
scan (Scan       *r,
      const char *s)
{
  const guchar *p = (const guchar *) (s ? s : "");
  guint flags = 0;
  glong chars = 0;

  r->s = (const char *) p;
  for (;; chars++)
    {
      guchar b = *p;

      if (b < 0x80)
        {
          if (b == 0)
            break;
          flags |= ascii_flags[b];
          p++;
        }
      else if (b < 0xC2)
        goto bad;
      else if (b < 0xE0)
        {
          if (!IS_CONTINUATION (p[1]))
            goto bad;
          p += 2;
        }
      else if (b < 0xF0)
        {
          /* p[2] is read only if p[1] is no NUL. */
          if (!IS_CONTINUATION (p[1]) || !IS_CONTINUATION (p[2])
              || (b == 0xE0 && p[1] < 0xA0)                          /* overlong */
              || (b == 0xED && p[1] >= 0xA0)                         /* surrogate */
              || (b == 0xEF && p[1] == 0xBF && p[2] >= 0xBE))        /* U+FFFE, U+FFFF */
            goto bad;
          p += 3;
        }
      else if (b < 0xF5)
        {
          if (!IS_CONTINUATION (p[1]) || !IS_CONTINUATION (p[2]) || !IS_CONTINUATION (p[3])
              || (b == 0xF0 && p[1] < 0x90)                          /* overlong */
              || (b == 0xF4 && p[1] >= 0x90))                        /* past U+10FFFF */
            goto bad;
          p += 4;
        }
      else
        goto bad;
    }
  r->bytes = (gsize) ((const char *) p - r->s);
  r->chars = flags & NOT_XML ? -1 : chars;
  r->flags = flags;
  return;

bad:
  r->bytes = 0;
  r->chars = -1;
  r->flags = NOT_XML;
}

/* Writes @v escaped for an attribute (@attribute) or for element text. */
static void
put_escaped (Writer     *w,
             const Scan *v,
             gboolean    attribute)
{
  guint need = attribute ? ESCAPE_IN_ATTRIBUTE : ESCAPE_IN_TEXT;
  char *o;

  if (!(v->flags & need))
    {
      put (w, v->s, v->bytes);
      return;
    }
  o = room (w, v->bytes * 6);  /* "&quot;" is the longest */
  for (const char *p = v->s, *end = v->s + v->bytes; p < end; p++)
    {
      switch (*p)
        {
        case '&': memcpy (o, "&amp;", 5); o += 5; break;
        case '<': memcpy (o, "&lt;", 4); o += 4; break;
        case '>': memcpy (o, "&gt;", 4); o += 4; break;
        case '\r': memcpy (o, "&#13;", 5); o += 5; break;
        case '"':
          if (attribute)
            {
              memcpy (o, "&quot;", 6);
              o += 6;
            }
          else
            *o++ = '"';
          break;
        case '\t':
          if (attribute)
            {
              memcpy (o, "&#9;", 4);
              o += 4;
            }
          else
            *o++ = '\t';
          break;
        case '\n':
          if (attribute)
            {
              memcpy (o, "&#10;", 5);
              o += 5;
            }
          else
            *o++ = '\n';
          break;
        default:
          *o++ = *p;
          break;
        }
    }
  w->len = (gsize) (o - w->data);
}

/* ` name="value"`, @value checked by check_name(). */
static void
put_attr (Writer     *w,
          const char *name,
          gsize       name_len,
          const Scan *value)
{
  char *o = room (w, name_len + 3);

  *o++ = ' ';
  memcpy (o, name, name_len);
  o += name_len;
  *o++ = '=';
  *o++ = '"';
  w->len = (gsize) (o - w->data);
  put_escaped (w, value, TRUE);
  PUT (w, "\"");
}

#define PUT_ATTR(w, name, value) put_attr ((w), "" name "", sizeof (name) - 1, (value))

/* The Name type: 1 to 200 characters, \S(.*\S)?.  @field is untranslated
 * (N_); @out is what put_attr() writes. */
static gboolean
check_name (Writer        *w,
            const char    *value,
            const char    *field,
            const Subject *subject,
            Scan          *out)
{
  const char *problem = NULL;

  scan (out, value);
  if (value == NULL || *value == '\0')
    problem = _("is empty");
  else if (out->chars < 0)
    problem = _("contains a character that XML cannot carry");
  else if (out->chars > NAME_MAX_CHARS)
    problem = _("is longer than 200 characters");
  else if (is_xsd_space (value[0]) || is_xsd_space (value[out->bytes - 1]))
    problem = _("begins or ends with a space");
  else if (out->flags & LINE_BREAK)
    problem = _("contains a line break");

  if (problem != NULL)
    {
      /* TRANSLATORS: e.g. its name is empty */
      fail (w, subject, _("its %s %s"), _(field), problem);
      return FALSE;
    }
  return TRUE;
}

/* The Text type: at most 4000 characters; NULL is empty. */
static gboolean
check_text (Writer        *w,
            const char    *value,
            const char    *field,
            const Subject *subject,
            Scan          *out)
{
  const char *problem = NULL;

  scan (out, value);
  if (out->chars < 0)
    problem = _("contains a character that XML cannot carry");
  else if (out->chars > TEXT_MAX_CHARS)
    problem = _("is longer than 4000 characters");

  if (problem != NULL)
    {
      fail (w, subject, _("its %s %s"), _(field), problem);
      return FALSE;
    }
  return TRUE;
}

/* @field is untranslated (N_). */
static gboolean
check_code (Writer          *w,
            const char      *value,
            const CodeShape *shape,
            const char      *field,
            const Subject   *subject)
{
  if (G_UNLIKELY (value == NULL || !shape->check (value)))
    {
      g_autofree char *quoted = quote_value (value ? value : "");

      /* TRANSLATORS: e.g. its unit code “12” is not 6 to 9 digits */
      fail (w, subject, _("its %s %s is not %s"), _(field), quoted, _(shape->expected));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_year (Writer        *w,
            int            year,
            const Subject *subject)
{
  if (year < 2000 || year > 2100)
    {
      fail (w, subject, _("its fiscal year %d is not between 2000 and 2100"), year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_enum (Writer        *w,
            guint          value,
            guint          n,
            const char    *field,
            const Subject *subject)
{
  if (G_UNLIKELY (value >= n))
    {
      fail (w, subject, _("its %s is unknown (%u)"), _(field), value);
      return FALSE;
    }
  return TRUE;
}

/* The schema's xs:unique: the 1-based position at which @value was
 * written before, or 0, after which it is remembered at @index. */
static guint
seen_before (GHashTable *seen,
             const char *value,
             guint       index)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, value));

  if (first == 0)
    g_hash_table_insert (seen, (gpointer) value, GUINT_TO_POINTER (index));
  return first;
}

/* The length of @s if it is a decimal as yusuan_decimal_normalize() writes
 * it, -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])? but not -0, within the Target type
 * (18 digits, 4 decimals); else 0.  Lets the usual value be written as it
 * is, without allocating. */
static gsize
shortest_decimal_length (const char *s)
{
  const char *p = s;
  gsize int_digits = 0, frac_digits = 0;

  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else
    for (; g_ascii_isdigit (*p); p++)
      int_digits++;
  if (p == s || p[-1] == '-' || g_ascii_isdigit (*p))
    return 0;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        frac_digits++;
      if (frac_digits == 0 || p[-1] == '0')
        return 0;
    }
  if (*p != '\0' || frac_digits > 4 || int_digits + frac_digits > 18
      || (s[0] == '-' && int_digits == 0 && frac_digits == 0))
    return 0;
  return (gsize) (p - s);
}

/* Closes the start tag of @name left open, then writes @text and the end tag. */
static void
put_text_and_end (Writer     *w,
                  const char *name,
                  gsize       name_len,
                  const Scan *text)
{
  char *o;

  PUT (w, ">");
  put_escaped (w, text, FALSE);
  o = room (w, name_len + 4);
  *o++ = '<';
  *o++ = '/';
  memcpy (o, name, name_len);
  o += name_len;
  *o++ = '>';
  *o++ = '\n';
  w->len = (gsize) (o - w->data);
}

#define PUT_TEXT_AND_END(w, name, text) put_text_and_end ((w), "" name "", sizeof (name) - 1, (text))

static void
write_indicator (Writer                *w,
                 const YusuanProject   *project,
                 const YusuanIndicator *indicator)
{
  Subject subject = { project ? SUBJECT_PROJECT_INDICATOR : SUBJECT_DEPARTMENT_INDICATOR, 0,
                      project ? project->code : NULL, indicator->name };
  g_autofree char *normalized = NULL;
  const char *value = indicator->value;
  gsize value_len = 0;
  Scan level2, name, unit, text, explanation;

  if (!check_enum (w, indicator->level1, YUSUAN_N_LEVEL1, N_("level-1 group"), &subject)
      || !check_enum (w, indicator->op, YUSUAN_N_OPERATORS, N_("operator"), &subject))
    return;
  if (project != NULL && indicator->level1 == YUSUAN_LEVEL1_INPUT_MANAGEMENT)
    {
      fail (w, &subject, _("its level-1 group is input-management, which only the department’s indicators have"));
      return;
    }
  if (project == NULL && indicator->level1 == YUSUAN_LEVEL1_COST)
    {
      fail (w, &subject, _("its level-1 group is cost, which only a project’s indicators have"));
      return;
    }
  if (!check_name (w, indicator->name, N_("name"), &subject, &name)
      || (indicator->level2 && !check_name (w, indicator->level2, N_("level-2 name"), &subject, &level2))
      || (indicator->unit && !check_name (w, indicator->unit, N_("unit"), &subject, &unit))
      || (indicator->text && !check_name (w, indicator->text, N_("target text"), &subject, &text))
      || !check_text (w, indicator->explanation, N_("explanation"), &subject, &explanation))
    return;
  /* The number, in its shortest form: what the document holds may carry
   * blanks, signs or zeros that the schema would refuse or count. */
  if (value != NULL && (value_len = shortest_decimal_length (value)) == 0)
    {
      value = normalized = yusuan_decimal_normalize (indicator->value, NULL);
      if (value == NULL)
        {
          g_autofree char *quoted = quote_value (indicator->value);

          fail (w, &subject, _("its value %s is not a number with at most 4 decimals and 18 digits"), quoted);
          return;
        }
      value_len = strlen (value);
    }

  if (project != NULL)
    PUT (w, "      <indicator");
  else
    PUT (w, "    <indicator");
  PUT_TOKEN (w, "level1", yusuan_level1_to_token (indicator->level1));
  if (indicator->level2)
    PUT_ATTR (w, "level2", &level2);
  PUT_ATTR (w, "name", &name);
  PUT_TOKEN (w, "op", yusuan_operator_to_token (indicator->op));
  if (value)
    PUT_PLAIN (w, "value", value, value_len);
  if (indicator->unit)
    PUT_ATTR (w, "unit", &unit);
  if (indicator->text)
    PUT_ATTR (w, "text", &text);
  PUT_TEXT_AND_END (w, "indicator", &explanation);
}

/* A basic line (@project NULL, @index its position) or a project's line. */
static void
write_line (Writer              *w,
            const YusuanLine    *line,
            const YusuanProject *project,
            guint                index)
{
  Subject subject = { project ? SUBJECT_PROJECT_LINE : SUBJECT_BASIC_LINE, index + 1,
                      project ? project->code : line->unit, NULL };

  if ((project == NULL && !check_code (w, line->unit, &UNIT_CODE, N_("unit code"), &subject))
      || !check_code (w, line->function, &FUNCTION_CODE, N_("function code"), &subject)
      || !check_code (w, line->econ_dept, &ECON_DEPT_CODE, N_("department economic code"), &subject)
      || !check_code (w, line->econ_gov, &ECON_GOV_CODE, N_("government economic code"), &subject)
      || !check_enum (w, line->fund, YUSUAN_N_FUNDS, N_("fund"), &subject)
      || (project == NULL && !check_enum (w, line->category, YUSUAN_N_CATEGORIES, N_("category"), &subject)))
    return;

  /* The codes are of the lengths just checked. */
  if (project == NULL)
    {
      PUT (w, "    <line");
      PUT_PLAIN (w, "unit", line->unit, strlen (line->unit));
    }
  else
    PUT (w, "      <line");
  PUT_PLAIN (w, "function", line->function, YUSUAN_FUNCTION_CODE_SIZE - 1);
  PUT_PLAIN (w, "econ-dept", line->econ_dept, YUSUAN_ECON_CODE_SIZE - 1);
  PUT_PLAIN (w, "econ-gov", line->econ_gov, YUSUAN_ECON_CODE_SIZE - 1);
  PUT_PLAIN (w, "fund", w->funds[line->fund].s, w->funds[line->fund].len);
  if (project == NULL)
    PUT_PLAIN (w, "category", w->categories[line->category].s, w->categories[line->category].len);
  PUT_AMOUNT (w, "amount", line->amount, &subject);
  PUT (w, "/>\n");
}

static void
write_header (Writer         *w,
              YusuanDocument *document)
{
  Subject budget = { SUBJECT_BUDGET };
  Subject department = { SUBJECT_DEPARTMENT };
  int year = yusuan_document_get_fiscal_year (document);
  const char *code = yusuan_document_get_department_code (document);
  const char *region = yusuan_document_get_region (document);
  Scan name;

  if (!check_year (w, year, &budget)
      || !check_enum (w, yusuan_document_get_stage (document), YUSUAN_N_STAGES, N_("stage"), &budget)
      || !check_code (w, code, &DEPARTMENT_CODE, N_("code"), &department)
      || !check_name (w, yusuan_document_get_department_name (document), N_("name"), &department, &name)
      || (region && *region && !check_code (w, region, &REGION_CODE, N_("region"), &department)))
    return;

  PUT (w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<budget xmlns=\"" BUDGET_NS "\" schema-version=\"1\"");
  PUT_NUMBER (w, "fiscal-year", (guint64) year);
  PUT_TOKEN (w, "stage", yusuan_stage_to_token (yusuan_document_get_stage (document)));
  PUT (w, ">\n  <department");
  PUT_TOKEN (w, "code", code);
  PUT_ATTR (w, "name", &name);
  if (region && *region)
    PUT_TOKEN (w, "region", region);
  PUT (w, "/>\n");
}

static void
write_units (Writer         *w,
             YusuanDocument *document)
{
  guint n = yusuan_document_get_n_units (document);

  if (n == 0)
    {
      Subject budget = { SUBJECT_BUDGET };

      fail (w, &budget, _("it has no unit, and a submission needs at least one"));
      return;
    }
  PUT (w, "  <units>\n");
  for (guint i = 0; i < n && !w->failed; i++)
    {
      const YusuanUnit *unit = yusuan_document_get_unit (document, i);
      Subject subject = { SUBJECT_UNIT, i + 1, unit->code, unit->name };
      Scan name;
      guint first;

      if (!check_code (w, unit->code, &UNIT_CODE, N_("code"), &subject))
        return;
      first = seen_before (w->unit_codes, unit->code, i + 1);
      if (first != 0)
        {
          fail (w, &subject, _("its code is already unit %u’s; each unit has its own code"), first);
          return;
        }
      if (!check_name (w, unit->name, N_("name"), &subject, &name)
          || !check_enum (w, unit->kind, YUSUAN_N_UNIT_KINDS, N_("kind"), &subject))
        return;
      PUT (w, "    <unit");
      PUT_TOKEN (w, "code", unit->code);
      PUT_ATTR (w, "name", &name);
      PUT_TOKEN (w, "kind", yusuan_unit_kind_to_token (unit->kind));
      PUT (w, "/>\n");
    }
  PUT (w, "  </units>\n");
}

static void
write_revenues (Writer         *w,
                YusuanDocument *document)
{
  guint n = yusuan_document_get_n_revenues (document);

  if (n == 0)
    {
      PUT (w, "  <revenues/>\n");
      return;
    }
  PUT (w, "  <revenues>\n");
  for (guint i = 0; i < n && !w->failed; i++)
    {
      const YusuanRevenue *revenue = yusuan_document_get_revenue (document, i);
      Subject subject = { SUBJECT_REVENUE, i + 1, revenue->unit };

      if (!check_code (w, revenue->unit, &UNIT_CODE, N_("unit code"), &subject)
          || !check_enum (w, revenue->source, YUSUAN_N_FUNDS, N_("source"), &subject))
        return;
      PUT (w, "    <revenue");
      PUT_TOKEN (w, "unit", revenue->unit);
      PUT_PLAIN (w, "source", w->funds[revenue->source].s, w->funds[revenue->source].len);
      PUT_AMOUNT (w, "amount", revenue->amount, &subject);
      PUT (w, "/>\n");
    }
  PUT (w, "  </revenues>\n");
}

static void
write_basic_lines (Writer         *w,
                   YusuanDocument *document)
{
  guint n = yusuan_document_get_n_basic_lines (document);

  if (n == 0)
    {
      PUT (w, "  <basic-expenditures/>\n");
      return;
    }
  PUT (w, "  <basic-expenditures>\n");
  for (guint i = 0; i < n && !w->failed; i++)
    write_line (w, yusuan_document_get_basic_line (document, i), NULL, i);
  PUT (w, "  </basic-expenditures>\n");
}

static void
write_projects (Writer         *w,
                YusuanDocument *document)
{
  guint n = yusuan_document_get_n_projects (document);

  if (n == 0)
    {
      PUT (w, "  <projects/>\n");
      return;
    }
  PUT (w, "  <projects>\n");
  for (guint i = 0; i < n && !w->failed; i++)
    {
      const YusuanProject *project = yusuan_document_get_project (document, i);
      Subject subject = { SUBJECT_PROJECT, i + 1, project->code, project->name };
      Scan name, description;
      guint first;

      if (!check_code (w, project->code, &PROJECT_CODE, N_("code"), &subject))
        return;
      first = seen_before (w->project_codes, project->code, i + 1);
      if (first != 0)
        {
          const YusuanProject *other = yusuan_document_get_project (document, first - 1);
          g_autofree char *other_name = shown (other->name);

          fail (w, &subject, _("its code is already project %u’s (“%s”); each project has its own code"),
                first, other_name);
          return;
        }
      if (!check_name (w, project->name, N_("name"), &subject, &name)
          || !check_code (w, project->unit, &UNIT_CODE, N_("unit code"), &subject)
          || !check_enum (w, project->kind, YUSUAN_N_PROJECT_KINDS, N_("kind"), &subject)
          || !check_text (w, project->description, N_("description"), &subject, &description))
        return;
      if (project->lines == NULL || project->lines->len == 0)
        {
          fail (w, &subject, _("it has no expenditure line, and a submission needs at least one per project"));
          return;
        }

      PUT (w, "    <project");
      PUT_TOKEN (w, "code", project->code);
      PUT_ATTR (w, "name", &name);
      PUT_TOKEN (w, "unit", project->unit);
      PUT_TOKEN (w, "kind", yusuan_project_kind_to_token (project->kind));
      PUT (w, ">\n");
      if (description.bytes > 0)
        {
          PUT (w, "      <description");
          PUT_TEXT_AND_END (w, "description", &description);
        }
      for (guint l = 0; l < project->lines->len && !w->failed; l++)
        write_line (w, g_ptr_array_index (project->lines, l), project, l);
      for (guint k = 0; project->indicators && k < project->indicators->len && !w->failed; k++)
        write_indicator (w, project, g_ptr_array_index (project->indicators, k));
      PUT (w, "    </project>\n");
    }
  PUT (w, "  </projects>\n");
}

static void
write_optional_blocks (Writer         *w,
                       YusuanDocument *document)
{
  guint n;
  guint64 counts[3];

  /* 三公 */
  if (yusuan_document_has_three_public (document))
    {
      Subject subject = { SUBJECT_THREE_PUBLIC };

      PUT (w, "  <three-public-expenses");
      for (int t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
        {
          const char *token = yusuan_three_public_to_token (t);

          put_amount (w, token, strlen (token), yusuan_document_get_three_public (document, t), &subject);
        }
      PUT (w, "/>\n");
    }

  /* procurement: a block with no item is no block */
  n = yusuan_document_get_n_procurement (document);
  if (n > 0 && !w->failed)
    {
      PUT (w, "  <procurement>\n");
      for (guint i = 0; i < n && !w->failed; i++)
        {
          const YusuanProcurementItem *item = yusuan_document_get_procurement (document, i);
          Subject subject = { SUBJECT_PROCUREMENT_ITEM, i + 1 };
          Scan name;

          if (!check_enum (w, item->category, YUSUAN_N_PROCUREMENT_CATEGORIES, N_("category"), &subject)
              || (item->project && !check_code (w, item->project, &PROJECT_CODE, N_("project code"), &subject))
              || (item->name && !check_name (w, item->name, N_("name"), &subject, &name)))
            return;
          PUT (w, "    <item");
          PUT_TOKEN (w, "category", yusuan_procurement_category_to_token (item->category));
          PUT_AMOUNT (w, "amount", item->amount, &subject);
          if (item->project)
            PUT_TOKEN (w, "project", item->project);
          if (item->name)
            PUT_ATTR (w, "name", &name);
          PUT (w, "/>\n");
        }
      PUT (w, "  </procurement>\n");
    }

  /* assets */
  if (!w->failed && yusuan_document_get_assets (document, &counts[0], &counts[1], &counts[2]))
    {
      static const char *const names[] = { "vehicles", "general-equipment", "special-equipment" };
      Subject subject = { SUBJECT_BUDGET };

      PUT (w, "  <assets");
      for (int i = 0; i < 3; i++)
        {
          if (counts[i] > COUNT_MAX)
            {
              char number[32];

              g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, counts[i]);
              fail (w, &subject, _("its asset count %s (%s) is above 1000000000"), names[i], number);
              return;
            }
          put_number (w, names[i], strlen (names[i]), counts[i]);
        }
      PUT (w, "/>\n");
    }

  /* department performance: there while anything of it is */
  n = yusuan_document_get_n_indicators (document, 0);
  if (!w->failed && (yusuan_document_has_performance (document) || n > 0))
    {
      guint n_duties = yusuan_document_get_n_duties (document);
      guint n_tasks = yusuan_document_get_n_tasks (document);
      guint n_indicators = n;

      if (n_duties + n_tasks + n_indicators == 0)
        PUT (w, "  <department-performance/>\n");
      else
        {
          PUT (w, "  <department-performance>\n");
          for (guint i = 0; i < n_duties && !w->failed; i++)
            {
              Subject subject = { SUBJECT_DUTY, i + 1 };
              Scan duty;

              if (!check_text (w, yusuan_document_get_duty (document, i), N_("text"), &subject, &duty))
                return;
              PUT (w, "    <duty");
              PUT_TEXT_AND_END (w, "duty", &duty);
            }
          for (guint i = 0; i < n_tasks && !w->failed; i++)
            {
              const YusuanTask *task = yusuan_document_get_task (document, i);
              Subject subject = { SUBJECT_TASK, i + 1 };
              Scan name, text;

              if (!check_name (w, task->name, N_("name"), &subject, &name)
                  || !check_text (w, task->text, N_("text"), &subject, &text))
                return;
              PUT (w, "    <task");
              PUT_ATTR (w, "name", &name);
              PUT_TEXT_AND_END (w, "task", &text);
            }
          for (guint i = 0; i < n_indicators && !w->failed; i++)
            write_indicator (w, NULL, yusuan_document_get_indicator (document, 0, i));
          PUT (w, "  </department-performance>\n");
        }
    }

  /* explanations */
  n = yusuan_document_get_n_explanations (document);
  if (n > 0 && !w->failed)
    {
      PUT (w, "  <explanations>\n");
      for (guint i = 0; i < n && !w->failed; i++)
        {
          const YusuanExplanation *explanation = yusuan_document_get_explanation (document, i);
          Subject subject = { SUBJECT_EXPLANATION, i + 1, NULL, explanation->topic };
          Scan topic, text;

          if (!check_name (w, explanation->topic, N_("topic"), &subject, &topic))
            return;
          if (seen_before (w->topics, explanation->topic, i + 1) != 0)
            {
              g_autofree char *topic_shown = shown (explanation->topic);

              fail (w, &subject, _("the topic “%s” appears twice"), topic_shown);
              return;
            }
          if (!check_text (w, explanation->text, N_("text"), &subject, &text))
            return;
          PUT (w, "    <explanation");
          PUT_ATTR (w, "topic", &topic);
          PUT_TEXT_AND_END (w, "explanation", &text);
        }
      PUT (w, "  </explanations>\n");
    }

  /* prior year */
  if (!w->failed && yusuan_document_has_prior_year (document))
    {
      Subject subject = { SUBJECT_PRIOR_YEAR };
      int year = yusuan_document_get_prior_fiscal_year (document);
      guint n_figures = 0;

      if (!check_year (w, year, &subject))
        return;
      PUT (w, "  <prior-year");
      PUT_NUMBER (w, "fiscal-year", (guint64) year);
      PUT (w, ">\n");
      for (int k = 0; k < YUSUAN_N_PRIOR_KEYS && !w->failed; k++)
        {
          YusuanAmount amount;

          if (!yusuan_document_get_prior_figure (document, k, &amount))
            continue;
          PUT (w, "    <figure");
          PUT_TOKEN (w, "key", yusuan_prior_key_to_token (k));
          PUT_AMOUNT (w, "amount", amount, &subject);
          PUT (w, "/>\n");
          n_figures++;
        }
      if (n_figures == 0)
        {
          fail (w, &subject, _("they state no figure; enter at least one or remove them"));
          return;
        }
      PUT (w, "  </prior-year>\n");
    }
}

/* The layout of data/examples/sanmenxia-2023.xml: elements and attributes in
 * schema order, two-space indentation, attribute-only elements self-closed,
 * text elements open and closed on one line, optional blocks left out when
 * absent, one trailing newline. */
static void
write_document (Writer         *w,
                YusuanDocument *document)
{
  write_header (w, document);
  if (!w->failed)
    write_units (w, document);
  if (!w->failed)
    write_revenues (w, document);
  if (!w->failed)
    write_basic_lines (w, document);
  if (!w->failed)
    write_projects (w, document);
  if (!w->failed)
    write_optional_blocks (w, document);
  if (!w->failed)
    PUT (w, "</budget>\n");
}

GBytes *
yusuan_xml_export (YusuanDocument  *document,
                   GError         **error)
{
  Writer w = { 0 };
  gsize n_indicators;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  yusuan_core_init ();
  n_indicators = yusuan_document_get_n_indicators (document, 0);

  /* Reserved once: a line takes under 200 bytes, an indicator rarely more
   * than 400; what is reserved and not written is never touched. */
  for (guint i = 0; i < yusuan_document_get_n_projects (document); i++)
    {
      const YusuanProject *project = yusuan_document_get_project (document, i);

      n_indicators += project->indicators ? project->indicators->len : 0;
    }
  w.capacity = 4096 + (gsize) yusuan_document_get_n_lines (document) * 200 + n_indicators * 400;
  w.data = g_malloc (w.capacity);
  w.error = error;
  w.unit_codes = g_hash_table_new (g_str_hash, g_str_equal);
  w.project_codes = g_hash_table_new (g_str_hash, g_str_equal);
  w.topics = g_hash_table_new (g_str_hash, g_str_equal);
  for (int i = 0; i < YUSUAN_N_FUNDS; i++)
    w.funds[i] = (Token) { yusuan_fund_to_token (i), strlen (yusuan_fund_to_token (i)) };
  for (int i = 0; i < YUSUAN_N_CATEGORIES; i++)
    w.categories[i] = (Token) { yusuan_category_to_token (i), strlen (yusuan_category_to_token (i)) };

  write_document (&w, document);

  g_hash_table_unref (w.unit_codes);
  g_hash_table_unref (w.project_codes);
  g_hash_table_unref (w.topics);
  if (w.failed)
    {
      g_free (w.data);
      return NULL;
    }
  /* Followed by a NUL the size does not count, as a GString's bytes were:
   * callers may read the submission as a string. */
  w.data = g_realloc (w.data, w.len + 1);
  w.data[w.len] = '\0';
  return g_bytes_new_take (w.data, w.len);
}

gboolean
yusuan_xml_export_file (YusuanDocument  *document,
                        const char      *path,
                        GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;
  gsize size;
  const char *data;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = yusuan_xml_export (document, error);
  if (bytes == NULL)
    return FALSE;

  /* Through a symbolic link to the file it names; and never a rename over
   * something that is not a regular file (a device, a pipe, a folder). */
  if (g_lstat (path, &st) == 0)
    {
      if (S_ISLNK (st.st_mode))
        {
          char *resolved = realpath (path, NULL);

          if (resolved != NULL)
            {
              target = g_strdup (resolved);
              free (resolved);
            }
          if (target != NULL && g_stat (target, &st) != 0)
            st.st_mode = S_IFREG;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_autofree char *display_name = g_filename_display_name (path);

          g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO,
                       _("Could not write %s: it is not a regular file; choose a file name"), display_name);
          return FALSE;
        }
    }

  /* A temporary file beside the target, flushed and renamed over it: readers
   * see the old file or the whole new one, never a part. */
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (target ? target : path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local_error))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_IO,
                   _("Could not write %s: %s"), display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
