/* spec-segment.h: a piece of a large document, parsed on its own
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

#include "spec-block-budget.h"

G_BEGIN_DECLS

/* Where a segment lies in its document. */
typedef struct
{
  gsize start;        /* byte offset */
  gsize length;
  guint first_line;   /* 1-based */
} SpecSegmentRange;

/* A top-level block of a segment, with its lines counted from the
 * segment's first line (1-based). */
typedef struct
{
  cmark_node      *node;
  cmark_node_type  type;
  guint            start_line;
  guint            end_line;
  guint64          fingerprint;
  gboolean         shows_images;
  SpecBlockBudget  budget;
} SpecSegmentBlock;

typedef struct _SpecSegment SpecSegment;

GArray                 *spec_segment_split          (const char  *text,
                                                     gsize        length,
                                                     gsize        min_size,
                                                     GString     *definitions);
guint64                 spec_segment_hash           (const char  *source,
                                                     gsize        length,
                                                     guint64      definitions_hash);
SpecSegment            *spec_segment_new            (const char  *source,
                                                     gsize        length,
                                                     const char  *definitions,
                                                     gsize        definitions_length,
                                                     guint64      hash);
SpecSegment            *spec_segment_ref            (SpecSegment *self);
void                    spec_segment_unref          (SpecSegment *self);
guint64                 spec_segment_get_hash       (SpecSegment *self);
gsize                   spec_segment_get_length     (SpecSegment *self);
int                     spec_segment_get_line_shift (SpecSegment *self);
guint                   spec_segment_get_n_blocks   (SpecSegment *self);
const SpecSegmentBlock *spec_segment_get_block      (SpecSegment *self,
                                                     guint        index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecSegment, spec_segment_unref)

G_END_DECLS
