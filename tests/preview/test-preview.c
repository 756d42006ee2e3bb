/* test-preview.c: SpecPreview in a real window
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <cmark-gfm-core-extensions.h>
#include <gtksourceview/gtksource.h>

#include "corpus-examples.h"
#include "preview-fixture.h"
#include "spec-inline-markup.h"
#include "spec-markdown.h"
#include "spec-preview.h"
#include "spec-test-utils.h"

/* Widget tree queries */

static gboolean
widget_is_drawn (GtkWidget *widget,
                 GtkWidget *root)
{
  for (; widget != NULL && widget != root; widget = gtk_widget_get_parent (widget))
    {
      if (!gtk_widget_get_visible (widget))
        return FALSE;
    }

  return TRUE;
}

static char *
joined_label_text (gpointer root)
{
  g_autoptr(GPtrArray) labels = preview_find_widgets (root, GTK_TYPE_LABEL, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (widget_is_drawn (g_ptr_array_index (labels, i), root))
        {
          g_string_append (text, gtk_label_get_text (g_ptr_array_index (labels, i)));
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (text, FALSE);
}

/* Document queries */

typedef gboolean (*NodePredicate) (cmark_node *node);

static GPtrArray *
find_nodes (cmark_node    *document,
            NodePredicate  predicate)
{
  GPtrArray *found = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && predicate (node))
        g_ptr_array_add (found, node);
    }
  cmark_iter_free (iter);

  return found;
}

static gboolean
node_is_table (cmark_node *node)
{
  return spec_markdown_node_is (node, "table");
}

static gboolean
node_is_code_block (cmark_node *node)
{
  return cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK;
}

static gboolean
node_is_task (cmark_node *node)
{
  return spec_markdown_node_is (node, "tasklist");
}

static guint
count_table_rows (cmark_node *table)
{
  guint rows = 0;

  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row))
    rows++;

  return rows;
}

/* Seeds */

static char *
read_test_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_headings (SpecPreview  *preview,
                 SpecSnapshot *snapshot)
{
  g_autoptr(GPtrArray) headings = preview_find_widgets (preview, GTK_TYPE_LABEL, "spec-heading");
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  g_assert_cmpuint (headings->len, ==, sections->len);

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      GtkWidget *label = g_ptr_array_index (headings, i);
      g_autofree char *level_class = g_strdup_printf ("h%u", section->level);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, section->title);
      g_assert_true (gtk_widget_has_css_class (label, level_class));
    }
}

static void
assert_tables (SpecPreview  *preview,
               SpecSnapshot *snapshot)
{
  g_autoptr(GPtrArray) tables = find_nodes (spec_snapshot_get_document (snapshot), node_is_table);
  g_autoptr(GPtrArray) grids = preview_find_widgets (preview, GTK_TYPE_GRID, "table");

  g_assert_cmpuint (grids->len, ==, tables->len);

  for (guint i = 0; i < tables->len; i++)
    {
      cmark_node *table = g_ptr_array_index (tables, i);
      GtkGrid *grid = g_ptr_array_index (grids, i);
      int rows = (int) count_table_rows (table);
      int columns = cmark_gfm_extensions_get_table_columns (table);
      int n_children = 0;

      g_assert_cmpint (rows, >, 1);
      g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (grid),
                                                                      GTK_TYPE_SCROLLED_WINDOW)));

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        n_children++;
      g_assert_cmpint (n_children, ==, rows * columns);

      for (int row = 0; row < rows; row++)
        {
          for (int column = 0; column < columns; column++)
            {
              GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

              g_assert_true (GTK_IS_LABEL (cell));
              g_assert_cmpint (gtk_widget_has_css_class (cell, "header"), ==, row == 0);
            }
        }
    }
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_code_blocks (SpecPreview  *preview,
                    SpecSnapshot *snapshot)
{
  g_autoptr(GPtrArray) blocks = find_nodes (spec_snapshot_get_document (snapshot), node_is_code_block);
  g_autoptr(GPtrArray) views = preview_find_widgets (preview, GTK_TYPE_TEXT_VIEW, "code");

  g_assert_cmpuint (views->len, ==, blocks->len);

  for (guint i = 0; i < blocks->len; i++)
    {
      g_autofree char *code = g_strdup (cmark_node_get_literal (g_ptr_array_index (blocks, i)));
      GtkWidget *view = g_ptr_array_index (views, i);
      g_autofree char *shown = text_view_text (view);

      /* cmark keeps the last newline, the view does not */
      if (g_str_has_suffix (code, "\n"))
        code[strlen (code) - 1] = '\0';
      g_assert_cmpstr (shown, ==, code);
      g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (view)));
      g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
      g_assert_false (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (view)));
      g_assert_true (GTK_SOURCE_IS_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))));
      g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_ancestor (view,
                                                                      GTK_TYPE_SCROLLED_WINDOW)));
    }
}

