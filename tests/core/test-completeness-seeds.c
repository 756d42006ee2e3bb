/* test-completeness-seeds.c: the seed templates, as found and filled in
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "expected-outline.h"
#include "spec-snapshot.h"

/* For each seed template: the engine's placeholders are the ones a simple
 * line-by-line oracle finds (same lines, same columns); a copy with every
 * reported item filled in and every empty section written is complete at
 * 100%, alone and against the seed; and that copy without a section the
 * template requires says so. */

/* ------------------------------------------------------------------ */
/* The oracle                                                         */
/* ------------------------------------------------------------------ */

/* What the oracle finds: bracketed slots outside code, comments and
 * links, one line at a time.  It knows none of the engine's code: no
 * cmark, no lexer, just the rules read plainly.  What it does not handle
 * (slots that wrap onto a second line, indented code blocks, HTML blocks
 * other than comments, headings inside quotes) does not occur in the
 * seeds; /completeness-seeds/oracle checks that the oracle and the engine
 * agree slot by slot, so such a case would show up there.
 *
 * On the five seeds they legitimately differ nowhere: every difference
 * left is the engine's (seed 000's "- [npm package]: [Version, purpose]"
 * and seed 002's "- [Issue 1]: [Description and impact]" lines, which the
 * engine takes for link reference definitions; see test-report.c,
 * /report/placeholder/key-value). */
typedef struct
{
  guint    line;
  guint    column;
  gboolean clarification;
  char    *text;
} OracleSlot;

static void
oracle_slot_clear (gpointer data)
{
  g_free (((OracleSlot *) data)->text);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || (c & 0x80) || strchr (" _#./|:-", c) != NULL;
}

/* The ']' matching the '[' at @open on this line, or -1. */
static gssize
matching_bracket (const char *line,
                  gsize       open)
{
  int depth = 0;

  for (gsize j = open; line[j] != '\0'; j++)
    {
      if (line[j] == '\\' && line[j + 1] != '\0')
        j++;
      else if (line[j] == '[')
        depth++;
      else if (line[j] == ']' && --depth == 0)
        return j;
    }

  return -1;
}

static gboolean
all_blank (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != ' ')
      return FALSE;

  return TRUE;
}

/* [1], [12], [3, 4]. */
static gboolean
is_numeric (const char *s,
            gsize       len)
{
  gboolean digit = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        digit = TRUE;
      else if (s[i] != ',' && s[i] != ' ' && s[i] != '-')
        return FALSE;
    }

  return digit;
}

/* Whether only a list marker ("- ", "* ", "1. ") comes before @at. */
static gboolean
after_list_marker (const char *line,
                   gsize       at)
{
  gsize i = 0;

  while (i < at && line[i] == ' ')
    i++;
  if (i < at && strchr ("-*+", line[i]) != NULL)
    i++;
  else
    {
      gsize digits = i;

      while (i < at && g_ascii_isdigit (line[i]))
        i++;
      if (i == digits || i >= at || (line[i] != '.' && line[i] != ')'))
        return FALSE;
      i++;
    }

  return i < at && all_blank (line + i, at - i);
}

/* "[label]: destination 'title'" on a line of its own, where a paragraph
 * starts: a link reference definition. */
static char *
definition_label (const char *line,
                  gboolean    paragraph_start)
{
  gsize i = 0;
  gssize close;
  const char *p;

  while (i < 3 && line[i] == ' ')
    i++;
  if (!paragraph_start || line[i] != '[' || line[i + 1] == '^')
    return NULL;

  close = matching_bracket (line, i);
  if (close < 0 || line[close + 1] != ':')
    return NULL;

  p = line + close + 2;
  while (*p == ' ')
    p++;
  if (*p == '\0' || *p == '[')
    return NULL;
  while (*p != '\0' && *p != ' ')
    p++;
  while (*p == ' ')
    p++;
  if (*p != '\0' && *p != '"' && *p != '\'' && *p != '(')
    return NULL;

  return g_ascii_strdown (line + i + 1, close - i - 1);
}

static void
oracle_add (GArray     *slots,
            guint       line,
            gsize       open,
            const char *text,
            gsize       length)
{
  OracleSlot slot = { line, open + 1, FALSE, g_strndup (text, length) };

  slot.clarification = g_ascii_strncasecmp (slot.text, "[NEEDS CLARIFICATION", 20) == 0 &&
                       (slot.text[20] == ':' || slot.text[20] == ']');
  g_array_append_val (slots, slot);
}

