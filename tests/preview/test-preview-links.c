/* test-preview-links.c: links, heading anchors, scrolling to a line and
 * task boxes
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "spec-link-policy.h"
#include "spec-test-utils.h"
#include "preview-fixture.h"

/* Links */

static void
record_launch (GtkWindow  *parent,
               const char *uri,
               gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (uri));
}

/* What GtkLabel does on a click: emits activate-link with the href. */
static gboolean
activate_link (GtkWidget  *label,
               const char *uri)
{
  gboolean handled = FALSE;
  g_autofree char *href = g_markup_printf_escaped ("href=\"%s\"", uri);

  /* only links the label really has */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), href));
  g_signal_emit_by_name (label, "activate-link", uri, &handled);

  return handled;
}

static void
test_link_schemes (void)
{
  static const char * const refused[] = {
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "steam://run/1",
    "other.md", "/etc/passwd", "#no-such-heading",
  };
  g_autoptr(GPtrArray) launched = g_ptr_array_new_with_free_func (g_free);
  PreviewFixture fixture;
  GtkWidget *label;

  spec_link_policy_set_launcher (record_launch, launched);
  preview_fixture_init (&fixture, 600, 600);
  preview_fixture_show (&fixture,
                        "[js](javascript:alert(1)) [f](file:///etc/passwd) "
                        "[d](data:text/html,x) [s](steam://run/1) [rel](other.md) "
                        "[abs](/etc/passwd) [no](#no-such-heading) "
                        "[web](https://example.com/a?b=1) [mail](mailto:me@example.com)\n");
  label = spec_preview_get_block_widget (fixture.preview, 0);
  g_assert_true (GTK_IS_LABEL (label));

  /* swallowed: handled, so GTK's own handler never sees them */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_true (activate_link (label, refused[i]));
  g_assert_cmpuint (launched->len, ==, 0);

  g_assert_true (activate_link (label, "https://example.com/a?b=1"));
  g_assert_true (activate_link (label, "mailto:me@example.com"));
  g_assert_cmpuint (launched->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, "https://example.com/a?b=1");
  g_assert_cmpstr (g_ptr_array_index (launched, 1), ==, "mailto:me@example.com");

  /* hovering shows where a link leads */
  g_assert_true (gtk_widget_get_has_tooltip (label));

  /* even a direct call opens nothing else */
  spec_link_policy_open (label, "javascript:alert(1)");
  spec_link_policy_open (label, "file:///etc/passwd");
  g_assert_cmpuint (launched->len, ==, 2);

  spec_link_policy_set_launcher (NULL, NULL);
  preview_fixture_clear (&fixture);
}

/* Anchors and scrolling */

static char *
anchors_text (void)
{
  GString *text = g_string_new ("# Top\n"
                                "\n"
                                "Go to [the second setup](#setup-1), [the first](#setup), "
                                "[Ü](#%C3%BCberblick) or [nowhere](#nowhere).\n"
                                "\n"
                                "## Setup\n"
                                "\n");

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "First filler %u.\n\n", i);
  g_string_append (text, "## Setup\n\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "Second filler %u.\n\n", i);
  g_string_append (text, "## Überblick\n\n");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "Third filler %u.\n\n", i);

  return g_string_free (text, FALSE);
}

static void
record_line (SpecPreview *preview,
             guint        line,
             GArray      *lines)
{
  g_array_append_val (lines, line);
}

static const SpecSection *
section (SpecSnapshot *snapshot,
         guint         index)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  g_assert_cmpuint (index, <, sections->len);

  return g_ptr_array_index (sections, index);
}

/* The widget of the block starting at @line. */
static GtkWidget *
widget_at_line (PreviewFixture *fixture,
                guint           line)
{
  SpecSnapshot *snapshot = spec_preview_get_snapshot (fixture->preview);

  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      if (spec_snapshot_get_block (snapshot, i)->start_line == line)
        return spec_preview_get_block_widget (fixture->preview, i);
    }

  g_assert_not_reached ();
}

