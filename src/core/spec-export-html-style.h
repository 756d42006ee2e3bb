/* spec-export-html-style.h: the stylesheet of an exported HTML file
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *spec_export_html_style (void);

G_END_DECLS
