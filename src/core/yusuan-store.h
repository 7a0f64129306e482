/* yusuan-store.h - .yusuan documents: one SQLite file, versioned, saved in one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_STORE_ERROR (yusuan_store_error_quark ())

typedef enum
{
  YUSUAN_STORE_ERROR_IO,            /* cannot open, read or write the file */
  YUSUAN_STORE_ERROR_NOT_A_DOCUMENT,/* not SQLite, or SQLite but not Yusuan's */
  YUSUAN_STORE_ERROR_DAMAGED,       /* a Yusuan document that fails its integrity or content checks */
  YUSUAN_STORE_ERROR_TOO_NEW,       /* written by a newer Yusuan */
  YUSUAN_STORE_ERROR_LOCKED,        /* another instance holds it */
} YusuanStoreError;

/* "YUSU" */
#define YUSUAN_STORE_APPLICATION_ID 0x59555355
#define YUSUAN_STORE_SCHEMA_VERSION 2

GQuark           yusuan_store_error_quark  (void);

/* Reads a document; the file is opened read-only and never modified (an older
 * schema is migrated in memory: the file changes only when saved). */
YusuanDocument  *yusuan_store_load         (const char      *path,
                                            GError         **error);
/* Saves in one transaction; a crash or kill at any moment leaves either the
 * previous or the new state, both readable. */
gboolean         yusuan_store_save         (YusuanDocument  *document,
                                            const char      *path,
                                            GError         **error);
/* TRUE if @path looks like a Yusuan document (application_id), without loading it. */
gboolean         yusuan_store_sniff        (const char      *path);

/* Advisory lock beside the document: a second instance is told who holds it. */
typedef struct _YusuanLock YusuanLock;

/* Returns NULL and sets YUSUAN_STORE_ERROR_LOCKED with the holder ("user on
 * host, since …") in the message when another live process holds @path.  A
 * stale lock (its process gone) is taken over. */
YusuanLock      *yusuan_lock_acquire       (const char      *path,
                                            GError         **error);
void             yusuan_lock_release       (YusuanLock      *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YusuanLock, yusuan_lock_release)

G_END_DECLS
