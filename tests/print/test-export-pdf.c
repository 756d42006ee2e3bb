/* test-export-pdf.c: documents written as PDF, read back with poppler
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read with poppler-utils' pdftotext, pdfinfo and pdftoppm;
 * the seeds' pages are left as PNG files in print-pages/ of the build
 * tree, to be looked at.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "spec-markdown.h"
#include "spec-pdf-export.h"
#include "spec-snapshot.h"
#include "spec-test-files.h"

/* Runs a poppler tool; its standard output, or NULL if it failed. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &out, &err, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s: %s: %s", argv[0], error->message, err);
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* @text as words of letters and digits, one space apart: glyphs the
 * fonts lack (emoji, without an emoji font) come out of pdftotext as hex
 * boxes, and punctuation as the font maps it. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      if (!g_unichar_isalnum (c) && c != '.' && c != '(' && c != ')' && c != ';' && c != '_')
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The text of @pdf with -layout, pages @first to @last (0 for all). */
static char *
pdf_text (const char *pdf,
          guint       first,
          guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);

  if (first == 0)
    {
      const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

      return run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-layout", "-f", f, "-l", l, pdf, "-", NULL };

      return run_tool (argv);
    }
}

static guint
pdf_n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages;

  g_assert_nonnull (info);
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static char *
pdf_title (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *title;
  const char *end;

  g_assert_nonnull (info);
  title = strstr (info, "Title:");
  if (title == NULL)
    return NULL;
  title += strlen ("Title:");
  while (*title == ' ')
    title++;
  end = strchr (title, '\n');

  return g_strndup (title, end != NULL ? (gsize) (end - title) : strlen (title));
}

/* Renders page @page of @pdf at 50 dpi to PREFIX.png. */
static char *
render_page (const char *pdf,
             guint       page,
             const char *prefix)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "50", "-f", number, "-l", number,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);

  g_assert_nonnull (out);

  return g_strconcat (prefix, ".png", NULL);
}

static gboolean
export (const char    *markdown,
        GFile         *base_file,
        const char    *title,
        const char    *status,
        const char    *pdf,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (markdown, -1);
  g_autoptr(GFile) output = g_file_new_for_path (pdf);

  return spec_pdf_export (snapshot, base_file, title, status, output, cancellable,
                          NULL, NULL, error);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("specwright-print-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (gdir == NULL)
    return 0;
  while (g_dir_read_name (gdir) != NULL)
    n++;

  return n;
}

/* The plain text of every heading of @text, in document order. */
static GPtrArray *
collect_headings (const char *text)
{
  g_autoptr(cmark_node) document = spec_markdown_parse (text, strlen (text));
  GPtrArray *headings = g_ptr_array_new_with_free_func (g_free);
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          g_autofree char *plain = spec_markdown_node_get_plain_text (node);

          g_ptr_array_add (headings, collapse_spaces (plain));
        }
    }
  cmark_iter_free (iter);

  return headings;
}

