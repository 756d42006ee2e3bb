/* spec-preview.h: the document rendered natively with GTK widgets
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TYPE_PREVIEW (spec_preview_get_type())

G_DECLARE_FINAL_TYPE (SpecPreview, spec_preview, SPEC, PREVIEW, GtkWidget)

GtkWidget    *spec_preview_new              (void);
SpecSnapshot *spec_preview_get_snapshot     (SpecPreview  *self);
gboolean      spec_preview_is_complete      (SpecPreview  *self);
void          spec_preview_set_snapshot     (SpecPreview  *self,
                                             SpecSnapshot *snapshot);
GtkWidget    *spec_preview_get_block_widget (SpecPreview  *self,
                                             guint         index);
GFile        *spec_preview_get_base_file    (SpecPreview  *self);
void          spec_preview_set_base_file    (SpecPreview  *self,
                                             GFile        *base_file);
GtkAdjustment *spec_preview_get_vadjustment (SpecPreview  *self);
guint         spec_preview_get_top_line     (SpecPreview  *self);
guint         spec_preview_get_block_line   (SpecPreview  *self,
                                             guint         line);
void          spec_preview_scroll_to_line   (SpecPreview  *self,
                                             guint         line);
void          spec_preview_reveal_line      (SpecPreview  *self,
                                             guint         line);
gboolean      spec_preview_is_scrolling     (SpecPreview  *self);

G_END_DECLS
