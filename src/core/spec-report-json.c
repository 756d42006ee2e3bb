/* spec-report-json.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-report-json.h"

/* A JSON string: quotes, backslashes and control characters escaped.  The
 * text is valid UTF-8 (files are checked when read), which JSON allows
 * as it is. */
void
spec_json_append_string (GString    *out,
                         const char *str)
{
  g_autofree char *valid = NULL;

  /* Anything not UTF-8 (a file name, say) would make the JSON invalid. */
  if (str != NULL && !g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  g_string_append_c (out, '"');

  for (const guchar *p = (const guchar *) (str ? str : ""); *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }

  g_string_append_c (out, '"');
}

static void
append_key (GString    *out,
            const char *key)
{
  spec_json_append_string (out, key);
  g_string_append_c (out, ':');
}

static void
append_checklist (GString *out,
                  guint    done,
                  guint    total)
{
  g_string_append_printf (out, "{\"done\":%u,\"total\":%u}", done, total);
}

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
      g_return_val_if_reached ("unknown");
    }
}

static void
append_item (GString        *out,
             const SpecItem *item)
{
  g_string_append_c (out, '{');
  append_key (out, "kind");
  spec_json_append_string (out, kind_name (item->kind));
  g_string_append_c (out, ',');
  append_key (out, "text");
  spec_json_append_string (out, item->text);
  g_string_append_printf (out, ",\"line\":%u,\"column\":%u", item->line, item->column);
  if (item->question != NULL)
    {
      g_string_append_c (out, ',');
      append_key (out, "question");
      spec_json_append_string (out, item->question);
    }
  if (item->section != NULL)
    g_string_append_printf (out, ",\"section_line\":%u", item->section->heading_line);
  else
    g_string_append (out, ",\"section_line\":null");
  g_string_append_c (out, '}');
}

static void
append_sections (GString          *out,
                 const SpecReport *report,
                 GPtrArray        *sections)
{
  g_string_append_c (out, '[');

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      const SpecSectionReport *sr = spec_report_get_section (report, section);

      if (i > 0)
        g_string_append_c (out, ',');

      g_string_append_c (out, '{');
      append_key (out, "title");
      spec_json_append_string (out, section->title);
      g_string_append_printf (out, ",\"level\":%u,\"line\":%u,\"end_line\":%u,",
                              section->level, section->heading_line, section->end_line);
      append_key (out, "state");
      spec_json_append_string (out, spec_section_state_to_string (sr->state));
      g_string_append_printf (out,
                              ",\"counted\":%s,\"container\":%s,"
                              "\"placeholders\":%u,\"clarifications\":%u,\"guidance\":%u,",
                              sr->counted ? "true" : "false",
                              sr->container ? "true" : "false",
                              sr->n_placeholders, sr->n_clarifications, sr->n_guidance);
      append_key (out, "checklist");
      append_checklist (out, sr->checklist_done, sr->checklist_total);
      g_string_append_c (out, ',');
      append_key (out, "children");
      append_sections (out, report, section->children);
      g_string_append_c (out, '}');
    }

  g_string_append_c (out, ']');
}

/**
 * spec_report_json_append_file:
 * @template_path: (nullable): the template the report was checked against
 *
 * Appends one file's whole report as a JSON object.
 */
void
spec_report_json_append_file (GString      *out,
                              const char   *path,
                              const char   *template_path,
                              SpecSnapshot *snapshot)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  g_return_if_fail (out != NULL);
  g_return_if_fail (SPEC_IS_SNAPSHOT (snapshot));

  g_string_append_c (out, '{');
  append_key (out, "file");
  spec_json_append_string (out, path);
  g_string_append_c (out, ',');
  append_key (out, "template");
  if (template_path != NULL)
    spec_json_append_string (out, template_path);
  else
    g_string_append (out, "null");
  g_string_append_printf (out,
                          ",\"complete\":%s,\"percent\":%u,"
                          "\"sections\":{\"complete\":%u,\"counted\":%u,\"empty\":%u},"
                          "\"placeholders\":%u,\"clarifications\":%u,\"guidance\":%u,",
                          report->complete ? "true" : "false", report->percent,
                          report->n_complete, report->n_counted, report->n_empty,
                          report->n_placeholders, report->n_clarifications, report->n_guidance);
  append_key (out, "checklist");
  append_checklist (out, report->checklist_done, report->checklist_total);

  g_string_append (out, ",\"missing\":[");
  for (guint i = 0; i < report->missing->len; i++)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      append_key (out, "title");
      spec_json_append_string (out, missing->title);
      g_string_append_printf (out, ",\"level\":%u,\"required\":%s,\"counted\":%s,\"template_line\":%u,",
                              missing->level,
                              missing->required ? "true" : "false",
                              missing->counted ? "true" : "false",
                              missing->template_line);
      if (missing->after != NULL)
        g_string_append_printf (out, "\"after_line\":%u}", missing->after->heading_line);
      else
        g_string_append (out, "\"after_line\":null}");
    }

  g_string_append (out, "],\"items\":[");
  for (guint i = 0; i < report->items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_item (out, &g_array_index (report->items, SpecItem, i));
    }

  g_string_append (out, "],\"outline\":");
  append_sections (out, report, spec_snapshot_get_outline (snapshot));
  g_string_append_c (out, '}');
}

/* A file that could not be checked: its path and the reason. */
void
spec_report_json_append_error (GString    *out,
                               const char *path,
                               const char *message)
{
  g_string_append_c (out, '{');
  append_key (out, "file");
  spec_json_append_string (out, path);
  g_string_append_c (out, ',');
  append_key (out, "error");
  spec_json_append_string (out, message);
  g_string_append_c (out, '}');
}