static void
assert_at_top (PreviewFixture *fixture,
               GtkWidget      *widget)
{
  double offset = preview_offset_in_view (fixture->preview, widget);

  g_test_message ("offset %f", offset);
  g_assert_cmpfloat (ABS (offset), <, 1.0);
}

static void
test_anchor_links (void)
{
  g_autofree char *text = anchors_text ();
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) launched = g_ptr_array_new_with_free_func (g_free);
  GtkAdjustment *vadj;
  PreviewFixture fixture;
  SpecSnapshot *snapshot;
  GtkWidget *label;
  guint second_setup;
  double value;

  spec_link_policy_set_launcher (record_launch, launched);
  preview_fixture_init (&fixture, 600, 500);
  snapshot = preview_fixture_show (&fixture, text);
  g_signal_connect (fixture.preview, "heading-link-activated", G_CALLBACK (record_line), lines);
  vadj = preview_vadjustment (fixture.preview);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);

  label = spec_preview_get_block_widget (fixture.preview, 1);
  second_setup = section (snapshot, 2)->heading_line;
  g_assert_cmpstr (section (snapshot, 2)->title, ==, "Setup");

  /* the duplicate title's anchor: the second "Setup" */
  g_assert_true (activate_link (label, "#setup-1"));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, second_setup);
  spec_test_wait_for_frames (fixture.window, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);
  assert_at_top (&fixture, widget_at_line (&fixture, second_setup));

  g_assert_true (activate_link (label, "#setup"));
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, section (snapshot, 1)->heading_line);
  spec_test_wait_for_frames (fixture.window, 3);
  assert_at_top (&fixture, widget_at_line (&fixture, section (snapshot, 1)->heading_line));

  g_assert_true (activate_link (label, "#%C3%BCberblick"));
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, section (snapshot, 3)->heading_line);
  spec_test_wait_for_frames (fixture.window, 3);
  assert_at_top (&fixture, widget_at_line (&fixture, section (snapshot, 3)->heading_line));

  /* no such heading: nothing moves, nothing is emitted or opened */
  value = gtk_adjustment_get_value (vadj);
  g_assert_true (activate_link (label, "#nowhere"));
  spec_test_wait_for_frames (fixture.window, 2);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);
  g_assert_cmpuint (launched->len, ==, 0);

  spec_link_policy_set_launcher (NULL, NULL);
  preview_fixture_clear (&fixture);
}

static void
test_scroll_to_line (void)
{
  g_autofree char *text = anchors_text ();
  PreviewFixture fixture;
  SpecSnapshot *snapshot;
  GtkAdjustment *vadj;
  guint setup_line;
  g_autoptr(GString) longer = NULL;

  preview_fixture_init (&fixture, 600, 500);
  snapshot = preview_fixture_show (&fixture, text);
  vadj = preview_vadjustment (fixture.preview);
  setup_line = section (snapshot, 2)->heading_line;

  /* the heading's own line; the blank line after a paragraph goes to the
   * next block */
  spec_preview_scroll_to_line (fixture.preview, setup_line);
  spec_test_wait_for_frames (fixture.window, 2);
  assert_at_top (&fixture, widget_at_line (&fixture, setup_line));

  spec_preview_scroll_to_line (fixture.preview, setup_line + 1);
  spec_test_wait_for_frames (fixture.window, 2);
  assert_at_top (&fixture, widget_at_line (&fixture, setup_line + 2));

  spec_preview_scroll_to_line (fixture.preview, 1);
  spec_test_wait_for_frames (fixture.window, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);

  /* past the end: as far as the page goes */
  spec_preview_scroll_to_line (fixture.preview, 100000);
  spec_test_wait_for_frames (fixture.window, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==,
                     gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));

  /* right after a new snapshot, before it is laid out: done once it is */
  longer = g_string_new (text);
  g_string_prepend (longer, "Added at the top.\n\nAnd more.\n\n");
  {
    g_autoptr(SpecSnapshot) next = spec_snapshot_new (longer->str, -1);

    spec_preview_set_snapshot (fixture.preview, next);
    spec_preview_scroll_to_line (fixture.preview, setup_line + 4);
    spec_test_wait_for_frames (fixture.window, 3);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget_at_line (&fixture, setup_line + 4))),
                     ==, "Setup");
    assert_at_top (&fixture, widget_at_line (&fixture, setup_line + 4));
  }

  preview_fixture_clear (&fixture);
}

