/* spec-library-folders.h: folders whose Markdown files are linked as a
 * whole, and kept in step with them
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-library-import.h"

G_BEGIN_DECLS

typedef struct
{
  guint      n_added;
  guint      n_changed;
  guint      n_moved;
  guint      n_removed;   /* gone from the folder: in the trash now */
  GPtrArray *skipped;     /* SpecImportSkip */
} SpecRescanSummary;

gboolean           spec_library_add_folder     (SpecLibrary  *self,
                                                const char   *uri,
                                                GError      **error);
gboolean           spec_library_remove_folder  (SpecLibrary  *self,
                                                const char   *uri,
                                                GError      **error);
GStrv              spec_library_list_folders   (SpecLibrary  *self,
                                                GError      **error);
SpecRescanSummary *spec_library_rescan_folder  (SpecLibrary  *self,
                                                const char   *uri,
                                                GCancellable *cancellable,
                                                GError      **error);
void               spec_rescan_summary_free    (SpecRescanSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecRescanSummary, spec_rescan_summary_free)

G_END_DECLS
