/* spec-template-check-dialog.h: Check Against Template…
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-document.h"
#include "spec-template.h"

G_BEGIN_DECLS

#define SPEC_TYPE_TEMPLATE_CHECK_DIALOG (spec_template_check_dialog_get_type())

G_DECLARE_FINAL_TYPE (SpecTemplateCheckDialog, spec_template_check_dialog, SPEC, TEMPLATE_CHECK_DIALOG, AdwWindow)

SpecTemplateCheckDialog *spec_template_check_dialog_new          (SpecDocument            *document,
                                                                  GPtrArray               *templates,
                                                                  SpecTemplate            *selected,
                                                                  const char              *own_id,
                                                                  const char              *suggested_id);
SpecTemplate            *spec_template_check_dialog_get_selected (SpecTemplateCheckDialog *self);
void                     spec_template_check_dialog_select       (SpecTemplateCheckDialog *self,
                                                                  const char              *id);
const SpecReport        *spec_template_check_dialog_get_report   (SpecTemplateCheckDialog *self);

G_END_DECLS
