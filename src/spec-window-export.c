/* spec-window-export.c: the window's Export as HTML/PDF, Print and Copy as HTML
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export renders the text as it is in the editor at that moment,
 * saved or not, parsed as the preview's.  HTML and PDF files are written on a
 * worker thread, with the export bar showing progress and offering
 * Cancel; a cancelled or failed export leaves no file (the writers use a
 * temporary renamed into place).  Printing goes through
 * GtkPrintOperation with the same page layout as the PDF.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-export.h"
#include "spec-export-bar.h"
#include "spec-export-html.h"
#include "spec-pdf-export.h"
#include "spec-print-layout.h"
#include "spec-status.h"
#include "spec-text-file.h"
#include "spec-window-private.h"

/* The bar appears only for an export that takes a moment. */
#define PROGRESS_INTERVAL_MS 100

typedef struct
{
  SpecWindow       *self;
  char             *text;        /* parsed again by the worker */
  gsize             len;
  GFile            *base_file;   /* nullable: images beside the document */
  GFile            *output;
  char             *title;       /* from the worker's parse */
  char             *status;
  SpecExportFormat  format;
  gint              permille;    /* progress, written by the worker */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->self);
  g_free (job->text);
  g_clear_object (&job->base_file);
  g_clear_object (&job->output);
  g_free (job->title);
  g_free (job->status);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
