/* spec-code-block.h: a fenced or indented code block, highlighted
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

GtkSourceLanguage *spec_code_block_get_language (const char *info);
GtkWidget         *spec_code_block_new          (cmark_node *node);

G_END_DECLS
