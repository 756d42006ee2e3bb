/* spec-outline.h: the section tree of a Markdown document
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

#include "spec-block-budget.h"

#include "spec-line-index.h"

G_BEGIN_DECLS

/* One heading and the section it opens.  Sections belong to a snapshot
 * and are immutable: read the fields, never write them.
 *
 * A section runs from its heading's first line to the line before the next
 * heading of the same or a higher level (or to the end of the document), so
 * it includes its subsections.  Only headings that are blocks of the
 * document itself open sections: a "# line" inside a fenced code block is
 * code, and a heading inside a block quote or a list item is part of that
 * quote or item, as it would otherwise cut the quote or list in two.
 */
typedef struct _SpecSection SpecSection;

/* A top-level block of the document and the lines it was parsed from.
 * Kept in one array, so that walks over the document's blocks read
 * contiguous memory rather than chase cmark-gfm's scattered nodes. */
typedef struct
{
  cmark_node      *node;
  cmark_node_type  type;
  guint            start_line;
  guint            end_line;
  guint64          fingerprint;    /* see spec_block_fingerprint() */
  gboolean         shows_images;   /* files beside the document */
  SpecBlockBudget  budget;         /* whether the preview draws it */
  int              line_offset;    /* add to the lines of @node and what
                                    * it holds: a large document is parsed
                                    * in pieces (see spec-segment.h) */
} SpecBlock;

struct _SpecSection
{
  SpecSection *parent;            /* NULL at the top level */
  GPtrArray   *children;          /* SpecSection*, in document order */
  cmark_node  *heading;           /* owned by the snapshot's document */
  char        *title;             /* plain text, inline markup stripped */
  guint        level;             /* 1 to 6; a child may skip levels */
  guint        index;             /* position among all headings */
  guint        heading_line;      /* first line of the heading (1-based) */
  guint        heading_end_line;  /* last line (setext headings span two) */
  guint        end_line;          /* last line of the section, inclusive */
  guint        body_end_line;     /* last line before the first subsection */
  gsize        start_offset;      /* byte range of the whole section */
  gsize        end_offset;
};

/* The sections of one parse, and the memory they live in. */
typedef struct
{
  GPtrArray    *sections;   /* SpecSection*, document order */
  GPtrArray    *roots;      /* SpecSection*, top level */
  SpecSection  *storage;    /* every section, in one block */
  GStringChunk *strings;    /* every title */
} SpecOutline;

SpecOutline *spec_outline_new          (const SpecBlock     *blocks,
                                        guint                n_blocks,
                                        const char          *text,
                                        const SpecLineIndex *lines);
void         spec_outline_free         (SpecOutline         *outline);
const SpecSection *spec_outline_find_section (GPtrArray *sections,
                                              guint      line);
guint      spec_outline_block_end_line (cmark_node          *node,
                                        int                  line_offset,
                                        const char          *text,
                                        const SpecLineIndex *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecOutline, spec_outline_free)

G_END_DECLS
