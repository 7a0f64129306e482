/* test-xml-export.c - export is valid by construction: random documents, hostile values, the schema as judge
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export does not run the schema validator on what it writes: its own checks
 * must refuse, fact by fact, everything budget-1.xsd would refuse.  This test
 * holds the two in step.  It builds thousands of random documents through the
 * public YusuanDocument API, from valid values and from hostile ones (each
 * sample says whether the schema allows it), and exports each:
 *
 *   - a document made only of allowed values must export, and libxml2's
 *     schema validator, run here on the bytes, must accept them; read back,
 *     they must give the same bytes again;
 *   - a document with a value the schema refuses must be refused, with a
 *     message that names the first such fact in the order it is written.
 *
 * The seed is fixed so that a failure is reproducible; YUSUAN_EXPORT_SEED and
 * YUSUAN_EXPORT_DOCUMENTS change the seed and the number of documents.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "yusuan-core.h"
#include "yusuan-xml.h"

#define DEFAULT_SEED      20230101u
#define DEFAULT_DOCUMENTS 3000u

/* ------------------------------------------------------------------------ */
/* Samples: values with what the schema says of them                         */

typedef struct
{
  const char *text;
  gboolean    valid;
} Sample;

/* The Name type: 1 to 200 characters, \S(.*\S)?, XML characters only. */
static const Sample valid_names[] = {
  { "市人民政府办公室", TRUE },
  { "A", TRUE },
  { "甲", TRUE },
  { "Office 2", TRUE },
  { "市“三公”经费 A&B <试点> \"引号\" 'apostrophe'", TRUE },
  { "a\tb", TRUE },                        /* a tab inside is no edge */
  { "\xe3\x80\x80全角\xe3\x80\x80", TRUE }, /* U+3000 is no XML Schema space */
  { "\xc2\xa0nbsp\xc2\xa0", TRUE },
  { "nel\xc2\x85", TRUE },
  { "]]>", TRUE },
  { "del\x7f", TRUE },
  { "astral \xf0\x9f\x98\x80", TRUE },
  { "last \xf4\x8f\xbf\xbf", TRUE },       /* U+10FFFF */
  { "nonchar \xef\xb7\x90", TRUE },        /* U+FDD0 */
  { "&amp; &#10;", TRUE },
};

static const Sample hostile_names[] = {
  { "", FALSE },
  { " ", FALSE },
  { " lead", FALSE },
  { "trail ", FALSE },
  { "\ttab", FALSE },
  { "tab\t", FALSE },
  { "a\nb", FALSE },
  { "a\rb", FALSE },
  { "\r\n", FALSE },
  { "a\001b", FALSE },
  { "unit separator\x1f", FALSE },
  { "\x0b", FALSE },
  { "fffe \xef\xbf\xbe", FALSE },
  { "ffff \xef\xbf\xbf", FALSE },
  { "bad \xff", FALSE },
  { "overlong \xc0\xaf", FALSE },
  { "surrogate \xed\xa0\x80", FALSE },
  { "beyond \xf4\x90\x80\x80", FALSE },
  { "cut \xe4\xb8", FALSE },
  /* and some that only look hostile */
  { "a\tb", TRUE },
  { "\xe3\x80\x80x\xe3\x80\x80", TRUE },
  { "<>&\"'", TRUE },
};

/* The Text type: at most 4000 characters, XML characters only. */
static const Sample valid_texts[] = {
  { "", TRUE },
  { "a", TRUE },
  { "第一行\n第二行\r\n第三行\t]]> <&> \"q\" 'a'  trailing spaces  ", TRUE },
  { "  ", TRUE },
  { "\r", TRUE },
  { "&lt; literally", TRUE },
};

static const Sample hostile_texts[] = {
  { "a\001", FALSE },
  { "\x0c", FALSE },
  { "fffe \xef\xbf\xbe", FALSE },
  { "bad \xff", FALSE },
  { "surrogate \xed\xb0\x80", FALSE },
  { "\r\n\t", TRUE },
};

/* The Target type: xs:decimal, totalDigits 18, fractionDigits 4.  The
 * document keeps what it is given; export writes the number. */
static const Sample valid_decimals[] = {
  { "0", TRUE },
  { "95", TRUE },
  { "0.5", TRUE },
  { "24.6", TRUE },
  { "0.0001", TRUE },
  { "-0.5", TRUE },
  { "44318.04", TRUE },
  { "123456789012345678", TRUE },
  { "99999999999999.9999", TRUE },
  { "-99999999999999.9999", TRUE },
};

