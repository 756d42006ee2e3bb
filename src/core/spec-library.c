/* spec-library.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "spec-library-private.h"
#include "spec-snapshot.h"
#include "spec-status.h"

/* One SQLite database: WAL, so that readers never wait for the autosave
 * writer; foreign keys on; a busy timeout for a second process.  The
 * schema grows by migrations, each run once in its own transaction, the
 * version kept in PRAGMA user_version. */

#define BUSY_TIMEOUT_MS 3000

struct _SpecLibrary
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  guint    version;
  guint    batch;    /* inside spec_library_batch_begin() */
};

G_DEFINE_FINAL_TYPE (SpecLibrary, spec_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (spec-library-error-quark, spec_library_error)

/* Each entry takes the schema from the version before it to its own
 * number (1-based): never edit one that has shipped, add another. */
static const char * const migrations[] = {
  /* 1: specs and their revisions */
  /* The body last: the list and the search read the columns before
   * it without going through its overflow pages. */
  "CREATE TABLE specs ("
  "  id          INTEGER PRIMARY KEY,"
  "  title       TEXT NOT NULL,"
  "  template_id TEXT,"
  "  status      TEXT,"
  "  created     INTEGER NOT NULL,"
  "  updated     INTEGER NOT NULL,"
  "  percent     INTEGER NOT NULL DEFAULT 0,"
  "  unfilled    INTEGER NOT NULL DEFAULT 0,"
  "  trashed_at  INTEGER NOT NULL DEFAULT 0,"
  "  file_uri    TEXT UNIQUE,"
  "  file_etag   TEXT,"
  "  body        TEXT NOT NULL"
  ");"
  "CREATE TABLE revisions ("
  "  id      INTEGER PRIMARY KEY,"
  "  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,"
  "  time    INTEGER NOT NULL,"
  "  reason  INTEGER NOT NULL,"
  "  body    TEXT NOT NULL,"
  "  percent INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX revisions_by_spec ON revisions (spec_id, time);",

  /* 2: full-text search over titles and bodies, kept in step by
   * triggers; what was there before is indexed at once */
  "CREATE VIRTUAL TABLE specs_fts USING fts5 ("
  "  title, body, content = 'specs', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2'"
  ");"
  /* Title matches count five times a body match. */
  "INSERT INTO specs_fts (specs_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');"
  "CREATE TRIGGER specs_fts_insert AFTER INSERT ON specs BEGIN"
  "  INSERT INTO specs_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER specs_fts_delete AFTER DELETE ON specs BEGIN"
  "  INSERT INTO specs_fts (specs_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);"
  "END;"
  "CREATE TRIGGER specs_fts_update AFTER UPDATE OF title, body ON specs BEGIN"
  "  INSERT INTO specs_fts (specs_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO specs_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "INSERT INTO specs_fts (specs_fts) VALUES ('rebuild');",

  /* 3: the specs open in an editor, so that the next start knows which
   * ones a crash or a kill left with autosaved text */
  "CREATE TABLE open_specs ("
  "  spec_id INTEGER PRIMARY KEY REFERENCES specs (id) ON DELETE CASCADE,"
  "  since   INTEGER NOT NULL"
  ");",

  /* 4: the library view's first page and its status filter read an
   * index, not every spec */
  "CREATE INDEX specs_by_updated ON specs (trashed_at, updated DESC, id DESC);"
  "CREATE INDEX specs_by_status ON specs (trashed_at, status);",

  /* 5: folders linked as a whole (a repository's specs/), rescanned for
   * new, changed, moved and deleted files */
  "CREATE TABLE folders ("
  "  uri   TEXT PRIMARY KEY,"
  "  added INTEGER NOT NULL"
  ");",

  /* 6: when an autosave point began, as its time moves on with the
   * typing it takes in */
  "ALTER TABLE revisions ADD COLUMN started INTEGER;",
};

guint
spec_library_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
_spec_library_set_error (GError     **error,
                         sqlite3     *db,
                         int          rc,
                         const char  *doing)
{
  int code = SPEC_LIBRARY_ERROR_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SPEC_LIBRARY_ERROR_BUSY;
      g_set_error (error, SPEC_LIBRARY_ERROR, code,
                   _("The library is in use by another program: %s"), doing);
      return FALSE;

    case SQLITE_FULL:
      code = SPEC_LIBRARY_ERROR_FULL;
      g_set_error (error, SPEC_LIBRARY_ERROR, code,
                   _("The disk is full: %s"), doing);
      return FALSE;

    default:
      g_set_error (error, SPEC_LIBRARY_ERROR, code, "%s: %s", doing,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return FALSE;
    }
}

static gboolean
exec (SpecLibrary  *self,
      const char   *sql,
      GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _spec_library_set_error (error, self->db, rc, _("Could not update the library"));

  return TRUE;
}

sqlite3_stmt *
_spec_library_prepare (SpecLibrary  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _spec_library_set_error (error, self->db, rc, _("Could not read the library"));
      return NULL;
    }

  return stmt;
}

