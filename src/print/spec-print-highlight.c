/* spec-print-highlight.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkSourceView highlights a GtkSourceBuffer with the light Adwaita
 * scheme, and the styles of its tags become Pango attributes.  It needs
 * no display, but it is not thread-safe: the language and scheme managers
 * are process-wide, and a buffer's highlighting engine queues idle work
 * on the main context.  A PDF is laid out in a worker thread, so the
 * highlighting itself always runs on the main thread.
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "spec-code-block.h"
#include "spec-print-highlight.h"

typedef struct
{
  const char    *text;
  const char    *info;
  PangoAttrList *result;
  GMutex         mutex;
  GCond          cond;
  gboolean       done;
} HighlightJob;

static guint16
channel (double value)
{
  return (guint16) (CLAMP (value, 0.0, 1.0) * 65535.0 + 0.5);
}

static void
insert (PangoAttrList  *attrs,
        PangoAttribute *attr,
        guint           start,
        guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* The tags at one stretch of text, in ascending priority: the last one
 * that sets a property wins, as in a text view. */
static void
add_tag_attributes (PangoAttrList *attrs,
                    GSList        *tags,
                    guint          start,
                    guint          end)
{
  GdkRGBA *foreground = NULL;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  gboolean has_weight = FALSE;
  gboolean has_style = FALSE;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean foreground_set;
      gboolean weight_set;
      gboolean style_set;

      g_object_get (l->data,
                    "foreground-set", &foreground_set,
                    "weight-set", &weight_set,
                    "style-set", &style_set,
                    NULL);

      if (foreground_set)
        {
          g_clear_pointer (&foreground, gdk_rgba_free);
          g_object_get (l->data, "foreground-rgba", &foreground, NULL);
        }
      if (weight_set)
        {
          g_object_get (l->data, "weight", &weight, NULL);
          has_weight = TRUE;
        }
      if (style_set)
        {
          g_object_get (l->data, "style", &style, NULL);
          has_style = TRUE;
        }
    }

  if (foreground != NULL)
    {
      insert (attrs, pango_attr_foreground_new (channel (foreground->red),
                                                channel (foreground->green),
                                                channel (foreground->blue)),
              start, end);
      if (foreground->alpha < 1.0)
        insert (attrs, pango_attr_foreground_alpha_new (channel (foreground->alpha)), start, end);
      gdk_rgba_free (foreground);
    }
  if (has_weight)
    insert (attrs, pango_attr_weight_new (weight), start, end);
  if (has_style)
    insert (attrs, pango_attr_style_new (style), start, end);
}

/* One buffer per language, kept (on the main thread only): a language's
 * compiled patterns live as long as a buffer uses it, and compiling them
 * again for each code block took nearly all of an export's time (a
 * 300 KB document: 9 s, most of it parsing .lang files and compiling
 * regular expressions). */
static GtkSourceBuffer *
buffer_for_language (GtkSourceLanguage *language)
{
  static GHashTable *buffers;
  GtkSourceStyleSchemeManager *schemes;
  GtkSourceBuffer *buffer;

  if (buffers == NULL)
    buffers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  buffer = g_hash_table_lookup (buffers, gtk_source_language_get_id (language));
  if (buffer != NULL)
    return buffer;

  schemes = gtk_source_style_scheme_manager_get_default ();
  buffer = gtk_source_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, "Adwaita"));
  gtk_source_buffer_set_language (buffer, language);
  g_hash_table_insert (buffers, g_strdup (gtk_source_language_get_id (language)), buffer);

  return buffer;
}

static PangoAttrList *
highlight (const char *text,
           const char *info)
{
  GtkSourceLanguage *language = spec_code_block_get_language (info);
  GtkSourceBuffer *buffer;
  PangoAttrList *attrs;
  GtkTextIter iter;
  GtkTextIter end;
  const char *position = text;
  int offset = 0;

  if (language == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  buffer = buffer_for_language (language);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, -1);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &iter, &end);
  gtk_source_buffer_ensure_highlight (buffer, &iter, &end);

  attrs = pango_attr_list_new ();

  /* Character offsets to byte indexes, walking forward only. */
  while (!gtk_text_iter_equal (&iter, &end))
    {
      GtkTextIter next = iter;
      GSList *tags;
      const char *next_position;
      int next_offset;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL))
        next = end;

      next_offset = gtk_text_iter_get_offset (&next);
      next_position = g_utf8_offset_to_pointer (position, next_offset - offset);

      tags = gtk_text_iter_get_tags (&iter);
      if (tags != NULL)
        add_tag_attributes (attrs, tags, (guint) (position - text), (guint) (next_position - text));
      g_slist_free (tags);

      iter = next;
      offset = next_offset;
      position = next_position;
    }

  /* Emptied, so that the text is not kept and no highlighting is left
   * to do in the background. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "", 0);

  return attrs;
}

static gboolean
highlight_on_main_thread (gpointer data)
{
  HighlightJob *job = data;
  PangoAttrList *result = highlight (job->text, job->info);

  g_mutex_lock (&job->mutex);
  job->result = result;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

  return G_SOURCE_REMOVE;
}

/**
 * spec_print_highlight:
 * @text: the code, valid UTF-8
 * @info: (nullable): a fenced code block's info string
 *
 * Colours @text for the language @info names.  Runs on the thread that
 * owns the default main context: called from another thread, it waits
 * for that thread's main loop to run it, so the main thread must not be
 * blocked waiting for the caller.
 *
 * Returns: (transfer full) (nullable): attributes for @text's byte
 *   indexes, or %NULL if @info names no known language
 */
PangoAttrList *
spec_print_highlight (const char *text,
                      const char *info)
{
  HighlightJob job = { text, info, NULL, };

  g_return_val_if_fail (text != NULL, NULL);

  if (info == NULL || info[0] == '\0')
    return NULL;

  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  /* Runs at once when this thread owns the main context, or can. */
  g_main_context_invoke (NULL, highlight_on_main_thread, &job);

  g_mutex_lock (&job.mutex);
  while (!job.done)
    g_cond_wait (&job.cond, &job.mutex);
  g_mutex_unlock (&job.mutex);

  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);

  return job.result;
}