static void
assert_tasks (SpecPreview  *preview,
              SpecSnapshot *snapshot)
{
  g_autoptr(GPtrArray) items = find_nodes (spec_snapshot_get_document (snapshot), node_is_task);
  g_autoptr(GPtrArray) checks = preview_find_widgets (preview, GTK_TYPE_CHECK_BUTTON, "task-check");

  g_assert_cmpuint (checks->len, ==, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);

      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==,
                       cmark_gfm_extensions_get_tasklist_item_checked (g_ptr_array_index (items, i)));
      g_assert_true (gtk_widget_get_can_target (check));
      g_assert_true (gtk_widget_get_focusable (check));
      g_assert_true (gtk_widget_get_sensitive (check));
    }
}

static void
assert_no_html_comments (SpecPreview *preview)
{
  g_autoptr(GPtrArray) labels = preview_find_widgets (preview, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      g_assert_null (strstr (text, "<!--"));
    }
}

/* HTML blocks show as written, without their comments, or not at all. */
static void
assert_html_blocks (SpecPreview  *preview,
                    SpecSnapshot *snapshot)
{
  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      cmark_node *node = spec_snapshot_get_block (snapshot, i)->node;
      GtkWidget *widget = spec_preview_get_block_widget (preview, i);
      g_autofree char *visible = NULL;

      if (cmark_node_get_type (node) != CMARK_NODE_HTML_BLOCK)
        continue;

      visible = spec_markdown_strip_html_comments (cmark_node_get_literal (node));
      g_strstrip (visible);

      if (visible[0] == '\0')
        {
          g_assert_false (gtk_widget_get_visible (widget));
        }
      else
        {
          g_assert_true (GTK_IS_LABEL (widget));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, visible);
        }
    }
}

static void
test_seed (gconstpointer data)
{
  const char *path = data;
  g_autofree char *text = read_test_file (path);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  PreviewFixture fixture;

  preview_fixture_init (&fixture, 900, 1000);
  spec_preview_set_snapshot (fixture.preview, snapshot);
  spec_test_wait_for_frames (fixture.window, 2);
  preview_wait_complete (fixture.window, fixture.preview);

  g_assert_true (spec_preview_get_snapshot (fixture.preview) == snapshot);
  g_assert_cmpuint (spec_snapshot_get_sections (snapshot)->len, >, 0);
  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    g_assert_nonnull (spec_preview_get_block_widget (fixture.preview, i));
  g_assert_null (spec_preview_get_block_widget (fixture.preview,
                                                spec_snapshot_get_n_blocks (snapshot)));

  assert_headings (fixture.preview, snapshot);
  assert_tables (fixture.preview, snapshot);
  assert_code_blocks (fixture.preview, snapshot);
  assert_tasks (fixture.preview, snapshot);
  assert_no_html_comments (fixture.preview);
  assert_html_blocks (fixture.preview, snapshot);

  preview_fixture_clear (&fixture);
}

static void
test_no_seeds (void)
{
  g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");
}

/* Rendering of the individual block kinds */

static const char blocks_text[] =
  "# Title\n"
  "\n"
  "3. three\n"
  "4. four\n"
  "   - nested *one*\n"
  "     - deeper\n"
  "\n"
  "1) paren\n"
  "\n"
  "- [x] done\n"
  "- [ ] open\n"
  "\n"
  "> quoted **text**\n"
  "\n"
  "<!-- a comment\n"
  "     over lines -->\n"
  "\n"
  "<div class=\"x\">raw</div>\n"
  "\n"
  "***\n"
  "\n"
  "![A diagram](diagram.png)\n"
  "\n"
  "Note[^n] with a [link](https://example.com \"Ex\").\n"
  "\n"
  "    indented code\n"
  "\n"
  "| L | C | R |\n"
  "|:--|:-:|--:|\n"
  "| 1 | 2 |\n"
  "\n"
  "[^n]: The *note*.\n";

