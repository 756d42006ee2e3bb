/* spec-text-file.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spec-line-index.h"
#include "spec-text-file.h"

G_DEFINE_QUARK (spec-text-file-error-quark, spec_text_file_error)

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *folder)
{
  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      if (folder != NULL)
        g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_FOUND,
                     _("The folder “%s” does not exist"), folder);
      else
        g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_FOUND,
                             _("The file does not exist"));
      break;

    case EACCES:
    case EPERM:
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_PERMISSION,
                           _("You do not have permission to access this file"));
      break;

    case EROFS:
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY,
                           _("The file is on a read-only disk"));
      break;

    case ENOSPC:
    case EDQUOT:
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NO_SPACE,
                           _("There is not enough space left on the disk"));
      break;

    /* The file system's largest file (4 GB on FAT32), or a size limit
     * set on the process: the user's way out is the same as a full disk. */
    case EFBIG:
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NO_SPACE,
                           _("The disk cannot hold a file this large"));
      break;

    case EISDIR:
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_REGULAR,
                           _("It is a folder, not a file"));
      break;

    default:
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_FAILED,
                           g_strerror (saved_errno));
      break;
    }

  return FALSE;
}

static gboolean
set_error_from_gio (GError **error,
                    GError  *gio_error)
{
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (gio_error));
      return FALSE;
    }

  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return set_error_from_errno (error, ENOENT, NULL);
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return set_error_from_errno (error, EACCES, NULL);
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return set_error_from_errno (error, EISDIR, NULL);
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return set_error_from_errno (error, ENOSPC, NULL);
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return set_error_from_errno (error, EROFS, NULL);

  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG))
    return set_error_from_errno (error, ENAMETOOLONG, NULL);
  if (g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS))
    return set_error_from_errno (error, ELOOP, NULL);

  /* GIO's own messages name the file; ours give the reason only. */
  g_debug ("Unmapped GIO error: %s", gio_error->message);
  g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_FAILED,
                       _("The file could not be read or written"));
  return FALSE;
}

static guint
line_of_offset (const char *contents,
                gsize       offset)
{
  guint line = 1;

  /* "\n", "\r\n" and a lone "\r" each end a line, as in the editor. */
  for (gsize i = 0; i < offset; i++)
    if (contents[i] == '\n' || (contents[i] == '\r' && contents[i + 1] != '\n'))
      line++;

  return line;
}

/**
 * spec_text_file_validate:
 *
 * Checks that @contents is text Specwright can edit without losing bytes:
 * no NUL bytes (a binary file) and valid UTF-8.
 */
gboolean
spec_text_file_validate (const char  *contents,
                         gsize        length,
                         GError     **error)
{
  const char *nul;
  const char *end = NULL;

  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (length == 0)
    return TRUE;

  if ((nul = memchr (contents, '\0', length)) != NULL)
    {
      g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_BINARY,
                   _("It contains NUL bytes (line %u): it looks like a binary file, not Markdown"),
                   line_of_offset (contents, nul - contents));
      return FALSE;
    }

  if (!g_utf8_validate (contents, length, &end))
    {
      g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_UTF8,
                   _("It is not valid UTF-8 text (invalid byte on line %u)"),
                   line_of_offset (contents, end - contents));
      return FALSE;
    }

  return TRUE;
}

/**
 * spec_text_file_check_lines:
 *
 * Refuses a text with a line longer than %SPEC_TEXT_FILE_MAX_LINE, for
 * the editor's sake; what only reads the text (specwright-check) needs no
 * such limit.
 */
gboolean
spec_text_file_check_lines (const char  *contents,
                            gsize        length,
                            GError     **error)
{
  guint line = 0;
  gsize long_line;

  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  long_line = spec_text_find_long_line (contents, length, SPEC_TEXT_FILE_MAX_LINE, &line);
  if (long_line > 0)
    {
      g_autofree char *size_str = g_format_size (long_line);
      g_autofree char *max_str = g_format_size (SPEC_TEXT_FILE_MAX_LINE);

      /* Translators: "Line 3 is 10.5 MB long: Specwright opens files
       * whose lines are at most 131.1 kB" */
      g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_LINE_TOO_LONG,
                   _("Line %u is %s long: Specwright opens files whose lines are at most %s"),
                   line, size_str, max_str);
      return FALSE;
    }

  return TRUE;
}

