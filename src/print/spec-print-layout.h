/* spec-print-layout.h: a document laid out on pages, for PDF and paper
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TYPE_PRINT_LAYOUT (spec_print_layout_get_type ())

G_DECLARE_FINAL_TYPE (SpecPrintLayout, spec_print_layout, SPEC, PRINT_LAYOUT, GObject)

SpecPrintLayout *spec_print_layout_new            (SpecSnapshot    *snapshot,
                                                   GFile           *base_file,
                                                   const char      *title,
                                                   const char      *status);
void             spec_print_layout_set_page_size  (SpecPrintLayout *self,
                                                   double           width,
                                                   double           height);
gboolean         spec_print_layout_paginate_step  (SpecPrintLayout *self,
                                                   PangoContext    *context);
double           spec_print_layout_get_progress   (SpecPrintLayout *self);
guint            spec_print_layout_get_n_pages    (SpecPrintLayout *self);
void             spec_print_layout_draw_page      (SpecPrintLayout *self,
                                                   cairo_t         *cr,
                                                   guint            page);

G_END_DECLS
