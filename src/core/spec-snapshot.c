/* spec-snapshot.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-block-fingerprint.h"
#include "spec-markdown.h"
#include "spec-segment.h"
#include "spec-snapshot.h"
#include "spec-trace.h"

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
  GStrv          required;  /* a template's: titles listed as required */

  /* A large document is parsed in segments (see spec-segment.c), and then
   * @document is NULL. */
  GPtrArray     *segments;         /* SpecSegment */
  GArray        *segment_ranges;   /* SpecSegmentRange, one per segment */
  guint64        definitions_hash;
  guint          n_parsed_segments;   /* not reused from the previous */
  guint          whole : 1;           /* never in segments */
};

G_DEFINE_FINAL_TYPE (SpecSnapshot, spec_snapshot, G_TYPE_OBJECT)

/* Below this size freeing is quick enough to do at once. */
#define SPEC_SNAPSHOT_FREE_IN_THREAD_SIZE (256 * 1024)

/* From this size a document is parsed in segments of about this size, so
 * that an edit parses one segment again rather than the whole text. */
#define SPEC_SNAPSHOT_SEGMENTED_SIZE (32 * 1024)
#define SPEC_SNAPSHOT_SEGMENT_SIZE   (8 * 1024)

/* What a snapshot owns, to be freed together. */
typedef struct
{
  char          *text;
  cmark_node    *document;
  SpecLineIndex *lines;
  SpecOutline   *outline;
  GArray        *blocks;
  SpecReport    *report;
  GPtrArray     *segments;
  GArray        *segment_ranges;
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
  g_clear_pointer (&parts->segments, g_ptr_array_unref);
  g_clear_pointer (&parts->segment_ranges, g_array_unref);
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
  parts->segments = g_steal_pointer (&self->segments);
  parts->segment_ranges = g_steal_pointer (&self->segment_ranges);
  g_strfreev (self->required);

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

/* The document parsed whole, in one tree. */
static void
spec_snapshot_parse_whole (SpecSnapshot *self)
{
  guint footnote_number = 0;

  self->document = spec_markdown_parse (self->text, self->len);

  self->blocks = g_array_sized_new (FALSE, FALSE, sizeof (SpecBlock), 64 + self->len / 64);
  for (cmark_node *node = cmark_node_first_child (self->document);
       node != NULL;
       node = cmark_node_next (node))
    {
      SpecBlock block = {
        .node = node,
        .type = cmark_node_get_type (node),
        .start_line = (guint) cmark_node_get_start_line (node),
        .end_line = spec_outline_block_end_line (node, 0, self->text, self->lines),
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
          block.budget = spec_block_budget_check (node, end - start);
        }

      g_array_append_val (self->blocks, block);
    }
}

/* The previous snapshot's segment with this text and hash, if any. */
static SpecSegment *
find_reusable_segment (SpecSnapshot *self,
                       SpecSnapshot *previous,
                       GHashTable   *previous_segments,
                       gsize         start,
                       gsize         length,
                       guint64       hash)
{
  gpointer value;
  guint index;
  const SpecSegmentRange *range;

  if (previous_segments == NULL ||
      !g_hash_table_lookup_extended (previous_segments, &hash, NULL, &value))
    return NULL;

  index = GPOINTER_TO_UINT (value);
  range = &g_array_index (previous->segment_ranges, SpecSegmentRange, index);

  /* The hash names it; the bytes make sure. */
  if (range->length != length || memcmp (previous->text + range->start, self->text + start, length) != 0)
    return NULL;

  return spec_segment_ref (g_ptr_array_index (previous->segments, index));
}

/* The document parsed in segments, those of @previous reused where their
 * text is unchanged.  FALSE if the document is to be parsed whole. */
static gboolean
spec_snapshot_parse_segments (SpecSnapshot *self,
                              SpecSnapshot *previous)
{
  g_autoptr(GString) definitions = g_string_new (NULL);
  g_autoptr(GHashTable) previous_segments = NULL;
  g_autofree guint64 *previous_hashes = NULL;
  GArray *ranges;

  ranges = spec_segment_split (self->text, self->len, SPEC_SNAPSHOT_SEGMENT_SIZE, definitions);
  if (ranges == NULL)
    return FALSE;

  self->segment_ranges = ranges;
  self->segments = g_ptr_array_new_full (ranges->len, (GDestroyNotify) spec_segment_unref);
  self->definitions_hash = spec_segment_hash (definitions->str, definitions->len, 0);

  if (previous != NULL && previous->segments != NULL &&
      previous->definitions_hash == self->definitions_hash)
    {
      previous_segments = g_hash_table_new (g_int64_hash, g_int64_equal);
      previous_hashes = g_new (guint64, previous->segments->len);
      for (guint i = 0; i < previous->segments->len; i++)
        {
          previous_hashes[i] = spec_segment_get_hash (g_ptr_array_index (previous->segments, i));
          g_hash_table_insert (previous_segments, &previous_hashes[i], GUINT_TO_POINTER (i));
        }
    }

  self->blocks = g_array_sized_new (FALSE, FALSE, sizeof (SpecBlock), 64 + self->len / 64);

  for (guint i = 0; i < ranges->len; i++)
    {
      const SpecSegmentRange *range = &g_array_index (ranges, SpecSegmentRange, i);
      guint64 hash = spec_segment_hash (self->text + range->start, range->length, self->definitions_hash);
      SpecSegment *segment;
      int line_offset;

      segment = find_reusable_segment (self, previous, previous_segments,
                                       range->start, range->length, hash);
      if (segment == NULL)
        {
          segment = spec_segment_new (self->text + range->start, range->length,
                                      definitions->str, definitions->len, hash);
          self->n_parsed_segments++;
        }
      g_ptr_array_add (self->segments, segment);

      /* Node lines are the parse's, which began with the definitions. */
      line_offset = (int) range->first_line - 1 - spec_segment_get_line_shift (segment);

      for (guint j = 0; j < spec_segment_get_n_blocks (segment); j++)
        {
          const SpecSegmentBlock *segment_block = spec_segment_get_block (segment, j);
          SpecBlock block = {
            .node = segment_block->node,
            .type = segment_block->type,
            .fingerprint = segment_block->fingerprint,
            .shows_images = segment_block->shows_images,
            .budget = segment_block->budget,
            .line_offset = line_offset,
          };

          /* A block without a position keeps none. */
          if (segment_block->start_line > 0)
            {
              block.start_line = range->first_line + segment_block->start_line - 1;
              block.end_line = range->first_line + segment_block->end_line - 1;
            }

          g_array_append_val (self->blocks, block);
        }
    }

  return TRUE;
}

static void
spec_snapshot_build (SpecSnapshot *self,
                     SpecSnapshot *template_snapshot,
                     SpecSnapshot *previous)
{
  gboolean segments = FALSE;

  SPEC_TRACE ("snapshot-start", "%zu bytes", self->len);
  self->lines = spec_line_index_new (self->text, self->len);
  SPEC_TRACE ("snapshot-lines", "%u lines", spec_line_index_get_n_lines (self->lines));

  /* The one walk over the document's top-level nodes: everything after
   * reads the block array instead. */
  if (!self->whole && self->len >= SPEC_SNAPSHOT_SEGMENTED_SIZE)
    segments = spec_snapshot_parse_segments (self, previous);
  if (!segments)
    spec_snapshot_parse_whole (self);
  SPEC_TRACE ("snapshot-parse", "%u blocks, %s", self->blocks->len, segments ? "by segments" : "whole");

  self->outline = spec_outline_new ((const SpecBlock *) (gpointer) self->blocks->data, self->blocks->len,
                                    self->text, self->lines);
  SPEC_TRACE ("snapshot-outline", "%u sections", self->outline->sections->len);

  if (template_snapshot != NULL)
    {
      SpecTemplateView view = {
        .sections = template_snapshot->outline->sections,
        .report = template_snapshot->report,
        .text = template_snapshot->text,
        .length = template_snapshot->len,
        .required = (const char * const *) template_snapshot->required,
      };

      self->report = spec_report_build (self->blocks, self->text, self->len,
                                        self->lines, self->outline->sections, &view);
    }
  else
    {
      self->report = spec_report_build (self->blocks, self->text, self->len,
                                        self->lines, self->outline->sections, NULL);
    }
  SPEC_TRACE ("snapshot-report", NULL);
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
  spec_snapshot_build (self, NULL, NULL);

  return self;
}

/**
 * spec_snapshot_new_whole:
 *
 * Like spec_snapshot_new(), but parses the text in one piece whatever its
 * size: what a segmented parse must agree with, for tests.
 */
SpecSnapshot *
spec_snapshot_new_whole (const char *text,
                         gssize      len)
{
  SpecSnapshot *self;

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  self = g_object_new (SPEC_TYPE_SNAPSHOT, NULL);
  self->text = g_strndup (text, len);
  self->len = len;
  self->whole = TRUE;
  spec_snapshot_build (self, NULL, NULL);

  return self;
}

/**
 * spec_snapshot_get_n_segments:
 * @n_parsed: (out) (optional): how many of them this snapshot parsed, the
 *   others being reused from the snapshot it was built after
 *
 * Returns: how many segments the document was parsed in; 0 if it was
 *   parsed whole
 */
guint
spec_snapshot_get_n_segments (SpecSnapshot *self,
                              guint        *n_parsed)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), 0);

  if (n_parsed != NULL)
    *n_parsed = self->n_parsed_segments;

  return self->segments != NULL ? self->segments->len : 0;
}

