/* spec-preferences-window.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-preferences-window.h"

/* Every row is bound to its GSettings key, and every window listens to
 * those keys: a change here shows at once, with no Apply button. */

struct _SpecPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwComboRow          *style_row;
  GtkSwitch            *system_font_switch;
  AdwActionRow         *font_row;
  GtkSwitch            *line_numbers_switch;
  GtkSwitch            *sidebar_switch;
  GtkSwitch            *preview_switch;
  GtkSwitch            *scroll_sync_switch;
  GtkSwitch            *autosave_switch;
};

G_DEFINE_FINAL_TYPE (SpecPreferencesWindow, spec_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The style list's rows are the enum's values, in its order. */
static const char * const style_nicks[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_str_equal (nick, style_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_nicks))
    return NULL;

  return g_variant_new_string (style_nicks[selected]);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static gboolean
font_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_take_boxed (value, pango_font_description_from_string (g_variant_get_string (variant, NULL)));

  return TRUE;
}

static GVariant *
font_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  PangoFontDescription *desc = g_value_get_boxed (value);
  g_autofree char *name = desc != NULL ? pango_font_description_to_string (desc) : NULL;

  return name != NULL ? g_variant_new_string (name) : NULL;
}
#endif

/* GtkFontButton is deprecated from GTK 4.10, GtkFontDialogButton only
 * exists from there: the floor (4.8) gets the one it has. */
static GtkWidget *
font_button_new (GSettings *settings)
{
  GtkWidget *button;

#if GTK_CHECK_VERSION (4, 10, 0)
  button = gtk_font_dialog_button_new (gtk_font_dialog_new ());
  gtk_font_dialog_button_set_level (GTK_FONT_DIALOG_BUTTON (button), GTK_FONT_LEVEL_FONT);
  g_settings_bind_with_mapping (settings, "editor-font", button, "font-desc", G_SETTINGS_BIND_DEFAULT,
                                font_get_mapping, font_set_mapping, NULL, NULL);
#else
  button = gtk_font_button_new ();
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (button),
                              GTK_FONT_CHOOSER_LEVEL_FAMILY | GTK_FONT_CHOOSER_LEVEL_SIZE);
  gtk_font_button_set_use_font (GTK_FONT_BUTTON (button), TRUE);
  g_settings_bind (settings, "editor-font", button, "font", G_SETTINGS_BIND_DEFAULT);
#endif
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Editor font"), -1);

  return button;
}

static void
spec_preferences_window_dispose (GObject *object)
{
  SpecPreferencesWindow *self = (SpecPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPEC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (spec_preferences_window_parent_class)->dispose (object);
}

static void
spec_preferences_window_class_init (SpecPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, system_font_switch);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, line_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, sidebar_switch);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, preview_switch);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, scroll_sync_switch);
  gtk_widget_class_bind_template_child (widget_class, SpecPreferencesWindow, autosave_switch);
}

static void
spec_preferences_window_init (SpecPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * spec_preferences_window_new:
 * @settings: the application's settings
 */
SpecPreferencesWindow *
spec_preferences_window_new (GSettings *settings)
{
  SpecPreferencesWindow *self;
  GtkWidget *font_button;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SPEC_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "style-variant", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (settings, "use-system-font", self->system_font_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "use-system-font", self->font_row, "sensitive",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
  g_settings_bind (settings, "show-line-numbers", self->line_numbers_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sidebar-visible", self->sidebar_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "preview-visible", self->preview_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "scroll-sync", self->scroll_sync_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-to-file", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);

  font_button = font_button_new (settings);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->font_row), font_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->font_row), font_button);

  return self;
}
