/* spec-snapshot.h: one parse of a document, shared read-only by every view
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <cmark-gfm.h>

#include "spec-line-index.h"
#include "spec-outline.h"
#include "spec-report.h"

G_BEGIN_DECLS

#define SPEC_TYPE_SNAPSHOT (spec_snapshot_get_type())

G_DECLARE_FINAL_TYPE (SpecSnapshot, spec_snapshot, SPEC, SNAPSHOT, GObject)

SpecSnapshot        *spec_snapshot_new                  (const char   *text,
                                                         gssize        len);
SpecSnapshot        *spec_snapshot_new_take             (char         *text,
                                                         gsize         len);
SpecSnapshot        *spec_snapshot_new_take_after       (char         *text,
                                                         gsize         len,
                                                         SpecSnapshot *previous);
SpecSnapshot        *spec_snapshot_new_take_full        (char         *text,
                                                         gsize         len,
                                                         SpecSnapshot *previous,
                                                         SpecSnapshot *template_snapshot);
SpecSnapshot        *spec_snapshot_new_whole            (const char   *text,
                                                         gssize        len);
guint                spec_snapshot_get_n_segments       (SpecSnapshot *self,
                                                         guint        *n_parsed);
SpecSnapshot        *spec_snapshot_new_for_template     (const char   *text,
                                                         gssize        len,
                                                         SpecSnapshot *template_snapshot);
SpecSnapshot        *spec_snapshot_new_template         (const char   *text,
                                                         gssize        len,
                                                         const char * const *required);
SpecReport          *spec_snapshot_check_against        (SpecSnapshot *self,
                                                         SpecSnapshot *template_snapshot);
const char          *spec_snapshot_get_text             (SpecSnapshot *self,
                                                         gsize        *len);
cmark_node          *spec_snapshot_get_document         (SpecSnapshot *self);
const SpecLineIndex *spec_snapshot_get_line_index       (SpecSnapshot *self);
guint                spec_snapshot_get_n_lines          (SpecSnapshot *self);
GPtrArray           *spec_snapshot_get_outline          (SpecSnapshot *self);
GPtrArray           *spec_snapshot_get_sections         (SpecSnapshot *self);
const SpecSection   *spec_snapshot_get_section_at_line  (SpecSnapshot *self,
                                                         guint         line);
guint                spec_snapshot_get_n_blocks         (SpecSnapshot *self);
guint                spec_snapshot_find_block           (SpecSnapshot *self,
                                                         guint         line);
const SpecBlock     *spec_snapshot_get_block            (SpecSnapshot *self,
                                                         guint         index);
const char          *spec_snapshot_get_block_source     (SpecSnapshot *self,
                                                         guint         index,
                                                         gsize        *len);
const SpecReport    *spec_snapshot_get_report           (SpecSnapshot *self);

G_END_DECLS
