/* yusuan-test-util.h - what several tests need: the start, the fixture, a line, a scratch tree
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "yusuan-core.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

/* The published budget (YUSUAN_FIXTURE), imported; the test fails if it
 * cannot be. */
YusuanDocument *yusuan_test_load_fixture  (void);
/* A line's values, for yusuan_document_add_line or _set_line. */
YusuanLine      yusuan_test_line          (guint           project_id,
                                           const char     *unit,
                                           const char     *function,
                                           const char     *econ_dept,
                                           const char     *econ_gov,
                                           YusuanFund      fund,
                                           YusuanCategory  category,
                                           YusuanAmount    amount);
/* The same line added to @document; the test fails if it is refused. */
const YusuanLine *yusuan_test_add_line    (YusuanDocument *document,
                                           guint           project_id,
                                           const char     *unit,
                                           const char     *function,
                                           const char     *econ_dept,
                                           const char     *econ_gov,
                                           YusuanFund      fund,
                                           YusuanCategory  category,
                                           YusuanAmount    amount);
/* Removes @path and, for a folder, what it holds (links are not followed). */
void            yusuan_test_remove_tree   (const char     *path);
/* g_test_init in the locale of the environment, the core set up; a run of
 * a test whose path ends in "/zh" (a subprocess) reads the interface in
 * Chinese. */
void            yusuan_test_init          (int            *argc,
                                           char         ***argv);

G_END_DECLS
