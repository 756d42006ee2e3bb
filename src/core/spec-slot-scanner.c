/* spec-slot-scanner.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-slot-scanner.h"

/* Why a lexer over the source rather than the cmark-gfm tree: cmark merges
 * adjacent text nodes, hides backslash escapes in their literals and gives
 * inline nodes wrong columns on continuation lines of list items.  The tree
 * still decides what is prose, code and HTML (block positions are exact);
 * within prose this lexer follows just enough of CommonMark's inline rules
 * (escapes, code spans, links, autolinks, HTML) to tell a slot from the
 * rest, with exact line and column. */

/* A slot is a phrase to fill, not a page: a '[' whose ']' is further away
 * than this is not one, which also bounds the work on hostile input. */
#define MAX_SLOT_LENGTH 1024

/* Backtick runs longer than this are rare enough to scan for plainly. */
#define MAX_TRACKED_RUN 32

typedef struct
{
  /* no closing run of length n exists at or after failed_from[n] */
  gsize failed_from[MAX_TRACKED_RUN + 1];
} Backticks;

static inline gboolean
is_ident (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static inline gboolean
is_blank (const char *s,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
      return FALSE;

  return TRUE;
}

/* A citation: numeric like [1], [12], [3, 4], [4–6]; a citation key like
 * [@smith2020]; or a standard like [RFC 9110] or [ISO-8601]. */
static gboolean
is_citation (const char *s,
             gsize       len)
{
  gboolean digit = FALSE;
  gsize upper = 0;
  gsize i;

  if (len > 1 && s[0] == '@')
    return TRUE;

  for (i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        digit = TRUE;
      else if (s[i] == ',' || s[i] == ' ' || s[i] == '-')
        continue;
      else if (i + 2 < len && memcmp (s + i, "\xe2\x80\x93", 3) == 0)  /* en dash */
        i += 2;
      else
        break;
    }
  if (i == len)
    return digit;

  /* Two or more capitals, an optional space or dash, then digits. */
  while (upper < len && g_ascii_isupper (s[upper]))
    upper++;
  i = upper;
  if (upper < 2)
    return FALSE;
  if (i < len && (s[i] == ' ' || s[i] == '-'))
    i++;
  if (i == len || !g_ascii_isdigit (s[i]))
    return FALSE;
  while (i < len && g_ascii_isdigit (s[i]))
    i++;

  return i == len;
}

/* Whether the '[' at @i sits inside a bare URL ("https://x.y/items/[id]"),
 * which the autolink extension links whole. */
static gboolean
inside_bare_url (const char *t,
                 gsize       start,
                 gsize       i)
{
  gsize word = i;

  while (word > start && i - word < MAX_SLOT_LENGTH &&
         !g_ascii_isspace (t[word - 1]) && t[word - 1] != '(' && t[word - 1] != '<')
    word--;

  if (g_ascii_strncasecmp (t + word, "www.", 4) == 0 && word + 4 <= i)
    return TRUE;

  for (gsize j = word; j + 3 <= i; j++)
    if (memcmp (t + j, "://", 3) == 0)
      return TRUE;

  return FALSE;
}

/* Whether the text after a "[label]:" is a link destination: one run of
 * characters without blanks (or <…>), then nothing or a title.  "[Key]:
 * [Value, more]" is not a definition, it is two slots. */
static gboolean
is_definition_tail (const char *t,
                    gsize       colon,
                    gsize       end)
{
  gsize p = colon + 1;
  gsize dest;

  while (p < end && (t[p] == ' ' || t[p] == '\t'))
    p++;
  if (p < end && t[p] == '\n')
    for (p++; p < end && (t[p] == ' ' || t[p] == '\t'); p++)
      ;
  if (p >= end || t[p] == '\n' || t[p] == '\r')
    return FALSE;

  /* "[Key]: [Value]" parses as a definition whose destination is
   * "[Value]", but a template means two slots by it. */
  if (t[p] == '[')
    return FALSE;

  dest = p;
  if (t[p] == '<')
    {
      while (p < end && t[p] != '>' && t[p] != '\n')
        p++;
      if (p >= end || t[p] != '>')
        return FALSE;
      p++;
    }
  else
    {
      while (p < end && !g_ascii_isspace (t[p]))
        p++;
    }
  if (p == dest)
    return FALSE;

  while (p < end && (t[p] == ' ' || t[p] == '\t'))
    p++;

  return p >= end || t[p] == '\n' || t[p] == '\r' || t[p] == '"' || t[p] == '\'' || t[p] == '(';
}

/* Whether the newline at @nl is followed by a blank line: the end of a
 * paragraph, which no inline construct crosses. */
static gboolean
blank_line_follows (const char *t,
                    gsize       nl,
                    gsize       end)
{
  for (gsize j = nl + 1; j < end; j++)
    {
      if (t[j] == '\n' || t[j] == '\r')
        return TRUE;
      if (t[j] != ' ' && t[j] != '\t')
        return FALSE;
    }

  return TRUE;
}

/* For the backtick run at @i: sets the span's content range and returns the
 * offset after the closing run, or 0 when the run opens no code span. */
static gsize
match_code_span (const char *t,
                 gsize       i,
                 gsize       end,
                 Backticks  *bt,
                 gsize      *run,
                 gsize      *content_start,
                 gsize      *content_end)
{
  gsize n = 0;
  gsize j;

  while (i + n < end && t[i + n] == '`')
    n++;
  *run = n;

  if (n <= MAX_TRACKED_RUN && bt->failed_from[n] != 0 && bt->failed_from[n] <= i)
    return 0;

  for (j = i + n; j < end; )
    {
      const char *next = memchr (t + j, '`', end - j);
      gsize m = 0;

      if (next == NULL)
        break;

      j = next - t;
      while (j + m < end && t[j + m] == '`')
        m++;

      if (m == n)
        {
          *content_start = i + n;
          *content_end = j;
          return j + m;
        }

      j += m;
    }

  if (n <= MAX_TRACKED_RUN)
    bt->failed_from[n] = i;

  return 0;
}

/* The ']' that closes the '[' at @open, skipping escapes, code spans and
 * nested pairs; (gsize) -1 when there is none in the paragraph. */
static gsize
find_close (const char *t,
            gsize       open,
            gsize       end,
            Backticks  *bt)
{
  gsize limit = MIN (end, open + MAX_SLOT_LENGTH);
  int depth = 0;

  for (gsize j = open; j < limit; j++)
    {
      switch (t[j])
        {
        case '\\':
          j++;
          break;

        case '`':
          {
            gsize run, cs, ce;
            gsize after = match_code_span (t, j, limit, bt, &run, &cs, &ce);

            j = (after ? after : j + run) - 1;
          }
          break;

        case '[':
          depth++;
          break;

        case ']':
          if (--depth == 0)
            return j;
          break;

        case '\n':
          if (blank_line_follows (t, j, end))
            return (gsize) -1;
          break;

        default:
          break;
        }
    }

  return (gsize) -1;
}

/* The offset after the ')' closing the '(' at @open, or 0. */
static gsize
skip_parens (const char *t,
             gsize       open,
             gsize       end)
{
  gsize limit = MIN (end, open + MAX_SLOT_LENGTH);
  int depth = 0;

  for (gsize j = open; j < limit; j++)
    {
      if (t[j] == '\\')
        j++;
      else if (t[j] == '(')
        depth++;
      else if (t[j] == ')' && --depth == 0)
        return j + 1;
      else if (t[j] == '\n' && blank_line_follows (t, j, end))
        return 0;
    }

  return 0;
}

/* The offset where the line holding @i begins (not before @start). */
static gsize
line_begin (const char *t,
            gsize       start,
            gsize       i)
{
  while (i > start && t[i - 1] != '\n' && t[i - 1] != '\r')
    i--;

  return i;
}

/* Whether @i is the first non-blank character of its line, after at most
 * three spaces (where a link reference definition may start). */
static gboolean
at_line_start (const char *t,
               gsize       i,
               gsize       start)
{
  guint spaces = 0;

  while (i > start && t[i - 1] == ' ' && spaces < 4)
    {
      i--;
      spaces++;
    }

  return spaces <= 3 && (i == start || t[i - 1] == '\n' || t[i - 1] == '\r');
}

static void
add_slot (GArray       *slots,
          SpecItemKind  kind,
          gsize         offset,
          gsize         length,
          gsize         text_offset,
          gsize         text_length)
{
  SpecSlot slot = { kind, offset, length, text_offset, text_length };

  g_array_append_val (slots, slot);
}

/**
 * spec_slot_is_clarification:
 * @slot: the text of a slot, brackets included
 * @question: (out) (optional): the question after the colon, or ""
 *
 * Whether the slot is a [NEEDS CLARIFICATION: …] marker, in any case.
 */
gboolean
spec_slot_is_clarification (const char  *slot,
                            gsize        length,
                            char       **question)
{
  static const char marker[] = "needs clarification";
  const char *p = slot + 1;
  const char *end = slot + length - 1;

  if (length < 2 || slot[0] != '[' || slot[length - 1] != ']')
    return FALSE;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if ((gsize) (end - p) < sizeof marker - 1 || g_ascii_strncasecmp (p, marker, sizeof marker - 1) != 0)
    return FALSE;
  p += sizeof marker - 1;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p < end && *p != ':')
    return FALSE;

  if (question != NULL)
    {
      g_autofree char *q = g_strndup (p < end ? p + 1 : p, end - (p < end ? p + 1 : p));

      *question = g_strdup (g_strstrip (q));
    }

  return TRUE;
}