static GtkWidget *
block_widget (PreviewFixture *fixture,
              guint           index)
{
  GtkWidget *widget = spec_preview_get_block_widget (fixture->preview, index);

  g_assert_nonnull (widget);

  return widget;
}

static GPtrArray *
list_markers (GtkWidget *list)
{
  g_autoptr(GPtrArray) labels = preview_find_widgets (list, GTK_TYPE_LABEL, "list-marker");
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (g_ptr_array_index (labels, i)));
  g_ptr_array_add (texts, NULL);

  return texts;
}

static void
test_blocks (void)
{
  PreviewFixture fixture;
  g_autoptr(GPtrArray) markers = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) code = NULL;
  g_autofree char *text = NULL;
  GtkWidget *widget;
  GtkWidget *scroller;
  GtkGrid *grid;
  gboolean handled = FALSE;
  GtkPolicyType hpolicy;
  GtkPolicyType vpolicy;

  preview_fixture_init (&fixture, 600, 800);
  preview_fixture_show (&fixture, blocks_text);

  /* the page scrolls down, never sideways: wide content scrolls itself */
  scroller = gtk_widget_get_first_child (GTK_WIDGET (fixture.preview));
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), &hpolicy, &vpolicy);
  g_assert_cmpint (hpolicy, ==, GTK_POLICY_NEVER);
  g_assert_cmpint (vpolicy, ==, GTK_POLICY_AUTOMATIC);
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (fixture.preview)), ==, "specpreview");

  g_assert_true (gtk_widget_has_css_class (block_widget (&fixture, 0), "title-1"));

  /* numbering from the list's start; nested lists indent and change marks */
  widget = block_widget (&fixture, 1);
  g_assert_true (gtk_widget_has_css_class (widget, "ordered-list"));
  markers = list_markers (widget);
  g_assert_cmpstrv ((const char * const *) markers->pdata,
                    ((const char * const[]) { "3.", "4.", "◦", "▪", NULL }));
  g_clear_pointer (&markers, g_ptr_array_unref);

  markers = list_markers (block_widget (&fixture, 2));
  g_assert_cmpstrv ((const char * const *) markers->pdata,
                    ((const char * const[]) { "1)", NULL }));

  /* task items: real check buttons showing the state, without markers,
   * that take clicks and the keyboard */
  widget = block_widget (&fixture, 3);
  checks = preview_find_widgets (widget, GTK_TYPE_CHECK_BUTTON, "task-check");
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  g_assert_true (gtk_widget_get_can_target (g_ptr_array_index (checks, 0)));
  g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (checks, 0)));
  g_clear_pointer (&markers, g_ptr_array_unref);
  markers = list_markers (widget);
  g_assert_cmpuint (markers->len, ==, 1);

  widget = block_widget (&fixture, 4);
  g_assert_true (gtk_widget_has_css_class (widget, "blockquote"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (widget))),
                            "<b>text</b>"));

  /* an HTML comment shows nothing, other HTML shows as written */
  g_assert_false (gtk_widget_get_visible (block_widget (&fixture, 5)));
  widget = block_widget (&fixture, 6);
  g_assert_true (GTK_IS_LABEL (widget));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, "<div class=\"x\">raw</div>");

  g_assert_true (GTK_IS_SEPARATOR (block_widget (&fixture, 7)));

  /* a relative image of an unsaved document: its alt text, and why */
  widget = block_widget (&fixture, 8);
  images = preview_find_widgets (widget, GTK_TYPE_IMAGE, NULL);
  g_assert_cmpuint (images->len, ==, 1);
  text = joined_label_text (widget);
  g_assert_cmpstr (text, ==, "A diagram\nImage not shown: save the document first\n");
  g_clear_pointer (&text, g_free);

  /* links show their target as a tooltip; the preview handles every
   * activation itself, so GTK's handler never opens other schemes */
  widget = block_widget (&fixture, 9);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, "Note[1] with a link.");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (widget)), "href=\"https://example.com\""));
  g_assert_true (gtk_widget_get_has_tooltip (widget));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (widget)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (widget)));
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (widget)), ==, PANGO_WRAP_WORD_CHAR);
  g_signal_emit_by_name (widget, "activate-link", "file:///etc/passwd", &handled);
  g_assert_true (handled);

  code = preview_find_widgets (block_widget (&fixture, 10), GTK_TYPE_TEXT_VIEW, "code");
  g_assert_cmpuint (code->len, ==, 1);
  text = text_view_text (g_ptr_array_index (code, 0));
  g_assert_cmpstr (text, ==, "indented code");
  g_clear_pointer (&text, g_free);

  /* short rows are padded; alignment from the delimiter row */
  grids = preview_find_widgets (block_widget (&fixture, 11), GTK_TYPE_GRID, "table");
  grid = g_ptr_array_index (grids, 0);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 1))), ==, 0.0);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 1))), ==, 0.5);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==, 1.0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 1))), ==, "");

  /* footnotes at the end */
  widget = block_widget (&fixture, 12);
  g_assert_true (gtk_widget_has_css_class (widget, "footnote"));
  text = joined_label_text (widget);
  g_assert_cmpstr (text, ==, "[1]\nThe note.\n");

  g_assert_null (spec_preview_get_block_widget (fixture.preview, 13));

  preview_fixture_clear (&fixture);
}