/* Task boxes */

typedef struct
{
  guint    line;
  gboolean checked;
} Toggle;

static void
record_toggle (SpecPreview *preview,
               guint        line,
               gboolean     checked,
               GArray      *toggles)
{
  Toggle toggle = { line, checked };

  g_array_append_val (toggles, toggle);
}

static const char tasks_text[] =
  "# Tasks\n"                 /* 1 */
  "\n"
  "- [ ] one\n"               /* 3 */
  "- [x] two\n"               /* 4 */
  "  - [ ] nested\n"          /* 5 */
  "    - [x] deeper\n"        /* 6 */
  "- plain item\n"            /* 7 */
  "\n"
  "Paragraph.\n"              /* 9 */
  "\n"
  "1. [ ] second list\n"      /* 11 */
  "2. [x] again\n";           /* 12 */

static GPtrArray *
task_checks (PreviewFixture *fixture)
{
  return preview_find_widgets (fixture->preview, GTK_TYPE_CHECK_BUTTON, "task-check");
}

/* Clicks every box in document order, the last one from the keyboard,
 * and checks the lines and states reported against @expected_lines. */
static void
toggle_all (PreviewFixture *fixture,
            GArray         *toggles,
            const guint    *expected_lines,
            guint           n_expected)
{
  g_autoptr(GPtrArray) checks = task_checks (fixture);

  g_assert_cmpuint (checks->len, ==, n_expected);
  g_array_set_size (toggles, 0);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gboolean was_active = gtk_check_button_get_active (check);
      Toggle *toggle;

      if (i + 1 == checks->len)
        {
          /* Space or Enter on the focused box.  Focus is the window's
           * own (is_focus), whether or not another test's window is the
           * active one on the shared display. */
          gtk_widget_grab_focus (GTK_WIDGET (check));
          g_assert_true (gtk_widget_is_focus (GTK_WIDGET (check)));
          gtk_widget_activate (GTK_WIDGET (check));
        }
      else
        {
          gtk_check_button_set_active (check, !was_active);
        }

      g_assert_cmpuint (toggles->len, ==, i + 1);
      toggle = &g_array_index (toggles, Toggle, i);
      g_assert_cmpuint (toggle->line, ==, expected_lines[i]);
      g_assert_cmpint (toggle->checked, ==, !was_active);
    }
}

static GPtrArray *
all_block_widgets (PreviewFixture *fixture)
{
  SpecSnapshot *snapshot = spec_preview_get_snapshot (fixture->preview);
  GPtrArray *widgets = g_ptr_array_new ();

  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    g_ptr_array_add (widgets, spec_preview_get_block_widget (fixture->preview, i));

  return widgets;
}

