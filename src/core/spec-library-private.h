/* spec-library-private.h: the library's connection, for its own files and
 * the tests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "spec-library.h"

G_BEGIN_DECLS

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

G_END_DECLS
