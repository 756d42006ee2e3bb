/* test-library.c: the spec library in SQLite
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>

#include "spec-library-folders.h"
#include "spec-library-recovery.h"
#include "spec-library-import.h"
#include "library-fixture.h"
#include "spec-library-search.h"
#include "spec-status.h"
#include "spec-test-files.h"

static const char spec_text[] =
  "# Search Backend\n"
  "\n"
  "**Status:** Draft\n"
  "\n"
  "## Context\n"
  "\n"
  "The knowledge base needs fulltext search over [NUMBER] articles.\n";

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (spec_library_get_schema_version (library), ==, spec_library_get_latest_version ());

  stmt = _spec_library_prepare (library, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpuint (count_rows (library, "PRAGMA foreign_keys"), ==, 1);

  /* The environment variable names the default. */
  g_setenv (SPEC_LIBRARY_PATH_ENV, f->path, TRUE);
  {
    g_autofree char *path = spec_library_default_path ();

    g_assert_cmpstr (path, ==, f->path);
  }
  g_unsetenv (SPEC_LIBRARY_PATH_ENV);
}

static void
test_add_update_revisions (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *filled = NULL;
  gint64 id;

  id = spec_library_add (library, spec_text, "feature", SPEC_REVISION_IMPORT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  entry = spec_library_get (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "Search Backend");
  g_assert_cmpstr (entry->status, ==, "Draft");
  g_assert_cmpstr (entry->template_id, ==, "feature");
  g_assert_cmpstr (entry->body, ==, spec_text);
  g_assert_cmpint (entry->percent, <, 100);
  g_assert_cmpint (entry->trashed_at, ==, 0);

  /* The same text again: no second revision. */
  g_assert_true (spec_library_update (library, id, spec_text, SPEC_REVISION_AUTOSAVE, &error));
  revisions = spec_library_list_revisions (library, id, &error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_clear_pointer (&revisions, g_array_unref);

  /* Filled in: a revision, the figures follow. */
  filled = g_strdup (spec_text);
  /* NOLINTNEXTLINE(bugprone-not-null-terminated-result): overwrites 8 bytes mid-string */
  memcpy (strstr (filled, "[NUMBER]"), "40000000", 8);
  g_assert_true (spec_library_update (library, id, filled, SPEC_REVISION_SAVE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, spec_library_entry_free);
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpint (entry->percent, ==, 100);
  g_assert_cmpint (entry->updated, >=, entry->created);

  revisions = spec_library_list_revisions (library, id, &error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpint (g_array_index (revisions, SpecRevision, 0).reason, ==, SPEC_REVISION_IMPORT);
  g_assert_cmpint (g_array_index (revisions, SpecRevision, 1).reason, ==, SPEC_REVISION_SAVE);
  g_assert_cmpint (g_array_index (revisions, SpecRevision, 1).percent, ==, 100);
  first = spec_library_get_revision_body (library, g_array_index (revisions, SpecRevision, 0).id, &error);
  g_assert_cmpstr (first, ==, spec_text);

  /* Restoring the first text is a third revision: nothing is lost. */
  g_assert_cmpint (spec_library_restore_revision (library, g_array_index (revisions, SpecRevision, 0).id, &error),
                   ==, id);
  g_assert_no_error (error);
  g_clear_pointer (&entry, spec_library_entry_free);
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, spec_text);
  g_clear_pointer (&revisions, g_array_unref);
  revisions = spec_library_list_revisions (library, id, NULL);
  g_assert_cmpuint (revisions->len, ==, 3);
  g_assert_cmpint (g_array_index (revisions, SpecRevision, 2).reason, ==, SPEC_REVISION_RESTORE);
  g_assert_cmpint (spec_library_restore_revision (library, 12345, &error), ==, 0);
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A spec that is not there. */
  g_assert_false (spec_library_update (library, id + 100, "x", SPEC_REVISION_SAVE, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (spec_library_get (library, id + 100, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);
}

static GPtrArray *
search (SpecLibrary *library,
        const char  *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = spec_library_search (library, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

static void
assert_index (SpecLibrary *library)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (spec_library_check_index (library, &error));
  g_assert_no_error (error);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  gint64 search_id, queue_id;

  search_id = spec_library_add (library, spec_text, NULL, SPEC_REVISION_IMPORT, NULL);
  queue_id = spec_library_add (library, "# Order Queue\n\nOrders wait in a queue before the search index sees them.\n",
                               NULL, SPEC_REVISION_IMPORT, NULL);
  spec_library_add (library, "# Billing\n\nInvoices, résumés of payments.\n", NULL, SPEC_REVISION_IMPORT, NULL);
  assert_index (library);

  /* A prefix, as one types; the title weighs more. */
  hits = search (library, "sea");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (((SpecSearchHit *) g_ptr_array_index (hits, 0))->id, ==, search_id);
  {
    g_autofree char *snippet = spec_library_search_snippet (library, "sea",
                                                            ((SpecSearchHit *) g_ptr_array_index (hits, 1))->id);

    g_assert_nonnull (strstr (snippet, SPEC_SEARCH_MARK_START "search" SPEC_SEARCH_MARK_END));
  }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Every word; accents aside. */
  hits = search (library, "queue orders");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((SpecSearchHit *) g_ptr_array_index (hits, 0))->id, ==, queue_id);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (library, "resume");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Typed syntax is only words. */
  static const char * const hostile[] = { "\"", "*", "AND (", "search\" OR \"x", "'; DROP TABLE specs; --", "NEAR(", "" };
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = search (library, hostile[i]);
    }
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs"), ==, 3);

  /* Updates, the trash and its emptying keep the index right. */
  spec_library_update (library, queue_id, "# Order Queue\n\nA stream now.\n", SPEC_REVISION_SAVE, NULL);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (library, "orders");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (library, "stream");
  g_assert_cmpuint (hits->len, ==, 1);
  assert_index (library);

  g_assert_true (spec_library_trash (library, queue_id, NULL));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (library, "stream");
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_true (spec_library_restore (library, queue_id, NULL));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (library, "stream");
  g_assert_cmpuint (hits->len, ==, 1);

  g_assert_true (spec_library_trash (library, queue_id, NULL));
  g_assert_true (spec_library_empty_trash (library, NULL));
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs"), ==, 2);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM revisions WHERE spec_id NOT IN (SELECT id FROM specs)"), ==, 0);
  assert_index (library);
}

static void
test_search_query (void)
{
  static const struct { const char *typed; const char *query; } cases[] = {
    { "sea", "\"sea\" *" },
    { "  queue   orders ", "\"queue\" \"orders\" *" },
    { "AND (", "\"AND\" *" },
    { "\"*\"", NULL },
    { "naïve café", "\"naïve\" \"café\" *" },
    { "queue o", "\"queue\" \"o\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = spec_library_search_query (cases[i].typed);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* A library made by the first schema comes up to date, its specs found. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  {
    g_autoptr(SpecLibrary) old = _spec_library_open_at_version (f->path, 1, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (spec_library_get_schema_version (old), ==, 1);
    /* Written as the first version's code did: its columns only. */
    for (guint i = 0; i < 20; i++)
      {
        g_autofree char *sql = g_strdup_printf ("INSERT INTO specs (title, created, updated, body) "
                                                "VALUES ('Spec %u', 1, 1, '# Spec %u\n\nAbout migration number %u.\n');"
                                                "INSERT INTO revisions (spec_id, time, reason, body) "
                                                "VALUES (last_insert_rowid (), 1, 3, 'x');", i, i, i);

        g_assert_cmpint (sqlite3_exec (_spec_library_get_db (old), sql, NULL, NULL, NULL), ==, SQLITE_OK);
      }
  }

  {
    g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (spec_library_get_schema_version (library), ==, spec_library_get_latest_version ());
    hits = search (library, "migration");
    g_assert_cmpuint (hits->len, ==, 20);
    assert_index (library);
    /* And every later table and column works on the old rows. */
    g_assert_true (spec_library_autosave (library, 1, "# Spec 0\n\nTyped after the upgrade.\n", &error));
    g_assert_no_error (error);
    g_assert_true (spec_library_set_open (library, 1, FALSE, &error));
    g_assert_true (spec_library_add_folder (library, "file:///specs", &error));
    g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM revisions WHERE started IS NULL"), ==, 20);
  }
}

/* Not a database: kept aside, the user told where, a new library. */
static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *kept = NULL;
  static const char garbage[] = "this was never a database, but it is somebody's file\n";

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));

  {
    g_autoptr(SpecLibrary) library = NULL;

    g_test_expect_message ("Specwright-Core", G_LOG_LEVEL_WARNING, "*damaged*");
    library = spec_library_open (f->path, &moved, &error);
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
    g_assert_nonnull (moved);
    g_assert_cmpint (spec_library_add (library, spec_text, NULL, SPEC_REVISION_IMPORT, NULL), >, 0);
  }

  g_assert_true (g_file_get_contents (moved, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);
}

/* Made by a newer Specwright: refused, untouched. */
static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);

    g_assert_cmpint (sqlite3_exec (_spec_library_get_db (library), "PRAGMA user_version = 99", NULL, NULL, NULL),
                     ==, SQLITE_OK);
  }

  g_assert_null (spec_library_open (f->path, NULL, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_TOO_NEW);
}

/* Another process holds the write lock past the timeout: a clear error,
 * and the spec as it was. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 id = spec_library_add (library, spec_text, NULL, SPEC_REVISION_IMPORT, NULL);

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (spec_library_update (library, id, "# Changed\n", SPEC_REVISION_AUTOSAVE, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_BUSY);

  sqlite3_exec (other, "ROLLBACK;", NULL, NULL, NULL);
  sqlite3_close (other);

  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, spec_text);
  g_assert_true (spec_library_update (library, id, "# Changed\n", SPEC_REVISION_AUTOSAVE, NULL));
}

/* All autosaves of the last day; one an hour for a week; one a day
 * before; every save. */
static void
test_thinning (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(GArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  gint64 hour_start = (now - 3 * G_TIME_SPAN_DAY) / G_TIME_SPAN_HOUR * G_TIME_SPAN_HOUR;
  gint64 day_start = (now - 30 * G_TIME_SPAN_DAY) / G_TIME_SPAN_DAY * G_TIME_SPAN_DAY;
  gint64 id = spec_library_add (library, spec_text, NULL, SPEC_REVISION_IMPORT, NULL);
  guint kept_saves = 0;

  for (guint i = 0; i < 10; i++)        /* the last day: all stay */
    add_revision_at (library, id, now - i * G_TIME_SPAN_HOUR, SPEC_REVISION_AUTOSAVE);
  for (guint i = 0; i < 6; i++)         /* one hour three days ago: one stays */
    add_revision_at (library, id, hour_start + i * G_TIME_SPAN_MINUTE, SPEC_REVISION_AUTOSAVE);
  for (guint i = 1; i <= 5; i++)        /* five other hours then: all stay */
    add_revision_at (library, id, hour_start - i * G_TIME_SPAN_HOUR, SPEC_REVISION_AUTOSAVE);
  for (guint i = 0; i < 4; i++)         /* one day a month ago: one stays */
    add_revision_at (library, id, day_start + i * G_TIME_SPAN_HOUR, SPEC_REVISION_AUTOSAVE);
  add_revision_at (library, id, day_start + G_TIME_SPAN_MINUTE, SPEC_REVISION_SAVE);
  add_revision_at (library, id, hour_start + G_TIME_SPAN_MINUTE, SPEC_REVISION_SAVE);

  g_assert_true (spec_library_thin_revisions (library, now, &error));
  g_assert_no_error (error);

  revisions = spec_library_list_revisions (library, id, NULL);
  for (guint i = 0; i < revisions->len; i++)
    kept_saves += g_array_index (revisions, SpecRevision, i).reason != SPEC_REVISION_AUTOSAVE;

  /* 1 import + 2 saves; 10 + 1 + 5 + 1 autosaves. */
  g_assert_cmpuint (kept_saves, ==, 3);
  g_assert_cmpuint (revisions->len, ==, 3 + 10 + 1 + 5 + 1);

  /* Thinning again changes nothing. */
  g_assert_true (spec_library_thin_revisions (library, now, NULL));
  g_clear_pointer (&revisions, g_array_unref);
  revisions = spec_library_list_revisions (library, id, NULL);
  g_assert_cmpuint (revisions->len, ==, 20);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}


static gboolean
skipped (SpecImportSummary *summary,
         const char        *name)
{
  for (guint i = 0; i < summary->skipped->len; i++)
    {
      SpecImportSkip *skip = g_ptr_array_index (summary->skipped, i);

      g_test_message ("skipped %s: %s", skip->path, skip->reason);
      if (g_str_has_suffix (skip->path, name) && skip->reason != NULL && *skip->reason != '\0')
        return TRUE;
    }

  return FALSE;
}

/* A folder: its Markdown files in, the rest skipped with a reason, a
 * link back up not followed round; linked files come in once. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autofree char *specs = g_build_filename (f->dir, "specs", NULL);
  g_autofree char *loop = g_build_filename (specs, "sub", "loop", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (specs);
  g_autoptr(SpecImportSummary) summary = NULL;
  g_autoptr(SpecImportSummary) again = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  write_file (specs, "alpha.md", "# Alpha\n\nAbout the zeppelin.\n", -1);
  write_file (specs, "sub/beta.markdown", "# Beta\n\nAlso the zeppelin.\n", -1);
  {
    static const char binary[] = "# B\0\1\2\3 binary";

    write_file (specs, "binary.md", binary, sizeof binary - 1);
  }
  write_file (specs, "latin1.md", "# Caf\xe9\n", -1);
  write_file (specs, "notes.txt", "not Markdown, not taken\n", -1);
  g_assert_cmpint (symlink ("..", loop), ==, 0);

  summary = spec_library_import (library, folder, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_imported, ==, 2);
  g_assert_true (skipped (summary, "binary.md"));
  g_assert_true (skipped (summary, "latin1.md"));
  g_assert_true (skipped (summary, "loop"));
  g_assert_cmpuint (summary->skipped->len, ==, 3);
  hits = search (library, "zeppelin");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Linked: one spec per file, however often; a changed file updates it. */
  g_clear_pointer (&summary, spec_import_summary_free);
  summary = spec_library_import (library, folder, TRUE, NULL, &error);
  g_assert_cmpuint (summary->n_imported, ==, 2);
  write_file (specs, "alpha.md", "# Alpha\n\nAbout the airship now.\n", -1);
  again = spec_library_import (library, folder, TRUE, NULL, &error);
  g_assert_cmpuint (again->n_imported, ==, 2);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs WHERE file_uri IS NOT NULL"), ==, 2);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs"), ==, 4);
  hits = search (library, "airship");
  g_assert_cmpuint (hits->len, ==, 1);
  assert_index (library);

  spec_test_remove_tree (specs);
}

