/* test-export-html.c: a document as one self-contained HTML page
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "spec-anchor.h"
#include "spec-export-html.h"
#include "spec-markdown.h"
#include "spec-snapshot.h"
#include "spec-test-files.h"

/* A 1×1 PNG, transparent. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
  0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
  0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
  0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
  0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The elements HTML allows no end tag for. */
static const char * const void_elements[] = {
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
  "source", "track", "wbr",
};

static char *
export_snapshot (SpecSnapshot        *snapshot,
                 GFile               *base_file,
                 SpecExportHtmlFlags  flags)
{
  g_autoptr(GError) error = NULL;
  char *html = spec_export_html (snapshot, base_file, "Test & <title>", flags, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (html);
  g_assert_true (g_utf8_validate (html, -1, NULL));

  return html;
}

static char *
export_markdown (const char          *markdown,
                 GFile               *base_file,
                 SpecExportHtmlFlags  flags)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (markdown, -1);

  return export_snapshot (snapshot, base_file, flags);
}

/* What lies between @start and the next @end after it, or "". */
static char *
dup_between (const char *html,
             const char *start,
             const char *end)
{
  const char *from = strstr (html, start);
  const char *to;

  if (from == NULL)
    return g_strdup ("");
  to = strstr (from, end);
  if (to == NULL)
    return g_strdup ("");

  return g_strndup (from, to + strlen (end) - from);
}

/* Every tag of @html, "<a href=…>" or "</a>", in order; the doctype,
 * comments and the stylesheet's text are not tags. */
static GPtrArray *
collect_tags (const char *html)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);
  const char *p = html;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *end;

      if (g_str_has_prefix (p, "<!--"))
        {
          end = strstr (p, "-->");
          g_assert_nonnull (end);
          p = end + 3;
          continue;
        }

      end = strchr (p, '>');
      g_assert_nonnull (end);

      if (!g_str_has_prefix (p, "<!"))
        g_ptr_array_add (tags, g_strndup (p, end + 1 - p));

      if (g_ascii_strncasecmp (p, "<style", 6) == 0)
        {
          end = strstr (end, "</style>");
          g_assert_nonnull (end);
          p = end;
          continue;
        }

      p = end + 1;
    }

  return tags;
}

static char *
tag_name (const char *tag)
{
  const char *p = tag + 1 + (tag[1] == '/');

  return g_ascii_strdown (p, strcspn (p, " \t\n/>"));
}

static gboolean
is_void_element (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (void_elements); i++)
    {
      if (g_str_equal (name, void_elements[i]))
        return TRUE;
    }

  return FALSE;
}

/* Every element that is opened is closed, in order, and no link is
 * inside another. */
static void
assert_balanced (const char *html)
{
  g_autoptr(GPtrArray) tags = collect_tags (html);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = g_ptr_array_index (tags, i);
      g_autofree char *name = tag_name (tag);

      if (tag[1] == '/')
        {
          g_assert_cmpuint (open->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (open, open->len - 1), ==, name);
          g_ptr_array_remove_index (open, open->len - 1);
        }
      else if (!is_void_element (name) && !g_str_has_suffix (tag, "/>"))
        {
          if (g_str_equal (name, "a"))
            {
              for (guint j = 0; j < open->len; j++)
                g_assert_cmpstr (g_ptr_array_index (open, j), !=, "a");
            }
          g_ptr_array_add (open, g_steal_pointer (&name));
        }
    }

  g_assert_cmpuint (open->len, ==, 0);
}

/* Nothing in the page runs or loads: no script, no event handler, no
 * source but an embedded image, no link that runs or reads a file. */
