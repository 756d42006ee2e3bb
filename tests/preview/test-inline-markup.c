/* test-inline-markup.c: inline Markdown to Pango markup, without a display
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "spec-inline-markup.h"
#include "spec-markdown.h"

/* The markup of the first block of @text, which must hold inlines. */
static char *
markup_of (const char *text)
{
  g_autoptr(cmark_node) document = spec_markdown_parse (text, strlen (text));
  cmark_node *block = cmark_node_first_child (document);

  g_assert_nonnull (block);

  return spec_inline_markup_from_node (block);
}

/* What GtkLabel's own parser sees: well-formed markup, the text it shows
 * and the attributes of its links. */
typedef struct
{
  GString   *text;
  GPtrArray *hrefs;
  GPtrArray *titles;
} ParsedMarkup;

static void
parsed_start_element (GMarkupParseContext  *context,
                      const char           *element_name,
                      const char          **attribute_names,
                      const char          **attribute_values,
                      gpointer              user_data,
                      GError              **error)
{
  ParsedMarkup *parsed = user_data;

  if (!g_str_equal (element_name, "a"))
    return;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (g_str_equal (attribute_names[i], "href"))
        g_ptr_array_add (parsed->hrefs, g_strdup (attribute_values[i]));
      else if (g_str_equal (attribute_names[i], "title"))
        g_ptr_array_add (parsed->titles, g_strdup (attribute_values[i]));
    }
}

static void
parsed_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 text_len,
             gpointer              user_data,
             GError              **error)
{
  ParsedMarkup *parsed = user_data;

  g_string_append_len (parsed->text, text, text_len);
}

static void
parsed_markup_clear (ParsedMarkup *parsed)
{
  g_string_free (parsed->text, TRUE);
  g_ptr_array_unref (parsed->hrefs);
  g_ptr_array_unref (parsed->titles);
}

static void
parse_markup (const char   *markup,
              ParsedMarkup *parsed)
{
  static const GMarkupParser parser = {
    .start_element = parsed_start_element,
    .text = parsed_text,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr(GError) error = NULL;

  parsed->text = g_string_new (NULL);
  parsed->hrefs = g_ptr_array_new_with_free_func (g_free);
  parsed->titles = g_ptr_array_new_with_free_func (g_free);

  context = g_markup_parse_context_new (&parser, 0, parsed, NULL);
  g_markup_parse_context_parse (context, wrapped, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

/* Pango accepts markup without links; the check for the rest is above. */
static void
assert_valid_pango (const char *markup)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_escaping (void)
{
  g_autofree char *markup = markup_of ("a < b & c > d \"q\" 'a' &amp; \\<x\\>");

  g_assert_cmpstr (markup, ==,
                   "a &lt; b &amp; c &gt; d &quot;q&quot; &apos;a&apos; &amp; &lt;x&gt;");
  assert_valid_pango (markup);
}

static void
test_emphasis (void)
{
  g_autofree char *simple = markup_of ("*em* and **strong** and _u_");
  g_autofree char *nested = markup_of ("*a **b** c* and ***both***");
  g_autofree char *escaped = markup_of ("**<b>** *&*");

  g_assert_cmpstr (simple, ==, "<i>em</i> and <b>strong</b> and <i>u</i>");
  g_assert_cmpstr (nested, ==, "<i>a <b>b</b> c</i> and <i><b>both</b></i>");
  g_assert_cmpstr (escaped, ==, "<b>&lt;b&gt;</b> <i>&amp;</i>");
  assert_valid_pango (nested);
  assert_valid_pango (escaped);
}

static void
test_strikethrough (void)
{
  g_autofree char *markup = markup_of ("~~gone~~ and ~~*both*~~");

  g_assert_cmpstr (markup, ==, "<s>gone</s> and <s><i>both</i></s>");
  assert_valid_pango (markup);
}

static void
test_code (void)
{
  g_autofree char *markup = markup_of ("run `a<b && *c*` now");
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (markup, "font_family=\"monospace\""));
  g_assert_nonnull (strstr (markup, "a&lt;b &amp;&amp; *c*"));

  /* the code is monospace and only the code */
  g_assert_true (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "run a<b && *c* now");

  {
    PangoAttrIterator *iter = pango_attr_list_get_iterator (attrs);
    gboolean found = FALSE;

    do
      {
        PangoAttribute *attr = pango_attr_iterator_get (iter, PANGO_ATTR_FAMILY);
        int start, end;

        pango_attr_iterator_range (iter, &start, &end);
        if (attr != NULL)
          {
            g_assert_cmpstr (((PangoAttrString *) attr)->value, ==, "monospace");
            g_assert_cmpint (start, ==, strlen ("run "));
            g_assert_cmpint (end, ==, strlen ("run a<b && *c*"));
            found = TRUE;
          }
      }
    while (pango_attr_iterator_next (iter));

    pango_attr_iterator_destroy (iter);
    g_assert_true (found);
  }

  pango_attr_list_unref (attrs);
}

static void
test_links (void)
{
  g_autofree char *markup = markup_of ("see [the *spec*](http://x.org/?a=1&b=\"2\"<3) now");
  ParsedMarkup parsed;

  parse_markup (markup, &parsed);

  /* The href reaches GtkLabel exactly as cmark resolved it. */
  g_assert_cmpuint (parsed.hrefs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 0), ==, "http://x.org/?a=1&b=\"2\"<3");
  g_assert_cmpstr (parsed.text->str, ==, "see the spec now");
  g_assert_nonnull (strstr (markup, "<i>spec</i></a>"));

  /* The tooltip shows the target. */
  g_assert_cmpuint (parsed.titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (parsed.titles, 0), ==,
                   "http://x.org/?a=1&amp;b=&quot;2&quot;&lt;3");
  assert_valid_pango (g_ptr_array_index (parsed.titles, 0));

  parsed_markup_clear (&parsed);
}

static void
test_link_title (void)
{
  g_autofree char *markup = markup_of ("[t](/u \"A & <B>\")");
  ParsedMarkup parsed;
  g_autofree char *tooltip_text = NULL;

  parse_markup (markup, &parsed);

  /* The title attribute is markup in turn: it must show the title and the
   * target as written. */
  g_assert_cmpuint (parsed.titles->len, ==, 1);
  g_assert_true (pango_parse_markup (g_ptr_array_index (parsed.titles, 0), -1, 0,
                                     NULL, &tooltip_text, NULL, NULL));
  g_assert_cmpstr (tooltip_text, ==, "A & <B>\n/u");

  parsed_markup_clear (&parsed);
}

static void
test_reference_link (void)
{
  g_autofree char *markup = markup_of ("[Spec] and [x][spec]\n\n[spec]: https://a.example/s \"S\"\n");
  ParsedMarkup parsed;

  parse_markup (markup, &parsed);
  g_assert_cmpuint (parsed.hrefs->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 0), ==, "https://a.example/s");
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 1), ==, "https://a.example/s");
  g_assert_cmpstr (parsed.text->str, ==, "Spec and x");
  parsed_markup_clear (&parsed);
}

