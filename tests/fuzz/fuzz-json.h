/* fuzz-json.h: a strict JSON checker (RFC 8259), for fuzzing our output
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* TRUE when @text is exactly one JSON value (with surrounding white
 * space) in valid UTF-8; otherwise FALSE with the byte offset of the
 * first fault in @fault. */
gboolean fuzz_json_is_valid (const char *text,
                             gsize       len,
                             gsize      *fault);