static void
assert_inert (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autoptr(GPtrArray) tags = collect_tags (html);
  g_autoptr(GRegex) handler = g_regex_new ("\\son[a-z]+\\s*=", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) attribute = g_regex_new ("\\s(src|href|action|srcset|poster|data)\\s*=\\s*\"([^\"]*)\"",
                                             G_REGEX_CASELESS, 0, NULL);

  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<iframe"));
  g_assert_null (strstr (lower, "<object"));
  g_assert_null (strstr (lower, "<link"));
  g_assert_null (strstr (lower, "src=\"http"));
  g_assert_null (strstr (lower, "url("));
  g_assert_null (strstr (lower, "@import"));

  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = g_ptr_array_index (tags, i);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_false (g_regex_match (handler, tag, 0, NULL));

      g_regex_match (attribute, tag, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autofree char *value = g_match_info_fetch (match, 2);

          if (g_ascii_strcasecmp (name, "src") == 0)
            g_assert_true (g_str_has_prefix (value, "data:image/png;") ||
                           g_str_has_prefix (value, "data:image/jpeg;") ||
                           g_str_has_prefix (value, "data:image/gif;") ||
                           g_str_has_prefix (value, "data:image/webp;"));
          else if (g_ascii_strcasecmp (name, "href") == 0)
            g_assert_true (value[0] == '\0' || value[0] == '#' ||
                           g_str_has_prefix (value, "http://") ||
                           g_str_has_prefix (value, "https://") ||
                           g_str_has_prefix (value, "mailto:"));
          else
            g_assert_not_reached ();

          g_match_info_next (match, NULL);
        }
    }
}

/* libxml2 2.9's HTML parser knows HTML 4: an HTML5 element is "invalid"
 * to it.  That, and nothing else, may be reported; each message comes
 * with the line it is about and a caret under the place. */
static void
assert_valid_html (const char *html)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) accepted = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  if (xmllint == NULL)
    {
      g_test_fail_printf ("xmllint not found: install libxml2-utils");
      return;
    }

  dir = g_dir_make_tmp ("export-html-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "page.html", NULL);
  g_file_set_contents (path, html, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--html", "--noout", "--nonet", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                  NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  pattern = g_strdup_printf ("^%s:[0-9]+: HTML parser error : Tag (main|nav|section|header|footer|article) invalid$",
                             path);
  accepted = g_regex_new (pattern, 0, 0, NULL);
  lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;

      if (!g_regex_match (accepted, lines[i], 0, NULL))
        g_error ("xmllint: %s", lines[i]);

      /* the line of the page, and the caret */
      for (guint j = 0; j < 2 && lines[i + 1] != NULL; j++)
        i++;
    }

  spec_test_remove_tree (dir);
}

static void
assert_page (const char *html)
{
  assert_valid_html (html);
  assert_balanced (html);
  assert_inert (html);
}

/* Tags out, the entities cmark-gfm and g_markup_escape_text() write
 * decoded, blanks folded: the text a reader sees. */
static char *
html_to_text (const char *html)
{
  static const struct
  {
    const char *entity;
    char        c;
  } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
  };
  g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>", 0, 0, NULL);
  g_autofree char *bare = g_regex_replace_literal (tags, html, -1, 0, "", 0, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = bare; *p != '\0'; p++)
    {
      gboolean decoded = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (entities) && *p == '&'; i++)
        {
          if (g_str_has_prefix (p, entities[i].entity))
            {
              g_string_append_c (out, entities[i].c);
              p += strlen (entities[i].entity) - 1;
              decoded = TRUE;
              break;
            }
        }

      if (decoded)
        continue;

      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }

  g_strchomp (out->str);
  out->len = strlen (out->str);

  return g_string_free (out, FALSE);
}

/* The text of every element matched by @pattern (whose second group is
 * the content), in order. */
static GPtrArray *
collect_element_texts (const char *html,
                       const char *pattern)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL | G_REGEX_UNGREEDY, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *content = g_match_info_fetch (match, 2);

      g_ptr_array_add (texts, html_to_text (content));
      g_match_info_next (match, NULL);
    }

  return texts;
}

