/* test-outline-edit.c: restructuring by sections, on random documents
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random documents (heading trees with ATX and setext headings, body text,
 * fenced code holding "#" lines, with or without a final line break, some
 * with Windows line endings) get
 * random sequences of moves, promotions, demotions and deletions.  After
 * each: every body line is still there, once (but for a deletion's), the
 * outline is the one the operation promised, and the inverse edits give
 * back the exact bytes before it.
 */

#include "config.h"

#include <string.h>

#include "spec-outline-edit.h"
#include "spec-snapshot.h"

#define N_DOCUMENTS 300
#define N_OPERATIONS 25

typedef struct
{
  char  *title;
  guint  level;
} Entry;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->title);
}

/* The outline as (title, level) pairs, in document order. */
static GArray *
outline_of (SpecSnapshot *snapshot)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      Entry entry = { g_strdup (section->title), section->level };

      g_array_append_val (entries, entry);
    }

  return entries;
}

static char *
outline_to_string (GArray *entries)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      g_string_append_printf (str, "%u %s\n", entry->level, entry->title);
    }

  return g_string_free (str, FALSE);
}

static char *
random_document (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n_headings = g_rand_int_range (rand, 1, 16);
  int level = 0;
  guint body = 0;

  if (g_rand_boolean (rand))
    g_string_append_printf (text, "Preamble line %u.\n\n", body++);

  for (guint h = 0; h < n_headings; h++)
    {
      guint n_blocks = g_rand_int_range (rand, 0, 4);

      /* A child, a sibling or a return up, now and then a skipped level. */
      level = h == 0 ? g_rand_int_range (rand, 1, 3)
                     : CLAMP (level + g_rand_int_range (rand, -2, 3), 1, 6);

      /* A setext heading after a paragraph line would take it in. */
      if (level <= 2 && g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_printf (text, "%sHeading %u\n%s\n",
                                text->len > 0 && !g_str_has_suffix (text->str, "\n\n") ? "\n" : "",
                                h, level == 1 ? "=========" : "---------");
      else
        g_string_append_printf (text, "%.*s Heading %u%s\n", level, "######", h,
                                g_rand_int_range (rand, 0, 5) == 0 ? " ##" : "");

      for (guint b = 0; b < n_blocks; b++)
        {
          /* Headings are often set without a blank line after them. */
          if (b > 0 || g_rand_boolean (rand))
            g_string_append_c (text, '\n');

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              g_string_append_printf (text, "Body line %u.\nBody line %u.\n", body, body + 1);
              body += 2;
              break;

            case 1:
              g_string_append_printf (text, "```\n# not a heading %u\n```\n", body++);
              break;

            default:
              g_string_append_printf (text, "- item %u\n- item %u\n", body, body + 1);
              body += 2;
              break;
            }
        }

      if (g_rand_int_range (rand, 0, 3) > 0)
        g_string_append_c (text, '\n');
    }

  /* Sometimes no line break at the very end. */
  if (g_rand_int_range (rand, 0, 5) == 0)
    while (text->len > 0 && text->str[text->len - 1] == '\n')
      g_string_truncate (text, text->len - 1);

  /* Sometimes Windows line endings, which added line breaks must keep. */
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);

      g_string_free (text, TRUE);
      return g_strjoinv ("\r\n", lines);
    }

  return g_string_free (text, FALSE);
}

/* The body lines, sorted: they must all survive a restructuring. */
static GPtrArray *
body_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *body = g_ptr_array_new_with_free_func (g_free);

  /* A line break added after the last line, in the document's style, is
   * no change to it. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (strstr (lines[i], "Body") || strstr (lines[i], "not a heading") ||
          strstr (lines[i], "item") || strstr (lines[i], "Preamble"))
        g_ptr_array_add (body, g_strdup (lines[i]));
    }

  return body;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
joined (GPtrArray *lines)
{
  GString *str = g_string_new (NULL);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (str, "%s\n", (char *) g_ptr_array_index (lines, i));

  return g_string_free (str, FALSE);
}

/* The last section inside section @index, by the outline's levels. */
static guint
subtree_last (GArray *outline,
              guint   index)
{
  guint last = index;

  while (last + 1 < outline->len &&
         g_array_index (outline, Entry, last + 1).level > g_array_index (outline, Entry, index).level)
    last++;

  return last;
}

