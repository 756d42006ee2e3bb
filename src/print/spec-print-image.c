/* spec-print-image.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is opened first and looked at through its descriptor, so that
 * what is read is what was checked: a regular file of bounded size, never
 * a device such as /dev/zero nor a FIFO, which would block the export.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "spec-print-image.h"

/* A pixel of the preview is 3/4 of a point, at 96 dpi; pictures are kept
 * at twice that at most, plenty for paper at that size. */
#define POINTS_PER_PIXEL 0.75
#define PIXELS_PER_POINT 2.0

typedef struct
{
  double max_width;
  double max_height;
  double width;      /* in points, once the size is known */
  double height;
} ImageSize;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              pixel_width,
                  int              pixel_height,
                  ImageSize       *size)
{
  double scale;
  int load_width;
  int load_height;

  if (pixel_width <= 0 || pixel_height <= 0)
    return;

  size->width = pixel_width * POINTS_PER_PIXEL;
  size->height = pixel_height * POINTS_PER_PIXEL;
  scale = MIN (1.0, MIN (size->max_width / size->width, size->max_height / size->height));
  size->width *= scale;
  size->height *= scale;

  load_width = (int) MIN (pixel_width, size->width * PIXELS_PER_POINT + 0.5);
  load_height = (int) MIN (pixel_height, size->height * PIXELS_PER_POINT + 0.5);
  gdk_pixbuf_loader_set_size (loader, MAX (load_width, 1), MAX (load_height, 1));
}

/* Cairo wants premultiplied native-endian ARGB. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guchar *dest;
  int dest_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  dest = cairo_image_surface_get_data (surface);
  dest_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (void *) (dest + (gsize) y * dest_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}

static GdkPixbuf *
read_pixbuf (int         fd,
             ImageSize  *size,
             GError    **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  guchar buffer[65536];
  gsize total = 0;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), size);

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          gdk_pixbuf_loader_close (loader, NULL);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;

      /* The file may have grown since it was looked at. */
      total += (gsize) n;
      if (total > SPEC_PRINT_IMAGE_MAX_BYTES)
        {
          gdk_pixbuf_loader_close (loader, NULL);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The image is too large"));
          return NULL;
        }

      if (!gdk_pixbuf_loader_write (loader, buffer, (gsize) n, error))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return NULL;
        }
    }

  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || size->width <= 0 || size->height <= 0)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("The image could not be read"));
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/**
 * spec_print_image_load:
 * @file: a local file
 * @max_width: the width it may take, in points
 * @max_height: the height it may take
 * @width: (out): its width on the page
 * @height: (out): its height on the page
 * @error: why it could not be read
 *
 * Reads @file if it is a regular file of at most
 * %SPEC_PRINT_IMAGE_MAX_BYTES, scaled as the preview shows it: at its own
 * size, smaller if it does not fit.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL
 */
cairo_surface_t *
spec_print_image_load (GFile   *file,
                       double   max_width,
                       double   max_height,
                       double  *width,
                       double  *height,
                       GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ImageSize size = { MAX (max_width, 1), MAX (max_height, 1), 0, 0 };
  GStatBuf st;
  int fd;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The image is not a local file"));
      return NULL;
    }

  /* Non-blocking: opening a FIFO for reading would wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("The image is not a regular file"));
      return NULL;
    }
  if (st.st_size > SPEC_PRINT_IMAGE_MAX_BYTES)
    {
      g_close (fd, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The image is too large"));
      return NULL;
    }

  pixbuf = read_pixbuf (fd, &size, error);
  g_close (fd, NULL);
  if (pixbuf == NULL)
    return NULL;

  *width = size.width;
  *height = size.height;

  return surface_from_pixbuf (pixbuf);
}
