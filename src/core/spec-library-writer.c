/* spec-library-writer.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "spec-library-private.h"
#include "spec-library-writer.h"

/* Autosaves, imports and every other write go through one thread with
 * its own connection: the main thread never waits for the disk or for
 * another process's lock, and writes keep their order.  Reads (the
 * library view, search) stay on the main thread's connection, which
 * WAL lets read while this one writes.  Each job's result comes back to
 * the main context of whoever asked, through its GTask. */

struct _SpecLibraryWriter
{
  GObject       parent_instance;

  char         *path;
  GThreadPool  *pool;
  SpecLibrary  *library;   /* the thread's, opened by its first job */

  GMutex        lock;
  GCond         idle;
  guint         pending;
  gboolean      lowered;   /* the thread's priority, by its first job */
};

/* Below the main thread and the display server: the writer's work (an
 * autosave, linking a file just opened to its entry, SQLite's full-text
 * index merging) can wait a few milliseconds, a frame cannot.  On two
 * cores it ran beside the first window's first frames. */
#define WRITER_NICE 10

G_DEFINE_FINAL_TYPE (SpecLibraryWriter, spec_library_writer, G_TYPE_OBJECT)

typedef struct
{
  SpecLibraryJob  job;
  gpointer        data;
  GDestroyNotify  data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  GTask *task = data;
  SpecLibraryWriter *self = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gint64 result = 0;

#ifdef __linux__
  /* The thread is the writer's own (an exclusive pool): its priority
   * can be lowered once and for all. */
  if (!self->lowered)
    {
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WRITER_NICE);
      self->lowered = TRUE;
    }
#endif

  if (g_task_return_error_if_cancelled (task))
    goto out;

  /* A failure to open is the job's error, and the next job tries again
   * (the disk may have room by then).  A damaged file is never moved
   * aside from here: the main thread's connection does that, at start. */
  if (self->library == NULL)
    self->library = _spec_library_open_full (self->path, spec_library_get_latest_version (), FALSE, NULL, &error);

  if (self->library != NULL)
    result = job->job (self->library, job->data, &error);

  if (result > 0)
    g_task_return_pointer (task, g_memdup2 (&result, sizeof result), g_free);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED, "The job failed");

out:
  g_mutex_lock (&self->lock);
  if (--self->pending == 0)
    g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);

  /* Last: the task may hold the writer's last reference. */
  g_object_unref (task);
}

static void
spec_library_writer_finalize (GObject *object)
{
  SpecLibraryWriter *self = (SpecLibraryWriter *)object;

  /* Every job holds a reference, so none is left: do not wait, as this
   * may run on the pool's own thread, dropping the last job. */
  g_thread_pool_free (self->pool, FALSE, FALSE);
  g_clear_object (&self->library);
  g_free (self->path);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (spec_library_writer_parent_class)->finalize (object);
}

static void
spec_library_writer_class_init (SpecLibraryWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spec_library_writer_finalize;
}

static void
spec_library_writer_init (SpecLibraryWriter *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  /* One thread, so that writes happen in the order they were asked for;
   * its own, not shared with GLib's other pools, for its priority. */
  self->pool = g_thread_pool_new (run_job, self, 1, TRUE, NULL);
}

/**
 * spec_library_writer_new:
 * @path: (nullable): the database, as for spec_library_open()
 */
SpecLibraryWriter *
spec_library_writer_new (const char *path)
{
  SpecLibraryWriter *self = g_object_new (SPEC_TYPE_LIBRARY_WRITER, NULL);

  self->path = path != NULL ? g_strdup (path) : spec_library_default_path ();

  return self;
}

const char *
spec_library_writer_get_path (SpecLibraryWriter *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_WRITER (self), NULL);

  return self->path;
}

/**
 * spec_library_writer_run_async:
 * @data_free: (nullable): frees @data once the job has run
 *
 * Queues @job; @callback gets its result in the calling thread's main
 * context.
 */
void
spec_library_writer_run_async (SpecLibraryWriter   *self,
                               SpecLibraryJob       job,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Job *state;

  g_return_if_fail (SPEC_IS_LIBRARY_WRITER (self));
  g_return_if_fail (job != NULL);

  state = g_new0 (Job, 1);
  state->job = job;
  state->data = data;
  state->data_free = data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, spec_library_writer_run_async);
  g_task_set_task_data (task, state, (GDestroyNotify) job_free);

  g_mutex_lock (&self->lock);
  self->pending++;
  g_mutex_unlock (&self->lock);

  g_thread_pool_push (self->pool, task, NULL);
}

gint64
spec_library_writer_run_finish (SpecLibraryWriter  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_autofree gint64 *value = NULL;

  g_return_val_if_fail (SPEC_IS_LIBRARY_WRITER (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  value = g_task_propagate_pointer (G_TASK (result), error);

  return value != NULL ? *value : 0;
}

/**
 * spec_library_writer_flush:
 *
 * Waits until every job queued so far has run (their callbacks come
 * later, from the main context): for quitting, and for tests.
 */
void
spec_library_writer_flush (SpecLibraryWriter *self)
{
  g_return_if_fail (SPEC_IS_LIBRARY_WRITER (self));

  g_mutex_lock (&self->lock);
  while (self->pending > 0)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);
}
