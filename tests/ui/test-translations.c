/* test-translations.c: the app in German, as a German user sees it
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "spec-preferences-window.h"
#include "spec-template-picker.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

/* Under LANGUAGE=de, with the translations as built: the window's own
 * words, the ones in its .ui template and in the preferences are German,
 * and the screenshots show it. */
static void
test_german (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (NULL, "/nonexistent");
  SpecWindow *window;
  SpecPreferencesWindow *preferences;
  SpecTemplatePicker *picker;
  g_autofree char *png = NULL;
  g_autofree char *shown = NULL;
  const char *untitled = _("Untitled Document");

  /* Translated at all: otherwise nothing below means anything. */
  g_assert_cmpstr (untitled, !=, "Untitled Document");
  g_assert_cmpstr (_("Preferences"), ==, "Einstellungen");

  window = g_object_ref_sink (spec_window_new (NULL, settings));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  spec_test_iterate (300);
  g_assert_cmpstr (spec_document_get_title (spec_window_get_document (window)), ==, untitled);
  /* From the window's .ui template: its empty navigator. */
  shown = spec_test_collect_text (GTK_WIDGET (window));
  g_assert_null (strstr (shown, "No Headings"));
  png = spec_test_save_screenshot (GTK_WIDGET (window), "window-de");
  g_test_message ("screenshot: %s", png);

  preferences = spec_preferences_window_new (settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  spec_test_iterate (300);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, "Einstellungen");
  g_free (png);
  png = spec_test_save_screenshot (GTK_WIDGET (preferences), "preferences-de");
  g_test_message ("screenshot: %s", png);
  gtk_window_destroy (GTK_WINDOW (preferences));

  picker = spec_template_picker_new (store);
  gtk_window_present (GTK_WINDOW (picker));
  spec_test_iterate (300);
  g_free (png);
  png = spec_test_save_screenshot (GTK_WIDGET (picker), "template-picker-de");
  g_test_message ("screenshot: %s", png);
  gtk_window_destroy (GTK_WINDOW (picker));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("SPEC_LOCALE_DIR");

  /* As main() does, from the translations in the build tree. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  spec_test_init (&argc, &argv);

  g_test_add_func ("/translations/german", test_german);

  return g_test_run ();
}