sqlite3 *
_spec_library_get_db (SpecLibrary *self)
{
  return self->db;
}

static void
spec_library_finalize (GObject *object)
{
  SpecLibrary *self = (SpecLibrary *)object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (spec_library_parent_class)->finalize (object);
}

static void
spec_library_class_init (SpecLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spec_library_finalize;
}

static void
spec_library_init (SpecLibrary *self)
{
}

/**
 * spec_library_default_path:
 *
 * Returns: `$SPECWRIGHT_LIBRARY_DB` if set, else
 *   `$XDG_DATA_HOME/specwright/library.db`
 */
char *
spec_library_default_path (void)
{
  const char *env = g_getenv (SPEC_LIBRARY_PATH_ENV);

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "specwright", "library.db", NULL);
}

/* Opens and sets up a connection; the first statement that reads the
 * file tells whether it is a database at all. */
static int
connect (SpecLibrary *self)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  return sqlite3_exec (self->db,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = NORMAL;",
                       NULL, NULL, NULL);
}

static int
read_version (SpecLibrary *self)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      self->version = (guint) sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc;
}

static gboolean
migrate (SpecLibrary  *self,
         guint         target,
         GError      **error)
{
  if (self->version > G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_TOO_NEW,
                   _("The library “%s” was made by a newer version of Specwright"), self->path);
      return FALSE;
    }

  while (self->version < target)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", self->version + 1);

      if (!exec (self, "BEGIN IMMEDIATE;", error))
        return FALSE;
      if (!exec (self, migrations[self->version], error) || !exec (self, bump, error))
        {
          sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec (self, "COMMIT;", error))
        return FALSE;
      self->version++;
    }

  return TRUE;
}

