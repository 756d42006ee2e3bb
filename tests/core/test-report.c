/* test-report.c: the completeness report, rule by rule
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "expected-outline.h"
#include "spec-report-words.h"
#include "spec-snapshot.h"
#include "spec-title-match.h"

/* Each test is a small document and what the report must say about it:
 * every item's kind, text, line, column and section, and the counts.  The
 * expected columns are checked against the document itself (the text at
 * that line and column must be the item's text), so a wrong expectation
 * fails loudly instead of pinning a wrong column. */

#define PH SPEC_ITEM_PLACEHOLDER
#define CL SPEC_ITEM_CLARIFICATION
#define GU SPEC_ITEM_GUIDANCE

typedef struct
{
  SpecItemKind  kind;
  const char   *text;      /* the item's text: the slot, or a comment's first line */
  guint         line;
  guint         column;
  const char   *section;   /* its section's title; NULL before the first heading */
  const char   *question;  /* clarifications only */
} Want;

static const char *
kind_name (SpecItemKind kind)
{
  switch (kind)
    {
    case SPEC_ITEM_PLACEHOLDER:
      return "placeholder";
    case SPEC_ITEM_CLARIFICATION:
      return "clarification";
    case SPEC_ITEM_GUIDANCE:
      return "guidance";
    default:
      return "unknown";
    }
}

static const char *
state_name (SpecSectionState state)
{
  return spec_section_state_to_string (state);
}

/* Where line @line starts, counted here rather than by the line index
 * under test: "\n", "\r\n" and a lone "\r" each end a line. */
static gsize
line_offset (const char *text,
             guint       line)
{
  gsize i = 0;

  for (guint l = 1; l < line && text[i] != '\0'; i++)
    {
      if (text[i] == '\r' && text[i + 1] == '\n')
        i++;
      if (text[i] == '\n' || text[i] == '\r')
        l++;
    }

  return i;
}

static void
dump_items (const SpecReport *report)
{
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      g_test_message ("  item %u: %s %u:%u “%s” in “%s”", i, kind_name (item->kind),
                      item->line, item->column, item->text,
                      item->section ? item->section->title : "(preamble)");
    }
}

static void
assert_items_impl (SpecSnapshot *snapshot,
                   const Want   *want,
                   guint         n_want)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const char *text = spec_snapshot_get_text (snapshot, NULL);

  if (report->items->len != n_want)
    dump_items (report);
  g_assert_cmpuint (report->items->len, ==, n_want);

  for (guint i = 0; i < MIN (n_want, report->items->len); i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);
      gsize at = line_offset (text, want[i].line) + want[i].column - 1;

      g_test_message ("checking item %u: %s", i, want[i].text);
      g_assert_cmpstr (kind_name (item->kind), ==, kind_name (want[i].kind));
      g_assert_cmpstr (item->text, ==, want[i].text);
      g_assert_cmpuint (item->line, ==, want[i].line);
      g_assert_cmpuint (item->column, ==, want[i].column);
      g_assert_cmpuint (item->offset, ==, at);

      /* The expectation itself: the slot is where the test says. */
      if (want[i].kind == SPEC_ITEM_GUIDANCE)
        {
          g_assert_true (strncmp (text + at, "<!--", 4) == 0);
        }
      else
        {
          g_assert_true (strncmp (text + at, want[i].text, strlen (want[i].text)) == 0);
          g_assert_cmpuint (item->length, ==, strlen (want[i].text));
        }

      if (want[i].section == NULL)
        {
          g_assert_null (item->section);
        }
      else
        {
          g_assert_nonnull (item->section);
          if (item->section != NULL)
            g_assert_cmpstr (item->section->title, ==, want[i].section);
        }

      if (want[i].kind == SPEC_ITEM_CLARIFICATION)
        g_assert_cmpstr (item->question, ==, want[i].question);
      else
        g_assert_null (item->question);
    }
}

#define assert_items(snapshot, ...) \
  G_STMT_START { \
    static const Want want_[] = { __VA_ARGS__ }; \
    assert_items_impl ((snapshot), want_, G_N_ELEMENTS (want_)); \
  } G_STMT_END

static void
assert_no_items (SpecSnapshot *snapshot)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  if (report->items->len != 0)
    dump_items (report);
  g_assert_cmpuint (report->items->len, ==, 0);
  g_assert_cmpuint (report->n_placeholders, ==, 0);
  g_assert_cmpuint (report->n_clarifications, ==, 0);
  g_assert_cmpuint (report->n_guidance, ==, 0);
}

static SpecSnapshot *
parse (const char *text)
{
  return spec_snapshot_new (text, -1);
}

static const SpecSection *
find_section (SpecSnapshot *snapshot,
              const char   *title)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);

      if (g_strcmp0 (section->title, title) == 0)
        return section;
    }

  g_test_message ("no section “%s”", title);
  g_test_fail ();

  return NULL;
}

static const SpecSectionReport *
section_report (SpecSnapshot *snapshot,
                const char   *title)
{
  const SpecSection *section = find_section (snapshot, title);

  if (section == NULL)
    return NULL;

  return spec_report_get_section (spec_snapshot_get_report (snapshot), section);
}

/* A section's state and whether it is a container and counted. */
static void
assert_section (SpecSnapshot     *snapshot,
                const char       *title,
                SpecSectionState  state,
                gboolean          container,
                gboolean          counted)
{
  const SpecSectionReport *sr = section_report (snapshot, title);

  g_test_message ("section “%s”", title);
  g_assert_nonnull (sr);
  if (sr == NULL)
    return;

  g_assert_cmpstr (state_name (sr->state), ==, state_name (state));
  g_assert_cmpint (sr->container, ==, container);
  g_assert_cmpint (sr->counted, ==, counted);
}

static guint
count_items (const SpecReport *report,
             SpecItemKind      kind)
{
  guint n = 0;

  for (guint i = 0; i < report->items->len; i++)
    n += g_array_index (report->items, SpecItem, i).kind == kind;

  return n;
}

/* ------------------------------------------------------------------ */
/* Placeholders                                                       */
/* ------------------------------------------------------------------ */

static void
test_placeholder_prose (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Spec\n"
    "\n"
    "**Date:** [YYYY-MM-DD]\n"
    "**Status:** [Draft / Review / Approved / Implemented]\n"
    "\n"
    "[2-3 sentences describing the problem]\n"
    "\n"
    "Under [X]ms for [FEATURE_NAME].\n"
    "\n"
    "Nothing to fill in this paragraph.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const SpecSectionReport *sr;

  assert_items (snapshot,
                { PH, "[YYYY-MM-DD]", 3, 11, "Spec" },
                { PH, "[Draft / Review / Approved / Implemented]", 4, 13, "Spec" },
                { PH, "[2-3 sentences describing the problem]", 6, 1, "Spec" },
                { PH, "[X]", 8, 7, "Spec" },
                { PH, "[FEATURE_NAME]", 8, 17, "Spec" });

  g_assert_cmpuint (report->n_placeholders, ==, 5);
  g_assert_cmpuint (report->n_clarifications, ==, 0);

  sr = section_report (snapshot, "Spec");
  g_assert_nonnull (sr);
  if (sr != NULL)
    {
      g_assert_cmpuint (sr->n_placeholders, ==, 5);
      g_assert_cmpuint (sr->n_items, ==, 5);
      g_assert_cmpuint (sr->first_item, ==, 0);
      g_assert_cmpuint (spec_report_count_unfilled (sr), ==, 5);
      g_assert_cmpint (sr->state, ==, SPEC_SECTION_INCOMPLETE);
    }
}

/* A slot with nothing after it, at the very end of the text. */
static void
test_placeholder_at_end (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse ("# End\n\nOwner: [Name]");

  assert_items (snapshot, { PH, "[Name]", 3, 8, "End" });
}