/* One line of prose. */
static void
oracle_scan_line (const char *line,
                  guint       number,
                  GHashTable *labels,
                  GArray     *slots)
{
  gsize i = 0;

  while (line[i] != '\0')
    {
      char c = line[i];

      if (c == '\\' && line[i + 1] != '\0')
        {
          i += 2;
        }
      else if (c == '`')
        {
          gsize run = 0;
          const char *close;

          while (line[i + run] == '`')
            run++;

          /* The closing run of the same length, if any. */
          close = line + i + run;
          for (;;)
            {
              gsize n = 0;

              close = strchr (close, '`');
              if (close == NULL)
                break;
              while (close[n] == '`')
                n++;
              if (n == run)
                break;
              close += n;
            }

          if (close == NULL)
            {
              i += run;
              continue;
            }

          /* `[name]`: a span that is one bracketed name. */
          {
            gsize s = i + run;
            gsize e = close - line;
            gboolean name = TRUE;
            gboolean letter = FALSE;

            while (s < e && line[s] == ' ')
              s++;
            while (e > s && line[e - 1] == ' ')
              e--;

            if (e - s >= 3 && line[s] == '[' && line[e - 1] == ']')
              {
                for (gsize k = s + 1; k < e - 1; k++)
                  {
                    name = name && is_name_char (line[k]);
                    letter = letter || g_ascii_isalpha (line[k]) || (line[k] & 0x80);
                  }
                if (name && letter)
                  oracle_add (slots, number, s, line + s, e - s);
              }
          }

          i = close - line + run;
        }
      else if (c == '<' && (g_ascii_isalpha (line[i + 1]) || line[i + 1] == '/'))
        {
          const char *gt = strchr (line + i, '>');

          i = gt ? (gsize) (gt - line) + 1 : i + 1;
        }
      else if (c == '[')
        {
          gssize close = matching_bracket (line, i);
          const char *content = line + i + 1;
          gsize length;
          g_autofree char *label = NULL;

          if (close < 0)
            {
              i++;
              continue;
            }

          length = close - i - 1;
          label = g_ascii_strdown (content, length);

          if (line[close + 1] == '(')
            {
              /* [text](url): past the ')'. */
              const char *paren = strchr (line + close, ')');

              i = paren ? (gsize) (paren - line) + 1 : (gsize) close + 1;
              continue;
            }
          if (line[close + 1] == '[')
            {
              gssize ref = matching_bracket (line, close + 1);

              i = ref > 0 ? (gsize) ref + 1 : (gsize) close + 1;
              continue;
            }

          if (!(all_blank (content, length) ||
                (length == 1 && (content[0] == 'x' || content[0] == 'X') && after_list_marker (line, i)) ||
                (i > 0 && (g_ascii_isalnum (line[i - 1]) || line[i - 1] == '_' ||
                           line[i - 1] == '#' || line[i - 1] == '!')) ||
                content[0] == '^' || content[0] == '!' ||
                is_numeric (content, length) ||
                g_hash_table_contains (labels, label)))
            oracle_add (slots, number, i, line + i, close - i + 1);

          i = close + 1;
        }
      else
        {
          i++;
        }
    }
}

