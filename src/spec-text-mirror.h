/* spec-text-mirror.h: a text buffer's text, kept up to date edit by edit
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _SpecTextMirror SpecTextMirror;

SpecTextMirror *spec_text_mirror_new        (void);
void            spec_text_mirror_free       (SpecTextMirror    *self);
void            spec_text_mirror_insert     (SpecTextMirror    *self,
                                             const GtkTextIter *location,
                                             const char        *text,
                                             gsize              length);
void            spec_text_mirror_delete     (SpecTextMirror    *self,
                                             const GtkTextIter *start,
                                             const GtkTextIter *end);
void            spec_text_mirror_invalidate (SpecTextMirror    *self);
char           *spec_text_mirror_dup        (SpecTextMirror    *self,
                                             GtkTextBuffer     *buffer,
                                             gsize             *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecTextMirror, spec_text_mirror_free)

G_END_DECLS
