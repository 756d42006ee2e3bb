/* spec-window-template.c: the document and templates: a new spec from
 * one, the template it is checked against (remembered in the library,
 * suggested for a file), Insert Missing Sections, Check Against
 * Template…, Save as Template…, Import Template…
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-application.h"
#include "spec-file-filters.h"
#include "spec-name-dialog.h"
#include "spec-outline-edit.h"
#include "spec-template-check-dialog.h"
#include "spec-template-suggest.h"
#include "spec-text-file.h"
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
      _spec_window_toast (self, _("Still reading your last edit: try again"));
      return;
    }

  n = spec_snapshot_get_report (snapshot)->missing->len;
  edits = spec_outline_edit_insert_missing (snapshot, NULL, template_snapshot);
  g_object_unref (template_snapshot);
  if (edits->len == 0 || !spec_document_apply_edits (self->document, snapshot, edits))
    return;

  message = g_strdup_printf (ngettext ("%u section added from the template", "%u sections added from the template",
                                       n), n);
  _spec_window_add_toast (self, adw_toast_new (message));
}

/* The application's templates, or (a window on its own, as in tests)
 * the default places. */
static SpecTemplateStore *
dup_store (SpecWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (SPEC_IS_APPLICATION (app))
    return g_object_ref (spec_application_get_templates (SPEC_APPLICATION (app)));

  return spec_template_store_new (NULL, NULL);
}

static char *
versioned_id (SpecTemplate *template_)
{
  return g_strdup_printf ("%s@%u", spec_template_get_id (template_), spec_template_get_version (template_));
}

typedef struct
{
  gint64  id;
  char   *template_id;
} TemplateChange;

static void
template_change_free (gpointer data)
{
  TemplateChange *change = data;

  g_free (change->template_id);
  g_free (change);
}

static gint64
set_template_job (SpecLibrary  *library,
                  gpointer      data,
                  GError      **error)
{
  TemplateChange *change = data;

  return spec_library_set_template (library, change->id, change->template_id, error) ? 1 : 0;
}

static void
set_template_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpecWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    _spec_window_show_error (self, _("Could Not Remember the Template"), error);
}

/**
 * _spec_window_set_template:
 * @template_: (nullable): what the document is checked against, or
 *   %NULL for nothing
 * @remember: store it with the library's spec, when there is one
 *
 * The report checks the document against @template_ (the sections it
 * lacks, the template's tokens in code), a spec made now is stored with
 * it, and Check Against Template… shows it first.
 */
void
_spec_window_set_template (SpecWindow   *self,
                           SpecTemplate *template_,
                           gboolean      remember)
{
  g_autofree char *template_id = template_ != NULL ? versioned_id (template_) : NULL;
  gint64 library_id = spec_document_get_library_id (self->document);

  g_free (self->template_id);
  self->template_id = template_ != NULL ? g_strdup (spec_template_get_id (template_)) : NULL;
  spec_document_set_template (self->document, template_ != NULL ? spec_template_get_snapshot (template_) : NULL);

  if (self->autosave != NULL)
    spec_autosave_set_template_id (self->autosave, template_id);
  if (remember && self->writer != NULL && library_id != 0 && template_id != NULL)
    {
      TemplateChange *change = g_new0 (TemplateChange, 1);

      change->id = library_id;
      change->template_id = g_strdup (template_id);
      spec_library_writer_run_async (self->writer, set_template_job, change, template_change_free,
                                     NULL, set_template_cb, g_object_ref (self));
    }
}

/**
 * _spec_window_load_template:
 * @template_id: "id@version", as the library has it
 *
 * A spec made from a template is checked against it again when opened:
 * any version of it (a newer one checks the sections it has now).
 */
void
_spec_window_load_template (SpecWindow *self,
                            const char *template_id)
{
  g_autoptr(SpecTemplateStore) store = dup_store (self);
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  g_autofree char *id = g_strdup (template_id);
  SpecTemplate *template_;
  char *at = strchr (id, '@');

  if (at != NULL)
    *at = '\0';
  if ((template_ = spec_templates_find (templates, id)) != NULL)
    _spec_window_set_template (self, template_, FALSE);
}

/* A file just read: the template its library spec remembers, else the
 * one its headings follow, offered in a toast.  Waits for the file to be
 * linked to its library spec, and for its text to be parsed. */
static void
suggest_template_now (SpecWindow *self)
{
  gint64 library_id = spec_document_get_library_id (self->document);
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  g_autoptr(SpecTemplateStore) store = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *message = NULL;
  SpecTemplate *suggested;
  AdwToast *toast;

  if (!self->suggest_pending || (self->library != NULL && library_id == 0) ||
      snapshot == NULL || !spec_document_is_current (self->document))
    return;
  self->suggest_pending = FALSE;

  if (self->library != NULL)
    {
      g_autoptr(SpecLibraryEntry) entry = spec_library_get (self->library, library_id, NULL);

      if (entry != NULL && entry->template_id != NULL)
        {
          _spec_window_load_template (self, entry->template_id);
          return;
        }
    }

  store = dup_store (self);
  templates = spec_template_store_load (store, NULL);
  if (!(suggested = spec_template_suggest (templates, snapshot, NULL)))
    return;

  self->suggested_id = g_strdup (spec_template_get_id (suggested));
  /* Translators: the name of a template */
  message = g_strdup_printf (_("This spec follows the template “%s”"), spec_template_get_name (suggested));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Check…"));
  adw_toast_set_action_name (toast, "win.check-template");
  g_set_weak_pointer (&self->suggestion_toast, toast);
  _spec_window_add_toast (self, toast);
}

static gboolean
suggest_cb (gpointer data)
{
  SpecWindow *self = data;

  self->suggest_source = 0;
  suggest_template_now (self);

  return G_SOURCE_REMOVE;
}

