/* fuzz-replay.c: runs the fuzz targets' inputs without libFuzzer
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked instead of libFuzzer in the normal build, so that every target
 * runs in the test suite (under any compiler) on the seeds, the corpus
 * and each input that once crashed it: a TAP test per folder.
 */

#include "fuzz-common.h"

#include <string.h>

#include <gio/gio.h>

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_autofree uint8_t *exact = NULL;

  g_test_message ("%s", path);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  /* Exactly @length bytes, without the NUL g_file_get_contents() adds, as
   * libFuzzer gives them: so that AddressSanitizer sees a read past the
   * end, as it did when the input was found. */
  exact = g_malloc (MAX (length, 1));
  memcpy (exact, contents, length);
  /* A failed check aborts: the test fails with the check's message. */
  g_assert_cmpint (LLVMFuzzerTestOneInput (exact, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* A folder's files, or one file. */
static void
replay_path (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* The same order on every machine. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        replay_file (child);
    }
  g_test_message ("%u inputs", names->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  /* One test for each folder or file named, its last part the name. */
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      char *test_path = g_strdup_printf ("/fuzz-replay/%d-%s", i, base);

      g_ptr_array_add (keep, test_path);
      g_test_add_data_func (test_path, argv[i], replay_path);
    }

  return g_test_run ();
}
