/* spec-report-json.h: a completeness report as JSON
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-snapshot.h"

G_BEGIN_DECLS

/* The schema is documented in README.md ("specwright-check --json"). */
#define SPEC_REPORT_JSON_VERSION 1

void spec_report_json_append_file  (GString      *out,
                                    const char   *path,
                                    const char   *template_path,
                                    SpecSnapshot *snapshot);
void spec_report_json_append_error (GString      *out,
                                    const char   *path,
                                    const char   *message);
void spec_json_append_string       (GString      *out,
                                    const char   *str);

G_END_DECLS