static gboolean
levels_fit (GArray *outline,
            guint   index,
            int     delta)
{
  for (guint i = index; i <= subtree_last (outline, index); i++)
    {
      int level = (int) g_array_index (outline, Entry, i).level + delta;

      if (level < 1 || level > 6)
        return FALSE;
    }

  return TRUE;
}

/* @outline with section @index's subtree shifted by @delta and moved
 * before entry @before (outline->len: the end). */
static GArray *
promised_move (GArray *outline,
               guint   index,
               guint   before,
               int     delta)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint last = subtree_last (outline, index);

  g_array_set_clear_func (result, entry_clear);
  for (guint i = 0; i <= outline->len; i++)
    {
      if (i == before)
        for (guint j = index; j <= last; j++)
          {
            Entry entry = { g_strdup (g_array_index (outline, Entry, j).title),
                            (guint) ((int) g_array_index (outline, Entry, j).level + delta) };

            g_array_append_val (result, entry);
          }

      if (i < outline->len && (i < index || i > last))
        {
          Entry entry = { g_strdup (g_array_index (outline, Entry, i).title),
                          g_array_index (outline, Entry, i).level };

          g_array_append_val (result, entry);
        }
    }

  return result;
}

static GArray *
promised_delete (GArray *outline,
                 guint   index)
{
  GArray *result = promised_move (outline, index, outline->len + 1, 0);

  return result;
}

/* The index of section @index's sibling before or after it, or
 * G_MAXUINT: the sections sharing its parent, whatever their levels. */
static guint
sibling (SpecSnapshot *snapshot,
         guint         index,
         int           direction)
{
  const SpecSection *section = g_ptr_array_index (spec_snapshot_get_sections (snapshot), index);
  GPtrArray *around = section->parent != NULL ? section->parent->children : spec_snapshot_get_outline (snapshot);
  guint position;

  g_assert_true (g_ptr_array_find (around, section, &position));
  if (direction < 0)
    return position > 0 ? ((SpecSection *) g_ptr_array_index (around, position - 1))->index : G_MAXUINT;

  return position + 1 < around->len ? ((SpecSection *) g_ptr_array_index (around, position + 1))->index : G_MAXUINT;
}

typedef enum { OP_UP, OP_DOWN, OP_PROMOTE, OP_DEMOTE, OP_MOVE, OP_DELETE, N_OPS } Op;

static const char *op_names[N_OPS] = { "move up", "move down", "promote", "demote", "move", "delete" };
static guint n_done[N_OPS], n_refused[N_OPS];