/* Every slot of @text, in order: a GArray of OracleSlot. */
static GArray *
oracle_scan (const char *text)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (OracleSlot));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char fence = 0;
  gsize fence_length = 0;
  gboolean in_comment = FALSE;
  gboolean blank_before = TRUE;

  g_array_set_clear_func (slots, oracle_slot_clear);

  /* First the definitions, which count wherever they are. */
  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *label = definition_label (lines[n], blank_before);

      if (label != NULL)
        g_hash_table_add (labels, label);
      blank_before = all_blank (lines[n], strlen (lines[n])) || label != NULL;
    }

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autofree char *line = g_strdup (lines[n]);
      const char *start = line;
      char *open;

      while (*start == ' ')
        start++;

      /* Fenced code: ``` or ~~~, closed by a run as long. */
      if ((start - line) < 4 && (g_str_has_prefix (start, "```") || g_str_has_prefix (start, "~~~")))
        {
          gsize run = 0;

          while (start[run] == start[0])
            run++;

          if (fence == 0)
            {
              fence = start[0];
              fence_length = run;
              continue;
            }
          if (start[0] == fence && run >= fence_length && all_blank (start + run, strlen (start + run)))
            {
              fence = 0;
              continue;
            }
        }
      if (fence != 0)
        continue;

      /* Comments: blank them out, across lines. */
      if (in_comment)
        {
          char *close = strstr (line, "-->");

          if (close == NULL)
            continue;
          memset (line, ' ', close + 3 - line);
          in_comment = FALSE;
        }
      while ((open = strstr (line, "<!--")) != NULL)
        {
          char *close = strstr (open + 4, "-->");

          if (close == NULL)
            {
              *open = '\0';
              in_comment = TRUE;
              break;
            }
          memset (open, ' ', close + 3 - open);
        }

      /* A definition line is no prose. */
      {
        g_autofree char *label = definition_label (line, n == 0 || all_blank (lines[n - 1], strlen (lines[n - 1])));

        if (label != NULL)
          continue;
      }

      oracle_scan_line (line, n + 1, labels, slots);
    }

  return slots;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *prefix;          /* the seed file's name starts with it */
  guint       placeholders;    /* as the oracle counts them */
  guint       clarifications;
} SeedCounts;

/* The oracle's counts, written down so that a change to the oracle or to
 * the seeds shows. */
static const SeedCounts seed_counts[] = {
  { "000_", 77, 0 },
  { "001_", 50, 0 },
  { "002_", 133, 0 },
  { "003_", 57, 2 },
  { "004_", 84, 0 },
};

static const SeedCounts *
counts_for (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  for (guint i = 0; i < G_N_ELEMENTS (seed_counts); i++)
    if (g_str_has_prefix (name, seed_counts[i].prefix))
      return &seed_counts[i];

  return NULL;
}

static char *
load (const char *path,
      gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);

  return text;
}

static GPtrArray *
seeds_or_skip (void)
{
  GPtrArray *seeds = expected_outline_load_seeds ();

  if (seeds == NULL)
    g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");

  return seeds;
}

static void
dump_unfilled (const SpecReport *report)
{
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      if (item->kind != SPEC_ITEM_GUIDANCE)
        g_test_message ("  left: %u:%u %s", item->line, item->column, item->text);
    }
  for (guint i = 0; i < report->sections->len; i++)
    {
      const SpecSectionReport *sr = &g_array_index (report->sections, SpecSectionReport, i);

      if (sr->counted && sr->state != SPEC_SECTION_COMPLETE)
        g_test_message ("  %s section: %s", spec_section_state_to_string (sr->state), sr->section->title);
    }
  for (guint i = 0; i < report->missing->len; i++)
    g_test_message ("  missing: %s", g_array_index (report->missing, SpecMissingSection, i).title);
}

/* ------------------------------------------------------------------ */
/* Filling a seed in                                                  */
/* ------------------------------------------------------------------ */

#define FILLED_VALUE "Filled value"
#define FILLED_SECTION "\nThis section is written.\n\n"

/* @text with every item @template_snapshot's report of it finds replaced,
 * back to front: slots and clarifications by plain words, comments by
 * nothing (a writer deletes the guidance once followed). */
static char *
fill_items (const char   *text,
            gsize         length,
            SpecSnapshot *template_snapshot)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (text, length, template_snapshot);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  GString *out = g_string_new_len (text, length);
  gsize limit = length;

  for (guint i = report->items->len; i > 0; i--)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i - 1);

      /* Items are in order and never overlap. */
      g_assert_cmpuint (item->offset + item->length, <=, limit);
      if (item->offset + item->length > limit)
        continue;
      limit = item->offset;

      if (item->kind == SPEC_ITEM_GUIDANCE)
        {
          /* The whole comment, through its "-->" even where the item
           * stops short of it (see /completeness-seeds/guidance-ranges). */
          const char *close = g_strstr_len (text + item->offset, length - item->offset, "-->");
          gsize end = close ? (gsize) (close - text) + 3 : item->offset + item->length;

          g_string_erase (out, item->offset, MAX (end, item->offset + item->length) - item->offset);
        }
      else
        {
          g_string_erase (out, item->offset, item->length);
          g_string_insert (out, item->offset, FILLED_VALUE);
        }
    }

  return g_string_free (out, FALSE);
}

