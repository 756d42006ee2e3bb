/* test-library-ui.c: the window's document in the library: autosave,
 * saving a spec with no file, closing, a failing library, recovery
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "spec-library-import.h"
#include "spec-history-dialog.h"
#include "spec-library-item.h"
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
  GtkWidget *dialog;

  while ((dialog = spec_test_find_dialog (GTK_WINDOW (f->window))))
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  spec_library_writer_flush (f->writer);
  spec_test_iterate (50);
  g_clear_object (&f->writer);
  g_clear_object (&f->library);

  spec_test_remove_tree (f->tmpdir);
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
  g_assert_cmpint (g_get_monotonic_time () - start, <, spec_test_time_limit (2 * G_USEC_PER_SEC));

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

typedef struct
{
  const char *path;
  const char *contents;
} FileHolds;

static gboolean
file_holds (gpointer data)
{
  FileHolds *check = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (check->path, &contents, NULL, NULL) && g_strcmp0 (contents, check->contents) == 0;
}

static gboolean
document_saved (gpointer data)
{
  return !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (spec_window_get_document (data)));
}

/* With "Autosave to Files" on, a file is written as it is autosaved. */
static void
test_autosave_to_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "auto.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FileHolds check = { path, "typed # On Disk\n" };

  g_assert_true (g_file_set_contents (path, "# On Disk\n", -1, NULL));
  spec_window_open (f->window, file);
  g_assert_true (spec_test_wait_for (file_linked, f->window, TIMEOUT_MS));

  /* Off, as it starts: the file waits for Save. */
  type_text (f->window, "typed ");
  g_assert_true (spec_test_wait_for (autosave_idle, f->window, TIMEOUT_MS));
  spec_test_iterate (300);
  check.contents = "# On Disk\n";
  g_assert_true (file_holds (&check));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.autosave-files", NULL);
  g_assert_true (f->window->autosave_files);
  type_text (f->window, "more ");
  check.contents = "typed more # On Disk\n";
  g_assert_true (spec_test_wait_for (file_holds, &check, TIMEOUT_MS));
  /* Saved: nothing unsaved left to ask about. */
  g_assert_true (spec_test_wait_for (document_saved, f->window, TIMEOUT_MS));
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
  type_text (f->window, "# Locked Out\n\n");
  /* More typing, and a save, while the first write waits for the lock:
   * they wait for the spec it makes rather than make others. */
  spec_test_iterate (1200);
  type_text (f->window, "Still ");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  spec_test_iterate (1200);
  type_text (f->window, "typing.\n");
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
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs"), ==, 1);
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

/* The library view */

static GListModel *
view_model (Fixture *f)
{
  return spec_library_view_get_model (_spec_window_get_library_view (f->window));
}

static guint
n_rows (gpointer data)
{
  return g_list_model_get_n_items (view_model (data));
}

typedef struct
{
  Fixture *f;
  guint    n;
} RowCount;

static gboolean
rows_are (gpointer data)
{
  RowCount *count = data;

  return n_rows (count->f) == count->n;
}

static void
wait_rows (Fixture *f,
           guint    n)
{
  RowCount count = { f, n };

  if (!spec_test_wait_for (rows_are, &count, TIMEOUT_MS))
    g_error ("%u rows, not %u", n_rows (f), n);
}

static const char *
row_title (Fixture *f,
           guint    position)
{
  g_autoptr(SpecLibraryItem) item = g_list_model_get_item (view_model (f), position);

  return spec_library_item_get_title (item);
}

static gboolean
is_toggle_with_icon (GtkWidget     *widget,
                     gconstpointer  icon)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

static void
fill_library (Fixture *f)
{
  gint64 trashed;

  spec_library_add (f->library, "# Billing Export\n\n**Status:** Approved\n\nInvoices as CSV.\n",
                    "feature", SPEC_REVISION_IMPORT, NULL);
  spec_library_add (f->library, "# Search Backend\n\n**Status:** Draft\n\nFull-text search over [NUMBER] invoices.\n",
                    "technical", SPEC_REVISION_IMPORT, NULL);
  spec_library_add (f->library, "# Audit Log\n\n**Status:** Review\n\n[NEEDS CLARIFICATION: retention?]\n",
                    NULL, SPEC_REVISION_IMPORT, NULL);
  spec_library_link_file (f->library, "file:///home/me/specs/onboarding.md", NULL,
                          "# Onboarding\n\n**Status:** Draft\n\nDone.\n", SPEC_REVISION_IMPORT, NULL);
  trashed = spec_library_add (f->library, "# Old Idea\n", NULL, SPEC_REVISION_IMPORT, NULL);
  spec_library_trash (f->library, trashed, NULL);
}

