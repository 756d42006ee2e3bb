/* test-library-recovery.c: autosave points, crash recovery, the writer
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "library-fixture.h"
#include "spec-library-import.h"
#include "spec-library-recovery.h"
#include "spec-library-writer.h"

static const char saved_text[] = "# Login\n\n**Status:** Draft\n\nUsers sign in with [METHOD].\n";
static const char typed_text[] = "# Login\n\n**Status:** Draft\n\nUsers sign in with a passkey.\n";

static guint
count_revisions (SpecLibrary *library,
                 gint64       id)
{
  g_autoptr(GArray) revisions = spec_library_list_revisions (library, id, NULL);

  return revisions->len;
}

static SpecRevision
newest_revision (SpecLibrary *library,
                 gint64       id)
{
  g_autoptr(GArray) revisions = spec_library_list_revisions (library, id, NULL);

  return g_array_index (revisions, SpecRevision, revisions->len - 1);
}

/* Moves every revision of @id back by @span, as if made that long ago. */
static void
age_revisions (SpecLibrary *library,
               gint64       id,
               GTimeSpan    span)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE revisions SET time = time - %" G_GINT64_FORMAT ", "
                                          "started = started - %" G_GINT64_FORMAT
                                          " WHERE spec_id = %" G_GINT64_FORMAT, span, span, id);

  g_assert_cmpint (sqlite3_exec (_spec_library_get_db (library), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_autosave_library_spec (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *body = NULL;
  gint64 id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, &error);

  g_assert_no_error (error);

  /* The text becomes the spec's, with one autosave revision, and the
   * spec is marked open. */
  g_assert_true (spec_library_autosave (library, id, typed_text, &error));
  g_assert_no_error (error);
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, typed_text);
  g_assert_cmpint (entry->percent, ==, 100);
  g_assert_cmpuint (count_revisions (library, id), ==, 2);
  g_assert_cmpint (newest_revision (library, id).reason, ==, SPEC_REVISION_AUTOSAVE);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM open_specs"), ==, 1);

  /* The same text again stores nothing. */
  g_assert_true (spec_library_autosave (library, id, typed_text, &error));
  g_assert_cmpuint (count_revisions (library, id), ==, 2);

  /* More typing within the minute replaces that autosave point... */
  g_assert_true (spec_library_autosave (library, id, "# Login\n\nmore\n", &error));
  g_assert_cmpuint (count_revisions (library, id), ==, 2);
  body = spec_library_get_revision_body (library, newest_revision (library, id).id, NULL);
  g_assert_cmpstr (body, ==, "# Login\n\nmore\n");

  /* The point keeps its start while its time follows the typing: a
   * minute after it began, more typing starts another, however steady. */
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM revisions WHERE reason = 0 AND started < time "
                                         "OR reason = 0 AND started = time"), ==, 1);

  /* ...and after it, adds another. */
  age_revisions (library, id, SPEC_LIBRARY_AUTOSAVE_POINT_SPAN + G_TIME_SPAN_SECOND);
  g_assert_true (spec_library_autosave (library, id, "# Login\n\nmore still\n", &error));
  g_assert_cmpuint (count_revisions (library, id), ==, 3);

  /* A save after an autosave is a revision of its own, never merged. */
  g_assert_true (spec_library_update (library, id, "# Login\n\nsaved\n", SPEC_REVISION_SAVE, &error));
  g_assert_true (spec_library_autosave (library, id, "# Login\n\nsaved, then typed\n", &error));
  g_assert_cmpuint (count_revisions (library, id), ==, 5);

  /* A spec that is gone is an error, not a new one. */
  g_assert_false (spec_library_autosave (library, id + 100, typed_text, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);

  g_assert_true (spec_library_check_index (library, NULL));
}

/* With the editor's snapshot of the text, the library stores what a
 * parse of its own would give, without parsing. */
