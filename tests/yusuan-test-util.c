/* yusuan-test-util.c - what several tests need: the start, the fixture, a line, a scratch tree
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "yusuan-test-util.h"
#include "yusuan-xml.h"

YusuanDocument *
yusuan_test_load_fixture (void)
{
  const char *path = g_getenv ("YUSUAN_FIXTURE");
  g_autoptr(GError) error = NULL;
  YusuanDocument *document;

  g_assert_nonnull (path);
  document = yusuan_xml_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

YusuanLine
yusuan_test_line (guint           project_id,
                  const char     *unit,
                  const char     *function,
                  const char     *econ_dept,
                  const char     *econ_gov,
                  YusuanFund      fund,
                  YusuanCategory  category,
                  YusuanAmount    amount)
{
  YusuanLine values = { 0, };

  values.project_id = project_id;
  g_strlcpy (values.unit, unit, sizeof values.unit);
  g_strlcpy (values.function, function, sizeof values.function);
  g_strlcpy (values.econ_dept, econ_dept, sizeof values.econ_dept);
  g_strlcpy (values.econ_gov, econ_gov, sizeof values.econ_gov);
  values.fund = fund;
  values.category = category;
  values.amount = amount;

  return values;
}

const YusuanLine *
yusuan_test_add_line (YusuanDocument *document,
                      guint           project_id,
                      const char     *unit,
                      const char     *function,
                      const char     *econ_dept,
                      const char     *econ_gov,
                      YusuanFund      fund,
                      YusuanCategory  category,
                      YusuanAmount    amount)
{
  YusuanLine values = yusuan_test_line (project_id, unit, function, econ_dept, econ_gov, fund, category, amount);
  const YusuanLine *line = yusuan_document_add_line (document, &values);

  g_assert_nonnull (line);
  return line;
}

void
yusuan_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          yusuan_test_remove_tree (child);
        }
    }
  g_remove (path);
}

void
yusuan_test_init (int    *argc,
                  char ***argv)
{
  /* Before the locale is read. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "-p") && i + 1 < *argc && g_str_has_suffix ((*argv)[i + 1], "/zh"))
      {
        g_setenv ("LANGUAGE", "zh_CN", TRUE);
        g_setenv ("LANG", "C.UTF-8", TRUE);
      }

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  yusuan_core_init ();
}