set_exporting (SpecWindow   *self,
               GCancellable *cancellable)
{
  gboolean exporting = cancellable != NULL;

  g_set_object (&self->export_cancellable, cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-html", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", exporting);

  if (!exporting)
    {
      g_clear_handle_id (&self->export_progress_source, g_source_remove);
      spec_export_bar_set_revealed (self->export_bar, FALSE);
    }
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(SpecSnapshot) snapshot = NULL;
  gboolean ok;

  /* Its own parse of the text: cmark-gfm fills some of a tree's fields
   * the first time they are read, so the preview's tree is read on the
   * main thread only. */
  snapshot = spec_snapshot_new_take (g_steal_pointer (&job->text), job->len);
  job->title = spec_export_dup_title (snapshot, job->base_file);

  if (job->format == SPEC_EXPORT_FORMAT_PDF)
    {
      ok = spec_pdf_export (snapshot, job->base_file, job->title, job->status,
                            job->output, cancellable, progress_cb, job, &error);
    }
  else
    {
      g_autofree char *html = spec_export_html (snapshot, job->base_file, job->title,
                                                SPEC_EXPORT_HTML_DEFAULT, cancellable, &error);

      progress_cb (0.5, job);
      /* Atomic, as a save: a failure leaves no partial file. */
      ok = html != NULL &&
           !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
           spec_text_file_save (job->output, html, strlen (html), cancellable, &error);
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  SpecWindow *self = job->self;

  spec_export_bar_set_revealed (self->export_bar, TRUE);
  spec_export_bar_set_fraction (self->export_bar, g_atomic_int_get (&job->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SpecWindow) self = g_object_ref (job->self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = spec_text_file_dup_display_name (job->output);

  if (self->export_cancellable == g_task_get_cancellable (G_TASK (result)))
    set_exporting (self, NULL);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      _spec_window_toast (self, message);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _spec_window_toast (self, _("Export cancelled"));
      return;
    }

  {
    g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

    _spec_window_show_error (self, heading, error);
  }
}

/**
 * _spec_window_export:
 * @format: HTML or PDF
 * @output: the file to write, replaced when it is there
 *
 * Exports the text as the editor has it now, on a worker thread.  Done,
 * a toast tells; failed, a dialog.  One export at a time: asked for
 * while one runs, nothing happens (the actions are disabled then).
 */
void
_spec_window_export (SpecWindow       *self,
                     SpecExportFormat  format,
                     GFile            *output)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GFile *base_file = spec_document_get_file (self->document);
  ExportJob *job;
  char *text;
  gsize len;

  g_return_if_fail (format == SPEC_EXPORT_FORMAT_HTML || format == SPEC_EXPORT_FORMAT_PDF);
  g_return_if_fail (G_IS_FILE (output));

  if (self->export_cancellable != NULL)
    return;

  /* The editor's text as it is this moment, even before its parse. */
  text = spec_document_dup_text (self->document);
  len = strlen (text);

  job = g_new0 (ExportJob, 1);
  job->self = g_object_ref (self);
  job->text = text;
  job->len = len;
  job->base_file = base_file != NULL ? g_object_ref (base_file) : NULL;
  job->output = g_object_ref (output);
  job->status = spec_status_parse (job->text, len);
  job->format = format;

  cancellable = g_cancellable_new ();
  set_exporting (self, cancellable);

  name = spec_text_file_dup_display_name (output);
  /* Translators: %s is the file being written */
  message = g_strdup_printf (_("Exporting “%s”…"), name);
  spec_export_bar_set_message (self->export_bar, message);
  spec_export_bar_set_fraction (self->export_bar, 0.0);

  task = g_task_new (NULL, cancellable, exported_cb, NULL);
  g_task_set_source_tag (task, _spec_window_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  self->export_progress_source = g_timeout_add_full (G_PRIORITY_DEFAULT, PROGRESS_INTERVAL_MS,
                                                     progress_tick_cb, g_object_ref (task),
                                                     g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

/* The snapshot of the editor's text as it is now: the document's own
 * when its parse has caught up, else a parse of its text here. */
static SpecSnapshot *
dup_current_snapshot (SpecWindow *self)
{
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  g_autofree char *text = spec_document_dup_text (self->document);
  gsize len = strlen (text);
  gsize parsed_len = 0;
  const char *parsed = spec_snapshot_get_text (snapshot, &parsed_len);

  if (parsed_len == len && memcmp (parsed, text, len) == 0)
    return g_object_ref (snapshot);

  return spec_snapshot_new_take (g_steal_pointer (&text), len);
}

/* Choosing where */

static void
chooser_response_cb (SpecWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  SpecExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    _spec_window_export (self, format, file);
}

static void
choose_output (SpecWindow       *self,
               SpecExportFormat  format)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GFile *file = spec_document_get_file (self->document);

  title = spec_export_dup_title (spec_document_get_snapshot (self->document), file);
  name = spec_export_file_name (title, format);

  if (format == SPEC_EXPORT_FORMAT_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Web Pages"));
      gtk_file_filter_add_mime_type (filter, "text/html");
    }

  chooser = gtk_file_chooser_native_new (format == SPEC_EXPORT_FORMAT_PDF ? _("Export as PDF")
                                                                          : _("Export as HTML"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_output (SPEC_WINDOW (widget), SPEC_EXPORT_FORMAT_HTML);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_output (SPEC_WINDOW (widget), SPEC_EXPORT_FORMAT_PDF);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SpecWindow *self = SPEC_WINDOW (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* Copy as HTML: the body as HTML for what takes it (mail, a wiki's
 * editor), and the same HTML as text for what does not. */

static void
copy_html_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  g_autoptr(SpecSnapshot) snapshot = dup_current_snapshot (self);
  GFile *file = spec_document_get_file (self->document);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = spec_export_dup_title (snapshot, file);
  g_autofree char *html = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  html = spec_export_html (snapshot, file, title, SPEC_EXPORT_HTML_FRAGMENT, NULL, &error);
  if (html == NULL)
    {
      _spec_window_show_error (self, _("Could Not Copy as HTML"), error);
      return;
    }

  bytes = g_bytes_new (html, strlen (html));
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, html);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);

  _spec_window_toast (self, _("Copied as HTML"));
}

/* Printing */

/* One Pango context for the whole operation: the pages are measured
 * with the fonts they are drawn with. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SpecPrintLayout   *layout)
{
  spec_print_layout_set_page_size (layout,
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
  g_object_set_data_full (G_OBJECT (operation), "pango-context",
                          gtk_print_context_create_pango_context (context), g_object_unref);
}

/* A bounded step each time, so that the print dialog's progress moves
 * and its Cancel answers. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             SpecPrintLayout   *layout)
{
  PangoContext *pango_context = g_object_get_data (G_OBJECT (operation), "pango-context");

  if (!spec_print_layout_paginate_step (layout, pango_context))
    return FALSE;

  gtk_print_operation_set_n_pages (operation, (int) spec_print_layout_get_n_pages (layout));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              SpecPrintLayout   *layout)
{
  spec_print_layout_draw_page (layout, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static GtkPrintOperation *
new_print_operation (SpecWindow *self)
{
  g_autoptr(SpecSnapshot) snapshot = dup_current_snapshot (self);
  GFile *file = spec_document_get_file (self->document);
  g_autofree char *title = spec_export_dup_title (snapshot, file);
  g_autofree char *status = NULL;
  GtkPrintOperation *operation = gtk_print_operation_new ();
  SpecPrintLayout *layout;
  const char *text;
  gsize len;

  text = spec_snapshot_get_text (snapshot, &len);
  status = spec_status_parse (text, len);
  layout = spec_print_layout_new (snapshot, file, title, status);

  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), layout);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), layout);
  g_object_set_data_full (G_OBJECT (operation), "layout", layout, g_object_unref);

  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SpecWindow              *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _spec_window_show_error (self, _("Could Not Print"), error);
      return;
    }

  /* The printer and options chosen are offered again next time. */
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = new_print_operation (self);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _spec_window_show_error (self, _("Could Not Print"), error);
}

/**
 * _spec_window_print_to_file:
 *
 * Prints to a PDF file through GtkPrintOperation's export, without a
 * dialog or a printer: the same pages the Print dialog sends.
 */
gboolean
_spec_window_print_to_file (SpecWindow  *self,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = new_print_operation (self);

  gtk_print_operation_set_export_filename (operation, path);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
_spec_window_export_dispose (SpecWindow *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->export_progress_source, g_source_remove);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->print_settings);
}

void
_spec_window_export_init (SpecWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", FALSE);
}

void
_spec_window_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, export_html_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-html", NULL, copy_html_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  gtk_widget_class_bind_template_child (widget_class, SpecWindow, export_bar);
}
