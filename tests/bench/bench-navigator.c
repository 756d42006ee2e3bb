/* bench-navigator.c: the navigator taking in a new snapshot as one types
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document of the seed templates, repeated until it has at least 5,000
 * headings, is shown in a navigator in a real window, every row expanded.
 * Then 200 edits are made in the middle of it, as typing does: letters
 * into a paragraph, and every tenth edit a new line, which moves every
 * heading below it.  Each edit's snapshot is made first (the parse runs
 * on a worker thread in the app), then the time the navigator takes on
 * the main thread to take it in is measured, and the frame after it is
 * drawn before the next edit.  Prints the median and p95 of both kinds.
 *
 * Then a section with 1,000 subsections is moved past its neighbour and
 * back, and demoted and promoted back, ten times each, from the action to
 * the text changed in the editor's buffer (the core's edits, then the
 * document making them as one user action), and to the navigator showing
 * the new outline.
 *
 *     meson test -C build --benchmark bench-navigator
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "spec-document.h"
#include "spec-navigator.h"
#include "spec-outline-edit.h"
#include "spec-snapshot.h"
#include "spec-test-utils.h"

#define MIN_HEADINGS 5000
#define N_EDITS      200
#define P95(n)       (((n) * 95 + 99) / 100 - 1)   /* nearest rank */

static char *
document_text (void)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();
  GString *text;
  guint n_headings = 0;

  if (seeds == NULL || seeds[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint part = 1; n_headings < MIN_HEADINGS; part++)
    for (guint i = 0; seeds[i] != NULL; i++)
      {
        g_autofree char *contents = NULL;
        g_autoptr(SpecSnapshot) one = NULL;

        g_assert_true (g_file_get_contents (seeds[i], &contents, NULL, NULL));
        one = spec_snapshot_new (contents, -1);
        n_headings += spec_snapshot_get_sections (one)->len + 1;
        g_string_append_printf (text, "# Part %u.%u\n\n%s\n\n", part, i + 1, contents);
      }

  return g_string_free (text, FALSE);
}

/* Where typing goes: the end of the first paragraph line after the
 * middle of the text. */
static gsize
typing_place (const char *text)
{
  const char *middle = text + strlen (text) / 2;
  const char *p = strstr (middle, "\n\n");

  while (p != NULL && !g_ascii_isalpha (p[2]))
    p = strstr (p + 2, "\n\n");
  g_assert_nonnull (p);

  return strchr (p + 2, '\n') - text;
}

static void
print_figures (const char *label,
               double     *ms,
               guint       n)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  g_print ("  %-26s %3u edits: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
           label, n, ms[n / 2], ms[P95 (n)], ms[n - 1]);
}

typedef GPtrArray *(*Operation) (SpecSnapshot *, guint, GError **);

static GPtrArray *
demote (SpecSnapshot *snapshot, guint index, GError **error)
{
  return spec_outline_edit_shift (snapshot, index, 1, error);
}

static GPtrArray *
promote (SpecSnapshot *snapshot, guint index, GError **error)
{
  return spec_outline_edit_shift (snapshot, index, -1, error);
}

typedef struct
{
  SpecDocument *document;
  gsize         len;
} Parsed;

static gboolean
document_parsed (gpointer data)
{
  Parsed *parsed = data;
  SpecSnapshot *snapshot = spec_document_get_snapshot (parsed->document);
  gsize len = 0;

  if (snapshot != NULL)
    spec_snapshot_get_text (snapshot, &len);

  return snapshot != NULL && len == parsed->len &&
         gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (parsed->document)) == (int) len;
}

static guint
find_title (SpecSnapshot *snapshot,
            const char   *title)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  for (guint i = 0; i < sections->len; i++)
    if (g_strcmp0 (((SpecSection *) g_ptr_array_index (sections, i))->title, title) == 0)
      return i;

  g_error ("no section %s", title);
}

/* One operation on section "Big", from the action to the buffer changed,
 * then to @navigator showing it: in ms. */
