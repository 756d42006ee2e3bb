/* crash-typist.c: the real app, typing on a timer until it is killed, or
 * starting again and recovering what it typed (for test-crash-recovery)
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-typist type SEED [FILE]   types crash_text(SEED) into a new spec,
 *                                   or at the end of FILE, printing
 *                                   "TYPED <monotonic µs> <n>" per key
 *   crash-typist recover [file]     recovers all it is offered, prints
 *                                   "TEXT <base64>" for the window's text
 *                                   (or "NONE"), and quits
 */

#include "config.h"

#include <stdio.h>

#include "crash-text.h"
#include "spec-application.h"
#include "spec-recovery-dialog.h"

static char    *text;      /* what to type */
static gboolean into_file; /* recovering into a file: its text is put in after reading */
static gsize    typed;
static GRand   *rand_;

static SpecDocument *
active_document (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return SPEC_IS_WINDOW (window) ? spec_window_get_document (SPEC_WINDOW (window)) : NULL;
}

/* One key, at 15-45 ms intervals: a fast typist. */
static gboolean
type_key (gpointer data)
{
  GApplication *app = data;
  SpecDocument *document = active_document (app);

  if (document == NULL || spec_document_get_busy (document))
    {
      g_timeout_add (20, type_key, app);
      return G_SOURCE_REMOVE;
    }

  if (typed < strlen (text))
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
      GtkTextIter end;

      if (typed == 0)
        {
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_place_cursor (buffer, &end);
        }
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text + typed, 1, TRUE);
      typed++;
      printf ("TYPED %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n", g_get_monotonic_time (), typed);
      fflush (stdout);
    }

  g_timeout_add (g_rand_int_range (rand_, 15, 46), type_key, app);

  return G_SOURCE_REMOVE;
}

static void
type_activate_cb (GApplication *app)
{
  g_timeout_add (200, type_key, app);
}

static gboolean
print_recovered (gpointer data)
{
  GApplication *app = data;
  SpecDocument *document = active_document (app);
  g_autofree char *content = NULL;
  g_autofree char *encoded = NULL;

  /* A file is read first, then the text put in. */
  if (document == NULL || spec_document_get_busy (document) ||
      gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)) == 0 ||
      (into_file && !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document))))
    return G_SOURCE_CONTINUE;

  content = spec_document_dup_text (document);
  encoded = g_base64_encode ((const guchar *) content, strlen (content));
  printf ("TEXT %s\n", encoded);
  fflush (stdout);
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static gboolean
find_dialog (gpointer data)
{
  GApplication *app = data;
  static guint tries;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SPEC_IS_RECOVERY_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          spec_recovery_dialog_recover_all (SPEC_RECOVERY_DIALOG (window));
          g_timeout_add (20, print_recovered, app);
          return G_SOURCE_REMOVE;
        }
    }

  if (++tries > 100)
    {
      printf ("NONE\n");
      fflush (stdout);
      g_application_quit (app);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
recover_activate_cb (GApplication *app)
{
  g_timeout_add (50, find_dialog, app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpecApplication) app = NULL;
  gboolean type;

  if (argc < 2 || (g_strcmp0 (argv[1], "type") != 0 && g_strcmp0 (argv[1], "recover") != 0) ||
      (g_strcmp0 (argv[1], "type") == 0 && argc < 3))
    {
      g_printerr ("usage: crash-typist type SEED [FILE] | crash-typist recover [file]\n");
      return 2;
    }

  type = g_strcmp0 (argv[1], "type") == 0;
  app = spec_application_new ("io.github.specwright.Specwright.CrashTest",
                              G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);

  if (type)
    {
      guint32 seed = (guint32) g_ascii_strtoull (argv[2], NULL, 10);

      text = crash_text (seed);
      rand_ = g_rand_new_with_seed (seed);
      g_signal_connect_after (app, "activate", G_CALLBACK (type_activate_cb), NULL);
      g_signal_connect_after (app, "open", G_CALLBACK (type_activate_cb), NULL);
    }
  else
    {
      into_file = argc > 2 && g_strcmp0 (argv[2], "file") == 0;
      g_signal_connect_after (app, "activate", G_CALLBACK (recover_activate_cb), NULL);
    }

  /* argv[0] and the file, if any, for GApplication. */
  {
    char *app_argv[3] = { argv[0], type && argc > 3 ? argv[3] : NULL, NULL };

    return g_application_run (G_APPLICATION (app), app_argv[1] != NULL ? 2 : 1, app_argv);
  }
}
