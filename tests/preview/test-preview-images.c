/* test-preview-images.c: images beside the document, missing, special
 * and remote
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "spec-image-block.h"
#include "spec-test-utils.h"
#include "preview-fixture.h"

/* No test may hang on a file that never ends: the process dies first. */
#define WATCHDOG_SECONDS 60

typedef struct
{
  char  *dir;        /* a fresh folder for the test's files */
  GFile *document;   /* dir/spec.md, the base file */
} Files;

static void
write_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* a blue picture with a diagonal, so it is recognisable on screen */
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (2, height / 15));
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, width, height);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  cairo_surface_destroy (surface);
}

static void
files_init (Files *files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *img = NULL;
  g_autofree char *document = NULL;

  files->dir = g_dir_make_tmp ("specwright-images-XXXXXX", &error);
  g_assert_no_error (error);

  img = g_build_filename (files->dir, "img", NULL);
  g_assert_cmpint (g_mkdir (img, 0700), ==, 0);

  document = g_build_filename (files->dir, "spec.md", NULL);
  g_file_set_contents (document, "# Images\n", -1, &error);
  g_assert_no_error (error);
  files->document = g_file_new_for_path (document);
}

static char *
files_path (Files      *files,
            const char *name)
{
  return g_build_filename (files->dir, name, NULL);
}


static void
files_clear (Files *files)
{
  spec_test_remove_tree (files->dir);
  g_clear_pointer (&files->dir, g_free);
  g_clear_object (&files->document);
}

/* Queries */

typedef struct
{
  GtkWidget *root;
  guint      n_pictures;
} WaitPictures;

static gboolean
has_pictures (gpointer data)
{
  WaitPictures *wait = data;
  g_autoptr(GPtrArray) pictures = preview_find_widgets (wait->root, GTK_TYPE_PICTURE, NULL);

  return pictures->len >= wait->n_pictures;
}

static gboolean
images_loaded (gpointer data)
{
  g_autoptr(GPtrArray) images = preview_find_widgets (data, SPEC_TYPE_IMAGE_BLOCK, NULL);

  for (guint i = 0; i < images->len; i++)
    {
      if (spec_image_block_is_loading (g_ptr_array_index (images, i)))
        return FALSE;
    }

  return TRUE;
}

static void
wait_for_images (PreviewFixture *fixture)
{
  g_assert_true (spec_test_wait_for (images_loaded, fixture->preview, 10000));
  spec_test_wait_for_frames (fixture->window, 3);
}

static guint
count_pictures (gpointer root)
{
  g_autoptr(GPtrArray) pictures = preview_find_widgets (root, GTK_TYPE_PICTURE, NULL);

  return pictures->len;
}

/* The marker with a label showing @reason, or NULL. */
static GtkWidget *
find_marker (GtkWidget  *root,
             const char *reason)
{
  GtkWidget *label = preview_find_label (root, reason);

  if (label == NULL)
    return NULL;

  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (gtk_widget_has_css_class (w, "image-placeholder"))
        return w;
    }

  return NULL;
}

static GtkWidget *
assert_marker (GtkWidget  *root,
               const char *reason,
               const char *alt)
{
  GtkWidget *marker = find_marker (root, reason);
  g_autoptr(GPtrArray) icons = NULL;

  if (marker == NULL)
    {
      g_autofree char *text = spec_test_collect_text (root);

      g_error ("no marker '%s' in:\n%s", reason, text);
    }

  g_assert_true (gtk_widget_get_mapped (marker));
  icons = preview_find_widgets (marker, GTK_TYPE_IMAGE, NULL);
  g_assert_cmpuint (icons->len, ==, 1);
  if (alt != NULL)
    g_assert_nonnull (preview_find_label (marker, alt));
  g_assert_cmpuint (count_pictures (marker), ==, 0);

  return marker;
}

static GtkWidget *
block (PreviewFixture *fixture,
       guint           index)
{
  GtkWidget *widget = spec_preview_get_block_widget (fixture->preview, index);

  g_assert_nonnull (widget);

  return widget;
}

