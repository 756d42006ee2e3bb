/* spec-image-block.h: an image of the document, loaded off the main thread
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

#define SPEC_TYPE_IMAGE_BLOCK (spec_image_block_get_type())

G_DECLARE_FINAL_TYPE (SpecImageBlock, spec_image_block, SPEC, IMAGE_BLOCK, GtkWidget)

GtkWidget *spec_image_block_new        (cmark_node     *image,
                                        GFile          *base_file);
gboolean   spec_image_block_is_loading (SpecImageBlock *self);

G_END_DECLS
