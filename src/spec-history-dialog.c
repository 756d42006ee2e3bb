/* spec-history-dialog.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-history-chart.h"
#include "spec-history-dialog.h"
#include "spec-line-diff.h"

/* Newest revision first, each with its time, why it was made and the
 * completeness then; the selected one's line diff against the current
 * text (what restoring it would take away, in red, and bring back, in
 * green); and Restore, which the opener carries out as a new revision,
 * so that nothing is overwritten.  Revision texts are read when
 * selected, not all at once. */

struct _SpecHistoryDialog
{
  AdwWindow         parent_instance;

  SpecLibrary      *library;
  gint64            spec_id;
  char             *current_text;
  GArray           *revisions;   /* SpecRevision, oldest first */

  /* Template widgets */
  AdwWindowTitle   *window_title;
  SpecHistoryChart *chart;
  GtkListBox       *list;
  GtkLabel         *diff_summary;
  GtkTextView      *diff_view;
};

G_DEFINE_FINAL_TYPE (SpecHistoryDialog, spec_history_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
reason_name (SpecRevisionReason reason)
{
  switch (reason)
    {
    case SPEC_REVISION_AUTOSAVE:
      return _("Autosaved");
    case SPEC_REVISION_SAVE:
      return _("Saved");
    case SPEC_REVISION_RESTORE:
      return _("Restored");
    case SPEC_REVISION_IMPORT:
      return _("Imported");
    default:
      return "";
    }
}

/* Rows go newest first; revisions are kept oldest first. */
static guint
revision_index (SpecHistoryDialog *self,
                GtkListBoxRow     *row)
{
  return self->revisions->len - 1 - (guint) gtk_list_box_row_get_index (row);
}

static void
show_diff (SpecHistoryDialog *self,
           const char        *body)
{
  g_autoptr(SpecLineDiff) diff = spec_line_diff_new (body, self->current_text);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autofree char *summary = NULL;
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < diff->lines->len; i++)
    {
      SpecDiffLine *line = g_ptr_array_index (diff->lines, i);
      g_autofree char *text = g_strdup_printf ("%s %s\n",
                                               line->op == SPEC_DIFF_ADDED ? "+" :
                                               line->op == SPEC_DIFF_REMOVED ? "−" : " ",
                                               line->text);

      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1,
                                                line->op == SPEC_DIFF_ADDED ? "added" :
                                                line->op == SPEC_DIFF_REMOVED ? "removed" : "same",
                                                NULL);
    }

  if (diff->n_added == 0 && diff->n_removed == 0)
    summary = g_strdup (_("This revision is the same as the current text."));
  else
    summary = g_strdup_printf (_("Since this revision: %u lines added (+), %u removed (−)."),
                               diff->n_added, diff->n_removed);
  gtk_label_set_text (self->diff_summary, summary);
}

static void
on_row_selected (SpecHistoryDialog *self,
                 GtkListBoxRow     *row)
{
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", row != NULL);
  if (row == NULL)
    return;

  index = revision_index (self, row);
  spec_history_chart_set_selected (self->chart, (int) index);
  if (!(body = spec_library_get_revision_body (self->library,
                                               g_array_index (self->revisions, SpecRevision, index).id, &error)))
    {
      gtk_label_set_text (self->diff_summary, error->message);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), "", 0);
      return;
    }

  show_diff (self, body);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpecHistoryDialog *self = SPEC_HISTORY_DIALOG (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revision_id;

  if (row == NULL)
    return;

  revision_id = g_array_index (self->revisions, SpecRevision, revision_index (self, row)).id;
  if (!(body = spec_library_get_revision_body (self->library, revision_id, &error)))
    {
      gtk_label_set_text (self->diff_summary, error->message);
      return;
    }

  g_signal_emit (self, signals [RESTORE], 0, revision_id, body);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
create_row (const SpecRevision *revision)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (revision->time / G_USEC_PER_SEC);
  /* Translators: a revision's date and time, as in strftime() */
  g_autofree char *title = g_date_time_format (time, _("%x · %H:%M"));
  /* Translators: why a revision was made, and the completeness then */
  g_autofree char *details = g_strdup_printf (_("%s · %d%% complete"), reason_name (revision->reason),
                                              revision->percent);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *details_label = gtk_label_new (details);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (details_label), 0);
  gtk_widget_add_css_class (details_label, "dim-label");
  gtk_widget_add_css_class (details_label, "caption");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), details_label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  return box;
}

