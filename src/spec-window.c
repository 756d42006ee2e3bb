/* spec-window.c: layout, panes and the state the window remembers
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-window-private.h"

#include "spec-editor-font.h"
#include "spec-editor-jump.h"

G_DEFINE_FINAL_TYPE (SpecWindow, spec_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DOCUMENT,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_PREVIEW,
  PROP_SCROLL_SYNC,
  PROP_SHOW_LIBRARY,
  PROP_AUTOSAVE_FILES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
spec_window_set_show_sidebar (SpecWindow *self,
                              gboolean    show_sidebar)
{
  show_sidebar = !!show_sidebar;

  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  gtk_widget_set_visible (GTK_WIDGET (self->navigator), show_sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SIDEBAR]);
}

static void
spec_window_set_show_preview (SpecWindow *self,
                              gboolean    show_preview)
{
  show_preview = !!show_preview;

  if (self->show_preview == show_preview)
    return;

  self->show_preview = show_preview;
  gtk_widget_set_visible (GTK_WIDGET (self->preview), show_preview);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_PREVIEW]);
}

static void
spec_window_set_scroll_sync (SpecWindow *self,
                             gboolean    scroll_sync)
{
  if (spec_scroll_sync_get_enabled (self->scroll_sync) == !!scroll_sync)
    return;

  spec_scroll_sync_set_enabled (self->scroll_sync, scroll_sync);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCROLL_SYNC]);
}

void
_spec_window_update_title (SpecWindow *self)
{
  const char *name = spec_document_get_title (self->document);
  gboolean modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));
  g_autofree char *folder = spec_document_dup_folder (self->document);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  if (self->show_library)
    {
      adw_window_title_set_title (self->window_title, _("Library"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Library – Specwright"));
      return;
    }

  /* A dot before the name marks unsaved changes, as in GNOME's editors. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder ? folder : "");

  /* The window list and screen readers get words rather than a dot. */
  window_title = modified
    ? g_strdup_printf (_("%s (modified) – Specwright"), name)
    : g_strdup_printf (_("%s – Specwright"), name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_heading_activated (SpecWindow    *self,
                      guint          line,
                      SpecNavigator *navigator)
{
  spec_window_go_to_line (self, line);
  spec_preview_scroll_to_line (self->preview, line);
}

/* An "#anchor" link in the preview: the preview has scrolled to the
 * heading, the editor follows. */
static void
on_heading_link_activated (SpecWindow  *self,
                           guint        line,
                           SpecPreview *preview)
{
  spec_window_go_to_line (self, line);
}

/* A task box clicked in the preview edits the source, as one undoable
 * edit; the next snapshot redraws the box. */
static void
on_task_toggled (SpecWindow  *self,
                 guint        line,
                 gboolean     checked,
                 SpecPreview *preview)
{
  if (!spec_document_toggle_task (self->document, line, checked))
    g_debug ("No task box on line %u any more", line);
}

/* The outline shows where the cursor is. */
static void
on_cursor_moved (SpecWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  spec_navigator_show_line (self->navigator, (guint) gtk_text_iter_get_line (&iter) + 1);
}

/* A move, level change or deletion asked for in the navigator: made as
 * one user action, which one undo reverts. */
static void
on_restructure (SpecWindow    *self,
                SpecSnapshot  *snapshot,
                GPtrArray     *edits,
                SpecNavigator *navigator)
{
  if (!spec_document_apply_edits (self->document, snapshot, edits))
    _spec_window_add_toast (self, adw_toast_new (_("The outline is catching up with your typing: try again")));
}

static void
on_restructure_refused (SpecWindow    *self,
                        const char    *message,
                        SpecNavigator *navigator)
{
  _spec_window_add_toast (self, adw_toast_new (message));
}

/* See SPEC_DOCUMENT_LONG_LINE: wrapping a very long line would stall the
 * window on each keystroke. */
static void
on_long_lines_changed (SpecWindow *self)
{
  gboolean long_lines = spec_document_get_long_lines (self->document);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), long_lines ? GTK_WRAP_NONE : GTK_WRAP_WORD_CHAR);
}

static void
editor_font_changed_cb (SpecWindow *self)
{
  spec_editor_font_apply (GTK_WIDGET (self->editor), self->settings);
}

static void
spec_window_restore_state (SpecWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "sidebar-width"));
  gtk_paned_set_position (self->inner_paned, g_settings_get_int (self->settings, "editor-width"));

  g_settings_bind (self->settings, "sidebar-visible", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "preview-visible", self, "show-preview", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "scroll-sync", self, "scroll-sync", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-to-file", self, "autosave-files", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-line-numbers", self->editor, "show-line-numbers", G_SETTINGS_BIND_GET);

  /* The preferences apply at once. */
  g_signal_connect_object (self->settings, "changed::use-system-font", G_CALLBACK (editor_font_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::editor-font", G_CALLBACK (editor_font_changed_cb),
                           self, G_CONNECT_SWAPPED);
  editor_font_changed_cb (self);
}

