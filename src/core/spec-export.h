/* spec-export.h: what every export of a document shares
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
  SPEC_EXPORT_FORMAT_HTML,
  SPEC_EXPORT_FORMAT_PDF,
  SPEC_EXPORT_FORMAT_MARKDOWN,
} SpecExportFormat;

gboolean    spec_export_format_from_name      (const char        *name,
                                               SpecExportFormat  *format);
const char *spec_export_format_get_extension  (SpecExportFormat   format);
char       *spec_export_dup_title             (SpecSnapshot      *snapshot,
                                               GFile             *file);
char       *spec_export_file_name             (const char        *title,
                                               SpecExportFormat   format);

G_END_DECLS
