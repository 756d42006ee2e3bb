/* spec-window-library.c: the window's document in the library: autosave,
 * saving a spec that has no file, opening a library spec, closing
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-window-private.h"

/* While writes fail the user sees why, once, and that the text is safe
 * in the editor; a success later says so. */
static void
autosave_failed_cb (SpecWindow   *self,
                    const GError *error,
                    SpecAutosave *autosave)
{
  g_autofree char *title = NULL;

  if (self->autosave_toast != NULL)
    return;

  /* Translators: %s says why, e.g. "The disk is full: …" */
  title = g_strdup_printf (_("Could not autosave: %s. Your text is kept here and saving is tried again."),
                           error->message);
  self->autosave_toast = adw_toast_new (title);
  adw_toast_set_timeout (self->autosave_toast, 0);
  adw_toast_set_priority (self->autosave_toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_add_weak_pointer (G_OBJECT (self->autosave_toast), (gpointer *) &self->autosave_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->autosave_toast);
}

static void
autosave_recovered_cb (SpecWindow   *self,
                       SpecAutosave *autosave)
{
  if (self->autosave_toast == NULL)
    return;

  adw_toast_dismiss (self->autosave_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Autosaving works again")));
}

/**
 * spec_window_set_library:
 *
 * Gives the window the library: its document is autosaved there, a spec
 * without a file is saved there, and files are linked to their entries.
 * Without one, documents are files only.
 */
void
spec_window_set_library (SpecWindow        *self,
                         SpecLibrary       *library,
                         SpecLibraryWriter *writer)
{
  g_return_if_fail (SPEC_IS_WINDOW (self));
  g_return_if_fail (SPEC_IS_LIBRARY (library));
  g_return_if_fail (SPEC_IS_LIBRARY_WRITER (writer));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->autosave = spec_autosave_new (self->document, writer);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (autosave_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "recovered", G_CALLBACK (autosave_recovered_cb),
                           self, G_CONNECT_SWAPPED);
}

SpecAutosave *
spec_window_get_autosave (SpecWindow *self)
{
  g_return_val_if_fail (SPEC_IS_WINDOW (self), NULL);

  return self->autosave;
}

/**
 * spec_window_open_spec:
 * @id: a spec in the library
 *
 * Shows a library spec in this window; one that cannot be read is
 * reported in a dialog.
 *
 * Returns: whether it is shown
 */
gboolean
spec_window_open_spec (SpecWindow *self,
                       gint64      id)
{
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPEC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->library != NULL, FALSE);

  if (!(entry = spec_library_get (self->library, id, &error)))
    {
      _spec_window_show_error (self, _("Could Not Open the Spec"), error);
      return FALSE;
    }

  spec_document_load_library_spec (self->document, id, entry->title, entry->body);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));

  return TRUE;
}

gboolean
spec_window_is_showing_spec (SpecWindow *self,
                             gint64      id)
{
  g_return_val_if_fail (SPEC_IS_WINDOW (self), FALSE);

  return id != 0 && spec_document_get_library_id (self->document) == id;
}

void
_spec_window_library_file_read (SpecWindow *self)
{
  if (self->autosave != NULL)
    spec_autosave_file_read (self->autosave);
}

void
_spec_window_library_file_written (SpecWindow *self)
{
  if (self->autosave != NULL)
    spec_autosave_file_written (self->autosave);
}

/**
 * _spec_window_library_save:
 *
 * Saves a document with no file into the library (Ctrl+S), rather than
 * asking where to put a file.
 *
 * Returns: whether it did
 */
gboolean
_spec_window_library_save (SpecWindow *self)
{
  if (self->autosave == NULL || spec_document_get_file (self->document) != NULL)
    return FALSE;

  spec_autosave_save (self->autosave);

  return TRUE;
}

/**
 * _spec_window_library_close:
 *
 * A spec with no file lives in the library, and is autosaved there:
 * closing it needs no question.  Any document's last edits are stored
 * and it is marked closed.
 *
 * Returns: whether the window may close without asking
 */
gboolean
_spec_window_library_close (SpecWindow *self)
{
  if (self->autosave == NULL)
    return FALSE;

  if (spec_document_get_file (self->document) != NULL &&
      !self->close_confirmed &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return FALSE;

  spec_autosave_close (self->autosave);

  return TRUE;
}
