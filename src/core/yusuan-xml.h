/* yusuan-xml.h - the submission contract (urn:yusuan:budget:1): safe import, deterministic export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_XML_ERROR (yusuan_xml_error_quark ())

typedef enum
{
  YUSUAN_XML_ERROR_IO,
  YUSUAN_XML_ERROR_MALFORMED,   /* not well-formed XML; message gives line and column */
  YUSUAN_XML_ERROR_FORBIDDEN,   /* DOCTYPE, entities, or too big */
  YUSUAN_XML_ERROR_INVALID,     /* fails the schema; message gives the line and what is wrong */
  YUSUAN_XML_ERROR_CONTENT,     /* schema-valid but not loadable (e.g. an amount past gint64) */
} YusuanXmlError;

GQuark           yusuan_xml_error_quark    (void);

/* Parses without network, DTD or entity expansion, validates against the
 * schema, then loads: all or nothing. */
YusuanDocument  *yusuan_xml_import_data    (const char      *data,
                                            gsize            length,
                                            const char      *display_name,
                                            GError         **error);
YusuanDocument  *yusuan_xml_import_file    (const char      *path,
                                            GError         **error);

/* Called with the document as soon as it is read and has passed Yusuan's own
 * checks, while the schema validator may still be reading the file in another
 * thread: a caller that saves what it imports saves meanwhile.  Returning
 * FALSE (with @error) fails the import.  If the validator then refuses the
 * file, the import fails all the same, and what @ready made must be thrown
 * away: write it somewhere private and move it into place only after the
 * import succeeded. */
typedef gboolean (*YusuanXmlReadyFunc)     (YusuanDocument  *document,
                                            gpointer         user_data,
                                            GError         **error);

YusuanDocument  *yusuan_xml_import_file_full (const char          *path,
                                              YusuanXmlReadyFunc   ready,
                                              gpointer             user_data,
                                              GError             **error);

/* Deterministic: the same document gives the same bytes.  Fails (and writes
 * nothing) if the document cannot be expressed schema-validly, naming the fact. */
GBytes          *yusuan_xml_export         (YusuanDocument  *document,
                                            GError         **error);
/* Writes atomically (a temporary file renamed into place). */
gboolean         yusuan_xml_export_file    (YusuanDocument  *document,
                                            const char      *path,
                                            GError         **error);

/* Schema validation of a serialized submission. */
gboolean         yusuan_xml_validate       (const char      *data,
                                            gsize            length,
                                            const char      *display_name,
                                            GError         **error);

G_END_DECLS
