/* spec-export-html.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exported page is opened in a browser, where a document's raw HTML
 * would run.  So none of it is passed on: it is shown as text, as the
 * preview shows it.  Links that could run or read something are blanked
 * by cmark-gfm's safe rendering, and the page loads nothing: local images
 * travel inside it as data: URIs, remote ones become links.  A
 * Content-Security-Policy tells the browser the same, should anything
 * slip through.
 *
 * The snapshot's tree is shared with other threads and never changed:
 * the export parses the text again and reworks that copy, with cmark-gfm's
 * custom nodes for what its renderer cannot write (heading ids, the table
 * of contents, placeholders for images).  Whatever goes into a custom
 * node is written here, and escaped here.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spec-anchor.h"
#include "spec-export.h"
#include "spec-export-html.h"
#include "spec-export-html-private.h"
#include "spec-export-html-style.h"
#include "spec-image-source.h"
#include "spec-markdown.h"

/* Never CMARK_OPT_UNSAFE: then links to javascript:, vbscript:, file:
 * and data: other than images come out as href="".  Safe is cmark-gfm's
 * default since 0.29; CMARK_OPT_SAFE is only there to say so. */
#define RENDER_OPTIONS CMARK_OPT_SAFE
G_STATIC_ASSERT ((RENDER_OPTIONS & CMARK_OPT_UNSAFE) == 0);

/* One picture, and all of them in one page: a document that names a
 * large picture a thousand times must not make a page of gigabytes. */
#define MAX_IMAGE_SIZE    (16 * 1024 * 1024)
#define MAX_EMBEDDED_SIZE (64 * 1024 * 1024)

/* Past this, an image without a description is called "Image" rather
 * than by its address. */
#define MAX_SHOWN_URL 200

/* What browsers show in <img> and cmark-gfm's safe mode keeps in a data:
 * URI.  Not SVG: it can carry scripts. */
static const char * const embeddable_types[] = {
  "image/png", "image/jpeg", "image/gif", "image/webp",
};

typedef struct
{
  GFile        *base_file;
  GCancellable *cancellable;
  GHashTable   *heading_ids;  /* a section's heading line → its anchor */
  GPtrArray    *detached;     /* cmark_node*: see detach() */
  gsize         embedded;     /* bytes of data: URIs so far */
} Export;

/* A node taken out of the tree is only freed with the tree: the text of
 * the inlines parsed from a block points into that block's buffer, and
 * they may have been moved elsewhere (a heading's into its replacement). */
static void
detach (Export     *self,
        cmark_node *node)
{
  cmark_node_unlink (node);
  g_ptr_array_add (self->detached, node);
}

static cmark_node *
custom_node_new (cmark_node_type  type,
                 const char      *on_enter,
                 const char      *on_exit)
{
  cmark_node *node = cmark_node_new (type);

  cmark_node_set_on_enter (node, on_enter);
  cmark_node_set_on_exit (node, on_exit);

  return node;
}

static gboolean
move_children (cmark_node *from,
               cmark_node *to)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (from)) != NULL)
    {
      if (!cmark_node_append_child (to, child))
        return FALSE;
    }

  return TRUE;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* A raw HTML block is shown as the author typed it, in the preview's
 * quieter style, less its comments.
 *
 * Returns: the node that stands for @node now, or %NULL if nothing is
 *   left of it */
static cmark_node *
export_html_block (Export     *self,
                   cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *visible = spec_markdown_strip_html_comments (literal ? literal : "");
  g_autofree char *code_text = NULL;
  cmark_node *box;
  cmark_node *code;

  g_strstrip (visible);
  if (visible[0] == '\0')
    {
      detach (self, node);
      return NULL;
    }

  code_text = g_strconcat (visible, "\n", NULL);
  code = cmark_node_new (CMARK_NODE_CODE_BLOCK);
  cmark_node_set_literal (code, code_text);

  box = custom_node_new (CMARK_NODE_CUSTOM_BLOCK, "<div class=\"raw-html\">", "</div>");
  if (cmark_node_insert_before (node, box))
    {
      cmark_node_append_child (box, code);
      detach (self, node);
      return box;
    }
  cmark_node_free (box);

  /* Some extension's container that takes no custom block: a code block
   * shows the text all the same.  Failing that, the node stays, and safe
   * rendering writes a comment in its place. */
  if (cmark_node_insert_before (node, code))
    {
      detach (self, node);
      return code;
    }
  cmark_node_free (code);

  return node;
}

