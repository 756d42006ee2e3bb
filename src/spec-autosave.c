/* spec-autosave.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-autosave.h"
#include "spec-library-import.h"
#include "spec-library-recovery.h"

/* The library side of one document.  Typing starts a one-second timer
 * (not restarted by more typing, so a steady typist is saved every
 * second too); when it fires the text goes to the writer thread as an
 * autosave.  Opening and saving a file link it to its library entry; a
 * spec with no file is saved into the library itself; closing marks the
 * spec closed, so that only a crash leaves something to recover.  All
 * of it runs on the writer's thread, in order: a job finds its spec by
 * id, or by the file's URI when an earlier job has only just linked it. */

struct _SpecAutosave
{
  GObject            parent_instance;

  SpecDocument      *document;
  SpecLibraryWriter *writer;
  char              *uri;           /* the file last read or written */
  char              *template_id;   /* "id@version", for a spec made from one */

  guint              timeout;
  guint              serial;        /* bumped by every change */
  guint              queued_serial; /* the text last sent */
  guint              in_flight;
  int                deferred;      /* a JobKind waiting for the spec to be made, or -1 */
  guint              creating : 1;  /* a job is making this document's spec */
  guint              failing : 1;
  guint              closed : 1;
};

G_DEFINE_FINAL_TYPE (SpecAutosave, spec_autosave, G_TYPE_OBJECT)

enum {
  FAILED,
  RECOVERED,
  STORED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef enum
{
  JOB_AUTOSAVE,
  JOB_FILE_READ,
  JOB_FILE_WRITTEN,
  JOB_SAVE,
  JOB_RESTORE,
  JOB_CLOSE,
} JobKind;

typedef struct
{
  JobKind       kind;
  gint64        id;       /* 0: find it by @uri, or make it */
  char         *uri;      /* nullable */
  char         *body;     /* nullable for JOB_CLOSE: nothing new */
  char         *template_id;
  SpecSnapshot *snapshot; /* nullable: @body's, from the editor */
  gboolean      attach;   /* a library spec becoming this file */
  gboolean      creates;  /* makes the document's spec */
  guint         serial;
  SpecAutosave *self;     /* main thread only */
} Job;

static void
job_free (Job *job)
{
  g_free (job->uri);
  g_free (job->body);
  g_free (job->template_id);
  g_clear_object (&job->snapshot);
  g_clear_object (&job->self);
  g_free (job);
}

/* Runs on the writer's thread. */
static gint64
autosave_into (SpecLibrary  *library,
               Job          *job,
               gint64        id,
               GError      **error)
{
  /* Not linked (the link failed when it was opened): link it now, so
   * that the typing is kept all the same. */
  if (id == 0 && job->uri != NULL)
    id = spec_library_link_file (library, job->uri, NULL, job->body, SPEC_REVISION_IMPORT, error);
  else if (id == 0)
    id = spec_library_add (library, job->body, job->template_id, SPEC_REVISION_AUTOSAVE, error);

  if (id == 0 || !spec_library_autosave_parsed (library, id, job->body, job->snapshot, error))
    return 0;

  return id;
}

/* Runs on the writer's thread: the file's etag as it is now, so that a
 * rescan of its folder knows it is unchanged. */
static char *
file_etag (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* Runs on the writer's thread. */
static gint64
run_job (SpecLibrary  *library,
         gpointer      data,
         GError      **error)
{
  Job *job = data;
  gint64 id = job->id;

  if (id == 0 && job->uri != NULL)
    id = spec_library_find_file (library, job->uri);

  switch (job->kind)
    {
    case JOB_AUTOSAVE:
      return autosave_into (library, job, id, error);

    case JOB_FILE_READ:
      {
        g_autofree char *etag = file_etag (job->uri);

        id = spec_library_link_file (library, job->uri, etag, job->body, SPEC_REVISION_IMPORT, error);
      }
      break;

    case JOB_FILE_WRITTEN:
      /* Failing to attach (the file is another spec's already) leaves
       * the library spec as it is and links the file on its own. */
      if (job->attach && job->id != 0)
        spec_library_attach_file (library, job->id, job->uri, NULL);
      {
        g_autofree char *etag = file_etag (job->uri);

        id = spec_library_link_file (library, job->uri, etag, job->body, SPEC_REVISION_SAVE, error);
      }
      break;

    case JOB_SAVE:
    case JOB_RESTORE:
      {
        SpecRevisionReason reason = job->kind == JOB_SAVE ? SPEC_REVISION_SAVE : SPEC_REVISION_RESTORE;

        /* A linked file's text is written on Save only: a restore is an
         * autosave of it until then. */
        if (job->uri != NULL)
          return autosave_into (library, job, id, error);
        if (id == 0)
          id = spec_library_add (library, job->body, job->template_id, reason, error);
        else if (!spec_library_update (library, id, job->body, reason, error))
          id = 0;
      }
      break;

    case JOB_CLOSE:
      if (job->body != NULL && (id = autosave_into (library, job, id, error)) == 0)
        return 0;
      if (id == 0)
        return G_MAXINT64;   /* never stored: nothing to mark */
      return spec_library_set_open (library, id, FALSE, error) ? id : 0;

    default:
      g_assert_not_reached ();
    }

  if (id == 0 || !spec_library_set_open (library, id, TRUE, error))
    return 0;

  return id;
}

static void schedule  (SpecAutosave *self,
                       guint         delay_ms);
static void queue_job (SpecAutosave *self,
                       JobKind       kind,
                       gboolean      with_body,
                       gboolean      attach);

/* The job that was waiting for the document's spec to be made. */
static void
queue_deferred (SpecAutosave *self)
{
  int kind = self->deferred;

  self->deferred = -1;
  if (kind >= 0)
    queue_job (self, (JobKind) kind, TRUE, FALSE);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  SpecAutosave *self = job->self;
  g_autoptr(GError) error = NULL;
  gint64 id;

  self->in_flight--;
  id = spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error);
  if (job->creates)
    self->creating = FALSE;

  if (id == 0)
    {
      /* The text stays in the editor; the timer tries again; the window
       * tells the user (a message, not a warning: it is not a bug). */
      g_message ("Could not store “%s” in the library: %s",
                 spec_document_get_title (self->document), error->message);
      self->failing = TRUE;
      self->queued_serial = 0;
      schedule (self, SPEC_AUTOSAVE_RETRY_MS);
      g_signal_emit (self, signals [FAILED], 0, error);
      queue_deferred (self);
      job_free (job);
      return;
    }

  /* A file saved as one that was another spec's already is that spec
   * from now on. */
  if (job->kind != JOB_CLOSE && g_strcmp0 (job->uri, self->uri) == 0 &&
      (spec_document_get_library_id (self->document) == 0 || job->kind == JOB_FILE_WRITTEN))
    spec_document_set_library_id (self->document, id);
  queue_deferred (self);

  if ((job->kind == JOB_SAVE || (job->kind == JOB_RESTORE && job->uri == NULL)) &&
      job->serial == self->serial)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), FALSE);

  if (self->failing && self->in_flight == 0)
    {
      self->failing = FALSE;
      g_signal_emit (self, signals [RECOVERED], 0);
    }

  g_signal_emit (self, signals [STORED], 0);
  job_free (job);
}