/* @text with a sentence under each heading that has nothing under it. */
static char *
fill_empty_sections (const char   *text,
                     SpecSnapshot *template_snapshot)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (text, -1, template_snapshot);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const SpecLineIndex *lines = spec_snapshot_get_line_index (snapshot);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  GString *out = g_string_new (text);

  for (guint i = sections->len; i > 0; i--)
    {
      const SpecSection *section = g_ptr_array_index (sections, i - 1);
      const SpecSectionReport *sr = spec_report_get_section (report, section);

      if (sr->counted && sr->state == SPEC_SECTION_EMPTY)
        {
          gsize at = spec_line_index_line_start (lines, section->heading_end_line + 1);

          if (at == out->len && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          g_string_insert (out, MIN (at, out->len), FILLED_SECTION);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
fill_seed (const char   *text,
           gsize         length,
           SpecSnapshot *template_snapshot)
{
  g_autofree char *filled = fill_items (text, length, template_snapshot);

  return fill_empty_sections (filled, template_snapshot);
}

static void
assert_complete (const char       *what,
                 const SpecReport *report)
{
  g_test_message ("%s: %u%%, %u/%u complete, %u placeholders, %u clarifications, %u missing",
                  what, report->percent, report->n_complete, report->n_counted,
                  report->n_placeholders, report->n_clarifications, report->missing->len);
  if (!report->complete)
    dump_unfilled (report);

  g_assert_cmpuint (report->n_placeholders, ==, 0);
  g_assert_cmpuint (report->n_clarifications, ==, 0);
  g_assert_cmpuint (report->n_empty, ==, 0);
  g_assert_cmpuint (report->n_complete, ==, report->n_counted);
  g_assert_cmpuint (report->missing->len, ==, 0);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);
}

/* How many keys of @from are not in @in. */
static guint
count_missing_keys (GHashTable *from,
                    GHashTable *in)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += !g_hash_table_contains (in, key);

  return n;
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

/* The oracle on its own, on lines whose answer is plain. */
static void
test_oracle_self (void)
{
  g_autoptr(GArray) slots = oracle_scan (
    "# Title [A]\n"
    "- [ ] [B] and `[c_d]`, `arr[0]`, [link](u), ![img](i), [^1], [2], x[3]\n"
    "```\n"
    "[code]\n"
    "```\n"
    "<!-- [comment]\n"
    "[still comment] -->[E]\n"
    "\\[escaped\\] [F [nested]] [NEEDS CLARIFICATION: q] <https://x/[u]>\n");
  static const struct { guint line, column; const char *text; } want[] = {
    { 1, 9, "[A]" },
    { 2, 7, "[B]" },
    { 2, 16, "[c_d]" },
    { 7, 20, "[E]" },
    { 8, 13, "[F [nested]]" },
    { 8, 26, "[NEEDS CLARIFICATION: q]" },
  };

  g_assert_cmpuint (slots->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < MIN (slots->len, G_N_ELEMENTS (want)); i++)
    {
      const OracleSlot *slot = &g_array_index (slots, OracleSlot, i);

      g_assert_cmpuint (slot->line, ==, want[i].line);
      g_assert_cmpuint (slot->column, ==, want[i].column);
      g_assert_cmpstr (slot->text, ==, want[i].text);
      g_assert_cmpint (slot->clarification, ==, i == 5);
    }
}

/* The engine's placeholders and clarifications are the oracle's, one for
 * one, at the same line and column. */
static void
test_oracle (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    {
      const char *path = g_ptr_array_index (seeds, s);
      const SeedCounts *counts = counts_for (path);
      gsize length = 0;
      g_autofree char *text = load (path, &length);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, length);
      const SpecReport *report = spec_snapshot_get_report (snapshot);
      g_autoptr(GArray) oracle = oracle_scan (text);
      g_autoptr(GHashTable) engine_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) oracle_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint oracle_placeholders = 0;
      guint oracle_clarifications = 0;

      g_test_message ("seed %s", path);
      g_assert_nonnull (counts);

      for (guint i = 0; i < report->items->len; i++)
        {
          const SpecItem *item = &g_array_index (report->items, SpecItem, i);

          if (item->kind != SPEC_ITEM_GUIDANCE)
            g_hash_table_add (engine_at, g_strdup_printf ("%u:%u %s", item->line, item->column, item->text));
        }

      for (guint i = 0; i < oracle->len; i++)
        {
          const OracleSlot *slot = &g_array_index (oracle, OracleSlot, i);
          char *key = g_strdup_printf ("%u:%u %s", slot->line, slot->column, slot->text);

          if (slot->clarification)
            oracle_clarifications++;
          else
            oracle_placeholders++;

          if (!g_hash_table_contains (engine_at, key))
            g_test_message ("  the engine misses %s", key);
          g_hash_table_add (oracle_at, key);
        }

      {
        GHashTableIter iter;
        const char *key;

        g_hash_table_iter_init (&iter, engine_at);
        while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
          if (!g_hash_table_contains (oracle_at, key))
            g_test_message ("  the oracle does not have %s", key);
      }

      if (counts != NULL)
        {
          g_assert_cmpuint (oracle_placeholders, ==, counts->placeholders);
          g_assert_cmpuint (oracle_clarifications, ==, counts->clarifications);
        }

      g_assert_cmpuint (report->n_placeholders, ==, oracle_placeholders);
      g_assert_cmpuint (report->n_clarifications, ==, oracle_clarifications);
      g_assert_cmpuint (count_missing_keys (engine_at, oracle_at), ==, 0);
      g_assert_cmpuint (count_missing_keys (oracle_at, engine_at), ==, 0);
    }
}