typedef struct
{
  GCancellable *cancellable;
  guint         last;
  guint         calls;
} Progress;

/* Told each file as it goes; cancels at the third. */
static void
progress_cb (guint    n_done,
             gpointer data)
{
  Progress *progress = data;

  g_assert_cmpuint (n_done, ==, progress->last + 1);
  progress->last = n_done;
  progress->calls++;
  if (n_done == 3)
    g_cancellable_cancel (progress->cancellable);
}

/* An import says how far it got, and a cancel keeps what came in. */
static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autofree char *specs = g_build_filename (f->dir, "many", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (specs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SpecImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0, 0 };

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("spec-%u.md", i);
      g_autofree char *text = g_strdup_printf ("# Spec %u\n", i);

      write_file (specs, name, text, -1);
    }

  summary = spec_library_import_files (library, &folder, 1, FALSE, progress_cb, &progress, cancellable, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 3);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs"), ==, 3);
  assert_index (library);

  spec_test_remove_tree (specs);
}

/* A file's etag is its modification time: make a change visible. */
static void
touch_later (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  guint64 mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 10, 0, NULL, NULL));
}

static gint64
spec_for (SpecLibrary *library,
          const char  *dir,
          const char  *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  return spec_library_find_file (library, uri);
}

/* A linked folder follows its files: new, changed, moved, deleted. */
static void
test_folders (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autofree char *specs = g_build_filename (f->dir, "repo", "specs", NULL);
  g_autofree char *moved_from = g_build_filename (specs, "sub", "gamma.md", NULL);
  g_autofree char *moved_to = g_build_filename (specs, "other", NULL);
  g_autofree char *moved_path = g_build_filename (moved_to, "gamma-renamed.md", NULL);
  g_autofree char *gone = g_build_filename (specs, "beta.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (specs);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(SpecRescanSummary) summary = NULL;
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) folders = NULL;
  gint64 beta, gamma;

  write_file (specs, "alpha.md", "# Alpha\n\nFirst.\n", -1);
  write_file (specs, "beta.md", "# Beta\n\nSecond.\n", -1);
  write_file (specs, "sub/gamma.md", "# Gamma\n\nThird.\n", -1);
  write_file (specs, "README.txt", "not a spec\n", -1);

  g_assert_true (spec_library_add_folder (library, uri, &error));
  g_assert_true (spec_library_add_folder (library, uri, &error));
  folders = spec_library_list_folders (library, &error);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, uri);

  summary = spec_library_rescan_folder (library, uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_added, ==, 3);
  g_clear_pointer (&summary, spec_rescan_summary_free);

  /* A file linked on its own (opened in the editor) that the walk does
   * not take, here for its name, is not gone. */
  {
    g_autofree char *notes = g_build_filename (specs, "README.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (notes);
    g_autofree char *notes_uri = g_file_get_uri (file);

    g_assert_cmpint (spec_library_link_file (library, notes_uri, NULL, "not a spec\n", SPEC_REVISION_IMPORT, NULL), >, 0);
  }

  /* Nothing changed: nothing happens. */
  summary = spec_library_rescan_folder (library, uri, NULL, &error);
  g_assert_cmpuint (summary->n_added + summary->n_changed + summary->n_moved + summary->n_removed, ==, 0);
  g_clear_pointer (&summary, spec_rescan_summary_free);

  beta = spec_for (library, specs, "beta.md");
  gamma = spec_for (library, specs, "sub/gamma.md");
  write_file (specs, "alpha.md", "# Alpha\n\nFirst, edited in git.\n", -1);
  touch_later (specs, "alpha.md");
  g_assert_cmpint (g_unlink (gone), ==, 0);
  g_assert_cmpint (g_mkdir (moved_to, 0700), ==, 0);
  g_assert_cmpint (g_rename (moved_from, moved_path), ==, 0);
  write_file (specs, "delta.md", "# Delta\n\nNew.\n", -1);

  summary = spec_library_rescan_folder (library, uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_added, ==, 1);
  g_assert_cmpuint (summary->n_changed, ==, 1);
  g_assert_cmpuint (summary->n_moved, ==, 1);
  g_assert_cmpuint (summary->n_removed, ==, 1);

  /* Moved: the same spec, its history with it. */
  g_assert_cmpint (spec_for (library, specs, "other/gamma-renamed.md"), ==, gamma);
  /* Deleted: in the trash, with its text. */
  entry = spec_library_get (library, beta, NULL);
  g_assert_cmpint (entry->trashed_at, >, 0);
  g_assert_cmpstr (entry->body, ==, "# Beta\n\nSecond.\n");
  g_clear_pointer (&entry, spec_library_entry_free);
  entry = spec_library_get (library, spec_for (library, specs, "alpha.md"), NULL);
  g_assert_cmpstr (entry->body, ==, "# Alpha\n\nFirst, edited in git.\n");
  assert_index (library);
  g_clear_pointer (&summary, spec_rescan_summary_free);

  /* A folder that is not there (unmounted) changes nothing. */
  {
    g_autofree char *repo = g_build_filename (f->dir, "repo", NULL);

    spec_test_remove_tree (repo);
  }
  summary = spec_library_rescan_folder (library, uri, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs WHERE trashed_at = 0"), ==, 4);

  g_assert_true (spec_library_remove_folder (library, uri, NULL));
  g_clear_pointer (&folders, g_strfreev);
  folders = spec_library_list_folders (library, NULL);
  g_assert_cmpuint (g_strv_length (folders), ==, 0);
}

static char *
list_titles (GPtrArray *entries)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (str, "%s%s", i > 0 ? ", " : "", ((SpecLibraryEntry *) g_ptr_array_index (entries, i))->title);

  return g_string_free (str, FALSE);
}