static void
test_autosave_parsed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(GString) big = g_string_new ("# Large Spec\n\n**Status:** Review\n\n");
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(SpecLibraryEntry) parsed = NULL;
  g_autoptr(SpecLibraryEntry) given = NULL;
  gint64 a = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  gint64 b = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  gint64 t0, t1, t2;

  for (guint i = 0; big->len < 4 * 1024 * 1024; i++)
    g_string_append_printf (big, "## Part %u\n\nText with a [SLOT] and [NEEDS CLARIFICATION: why %u?].\n\n", i, i);
  snapshot = spec_snapshot_new (big->str, big->len);

  t0 = g_get_monotonic_time ();
  g_assert_true (spec_library_autosave (library, a, big->str, NULL));
  t1 = g_get_monotonic_time ();
  g_assert_true (spec_library_autosave_parsed (library, b, big->str, snapshot, NULL));
  t2 = g_get_monotonic_time ();
  g_test_message ("autosave of 4 MB: %.0f ms parsing it, %.0f ms with the editor's snapshot",
                  (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);

  parsed = spec_library_get (library, a, NULL);
  given = spec_library_get (library, b, NULL);
  g_assert_cmpstr (given->title, ==, parsed->title);
  g_assert_cmpstr (given->status, ==, "Review");
  g_assert_cmpint (given->percent, ==, parsed->percent);
  g_assert_cmpint (given->unfilled, ==, parsed->unfilled);
  g_assert_cmpint (given->unfilled, >, 1000);
}

static void
test_autosave_linked_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  id = spec_library_link_file (library, "file:///specs/login.md", "1", saved_text, SPEC_REVISION_IMPORT, &error);
  g_assert_no_error (error);

  /* The file is the source of truth: the library's text stays what was
   * read; the autosave is in the history. */
  g_assert_true (spec_library_autosave (library, id, typed_text, &error));
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, saved_text);
  g_assert_cmpstr (entry->file_uri, ==, "file:///specs/login.md");
  body = spec_library_get_revision_body (library, newest_revision (library, id).id, NULL);
  g_assert_cmpstr (body, ==, typed_text);

  /* Saving the file makes the text the library's too. */
  g_assert_cmpint (spec_library_link_file (library, "file:///specs/login.md", "2", typed_text,
                                           SPEC_REVISION_SAVE, &error), ==, id);
  g_clear_pointer (&entry, spec_library_entry_free);
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, typed_text);
  g_assert_cmpint (newest_revision (library, id).reason, ==, SPEC_REVISION_SAVE);
}

