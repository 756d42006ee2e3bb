/* spec-file-filters.h: what the file choosers offer
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileFilter *spec_markdown_file_filter_new (void);
GtkFileFilter *spec_all_files_filter_new     (void);

G_END_DECLS
