/* spec-export-html.h: a document as one self-contained HTML file
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  SPEC_EXPORT_HTML_DEFAULT  = 0,
  SPEC_EXPORT_HTML_REPORT   = 1 << 0,  /* the completeness report as an appendix */
  SPEC_EXPORT_HTML_FRAGMENT = 1 << 1,  /* the body's content only (Copy as HTML) */
} SpecExportHtmlFlags;

char *spec_export_html (SpecSnapshot         *snapshot,
                        GFile                *base_file,
                        const char           *title,
                        SpecExportHtmlFlags   flags,
                        GCancellable         *cancellable,
                        GError              **error);

G_END_DECLS
