/* spec-line-index.h: byte offsets of the lines of a text
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lines are numbered from 1, as cmark-gfm and compiler diagnostics do.
 * "\n", "\r\n" and a lone "\r" each end a line, as in CommonMark.
 */
typedef struct _SpecLineIndex SpecLineIndex;

SpecLineIndex *spec_line_index_new            (const char          *text,
                                               gsize                len);
void           spec_line_index_free           (SpecLineIndex       *self);
guint          spec_line_index_get_n_lines    (const SpecLineIndex *self);
gsize          spec_line_index_get_length     (const SpecLineIndex *self);
gsize          spec_line_index_line_start     (const SpecLineIndex *self,
                                               guint                line);
gsize          spec_line_index_line_end       (const SpecLineIndex *self,
                                               guint                line);
guint          spec_line_index_line_at_offset (const SpecLineIndex *self,
                                               gsize                offset);
gsize          spec_line_index_get_longest_line (const SpecLineIndex *self);

gsize          spec_text_find_long_line       (const char          *text,
                                               gsize                len,
                                               gsize                max,
                                               guint               *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecLineIndex, spec_line_index_free)

G_END_DECLS
