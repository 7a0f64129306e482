/* yusuan-figures.c - the department-level figures the narrative and the rules speak of
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "yusuan-figures.h"

gboolean
yusuan_econ_in_class (const char *econ_dept,
                      const char *klass)
{
  return econ_dept != NULL && strncmp (econ_dept, klass, 3) == 0;
}

gboolean
yusuan_figures_line_is_operating_cost (const YusuanLine *line)
{
  /* The seed's 255.30 is its basic 302. */
  return line->project_id == 0
         && line->fund == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET
         && (yusuan_econ_in_class (line->econ_dept, "302") || yusuan_econ_in_class (line->econ_dept, "310"));
}

int
yusuan_figures_line_three_public_item (const YusuanLine *line)
{
  /* Only the current year's 一般公共预算 makes the “三公”经费 of table 08. */
  if (line->fund != YUSUAN_FUND_GENERAL_PUBLIC_BUDGET)
    return -1;

  for (int item = 0; item < YUSUAN_N_THREE_PUBLIC; item++)
    if (strcmp (line->econ_dept, yusuan_three_public_econ_code (item)) == 0)
      return item;

  return -1;
}

static void
add_line (const YusuanLine *line,
          gpointer          user_data)
{
  YusuanFigures *f = user_data;
  gboolean basic = line->project_id == 0;
  gboolean gpb = line->fund == YUSUAN_FUND_GENERAL_PUBLIC_BUDGET;
  int three_public = yusuan_figures_line_three_public_item (line);

  f->expenditure_total += line->amount;
  f->expenditure_by_fund[line->fund] += line->amount;
  f->spending[yusuan_control_number_index (line->fund, basic ? YUSUAN_SPENDING_BASIC : YUSUAN_SPENDING_PROJECT)]
    += line->amount;

  if (basic)
    {
      f->basic_total += line->amount;
      if (yusuan_econ_in_class (line->econ_dept, "301"))
        f->basic_wages += line->amount;
      else if (yusuan_econ_in_class (line->econ_dept, "303"))
        f->basic_households += line->amount;
      else if (yusuan_econ_in_class (line->econ_dept, "302"))
        f->basic_goods += line->amount;
      else if (yusuan_econ_in_class (line->econ_dept, "310"))
        f->basic_capital += line->amount;
    }
  else
    f->project_total += line->amount;

  if (gpb)
    {
      f->gpb_total += line->amount;
      if (basic)
        {
          f->gpb_basic += line->amount;
          if (line->category == YUSUAN_CATEGORY_PERSONNEL)
            f->gpb_basic_personnel += line->amount;
          else
            f->gpb_basic_public += line->amount;
        }
      else
        f->gpb_project += line->amount;
    }

  if (yusuan_figures_line_is_operating_cost (line))
    f->operating_costs += line->amount;
  if (three_public >= 0)
    f->three_public_lines[three_public] += line->amount;
}

void
yusuan_figures_compute (YusuanDocument *document,
                        YusuanFigures  *out)
{
  g_return_if_fail (YUSUAN_IS_DOCUMENT (document));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  for (guint i = 0; i < yusuan_document_get_n_revenues (document); i++)
    {
      const YusuanRevenue *r = yusuan_document_get_revenue (document, i);

      out->revenue_total += r->amount;
      out->revenue_by_source[r->source] += r->amount;
    }

  yusuan_document_foreach_line (document, add_line, out);

  out->n_projects = yusuan_document_get_n_projects (document);
  for (guint i = 0; i < out->n_projects; i++)
    {
      YusuanAmount total = yusuan_project_get_total (yusuan_document_get_project (document, i));

      if (total >= 100 * YUSUAN_FEN_PER_WAN)
        {
          out->n_large_projects++;
          out->large_projects_total += total;
        }
    }

  for (guint i = 0; i < yusuan_document_get_n_procurement (document); i++)
    {
      const YusuanProcurementItem *item = yusuan_document_get_procurement (document, i);

      out->procurement_total += item->amount;
      out->procurement_by_category[item->category] += item->amount;
    }
}
