/* fuzz-snapshot.c: the snapshot builder on any text
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One parse gives the outline, the block list and the completeness
 * report; everything the window reads from a snapshot is read here and
 * checked for the ranges the window trusts.  The same text is checked
 * against a template and edited once, so that the incremental parse
 * (which reuses the previous snapshot's segments) is fuzzed too.
 */

#include "fuzz-common.h"

#include <string.h>

#include "spec-snapshot.h"

static SpecSnapshot *template_snapshot;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char template_text[] =
    "# Feature Specification: [FEATURE NAME]\n\n"
    "## User Scenarios & Testing *(mandatory)*\n\n"
    "### User Story 1 - [Brief Title] (Priority: P1)\n\n[Describe]\n\n"
    "## Requirements *(mandatory)*\n\n"
    "- **FR-001**: System MUST [specific capability]\n\n"
    "## Success Criteria\n\n- [ ] [Measurable outcome]\n\n"
    "| Field | Value |\n| --- | --- |\n| [A] | [B] |\n";

  template_snapshot = spec_snapshot_new_template (template_text, -1, NULL);
  return 0;
}

static void
check_snapshot (SpecSnapshot *snapshot,
                gsize         len)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  guint n_lines = spec_snapshot_get_n_lines (snapshot);
  guint n_blocks = spec_snapshot_get_n_blocks (snapshot);
  gsize text_len;
  const char *text = spec_snapshot_get_text (snapshot, &text_len);

  FUZZ_CHECK (text_len == len);
  FUZZ_CHECK (text[text_len] == '\0');
  FUZZ_CHECK (report->percent <= 100);
  FUZZ_CHECK (report->sections->len == sections->len);

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);

      FUZZ_CHECK (section->index == i);
      FUZZ_CHECK (section->level >= 1 && section->level <= 6);
      FUZZ_CHECK (section->start_offset <= section->end_offset);
      FUZZ_CHECK (section->end_offset <= len);
      FUZZ_CHECK (section->heading_line >= 1);
      FUZZ_CHECK (section->heading_line <= section->end_line);
      FUZZ_CHECK (section->end_line <= MAX (n_lines, 1));
      FUZZ_CHECK (g_utf8_validate (section->title, -1, NULL));
      FUZZ_CHECK (spec_snapshot_get_section_at_line (snapshot, section->heading_line) == section);
    }

  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      FUZZ_CHECK (item->offset + item->length <= len);
      FUZZ_CHECK (item->line >= 1 && item->line <= MAX (n_lines, 1));
      FUZZ_CHECK (g_utf8_validate (item->text, -1, NULL));
    }

  for (guint i = 0; i < n_blocks; i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (snapshot, i);
      gsize source_len;
      const char *source = spec_snapshot_get_block_source (snapshot, i, &source_len);

      FUZZ_CHECK (block->start_line <= block->end_line);
      FUZZ_CHECK (source >= text && source + source_len <= text + len);
      /* cmark-gfm leaves an empty paragraph without a position where a
       * paragraph's last line became a table's header row. */
      if (block->start_line > 0)
        FUZZ_CHECK (spec_snapshot_find_block (snapshot, block->start_line) == i);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autoptr(SpecSnapshot) edited = NULL;
  g_autoptr(SpecSnapshot) against = NULL;
  g_autoptr(SpecReport) report = NULL;
  gsize len;
  char *text = fuzz_editor_text (data, size, &len);
  char *copy = g_strndup (text, len);
  gsize cut = len / 2;

  snapshot = spec_snapshot_new_take (text, len);
  check_snapshot (snapshot, len);

  report = spec_snapshot_check_against (snapshot, template_snapshot);
  FUZZ_CHECK (report->percent <= 100);

  /* An edit in the middle: remove a byte on a character boundary, parsed
   * after the first snapshot so that its unchanged segments are reused. */
  while (cut > 0 && (copy[cut] & 0xc0) == 0x80)
    cut--;
  if (cut < len)
    {
      gsize next = g_utf8_next_char (copy + cut) - copy;

      memmove (copy + cut, copy + next, len - next + 1);
      len -= next - cut;
    }
  edited = spec_snapshot_new_take_after (copy, len, snapshot);
  check_snapshot (edited, len);

  /* The text as a template: what the picker does with a user's file. */
  against = spec_snapshot_new_for_template (spec_snapshot_get_text (edited, NULL), -1, snapshot);
  check_snapshot (against, len);

  return 0;
}
