/* spec-window-status.c: a status chosen in the library, written in
 * the spec's Status line
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-status.h"
#include "spec-window-private.h"

typedef struct
{
  SpecWindow *self;
  gint64      id;
  char       *status;
} StatusChange;

static void
status_change_free (StatusChange *change)
{
  g_clear_object (&change->self);
  g_free (change->status);
  g_free (change);
}

static gint64
status_job (SpecLibrary  *library,
            gpointer      data,
            GError      **error)
{
  StatusChange *change = data;

  return spec_library_set_status (library, change->id, change->status, error) ? 1 : 0;
}

static void
status_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StatusChange *change = user_data;
  g_autoptr(GError) error = NULL;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    _spec_window_toast (change->self, error->message);
  else if (change->self->show_library && change->self->library_view != NULL)
    spec_library_view_reload (change->self->library_view);

  status_change_free (change);
}

/* The Status line of the text in the editor, as one undoable edit of
 * just what differs. */
static gboolean
edit_own_status (SpecWindow *self,
                 const char *status)
{
  g_autofree char *text = spec_document_dup_text (self->document);
  g_autofree char *changed = NULL;
  gsize len = strlen (text), new_len, head = 0, tail = 0;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  if (!(changed = spec_status_replace (text, len, status)))
    return FALSE;

  new_len = strlen (changed);
  while (head < len && head < new_len && text[head] == changed[head])
    head++;
  while (tail < len - head && tail < new_len - head && text[len - 1 - tail] == changed[new_len - 1 - tail])
    tail++;
  /* Whole characters only. */
  while (head > 0 && (text[head] & 0xc0) == 0x80)
    head--;
  while (tail > 0 && (text[len - tail] & 0xc0) == 0x80)
    tail--;

  /* Character offsets: the snapshot may be behind the text. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_strlen (text, head));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) g_utf8_strlen (text, len - tail));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, changed + head, (int) (new_len - head - tail));
  gtk_text_buffer_end_user_action (buffer);

  return TRUE;
}

/* A status chosen in the library view: the spec's Status line says it.
 * The window's own document is edited in the editor (and saved into
 * the library, if it lives there); another spec in the library. */
void
_spec_window_on_status_requested (SpecWindow      *self,
                                  gint64           id,
                                  const char      *status,
                                  SpecLibraryView *view)
{
  SpecWindow *target = _spec_window_find_editing (self, id);
  StatusChange *change;

  if (target != NULL)
    {
      if (!edit_own_status (target, status))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” has no “Status:” line to change"),
                                                      spec_document_get_title (target->document));

          _spec_window_toast (self, message);
        }
      else if (spec_document_get_file (target->document) == NULL)
        {
          spec_autosave_save (target->autosave);
        }
      return;
    }

  change = g_new0 (StatusChange, 1);
  change->self = g_object_ref (self);
  change->id = id;
  change->status = g_strdup (status);
  spec_library_writer_run_async (self->writer, status_job, change, NULL, NULL, status_done_cb, change);
}
