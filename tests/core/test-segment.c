/* test-segment.c: a large document parsed in segments reads exactly as
 * parsed whole, and an edit parses one segment again; the block for a
 * line is found as by looking at every block
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "corpus-examples.h"
#include "spec-report.h"
#include "spec-segment.h"
#include "spec-snapshot.h"

#define LARGE_SIZE (3 * 1024 * 1024)

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files of @dir whose names end with @suffix, in name order. */
static GPtrArray *
read_dir (const char *dir,
          const char *suffix)
{
  g_autoptr(GDir) handle = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (names, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (texts, read_file (g_ptr_array_index (names, i)));

  return texts;
}

/* @texts one after another, each under a level 1 heading, until @size. */
static char *
concatenate (GPtrArray *texts,
             gsize      size)
{
  GString *str = g_string_new (NULL);

  for (guint n = 1; str->len < size; n++)
    {
      for (guint i = 0; i < texts->len; i++)
        g_string_append_printf (str, "# Part %u.%u\n\n%s\n\n", n, i, (char *) g_ptr_array_index (texts, i));
    }

  return g_string_free (str, FALSE);
}

/* Everything the views read agrees: blocks, sections and the report. */
static void
assert_same_reading (SpecSnapshot *segmented,
                     SpecSnapshot *whole)
{
  GPtrArray *sections_a = spec_snapshot_get_sections (segmented);
  GPtrArray *sections_b = spec_snapshot_get_sections (whole);
  const SpecReport *report_a = spec_snapshot_get_report (segmented);
  const SpecReport *report_b = spec_snapshot_get_report (whole);

  for (guint i = 0; i < MIN (spec_snapshot_get_n_blocks (segmented), spec_snapshot_get_n_blocks (whole)); i++)
    {
      const SpecBlock *a = spec_snapshot_get_block (segmented, i);
      const SpecBlock *b = spec_snapshot_get_block (whole, i);

      if (a->type != b->type || a->start_line != b->start_line || a->end_line != b->end_line ||
          a->fingerprint != b->fingerprint || a->shows_images != b->shows_images)
        g_error ("block %u (line %u in the whole parse) differs: type %d/%d, lines %u-%u/%u-%u",
                 i, b->start_line, a->type, b->type, a->start_line, a->end_line,
                 b->start_line, b->end_line);
    }
  g_assert_cmpuint (spec_snapshot_get_n_blocks (segmented), ==, spec_snapshot_get_n_blocks (whole));

  g_assert_cmpuint (sections_a->len, ==, sections_b->len);
  for (guint i = 0; i < sections_b->len; i++)
    {
      const SpecSection *a = g_ptr_array_index (sections_a, i);
      const SpecSection *b = g_ptr_array_index (sections_b, i);

      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpuint (a->heading_line, ==, b->heading_line);
      g_assert_cmpuint (a->end_line, ==, b->end_line);
      g_assert_cmpuint (a->body_end_line, ==, b->body_end_line);
    }

  g_assert_cmpuint (report_a->items->len, ==, report_b->items->len);
  for (guint i = 0; i < report_b->items->len; i++)
    {
      const SpecItem *a = &g_array_index (report_a->items, SpecItem, i);
      const SpecItem *b = &g_array_index (report_b->items, SpecItem, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->line, ==, b->line);
    }
  g_assert_cmpuint (report_a->percent, ==, report_b->percent);
}

/* What spec_snapshot_find_block() finds, by looking at every block. */
static guint
find_block_slowly (SpecSnapshot *snapshot,
                   guint         line)
{
  guint found = G_MAXUINT;

  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (snapshot, i);

      if (block->start_line == 0)
        continue;
      if (block->start_line <= line && line <= block->end_line)
        return i;
      if (block->start_line > line &&
          (found == G_MAXUINT || block->start_line < spec_snapshot_get_block (snapshot, found)->start_line))
        found = i;
    }

  return found;
}

/* Every line's block, or about 3000 lines' in a long text. */
static void
assert_finds_blocks (SpecSnapshot *snapshot)
{
  guint n_lines = 1;
  gsize len;
  const char *text = spec_snapshot_get_text (snapshot, &len);
  guint step;

  for (gsize i = 0; i < len; i++)
    n_lines += text[i] == '\n';
  step = MAX (1, n_lines / 3000);

  for (guint line = 1; line <= n_lines + 1; line += (line < 50 || line > n_lines - 50) ? 1 : step)
    {
      guint found = spec_snapshot_find_block (snapshot, line);
      guint expected = find_block_slowly (snapshot, line);

      if (found != expected)
        g_error ("line %u: block %u found, %u expected", line, found, expected);
    }
}

/* Parsed in segments, @text reads as parsed whole; unless @may_be_whole
 * and the splitter chose to parse it whole. */
