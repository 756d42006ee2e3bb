/* test-document.c: the document model: one parse per burst of edits,
 * threaded for large texts, and saving that never hides an edit
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "spec-document.h"
#include "spec-test-utils.h"

#define TIMEOUT_MS 20000

typedef struct
{
  SpecDocument *document;
  guint         n_snapshots;
} Counter;

static void
count_snapshot (Counter *counter)
{
  counter->n_snapshots++;
}

static gboolean
snapshot_is_current (gpointer data)
{
  SpecDocument *document = data;
  g_autofree char *text = spec_document_dup_text (document);
  gsize len = 0;
  const char *parsed = spec_snapshot_get_text (spec_document_get_snapshot (document), &len);

  return len == strlen (text) && memcmp (parsed, text, len) == 0;
}

static void
append (SpecDocument *document,
        const char   *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, text, -1);
}

static char *
make_large_text (gsize min_size)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; str->len < min_size; i++)
    g_string_append_printf (str,
                            "## Section %u\n\nSome text for section %u with `code` and *emphasis*.\n\n"
                            "| a | b |\n|---|---|\n| %u | x |\n\n",
                            i, i, i);

  return g_string_free (str, FALSE);
}

/* A very long text is not highlighted in the editor, so that typing in it
 * does not stall; cut back well below that size, it is again. */
static void
test_highlighting_follows_size (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  g_autofree char *text = make_large_text (SPEC_DOCUMENT_HIGHLIGHT_OFF_SIZE + 1024);
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (document);
  GtkTextIter start;
  GtkTextIter end;

  g_assert_true (gtk_source_buffer_get_highlight_syntax (buffer));

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), text, -1);
  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  g_assert_false (gtk_source_buffer_get_highlight_syntax (buffer));
  g_assert_null (gtk_source_buffer_get_language (buffer));

  /* Between the two sizes it stays as it is. */
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (document), &start,
                                      (SPEC_DOCUMENT_HIGHLIGHT_ON_SIZE + SPEC_DOCUMENT_HIGHLIGHT_OFF_SIZE) / 2);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (document), &start, &end);
  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  g_assert_false (gtk_source_buffer_get_highlight_syntax (buffer));

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (document), &start, 1024 * 1024);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (document), &start, &end);
  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  g_assert_true (gtk_source_buffer_get_highlight_syntax (buffer));
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==, "markdown");
}

static void
insert_at_offset (SpecDocument *document,
                  int           offset,
                  const char   *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (document), &iter, offset);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, text, -1);
}

/* The editor stops wrapping as soon as an insertion makes a line longer
 * than SPEC_DOCUMENT_LONG_LINE, before anything lays it out, and only
 * then: the line the text goes into counts, with what stays before and
 * after the insertion point.  Typing at the end of a large document of
 * short lines once switched it on by mistake (and highlighting off and
 * on again: 60 ms a keystroke). */
static void
test_long_lines_on_insertion (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  g_autofree char *three_k = g_strnfill (3000, 'a');
  g_autofree char *two_k = g_strnfill (2000, 'b');
  g_autofree char *split = g_strdup_printf ("%s\n%s", two_k, two_k);
  g_autofree char *many = NULL;
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (lines, "## Heading %u [FILL]\n", i);
  many = g_string_free (lines, FALSE);

  /* Short lines, typed at the end. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), many, -1);
  g_assert_false (spec_document_get_long_lines (document));
  append (document, "x");
  g_assert_false (spec_document_get_long_lines (document));
  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));

  /* A line of 3 000 bytes with 2 000 and a line break inserted in its
   * middle: 1 500 + 2 000 each side, short. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), three_k, -1);
  insert_at_offset (document, 1500, split);
  g_assert_false (spec_document_get_long_lines (document));

  /* Without the line break: one line of 5 000. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), three_k, -1);
  insert_at_offset (document, 1500, two_k);
  g_assert_true (spec_document_get_long_lines (document));

  /* Off again once the parse finds no line over half the limit. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "short\n", -1);
  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  g_assert_false (spec_document_get_long_lines (document));

  /* The text after the insertion point joins the inserted text's last
   * line: 2 000 inserted before a line of 3 000, after a line break. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), three_k, -1);
  insert_at_offset (document, 0, split);
  g_assert_true (spec_document_get_long_lines (document));
}

static void
test_small_burst_parses_once (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  Counter counter = { document, 0 };

  g_signal_connect_swapped (document, "notify::snapshot", G_CALLBACK (count_snapshot), &counter);

  /* A burst of edits with no main loop turn in between: one parse. */
  for (guint i = 0; i < 20; i++)
    append (document, "# Heading\n\ntext\n\n");

  g_assert_cmpuint (counter.n_snapshots, ==, 0);
  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  spec_test_iterate (50);
  g_assert_cmpuint (counter.n_snapshots, ==, 1);
  g_assert_cmpuint (spec_snapshot_get_sections (spec_document_get_snapshot (document))->len, ==, 20);
}

static void
test_large_text_parses_on_thread (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  g_autofree char *text = make_large_text (SPEC_DOCUMENT_THREADED_PARSE_SIZE * 2);
  Counter counter = { document, 0 };
  GThread *main_thread = g_thread_self ();
  SpecSnapshot *first;

  g_signal_connect_swapped (document, "notify::snapshot", G_CALLBACK (count_snapshot), &counter);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), text, -1);

  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  first = spec_document_get_snapshot (document);
  g_assert_cmpuint (spec_snapshot_get_sections (first)->len, >, 1000);
  g_assert_true (g_thread_self () == main_thread);

  /* Edits while a parse runs: the views end on the newest text, and the
   * stale parses in between are skipped rather than queued. */
  counter.n_snapshots = 0;
  for (guint i = 0; i < 30; i++)
    {
      append (document, "\n## Typed heading\n");
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_true (spec_test_wait_for (snapshot_is_current, document, TIMEOUT_MS));
  g_assert_cmpuint (counter.n_snapshots, >=, 1);
  g_assert_cmpuint (counter.n_snapshots, <, 30);
  g_test_message ("30 edits, %u snapshots", counter.n_snapshots);
}

