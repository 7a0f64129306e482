/* main.c - the yusuan executable: hands over to YusuanApplication
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-application.h"
#include "yusuan-core.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(YusuanApplication) app = NULL;

  yusuan_core_init ();
  textdomain (GETTEXT_PACKAGE);

  app = yusuan_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
