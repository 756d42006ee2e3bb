/* spec-application.h
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-template-store.h"
#include "spec-window.h"

G_BEGIN_DECLS

#define SPEC_TYPE_APPLICATION (spec_application_get_type())

G_DECLARE_FINAL_TYPE (SpecApplication, spec_application, SPEC, APPLICATION, AdwApplication)

SpecApplication *spec_application_new             (const char        *application_id,
                                                   GApplicationFlags  flags);
SpecWindow      *spec_application_new_window      (SpecApplication   *self);
SpecWindow      *spec_application_find_window     (SpecApplication   *self,
                                                   GFile             *file);
SpecLibrary     *spec_application_get_library     (SpecApplication   *self);
SpecWindow      *spec_application_find_spec_window (SpecApplication  *self,
                                                   gint64             id);
void             spec_application_open_spec       (SpecApplication   *self,
                                                   gint64             id);
SpecTemplateStore *spec_application_get_templates (SpecApplication   *self);

G_END_DECLS
