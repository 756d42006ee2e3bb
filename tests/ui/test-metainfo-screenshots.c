/* test-metainfo-screenshots.c: the screenshots a software centre shows,
 * made here under Xvfb, and the metainfo that lists them
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each run writes the screenshots into the build directory; with
 * SPEC_UPDATE_SCREENSHOTS=<source>/data/screenshots they replace the
 * ones kept in git: SPEC_UPDATE_SCREENSHOTS=$PWD/data/screenshots
 * build-aux/dev.sh test test-metainfo-screenshots
 */

#include "config.h"

#include <string.h>

#include "spec-template-check-dialog.h"
#include "spec-template-picker.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 10000

static const char * const shots[] = { "main-window", "template-picker", "check-against-template" };

static void
keep (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *png = spec_test_save_screenshot (widget, name);
  const char *update = g_getenv ("SPEC_UPDATE_SCREENSHOTS");

  if (update != NULL && *update != '\0')
    {
      g_autofree char *file_name = g_strconcat (name, ".png", NULL);
      g_autofree char *target = g_build_filename (update, file_name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
      g_test_message ("kept: %s", target);
    }
}

static gboolean
parsed (gpointer data)
{
  return spec_document_is_current (spec_window_get_document (data)) &&
         !spec_document_get_busy (spec_window_get_document (data));
}

static void
test_make (void)
{
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecTemplate *product = spec_templates_find (templates, "product-feature");
  g_autofree char *dir = g_dir_make_tmp ("specwright-shots-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr(SpecLibrary) library = spec_library_open (db, NULL, NULL);
  g_autoptr(SpecLibraryWriter) writer = spec_library_writer_new (db);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, settings));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (spec_window_get_document (window));
  SpecTemplatePicker *picker;
  GtkWidget *dialog;
  g_autofree char *text = NULL;

  g_assert_nonnull (product);
  /* As the application has it: a library, and the settings' layout. */
  spec_window_set_library (window, library, writer);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* A product spec, its first slots filled in. */
  text = spec_template_instantiate (product, "Offline Mode", "Ada Lovelace", NULL);
  spec_window_start_spec (window, product, text);
  g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
  for (guint i = 0; i < 7; i++)
    {
      static const char * const answers[] = {
        "OFFLINE-1", "sync", "High", "Work without a network, and sync once back online.",
        "field engineer", "edit specs on site", "nothing is lost between visits",
      };

      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_at_cursor (buffer, answers[i], -1);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-unfilled", NULL);
      g_assert_true (spec_test_wait_for (parsed, window, TIMEOUT_MS));
    }
  spec_test_iterate (1500);
  keep (GTK_WIDGET (window), "main-window");

  /* New: the template picker over it. */
  picker = spec_template_picker_new (store);
  gtk_window_set_transient_for (GTK_WINDOW (picker), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (picker));
  spec_test_iterate (600);
  keep (GTK_WIDGET (picker), "template-picker");
  gtk_window_destroy (GTK_WINDOW (picker));

  /* Check Against Template, for another template. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-template", NULL);
  spec_test_iterate (300);
  dialog = spec_test_find_toplevel (SPEC_TYPE_TEMPLATE_CHECK_DIALOG, NULL);
  g_assert_nonnull (dialog);
  spec_template_check_dialog_select (SPEC_TEMPLATE_CHECK_DIALOG (dialog), "service-architecture");
  spec_test_iterate (600);
  keep (dialog, "check-against-template");
  gtk_window_destroy (GTK_WINDOW (dialog));

  spec_autosave_close (spec_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_library_writer_flush (writer);
  spec_test_iterate (100);
  spec_test_remove_tree (dir);
}

/* The metainfo lists each screenshot, with a caption, and each is kept
 * in data/screenshots. */
static void
test_listed (void)
{
  g_autofree char *metainfo_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                          "io.github.specwright.Specwright.metainfo.xml.in", NULL);
  g_autofree char *metainfo = NULL;
  guint captions = 0;

  g_assert_true (g_file_get_contents (metainfo_path, &metainfo, NULL, NULL));
  for (const char *p = metainfo; (p = strstr (p, "<caption>")) != NULL; p++)
    captions++;
  g_assert_cmpuint (captions, >=, G_N_ELEMENTS (shots));

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *image = g_strdup_printf ("data/screenshots/%s.png</image>", shots[i]);
      g_autofree char *file_name = g_strconcat (shots[i], ".png", NULL);
      g_autofree char *kept = g_test_build_filename (G_TEST_DIST, "..", "data", "screenshots", file_name, NULL);

      g_assert_nonnull (strstr (metainfo, image));
      g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
    }
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_test_add_func ("/metainfo-screenshots/make", test_make);
  g_test_add_func ("/metainfo-screenshots/listed", test_listed);

  return g_test_run ();
}
