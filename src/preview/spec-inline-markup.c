/* spec-inline-markup.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-inline-markup.h"
#include "spec-markdown.h"

/* Inline code gets a faint grey wash.  Pango markup cannot refer to CSS
 * colours, so this is a mid grey at low opacity: it darkens a light
 * background and lightens a dark one by about the same amount. */
#define CODE_SPAN_OPEN "<span font_family=\"monospace\" background=\"#808080\" bgalpha=\"20%\">"
#define CODE_SPAN_CLOSE "</span>"

typedef struct
{
  GString    *out;
  cmark_node *open_link;    /* the link whose <a> is open: labels cannot nest links */
  guint       image_depth;  /* inside an image only the words of its alt text count */
} MarkupState;

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* GtkLabel shows a link's title attribute as a tooltip, and parses it as
 * markup a second time: escape the text for the tooltip, then escape that
 * for the attribute value. */
static void
append_link_open (GString    *out,
                  cmark_node *link)
{
  const char *url = cmark_node_get_url (link);
  const char *title = cmark_node_get_title (link);
  g_autofree char *href = g_markup_escape_text (url, -1);
  g_autofree char *tooltip = NULL;
  g_autofree char *tooltip_attr = NULL;

  if (title != NULL && title[0] != '\0')
    {
      g_autofree char *title_markup = g_markup_escape_text (title, -1);

      tooltip = g_strdup_printf ("%s\n%s", title_markup, href);
    }
  else
    {
      tooltip = g_strdup (href);
    }

  tooltip_attr = g_markup_escape_text (tooltip, -1);
  g_string_append_printf (out, "<a href=\"%s\" title=\"", href);

  /* A literal newline in an attribute value is read back as a space. */
  for (const char *p = tooltip_attr; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "&#10;");
      else
        g_string_append_c (out, *p);
    }

  g_string_append (out, "\">");
}

static gboolean
link_can_open_tag (MarkupState *state,
                   cmark_node  *link)
{
  const char *url = cmark_node_get_url (link);

  /* GtkLabel rejects an <a> without a usable href, and links never nest
   * in Markdown except through autolinks inside link text. */
  return state->open_link == NULL && url != NULL && url[0] != '\0';
}

/* Alt text of images is plain text, as in HTML's alt attribute. */
static void
enter_in_image (MarkupState *state,
                cmark_node  *node)
{
  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      append_escaped (state->out, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (state->out, ' ');
      break;

    case CMARK_NODE_IMAGE:
      state->image_depth++;
      break;

    default:
      break;
    }
}

static void
enter_node (MarkupState *state,
            cmark_node  *node)
{
  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      append_escaped (state->out, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (state->out, ' ');
      break;

    case CMARK_NODE_LINEBREAK:
      g_string_append_c (state->out, '\n');
      break;

    case CMARK_NODE_CODE:
      g_string_append (state->out, CODE_SPAN_OPEN);
      append_escaped (state->out, cmark_node_get_literal (node));
      g_string_append (state->out, CODE_SPAN_CLOSE);
      break;

    case CMARK_NODE_HTML_INLINE:
      /* Raw HTML is shown as the author typed it, except comments, which
       * are notes to the editor and never meant to be seen. */
      if (!spec_markdown_is_html_comment (cmark_node_get_literal (node)))
        append_escaped (state->out, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_EMPH:
      g_string_append (state->out, "<i>");
      break;

    case CMARK_NODE_STRONG:
      g_string_append (state->out, "<b>");
      break;

    case CMARK_NODE_LINK:
      if (link_can_open_tag (state, node))
        {
          append_link_open (state->out, node);
          state->open_link = node;
        }
      break;

    case CMARK_NODE_IMAGE:
      g_string_append (state->out, "<i>");
      state->image_depth = 1;
      break;

    case CMARK_NODE_FOOTNOTE_REFERENCE:
      /* cmark-gfm stores the footnote's number as the reference's literal */
      g_string_append (state->out, "<sup>[");
      append_escaped (state->out, cmark_node_get_literal (node));
      g_string_append (state->out, "]</sup>");
      break;

    default:
      if (spec_markdown_node_is (node, "strikethrough"))
        g_string_append (state->out, "<s>");
      break;
    }
}

static void
exit_node (MarkupState *state,
           cmark_node  *node)
{
  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_EMPH:
      g_string_append (state->out, "</i>");
      break;

    case CMARK_NODE_STRONG:
      g_string_append (state->out, "</b>");
      break;

    case CMARK_NODE_LINK:
      if (state->open_link == node)
        {
          g_string_append (state->out, "</a>");
          state->open_link = NULL;
        }
      break;

    default:
      if (spec_markdown_node_is (node, "strikethrough"))
        g_string_append (state->out, "</s>");
      break;
    }
}

/**
 * spec_inline_markup_from_node:
 * @parent: a node holding inline content: a paragraph, heading, table cell
 *
 * Converts the inline children of @parent to Pango markup for a GtkLabel,
 * with links as `<a href>`.  The text is escaped, so the result is always
 * valid markup.
 *
 * Returns: (transfer full): the markup, empty if @parent has no inlines
 */
char *
spec_inline_markup_from_node (cmark_node *parent)
{
  MarkupState state = { NULL, };
  cmark_iter *iter;
  cmark_event_type event;

  g_return_val_if_fail (parent != NULL, NULL);

  state.out = g_string_new (NULL);

  /* Iterating instead of recursing keeps deeply nested emphasis from
   * exhausting the stack. */
  iter = cmark_iter_new (parent);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (node == parent)
        continue;

      if (state.image_depth > 0)
        {
          if (event == CMARK_EVENT_ENTER)
            enter_in_image (&state, node);
          else if (cmark_node_get_type (node) == CMARK_NODE_IMAGE &&
                   --state.image_depth == 0)
            g_string_append (state.out, "</i>");
        }
      else if (event == CMARK_EVENT_ENTER)
        {
          enter_node (&state, node);
        }
      else
        {
          exit_node (&state, node);
        }
    }
  cmark_iter_free (iter);

  return g_string_free (state.out, FALSE);
}

/**
 * spec_inline_markup_uri_can_open:
 * @uri: a link target from the document
 *
 * Whether clicking a link to @uri may hand it to the desktop.  Only web
 * and mail links qualify: a document must not be able to launch files or
 * arbitrary URI handlers.
 */
gboolean
spec_inline_markup_uri_can_open (const char *uri)
{
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_peek_scheme (uri);
  if (scheme == NULL)
    return FALSE;

  return g_str_equal (scheme, "http") ||
         g_str_equal (scheme, "https") ||
         g_str_equal (scheme, "mailto");
}
