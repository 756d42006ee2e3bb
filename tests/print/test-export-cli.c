/* test-export-cli.c: specwright-export as a script runs it
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "spec-test-files.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the program with @args (NULL-terminated), in the C locale so that
 * its messages are the untranslated ones. */
static void
run_export (Run                *run,
            const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("SPECWRIGHT_EXPORT");

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT,
                               NULL, NULL, &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

typedef struct
{
  char *dir;
  char *input;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("specwright-export-cli-XXXXXX", NULL);
  f->input = g_build_filename (f->dir, "spec.md", NULL);
  g_assert_true (g_file_set_contents (f->input,
                                      "# Login Flow\n\n**Status:** Review\n\n## Goals\n\n[PLACEHOLDER]\n\n"
                                      "| Name | Value |\n| --- | --- |\n| a | b |\n\n<script>x()</script>\n", -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  spec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->input);
}

/* The format from the output's name, or from --format. */
static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (f->dir, "out.html", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "out.PDF", NULL);
  g_autofree char *named = g_build_filename (f->dir, "named", NULL);
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *forced = NULL;
  g_auto(Run) run = { 0 };

  run_export (&run, (const char *[]) { f->input, "-o", html_path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<title>Login Flow</title>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "class=\"report\""));
  run_clear (&run);

  run_export (&run, (const char *[]) { f->input, "--output", pdf_path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  run_clear (&run);

  run_export (&run, (const char *[]) { "--format", "pdf", f->input, "-o", named, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (named, &forced, NULL, NULL));
  g_assert_true (g_str_has_prefix (forced, "%PDF-"));
}

static void
test_report_and_title (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  g_autofree char *html = NULL;
  g_auto(Run) run = { 0 };

  run_export (&run, (const char *[]) { f->input, "-o", path, "--report", "--title", "A <b> Title", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "class=\"report\""));
  g_assert_nonnull (strstr (html, "<title>A &lt;b&gt; Title</title>"));
}

/* A wrong command line: exit 2, a message, nothing written. */
static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *docx = g_build_filename (f->dir, "out.docx", NULL);
  g_autofree char *listing = NULL;
  g_auto(Run) run = { 0 };

  run_export (&run, (const char *[]) { f->input, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "specwright-export: no output given: -o FILE\n");
  run_clear (&run);

  run_export (&run, (const char *[]) { "-o", docx, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "specwright-export: no file given; try --help\n");
  run_clear (&run);

  run_export (&run, (const char *[]) { f->input, "-o", docx, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--format html or pdf"));
  run_clear (&run);

  run_export (&run, (const char *[]) { f->input, "-o", docx, "--format", "docx", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "specwright-export: --format takes html or pdf\n");
  run_clear (&run);

  run_export (&run, (const char *[]) { f->input, f->input, "-o", docx, "--format", "html", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "specwright-export: one file at a time; try --help\n");
  run_clear (&run);

  /* Never over its own input. */
  run_export (&run, (const char *[]) { f->input, "-o", f->input, "--format", "html", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "the output would replace the input"));

  listing = spec_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "spec.md");
}

/* What cannot be read or written: exit 1, "specwright-export: PATH:
 * reason", no file left. */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.md", NULL);
  g_autofree char *binary = g_build_filename (f->dir, "binary.md", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.html", NULL);
  g_autofree char *nowhere_html = g_build_filename (f->dir, "gone", "out.html", NULL);
  g_autofree char *nowhere_pdf = g_build_filename (f->dir, "gone", "out.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_auto(Run) run = { 0 };

  run_export (&run, (const char *[]) { missing, "-o", out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("specwright-export: %s: ", missing);
  g_assert_true (g_str_has_prefix (run.err, expected));
  run_clear (&run);

  g_assert_true (g_file_set_contents (binary, "# A\n\0\1\2", 7, NULL));
  run_export (&run, (const char *[]) { binary, "-o", out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "binary.md: "));
  g_assert_cmpint (g_unlink (binary), ==, 0);
  run_clear (&run);

  run_export (&run, (const char *[]) { f->input, "-o", nowhere_html, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "out.html: "));
  run_clear (&run);

  run_export (&run, (const char *[]) { f->input, "-o", nowhere_pdf, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "out.pdf: "));

  listing = spec_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "spec.md");
}

/* Every seed, both ways, without a display. */
static void
test_seeds (void)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();
  g_autofree char *dir = NULL;

  if (seeds == NULL)
    {
      g_test_skip ("../shared/seeds is not there");
      return;
    }

  dir = g_dir_make_tmp ("specwright-export-seeds-XXXXXX", NULL);
  for (guint i = 0; seeds[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (seeds[i]);
      g_autofree char *html = g_strdup_printf ("%s/%s.html", dir, base);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, base);
      g_auto(Run) run = { 0 };

      run_export (&run, (const char *[]) { seeds[i], "-o", html, NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));
      run_clear (&run);
      run_export (&run, (const char *[]) { seeds[i], "-o", pdf, NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    }
  spec_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export-cli/formats", test_formats);
  ADD ("/export-cli/report-and-title", test_report_and_title);
  ADD ("/export-cli/usage", test_usage);
  ADD ("/export-cli/failures", test_failures);
  g_test_add_func ("/export-cli/seeds", test_seeds);

#undef ADD

  return g_test_run ();
}
