/* spec-document.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "spec-document.h"
#include "spec-outline-edit.h"
#include "spec-text-file.h"
#include "spec-text-mirror.h"
#include "spec-title-match.h"

/* The document is the one owner of the text.  Every change schedules a
 * single parse; the resulting snapshot is what the navigator, the preview
 * and the indicators read, so nothing else ever parses. */
struct _SpecDocument
{
  GtkSourceBuffer  parent_instance;

  GFile           *file;
  char            *title;
  SpecSnapshot    *snapshot;
  SpecSnapshot    *template;         /* what the report checks against */
  gint64           library_id;       /* its spec in the library; 0: none yet */
  char            *disk_etag;        /* @file as last read or written */

  guint            parse_source;
  GCancellable    *parse_cancellable;
  guint            change_serial;    /* bumped on every edit */
  guint            parsed_serial;    /* the serial @snapshot reflects */
  guint            language_source;  /* highlighting, after the first frame */
  gint64           parse_time;       /* µs the last parse took; G_MAXINT64:
                                      * not known (a file or paste came in) */
  SpecTextMirror  *mirror;           /* the text, for each parse */
  guint            busy : 1;         /* loading or saving */
  guint            long_lines : 1;   /* see SPEC_DOCUMENT_LONG_LINE */
  guint            parsing : 1;      /* a worker thread is parsing */
};