static void
queue_job (SpecAutosave *self,
           JobKind       kind,
           gboolean      with_body,
           gboolean      attach)
{
  gint64 id = spec_document_get_library_id (self->document);
  Job *job;

  /* A document with neither a spec nor a file yet: its first job makes
   * the spec, and the next waits for its id, or it would make another.
   * A close waits rather than a save, a save rather than an autosave. */
  if (id == 0 && self->uri == NULL && kind != JOB_FILE_READ && kind != JOB_FILE_WRITTEN)
    {
      if (self->creating)
        {
          self->deferred = MAX (self->deferred, (int) kind == JOB_RESTORE ? (int) JOB_SAVE : (int) kind);
          self->queued_serial = self->serial;
          return;
        }
      self->creating = with_body;
    }

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->creates = id == 0 && self->uri == NULL && with_body;
  job->id = id;
  job->uri = g_strdup (self->uri);
  job->template_id = g_strdup (self->template_id);
  job->body = with_body ? spec_document_dup_text (self->document) : NULL;
  /* The editor's parse of that very text, so the library need not parse
   * it again (snapshots are immutable: safe on the writer's thread). */
  if (with_body && spec_document_is_current (self->document))
    job->snapshot = g_object_ref (spec_document_get_snapshot (self->document));
  job->attach = attach;
  job->serial = self->serial;
  job->self = g_object_ref (self);

  self->queued_serial = self->serial;
  self->in_flight++;

  /* The job's data is only read on the thread; the callback gets it
   * back and frees it, on this one. */
  spec_library_writer_run_async (self->writer, run_job, job, NULL, NULL, job_done_cb, job);
}

static gboolean
has_unsent_edits (SpecAutosave *self)
{
  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)) &&
         self->queued_serial != self->serial;
}

static gboolean
autosave_timeout (gpointer data)
{
  SpecAutosave *self = data;

  self->timeout = 0;
  if (has_unsent_edits (self))
    queue_job (self, JOB_AUTOSAVE, TRUE, FALSE);

  return G_SOURCE_REMOVE;
}

static void
schedule (SpecAutosave *self,
          guint         delay_ms)
{
  if (self->timeout == 0 && !self->closed)
    self->timeout = g_timeout_add (delay_ms, autosave_timeout, self);
}

static void
document_changed_cb (SpecAutosave *self)
{
  self->serial++;
  schedule (self, SPEC_AUTOSAVE_DELAY_MS);
}

static void
spec_autosave_dispose (GObject *object)
{
  SpecAutosave *self = (SpecAutosave *)object;

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->writer);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->template_id, g_free);

  G_OBJECT_CLASS (spec_autosave_parent_class)->dispose (object);
}

