/* spec-report-words.h: what a completeness report says is left, in words
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-report.h"

G_BEGIN_DECLS

char *spec_report_dup_left_words (const SpecReport *report);

G_END_DECLS