static gboolean
is_not_a_database (int rc)
{
  return (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT;
}

/* A file that is not a database, or a broken one, is kept under another
 * name beside it (with its journal files), never deleted. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.broken-%s", path, stamp);
  static const char * const suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The library “%s” is damaged and could not be moved aside: %s"),
                   path, g_strerror (saved));
      g_free (aside);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return aside;
}

SpecLibrary *
_spec_library_open_at_version (const char  *path,
                               guint        version,
                               char       **moved_aside,
                               GError     **error)
{
  return _spec_library_open_full (path, version, TRUE, moved_aside, error);
}

/* @repair: move a damaged file aside and start anew; without it (a
 * second connection, as the writer thread's is) the file is never
 * moved from under the first one. */
SpecLibrary *
_spec_library_open_full (const char  *path,
                         guint        version,
                         gboolean     repair,
                         char       **moved_aside,
                         GError     **error)
{
  g_autoptr(SpecLibrary) self = g_object_new (SPEC_TYPE_LIBRARY, NULL);
  g_autofree char *folder = NULL;
  int rc;

  if (moved_aside != NULL)
    *moved_aside = NULL;

  self->path = path != NULL ? g_strdup (path) : spec_library_default_path ();
  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the library’s folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }

  rc = connect (self);
  if (rc == SQLITE_OK)
    rc = read_version (self);

  if (repair && is_not_a_database (rc))
    {
      g_autofree char *aside = NULL;

      g_clear_pointer (&self->db, sqlite3_close_v2);
      if (!(aside = move_aside (self->path, error)))
        return NULL;
      g_warning ("The library %s was damaged; it is kept as %s and a new one starts", self->path, aside);
      if (moved_aside != NULL)
        *moved_aside = g_steal_pointer (&aside);

      rc = connect (self);
      if (rc == SQLITE_OK)
        rc = read_version (self);
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not open the library “%s”"), self->path);

      _spec_library_set_error (error, self->db, rc, doing);
      return NULL;
    }

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * spec_library_open:
 * @path: (nullable): the database file, or %NULL for the default
 * @moved_aside: (out) (optional): set to where a damaged file was moved,
 *   for telling the user; a new library then starts
 *
 * Opens the library, making it or bringing its schema up to date.
 */
SpecLibrary *
spec_library_open (const char  *path,
                   char       **moved_aside,
                   GError     **error)
{
  return _spec_library_open_at_version (path, G_N_ELEMENTS (migrations), moved_aside, error);
}

guint
spec_library_get_schema_version (SpecLibrary *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), 0);

  return self->version;
}

/* One change is its own transaction, or a savepoint inside a batch. */
gboolean
_spec_library_change_begin (SpecLibrary  *self,
                            GError      **error)
{
  return exec (self, self->batch > 0 ? "SAVEPOINT change;" : "BEGIN IMMEDIATE;", error);
}

int
_spec_library_change_commit (SpecLibrary *self)
{
  return sqlite3_exec (self->db, self->batch > 0 ? "RELEASE change;" : "COMMIT;", NULL, NULL, NULL);
}

void
_spec_library_change_rollback (SpecLibrary *self)
{
  sqlite3_exec (self->db, self->batch > 0 ? "ROLLBACK TO change; RELEASE change;" : "ROLLBACK;",
                NULL, NULL, NULL);
}

/**
 * spec_library_batch_begin:
 *
 * Makes the changes until spec_library_batch_end() one transaction, as
 * an import of many specs does: each change is still whole or nothing.
 */
gboolean
spec_library_batch_begin (SpecLibrary  *self,
                          GError      **error)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  if (self->batch == 0 && !exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  self->batch++;

  return TRUE;
}

gboolean
spec_library_batch_end (SpecLibrary  *self,
                        GError      **error)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->batch > 0, FALSE);

  if (--self->batch > 0)
    return TRUE;

  if (!exec (self, "COMMIT;", error))
    {
      /* Not left open: every later change would fail to begin. */
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  /* A batch leaves a large write-ahead log, which every read then goes
   * through: fold it into the database now. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  return TRUE;
}

void
_spec_library_body_facts (const char *body,
                          BodyFacts  *facts)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (body, -1);

  _spec_library_snapshot_facts (snapshot, facts);
}

/* The same, from a parse already made (an editor's snapshot). */
void
_spec_library_snapshot_facts (SpecSnapshot *snapshot,
                              BodyFacts    *facts)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  gsize len;
  const char *body = spec_snapshot_get_text (snapshot, &len);

  facts->title = sections->len > 0 ? g_strdup (((SpecSection *) g_ptr_array_index (sections, 0))->title)
                                   : g_strdup (_("Untitled Spec"));
  facts->status = spec_status_parse (body, len);
  facts->percent = (int) spec_snapshot_get_report (snapshot)->percent;
  facts->unfilled = (int) (spec_snapshot_get_report (snapshot)->n_placeholders +
                           spec_snapshot_get_report (snapshot)->n_clarifications);
}

