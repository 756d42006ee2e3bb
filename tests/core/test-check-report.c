/* test-check-report.c: specwright-check's completeness report, run as a
 * user or a CI job would
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "check-runner.h"
#include "expected-outline.h"

/* ------------------------------------------------------------------ */
/* Running the program (as in test-check-cli.c)                       */
/* ------------------------------------------------------------------ */


static gboolean
skip_without_program (void)
{
  if (check_program () != NULL)
    return FALSE;

  g_test_skip ("SPECWRIGHT_CHECK is not set");
  return TRUE;
}

/* Seed 003, the spec-kit template with clarification markers. */
static char *
seed_003_or_skip (void)
{
  g_autoptr(GPtrArray) seeds = NULL;

  if (skip_without_program ())
    return NULL;

  seeds = expected_outline_load_seeds ();
  if (seeds == NULL)
    {
      g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");
      return NULL;
    }

  for (guint i = 0; i < seeds->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (seeds, i));

      if (g_str_has_prefix (name, "003_"))
        return g_strdup (g_ptr_array_index (seeds, i));
    }

  g_test_skip ("seed 003 is not there");
  return NULL;
}

/* The lines of @out, without the empty string after the last newline. */
static GStrv
output_lines (const char *out)
{
  char **lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_true (n > 0 && lines[n - 1][0] == '\0');
  if (n > 0 && lines[n - 1][0] == '\0')
    g_clear_pointer (&lines[n - 1], g_free);

  return lines;
}

static gboolean
has_line (GStrv       lines,
          const char *line)
{
  return g_strv_contains ((const char * const *) lines, line);
}

/* ------------------------------------------------------------------ */
/* Text output                                                        */
/* ------------------------------------------------------------------ */

/* Every diagnostic of seed 003, one a line, then the summary. */
static void
test_seed_diagnostics (void)
{
  g_autofree char *seed = seed_003_or_skip ();
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CheckRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) source_lines = NULL;
  g_autoptr(GRegex) placeholder = NULL;
  g_autoptr(GRegex) clarification = NULL;
  guint n_lines;
  guint n_placeholders = 0;
  guint n_clarifications = 0;
  guint last_line = 0;

  if (seed == NULL)
    return;

  {
    const char *args[] = { seed, NULL };

    run_check (&run, args);
  }

  g_file_get_contents (seed, &text, NULL, &error);
  g_assert_no_error (error);
  source_lines = g_strsplit (text, "\n", -1);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");

  lines = output_lines (run.out);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, 57 + 2 + 1);

  placeholder = g_regex_new ("^(.+):([0-9]+):([0-9]+): placeholder (\\[.*\\]) in “(.+)”$", 0, 0, &error);
  g_assert_no_error (error);
  clarification = g_regex_new ("^(.+):([0-9]+):([0-9]+): clarification “(.+)” in “(.+)”$", 0, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *path = NULL;
      g_autofree char *line_number = NULL;
      g_autofree char *column = NULL;
      g_autofree char *slot = NULL;
      gboolean is_placeholder;
      guint line;
      guint col;

      is_placeholder = g_regex_match (placeholder, lines[i], 0, &match);
      if (!is_placeholder)
        {
          g_clear_pointer (&match, g_match_info_unref);
          if (!g_regex_match (clarification, lines[i], 0, &match))
            {
              g_test_message ("unexpected line: %s", lines[i]);
              g_test_fail ();
              continue;
            }
          n_clarifications++;
        }
      else
        {
          n_placeholders++;
        }

      path = g_match_info_fetch (match, 1);
      line_number = g_match_info_fetch (match, 2);
      column = g_match_info_fetch (match, 3);
      g_assert_cmpstr (path, ==, seed);
      line = atoi (line_number);
      col = atoi (column);

      /* In document order, each where the file has it. */
      g_assert_cmpuint (line, >=, last_line);
      last_line = line;
      g_assert_cmpuint (line, <=, g_strv_length (source_lines));
      if (line == 0 || line > g_strv_length (source_lines))
        continue;

      if (is_placeholder)
        {
          slot = g_match_info_fetch (match, 4);
          g_assert_cmpuint (col + strlen (slot) - 1, <=, strlen (source_lines[line - 1]));
          g_assert_true (strncmp (source_lines[line - 1] + col - 1, slot, strlen (slot)) == 0);
        }
      else
        {
          g_assert_true (g_str_has_prefix (source_lines[line - 1] + col - 1, "[NEEDS CLARIFICATION: "));
        }
    }

  g_assert_cmpuint (n_placeholders, ==, 57);
  g_assert_cmpuint (n_clarifications, ==, 2);

  {
    g_autofree char *first = g_strdup_printf ("%s:1:26: placeholder [FEATURE NAME] in “Feature Specification”", seed);
    g_autofree char *code_span = g_strdup_printf ("%s:3:22: placeholder [###-feature-name] in “Feature Specification”", seed);
    g_autofree char *story = g_strdup_printf ("%s:25:1: placeholder [Describe this user journey in plain language] in “User Story 1 - (Priority: P1)”", seed);
    g_autofree char *auth = g_strdup_printf ("%s:95:50: clarification “auth method not specified - email/password, SSO, OAuth?” in “Functional Requirements”", seed);
    g_autofree char *retention = g_strdup_printf ("%s:96:48: clarification “retention period not specified” in “Functional Requirements”", seed);

    g_assert_cmpstr (lines[0], ==, first);
    g_assert_cmpstr (lines[1], ==, code_span);
    g_assert_true (has_line (lines, story));
    g_assert_true (has_line (lines, auth));
    g_assert_true (has_line (lines, retention));
  }

  summary = g_strdup_printf ("%s: 0/12 sections complete (0%%), 57 placeholders, 2 clarifications, "
                             "checklist 0/0, 4 guidance comments", seed);
  if (n_lines > 0)
    g_assert_cmpstr (lines[n_lines - 1], ==, summary);
}

