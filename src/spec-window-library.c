/* spec-window-library.c: the window's document in the library: autosave,
 * saving a spec that has no file, opening a library spec, recovered
 * text, closing, linked folders' rescans and dropped files
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-application.h"
#include "spec-library-folders.h"
#include "spec-library-recovery.h"
#include "spec-text-file.h"
#include "spec-window-private.h"

/* While writes fail the user sees why, once, and that the text is safe
 * in the editor; a success later says so. */
static void
autosave_toast_dismissed_cb (SpecWindow *self)
{
  self->autosave_toast = NULL;
}

static void
autosave_details_cb (SpecWindow *self)
{
  g_autoptr(GError) error = g_error_new_literal (SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED,
                                                 self->autosave_error);

  g_prefix_error (&error, "%s ", _("Your text is kept in this window, and autosaving is tried again "
                                   "every few seconds."));
  _spec_window_show_error (self, _("Could Not Autosave"), error);
}

static void
autosave_failed_cb (SpecWindow   *self,
                    const GError *error,
                    SpecAutosave *autosave)
{
  g_free (self->autosave_error);
  self->autosave_error = g_strdup (error->message);

  if (self->autosave_toast != NULL)
    return;

  /* Short, for a toast; "Details" says why. */
  self->autosave_toast = adw_toast_new (_("Could not autosave; trying again"));
  adw_toast_set_button_label (self->autosave_toast, _("_Details"));
  g_signal_connect_object (self->autosave_toast, "button-clicked", G_CALLBACK (autosave_details_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_set_timeout (self->autosave_toast, 0);
  adw_toast_set_priority (self->autosave_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->autosave_toast, "dismissed", G_CALLBACK (autosave_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  _spec_window_add_toast (self, self->autosave_toast);
}

static void
autosave_recovered_cb (SpecWindow   *self,
                       SpecAutosave *autosave)
{
  if (self->autosave_toast == NULL)
    return;

  adw_toast_dismiss (self->autosave_toast);
  _spec_window_toast (self, _("Autosaving works again"));
}

/* Linked folders are rescanned when a window becomes active (which
 * includes the start), at most this often for all windows. */
#define RESCAN_INTERVAL (30 * G_TIME_SPAN_SECOND)

typedef struct
{
  SpecWindow *self;
  guint       n_changed;   /* written on the writer's thread */
} Rescan;

/* On the writer's thread: every linked folder; one that cannot be
 * rescanned (not mounted) is left for the next time. */
static gint64
rescan_job (SpecLibrary  *library,
            gpointer      data,
            GError      **error)
{
  Rescan *rescan = data;
  g_auto(GStrv) folders = spec_library_list_folders (library, error);

  if (folders == NULL)
    return 0;

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(SpecRescanSummary) summary = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(summary = spec_library_rescan_folder (library, folders[i], NULL, &local_error)))
        {
          g_message ("Not rescanning %s: %s", folders[i], local_error->message);
          continue;
        }
      rescan->n_changed += summary->n_added + summary->n_changed + summary->n_moved + summary->n_removed;
    }

  return 1;
}

static void
rescan_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Rescan *rescan = user_data;
  g_autoptr(SpecWindow) self = rescan->self;
  g_autoptr(GError) error = NULL;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    g_message ("Could not rescan the linked folders: %s", error->message);
  else if (rescan->n_changed > 0 && self->show_library && self->library_view != NULL)
    spec_library_view_reload (self->library_view);
}

/**
 * spec_window_rescan_folders:
 *
 * Brings the library in step with its linked folders, unless that was
 * done less than %RESCAN_INTERVAL ago (by any window).
 */
void
spec_window_rescan_folders (SpecWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 *last;
  Rescan *rescan;

  g_return_if_fail (SPEC_IS_WINDOW (self));

  if (self->library == NULL)
    return;

  last = g_object_get_data (G_OBJECT (self->library), "spec-last-rescan");
  if (last != NULL && now - *last < RESCAN_INTERVAL)
    return;
  if (last == NULL)
    {
      last = g_new0 (gint64, 1);
      g_object_set_data_full (G_OBJECT (self->library), "spec-last-rescan", last, g_free);
    }
  *last = now;

  rescan = g_new0 (Rescan, 1);
  rescan->self = g_object_ref (self);
  spec_library_writer_run_async (self->writer, rescan_job, rescan, NULL, NULL, rescan_done_cb, rescan);
}

static void
active_changed_cb (SpecWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    spec_window_rescan_folders (self);
}

/* Files dropped on the window: one Markdown file opens (and so shows in
 * the library, linked); several, or a folder, are imported. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SpecWindow    *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  if (files->len == 0)
    return FALSE;

  if (files->len == 1 &&
      g_file_query_file_type (g_ptr_array_index (files, 0), G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
    {
      GFile *file = g_ptr_array_index (files, 0);

      if (app != NULL)
        g_application_open (G_APPLICATION (app), &file, 1, "");
      else
        spec_window_open (self, file);
      return TRUE;
    }

  spec_window_set_show_library (self, TRUE);
  spec_library_view_import (_spec_window_get_library_view (self), files, FALSE);

  return TRUE;
}

static void
file_autosaved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SpecWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (spec_document_save_finish (SPEC_DOCUMENT (object), result, &error))
    {
      self->file_autosave_failed = FALSE;
      _spec_window_library_file_written (self);
      return;
    }

  /* Another program wrote the file after it was looked at: the banner
   * tells, as it would have. */
  if (g_error_matches (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_CHANGED))
    {
      _spec_window_check_disk (self, SPEC_DISK_THEN_NOTHING);
      return;
    }

  /* Said once; the library still has every autosave, and Save says
   * more. */
  if (!self->file_autosave_failed)
    {
      g_autofree char *message = g_strdup_printf (_("Could not autosave to “%s”: %s"),
                                                  spec_document_get_title (self->document), error->message);

      _spec_window_toast (self, message);
    }
  self->file_autosave_failed = TRUE;
}

