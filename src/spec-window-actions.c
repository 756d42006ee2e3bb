/* spec-window-actions.c: open, save, save as, and closing without loss
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-file-filters.h"
#include "spec-text-file.h"
#include "spec-trace.h"
#include "spec-window-private.h"

/**
 * _spec_window_show_error:
 *
 * An error the user must read before going on: names the file in the
 * heading and gives the reason in the body.
 */
void
_spec_window_show_error (SpecWindow   *self,
                         const char   *heading,
                         const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SpecDocument *document = SPEC_DOCUMENT (object);
  g_autoptr(SpecWindow) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->loading_file);
  g_autoptr(GError) error = NULL;

  if (!spec_document_load_finish (document, result, &error))
    {
      g_autofree char *name = spec_text_file_dup_display_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      /* Text recovered for that file is not for the next one. */
      g_clear_pointer (&self->recovered_text, g_free);
      _spec_window_show_error (self, heading, error);
      return;
    }

  SPEC_TRACE ("file-read", NULL);
  _spec_window_library_file_read (self);
  _spec_window_template_file_read (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

/**
 * spec_window_open:
 *
 * Loads @file into this window.  A file that cannot be opened (missing, a
 * folder, too large, binary, not UTF-8) is reported in a dialog and the
 * window's document stays as it was.
 */
void
spec_window_open (SpecWindow *self,
                  GFile      *file)
{
  g_return_if_fail (SPEC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_return_if_fail (self->loading_file == NULL);

  self->loading_file = g_object_ref (file);
  SPEC_TRACE ("file-open", NULL);
  spec_document_load_async (self->document, file, NULL, load_cb, g_object_ref (self));
}

static GtkFileChooserNative *
create_chooser (SpecWindow           *self,
                const char           *title,
                GtkFileChooserAction  action,
                const char           *accept_label)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) markdown = spec_markdown_file_filter_new ();
  g_autoptr(GtkFileFilter) all = spec_all_files_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  /* Keep it alive until it answers. */
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_set_object (&self->chooser, chooser);

  return chooser;
}

static void
open_response_cb (SpecWindow           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  GApplication *app;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  /* The application decides where it opens: the window that already has
   * it, this one if it is blank, or a new one. */
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    g_application_open (app, &file, 1, "");
  else
    spec_window_open (self, file);
}

static void
spec_window_action_open (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = create_chooser (self, _("Open Document"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saving */

static void save_as (SpecWindow *self);

static void
save_error_response_cb (SpecWindow       *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_as (self);
  else
    self->close_confirmed = FALSE;
}

typedef struct
{
  SpecWindow *self;
  GFile      *file;   /* where the text goes, to name it in an error */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SpecDocument *document = SPEC_DOCUMENT (object);
  g_autoptr(SaveRequest) request = user_data;
  SpecWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  if (!spec_document_save_finish (document, result, &error) &&
      g_error_matches (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_CHANGED))
    {
      /* Another program wrote the file after it was looked at: asked
       * about, as it would have been. */
      _spec_window_check_disk (self, SPEC_DISK_THEN_SAVE);
      return;
    }

  if (error != NULL)
    {
      g_autofree char *name = spec_text_file_dup_display_name (request->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      GtkWidget *dialog;

      /* The text stays in the editor; offer another place for it. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  _spec_window_library_file_written (self);

  /* Saved as part of closing: the window may go now. */
  if (self->close_confirmed)
    gtk_window_close (GTK_WINDOW (self));
}

static void
save_to (SpecWindow *self,
         GFile      *file)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->file = g_object_ref (file ? file : spec_document_get_file (self->document));
  spec_document_save_async (self->document, file, NULL, save_cb, request);
}

static void
save_as_response_cb (SpecWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      self->close_confirmed = FALSE;  /* closing was cancelled with it */
      return;
    }

  save_to (self, file);
}

static void
save_as (SpecWindow *self)
{
  GtkFileChooserNative *chooser;
  GFile *file = spec_document_get_file (self->document);

  chooser = create_chooser (self, _("Save As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = spec_text_file_dup_display_name (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      /* Translators: the file name suggested for a new document */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.md"));
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save (SpecWindow *self)
{
  if (_spec_window_library_save (self))
    {
      /* In the library already: closing may go on. */
      if (self->close_confirmed)
        gtk_window_close (GTK_WINDOW (self));
    }
  else if (spec_document_get_file (self->document) == NULL)
    save_as (self);
  else
    _spec_window_check_disk (self, SPEC_DISK_THEN_SAVE);   /* then saves, unless changed */
}

/* Save to the document's own file, now. */
void
_spec_window_save_file (SpecWindow *self)
{
  save_to (self, NULL);
}

static void
spec_window_action_save (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  save (SPEC_WINDOW (widget));
}

static void
spec_window_action_save_as (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  save_as (SPEC_WINDOW (widget));
}

static void
spec_window_action_close (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Closing */

static void
confirm_close_response_cb (SpecWindow       *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* Closes from save_cb() once the text is safely on disk. */
      self->close_confirmed = TRUE;
      save (self);
    }
}

/**
 * _spec_window_confirm_close:
 *
 * Asks what to do with unsaved changes: Save, Discard or Cancel.
 *
 * Returns: %TRUE, to stop the close until the user has answered
 */
gboolean
_spec_window_confirm_close (SpecWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "will be permanently lost."),
                                  spec_document_get_title (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_close_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Keyboard Shortcuts (Ctrl+?), built when first asked for rather than
 * with every window as GtkApplication does with gtk/help-overlay.ui: its
 * hundred-odd widgets are a tenth of the window's start-up. */
static void
spec_window_action_show_shortcuts (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/spec-shortcuts-window.ui");
      GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

      gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (shortcuts, TRUE);
      gtk_window_set_hide_on_close (shortcuts, TRUE);
      g_set_weak_pointer (&self->shortcuts_window, shortcuts);
    }

  gtk_window_present (self->shortcuts_window);
}

void
_spec_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, spec_window_action_open);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, spec_window_action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, spec_window_action_save_as);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, spec_window_action_close);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, spec_window_action_show_shortcuts);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
}
