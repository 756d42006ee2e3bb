/* spec-disk-banner.c: the document's file changed or gone, above the editor
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-disk-banner.h"

/* A bar that slides down under the header bar, as AdwBanner (libadwaita
 * 1.3) and GNOME Text Editor's info bar do: it tells without stopping
 * the typing, and stays until answered.  It only shows: its buttons
 * activate the window's "disk.reload" and "disk.keep" actions and
 * "win.save", which decide. */
struct _SpecDiskBanner
{
  GtkWidget            parent_instance;

  char                *file_name;
  char                *message;
  SpecDiskBannerState  state;

  /* Template widgets */
  GtkRevealer         *revealer;
  GtkLabel            *label;
  GtkWidget           *reload_button;
  GtkWidget           *keep_button;
  GtkWidget           *save_button;
};

G_DEFINE_ENUM_TYPE (SpecDiskBannerState, spec_disk_banner_state,
                    G_DEFINE_ENUM_VALUE (SPEC_DISK_BANNER_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (SPEC_DISK_BANNER_GONE, "gone"))

G_DEFINE_FINAL_TYPE (SpecDiskBanner, spec_disk_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVEALED,
  PROP_STATE,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
spec_disk_banner_update (SpecDiskBanner *self)
{
  gboolean changed = self->state == SPEC_DISK_BANNER_CHANGED;
  const char *name = self->file_name != NULL ? self->file_name : "";

  g_free (self->message);
  if (changed)
    /* Translators: %s is a file name */
    self->message = g_strdup_printf (_("“%s” was changed by another program."), name);
  else
    /* Translators: %s is a file name */
    self->message = g_strdup_printf (_("“%s” was deleted or moved. Save writes it again."), name);

  gtk_label_set_label (self->label, self->message);
  gtk_widget_set_visible (self->reload_button, changed);
  gtk_widget_set_visible (self->keep_button, changed);
  gtk_widget_set_visible (self->save_button, !changed);
  /* A file gone is a warning; a file changed, news. */
  if (changed)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "gone");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "gone");
}

/* Out of the way, and out of the accessibility tree, once slid up. */
static void
child_revealed_cb (SpecDiskBanner *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) &&
      !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
spec_disk_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPEC_TYPE_DISK_BANNER);

  G_OBJECT_CLASS (spec_disk_banner_parent_class)->dispose (object);
}

static void
spec_disk_banner_finalize (GObject *object)
{
  SpecDiskBanner *self = (SpecDiskBanner *)object;

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (spec_disk_banner_parent_class)->finalize (object);
}

static void
spec_disk_banner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpecDiskBanner *self = SPEC_DISK_BANNER (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, spec_disk_banner_get_revealed (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_disk_banner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpecDiskBanner *self = SPEC_DISK_BANNER (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      spec_disk_banner_set_revealed (self, g_value_get_boolean (value));
      break;

    case PROP_STATE:
      spec_disk_banner_set_state (self, g_value_get_enum (value));
      break;

    case PROP_FILE_NAME:
      spec_disk_banner_set_file_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_disk_banner_class_init (SpecDiskBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_disk_banner_dispose;
  object_class->finalize = spec_disk_banner_finalize;
  object_class->get_property = spec_disk_banner_get_property;
  object_class->set_property = spec_disk_banner_set_property;

  /**
   * SpecDiskBanner:revealed:
   *
   * Whether the banner is shown (it slides in and out).
   */
  properties [PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecDiskBanner:state:
   *
   * What happened to the file: its message and buttons.
   */
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       SPEC_TYPE_DISK_BANNER_STATE,
                       SPEC_DISK_BANNER_CHANGED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecDiskBanner:file-name:
   *
   * The file's name as shown to the user.
   */
  properties [PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-disk-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecDiskBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, SpecDiskBanner, label);
  gtk_widget_class_bind_template_child (widget_class, SpecDiskBanner, reload_button);
  gtk_widget_class_bind_template_child (widget_class, SpecDiskBanner, keep_button);
  gtk_widget_class_bind_template_child (widget_class, SpecDiskBanner, save_button);
  gtk_widget_class_bind_template_callback (widget_class, child_revealed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "specdiskbanner");
  /* As GtkInfoBar: read out when it appears. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
spec_disk_banner_init (SpecDiskBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  spec_disk_banner_update (self);
}

GtkWidget *
spec_disk_banner_new (void)
{
  return g_object_new (SPEC_TYPE_DISK_BANNER, NULL);
}

gboolean
spec_disk_banner_get_revealed (SpecDiskBanner *self)
{
  g_return_val_if_fail (SPEC_IS_DISK_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
spec_disk_banner_set_revealed (SpecDiskBanner *self,
                               gboolean        revealed)
{
  g_return_if_fail (SPEC_IS_DISK_BANNER (self));

  revealed = !!revealed;
  if (gtk_revealer_get_reveal_child (self->revealer) == revealed)
    return;

  if (revealed)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEALED]);
}

SpecDiskBannerState
spec_disk_banner_get_state (SpecDiskBanner *self)
{
  g_return_val_if_fail (SPEC_IS_DISK_BANNER (self), SPEC_DISK_BANNER_CHANGED);

  return self->state;
}

void
spec_disk_banner_set_state (SpecDiskBanner      *self,
                            SpecDiskBannerState  state)
{
  g_return_if_fail (SPEC_IS_DISK_BANNER (self));
  g_return_if_fail (state == SPEC_DISK_BANNER_CHANGED || state == SPEC_DISK_BANNER_GONE);

  if (self->state == state)
    return;

  self->state = state;
  spec_disk_banner_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

const char *
spec_disk_banner_get_file_name (SpecDiskBanner *self)
{
  g_return_val_if_fail (SPEC_IS_DISK_BANNER (self), NULL);

  return self->file_name;
}

void
spec_disk_banner_set_file_name (SpecDiskBanner *self,
                                const char     *file_name)
{
  g_return_if_fail (SPEC_IS_DISK_BANNER (self));

  if (g_strcmp0 (self->file_name, file_name) == 0)
    return;

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  spec_disk_banner_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE_NAME]);
}

/* The message as shown (and read out): for tests. */
const char *
spec_disk_banner_get_message (SpecDiskBanner *self)
{
  g_return_val_if_fail (SPEC_IS_DISK_BANNER (self), NULL);

  return self->message;
}
