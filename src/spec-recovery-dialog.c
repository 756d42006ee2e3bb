/* spec-recovery-dialog.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-line-diff.h"
#include "spec-recovery-dialog.h"

/* One row a document: its title, where it lives, when it was autosaved
 * and how much differs from its last save; opened, the changed lines
 * themselves, so that the choice is made looking at the text.  Each row
 * is recovered or discarded on its own; closing the dialog decides
 * nothing, and the same documents are offered at the next start. */

/* Lines of the changes shown in a row: enough to recognise the work. */
#define EXCERPT_LINES 40

struct _SpecRecoveryDialog
{
  AdwWindow   parent_instance;

  GPtrArray  *recoverables;   /* SpecRecoverable, one per row */
  guint       n_items;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (SpecRecoveryDialog, spec_recovery_dialog, ADW_TYPE_WINDOW)

enum {
  RECOVER,
  DISCARD,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The changed lines with one line around them, "…" between places. */
static char *
changes_excerpt (SpecLineDiff *diff)
{
  GString *text = g_string_new (NULL);
  guint shown = 0;
  int last = -2;

  for (guint i = 0; i < diff->lines->len && shown < EXCERPT_LINES; i++)
    {
      SpecDiffLine *line = g_ptr_array_index (diff->lines, i);
      gboolean near = FALSE;

      for (int j = MAX (0, (int) i - 1); j <= (int) i + 1 && j < (int) diff->lines->len; j++)
        near |= ((SpecDiffLine *) g_ptr_array_index (diff->lines, j))->op != SPEC_DIFF_SAME;
      if (!near)
        continue;

      if (last >= 0 && (int) i != last + 1)
        g_string_append (text, "…\n");
      g_string_append_printf (text, "%s %s\n",
                              line->op == SPEC_DIFF_ADDED ? "+" : line->op == SPEC_DIFF_REMOVED ? "−" : " ",
                              line->text);
      last = (int) i;
      shown++;
    }
  if (shown == EXCERPT_LINES)
    g_string_append (text, "…\n");
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

static char *
describe (SpecRecoverable *recoverable,
          SpecLineDiff    *diff)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (recoverable->time / G_USEC_PER_SEC);
  g_autofree char *time = g_date_time_format (when, "%x %X");
  g_autofree char *place = NULL;

  if (recoverable->file_uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recoverable->file_uri);

      place = g_file_get_parse_name (file);
    }
  else
    {
      place = g_strdup (_("In the library"));
    }

  if (recoverable->saved_body == NULL)
    /* Translators: where the document is · when it was autosaved */
    return g_strdup_printf (_("%s · autosaved %s · never saved"), place, time);

  {
    /* Translators: a number of lines added, then of lines removed */
    g_autofree char *added = g_strdup_printf (ngettext ("%u line added", "%u lines added", diff->n_added),
                                              diff->n_added);
    g_autofree char *removed = g_strdup_printf (ngettext ("%u removed", "%u removed", diff->n_removed),
                                                diff->n_removed);

    /* Translators: where · when · lines added, lines removed */
    return g_strdup_printf (_("%s · autosaved %s · %s, %s since the last save"), place, time, added, removed);
  }
}

static void
remove_row (SpecRecoveryDialog *self,
            GtkWidget          *row)
{
  gtk_list_box_remove (self->list, row);
  if (--self->n_items == 0)
    gtk_window_close (GTK_WINDOW (self));
}

static void
row_answered (GtkButton *button,
              guint      signal)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  SpecRecoveryDialog *self = SPEC_RECOVERY_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));
  SpecRecoverable *recoverable = g_object_get_data (G_OBJECT (row), "recoverable");

  g_signal_emit (self, signals [signal], 0, recoverable);
  remove_row (self, row);
}

static void
recover_clicked_cb (GtkButton *button)
{
  row_answered (button, RECOVER);
}

static void
discard_clicked_cb (GtkButton *button)
{
  row_answered (button, DISCARD);
}

