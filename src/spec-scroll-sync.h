/* spec-scroll-sync.h: the editor and the preview scroll together
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-preview.h"

G_BEGIN_DECLS

#define SPEC_TYPE_SCROLL_SYNC (spec_scroll_sync_get_type())

G_DECLARE_FINAL_TYPE (SpecScrollSync, spec_scroll_sync, SPEC, SCROLL_SYNC, GObject)

SpecScrollSync *spec_scroll_sync_new         (GtkTextView    *editor,
                                              SpecPreview    *preview);
gboolean        spec_scroll_sync_get_enabled (SpecScrollSync *self);
void            spec_scroll_sync_set_enabled (SpecScrollSync *self,
                                              gboolean        enabled);
guint           spec_scroll_sync_editor_top_line (SpecScrollSync *self);
void            spec_scroll_sync_note_preview_input (SpecScrollSync *self);

G_END_DECLS
