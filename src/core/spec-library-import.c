/* spec-library-import.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spec-library-import.h"
#include "spec-library-private.h"
#include "spec-text-file.h"

/* A file or a whole folder comes in either copied (the library keeps the
 * text) or linked (the file stays the source of truth; the library keeps
 * its URI and the etag last seen, a copy for search and history).  In a
 * folder, the Markdown files (.md, .markdown) are taken, folders below
 * too; a file that cannot be a spec (binary, not UTF-8, unreadable) and a
 * link leading back to a folder already walked are skipped, each with its
 * reason, and the rest still comes in. */

void
spec_import_skip_free (gpointer data)
{
  SpecImportSkip *skip = data;

  g_free (skip->path);
  g_free (skip->reason);
  g_free (skip);
}

SpecImportSummary *
spec_import_summary_new (void)
{
  SpecImportSummary *summary = g_new0 (SpecImportSummary, 1);

  summary->skipped = g_ptr_array_new_with_free_func (spec_import_skip_free);

  return summary;
}

void
spec_import_summary_free (SpecImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->skipped);
  g_free (summary);
}

static void
add_skip (SpecImportSummary *summary,
          GFile             *file,
          const char        *reason)
{
  SpecImportSkip *skip = g_new0 (SpecImportSkip, 1);

  skip->path = g_file_get_parse_name (file);
  skip->reason = g_strdup (reason);
  g_ptr_array_add (summary->skipped, skip);
}

/**
 * spec_library_find_file:
 *
 * Returns: the id of the spec linked to the file at @uri, or 0
 */
gint64
spec_library_find_file (SpecLibrary *self,
                        const char  *uri)
{
  sqlite3_stmt *stmt = _spec_library_prepare (self, "SELECT id FROM specs WHERE file_uri = ?1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static gboolean
set_link (SpecLibrary  *self,
          gint64        id,
          const char   *uri,
          const char   *etag,
          GError      **error)
{
  sqlite3_stmt *stmt = _spec_library_prepare (self, "UPDATE specs SET file_uri = ?2, file_etag = ?3 WHERE id = ?1",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, etag, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not link the file"));

  return TRUE;
}

/**
 * spec_library_link_file:
 * @uri: the file's URI
 * @etag: (nullable): its etag as last read
 * @body: its text
 * @reason: why: read (%SPEC_REVISION_IMPORT) or written
 *   (%SPEC_REVISION_SAVE)
 *
 * Shows a file in the library: the spec linked to @uri gets @body (a
 * revision if it changed), or a new linked spec is made.
 *
 * Returns: the spec's id, or 0 with @error set
 */
gint64
spec_library_link_file (SpecLibrary         *self,
                        const char          *uri,
                        const char          *etag,
                        const char          *body,
                        SpecRevisionReason   reason,
                        GError             **error)
{
  gint64 id;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), 0);
  g_return_val_if_fail (uri != NULL && body != NULL, 0);

  if ((id = spec_library_find_file (self, uri)) != 0)
    {
      if (!spec_library_update (self, id, body, reason, error))
        return 0;
    }
  else if ((id = spec_library_add (self, body, NULL, reason, error)) == 0)
    {
      return 0;
    }

  return set_link (self, id, uri, etag, error) ? id : 0;
}

static gboolean
is_markdown_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown");
}

typedef struct
{
  SpecLibrary        *library;
  gboolean            link;
  SpecImportSummary  *summary;
  SpecImportProgress  progress;
  gpointer            progress_data;
} Import;

static void
import_file (SpecLibrary       *self,
             GFile             *file,
             gboolean           link,
             GCancellable      *cancellable,
             SpecImportSummary *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 id;

  /* What the editor would not open does not come in either. */
  if (!spec_text_file_load (file, &contents, &length, cancellable, &error) ||
      !spec_text_file_check_lines (contents, length, &error))
    {
      add_skip (summary, file, error->message);
      return;
    }

  if (link)
    {
      g_autofree char *uri = g_file_get_uri (file);

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      id = spec_library_link_file (self, uri, info != NULL ? g_file_info_get_etag (info) : NULL, contents,
                                   SPEC_REVISION_IMPORT, &error);
    }
  else
    {
      id = spec_library_add (self, contents, NULL, SPEC_REVISION_IMPORT, &error);
    }

  if (id == 0)
    add_skip (summary, file, error->message);
  else
    summary->n_imported++;
}

