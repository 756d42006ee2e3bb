/* spec-link-policy.h: what clicking a link in the document may do
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SPEC_LINK_REFUSE,     /* never opened, never handed to GTK */
  SPEC_LINK_EXTERNAL,   /* http, https, mailto: the desktop's handler */
  SPEC_LINK_ANCHOR,     /* "#heading": a place in the document */
} SpecLinkKind;

typedef void (*SpecLinkLauncher) (GtkWindow  *parent,
                                  const char *uri,
                                  gpointer    user_data);

SpecLinkKind spec_link_policy_classify     (const char       *uri);
void         spec_link_policy_open         (GtkWidget        *widget,
                                            const char       *uri);
void         spec_link_policy_set_launcher (SpecLinkLauncher  launcher_func,
                                            gpointer          user_data);

G_END_DECLS
