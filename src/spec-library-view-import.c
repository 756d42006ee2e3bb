/* spec-library-view-import.c: bringing files and folders into the
 * library from the library view (files dropped on the window come here
 * too): choosers, a progress bar that can cancel, and a summary of what
 * was skipped and why
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-file-filters.h"
#include "spec-library-folders.h"
#include "spec-library-import.h"
#include "spec-library-view-private.h"

/* Files skipped listed in the summary at most; the count says the rest. */
#define SUMMARY_SKIPS 20

typedef enum
{
  IMPORT_COPY,
  IMPORT_LINK,
  IMPORT_ADD_FOLDER,
} ImportKind;

typedef struct
{
  ImportKind         kind;
  GPtrArray         *files;       /* GFile */
  GCancellable      *cancellable;
  SpecLibraryView   *self;
  guint              n_done;      /* written by the writer's thread */
  guint              ticker;
  SpecImportSummary *summary;     /* out */
  SpecRescanSummary *rescan;      /* out, for a folder added */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->ticker, g_source_remove);
  g_ptr_array_unref (job->files);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->self);
  spec_import_summary_free (job->summary);
  spec_rescan_summary_free (job->rescan);
  g_free (job);
}

/* On the writer's thread. */
static void
import_progress (guint    n_done,
                 gpointer data)
{
  ImportJob *job = data;

  g_atomic_int_set (&job->n_done, n_done);
}

/* On the writer's thread. */
static gint64
run_import (SpecLibrary  *library,
            gpointer      data,
            GError      **error)
{
  ImportJob *job = data;

  if (job->kind == IMPORT_ADD_FOLDER)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (job->files, 0));

      if (!spec_library_add_folder (library, uri, error))
        return 0;
      job->rescan = spec_library_rescan_folder (library, uri, job->cancellable, error);

      return job->rescan != NULL ? 1 : 0;
    }

  job->summary = spec_library_import_files (library, (GFile **) job->files->pdata, job->files->len,
                                            job->kind == IMPORT_LINK, import_progress, job,
                                            job->cancellable, error);

  return job->summary != NULL ? 1 : 0;
}

static gboolean
import_tick (gpointer data)
{
  ImportJob *job = data;
  guint n = g_atomic_int_get (&job->n_done);
  g_autofree char *label = NULL;

  if (job->self->import_label == NULL)   /* the view is gone */
    return G_SOURCE_CONTINUE;

  label = n == 0 ? g_strdup (_("Importing…"))
                 : g_strdup_printf (ngettext ("Importing… %u file", "Importing… %u files", n), n);
  gtk_label_set_text (job->self->import_label, label);
  gtk_progress_bar_pulse (job->self->import_progress);

  return G_SOURCE_CONTINUE;
}

static void
show_summary (SpecLibraryView   *self,
              SpecImportSummary *summary)
{
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  heading = g_strdup_printf (ngettext ("%u Spec Imported", "%u Specs Imported", summary->n_imported),
                             summary->n_imported);

  if (summary->skipped->len == 0)
    {
      _spec_library_view_show_toast (self, adw_toast_new (heading));
      return;
    }

  g_string_append_printf (body, ngettext ("%u file was skipped:", "%u files were skipped:", summary->skipped->len),
                          summary->skipped->len);
  for (guint i = 0; i < MIN (summary->skipped->len, SUMMARY_SKIPS); i++)
    {
      SpecImportSkip *skip = g_ptr_array_index (summary->skipped, i);

      g_string_append_printf (body, "\n• %s: %s", skip->path, skip->reason);
    }
  if (summary->skipped->len > SUMMARY_SKIPS)
    g_string_append_printf (body, ngettext ("\nand %u more", "\nand %u more", summary->skipped->len - SUMMARY_SKIPS),
                            summary->skipped->len - SUMMARY_SKIPS);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportJob *job = user_data;
  SpecLibraryView *self = job->self;
  g_autoptr(GError) error = NULL;

  spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error);
  if (self->import_bar == NULL)   /* the view is gone */
    {
      import_job_free (job);
      return;
    }
  gtk_revealer_set_reveal_child (self->import_bar, FALSE);
  g_clear_object (&self->import_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.cancel-import", FALSE);
  spec_library_view_reload (self);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _spec_library_view_show_toast (self, adw_toast_new (_("Import cancelled; what came in before stays")));
      else
        _spec_library_view_show_toast (self, adw_toast_new (error->message));
    }
  else if (job->rescan != NULL)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Folder added: %u spec", "Folder added: %u specs",
                                                            job->rescan->n_added + job->rescan->n_moved),
                                                  job->rescan->n_added + job->rescan->n_moved);

      _spec_library_view_show_toast (self, adw_toast_new (message));
    }
  else if (job->summary != NULL)
    {
      show_summary (self, job->summary);
    }

  import_job_free (job);
}

