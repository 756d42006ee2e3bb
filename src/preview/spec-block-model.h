/* spec-block-model.h: a snapshot's top-level blocks as a list model
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TYPE_BLOCK_MODEL (spec_block_model_get_type())

G_DECLARE_FINAL_TYPE (SpecBlockModel, spec_block_model, SPEC, BLOCK_MODEL, GObject)

SpecBlockModel *spec_block_model_new           (void);
SpecSnapshot   *spec_block_model_get_snapshot  (SpecBlockModel *self);
void            spec_block_model_set_snapshot  (SpecBlockModel *self,
                                                SpecSnapshot   *snapshot);
void            spec_block_model_show_through  (SpecBlockModel *self,
                                                guint           index);
gboolean        spec_block_model_is_complete   (SpecBlockModel *self);

G_END_DECLS
