/* fuzz-outline-edit.c: the navigator's section operations on any text
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first bytes choose operations (move, move up and down, promote,
 * demote, delete, duplicate, add a subsection, rename, insert what a
 * template has and the text lacks); the rest is the document.  After each
 * operation the edits must apply, give valid UTF-8 that parses, and their
 * inverse (what Undo does) must give back the text byte for byte.
 */

#include "fuzz-common.h"

#include <string.h>

#include "spec-outline-edit.h"
#include "spec-snapshot.h"

#define N_OPS 4

static SpecSnapshot *template_snapshot;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char template_text[] =
    "# Spec: [NAME]\n\n## Overview *(mandatory)*\n\n[What]\n\n"
    "## Requirements\n\n### Functional\n\n- [ ] [FR]\n\n"
    "## Risks\n\n| Risk | Mitigation |\n| --- | --- |\n| [R] | [M] |\n";

  /* A critical from the core (a range it was not meant to get) is a bug. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  template_snapshot = spec_snapshot_new_template (template_text, -1, NULL);
  return 0;
}

static GPtrArray *
run_op (SpecSnapshot  *snapshot,
        guint8         op,
        guint8         arg,
        GError       **error)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  guint n = sections->len;
  guint index = n > 0 ? arg % n : 0;
  gsize len;

  spec_snapshot_get_text (snapshot, &len);

  if (n == 0 && op % 10 != 9)
    return NULL;

  switch (op % 10)
    {
    case 0:
      return spec_outline_edit_move_up (snapshot, index, error);
    case 1:
      return spec_outline_edit_move_down (snapshot, index, error);
    case 2:
      return spec_outline_edit_shift (snapshot, index, (arg & 0x80) ? -1 : 1, error);
    case 3:
      return spec_outline_edit_delete (snapshot, index);
    case 4:
      return spec_outline_edit_duplicate (snapshot, index);
    case 5:
      return spec_outline_edit_add_subsection (snapshot, index, "New — [Section]", error);
    case 6:
      return spec_outline_edit_rename (snapshot, index, (arg & 1) ? "Renamed *title*" : "", error);
    case 7:
      {
        /* Before another section, or to the end of the text. */
        guint dest = (arg >> 4) % (n + 1);
        gsize offset = dest < n ? ((const SpecSection *) g_ptr_array_index (sections, dest))->start_offset : len;

        return spec_outline_edit_move (snapshot, index, offset, 1 + (arg & 3), error);
      }
    case 8:
      {
        const SpecReport *report = spec_snapshot_get_report (snapshot);

        if (report->missing == NULL || report->missing->len == 0)
          return NULL;
        return spec_outline_edit_add_missing (snapshot, arg % report->missing->len, error);
      }
    default:
      return spec_outline_edit_insert_missing (snapshot, NULL, template_snapshot);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SpecSnapshot) snapshot = NULL;
  const uint8_t *ops = data;
  gsize len;

  if (size < 2 * N_OPS)
    return 0;


  {
    char *text = fuzz_editor_text (data + 2 * N_OPS, size - 2 * N_OPS, &len);

    snapshot = spec_snapshot_new_for_template (text, len, template_snapshot);
    g_free (text);
  }

  for (guint i = 0; i < N_OPS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) edits = NULL;
      g_autoptr(GPtrArray) inverse = NULL;
      g_autofree char *edited = NULL;
      g_autofree char *undone = NULL;
      gsize edited_len, undone_len;
      const char *text = spec_snapshot_get_text (snapshot, &len);

      edits = run_op (snapshot, ops[2 * i], ops[2 * i + 1], &error);
      if (edits == NULL)
        continue;

      edited = spec_text_edits_apply (text, len, edits, &edited_len, &inverse);
      FUZZ_CHECK (edited != NULL);
      FUZZ_CHECK (g_utf8_validate (edited, edited_len, NULL));
      FUZZ_CHECK (memchr (edited, '\0', edited_len) == NULL);

      undone = spec_text_edits_apply (edited, edited_len, inverse, &undone_len, NULL);
      FUZZ_CHECK (undone_len == len && memcmp (undone, text, len) == 0);

      g_object_unref (snapshot);
      snapshot = spec_snapshot_new_for_template (edited, edited_len, template_snapshot);
    }

  return 0;
}