/**
 * spec_snapshot_new_take_after:
 * @text: (transfer full): UTF-8 Markdown, owned by the snapshot from now on
 * @len: length of @text in bytes
 * @previous: (nullable): the snapshot of the same document before an edit
 *
 * Like spec_snapshot_new_take(), but a large document reuses what
 * @previous parsed of the parts of the text that did not change.  The
 * result is the same as without @previous.  Safe to call on a worker
 * thread while @previous is read elsewhere: it only reads it.
 */
SpecSnapshot *
spec_snapshot_new_take_after (char         *text,
                              gsize         len,
                              SpecSnapshot *previous)
{
  return spec_snapshot_new_take_full (text, len, previous, NULL);
}

/**
 * spec_snapshot_new_take_full:
 * @previous: (nullable): as for spec_snapshot_new_take_after()
 * @template_snapshot: (nullable): as for spec_snapshot_new_for_template()
 *
 * Both at once: a document's new text, after an edit, checked against the
 * template it was written from.
 */
SpecSnapshot *
spec_snapshot_new_take_full (char         *text,
                             gsize         len,
                             SpecSnapshot *previous,
                             SpecSnapshot *template_snapshot)
{
  SpecSnapshot *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (previous == NULL || SPEC_IS_SNAPSHOT (previous), NULL);
  g_return_val_if_fail (template_snapshot == NULL || SPEC_IS_SNAPSHOT (template_snapshot), NULL);

  self = g_object_new (SPEC_TYPE_SNAPSHOT, NULL);
  self->text = text;
  self->len = len;
  spec_snapshot_build (self, template_snapshot, previous);

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

/**
 * spec_snapshot_get_document:
 *
 * Returns: (transfer none) (nullable): the cmark-gfm document, or %NULL
 *   for a large document parsed in segments: read its blocks instead
 */
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

/* spec_snapshot_find_block() among blocks @from to @to, looking at each,
 * with @found the best block after @line so far. */
static guint
find_block_among (SpecSnapshot *self,
                  guint         from,
                  guint         to,
                  guint         line,
                  guint         found)
{
  guint found_start = found != G_MAXUINT ? spec_snapshot_get_block (self, found)->start_line : G_MAXUINT;

  for (guint i = from; i < to; i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (self, i);

      if (block->start_line == 0)
        continue;

      if (block->start_line <= line && line <= block->end_line)
        return i;

      if (block->start_line > line && block->start_line < found_start)
        {
          found = i;
          found_start = block->start_line;
        }
    }

  return found;
}

/**
 * spec_snapshot_find_block:
 * @line: a line of the text (1-based)
 *
 * In O(log n), as scrolling and typing look it up: top-level blocks come
 * in line order, but for the footnote definitions cmark-gfm moves to the
 * end, which are looked at one by one.
 *
 * Returns: the index of the top-level block holding @line or, if @line is
 *   between blocks (a blank line), of the first block after it; G_MAXUINT
 *   if there is none
 */
guint
spec_snapshot_find_block (SpecSnapshot *self,
                          guint         line)
{
  guint n_blocks;
  guint n_ordered;
  guint low = 0, high, found;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), G_MAXUINT);

  n_blocks = n_ordered = self->blocks->len;

  while (n_ordered > 0 &&
         spec_snapshot_get_block (self, n_ordered - 1)->type == CMARK_NODE_FOOTNOTE_DEFINITION)
    n_ordered--;

  /* The first ordered block that ends at or after @line. */
  high = n_ordered;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const SpecBlock *block = spec_snapshot_get_block (self, mid);

      if (block->start_line == 0)
        return find_block_among (self, 0, n_blocks, line, G_MAXUINT);

      if (block->end_line < line)
        low = mid + 1;
      else
        high = mid;
    }

  found = low < n_ordered ? low : G_MAXUINT;
  if (found != G_MAXUINT && spec_snapshot_get_block (self, found)->start_line <= line)
    return found;

  return find_block_among (self, n_ordered, n_blocks, line, found);
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
  spec_snapshot_build (self, template_snapshot, NULL);

  return self;
}

