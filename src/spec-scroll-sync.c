/* spec-scroll-sync.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-scroll-sync.h"

#include "spec-editor-jump.h"

/* Line-accurate, not proportional: the block holding the editor's top
 * visible line goes to the top of the preview, and the preview's top block
 * puts its first source line at the top of the editor.  When the cursor
 * moves, the preview also brings the cursor's block into view.
 *
 * Each side's programmatic scroll makes the other side's adjustment move
 * too, and the preview moves on its own when a new snapshot re-renders it:
 * an echo within ECHO_MS of a programmatic scroll, and any preview movement
 * right after a re-render, are not the user's and are not followed. */
#define ECHO_MS 150

/* How long the editor may take to reach a line it was sent to. */
#define TARGET_MS 1000

/* The preview moves by itself as its rows are built and measured: only a
 * move this soon after the user's own input there (wheel, touch, a drag
 * of the scroll bar, a key) is followed by the editor. */
#define INPUT_MS 500

/* The editor scrolls by itself as typing wraps a line or adds one, and
 * the preview as rows are rebuilt: while the text is being edited, the
 * preview follows the cursor only, and the editor does not follow the
 * preview, or each would jump between the top line's block and the
 * cursor's. */
#define TYPING_MS 500

struct _SpecScrollSync
{
  GObject        parent_instance;

  GtkTextView   *editor;    /* weak */
  SpecPreview   *preview;   /* weak */
  guint          editor_target;   /* the lines each side was last sent to: */
  guint          preview_target;  /* arriving there is an echo, not the user */
  gint64         ignore_editor_until;
  gint64         ignore_preview_until;
  gint64         edited_until;       /* typing: see TYPING_MS */
  gint64         editor_target_until;
  gint64         preview_input_until;
  guint          recheck_source;
  guint          enabled : 1;
  guint          cursor_moved : 1;   /* since the preview last changed */
};

