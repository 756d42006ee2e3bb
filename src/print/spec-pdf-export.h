/* spec-pdf-export.h: a document written as a PDF file, without a window
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

typedef void (*SpecExportProgressFunc) (double   fraction,
                                        gpointer user_data);

gboolean spec_pdf_export (SpecSnapshot            *snapshot,
                          GFile                   *base_file,
                          const char              *title,
                          const char              *status,
                          GFile                   *output,
                          GCancellable            *cancellable,
                          SpecExportProgressFunc   progress,
                          gpointer                 progress_data,
                          GError                 **error);

G_END_DECLS
