/* spec-library-private.h: the library's connection, for its own files and
 * the tests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "spec-library.h"
#include "spec-snapshot.h"

G_BEGIN_DECLS

/* What the library keeps about a body besides itself. */
typedef struct
{
  char *title;
  char *status;
  int   percent;
  int   unfilled;   /* placeholders and clarifications left */
} BodyFacts;

/* A spec's newest revision, as _spec_library_newest_revision() reads it. */
typedef struct
{
  gint64   id;
  gint64   time;
  gint64   started;   /* an autosave point's first time */
  int      reason;    /* -1: none */
  gboolean same;      /* its body is the one asked about */
  gboolean current;   /* and so is the spec's own text */
} Newest;

/* The columns an entry is read from, the body last (see migration 1);
 * _spec_library_entry_from_row() reads them in this order. */
#define SPEC_LIBRARY_ENTRY_COLUMNS \
  "id, title, template_id, status, created, updated, percent, trashed_at, unfilled, file_uri"

sqlite3      *_spec_library_get_db          (SpecLibrary  *self);
sqlite3_stmt *_spec_library_prepare         (SpecLibrary  *self,
                                             const char   *sql,
                                             GError      **error);
gboolean      _spec_library_set_error       (GError      **error,
                                             sqlite3      *db,
                                             int           rc,
                                             const char   *doing);
SpecLibrary  *_spec_library_open_at_version (const char   *path,
                                             guint         version,
                                             char        **moved_aside,
                                             GError      **error);
SpecLibrary  *_spec_library_open_full      (const char   *path,
                                             guint         version,
                                             gboolean      repair,
                                             char        **moved_aside,
                                             GError      **error);
gboolean      _spec_library_change_begin    (SpecLibrary  *self,
                                             GError      **error);
int           _spec_library_change_commit   (SpecLibrary  *self);
void          _spec_library_change_rollback (SpecLibrary  *self);
void          _spec_library_body_facts      (const char   *body,
                                             BodyFacts    *facts);
void          _spec_library_snapshot_facts  (SpecSnapshot *snapshot,
                                             BodyFacts    *facts);
void          _spec_library_body_facts_clear (BodyFacts   *facts);
int           _spec_library_step_done       (sqlite3_stmt *stmt);
int           _spec_library_insert_revision (SpecLibrary        *self,
                                             gint64              spec_id,
                                             gint64              time,
                                             SpecRevisionReason  reason,
                                             const char         *body,
                                             int                 percent);
int           _spec_library_newest_revision (SpecLibrary *self,
                                             gint64       spec_id,
                                             const char  *body,
                                             Newest      *newest);
int           _spec_library_update_body     (SpecLibrary     *self,
                                             gint64           id,
                                             const char      *body,
                                             const BodyFacts *facts,
                                             gint64           now);
char         *_spec_library_column_strdup   (sqlite3_stmt *stmt,
                                             int           column);
SpecLibraryEntry *_spec_library_entry_from_row (sqlite3_stmt *stmt,
                                             gboolean      with_body);

G_END_DECLS
