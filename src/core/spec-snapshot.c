/* spec-snapshot.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-block-fingerprint.h"
#include "spec-markdown.h"
#include "spec-snapshot.h"

/* Everything here is computed once in the constructor and never changed,
 * so a snapshot built on a worker thread can be read from any thread. */
struct _SpecSnapshot
{
  GObject        parent_instance;

  char          *text;
  gsize          len;
  cmark_node    *document;
  SpecLineIndex *lines;
  SpecOutline   *outline;
  GArray        *blocks;    /* SpecBlock */
  SpecReport    *report;
};

G_DEFINE_FINAL_TYPE (SpecSnapshot, spec_snapshot, G_TYPE_OBJECT)

/* Below this size freeing is quick enough to do at once. */
#define SPEC_SNAPSHOT_FREE_IN_THREAD_SIZE (256 * 1024)

/* What a snapshot owns, to be freed together. */
typedef struct
{
  char          *text;
  cmark_node    *document;
  SpecLineIndex *lines;
  SpecOutline   *outline;
  GArray        *blocks;
  SpecReport    *report;
} SnapshotParts;

static void
snapshot_parts_free (gpointer data,
                     gpointer user_data)
{
  SnapshotParts *parts = data;

  g_clear_pointer (&parts->report, spec_report_free);
  g_clear_pointer (&parts->outline, spec_outline_free);
  g_clear_pointer (&parts->blocks, g_array_unref);
  g_clear_pointer (&parts->lines, spec_line_index_free);
  g_clear_pointer (&parts->document, cmark_node_free);
  g_clear_pointer (&parts->text, g_free);
  g_free (parts);
}

/* Freeing the parse of a 9 MB document takes a few hundred milliseconds,
 * and the last reference to a snapshot is usually dropped on the main
 * thread, as the views take the next one: large snapshots are freed on a
 * thread of their own.  One thread, so that freeing never competes with
 * parsing for more than one core. */
static void
free_parts_later (SnapshotParts *parts)
{
  static GThreadPool *pool;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      pool = g_thread_pool_new (snapshot_parts_free, NULL, 1, FALSE, NULL);
      g_once_init_leave (&initialized, 1);
    }

  if (pool == NULL || !g_thread_pool_push (pool, parts, NULL))
    snapshot_parts_free (parts, NULL);
}

static void
spec_snapshot_finalize (GObject *object)
{
  SpecSnapshot *self = (SpecSnapshot *)object;
  SnapshotParts *parts = g_new0 (SnapshotParts, 1);

  parts->text = g_steal_pointer (&self->text);
  parts->document = g_steal_pointer (&self->document);
  parts->lines = g_steal_pointer (&self->lines);
  parts->outline = g_steal_pointer (&self->outline);
  parts->blocks = g_steal_pointer (&self->blocks);
  parts->report = g_steal_pointer (&self->report);

  if (self->len >= SPEC_SNAPSHOT_FREE_IN_THREAD_SIZE)
    free_parts_later (parts);
  else
    snapshot_parts_free (parts, NULL);

  G_OBJECT_CLASS (spec_snapshot_parent_class)->finalize (object);
}

static void
spec_snapshot_class_init (SpecSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spec_snapshot_finalize;
}

static void
spec_snapshot_init (SpecSnapshot *self)
{
}

static void
spec_snapshot_build (SpecSnapshot *self,
                     SpecSnapshot *template_snapshot)
{
  guint footnote_number = 0;

  self->document = spec_markdown_parse (self->text, self->len);
  self->lines = spec_line_index_new (self->text, self->len);

  /* The one walk over the document's top-level nodes: everything after
   * reads this array instead. */
  self->blocks = g_array_sized_new (FALSE, FALSE, sizeof (SpecBlock), 64 + self->len / 64);
  for (cmark_node *node = cmark_node_first_child (self->document);
       node != NULL;
       node = cmark_node_next (node))
    {
      SpecBlock block = {
        .node = node,
        .type = cmark_node_get_type (node),
        .start_line = (guint) cmark_node_get_start_line (node),
        .end_line = spec_outline_block_end_line (node, self->text, self->lines),
      };

      /* cmark-gfm moves the referenced footnotes to the end, in the order
       * of their first reference: that order is their number. */
      if (block.type == CMARK_NODE_FOOTNOTE_DEFINITION)
        footnote_number++;
      else
        footnote_number = 0;

      if (block.start_line > 0)
        {
          gsize start = spec_line_index_line_start (self->lines, block.start_line);
          gsize end = spec_line_index_line_end (self->lines, block.end_line);

          block.fingerprint = spec_block_fingerprint (node, self->text + start, end - start,
                                                      footnote_number, &block.shows_images);
        }

      g_array_append_val (self->blocks, block);
    }

  self->outline = spec_outline_new ((const SpecBlock *) (gpointer) self->blocks->data, self->blocks->len,
                                    self->text, self->lines);

  if (template_snapshot != NULL)
    {
      SpecTemplateView view = {
        .sections = template_snapshot->outline->sections,
        .report = template_snapshot->report,
        .text = template_snapshot->text,
        .length = template_snapshot->len,
      };

      self->report = spec_report_build (self->document, self->blocks, self->text, self->len,
                                        self->lines, self->outline->sections, &view);
    }
  else
    {
      self->report = spec_report_build (self->document, self->blocks, self->text, self->len,
                                        self->lines, self->outline->sections, NULL);
    }
}

