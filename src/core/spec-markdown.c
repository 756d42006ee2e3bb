/* spec-markdown.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "spec-markdown.h"

/* The GitHub extensions the templates rely on: tables above all, task
 * lists for acceptance criteria, plus strikethrough and autolinks. */
static const char * const extension_names[] = {
  "table", "tasklist", "strikethrough", "autolink",
};

/* Registering the core extensions touches global state in cmark-gfm, so it
 * must happen once, before any parse runs on a worker thread. */
void
spec_markdown_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&initialized, 1);
    }
}

cmark_node *
spec_markdown_parse (const char *text,
                     gsize       len)
{
  cmark_parser *parser;
  cmark_node *document;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  spec_markdown_init ();

  parser = cmark_parser_new (SPEC_MARKDOWN_OPTIONS);

  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extension_names[i]);

      g_assert (ext != NULL);
      cmark_parser_attach_syntax_extension (parser, ext);
    }

  cmark_parser_feed (parser, text ? text : "", len);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  return document;
}

/* Extension nodes (tables, task items, strikethrough) have no fixed enum
 * value in the public API; their type string identifies them. */
gboolean
spec_markdown_node_is (cmark_node *node,
                       const char *type_string)
{
  const char *s;

  if (node == NULL)
    return FALSE;

  s = cmark_node_get_type_string (node);

  return s != NULL && strcmp (s, type_string) == 0;
}

/* Appends @s to @str with white space folded: a run of blanks becomes one
 * space, and none is added at the start. */
static void
append_folded (GString    *str,
               gsize       start,
               const char *s)
{
  for (; *s; s++)
    {
      if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        {
          if (str->len > start && str->str[str->len - 1] != ' ')
            g_string_append_c (str, ' ');
        }
      else
        {
          g_string_append_c (str, *s);
        }
    }
}

static void
append_inline_text (GString    *str,
                    gsize       start,
                    cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          append_folded (str, start, cmark_node_get_literal (child));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          append_folded (str, start, " ");
          break;

        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          /* markup, not words of the title */
          break;

        default:
          append_inline_text (str, start, child);
          break;
        }
    }
}

/**
 * spec_markdown_node_append_plain_text:
 *
 * Appends the words of @node to @str with all inline markup stripped and
 * white space folded: "**Status** of `x`" gives "Status of x".  Appending
 * to a reused buffer keeps the outline free of per-heading allocations.
 */
void
spec_markdown_node_append_plain_text (GString    *str,
                                      cmark_node *node)
{
  gsize start;

  g_return_if_fail (str != NULL);
  g_return_if_fail (node != NULL);

  start = str->len;
  append_inline_text (str, start, node);

  if (str->len > start && str->str[str->len - 1] == ' ')
    g_string_truncate (str, str->len - 1);
}

char *
spec_markdown_node_get_plain_text (cmark_node *node)
{
  GString *str = g_string_new (NULL);

  spec_markdown_node_append_plain_text (str, node);

  return g_string_free (str, FALSE);
}

/**
 * spec_markdown_is_html_comment:
 * @html: (nullable): raw HTML, as in an inline HTML node
 *
 * Whether @html is a comment, which the preview and the exports hide.
 */
gboolean
spec_markdown_is_html_comment (const char *html)
{
  return html != NULL && g_str_has_prefix (html, "<!--");
}

/**
 * spec_markdown_strip_html_comments:
 * @html: raw HTML, as in an HTML block
 *
 * Removes every `<!-- ... -->` from @html; an unterminated comment runs to
 * the end, as it does for the browser.
 *
 * Returns: (transfer full): what is left, maybe only white space
 */
char *
spec_markdown_strip_html_comments (const char *html)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (html != NULL, NULL);

  out = g_string_new (NULL);
  p = html;

  while (*p != '\0')
    {
      const char *open = strstr (p, "<!--");
      const char *close;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);

      /* Searching from the second dash accepts the short forms "<!-->"
       * and "<!--->", which HTML also ends there. */
      close = strstr (open + 2, "-->");
      if (close == NULL)
        break;

      p = close + strlen ("-->");
    }

  return g_string_free (out, FALSE);
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * spec_markdown_paragraph_is_images_only:
 *
 * Whether @paragraph holds images and nothing else but blanks and line
 * breaks: it stands for a figure, and the preview and the printed page
 * show the pictures alone.
 */
gboolean
spec_markdown_paragraph_is_images_only (cmark_node *paragraph)
{
  gboolean has_image = FALSE;

  for (cmark_node *child = cmark_node_first_child (paragraph);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_IMAGE:
          has_image = TRUE;
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          break;

        case CMARK_NODE_TEXT:
          if (!text_is_blank (cmark_node_get_literal (child)))
            return FALSE;
          break;

        default:
          return FALSE;
        }
    }

  return has_image;
}

/**
 * spec_markdown_collect_images:
 * @images: (element-type cmark_node): where the images are added
 *
 * The images of @node's inlines, in order, but for those inside a link
 * (a badge, say), which stay the link's text.
 */
void
spec_markdown_collect_images (cmark_node *node,
                              GPtrArray  *images)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_IMAGE:
          g_ptr_array_add (images, child);
          break;

        case CMARK_NODE_LINK:
          break;

        default:
          spec_markdown_collect_images (child, images);
          break;
        }
    }
}
