/* test-check-cli.c: specwright-check --outline, run as a user would
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "check-runner.h"
#include "expected-outline.h"


static guint
n_digits (guint n)
{
  guint digits = 1;

  for (; n >= 10; n /= 10)
    digits++;

  return digits;
}

/* The outline block of one file: its path as given, then for each of
 * cmark's top-level headings the line number right-aligned on @width
 * columns, two spaces, two spaces of indent per level below 1, the title. */
static char *
format_block (const char *path_as_given,
              GPtrArray  *headings,
              guint       width)
{
  GString *block = g_string_new (path_as_given);

  g_string_append_c (block, '\n');

  for (guint i = 0; i < headings->len; i++)
    {
      const ExpectedHeading *h = g_ptr_array_index (headings, i);
      g_autofree char *number = g_strdup_printf ("%u", h->line);

      for (guint pad = strlen (number); pad < width; pad++)
        g_string_append_c (block, ' ');
      g_string_append (block, number);
      g_string_append (block, "  ");
      for (guint l = 1; l < h->level; l++)
        g_string_append (block, "  ");
      g_string_append (block, h->title);
      g_string_append_c (block, '\n');
    }

  return g_string_free (block, FALSE);
}

/* The width the line numbers of the block at @out were aligned on: the
 * widest heading line number at least, the number of lines at most. */
static guint
detect_width (const char *out,
              GPtrArray  *headings,
              guint       n_lines)
{
  const char *line;
  guint width = 0;
  guint widest = 0;

  if (headings->len == 0)
    return 0;

  /* Skip the path line. */
  line = strchr (out, '\n');
  g_assert_nonnull (line);
  if (line == NULL)
    return 0;
  line++;

  while (line[width] == ' ')
    width++;
  while (g_ascii_isdigit (line[width]))
    width++;

  for (guint i = 0; i < headings->len; i++)
    widest = MAX (widest, ((const ExpectedHeading *) g_ptr_array_index (headings, i))->line);

  g_assert_cmpuint (width, >=, n_digits (widest));
  g_assert_cmpuint (width, <=, n_digits (n_lines));

  return width;
}

typedef struct
{
  char      *path;
  GPtrArray *headings;
  guint      n_lines;
} Expected;

static void
expected_free (Expected *expected)
{
  g_free (expected->path);
  g_ptr_array_unref (expected->headings);
  g_free (expected);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Expected, expected_free)

static Expected *
expected_for_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) starts = NULL;
  Expected *expected;
  gsize len = 0;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);

  starts = expected_line_starts (text, len);

  expected = g_new0 (Expected, 1);
  expected->path = g_strdup (path);
  expected->headings = expected_outline_compute (text, len);
  expected->n_lines = starts->len;

  return expected;
}

/* The block for @expected, aligned like the one at @out. */
static char *
expected_block (Expected   *expected,
                const char *out)
{
  guint width = detect_width (out, expected->headings, expected->n_lines);

  return format_block (expected->path, expected->headings, width);
}

static GPtrArray *
seeds_or_skip (void)
{
  GPtrArray *seeds;

  if (check_program () == NULL)
    {
      g_test_skip ("SPECWRIGHT_CHECK is not set");
      return NULL;
    }

  seeds = expected_outline_load_seeds ();
  if (seeds == NULL)
    g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");

  return seeds;
}

/* "specwright-check: PATH: reason\n", one line, the reason without the
 * path, and the reason matches @keyword when given. */
