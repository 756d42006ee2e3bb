/* bench-floor.c: the least a GNOME editor can be, for bench-startup
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare program that opens an AdwApplicationWindow holding a
 * GtkSourceView with the file named on the command line, and does nothing
 * else.  bench-startup starts it next to Specwright: what the floor takes
 * to start and the memory it holds is what any app built on the same
 * stack pays, so Specwright's own cost is the difference.
 *
 *     bench-floor FILE
 *
 * With SPECWRIGHT_TRACE set it prints the app's trace lines (see
 * src/core/spec-trace.c) for "main", "gtk-ready", "window-shown",
 * "frame-start", "frame-laid-out", "first-frame" and "complete-frame".
 * It links GTK, libadwaita and GtkSourceView only: not the app's core,
 * so it cannot pick up any of the app's start-up work by accident.
 */

#include <stdio.h>

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

/* The app's default window size (window-width and window-height in
 * data/io.github.specwright.Specwright.gschema.xml): the same number of
 * pixels to lay out and paint. */
#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800

static const char *path;
static gboolean trace;
static gint64 first_mark;
static gulong after_paint_handler;
static gulong before_paint_handler;
static gulong layout_handler;

/* The same line as spec_trace_mark(): the harness parses both alike.
 * Only the main thread marks here, so no lock. */
static void
trace_mark (const char *phase)
{
  gint64 now = g_get_monotonic_time ();

  if (!trace)
    return;

  if (first_mark == 0)
    first_mark = now;
  fprintf (stderr, "specwright-trace: %" G_GINT64_FORMAT " +%.1f %s\n",
           now, (now - first_mark) / 1000.0, phase);
  fflush (stderr);
}

/* The text is in the buffer before the window shows, so the first frame
 * painted already shows all there is: the floor is complete at once. */
static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  trace_mark ("first-frame");
  trace_mark ("complete-frame");
  g_clear_signal_handler (&after_paint_handler, clock);
  g_clear_signal_handler (&before_paint_handler, clock);
  g_clear_signal_handler (&layout_handler, clock);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  trace_mark ("frame-start");
}

static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  trace_mark ("frame-laid-out");
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (trace && after_paint_handler == 0)
    {
      after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
      before_paint_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
      layout_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), NULL);
    }
}

/* After the toolkit's own start-up, as the app's "gtk-ready". */
static void
startup_cb (GApplication *app,
            gpointer      user_data)
{
  trace_mark ("gtk-ready");
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  g_autoptr(GtkSourceBuffer) buffer = gtk_source_buffer_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *view;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr ("bench-floor: %s\n", error->message);
      g_application_quit (app);
      return;
    }

  /* No highlighting language: the floor is the bare widget.  Markdown
   * highlighting is part of what Specwright does, so its cost belongs on
   * Specwright's side of the comparison. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), contents, (int) len);

  view = gtk_source_view_new_with_buffer (buffer);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  trace_mark ("window-shown");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const char *value = g_getenv ("SPECWRIGHT_TRACE");

  trace = value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
  trace_mark ("main");

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return 2;
    }
  path = argv[1];

  app = adw_application_new ("org.specwright.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);

  /* The file is ours to read, not GApplication's to "open": only the
   * program name goes on. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
