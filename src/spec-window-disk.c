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
 * looked at when the window comes to the front, before each save and
 * before each autosave to it: if what it is now (its etag) is not what it
 * was when read or written, another program changed it.
 *
 * Then a banner above the editor says so, without stopping the typing:
 * Reload (the file's text replaces the editor's as one edit, which one
 * undo takes back: nothing is lost) or Keep Mine.  Until answered, an
 * autosave does not write the file.  A Save asked for meanwhile asks in a
 * dialog (Reload / Save Anyway / Cancel), since the user waits for it:
 * a save never silently writes over another program's change.
 *
 * A file deleted or moved gets the banner too; Save writes it again, an
 * autosave does not.  A file that is back as it was needs no banner. */

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
set_conflict_etag (SpecWindow *self,
                   const char *etag)
{
  if (g_strcmp0 (self->disk_conflict_etag, etag) != 0)
    {
      g_free (self->disk_conflict_etag);
      self->disk_conflict_etag = g_strdup (etag);
    }
  /* Nothing more once the window is going (a late callback). */
  if (self->disk_banner == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disk.reload", etag != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disk.keep", etag != NULL);
}

static void
hide_banner (SpecWindow *self)
{
  set_conflict_etag (self, NULL);
  if (self->disk_banner != NULL)
    spec_disk_banner_set_revealed (self->disk_banner, FALSE);
}

/* Shown until answered, or until the file is as it was. */

static void
show_banner (SpecWindow          *self,
             SpecDiskBannerState  state,
             GFile               *file,
             const char          *etag)
{
  g_autofree char *name = NULL;

  if (self->disk_banner == NULL)
    return;

  name = spec_text_file_dup_display_name (file);
  set_conflict_etag (self, etag);
  spec_disk_banner_set_state (self->disk_banner, state);
  spec_disk_banner_set_file_name (self->disk_banner, name);
  spec_disk_banner_set_revealed (self->disk_banner, TRUE);
}

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
  /* Unless the file changed again meanwhile, and was told. */
  if (self->disk_conflict_etag == NULL || g_strcmp0 (self->disk_conflict_etag, check->etag) == 0)
    hide_banner (self);
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

  if (!spec_text_file_load (check->file, &contents, &length, cancellable, &error) ||
      !spec_text_file_check_lines (contents, length, &error))
    {
      g_free (contents);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, contents, g_free);
}

/* The file's text, as it is now (@etag), replaces the editor's. */
static void
start_reload (SpecWindow *self,
              GFile      *file,
              const char *etag)
{
  DiskCheck *reload = g_new0 (DiskCheck, 1);
  g_autoptr(GTask) task = NULL;

  reload->self = g_object_ref (self);
  reload->file = g_object_ref (file);
  reload->etag = g_strdup (etag);
  task = g_task_new (NULL, NULL, reload_cb, reload);
  g_task_set_task_data (task, reload, NULL);
  g_task_run_in_thread (task, reload_thread);
}

/* Keep Mine: the outside change is known and set aside.  What the file
 * is now becomes what the document knows of it, so the next Save (or
 * autosave to the file) writes the editor's text over it without asking
 * again: the user chose that, having been told, which is not silently.
 * The text is marked unsaved until then. */
static void
keep_mine (SpecWindow *self,
           const char *etag)
{
  spec_document_set_disk_etag (self->document, etag);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), TRUE);
  hide_banner (self);
}

static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DiskCheck        *check)
{
  SpecWindow *self = check->self;

  self->asking_about_disk = FALSE;

  /* A save that does not happen: neither does the close waiting for it. */
  if (g_strcmp0 (response, "save") != 0)
    self->close_confirmed = FALSE;

  /* Another file by now. */
  if (spec_document_get_file (self->document) == NULL ||
      !g_file_equal (check->file, spec_document_get_file (self->document)))
    return;

  if (g_strcmp0 (response, "reload") == 0)
    {
      hide_banner (self);
      start_reload (self, check->file, check->etag);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      keep_mine (self, check->etag);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
  else
    {
      /* Cancel decides nothing: the banner keeps the choice at hand. */
      show_banner (self, SPEC_DISK_BANNER_CHANGED, check->file, check->etag);
    }
}

/* Before a save the user waits for: asked there and then. */
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
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "reload", _("_Reload"),
                                    "save", _("_Save Anyway"),
                                    "cancel", _("_Cancel"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_DESTRUCTIVE);
  /* Escape changes nothing, neither file nor text. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
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
      /* Save writes it again. */
      if (check->then == SPEC_DISK_THEN_SAVE)
        {
          hide_banner (self);
          _spec_window_save_file (self);
          return;
        }
      /* An autosave does not bring back a file the user may have meant
       * to delete; what it knew of the file is kept, so that the file
       * back as it was needs no more word. */
      show_banner (self, SPEC_DISK_BANNER_GONE, check->file, NULL);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), TRUE);
      return;
    }

  if (g_strcmp0 (known, check->etag) == 0 || known == NULL)
    {
      if (known == NULL)
        spec_document_set_disk_etag (self->document, check->etag);
      /* As it was (or back as it was): nothing to tell any more. */
      hide_banner (self);
      if (check->then == SPEC_DISK_THEN_SAVE)
        _spec_window_save_file (self);
      else if (check->then == SPEC_DISK_THEN_AUTOSAVE)
        _spec_window_autosave_file (self);
      return;
    }

  /* Changed: a save waited for is asked about now; until that is
   * answered, no other check asks again.  Otherwise the banner tells
   * (again, with the file as it is now), and nothing is written. */
  if (check->then == SPEC_DISK_THEN_SAVE)
    {
      self->asking_about_disk = TRUE;
      ask_about_change (g_steal_pointer (&check));
      return;
    }
  show_banner (self, SPEC_DISK_BANNER_CHANGED, check->file, check->etag);
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

/* Another file, or none: what the banner said was about the last one. */
static void
file_changed_cb (SpecWindow *self)
{
  hide_banner (self);
}

static void
spec_window_action_disk_reload (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  GFile *file = spec_document_get_file (self->document);
  g_autofree char *etag = g_strdup (self->disk_conflict_etag);

  if (file == NULL || etag == NULL)
    return;

  hide_banner (self);
  start_reload (self, file, etag);
}

static void
spec_window_action_disk_keep (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  g_autofree char *etag = g_strdup (self->disk_conflict_etag);

  if (spec_document_get_file (self->document) == NULL || etag == NULL)
    return;

  keep_mine (self, etag);
}

void
_spec_window_class_disk_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (SPEC_TYPE_DISK_BANNER);

  gtk_widget_class_bind_template_child (widget_class, SpecWindow, disk_banner);
  /* The banner's answers. */
  gtk_widget_class_install_action (widget_class, "disk.reload", NULL, spec_window_action_disk_reload);
  gtk_widget_class_install_action (widget_class, "disk.keep", NULL, spec_window_action_disk_keep);
}

void
_spec_window_disk_init (SpecWindow *self)
{
  set_conflict_etag (self, NULL);
  g_signal_connect_object (self, "notify::is-active", G_CALLBACK (active_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
}