/* Tests */

static void
test_local (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *small = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) pictures = NULL;
  WaitPictures wait;
  GdkPaintable *paintable;
  GtkWidget *picture;

  files_init (&files);
  small = files_path (&files, "img/small.png");
  wide = files_path (&files, "wide.png");
  write_png (small, 40, 30);
  write_png (wide, 1600, 400);

  preview_fixture_init (&fixture, 600, 800);
  spec_preview_set_base_file (fixture.preview, files.document);
  text = g_strdup_printf ("![Small](img/small.png)\n\n"
                          "![Wide](<./wide.png> \"A wide one\")\n\n"
                          "![Absolute](%s)\n\n"
                          "![URI](file://%s)\n",
                          small, wide);
  preview_fixture_show (&fixture, text);

  wait = (WaitPictures) { GTK_WIDGET (fixture.preview), 4 };
  g_assert_true (spec_test_wait_for (has_pictures, &wait, 10000));
  spec_test_wait_for_frames (fixture.window, 3);

  /* the file's own size, never stretched to the page */
  pictures = preview_find_widgets (block (&fixture, 0), GTK_TYPE_PICTURE, NULL);
  g_assert_cmpuint (pictures->len, ==, 1);
  picture = g_ptr_array_index (pictures, 0);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 40);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 30);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 40);
  g_assert_cmpint (gtk_widget_get_height (picture), ==, 30);
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), ==, "Small");
  g_assert_cmpint (gtk_widget_get_height (block (&fixture, 0)), <=, 30 + 2);

  /* wider than the page: as wide as the column, aspect ratio kept */
  g_clear_pointer (&pictures, g_ptr_array_unref);
  pictures = preview_find_widgets (block (&fixture, 1), GTK_TYPE_PICTURE, NULL);
  picture = g_ptr_array_index (pictures, 0);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (picture))),
                   ==, 1600);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, gtk_widget_get_width (block (&fixture, 1)));
  g_assert_cmpint (gtk_widget_get_width (picture), <, 600);
  g_assert_cmpint (ABS (gtk_widget_get_height (picture) * 4 - gtk_widget_get_width (picture)), <=, 4);
  g_assert_cmpint (gtk_widget_get_height (block (&fixture, 1)), <=, gtk_widget_get_height (picture) + 2);

  /* absolute paths and file: URIs */
  g_clear_pointer (&pictures, g_ptr_array_unref);
  pictures = preview_find_widgets (block (&fixture, 2), GTK_TYPE_PICTURE, NULL);
  g_assert_cmpuint (pictures->len, ==, 1);
  g_clear_pointer (&pictures, g_ptr_array_unref);
  pictures = preview_find_widgets (block (&fixture, 3), GTK_TYPE_PICTURE, NULL);
  g_assert_cmpuint (pictures->len, ==, 1);

  preview_fixture_clear (&fixture);
  files_clear (&files);
}

/* A label holds no pictures: images among words are their alt text in
 * the line, and show below it, missing or not; an image in a link stays
 * the link's text. */
