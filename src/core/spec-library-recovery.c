/* spec-library-recovery.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spec-library-private.h"
#include "spec-library-recovery.h"

/* An autosave keeps what is being typed, every second or so, in the
 * library: a library spec's own text becomes it; a linked file stays as
 * it was on disk (it is written on Save only) and the autosave is a
 * revision.  A spec is marked open while an editor has it: a mark left
 * at the next start, on a spec whose newest revision is an autosave,
 * means a crash or a kill, and that text is offered back. */

static gboolean
fail (SpecLibrary  *self,
      int           rc,
      const char   *doing,
      GError      **error)
{
  _spec_library_change_rollback (self);

  return _spec_library_set_error (error, _spec_library_get_db (self), rc, doing);
}

static int
mark_open (SpecLibrary *self,
           gint64       id,
           gint64       now)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (_spec_library_get_db (self),
                               "INSERT OR IGNORE INTO open_specs (spec_id, since) VALUES (?1, ?2)",
                               -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);

  return _spec_library_step_done (stmt);
}

/* -1: no such spec */
static int
is_linked (SpecLibrary *self,
           gint64       id)
{
  sqlite3_stmt *stmt = NULL;
  int linked = -1;

  if (sqlite3_prepare_v2 (_spec_library_get_db (self), "SELECT file_uri IS NOT NULL FROM specs WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    linked = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return linked;
}

static int
replace_revision (SpecLibrary *self,
                  gint64       revision_id,
                  gint64       now,
                  const char  *body,
                  int          percent)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (_spec_library_get_db (self),
                               "UPDATE revisions SET time = ?2, body = ?3, percent = ?4 WHERE id = ?1",
                               -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, revision_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, percent);

  return _spec_library_step_done (stmt);
}

/**
 * spec_library_autosave:
 * @body: the text in the editor now
 *
 * Stores an autosave point of spec @id and marks it open.  A library
 * spec's text becomes @body; a linked file's library text stays what
 * was last read or written, @body going into its history only.  Within
 * %SPEC_LIBRARY_AUTOSAVE_POINT_SPAN of the newest autosave revision,
 * that revision takes @body instead of a new one being added.
 */
gboolean
spec_library_autosave (SpecLibrary  *self,
                       gint64        id,
                       const char   *body,
                       GError      **error)
{
  return spec_library_autosave_parsed (self, id, body, NULL, error);
}

/**
 * spec_library_autosave_parsed:
 * @snapshot: (nullable): @body's snapshot, if the editor has it: its
 *   title, status and completeness are taken rather than parsing @body
 *   again (a tenth of a second and more for a long text, at every autosave)
 *
 * As spec_library_autosave().
 */
gboolean
spec_library_autosave_parsed (SpecLibrary   *self,
                              gint64         id,
                              const char    *body,
                              SpecSnapshot  *snapshot,
                              GError       **error)
{
  gint64 now = g_get_real_time ();
  BodyFacts facts = { 0 };
  Newest newest;
  int linked;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  if (!_spec_library_change_begin (self, error))
    return FALSE;

  if ((linked = is_linked (self, id)) < 0)
    {
      _spec_library_change_rollback (self);
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND,
                   _("The spec is not in the library any more"));
      return FALSE;
    }

  rc = _spec_library_newest_revision (self, id, body, &newest);
  if (rc == SQLITE_OK && !newest.same)
    {
      if (snapshot != NULL)
        _spec_library_snapshot_facts (snapshot, &facts);
      else
        _spec_library_body_facts (body, &facts);
      if (!linked)
        rc = _spec_library_update_body (self, id, body, &facts, now);
      if (rc == SQLITE_OK)
        {
          /* From when the point began: steady typing makes a point a
           * minute, not one point for ever. */
          if (newest.reason == SPEC_REVISION_AUTOSAVE && now - newest.started < SPEC_LIBRARY_AUTOSAVE_POINT_SPAN)
            rc = replace_revision (self, newest.id, now, body, facts.percent);
          else
            rc = _spec_library_insert_revision (self, id, now, SPEC_REVISION_AUTOSAVE, body, facts.percent);
        }
      _spec_library_body_facts_clear (&facts);
    }
  if (rc == SQLITE_OK)
    rc = mark_open (self, id, now);
  if (rc == SQLITE_OK)
    rc = _spec_library_change_commit (self);

  if (rc != SQLITE_OK)
    return fail (self, rc, _("Could not autosave the spec"), error);

  return TRUE;
}

/**
 * spec_library_set_open:
 *
 * Marks spec @id open in an editor, or closed: closing on purpose
 * (whether its changes were saved or not) means there is nothing to
 * offer back at the next start.
 */
