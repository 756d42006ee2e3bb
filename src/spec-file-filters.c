/* spec-file-filters.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-file-filters.h"

/* Markdown by its types and its usual names, for every chooser. */
GtkFileFilter *
spec_markdown_file_filter_new (void)
{
  GtkFileFilter *markdown = gtk_file_filter_new ();

  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_mime_type (markdown, "text/x-markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_add_suffix (markdown, "markdown");

  return markdown;
}

GtkFileFilter *
spec_all_files_filter_new (void)
{
  GtkFileFilter *all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  return all;
}