/**
 * spec_text_file_load:
 *
 * Reads @file if it is a regular file of at most %SPEC_TEXT_FILE_MAX_SIZE
 * bytes holding valid UTF-8 text without NUL bytes.  Anything else is
 * refused with a %SPEC_TEXT_FILE_ERROR that says why.  Blocking: call it
 * from a worker thread in the app.
 */
gboolean
spec_text_file_load (GFile         *file,
                     char         **contents,
                     gsize         *length,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize data_len = 0;
  GFileType type;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    return set_error_from_gio (error, local_error);

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    return set_error_from_errno (error, EISDIR, NULL);

  /* GIO describes a dangling link by the link itself. */
  if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_FOUND,
                           _("It is a link to a file that does not exist"));
      return FALSE;
    }

  /* FIFOs and devices would block or never end: refuse before reading. */
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_REGULAR,
                           _("It is not a regular file"));
      return FALSE;
    }

  size = g_file_info_get_size (info);
  if (size > SPEC_TEXT_FILE_MAX_SIZE)
    {
      g_autofree char *size_str = g_format_size (size);
      g_autofree char *max_str = g_format_size (SPEC_TEXT_FILE_MAX_SIZE);

      g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_TOO_LARGE,
                   _("It is too large (%s): Specwright opens files of up to %s"),
                   size_str, max_str);
      return FALSE;
    }

  if (!g_file_load_contents (file, cancellable, &data, &data_len, NULL, &local_error))
    return set_error_from_gio (error, local_error);

  /* The file may have grown between the query and the read. */
  if ((goffset) data_len > SPEC_TEXT_FILE_MAX_SIZE)
    {
      g_autofree char *max_str = g_format_size (SPEC_TEXT_FILE_MAX_SIZE);

      g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_TOO_LARGE,
                   _("It is too large: Specwright opens files of up to %s"), max_str);
      return FALSE;
    }

  if (!spec_text_file_validate (data, data_len, error))
    return FALSE;

  *contents = g_steal_pointer (&data);
  if (length != NULL)
    *length = data_len;

  return TRUE;
}

/* Permission bits, not access(2), decide what is read-only: the tests and
 * CI run as root, for whom access() allows everything, and a user expects
 * a file marked read-only to stay as it is whoever saves it. */
static gboolean
is_read_only (const char        *path,
              const struct stat *st)
{
  if ((st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return TRUE;

  return access (path, W_OK) != 0 && errno != ENOENT;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }

      data += n;
      length -= n;
    }

  return TRUE;
}

/* Where a save to @path must write: the target of a symbolic link, even
 * a dangling one (saving creates it, as GIO's own replace does). */
static char *
resolve_target (const char *path)
{
  char *resolved = realpath (path, NULL);
  g_autofree char *link = NULL;
  g_autofree char *folder = NULL;

  if (resolved != NULL)
    return resolved;

  if (!(link = g_file_read_link (path, NULL)))
    return g_strdup (path);

  if (g_path_is_absolute (link))
    return g_steal_pointer (&link);

  folder = g_path_get_dirname (path);

  return g_build_filename (folder, link, NULL);
}

/* What the temporary of a save to @basename is called, but for the six
 * random characters: hidden, and marked as Specwright's, so that no file
 * of the user's is ever taken for one.  The name is cut so that a file
 * whose own name is near NAME_MAX can still be saved. */
static char *
dup_temporary_prefix (const char *basename)
{
  return g_strdup_printf (".%.64s.specwright-", basename);
}

/* A save killed before its rename (a crash, SIGKILL, a power cut) leaves
 * its temporary behind: hidden, but a whole copy of the text, shown by
 * `ls -a` and `git status`, one more after each crash.  The next save of
 * the same file removes them, but never one that a save at work is
 * writing: each save holds an flock() on its temporary until it closes
 * it, and the kernel drops the locks of a process that dies.  Where
 * flock() is not supported nothing is removed. */
static void
remove_stale_temporaries (const char *folder,
                          const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gsize prefix_len = strlen (prefix);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *tmp_path = NULL;
      struct stat tmp_st;
      int fd;

      if (strlen (name) != prefix_len + 6 || strncmp (name, prefix, prefix_len) != 0)
        continue;

      tmp_path = g_build_filename (folder, name, NULL);
      fd = open (tmp_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;

      if (fstat (fd, &tmp_st) == 0 && S_ISREG (tmp_st.st_mode) &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing the temporary of an interrupted save: %s", tmp_path);
          g_unlink (tmp_path);
        }
      close (fd);
    }
}