static void
assert_error_line (const char *err,
                   const char *path,
                   const char *keyword)
{
  g_autofree char *prefix = g_strdup_printf ("specwright-check: %s: ", path);
  const char *reason;
  g_autofree char *reason_lower = NULL;

  g_assert_true (g_str_has_prefix (err, prefix));
  g_assert_true (g_str_has_suffix (err, "\n"));

  reason = err + strlen (prefix);
  g_assert_cmpuint (strlen (reason), >, 1);
  g_assert_true (strchr (reason, '\n') == reason + strlen (reason) - 1);
  g_assert_null (strstr (reason, path));

  reason_lower = g_utf8_strdown (reason, -1);
  if (keyword != NULL)
    g_assert_nonnull (strstr (reason_lower, keyword));
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

static void
test_seeds (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();

  if (seeds == NULL)
    return;

  for (guint i = 0; i < seeds->len; i++)
    {
      const char *path = g_ptr_array_index (seeds, i);
      const char *args[] = { "--outline", path, NULL };
      g_autoptr(Expected) expected = expected_for_file (path);
      g_auto(CheckRun) run = { 0 };
      g_autofree char *block = NULL;

      g_test_message ("seed %s", path);
      run_check (&run, args);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpuint (expected->headings->len, >, 0);

      block = expected_block (expected, run.out);
      g_assert_cmpstr (run.out, ==, block);
    }
}

static void
test_all_seeds (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GString) want = NULL;
  g_auto(CheckRun) run = { 0 };
  const char *rest;

  if (seeds == NULL)
    return;

  args = g_ptr_array_new ();
  g_ptr_array_add (args, (gpointer) "--outline");
  for (guint i = 0; i < seeds->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (seeds, i));
  g_ptr_array_add (args, NULL);

  run_check (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* The blocks in argument order, one blank line between two. */
  want = g_string_new (NULL);
  rest = run.out;
  for (guint i = 0; i < seeds->len; i++)
    {
      g_autoptr(Expected) expected = expected_for_file (g_ptr_array_index (seeds, i));
      g_autofree char *block = NULL;

      if (i > 0)
        {
          g_string_append_c (want, '\n');
          g_assert_true (rest[0] == '\n');
          rest++;
        }

      block = expected_block (expected, rest);
      g_string_append (want, block);
      if (g_str_has_prefix (rest, block))
        rest += strlen (block);
    }

  g_assert_cmpstr (run.out, ==, want->str);
}


/* The format, pinned down on small documents. */
static void
test_format (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *levels = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *want = NULL;

  if (check_program () == NULL)
    {
      g_test_skip ("SPECWRIGHT_CHECK is not set");
      return;
    }

  levels = tmp_file (&tmp, "levels.md",
                     "# A\n## B\n### C\n#### D\n##### E\n###### F\n", -1);
  wide = tmp_file (&tmp, "wide.md",
                   "# One\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n## Twelve\n", -1);
  mixed = tmp_file (&tmp, "mixed.md",
                    "Setext **title**\r\n===\r\n\r\n```\r\n# code\r\n```\r\n"
                    "> # quoted\r\n### Überblick — ✓ ###\r\n", -1);
  empty = tmp_file (&tmp, "empty.md", "", 0);

  {
    const char *args[] = { "--outline", levels, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    want = g_strdup_printf ("%s\n"
                            "1  A\n"
                            "2    B\n"
                            "3      C\n"
                            "4        D\n"
                            "5          E\n"
                            "6            F\n", levels);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, want);
    g_assert_cmpstr (run.err, ==, "");
    g_clear_pointer (&want, g_free);
  }

  {
    const char *args[] = { "--outline", wide, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    want = g_strdup_printf ("%s\n"
                            " 1  One\n"
                            "12    Twelve\n", wide);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, want);
    g_clear_pointer (&want, g_free);
  }

  {
    const char *args[] = { "--outline", mixed, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    want = g_strdup_printf ("%s\n"
                            "1  Setext title\n"
                            "8      Überblick — ✓\n", mixed);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, want);
    g_clear_pointer (&want, g_free);
  }

  {
    const char *args[] = { "--outline", empty, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    want = g_strdup_printf ("%s\n", empty);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, want);
    g_clear_pointer (&want, g_free);
  }
}

/* A file that cannot be read is reported on stderr; the others are still
 * printed; the status says something failed. */
static void
test_missing_file (void)
{
  g_autoptr(GPtrArray) seeds = seeds_or_skip ();
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *missing = NULL;
  g_autoptr(Expected) expected = NULL;
  g_autofree char *block = NULL;
  g_auto(CheckRun) run = { 0 };
  const char *seed;
  const char *printed;

  if (seeds == NULL)
    return;

  seed = g_ptr_array_index (seeds, 0);
  missing = tmp_file (&tmp, "missing.md", NULL, 0);

  {
    const char *args[] = { "--outline", missing, seed, NULL };

    run_check (&run, args);
  }

  g_assert_cmpint (run.status, ==, 2);
  assert_error_line (run.err, missing, NULL);

  /* The seed's outline, whatever blank lines come before it (see
   * /check-cli/blank-lines for those). */
  printed = run.out;
  while (*printed == '\n')
    printed++;
  expected = expected_for_file (seed);
  block = expected_block (expected, printed);
  g_assert_cmpstr (printed, ==, block);
}

/* One blank line between two printed outlines: none before the first
 * even when the files before it failed, none after the last. */
static void
test_blank_lines (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *missing = NULL;

  if (check_program () == NULL)
    {
      g_test_skip ("SPECWRIGHT_CHECK is not set");
      return;
    }

  a = tmp_file (&tmp, "a.md", "# A\n", -1);
  b = tmp_file (&tmp, "b.md", "# B\n", -1);
  missing = tmp_file (&tmp, "missing.md", NULL, 0);

  {
    const char *args[] = { "--outline", a, b, NULL };
    g_auto(CheckRun) run = { 0 };
    g_autofree char *want = g_strdup_printf ("%s\n1  A\n\n%s\n1  B\n", a, b);

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, want);
  }

  {
    const char *args[] = { "--outline", a, missing, b, NULL };
    g_auto(CheckRun) run = { 0 };
    g_autofree char *want = g_strdup_printf ("%s\n1  A\n\n%s\n1  B\n", a, b);

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, want);
  }

  {
    const char *args[] = { "--outline", missing, a, b, NULL };
    g_auto(CheckRun) run = { 0 };
    g_autofree char *want = g_strdup_printf ("%s\n1  A\n\n%s\n1  B\n", a, b);

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, want);
  }
}

