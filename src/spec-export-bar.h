/* spec-export-bar.h: an export under way, its progress and its Cancel
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPEC_TYPE_EXPORT_BAR (spec_export_bar_get_type())

G_DECLARE_FINAL_TYPE (SpecExportBar, spec_export_bar, SPEC, EXPORT_BAR, GtkWidget)

GtkWidget  *spec_export_bar_new          (void);
gboolean    spec_export_bar_get_revealed (SpecExportBar *self);
void        spec_export_bar_set_revealed (SpecExportBar *self,
                                          gboolean       revealed);
const char *spec_export_bar_get_message  (SpecExportBar *self);
void        spec_export_bar_set_message  (SpecExportBar *self,
                                          const char    *message);
double      spec_export_bar_get_fraction (SpecExportBar *self);
void        spec_export_bar_set_fraction (SpecExportBar *self,
                                          double         fraction);

G_END_DECLS
