/* spec-block-budget.c: whether the preview can afford to draw a block
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-block-budget.h"
#include "spec-markdown.h"

/**
 * spec_block_budget_check:
 * @node: a top-level block
 * @source_len: the length of its source text
 *
 * Walks @node without recursion (cmark's iterator), and stops at the first
 * limit passed, so that a hostile block costs no more than a fitting one.
 * Depth is kept with a stack of the open ancestors, at most the limit
 * deep: each node is pushed and popped once, whatever the nesting.
 * Run where the snapshot is built, on the parsing thread for large
 * documents, never by the preview.
 *
 * Returns: %SPEC_BLOCK_FITS, or the first limit @node is past
 */
SpecBlockBudget
spec_block_budget_check (cmark_node *node,
                         gsize       source_len)
{
  cmark_iter *iter;
  cmark_event_type event;
  SpecBlockBudget budget = SPEC_BLOCK_FITS;
  cmark_node *open[SPEC_BLOCK_MAX_DEPTH];
  guint depth = 0;
  guint n_nodes = 0;
  gsize label_bytes = 0;

  g_return_val_if_fail (node != NULL, SPEC_BLOCK_FITS);

  if (source_len > SPEC_BLOCK_MAX_BYTES)
    return SPEC_BLOCK_TOO_LONG;

  iter = cmark_iter_new (node);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *child = cmark_iter_get_node (iter);
      cmark_node *parent;
      cmark_node_type type;

      if (event != CMARK_EVENT_ENTER)
        continue;

      type = cmark_node_get_type (child);
      /* A new label: a paragraph, heading, code block or table cell (an
       * extension's block, known by name; inlines are never one). */
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK ||
          ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK && spec_markdown_node_is (child, "table_cell")))
        label_bytes = 0;

      if (cmark_node_get_literal (child) != NULL)
        label_bytes += strlen (cmark_node_get_literal (child));
      if (label_bytes > SPEC_BLOCK_MAX_LABEL)
        {
          budget = SPEC_BLOCK_TOO_LONG;
          break;
        }

      /* @node itself: a label perhaps (a code block), but no depth. */
      if (child == node)
        continue;

      if (++n_nodes > SPEC_BLOCK_MAX_NODES)
        {
          budget = SPEC_BLOCK_TOO_MANY_NODES;
          break;
        }

      /* Close what @child is not inside of; @node's children have none
       * open.  No exit events are needed: cmark sends none for leaves. */
      parent = cmark_node_parent (child);
      while (depth > 0 && open[depth - 1] != parent)
        depth--;
      if (depth == SPEC_BLOCK_MAX_DEPTH)
        {
          budget = SPEC_BLOCK_TOO_DEEP;
          break;
        }
      open[depth++] = child;
    }
  cmark_iter_free (iter);

  return budget;
}
