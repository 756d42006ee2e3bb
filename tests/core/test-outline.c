/* test-outline.c: the snapshot's outline, ranges and line index
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-line-index.h"
#include "spec-snapshot.h"

#include "expected-outline.h"

/* Documents every structural check runs on, besides the seeds. */
static const char * const synthetic_docs[] = {
  "",
  "just text\n",
  "\n\n\n",
  "# A\n",
  "# A",
  "preamble\n\n# A\ntext\n## B\n### C\ntext\n## D\n# E\n",
  "# A\n### B\n## C\n#### D\n# E\ntail",
  "### A\n# B\n",
  "# A\n# B\n# C\n",
  "Title\n=====\n\ntext\n\nSub\n---\nbody\n",
  "Line one\nline two\n===\n\nafter\n## Next\n",
  "# A\r\ntext\r\n## B\r\nmore\r\n",
  "# A\rtext\r## B\rmore",
  "# A\r\n\n## B\rx\n# C",
  "```\n# not\n```\n# real\n> # quoted\n- # item\n",
  "# Überblick — 日本語 ✓\n\nText\n## Ünter — ✓\n",
  "\n\n\n# late\n\n\n",
  "######## not a heading\n###### six\n##### five\n",
  "\xEF\xBB\xBF# After a BOM\r\ntext\r\n",
  "# Open fence\n```\n# code\n## code\n",
};

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static SpecSection *
section_at (SpecSnapshot *snapshot,
            guint         i)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  /* Fatal even with non-fatal assertions: the callers dereference it. */
  g_assert (i < sections->len);

  return g_ptr_array_index (sections, i);
}

/* The snapshot's sections are cmark's own top-level headings, with the
 * parents and ends that follow from their levels alone. */
static void
assert_matches_cmark (SpecSnapshot *snapshot,
                      const char   *text,
                      gsize         len)
{
  g_autoptr(GPtrArray) expected = expected_outline_compute (text, len);
  g_autoptr(GArray) starts = expected_line_starts (text, len);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  guint n_lines = starts->len;

  g_assert_cmpuint (spec_snapshot_get_n_lines (snapshot), ==, n_lines);
  g_assert_cmpuint (sections->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      const ExpectedHeading *e = g_ptr_array_index (expected, i);
      const SpecSection *s = g_ptr_array_index (sections, i);
      const ExpectedHeading *parent = NULL;
      guint parent_index = 0;
      guint end_line = n_lines;
      guint body_end_line = n_lines;

      g_assert_cmpuint (s->index, ==, i);
      g_assert_cmpuint (s->level, ==, e->level);
      g_assert_cmpuint (s->heading_line, ==, e->line);
      g_assert_cmpstr (s->title, ==, e->title);
      g_assert_nonnull (s->heading);
      g_assert_cmpint (cmark_node_get_start_line (s->heading), ==, (int) e->line);

      /* The parent is the closest earlier heading of a lower level. */
      for (guint j = i; j > 0; j--)
        {
          const ExpectedHeading *p = g_ptr_array_index (expected, j - 1);

          if (p->level < e->level)
            {
              parent = p;
              parent_index = j - 1;
              break;
            }
        }

      if (parent == NULL)
        g_assert_null (s->parent);
      else
        g_assert_true (s->parent == g_ptr_array_index (sections, parent_index));

      /* The section ends before the next heading of its level or above. */
      for (guint k = i + 1; k < expected->len; k++)
        {
          const ExpectedHeading *n = g_ptr_array_index (expected, k);

          if (k == i + 1)
            body_end_line = n->line - 1;
          if (n->level <= e->level)
            {
              end_line = n->line - 1;
              break;
            }
        }

      g_assert_cmpuint (s->end_line, ==, end_line);
      g_assert_cmpuint (s->body_end_line, ==, body_end_line);
    }
}

static gsize
line_start (const GArray *starts,
            gsize         len,
            guint         line)
{
  g_assert_cmpuint (line, >=, 1);

  return line <= starts->len ? g_array_index (starts, gsize, line - 1) : len;
}

