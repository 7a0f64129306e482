/* test-report.c - the published budget as PDF, XLSX and CSV, and its charts, read back as a reader would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "yusuan-catalog.h"
#include "yusuan-chart-draw.h"
#include "yusuan-core.h"
#include "yusuan-narrative.h"
#include "yusuan-report.h"
#include "yusuan-table.h"
#include "yusuan-test-util.h"

/* Helpers */

static YusuanCatalog *
catalog_for (YusuanDocument *document)
{
  return yusuan_catalog_get_for_year (yusuan_document_get_fiscal_year (document));
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("yusuan-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static gboolean
need_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs @argv and returns its standard output; the test fails if it fails. */
static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The text of pages @first … @last (1-based; 0 for all), as pdftotext reads it. */
static char *
pdf_text (const char *pdf,
          guint       first,
          guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *some[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, pdf, "-", NULL };

  return run (first == 0 ? all : some);
}

/* Without white space: pdftotext breaks lines where the page does. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* "841.89 x 595.276" from pdfinfo, as width and height. */
static void
pdf_page_size (const char *pdf,
               guint       page,
               double     *width,
               double     *height)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdfinfo", "-f", n, "-l", n, pdf, NULL };
  g_autofree char *info = run (argv);
  g_autofree char *key = g_strdup_printf ("Page %4u size:", page);
  const char *line = strstr (info, key);

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line + strlen (key), " %lf x %lf", width, height), ==, 2);
}

static char *
write_pdf (YusuanDocument    *document,
           YusuanDisplayUnit  unit,
           const char        *dir,
           YusuanReport     **out_report)
{
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autoptr(YusuanReport) report = yusuan_report_new (document, catalog, unit);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "budget.pdf", NULL);

  g_assert_true (yusuan_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return path;
}

/* PDF */

/* In Chinese, as a department publishes it: every table title, the totals,
 * the explanation sentence by sentence, page numbers. */
static void
test_pdf_seed_zh (void)
{
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanReport) report = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GPtrArray) explanation = NULL;
  const char *totals[] = {
    "3,337.84", "3,018.04", "2,306.51", "456.23", "255.30", "319.80", "2,706.73", "316.22",
    "118.59", "196.30", "1,751.03", "388.85", "247.05", "2,894.27", "123.77", "743.48",
    "407.67", "11.50", "125.20", "24.60",
  };
  guint n_pages;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  if (!need_program ("pdftotext"))
    return;

  document = yusuan_test_load_fixture ();
  dir = temp_dir ();
  pdf = write_pdf (document, YUSUAN_DISPLAY_WAN, dir, &report);
  text = pdf_text (pdf, 0, 0);
  flat = squash (text);

  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    {
      g_autofree char *code = g_strdup_printf ("预算%02u表", n);
      g_autofree char *name = squash (yusuan_table_name_for_number (n));

      g_assert_nonnull (strstr (flat, code));
      g_assert_nonnull (strstr (flat, name));
    }
  g_assert_nonnull (strstr (flat, "2023年部门收支总体情况表"));
  g_assert_nonnull (strstr (flat, "2023年部门支出总体情况表"));
  g_assert_nonnull (strstr (flat, "单位：万元"));
  g_assert_nonnull (strstr (flat, "市人民政府办公室"));
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    g_assert_nonnull (strstr (text, totals[i]));

  /* The explanation as the core writes it, every paragraph whole. */
  explanation = yusuan_narrative_explanation (document);
  g_assert_cmpuint (explanation->len, >=, 10);
  for (guint i = 0; i < explanation->len; i++)
    {
      YusuanNarrativeSection *section = g_ptr_array_index (explanation, i);
      g_autofree char *heading = squash (section->heading);

      g_assert_nonnull (strstr (flat, heading));
      for (guint j = 0; j < section->paragraphs->len; j++)
        {
          g_autofree char *paragraph = squash (g_ptr_array_index (section->paragraphs, j));

          if (strstr (flat, paragraph) == NULL)
            g_error ("the PDF lacks the paragraph “%s”", paragraph);
        }
    }
  g_assert_nonnull (strstr (flat, "增加646.54万元，增长24.02%"));
  g_assert_nonnull (strstr (flat, "下降14.81%"));
  g_assert_nonnull (strstr (flat, "第三部分名词解释"));

  /* Pages: one a form feed; a sane number; numbered from the first after the cover. */
  n_pages = yusuan_report_get_n_pages (report);
  g_assert_cmpuint (count (text, "\f"), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 20);
  g_assert_cmpuint (n_pages, <=, 40);
  {
    g_autofree char *second = pdf_text (pdf, 3, 3);
    g_autofree char *second_flat = squash (second);
    g_autofree char *contents = pdf_text (pdf, 2, 2);
    g_autofree char *contents_flat = squash (contents);
    g_autofree char *last = pdf_text (pdf, n_pages, n_pages);
    g_autofree char *last_flat = squash (last);
    g_autofree char *last_number = g_strdup_printf ("-%u-", n_pages - 2);
    g_autofree char *cover = pdf_text (pdf, 1, 1);

    /* "- 1 -" under 第一部分, after the cover and the contents, which have none. */
    g_assert_true (g_str_has_suffix (second_flat, "-1-"));
    g_assert_true (g_str_has_prefix (second_flat, "第一部分"));
    /* The contents list the parts and the tables with their printed numbers. */
    for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
      {
        g_autofree char *code = g_strdup_printf ("预算%02u表", n);

        g_assert_nonnull (strstr (contents_flat, code));
      }
    {
      const char *entry = strstr (contents_flat, "预算03表2023年部门支出总体情况表");

      /* Leader dots, then the number printed under the table's first page. */
      g_assert_nonnull (entry);
      entry += strlen ("预算03表2023年部门支出总体情况表");
      while (g_str_has_prefix (entry, "·"))
        entry += strlen ("·");
      g_assert_cmpint (atoi (entry), ==, yusuan_report_get_table_page (report, 3) - 1);
    }
    g_assert_nonnull (strstr (last_flat, last_number));
    g_assert_null (strstr (cover, "-0-"));
    g_assert_nonnull (strstr (cover, "市人民政府办公室"));
  }

  /* Every table starts on its own page, with its code at the top. */
  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    {
      guint page = yusuan_report_get_table_page (report, n) + 1;
      g_autofree char *page_text = pdf_text (pdf, page, page);
      g_autofree char *code = g_strdup_printf ("预算%02u表", n);

      g_assert_true (g_str_has_prefix (page_text, code));
    }

  yusuan_test_remove_tree (dir);
}

