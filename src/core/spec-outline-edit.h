/* spec-outline-edit.h: restructuring a document by its sections
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

/* Replace @removed bytes at @offset by @inserted. */
typedef struct
{
  gsize  offset;
  gsize  removed;
  char  *inserted;
} SpecTextEdit;

#define SPEC_OUTLINE_EDIT_ERROR (spec_outline_edit_error_quark ())

typedef enum
{
  SPEC_OUTLINE_EDIT_ERROR_LEVEL,      /* a heading would go above 1 or below 6 */
  SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,   /* nowhere to go: first, last, into itself */
  SPEC_OUTLINE_EDIT_ERROR_TITLE,      /* an empty or multi-line title */
} SpecOutlineEditError;

GQuark     spec_outline_edit_error_quark     (void);

GPtrArray *spec_outline_edit_move            (SpecSnapshot  *snapshot,
                                              guint          index,
                                              gsize          dest_offset,
                                              guint          level,
                                              GError       **error);
GPtrArray *spec_outline_edit_move_up         (SpecSnapshot  *snapshot,
                                              guint          index,
                                              GError       **error);
GPtrArray *spec_outline_edit_move_down       (SpecSnapshot  *snapshot,
                                              guint          index,
                                              GError       **error);
GPtrArray *spec_outline_edit_shift           (SpecSnapshot  *snapshot,
                                              guint          index,
                                              int            delta,
                                              GError       **error);
GPtrArray *spec_outline_edit_delete          (SpecSnapshot  *snapshot,
                                              guint          index);
GPtrArray *spec_outline_edit_duplicate       (SpecSnapshot  *snapshot,
                                              guint          index);
GPtrArray *spec_outline_edit_add_subsection  (SpecSnapshot  *snapshot,
                                              guint          index,
                                              const char    *title,
                                              GError       **error);
GPtrArray *spec_outline_edit_add_missing     (SpecSnapshot  *snapshot,
                                              guint          missing_index,
                                              GError       **error);
GPtrArray *spec_outline_edit_insert_missing  (SpecSnapshot  *snapshot,
                                              const SpecReport *report,
                                              SpecSnapshot  *template_snapshot);
GPtrArray *spec_outline_edit_rename          (SpecSnapshot  *snapshot,
                                              guint          index,
                                              const char    *title,
                                              GError       **error);

GPtrArray *spec_text_edits_new               (void);
void       spec_text_edits_add               (GPtrArray     *edits,
                                              gsize          offset,
                                              gsize          removed,
                                              char          *inserted);
char      *spec_text_edits_apply             (const char    *text,
                                              gsize          len,
                                              GPtrArray     *edits,
                                              gsize         *new_len,
                                              GPtrArray    **inverse);

G_END_DECLS