void
_spec_library_body_facts_clear (BodyFacts *facts)
{
  g_free (facts->title);
  g_free (facts->status);
}

int
_spec_library_step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int
_spec_library_insert_revision (SpecLibrary        *self,
                               gint64              spec_id,
                               gint64              time,
                               SpecRevisionReason  reason,
                               const char         *body,
                               int                 percent)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "INSERT INTO revisions (spec_id, time, reason, body, percent, started) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?2)", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, spec_id);
  sqlite3_bind_int64 (stmt, 2, time);
  sqlite3_bind_int (stmt, 3, reason);
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, percent);

  return _spec_library_step_done (stmt);
}

/**
 * spec_library_add:
 * @template_id: (nullable): the template it was made from
 *
 * Adds a spec with its first revision.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
spec_library_add (SpecLibrary         *self,
                  const char          *body,
                  const char          *template_id,
                  SpecRevisionReason   reason,
                  GError             **error)
{
  BodyFacts facts;
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time ();
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), 0);
  g_return_val_if_fail (body != NULL, 0);

  _spec_library_body_facts (body, &facts);

  if (!_spec_library_change_begin (self, error))
    {
      _spec_library_body_facts_clear (&facts);
      return 0;
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO specs (title, body, template_id, status, created, updated, percent, unfilled) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, facts.title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, template_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, facts.status, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, now);
      sqlite3_bind_int (stmt, 6, facts.percent);
      sqlite3_bind_int (stmt, 7, facts.unfilled);
      rc = _spec_library_step_done (stmt);
    }
  if (rc == SQLITE_OK)
    {
      id = sqlite3_last_insert_rowid (self->db);
      rc = _spec_library_insert_revision (self, id, now, reason, body, facts.percent);
    }
  if (rc == SQLITE_OK)
    rc = _spec_library_change_commit (self);

  _spec_library_body_facts_clear (&facts);

  if (rc != SQLITE_OK)
    {
      _spec_library_change_rollback (self);
      _spec_library_set_error (error, self->db, rc, _("Could not add the spec to the library"));
      return 0;
    }

  return id;
}

/**
 * _spec_library_newest_revision:
 *
 * Reads spec @spec_id's newest revision, and whether it and the spec's
 * own text are @body already.
 */
int
_spec_library_newest_revision (SpecLibrary *self,
                               gint64       spec_id,
                               const char  *body,
                               Newest      *newest)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "SELECT id, time, reason, body = ?2, (SELECT body = ?2 FROM specs WHERE id = ?1), "
                               "  coalesce (started, time) "
                               "FROM revisions WHERE spec_id = ?1 ORDER BY time DESC, id DESC LIMIT 1",
                               -1, &stmt, NULL);

  *newest = (Newest) { .reason = -1 };
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, spec_id);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      newest->id = sqlite3_column_int64 (stmt, 0);
      newest->time = sqlite3_column_int64 (stmt, 1);
      newest->reason = sqlite3_column_int (stmt, 2);
      newest->same = sqlite3_column_int (stmt, 3) != 0;
      newest->current = sqlite3_column_int (stmt, 4) != 0;
      newest->started = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Gives spec @id @body and what is known about it, no revision. */
int
_spec_library_update_body (SpecLibrary     *self,
                           gint64           id,
                           const char      *body,
                           const BodyFacts *facts,
                           gint64           now)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "UPDATE specs SET title = ?2, body = ?3, status = ?4, percent = ?5, "
                               "updated = ?6, unfilled = ?7 WHERE id = ?1", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, facts->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, facts->status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, facts->percent);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int (stmt, 7, facts->unfilled);
  rc = _spec_library_step_done (stmt);

  if (rc == SQLITE_OK && sqlite3_changes (self->db) == 0)
    rc = SQLITE_NOTFOUND;

  return rc;
}

/* A save of the text an autosave holds already makes that revision a
 * save, rather than the same text twice. */
