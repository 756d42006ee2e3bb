/* spec-report.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "spec-markdown.h"
#include "spec-report.h"
#include "spec-section-match.h"
#include "spec-title-match.h"

/* The report is computed once per snapshot, from the snapshot's own parse:
 * cmark-gfm says which blocks are prose, code, HTML and task items, the
 * slot scanner reads the prose, and the outline says whose items they are.
 * Everything is linear in the document (templates add a match per pair of
 * headings). */

static void
missing_clear (gpointer data)
{
  SpecMissingSection *missing = data;

  g_free (missing->title);
}

void
spec_report_free (SpecReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->items, g_array_unref);
  g_clear_pointer (&report->strings, g_string_chunk_free);
  g_clear_pointer (&report->sections, g_array_unref);
  g_clear_pointer (&report->missing, g_array_unref);
  g_free (report);
}

const char *
spec_section_state_to_string (SpecSectionState state)
{
  switch (state)
    {
    case SPEC_SECTION_COMPLETE:
      return "complete";
    case SPEC_SECTION_INCOMPLETE:
      return "incomplete";
    case SPEC_SECTION_EMPTY:
      return "empty";
    default:
      g_return_val_if_reached ("unknown");
    }
}

const SpecSectionReport *
spec_report_get_section (const SpecReport  *report,
                         const SpecSection *section)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (section->index < report->sections->len, NULL);

  return &g_array_index (report->sections, SpecSectionReport, section->index);
}

/* What a writer still has to fill in: placeholders and clarifications. */
guint
spec_report_count_unfilled (const SpecSectionReport *section_report)
{
  g_return_val_if_fail (section_report != NULL, 0);

  return section_report->n_placeholders + section_report->n_clarifications;
}

static gboolean
is_unfilled (const SpecItem *item)
{
  return item->kind == SPEC_ITEM_PLACEHOLDER || item->kind == SPEC_ITEM_CLARIFICATION;
}

/**
 * spec_report_find_unfilled:
 * @from: a byte offset in the text
 * @backwards: look before @from rather than after it
 * @wrapped: (out) (optional): set when there was none that way and the
 *   search went on from the other end of the text
 *
 * Finds the next placeholder or clarification starting at or after @from
 * (the end of what is selected), or the last one ending at or before it
 * (the start of the selection); past the end, the search wraps around.
 *
 * Returns: (nullable): the item, or %NULL if nothing is left to fill in
 */
const SpecItem *
spec_report_find_unfilled (const SpecReport *report,
                           gsize             from,
                           gboolean          backwards,
                           gboolean         *wrapped)
{
  const SpecItem *first = NULL;
  const SpecItem *last = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (wrapped != NULL)
    *wrapped = FALSE;

  /* Items are in document order. */
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      if (!is_unfilled (item))
        continue;

      if (first == NULL)
        first = item;
      last = item;

      if (!backwards && item->offset >= from)
        return item;
    }

  if (backwards)
    for (guint i = report->items->len; i-- > 0;)
      {
        const SpecItem *item = &g_array_index (report->items, SpecItem, i);

        if (is_unfilled (item) && item->offset + item->length <= from)
          return item;
      }

  if (wrapped != NULL && first != NULL)
    *wrapped = TRUE;

  return backwards ? last : first;
}

/* An HTML block made only of comments is guidance, not content. */
static gboolean
is_comment_only (cmark_node *html)
{
  const char *p = cmark_node_get_literal (html);

  while (p != NULL && *p)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (g_str_has_prefix (p, "<!--"))
        {
          const char *close = strstr (p + 4, "-->");

          if (close == NULL)
            return TRUE;
          p = close + 3;
        }
      else
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char          *text;
  gsize                length;
  const SpecLineIndex *lines;
  GHashTable          *labels;
  GHashTable          *tokens;
  GArray              *slots;
  GArray              *tasks;   /* guint line, gboolean done: pairs */
  int                  line_offset;   /* of the block being scanned */
} Scan;