/* The plain text of every heading, and of every table cell, of a parse. */
static void
collect_source_texts (const char *markdown,
                      gsize       len,
                      GPtrArray  *headings,
                      GPtrArray  *cells)
{
  g_autoptr(cmark_node) document = spec_markdown_parse (markdown, len);
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        g_ptr_array_add (headings, spec_markdown_node_get_plain_text (node));
      else if (spec_markdown_node_is (node, "table_cell"))
        g_ptr_array_add (cells, spec_markdown_node_get_plain_text (node));
    }

  cmark_iter_free (iter);
}

static void
assert_same_texts (GPtrArray *expected,
                   GPtrArray *found)
{
  for (guint i = 0; i < MIN (expected->len, found->len); i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, g_ptr_array_index (expected, i));

  g_assert_cmpuint (found->len, ==, expected->len);
}

static char *
render_tree (SpecSnapshot *snapshot)
{
  char *xml = cmark_render_xml (spec_snapshot_get_document (snapshot), CMARK_OPT_SOURCEPOS);
  char *copy = g_strdup (xml);

  free (xml);

  return copy;
}

static void
test_seeds (void)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();

  if (seeds == NULL || seeds[0] == NULL)
    {
      g_test_skip ("no seeds: set SPEC_SEEDS_DIR");
      return;
    }

  for (guint i = 0; seeds[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (seeds[i]);
      g_autoptr(SpecSnapshot) snapshot = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) found_headings = NULL;
      g_autoptr(GPtrArray) found_cells = NULL;
      g_autofree char *text = NULL;
      g_autofree char *html = NULL;
      g_autofree char *fragment = NULL;
      g_autofree char *main_part = NULL;
      g_autofree char *tree_before = NULL;
      g_autofree char *tree_after = NULL;
      gsize len;

      g_test_message ("%s", seeds[i]);

      g_file_get_contents (seeds[i], &text, &len, &error);
      g_assert_no_error (error);
      snapshot = spec_snapshot_new (text, (gssize) len);
      tree_before = render_tree (snapshot);

      html = export_snapshot (snapshot, file, SPEC_EXPORT_HTML_REPORT);
      g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\""));
      g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
      g_assert_nonnull (strstr (html, "<meta name=\"color-scheme\" content=\"light dark\">"));
      g_assert_nonnull (strstr (html, "<title>Test &amp; &lt;title&gt;</title>"));
      g_assert_nonnull (strstr (html, "<nav class=\"toc\""));
      g_assert_nonnull (strstr (html, "<section class=\"report\">"));
      assert_page (html);

      /* every heading and every table cell, in order, in the body */
      collect_source_texts (text, len, headings, cells);
      g_assert_cmpuint (headings->len, >, 0);
      main_part = dup_between (html, "<main>", "</main>");
      found_headings = collect_element_texts (main_part, "<h([1-6])[^>]*>(.*)</h\\1>");
      assert_same_texts (headings, found_headings);
      found_cells = collect_element_texts (main_part, "<t([hd])(?: [^>]*)?>(.*)</t\\1>");
      assert_same_texts (cells, found_cells);

      fragment = export_snapshot (snapshot, file, SPEC_EXPORT_HTML_FRAGMENT);
      assert_balanced (fragment);
      assert_inert (fragment);

      /* the snapshot's tree is shared: the export works on its own */
      tree_after = render_tree (snapshot);
      g_assert_cmpstr (tree_after, ==, tree_before);
    }
}