static void
test_placeholder_headings (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Feature Specification: [FEATURE_NAME]\n"
    "\n"
    "Intro.\n"
    "\n"
    "## User Story 1 - [Brief Title] (Priority: P1)\n"
    "\n"
    "Text.\n"
    "\n"
    "[Setext Title]\n"
    "--------------\n"
    "\n"
    "Text.\n");

  assert_items (snapshot,
                { PH, "[FEATURE_NAME]", 1, 26, "Feature Specification: [FEATURE_NAME]" },
                { PH, "[Brief Title]", 5, 19, "User Story 1 - [Brief Title] (Priority: P1)" },
                { PH, "[Setext Title]", 9, 1, "[Setext Title]" });

  /* A slot in the heading leaves the section incomplete, content or not. */
  assert_section (snapshot, "Feature Specification: [FEATURE_NAME]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  assert_section (snapshot, "User Story 1 - [Brief Title] (Priority: P1)", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  assert_section (snapshot, "[Setext Title]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
}

static void
test_placeholder_table_cells (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Risks\n"
    "\n"
    "| Risk | Owner | Mitigation |\n"
    "|------|-------|------------|\n"
    "| [Risk] | [Name] | [Strategy] |\n"
    "| Outage | `[owner_handle]` | Retry x[0] times |\n"
    "| \\[esc\\] | [ ] | [link](https://example.com) |\n");

  assert_items (snapshot,
                { PH, "[Risk]", 5, 3, "Risks" },
                { PH, "[Name]", 5, 12, "Risks" },
                { PH, "[Strategy]", 5, 21, "Risks" },
                { PH, "[owner_handle]", 6, 13, "Risks" });
}

static void
test_placeholder_list_items (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Acceptance\n"
    "\n"
    "- [ ] [Specific, testable criterion]\n"
    "- [x] [Verified criterion]\n"
    "\n"
    "1. [Scenario]\n"
    "2. **Given** [initial state], **When** [action]\n"
    "\n"
    "* **Owner:** [Name]\n"
    "  - nested [Deep slot]\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  /* The slot, not the box. */
  assert_items (snapshot,
                { PH, "[Specific, testable criterion]", 3, 7, "Acceptance" },
                { PH, "[Verified criterion]", 4, 7, "Acceptance" },
                { PH, "[Scenario]", 6, 4, "Acceptance" },
                { PH, "[initial state]", 7, 14, "Acceptance" },
                { PH, "[action]", 7, 40, "Acceptance" },
                { PH, "[Name]", 9, 14, "Acceptance" },
                { PH, "[Deep slot]", 10, 12, "Acceptance" });

  g_assert_cmpuint (report->checklist_total, ==, 2);
  g_assert_cmpuint (report->checklist_done, ==, 1);
}

/* "- [Key]: [Value]" is how templates list dependencies and issues; it is
 * not a link reference definition (cmark-gfm renders it as text: a
 * destination cannot contain a space), and a definition cannot interrupt
 * a paragraph either.  Both slots of each line are to be filled. */
static void
test_placeholder_key_value (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Dependencies\n"
    "\n"
    "- [npm package]: [Version, purpose]\n"
    "- [Feature/module]: [Why required]\n"
    "\n"
    "Glossary\n"
    "[Term]: [Definition]\n"
    "\n"
    "[Real]: https://example.com/real\n"
    "\n"
    "See [Real].\n");

  assert_items (snapshot,
                { PH, "[npm package]", 3, 3, "Dependencies" },
                { PH, "[Version, purpose]", 3, 18, "Dependencies" },
                { PH, "[Feature/module]", 4, 3, "Dependencies" },
                { PH, "[Why required]", 4, 21, "Dependencies" },
                { PH, "[Term]", 7, 1, "Dependencies" },
                { PH, "[Definition]", 7, 9, "Dependencies" });
  assert_section (snapshot, "Dependencies", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
}

static void
test_placeholder_nested (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Nested\n"
    "\n"
    "[Describe, e.g. \"[x] and [y]\"] here.\n"
    "\n"
    "Outer [a [b [c]] d] end.\n"
    "\n"
    "[Describe how: \"Can be tested by [action] and delivers [value]\"]\n");

  assert_items (snapshot,
                { PH, "[Describe, e.g. \"[x] and [y]\"]", 3, 1, "Nested" },
                { PH, "[a [b [c]] d]", 5, 7, "Nested" },
                { PH, "[Describe how: \"Can be tested by [action] and delivers [value]\"]", 7, 1, "Nested" });
}

/* A slot may wrap onto the next line of its paragraph, never further. */
static void
test_placeholder_multi_line (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Wrapped\n"
    "\n"
    "Some [long slot that\n"
    "wraps] here, and [an open one\n"
    "\n"
    "closed] in the next paragraph is none.\n");

  assert_items (snapshot, { PH, "[long slot that\nwraps]", 3, 6, "Wrapped" });
}

static void
test_placeholder_code_span (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Code spans\n"
    "\n"
    "**Feature ID:** `[feature_id]`\n"
    "**Branch**: `[###-feature-name]`\n"
    "Padded `` [padded_name] `` too.\n"
    "\n"
    "Not these: `arr[0]`, `[METHOD] /path`, `[T; N]`, `[1]`, `x [Y] z`, `Vec<[u8; 4]>`.\n");

  /* The column is the '[', inside the backticks. */
  assert_items (snapshot,
                { PH, "[feature_id]", 3, 18, "Code spans" },
                { PH, "[###-feature-name]", 4, 14, "Code spans" },
                { PH, "[padded_name]", 5, 11, "Code spans" });
}

/* ------------------------------------------------------------------ */
/* Not placeholders                                                   */
/* ------------------------------------------------------------------ */

static void
test_links (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Links\n"
    "\n"
    "A [text](https://example.com), an ![alt text](img.png), a [text][ref],\n"
    "a [Guide] shortcut, a [GUIDE] in capitals, [the guide][guide], [Guide][],\n"
    "[a link](https://example.com \"Title [x]\") and [![badge](b.svg)](https://ci.example.com).\n"
    "Not a link: [Undefined label].\n"
    "\n"
    "[guide]: https://example.com/guide\n"
    "[ref]: <https://example.com/ref> \"Ref\"\n");

  assert_items (snapshot, { PH, "[Undefined label]", 6, 13, "Links" });
}

/* Without any definition, "[Guide]" is a slot again. */
static void
test_links_need_definition (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Links\n"
    "\n"
    "A [Guide] shortcut and [text](https://example.com).\n");

  assert_items (snapshot, { PH, "[Guide]", 3, 3, "Links" });
}

static void
test_autolinks (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Autolinks\n"
    "\n"
    "See <https://example.com/items/[id]>, https://x.y/a[1] and <mailto:team@example.com>.\n");

  assert_no_items (snapshot);
  assert_section (snapshot, "Autolinks", SPEC_SECTION_COMPLETE, FALSE, TRUE);
}

/* cmark-gfm makes the whole of a bare URL one link, brackets included:
 * they are part of an address, not slots. */
static void
test_bare_url_brackets (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Bare\n"
    "\n"
    "Docs at https://example.com/items/[id]/view and www.example.com/a/[b] today.\n");

  assert_no_items (snapshot);
}

static void
test_footnotes (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Notes\n"
    "\n"
    "As shown[^1] and again [^long-note].\n"
    "\n"
    "[^1]: The first note.\n"
    "[^long-note]: Another note.\n");

  assert_no_items (snapshot);
}

static void
test_task_boxes (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Tasks\n"
    "\n"
    "- [ ] open\n"
    "- [x] done\n"
    "\n"
    "* [X] upper case\n"
    "\n"
    "1. [ ] ordered\n"
    "\n"
    "An empty [ ] box mid-sentence, a blank [   ] one.\n"
    "\n"
    "But [x] in the middle of a sentence is a slot.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  assert_items (snapshot, { PH, "[x]", 12, 5, "Tasks" });
  g_assert_cmpuint (report->checklist_total, ==, 4);
  g_assert_cmpuint (report->checklist_done, ==, 2);
}

static void
test_citations (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Citations\n"
    "\n"
    "As argued [1], extended [12] and surveyed [3, 4], see also [2-5].\n"
    "\n"
    "But [Step 1] and [v2] are slots.\n");

  assert_items (snapshot,
                { PH, "[Step 1]", 5, 5, "Citations" },
                { PH, "[v2]", 5, 18, "Citations" });
}

/* A range of citations is a citation, whichever dash joins it. */
static void
test_citation_ranges (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Citations\n"
    "\n"
    "Earlier work [1-3], surveyed in [4–6] and [1, 7–9].\n");

  assert_no_items (snapshot);
}

