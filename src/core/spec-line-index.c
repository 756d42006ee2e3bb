/* spec-line-index.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-line-index.h"

struct _SpecLineIndex
{
  GArray *starts;   /* gsize: byte offset where each line begins */
  gsize   length;
  gsize   longest;  /* bytes in the longest line, its ending included */
};

SpecLineIndex *
spec_line_index_new (const char *text,
                     gsize       len)
{
  SpecLineIndex *self;
  const char *p;
  const char *end;
  gboolean has_cr;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  self = g_new0 (SpecLineIndex, 1);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64 + len / 40);
  self->length = len;

  if (len == 0)
    return self;

  g_array_append_val (self->starts, (gsize) { 0 });

  p = text;
  end = text + len;
  has_cr = memchr (text, '\r', len) != NULL;

  while (p < end)
    {
      /* memchr() is much faster than a byte loop on long documents; most
       * texts have no '\r' at all, and then it is not looked for again. */
      const char *nl = memchr (p, '\n', end - p);
      const char *cr = has_cr ? memchr (p, '\r', (nl ? nl : end) - p) : NULL;
      const char *next;

      if (cr != NULL)
        next = (cr + 1 < end && cr[1] == '\n') ? cr + 2 : cr + 1;
      else if (nl != NULL)
        next = nl + 1;
      else
        break;

      self->longest = MAX (self->longest, (gsize) (next - p));
      if (next < end)
        {
          gsize start = next - text;
          g_array_append_val (self->starts, start);
        }

      p = next;
    }

  /* The last line, if it has no ending. */
  self->longest = MAX (self->longest, (gsize) (end - p));

  return self;
}

void
spec_line_index_free (SpecLineIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->starts);
  g_free (self);
}

/* A text that ends with a line ending has no empty line after it. */
guint
spec_line_index_get_n_lines (const SpecLineIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->starts->len;
}

gsize
spec_line_index_get_length (const SpecLineIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

/* Byte offset of the first byte of @line; one past the last line gives the
 * text's length, so ranges can be written as [start (a), start (b)). */
gsize
spec_line_index_line_start (const SpecLineIndex *self,
                            guint                line)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (line >= 1, 0);

  if (line > self->starts->len)
    return self->length;

  return g_array_index (self->starts, gsize, line - 1);
}

/* Byte offset just past @line, including its line ending. */
gsize
spec_line_index_line_end (const SpecLineIndex *self,
                          guint                line)
{
  return spec_line_index_line_start (self, line + 1);
}

/* The line holding byte @offset (a binary search). */
guint
spec_line_index_line_at_offset (const SpecLineIndex *self,
                                gsize                offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (self != NULL, 0);

  hi = self->starts->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->starts, gsize, mid) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return MAX (lo, 1);
}

/**
 * spec_line_index_get_longest_line:
 *
 * Returns: the length in bytes of the longest line, its ending included
 */
gsize
spec_line_index_get_longest_line (const SpecLineIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->longest;
}

/**
 * spec_text_find_long_line:
 * @max: the longest a line may be, its ending left out
 * @line: (out) (optional): the long line's number (1-based)
 *
 * Finds the first line longer than @max bytes without building an index:
 * for a text just read or inserted.  Lines end at "\n", "\r\n" or "\r",
 * as in the editor.  Each step looks at no more than @max + 1 bytes, so a
 * text of short lines is scanned once, quickly.
 *
 * Returns: the long line's length, or 0 if no line is longer than @max
 */
gsize
spec_text_find_long_line (const char *text,
                          gsize       len,
                          gsize       max,
                          guint      *line)
{
  const char *p = text;
  const char *end = text + len;
  guint n = 1;

  g_return_val_if_fail (text != NULL || len == 0, 0);

  while ((gsize) (end - p) > max)
    {
      const char *nl = memchr (p, '\n', max + 1);
      const char *cr;

      if (nl != NULL)
        {
          /* Lines ended by a lone "\r" inside are counted, not measured:
           * none of them can be longer than this short run. */
          for (cr = memchr (p, '\r', nl - p); cr != NULL; cr = memchr (cr + 1, '\r', nl - cr - 1))
            if (cr + 1 < nl)
              n++;
          p = nl + 1;
          n++;
          continue;
        }

      /* No "\n" soon: the line is long unless a "\r" ends it first. */
      cr = memchr (p, '\r', max + 1);
      if (cr == NULL)
        {
          const char *line_end = memchr (p, '\n', end - p);
          const char *cr_end = memchr (p, '\r', (line_end != NULL ? line_end : end) - p);

          if (cr_end != NULL)
            line_end = cr_end;
          if (line != NULL)
            *line = n;
          return (line_end != NULL ? line_end : end) - p;
        }
      p = cr + 1;
      if (p < end && *p == '\n')
        p++;
      n++;
    }

  return 0;
}