static void
assert_section_contains_children (const SpecSection *s,
                                  const GArray      *starts,
                                  gsize              len)
{
  gsize own_end = line_start (starts, len, s->body_end_line + 1);

  g_assert_nonnull (s->children);

  if (s->children->len == 0)
    {
      g_assert_cmpuint (s->end_line, ==, s->body_end_line);
      g_assert_cmpuint (s->end_offset, ==, own_end);
      return;
    }

  /* Own part, then the children one after the other, nothing else. */
  for (guint c = 0; c < s->children->len; c++)
    {
      const SpecSection *child = g_ptr_array_index (s->children, c);
      const SpecSection *prev = c > 0 ? g_ptr_array_index (s->children, c - 1) : NULL;

      g_assert_true (child->parent == s);
      g_assert_cmpuint (child->level, >, s->level);
      g_assert_cmpuint (child->heading_line, >, s->heading_line);
      g_assert_cmpuint (child->end_line, <=, s->end_line);
      g_assert_cmpuint (child->start_offset, >, s->start_offset);
      g_assert_cmpuint (child->end_offset, <=, s->end_offset);

      if (prev == NULL)
        {
          g_assert_cmpuint (child->heading_line, ==, s->body_end_line + 1);
          g_assert_cmpuint (child->start_offset, ==, own_end);
        }
      else
        {
          g_assert_cmpuint (child->heading_line, ==, prev->end_line + 1);
          g_assert_cmpuint (child->start_offset, ==, prev->end_offset);
        }

      assert_section_contains_children (child, starts, len);
    }

  {
    const SpecSection *last = g_ptr_array_index (s->children, s->children->len - 1);

    g_assert_cmpuint (s->end_line, ==, last->end_line);
    g_assert_cmpuint (s->end_offset, ==, last->end_offset);
  }
}

/* The own parts (preamble, then each heading up to the next heading) tile
 * the lines and the bytes; a section is its own part plus its children;
 * the roots tile everything after the preamble. */
static void
assert_ranges (SpecSnapshot *snapshot,
               const char   *text,
               gsize         len)
{
  g_autoptr(GArray) starts = expected_line_starts (text, len);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  GPtrArray *roots = spec_snapshot_get_outline (snapshot);
  guint n_lines = spec_snapshot_get_n_lines (snapshot);
  guint line_cursor = 1;
  gsize byte_cursor = 0;
  guint n_children = 0;

  g_assert_cmpuint (n_lines, ==, starts->len);

  if (sections->len > 0)
    {
      const SpecSection *first = g_ptr_array_index (sections, 0);

      /* The preamble: lines 1 to the first heading, maybe none. */
      line_cursor = first->heading_line;
      byte_cursor = line_start (starts, len, first->heading_line);
      g_assert_cmpuint (line_cursor, >=, 1);
    }
  else
    {
      line_cursor = n_lines + 1;
      byte_cursor = len;
    }

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *s = g_ptr_array_index (sections, i);

      g_assert_cmpuint (s->level, >=, 1);
      g_assert_cmpuint (s->level, <=, 6);
      g_assert_nonnull (s->title);
      g_assert_true (g_utf8_validate (s->title, -1, NULL));

      /* Own lines and bytes start where the previous part stopped. */
      g_assert_cmpuint (s->heading_line, ==, line_cursor);
      g_assert_cmpuint (s->start_offset, ==, byte_cursor);
      g_assert_cmpuint (s->start_offset, ==, line_start (starts, len, s->heading_line));
      g_assert_cmpuint (s->heading_end_line, >=, s->heading_line);
      g_assert_cmpuint (s->body_end_line, >=, s->heading_line);
      g_assert_cmpuint (s->end_line, >=, s->body_end_line);
      g_assert_cmpuint (s->end_line, <=, n_lines);
      g_assert_cmpuint (s->end_offset, ==, line_start (starts, len, s->end_line + 1));
      g_assert_cmpuint (s->end_offset, >, s->start_offset);
      g_assert_cmpuint (s->end_offset, <=, len);

      line_cursor = s->body_end_line + 1;
      byte_cursor = line_start (starts, len, s->body_end_line + 1);

      if (s->parent != NULL)
        {
          g_assert_cmpuint (s->parent->level, <, s->level);
          g_assert_true (g_ptr_array_find (s->parent->children, s, NULL));
          n_children++;
        }
      else
        {
          g_assert_true (g_ptr_array_find (roots, s, NULL));
        }

      assert_section_contains_children (s, starts, len);
    }

  g_assert_cmpuint (line_cursor, ==, n_lines + 1);
  g_assert_cmpuint (byte_cursor, ==, len);

  /* Every section is a root or a child, exactly once. */
  g_assert_cmpuint (roots->len + n_children, ==, sections->len);

  for (guint r = 0; r < roots->len; r++)
    {
      const SpecSection *root = g_ptr_array_index (roots, r);

      g_assert_null (root->parent);
      if (r + 1 < roots->len)
        {
          const SpecSection *next = g_ptr_array_index (roots, r + 1);

          g_assert_cmpuint (next->heading_line, ==, root->end_line + 1);
          g_assert_cmpuint (next->start_offset, ==, root->end_offset);
        }
      else
        {
          g_assert_cmpuint (root->end_line, ==, n_lines);
          g_assert_cmpuint (root->end_offset, ==, len);
        }
    }

  if (sections->len > 0)
    {
      const SpecSection *last = g_ptr_array_index (sections, sections->len - 1);

      g_assert_cmpuint (last->end_line, ==, n_lines);
      g_assert_cmpuint (last->end_offset, ==, len);
    }

  /* The section at a line is the one whose own part holds it. */
  for (guint line = 1; line <= n_lines; line++)
    {
      const SpecSection *expected = NULL;

      for (guint i = 0; i < sections->len; i++)
        {
          const SpecSection *s = g_ptr_array_index (sections, i);

          if (s->heading_line <= line && line <= s->body_end_line)
            expected = s;
        }

      g_assert_true (spec_snapshot_get_section_at_line (snapshot, line) == expected);
    }
}