static const Sample hostile_decimals[] = {
  { "-0", TRUE },
  { "+5", TRUE },
  { " 7 ", TRUE },
  { "\t3\n", TRUE },
  { "1.50", TRUE },
  { "007", TRUE },
  { ".5", TRUE },
  { "5.", TRUE },
  { "0000000000000000000000000000001", TRUE },
  { "1.0000000000000000000000000", TRUE },  /* more than the 24 digits libxml2 reads */
  { "0.10000000000000000000000000", TRUE },
  { "", TRUE },                             /* no value */
  { "1.23456", FALSE },
  { "1234567890123456789", FALSE },
  { "1e5", FALSE },
  { "abc", FALSE },
  { ".", FALSE },
  { "-", FALSE },
  { "1,5", FALSE },
  { "\xef\xbc\x99\xef\xbc\x95", FALSE },  /* full-width 95 */
  { "1 000", FALSE },
  { "NaN", FALSE },
  { "0x10", FALSE },
  { "1.2.3", FALSE },
  { "+-1", FALSE },
};

/* Codes: the value stored is judged by the schema's pattern, since a
 * fixed-size code buffer cuts what is too long. */
typedef struct
{
  const char        *pattern;
  const char *const *hostile;
} CodeKind;

static const char *const hostile_unit_codes[] = {
  "", "1", "41120", "4112000011", "41120a", " 411200", "\xef\xbc\x94\xef\xbc\x91\xef\xbc\x91\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90",
  "-41120", "411200 ", "4112\n00", "411200\n", NULL
};
static const char *const hostile_department_codes[] = { "", "12", "1234567", "12a", " 123", "123 ", "123\n", NULL };
static const char *const hostile_regions[] = { "", "41120", "4112001", "41120a", "411200\n", NULL };
static const char *const hostile_functions[] = { "", "1010301", "201030", "20103011", "2O10301", "2010 01", NULL };
static const char *const hostile_econ_depts[] = { "", "40101", "3010", "301011", "3010a", NULL };
static const char *const hostile_econ_govs[] = { "", "30101", "5010", "501011", "5o101", NULL };
static const char *const hostile_project_codes[] = {
  "", "abc12", "PRJ-2023", "项目代码编号", "PRJ 2023", "ABCDEF\n", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL
};

static const CodeKind UNIT = { "^[0-9]{6,9}$", hostile_unit_codes };
static const CodeKind DEPARTMENT = { "^[0-9]{3,6}$", hostile_department_codes };
static const CodeKind REGION = { "^[0-9]{6}$", hostile_regions };
static const CodeKind FUNCTION = { "^2[0-9]{6}$", hostile_functions };
static const CodeKind ECON_DEPT = { "^3[0-9]{4}$", hostile_econ_depts };
static const CodeKind ECON_GOV = { "^5[0-9]{4}$", hostile_econ_govs };
static const CodeKind PROJECT = { "^[0-9A-Za-z]{6,32}$", hostile_project_codes };

static gboolean
code_ok (const CodeKind *kind,
         const char     *code)
{
  return code != NULL && g_regex_match_simple (kind->pattern, code, G_REGEX_RAW | G_REGEX_DOLLAR_ENDONLY, 0);
}

/* Long values, made once. */
static GPtrArray *long_names;  /* Sample * */
static GPtrArray *long_texts;  /* Sample * */

static Sample *
repeated (const char *unit,
          guint       n,
          const char *tail,
          gboolean    valid)
{
  GString *s = g_string_new (NULL);
  Sample *sample = g_new0 (Sample, 1);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);
  sample->text = g_string_free (s, FALSE);
  sample->valid = valid;
  return sample;
}

static void
sample_free (gpointer data)
{
  Sample *sample = data;

  g_free ((char *) sample->text);
  g_free (sample);
}

static void
make_long_samples (void)
{
  long_names = g_ptr_array_new_with_free_func (sample_free);
  g_ptr_array_add (long_names, repeated ("甲", 200, "", TRUE));
  g_ptr_array_add (long_names, repeated ("甲", 201, "", FALSE));
  g_ptr_array_add (long_names, repeated ("\xf0\x9f\x98\x80", 200, "", TRUE));
  g_ptr_array_add (long_names, repeated ("a", 201, "", FALSE));
  g_ptr_array_add (long_names, repeated ("a", 199, "&", TRUE));
  g_ptr_array_add (long_names, repeated ("a", 199, "<&", FALSE));

  long_texts = g_ptr_array_new_with_free_func (sample_free);
  g_ptr_array_add (long_texts, repeated ("说", 4000, "", TRUE));
  g_ptr_array_add (long_texts, repeated ("说", 4001, "", FALSE));
  g_ptr_array_add (long_texts, repeated ("\xf0\x9f\x98\x80", 4000, "", TRUE));
  g_ptr_array_add (long_texts, repeated ("&", 3999, "\r", TRUE));
  g_ptr_array_add (long_texts, repeated ("<", 4000, "\n", FALSE));
}

