/* preview-fixture.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "preview-fixture.h"
#include "spec-test-utils.h"

void
preview_fixture_init (PreviewFixture *fixture,
                      int             width,
                      int             height)
{
  fixture->window = gtk_window_new ();
  fixture->preview = SPEC_PREVIEW (spec_preview_new ());

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->preview));
  gtk_window_present (GTK_WINDOW (fixture->window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->preview)))
    g_main_context_iteration (NULL, TRUE);

  spec_test_wait_for_frames (fixture->window, 2);
}

void
preview_fixture_clear (PreviewFixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  fixture->preview = NULL;
}

static gboolean
preview_complete (gpointer data)
{
  return spec_preview_is_complete (data);
}

/* Waits until @preview has a row for every block (a document shown in an
 * empty preview comes in a screenful after each frame) and is drawn. */
void
preview_wait_complete (GtkWidget   *window,
                       SpecPreview *preview)
{
  g_assert_true (spec_test_wait_for (preview_complete, preview, 20000));
  spec_test_wait_for_frames (window, 2);
}

/* Shows @text and waits until it is drawn; returns the snapshot (owned
 * by the preview). */
SpecSnapshot *
preview_fixture_show (PreviewFixture *fixture,
                      const char     *text)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);

  spec_preview_set_snapshot (fixture->preview, snapshot);
  spec_test_wait_for_frames (fixture->window, 1);
  preview_wait_complete (fixture->window, fixture->preview);

  return snapshot;
}

static void
collect_widgets (GtkWidget  *widget,
                 GType       type,
                 const char *css_class,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, css_class, found);
}

/* The widgets of @type (and @css_class) below @root, in tree order. */
GPtrArray *
preview_find_widgets (gpointer    root,
                      GType       type,
                      const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (root), type, css_class, found);

  return found;
}

/* The first label below @root showing exactly @text, or NULL. */
GtkWidget *
preview_find_label (gpointer    root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = preview_find_widgets (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
        return g_ptr_array_index (labels, i);
    }

  return NULL;
}

GtkAdjustment *
preview_vadjustment (SpecPreview *preview)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (preview));

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* How far below the top of the visible page @widget starts. */
double
preview_offset_in_view (SpecPreview *preview,
                        GtkWidget   *widget)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (preview));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &point));

  return point.y;
}