static void
start_import (SpecLibraryView *self,
              GPtrArray       *files,
              ImportKind       kind)
{
  ImportJob *job;

  if (self->writer == NULL || files->len == 0)
    return;

  if (self->import_cancellable != NULL)
    {
      _spec_library_view_show_toast (self, adw_toast_new (_("An import is running already")));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->kind = kind;
  job->files = g_ptr_array_ref (files);
  job->cancellable = g_cancellable_new ();
  job->self = g_object_ref (self);
  self->import_cancellable = g_object_ref (job->cancellable);

  gtk_label_set_text (self->import_label, _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_bar, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.cancel-import", TRUE);
  job->ticker = g_timeout_add (100, import_tick, job);

  spec_library_writer_run_async (self->writer, run_import, job, NULL, NULL, import_done_cb, job);
}

/**
 * spec_library_view_import:
 * @files: (element-type GFile): Markdown files and folders
 * @link: keep the files where they are, linked, rather than copy them
 *
 * Brings @files into the library, with a progress bar that can cancel
 * and a summary after.
 */
void
spec_library_view_import (SpecLibraryView *self,
                          GPtrArray       *files,
                          gboolean         link)
{
  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));

  start_import (self, files, link ? IMPORT_LINK : IMPORT_COPY);
}

/**
 * spec_library_view_add_folder:
 *
 * Links @folder as a whole: its Markdown files appear in the library,
 * and it is rescanned from then on.
 */
void
spec_library_view_add_folder (SpecLibraryView *self,
                              GFile           *folder)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));

  g_ptr_array_add (files, g_object_ref (folder));
  start_import (self, files, IMPORT_ADD_FOLDER);
}

/* Choosers */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SpecLibraryView *self)
{
  ImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "import-kind"));
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (files->len > 0)
    start_import (self, files, kind);
}

static void
choose (SpecLibraryView      *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        ImportKind            kind)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), action == GTK_FILE_CHOOSER_ACTION_OPEN);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) markdown = spec_markdown_file_filter_new ();

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
    }
  g_object_set_data (G_OBJECT (chooser), "import-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  choose (SPEC_LIBRARY_VIEW (widget), _("Import Markdown Files"), GTK_FILE_CHOOSER_ACTION_OPEN,
          _("_Import"), IMPORT_COPY);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  choose (SPEC_LIBRARY_VIEW (widget), _("Import a Folder of Markdown Files"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Import"), IMPORT_COPY);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose (SPEC_LIBRARY_VIEW (widget), _("Add a Folder to the Library"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Add"), IMPORT_ADD_FOLDER);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

void
_spec_library_view_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "library.import-files", NULL, import_files_action);
  gtk_widget_class_install_action (widget_class, "library.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "library.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "library.cancel-import", NULL, cancel_import_action);
}

void
_spec_library_view_import_init (SpecLibraryView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.cancel-import", FALSE);
}

void
_spec_library_view_import_dispose (SpecLibraryView *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
}
