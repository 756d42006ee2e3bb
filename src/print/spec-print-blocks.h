/* spec-print-blocks.h: the blocks of a document as printed items
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cmark-gfm.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* What every block of one document is laid out with. */
typedef struct
{
  PangoContext *context;
  GFile        *base_file;   /* the document's file, or NULL */
  double        width;       /* of the page's content, in points */
  double        height;
} SpecPrintBuild;

void spec_print_blocks_add        (const SpecPrintBuild *build,
                                   cmark_node           *node,
                                   GPtrArray            *items);
void spec_print_blocks_add_source (const SpecPrintBuild *build,
                                   const char           *source,
                                   gsize                 len,
                                   GPtrArray            *items);

G_END_DECLS
