/* spec-library-view-private.h: what the library view's own files share
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-library-view.h"

G_BEGIN_DECLS

struct _SpecLibraryView
{
  GtkWidget          parent_instance;

  SpecLibrary       *library;
  SpecLibraryWriter *writer;
  GListStore        *store;          /* SpecLibraryItem */
  GtkSortListModel  *sorted;
  GtkStringList     *statuses;       /* the filter's choices; the first is "all" */
  char              *search_text;    /* what the rows were found by, for snippets */

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkDropDown       *status_filter;
  GtkToggleButton   *unfilled_toggle;
  GtkToggleButton   *trash_toggle;
  GtkStack          *content;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  GtkActionBar      *trash_bar;
  GtkRevealer       *import_bar;
  GtkLabel          *import_label;
  GtkProgressBar    *import_progress;

  GCancellable      *import_cancellable;   /* while importing */

  GtkWidget         *context_menu;
  guint              more_source;    /* reading the rows after the first page */
  guint              more_offset;
  guint              reloading : 1;  /* the status list is being refilled */
};

void _spec_library_view_show_toast        (SpecLibraryView *self,
                                           AdwToast        *toast);
void _spec_library_view_class_import_init (GtkWidgetClass  *widget_class);
void _spec_library_view_class_export_init (GtkWidgetClass  *widget_class);
void _spec_library_view_import_init       (SpecLibraryView *self);
void _spec_library_view_import_dispose    (SpecLibraryView *self);

G_END_DECLS
