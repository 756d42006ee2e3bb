/* test-preview-text.c: the preview shows the words cmark-gfm renders
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "corpus-examples.h"
#include "preview-fixture.h"
#include "spec-image-block.h"
#include "spec-markdown.h"
#include "spec-preview.h"
#include "spec-test-utils.h"

/* Every example of the CommonMark and GFM specifications, and of
 * cmark-gfm's extension tests (the only ones with footnotes), is shown in
 * the preview, and the preview's visible text is compared with the text of
 * cmark-gfm's own HTML for the same input.  No example may crash or log a
 * warning or critical (they are fatal).
 *
 * The reference.  The input is parsed with spec_markdown_parse(), the
 * parser setup the preview itself uses, and rendered by
 * cmark_render_html() with the same options and extensions.  Specwright has
 * no HTML engine: it shows raw HTML, blocks and inline, as the text the
 * author typed, and hides only HTML comments, as a browser does.  Before
 * rendering, the reference tree gets the same treatment, so that it is
 * cmark's rendering "with raw HTML escaped":
 *
 *  - an inline HTML node that is a comment (starts with "<!--") is removed;
 *    any other becomes a text node holding its source, which cmark escapes
 *    (inside an image too, where the alt text is made of it);
 *  - an HTML block loses its `<!-- ... -->` comments (an unterminated one
 *    runs to the end, as in a browser) and the rest is escaped, so it shows
 *    as its source.
 *
 * The HTML is then turned into text: tags dropped (block-level ones count
 * as white space), entities decoded, comments dropped; an image counts as
 * its alt text.  Footnote references are drawn as "[n]" by the preview, so
 * the reference brackets the number cmark puts in its `footnote-ref`
 * superscript; the "↩" links back from footnotes are navigation, not text,
 * and are dropped.
 *
 * The preview's text is that of every visible GtkLabel (markup stripped)
 * and GtkTextView, in widget-tree order, skipping what is not visible or
 * not child-visible.  The markers drawn in front of list items and
 * footnotes ("•", "◦", "▪", "3.", "3)", "[1]", labels of the style class
 * "list-marker") and task check boxes are decoration, which a browser
 * draws itself from cmark's <ol>, <ul> and <input>: neither text has them.
 * An image the preview cannot show becomes a placeholder: its alt text
 * counts, but the caption saying why there is no picture ("Missing image:
 * /url", labels of the style class "image-reason") is the preview's status,
 * where a browser would draw its broken-image icon, and is skipped.
 * Images among words are their alt text in the line and show again below
 * it (a label holds no pictures): that row (style class "images" in a
 * "paragraph-with-images") repeats the line, and is skipped.
 *
 * Normalisation, the same for both texts: every run of ASCII white space
 * (space, tab, line feed, carriage return, vertical tab, form feed)
 * becomes one space, and the ends are trimmed.  Line breaks, indentation
 * of code and the gaps between blocks are layout, not text.  Everything
 * else, punctuation and non-breaking spaces included, must match exactly.
 *
 * An example whose texts differ must be listed below with the reason; an
 * example listed that matches fails the test too, so the list stays true.
 */

typedef struct
{
  const char *spec;
  guint       number;   /* as numbered in the specification */
  const char *reason;
} Exception;

/* Examples whose texts may differ, one line of reason each, as in
 *   { "commonmark-spec.txt", 583, "image without alt text shows a caption" },
 * None is needed: every example of the three files matches.  The row
 * below only ends the list. */
static const Exception exceptions[] = {
  { NULL, 0, NULL },
};

static const Exception *
find_exception (const char *spec,
                guint       number)
{
  for (guint i = 0; i < G_N_ELEMENTS (exceptions); i++)
    {
      if (exceptions[i].spec != NULL &&
          g_str_equal (exceptions[i].spec, spec) &&
          exceptions[i].number == number)
        return &exceptions[i];
    }

  return NULL;
}

/* Normalisation */

static gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Every run of white space becomes one space; none at the ends. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_ascii_space (*p))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The reference: cmark-gfm's HTML as text */

static void
append_html_escaped (GString    *out,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;

        case '<':
          g_string_append (out, "&lt;");
          break;

        case '>':
          g_string_append (out, "&gt;");
          break;

        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/* What a browser shows of an HTML block's source, as source: the block
 * without its comments, escaped. */
static char *
html_block_as_text (const char *html)
{
  GString *visible = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      const char *open = strstr (p, "<!--");
      const char *close;

      if (open == NULL)
        {
          g_string_append (visible, p);
          break;
        }

      g_string_append_len (visible, p, open - p);
      close = strstr (open + strlen ("<!"), "-->");
      if (close == NULL)
        break;
      p = close + strlen ("-->");
    }

  append_html_escaped (out, visible->str);
  g_string_free (visible, TRUE);

  return g_string_free (out, FALSE);
}

static void
show_raw_html_as_text (cmark_node *document)
{
  g_autoptr(GPtrArray) html_nodes = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK))
        g_ptr_array_add (html_nodes, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < html_nodes->len; i++)
    {
      cmark_node *node = g_ptr_array_index (html_nodes, i);
      const char *literal = cmark_node_get_literal (node);

      if (literal == NULL)
        literal = "";

      if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
        {
          g_autofree char *text = html_block_as_text (literal);

          cmark_node_set_literal (node, text);
        }
      else if (g_str_has_prefix (literal, "<!--"))
        {
          cmark_node_free (node);
        }
      else
        {
          cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);

          cmark_node_set_literal (text, literal);
          g_assert_true (cmark_node_insert_before (node, text));
          cmark_node_free (node);
        }
    }
}

/* Decodes the entity at @p into @out; returns its length, or 0 if @p is
 * not an entity. */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  static const struct
  {
    const char *name;
    const char *text;
  } named[] = {
    { "&amp;", "&" },
    { "&lt;", "<" },
    { "&gt;", ">" },
    { "&quot;", "\"" },
    { "&apos;", "'" },
    { "&nbsp;", "\xc2\xa0" },
  };
  const char *end;
  gunichar c;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      if (g_str_has_prefix (p, named[i].name))
        {
          g_string_append (out, named[i].text);
          return strlen (named[i].name);
        }
    }

  if (!g_str_has_prefix (p, "&#"))
    return 0;

  end = strchr (p, ';');
  if (end == NULL || end - p > 10)
    return 0;

  if (p[2] == 'x' || p[2] == 'X')
    c = (gunichar) g_ascii_strtoull (p + 3, NULL, 16);
  else
    c = (gunichar) g_ascii_strtoull (p + 2, NULL, 10);

  if (c == 0 || !g_unichar_validate (c))
    c = 0xfffd;
  g_string_append_unichar (out, c);

  return end + 1 - p;
}

/* The value of attribute @name in the tag @tag (up to its '>'), entities
 * decoded, or NULL. */
static char *
tag_attribute (const char *tag,
               gsize       len,
               const char *name)
{
  g_autofree char *pattern = g_strdup_printf (" %s=\"", name);
  g_autofree char *copy = g_strndup (tag, len);
  const char *start = strstr (copy, pattern);
  const char *end;
  GString *value;

  if (start == NULL)
    return NULL;

  start += strlen (pattern);
  end = strchr (start, '"');
  g_assert_nonnull (end);

  value = g_string_new (NULL);
  for (const char *p = start; p < end; p++)
    {
      gsize n = *p == '&' ? decode_entity (p, value) : 0;

      if (n > 0)
        p += n - 1;
      else
        g_string_append_c (value, *p);
    }

  return g_string_free (value, FALSE);
}

static gboolean
tag_has_class (const char *tag,
               gsize       len,
               const char *css_class)
{
  g_autofree char *value = tag_attribute (tag, len, "class");

  return value != NULL && g_str_equal (value, css_class);
}