/* The list the library view shows: sorted, by status, unfilled only,
 * and the trash apart. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_auto(GStrv) statuses = NULL;
  gint64 delta;

  delta = spec_library_add (library, "# Delta\n\n**Status:** Draft\n\nAll [TODO].\n", NULL, SPEC_REVISION_IMPORT, NULL);
  spec_library_add (library, "# alpha\n\n**Status:** Approved\n\nDone.\n", NULL, SPEC_REVISION_IMPORT, NULL);
  spec_library_add (library, "# Charlie\n\n**Status:** In Review\n\n[NEEDS CLARIFICATION: who?]\n", NULL, SPEC_REVISION_IMPORT, NULL);
  spec_library_add (library, "# Bravo\n\nNo status line, [ONE] slot.\n", NULL, SPEC_REVISION_IMPORT, NULL);

  {
    g_autoptr(GPtrArray) all = spec_library_list (library, NULL, FALSE, FALSE, SPEC_LIBRARY_SORT_TITLE, NULL);
    g_autofree char *titles = list_titles (all);

    g_assert_cmpstr (titles, ==, "alpha, Bravo, Charlie, Delta");
    g_assert_null (((SpecLibraryEntry *) g_ptr_array_index (all, 0))->body);
  }
  {
    g_autoptr(GPtrArray) newest = spec_library_list (library, NULL, FALSE, FALSE, SPEC_LIBRARY_SORT_UPDATED, NULL);
    g_autofree char *titles = list_titles (newest);

    g_assert_cmpstr (titles, ==, "Bravo, Charlie, alpha, Delta");
  }
  {
    g_autoptr(GPtrArray) approved = spec_library_list (library, "Approved", FALSE, FALSE, SPEC_LIBRARY_SORT_TITLE, NULL);
    g_autofree char *titles = list_titles (approved);

    g_assert_cmpstr (titles, ==, "alpha");
  }
  {
    g_autoptr(GPtrArray) unfilled = spec_library_list (library, NULL, TRUE, FALSE, SPEC_LIBRARY_SORT_TITLE, NULL);
    g_autofree char *titles = list_titles (unfilled);

    g_assert_cmpstr (titles, ==, "Bravo, Charlie, Delta");
    g_assert_cmpint (((SpecLibraryEntry *) g_ptr_array_index (unfilled, 0))->unfilled, ==, 1);
  }

  /* Setting a status edits the spec's own line; one without it says so. */
  {
    g_autoptr(SpecLibraryEntry) entry = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (spec_library_set_status (library, delta, "In Review", &error));
    g_assert_no_error (error);
    entry = spec_library_get (library, delta, NULL);
    g_assert_cmpstr (entry->status, ==, "In Review");
    g_assert_cmpstr (entry->body, ==, "# Delta\n\n**Status:** In Review\n\nAll [TODO].\n");
    g_assert_false (spec_library_set_status (library, delta, "Two\nlines", &error));
    g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) bravo = spec_library_list (library, NULL, FALSE, FALSE, SPEC_LIBRARY_SORT_TITLE, NULL);
    g_autoptr(GError) error = NULL;
    gint64 bravo_id = ((SpecLibraryEntry *) g_ptr_array_index (bravo, 1))->id;

    g_assert_false (spec_library_set_status (library, bravo_id, "Draft", &error));
    g_assert_nonnull (strstr (error->message, "Bravo"));
  }

  statuses = spec_library_list_statuses (library, NULL);
  g_assert_cmpuint (g_strv_length (statuses), ==, 2);
  g_assert_cmpstr (statuses[0], ==, "Approved");
  g_assert_cmpstr (statuses[1], ==, "In Review");

  spec_library_trash (library, delta, NULL);
  {
    g_autoptr(GPtrArray) live = spec_library_list (library, NULL, FALSE, FALSE, SPEC_LIBRARY_SORT_TITLE, NULL);
    g_autoptr(GPtrArray) trash = spec_library_list (library, NULL, FALSE, TRUE, SPEC_LIBRARY_SORT_TITLE, NULL);
    g_autofree char *titles = list_titles (trash);

    g_assert_cmpuint (live->len, ==, 3);
    g_assert_cmpstr (titles, ==, "Delta");
  }
}

