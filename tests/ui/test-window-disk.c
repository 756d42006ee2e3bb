/* test-window-disk.c: the document's file changed or deleted by another
 * program while it is open
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

/* The banner has slid in all the way. */
static gboolean
banner_shown (gpointer data)
{
  SpecWindow *window = data;
  GtkWidget *revealer = spec_test_find_widget (GTK_WIDGET (window->disk_banner), GTK_TYPE_REVEALER);

  return spec_disk_banner_get_revealed (window->disk_banner) &&
         gtk_widget_get_visible (GTK_WIDGET (window->disk_banner)) &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* The banner has slid out, and is out of the way. */
static gboolean
banner_gone (gpointer data)
{
  SpecWindow *window = data;

  return !spec_disk_banner_get_revealed (window->disk_banner) &&
         !gtk_widget_get_visible (GTK_WIDGET (window->disk_banner));
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

/* A button of the banner, as shown and usable, or hidden. */
static GtkWidget *
banner_button (SpecWindow *window,
               const char *label,
               gboolean    shown)
{
  GtkWidget *button = spec_test_find_button (GTK_WIDGET (window->disk_banner), label);

  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_get_visible (button), ==, shown);
  if (shown)
    {
      g_assert_true (gtk_widget_is_sensitive (button));
      g_assert_true (gtk_widget_get_mapped (button));
      /* Alt and the underlined letter press it. */
      g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
    }

  return button;
}

/* The banner is in, says @message, and offers what @state offers; no
 * dialog stops the typing. */
static void
wait_banner (SpecWindow          *window,
             SpecDiskBannerState  state,
             const char          *message)
{
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (spec_test_wait_for (banner_shown, window, TIMEOUT_MS));
  g_assert_cmpint (spec_disk_banner_get_state (window->disk_banner), ==, state);
  g_assert_cmpstr (spec_disk_banner_get_message (window->disk_banner), ==, message);
  /* What a user sees: the message, then the buttons' words. */
  expected = g_strconcat (message, "\n",
                          state == SPEC_DISK_BANNER_CHANGED ? "Reload\nKeep Mine\n" : "Save\n",
                          NULL);
  shown = spec_test_collect_text (GTK_WIDGET (window->disk_banner));
  g_assert_cmpstr (shown, ==, expected);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (window->disk_banner), GTK_ACCESSIBLE_ROLE_ALERT);
  banner_button (window, "_Reload", state == SPEC_DISK_BANNER_CHANGED);
  banner_button (window, "_Keep Mine", state == SPEC_DISK_BANNER_CHANGED);
  banner_button (window, "_Save", state == SPEC_DISK_BANNER_GONE);
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
}

static void
click (SpecWindow *window,
       const char *label)
{
  g_assert_true (gtk_widget_activate (banner_button (window, label, TRUE)));
}

