/* spec-memory-trim.c: freed memory given back to the system once idle
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc's malloc keeps what a program frees for its next allocations.
 * Free memory at the top of the heap goes back by itself; free memory
 * between blocks still in use never does.  Start-up makes and drops many
 * small objects among ones that stay (each built-in template parsed for
 * the suggestion, the Pango layouts of every row measured, GtkBuilder's
 * parse of the window): with a seed spec open that was 5 MB of the
 * 124 MB the process held.  A window closed on a large document leaves
 * hundreds.  A moment after either, once the main loop is idle,
 * malloc_trim() gives the free pages back (it only returns whole free
 * pages; it moves nothing).
 *
 * Where there is no malloc_trim() (not glibc) this does nothing.
 */

#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "spec-memory-trim.h"

static guint trim_source;

static gboolean
trim_cb (gpointer data)
{
  trim_source = 0;
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif

  return G_SOURCE_REMOVE;
}

/**
 * spec_memory_trim_soon:
 *
 * Gives freed memory back to the system once the default main context has
 * had nothing else to do for %SPEC_MEMORY_TRIM_DELAY_MS: called again
 * before then, it waits that long again, so a burst of calls trims once.
 * Main thread only.
 */
void
spec_memory_trim_soon (void)
{
  g_clear_handle_id (&trim_source, g_source_remove);
  /* Low: after frames, input and the app's own idle work. */
  trim_source = g_timeout_add_full (G_PRIORITY_LOW, SPEC_MEMORY_TRIM_DELAY_MS, trim_cb, NULL, NULL);
  g_source_set_name_by_id (trim_source, "[specwright] memory trim");
}

/**
 * spec_memory_trim_is_pending:
 *
 * Returns: whether a trim is waiting to run
 */
gboolean
spec_memory_trim_is_pending (void)
{
  return trim_source != 0;
}
