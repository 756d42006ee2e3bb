/* test-templates.c: the built-in templates, a spec made from each, user
 * templates, and files that are not templates
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "expected-outline.h"
#include "spec-outline-edit.h"
#include "spec-report.h"
#include "spec-template-store.h"
#include "spec-template-suggest.h"

/* Each built-in template, the seed it follows, and its outline. */
static const struct
{
  const char *id;
  const char *seed;       /* the seed file's number */
  guint       n_sections;
} built_in[] = {
  { "agent-feature", "000", 35 },
  { "service-architecture", "001", 42 },
  { "product-feature", "002", 78 },
  { "user-scenarios", "003", 15 },
  { "technical-design", "004", 56 },
};

static char *
templates_dir (void)
{
  return g_strdup (g_getenv (SPEC_TEMPLATES_DIR_ENV));
}

static char *
seed_text (const char *number)
{
  g_autoptr(GPtrArray) seeds = expected_outline_load_seeds ();
  char *text = NULL;

  for (guint i = 0; seeds != NULL && i < seeds->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (seeds, i));

      if (g_str_has_prefix (base, number))
        g_assert_true (g_file_get_contents (g_ptr_array_index (seeds, i), &text, NULL, NULL));
    }

  return text;
}

/* Every slot given something, every clarification answered, every
 * guidance comment removed, every box ticked. */
static char *
fill_everything (const char   *text,
                 SpecSnapshot *template_snapshot)
{
  /* Read against the template, which knows the slots in its code. */
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (text, -1, template_snapshot);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  g_autoptr(GString) filled = g_string_new (text);

  for (guint i = report->items->len; i > 0; i--)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i - 1);

      g_string_erase (filled, item->offset, item->length);
      g_string_insert (filled, item->offset, item->kind == SPEC_ITEM_GUIDANCE ? "" : "filled in");
    }
  g_string_replace (filled, "- [ ]", "- [x]", 0);

  return g_string_free (g_steal_pointer (&filled), FALSE);
}

static void
test_built_in (void)
{
  g_autofree char *dir = templates_dir ();
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (dir, "/nonexistent/user/templates");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, &problems);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 22, 10, 0, 0);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (built_in));

  for (guint i = 0; i < G_N_ELEMENTS (built_in); i++)
    {
      SpecTemplate *template_ = spec_templates_find (templates, built_in[i].id);
      g_autofree char *text = NULL;
      g_autofree char *filled = NULL;
      g_autofree char *seed = NULL;
      g_autoptr(SpecSnapshot) created = NULL;
      g_autoptr(SpecSnapshot) done = NULL;
      g_auto(GStrv) required = NULL;
      GPtrArray *sections;

      g_test_message ("%s: %u sections, %u slots", built_in[i].id,
                      template_ != NULL ? spec_template_get_n_sections (template_) : 0,
                      template_ != NULL ? spec_template_get_n_slots (template_) : 0);
      g_assert_nonnull (template_);
      g_assert_true (spec_template_is_built_in (template_));
      g_assert_cmpstr (spec_template_get_name (template_), !=, "");
      g_assert_cmpstr (spec_template_get_description (template_), !=, "");
      g_assert_cmpuint (spec_template_get_version (template_), ==, 1);
      g_assert_cmpuint (spec_template_get_n_sections (template_), ==, built_in[i].n_sections);
      g_assert_cmpuint (spec_template_get_n_slots (template_), >, 10);

      /* The front matter's required sections are the template's. */
      required = spec_template_dup_required (template_);
      g_assert_cmpuint (g_strv_length (required), >, 0);
      sections = spec_snapshot_get_sections (spec_template_get_snapshot (template_));
      for (guint r = 0; required[r] != NULL; r++)
        {
          gboolean there = FALSE;

          for (guint s = 0; s < sections->len && !there; s++)
            there = g_str_has_prefix (((SpecSection *) g_ptr_array_index (sections, s))->title, required[r]);
          if (!there)
            g_error ("%s: required section “%s” is not a heading", built_in[i].id, required[r]);
        }

      /* A spec made from it: titled, dated, a draft, nothing missing. */
      text = spec_template_instantiate (template_, "Offline Mode", "Ada Lovelace", date);
      g_assert_nonnull (strstr (text, "Offline Mode"));
      created = spec_snapshot_new_for_template (text, -1, spec_template_get_snapshot (template_));
      g_assert_cmpuint (spec_snapshot_get_report (created)->missing->len, ==, 0);
      {
        g_autoptr(SpecSnapshot) alone = spec_snapshot_new (text, -1);

        g_assert_cmpuint (spec_snapshot_get_report (alone)->n_placeholders, <,
                          spec_snapshot_get_report (spec_template_get_snapshot (template_))->n_placeholders);
      }

      /* Every slot filled: complete. */
      filled = fill_everything (text, spec_template_get_snapshot (template_));
      done = spec_snapshot_new_for_template (filled, -1, spec_template_get_snapshot (template_));
      g_assert_cmpfloat (spec_snapshot_get_report (done)->percent, ==, 100.0);

      /* A spec written with the seed matches the template, section for
       * section. */
      seed = seed_text (built_in[i].seed);
      if (seed != NULL)
        {
          g_autoptr(SpecSnapshot) written = spec_snapshot_new_for_template (seed, -1,
                                                                            spec_template_get_snapshot (template_));

          g_assert_cmpuint (spec_snapshot_get_report (written)->missing->len, ==, 0);
          g_assert_cmpuint (spec_snapshot_get_sections (written)->len, ==, built_in[i].n_sections);
        }
    }
}

