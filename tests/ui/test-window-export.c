/* test-window-export.c: the window's Export as HTML and PDF, Print and
 * Copy as HTML, as a user runs them
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spec-test-files.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 30000

typedef struct
{
  char       *dir;
  SpecWindow *window;
} Fixture;

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
not_exporting (gpointer data)
{
  SpecWindow *window = data;

  return window->export_cancellable == NULL &&
         !gtk_widget_get_visible (GTK_WIDGET (window->export_bar));
}

static gboolean
bar_shown (gpointer data)
{
  SpecWindow *window = data;
  GtkWidget *revealer = spec_test_find_widget (GTK_WIDGET (window->export_bar), GTK_TYPE_REVEALER);

  return spec_export_bar_get_revealed (window->export_bar) &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

static gboolean
dialog_shown (gpointer data)
{
  return spec_test_find_dialog (GTK_WINDOW (data)) != NULL;
}

/* The seed opened, with an edit not saved: exports take the editor's
 * text, not the file's. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *seed = spec_test_seed_path ("002");
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GFile) file = NULL;
  TextIs text;

  if (seed == NULL)
    {
      g_test_skip ("../shared/seeds is not there");
      return;
    }

  fixture->dir = g_dir_make_tmp ("specwright-export-XXXXXX", NULL);
  g_assert_true (g_file_get_contents (seed, &contents, NULL, NULL));
  path = g_build_filename (fixture->dir, "spec.md", NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  file = g_file_new_for_path (path);

  fixture->window = g_object_ref_sink (spec_window_new (NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spec_window_open (fixture->window, file);
  text = (TextIs) { fixture->window, contents };
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));

  gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (spec_window_get_document (fixture->window)),
                                    "# Not Saved Yet\n\nAn edit <script>alert(1)</script>.\n\n", -1);
  edited = g_strconcat ("# Not Saved Yet\n\nAn edit <script>alert(1)</script>.\n\n", contents, NULL);
  text.text = edited;
  g_assert_true (spec_test_wait_for (text_is, &text, TIMEOUT_MS));
  spec_test_iterate (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  spec_test_iterate (100);
  if (fixture->dir != NULL)
    spec_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* Export as HTML and as PDF: the files hold the edited text, the folder
 * holds nothing else, the bar is gone. */
static void
test_export_files (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *html_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) html_file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  gsize len = 0;

  if (fixture->window == NULL)
    return;

  html_path = g_build_filename (fixture->dir, "spec.html", NULL);
  html_file = g_file_new_for_path (html_path);
  _spec_window_export (fixture->window, SPEC_EXPORT_FORMAT_HTML, html_file);
  /* One at a time: Export does not ask where meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL);
  g_assert_null (spec_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (fixture->window)));
  g_assert_true (spec_test_wait_for (not_exporting, fixture->window, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (fixture->window)));
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Not Saved Yet"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "<title>Not Saved Yet</title>"));

  pdf_path = g_build_filename (fixture->dir, "spec.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf_path);
  _spec_window_export (fixture->window, SPEC_EXPORT_FORMAT_PDF, pdf_file);
  g_assert_true (spec_test_wait_for (not_exporting, fixture->window, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (fixture->window)));
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  text = pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "Not Saved Yet"));
  g_assert_nonnull (strstr (text, "Page 1 of "));

  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "spec.html spec.md spec.pdf");
}

/* A long PDF export shows its progress and stops at Cancel, leaving no
 * file; the editor is usable meanwhile. */
