/* spec-text-mirror.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-text-mirror.h"

/* Every parse needs the document's text as one string, and copying it out
 * of a GtkTextBuffer walks the buffer's tree: 50 ms for 9 MB, on the main
 * thread, after every pause in typing.  A mirror applies each edit to a
 * plain copy instead, so that taking the text is a memcpy.
 *
 * An edit's place is found from its iter's line and byte index in the
 * line, with the start of every line kept in an array.  That holds while
 * lines end with "\n" only: GtkTextBuffer also ends lines at "\r" and at
 * U+2029, so text holding either stops the mirror, until the next copy
 * taken from the buffer itself shows they are gone. */
struct _SpecTextMirror
{
  GString *text;          /* NULL while not valid */
  GArray  *line_starts;   /* gsize: byte offset of each line */
};

static gboolean
has_other_line_ends (const char *text,
                     gsize       length)
{
  return memchr (text, '\r', length) != NULL ||
         g_strstr_len (text, length, "\xe2\x80\xa9") != NULL;
}

static void
spec_text_mirror_reset (SpecTextMirror *self,
                        const char     *text,
                        gsize           length)
{
  gsize zero = 0;

  spec_text_mirror_invalidate (self);

  if (has_other_line_ends (text, length))
    return;

  self->text = g_string_new_len (text, length);
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->line_starts, zero);

  for (const char *p = text; (p = memchr (p, '\n', length - (p - text))) != NULL; p++)
    {
      gsize start = p - text + 1;

      g_array_append_val (self->line_starts, start);
    }
}

SpecTextMirror *
spec_text_mirror_new (void)
{
  SpecTextMirror *self = g_new0 (SpecTextMirror, 1);

  spec_text_mirror_reset (self, "", 0);

  return self;
}

void
spec_text_mirror_free (SpecTextMirror *self)
{
  spec_text_mirror_invalidate (self);
  g_free (self);
}

/* Until the next spec_text_mirror_dup(): for edits it cannot follow. */
void
spec_text_mirror_invalidate (SpecTextMirror *self)
{
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  self->text = NULL;
  g_clear_pointer (&self->line_starts, g_array_unref);
}

static gsize
offset_of (SpecTextMirror    *self,
           const GtkTextIter *iter,
           guint             *line)
{
  *line = (guint) gtk_text_iter_get_line (iter);

  g_return_val_if_fail (*line < self->line_starts->len, 0);

  return g_array_index (self->line_starts, gsize, *line) + (gsize) gtk_text_iter_get_line_index (iter);
}

/**
 * spec_text_mirror_insert:
 * @location: where @text goes, before the buffer inserts it
 *
 * Call it from GtkTextBuffer::insert-text before the default handler.
 */
void
spec_text_mirror_insert (SpecTextMirror    *self,
                         const GtkTextIter *location,
                         const char        *text,
                         gsize              length)
{
  g_autoptr(GArray) new_starts = NULL;
  gsize offset;
  guint line;

  if (self->text == NULL)
    return;

  if (has_other_line_ends (text, length))
    {
      spec_text_mirror_invalidate (self);
      return;
    }

  offset = offset_of (self, location, &line);
  g_string_insert_len (self->text, offset, text, length);

  for (guint i = line + 1; i < self->line_starts->len; i++)
    g_array_index (self->line_starts, gsize, i) += length;

  new_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = text; (p = memchr (p, '\n', length - (p - text))) != NULL; p++)
    {
      gsize start = offset + (p - text) + 1;

      g_array_append_val (new_starts, start);
    }

  if (new_starts->len > 0)
    g_array_insert_vals (self->line_starts, line + 1, new_starts->data, new_starts->len);
}

/**
 * spec_text_mirror_delete:
 *
 * Call it from GtkTextBuffer::delete-range before the default handler.
 */
void
spec_text_mirror_delete (SpecTextMirror    *self,
                         const GtkTextIter *start,
                         const GtkTextIter *end)
{
  gsize from;
  gsize to;
  guint first_line;
  guint last_line;

  if (self->text == NULL)
    return;

  from = offset_of (self, start, &first_line);
  to = offset_of (self, end, &last_line);
  if (to < from)
    {
      gsize swap = to;
      guint swap_line = last_line;

      to = from;
      from = swap;
      last_line = first_line;
      first_line = swap_line;
    }

  g_string_erase (self->text, from, to - from);

  if (last_line > first_line)
    g_array_remove_range (self->line_starts, first_line + 1, last_line - first_line);

  for (guint i = first_line + 1; i < self->line_starts->len; i++)
    g_array_index (self->line_starts, gsize, i) -= to - from;
}

/**
 * spec_text_mirror_dup:
 * @buffer: the buffer mirrored, to copy from when the mirror cannot tell
 * @length: (out): the text's length in bytes
 *
 * Returns: (transfer full): the buffer's text
 */
char *
spec_text_mirror_dup (SpecTextMirror *self,
                      GtkTextBuffer  *buffer,
                      gsize          *length)
{
  GtkTextIter begin;
  GtkTextIter end;
  char *text;

  if (self->text != NULL)
    {
      *length = self->text->len;
      return g_strndup (self->text->str, self->text->len);
    }

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
  *length = strlen (text);
  spec_text_mirror_reset (self, text, *length);

  return text;
}