static void
assert_same_as_whole (const char *text,
                      gboolean    may_be_whole)
{
  g_autoptr(SpecSnapshot) segmented = NULL;
  g_autoptr(SpecSnapshot) whole = NULL;
  gint64 start;
  gint64 middle;

  start = g_get_monotonic_time ();
  segmented = spec_snapshot_new (text, -1);
  middle = g_get_monotonic_time ();
  whole = spec_snapshot_new_whole (text, -1);

  g_test_message ("%zu bytes: %u segments (0: parsed whole) in %.0f ms, whole in %.0f ms",
                  strlen (text), spec_snapshot_get_n_segments (segmented, NULL),
                  (middle - start) / 1000.0, (g_get_monotonic_time () - middle) / 1000.0);
  g_assert_cmpuint (spec_snapshot_get_n_segments (whole, NULL), ==, 0);
  assert_finds_blocks (whole);
  assert_finds_blocks (segmented);
  if (may_be_whole && spec_snapshot_get_n_segments (segmented, NULL) == 0)
    return;
  g_assert_cmpuint (spec_snapshot_get_n_segments (segmented, NULL), >, 1);
  g_assert_null (spec_snapshot_get_document (segmented));

  assert_same_reading (segmented, whole);
}

static void
test_seeds (void)
{
  g_autoptr(GPtrArray) seeds = read_dir (g_getenv ("SPEC_SEEDS_DIR"), ".txt");
  g_autofree char *text = NULL;

  if (seeds->len == 0)
    {
      g_test_skip ("no seeds");
      return;
    }

  text = concatenate (seeds, LARGE_SIZE);
  assert_same_as_whole (text, FALSE);
}

static void
test_finished_specs (void)
{
  g_autoptr(GPtrArray) specs = read_dir (g_getenv ("FINISHED_DIR"), ".md");
  g_autoptr(GPtrArray) without_notes = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autoptr(SpecSnapshot) snapshot = NULL;

  g_assert_cmpuint (specs->len, >, 0);

  /* One of them has footnotes, numbered across the document: with it,
   * the document is parsed whole. */
  text = concatenate (specs, LARGE_SIZE);
  snapshot = spec_snapshot_new (text, -1);
  g_assert_cmpuint (spec_snapshot_get_n_segments (snapshot, NULL), ==, 0);
  g_clear_pointer (&text, g_free);

  for (guint i = 0; i < specs->len; i++)
    {
      if (strstr (g_ptr_array_index (specs, i), "\n[^") == NULL)
        g_ptr_array_add (without_notes, g_ptr_array_index (specs, i));
    }
  g_assert_cmpuint (without_notes->len, <, specs->len);

  text = concatenate (without_notes, LARGE_SIZE);
  assert_same_as_whole (text, FALSE);
}

/* The CommonMark examples: every construct, and many tricky definitions,
 * between the headings of the specification's own text. */
static void
test_commonmark_spec (void)
{
  const char *dir = g_getenv ("SPEC_CORPUS_DIR");
  g_autofree char *path = dir != NULL ? g_build_filename (dir, "commonmark-spec.txt", NULL) : NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no corpus");
      return;
    }

  g_ptr_array_add (texts, read_file (path));
  text = concatenate (texts, LARGE_SIZE);
  assert_same_as_whole (text, TRUE);
}

/* Every example of the specifications, one after another under headings:
 * unclosed fences, HTML blocks, lazy lines, all spilling into what follows
 * them.  The examples of definitions and footnotes are left out, as they
 * would have the document parsed whole (see the test above). */
static void
test_corpus_examples (gconstpointer data)
{
  const CorpusFile *file = data;
  g_autoptr(GPtrArray) examples = corpus_examples_load (file);
  g_autoptr(GString) text = g_string_new (NULL);

  if (examples == NULL)
    return;

  for (guint n = 1; text->len < LARGE_SIZE; n++)
    {
      for (guint i = 0; i < examples->len; i++)
        {
          const CorpusExample *example = g_ptr_array_index (examples, i);

          if (strstr (example->markdown, "]:") != NULL || strstr (example->markdown, "[^") != NULL)
            continue;

          g_string_append_printf (text, "## Example %u.%u\n\n%s\n\n", n, example->number, example->markdown);
        }
    }

  assert_same_as_whole (text->str, FALSE);
}

/* An edit parses the edited segment again, and the result still agrees
 * with a whole parse. */
static void
test_edit_reuses_segments (void)
{
  g_autoptr(GPtrArray) seeds = read_dir (g_getenv ("SPEC_SEEDS_DIR"), ".txt");
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(SpecSnapshot) first = NULL;
  g_autoptr(SpecSnapshot) second = NULL;
  g_autoptr(SpecSnapshot) whole = NULL;
  guint n_segments;
  guint n_parsed;
  gint64 start;
  const char *place;

  if (seeds->len == 0)
    {
      g_test_skip ("no seeds");
      return;
    }

  text = concatenate (seeds, LARGE_SIZE);
  first = spec_snapshot_new (text, -1);

  /* Typing in a paragraph in the middle of the document. */
  edited = g_string_new (text);
  place = strstr (text + edited->len / 2, "\n\n");
  g_assert_nonnull (place);
  g_string_insert (edited, place - text, " and a few typed words");

  start = g_get_monotonic_time ();
  second = spec_snapshot_new_take_after (g_strdup (edited->str), edited->len, first);
  n_segments = spec_snapshot_get_n_segments (second, &n_parsed);
  g_test_message ("after an edit: %u of %u segments parsed, in %.0f ms",
                  n_parsed, n_segments, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_parsed, ==, 1);

  whole = spec_snapshot_new_whole (edited->str, edited->len);
  assert_same_reading (second, whole);

  /* A new definition changes what every segment may link to. */
  g_string_prepend (edited, "[new-label]: https://example.com\n\n");
  g_clear_object (&second);
  g_clear_object (&whole);
  second = spec_snapshot_new_take_after (g_strdup (edited->str), edited->len, first);
  spec_snapshot_get_n_segments (second, &n_parsed);
  g_assert_cmpuint (n_parsed, ==, spec_snapshot_get_n_segments (second, NULL));
  whole = spec_snapshot_new_whole (edited->str, edited->len);
  assert_same_reading (second, whole);
}

