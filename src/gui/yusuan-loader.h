/* yusuan-loader.h - opens a .yusuan or imports an .xml in a worker thread, tables and checks included
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "yusuan-catalog.h"
#include "yusuan-document.h"
#include "yusuan-rules.h"
#include "yusuan-table.h"

G_BEGIN_DECLS

/* Everything a window shows of a document, built together off the main
 * thread and handed over whole: nothing in it is shared with the thread
 * once the callback runs. */
typedef struct
{
  YusuanDocument *document;
  YusuanCatalog  *catalog;
  YusuanTable    *tables[YUSUAN_N_TABLES];
  YusuanChecker  *checker;
  gboolean        imported;  /* from a submission XML: not yet saved as a document */
} YusuanLoaded;

void          yusuan_loaded_free          (YusuanLoaded *loaded);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YusuanLoaded, yusuan_loaded_free)

/* Builds the tables and the checker of @document (which it takes). */
YusuanLoaded *yusuan_loaded_new           (YusuanDocument *document,
                                           gboolean        imported);

/* TRUE when @file is to be imported as a submission rather than opened. */
gboolean      yusuan_loader_is_submission (GFile          *file);

void          yusuan_loader_load_async    (GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
YusuanLoaded *yusuan_loader_load_finish   (GAsyncResult        *result,
                                           GError             **error);

/* Reads the document in @file (.yusuan or submission .xml) as the load
 * does, without tables or checks: a budget taken from, not shown. */
void            yusuan_loader_read_async  (GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
YusuanDocument *yusuan_loader_read_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
