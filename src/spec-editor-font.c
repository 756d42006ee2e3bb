/* spec-editor-font.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-editor-font.h"

/* GTK 4 sets fonts through CSS, not through widget calls: the editor
 * gets a provider of its own, rewritten when the preferences change.
 * With "use-system-font" on the provider is empty and the editor's
 * "monospace" class gives it the desktop's monospace font. */

#define PROVIDER_KEY "spec-editor-font-provider"

/**
 * spec_editor_font_css:
 * @font_name: a Pango font name ("Source Code Pro Semi-Bold 12")
 *
 * Returns: CSS giving the editor's text that font, or %NULL for a name
 *   that names no family
 */
char *
spec_editor_font_css (const char *font_name)
{
  PangoFontDescription *desc;
  GString *css;
  PangoFontMask set;

  if (font_name == NULL || *font_name == '\0')
    return NULL;

  desc = pango_font_description_from_string (font_name);
  set = pango_font_description_get_set_fields (desc);
  if ((set & PANGO_FONT_MASK_FAMILY) == 0)
    {
      pango_font_description_free (desc);
      return NULL;
    }

  css = g_string_new ("textview {\n");
  /* Quoted, with any quote in the name escaped: a family is user text. */
  g_string_append (css, "  font-family: \"");
  for (const char *p = pango_font_description_get_family (desc); *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (css, '\\');
      g_string_append_c (css, *p);
    }
  g_string_append (css, "\";\n");
  if (set & PANGO_FONT_MASK_SIZE)
    {
      double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (css, "  font-size: %s%s;\n", g_ascii_formatd (buffer, sizeof buffer, "%.1f", size),
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }
  if (set & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, "  font-weight: %d;\n", (int) pango_font_description_get_weight (desc));
  if (set & PANGO_FONT_MASK_STYLE)
    g_string_append_printf (css, "  font-style: %s;\n",
                            pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC ? "italic" :
                            pango_font_description_get_style (desc) == PANGO_STYLE_OBLIQUE ? "oblique" : "normal");
  g_string_append (css, "}\n");
  pango_font_description_free (desc);

  return g_string_free (css, FALSE);
}

/**
 * spec_editor_font_apply:
 * @editor: the text view
 *
 * Gives @editor the font the preferences ask for.
 */
void
spec_editor_font_apply (GtkWidget *editor,
                        GSettings *settings)
{
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (editor), PROVIDER_KEY);
  g_autofree char *font = NULL;
  g_autofree char *css = NULL;

  g_return_if_fail (GTK_IS_WIDGET (editor));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      /* The provider is per widget; gtk_style_context_add_provider() is
       * deprecated from GTK 4.10 with no per-widget replacement. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (editor), GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
      g_object_set_data_full (G_OBJECT (editor), PROVIDER_KEY, provider, g_object_unref);
    }

  if (!g_settings_get_boolean (settings, "use-system-font"))
    {
      font = g_settings_get_string (settings, "editor-font");
      css = spec_editor_font_css (font);
    }
  gtk_css_provider_load_from_data (provider, css != NULL ? css : "", -1);
}
