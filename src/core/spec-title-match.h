/* spec-title-match.h: when a document's heading is a template's heading
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *spec_title_normalize   (const char *title,
                                  gboolean    as_pattern,
                                  gboolean   *mandatory);
gboolean  spec_title_matches     (const char *pattern,
                                  const char *normalized);
guint     spec_title_specificity (const char *pattern);
char     *spec_title_display     (const char *title);
char     *spec_title_strip_mandatory (const char *title);

G_END_DECLS
