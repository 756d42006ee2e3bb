/* spec-template-picker.h: choosing what a new spec starts from
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-template-store.h"

G_BEGIN_DECLS

#define SPEC_TYPE_TEMPLATE_PICKER (spec_template_picker_get_type())

G_DECLARE_FINAL_TYPE (SpecTemplatePicker, spec_template_picker, SPEC, TEMPLATE_PICKER, AdwWindow)

SpecTemplatePicker *spec_template_picker_new          (SpecTemplateStore  *store);
GListModel         *spec_template_picker_get_shown    (SpecTemplatePicker *self);
SpecTemplate       *spec_template_picker_get_selected (SpecTemplatePicker *self);

G_END_DECLS