static void
test_instantiate (void)
{
  static const char text[] =
    "---\nid: small\nname: Small\n---\n\n"
    "# Feature Specification: [FEATURE_NAME]\n\n"
    "**Created**: [DATE]  \n**Author:** [AUTHOR_NAME]  \n**Status:** [Draft / Review / Approved]\n\n"
    "## Goals\n\nBy [YYYY-MM-DD], [Your Name] ships [Name].\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecTemplate) template_ = spec_template_new_from_text (text, strlen (text), NULL, &error);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 22, 10, 0, 0);
  g_autofree char *spec = NULL;

  g_assert_no_error (error);
  spec = spec_template_instantiate (template_, "Offline Mode", "Ada Lovelace", date);
  g_assert_cmpstr (spec, ==,
                   "# Feature Specification: Offline Mode\n\n"
                   "**Created**: 2026-11-22  \n**Author:** Ada Lovelace  \n**Status:** Draft\n\n"
                   "## Goals\n\nBy 2026-11-22, Ada Lovelace ships [Name].\n");
}

/* Each seed, imported as a user template, makes specs with its outline. */
static void
test_seeds_as_user_templates (void)
{
  g_autoptr(GPtrArray) seeds = expected_outline_load_seeds ();
  g_autofree char *user = g_dir_make_tmp ("specwright-templates-XXXXXX", NULL);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new ("/nonexistent", user);
  g_autoptr(GPtrArray) templates = NULL;

  if (seeds == NULL)
    {
      g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");
      return;
    }

  for (guint i = 0; i < seeds->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (seeds, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(SpecTemplate) imported = spec_template_store_import (store, file, &error);
      g_autofree char *seed = NULL;
      g_autofree char *spec = NULL;
      g_autoptr(SpecSnapshot) seed_snapshot = NULL;
      g_autoptr(SpecSnapshot) spec_snapshot = NULL;
      GPtrArray *want, *got;

      g_assert_no_error (error);
      g_assert_false (spec_template_is_built_in (imported));
      g_assert_true (g_file_get_contents (g_ptr_array_index (seeds, i), &seed, NULL, NULL));
      spec = spec_template_instantiate (imported, NULL, NULL, NULL);
      seed_snapshot = spec_snapshot_new (seed, -1);
      spec_snapshot = spec_snapshot_new (spec, -1);
      want = spec_snapshot_get_sections (seed_snapshot);
      got = spec_snapshot_get_sections (spec_snapshot);
      g_assert_cmpuint (got->len, ==, want->len);
      for (guint s = 0; s < want->len; s++)
        {
          SpecSection *a = g_ptr_array_index (want, s);
          SpecSection *b = g_ptr_array_index (got, s);

          g_assert_cmpuint (a->level, ==, b->level);
          g_assert_cmpstr (a->title, ==, b->title);
        }
    }

  /* Seeds 000 and 001 share their first heading: the second is numbered. */
  templates = spec_template_store_load (store, NULL);
  g_assert_cmpuint (templates->len, ==, seeds->len);
  g_assert_nonnull (spec_templates_find (templates, "user-feature-specification"));
  g_assert_nonnull (spec_templates_find (templates, "user-feature-specification-2"));

  for (guint i = 0; i < templates->len; i++)
    g_assert_true (spec_template_store_delete (store, g_ptr_array_index (templates, i), NULL));
  g_rmdir (user);
}

static void
check_refused (const char *name,
               const char *contents,
               gssize      length,
               int         code,
               const char *message_part)
{
  g_autofree char *dir = g_dir_make_tmp ("specwright-bad-template-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpecTemplate) template_ = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  template_ = spec_template_load (file, FALSE, &error);
  g_assert_null (template_);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, SPEC_TEMPLATE_ERROR, code);
  /* The message names the file, and says what is wrong. */
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_templates (void)
{
  check_refused ("empty.md", "", 0, -1, "empty");
  check_refused ("blank.md", "\n\n  \n", -1, SPEC_TEMPLATE_ERROR_EMPTY, "empty");
  check_refused ("latin1.md", "# Caf\xe9\n", -1, -1, "UTF-8");
  check_refused ("plain.md", "Just a paragraph, no heading.\n", -1, SPEC_TEMPLATE_ERROR_NO_HEADINGS, "no headings");
  check_refused ("open.md", "---\nid: open\n# Title\n", -1, SPEC_TEMPLATE_ERROR_FRONT_MATTER, "no closing");
  check_refused ("line.md", "---\nid: x\nthis is not a pair\n---\n# T\n", -1, SPEC_TEMPLATE_ERROR_FRONT_MATTER,
                 "line 3");
  check_refused ("version.md", "---\nversion: two\n---\n# T\n", -1, SPEC_TEMPLATE_ERROR_FRONT_MATTER, "version");
  check_refused ("id.md", "---\nid: ../../etc\n---\n# T\n", -1, SPEC_TEMPLATE_ERROR_FRONT_MATTER, "id");
  check_refused ("only-front.md", "---\nid: x\n---\n", -1, SPEC_TEMPLATE_ERROR_EMPTY, "empty");
  /* A misspelt required section would never be flagged. */
  check_refused ("required.md", "---\nid: x\nrequired: Overview; Scpoe\n---\n# Overview\n\n# Scope\n", -1,
                 SPEC_TEMPLATE_ERROR_FRONT_MATTER, "“Scpoe” is not one of its headings");
  check_refused ("optional.md", "---\nid: x\n\noptional: Later\n---\n# Overview\n", -1,
                 SPEC_TEMPLATE_ERROR_FRONT_MATTER, "line 4");
}

static void
test_user_templates (void)
{
  g_autofree char *user = g_dir_make_tmp ("specwright-templates-XXXXXX", NULL);
  g_autofree char *built = templates_dir ();
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (built, user);
  g_autoptr(SpecTemplate) saved = NULL;
  g_autoptr(SpecTemplate) renamed = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const bad_names[] = { "", "  ", "a/b", "../escape", "..", ".hidden", "back\\slash", "two\nlines" };
  static const char body[] = "# Release Note: [VERSION]\n\n## Changes\n\n- [CHANGE]\n";

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_null (spec_template_store_save (store, bad_names[i], body, &error));
      g_assert_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME);
      g_clear_error (&error);
    }
  /* Nothing was written anywhere. */
  {
    g_autoptr(GDir) dir = g_dir_open (user, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }

  saved = spec_template_store_save (store, "Release Note", body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spec_template_get_name (saved), ==, "Release Note");
  g_assert_cmpstr (spec_template_get_id (saved), ==, "user-release-note");
  g_assert_null (spec_template_store_save (store, "Release Note", body, &error));
  g_assert_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (spec_template_store_save (store, "Nothing", "no heading\n", &error));
  g_assert_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NO_HEADINGS);
  g_clear_error (&error);

  renamed = spec_template_store_rename (store, saved, "Release Notes", &error);
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (spec_template_get_file (saved), NULL));
  g_assert_null (spec_template_store_rename (store, renamed, "../x", &error));
  g_assert_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME);
  g_clear_error (&error);

  templates = spec_template_store_load (store, NULL);
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (built_in) + 1);
  /* Built-in ones come first, and cannot be renamed or deleted. */
  g_assert_true (spec_template_is_built_in (g_ptr_array_index (templates, 0)));
  g_assert_null (spec_template_store_rename (store, g_ptr_array_index (templates, 0), "Mine", &error));
  g_assert_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_BUILT_IN);
  g_clear_error (&error);
  g_assert_false (spec_template_store_delete (store, g_ptr_array_index (templates, 0), &error));
  g_assert_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_BUILT_IN);
  g_clear_error (&error);

  g_assert_true (spec_template_store_delete (store, renamed, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (spec_template_get_file (renamed), NULL));
  g_rmdir (user);
}

