/* spec-outline.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
 * The last line of a top-level block.  cmark-gfm 0.29 reports a setext
 * heading as ending on the line after its underline whenever another line
 * follows, so for headings the underline is looked up in the text.
 */
guint
spec_outline_block_end_line (cmark_node          *node,
                             const char          *text,
                             const SpecLineIndex *lines)
{
  guint start = (guint) cmark_node_get_start_line (node);
  guint end = MAX ((guint) cmark_node_get_end_line (node), start);

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

static void
spec_section_free (gpointer data)
{
  SpecSection *section = data;

  g_clear_pointer (&section->children, g_ptr_array_unref);
  g_free (section->title);
  g_free (section);
}

/* Returns every section in document order (the array owns them) and sets
 * @roots to the top-level ones.  One pass over the document's blocks, then
 * one backwards pass to close the sections: linear in the document. */
GPtrArray *
spec_outline_build (cmark_node          *document,
                    const char          *text,
                    const SpecLineIndex *lines,
                    GPtrArray          **roots)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (spec_section_free);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n_lines;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (lines != NULL, NULL);
  g_return_val_if_fail (roots != NULL, NULL);

  n_lines = spec_line_index_get_n_lines (lines);

  for (cmark_node *node = cmark_node_first_child (document);
       node != NULL;
       node = cmark_node_next (node))
    {
      SpecSection *section;

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;

      section = g_new0 (SpecSection, 1);
      section->heading = node;
      section->level = cmark_node_get_heading_level (node);
      section->title = spec_markdown_node_get_plain_text (node);
      section->index = all->len;
      section->heading_line = cmark_node_get_start_line (node);
      section->heading_end_line = spec_outline_block_end_line (node, text, lines);
      section->children = g_ptr_array_new ();

      /* The parent is the nearest open section of a lower level. */
      while (stack->len > 0 &&
             ((SpecSection *) g_ptr_array_index (stack, stack->len - 1))->level >= section->level)
        g_ptr_array_remove_index_fast (stack, stack->len - 1);

      if (stack->len > 0)
        {
          section->parent = g_ptr_array_index (stack, stack->len - 1);
          g_ptr_array_add (section->parent->children, section);
        }
      else
        {
          g_ptr_array_add (top, section);
        }

      g_ptr_array_add (stack, section);
      g_ptr_array_add (all, section);
    }

  /* A section ends where the next heading of its level or higher begins;
   * walking backwards keeps, for each level, the line of the closest
   * following heading at that level or above. */
  {
    guint next_at_or_above[7];

    for (guint l = 0; l < G_N_ELEMENTS (next_at_or_above); l++)
      next_at_or_above[l] = n_lines + 1;

    for (guint i = all->len; i > 0; i--)
      {
        SpecSection *section = g_ptr_array_index (all, i - 1);
        guint next_line = (i < all->len)
          ? ((SpecSection *) g_ptr_array_index (all, i))->heading_line
          : n_lines + 1;

        section->end_line = next_at_or_above[section->level] - 1;
        section->body_end_line = next_line - 1;
        section->start_offset = spec_line_index_line_start (lines, section->heading_line);
        section->end_offset = spec_line_index_line_start (lines, section->end_line + 1);

        for (guint l = section->level; l < G_N_ELEMENTS (next_at_or_above); l++)
          next_at_or_above[l] = section->heading_line;
      }
  }

  *roots = g_steal_pointer (&top);

  return g_steal_pointer (&all);
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
