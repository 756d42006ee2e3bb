/* spec-library-recovery.h: autosave points, and what a crash left behind
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-library.h"
#include "spec-snapshot.h"

G_BEGIN_DECLS

/* Autosaves of one spec within this span of the newest autosave revision
 * replace it rather than adding another: history gains a point a minute
 * while someone types, not one a second. */
#define SPEC_LIBRARY_AUTOSAVE_POINT_SPAN (60 * G_TIME_SPAN_SECOND)

typedef struct
{
  gint64  spec_id;
  char   *title;
  char   *file_uri;     /* nullable: a linked file */
  gint64  time;         /* of the autosave */
  char   *body;         /* the autosaved text */
  char   *saved_body;   /* the text as last saved, read or imported;
                         * nullable: never saved */
} SpecRecoverable;

gboolean   spec_library_autosave          (SpecLibrary  *self,
                                           gint64        id,
                                           const char   *body,
                                           GError      **error);
gboolean   spec_library_autosave_parsed   (SpecLibrary  *self,
                                           gint64        id,
                                           const char   *body,
                                           SpecSnapshot *snapshot,
                                           GError      **error);
gboolean   spec_library_set_open          (SpecLibrary  *self,
                                           gint64        id,
                                           gboolean      open,
                                           GError      **error);
gboolean   spec_library_attach_file       (SpecLibrary  *self,
                                           gint64        id,
                                           const char   *uri,
                                           GError      **error);
GPtrArray *spec_library_list_recoverable  (SpecLibrary  *self,
                                           GError      **error);
gboolean   spec_library_discard_autosave  (SpecLibrary  *self,
                                           gint64        id,
                                           GError      **error);

void       spec_recoverable_free          (SpecRecoverable *recoverable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecRecoverable, spec_recoverable_free)

G_END_DECLS