/* Where the splitter cuts, and where it must not. */
/* Footnote definitions come last among the blocks, in the order of their
 * first reference, wherever they are in the text. */
static void
test_find_block_footnotes (void)
{
  static const char text[] =
    "# Title\n"              /* 1 */
    "\n"
    "[^b]: The second.\n"    /* 3 */
    "\n"
    "Text[^a] and[^b].\n"    /* 5 */
    "\n"
    "[^a]: The first,\n"     /* 7 */
    "    over two lines.\n"
    "\n"
    "- a list\n"             /* 10 */
    "- of two\n"
    "\n"
    "\n";
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  guint n_blocks = spec_snapshot_get_n_blocks (snapshot);

  g_assert_cmpuint (n_blocks, ==, 5);
  g_assert_cmpint (spec_snapshot_get_block (snapshot, 3)->type, ==, CMARK_NODE_FOOTNOTE_DEFINITION);
  g_assert_cmpuint (spec_snapshot_get_block (snapshot, 3)->start_line, ==, 7);
  g_assert_cmpuint (spec_snapshot_get_block (snapshot, 4)->start_line, ==, 3);

  /* A footnote definition, like a list, ends with the blank lines after it. */
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 1), ==, 0);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 2), ==, 4);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 4), ==, 4);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 5), ==, 1);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 6), ==, 3);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 8), ==, 3);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 10), ==, 2);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 13), ==, 2);
  g_assert_cmpuint (spec_snapshot_find_block (snapshot, 14), ==, G_MAXUINT);
  assert_finds_blocks (snapshot);
}

static void
test_split (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) definitions = g_string_new (NULL);
  g_autoptr(GArray) ranges = NULL;
  const char *filler = "Some text of a paragraph.\n\n";

  g_string_append (text, "[Key]: https://first.example\n\n");
  g_string_append (text, filler);
  /* inside fenced code: not a heading */
  g_string_append (text, "```\n\n## Not a heading\n```\n\n");
  /* inside an HTML comment: not a heading */
  g_string_append (text, "<!--\n\n# Not a heading\n-->\n\n");
  /* without a blank line before: a heading, but no cut */
  g_string_append (text, "text\n## Heading after text\n\n");
  /* a cut, then a list item's definition, and a later one of the same
   * label that loses */
  g_string_append (text, "## Second\n\n- [Item]: https://item.example\n\n[key]: https://second.example\n\n");
  g_string_append (text, "### Third\n\n# Fourth\n\ntext\n");

  ranges = spec_segment_split (text->str, text->len, 1, definitions);
  g_assert_nonnull (ranges);
  g_assert_cmpuint (ranges->len, ==, 3);
  g_assert_cmpstr (text->str + g_array_index (ranges, SpecSegmentRange, 1).start, ==,
                   strstr (text->str, "## Second"));
  g_assert_cmpuint (g_array_index (ranges, SpecSegmentRange, 1).first_line, ==, 18);
  g_assert_cmpstr (text->str + g_array_index (ranges, SpecSegmentRange, 2).start, ==,
                   strstr (text->str, "# Fourth"));
  g_assert_cmpstr (definitions->str, ==,
                   "[Key]: https://first.example\n[Item]: https://item.example\n\n");

  /* Footnotes are numbered across the document: parsed whole. */
  g_string_append (text, "\nA note[^1].\n\n[^1]: The note.\n");
  g_string_truncate (definitions, 0);
  g_assert_null (spec_segment_split (text->str, text->len, 1, definitions));

  /* One segment is no segments. */
  g_string_truncate (definitions, 0);
  g_assert_null (spec_segment_split ("# One\n\ntext\n", 12, 1, definitions));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segment/split", test_split);
  g_test_add_func ("/segment/find-block-footnotes", test_find_block_footnotes);
  g_test_add_func ("/segment/seeds", test_seeds);
  g_test_add_func ("/segment/finished-specs", test_finished_specs);
  g_test_add_func ("/segment/commonmark-spec", test_commonmark_spec);
  g_test_add_func ("/segment/edit-reuses-segments", test_edit_reuses_segments);
  for (guint i = 0; i < CORPUS_N_FILES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/segment/corpus-examples/%s", corpus_files[i].name);

      g_test_add_data_func (path, &corpus_files[i], test_corpus_examples);
    }

  return g_test_run ();
}