static char *
dup_path_etag (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return spec_text_file_dup_etag (file);
}

/* Another program wrote @path since it was read or written (@expected):
 * nothing is written over that.  A file gone is written again. */
static gboolean
check_unchanged (const char  *path,
                 const char  *expected,
                 GError     **error)
{
  g_autofree char *etag = NULL;

  if (expected == NULL || (etag = dup_path_etag (path)) == NULL || strcmp (etag, expected) == 0)
    return TRUE;

  g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_CHANGED,
                       _("Another program changed the file"));
  return FALSE;
}

static gboolean
save_local (const char   *requested_path,
            const char   *contents,
            gsize         length,
            const char   *expected_etag,
            char        **new_etag,
            GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_prefix = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat st;
  struct stat folder_st;
  gboolean exists;
  int saved_errno = 0;
  int fd;
  int dir_fd;

  /* Save through a symbolic link into its target, so the link survives. */
  path = resolve_target (requested_path);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    return set_error_from_errno (error, EISDIR, NULL);
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_REGULAR,
                           _("It is not a regular file"));
      return FALSE;
    }
  if (exists && is_read_only (path, &st))
    {
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY,
                           _("The file is read-only"));
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);

  if (g_stat (folder, &folder_st) != 0)
    return set_error_from_errno (error, errno, folder);
  if (is_read_only (folder, &folder_st))
    {
      g_set_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY,
                   _("The folder “%s” is read-only"), folder);
      return FALSE;
    }

  /* Before writing: what an interrupted save left takes space too. */
  tmp_prefix = dup_temporary_prefix (basename);
  remove_stale_temporaries (folder, tmp_prefix);

  /* Write a hidden temporary beside the file and rename it over the
   * original: at every moment the file on disk is the old or the new text. */
  tmp_path = g_strdup_printf ("%s/%sXXXXXX", folder, tmp_prefix);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, exists ? (st.st_mode & 07777) : 0666);
  if (fd < 0)
    return set_error_from_errno (error, errno, folder);

  /* Held until close(): the mark of a save at work. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", tmp_path, g_strerror (errno));

  if (!write_all (fd, contents, length, &saved_errno) ||
      fsync (fd) != 0 ||
      (exists && fchmod (fd, st.st_mode & 07777) != 0))
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (fd);
      g_unlink (tmp_path);
      return set_error_from_errno (error, saved_errno, NULL);
    }

  /* Keep the owner when we are allowed to (root saving a user's file). */
  if (exists && fchown (fd, st.st_uid, st.st_gid) != 0)
    g_debug ("Could not keep the owner of %s: %s", path, g_strerror (errno));

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_error_from_errno (error, saved_errno, NULL);
    }

  /* Looked at as late as can be: the check the caller made before
   * asking for the save is a while ago, on another thread. */
  if (!check_unchanged (path, expected_etag, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* What the file will be, taken from the temporary (a rename keeps its
   * time): another program writing just after the rename is then seen
   * as a change, not taken for this save. */
  if (new_etag != NULL)
    *new_etag = dup_path_etag (tmp_path);

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      if (new_etag != NULL)
        g_clear_pointer (new_etag, g_free);
      return set_error_from_errno (error, saved_errno, NULL);
    }

  /* Make the rename itself durable. */
  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

/* In a Flatpak, files come through the document portal: its folder
 * holds the granted file and nothing else, so the text goes into that
 * file itself.  Space for the new text is reserved first, so that a full
 * disk is found before a byte of the original is overwritten. */
static gboolean
save_in_place (const char   *path,
               const char   *contents,
               gsize         length,
               const char   *expected_etag,
               char        **new_etag,
               GError      **error)
{
  struct stat st;
  int saved_errno = 0;
  int fd;

  if (!check_unchanged (path, expected_etag, error))
    return FALSE;

  if (g_stat (path, &st) == 0 && is_read_only (path, &st))
    {
      g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY,
                           _("The file is read-only"));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_error_from_errno (error, errno, NULL);

  if (length > 0 && (saved_errno = posix_fallocate (fd, 0, (off_t) length)) != 0 &&
      saved_errno != EOPNOTSUPP && saved_errno != EINVAL)
    {
      close (fd);
      return set_error_from_errno (error, saved_errno, NULL);
    }
  saved_errno = 0;

  if (!write_all (fd, contents, length, &saved_errno) ||
      ftruncate (fd, (off_t) length) != 0 ||
      fsync (fd) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (fd);
      return set_error_from_errno (error, saved_errno, NULL);
    }

  if (close (fd) != 0)
    return set_error_from_errno (error, errno, NULL);

  if (new_etag != NULL)
    *new_etag = dup_path_etag (path);

  return TRUE;
}

/**
 * spec_text_file_is_portal_path:
 *
 * Whether @path is a file the document portal granted (under
 * $XDG_RUNTIME_DIR/doc/ outside a sandbox, /run/flatpak/doc/ in one).
 */
gboolean
spec_text_file_is_portal_path (const char *path)
{
  g_autofree char *user_doc = g_build_filename (g_get_user_runtime_dir (), "doc", "", NULL);

  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_has_prefix (path, user_doc) || g_str_has_prefix (path, "/run/flatpak/doc/");
}

/**
 * spec_text_file_save_in_place:
 *
 * Writes @contents into @file itself, creating no other file beside it
 * (see spec_text_file_save(), which does this for the portal's files).
 */
gboolean
spec_text_file_save_in_place (GFile         *file,
                              const char    *contents,
                              gsize          length,
                              GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("It is not a local file"));
      return FALSE;
    }

  return save_in_place (path, contents ? contents : "", length, NULL, NULL, error);
}

