/* spec-library-columns.h: the library view's columns, and how each cell
 * shows a spec
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spec-library-item.h"

G_BEGIN_DECLS

/* The search snippet for a row being shown, or NULL. */
typedef const char *(*SpecSnippetFunc) (SpecLibraryItem *item,
                                        gpointer         user_data);

void  spec_library_columns_add         (GtkColumnView   *view,
                                        SpecSnippetFunc  snippet_for,
                                        gpointer         user_data);
char *spec_library_format_updated      (gint64           updated,
                                        gint64           now);
char *spec_library_snippet_markup      (const char      *snippet);

G_END_DECLS