/* Wide tables go landscape, narrow ones stay portrait, in the file itself. */
static void
test_pdf_orientation (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = NULL;
  double width, height;
  guint page;

  if (!need_program ("pdfinfo"))
    return;
  pdf = write_pdf (document, YUSUAN_DISPLAY_WAN, dir, &report);

  pdf_page_size (pdf, 1, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);

  /* 预算03表 has fourteen columns; 预算06表 seven; 预算07表 twenty. */
  page = yusuan_report_get_table_page (report, 3);
  g_assert_true (yusuan_report_page_is_landscape (report, page));
  pdf_page_size (pdf, page + 1, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.5);

  page = yusuan_report_get_table_page (report, 6);
  g_assert_false (yusuan_report_page_is_landscape (report, page));
  pdf_page_size (pdf, page + 1, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);

  page = yusuan_report_get_table_page (report, 7);
  g_assert_true (yusuan_report_page_is_landscape (report, page));

  yusuan_test_remove_tree (dir);
}

/* A table longer than a page repeats its header on every page, and every
 * row is printed exactly once. */
static void
test_pdf_long_table (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  guint first, end;
  const guint n_projects = 300;

  if (!need_program ("pdftotext"))
    return;

  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *code = g_strdup_printf ("4112002399%011u", i);
      g_autofree char *name = g_strdup_printf ("Long table project %u", i);
      const YusuanProject *project =
        yusuan_document_add_project (document, code, name, "103001", YUSUAN_PROJECT_KIND_SPECIFIC_PURPOSE, NULL);
      YusuanLine line = { 0 };

      line.project_id = project->id;
      strcpy (line.function, "2010301");
      strcpy (line.econ_dept, "30201");
      strcpy (line.econ_gov, "50502");
      line.fund = YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
      line.amount = 1000000 + i;
      yusuan_document_add_line (document, &line);
    }

  pdf = write_pdf (document, YUSUAN_DISPLAY_WAN, dir, &report);
  first = yusuan_report_get_table_page (report, 10);
  end = yusuan_report_get_table_page (report, 11);
  g_assert_cmpuint (end - first, >=, 5);

  all = g_strdup ("");
  for (guint page = first; page < end; page++)
    {
      g_autofree char *text = pdf_text (pdf, page + 1, page + 1);
      g_autofree char *joined = g_strconcat (all, text, NULL);

      /* Translators' labels in the C locale: the header and the title. */
      g_assert_nonnull (strstr (text, "Project name"));
      g_assert_nonnull (strstr (text, "Project Expenditure"));
      g_free (all);
      all = g_steal_pointer (&joined);
    }
  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *code = g_strdup_printf ("4112002399%011u", i);

      g_assert_cmpuint (count (all, code), ==, 1);
    }

  yusuan_test_remove_tree (dir);
}