/* Blocks come in document order; each heading section's node is one. */
static void
assert_blocks (SpecSnapshot *snapshot)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  cmark_node *node = cmark_node_first_child (spec_snapshot_get_document (snapshot));
  guint n_blocks = spec_snapshot_get_n_blocks (snapshot);
  guint next_section = 0;

  for (guint i = 0; i < n_blocks; i++, node = cmark_node_next (node))
    {
      const SpecBlock *block = spec_snapshot_get_block (snapshot, i);

      g_assert_true (block->node == node);
      g_assert_cmpuint (block->start_line, >=, 1);
      g_assert_cmpuint (block->start_line, <=, block->end_line);
      if (i > 0)
        g_assert_cmpuint (block->start_line, >, spec_snapshot_get_block (snapshot, i - 1)->start_line);

      if (next_section < sections->len &&
          section_at (snapshot, next_section)->heading == block->node)
        {
          g_assert_cmpuint (section_at (snapshot, next_section)->heading_line, ==, block->start_line);
          next_section++;
        }
    }

  g_assert_null (node);
  g_assert_cmpuint (next_section, ==, sections->len);
}

static SpecSnapshot *
check_document (const char *text,
                gsize       len)
{
  SpecSnapshot *snapshot = spec_snapshot_new (text, len);
  gsize snapshot_len = 0;

  g_assert_true (memcmp (spec_snapshot_get_text (snapshot, &snapshot_len), text, len) == 0);
  g_assert_cmpuint (snapshot_len, ==, len);

  assert_matches_cmark (snapshot, text, len);
  assert_ranges (snapshot, text, len);
  assert_blocks (snapshot);

  return snapshot;
}

static guint
count_hash_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '#')
      n++;

  return n;
}

/* ------------------------------------------------------------------ */
/* Seeds                                                              */
/* ------------------------------------------------------------------ */

static void
test_seeds (void)
{
  g_autoptr(GPtrArray) seeds = expected_outline_load_seeds ();
  guint n_checked = 0;

  if (seeds == NULL)
    {
      g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");
      return;
    }

  g_assert_cmpuint (seeds->len, ==, 5);

  for (guint i = 0; i < seeds->len; i++)
    {
      const char *path = g_ptr_array_index (seeds, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpecSnapshot) snapshot = NULL;
      gsize len = 0;
      guint n_sections;

      g_test_message ("seed %s", name);

      g_file_get_contents (path, &text, &len, &error);
      g_assert_no_error (error);

      snapshot = check_document (text, len);
      n_sections = spec_snapshot_get_sections (snapshot)->len;
      g_assert_cmpuint (n_sections, >, 0);

      /* The hard numbers: a naive "^#" count is fooled by the comments
       * in the fenced code blocks of these two. */
      if (g_str_has_prefix (name, "001"))
        {
          g_assert_cmpuint (count_hash_lines (text), ==, 47);
          g_assert_cmpuint (n_sections, ==, 42);
          n_checked++;
        }
      else if (g_str_has_prefix (name, "002"))
        {
          g_assert_cmpuint (count_hash_lines (text), ==, 82);
          g_assert_cmpuint (n_sections, ==, 78);
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, ==, 2);
}

/* The CommonMark and GFM specs: long documents full of "# lines" in code. */
static void
test_corpus (void)
{
  const char *dir = g_getenv ("SPEC_CORPUS_DIR");
  const char * const names[] = { "commonmark-spec.txt", "gfm-spec.txt", "gfm-extensions.txt" };
  guint n_checked = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("SPEC_CORPUS_DIR is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(SpecSnapshot) snapshot = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &text, &len, NULL))
        continue;

      g_test_message ("corpus %s", names[i]);
      snapshot = check_document (text, len);
      n_checked++;
    }

  if (n_checked == 0)
    g_test_skip ("no corpus file found");
}

static void
test_synthetic (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (synthetic_docs); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = NULL;

      g_test_message ("synthetic document %u", i);
      snapshot = check_document (synthetic_docs[i], strlen (synthetic_docs[i]));
    }
}

/* ------------------------------------------------------------------ */
/* Particular documents                                               */
/* ------------------------------------------------------------------ */

