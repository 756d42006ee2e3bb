/* spec-print-image.h: a picture beside the document, read with care
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

/* Larger files are not read: a document must not make the export read a
 * disk image it happens to point at. */
#define SPEC_PRINT_IMAGE_MAX_BYTES (16 * 1024 * 1024)

cairo_surface_t *spec_print_image_load (GFile   *file,
                                        double   max_width,
                                        double   max_height,
                                        double  *width,
                                        double  *height,
                                        GError **error);

G_END_DECLS
