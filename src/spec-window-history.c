/* spec-window-history.c: History…: a spec's revisions, and Restore
 * where the spec is edited
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-history-dialog.h"
#include "spec-window-private.h"

static gint64
restore_job (SpecLibrary  *library,
             gpointer      data,
             GError      **error)
{
  return spec_library_restore_revision (library, *(gint64 *) data, error);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpecWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    {
      _spec_window_toast (self, error->message);
      return;
    }

  if (self->show_library && self->library_view != NULL)
    spec_library_view_reload (self->library_view);
  _spec_window_toast (self, _("Revision restored"));
}

/* The document's own spec: its text in the editor becomes the
 * revision's (one undo brings the text back) and is stored as a
 * restore.  Another spec: restored in the library. */
static void
history_restore_cb (SpecWindow        *self,
                    gint64             revision_id,
                    const char        *body,
                    SpecHistoryDialog *dialog)
{
  gint64 spec_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "spec-id"));
  SpecWindow *target = _spec_window_find_editing (self, spec_id);
  AdwToast *toast;

  if (target == NULL)
    {
      spec_library_writer_run_async (self->writer, restore_job, g_memdup2 (&revision_id, sizeof revision_id),
                                     g_free, NULL, restore_done_cb, g_object_ref (self));
      return;
    }

  _spec_window_replace_text (target, body);
  spec_autosave_restored (target->autosave);
  toast = adw_toast_new (_("Revision restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (gtk_text_buffer_undo),
                           target->document, G_CONNECT_SWAPPED);
  _spec_window_add_toast (target, toast);
}

/**
 * _spec_window_show_history:
 *
 * Shows spec @id's revisions; for the window's own document, against
 * the text in the editor.
 */
void
_spec_window_show_history (SpecWindow *self,
                           gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  SpecHistoryDialog *dialog;

  if (self->library == NULL || id == 0)
    return;

  if (id == spec_document_get_library_id (self->document))
    current = spec_document_dup_text (self->document);

  if (!(dialog = spec_history_dialog_new (self->library, id, current, &error)))
    {
      _spec_window_show_error (self, _("Could Not Show the History"), error);
      return;
    }

  g_object_set_data (G_OBJECT (dialog), "spec-id", GSIZE_TO_POINTER (id));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "restore", G_CALLBACK (history_restore_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* History asked for in the library view. */
void
_spec_window_on_history_requested (SpecWindow      *self,
                                   gint64           id,
                                   SpecLibraryView *view)
{
  _spec_window_show_history (self, id);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);

  _spec_window_show_history (self, spec_document_get_library_id (self->document));
}

void
_spec_window_update_history_action (SpecWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history",
                                 self->library != NULL && spec_document_get_library_id (self->document) != 0);
}

void
_spec_window_history_init (SpecWindow *self)
{
  g_signal_connect_object (self->document, "notify::library-id", G_CALLBACK (_spec_window_update_history_action),
                           self, G_CONNECT_SWAPPED);
  _spec_window_update_history_action (self);
}

void
_spec_window_class_history_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
}