static GtkWidget *
create_row (SpecRecoverable *recoverable)
{
  g_autoptr(SpecLineDiff) diff = spec_line_diff_new (recoverable->saved_body ? recoverable->saved_body : "",
                                                     recoverable->body);
  g_autofree char *subtitle = describe (recoverable, diff);
  g_autofree char *excerpt = changes_excerpt (diff);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *recover = gtk_button_new_with_mnemonic (_("_Recover"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));
  GtkWidget *changes = gtk_label_new (excerpt);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recoverable->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "recoverable", recoverable);

  gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (recover, "suggested-action");
  gtk_widget_add_css_class (discard, "flat");
  g_signal_connect (recover, "clicked", G_CALLBACK (recover_clicked_cb), NULL);
  g_signal_connect (discard, "clicked", G_CALLBACK (discard_clicked_cb), NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), discard);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), recover);

  gtk_label_set_xalign (GTK_LABEL (changes), 0);
  gtk_label_set_wrap (GTK_LABEL (changes), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (changes), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (changes), TRUE);
  gtk_widget_add_css_class (changes, "monospace");
  gtk_widget_set_margin_start (changes, 12);
  gtk_widget_set_margin_end (changes, 12);
  gtk_widget_set_margin_top (changes, 12);
  gtk_widget_set_margin_bottom (changes, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (changes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes since the last save"), -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), changes);

  return row;
}

static void
recover_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  spec_recovery_dialog_recover_all (SPEC_RECOVERY_DIALOG (widget));
}

static void
spec_recovery_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPEC_TYPE_RECOVERY_DIALOG);

  G_OBJECT_CLASS (spec_recovery_dialog_parent_class)->dispose (object);
}

static void
spec_recovery_dialog_finalize (GObject *object)
{
  SpecRecoveryDialog *self = (SpecRecoveryDialog *)object;

  g_clear_pointer (&self->recoverables, g_ptr_array_unref);

  G_OBJECT_CLASS (spec_recovery_dialog_parent_class)->finalize (object);
}

static void
spec_recovery_dialog_class_init (SpecRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_recovery_dialog_dispose;
  object_class->finalize = spec_recovery_dialog_finalize;

  /**
   * SpecRecoveryDialog::recover:
   * @recoverable: (type gpointer): the document, a #SpecRecoverable
   *   valid during the emission
   */
  signals [RECOVER] =
    g_signal_new ("recover",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * SpecRecoveryDialog::discard:
   * @recoverable: (type gpointer): as for #SpecRecoveryDialog::recover
   */
  signals [DISCARD] =
    g_signal_new ("discard",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-recovery-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecRecoveryDialog, list);

  gtk_widget_class_install_action (widget_class, "recovery.recover-all", NULL, recover_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spec_recovery_dialog_init (SpecRecoveryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * spec_recovery_dialog_new:
 * @recoverables: (element-type SpecRecoverable) (transfer full): what
 *   spec_library_list_recoverable() found
 */
SpecRecoveryDialog *
spec_recovery_dialog_new (GPtrArray *recoverables)
{
  SpecRecoveryDialog *self = g_object_new (SPEC_TYPE_RECOVERY_DIALOG, NULL);

  self->recoverables = recoverables;
  for (guint i = 0; i < recoverables->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (recoverables, i)));
  self->n_items = recoverables->len;

  return self;
}

guint
spec_recovery_dialog_get_n_items (SpecRecoveryDialog *self)
{
  g_return_val_if_fail (SPEC_IS_RECOVERY_DIALOG (self), 0);

  return self->n_items;
}

void
spec_recovery_dialog_recover_all (SpecRecoveryDialog *self)
{
  GtkWidget *row;

  g_return_if_fail (SPEC_IS_RECOVERY_DIALOG (self));

  g_object_ref (self);
  /* The last row closes the dialog: the list is not read after it. */
  while (self->n_items > 0 && (row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    {
      g_signal_emit (self, signals [RECOVER], 0, g_object_get_data (G_OBJECT (row), "recoverable"));
      remove_row (self, row);
    }
  g_object_unref (self);
}