static void
assert_empty_snapshot (SpecSnapshot *snapshot)
{
  gsize len = 1;

  g_assert_cmpuint (spec_snapshot_get_n_lines (snapshot), ==, 0);
  g_assert_cmpuint (spec_snapshot_get_n_blocks (snapshot), ==, 0);
  g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 0);
  g_assert_cmpuint (spec_snapshot_get_outline (snapshot)->len, ==, 0);
  g_assert_cmpstr (spec_snapshot_get_text (snapshot, &len), ==, "");
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (spec_line_index_get_n_lines (spec_snapshot_get_line_index (snapshot)), ==, 0);
  g_assert_null (spec_snapshot_get_section_at_line (snapshot, 0));
  g_assert_null (spec_snapshot_get_section_at_line (snapshot, 1));
  g_assert_nonnull (spec_snapshot_get_document (snapshot));
  g_assert_null (cmark_node_first_child (spec_snapshot_get_document (snapshot)));
}

static void
test_empty (void)
{
  g_autoptr(SpecSnapshot) empty = spec_snapshot_new ("", 0);
  g_autoptr(SpecSnapshot) null_text = spec_snapshot_new (NULL, -1);
  g_autoptr(SpecSnapshot) taken = spec_snapshot_new_take (g_strdup (""), 0);

  assert_empty_snapshot (empty);
  assert_empty_snapshot (null_text);
  assert_empty_snapshot (taken);
}

static void
test_no_headings (void)
{
  const char *text = "Just text.\n\nMore *text*,\nover two lines.\n";
  g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
  const SpecBlock *block;

  g_assert_cmpuint (spec_snapshot_get_n_lines (snapshot), ==, 4);
  g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 0);
  g_assert_cmpuint (spec_snapshot_get_outline (snapshot)->len, ==, 0);
  g_assert_cmpuint (spec_snapshot_get_n_blocks (snapshot), ==, 2);

  block = spec_snapshot_get_block (snapshot, 0);
  g_assert_cmpint (cmark_node_get_type (block->node), ==, CMARK_NODE_PARAGRAPH);
  g_assert_cmpuint (block->start_line, ==, 1);
  g_assert_cmpuint (block->end_line, ==, 1);

  block = spec_snapshot_get_block (snapshot, 1);
  g_assert_cmpint (cmark_node_get_type (block->node), ==, CMARK_NODE_PARAGRAPH);
  g_assert_cmpuint (block->start_line, ==, 3);
  g_assert_cmpuint (block->end_line, ==, 4);

  for (guint line = 0; line <= 5; line++)
    g_assert_null (spec_snapshot_get_section_at_line (snapshot, line));
}

static void
test_skipped_levels (void)
{
  {
    const char *text = "# A\n\n### B\n";
    g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
    GPtrArray *roots = spec_snapshot_get_outline (snapshot);
    SpecSection *a = section_at (snapshot, 0);
    SpecSection *b = section_at (snapshot, 1);

    g_assert_cmpuint (roots->len, ==, 1);
    g_assert_true (g_ptr_array_index (roots, 0) == a);
    g_assert_cmpuint (a->level, ==, 1);
    g_assert_cmpuint (b->level, ==, 3);
    g_assert_true (b->parent == a);
    g_assert_cmpuint (a->children->len, ==, 1);
    g_assert_true (g_ptr_array_index (a->children, 0) == b);
    g_assert_cmpuint (a->body_end_line, ==, 2);
    g_assert_cmpuint (a->end_line, ==, 3);
    g_assert_cmpuint (b->end_line, ==, 3);
  }

  {
    const char *text = "### A\n# B\n";
    g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
    GPtrArray *roots = spec_snapshot_get_outline (snapshot);
    SpecSection *a = section_at (snapshot, 0);
    SpecSection *b = section_at (snapshot, 1);

    g_assert_cmpuint (roots->len, ==, 2);
    g_assert_null (a->parent);
    g_assert_null (b->parent);
    g_assert_cmpuint (a->children->len, ==, 0);
    g_assert_cmpuint (a->end_line, ==, 1);
    g_assert_cmpuint (b->end_line, ==, 2);
  }

  {
    /* ## C closes ### B and hangs under # A, not under B. */
    const char *text = "# A\n### B\n## C\n#### D\n# E\n";
    g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
    SpecSection *a = section_at (snapshot, 0);
    SpecSection *b = section_at (snapshot, 1);
    SpecSection *c = section_at (snapshot, 2);
    SpecSection *d = section_at (snapshot, 3);
    SpecSection *e = section_at (snapshot, 4);

    g_assert_true (b->parent == a);
    g_assert_true (c->parent == a);
    g_assert_true (d->parent == c);
    g_assert_null (e->parent);
    g_assert_cmpuint (a->children->len, ==, 2);
    g_assert_cmpuint (b->end_line, ==, 2);
    g_assert_cmpuint (c->end_line, ==, 4);
    g_assert_cmpuint (a->end_line, ==, 4);
    g_assert_cmpuint (e->end_line, ==, 5);
  }
}

