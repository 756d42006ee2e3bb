/* expected-outline.c: what the outline of a text should be, computed
 * straight from cmark-gfm, independently of src/core
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "expected-outline.h"

static void
expected_heading_free (gpointer data)
{
  ExpectedHeading *heading = data;

  g_free (heading->title);
  g_free (heading);
}

/* Byte offsets where lines begin, written as a plain byte loop (the core
 * uses memchr): "\n", "\r\n" and a lone "\r" end a line, and a text that
 * ends with a line ending has no empty line after it. */
GArray *
expected_line_starts (const char *text,
                      gsize       len)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize i = 0;

  if (len == 0)
    return starts;

  g_array_append_val (starts, i);

  while (i < len)
    {
      gsize next;

      if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
        next = i + 2;
      else if (text[i] == '\r' || text[i] == '\n')
        next = i + 1;
      else
        {
          i++;
          continue;
        }

      if (next < len)
        g_array_append_val (starts, next);
      i = next;
    }

  return starts;
}

/* The core folds the four ASCII spaces it can meet in inline text. */
char *
expected_fold_white_space (const char *str)
{
  g_auto(GStrv) words = g_strsplit_set (str, " \t\r\n", -1);
  g_autoptr(GString) folded = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (folded->len > 0)
        g_string_append_c (folded, ' ');
      g_string_append (folded, words[i]);
    }

  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/* A setext underline: up to three spaces, a run of '=' or of '-', then
 * only spaces or tabs. */
static gboolean
is_setext_underline (const char *line,
                     gsize       len)
{
  gsize i = 0;
  gsize run = 0;
  char c;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '=' && line[i] != '-'))
    return FALSE;

  c = line[i];
  while (i < len && line[i] == c)
    {
      i++;
      run++;
    }
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  while (i < len && (line[i] == '\r' || line[i] == '\n'))
    i++;

  return run > 0 && i == len;
}

/* cmark-gfm 0.29 reports the line after a setext underline as the end of
 * the heading whenever the text goes on, so find the underline in the text:
 * it is the first underline-looking line after the heading's first line
 * (an earlier one would have ended the heading there).  The first line
 * may look like anything, "# not ATX" or "===", so it is never checked. */
static guint
heading_last_line (const char   *text,
                   gsize         len,
                   const GArray *starts,
                   guint         start_line,
                   guint         cmark_end_line)
{
  guint n_lines = starts->len;

  g_assert (start_line >= 1 && start_line <= n_lines);

  /* An ATX heading is one line; only setext headings span more. */
  if (cmark_end_line <= start_line)
    return start_line;

  for (guint line = start_line + 1; line <= MIN (cmark_end_line, n_lines); line++)
    {
      gsize s = g_array_index (starts, gsize, line - 1);
      gsize e = line < n_lines ? g_array_index (starts, gsize, line) : len;

      if (is_setext_underline (text + s, e - s))
        return line;
    }

  g_error ("no setext underline for the heading on line %u", start_line);
}

/* The document's own headings, straight from a cmark-gfm parse with the
 * same extensions as the app (tables, task lists, strikethrough, autolinks,
 * footnotes): headings nested in quotes or list items are not direct
 * children of the document, and "# lines" in code are not headings. */
GPtrArray *
expected_outline_compute (const char *text,
                          gsize       len)
{
  static const char * const extensions[] = {
    "table", "tasklist", "strikethrough", "autolink",
  };
  GPtrArray *headings = g_ptr_array_new_with_free_func (expected_heading_free);
  g_autoptr(GArray) starts = expected_line_starts (text, len);
  cmark_parser *parser;
  cmark_node *document;

  cmark_gfm_core_extensions_ensure_registered ();

  parser = cmark_parser_new (CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extensions[i]);

      g_assert_nonnull (ext);
      cmark_parser_attach_syntax_extension (parser, ext);
    }
  cmark_parser_feed (parser, text, len);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  for (cmark_node *node = cmark_node_first_child (document);
       node != NULL;
       node = cmark_node_next (node))
    {
      ExpectedHeading *heading;
      char *plain;

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;

      heading = g_new0 (ExpectedHeading, 1);
      heading->level = cmark_node_get_heading_level (node);
      heading->line = cmark_node_get_start_line (node);
      heading->end_line = heading_last_line (text, len, starts, heading->line,
                                             cmark_node_get_end_line (node));

      /* cmark allocates with its own allocator, the default one is libc's. */
      plain = cmark_render_plaintext (node, CMARK_OPT_DEFAULT, 0);
      heading->title = expected_fold_white_space (plain);
      free (plain);

      g_ptr_array_add (headings, heading);
    }

  cmark_node_free (document);

  return headings;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The seed templates, sorted by name; NULL when there are none to test. */
GPtrArray *
expected_outline_load_seeds (void)
{
  const char *dir_path = g_getenv ("SPEC_SEEDS_DIR");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (dir_path == NULL)
    return NULL;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  if (paths->len == 0)
    return NULL;

  g_ptr_array_sort (paths, compare_paths);

  return g_steal_pointer (&paths);
}