static void
test_export_cancel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkTextBuffer *buffer;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) pdf_file = NULL;

  if (fixture->window == NULL)
    return;

  /* About 2 MB: long enough to be seen and cancelled. */
  buffer = GTK_TEXT_BUFFER (spec_window_get_document (fixture->window));
  text = spec_document_dup_text (spec_window_get_document (fixture->window));
  for (guint i = 0; i < 60; i++)
    g_string_append (big, text);
  gtk_text_buffer_set_text (buffer, big->str, (int) big->len);
  spec_test_iterate (500);

  pdf_path = g_build_filename (fixture->dir, "long.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf_path);
  _spec_window_export (fixture->window, SPEC_EXPORT_FORMAT_PDF, pdf_file);


  g_assert_true (spec_test_wait_for (bar_shown, fixture->window, TIMEOUT_MS));
  g_assert_true (g_str_has_prefix (spec_export_bar_get_message (fixture->window->export_bar),
                                   "Exporting “long.pdf”"));
  g_assert_nonnull (spec_test_find_button (GTK_WIDGET (fixture->window->export_bar), "_Cancel"));
  shot = spec_test_save_screenshot (GTK_WIDGET (fixture->window), "export-progress");
  g_test_message ("screenshot: %s", shot);

  /* Typing goes on while it exports. */
  gtk_text_buffer_insert_at_cursor (buffer, "typed ", -1);

  g_assert_true (gtk_widget_activate (spec_test_find_button (GTK_WIDGET (fixture->window->export_bar),
                                                             "_Cancel")));
  g_assert_true (spec_test_wait_for (not_exporting, fixture->window, TIMEOUT_MS));
  g_assert_null (spec_test_find_dialog (GTK_WINDOW (fixture->window)));
  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "spec.md");
}

/* A folder that is not there: the dialog says so, no file is made. */
static void
test_export_failure (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;

  if (fixture->window == NULL)
    return;

  path = g_build_filename (fixture->dir, "gone", "spec.html", NULL);
  file = g_file_new_for_path (path);
  _spec_window_export (fixture->window, SPEC_EXPORT_FORMAT_HTML, file);
  g_assert_true (spec_test_wait_for (dialog_shown, fixture->window, TIMEOUT_MS));
  dialog = spec_test_find_dialog (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Export “spec.html”");
  g_assert_true (strlen (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog))) > 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_free (path);
  path = g_build_filename (fixture->dir, "gone", "spec.pdf", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  _spec_window_export (fixture->window, SPEC_EXPORT_FORMAT_PDF, file);
  g_assert_true (spec_test_wait_for (dialog_shown, fixture->window, TIMEOUT_MS));
  dialog = spec_test_find_dialog (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Export “spec.pdf”");
  gtk_window_destroy (GTK_WINDOW (dialog));

  listing = spec_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "spec.md");
}

/* Printing to a file through GtkPrintOperation, as the Print dialog's
 * "Print to File" does: no printer needed. */
static void
test_print_to_file (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->window == NULL)
    return;

  path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_assert_true (_spec_window_print_to_file (fixture->window, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Not Saved Yet"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
}

static void
spliced_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  char **out = user_data;
  GOutputStream *memory = G_OUTPUT_STREAM (object);

  g_assert_cmpint (g_output_stream_splice_finish (memory, result, NULL), >, 0);
  *out = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  g_object_unref (memory);
}

/* Read as another program would: through a stream the main loop fills. */
static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GInputStream) stream = NULL;
  const char *mime = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime, NULL);
  g_assert_nonnull (stream);
  g_assert_cmpstr (mime, ==, "text/html");
  g_output_stream_splice_async (g_memory_output_stream_new_resizable (), stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced_cb, user_data);
}

static void
text_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  g_assert_nonnull (*out);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* Copy as HTML: the body as text/html, headings and all, no page
 * around it and nothing a mail program would run. */
static void
test_copy_html (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char *mime_types[] = { "text/html", NULL };
  GdkClipboard *clipboard;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  if (fixture->window == NULL)
    return;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-html", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING));
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, read_cb, &html);
  g_assert_true (spec_test_wait_for (is_set, &html, TIMEOUT_MS));
  g_assert_nonnull (strstr (html, "<h1 id=\"not-saved-yet\">Not Saved Yet</h1>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<html"));
  g_assert_null (strstr (html, "<style"));

  /* Pasted as text, it is the same HTML. */
  gdk_clipboard_read_text_async (clipboard, NULL, text_cb, &text);
  g_assert_true (spec_test_wait_for (is_set, &text, TIMEOUT_MS));
  g_assert_cmpstr (text, ==, html);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);
  spec_test_load_app_style ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window-export/files", test_export_files);
  ADD ("/window-export/cancel", test_export_cancel);
  ADD ("/window-export/failure", test_export_failure);
  ADD ("/window-export/print-to-file", test_print_to_file);
  ADD ("/window-export/copy-html", test_copy_html);

#undef ADD

  return g_test_run ();
}
