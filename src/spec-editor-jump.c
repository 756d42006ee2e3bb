/* spec-editor-jump.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-editor-jump.h"

/* After a text is loaded, GtkTextView lays its lines out in the
 * background, top to bottom (about 6 s for 9 MB on a slow machine).  A
 * line not laid out yet has no height.  Scrolled to a far line before the
 * lines above it are done, GTK 4.8 puts that line right below the last
 * one laid out, with every line in between, all of no height, in view:
 * each frame then draws tens of thousands of lines (seconds), and frames
 * keep coming, so the background layout hardly goes on.
 *
 * A jump therefore waits until the lines above its target are laid out,
 * then scrolls there, and ends once the target is in view.  It checks at
 * a low priority, below GTK's layout work, and asks for no frames.  The
 * user taking over (scrolling, clicking, moving the cursor to another
 * line) ends it: they are somewhere else now.  (Typing meanwhile has GTK
 * scroll to the cursor itself, which has not been seen to go wrong so.) */

#define QUARK_NAME     "spec-editor-jump"
#define INPUT_KEY      "spec-editor-jump-input"
#define CHECK_MS       100
#define GIVE_UP_US     (120 * G_USEC_PER_SEC)

/* Lines looked at to tell whether the lines above the target are laid
 * out: spread over them, and the last ones just above it. */
#define N_SPREAD       64
#define N_NEAR         32

typedef struct
{
  GtkTextView *view;
  GtkTextMark *mark;
  double       yalign;
  int          cursor_line;   /* where the cursor was: it moving ends the jump */
  guint        source_id;
  gint64       deadline;
  guint        scrolled : 1;
} Jump;

static GQuark
jump_quark (void)
{
  return g_quark_from_static_string (QUARK_NAME);
}

/* The check's source owns the jump, and the view points to it: the
 * source ending frees the jump, and the view letting go of the jump (a
 * new one, a cancel, the view going away) ends the source. */
static void
jump_free (gpointer data)
{
  Jump *jump = data;

  if (g_object_get_qdata (G_OBJECT (jump->view), jump_quark ()) == jump)
    g_object_steal_qdata (G_OBJECT (jump->view), jump_quark ());
  if (!gtk_text_mark_get_deleted (jump->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (jump->mark), jump->mark);
  g_object_unref (jump->mark);
  g_free (jump);
}

static int
cursor_line (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_line (&iter);
}

static gboolean
line_laid_out (GtkTextView *view,
               int          line)
{
  GtkTextIter iter;
  int y, height;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);

  return height > 0;
}

/* Every real line is at least a pixel high: one with no height is one
 * the view has not laid out yet. */
static gboolean
lines_above_laid_out (GtkTextView *view,
                      int          target)
{
  for (int i = 0; i < N_SPREAD && target > N_NEAR; i++)
    if (!line_laid_out (view, (int) ((gint64) target * i / N_SPREAD)))
      return FALSE;

  for (int line = MAX (0, target - N_NEAR); line < target; line++)
    if (!line_laid_out (view, line))
      return FALSE;

  return TRUE;
}

static gboolean
target_in_view (Jump *jump)
{
  GdkRectangle visible;
  GtkTextIter iter;
  int y, height;

  gtk_text_view_get_visible_rect (jump->view, &visible);
  gtk_text_buffer_get_iter_at_mark (gtk_text_mark_get_buffer (jump->mark), &iter, jump->mark);
  gtk_text_view_get_line_yrange (jump->view, &iter, &y, &height);

  return height > 0 && y >= visible.y && y < visible.y + visible.height;
}

static void
end_source (gpointer data)
{
  Jump *jump = data;

  g_source_remove (jump->source_id);
}

/* Scrolls there once the lines above are laid out; %FALSE if not yet. */
static gboolean
try_to_arrive (Jump *jump)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (jump->mark);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, jump->mark);
  if (!lines_above_laid_out (jump->view, gtk_text_iter_get_line (&iter)))
    return FALSE;

  gtk_text_view_scroll_to_mark (jump->view, jump->mark, 0.0, TRUE, 0.0, jump->yalign);
  jump->scrolled = TRUE;

  return TRUE;
}

static gboolean
check_jump (gpointer data)
{
  Jump *jump = data;

  /* The text it was in is gone. */
  if (gtk_text_mark_get_deleted (jump->mark) ||
      gtk_text_view_get_buffer (jump->view) != gtk_text_mark_get_buffer (jump->mark))
    return G_SOURCE_REMOVE;

  if (cursor_line (jump->view) != jump->cursor_line ||
      g_get_monotonic_time () > jump->deadline)
    return G_SOURCE_REMOVE;

  /* A hidden view lays nothing out. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (jump->view)))
    return G_SOURCE_CONTINUE;

  if (jump->scrolled && target_in_view (jump))
    return G_SOURCE_REMOVE;

  try_to_arrive (jump);

  return G_SOURCE_CONTINUE;
}

/* The user's own scrolling or clicking ends a jump. */
static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          GtkTextView              *view)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_SCROLL:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
      spec_editor_jump_cancel (view);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
ensure_input_controller (GtkTextView *view)
{
  GtkEventController *controller;
  GtkWidget *scroller;

  if (g_object_get_data (G_OBJECT (view), INPUT_KEY) != NULL)
    return;

  /* On the scrolled window, if any, so that its bars count too. */
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_input), view, 0);
  gtk_widget_add_controller (scroller != NULL ? scroller : GTK_WIDGET (view), controller);
  g_object_set_data (G_OBJECT (view), INPUT_KEY, controller);
}

/**
 * spec_editor_jump_to_line:
 * @view: a text view
 * @line: the line to show (0-based)
 * @yalign: where in the view it goes, 0.0 at the top
 *
 * Scrolls @view to @line, now or, if the view has not laid out the lines
 * above it yet, once it has.  The cursor does not move, and it moving to
 * another line ends the jump.
 */
void
spec_editor_jump_to_line (GtkTextView *view,
                          guint        line,
                          double       yalign)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  Jump *jump;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) MIN (line, (guint) G_MAXINT));

  jump = g_new0 (Jump, 1);
  jump->view = view;
  jump->mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE));
  jump->yalign = CLAMP (yalign, 0.0, 1.0);
  jump->cursor_line = cursor_line (view);
  jump->deadline = g_get_monotonic_time () + GIVE_UP_US;

  ensure_input_controller (view);
  try_to_arrive (jump);

  /* Below GTK's layout work, which it waits for. */
  jump->source_id = g_timeout_add_full (G_PRIORITY_LOW, CHECK_MS, check_jump, jump, jump_free);
  /* Replaces, and so ends, the one before. */
  g_object_set_qdata_full (G_OBJECT (view), jump_quark (), jump, end_source);
}

/**
 * spec_editor_jump_is_pending:
 *
 * Returns: whether @view is still on its way to a line it was sent to:
 *   it moving meanwhile is not the user scrolling it
 */
gboolean
spec_editor_jump_is_pending (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), FALSE);

  return g_object_get_qdata (G_OBJECT (view), jump_quark ()) != NULL;
}

void
spec_editor_jump_cancel (GtkTextView *view)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  g_object_set_qdata (G_OBJECT (view), jump_quark (), NULL);
}