static void
add_bracket_slot (GArray *slots,
                  const char *t,
                  gsize   offset,
                  gsize   length,
                  gsize   text_offset,
                  gsize   text_length)
{
  SpecItemKind kind = spec_slot_is_clarification (t + text_offset, text_length, NULL)
    ? SPEC_ITEM_CLARIFICATION : SPEC_ITEM_PLACEHOLDER;

  add_slot (slots, kind, offset, length, text_offset, text_length);
}

/* The name in a code span that is one bracketed slot: `[feature_id]`,
 * `[###-feature-name]`, `[METHOD]`, `[Your Name]`; but not code that
 * happens to be bracketed: `[T; N]`, `["a", "b"]`, a Rust slice `[u8]`,
 * a TOML table `[dependencies]`.  A slot's name has a separator in it
 * (_ - # space) or is a capitalised word of two letters or more. */
static gboolean
is_slot_name (const char *s,
              gsize       len)
{
  gboolean letter = FALSE;
  gboolean separator = FALSE;
  gboolean lower = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];

      if (g_ascii_isalpha (c) || (c & 0x80))
        {
          letter = TRUE;
          lower |= g_ascii_islower (c);
        }
      else if (strchr ("_#- ", c))
        separator = TRUE;
      else if (!g_ascii_isdigit (c) && !strchr ("./|:", c))
        return FALSE;
    }

  return letter && (separator || (len >= 2 && !lower));
}

