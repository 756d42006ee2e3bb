/* spec-inline-markup.h: cmark-gfm inline nodes as Pango markup
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

char     *spec_inline_markup_from_node           (cmark_node *parent);
gboolean  spec_inline_markup_uri_can_open        (const char *uri);

G_END_DECLS
