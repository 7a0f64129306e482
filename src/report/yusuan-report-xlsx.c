/* yusuan-report-xlsx.c - the twelve tables and the findings as one XLSX workbook
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "yusuan-core.h"
#include "yusuan-report-private.h"
#include "yusuan-rules.h"

/* Rows above the header: code, title, 部门名称 / 单位. */
#define FIRST_HEADER_ROW 3
#define FONT             "宋体"
#define FONT_SIZE        10
#define MAX_TEXT_WIDTH   40.0
/* Beyond 15 significant digits a spreadsheet number loses fen: such an
 * amount goes in as text rather than wrong. */
#define MAX_EXACT_HUNDREDTHS G_GINT64_CONSTANT (100000000000000)

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *code;
  lxw_format   *title;
  lxw_format   *line;
  lxw_format   *line_right;
  lxw_format   *header;
  lxw_format   *text;
  lxw_format   *text_bold;
  lxw_format   *amount;
  lxw_format   *amount_bold;
  lxw_format   *note;
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, FONT);
  format_set_font_size (format, FONT_SIZE);
  /* GB2312, so that a spreadsheet picks a Chinese face for the name. */
  format_set_font_charset (format, 134);
  return format;
}

static lxw_format *
cell_format (lxw_workbook *workbook)
{
  lxw_format *format = new_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
formats_init (Formats      *f,
              lxw_workbook *workbook)
{
  f->workbook = workbook;

  f->code = new_format (workbook);

  f->title = new_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 16);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  format_set_align (f->title, LXW_ALIGN_VERTICAL_CENTER);

  f->line = new_format (workbook);
  f->line_right = new_format (workbook);
  format_set_align (f->line_right, LXW_ALIGN_RIGHT);

  f->header = cell_format (workbook);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->header);
  format_set_bold (f->header);

  f->text = cell_format (workbook);
  format_set_text_wrap (f->text);
  f->text_bold = cell_format (workbook);
  format_set_text_wrap (f->text_bold);
  format_set_bold (f->text_bold);

  f->amount = cell_format (workbook);
  format_set_num_format (f->amount, "#,##0.00");
  f->amount_bold = cell_format (workbook);
  format_set_num_format (f->amount_bold, "#,##0.00");
  format_set_bold (f->amount_bold);

  f->note = new_format (workbook);
  format_set_text_wrap (f->note);
  format_set_align (f->note, LXW_ALIGN_VERTICAL_TOP);
}

/* Columns a spreadsheet gives the text: a CJK character takes two. */
static double
display_width (const char *text)
{
  double width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        continue;
      width += g_unichar_iswide (c) ? 2.0 : 1.0;
    }
  return width;
}

/* Sheets */

/* @text as a string cell: never a formula, whatever it starts with. */
static lxw_error
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text,
            lxw_format    *format)
{
  if (text == NULL || text[0] == '\0')
    return worksheet_write_blank (sheet, row, column, format);
  return worksheet_write_string (sheet, row, column, text, format);
}

static lxw_error
merge_or_write (lxw_worksheet *sheet,
                lxw_row_t      first_row,
                lxw_col_t      first_column,
                lxw_row_t      last_row,
                lxw_col_t      last_column,
                const char    *text,
                lxw_format    *format)
{
  if (first_row == last_row && first_column == last_column)
    return write_text (sheet, first_row, first_column, text, format);
  return worksheet_merge_range (sheet, first_row, first_column, last_row, last_column,
                                text ? text : "", format);
}

static char *
sheet_name (YusuanTable *table)
{
  g_autofree char *code = yusuan_table_dup_code (table);
  GString *name = g_string_new (NULL);

  /* Excel refuses []:*?/\ and names longer than 31 characters. */
  for (const char *p = code; *p && g_utf8_strlen (name->str, -1) < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) == NULL || c > 127)
        g_string_append_unichar (name, c);
    }
  if (name->len == 0)
    g_string_append_printf (name, "%02u", yusuan_table_get_number (table));
  return g_string_free (name, FALSE);
}

