/* yusuan-cli-control.c - "yusuan-cli control": the finance bureau's control numbers (控制数) and the budget against them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "yusuan-cli.h"
#include "yusuan-cli-control.h"
#include "yusuan-figures.h"
#include "yusuan-store.h"
#include "yusuan-table.h"

/* A row's cells, in the columns' order. */
enum
{
  CELL_LABEL,        /* "一般公共预算基本支出" */
  CELL_CONTROL,
  CELL_EXPENDITURE,
  CELL_WITHIN,       /* "" when above */
  CELL_ABOVE,        /* "" when within */
  N_CELLS
};

typedef struct
{
  char *key;         /* "general-public-budget/basic" */
  char *cells[N_CELLS];
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->key);
  for (guint c = 0; c < N_CELLS; c++)
    g_free (row->cells[c]);
}

/* One row a control number the bureau set, and one for each appropriation it
 * set none for that the budget spends from; *@n_above counts those the
 * budget exceeds. */
static GArray *
compare (YusuanDocument    *document,
         YusuanDisplayUnit  unit,
         gboolean           csv,
         guint             *n_above)
{
  YusuanAmountFormatFlags flags = csv ? YUSUAN_AMOUNT_FORMAT_PLAIN : YUSUAN_AMOUNT_FORMAT_GROUPED;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  YusuanFigures figures;

  g_array_set_clear_func (rows, row_clear);
  yusuan_figures_compute (document, &figures);
  *n_above = 0;

  for (int fund = 0; fund < YUSUAN_N_FUNDS; fund++)
    for (int kind = 0; kind < YUSUAN_N_SPENDING_KINDS; kind++)
      {
        YusuanAmount control = 0;
        YusuanAmount spent = figures.spending[yusuan_control_number_index (fund, kind)];
        gboolean set = yusuan_document_get_control_number (document, fund, kind, &control);
        Row row;

        /* Also an appropriation spent from though the bureau set it no number (a warning). */
        if (!set && (!yusuan_document_lacks_control_number (document, fund, kind) || spent == 0))
          continue;

        row.key = g_strdup_printf ("%s/%s", yusuan_fund_to_token (fund), yusuan_spending_kind_to_token (kind));
        row.cells[CELL_LABEL] = yusuan_fund_spending_label (fund, kind);
        row.cells[CELL_EXPENDITURE] = yusuan_amount_format (spent, unit, flags);
        /* Translators: in the control number column: the bureau set none for this fund and kind */
        row.cells[CELL_CONTROL] = set ? yusuan_amount_format (control, unit, flags) : g_strdup (csv ? "" : _("not set"));
        row.cells[CELL_WITHIN] = set && spent <= control ? yusuan_amount_format (control - spent, unit, flags)
                                                         : g_strdup ("");
        row.cells[CELL_ABOVE] = set && spent > control ? yusuan_amount_format (spent - control, unit, flags)
                                                       : g_strdup ("");
        *n_above += set && spent > control;
        g_array_append_val (rows, row);
      }
  return rows;
}

static char *
to_csv (GArray *rows)
{
  GString *out = g_string_new ("key,control,expenditure,within,above\n");

  /* Keys are tokens and amounts plain numbers: nothing needs quoting. */
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_string_append_printf (out, "%s,%s,%s,%s,%s\n", row->key, row->cells[CELL_CONTROL],
                              row->cells[CELL_EXPENDITURE], row->cells[CELL_WITHIN], row->cells[CELL_ABOVE]);
    }
  return g_string_free (out, FALSE);
}

#define GAP "  "

static char *
to_text (GArray            *rows,
         YusuanDisplayUnit  unit)
{
  const char *headers[N_CELLS] = {
    /* Translators: column headers of “yusuan-cli control”: a fund and kind of spending, the
       bureau's 控制数, the budget's 支出, how much is left within it (尚余), how much above it (超出) */
    N_("Fund and spending"), N_("Control number"), N_("Expenditure"), N_("Within by"), N_("Above by"),
  };
  guint widths[N_CELLS];
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    widths[c] = yusuan_text_display_width (_(headers[c]));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      for (guint c = 0; c < N_CELLS; c++)
        widths[c] = MAX (widths[c], yusuan_text_display_width (row->cells[c]));
    }

  g_string_append (out, unit == YUSUAN_DISPLAY_WAN ? _("Control numbers (控制数), in 万元")
                                                   : _("Control numbers (控制数), in 元"));
  g_string_append_c (out, '\n');
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      if (c > 0)
        g_string_append (out, GAP);
      yusuan_text_append_padded (out, _(headers[c]), widths[c], c > 0);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      for (guint c = 0; c < N_CELLS; c++)
        {
          if (c > 0)
            g_string_append (out, GAP);
          yusuan_text_append_padded (out, row->cells[c], widths[c], c > 0);
        }
      /* No trailing blanks where the last column is empty. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Takes the control numbers of @from into the document at @path, or with
 * @from NULL removes them; saved in place, under the document's lock. */
