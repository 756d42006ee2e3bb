/* spec-preferences-window.h: Preferences
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPEC_TYPE_PREFERENCES_WINDOW (spec_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (SpecPreferencesWindow, spec_preferences_window, SPEC, PREFERENCES_WINDOW, AdwPreferencesWindow)

SpecPreferencesWindow *spec_preferences_window_new (GSettings *settings);

G_END_DECLS