static void
test_autolinks (void)
{
  g_autofree char *markup = markup_of ("<https://a.example/?q=1&r=2> and www.example.com and <me@example.com>");
  ParsedMarkup parsed;

  parse_markup (markup, &parsed);
  g_assert_cmpuint (parsed.hrefs->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 0), ==, "https://a.example/?q=1&r=2");
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 1), ==, "http://www.example.com");
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 2), ==, "mailto:me@example.com");
  parsed_markup_clear (&parsed);
}

/* A label cannot nest links, nor show one without a target. */
static void
test_links_never_nest (void)
{
  g_autofree char *nested = markup_of ("[see www.example.com](https://b.example)");
  g_autofree char *empty = markup_of ("[nothing]() here");
  ParsedMarkup parsed;

  parse_markup (nested, &parsed);
  g_assert_cmpuint (parsed.hrefs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (parsed.hrefs, 0), ==, "https://b.example");
  g_assert_cmpstr (parsed.text->str, ==, "see www.example.com");
  parsed_markup_clear (&parsed);

  g_assert_cmpstr (empty, ==, "nothing here");
}

static void
test_breaks (void)
{
  g_autofree char *soft = markup_of ("one\ntwo");
  g_autofree char *hard_spaces = markup_of ("one  \ntwo");
  g_autofree char *hard_backslash = markup_of ("one\\\ntwo");

  g_assert_cmpstr (soft, ==, "one two");
  g_assert_cmpstr (hard_spaces, ==, "one\ntwo");
  g_assert_cmpstr (hard_backslash, ==, "one\ntwo");
}

static void
test_inline_html (void)
{
  g_autofree char *html = markup_of ("a <span class=\"x\">b</span> c");
  g_autofree char *comment = markup_of ("a <!-- hidden --> b");

  g_assert_cmpstr (html, ==, "a &lt;span class=&quot;x&quot;&gt;b&lt;/span&gt; c");
  assert_valid_pango (html);
  g_assert_cmpstr (comment, ==, "a  b");
}

static void
test_images (void)
{
  g_autofree char *markup = markup_of ("see ![a *b* `c`](i.png \"t\") here");

  /* only the words of the alt text, as plain text */
  g_assert_cmpstr (markup, ==, "see <i>a b c</i> here");
}

