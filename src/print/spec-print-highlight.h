/* spec-print-highlight.h: code coloured as the preview colours it
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

PangoAttrList *spec_print_highlight (const char *text,
                                     const char *info);

G_END_DECLS
