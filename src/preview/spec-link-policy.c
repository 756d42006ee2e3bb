/* spec-link-policy.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is untrusted input: its links must not launch programs,
 * open local files or reach custom URI handlers.  Only web and mail
 * addresses leave the preview, and only on a click.
 */

#include "config.h"

#include "spec-inline-markup.h"
#include "spec-link-policy.h"

static SpecLinkLauncher launcher;
static gpointer launcher_data;

/**
 * spec_link_policy_classify:
 * @uri: (nullable): a link target as written in the document
 *
 * Returns: what clicking a link to @uri does
 */
SpecLinkKind
spec_link_policy_classify (const char *uri)
{
  if (uri == NULL)
    return SPEC_LINK_REFUSE;

  /* An anchor of this document; "#" alone leads nowhere in particular. */
  if (uri[0] == '#')
    return uri[1] != '\0' ? SPEC_LINK_ANCHOR : SPEC_LINK_REFUSE;

  if (spec_inline_markup_uri_can_open (uri))
    return SPEC_LINK_EXTERNAL;

  /* javascript:, file:, data:, custom schemes, relative paths */
  return SPEC_LINK_REFUSE;
}

/**
 * spec_link_policy_open:
 * @widget: the widget holding the link; its window is the parent
 * @uri: a link that spec_link_policy_classify() lets leave the preview
 *
 * Hands @uri to the desktop's handler.  Checks the policy again, so no
 * caller can open what it forbids.
 */
void
spec_link_policy_open (GtkWidget  *widget,
                       const char *uri)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (spec_link_policy_classify (uri) != SPEC_LINK_EXTERNAL)
    return;

  root = gtk_widget_get_root (widget);

  if (launcher != NULL)
    launcher (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, launcher_data);
  else
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/**
 * spec_link_policy_set_launcher:
 * @launcher_func: (nullable): called instead of gtk_show_uri(), or %NULL for it
 *
 * For tests: they see what would be opened without opening it.
 */
void
spec_link_policy_set_launcher (SpecLinkLauncher launcher_func,
                               gpointer         user_data)
{
  launcher = launcher_func;
  launcher_data = user_data;
}
