/* spec-line-diff.h: what changed between two texts, line by line
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SPEC_DIFF_SAME,
  SPEC_DIFF_REMOVED,
  SPEC_DIFF_ADDED,
} SpecDiffOp;

typedef struct
{
  SpecDiffOp  op;
  char       *text;       /* the line, without its end */
  guint       old_line;   /* 1-based; 0 for an added line */
  guint       new_line;   /* 1-based; 0 for a removed line */
} SpecDiffLine;

typedef struct
{
  GPtrArray *lines;       /* SpecDiffLine, in reading order */
  guint      n_added;
  guint      n_removed;
} SpecLineDiff;

SpecLineDiff *spec_line_diff_new  (const char   *old_text,
                                   const char   *new_text);
void          spec_line_diff_free (SpecLineDiff *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecLineDiff, spec_line_diff_free)

G_END_DECLS
