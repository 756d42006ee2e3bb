/* test-clarification.c: answering clarification markers
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-clarification.h"

static char *
resolve (const char *text,
         const char *marker,
         const char *answer,
         GDateTime  *date)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GPtrArray) inverse = NULL;
  const char *at = strstr (text, marker);
  g_autofree char *undone = NULL;
  char *done;
  gsize len;

  g_assert_nonnull (at);
  edits = spec_clarification_resolve (snapshot, at - text, strlen (marker), answer, date, &error);
  g_assert_no_error (error);
  done = spec_text_edits_apply (text, strlen (text), edits, &len, &inverse);

  /* One undo gives the same bytes back. */
  undone = spec_text_edits_apply (done, len, inverse, NULL, NULL);
  g_assert_cmpstr (undone, ==, text);

  return done;
}

static void
test_resolve (void)
{
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 9, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2026, 11, 24, 9, 0, 0);
  static const char text[] =
    "# Export\n\n## Requirements\n\n- Keep data for [NEEDS CLARIFICATION: retention period?].\n"
    "- Export as [NEEDS CLARIFICATION: which formats?]\n\n## Risks\n\nNone.\n";
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *next_day = NULL;

  /* No Clarifications section: made at the end. */
  once = resolve (text, "[NEEDS CLARIFICATION: retention period?]", " 90 days\n", monday);
  g_assert_cmpstr (once, ==,
                   "# Export\n\n## Requirements\n\n- Keep data for 90 days.\n"
                   "- Export as [NEEDS CLARIFICATION: which formats?]\n\n## Risks\n\nNone.\n"
                   "\n## Clarifications\n\n### Session 2026-11-23\n\n"
                   "- Q: retention period? → A: 90 days\n");

  /* The same day: under the same session. */
  twice = resolve (once, "[NEEDS CLARIFICATION: which formats?]", "CSV and JSON", monday);
  g_assert_true (g_str_has_suffix (twice, "### Session 2026-11-23\n\n"
                                          "- Q: retention period? → A: 90 days\n"
                                          "- Q: which formats? → A: CSV and JSON\n"));

  /* Another day, the section in the middle: a session of its own,
   * after the first. */
  next_day = resolve ("# T\n\nAsk: [NEEDS CLARIFICATION: who owns it?]\n\n## Clarifications\n\n"
                      "### Session 2026-11-23\n\n- Q: a? → A: b\n\n## After\n\nText.\n",
                      "[NEEDS CLARIFICATION: who owns it?]", "The data team", tuesday);
  g_assert_cmpstr (next_day, ==,
                   "# T\n\nAsk: The data team\n\n## Clarifications\n\n"
                   "### Session 2026-11-23\n\n- Q: a? → A: b\n\n"
                   "### Session 2026-11-24\n\n- Q: who owns it? → A: The data team\n\n"
                   "## After\n\nText.\n");
}

static void
test_refused (void)
{
  static const char text[] = "# T\n\nA [PLACEHOLDER] and [NEEDS CLARIFICATION: q?]\n";
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  g_autoptr(GError) error = NULL;
  const char *placeholder = strstr (text, "[PLACEHOLDER]");
  const char *marker = strstr (text, "[NEEDS");

  g_assert_null (spec_clarification_resolve (snapshot, placeholder - text, 13, "x", NULL, &error));
  g_assert_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE);
  g_clear_error (&error);
  g_assert_null (spec_clarification_resolve (snapshot, marker - text, strlen (marker) - 1, "  \n", NULL, &error));
  g_assert_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_TITLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clarification/resolve", test_resolve);
  g_test_add_func ("/clarification/refused", test_refused);

  return g_test_run ();
}
