/* spec-print-table.h: a table measured for the page, drawn row by row
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _SpecPrintTable SpecPrintTable;

SpecPrintTable *spec_print_table_new             (PangoContext         *context,
                                                  cmark_node           *table,
                                                  double                max_width,
                                                  double                size);
void            spec_print_table_free            (SpecPrintTable       *table);
guint           spec_print_table_get_n_body_rows (const SpecPrintTable *table);
double          spec_print_table_get_head_height (const SpecPrintTable *table);
double          spec_print_table_get_row_height  (const SpecPrintTable *table,
                                                  guint                 row);
double          spec_print_table_get_width       (const SpecPrintTable *table);
void            spec_print_table_draw            (const SpecPrintTable *table,
                                                  cairo_t              *cr,
                                                  double                x,
                                                  double                y,
                                                  guint                 first,
                                                  guint                 end,
                                                  double                alpha);

G_END_DECLS