static void
test_tasks (void)
{
  static const guint lines_a[] = { 3, 4, 5, 6, 11, 12 };
  static const guint lines_b[] = { 5, 6, 7, 8, 13, 14 };
  g_autoptr(GArray) toggles = g_array_new (FALSE, FALSE, sizeof (Toggle));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GString) text_b = g_string_new (tasks_text);
  g_autoptr(GPtrArray) checks = NULL;
  PreviewFixture fixture;
  SpecSnapshot *snapshot;

  preview_fixture_init (&fixture, 600, 700);
  snapshot = preview_fixture_show (&fixture, tasks_text);
  g_signal_connect (fixture.preview, "task-toggled", G_CALLBACK (record_toggle), toggles);
  before = all_block_widgets (&fixture);

  toggle_all (&fixture, toggles, lines_a, G_N_ELEMENTS (lines_a));

  /* the preview changed nothing itself: same snapshot, same widgets */
  g_assert_true (spec_preview_get_snapshot (fixture.preview) == snapshot);
  after = all_block_widgets (&fixture);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  /* a paragraph inserted above: the lists are kept, their lines moved */
  g_string_replace (text_b, "# Tasks\n\n", "# Tasks\n\nInserted above.\n\n", 1);
  preview_fixture_show (&fixture, text_b->str);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = all_block_widgets (&fixture);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  for (guint i = 1; i < before->len; i++)
    g_assert_true (g_ptr_array_index (after, i + 1) == g_ptr_array_index (before, i));

  toggle_all (&fixture, toggles, lines_b, G_N_ELEMENTS (lines_b));

  /* the accessible name is the item's own text, not its sub-items' */
  checks = task_checks (&fixture);
  gtk_test_accessible_assert_property (g_ptr_array_index (checks, 1),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "two");
  gtk_test_accessible_assert_property (g_ptr_array_index (checks, 2),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "nested");

  preview_fixture_clear (&fixture);
}

/* Ticking a box from the keyboard leads to a new snapshot that rebuilds
 * the list: the focus stays on the box. */
static void
test_task_focus_kept (void)
{
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GString) text = g_string_new (tasks_text);
  PreviewFixture fixture;
  GtkWidget *old_check;
  GtkWidget *new_check;

  preview_fixture_init (&fixture, 600, 700);
  preview_fixture_show (&fixture, tasks_text);

  checks = task_checks (&fixture);
  old_check = g_ptr_array_index (checks, 2);   /* "nested", line 5 */
  gtk_widget_grab_focus (old_check);
  gtk_widget_activate (old_check);

  /* what the window does with task-toggled */
  g_string_replace (text, "  - [ ] nested", "  - [x] nested", 1);
  preview_fixture_show (&fixture, text->str);

  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = task_checks (&fixture);
  new_check = g_ptr_array_index (checks, 2);
  g_assert_true (new_check != old_check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (new_check)));
  g_assert_true (gtk_widget_is_focus (new_check));

  preview_fixture_clear (&fixture);
}

/* A focused label whose block is rebuilt, by an edit or by saving the
 * document (images), must not upset GTK: criticals are fatal here. */
static void
test_focused_label_rebuilt (void)
{
  g_autoptr(GFile) base_file = g_file_new_for_path ("/nonexistent/specwright/spec.md");
  PreviewFixture fixture;
  GtkWidget *label;

  preview_fixture_init (&fixture, 600, 400);
  preview_fixture_show (&fixture, "First paragraph.\n\n![Alt text](missing.png)\n");

  label = spec_preview_get_block_widget (fixture.preview, 0);
  gtk_widget_grab_focus (label);
  g_assert_true (gtk_widget_is_focus (label));
  preview_fixture_show (&fixture, "First paragraph, edited.\n\n![Alt text](missing.png)\n");
  g_assert_true (spec_preview_get_block_widget (fixture.preview, 0) != label);

  label = preview_find_label (spec_preview_get_block_widget (fixture.preview, 1), "Alt text");
  g_assert_nonnull (label);
  gtk_widget_grab_focus (label);
  g_assert_true (gtk_widget_is_focus (label));
  spec_preview_set_base_file (fixture.preview, base_file);
  spec_test_wait_for_frames (fixture.window, 2);
  g_assert_null (preview_find_label (fixture.preview, "Image not shown: save the document first"));

  preview_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps the accessible properties to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  spec_test_init (&argc, &argv);

  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/preview/links/schemes", test_link_schemes);
  g_test_add_func ("/preview/links/anchors", test_anchor_links);
  g_test_add_func ("/preview/scroll-to-line", test_scroll_to_line);
  g_test_add_func ("/preview/tasks/toggle", test_tasks);
  g_test_add_func ("/preview/tasks/focus-kept", test_task_focus_kept);
  g_test_add_func ("/preview/focused-label-rebuilt", test_focused_label_rebuilt);

  return g_test_run ();
}
