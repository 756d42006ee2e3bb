/* bench-export.c: how long exports take, HTML and PDF, for the seeds and
 * the ~9 MB document
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In process, as the window's worker thread runs them: the parse of the
 * text, the rendering, and the file written through its temporary.
 * Prints each figure, then "ROW\t" lines for build-aux/dev.sh bench.  It
 * measures; it does not pass or fail on time.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-document.h"
#include "bench-util.h"
#include "spec-export.h"
#include "spec-export-html.h"
#include "spec-markdown.h"
#include "spec-pdf-export.h"
#include "spec-snapshot.h"
#include "spec-test-files.h"
#include "spec-text-file.h"

#define SEED_RUNS 5

/* One export of @text to @output: parse, render, write.  Milliseconds. */
static double
export_once (const char       *text,
             gsize             len,
             SpecExportFormat  format,
             GFile            *output,
             goffset          *size)
{
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *title = NULL;
  gint64 start = g_get_monotonic_time ();

  snapshot = spec_snapshot_new (text, (gssize) len);
  title = spec_export_dup_title (snapshot, NULL);

  if (format == SPEC_EXPORT_FORMAT_PDF)
    {
      if (!spec_pdf_export (snapshot, NULL, title, NULL, output, NULL, NULL, NULL, &error))
        g_error ("PDF export failed: %s", error->message);
    }
  else
    {
      g_autofree char *html = spec_export_html (snapshot, NULL, title, SPEC_EXPORT_HTML_REPORT, NULL, &error);

      if (html == NULL || !spec_text_file_save (output, html, strlen (html), NULL, &error))
        g_error ("HTML export failed: %s", error->message);
    }

  start = g_get_monotonic_time () - start;
  info = g_file_query_info (output, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  *size = info != NULL ? g_file_info_get_size (info) : 0;

  return start / 1000.0;
}

static void
row (const char *measure,
     double      ms)
{
  if (ms >= 1000)
    g_print ("ROW\t%s\t%.2f s\t—\t—\t—\t—\n", measure, ms / 1000);
  else
    g_print ("ROW\t%s\t%.1f ms\t—\t—\t—\t—\n", measure, ms);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();
  g_autofree char *dir = g_dir_make_tmp ("specwright-bench-export-XXXXXX", NULL);
  g_autofree char *html_path = g_build_filename (dir, "out.html", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GString) large = NULL;
  double html_seed[SEED_RUNS];
  double pdf_seed[SEED_RUNS];
  double html_large;
  double pdf_large;
  goffset size = 0;
  goffset html_size = 0;
  goffset pdf_size = 0;

  if (seeds == NULL)
    {
      g_printerr ("bench-export: ../shared/seeds is not there\n");
      return 77;
    }

  spec_markdown_init ();

  /* The five seeds, one after the other, each run; the median run. */
  for (guint run = 0; run < SEED_RUNS; run++)
    {
      html_seed[run] = 0;
      pdf_seed[run] = 0;
      for (guint i = 0; seeds[i] != NULL; i++)
        {
          g_autofree char *text = NULL;
          gsize len = 0;

          if (!g_file_get_contents (seeds[i], &text, &len, NULL))
            g_error ("Could not read %s", seeds[i]);
          html_seed[run] += export_once (text, len, SPEC_EXPORT_FORMAT_HTML, html_file, &size);
          pdf_seed[run] += export_once (text, len, SPEC_EXPORT_FORMAT_PDF, pdf_file, &size);
        }
    }
  qsort (html_seed, SEED_RUNS, sizeof (double), compare_doubles);
  qsort (pdf_seed, SEED_RUNS, sizeof (double), compare_doubles);
  g_print ("five seeds, median of %d: HTML %.1f ms, PDF %.1f ms\n",
           SEED_RUNS, html_seed[SEED_RUNS / 2], pdf_seed[SEED_RUNS / 2]);

  large = bench_large_document (9 * 1024 * 1024);
  html_large = export_once (large->str, large->len, SPEC_EXPORT_FORMAT_HTML, html_file, &html_size);
  pdf_large = export_once (large->str, large->len, SPEC_EXPORT_FORMAT_PDF, pdf_file, &pdf_size);
  g_print ("%.1f MB document: HTML %.2f s (%.1f MB written), PDF %.2f s (%.1f MB written)\n",
           large->len / 1e6, html_large / 1000, html_size / 1e6, pdf_large / 1000, pdf_size / 1e6);

  row ("export, five seeds, HTML (median of 5)", html_seed[SEED_RUNS / 2]);
  row ("export, five seeds, PDF (median of 5)", pdf_seed[SEED_RUNS / 2]);
  row ("export, 9 MB, HTML", html_large);
  row ("export, 9 MB, PDF", pdf_large);

  spec_test_remove_tree (dir);

  return 0;
}