static int
promote_revision (SpecLibrary        *self,
                  const Newest       *newest,
                  SpecRevisionReason  reason)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (newest->reason != SPEC_REVISION_AUTOSAVE || reason == SPEC_REVISION_AUTOSAVE)
    return SQLITE_OK;

  if ((rc = sqlite3_prepare_v2 (self->db, "UPDATE revisions SET reason = ?2 WHERE id = ?1", -1, &stmt, NULL)))
    return rc;
  sqlite3_bind_int64 (stmt, 1, newest->id);
  sqlite3_bind_int (stmt, 2, reason);

  return _spec_library_step_done (stmt);
}

/**
 * spec_library_update:
 *
 * Stores a new body for spec @id, and a revision of it, unless it is the
 * same as the newest revision (an autosave of unchanged text stores
 * nothing; a save of text an autosave holds makes that revision a
 * save).
 */
gboolean
spec_library_update (SpecLibrary         *self,
                     gint64               id,
                     const char          *body,
                     SpecRevisionReason   reason,
                     GError             **error)
{
  BodyFacts facts;
  Newest newest;
  gint64 now = g_get_real_time ();
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  if (!_spec_library_change_begin (self, error))
    return FALSE;

  rc = _spec_library_newest_revision (self, id, body, &newest);
  if (rc == SQLITE_OK && !(newest.same && newest.current))
    {
      _spec_library_body_facts (body, &facts);
      rc = _spec_library_update_body (self, id, body, &facts, now);
      if (rc == SQLITE_OK && !newest.same)
        rc = _spec_library_insert_revision (self, id, now, reason, body, facts.percent);
      _spec_library_body_facts_clear (&facts);
    }
  if (rc == SQLITE_OK && newest.same)
    rc = promote_revision (self, &newest, reason);
  if (rc == SQLITE_OK)
    rc = _spec_library_change_commit (self);

  if (rc == SQLITE_NOTFOUND)
    {
      _spec_library_change_rollback (self);
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND,
                   _("The spec is not in the library any more"));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      _spec_library_change_rollback (self);
      return _spec_library_set_error (error, self->db, rc, _("Could not store the spec"));
    }

  return TRUE;
}