/* Inline HTML is shown as text, as in the preview. */
static void
export_html_inline (Export     *self,
                    cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  cmark_node *text;

  if (literal == NULL || g_str_has_prefix (literal, "<!--"))
    {
      detach (self, node);
      return;
    }

  text = cmark_node_new (CMARK_NODE_TEXT);
  cmark_node_set_literal (text, literal);

  if (cmark_node_insert_before (node, text))
    detach (self, node);
  else
    cmark_node_free (text);
}

static gboolean
type_is_embeddable (const char *mime_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (embeddable_types); i++)
    {
      if (g_strcmp0 (mime_type, embeddable_types[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The bytes of an image as a data: URI, or NULL if the file is no
 * picture a browser shows, or too large for what is left of @budget.
 *
 * A document names any path it likes, so only a regular file is read,
 * never a device (/dev/zero has no end), a FIFO (it blocks) or a folder.
 * Symbolic links are followed: pictures kept elsewhere are linked. */
static char *
read_image_data_uri (const char *path,
                     gsize       budget)
{
  g_autofree guchar *data = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *base64 = NULL;
  struct stat st;
  gsize size;
  gsize n = 0;
  int fd;

  /* Looked at before opening, since opening some devices does something. */
  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  /* Should the file have been swapped for a FIFO meanwhile, O_NONBLOCK
   * keeps open() from waiting for a writer, and fstat() tells. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) ||
      st.st_size <= 0 || st.st_size > MAX_IMAGE_SIZE ||
      /* what base64 makes of it, and the URI's start */
      (gsize) st.st_size / 3 * 4 + 64 > budget)
    {
      close (fd);
      return NULL;
    }

  size = (gsize) st.st_size;
  data = g_malloc (size);

  while (n < size)
    {
      gssize r = read (fd, data + n, size - n);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      n += (gsize) r;
    }
  close (fd);

  /* cut short while being written: not the picture it claims to be */
  if (n != size)
    return NULL;

  /* The bytes say what the file is, whatever its name says. */
  content_type = g_content_type_guess (NULL, data, n, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  if (!type_is_embeddable (mime_type))
    return NULL;

  base64 = g_base64_encode (data, n);

  return g_strconcat ("data:", mime_type, ";base64,", base64, NULL);
}

static gboolean
is_inside_link (cmark_node *node)
{
  for (cmark_node *parent = cmark_node_parent (node);
       parent != NULL;
       parent = cmark_node_parent (parent))
    {
      if (cmark_node_get_type (parent) == CMARK_NODE_LINK)
        return TRUE;
    }

  return FALSE;
}

/* Puts @child into @holder, or, without one, before @image; frees it
 * if it cannot be there. */
static gboolean
put_inline (cmark_node *holder,
            cmark_node *image,
            cmark_node *child)
{
  gboolean done;

  if (holder != NULL)
    done = cmark_node_append_child (holder, child);
  else
    done = cmark_node_insert_before (image, child);

  if (!done)
    cmark_node_free (child);

  return done;
}

/* An image that is not embedded shows its description in a dashed frame;
 * a remote one (@href) links to where it is, so that the reader may look
 * at it: the page itself never loads it. */
static void
show_missing_image (Export     *self,
                    cmark_node *image,
                    const char *href)
{
  const char *url = cmark_node_get_url (image);
  cmark_node *span;
  cmark_node *holder;
  cmark_node *child;

  span = custom_node_new (CMARK_NODE_CUSTOM_INLINE, "<span class=\"missing-image\">", "</span>");
  if (!cmark_node_insert_before (image, span))
    {
      /* a table cell takes only some inlines, and no custom ones: the
       * description then stands there without its frame */
      cmark_node_free (span);
      span = NULL;
    }
  holder = span;

  /* no link in a link: a linked picture keeps its own link */
  if (href != NULL && !is_inside_link (image))
    {
      cmark_node *link = cmark_node_new (CMARK_NODE_LINK);

      cmark_node_set_url (link, href);
      cmark_node_set_title (link, cmark_node_get_title (image));
      if (put_inline (span, image, link))
        holder = link;
    }

  if (cmark_node_first_child (image) == NULL)
    {
      cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);
      gboolean show_url = url != NULL && url[0] != '\0' && strlen (url) <= MAX_SHOWN_URL &&
                          g_ascii_strncasecmp (url, "data:", 5) != 0;

      cmark_node_set_literal (text, show_url ? url : _("Image"));
      (void) put_inline (holder, image, text);
    }
  else if (holder != NULL)
    {
      if (!move_children (image, holder))
        g_warning ("An image's description could not be moved");
    }
  else
    {
      while ((child = cmark_node_first_child (image)) != NULL)
        {
          if (!cmark_node_insert_before (image, child))
            break;
        }
    }

  detach (self, image);
}

static void
export_image (Export     *self,
              cmark_node *image)
{
  const char *src = cmark_node_get_url (image);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data_uri = NULL;

  switch (spec_image_source_resolve (src, self->base_file, &file))
    {
    case SPEC_IMAGE_SOURCE_LOCAL:
      path = g_file_get_path (file);
      /* reading is what takes time: not once cancelled */
      if (path != NULL && !g_cancellable_is_cancelled (self->cancellable))
        data_uri = read_image_data_uri (path, MAX_EMBEDDED_SIZE - self->embedded);

      if (data_uri != NULL)
        {
          self->embedded += strlen (data_uri);
          cmark_node_set_url (image, data_uri);
        }
      else
        {
          show_missing_image (self, image, NULL);
        }
      break;

    case SPEC_IMAGE_SOURCE_REMOTE:
      show_missing_image (self, image, src);
      break;

    case SPEC_IMAGE_SOURCE_UNSAVED:
    case SPEC_IMAGE_SOURCE_INVALID:
    default:
      show_missing_image (self, image, NULL);
      break;
    }
}

/* cmark-gfm writes <h2> without an id: the heading becomes a custom
 * block holding a custom inline that writes it with one, around the same
 * inlines.  (A custom block's own literals would put line breaks inside
 * the heading's element.) */
static cmark_node *
export_heading (Export     *self,
                cmark_node *heading,
                const char *anchor)
{
  int level = cmark_node_get_heading_level (heading);
  g_autofree char *escaped = g_markup_escape_text (anchor, -1);
  g_autofree char *open = g_strdup_printf ("<h%d id=\"%s\">", level, escaped);
  g_autofree char *close = g_strdup_printf ("</h%d>", level);
  cmark_node *block = custom_node_new (CMARK_NODE_CUSTOM_BLOCK, "", "");
  cmark_node *inline_ = custom_node_new (CMARK_NODE_CUSTOM_INLINE, open, close);

  if (!cmark_node_append_child (block, inline_) ||
      !cmark_node_insert_before (heading, block))
    {
      cmark_node_free (block);
      return heading;
    }

  if (!move_children (heading, inline_))
    g_warning ("A heading's text could not be moved");
  detach (self, heading);

  return block;
}

static void
collect_nodes (cmark_node *root,
               GPtrArray  *nodes)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
          g_ptr_array_add (nodes, node);
          break;

        default:
          break;
        }
    }

  cmark_iter_free (iter);
}

