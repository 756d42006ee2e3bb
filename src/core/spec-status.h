/* spec-status.h: a spec's status, from its own metadata line
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *spec_metadata_label (const char *line,
                           gsize       len,
                           gsize      *value_start);
char *spec_status_parse   (const char *text,
                           gsize       len);
char *spec_status_replace (const char *text,
                           gsize       len,
                           const char *status);

G_END_DECLS
