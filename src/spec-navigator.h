/* spec-navigator.h: the section tree beside the editor
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TYPE_NAVIGATOR (spec_navigator_get_type())

G_DECLARE_FINAL_TYPE (SpecNavigator, spec_navigator, SPEC, NAVIGATOR, GtkWidget)

GtkWidget    *spec_navigator_new          (void);
SpecSnapshot *spec_navigator_get_snapshot (SpecNavigator *self);
void          spec_navigator_set_snapshot (SpecNavigator *self,
                                           SpecSnapshot  *snapshot);
void          spec_navigator_show_line    (SpecNavigator *self,
                                           guint          line);
GListModel   *spec_navigator_get_rows     (SpecNavigator *self);
gboolean      spec_navigator_is_complete  (SpecNavigator *self);
void          spec_navigator_activate_row (SpecNavigator *self,
                                           guint          position);

G_END_DECLS
