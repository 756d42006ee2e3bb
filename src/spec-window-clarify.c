/* spec-window-clarify.c: "Resolve Clarification…", an answer for the
 * [NEEDS CLARIFICATION: …] marker under the cursor
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-clarification.h"
#include "spec-window-private.h"

/* The dialog asks for the answer to the marker's question; the marker
 * becomes the answer and the question and answer go into the spec's
 * Clarifications section (see spec-clarification.c), as one edit that
 * one undo takes back.  If the text changed while the dialog was open,
 * nothing is done and the user is told. */

typedef struct
{
  SpecWindow   *self;
  SpecSnapshot *snapshot;
  gsize         offset;
  gsize         length;
  GtkEditable  *answer;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->self);
  g_clear_object (&pending->snapshot);
  g_free (pending);
}

static void
pending_closure_free (gpointer  data,
                      GClosure *closure)
{
  pending_free (data);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Pending          *pending)
{
  SpecWindow *self = pending->self;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "resolve") != 0)
    return;

  edits = spec_clarification_resolve (pending->snapshot, pending->offset, pending->length,
                                      gtk_editable_get_text (pending->answer), NULL, &error);
  if (edits == NULL)
    _spec_window_toast (self, error->message);
  else if (!spec_document_apply_edits (self->document, pending->snapshot, edits))
    _spec_window_toast (self, _("The text changed meanwhile: try again"));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
answer_changed_cb (GtkEditable      *answer,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (answer)));

  adw_message_dialog_set_response_enabled (dialog, "resolve", *text != '\0');
}

static void
answer_activate_cb (GtkEntry         *answer,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "resolve"))
    adw_message_dialog_response (dialog, "resolve");
}

static void
resolve_clarification_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  const SpecItem *found = NULL;
  const SpecReport *report;
  SpecSnapshot *snapshot;
  GtkTextIter cursor;
  GtkWidget *dialog, *answer;
  Pending *pending;
  gsize at;

  if (!spec_document_is_current (self->document))
    {
      _spec_window_toast (self, _("Still reading your last edit: try again"));
      return;
    }

  snapshot = spec_document_get_snapshot (self->document);
  report = spec_snapshot_get_report (snapshot);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at = spec_document_get_byte_at_iter (self->document, &cursor);
  for (guint i = 0; i < report->items->len && found == NULL; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      if (item->kind == SPEC_ITEM_CLARIFICATION && item->offset <= at && at <= item->offset + item->length)
        found = item;
    }

  if (found == NULL)
    {
      _spec_window_toast (self, _("Put the cursor on a “[NEEDS CLARIFICATION: …]” marker first"));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Resolve Clarification"), found->question);
  answer = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (answer), _("The answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (answer), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), answer);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "resolve", _("_Resolve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resolve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "resolve", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resolve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->snapshot = g_object_ref (snapshot);
  pending->offset = found->offset;
  pending->length = found->length;
  pending->answer = GTK_EDITABLE (answer);
  g_signal_connect (answer, "changed", G_CALLBACK (answer_changed_cb), dialog);
  g_signal_connect (answer, "activate", G_CALLBACK (answer_activate_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), pending,
                         pending_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (answer);
}

void
_spec_window_clarify_init (SpecWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("Resolve _Clarification…"), "win.resolve-clarification");
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->editor), G_MENU_MODEL (menu));
}

void
_spec_window_class_clarify_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.resolve-clarification", NULL, resolve_clarification_action);
}
