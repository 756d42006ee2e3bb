/* spec-library-writer.h: the library's writes, one at a time, on a thread
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-library.h"

G_BEGIN_DECLS

/**
 * SpecLibraryJob:
 * @library: the writer's own connection
 * @data: what the job was given
 *
 * One write, run on the writer's thread.
 *
 * Returns: a positive value (an id, or 1), or 0 with @error set
 */
typedef gint64 (*SpecLibraryJob) (SpecLibrary  *library,
                                  gpointer      data,
                                  GError      **error);

#define SPEC_TYPE_LIBRARY_WRITER (spec_library_writer_get_type())

G_DECLARE_FINAL_TYPE (SpecLibraryWriter, spec_library_writer, SPEC, LIBRARY_WRITER, GObject)

SpecLibraryWriter *spec_library_writer_new        (const char          *path);
const char        *spec_library_writer_get_path   (SpecLibraryWriter   *self);
void               spec_library_writer_run_async  (SpecLibraryWriter   *self,
                                                   SpecLibraryJob       job,
                                                   gpointer             data,
                                                   GDestroyNotify       data_free,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gint64             spec_library_writer_run_finish (SpecLibraryWriter   *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void               spec_library_writer_flush      (SpecLibraryWriter   *self);

G_END_DECLS