static void
test_among_words (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *small = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) pictures = NULL;
  WaitPictures wait;
  GtkWidget *paragraph;

  files_init (&files);
  small = files_path (&files, "img/small.png");
  write_png (small, 40, 30);

  preview_fixture_init (&fixture, 600, 800);
  spec_preview_set_base_file (fixture.preview, files.document);
  preview_fixture_show (&fixture,
                        "The flow ![Small](img/small.png) goes *through ![Gone](gone.png)* here.\n\n"
                        "A [![Linked](img/small.png)](https://example.com) badge.\n");

  wait = (WaitPictures) { GTK_WIDGET (fixture.preview), 1 };
  g_assert_true (spec_test_wait_for (has_pictures, &wait, 10000));
  wait_for_images (&fixture);

  paragraph = block (&fixture, 0);
  g_assert_true (gtk_widget_has_css_class (paragraph, "paragraph-with-images"));
  labels = preview_find_widgets (paragraph, GTK_TYPE_LABEL, "paragraph");
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), ==,
                   "The flow Small goes through Gone here.");

  pictures = preview_find_widgets (paragraph, GTK_TYPE_PICTURE, NULL);
  g_assert_cmpuint (pictures->len, ==, 1);
  g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (pictures, 0)), ==, 40);
  assert_marker (paragraph, "Missing image: gone.png", "Gone");

  /* below the words */
  {
    graphene_rect_t text_bounds, picture_bounds;

    g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (labels, 0), paragraph, &text_bounds));
    g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (pictures, 0), paragraph, &picture_bounds));
    g_assert_cmpfloat (picture_bounds.origin.y, >=, text_bounds.origin.y + text_bounds.size.height);
  }

  g_assert_true (GTK_IS_LABEL (block (&fixture, 1)));
  g_assert_cmpuint (count_pictures (block (&fixture, 1)), ==, 0);

  preview_fixture_clear (&fixture);
  files_clear (&files);
}

static void
test_missing (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *not_image = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *huge = NULL;
  FILE *huge_file;
  GtkWidget *marker;

  files_init (&files);
  not_image = files_path (&files, "notes.png");
  g_assert_true (g_file_set_contents (not_image, "not a picture at all\n", -1, NULL));

  /* just over the limit, and sparse: it costs no disk */
  huge = files_path (&files, "huge.png");
  huge_file = fopen (huge, "wb");
  g_assert_nonnull (huge_file);
  g_assert_cmpint (fseek (huge_file, 32 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (0, huge_file), ==, 0);
  g_assert_cmpint (fclose (huge_file), ==, 0);
  missing_path = files_path (&files, "img/gone.png");

  preview_fixture_init (&fixture, 600, 800);
  spec_preview_set_base_file (fixture.preview, files.document);
  preview_fixture_show (&fixture,
                        "![Gone](img/gone.png)\n\n"
                        "![Notes](notes.png)\n\n"
                        "![A folder](img)\n\n"
                        "![](nothing%20here.png)\n\n"
                        "![Huge](huge.png)\n");
  wait_for_images (&fixture);

  /* the path as written, where it was looked for in the tooltip */
  marker = assert_marker (block (&fixture, 0), "Missing image: img/gone.png", "Gone");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (marker), ==, missing_path);
  assert_marker (block (&fixture, 1), "Not an image: notes.png", "Notes");
  assert_marker (block (&fixture, 2), "Not an image file: img", "A folder");
  assert_marker (block (&fixture, 3), "Missing image: nothing%20here.png", NULL);
  assert_marker (block (&fixture, 4), "Image too large to show: huge.png", "Huge");

  preview_fixture_clear (&fixture);
  files_clear (&files);
}

/* Devices and FIFOs would block or never end: they are not even opened. */
static void
test_special_files (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *fifo = NULL;
  g_autofree char *link = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;

  files_init (&files);
  fifo = files_path (&files, "pipe.png");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  link = files_path (&files, "zero.png");
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);

  alarm (WATCHDOG_SECONDS);

  preview_fixture_init (&fixture, 600, 800);
  spec_preview_set_base_file (fixture.preview, files.document);
  text = g_strdup_printf ("![x](/dev/zero)\n\n![p](pipe.png)\n\n![z](zero.png)\n\n![u](file://%s)\n",
                          fifo);
  preview_fixture_show (&fixture, text);
  wait_for_images (&fixture);

  assert_marker (block (&fixture, 0), "Not an image file: /dev/zero", "x");
  assert_marker (block (&fixture, 1), "Not an image file: pipe.png", "p");
  assert_marker (block (&fixture, 2), "Not an image file: zero.png", "z");
  reason = g_strdup_printf ("Not an image file: file://%s", fifo);
  assert_marker (block (&fixture, 3), reason, "u");
  g_assert_cmpuint (count_pictures (fixture.preview), ==, 0);

  alarm (0);

  preview_fixture_clear (&fixture);
  files_clear (&files);
}

