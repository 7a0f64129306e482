/* replay.c - runs a fuzz target over files and folders of inputs, without libFuzzer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib.h>

#include "fuzz-common.h"

static guint replayed;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  g_print ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  /* A copy of exactly the input's size, so that ASan sees any read past it. */
  {
    g_autofree guint8 *exact = g_memdup2 (data, length);

    LLVMFuzzerTestOneInput (exact, length);
  }
  replayed++;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
replay_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        replay_path (g_ptr_array_index (names, i));
    }
  else
    replay_file (path);
}

int
main (int    argc,
      char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  if (replayed == 0)
    {
      g_printerr ("no input to replay\n");
      return 1;
    }
  g_print ("replayed %u inputs\n", replayed);
  return 0;
}
