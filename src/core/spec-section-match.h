/* spec-section-match.h: which of a document's sections are a template's
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "spec-outline.h"

G_BEGIN_DECLS

guint spec_section_match (GPtrArray *sections,
                          GPtrArray *template_sections,
                          gint      *match,
                          guint     *n_named);

G_END_DECLS
