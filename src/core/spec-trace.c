/* spec-trace.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "spec-trace.h"

/* With SPECWRIGHT_TRACE=1 in the environment, each phase prints one line
 * on stderr:
 *
 *   specwright-trace: 123456789012 +84.2 startup
 *
 * the monotonic clock in µs (g_get_monotonic_time(), the same clock a
 * benchmark that starts the process reads), the milliseconds since the
 * first mark, the phase, and what it worked on.  The benchmarks in
 * tests/bench/ read these lines; a person reads the second column. */

static gint64 first_mark;

gboolean
spec_trace_enabled (void)
{
  static gsize enabled = 0;

  if (g_once_init_enter (&enabled))
    {
      const char *value = g_getenv ("SPECWRIGHT_TRACE");

      g_once_init_leave (&enabled, value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0 ? 2 : 1);
    }

  return enabled == 2;
}

void
spec_trace_mark (const char *phase,
                 const char *format,
                 ...)
{
  static GMutex lock;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *detail = NULL;
  va_list args;

  g_return_if_fail (phase != NULL);

  if (!spec_trace_enabled ())
    return;

  if (format != NULL)
    {
      va_start (args, format);
      detail = g_strdup_vprintf (format, args);
      va_end (args);
    }

  /* Marks come from worker threads too (a parse off the main thread). */
  g_mutex_lock (&lock);
  if (first_mark == 0)
    first_mark = now;
  fprintf (stderr, "specwright-trace: %" G_GINT64_FORMAT " +%.1f %s%s%s\n",
           now, (now - first_mark) / 1000.0, phase,
           detail != NULL ? " " : "", detail != NULL ? detail : "");
  fflush (stderr);
  g_mutex_unlock (&lock);
}