static gsize
block_start (Scan       *scan,
             cmark_node *node)
{
  int line = cmark_node_get_start_line (node);
  int column = cmark_node_get_start_column (node);
  gsize start;

  if (line < 1)
    return scan->length;
  line += scan->line_offset;

  start = spec_line_index_line_start (scan->lines, line);

  return MIN (start + (column > 0 ? (gsize) column - 1 : 0),
              spec_line_index_line_end (scan->lines, line));
}

static gsize
block_end (Scan       *scan,
           cmark_node *node)
{
  return spec_line_index_line_end (scan->lines,
                                   spec_outline_block_end_line (node, scan->line_offset,
                                                                scan->text, scan->lines));
}

/* One walk over a top-level block; inline content is read by the
 * scanner, so the walk never descends into a paragraph, heading or
 * table. */
static void
scan_block (Scan       *scan,
            cmark_node *block)
{
  cmark_iter *iter = cmark_iter_new (block);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          spec_slot_scanner_scan_prose (scan->text, block_start (scan, node), block_end (scan, node),
                                        scan->labels, scan->tokens, scan->slots);
          cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
          break;

        case CMARK_NODE_CODE_BLOCK:
          spec_slot_scanner_scan_code (scan->text, block_start (scan, node), block_end (scan, node),
                                       scan->tokens, scan->slots);
          break;

        case CMARK_NODE_HTML_BLOCK:
          spec_slot_scanner_scan_html (scan->text, block_start (scan, node), block_end (scan, node),
                                       scan->slots);
          break;

        case CMARK_NODE_ITEM:
          /* An item whose text parsed as link definitions has no paragraph
           * left: "- [Key]: [Value]" in a template.  Read it as prose. */
          if (cmark_node_first_child (node) == NULL)
            spec_slot_scanner_scan_prose (scan->text, block_start (scan, node), block_end (scan, node),
                                          scan->labels, scan->tokens, scan->slots);

          if (spec_markdown_node_is (node, "tasklist"))
            {
              guint task[2] = {
                (guint) (cmark_node_get_start_line (node) + scan->line_offset),
                cmark_gfm_extensions_get_tasklist_item_checked (node),
              };

              g_array_append_vals (scan->tasks, task, 2);
            }
          break;

        default:
          if (spec_markdown_node_is (node, "table"))
            {
              spec_slot_scanner_scan_prose (scan->text, block_start (scan, node), block_end (scan, node),
                                            scan->labels, scan->tokens, scan->slots);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          break;
        }
    }

  cmark_iter_free (iter);
}

/* Lines between top-level blocks are blank, or were link definitions,
 * which leave no node: read those as prose, where the scanner tells real
 * definitions from "[Key]: [Value]" slots. */
static void
scan_gaps (Scan   *scan,
           GArray *blocks)
{
  guint n_lines = spec_line_index_get_n_lines (scan->lines);
  guint next = 1;

  for (guint b = 0; b <= blocks->len; b++)
    {
      guint first = next;
      guint last;

      if (b < blocks->len)
        {
          const SpecBlock *block = &g_array_index (blocks, SpecBlock, b);

          last = block->start_line > 0 ? block->start_line - 1 : 0;
          next = MAX (next, block->end_line + 1);
        }
      else
        {
          last = n_lines;
        }

      if (first <= last)
        {
          gsize start = spec_line_index_line_start (scan->lines, first);
          gsize end = spec_line_index_line_end (scan->lines, last);

          for (gsize i = start; i < end; i++)
            if (!g_ascii_isspace (scan->text[i]))
              {
                spec_slot_scanner_scan_prose (scan->text, start, end, scan->labels, scan->tokens,
                                              scan->slots);
                break;
              }
        }
    }
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const SpecSlot *sa = a;
  const SpecSlot *sb = b;

  return (sa->offset > sb->offset) - (sa->offset < sb->offset);
}

/* A comment's first line of words, without "<!--", "-->" and blanks. */
static char *
comment_summary (const char *text,
                 gsize       length)
{
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;

  if (length >= 4 && memcmp (text, "<!--", 4) == 0)
    {
      text += 4;
      length -= 4;
    }
  if (length >= 3 && memcmp (text + length - 3, "-->", 3) == 0)
    length -= 3;

  body = g_strndup (text, length);
  lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i])
        return g_strdup (lines[i]);
    }

  return g_strdup ("");
}