/* Sizes are saved once, on close, rather than on every pixel of a drag;
 * a hidden pane reports no useful width, so its last one is kept. */
static void
spec_window_save_state (SpecWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (self->show_sidebar)
    g_settings_set_int (self->settings, "sidebar-width",
                        CLAMP (gtk_paned_get_position (self->outer_paned), 120, 800));
  if (self->show_preview)
    g_settings_set_int (self->settings, "editor-width",
                        CLAMP (gtk_paned_get_position (self->inner_paned), 200, 4000));
  g_settings_apply (self->settings);
}

static gboolean
spec_window_close_request (GtkWindow *window)
{
  SpecWindow *self = SPEC_WINDOW (window);

  if (!_spec_window_library_close (self) &&
      !self->close_confirmed &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return _spec_window_confirm_close (self);

  spec_window_save_state (self);

  return GTK_WINDOW_CLASS (spec_window_parent_class)->close_request (window);
}

static void
spec_window_constructed (GObject *object)
{
  SpecWindow *self = (SpecWindow *)object;

  G_OBJECT_CLASS (spec_window_parent_class)->constructed (object);

  spec_window_restore_state (self);
}

static void
spec_window_dispose (GObject *object)
{
  SpecWindow *self = (SpecWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->suggest_source, g_source_remove);
  _spec_window_export_dispose (self);
  g_clear_weak_pointer (&self->shortcuts_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPEC_TYPE_WINDOW);

  G_OBJECT_CLASS (spec_window_parent_class)->dispose (object);
}

static void
spec_window_finalize (GObject *object)
{
  SpecWindow *self = (SpecWindow *)object;

  g_clear_object (&self->scroll_sync);
  g_clear_object (&self->autosave);
  g_clear_object (&self->writer);
  g_clear_object (&self->library);
  g_clear_pointer (&self->recovered_text, g_free);
  g_clear_pointer (&self->autosave_error, g_free);
  g_clear_pointer (&self->disk_conflict_etag, g_free);
  g_clear_weak_pointer (&self->suggestion_toast);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->suggested_id, g_free);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (spec_window_parent_class)->finalize (object);
}

static void
spec_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpecWindow *self = SPEC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;

    case PROP_SHOW_LIBRARY:
      g_value_set_boolean (value, self->show_library);
      break;

    case PROP_AUTOSAVE_FILES:
      g_value_set_boolean (value, self->autosave_files);
      break;

    case PROP_SCROLL_SYNC:
      /* Asked for while the template is built, before the sync exists. */
      g_value_set_boolean (value, self->scroll_sync == NULL ||
                                  spec_scroll_sync_get_enabled (self->scroll_sync));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpecWindow *self = SPEC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      spec_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_PREVIEW:
      spec_window_set_show_preview (self, g_value_get_boolean (value));
      break;

    case PROP_SCROLL_SYNC:
      spec_window_set_scroll_sync (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LIBRARY:
      spec_window_set_show_library (self, g_value_get_boolean (value));
      break;

    case PROP_AUTOSAVE_FILES:
      if (self->autosave_files != g_value_get_boolean (value))
        {
          self->autosave_files = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_window_class_init (SpecWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = spec_window_constructed;
  object_class->dispose = spec_window_dispose;
  object_class->finalize = spec_window_finalize;
  object_class->get_property = spec_window_get_property;
  object_class->set_property = spec_window_set_property;

  window_class->close_request = spec_window_close_request;

  /* Passed in rather than created here, so tests can give a memory backend. */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SPEC_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCROLL_SYNC] =
    g_param_spec_boolean ("scroll-sync", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecWindow:show-library:
   *
   * Whether the library is shown in place of the document.
   */
  properties [PROP_SHOW_LIBRARY] =
    g_param_spec_boolean ("show-library", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecWindow:autosave-files:
   *
   * Whether a document's file is written as it is autosaved.
   */
  properties [PROP_AUTOSAVE_FILES] =
    g_param_spec_boolean ("autosave-files", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SPEC_TYPE_EXPORT_BAR);
  g_type_ensure (SPEC_TYPE_NAVIGATOR);
  g_type_ensure (SPEC_TYPE_PREVIEW);
  g_type_ensure (SPEC_TYPE_PROGRESS_INDICATOR);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, navigator);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, library_button);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SpecWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_heading_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_restructure);
  gtk_widget_class_bind_template_callback (widget_class, on_restructure_refused);
  gtk_widget_class_bind_template_callback (widget_class, on_heading_link_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_task_toggled);

  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-preview", "show-preview");
  gtk_widget_class_install_property_action (widget_class, "win.scroll-sync", "scroll-sync");
  gtk_widget_class_install_property_action (widget_class, "win.show-library", "show-library");
  gtk_widget_class_install_property_action (widget_class, "win.autosave-files", "autosave-files");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.show-preview", NULL);

  _spec_window_class_actions_init (widget_class);
  _spec_window_class_unfilled_init (widget_class);
  _spec_window_class_history_init (widget_class);
  _spec_window_class_clarify_init (widget_class);
  _spec_window_class_template_init (widget_class);
  _spec_window_class_disk_init (widget_class);
  _spec_window_class_export_init (widget_class);
}

