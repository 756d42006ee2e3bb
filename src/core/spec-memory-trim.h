/* spec-memory-trim.h: freed memory given back to the system once idle
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long the main loop is to be idle first. */
#define SPEC_MEMORY_TRIM_DELAY_MS 1000

void     spec_memory_trim_soon       (void);
gboolean spec_memory_trim_is_pending (void);

G_END_DECLS