/* Bracketed tokens of @tokens in t[start, end): "[table_name]" left in
 * code the template wrote it in.  Tokens do not nest or cross lines. */
static void
scan_tokens (const char *t,
             gsize       start,
             gsize       end,
             GHashTable *tokens,
             GArray     *slots,
             gsize       skip_offset)
{
  gsize i = start;

  while (i < end)
    {
      const char *open = memchr (t + i, '[', end - i);
      gsize close;

      if (open == NULL)
        return;

      i = open - t;
      for (close = i + 1; close < end && t[close] != ']' && t[close] != '[' && t[close] != '\n'; close++)
        ;

      if (close < end && t[close] == ']')
        {
          g_autofree char *token = g_strndup (t + i, close - i + 1);

          /* arr[column] is an index, even when a template wrote [column]. */
          if (i != skip_offset && !(i > start && is_ident (t[i - 1])) &&
              g_hash_table_contains (tokens, token))
            add_bracket_slot (slots, t, i, close - i + 1, i, close - i + 1);
          i = close + 1;
        }
      else
        {
          i = close;
        }
    }
}

void
spec_slot_scanner_scan_code (const char *text,
                             gsize       start,
                             gsize       end,
                             GHashTable *tokens,
                             GArray     *slots)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (slots != NULL);

  if (tokens != NULL && g_hash_table_size (tokens) > 0)
    scan_tokens (text, start, end, tokens, slots, (gsize) -1);
}