static void
test_unsaved (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *png = NULL;
  GtkWidget *heading;
  GtkWidget *marker;
  WaitPictures wait;

  files_init (&files);
  png = files_path (&files, "logo.png");
  write_png (png, 64, 48);

  preview_fixture_init (&fixture, 600, 600);
  preview_fixture_show (&fixture, "# Title\n\n![Logo](logo.png)\n");
  heading = block (&fixture, 0);
  marker = assert_marker (block (&fixture, 1), "Image not shown: save the document first", "Logo");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (marker), ==, "logo.png");
  g_assert_null (spec_preview_get_base_file (fixture.preview));

  /* saved: the image appears, the other blocks stay as they are */
  spec_preview_set_base_file (fixture.preview, files.document);
  g_assert_true (spec_preview_get_base_file (fixture.preview) == files.document);
  wait = (WaitPictures) { block (&fixture, 1), 1 };
  g_assert_true (spec_test_wait_for (has_pictures, &wait, 10000));
  g_assert_true (block (&fixture, 0) == heading);

  /* and back to unsaved */
  spec_preview_set_base_file (fixture.preview, NULL);
  assert_marker (block (&fixture, 1), "Image not shown: save the document first", "Logo");

  preview_fixture_clear (&fixture);
  files_clear (&files);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_base_file_property (void)
{
  g_autoptr(GFile) a = g_file_new_for_path ("/tmp/a/spec.md");
  g_autoptr(GFile) same = g_file_new_for_path ("/tmp/a/spec.md");
  g_autoptr(GFile) got = NULL;
  GtkWidget *preview = g_object_ref_sink (spec_preview_new ());
  guint notified = 0;

  g_signal_connect_swapped (preview, "notify::base-file", G_CALLBACK (count_notify), &notified);

  g_object_set (preview, "base-file", a, NULL);
  g_assert_cmpuint (notified, ==, 1);
  spec_preview_set_base_file (SPEC_PREVIEW (preview), a);
  spec_preview_set_base_file (SPEC_PREVIEW (preview), same);
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (preview, "base-file", &got, NULL);
  g_assert_true (got == a);

  spec_preview_set_base_file (SPEC_PREVIEW (preview), NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (spec_preview_get_base_file (SPEC_PREVIEW (preview)));

  g_assert_finalize_object (preview);
}

typedef struct
{
  GSocketService *service;
  guint16         port;
  guint           n_connections;
} Server;

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  Server *server = user_data;

  server->n_connections++;

  return TRUE;
}

static void
server_start (Server *server)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  server->service = g_socket_service_new ();
  server->n_connections = 0;
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server->service, "incoming", G_CALLBACK (on_incoming), server);
  g_socket_service_start (server->service);
}

static gboolean
server_has_connection (gpointer data)
{
  return ((Server *) data)->n_connections > 0;
}

static void
test_remote (void)
{
  PreviewFixture fixture;
  Files files;
  Server server;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *marker;

  files_init (&files);
  server_start (&server);
  url = g_strdup_printf ("http://127.0.0.1:%u/a.png", server.port);

  preview_fixture_init (&fixture, 600, 800);
  spec_preview_set_base_file (fixture.preview, files.document);
  text = g_strdup_printf ("![Remote](%s)\n\n"
                          "<%s>\n\n"
                          "See [the picture](%s).\n\n"
                          "![Tls](https://127.0.0.1:%u/b.png)\n\n"
                          "![Schemeless](//127.0.0.1:%u/c.png)\n\n"
                          "![Host](file://127.0.0.1:%u/d.png)\n\n"
                          "[![Badge](%s)](%s)\n\n"
                          "Among ![words](%s) too.\n",
                          url, url, url, server.port, server.port, server.port, url, url, url);
  preview_fixture_show (&fixture, text);
  spec_test_iterate (1000);

  g_assert_cmpuint (server.n_connections, ==, 0);

  marker = assert_marker (block (&fixture, 0), "Remote image not loaded", "Remote");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (marker), ==, url);
  assert_marker (block (&fixture, 3), "Remote image not loaded", "Tls");
  assert_marker (block (&fixture, 4), "Remote image not loaded", "Schemeless");
  assert_marker (block (&fixture, 5), "Remote image not loaded", "Host");
  assert_marker (block (&fixture, 7), "Remote image not loaded", "words");
  markers = preview_find_widgets (fixture.preview, GTK_TYPE_BOX, "image-remote");
  g_assert_cmpuint (markers->len, ==, 5);
  g_assert_cmpuint (count_pictures (fixture.preview), ==, 0);

  /* the links are links, and the linked badge shows its alt text */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (block (&fixture, 1))), url));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (block (&fixture, 6))), "Badge"));

  /* the server does count: a real connection is seen */
  client = g_socket_client_new ();
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server.port, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (spec_test_wait_for (server_has_connection, &server, 5000));

  g_socket_service_stop (server.service);
  g_socket_listener_close (G_SOCKET_LISTENER (server.service));
  g_clear_object (&server.service);
  preview_fixture_clear (&fixture);
  files_clear (&files);
}