/* ------------------------------------------------------------------------ */
/* The generator                                                             */

typedef struct
{
  GRand      *rand;
  double      hostility;   /* chance that a value is drawn from the hostile samples */
  GPtrArray  *problems;    /* what a refusal must name, in the order export meets the facts */
  GPtrArray  *keep;        /* strings made for this document */
  GHashTable *unit_codes;  /* of the units, stored */
  GPtrArray  *good_units;  /* valid unit codes, for revenues and lines */
  GHashTable *project_codes;
} Gen;

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static gboolean
hostile (Gen *g)
{
  return g->hostility > 0 && chance (g, g->hostility);
}

static guint
pick (Gen  *g,
      guint n)
{
  return (guint) g_rand_int_range (g->rand, 0, (gint32) n);
}

static const char *
keep (Gen  *g,
      char *s)
{
  g_ptr_array_add (g->keep, s);
  return s;
}

static void
problem (Gen        *g,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Gen        *g,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (g->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static const Sample *
draw (Gen          *g,
      const Sample *valid,
      guint         n_valid,
      const Sample *bad,
      guint         n_bad,
      GPtrArray    *longs)
{
  if (longs != NULL && chance (g, hostile (g) ? 0.3 : 0.02))
    {
      const Sample *sample = g_ptr_array_index (longs, pick (g, longs->len));

      if (sample->valid || g->hostility > 0)
        return sample;
    }
  if (hostile (g))
    return &bad[pick (g, n_bad)];
  return &valid[pick (g, n_valid)];
}

/* A Name; @optional: empty means absent, which is allowed. */
static const char *
draw_name (Gen      *g,
           gboolean  optional,
           gboolean *ok)
{
  const Sample *s = draw (g, valid_names, G_N_ELEMENTS (valid_names), hostile_names, G_N_ELEMENTS (hostile_names),
                          long_names);

  if (optional && *s->text == '\0')
    return s->text;
  *ok &= s->valid;
  return s->text;
}

/* A name unique in the document and short enough to be quoted whole. */
static const char *
short_name (Gen        *g,
            const char *prefix,
            guint       index)
{
  return keep (g, g_strdup_printf ("%s%u-%08x", prefix, index, g_rand_int (g->rand)));
}

static const char *
draw_text (Gen      *g,
           gboolean *ok)
{
  const Sample *s = draw (g, valid_texts, G_N_ELEMENTS (valid_texts), hostile_texts, G_N_ELEMENTS (hostile_texts),
                          long_texts);

  *ok &= s->valid;
  return s->text;
}

static const char *
draw_decimal (Gen      *g,
              gboolean *ok)
{
  const Sample *s;

  if (!hostile (g) && chance (g, 0.5))
    {
      /* Any number the contract allows, in shortest form or not. */
      GString *v = g_string_new (chance (g, 0.2) ? "-" : "");
      int int_digits = g_rand_int_range (g->rand, 1, 15);
      int frac_digits = g_rand_int_range (g->rand, 0, 5);

      for (int i = 0; i < int_digits; i++)
        g_string_append_c (v, (char) ('0' + g_rand_int_range (g->rand, i == 0 ? 1 : 0, 10)));
      if (frac_digits > 0)
        g_string_append_c (v, '.');
      for (int i = 0; i < frac_digits; i++)
        g_string_append_c (v, (char) ('0' + g_rand_int_range (g->rand, 0, 10)));
      return keep (g, g_string_free (v, FALSE));
    }
  s = draw (g, valid_decimals, G_N_ELEMENTS (valid_decimals), hostile_decimals, G_N_ELEMENTS (hostile_decimals), NULL);
  *ok &= s->valid;
  return s->text;
}

static char *
random_digits (Gen  *g,
               int   min,
               int   max,
               char  first)
{
  int n = g_rand_int_range (g->rand, min, max + 1);
  char *s = g_malloc (n + 1);

  for (int i = 0; i < n; i++)
    s[i] = (char) ('0' + g_rand_int_range (g->rand, 0, 10));
  if (first)
    s[0] = first;
  s[n] = '\0';
  return s;
}

/* A code of @kind: a valid one (from @shape) or a hostile one. */
static const char *
draw_code (Gen            *g,
           const CodeKind *kind,
           int             min,
           int             max,
           char            first)
{
  if (hostile (g))
    {
      guint n = 0;

      while (kind->hostile[n])
        n++;
      return kind->hostile[pick (g, n)];
    }
  return keep (g, random_digits (g, min, max, first));
}

static const char *
random_project_code (Gen *g)
{
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  int n = g_rand_int_range (g->rand, 6, 33);
  char *s = g_malloc (n + 1);

  for (int i = 0; i < n; i++)
    s[i] = alphabet[pick (g, sizeof alphabet - 1)];
  s[n] = '\0';
  return keep (g, s);
}

static YusuanAmount
draw_amount (Gen      *g,
             gboolean *ok)
{
  static const YusuanAmount bad[] = { -1, -100, YUSUAN_AMOUNT_MAX + 1, G_MAXINT64, G_MININT64 };

  if (hostile (g))
    {
      *ok = FALSE;
      return bad[pick (g, G_N_ELEMENTS (bad))];
    }
  switch (pick (g, 6))
    {
    case 0: return 0;
    case 1: return 1;
    case 2: return 99;
    case 3: return YUSUAN_AMOUNT_MAX;
    default: return ((gint64) g_rand_int (g->rand) << 16 | g_rand_int_range (g->rand, 0, 65536)) % 100000000000000;
    }
}

static int
draw_year (Gen      *g,
           gboolean *ok)
{
  static const int bad[] = { 1999, 2101, 0, -2023, 99999, G_MININT, G_MAXINT };

  if (hostile (g))
    {
      *ok = FALSE;
      return bad[pick (g, G_N_ELEMENTS (bad))];
    }
  switch (pick (g, 4))
    {
    case 0: return 2000;
    case 1: return 2100;
    default: return g_rand_int_range (g->rand, 2000, 2101);
    }
}

static guint64
draw_count (Gen      *g,
            gboolean *ok)
{
  if (hostile (g))
    {
      *ok = FALSE;
      return chance (g, 0.5) ? G_GUINT64_CONSTANT (1000000001) : G_MAXUINT64;
    }
  switch (pick (g, 4))
    {
    case 0: return 0;
    case 1: return 1000000000;
    default: return g_rand_int_range (g->rand, 0, 1000);
    }
}

/* A unit code for a revenue or a line: one of the units' or another valid one. */
static const char *
unit_reference (Gen *g)
{
  if (g->good_units->len > 0 && chance (g, 0.9))
    return g_ptr_array_index (g->good_units, pick (g, g->good_units->len));
  return draw_code (g, &UNIT, 6, 9, 0);
}

static void
add_line (Gen            *g,
          YusuanDocument *document,
          guint           project_id,
          const char     *project_code,
          guint           index)
{
  YusuanLine values = { 0 };
  const YusuanLine *line;
  gboolean ok = TRUE;

  values.project_id = project_id;
  g_strlcpy (values.unit, unit_reference (g), sizeof values.unit);
  g_strlcpy (values.function, draw_code (g, &FUNCTION, 7, 7, '2'), sizeof values.function);
  g_strlcpy (values.econ_dept, draw_code (g, &ECON_DEPT, 5, 5, '3'), sizeof values.econ_dept);
  g_strlcpy (values.econ_gov, draw_code (g, &ECON_GOV, 5, 5, '5'), sizeof values.econ_gov);
  values.fund = pick (g, YUSUAN_N_FUNDS);
  values.category = pick (g, YUSUAN_N_CATEGORIES);
  values.amount = draw_amount (g, &ok);
  line = yusuan_document_add_line (document, &values);

  ok &= project_id != 0 || code_ok (&UNIT, line->unit);
  ok &= code_ok (&FUNCTION, line->function) && code_ok (&ECON_DEPT, line->econ_dept) && code_ok (&ECON_GOV, line->econ_gov);
  if (ok)
    return;
  if (project_id == 0)
    problem (g, "basic expenditure line %u (", index + 1);
  else
    problem (g, "line %u of project %s", index + 1, project_code);
}

static void
add_indicator (Gen            *g,
               YusuanDocument *document,
               guint           project_id,
               const char     *project_code)
{
  static const YusuanLevel1 project_groups[] = {
    YUSUAN_LEVEL1_COST, YUSUAN_LEVEL1_OUTPUT, YUSUAN_LEVEL1_EFFECT, YUSUAN_LEVEL1_SATISFACTION
  };
  static const YusuanLevel1 department_groups[] = {
    YUSUAN_LEVEL1_INPUT_MANAGEMENT, YUSUAN_LEVEL1_OUTPUT, YUSUAN_LEVEL1_EFFECT, YUSUAN_LEVEL1_SATISFACTION
  };
  YusuanIndicator values = { 0 };
  gboolean ok = TRUE;

  if (hostile (g))
    {
      values.level1 = project_id ? YUSUAN_LEVEL1_INPUT_MANAGEMENT : YUSUAN_LEVEL1_COST;
      ok = FALSE;
    }
  else
    values.level1 = (project_id ? project_groups : department_groups)[pick (g, 4)];
  values.level2 = chance (g, 0.5) ? (char *) draw_name (g, TRUE, &ok) : NULL;
  values.name = (char *) draw_name (g, FALSE, &ok);
  values.op = pick (g, YUSUAN_N_OPERATORS);
  values.value = chance (g, 0.8) ? (char *) draw_decimal (g, &ok) : NULL;
  values.unit = chance (g, 0.5) ? (char *) draw_name (g, TRUE, &ok) : NULL;
  values.text = chance (g, 0.3) ? (char *) draw_name (g, TRUE, &ok) : NULL;
  values.explanation = chance (g, 0.5) ? (char *) draw_text (g, &ok) : NULL;
  yusuan_document_add_indicator (document, project_id, &values);

  if (!ok && project_id)
    problem (g, "of project %s", project_code);
  else if (!ok)
    problem (g, "department indicator");
}

static void
add_header (Gen            *g,
            YusuanDocument *document)
{
  gboolean year_ok = TRUE, ok = TRUE;
  int year = draw_year (g, &year_ok);
  const char *code = draw_code (g, &DEPARTMENT, 3, 6, 0);
  const char *name = draw_name (g, FALSE, &ok);
  const char *region = chance (g, 0.5) ? draw_code (g, &REGION, 6, 6, 0) : NULL;

  yusuan_document_set_header (document, year, pick (g, YUSUAN_N_STAGES), code, name, region);
  ok &= code_ok (&DEPARTMENT, yusuan_document_get_department_code (document));
  region = yusuan_document_get_region (document);
  ok &= region == NULL || code_ok (&REGION, region);
  if (!year_ok)
    problem (g, "the budget");
  if (!ok)
    problem (g, "the department");
}

static void
add_units (Gen            *g,
           YusuanDocument *document)
{
  guint n = hostile (g) ? 0 : (guint) g_rand_int_range (g->rand, 1, 5);

  if (n == 0)
    problem (g, "the budget");
  for (guint i = 0; i < n; i++)
    {
      const YusuanUnit *unit;
      const char *code;
      gboolean ok = TRUE;

      if (i > 0 && hostile (g))
        code = yusuan_document_get_unit (document, pick (g, i))->code;  /* a duplicate */
      else
        do
          code = draw_code (g, &UNIT, 6, 9, 0);
        while (code_ok (&UNIT, code) && g_hash_table_contains (g->unit_codes, code));
      unit = yusuan_document_add_unit (document, code, draw_name (g, FALSE, &ok), pick (g, YUSUAN_N_UNIT_KINDS));

      ok &= code_ok (&UNIT, unit->code) && !g_hash_table_contains (g->unit_codes, unit->code);
      g_hash_table_add (g->unit_codes, unit->code);
      if (code_ok (&UNIT, unit->code))
        g_ptr_array_add (g->good_units, unit->code);
      if (!ok)
        problem (g, "unit %u (", i + 1);
    }
}

static void
add_revenues (Gen            *g,
              YusuanDocument *document)
{
  guint n = (guint) g_rand_int_range (g->rand, 0, 4);

  for (guint i = 0; i < n; i++)
    {
      gboolean ok = TRUE;
      const char *unit = unit_reference (g);
      YusuanFund source = pick (g, YUSUAN_N_FUNDS);
      YusuanAmount amount = draw_amount (g, &ok);
      const YusuanRevenue *revenue = yusuan_document_add_revenue (document, unit, source, amount);

      if (!ok || !code_ok (&UNIT, revenue->unit))
        problem (g, "revenue %u (", i + 1);
    }
}

static void
add_projects (Gen            *g,
              YusuanDocument *document)
{
  guint n = (guint) g_rand_int_range (g->rand, 0, 4);

  for (guint i = 0; i < n; i++)
    {
      const YusuanProject *project;
      const char *code, *name, *unit, *description;
      gboolean ok = TRUE;
      guint n_lines, n_indicators;

      if (i > 0 && hostile (g))
        code = yusuan_document_get_project (document, pick (g, i))->code;  /* a duplicate */
      else
        do
          code = hostile (g) ? PROJECT.hostile[pick (g, g_strv_length ((char **) PROJECT.hostile))] : random_project_code (g);
        while (code_ok (&PROJECT, code) && g_hash_table_contains (g->project_codes, code));
      /* A refusal names the project by its code, or by its name when the
       * code is what is wrong. */
      name = code_ok (&PROJECT, code) ? draw_name (g, FALSE, &ok) : short_name (g, "项目", i + 1);
      unit = draw_code (g, &UNIT, 6, 9, 0);
      description = chance (g, 0.5) ? draw_text (g, &ok) : NULL;
      project = yusuan_document_add_project (document, code, name, unit, pick (g, YUSUAN_N_PROJECT_KINDS), description);

      n_lines = hostile (g) ? 0 : (guint) g_rand_int_range (g->rand, 1, 4);
      ok &= n_lines > 0 && code_ok (&UNIT, project->unit);
      ok &= code_ok (&PROJECT, project->code) && !g_hash_table_contains (g->project_codes, project->code);
      g_hash_table_add (g->project_codes, project->code);
      if (!ok && code_ok (&PROJECT, project->code))
        problem (g, "project %s", project->code);
      else if (!ok)
        problem (g, "“%s”", name);

      for (guint l = 0; l < n_lines; l++)
        add_line (g, document, project->id, project->code, l);
      n_indicators = (guint) g_rand_int_range (g->rand, 0, 4);
      for (guint k = 0; k < n_indicators; k++)
        add_indicator (g, document, project->id, project->code);
    }
}

static void
add_optional_blocks (Gen            *g,
                     YusuanDocument *document)
{
  GHashTable *topics;
  guint n;

  if (chance (g, 0.5))
    {
      YusuanAmount amounts[YUSUAN_N_THREE_PUBLIC];
      gboolean ok = TRUE;

      for (int t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
        amounts[t] = draw_amount (g, &ok);
      yusuan_document_set_three_public (document, amounts);
      if (!ok)
        problem (g, "“three public” expenses");
    }

  n = (guint) g_rand_int_range (g->rand, 0, 4);
  if (n > 0)
    {
      YusuanProcurementItem items[3];

      for (guint i = 0; i < n; i++)
        {
          gboolean ok = TRUE;

          items[i].category = pick (g, YUSUAN_N_PROCUREMENT_CATEGORIES);
          items[i].amount = draw_amount (g, &ok);
          items[i].project = chance (g, 0.5)
                             ? (char *) (hostile (g) ? PROJECT.hostile[pick (g, 6)] : random_project_code (g))
                             : NULL;
          items[i].name = chance (g, 0.5) ? (char *) draw_name (g, TRUE, &ok) : NULL;
          if (items[i].project && *items[i].project && !code_ok (&PROJECT, items[i].project))
            ok = FALSE;
          if (!ok)
            problem (g, "procurement item %u", i + 1);
        }
      yusuan_document_set_procurement (document, items, n);
    }

  if (chance (g, 0.5))
    {
      gboolean ok = TRUE;
      guint64 vehicles = draw_count (g, &ok);
      guint64 general = draw_count (g, &ok);
      guint64 special = draw_count (g, &ok);

      yusuan_document_set_assets (document, TRUE, vehicles, general, special);
      if (!ok)
        problem (g, "the budget");
    }

  if (chance (g, 0.6))
    {
      const char *duties[2];
      YusuanTask tasks[2];
      guint n_duties = (guint) g_rand_int_range (g->rand, 0, 3);
      guint n_tasks = (guint) g_rand_int_range (g->rand, 0, 3);
      guint n_indicators = (guint) g_rand_int_range (g->rand, 0, 4);

      for (guint i = 0; i < n_duties; i++)
        {
          gboolean ok = TRUE;

          duties[i] = draw_text (g, &ok);
          if (!ok)
            problem (g, "duty %u of the department", i + 1);
        }
      for (guint i = 0; i < n_tasks; i++)
        {
          gboolean ok = TRUE;

          tasks[i].name = (char *) draw_name (g, FALSE, &ok);
          tasks[i].text = chance (g, 0.7) ? (char *) draw_text (g, &ok) : NULL;
          if (!ok)
            problem (g, "task %u of the department", i + 1);
        }
      yusuan_document_set_performance (document, TRUE, duties, n_duties, tasks, n_tasks);
      for (guint i = 0; i < n_indicators; i++)
        add_indicator (g, document, 0, NULL);
    }

  /* Setting a topic again replaces its text in place: judge the
   * explanations as they end up. */
  topics = g_hash_table_new (g_str_hash, g_str_equal);
  n = (guint) g_rand_int_range (g->rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      gboolean ok = TRUE;
      const char *topic = draw_name (g, FALSE, &ok);
      const char *text;

      /* The document takes no empty topic. */
      if (*topic == '\0')
        {
          topic = short_name (g, "topic-", i);
          ok = TRUE;
        }
      text = draw_text (g, &ok);
      yusuan_document_set_explanation (document, topic, text);
      g_hash_table_insert (topics, (gpointer) topic, GINT_TO_POINTER (ok));
    }
  for (guint i = 0; i < yusuan_document_get_n_explanations (document); i++)
    if (!GPOINTER_TO_INT (g_hash_table_lookup (topics, yusuan_document_get_explanation (document, i)->topic)))
      problem (g, "explanation %u (", i + 1);
  g_hash_table_unref (topics);

  if (chance (g, 0.5))
    {
      gboolean has[YUSUAN_N_PRIOR_KEYS] = { 0 };
      YusuanAmount amounts[YUSUAN_N_PRIOR_KEYS] = { 0 };
      gboolean ok = TRUE, none = hostile (g), any = FALSE;
      int year = draw_year (g, &ok);

      for (int k = 0; k < YUSUAN_N_PRIOR_KEYS && !none; k++)
        if ((has[k] = chance (g, 0.4) || (k == YUSUAN_N_PRIOR_KEYS - 1 && !any)))
          {
            amounts[k] = draw_amount (g, &ok);
            any = TRUE;
          }
      yusuan_document_set_prior_year (document, TRUE, year, has, amounts);
      if (!ok || none)
        problem (g, "prior-year figures");
    }
}

static YusuanDocument *
generate (Gen *g)
{
  YusuanDocument *document = yusuan_document_new ();

  yusuan_document_begin_load (document);
  add_header (g, document);
  add_units (g, document);
  add_revenues (g, document);
  for (guint i = 0, n = (guint) g_rand_int_range (g->rand, 0, 5); i < n; i++)
    add_line (g, document, 0, NULL, i);
  add_projects (g, document);
  add_optional_blocks (g, document);
  yusuan_document_end_load (document);
  return document;
}

/* ------------------------------------------------------------------------ */
/* The judge: libxml2's schema validator, with the project's safe options    */

static void
keep_first_error (void        *user_data,
                  xmlErrorPtr  error)
{
  char **first = user_data;

  if (*first == NULL && error != NULL)
    *first = g_strdup_printf ("line %d: %s", error->line, error->message ? error->message : "?");
}

static xmlSchemaPtr
load_schema (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("YUSUAN_SOURCE_ROOT"), "data", "budget-1.xsd", NULL);
  g_autofree char *xsd = NULL;
  gsize length;
  xmlSchemaParserCtxtPtr context;
  xmlSchemaPtr schema;

  g_assert_nonnull (g_getenv ("YUSUAN_SOURCE_ROOT"));
  g_assert_true (g_file_get_contents (path, &xsd, &length, NULL));
  context = xmlSchemaNewMemParserCtxt (xsd, (int) length);
  schema = xmlSchemaParse (context);
  xmlSchemaFreeParserCtxt (context);
  g_assert_nonnull (schema);
  return schema;
}

/* NULL if the schema accepts @bytes, else what it said first. */
static char *
schema_refusal (xmlSchemaPtr  schema,
                GBytes       *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlParserCtxtPtr parser = xmlNewParserCtxt ();
  xmlSchemaValidCtxtPtr validator;
  xmlDocPtr doc;
  char *first = NULL;

  /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. */
  doc = xmlCtxtReadMemory (parser, data, (int) length, "export.xml", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xmlErrorPtr error = xmlCtxtGetLastError (parser);

      first = g_strdup_printf ("not well-formed: line %d: %s", error ? error->line : 0,
                               error && error->message ? error->message : "?");
      xmlFreeParserCtxt (parser);
      return first;
    }
  xmlFreeParserCtxt (parser);
  if (doc->intSubset != NULL)
    {
      xmlFreeDoc (doc);
      return g_strdup ("has a DOCTYPE");
    }

  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, keep_first_error, &first);
  if (xmlSchemaValidateDoc (validator, doc) != 0 && first == NULL)
    first = g_strdup ("invalid");
  xmlSchemaFreeValidCtxt (validator);
  xmlFreeDoc (doc);
  return first;
}

/* ------------------------------------------------------------------------ */

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value && *value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

/* What a reader of the file counts survives the way there and back. */
static void
assert_same_counts (YusuanDocument *a,
                    YusuanDocument *b)
{
  g_assert_cmpuint (yusuan_document_get_n_units (a), ==, yusuan_document_get_n_units (b));
  g_assert_cmpuint (yusuan_document_get_n_revenues (a), ==, yusuan_document_get_n_revenues (b));
  g_assert_cmpuint (yusuan_document_get_n_lines (a), ==, yusuan_document_get_n_lines (b));
  g_assert_cmpuint (yusuan_document_get_n_projects (a), ==, yusuan_document_get_n_projects (b));
  g_assert_cmpuint (yusuan_document_get_n_indicators (a, 0), ==, yusuan_document_get_n_indicators (b, 0));
  g_assert_cmpuint (yusuan_document_get_n_procurement (a), ==, yusuan_document_get_n_procurement (b));
  g_assert_cmpuint (yusuan_document_get_n_duties (a), ==, yusuan_document_get_n_duties (b));
  g_assert_cmpuint (yusuan_document_get_n_tasks (a), ==, yusuan_document_get_n_tasks (b));
  g_assert_cmpuint (yusuan_document_get_n_explanations (a), ==, yusuan_document_get_n_explanations (b));
  g_assert_cmpint (yusuan_document_has_prior_year (a), ==, yusuan_document_has_prior_year (b));
  g_assert_cmpint (yusuan_document_has_three_public (a), ==, yusuan_document_has_three_public (b));
}

static void
test_export_valid_by_construction (void)
{
  guint seed = env_uint ("YUSUAN_EXPORT_SEED", DEFAULT_SEED);
  guint n_documents = env_uint ("YUSUAN_EXPORT_DOCUMENTS", DEFAULT_DOCUMENTS);
  xmlSchemaPtr schema = load_schema ();
  guint exported = 0, refused = 0, hostile_exported = 0;
  Gen g = { 0 };

  g_test_message ("seed %u, %u documents (YUSUAN_EXPORT_SEED and YUSUAN_EXPORT_DOCUMENTS change them)",
                  seed, n_documents);
  make_long_samples ();
  g.rand = g_rand_new ();

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(YusuanDocument) document = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *refusal = NULL;

      /* Each document from its own seed, so that one can be made again alone. */
      g_rand_set_seed (g.rand, seed + i);
      g.hostility = i % 2 ? 0.03 : 0;
      g.problems = g_ptr_array_new_with_free_func (g_free);
      g.keep = g_ptr_array_new_with_free_func (g_free);
      g.unit_codes = g_hash_table_new (g_str_hash, g_str_equal);
      g.good_units = g_ptr_array_new ();
      g.project_codes = g_hash_table_new (g_str_hash, g_str_equal);

      document = generate (&g);
      bytes = yusuan_xml_export (document, &error);

      if (bytes != NULL)
        {
          g_autoptr(YusuanDocument) reread = NULL;
          g_autoptr(GBytes) again = NULL;
          g_autoptr(GError) import_error = NULL;

          refusal = schema_refusal (schema, bytes);
          if (refusal != NULL)
            g_error ("document %u (seed %u): export wrote what the schema refuses: %s\n%.*s", i, seed + i, refusal,
                     (int) MIN (g_bytes_get_size (bytes), 4000), (const char *) g_bytes_get_data (bytes, NULL));
          if (g.problems->len > 0)
            g_error ("document %u (seed %u): exported and valid, though this test expected a refusal naming “%s”: "
                     "the test's samples are wrong\n%.*s", i, seed + i, (const char *) g.problems->pdata[0],
                     (int) MIN (g_bytes_get_size (bytes), 4000), (const char *) g_bytes_get_data (bytes, NULL));

          reread = yusuan_xml_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "export.xml",
                                           &import_error);
          if (reread == NULL)
            g_error ("document %u (seed %u): the export cannot be read back: %s", i, seed + i, import_error->message);
          assert_same_counts (document, reread);
          again = yusuan_xml_export (reread, &import_error);
          g_assert_no_error (import_error);
          if (!g_bytes_equal (again, bytes))
            g_error ("document %u (seed %u): read back and exported again, it gives other bytes:\n%.*s\n---\n%.*s",
                     i, seed + i, (int) MIN (g_bytes_get_size (bytes), 4000), (const char *) g_bytes_get_data (bytes, NULL),
                     (int) MIN (g_bytes_get_size (again), 4000), (const char *) g_bytes_get_data (again, NULL));
          exported++;
          hostile_exported += g.hostility > 0;
        }
      else
        {
          g_assert_nonnull (error);
          if (g.problems->len == 0)
            g_error ("document %u (seed %u): a document of valid values was refused: %s", i, seed + i, error->message);
          g_assert_error (error, YUSUAN_XML_ERROR, YUSUAN_XML_ERROR_INVALID);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          if (strstr (error->message, g.problems->pdata[0]) == NULL)
            g_error ("document %u (seed %u): the refusal does not name “%s”: %s", i, seed + i,
                     (const char *) g.problems->pdata[0], error->message);
          g_assert_nonnull (strstr (error->message, "nothing was written"));
          refused++;
        }

      g_clear_pointer (&g.problems, g_ptr_array_unref);
      g_clear_pointer (&g.keep, g_ptr_array_unref);
      g_clear_pointer (&g.unit_codes, g_hash_table_unref);
      g_clear_pointer (&g.good_units, g_ptr_array_unref);
      g_clear_pointer (&g.project_codes, g_hash_table_unref);
    }

  g_test_message ("%u exported and valid (%u of them with hostile samples that are allowed), %u refused",
                  exported, hostile_exported, refused);
  /* Both ways were really taken. */
  g_assert_cmpuint (exported, >=, n_documents / 2);
  g_assert_cmpuint (refused, >=, n_documents / 10);

  g_rand_free (g.rand);
  g_clear_pointer (&long_names, g_ptr_array_unref);
  g_clear_pointer (&long_texts, g_ptr_array_unref);
  xmlSchemaFree (schema);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  yusuan_core_init ();

  g_test_add_func ("/core/xml/export-valid-by-construction", test_export_valid_by_construction);

  return g_test_run ();
}
