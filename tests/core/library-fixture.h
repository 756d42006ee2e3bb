/* library-fixture.h: a fresh library database in a temporary folder
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-library-private.h"

typedef struct
{
  char *dir;
  char *path;   /* in a folder "sub" not made yet: opening makes it */
} Fixture;

void  fixture_setup    (Fixture       *f,
                        gconstpointer  data);
void  fixture_teardown (Fixture       *f,
                        gconstpointer  data);
guint count_rows       (SpecLibrary   *library,
                        const char    *sql);
void  add_revision_at  (SpecLibrary        *library,
                        gint64              spec_id,
                        gint64              time,
                        SpecRevisionReason  reason);
