/* specwright-check.c: the completeness engine for the terminal and CI
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "spec-report-json.h"
#include "spec-template.h"
#include "spec-snapshot.h"
#include "spec-text-file.h"
#include "spec-title-match.h"

enum {
  EXIT_OK = 0,
  EXIT_INCOMPLETE = 1,
  EXIT_ERROR = 2,
};

typedef struct
{
  gboolean      outline;
  gboolean      json;
  char         *template_path;
  int           min_percent;     /* -1: every file must be complete */
  SpecSnapshot *template_snapshot;
} Options;

static void
options_clear (Options *options)
{
  g_clear_object (&options->template_snapshot);
  g_clear_pointer (&options->template_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
print_outline (const char   *path,
               SpecSnapshot *snapshot)
{
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);
  guint width = 1;

  /* Right-align line numbers on the width of the document's last line. */
  for (guint n = spec_snapshot_get_n_lines (snapshot); n >= 10; n /= 10)
    width++;

  g_print ("%s\n", path);

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);

      g_print ("%*u  %*s%s\n",
               (int) width, section->heading_line,
               (int) (2 * (section->level - 1)), "",
               section->title);
    }
}

static char *
where (const SpecSection *section)
{
  g_autofree char *title = NULL;

  if (section == NULL)
    return g_strdup (_("before the first heading"));

  title = spec_title_display (section->title);

  /* Translators: where an unfilled item is: in "Section title" */
  return g_strdup_printf (_("in “%s”"), title);
}

/* One line per unfilled item, as compilers print them, so editors and CI
 * can jump to each: "spec.md:12:21: placeholder [X] in “Goals”". */
static void
print_diagnostics (const char   *path,
                   SpecSnapshot *snapshot)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  GPtrArray *sections = spec_snapshot_get_sections (snapshot);

  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);
      g_autofree char *in = where (item->section);

      switch (item->kind)
        {
        case SPEC_ITEM_PLACEHOLDER:
          g_print ("%s:%u:%u: %s %s %s\n", path, item->line, item->column,
                   _("placeholder"), item->text, in);
          break;

        case SPEC_ITEM_CLARIFICATION:
          if (item->question && *item->question)
            g_print ("%s:%u:%u: %s “%s” %s\n", path, item->line, item->column,
                     _("clarification"), item->question, in);
          else
            g_print ("%s:%u:%u: %s %s %s\n", path, item->line, item->column,
                     _("clarification"), item->text, in);
          break;

        case SPEC_ITEM_GUIDANCE:
        default:
          /* Guidance is reported in the summary, not as an unfilled item. */
          break;
        }
    }

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      const SpecSectionReport *sr = spec_report_get_section (report, section);

      if (sr->counted && sr->state == SPEC_SECTION_EMPTY)
        g_print ("%s:%u:1: %s “%s”\n", path, section->heading_line,
                 _("empty section"), section->title);
    }

  for (guint i = 0; i < report->missing->len; i++)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, i);

      g_print ("%s: %s “%s”%s\n", path, _("missing section"), missing->title,
               missing->required ? _(" (required)") : "");
    }
}

static void
print_summary (const char   *path,
               SpecSnapshot *snapshot)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, _("%s: %u/%u sections complete (%u%%)"),
                          path, report->n_complete,
                          report->n_counted + report->n_missing_counted, report->percent);
  g_string_append (line, ", ");
  g_string_append_printf (line, ngettext ("%u placeholder", "%u placeholders", report->n_placeholders),
                          report->n_placeholders);
  g_string_append (line, ", ");
  g_string_append_printf (line, ngettext ("%u clarification", "%u clarifications", report->n_clarifications),
                          report->n_clarifications);
  g_string_append (line, ", ");
  g_string_append_printf (line, _("checklist %u/%u"), report->checklist_done, report->checklist_total);
  if (report->against_template)
    {
      g_string_append (line, ", ");
      g_string_append_printf (line, ngettext ("%u missing section", "%u missing sections", report->missing->len),
                              report->missing->len);
    }
  if (report->n_guidance > 0)
    {
      g_string_append (line, ", ");
      g_string_append_printf (line, ngettext ("%u guidance comment", "%u guidance comments", report->n_guidance),
                              report->n_guidance);
    }

  g_print ("%s\n", line->str);
}

