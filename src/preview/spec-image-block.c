/* spec-image-block.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows one image: a placeholder while it loads, then the picture, or a
 * marker saying why there is none.  Reading and decoding happen on a
 * worker thread so a large file never stalls typing; the load is
 * cancelled when the widget goes away, as it does when its block is
 * rebuilt.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "spec-image-block.h"
#include "spec-image-source.h"
#include "spec-markdown.h"
#include "spec-preview-widgets.h"

/* Larger files are not read at all; larger pictures are not decoded,
 * as a small file can unpack to gigabytes. */
#define MAX_FILE_SIZE (32 * 1024 * 1024)
#define MAX_PIXELS    (8192 * 8192)

struct _SpecImageBlock
{
  GtkWidget     parent_instance;

  GtkWidget    *child;        /* placeholder, picture or marker */
  GdkTexture   *texture;      /* what the picture shows, once loaded */
  GCancellable *cancellable;  /* of the load, while it runs */
  char         *alt;
  char         *src;
};

G_DEFINE_FINAL_TYPE (SpecImageBlock, spec_image_block, GTK_TYPE_WIDGET)

/* Worker thread */

static GdkTexture *
load_texture (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) decode_error = NULL;
  const char *path = g_file_peek_path (file);
  GdkTexture *texture;
  int width = 0;
  int height = 0;

  /* Asked first, so that a device (/dev/zero) or a FIFO, which would
   * never end or never answer, is not even opened. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not a regular file");
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "file too large");
      return NULL;
    }

  /* Reads the header only. */
  if (path != NULL &&
      gdk_pixbuf_get_file_info (path, &width, &height) != NULL &&
      (gint64) width * height > MAX_PIXELS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "picture too large");
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  /* It may have grown since it was asked about. */
  if (g_bytes_get_size (bytes) > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "file too large");
      return NULL;
    }

  texture = gdk_texture_new_from_bytes (bytes, &decode_error);
  if (texture == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, decode_error->message);
      return NULL;
    }

  return texture;
}

static void
load_texture_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture = load_texture (G_FILE (task_data), cancellable, &error);

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Main thread */

static void
set_child (SpecImageBlock *self,
           GtkWidget      *child)
{
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* An icon, what happened, and the alt text that stands in for the image. */
static GtkWidget *
marker_new (const char *icon_name,
            const char *css_class,
            const char *reason,
            const char *alt,
            const char *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "image-placeholder");
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_halign (box, GTK_ALIGN_START);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Image"),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);

  if (alt != NULL && alt[0] != '\0')
    {
      label = spec_preview_text_label_new (alt, "image-alt");
      gtk_box_append (GTK_BOX (texts), label);
    }

  if (reason != NULL)
    {
      label = spec_preview_text_label_new (reason, "image-reason");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
    }

  gtk_box_append (GTK_BOX (box), texts);

  if (tooltip != NULL && tooltip[0] != '\0')
    gtk_widget_set_tooltip_text (box, tooltip);

  return box;
}

static char *
error_reason (const GError *error,
              const char   *src)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup_printf (_("Missing image: %s"), src);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strdup_printf (_("Not an image file: %s"), src);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return g_strdup_printf (_("Image too large to show: %s"), src);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return g_strdup_printf (_("Not an image: %s"), src);

  /* permissions, I/O errors, a path that is not a folder... */
  return g_strdup_printf (_("Cannot read image: %s"), src);
}

static void
on_texture_loaded (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (task, &error);
  SpecImageBlock *self;
  GFile *file;
  GtkWidget *picture;

  /* Cancelled on dispose: @user_data may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SPEC_IMAGE_BLOCK (user_data);
  file = g_task_get_task_data (task);
  g_clear_object (&self->cancellable);

  if (texture == NULL)
    {
      g_autofree char *reason = error_reason (error, self->src);

      set_child (self, marker_new ("image-missing-symbolic", "image-missing",
                                   reason, self->alt, g_file_peek_path (file)));
      return;
    }

  self->texture = g_steal_pointer (&texture);

  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (self->texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), self->alt);
  if (self->alt[0] != '\0')
    gtk_widget_set_tooltip_text (picture, self->alt);
  set_child (self, picture);
}

static void
start_loading (SpecImageBlock *self,
               GFile          *file)
{
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();

  /* No source object: the task must not keep the widget alive, or
   * disposing it could never cancel the load. */
  task = g_task_new (NULL, self->cancellable, on_texture_loaded, self);
  g_task_set_source_tag (task, start_loading);
  g_task_set_name (task, "[specwright] load image");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_texture_thread);

  set_child (self, marker_new ("image-loading-symbolic", "image-loading",
                               NULL, self->alt[0] != '\0' ? self->alt : _("Image"), self->src));
}