/**
 * spec_snapshot_new_template:
 * @required: (nullable) (array zero-terminated=1): the section titles
 *   the template's front matter lists as required
 *
 * A template's own snapshot: a document checked against it flags a
 * missing section as required when the template marks it
 * "(mandatory)" or lists it in @required.
 */
SpecSnapshot *
spec_snapshot_new_template (const char         *text,
                            gssize              len,
                            const char * const *required)
{
  SpecSnapshot *self = spec_snapshot_new (text, len);

  self->required = g_strdupv ((char **) required);

  return self;
}

/**
 * spec_snapshot_check_against:
 * @template_snapshot: a template's snapshot
 *
 * The report of this snapshot's text checked against another template
 * than its own ("Check Against Template…"), from the parse already
 * made: nothing is parsed again.
 *
 * Returns: (transfer full): the report
 */
SpecReport *
spec_snapshot_check_against (SpecSnapshot *self,
                             SpecSnapshot *template_snapshot)
{
  SpecTemplateView view;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (template_snapshot), NULL);

  view = (SpecTemplateView) {
    .sections = template_snapshot->outline->sections,
    .report = template_snapshot->report,
    .text = template_snapshot->text,
    .length = template_snapshot->len,
    .required = (const char * const *) template_snapshot->required,
  };

  return spec_report_build (self->blocks, self->text, self->len, self->lines, self->outline->sections, &view);
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