static void
test_footnote_reference (void)
{
  g_autofree char *markup = markup_of ("x[^b] y[^a] z[^b]\n\n[^a]: A\n[^b]: B\n");

  /* numbered by first reference */
  g_assert_cmpstr (markup, ==, "x<sup>[1]</sup> y<sup>[2]</sup> z<sup>[1]</sup>");
  assert_valid_pango (markup);
}

static void
test_heading_and_cell (void)
{
  g_autofree char *heading = markup_of ("## A *b* & `c` ##\n");
  g_autoptr(cmark_node) document = NULL;
  const char *table = "| *a* | b |\n|---|---|\n| `x<y` | [l](https://l.example) |\n";
  cmark_node *row;
  cmark_node *cell;
  g_autofree char *cell_markup = NULL;

  g_assert_cmpstr (heading, ==,
                   "A <i>b</i> &amp; <span font_family=\"monospace\" background=\"#808080\" bgalpha=\"20%\">c</span>");

  document = spec_markdown_parse (table, strlen (table));
  row = cmark_node_first_child (cmark_node_first_child (document));
  cell = cmark_node_first_child (row);
  g_assert_true (spec_markdown_node_is (cell, "table_cell"));
  cell_markup = spec_inline_markup_from_node (cell);
  g_assert_cmpstr (cell_markup, ==, "<i>a</i>");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *markup = NULL;

  /* 150 levels of strong emphasis around one word */
  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, '*');
  g_string_append (text, "x");
  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, '*');

  markup = markup_of (text->str);
  assert_valid_pango (markup);
  g_assert_nonnull (strstr (markup, "<b><b><b><b>x</b></b></b></b>"));
}

static void
test_strip_html_comments (void)
{
  static const struct {
    const char *html;
    const char *visible;
  } cases[] = {
    { "<!-- a -->", "" },
    { "<!--\n  multi\n  line\n-->\n", "\n" },
    { "x<!-- a -->y<!--b-->z", "xyz" },
    { "<div>\n<!-- note -->\n</div>", "<div>\n\n</div>" },
    { "a<!-- never closed", "a" },
    { "<!-->x", "x" },
    { "<!--->y", "y" },
    { "<p>no comment</p>", "<p>no comment</p>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *visible = spec_markdown_strip_html_comments (cases[i].html);

      g_assert_cmpstr (visible, ==, cases[i].visible);
    }

  g_assert_true (spec_markdown_is_html_comment ("<!-- x -->"));
  g_assert_false (spec_markdown_is_html_comment ("<span>"));
  g_assert_false (spec_markdown_is_html_comment (NULL));
}

static void
test_uri_can_open (void)
{
  g_assert_true (spec_inline_markup_uri_can_open ("http://example.com"));
  g_assert_true (spec_inline_markup_uri_can_open ("https://example.com/a?b#c"));
  g_assert_true (spec_inline_markup_uri_can_open ("HTTPS://EXAMPLE.COM"));
  g_assert_true (spec_inline_markup_uri_can_open ("mailto:me@example.com"));

  g_assert_false (spec_inline_markup_uri_can_open ("javascript:alert(1)"));
  g_assert_false (spec_inline_markup_uri_can_open ("file:///etc/passwd"));
  g_assert_false (spec_inline_markup_uri_can_open ("ftp://example.com"));
  g_assert_false (spec_inline_markup_uri_can_open ("/relative/path"));
  g_assert_false (spec_inline_markup_uri_can_open ("#anchor"));
  g_assert_false (spec_inline_markup_uri_can_open ("www.example.com"));
  g_assert_false (spec_inline_markup_uri_can_open (""));
  g_assert_false (spec_inline_markup_uri_can_open (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inline-markup/escaping", test_escaping);
  g_test_add_func ("/inline-markup/emphasis", test_emphasis);
  g_test_add_func ("/inline-markup/strikethrough", test_strikethrough);
  g_test_add_func ("/inline-markup/code", test_code);
  g_test_add_func ("/inline-markup/links", test_links);
  g_test_add_func ("/inline-markup/link-title", test_link_title);
  g_test_add_func ("/inline-markup/reference-link", test_reference_link);
  g_test_add_func ("/inline-markup/autolinks", test_autolinks);
  g_test_add_func ("/inline-markup/links-never-nest", test_links_never_nest);
  g_test_add_func ("/inline-markup/breaks", test_breaks);
  g_test_add_func ("/inline-markup/inline-html", test_inline_html);
  g_test_add_func ("/inline-markup/images", test_images);
  g_test_add_func ("/inline-markup/footnote-reference", test_footnote_reference);
  g_test_add_func ("/inline-markup/heading-and-cell", test_heading_and_cell);
  g_test_add_func ("/inline-markup/deep-nesting", test_deep_nesting);
  g_test_add_func ("/inline-markup/strip-html-comments", test_strip_html_comments);
  g_test_add_func ("/inline-markup/uri-can-open", test_uri_can_open);

  return g_test_run ();
}