static void
test_setext (void)
{
  {
    const char *text = "Title\n=====\n\ntext\n\nSub\n---\nbody\n";
    g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
    SpecSection *title = section_at (snapshot, 0);
    SpecSection *sub = section_at (snapshot, 1);

    g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 2);
    g_assert_cmpstr (title->title, ==, "Title");
    g_assert_cmpuint (title->level, ==, 1);
    g_assert_cmpuint (title->heading_line, ==, 1);
    g_assert_cmpuint (title->body_end_line, ==, 5);
    g_assert_cmpuint (title->end_line, ==, 8);
    g_assert_cmpstr (sub->title, ==, "Sub");
    g_assert_cmpuint (sub->level, ==, 2);
    g_assert_cmpuint (sub->heading_line, ==, 6);
    g_assert_true (sub->parent == title);
    g_assert_cmpuint (sub->end_line, ==, 8);
  }

  {
    const char *text = "Line one\nline *two*\n===\n\nafter\n";
    g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
    SpecSection *s = section_at (snapshot, 0);

    g_assert_cmpstr (s->title, ==, "Line one line two");
    g_assert_cmpuint (s->level, ==, 1);
    g_assert_cmpuint (s->heading_line, ==, 1);
    g_assert_cmpuint (s->end_line, ==, 5);
  }

  {
    /* At the very end of the text, without a line ending. */
    const char *text = "Title\n===";
    g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
    SpecSection *s = section_at (snapshot, 0);

    g_assert_cmpuint (s->heading_line, ==, 1);
    g_assert_cmpuint (s->heading_end_line, ==, 2);
    g_assert_cmpuint (s->end_line, ==, 2);
  }
}

/* heading_end_line is the underline's line, wherever the heading is. */
static void
test_setext_heading_end_line (void)
{
  const struct {
    const char *text;
    guint       heading;
    guint       heading_line;
    guint       heading_end_line;
  } cases[] = {
    { "Title\n=====\n\ntext\n", 0, 1, 2 },
    { "Title\n=====\n\ntext\n\nSub\n---\nbody\n", 1, 6, 7 },
    { "Line one\nline two\n===\n\nafter\n", 0, 1, 3 },
    { "Line one\nline two\n===\n", 0, 1, 3 },
    { "A\n===\n# B\n", 0, 1, 2 },
    { "A\r\n---\r\ntext\r\n", 0, 1, 2 },
    { "# ATX\ntext\n", 0, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (cases[i].text, -1);
      SpecSection *s = section_at (snapshot, cases[i].heading);

      g_test_message ("case %u", i);
      g_assert_cmpuint (s->heading_line, ==, cases[i].heading_line);
      g_assert_cmpuint (s->heading_end_line, ==, cases[i].heading_end_line);
      /* The heading is part of its own part of the section. */
      g_assert_cmpuint (s->heading_end_line, <=, s->body_end_line);
    }
}

/* The blocks' line ranges do not overlap: a setext heading ends on its
 * underline, not on the next block's first line. */
static void
test_blocks_do_not_overlap (void)
{
  const char *text = "Title\n=====\ntext right after\n\nSub\n---\n# ATX\n";
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  guint n_blocks = spec_snapshot_get_n_blocks (snapshot);

  g_assert_cmpuint (n_blocks, ==, 4);
  g_assert_cmpuint (spec_snapshot_get_block (snapshot, 0)->start_line, ==, 1);
  g_assert_cmpuint (spec_snapshot_get_block (snapshot, 1)->start_line, ==, 3);
  g_assert_cmpuint (spec_snapshot_get_block (snapshot, 2)->start_line, ==, 5);
  g_assert_cmpuint (spec_snapshot_get_block (snapshot, 3)->start_line, ==, 7);

  for (guint i = 1; i < n_blocks; i++)
    {
      const SpecBlock *prev = spec_snapshot_get_block (snapshot, i - 1);
      const SpecBlock *block = spec_snapshot_get_block (snapshot, i);

      g_test_message ("blocks %u and %u", i - 1, i);
      g_assert_cmpuint (prev->end_line, <, block->start_line);
    }
}

static void
test_inline_markup (void)
{
  const struct {
    const char *text;
    const char *title;
    gboolean    same_as_cmark_plaintext;
  } cases[] = {
    { "# The **bold** and *em* of `code` [link](http://x) ![img](y.png)\n",
      "The bold and em of code link img", TRUE },
    { "## A <span>span</span> &amp; &copy; \\*stars\\*\n", "A span & © *stars*", TRUE },
    { "# `a  b`   and\tspaces  \n", "a b and spaces", TRUE },
    { "# Visit www.example.com or <https://example.org>\n",
      "Visit www.example.com or https://example.org", TRUE },
    { "# [Reference][ref]\n\n[ref]: http://example.com\n", "Reference", TRUE },
    { "# A&nbsp;B\n", "A\xC2\xA0" "B", TRUE },
    /* Where the core strips more than cmark's plain text renderer, which
     * keeps one '~' of each strikethrough delimiter and writes footnote
     * references as "[^1]": a title holds the words only. */
    { "# ~~old~~ new\n", "old new", FALSE },
    { "# Title[^1]\n\n[^1]: The note.\n", "Title", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (cases[i].text, -1);
      g_autoptr(GPtrArray) expected = expected_outline_compute (cases[i].text, strlen (cases[i].text));
      const ExpectedHeading *e;

      g_test_message ("case %u", i);
      g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 1);
      g_assert_cmpuint (expected->len, ==, 1);
      g_assert_cmpstr (section_at (snapshot, 0)->title, ==, cases[i].title);

      e = g_ptr_array_index (expected, 0);
      if (cases[i].same_as_cmark_plaintext)
        g_assert_cmpstr (e->title, ==, cases[i].title);
      else
        g_assert_cmpstr (e->title, !=, cases[i].title);
    }
}

static void
test_atx_closing_sequence (void)
{
  const struct {
    const char *text;
    guint       level;
    const char *title;
  } cases[] = {
    { "## Title ##\n", 2, "Title" },
    { "# Title #####   \n", 1, "Title" },
    { "### Title #\r\n", 3, "Title" },
    { "# Title#\n", 1, "Title#" },
    { "# Title \\#\n", 1, "Title #" },
    { "   ###### Six ######\n", 6, "Six" },
    { "#\n", 1, "" },
    { "## ##\n", 2, "" },
  };
  const char * const not_headings[] = {
    "#5 bolt\n",
    "####### seven\n",
    "    # indented code\n",
    "\\# escaped\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = check_document (cases[i].text, strlen (cases[i].text));

      g_test_message ("case %u", i);
      g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 1);
      g_assert_cmpuint (section_at (snapshot, 0)->level, ==, cases[i].level);
      g_assert_cmpstr (section_at (snapshot, 0)->title, ==, cases[i].title);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_headings); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = check_document (not_headings[i], strlen (not_headings[i]));

      g_test_message ("not a heading %u", i);
      g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 0);
    }
}

