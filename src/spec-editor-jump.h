/* spec-editor-jump.h: scrolling the editor to a line, exactly, at any size
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     spec_editor_jump_to_line    (GtkTextView *view,
                                      guint        line,
                                      double       yalign);
gboolean spec_editor_jump_is_pending (GtkTextView *view);
void     spec_editor_jump_cancel     (GtkTextView *view);

G_END_DECLS
