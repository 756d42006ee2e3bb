/* bench-snapshot.c: what the whole snapshot costs against a bare parse
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a ~10 MB specification (the seed templates, repeated with their
 * headings numbered, or a generated spec when the seeds are absent), then
 * times, alternately and several times each, cmark-gfm's own parse of it
 * with the same extensions, and the full snapshot: parse, outline, blocks
 * and completeness report.  Prints both medians and their ratio.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "spec-markdown.h"
#include "spec-snapshot.h"

#define TARGET_SIZE (10 * 1024 * 1024)
#define MAX_RUNS 15

static char *
read_seeds (void)
{
  const char *dir = g_getenv ("SPEC_SEEDS_DIR");
  g_autoptr(GDir) gdir = NULL;
  GString *all = g_string_new (NULL);
  const char *name;

  if (dir == NULL || !(gdir = g_dir_open (dir, 0, NULL)))
    return g_string_free (all, TRUE), NULL;

  while ((name = g_dir_read_name (gdir)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &contents, NULL, NULL))
        {
          g_string_append (all, contents);
          g_string_append (all, "\n\n");
        }
    }

  if (all->len == 0)
    return g_string_free (all, TRUE), NULL;

  return g_string_free (all, FALSE);
}

static const char generated[] =
  "## Requirement [ID]\n\n"
  "**Priority:** [High | Medium | Low]\n"
  "**Owner:** [Name]\n\n"
  "The service MUST accept [input] and answer within [X]ms at p95, see [the guide](https://example.org).\n\n"
  "| Field | Type | Notes |\n|---|---|---|\n| `id` | UUID | [describe] |\n| `name` | text | unique |\n\n"
  "```sql\nCREATE TABLE [table_name] (id UUID PRIMARY KEY, tags TEXT[]);\n```\n\n"
  "- [ ] [Specific, testable criterion]\n- [x] Reviewed by [reviewer]\n\n"
  "<!-- ACTION REQUIRED: fill in this section -->\n\n"
  "[NEEDS CLARIFICATION: retention period not specified]\n\n";

static char *
build_document (void)
{
  g_autofree char *seeds = read_seeds ();
  const char *unit = seeds ? seeds : generated;
  GString *doc = g_string_sized_new (TARGET_SIZE + strlen (unit));

  for (guint copy = 1; doc->len < TARGET_SIZE; copy++)
    {
      g_string_append_printf (doc, "# Part %u\n\n", copy);
      g_string_append (doc, unit);
    }

  return g_string_free (doc, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = build_document ();
  gsize len = strlen (text);
  double parse_ms[MAX_RUNS] = { 0 };
  double snapshot_ms[MAX_RUNS] = { 0 };
  /* SPEC_BENCH_RUNS=1 for one run under valgrind --tool=callgrind, whose
   * instruction counts do not depend on what else the machine does. */
  const char *runs_env = g_getenv ("SPEC_BENCH_RUNS");
  int RUNS = runs_env ? CLAMP (atoi (runs_env), 1, MAX_RUNS) : 7;
  guint n_sections = 0;
  guint n_items = 0;

  spec_markdown_init ();

  for (int run = 0; run < RUNS; run++)
    {
      gint64 t0, t1, t2, t3;
      cmark_node *document;
      SpecSnapshot *snapshot;

      /* Neither figure includes freeing what was built. */
      t0 = g_get_monotonic_time ();
      document = spec_markdown_parse (text, len);
      t1 = g_get_monotonic_time ();
      cmark_node_free (document);

      t2 = g_get_monotonic_time ();
      snapshot = spec_snapshot_new (text, len);
      t3 = g_get_monotonic_time ();

      n_sections = spec_snapshot_get_sections (snapshot)->len;
      n_items = spec_snapshot_get_report (snapshot)->items->len;
      g_object_unref (snapshot);

      parse_ms[run] = (t1 - t0) / 1000.0;
      snapshot_ms[run] = (t3 - t2) / 1000.0;
    }

  /* The snapshot's time includes copying the text, as the app's does. */
  qsort (parse_ms, RUNS, sizeof (double), compare_doubles);
  qsort (snapshot_ms, RUNS, sizeof (double), compare_doubles);

  g_print ("document: %.1f MiB, %u sections, %u report items\n",
           len / (1024.0 * 1024.0), n_sections, n_items);
  g_print ("cmark-gfm parse:             median %8.1f ms (min %.1f, max %.1f, %d runs)\n",
           parse_ms[RUNS / 2], parse_ms[0], parse_ms[RUNS - 1], RUNS);
  g_print ("snapshot (parse+outline+report): median %8.1f ms (min %.1f, max %.1f, %d runs)\n",
           snapshot_ms[RUNS / 2], snapshot_ms[0], snapshot_ms[RUNS - 1], RUNS);
  g_print ("ratio snapshot / parse: %.2fx (target: at most 1.50x)\n",
           snapshot_ms[RUNS / 2] / parse_ms[RUNS / 2]);

  return 0;
}
