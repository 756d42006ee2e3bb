/* spec-status.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-status.h"

/* The templates carry their status on a metadata line near the top:
 * "**Status:** Draft", "- **Status:** Accepted", "Status: Review".  The
 * first such line in the first 60 lines is the spec's; its value is what
 * follows the colon, bold markers and brackets aside. */

#define SEARCH_LINES 60

typedef struct
{
  gsize value_start;   /* the value's bytes on the line */
  gsize value_end;
} StatusLine;

/**
 * spec_metadata_label:
 * @line: one line of text, without its end
 * @len: its length
 * @value_start: (out) (optional): where its value starts in @line
 *
 * Reads a metadata line of a spec's header: "**Status:** Draft",
 * "**Status**: Draft", "- **Author:** [Name]", "Created: today".
 *
 * Returns: (nullable): its label, lower-case, or %NULL if @line is not
 *   one (no colon right after a short label)
 */
char *
spec_metadata_label (const char *line,
                     gsize       len,
                     gsize      *value_start)
{
  gsize p = 0, label_start, label_end, q;

  /* "- ", "* " list markers, then "**" bold, spaces. */
  while (p < len && (line[p] == ' ' || line[p] == '\t'))
    p++;
  if (p + 1 < len && (line[p] == '-' || line[p] == '*') && line[p + 1] == ' ')
    p += 2;
  while (p < len && (line[p] == '*' || line[p] == '_' || line[p] == ' '))
    p++;

  label_start = p;
  while (p < len && line[p] != ':' && line[p] != '*' && line[p] != '_' && line[p] != '[' && p - label_start < 40)
    p++;
  label_end = p;
  while (label_end > label_start && line[label_end - 1] == ' ')
    label_end--;

  q = p;
  while (q < len && (line[q] == '*' || line[q] == '_' || line[q] == ' '))
    q++;
  if (label_end == label_start || q >= len || line[q] != ':')
    return NULL;

  q++;
  /* "**Status:**": the bold closes after the colon. */
  while (q < len && (line[q] == '*' || line[q] == '_' || line[q] == ' ' || line[q] == '\t'))
    q++;
  if (value_start != NULL)
    *value_start = q;

  return g_ascii_strdown (line + label_start, label_end - label_start);
}

/* The spec's Status line, in its first lines. */
static gboolean
find_status_line (const char *text,
                  gsize       len,
                  StatusLine *found)
{
  gsize line_start = 0;

  for (guint n = 0; n < SEARCH_LINES && line_start < len; n++)
    {
      const char *nl = memchr (text + line_start, '\n', len - line_start);
      gsize line_end = nl != NULL ? (gsize) (nl - text) : len;
      gsize value;
      g_autofree char *label = spec_metadata_label (text + line_start, line_end - line_start, &value);

      if (label != NULL && g_str_equal (label, "status"))
        {
          found->value_start = line_start + value;
          found->value_end = line_end;
          while (found->value_end > found->value_start &&
                 (g_ascii_isspace (text[found->value_end - 1]) || text[found->value_end - 1] == '*' ||
                  text[found->value_end - 1] == '_'))
            found->value_end--;
          return TRUE;
        }

      line_start = line_end + 1;
    }

  return FALSE;
}

/**
 * spec_status_parse:
 *
 * Returns: (nullable): the status on the spec's metadata line, or %NULL
 *   if it has none; a template's "[Draft | Review]" choice is returned
 *   as it is
 */
char *
spec_status_parse (const char *text,
                   gsize       len)
{
  StatusLine line;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (!find_status_line (text, len, &line) || line.value_end == line.value_start)
    return NULL;

  return g_strndup (text + line.value_start, line.value_end - line.value_start);
}

/**
 * spec_status_replace:
 * @status: the new value, on one line
 *
 * Returns: (nullable): @text with its status line's value replaced by
 *   @status, the rest kept byte for byte; %NULL if it has no status line
 */
char *
spec_status_replace (const char *text,
                     gsize       len,
                     const char *status)
{
  StatusLine line;
  GString *out;

  g_return_val_if_fail (status != NULL && strpbrk (status, "\r\n") == NULL, NULL);

  if (!find_status_line (text, len, &line))
    return NULL;

  out = g_string_sized_new (len + strlen (status));
  g_string_append_len (out, text, line.value_start);
  g_string_append (out, status);
  g_string_append_len (out, text + line.value_end, len - line.value_end);

  return g_string_free (out, FALSE);
}
