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

/* How the preview's markup opens a code span. */
#define CODE_SPAN_OPEN_START "<span font_family=\"monospace\""

/* Links look like the preview's, in the accent blue of the light style,
 * underlined; in a PDF, web and mail links can also be followed. */
#define LINK_RED   0x1c
#define LINK_GREEN 0x71
#define LINK_BLUE  0xd8
#define LINK_SPAN_OPEN "<span foreground=\"#1c71d8\" underline=\"single\">"

/* The targets of a layout's links, in the order of their spans. */
#define LINKS_KEY "spec-print-links"

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

/* The value of the attribute @name in the tag starting at @tag, unescaped
 * (the preview escapes it with g_markup_escape_text()). */
static char *
dup_attribute (const char *tag,
               const char *end,
               const char *name)
{
  g_autofree char *pattern = g_strconcat (" ", name, "=\"", NULL);
  const char *start = g_strstr_len (tag, end - tag, pattern);
  const char *close;
  GString *value;

  if (start == NULL)
    return NULL;
  start += strlen (pattern);
  close = memchr (start, '"', (gsize) (end - start));
  if (close == NULL)
    return NULL;

  value = g_string_sized_new ((gsize) (close - start));
  for (const char *p = start; p < close; )
    {
      static const struct { const char *entity; char c; } entities[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
        { "&#39;", '\'' },
      };
      gboolean replaced = FALSE;

      for (guint i = 0; *p == '&' && i < G_N_ELEMENTS (entities); i++)
        {
          gsize len = strlen (entities[i].entity);

          if ((gsize) (close - p) >= len && strncmp (p, entities[i].entity, len) == 0)
            {
              g_string_append_c (value, entities[i].c);
              p += len;
              replaced = TRUE;
              break;
            }
        }
      if (!replaced)
        g_string_append_c (value, *p++);
    }

  return g_string_free (value, FALSE);
}

/* GtkLabel's <a> elements, which Pango does not know, become styled
 * spans; their targets are added to @links in order, one per span, so
 * that spec_print_text_tag_links() can find them again. */
static char *
links_to_spans (const char *markup,
                GPtrArray  *links)
{
  GString *out = g_string_sized_new (strlen (markup));
  const char *p = markup;

  /* Attribute values are escaped, so the first '>' after "<a " ends the
   * tag, and text never holds a raw '<'. */
  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<a "))
        {
          const char *close = strchr (p, '>');
          char *href;

          if (close == NULL)
            break;
          href = dup_attribute (p, close, "href");
          g_ptr_array_add (links, href != NULL ? href : g_strdup (""));
          g_string_append (out, LINK_SPAN_OPEN);
          p = close + 1;
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
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *styled = links_to_spans (markup, links);

  /* Parsed here rather than by pango_layout_set_markup(), which warns. */
  if (pango_parse_markup (styled, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      if (links->len > 0)
        g_object_set_data_full (G_OBJECT (layout), LINKS_KEY,
                                g_steal_pointer (&links), (GDestroyNotify) g_ptr_array_unref);
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
 * The preview's markup (see spec_inline_markup_from_node()) with its code
 * spans a step smaller.  Its links are GtkLabel's <a> elements, which
 * spec_print_text_layout_new() makes styled text and remembers.
 *
 * Returns: (transfer full): Pango markup
 */
char *
spec_print_text_markup_from_node (cmark_node *node)
{
  g_autofree char *markup = spec_inline_markup_from_node (node);
  GString *out = g_string_sized_new (strlen (markup));
  const char *p = markup;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, CODE_SPAN_OPEN_START))
        {
          /* The monospace face looks larger than the text's at the same
           * size: on paper, where it cannot be zoomed, it is set a step
           * smaller, as code blocks are. */
          g_string_append (out, "<span size=\"smaller\" font_family=\"monospace\"");
          p += strlen (CODE_SPAN_OPEN_START);
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_link_colour (const PangoAttribute *attr)
{
  const PangoColor *color;

  if (attr->klass->type != PANGO_ATTR_FOREGROUND)
    return FALSE;
  color = &((const PangoAttrColor *) attr)->color;

  return color->red >> 8 == LINK_RED && color->green >> 8 == LINK_GREEN && color->blue >> 8 == LINK_BLUE;
}

/* A link's target for a cairo tag: quotes and backslashes escaped. */
static char *
dup_link_attributes (const char *uri,
                     GString    *rects)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }

  g_autofree char *value = g_string_free (escaped, FALSE);

  return g_strdup_printf ("rect=[%s] uri='%s'", rects->str, value);
}

/**
 * spec_print_text_tag_links:
 * @cr: where @layout was just drawn
 * @x: the layout's left edge, in @cr's user space
 * @y: the layout's top
 * @top: the top of what is shown of it (a page shows some of its lines)
 * @bottom: the bottom of what is shown
 *
 * Makes the web and mail links among the lines of @layout shown between
 * @top and @bottom links of the PDF @cr draws (a printer ignores them).
 * Other targets (#anchors, and never javascript: or file:) are not made
 * links.
 */
void
spec_print_text_tag_links (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y,
                           double       top,
                           double       bottom)
{
  GPtrArray *links = g_object_get_data (G_OBJECT (layout), LINKS_KEY);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  GSList *list;
  guint n = 0;

  if (links == NULL || attrs == NULL)
    return;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL && n < links->len; l = l->next)
    {
      const PangoAttribute *attr = l->data;
      const char *uri;
      g_autoptr(GString) rects = NULL;
      PangoLayoutIter *iter;

      if (!is_link_colour (attr))
        continue;
      uri = g_ptr_array_index (links, n++);
      if (!spec_inline_markup_uri_can_open (uri))
        continue;

      rects = g_string_new (NULL);
      iter = pango_layout_get_iter (layout);
      do
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          int *ranges = NULL;
          int n_ranges = 0;
          double line_top;
          double line_height;
          int start = MAX ((int) attr->start_index, line->start_index);
          int end = MIN ((int) attr->end_index, line->start_index + line->length);

          if (start >= end)
            continue;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_top = y + (double) logical.y / PANGO_SCALE;
          line_height = (double) logical.height / PANGO_SCALE;
          if (line_top + line_height / 2 < top || line_top + line_height / 2 >= bottom)
            continue;

          pango_layout_line_get_x_ranges (line, start, end, &ranges, &n_ranges);
          for (int i = 0; i < n_ranges; i++)
            {
              /* cairo 1.16 takes a link's rectangle in device space. */
              double rx = x + (double) ranges[2 * i] / PANGO_SCALE;
              double ry = line_top;
              double rw = (double) (ranges[2 * i + 1] - ranges[2 * i]) / PANGO_SCALE;
              double rh = line_height;

              cairo_user_to_device (cr, &rx, &ry);
              cairo_user_to_device_distance (cr, &rw, &rh);
              g_string_append_printf (rects, "%s%.2f %.2f %.2f %.2f", rects->len > 0 ? " " : "",
                                      rx, ry, rw, rh);
            }
          g_free (ranges);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (rects->len > 0)
        {
          g_autofree char *tag = dup_link_attributes (uri, rects);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, tag);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
}