static void
test_raw_html (void)
{
  g_autofree char *html = export_markdown ("# Raw\n"
                                           "\n"
                                           "<script>alert(1)</script>\n"
                                           "\n"
                                           "Some <b onclick=x>bold</b> text<!-- a note --> here.\n"
                                           "\n"
                                           "<!-- ACTION REQUIRED: fill this in -->\n"
                                           "\n"
                                           "<div onmouseover=\"steal()\">\n"
                                           "<!-- hidden -->\n"
                                           "<img src=x onerror=alert(2)>\n"
                                           "</div>\n"
                                           "\n"
                                           "> <iframe src=\"https://example.com\"></iframe>\n",
                                           NULL, SPEC_EXPORT_HTML_DEFAULT);

  assert_page (html);

  /* shown as written, never run, never dropped */
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;b onclick=x&gt;bold&lt;/b&gt;"));
  g_assert_nonnull (strstr (html, "&lt;div onmouseover=&quot;steal()&quot;&gt;"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(2)&gt;"));
  g_assert_nonnull (strstr (html, "&lt;iframe src=&quot;https://example.com&quot;&gt;"));
  g_assert_nonnull (strstr (html, "<div class=\"raw-html\">"));

  /* comments are notes to the editor, hidden as in the preview */
  g_assert_null (strstr (html, "a note"));
  g_assert_null (strstr (html, "ACTION REQUIRED"));
  g_assert_null (strstr (html, "hidden"));
  g_assert_null (strstr (html, "raw HTML omitted"));
}

static void
test_links (void)
{
  g_autofree char *html = export_markdown ("# Links\n"
                                           "\n"
                                           "[js](javascript:alert(1)) [JS](JavaScript:alert(1)) "
                                           "[vb](vbscript:msgbox) [file](file:///etc/passwd) "
                                           "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
                                           "[web](https://example.com/a?b=1&c=2) [mail](mailto:a@example.com) "
                                           "[here](#links)\n"
                                           "\n"
                                           "<javascript:alert(3)> www.example.org\n",
                                           NULL, SPEC_EXPORT_HTML_DEFAULT);
  g_autofree char *lower = g_ascii_strdown (html, -1);

  assert_page (html);

  /* blanked, shown as text at most */
  g_assert_null (strstr (lower, "href=\"javascript:"));
  g_assert_null (strstr (lower, "href=\"vbscript:"));
  g_assert_null (strstr (lower, "href=\"file:"));
  g_assert_null (strstr (lower, "href=\"data:"));
  g_assert_nonnull (strstr (html, "<a href=\"\">js</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"\">file</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"\">data</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"\">javascript:alert(3)</a>"));

  /* ordinary links stay */
  g_assert_nonnull (strstr (html, "<a href=\"https://example.com/a?b=1&amp;c=2\">web</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"mailto:a@example.com\">mail</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#links\">here</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"http://www.example.org\">www.example.org</a>"));
}

static void
test_extensions (void)
{
  g_autofree char *html = export_markdown ("# GFM\n"
                                           "\n"
                                           "| Name | Value |\n"
                                           "|------|:-----:|\n"
                                           "| a    | `b`   |\n"
                                           "\n"
                                           "- [ ] open\n"
                                           "- [x] done\n"
                                           "\n"
                                           "~~gone~~ and https://example.com and a note[^1].\n"
                                           "\n"
                                           "[^1]: The note.\n",
                                           NULL, SPEC_EXPORT_HTML_DEFAULT);

  assert_page (html);

  g_assert_nonnull (strstr (html, "<th>Name</th>"));
  g_assert_nonnull (strstr (html, "<td align=\"center\"><code>b</code></td>"));
  g_assert_nonnull (strstr (html, "<input type=\"checkbox\" disabled=\"\" /> open"));
  g_assert_nonnull (strstr (html, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"));
  g_assert_nonnull (strstr (html, "<del>gone</del>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.com\">https://example.com</a>"));
  g_assert_nonnull (strstr (html, "<section class=\"footnotes\""));
  g_assert_nonnull (strstr (html, "The note."));
}

static char *
build_path (const char *dir,
            const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const void *data,
            gssize      len)
{
  g_autofree char *path = build_path (dir, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* "../" enough times to reach the root from @dir, then @path. */
static char *
up_to_root (const char *dir,
            const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = dir; *p != '\0'; p++)
    {
      if (*p == '/')
        g_string_append (out, "../");
    }
  g_string_append (out, "../");
  g_string_append (out, path);

  return g_string_free (out, FALSE);
}

static void
run_images (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("export-html-XXXXXX", &error);
  g_autofree char *doc = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *link = NULL;
  g_autofree char *zero_link = NULL;
  g_autofree char *up_zero = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autofree char *base64 = g_base64_encode (tiny_png, sizeof tiny_png);
  g_autofree char *img = NULL;
  g_autoptr(GFile) base_file = NULL;
  const char *p;
  guint n_images = 0;
  int fd;

  g_assert_no_error (error);
  doc = build_path (dir, "spec.md");
  base_file = g_file_new_for_path (doc);

  write_file (dir, "pic.png", tiny_png, sizeof tiny_png);
  write_file (dir, "fake.png", "This is not a picture.\n", -1);
  write_file (dir, "drawing.svg",
              "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n", -1);

  /* followed: a picture kept elsewhere */
  link = build_path (dir, "link.png");
  g_assert_cmpint (symlink ("pic.png", link), ==, 0);
  /* followed, then refused: not a regular file */
  zero_link = build_path (dir, "zero.png");
  g_assert_cmpint (symlink ("/dev/zero", zero_link), ==, 0);
  fifo = build_path (dir, "fifo.png");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  folder = build_path (dir, "folder.png");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* a PNG by its first bytes, 16 MiB and one byte long: too large */
  huge = build_path (dir, "huge.png");
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, tiny_png, sizeof tiny_png), ==, sizeof tiny_png);
  g_assert_cmpint (ftruncate (fd, 16 * 1024 * 1024 + 1), ==, 0);
  close (fd);

  up_zero = up_to_root (dir, "dev/zero");
  markdown = g_strdup_printf ("# Images\n"
                              "\n"
                              "![local pic](pic.png)\n"
                              "\n"
                              "![linked pic](link.png \"A title\")\n"
                              "\n"
                              "![remote pic](http://127.0.0.1:9/x.png)\n"
                              "\n"
                              "[![linked remote](https://127.0.0.1:9/y.png)](https://example.com/)\n"
                              "\n"
                              "![zero](../../../../dev/zero) ![deep zero](%s) ![zero link](zero.png)\n"
                              "\n"
                              "![fifo](fifo.png) ![folder](folder.png) ![huge](huge.png)\n"
                              "\n"
                              "![fake](fake.png) ![svg](drawing.svg) ![missing](nope.png) ![](nope.png)\n"
                              "\n"
                              "| Picture |\n"
                              "|---------|\n"
                              "| ![in a cell](nope.png) |\n",
                              up_zero);

  html = export_markdown (markdown, base_file, SPEC_EXPORT_HTML_DEFAULT);
  assert_page (html);

  /* the local picture and the link to it are embedded, nothing else */
  img = g_strdup_printf ("<img src=\"data:image/png;base64,%s\" alt=\"local pic\" />", base64);
  g_assert_nonnull (strstr (html, img));
  g_clear_pointer (&img, g_free);
  img = g_strdup_printf ("<img src=\"data:image/png;base64,%s\" alt=\"linked pic\" title=\"A title\" />", base64);
  g_assert_nonnull (strstr (html, img));
  for (p = html; (p = strstr (p, "<img")) != NULL; p++)
    n_images++;
  g_assert_cmpuint (n_images, ==, 2);

  /* remote: a link the reader may follow, never loaded */
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">"
                                  "<a href=\"http://127.0.0.1:9/x.png\">remote pic</a></span>"));
  /* inside a link, no second link */
  g_assert_nonnull (strstr (html, "<a href=\"https://example.com/\">"
                                  "<span class=\"missing-image\">linked remote</span></a>"));

  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">zero</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">deep zero</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">zero link</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">fifo</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">folder</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">huge</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">fake</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">svg</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">missing</span>"));
  /* without a description, its address says which */
  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">nope.png</span>"));
  /* a table cell takes no frame: the description alone */
  g_assert_nonnull (strstr (html, "<td>in a cell</td>"));

  spec_test_remove_tree (dir);
}