/* The whole output on a small document: the preamble, an empty section,
 * a clarification, singular counts. */
static void
test_format (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *want = NULL;
  g_auto(CheckRun) run = { 0 };

  if (skip_without_program ())
    return;

  path = tmp_file (&tmp, "spec.md",
                   "Intro [PRE].\n"
                   "\n"
                   "# Goals\n"
                   "\n"
                   "Ship it by [X] or [NEEDS CLARIFICATION: which release?].\n"
                   "\n"
                   "# Empty\n"
                   "\n"
                   "# Done\n"
                   "\n"
                   "- [x] shipped\n"
                   "- [ ] announced\n"
                   "\n"
                   "<!-- remove before review -->\n", -1);

  {
    const char *args[] = { path, NULL };

    run_check (&run, args);
  }

  want = g_strdup_printf ("%1$s:1:7: placeholder [PRE] before the first heading\n"
                          "%1$s:5:12: placeholder [X] in “Goals”\n"
                          "%1$s:5:19: clarification “which release?” in “Goals”\n"
                          "%1$s:7:1: empty section “Empty”\n"
                          "%1$s: 1/3 sections complete (33%%), 2 placeholders, 1 clarification, "
                          "checklist 1/2, 1 guidance comment\n",
                          path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, want);
  g_assert_cmpstr (run.err, ==, "");

  /* The same with CRLF line endings, to the column. */
  {
    g_autofree char *text = NULL;
    g_autofree char *crlf_text = NULL;
    g_autofree char *crlf = NULL;
    g_autofree char *crlf_want = NULL;
    g_auto(GStrv) parts = NULL;
    g_auto(CheckRun) crlf_run = { 0 };
    const char *args[] = { NULL, NULL };

    g_file_get_contents (path, &text, NULL, NULL);
    g_assert_nonnull (text);
    parts = g_strsplit (text ? text : "", "\n", -1);
    crlf_text = g_strjoinv ("\r\n", parts);
    crlf = tmp_file (&tmp, "crlf.md", crlf_text, -1);
    args[0] = crlf;

    run_check (&crlf_run, args);
    g_clear_pointer (&parts, g_strfreev);
    parts = g_strsplit (want, path, -1);
    crlf_want = g_strjoinv (crlf, parts);
    g_assert_cmpint (crlf_run.status, ==, 1);
    g_assert_cmpstr (crlf_run.out, ==, crlf_want);
  }
}

/* A section named after its slots only is named as written; a bare
 * clarification marker has no question to quote. */
