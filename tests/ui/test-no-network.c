/* test-no-network.c: opening a spec contacts no one
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The README promises that remote images are never fetched and that
 * links leave the preview only on a click, and only for http, https and
 * mailto.  Promises about what does not happen need a witness: here a
 * web server inside this test, on loopback, that answers every request
 * with a picture, so a fetch would succeed and be seen.  A document full
 * of images and links to it is opened, read through, hovered and put in
 * the library without one connection.  Clicked, web links go to the
 * desktop's browser (a script of the test's own that writes down what it
 * was given), other schemes to no one.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spec-image-block.h"
#include "spec-test-utils.h"
#include "spec-window-private.h"

#define TIMEOUT_MS 10000

/* How long the main loop runs after the document is shown: any fetch,
 * on a thread or not, would have reached the server by then. */
#define SETTLE_MS 1500

/* The desktop of the test's own: the default handler of every scheme a
 * link may have, set before GIO first reads the XDG folders. */
static char *desktop_dir;
static char *opened_log;

/* The web server */

typedef struct
{
  GMutex        mutex;
  guint         n_connections;
  GPtrArray    *requests;       /* the first line of each */
  GBytes       *png;            /* the answer to everything */
  GCancellable *cancellable;
} Recorder;

typedef struct
{
  Recorder *recorder;
  GSocket  *socket;
  GThread  *thread;
  guint16   port;
} Listener;

static void
recorder_add (Recorder   *recorder,
              const char *request)
{
  g_mutex_lock (&recorder->mutex);
  if (request == NULL)
    recorder->n_connections++;
  else
    g_ptr_array_add (recorder->requests, g_strdup (request));
  g_mutex_unlock (&recorder->mutex);
}

/* Reports what reached the server, and returns how many connections and
 * requests did. */
static void
recorder_report (Recorder *recorder,
                 guint    *n_connections,
                 guint    *n_requests)
{
  g_mutex_lock (&recorder->mutex);
  *n_connections = recorder->n_connections;
  *n_requests = recorder->requests->len;
  g_test_message ("HTTP connections: %u, requests: %u", *n_connections, *n_requests);
  for (guint i = 0; i < recorder->requests->len; i++)
    g_test_message ("  request: %s", (char *) g_ptr_array_index (recorder->requests, i));
  g_mutex_unlock (&recorder->mutex);
}

static void
recorder_clear (Recorder *recorder)
{
  g_mutex_lock (&recorder->mutex);
  recorder->n_connections = 0;
  g_ptr_array_set_size (recorder->requests, 0);
  g_mutex_unlock (&recorder->mutex);
}

/* Reads the request's head and answers 200 with the picture. */
static void
serve (Recorder *recorder,
       GSocket  *connection)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_autofree char *answer = NULL;
  char buffer[1024];
  const char *png;
  gsize png_len;

  g_socket_set_timeout (connection, 5);

  while (strstr (head->str, "\r\n\r\n") == NULL && head->len < 16 * 1024)
    {
      gssize n = g_socket_receive (connection, buffer, sizeof buffer,
                                   recorder->cancellable, NULL);

      if (n <= 0)
        break;
      g_string_append_len (head, buffer, n);
    }

  g_string_truncate (head, strcspn (head->str, "\r\n"));
  recorder_add (recorder, head->str);

  png = g_bytes_get_data (recorder->png, &png_len);
  answer = g_strdup_printf ("HTTP/1.0 200 OK\r\n"
                            "Content-Type: image/png\r\n"
                            "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                            "Connection: close\r\n\r\n", png_len);
  g_socket_send_with_blocking (connection, answer, strlen (answer), TRUE, recorder->cancellable, NULL);
  g_socket_send_with_blocking (connection, png, png_len, TRUE, recorder->cancellable, NULL);
  g_socket_shutdown (connection, FALSE, TRUE, NULL);
}

/* A thread of its own, so that a fetch made on the main thread, which
 * would block it, is answered all the same. */
static gpointer
listener_thread (gpointer data)
{
  Listener *listener = data;
  Recorder *recorder = listener->recorder;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) connection = g_socket_accept (listener->socket, recorder->cancellable, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        break;
      if (connection == NULL)
        continue;

      recorder_add (recorder, NULL);
      serve (recorder, connection);
      g_socket_close (connection, NULL);
    }

  return NULL;
}

