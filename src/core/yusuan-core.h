/* yusuan-core.h - process-wide set-up of the core: resources, translations, a safe XML parser
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YUSUAN_CORE_RESOURCE_PATH "/io/github/yusuan/Yusuan/core"

/* Idempotent and thread-safe; every entry point into the core calls it. */
void yusuan_core_init (void);

G_END_DECLS