/* After each write to the library: with "Autosave to Files" on, the
 * file too. */
static void
autosave_stored_cb (SpecWindow *self)
{
  if (self->show_library && self->library_view != NULL)
    spec_library_view_reload (self->library_view);

  /* Not over a change another program made: the file is looked at
   * first, off the main thread, and written if it is as it was. */
  if (self->autosave_files &&
      spec_document_get_file (self->document) != NULL &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    _spec_window_check_disk (self, SPEC_DISK_THEN_AUTOSAVE);
}

/* The file, as autosaved: its failure is told once, in a toast. */
void
_spec_window_autosave_file (SpecWindow *self)
{
  if (spec_document_get_busy (self->document) ||
      !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return;

  spec_document_save_async (self->document, NULL, NULL, file_autosaved_cb, g_object_ref (self));
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
  self->writer = g_object_ref (writer);
  self->autosave = spec_autosave_new (self->document, writer);
  if (self->library_view != NULL)
    spec_library_view_set_library (self->library_view, library, writer);
  gtk_widget_set_visible (self->library_button, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-library", TRUE);
  _spec_window_update_history_action (self);

  g_signal_connect_object (self, "notify::is-active", G_CALLBACK (active_changed_cb), self, 0);
  active_changed_cb (self);

  /* Before the editor, which would take the files' names as text. */
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
    g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (autosave_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "recovered", G_CALLBACK (autosave_recovered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "stored", G_CALLBACK (autosave_stored_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * _spec_window_get_library_view:
 *
 * The library's page, built the first time it is asked for: a window
 * opened on a file does not pay for it before its first frame (its
 * widgets, their style and icons, and measuring them as the stack's
 * other page).
 *
 * Returns: (transfer none): the page
 */
SpecLibraryView *
_spec_window_get_library_view (SpecWindow *self)
{
  GtkStackPage *page;

  if (self->library_view != NULL)
    return self->library_view;

  self->library_view = SPEC_LIBRARY_VIEW (spec_library_view_new ());
  g_signal_connect_object (self->library_view, "spec-activated",
                           G_CALLBACK (_spec_window_on_spec_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_view, "history-requested",
                           G_CALLBACK (_spec_window_on_history_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_view, "status-requested",
                           G_CALLBACK (_spec_window_on_status_requested), self, G_CONNECT_SWAPPED);
  if (self->library != NULL)
    spec_library_view_set_library (self->library_view, self->library, self->writer);
  page = gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->library_view), "library");
  gtk_stack_page_set_title (page, _("Library"));

  return self->library_view;
}

/**
 * spec_window_set_show_library:
 *
 * Shows the library in place of the document (read afresh, the search
 * field focused), or the document again.
 */
void
spec_window_set_show_library (SpecWindow *self,
                              gboolean    show_library)
{
  g_return_if_fail (SPEC_IS_WINDOW (self));

  show_library = !!show_library && self->library != NULL;
  if (self->show_library == show_library)
    return;

  self->show_library = show_library;
  if (show_library)
    {
      SpecLibraryView *view = _spec_window_get_library_view (self);

      spec_library_view_reload (view);
      gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (view));
      spec_library_view_focus_search (view);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "editor");
      gtk_widget_grab_focus (GTK_WIDGET (self->editor));
      spec_library_view_clear (self->library_view);
    }
  _spec_window_update_title (self);
  g_object_notify (G_OBJECT (self), "show-library");
}

/* A spec chosen in the library: a linked file opens from its file, the
 * source of truth; where it opens the application decides (the window
 * already showing it, this one if blank, or a new one). */
void
_spec_window_on_spec_activated (SpecWindow      *self,
                                gint64           id,
                                const char      *file_uri,
                                SpecLibraryView *view)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (file_uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (file_uri);

      if (app != NULL)
        g_application_open (G_APPLICATION (app), &file, 1, "");
      else
        spec_window_open (self, file);
    }
  else if (SPEC_IS_APPLICATION (app))
    {
      spec_application_open_spec (SPEC_APPLICATION (app), id);
    }
  else
    {
      spec_window_open_spec (self, id);
    }

  spec_window_set_show_library (self, FALSE);
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
  _spec_window_set_template (self, NULL, FALSE);
  if (entry->template_id != NULL)
    _spec_window_load_template (self, entry->template_id);
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

/* The whole text replaced, as one edit, which one undo takes back. */
void
_spec_window_replace_text (SpecWindow *self,
                           const char *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

/* The recovered text replaces the file's as one edit: modified, and
 * one undo shows the file as it is on disk. */
static void
apply_recovered_text (SpecWindow *self)
{
  g_autofree char *text = g_steal_pointer (&self->recovered_text);

  _spec_window_replace_text (self, text);
}

/**
 * spec_window_open_recovered:
 * @text: the autosaved text
 *
 * Opens @file and puts @text in place of what it holds on disk, unsaved.
 */
void
spec_window_open_recovered (SpecWindow *self,
                            GFile      *file,
                            const char *text)
{
  g_return_if_fail (SPEC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (text != NULL);

  g_free (self->recovered_text);
  self->recovered_text = g_strdup (text);

  if (spec_window_is_showing (self, file) && self->loading_file == NULL)
    apply_recovered_text (self);
  else
    spec_window_open (self, file);
}

void
_spec_window_library_file_read (SpecWindow *self)
{
  if (self->autosave != NULL)
    spec_autosave_file_read (self->autosave);
  if (self->recovered_text != NULL)
    apply_recovered_text (self);
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
  /* While the library cannot be written, a file is the way to keep it. */
  if (self->autosave == NULL || spec_document_get_file (self->document) != NULL ||
      spec_autosave_is_failing (self->autosave))
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

  /* Unsaved changes of a file, or of a spec the library cannot take
   * now: the user decides. */
  if ((spec_document_get_file (self->document) != NULL || spec_autosave_is_failing (self->autosave)) &&
      !self->close_confirmed &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return FALSE;

  spec_autosave_close (self->autosave);

  return TRUE;
}

/* The window editing spec @id: this one, another of the application's,
 * or none.  A change to a spec being edited is made in its editor, or
 * the editor's next autosave would undo it. */
SpecWindow *
_spec_window_find_editing (SpecWindow *self,
                           gint64      id)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (spec_window_is_showing_spec (self, id))
    return self;

  return SPEC_IS_APPLICATION (app) ? spec_application_find_spec_window (SPEC_APPLICATION (app), id) : NULL;
}
