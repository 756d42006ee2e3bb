/* spec-outline.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-markdown.h"
#include "spec-outline.h"

/* A setext underline: up to three spaces, a run of '=' or of '-', then
 * only blanks. */
static gboolean
is_setext_underline (const char *line,
                     gsize       len)
{
  gsize i = 0;
  char c;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '=' && line[i] != '-'))
    return FALSE;

  c = line[i];
  while (i < len && line[i] == c)
    i++;
  while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
    i++;

  return i == len;
}

/**
 * spec_outline_block_end_line:
 *
 * The last line of a block, in @text: @line_offset is added to the
 * node's own lines (non-zero for a node parsed from a piece of @text).
 * cmark-gfm 0.29 reports a setext heading as ending on the line after its
 * underline whenever another line follows, so for headings the underline
 * is looked up in the text.
 */
guint
spec_outline_block_end_line (cmark_node          *node,
                             int                  line_offset,
                             const char          *text,
                             const SpecLineIndex *lines)
{
  guint start;
  guint end;

  /* cmark-gfm leaves some nodes without a position. */
  if (cmark_node_get_start_line (node) < 1)
    return 0;

  start = (guint) (cmark_node_get_start_line (node) + line_offset);
  end = MAX ((guint) (cmark_node_get_end_line (node) + line_offset), start);

  /* cmark-gfm 0.29 ends a multi-line HTML block a line early; its literal
   * holds every line of it, each with its line ending. */
  if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
    {
      const char *literal = cmark_node_get_literal (node);
      guint n = 0;

      for (const char *p = literal; p && *p; p++)
        n += *p == '\n';
      if (literal && *literal && literal[strlen (literal) - 1] != '\n')
        n++;

      return MAX (start + (n > 0 ? n - 1 : 0), start);
    }

  if (cmark_node_get_type (node) != CMARK_NODE_HEADING || end == start)
    return end;

  for (guint line = start + 1; line <= end; line++)
    {
      gsize begin = spec_line_index_line_start (lines, line);
      gsize finish = spec_line_index_line_end (lines, line);

      if (is_setext_underline (text + begin, finish - begin))
        return line;
    }

  return end;
}

/* Leaves share one empty children array, so that the common case, a
 * section without subsections, costs no allocation. */
static GPtrArray *
empty_children (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    /* cppcheck-suppress leakNoVarFunctionCall ; kept for good, on purpose */
    g_once_init_leave (&empty, g_ptr_array_new ());

  return g_ptr_array_ref (empty);
}

static void
add_child (SpecSection *parent,
           SpecSection *child)
{
  if (parent->children->len == 0)
    {
      g_ptr_array_unref (parent->children);
      parent->children = g_ptr_array_new ();
    }

  g_ptr_array_add (parent->children, child);
}

void
spec_outline_free (SpecOutline *outline)
{
  if (outline == NULL)
    return;

  for (guint i = 0; i < outline->sections->len; i++)
    g_ptr_array_unref (outline->storage[i].children);

  g_ptr_array_unref (outline->roots);
  g_ptr_array_unref (outline->sections);
  g_free (outline->storage);
  g_string_chunk_free (outline->strings);
  g_free (outline);
}

/**
 * spec_outline_new:
 *
 * Builds the section tree of a parsed document from its top-level
 * blocks: one pass over them, then one backwards pass to close the
 * sections.
 * Linear in the document, with a handful of allocations in all: the
 * sections are one block and their titles one string chunk, as a parse
 * leaves the heap crowded with cmark-gfm's nodes.
 */
SpecOutline *
spec_outline_new (const SpecBlock     *blocks,
                  guint                n_blocks,
                  const char          *text,
                  const SpecLineIndex *lines)
{
  SpecOutline *outline;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  guint n_headings = 0;
  guint n_lines;
  guint n = 0;

  g_return_val_if_fail (blocks != NULL || n_blocks == 0, NULL);
  g_return_val_if_fail (lines != NULL, NULL);

  n_lines = spec_line_index_get_n_lines (lines);

  for (guint b = 0; b < n_blocks; b++)
    n_headings += blocks[b].type == CMARK_NODE_HEADING;

  outline = g_new0 (SpecOutline, 1);
  outline->sections = g_ptr_array_sized_new (n_headings);
  outline->roots = g_ptr_array_new ();
  outline->storage = g_new0 (SpecSection, MAX (n_headings, 1));
  outline->strings = g_string_chunk_new (MAX (n_headings * 32, 64));

  for (guint b = 0; b < n_blocks; b++)
    {
      cmark_node *node = blocks[b].node;
      SpecSection *section;

      if (blocks[b].type != CMARK_NODE_HEADING)
        continue;

      g_string_truncate (title, 0);
      spec_markdown_node_append_plain_text (title, node);

      section = &outline->storage[n++];
      section->heading = node;
      section->level = cmark_node_get_heading_level (node);
      section->title = g_string_chunk_insert_len (outline->strings, title->str, title->len);
      section->index = outline->sections->len;
      section->heading_line = blocks[b].start_line;
      section->heading_end_line = blocks[b].end_line;
      section->children = empty_children ();

      /* The parent is the nearest open section of a lower level. */
      while (stack->len > 0 &&
             ((SpecSection *) g_ptr_array_index (stack, stack->len - 1))->level >= section->level)
        g_ptr_array_remove_index_fast (stack, stack->len - 1);

      if (stack->len > 0)
        {
          section->parent = g_ptr_array_index (stack, stack->len - 1);
          add_child (section->parent, section);
        }
      else
        {
          g_ptr_array_add (outline->roots, section);
        }

      g_ptr_array_add (stack, section);
      g_ptr_array_add (outline->sections, section);
    }

  /* A section ends where the next heading of its level or higher begins;
   * walking backwards keeps, for each level, the line of the closest
   * following heading at that level or above. */
  {
    guint next_at_or_above[7];

    for (guint l = 0; l < G_N_ELEMENTS (next_at_or_above); l++)
      next_at_or_above[l] = n_lines + 1;

    for (guint i = n; i > 0; i--)
      {
        SpecSection *section = &outline->storage[i - 1];
        guint next_line = (i < n) ? outline->storage[i].heading_line : n_lines + 1;

        section->end_line = next_at_or_above[section->level] - 1;
        section->body_end_line = next_line - 1;
        section->start_offset = spec_line_index_line_start (lines, section->heading_line);
        section->end_offset = spec_line_index_line_start (lines, section->end_line + 1);

        for (guint l = section->level; l < G_N_ELEMENTS (next_at_or_above); l++)
          next_at_or_above[l] = section->heading_line;
      }
  }

  return outline;
}

/**
 * spec_outline_find_section:
 * @sections: (element-type SpecSection): every section, in document order
 *
 * Returns: (nullable): the innermost section holding @line, which is the
 *   last one whose heading starts at or before it; %NULL before the first
 */
const SpecSection *
spec_outline_find_section (GPtrArray *sections,
                           guint      line)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (sections != NULL, NULL);

  hi = sections->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SpecSection *s = g_ptr_array_index (sections, mid);

      if (s->heading_line <= line)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 ? g_ptr_array_index (sections, lo - 1) : NULL;
}