static void
test_clarifications (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();
  const char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SpecSnapshot) snapshot = NULL;
  const SpecReport *report;
  static const struct { guint line; const char *question; const char *section; } want[] = {
    { 95, "auth method not specified - email/password, SSO, OAuth?", "Functional Requirements" },
    { 96, "retention period not specified", "Functional Requirements" },
  };
  guint n = 0;
  gsize length = 0;

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    if (counts_for (g_ptr_array_index (seeds, s)) == &seed_counts[3])
      path = g_ptr_array_index (seeds, s);
  g_assert_nonnull (path);
  if (path == NULL)
    return;

  text = load (path, &length);
  snapshot = spec_snapshot_new (text, length);
  report = spec_snapshot_get_report (snapshot);

  g_assert_cmpuint (report->n_clarifications, ==, 2);
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      if (item->kind != SPEC_ITEM_CLARIFICATION)
        continue;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (want));
      if (n >= G_N_ELEMENTS (want))
        break;

      g_assert_cmpuint (item->line, ==, want[n].line);
      g_assert_cmpstr (item->question, ==, want[n].question);
      g_assert_nonnull (item->section);
      if (item->section != NULL)
        g_assert_cmpstr (item->section->title, ==, want[n].section);
      g_assert_true (g_str_has_prefix (item->text, "[NEEDS CLARIFICATION: "));
      g_assert_true (strncmp (text + item->offset, item->text, item->length) == 0);
      n++;
    }
  g_assert_cmpuint (n, ==, 2);
}

/* A guidance item is the whole comment, "<!--" through "-->": what an
 * editor selects or deletes when the writer is done with it. */
static void
test_guidance_ranges (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();
  guint n_guidance = 0;

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    {
      const char *path = g_ptr_array_index (seeds, s);
      gsize length = 0;
      g_autofree char *text = load (path, &length);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, length);
      const SpecReport *report = spec_snapshot_get_report (snapshot);

      for (guint i = 0; i < report->items->len; i++)
        {
          const SpecItem *item = &g_array_index (report->items, SpecItem, i);
          g_autofree char *source = NULL;

          if (item->kind != SPEC_ITEM_GUIDANCE)
            continue;

          n_guidance++;
          source = g_strndup (text + item->offset, item->length);
          g_test_message ("%s:%u: guidance “%s”", path, item->line, item->text);
          g_assert_true (g_str_has_prefix (source, "<!--"));
          g_assert_true (g_str_has_suffix (source, "-->"));
          /* and no further than its first "-->" */
          g_assert_true (item->length < 7 || strstr (source + 4, "-->") == source + item->length - 3);
        }
    }

  /* Seed 003 has four, each over several lines. */
  g_assert_cmpuint (n_guidance, ==, 4);
}