G_DEFINE_FINAL_TYPE (SpecDocument, spec_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_SNAPSHOT,
  PROP_BUSY,
  PROP_TEMPLATE,
  PROP_LIBRARY_ID,
  PROP_LONG_LINES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void spec_document_queue_parse (SpecDocument *self);
static void spec_document_constructed (GObject      *object);

/* @display_name comes from the worker thread that read or wrote the file,
 * so that no file I/O happens on the main thread for it. */
static void
spec_document_update_title (SpecDocument *self,
                            const char   *display_name)
{
  g_autofree char *heading = NULL;
  const char *title = display_name;

  /* A spec without a file (a new one, or one kept in the library) is
   * called by its first heading, as the library calls it. */
  if (self->file == NULL)
    {
      GPtrArray *sections = self->snapshot != NULL ? spec_snapshot_get_sections (self->snapshot) : NULL;

      if (sections != NULL && sections->len > 0)
        heading = spec_title_display (((SpecSection *) g_ptr_array_index (sections, 0))->title);
      title = heading != NULL && *heading != '\0' ? heading : _("Untitled Document");
    }

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

static void
spec_document_set_file (SpecDocument *self,
                        GFile        *file,
                        const char   *display_name)
{
  gboolean same = self->file == file || (self->file && file && g_file_equal (self->file, file));

  if (!same)
    g_set_object (&self->file, file);
  spec_document_update_title (self, display_name);
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

static void
spec_document_set_busy (SpecDocument *self,
                        gboolean      busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void spec_document_update_highlighting (SpecDocument *self,
                                               gsize         len);

static void
spec_document_set_long_lines (SpecDocument *self,
                              gboolean      long_lines)
{
  long_lines = !!long_lines;

  if (self->long_lines == long_lines)
    return;

  self->long_lines = long_lines;
  /* Characters, not bytes, for the size: near enough, and kept by GTK. */
  spec_document_update_highlighting (self, gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LONG_LINES]);
}

static void
spec_document_set_snapshot (SpecDocument *self,
                            SpecSnapshot *snapshot,
                            guint         serial)
{
  self->parsed_serial = serial;

  if (g_set_object (&self->snapshot, snapshot))
    {
      gsize longest = spec_line_index_get_longest_line (spec_snapshot_get_line_index (snapshot));

      /* Off again only well below the limit, so that typing around it
       * does not switch back and forth. */
      if (longest > SPEC_DOCUMENT_LONG_LINE)
        spec_document_set_long_lines (self, TRUE);
      else if (longest <= SPEC_DOCUMENT_LONG_LINE / 2)
        spec_document_set_long_lines (self, FALSE);

      if (self->file == NULL)
        spec_document_update_title (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNAPSHOT]);
    }
}

/* GtkSourceView highlights a long text in idle steps that each run far
 * over their time budget, and its highlighting engine keeps working
 * after every edit even with highlighting turned off: a 9 MB document
 * would stall typing.  Above a size the buffer has no language at all.
 * Switched with a gap between the two sizes, so that typing around one
 * size does not switch it back and forth.  A very long line is matched
 * against the language's patterns as one piece, which takes seconds for
 * 100 000 '[': no highlighting then either. */
static void
spec_document_update_highlighting (SpecDocument *self,
                                   gsize         len)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (self);
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  gboolean highlight = gtk_source_buffer_get_highlight_syntax (buffer);

  if (highlight && (len > SPEC_DOCUMENT_HIGHLIGHT_OFF_SIZE || self->long_lines))
    {
      gtk_source_buffer_set_highlight_syntax (buffer, FALSE);
      gtk_source_buffer_set_language (buffer, NULL);
    }
  else if (!highlight && len < SPEC_DOCUMENT_HIGHLIGHT_ON_SIZE && !self->long_lines)
    {
      gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
      gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
    }
}

typedef struct
{
  char         *text;
  gsize         len;
  gint64        time;       /* µs the parse took */
  guint         serial;     /* the change_serial the text was taken at */
  SpecSnapshot *previous;   /* what may be reused of the last parse */
  SpecSnapshot *template;
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_free (data->text);
  g_clear_object (&data->previous);
  g_clear_object (&data->template);
  g_free (data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *data = task_data;
  SpecSnapshot *snapshot;
  gint64 start = g_get_monotonic_time ();

  /* A large document parses again only the segments that changed. */
  snapshot = spec_snapshot_new_take_full (g_steal_pointer (&data->text), data->len,
                                          data->previous, data->template);
  data->time = g_get_monotonic_time () - start;
  g_clear_object (&data->previous);

  g_task_return_pointer (task, snapshot, g_object_unref);
}

static void
parse_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SpecDocument *self = SPEC_DOCUMENT (object);
  ParseData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(SpecSnapshot) snapshot = NULL;

  snapshot = g_task_propagate_pointer (G_TASK (result), NULL);
  self->parsing = FALSE;

  if (snapshot != NULL)
    {
      self->parse_time = data->time;
      spec_document_set_snapshot (self, snapshot, data->serial);
    }

  /* Edits made while the thread ran: parse again, newest text only. */
  if (self->parsed_serial != self->change_serial)
    spec_document_queue_parse (self);
}

static gboolean
spec_document_parse_now (gpointer user_data)
{
  SpecDocument *self = user_data;
  g_autofree char *text = NULL;
  gsize len;

  self->parse_source = 0;

  if (self->parsing)
    return G_SOURCE_REMOVE;  /* parse_cb() queues the next one */

  text = spec_text_mirror_dup (self->mirror, GTK_TEXT_BUFFER (self), &len);
  spec_document_update_highlighting (self, len);

  /* On the main thread only what is known to parse well within a frame:
   * a short text can be slow too (100 000 '[' take 120 ms). */
  if (len < SPEC_DOCUMENT_THREADED_PARSE_SIZE && self->parse_time < SPEC_DOCUMENT_MAIN_THREAD_PARSE_TIME)
    {
      g_autoptr(SpecSnapshot) snapshot = NULL;
      gint64 start = g_get_monotonic_time ();

      snapshot = spec_snapshot_new_take_full (g_steal_pointer (&text), len, self->snapshot, self->template);
      self->parse_time = g_get_monotonic_time () - start;
      spec_document_set_snapshot (self, snapshot, self->change_serial);
    }
  else
    {
      g_autoptr(GTask) task = NULL;
      ParseData *data = g_new0 (ParseData, 1);

      data->text = g_steal_pointer (&text);
      data->len = len;
      data->serial = self->change_serial;
      data->previous = self->snapshot != NULL ? g_object_ref (self->snapshot) : NULL;
      data->template = self->template != NULL ? g_object_ref (self->template) : NULL;

      task = g_task_new (self, self->parse_cancellable, parse_cb, NULL);
      g_task_set_source_tag (task, spec_document_parse_now);
      g_task_set_task_data (task, data, (GDestroyNotify) parse_data_free);
      self->parsing = TRUE;
      g_task_run_in_thread (task, parse_thread);
    }

  return G_SOURCE_REMOVE;
}

/* Edits that arrive in one burst (a paste, a key repeat) are parsed once:
 * the parse runs when the main loop is idle, after the input events are
 * handled but before the next frame is drawn (GDK_PRIORITY_REDRAW), so
 * the frame that shows a keystroke in the editor shows it in the preview
 * and the outline too.  That also keeps the editor's own idle work (its
 * highlighting) from putting the parse off. */
static void
spec_document_queue_parse (SpecDocument *self)
{
  if (self->parse_source == 0)
    self->parse_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10,
                                          spec_document_parse_now, self, NULL);
}