/* The library's page is built the first time it is shown, not with the
 * window: a window opened on a file does not pay for it at start-up.
 * Once built it stays, and shows and hides as before. */
static void
test_library_built_when_shown (Fixture       *f,
                               gconstpointer  data)
{
  GtkStack *stack = f->window->main_stack;
  GtkWidget *view;

  spec_test_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (f->window->library_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_stack_get_pages (stack))), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL);
  view = GTK_WIDGET (f->window->library_view);
  g_assert_nonnull (view);
  g_assert_true (gtk_stack_get_visible_child (stack) == view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "library");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  g_assert_true (GTK_WIDGET (f->window->library_view) == view);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL);
  g_assert_true (gtk_stack_get_visible_child (stack) == view);
  g_assert_true (_spec_window_get_library_view (f->window) == SPEC_LIBRARY_VIEW (view));
}

static void
test_library_view (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (_spec_window_get_library_view (f->window));
  GtkWidget *entry = spec_test_find_widget (view, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *status = spec_test_find_widget (view, GTK_TYPE_DROP_DOWN);
  GtkWidget *unfilled = spec_test_find_button (view, "_Unfilled");
  GtkWidget *column_view = spec_test_find_widget (view, GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_autofree char *png = NULL;
  g_autofree char *shown = NULL;

  fill_library (f);

  /* Shown with Shift+Ctrl+L's action: every spec outside the trash,
   * newest first, and the search field focused. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-library", NULL);
  g_assert_true (f->window->show_library);
  wait_rows (f, 4);
  g_assert_cmpstr (row_title (f, 0), ==, "Onboarding");
  spec_test_iterate (300);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    g_assert_nonnull (focus);
    if (focus != entry && !gtk_widget_is_ancestor (focus, entry))
      g_error ("focus on %s", G_OBJECT_TYPE_NAME (focus));
  }
  png = spec_test_save_screenshot (GTK_WIDGET (f->window), "library-view");
  g_test_message ("screenshot: %s", png);
  g_clear_pointer (&png, g_free);

  /* A column header sorts. */
  g_test_message ("stage: %s", "A column header s");
  {
    g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 0);

    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), title, GTK_SORT_ASCENDING);
    g_assert_cmpstr (row_title (f, 0), ==, "Audit Log");
    g_assert_cmpstr (row_title (f, 3), ==, "Search Backend");
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), NULL, GTK_SORT_ASCENDING);
  }

  /* The status filter offers what the specs have. */
  g_test_message ("stage: %s", "The status filter");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (status))), ==, 4);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 2);   /* All, Approved, Draft, Review */
  wait_rows (f, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (unfilled), TRUE);
  wait_rows (f, 1);
  g_assert_cmpstr (row_title (f, 0), ==, "Search Backend");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (unfilled), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 0);
  wait_rows (f, 4);

  /* Search as one types: the best hit first, a snippet under it. */
  g_test_message ("stage: %s", "Search as one typ");
  gtk_editable_set_text (GTK_EDITABLE (entry), "invoi");
  wait_rows (f, 2);
  g_assert_cmpstr (row_title (f, 0), ==, "Billing Export");
  spec_test_iterate (200);
  shown = spec_test_collect_text (column_view);
  g_assert_nonnull (strstr (shown, "Invoices as CSV"));
  png = spec_test_save_screenshot (GTK_WIDGET (f->window), "library-search");
  g_test_message ("screenshot: %s", png);
  g_clear_pointer (&png, g_free);

  /* Search syntax typed by the user is words, not an error. */
  g_test_message ("stage: %s", "Search syntax typ");
  gtk_editable_set_text (GTK_EDITABLE (entry), "AND ( \"*");
  wait_rows (f, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_rows (f, 4);

  /* A click opens the spec in the editor. */
  g_test_message ("stage: %s", "A click opens the");
  g_signal_emit_by_name (column_view, "activate", 3);
  g_assert_false (f->window->show_library);
  g_assert_cmpstr (spec_document_get_title (spec_window_get_document (f->window)), ==, "Billing Export");
}

