/* test-preview-large.c: a long document stays light, and every part of
 * it can be reached
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "spec-test-utils.h"
#include "preview-fixture.h"

#define N_SECTIONS 3000
#define TIMEOUT_MS 5000

/* About what a short spec's list view keeps around its view (GTK builds
 * up to 200 rows), far below the document's 12000 blocks. */
#define MAX_ROWS 250

/* Sections of four blocks each: a heading, a paragraph, a table and a
 * code block, so that the rows differ in height a lot. */
static char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= N_SECTIONS; i++)
    g_string_append_printf (text,
                            "## Section %u\n"
                            "\n"
                            "Paragraph %u says what the section is about, at some length, so "
                            "that it wraps onto a second line in a narrow window.\n"
                            "\n"
                            "| Field | Value |\n"
                            "|-------|-------|\n"
                            "| name  | %u    |\n"
                            "| size  | large |\n"
                            "\n"
                            "```json\n"
                            "{ \"section\": %u }\n"
                            "```\n"
                            "\n",
                            i, i, i, i);

  return g_string_free (text, FALSE);
}

static guint
count_rows (PreviewFixture *fixture)
{
  g_autoptr(GPtrArray) rows = preview_find_widgets (fixture->preview, ADW_TYPE_BIN, "block-row");

  return rows->len;
}

static const SpecSection *
section (SpecSnapshot *snapshot,
         guint         number)
{
  return g_ptr_array_index (spec_snapshot_get_sections (snapshot), number - 1);
}

/* The index of the block starting at @line. */
static guint
block_at_line (SpecSnapshot *snapshot,
               guint         line)
{
  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      if (spec_snapshot_get_block (snapshot, i)->start_line == line)
        return i;
    }

  g_assert_not_reached ();
}

typedef struct
{
  PreviewFixture *fixture;
  guint           block;
} AtTop;

static gboolean
block_is_at_top (gpointer data)
{
  AtTop *at_top = data;
  GtkWidget *widget = spec_preview_get_block_widget (at_top->fixture->preview, at_top->block);

  return widget != NULL && gtk_widget_get_mapped (widget) &&
         ABS (preview_offset_in_view (at_top->fixture->preview, widget)) < 1.0;
}

static void
assert_scrolls_to_top (PreviewFixture *fixture,
                       SpecSnapshot   *snapshot,
                       guint           line)
{
  AtTop at_top = { fixture, block_at_line (snapshot, line) };

  spec_preview_scroll_to_line (fixture->preview, line);
  g_assert_true (spec_test_wait_for (block_is_at_top, &at_top, TIMEOUT_MS));
  spec_test_wait_for_frames (fixture->window, 2);
  g_assert_true (block_is_at_top (&at_top));
  g_assert_cmpuint (spec_preview_get_top_line (fixture->preview), ==, line);
  g_assert_cmpuint (count_rows (fixture), <=, MAX_ROWS);
}

static void
test_rows_follow_the_view (void)
{
  g_autofree char *text = long_text ();
  PreviewFixture fixture;
  SpecSnapshot *snapshot;
  guint far_line;

  preview_fixture_init (&fixture, 700, 600);
  snapshot = preview_fixture_show (&fixture, text);
  g_assert_cmpuint (spec_snapshot_get_n_blocks (snapshot), ==, 4 * N_SECTIONS);

  /* A few screens' worth of rows, not one per block. */
  g_test_message ("%u rows for %u blocks", count_rows (&fixture), spec_snapshot_get_n_blocks (snapshot));
  g_assert_cmpuint (count_rows (&fixture), <=, MAX_ROWS);
  g_assert_nonnull (spec_preview_get_block_widget (fixture.preview, 0));
  g_assert_null (spec_preview_get_block_widget (fixture.preview, 4 * N_SECTIONS - 1));

  /* Far down, back up, and to the middle: each lands exactly, although
   * the rows on the way were never built. */
  far_line = section (snapshot, 2500)->heading_line;
  assert_scrolls_to_top (&fixture, snapshot, far_line);
  assert_scrolls_to_top (&fixture, snapshot, section (snapshot, 40)->heading_line);
  assert_scrolls_to_top (&fixture, snapshot, section (snapshot, 1500)->heading_line + 2);

  preview_fixture_clear (&fixture);
}

/* An edit far below the view changes no row in sight, and one in sight
 * rebuilds that row only. */
