/* yusuan-core.c - process-wide set-up of the core: resources, translations, a safe XML parser
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "yusuan-core.h"
#include "yusuan-core-resources.h"

/* No document of ours ever needs an external entity, DTD or schema import:
 * refuse them all, whatever options a parser is given. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

void
yusuan_core_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* An uninstalled build (tests, screenshots) points at its own catalogues. */
      const char *localedir = g_getenv ("YUSUAN_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      yusuan_core_register_resource ();
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}
