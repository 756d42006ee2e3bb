/* spec-window.h: one document in navigator | editor | preview
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-autosave.h"
#include "spec-document.h"
#include "spec-library.h"
#include "spec-template.h"

G_BEGIN_DECLS

#define SPEC_TYPE_WINDOW (spec_window_get_type())

G_DECLARE_FINAL_TYPE (SpecWindow, spec_window, SPEC, WINDOW, AdwApplicationWindow)

SpecWindow   *spec_window_new          (GtkApplication *application,
                                        GSettings      *settings);
SpecDocument *spec_window_get_document (SpecWindow     *self);
void          spec_window_open         (SpecWindow     *self,
                                        GFile          *file);
void          spec_window_go_to_line   (SpecWindow     *self,
                                        guint           line);
gboolean      spec_window_is_showing   (SpecWindow     *self,
                                        GFile          *file);
gboolean      spec_window_is_blank     (SpecWindow     *self);
void          spec_window_set_library  (SpecWindow        *self,
                                        SpecLibrary       *library,
                                        SpecLibraryWriter *writer);
gboolean      spec_window_open_spec    (SpecWindow     *self,
                                        gint64          id);
void          spec_window_open_recovered (SpecWindow   *self,
                                        GFile          *file,
                                        const char     *text);
gboolean      spec_window_is_showing_spec (SpecWindow  *self,
                                        gint64          id);
SpecAutosave *spec_window_get_autosave (SpecWindow     *self);
void          spec_window_set_show_library (SpecWindow *self,
                                        gboolean        show_library);
void          spec_window_rescan_folders (SpecWindow   *self);
void          spec_window_import_template (SpecWindow  *self,
                                        GFile          *file);
void          spec_window_start_spec   (SpecWindow     *self,
                                        SpecTemplate   *template_,
                                        const char     *text);

G_END_DECLS
