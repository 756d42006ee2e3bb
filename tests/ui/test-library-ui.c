/* test-library-ui.c: the window's document in the library: autosave,
 * saving a spec with no file, closing, a failing library, recovery
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "spec-library-import.h"
#include "spec-library-private.h"
#include "spec-library-recovery.h"
#include "spec-recovery-dialog.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 10000

typedef struct
{
  char              *tmpdir;
  char              *path;
  SpecLibrary       *library;
  SpecLibraryWriter *writer;
  SpecWindow        *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->tmpdir = g_dir_make_tmp ("specwright-library-ui-XXXXXX", NULL);
  f->path = g_build_filename (f->tmpdir, "library.db", NULL);
  f->library = spec_library_open (f->path, NULL, NULL);
  g_assert_nonnull (f->library);
  f->writer = spec_library_writer_new (f->path);
  f->window = g_object_ref_sink (spec_window_new (NULL, NULL));
  spec_window_set_library (f->window, f->library, f->writer);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GtkWidget *dialog;

  while ((dialog = spec_test_find_dialog (GTK_WINDOW (f->window))))
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  spec_library_writer_flush (f->writer);
  spec_test_iterate (50);
  g_clear_object (&f->writer);
  g_clear_object (&f->library);

  dir = g_dir_open (f->tmpdir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (f->tmpdir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->tmpdir);
  g_free (f->path);
  g_free (f->tmpdir);
}

static void
type_text (SpecWindow *window,
           const char *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));

  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

static gboolean
autosave_idle (gpointer data)
{
  return spec_autosave_is_idle (spec_window_get_autosave (data));
}

static gboolean
file_linked (gpointer data)
{
  SpecDocument *document = spec_window_get_document (data);

  return spec_document_get_file (document) != NULL && !spec_document_get_busy (document) &&
         spec_document_get_library_id (document) != 0;
}

static guint
count_rows (SpecLibrary *library,
            const char  *sql)
{
  sqlite3_stmt *stmt = _spec_library_prepare (library, sql, NULL);
  guint n = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* Typing into a new document makes a library spec within two seconds;
 * closing it asks nothing and marks it closed. */
static void
test_autosave_new_spec (Fixture       *f,
                        gconstpointer  data)
{
  SpecDocument *document = spec_window_get_document (f->window);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *text = NULL;
  gint64 start, id;

  type_text (f->window, "# Offline Mode\n\nThe app works without [NETWORK].\n");
  start = g_get_monotonic_time ();
  g_assert_true (spec_test_wait_for (autosave_idle, f->window, TIMEOUT_MS));
  g_test_message ("typed text stored %.0f ms after the last key",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  id = spec_document_get_library_id (document);
  g_assert_cmpint (id, >, 0);
  entry = spec_library_get (f->library, id, NULL);
  text = spec_document_dup_text (document);
  g_assert_cmpstr (entry->body, ==, text);
  g_assert_cmpstr (entry->title, ==, "Offline Mode");
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM open_specs"), ==, 1);

  /* More typing goes to the same spec. */
  type_text (f->window, "More.\n");
  g_assert_true (spec_test_wait_for (autosave_idle, f->window, TIMEOUT_MS));
  g_assert_cmpint (spec_document_get_library_id (document), ==, id);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs"), ==, 1);

  /* Closing: no question (the text is in the library), marked closed,
   * nothing to recover. */
  type_text (f->window, "Last words.\n");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (f->window)));
  spec_library_writer_flush (f->writer);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM open_specs"), ==, 0);
  g_clear_pointer (&entry, spec_library_entry_free);
  entry = spec_library_get (f->library, id, NULL);
  g_assert_true (g_str_has_suffix (entry->body, "Last words.\n"));
}

/* Ctrl+S on a spec with no file saves it into the library. */
static void
test_save_into_library (Fixture       *f,
                        gconstpointer  data)
{
  SpecDocument *document = spec_window_get_document (f->window);
  g_autoptr(GArray) revisions = NULL;

  type_text (f->window, "# Saved Here\n");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_true (spec_test_wait_for (autosave_idle, f->window, TIMEOUT_MS));
  g_assert_null (f->window->chooser);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  revisions = spec_library_list_revisions (f->library, spec_document_get_library_id (document), NULL);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpint (g_array_index (revisions, SpecRevision, 0).reason, ==, SPEC_REVISION_SAVE);
}

/* A file is linked when read, and its saves are revisions. */
static void
test_linked_file (Fixture       *f,
                  gconstpointer  data)
{
  SpecDocument *document = spec_window_get_document (f->window);
  g_autofree char *path = g_build_filename (f->tmpdir, "spec.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GArray) revisions = NULL;
  g_autoptr(SpecLibraryEntry) entry = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, "# On Disk\n", -1, NULL));
  spec_window_open (f->window, file);
  g_assert_true (spec_test_wait_for (file_linked, f->window, TIMEOUT_MS));
  id = spec_library_find_file (f->library, uri);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (spec_document_get_library_id (document), ==, id);

  /* An autosave is history only: the library's text is the file's. */
  type_text (f->window, "typed ");
  g_assert_true (spec_test_wait_for (autosave_idle, f->window, TIMEOUT_MS));
  entry = spec_library_get (f->library, id, NULL);
  g_assert_cmpstr (entry->body, ==, "# On Disk\n");
  g_clear_pointer (&entry, spec_library_entry_free);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_true (spec_test_wait_for (autosave_idle, f->window, TIMEOUT_MS));
  spec_test_iterate (100);
  spec_library_writer_flush (f->writer);
  entry = spec_library_get (f->library, id, NULL);
  g_assert_cmpstr (entry->body, ==, "typed # On Disk\n");
  revisions = spec_library_list_revisions (f->library, id, NULL);
  g_assert_cmpint (g_array_index (revisions, SpecRevision, revisions->len - 1).reason, ==, SPEC_REVISION_SAVE);
}

