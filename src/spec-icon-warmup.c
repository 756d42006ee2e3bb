/* spec-icon-warmup.c: the icon theme read off the main thread at start-up
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK reads the icon theme (index.theme and the caches of every theme it
 * inherits) the first time an icon is looked up: for the first window,
 * when it is shown, on the main thread, a tenth of what Specwright adds
 * to a bare window's start-up.  GtkIconTheme is set up on the main thread
 * and may then be used from another (gtkicontheme.c says so: lookups take
 * its lock), so a worker looks up the first window's icons while the main
 * thread builds the window.  A lookup the window makes meanwhile waits
 * for the lock rather than reading the theme a second time.
 */

#include "config.h"

#include "spec-icon-warmup.h"

/* What the first window shows: its header bar, window buttons, the outline's
 * search field, expanders and check marks. */
const char * const spec_icon_warmup_names[] = {
  "sidebar-show-symbolic",
  "open-menu-symbolic",
  "sidebar-show-right-symbolic",
  "go-down-symbolic",
  "window-close-symbolic",
  "window-maximize-symbolic",
  "window-minimize-symbolic",
  "system-search-symbolic",
  "edit-clear-symbolic",
  "dialog-warning-symbolic",
  "pan-down-symbolic",
  "object-select-symbolic",
  NULL
};

static void
warmup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GtkIconTheme *theme = task_data;

  for (guint i = 0; spec_icon_warmup_names[i] != NULL; i++)
    {
      g_autoptr(GtkIconPaintable) icon = NULL;

      /* Preloaded: the picture is decoded here too, and kept in the
       * theme's cache for the window's own lookup. */
      icon = gtk_icon_theme_lookup_icon (theme, spec_icon_warmup_names[i], NULL, 16, 1,
                                         GTK_TEXT_DIR_NONE, GTK_ICON_LOOKUP_PRELOAD);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * spec_icon_warmup_start:
 *
 * @callback: (nullable): called on the main thread when done
 *
 * Starts reading @display's icon theme, and the first window's icons, on
 * a worker thread.  Call on the main thread, before the first window is
 * built.
 */
void
spec_icon_warmup_start (GdkDisplay          *display,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, spec_icon_warmup_start);
  /* Set up here, on the main thread, as GTK requires. */
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, warmup_thread);
}

gboolean
spec_icon_warmup_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
