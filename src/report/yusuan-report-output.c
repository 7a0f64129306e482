/* yusuan-report-output.c - a report's file written whole or not at all, or streamed to a device
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "yusuan-report-private.h"

void
report_io_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO,
               /* Translators: %1$s a file name, %2$s the system's reason */
               _("Cannot write “%1$s”: %2$s"), name, g_strerror (saved_errno));
}

/* A temporary file "DIR/.BASE.XXXXXX", created and closed (@keep_open FALSE)
 * or left open for writing. */
static char *
make_temp (const char  *dir,
           const char  *base,
           gboolean     keep_open,
           int         *fd,
           int         *saved_errno)
{
  char *temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  int handle = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);

  if (handle < 0)
    {
      *saved_errno = errno;
      g_free (temp);
      return NULL;
    }
  if (keep_open)
    *fd = handle;
  else
    close (handle);
  return temp;
}

gboolean
report_output_open (ReportOutput  *out,
                    const char    *path,
                    gboolean       by_name,
                    GError       **error)
{
  GStatBuf st;
  int saved_errno = 0;

  memset (out, 0, sizeof *out);
  out->fd = -1;
  out->path = g_strdup (path);
  out->target = g_strdup (path);

  /* A link is followed: the file it names is replaced, the link stays. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          g_free (out->target);
          out->target = g_strdup (real);
          free (real);
        }
    }

  if (g_stat (out->target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, YUSUAN_REPORT_ERROR, YUSUAN_REPORT_ERROR_IO,
                       /* Translators: %s the output given, a folder */
                       _("“%s” is a folder: give the name of a file to write"), name);
          report_output_abort (out);
          return FALSE;
        }
      /* A device or a pipe (/dev/stdout) is written as a stream: it can be
       * neither replaced nor renamed onto. */
      out->stream = !S_ISREG (st.st_mode);
    }

  if (out->stream)
    {
      if (by_name)
        {
          /* The writer wants a file: one in the temporary folder, copied
           * into the stream at the end. */
          out->temp = make_temp (g_get_tmp_dir (), "yusuan-report", FALSE, NULL, &saved_errno);
          if (out->temp == NULL)
            {
              report_io_error (error, path, saved_errno);
              report_output_abort (out);
              return FALSE;
            }
          out->file = out->temp;
        }
      else
        {
          out->fd = g_open (out->target, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
          if (out->fd < 0)
            {
              report_io_error (error, path, errno);
              report_output_abort (out);
              return FALSE;
            }
        }
      return TRUE;
    }

  {
    g_autofree char *dir = g_path_get_dirname (out->target);
    g_autofree char *base = g_path_get_basename (out->target);

    out->temp = make_temp (dir, base, !by_name, &out->fd, &saved_errno);
    if (out->temp == NULL)
      {
        report_io_error (error, path, saved_errno);
        report_output_abort (out);
        return FALSE;
      }
    out->file = out->temp;
  }
  return TRUE;
}

static gboolean
copy_into (int          to,
           const char  *from,
           int         *saved_errno)
{
  char buffer[65536];
  int fd = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  ssize_t n;

  if (fd < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      const char *p = buffer;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          close (fd);
          return FALSE;
        }
      while (n > 0)
        {
          ssize_t written = write (to, p, (size_t) n);

          if (written < 0 && errno == EINTR)
            continue;
          if (written <= 0)
            {
              *saved_errno = written < 0 ? errno : ENOSPC;
              close (fd);
              return FALSE;
            }
          p += written;
          n -= written;
        }
    }
  close (fd);
  return TRUE;
}

gboolean
report_output_commit (ReportOutput  *out,
                      GError       **error)
{
  int saved_errno = 0;
  gboolean ok = TRUE;

  if (out->stream)
    {
      if (out->temp != NULL)
        {
          out->fd = g_open (out->target, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
          ok = out->fd >= 0 && copy_into (out->fd, out->temp, &saved_errno);
          if (out->fd < 0)
            saved_errno = errno;
        }
      if (out->fd >= 0 && close (out->fd) != 0 && ok)
        {
          ok = FALSE;
          saved_errno = errno;
        }
      out->fd = -1;
    }
  else
    {
      /* On the disk before it takes the name. */
      if (out->fd < 0)
        out->fd = g_open (out->temp, O_RDONLY | O_CLOEXEC, 0);
      if (out->fd < 0 || fsync (out->fd) != 0)
        {
          ok = FALSE;
          saved_errno = errno;
        }
      if (out->fd >= 0 && close (out->fd) != 0 && ok)
        {
          ok = FALSE;
          saved_errno = errno;
        }
      out->fd = -1;
      if (ok && g_rename (out->temp, out->target) != 0)
        {
          ok = FALSE;
          saved_errno = errno;
        }
      if (ok)
        g_clear_pointer (&out->temp, g_free);
    }

  if (!ok)
    report_io_error (error, out->path, saved_errno);
  report_output_abort (out);
  return ok;
}

void
report_output_abort (ReportOutput *out)
{
  if (out->fd >= 0)
    close (out->fd);
  out->fd = -1;
  /* Only ever our own temporary file: never the target. */
  if (out->temp != NULL)
    g_unlink (out->temp);
  g_clear_pointer (&out->temp, g_free);
  out->file = NULL;
  g_clear_pointer (&out->path, g_free);
  g_clear_pointer (&out->target, g_free);
}

gboolean
report_replace_file (const char  *path,
                     const char  *contents,
                     gsize        length,
                     GError     **error)
{
  ReportOutput out;

  if (!report_output_open (&out, path, FALSE, error))
    return FALSE;
  while (length > 0)
    {
      ssize_t written = write (out.fd, contents, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          report_io_error (error, path, written < 0 ? errno : ENOSPC);
          report_output_abort (&out);
          return FALSE;
        }
      contents += written;
      length -= (gsize) written;
    }
  return report_output_commit (&out, error);
}