static char *
pages_dir (void)
{
  char *dir = g_test_build_filename (G_TEST_BUILT, "print-pages", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  return dir;
}

/* Every seed: all its headings in order, a sane number of pages, the
 * title in the header and "Page 1 of N" in the footer. */
static void
test_seeds (void)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();
  g_autofree char *out_dir = pages_dir ();

  if (seeds == NULL || seeds[0] == NULL)
    {
      g_test_skip ("no seeds: set SPEC_SEEDS_DIR");
      return;
    }

  for (guint i = 0; seeds[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *name = g_strdup_printf ("seed-%03u", i);
      g_autofree char *pdf_name = g_strconcat (name, ".pdf", NULL);
      g_autofree char *pdf = g_build_filename (out_dir, pdf_name, NULL);
      g_autofree char *title = g_strdup_printf ("Seed Title %u", i);
      g_autofree char *raw = NULL;
      g_autofree char *all = NULL;
      g_autofree char *footer = NULL;
      g_autofree char *pdf_title_text = NULL;
      g_autoptr(GPtrArray) headings = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) base_file = g_file_new_for_path (seeds[i]);
      gsize len = 0;
      guint n_pages;
      guint n_lines = 1;
      const char *cursor;

      g_test_message ("%s", seeds[i]);
      g_file_get_contents (seeds[i], &text, &len, &error);
      g_assert_no_error (error);

      g_assert_true (export (text, base_file, title, "Draft", pdf, NULL, &error));
      g_assert_no_error (error);

      for (const char *p = text; *p != '\0'; p++)
        n_lines += *p == '\n';

      n_pages = pdf_n_pages (pdf);
      g_assert_cmpuint (n_pages, >=, 1);
      g_assert_cmpuint (n_pages, <=, n_lines / 4 + 2);

      pdf_title_text = pdf_title (pdf);
      g_assert_cmpstr (pdf_title_text, ==, title);

      raw = pdf_text (pdf, 0, 0);
      g_assert_nonnull (raw);
      all = collapse_spaces (raw);

      g_assert_nonnull (strstr (all, title));
      g_assert_nonnull (strstr (all, "Draft"));
      footer = g_strdup_printf ("Page 1 of %u", n_pages);
      g_assert_nonnull (strstr (all, footer));

      headings = collect_headings (text);
      g_assert_cmpuint (headings->len, >, 0);
      cursor = all;
      for (guint h = 0; h < headings->len; h++)
        {
          const char *heading = g_ptr_array_index (headings, h);
          const char *found = strstr (cursor, heading);

          if (found == NULL)
            g_test_message ("heading %u not found in order: “%s”", h, heading);
          g_assert_nonnull (found);
          if (found != NULL)
            cursor = found + strlen (heading);
        }

      /* Pages to look at. */
      for (guint page = 1; page <= MIN (n_pages, 3); page++)
        {
          g_autofree char *base = g_strdup_printf ("%s-%u", name, page);
          g_autofree char *prefix = g_build_filename (out_dir, base, NULL);
          g_autofree char *png = render_page (pdf, page, prefix);

          g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
        }
    }
}

/* A table longer than a page repeats its header on every page. */
static void
test_long_table (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "table.pdf", NULL);
  g_autoptr(GString) markdown = g_string_new ("# Long table\n\nBefore the table.\n\n"
                                              "| Name | Value |\n|---|---:|\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = pages_dir ();
  g_autofree char *prefix = g_build_filename (pages, "table-2", NULL);
  g_autofree char *png = NULL;
  guint n_pages;
  guint next_row = 1;

  for (guint i = 1; i <= 200; i++)
    g_string_append_printf (markdown, "| row%u | v%u |\n", i, i * 7);

  g_assert_true (export (markdown->str, NULL, "Table", NULL, pdf, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_n_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page, page);
      g_autofree char *first_row = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean has_rows = FALSE;
      gboolean has_header = FALSE;

      g_assert_nonnull (text);
      lines = g_strsplit (text, "\n", -1);

      /* The rows come in order, each once; the header row comes first. */
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *line = collapse_spaces (lines[l]);
          g_autofree char *expected = g_strdup_printf ("row%u v%u", next_row, next_row * 7);

          if (g_str_equal (line, "Name Value"))
            has_header = TRUE;

          if (g_str_equal (line, expected))
            {
              g_assert_true (has_header);
              has_rows = TRUE;
              next_row++;
            }
        }

      g_assert_true (has_rows);
    }

  g_assert_cmpuint (next_row, ==, 201);

  png = render_page (pdf, 2, prefix);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  spec_test_remove_tree (dir);
}

/* The last line of a page's body, without the footer. */
static char *
last_body_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (int l = (int) g_strv_length (lines) - 1; l >= 0; l--)
    {
      g_autofree char *line = collapse_spaces (lines[l]);

      if (line[0] == '\0' || g_str_has_prefix (line, "Page "))
        continue;

      return g_steal_pointer (&line);
    }

  return g_strdup ("");
}

/* Headings after runs of paragraphs of every length: without keeping
 * them with the next paragraph, some would end a page. */
static void
test_heading_keeps_with_text (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "headings.pdf", NULL);
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages;
  guint headings_seen = 0;

  for (guint k = 1; k <= 40; k++)
    {
      for (guint p = 0; p < k % 7 + 1; p++)
        g_string_append_printf (markdown, "Filler paragraph %u.%u, one line of text.\n\n", k, p);
      g_string_append_printf (markdown, "## Kept Heading %u\n\nThe text of section %u.\n\n", k, k);
    }

  g_assert_true (export (markdown->str, NULL, "Headings", NULL, pdf, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_n_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page, page);
      g_autofree char *last = last_body_line (text);

      for (const char *p = text; (p = strstr (p, "Kept Heading")) != NULL; p++)
        headings_seen++;

      g_test_message ("page %u ends with “%s”", page, last);
      g_assert_false (g_str_has_prefix (last, "Kept Heading"));
    }

  g_assert_cmpuint (headings_seen, ==, 40);
  spec_test_remove_tree (dir);
}