static gboolean
autosave_failing (gpointer data)
{
  return spec_autosave_is_failing (spec_window_get_autosave (data));
}

static gboolean
autosave_working (gpointer data)
{
  return !autosave_failing (data) && autosave_idle (data);
}

/* Another program holds the library: the user is told, the text stays,
 * and once the library is free the autosave goes through. */
static void
test_library_locked (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SpecLibrary) other = spec_library_open (f->path, NULL, NULL);
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *png = NULL;

  g_assert_cmpint (sqlite3_exec (_spec_library_get_db (other), "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);
  type_text (f->window, "# Locked Out\n\nStill typing.\n");
  g_assert_true (spec_test_wait_for (autosave_failing, f->window, TIMEOUT_MS));
  g_assert_nonnull (f->window->autosave_toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->autosave_toast), ==, "Could not autosave; trying again");
  g_assert_true (g_str_has_prefix (f->window->autosave_error, "The library is in use by another program"));
  spec_test_iterate (600);   /* the toast slides in */
  png = spec_test_save_screenshot (GTK_WIDGET (f->window), "library-autosave-failing");
  g_test_message ("screenshot: %s", png);

  g_assert_cmpint (sqlite3_exec (_spec_library_get_db (other), "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (spec_test_wait_for (autosave_working, f->window, TIMEOUT_MS));
  g_assert_null (f->window->autosave_toast);
  entry = spec_library_get (f->library, spec_document_get_library_id (spec_window_get_document (f->window)), NULL);
  g_assert_cmpstr (entry->body, ==, "# Locked Out\n\nStill typing.\n");
}

typedef struct
{
  GPtrArray *recovered;   /* titles */
  GPtrArray *discarded;
} Answers;

static void
answered_cb (SpecRecoveryDialog *dialog,
             SpecRecoverable    *recoverable,
             GPtrArray          *titles)
{
  g_ptr_array_add (titles, g_strdup (recoverable->title));
}

static void
test_recovery_dialog (Fixture       *f,
                      gconstpointer  data)
{
  Answers answers = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  SpecRecoveryDialog *dialog;
  g_autofree char *png = NULL;
  GtkWidget *row;
  gint64 a, b, c;

  a = spec_library_add (f->library, "# Alpha\n\nSaved [TEXT].\n", NULL, SPEC_REVISION_SAVE, NULL);
  b = spec_library_link_file (f->library, "file:///home/me/specs/beta.md", NULL, "# Beta\n\nOn disk.\n",
                              SPEC_REVISION_IMPORT, NULL);
  c = spec_library_add (f->library, "# Gamma\n\nNever saved.\n", NULL, SPEC_REVISION_AUTOSAVE, NULL);
  g_assert_true (spec_library_autosave (f->library, a, "# Alpha\n\nSaved text, then typed on.\n", NULL));
  g_assert_true (spec_library_autosave (f->library, b, "# Beta\n\nOn disk.\n\nAnd a new paragraph.\n", NULL));
  g_assert_true (spec_library_autosave (f->library, c, "# Gamma\n\nNever saved.\n", NULL));

  dialog = spec_recovery_dialog_new (spec_library_list_recoverable (f->library, NULL));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  g_signal_connect (dialog, "recover", G_CALLBACK (answered_cb), answers.recovered);
  g_signal_connect (dialog, "discard", G_CALLBACK (answered_cb), answers.discarded);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (spec_recovery_dialog_get_n_items (dialog), ==, 3);

  /* Each row says what it would bring back. */
  row = spec_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spec_test_iterate (600);   /* the row opens */
  {
    g_autofree char *shown = spec_test_collect_text (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (shown, "Alpha"));
    g_assert_nonnull (strstr (shown, "/home/me/specs/beta.md"));
    g_assert_nonnull (strstr (shown, "never saved"));
    g_assert_nonnull (strstr (shown, "+ And a new paragraph."));
  }
  png = spec_test_save_screenshot (GTK_WIDGET (dialog), "recovery-dialog");
  g_test_message ("screenshot: %s", png);

  /* Discarding one leaves the others; recovering all closes it. */
  {
    GtkWidget *discard = spec_test_find_button (row, "_Discard");

    g_assert_nonnull (discard);
    g_signal_emit_by_name (discard, "clicked");
  }
  g_assert_cmpuint (answers.discarded->len, ==, 1);
  g_assert_cmpuint (spec_recovery_dialog_get_n_items (dialog), ==, 2);
  g_object_ref (dialog);
  spec_recovery_dialog_recover_all (dialog);
  g_assert_cmpuint (answers.recovered->len, ==, 2);
  g_assert_cmpuint (spec_recovery_dialog_get_n_items (dialog), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  g_ptr_array_unref (answers.recovered);
  g_ptr_array_unref (answers.discarded);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/library-ui/autosave-new-spec", test_autosave_new_spec);
  ADD ("/library-ui/save-into-library", test_save_into_library);
  ADD ("/library-ui/linked-file", test_linked_file);
  ADD ("/library-ui/library-locked", test_library_locked);
  ADD ("/library-ui/recovery-dialog", test_recovery_dialog);

#undef ADD

  return g_test_run ();
}
