/* spec-block-fingerprint.h: what a top-level block shows, as one number
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

guint64 spec_block_fingerprint (cmark_node *node,
                                const char *source,
                                gsize       source_len,
                                guint       footnote_number,
                                gboolean   *shows_images);

G_END_DECLS