/* Incremental updates */

static const char update_text[] =
  "# Spec\n"
  "\n"
  "Intro paragraph.\n"
  "\n"
  "- one\n"
  "- two\n"
  "\n"
  "| a | b |\n"
  "|---|---|\n"
  "| 1 | 2 |\n"
  "\n"
  "```c\n"
  "int x;\n"
  "```\n"
  "\n"
  "Last paragraph.\n";

static GPtrArray *
block_widgets (PreviewFixture *fixture)
{
  SpecSnapshot *snapshot = spec_preview_get_snapshot (fixture->preview);
  GPtrArray *widgets = g_ptr_array_new ();

  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    g_ptr_array_add (widgets, block_widget (fixture, i));

  return widgets;
}

/* Each block widget has a row of its own, holding nothing else, and the
 * rows in view are laid out in document order. */
static void
assert_column_matches (PreviewFixture *fixture)
{
  g_autoptr(GPtrArray) widgets = block_widgets (fixture);
  double previous = -G_MAXDOUBLE;

  spec_test_wait_for_frames (fixture->window, 1);

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      GtkWidget *row = gtk_widget_get_parent (widget);
      graphene_point_t point;

      g_assert_true (gtk_widget_has_css_class (row, "block-row"));
      g_assert_true (gtk_widget_get_first_child (row) == widget);
      g_assert_null (gtk_widget_get_next_sibling (widget));

      /* The list only places the rows in view. */
      if (!gtk_widget_get_mapped (row))
        continue;

      g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (fixture->preview),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      g_assert_cmpfloat (point.y, >=, previous);
      previous = point.y;
    }
}

static void
test_update_reuses_blocks (void)
{
  g_autoptr(GString) text = g_string_new (update_text);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *long_text = NULL;
  GtkAdjustment *vadj;
  GtkWidget *last;
  double value;
  PreviewFixture fixture;

  preview_fixture_init (&fixture, 600, 300);

  /* Enough text to scroll, placed before the last paragraph. */
  for (guint i = 0; i < 40; i++)
    g_string_replace (text, "Last paragraph.", "Filler paragraph.\n\nLast paragraph.", 1);
  preview_fixture_show (&fixture, text->str);
  before = block_widgets (&fixture);

  vadj = preview_vadjustment (fixture.preview);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, 2 * gtk_adjustment_get_page_size (vadj));
  gtk_adjustment_set_value (vadj, 400);
  spec_test_wait_for_frames (fixture.window, 2);
  value = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (value, ==, 400);

  g_string_replace (text, "Last paragraph.", "Last & <changed> paragraph.", 1);
  preview_fixture_show (&fixture, text->str);
  after = block_widgets (&fixture);

  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_true (g_ptr_array_index (after, 2) == g_ptr_array_index (before, 2));
  for (guint i = 0; i + 1 < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  last = g_ptr_array_index (after, after->len - 1);
  g_assert_true (last != g_ptr_array_index (before, before->len - 1));
  g_assert_true (GTK_IS_LABEL (last));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (last)), ==, "Last & <changed> paragraph.");
  assert_column_matches (&fixture);

  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);

  /* A paragraph inserted in the middle: everything else is kept. */
  g_clear_pointer (&before, g_ptr_array_unref);
  before = g_steal_pointer (&after);
  g_string_replace (text, "Intro paragraph.\n", "Intro paragraph.\n\nInserted.\n", 1);
  preview_fixture_show (&fixture, text->str);
  after = block_widgets (&fixture);

  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_true (g_ptr_array_index (after, 1) == g_ptr_array_index (before, 1));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (after, 2))), ==, "Inserted.");
  for (guint i = 3; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i - 1));
  assert_column_matches (&fixture);

  /* Reusing a widget for text that now means something else would be wrong:
   * here the same bytes were a list item before. */
  long_text = g_strdup ("# Spec\n\n- Filler paragraph.\n");
  preview_fixture_show (&fixture, long_text);
  g_assert_true (gtk_widget_has_css_class (block_widget (&fixture, 1), "list"));
  assert_column_matches (&fixture);

  preview_fixture_clear (&fixture);
}

