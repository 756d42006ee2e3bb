/* spec-preview-widgets.h: the small widgets every preview block is made of
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *spec_preview_label_new           (const char        *markup,
                                             const char        *css_class);
GtkWidget *spec_preview_label_new_with_role (const char        *markup,
                                             const char        *css_class,
                                             GtkAccessibleRole  role);
GtkWidget *spec_preview_text_label_new      (const char        *text,
                                             const char        *css_class);
GtkWidget *spec_preview_natural_bin_new     (GtkWidget         *child);
GtkWidget *spec_preview_hscroller_new       (GtkWidget         *child,
                                             const char        *css_class);

G_END_DECLS
