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

/* Files handled so far, as an import goes. */
typedef void (*SpecImportProgress) (guint    n_done,
                                    gpointer data);

typedef void (*SpecWalkFunc) (GFile     *file,
                              GFileInfo *info,
                              gpointer   data);

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
SpecImportSummary *spec_library_import_files (SpecLibrary        *self,
                                              GFile             **files,
                                              guint               n_files,
                                              gboolean            link,
                                              SpecImportProgress  progress,
                                              gpointer            progress_data,
                                              GCancellable       *cancellable,
                                              GError            **error);
gboolean           spec_library_walk_folder  (GFile              *folder,
                                              SpecWalkFunc        func,
                                              gpointer            data,
                                              GCancellable       *cancellable,
                                              SpecImportSummary  *summary,
                                              GError            **error);
SpecImportSummary *spec_import_summary_new  (void);
void               spec_import_skip_free    (gpointer           skip);
void               spec_import_summary_free (SpecImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecImportSummary, spec_import_summary_free)

G_END_DECLS