static void
test_escaped (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Escapes\n"
    "\n"
    "Literal \\[not a slot\\] and \\[half] too.\n"
    "\n"
    "But \\\\[slot] is one.\n");

  /* An escaped backslash escapes nothing. */
  assert_items (snapshot, { PH, "[slot]", 5, 7, "Escapes" });
}

static void
test_after_identifier (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Identifiers\n"
    "\n"
    "Use arr[0], List[str], dict[str, int], x[i], #[derive(Debug)] and obj.field[key].\n"
    "\n"
    "A space makes it a slot: List [T].\n");

  assert_items (snapshot, { PH, "[T]", 5, 31, "Identifiers" });
}

static void
test_alerts (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Alerts\n"
    "\n"
    "> [!NOTE]\n"
    "> Read this first.\n"
    "\n"
    "> [!WARNING]\n"
    "> Careful.\n"
    "\n"
    "> [Quoted slot]\n");

  assert_items (snapshot, { PH, "[Quoted slot]", 9, 3, "Alerts" });
}

static void
test_code (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Code\n"
    "\n"
    "```sql\n"
    "CREATE TABLE [table_name] (id int);\n"
    "```\n"
    "\n"
    "~~~\n"
    "[tilde]\n"
    "~~~\n"
    "\n"
    "    [indented]\n"
    "\n"
    "> ```\n"
    "> [quoted fence]\n"
    "> ```\n"
    "\n"
    "Inline `a [B] c` and ``[x] `y` ``.\n");

  assert_no_items (snapshot);
  assert_section (snapshot, "Code", SPEC_SECTION_COMPLETE, FALSE, TRUE);
}

static void
test_html (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Html\n"
    "\n"
    "A <span title=\"[X]\">styled</span> word.\n"
    "\n"
    "<div>\n"
    "[Y]\n"
    "</div>\n"
    "\n"
    "A comment <!-- [Z] --> inline.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  /* The comment is guidance, not a placeholder. */
  assert_items (snapshot, { GU, "[Z]", 9, 11, "Html" });
  g_assert_cmpuint (report->n_placeholders, ==, 0);
  g_assert_cmpuint (report->n_guidance, ==, 1);
}

/* ------------------------------------------------------------------ */
/* Against a template: its tokens left in code                        */
/* ------------------------------------------------------------------ */

static const char schema_template[] =
  "# Schema\n"
  "\n"
  "```sql\n"
  "CREATE TABLE [table_name] (\n"
  "  [column] TEXT\n"
  ");\n"
  "```\n";

static const char schema_document[] =
  "# Schema\n"
  "\n"
  "```sql\n"
  "CREATE TABLE [table_name] (id int);\n"
  "SELECT [other] FROM t;\n"
  "```\n"
  "\n"
  "Index: `CREATE INDEX idx ON [table_name] (id)`, `arr[column]`.\n";

static void
test_template_code_tokens (void)
{
  g_autoptr(SpecSnapshot) template = parse (schema_template);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (schema_document, -1, template);
  g_autoptr(SpecSnapshot) alone = parse (schema_document);
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  /* `arr[column]` is an index even though the template has [column]:
   * a token right after a name is never the template's slot. */
  assert_items (snapshot,
                { PH, "[table_name]", 4, 14, "Schema" },
                { PH, "[table_name]", 8, 29, "Schema" });
  g_assert_true (report->against_template);
  g_assert_cmpuint (report->missing->len, ==, 0);
  assert_section (snapshot, "Schema", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);

  /* Without the template, code is code. */
  assert_no_items (alone);
  g_assert_false (spec_snapshot_get_report (alone)->against_template);
}

static void
test_template_code_other_tokens (void)
{
  g_autoptr(SpecSnapshot) template = parse (schema_template);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (
    "# Schema\n"
    "\n"
    "```sql\n"
    "CREATE TABLE users (tags text[], id int);\n"
    "SELECT tags[1], [quoted] FROM users;\n"
    "```\n"
    "\n"
    "Use `[user_name]` in `SELECT [other]`, not `[users]`.\n",
    -1, template);

  /* `[user_name]` alone in a span is a slot by the usual rule; `[users]`
   * reads as code (a lower-case word, like a TOML `[dependencies]`); the
   * template's tokens are not in this code. */
  assert_items (snapshot, { PH, "[user_name]", 8, 6, "Schema" });
}

/* ------------------------------------------------------------------ */
/* Clarifications                                                     */
/* ------------------------------------------------------------------ */

static void
test_clarifications (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Auth\n"
    "\n"
    "Users sign in with [NEEDS CLARIFICATION: SSO or password?].\n"
    "Data is kept for [needs clarification: retention period] days.\n"
    "Scope is [NEEDS CLARIFICATION].\n"
    "Not markers: [NEEDS CLARIFICATIONS] and [Clarify later].\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const SpecSectionReport *sr = section_report (snapshot, "Auth");

  assert_items (snapshot,
                { CL, "[NEEDS CLARIFICATION: SSO or password?]", 3, 20, "Auth", "SSO or password?" },
                { CL, "[needs clarification: retention period]", 4, 18, "Auth", "retention period" },
                { CL, "[NEEDS CLARIFICATION]", 5, 10, "Auth", "" },
                { PH, "[NEEDS CLARIFICATIONS]", 6, 14, "Auth" },
                { PH, "[Clarify later]", 6, 41, "Auth" });

  g_assert_cmpuint (report->n_clarifications, ==, 3);
  g_assert_cmpuint (report->n_placeholders, ==, 2);
  g_assert_nonnull (sr);
  if (sr != NULL)
    {
      g_assert_cmpuint (sr->n_clarifications, ==, 3);
      g_assert_cmpuint (sr->n_placeholders, ==, 2);
      g_assert_cmpuint (spec_report_count_unfilled (sr), ==, 5);
    }
}

/* A clarification alone leaves its section incomplete. */
static void
test_clarification_alone (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Retention\n"
    "\n"
    "- **FR-007**: System MUST retain user data for [NEEDS CLARIFICATION: retention period not specified]\n"
    "\n"
    "# Other\n"
    "\n"
    "Done.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  assert_items (snapshot,
                { CL, "[NEEDS CLARIFICATION: retention period not specified]", 3, 48, "Retention",
                  "retention period not specified" });
  assert_section (snapshot, "Retention", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  g_assert_cmpuint (report->n_placeholders, ==, 0);
  g_assert_cmpuint (report->n_clarifications, ==, 1);
  g_assert_cmpuint (report->n_complete, ==, 1);
  g_assert_cmpuint (report->percent, ==, 50);
  g_assert_false (report->complete);

  g_assert_true (spec_slot_is_clarification ("[NEEDS CLARIFICATION: x]", 24, NULL));
  g_assert_false (spec_slot_is_clarification ("[NEEDS]", 7, NULL));
}

/* ------------------------------------------------------------------ */
/* Checklists and guidance                                            */
/* ------------------------------------------------------------------ */

static void
test_checklist (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "- [x] before any heading\n"
    "\n"
    "# A\n"
    "\n"
    "- [ ] one\n"
    "- [x] two\n"
    "  - [x] nested\n"
    "\n"
    "## B\n"
    "\n"
    "- [x] three\n"
    "- [X] four\n"
    "- [ ] five\n"
    "\n"
    "# C\n"
    "\n"
    "Plain text.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const SpecSectionReport *a = section_report (snapshot, "A");
  const SpecSectionReport *b = section_report (snapshot, "B");
  const SpecSectionReport *c = section_report (snapshot, "C");

  assert_no_items (snapshot);
  g_assert_cmpuint (report->checklist_done, ==, 5);
  g_assert_cmpuint (report->checklist_total, ==, 7);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  if (a == NULL || b == NULL || c == NULL)
    return;

  g_assert_cmpuint (a->checklist_done, ==, 2);
  g_assert_cmpuint (a->checklist_total, ==, 3);
  g_assert_cmpuint (b->checklist_done, ==, 2);
  g_assert_cmpuint (b->checklist_total, ==, 3);
  g_assert_cmpuint (c->checklist_done, ==, 0);
  g_assert_cmpuint (c->checklist_total, ==, 0);

  /* Open tasks do not count against completeness. */
  g_assert_cmpint (a->state, ==, SPEC_SECTION_COMPLETE);
  g_assert_cmpint (b->state, ==, SPEC_SECTION_COMPLETE);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);
}