/* A heading whose paragraph would otherwise start the next page moves
 * there with it: placed exactly at the bottom of page 1. */
static void
test_heading_at_page_bottom (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GError) error = NULL;
  gboolean moved = FALSE;

  /* One of these leaves room for the heading and not for a line more. */
  for (guint n = 30; n <= 48 && !moved; n++)
    {
      g_autofree char *pdf = g_build_filename (dir, "bottom.pdf", NULL);
      g_autoptr(GString) markdown = g_string_new (NULL);
      g_autofree char *page1 = NULL;
      g_autofree char *page2 = NULL;
      g_autofree char *last = NULL;

      for (guint p = 0; p < n; p++)
        g_string_append_printf (markdown, "Line %u.\n\n", p);
      g_string_append (markdown, "### Bottom Heading\n\nFirst line of its text.\n");

      g_assert_true (export (markdown->str, NULL, "Bottom", NULL, pdf, NULL, &error));
      g_assert_no_error (error);

      page1 = pdf_text (pdf, 1, 1);
      last = last_body_line (page1);
      g_assert_false (g_str_has_prefix (last, "Bottom Heading"));

      if (pdf_n_pages (pdf) >= 2)
        {
          page2 = pdf_text (pdf, 2, 2);
          if (strstr (page2, "Bottom Heading") != NULL)
            {
              g_assert_nonnull (strstr (page2, "First line of its text."));
              moved = TRUE;
            }
        }
    }

  g_assert_true (moved);
  spec_test_remove_tree (dir);
}

static void
test_empty_document (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;

  g_assert_true (export ("", NULL, "Nothing Yet", "Draft", pdf, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pdf_n_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0, 0);
  all = collapse_spaces (text);
  g_assert_nonnull (strstr (all, "Nothing Yet"));
  g_assert_nonnull (strstr (all, "Page 1 of 1"));
  spec_test_remove_tree (dir);
}

/* Web and mail links can be followed in the PDF, over the words they
 * are on, in text and table cells; nothing else becomes a link. */
static void
test_links (void)
{
  static const char document[] =
    "# Links\n\n"
    "See [the site](https://example.com/a?b=1&c=2), [mail](mailto:x@example.com), "
    "[bad](javascript:alert(1)), [local](file:///etc/passwd) and [anchor](#links).\n\n"
    "| A | B |\n| - | - |\n| [cell](https://example.org/it's) | x |\n";
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "links.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr(GString) raw = NULL;
  guint n_links = 0;

  g_assert_true (export (document, NULL, "Links", NULL, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));

  /* The annotations are plain objects; NULs would stop strstr(). */
  raw = g_string_new_len (bytes, (gssize) len);
  for (gsize i = 0; i < raw->len; i++)
    if (raw->str[i] == '\0')
      raw->str[i] = ' ';

  g_assert_nonnull (strstr (raw->str, "/URI (https://example.com/a?b=1&c=2)"));
  g_assert_nonnull (strstr (raw->str, "/URI (mailto:x@example.com)"));
  g_assert_true (strstr (raw->str, "/URI (https://example.org/it\\'s)") != NULL ||
                 strstr (raw->str, "/URI (https://example.org/it's)") != NULL);
  g_assert_null (strstr (raw->str, "javascript"));
  g_assert_null (strstr (raw->str, "/URI (file:"));
  g_assert_null (strstr (raw->str, "/URI (#"));
  for (const char *p = raw->str; (p = strstr (p, "/Subtype /Link")) != NULL; p++)
    n_links++;
  g_assert_cmpuint (n_links, ==, 3);

  spec_test_remove_tree (dir);
}

/* @token in @text from @from, as a whole word; NULL if not there. */
static const char *
find_token (const char *from,
            const char *token)
{
  gsize len = strlen (token);

  for (const char *p = strstr (from, token); p != NULL; p = strstr (p + 1, token))
    if (!g_ascii_isalnum (p[len]) && (p == from || !g_ascii_isalnum (p[-1])))
      return p;

  return NULL;
}

/* The page, from 1, whose text holds @token; 0 if none. */
static guint
find_page (const char *pdf,
           guint       n_pages,
           const char *token)
{
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page, page);

      if (find_token (text, token) != NULL)
        return page;
    }

  return 0;
}

