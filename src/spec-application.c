/* spec-application.c: one instance, many windows, one document each
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-application.h"
#include "spec-icon-warmup.h"
#include "spec-library-recovery.h"
#include "spec-memory-trim.h"
#include "spec-preferences-window.h"
#include "spec-recovery-dialog.h"
#include "spec-template-picker.h"
#include "spec-trace.h"

struct _SpecApplication
{
  AdwApplication     parent_instance;

  GSettings         *settings;
  SpecLibrary       *library;         /* reads, on this thread */
  SpecLibraryWriter *writer;          /* writes, on its own */
  GError            *library_error;   /* why there is no library */
  SpecTemplateStore *templates;       /* made when first asked for */
  char              *moved_aside;     /* where a damaged library went */
  guint              thin_source;     /* old autosaves thinned, soon */
  guint              library_checked : 1;
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
  SpecWindow *window;

  g_return_val_if_fail (SPEC_IS_APPLICATION (self), NULL);

  window = spec_window_new (GTK_APPLICATION (self), self->settings);
  if (self->library != NULL)
    spec_window_set_library (window, self->library, self->writer);

  return window;
}

/**
 * spec_application_get_library:
 *
 * Returns: (transfer none) (nullable): the library, unless it could not
 *   be opened
 */
SpecLibrary *
spec_application_get_library (SpecApplication *self)
{
  g_return_val_if_fail (SPEC_IS_APPLICATION (self), NULL);

  return self->library;
}

/* A blank window is reused; otherwise a new one. */
static SpecWindow *
window_for_new_document (SpecApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SPEC_IS_WINDOW (active) && spec_window_is_blank (SPEC_WINDOW (active)))
    return SPEC_WINDOW (active);

  return spec_application_new_window (self);
}

/**
 * spec_application_find_spec_window:
 *
 * Returns: (transfer none) (nullable): the window editing library spec
 *   @id
 */
SpecWindow *
spec_application_find_spec_window (SpecApplication *self,
                                   gint64           id)
{
  g_return_val_if_fail (SPEC_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SPEC_IS_WINDOW (l->data) && spec_window_is_showing_spec (l->data, id))
      return l->data;

  return NULL;
}

/**
 * spec_application_open_spec:
 *
 * Shows library spec @id: in the window that has it, a blank one, or a
 * new one.
 */
void
spec_application_open_spec (SpecApplication *self,
                            gint64           id)
{
  SpecWindow *window;

  g_return_if_fail (SPEC_IS_APPLICATION (self));

  if ((window = spec_application_find_spec_window (self, id)) == NULL)
    {
      window = window_for_new_document (self);
      spec_window_open_spec (window, id);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
recover_cb (SpecApplication    *self,
            SpecRecoverable    *recoverable,
            SpecRecoveryDialog *dialog)
{
  SpecWindow *window = spec_application_find_spec_window (self, recoverable->spec_id);

  if (window == NULL)
    window = window_for_new_document (self);

  if (recoverable->file_uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recoverable->file_uri);

      spec_window_open_recovered (window, file, recoverable->body);
    }
  else
    {
      spec_window_open_spec (window, recoverable->spec_id);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static gint64
discard_job (SpecLibrary  *library,
             gpointer      data,
             GError      **error)
{
  gint64 *id = data;

  return spec_library_discard_autosave (library, *id, error) ? *id : 0;
}

static void
discard_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    g_warning ("Could not discard the autosaved text: %s", error->message);
}

static void
discard_cb (SpecApplication    *self,
            SpecRecoverable    *recoverable,
            SpecRecoveryDialog *dialog)
{
  spec_library_writer_run_async (self->writer, discard_job,
                                 g_memdup2 (&recoverable->spec_id, sizeof (gint64)), g_free,
                                 NULL, discard_done_cb, NULL);
}

static void
show_library_problem (GtkWindow  *parent,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once, over the first window: what went wrong with the library, and
 * what a crash left to recover. */
static void
spec_application_check_library (SpecApplication *self,
                                GtkWindow       *window)
{
  g_autoptr(GPtrArray) recoverables = NULL;
  g_autoptr(GError) error = NULL;
  SpecRecoveryDialog *dialog;

  if (self->library_checked)
    return;
  self->library_checked = TRUE;

  if (self->library_error != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s. Documents can still be opened and saved as files, "
                                                 "but nothing is autosaved."),
                                               self->library_error->message);

      show_library_problem (window, _("The Spec Library Is Not Available"), body);
      return;
    }

  if (self->moved_aside != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("It was kept as “%s” and a new, empty library was started."),
                                               self->moved_aside);

      show_library_problem (window, _("The Spec Library Was Damaged"), body);
    }

  if (!(recoverables = spec_library_list_recoverable (self->library, &error)))
    {
      g_warning ("Could not look for autosaved text: %s", error->message);
      return;
    }
  if (recoverables->len == 0)
    return;

  dialog = spec_recovery_dialog_new (g_steal_pointer (&recoverables));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), window);
  g_signal_connect_object (dialog, "recover", G_CALLBACK (recover_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "discard", G_CALLBACK (discard_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
  SPEC_TRACE ("window-shown", NULL);
  spec_application_check_library (self, window);
  spec_memory_trim_soon ();
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
      SpecWindow *window = spec_application_find_window (self, files[i]);

      if (window == NULL)
        {
          window = window_for_new_document (self);
          spec_window_open (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
      SPEC_TRACE ("window-shown", NULL);
      spec_application_check_library (self, GTK_WINDOW (window));
    }

  /* What opening made and dropped, given back once the window settles. */
  spec_memory_trim_soon ();
}

/* A window closed: its document's memory given back. */
static void
spec_application_window_removed (GtkApplication *app,
                                 GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (spec_application_parent_class)->window_removed (app, window);
  spec_memory_trim_soon ();
}

static gint64
thin_job (SpecLibrary  *library,
          gpointer      data,
          GError      **error)
{
  return spec_library_thin_revisions (library, g_get_real_time (), error) ? 1 : 0;
}

static void
thin_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    g_message ("Could not thin old autosaves: %s", error->message);
}

/* Old autosave points thinned once a start, on the library's writer
 * thread, a few seconds in: the first window's start-up has two cores to
 * share with the display server already, and the thinning reads every
 * revision (with 10,000 specs it held the first frame back by 25 ms). */
#define THIN_DELAY_S 5

static gboolean
thin_cb (gpointer user_data)
{
  SpecApplication *self = user_data;

  self->thin_source = 0;
  spec_library_writer_run_async (self->writer, thin_job, NULL, NULL, NULL, thin_done_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* Follow the system, or always light or dark: applied as it changes. */
static void
style_variant_changed_cb (SpecApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint variant = (guint) g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (variant, G_N_ELEMENTS (schemes) - 1)]);
}

static void
spec_application_startup (GApplication *app)
{
  SpecApplication *self = SPEC_APPLICATION (app);

  SPEC_TRACE ("startup", NULL);
  G_APPLICATION_CLASS (spec_application_parent_class)->startup (app);
  SPEC_TRACE ("gtk-ready", NULL);
  spec_icon_warmup_start (gdk_display_get_default (), NULL, NULL);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style-variant", G_CALLBACK (style_variant_changed_cb),
                           self, G_CONNECT_SWAPPED);
  style_variant_changed_cb (self);

  /* Without a library the app still edits files; the first window says
   * why there is none. */
  self->library = spec_library_open (NULL, &self->moved_aside, &self->library_error);
  SPEC_TRACE ("library-open", NULL);
  if (self->library != NULL)
    {
      self->writer = spec_library_writer_new (NULL);
      self->thin_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, THIN_DELAY_S, thin_cb, self, NULL);
      g_source_set_name_by_id (self->thin_source, "[specwright] thin autosaves");
    }
}

