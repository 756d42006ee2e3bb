/* fuzz-template.c: template loading and front matter on any bytes
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Templates are files the user drops into a folder: any bytes must give
 * either a template or an error, never a crash.  A template that loads
 * must survive what the picker does with it: instantiate it, write it
 * back out (Save as Template) and load that again to the same fields.
 */

#include "fuzz-common.h"

#include <string.h>

#include "spec-template.h"
#include "spec-text-file.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecTemplate) template_ = NULL;
  g_autoptr(SpecTemplate) again = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 22, 9, 0, 0);
  g_autofree char *text = NULL;
  g_autofree char *spec = NULL;
  g_auto(GStrv) required = NULL;
  g_auto(GStrv) optional = NULL;

  /* The template store refuses what the editor would refuse. */
  if (!spec_text_file_validate ((const char *) data, size, NULL))
    return 0;

  template_ = spec_template_new_from_text ((const char *) data, size, "fuzzed", &error);
  if (template_ == NULL)
    {
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  FUZZ_CHECK (g_utf8_validate (spec_template_get_id (template_), -1, NULL));
  FUZZ_CHECK (g_utf8_validate (spec_template_get_name (template_), -1, NULL));
  FUZZ_CHECK (spec_template_get_n_sections (template_) > 0);
  required = spec_template_dup_required (template_);
  optional = spec_template_dup_optional (template_);

  spec = spec_template_instantiate (template_, "Offline [Mode] *now*", "Ada", date);
  FUZZ_CHECK (spec != NULL && g_utf8_validate (spec, -1, NULL));

  text = spec_template_to_text (template_);
  again = spec_template_new_from_text (text, strlen (text), "fuzzed", &error);
  if (again == NULL)
    {
      g_printerr ("written template does not load again: %s\n", error->message);
      abort ();
    }
  FUZZ_CHECK (g_strcmp0 (spec_template_get_name (again), spec_template_get_name (template_)) == 0);
  FUZZ_CHECK (g_strcmp0 (spec_template_get_body (again), spec_template_get_body (template_)) == 0);
  FUZZ_CHECK (spec_template_get_n_sections (again) == spec_template_get_n_sections (template_));

  return 0;
}
