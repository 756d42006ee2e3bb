/* fuzz-json.c: a strict JSON checker (RFC 8259), for fuzzing our output
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written here rather than taken from a JSON library so that the core
 * keeps its three dependencies; it only says yes or no.
 */

#include "fuzz-json.h"

#include <string.h>

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
} Json;

static gboolean json_value (Json *j);

static void
json_space (Json *j)
{
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
    j->p++;
}

static gboolean
json_literal (Json       *j,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (j->end - j->p) < n || memcmp (j->p, word, n) != 0)
    return FALSE;
  j->p += n;
  return TRUE;
}

static gboolean
json_string (Json *j)
{
  if (j->p >= j->end || *j->p != '"')
    return FALSE;
  j->p++;

  while (j->p < j->end)
    {
      guchar c = *j->p;

      if (c == '"')
        {
          j->p++;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          j->p++;
          if (j->p >= j->end)
            return FALSE;
          if (*j->p == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (j->p + i >= j->end || !g_ascii_isxdigit (j->p[i]))
                  return FALSE;
              j->p += 5;
            }
          else if (strchr ("\"\\/bfnrt", *j->p) != NULL && *j->p != '\0')
            j->p++;
          else
            return FALSE;
        }
      else
        {
          j->p++;
        }
    }

  return FALSE;
}

static gboolean
json_number (Json *j)
{
  const char *start = j->p;

  if (j->p < j->end && *j->p == '-')
    j->p++;
  if (j->p < j->end && *j->p == '0')
    j->p++;
  else if (j->p < j->end && *j->p >= '1' && *j->p <= '9')
    while (j->p < j->end && g_ascii_isdigit (*j->p))
      j->p++;
  else
    return FALSE;

  if (j->p < j->end && *j->p == '.')
    {
      j->p++;
      if (j->p >= j->end || !g_ascii_isdigit (*j->p))
        return FALSE;
      while (j->p < j->end && g_ascii_isdigit (*j->p))
        j->p++;
    }
  if (j->p < j->end && (*j->p == 'e' || *j->p == 'E'))
    {
      j->p++;
      if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
        j->p++;
      if (j->p >= j->end || !g_ascii_isdigit (*j->p))
        return FALSE;
      while (j->p < j->end && g_ascii_isdigit (*j->p))
        j->p++;
    }

  return j->p > start;
}

static gboolean
json_container (Json *j,
                char  close)
{
  gboolean object = close == '}';

  if (++j->depth > 512)
    return FALSE;
  j->p++;
  json_space (j);
  if (j->p < j->end && *j->p == close)
    {
      j->p++;
      j->depth--;
      return TRUE;
    }

  for (;;)
    {
      if (object)
        {
          if (!json_string (j))
            return FALSE;
          json_space (j);
          if (j->p >= j->end || *j->p != ':')
            return FALSE;
          j->p++;
        }
      if (!json_value (j))
        return FALSE;
      json_space (j);
      if (j->p < j->end && *j->p == ',')
        {
          j->p++;
          json_space (j);
          continue;
        }
      if (j->p < j->end && *j->p == close)
        {
          j->p++;
          j->depth--;
          return TRUE;
        }
      return FALSE;
    }
}

static gboolean
json_value (Json *j)
{
  json_space (j);
  if (j->p >= j->end)
    return FALSE;

  switch (*j->p)
    {
    case '{':
      return json_container (j, '}');
    case '[':
      return json_container (j, ']');
    case '"':
      return json_string (j);
    case 't':
      return json_literal (j, "true");
    case 'f':
      return json_literal (j, "false");
    case 'n':
      return json_literal (j, "null");
    default:
      return json_number (j);
    }
}

gboolean
fuzz_json_is_valid (const char *text,
                    gsize       len,
                    gsize      *fault)
{
  Json j = { text, text + len, 0 };
  const char *bad;

  if (!g_utf8_validate (text, len, &bad))
    {
      *fault = bad - text;
      return FALSE;
    }

  if (json_value (&j))
    {
      json_space (&j);
      if (j.p == j.end)
        return TRUE;
    }

  *fault = j.p - text;
  return FALSE;
}