/* Reworks one top-level block and what it holds.  The nodes are found
 * first and changed after, since changing a tree under an iterator is
 * not allowed; a node moved meanwhile (a picture's description into its
 * frame) is still the same node.
 *
 * Returns: the node that now stands for @block, or %NULL if it shows
 *   nothing (an HTML comment) */
static cmark_node *
export_block (Export     *self,
              cmark_node *block)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  if (cmark_node_get_type (block) == CMARK_NODE_HTML_BLOCK)
    return export_html_block (self, block);

  collect_nodes (block, nodes);

  for (guint i = 0; i < nodes->len; i++)
    {
      cmark_node *node = g_ptr_array_index (nodes, i);

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_IMAGE:
          export_image (self, node);
          break;

        case CMARK_NODE_HTML_INLINE:
          export_html_inline (self, node);
          break;

        case CMARK_NODE_HTML_BLOCK:
          (void) export_html_block (self, node);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Only headings that are blocks of the document open sections and have
   * anchors (see spec-outline.h); one in a quote or a list has none in
   * the app, and none here. */
  if (cmark_node_get_type (block) == CMARK_NODE_HEADING)
    {
      const char *anchor = g_hash_table_lookup (self->heading_ids,
                                                GINT_TO_POINTER (cmark_node_get_start_line (block)));

      if (anchor != NULL && anchor[0] != '\0')
        return export_heading (self, block, anchor);
    }

  return block;
}

