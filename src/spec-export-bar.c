/* spec-export-bar.c: an export under way, its progress and its Cancel
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown under the header bar while a worker thread writes an export, so
 * that the editor stays usable and the user can see and stop it.  Its
 * Cancel button activates win.cancel-export.
 */

#include "config.h"

#include "spec-export-bar.h"

struct _SpecExportBar
{
  GtkWidget       parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *label;
  GtkProgressBar *progress;
  GtkWidget      *cancel_button;
};

G_DEFINE_FINAL_TYPE (SpecExportBar, spec_export_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVEALED,
  PROP_MESSAGE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Hidden once slid out, so that it takes no space and no focus. */
static void
child_revealed_cb (SpecExportBar *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) &&
      !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
spec_export_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPEC_TYPE_EXPORT_BAR);

  G_OBJECT_CLASS (spec_export_bar_parent_class)->dispose (object);
}

static void
spec_export_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpecExportBar *self = SPEC_EXPORT_BAR (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, spec_export_bar_get_revealed (self));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, spec_export_bar_get_message (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, spec_export_bar_get_fraction (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_export_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpecExportBar *self = SPEC_EXPORT_BAR (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      spec_export_bar_set_revealed (self, g_value_get_boolean (value));
      break;

    case PROP_MESSAGE:
      spec_export_bar_set_message (self, g_value_get_string (value));
      break;

    case PROP_FRACTION:
      spec_export_bar_set_fraction (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_export_bar_class_init (SpecExportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_export_bar_dispose;
  object_class->get_property = spec_export_bar_get_property;
  object_class->set_property = spec_export_bar_set_property;

  /**
   * SpecExportBar:revealed:
   *
   * Whether the bar is shown (it slides in and out).
   */
  properties [PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecExportBar:message:
   *
   * What is being exported, as the user chose it ("Exporting “spec.pdf”…").
   */
  properties [PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecExportBar:fraction:
   *
   * How much of the export is done, from 0 to 1.
   */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-export-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecExportBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, SpecExportBar, label);
  gtk_widget_class_bind_template_child (widget_class, SpecExportBar, progress);
  gtk_widget_class_bind_template_child (widget_class, SpecExportBar, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, child_revealed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "specexportbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
spec_export_bar_init (SpecExportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
spec_export_bar_new (void)
{
  return g_object_new (SPEC_TYPE_EXPORT_BAR, NULL);
}

gboolean
spec_export_bar_get_revealed (SpecExportBar *self)
{
  g_return_val_if_fail (SPEC_IS_EXPORT_BAR (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
spec_export_bar_set_revealed (SpecExportBar *self,
                              gboolean       revealed)
{
  g_return_if_fail (SPEC_IS_EXPORT_BAR (self));

  revealed = !!revealed;
  if (gtk_revealer_get_reveal_child (self->revealer) == revealed)
    return;

  if (revealed)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
}

const char *
spec_export_bar_get_message (SpecExportBar *self)
{
  g_return_val_if_fail (SPEC_IS_EXPORT_BAR (self), NULL);

  return gtk_label_get_label (self->label);
}

void
spec_export_bar_set_message (SpecExportBar *self,
                             const char    *message)
{
  g_return_if_fail (SPEC_IS_EXPORT_BAR (self));

  if (g_strcmp0 (gtk_label_get_label (self->label), message) == 0)
    return;

  gtk_label_set_label (self->label, message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MESSAGE]);
}

double
spec_export_bar_get_fraction (SpecExportBar *self)
{
  g_return_val_if_fail (SPEC_IS_EXPORT_BAR (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress);
}

void
spec_export_bar_set_fraction (SpecExportBar *self,
                              double         fraction)
{
  g_return_if_fail (SPEC_IS_EXPORT_BAR (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (gtk_progress_bar_get_fraction (self->progress) == fraction)
    return;

  gtk_progress_bar_set_fraction (self->progress, fraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
}
