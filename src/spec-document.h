/* spec-document.h: the text being edited, its file and its snapshot
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

/* Texts at least this long are parsed on a worker thread; so is any text
 * whose last parse took longer than the second (half a frame), or
 * after an insertion longer than the third (a file opened, a paste), until
 * a parse has shown how long it takes. */
#define SPEC_DOCUMENT_THREADED_PARSE_SIZE (256 * 1024)
#define SPEC_DOCUMENT_MAIN_THREAD_PARSE_TIME (8 * G_TIME_SPAN_MILLISECOND)
#define SPEC_DOCUMENT_LARGE_INSERTION (16 * 1024)

/* Texts longer than this are not syntax-highlighted in the editor (the
 * highlighter would keep the main thread busy for tenths of a second after
 * every edit); shorter than the second, they are again. */
#define SPEC_DOCUMENT_HIGHLIGHT_OFF_SIZE (4 * 1024 * 1024)
#define SPEC_DOCUMENT_HIGHLIGHT_ON_SIZE  (3 * 1024 * 1024)

/* Pango breaks a wrapped line in time that grows with the square of its
 * length (a 10 000-byte line takes about 150 ms on each keystroke, a
 * 50 000-byte one two seconds), and the highlighter matches a line as one
 * piece.  A document with a line longer than this is not highlighted and
 * the editor does not wrap it (it is then scrolled sideways, laid out in
 * linear time); both come back once no line is longer than half of it. */
#define SPEC_DOCUMENT_LONG_LINE 4096

#define SPEC_TYPE_DOCUMENT (spec_document_get_type())

G_DECLARE_FINAL_TYPE (SpecDocument, spec_document, SPEC, DOCUMENT, GtkSourceBuffer)

SpecDocument *spec_document_new            (void);
GFile        *spec_document_get_file       (SpecDocument         *self);
const char   *spec_document_get_title      (SpecDocument         *self);
char         *spec_document_dup_folder     (SpecDocument         *self);
SpecSnapshot *spec_document_get_snapshot   (SpecDocument         *self);
gboolean      spec_document_get_busy       (SpecDocument         *self);
gboolean      spec_document_get_long_lines (SpecDocument         *self);
gboolean      spec_document_is_untouched   (SpecDocument         *self);
char         *spec_document_dup_text       (SpecDocument         *self);
gboolean      spec_document_toggle_task    (SpecDocument         *self,
                                            guint                 line,
                                            gboolean              checked);
void          spec_document_set_template   (SpecDocument         *self,
                                            SpecSnapshot         *template_snapshot);
gboolean      spec_document_is_current     (SpecDocument         *self);
gint64        spec_document_get_library_id (SpecDocument         *self);
void          spec_document_set_library_id (SpecDocument         *self,
                                            gint64                library_id);
void          spec_document_load_library_spec (SpecDocument      *self,
                                            gint64                library_id,
                                            const char           *title,
                                            const char           *text);
void          spec_document_get_iter_at_byte (SpecDocument       *self,
                                            gsize                 offset,
                                            GtkTextIter          *iter);
gsize         spec_document_get_byte_at_iter (SpecDocument       *self,
                                            const GtkTextIter    *iter);
gboolean      spec_document_apply_edits    (SpecDocument         *self,
                                            SpecSnapshot         *snapshot,
                                            GPtrArray            *edits);
void          spec_document_load_async     (SpecDocument         *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      spec_document_load_finish    (SpecDocument         *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void          spec_document_save_async     (SpecDocument         *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      spec_document_save_finish    (SpecDocument         *self,
                                            GAsyncResult         *result,
                                            GError              **error);

const char   *spec_document_get_disk_etag       (SpecDocument        *self);
void          spec_document_set_disk_etag       (SpecDocument        *self,
                                                 const char          *etag);

G_END_DECLS
