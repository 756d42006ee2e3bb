/* spec-print-text.h: the fonts of a printed document, and its inline text
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Sizes in points.  The preview's type scale, a little smaller: a page
 * is read closer than a screen. */
#define SPEC_PRINT_BODY_SIZE 10.0
#define SPEC_PRINT_CODE_SIZE 8.5
#define SPEC_PRINT_SMALL_SIZE 8.0

PangoLayout *spec_print_text_layout_new       (PangoContext *context,
                                               const char   *markup,
                                               gboolean      monospace,
                                               double        size,
                                               PangoWeight   weight,
                                               double        width);
PangoLayout *spec_print_text_plain_layout_new (PangoContext *context,
                                               const char   *text,
                                               gboolean      monospace,
                                               double        size,
                                               double        width);
char        *spec_print_text_markup_from_node (cmark_node   *node);
void         spec_print_text_tag_links        (cairo_t      *cr,
                                               PangoLayout  *layout,
                                               double        x,
                                               double        y,
                                               double        top,
                                               double        bottom);

G_END_DECLS