static void
test_recoverable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  g_autoptr(GPtrArray) found = NULL;
  SpecRecoverable *recoverable;
  gint64 saved_id, closed_id, linked_id;

  saved_id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  closed_id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  linked_id = spec_library_link_file (library, "file:///specs/a.md", NULL, saved_text, SPEC_REVISION_IMPORT, NULL);

  /* Nothing autosaved: nothing to offer, even when open. */
  g_assert_true (spec_library_set_open (library, saved_id, TRUE, &error));
  found = spec_library_list_recoverable (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_true (spec_library_autosave (library, saved_id, typed_text, NULL));
  g_assert_true (spec_library_autosave (library, closed_id, typed_text, NULL));
  g_assert_true (spec_library_autosave (library, linked_id, typed_text, NULL));
  /* Closed on purpose: not a crash. */
  g_assert_true (spec_library_set_open (library, closed_id, FALSE, &error));

  found = spec_library_list_recoverable (library, &error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      recoverable = g_ptr_array_index (found, i);
      g_assert_true (recoverable->spec_id == saved_id || recoverable->spec_id == linked_id);
      g_assert_cmpstr (recoverable->body, ==, typed_text);
      g_assert_cmpstr (recoverable->saved_body, ==, saved_text);
      g_assert_cmpstr (recoverable->title, ==, "Login");
      g_assert_true ((recoverable->file_uri != NULL) == (recoverable->spec_id == linked_id));
      g_assert_cmpint (recoverable->time, >, 0);
    }
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Saved after the autosave: nothing newer than the save. */
  g_assert_true (spec_library_update (library, saved_id, typed_text, SPEC_REVISION_SAVE, NULL));
  found = spec_library_list_recoverable (library, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((SpecRecoverable *) g_ptr_array_index (found, 0))->spec_id, ==, linked_id);
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *kept = NULL;
  gint64 saved_id, fresh_id, linked_id;

  saved_id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  linked_id = spec_library_link_file (library, "file:///specs/a.md", NULL, saved_text, SPEC_REVISION_IMPORT, NULL);
  /* A new spec that was never saved: its first revision is an autosave. */
  fresh_id = spec_library_add (library, "# Fresh\n\ntyped\n", NULL, SPEC_REVISION_AUTOSAVE, NULL);
  g_assert_true (spec_library_set_open (library, fresh_id, TRUE, NULL));
  g_assert_true (spec_library_autosave (library, saved_id, typed_text, NULL));
  g_assert_true (spec_library_autosave (library, linked_id, typed_text, NULL));

  found = spec_library_list_recoverable (library, NULL);
  g_assert_cmpuint (found->len, ==, 3);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The spec goes back to its saved text; the autosave stays in its
   * history. */
  g_assert_true (spec_library_discard_autosave (library, saved_id, &error));
  g_assert_no_error (error);
  entry = spec_library_get (library, saved_id, NULL);
  g_assert_cmpstr (entry->body, ==, saved_text);
  g_assert_cmpstr (entry->title, ==, "Login");
  kept = spec_library_get_revision_body (library, newest_revision (library, saved_id).id, NULL);
  g_assert_cmpstr (kept, ==, typed_text);
  g_clear_pointer (&entry, spec_library_entry_free);

  /* Never saved: to the trash, whence it can come back. */
  g_assert_true (spec_library_discard_autosave (library, fresh_id, &error));
  entry = spec_library_get (library, fresh_id, NULL);
  g_assert_cmpint (entry->trashed_at, >, 0);
  g_assert_cmpstr (entry->body, ==, "# Fresh\n\ntyped\n");
  g_clear_pointer (&entry, spec_library_entry_free);

  /* A linked file is left as it is on disk. */
  g_assert_true (spec_library_discard_autosave (library, linked_id, &error));
  entry = spec_library_get (library, linked_id, NULL);
  g_assert_cmpstr (entry->body, ==, saved_text);

  found = spec_library_list_recoverable (library, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpuint (count_rows (library, "SELECT count(*) FROM revisions WHERE reason = 0"), ==, 3);
  g_assert_true (spec_library_check_index (library, NULL));
}

static void
test_attach_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  gint64 id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  gint64 other = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);

  g_assert_true (spec_library_attach_file (library, id, "file:///specs/login.md", &error));
  g_assert_no_error (error);
  /* Saving it there later finds the same spec. */
  g_assert_cmpint (spec_library_link_file (library, "file:///specs/login.md", NULL, typed_text,
                                           SPEC_REVISION_SAVE, &error), ==, id);
  /* Once linked, it stays with its file; another spec cannot take it. */
  g_assert_false (spec_library_attach_file (library, id, "file:///elsewhere.md", &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (spec_library_attach_file (library, other, "file:///specs/login.md", &error));
  g_assert_nonnull (error);
}

/* The disk full (the database may not grow): a clear error, nothing of
 * what was there lost, and the same autosave goes through once there is
 * room. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, &error);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GString) big = g_string_new ("# Big\n\n");
  sqlite3 *db = _spec_library_get_db (library);
  gint64 id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  g_autofree char *limit = NULL;

  while (big->len < 200 * 1024)
    g_string_append (big, "A line that makes the spec large enough to need new pages.\n");

  /* No more pages than it has now. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %u;", count_rows (library, "PRAGMA page_count"));
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (spec_library_autosave (library, id, big->str, &error));
  g_assert_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FULL);
  g_assert_true (g_str_has_prefix (error->message, "The disk is full"));
  g_clear_error (&error);

  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, saved_text);
  g_assert_cmpuint (count_revisions (library, id), ==, 1);
  g_assert_true (spec_library_check_index (library, NULL));

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (spec_library_autosave (library, id, big->str, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, spec_library_entry_free);
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, big->str);
}

/* The writer */

typedef struct
{
  gint64  id;
  char   *body;
} AutosaveJob;

static void
autosave_job_free (AutosaveJob *job)
{
  g_free (job->body);
  g_free (job);
}

static gint64
autosave_job (SpecLibrary  *library,
              gpointer      data,
              GError      **error)
{
  AutosaveJob *job = data;

  return spec_library_autosave (library, job->id, job->body, error) ? 1 : 0;
}

typedef struct
{
  GPtrArray *results;   /* "ok" or the error's message, in callback order */
  guint      n_done;
} Outcome;

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) > 0)
    g_ptr_array_add (outcome->results, g_strdup ("ok"));
  else
    g_ptr_array_add (outcome->results, g_strdup (error->message));
  outcome->n_done++;
}

static void
queue_autosave (SpecLibraryWriter *writer,
                gint64             id,
                const char        *body,
                Outcome           *outcome)
{
  AutosaveJob *job = g_new0 (AutosaveJob, 1);

  job->id = id;
  job->body = g_strdup (body);
  spec_library_writer_run_async (writer, autosave_job, job, (GDestroyNotify) autosave_job_free,
                                 NULL, job_done_cb, outcome);
}

