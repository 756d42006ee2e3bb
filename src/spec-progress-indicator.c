/* spec-progress-indicator.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-progress-indicator.h"
#include "spec-report-words.h"

/* A bar and a percentage, with every count in the tooltip and the
 * accessible description: compact enough for the header bar, complete
 * enough to read at a glance. */
struct _SpecProgressIndicator
{
  GtkWidget     parent_instance;

  SpecSnapshot *snapshot;
  GtkWidget    *box;
  GtkLevelBar  *bar;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (SpecProgressIndicator, spec_progress_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
describe (const SpecReport *report)
{
  GString *str = g_string_new (NULL);
  guint total = report->n_counted + report->n_missing_counted;
  g_autofree char *left = spec_report_dup_left_words (report);

  g_string_append_printf (str, ngettext ("%u of %u section complete", "%u of %u sections complete", total),
                          report->n_complete, total);
  g_string_append (str, "\n");
  g_string_append (str, left);
  if (report->checklist_total > 0)
    {
      g_string_append (str, "\n");
      g_string_append_printf (str, _("Checklist: %u of %u done"),
                              report->checklist_done, report->checklist_total);
    }
  if (report->n_guidance > 0)
    {
      g_string_append (str, "\n");
      g_string_append_printf (str, ngettext ("%u guidance comment left", "%u guidance comments left",
                                             report->n_guidance),
                              report->n_guidance);
    }

  return g_string_free (str, FALSE);
}

static void
spec_progress_indicator_update (SpecProgressIndicator *self)
{
  const SpecReport *report;
  g_autofree char *percent = NULL;
  g_autofree char *details = NULL;
  guint unfilled;

  if (self->snapshot == NULL)
    {
      gtk_widget_set_visible (self->box, FALSE);
      return;
    }

  report = spec_snapshot_get_report (self->snapshot);

  /* Nothing to measure in a document without sections or slots. */
  gtk_widget_set_visible (self->box, report->n_counted + report->n_missing_counted > 0 ||
                                     report->n_placeholders + report->n_clarifications > 0);

  unfilled = report->n_placeholders + report->n_clarifications;
  if (unfilled > 0)
    /* Translators: a document's completeness and what is left in it,
     * "34% · 57 to fill" */
    percent = g_strdup_printf (ngettext ("%u%% · %u to fill", "%u%% · %u to fill", unfilled),
                               report->percent, unfilled);
  else
    /* Translators: a document's completeness, "34%" */
    percent = g_strdup_printf (_("%u%%"), report->percent);
  details = describe (report);

  gtk_level_bar_set_value (self->bar, report->percent / 100.0);
  gtk_label_set_label (self->label, percent);
  gtk_widget_set_tooltip_text (self->box, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document completeness"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);

  if (report->complete)
    gtk_widget_add_css_class (self->box, "complete");
  else
    gtk_widget_remove_css_class (self->box, "complete");
}

static void
spec_progress_indicator_dispose (GObject *object)
{
  SpecProgressIndicator *self = (SpecProgressIndicator *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (spec_progress_indicator_parent_class)->dispose (object);
}

static void
spec_progress_indicator_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SpecProgressIndicator *self = SPEC_PROGRESS_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_progress_indicator_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SpecProgressIndicator *self = SPEC_PROGRESS_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      spec_progress_indicator_set_snapshot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_progress_indicator_class_init (SpecProgressIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_progress_indicator_dispose;
  object_class->get_property = spec_progress_indicator_get_property;
  object_class->set_property = spec_progress_indicator_set_property;

  properties [PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         SPEC_TYPE_SNAPSHOT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "specprogress");
}

static void
spec_progress_indicator_init (SpecProgressIndicator *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0.0, 1.0));
  self->label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_size_request (GTK_WIDGET (self->bar), 64, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->bar), GTK_ALIGN_CENTER);
  /* The level bar's own offsets would paint low values red: progress on a
   * draft is not an alarm. */
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_label_set_xalign (self->label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  spec_progress_indicator_update (self);
}

GtkWidget *
spec_progress_indicator_new (void)
{
  return g_object_new (SPEC_TYPE_PROGRESS_INDICATOR, NULL);
}

SpecSnapshot *
spec_progress_indicator_get_snapshot (SpecProgressIndicator *self)
{
  g_return_val_if_fail (SPEC_IS_PROGRESS_INDICATOR (self), NULL);

  return self->snapshot;
}

void
spec_progress_indicator_set_snapshot (SpecProgressIndicator *self,
                                      SpecSnapshot          *snapshot)
{
  g_return_if_fail (SPEC_IS_PROGRESS_INDICATOR (self));
  g_return_if_fail (!snapshot || SPEC_IS_SNAPSHOT (snapshot));

  if (!g_set_object (&self->snapshot, snapshot))
    return;

  spec_progress_indicator_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNAPSHOT]);
}

/* The percentage as shown, and the counts after it: for tests. */
const char *
spec_progress_indicator_get_text (SpecProgressIndicator *self)
{
  g_return_val_if_fail (SPEC_IS_PROGRESS_INDICATOR (self), NULL);

  return gtk_label_get_label (self->label);
}
