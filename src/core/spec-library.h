/* spec-library.h: the local spec library, in SQLite
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Tests and people with several libraries point this at another file. */
#define SPEC_LIBRARY_PATH_ENV "SPECWRIGHT_LIBRARY_DB"

#define SPEC_LIBRARY_ERROR (spec_library_error_quark ())

typedef enum
{
  SPEC_LIBRARY_ERROR_FAILED,
  SPEC_LIBRARY_ERROR_BUSY,        /* another process holds it past the timeout */
  SPEC_LIBRARY_ERROR_FULL,        /* the disk is full */
  SPEC_LIBRARY_ERROR_NOT_FOUND,
  SPEC_LIBRARY_ERROR_TOO_NEW,     /* made by a newer Specwright */
} SpecLibraryError;

typedef enum
{
  SPEC_REVISION_AUTOSAVE,
  SPEC_REVISION_SAVE,
  SPEC_REVISION_RESTORE,
  SPEC_REVISION_IMPORT,
} SpecRevisionReason;

typedef struct
{
  gint64  id;
  char   *title;
  char   *body;
  char   *template_id;   /* nullable */
  char   *status;        /* nullable: from the spec's own metadata line */
  gint64  created;       /* µs since the epoch */
  gint64  updated;
  int     percent;       /* completeness */
  int     unfilled;      /* placeholders and clarifications left */
  gint64  trashed_at;    /* 0: not in the trash */
  char   *file_uri;      /* nullable: a linked file, the text's source of truth */
} SpecLibraryEntry;

typedef enum
{
  SPEC_LIBRARY_SORT_UPDATED,        /* newest first */
  SPEC_LIBRARY_SORT_TITLE,
  SPEC_LIBRARY_SORT_STATUS,
  SPEC_LIBRARY_SORT_COMPLETENESS,   /* least complete first */
} SpecLibrarySort;

typedef struct
{
  gint64             id;
  gint64             time;
  SpecRevisionReason reason;
  int                percent;
} SpecRevision;

#define SPEC_TYPE_LIBRARY (spec_library_get_type())

G_DECLARE_FINAL_TYPE (SpecLibrary, spec_library, SPEC, LIBRARY, GObject)

GQuark            spec_library_error_quark         (void);
char             *spec_library_default_path        (void);
SpecLibrary      *spec_library_open                (const char          *path,
                                                    char               **moved_aside,
                                                    GError             **error);
guint             spec_library_get_schema_version  (SpecLibrary         *self);
guint             spec_library_get_latest_version  (void);

gboolean          spec_library_batch_begin         (SpecLibrary         *self,
                                                    GError             **error);
gboolean          spec_library_batch_end           (SpecLibrary         *self,
                                                    GError             **error);
gint64            spec_library_add                 (SpecLibrary         *self,
                                                    const char          *body,
                                                    const char          *template_id,
                                                    SpecRevisionReason   reason,
                                                    GError             **error);
gboolean          spec_library_update              (SpecLibrary         *self,
                                                    gint64               id,
                                                    const char          *body,
                                                    SpecRevisionReason   reason,
                                                    GError             **error);
SpecLibraryEntry *spec_library_get                 (SpecLibrary         *self,
                                                    gint64               id,
                                                    GError             **error);
GArray           *spec_library_list_revisions      (SpecLibrary         *self,
                                                    gint64               id,
                                                    GError             **error);
char             *spec_library_get_revision_body   (SpecLibrary         *self,
                                                    gint64               revision_id,
                                                    GError             **error);
gint64            spec_library_restore_revision    (SpecLibrary         *self,
                                                    gint64               revision_id,
                                                    GError             **error);
gboolean          spec_library_set_template        (SpecLibrary         *self,
                                                    gint64               id,
                                                    const char          *template_id,
                                                    GError             **error);
gboolean          spec_library_set_status          (SpecLibrary         *self,
                                                    gint64               id,
                                                    const char          *status,
                                                    GError             **error);
gboolean          spec_library_trash               (SpecLibrary         *self,
                                                    gint64               id,
                                                    GError             **error);
gboolean          spec_library_restore             (SpecLibrary         *self,
                                                    gint64               id,
                                                    GError             **error);
gboolean          spec_library_empty_trash         (SpecLibrary         *self,
                                                    GError             **error);
gboolean          spec_library_thin_revisions      (SpecLibrary         *self,
                                                    gint64               now,
                                                    GError             **error);
GPtrArray        *spec_library_list                (SpecLibrary         *self,
                                                    const char          *status,
                                                    gboolean             unfilled_only,
                                                    gboolean             trashed,
                                                    SpecLibrarySort      sort,
                                                    GError             **error);
GPtrArray        *spec_library_list_page           (SpecLibrary         *self,
                                                    const char          *status,
                                                    gboolean             unfilled_only,
                                                    gboolean             trashed,
                                                    SpecLibrarySort      sort,
                                                    guint                offset,
                                                    guint                limit,
                                                    GError             **error);
GPtrArray        *spec_library_get_entries         (SpecLibrary         *self,
                                                    const gint64        *ids,
                                                    guint                n_ids,
                                                    GError             **error);
GStrv             spec_library_list_statuses       (SpecLibrary         *self,
                                                    GError             **error);
gboolean          spec_library_check_index         (SpecLibrary         *self,
                                                    GError             **error);

void              spec_library_entry_free          (SpecLibraryEntry    *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecLibraryEntry, spec_library_entry_free)

G_END_DECLS