static void
spec_history_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPEC_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (spec_history_dialog_parent_class)->dispose (object);
}

static void
spec_history_dialog_finalize (GObject *object)
{
  SpecHistoryDialog *self = (SpecHistoryDialog *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->current_text, g_free);
  g_clear_pointer (&self->revisions, g_array_unref);

  G_OBJECT_CLASS (spec_history_dialog_parent_class)->finalize (object);
}

static void
spec_history_dialog_class_init (SpecHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_history_dialog_dispose;
  object_class->finalize = spec_history_dialog_finalize;

  /**
   * SpecHistoryDialog::restore:
   * @revision_id: the revision chosen
   * @body: its text
   *
   * Restore was chosen: the opener makes @body the spec's text, as a
   * new revision.
   */
  signals [RESTORE] =
    g_signal_new ("restore",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  g_type_ensure (SPEC_TYPE_HISTORY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpecHistoryDialog, chart);
  gtk_widget_class_bind_template_child (widget_class, SpecHistoryDialog, list);
  gtk_widget_class_bind_template_child (widget_class, SpecHistoryDialog, diff_summary);
  gtk_widget_class_bind_template_child (widget_class, SpecHistoryDialog, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "history.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spec_history_dialog_init (SpecHistoryDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Tints that read in light and dark alike. */
  buffer = gtk_text_view_get_buffer (self->diff_view);
  gtk_text_buffer_create_tag (buffer, "added", "paragraph-background", "rgba(46,194,126,0.22)", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "paragraph-background", "rgba(224,27,36,0.2)", NULL);
  gtk_text_buffer_create_tag (buffer, "same", NULL);
}

/**
 * spec_history_dialog_new:
 * @current_text: (nullable): the text now, in the editor if the spec is
 *   open; %NULL for the library's
 *
 * Returns: (transfer floating): the dialog, or %NULL with @error set
 */
SpecHistoryDialog *
spec_history_dialog_new (SpecLibrary  *library,
                         gint64        spec_id,
                         const char   *current_text,
                         GError      **error)
{
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autoptr(GArray) revisions = NULL;
  SpecHistoryDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SPEC_IS_LIBRARY (library), NULL);

  if (!(entry = spec_library_get (library, spec_id, error)) ||
      !(revisions = spec_library_list_revisions (library, spec_id, error)))
    return NULL;

  self = g_object_new (SPEC_TYPE_HISTORY_DIALOG, NULL);
  self->library = g_object_ref (library);
  self->spec_id = spec_id;
  self->current_text = g_strdup (current_text != NULL ? current_text : entry->body);
  self->revisions = g_steal_pointer (&revisions);

  /* Translators: the history dialog's title, with the spec's */
  title = g_strdup_printf (_("History of “%s”"), entry->title);
  adw_window_title_set_title (self->window_title, title);
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u revision", "%u revisions", self->revisions->len),
                                              self->revisions->len);

    adw_window_title_set_subtitle (self->window_title, count);
  }
  spec_history_chart_set_revisions (self->chart, self->revisions);

  for (guint i = self->revisions->len; i > 0; i--)
    gtk_list_box_append (self->list, create_row (&g_array_index (self->revisions, SpecRevision, i - 1)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);

  /* The one before the newest is the interesting one: the newest is
   * (nearly always) the text itself. */
  if (self->revisions->len > 0)
    spec_history_dialog_select (self, self->revisions->len > 1 ? 1 : 0);

  return self;
}

guint
spec_history_dialog_get_n_revisions (SpecHistoryDialog *self)
{
  g_return_val_if_fail (SPEC_IS_HISTORY_DIALOG (self), 0);

  return self->revisions->len;
}

/**
 * spec_history_dialog_select:
 * @index: a row, 0 being the newest revision
 */
void
spec_history_dialog_select (SpecHistoryDialog *self,
                            guint              index)
{
  g_return_if_fail (SPEC_IS_HISTORY_DIALOG (self));

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) index));
}

char *
spec_history_dialog_dup_diff_text (SpecHistoryDialog *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SPEC_IS_HISTORY_DIALOG (self), NULL);

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->diff_view), &start, &end);

  return gtk_text_iter_get_text (&start, &end);
}