/* 元 instead of 万元: the figures and the unit line follow. */
static void
test_pdf_yuan (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint page;

  if (!need_program ("pdftotext"))
    return;
  pdf = write_pdf (document, YUSUAN_DISPLAY_YUAN, dir, &report);
  page = yusuan_report_get_table_page (report, 1) + 1;
  text = pdf_text (pdf, page, page);
  g_assert_nonnull (strstr (text, "33,378,372.00"));
  g_assert_nonnull (strstr (text, "Unit: yuan"));
  g_assert_null (strstr (text, "3,337.84"));
  yusuan_test_remove_tree (dir);
}

/* A new, empty document still makes a report: empty tables, no charts. */
static void
test_pdf_empty_document (void)
{
  g_autoptr(YusuanDocument) document = yusuan_document_new ();
  g_autoptr(YusuanReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = NULL;

  yusuan_document_set_header (document, 2024, YUSUAN_STAGE_FIRST_PROPOSAL, "999", "Empty Office", NULL);
  pdf = write_pdf (document, YUSUAN_DISPLAY_WAN, dir, &report);
  /* Cover, contents, the three parts, the twelve tables. */
  g_assert_cmpuint (yusuan_report_get_n_pages (report), >=, 2 + 3 + YUSUAN_N_TABLES);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  yusuan_test_remove_tree (dir);
}

/* The report follows the document: an edit changes the next PDF. */
static void
test_pdf_follows_document (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "again.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const YusuanProject *project;

  if (!need_program ("pdftotext"))
    return;
  pdf = write_pdf (document, YUSUAN_DISPLAY_WAN, dir, &report);
  project = yusuan_document_find_project (document, "411200230000000002806");
  g_assert_nonnull (project);
  yusuan_document_set_project (document, project->id, project->code, "Renamed training", project->unit,
                               project->kind, project->description);
  g_assert_true (yusuan_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path, 0, 0);
  g_assert_nonnull (strstr (text, "Renamed training"));
  yusuan_test_remove_tree (dir);
}

/* Nothing half-written: a PDF that cannot be written leaves no file. */
static void
test_pdf_unwritable (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autoptr(YusuanReport) report = yusuan_report_new (document, catalog, YUSUAN_DISPLAY_WAN);
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "budget.pdf", NULL);
  g_autofree char *onto_dir = g_build_filename (dir, "folder", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) entries = NULL;

  g_assert_false (yusuan_report_write_pdf (report, missing, &error));
  g_assert_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "budget.pdf"));
  g_clear_error (&error);

  /* Onto a folder: refused, and the temporary file is gone. */
  g_assert_cmpint (g_mkdir (onto_dir, 0755), ==, 0);
  g_assert_false (yusuan_report_write_pdf (report, onto_dir, &error));
  g_assert_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO);
  entries = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (entries), ==, "folder");
  g_assert_null (g_dir_read_name (entries));

  yusuan_test_remove_tree (dir);
}

/* Printing: page N drawn into any rectangle keeps the page's proportions. */
static void
test_render_page (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autoptr(YusuanReport) report = yusuan_report_new (document, catalog, YUSUAN_DISPLAY_WAN);
  guint page = yusuan_report_get_table_page (report, 3);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 210, 297);
  cairo_t *cr = cairo_create (surface);
  guint inked_top = 0, inked_middle = 0;
  unsigned char *data;
  int stride;

  g_assert_true (yusuan_report_page_is_landscape (report, page));
  yusuan_report_render_page (report, cr, page, 210, 297);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* A landscape page in a portrait sheet: drawn in the middle band only. */
  for (int y = 0; y < 297; y++)
    for (int x = 0; x < 210; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);

        if ((pixel >> 24) == 0)
          continue;
        if (y < 297 / 2 - 80)
          inked_top++;
        else
          inked_middle++;
      }
  g_assert_cmpuint (inked_top, ==, 0);
  g_assert_cmpuint (inked_middle, >, 500);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* XLSX */