/* A FIFO or /dev/zero read by mistake would hang the export or fill the
 * memory: the export runs in a child given a few seconds. */
static void
test_images (void)
{
  if (g_test_subprocess ())
    {
      run_images ();
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_images_unsaved (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("export-html-XXXXXX", &error);
  g_autofree char *pic = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;

  g_assert_no_error (error);
  write_file (dir, "pic.png", tiny_png, sizeof tiny_png);
  pic = build_path (dir, "pic.png");

  /* beside a document never saved, a relative path leads nowhere; an
   * absolute one stands for itself */
  markdown = g_strdup_printf ("![relative](pic.png) ![absolute](%s)\n", pic);
  html = export_markdown (markdown, NULL, SPEC_EXPORT_HTML_DEFAULT);
  assert_page (html);

  g_assert_nonnull (strstr (html, "<span class=\"missing-image\">relative</span>"));
  g_assert_nonnull (strstr (html, "<img src=\"data:image/png;base64,"));
  g_assert_nonnull (strstr (html, "alt=\"absolute\""));

  spec_test_remove_tree (dir);
}

static GPtrArray *
collect_matches (const char *html,
                 const char *pattern)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (found, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }

  return found;
}

static void
test_anchors (void)
{
  const char *markdown = "# Spec\n"
                         "\n"
                         "## Setup\n"
                         "\n"
                         "## Setup\n"
                         "\n"
                         "> ## Quoted\n"
                         "\n"
                         "- ## In a list\n"
                         "\n"
                         "### Setup 1\n"
                         "\n"
                         "## Überblick & `<more>`\n"
                         "\n"
                         "## 🚀\n"
                         "\n"
                         "Setext\n"
                         "------\n";
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (markdown, -1);
  g_auto(GStrv) anchors = spec_anchor_list_for_sections (spec_snapshot_get_sections (snapshot));
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) toc_links = NULL;
  g_autoptr(GHashTable) unique = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *html = export_snapshot (snapshot, NULL, SPEC_EXPORT_HTML_DEFAULT);
  g_autofree char *main_part = dup_between (html, "<main>", "</main>");
  g_autofree char *toc = dup_between (html, "<nav class=\"toc\"", "</nav>");

  assert_page (html);

  g_assert_cmpstrv (anchors, ((const char * const[]) { "spec", "setup", "setup-1", "setup-1-1",
                                                       "überblick--more", "", "setext", NULL }));

  /* the ids are the app's anchors; "🚀" leaves nothing for one */
  for (guint i = 0; anchors[i] != NULL; i++)
    {
      if (anchors[i][0] != '\0')
        g_ptr_array_add (expected, anchors[i]);
    }
  g_ptr_array_add (expected, NULL);

  ids = collect_matches (main_part, "<h[1-6] id=\"([^\"]*)\">");
  g_ptr_array_add (ids, NULL);
  g_assert_cmpstrv ((char **) ids->pdata, (char **) expected->pdata);
  for (guint i = 0; i + 1 < ids->len; i++)
    g_assert_true (g_hash_table_add (unique, g_ptr_array_index (ids, i)));

  /* headings in a quote or a list are no sections: no anchor */
  g_assert_nonnull (strstr (main_part, "<h2>Quoted</h2>"));
  g_assert_nonnull (strstr (main_part, "<h2>In a list</h2>"));
  g_assert_nonnull (strstr (main_part, "<h2>🚀</h2>"));
  g_assert_nonnull (strstr (main_part, "Überblick &amp; <code>&lt;more&gt;</code>"));

  /* the contents come under the title, link to the ids, and nest */
  g_assert_nonnull (strstr (main_part, "</h1>\n<nav class=\"toc\""));
  toc_links = collect_matches (toc, "href=\"#([^\"]*)\"");
  g_assert_cmpuint (toc_links->len, ==, g_hash_table_size (unique));
  for (guint i = 0; i < toc_links->len; i++)
    g_assert_true (g_hash_table_contains (unique, g_ptr_array_index (toc_links, i)));
  g_assert_nonnull (strstr (toc, "<li><a href=\"#spec\">Spec</a>\n<ul>\n<li><a href=\"#setup\">Setup</a></li>\n"));
  g_assert_nonnull (strstr (toc, "<li><a href=\"#setup-1\">Setup</a>\n<ul>\n"
                                 "<li><a href=\"#setup-1-1\">Setup 1</a></li>\n</ul>\n</li>\n"));
  g_assert_nonnull (strstr (toc, "<li><a href=\"#überblick--more\">Überblick &amp; &lt;more&gt;</a></li>"));
  g_assert_nonnull (strstr (toc, "<li>🚀</li>"));
}

