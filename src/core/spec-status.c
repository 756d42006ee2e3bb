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
      gsize p = line_start;

      /* "- ", "* " list markers, then "**" bold, spaces. */
      while (p < line_end && (text[p] == ' ' || text[p] == '\t'))
        p++;
      if (p + 1 < line_end && (text[p] == '-' || text[p] == '*') && text[p + 1] == ' ')
        p += 2;
      while (p < line_end && (text[p] == '*' || text[p] == '_' || text[p] == ' '))
        p++;

      if (line_end - p >= 7 && g_ascii_strncasecmp (text + p, "status", 6) == 0)
        {
          gsize q = p + 6;

          while (q < line_end && (text[q] == '*' || text[q] == '_' || text[q] == ' '))
            q++;
          if (q < line_end && text[q] == ':')
            {
              q++;
              /* "**Status:**": the bold closes after the colon. */
              while (q < line_end && (text[q] == '*' || text[q] == '_' || text[q] == ' ' || text[q] == '\t'))
                q++;

              found->value_start = q;
              found->value_end = line_end;
              while (found->value_end > q &&
                     (g_ascii_isspace (text[found->value_end - 1]) || text[found->value_end - 1] == '*' ||
                      text[found->value_end - 1] == '_'))
                found->value_end--;
              return TRUE;
            }
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