static void
scan_code_span (const char *t,
                gsize       cs,
                gsize       ce,
                GHashTable *tokens,
                GArray     *slots)
{
  gsize s = cs;
  gsize e = ce;
  gsize whole = (gsize) -1;

  while (s < e && (t[s] == ' ' || t[s] == '\n'))
    s++;
  while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n'))
    e--;

  /* `[feature_id]`: a code span that is nothing but one slot. */
  if (e - s >= 3 && t[s] == '[' && t[e - 1] == ']' &&
      memchr (t + s + 1, '[', e - s - 2) == NULL &&
      memchr (t + s + 1, ']', e - s - 2) == NULL &&
      is_slot_name (t + s + 1, e - s - 2) &&
      !is_citation (t + s + 1, e - s - 2))
    {
      add_bracket_slot (slots, t, s, e - s, s, e - s);
      whole = s;
    }

  if (tokens != NULL && g_hash_table_size (tokens) > 0)
    scan_tokens (t, cs, ce, tokens, slots, whole);
}

/* Records the comment "<!--" at @open and returns the offset after its
 * "-->" (or @end when it is never closed). */
static gsize
add_comment (const char *t,
             gsize       open,
             gsize       end,
             GArray     *slots)
{
  const char *close = g_strstr_len (t + open + 4, end - (open + 4), "-->");
  gsize stop = close ? (gsize) (close + 3 - t) : end;

  add_slot (slots, SPEC_ITEM_GUIDANCE, open, stop - open, open, stop - open);

  return stop;
}

void
spec_slot_scanner_scan_html (const char *text,
                             gsize       start,
                             gsize       end,
                             GArray     *slots)
{
  gsize i = start;

  g_return_if_fail (text != NULL);
  g_return_if_fail (slots != NULL);

  while (i + 4 <= end)
    {
      const char *open = g_strstr_len (text + i, end - i, "<!--");

      if (open == NULL)
        return;

      i = add_comment (text, open - text, end, slots);
    }
}

/* Whether @labels has the label @content.  Most labels are ASCII, whose
 * case folding is plain lower-casing: that path allocates nothing, which
 * matters as it runs for every slot of a document with any definition. */
static gboolean
has_label (GHashTable *labels,
           const char *content,
           gsize       len)
{
  char buf[MAX_SLOT_LENGTH + 1];
  gsize n = 0;
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = content[i];

      if (c & 0x80)
        {
          g_autofree char *label = spec_slot_scanner_normalize_label (content, len);

          return g_hash_table_contains (labels, label);
        }

      if (g_ascii_isspace (c))
        {
          space = n > 0;
          continue;
        }
      if (space && n < MAX_SLOT_LENGTH)
        buf[n++] = ' ';
      space = FALSE;
      if (n < MAX_SLOT_LENGTH)
        buf[n++] = g_ascii_tolower (c);
    }

  buf[n] = '\0';

  return g_hash_table_contains (labels, buf);
}

/* Characters that may start something the lexer must look at. */
static const guint8 special[256] = {
  ['\\'] = 1, ['`'] = 1, ['<'] = 1, ['!'] = 1, ['['] = 1,
};