/* A section's title, linked to its heading when it has an anchor. */
void
spec_export_html_append_section_link (GString           *out,
                                      const SpecSection *section,
                                      const char        *anchor)
{
  if (anchor[0] == '\0')
    {
      /* nothing of the title makes an anchor, as with "🚀" */
      append_escaped (out, section->title);
      return;
    }

  g_string_append (out, "<a href=\"#");
  append_escaped (out, anchor);
  g_string_append (out, "\">");
  append_escaped (out, section->title);
  g_string_append (out, "</a>");
}

static void
append_toc_level (GString   *out,
                  GPtrArray *sections,
                  char     **anchors)
{
  g_string_append (out, "<ul>\n");

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);

      g_string_append (out, "<li>");
      spec_export_html_append_section_link (out, section, anchors[section->index]);
      if (section->children->len > 0)
        {
          g_string_append_c (out, '\n');
          append_toc_level (out, section->children, anchors);
        }
      g_string_append (out, "</li>\n");
    }

  g_string_append (out, "</ul>\n");
}

static char *
build_toc (SpecSnapshot  *snapshot,
           char         **anchors)
{
  GString *out = g_string_new ("<nav class=\"toc\" aria-label=\"");

  append_escaped (out, _("Contents"));
  g_string_append (out, "\">\n<p class=\"toc-title\">");
  append_escaped (out, _("Contents"));
  g_string_append (out, "</p>\n");
  append_toc_level (out, spec_snapshot_get_outline (snapshot), anchors);
  g_string_append (out, "</nav>");

  return g_string_free (out, FALSE);
}

/* The page's language: the one the app speaks, as the likeliest one of
 * what its user writes, in BCP 47 form ("de_AT.UTF-8" gives "de-AT"). */
static char *
dup_language_tag (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = g_strndup (names[i], strcspn (names[i], ".@"));
      gboolean valid = tag[0] != '\0';

      if (g_str_equal (tag, "C") || g_str_equal (tag, "POSIX"))
        continue;

      g_strdelimit (tag, "_", '-');
      for (const char *p = tag; *p != '\0'; p++)
        valid = valid && (g_ascii_isalnum (*p) || *p == '-');

      if (valid)
        return g_steal_pointer (&tag);
    }

  return g_strdup ("en");
}


/* cmark-gfm's renderer gets no extension list: it only feeds the filters
 * extensions such as tagfilter apply to raw HTML, and none is left to
 * render.  Tables, task lists and strikethrough render through their own
 * extension whatever the list. */
static void
append_rendered (GString    *out,
                 cmark_node *document)
{
  cmark_mem *mem = cmark_get_default_mem_allocator ();
  char *html = cmark_render_html_with_mem (document, RENDER_OPTIONS, NULL, mem);

  g_string_append (out, html);
  mem->free (html);
}

static void
append_head (GString    *out,
             const char *title)
{
  g_autofree char *lang = dup_language_tag ();

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_escaped (out, lang);
  g_string_append (out,
                   "\">\n"
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   /* What the page is allowed, should the export have let
                    * anything through: its own styles and embedded images,
                    * no script, no frame, nothing from elsewhere. */
                   "<meta http-equiv=\"Content-Security-Policy\" content=\""
                   "default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n"
                   "<meta name=\"generator\" content=\"Specwright\">\n"
                   "<title>");
  append_escaped (out, title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, spec_export_html_style ());
  g_string_append (out, "</style>\n</head>\n");
}

