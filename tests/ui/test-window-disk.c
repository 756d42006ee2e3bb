/* test-window-disk.c: the document's file changed or deleted by another
 * program while it is open
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <utime.h>

#include <glib/gstdio.h>

#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 10000

typedef struct
{
  SpecWindow *window;
  const char *text;
} TextIs;

static gboolean
text_is (gpointer data)
{
  TextIs *want = data;
  g_autofree char *text = spec_document_dup_text (spec_window_get_document (want->window));

  return g_strcmp0 (text, want->text) == 0;
}

static gboolean
dialog_shown (gpointer data)
{
  return spec_test_find_dialog (GTK_WINDOW (data)) != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !spec_document_get_busy (spec_window_get_document (data));
}

typedef struct
{
  const char *path;
  const char *text;
} FileIs;

static gboolean
file_is (gpointer data)
{
  FileIs *want = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (want->path, &contents, NULL, NULL) && g_strcmp0 (contents, want->text) == 0;
}

/* Another program writes the file: a second later, so that its time
 * differs whatever the file system's resolution. */
static void
write_outside (const char *path,
               const char *text)
{
  struct stat st;
  struct utimbuf times;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  times.actime = st.st_atime + 2;
  times.modtime = st.st_mtime + 2;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static AdwMessageDialog *
wait_dialog (SpecWindow *window)
{
  g_assert_true (spec_test_wait_for (dialog_shown, window, TIMEOUT_MS));

  return ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (window)));
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Changed on disk: told when the window comes back and before a save;
 * Reload is one edit that undo takes back; Save Anyway replaces the
 * file, as chosen; Cancel changes neither; a deleted file is told, and
 * Save writes it again. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-disk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spec.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, NULL));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  AdwMessageDialog *dialog;
  TextIs text = { window, NULL };
  FileIs on_disk = { path, NULL };
  GtkTextIter end;

  g_assert_true (g_file_set_contents (path, "# One\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  spec_window_open (window, file);
  text.text = "# One\n";
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  /* Nothing changed: nothing asked. */
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  spec_test_iterate (300);
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));

  /* Changed: Reload, then undo. */
  write_outside (path, "# Two\n");
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  dialog = wait_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“spec.md” Changed on Disk");
  respond (dialog, "reload");
  text.text = "# Two\n";
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  g_assert_false (gtk_text_buffer_get_modified (buffer));
  gtk_text_buffer_undo (buffer);
  text.text = "# One\n";
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  gtk_text_buffer_redo (buffer);

  /* My edit, their change, then Save: asked; Cancel changes nothing. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nMine.\n", -1);
  write_outside (path, "# Three\n");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_dialog (window);
  respond (dialog, "cancel");
  spec_test_iterate (300);
  on_disk.text = "# Three\n";
  g_assert_true (file_is (&on_disk));
  text.text = "# Two\n\nMine.\n";
  g_assert_true (text_is (&text));

  /* Save Anyway: the file is mine. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_dialog (window);
  respond (dialog, "save");
  on_disk.text = "# Two\n\nMine.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  /* And saving again asks nothing: the file is as written. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "More.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  on_disk.text = "# Two\n\nMine.\nMore.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  /* Deleted: told; the text stays; Save writes it again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  spec_test_iterate (300);
  {
    g_autofree char *shown = spec_test_collect_text (GTK_WIDGET (window->toast_overlay));

    g_assert_nonnull (strstr (shown, "“spec.md” was deleted or moved"));
  }
  g_assert_true (gtk_text_buffer_get_modified (buffer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_test_remove_tree (dir);
}

/* Autosaving to the file looks at it first, off the main thread: over
 * another program's change it asks rather than writes.  And a Save asked
 * for while the file is being looked at is done, not dropped. */
static void
test_autosave_asks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-disk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spec.md", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpecLibrary) library = spec_library_open (db, NULL, NULL);
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (db);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, NULL));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  AdwMessageDialog *dialog;
  TextIs text = { window, "# One\n" };
  FileIs on_disk = { path, NULL };
  GtkTextIter end;

  g_assert_true (g_file_set_contents (path, "# One\n", -1, NULL));
  spec_window_set_library (window, library, writer);
  gtk_window_present (GTK_WINDOW (window));
  spec_window_open (window, file);
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  /* Unchanged outside: the autosave writes the file. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.autosave-files", NULL);
  g_assert_true (window->autosave_files);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nMine.\n", -1);
  on_disk.text = "# One\n\nMine.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));

  /* Changed outside: asked, not overwritten. */
  write_outside (path, "# Theirs\n");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "More.\n", -1);
  dialog = wait_dialog (window);
  on_disk.text = "# Theirs\n";
  g_assert_true (file_is (&on_disk));
  respond (dialog, "keep");

  /* Save while a look is under way: done once the look is. */
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  on_disk.text = "# One\n\nMine.\nMore.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));

  spec_autosave_close (spec_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_library_writer_flush (writer);
  spec_test_iterate (100);
  spec_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_test_add_func ("/window-disk/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window-disk/autosave-asks", test_autosave_asks);

  return g_test_run ();
}
