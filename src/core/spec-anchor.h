/* spec-anchor.h: the #anchors that link to a document's headings
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "spec-outline.h"

G_BEGIN_DECLS

char              *spec_anchor_slugify           (const char *title);
char             **spec_anchor_list_for_sections (GPtrArray  *sections);
const SpecSection *spec_anchor_find_section      (GPtrArray  *sections,
                                                  const char *anchor);

G_END_DECLS
