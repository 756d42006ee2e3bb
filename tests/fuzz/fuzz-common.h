/* fuzz-common.h: what the libFuzzer targets share
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* The editor only ever holds valid UTF-8 without NUL bytes (files that
 * are not are refused on opening), so the parser is fed what the editor
 * could hold: the input made valid, NULs replaced. */
char *fuzz_editor_text (const uint8_t *data,
                        size_t         size,
                        gsize         *len);

/* Aborts, so that libFuzzer records the input, when @cond is false. */
#define FUZZ_CHECK(cond) \
  G_STMT_START { if (G_UNLIKELY (!(cond))) { \
    g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    abort (); } } G_STMT_END