char *
_spec_library_column_strdup (sqlite3_stmt *stmt,
                             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

SpecLibraryEntry *
_spec_library_entry_from_row (sqlite3_stmt *stmt,
                              gboolean      with_body)
{
  SpecLibraryEntry *entry = g_new0 (SpecLibraryEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->title = _spec_library_column_strdup (stmt, 1);
  entry->template_id = _spec_library_column_strdup (stmt, 2);
  entry->status = _spec_library_column_strdup (stmt, 3);
  entry->created = sqlite3_column_int64 (stmt, 4);
  entry->updated = sqlite3_column_int64 (stmt, 5);
  entry->percent = sqlite3_column_int (stmt, 6);
  entry->trashed_at = sqlite3_column_int64 (stmt, 7);
  entry->unfilled = sqlite3_column_int (stmt, 8);
  entry->file_uri = _spec_library_column_strdup (stmt, 9);
  if (with_body)
    entry->body = _spec_library_column_strdup (stmt, 10);

  return entry;
}

SpecLibraryEntry *
spec_library_get (SpecLibrary  *self,
                  gint64        id,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  SpecLibraryEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  stmt = _spec_library_prepare (self, "SELECT " SPEC_LIBRARY_ENTRY_COLUMNS ", body FROM specs WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = _spec_library_entry_from_row (stmt, TRUE);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND, _("No such spec in the library"));
  else
    _spec_library_set_error (error, self->db, rc, _("Could not read the spec"));
  sqlite3_finalize (stmt);

  return entry;
}

void
spec_library_entry_free (SpecLibraryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->title);
  g_free (entry->body);
  g_free (entry->template_id);
  g_free (entry->status);
  g_free (entry->file_uri);
  g_free (entry);
}

/**
 * spec_library_list_revisions:
 *
 * Returns: (element-type SpecRevision): spec @id's revisions, oldest
 *   first, without their bodies
 */
GArray *
spec_library_list_revisions (SpecLibrary  *self,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  GArray *revisions;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  stmt = _spec_library_prepare (self,
                                "SELECT id, time, reason, percent FROM revisions "
                                "WHERE spec_id = ?1 ORDER BY time, id", error);
  if (stmt == NULL)
    return NULL;

  revisions = g_array_new (FALSE, FALSE, sizeof (SpecRevision));
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpecRevision revision = {
        .id = sqlite3_column_int64 (stmt, 0),
        .time = sqlite3_column_int64 (stmt, 1),
        .reason = sqlite3_column_int (stmt, 2),
        .percent = sqlite3_column_int (stmt, 3),
      };

      g_array_append_val (revisions, revision);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_array_unref (revisions);
      _spec_library_set_error (error, self->db, rc, _("Could not read the spec’s history"));
      return NULL;
    }

  return revisions;
}

char *
spec_library_get_revision_body (SpecLibrary  *self,
                                gint64        revision_id,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  char *body = NULL;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  if (!(stmt = _spec_library_prepare (self, "SELECT body FROM revisions WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, revision_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = _spec_library_column_strdup (stmt, 0);
  else
    g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND, _("No such revision"));
  sqlite3_finalize (stmt);

  return body;
}

static gboolean
set_trashed (SpecLibrary  *self,
             gint64        id,
             gint64        when,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _spec_library_prepare (self, "UPDATE specs SET trashed_at = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, when);
  if ((rc = _spec_library_step_done (stmt)) != SQLITE_OK)
    return _spec_library_set_error (error, self->db, rc, _("Could not move the spec"));

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND, _("No such spec in the library"));
      return FALSE;
    }

  return TRUE;
}

/* Deleting moves to the trash: the spec and its history stay until the
 * trash is emptied. */
gboolean
spec_library_trash (SpecLibrary  *self,
                    gint64        id,
                    GError      **error)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  return set_trashed (self, id, g_get_real_time (), error);
}

gboolean
spec_library_restore (SpecLibrary  *self,
                      gint64        id,
                      GError      **error)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  return set_trashed (self, id, 0, error);
}

/* The only way anything leaves the library: the user confirmed it. */
gboolean
spec_library_empty_trash (SpecLibrary  *self,
                          GError      **error)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  return exec (self, "DELETE FROM specs WHERE trashed_at != 0;", error);
}

/**
 * spec_library_check_index:
 *
 * Runs FTS5's integrity check: the index holds exactly the table's text.
 */
gboolean
spec_library_check_index (SpecLibrary  *self,
                          GError      **error)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  return exec (self, "INSERT INTO specs_fts (specs_fts, rank) VALUES ('integrity-check', 1);", error);
}

/**
 * spec_library_thin_revisions:
 * @now: the time to count ages from, µs since the epoch
 *
 * Autosave revisions pile up: all from the last day are kept, then the
 * newest of each hour for a week, then the newest of each day.  Saves,
 * restores and imports are all kept.
 */