static gboolean
passes (const Options *options,
        SpecSnapshot  *snapshot)
{
  const SpecReport *report = spec_snapshot_get_report (snapshot);

  if (options->min_percent >= 0)
    return report->percent >= (guint) options->min_percent;

  return report->complete;
}

static gboolean
parse_min (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  Options *options = data;
  guint64 percent;

  if (!g_ascii_string_to_unsigned (value, 10, 0, 100, &percent, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--min takes a whole number from 0 to 100, not “%s”"), value);
      return FALSE;
    }

  options->min_percent = (int) percent;
  return TRUE;
}

static SpecSnapshot *
load (const char  *path,
      SpecSnapshot *template_snapshot,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!spec_text_file_load (file, &contents, &length, NULL, error))
    return NULL;

  if (template_snapshot != NULL)
    return spec_snapshot_new_for_template (contents, length, template_snapshot);

  return spec_snapshot_new_take (g_steal_pointer (&contents), length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GOptionGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_auto(GStrv) paths = NULL;
  g_auto(Options) options = { .min_percent = -1 };
  guint printed = 0;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print the whole report as JSON"), NULL },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &options.template_path,
      N_("Check against a template: report the sections the file lacks"), N_("FILE") },
    { "min", 0, 0, G_OPTION_ARG_CALLBACK, parse_min,
      N_("Pass when at least PERCENT of the sections are complete"), N_("PERCENT") },
    { "outline", 0, 0, G_OPTION_ARG_NONE, &options.outline,
      N_("Print each file’s outline: one heading a line, indented by level, with its line number"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE…") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE… — check Markdown specifications for unfilled slots"));
  group = g_option_group_new ("specwright-check", NULL, NULL, &options, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, g_steal_pointer (&group));
  g_option_context_set_summary (context,
                                _("Reports every placeholder and clarification marker still in "
                                  "the files, per section, with a summary line per file.\n\n"
                                  "Exit status: 0 when every file is complete (or reaches --min), "
                                  "1 when one is not, 2 when a file could not be read (the other "
                                  "files are still checked)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("specwright-check: %s\n", error->message);
      return EXIT_ERROR;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("specwright-check: %s\n", _("no file given; try --help"));
      return EXIT_ERROR;
    }

  if (options.template_path != NULL)
    {
      /* A template's front matter is not its text: read as a template. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options.template_path);
      g_autoptr(SpecTemplate) template_ = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (spec_text_file_load (file, &contents, &length, NULL, &error))
        template_ = spec_template_new_from_text (contents, length, NULL, &error);
      if (template_ == NULL)
        {
          g_printerr ("specwright-check: %s: %s\n", options.template_path, error->message);
          return EXIT_ERROR;
        }
      options.template_snapshot = g_object_ref (spec_template_get_snapshot (template_));
    }

  if (options.json)
    {
      json = g_string_new (NULL);
      g_string_append_printf (json, "{\"version\":%d,\"files\":[", SPEC_REPORT_JSON_VERSION);
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *display = g_filename_display_name (paths[i]);
      g_autoptr(SpecSnapshot) snapshot = NULL;
      g_autoptr(GError) load_error = NULL;

      snapshot = load (paths[i], options.outline ? NULL : options.template_snapshot, &load_error);

      if (snapshot == NULL)
        {
          g_printerr ("specwright-check: %s: %s\n", display, load_error->message);
          status = EXIT_ERROR;
          if (json != NULL)
            {
              if (i > 0)
                g_string_append_c (json, ',');
              spec_report_json_append_error (json, display, load_error->message);
            }
          continue;
        }

      if (options.outline)
        {
          if (printed++ > 0)
            g_print ("\n");
          print_outline (display, snapshot);
          continue;
        }

      if (json != NULL)
        {
          if (i > 0)
            g_string_append_c (json, ',');
          spec_report_json_append_file (json, display, options.template_path, snapshot);
        }
      else
        {
          print_diagnostics (display, snapshot);
          print_summary (display, snapshot);
        }

      if (!passes (&options, snapshot) && status == EXIT_OK)
        status = EXIT_INCOMPLETE;
    }

  if (json != NULL)
    {
      g_string_append (json, "]}\n");
      fputs (json->str, stdout);
    }

  return status;
}