/* Equal blocks each keep a widget of their own. */
static void
test_update_equal_blocks (void)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *removed;
  PreviewFixture fixture;

  preview_fixture_init (&fixture, 600, 400);

  preview_fixture_show (&fixture, "same\n\nsame\n\nsame\n");
  before = block_widgets (&fixture);
  g_assert_cmpuint (before->len, ==, 3);
  g_assert_true (g_ptr_array_index (before, 0) != g_ptr_array_index (before, 1));
  g_assert_true (g_ptr_array_index (before, 1) != g_ptr_array_index (before, 2));

  preview_fixture_show (&fixture, "same\n\nnew\n\nsame\n\nsame\n");
  after = block_widgets (&fixture);
  g_assert_cmpuint (after->len, ==, 4);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  g_assert_true (g_ptr_array_index (after, 2) == g_ptr_array_index (before, 1));
  g_assert_true (g_ptr_array_index (after, 3) == g_ptr_array_index (before, 2));
  assert_column_matches (&fixture);

  /* Without a document the widgets are gone, not leaked. */
  removed = g_ptr_array_index (after, 0);
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);
  spec_preview_set_snapshot (fixture.preview, NULL);
  g_assert_null (spec_preview_get_block_widget (fixture.preview, 0));
  g_assert_null (removed);

  preview_fixture_clear (&fixture);
}

/* A block's text alone does not say where its reference links lead or how
 * its footnotes are numbered: those blocks are rebuilt when that changes. */
static void
test_update_resolved_elsewhere (void)
{
  g_autofree char *text = NULL;
  GtkWidget *intro;
  GtkWidget *link;
  GtkWidget *second;
  PreviewFixture fixture;

  preview_fixture_init (&fixture, 600, 400);

  preview_fixture_show (&fixture, "Intro.\n\nSee [spec].\n\n[spec]: https://a.example\n");
  intro = block_widget (&fixture, 0);
  link = block_widget (&fixture, 1);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (link)), "https://a.example"));

  preview_fixture_show (&fixture, "Intro.\n\nSee [spec].\n\n[spec]: https://b.example\n");
  g_assert_true (block_widget (&fixture, 0) == intro);
  g_assert_true (block_widget (&fixture, 1) != link);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (block_widget (&fixture, 1))),
                            "https://b.example"));

  preview_fixture_show (&fixture, "One[^x].\n\nTwo[^y].\n\n[^x]: X.\n\n[^y]: Y.\n");
  second = block_widget (&fixture, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (second)), ==, "Two[2].");

  /* [^x] no longer referenced: [^y] becomes the first footnote */
  preview_fixture_show (&fixture, "One.\n\nTwo[^y].\n\n[^x]: X.\n\n[^y]: Y.\n");
  g_assert_true (block_widget (&fixture, 1) != second);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (block_widget (&fixture, 1))), ==, "Two[1].");
  text = joined_label_text (block_widget (&fixture, 2));
  g_assert_cmpstr (text, ==, "[1]\nY.\n");
  g_assert_true (gtk_widget_has_css_class (block_widget (&fixture, 2), "first"));
  g_assert_null (spec_preview_get_block_widget (fixture.preview, 3));

  preview_fixture_clear (&fixture);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_snapshot_property (void)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new ("# A\n", -1);
  g_autoptr(SpecSnapshot) got = NULL;
  GtkWidget *preview = g_object_ref_sink (spec_preview_new ());
  guint notified = 0;

  g_signal_connect_swapped (preview, "notify::snapshot", G_CALLBACK (count_notify), &notified);

  g_object_set (preview, "snapshot", snapshot, NULL);
  g_assert_cmpuint (notified, ==, 1);
  spec_preview_set_snapshot (SPEC_PREVIEW (preview), snapshot);
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (preview, "snapshot", &got, NULL);
  g_assert_true (got == snapshot);

  spec_preview_set_snapshot (SPEC_PREVIEW (preview), NULL);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (preview);
}