static void
run_document (GRand *rand,
              guint  document)
{
  g_autofree char *text = random_document (rand);

  for (guint step = 0; step < N_OPERATIONS; step++)
    {
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
      g_autoptr(GArray) outline = outline_of (snapshot);
      g_autoptr(GArray) promised = NULL;
      g_autoptr(GPtrArray) edits = NULL;
      g_autoptr(GPtrArray) inverse = NULL;
      g_autoptr(GPtrArray) body_before = NULL;
      g_autoptr(GPtrArray) body_after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpecSnapshot) after = NULL;
      g_autoptr(GArray) outline_after = NULL;
      g_autofree char *result = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      g_autofree char *body_want = NULL;
      g_autofree char *body_got = NULL;
      gsize len, result_len, undone_len;
      guint index, n = outline->len;
      Op op = g_rand_int_range (rand, 0, N_OPS);
      gboolean expect_ok = TRUE;

      if (n == 0)
        break;

      spec_snapshot_get_text (snapshot, &len);
      index = g_rand_int_range (rand, 0, n);
      body_before = body_lines (text);

      switch (op)
        {
        case OP_UP:
        case OP_DOWN:
          {
            guint other = sibling (snapshot, index, op == OP_UP ? -1 : 1);

            edits = (op == OP_UP ? spec_outline_edit_move_up : spec_outline_edit_move_down) (snapshot, index, &error);
            expect_ok = other != G_MAXUINT;
            if (expect_ok)
              promised = op == OP_UP ? promised_move (outline, index, other, 0)
                                     : promised_move (outline, index, subtree_last (outline, other) + 1, 0);
          }
          break;

        case OP_PROMOTE:
        case OP_DEMOTE:
          {
            int delta = op == OP_PROMOTE ? -1 : 1;

            edits = spec_outline_edit_shift (snapshot, index, delta, &error);
            expect_ok = levels_fit (outline, index, delta);
            if (expect_ok)
              promised = promised_move (outline, index, index, delta);
          }
          break;

        case OP_MOVE:
          {
            guint before = g_rand_int_range (rand, 0, n + 1);
            gsize dest = before < n ? ((SpecSection *) g_ptr_array_index (spec_snapshot_get_sections (snapshot), before))->start_offset : len;
            guint level = g_rand_int_range (rand, 1, 7);
            int delta = (int) level - (int) g_array_index (outline, Entry, index).level;
            guint last = subtree_last (outline, index);

            edits = spec_outline_edit_move (snapshot, index, dest, level, &error);
            expect_ok = !(before > index && before <= last) && levels_fit (outline, index, delta) &&
                        !((before == index || before == last + 1) && delta == 0);
            if (expect_ok)
              promised = promised_move (outline, index, before == last + 1 ? index : before, delta);
          }
          break;

        case OP_DELETE:
        default:
          edits = spec_outline_edit_delete (snapshot, index);
          promised = promised_delete (outline, index);
          break;
        }

      if (!expect_ok)
        {
          if (edits != NULL)
            g_error ("document %u step %u: op %d on %u should have failed:\n%s", document, step, op, index, text);
          g_assert_nonnull (error);
          g_assert_error (error, SPEC_OUTLINE_EDIT_ERROR, error->code);
          n_refused[op]++;
          continue;
        }
      if (edits == NULL)
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): a NULL result sets @error */
        g_error ("document %u step %u: op %d on %u failed: %s\n%s", document, step, op, index, error->message, text);

      result = spec_text_edits_apply (text, len, edits, &result_len, &inverse);
      undone = spec_text_edits_apply (result, result_len, inverse, &undone_len, NULL);
      g_assert_cmpuint (undone_len, ==, len);
      g_assert_cmpmem (undone, undone_len, text, len);

      /* Line endings as the document has them. */
      if (strstr (text, "\r\n") != NULL)
        for (gsize i = 0; i < result_len; i++)
          if (result[i] == '\n' && (i == 0 || result[i - 1] != '\r'))
            g_error ("document %u step %u: a bare line feed added:\n%s", document, step, result);

      after = spec_snapshot_new (result, result_len);
      outline_after = outline_of (after);
      want = outline_to_string (promised);
      got = outline_to_string (outline_after);
      if (strcmp (want, got) != 0)
        g_error ("document %u step %u: op %d on %u (%s)\nbefore:\n%s\n---\nafter:\n%s\n---\nwant:\n%s\ngot:\n%s",
                 document, step, op, index, g_array_index (outline, Entry, index).title,
                 text, result, want, got);

      body_after = body_lines (result);
      if (op == OP_DELETE)
        {
          /* What the deleted sections held is gone, the rest stays. */
          const SpecSection *deleted = g_ptr_array_index (spec_snapshot_get_sections (snapshot), index);
          g_autofree char *before = g_strndup (text, deleted->start_offset);
          g_autofree char *kept = g_strconcat (before, text + deleted->end_offset, NULL);
          g_autoptr(GPtrArray) body_kept = body_lines (kept);

          body_want = joined (body_kept);
        }
      else
        {
          body_want = joined (body_before);
        }
      body_got = joined (body_after);
      if (strcmp (body_want, body_got) != 0)
        g_error ("document %u step %u: op %d lost or added body lines\nbefore:\n%s\n---\nafter:\n%s",
                 document, step, op, text, result);

      n_done[op]++;
      g_free (text);
      text = g_steal_pointer (&result);
    }
}

static void
test_random_restructuring (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (guint document = 0; document < N_DOCUMENTS; document++)
    run_document (rand, document);

  for (guint op = 0; op < N_OPS; op++)
    {
      g_test_message ("%s: %u done, %u refused as promised", op_names[op], n_done[op], n_refused[op]);
      g_assert_cmpuint (n_done[op], >, 50);
    }
}

/* @text after @edits, or the error's message. */
static char *
edited (const char *text,
        GPtrArray  *(*operation) (SpecSnapshot *, guint, const char *, GError **),
        guint       index,
        const char *title)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = operation (snapshot, index, title, &error);

  if (edits == NULL)
    return g_strdup (error->message);   /* NOLINT(clang-analyzer-core.NullDereference): set with NULL */

  return spec_text_edits_apply (text, strlen (text), edits, NULL, NULL);
}

static GPtrArray *
duplicate (SpecSnapshot  *snapshot,
           guint          index,
           const char    *unused,
           GError       **error)
{
  return spec_outline_edit_duplicate (snapshot, index);
}