static const char *inspect_xlsx =
  "import re, sys, zipfile\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "wb = z.read('xl/workbook.xml').decode()\n"
  "names = re.findall(r'<sheet name=\"([^\"]+)\"', wb)\n"
  "print('sheets\\t' + '|'.join(names))\n"
  "strings = re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)\n"
  "strings = [re.sub(r'<[^>]+>', '', s) for s in strings]\n"
  "for i, name in enumerate(names):\n"
  "    sheet = z.read('xl/worksheets/sheet%d.xml' % (i + 1)).decode()\n"
  "    print('merges\\t%d\\t%d' % (i + 1, len(re.findall(r'<mergeCell ', sheet))))\n"
  "    print('formulas\\t%d\\t%d' % (i + 1, sheet.count('<f>') + sheet.count('<f ')))\n"
  "    print('frozen\\t%d\\t%d' % (i + 1, 'state=\"frozen\"' in sheet))\n"
  "    for m in re.finditer(r'<c r=\"([A-Z]+[0-9]+)\"([^>]*?)(/>|>(.*?)</c>)', sheet):\n"
  "        attrs, body = m.group(2), m.group(4) or ''\n"
  "        v = re.search(r'<v>(.*?)</v>', body)\n"
  "        if v is None: continue\n"
  "        if 't=\"s\"' in attrs: print('text\\t%d\\t%s\\t%s' % (i + 1, m.group(1), strings[int(v.group(1))]))\n"
  "        elif 't=' not in attrs: print('number\\t%d\\t%s\\t%s' % (i + 1, m.group(1), v.group(1)))\n"
  "        else: print('other\\t%d\\t%s\\t%s' % (i + 1, m.group(1), attrs))\n"
  "print('numfmt\\t%d' % ('#,##0.00' in z.read('xl/styles.xml').decode()))\n";

/* "kind\tsheet\t…" lines from the workbook, as a spreadsheet would read it. */
static char **
read_xlsx (const char *path)
{
  const char *argv[] = { "python3", "-c", inspect_xlsx, path, NULL };
  g_autofree char *out = run (argv);

  return g_strsplit (out, "\n", -1);
}

static const char *
find_line (char      **lines,
           const char *prefix)
{
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i];
  return NULL;
}