void
spec_slot_scanner_scan_prose (const char *text,
                              gsize       start,
                              gsize       end,
                              GHashTable *labels,
                              GHashTable *tokens,
                              GArray     *slots)
{
  Backticks bt = { { 0 } };
  const char *t = text;
  gsize i = start;
  gsize definitions_end = start;

  g_return_if_fail (text != NULL);
  g_return_if_fail (slots != NULL);

  while (i < end)
    {
      gsize close, after;
      const char *content;
      gsize content_len;
      char next;

      while (i < end && !special[(guint8) t[i]])
        i++;
      if (i >= end)
        break;

      switch (t[i])
        {
        case '\\':
          i += 2;
          continue;

        case '`':
          {
            gsize run, cs, ce;

            after = match_code_span (t, i, end, &bt, &run, &cs, &ce);
            if (after != 0)
              {
                scan_code_span (t, cs, ce, tokens, slots);
                i = after;
              }
            else
              {
                i += run;
              }
          }
          continue;

        case '<':
          if (i + 4 <= end && memcmp (t + i, "<!--", 4) == 0)
            {
              i = add_comment (t, i, end, slots);
              continue;
            }
          else if (i + 1 < end && (g_ascii_isalpha (t[i + 1]) || t[i + 1] == '/'))
            {
              /* An autolink <https://…> or an HTML tag: not prose. */
              const char *gt = memchr (t + i, '>', end - i);
              const char *nl = memchr (t + i, '\n', end - i);

              if (gt != NULL && (nl == NULL || gt < nl))
                {
                  i = gt - t + 1;
                  continue;
                }
            }
          i++;
          continue;

        case '!':
          /* An image: its alt text is never a slot. */
          if (i + 1 < end && t[i + 1] == '[' &&
              (close = find_close (t, i + 1, end, &bt)) != (gsize) -1)
            {
              after = close + 1;
              if (after < end && t[after] == '(')
                {
                  gsize paren = skip_parens (t, after, end);

                  if (paren != 0)
                    after = paren;
                }
              i = after;
              continue;
            }
          i++;
          continue;

        case '[':
          break;

        default:
          g_assert_not_reached ();
        }

      /* A '[': a slot, or one of the many things that are not. */
      close = find_close (t, i, end, &bt);
      if (close == (gsize) -1)
        {
          i++;
          continue;
        }

      after = close + 1;
      next = after < end ? t[after] : '\0';
      content = t + i + 1;
      content_len = close - i - 1;

      if (next == '(')                                  /* [text](url) */
        {
          gsize paren = skip_parens (t, after, end);

          if (paren != 0)
            {
              i = paren;
              continue;
            }
        }

      if (next == '[')                                  /* [text][ref] */
        {
          gsize ref = find_close (t, after, end, &bt);

          if (ref != (gsize) -1)
            {
              i = ref + 1;
              continue;
            }
        }

      /* [ref]: url — which cannot interrupt a paragraph: it starts the
       * block or follows another definition. */
      if (next == ':' && at_line_start (t, i, start) &&
          (i == start || line_begin (t, start, i) == definitions_end) &&
          is_definition_tail (t, after, end))
        {
          const char *nl = memchr (t + after, '\n', end - after);

          i = nl ? (gsize) (nl - t) + 1 : end;
          definitions_end = i;
          continue;
        }

      if ((content_len > 0 && (content[0] == '^' ||     /* [^1] footnote */
                               content[0] == '!')) ||   /* [!NOTE] alert */
          is_blank (content, content_len) ||            /* [ ] task box */
          is_citation (content, content_len) ||         /* [12] */
          (i > start && (is_ident (t[i - 1]) ||         /* arr[0] */
                         t[i - 1] == '#')) ||           /* #[derive] */
          inside_bare_url (t, start, i))                /* https://x/[id] */
        {
          i = after;
          continue;
        }

      if (labels != NULL && g_hash_table_size (labels) > 0 &&
          has_label (labels, content, content_len))     /* [text] + [text]: url */
        {
          i = after;
          continue;
        }

      add_bracket_slot (slots, t, i, after - i, i, after - i);
      i = after;
    }
}