/* Whether inserting @text where a line had @before bytes before the
 * insertion point and @after from it on (its ending included) leaves a
 * line longer than SPEC_DOCUMENT_LONG_LINE: a file opened, a paste, a key
 * held down.  Only the inserted text and that line are looked at. */
static gboolean
makes_long_line (const char *text,
                 gsize       len,
                 gsize       before,
                 gsize       after)
{
  const char *first_end;
  const char *last_end;

  if (spec_text_find_long_line (text, len, SPEC_DOCUMENT_LONG_LINE, NULL) > 0)
    return TRUE;

  first_end = text;
  while (first_end < text + len && *first_end != '\n' && *first_end != '\r')
    first_end++;
  if (first_end == text + len)
    return before + len + after > SPEC_DOCUMENT_LONG_LINE;

  last_end = text + len - 1;
  while (*last_end != '\n' && *last_end != '\r')
    last_end--;

  return before + (gsize) (first_end - text) > SPEC_DOCUMENT_LONG_LINE ||
         (gsize) (text + len - 1 - last_end) + after > SPEC_DOCUMENT_LONG_LINE;
}

static void
spec_document_insert_text (GtkTextBuffer *buffer,
                           GtkTextIter   *location,
                           const char    *text,
                           int            length)
{
  SpecDocument *self = SPEC_DOCUMENT (buffer);
  gsize len = length >= 0 ? (gsize) length : strlen (text);
  /* Measured before: after the insertion, GTK 4.8 was seen to give the
   * length of another line for the iterator it moved. */
  gsize before = gtk_text_iter_get_line_index (location);
  gsize after = gtk_text_iter_get_bytes_in_line (location) - before;

  spec_text_mirror_insert (self->mirror, location, text, len);
  /* A file or a large paste: how long its parse takes is not known. */
  if (len > SPEC_DOCUMENT_LARGE_INSERTION)
    self->parse_time = G_MAXINT64;

  GTK_TEXT_BUFFER_CLASS (spec_document_parent_class)->insert_text (buffer, location, text, length);

  /* Before anything lays out or highlights what came in. */
  if (!self->long_lines && makes_long_line (text, len, before, after))
    spec_document_set_long_lines (self, TRUE);
}

static void
spec_document_delete_range (GtkTextBuffer *buffer,
                            GtkTextIter   *start,
                            GtkTextIter   *end)
{
  SpecDocument *self = SPEC_DOCUMENT (buffer);

  spec_text_mirror_delete (self->mirror, start, end);

  GTK_TEXT_BUFFER_CLASS (spec_document_parent_class)->delete_range (buffer, start, end);
}

/* Pictures and widgets in the text are not text the mirror can follow. */
static void
spec_document_insert_paintable (GtkTextBuffer *buffer,
                                GtkTextIter   *location,
                                GdkPaintable  *paintable)
{
  spec_text_mirror_invalidate (SPEC_DOCUMENT (buffer)->mirror);

  GTK_TEXT_BUFFER_CLASS (spec_document_parent_class)->insert_paintable (buffer, location, paintable);
}

static void
spec_document_insert_child_anchor (GtkTextBuffer      *buffer,
                                   GtkTextIter        *location,
                                   GtkTextChildAnchor *anchor)
{
  spec_text_mirror_invalidate (SPEC_DOCUMENT (buffer)->mirror);

  GTK_TEXT_BUFFER_CLASS (spec_document_parent_class)->insert_child_anchor (buffer, location, anchor);
}

static void
spec_document_changed (GtkTextBuffer *buffer)
{
  SpecDocument *self = SPEC_DOCUMENT (buffer);

  GTK_TEXT_BUFFER_CLASS (spec_document_parent_class)->changed (buffer);

  self->change_serial++;
  spec_document_queue_parse (self);
}

static void
spec_document_update_style_scheme (SpecDocument    *self,
                                   GParamSpec      *pspec,
                                   AdwStyleManager *style_manager)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self),
                                      gtk_source_style_scheme_manager_get_scheme (manager, id));
}

