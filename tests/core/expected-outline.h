/* expected-outline.h: what the outline of a text should be, computed
 * straight from cmark-gfm, independently of src/core
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  level;
  guint  line;      /* first line of the heading */
  guint  end_line;  /* last line: the underline of a setext heading */
  char  *title;     /* cmark's plain text rendering, white space folded */
} ExpectedHeading;

GPtrArray *expected_outline_compute     (const char *text,
                                         gsize       len);
GArray    *expected_line_starts         (const char *text,
                                         gsize       len);
GPtrArray *expected_outline_load_seeds  (void);
char      *expected_fold_white_space    (const char *str);

G_END_DECLS