static gboolean
dialog_shown (gpointer data)
{
  return spec_test_find_dialog (data) != NULL;
}

static void
test_library_trash (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (_spec_window_get_library_view (f->window));
  GtkWidget *column_view = spec_test_find_widget (view, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *trash = spec_test_find_matching (view, is_toggle_with_icon, "user-trash-symbolic");
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  AdwMessageDialog *dialog;

  fill_library (f);
  spec_window_set_show_library (f->window, TRUE);
  wait_rows (f, 4);

  /* Delete moves the selected spec to the trash, with Undo. */
  gtk_selection_model_select_item (selection, 1, TRUE);
  g_assert_cmpstr (row_title (f, 1), ==, "Audit Log");
  gtk_widget_activate_action (view, "library.trash", NULL);
  wait_rows (f, 3);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs WHERE trashed_at != 0"), ==, 2);

  /* The trash lists both, and restores. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (trash), TRUE);
  wait_rows (f, 2);
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_cmpstr (row_title (f, 0), ==, "Audit Log");
  gtk_widget_activate_action (view, "library.restore", NULL);
  wait_rows (f, 1);

  /* Emptying asks first; Cancel keeps everything. */
  gtk_widget_activate_action (view, "library.empty-trash", NULL);
  g_assert_true (spec_test_wait_for (dialog_shown, f->window, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  spec_test_iterate (200);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs"), ==, 5);

  gtk_widget_activate_action (view, "library.empty-trash", NULL);
  g_assert_true (spec_test_wait_for (dialog_shown, f->window, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (f->window)));
  adw_message_dialog_response (dialog, "empty");
  wait_rows (f, 0);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs"), ==, 4);
  g_assert_true (spec_library_check_index (f->library, NULL));
}

static gboolean
history_shown (gpointer data)
{
  return spec_test_find_toplevel (SPEC_TYPE_HISTORY_DIALOG, data) != NULL;
}

static gboolean
newest_is_restore (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GArray) revisions = spec_library_list_revisions (f->library, 1, NULL);

  return revisions->len > 0 &&
         g_array_index (revisions, SpecRevision, revisions->len - 1).reason == SPEC_REVISION_RESTORE;
}

/* The history of the spec being edited: its revisions, a line diff
 * against the editor's text, Restore as one undoable edit and a new
 * revision. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  SpecDocument *document = spec_window_get_document (f->window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  SpecHistoryDialog *dialog;
  g_autofree char *diff = NULL;
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SpecLibraryEntry) entry = NULL;
  gint64 id;

  id = spec_library_add (f->library, "# Payments\n\n**Status:** Draft\n\n- [ ] [CRITERION]\n",
                         NULL, SPEC_REVISION_SAVE, NULL);
  g_assert_cmpint (id, ==, 1);
  g_assert_true (spec_library_update (f->library, id, "# Payments\n\n**Status:** Draft\n\n- [ ] Refunds in a day\n",
                                      SPEC_REVISION_AUTOSAVE, NULL));
  g_assert_true (spec_library_update (f->library, id,
                                      "# Payments\n\n**Status:** Review\n\n- [ ] Refunds in a day\n- [x] Receipts\n",
                                      SPEC_REVISION_SAVE, NULL));
  g_assert_true (spec_window_open_spec (f->window, id));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.history", NULL);
  g_assert_true (spec_test_wait_for (history_shown, f->window, TIMEOUT_MS));
  dialog = SPEC_HISTORY_DIALOG (spec_test_find_toplevel (SPEC_TYPE_HISTORY_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpuint (spec_history_dialog_get_n_revisions (dialog), ==, 3);

  /* The oldest against the text now. */
  spec_history_dialog_select (dialog, 2);
  diff = spec_history_dialog_dup_diff_text (dialog);
  g_assert_nonnull (strstr (diff, "− **Status:** Draft\n"));
  g_assert_nonnull (strstr (diff, "+ **Status:** Review\n"));
  g_assert_nonnull (strstr (diff, "− - [ ] [CRITERION]\n"));
  g_assert_nonnull (strstr (diff, "  # Payments\n"));
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (dialog), "history-dialog");
  g_test_message ("screenshot: %s", png);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "history.restore", NULL);
  text = spec_document_dup_text (document);
  g_assert_cmpstr (text, ==, "# Payments\n\n**Status:** Draft\n\n- [ ] [CRITERION]\n");
  g_assert_true (spec_test_wait_for (newest_is_restore, f, TIMEOUT_MS));
  entry = spec_library_get (f->library, id, NULL);
  g_assert_cmpstr (entry->body, ==, text);
  g_clear_pointer (&text, g_free);

  /* One undo takes the restore back. */
  gtk_text_buffer_undo (buffer);
  text = spec_document_dup_text (document);
  g_assert_nonnull (strstr (text, "- [x] Receipts"));
}

