/* spec-segment.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-block-fingerprint.h"
#include "spec-line-index.h"
#include "spec-markdown.h"
#include "spec-outline.h"
#include "spec-segment.h"
#include "spec-slot-scanner.h"

/* Parsing a 9 MB document takes half a second, too long to do after every
 * keystroke.  So a large document is cut into segments that parse exactly
 * as they would as part of the whole, and a new snapshot parses again only
 * the segments whose text changed.
 *
 * A segment starts at a level 1 or 2 ATX heading at the start of a line,
 * after a blank line, outside fenced code and outside the HTML blocks that
 * run until an end marker (comments, <script>, <pre>…).  Such a line ends
 * every paragraph, table, list, block quote and HTML block before it, so
 * nothing carries over into the segment but what the whole document
 * shares:
 *
 *  - link reference definitions, which may be used anywhere: each segment
 *    is parsed after a copy of the document's definitions, the first one
 *    of each label (the one that wins in the whole document).  Only
 *    definitions on one line of their own are copied: a document with
 *    one whose label, destination or title runs over lines is parsed
 *    whole;
 *  - footnotes, which cmark-gfm moves to the end and numbers across the
 *    document: a document that defines any is parsed whole.
 *
 * The splitter errs on the safe side: a line it cannot place makes it cut
 * less, never more.  tests/core/test-segment.c checks that segmented and
 * whole parses agree. */

struct _SpecSegment
{
  guint64     hash;
  gsize       length;
  int         line_shift;   /* parsed line - line_shift = segment line */
  cmark_node *root;
  GArray     *blocks;       /* SpecSegmentBlock */
};

/* Splitting */

typedef struct
{
  const char *text;
  gsize       start;
  gsize       end;      /* the line's end, before its "\n" */
} Line;

static gboolean
line_is_blank (const Line *line)
{
  for (gsize i = line->start; i < line->end; i++)
    {
      char c = line->text[i];

      if (c != ' ' && c != '\t' && c != '\r')
        return FALSE;
    }

  return TRUE;
}

/* The offset of the line's first character after up to three spaces, or
 * G_MAXSIZE if it is indented further (indented code, or a container's
 * content). */
static gsize
line_content_start (const Line *line)
{
  gsize p = line->start;

  while (p < line->end && p - line->start < 3 && line->text[p] == ' ')
    p++;

  if (p < line->end && (line->text[p] == ' ' || line->text[p] == '\t'))
    return G_MAXSIZE;

  return p;
}

/* "#" or "##" and then a space or the end of the line, at the very start. */
static gboolean
line_opens_segment (const Line *line)
{
  gsize p = line->start;
  guint n = 0;

  while (p < line->end && line->text[p] == '#' && n < 3)
    {
      p++;
      n++;
    }

  return (n == 1 || n == 2) &&
         (p == line->end || line->text[p] == ' ' || line->text[p] == '\t' || line->text[p] == '\r');
}

/* Whether a segment @size bytes long ends before the heading on @line.
 * Mostly by the heading's own text, so that an edit that moves text by a
 * few bytes moves no cut, and the segments after it are reused. */
static gboolean
cuts_here (const Line *line,
           gsize       size,
           gsize       min_size)
{
  if (size >= 2 * min_size)
    return TRUE;

  if (size < min_size / 2)
    return FALSE;

  return spec_fnv_hash (SPEC_FNV_OFFSET, line->text + line->start, line->end - line->start) % 4 == 0;
}

static gboolean
line_is_heading (const Line *line)
{
  gsize p = line_content_start (line);
  guint n = 0;

  if (p == G_MAXSIZE)
    return FALSE;

  while (p < line->end && line->text[p] == '#' && n < 7)
    {
      p++;
      n++;
    }

  return n >= 1 && n <= 6 &&
         (p == line->end || line->text[p] == ' ' || line->text[p] == '\t' || line->text[p] == '\r');
}

static gboolean
has_prefix_nocase (const Line *line,
                   gsize       p,
                   const char *prefix)
{
  gsize n = strlen (prefix);

  return line->end - p >= n && g_ascii_strncasecmp (line->text + p, prefix, n) == 0;
}

