/* spec-autosave.h: a document's text kept in the library as it is typed
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-document.h"
#include "spec-library-writer.h"

G_BEGIN_DECLS

/* An edit reaches the library this long after it is typed (plus the
 * write itself): well within the two seconds a crash may cost. */
#define SPEC_AUTOSAVE_DELAY_MS 1000
/* After a failed write (the library locked, the disk full). */
#define SPEC_AUTOSAVE_RETRY_MS 3000

#define SPEC_TYPE_AUTOSAVE (spec_autosave_get_type())

G_DECLARE_FINAL_TYPE (SpecAutosave, spec_autosave, SPEC, AUTOSAVE, GObject)

SpecAutosave *spec_autosave_new          (SpecDocument      *document,
                                          SpecLibraryWriter *writer);
void          spec_autosave_set_template_id (SpecAutosave   *self,
                                          const char        *template_id);
void          spec_autosave_file_read    (SpecAutosave      *self);
void          spec_autosave_file_written (SpecAutosave      *self);
void          spec_autosave_save         (SpecAutosave      *self);
void          spec_autosave_restored     (SpecAutosave      *self);
void          spec_autosave_close        (SpecAutosave      *self);
gboolean      spec_autosave_is_idle      (SpecAutosave      *self);
gboolean      spec_autosave_is_failing   (SpecAutosave      *self);

G_END_DECLS