static void
write_spec (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static gboolean
import_finished (gpointer data)
{
  Fixture *f = data;
  GtkWidget *bar = spec_test_find_widget (GTK_WIDGET (_spec_window_get_library_view (f->window)), GTK_TYPE_REVEALER);

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (bar));
}

/* A folder dropped or chosen: the specs come in, the rest is listed
 * with reasons. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->tmpdir, "incoming", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  static const char binary[] = "# B\0\1 binary";
  AdwMessageDialog *dialog;
  g_autofree char *png = NULL;

  write_spec (dir, "one.md", "# One\n\nText.\n", -1);
  write_spec (dir, "deeper/two.md", "# Two\n\n[TODO]\n", -1);
  write_spec (dir, "binary.md", binary, sizeof binary - 1);
  write_spec (dir, "latin1.md", "# Caf\xe9\n", -1);
  g_ptr_array_add (files, g_file_new_for_path (dir));

  spec_window_set_show_library (f->window, TRUE);
  spec_library_view_import (_spec_window_get_library_view (f->window), files, FALSE);
  g_assert_true (spec_test_wait_for (import_finished, f, TIMEOUT_MS));
  wait_rows (f, 2);

  g_assert_true (spec_test_wait_for (dialog_shown, f->window, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "2 Specs Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 files were skipped:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "binary.md: It contains NUL bytes"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "latin1.md: It is not valid UTF-8"));
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (dialog), "library-import-summary");
  g_test_message ("screenshot: %s", png);
  adw_message_dialog_response (dialog, "close");

  /* Copied: the files are no longer needed. */
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs WHERE file_uri IS NULL"), ==, 2);
}

typedef struct
{
  Fixture *f;
  guint    n;
} LinkedCount;

static gboolean
linked_are (gpointer data)
{
  LinkedCount *count = data;

  return count_rows (count->f->library, "SELECT count(*) FROM specs WHERE file_uri IS NOT NULL AND trashed_at = 0")
         == count->n;
}