/* Tags a browser lays out as blocks or cells: they separate words. */
static gboolean
tag_is_block (const char *name)
{
  static const char * const blocks[] = {
    "blockquote", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "ol", "p", "pre", "section", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      if (g_str_equal (name, blocks[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean in_footnote_ref = FALSE;
  const char *p = html;

  while (*p != '\0')
    {
      const char *tag_end;
      gboolean closing;
      g_autofree char *name = NULL;
      gsize name_len;
      gsize tag_len;

      if (*p == '&')
        {
          gsize n = decode_entity (p, out);

          if (n == 0)
            g_string_append_c (out, *p++);
          else
            p += n;
          continue;
        }

      if (*p != '<')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      if (g_str_has_prefix (p, "<!--"))
        {
          const char *close = strstr (p + strlen ("<!"), "-->");

          p = close != NULL ? close + strlen ("-->") : p + strlen (p);
          continue;
        }

      /* cmark escapes '>' in attribute values: the first one ends the tag */
      tag_end = strchr (p, '>');
      g_assert_nonnull (tag_end);
      tag_len = tag_end + 1 - p;

      closing = p[1] == '/';
      name_len = strspn (p + 1 + closing,
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
      name = g_ascii_strdown (p + 1 + closing, name_len);

      if (g_str_equal (name, "img"))
        {
          g_autofree char *alt = tag_attribute (p, tag_len, "alt");

          if (alt != NULL)
            g_string_append (out, alt);
        }
      else if (!closing && g_str_equal (name, "a") &&
               tag_has_class (p, tag_len, "footnote-backref"))
        {
          const char *close = strstr (tag_end, "</a>");

          g_assert_nonnull (close);
          p = close + strlen ("</a>");
          continue;
        }
      else if (!closing && g_str_equal (name, "sup") &&
               tag_has_class (p, tag_len, "footnote-ref"))
        {
          g_string_append_c (out, '[');
          in_footnote_ref = TRUE;
        }
      else if (closing && g_str_equal (name, "sup") && in_footnote_ref)
        {
          g_string_append_c (out, ']');
          in_footnote_ref = FALSE;
        }
      else if (tag_is_block (name))
        {
          g_string_append_c (out, ' ');
        }

      p = tag_end + 1;
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  cmark_parser *parser;   /* holds the extensions */
  cmark_llist  *extensions;
} Reference;

static void
reference_init (Reference *reference)
{
  /* The extensions spec_markdown_parse() attaches. */
  static const char * const names[] = { "table", "tasklist", "strikethrough", "autolink" };

  spec_markdown_init ();
  reference->parser = cmark_parser_new (SPEC_MARKDOWN_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (names[i]);

      g_assert_nonnull (extension);
      cmark_parser_attach_syntax_extension (reference->parser, extension);
    }
  reference->extensions = cmark_parser_get_syntax_extensions (reference->parser);
}

static void
reference_clear (Reference *reference)
{
  g_clear_pointer (&reference->parser, cmark_parser_free);
  reference->extensions = NULL;
}

static char *
reference_html (Reference  *reference,
                const char *markdown)
{
  g_autoptr(cmark_node) document = spec_markdown_parse (markdown, strlen (markdown));
  char *html;
  char *copy;

  show_raw_html_as_text (document);

  /* Unsafe, or cmark would replace the (now escaped) HTML blocks. */
  html = cmark_render_html (document, SPEC_MARKDOWN_OPTIONS | CMARK_OPT_UNSAFE,
                            reference->extensions);
  copy = g_strdup (html);
  cmark_get_default_mem_allocator ()->free (html);

  return copy;
}

static char *
reference_text (Reference  *reference,
                const char *markdown)
{
  g_autofree char *html = reference_html (reference, markdown);
  g_autofree char *text = html_to_text (html);

  return normalize_text (text);
}

/* The preview's text */

static gboolean
text_is_marker (const char *text)
{
  gsize digits;

  if (g_str_equal (text, "•") || g_str_equal (text, "◦") || g_str_equal (text, "▪"))
    return TRUE;

  /* "[1]", a footnote's number */
  if (text[0] == '[')
    {
      digits = strspn (text + 1, "0123456789");
      return digits > 0 && g_str_equal (text + 1 + digits, "]");
    }

  /* "12." or "12)" */
  digits = strspn (text, "0123456789");
  return digits > 0 && digits <= 10 &&
         (g_str_equal (text + digits, ".") || g_str_equal (text + digits, ")"));
}

/* Text the preview draws that is not the document's: list and footnote
 * markers, and why an image placeholder shows no picture. */
static gboolean
label_is_chrome (GtkLabel *label)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (label), "image-reason"))
    return TRUE;

  return gtk_widget_has_css_class (GTK_WIDGET (label), "list-marker") &&
         text_is_marker (gtk_label_get_text (label));
}

/* Like spec_test_collect_text(), without the preview's own words. */
static void
collect_visible_text (GtkWidget *widget,
                      GString   *text)
{
  /* A stack hides its other pages by child visibility. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (gtk_widget_has_css_class (widget, "images") && gtk_widget_get_parent (widget) != NULL &&
      gtk_widget_has_css_class (gtk_widget_get_parent (widget), "paragraph-with-images"))
    return;

  if (GTK_IS_LABEL (widget))
    {
      if (!label_is_chrome (GTK_LABEL (widget)))
        {
          g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
          g_string_append_c (text, '\n');
        }
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      g_autofree char *buffer_text = NULL;
      GtkTextIter begin;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (buffer, &begin, &end);
      buffer_text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
      g_string_append (text, buffer_text);
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_visible_text (child, text);
}

static char *
preview_text (SpecPreview *preview)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_visible_text (GTK_WIDGET (preview), text);

  return normalize_text (text->str);
}

/* gtk_test_init() sets a locale that may not exist, and GLib then prints
 * non-ASCII text as "?": messages spell it out instead. */
static char *
ascii_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c >= 0x20 && c < 0x7f)
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "\\u{%04X}", c);
    }

  return g_string_free (out, FALSE);
}

