/* spec-test-utils.h: waiting, finding and screenshots for UI tests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-test-files.h"

G_BEGIN_DECLS

typedef gboolean (*SpecTestCondition) (gpointer data);
typedef gboolean (*SpecTestWidgetMatch) (GtkWidget     *widget,
                                         gconstpointer  data);

void       spec_test_init               (int                *argc,
                                         char             ***argv);
gboolean   spec_test_is_slow            (void);
gint64     spec_test_time_limit         (gint64              limit);
gboolean   spec_test_wait_for           (SpecTestCondition   condition,
                                         gpointer            data,
                                         guint               timeout_ms);
void       spec_test_wait_for_frames    (GtkWidget          *widget,
                                         guint               n_frames);
char      *spec_test_collect_text       (GtkWidget          *widget);
GtkWidget *spec_test_find_dialog        (GtkWindow          *parent);
GtkWidget *spec_test_find_toplevel      (GType               type,
                                         GtkWindow          *parent);
GtkWidget *spec_test_find_widget        (GtkWidget          *root,
                                         GType               type);
GtkWidget *spec_test_find_matching      (GtkWidget          *root,
                                         SpecTestWidgetMatch match,
                                         gconstpointer       data);
GtkWidget *spec_test_find_button        (GtkWidget          *root,
                                         const char         *label);
GdkTexture *spec_test_capture           (GtkWidget          *widget);
char      *spec_test_save_screenshot    (GtkWidget          *widget,
                                         const char         *name);
void       spec_test_load_app_style     (void);

G_END_DECLS
