/* spec-library-import.h: bringing Markdown files into the library
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-library.h"

G_BEGIN_DECLS

typedef struct
{
  char *path;     /* as the user sees it */
  char *reason;
} SpecImportSkip;

typedef struct
{
  guint      n_imported;
  GPtrArray *skipped;   /* SpecImportSkip */
} SpecImportSummary;

gint64             spec_library_find_file   (SpecLibrary   *self,
                                             const char    *uri);
gint64             spec_library_link_file   (SpecLibrary   *self,
                                             const char    *uri,
                                             const char    *etag,
                                             const char    *body,
                                             SpecRevisionReason reason,
                                             GError       **error);
SpecImportSummary *spec_library_import      (SpecLibrary   *self,
                                             GFile         *file,
                                             gboolean       link,
                                             GCancellable  *cancellable,
                                             GError       **error);
void               spec_import_summary_free (SpecImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecImportSummary, spec_import_summary_free)

G_END_DECLS