static void
test_xlsx_workbook (void)
{
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanCatalog) catalog = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const YusuanProject *project;
  const char *line;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  if (!need_program ("python3"))
    return;

  document = yusuan_test_load_fixture ();
  catalog = catalog_for (document);
  dir = temp_dir ();
  path = g_build_filename (dir, "budget.xlsx", NULL);

  /* Names a spreadsheet would run if it took them for formulas. */
  project = yusuan_document_find_project (document, "411200230000000002806");
  yusuan_document_set_project (document, project->id, project->code, "=1+2", project->unit,
                               project->kind, project->description);
  project = yusuan_document_find_project (document, "411200230000000002807");
  yusuan_document_set_project (document, project->id, project->code, "@SUM(A1:A9)", project->unit,
                               project->kind, project->description);

  g_assert_true (yusuan_report_write_xlsx (document, catalog, YUSUAN_DISPLAY_WAN, path, &error));
  g_assert_no_error (error);
  lines = read_xlsx (path);

  /* Twelve tables in their official names, then the findings. */
  line = find_line (lines, "sheets\t");
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "sheets\t预算01表|预算02表|预算03表|预算04表|预算05表|预算06表|预算07表|"
                                         "预算08表|预算09表|预算10表|预算11表|预算12表|"));
  g_assert_cmpuint (count (line, "|"), ==, 12);

  /* Merged headers and frozen header rows on every table sheet; no formula anywhere. */
  for (guint sheet = 1; sheet <= 13; sheet++)
    {
      g_autofree char *prefix = g_strdup_printf ("merges\t%u\t", sheet);
      g_autofree char *frozen = g_strdup_printf ("frozen\t%u\t1", sheet);
      g_autofree char *formulas = g_strdup_printf ("formulas\t%u\t0", sheet);

      line = find_line (lines, prefix);
      g_assert_nonnull (line);
      if (sheet <= 12)
        g_assert_cmpint (atoi (line + strlen (prefix)), >=, 2);
      g_assert_nonnull (find_line (lines, frozen));
      g_assert_nonnull (find_line (lines, formulas));
    }
  g_assert_nonnull (find_line (lines, "numfmt\t1"));

  /* Titles, the unit, the figures as numbers. */
  g_assert_nonnull (find_line (lines, "text\t3\tA2\t2023年部门支出总体情况表"));
  g_assert_nonnull (find_line (lines, "text\t1\tA1\t预算01表"));
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "text\t3\t") && g_str_has_suffix (lines[i], "单位：万元"))
      line = lines[i];
  g_assert_true (g_str_has_suffix (line, "单位：万元"));
  g_assert_nonnull (find_line (lines, "number\t1\tB"));
  {
    gboolean total = FALSE;

    for (guint i = 0; lines[i]; i++)
      total |= g_str_has_prefix (lines[i], "number\t3\t") && g_str_has_suffix (lines[i], "\t3337.84");
    g_assert_true (total);
  }

  /* The formula-looking names are plain strings (t="s"), as typed. */
  {
    gboolean formula_text = FALSE, at_text = FALSE;

    for (guint i = 0; lines[i]; i++)
      {
        formula_text |= g_str_has_prefix (lines[i], "text\t10\t") && g_str_has_suffix (lines[i], "\t=1+2");
        at_text |= g_str_has_prefix (lines[i], "text\t10\t") && g_str_has_suffix (lines[i], "\t@SUM(A1:A9)");
        g_assert_false (g_str_has_prefix (lines[i], "other\t10\t"));
      }
    g_assert_true (formula_text);
    g_assert_true (at_text);
  }

  /* The findings the rules make on the seed, in Chinese. */
  {
    gboolean no_indicators = FALSE;

    for (guint i = 0; lines[i]; i++)
      no_indicators |= g_str_has_prefix (lines[i], "text\t13\t") && strstr (lines[i], "411200230000000025604") != NULL;
    g_assert_true (no_indicators);
  }

  yusuan_test_remove_tree (dir);
}

/* CSV */

static void
test_csv_per_table (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "tables", NULL);
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autoptr(GError) error = NULL;
  const YusuanProject *project;

  project = yusuan_document_find_project (document, "411200230000000002806");
  yusuan_document_set_project (document, project->id, project->code, "=1+2", project->unit,
                               project->kind, project->description);

  g_assert_true (yusuan_report_write_csv (document, catalog, YUSUAN_DISPLAY_YUAN, out, &error));
  g_assert_no_error (error);
  for (guint n = 1; n <= YUSUAN_N_TABLES; n++)
    {
      g_autofree char *name = g_strdup_printf ("table-%02u.csv", n);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog, n);
      g_autofree char *expected = yusuan_table_to_csv (table, YUSUAN_DISPLAY_YUAN);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, expected);
    }
  {
    g_autofree char *path = g_build_filename (out, "table-10.csv", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, ",'=1+2,"));
    g_assert_nonnull (strstr (contents, ",3198000.00,"));
  }

  /* A file where the folder should be: refused, untouched. */
  g_assert_true (g_file_set_contents (file, "keep", -1, NULL));
  g_assert_false (yusuan_report_write_csv (document, catalog, YUSUAN_DISPLAY_WAN, file, &error));
  g_assert_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep");
  }

  yusuan_test_remove_tree (dir);
}

/* Charts */