/* Every seed, filled in, is complete: alone and against itself. */
static void
test_filled (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    {
      const char *path = g_ptr_array_index (seeds, s);
      gsize length = 0;
      g_autofree char *text = load (path, &length);
      g_autoptr(SpecSnapshot) template = spec_snapshot_new (text, length);
      g_autofree char *filled = fill_seed (text, length, template);
      g_autoptr(SpecSnapshot) alone = spec_snapshot_new (filled, -1);
      g_autoptr(SpecSnapshot) against = spec_snapshot_new_for_template (filled, -1, template);
      g_autoptr(GArray) oracle = oracle_scan (filled);

      g_test_message ("seed %s", path);

      /* The template itself is far from complete. */
      g_assert_false (spec_snapshot_get_report (template)->complete);
      g_assert_cmpuint (spec_snapshot_get_report (template)->percent, <, 60);

      assert_complete ("alone", spec_snapshot_get_report (alone));
      assert_complete ("against the seed", spec_snapshot_get_report (against));
      g_assert_true (spec_snapshot_get_report (against)->against_template);

      /* Filled in for the oracle too: no bracketed slot is left over. */
      for (guint i = 0; i < oracle->len; i++)
        g_test_message ("  still in the filled copy: %u:%u %s",
                        g_array_index (oracle, OracleSlot, i).line,
                        g_array_index (oracle, OracleSlot, i).column,
                        g_array_index (oracle, OracleSlot, i).text);
      g_assert_cmpuint (oracle->len, ==, 0);
    }
}

/* Filling the prose alone is not enough against the template: the
 * template's tokens in code ("CREATE TABLE [table_name]") are unfilled
 * too, and they are what is left. */
static void
test_filled_prose_only (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();
  guint with_code_tokens = 0;

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    {
      const char *path = g_ptr_array_index (seeds, s);
      gsize length = 0;
      g_autofree char *text = load (path, &length);
      g_autoptr(SpecSnapshot) template = spec_snapshot_new (text, length);
      g_autoptr(SpecSnapshot) prose_template = spec_snapshot_new ("", 0);
      g_autofree char *prose_filled = NULL;
      g_autoptr(SpecSnapshot) alone = NULL;
      g_autoptr(SpecSnapshot) against = NULL;
      const SpecReport *report;

      /* Filled from the report without a template: code is left as is.
       * (A template of nothing has no tokens; its missing sections are
       * none.) */
      {
        g_autofree char *items_filled = fill_items (text, length, prose_template);

        prose_filled = fill_empty_sections (items_filled, prose_template);
      }
      alone = spec_snapshot_new (prose_filled, -1);
      against = spec_snapshot_new_for_template (prose_filled, -1, template);

      g_test_message ("seed %s", path);
      assert_complete ("alone", spec_snapshot_get_report (alone));

      report = spec_snapshot_get_report (against);
      for (guint i = 0; i < report->items->len; i++)
        {
          const SpecItem *item = &g_array_index (report->items, SpecItem, i);

          /* What is left is in code, where only template tokens count. */
          g_assert_cmpint (item->kind, ==, SPEC_ITEM_PLACEHOLDER);
          g_assert_true (g_str_has_prefix (item->text, "["));
        }
      if (report->n_placeholders > 0)
        {
          with_code_tokens++;
          g_assert_false (report->complete);
          g_assert_cmpuint (report->percent, <, 100);
        }
    }

  /* Seeds 001 and 002 have "[table_name]", "[ModelName]" and the like in
   * their code blocks. */
  g_assert_cmpuint (with_code_tokens, >=, 2);
}

/* Deleting any section of a filled-in seed leaves it incomplete, and the
 * section is reported missing. */
static void
test_filled_deletions (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    {
      const char *path = g_ptr_array_index (seeds, s);
      gsize length = 0;
      g_autofree char *text = load (path, &length);
      g_autoptr(SpecSnapshot) template = spec_snapshot_new (text, length);
      g_autofree char *filled = fill_seed (text, length, template);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (filled, -1, template);
      GPtrArray *sections = spec_snapshot_get_sections (snapshot);
      gsize filled_length = strlen (filled);

      g_test_message ("seed %s", path);

      for (guint i = 0; i < sections->len; i++)
        {
          const SpecSection *section = g_ptr_array_index (sections, i);
          g_autoptr(GString) shorter = g_string_new_len (filled, section->start_offset);
          g_autoptr(SpecSnapshot) cut = NULL;
          const SpecReport *report;

          g_string_append_len (shorter, filled + section->end_offset, filled_length - section->end_offset);
          cut = spec_snapshot_new_for_template (shorter->str, shorter->len, template);
          report = spec_snapshot_get_report (cut);

          if (report->complete)
            g_test_message ("  deleting “%s” leaves it complete", section->title);
          g_assert_false (report->complete);
          g_assert_cmpuint (report->percent, <, 100);
          g_assert_cmpuint (report->missing->len, >, 0);
        }
    }
}

