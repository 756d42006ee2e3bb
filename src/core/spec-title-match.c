/* spec-title-match.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-title-match.h"

/* Headings are compared by their words only: case, punctuation, emoji,
 * markup and a trailing "(mandatory)" do not matter, and a slot in the
 * template's heading ("FR1: [Requirement Name]") stands for whatever the
 * writer put there ("FR1: Sign in"). */

#define WILDCARD '*'

/* Length of the bracketed slot at @p (nesting allowed), or 0. */
static gsize
slot_length (const char *p)
{
  int depth = 0;

  for (const char *q = p; *q; q++)
    {
      if (*q == '[')
        depth++;
      else if (*q == ']' && --depth == 0)
        return q - p + 1;
    }

  return 0;
}

/* Removes a trailing "(mandatory…)" and says whether it was exactly
 * "(mandatory)", the templates' mark of a required section. */
static void
strip_mandatory (char     *title,
                 gboolean *mandatory)
{
  char *open;
  char *end;

  g_strchomp (title);
  end = title + strlen (title);
  if (end == title || end[-1] != ')')
    return;

  open = strrchr (title, '(');
  if (open == NULL || g_ascii_strncasecmp (open + 1, "mandatory", 9) != 0)
    return;

  if (mandatory != NULL)
    *mandatory = (end - open) == (gssize) strlen ("(mandatory)");
  *open = '\0';
  g_strchomp (title);
}

/**
 * spec_title_normalize:
 * @title: a heading's plain text
 * @as_pattern: whether slots become wildcards (a template's heading) or
 *   are dropped (a document's heading, in which a slot may still be open)
 * @mandatory: (out) (optional): whether the title ends in "(mandatory)"
 *
 * Returns: lower-case words separated by single spaces, with '*' for each
 *   slot when @as_pattern
 */
char *
spec_title_normalize (const char *title,
                      gboolean    as_pattern,
                      gboolean   *mandatory)
{
  g_autofree char *copy = g_strdup (title ? title : "");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (mandatory != NULL)
    *mandatory = FALSE;
  strip_mandatory (copy, mandatory);

  for (const char *p = copy; *p; )
    {
      gunichar c;
      gsize slot;

      if (*p == '[' && (slot = slot_length (p)) > 0)
        {
          if (as_pattern)
            {
              /* A wildcard swallows the blanks around it. */
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              if (out->len == 0 || out->str[out->len - 1] != WILDCARD)
                g_string_append_c (out, WILDCARD);
              space = FALSE;
            }
          else
            {
              space = out->len > 0;
            }
          p += slot;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space && out->str[out->len - 1] != WILDCARD)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/* Whether a document's normalised title fits a template's pattern. */
gboolean
spec_title_matches (const char *pattern,
                    const char *normalized)
{
  /* Only letters, digits, spaces and '*' occur: no '?' to escape. */
  return g_pattern_match_simple (pattern, normalized);
}

/* How many literal characters a pattern has: specific patterns claim
 * their sections before ones that are mostly wildcard. */
guint
spec_title_specificity (const char *pattern)
{
  guint n = 0;

  for (const char *p = pattern; *p; p++)
    if (*p != WILDCARD && *p != ' ')
      n++;

  return n;
}

/* A heading as a diagnostic names it: without its slots and trailing
 * punctuation ("Feature Specification: [FEATURE_NAME]" becomes "Feature
 * Specification"), or as written when nothing else is left. */
char *
spec_title_display (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title; *p; )
    {
      gsize slot = *p == '[' ? slot_length (p) : 0;

      if (slot > 0)
        {
          p += slot;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  /* A slot taken out of the middle leaves two blanks: keep one. */
  for (gsize i = 0; i + 1 < out->len; )
    {
      if (out->str[i] == ' ' && out->str[i + 1] == ' ')
        g_string_erase (out, i, 1);
      else
        i++;
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  /* ASCII only: testing single bytes against a multi-byte dash could cut
   * a character in two. */
  while (out->len > 0 && strchr (":-|/,", out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_strchomp (out->str);
  out->len = strlen (out->str);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (title);
    }

  return g_string_free (out, FALSE);
}

/* The title without a trailing "(mandatory)", as a template's required
 * section is named to the writer. */
char *
spec_title_strip_mandatory (const char *title)
{
  char *copy = g_strdup (title ? title : "");

  strip_mandatory (copy, NULL);

  return copy;
}