static void
test_nested_headings_are_not_sections (void)
{
  const char *text =
    "# Real\n"                 /*  1 */
    "\n"                       /*  2 */
    "```\n"                    /*  3 */
    "# in a fence\n"           /*  4 */
    "```\n"                    /*  5 */
    "\n"                       /*  6 */
    "~~~python\n"              /*  7 */
    "# comment\n"              /*  8 */
    "~~~\n"                    /*  9 */
    "\n"                       /* 10 */
    "    # indented code\n"    /* 11 */
    "\n"                       /* 12 */
    "> # Quoted\n"             /* 13 */
    "> ## Quoted too\n"        /* 14 */
    "\n"                       /* 15 */
    "- # Item\n"               /* 16 */
    "\n"                       /* 17 */
    "1. ## Numbered\n"         /* 18 */
    "\n"                       /* 19 */
    "<div>\n"                  /* 20 */
    "# in html\n"              /* 21 */
    "</div>\n"                 /* 22 */
    "\n"                       /* 23 */
    "## Real two\n"            /* 24 */
    "text\n";                  /* 25 */
  g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
  SpecSection *real = section_at (snapshot, 0);
  SpecSection *two = section_at (snapshot, 1);

  g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 2);
  g_assert_cmpstr (real->title, ==, "Real");
  g_assert_cmpuint (real->heading_line, ==, 1);
  g_assert_cmpuint (real->body_end_line, ==, 23);
  g_assert_cmpuint (real->end_line, ==, 25);
  g_assert_cmpstr (two->title, ==, "Real two");
  g_assert_cmpuint (two->heading_line, ==, 24);
  g_assert_true (two->parent == real);

  for (guint line = 2; line <= 23; line++)
    g_assert_true (spec_snapshot_get_section_at_line (snapshot, line) == real);
}

static void
test_crlf (void)
{
  const char *text = "# A\r\ntext\r\n## B\r\nmore\r\n";
  g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
  const SpecLineIndex *index = spec_snapshot_get_line_index (snapshot);
  SpecSection *a = section_at (snapshot, 0);
  SpecSection *b = section_at (snapshot, 1);

  g_assert_cmpuint (strlen (text), ==, 23);
  g_assert_cmpuint (spec_snapshot_get_n_lines (snapshot), ==, 4);
  g_assert_cmpuint (spec_line_index_line_start (index, 2), ==, 5);
  g_assert_cmpuint (spec_line_index_line_start (index, 3), ==, 11);
  g_assert_cmpuint (spec_line_index_line_start (index, 4), ==, 17);
  g_assert_cmpuint (spec_line_index_line_end (index, 4), ==, 23);

  g_assert_cmpstr (a->title, ==, "A");
  g_assert_cmpuint (a->heading_line, ==, 1);
  g_assert_cmpuint (a->heading_end_line, ==, 1);
  g_assert_cmpuint (a->body_end_line, ==, 2);
  g_assert_cmpuint (a->end_line, ==, 4);
  g_assert_cmpuint (a->start_offset, ==, 0);
  g_assert_cmpuint (a->end_offset, ==, 23);

  g_assert_cmpstr (b->title, ==, "B");
  g_assert_cmpuint (b->heading_line, ==, 3);
  g_assert_cmpuint (b->end_line, ==, 4);
  g_assert_cmpuint (b->start_offset, ==, 11);
  g_assert_cmpuint (b->end_offset, ==, 23);
  g_assert_true (memcmp (text + b->start_offset, "## B\r\n", 6) == 0);
}

