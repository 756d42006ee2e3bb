/* fuzz-check-json.c: specwright-check --json is always valid JSON
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CI pipes the output into other tools, so no document and no file name
 * (any bytes, not always UTF-8) may break it.  The input's first line is
 * the file name, the rest the document; the report is assembled as
 * specwright-check assembles it, with a file that could not be read
 * beside it, and checked by a strict parser.
 */

#include "fuzz-common.h"
#include "fuzz-json.h"

#include <string.h>

#include "spec-report-json.h"
#include "spec-snapshot.h"

static SpecSnapshot *template_snapshot;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char template_text[] =
    "# Spec: [NAME]\n\n## Overview *(mandatory)*\n\n[What]\n\n"
    "## Requirements\n\n- [ ] [FR]\n\n## Open Questions\n\n"
    "[NEEDS CLARIFICATION: who signs off?]\n";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  template_snapshot = spec_snapshot_new_template (template_text, -1, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(SpecSnapshot) plain = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  const uint8_t *newline = memchr (data, '\n', size);
  gsize name_len = newline != NULL ? (gsize) (newline - data) : 0;
  g_autofree char *name = g_strndup ((const char *) data, name_len);
  g_autofree char *text = NULL;
  gsize len, fault = 0;

  text = fuzz_editor_text (data + name_len, size - name_len, &len);
  snapshot = spec_snapshot_new_for_template (text, len, template_snapshot);
  plain = spec_snapshot_new (text, len);

  g_string_append_printf (json, "{\"version\":%d,\"files\":[", SPEC_REPORT_JSON_VERSION);
  spec_report_json_append_file (json, name, "template [x].md", snapshot);
  g_string_append_c (json, ',');
  spec_report_json_append_file (json, name, NULL, plain);
  g_string_append_c (json, ',');
  spec_report_json_append_error (json, name, text);
  g_string_append (json, "]}\n");

  if (!fuzz_json_is_valid (json->str, json->len, &fault))
    {
      g_printerr ("invalid JSON at byte %" G_GSIZE_FORMAT ": …%.40s…\n",
                  fault, json->str + MIN (fault, json->len));
      abort ();
    }

  return 0;
}
