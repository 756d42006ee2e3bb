/* spec-completeness-bar.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-completeness-bar.h"

/* Drawn in one snapshot: a GtkLevelBar's CSS nodes cost a library view
 * of a screenful of rows about 45 ms on first show.  The colours come
 * from the theme (the accent colour, and the text colour faded for the
 * trough), so dark mode and high contrast follow. */

#define BAR_HEIGHT 6
#define BAR_WIDTH  60

struct _SpecCompletenessBar
{
  GtkWidget parent_instance;

  int       percent;
};

G_DEFINE_FINAL_TYPE (SpecCompletenessBar, spec_completeness_bar, GTK_TYPE_WIDGET)

static void
spec_completeness_bar_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? BAR_WIDTH : BAR_HEIGHT;
}

static void
spec_completeness_bar_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  SpecCompletenessBar *self = SPEC_COMPLETENESS_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA trough, fill;
  GskRoundedRect outline;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, (height - BAR_HEIGHT) / 2.0f, width, BAR_HEIGHT);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &trough);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", &fill))
    fill = trough;
  G_GNUC_END_IGNORE_DEPRECATIONS
  trough.alpha *= 0.15f;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &trough, &bounds);
  bounds.size.width = width * CLAMP (self->percent, 0, 100) / 100.0f;
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
spec_completeness_bar_class_init (SpecCompletenessBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = spec_completeness_bar_measure;
  widget_class->snapshot = spec_completeness_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "completeness-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
spec_completeness_bar_init (SpecCompletenessBar *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  -1);
}

GtkWidget *
spec_completeness_bar_new (void)
{
  return g_object_new (SPEC_TYPE_COMPLETENESS_BAR, NULL);
}

void
spec_completeness_bar_set_percent (SpecCompletenessBar *self,
                                   int                  percent)
{
  g_return_if_fail (SPEC_IS_COMPLETENESS_BAR (self));

  percent = CLAMP (percent, 0, 100);
  if (self->percent == percent)
    return;

  self->percent = percent;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) percent,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
spec_completeness_bar_get_percent (SpecCompletenessBar *self)
{
  g_return_val_if_fail (SPEC_IS_COMPLETENESS_BAR (self), 0);

  return self->percent;
}
