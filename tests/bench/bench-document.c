/* bench-document.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-document.h"
#include "spec-test-files.h"

/**
 * bench_large_document:
 * @size: about how many bytes
 *
 * The five seeds of $SPEC_SEEDS_DIR repeated, each round under its own
 * "# Part N" heading, up to @size bytes, then cut before the last Part
 * heading that fits, so that no code block or table is left open at the
 * end.  Only the Part headings are cut points: a "#" after a blank line
 * may be a comment in a code block.  The same bytes from one run to the
 * next, for specwright-check's benchmark and the start-up one alike.
 *
 * Returns: (nullable): the document, or %NULL without the seeds
 */
GString *
bench_large_document (gsize size)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();
  g_autoptr(GString) unit = g_string_new (NULL);
  GString *doc;
  const char *cut;

  if (seeds == NULL || seeds[0] == NULL)
    return NULL;

  for (guint i = 0; seeds[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (seeds[i], &contents, NULL, NULL))
        return NULL;
      /* Blank lines between seeds: one's last block never runs into the
       * next one's heading. */
      g_string_append_printf (unit, "%s\n\n", contents);
    }

  doc = g_string_sized_new (size + unit->len + 64);
  for (guint copy = 1; doc->len < size; copy++)
    g_string_append_printf (doc, "# Part %u\n\n%s", copy, unit->str);

  if ((cut = g_strrstr_len (doc->str, size, "\n\n# Part ")))
    g_string_truncate (doc, cut - doc->str + 1);

  return doc;
}
