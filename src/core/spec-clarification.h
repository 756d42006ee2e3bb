/* spec-clarification.h: answering a [NEEDS CLARIFICATION: …] marker
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-outline-edit.h"

G_BEGIN_DECLS

GPtrArray *spec_clarification_resolve (SpecSnapshot  *snapshot,
                                       gsize          offset,
                                       gsize          length,
                                       const char    *answer,
                                       GDateTime     *date,
                                       GError       **error);

G_END_DECLS