/* Rebuilding a block drops its image widgets at once: a load in flight
 * does not keep them, and its end finds them cancelled. */
static void
test_cancel (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *png = NULL;
  g_autoptr(GPtrArray) images = NULL;
  GtkWidget *image;

  files_init (&files);
  png = files_path (&files, "big.png");
  write_png (png, 2000, 2000);

  preview_fixture_init (&fixture, 600, 600);
  spec_preview_set_base_file (fixture.preview, files.document);
  preview_fixture_show (&fixture, "![Big](big.png)\n");

  images = preview_find_widgets (fixture.preview, SPEC_TYPE_IMAGE_BLOCK, NULL);
  g_assert_cmpuint (images->len, ==, 1);
  image = g_ptr_array_index (images, 0);
  g_object_add_weak_pointer (G_OBJECT (image), (gpointer *) &image);

  preview_fixture_show (&fixture, "![Big](big.png \"changed\")\n");
  g_assert_null (image);

  spec_preview_set_snapshot (fixture.preview, NULL);
  spec_test_iterate (500);

  preview_fixture_clear (&fixture);
  files_clear (&files);
}

static void
test_screenshot (void)
{
  PreviewFixture fixture;
  Files files;
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  WaitPictures wait;

  files_init (&files);
  png = files_path (&files, "img/diagram.png");
  write_png (png, 320, 180);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  preview_fixture_init (&fixture, 700, 700);
  gtk_window_set_focus (GTK_WINDOW (fixture.window), NULL);
  spec_preview_set_base_file (fixture.preview, files.document);
  text = g_strdup ("## Images\n\n"
                   "A local image:\n\n"
                   "![Architecture diagram](img/diagram.png)\n\n"
                   "A missing one:\n\n"
                   "![Sequence diagram](img/sequence.png)\n\n"
                   "A remote one:\n\n"
                   "![Build status](https://ci.example.com/badge.svg)\n");
  preview_fixture_show (&fixture, text);
  wait = (WaitPictures) { GTK_WIDGET (fixture.preview), 1 };
  g_assert_true (spec_test_wait_for (has_pictures, &wait, 10000));
  wait_for_images (&fixture);

  path = spec_test_save_screenshot (GTK_WIDGET (fixture.preview), "preview-images");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  preview_fixture_clear (&fixture);
  files_clear (&files);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/preview/images/local", test_local);
  g_test_add_func ("/preview/images/among-words", test_among_words);
  g_test_add_func ("/preview/images/missing", test_missing);
  g_test_add_func ("/preview/images/special-files", test_special_files);
  g_test_add_func ("/preview/images/unsaved", test_unsaved);
  g_test_add_func ("/preview/images/base-file-property", test_base_file_property);
  g_test_add_func ("/preview/images/remote", test_remote);
  g_test_add_func ("/preview/images/cancel", test_cancel);
  g_test_add_func ("/preview/images/screenshot", test_screenshot);

  return g_test_run ();
}
