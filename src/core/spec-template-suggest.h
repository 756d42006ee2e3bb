/* spec-template-suggest.h: which template a document was written from
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-template.h"

G_BEGIN_DECLS

/* Below this overlap no template is suggested. */
#define SPEC_TEMPLATE_SUGGEST_MIN_OVERLAP 0.4

double        spec_template_overlap  (SpecTemplate *template_,
                                      SpecSnapshot *snapshot);
SpecTemplate *spec_template_suggest  (GPtrArray    *templates,
                                      SpecSnapshot *snapshot,
                                      double       *overlap);

G_END_DECLS
