/* spec-block-widget.h: one block of the document as GTK widgets
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <cmark-gfm.h>

#include "spec-block-budget.h"

G_BEGIN_DECLS

GtkWidget *spec_block_widget_new             (cmark_node *node,
                                              GFile      *base_file);
guint      spec_block_widget_footnote_number (cmark_node *definition);
gboolean   spec_block_widget_shows_something (cmark_node *node);
GtkWidget *spec_block_widget_new_too_complex (SpecBlockBudget budget,
                                              guint           start_line,
                                              guint           end_line);

G_END_DECLS
