/* test-export-names.c: what every export shares: its format from a name,
 * the title it shows and the file name it suggests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-export.h"

static void
test_format_from_name (void)
{
  SpecExportFormat format = SPEC_EXPORT_FORMAT_MARKDOWN;

  g_assert_true (spec_export_format_from_name ("html", &format));
  g_assert_cmpint (format, ==, SPEC_EXPORT_FORMAT_HTML);
  g_assert_true (spec_export_format_from_name ("PDF", &format));
  g_assert_cmpint (format, ==, SPEC_EXPORT_FORMAT_PDF);
  g_assert_true (spec_export_format_from_name ("md", &format));
  g_assert_cmpint (format, ==, SPEC_EXPORT_FORMAT_MARKDOWN);
  g_assert_false (spec_export_format_from_name ("docx", &format));
  g_assert_false (spec_export_format_from_name ("", &format));
  g_assert_false (spec_export_format_from_name (NULL, &format));
  g_assert_cmpstr (spec_export_format_get_extension (SPEC_EXPORT_FORMAT_PDF), ==, "pdf");
  g_assert_cmpstr (spec_export_format_get_extension (SPEC_EXPORT_FORMAT_MARKDOWN), ==, "md");
}

static void
test_title (void)
{
  g_autoptr(SpecSnapshot) headed = spec_snapshot_new ("Intro\n\n# Feature: *Login* [PLACEHOLDER]\n\n## Two\n", -1);
  g_autoptr(SpecSnapshot) bare = spec_snapshot_new ("Just text.\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/my.spec.md");
  g_autoptr(GFile) dotfile = g_file_new_for_path ("/tmp/.md");
  g_autofree char *from_heading = spec_export_dup_title (headed, file);
  g_autofree char *from_file = spec_export_dup_title (bare, file);
  g_autofree char *from_dotfile = spec_export_dup_title (bare, dotfile);
  g_autofree char *untitled = spec_export_dup_title (bare, NULL);

  g_assert_cmpstr (from_heading, ==, "Feature: Login");
  g_assert_cmpstr (from_file, ==, "my.spec");
  g_assert_cmpstr (from_dotfile, ==, ".md");
  g_assert_cmpstr (untitled, ==, "Untitled Document");
}

/* A suggested name never leaves the folder chosen, never hides, and is
 * never longer than file systems allow. */
static void
test_file_name (void)
{
  static const struct
  {
    const char *title;
    const char *name;
  } cases[] = {
    { "Login flow", "Login flow.pdf" },
    { "../../etc/passwd", "-..-etc-passwd.pdf" },
    { "..", "Untitled.pdf" },
    { ".hidden", "hidden.pdf" },
    { "a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j.pdf" },
    { "two\nlines\t", "two-lines-.pdf" },
    { "   ", "Untitled.pdf" },
    { "", "Untitled.pdf" },
    { NULL, "Untitled.pdf" },
  };
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *long_name = NULL;
  g_autofree char *invalid = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = spec_export_file_name (cases[i].title, SPEC_EXPORT_FORMAT_PDF);

      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_null (strchr (name, '/'));
    }

  /* 300 two-byte characters: cut on a character, under 255 bytes. */
  for (guint i = 0; i < 300; i++)
    g_string_append (long_title, "é");
  long_name = spec_export_file_name (long_title->str, SPEC_EXPORT_FORMAT_HTML);
  g_assert_true (g_utf8_validate (long_name, -1, NULL));
  g_assert_cmpuint (strlen (long_name), <=, 200 + strlen (".html"));
  g_assert_true (g_str_has_suffix (long_name, "é.html"));

  invalid = spec_export_file_name ("bad \xff byte", SPEC_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_suffix (invalid, ".md"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-from-name", test_format_from_name);
  g_test_add_func ("/export/title", test_title);
  g_test_add_func ("/export/file-name", test_file_name);

  return g_test_run ();
}
