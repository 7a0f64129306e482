/* yusuan-application.h - the application: windows, files given on the command line, app actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "yusuan-amount.h"
#include "yusuan-document.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_APPLICATION (yusuan_application_get_type ())
G_DECLARE_FINAL_TYPE (YusuanApplication, yusuan_application, YUSUAN, APPLICATION, AdwApplication)

YusuanApplication *yusuan_application_new              (void);

/* The settings when the schema is installed, else NULL (an uninstalled run
 * without the schema still works, it only forgets). */
GSettings         *yusuan_application_get_settings     (YusuanApplication *self);

/* Opens @file in a window: the active window when it holds no document,
 * else a new one. */
void               yusuan_application_open_file        (YusuanApplication *self,
                                                        GFile             *file);

/* Shows a document that has no file yet (new, or built elsewhere). */
void               yusuan_application_show_document    (YusuanApplication *self,
                                                        YusuanDocument    *document);

YusuanDisplayUnit  yusuan_application_get_display_unit (YusuanApplication *self);

G_END_DECLS