static void
spec_document_dispose (GObject *object)
{
  SpecDocument *self = (SpecDocument *)object;

  g_cancellable_cancel (self->parse_cancellable);
  g_clear_handle_id (&self->parse_source, g_source_remove);
  g_clear_handle_id (&self->language_source, g_source_remove);

  G_OBJECT_CLASS (spec_document_parent_class)->dispose (object);
}

static void
spec_document_finalize (GObject *object)
{
  SpecDocument *self = (SpecDocument *)object;

  g_clear_object (&self->parse_cancellable);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->template);
  g_clear_pointer (&self->mirror, spec_text_mirror_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->disk_etag, g_free);

  G_OBJECT_CLASS (spec_document_parent_class)->finalize (object);
}

static void
spec_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpecDocument *self = SPEC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    case PROP_LIBRARY_ID:
      g_value_set_int64 (value, self->library_id);
      break;

    case PROP_LONG_LINES:
      g_value_set_boolean (value, self->long_lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_document_class_init (SpecDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = spec_document_constructed;
  object_class->dispose = spec_document_dispose;
  object_class->finalize = spec_document_finalize;
  object_class->get_property = spec_document_get_property;

  buffer_class->changed = spec_document_changed;
  buffer_class->insert_text = spec_document_insert_text;
  buffer_class->delete_range = spec_document_delete_range;
  buffer_class->insert_paintable = spec_document_insert_paintable;
  buffer_class->insert_child_anchor = spec_document_insert_child_anchor;

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         SPEC_TYPE_SNAPSHOT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecDocument:template:
   *
   * The snapshot of the template the document was written from, if any:
   * its report then names the template's sections the document lacks.
   */
  properties [PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         SPEC_TYPE_SNAPSHOT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecDocument:library-id:
   *
   * The spec in the library that keeps this text's autosaves and
   * history: a library spec, or the entry linked to the file.
   */
  properties [PROP_LIBRARY_ID] =
    g_param_spec_int64 ("library-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SpecDocument:long-lines:
   *
   * Whether a line is longer than %SPEC_DOCUMENT_LONG_LINE: the text is
   * then not highlighted, and the editor should not wrap it.
   */
  properties [PROP_LONG_LINES] =
    g_param_spec_boolean ("long-lines", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Buffer settings wait for construction: touching them in init() would
 * create the tag table before GtkTextBuffer's "tag-table" property is set. */
static gboolean
set_language_cb (gpointer data)
{
  SpecDocument *self = data;
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (self);
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->language_source = 0;

  /* Unless the text is too large or its lines too long to highlight. */
  if (gtk_source_buffer_get_highlight_syntax (buffer) && gtk_source_buffer_get_language (buffer) == NULL)
    gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));

  return G_SOURCE_REMOVE;
}

static void
spec_document_constructed (GObject *object)
{
  SpecDocument *self = (SpecDocument *)object;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  G_OBJECT_CLASS (spec_document_parent_class)->constructed (object);

  /* Building the Markdown highlighting (GtkSourceView compiles its
   * patterns) takes 40 to 80 ms: done once the window's first frame is
   * drawn, which shows the text plain for that moment. */
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (self), TRUE);
  self->language_source = g_idle_add_full (G_PRIORITY_LOW, set_language_cb, self, NULL);
  g_source_set_name_by_id (self->language_source, "[specwright] highlighting");
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self), FALSE);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (spec_document_update_style_scheme),
                           self, G_CONNECT_SWAPPED);
  spec_document_update_style_scheme (self, NULL, style_manager);
}

static void
spec_document_init (SpecDocument *self)
{
  self->parse_cancellable = g_cancellable_new ();
  self->mirror = spec_text_mirror_new ();
  self->snapshot = spec_snapshot_new ("", 0);
  spec_document_update_title (self, NULL);
}

SpecDocument *
spec_document_new (void)
{
  return g_object_new (SPEC_TYPE_DOCUMENT, NULL);
}

GFile *
spec_document_get_file (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
spec_document_get_title (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), NULL);

  return self->title;
}

/* The folder as a person reads it ("~/Specs"), or NULL for a new
 * document or one whose folder is hidden behind the document portal. */
char *
spec_document_dup_folder (SpecDocument *self)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), NULL);

  if (self->file == NULL || !(parent = g_file_get_parent (self->file)))
    return NULL;

  path = g_file_get_path (parent);
  if (path == NULL || g_str_has_prefix (path, "/run/user/") || g_str_has_prefix (path, "/run/flatpak/doc"))
    return NULL;

  if (g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_steal_pointer (&path);
}