static void
test_report (void)
{
  const char *markdown = "# Spec\n"
                         "\n"
                         "## Goals\n"
                         "\n"
                         "[PLACEHOLDER]\n"
                         "\n"
                         "## Done\n"
                         "\n"
                         "All written.\n"
                         "\n"
                         "## Checks\n"
                         "\n"
                         "- [x] one\n"
                         "- [ ] two\n";
  g_autofree char *html = export_markdown (markdown, NULL, SPEC_EXPORT_HTML_REPORT);
  g_autofree char *report = dup_between (html, "<section class=\"report\">", "</section>");
  g_autofree char *plain = export_markdown (markdown, NULL, SPEC_EXPORT_HTML_DEFAULT);

  assert_page (html);

  g_assert_cmpstr (report, !=, "");
  g_assert_nonnull (strstr (report, "<a href=\"#goals\">Goals</a>"));
  g_assert_nonnull (strstr (report, "<code>[PLACEHOLDER]</code>"));
  g_assert_nonnull (strstr (report, "<a href=\"#checks\">Checks</a>"));
  g_assert_nonnull (strstr (report, "1 of 2 done"));
  /* The summary, in the words of the progress indicator's tooltip. */
  g_assert_nonnull (strstr (report, "<p class=\"counts\">1 placeholder, 0 clarifications, Checklist: 1 of 2 done</p>"));
  g_assert_null (strstr (report, "#done"));
  /* after the document */
  g_assert_true (strstr (html, "</main>") < strstr (html, "<section class=\"report\">"));

  assert_page (plain);
  g_assert_null (strstr (plain, "class=\"report\""));
}