gboolean
spec_library_thin_revisions (SpecLibrary  *self,
                             gint64        now,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  stmt = _spec_library_prepare (self,
                                "DELETE FROM revisions WHERE id IN ("
                                "  SELECT id FROM ("
                                "    SELECT id, row_number () OVER ("
                                "      PARTITION BY spec_id, bucket ORDER BY time DESC, id DESC) AS n"
                                "    FROM ("
                                "      SELECT id, spec_id, time,"
                                "        CASE WHEN ?1 - time < ?3 THEN time / ?4"
                                "             ELSE -1 - time / ?5 END AS bucket"
                                "      FROM revisions WHERE reason = ?6 AND ?1 - time >= ?2))"
                                "  WHERE n > 1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, G_TIME_SPAN_DAY);
  sqlite3_bind_int64 (stmt, 3, 7 * G_TIME_SPAN_DAY);
  sqlite3_bind_int64 (stmt, 4, G_TIME_SPAN_HOUR);
  sqlite3_bind_int64 (stmt, 5, G_TIME_SPAN_DAY);
  sqlite3_bind_int (stmt, 6, SPEC_REVISION_AUTOSAVE);

  if ((rc = _spec_library_step_done (stmt)) != SQLITE_OK)
    return _spec_library_set_error (error, self->db, rc, _("Could not thin the spec’s history"));

  return TRUE;
}

static const char *
order_by (SpecLibrarySort sort)
{
  switch (sort)
    {
    case SPEC_LIBRARY_SORT_TITLE:
      return "title COLLATE NOCASE, id";
    case SPEC_LIBRARY_SORT_STATUS:
      return "status IS NULL, status COLLATE NOCASE, updated DESC";
    case SPEC_LIBRARY_SORT_COMPLETENESS:
      return "percent, updated DESC";
    case SPEC_LIBRARY_SORT_UPDATED:
    default:
      return "updated DESC, id DESC";
    }
}

/**
 * spec_library_list:
 * @status: (nullable): only the specs with this status
 * @unfilled_only: only those with placeholders or clarifications left
 * @trashed: the trash rather than the library
 *
 * Returns: (element-type SpecLibraryEntry): the entries, without their
 *   bodies (@body is %NULL), in @sort order (the trash by "updated":
 *   latest trashed first)
 */
GPtrArray *
spec_library_list (SpecLibrary      *self,
                   const char       *status,
                   gboolean          unfilled_only,
                   gboolean          trashed,
                   SpecLibrarySort   sort,
                   GError          **error)
{
  return spec_library_list_page (self, status, unfilled_only, trashed, sort, 0, G_MAXUINT, error);
}

/**
 * spec_library_list_page:
 * @offset: entries to skip
 * @limit: at most this many; %G_MAXUINT for all
 *
 * As spec_library_list(), a page at a time: a list shows its first
 * rows at once and reads the rest after.
 */
GPtrArray *
spec_library_list_page (SpecLibrary      *self,
                        const char       *status,
                        gboolean          unfilled_only,
                        gboolean          trashed,
                        SpecLibrarySort   sort,
                        guint             offset,
                        guint             limit,
                        GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *entries;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  /* "trashed_at = 0" as such, so that the index on it and "updated"
   * gives the first page without reading every spec. */
  sql = g_strdup_printf ("SELECT " SPEC_LIBRARY_ENTRY_COLUMNS " FROM specs WHERE %s AND (?2 IS NULL OR status = ?2) "
                         "AND (?3 = 0 OR unfilled > 0) ORDER BY %s LIMIT ?4 OFFSET ?5",
                         trashed ? "trashed_at != 0" : "trashed_at = 0",
                         /* The trash: the latest thrown away first. */
                         trashed && sort == SPEC_LIBRARY_SORT_UPDATED ? "trashed_at DESC, id DESC"
                                                                      : order_by (sort));
  if (!(stmt = _spec_library_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, unfilled_only ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, limit == G_MAXUINT ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, 5, offset);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_library_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, _spec_library_entry_from_row (stmt, FALSE));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (entries);
      _spec_library_set_error (error, self->db, rc, _("Could not read the library"));
      return NULL;
    }

  return entries;
}

/**
 * spec_library_get_entries:
 * @ids: (array length=n_ids): specs to read
 *
 * Returns: (element-type SpecLibraryEntry): the entries of those of @ids
 *   still in the library, in the order of @ids, without their bodies
 */
GPtrArray *
spec_library_get_entries (SpecLibrary   *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  if (!(stmt = _spec_library_prepare (self, "SELECT " SPEC_LIBRARY_ENTRY_COLUMNS " FROM specs WHERE id = ?1", error)))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_library_entry_free);
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (entries, _spec_library_entry_from_row (stmt, FALSE));
      else if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          _spec_library_set_error (error, self->db, rc, _("Could not read the library"));
          return NULL;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&entries);
}