/* Listens on @address port @port (0: any free one), and on it alone:
 * g_socket_listener_add_any_inet_port() would listen on every interface. */
static Listener *
listener_new (Recorder    *recorder,
              const char  *address,
              guint16      port,
              GError     **error)
{
  g_autoptr(GSocketAddress) bind_address = g_inet_socket_address_new_from_string (address, port);
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocket) socket = NULL;
  Listener *listener;

  socket = g_socket_new (g_socket_address_get_family (bind_address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL ||
      !g_socket_bind (socket, bind_address, FALSE, error) ||
      !g_socket_listen (socket, error) ||
      (local = g_socket_get_local_address (socket, error)) == NULL)
    return NULL;

  listener = g_new0 (Listener, 1);
  listener->recorder = recorder;
  listener->socket = g_steal_pointer (&socket);
  listener->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  listener->thread = g_thread_new ("test-http", listener_thread, listener);

  return listener;
}

/* Call only once the recorder's cancellable is cancelled. */
static void
listener_free (Listener *listener)
{
  if (listener == NULL)
    return;

  g_thread_join (listener->thread);
  g_socket_close (listener->socket, NULL);
  g_object_unref (listener->socket);
  g_free (listener);
}

/* A picture 48 pixels square, for the server to answer with and for the
 * document's one local image. */
static GBytes *
make_png (void)
{
  g_autoptr(GByteArray) pixels = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < 48 * 48; i++)
    g_byte_array_append (pixels, (const guint8 []) { 0x35, 0x84, 0xe4 }, 3);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  texture = gdk_memory_texture_new (48, 48, GDK_MEMORY_R8G8B8, bytes, 48 * 3);

  return gdk_texture_save_to_png_bytes (texture);
}

/* Fetches @path from the listener as a browser would: proof that the
 * server sees and answers a request, or nothing else here means much. */