static void
assert_edited (const char *text,
               GPtrArray  *(*operation) (SpecSnapshot *, guint, const char *, GError **),
               guint       index,
               const char *title,
               const char *expected)
{
  g_autofree char *result = edited (text, operation, index, title);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_rename (void)
{
  /* The closing hashes and the level stay. */
  assert_edited ("# One\n\n## Two ##\ntext\n", spec_outline_edit_rename, 1, "  Deux  ",
                 "# One\n\n## Deux ##\ntext\n");
  assert_edited ("  ### Three\r\n", spec_outline_edit_rename, 0, "Trois",
                 "  ### Trois\r\n");
  /* A setext heading's lines become one; its underline stays. */
  assert_edited ("Setext\nover two\n===\n\nBody\n", spec_outline_edit_rename, 0, "One line",
                 "One line\n===\n\nBody\n");
  assert_edited ("# One\n", spec_outline_edit_rename, 0, "  ", "A heading needs a title");
  assert_edited ("# One\n", spec_outline_edit_rename, 0, "Two\nlines", "A heading’s title is one line");
}

static void
test_duplicate (void)
{
  assert_edited ("# A\n\n## B\nb\n\n# C\n", duplicate, 1, NULL,
                 "# A\n\n## B\nb\n\n## B\nb\n\n# C\n");
  /* The last section, without a final line break, gains one. */
  assert_edited ("# A\n\n# B\nb", duplicate, 1, NULL,
                 "# A\n\n# B\nb\n# B\nb");
  /* Before a setext heading, a blank line keeps it one. */
  assert_edited ("# A\n\nB\n---\nb", duplicate, 1, NULL,
                 "# A\n\nB\n---\nb\n\nB\n---\nb");
}

static void
test_add_subsection (void)
{
  assert_edited ("# A\n\ntext\n\n# B\n", spec_outline_edit_add_subsection, 0, "New",
                 "# A\n\ntext\n\n## New\n\n# B\n");
  assert_edited ("# A\ntext", spec_outline_edit_add_subsection, 0, "New",
                 "# A\ntext\n\n## New\n");
  assert_edited ("###### Deep\n", spec_outline_edit_add_subsection, 0, "New",
                 "“Deep” is at the deepest level, 6: it cannot have subsections");
}

/* A template section the document lacks goes where the template has it. */
static void
assert_adds_missing (const char *template_text,
                     const char *text,
                     const char *expected)
{
  g_autoptr(SpecSnapshot) template_snapshot = spec_snapshot_new (template_text, -1);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (text, -1, template_snapshot);
  g_autoptr(SpecSnapshot) after = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autofree char *result = NULL;

  g_assert_cmpuint (spec_snapshot_get_report (snapshot)->missing->len, ==, 1);
  edits = spec_outline_edit_add_missing (snapshot, 0, NULL);
  result = spec_text_edits_apply (text, strlen (text), edits, NULL, NULL);
  g_assert_cmpstr (result, ==, expected);

  after = spec_snapshot_new_for_template (result, -1, template_snapshot);
  g_assert_cmpuint (spec_snapshot_get_report (after)->missing->len, ==, 0);
}

static void
test_add_missing (void)
{
  /* Between two present siblings. */
  assert_adds_missing ("# T\n\n## A\n\n## B\n\n## C\n",
                       "# T\n\n## A\n\ntext\n\n## C\n\nc\n",
                       "# T\n\n## A\n\ntext\n\n## B\n\n## C\n\nc\n");
  /* The first subsection: before the others. */
  assert_adds_missing ("# T\n\n## X\n\n## Y\n",
                       "# T\n\nIntro.\n\n## Y\n",
                       "# T\n\nIntro.\n\n## X\n\n## Y\n");
  /* The very first heading. */
  assert_adds_missing ("# Title\n\n## Body\n",
                       "Preamble.\n\n## Body\n",
                       "Preamble.\n\n# Title\n\n## Body\n");
  /* The last, at the end of a text without a final line break. */
  assert_adds_missing ("# T\n\n## A\n\n## Z\n",
                       "# T\n\n## A\n\ntext",
                       "# T\n\n## A\n\ntext\n\n## Z\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outline-edit/random-restructuring", test_random_restructuring);
  g_test_add_func ("/outline-edit/rename", test_rename);
  g_test_add_func ("/outline-edit/duplicate", test_duplicate);
  g_test_add_func ("/outline-edit/add-subsection", test_add_subsection);
  g_test_add_func ("/outline-edit/add-missing", test_add_missing);

  return g_test_run ();
}