/* The window */

static gboolean
image_is_loading (GtkWidget *widget)
{
  if (SPEC_IS_IMAGE_BLOCK (widget) && spec_image_block_is_loading (SPEC_IMAGE_BLOCK (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (image_is_loading (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
images_loaded (gpointer data)
{
  return !image_is_loading (data);
}

/* Shows @snapshot as the user will see it once it has settled: laid out
 * and drawn, every image read (or failed) and drawn again. */
static void
show_snapshot (GtkWidget    *window,
               SpecPreview  *preview,
               SpecSnapshot *snapshot)
{
  spec_preview_set_snapshot (preview, snapshot);
  spec_test_wait_for_frames (window, 1);
  preview_wait_complete (window, preview);

  if (!images_loaded (preview))
    {
      g_assert_true (spec_test_wait_for (images_loaded, preview, 10000));
      spec_test_wait_for_frames (window, 1);
    }
}

/* The tests */

static void
test_corpus (gconstpointer data)
{
  const CorpusFile *corpus = data;
  g_autoptr(GPtrArray) examples = corpus_examples_load (corpus);
  Reference reference;
  GtkWidget *window;
  SpecPreview *preview;
  guint n_matching = 0;
  guint n_excepted = 0;
  guint n_failed = 0;
  guint n_stale = 0;

  if (examples == NULL)
    return;

  reference_init (&reference);

  window = gtk_window_new ();
  preview = SPEC_PREVIEW (spec_preview_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spec_test_wait_for ((SpecTestCondition) gtk_widget_get_mapped, preview, 10000));

  for (guint i = 0; i < examples->len; i++)
    {
      const CorpusExample *example = g_ptr_array_index (examples, i);
      const Exception *exception = find_exception (corpus->name, example->number);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (example->markdown, -1);
      g_autofree char *expected = reference_text (&reference, example->markdown);
      g_autofree char *shown = NULL;

      show_snapshot (window, preview, snapshot);
      shown = preview_text (preview);

      if (g_str_equal (shown, expected))
        {
          n_matching++;

          if (exception != NULL)
            {
              n_stale++;
              g_test_message ("%s example %u matches: take it off the exceptions (%s)",
                              corpus->name, example->number, exception->reason);
            }
        }
      else if (exception != NULL)
        {
          n_excepted++;
        }
      else
        {
          g_autofree char *markdown_ascii = ascii_text (example->markdown);
          g_autofree char *shown_ascii = ascii_text (shown);
          g_autofree char *expected_ascii = ascii_text (expected);

          n_failed++;
          g_test_message ("%s example %u differs\n"
                          "  markdown: \"%s\"\n"
                          "  preview:  \"%s\"\n"
                          "  cmark:    \"%s\"",
                          corpus->name, example->number, markdown_ascii,
                          shown_ascii, expected_ascii);
        }
    }

  g_test_message ("%s: %u of %u examples match (%.1f%%); "
                  "with the %u listed exceptions, %u (%.1f%%)",
                  corpus->name, n_matching, examples->len,
                  100.0 * n_matching / examples->len,
                  n_excepted, n_matching + n_excepted,
                  100.0 * (n_matching + n_excepted) / examples->len);

  spec_preview_set_snapshot (preview, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  reference_clear (&reference);

  if (n_failed > 0)
    g_test_fail_printf ("%u examples of %s differ from cmark-gfm", n_failed, corpus->name);
  if (n_stale > 0)
    g_test_fail_printf ("%u exceptions of %s are not needed any more", n_stale, corpus->name);
}

/* The reference's own rules, on cases worth pinning down. */
static void
test_reference (void)
{
  static const struct
  {
    const char *markdown;
    const char *text;
  } cases[] = {
    { "*a* **b** `c`\n", "a b c" },
    { "a  \nb\n", "a b" },
    { "&amp; &copy; &#35; &#x22;\n", "& \xc2\xa9 # \"" },
    { "`&amp;`\n", "&amp;" },
    { "a <b>c</b> <!-- d --> e\n", "a <b>c</b> e" },
    { "<div>\n<!-- hidden -->\n*x*\n</div>\n", "<div> *x* </div>" },
    { "![alt *text*](/u \"t\")\n", "alt text" },
    { "- [x] done\n- [ ] open\n", "done open" },
    { "| a | b |\n|---|---|\n| 1 | 2 |\n", "a b 1 2" },
    { "Note[^n].\n\n[^n]: Text.\n", "Note[1]. Text." },
    { "> 1. one\n>\n>    ```\n>    code\n>    ```\n", "one code" },
  };
  Reference reference;

  reference_init (&reference);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = reference_text (&reference, cases[i].markdown);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  reference_clear (&reference);
}

static void
test_markers (void)
{
  g_assert_true (text_is_marker ("•"));
  g_assert_true (text_is_marker ("◦"));
  g_assert_true (text_is_marker ("▪"));
  g_assert_true (text_is_marker ("1."));
  g_assert_true (text_is_marker ("123456789)"));
  g_assert_true (text_is_marker ("[12]"));
  g_assert_false (text_is_marker ("1"));
  g_assert_false (text_is_marker ("[]"));
  g_assert_false (text_is_marker ("a."));
  g_assert_false (text_is_marker ("1.2"));
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  /* Any warning or critical from GTK, Pango or the preview fails. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/preview-text/reference", test_reference);
  g_test_add_func ("/preview-text/markers", test_markers);
  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/preview-text/%s", corpus_files[i].name);

      g_test_add_data_func (test_path, &corpus_files[i], test_corpus);
    }

  return g_test_run ();
}
