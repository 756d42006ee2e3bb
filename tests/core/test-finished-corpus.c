/* test-finished-corpus.c: finished documents are complete
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-snapshot.h"

/* tests/data/finished holds specifications and design documents with
 * nothing left to fill, full of brackets that are not slots: citations,
 * reference links, footnotes, alerts, task lists, Rust, Python, SQL and
 * TOML.  Each must be complete at 100%, with no placeholder found. */

/* What the corpus is there to exercise: each occurs in some document. */
static const char * const constructs[] = {
  "#[derive(Debug)]",        /* Rust attribute, in code */
  "[T; N]",                  /* array types */
  "Vec<[u8; 4]>",
  "[dependencies]",          /* Cargo.toml, in a toml block */
  "```toml",
  "List[str]",               /* Python type hints */
  "dict[str, int]",
  "emails[1]",               /* SQL array subscript */
  "][guide]",                /* reference-style link */
  "[guide]: https://",       /* its definition */
  "[Glossary]",              /* shortcut reference link */
  "[^survey]",               /* footnote reference */
  "[^survey]: ",             /* footnote definition */
  "![",                      /* image */
  "<https://",               /* autolink */
  "\\[--strict\\]",          /* escaped brackets */
  "> [!NOTE]",               /* GitHub alerts */
  "> [!WARNING]",
  "- [x] ",                  /* checked task items */
  "- [X] ",
  "[1]",                     /* numeric citations and a reference list */
  "[3, 4]",
  "\n[1] ",
  "| ",                      /* tables */
};

typedef struct
{
  char *path;
  char *text;
  gsize length;
} Finished;

static void
finished_free (gpointer data)
{
  Finished *finished = data;

  g_free (finished->path);
  g_free (finished->text);
  g_free (finished);
}

static int
compare_finished (gconstpointer a,
                  gconstpointer b)
{
  const Finished *fa = *(const Finished * const *) a;
  const Finished *fb = *(const Finished * const *) b;

  return strcmp (fa->path, fb->path);
}

/* The documents, sorted by name; NULL (and the test skipped) without
 * FINISHED_DIR. */
static GPtrArray *
load_finished (void)
{
  const char *dir_path = g_getenv ("FINISHED_DIR");
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (finished_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (dir_path == NULL)
    {
      g_test_skip ("FINISHED_DIR is not set");
      return NULL;
    }

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      Finished *finished;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      finished = g_new0 (Finished, 1);
      finished->path = g_build_filename (dir_path, name, NULL);
      g_file_get_contents (finished->path, &finished->text, &finished->length, &error);
      g_assert_no_error (error);
      g_clear_error (&error);
      if (finished->text == NULL)
        finished->text = g_strdup ("");
      g_ptr_array_add (documents, finished);
    }

  g_ptr_array_sort (documents, compare_finished);

  return g_steal_pointer (&documents);
}

static void
dump_report (const SpecReport *report)
{
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      g_test_message ("  %u:%u %s", item->line, item->column, item->text);
    }
  for (guint i = 0; i < report->sections->len; i++)
    {
      const SpecSectionReport *sr = &g_array_index (report->sections, SpecSectionReport, i);

      if (sr->state != SPEC_SECTION_COMPLETE)
        g_test_message ("  %s section “%s”", spec_section_state_to_string (sr->state), sr->section->title);
    }
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';

  return n;
}

static void
test_corpus_shape (void)
{
  g_autoptr(GPtrArray) documents = load_finished ();
  g_autoptr(GString) all = g_string_new (NULL);

  if (documents == NULL)
    return;

  g_assert_cmpuint (documents->len, >=, 8);

  for (guint i = 0; i < documents->len; i++)
    {
      const Finished *finished = g_ptr_array_index (documents, i);
      guint lines = count_lines (finished->text);

      g_test_message ("%s: %u lines", finished->path, lines);
      g_assert_true (g_utf8_validate (finished->text, finished->length, NULL));
      g_assert_cmpuint (lines, >=, 60);
      g_assert_cmpuint (lines, <=, 200);
      /* Finished: no comment is left for the writer. */
      g_assert_null (strstr (finished->text, "<!--"));
      g_string_append (all, finished->text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (constructs); i++)
    {
      g_test_message ("construct “%s”", constructs[i]);
      g_assert_nonnull (strstr (all->str, constructs[i]));
    }
}

static void
test_complete (void)
{
  g_autoptr(GPtrArray) documents = load_finished ();

  if (documents == NULL)
    return;

  for (guint i = 0; i < documents->len; i++)
    {
      const Finished *finished = g_ptr_array_index (documents, i);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (finished->text, finished->length);
      const SpecReport *report = spec_snapshot_get_report (snapshot);

      g_test_message ("%s: %u%%, %u/%u sections, %u placeholders, %u clarifications",
                      finished->path, report->percent, report->n_complete, report->n_counted,
                      report->n_placeholders, report->n_clarifications);
      if (!report->complete || report->items->len > 0)
        dump_report (report);

      g_assert_cmpuint (report->n_placeholders, ==, 0);
      g_assert_cmpuint (report->n_clarifications, ==, 0);
      g_assert_cmpuint (report->n_guidance, ==, 0);
      g_assert_cmpuint (report->items->len, ==, 0);
      g_assert_cmpuint (report->n_empty, ==, 0);
      g_assert_cmpuint (report->n_counted, >=, 5);
      g_assert_cmpuint (report->n_complete, ==, report->n_counted);
      g_assert_true (report->complete);
      g_assert_cmpuint (report->percent, ==, 100);

      for (guint s = 0; s < report->sections->len; s++)
        {
          const SpecSectionReport *sr = &g_array_index (report->sections, SpecSectionReport, s);

          g_assert_cmpint (sr->state, ==, SPEC_SECTION_COMPLETE);
          g_assert_cmpuint (sr->n_items, ==, 0);
          /* Every section has something of its own to say. */
          g_assert_false (sr->container);
        }
    }
}

/* The same documents with one slot put back are no longer complete: the
 * checks above can fail. */
static void
test_one_slot_back (void)
{
  g_autoptr(GPtrArray) documents = load_finished ();

  if (documents == NULL)
    return;

  for (guint i = 0; i < documents->len; i++)
    {
      const Finished *finished = g_ptr_array_index (documents, i);
      const char *after_title = strchr (finished->text, '\n');
      g_autoptr(GString) text = g_string_new (finished->text);
      g_autoptr(SpecSnapshot) snapshot = NULL;
      const SpecReport *report;
      const SpecItem *item;
      gsize at;

      g_assert_nonnull (after_title);
      if (after_title == NULL)
        continue;

      at = after_title - finished->text + 1;
      g_string_insert (text, at, "\nOwner: [TEAM_NAME]\n");
      snapshot = spec_snapshot_new (text->str, text->len);
      report = spec_snapshot_get_report (snapshot);

      g_test_message ("%s", finished->path);
      g_assert_cmpuint (report->items->len, ==, 1);
      g_assert_cmpuint (report->n_placeholders, ==, 1);
      g_assert_false (report->complete);
      g_assert_cmpuint (report->percent, <, 100);
      if (report->items->len != 1)
        continue;

      item = &g_array_index (report->items, SpecItem, 0);
      g_assert_cmpstr (item->text, ==, "[TEAM_NAME]");
      g_assert_cmpuint (item->line, ==, 3);
      g_assert_cmpuint (item->column, ==, 8);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/finished-corpus/shape", test_corpus_shape);
  g_test_add_func ("/finished-corpus/complete", test_complete);
  g_test_add_func ("/finished-corpus/one-slot-back", test_one_slot_back);

  return g_test_run ();
}