static gboolean
contains_nocase (const Line *line,
                 gsize       from,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (gsize p = from; p + n <= line->end; p++)
    {
      if (g_ascii_strncasecmp (line->text + p, needle, n) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The end marker of an HTML block that starts on @line and runs until a
 * marker (CommonMark's kinds 1 to 5), or NULL. */
static const char *
html_block_end (const Line *line,
                gsize       p)
{
  static const char * const tags[] = { "script", "pre", "style", "textarea" };
  static const char * const ends[] = { "</script>", "</pre>", "</style>", "</textarea>" };

  if (p >= line->end || line->text[p] != '<')
    return NULL;

  if (has_prefix_nocase (line, p, "<!--"))
    return "-->";
  if (has_prefix_nocase (line, p, "<?"))
    return "?>";
  if (has_prefix_nocase (line, p, "<![CDATA["))
    return "]]>";
  if (p + 2 < line->end && line->text[p + 1] == '!' && g_ascii_isalpha (line->text[p + 2]))
    return ">";

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      gsize after = p + 1 + strlen (tags[i]);

      if (has_prefix_nocase (line, p + 1, tags[i]) &&
          (after == line->end || line->text[after] == ' ' || line->text[after] == '\t' ||
           line->text[after] == '>' || line->text[after] == '\r'))
        return ends[i];
    }

  return NULL;
}

/* The run of fence characters opening a fenced code block on @line. */
static guint
fence_length (const Line *line,
              gsize       p,
              char       *fence_char)
{
  guint n = 0;
  char c;

  if (p >= line->end || (line->text[p] != '`' && line->text[p] != '~'))
    return 0;

  c = line->text[p];
  while (p + n < line->end && line->text[p + n] == c)
    n++;

  if (n < 3)
    return 0;

  /* A backtick fence's info string has no backtick. */
  if (c == '`' && memchr (line->text + p + n, '`', line->end - p - n) != NULL)
    return 0;

  *fence_char = c;

  return n;
}

static gboolean
closes_fence (const Line *line,
              char        fence_char,
              guint       fence_len)
{
  gsize p = line_content_start (line);
  guint n = 0;

  if (p == G_MAXSIZE)
    return FALSE;

  while (p < line->end && line->text[p] == fence_char)
    {
      p++;
      n++;
    }

  if (n < fence_len)
    return FALSE;

  for (; p < line->end; p++)
    {
      if (line->text[p] != ' ' && line->text[p] != '\t' && line->text[p] != '\r')
        return FALSE;
    }

  return TRUE;
}

/* Past block quote markers and list item markers, to where a definition
 * could start; @opened tells whether a container opened on this line (so
 * that a paragraph starts there). */
static gsize
skip_container_markers (const Line *line,
                        gboolean   *opened)
{
  gsize p = line->start;

  *opened = FALSE;

  for (;;)
    {
      gsize q = p;

      while (q < line->end && q - p < 3 && line->text[q] == ' ')
        q++;

      if (q < line->end && line->text[q] == '>')
        {
          p = q + 1;
          if (p < line->end && line->text[p] == ' ')
            p++;
          *opened = TRUE;
          continue;
        }

      if (q + 1 < line->end && strchr ("-*+", line->text[q]) != NULL &&
          (line->text[q + 1] == ' ' || line->text[q + 1] == '\t'))
        {
          p = q + 2;
          *opened = TRUE;
          continue;
        }

      if (q < line->end && g_ascii_isdigit (line->text[q]))
        {
          gsize r = q;

          while (r < line->end && r - q < 9 && g_ascii_isdigit (line->text[r]))
            r++;

          if (r + 1 < line->end && (line->text[r] == '.' || line->text[r] == ')') &&
              (line->text[r + 1] == ' ' || line->text[r + 1] == '\t'))
            {
              p = r + 2;
              *opened = TRUE;
              continue;
            }
        }

      return q;
    }
}

typedef enum {
  NOT_A_DEFINITION,
  LINK_DEFINITION,
  FOOTNOTE_DEFINITION,
  MAYBE_A_DEFINITION,   /* spread over lines: not read here */
} DefinitionKind;

/* "[label]: destination" from @p, with the label's bounds. */
static DefinitionKind
find_definition (const Line *line,
                 gsize       p,
                 gsize      *label_start,
                 gsize      *label_end)
{
  gsize q;

  if (p >= line->end || line->text[p] != '[')
    return NOT_A_DEFINITION;

  for (q = p + 1; q < line->end && line->text[q] != ']' && line->text[q] != '['; q++)
    {
      if (line->text[q] == '\\')
        q++;
    }

  /* A label that goes on on the next line. */
  if (q >= line->end)
    return MAYBE_A_DEFINITION;

  if (q + 1 >= line->end || line->text[q] != ']' || line->text[q + 1] != ':' || q == p + 1)
    return NOT_A_DEFINITION;

  if (line->text[p + 1] == '^')
    return FOOTNOTE_DEFINITION;

  /* The destination on the same line, as definitions in specs have it. */
  for (gsize r = q + 2; r < line->end; r++)
    {
      if (line->text[r] != ' ' && line->text[r] != '\t' && line->text[r] != '\r')
        {
          *label_start = p + 1;
          *label_end = q;
          return LINK_DEFINITION;
        }
    }

  /* The destination on the next line. */
  return MAYBE_A_DEFINITION;
}

/**
 * spec_segment_split:
 * @text: a whole document
 * @length: its length in bytes
 * @min_size: the usual length of a segment, in bytes: it is cut at a
 *   heading between half and twice that
 * @definitions: where the document's link reference definitions are
 *   appended, one per line and one per label, then a blank line
 *
 * Returns: (transfer full) (nullable): the segments, as SpecSegmentRange,
 *   or %NULL if @text is to be parsed whole: it defines footnotes, or it
 *   makes one segment only
 */
GArray *
spec_segment_split (const char *text,
                    gsize       length,
                    gsize       min_size,
                    GString    *definitions)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (SpecSegmentRange));
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SpecSegmentRange current = { 0, 0, 1 };
  const char *html_end = NULL;
  gboolean previous_defined = FALSE;
  gboolean previous_blank = TRUE;
  gboolean previous_heading = FALSE;
  char fence_char = 0;
  guint fence_len = 0;
  guint line_number = 1;
  gsize i = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (definitions != NULL, NULL);

  while (i < length)
    {
      const char *nl = memchr (text + i, '\n', length - i);
      Line line = { text, i, nl != NULL ? (gsize) (nl - text) : length };
      gsize next = nl != NULL ? line.end + 1 : length;
      gboolean blank = line_is_blank (&line);
      gboolean opened;
      gsize content;
      gsize label_start;
      gsize label_end;

      /* A definition's title may continue on the next line: the copy
       * would lose it. */
      if (previous_defined)
        {
          gsize p = line_content_start (&line);

          previous_defined = FALSE;
          if (p != G_MAXSIZE && p < line.end && strchr ("\"'(", line.text[p]) != NULL)
            return NULL;
        }

      if (fence_len > 0)
        {
          if (closes_fence (&line, fence_char, fence_len))
            fence_len = 0;
          previous_blank = FALSE;
          previous_heading = FALSE;
          goto next_line;
        }

      if (html_end != NULL)
        {
          if (contains_nocase (&line, line.start, html_end))
            html_end = NULL;
          previous_blank = FALSE;
          previous_heading = FALSE;
          goto next_line;
        }

      if (blank)
        {
          previous_blank = TRUE;
          previous_heading = FALSE;
          goto next_line;
        }

      if (previous_blank && line_opens_segment (&line) &&
          cuts_here (&line, line.start - current.start, min_size))
        {
          current.length = line.start - current.start;
          g_array_append_val (ranges, current);
          current = (SpecSegmentRange) { line.start, 0, line_number };
        }

      content = line_content_start (&line);
      if (content != G_MAXSIZE)
        {
          gsize marker = content + 1;

          if ((fence_len = fence_length (&line, content, &fence_char)) > 0)
            {
              previous_blank = FALSE;
              previous_heading = FALSE;
              goto next_line;
            }

          if ((html_end = html_block_end (&line, content)) != NULL)
            {
              /* It may end on the line it starts on. */
              if (contains_nocase (&line, marker, html_end))
                html_end = NULL;
              previous_blank = FALSE;
              previous_heading = FALSE;
              goto next_line;
            }
        }

      switch (find_definition (&line, skip_container_markers (&line, &opened), &label_start, &label_end))
        {
        case FOOTNOTE_DEFINITION:
          return NULL;

        case LINK_DEFINITION:
          /* Only where a paragraph may start: after a paragraph line, it
           * is the paragraph's text. */
          if (opened || previous_blank || previous_heading)
            {
              previous_defined = TRUE;
              char *label = spec_slot_scanner_normalize_label (text + label_start, label_end - label_start);

              if (g_hash_table_add (labels, label))
                {
                  gsize end = line.end;

                  if (end > line.start && text[end - 1] == '\r')
                    end--;
                  g_string_append_len (definitions, text + label_start - 1, end - (label_start - 1));
                  g_string_append_c (definitions, '\n');
                }
            }
          break;

        case MAYBE_A_DEFINITION:
          /* Rather than guess, parse whole. */
          if (opened || previous_blank || previous_heading)
            return NULL;
          break;

        case NOT_A_DEFINITION:
        default:
          break;
        }

      previous_blank = FALSE;
      previous_heading = line_is_heading (&line);

    next_line:
      i = next;
      if (nl != NULL)
        line_number++;
    }

  current.length = length - current.start;
  g_array_append_val (ranges, current);

  if (ranges->len < 2)
    return NULL;

  g_string_append_c (definitions, '\n');

  return g_steal_pointer (&ranges);
}

/* Parsing */

/**
 * spec_segment_hash:
 * @definitions_hash: the hash of the definitions the segment is parsed
 *   after, as they change what it parses to
 *
 * Returns: what names a segment's parse, for reuse
 */
guint64
spec_segment_hash (const char *source,
                   gsize       length,
                   guint64     definitions_hash)
{
  return spec_fnv_hash (definitions_hash ^ SPEC_FNV_OFFSET, source, length);
}

static void
spec_segment_clear (gpointer data)
{
  SpecSegment *self = data;

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->root, cmark_node_free);
}

