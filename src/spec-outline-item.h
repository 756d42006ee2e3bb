/* spec-outline-item.h: one heading in the navigator's model
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TYPE_OUTLINE_ITEM (spec_outline_item_get_type())

G_DECLARE_FINAL_TYPE (SpecOutlineItem, spec_outline_item, SPEC, OUTLINE_ITEM, GObject)

SpecOutlineItem *spec_outline_item_new          (const SpecSection *section,
                                                 const SpecReport  *report);
const char      *spec_outline_item_get_title    (SpecOutlineItem   *self);
guint            spec_outline_item_get_line     (SpecOutlineItem   *self);
SpecSectionState spec_outline_item_get_state    (SpecOutlineItem   *self);
gboolean         spec_outline_item_get_counted  (SpecOutlineItem   *self);
guint            spec_outline_item_get_unfilled (SpecOutlineItem   *self);
char            *spec_outline_item_dup_summary  (SpecOutlineItem   *self);
GListModel      *spec_outline_item_get_children (SpecOutlineItem   *self);
SpecOutlineItem *spec_outline_item_new_ghost    (const SpecMissingSection *missing,
                                                 guint                     missing_index);
gboolean         spec_outline_item_get_ghost    (SpecOutlineItem   *self);
gboolean         spec_outline_item_get_required (SpecOutlineItem   *self);
guint            spec_outline_item_get_missing_index (SpecOutlineItem *self);
GListStore      *spec_outline_item_get_children_store (SpecOutlineItem *self);
void             spec_outline_store_sync        (GListStore        *store,
                                                 GPtrArray         *sections,
                                                 const SpecReport  *report);
void             spec_outline_store_collect     (GListStore        *store,
                                                 GPtrArray         *items);
gboolean         spec_outline_store_populate    (GListStore        *roots,
                                                 GPtrArray         *items,
                                                 GPtrArray         *sections,
                                                 const SpecReport  *report,
                                                 guint              budget);
gboolean         spec_outline_items_update_in_place (GPtrArray        *items,
                                                     GPtrArray        *shown,
                                                     GPtrArray        *sections,
                                                     const SpecReport *report);

G_END_DECLS
