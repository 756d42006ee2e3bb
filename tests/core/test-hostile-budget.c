/* test-hostile-budget.c: what the core decides about hostile documents
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview's budget for a block, the longest line a snapshot knows of,
 * and the longest line the editor opens: each limit is met exactly, and
 * passed by one.  The window's side is tests/ui/test-hostile-documents.c.
 */

#include "config.h"

#include <string.h>

#include "spec-snapshot.h"
#include "spec-text-file.h"

static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* The budget of the only block after a heading. */
static SpecBlockBudget
budget_of (const char *body)
{
  g_autofree char *text = g_strconcat ("# T\n\n", body, NULL);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);

  g_assert_cmpuint (spec_snapshot_get_n_blocks (snapshot), ==, 2);
  g_assert_cmpint (spec_snapshot_get_block (snapshot, 0)->budget, ==, SPEC_BLOCK_FITS);
  return spec_snapshot_get_block (snapshot, 1)->budget;
}

static void
test_depth (void)
{
  /* Each '>' is a quote inside the last: the paragraph inside 16 quotes
   * is at depth 17 of the block (the outer quote is the block). */
  g_autofree char *fits = repeat (">", SPEC_BLOCK_MAX_DEPTH - 1);
  g_autofree char *deep = repeat (">", SPEC_BLOCK_MAX_DEPTH);
  g_autofree char *deeper = repeat (">", 50000);
  g_autofree char *bullets = repeat ("- ", 50000);
  g_autofree char *fits_text = g_strconcat (fits, " x\n", NULL);
  g_autofree char *deep_text = g_strconcat (deep, " x\n", NULL);
  g_autofree char *deeper_text = g_strconcat (deeper, " x\n", NULL);
  g_autofree char *bullets_text = g_strconcat (bullets, "x\n", NULL);

  g_assert_cmpint (budget_of (fits_text), ==, SPEC_BLOCK_FITS);
  g_assert_cmpint (budget_of (deep_text), ==, SPEC_BLOCK_TOO_DEEP);
  g_assert_cmpint (budget_of (deeper_text), ==, SPEC_BLOCK_TOO_DEEP);
  g_assert_cmpint (budget_of (bullets_text), ==, SPEC_BLOCK_TOO_DEEP);
}

static void
test_nodes (void)
{
  GString *table = g_string_new ("| a | b |\n| --- | --- |\n");
  GString *list = g_string_new (NULL);

  /* A table row is a row node and two cells, each with a text node. */
  for (guint i = 0; i < 600; i++)
    g_string_append (table, "| x | y |\n");
  g_assert_cmpint (budget_of (table->str), ==, SPEC_BLOCK_FITS);
  for (guint i = 0; i < 400; i++)
    g_string_append (table, "| x | y |\n");
  g_assert_cmpint (budget_of (table->str), ==, SPEC_BLOCK_TOO_MANY_NODES);

  for (guint i = 0; i < 2000; i++)
    g_string_append (list, "- item\n");
  g_assert_cmpint (budget_of (list->str), ==, SPEC_BLOCK_TOO_MANY_NODES);

  g_string_free (table, TRUE);
  g_string_free (list, TRUE);
}

static void
test_long (void)
{
  g_autofree char *words = repeat ("word ", SPEC_BLOCK_MAX_LABEL / 5);
  g_autofree char *more = repeat ("word ", SPEC_BLOCK_MAX_LABEL / 5 + 2);
  g_autofree char *words_text = g_strconcat (words, "\n", NULL);
  g_autofree char *more_text = g_strconcat (more, "\n", NULL);
  g_autofree char *code = NULL;
  GString *items = g_string_new (NULL);

  g_assert_cmpint (budget_of (words_text), ==, SPEC_BLOCK_FITS);
  g_assert_cmpint (budget_of (more_text), ==, SPEC_BLOCK_TOO_LONG);

  /* The limit is for one label: many short paragraphs in a list fit. */
  for (guint i = 0; i < 200; i++)
    g_string_append (items, "- a short paragraph of a few words\n");
  g_assert_cmpint (budget_of (items->str), ==, SPEC_BLOCK_FITS);
  g_string_free (items, TRUE);

  /* A code block is one label too. */
  code = g_strconcat ("```\n", more, "\n```\n", NULL);
  g_assert_cmpint (budget_of (code), ==, SPEC_BLOCK_TOO_LONG);
}