/* Case-folded, with runs of white space made one space and trimmed, as
 * CommonMark compares link labels. */
char *
spec_slot_scanner_normalize_label (const char *label,
                                   gsize       length)
{
  g_autofree char *folded = NULL;
  GString *str = g_string_sized_new (length);
  gboolean space = FALSE;

  if (!g_utf8_validate (label, length, NULL))
    return g_string_free (str, FALSE);

  folded = g_utf8_casefold (label, length);
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = str->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (str, ' ');
      space = FALSE;
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

/**
 * spec_slot_scanner_collect_labels:
 *
 * Returns: (transfer full): the set of normalised labels of the link
 *   reference definitions ("[label]: destination") in @text
 */
GHashTable *
spec_slot_scanner_collect_labels (const char *text,
                                  gsize       length)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean may_define = TRUE;   /* a definition cannot interrupt a paragraph */
  gboolean previous_defined = FALSE;
  gsize i = 0;

  while (i < length)
    {
      const char *nl = memchr (text + i, '\n', length - i);
      gsize line_end = nl ? (gsize) (nl - text) : length;
      gsize p = i;
      gboolean defined = FALSE;

      /* Up to three spaces, and a container's "> " prefix. */
      while (p < line_end && (text[p] == ' ' || text[p] == '>' || text[p] == '\r'))
        p++;

      if (!may_define)
        {
          /* After a paragraph line only a blank line, a heading or a
           * fence lets a definition start again. */
          may_define = p == line_end || text[p] == '#' || text[p] == '`' || text[p] == '~';
          i = line_end + 1;
          continue;
        }

      if (p < line_end && text[p] == '[' && p + 1 < line_end && text[p + 1] != '^')
        {
          gsize q = p + 1;

          while (q < line_end && text[q] != ']' && text[q] != '[')
            q += (text[q] == '\\') ? 2 : 1;

          if (q + 1 < line_end && text[q] == ']' && text[q + 1] == ':' && q > p + 1 &&
              is_definition_tail (text, q + 1, length))
            {
              g_hash_table_add (labels, spec_slot_scanner_normalize_label (text + p + 1, q - p - 1));
              defined = TRUE;
            }
        }

      /* A definition's title may stand on the next line. */
      if (!defined && previous_defined && p < line_end &&
          (text[p] == '"' || text[p] == '\'' || text[p] == '('))
        defined = TRUE;

      /* Blank lines, headings and definitions leave the way open. */
      may_define = defined || p == line_end || text[p] == '#';
      previous_defined = defined;
      i = line_end + 1;
    }

  return labels;
}

/**
 * spec_slot_scanner_collect_tokens:
 *
 * Returns: (transfer full): the set of bracketed tokens in @text, such as
 *   "[table_name]", leaving out task boxes and numbers
 */
GHashTable *
spec_slot_scanner_collect_tokens (const char *text,
                                  gsize       length)
{
  GHashTable *tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize i = 0;

  while (i < length)
    {
      const char *open = memchr (text + i, '[', length - i);
      gsize close;

      if (open == NULL)
        break;

      i = open - text;
      for (close = i + 1;
           close < length && text[close] != ']' && text[close] != '[' && text[close] != '\n';
           close++)
        ;

      if (close < length && text[close] == ']')
        {
          const char *content = text + i + 1;
          gsize len = close - i - 1;

          if (!is_blank (content, len) && !is_citation (content, len) &&
              !(i > 0 && is_ident (text[i - 1])) &&
              !(len == 1 && (content[0] == 'x' || content[0] == 'X')))
            g_hash_table_add (tokens, g_strndup (text + i, close - i + 1));
          i = close + 1;
        }
      else
        {
          i = close;
        }
    }

  return tokens;
}