static void
test_format_titles (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_auto(CheckRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  if (skip_without_program ())
    return;

  path = tmp_file (&tmp, "titles.md",
                   "# [FEATURE_NAME]\n"
                   "\n"
                   "Scope: [NEEDS CLARIFICATION]\n"
                   "\n"
                   "## Überblick — [Name]\n"
                   "\n"
                   "Done.\n", -1);

  {
    const char *args[] = { path, NULL };

    run_check (&run, args);
  }

  g_assert_cmpint (run.status, ==, 1);
  lines = output_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  if (g_strv_length (lines) != 4)
    return;

  {
    g_autofree char *heading = g_strdup_printf ("%s:1:3: placeholder [FEATURE_NAME] in “[FEATURE_NAME]”", path);
    g_autofree char *bare = g_strdup_printf ("%s:3:8: clarification ", path);
    g_autofree char *unicode = g_strdup_printf ("%s:5:19: placeholder [Name] in “Überblick —”", path);
    g_autofree char *summary = g_strdup_printf ("%s: 0/2 sections complete (0%%), 2 placeholders, 1 clarification, checklist 0/0", path);

    g_assert_cmpstr (lines[0], ==, heading);
    g_assert_true (g_str_has_prefix (lines[1], bare));
    g_assert_true (g_str_has_suffix (lines[1], " in “[FEATURE_NAME]”"));
    g_assert_cmpstr (lines[2], ==, unicode);
    g_assert_cmpstr (lines[3], ==, summary);
  }
}

/* 0 when complete (or at --min), 1 when not, 2 on errors. */
static void
test_exit_codes (void)
{
  g_autofree char *seed = seed_003_or_skip ();
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *done = NULL;
  g_autofree char *half = NULL;
  g_autofree char *done_summary = NULL;
  struct {
    const char *args[5];
    int         status;
  } cases[] = {
    { { "DONE", NULL }, 0 },
    { { "HALF", NULL }, 1 },
    { { "DONE", "HALF", NULL }, 1 },
    { { "SEED", NULL }, 1 },
    { { "--min", "0", "SEED", NULL }, 0 },
    { { "--min", "1", "SEED", NULL }, 1 },
    { { "--min", "50", "HALF", NULL }, 0 },
    { { "--min=51", "HALF", NULL }, 1 },
    { { "--min", "100", "DONE", NULL }, 0 },
    { { "--min", "100", "HALF", NULL }, 1 },
    { { "--min", "50", "HALF", "SEED", NULL }, 1 },
    { { "--min", "50", "HALF", "DONE", NULL }, 0 },
  };
  const char *bad_min[] = { "abc", "-1", "101", "50%", "", "1e2", "0x10" };

  if (seed == NULL)
    return;

  done = tmp_file (&tmp, "done.md", "# Done\n\nAll written.\n\n## More\n\n- [ ] a task left open\n", -1);
  half = tmp_file (&tmp, "half.md", "# A\n\nWritten.\n\n# B\n\n[TODO]\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CheckRun) run = { 0 };
      const char *args[5] = { NULL };

      for (guint a = 0; cases[i].args[a] != NULL; a++)
        {
          if (g_str_equal (cases[i].args[a], "DONE"))
            args[a] = done;
          else if (g_str_equal (cases[i].args[a], "HALF"))
            args[a] = half;
          else if (g_str_equal (cases[i].args[a], "SEED"))
            args[a] = seed;
          else
            args[a] = cases[i].args[a];
        }

      g_test_message ("case %u", i);
      run_check (&run, args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.err, ==, "");
    }

  {
    const char *args[] = { done, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    done_summary = g_strdup_printf ("%s: 2/2 sections complete (100%%), 0 placeholders, 0 clarifications, checklist 0/1\n", done);
    g_assert_cmpstr (run.out, ==, done_summary);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_min); i++)
    {
      const char *args[] = { "--min", bad_min[i], done, NULL };
      g_auto(CheckRun) run = { 0 };

      g_test_message ("--min “%s”", bad_min[i]);
      run_check (&run, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "specwright-check: "));
    }
}

static const char template_text[] =
  "# Spec: [NAME]\n"
  "\n"
  "Intro.\n"
  "\n"
  "## Summary *(mandatory)*\n"
  "\n"
  "[Summary]\n"
  "\n"
  "## Requirements (mandatory)\n"
  "\n"
  "### Functional\n"
  "\n"
  "[Requirements]\n"
  "\n"
  "## Risks\n"
  "\n"
  "[Risks]\n";

