/* spec-trace.h: SPECWRIGHT_TRACE=1, a timestamp for each start-up phase
 * and snapshot stage
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean spec_trace_enabled (void);
void     spec_trace_mark    (const char *phase,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

/* Cheap when tracing is off: the arguments are not even evaluated. */
#define SPEC_TRACE(phase, ...) \
  G_STMT_START { if (spec_trace_enabled ()) spec_trace_mark (phase, __VA_ARGS__); } G_STMT_END

G_END_DECLS
