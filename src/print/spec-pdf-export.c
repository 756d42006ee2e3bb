/* spec-pdf-export.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is written to a hidden temporary file beside the output and
 * renamed over it once complete and on disk, so that a failed, cancelled
 * or crashed export never leaves half a file under the output's name, nor
 * the temporary.  It runs in a worker thread: everything it lays out and
 * draws with is its own, down to the font map.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "spec-pdf-export.h"
#include "spec-print-layout.h"

/* A4, with the margins of a word processor's default. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define PAGE_MARGIN 54.0

/* Pagination and drawing take about as long as each other. */
#define LAYOUT_SHARE 0.5

typedef struct
{
  int fd;
  int saved_errno;   /* of the first failed write */
} Writer;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Writer *writer = closure;

  while (length > 0)
    {
      gssize n = write (writer->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          writer->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += n;
      length -= (unsigned int) n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file name, the second why */
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

static void
report (SpecExportProgressFunc progress,
        gpointer               progress_data,
        double                 fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), progress_data);
}

/* Text measured as the PDF draws it: in points, without hinting, which
 * would fit glyphs to a screen's pixels. */
static PangoContext *
pdf_context_new (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);

  return context;
}

static gboolean
paginate (SpecPrintLayout         *layout,
          PangoContext            *context,
          GCancellable            *cancellable,
          SpecExportProgressFunc   progress,
          gpointer                 progress_data,
          GError                 **error)
{
  for (;;)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (spec_print_layout_paginate_step (layout, context))
        return TRUE;

      report (progress, progress_data, LAYOUT_SHARE * spec_print_layout_get_progress (layout));
    }
}

/* Draws every page into the file open at @writer; FALSE with @error set
 * if cancelled or if the file could not be written. */
static gboolean
draw_pages (SpecPrintLayout         *layout,
            Writer                  *writer,
            const char              *path,
            const char              *title,
            GCancellable            *cancellable,
            SpecExportProgressFunc   progress,
            gpointer                 progress_data,
            GError                 **error)
{
  guint n_pages = spec_print_layout_get_n_pages (layout);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, writer, PAGE_WIDTH, PAGE_HEIGHT);
  if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Specwright");

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;

      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      spec_print_layout_draw_page (layout, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);

      /* A write error stops the drawing: the disk is full. */
      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        break;

      report (progress, progress_data, LAYOUT_SHARE + (1 - LAYOUT_SHARE) * (page + 1) / n_pages);
    }
  cairo_destroy (cr);

  /* Finishing writes the rest: the fonts and the cross references. */
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (writer->saved_errno != 0)
    {
      set_write_error (error, path, writer->saved_errno);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Lays out and draws the document into @writer's file. */
static gboolean
write_pdf (SpecSnapshot            *snapshot,
           GFile                   *base_file,
           const char              *title,
           const char              *status,
           Writer                  *writer,
           const char              *path,
           GCancellable            *cancellable,
           SpecExportProgressFunc   progress,
           gpointer                 progress_data,
           GError                 **error)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pdf_context_new (font_map);
  g_autoptr(SpecPrintLayout) layout = spec_print_layout_new (snapshot, base_file, title, status);
  gboolean ok;

  spec_print_layout_set_page_size (layout, PAGE_WIDTH - 2 * PAGE_MARGIN, PAGE_HEIGHT - 2 * PAGE_MARGIN);

  report (progress, progress_data, 0.0);

  ok = paginate (layout, context, cancellable, progress, progress_data, error);
  if (ok)
    {
      report (progress, progress_data, LAYOUT_SHARE);
      ok = draw_pages (layout, writer, path, title, cancellable, progress, progress_data, error);
    }

  /* The layout holds the context too: both go with this frame. */
  g_object_unref (context);

  return ok;
}

/**
 * spec_pdf_export:
 * @snapshot: the document
 * @base_file: (nullable): its file: images are relative to its folder
 * @title: (nullable): atop every page and in the PDF's properties
 * @status: (nullable): atop every page, on the right
 * @output: the PDF file to write: a local file
 * @cancellable: (nullable): stops the export between steps
 * @progress: (nullable) (scope call): told how far the export is, from 0
 *   to 1
 * @progress_data: for @progress
 * @error: why the export failed
 *
 * Writes @snapshot as an A4 PDF to @output, replacing it only once the
 * new file is complete.  May run in any thread: it shares nothing with
 * the caller but @snapshot, which it only reads.  Code is highlighted on
 * the main thread (see spec_print_highlight()).
 *
 * Returns: %TRUE on success; on failure or when cancelled (%G_IO_ERROR
 *   and %G_IO_ERROR_CANCELLED), %FALSE, and neither @output nor any
 *   temporary file was created
 */
gboolean
spec_pdf_export (SpecSnapshot            *snapshot,
                 GFile                   *base_file,
                 const char              *title,
                 const char              *status,
                 GFile                   *output,
                 GCancellable            *cancellable,
                 SpecExportProgressFunc   progress,
                 gpointer                 progress_data,
                 GError                 **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *temp_path = NULL;
  Writer writer = { -1, 0 };

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (output);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (output);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: only files on this computer can be written"), name);
      return FALSE;
    }

  /* Beside the output, so that the rename stays on one file system; a
   * failure here means the folder is missing or not writable, which is
   * better known before the work of the layout. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  hidden = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (dir, hidden, NULL);
  writer.fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (writer.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  if (!write_pdf (snapshot, base_file, title, status, &writer, path,
                  cancellable, progress, progress_data, error))
    goto failed;

  if (fsync (writer.fd) != 0)
    {
      set_write_error (error, path, errno);
      goto failed;
    }

  /* close() can report a write that was only queued before: NFS. */
  if (close (writer.fd) != 0)
    {
      writer.fd = -1;
      set_write_error (error, path, errno);
      goto failed;
    }
  writer.fd = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (g_rename (temp_path, path) != 0)
    {
      set_write_error (error, path, errno);
      goto failed;
    }

  report (progress, progress_data, 1.0);

  return TRUE;

failed:
  if (writer.fd >= 0)
    close (writer.fd);
  g_unlink (temp_path);

  return FALSE;
}
