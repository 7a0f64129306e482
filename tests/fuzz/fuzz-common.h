/* fuzz-common.h - what every fuzz target shares: a quiet, deterministic set-up
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* Aborts with a message naming what did not hold; libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        g_printerr ("fuzz: %s: ", #cond); \
        g_printerr (__VA_ARGS__); \
        g_printerr ("\n"); \
        abort (); \
      } \
  } G_STMT_END

static inline void
fuzz_silence_log (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        user_data)
{
  /* Criticals and warnings are bugs: make them fatal so they are found. */
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR))
    {
      g_printerr ("fuzz: %s: %s\n", log_domain ? log_domain : "", message);
      abort ();
    }
}

/* No user catalogue, no translations, nothing from the environment. */
static inline void
fuzz_setup (void)
{
  static gboolean done = FALSE;
  g_autofree char *dir = NULL;

  if (done)
    return;
  done = TRUE;
  dir = g_dir_make_tmp ("yusuan-fuzz-XXXXXX", NULL);
  if (dir != NULL)
    {
      g_setenv ("XDG_DATA_HOME", dir, TRUE);
      g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
    }
  g_setenv ("LANGUAGE", "C", TRUE);
  g_log_set_default_handler (fuzz_silence_log, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