SpecSnapshot *
spec_document_get_snapshot (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), NULL);

  return self->snapshot;
}

gboolean
spec_document_get_busy (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

gboolean
spec_document_get_long_lines (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);

  return self->long_lines;
}

/* A new window's blank document: opening a file may reuse its window. */
gboolean
spec_document_is_untouched (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);

  return self->file == NULL &&
         !self->busy &&
         !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)) &&
         gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self)) == 0;
}

char *
spec_document_dup_text (SpecDocument *self)
{
  gsize length;

  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), NULL);

  return spec_text_mirror_dup (self->mirror, GTK_TEXT_BUFFER (self), &length);
}

/* The offset in @text (one line) of the character inside a task box:
 * after blanks, block-quote markers and one list marker, "[ ]", "[x]" or
 * "[X]" followed by a blank or the end.  -1 when the line has none. */
static int
find_task_box (const char *text)
{
  const char *p = text;

  while (*p == ' ' || *p == '\t' || *p == '>')
    p++;

  if (*p == '-' || *p == '*' || *p == '+')
    p++;
  else if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != '.' && *p != ')')
        return -1;
      p++;
    }
  else
    return -1;

  if (*p != ' ' && *p != '\t')
    return -1;
  while (*p == ' ' || *p == '\t')
    p++;

  if (p[0] == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') && p[2] == ']' &&
      (p[3] == ' ' || p[3] == '\t' || p[3] == '\r' || p[3] == '\n' || p[3] == '\0'))
    return (int) (p + 1 - text);

  return -1;
}

/**
 * spec_document_toggle_task:
 * @line: the task item's line, 1-based
 *
 * Sets the task box on @line to "[x]" or "[ ]", as one edit the user can
 * undo.  Checking a box that is already checked changes nothing.
 *
 * Returns: %FALSE when @line holds no task box (the click came from a
 *   preview older than the text)
 */
gboolean
spec_document_toggle_task (SpecDocument *self,
                           guint         line,
                           gboolean      checked)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  int box;

  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);

  if (line == 0 || line > (guint) gtk_text_buffer_get_line_count (buffer))
    return FALSE;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line - 1);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  if ((box = find_task_box (text)) < 0)
    return FALSE;

  if ((text[box] != ' ') == !!checked)
    return TRUE;

  /* The box is ASCII, so its byte offset is its character offset. */
  gtk_text_iter_set_line_index (&start, box);
  end = start;
  gtk_text_iter_forward_char (&end);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, checked ? "x" : " ", 1);
  gtk_text_buffer_end_user_action (buffer);

  return TRUE;
}

static void
byte_offset_to_iter (GtkTextBuffer       *buffer,
                     const SpecLineIndex *lines,
                     gsize                offset,
                     GtkTextIter         *iter)
{
  guint line = spec_line_index_line_at_offset (lines, offset);

  if (offset >= spec_line_index_get_length (lines) || line == 0 ||
      line > (guint) gtk_text_buffer_get_line_count (buffer))
    {
      gtk_text_buffer_get_end_iter (buffer, iter);
      return;
    }

  gtk_text_buffer_get_iter_at_line_index (buffer, iter, (int) line - 1,
                                          (int) (offset - spec_line_index_line_start (lines, line)));
}

/**
 * spec_document_set_template:
 * @template_snapshot: (nullable): the template's snapshot
 *
 * Checks the document against a template from the next snapshot on, which
 * comes at once.
 */
void
spec_document_set_template (SpecDocument *self,
                            SpecSnapshot *template_snapshot)
{
  g_return_if_fail (SPEC_IS_DOCUMENT (self));
  g_return_if_fail (template_snapshot == NULL || SPEC_IS_SNAPSHOT (template_snapshot));

  if (!g_set_object (&self->template, template_snapshot))
    return;

  /* A new report for the same text: nothing of the old one is reused. */
  self->change_serial++;
  spec_document_queue_parse (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEMPLATE]);
}

/**
 * spec_document_is_current:
 *
 * Returns: whether the snapshot holds the text as it is now (no edit is
 *   waiting to be parsed), so that its byte offsets are the buffer's
 */
gboolean
spec_document_is_current (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);

  return self->snapshot != NULL && self->parsed_serial == self->change_serial;
}

