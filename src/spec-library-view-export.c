/* spec-library-view-export.c: a spec written out as a Markdown file
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-export.h"
#include "spec-library-item.h"
#include "spec-library-view-private.h"
#include "spec-text-file.h"

/* A copy: the spec stays in the library as it is (to keep a file as
 * the source of truth, a spec is opened and saved as a file instead).
 * Written atomically on a worker thread; a failure is told in a toast
 * and nothing is half-written. */

typedef struct
{
  SpecLibraryView *self;
  GFile           *file;
  char            *body;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->file);
  g_free (export->body);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (spec_text_file_save (export->file, export->body, strlen (export->body), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = spec_text_file_dup_display_name (export->file);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  else
    message = g_strdup_printf (_("Exported to “%s”"), name);

  _spec_library_view_show_toast (export->self, adw_toast_new (message));
}

/**
 * spec_library_view_export:
 *
 * Writes spec @id's text to @file, as "Export…" does once a place is
 * chosen.
 */
void
spec_library_view_export (SpecLibraryView *self,
                          gint64           id,
                          GFile           *file)
{
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!(entry = spec_library_get (self->library, id, &error)))
    {
      _spec_library_view_show_toast (self, adw_toast_new (error->message));
      return;
    }

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  export->body = g_steal_pointer (&entry->body);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SpecLibraryView *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "spec-id"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    spec_library_view_export (self, id, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  SpecLibraryItem *item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (item == NULL)
    return;

  name = spec_export_file_name (spec_library_item_get_title (item), SPEC_EXPORT_FORMAT_MARKDOWN);
  chooser = gtk_file_chooser_native_new (_("Export as Markdown"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "spec-id", GSIZE_TO_POINTER ((gsize) spec_library_item_get_id (item)));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_spec_library_view_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "library.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "library.export", NULL);
}
