/* test-text-file.c: loading with validation, atomic saving
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "spec-test-files.h"
#include "spec-text-file.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("specwright-text-file-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->dir);
}

static void
remove_recursively (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have made it read-only. */
      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_recursively (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return path;
}

static void
assert_file_contents (const char *path,
                      const char *expected,
                      gsize       expected_len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, expected, expected_len);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

/* The message gives the reason, never the file's name or path. */
static void
assert_reason_only (const GError *error,
                    const char   *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, path));
  g_assert_null (strstr (error->message, basename));
}

static void
assert_load_refused (const char *path,
                     int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = (char *) "untouched";
  gsize len = 12345;

  g_assert_false (spec_text_file_load (file, &contents, &len, NULL, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, code);
  assert_reason_only (error, path);
  /* The outputs are left alone on failure. */
  g_assert_cmpstr (contents, ==, "untouched");
  g_assert_cmpuint (len, ==, 12345);
}

static void
assert_load_ok (const char *path,
                const char *expected,
                gsize       expected_len)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (spec_text_file_load (file, &contents, &len, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (contents);
  g_assert_cmpmem (contents, len, expected, expected_len);
}

static gboolean
save (const char  *path,
      const char  *contents,
      gsize        len,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return spec_text_file_save (file, contents, len, NULL, error);
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */
/* ------------------------------------------------------------------ */

static const char bom_crlf[] = "\xEF\xBB\xBF# Título\r\n\r\nA line\r\nlast, no line ending";

static void
test_load_ok (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "spec.md", bom_crlf, sizeof bom_crlf - 1);
  g_autofree char *empty = write_file (fixture, "empty.md", "", 0);
  g_autofree char *cr = write_file (fixture, "cr.md", "a\rb\r", -1);

  assert_load_ok (path, bom_crlf, sizeof bom_crlf - 1);
  assert_load_ok (empty, "", 0);
  assert_load_ok (cr, "a\rb\r", 4);

  /* The length is optional. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (spec_text_file_load (file, &contents, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, bom_crlf);
  }
}

static void
test_load_size_limit (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *big = g_build_filename (fixture->dir, "big.md", NULL);
  g_autofree char *limit = g_build_filename (fixture->dir, "limit.md", NULL);
  int fd;

  /* Sparse files: no need to write 64 MiB. */
  fd = g_open (big, O_WRONLY | O_CREAT | O_EXCL, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SPEC_TEXT_FILE_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  assert_load_refused (big, SPEC_TEXT_FILE_ERROR_TOO_LARGE);

  /* Exactly the limit is not too large: it is read, and refused for its
   * NUL bytes instead. */
  fd = g_open (limit, O_WRONLY | O_CREAT | O_EXCL, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SPEC_TEXT_FILE_MAX_SIZE), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  assert_load_refused (limit, SPEC_TEXT_FILE_ERROR_BINARY);
}

static void
test_load_missing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.md", NULL);

  assert_load_refused (missing, SPEC_TEXT_FILE_ERROR_NOT_FOUND);
}

/* A link to a file that is gone: the file does not exist, and calling it
 * "not a regular file" would send the user looking for a folder or a
 * device. */
static void
test_load_dangling_symlink (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.md", NULL);

  g_assert_cmpint (symlink ("nowhere.md", dangling), ==, 0);
  assert_load_refused (dangling, SPEC_TEXT_FILE_ERROR_NOT_FOUND);
}

/* A path through a regular file (ENOTDIR) does not exist either, and the
 * message must not fall back to GIO's, which names the path. */
static void
test_load_not_a_directory (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *file = write_file (fixture, "plain.md", "text\n", -1);
  g_autofree char *below = g_build_filename (file, "child.md", NULL);

  assert_load_refused (below, SPEC_TEXT_FILE_ERROR_NOT_FOUND);
}

/* Whatever the reason, GIO's own message, which names the path, does not
 * come through. */
static void
test_load_symlink_loop (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *a = g_build_filename (fixture->dir, "a.md", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (symlink ("b.md", a), ==, 0);
  g_assert_cmpint (symlink ("a.md", b), ==, 0);

  g_assert_false (spec_text_file_load (file, &contents, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SPEC_TEXT_FILE_ERROR);
  assert_reason_only (error, a);
}

static void
test_load_directory (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "folder.md", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  assert_load_refused (dir, SPEC_TEXT_FILE_ERROR_NOT_REGULAR);
}

typedef struct
{
  GMutex    mutex;
  GCond     cond;
  char     *path;
  gboolean  done;
  gboolean  loaded;
  GError   *error;
} FifoLoad;

static gpointer
fifo_load_thread (gpointer data)
{
  FifoLoad *load = data;
  g_autoptr(GFile) file = g_file_new_for_path (load->path);
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gboolean loaded;

  loaded = spec_text_file_load (file, &contents, NULL, NULL, &error);

  g_mutex_lock (&load->mutex);
  load->loaded = loaded;
  load->error = error;
  load->done = TRUE;
  g_cond_signal (&load->cond);
  g_mutex_unlock (&load->mutex);

  return NULL;
}

static void
test_load_fifo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe.md", NULL);
  FifoLoad load = { .path = path };
  GThread *thread;
  gint64 deadline;
  gboolean done;

  g_assert_cmpint (mkfifo (path, 0644), ==, 0);

  g_mutex_init (&load.mutex);
  g_cond_init (&load.cond);

  /* Load on a thread: if it opens the FIFO it blocks waiting for a writer,
   * and the test must say so rather than hang. */
  thread = g_thread_new ("fifo-load", fifo_load_thread, &load);

  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  g_mutex_lock (&load.mutex);
  while (!load.done)
    if (!g_cond_wait_until (&load.cond, &load.mutex, deadline))
      break;
  done = load.done;
  g_mutex_unlock (&load.mutex);

  if (!done)
    {
      /* Unblock the reader with a writer that closes at once. */
      int fd = open (path, O_WRONLY | O_NONBLOCK);

      if (fd >= 0)
        close (fd);
      g_test_fail_printf ("loading a FIFO blocked for 5 seconds");
    }

  g_thread_join (thread);

  g_assert_false (load.loaded);
  g_assert_error (load.error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_REGULAR);
  assert_reason_only (load.error, path);

  g_clear_error (&load.error);
  g_mutex_clear (&load.mutex);
  g_cond_clear (&load.cond);
}

static void
test_load_binary (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char nul[] = "# Title\nsome\0bytes\n";
  g_autofree char *path = write_file (fixture, "binary.md", nul, sizeof nul - 1);
  g_autofree char *leading = write_file (fixture, "leading.md", "\0abc", 4);

  assert_load_refused (path, SPEC_TEXT_FILE_ERROR_BINARY);
  assert_load_refused (leading, SPEC_TEXT_FILE_ERROR_BINARY);
}

static void
test_load_not_utf8 (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char * const texts[] = {
    "# Caf\xE9\n",              /* Latin-1 */
    "abc\xFF\n",                /* never valid */
    "overlong \xC0\xAF\n",      /* overlong "/" */
    "surrogate \xED\xA0\x80\n", /* UTF-16 surrogate */
    "cut \xE6\x97",             /* truncated at the end */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("latin-%u.md", i);
      g_autofree char *path = write_file (fixture, name, texts[i], -1);

      g_test_message ("text %u", i);
      assert_load_refused (path, SPEC_TEXT_FILE_ERROR_NOT_UTF8);
    }
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (spec_text_file_validate ("", 0, &error));
  g_assert_no_error (error);
  g_assert_true (spec_text_file_validate (NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (spec_text_file_validate ("ok ✓\r\n", 7, &error));
  g_assert_no_error (error);

  /* A NUL byte is binary even inside the given length only. */
  g_assert_true (spec_text_file_validate ("ab\0cd", 2, &error));
  g_assert_no_error (error);
  g_assert_false (spec_text_file_validate ("ab\0cd", 5, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_BINARY);
  g_clear_error (&error);

  g_assert_false (spec_text_file_validate ("a\xC3", 2, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_UTF8);
  g_clear_error (&error);
}

/* ------------------------------------------------------------------ */
/* Saving                                                             */
/* ------------------------------------------------------------------ */

static void
test_save_new (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.md", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.md", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save (path, "# New\n", 6, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "# New\n", 6);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (save (empty, NULL, 0, &error));
  g_assert_no_error (error);
  assert_file_contents (empty, "", 0);

  /* No temporary left behind. */
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "empty.md new.md");
}

static void
test_save_overwrite_keeps_mode (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const guint modes[] = { 0640, 0600, 0755, 0664 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("mode-%o.md", modes[i]);
      g_autofree char *path = write_file (fixture, name, "old text, longer than the new one\n", -1);
      g_autofree char *listing = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("mode %o", modes[i]);
      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);

      g_assert_true (save (path, "new\n", 4, &error));
      g_assert_no_error (error);
      assert_file_contents (path, "new\n", 4);
      g_assert_cmpuint (file_mode (path), ==, modes[i]);

      listing = spec_test_list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, name);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* Saving as root keeps the owner of someone else's file. */
static void
test_save_keeps_owner (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "owned.md", "old\n", -1);
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("changing a file's owner needs root");
      return;
    }

  g_assert_cmpint (chown (path, 4242, 4343), ==, 0);

  g_assert_true (save (path, "new\n", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 4242);
  g_assert_cmpuint (st.st_gid, ==, 4343);
}

static void
test_save_read_only_file (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "locked.md", "keep me\n", -1);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_assert_false (save (path, "changed\n", 8, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY);
  assert_reason_only (error, path);

  assert_file_contents (path, "keep me\n", 8);
  g_assert_cmpuint (file_mode (path), ==, 0444);
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "locked.md");
}

static void
test_save_read_only_folder (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (folder, "new.md", NULL);
  g_autofree char *existing = g_build_filename (folder, "existing.md", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_file_set_contents (existing, "keep me\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  /* A new file. */
  g_assert_false (save (path, "text\n", 5, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY);
  assert_reason_only (error, path);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A writable file in it: the temporary cannot be made beside it. */
  g_assert_false (save (existing, "changed\n", 8, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY);
  assert_reason_only (error, existing);
  assert_file_contents (existing, "keep me\n", 8);

  listing = spec_test_list_dir (folder);
  g_assert_cmpstr (listing, ==, "existing.md");
}

static void
test_save_missing_folder (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *path = g_build_filename (folder, "new.md", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (save (path, "text\n", 5, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_FOUND);
  assert_reason_only (error, path);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_save_not_regular (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "folder.md", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.md", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  g_assert_false (save (dir, "text\n", 5, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_REGULAR);
  assert_reason_only (error, dir);
  g_clear_error (&error);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_assert_false (save (fifo, "text\n", 5, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NOT_REGULAR);
  assert_reason_only (error, fifo);

  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "folder.md pipe.md");
}

static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *target_dir = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *target = g_build_filename (target_dir, "target.md", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.md", NULL);
  g_autofree char *link_value = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *target_listing = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (target_dir, 0755), ==, 0);
  g_file_set_contents (target, "old\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("real/target.md", link), ==, 0);

  g_assert_true (save (link, "new through the link\n", 21, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_value = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_value, ==, "real/target.md");

  assert_file_contents (target, "new through the link\n", 21);
  g_assert_cmpuint (file_mode (target), ==, 0600);

  /* The temporary went beside the target, and is gone. */
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "link.md real");
  target_listing = spec_test_list_dir (target_dir);
  g_assert_cmpstr (target_listing, ==, "target.md");
}

/* A link whose target is gone: saving creates the target, as GIO's
 * g_file_replace () does, and the link stays a link. */
static void
test_save_through_dangling_symlink (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "target.md", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.md", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (symlink ("target.md", link), ==, 0);

  g_assert_true (save (link, "new\n", 4, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_file_contents (target, "new\n", 4);

  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "link.md target.md");
}

static void
test_save_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char text[] =
    "\xEF\xBB\xBF# Título ✓\r\n"
    "\r\n"
    "crlf line\r\n"
    "lf line\n"
    "cr line\r"
    "\r"
    "trailing spaces   \t\n"
    "no final line ending";
  g_autofree char *path = g_build_filename (fixture->dir, "round-trip.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  gsize loaded_len = 0;

  g_assert_true (spec_text_file_save (file, text, sizeof text - 1, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, text, sizeof text - 1);

  g_assert_true (spec_text_file_load (file, &loaded, &loaded_len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (loaded, loaded_len, text, sizeof text - 1);

  /* Saving what was loaded changes nothing. */
  g_assert_true (spec_text_file_save (file, loaded, loaded_len, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, text, sizeof text - 1);
}

/* A file whose name is as long as the system allows can be saved: the
 * temporary's name must not be longer than the file's. */
static void
test_save_long_name (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *stem = g_strnfill (250, 'n');
  g_autofree char *name = g_strconcat (stem, ".md", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* Not g_file_set_contents (): it writes through a longer name itself. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "old\n", 4), ==, 4);
  g_assert_cmpint (close (fd), ==, 0);

  g_assert_true (save (path, "new\n", 4, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "new\n", 4);
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, name);
}

static void
test_save_cancelled (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "spec.md", "old\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (spec_text_file_save (file, "new\n", 4, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_contents (path, "old\n", 4);
}

/* Another program writes the file: one second later, so that its time
 * differs whatever the file system's resolution. */
static void
write_outside (const char *path,
               const char *text)
{
  struct stat st;
  struct utimbuf times;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  times.actime = st.st_atime + 1;
  times.modtime = st.st_mtime + 1;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A save over the file as it was read refuses another program's change,
 * leaving it and nothing else; the etag given back is the written
 * file's, whatever comes after. */
static void
test_replace_checks_etag (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "spec.md", "old\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *read_etag = spec_text_file_dup_etag (file);
  g_autofree char *written_etag = NULL;
  g_autofree char *now_etag = NULL;
  g_autofree char *listing = NULL;

  g_assert_nonnull (read_etag);

  /* As it was: written, and the etag given back is the file's now. */
  g_assert_true (spec_text_file_replace (file, "mine\n", 5, read_etag, &written_etag, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "mine\n", 5);
  now_etag = spec_text_file_dup_etag (file);
  g_assert_cmpstr (written_etag, ==, now_etag);

  /* Changed since: refused, theirs kept, no temporary left. */
  write_outside (path, "theirs\n");
  g_assert_false (spec_text_file_replace (file, "mine again\n", 11, written_etag, NULL, NULL, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_CHANGED);
  g_clear_error (&error);
  assert_file_contents (path, "theirs\n", 7);
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "spec.md");

  /* Written as they left it, the etag it was given tells their next
   * change from this save. */
  g_clear_pointer (&now_etag, g_free);
  now_etag = spec_text_file_dup_etag (file);
  g_clear_pointer (&written_etag, g_free);
  g_assert_true (spec_text_file_replace (file, "merged\n", 7, now_etag, &written_etag, NULL, &error));
  g_assert_no_error (error);
  write_outside (path, "theirs later\n");
  g_clear_pointer (&now_etag, g_free);
  now_etag = spec_text_file_dup_etag (file);
  g_assert_cmpstr (written_etag, !=, now_etag);

  /* Gone meanwhile: written again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (spec_text_file_replace (file, "back\n", 5, written_etag, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "back\n", 5);

  /* Without an etag, whatever is there is replaced. */
  write_outside (path, "theirs\n");
  g_assert_true (spec_text_file_replace (file, "mine\n", 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "mine\n", 5);
}

/* Saving one way or the other, for the tests that try both. */
typedef enum
{
  SAVE_ATOMIC,
  SAVE_IN_PLACE,
} SaveWay;

static gboolean
save_way (SaveWay      way,
          const char  *path,
          const char  *contents,
          gsize        len,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (way == SAVE_IN_PLACE)
    return spec_text_file_save_in_place (file, contents, len, error);

  return spec_text_file_save (file, contents, len, NULL, error);
}

/* A text of @len bytes, every line naming @version. */
static char *
make_text (char  version,
           gsize len)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (text->len < len)
    g_string_append_printf (text, "- requirement %u of version %c\n", (guint) text->len, version);
  g_string_truncate (text, len);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Saves in a child process that may not write past @limit bytes into
 * any file (RLIMIT_FSIZE), as a disk that cannot hold a larger file.
 * SIGXFSZ is ignored there, so write() fails with EFBIG instead of the
 * child being killed.  Returns FALSE with @reason set if the limit could
 * not be set. */
static gboolean
save_with_size_limit (SaveWay      way,
                      const char  *path,
                      const char  *contents,
                      gsize        len,
                      rlim_t       limit,
                      gboolean    *saved,
                      GError     **error,
                      char       **reason)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_auto(GStrv) fields = NULL;
  char buffer[512];
  gssize n;
  int fds[2];
  int status = 0;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit rl = { limit, limit };
      g_autoptr(GError) child_error = NULL;
      g_autofree char *line = NULL;
      gboolean ok;

      close (fds[0]);
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
        {
          line = g_strdup_printf ("limit\n%s", g_strerror (errno));
          ok = write (fds[1], line, strlen (line)) >= 0;
          _exit (ok ? 0 : 1);
        }

      ok = save_way (way, path, contents, len, &child_error);
      line = g_strdup_printf ("%s\n%s\n%d\n%s", ok ? "saved" : "failed",
                              child_error ? g_quark_to_string (child_error->domain) : "",
                              child_error ? child_error->code : 0,
                              child_error ? child_error->message : "");
      ok = write (fds[1], line, strlen (line)) == (gssize) strlen (line);
      _exit (ok ? 0 : 1);
    }

  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (report, buffer, n);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  fields = g_strsplit (report->str, "\n", 4);
  if (g_strcmp0 (fields[0], "limit") == 0)
    {
      *reason = g_strdup_printf ("setrlimit (RLIMIT_FSIZE) failed: %s", fields[1]);
      return FALSE;
    }

  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  *saved = g_strcmp0 (fields[0], "saved") == 0;
  if (!*saved)
    g_set_error_literal (error, g_quark_from_string (fields[1]),
                         (int) g_ascii_strtoll (fields[2], NULL, 10), fields[3]);

  return TRUE;
}

/* A tmpfs of @size bytes in the fixture's folder; NULL with @reason set
 * when it cannot be made (not root, or no mount in this sandbox). */
static char *
mount_small_disk (Fixture     *fixture,
                  const char  *size,
                  char       **reason)
{
  g_autofree char *mount_point = g_build_filename (fixture->dir, "small-disk", NULL);
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  if (geteuid () != 0)
    {
      *reason = g_strdup ("mounting a tmpfs needs root");
      return NULL;
    }

  g_assert_cmpint (g_mkdir (mount_point, 0755), ==, 0);
  if (mount ("tmpfs", mount_point, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, options) != 0)
    {
      *reason = g_strdup_printf ("mounting a tmpfs failed: %s", g_strerror (errno));
      g_rmdir (mount_point);
      return NULL;
    }

  return g_steal_pointer (&mount_point);
}

/* The text that does not fit, the text on disk before, and one that fits
 * beside it: 320 KiB, 96 KiB and 64 KiB.  On a disk of 256 KiB the
 * atomic save needs room for the old text and the new one, the save in
 * place for the new one; neither has it.  The one that fits only fits if
 * the failed save freed what it wrote. */
#define LARGE_LEN (320 * 1024)
#define ORIGINAL_LEN (96 * 1024)
#define FITS_LEN (64 * 1024)
#define SMALL_DISK_SIZE "256k"
/* A limit on the file size, when no tmpfs can be had. */
#define SIZE_LIMIT (128 * 1024)

/* A full disk, or one whose largest file is smaller than the text: the
 * save fails with NO_SPACE, the file on disk is the old text byte for
 * byte, and nothing is left beside it. */
static void
check_save_does_not_fit (SaveWay     way,
                         const char *disk,
                         gboolean    size_limit)
{
  g_autofree char *path = g_build_filename (disk, "spec.md", NULL);
  g_autofree char *large = make_text ('L', LARGE_LEN);
  g_autofree char *original = make_text ('O', ORIGINAL_LEN);
  g_autofree char *fits = make_text ('F', FITS_LEN);
  g_autofree char *listing = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = TRUE;

  g_file_set_contents (path, original, ORIGINAL_LEN, &error);
  g_assert_no_error (error);

  if (size_limit)
    {
      if (!save_with_size_limit (way, path, large, LARGE_LEN, SIZE_LIMIT, &saved, &error, &reason))
        {
          g_test_skip (reason);
          return;
        }
    }
  else
    {
      saved = save_way (way, path, large, LARGE_LEN, &error);
    }

  g_assert_false (saved);
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_NO_SPACE);
  if (error != NULL)
    {
      g_test_message ("the error: %s", error->message);
      assert_reason_only (error, path);
    }
  g_clear_error (&error);

  assert_file_contents (path, original, ORIGINAL_LEN);
  listing = spec_test_list_dir (disk);
  g_assert_cmpstr (listing, ==, "spec.md");

  /* Nothing of the failed save still takes space. */
  if (size_limit)
    g_assert_true (save_with_size_limit (way, path, fits, FITS_LEN, SIZE_LIMIT, &saved, &error, &reason));
  else
    saved = save_way (way, path, fits, FITS_LEN, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  assert_file_contents (path, fits, FITS_LEN);
  g_clear_pointer (&listing, g_free);
  listing = spec_test_list_dir (disk);
  g_assert_cmpstr (listing, ==, "spec.md");
}

/* A full disk: a small tmpfs as root (as here and in CI), or else a
 * limit on the file size, which fails the same way (with EFBIG). */
static void
test_save_disk_full (Fixture       *fixture,
                     gconstpointer  user_data)
{
  SaveWay way = GPOINTER_TO_INT (user_data);
  g_autofree char *reason = NULL;
  g_autofree char *disk = mount_small_disk (fixture, SMALL_DISK_SIZE, &reason);

  if (disk == NULL)
    {
      g_test_message ("%s: a limit on the file size stands in for the full disk", reason);
      check_save_does_not_fit (way, fixture->dir, TRUE);
      return;
    }

  check_save_does_not_fit (way, disk, FALSE);

  g_assert_cmpint (umount (disk), ==, 0);
}

/* A file larger than the disk can hold (4 GB on FAT32; here a limit on
 * the process): EFBIG, told as a lack of room too. */
static void
test_save_file_size_limit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  check_save_does_not_fit (GPOINTER_TO_INT (user_data), fixture->dir, TRUE);
}

/* A save killed before its rename leaves a hidden temporary: the next
 * save of the same file removes it, and nothing else. */
static void
test_save_removes_stale_temporaries (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "spec.md", "old\n", -1);
  g_autofree char *stale = write_file (fixture, ".spec.md.specwright-Ab12Cd", "half a te", -1);
  g_autofree char *busy = write_file (fixture, ".spec.md.specwright-Zz99Yy", "being written", -1);
  g_autofree char *backup = write_file (fixture, ".spec.md.backup", "the user's\n", -1);
  g_autofree char *longer = write_file (fixture, ".spec.md.specwright-Ab12Cd7", "not ours\n", -1);
  g_autofree char *other = write_file (fixture, ".other.md.specwright-Ab12Cd", "another's\n", -1);
  g_autofree char *important = write_file (fixture, "important.md", "keep\n", -1);
  g_autofree char *link = g_build_filename (fixture->dir, ".spec.md.specwright-Link01", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  int busy_fd;

  g_assert_cmpint (symlink ("important.md", link), ==, 0);

  /* A save at work holds a lock on its temporary. */
  busy_fd = open (busy, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  g_assert_true (save (path, "new\n", 4, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "new\n", 4);
  assert_file_contents (important, "keep\n", 5);

  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==,
                   ".other.md.specwright-Ab12Cd .spec.md.backup .spec.md.specwright-Ab12Cd7 "
                   ".spec.md.specwright-Link01 .spec.md.specwright-Zz99Yy important.md spec.md");

  /* Once that save is over, its temporary is stale too. */
  close (busy_fd);
  g_assert_true (save (path, "newer\n", 6, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listing, g_free);
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==,
                   ".other.md.specwright-Ab12Cd .spec.md.backup .spec.md.specwright-Ab12Cd7 "
                   ".spec.md.specwright-Link01 important.md spec.md");
}

/* The folder becomes read-only between two saves: the second is refused
 * and changes nothing; once writable again, saving works.  Root could
 * write anyway: the writer goes by the permission bits. */
static void
test_save_folder_made_read_only (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "shared", NULL);
  g_autofree char *path = g_build_filename (folder, "spec.md", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (save (path, "first\n", 6, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_false (save (path, "second\n", 7, &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_READ_ONLY);
  assert_reason_only (error, path);
  g_clear_error (&error);
  assert_file_contents (path, "first\n", 6);
  listing = spec_test_list_dir (folder);
  g_assert_cmpstr (listing, ==, "spec.md");

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_true (save (path, "third\n", 6, &error));
  g_assert_no_error (error);
  assert_file_contents (path, "third\n", 6);
  g_clear_pointer (&listing, g_free);
  listing = spec_test_list_dir (folder);
  g_assert_cmpstr (listing, ==, "spec.md");
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* A file the document portal granted is written into itself: the same
 * inode, nothing else made in its folder, a longer text and a shorter
 * one both exact; the portal's paths are told apart from others. */
static void
test_save_in_place (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-in-place-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spec.md", NULL);
  g_autofree char *portal = g_build_filename (g_get_user_runtime_dir (), "doc", "1a2b3c4d", "spec.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag_before = NULL;
  g_autofree char *etag_after = NULL;
  g_autofree char *read_back = NULL;
  static const char longer[] = "# Spec\n\nA much longer text than the one before it.\n";
  static const char shorter[] = "# S\n";
  struct stat before, after;

  g_assert_true (g_file_set_contents (path, "# Spec\n\nOld.\n", -1, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  etag_before = spec_text_file_dup_etag (file);
  g_assert_nonnull (etag_before);

  g_assert_true (spec_text_file_save_in_place (file, longer, strlen (longer), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, longer);
  g_clear_pointer (&read_back, g_free);

  g_assert_true (spec_text_file_save_in_place (file, shorter, strlen (shorter), &error));
  g_assert_true (g_file_get_contents (path, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, shorter);

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* What it is now is not what it was. */
  etag_after = spec_text_file_dup_etag (file);
  g_assert_cmpstr (etag_after, !=, etag_before);

  g_assert_true (spec_text_file_is_portal_path (portal));
  g_assert_true (spec_text_file_is_portal_path ("/run/flatpak/doc/1a2b3c4d/spec.md"));
  g_assert_false (spec_text_file_is_portal_path (path));
  g_assert_false (spec_text_file_is_portal_path ("/home/ada/spec.md"));

  /* A file gone has no etag. */
  g_unlink (path);
  g_assert_null (spec_text_file_dup_etag (file));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/text-file/load/ok", test_load_ok);
  ADD ("/text-file/load/size-limit", test_load_size_limit);
  ADD ("/text-file/load/missing", test_load_missing);
  ADD ("/text-file/load/dangling-symlink", test_load_dangling_symlink);
  ADD ("/text-file/load/not-a-directory", test_load_not_a_directory);
  ADD ("/text-file/load/symlink-loop", test_load_symlink_loop);
  ADD ("/text-file/load/directory", test_load_directory);
  ADD ("/text-file/load/fifo", test_load_fifo);
  ADD ("/text-file/load/binary", test_load_binary);
  ADD ("/text-file/load/not-utf8", test_load_not_utf8);
  g_test_add_func ("/text-file/validate", test_validate);
  g_test_add_func ("/text-file/save-in-place", test_save_in_place);
  ADD ("/text-file/save/new", test_save_new);
  ADD ("/text-file/save/overwrite-keeps-mode", test_save_overwrite_keeps_mode);
  ADD ("/text-file/save/keeps-owner", test_save_keeps_owner);
  ADD ("/text-file/save/read-only-file", test_save_read_only_file);
  ADD ("/text-file/save/read-only-folder", test_save_read_only_folder);
  ADD ("/text-file/save/missing-folder", test_save_missing_folder);
  ADD ("/text-file/save/not-regular", test_save_not_regular);
  ADD ("/text-file/save/through-symlink", test_save_through_symlink);
  ADD ("/text-file/save/through-dangling-symlink", test_save_through_dangling_symlink);
  ADD ("/text-file/save/round-trip", test_save_round_trip);
  ADD ("/text-file/save/long-name", test_save_long_name);
  ADD ("/text-file/save/cancelled", test_save_cancelled);
  ADD ("/text-file/replace/checks-etag", test_replace_checks_etag);
  g_test_add ("/text-file/save/disk-full", Fixture, GINT_TO_POINTER (SAVE_ATOMIC),
              fixture_set_up, test_save_disk_full, fixture_tear_down);
  g_test_add ("/text-file/save-in-place/disk-full", Fixture, GINT_TO_POINTER (SAVE_IN_PLACE),
              fixture_set_up, test_save_disk_full, fixture_tear_down);
  g_test_add ("/text-file/save/file-size-limit", Fixture, GINT_TO_POINTER (SAVE_ATOMIC),
              fixture_set_up, test_save_file_size_limit, fixture_tear_down);
  g_test_add ("/text-file/save-in-place/file-size-limit", Fixture, GINT_TO_POINTER (SAVE_IN_PLACE),
              fixture_set_up, test_save_file_size_limit, fixture_tear_down);
  ADD ("/text-file/save/removes-stale-temporaries", test_save_removes_stale_temporaries);
  ADD ("/text-file/save/folder-made-read-only", test_save_folder_made_read_only);

#undef ADD

  return g_test_run ();
}
