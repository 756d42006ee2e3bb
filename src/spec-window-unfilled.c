/* spec-window-unfilled.c: Ctrl+J, to the next thing left to fill in
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-window-private.h"

/* The next placeholder or clarification after the selection (Ctrl+J), or
 * the one before it (Shift+Ctrl+J), is selected in the editor, so that
 * typing replaces it.  Offsets come from the snapshot: right after an
 * edit, before it is parsed, the move waits for the new snapshot.  Tab
 * and Shift+Tab do the same while the cursor is on a placeholder or
 * right after one; anywhere else they indent as usual. */

static void
show_toast (SpecWindow *self,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 2);
  _spec_window_add_toast (self, toast);
}

static void
select_unfilled (SpecWindow *self,
                 gboolean    backwards)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  const SpecItem *item;
  GtkTextIter start, end;
  gboolean wrapped;
  gsize from;

  if (!spec_document_is_current (self->document))
    {
      self->unfilled_pending = backwards ? -1 : 1;
      return;
    }
  self->unfilled_pending = 0;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  from = spec_document_get_byte_at_iter (self->document, backwards ? &start : &end);
  item = spec_report_find_unfilled (spec_snapshot_get_report (spec_document_get_snapshot (self->document)),
                                    from, backwards, &wrapped);

  if (item == NULL)
    {
      show_toast (self, _("Nothing left to fill in"));
      return;
    }

  spec_document_get_iter_at_byte (self->document, item->offset, &start);
  spec_document_get_iter_at_byte (self->document, item->offset + item->length, &end);
  gtk_text_buffer_select_range (buffer, &end, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->editor), gtk_text_buffer_get_insert (buffer),
                                0.2, FALSE, 0.0, 0.0);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));

  if (wrapped)
    show_toast (self, backwards ? _("Went on from the end") : _("Went on from the start"));
}

static void
on_snapshot_changed (SpecWindow *self)
{
  if (self->unfilled_pending != 0)
    select_unfilled (self, self->unfilled_pending < 0);
}

static void
next_unfilled_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  select_unfilled (SPEC_WINDOW (widget), FALSE);
}

static void
previous_unfilled_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  select_unfilled (SPEC_WINDOW (widget), TRUE);
}

/* Whether the cursor (or the selection) is on an item to fill, or just
 * after one. */
static gboolean
cursor_on_item (SpecWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  const SpecReport *report;
  GtkTextIter start, end;
  gsize from, to;

  if (!spec_document_is_current (self->document))
    return FALSE;

  report = spec_snapshot_get_report (spec_document_get_snapshot (self->document));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  from = spec_document_get_byte_at_iter (self->document, &start);
  to = spec_document_get_byte_at_iter (self->document, &end);

  /* Items are in document order: stop at the first past the cursor. */
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      if (item->offset > to)
        break;
      if (item->kind != SPEC_ITEM_GUIDANCE && item->offset <= from && to <= item->offset + item->length)
        return TRUE;
    }

  return FALSE;
}

static gboolean
editor_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    SpecWindow            *self)
{
  gboolean backwards;

  state &= GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK;
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && state == 0)
    backwards = FALSE;
  else if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) &&
                                              state == GDK_SHIFT_MASK))
    backwards = TRUE;
  else
    return FALSE;

  if (!cursor_on_item (self))
    return FALSE;

  select_unfilled (self, backwards);

  return TRUE;
}

void
_spec_window_unfilled_init (SpecWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the editor's own Tab handling. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "spec-tab-placeholders");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), keys);

  g_signal_connect_object (self->document, "notify::snapshot",
                           G_CALLBACK (on_snapshot_changed), self, G_CONNECT_SWAPPED);
}

void
_spec_window_class_unfilled_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next-unfilled", NULL, next_unfilled_action);
  gtk_widget_class_install_action (widget_class, "win.previous-unfilled", NULL, previous_unfilled_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK,
                                       "win.next-unfilled", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-unfilled", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_J, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-unfilled", NULL);
}
