/* spec-icon-warmup.h: the icon theme read off the main thread at start-up
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     spec_icon_warmup_start  (GdkDisplay           *display,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean spec_icon_warmup_finish (GAsyncResult         *result,
                                  GError              **error);

extern const char * const spec_icon_warmup_names[];

G_END_DECLS
