/* spec-name-dialog.h: a dialog asking for a name
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget  *spec_name_dialog_new      (GtkWindow  *parent,
                                       const char *heading,
                                       const char *body,
                                       const char *name,
                                       const char *accept_response,
                                       const char *accept_label);
const char *spec_name_dialog_get_name (GtkWidget  *dialog);

G_END_DECLS