/**
 * spec_text_file_dup_etag:
 *
 * Returns: (nullable): what the file is now, to compare with what it was
 *   when read or written ("sec:usec" of its change time for a local
 *   file), or %NULL when it is gone
 */
char *
spec_text_file_dup_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL)))
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

/**
 * spec_text_file_save:
 *
 * Replaces @file with @contents atomically: a temporary in the same folder
 * is written, flushed, given the original's permissions and renamed over
 * the original.  A file granted by the document portal is written in
 * place instead: no other file is made beside it.  A read-only file or
 * folder is refused before anything is written.  Blocking: call it from a
 * worker thread in the app.
 */
gboolean
spec_text_file_save (GFile         *file,
                     const char    *contents,
                     gsize          length,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return spec_text_file_replace (file, contents, length, NULL, NULL, cancellable, error);
}

/**
 * spec_text_file_replace:
 * @expected_etag: (nullable): what the file was when last read or
 *   written (spec_text_file_dup_etag()), or %NULL to write whatever it is
 * @new_etag: (out) (optional): what the file is once written
 *
 * Like spec_text_file_save(), but refuses with
 * %SPEC_TEXT_FILE_ERROR_CHANGED, writing nothing, when another program
 * changed the file since @expected_etag; the file is looked at just
 * before the new text replaces it.  A file gone meanwhile is written.
 * @new_etag is the written file's own, even when another program writes
 * the file again at once.
 */
gboolean
spec_text_file_replace (GFile         *file,
                        const char    *contents,
                        gsize          length,
                        const char    *expected_etag,
                        char         **new_etag,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (new_etag == NULL || *new_etag == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL && spec_text_file_is_portal_path (path))
    return save_in_place (path, contents ? contents : "", length, expected_etag, new_etag, error);
  if (path != NULL)
    return save_local (path, contents ? contents : "", length, expected_etag, new_etag, error);

  /* Not a local file (a GVfs mount): GIO's own replace is atomic there,
   * and checks the etag itself. */
  if (!g_file_replace_contents (file, contents ? contents : "", length, expected_etag, FALSE,
                                G_FILE_CREATE_NONE, new_etag, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          g_set_error_literal (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_CHANGED,
                               _("Another program changed the file"));
          return FALSE;
        }
      return set_error_from_gio (error, local_error);
    }

  return TRUE;
}

/**
 * spec_text_file_dup_display_name:
 *
 * The name to show for @file: its display name (for a file granted through
 * the document portal, the real name rather than a /run/user/… path), or
 * its base name when that cannot be read.
 */
char *
spec_text_file_dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}
