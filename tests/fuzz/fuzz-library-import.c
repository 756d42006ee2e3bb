/* fuzz-library-import.c: importing one Markdown file into the library
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes in a file: the import either takes the text whole (the
 * library's body is the file, byte for byte, and the search index stays
 * consistent) or skips the file with a reason.  Nothing in between.
 */

#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <string.h>

#include "spec-library.h"
#include "spec-library-import.h"

static char        *dir;
static SpecLibrary *library;
static guint        n_runs;

static void
open_library (void)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&library);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  library = spec_library_open (path, NULL, &error);
  if (library == NULL)
    g_error ("library: %s", error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* In memory where there is a tmpfs: every import is a transaction. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    dir = g_mkdtemp (g_strdup ("/dev/shm/fuzz-import-XXXXXX"));
  else
    dir = g_dir_make_tmp ("fuzz-import-XXXXXX", NULL);
  open_library ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecImportSummary) summary = NULL;
  g_autofree char *path = g_build_filename (dir, "imported.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  gint64 id;

  /* A fresh library now and then, so that it does not grow without end. */
  if (++n_runs % 500 == 0)
    open_library ();

  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  summary = spec_library_import (library, file, TRUE, NULL, &error);
  FUZZ_CHECK (summary != NULL);
  FUZZ_CHECK (summary->n_imported + summary->skipped->len == 1);

  id = spec_library_find_file (library, uri);
  if (summary->n_imported == 1)
    {
      g_autoptr(SpecLibraryEntry) entry = NULL;

      FUZZ_CHECK (id > 0);
      entry = spec_library_get (library, id, &error);
      FUZZ_CHECK (entry != NULL);
      FUZZ_CHECK (strlen (entry->body) == size && memcmp (entry->body, data, size) == 0);
      FUZZ_CHECK (g_utf8_validate (entry->title, -1, NULL));
      FUZZ_CHECK (entry->percent >= 0 && entry->percent <= 100);
      /* Linked again on the next run: the same file, another text. */
      FUZZ_CHECK (spec_library_trash (library, id, &error));
      FUZZ_CHECK (spec_library_empty_trash (library, &error));
    }
  else
    {
      const SpecImportSkip *skip = g_ptr_array_index (summary->skipped, 0);

      FUZZ_CHECK (id <= 0);
      FUZZ_CHECK (skip->reason != NULL && g_utf8_validate (skip->reason, -1, NULL));
    }

  if (n_runs % 50 == 0)
    FUZZ_CHECK (spec_library_check_index (library, &error));

  return 0;
}