static void
test_lone_cr (void)
{
  const char *text = "# A\rtext\r## B\rmore";
  g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
  SpecSection *a = section_at (snapshot, 0);
  SpecSection *b = section_at (snapshot, 1);

  g_assert_cmpuint (spec_snapshot_get_n_lines (snapshot), ==, 4);
  g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, ==, 2);
  g_assert_cmpstr (a->title, ==, "A");
  g_assert_cmpuint (a->body_end_line, ==, 2);
  g_assert_cmpuint (a->end_offset, ==, 18);
  g_assert_cmpstr (b->title, ==, "B");
  g_assert_cmpuint (b->heading_line, ==, 3);
  g_assert_cmpuint (b->start_offset, ==, 9);
  g_assert_cmpuint (b->end_offset, ==, 18);

  {
    /* Mixed endings: "\r\n", "\n", "\r", "\n", none. */
    const char *mixed = "# A\r\n\n## B\rx\n# C";
    g_autoptr(SpecSnapshot) m = check_document (mixed, strlen (mixed));

    g_assert_cmpuint (spec_snapshot_get_n_lines (m), ==, 5);
    g_assert_cmpuint (spec_snapshot_get_sections (m)->len, ==, 3);
    g_assert_cmpuint (section_at (m, 1)->heading_line, ==, 3);
    g_assert_cmpuint (section_at (m, 1)->start_offset, ==, 6);
    g_assert_cmpuint (section_at (m, 1)->end_offset, ==, 13);
    g_assert_cmpuint (section_at (m, 2)->heading_line, ==, 5);
    g_assert_cmpuint (section_at (m, 2)->start_offset, ==, 13);
    g_assert_cmpuint (section_at (m, 0)->end_line, ==, 4);
  }
}

static void
test_unicode (void)
{
  const char *first = "# Überblick — 日本語 ✓\n\nText\n";
  g_autofree char *text = g_strconcat (first, "## Ünter — ✓\n", NULL);
  g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
  SpecSection *a = section_at (snapshot, 0);
  SpecSection *b = section_at (snapshot, 1);

  g_assert_cmpstr (a->title, ==, "Überblick — 日本語 ✓");
  g_assert_cmpstr (b->title, ==, "Ünter — ✓");
  g_assert_cmpuint (b->start_offset, ==, strlen (first));
  g_assert_cmpuint (a->end_offset, ==, strlen (text));

  {
    /* A byte order mark is not part of the first line's heading. */
    const char *bom = "\xEF\xBB\xBF# Title\n";
    g_autoptr(SpecSnapshot) s = check_document (bom, strlen (bom));

    g_assert_cmpuint (spec_snapshot_get_sections (s)->len, ==, 1);
    g_assert_cmpstr (section_at (s, 0)->title, ==, "Title");
    g_assert_cmpuint (section_at (s, 0)->heading_line, ==, 1);
    g_assert_cmpuint (section_at (s, 0)->start_offset, ==, 0);
  }
}

static void
test_section_at_line (void)
{
  const char *text =
    "preamble\n"   /*  1 */
    "\n"           /*  2 */
    "# A\n"        /*  3 */
    "a body\n"     /*  4 */
    "## B\n"       /*  5 */
    "b body\n"     /*  6 */
    "### C\n"      /*  7 */
    "c body\n"     /*  8 */
    "c more\n"     /*  9 */
    "## D\n"       /* 10 */
    "last";        /* 11 */
  g_autoptr(SpecSnapshot) snapshot = check_document (text, strlen (text));
  SpecSection *a = section_at (snapshot, 0);
  SpecSection *b = section_at (snapshot, 1);
  SpecSection *c = section_at (snapshot, 2);
  SpecSection *d = section_at (snapshot, 3);

  g_assert_cmpuint (spec_snapshot_get_n_lines (snapshot), ==, 11);
  g_assert_null (spec_snapshot_get_section_at_line (snapshot, 0));
  g_assert_null (spec_snapshot_get_section_at_line (snapshot, 1));
  g_assert_null (spec_snapshot_get_section_at_line (snapshot, 2));
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 3) == a);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 4) == a);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 5) == b);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 6) == b);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 7) == c);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 8) == c);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 9) == c);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 10) == d);
  g_assert_true (spec_snapshot_get_section_at_line (snapshot, 11) == d);

  g_assert_true (c->parent == b);
  g_assert_true (b->parent == a);
  g_assert_true (d->parent == a);
  g_assert_cmpuint (a->end_line, ==, 11);
  g_assert_cmpuint (b->end_line, ==, 9);
  g_assert_cmpuint (c->end_line, ==, 9);
  g_assert_cmpuint (d->end_line, ==, 11);
}

