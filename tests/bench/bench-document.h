/* bench-document.h: the large document the benchmarks open and check
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GString *bench_large_document (gsize size);

G_END_DECLS