/**
 * spec_document_get_iter_at_byte:
 * @offset: a byte offset in the current snapshot's text
 *
 * Only while spec_document_is_current().
 */
void
spec_document_get_iter_at_byte (SpecDocument *self,
                                gsize         offset,
                                GtkTextIter  *iter)
{
  g_return_if_fail (SPEC_IS_DOCUMENT (self));
  g_return_if_fail (spec_document_is_current (self));

  byte_offset_to_iter (GTK_TEXT_BUFFER (self), spec_snapshot_get_line_index (self->snapshot), offset, iter);
}

/**
 * spec_document_get_byte_at_iter:
 *
 * Returns: @iter's byte offset in the current snapshot's text; only while
 *   spec_document_is_current()
 */
gsize
spec_document_get_byte_at_iter (SpecDocument      *self,
                                const GtkTextIter *iter)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (spec_document_is_current (self), 0);

  return spec_line_index_line_start (spec_snapshot_get_line_index (self->snapshot),
                                     (guint) gtk_text_iter_get_line (iter) + 1) +
         (gsize) gtk_text_iter_get_line_index (iter);
}

/**
 * spec_document_apply_edits:
 * @snapshot: the snapshot @edits were made from
 * @edits: (element-type SpecTextEdit): as the core's section operations
 *   return them, from the last offset to the first
 *
 * Makes @edits in the text as one user action, which one undo reverts.
 *
 * Returns: %FALSE, and nothing changed, if the text has changed since
 *   @snapshot (its offsets would point elsewhere)
 */
gboolean
spec_document_apply_edits (SpecDocument *self,
                           SpecSnapshot *snapshot,
                           GPtrArray    *edits)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  const SpecLineIndex *lines;

  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (edits != NULL, FALSE);

  if (snapshot != self->snapshot || !spec_document_is_current (self))
    return FALSE;

  lines = spec_snapshot_get_line_index (snapshot);

  gtk_text_buffer_begin_user_action (buffer);
  /* From the last offset to the first: the text before each edit is
   * still the snapshot's, so its byte offsets still hold there. */
  for (guint i = 0; i < edits->len; i++)
    {
      const SpecTextEdit *edit = g_ptr_array_index (edits, i);
      GtkTextIter start, end;

      byte_offset_to_iter (buffer, lines, edit->offset, &start);
      byte_offset_to_iter (buffer, lines, edit->offset + edit->removed, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, edit->inserted, -1);
    }
  gtk_text_buffer_end_user_action (buffer);

  return TRUE;
}

gint64
spec_document_get_library_id (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), 0);

  return self->library_id;
}

void
spec_document_set_library_id (SpecDocument *self,
                              gint64        library_id)
{
  g_return_if_fail (SPEC_IS_DOCUMENT (self));

  if (self->library_id == library_id)
    return;

  self->library_id = library_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY_ID]);
}

/* Loading */

/* Opening is not an edit the user could undo. */
static void
spec_document_replace_text (SpecDocument *self,
                            const char   *text,
                            gsize         len)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter begin;

  /* Before the text is in, so that a long one is never highlighted. */
  spec_document_update_highlighting (self, len);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", len);
  gtk_text_buffer_end_irreversible_action (buffer);

  gtk_text_buffer_get_start_iter (buffer, &begin);
  gtk_text_buffer_place_cursor (buffer, &begin);
  gtk_text_buffer_set_modified (buffer, FALSE);

  /* Parsed now rather than from the idle: the window's first frame
   * after a file is opened then shows it in the navigator and the
   * preview too, not a frame later (GTK 4.8 drew a frame before that
   * idle ran).  A large text still goes to a thread. */
  if (self->parse_source != 0)
    {
      g_clear_handle_id (&self->parse_source, g_source_remove);
      spec_document_parse_now (self);
    }
}

/**
 * spec_document_load_library_spec:
 * @library_id: the spec's id in the library
 * @title: its title, for the window
 * @text: its text
 *
 * Shows a spec that lives in the library rather than in a file.
 */
void
spec_document_load_library_spec (SpecDocument *self,
                                 gint64        library_id,
                                 const char   *title,
                                 const char   *text)
{
  g_return_if_fail (SPEC_IS_DOCUMENT (self));
  g_return_if_fail (library_id > 0);
  g_return_if_fail (text != NULL);

  spec_document_replace_text (self, text, strlen (text));
  spec_document_set_file (self, NULL, NULL);
  spec_document_set_disk_etag (self, NULL);
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
  spec_document_set_library_id (self, library_id);
}