static void
test_chart_data (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autoptr(YusuanChartData) function = yusuan_chart_data_new (document, catalog, YUSUAN_CHART_FUNCTION);
  g_autoptr(YusuanChartData) structure = yusuan_chart_data_new (document, catalog, YUSUAN_CHART_BASIC_PROJECT);
  g_autoptr(YusuanChartData) personnel = yusuan_chart_data_new (document, catalog, YUSUAN_CHART_PERSONNEL_PUBLIC);
  g_autoptr(YusuanChartData) years = yusuan_chart_data_new (document, catalog, YUSUAN_CHART_YEAR_ON_YEAR);
  const gint64 classes[] = { 270673, 31622, 11859, 19630 };

  /* By 类, in the catalogue's order, with the catalogue's names. */
  g_assert_cmpuint (yusuan_chart_data_get_n_items (function), ==, G_N_ELEMENTS (classes));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_amount (function, i), YUSUAN_DISPLAY_WAN),
                     ==, classes[i]);
  g_assert_cmpstr (yusuan_chart_data_get_label (function, 0), ==, "一般公共服务支出");
  g_assert_cmpstr (yusuan_chart_data_get_label (function, 3), ==, "住房保障支出");

  g_assert_cmpuint (yusuan_chart_data_get_n_items (structure), ==, 2);
  g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_amount (structure, 0), YUSUAN_DISPLAY_WAN), ==, 301804);
  g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_amount (structure, 1), YUSUAN_DISPLAY_WAN), ==, 31980);

  /* Table 06's meaning of 人员经费. */
  g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_amount (personnel, 0), YUSUAN_DISPLAY_WAN), ==, 289427);
  g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_amount (personnel, 1), YUSUAN_DISPLAY_WAN), ==, 12377);

  /* Revenue 2,691.30 → 3,337.84 comes first. */
  g_assert_false (yusuan_chart_data_is_empty (years));
  g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_prior (years, 0), YUSUAN_DISPLAY_WAN), ==, 269130);
  g_assert_cmpint (yusuan_amount_round (yusuan_chart_data_get_amount (years, 0), YUSUAN_DISPLAY_WAN), ==, 333784);
}

static void
test_chart_no_prior_year (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanChartData) years = NULL;

  yusuan_document_set_prior_year (document, FALSE, 0, NULL, NULL);
  years = yusuan_chart_data_new (document, NULL, YUSUAN_CHART_YEAR_ON_YEAR);
  g_assert_true (yusuan_chart_data_is_empty (years));
}

/* Counts pixels close to @rgb (0 … 255) in an ARGB32 surface. */
static guint
count_near (cairo_surface_t *surface,
            guint            r,
            guint            g,
            guint            b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + 4 * x);
        guint pr = (p >> 16) & 0xff, pg = (p >> 8) & 0xff, pb = p & 0xff;

        if (ABS ((int) pr - (int) r) < 40 && ABS ((int) pg - (int) g) < 40 && ABS ((int) pb - (int) b) < 40)
          n++;
      }
  return n;
}

/* The widget's case: text in the style's foreground, so a dark theme gets
 * light text; the bars keep their colour. */
static void
test_chart_dark (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autoptr(YusuanChartData) data = yusuan_chart_data_new (document, catalog, YUSUAN_CHART_FUNCTION);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 240);
  cairo_t *cr = cairo_create (surface);
  YusuanChartStyle style;

  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  cairo_paint (cr);
  g_assert_cmpuint (count_near (surface, 250, 250, 250), ==, 0);

  yusuan_chart_style_init_with_foreground (&style, 1, 1, 1, 1);
  yusuan_chart_draw (cr, data, 480, 240, &style);
  g_assert_cmpuint (count_near (surface, 250, 250, 250), >, 50);     /* light text */
  g_assert_cmpuint (count_near (surface, 0x35, 0x84, 0xe4), >, 500); /* blue bars */

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The command line */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs yusuan-cli with @args (NULL-terminated), as a user at a terminal. */
static void
cli (CliRun *result,
     ...)
{
  g_autofree char *program = g_build_filename (g_getenv ("YUSUAN_BUILD_ROOT"), "src", "cli", "yusuan-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, program);
  va_start (args, result);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &result->out, &result->err, &status, &error);
  g_assert_no_error (error);
  result->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static gboolean
file_starts_with (const char *path,
                  const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL)
         && length >= strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

static void
test_cli_formats (void)
{
  const char *fixture = g_getenv ("YUSUAN_FIXTURE");
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "budget.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *forced = g_build_filename (dir, "workbook.bin", NULL);
  g_autofree char *csv = g_build_filename (dir, "tables", NULL);
  g_autofree char *csv_03 = g_build_filename (csv, "table-03.csv", NULL);
  g_autofree char *contents = NULL;

  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "-o", pdf, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (file_starts_with (pdf, "%PDF-"));
  }
  {
    /* The format from the name. */
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "-o", xlsx, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (file_starts_with (xlsx, "PK"));
  }
  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "--format", "xlsx", "-o", forced, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (file_starts_with (forced, "PK"));
  }
  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "--format", "csv", "--unit", "yuan", "-o", csv, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (csv_03, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "key,class,section,item,unit-code,name,total,"));
    g_assert_nonnull (strstr (contents, "total,,,,,"));
    g_assert_nonnull (strstr (contents, ",33378372.00,"));
  }
  {
    /* A folder given without --format is the CSV's. */
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "-o", csv, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  yusuan_test_remove_tree (dir);
}

