/* spec-editor-font.h: the editor's font, from the preferences
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *spec_editor_font_css   (const char *font_name);
void  spec_editor_font_apply (GtkWidget  *editor,
                              GSettings  *settings);

G_END_DECLS
