/* test-app-library.c: the application telling the user about its
 * library: damaged (moved aside, a new one started) or not there at all
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "spec-application.h"
#include "library-fixture.h"
#include "spec-report.h"
#include "spec-test-utils.h"

typedef struct
{
  char *heading;
  char *body;
  gboolean has_library;
} Seen;

static void
activated_cb (GApplication *app,
              Seen         *seen)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *dialog = spec_test_find_dialog (window);

  seen->has_library = spec_application_get_library (SPEC_APPLICATION (app)) != NULL;
  if (ADW_IS_MESSAGE_DIALOG (dialog))
    {
      g_free (spec_test_save_screenshot (dialog, "app-library-problem"));
      seen->heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
      seen->body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_application_quit (app);
}

/* Runs the application on @library, @activated called after its own
 * activate (it quits the application, or has it quit). */
static void
run_app (const char *library,
         GCallback   activated,
         gpointer    data)
{
  g_autoptr(SpecApplication) app = spec_application_new ("io.github.specwright.Specwright.LibraryTest",
                                                         G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "specwright", NULL };

  g_setenv ("SPECWRIGHT_LIBRARY_DB", library, TRUE);
  g_signal_connect_after (app, "activate", activated, data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
}

static void
test_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GDir) listing = NULL;
  Seen seen = { 0 };
  const char *name;
  gboolean kept = FALSE;

  g_assert_true (g_file_set_contents (path, "this is not a database, and never was one\n", -1, NULL));
  g_test_expect_message ("Specwright-Core", G_LOG_LEVEL_WARNING, "*was damaged*");
  run_app (path, G_CALLBACK (activated_cb), &seen);
  g_test_assert_expected_messages ();

  /* Told where the old one is; a new one works. */
  g_assert_cmpstr (seen.heading, ==, "The Spec Library Was Damaged");
  g_assert_nonnull (strstr (seen.body, ".broken-"));
  g_assert_true (seen.has_library);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "library.db.broken-"))
        {
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "this is not a database, and never was one\n");
          kept = TRUE;
        }
      g_unlink (file);
    }
  g_assert_true (kept);
  g_rmdir (dir);
  g_free (seen.heading);
  g_free (seen.body);
}

static void
test_unavailable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-app-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "library.db", NULL);
  Seen seen = { 0 };

  g_assert_true (g_file_set_contents (blocker, "a file where the folder would be\n", -1, NULL));
  run_app (path, G_CALLBACK (activated_cb), &seen);

  g_assert_cmpstr (seen.heading, ==, "The Spec Library Is Not Available");
  g_assert_nonnull (strstr (seen.body, "nothing is autosaved"));
  g_assert_false (seen.has_library);

  g_unlink (blocker);
  g_rmdir (dir);
  g_free (seen.heading);
  g_free (seen.body);
}

static void
open_spec_cb (GApplication *app,
              gint64       *id)
{
  SpecWindow *window;
  SpecDocument *document;

  spec_application_open_spec (SPEC_APPLICATION (app), *id);
  window = SPEC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  document = spec_window_get_document (window);
  while (!spec_document_is_current (document) || spec_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);

  /* Checked against the template it was made from. */
  g_assert_true (spec_snapshot_get_report (spec_document_get_snapshot (document))->against_template);
  *id = -1;
  g_application_quit (app);
}

/* A spec made from a template is checked against it when opened again. */
static void
test_reopen_with_template (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  gint64 id;

  {
    g_autoptr(SpecLibrary) library = spec_library_open (path, NULL, NULL);

    id = spec_library_add (library, "# Feature Specification: Offline\n\nText.\n", "user-scenarios@1",
                           SPEC_REVISION_SAVE, NULL);
    g_assert_cmpint (id, >, 0);
  }

  run_app (path, G_CALLBACK (open_spec_cb), &id);
  g_assert_cmpint (id, ==, -1);

  spec_test_remove_tree (dir);
}

/* Old autosave points are thinned once a start, but not during it: a few
 * seconds in, on the library's writer thread. */
typedef struct
{
  const char *path;
  gint64      id;
  guint       at_activate;
} Thinning;

static guint
count_revisions (const char *path,
                 gint64      id)
{
  g_autoptr(SpecLibrary) library = spec_library_open (path, NULL, NULL);
  g_autoptr(GArray) revisions = spec_library_list_revisions (library, id, NULL);

  return revisions->len;
}

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (data);

  return G_SOURCE_REMOVE;
}

static void
thinning_activated_cb (GApplication *app,
                       Thinning     *thinning)
{
  thinning->at_activate = count_revisions (thinning->path, thinning->id);
  g_timeout_add (6500, quit_cb, app);
}

static void
test_thinning_later (void)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  gint64 month_ago = (g_get_real_time () - 30 * G_TIME_SPAN_DAY) / G_TIME_SPAN_DAY * G_TIME_SPAN_DAY;
  Thinning thinning = { path, 0, 0 };

  {
    g_autoptr(SpecLibrary) library = spec_library_open (path, NULL, NULL);

    thinning.id = spec_library_add (library, "# Old\n\nText.\n", NULL, SPEC_REVISION_IMPORT, NULL);
    /* Four autosaves one day a month ago: one stays. */
    for (guint i = 0; i < 4; i++)
      add_revision_at (library, thinning.id, month_ago + i * G_TIME_SPAN_HOUR, SPEC_REVISION_AUTOSAVE);
  }
  g_assert_cmpuint (count_revisions (path, thinning.id), ==, 5);

  run_app (path, G_CALLBACK (thinning_activated_cb), &thinning);

  g_assert_cmpuint (thinning.at_activate, ==, 5);
  g_assert_cmpuint (count_revisions (path, thinning.id), ==, 2);

  spec_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_test_add_func ("/app/library-damaged", test_damaged);
  g_test_add_func ("/app/library-unavailable", test_unavailable);
  g_test_add_func ("/app/reopen-with-template", test_reopen_with_template);
  g_test_add_func ("/app/thinning-later", test_thinning_later);

  return g_test_run ();
}