static void
test_guidance (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# A\n"
    "\n"
    "<!-- ACTION REQUIRED: describe A -->\n"
    "\n"
    "## B\n"
    "\n"
    "<!--\n"
    "\n"
    "  First real line\n"
    "  second line\n"
    "-->\n"
    "\n"
    "Text with <!-- inline note --> in it.\n"
    "\n"
    "## C\n"
    "\n"
    "```html\n"
    "<!-- not guidance: code -->\n"
    "```\n"
    "\n"
    "# D\n"
    "\n"
    "<!-- only a comment -->\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const SpecSectionReport *a = section_report (snapshot, "A");
  const SpecSectionReport *b = section_report (snapshot, "B");
  const SpecSectionReport *c = section_report (snapshot, "C");
  const SpecSectionReport *d = section_report (snapshot, "D");

  assert_items (snapshot,
                { GU, "ACTION REQUIRED: describe A", 3, 1, "A" },
                { GU, "First real line", 7, 1, "B" },
                { GU, "inline note", 13, 11, "B" },
                { GU, "only a comment", 23, 1, "D" });

  g_assert_cmpuint (report->n_guidance, ==, 4);
  g_assert_cmpuint (count_items (report, GU), ==, 4);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  g_assert_nonnull (d);
  if (a == NULL || b == NULL || c == NULL || d == NULL)
    return;

  g_assert_cmpuint (a->n_guidance, ==, 1);
  g_assert_cmpuint (b->n_guidance, ==, 2);
  g_assert_cmpuint (c->n_guidance, ==, 0);
  g_assert_cmpuint (d->n_guidance, ==, 1);
  g_assert_cmpuint (spec_report_count_unfilled (b), ==, 0);

  /* Comments are neither content nor unfilled: A holds only a comment and
   * subsections (a container), D only a comment (empty). */
  assert_section (snapshot, "A", SPEC_SECTION_COMPLETE, TRUE, FALSE);
  assert_section (snapshot, "B", SPEC_SECTION_COMPLETE, FALSE, TRUE);
  assert_section (snapshot, "C", SPEC_SECTION_COMPLETE, FALSE, TRUE);
  assert_section (snapshot, "D", SPEC_SECTION_EMPTY, FALSE, TRUE);
  g_assert_cmpuint (report->n_counted, ==, 3);
  g_assert_cmpuint (report->n_complete, ==, 2);
  g_assert_cmpuint (report->n_empty, ==, 1);
}

/* A guidance item's bytes are the whole comment, through its "-->", on
 * one line or several, in an HTML block or inline. */
static void
test_guidance_range (void)
{
  static const char text[] =
    "# Range\n"
    "\n"
    "<!-- one line -->\n"
    "\n"
    "<!--\n"
    "  ACTION REQUIRED: several lines\n"
    "  - even a list\n"
    "-->\n"
    "\n"
    "Inline <!-- over\n"
    "two lines --> here.\n";
  static const char * const comments[] = {
    "<!-- one line -->",
    "<!--\n  ACTION REQUIRED: several lines\n  - even a list\n-->",
    "<!-- over\ntwo lines -->",
  };
  g_autoptr(SpecSnapshot) snapshot = parse (text);
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  assert_items (snapshot,
                { GU, "one line", 3, 1, "Range" },
                { GU, "ACTION REQUIRED: several lines", 5, 1, "Range" },
                { GU, "over", 10, 8, "Range" });

  for (guint i = 0; i < MIN (report->items->len, G_N_ELEMENTS (comments)); i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);
      g_autofree char *source = g_strndup (text + item->offset, item->length);

      g_assert_cmpstr (source, ==, comments[i]);
    }
}

/* ------------------------------------------------------------------ */
/* Section states                                                     */
/* ------------------------------------------------------------------ */

static void
test_states (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Complete\n"
    "\n"
    "Text.\n"
    "\n"
    "# Empty\n"
    "\n"
    "# Rule only\n"
    "\n"
    "---\n"
    "\n"
    "# Comment only\n"
    "\n"
    "<!-- todo -->\n"
    "\n"
    "# Incomplete\n"
    "\n"
    "Text [X].\n"
    "\n"
    "# Heading slot [Y]\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  assert_section (snapshot, "Complete", SPEC_SECTION_COMPLETE, FALSE, TRUE);
  assert_section (snapshot, "Empty", SPEC_SECTION_EMPTY, FALSE, TRUE);
  assert_section (snapshot, "Rule only", SPEC_SECTION_EMPTY, FALSE, TRUE);
  assert_section (snapshot, "Comment only", SPEC_SECTION_EMPTY, FALSE, TRUE);
  assert_section (snapshot, "Incomplete", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  assert_section (snapshot, "Heading slot [Y]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);

  g_assert_cmpuint (report->n_counted, ==, 6);
  g_assert_cmpuint (report->n_complete, ==, 1);
  g_assert_cmpuint (report->n_empty, ==, 3);
  g_assert_cmpuint (report->percent, ==, 16);
  g_assert_false (report->complete);
}

/* Any block but headings, rules and comments is content. */
static void
test_states_content_kinds (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# Quote\n\n> A quote.\n\n"
    "# List\n\n- item\n\n"
    "# Table\n\n| a |\n|---|\n| b |\n\n"
    "# Fence\n\n```\ncode\n```\n\n"
    "# Html\n\n<div>hi</div>\n\n"
    "# Comment then html\n\n<!-- c --> <b>x</b>\n\n"
    "# Task\n\n- [ ] open\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  const char *titles[] = { "Quote", "List", "Table", "Fence", "Html", "Comment then html", "Task" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    assert_section (snapshot, titles[i], SPEC_SECTION_COMPLETE, FALSE, TRUE);

  g_assert_cmpuint (report->n_counted, ==, G_N_ELEMENTS (titles));
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);
}

static void
test_states_containers (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "# All complete\n"
    "## A\n"
    "Text.\n"
    "## B\n"
    "Text.\n"
    "# All empty\n"
    "## C\n"
    "## D\n"
    "# Mixed\n"
    "## E\n"
    "Text.\n"
    "## F\n"
    "# With slot\n"
    "## G\n"
    "Text.\n"
    "## H\n"
    "[X]\n"
    "# Nested\n"
    "## I\n"
    "### J\n"
    "Text.\n"
    "# Parent with text\n"
    "Intro.\n"
    "## K\n"
    "# Own slot [Z]\n"
    "## L\n"
    "Text.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  assert_section (snapshot, "All complete", SPEC_SECTION_COMPLETE, TRUE, FALSE);
  assert_section (snapshot, "All empty", SPEC_SECTION_EMPTY, TRUE, FALSE);
  assert_section (snapshot, "Mixed", SPEC_SECTION_INCOMPLETE, TRUE, FALSE);
  assert_section (snapshot, "With slot", SPEC_SECTION_INCOMPLETE, TRUE, FALSE);
  assert_section (snapshot, "Nested", SPEC_SECTION_COMPLETE, TRUE, FALSE);
  assert_section (snapshot, "I", SPEC_SECTION_COMPLETE, TRUE, FALSE);
  /* Own content: counted on its own, whatever its subsections. */
  assert_section (snapshot, "Parent with text", SPEC_SECTION_COMPLETE, FALSE, TRUE);
  assert_section (snapshot, "K", SPEC_SECTION_EMPTY, FALSE, TRUE);
  /* A slot of its own makes a section incomplete and counted. */
  assert_section (snapshot, "Own slot [Z]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);

  /* Counted: A B C D E F G H J, Parent with text, K, Own slot, L. */
  g_assert_cmpuint (report->n_counted, ==, 13);
  g_assert_cmpuint (report->n_complete, ==, 7);
  g_assert_cmpuint (report->n_empty, ==, 4);
  g_assert_cmpuint (report->percent, ==, 53);
}

static void
test_preamble (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (
    "Intro [PREAMBLE_SLOT] and [NEEDS CLARIFICATION: who signs off?]\n"
    "<!-- preamble note -->\n"
    "\n"
    "# Only\n"
    "\n"
    "Text.\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  assert_items (snapshot,
                { PH, "[PREAMBLE_SLOT]", 1, 7, NULL },
                { CL, "[NEEDS CLARIFICATION: who signs off?]", 1, 27, NULL, "who signs off?" },
                { GU, "preamble note", 2, 1, NULL });

  assert_section (snapshot, "Only", SPEC_SECTION_COMPLETE, FALSE, TRUE);
  g_assert_cmpuint (report->n_counted, ==, 1);
  g_assert_cmpuint (report->n_complete, ==, 1);
  g_assert_cmpuint (report->n_placeholders, ==, 1);
  g_assert_cmpuint (report->n_clarifications, ==, 1);
  /* Every section is complete, but the document is not: not 100. */
  g_assert_false (report->complete);
  g_assert_cmpuint (report->percent, ==, 99);
}

static void
test_no_headings (void)
{
  g_autoptr(SpecSnapshot) done = parse ("Just a note, nothing to fill.\n");
  g_autoptr(SpecSnapshot) open = parse ("A note about [THING].\n");
  g_autoptr(SpecSnapshot) empty = parse ("");
  const SpecReport *report;

  report = spec_snapshot_get_report (done);
  g_assert_cmpuint (report->n_counted, ==, 0);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);

  report = spec_snapshot_get_report (open);
  assert_items (open, { PH, "[THING]", 1, 14, NULL });
  g_assert_false (report->complete);
  g_assert_cmpuint (report->percent, ==, 0);

  report = spec_snapshot_get_report (empty);
  assert_no_items (empty);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);
}

