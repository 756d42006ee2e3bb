/* library-fixture.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "library-fixture.h"

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("specwright-library-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "library.db", NULL);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  const char *name;

  if ((dir = g_dir_open (sub, 0, NULL)))
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *file = g_build_filename (sub, name, NULL);

        g_unlink (file);
      }
  g_rmdir (sub);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

guint
count_rows (SpecLibrary *library,
            const char  *sql)
{
  sqlite3_stmt *stmt = _spec_library_prepare (library, sql, NULL);
  guint n = 0;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* A revision of @spec_id as if made at @time (µs, real time). */
void
add_revision_at (SpecLibrary        *library,
                 gint64              spec_id,
                 gint64              time,
                 SpecRevisionReason  reason)
{
  sqlite3_stmt *stmt = _spec_library_prepare (library,
                                              "INSERT INTO revisions (spec_id, time, reason, body) "
                                              "VALUES (?1, ?2, ?3, 'old text')", NULL);

  sqlite3_bind_int64 (stmt, 1, spec_id);
  sqlite3_bind_int64 (stmt, 2, time);
  sqlite3_bind_int (stmt, 3, reason);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}