static char *
delete_section (const char *text,
                const char *title_prefix)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  for (guint i = 0; i < sections->len; i++)
    if (g_str_has_prefix (((SpecSection *) g_ptr_array_index (sections, i))->title, title_prefix))
      {
        g_autoptr(GPtrArray) edits = spec_outline_edit_delete (snapshot, i);

        return spec_text_edits_apply (text, strlen (text), edits, NULL, NULL);
      }

  g_error ("no section “%s”", title_prefix);
}

/* A document missing three sections, one of them mandatory: reported,
 * then put back in the template's order, with the template's text; one
 * undo restores the bytes. */
static void
test_insert_missing (void)
{
  g_autofree char *dir = templates_dir ();
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (dir, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecTemplate *scenarios = spec_templates_find (templates, "user-scenarios");
  SpecSnapshot *template_snapshot = spec_template_get_snapshot (scenarios);
  g_autofree char *full = spec_template_instantiate (scenarios, "Offline Mode", NULL, NULL);
  g_autofree char *less1 = delete_section (full, "Edge Cases");
  g_autofree char *less2 = delete_section (less1, "Key Entities");
  g_autofree char *partial = delete_section (less2, "Success Criteria");
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (partial, -1, template_snapshot);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GPtrArray) inverse = NULL;
  g_autoptr(SpecSnapshot) repaired = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *undone = NULL;
  GPtrArray *want, *got;
  gsize len;

  /* Success Criteria comes with its subsection: four missing. */
  g_assert_cmpuint (report->missing->len, ==, 4);
  g_assert_cmpstr (g_array_index (report->missing, SpecMissingSection, 0).title, ==, "Edge Cases");
  g_assert_false (g_array_index (report->missing, SpecMissingSection, 0).required);
  g_assert_cmpstr (g_array_index (report->missing, SpecMissingSection, 2).title, ==, "Success Criteria");
  g_assert_true (g_array_index (report->missing, SpecMissingSection, 2).required);

  edits = spec_outline_edit_insert_missing (snapshot, NULL, template_snapshot);
  fixed = spec_text_edits_apply (partial, strlen (partial), edits, &len, &inverse);
  repaired = spec_snapshot_new_for_template (fixed, len, template_snapshot);
  g_assert_cmpuint (spec_snapshot_get_report (repaired)->missing->len, ==, 0);

  /* The template's outline, in its order, and its text for them. */
  want = spec_snapshot_get_sections (template_snapshot);
  got = spec_snapshot_get_sections (repaired);
  g_assert_cmpuint (got->len, ==, want->len);
  /* (but for the title, filled in) */
  for (guint i = 1; i < want->len; i++)
    g_assert_cmpstr (((SpecSection *) g_ptr_array_index (got, i))->title, ==,
                     ((SpecSection *) g_ptr_array_index (want, i))->title);
  g_assert_cmpstr (fixed, ==, full);

  undone = spec_text_edits_apply (fixed, len, inverse, NULL, NULL);
  g_assert_cmpstr (undone, ==, partial);
}

