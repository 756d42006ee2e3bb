/* spec-markdown.h: the one place that configures cmark-gfm
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

/* Options every parse uses: footnotes on, smart punctuation off (the
 * preview must show what the author typed). */
#define SPEC_MARKDOWN_OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)

void        spec_markdown_init                (void);
cmark_node *spec_markdown_parse               (const char *text,
                                               gsize       len);
gboolean    spec_markdown_node_is             (cmark_node *node,
                                               const char *type_string);
char       *spec_markdown_node_get_plain_text (cmark_node *node);
void        spec_markdown_node_append_plain_text (GString    *str,
                                                  cmark_node *node);
gboolean    spec_markdown_is_html_comment     (const char *html);
char       *spec_markdown_strip_html_comments (const char *html);
gboolean    spec_markdown_paragraph_is_images_only (cmark_node *paragraph);
void        spec_markdown_collect_images      (cmark_node *node,
                                               GPtrArray  *images);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

G_END_DECLS
