/* spec-block-budget.h: whether the preview can afford to draw a block
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

/* The preview builds a top-level block's widgets all at once, on the main
 * thread, one widget or more for each container and table cell, nested as
 * deep as the Markdown is.  Past these limits that would stall the window
 * (or, for 50 000 nested quotes, overflow GTK's stack), so the block is
 * shown as too complex to preview; the editor has it all. */
#define SPEC_BLOCK_MAX_DEPTH  16            /* nested containers and spans */
#define SPEC_BLOCK_MAX_NODES  4000          /* nodes in one block */
#define SPEC_BLOCK_MAX_BYTES  (128 * 1024)  /* source text of one block */
#define SPEC_BLOCK_MAX_LABEL  4096          /* text of one paragraph, heading
                                             * or cell: one label, which Pango
                                             * wraps in quadratic time */

typedef enum
{
  SPEC_BLOCK_FITS = 0,
  SPEC_BLOCK_TOO_DEEP,
  SPEC_BLOCK_TOO_MANY_NODES,
  SPEC_BLOCK_TOO_LONG,
} SpecBlockBudget;

SpecBlockBudget spec_block_budget_check (cmark_node *node,
                                         gsize       source_len);

G_END_DECLS
