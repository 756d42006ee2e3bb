/* test-template-picker.c: choosing a template by keyboard, and the spec
 * it starts
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spec-library-private.h"
#include "spec-template-picker.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 10000

typedef struct
{
  SpecTemplate *template_;
  char         *title;
} Created;

static void
created_cb (SpecTemplatePicker *picker,
            SpecTemplate       *template_,
            const char         *title,
            Created            *created)
{
  g_set_object (&created->template_, template_);
  g_free (created->title);
  created->title = g_strdup (title);
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);

  return handled;
}

static const char *
selected_id (SpecTemplatePicker *picker)
{
  SpecTemplate *selected = spec_template_picker_get_selected (picker);

  return selected != NULL ? spec_template_get_id (selected) : NULL;
}

typedef struct
{
  SpecTemplatePicker *picker;
  guint               n;
} Shown;

static gboolean
shown_are (gpointer data)
{
  Shown *shown = data;

  return g_list_model_get_n_items (spec_template_picker_get_shown (shown->picker)) == shown->n;
}

static void
test_picker_keyboard (void)
{
  g_autofree char *user = g_dir_make_tmp ("specwright-picker-XXXXXX", NULL);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, user);
  SpecTemplatePicker *picker = spec_template_picker_new (store);
  GtkWidget *search = spec_test_find_widget (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *title = spec_test_find_widget (GTK_WIDGET (picker), GTK_TYPE_ENTRY);
  Created created = { NULL, NULL };
  Shown shown = { picker, 6 };
  g_autofree char *png = NULL;

  g_object_ref_sink (picker);
  g_signal_connect (picker, "create", G_CALLBACK (created_cb), &created);
  gtk_window_present (GTK_WINDOW (picker));
  spec_test_iterate (300);

  /* Blank and the five built-in templates; the first of those chosen;
   * the search field has the keyboard. */
  g_assert_cmpuint (g_list_model_get_n_items (spec_template_picker_get_shown (picker)), ==, 6);
  g_assert_cmpstr (selected_id (picker), ==, "agent-feature");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (picker)), search) ||
                 gtk_root_get_focus (GTK_ROOT (picker)) == search);
  png = spec_test_save_screenshot (GTK_WIDGET (picker), "template-picker");
  g_test_message ("screenshot: %s", png);

  /* Up and Down move through the list from the search field. */
  g_assert_true (press (search, GDK_KEY_Down));
  g_assert_true (press (search, GDK_KEY_Down));
  g_assert_cmpstr (selected_id (picker), ==, "service-architecture");
  g_assert_true (press (search, GDK_KEY_Up));
  g_assert_cmpstr (selected_id (picker), ==, "product-feature");
  g_assert_true (press (search, GDK_KEY_Up));
  g_assert_true (press (search, GDK_KEY_Up));
  g_assert_cmpstr (selected_id (picker), ==, "blank");

  /* Typing searches names and descriptions; the match is chosen. */
  gtk_editable_set_text (GTK_EDITABLE (search), "scenarios");
  shown.n = 1;
  if (!spec_test_wait_for (shown_are, &shown, TIMEOUT_MS))
    g_error ("%u shown for “%s”", g_list_model_get_n_items (spec_template_picker_get_shown (picker)),
             gtk_editable_get_text (GTK_EDITABLE (search)));
  g_assert_cmpstr (selected_id (picker), ==, "user-scenarios");
  gtk_editable_set_text (GTK_EDITABLE (search), "no such template at all");
  shown.n = 0;
  if (!spec_test_wait_for (shown_are, &shown, TIMEOUT_MS))
    g_error ("%u shown for “%s”, first %s", g_list_model_get_n_items (spec_template_picker_get_shown (picker)),
             gtk_editable_get_text (GTK_EDITABLE (search)), selected_id (picker));
  g_assert_null (spec_template_picker_get_selected (picker));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.create", NULL) && created.template_);
  gtk_editable_set_text (GTK_EDITABLE (search), "technical");
  shown.n = 1;
  g_assert_true (spec_test_wait_for (shown_are, &shown, TIMEOUT_MS));

  /* The title, then Enter creates. */
  gtk_editable_set_text (GTK_EDITABLE (title), "  Offline Mode ");
  g_signal_emit_by_name (search, "activate");
  g_assert_nonnull (created.template_);
  g_assert_cmpstr (spec_template_get_id (created.template_), ==, "technical-design");
  g_assert_cmpstr (created.title, ==, "Offline Mode");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));

  g_clear_object (&created.template_);
  g_free (created.title);
  g_object_unref (picker);
  g_rmdir (user);
}

static gboolean
stored_with_template (gpointer data)
{
  SpecLibrary *library = data;
  sqlite3_stmt *stmt = _spec_library_prepare (library, "SELECT count(*) FROM specs WHERE template_id = 'user-scenarios@1'",
                                              NULL);
  gboolean found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;

  sqlite3_finalize (stmt);

  return found;
}

static gboolean
parsed (gpointer data)
{
  return spec_document_is_current (spec_window_get_document (data)) &&
         !spec_document_get_busy (spec_window_get_document (data));
}

/* A spec started from a template: titled, checked against it, kept in
 * the library with its template. */
