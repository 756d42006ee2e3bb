/* spec-window-private.h: what the window's own files and the tests share
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "spec-autosave.h"
#include "spec-disk-banner.h"
#include "spec-export.h"
#include "spec-export-bar.h"
#include "spec-library.h"
#include "spec-library-view.h"
#include "spec-navigator.h"
#include "spec-preview.h"
#include "spec-progress-indicator.h"
#include "spec-scroll-sync.h"
#include "spec-template.h"
#include "spec-window.h"

G_BEGIN_DECLS

struct _SpecWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SpecDocument         *document;
  GtkFileChooserNative *chooser;
  GFile                *loading_file;   /* being opened into this window */
  SpecScrollSync       *scroll_sync;
  SpecLibrary          *library;        /* nullable: no library */
  SpecLibraryWriter    *writer;         /* with the library */
  SpecAutosave         *autosave;
  AdwToast             *autosave_toast; /* while autosaving fails */
  AdwToast             *suggestion_toast; /* weak: the template suggested */
  gpointer              disk_check;     /* the look at the file under way */
  char                 *disk_conflict_etag; /* the file as changed outside, while the banner asks */
  char                 *autosave_error; /* why, for its Details */
  char                 *recovered_text; /* to put in once the file is read */
  char                 *template_id;    /* what the document is checked against */
  char                 *suggested_id;   /* what a file's headings follow */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  SpecNavigator        *navigator;
  GtkSourceView        *editor;
  SpecPreview          *preview;
  SpecProgressIndicator *progress;
  GtkStack             *main_stack;
  SpecLibraryView      *library_view;   /* nullable: until first shown */
  GtkWidget            *library_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  SpecDiskBanner       *disk_banner;
  SpecExportBar        *export_bar;

  GCancellable         *export_cancellable; /* while an export runs */
  guint                 export_progress_source;
  GtkPrintSettings     *print_settings;     /* as last chosen */
  GtkWindow            *shortcuts_window;   /* weak: once asked for */

  int                   unfilled_pending;   /* Ctrl+J waiting for a parse: 1, -1 */
  guint                 suggest_source;     /* a template to suggest, after the frame */
  guint                 show_sidebar : 1;
  guint                 show_preview : 1;
  guint                 show_library : 1;
  guint                 autosave_files : 1;    /* write the file as it is autosaved */
  guint                 file_autosave_failed : 1;
  guint                 close_confirmed : 1;   /* the user chose to close */
  guint                 suggest_pending : 1;   /* a file just read, no template yet */
  guint                 asking_about_disk : 1; /* another program changed the file */
};

void     _spec_window_update_title       (SpecWindow     *self);
SpecLibraryView *_spec_window_get_library_view (SpecWindow *self);
void     _spec_window_trace_init         (SpecWindow     *self);
void     _spec_window_toast              (SpecWindow     *self,
                                          const char     *message);
void     _spec_window_add_toast          (SpecWindow     *self,
                                          AdwToast       *toast);
void     _spec_window_class_actions_init (GtkWidgetClass *widget_class);
void     _spec_window_class_unfilled_init (GtkWidgetClass *widget_class);
void     _spec_window_unfilled_init      (SpecWindow     *self);
gboolean _spec_window_confirm_close      (SpecWindow     *self);
void     _spec_window_template_init       (SpecWindow     *self);
void     _spec_window_class_template_init (GtkWidgetClass *widget_class);
void     _spec_window_set_template        (SpecWindow     *self,
                                           SpecTemplate   *template_,
                                           gboolean        remember);
void     _spec_window_load_template       (SpecWindow     *self,
                                           const char     *template_id);
void     _spec_window_template_file_read  (SpecWindow     *self);
void     _spec_window_clarify_init       (SpecWindow     *self);
void     _spec_window_class_clarify_init (GtkWidgetClass *widget_class);
void     _spec_window_history_init         (SpecWindow     *self);
void     _spec_window_class_history_init   (GtkWidgetClass *widget_class);
void     _spec_window_update_history_action (SpecWindow    *self);
SpecWindow *_spec_window_find_editing      (SpecWindow     *self,
                                            gint64          id);
void     _spec_window_replace_text         (SpecWindow     *self,
                                            const char     *text);
void     _spec_window_show_history         (SpecWindow     *self,
                                            gint64          id);
void     _spec_window_on_status_requested (SpecWindow       *self,
                                           gint64            id,
                                           const char       *status,
                                           SpecLibraryView  *view);
void     _spec_window_on_history_requested (SpecWindow      *self,
                                            gint64           id,
                                            SpecLibraryView *view);
void     _spec_window_library_file_read (SpecWindow   *self);
void     _spec_window_library_file_written (SpecWindow *self);
void     _spec_window_on_spec_activated (SpecWindow     *self,
                                        gint64           id,
                                        const char      *file_uri,
                                        SpecLibraryView *view);
gboolean _spec_window_library_save     (SpecWindow     *self);
gboolean _spec_window_library_close    (SpecWindow     *self);
void     _spec_window_disk_init          (SpecWindow     *self);
void     _spec_window_class_disk_init    (GtkWidgetClass *widget_class);
/* What waits for a look at the document's file, least to most. */
typedef enum
{
  SPEC_DISK_THEN_NOTHING,
  SPEC_DISK_THEN_AUTOSAVE,
  SPEC_DISK_THEN_SAVE,
} SpecDiskThen;

void     _spec_window_check_disk         (SpecWindow     *self,
                                          SpecDiskThen    then);
gboolean _spec_window_is_checking_disk   (SpecWindow     *self);
void     _spec_window_save_file          (SpecWindow     *self);
void     _spec_window_autosave_file      (SpecWindow     *self);
void     _spec_window_show_error         (SpecWindow     *self,
                                          const char     *heading,
                                          const GError   *error);
void     _spec_window_export_init        (SpecWindow     *self);
void     _spec_window_class_export_init  (GtkWidgetClass *widget_class);
void     _spec_window_export_dispose     (SpecWindow     *self);
void     _spec_window_export             (SpecWindow       *self,
                                          SpecExportFormat  format,
                                          GFile            *output);
gboolean _spec_window_print_to_file      (SpecWindow     *self,
                                          const char     *path,
                                          GError        **error);

G_END_DECLS