static void
test_fragment (void)
{
  g_autofree char *html = export_markdown ("# Spec\n"
                                           "\n"
                                           "## Goals\n"
                                           "\n"
                                           "[PLACEHOLDER] <b>x</b>\n",
                                           NULL,
                                           SPEC_EXPORT_HTML_FRAGMENT | SPEC_EXPORT_HTML_REPORT);

  assert_balanced (html);
  assert_inert (html);

  g_assert_true (g_str_has_prefix (html, "<h1 id=\"spec\">"));
  g_assert_nonnull (strstr (html, "<h2 id=\"goals\">"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;x&lt;/b&gt;"));
  g_assert_null (strstr (html, "<!DOCTYPE"));
  g_assert_null (strstr (html, "<html"));
  g_assert_null (strstr (html, "<head"));
  g_assert_null (strstr (html, "<style"));
  g_assert_null (strstr (html, "<nav"));
  g_assert_null (strstr (html, "class=\"report\""));
}

static void
test_cancelled (void)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new ("# Spec\n\nText.\n", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  g_cancellable_cancel (cancellable);
  html = spec_export_html (snapshot, NULL, "Spec", SPEC_EXPORT_HTML_DEFAULT, cancellable, &error);

  g_assert_null (html);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-html/seeds", test_seeds);
  g_test_add_func ("/export-html/raw-html", test_raw_html);
  g_test_add_func ("/export-html/links", test_links);
  g_test_add_func ("/export-html/extensions", test_extensions);
  g_test_add_func ("/export-html/images", test_images);
  g_test_add_func ("/export-html/images/unsaved", test_images_unsaved);
  g_test_add_func ("/export-html/anchors", test_anchors);
  g_test_add_func ("/export-html/report", test_report);
  g_test_add_func ("/export-html/fragment", test_fragment);
  g_test_add_func ("/export-html/cancelled", test_cancelled);

  return g_test_run ();
}
