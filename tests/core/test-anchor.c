/* test-anchor.c: GitHub-style anchors of headings
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-anchor.h"
#include "spec-snapshot.h"

static void
assert_slug (const char *title,
             const char *expected)
{
  g_autofree char *slug = spec_anchor_slugify (title);

  g_assert_cmpstr (slug, ==, expected);
}

static void
test_slugify_ascii (void)
{
  assert_slug ("Hello World", "hello-world");
  assert_slug ("API", "api");
  assert_slug ("MixedCase Title", "mixedcase-title");

  /* each space is one '-', none folded or trimmed */
  assert_slug ("a  b", "a--b");
  assert_slug (" padded ", "-padded-");

  /* punctuation goes, '-' and '_' stay, digits stay */
  assert_slug ("Error handling (v2)!", "error-handling-v2");
  assert_slug ("C++ & Rust: why?", "c--rust-why");
  assert_slug ("What's new?", "whats-new");
  assert_slug ("1.2.3 Release", "123-release");
  assert_slug ("snake_case-name", "snake_case-name");
  assert_slug ("--dashes--", "--dashes--");
  assert_slug ("a/b\\c|d", "abcd");
  assert_slug ("tab\there", "tabhere");
}

static void
test_slugify_unicode (void)
{
  assert_slug ("Überblick", "überblick");
  assert_slug ("Überblick — 日本語 ✓", "überblick--日本語-");
  assert_slug ("ÉTÉ à Paris", "été-à-paris");
  assert_slug ("Привет Мир", "привет-мир");
  /* a combining accent is a mark: kept with its letter */
  assert_slug ("Cafe\xCC\x81", "cafe\xCC\x81");
  assert_slug ("🚀 Launch", "-launch");
  assert_slug ("x² and ½", "x²-and-½");
  /* invalid UTF-8 is dropped, never copied */
  assert_slug ("ab\xff" "cd", "abcd");
}

static void
test_slugify_empty (void)
{
  assert_slug ("", "");
  assert_slug ("!!!", "");
  assert_slug ("✓", "");
}

static SpecSnapshot *
snapshot_new (const char *text)
{
  return spec_snapshot_new (text, -1);
}

static void
test_duplicates (void)
{
  g_autoptr(SpecSnapshot) snapshot =
    snapshot_new ("# Setup\n\ntext\n\n## Setup\n\n# Setup 1\n\n### SETUP\n\n# Other\n");
  g_auto(GStrv) anchors = spec_anchor_list_for_sections (spec_snapshot_get_sections (snapshot));

  /* document order; "Setup 1" collides with the second "Setup"'s anchor */
  g_assert_cmpstrv (anchors, ((const char * const[]) {
                      "setup", "setup-1", "setup-1-1", "setup-2", "other", NULL }));
}

static void
test_empty_titles (void)
{
  g_autoptr(SpecSnapshot) snapshot = snapshot_new ("#\n\n# !!\n\n# *\\**\n\n# A\n");
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  g_auto(GStrv) anchors = spec_anchor_list_for_sections (sections);

  g_assert_cmpuint (sections->len, ==, 4);
  g_assert_cmpstrv (anchors, ((const char * const[]) { "", "-1", "-2", "a", NULL }));

  /* "#" leads nowhere, even though a heading's anchor is empty */
  g_assert_null (spec_anchor_find_section (sections, ""));
  g_assert_true (spec_anchor_find_section (sections, "-1") == g_ptr_array_index (sections, 1));
}

static void
test_no_sections (void)
{
  g_autoptr(SpecSnapshot) snapshot = snapshot_new ("just text\n");
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  g_auto(GStrv) anchors = spec_anchor_list_for_sections (sections);

  g_assert_cmpuint (g_strv_length (anchors), ==, 0);
  g_assert_null (spec_anchor_find_section (sections, "just-text"));
}

static void
test_find_section (void)
{
  g_autoptr(SpecSnapshot) snapshot =
    snapshot_new ("# Intro\n\n## Setup\n\nx\n\n## Setup\n\n## Überblick\n\n```\n# Setup\n```\n");
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  const SpecSection *found;

  g_assert_cmpuint (sections->len, ==, 4);

  found = spec_anchor_find_section (sections, "setup-1");
  g_assert_nonnull (found);
  g_assert_cmpuint (found->heading_line, ==, 7);

  found = spec_anchor_find_section (sections, "setup");
  g_assert_cmpuint (found->heading_line, ==, 3);

  /* GitHub's leniency about case, and percent-encoded links */
  g_assert_true (spec_anchor_find_section (sections, "Setup") == found);
  found = spec_anchor_find_section (sections, "%C3%BCberblick");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->title, ==, "Überblick");
  g_assert_true (spec_anchor_find_section (sections, "überblick") == found);

  /* the "# Setup" in the code block is no heading: there is no setup-2 */
  g_assert_null (spec_anchor_find_section (sections, "setup-2"));
  g_assert_null (spec_anchor_find_section (sections, "nope"));
  g_assert_null (spec_anchor_find_section (sections, "%ZZ"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/slugify/ascii", test_slugify_ascii);
  g_test_add_func ("/anchor/slugify/unicode", test_slugify_unicode);
  g_test_add_func ("/anchor/slugify/empty", test_slugify_empty);
  g_test_add_func ("/anchor/duplicates", test_duplicates);
  g_test_add_func ("/anchor/empty-titles", test_empty_titles);
  g_test_add_func ("/anchor/no-sections", test_no_sections);
  g_test_add_func ("/anchor/find-section", test_find_section);

  return g_test_run ();
}
