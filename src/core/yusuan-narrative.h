/* yusuan-narrative.h - the disclosure text (概况, 情况说明, 名词解释) written from the figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "yusuan-document.h"

G_BEGIN_DECLS

typedef struct
{
  char      *heading;     /* "一、收入支出预算总体情况说明" */
  GPtrArray *paragraphs;  /* char* */
} YusuanNarrativeSection;

void        yusuan_narrative_section_free (YusuanNarrativeSection *section);

/* 第一部分 概况: duties, the units the budget covers. */
GPtrArray  *yusuan_narrative_overview     (YusuanDocument *document);
/* 第二部分 预算情况说明: sections 一 … 十, every figure from the document, in
 * 万元 with two decimals, changes against the prior year with the department's
 * own explanation, or a visible placeholder where one is wanted and missing. */
GPtrArray  *yusuan_narrative_explanation  (YusuanDocument *document);
/* 第三部分 名词解释: standard text. */
GPtrArray  *yusuan_narrative_glossary     (void);

/* The parts' titles: "三门峡市人民政府办公室2023年部门预算情况说明" … */
char       *yusuan_narrative_part_title   (YusuanDocument *document,
                                           guint           part);

/* Plain text of sections: heading, then paragraphs, blank line between. */
char       *yusuan_narrative_to_text      (GPtrArray      *sections);

/* The placeholder the text carries where an explanation is missing. */
const char *yusuan_narrative_placeholder  (void);

G_END_DECLS
