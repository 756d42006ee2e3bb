/* test-memory-trim.c: freed memory goes back to the system once idle
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "spec-memory-trim.h"
#include "spec-test-files.h"

/* AddressSanitizer's allocator is not glibc's: malloc_trim() has nothing
 * to give back there.  GCC says so with __SANITIZE_ADDRESS__, clang with
 * __has_feature(). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define BLOCKS      40000
#define BLOCK_SIZE  1024
#define KEEP_EVERY  64

/* VmRSS in KiB, from /proc. */
static guint64
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* 40 MB in small blocks, most freed but with blocks still in use between
 * them (as start-up leaves its heap): the free memory stays in the process
 * until trimmed, and goes back once the main loop has been idle. */
static void
test_trim_gives_back (void)
{
#if defined(UNDER_ASAN)
  g_test_skip ("AddressSanitizer has its own allocator");
#elif defined(HAVE_MALLOC_TRIM)
  g_autofree char **blocks = g_new0 (char *, BLOCKS);
  guint64 before, after;

  for (guint i = 0; i < BLOCKS; i++)
    {
      blocks[i] = malloc (BLOCK_SIZE);
      memset (blocks[i], i & 0xff, BLOCK_SIZE);
    }
  for (guint i = 0; i < BLOCKS; i++)
    if (i % KEEP_EVERY != 0)
      g_clear_pointer (&blocks[i], free);

  before = rss_kb ();
  spec_memory_trim_soon ();
  g_assert_true (spec_memory_trim_is_pending ());

  /* Not before the delay. */
  spec_test_iterate (SPEC_MEMORY_TRIM_DELAY_MS / 4);
  g_assert_true (spec_memory_trim_is_pending ());
  g_assert_cmpuint (rss_kb (), >, before - 4 * 1024);

  spec_test_iterate (SPEC_MEMORY_TRIM_DELAY_MS);
  g_assert_false (spec_memory_trim_is_pending ());
  after = rss_kb ();
  g_test_message ("VmRSS %" G_GUINT64_FORMAT " kB before the trim, %" G_GUINT64_FORMAT " kB after",
                  before, after);
  /* Of 39 MB freed, most pages are whole and free. */
  g_assert_cmpuint (after + 20 * 1024, <, before);

  for (guint i = 0; i < BLOCKS; i++)
    free (blocks[i]);
#else
  g_test_skip ("no malloc_trim() here");
#endif
}

/* Called again within the delay, it waits again: one trim for a burst. */
static void
test_trim_waits_again (void)
{
  spec_memory_trim_soon ();
  spec_test_iterate (SPEC_MEMORY_TRIM_DELAY_MS * 3 / 4);
  spec_memory_trim_soon ();
  spec_test_iterate (SPEC_MEMORY_TRIM_DELAY_MS * 3 / 4);
  g_assert_true (spec_memory_trim_is_pending ());
  spec_test_iterate (SPEC_MEMORY_TRIM_DELAY_MS / 2);
  g_assert_false (spec_memory_trim_is_pending ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory-trim/gives-back", test_trim_gives_back);
  g_test_add_func ("/memory-trim/waits-again", test_trim_waits_again);

  return g_test_run ();
}
