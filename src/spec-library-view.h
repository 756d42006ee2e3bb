/* spec-library-view.h: every spec in the library, searched, filtered,
 * sorted
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-library.h"
#include "spec-library-writer.h"

G_BEGIN_DECLS

/* Search results shown at most: more is not read by anyone. */
#define SPEC_LIBRARY_VIEW_SEARCH_LIMIT 200
/* Rows read before the list is shown, then at a time between frames. */
#define SPEC_LIBRARY_VIEW_FIRST_PAGE   100
#define SPEC_LIBRARY_VIEW_PAGE         1000

#define SPEC_TYPE_LIBRARY_VIEW (spec_library_view_get_type())

G_DECLARE_FINAL_TYPE (SpecLibraryView, spec_library_view, SPEC, LIBRARY_VIEW, GtkWidget)

GtkWidget  *spec_library_view_new          (void);
void        spec_library_view_set_library  (SpecLibraryView   *self,
                                            SpecLibrary       *library,
                                            SpecLibraryWriter *writer);
void        spec_library_view_reload       (SpecLibraryView   *self);
GListModel *spec_library_view_get_model    (SpecLibraryView   *self);
void        spec_library_view_import       (SpecLibraryView   *self,
                                            GPtrArray         *files,
                                            gboolean           link);
void        spec_library_view_add_folder   (SpecLibraryView   *self,
                                            GFile             *folder);
void        spec_library_view_export       (SpecLibraryView   *self,
                                            gint64             id,
                                            GFile             *file);
void        spec_library_view_clear        (SpecLibraryView   *self);
void        spec_library_view_focus_search (SpecLibraryView   *self);

G_END_DECLS