/* ------------------------------------------------------------------ */
/* Line endings and Unicode                                           */
/* ------------------------------------------------------------------ */

static const char rich_document[] =
  "Preamble [P].\n"
  "\n"
  "# Überblick — [Name]\n"
  "\n"
  "Text [Überblick — 名前] and\n"
  "line two `[feature_id]` and [a slot that\n"
  "wraps].\n"
  "\n"
  "<!--\n"
  "  Guidance line\n"
  "-->\n"
  "\n"
  "- [ ] [Task slot]\n"
  "- [x] done [NEEDS CLARIFICATION: when?]\n"
  "\n"
  "| A | B |\n"
  "|---|---|\n"
  "| [cell] | x |\n"
  "\n"
  "See [ref] and \\[escaped\\].\n"
  "\n"
  "[ref]: https://example.com\n"
  "\n"
  "## 名前 [Ü]\n"
  "\n"
  "Setext [S]\n"
  "===\n"
  "\n"
  "```\n"
  "[code]\n"
  "```\n"
  "\n"
  "## Empty\n";

static char *
to_crlf (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static char *
without_cr (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\r", -1);

  return g_strjoinv ("", parts);
}

static void
test_unicode (void)
{
  g_autoptr(SpecSnapshot) snapshot = parse (rich_document);
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  /* Columns in bytes: "# Überblick — " is 17 bytes. */
  assert_items (snapshot,
                { PH, "[P]", 1, 10, NULL },
                { PH, "[Name]", 3, 18, "Überblick — [Name]" },
                { PH, "[Überblick — 名前]", 5, 6, "Überblick — [Name]" },
                { PH, "[feature_id]", 6, 11, "Überblick — [Name]" },
                { PH, "[a slot that\nwraps]", 6, 29, "Überblick — [Name]" },
                { GU, "Guidance line", 9, 1, "Überblick — [Name]" },
                { PH, "[Task slot]", 13, 7, "Überblick — [Name]" },
                { CL, "[NEEDS CLARIFICATION: when?]", 14, 12, "Überblick — [Name]", "when?" },
                { PH, "[cell]", 18, 3, "Überblick — [Name]" },
                { PH, "[Ü]", 24, 11, "名前 [Ü]" },
                { PH, "[S]", 26, 8, "Setext [S]" });

  assert_section (snapshot, "Überblick — [Name]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  assert_section (snapshot, "名前 [Ü]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  assert_section (snapshot, "Setext [S]", SPEC_SECTION_INCOMPLETE, FALSE, TRUE);
  assert_section (snapshot, "Empty", SPEC_SECTION_EMPTY, FALSE, TRUE);
  g_assert_cmpuint (report->checklist_done, ==, 1);
  g_assert_cmpuint (report->checklist_total, ==, 2);
}

static void
test_crlf (void)
{
  g_autofree char *crlf = to_crlf (rich_document);
  g_autoptr(SpecSnapshot) lf_snapshot = parse (rich_document);
  g_autoptr(SpecSnapshot) crlf_snapshot = parse (crlf);
  const SpecReport *lf = spec_snapshot_get_report (lf_snapshot);
  const SpecReport *cr = spec_snapshot_get_report (crlf_snapshot);
  GPtrArray *lf_sections = spec_snapshot_get_sections (lf_snapshot);
  GPtrArray *cr_sections = spec_snapshot_get_sections (crlf_snapshot);

  g_assert_nonnull (strstr (crlf, "\r\n"));
  g_assert_cmpuint (lf->items->len, ==, 11);
  g_assert_cmpuint (cr->items->len, ==, lf->items->len);

  for (guint i = 0; i < MIN (lf->items->len, cr->items->len); i++)
    {
      const SpecItem *a = &g_array_index (lf->items, SpecItem, i);
      const SpecItem *b = &g_array_index (cr->items, SpecItem, i);
      g_autofree char *b_text = without_cr (b->text);

      g_test_message ("item %u: %s", i, a->text);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->text, ==, b_text);
      g_assert_cmpstr (a->question, ==, b->question);
      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpuint (a->column, ==, b->column);
      g_assert_true ((a->section == NULL) == (b->section == NULL));
      if (a->section != NULL && b->section != NULL)
        g_assert_cmpuint (a->section->heading_line, ==, b->section->heading_line);
    }

  g_assert_cmpuint (cr_sections->len, ==, lf_sections->len);
  for (guint i = 0; i < MIN (lf_sections->len, cr_sections->len); i++)
    {
      const SpecSectionReport *a = &g_array_index (lf->sections, SpecSectionReport, i);
      const SpecSectionReport *b = &g_array_index (cr->sections, SpecSectionReport, i);

      g_assert_cmpstr (a->section->title, ==, b->section->title);
      g_assert_cmpint (a->state, ==, b->state);
      g_assert_cmpint (a->container, ==, b->container);
      g_assert_cmpuint (a->n_placeholders, ==, b->n_placeholders);
      g_assert_cmpuint (a->n_guidance, ==, b->n_guidance);
      g_assert_cmpuint (a->checklist_total, ==, b->checklist_total);
    }

  g_assert_cmpuint (cr->n_counted, ==, lf->n_counted);
  g_assert_cmpuint (cr->n_complete, ==, lf->n_complete);
  g_assert_cmpuint (cr->n_empty, ==, lf->n_empty);
  g_assert_cmpuint (cr->percent, ==, lf->percent);
}

/* ------------------------------------------------------------------ */
/* Templates: matching and missing sections                           */
/* ------------------------------------------------------------------ */

static gboolean
titles_match (const char *template_title,
              const char *document_title)
{
  g_autofree char *pattern = spec_title_normalize (template_title, TRUE, NULL);
  g_autofree char *normalized = spec_title_normalize (document_title, FALSE, NULL);

  return spec_title_matches (pattern, normalized);
}

static void
test_title_match (void)
{
  gboolean mandatory = FALSE;
  g_autofree char *normalized = NULL;

  g_assert_true (titles_match ("FR1: [Requirement Name]", "FR1: Sign-in"));
  g_assert_true (titles_match ("FR1: [Requirement Name]", "fr1 — sign in"));
  g_assert_true (titles_match ("User Story 1 - [Brief Title] (Priority: P1)",
                               "User Story 1 - Export a report (Priority: P1)"));
  g_assert_true (titles_match ("🎯 Goals & Non-Goals", "Goals & non-goals"));
  g_assert_true (titles_match ("Goals", "🎯 GOALS!"));
  g_assert_true (titles_match ("Überblick", "ÜBERBLICK"));
  g_assert_true (titles_match ("Success Criteria (mandatory)", "Success criteria"));
  g_assert_true (titles_match ("[Section]", "Anything at all"));
  g_assert_true (titles_match ("Feature Specification: [FEATURE_NAME]", "Feature Specification: [FEATURE_NAME]"));

  g_assert_false (titles_match ("FR1: [Requirement Name]", "FR2: Sign-out"));
  g_assert_false (titles_match ("Goals & Non-Goals", "Non-Goals"));
  g_assert_false (titles_match ("Success Criteria (mandatory)", "Criteria"));
  g_assert_false (titles_match ("Security", "Security review"));

  normalized = spec_title_normalize ("Success Criteria (mandatory)", FALSE, &mandatory);
  g_assert_true (mandatory);
  g_clear_pointer (&normalized, g_free);
  normalized = spec_title_normalize ("Key Entities (include if feature involves data)", FALSE, &mandatory);
  g_assert_false (mandatory);
}

/* A slot in a template heading stands for the words the writer put there,
 * not for more digits of the number before it: "FR-1: [Name]" is not
 * "FR-10: Export". */
static void
test_title_match_word_boundary (void)
{
  g_assert_false (titles_match ("FR-1: [Requirement Name]", "FR-10: Export"));
  g_assert_false (titles_match ("Requirement 1: [Name]", "Requirement 12: Audit"));
}

static void
test_template_match (void)
{
  g_autoptr(SpecSnapshot) template = parse (
    "# Feature: [FEATURE_NAME]\n"
    "\n"
    "Intro.\n"
    "\n"
    "## 🎯 Goals & Non-Goals\n"
    "\n"
    "Text.\n"
    "\n"
    "## Overview *(mandatory)*\n"
    "\n"
    "Text.\n"
    "\n"
    "## Requirements\n"
    "\n"
    "### FR1: [Requirement Name]\n"
    "\n"
    "[Describe]\n"
    "\n"
    "### FR2: [Requirement Name]\n"
    "\n"
    "[Describe]\n"
    "\n"
    "## **API** Design\n"
    "\n"
    "Text.\n"
    "\n"
    "## [Section]\n"
    "\n"
    "Text.\n");
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (
    "# Feature: Sign-in\n"
    "\n"
    "Intro.\n"
    "\n"
    "## Goals & non-goals\n"
    "\n"
    "Done.\n"
    "\n"
    "## OVERVIEW\n"
    "\n"
    "Done.\n"
    "\n"
    "## Requirements\n"
    "\n"
    "### FR1: Sign-in\n"
    "\n"
    "Done.\n"
    "\n"
    "### FR2 — Sign-out\n"
    "\n"
    "Done.\n"
    "\n"
    "## `API` design\n"
    "\n"
    "Done.\n"
    "\n"
    "## Appendix\n"
    "\n"
    "Done.\n",
    -1, template);
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  for (guint i = 0; i < report->missing->len; i++)
    g_test_message ("missing: %s", g_array_index (report->missing, SpecMissingSection, i).title);

  g_assert_true (report->against_template);
  assert_no_items (snapshot);
  g_assert_cmpuint (report->missing->len, ==, 0);
  g_assert_cmpuint (report->n_missing_counted, ==, 0);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);
}