static void
assert_server_answers (Listener   *listener,
                       const char *address,
                       const char *path)
{
  g_autoptr(GSocketAddress) server = g_inet_socket_address_new_from_string (address, listener->port);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) reply = g_string_new (NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.0\r\nHost: test\r\n\r\n", path);
  g_autofree char *first_line = g_strdup_printf ("GET %s HTTP/1.0", path);
  Recorder *recorder = listener->recorder;
  const char *end;
  char buffer[4096];
  gssize n;

  socket = g_socket_new (g_socket_address_get_family (server), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (socket, 5);
  g_socket_connect (socket, server, NULL, &error);
  g_assert_no_error (error);
  g_socket_send_with_blocking (socket, request, strlen (request), TRUE, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (reply, buffer, n);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (reply->str, "HTTP/1.0 200 OK\r\n"));
  end = strstr (reply->str, "\r\n\r\n");
  g_assert_nonnull (end);
  body = g_bytes_new (end + 4, reply->len - (end + 4 - reply->str));
  texture = gdk_texture_new_from_bytes (body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 48);

  g_mutex_lock (&recorder->mutex);
  g_assert_cmpuint (recorder->n_connections, ==, 1);
  g_assert_cmpuint (recorder->requests->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (recorder->requests, 0), ==, first_line);
  g_mutex_unlock (&recorder->mutex);
  recorder_clear (recorder);
}

/* The resolver: host names that are not addresses (www.example.invalid)
 * never reach the server, but would be looked up first. */

static GMutex lookups_mutex;
static GPtrArray *lookups;

#define RECORDING_TYPE_RESOLVER (recording_resolver_get_type ())
G_DECLARE_FINAL_TYPE (RecordingResolver, recording_resolver, RECORDING, RESOLVER, GResolver)

struct _RecordingResolver
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (RecordingResolver, recording_resolver, G_TYPE_RESOLVER)

static void
record_lookup (const char  *what,
               const char  *name,
               GError     **error)
{
  g_mutex_lock (&lookups_mutex);
  g_ptr_array_add (lookups, g_strdup_printf ("%s %s", what, name));
  g_mutex_unlock (&lookups_mutex);

  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no lookups in this test: %s", name);
}

static guint
count_lookups (void)
{
  guint n;

  g_mutex_lock (&lookups_mutex);
  n = lookups->len;
  g_test_message ("host name lookups: %u", n);
  for (guint i = 0; i < lookups->len; i++)
    g_test_message ("  lookup: %s", (char *) g_ptr_array_index (lookups, i));
  g_mutex_unlock (&lookups_mutex);

  return n;
}

static void
report_lookup_async (GResolver           *resolver,
                     const char          *what,
                     const char          *name,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GError *error = NULL;

  record_lookup (what, name, &error);
  g_task_report_error (resolver, callback, user_data, NULL, error);
}

static GList *
lookup_by_name (GResolver     *resolver,
                const char    *hostname,
                GCancellable  *cancellable,
                GError       **error)
{
  record_lookup ("name", hostname, error);
  return NULL;
}

static GList *
lookup_by_name_with_flags (GResolver                 *resolver,
                           const char                *hostname,
                           GResolverNameLookupFlags   flags,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  record_lookup ("name", hostname, error);
  return NULL;
}

static void
lookup_by_name_async (GResolver           *resolver,
                      const char          *hostname,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  report_lookup_async (resolver, "name", hostname, callback, user_data);
}

static void
lookup_by_name_with_flags_async (GResolver                *resolver,
                                 const char               *hostname,
                                 GResolverNameLookupFlags  flags,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  report_lookup_async (resolver, "name", hostname, callback, user_data);
}

static char *
lookup_by_address (GResolver     *resolver,
                   GInetAddress  *address,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *text = g_inet_address_to_string (address);

  record_lookup ("address", text, error);
  return NULL;
}

static void
lookup_by_address_async (GResolver           *resolver,
                         GInetAddress        *address,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *text = g_inet_address_to_string (address);

  report_lookup_async (resolver, "address", text, callback, user_data);
}

static char *
lookup_by_address_finish (GResolver     *resolver,
                          GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GList *
lookup_service (GResolver     *resolver,
                const char    *rrname,
                GCancellable  *cancellable,
                GError       **error)
{
  record_lookup ("service", rrname, error);
  return NULL;
}

static void
lookup_service_async (GResolver           *resolver,
                      const char          *rrname,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  report_lookup_async (resolver, "service", rrname, callback, user_data);
}

static GList *
lookup_records (GResolver            *resolver,
                const char           *rrname,
                GResolverRecordType   record_type,
                GCancellable         *cancellable,
                GError              **error)
{
  record_lookup ("records", rrname, error);
  return NULL;
}

static void
lookup_records_async (GResolver           *resolver,
                      const char          *rrname,
                      GResolverRecordType  record_type,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  report_lookup_async (resolver, "records", rrname, callback, user_data);
}

/* Every lookup that returns a list fails the same way. */
static GList *
lookup_list_finish (GResolver     *resolver,
                    GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
recording_resolver_class_init (RecordingResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = lookup_by_name;
  resolver_class->lookup_by_name_async = lookup_by_name_async;
  resolver_class->lookup_by_name_finish = lookup_list_finish;
  resolver_class->lookup_by_name_with_flags = lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = lookup_list_finish;
  resolver_class->lookup_by_address = lookup_by_address;
  resolver_class->lookup_by_address_async = lookup_by_address_async;
  resolver_class->lookup_by_address_finish = lookup_by_address_finish;
  resolver_class->lookup_service = lookup_service;
  resolver_class->lookup_service_async = lookup_service_async;
  resolver_class->lookup_service_finish = lookup_list_finish;
  resolver_class->lookup_records = lookup_records;
  resolver_class->lookup_records_async = lookup_records_async;
  resolver_class->lookup_records_finish = lookup_list_finish;
}

static void
recording_resolver_init (RecordingResolver *self)
{
}

/* The document */

/* @PORT@ is the IPv4 server's port, @PORT6@ the IPv6 one's, @DIR@ the
 * document's folder. */
static const char document_template[] =
  "# Remote Content\n"
  "\n"
  "![Remote picture](http://127.0.0.1:@PORT@/img.png)\n"
  "\n"
  "![Reference picture][logo] ![Second reference][logo2]\n"
  "\n"
  "A sentence with ![an inline image](http://127.0.0.1:@PORT@/inline.png \"Title\") among words.\n"
  "\n"
  "[![Badge](http://127.0.0.1:@PORT@/badge.svg)](http://127.0.0.1:@PORT@/badge-link)\n"
  "\n"
  "![Protocol-relative](//127.0.0.1:@PORT@/relative.png)\n"
  "\n"
  "![File on a host](file://127.0.0.1:@PORT@/remote-file.png)\n"
  "\n"
  "![WebDAV](dav://127.0.0.1:@PORT@/dav.png)\n"
  "\n"
  "![IPv6 loopback](http://[::1]:@PORT6@/v6.png)\n"
  "\n"
  "![Localhost](http://localhost:@PORT@/localhost.png)\n"
  "\n"
  "![Local picture](local.png)\n"
  "\n"
  "| What | Where |\n"
  "| --- | --- |\n"
  "| image | ![In a cell](http://127.0.0.1:@PORT@/cell.png) |\n"
  "| link | [cell link](http://127.0.0.1:@PORT@/cell-link) |\n"
  "\n"
  "<img src=\"http://127.0.0.1:@PORT@/html.png\" alt=\"HTML block\">\n"
  "\n"
  "<p><img src=\"http://127.0.0.1:@PORT@/html-p.png\"></p>\n"
  "\n"
  "Inline HTML <img src=\"http://127.0.0.1:@PORT@/html-inline.png\"> in a sentence.\n"
  "\n"
  "<picture><source srcset=\"http://127.0.0.1:@PORT@/srcset.png\"></picture>\n"
  "\n"
  "<link rel=\"stylesheet\" href=\"http://127.0.0.1:@PORT@/style.css\">\n"
  "\n"
  "## Links\n"
  "\n"
  "An [inline link](http://127.0.0.1:@PORT@/link \"Link title\"), an autolink "
  "<http://127.0.0.1:@PORT@/auto>, a bare one http://127.0.0.1:@PORT@/bare "
  "and www.example.invalid/www.\n"
  "\n"
  "A [reference link][site], a [secure one](https://127.0.0.1:@PORT@/secure) "
  "and [mail](mailto:nobody@example.invalid).\n"
  "\n"
  "Never opened: [script](javascript:alert(1)), [file](file://@DIR@/secret.txt) "
  "and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n"
  "\n"
  "[logo]: http://127.0.0.1:@PORT@/ref.png \"Logo\"\n"
  "[logo2]: <http://127.0.0.1:@PORT@/ref2.png>\n"
  "[site]: http://127.0.0.1:@PORT@/refdef \"Site\"\n";

/* Links the click test follows: those the desktop is to be given, then
 * those it never is (@PORT@ and @DIR@ as above). */
static const char * const opened_links[] = {
  "http://127.0.0.1:@PORT@/link",
  "http://127.0.0.1:@PORT@/auto",
  "http://127.0.0.1:@PORT@/bare",
  "http://www.example.invalid/www",
  "http://127.0.0.1:@PORT@/refdef",
  "http://127.0.0.1:@PORT@/cell-link",
  "http://127.0.0.1:@PORT@/badge-link",
  "https://127.0.0.1:@PORT@/secure",
  "mailto:nobody@example.invalid",
};

static const char * const refused_links[] = {
  "javascript:alert(1)",
  "file://@DIR@/secret.txt",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
};

typedef struct
{
  Recorder           recorder;
  Listener          *listener;
  Listener          *listener6;     /* nullable: no IPv6 loopback */
  char              *dir;
  char              *path;
  SpecLibrary       *library;
  SpecLibraryWriter *writer;
  GSettings         *settings;
  SpecWindow        *window;
} Fixture;

static char *
expand (Fixture    *f,
        const char *text)
{
  g_autoptr(GString) str = g_string_new (text);
  g_autofree char *port = g_strdup_printf ("%d", f->listener->port);
  g_autofree char *port6 = g_strdup_printf ("%d", f->listener6 ? f->listener6->port : f->listener->port);

  g_string_replace (str, "@PORT6@", port6, 0);
  g_string_replace (str, "@PORT@", port, 0);
  g_string_replace (str, "@DIR@", f->dir, 0);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
start_servers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  Recorder *recorder = &f->recorder;

  g_mutex_init (&recorder->mutex);
  recorder->requests = g_ptr_array_new_with_free_func (g_free);
  recorder->png = make_png ();
  recorder->cancellable = g_cancellable_new ();

  f->listener = listener_new (recorder, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  g_test_message ("listening on 127.0.0.1:%u", f->listener->port);
  assert_server_answers (f->listener, "127.0.0.1", "/selftest");

  /* "localhost" may be ::1 as well: the same port there if it is free. */
  f->listener6 = listener_new (recorder, "::1", f->listener->port, NULL);
  if (f->listener6 == NULL)
    f->listener6 = listener_new (recorder, "::1", 0, &error);
  if (f->listener6 != NULL)
    {
      g_test_message ("listening on [::1]:%u", f->listener6->port);
      assert_server_answers (f->listener6, "::1", "/selftest6");
    }
  else
    {
      g_test_message ("no IPv6 loopback: %s", error->message);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autofree char *text = NULL;
  g_autofree char *local_png = NULL;
  g_autofree char *secret = NULL;

  f->dir = g_dir_make_tmp ("specwright-no-network-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  start_servers (f);

  /* The one local image is shown, so the placeholders are not simply
   * what every image gets. */
  local_png = g_build_filename (f->dir, "local.png", NULL);
  g_assert_true (g_file_set_contents (local_png, g_bytes_get_data (f->recorder.png, NULL),
                                      g_bytes_get_size (f->recorder.png), NULL));
  secret = g_build_filename (f->dir, "secret.txt", NULL);
  g_assert_true (g_file_set_contents (secret, "Not for documents to open.\n", -1, NULL));

  f->path = g_build_filename (f->dir, "remote.md", NULL);
  text = expand (f, document_template);
  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));

  db = g_build_filename (f->dir, "library.db", NULL);
  f->library = spec_library_open (db, NULL, NULL);
  g_assert_nonnull (f->library);
  f->writer = spec_library_writer_new (db);

  f->settings = g_settings_new (APP_ID);
  f->window = g_object_ref_sink (spec_window_new (NULL, f->settings));
  spec_window_set_library (f->window, f->library, f->writer);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog;

  while ((dialog = spec_test_find_dialog (GTK_WINDOW (f->window))))
    gtk_window_destroy (GTK_WINDOW (dialog));

  spec_autosave_close (spec_window_get_autosave (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->settings);
  spec_library_writer_flush (f->writer);
  spec_test_iterate (100);
  g_clear_object (&f->writer);
  g_clear_object (&f->library);

  g_cancellable_cancel (f->recorder.cancellable);
  listener_free (f->listener);
  listener_free (f->listener6);
  g_clear_object (&f->recorder.cancellable);
  g_clear_pointer (&f->recorder.png, g_bytes_unref);
  g_clear_pointer (&f->recorder.requests, g_ptr_array_unref);
  g_mutex_clear (&f->recorder.mutex);

  spec_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* Conditions */

static gboolean
preview_shows_document (gpointer data)
{
  SpecWindow *window = data;
  SpecDocument *document = spec_window_get_document (window);

  return !spec_document_get_busy (document) &&
         spec_document_get_library_id (document) != 0 &&
         spec_preview_get_snapshot (window->preview) == spec_document_get_snapshot (document) &&
         spec_snapshot_get_n_blocks (spec_document_get_snapshot (document)) > 0;
}

typedef struct
{
  SpecPreview *preview;
  guint        index;
} BlockBuilt;

static gboolean
block_built (gpointer data)
{
  BlockBuilt *want = data;

  return !spec_preview_is_scrolling (want->preview) &&
         spec_preview_get_block_widget (want->preview, want->index) != NULL;
}

static gboolean
image_loaded (gpointer data)
{
  return !spec_image_block_is_loading (data);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
label_has_links (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "<a href=") != NULL;
}

static gboolean
label_has_link (GtkWidget     *widget,
                gconstpointer  uri)
{
  g_autofree char *escaped = NULL;
  g_autofree char *attribute = NULL;

  if (!label_has_links (widget))
    return FALSE;

  escaped = g_markup_escape_text (uri, -1);
  attribute = g_strdup_printf ("href=\"%s\"", escaped);

  return strstr (gtk_label_get_label (GTK_LABEL (widget)), attribute) != NULL;
}

static gboolean
lines_opened (gpointer data)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  if (!g_file_get_contents (opened_log, &contents, NULL, NULL))
    return FALSE;
  for (const char *p = contents; *p != '\0'; p++)
    n += *p == '\n';

  return n >= GPOINTER_TO_UINT (data);
}

static guint
n_library_rows (gpointer data)
{
  return g_list_model_get_n_items (spec_library_view_get_model (data));
}

static gboolean
library_has_rows (gpointer data)
{
  return n_library_rows (data) > 0;
}

/* Opens the document and waits until the preview shows it: parsed, and
 * linked into the library, as every file opened in a window with one. */
static void
open_document (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);

  spec_window_open (f->window, file);
  g_assert_true (spec_test_wait_for (preview_shows_document, f->window, TIMEOUT_MS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->preview)));
  g_assert_true (g_file_equal (spec_preview_get_base_file (f->window->preview), file));
  spec_test_wait_for_frames (GTK_WIDGET (f->window), 3);
}

/* Scrolls the preview to block @index and returns its widget, built. */
static GtkWidget *
show_block (Fixture *f,
            guint    index)
{
  SpecSnapshot *snapshot = spec_preview_get_snapshot (f->window->preview);
  BlockBuilt built = { f->window->preview, index };

  spec_preview_scroll_to_line (f->window->preview, spec_snapshot_get_block (snapshot, index)->start_line);
  g_assert_true (spec_test_wait_for (block_built, &built, TIMEOUT_MS));

  return spec_preview_get_block_widget (f->window->preview, index);
}

/* What reading the whole preview met. */
typedef struct
{
  GString   *text;
  guint      n_link_labels;
  guint      n_images;
  guint      n_remote;
  guint      n_pictures;
  guint      n_tooltips;
} Reading;

/* Hovers all over a label with links: each link shows its address as a
 * tooltip, as GTK asks when the pointer rests on it.  (No pointer is
 * moved: a test cannot, portably, under Xvfb.) */
static void
hover_label (GtkWidget *label,
             Reading   *reading)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  int width = gtk_widget_get_width (label);
  int height = gtk_widget_get_height (label);

  for (int y = 2; y < height; y += 6)
    {
      for (int x = 2; x < width; x += 6)
        {
          gboolean shown = FALSE;

          g_signal_emit_by_name (label, "query-tooltip", x, y, FALSE, tooltip, &shown);
          reading->n_tooltips += shown;
        }
    }
}

static void
read_widget (GtkWidget *widget,
             Reading   *reading)
{
  if (SPEC_IS_IMAGE_BLOCK (widget))
    {
      reading->n_images++;
      g_assert_true (spec_test_wait_for (image_loaded, widget, TIMEOUT_MS));
      if (spec_test_find_matching (widget, has_css_class, "image-remote") != NULL)
        reading->n_remote++;
      else if (spec_test_find_widget (widget, GTK_TYPE_PICTURE) != NULL)
        reading->n_pictures++;
    }

  if (label_has_links (widget))
    {
      reading->n_link_labels++;
      hover_label (widget, reading);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    read_widget (child, reading);
}

/* Every block of the document, brought into view one after another, so
 * that each has been built, shown and hovered. */
static void
read_preview (Fixture *f,
              Reading *reading)
{
  SpecSnapshot *snapshot = spec_preview_get_snapshot (f->window->preview);

  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      GtkWidget *block = show_block (f, i);
      g_autofree char *text = NULL;

      spec_test_wait_for_frames (GTK_WIDGET (f->window), 1);
      text = spec_test_collect_text (block);
      g_string_append (reading->text, text);
      read_widget (block, reading);
    }
}

/* Nothing has connected to either server, nor looked up a name. */
static void
assert_no_network (Fixture *f)
{
  guint n_connections;
  guint n_requests;

  recorder_report (&f->recorder, &n_connections, &n_requests);
  g_assert_cmpuint (n_connections, ==, 0);
  g_assert_cmpuint (n_requests, ==, 0);
  g_assert_cmpuint (count_lookups (), ==, 0);
}

/* Opening, reading, hovering and keeping the document in the library
 * fetch nothing; remote images show why they are not there. */
static void
test_open_contacts_no_one (Fixture       *f,
                           gconstpointer  data)
{
  Reading reading = { g_string_new (NULL), };
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *png = NULL;
  GtkAdjustment *vadj;

  open_document (f);
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (f->window), "no-network-top");
  g_clear_pointer (&png, g_free);

  read_preview (f, &reading);
  text = g_string_free (g_steal_pointer (&reading.text), FALSE);
  g_test_message ("images: %u, remote: %u, shown: %u; labels with links: %u; tooltips: %u",
                  reading.n_images, reading.n_remote, reading.n_pictures,
                  reading.n_link_labels, reading.n_tooltips);

  /* Every image but the local one says it is remote, not loaded: the
   * picture, its two references, the one among words, protocol-relative,
   * file: on a host, dav:, [::1] and localhost. */
  g_assert_cmpuint (reading.n_pictures, ==, 1);
  g_assert_cmpuint (reading.n_remote, ==, reading.n_images - 1);
  g_assert_cmpuint (reading.n_remote, >=, 9);
  g_assert_nonnull (strstr (text, "Remote image not loaded"));

  /* Raw HTML is shown as text, never as an image. */
  html = expand (f, "<img src=\"http://127.0.0.1:@PORT@/html.png\" alt=\"HTML block\">");
  g_assert_nonnull (strstr (text, html));
  g_clear_pointer (&html, g_free);
  html = expand (f, "<img src=\"http://127.0.0.1:@PORT@/html-inline.png\">");
  g_assert_nonnull (strstr (text, html));

  /* Links are links, and hovering them shows where they lead. */
  g_assert_cmpuint (reading.n_link_labels, >=, 3);
  g_assert_cmpuint (reading.n_tooltips, >, 0);

  /* The end of the page, as a reader scrolls there. */
  vadj = spec_preview_get_vadjustment (f->window->preview);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (f->window), "no-network-end");
  g_clear_pointer (&png, g_free);

  /* In the library: the row lists it, and nothing reaches out. */
  spec_window_set_show_library (f->window, TRUE);
  g_assert_true (spec_test_wait_for (library_has_rows, _spec_window_get_library_view (f->window), TIMEOUT_MS));
  spec_test_iterate (300);
  png = spec_test_save_screenshot (GTK_WIDGET (f->window), "no-network-library");
  spec_window_set_show_library (f->window, FALSE);

  spec_test_iterate (SETTLE_MS);
  assert_no_network (f);
}