static const SpecMissingSection *
find_missing (const SpecReport *report,
              const char       *title)
{
  for (guint i = 0; i < report->missing->len; i++)
    if (g_str_equal (g_array_index (report->missing, SpecMissingSection, i).title, title))
      return &g_array_index (report->missing, SpecMissingSection, i);

  return NULL;
}

/* The front matter's "required" list flags a missing section as required
 * though the template does not mark it "(mandatory)"; an optional one is
 * not flagged. */
static void
test_required_listed (void)
{
  g_autofree char *dir = templates_dir ();
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (dir, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecTemplate *product = spec_templates_find (templates, "product-feature");
  SpecSnapshot *template_snapshot = spec_template_get_snapshot (product);
  g_autofree char *full = spec_template_instantiate (product, "Offline Mode", NULL, NULL);
  g_autofree char *less1 = delete_section (full, "Acceptance Criteria");
  g_autofree char *partial = delete_section (less1, "Timeline");
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (partial, -1, template_snapshot);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const SpecMissingSection *acceptance = find_missing (report, "Acceptance Criteria");
  const SpecMissingSection *timeline = find_missing (report, "Timeline");

  g_assert (acceptance != NULL && timeline != NULL);
  g_assert_true (acceptance->required);
  g_assert_false (timeline->required);
  /* The template itself does not say "(mandatory)" there. */
  g_assert_null (strstr (full, "Acceptance Criteria *(mandatory)*"));
}

/* Check Against Template: a spec written from one template, checked
 * against another, from the parse it already has: present, missing and
 * extra sections, the same report a fresh parse against it gives; its
 * missing sections inserted, nothing is missing any more. */
static void
test_check_against (void)
{
  g_autofree char *dir = templates_dir ();
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (dir, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  SpecTemplate *scenarios = spec_templates_find (templates, "user-scenarios");
  SpecTemplate *product = spec_templates_find (templates, "product-feature");
  SpecSnapshot *product_snapshot = spec_template_get_snapshot (product);
  g_autofree char *text = spec_template_instantiate (scenarios, "Offline Mode", NULL, NULL);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (text, -1, spec_template_get_snapshot (scenarios));
  g_autoptr(SpecSnapshot) fresh = spec_snapshot_new_for_template (text, -1, product_snapshot);
  g_autoptr(SpecReport) report = spec_snapshot_check_against (snapshot, product_snapshot);
  const SpecReport *expected = spec_snapshot_get_report (fresh);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(SpecSnapshot) repaired = NULL;
  g_autofree char *fixed = NULL;
  guint present = 0, extra = 0, required = 0;
  gsize len;

  /* Its own template: everything there, nothing extra. */
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpint (g_array_index (spec_snapshot_get_report (snapshot)->sections, SpecSectionReport, i).template_section,
                     >=, 0);

  g_assert_true (report->against_template);
  g_assert_cmpuint (report->missing->len, ==, expected->missing->len);
  g_assert_cmpuint (report->percent, ==, expected->percent);
  for (guint i = 0; i < report->missing->len; i++)
    {
      const SpecMissingSection *a = &g_array_index (report->missing, SpecMissingSection, i);
      const SpecMissingSection *b = &g_array_index (expected->missing, SpecMissingSection, i);

      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->required, ==, b->required);
      required += a->required;
    }
  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSectionReport *section = &g_array_index (report->sections, SpecSectionReport, i);

      g_assert_cmpint (section->template_section, ==,
                       g_array_index (expected->sections, SpecSectionReport, i).template_section);
      if (section->template_section >= 0)
        present++;
      else
        extra++;
    }
  g_test_message ("user-scenarios against product-feature: %u present, %u missing (%u required), %u extra",
                  present, report->missing->len, required, extra);
  /* "Requirements" and the title are in both; most is not. */
  g_assert_cmpuint (present, >=, 2);
  g_assert_cmpuint (extra, >, 5);
  g_assert_cmpuint (report->missing->len, >, 50);
  g_assert_cmpuint (required, >=, 5);

  edits = spec_outline_edit_insert_missing (snapshot, report, product_snapshot);
  fixed = spec_text_edits_apply (text, strlen (text), edits, &len, NULL);
  repaired = spec_snapshot_new_for_template (fixed, len, product_snapshot);
  g_assert_cmpuint (spec_snapshot_get_report (repaired)->missing->len, ==, 0);
}

