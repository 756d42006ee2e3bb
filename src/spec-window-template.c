/* spec-window-template.c: the document and its template: Insert Missing
 * Sections
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-outline-edit.h"
#include "spec-window-private.h"

/* Every section of the document's template that it lacks comes in where
 * the template has it, with the template's own text for it, as one edit
 * that one undo takes back (see spec_outline_edit_insert_missing()).
 * The action is there while something is missing. */

static void
insert_missing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  SpecSnapshot *template_snapshot = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autofree char *message = NULL;
  guint n;

  g_object_get (self->document, "template", &template_snapshot, NULL);
  if (template_snapshot == NULL || snapshot == NULL || !spec_document_is_current (self->document))
    {
      g_clear_object (&template_snapshot);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Still reading your last edit: try again")));
      return;
    }

  n = spec_snapshot_get_report (snapshot)->missing->len;
  edits = spec_outline_edit_insert_missing (snapshot, template_snapshot);
  g_object_unref (template_snapshot);
  if (edits->len == 0 || !spec_document_apply_edits (self->document, snapshot, edits))
    return;

  message = g_strdup_printf (ngettext ("%u section added from the template", "%u sections added from the template",
                                       n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_actions (SpecWindow *self)
{
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  const SpecReport *report = snapshot != NULL ? spec_snapshot_get_report (snapshot) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.insert-missing",
                                 report != NULL && report->against_template && report->missing->len > 0);
}

void
_spec_window_template_init (SpecWindow *self)
{
  g_signal_connect_object (self->document, "notify::snapshot", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_spec_window_class_template_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.insert-missing", NULL, insert_missing_action);
}
