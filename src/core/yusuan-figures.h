/* yusuan-figures.h - the department-level figures the narrative and the rules speak of
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "yusuan-document.h"

G_BEGIN_DECLS

/* Exact sums (fen) over the whole document, computed in one pass. */
typedef struct
{
  YusuanAmount revenue_total;
  YusuanAmount revenue_by_source[YUSUAN_N_FUNDS];
  YusuanAmount expenditure_total;
  YusuanAmount expenditure_by_fund[YUSUAN_N_FUNDS];

  YusuanAmount basic_total;
  YusuanAmount project_total;
  /* By fund and kind, as control numbers are set: yusuan_control_number_index (). */
  YusuanAmount spending[YUSUAN_N_CONTROL_NUMBERS];

  /* Current-year general-public-budget (一般公共预算) lines. */
  YusuanAmount gpb_total;
  YusuanAmount gpb_basic;
  YusuanAmount gpb_project;
  YusuanAmount gpb_basic_personnel;  /* by each line's stated category (table 06) */
  YusuanAmount gpb_basic_public;

  /* Basic lines by economic class (table 03, and the performance text). */
  YusuanAmount basic_wages;          /* 301 工资福利支出 */
  YusuanAmount basic_households;     /* 303 对个人和家庭的补助 */
  YusuanAmount basic_goods;          /* 302 商品和服务支出 */
  YusuanAmount basic_capital;        /* 310 资本性支出 */

  /* 机关运行经费: basic 302 and 310 lines of the general public budget. */
  YusuanAmount operating_costs;

  /* 三公 as carried by the lines: current-year general-public-budget lines of
   * 30212, 31013, 30231, 30217 (basic and project). */
  YusuanAmount three_public_lines[YUSUAN_N_THREE_PUBLIC];

  guint        n_projects;
  guint        n_large_projects;     /* projects of 100 万元 and more */
  YusuanAmount large_projects_total;

  YusuanAmount procurement_total;
  YusuanAmount procurement_by_category[YUSUAN_N_PROCUREMENT_CATEGORIES];
} YusuanFigures;

void yusuan_figures_compute (YusuanDocument *document,
                             YusuanFigures  *out);

/* The economic class (first three digits) of a department economic code. */
gboolean yusuan_econ_in_class (const char *econ_dept,
                               const char *klass);

/* Which lines the figures count, for those who keep them line by line (the
 * rules).  机关运行经费: a basic 302 or 310 line of the current year's
 * 一般公共预算. */
gboolean yusuan_figures_line_is_operating_cost (const YusuanLine *line);
/* The “三公”经费 item a line carries (a current-year 一般公共预算 line, basic or
 * project, of 30212, 31013, 30231 or 30217), or -1. */
int      yusuan_figures_line_three_public_item (const YusuanLine *line);

G_END_DECLS