/* Seed 003 without "## Success Criteria *(mandatory)*" and its
 * subsections: reported missing and required; below 100%. */
static void
test_mandatory_deleted (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();
  const char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *filled = NULL;
  g_autoptr(SpecSnapshot) template = NULL;
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(SpecSnapshot) cut = NULL;
  g_autoptr(GString) shorter = NULL;
  const SpecSection *success = NULL;
  const SpecReport *report;
  GPtrArray *sections;
  gboolean found_success = FALSE;
  gboolean found_outcomes = FALSE;
  gsize length = 0;

  if (seeds == NULL)
    return;

  for (guint s = 0; s < seeds->len; s++)
    if (counts_for (g_ptr_array_index (seeds, s)) == &seed_counts[3])
      path = g_ptr_array_index (seeds, s);
  g_assert_nonnull (path);
  if (path == NULL)
    return;

  text = load (path, &length);
  template = spec_snapshot_new (text, length);
  filled = fill_seed (text, length, template);
  snapshot = spec_snapshot_new_for_template (filled, -1, template);
  assert_complete ("filled", spec_snapshot_get_report (snapshot));

  sections = spec_snapshot_get_sections (snapshot);
  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);

      if (g_str_has_prefix (section->title, "Success Criteria"))
        success = section;
    }
  g_assert_nonnull (success);
  if (success == NULL)
    return;

  g_assert_cmpstr (success->title, ==, "Success Criteria (mandatory)");
  g_assert_cmpuint (success->level, ==, 2);
  g_assert_cmpuint (success->children->len, ==, 1);

  shorter = g_string_new_len (filled, success->start_offset);
  g_string_append (shorter, filled + success->end_offset);
  g_assert_null (strstr (shorter->str, "Success Criteria"));
  g_assert_null (strstr (shorter->str, "Measurable Outcomes"));

  cut = spec_snapshot_new_for_template (shorter->str, shorter->len, template);
  report = spec_snapshot_get_report (cut);

  for (guint i = 0; i < report->missing->len; i++)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, i);

      g_test_message ("missing: %s (line %u)", missing->title, missing->template_line);
      if (g_strcmp0 (missing->title, "Success Criteria") == 0)
        {
          found_success = TRUE;
          g_assert_true (missing->required);
          g_assert_cmpuint (missing->level, ==, 2);
          g_assert_cmpuint (missing->template_line, ==, 129);
          /* In the template it only holds "Measurable Outcomes". */
          g_assert_false (missing->counted);
          g_assert_nonnull (missing->after);
        }
      else if (g_strcmp0 (missing->title, "Measurable Outcomes") == 0)
        {
          found_outcomes = TRUE;
          g_assert_false (missing->required);
          g_assert_true (missing->counted);
        }
    }

  g_assert_true (found_success);
  g_assert_true (found_outcomes);
  g_assert_cmpuint (report->missing->len, ==, 2);
  g_assert_cmpuint (report->n_missing_counted, ==, 1);
  g_assert_false (report->complete);
  g_assert_cmpuint (report->percent, <, 100);
  g_assert_cmpuint (report->percent, ==,
                    100 * report->n_complete / (report->n_counted + report->n_missing_counted));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/completeness-seeds/oracle-self", test_oracle_self);
  g_test_add_func ("/completeness-seeds/oracle", test_oracle);
  g_test_add_func ("/completeness-seeds/clarifications", test_clarifications);
  g_test_add_func ("/completeness-seeds/guidance-ranges", test_guidance_ranges);
  g_test_add_func ("/completeness-seeds/filled", test_filled);
  g_test_add_func ("/completeness-seeds/filled-prose-only", test_filled_prose_only);
  g_test_add_func ("/completeness-seeds/filled-deletions", test_filled_deletions);
  g_test_add_func ("/completeness-seeds/mandatory-deleted", test_mandatory_deleted);

  return g_test_run ();
}
