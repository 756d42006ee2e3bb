/* spec-window-disk.c: the document's file changed by another program
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-text-file.h"
#include "spec-window-private.h"

/* File monitors do not work through the document portal, so the file is
 * looked at when the window comes to the front and before each save: if
 * what it is now (its etag) is not what it was when read or written,
 * another program changed it.  The user chooses: Reload (the file's text
 * replaces the editor's as one edit, which one undo takes back: nothing
 * is lost) or keep their own text (Save then replaces the file's, as
 * chosen, never silently).  Autosaving to the file waits for the same
 * look.  A file gone is told, and Save writes it again. */

typedef struct
{
  SpecWindow *self;
  GFile      *file;
  char       *etag;       /* what it is now; NULL: gone */
  SpecDiskThen then;      /* what waits for the answer */
} DiskCheck;

static void
disk_check_free (DiskCheck *check)
{
  g_clear_object (&check->self);
  g_clear_object (&check->file);
  g_free (check->etag);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiskCheck, disk_check_free)

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DiskCheck) check = user_data;
  SpecWindow *self = check->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

  if (text == NULL)
    {
      _spec_window_show_error (self, _("Could Not Reload the File"), error);
      return;
    }
  if (!g_file_equal (check->file, spec_document_get_file (self->document)))
    return;

  _spec_window_replace_text (self, text);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), FALSE);
  spec_document_set_disk_etag (self->document, check->etag);
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DiskCheck *check = task_data;
  GError *error = NULL;
  char *contents = NULL;
  gsize length;

  if (!spec_text_file_load (check->file, &contents, &length, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, g_free);
}

static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DiskCheck        *check)
{
  SpecWindow *self = check->self;

  self->asking_about_disk = FALSE;

  /* A save that does not happen: neither does the close waiting for it. */
  if (check->then == SPEC_DISK_THEN_SAVE && g_strcmp0 (response, "save") != 0)
    self->close_confirmed = FALSE;

  if (g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "reload") == 0)
    {
      DiskCheck *reload = g_new0 (DiskCheck, 1);
      g_autoptr(GTask) task = NULL;

      reload->self = g_object_ref (self);
      reload->file = g_object_ref (check->file);
      reload->etag = g_strdup (check->etag);
      task = g_task_new (NULL, NULL, reload_cb, reload);
      g_task_set_task_data (task, reload, NULL);
      g_task_run_in_thread (task, reload_thread);
      return;
    }

  /* Keep mine: the outside change is known; the editor's text is what
   * the file should be, unsaved until saved. */
  spec_document_set_disk_etag (self->document, check->etag);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), TRUE);
  if (g_strcmp0 (response, "save") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
}

static void
ask_about_change (DiskCheck *check)
{
  SpecWindow *self = check->self;
  g_autofree char *name = spec_text_file_dup_display_name (check->file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Another program saved this file after you opened it. Reload it, or keep "
                                     "your text; undo takes a reload back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "reload", _("_Reload"), NULL);
  if (check->then == SPEC_DISK_THEN_SAVE)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save Anyway"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_DESTRUCTIVE);
      /* Escape changes nothing, neither file nor text. */
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), NULL);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  else
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Mine"), NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (changed_response_cb), check,
                         (GClosureNotify) (void (*) (void)) disk_check_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DiskCheck) check = g_task_propagate_pointer (G_TASK (result), NULL);
  SpecWindow *self;
  const char *known;

  if (check == NULL)
    return;
  self = check->self;
  self->disk_check = NULL;
  /* Another file by now. */
  if (spec_document_get_file (self->document) == NULL ||
      !g_file_equal (check->file, spec_document_get_file (self->document)))
    return;

  known = spec_document_get_disk_etag (self->document);
  if (check->etag == NULL)
    {
      g_autofree char *name = spec_text_file_dup_display_name (check->file);
      g_autofree char *message = g_strdup_printf (_("“%s” was deleted or moved: Save writes it again"), name);

      /* Save writes it again; an autosave does not bring back a file
       * the user may have meant to delete. */
      if (check->then == SPEC_DISK_THEN_SAVE)
        {
          _spec_window_save_file (self);
          return;
        }
      /* Told once, not at each return to the window. */
      if (known != NULL)
        _spec_window_toast (self, message);
      spec_document_set_disk_etag (self->document, NULL);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), TRUE);
      return;
    }

  if (g_strcmp0 (known, check->etag) == 0 || known == NULL)
    {
      if (known == NULL)
        spec_document_set_disk_etag (self->document, check->etag);
      if (check->then == SPEC_DISK_THEN_SAVE)
        _spec_window_save_file (self);
      else if (check->then == SPEC_DISK_THEN_AUTOSAVE)
        _spec_window_autosave_file (self);
      return;
    }

  /* Until it is answered, no other check asks again. */
  self->asking_about_disk = TRUE;
  ask_about_change (g_steal_pointer (&check));
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DiskCheck *check = task_data;

  check->etag = spec_text_file_dup_etag (check->file);
  g_task_return_pointer (task, g_steal_pointer (&check), (GDestroyNotify) disk_check_free);
}

/**
 * _spec_window_check_disk:
 * @then: what to do once the file is known to be as it was: nothing,
 *   save it, or autosave it
 *
 * Looks at the document's file, off the main thread, and asks what to do
 * if another program changed it.  Asked while a look is under way, the
 * one under way does the more of the two (a save is never dropped);
 * while the user is being asked, nothing more is.
 */
void
_spec_window_check_disk (SpecWindow   *self,
                         SpecDiskThen  then)
{
  GFile *file = spec_document_get_file (self->document);
  g_autoptr(GTask) task = NULL;
  DiskCheck *check;

  if (file == NULL || self->asking_about_disk)
    return;

  if (self->disk_check != NULL)
    {
      check = self->disk_check;
      check->then = MAX (check->then, then);
      return;
    }

  check = g_new0 (DiskCheck, 1);
  check->self = g_object_ref (self);
  check->file = g_object_ref (file);
  check->then = then;
  self->disk_check = check;
  task = g_task_new (NULL, NULL, checked_cb, NULL);
  g_task_set_task_data (task, check, NULL);
  g_task_run_in_thread (task, check_thread);
}

/* Whether the file is being looked at or the user asked about it: a
 * save is not done yet. */
gboolean
_spec_window_is_checking_disk (SpecWindow *self)
{
  return self->disk_check != NULL || self->asking_about_disk;
}

static void
active_changed_cb (SpecWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && !spec_document_get_busy (self->document))
    _spec_window_check_disk (self, SPEC_DISK_THEN_NOTHING);
}

void
_spec_window_disk_init (SpecWindow *self)
{
  g_signal_connect_object (self, "notify::is-active", G_CALLBACK (active_changed_cb), self, G_CONNECT_SWAPPED);
}
