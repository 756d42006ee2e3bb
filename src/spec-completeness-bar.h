/* spec-completeness-bar.h: a thin bar for a percentage, cheap enough for
 * every row of a long list
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPEC_TYPE_COMPLETENESS_BAR (spec_completeness_bar_get_type())

G_DECLARE_FINAL_TYPE (SpecCompletenessBar, spec_completeness_bar, SPEC, COMPLETENESS_BAR, GtkWidget)

GtkWidget *spec_completeness_bar_new         (void);
void       spec_completeness_bar_set_percent (SpecCompletenessBar *self,
                                              int                  percent);
int        spec_completeness_bar_get_percent (SpecCompletenessBar *self);

G_END_DECLS