/**
 * spec_export_html:
 * @snapshot: the document
 * @base_file: (nullable): the document's file, which relative images are
 *   beside; %NULL for a document never saved: then they are left out
 * @title: (nullable): the page's title; %NULL for the one
 *   spec_export_dup_title() gives
 * @flags: what to add or leave out
 * @cancellable: (nullable): checked between the document's blocks
 * @error: set to %G_IO_ERROR_CANCELLED when cancelled
 *
 * Writes the document as one HTML page that needs nothing else: its
 * styles in it, local pictures embedded (PNG, JPEG, GIF and WebP of up to
 * 16 MiB; the others are shown by their description), a table of
 * contents, and ids on the headings equal to the anchors the app uses
 * (see spec_anchor_list_for_sections()).  Raw HTML is shown as text, and
 * the page holds no script and loads nothing.
 *
 * With %SPEC_EXPORT_HTML_FRAGMENT, only the document's content, with the
 * heading ids: no head, styles, table of contents or report.
 *
 * Reads image files: call it from a thread.
 *
 * Returns: (transfer full) (nullable): UTF-8 HTML, or %NULL if cancelled
 */
char *
spec_export_html (SpecSnapshot         *snapshot,
                  GFile                *base_file,
                  const char           *title,
                  SpecExportHtmlFlags   flags,
                  GCancellable         *cancellable,
                  GError              **error)
{
  /* freed after the document, which may hold their text */
  g_autoptr(GPtrArray) detached = NULL;
  g_autoptr(GHashTable) heading_ids = NULL;
  g_autoptr(cmark_node) document = NULL;
  g_auto(GStrv) anchors = NULL;
  g_autofree char *default_title = NULL;
  GPtrArray *sections;
  cmark_node *first = NULL;
  cmark_node *next;
  gboolean first_is_title = FALSE;
  const char *text;
  Export self = { 0 };
  GString *out;
  gsize len;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  sections = spec_snapshot_get_sections (snapshot);
  anchors = spec_anchor_list_for_sections (sections);

  /* A section's heading is a top-level block starting on the section's
   * line, in a parse of the whole text as in one of its segments. */
  heading_ids = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);

      g_hash_table_insert (heading_ids, GINT_TO_POINTER ((int) section->heading_line), anchors[i]);
    }

  detached = g_ptr_array_new_with_free_func ((GDestroyNotify) cmark_node_free);

  self.base_file = base_file;
  self.cancellable = cancellable;
  self.heading_ids = heading_ids;
  self.detached = detached;

  text = spec_snapshot_get_text (snapshot, &len);
  document = spec_markdown_parse (text, len);

  for (cmark_node *block = cmark_node_first_child (document); block != NULL; block = next)
    {
      cmark_node *kept;
      gboolean is_title;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      next = cmark_node_next (block);
      is_title = cmark_node_get_type (block) == CMARK_NODE_HEADING &&
                 cmark_node_get_heading_level (block) == 1;
      kept = export_block (&self, block);

      if (first == NULL && kept != NULL)
        {
          first = kept;
          first_is_title = is_title;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  out = g_string_new (NULL);

  if (flags & SPEC_EXPORT_HTML_FRAGMENT)
    {
      append_rendered (out, document);
      return g_string_free (out, FALSE);
    }

  /* The contents come under the document's title, if it starts with one,
   * and are left out when they would list that title alone. */
  if (sections->len > 1)
    {
      g_autofree char *toc = build_toc (snapshot, anchors);
      cmark_node *node = custom_node_new (CMARK_NODE_CUSTOM_BLOCK, toc, "");

      gboolean inserted;

      if (first != NULL && first_is_title)
        inserted = cmark_node_insert_after (first, node);
      else
        inserted = cmark_node_prepend_child (document, node);

      if (!inserted)
        cmark_node_free (node);
    }

  if (title == NULL)
    title = default_title = spec_export_dup_title (snapshot, base_file);

  append_head (out, title);
  g_string_append (out, "<body>\n<main>\n");
  append_rendered (out, document);
  g_string_append (out, "</main>\n");

  if (flags & SPEC_EXPORT_HTML_REPORT)
    spec_export_html_append_report (out, snapshot, anchors);

  g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}