/* Layout: a picture is as wide as the page allows, never wider than it
 * is, and exactly as tall as its aspect ratio says. */

static void
picture_size_for_width (SpecImageBlock *self,
                        int             for_width,
                        int            *width,
                        int            *height)
{
  int natural_width = gdk_texture_get_width (self->texture);
  int natural_height = gdk_texture_get_height (self->texture);

  *width = for_width < 0 ? natural_width : MIN (for_width, natural_width);
  *height = natural_width > 0 ? (int) ceil ((double) *width * natural_height / natural_width) : 0;
}

static GtkSizeRequestMode
spec_image_block_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
spec_image_block_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SpecImageBlock *self = SPEC_IMAGE_BLOCK (widget);
  int width;
  int height;

  if (self->texture == NULL)
    {
      gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  picture_size_for_width (self, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = width;
    }
  else
    {
      *minimum = *natural = height;
    }
}

static void
spec_image_block_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SpecImageBlock *self = SPEC_IMAGE_BLOCK (widget);
  int picture_width;
  int picture_height;

  if (self->texture == NULL)
    {
      gtk_widget_allocate (self->child, width, height, baseline, NULL);
      return;
    }

  picture_size_for_width (self, width, &picture_width, &picture_height);

  /* GTK wants every child measured before it is placed. */
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, picture_width,
                      NULL, NULL, NULL, NULL);
  gtk_widget_allocate (self->child, picture_width, MIN (picture_height, height), -1, NULL);
}

static void
spec_image_block_dispose (GObject *object)
{
  SpecImageBlock *self = SPEC_IMAGE_BLOCK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (spec_image_block_parent_class)->dispose (object);
}

static void
spec_image_block_finalize (GObject *object)
{
  SpecImageBlock *self = SPEC_IMAGE_BLOCK (object);

  g_clear_object (&self->texture);
  g_free (self->alt);
  g_free (self->src);

  G_OBJECT_CLASS (spec_image_block_parent_class)->finalize (object);
}

static void
spec_image_block_class_init (SpecImageBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_image_block_dispose;
  object_class->finalize = spec_image_block_finalize;

  widget_class->get_request_mode = spec_image_block_get_request_mode;
  widget_class->measure = spec_image_block_measure;
  widget_class->size_allocate = spec_image_block_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "specimage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
spec_image_block_init (SpecImageBlock *self)
{
}

/**
 * spec_image_block_new:
 * @image: an image node
 * @base_file: (nullable): the document's file, which relative paths are
 *   relative to
 *
 * Local images start loading at once; remote ones are never fetched.
 *
 * Returns: (transfer floating): the widget
 */
GtkWidget *
spec_image_block_new (cmark_node *image,
                      GFile      *base_file)
{
  SpecImageBlock *self;
  g_autoptr(GFile) file = NULL;
  const char *url;

  g_return_val_if_fail (cmark_node_get_type (image) == CMARK_NODE_IMAGE, NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);

  self = g_object_new (SPEC_TYPE_IMAGE_BLOCK, NULL);
  url = cmark_node_get_url (image);
  self->src = g_strdup (url != NULL ? url : "");
  self->alt = spec_markdown_node_get_plain_text (image);

  switch (spec_image_source_resolve (self->src, base_file, &file))
    {
    case SPEC_IMAGE_SOURCE_LOCAL:
      start_loading (self, file);
      break;

    case SPEC_IMAGE_SOURCE_REMOTE:
      set_child (self, marker_new ("network-offline-symbolic", "image-remote",
                                   _("Remote image not loaded"), self->alt, self->src));
      break;

    case SPEC_IMAGE_SOURCE_UNSAVED:
      set_child (self, marker_new ("document-save-symbolic", "image-unsaved",
                                   _("Image not shown: save the document first"),
                                   self->alt, self->src));
      break;

    case SPEC_IMAGE_SOURCE_INVALID:
    default:
      set_child (self, marker_new ("image-missing-symbolic", "image-missing",
                                   _("Image without a source"), self->alt, NULL));
      break;
    }

  return GTK_WIDGET (self);
}

/**
 * spec_image_block_is_loading:
 *
 * Returns: whether the file is still being read
 */
gboolean
spec_image_block_is_loading (SpecImageBlock *self)
{
  g_return_val_if_fail (SPEC_IS_IMAGE_BLOCK (self), FALSE);

  return self->cancellable != NULL;
}
