/* spec-library-folders.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spec-library-folders.h"
#include "spec-library-private.h"
#include "spec-text-file.h"

/* A linked folder stays the source of truth: a rescan walks it and
 * brings the library in step.  A file not seen before is linked; one
 * whose etag changed is read again (a revision); one gone is moved to
 * the trash with its history, unless a new file has exactly its text,
 * in which case it moved there and its spec follows it.  Specs open in
 * an editor are left to it. */

gboolean
spec_library_add_folder (SpecLibrary  *self,
                         const char   *uri,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  stmt = _spec_library_prepare (self, "INSERT OR IGNORE INTO folders (uri, added) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if ((rc = _spec_library_step_done (stmt)) != SQLITE_OK)
    return _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not add the folder"));

  return TRUE;
}

/* Its files' specs stay in the library, no longer rescanned. */
gboolean
spec_library_remove_folder (SpecLibrary  *self,
                            const char   *uri,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  if (!(stmt = _spec_library_prepare (self, "DELETE FROM folders WHERE uri = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  if ((rc = _spec_library_step_done (stmt)) != SQLITE_OK)
    return _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not remove the folder"));

  return TRUE;
}

GStrv
spec_library_list_folders (SpecLibrary  *self,
                           GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  if (!(stmt = _spec_library_prepare (self, "SELECT uri FROM folders ORDER BY added", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_strv_builder_end (builder);
}

void
spec_rescan_summary_free (SpecRescanSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->skipped);
  g_free (summary);
}

typedef struct
{
  gint64  id;
  char   *etag;
} Known;

static void
known_free (gpointer data)
{
  Known *known = data;

  g_free (known->etag);
  g_free (known);
}

/* The linked specs under @uri, by their files' URIs. */
static GHashTable *
read_known (SpecLibrary  *self,
            const char   *uri,
            GError      **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_free);
  g_autofree char *prefix = g_str_has_suffix (uri, "/") ? g_strdup (uri) : g_strconcat (uri, "/", NULL);
  sqlite3_stmt *stmt;

  stmt = _spec_library_prepare (self,
                                "SELECT file_uri, id, file_etag FROM specs "
                                "WHERE trashed_at = 0 AND substr (file_uri, 1, length (?1)) = ?1 "
                                /* Open in an editor: the editor follows it. */
                                "AND id NOT IN (SELECT spec_id FROM open_specs)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Known *entry = g_new0 (Known, 1);

      entry->id = sqlite3_column_int64 (stmt, 1);
      entry->etag = _spec_library_column_strdup (stmt, 2);
      g_hash_table_insert (known, _spec_library_column_strdup (stmt, 0), entry);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&known);
}

typedef struct
{
  char *uri;
  char *etag;
  GFile *file;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->uri);
  g_free (found->etag);
  g_clear_object (&found->file);
  g_free (found);
}

static void
collect_found (GFile     *file,
               GFileInfo *info,
               gpointer   data)
{
  GPtrArray *found = data;
  Found *entry = g_new0 (Found, 1);

  entry->file = g_object_ref (file);
  entry->uri = g_file_get_uri (file);
  entry->etag = g_strdup (info != NULL ? g_file_info_get_etag (info) : NULL);
  g_ptr_array_add (found, entry);
}

static gboolean
set_file (SpecLibrary *self,
          gint64       id,
          const char  *uri,
          const char  *etag)
{
  sqlite3_stmt *stmt = _spec_library_prepare (self, "UPDATE specs SET file_uri = ?2, file_etag = ?3 WHERE id = ?1",
                                              NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, etag, -1, SQLITE_STATIC);

  return _spec_library_step_done (stmt) == SQLITE_OK;
}

static void
skip (SpecRescanSummary *summary,
      GFile             *file,
      const char        *reason)
{
  SpecImportSkip *skipped = g_new0 (SpecImportSkip, 1);

  skipped->path = g_file_get_parse_name (file);
  skipped->reason = g_strdup (reason);
  g_ptr_array_add (summary->skipped, skipped);
}

/**
 * spec_library_rescan_folder:
 * @uri: a folder added with spec_library_add_folder()
 *
 * Brings the library in step with the folder, as one batch.
 *
 * Returns: (transfer full): what changed, and the files that could not
 *   be read; %NULL with @error set if the library could not be written
 *   or the rescan was cancelled
 */
SpecRescanSummary *
spec_library_rescan_folder (SpecLibrary   *self,
                            const char    *uri,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(SpecRescanSummary) summary = g_new0 (SpecRescanSummary, 1);
  g_autoptr(SpecImportSummary) walk = spec_import_summary_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (found_free);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();   /* Found, not known */
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GFile) folder = g_file_new_for_uri (uri);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  summary->skipped = g_ptr_array_new_with_free_func (spec_import_skip_free);

  if (!(known = read_known (self, uri, error)))
    return NULL;

  /* A folder that is gone (an unmounted disk, a renamed repository) is
   * not a folder whose files were all deleted: nothing is touched. */
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The folder “%s” is not there"), name);
      return NULL;
    }

  if (!spec_library_walk_folder (folder, collect_found, found, cancellable, walk, error))
    return NULL;
  g_ptr_array_extend_and_steal (summary->skipped, g_steal_pointer (&walk->skipped));
  walk->skipped = g_ptr_array_new ();

  if (!spec_library_batch_begin (self, error))
    return NULL;

  for (guint i = 0; i < found->len; i++)
    {
      Found *file = g_ptr_array_index (found, i);
      Known *entry = g_hash_table_lookup (known, file->uri);
      g_autofree char *contents = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (entry == NULL)
        {
          g_ptr_array_add (fresh, file);
          continue;
        }

      if (g_strcmp0 (entry->etag, file->etag) != 0 || file->etag == NULL)
        {
          if (!spec_text_file_load (file->file, &contents, &length, cancellable, &local_error) ||
              spec_library_link_file (self, file->uri, file->etag, contents, SPEC_REVISION_IMPORT, &local_error) == 0)
            skip (summary, file->file, local_error->message);
          else if (g_strcmp0 (entry->etag, file->etag) != 0)
            summary->n_changed++;
        }
      g_hash_table_remove (known, file->uri);
    }

  /* What is left of the known ones is gone from where it was: moved, if
   * a new file has its text; else deleted. */
  for (guint i = 0; i < fresh->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Found *file = g_ptr_array_index (fresh, i);
      g_autofree char *contents = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean moved = FALSE;
      gsize length;

      if (!spec_text_file_load (file->file, &contents, &length, cancellable, &local_error))
        {
          skip (summary, file->file, local_error->message);
          continue;
        }

      g_hash_table_iter_init (&iter, known);
      while (!moved && g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(GFile) was = g_file_new_for_uri (key);
          g_autoptr(SpecLibraryEntry) old = NULL;

          /* Only a file that is gone can have moved. */
          if (g_file_query_exists (was, cancellable))
            continue;
          old = spec_library_get (self, ((Known *) value)->id, NULL);
          if (old != NULL && g_strcmp0 (old->body, contents) == 0 &&
              set_file (self, old->id, file->uri, file->etag))
            {
              g_hash_table_iter_remove (&iter);
              summary->n_moved++;
              moved = TRUE;
            }
        }

      if (!moved)
        {
          if (spec_library_link_file (self, file->uri, file->etag, contents, SPEC_REVISION_IMPORT, &local_error) == 0)
            skip (summary, file->file, local_error->message);
          else
            summary->n_added++;
        }
    }

  if (!g_cancellable_is_cancelled (cancellable))
    {
      g_hash_table_iter_init (&iter, known);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(GFile) file = g_file_new_for_uri (key);

          /* Not walked (a folder that cannot be read, a link already
           * followed, not a .md name) is not gone. */
          if (g_file_query_exists (file, cancellable))
            continue;
          if (spec_library_trash (self, ((Known *) value)->id, NULL))
            summary->n_removed++;
        }
    }

  if (!spec_library_batch_end (self, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&summary);
}