typedef struct
{
  GBytes *text;
  char   *display_name;
  char   *etag;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->text, g_bytes_unref);
  g_free (result->display_name);
  g_free (result->etag);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;
  LoadResult *result;

  if (!spec_text_file_load (file, &contents, &length, cancellable, &error) ||
      !spec_text_file_check_lines (contents, length, &error))
    {
      g_free (contents);
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->text = g_bytes_new_take (contents, length);
  result->display_name = spec_text_file_dup_display_name (file);
  result->etag = spec_text_file_dup_etag (file);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SpecDocument *self = SPEC_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len;

  spec_document_set_busy (self, FALSE);

  if (!(loaded = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  text = g_bytes_get_data (loaded->text, &len);
  spec_document_replace_text (self, text, len);
  /* Its library entry is found again by its URI. */
  spec_document_set_library_id (self, 0);
  spec_document_set_file (self, g_task_get_task_data (task), loaded->display_name);
  spec_document_set_disk_etag (self, loaded->etag);

  g_task_return_boolean (task, TRUE);
}

/**
 * spec_document_load_async:
 *
 * Replaces the text with @file's, read and checked on a worker thread.  On
 * failure the document is left exactly as it was.
 */
void
spec_document_load_async (SpecDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (SPEC_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, spec_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  spec_document_set_busy (self, TRUE);

  worker = g_task_new (self, cancellable, load_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
spec_document_load_finish (SpecDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * spec_document_get_disk_etag:
 *
 * Returns: (nullable): what the document's file was when it was last read
 *   or written (see spec_text_file_dup_etag()): another program has
 *   changed it when that is no longer what it is
 */
const char *
spec_document_get_disk_etag (SpecDocument *self)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), NULL);

  return self->disk_etag;
}

/* Also for "Keep Mine": the change on disk is known, and saving may
 * replace it. */
void
spec_document_set_disk_etag (SpecDocument *self,
                             const char   *etag)
{
  g_return_if_fail (SPEC_IS_DOCUMENT (self));

  if (self->disk_etag != etag)
    {
      g_free (self->disk_etag);
      self->disk_etag = g_strdup (etag);
    }
}

/* Saving */

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  guint   serial;
  char   *expected_etag;  /* the file as last read or written; NULL: any */
  char   *display_name;   /* found by the worker, after writing */
  char   *etag;           /* the file as written */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected_etag);
  g_free (data->display_name);
  g_free (data->etag);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  gsize len = 0;
  const char *text = g_bytes_get_data (data->bytes, &len);

  if (!spec_text_file_replace (data->file, text, len, data->expected_etag, &data->etag,
                               cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->display_name = spec_text_file_dup_display_name (data->file);
  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SpecDocument *self = SPEC_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SaveData *data = g_task_get_task_data (G_TASK (result));

  spec_document_set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  spec_document_set_file (self, data->file, data->display_name);
  spec_document_set_disk_etag (self, data->etag);

  /* Typing during the save leaves those edits unsaved, and marked so. */
  if (data->serial == self->change_serial)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * spec_document_save_async:
 * @file: (nullable): where to save, or %NULL for the document's own file
 *
 * Writes the current text atomically on a worker thread.  The text in the
 * buffer is never touched, whether the save succeeds or fails.  Saving
 * to the document's own file fails with %SPEC_TEXT_FILE_ERROR_CHANGED
 * when another program changed it since it was read or written (see
 * spec_document_get_disk_etag()).
 */
void
spec_document_save_async (SpecDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  SaveData *data;
  char *text;

  g_return_if_fail (SPEC_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, spec_document_save_async);

  text = spec_document_dup_text (self);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file ? file : self->file);
  data->bytes = g_bytes_new_take (text, strlen (text));
  data->serial = self->change_serial;
  /* Its own file is not written over another program's change, however
   * late that change comes; another file was chosen by the user. */
  if (file == NULL || (self->file != NULL && g_file_equal (file, self->file)))
    data->expected_etag = g_strdup (self->disk_etag);

  spec_document_set_busy (self, TRUE);

  worker = g_task_new (self, cancellable, save_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (worker, save_thread);
}

gboolean
spec_document_save_finish (SpecDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SPEC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