/* A heading that is nothing but a slot matches only at its own level. */
static void
test_template_slot_only_level (void)
{
  static const char template_text[] =
    "# Spec\n\nIntro.\n\n## [Section]\n\nText.\n";
  g_autoptr(SpecSnapshot) template = parse (template_text);
  g_autoptr(SpecSnapshot) deeper = spec_snapshot_new_for_template (
    "# Spec\n\nIntro.\n\n### Stray\n\nText.\n", -1, template);
  g_autoptr(SpecSnapshot) same = spec_snapshot_new_for_template (
    "# Spec\n\nIntro.\n\n## Appendix\n\nText.\n", -1, template);
  const SpecReport *report;

  report = spec_snapshot_get_report (deeper);
  g_assert_cmpuint (report->missing->len, ==, 1);
  if (report->missing->len == 1)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, 0);

      g_assert_cmpstr (missing->title, ==, "[Section]");
      g_assert_cmpuint (missing->level, ==, 2);
      g_assert_true (missing->counted);
    }

  report = spec_snapshot_get_report (same);
  g_assert_cmpuint (report->missing->len, ==, 0);
  g_assert_true (report->complete);
}

static const char missing_template[] =
  "# Spec: [NAME]\n"                    /* 1 */
  "\n"
  "Intro.\n"
  "\n"
  "## Summary *(mandatory)*\n"          /* 5 */
  "\n"
  "Text.\n"
  "\n"
  "## Requirements (mandatory)\n"       /* 9: a container */
  "\n"
  "### Functional\n"                    /* 11 */
  "\n"
  "Text.\n"
  "\n"
  "### Non-functional\n"                /* 15 */
  "\n"
  "Text.\n"
  "\n"
  "## Risks\n"                          /* 19 */
  "\n"
  "Text.\n"
  "\n"
  "## Appendix\n"                       /* 23 */
  "\n"
  "Text.\n";

typedef struct
{
  const char *title;
  guint       level;
  guint       template_line;
  gboolean    required;
  gboolean    counted;
  const char *after;    /* title of the document section, or NULL */
} WantMissing;

static void
assert_missing (const SpecReport  *report,
                const WantMissing *want,
                guint              n_want)
{
  guint n_counted = 0;

  for (guint i = 0; i < report->missing->len; i++)
    g_test_message ("missing: %s", g_array_index (report->missing, SpecMissingSection, i).title);

  g_assert_cmpuint (report->missing->len, ==, n_want);

  for (guint i = 0; i < MIN (n_want, report->missing->len); i++)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, i);

      g_assert_cmpstr (missing->title, ==, want[i].title);
      g_assert_cmpuint (missing->level, ==, want[i].level);
      g_assert_cmpuint (missing->template_line, ==, want[i].template_line);
      g_assert_cmpint (missing->required, ==, want[i].required);
      g_assert_cmpint (missing->counted, ==, want[i].counted);
      if (want[i].after == NULL)
        {
          g_assert_null (missing->after);
        }
      else
        {
          g_assert_nonnull (missing->after);
          if (missing->after != NULL)
            g_assert_cmpstr (missing->after->title, ==, want[i].after);
        }
    }

  for (guint i = 0; i < n_want; i++)
    n_counted += want[i].counted;
  g_assert_cmpuint (report->n_missing_counted, ==, n_counted);
}

static void
test_template_missing (void)
{
  g_autoptr(SpecSnapshot) template = parse (missing_template);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (
    "# Spec: Login\n"
    "\n"
    "Intro.\n"
    "\n"
    "## Risks\n"
    "\n"
    "Done.\n",
    -1, template);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  static const WantMissing want[] = {
    { "Summary", 2, 5, TRUE, TRUE, "Spec: Login" },
    { "Requirements", 2, 9, TRUE, FALSE, "Spec: Login" },
    { "Functional", 3, 11, FALSE, TRUE, "Spec: Login" },
    { "Non-functional", 3, 15, FALSE, TRUE, "Spec: Login" },
    { "Appendix", 2, 23, FALSE, TRUE, "Risks" },
  };

  assert_missing (report, want, G_N_ELEMENTS (want));

  /* Two sections here, both complete; four counted ones missing. */
  g_assert_cmpuint (report->n_counted, ==, 2);
  g_assert_cmpuint (report->n_complete, ==, 2);
  g_assert_cmpuint (report->percent, ==, 33);
  g_assert_false (report->complete);
}

/* Nothing of the template before it: the missing section goes first. */
static void
test_template_missing_first (void)
{
  g_autoptr(SpecSnapshot) template = parse (missing_template);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (
    "## Summary\n\nDone.\n\n"
    "## Requirements\n\n### Functional\n\nDone.\n\n### Non-functional\n\nDone.\n\n"
    "## Risks\n\nDone.\n\n## Appendix\n\nDone.\n",
    -1, template);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  static const WantMissing want[] = {
    { "Spec: [NAME]", 1, 1, FALSE, TRUE, NULL },
  };

  assert_missing (report, want, G_N_ELEMENTS (want));
  g_assert_cmpuint (report->n_counted, ==, 5);
  g_assert_cmpuint (report->n_complete, ==, 5);
  g_assert_cmpuint (report->percent, ==, 83);
  g_assert_false (report->complete);
}

/* A required section the document lacks leaves it incomplete, even when
 * the section only holds subsections (which the document has elsewhere). */