static void
spec_autosave_class_init (SpecAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spec_autosave_dispose;

  /**
   * SpecAutosave::failed:
   * @error: why
   *
   * A write to the library failed; it is tried again.
   */
  signals [FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * SpecAutosave::recovered:
   *
   * Writes succeed again after a failure.
   */
  signals [RECOVERED] =
    g_signal_new ("recovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SpecAutosave::stored:
   *
   * A write reached the library: what lists the library may read it.
   */
  signals [STORED] =
    g_signal_new ("stored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
spec_autosave_init (SpecAutosave *self)
{
  self->deferred = -1;
}

SpecAutosave *
spec_autosave_new (SpecDocument      *document,
                   SpecLibraryWriter *writer)
{
  SpecAutosave *self;

  g_return_val_if_fail (SPEC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SPEC_IS_LIBRARY_WRITER (writer), NULL);

  self = g_object_new (SPEC_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->writer = g_object_ref (writer);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

static void
take_file (SpecAutosave *self)
{
  GFile *file = spec_document_get_file (self->document);

  g_free (self->uri);
  self->uri = file != NULL ? g_file_get_uri (file) : NULL;
}

/**
 * spec_autosave_set_template_id:
 * @template_id: (nullable): "id@version" of the template a new spec was
 *   made from, kept with it in the library
 */
void
spec_autosave_set_template_id (SpecAutosave *self,
                               const char   *template_id)
{
  g_return_if_fail (SPEC_IS_AUTOSAVE (self));

  g_free (self->template_id);
  self->template_id = g_strdup (template_id);
}

/**
 * spec_autosave_file_read:
 *
 * The document's text was just read from its file: links the file to
 * its library entry, and marks it open.
 */
void
spec_autosave_file_read (SpecAutosave *self)
{
  g_return_if_fail (SPEC_IS_AUTOSAVE (self));

  take_file (self);
  g_return_if_fail (self->uri != NULL);
  queue_job (self, JOB_FILE_READ, TRUE, FALSE);
}

/**
 * spec_autosave_file_written:
 *
 * The text was just written to the document's file: a save revision.
 * A library spec saved as a file for the first time becomes that file's
 * entry, its history going on.
 */
void
spec_autosave_file_written (SpecAutosave *self)
{
  GFile *file;
  g_autofree char *uri = NULL;
  gboolean attach;

  g_return_if_fail (SPEC_IS_AUTOSAVE (self));

  file = spec_document_get_file (self->document);
  uri = file != NULL ? g_file_get_uri (file) : NULL;
  attach = self->uri == NULL;

  /* Saved as another file: that file is another spec, and this one is
   * not being edited any more. */
  if (!attach && g_strcmp0 (uri, self->uri) != 0)
    {
      queue_job (self, JOB_CLOSE, FALSE, FALSE);
      spec_document_set_library_id (self->document, 0);
    }

  take_file (self);
  g_return_if_fail (self->uri != NULL);

  queue_job (self, JOB_FILE_WRITTEN, TRUE, attach);
}

/**
 * spec_autosave_save:
 *
 * Saves a spec with no file into the library: a save revision.  The
 * document is marked unmodified once it is stored, unless it changed
 * meanwhile.
 */
void
spec_autosave_save (SpecAutosave *self)
{
  g_return_if_fail (SPEC_IS_AUTOSAVE (self));
  g_return_if_fail (self->uri == NULL);

  g_clear_handle_id (&self->timeout, g_source_remove);
  queue_job (self, JOB_SAVE, TRUE, FALSE);
}

/**
 * spec_autosave_restored:
 *
 * The document's text was just replaced by an old revision's: stored at
 * once as a restore (a linked file's as an autosave, until it is saved).
 */
void
spec_autosave_restored (SpecAutosave *self)
{
  g_return_if_fail (SPEC_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  queue_job (self, JOB_RESTORE, TRUE, FALSE);
}

/**
 * spec_autosave_close:
 *
 * The document is closing: its last edits are autosaved and the spec is
 * marked closed.  Nothing more is stored after this.
 */
void
spec_autosave_close (SpecAutosave *self)
{
  g_return_if_fail (SPEC_IS_AUTOSAVE (self));

  if (self->closed)
    return;

  g_clear_handle_id (&self->timeout, g_source_remove);
  queue_job (self, JOB_CLOSE, has_unsent_edits (self) || self->failing, FALSE);
  self->closed = TRUE;
}

/* Whether everything typed is stored (or being stored). */
gboolean
spec_autosave_is_idle (SpecAutosave *self)
{
  g_return_val_if_fail (SPEC_IS_AUTOSAVE (self), FALSE);

  return self->in_flight == 0 && !has_unsent_edits (self);
}

gboolean
spec_autosave_is_failing (SpecAutosave *self)
{
  g_return_val_if_fail (SPEC_IS_AUTOSAVE (self), FALSE);

  return self->failing;
}