/**
 * spec_segment_new:
 * @source: the segment's text
 * @definitions: the document's definitions, from spec_segment_split()
 * @hash: from spec_segment_hash()
 *
 * Parses @source after @definitions.  Safe on a worker thread.
 *
 * Returns: (transfer full): the parsed segment
 */
SpecSegment *
spec_segment_new (const char *source,
                  gsize       length,
                  const char *definitions,
                  gsize       definitions_length,
                  guint64     hash)
{
  SpecSegment *self = g_atomic_rc_box_new0 (SpecSegment);
  g_autoptr(GString) input = g_string_sized_new (definitions_length + length);
  g_autoptr(SpecLineIndex) lines = NULL;
  cmark_node *node;
  guint shift = 0;

  g_string_append_len (input, definitions, definitions_length);
  for (gsize i = 0; i < definitions_length; i++)
    shift += definitions[i] == '\n';
  g_string_append_len (input, source, length);

  self->hash = hash;
  self->length = length;
  self->line_shift = (int) shift;
  self->root = spec_markdown_parse (input->str, input->len);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (SpecSegmentBlock));
  lines = spec_line_index_new (input->str, input->len);

  /* Definitions that were not definitions after all are not this
   * segment's text: they come first. */
  node = cmark_node_first_child (self->root);
  while (node != NULL && cmark_node_get_start_line (node) >= 1 &&
         (guint) cmark_node_get_start_line (node) <= shift)
    {
      cmark_node *next = cmark_node_next (node);

      cmark_node_free (node);
      node = next;
    }

  for (; node != NULL; node = cmark_node_next (node))
    {
      guint start = (guint) cmark_node_get_start_line (node);
      SpecSegmentBlock block = {
        .node = node,
        .type = cmark_node_get_type (node),
      };

      /* cmark-gfm leaves the paragraph it splits off a table without a
       * position, as in a whole parse. */
      if (start > 0)
        {
          guint end = spec_outline_block_end_line (node, 0, input->str, lines);
          gsize begin = spec_line_index_line_start (lines, start);
          gsize finish = spec_line_index_line_end (lines, end);

          block.start_line = start - shift;
          block.end_line = end - shift;
          block.fingerprint = spec_block_fingerprint (node, input->str + begin, finish - begin, 0,
                                                      &block.shows_images);
          block.budget = spec_block_budget_check (node, finish - begin);
        }

      g_array_append_val (self->blocks, block);
    }

  return self;
}

SpecSegment *
spec_segment_ref (SpecSegment *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
spec_segment_unref (SpecSegment *self)
{
  g_atomic_rc_box_release_full (self, spec_segment_clear);
}

guint64
spec_segment_get_hash (SpecSegment *self)
{
  return self->hash;
}

gsize
spec_segment_get_length (SpecSegment *self)
{
  return self->length;
}

/* The parsed lines are the segment's lines shifted down by this many, the
 * lines of the definitions parsed before it. */
int
spec_segment_get_line_shift (SpecSegment *self)
{
  return self->line_shift;
}

guint
spec_segment_get_n_blocks (SpecSegment *self)
{
  return self->blocks->len;
}

const SpecSegmentBlock *
spec_segment_get_block (SpecSegment *self,
                        guint        index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, SpecSegmentBlock, index);
}