/* In a batch, a failed change undoes itself only. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (spec_library_batch_begin (library, NULL));
  g_assert_cmpint (spec_library_add (library, "# A\n", NULL, SPEC_REVISION_IMPORT, NULL), >, 0);
  g_assert_false (spec_library_update (library, 999, "# Nowhere\n", SPEC_REVISION_SAVE, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);
  g_assert_cmpint (spec_library_add (library, "# B\n", NULL, SPEC_REVISION_IMPORT, NULL), >, 0);
  g_assert_true (spec_library_batch_end (library, NULL));

  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM specs"), ==, 2);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM revisions"), ==, 2);
  assert_index (library);
}

static void
test_status (void)
{
  static const struct { const char *text; const char *status; } cases[] = {
    { "# A\n\n**Status:** Draft\n", "Draft" },
    { "# A\n\n- **Status:** Accepted\n- **Date:** 2026\n", "Accepted" },
    { "# A\nStatus: Review  \n", "Review" },
    { "# A\n\n**Status:** [Draft | Review | Approved]\n", "[Draft | Review | Approved]" },
    { "# A\n\nThe status quo is fine.\n", NULL },
    { "# A\n\n*Status: Implemented*\n", "Implemented" },
  };
  g_autofree char *replaced = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *status = spec_status_parse (cases[i].text, strlen (cases[i].text));

      g_assert_cmpstr (status, ==, cases[i].status);
    }

  /* Changing it edits that line's value only. */
  replaced = spec_status_replace (spec_text, strlen (spec_text), "Approved");
  g_assert_cmpstr (replaced, ==,
                   "# Search Backend\n\n**Status:** Approved\n\n## Context\n\n"
                   "The knowledge base needs fulltext search over [NUMBER] articles.\n");
  g_assert_null (spec_status_replace ("# No status\n", 12, "Draft"));
}

