/* spec-title-match.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-title-match.h"

/* Headings are compared by their words only: case, punctuation, emoji,
 * markup and a trailing hint like "(mandatory)" or "(if applicable)" do
 * not matter, and a slot in the template's heading ("FR1: [Requirement
 * Name]") stands for whatever the writer put there ("FR1: Sign in"). */

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

/* Hints a template puts after a heading, which writers delete when they
 * write the section: "(mandatory)", "(mandatory for data changes)",
 * "(optional)", "(if applicable)", "(include if feature involves data)". */
static const char * const hints[] = {
  "mandatory", "optional", "if ", "include if", "when ",
};

/* Removes a trailing hint and says whether it was exactly "(mandatory)",
 * the templates' mark of a required section. */
static void
strip_hint (char     *title,
            gboolean *mandatory)
{
  char *open;
  char *end;

  g_strchomp (title);
  end = title + strlen (title);
  if (end == title || end[-1] != ')')
    return;

  open = strrchr (title, '(');
  if (open == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (g_ascii_strncasecmp (open + 1, hints[i], strlen (hints[i])) == 0)
      {
        if (mandatory != NULL)
          *mandatory = g_ascii_strcasecmp (open, "(mandatory)") == 0;
        *open = '\0';
        g_strchomp (title);
        return;
      }
}

static void
add_token (GString    *out,
           const char *token,
           gsize       len)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, token, len);
}

/**
 * spec_title_normalize:
 * @title: a heading's plain text
 * @as_pattern: whether slots become wildcards (a template's heading) or
 *   are dropped (a document's heading, in which a slot may still be open)
 * @mandatory: (out) (optional): whether the title ends in "(mandatory)"
 *
 * Returns: lower-case words separated by single spaces ("&" read as
 *   "and"), with a "*" word for each slot when @as_pattern
 */
char *
spec_title_normalize (const char *title,
                      gboolean    as_pattern,
                      gboolean   *mandatory)
{
  g_autofree char *copy = g_strdup (title ? title : "");
  g_autoptr(GString) word = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  if (mandatory != NULL)
    *mandatory = FALSE;
  strip_hint (copy, mandatory);

  for (const char *p = copy; ; )
    {
      gunichar c = 0;
      gsize slot = 0;

      if (*p != '\0')
        {
          slot = *p == '[' ? slot_length (p) : 0;
          if (slot == 0)
            c = g_utf8_get_char_validated (p, -1);
        }

      /* Anything but a letter or digit ends the current word. */
      if (*p == '\0' || slot > 0 || c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalnum (c))
        {
          if (word->len > 0)
            add_token (out, word->str, word->len);
          g_string_truncate (word, 0);
        }

      if (*p == '\0')
        break;

      if (slot > 0)
        {
          gboolean after_wildcard = out->len > 0 && out->str[out->len - 1] == WILDCARD;

          if (as_pattern && !after_wildcard)
            add_token (out, "*", 1);
          p += slot;
        }
      else if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
        }
      else
        {
          if (g_unichar_isalnum (c))
            g_string_append_unichar (word, g_unichar_tolower (c));
          else if (c == '&')
            add_token (out, "and", 3);
          p = g_utf8_next_char (p);
        }
    }

  return g_string_free (out, FALSE);
}

/* The length of the word at @p (up to a space or the end). */
static gsize
token_length (const char *p)
{
  const char *q = p;

  while (*q && *q != ' ')
    q++;

  return q - p;
}

static const char *
next_token (const char *p)
{
  p += token_length (p);

  return *p == ' ' ? p + 1 : p;
}

/**
 * spec_title_matches:
 *
 * Whether a document's normalised title fits a template's pattern, word
 * by word: a "*" stands for any number of whole words, so "fr 1 *" fits
 * "fr 1 sign in" and "fr 1", never "fr 10 export".
 */
gboolean
spec_title_matches (const char *pattern,
                    const char *normalized)
{
  const char *p = pattern;
  const char *s = normalized;
  const char *star_p = NULL;
  const char *star_s = NULL;

  while (*s)
    {
      gsize len = token_length (p);

      if (*p == WILDCARD && len == 1)
        {
          star_p = next_token (p);
          star_s = s;
          p = star_p;
        }
      else if (*p && len == token_length (s) && memcmp (p, s, len) == 0)
        {
          p = next_token (p);
          s = next_token (s);
        }
      else if (star_p != NULL)
        {
          /* Let the last wildcard take one more word, and retry. */
          star_s = next_token (star_s);
          s = star_s;
          p = star_p;
        }
      else
        {
          return FALSE;
        }
    }

  while (*p == WILDCARD && token_length (p) == 1)
    p = next_token (p);

  return *p == '\0';
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
  gboolean mandatory = FALSE;
  g_autofree char *original = g_strdup (copy);

  /* Only "(mandatory)" itself: other hints are the template's words. */
  strip_hint (copy, &mandatory);
  if (!mandatory)
    {
      g_free (copy);
      return g_steal_pointer (&original);
    }

  return copy;
}
