/* spec-block-fingerprint.h: what a top-level block shows, as one number
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

/* FNV-1a, 64 bits: start from SPEC_FNV_OFFSET, or from an earlier hash to
 * go on with it.  For text that is not NUL-terminated. */
#define SPEC_FNV_OFFSET 14695981039346656037ull

guint64 spec_fnv_hash          (guint64     hash,
                                const char *bytes,
                                gsize       len);
guint64 spec_block_fingerprint (cmark_node *node,
                                const char *source,
                                gsize       source_len,
                                guint       footnote_number,
                                gboolean   *shows_images);

G_END_DECLS
