/* test-app-windows.c: Preferences, Keyboard Shortcuts and About: each
 * shown, looked at, and doing what it says
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-application.h"
#include "spec-icon-warmup.h"
#include "spec-preferences-window.h"
#include "spec-template-check-dialog.h"
#include "spec-template-picker.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 10000

/* A key, as the shortcuts window and the code both may write it: the
 * keypad's arrows and Delete are the same keys, Shift+n is Shift+N. */
static char *
normalize (guint           keyval,
           GdkModifierType mods)
{
  g_autofree char *name = NULL;

  switch (keyval)
    {
    case GDK_KEY_KP_Up: keyval = GDK_KEY_Up; break;
    case GDK_KEY_KP_Down: keyval = GDK_KEY_Down; break;
    case GDK_KEY_KP_Left: keyval = GDK_KEY_Left; break;
    case GDK_KEY_KP_Right: keyval = GDK_KEY_Right; break;
    case GDK_KEY_KP_Delete: keyval = GDK_KEY_Delete; break;
    case GDK_KEY_KP_Enter: keyval = GDK_KEY_Return; break;
    default: break;
    }
  keyval = gdk_keyval_to_lower (keyval);
  name = gtk_accelerator_name (keyval, mods & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK));

  return g_ascii_strdown (name, -1);
}

static void
add_accelerators (GHashTable *listed,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType mods;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &mods));
      g_hash_table_add (listed, normalize (keyval, mods));
    }
}

/* Every key the shortcuts window shows, by its accelerator or by the
 * application accelerator of its action. */
static GHashTable *
collect_listed (GtkWidget      *widget,
                GtkApplication *app,
                GHashTable     *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action_name, NULL);
      if (accelerator != NULL)
        add_accelerators (listed, accelerator);
      if (action_name != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action_name);

          g_assert_true (accels[0] != NULL);
          for (guint i = 0; accels[i] != NULL; i++)
            add_accelerators (listed, accels[i]);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, app, listed);

  return listed;
}

/* The keys our own widgets bind (their class shortcuts), with what they
 * do, for the message when one is not listed. */
static void
collect_bound (GtkWidget  *widget,
               GHashTable *bound)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Spec"))
    {
      GListModel *controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
              g_autofree char *action_name = NULL;

              /* Ours are named actions; GTK's own (focus moves, the
               * inspector) are signals and callbacks. */
              if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
                continue;
              /* Escape closes a dialog, as everywhere. */
              if (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape)
                continue;
              action_name = gtk_shortcut_action_to_string (action);
              g_hash_table_insert (bound,
                                   normalize (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                                   g_strdup_printf ("%s: %s", G_OBJECT_TYPE_NAME (widget), action_name));
            }
        }
      g_object_unref (controllers);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_bound (child, bound);
}

/* Keyboard Shortcuts (Ctrl+?) lists every shortcut there is: the
 * application's accelerators and every key our windows bind. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(SpecApplication) app = spec_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/spec-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_window"));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, "/nonexistent");
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, settings));
  SpecTemplatePicker *picker = g_object_ref_sink (spec_template_picker_new (store));
  g_autofree char *png = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint missing = 0;

  g_assert_nonnull (overlay);
  collect_listed (overlay, GTK_APPLICATION (app), listed);
  g_test_message ("%u keys listed", g_hash_table_size (listed));

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint a = 0; accels[a] != NULL; a++)
        {
          guint keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[a], &keyval, &mods));
          g_hash_table_insert (bound, normalize (keyval, mods), g_strdup (actions[i]));
        }
    }
  collect_bound (GTK_WIDGET (window), bound);
  collect_bound (GTK_WIDGET (picker), bound);
  g_test_message ("%u keys bound", g_hash_table_size (bound));
  g_assert_cmpuint (g_hash_table_size (bound), >, 20);

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      {
        g_test_message ("not in the shortcuts window: %s (%s)", (char *) key, (char *) value);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);

  /* It is shown by Ctrl+?, and looked at.  GTK 4.8's GtkShortcutsWindow
   * warns that a label of its own page switcher measures -3 pixels, with
   * a single shortcut in it too: upstream's, so warnings are not fatal
   * while it is shown. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

    gtk_window_present (GTK_WINDOW (overlay));
    spec_test_iterate (500);
    g_log_set_always_fatal (fatal);
  }
  png = spec_test_save_screenshot (overlay, "shortcuts-window");
  g_test_message ("screenshot: %s", png);
  gtk_window_destroy (GTK_WINDOW (overlay));

  gtk_window_destroy (GTK_WINDOW (picker));
  g_object_unref (picker);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The shortcuts windows transient for @parent, or any with %NULL. */
static guint
count_shortcuts_windows (GtkWindow  *parent,
                         GtkWindow **found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        {
          *found = window;
          n++;
        }
    }

  return n;
}

