/* spec-history-chart.h: a spec's completeness over its revisions
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-library.h"

G_BEGIN_DECLS

#define SPEC_TYPE_HISTORY_CHART (spec_history_chart_get_type())

G_DECLARE_FINAL_TYPE (SpecHistoryChart, spec_history_chart, SPEC, HISTORY_CHART, GtkWidget)

GtkWidget *spec_history_chart_new           (void);
void       spec_history_chart_set_revisions (SpecHistoryChart *self,
                                             GArray           *revisions);
void       spec_history_chart_set_selected  (SpecHistoryChart *self,
                                             int               index);
char      *spec_history_chart_describe      (GArray           *revisions);

G_END_DECLS
