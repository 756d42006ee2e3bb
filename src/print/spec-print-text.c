/* spec-print-text.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-inline-markup.h"
#include "spec-print-text.h"

/* The preview's font, GNOME's, and the usual fallbacks. */
#define BODY_FAMILY "Cantarell, DejaVu Sans, Sans"
#define CODE_FAMILY "DejaVu Sans Mono, Monospace"

/* Links are not links on paper: they look like the preview's, in the
 * accent blue of the light style, underlined. */
/* How the preview's markup opens a code span. */
#define CODE_SPAN_OPEN_START "<span font_family=\"monospace\""

#define LINK_SPAN_OPEN "<span foreground=\"#1c71d8\" underline=\"single\">"

static PangoLayout *
layout_new (PangoContext *context,
            gboolean      monospace,
            double        size,
            PangoWeight   weight,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, monospace ? CODE_FAMILY : BODY_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, monospace ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);

  return layout;
}

/**
 * spec_print_text_layout_new:
 * @context: what the text is measured with
 * @markup: Pango markup
 * @monospace: whether in the code font
 * @size: the font size in points
 * @weight: the weight of text not marked otherwise
 * @width: where lines wrap, in points, or 0 for no wrapping
 *
 * Returns: (transfer full): the layout; the text as is if @markup is not
 *   valid, which the markup of spec_print_text_markup_from_node() is
 */
PangoLayout *
spec_print_text_layout_new (PangoContext *context,
                            const char   *markup,
                            gboolean      monospace,
                            double        size,
                            PangoWeight   weight,
                            double        width)
{
  PangoLayout *layout = layout_new (context, monospace, size, weight, width);
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  /* Parsed here rather than by pango_layout_set_markup(), which warns. */
  if (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    {
      pango_layout_set_text (layout, markup, -1);
    }

  return layout;
}

/**
 * spec_print_text_plain_layout_new:
 * @context: what the text is measured with
 * @text: text shown as is
 * @monospace: whether in the code font
 * @size: the font size in points
 * @width: where lines wrap, in points, or 0 for no wrapping
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
spec_print_text_plain_layout_new (PangoContext *context,
                                  const char   *text,
                                  gboolean      monospace,
                                  double        size,
                                  double        width)
{
  PangoLayout *layout = layout_new (context, monospace, size, PANGO_WEIGHT_NORMAL, width);

  pango_layout_set_text (layout, text, -1);

  return layout;
}

/**
 * spec_print_text_markup_from_node:
 * @node: a node holding inline content: a paragraph, heading, table cell
 *
 * The preview's markup (see spec_inline_markup_from_node()) with its
 * links, which only GtkLabel understands, made plain styled text, and
 * its code spans a step smaller.
 *
 * Returns: (transfer full): Pango markup
 */
char *
spec_print_text_markup_from_node (cmark_node *node)
{
  g_autofree char *markup = spec_inline_markup_from_node (node);
  GString *out = g_string_sized_new (strlen (markup));
  const char *p = markup;

  /* Attribute values are escaped, so the first '>' after "<a " ends the
   * tag, and text never holds a raw '<'. */
  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<a "))
        {
          const char *close = strchr (p, '>');

          if (close == NULL)
            break;
          g_string_append (out, LINK_SPAN_OPEN);
          p = close + 1;
        }
      else if (g_str_has_prefix (p, CODE_SPAN_OPEN_START))
        {
          /* The monospace face looks larger than the text's at the same
           * size: on paper, where it cannot be zoomed, it is set a step
           * smaller, as code blocks are. */
          g_string_append (out, "<span size=\"smaller\" font_family=\"monospace\"");
          p += strlen (CODE_SPAN_OPEN_START);
        }
      else if (g_str_has_prefix (p, "</a>"))
        {
          g_string_append (out, "</span>");
          p += strlen ("</a>");
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}