static gboolean
write_table_sheet (Formats            *f,
                   YusuanDocument     *document,
                   YusuanTable        *table,
                   YusuanDisplayUnit   unit,
                   GError            **error)
{
  g_autoptr(ReportGrid) grid = report_grid_new (table, unit);
  g_autofree char *name = sheet_name (table);
  g_autofree char *code = yusuan_table_dup_code (table);
  g_autofree char *title = yusuan_table_dup_title (table);
  g_autofree char *note = yusuan_table_dup_note (table);
  g_autofree char *department = report_department_line (document);
  const GArray *spans = report_grid_get_header_cells (grid);
  guint n_columns = report_grid_get_n_columns (grid);
  guint depth = report_grid_get_header_depth (grid);
  guint n_rows = report_grid_get_n_rows (grid);
  g_autofree double *widths = g_new0 (double, n_columns);
  guint data_row = FIRST_HEADER_ROW + depth;
  lxw_worksheet *sheet = workbook_add_worksheet (f->workbook, name);
  ReportRow row = { 0 };
  lxw_col_t last_column = (lxw_col_t) (n_columns > 0 ? n_columns - 1 : 0);

  if (sheet == NULL)
    {
      g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_RENDER,
                   /* Translators: %s a sheet's name (预算03表) */
                   _("Cannot add the sheet “%s” to the workbook"), name);
      return FALSE;
    }

  /* Title rows */
  write_text (sheet, 0, 0, code, f->code);
  merge_or_write (sheet, 1, 0, 1, last_column, title, f->title);
  worksheet_set_row (sheet, 1, 28, NULL);
  if (n_columns > 2)
    {
      merge_or_write (sheet, 2, 0, 2, (lxw_col_t) (n_columns / 2 - 1), department, f->line);
      merge_or_write (sheet, 2, (lxw_col_t) (n_columns / 2), 2, last_column, report_unit_line (unit), f->line_right);
    }
  else
    {
      write_text (sheet, 2, 0, department, f->line);
      write_text (sheet, 2, last_column, report_unit_line (unit), f->line_right);
    }

  /* The header, merged as the tree says. */
  for (guint c = 0; c < n_columns; c++)
    widths[c] = report_grid_column_is_amount (grid, c) ? 12 : 6;
  for (guint i = 0; i < spans->len; i++)
    {
      const ReportHeaderCell *span = &g_array_index (spans, ReportHeaderCell, i);

      merge_or_write (sheet, FIRST_HEADER_ROW + span->level, (lxw_col_t) span->first,
                      FIRST_HEADER_ROW + span->level + span->levels - 1, (lxw_col_t) span->last,
                      span->label, f->header);
      /* A header wraps in its cell; a leaf asks for about half its text's width. */
      if (span->first == span->last)
        widths[span->first] = MAX (widths[span->first], MIN (display_width (span->label) / 2 + 2, 14));
    }

  /* The rows */
  for (guint r = 0; r < n_rows; r++)
    {
      lxw_row_t sheet_row = data_row + r;

      report_grid_fetch_row (grid, r, &row);
      for (guint c = 0; c < n_columns; c++)
        {
          const ReportCell *cell = &row.cells[c];
          gboolean amount = report_grid_column_is_amount (grid, c);
          lxw_format *format;

          if (cell->span == 0)
            continue;
          if (amount && cell->span == 1)
            {
              format = cell->bold ? f->amount_bold : f->amount;
              if (!cell->has_amount)
                worksheet_write_blank (sheet, sheet_row, (lxw_col_t) c, format);
              else if (ABS (cell->hundredths) < MAX_EXACT_HUNDREDTHS)
                /* The figure rounded once, as a number the sheet can add up:
                 * hundredths / 100 is the nearest double to it. */
                worksheet_write_number (sheet, sheet_row, (lxw_col_t) c,
                                        (double) cell->hundredths / 100.0, format);
              else
                write_text (sheet, sheet_row, (lxw_col_t) c, cell->text, format);
              widths[c] = MAX (widths[c], display_width (cell->text) + 2);
              continue;
            }

          format = cell->bold ? f->text_bold : f->text;
          if (cell->indent > 0)
            {
              g_autofree char *indented = g_strdup_printf ("%*s%s", (int) (2 * cell->indent), "", cell->text);

              merge_or_write (sheet, sheet_row, (lxw_col_t) c, sheet_row, (lxw_col_t) (c + cell->span - 1),
                              indented, format);
            }
          else
            merge_or_write (sheet, sheet_row, (lxw_col_t) c, sheet_row, (lxw_col_t) (c + cell->span - 1),
                            cell->text, format);
          if (cell->span == 1)
            widths[c] = MAX (widths[c], MIN (display_width (cell->text) + 2, MAX_TEXT_WIDTH));
        }
    }
  report_row_clear (&row);

  if (note != NULL && note[0] != '\0')
    {
      lxw_row_t note_row = data_row + n_rows + 1;

      merge_or_write (sheet, note_row, 0, note_row, last_column, note, f->note);
      worksheet_set_row (sheet, note_row, 15 * MAX (1, display_width (note) / 160 + 1), NULL);
    }

  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);

  /* Header rows tall enough for their wrapped labels. */
  for (guint level = 0; level < depth; level++)
    {
      double lines = 1;

      for (guint i = 0; i < spans->len; i++)
        {
          const ReportHeaderCell *span = &g_array_index (spans, ReportHeaderCell, i);
          double width = 0;

          if (span->level != level || span->levels != 1)
            continue;
          for (guint c = span->first; c <= span->last; c++)
            width += widths[c];
          lines = MAX (lines, ceil (display_width (span->label) / MAX (width - 1, 1)));
        }
      worksheet_set_row (sheet, FIRST_HEADER_ROW + level, 14 * lines + 4, NULL);
    }

  worksheet_freeze_panes (sheet, data_row, 0);
  worksheet_repeat_rows (sheet, FIRST_HEADER_ROW, data_row - 1);
  worksheet_set_paper (sheet, 9);  /* A4 */
  if (n_columns > 8)
    worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  return TRUE;
}