/* Keyboard Shortcuts is built when first asked for (not with each
 * window), once, and goes with its window. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, settings));
  GtkWindow *shortcuts = NULL;
  GLogLevelFlags fatal;

  gtk_window_present (GTK_WINDOW (window));
  spec_test_iterate (100);
  g_assert_cmpuint (count_shortcuts_windows (GTK_WINDOW (window), &shortcuts), ==, 0);

  /* GTK 4.8's GtkShortcutsWindow warns about its own page switcher (see
   * shortcuts-listed). */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  spec_test_iterate (200);
  g_assert_cmpuint (count_shortcuts_windows (GTK_WINDOW (window), &shortcuts), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  /* Closed, it hides; asked for again, the same one shows. */
  gtk_window_close (shortcuts);
  spec_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  spec_test_iterate (200);
  g_assert_cmpuint (count_shortcuts_windows (GTK_WINDOW (window), &shortcuts), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_log_set_always_fatal (fatal);

  /* Destroyed with its window. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spec_test_iterate (100);
  g_assert_cmpuint (count_shortcuts_windows (NULL, &shortcuts), ==, 0);
}

static void
warmup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_assert_true (spec_icon_warmup_finish (result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* The icon theme is read on a worker while the main thread looks icons
 * up too (it waits for the theme's lock): every icon of the first window
 * is found, from the theme's files. */
static void
test_icon_warmup (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gboolean done = FALSE;
  guint lookups = 0;

  spec_icon_warmup_start (gdk_display_get_default (), warmup_done_cb, &done);
  while (!done)
    {
      const char *name = spec_icon_warmup_names[lookups++ % 4];
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1,
                                                                     GTK_TEXT_DIR_NONE, 0);

      g_assert_nonnull (icon);
      g_main_context_iteration (NULL, FALSE);
    }
  g_test_message ("%u lookups on the main thread meanwhile", lookups);

  for (guint i = 0; spec_icon_warmup_names[i] != NULL; i++)
    {
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, spec_icon_warmup_names[i], NULL,
                                                                     16, 1, GTK_TEXT_DIR_NONE, 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);

      g_assert_true (gtk_icon_theme_has_icon (theme, spec_icon_warmup_names[i]));
      g_assert_nonnull (file);
      g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, spec_icon_warmup_names[i]);
    }
}

static gboolean
is_switch_row (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
toggle_row (GtkWidget  *preferences,
            const char *title)
{
  GtkWidget *row = spec_test_find_matching (preferences, is_switch_row, title);
  GtkSwitch *toggle;

  g_assert_nonnull (row);
  /* As a click on its switch does. */
  toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_true (GTK_IS_SWITCH (toggle));
  gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
}

static gboolean
style_is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Preferences: each row changes its setting, and the window follows at
 * once: line numbers, the editor's font, the preview, the style. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SpecWindow *window = g_object_ref_sink (spec_window_new (NULL, settings));
  SpecPreferencesWindow *preferences;
  AdwComboRow *style_row;
  g_autofree char *png = NULL;
  g_autofree char *css = NULL;

  gtk_window_present (GTK_WINDOW (window));
  preferences = spec_preferences_window_new (settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (preferences), "preferences-window");
  g_test_message ("screenshot: %s", png);

  g_assert_false (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (window->editor)));
  toggle_row (GTK_WIDGET (preferences), "Show _Line Numbers");
  g_assert_true (g_settings_get_boolean (settings, "show-line-numbers"));
  g_assert_true (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (window->editor)));

  g_assert_true (window->show_preview);
  toggle_row (GTK_WIDGET (preferences), "Show the _Preview");
  g_assert_false (g_settings_get_boolean (settings, "preview-visible"));
  g_assert_false (window->show_preview);
  toggle_row (GTK_WIDGET (preferences), "Show the _Preview");
  g_assert_true (window->show_preview);

  /* A font of one's own: the editor's text takes it. */
  toggle_row (GTK_WIDGET (preferences), "Use the System _Monospace Font");
  g_assert_false (g_settings_get_boolean (settings, "use-system-font"));
  g_settings_set_string (settings, "editor-font", "DejaVu Sans Mono Bold 15");
  spec_test_iterate (100);
  {
    GtkCssProvider *provider = g_object_get_data (G_OBJECT (window->editor), "spec-editor-font-provider");

    g_assert_nonnull (provider);
    css = gtk_css_provider_to_string (provider);
    g_assert_nonnull (strstr (css, "DejaVu Sans Mono"));
    g_assert_nonnull (strstr (css, "15pt"));
    g_assert_nonnull (strstr (css, "700"));
  }
  spec_test_iterate (200);
  g_free (png);
  png = spec_test_save_screenshot (GTK_WIDGET (window), "preferences-applied");
  g_test_message ("screenshot: %s", png);
  toggle_row (GTK_WIDGET (preferences), "Use the System _Monospace Font");
  g_free (css);
  css = gtk_css_provider_to_string (g_object_get_data (G_OBJECT (window->editor), "spec-editor-font-provider"));
  g_assert_null (strstr (css, "DejaVu"));

  /* The style: "Dark" is the third choice. */
  style_row = ADW_COMBO_ROW (spec_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (style_row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "style-variant"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static gboolean
about_shown (gpointer data)
{
  return spec_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL) != NULL;
}

/* The style preference is the application's: applied on start and as it
 * changes.  About shows the application's name, version and licence. */
static void
test_application (void)
{
  g_autoptr(SpecApplication) app = spec_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  AdwAboutWindow *about;

  g_settings_set_enum (settings, "style-variant", 2);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (spec_test_wait_for (style_is_dark, NULL, TIMEOUT_MS));
  g_settings_set_enum (settings, "style-variant", 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_enum (settings, "style-variant", 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (spec_test_wait_for (about_shown, NULL, TIMEOUT_MS));
  about = ADW_ABOUT_WINDOW (spec_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Specwright");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (about), "about-window");
  g_test_message ("screenshot: %s", png);
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_test_add_func ("/app-windows/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/app-windows/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app-windows/icon-warmup", test_icon_warmup);
  g_test_add_func ("/app-windows/preferences", test_preferences);
  g_test_add_func ("/app-windows/application", test_application);

  return g_test_run ();
}