static void
time_operation (SpecDocument  *document,
                SpecNavigator *navigator,
                Operation      operation,
                double        *to_text,
                double        *to_navigator)
{
  SpecSnapshot *snapshot = spec_document_get_snapshot (document);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  edits = operation (snapshot, find_title (snapshot, "Big"), &error);
  g_assert_no_error (error);
  g_assert_true (spec_document_apply_edits (document, snapshot, edits));
  *to_text = (g_get_monotonic_time () - start) / 1000.0;

  /* A move keeps the length: wait for a new snapshot, not a length. */
  while (spec_document_get_snapshot (document) == snapshot ||
         spec_navigator_get_snapshot (navigator) != spec_document_get_snapshot (document))
    g_main_context_iteration (NULL, TRUE);
  *to_navigator = (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_large_section (GtkWidget *window)
{
  GString *text = g_string_new ("# Before\n\nSome text.\n\n# Big\n\nThe big one.\n\n");
  SpecDocument *document = spec_document_new ();
  SpecNavigator *navigator = SPEC_NAVIGATOR (spec_navigator_new ());
  struct { const char *label; Operation one, back; } operations[] = {
    { "move past its neighbour", spec_outline_edit_move_down, spec_outline_edit_move_up },
    { "demote and promote", demote, promote },
  };
  Parsed parsed = { document, 0 };

  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (text, "## Part %u\n\nWhat part %u says, in [PLACEHOLDER] words.\n\n", i, i);
  g_string_append (text, "# After\n\nThe end.\n");

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (navigator));
  g_object_bind_property (document, "snapshot", navigator, "snapshot", G_BINDING_SYNC_CREATE);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), text->str, text->len);
  parsed.len = text->len;
  while (!document_parsed (&parsed) || spec_navigator_get_snapshot (navigator) != spec_document_get_snapshot (document))
    g_main_context_iteration (NULL, TRUE);
  spec_test_wait_for_frames (window, 2);

  g_print ("\na section with 1,000 subsections (%.0f KB), 10 times each way:\n", text->len / 1e3);
  for (guint o = 0; o < G_N_ELEMENTS (operations); o++)
    {
      double to_text[20], to_navigator[20];

      for (guint k = 0; k < 20; k++)
        {
          time_operation (document, navigator, k % 2 == 0 ? operations[o].one : operations[o].back,
                          &to_text[k], &to_navigator[k]);
          spec_test_wait_for_frames (window, 1);
        }

      qsort (to_text, 20, sizeof (double), compare_doubles);
      qsort (to_navigator, 20, sizeof (double), compare_doubles);
      g_print ("  %-24s text changed: median %.1f ms, max %.1f ms; navigator shows it: median %.1f ms, max %.1f ms\n",
               operations[o].label, to_text[10], to_text[19], to_navigator[10], to_navigator[19]);
      g_print ("  target: under 50 ms: %s\n", to_text[19] < 50.0 ? "met" : "NOT met");
    }

  g_string_free (text, TRUE);
  g_object_unref (document);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autoptr(SpecSnapshot) snapshot = NULL;
  GtkWidget *window;
  SpecNavigator *navigator;
  GString *edited;
  gsize place;
  double letters[N_EDITS], lines[N_EDITS];
  guint n_letters = 0, n_lines = 0;
  gint64 start;
  double first_ms;

  spec_test_init (&argc, &argv);

  if ((text = document_text ()) == NULL)
    {
      g_print ("bench-navigator: no seeds (SPEC_SEEDS_DIR), nothing to measure\n");
      return 0;
    }

  window = gtk_window_new ();
  navigator = SPEC_NAVIGATOR (spec_navigator_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (navigator));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  gtk_window_present (GTK_WINDOW (window));
  spec_test_wait_for_frames (window, 2);

  snapshot = spec_snapshot_new (text, -1);
  start = g_get_monotonic_time ();
  spec_navigator_set_snapshot (navigator, snapshot);
  first_ms = (g_get_monotonic_time () - start) / 1000.0;
  spec_test_wait_for_frames (window, 3);

  g_print ("\nnavigator: %u headings, %.1f MB, %u rows shown; first snapshot taken in %.1f ms\n",
           spec_snapshot_get_sections (snapshot)->len, strlen (text) / 1e6,
           g_list_model_get_n_items (spec_navigator_get_rows (navigator)), first_ms);

  edited = g_string_new (text);
  place = typing_place (text);
  for (guint k = 0; k < N_EDITS; k++)
    {
      gboolean new_line = k % 10 == 9;
      g_autoptr(SpecSnapshot) next = NULL;
      double ms;

      g_string_insert_c (edited, place, new_line ? '\n' : "the quick brown fox "[k % 20]);
      place++;
      next = spec_snapshot_new_take_after (g_strndup (edited->str, edited->len), edited->len, snapshot);

      start = g_get_monotonic_time ();
      spec_navigator_set_snapshot (navigator, next);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (new_line)
        lines[n_lines++] = ms;
      else
        letters[n_letters++] = ms;

      g_set_object (&snapshot, next);
      spec_test_wait_for_frames (window, 1);
    }

  g_assert_cmpuint (g_list_model_get_n_items (spec_navigator_get_rows (navigator)), >=, MIN_HEADINGS);
  print_figures ("a letter typed:", letters, n_letters);
  print_figures ("a new line (lines move):", lines, n_lines);
  g_print ("  target: under 5 ms per snapshot: %s\n",
           letters[P95 (n_letters)] < 5.0 && lines[P95 (n_lines)] < 5.0 ? "met" : "NOT met");

  g_string_free (edited, TRUE);

  bench_large_section (window);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