G_DEFINE_FINAL_TYPE (SpecScrollSync, spec_scroll_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The editor's first visible line, 1-based. */
guint
spec_scroll_sync_editor_top_line (SpecScrollSync *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  g_return_val_if_fail (SPEC_IS_SCROLL_SYNC (self), 0);

  if (self->editor == NULL)
    return 0;

  gtk_text_view_get_visible_rect (self->editor, &visible);
  gtk_text_view_get_line_at_y (self->editor, &iter, visible.y, NULL);

  return gtk_text_iter_get_line (&iter) + 1;
}

static gboolean recheck_editor (gpointer data);

static void
on_editor_scrolled (SpecScrollSync *self,
                    GtkAdjustment  *adjustment)
{
  gint64 now = g_get_monotonic_time ();
  guint line;

  /* While the editor moves, the preview follows it and not the reverse. */
  self->ignore_preview_until = MAX (self->ignore_preview_until, now + ECHO_MS * 1000);

  if (!self->enabled || self->preview == NULL || now < self->edited_until)
    return;

  /* Right after the editor was moved to follow the preview, or while it
   * is on its way to a line (see spec-editor-jump.c): the user may have
   * scrolled too, which is looked at once it has arrived. */
  if (now < self->ignore_editor_until || spec_editor_jump_is_pending (self->editor))
    {
      if (self->recheck_source == 0)
        self->recheck_source = g_timeout_add (ECHO_MS, recheck_editor, self);
      return;
    }

  /* The editor follows the preview in steps, as it lays out the lines on
   * the way: until it arrives at the line it was sent to, or gives up,
   * its moves are not the user's. */
  line = spec_scroll_sync_editor_top_line (self);
  if (self->editor_target != 0 && now < self->editor_target_until)
    {
      if (line == self->editor_target)
        self->editor_target_until = 0;
      return;
    }

  self->editor_target = 0;
  self->preview_target = spec_preview_get_block_line (self->preview, line);
  self->ignore_preview_until = now + ECHO_MS * 1000;
  spec_preview_scroll_to_line (self->preview, line);
}

static gboolean
recheck_editor (gpointer data)
{
  SpecScrollSync *self = data;

  self->recheck_source = 0;
  on_editor_scrolled (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
on_preview_scrolled (SpecScrollSync *self,
                     GtkAdjustment  *adjustment)
{
  gint64 now = g_get_monotonic_time ();
  guint line;

  if (!self->enabled || self->editor == NULL || now < self->edited_until ||
      now >= self->preview_input_until)
    return;

  /* The preview on its way to where it was sent is not the user, and
   * neither is its settling right after. */
  if (spec_preview_is_scrolling (self->preview))
    {
      self->ignore_preview_until = now + ECHO_MS * 1000;
      return;
    }

  if (now < self->ignore_preview_until)
    return;

  if ((line = spec_preview_get_top_line (self->preview)) == 0)
    return;

  /* Arriving at the block it was sent to is the preview following the
   * editor, not the user. */
  if (self->preview_target != 0 && line == self->preview_target)
    return;

  self->preview_target = 0;
  self->editor_target = line;
  self->editor_target_until = now + TARGET_MS * 1000;
  self->ignore_editor_until = now + ECHO_MS * 1000;
  spec_editor_jump_to_line (self->editor, line - 1, 0.0);
}

/* The cursor moved: its block must be in the preview's view.  Only as far
 * as needed, and not echoed back to the editor, whose own view already
 * shows the cursor. */
static void
reveal_cursor (SpecScrollSync *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (!self->enabled || self->editor == NULL || self->preview == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->editor);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  self->ignore_preview_until = g_get_monotonic_time () + ECHO_MS * 1000;
  spec_preview_reveal_line (self->preview, gtk_text_iter_get_line (&iter) + 1);
}

static void
on_user_action (SpecScrollSync *self)
{
  self->edited_until = g_get_monotonic_time () + TYPING_MS * 1000;
}

static void
on_cursor_moved (SpecScrollSync *self)
{
  self->cursor_moved = TRUE;
  reveal_cursor (self);
}

/* Typing moves the cursor before the preview has the new text: once it
 * has, the cursor's block, perhaps a new one, is brought into view. */
static gboolean
on_preview_input (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  SpecScrollSync           *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_SCROLL:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_MOTION_NOTIFY:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_KEY_PRESS:
    case GDK_TOUCHPAD_SWIPE:
      /* Motion counts only while a button is down: dragging the bar. */
      if (gdk_event_get_event_type (event) == GDK_MOTION_NOTIFY &&
          (gdk_event_get_modifier_state (event) & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK)) == 0)
        break;
      spec_scroll_sync_note_preview_input (self);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

/**
 * spec_scroll_sync_note_preview_input:
 *
 * Tells that the user has just used the preview (its event controller
 * does), so that it moving next is the user scrolling it.
 */
void
spec_scroll_sync_note_preview_input (SpecScrollSync *self)
{
  g_return_if_fail (SPEC_IS_SCROLL_SYNC (self));

  self->preview_input_until = g_get_monotonic_time () + INPUT_MS * 1000;
}

static void
on_preview_rerendered (SpecScrollSync *self)
{
  self->ignore_preview_until = g_get_monotonic_time () + ECHO_MS * 1000;

  if (self->cursor_moved)
    {
      self->cursor_moved = FALSE;
      reveal_cursor (self);
    }
}

static void
spec_scroll_sync_dispose (GObject *object)
{
  SpecScrollSync *self = (SpecScrollSync *)object;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->preview);

  G_OBJECT_CLASS (spec_scroll_sync_parent_class)->dispose (object);
}

static void
spec_scroll_sync_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpecScrollSync *self = SPEC_SCROLL_SYNC (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_scroll_sync_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpecScrollSync *self = SPEC_SCROLL_SYNC (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      spec_scroll_sync_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_scroll_sync_class_init (SpecScrollSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spec_scroll_sync_dispose;
  object_class->get_property = spec_scroll_sync_get_property;
  object_class->set_property = spec_scroll_sync_set_property;

  properties [PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_scroll_sync_init (SpecScrollSync *self)
{
  self->enabled = TRUE;
}

SpecScrollSync *
spec_scroll_sync_new (GtkTextView *editor,
                      SpecPreview *preview)
{
  SpecScrollSync *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (editor), NULL);
  g_return_val_if_fail (SPEC_IS_PREVIEW (preview), NULL);

  self = g_object_new (SPEC_TYPE_SCROLL_SYNC, NULL);
  g_set_weak_pointer (&self->editor, editor);
  g_set_weak_pointer (&self->preview, preview);

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (editor)), "value-changed",
                           G_CALLBACK (on_editor_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (spec_preview_get_vadjustment (preview), "value-changed",
                           G_CALLBACK (on_preview_scrolled), self, G_CONNECT_SWAPPED);
  /* Typing and other edits by the user are user actions, which begin
   * before the buffer changes (the editor may scroll while it takes the
   * change in); loading a file is none. */
  g_signal_connect_object (gtk_text_view_get_buffer (editor), "begin-user-action",
                           G_CALLBACK (on_user_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (editor), "end-user-action",
                           G_CALLBACK (on_user_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (editor), "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (preview, "notify::snapshot",
                           G_CALLBACK (on_preview_rerendered), self, G_CONNECT_SWAPPED);

  /* Sees the user's input before the preview's own widgets do. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_preview_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (preview), controller);

  return self;
}

gboolean
spec_scroll_sync_get_enabled (SpecScrollSync *self)
{
  g_return_val_if_fail (SPEC_IS_SCROLL_SYNC (self), FALSE);

  return self->enabled;
}

void
spec_scroll_sync_set_enabled (SpecScrollSync *self,
                              gboolean        enabled)
{
  g_return_if_fail (SPEC_IS_SCROLL_SYNC (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENABLED]);
}
