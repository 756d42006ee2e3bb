/* specwright-check.c: the core's view of specs, for the terminal and CI
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "spec-snapshot.h"
#include "spec-text-file.h"

enum {
  EXIT_OK = 0,
  EXIT_INCOMPLETE = 1,
  EXIT_ERROR = 2,
};

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean outline = FALSE;
  guint printed = 0;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "outline", 0, 0, G_OPTION_ARG_NONE, &outline,
      N_("Print each file’s outline: one heading a line, indented by level, with its line number"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE…") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE… — check Markdown specifications"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Exit status: 0 when every file was read, 2 when a file "
                                  "could not be read (the other files are still checked)."));

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

  if (!outline)
    {
      g_printerr ("specwright-check: %s\n", _("nothing to do: pass --outline"));
      return EXIT_ERROR;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(SpecSnapshot) snapshot = NULL;
      g_autoptr(GError) load_error = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (!spec_text_file_load (file, &contents, &length, NULL, &load_error))
        {
          g_printerr ("specwright-check: %s: %s\n", paths[i], load_error->message);
          status = EXIT_ERROR;
          continue;
        }

      snapshot = spec_snapshot_new_take (contents, length);

      if (printed > 0)
        g_print ("\n");
      print_outline (paths[i], snapshot);
      printed++;
    }

  return status;
}
