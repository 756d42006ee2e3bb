/* spec-test-files.c: the seeds and temporary folders, for every test
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, so that the core tests, which have no display, share them
 * with the UI tests.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spec-test-files.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The seed templates, sorted by name, or NULL without ../shared. */
char **
spec_test_list_seeds (void)
{
  const char *dir = g_getenv ("SPEC_SEEDS_DIR");
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  const char *name;

  if (dir == NULL || !(gdir = g_dir_open (dir, 0, NULL)))
    return NULL;

  while ((name = g_dir_read_name (gdir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));

  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/* The seed whose name starts with @prefix ("002"), or NULL. */
char *
spec_test_seed_path (const char *prefix)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();

  for (guint i = 0; seeds && seeds[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (seeds[i]);

      if (g_str_has_prefix (base, prefix))
        return g_strdup (seeds[i]);
    }

  return NULL;
}

/* A temporary folder and all in it, whatever their permissions; a
 * symbolic link is removed, never followed. */
void
spec_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  if ((dir = g_dir_open (path, 0, NULL)))
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        spec_test_remove_tree (child);
      }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * spec_test_list_dir:
 *
 * The folder's entries, hidden ones too, sorted and joined with spaces:
 * what a test compares to see that no temporary or partial file stayed.
 */
char *
spec_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Lets the main loop run for @ms, so timeouts, idles, layout and drawing
 * happen: as long when the tests run slow, as it is no limit (a toast
 * would be gone after twenty times as long). */
void
spec_test_iterate (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}
