/* spec-recovery-dialog.h: what a crash left, offered back
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-library-recovery.h"

G_BEGIN_DECLS

#define SPEC_TYPE_RECOVERY_DIALOG (spec_recovery_dialog_get_type())

G_DECLARE_FINAL_TYPE (SpecRecoveryDialog, spec_recovery_dialog, SPEC, RECOVERY_DIALOG, AdwWindow)

SpecRecoveryDialog *spec_recovery_dialog_new         (GPtrArray          *recoverables);
guint               spec_recovery_dialog_get_n_items (SpecRecoveryDialog *self);
void                spec_recovery_dialog_recover_all (SpecRecoveryDialog *self);

G_END_DECLS