/* A file opened from disk: the template its headings follow is
 * suggested, even half written; nothing for a document that follows
 * none. */
static void
test_suggest (void)
{
  g_autofree char *dir = templates_dir ();
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (dir, "/nonexistent");
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, NULL);
  g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *spec_path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *corpus = NULL;
  static const char * const unrelated[] = {
    "# Shopping\n\n- eggs\n- milk\n",
    "# Overview\n\nA note.\n\n## Testing\n\nBy hand.\n\n## Notes\n\nNone.\n",
    "No headings at all.\n",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (built_in); i++)
    {
      g_autofree char *seed = seed_text (built_in[i].seed);
      g_autoptr(SpecSnapshot) snapshot = NULL;
      g_autoptr(GString) half = NULL;
      g_autoptr(SpecSnapshot) half_snapshot = NULL;
      SpecTemplate *suggested;
      double overlap;

      if (seed == NULL)
        {
          g_test_skip ("no seeds beside the source");
          return;
        }

      snapshot = spec_snapshot_new (seed, -1);
      suggested = spec_template_suggest (templates, snapshot, &overlap);
      g_test_message ("seed %s: %s, overlap %.2f", built_in[i].seed,
                      suggested != NULL ? spec_template_get_id (suggested) : "none", overlap);
      g_assert_nonnull (suggested);
      g_assert_cmpstr (spec_template_get_id (suggested), ==, built_in[i].id);

      /* The first half of it, as a spec being written. */
      half = g_string_new_len (seed, strlen (seed) / 2);
      while (half->len > 0 && half->str[half->len - 1] != '\n')
        g_string_truncate (half, half->len - 1);
      half_snapshot = spec_snapshot_new (half->str, half->len);
      suggested = spec_template_suggest (templates, half_snapshot, &overlap);
      g_test_message ("half of seed %s: %s, overlap %.2f", built_in[i].seed,
                      suggested != NULL ? spec_template_get_id (suggested) : "none", overlap);
      g_assert_nonnull (suggested);
      g_assert_cmpstr (spec_template_get_id (suggested), ==, built_in[i].id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (unrelated[i], -1);
      double overlap = -1;

      g_assert_null (spec_template_suggest (templates, snapshot, &overlap));
      g_assert_cmpfloat (overlap, ==, 0);
    }

  /* Long documents that are not specs: this project's README, and the
   * CommonMark spec's examples. */
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  {
    g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (readme, -1);
    double overlap;

    g_assert_null (spec_template_suggest (templates, snapshot, &overlap));
  }
  if (g_getenv ("SPEC_CORPUS_DIR") != NULL)
    spec_path = g_build_filename (g_getenv ("SPEC_CORPUS_DIR"), "commonmark-spec.txt", NULL);
  if (spec_path != NULL && g_file_get_contents (spec_path, &corpus, NULL, NULL))
    {
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (corpus, -1);
      double overlap;

      g_assert_null (spec_template_suggest (templates, snapshot, &overlap));
    }
}

