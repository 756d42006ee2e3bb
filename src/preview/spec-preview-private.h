/* spec-preview-private.h: what the block widgets tell their preview
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-preview.h"

G_BEGIN_DECLS

void spec_preview_follow_anchor (SpecPreview *self,
                                 const char  *anchor);
void spec_preview_task_toggled  (SpecPreview *self,
                                 GtkWidget   *check);

G_END_DECLS