static void
wait_for (Outcome *outcome,
          guint    n)
{
  while (outcome->n_done < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_writer_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (f->path);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GString) text = g_string_new ("# Typed\n\n");
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), 0 };
  gint64 id = spec_library_add (library, text->str, NULL, SPEC_REVISION_SAVE, NULL);

  g_assert_cmpstr (spec_library_writer_get_path (writer), ==, f->path);

  /* Writes land in the order they were asked for. */
  for (guint i = 0; i < 50; i++)
    {
      g_string_append_printf (text, "word%u ", i);
      queue_autosave (writer, id, text->str, &outcome);
    }
  queue_autosave (writer, id + 1000, text->str, &outcome);
  spec_library_writer_flush (writer);

  /* Flushed: the database has it all before any callback ran. */
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, text->str);

  wait_for (&outcome, 51);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpstr (g_ptr_array_index (outcome.results, i), ==, "ok");
  g_assert_cmpstr (g_ptr_array_index (outcome.results, 50), ==, "The spec is not in the library any more");

  g_ptr_array_unref (outcome.results);
}

#ifdef __linux__
/* The nice value of the thread running it, plus 100 (a job succeeds
 * with a positive result). */
static gint64
nice_job (SpecLibrary  *library,
          gpointer      data,
          GError      **error)
{
  errno = 0;

  return 100 + getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
}

static void
nice_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(gint64 *) user_data = spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, NULL);
}
#endif

/* The writer's thread runs below the main thread's priority, and only
 * it: the main thread's stays as it was. */
static void
test_writer_priority (Fixture       *f,
                      gconstpointer  data)
{
#ifdef __linux__
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (f->path);
  int before = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  gint64 first = 0, second = 0;

  spec_library_writer_run_async (writer, nice_job, NULL, NULL, NULL, nice_done_cb, &first);
  spec_library_writer_run_async (writer, nice_job, NULL, NULL, NULL, nice_done_cb, &second);
  while (first == 0 || second == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (first - 100, ==, MIN (before + 10, 19));
  g_assert_cmpint (second, ==, first);
  g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid)), ==, before);
#else
  g_test_skip ("thread priorities are Linux's");
#endif
}

/* Another process holding the write lock past the timeout: the
 * autosave fails with a clear error, and succeeds when tried again. */
static void
test_writer_busy (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpecLibrary) library = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibrary) other = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (f->path);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), 0 };
  gint64 id = spec_library_add (library, saved_text, NULL, SPEC_REVISION_SAVE, NULL);
  gint64 start;

  g_assert_cmpint (sqlite3_exec (_spec_library_get_db (other), "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  queue_autosave (writer, id, typed_text, &outcome);
  wait_for (&outcome, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_TIME_SPAN_SECOND);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (outcome.results, 0),
                                   "The library is in use by another program"));

  g_assert_cmpint (sqlite3_exec (_spec_library_get_db (other), "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  queue_autosave (writer, id, typed_text, &outcome);
  wait_for (&outcome, 2);
  g_assert_cmpstr (g_ptr_array_index (outcome.results, 1), ==, "ok");
  entry = spec_library_get (library, id, NULL);
  g_assert_cmpstr (entry->body, ==, typed_text);

  g_ptr_array_unref (outcome.results);
}

/* The writer cannot open its database (here: its folder is a file):
 * each job says why, nothing crashes, and the next job tries again. */
static void
test_writer_cannot_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "sub", NULL);
  g_autoptr(SpecLibraryWriter) writer = NULL;
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), 0 };

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  writer = spec_library_writer_new (f->path);
  queue_autosave (writer, 1, typed_text, &outcome);
  queue_autosave (writer, 1, typed_text, &outcome);
  wait_for (&outcome, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (outcome.results, 0), "Could not make the library’s folder"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (outcome.results, 1), "Could not make the library’s folder"));
  g_unlink (blocker);

  g_ptr_array_unref (outcome.results);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/library/autosave/library-spec", test_autosave_library_spec);
  ADD ("/library/autosave/linked-file", test_autosave_linked_file);
  ADD ("/library/autosave/parsed", test_autosave_parsed);
  ADD ("/library/recovery/recoverable", test_recoverable);
  ADD ("/library/recovery/discard", test_discard);
  ADD ("/library/recovery/attach-file", test_attach_file);
  ADD ("/library/autosave/disk-full", test_disk_full);
  ADD ("/library/writer/order", test_writer_order);
  ADD ("/library/writer/busy", test_writer_busy);
  ADD ("/library/writer/priority", test_writer_priority);
  ADD ("/library/writer/cannot-open", test_writer_cannot_open);

#undef ADD

  return g_test_run ();
}