/**
 * spec_library_list_statuses:
 *
 * Returns: (transfer full): every status the specs outside the trash
 *   have, for the status filter: the templates' Draft, Review, Approved,
 *   Implemented and whatever else is found
 */
GStrv
spec_library_list_statuses (SpecLibrary  *self,
                            GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  stmt = _spec_library_prepare (self,
                                "SELECT DISTINCT status FROM specs WHERE trashed_at = 0 AND status IS NOT NULL "
                                "ORDER BY status COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_strv_builder_end (builder);
}

/**
 * spec_library_restore_revision:
 *
 * Makes an old revision's text the spec's again, as a new revision of
 * its own: nothing in between is lost.
 *
 * Returns: the spec's id, or 0 with @error set
 */
gint64
spec_library_restore_revision (SpecLibrary  *self,
                               gint64        revision_id,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *body = NULL;
  gint64 spec_id = 0;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), 0);

  if (!(stmt = _spec_library_prepare (self, "SELECT spec_id, body FROM revisions WHERE id = ?1", error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, revision_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      spec_id = sqlite3_column_int64 (stmt, 0);
      body = _spec_library_column_strdup (stmt, 1);
    }
  sqlite3_finalize (stmt);

  if (body == NULL)
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND, _("No such revision"));
      return 0;
    }

  /* A linked file is the source of its text: restored into the file
   * when it is open, and saved. */
  {
    g_autoptr(SpecLibraryEntry) entry = spec_library_get (self, spec_id, error);

    if (entry == NULL)
      return 0;
    if (entry->file_uri != NULL)
      {
        g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED,
                     _("“%s” is a file: open it to restore a revision into it"), entry->title);
        return 0;
      }
  }

  return spec_library_update (self, spec_id, body, SPEC_REVISION_RESTORE, error) ? spec_id : 0;
}

/**
 * spec_library_set_template:
 * @template_id: (nullable): "id@version" of the template the spec is to
 *   be checked against from now on, or %NULL for none
 *
 * Remembers a spec's template ("Use for This Spec" in Check Against
 * Template): no new revision, the text is unchanged.
 */
gboolean
spec_library_set_template (SpecLibrary  *self,
                           gint64        id,
                           const char   *template_id,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);

  if (!(stmt = _spec_library_prepare (self, "UPDATE specs SET template_id = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if ((rc = _spec_library_step_done (stmt)) != SQLITE_OK)
    return _spec_library_set_error (error, self->db, rc, _("Could not write to the library"));
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_NOT_FOUND, _("No such spec"));
      return FALSE;
    }

  return TRUE;
}

/**
 * spec_library_set_status:
 * @status: the new status, on one line
 *
 * Changes a spec's status by editing its own metadata line, which is
 * where the status lives: a new revision.  A spec without that line is
 * left as it is, with an error saying so.
 */
gboolean
spec_library_set_status (SpecLibrary  *self,
                         gint64        id,
                         const char   *status,
                         GError      **error)
{
  g_autoptr(SpecLibraryEntry) entry = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (strpbrk (status, "\r\n") != NULL || *status == '\0')
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED, _("A status is one line of text"));
      return FALSE;
    }

  if (!(entry = spec_library_get (self, id, error)))
    return FALSE;

  /* A linked file is the source of its text: changed there, or not. */
  if (entry->file_uri != NULL)
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED,
                   _("“%s” is a file: open it to change its status"), entry->title);
      return FALSE;
    }

  if (!(body = spec_status_replace (entry->body, strlen (entry->body), status)))
    {
      g_set_error (error, SPEC_LIBRARY_ERROR, SPEC_LIBRARY_ERROR_FAILED,
                   _("“%s” has no “Status:” line to change"), entry->title);
      return FALSE;
    }

  return spec_library_update (self, id, body, SPEC_REVISION_SAVE, error);
}