/**
 * spec_snapshot_new_take:
 * @text: (transfer full): UTF-8 Markdown, owned by the snapshot from now on
 * @len: length of @text in bytes
 *
 * Parses @text once and derives the outline and block list from that parse.
 * Safe to call on a worker thread.
 */
SpecSnapshot *
spec_snapshot_new_take (char  *text,
                        gsize  len)
{
  SpecSnapshot *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (SPEC_TYPE_SNAPSHOT, NULL);
  self->text = text;
  self->len = len;
  spec_snapshot_build (self, NULL);

  return self;
}

SpecSnapshot *
spec_snapshot_new (const char *text,
                   gssize      len)
{
  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  return spec_snapshot_new_take (g_strndup (text, len), len);
}

const char *
spec_snapshot_get_text (SpecSnapshot *self,
                        gsize        *len)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  if (len != NULL)
    *len = self->len;

  return self->text;
}

cmark_node *
spec_snapshot_get_document (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  return self->document;
}

const SpecLineIndex *
spec_snapshot_get_line_index (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  return self->lines;
}

guint
spec_snapshot_get_n_lines (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), 0);

  return spec_line_index_get_n_lines (self->lines);
}

/**
 * spec_snapshot_get_outline:
 *
 * Returns: (transfer none) (element-type SpecSection): the top-level sections
 */
GPtrArray *
spec_snapshot_get_outline (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  return self->outline->roots;
}

/**
 * spec_snapshot_get_sections:
 *
 * Returns: (transfer none) (element-type SpecSection): every section, in
 *   document order
 */
GPtrArray *
spec_snapshot_get_sections (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  return self->outline->sections;
}

/**
 * spec_snapshot_get_section_at_line:
 *
 * Returns: (nullable): the innermost section holding @line, or %NULL for
 *   the lines before the first heading
 */
const SpecSection *
spec_snapshot_get_section_at_line (SpecSnapshot *self,
                                   guint         line)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  return spec_outline_find_section (self->outline->sections, line);
}

guint
spec_snapshot_get_n_blocks (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), 0);

  return self->blocks->len;
}

/**
 * spec_snapshot_new_for_template:
 * @template_snapshot: the template's own snapshot
 *
 * Like spec_snapshot_new(), with the completeness report checked against
 * a template: the sections it lacks, and the template's bracketed tokens
 * left in code.
 */
SpecSnapshot *
spec_snapshot_new_for_template (const char   *text,
                                gssize        len,
                                SpecSnapshot *template_snapshot)
{
  SpecSnapshot *self;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (template_snapshot), NULL);

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  self = g_object_new (SPEC_TYPE_SNAPSHOT, NULL);
  self->text = g_strndup (text, len);
  self->len = len;
  spec_snapshot_build (self, template_snapshot);

  return self;
}

/**
 * spec_snapshot_get_report:
 *
 * Returns: (transfer none): what is still unfilled, per section and overall
 */
const SpecReport *
spec_snapshot_get_report (SpecSnapshot *self)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);

  return self->report;
}

const SpecBlock *
spec_snapshot_get_block (SpecSnapshot *self,
                         guint         index)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, SpecBlock, index);
}

/**
 * spec_snapshot_get_block_source:
 * @index: a block, as in spec_snapshot_get_block()
 * @len: (out): the length of the source in bytes
 *
 * Returns: (transfer none): the lines the block was parsed from, within
 *   the snapshot's text (not NUL-terminated); empty for a block without a
 *   source position
 */
const char *
spec_snapshot_get_block_source (SpecSnapshot *self,
                                guint         index,
                                gsize        *len)
{
  const SpecBlock *block;
  gsize start;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  g_return_val_if_fail (len != NULL, NULL);

  block = &g_array_index (self->blocks, SpecBlock, index);
  if (block->start_line == 0)
    {
      *len = 0;
      return self->text + self->len;
    }

  start = spec_line_index_line_start (self->lines, block->start_line);
  *len = spec_line_index_line_end (self->lines, block->end_line) - start;

  return self->text + start;
}