/* Templates are read once and kept: asked again, the same objects; a
 * file another program adds, changes or removes is seen at once. */
static void
test_store_keeps (void)
{
  g_autofree char *user = g_dir_make_tmp ("specwright-templates-XXXXXX", NULL);
  g_autofree char *built = templates_dir ();
  g_autofree char *path = g_build_filename (user, "Notes.md", NULL);
  g_autoptr(SpecTemplateStore) store = spec_template_store_new (built, user);
  g_autoptr(GPtrArray) first = spec_template_store_load (store, NULL);
  g_autoptr(GPtrArray) again = spec_template_store_load (store, NULL);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) removed = NULL;

  g_assert_cmpuint (again->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (g_ptr_array_index (again, i) == g_ptr_array_index (first, i));

  g_assert_true (g_file_set_contents (path, "# Notes\n\n## One\n", -1, NULL));
  added = spec_template_store_load (store, NULL);
  g_assert_cmpuint (added->len, ==, first->len + 1);
  g_assert_cmpuint (spec_template_get_n_sections (spec_templates_find (added, "notes")), ==, 2);

  /* Edited in place, the same size: its time tells. */
  g_usleep (10000);
  g_assert_true (g_file_set_contents (path, "# Notes\n\n## Two\n", -1, NULL));
  changed = spec_template_store_load (store, NULL);
  g_assert_cmpstr (((SpecSection *) g_ptr_array_index (spec_snapshot_get_sections (
                     spec_template_get_snapshot (spec_templates_find (changed, "notes"))), 1))->title, ==, "Two");

  g_unlink (path);
  removed = spec_template_store_load (store, NULL);
  g_assert_cmpuint (removed->len, ==, first->len);
  g_rmdir (user);
}