static void
test_unreadable_files (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *binary = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *folder = NULL;

  if (check_program () == NULL)
    {
      g_test_skip ("SPECWRIGHT_CHECK is not set");
      return;
    }

  binary = tmp_file (&tmp, "binary.md", "# Title\n\0\x01\x02", 11);
  latin1 = tmp_file (&tmp, "latin1.md", "# Caf\xE9\n", -1);
  folder = tmp_file (&tmp, "folder.md", NULL, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  {
    const char *args[] = { "--outline", binary, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    assert_error_line (run.err, binary, "binary");
  }

  {
    const char *args[] = { "--outline", latin1, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    assert_error_line (run.err, latin1, "utf-8");
  }

  {
    const char *args[] = { "--outline", folder, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    assert_error_line (run.err, folder, "folder");
  }
}

static void
test_usage_errors (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *file = NULL;
  const char *no_args[] = { NULL };
  const char *only_outline[] = { "--outline", NULL };
  const char *bad_min[] = { "--min", "101", NULL, NULL };
  const char *bogus[] = { "--outline", "--no-such-option", NULL, NULL };
  const char *missing_template[] = { "--template", "/nonexistent/template.md", NULL, NULL };
  const char * const *cases[] = { no_args, only_outline, bad_min, bogus, missing_template };

  if (check_program () == NULL)
    {
      g_test_skip ("SPECWRIGHT_CHECK is not set");
      return;
    }

  file = tmp_file (&tmp, "spec.md", "# Title\n", -1);
  bad_min[2] = file;
  bogus[2] = file;
  missing_template[2] = file;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CheckRun) run = { 0 };

      g_test_message ("usage case %u", i);
      run_check (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "specwright-check: "));
      g_assert_cmpuint (strlen (run.err), >, strlen ("specwright-check: \n"));
    }
}

/* A template's front matter lists the sections it requires: the check
 * flags those missing as required, though the template does not mark
 * them "(mandatory)"; an optional one is not flagged. */
static void
test_template_required (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_auto(CheckRun) run = { 0 };
  g_autofree char *template_path = tmp_file (&tmp, "release.md",
                                             "---\nid: release\nrequired: Risks\noptional: Notes\n---\n\n"
                                             "# Release: [NAME]\n\n## Scope\n\n[SCOPE]\n\n## Risks\n\n[RISK]\n\n"
                                             "## Notes\n\n[NOTE]\n", -1);
  g_autofree char *spec = tmp_file (&tmp, "spec.md", "# Release: 2.0\n\n## Scope\n\nEverything.\n", -1);
  const char *args[] = { "--template", template_path, spec, NULL };

  run_check (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "missing section “Risks” (required)"));
  g_assert_nonnull (strstr (run.out, "missing section “Notes”\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/check-cli/seeds", test_seeds);
  g_test_add_func ("/check-cli/all-seeds", test_all_seeds);
  g_test_add_func ("/check-cli/format", test_format);
  g_test_add_func ("/check-cli/missing-file", test_missing_file);
  g_test_add_func ("/check-cli/blank-lines", test_blank_lines);
  g_test_add_func ("/check-cli/unreadable-files", test_unreadable_files);
  g_test_add_func ("/check-cli/usage-errors", test_usage_errors);
  g_test_add_func ("/check-cli/template-required", test_template_required);

  return g_test_run ();
}