/* Follows the link to @uri the way a click does: GtkLabel asks its
 * "activate-link" handlers, and opens the link itself if none answers. */
static void
click_link (Fixture    *f,
            const char *uri)
{
  SpecSnapshot *snapshot = spec_preview_get_snapshot (f->window->preview);

  for (guint i = 0; i < spec_snapshot_get_n_blocks (snapshot); i++)
    {
      GtkWidget *label = spec_test_find_matching (show_block (f, i), label_has_link, uri);
      gboolean handled = FALSE;

      if (label == NULL)
        continue;

      g_test_message ("clicking %s", uri);
      g_signal_emit_by_name (label, "activate-link", uri, &handled);
      /* Handled either way: otherwise GTK would open it, whatever it is. */
      g_assert_true (handled);
      return;
    }

  g_error ("no link to %s in the preview", uri);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A sorted copy of @lines without empty ones. */
static GPtrArray *
sorted_lines (const char * const *lines)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (sorted, g_strdup (lines[i]));
  g_ptr_array_sort (sorted, compare_strings);

  return sorted;
}

/* Clicked, web and mail links go to the desktop's handler, and nothing
 * else does; Specwright fetches none of them itself. */
static void
test_click_opens_only_web (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  /* Each test starts with nothing opened. */
  g_remove (opened_log);
  open_document (f);

  /* The refused first: had any been handed on, the desktop would have
   * written it down before the web links below are. */
  for (guint i = 0; i < G_N_ELEMENTS (refused_links); i++)
    {
      g_autofree char *uri = expand (f, refused_links[i]);

      click_link (f, uri);
    }

  for (guint i = 0; i < G_N_ELEMENTS (opened_links); i++)
    {
      char *uri = expand (f, opened_links[i]);

      click_link (f, uri);
      g_ptr_array_add (expected, uri);
    }
  g_ptr_array_add (expected, NULL);

  g_assert_true (spec_test_wait_for (lines_opened, GUINT_TO_POINTER (G_N_ELEMENTS (opened_links)),
                                     TIMEOUT_MS));
  /* Time for a late launch to show. */
  spec_test_iterate (SETTLE_MS);

  g_assert_true (g_file_get_contents (opened_log, &contents, NULL, NULL));
  g_test_message ("the desktop was asked to open:\n%s", contents);
  lines = g_strsplit (contents, "\n", -1);
  got = sorted_lines ((const char * const *) lines);
  want = sorted_lines ((const char * const *) expected->pdata);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (want, i));

  assert_no_network (f);
}