/* The main menu's popover (a widget for each of its twenty items) is made
 * when it is first opened, not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  SpecWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
spec_window_init (SpecWindow *self)
{
  self->show_sidebar = TRUE;
  self->show_preview = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);

  self->document = spec_document_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->editor), GTK_TEXT_BUFFER (self->document));
  self->scroll_sync = spec_scroll_sync_new (GTK_TEXT_VIEW (self->editor), self->preview);

  /* The one flow of text: document -> snapshot -> every view. */
  g_object_bind_property (self->document, "snapshot", self->navigator, "snapshot",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->document, "snapshot", self->preview, "snapshot",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->document, "snapshot", self->progress, "snapshot",
                          G_BINDING_SYNC_CREATE);
  /* Relative image paths are relative to the document's folder. */
  g_object_bind_property (self->document, "file", self->preview, "base-file",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (_spec_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (_spec_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (_spec_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::long-lines",
                           G_CALLBACK (on_long_lines_changed), self, G_CONNECT_SWAPPED);
  _spec_window_update_title (self);
  _spec_window_unfilled_init (self);
  /* Until there is a library to show. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-library", FALSE);
  _spec_window_history_init (self);
  _spec_window_clarify_init (self);
  _spec_window_template_init (self);
  _spec_window_disk_init (self);
  _spec_window_export_init (self);
  _spec_window_trace_init (self);
}

/* A passing message; none once the window is going (a late callback). */
void
_spec_window_toast (SpecWindow *self,
                    const char *message)
{
  _spec_window_add_toast (self, adw_toast_new (message));
}

/**
 * _spec_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Every toast of the window comes through here.  What the user has just
 * done is told at once, never queued behind the template suggestion,
 * which only offers something and is dismissed for it.
 */
void
_spec_window_add_toast (SpecWindow *self,
                        AdwToast   *toast)
{
  if (self->toast_overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  if (self->suggestion_toast != NULL && toast != self->suggestion_toast)
    {
      adw_toast_dismiss (self->suggestion_toast);
      g_clear_weak_pointer (&self->suggestion_toast);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

SpecWindow *
spec_window_new (GtkApplication *application,
                 GSettings      *settings)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SPEC_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

SpecDocument *
spec_window_get_document (SpecWindow *self)
{
  g_return_val_if_fail (SPEC_IS_WINDOW (self), NULL);

  return self->document;
}

/* Puts the cursor at the start of @line (1-based) and scrolls the editor
 * so that line is near the top, where a reader expects a heading: right
 * away, or in a large text just loaded, once the editor has laid out the
 * lines above it (see spec-editor-jump.c). */
void
spec_window_go_to_line (SpecWindow *self,
                        guint       line)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (SPEC_IS_WINDOW (self));

  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line > 0 ? (int) line - 1 : 0);
  gtk_text_buffer_place_cursor (buffer, &iter);
  spec_editor_jump_to_line (GTK_TEXT_VIEW (self->editor), gtk_text_iter_get_line (&iter), 0.1);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

/**
 * spec_window_is_showing:
 *
 * Whether @file is this window's document, or is being opened into it.
 */
gboolean
spec_window_is_showing (SpecWindow *self,
                        GFile      *file)
{
  GFile *current;

  g_return_val_if_fail (SPEC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  current = spec_document_get_file (self->document);

  return (current != NULL && g_file_equal (current, file)) ||
         (self->loading_file != NULL && g_file_equal (self->loading_file, file));
}

/**
 * spec_window_is_blank:
 *
 * Whether the window holds a new, empty, untouched document and is not
 * opening one: a file opened next may use this window.
 */
gboolean
spec_window_is_blank (SpecWindow *self)
{
  g_return_val_if_fail (SPEC_IS_WINDOW (self), FALSE);

  return self->loading_file == NULL && spec_document_is_untouched (self->document);
}