/* The last windows' final autosaves are still being written. */
static void
spec_application_shutdown (GApplication *app)
{
  SpecApplication *self = SPEC_APPLICATION (app);

  /* A start too short for the thinning: next time. */
  g_clear_handle_id (&self->thin_source, g_source_remove);
  if (self->writer != NULL)
    {
      spec_library_writer_flush (self->writer);
      /* Their callbacks, which hold the documents and the writer. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  G_APPLICATION_CLASS (spec_application_parent_class)->shutdown (app);
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

  g_clear_handle_id (&self->thin_source, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->writer);
  g_clear_object (&self->library);
  g_clear_object (&self->templates);
  g_clear_error (&self->library_error);
  g_clear_pointer (&self->moved_aside, g_free);

  G_OBJECT_CLASS (spec_application_parent_class)->dispose (object);
}

static void
spec_application_class_init (SpecApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = spec_application_dispose;

  app_class->activate = spec_application_activate;
  app_class->open = spec_application_open;
  app_class->startup = spec_application_startup;
  app_class->shutdown = spec_application_shutdown;
  app_class->handle_local_options = spec_application_handle_local_options;

  gtk_app_class->window_removed = spec_application_window_removed;
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

/**
 * spec_application_get_templates:
 *
 * Returns: (transfer none): the built-in and user templates
 */
SpecTemplateStore *
spec_application_get_templates (SpecApplication *self)
{
  g_return_val_if_fail (SPEC_IS_APPLICATION (self), NULL);

  if (self->templates == NULL)
    self->templates = spec_template_store_new (NULL, NULL);

  return self->templates;
}

static void
create_spec_cb (SpecApplication    *self,
                SpecTemplate       *template_,
                const char         *title,
                SpecTemplatePicker *picker)
{
  const char *author = g_get_real_name ();
  g_autofree char *text = NULL;
  SpecWindow *window = window_for_new_document (self);

  /* "Unknown" is GLib's word for no name: no author then. */
  if (author == NULL || g_str_equal (author, "Unknown"))
    author = NULL;
  text = spec_template_instantiate (template_, title, author, NULL);
  spec_window_start_spec (window, template_, text);
  gtk_window_present (GTK_WINDOW (window));
}

/* New (Ctrl+N): the template picker, over the window in front. */
static void
spec_application_new_spec_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  SpecApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SpecTemplatePicker *picker = spec_template_picker_new (spec_application_get_templates (self));

  if (parent == NULL)
    parent = GTK_WINDOW (spec_application_new_window (self));
  gtk_window_set_transient_for (GTK_WINDOW (picker), parent);
  g_signal_connect_object (picker, "create", G_CALLBACK (create_spec_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (parent);
  gtk_window_present (GTK_WINDOW (picker));
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

static void
spec_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  SpecApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SpecPreferencesWindow *preferences = spec_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "about", spec_application_about_action },
  { "preferences", spec_application_preferences_action },
  { "new-window", spec_application_new_window_action },
  { "new-spec", spec_application_new_spec_action },
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
  const char *new_spec_accels[] = { "<Control>n", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-spec", new_spec_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