/* Reading and parsing the templates takes 20 to 30 ms: done once the
 * window's frames are drawn, not before a file just opened is shown. */
static void
suggest_template (SpecWindow *self)
{
  if (self->suggest_pending && self->suggest_source == 0)
    {
      self->suggest_source = g_idle_add_full (G_PRIORITY_LOW, suggest_cb, self, NULL);
      g_source_set_name_by_id (self->suggest_source, "[specwright] template suggestion");
    }
}

/**
 * _spec_window_template_file_read:
 *
 * A file was opened into the window: it has no template until its
 * library spec says so, or the user chooses one.
 */
void
_spec_window_template_file_read (SpecWindow *self)
{
  _spec_window_set_template (self, NULL, FALSE);
  g_clear_pointer (&self->suggested_id, g_free);
  self->suggest_pending = TRUE;
  suggest_template (self);
}

/* Check Against Template…: any template's coverage of the document. */

static void
use_template_cb (SpecWindow   *self,
                 SpecTemplate *template_)
{
  g_autofree char *message = NULL;

  _spec_window_set_template (self, template_, TRUE);
  message = g_strdup_printf (_("Now checked against “%s”"), spec_template_get_name (template_));
  _spec_window_toast (self, message);
}

static void
check_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  g_autoptr(SpecTemplateStore) store = dup_store (self);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, &problems);
  SpecTemplateCheckDialog *dialog;
  SpecTemplate *selected;

  if (templates->len == 0)
    {
      _spec_window_toast (self, _("There are no templates to check against"));
      return;
    }

  /* Its own template, else the one its headings follow, else the first. */
  selected = spec_templates_find (templates, self->template_id);
  if (selected == NULL)
    selected = spec_templates_find (templates, self->suggested_id);
  if (selected == NULL && snapshot != NULL && (selected = spec_template_suggest (templates, snapshot, NULL)))
    {
      g_free (self->suggested_id);
      self->suggested_id = g_strdup (spec_template_get_id (selected));
    }

  dialog = spec_template_check_dialog_new (self->document, templates, selected, self->template_id,
                                           self->suggested_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "use-template", G_CALLBACK (use_template_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save as Template…: the document's text, under a name the user gives. */

static void
save_template_response_cb (GtkWidget  *dialog,
                           const char *response,
                           SpecWindow *self)
{
  g_autoptr(SpecTemplateStore) store = NULL;
  g_autoptr(SpecTemplate) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  store = dup_store (self);
  text = spec_document_dup_text (self->document);
  if (!(saved = spec_template_store_save (store, spec_name_dialog_get_name (dialog), text, &error)))
    {
      _spec_window_show_error (self, _("Could Not Save the Template"), error);
      return;
    }

  message = g_strdup_printf (_("Saved as the template “%s”"), spec_template_get_name (saved));
  _spec_window_toast (self, message);
}

static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SpecWindow *self = SPEC_WINDOW (widget);
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  GPtrArray *sections = snapshot != NULL ? spec_snapshot_get_sections (snapshot) : NULL;
  GtkWidget *dialog;

  /* Its first heading, as a start. */
  dialog = spec_name_dialog_new (GTK_WINDOW (self), _("Save as Template"), _("New specs can then start from this one."),
                                 sections != NULL && sections->len > 0
                                   ? ((SpecSection *) g_ptr_array_index (sections, 0))->title : NULL,
                                 "save", _("_Save"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_template_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import Template…: any Markdown file, checked as a template. */

/**
 * spec_window_import_template:
 *
 * Makes @file one of the user's templates; one that cannot be is told
 * in a dialog naming it.
 */
void
spec_window_import_template (SpecWindow *self,
                             GFile      *file)
{
  g_autoptr(SpecTemplateStore) store = dup_store (self);
  g_autoptr(SpecTemplate) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (SPEC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!(imported = spec_template_store_import (store, file, &error)))
    {
      _spec_window_show_error (self, _("Could Not Import the Template"), error);
      return;
    }

  message = g_strdup_printf (_("Imported the template “%s”"), spec_template_get_name (imported));
  _spec_window_toast (self, message);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SpecWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    spec_window_import_template (self, file);
}

static void
import_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) markdown = spec_markdown_file_filter_new ();
  g_autoptr(GtkFileFilter) all = spec_all_files_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Template"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Templates come as any text file too (the seeds are .txt). */
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
  g_signal_connect_object (self->document, "notify::snapshot", G_CALLBACK (suggest_template),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::library-id", G_CALLBACK (suggest_template),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_spec_window_class_template_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.insert-missing", NULL, insert_missing_action);
  gtk_widget_class_install_action (widget_class, "win.check-template", NULL, check_template_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-template", NULL, save_as_template_action);
  gtk_widget_class_install_action (widget_class, "win.import-template", NULL, import_template_action);
}

/**
 * spec_window_start_spec:
 * @template_: the template it was made from
 * @text: its first text, from spec_template_instantiate()
 *
 * Starts a new spec in this (blank) window: the text is in, to be
 * autosaved into the library within a second, remembering its template,
 * and its report checks it against the template.
 */
void
spec_window_start_spec (SpecWindow   *self,
                        SpecTemplate *template_,
                        const char   *text)
{
  gboolean blank;

  g_return_if_fail (SPEC_IS_WINDOW (self));
  g_return_if_fail (SPEC_IS_TEMPLATE (template_));
  g_return_if_fail (text != NULL);

  blank = g_str_equal (spec_template_get_id (template_), "blank");
  _spec_window_set_template (self, blank ? NULL : template_, FALSE);

  _spec_window_replace_text (self, text);
  /* Where there is something to fill: the first slot (once the new text
   * is parsed, if the parse runs on a worker thread). */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.next-unfilled", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}