/* The specifications' examples */

static void
test_corpus (gconstpointer data)
{
  g_autoptr(GPtrArray) examples = corpus_examples_load (data);
  PreviewFixture fixture;

  if (examples == NULL)
    return;

  preview_fixture_init (&fixture, 500, 400);

  for (guint i = 0; i < examples->len; i++)
    {
      const CorpusExample *example = g_ptr_array_index (examples, i);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (example->markdown, -1);
      guint n_blocks = spec_snapshot_get_n_blocks (snapshot);

      spec_preview_set_snapshot (fixture.preview, snapshot);
      spec_test_wait_for_frames (fixture.window, 1);
      if (!spec_preview_is_complete (fixture.preview))
        preview_wait_complete (fixture.window, fixture.preview);

      if (n_blocks > 0)
        g_assert_nonnull (spec_preview_get_block_widget (fixture.preview, n_blocks - 1));
      g_assert_null (spec_preview_get_block_widget (fixture.preview, n_blocks));
      assert_html_blocks (fixture.preview, snapshot);
    }

  preview_fixture_clear (&fixture);
}

/* Screenshots, to look at and to check the colours */

static void
pixel_at (GdkTexture *texture,
          int         x,
          int         y,
          guchar      rgb[3])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *pixel;

  /* GDK_MEMORY_DEFAULT: premultiplied B, G, R, A bytes */
  gdk_texture_download (texture, data, width * 4);
  pixel = data + ((gsize) y * width + x) * 4;
  rgb[0] = pixel[2];
  rgb[1] = pixel[1];
  rgb[2] = pixel[0];
}

static GdkTexture *
save_screenshot (PreviewFixture *fixture,
                 const char     *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GdkTexture *texture = spec_test_capture (GTK_WIDGET (fixture->preview));

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return texture;
}

static double
luminance (const guchar rgb[3])
{
  return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255.0;
}

/* Puts the first block of @snapshot that @is_kind accepts on top, if
 * any: only rows near the view are built, so the page is scrolled by
 * source line. */