/* The name comes from the first heading, its slots and trailing
 * punctuation left out, by whole characters: a name ending in "搓"
 * (e6 80 93, whose last byte "–" ends with too) kept its last byte
 * only until fuzz-template found it. */
static void
test_name_from_heading (void)
{
  static const struct { const char *heading; const char *name; } cases[] = {
    { "# Feature Specification: [FEATURE_NAME]\n", "Feature Specification" },
    { "# Release Note —\n", "Release Note" },
    { "# Plan – [X] |\n", "Plan" },
    { "# Notes 搓\n", "Notes 搓" },
    { "# 搓 –\n", "搓" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat (cases[i].heading, "\n## Part\n\n[Text]\n", NULL);
      g_autoptr(SpecTemplate) template_ = spec_template_new_from_text (text, strlen (text), "named", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (spec_template_get_name (template_), ==, cases[i].name);
      g_assert_true (g_utf8_validate (spec_template_get_name (template_), -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/built-in", test_built_in);
  g_test_add_func ("/templates/name-from-heading", test_name_from_heading);
  g_test_add_func ("/templates/instantiate", test_instantiate);
  g_test_add_func ("/templates/seeds-as-user-templates", test_seeds_as_user_templates);
  g_test_add_func ("/templates/bad", test_bad_templates);
  g_test_add_func ("/templates/user", test_user_templates);
  g_test_add_func ("/templates/insert-missing", test_insert_missing);
  g_test_add_func ("/templates/required-listed", test_required_listed);
  g_test_add_func ("/templates/check-against", test_check_against);
  g_test_add_func ("/templates/suggest", test_suggest);
  g_test_add_func ("/templates/store-keeps", test_store_keeps);

  return g_test_run ();
}