/* Paragraphs and code blocks split between lines, every line printed
 * once and in order; so is a paragraph past the preview's budget, which
 * is printed as its source. */
static void
test_long_blocks (void)
{
  g_autofree char *dir = pages_dir ();
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GString) markdown = g_string_new ("# Long\n\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  const char *cursor;
  guint n_pages;

  for (guint i = 0; i < 15; i++)
    g_string_append_printf (markdown, "Filler %u.\n\n", i);
  for (guint i = 0; i < 450; i++)
    g_string_append_printf (markdown, "alpha%u ", i);
  g_string_append (markdown, "\n\n```\n");
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (markdown, "code_line_%u();\n", i);
  g_string_append (markdown, "```\n\n");
  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (markdown, "beta%u ", i);
  g_string_append (markdown, "\n");

  g_assert_true (export (markdown->str, NULL, "Long", NULL, pdf, NULL, &error));
  g_assert_no_error (error);
  n_pages = pdf_n_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 4);

  text = pdf_text (pdf, 0, 0);
  all = collapse_spaces (text);
  cursor = all;
  for (guint i = 0; i < 450; i++)
    {
      g_autofree char *word = g_strdup_printf ("alpha%u", i);

      cursor = find_token (cursor, word);
      g_assert_nonnull (cursor);
    }
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("code_line_%u();", i);

      cursor = strstr (cursor, line);
      g_assert_nonnull (cursor);
    }
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *word = g_strdup_printf ("beta%u", i);

      cursor = find_token (cursor, word);
      g_assert_nonnull (cursor);
    }

  /* Split, not moved whole to the next page. */
  g_assert_cmpuint (find_page (pdf, n_pages, "alpha0"), <, find_page (pdf, n_pages, "alpha449"));
  g_assert_cmpuint (find_page (pdf, n_pages, "code_line_0();"), <,
                    find_page (pdf, n_pages, "code_line_149();"));
}

static void
on_progress_cancel (double   fraction,
                    gpointer user_data)
{
  if (fraction > 0.2)
    g_cancellable_cancel (user_data);
}