/* ------------------------------------------------------------------ */
/* Line index                                                         */
/* ------------------------------------------------------------------ */

static void
assert_line_index (const char  *text,
                   gsize        len,
                   guint        n_lines,
                   const gsize *starts)
{
  g_autoptr(SpecLineIndex) index = spec_line_index_new (text, len);

  g_assert_cmpuint (spec_line_index_get_n_lines (index), ==, n_lines);
  g_assert_cmpuint (spec_line_index_get_length (index), ==, len);

  for (guint line = 1; line <= n_lines; line++)
    {
      gsize end = line < n_lines ? starts[line] : len;

      g_assert_cmpuint (spec_line_index_line_start (index, line), ==, starts[line - 1]);
      g_assert_cmpuint (spec_line_index_line_end (index, line), ==, end);
    }

  /* Past the last line: the length, so [start (a), start (b)) works. */
  g_assert_cmpuint (spec_line_index_line_start (index, n_lines + 1), ==, len);
  g_assert_cmpuint (spec_line_index_line_start (index, n_lines + 7), ==, len);
  g_assert_cmpuint (spec_line_index_line_end (index, n_lines + 1), ==, len);
}

#define ASSERT_LINES(text, n, ...) \
  G_STMT_START { \
    const gsize starts_[] = { __VA_ARGS__ }; \
    g_autofree char *escaped_ = g_strescape (text, NULL); \
    g_test_message ("line index of \"%s\"", escaped_); \
    assert_line_index (text, sizeof (text) - 1, n, starts_); \
  } G_STMT_END

static void
test_line_index (void)
{
  ASSERT_LINES ("", 0, 0);
  ASSERT_LINES ("a", 1, 0);
  ASSERT_LINES ("a\n", 1, 0);
  ASSERT_LINES ("a\nb", 2, 0, 2);
  ASSERT_LINES ("a\r\nb\r\n", 2, 0, 3);
  ASSERT_LINES ("a\rb", 2, 0, 2);
  ASSERT_LINES ("\n\n", 2, 0, 1);
  ASSERT_LINES ("\n", 1, 0);
  ASSERT_LINES ("\r", 1, 0);
  ASSERT_LINES ("\r\n", 1, 0);
  ASSERT_LINES ("\r\r\n", 2, 0, 1);
  ASSERT_LINES ("\n\r", 2, 0, 1);
  ASSERT_LINES ("a\n\rb", 3, 0, 2, 3);
  ASSERT_LINES ("ab\r\r\rcd\r\n\ne", 6, 0, 3, 4, 5, 9, 10);
  ASSERT_LINES ("é\r\n日本\n", 2, 0, 4);
}

/* The memchr-based index agrees with a byte loop on random texts. */
static void
test_line_index_random (void)
{
  static const char alphabet[] = { 'a', '\r', '\n', 'b' };

  for (guint round = 0; round < 5000; round++)
    {
      gsize len = g_test_rand_int_range (0, 24);
      g_autofree char *text = g_malloc (len + 1);
      g_autoptr(GArray) starts = NULL;

      for (gsize i = 0; i < len; i++)
        text[i] = alphabet[g_test_rand_int_range (0, G_N_ELEMENTS (alphabet))];
      text[len] = '\0';

      starts = expected_line_starts (text, len);
      assert_line_index (text, len, starts->len, (const gsize *) (gpointer) starts->data);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check marks its test failed and lets the others run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/outline/seeds", test_seeds);
  g_test_add_func ("/outline/corpus", test_corpus);
  g_test_add_func ("/outline/synthetic-ranges", test_synthetic);
  g_test_add_func ("/outline/empty", test_empty);
  g_test_add_func ("/outline/no-headings", test_no_headings);
  g_test_add_func ("/outline/skipped-levels", test_skipped_levels);
  g_test_add_func ("/outline/setext", test_setext);
  g_test_add_func ("/outline/setext-heading-end-line", test_setext_heading_end_line);
  g_test_add_func ("/outline/blocks-do-not-overlap", test_blocks_do_not_overlap);
  g_test_add_func ("/outline/inline-markup", test_inline_markup);
  g_test_add_func ("/outline/atx-closing-sequence", test_atx_closing_sequence);
  g_test_add_func ("/outline/nested-headings-are-not-sections", test_nested_headings_are_not_sections);
  g_test_add_func ("/outline/crlf", test_crlf);
  g_test_add_func ("/outline/lone-cr", test_lone_cr);
  g_test_add_func ("/outline/unicode", test_unicode);
  g_test_add_func ("/outline/section-at-line", test_section_at_line);
  g_test_add_func ("/line-index/cases", test_line_index);
  g_test_add_func ("/line-index/random", test_line_index_random);

  return g_test_run ();
}