static void
test_cli_refusals (void)
{
  const char *fixture = g_getenv ("YUSUAN_FIXTURE");
  g_autofree char *dir = temp_dir ();
  g_autofree char *doc = g_build_filename (dir, "budget.yusuan", NULL);
  g_autofree char *pdf = g_build_filename (dir, "budget.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;

  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "import", fixture, "-o", doc, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (doc, &before, &before_length, NULL));
  }
  {
    /* A report never lands on a document. */
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", doc, "-o", doc, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "budget.yusuan"));
    g_assert_true (g_file_get_contents (doc, &after, &after_length, NULL));
    g_assert_cmpmem (before, before_length, after, after_length);
  }
  {
    /* A .yusuan document reads as well as a submission. */
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", doc, "-o", pdf, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (file_starts_with (pdf, "%PDF-"));
  }
  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "-o", pdf, "--unit", "jin", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "jin"));
  }
  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "-o", pdf, "--format", "docx", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "docx"));
  }
  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "-o"));
  }
  {
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", missing, "-o", pdf, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "nowhere.xml"));
  }
  {
    /* A PDF onto a folder. */
    g_auto(CliRun) r = { 0 };

    cli (&r, "report", fixture, "--format", "pdf", "-o", dir, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }

  yusuan_test_remove_tree (dir);
}

static gpointer
drain_fifo (gpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Opens the read end, which lets the writer's open return. */
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A link is followed and stays a link; a pipe (as /dev/stdout can be) gets
 * the PDF as a stream and stays a pipe. */
static void
test_pdf_link_and_pipe (void)
{
  g_autoptr(YusuanDocument) document = yusuan_test_load_fixture ();
  g_autoptr(YusuanCatalog) catalog = catalog_for (document);
  g_autoptr(YusuanReport) report = yusuan_report_new (document, catalog, YUSUAN_DISPLAY_WAN);
  g_autofree char *dir = temp_dir ();
  g_autofree char *file = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) piped = NULL;
  GStatBuf st;
  GThread *reader;

  g_assert_true (g_file_set_contents (file, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);
  g_assert_true (yusuan_report_write_pdf (report, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (file_starts_with (file, "%PDF-"));

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("drain", drain_fifo, fifo);
  g_assert_true (yusuan_report_write_pdf (report, fifo, &error));
  g_assert_no_error (error);
  piped = g_thread_join (reader);
  g_assert_nonnull (piped);
  g_assert_cmpuint (g_bytes_get_size (piped), >, 10000);
  g_assert_cmpmem (g_bytes_get_data (piped, NULL), 5, "%PDF-", 5);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  yusuan_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* The Chinese runs are subprocesses with their own language. */
  yusuan_test_init (&argc, &argv);

  g_test_add_func ("/report/pdf/zh", test_pdf_seed_zh);
  g_test_add_func ("/report/pdf/orientation", test_pdf_orientation);
  g_test_add_func ("/report/pdf/long-table", test_pdf_long_table);
  g_test_add_func ("/report/pdf/yuan", test_pdf_yuan);
  g_test_add_func ("/report/pdf/empty-document", test_pdf_empty_document);
  g_test_add_func ("/report/pdf/follows-document", test_pdf_follows_document);
  g_test_add_func ("/report/pdf/unwritable", test_pdf_unwritable);
  g_test_add_func ("/report/pdf/link-and-pipe", test_pdf_link_and_pipe);
  g_test_add_func ("/report/print/render-page", test_render_page);
  g_test_add_func ("/report/xlsx/zh", test_xlsx_workbook);
  g_test_add_func ("/report/csv/per-table", test_csv_per_table);
  g_test_add_func ("/report/chart/data", test_chart_data);
  g_test_add_func ("/report/chart/no-prior-year", test_chart_no_prior_year);
  g_test_add_func ("/report/chart/dark", test_chart_dark);
  g_test_add_func ("/report/cli/formats", test_cli_formats);
  g_test_add_func ("/report/cli/refusals", test_cli_refusals);

  return g_test_run ();
}
