/* spec-export-html-report.c: the completeness report as an appendix of
 * an HTML export
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spec-export-html-private.h"
#include "spec-report-words.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_separator (GString *out,
                  gsize    start)
{
  if (out->len > start)
    g_string_append (out, ", ");
}

/* What is left to do in one section, in words. */
static void
append_section_counts (GString                 *out,
                       const SpecSectionReport *sr)
{
  gsize start = out->len;

  if (sr->counted && sr->state == SPEC_SECTION_EMPTY)
    g_string_append (out, _("Empty section"));

  if (sr->n_placeholders > 0)
    {
      append_separator (out, start);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u placeholder", "%u placeholders",
                                                sr->n_placeholders),
                              sr->n_placeholders);
    }

  if (sr->n_clarifications > 0)
    {
      append_separator (out, start);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u clarification", "%u clarifications",
                                                sr->n_clarifications),
                              sr->n_clarifications);
    }

  if (sr->checklist_done < sr->checklist_total)
    {
      append_separator (out, start);
      g_string_append_printf (out, _("Checklist: %u of %u done"), sr->checklist_done, sr->checklist_total);
    }

  if (sr->n_guidance > 0)
    {
      append_separator (out, start);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u guidance comment left",
                                                "%u guidance comments left", sr->n_guidance),
                              sr->n_guidance);
    }
}

/* The placeholders and clarifications among @n items from @first, as a
 * list; guidance comments are hidden in the page, so only counted. */
static void
append_items (GString          *out,
              const SpecReport *report,
              guint             first,
              guint             n)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = first; i < first + n && i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);

      if (item->kind != SPEC_ITEM_PLACEHOLDER && item->kind != SPEC_ITEM_CLARIFICATION)
        continue;

      g_string_append (list, "<li><code>");
      append_escaped (list, item->text ? item->text : "");
      g_string_append (list, "</code></li>\n");
    }

  if (list->len > 0)
    g_string_append_printf (out, "\n<ul>\n%s</ul>\n", list->str);
}

static gboolean
section_is_unfinished (const SpecSectionReport *sr)
{
  return spec_report_count_unfilled (sr) > 0 ||
         (sr->counted && sr->state == SPEC_SECTION_EMPTY) ||
         sr->checklist_done < sr->checklist_total ||
         sr->n_guidance > 0;
}

static void
append_summary (GString          *out,
                const SpecReport *report)
{
  guint total = report->n_counted + report->n_missing_counted;
  g_autofree char *left = spec_report_dup_left_words (report);

  g_string_append (out, "<p class=\"summary\"><strong>");
  g_string_append_printf (out, _("%u%% complete"), report->percent);
  g_string_append (out, "</strong> · ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u of %u section complete",
                                            "%u of %u sections complete", total),
                          report->n_complete, total);
  g_string_append (out, "</p>\n<p class=\"counts\">");
  append_escaped (out, left);
  if (report->checklist_total > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _("Checklist: %u of %u done"),
                              report->checklist_done, report->checklist_total);
    }
  g_string_append (out, "</p>\n");
}

/**
 * spec_export_html_append_report:
 * @anchors: the sections' anchors (spec_anchor_list_for_sections())
 *
 * The completeness report as an appendix: the figure, then what each
 * unfinished section still lacks, linked to the section.
 */
void
spec_export_html_append_report (GString       *out,
                                SpecSnapshot  *snapshot,
                                char         **anchors)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_before = 0;
  guint n_unfilled_before = 0;

  /* Items before the first heading belong to no section.  They come
   * first, the items being in document order. */
  for (; n_before < report->items->len; n_before++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, n_before);

      if (item->section != NULL)
        break;
      n_unfilled_before += item->kind == SPEC_ITEM_PLACEHOLDER ||
                           item->kind == SPEC_ITEM_CLARIFICATION;
    }

  if (n_unfilled_before > 0)
    {
      g_string_append (list, "<li>");
      append_escaped (list, _("Before the first heading"));
      append_items (list, report, 0, n_before);
      g_string_append (list, "</li>\n");
    }

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      const SpecSectionReport *sr = spec_report_get_section (report, section);

      if (!section_is_unfinished (sr))
        continue;

      g_string_append (list, "<li>");
      spec_export_html_append_section_link (list, section, anchors[i]);
      g_string_append (list, ": <span class=\"counts\">");
      append_section_counts (list, sr);
      g_string_append (list, "</span>");
      append_items (list, report, sr->first_item, sr->n_items);
      g_string_append (list, "</li>\n");
    }

  for (guint i = 0; i < report->missing->len; i++)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, i);

      g_string_append (list, "<li class=\"missing\">");
      append_escaped (list, missing->title);
      g_string_append (list, ": ");
      append_escaped (list, missing->required ? _("Required by the template, missing")
                                              : _("In the template, missing"));
      g_string_append (list, "</li>\n");
    }

  g_string_append (out, "<section class=\"report\">\n<h2>");
  append_escaped (out, _("Completeness"));
  g_string_append (out, "</h2>\n");
  append_summary (out, report);

  if (list->len > 0)
    {
      g_string_append_printf (out, "<ul class=\"sections\">\n%s</ul>\n", list->str);
    }
  else
    {
      g_string_append (out, "<p>");
      append_escaped (out, _("Nothing left to fill in."));
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "</section>\n");
}
