/* spec-application.c: one instance, many windows, one document each
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-application.h"

struct _SpecApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (SpecApplication, spec_application, ADW_TYPE_APPLICATION)

SpecApplication *
spec_application_new (const char        *application_id,
                      GApplicationFlags  flags)
{
  return g_object_new (SPEC_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

SpecWindow *
spec_application_new_window (SpecApplication *self)
{
  g_return_val_if_fail (SPEC_IS_APPLICATION (self), NULL);

  return spec_window_new (GTK_APPLICATION (self), self->settings);
}

/**
 * spec_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window showing @file, or one
 *   busy opening it
 */
SpecWindow *
spec_application_find_window (SpecApplication *self,
                              GFile           *file)
{
  g_return_val_if_fail (SPEC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SPEC_IS_WINDOW (l->data) && spec_window_is_showing (l->data, file))
      return l->data;

  return NULL;
}

static void
spec_application_activate (GApplication *app)
{
  SpecApplication *self = SPEC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (spec_application_new_window (self));

  gtk_window_present (window);
}

/* Files from the command line, the file manager or a second instance: a
 * file already open is only brought forward; a blank window is reused. */
static void
spec_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  SpecApplication *self = SPEC_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      SpecWindow *window = spec_application_find_window (self, files[i]);

      if (window == NULL)
        {
          if (SPEC_IS_WINDOW (active) && spec_window_is_blank (SPEC_WINDOW (active)))
            window = SPEC_WINDOW (active);
          else
            window = spec_application_new_window (self);

          spec_window_open (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
spec_application_startup (GApplication *app)
{
  SpecApplication *self = SPEC_APPLICATION (app);

  G_APPLICATION_CLASS (spec_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
}

static int
spec_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* Ask the running instance (or this one, once it is the primary). */
  if (g_variant_dict_contains (options, "new-window"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("specwright: %s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
      return 0;
    }

  return -1;
}

static void
spec_application_dispose (GObject *object)
{
  SpecApplication *self = (SpecApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (spec_application_parent_class)->dispose (object);
}

static void
spec_application_class_init (SpecApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = spec_application_dispose;

  app_class->activate = spec_application_activate;
  app_class->open = spec_application_open;
  app_class->startup = spec_application_startup;
  app_class->handle_local_options = spec_application_handle_local_options;
}

static void
spec_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  SpecApplication *self = user_data;
  static const char *developers[] = { "The Specwright developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Specwright"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Specwright developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Write software specifications from templates"),
                         "website", "https://github.com/specwright/specwright",
                         "issue-url", "https://github.com/specwright/specwright/issues",
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Specwright developers",
                         NULL);
}

static void
spec_application_new_window_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  SpecApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (spec_application_new_window (self)));
}

/* Closing each window runs its own unsaved-changes check; the application
 * ends when the last one is gone. */
static void
spec_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SpecApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", spec_application_about_action },
  { "new-window", spec_application_new_window_action },
  { "quit", spec_application_quit_action },
};

static void
spec_application_init (SpecApplication *self)
{
  const GOptionEntry options[] = {
    { "new-window", 'n', 0, G_OPTION_ARG_NONE, NULL, N_("Open a new window"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };
  const char *new_window_accels[] = { "<Control>n", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
