/* spec-history-dialog.h: a spec's revisions, what each changed, and
 * Restore
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-library.h"

G_BEGIN_DECLS

#define SPEC_TYPE_HISTORY_DIALOG (spec_history_dialog_get_type())

G_DECLARE_FINAL_TYPE (SpecHistoryDialog, spec_history_dialog, SPEC, HISTORY_DIALOG, AdwWindow)

SpecHistoryDialog *spec_history_dialog_new             (SpecLibrary       *library,
                                                        gint64             spec_id,
                                                        const char        *current_text,
                                                        GError           **error);
guint              spec_history_dialog_get_n_revisions (SpecHistoryDialog *self);
void               spec_history_dialog_select          (SpecHistoryDialog *self,
                                                        guint              index);
char              *spec_history_dialog_dup_diff_text   (SpecHistoryDialog *self);

G_END_DECLS
