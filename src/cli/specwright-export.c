/* specwright-export.c: a spec exported as HTML or PDF from the terminal
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same code as the window's Export, without a window: the core parses
 * and renders HTML; the print library lays out pages with Pango and
 * writes them with cairo.  No display is needed.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "spec-export.h"
#include "spec-export-html.h"
#include "spec-pdf-export.h"
#include "spec-snapshot.h"
#include "spec-status.h"
#include "spec-text-file.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* Without --format, the output's extension says which. */
static gboolean
format_from_output (const char       *output,
                    SpecExportFormat *format)
{
  const char *dot = strrchr (output, '.');

  return dot != NULL && strchr (dot, '/') == NULL &&
         spec_export_format_from_name (dot + 1, format) &&
         *format != SPEC_EXPORT_FORMAT_MARKDOWN;
}

static gboolean
export_html (SpecSnapshot  *snapshot,
             GFile         *input,
             GFile         *output,
             const char    *title,
             gboolean       report,
             GError       **error)
{
  g_autofree char *html = NULL;

  html = spec_export_html (snapshot, input, title,
                           report ? SPEC_EXPORT_HTML_REPORT : SPEC_EXPORT_HTML_DEFAULT,
                           NULL, error);
  if (html == NULL)
    return FALSE;

  /* Atomic: a failure leaves no partial file, and an old one intact. */
  return spec_text_file_save (output, html, strlen (html), NULL, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(SpecSnapshot) snapshot = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) paths = NULL;
  SpecExportFormat format = SPEC_EXPORT_FORMAT_HTML;
  gboolean report = FALSE;
  gsize length = 0;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Write html or pdf (without it, the output’s extension says which)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE, replacing it"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The title to show (by default the first heading)"), N_("TITLE") },
    { "report", 0, 0, G_OPTION_ARG_NONE, &report,
      N_("Add the completeness report as an appendix (HTML)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE — export a Markdown specification as HTML or PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes one self-contained HTML file (styles and local images "
                                  "inside, no scripts, nothing fetched) or a paginated PDF, as "
                                  "Specwright’s Export does.\n\n"
                                  "Exit status: 0 when the file was written, 1 when the input "
                                  "could not be read or the output not written (no partial file "
                                  "is left), 2 for a wrong command line."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("specwright-export: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("specwright-export: %s\n", _("no file given; try --help"));
      return EXIT_USAGE;
    }
  if (paths[1] != NULL)
    {
      g_printerr ("specwright-export: %s\n", _("one file at a time; try --help"));
      return EXIT_USAGE;
    }
  if (output_path == NULL)
    {
      g_printerr ("specwright-export: %s\n", _("no output given: -o FILE"));
      return EXIT_USAGE;
    }

  if (format_name != NULL)
    {
      if (!spec_export_format_from_name (format_name, &format) || format == SPEC_EXPORT_FORMAT_MARKDOWN)
        {
          /* Translators: the format named is not one of html, pdf */
          g_printerr ("specwright-export: %s\n", _("--format takes html or pdf"));
          return EXIT_USAGE;
        }
    }
  else if (!format_from_output (output_path, &format))
    {
      g_printerr ("specwright-export: %s\n",
                  _("say which format with --format html or pdf, or end the output’s name in .html or .pdf"));
      return EXIT_USAGE;
    }

  input = g_file_new_for_commandline_arg (paths[0]);
  output = g_file_new_for_commandline_arg (output_path);
  display = g_filename_display_name (paths[0]);

  if (g_file_equal (input, output))
    {
      g_printerr ("specwright-export: %s: %s\n", display, _("the output would replace the input"));
      return EXIT_USAGE;
    }

  if (!spec_text_file_load (input, &contents, &length, NULL, &error))
    {
      g_printerr ("specwright-export: %s: %s\n", display, error->message);
      return EXIT_FAILED;
    }
  status = spec_status_parse (contents, length);
  snapshot = spec_snapshot_new_take (g_steal_pointer (&contents), length);
  if (title == NULL)
    title = spec_export_dup_title (snapshot, input);

  if (format == SPEC_EXPORT_FORMAT_PDF)
    ok = spec_pdf_export (snapshot, input, title, status, output, NULL, NULL, NULL, &error);
  else
    ok = export_html (snapshot, input, output, title, report, &error);

  if (!ok)
    {
      g_autofree char *output_display = g_filename_display_name (output_path);

      g_printerr ("specwright-export: %s: %s\n", output_display, error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}
