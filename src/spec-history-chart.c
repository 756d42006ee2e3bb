/* spec-history-chart.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-history-chart.h"

/* Completeness (0-100 %) against revision order rather than time: a
 * spec written in one afternoon and revised a year later reads as a
 * line, not a cliff.  Saves are dots; the revision selected in the
 * dialog is a ring.  Screen readers get the same in words. */

#define MARGIN 8.0

struct _SpecHistoryChart
{
  GtkWidget  parent_instance;

  GArray    *revisions;   /* SpecRevision, oldest first */
  int        selected;    /* -1: none */
};

G_DEFINE_FINAL_TYPE (SpecHistoryChart, spec_history_chart, GTK_TYPE_WIDGET)

/**
 * spec_history_chart_describe:
 *
 * Returns: the chart in words
 */
char *
spec_history_chart_describe (GArray *revisions)
{
  int low = 100, high = 0;

  if (revisions == NULL || revisions->len == 0)
    return g_strdup (_("No revisions yet"));

  for (guint i = 0; i < revisions->len; i++)
    {
      int percent = g_array_index (revisions, SpecRevision, i).percent;

      low = MIN (low, percent);
      high = MAX (high, percent);
    }

  /* Translators: completeness over a spec's revisions */
  return g_strdup_printf (ngettext ("Completeness over %u revision: from %d%% to %d%%, lowest %d%%, highest %d%%",
                                    "Completeness over %u revisions: from %d%% to %d%%, lowest %d%%, highest %d%%",
                                    revisions->len),
                          revisions->len,
                          g_array_index (revisions, SpecRevision, 0).percent,
                          g_array_index (revisions, SpecRevision, revisions->len - 1).percent,
                          low, high);
}

static void
point_at (SpecHistoryChart *self,
          guint             i,
          double            width,
          double            height,
          double           *x,
          double           *y)
{
  guint n = self->revisions->len;
  int percent = g_array_index (self->revisions, SpecRevision, i).percent;

  *x = n > 1 ? MARGIN + (width - 2 * MARGIN) * i / (n - 1) : width / 2;
  *y = MARGIN + (height - 2 * MARGIN) * (100 - percent) / 100.0;
}

static void
spec_history_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SpecHistoryChart *self = SPEC_HISTORY_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent;
  cairo_t *cr;
  double x, y;

  if (self->revisions == NULL || self->revisions->len == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
    accent = fg;
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* 0 % and 100 %, faint. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, MARGIN, MARGIN + 0.5);
  cairo_line_to (cr, width - MARGIN, MARGIN + 0.5);
  cairo_move_to (cr, MARGIN, height - MARGIN - 0.5);
  cairo_line_to (cr, width - MARGIN, height - MARGIN - 0.5);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->revisions->len; i++)
    {
      point_at (self, i, width, height, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->revisions->len; i++)
    {
      if (g_array_index (self->revisions, SpecRevision, i).reason == SPEC_REVISION_AUTOSAVE)
        continue;
      point_at (self, i, width, height, &x, &y);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  if (self->selected >= 0 && (guint) self->selected < self->revisions->len)
    {
      point_at (self, self->selected, width, height, &x, &y);
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, x, y, 6, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
spec_history_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 64;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : 80;
}

static void
spec_history_chart_finalize (GObject *object)
{
  SpecHistoryChart *self = (SpecHistoryChart *)object;

  g_clear_pointer (&self->revisions, g_array_unref);

  G_OBJECT_CLASS (spec_history_chart_parent_class)->finalize (object);
}

static void
spec_history_chart_class_init (SpecHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = spec_history_chart_finalize;
  widget_class->snapshot = spec_history_chart_snapshot;
  widget_class->measure = spec_history_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "history-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
spec_history_chart_init (SpecHistoryChart *self)
{
  self->selected = -1;
}

GtkWidget *
spec_history_chart_new (void)
{
  return g_object_new (SPEC_TYPE_HISTORY_CHART, NULL);
}

/**
 * spec_history_chart_set_revisions:
 * @revisions: (element-type SpecRevision): oldest first
 */
void
spec_history_chart_set_revisions (SpecHistoryChart *self,
                                  GArray           *revisions)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SPEC_IS_HISTORY_CHART (self));

  g_clear_pointer (&self->revisions, g_array_unref);
  self->revisions = revisions != NULL ? g_array_ref (revisions) : NULL;
  description = spec_history_chart_describe (revisions);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
spec_history_chart_set_selected (SpecHistoryChart *self,
                                 int               index)
{
  g_return_if_fail (SPEC_IS_HISTORY_CHART (self));

  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