static void
test_edit_in_long_document (void)
{
  g_autofree char *text = long_text ();
  g_autoptr(GString) edited = g_string_new (NULL);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  PreviewFixture fixture;
  SpecSnapshot *snapshot;
  guint first;
  double offset;

  preview_fixture_init (&fixture, 700, 600);
  snapshot = preview_fixture_show (&fixture, text);
  assert_scrolls_to_top (&fixture, snapshot, section (snapshot, 1000)->heading_line);
  first = block_at_line (snapshot, section (snapshot, 1000)->heading_line);
  for (guint i = first; i < first + 8; i++)
    g_ptr_array_add (before, spec_preview_get_block_widget (fixture.preview, i));
  offset = preview_offset_in_view (fixture.preview, g_ptr_array_index (before, 0));

  /* Section 1001's paragraph (block first + 5), and one far below. */
  g_string_assign (edited, text);
  g_string_replace (edited, "Paragraph 1001 says", "Paragraph 1001 now says", 1);
  g_string_replace (edited, "Paragraph 2900 says", "Paragraph 2900 now says", 1);
  snapshot = preview_fixture_show (&fixture, edited->str);

  for (guint i = 0; i < before->len; i++)
    {
      GtkWidget *widget = spec_preview_get_block_widget (fixture.preview, first + i);

      if (i == 5)
        {
          g_assert_true (widget != g_ptr_array_index (before, i));
          g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget)), "now says"));
        }
      else
        {
          g_assert_true (widget == g_ptr_array_index (before, i));
        }
    }
  /* No jump: the list's scroll value is an estimate that may change as
   * rows are measured, but what is on top stays where it was. */
  g_assert_cmpfloat (ABS (preview_offset_in_view (fixture.preview, g_ptr_array_index (before, 0)) - offset), <, 1);
  g_assert_cmpuint (spec_preview_get_top_line (fixture.preview), ==,
                    section (snapshot, 1000)->heading_line);

  preview_fixture_clear (&fixture);
}

/* Revealing scrolls as little as it takes, and not at all for a block in
 * view. */
static void
test_reveal_line (void)
{
  g_autofree char *text = long_text ();
  PreviewFixture fixture;
  SpecSnapshot *snapshot;
  GtkAdjustment *vadj;
  GtkWidget *widget;
  guint line;
  double value;
  double offset;

  preview_fixture_init (&fixture, 700, 600);
  snapshot = preview_fixture_show (&fixture, text);
  vadj = preview_vadjustment (fixture.preview);
  assert_scrolls_to_top (&fixture, snapshot, section (snapshot, 200)->heading_line);
  value = gtk_adjustment_get_value (vadj);

  /* In view already: nothing moves. */
  spec_preview_reveal_line (fixture.preview, section (snapshot, 200)->heading_line + 2);
  spec_test_wait_for_frames (fixture.window, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);

  /* A few screens down: it comes into view at the bottom edge. */
  line = section (snapshot, 210)->heading_line + 2;
  spec_preview_reveal_line (fixture.preview, line);
  spec_test_wait_for_frames (fixture.window, 10);
  widget = spec_preview_get_block_widget (fixture.preview, block_at_line (snapshot, line));
  g_assert_nonnull (widget);
  offset = preview_offset_in_view (fixture.preview, widget);
  g_test_message ("revealed at %.1f, height %d, page %.1f", offset,
                  gtk_widget_get_height (widget), gtk_adjustment_get_page_size (vadj));
  g_assert_cmpfloat (offset, >, 0);
  g_assert_cmpfloat (offset + gtk_widget_get_height (widget), <=, gtk_adjustment_get_page_size (vadj) + 1);
  g_assert_cmpfloat (offset + gtk_widget_get_height (widget), >, gtk_adjustment_get_page_size (vadj) - 30);

  /* Far above: it comes into view at the top. */
  line = section (snapshot, 20)->heading_line + 2;
  spec_preview_reveal_line (fixture.preview, line);
  spec_test_wait_for_frames (fixture.window, 10);
  widget = spec_preview_get_block_widget (fixture.preview, block_at_line (snapshot, line));
  g_assert_nonnull (widget);
  offset = preview_offset_in_view (fixture.preview, widget);
  g_assert_cmpfloat (offset, >=, -1);
  g_assert_cmpfloat (offset + gtk_widget_get_height (widget), <=, gtk_adjustment_get_page_size (vadj) + 1);

  preview_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/preview/large/rows-follow-the-view", test_rows_follow_the_view);
  g_test_add_func ("/preview/large/edit", test_edit_in_long_document);
  g_test_add_func ("/preview/large/reveal-line", test_reveal_line);

  return g_test_run ();
}
