/* save-kill-child.c: saves two texts over one file in turn until killed
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: save-kill-child TARGET FIRST-FILE SECOND-FILE
 *
 * Reads both texts, writes "r" on stdout, then saves the first, the
 * second, the first… over TARGET with spec_text_file_save() as fast as
 * it can, writing "." after each save.  test-save-kill kills it with
 * SIGKILL at a random moment.
 */

#include "config.h"

#include <unistd.h>

#include "spec-text-file.h"

/* Never killed (the test died first): do not save forever. */
#define MAX_RUNTIME (60 * G_TIME_SPAN_SECOND)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0;
  gsize second_len = 0;
  gint64 deadline;

  if (argc != 4)
    {
      g_printerr ("usage: %s TARGET FIRST-FILE SECOND-FILE\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[2], &first, &first_len, &error) ||
      !g_file_get_contents (argv[3], &second, &second_len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  target = g_file_new_for_path (argv[1]);

  /* The parent starts its clock now, not while the texts were read. */
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 2;

  deadline = g_get_monotonic_time () + MAX_RUNTIME;
  for (guint i = 0; g_get_monotonic_time () < deadline; i++)
    {
      gboolean is_first = i % 2 == 0;

      if (!spec_text_file_save (target, is_first ? first : second,
                                is_first ? first_len : second_len, NULL, &error))
        {
          g_printerr ("save %u failed: %s\n", i, error->message);
          return 1;
        }

      if (write (STDOUT_FILENO, ".", 1) != 1)
        return 2;
    }

  return 3;
}