static gboolean
not_busy (gpointer data)
{
  return !spec_document_get_busy (data);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *ok = user_data;

  *ok = spec_document_save_finish (SPEC_DOCUMENT (object), result, NULL);
}

static void
test_typing_during_save_stays_modified (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  g_autofree char *dir = g_dir_make_tmp ("specwright-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *on_disk = NULL;
  gboolean ok = FALSE;

  append (document, "# Saved\n");
  spec_document_save_async (document, file, NULL, save_done, &ok);
  append (document, "typed while saving\n");
  g_assert_true (spec_test_wait_for (not_busy, document, TIMEOUT_MS));
  spec_test_iterate (20);

  g_assert_true (ok);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, "# Saved\n");
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_true (g_file_equal (spec_document_get_file (document), file));
  g_assert_cmpstr (spec_document_get_title (document), ==, "a.md");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_style_follows_dark (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (document));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "Adwaita-dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (document));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "Adwaita");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter begin;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);

  return gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
}

/* The document's text is taken from a copy kept edit by edit: after any
 * mix of edits it is the buffer's own, line ends of every kind included. */
static void
test_text_follows_edits (void)
{
  static const char * const pieces[] = {
    "a", "\n", "## Heading\n\n", "é", "→ arrow", "\n\n\n", "emoji 🙂\n", "tab\t",
    "", "line one\nline two", "\r\n", "\r", "x\xe2\x80\xa9y",
  };
  g_autoptr(SpecDocument) document = spec_document_new ();
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GRand *rand = g_rand_new_with_seed (42);

  gtk_text_buffer_set_text (buffer, "# Title\n\nSome text.\n", -1);

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      int n_chars = gtk_text_buffer_get_char_count (buffer);
      GtkTextIter start;
      GtkTextIter end;
      /* The line ends of other kinds only late, as they stop the copy
       * until it is taken from the buffer again. */
      guint n_pieces = round < 1500 ? G_N_ELEMENTS (pieces) - 3 : G_N_ELEMENTS (pieces);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_rand_int_range (rand, 0, n_chars + 1));
      if (g_rand_boolean (rand) || n_chars == 0)
        {
          gtk_text_buffer_insert (buffer, &start, pieces[g_rand_int_range (rand, 0, n_pieces)], -1);
        }
      else
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                              MIN (n_chars, gtk_text_iter_get_offset (&start) +
                                                            g_rand_int_range (rand, 0, 12)));
          gtk_text_buffer_delete (buffer, &start, &end);
        }

      expected = buffer_text (buffer);
      got = spec_document_dup_text (document);
      g_assert_cmpstr (got, ==, expected);
    }

  /* Loading a file's text replaces it all. */
  gtk_text_buffer_set_text (buffer, "new\ntext\n", -1);
  {
    g_autofree char *got = spec_document_dup_text (document);

    g_assert_cmpstr (got, ==, "new\ntext\n");
  }

  g_rand_free (rand);
}

static void
test_toggle_task (void)
{
  g_autoptr(SpecDocument) document = spec_document_new ();
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  const char *original =
    "# Tasks\n"
    "\n"
    "- [ ] write the spec\n"
    "  1. [x] nested, done\n"
    "> - [ ] quoted\n"
    "Not a task: [ ] here\n";
  g_autofree char *text = NULL;

  gtk_text_buffer_set_text (buffer, original, -1);
  gtk_text_buffer_set_modified (buffer, FALSE);

  g_assert_true (spec_document_toggle_task (document, 3, TRUE));
  g_assert_true (spec_document_toggle_task (document, 4, FALSE));
  g_assert_true (spec_document_toggle_task (document, 5, TRUE));
  text = spec_document_dup_text (document);
  g_assert_cmpstr (text, ==,
                   "# Tasks\n"
                   "\n"
                   "- [x] write the spec\n"
                   "  1. [ ] nested, done\n"
                   "> - [x] quoted\n"
                   "Not a task: [ ] here\n");
  g_assert_true (gtk_text_buffer_get_modified (buffer));

  /* A line without a box, or past the end: nothing changes. */
  g_assert_false (spec_document_toggle_task (document, 6, TRUE));
  g_assert_false (spec_document_toggle_task (document, 1, TRUE));
  g_assert_false (spec_document_toggle_task (document, 99, TRUE));

  /* Each toggle is one undoable edit. */
  gtk_text_buffer_undo (buffer);
  gtk_text_buffer_undo (buffer);
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = spec_document_dup_text (document);
  g_assert_cmpstr (text, ==, original);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_test_add_func ("/document/small-burst-parses-once", test_small_burst_parses_once);
  g_test_add_func ("/document/large-text-parses-on-thread", test_large_text_parses_on_thread);
  g_test_add_func ("/document/typing-during-save-stays-modified", test_typing_during_save_stays_modified);
  g_test_add_func ("/document/style-follows-dark", test_style_follows_dark);
  g_test_add_func ("/document/toggle-task", test_toggle_task);
  g_test_add_func ("/document/text-follows-edits", test_text_follows_edits);
  g_test_add_func ("/document/highlighting-follows-size", test_highlighting_follows_size);
  g_test_add_func ("/document/long-lines-on-insertion", test_long_lines_on_insertion);

  return g_test_run ();
}