/* Sections of the template the file lacks, one line each. */
static void
test_template (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *template = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *want = NULL;

  if (skip_without_program ())
    return;

  template = tmp_file (&tmp, "template.md", template_text, -1);
  partial = tmp_file (&tmp, "partial.md", "# Spec: Login\n\nIntro.\n\n## Risks\n\nNone known.\n", -1);
  whole = tmp_file (&tmp, "whole.md",
                    "# Spec: Login\n\nIntro.\n\n## Summary\n\nDone.\n\n## Requirements\n\n"
                    "### Functional\n\nDone.\n\n## Risks\n\nNone known.\n", -1);

  {
    const char *args[] = { "--template", template, partial, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    want = g_strdup_printf ("%1$s: missing section “Summary” (required)\n"
                            "%1$s: missing section “Requirements” (required)\n"
                            "%1$s: missing section “Functional”\n"
                            "%1$s: 2/4 sections complete (50%%), 0 placeholders, 0 clarifications, "
                            "checklist 0/0, 3 missing sections\n",
                            partial);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, want);
    g_assert_cmpstr (run.err, ==, "");
    g_clear_pointer (&want, g_free);
  }

  {
    const char *args[] = { "--template", template, whole, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    want = g_strdup_printf ("%s: 4/4 sections complete (100%%), 0 placeholders, 0 clarifications, "
                            "checklist 0/0, 0 missing sections\n", whole);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, want);
    g_clear_pointer (&want, g_free);
  }

  /* --min counts the missing sections in. */
  {
    const char *args[] = { "--template", template, "--min", "51", partial, NULL };
    g_auto(CheckRun) run = { 0 };

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 1);
  }

  /* The template checked against itself lacks nothing. */
  {
    const char *args[] = { "--template", template, template, NULL };
    g_auto(CheckRun) run = { 0 };
    g_auto(GStrv) lines = NULL;
    guint n;

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    lines = output_lines (run.out);
    n = g_strv_length (lines);
    g_assert_cmpuint (n, ==, 5);
    g_assert_null (strstr (run.out, "missing section “"));
    if (n > 0)
      g_assert_true (g_str_has_suffix (lines[n - 1], ", 0 missing sections"));
  }
}

static void
test_template_unreadable (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *file = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *prefix = NULL;
  const char *args[] = { "--template", NULL, NULL, NULL };
  g_auto(CheckRun) run = { 0 };

  if (skip_without_program ())
    return;

  file = tmp_file (&tmp, "spec.md", "# Done\n\nText.\n", -1);
  missing = tmp_file (&tmp, "no-such-template.md", NULL, -1);
  args[1] = missing;
  args[2] = file;

  run_check (&run, args);
  prefix = g_strdup_printf ("specwright-check: %s: ", missing);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
}