/* A spec's template is changed with no new revision; a spec that is not
 * there is an error. */
static void
test_set_template (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = spec_library_add (library, spec_text, NULL, SPEC_REVISION_IMPORT, NULL);

  g_assert_true (spec_library_set_template (library, id, "product-feature@1", &error));
  g_assert_no_error (error);
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->template_id, ==, "product-feature@1");
  revisions = spec_library_list_revisions (library, id, NULL);
  g_assert_cmpuint (revisions->len, ==, 1);

  g_assert_false (spec_library_set_template (library, id + 1000, "product-feature@1", &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/library/open", test_open);
  ADD ("/library/add-update-revisions", test_add_update_revisions);
  ADD ("/library/search", test_search);
  ADD ("/library/migration", test_migration);
  ADD ("/library/corrupt", test_corrupt);
  ADD ("/library/too-new", test_too_new);
  ADD ("/library/busy", test_busy);
  ADD ("/library/thinning", test_thinning);
  ADD ("/library/import", test_import);
  ADD ("/library/list", test_list);
  ADD ("/library/batch", test_batch);
  ADD ("/library/folders", test_folders);
  ADD ("/library/import-cancel", test_import_cancel);
  ADD ("/library/set-template", test_set_template);
  g_test_add_func ("/library/search-query", test_search_query);
  g_test_add_func ("/library/status", test_status);

#undef ADD

  return g_test_run ();
}
