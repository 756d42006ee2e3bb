/* preview-fixture.h: a SpecPreview in a real window, for the UI tests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-preview.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget   *window;
  SpecPreview *preview;
} PreviewFixture;

void           preview_fixture_init     (PreviewFixture *fixture,
                                         int             width,
                                         int             height);
void           preview_fixture_clear    (PreviewFixture *fixture);
void           preview_wait_complete    (GtkWidget      *window,
                                         SpecPreview    *preview);
SpecSnapshot  *preview_fixture_show     (PreviewFixture *fixture,
                                         const char     *text);
GPtrArray     *preview_find_widgets     (gpointer        root,
                                         GType           type,
                                         const char     *css_class);
GtkWidget     *preview_find_label       (gpointer        root,
                                         const char     *text);
GtkAdjustment *preview_vadjustment      (SpecPreview    *preview);
double         preview_offset_in_view   (SpecPreview    *preview,
                                         GtkWidget      *widget);

G_END_DECLS
