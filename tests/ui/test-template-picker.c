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
#include "spec-template-check-dialog.h"
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

static gboolean
has_selection (gpointer data)
{
  return gtk_text_buffer_get_has_selection (data);
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

  scenarios = spec_templates_find (templates, "user-scenarios");
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
  /* Without a file, it is called by its first heading. */
  g_assert_cmpstr (spec_document_get_title (spec_window_get_document (window)), ==,
                   "Feature Specification: Offline Mode");

  /* Half filled in: the first slot is selected for typing over. */
  buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  /* (selected once the text is parsed: at once, or a moment later) */
  g_assert_true (spec_test_wait_for (has_selection, buffer, TIMEOUT_MS));
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

  scenarios = spec_templates_find (templates, "user-scenarios");
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

/* Takes out the lines from @heading up to (not including) @next. */
static void
cut_section (char       *text,
             const char *heading,
             const char *next)
{
  char *start = strstr (text, heading);
  char *end = start != NULL ? strstr (start, next) : NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  memmove (start, end, strlen (end) + 1);
}

static gboolean
check_dialog_shown (gpointer data)
{
  return spec_test_find_toplevel (SPEC_TYPE_TEMPLATE_CHECK_DIALOG, NULL) != NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_ACTION_ROW (child);

  return n;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_required_tag (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "Required") == 0 &&
         gtk_widget_has_css_class (widget, "error");
}

/* Check Against Template…, on a document that lacks three of a
 * template's sections, one of them mandatory, and does not say which
 * template it follows: that template is suggested and chosen, the three
 * are reported (the mandatory one flagged), Insert Missing Sections puts
 * them back in the template's order with its text, one undo restores the
 * bytes, and "Use for This Spec" makes the window check against it. */
static void
test_check_against (void)
{
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, NULL));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  SpecTemplateCheckDialog *dialog;
  SpecTemplate *scenarios = NULL;
  const SpecReport *report;
  g_autofree char *full = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *png = NULL;
  const char *titles[3];
  GtkWidget *missing_list;

  scenarios = spec_templates_find (templates, "user-scenarios");
  g_assert_nonnull (scenarios);
  full = spec_template_instantiate (scenarios, "Offline Mode", "Ada Lovelace", NULL);
  partial = g_strdup (full);
  cut_section (partial, "### Edge Cases", "## Requirements");
  cut_section (partial, "### Key Entities", "### Data Integrity");
  cut_section (partial, "### Security & Environment Scope", "## Success Criteria");

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_text_buffer_set_text (buffer, partial, -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  /* Not checked against anything yet. */
  g_assert_false (spec_snapshot_get_report (spec_document_get_snapshot (spec_window_get_document (window)))->against_template);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-template", NULL));
  g_assert_true (spec_test_wait_for (check_dialog_shown, NULL, TIMEOUT_MS));
  dialog = SPEC_TEMPLATE_CHECK_DIALOG (spec_test_find_toplevel (SPEC_TYPE_TEMPLATE_CHECK_DIALOG, NULL));
  g_assert_cmpstr (spec_template_get_id (spec_template_check_dialog_get_selected (dialog)), ==, "user-scenarios");

  report = spec_template_check_dialog_get_report (dialog);
  g_assert_cmpuint (report->missing->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    titles[i] = g_array_index (report->missing, SpecMissingSection, i).title;
  g_assert_cmpstr (titles[0], ==, "Edge Cases");
  g_assert_cmpstr (titles[1], ==, "Key Entities (include if feature involves data)");
  g_assert_cmpstr (titles[2], ==, "Security & Environment Scope");
  g_assert_false (g_array_index (report->missing, SpecMissingSection, 0).required);
  g_assert_true (g_array_index (report->missing, SpecMissingSection, 2).required);
  /* Shown as rows, the mandatory one tagged. */
  missing_list = gtk_widget_get_next_sibling (spec_test_find_matching (GTK_WIDGET (dialog), is_label, "Missing"));
  g_assert_true (GTK_IS_LIST_BOX (missing_list));
  g_assert_cmpuint (count_rows (missing_list), ==, 3);
  g_assert_nonnull (spec_test_find_matching (missing_list, is_required_tag, NULL));
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (dialog), "check-against-template");
  g_test_message ("screenshot: %s", png);

  /* Another template: much missing, much of the spec's own. */
  spec_template_check_dialog_select (dialog, "product-feature");
  report = spec_template_check_dialog_get_report (dialog);
  g_assert_cmpuint (report->missing->len, >, 50);
  spec_template_check_dialog_select (dialog, "user-scenarios");

  /* Inserted in the template's order, with its text: the full spec. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "check.insert-missing", NULL));
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  spec_test_iterate (50);
  inserted = spec_document_dup_text (spec_window_get_document (window));
  g_assert_cmpstr (inserted, ==, full);
  g_assert_cmpuint (spec_template_check_dialog_get_report (dialog)->missing->len, ==, 0);
  g_assert_cmpuint (count_rows (missing_list), ==, 0);

  gtk_text_buffer_undo (buffer);
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  undone = spec_document_dup_text (spec_window_get_document (window));
  g_assert_cmpstr (undone, ==, partial);

  /* From now on the window checks against it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "check.use-template", NULL));
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  report = spec_snapshot_get_report (spec_document_get_snapshot (spec_window_get_document (window)));
  g_assert_true (report->against_template);
  g_assert_cmpuint (report->missing->len, ==, 3);
  g_assert_cmpstr (window->template_id, ==, "user-scenarios");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static gboolean
linked (gpointer data)
{
  return spec_document_get_library_id (spec_window_get_document (data)) != 0;
}

static gboolean
suggestion_done (gpointer data)
{
  return !((SpecWindow *) data)->suggest_pending;
}

static gboolean
has_template (gpointer data)
{
  return ((SpecWindow *) data)->template_id != NULL;
}

static gboolean
has_toast_for (gpointer data)
{
  SpecWindow *window = data;

  return window->suggested_id != NULL && !window->suggest_pending;
}

/* A file opened from disk: the template its headings follow is
 * suggested (a seed, for its template), none for a file that follows
 * none; the one chosen is remembered with the library's spec, and the
 * file is checked against it when opened again. */
static void
test_suggest_for_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-suggest-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *notes_path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *seed = spec_test_seed_path ("002");
  g_autoptr(SpecLibrary) library = spec_library_open (db, NULL, NULL);
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (db);
  g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
  g_autoptr(GFile) seed_file = NULL;
  SpecWindow *window;
  SpecTemplateCheckDialog *dialog;
  g_autofree char *png = NULL;

  if (seed == NULL)
    {
      g_test_skip ("no seeds beside the source");
      return;
    }
  seed_file = g_file_new_for_path (seed);

  /* Notes follow no template: nothing suggested. */
  g_assert_true (g_file_set_contents (notes_path, "# Notes\n\n## Monday\n\nCalls.\n", -1, NULL));
  window = g_object_ref_sink (spec_window_new (NULL, NULL));
  spec_window_set_library (window, library, writer);
  gtk_window_present (GTK_WINDOW (window));
  spec_window_open (window, notes);
  g_assert_true (spec_test_wait_for (linked, window, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (suggestion_done, window, TIMEOUT_MS));
  g_assert_false (window->suggest_pending);
  g_assert_null (window->suggested_id);
  spec_autosave_close (spec_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  /* The product feature seed: its template suggested. */
  window = g_object_ref_sink (spec_window_new (NULL, NULL));
  spec_window_set_library (window, library, writer);
  gtk_window_present (GTK_WINDOW (window));
  spec_window_open (window, seed_file);
  g_assert_true (spec_test_wait_for (has_toast_for, window, TIMEOUT_MS));
  g_assert_cmpstr (window->suggested_id, ==, "product-feature");
  g_assert_null (window->template_id);
  {
    g_autofree char *shown = NULL;

    spec_test_iterate (300);
    shown = spec_test_collect_text (GTK_WIDGET (window->toast_overlay));
    g_assert_nonnull (strstr (shown, "This spec follows the template “Product Feature Specification”"));
    g_free (png);
    png = spec_test_save_screenshot (GTK_WIDGET (window), "template-suggested");
    g_test_message ("screenshot: %s", png);
    /* What the user does next is told at once, not queued behind it. */
    _spec_window_toast (window, "Something the user just did");
    spec_test_iterate (300);
    g_free (shown);
    shown = spec_test_collect_text (GTK_WIDGET (window->toast_overlay));
    g_assert_nonnull (strstr (shown, "Something the user just did"));
    g_assert_null (window->suggestion_toast);
  }

  /* Its toast's button opens the check, the suggestion chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-template", NULL));
  g_assert_true (spec_test_wait_for (check_dialog_shown, NULL, TIMEOUT_MS));
  dialog = SPEC_TEMPLATE_CHECK_DIALOG (spec_test_find_toplevel (SPEC_TYPE_TEMPLATE_CHECK_DIALOG, NULL));
  g_assert_cmpstr (spec_template_get_id (spec_template_check_dialog_get_selected (dialog)), ==, "product-feature");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "check.use-template", NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spec_library_writer_flush (writer);
  spec_test_iterate (100);
  {
    g_autoptr(SpecLibraryEntry) entry = spec_library_get (library, spec_document_get_library_id (
                                                            spec_window_get_document (window)), NULL);

    g_assert_nonnull (entry);
    g_assert_cmpstr (entry->template_id, ==, "product-feature@1");
  }
  spec_autosave_close (spec_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  /* Opened again: checked against it (once the window is drawn: the
   * templates are read after the first frame), nothing suggested. */
  window = g_object_ref_sink (spec_window_new (NULL, NULL));
  spec_window_set_library (window, library, writer);
  gtk_window_present (GTK_WINDOW (window));
  spec_window_open (window, seed_file);
  g_assert_true (spec_test_wait_for (linked, window, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  g_assert_true (spec_test_wait_for (has_template, window, TIMEOUT_MS));
  g_assert_cmpstr (window->template_id, ==, "product-feature");
  g_assert_null (window->suggested_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-template", NULL));
  g_assert_true (spec_test_wait_for (check_dialog_shown, NULL, TIMEOUT_MS));
  dialog = SPEC_TEMPLATE_CHECK_DIALOG (spec_test_find_toplevel (SPEC_TYPE_TEMPLATE_CHECK_DIALOG, NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "check.use-template", NULL) &&
                  g_strcmp0 (window->template_id, "product-feature") != 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  spec_autosave_close (spec_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_library_writer_flush (writer);
  spec_test_iterate (100);
  spec_test_remove_tree (dir);
}

static gboolean
dialog_open (gpointer data)
{
  return spec_test_find_dialog (GTK_WINDOW (data)) != NULL;
}

/* The user's own templates are renamed (F2) and deleted in the picker;
 * a name that would leave the folder is refused; built-in ones offer
 * neither. */
static void
test_picker_rename_delete (void)
{
  g_autofree char *user = g_dir_make_tmp ("specwright-picker-XXXXXX", NULL);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, user);
  g_autoptr(SpecTemplate) saved = NULL;
  SpecTemplatePicker *picker;
  GtkWidget *search;
  AdwMessageDialog *dialog;
  g_autofree char *renamed_path = g_build_filename (user, "Incident Postmortem.md", NULL);
  g_autofree char *png = NULL;

  saved = spec_template_store_save (store, "Incident Review", "# Incident Review\n\n## Timeline\n\n- [TIME]\n", NULL);
  g_assert_nonnull (saved);
  picker = g_object_ref_sink (spec_template_picker_new (store));
  search = spec_test_find_widget (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  gtk_window_present (GTK_WINDOW (picker));
  spec_test_iterate (200);

  /* A built-in one: nothing to rename or delete. */
  g_assert_cmpstr (selected_id (picker), ==, "agent-feature");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.rename", NULL) &&
                  dialog_open (picker));
  g_assert_false (dialog_open (picker));

  /* Found by typing, renamed by F2. */
  gtk_editable_set_text (GTK_EDITABLE (search), "incident");
  {
    Shown shown = { picker, 1 };

    g_assert_true (spec_test_wait_for (shown_are, &shown, TIMEOUT_MS));
  }
  g_assert_cmpstr (selected_id (picker), ==, "user-incident-review");
  spec_test_iterate (200);
  png = spec_test_save_screenshot (GTK_WIDGET (picker), "template-picker-user");
  g_test_message ("screenshot: %s", png);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.rename", NULL);
  g_assert_true (spec_test_wait_for (dialog_open, picker, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (picker)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))), ==,
                   "Incident Review");

  /* Out of the folder: refused, named in a dialog; nothing changed. */
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "../../escape");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (spec_test_wait_for (dialog_open, picker, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (picker)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Rename the Template");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_files (user), ==, 1);
  g_assert_true (g_file_query_exists (spec_template_get_file (saved), NULL));

  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.rename", NULL);
  g_assert_true (spec_test_wait_for (dialog_open, picker, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (picker)));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Incident Postmortem");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (g_file_test (renamed_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_query_exists (spec_template_get_file (saved), NULL));
  g_assert_cmpstr (spec_template_get_name (spec_template_picker_get_selected (picker)), ==, "Incident Postmortem");

  /* Deleted, after asking; the choice goes back to what is left. */
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.delete", NULL);
  g_assert_true (spec_test_wait_for (dialog_open, picker, TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (spec_test_find_dialog (GTK_WINDOW (picker)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Incident Postmortem”?");
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_test (renamed_path, G_FILE_TEST_EXISTS));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  {
    Shown shown = { picker, 6 };

    g_assert_true (spec_test_wait_for (shown_are, &shown, TIMEOUT_MS));
  }

  gtk_window_destroy (GTK_WINDOW (picker));
  g_object_unref (picker);
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
  g_test_add_func ("/template-picker/check-against", test_check_against);
  g_test_add_func ("/template-picker/suggest-for-file", test_suggest_for_file);
  g_test_add_func ("/template-picker/rename-delete", test_picker_rename_delete);

  return g_test_run ();
}