/* Files that cannot be read are reported, the others still checked. */
static void
test_multiple_files (void)
{
  g_autofree char *seed = seed_003_or_skip ();
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *done = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *error_line = NULL;
  g_autofree char *done_summary = NULL;
  g_autofree char *seed_summary = NULL;
  g_auto(CheckRun) run = { 0 };
  const char *done_at;
  const char *seed_at;

  if (seed == NULL)
    return;

  done = tmp_file (&tmp, "done.md", "# Done\n\nText.\n", -1);
  missing = tmp_file (&tmp, "missing.md", NULL, -1);

  {
    const char *args[] = { done, missing, seed, NULL };

    run_check (&run, args);
  }

  g_assert_cmpint (run.status, ==, 2);

  /* One line on stderr, for the file that could not be read. */
  error_line = g_strdup_printf ("specwright-check: %s: ", missing);
  g_assert_true (g_str_has_prefix (run.err, error_line));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  g_assert_null (strstr (run.out, missing));

  /* Both other files, in order. */
  done_summary = g_strdup_printf ("%s: 1/1 sections complete (100%%)", done);
  seed_summary = g_strdup_printf ("%s: 0/12 sections complete (0%%), 57 placeholders, 2 clarifications", seed);
  done_at = strstr (run.out, done_summary);
  seed_at = strstr (run.out, seed_summary);
  g_assert_nonnull (done_at);
  g_assert_nonnull (seed_at);
  g_assert_true (done_at < seed_at);
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

/* Reads the report on stdin (failing on invalid JSON) and prints one
 * tab-separated line per file: its summary as the text output writes
 * it, or its error; then checks that the report agrees with itself. */
static const char json_script[] =
  "import json, sys\n"
  "d = json.load(sys.stdin)\n"
  "assert set(d) == {'version', 'files'}, d.keys()\n"
  "assert d['version'] == 1\n"
  "def walk(sections):\n"
  "    for s in sections:\n"
  "        yield s\n"
  "        yield from walk(s['children'])\n"
  "for f in d['files']:\n"
  "    if 'error' in f:\n"
  "        assert set(f) == {'file', 'error'}, f.keys()\n"
  "        print('error', f['file'], f['error'], sep='\\t')\n"
  "        continue\n"
  "    kinds = [i['kind'] for i in f['items']]\n"
  "    assert kinds.count('placeholder') == f['placeholders']\n"
  "    assert kinds.count('clarification') == f['clarifications']\n"
  "    assert kinds.count('guidance') == f['guidance']\n"
  "    for i in f['items']:\n"
  "        assert i['line'] >= 1 and i['column'] >= 1\n"
  "        assert ('question' in i) == (i['kind'] == 'clarification')\n"
  "    sections = list(walk(f['outline']))\n"
  "    lines = {s['line'] for s in sections}\n"
  "    preamble = [i for i in f['items'] if i['section_line'] is None]\n"
  "    assert all(i['section_line'] in lines for i in f['items'] if i not in preamble)\n"
  "    counted = [s for s in sections if s['counted']]\n"
  "    assert len(counted) == f['sections']['counted']\n"
  "    assert sum(s['state'] == 'complete' for s in counted) == f['sections']['complete']\n"
  "    assert sum(s['state'] == 'empty' for s in counted) == f['sections']['empty']\n"
  "    assert sum(s['placeholders'] for s in sections) + sum(i['kind'] == 'placeholder' for i in preamble) == f['placeholders']\n"
  "    assert sum(s['checklist']['total'] for s in sections) <= f['checklist']['total']\n"
  "    missing_counted = sum(m['counted'] for m in f['missing'])\n"
  "    line = '%s: %d/%d sections complete (%d%%), %d placeholder%s, %d clarification%s, checklist %d/%d' % (\n"
  "        f['file'], f['sections']['complete'], f['sections']['counted'] + missing_counted, f['percent'],\n"
  "        f['placeholders'], '' if f['placeholders'] == 1 else 's',\n"
  "        f['clarifications'], '' if f['clarifications'] == 1 else 's',\n"
  "        f['checklist']['done'], f['checklist']['total'])\n"
  "    if f['template'] is not None:\n"
  "        line += ', %d missing section%s' % (len(f['missing']), '' if len(f['missing']) == 1 else 's')\n"
  "    if f['guidance'] > 0:\n"
  "        line += ', %d guidance comment%s' % (f['guidance'], '' if f['guidance'] == 1 else 's')\n"
  "    print('file', line, 'complete' if f['complete'] else 'incomplete', sep='\\t')\n";

static const char *
python (void)
{
  static char *path;

  if (path == NULL)
    path = g_find_program_in_path ("python3");

  return path;
}

/* Runs the script over @json; returns its lines. */
static GStrv
read_json (const char *json)
{
  const char *argv[] = { python (), "-c", json_script, NULL };
  g_auto(CheckRun) run = { 0 };

  run_argv (&run, argv, json);
  if (run.status != 0)
    g_test_message ("python3: %s\nJSON was: %s", run.err, json);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  return output_lines (run.out);
}

static gboolean
skip_without_python (void)
{
  if (python () != NULL)
    return FALSE;

  g_test_skip ("python3 is not installed");
  return TRUE;
}

/* The last line of @out that starts with "@path: " and is a summary. */
static char *
summary_line (const char *out,
              const char *path)
{
  g_auto(GStrv) lines = output_lines (out);
  g_autofree char *prefix = g_strdup_printf ("%s: ", path);
  char *found = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) && strstr (lines[i], " sections complete (") != NULL)
      {
        g_free (found);
        found = g_strdup (lines[i]);
      }

  return found;
}

/* --json: valid JSON whose counts are the text summary's, file by file,
 * with and without a template. */