/* Cancelled before or during the export: no file at all is left. */
static void
test_cancel (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(GFile) output = g_file_new_for_path (pdf);

  g_cancellable_cancel (cancellable);
  g_assert_false (export ("# Title\n\nText.\n", NULL, "T", NULL, pdf, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  /* Mid-way: while laying out a long document. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (markdown, "## Section %u\n\nParagraph %u.\n\n", i, i);
  snapshot = spec_snapshot_new (markdown->str, -1);
  g_cancellable_reset (cancellable);
  g_assert_false (spec_pdf_export (snapshot, NULL, "T", NULL, output, cancellable,
                                   on_progress_cancel, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  spec_test_remove_tree (dir);
}

/* A folder that cannot be written, or is not there: an error, no file. */
static void
test_write_failure (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "out.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *locked_pdf = g_build_filename (locked, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (export ("# Title\n", NULL, "T", NULL, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  if (geteuid () == 0)
    {
      g_test_message ("running as root: permissions are not enforced");
    }
  else
    {
      g_assert_false (export ("# Title\n", NULL, "T", NULL, locked_pdf, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_test_message ("%s", error->message);
      g_assert_cmpuint (count_entries (locked), ==, 0);
    }

  spec_test_remove_tree (dir);
}

/* A write that fails half-way, as on a full disk (here, past the file
 * size limit): an error, and neither the PDF nor the temporary left. */
static void
test_write_error_midway (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      const char *subprocess_dir = g_getenv ("SPEC_TEST_EXPORT_DIR");
      g_autofree char *pdf = g_build_filename (subprocess_dir, "full.pdf", NULL);
      struct rlimit limit = { 2048, 2048 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) markdown = g_string_new (NULL);

      for (guint i = 0; i < 200; i++)
        g_string_append_printf (markdown, "## Section %u\n\nParagraph %u.\n\n", i, i);

      /* write() then fails with EFBIG instead of raising SIGXFSZ. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (export (markdown->str, NULL, "Full", NULL, pdf, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      g_assert_cmpuint (count_entries (subprocess_dir), ==, 0);
      return;
    }

  dir = make_temp_dir ();
  g_setenv ("SPEC_TEST_EXPORT_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not write*");
  g_assert_cmpuint (count_entries (dir), ==, 0);
  spec_test_remove_tree (dir);
}

static void
on_progress_record (double   fraction,
                    gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* Progress only grows, from 0 to 1, through the layout and the drawing. */
static void
test_progress (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "progress.pdf", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (pdf);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_layout = FALSE;
  gboolean in_drawing = FALSE;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (markdown, "## Section %u\n\nParagraph %u.\n\n", i, i);
  snapshot = spec_snapshot_new (markdown->str, -1);

  g_assert_true (spec_pdf_export (snapshot, NULL, "Progress", NULL, output, NULL,
                                  on_progress_record, fractions, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fractions->len, >, 4);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      if (i > 0)
        g_assert_cmpfloat (fraction, >=, g_array_index (fractions, double, i - 1));
      in_layout |= fraction > 0 && fraction < 0.5;
      in_drawing |= fraction > 0.5 && fraction < 1;
    }
  g_assert_true (in_layout);
  g_assert_true (in_drawing);
  spec_test_remove_tree (dir);
}

/* Pixels clearly coloured, neither grey nor black nor white. */
static guint
count_coloured_pixels (const char *png,
                       guint       min_red,
                       guint       max_green)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (png, &error);
  int channels;
  int stride;
  const guchar *pixels;
  guint n = 0;

  g_assert_no_error (error);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);

  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
      {
        const guchar *p = pixels + y * stride + x * channels;
        guint hi = MAX (p[0], MAX (p[1], p[2]));
        guint lo = MIN (p[0], MIN (p[1], p[2]));

        if (hi - lo > 60 && p[0] >= min_red && p[1] <= max_green)
          n++;
      }

  return n;
}

static const char code_document[] =
  "# Code\n\n"
  "```%s\n"
  "/* a comment */\n"
  "#include <stdio.h>\n"
  "int main (void) { return printf (\"hello\") > 0 ? 0 : 1; }\n"
  "```\n";

static guint
coloured_code_pixels (const char *language,
                      const char *name)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "code.pdf", NULL);
  g_autofree char *markdown = g_strdup_printf (code_document, language);
  g_autofree char *pages = pages_dir ();
  g_autofree char *prefix = g_build_filename (pages, name, NULL);
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (export (markdown, NULL, "Code", NULL, pdf, NULL, &error));
  g_assert_no_error (error);
  png = render_page (pdf, 1, prefix);
  n = count_coloured_pixels (png, 0, 255);
  spec_test_remove_tree (dir);

  return n;
}

/* A code block naming its language is coloured; one that does not, not. */
static void
test_code_highlight (void)
{
  g_assert_cmpuint (coloured_code_pixels ("c", "code-c"), >, 10);
  g_assert_cmpuint (coloured_code_pixels ("", "code-plain"), ==, 0);
}

typedef struct
{
  char      *markdown;
  char      *pdf;
  gboolean   ok;
  GMainLoop *loop;
} ThreadJob;

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
export_thread (gpointer data)
{
  ThreadJob *job = data;
  g_autoptr(GError) error = NULL;

  job->ok = export (job->markdown, NULL, "Thread", NULL, job->pdf, NULL, &error);
  g_assert_no_error (error);
  g_idle_add (quit_loop, job->loop);

  return NULL;
}

/* From a worker thread, as the app exports, while the main thread runs
 * its loop: the code is highlighted there all the same. */
static void
test_worker_thread (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *pages = pages_dir ();
  g_autofree char *prefix = g_build_filename (pages, "code-thread", NULL);
  g_autofree char *png = NULL;
  ThreadJob job = { NULL, };
  GThread *thread;

  job.markdown = g_strdup_printf (code_document, "c");
  job.pdf = g_build_filename (dir, "thread.pdf", NULL);
  job.loop = loop;

  thread = g_thread_new ("export", export_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);

  g_assert_true (job.ok);
  png = render_page (job.pdf, 1, prefix);
  g_assert_cmpuint (count_coloured_pixels (png, 0, 255), >, 10);

  g_free (job.markdown);
  g_free (job.pdf);
  spec_test_remove_tree (dir);
}

/* A local picture is drawn; a remote one, a device and a FIFO are their
 * alt text, and the export neither hangs nor reads them. */
static void
test_images (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *doc = g_build_filename (dir, "doc.md", NULL);
  g_autofree char *pic = g_build_filename (dir, "red.png", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "images.pdf", NULL);
  g_autofree char *pages = pages_dir ();
  g_autofree char *prefix = g_build_filename (pages, "images", NULL);
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GdkPixbuf) red = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 80);
  g_autoptr(GFile) base_file = g_file_new_for_path (doc);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (red, 0xe01b24ff);
  gdk_pixbuf_save (red, pic, "png", &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_assert_true (export ("# Pictures\n\n"
                         "![A red block](red.png)\n\n"
                         "![Remote picture](https://example.com/x.png)\n\n"
                         "![Endless zeros](/dev/zero)\n\n"
                         "![A pipe](pipe.png)\n\n"
                         "![Nowhere](missing.png)\n",
                         base_file, "Images", NULL, pdf, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf, 0, 0);
  all = collapse_spaces (text);
  g_assert_null (strstr (all, "A red block"));
  g_assert_nonnull (strstr (all, "Remote picture"));
  g_assert_nonnull (strstr (all, "Endless zeros"));
  g_assert_nonnull (strstr (all, "A pipe"));
  g_assert_nonnull (strstr (all, "Nowhere"));

  png = render_page (pdf, 1, prefix);
  g_assert_cmpuint (count_coloured_pixels (png, 180, 80), >, 500);

  spec_test_remove_tree (dir);
}

static const char showcase_document[] =
  "# Showcase\n\n"
  "Some *italic*, **bold**, `code`, ~~struck~~ and a [link](https://example.com) "
  "with a footnote[^1].\n\n"
  "> A quoted paragraph.\n>\n> > A nested quote.\n\n"
  "1. First\n2. Second\n   - nested bullet\n     - deeper bullet\n3. Third\n\n"
  "7) seven\n8) eight\n\n"
  "- [x] Done task\n- [ ] Open task\n\n"
  "<div>raw html block</div>\n\n"
  "<!-- hidden comment -->\n\n"
  "Text with <!-- inline comment --> inline <b>tags</b>.\n\n"
  "---\n\n"
  "| Left | Centre | Right |\n|:-----|:------:|------:|\n| a | b | c |\n"
  "| a long cell with many words that wraps inside its column when the table is wider than "
  "the page, as the other columns keep their room | x | y |\n\n"
  "```python\ndef f(x):\n    return x + 1  # comment\n```\n\n"
  "[^1]: The footnote text.\n";

/* Every kind of block on one page, to be looked at; what is hidden stays
 * hidden, list numbers follow the list's start. */
static void
test_showcase (void)
{
  g_autofree char *dir = pages_dir ();
  g_autofree char *pdf = g_build_filename (dir, "showcase.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "showcase", NULL);
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (export (showcase_document, NULL, "Showcase", "In review", pdf, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "struck"));
  g_assert_nonnull (strstr (text, "A nested quote."));
  g_assert_nonnull (strstr (text, "7)"));
  g_assert_nonnull (strstr (text, "8)"));
  g_assert_nonnull (strstr (text, "3."));
  g_assert_nonnull (strstr (text, "<div>raw html block</div>"));
  g_assert_nonnull (strstr (text, "The footnote text."));
  g_assert_nonnull (strstr (text, "In review"));
  g_assert_null (strstr (text, "hidden comment"));
  g_assert_null (strstr (text, "inline comment"));

  png = render_page (pdf, 1, prefix);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-pdf/seeds", test_seeds);
  g_test_add_func ("/export-pdf/long-table", test_long_table);
  g_test_add_func ("/export-pdf/heading-keeps-with-text", test_heading_keeps_with_text);
  g_test_add_func ("/export-pdf/heading-at-page-bottom", test_heading_at_page_bottom);
  g_test_add_func ("/export-pdf/long-blocks", test_long_blocks);
  g_test_add_func ("/export-pdf/empty", test_empty_document);
  g_test_add_func ("/export-pdf/links", test_links);
  g_test_add_func ("/export-pdf/cancel", test_cancel);
  g_test_add_func ("/export-pdf/write-failure", test_write_failure);
  g_test_add_func ("/export-pdf/write-error-midway", test_write_error_midway);
  g_test_add_func ("/export-pdf/progress", test_progress);
  g_test_add_func ("/export-pdf/code-highlight", test_code_highlight);
  g_test_add_func ("/export-pdf/worker-thread", test_worker_thread);
  g_test_add_func ("/export-pdf/images", test_images);
  g_test_add_func ("/export-pdf/showcase", test_showcase);

  return g_test_run ();
}