gboolean
spec_library_set_open (SpecLibrary  *self,
                       gint64        id,
                       gboolean      open,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  if (open)
    {
      rc = mark_open (self, id, g_get_real_time ());
    }
  else
    {
      if (!(stmt = _spec_library_prepare (self, "DELETE FROM open_specs WHERE spec_id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = _spec_library_step_done (stmt);
    }

  if (rc != SQLITE_OK)
    return _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not update the library"));

  return TRUE;
}

/**
 * spec_library_attach_file:
 *
 * Makes library spec @id the one linked to the file at @uri, as when it
 * is saved as a file: its history goes on there.
 */
gboolean
spec_library_attach_file (SpecLibrary  *self,
                          gint64        id,
                          const char   *uri,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  stmt = _spec_library_prepare (self, "UPDATE specs SET file_uri = ?2 WHERE id = ?1 AND file_uri IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uri, -1, SQLITE_STATIC);
  if ((rc = _spec_library_step_done (stmt)) != SQLITE_OK)
    return _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not link the file"));

  if (sqlite3_changes (_spec_library_get_db (self)) == 0)
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND,
                   _("The spec is gone or linked to a file already"));
      return FALSE;
    }

  return TRUE;
}

void
spec_recoverable_free (SpecRecoverable *recoverable)
{
  if (recoverable == NULL)
    return;

  g_free (recoverable->title);
  g_free (recoverable->file_uri);
  g_free (recoverable->body);
  g_free (recoverable->saved_body);
  g_free (recoverable);
}

/**
 * spec_library_list_recoverable:
 *
 * What a crash or a kill left: the specs still marked open whose newest
 * revision is an autosave, newest first.
 *
 * Returns: (element-type SpecRecoverable): them
 */
GPtrArray *
spec_library_list_recoverable (SpecLibrary  *self,
                               GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  stmt = _spec_library_prepare (self,
                                "SELECT s.id, s.title, s.file_uri, r.time, r.body, "
                                "  (SELECT body FROM revisions WHERE spec_id = s.id AND reason != ?1 "
                                "   ORDER BY time DESC, id DESC LIMIT 1) "
                                "FROM open_specs o JOIN specs s ON s.id = o.spec_id "
                                "JOIN revisions r ON r.id = (SELECT id FROM revisions WHERE spec_id = s.id "
                                "                            ORDER BY time DESC, id DESC LIMIT 1) "
                                "WHERE r.reason = ?1 AND s.trashed_at = 0 ORDER BY r.time DESC", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, SPEC_REVISION_AUTOSAVE);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_recoverable_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpecRecoverable *recoverable = g_new0 (SpecRecoverable, 1);

      recoverable->spec_id = sqlite3_column_int64 (stmt, 0);
      recoverable->title = _spec_library_column_strdup (stmt, 1);
      recoverable->file_uri = _spec_library_column_strdup (stmt, 2);
      recoverable->time = sqlite3_column_int64 (stmt, 3);
      recoverable->body = _spec_library_column_strdup (stmt, 4);
      recoverable->saved_body = _spec_library_column_strdup (stmt, 5);
      g_ptr_array_add (found, recoverable);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not read the library"));
      return NULL;
    }

  return g_steal_pointer (&found);
}

/**
 * spec_library_discard_autosave:
 *
 * The user chose not to recover spec @id's autosaved text: a library
 * spec goes back to its text as last saved (one never saved goes to the
 * trash), a linked file is left as it is on disk.  The autosave stays in
 * the spec's history either way.
 */
gboolean
spec_library_discard_autosave (SpecLibrary  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *saved = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  if (!_spec_library_change_begin (self, error))
    return FALSE;

  if (!(entry = spec_library_get (self, id, error)))
    {
      _spec_library_change_rollback (self);
      return FALSE;
    }

  if (entry->file_uri == NULL)
    {
      /* A failure to read is not "never saved": nothing is trashed on it. */
      rc = sqlite3_prepare_v2 (_spec_library_get_db (self),
                               "SELECT body FROM revisions WHERE spec_id = ?1 AND reason != ?2 "
                               "ORDER BY time DESC, id DESC LIMIT 1", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, SPEC_REVISION_AUTOSAVE);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            saved = _spec_library_column_strdup (stmt, 0);
          rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
          sqlite3_finalize (stmt);
        }

      if (rc != SQLITE_OK)
        ;
      else if (saved != NULL)
        {
          BodyFacts facts;

          _spec_library_body_facts (saved, &facts);
          rc = _spec_library_update_body (self, id, saved, &facts, g_get_real_time ());
          _spec_library_body_facts_clear (&facts);
        }
      else if ((rc = sqlite3_prepare_v2 (_spec_library_get_db (self),
                                         "UPDATE specs SET trashed_at = ?2 WHERE id = ?1",
                                         -1, &stmt, NULL)) == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
          rc = _spec_library_step_done (stmt);
        }
    }

  if (rc == SQLITE_OK && !spec_library_set_open (self, id, FALSE, error))
    {
      _spec_library_change_rollback (self);
      return FALSE;
    }
  if (rc == SQLITE_OK)
    rc = _spec_library_change_commit (self);
  if (rc != SQLITE_OK)
    return fail (self, rc, _("Could not discard the autosaved text"), error);

  return TRUE;
}
