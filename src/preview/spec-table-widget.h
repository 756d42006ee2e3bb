/* spec-table-widget.h: a GFM table as a grid of labels
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

GtkWidget *spec_table_widget_new (cmark_node *table);

G_END_DECLS