static void
test_template_missing_container (void)
{
  g_autoptr(SpecSnapshot) template = parse (missing_template);
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (
    "# Spec: Login\n\nIntro.\n\n"
    "## Summary\n\nDone.\n\n"
    "### Functional\n\nDone.\n\n### Non-functional\n\nDone.\n\n"
    "## Risks\n\nDone.\n\n## Appendix\n\nDone.\n",
    -1, template);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  static const WantMissing want[] = {
    { "Requirements", 2, 9, TRUE, FALSE, "Summary" },
  };

  assert_missing (report, want, G_N_ELEMENTS (want));
  g_assert_false (report->complete);
  g_assert_cmpuint (report->percent, <, 100);
}

/* "FR-1" is not there, whatever "FR-10" is. */
static void
test_template_numbered (void)
{
  g_autoptr(SpecSnapshot) template = parse (
    "# Spec\n\nIntro.\n\n"
    "### FR-1: [Requirement Name]\n\n[Describe]\n\n"
    "### FR-2: [Requirement Name]\n\n[Describe]\n");
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (
    "# Spec\n\nIntro.\n\n"
    "### FR-2: Sign-out\n\nDone.\n\n"
    "### FR-10: Export\n\nDone.\n",
    -1, template);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  static const WantMissing want[] = {
    { "FR-1: [Requirement Name]", 3, 5, FALSE, TRUE, "Spec" },
  };

  assert_missing (report, want, G_N_ELEMENTS (want));
  g_assert_false (report->complete);
}

/* ------------------------------------------------------------------ */
/* Percentages                                                        */
/* ------------------------------------------------------------------ */

static void
test_percent_floor (void)
{
  g_autoptr(SpecSnapshot) two_of_three = parse ("# A\n\nx\n\n# B\n\ny\n\n# C\n");
  g_autoptr(SpecSnapshot) one_of_three = parse ("# A\n\nx\n\n# B\n\n[Y]\n\n# C\n");
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(SpecSnapshot) almost = NULL;
  const SpecReport *report;

  report = spec_snapshot_get_report (two_of_three);
  g_assert_cmpuint (report->n_complete, ==, 2);
  g_assert_cmpuint (report->n_counted, ==, 3);
  g_assert_cmpuint (report->percent, ==, 66);

  report = spec_snapshot_get_report (one_of_three);
  g_assert_cmpuint (report->percent, ==, 33);

  /* 199 of 200: 99.5 rounds down, never up to 100. */
  for (guint i = 0; i < 199; i++)
    g_string_append_printf (big, "## Section %u\n\nDone.\n\n", i);
  g_string_append (big, "## Last\n\n[TODO]\n");
  almost = parse (big->str);
  report = spec_snapshot_get_report (almost);
  g_assert_cmpuint (report->n_counted, ==, 200);
  g_assert_cmpuint (report->n_complete, ==, 199);
  g_assert_cmpuint (report->percent, ==, 99);
  g_assert_false (report->complete);
}

/* percent is 100 exactly when complete. */
static void
test_percent_complete_only (void)
{
  const char *documents[] = {
    "# A\n\nDone.\n",
    "# A\n\nDone.\n\n# B\n\n[X]\n",
    "[NEEDS CLARIFICATION: who?]\n\n# A\n\nDone.\n",
    "Intro [X].\n\n# A\n\nDone.\n",
    "# A\n\nDone.\n\n# B\n",
    "# A\n\n## B\n\nDone.\n",
    "Just text.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(SpecSnapshot) snapshot = parse (documents[i]);
      const SpecReport *report = spec_snapshot_get_report (snapshot);
      gboolean expected = report->n_placeholders == 0 && report->n_clarifications == 0 &&
                          report->n_complete == report->n_counted;

      g_test_message ("document %u", i);
      g_assert_cmpint (report->complete, ==, expected);
      g_assert_cmpint (report->percent == 100, ==, report->complete);
      g_assert_cmpuint (report->percent, <=, 100);
    }
}

/* The template's missing counted sections are in the denominator. */
static void
test_percent_missing (void)
{
  g_autoptr(SpecSnapshot) template = parse ("# A\n\nx\n\n# B\n\ny\n\n# C\n\nz\n\n# D\n\nw\n");
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template ("# A\n\nDone.\n\n# C\n\n[X]\n", -1, template);
  g_autoptr(SpecSnapshot) alone = parse ("# A\n\nDone.\n\n# C\n\n[X]\n");
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  g_assert_cmpuint (report->n_counted, ==, 2);
  g_assert_cmpuint (report->n_complete, ==, 1);
  g_assert_cmpuint (report->n_missing_counted, ==, 2);
  g_assert_cmpuint (report->percent, ==, 25);
  g_assert_cmpuint (spec_snapshot_get_report (alone)->percent, ==, 50);
}

static char *
without_range (const char *text,
               gsize       length,
               gsize       start,
               gsize       end)
{
  GString *out = g_string_new_len (text, start);

  g_string_append_len (out, text + end, length - end);

  return g_string_free (out, FALSE);
}

/* Deletes each section of @text (its whole range) in turn and checks the
 * percentage against @template_snapshot never goes up. */
static void
check_deletions (const char   *name,
                 const char   *text,
                 gsize         length,
                 SpecSnapshot *template_snapshot)
{
  g_autoptr(SpecSnapshot) base = spec_snapshot_new_for_template (text, length, template_snapshot);
  const SpecReport *base_report = spec_snapshot_get_report (base);
  GPtrArray *sections = spec_snapshot_get_sections (base);

  g_assert_cmpuint (sections->len, >, 0);
  g_assert_cmpuint (base_report->missing->len, ==, 0);

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      g_autofree char *shorter = without_range (text, length, section->start_offset, section->end_offset);
      g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new_for_template (shorter, -1, template_snapshot);
      const SpecReport *report = spec_snapshot_get_report (snapshot);

      if (report->percent > base_report->percent)
        g_test_message ("%s: deleting “%s” (line %u) raises %u%% to %u%%", name,
                        section->title, section->heading_line, base_report->percent, report->percent);
      g_assert_cmpuint (report->percent, <=, base_report->percent);
      g_assert_cmpuint (report->missing->len, >, 0);
      g_assert_false (report->complete);
    }
}

static void
test_percent_deletion_seeds (void)
{
  g_autoptr(GPtrArray) seeds = expected_outline_load_seeds ();

  if (seeds == NULL)
    {
      g_test_skip ("SPEC_SEEDS_DIR is not set or holds no seeds");
      return;
    }

  for (guint s = 0; s < seeds->len; s++)
    {
      const char *path = g_ptr_array_index (seeds, s);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autoptr(SpecSnapshot) template = NULL;
      gsize length = 0;

      g_file_get_contents (path, &text, &length, &error);
      g_assert_no_error (error);
      if (text == NULL)
        continue;

      template = spec_snapshot_new (text, length);
      check_deletions (path, text, length, template);
    }
}

/* A section the template has as a container, to which the writer added
 * a line of their own still unfilled: deleting it (with its subsections)
 * must not look like progress. */
static void
test_percent_deletion_container (void)
{
  static const char template_text[] =
    "# Spec\n\nIntro.\n\n## Requirements\n\n### Functional\n\nText.\n";
  static const char document[] =
    "# Spec\n\nIntro.\n\n## Requirements\n\nScope: [NEEDS CLARIFICATION: which services?]\n\n"
    "### Functional\n\n[X]\n";
  g_autoptr(SpecSnapshot) template = parse (template_text);

  check_deletions ("container", document, strlen (document), template);
}

