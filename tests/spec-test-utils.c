/* spec-test-utils.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>

#include "spec-test-utils.h"

void
spec_test_init (int    *argc,
                char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* GTK 4.8 warns when a frame is drawn while a widget's new allocation
   * is still pending ("Trying to snapshot GtkGizmo … without a current
   * allocation"), which happens only when the main loop is as slow as it
   * is under the sanitizers: there, warnings are not fatal; criticals
   * still are. */
  if (spec_test_is_slow ())
    g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

/**
 * spec_test_is_slow:
 *
 * Whether the tests run several times slower than usual: under the
 * sanitizers (build-aux/sanitize-test.sh sets SPEC_TEST_SLOW).  Waits then
 * last twenty times as long, and so do limits on time (see
 * spec_test_time_limit()): what they measure means little there, but a
 * stall of seconds is still caught.
 */
gboolean
spec_test_is_slow (void)
{
  return g_getenv ("SPEC_TEST_SLOW") != NULL;
}

/* @limit, or twenty times it when the tests run slow. */
gint64
spec_test_time_limit (gint64 limit)
{
  return spec_test_is_slow () ? 20 * limit : limit;
}

/* Runs the main loop until @condition holds or @timeout_ms pass (twenty
 * times as many when the tests run slow). */
gboolean
spec_test_wait_for (SpecTestCondition condition,
                    gpointer          data,
                    guint             timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + spec_test_time_limit ((gint64) timeout_ms * 1000);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

/* Lets GTK lay out and draw @widget's window @n_frames times, so every
 * widget has been measured, allocated and snapshotted. */
void
spec_test_wait_for_frames (GtkWidget *widget,
                           guint      n_frames)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  while (frames < n_frames)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, id);
}

static void
collect_text (GtkWidget *widget,
              GString   *str)
{
  /* A stack hides its other pages by child visibility. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (str, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (str, '\n');
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter begin, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &begin, &end);
      text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
      g_string_append (str, text);
      g_string_append_c (str, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, str);
}

/* The text of every visible label and text view below @widget. */
char *
spec_test_collect_text (GtkWidget *widget)
{
  GString *str = g_string_new (NULL);

  collect_text (widget, str);

  return g_string_free (str, FALSE);
}

/* The first visible toplevel of @type, transient for @parent (any
 * window when %NULL). */
GtkWidget *
spec_test_find_toplevel (GType      type,
                         GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* The message dialog shown for @parent, if any. */
GtkWidget *
spec_test_find_dialog (GtkWindow *parent)
{
  return spec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent);
}

/* The first widget of @type below @root, in depth-first order. */
/* The first widget under @root (itself included), depth first, that
 * @match accepts. */
GtkWidget *
spec_test_find_matching (GtkWidget          *root,
                         SpecTestWidgetMatch match,
                         gconstpointer       data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = spec_test_find_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
spec_test_find_widget (GtkWidget *root,
                       GType      type)
{
  return spec_test_find_matching (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button under @root labelled @label (as written, with its "_"). */
GtkWidget *
spec_test_find_button (GtkWidget  *root,
                       const char *label)
{
  return spec_test_find_matching (root, is_button_labelled, label);
}

typedef struct
{
  GtkWidget     *widget;
  GskRenderNode *node;
} Capture;

/* Right after a frame is painted the widget's render nodes are fresh; a
 * redraw queued later (an animation, a style change) drops them, so the
 * capture happens here and not on a later turn of the main loop. */
static void
on_after_paint (GdkFrameClock *clock,
                Capture       *capture)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (capture->widget);
  int height = gtk_widget_get_height (capture->widget);

  if (capture->node != NULL || width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (capture->widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  capture->node = gtk_snapshot_free_to_node (snapshot);
}

static gboolean
captured (gpointer data)
{
  return ((Capture *) data)->node != NULL;
}

/* Renders @widget as the user sees it, as drawn in its next frame. */
GdkTexture *
spec_test_capture (GtkWidget *widget)
{
  Capture capture = { widget, NULL };
  GdkFrameClock *clock;
  GskRenderer *renderer;
  GdkTexture *texture;
  gulong handler;

  g_assert_true (spec_test_wait_for ((SpecTestCondition) gtk_widget_get_mapped, widget, 10000));
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &capture);
  gtk_widget_queue_draw (widget);
  g_assert_true (spec_test_wait_for (captured, &capture, 10000));
  g_signal_handler_disconnect (clock, handler);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, capture.node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gsk_render_node_unref (capture.node);

  return texture;
}

/* Saves what @widget shows into NAME.png in the build directory (look at
 * it); returns the path. */
char *
spec_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkTexture) texture = spec_test_capture (widget);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

/* What AdwApplication does for the app: the tests' windows have none. */
void
spec_test_load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