/* The test's desktop */

/* A browser, mail program, file viewer and handler of every scheme a
 * link has: writes down what it was given, and nothing more. */
static void
make_desktop (void)
{
  static const char * const types[] = {
    "x-scheme-handler/http", "x-scheme-handler/https", "x-scheme-handler/mailto",
    "x-scheme-handler/javascript", "x-scheme-handler/data", "x-scheme-handler/file",
    "text/plain", "text/html", "text/markdown", "image/png",
  };
  g_autofree char *data_home = g_build_filename (desktop_dir, "data", NULL);
  g_autofree char *config_home = g_build_filename (desktop_dir, "config", NULL);
  g_autofree char *applications = g_build_filename (data_home, "applications", NULL);
  g_autofree char *script = g_build_filename (desktop_dir, "opener.sh", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps_path = NULL;
  g_autoptr(GString) mime_types = g_string_new (NULL);
  g_autoptr(GString) mimeapps = g_string_new ("[Default Applications]\n");

  opened_log = g_build_filename (desktop_dir, "opened.txt", NULL);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", opened_log);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_string_append_printf (mime_types, "%s;", types[i]);
      g_string_append_printf (mimeapps, "%s=specwright-test-opener.desktop;\n", types[i]);
    }

  desktop_path = g_build_filename (applications, "specwright-test-opener.desktop", NULL);
  desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=Test Opener\n"
                                  "Exec=%s %%u\n"
                                  "MimeType=%s\n"
                                  "NoDisplay=true\n",
                                  script, mime_types->str);
  g_assert_true (g_file_set_contents (desktop_path, desktop_text, -1, NULL));

  mimeapps_path = g_build_filename (config_home, "mimeapps.list", NULL);
  g_assert_true (g_file_set_contents (mimeapps_path, mimeapps->str, -1, NULL));

  /* Before GLib reads them, which it does once. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_unsetenv ("XDG_CURRENT_DESKTOP");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GResolver) resolver = NULL;
  int status;

  desktop_dir = g_dir_make_tmp ("specwright-no-network-desktop-XXXXXX", NULL);
  g_assert_nonnull (desktop_dir);
  make_desktop ();

  spec_test_init (&argc, &argv);

  lookups = g_ptr_array_new_with_free_func (g_free);
  resolver = g_object_new (RECORDING_TYPE_RESOLVER, NULL);
  g_resolver_set_default (resolver);

  g_test_add ("/no-network/open-contacts-no-one", Fixture, NULL,
              fixture_setup, test_open_contacts_no_one, fixture_teardown);
  g_test_add ("/no-network/click-opens-only-web", Fixture, NULL,
              fixture_setup, test_click_opens_only_web, fixture_teardown);

  status = g_test_run ();

  spec_test_remove_tree (desktop_dir);
  g_free (desktop_dir);
  g_free (opened_log);
  g_ptr_array_unref (lookups);

  return status;
}
