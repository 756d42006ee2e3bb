/* spec-library-item.h: one spec, as a row of the library view
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "spec-library.h"

G_BEGIN_DECLS

#define SPEC_TYPE_LIBRARY_ITEM (spec_library_item_get_type())

G_DECLARE_FINAL_TYPE (SpecLibraryItem, spec_library_item, SPEC, LIBRARY_ITEM, GObject)

SpecLibraryItem *spec_library_item_new           (const SpecLibraryEntry *entry);
gint64           spec_library_item_get_id        (SpecLibraryItem        *self);
const char      *spec_library_item_get_title     (SpecLibraryItem        *self);
const char      *spec_library_item_get_template  (SpecLibraryItem        *self);
const char      *spec_library_item_get_status    (SpecLibraryItem        *self);
int              spec_library_item_get_percent   (SpecLibraryItem        *self);
int              spec_library_item_get_unfilled  (SpecLibraryItem        *self);
gint64           spec_library_item_get_updated   (SpecLibraryItem        *self);
const char      *spec_library_item_get_file_uri  (SpecLibraryItem        *self);
const char      *spec_library_item_get_snippet   (SpecLibraryItem        *self);
void             spec_library_item_set_snippet   (SpecLibraryItem        *self,
                                                  const char             *snippet);
gboolean         spec_library_item_has_snippet   (SpecLibraryItem        *self);

G_END_DECLS
