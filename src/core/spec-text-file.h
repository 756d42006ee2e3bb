/* spec-text-file.h: reading and atomically writing Markdown files
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file Specwright opens.  The one place this limit lives. */
#define SPEC_TEXT_FILE_MAX_SIZE ((goffset) 64 * 1024 * 1024)

/* The longest line the editor opens.  GTK lays a line out as one piece,
 * in time that grows with its length: 10 MB on one line stall the window
 * for seconds at every keystroke.  The command-line tool has no limit. */
#define SPEC_TEXT_FILE_MAX_LINE ((gsize) 128 * 1024)

#define SPEC_TEXT_FILE_ERROR (spec_text_file_error_quark ())

typedef enum
{
  SPEC_TEXT_FILE_ERROR_NOT_FOUND,
  SPEC_TEXT_FILE_ERROR_NOT_REGULAR,
  SPEC_TEXT_FILE_ERROR_TOO_LARGE,
  SPEC_TEXT_FILE_ERROR_BINARY,
  SPEC_TEXT_FILE_ERROR_NOT_UTF8,
  SPEC_TEXT_FILE_ERROR_LINE_TOO_LONG,
  SPEC_TEXT_FILE_ERROR_PERMISSION,
  SPEC_TEXT_FILE_ERROR_READ_ONLY,
  SPEC_TEXT_FILE_ERROR_NO_SPACE,
  SPEC_TEXT_FILE_ERROR_CHANGED,
  SPEC_TEXT_FILE_ERROR_FAILED,
} SpecTextFileError;

/* Error messages give the reason only, without the file's name: the
 * caller names the file the way its user sees it (a dialog title, or
 * "path: reason" on stderr). */
GQuark    spec_text_file_error_quark (void);
gboolean  spec_text_file_load        (GFile         *file,
                                      char         **contents,
                                      gsize         *length,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  spec_text_file_validate    (const char    *contents,
                                      gsize          length,
                                      GError       **error);
gboolean  spec_text_file_check_lines (const char    *contents,
                                      gsize          length,
                                      GError       **error);
char     *spec_text_file_dup_display_name (GFile   *file);
gboolean  spec_text_file_is_portal_path (const char *path);
gboolean  spec_text_file_save_in_place (GFile       *file,
                                        const char  *contents,
                                        gsize        length,
                                        GError     **error);
char     *spec_text_file_dup_etag    (GFile         *file);
gboolean  spec_text_file_save        (GFile         *file,
                                      const char    *contents,
                                      gsize          length,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  spec_text_file_replace     (GFile         *file,
                                      const char    *contents,
                                      gsize          length,
                                      const char    *expected_etag,
                                      char         **new_etag,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