/* A folder added stays linked, and a window coming forward rescans it. */
static void
test_add_folder (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->tmpdir, "repo-specs", NULL);
  g_autofree char *gone = g_build_filename (dir, "b.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  LinkedCount count = { f, 2 };

  write_spec (dir, "a.md", "# A\n", -1);
  write_spec (dir, "b.md", "# B\n", -1);

  spec_window_set_show_library (f->window, TRUE);
  spec_library_view_add_folder (_spec_window_get_library_view (f->window), folder);
  g_assert_true (spec_test_wait_for (import_finished, f, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (linked_are, &count, TIMEOUT_MS));
  wait_rows (f, 2);

  /* Changed in git meanwhile: one file gone, one new. */
  g_assert_cmpint (g_unlink (gone), ==, 0);
  write_spec (dir, "c.md", "# C\n", -1);
  write_spec (dir, "d.md", "# D\n", -1);
  g_object_set_data (G_OBJECT (f->library), "spec-last-rescan", NULL);
  spec_window_rescan_folders (f->window);
  count.n = 3;
  g_assert_true (spec_test_wait_for (linked_are, &count, TIMEOUT_MS));
  wait_rows (f, 3);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs WHERE trashed_at != 0"), ==, 1);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  static const char body[] = "# Export Me\n\n**Status:** Draft\n\nAs it is.\n";
  g_autofree char *path = g_build_filename (f->tmpdir, "exported.md", NULL);
  g_autofree char *nowhere = g_build_filename (f->tmpdir, "no", "such", "folder.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (nowhere);
  g_autofree char *written = NULL;
  gint64 id = spec_library_add (f->library, body, NULL, SPEC_REVISION_SAVE, NULL);

  spec_library_view_export (_spec_window_get_library_view (f->window), id, file);
  g_assert_true (spec_test_wait_for (file_exists, path, TIMEOUT_MS));
  spec_test_iterate (100);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, body);

  /* Nowhere to write: told, nothing made. */
  spec_library_view_export (_spec_window_get_library_view (f->window), id, bad);
  spec_test_iterate (500);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

typedef struct
{
  Fixture    *f;
  gint64      id;
  const char *status;
} StatusIs;

static gboolean
status_is (gpointer data)
{
  StatusIs *check = data;
  g_autoptr(SpecLibraryEntry) entry = spec_library_get (check->f->library, check->id, NULL);

  return g_strcmp0 (entry->status, check->status) == 0;
}

static void
select_title (Fixture    *f,
              const char *title)
{
  GtkWidget *column_view = spec_test_find_widget (GTK_WIDGET (_spec_window_get_library_view (f->window)), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));

  for (guint i = 0; i < n_rows (f); i++)
    if (g_strcmp0 (row_title (f, i), title) == 0)
      {
        gtk_selection_model_select_item (selection, i, TRUE);
        return;
      }
  g_error ("no row “%s”", title);
}

/* Setting a status from the library edits the spec's Status line: in
 * the library, or in the editor for the spec being edited. */
static void
test_set_status (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (_spec_window_get_library_view (f->window));
  SpecDocument *document = spec_window_get_document (f->window);
  gint64 other = spec_library_add (f->library, "# Other\n\n**Status:** Draft\n", NULL, SPEC_REVISION_SAVE, NULL);
  gint64 own = spec_library_add (f->library, "# Own\n\n**Status:** Review\n\nBody.\n", NULL, SPEC_REVISION_SAVE, NULL);
  StatusIs check = { f, other, "Approved" };
  g_autofree char *text = NULL;

  spec_library_add (f->library, "# No Status\n", NULL, SPEC_REVISION_SAVE, NULL);
  g_assert_true (spec_window_open_spec (f->window, own));
  spec_window_set_show_library (f->window, TRUE);
  wait_rows (f, 3);

  select_title (f, "Other");
  gtk_widget_activate_action (view, "library.set-status", "s", "Approved");
  g_assert_true (spec_test_wait_for (status_is, &check, TIMEOUT_MS));

  /* The spec being edited: its text in the editor, one undoable edit,
   * saved into the library. */
  select_title (f, "Own");
  gtk_widget_activate_action (view, "library.set-status", "s", "Implemented");
  text = spec_document_dup_text (document);
  g_assert_cmpstr (text, ==, "# Own\n\n**Status:** Implemented\n\nBody.\n");
  check.id = own;
  check.status = "Implemented";
  g_assert_true (spec_test_wait_for (status_is, &check, TIMEOUT_MS));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_clear_pointer (&text, g_free);
  text = spec_document_dup_text (document);
  g_assert_cmpstr (text, ==, "# Own\n\n**Status:** Review\n\nBody.\n");

  /* No Status line: said, nothing changed. */
  select_title (f, "No Status");
  gtk_widget_activate_action (view, "library.set-status", "s", "Draft");
  spec_test_iterate (300);
  g_assert_cmpuint (count_rows (f->library, "SELECT count(*) FROM specs WHERE title = 'No Status' AND status IS NULL"), ==, 1);
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
  ADD ("/library-ui/autosave-to-file", test_autosave_to_file);
  ADD ("/library-ui/library-locked", test_library_locked);
  ADD ("/library-ui/recovery-dialog", test_recovery_dialog);
  ADD ("/library-ui/built-when-shown", test_library_built_when_shown);
  ADD ("/library-ui/view", test_library_view);
  ADD ("/library-ui/trash", test_library_trash);
  ADD ("/library-ui/history", test_history);
  ADD ("/library-ui/import", test_import);
  ADD ("/library-ui/add-folder", test_add_folder);
  ADD ("/library-ui/export", test_export);
  ADD ("/library-ui/set-status", test_set_status);

#undef ADD

  return g_test_run ();
}
