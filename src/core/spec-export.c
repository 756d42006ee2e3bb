/* spec-export.c: what every export of a document shares
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spec-export.h"
#include "spec-title-match.h"

/* A suggested file name stays well under the 255 bytes most file
 * systems allow, leaving room for what a file chooser adds. */
#define MAX_NAME_BYTES 200

static const struct
{
  const char       *name;
  const char       *extension;
  SpecExportFormat  format;
} formats[] = {
  { "html", "html", SPEC_EXPORT_FORMAT_HTML },
  { "pdf", "pdf", SPEC_EXPORT_FORMAT_PDF },
  { "markdown", "md", SPEC_EXPORT_FORMAT_MARKDOWN },
  { "md", "md", SPEC_EXPORT_FORMAT_MARKDOWN },
};

/**
 * spec_export_format_from_name:
 * @name: a format's name ("html", "pdf", "markdown"), in any case
 *
 * Returns: whether @name is a format, then set in @format
 */
gboolean
spec_export_format_from_name (const char       *name,
                              SpecExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (name, formats[i].name) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
spec_export_format_get_extension (SpecExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i].format == format)
        return formats[i].extension;
    }

  g_return_val_if_reached ("txt");
}

/**
 * spec_export_dup_title:
 * @file: (nullable): the document's file
 *
 * The title an export shows (an HTML page's title, a PDF's page header):
 * the first heading, as the library and the window call a spec, else the
 * file's name without its extension, else "Untitled Document".
 */
char *
spec_export_dup_title (SpecSnapshot *snapshot,
                       GFile        *file)
{
  GPtrArray *sections;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  sections = spec_snapshot_get_sections (snapshot);
  if (sections->len > 0)
    {
      g_autofree char *heading = spec_title_display (((SpecSection *) g_ptr_array_index (sections, 0))->title);

      if (heading != NULL && *heading != '\0')
        return g_steal_pointer (&heading);
    }

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display = basename ? g_filename_display_name (basename) : NULL;
      char *dot = display ? strrchr (display, '.') : NULL;

      if (dot != NULL && dot != display)
        *dot = '\0';
      if (display != NULL && *display != '\0')
        return g_steal_pointer (&display);
    }

  return g_strdup (_("Untitled Document"));
}

/**
 * spec_export_file_name:
 * @title: (nullable): the spec's title
 *
 * A file name to suggest for an export: the title, with what a file
 * manager cannot show or a file system refuses changed to "-", never
 * hidden (no leading "."), never a path (no "/"), cut to a whole
 * character under 200 bytes, and the format's extension.
 */
char *
spec_export_file_name (const char       *title,
                       SpecExportFormat  format)
{
  g_autofree char *name = NULL;
  char *start;

  name = g_utf8_make_valid (title != NULL && *title != '\0' ? title : _("Untitled"), -1);
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '-');

  start = name;
  while (*start == '.' || g_ascii_isspace (*start))
    start++;

  if (strlen (start) > MAX_NAME_BYTES)
    *g_utf8_find_prev_char (start, start + MAX_NAME_BYTES + 1) = '\0';
  g_strchomp (start);

  return g_strconcat (*start != '\0' ? start : _("Untitled"), ".",
                      spec_export_format_get_extension (format), NULL);
}
