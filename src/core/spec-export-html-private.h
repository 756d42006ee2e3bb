/* spec-export-html-private.h: what the HTML export's files share
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

void spec_export_html_append_section_link (GString           *out,
                                           const SpecSection *section,
                                           const char        *anchor);
void spec_export_html_append_report       (GString           *out,
                                           SpecSnapshot      *snapshot,
                                           char             **anchors);

G_END_DECLS