/* The window with the banner in, light and dark: look at them. */
static void
screenshots (SpecWindow *window,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  g_free (spec_test_save_screenshot (GTK_WIDGET (window), light));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  spec_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_free (spec_test_save_screenshot (GTK_WIDGET (window), dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  spec_test_wait_for_frames (GTK_WIDGET (window), 3);
}

/* Changed on disk: when the window comes back, a banner tells, and
 * Reload is one edit that undo takes back; Keep Mine keeps the text, and
 * Save then writes it, as chosen.  Before a save the user waits for, a
 * dialog asks: Cancel changes neither file nor text, Save Anyway
 * replaces the file.  A deleted file gets the banner too, Save writes it
 * again; a file back as it was needs no banner; nor does another file. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-disk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spec.md", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.md", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
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

  /* Nothing changed: nothing told. */
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  spec_test_iterate (300);
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  g_assert_false (spec_disk_banner_get_revealed (window->disk_banner));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->disk_banner)));

  /* Changed: the banner; Reload, then undo. */
  write_outside (path, "# Two\n");
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  wait_banner (window, SPEC_DISK_BANNER_CHANGED, "“spec.md” was changed by another program.");
  screenshots (window, "disk-banner-changed");
  click (window, "_Reload");
  text.text = "# Two\n";
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));
  g_assert_false (gtk_text_buffer_get_modified (buffer));
  gtk_text_buffer_undo (buffer);
  text.text = "# One\n";
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  gtk_text_buffer_redo (buffer);
  text.text = "# Two\n";
  g_assert_true (text_is (&text));

  /* My edit, their change, then Save: a dialog asks, no banner first;
   * Cancel changes nothing, and the banner keeps the question. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nMine.\n", -1);
  write_outside (path, "# Three\n");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“spec.md” Changed on Disk");
  g_assert_false (spec_disk_banner_get_revealed (window->disk_banner));
  respond (dialog, "cancel");
  on_disk.text = "# Three\n";
  wait_banner (window, SPEC_DISK_BANNER_CHANGED, "“spec.md” was changed by another program.");
  g_assert_true (file_is (&on_disk));
  text.text = "# Two\n\nMine.\n";
  g_assert_true (text_is (&text));

  /* Save with the banner in: asked again, never written over silently;
   * Save Anyway: the file is mine, and the banner goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_dialog (window);
  spec_test_iterate (200);
  g_assert_true (file_is (&on_disk));
  respond (dialog, "save");
  on_disk.text = "# Two\n\nMine.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));

  /* And saving again asks nothing: the file is as written. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "More.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  on_disk.text = "# Two\n\nMine.\nMore.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  /* Their change again: Keep Mine keeps my text and leaves their file
   * until I save; then Save writes mine, as I chose. */
  write_outside (path, "# Four\n");
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  wait_banner (window, SPEC_DISK_BANNER_CHANGED, "“spec.md” was changed by another program.");
  click (window, "_Keep Mine");
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));
  text.text = "# Two\n\nMine.\nMore.\n";
  g_assert_true (text_is (&text));
  g_assert_true (gtk_text_buffer_get_modified (buffer));
  on_disk.text = "# Four\n";
  g_assert_true (file_is (&on_disk));
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  spec_test_iterate (300);
  g_assert_false (spec_disk_banner_get_revealed (window->disk_banner));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  on_disk.text = "# Two\n\nMine.\nMore.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));
  g_assert_false (gtk_text_buffer_get_modified (buffer));

  /* Deleted: the banner; the text stays; its Save (Ctrl+S's action)
   * writes it again, and the banner goes. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  wait_banner (window, SPEC_DISK_BANNER_GONE, "“spec.md” was deleted or moved. Save writes it again.");
  screenshots (window, "disk-banner-gone");
  g_assert_true (gtk_text_buffer_get_modified (buffer));
  g_assert_true (text_is (&text));
  /* Told once: looking again changes nothing. */
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  spec_test_iterate (300);
  g_assert_true (banner_shown (window));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  click (window, "_Save");
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));
  g_assert_false (gtk_text_buffer_get_modified (buffer));

  /* Moved away and back as it was: the banner, then none. */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  wait_banner (window, SPEC_DISK_BANNER_GONE, "“spec.md” was deleted or moved. Save writes it again.");
  g_assert_cmpint (g_rename (moved, path), ==, 0);
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (file_is (&on_disk));

  /* The banner is about this file: another one opened, it goes. */
  write_outside (path, "# Five\n");
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  wait_banner (window, SPEC_DISK_BANNER_CHANGED, "“spec.md” was changed by another program.");
  gtk_text_buffer_set_modified (buffer, FALSE);
  g_assert_true (g_file_set_contents (other_path, "# Other\n", -1, NULL));
  spec_window_open (window, other);
  text.text = "# Other\n";
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));
  /* Nothing left to answer. */
  g_assert_false (gtk_widget_is_sensitive (spec_test_find_button (GTK_WIDGET (window->disk_banner), "_Reload")));
  g_assert_false (gtk_widget_is_sensitive (spec_test_find_button (GTK_WIDGET (window->disk_banner), "_Keep Mine")));
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_test_remove_tree (dir);
}

/* Autosaving to the file looks at it first, off the main thread: over
 * another program's change the banner tells, and nothing is written.  And a Save asked
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

  /* Changed outside: the banner tells, the file is not overwritten,
   * however often the autosave comes. */
  write_outside (path, "# Theirs\n");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "More.\n", -1);
  wait_banner (window, SPEC_DISK_BANNER_CHANGED, "“spec.md” was changed by another program.");
  on_disk.text = "# Theirs\n";
  g_assert_true (file_is (&on_disk));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Still.\n", -1);
  spec_test_iterate (1500);
  g_assert_true (file_is (&on_disk));
  g_assert_true (banner_shown (window));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  click (window, "_Keep Mine");
  g_assert_true (spec_test_wait_for (banner_gone, window, TIMEOUT_MS));

  /* Save while a look is under way: done once the look is. */
  _spec_window_check_disk (window, SPEC_DISK_THEN_NOTHING);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  on_disk.text = "# One\n\nMine.\nMore.\nStill.\n";
  g_assert_true (spec_test_wait_for (file_is, &on_disk, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
  g_assert_false (spec_disk_banner_get_revealed (window->disk_banner));

  /* Changed after the look, before the write (the write is asked for
   * here without a look): the file is looked at again as it is
   * replaced, so theirs is kept, the banner tells, the text stays. */
  g_assert_true (spec_test_wait_for (not_busy, window, TIMEOUT_MS));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.autosave-files", NULL);
  g_assert_false (window->autosave_files);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Late.\n", -1);
  write_outside (path, "# Later\n");
  _spec_window_autosave_file (window);
  wait_banner (window, SPEC_DISK_BANNER_CHANGED, "“spec.md” was changed by another program.");
  on_disk.text = "# Later\n";
  g_assert_true (file_is (&on_disk));
  text.text = "# One\n\nMine.\nMore.\nStill.\nLate.\n";
  g_assert_true (text_is (&text));
  g_assert_true (gtk_text_buffer_get_modified (buffer));

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
  spec_test_load_app_style ();

  g_test_add_func ("/window-disk/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window-disk/autosave-asks", test_autosave_asks);

  return g_test_run ();
}
