/* spec-progress-indicator.h: how complete the document is, in the header
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TYPE_PROGRESS_INDICATOR (spec_progress_indicator_get_type())

G_DECLARE_FINAL_TYPE (SpecProgressIndicator, spec_progress_indicator, SPEC, PROGRESS_INDICATOR, GtkWidget)

GtkWidget    *spec_progress_indicator_new          (void);
SpecSnapshot *spec_progress_indicator_get_snapshot (SpecProgressIndicator *self);
void          spec_progress_indicator_set_snapshot (SpecProgressIndicator *self,
                                                    SpecSnapshot          *snapshot);
const char   *spec_progress_indicator_get_text     (SpecProgressIndicator *self);

G_END_DECLS