static gboolean
is_sorted (GArray *slots)
{
  for (guint i = 1; i < slots->len; i++)
    if (g_array_index (slots, SpecSlot, i - 1).offset > g_array_index (slots, SpecSlot, i).offset)
      return FALSE;

  return TRUE;
}

/* Items come in document order, so the line and the section of each are
 * found by walking forward from the previous item's, not searched for. */
static void
make_items (SpecReport *report,
            Scan       *scan,
            GPtrArray  *sections)
{
  guint n_lines = spec_line_index_get_n_lines (scan->lines);
  guint line = 1;
  guint next_section = 0;
  const SpecSection *section = NULL;

  /* Blocks are walked in order, so this is nearly always true already. */
  if (!is_sorted (scan->slots))
    g_array_sort (scan->slots, compare_slots);

  g_array_set_size (report->items, scan->slots->len);

  for (guint i = 0; i < scan->slots->len; i++)
    {
      const SpecSlot *slot = &g_array_index (scan->slots, SpecSlot, i);
      SpecItem *item = &g_array_index (report->items, SpecItem, i);

      item->kind = slot->kind;
      item->offset = slot->text_offset;
      item->length = slot->text_length;

      while (line < n_lines && spec_line_index_line_start (scan->lines, line + 1) <= item->offset)
        line++;
      while (next_section < sections->len &&
             ((const SpecSection *) g_ptr_array_index (sections, next_section))->heading_line <= line)
        section = g_ptr_array_index (sections, next_section++);

      item->line = line;
      item->column = item->offset - spec_line_index_line_start (scan->lines, line) + 1;
      item->section = section;

      if (item->kind == SPEC_ITEM_GUIDANCE)
        {
          g_autofree char *summary = comment_summary (scan->text + item->offset, item->length);

          item->text = g_string_chunk_insert (report->strings, summary);
        }
      else
        {
          item->text = g_string_chunk_insert_len (report->strings, scan->text + item->offset, item->length);
        }

      if (item->kind == SPEC_ITEM_CLARIFICATION)
        {
          g_autofree char *question = NULL;

          spec_slot_is_clarification (item->text, item->length, &question);
          item->question = g_string_chunk_insert (report->strings, question);
        }

      switch (item->kind)
        {
        case SPEC_ITEM_PLACEHOLDER:
          report->n_placeholders++;
          break;
        case SPEC_ITEM_CLARIFICATION:
          report->n_clarifications++;
          break;
        case SPEC_ITEM_GUIDANCE:
          report->n_guidance++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
count_section_items (SpecReport *report)
{
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);
      SpecSectionReport *sr;

      if (item->section == NULL)
        continue;

      sr = &g_array_index (report->sections, SpecSectionReport, item->section->index);
      if (sr->n_items == 0)
        sr->first_item = i;
      sr->n_items++;

      if (item->kind == SPEC_ITEM_PLACEHOLDER)
        sr->n_placeholders++;
      else if (item->kind == SPEC_ITEM_CLARIFICATION)
        sr->n_clarifications++;
      else
        sr->n_guidance++;
    }
}

static void
count_tasks (SpecReport *report,
             Scan       *scan,
             GPtrArray  *sections)
{
  for (guint i = 0; i + 1 < scan->tasks->len; i += 2)
    {
      guint line = g_array_index (scan->tasks, guint, i);
      gboolean done = g_array_index (scan->tasks, guint, i + 1);
      const SpecSection *section = spec_outline_find_section (sections, line);

      report->checklist_total++;
      report->checklist_done += done;

      if (section != NULL)
        {
          SpecSectionReport *sr = &g_array_index (report->sections, SpecSectionReport, section->index);

          sr->checklist_total++;
          sr->checklist_done += done;
        }
    }
}

/* Which sections have content of their own: a block that is not a
 * heading, a thematic break or an HTML block of comments only. */
static gboolean *
find_own_content (GArray    *blocks,
                  GPtrArray *sections)
{
  gboolean *has_content = g_new0 (gboolean, MAX (sections->len, 1));
  guint next_section = 0;
  const SpecSection *section = NULL;

  /* Blocks and sections are both in document order: walk them together. */
  for (guint b = 0; b < blocks->len; b++)
    {
      const SpecBlock *block = &g_array_index (blocks, SpecBlock, b);

      while (next_section < sections->len &&
             ((const SpecSection *) g_ptr_array_index (sections, next_section))->heading_line <= block->start_line)
        section = g_ptr_array_index (sections, next_section++);

      switch ((int) block->type)
        {
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
          continue;

        case CMARK_NODE_HTML_BLOCK:
          if (is_comment_only (block->node))
            continue;
          break;

        default:
          break;
        }

      if (section != NULL)
        has_content[section->index] = TRUE;
    }

  return has_content;
}

/* Children come after their parent in document order, so a backwards
 * walk settles every child before its parent. */
static void
settle_states (SpecReport     *report,
               GPtrArray      *sections,
               const gboolean *has_content)
{
  for (guint i = sections->len; i > 0; i--)
    {
      const SpecSection *section = g_ptr_array_index (sections, i - 1);
      SpecSectionReport *sr = &g_array_index (report->sections, SpecSectionReport, i - 1);

      sr->section = section;

      if (spec_report_count_unfilled (sr) > 0)
        {
          sr->state = SPEC_SECTION_INCOMPLETE;
          sr->counted = TRUE;
        }
      else if (!has_content[i - 1] && section->children->len == 0)
        {
          sr->state = SPEC_SECTION_EMPTY;
          sr->counted = TRUE;
        }
      else if (!has_content[i - 1])
        {
          guint n_complete = 0;
          guint n_empty = 0;

          for (guint c = 0; c < section->children->len; c++)
            {
              const SpecSection *child = g_ptr_array_index (section->children, c);
              SpecSectionState state = g_array_index (report->sections, SpecSectionReport, child->index).state;

              n_complete += state == SPEC_SECTION_COMPLETE;
              n_empty += state == SPEC_SECTION_EMPTY;
            }

          sr->container = TRUE;
          sr->counted = FALSE;
          if (n_complete == section->children->len)
            sr->state = SPEC_SECTION_COMPLETE;
          else if (n_empty == section->children->len)
            sr->state = SPEC_SECTION_EMPTY;
          else
            sr->state = SPEC_SECTION_INCOMPLETE;
        }
      else
        {
          sr->state = SPEC_SECTION_COMPLETE;
          sr->counted = TRUE;
        }

      if (sr->counted)
        {
          report->n_counted++;
          report->n_complete += sr->state == SPEC_SECTION_COMPLETE;
          report->n_empty += sr->state == SPEC_SECTION_EMPTY;
        }
    }
}

/* Whether the template's front matter lists @title as required. */
static gboolean
listed_required (const SpecTemplateView *tv,
                 const char             *title)
{
  g_autofree char *pattern = NULL;

  if (tv->required == NULL || tv->required[0] == NULL)
    return FALSE;

  pattern = spec_title_normalize (title, TRUE, NULL);
  for (guint i = 0; tv->required[i] != NULL; i++)
    {
      g_autofree char *listed = spec_title_normalize (tv->required[i], TRUE, NULL);

      if (g_str_equal (listed, pattern))
        return TRUE;
    }

  return FALSE;
}

/* Pairs template sections with document sections (see
 * spec-section-match.c); what is left of the template is missing. */
static void
find_missing (SpecReport             *report,
              GPtrArray              *sections,
              const SpecTemplateView *tv)
{
  guint n_template = tv->sections->len;
  g_autofree gint *match = g_new0 (gint, MAX (n_template, 1));

  spec_section_match (sections, tv->sections, match, NULL);

  for (guint t = 0; t < n_template; t++)
    {
      const SpecSection *ts = g_ptr_array_index (tv->sections, t);
      const SpecSectionReport *tsr = &g_array_index (tv->report->sections, SpecSectionReport, t);
      SpecMissingSection missing = { 0 };

      /* A section the template holds as a container does not count on its
       * own in the document either (its slots still keep the document
       * incomplete): otherwise deleting it would remove an incomplete
       * section and add a missing one that does not count, raising the
       * percentage. */
      if (match[t] >= 0)
        {
          SpecSectionReport *dsr = &g_array_index (report->sections, SpecSectionReport, match[t]);

          dsr->template_section = (gint) t;
          if (tsr->container && dsr->counted)
            {
              dsr->counted = FALSE;
              report->n_counted--;
              report->n_complete -= dsr->state == SPEC_SECTION_COMPLETE;
              report->n_empty -= dsr->state == SPEC_SECTION_EMPTY;
            }
          continue;
        }

      missing.title = spec_title_strip_mandatory (ts->title);
      missing.level = ts->level;
      missing.template_line = ts->heading_line;
      g_free (spec_title_normalize (ts->title, TRUE, &missing.required));
      missing.required = missing.required || listed_required (tv, ts->title);
      missing.counted = !tsr->container;

      /* It belongs after the nearest earlier template section present. */
      for (guint p = t; p > 0; p--)
        if (match[p - 1] >= 0)
          {
            missing.after = g_ptr_array_index (sections, match[p - 1]);
            break;
          }

      g_array_append_val (report->missing, missing);
      report->n_missing_counted += missing.counted;
    }
}

/**
 * spec_report_build:
 * @template_view: (nullable): the template to check against
 *
 * Builds the completeness report of a parsed document.  See README.md,
 * "How completeness is computed", for the rules.
 */
SpecReport *
spec_report_build (GArray                 *blocks,
                   const char             *text,
                   gsize                   length,
                   const SpecLineIndex    *lines,
                   GPtrArray              *sections,
                   const SpecTemplateView *template_view)
{
  SpecReport *report = g_new0 (SpecReport, 1);
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GHashTable) tokens = NULL;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (SpecSlot));
  g_autoptr(GArray) tasks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *has_content = NULL;
  guint denominator;
  Scan scan;

  g_return_val_if_fail (blocks != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";

  report->items = g_array_new (FALSE, TRUE, sizeof (SpecItem));
  report->strings = g_string_chunk_new (4096);
  report->sections = g_array_sized_new (FALSE, TRUE, sizeof (SpecSectionReport), sections->len);
  g_array_set_size (report->sections, sections->len);
  for (guint i = 0; i < sections->len; i++)
    g_array_index (report->sections, SpecSectionReport, i).template_section = -1;
  report->missing = g_array_new (FALSE, TRUE, sizeof (SpecMissingSection));
  g_array_set_clear_func (report->missing, missing_clear);
  report->against_template = template_view != NULL;

  /* Reference definitions only matter where "]:" occurs at all. */
  if (length > 0 && g_strstr_len (text, length, "]:") != NULL)
    labels = spec_slot_scanner_collect_labels (text, length);
  if (template_view != NULL)
    tokens = spec_slot_scanner_collect_tokens (template_view->text, template_view->length);

  scan = (Scan) { text, length, lines, labels, tokens, slots, tasks, 0 };
  for (guint i = 0; i < blocks->len; i++)
    {
      const SpecBlock *block = &g_array_index (blocks, SpecBlock, i);

      scan.line_offset = block->line_offset;
      scan_block (&scan, block->node);
    }
  scan_gaps (&scan, blocks);
  make_items (report, &scan, sections);
  count_section_items (report);
  count_tasks (report, &scan, sections);

  has_content = find_own_content (blocks, sections);
  settle_states (report, sections, has_content);

  if (template_view != NULL)
    find_missing (report, sections, template_view);

  /* A missing section counts as an incomplete one: deleting a section can
   * never raise the percentage. */
  denominator = report->n_counted + report->n_missing_counted;
  report->complete = report->n_complete == report->n_counted &&
                     report->missing->len == 0 &&
                     report->n_placeholders == 0 &&
                     report->n_clarifications == 0;
  if (denominator == 0)
    report->percent = report->complete ? 100 : 0;
  else
    report->percent = (guint) (((guint64) report->n_complete * 100) / denominator);

  /* Every section done but a slot left before the first heading. */
  if (!report->complete && report->percent == 100)
    report->percent = 99;

  return report;
}