/* Refinements for real specs: references and code that look like slots. */
static void
test_refinements (void)
{
  g_autoptr(SpecSnapshot) citations = parse (
    "# Refs\n"
    "\n"
    "As [RFC 9110] and [ISO-8601] say, and [@smith2020] found [4\xe2\x80\x93" "6].\n"
    "Slices are `[u8]`, tables `[dependencies]`; slots are `[METHOD]` and `[Your Name]`.\n");
  g_autoptr(SpecSnapshot) template = parse (
    "# Plan\n\n## UI/UX Requirements (if applicable)\n\nx\n\n"
    "## Key Entities *(include if feature involves data)*\n\nx\n\n"
    "## User Scenarios & Testing *(mandatory)*\n\nx\n");
  g_autoptr(SpecSnapshot) document = spec_snapshot_new_for_template (
    "# Plan\n\n## UI/UX Requirements\n\nDone.\n\n"
    "## Key Entities\n\nDone.\n\n"
    "## User scenarios and testing\n\nDone.\n",
    -1, template);
  const SpecReport *report = spec_snapshot_get_report (document);

  assert_items (citations,
                { PH, "[METHOD]", 4, 56, "Refs" },
                { PH, "[Your Name]", 4, 71, "Refs" });

  /* Hints after a heading and "&" for "and" do not stop a match. */
  g_assert_cmpuint (report->missing->len, ==, 0);
  g_assert_true (report->complete);
  g_assert_cmpuint (report->percent, ==, 100);
}

/* Ctrl+J: the next placeholder or clarification after the selection,
 * Shift+Ctrl+J the one before, both wrapping around; guidance comments
 * are not slots to fill. */
static void
test_find_unfilled (void)
{
  static const char text[] =
    "# A\n"
    "\n"
    "Name: [NAME], owner: [OWNER].\n"
    "<!-- ACTION REQUIRED: fill in -->\n"
    "\n"
    "[NEEDS CLARIFICATION: which region?]\n";
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new (text, -1);
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  gsize name = strstr (text, "[NAME]") - text;
  gsize owner = strstr (text, "[OWNER]") - text;
  gsize question = strstr (text, "[NEEDS") - text;
  const SpecItem *item;
  gboolean wrapped;

  item = spec_report_find_unfilled (report, 0, FALSE, &wrapped);
  g_assert_cmpuint (item->offset, ==, name);
  g_assert_cmpuint (item->length, ==, strlen ("[NAME]"));
  g_assert_false (wrapped);

  /* From the end of [NAME] selected: the next one. */
  item = spec_report_find_unfilled (report, name + strlen ("[NAME]"), FALSE, &wrapped);
  g_assert_cmpuint (item->offset, ==, owner);
  item = spec_report_find_unfilled (report, owner + 1, FALSE, &wrapped);
  g_assert_cmpuint (item->offset, ==, question);
  g_assert_cmpint (item->kind, ==, SPEC_ITEM_CLARIFICATION);

  /* Past the last: around to the first. */
  item = spec_report_find_unfilled (report, question + 1, FALSE, &wrapped);
  g_assert_cmpuint (item->offset, ==, name);
  g_assert_true (wrapped);

  /* Backwards from the start of [OWNER] selected. */
  item = spec_report_find_unfilled (report, owner, TRUE, &wrapped);
  g_assert_cmpuint (item->offset, ==, name);
  g_assert_false (wrapped);
  item = spec_report_find_unfilled (report, name, TRUE, &wrapped);
  g_assert_cmpuint (item->offset, ==, question);
  g_assert_true (wrapped);
}

static void
test_find_unfilled_none (void)
{
  g_autoptr(SpecSnapshot) snapshot = spec_snapshot_new ("# Done\n\nAll filled in.\n", -1);
  gboolean wrapped = TRUE;

  g_assert_null (spec_report_find_unfilled (spec_snapshot_get_report (snapshot), 0, FALSE, &wrapped));
  g_assert_false (wrapped);
  g_assert_null (spec_report_find_unfilled (spec_snapshot_get_report (snapshot), 5, TRUE, NULL));
}

/* What is left, in the words the tooltip and the HTML export use. */
static void
test_left_words (void)
{
  g_autoptr(SpecSnapshot) filled = spec_snapshot_new ("# Done\n\nAll filled in.\n", -1);
  g_autoptr(SpecSnapshot) left = spec_snapshot_new ("# Spec\n\n## A\n\n[Name] and [Date].\n\n"
                                                    "## B\n\n[NEEDS CLARIFICATION: who?]\n\n## C\n", -1);
  g_autofree char *none = spec_report_dup_left_words (spec_snapshot_get_report (filled));
  g_autofree char *some = spec_report_dup_left_words (spec_snapshot_get_report (left));

  g_assert_cmpstr (none, ==, "0 placeholders, 0 clarifications");
  g_assert_cmpstr (some, ==, "2 placeholders, 1 clarification, 1 empty section");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/report/placeholder/prose", test_placeholder_prose);
  g_test_add_func ("/report/left-words", test_left_words);
  g_test_add_func ("/report/placeholder/at-end", test_placeholder_at_end);
  g_test_add_func ("/report/placeholder/headings", test_placeholder_headings);
  g_test_add_func ("/report/placeholder/table-cells", test_placeholder_table_cells);
  g_test_add_func ("/report/placeholder/list-items", test_placeholder_list_items);
  g_test_add_func ("/report/placeholder/key-value", test_placeholder_key_value);
  g_test_add_func ("/report/placeholder/nested", test_placeholder_nested);
  g_test_add_func ("/report/placeholder/multi-line", test_placeholder_multi_line);
  g_test_add_func ("/report/placeholder/code-span", test_placeholder_code_span);

  g_test_add_func ("/report/not-placeholder/links", test_links);
  g_test_add_func ("/report/not-placeholder/links-need-definition", test_links_need_definition);
  g_test_add_func ("/report/not-placeholder/autolinks", test_autolinks);
  g_test_add_func ("/report/not-placeholder/bare-url-brackets", test_bare_url_brackets);
  g_test_add_func ("/report/not-placeholder/footnotes", test_footnotes);
  g_test_add_func ("/report/not-placeholder/task-boxes", test_task_boxes);
  g_test_add_func ("/report/not-placeholder/citations", test_citations);
  g_test_add_func ("/report/not-placeholder/citation-ranges", test_citation_ranges);
  g_test_add_func ("/report/not-placeholder/escaped", test_escaped);
  g_test_add_func ("/report/not-placeholder/after-identifier", test_after_identifier);
  g_test_add_func ("/report/not-placeholder/alerts", test_alerts);
  g_test_add_func ("/report/not-placeholder/code", test_code);
  g_test_add_func ("/report/not-placeholder/html", test_html);

  g_test_add_func ("/report/template/code-tokens", test_template_code_tokens);
  g_test_add_func ("/report/template/code-other-tokens", test_template_code_other_tokens);

  g_test_add_func ("/report/clarification/kinds", test_clarifications);
  g_test_add_func ("/report/clarification/alone", test_clarification_alone);

  g_test_add_func ("/report/checklist", test_checklist);
  g_test_add_func ("/report/guidance", test_guidance);
  g_test_add_func ("/report/guidance-range", test_guidance_range);

  g_test_add_func ("/report/states/basic", test_states);
  g_test_add_func ("/report/states/content-kinds", test_states_content_kinds);
  g_test_add_func ("/report/states/containers", test_states_containers);
  g_test_add_func ("/report/states/preamble", test_preamble);
  g_test_add_func ("/report/states/no-headings", test_no_headings);

  g_test_add_func ("/report/text/unicode", test_unicode);
  g_test_add_func ("/report/text/crlf", test_crlf);

  g_test_add_func ("/report/template/title-match", test_title_match);
  g_test_add_func ("/report/template/title-match-word-boundary", test_title_match_word_boundary);
  g_test_add_func ("/report/template/match", test_template_match);
  g_test_add_func ("/report/template/slot-only-level", test_template_slot_only_level);
  g_test_add_func ("/report/template/missing", test_template_missing);
  g_test_add_func ("/report/template/missing-first", test_template_missing_first);
  g_test_add_func ("/report/template/missing-container", test_template_missing_container);
  g_test_add_func ("/report/template/numbered", test_template_numbered);
  g_test_add_func ("/report/refinements", test_refinements);

  g_test_add_func ("/report/percent/floor", test_percent_floor);
  g_test_add_func ("/report/percent/complete-only", test_percent_complete_only);
  g_test_add_func ("/report/percent/missing", test_percent_missing);
  g_test_add_func ("/report/percent/deletion-seeds", test_percent_deletion_seeds);
  g_test_add_func ("/report/percent/deletion-container", test_percent_deletion_container);
  g_test_add_func ("/report/find-unfilled", test_find_unfilled);
  g_test_add_func ("/report/find-unfilled-none", test_find_unfilled_none);

  return g_test_run ();
}