static void
import_walked (GFile     *file,
               GFileInfo *info,
               gpointer   data)
{
  Import *import = data;

  import_file (import->library, file, import->link, NULL, import->summary);
  if (import->progress != NULL)
    import->progress (import->summary->n_imported + import->summary->skipped->len, import->progress_data);
}

static gboolean
walk_folder (GFile             *folder,
             GHashTable        *walked,
             SpecWalkFunc       func,
             gpointer           data,
             GCancellable      *cancellable,
             SpecImportSummary *summary,
             GError           **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFileInfo) folder_info = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;
  GFile *child;

  /* A link back to a folder already walked would walk it for ever. */
  folder_info = g_file_query_info (folder, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (folder_info == NULL)
    {
      add_skip (summary, folder, local_error->message);
      return TRUE;
    }
  if (g_file_info_get_attribute_string (folder_info, G_FILE_ATTRIBUTE_ID_FILE) != NULL &&
      !g_hash_table_add (walked, g_strdup (g_file_info_get_attribute_string (folder_info, G_FILE_ATTRIBUTE_ID_FILE))))
    {
      add_skip (summary, folder, _("A link to a folder already imported"));
      return TRUE;
    }

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_ETAG_VALUE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL)
    {
      add_skip (summary, folder, local_error->message);
      return TRUE;
    }

  while (g_file_enumerator_iterate (children, &info, &child, cancellable, &local_error) && info != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!walk_folder (child, walked, func, data, cancellable, summary, error))
            return FALSE;
        }
      else if (is_markdown_name (g_file_info_get_name (info)))
        {
          func (child, info, data);
        }
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_skip (summary, folder, local_error->message);
    }

  return TRUE;
}

/**
 * spec_library_walk_folder:
 * @func: called for each Markdown file, with its info (name, type, etag)
 * @summary: where folders that cannot be read are noted
 *
 * Walks @folder and the folders below it for Markdown files (.md,
 * .markdown).  A folder that cannot be read, and a link leading back to
 * a folder already walked, is noted in @summary and the walk goes on.
 *
 * Returns: %FALSE with @error set only when cancelled
 */
gboolean
spec_library_walk_folder (GFile              *folder,
                          SpecWalkFunc        func,
                          gpointer            data,
                          GCancellable       *cancellable,
                          SpecImportSummary  *summary,
                          GError            **error)
{
  g_autoptr(GHashTable) walked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return walk_folder (folder, walked, func, data, cancellable, summary, error);
}

/**
 * spec_library_import:
 * @file: a Markdown file, or a folder of them
 * @link: link the files rather than copy them
 *
 * Returns: (transfer full): what came in and what was skipped, and why;
 *   %NULL with @error set only when cancelled (what came in before stays)
 */
SpecImportSummary *
spec_library_import (SpecLibrary   *self,
                     GFile         *file,
                     gboolean       link,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return spec_library_import_files (self, &file, 1, link, NULL, NULL, cancellable, error);
}

/**
 * spec_library_import_files:
 * @files: (array length=n_files): Markdown files and folders of them
 * @progress: (nullable): told the number of files handled so far, on
 *   the importing thread
 *
 * Imports @files, as one batch, and says how far it got as it goes.
 *
 * Returns: (transfer full): as spec_library_import()
 */
SpecImportSummary *
spec_library_import_files (SpecLibrary         *self,
                           GFile              **files,
                           guint                n_files,
                           gboolean             link,
                           SpecImportProgress   progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(SpecImportSummary) summary = spec_import_summary_new ();
  g_autoptr(GHashTable) walked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Import import = { self, link, summary, progress, progress_data };

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  /* One transaction: an import of thousands of files takes seconds, not
   * minutes; what came in before a cancel stays. */
  if (!spec_library_batch_begin (self, error))
    return NULL;

  for (guint i = 0; i < n_files; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          spec_library_batch_end (self, NULL);
          return NULL;
        }
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          if (!walk_folder (files[i], walked, import_walked, &import, cancellable, summary, error))
            {
              spec_library_batch_end (self, NULL);
              return NULL;
            }
        }
      else
        {
          import_walked (files[i], NULL, &import);
        }
    }

  if (!spec_library_batch_end (self, error))
    return NULL;

  return g_steal_pointer (&summary);
}
