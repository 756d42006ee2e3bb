/* spec-clarification.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spec-clarification.h"
#include "spec-slot-scanner.h"

/* The marker gives way to the answer, and the question and answer are
 * kept where a reader of the spec finds them: a "## Clarifications"
 * section (made at the end if there is none), under a "### Session
 * YYYY-MM-DD" heading per day, as "- Q: question → A: answer".  Both are
 * edits of one list, which the editor makes as one undoable action. */

static gboolean
is_title (const SpecSection *section,
          const char        *title)
{
  g_autofree char *folded = g_utf8_casefold (section->title, -1);
  g_autofree char *want = g_utf8_casefold (title, -1);

  return g_str_equal (g_strstrip (folded), want);
}

static const SpecSection *
find_child (const SpecSection *parent,
            const char        *title)
{
  for (guint i = 0; parent->children != NULL && i < parent->children->len; i++)
    if (is_title (g_ptr_array_index (parent->children, i), title))
      return g_ptr_array_index (parent->children, i);

  return NULL;
}

/* Text inserted at @offset, on lines of its own, after a blank line if
 * @blank_before, and with a blank line before whatever follows. */
static char *
on_own_line (const char *text,
             gsize       length,
             gsize       offset,
             gboolean    blank_before,
             const char *lines)
{
  const char *before = "";

  if (offset > 0 && text[offset - 1] != '\n')
    before = blank_before ? "\n\n" : "\n";
  else if (blank_before && offset > 1 && text[offset - 2] != '\n')
    before = "\n";

  return g_strconcat (before, lines, offset < length && blank_before && text[offset] != '\n' ? "\n" : "", NULL);
}

/* Where a section's last line ends, before the blank lines after it. */
static gsize
end_of_content (const char *text,
                gsize       end)
{
  while (end > 1 && text[end - 1] == '\n' && text[end - 2] == '\n')
    end--;

  return end;
}

/**
 * spec_clarification_resolve:
 * @offset: the marker's first byte in @snapshot's text
 * @length: its length
 * @answer: the answer, one line
 * @date: (nullable): the session's day; %NULL for today
 *
 * Returns: (transfer full) (element-type SpecTextEdit): the edits, from
 *   the last offset to the first; %NULL with @error set when there is no
 *   clarification marker there or no answer
 */
GPtrArray *
spec_clarification_resolve (SpecSnapshot  *snapshot,
                            gsize          offset,
                            gsize          length,
                            const char    *answer,
                            GDateTime     *date,
                            GError       **error)
{
  g_autoptr(GPtrArray) edits = spec_text_edits_new ();
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *question = NULL;
  g_autofree char *one_line = NULL;
  g_autofree char *day = NULL;
  g_autofree char *session = NULL;
  g_autofree char *record = NULL;
  const SpecSection *clarifications = NULL;
  const SpecSection *session_section;
  GPtrArray *sections;
  const char *text;
  gsize text_length;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  text = spec_snapshot_get_text (snapshot, &text_length);
  if (offset + length > text_length || !spec_slot_is_clarification (text + offset, length, &question))
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,
                   _("There is no clarification marker there"));
      return NULL;
    }

  one_line = g_strstrip (g_strdup (answer != NULL ? answer : ""));
  g_strdelimit (one_line, "\r\n", ' ');
  if (*one_line == '\0')
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_TITLE, _("An answer is needed"));
      return NULL;
    }

  if (date == NULL)
    date = today = g_date_time_new_now_local ();
  day = g_date_time_format (date, "%Y-%m-%d");
  session = g_strdup_printf ("Session %s", day);
  record = g_strdup_printf ("- Q: %s → A: %s\n", g_strstrip (question), one_line);

  spec_text_edits_add (edits, offset, length, g_strdup (one_line));

  sections = spec_snapshot_get_sections (snapshot);
  for (guint i = 0; i < sections->len && clarifications == NULL; i++)
    if (is_title (g_ptr_array_index (sections, i), "Clarifications"))
      clarifications = g_ptr_array_index (sections, i);

  if (clarifications == NULL)
    {
      g_autofree char *lines = g_strdup_printf ("## Clarifications\n\n### %s\n\n%s", session, record);

      spec_text_edits_add (edits, text_length, 0, on_own_line (text, text_length, text_length, TRUE, lines));
    }
  else if ((session_section = find_child (clarifications, session)) != NULL)
    {
      /* Right under the day's last answer: the same list. */
      gsize at = end_of_content (text, session_section->end_offset);

      spec_text_edits_add (edits, at, 0, on_own_line (text, text_length, at, FALSE, record));
    }
  else
    {
      g_autofree char *hashes = g_strnfill (MIN (clarifications->level + 1, 6), '#');
      g_autofree char *lines = g_strdup_printf ("%s %s\n\n%s", hashes, session, record);
      gsize at = end_of_content (text, clarifications->end_offset);

      spec_text_edits_add (edits, at, 0, on_own_line (text, text_length, at, TRUE, lines));
    }

  return g_steal_pointer (&edits);
}