static gboolean
change_document (const char  *command,
                 const char  *path,
                 const char  *from,
                 GError     **error)
{
  g_autoptr(YusuanLock) lock = NULL;
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(YusuanDocument) bureau = NULL;

  if (from != NULL)
    {
      bureau = yusuan_cli_load_document (from, error);
      if (bureau == NULL)
        {
          yusuan_cli_print_file_error (command, from, *error);
          return FALSE;
        }
    }

  if ((lock = yusuan_lock_acquire (path, error)) == NULL
      || (document = yusuan_store_load (path, error)) == NULL)
    {
      yusuan_cli_print_file_error (command, path, *error);
      return FALSE;
    }

  if (bureau != NULL && !yusuan_document_take_control_numbers (document, bureau, error))
    {
      yusuan_cli_print_file_error (command, from, *error);
      return FALSE;
    }
  if (bureau == NULL)
    yusuan_document_set_control_numbers (document, FALSE, NULL, NULL);

  if (!yusuan_store_save (document, path, error))
    {
      yusuan_cli_print_file_error (command, path, *error);
      return FALSE;
    }
  return TRUE;
}

int
yusuan_cli_control (int    argc,
                    char **argv)
{
  const char *command = "control";
  g_autofree char *take = NULL;
  g_autofree char *unit_text = NULL;
  g_autofree char *format = NULL;
  gboolean remove = FALSE;
  const GOptionEntry entries[] = {
    { "take", 't', 0, G_OPTION_ARG_FILENAME, &take,
      N_("Take the control numbers from FILE, the finance bureau’s 一下 file, replacing any the document has"),
      N_("FILE") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove,
      N_("Remove the document’s control numbers"), NULL },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_text,
      N_("Amounts in 万元 (wan, the default) or 元 (yuan)"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("wan|yuan") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Laid out for a terminal (text, the default) or CSV (csv)"),
      /* Translators: the option's values, typed as they are: do not translate them */
      N_("text|csv") },
    { NULL }
  };
  g_autoptr(YusuanDocument) document = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  YusuanDisplayUnit unit;
  gboolean csv;
  guint n_above;

  if (!yusuan_cli_parse_arguments (entries, 1, &argc, &argv))
    return YUSUAN_CLI_EXIT_USAGE;
  if (!yusuan_cli_parse_unit (unit_text, &unit))
    return yusuan_cli_usage_error (command, _("Unknown unit “%s”: use wan or yuan"), unit_text);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv"))
    return yusuan_cli_usage_error (command, _("Unknown format “%s”: use text or csv"), format);
  if (take != NULL && remove)
    return yusuan_cli_usage_error (command, "%s", _("--take and --remove cannot go together"));
  csv = format != NULL && g_str_equal (format, "csv");

  if ((take != NULL || remove) && !yusuan_store_sniff (argv[1]))
    {
      g_autofree char *name = g_filename_display_name (argv[1]);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a Yusuan document: control numbers are kept in "
                                                    "one (make it with “yusuan-cli import”)"), name);

      yusuan_cli_print_error (command, message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  if ((take != NULL || remove) && !change_document (command, argv[1], take, &error))
    return YUSUAN_CLI_EXIT_USAGE;

  document = yusuan_cli_load_document (argv[1], &error);
  if (document == NULL)
    {
      yusuan_cli_print_file_error (command, argv[1], error);
      return YUSUAN_CLI_EXIT_USAGE;
    }

  if (!yusuan_document_has_control_numbers (document))
    {
      if (!csv)
        text = g_strdup (_("No control numbers: take them from the finance bureau’s file with --take FILE"));
      else
        text = to_csv (rows = compare (document, unit, TRUE, &n_above));
      n_above = 0;
    }
  else
    {
      rows = compare (document, unit, csv, &n_above);
      text = csv ? to_csv (rows) : to_text (rows, unit);
    }

  if (!yusuan_cli_write_stdout (text, &error))
    {
      yusuan_cli_print_error (command, error->message);
      return YUSUAN_CLI_EXIT_USAGE;
    }
  return n_above > 0 ? YUSUAN_CLI_EXIT_FINDINGS : YUSUAN_CLI_EXIT_OK;
}