static void
test_start_spec (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-picker-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(SpecLibrary) library = spec_library_open (path, NULL, NULL);
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (path);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, dir);
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, NULL));
  SpecTemplate *scenarios = NULL;
  g_autofree char *text = NULL;
  g_autofree char *png = NULL;
  SpecSnapshot *snapshot;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (spec_template_get_id (g_ptr_array_index (templates, i)), "user-scenarios"))
      scenarios = g_ptr_array_index (templates, i);
  g_assert_nonnull (scenarios);

  spec_window_set_library (window, library, writer);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  text = spec_template_instantiate (scenarios, "Offline Mode", "Ada Lovelace", NULL);
  spec_window_start_spec (window, scenarios, text);
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));

  snapshot = spec_document_get_snapshot (spec_window_get_document (window));
  g_assert_cmpstr (((SpecSection *) g_ptr_array_index (spec_snapshot_get_sections (snapshot), 0))->title, ==,
                   "Feature Specification: Offline Mode");
  g_assert_true (spec_snapshot_get_report (snapshot)->against_template);
  g_assert_cmpuint (spec_snapshot_get_report (snapshot)->missing->len, ==, 0);
  g_assert_true (spec_test_wait_for (stored_with_template, library, TIMEOUT_MS));

  /* Half filled in: the first slot is selected for typing over. */
  buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  for (guint i = 0; i < 12; i++)
    {
      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_at_cursor (buffer, "Filled in", -1);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-unfilled", NULL);
      g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
    }
  spec_test_iterate (500);
  png = spec_test_save_screenshot (GTK_WIDGET (window), "template-half-filled");
  g_test_message ("screenshot: %s", png);

  spec_autosave_close (spec_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_library_writer_flush (writer);
  spec_test_iterate (100);
  spec_test_remove_tree (dir);
}

static guint
n_missing (SpecWindow *window)
{
  return spec_snapshot_get_report (spec_document_get_snapshot (spec_window_get_document (window)))->missing->len;
}

/* Insert Missing Sections, from the main menu: the template's sections
 * back in place, one undo taking them out. */
static void
test_insert_missing (void)
{
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, NULL));
  SpecTemplate *scenarios = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  char *edge, *next;

  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (spec_template_get_id (g_ptr_array_index (templates, i)), "user-scenarios"))
      scenarios = g_ptr_array_index (templates, i);
  text = spec_template_instantiate (scenarios, "Offline Mode", NULL, NULL);
  /* Without its Edge Cases. */
  edge = strstr (text, "### Edge Cases");
  next = strstr (edge, "\n## ");
  g_assert_nonnull (edge);
  g_assert_nonnull (next);
  memmove (edge, next + 1, strlen (next + 1) + 1);

  gtk_window_present (GTK_WINDOW (window));
  spec_window_start_spec (window, scenarios, text);
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  g_assert_cmpuint (n_missing (window), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-missing", NULL));
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  g_assert_cmpuint (n_missing (window), ==, 0);
  after = spec_document_dup_text (spec_window_get_document (window));
  g_assert_nonnull (strstr (after, "### Edge Cases"));

  gtk_text_buffer_undo (GTK_TEXT_BUFFER (spec_window_get_document (window)));
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  g_assert_cmpuint (n_missing (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static AdwMessageDialog *
wait_dialog (SpecWindow *window)
{
  for (guint i = 0; i < 100 && spec_test_find_dialog (GTK_WINDOW (window)) == NULL; i++)
    spec_test_iterate (20);

  return ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (window)));
}

/* Save as Template… and Import Template…, and the names and files they
 * refuse. */
static void
test_save_and_import (void)
{
  g_autofree char *user = g_dir_make_tmp ("specwright-user-templates-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (user, "..", "plain-no-heading.txt", NULL);
  g_autoptr(GFile) plain_file = NULL;
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, NULL));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  AdwMessageDialog *dialog;
  GtkWidget *name;

  g_setenv (SPEC_USER_TEMPLATES_DIR_ENV, user, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_text_buffer_set_text (buffer, "# Incident Review\n\n## Timeline\n\n- [TIME]: [EVENT]\n", -1);
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));

  /* The name starts as the first heading. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-template", NULL);
  dialog = wait_dialog (window);
  name = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Incident Review");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_files (user), ==, 1);
  {
    g_autofree char *saved = g_build_filename (user, "Incident Review.md", NULL);

    g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));
  }

  /* A name that would leave the folder: refused, in a dialog. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-template", NULL);
  dialog = wait_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "../escape");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = wait_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Template");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_files (user), ==, 1);

  /* A seed imports; a file with no headings is refused, named. */
  {
    g_autofree char *seed = spec_test_seed_path ("003");

    if (seed != NULL)
      {
        g_autoptr(GFile) file = g_file_new_for_path (seed);

        spec_window_import_template (window, file);
        g_assert_null (spec_test_find_dialog (GTK_WINDOW (window)));
        g_assert_cmpuint (count_files (user), ==, 2);
      }
  }
  g_assert_true (g_file_set_contents (plain, "Only a paragraph.\n", -1, NULL));
  plain_file = g_file_new_for_path (plain);
  spec_window_import_template (window, plain_file);
  dialog = wait_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "plain-no-heading.txt"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_unlink (plain);
  g_unsetenv (SPEC_USER_TEMPLATES_DIR_ENV);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_test_remove_tree (user);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_test_add_func ("/template-picker/keyboard", test_picker_keyboard);
  g_test_add_func ("/template-picker/start-spec", test_start_spec);
  g_test_add_func ("/template-picker/insert-missing", test_insert_missing);
  g_test_add_func ("/template-picker/save-and-import", test_save_and_import);

  return g_test_run ();
}