static gboolean
write_findings_sheet (Formats         *f,
                      YusuanDocument  *document,
                      YusuanCatalog   *catalog,
                      GError         **error)
{
  g_autoptr(YusuanChecker) checker = yusuan_checker_new (document, catalog);
  /* Translators: the name of the workbook's sheet of findings (审核结果); at most 31 characters */
  lxw_worksheet *sheet = workbook_add_worksheet (f->workbook, _("Findings"));
  const char *headers[] = {
    /* Translators: a column of the findings sheet: 类型 */
    N_("Severity"),
    /* Translators: a column of the findings sheet: 表 */
    N_("Table"),
    /* Translators: a column of the findings sheet: 规则 */
    N_("Rule"),
    /* Translators: a column of the findings sheet: 对象 */
    N_("Subject"),
    /* Translators: a column of the findings sheet: 说明 */
    N_("Message"),
  };
  double widths[] = { 8, 10, 22, 26, 70 };
  guint n = yusuan_checker_get_n_findings (checker);

  if (sheet == NULL)
    {
      g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_RENDER,
                   _("Cannot add the sheet “%s” to the workbook"), _("Findings"));
      return FALSE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      write_text (sheet, 0, (lxw_col_t) c, _(headers[c]), f->header);
      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (checker, i);
      lxw_row_t row = i + 1;
      const char *severity;
      g_autofree char *table = NULL;

      switch (finding->severity)
        {
        case YUSUAN_SEVERITY_ERROR:
          /* Translators: a finding's severity: 错误 */
          severity = _("Error");
          break;
        case YUSUAN_SEVERITY_WARNING:
          /* Translators: a finding's severity: 提示 */
          severity = _("Warning");
          break;
        case YUSUAN_SEVERITY_INFO:
        default:
          /* Translators: a finding's severity: 说明 */
          severity = _("Note");
          break;
        }
      if (finding->table > 0)
        table = g_strdup_printf (_("预算%02u表"), finding->table);

      write_text (sheet, row, 0, severity, f->text);
      write_text (sheet, row, 1, table, f->text);
      write_text (sheet, row, 2, finding->rule, f->text);
      write_text (sheet, row, 3, finding->subject, f->text);
      write_text (sheet, row, 4, finding->message, f->text);
    }
  if (n == 0)
    /* Translators: the findings sheet when the checks find nothing */
    write_text (sheet, 1, 0, _("The checks find nothing to report."), f->note);

  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  return TRUE;
}

gboolean
yusuan_report_write_xlsx (YusuanDocument     *document,
                          YusuanCatalog      *catalog,
                          YusuanDisplayUnit   unit,
                          const char         *path,
                          GError            **error)
{
  g_autofree char *title = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  lxw_error status;
  ReportOutput out;
  Formats f;
  gboolean ok = TRUE;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  yusuan_core_init ();

  /* libxlsxwriter writes a file by name: a temporary one, put in place
   * when the workbook is complete. */
  if (!report_output_open (&out, path, TRUE, error))
    return FALSE;
  workbook = workbook_new_opt (out.file, &options);
  if (workbook == NULL)
    {
      report_output_abort (&out);
      report_io_error (error, path, ENOMEM);
      return FALSE;
    }

  title = g_strdup_printf ("%s %d", yusuan_document_get_department_name (document),
                           yusuan_document_get_fiscal_year (document));
  properties.title = title;
  properties.author = (char *) yusuan_document_get_department_name (document);
  properties.company = (char *) yusuan_document_get_department_name (document);
  workbook_set_properties (workbook, &properties);

  formats_init (&f, workbook);
  for (guint n = 1; ok && n <= YUSUAN_N_TABLES; n++)
    {
      g_autoptr(YusuanTable) table = yusuan_table_new (document, catalog, n);

      ok = write_table_sheet (&f, document, table, unit, error);
    }
  if (ok)
    ok = write_findings_sheet (&f, document, catalog, error);

  status = workbook_close (workbook);
  if (ok && status != LXW_NO_ERROR)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO,
                   _("Cannot write “%1$s”: %2$s"), name, lxw_strerror (status));
      ok = FALSE;
    }
  if (!ok)
    {
      report_output_abort (&out);
      return FALSE;
    }
  return report_output_commit (&out, error);
}