static void
test_json (void)
{
  g_autofree char *seed = seed_003_or_skip ();
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *template = NULL;
  g_autofree char *small = NULL;
  g_autofree char *partial = NULL;
  const char *finished_dir = g_getenv ("FINISHED_DIR");
  g_autofree char *finished = NULL;

  if (seed == NULL || skip_without_python ())
    return;

  template = tmp_file (&tmp, "template.md", template_text, -1);
  small = tmp_file (&tmp, "small \"quoted\" name.md",
                    "Intro [PRE].\n\n# Goals\n\nShip by [X] or [NEEDS CLARIFICATION: which \"release\"?].\n\n"
                    "# Empty\n\n# Done\n\n- [x] shipped\n- [ ] announced\n\n<!-- remove\tbefore review -->\n", -1);
  partial = tmp_file (&tmp, "partial.md", "# Spec: Login\n\nIntro.\n\n## Risks\n\n[Risks]\n", -1);
  if (finished_dir != NULL)
    finished = g_build_filename (finished_dir, "rfc-0042-event-retention.md", NULL);

  for (guint with_template = 0; with_template < 2; with_template++)
    {
      g_autoptr(GPtrArray) text_args = g_ptr_array_new ();
      g_autoptr(GPtrArray) json_args = g_ptr_array_new ();
      g_autoptr(GPtrArray) files = g_ptr_array_new ();
      g_auto(CheckRun) text_run = { 0 };
      g_auto(CheckRun) json_run = { 0 };
      g_auto(GStrv) facts = NULL;

      g_ptr_array_add (files, seed);
      g_ptr_array_add (files, small);
      g_ptr_array_add (files, partial);
      if (finished != NULL && g_file_test (finished, G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, finished);

      g_ptr_array_add (json_args, (gpointer) "--json");
      if (with_template)
        {
          g_ptr_array_add (text_args, (gpointer) "--template");
          g_ptr_array_add (text_args, template);
          g_ptr_array_add (json_args, (gpointer) "--template");
          g_ptr_array_add (json_args, template);
        }
      for (guint i = 0; i < files->len; i++)
        {
          g_ptr_array_add (text_args, g_ptr_array_index (files, i));
          g_ptr_array_add (json_args, g_ptr_array_index (files, i));
        }
      g_ptr_array_add (text_args, NULL);
      g_ptr_array_add (json_args, NULL);

      g_test_message ("with template: %u", with_template);
      run_check (&text_run, (const char * const *) text_args->pdata);
      run_check (&json_run, (const char * const *) json_args->pdata);

      /* Same verdict either way. */
      g_assert_cmpint (json_run.status, ==, text_run.status);
      g_assert_cmpint (json_run.status, ==, 1);
      g_assert_cmpstr (json_run.err, ==, "");
      g_assert_true (g_str_has_prefix (json_run.out, "{"));
      g_assert_true (g_str_has_suffix (json_run.out, "}\n"));

      facts = read_json (json_run.out);
      g_assert_cmpuint (g_strv_length (facts), ==, files->len);

      for (guint i = 0; i < MIN (files->len, g_strv_length (facts)); i++)
        {
          const char *path = g_ptr_array_index (files, i);
          g_auto(GStrv) fields = g_strsplit (facts[i], "\t", -1);
          g_autofree char *text_summary = summary_line (text_run.out, path);

          g_test_message ("%s", facts[i]);
          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          if (g_strv_length (fields) != 3)
            continue;

          g_assert_cmpstr (fields[0], ==, "file");
          g_assert_cmpstr (fields[1], ==, text_summary);
        }

      if (g_strv_length (facts) >= 2)
        g_assert_true (g_str_has_suffix (facts[1], "\tincomplete"));
      if (g_strv_length (facts) >= 4)
        g_assert_true (g_str_has_suffix (facts[3], with_template ? "\tincomplete" : "\tcomplete"));
    }
}

/* Each unfilled item of the text output is in the JSON, at the same line
 * and column. */
static void
test_json_items (void)
{
  g_autofree char *seed = seed_003_or_skip ();
  static const char script[] =
    "import json, sys\n"
    "d = json.load(sys.stdin)\n"
    "for i in d['files'][0]['items']:\n"
    "    if i['kind'] == 'placeholder':\n"
    "        print('%d:%d: placeholder %s' % (i['line'], i['column'], i['text']))\n"
    "    elif i['kind'] == 'clarification':\n"
    "        print('%d:%d: clarification “%s”' % (i['line'], i['column'], i['question']))\n";
  g_auto(CheckRun) text_run = { 0 };
  g_auto(CheckRun) json_run = { 0 };
  g_auto(CheckRun) py_run = { 0 };
  g_auto(GStrv) text_lines = NULL;
  g_auto(GStrv) py_lines = NULL;
  g_autofree char *prefix = NULL;

  if (seed == NULL || skip_without_python ())
    return;

  {
    const char *args[] = { seed, NULL };

    run_check (&text_run, args);
  }
  {
    const char *args[] = { "--json", seed, NULL };

    run_check (&json_run, args);
  }
  {
    const char *argv[] = { python (), "-c", script, NULL };

    run_argv (&py_run, argv, json_run.out);
  }

  g_assert_cmpint (py_run.status, ==, 0);
  text_lines = output_lines (text_run.out);
  py_lines = output_lines (py_run.out);
  prefix = g_strdup_printf ("%s:", seed);

  g_assert_cmpuint (g_strv_length (py_lines), ==, 59);
  g_assert_cmpuint (g_strv_length (text_lines), ==, 60);
  for (guint i = 0; i < MIN (g_strv_length (py_lines), g_strv_length (text_lines)); i++)
    {
      g_assert_true (g_str_has_prefix (text_lines[i], prefix));
      g_assert_true (g_str_has_prefix (text_lines[i] + strlen (prefix), py_lines[i]));
    }
}

/* A file that cannot be read is an entry with its error; the JSON stays
 * valid whichever file fails. */
static void
test_json_errors (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *done = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *binary = NULL;

  if (skip_without_program () || skip_without_python ())
    return;

  done = tmp_file (&tmp, "done.md", "# Done\n\nText.\n", -1);
  missing = tmp_file (&tmp, "missing.md", NULL, -1);
  binary = tmp_file (&tmp, "binary.md", NULL, -1);
  g_file_set_contents (binary, "# Title\n\0\x01\x02", 11, NULL);

  {
    const char *args[] = { "--json", missing, NULL };
    g_auto(CheckRun) run = { 0 };
    g_auto(GStrv) facts = NULL;
    g_autofree char *stderr_prefix = g_strdup_printf ("specwright-check: %s: ", missing);

    run_check (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, stderr_prefix));
    facts = read_json (run.out);
    g_assert_cmpuint (g_strv_length (facts), ==, 1);
    if (g_strv_length (facts) == 1)
      {
        g_auto(GStrv) fields = g_strsplit (facts[0], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 3);
        if (g_strv_length (fields) == 3)
          {
            g_assert_cmpstr (fields[0], ==, "error");
            g_assert_cmpstr (fields[1], ==, missing);
            /* The reason on stderr is the JSON's. */
            g_assert_true (g_str_has_prefix (run.err + strlen (stderr_prefix), fields[2]));
            g_assert_cmpuint (strlen (fields[2]), >, 0);
          }
      }
  }

  {
    const char *orders[][3] = {
      { "ERR", "DONE", "BIN" },
      { "DONE", "ERR", "BIN" },
      { "BIN", "ERR", "DONE" },
    };

    for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
      {
        const char *args[5] = { "--json", NULL, NULL, NULL, NULL };
        g_auto(CheckRun) run = { 0 };
        g_auto(GStrv) facts = NULL;

        for (guint a = 0; a < 3; a++)
          args[a + 1] = g_str_equal (orders[o][a], "ERR") ? missing :
                        g_str_equal (orders[o][a], "BIN") ? binary : done;

        g_test_message ("order %u", o);
        run_check (&run, args);
        g_assert_cmpint (run.status, ==, 2);
        facts = read_json (run.out);
        g_assert_cmpuint (g_strv_length (facts), ==, 3);
        for (guint a = 0; a < MIN (3, g_strv_length (facts)); a++)
          g_assert_true (g_str_has_prefix (facts[a], g_str_equal (orders[o][a], "DONE") ? "file\t" : "error\t"));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/check-report/seed-diagnostics", test_seed_diagnostics);
  g_test_add_func ("/check-report/format", test_format);
  g_test_add_func ("/check-report/format-titles", test_format_titles);
  g_test_add_func ("/check-report/exit-codes", test_exit_codes);
  g_test_add_func ("/check-report/template", test_template);
  g_test_add_func ("/check-report/template-unreadable", test_template_unreadable);
  g_test_add_func ("/check-report/multiple-files", test_multiple_files);
  g_test_add_func ("/check-report/json", test_json);
  g_test_add_func ("/check-report/json-items", test_json_items);
  g_test_add_func ("/check-report/json-errors", test_json_errors);

  return g_test_run ();
}
