/* test-line-diff.c: line diffs are true and as short as can be
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-line-diff.h"

/* The lines the diff says one side has, joined again. */
static char *
side (SpecLineDiff *diff,
      SpecDiffOp    skip)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < diff->lines->len; i++)
    {
      SpecDiffLine *line = g_ptr_array_index (diff->lines, i);

      if (line->op != skip)
        g_string_append_printf (text, "%s\n", line->text);
    }

  return g_string_free (text, FALSE);
}

static guint
lcs_length (GStrv a,
            GStrv b)
{
  guint n = g_strv_length (a), m = g_strv_length (b);
  g_autofree guint *table = g_new0 (guint, (n + 1) * (m + 1));

  for (guint i = 1; i <= n; i++)
    for (guint j = 1; j <= m; j++)
      table[i * (m + 1) + j] = g_str_equal (a[i - 1], b[j - 1])
        ? table[(i - 1) * (m + 1) + j - 1] + 1
        : MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);

  return table[n * (m + 1) + m];
}

static char *
random_text (GRand *rand,
             GStrv *lines_out)
{
  static const char * const words[] = { "a", "b", "c", "## Goals", "- [ ] x", "" };
  GStrvBuilder *builder = g_strv_builder_new ();
  GString *text = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 30);

  for (int i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      g_strv_builder_add (builder, word);
      g_string_append_printf (text, "%s\n", word);
    }
  *lines_out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return g_string_free (text, FALSE);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint trial = 0; trial < 2000; trial++)
    {
      g_auto(GStrv) a_lines = NULL;
      g_auto(GStrv) b_lines = NULL;
      g_autofree char *a = random_text (rand, &a_lines);
      g_autofree char *b = random_text (rand, &b_lines);
      g_autoptr(SpecLineDiff) diff = spec_line_diff_new (a, b);
      g_autofree char *old_side = side (diff, SPEC_DIFF_ADDED);
      g_autofree char *new_side = side (diff, SPEC_DIFF_REMOVED);
      guint lcs = lcs_length (a_lines, b_lines);

      g_assert_cmpstr (old_side, ==, a);
      g_assert_cmpstr (new_side, ==, b);
      /* As short as a diff can be. */
      g_assert_cmpuint (diff->n_removed, ==, g_strv_length (a_lines) - lcs);
      g_assert_cmpuint (diff->n_added, ==, g_strv_length (b_lines) - lcs);
    }
}

static void
test_line_numbers (void)
{
  g_autoptr(SpecLineDiff) diff = spec_line_diff_new ("# T\nold\nsame\n", "# T\nnew\nsame\nend");
  SpecDiffLine *line;

  g_assert_cmpuint (diff->lines->len, ==, 5);
  line = g_ptr_array_index (diff->lines, 1);
  g_assert_cmpint (line->op, ==, SPEC_DIFF_REMOVED);
  g_assert_cmpstr (line->text, ==, "old");
  g_assert_cmpuint (line->old_line, ==, 2);
  g_assert_cmpuint (line->new_line, ==, 0);
  line = g_ptr_array_index (diff->lines, 2);
  g_assert_cmpint (line->op, ==, SPEC_DIFF_ADDED);
  g_assert_cmpuint (line->new_line, ==, 2);
  line = g_ptr_array_index (diff->lines, 3);
  g_assert_cmpint (line->op, ==, SPEC_DIFF_SAME);
  g_assert_cmpuint (line->old_line, ==, 3);
  g_assert_cmpuint (line->new_line, ==, 3);
  line = g_ptr_array_index (diff->lines, 4);
  g_assert_cmpstr (line->text, ==, "end");
  g_assert_cmpint (line->op, ==, SPEC_DIFF_ADDED);

  /* CRLF lines compare as lines; empty texts have no lines. */
  g_clear_pointer (&diff, spec_line_diff_free);
  diff = spec_line_diff_new ("a\r\nb\r\n", "a\nb\n");
  g_assert_cmpuint (diff->n_added + diff->n_removed, ==, 0);
  g_clear_pointer (&diff, spec_line_diff_free);
  diff = spec_line_diff_new ("", NULL);
  g_assert_cmpuint (diff->lines->len, ==, 0);
}

/* Large texts with nothing in common stay fast and true. */
static void
test_large (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(SpecLineDiff) diff = NULL;
  gint64 start;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (a, "old line %u\n", i);
      g_string_append_printf (b, "new line %u\n", i);
    }
  start = g_get_monotonic_time ();
  diff = spec_line_diff_new (a->str, b->str);
  g_test_message ("20,000 lines against 20,000 others: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (diff->n_removed, ==, 20000);
  g_assert_cmpuint (diff->n_added, ==, 20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-diff/random", test_random);
  g_test_add_func ("/line-diff/line-numbers", test_line_numbers);
  g_test_add_func ("/line-diff/large", test_large);

  return g_test_run ();
}