/* Every seed's every block fits: the budget is for hostile documents. */
static void
test_seeds_fit (void)
{
  const char *dir = g_getenv ("SPEC_SEEDS_DIR");
  g_autoptr(GDir) seeds = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;
  guint n_seeds = 0;

  if (seeds == NULL)
    {
      g_test_skip ("no seeds in SPEC_SEEDS_DIR");
      return;
    }

  while ((name = g_dir_read_name (seeds)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(SpecSnapshot) snapshot = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      snapshot = spec_snapshot_new (text, -1);
      for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
        g_assert_cmpint (spec_snapshot_get_block (snapshot, i)->budget, ==, SPEC_BLOCK_FITS);
      n_seeds++;
    }
  g_assert_cmpuint (n_seeds, ==, 5);
}

static void
test_longest_line (void)
{
  static const struct { const char *text; gsize longest; } cases[] = {
    { "", 0 },
    { "abc", 3 },
    { "abc\n", 4 },
    { "a\nbcde\nf", 5 },
    { "a\r\nbcde\r\nf", 6 },
    { "a\rbcdefg", 6 },
    { "\n\n\n", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpecLineIndex) index = spec_line_index_new (cases[i].text, strlen (cases[i].text));

      g_assert_cmpuint (spec_line_index_get_longest_line (index), ==, cases[i].longest);
    }
}

static void
test_find_long_line (void)
{
  static const struct { const char *text; gsize max; gsize found; guint line; } cases[] = {
    { "", 3, 0, 0 },
    { "abc", 3, 0, 0 },
    { "abcd", 3, 4, 1 },
    { "ab\ncd\nefgh\nij", 3, 4, 3 },
    { "ab\r\ncd\r\nefgh\r\n", 3, 4, 3 },
    /* Lone "\r" ends lines, as in the editor. */
    { "ab\rcd\refg\rhijkl\r", 3, 5, 4 },
    { "ab\rcd\refg\rhij", 3, 0, 0 },
    { "a\rb\nc\rdefgh", 4, 5, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint line = 0;

      g_test_message ("case %u", i);
      g_assert_cmpuint (spec_text_find_long_line (cases[i].text, strlen (cases[i].text), cases[i].max, &line),
                        ==, cases[i].found);
      g_assert_cmpuint (line, ==, cases[i].line);
    }
}

static void
test_check_lines (void)
{
  g_autofree char *fits = repeat ("x", SPEC_TEXT_FILE_MAX_LINE);
  g_autofree char *text = g_strconcat ("# T\n\n", fits, "\n", fits, NULL);
  g_autofree char *longer = g_strconcat ("# T\n\n", fits, "\n", fits, "y\n", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (spec_text_file_check_lines (text, strlen (text), &error));
  g_assert_no_error (error);
  g_assert_true (spec_text_file_check_lines ("", 0, &error));

  g_assert_false (spec_text_file_check_lines (longer, strlen (longer), &error));
  g_assert_error (error, SPEC_TEXT_FILE_ERROR, SPEC_TEXT_FILE_ERROR_LINE_TOO_LONG);
  /* It names the line. */
  g_assert_nonnull (strstr (error->message, "Line 4 "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-budget/depth", test_depth);
  g_test_add_func ("/hostile-budget/nodes", test_nodes);
  g_test_add_func ("/hostile-budget/long", test_long);
  g_test_add_func ("/hostile-budget/seeds-fit", test_seeds_fit);
  g_test_add_func ("/hostile-budget/longest-line", test_longest_line);
  g_test_add_func ("/hostile-budget/find-long-line", test_find_long_line);
  g_test_add_func ("/hostile-budget/check-lines", test_check_lines);

  return g_test_run ();
}
