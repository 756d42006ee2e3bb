/* spec-name-dialog.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-name-dialog.h"

/* Save as Template and Rename Template ask the same thing: a message
 * dialog with a name field, Enter in it accepting, Escape cancelling. */

static void
name_activate_cb (GtkEntry         *entry,
                  AdwMessageDialog *dialog)
{
  const char *accept = g_object_get_data (G_OBJECT (dialog), "spec-accept-response");

  adw_message_dialog_response (dialog, accept);
}

/**
 * spec_name_dialog_new:
 * @body: (nullable): a line under the heading
 * @name: (nullable): the name to start from, all selected
 * @accept_response: the response id of accepting it
 *
 * Returns: (transfer floating): the dialog, with "cancel" and
 *   @accept_response; connect to its "response" and present it
 */
GtkWidget *
spec_name_dialog_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body,
                      const char *name,
                      const char *accept_response,
                      const char *accept_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *entry = gtk_entry_new ();

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Template name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    accept_response, accept_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), accept_response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), accept_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "spec-accept-response", g_strdup (accept_response), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (name_activate_cb), dialog);

  return dialog;
}

const char *
spec_name_dialog_get_name (GtkWidget *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
}
