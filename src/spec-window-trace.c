/* spec-window-trace.c: the window's part of SPECWRIGHT_TRACE=1
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-trace.h"
#include "spec-window-private.h"

/* The marks a window makes, read by the start-up benchmark: its first
 * frame begun ("frame-start": GTK has measured the window, now filled,
 * for its size) and laid out ("frame-laid-out"); its first frame drawn
 * ("first-frame"); its first frame showing the document
 * ("filled-frame": the file read and parsed, and the navigator and the
 * preview showing that parse, their first rows in); and its first frame
 * with every row in ("complete-frame": a large outline's rows and a
 * document's preview rows come in after each frame).  Only with tracing
 * on; nothing is connected otherwise. */

typedef struct
{
  SpecWindow    *window;   /* unowned: the data lives on it */
  GdkFrameClock *clock;
  gulong         handler;
  gulong         begin_handler;   /* until the first frame */
  gulong         layout_handler;
  guint          frames;
  gboolean       filled;
} Trace;

static void
trace_free (gpointer data)
{
  Trace *trace = data;

  if (trace->clock != NULL)
    {
      g_clear_signal_handler (&trace->handler, trace->clock);
      g_clear_signal_handler (&trace->begin_handler, trace->clock);
      g_clear_signal_handler (&trace->layout_handler, trace->clock);
      g_object_unref (trace->clock);
    }
  g_free (trace);
}

static gboolean
shows_document (SpecWindow *self)
{
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);

  return self->loading_file == NULL &&
         !spec_document_get_busy (self->document) &&
         spec_document_is_current (self->document) &&
         spec_navigator_get_snapshot (self->navigator) == snapshot &&
         spec_preview_get_snapshot (self->preview) == snapshot;
}

static void
on_after_paint (GdkFrameClock *clock,
                Trace         *trace)
{
  SpecWindow *self = trace->window;

  if (trace->frames++ == 0)
    {
      SPEC_TRACE ("first-frame", NULL);
      g_clear_signal_handler (&trace->begin_handler, trace->clock);
      g_clear_signal_handler (&trace->layout_handler, trace->clock);
    }

  if (!shows_document (self))
    return;

  if (!trace->filled)
    {
      trace->filled = TRUE;
      SPEC_TRACE ("filled-frame", "%u frames", trace->frames);
    }

  if (!spec_navigator_is_complete (self->navigator) || !spec_preview_is_complete (self->preview))
    return;

  {
    gsize len = 0;

    spec_snapshot_get_text (spec_document_get_snapshot (self->document), &len);
    SPEC_TRACE ("complete-frame", "%zu bytes, %u frames", len, trace->frames);
  }
  g_clear_signal_handler (&trace->handler, trace->clock);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Trace         *trace)
{
  if (trace->frames == 0)
    SPEC_TRACE ("frame-start", NULL);
}

/* Connected after: once the window's own layout handler has run. */
static void
on_layout (GdkFrameClock *clock,
           Trace         *trace)
{
  if (trace->frames == 0)
    SPEC_TRACE ("frame-laid-out", NULL);
}

static void
on_realize (SpecWindow *self)
{
  Trace *trace = g_object_get_data (G_OBJECT (self), "spec-trace");

  if (trace == NULL || trace->clock != NULL)
    return;

  trace->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  trace->handler = g_signal_connect (trace->clock, "after-paint", G_CALLBACK (on_after_paint), trace);
  trace->begin_handler = g_signal_connect (trace->clock, "before-paint", G_CALLBACK (on_before_paint), trace);
  trace->layout_handler = g_signal_connect_after (trace->clock, "layout", G_CALLBACK (on_layout), trace);
}

void
_spec_window_trace_init (SpecWindow *self)
{
  Trace *trace;

  if (!spec_trace_enabled ())
    return;

  trace = g_new0 (Trace, 1);
  trace->window = self;
  g_object_set_data_full (G_OBJECT (self), "spec-trace", trace, trace_free);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  SPEC_TRACE ("window", NULL);
}