static gboolean
scroll_to_first (PreviewFixture *fixture,
                 SpecSnapshot   *snapshot,
                 gboolean      (*is_kind) (cmark_node *node))
{
  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (snapshot, i);

      if (is_kind (block->node))
        {
          spec_preview_scroll_to_line (fixture->preview, block->start_line);
          spec_test_wait_for_frames (fixture->window, 12);
          g_assert_nonnull (spec_preview_get_block_widget (fixture->preview, i));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_table (cmark_node *node)
{
  return spec_markdown_node_is (node, "table");
}

static gboolean
is_fenced_code (cmark_node *node)
{
  return cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK && cmark_node_get_fence_info (node) != NULL &&
         cmark_node_get_fence_info (node)[0] != '\0';
}

static void
test_screenshots (void)
{
  g_autofree char *seed_002 = spec_test_seed_path ("002_");
  g_autofree char *seed_000 = spec_test_seed_path ("000_");
  g_autofree char *text_002 = NULL;
  g_autofree char *text_000 = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) tables = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  SpecSnapshot *snapshot_000;
  guchar background[3];
  guchar text_pixel[3];
  PreviewFixture fixture;

  if (seed_002 == NULL || seed_000 == NULL)
    {
      g_test_skip ("seeds 000 and 002 are needed");
      return;
    }

  text_002 = read_test_file (seed_002);
  text_000 = read_test_file (seed_000);

  preview_fixture_init (&fixture, 900, 1000);
  gtk_window_set_focus (GTK_WINDOW (fixture.window), NULL);

  preview_fixture_show (&fixture, text_002);
  light = save_screenshot (&fixture, "preview-seed-002.png");
  g_assert_cmpint (gdk_texture_get_width (light), ==, 900);
  g_assert_cmpint (gdk_texture_get_height (light), ==, 1000);
  pixel_at (light, 4, 4, background);
  g_assert_cmpfloat (luminance (background), >, 0.85);

  snapshot_000 = preview_fixture_show (&fixture, text_000);
  g_assert_true (scroll_to_first (&fixture, snapshot_000, is_table));
  tables = save_screenshot (&fixture, "preview-seed-000.png");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  preview_fixture_show (&fixture, text_002);
  gtk_adjustment_set_value (preview_vadjustment (fixture.preview), 0);
  spec_test_wait_for_frames (fixture.window, 2);
  dark = save_screenshot (&fixture, "preview-seed-002-dark.png");
  pixel_at (dark, 4, 4, background);
  g_assert_cmpfloat (luminance (background), <, 0.25);

  /* somewhere in the first heading, text must be light on the dark page */
  {
    double brightest = 0;

    for (int x = 24; x < 400; x++)
      {
        pixel_at (dark, x, 40, text_pixel);
        brightest = MAX (brightest, luminance (text_pixel));
      }
    g_assert_cmpfloat (brightest, >, 0.7);
  }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  preview_fixture_clear (&fixture);
}

/* Each seed in light and in dark: its top, its first table and its first
 * fenced code block, saved to look at.  The page must be light or dark
 * as asked. */
static void
test_seed_screenshots (gconstpointer data)
{
  const char *path = data;
  g_autofree char *text = read_test_file (path);
  g_autofree char *base = g_path_get_basename (path);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const char *schemes[] = { "light", "dark" };
  PreviewFixture fixture;
  SpecSnapshot *snapshot;

  *strchr (base, '_') = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      gboolean dark = i == 1;
      struct {
        const char *name;
        gboolean  (*is_kind) (cmark_node *node);
      } parts[] = {
        { "tables", is_table },
        { "code", is_fenced_code },
      };
      g_autofree char *name = g_strdup_printf ("preview-seed-%s-%s.png", base, schemes[i]);
      g_autoptr(GdkTexture) top = NULL;
      guchar background[3];

      adw_style_manager_set_color_scheme (style_manager,
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      preview_fixture_init (&fixture, 900, 1000);
      gtk_window_set_focus (GTK_WINDOW (fixture.window), NULL);
      snapshot = preview_fixture_show (&fixture, text);

      top = save_screenshot (&fixture, name);
      pixel_at (top, 4, 4, background);
      if (dark)
        g_assert_cmpfloat (luminance (background), <, 0.25);
      else
        g_assert_cmpfloat (luminance (background), >, 0.85);

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        {
          g_autofree char *part_name = NULL;
          g_autoptr(GdkTexture) texture = NULL;

          if (!scroll_to_first (&fixture, snapshot, parts[j].is_kind))
            continue;

          part_name = g_strdup_printf ("preview-seed-%s-%s-%s.png", base, parts[j].name, schemes[i]);
          texture = save_screenshot (&fixture, part_name);
        }

      preview_fixture_clear (&fixture);
    }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
add_seed_tests (void)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();

  if (seeds == NULL || seeds[0] == NULL)
    {
      g_test_add_func ("/preview/seeds", test_no_seeds);
      return;
    }

  for (guint i = 0; seeds[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (seeds[i]);
      g_autofree char *test_path = g_strdup_printf ("/preview/seeds/%s", name);

      g_autofree char *shots_path = g_strdup_printf ("/preview/screenshots/%s", name);

      g_test_add_data_func_full (test_path, g_strdup (seeds[i]), test_seed, g_free);
      g_test_add_data_func_full (shots_path, g_strdup (seeds[i]), test_seed_screenshots, g_free);
    }
}

/* 60 sections of a heading and a paragraph: 120 blocks. */
static char *
sixty_sections (const char *prefix)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "## %s %u\n\nText of section %u.\n\n", prefix, i, i);

  return g_string_free (text, FALSE);
}

typedef struct
{
  SpecPreview *preview;
  guint        last;
  gboolean     painted;
  gboolean     had_first;
  gboolean     had_last;
} FirstPaint;

