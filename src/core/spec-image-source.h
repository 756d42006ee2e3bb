/* spec-image-source.h: where an image of the document comes from
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SPEC_IMAGE_SOURCE_LOCAL,      /* a file on this machine */
  SPEC_IMAGE_SOURCE_REMOTE,     /* elsewhere: never fetched */
  SPEC_IMAGE_SOURCE_UNSAVED,    /* relative to a document not yet saved */
  SPEC_IMAGE_SOURCE_INVALID,    /* no usable target */
} SpecImageSourceKind;

SpecImageSourceKind spec_image_source_resolve (const char  *src,
                                               GFile       *base_file,
                                               GFile      **file);

G_END_DECLS