static void
on_first_paint (GdkFrameClock *clock,
                FirstPaint    *first)
{
  if (first->painted)
    return;
  first->painted = TRUE;
  first->had_first = spec_preview_get_block_widget (first->preview, 0) != NULL;
  first->had_last = spec_preview_get_block_widget (first->preview, first->last) != NULL;
}

/* A document shown in an empty preview comes in a screenful first, the
 * rest after the first frame (GTK 4.8 would build and measure a row for
 * each of its first 200 blocks before the first frame), and ends up
 * whole, also when it is edited or scrolled before the rest is in. */
static void
test_fill_screenful_first (void)
{
  g_autofree char *text = sixty_sections ("Section");
  g_autofree char *edited = sixty_sections ("Part");
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  g_autoptr(SpecSnapshot) second = NULL;
  PreviewFixture fixture;
  guint n_blocks = spec_snapshot_get_n_blocks (snapshot);
  FirstPaint first = { 0 };
  gulong handler;

  g_assert_cmpuint (n_blocks, ==, 120);
  preview_fixture_init (&fixture, 900, 700);

  /* What the first frame draws: the first blocks only. */
  first.preview = fixture.preview;
  first.last = n_blocks - 1;
  handler = g_signal_connect (gtk_widget_get_frame_clock (fixture.window), "paint",
                              G_CALLBACK (on_first_paint), &first);
  spec_preview_set_snapshot (fixture.preview, snapshot);
  g_assert_false (spec_preview_is_complete (fixture.preview));
  spec_test_wait_for_frames (fixture.window, 1);
  g_clear_signal_handler (&handler, gtk_widget_get_frame_clock (fixture.window));
  g_assert_true (first.painted);
  g_assert_true (first.had_first);
  g_assert_false (first.had_last);
  preview_wait_complete (fixture.window, fixture.preview);
  g_assert_nonnull (spec_preview_get_block_widget (fixture.preview, n_blocks - 1));
  assert_headings (fixture.preview, snapshot);

  /* Edited while the rows come in: every title changed, and a section
   * fewer at the start, so that every block after the first moves. */
  spec_preview_set_snapshot (fixture.preview, NULL);
  spec_preview_set_snapshot (fixture.preview, snapshot);
  g_assert_false (spec_preview_is_complete (fixture.preview));
  second = spec_snapshot_new (strstr (edited, "## Part 1\n"), -1);
  spec_preview_set_snapshot (fixture.preview, second);
  preview_wait_complete (fixture.window, fixture.preview);
  assert_headings (fixture.preview, second);
  g_assert_nonnull (spec_preview_get_block_widget (fixture.preview, spec_snapshot_get_n_blocks (second) - 1));
  g_assert_null (spec_preview_get_block_widget (fixture.preview, spec_snapshot_get_n_blocks (second)));

  /* Scrolled to its end before the rows are in: the last section comes
   * to the top as far as the page goes. */
  spec_preview_set_snapshot (fixture.preview, NULL);
  spec_preview_set_snapshot (fixture.preview, snapshot);
  spec_preview_scroll_to_line (fixture.preview, spec_snapshot_get_block (snapshot, n_blocks - 2)->start_line);
  preview_wait_complete (fixture.window, fixture.preview);
  spec_test_wait_for_frames (fixture.window, 10);
  {
    GtkWidget *last = spec_preview_get_block_widget (fixture.preview, n_blocks - 1);

    g_assert_nonnull (last);
    g_assert_true (gtk_widget_get_mapped (last));
  }

  preview_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv);
  adw_init ();

  /* Any warning or critical from GTK, Pango or the preview fails. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  add_seed_tests ();
  g_test_add_func ("/preview/blocks", test_blocks);
  g_test_add_func ("/preview/snapshot-property", test_snapshot_property);
  g_test_add_func ("/preview/update/reuses-blocks", test_update_reuses_blocks);
  g_test_add_func ("/preview/update/equal-blocks", test_update_equal_blocks);
  g_test_add_func ("/preview/update/resolved-elsewhere", test_update_resolved_elsewhere);
  g_test_add_func ("/preview/fill/screenful-first", test_fill_screenful_first);
  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/preview/corpus/%s", corpus_files[i].name);

      g_test_add_data_func (test_path, &corpus_files[i], test_corpus);
    }
  g_test_add_func ("/preview/screenshots", test_screenshots);

  return g_test_run ();
}
