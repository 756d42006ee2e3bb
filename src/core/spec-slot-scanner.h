/* spec-slot-scanner.h: finds unfilled slots in Markdown source text
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SPEC_ITEM_PLACEHOLDER,     /* [FEATURE_NAME], `[feature_id]` */
  SPEC_ITEM_CLARIFICATION,   /* [NEEDS CLARIFICATION: question] */
  SPEC_ITEM_GUIDANCE,        /* <!-- ACTION REQUIRED … --> left in */
} SpecItemKind;

/* One thing found in the text, by byte range. */
typedef struct
{
  SpecItemKind kind;
  gsize        offset;    /* of the opening '[' (or "<!--") */
  gsize        length;    /* through the closing ']' (or "-->") */
  gsize        text_offset;  /* the slot itself: inside a code span, the */
  gsize        text_length;  /* brackets only, without the backticks */
} SpecSlot;

/* Link reference labels ("[label]: url"), normalised as CommonMark
 * matches them: "[label]" alone is then a link, not a slot. */
GHashTable *spec_slot_scanner_collect_labels (const char  *text,
                                              gsize        length);
char       *spec_slot_scanner_normalize_label (const char *label,
                                               gsize       length);

/* Scans the prose in text[start, end) — a paragraph, heading or table —
 * appending every slot and comment found to @slots (GArray of SpecSlot).
 * @tokens, when not NULL, is a set of bracketed tokens from a template:
 * inside code spans they are reported even when not alone in the span. */
void        spec_slot_scanner_scan_prose     (const char  *text,
                                              gsize        start,
                                              gsize        end,
                                              GHashTable  *labels,
                                              GHashTable  *tokens,
                                              GArray      *slots);

/* Scans code (a fenced or indented block) for tokens of @tokens only. */
void        spec_slot_scanner_scan_code      (const char  *text,
                                              gsize        start,
                                              gsize        end,
                                              GHashTable  *tokens,
                                              GArray      *slots);

/* Counts and records the HTML comments in an HTML block. */
void        spec_slot_scanner_scan_html      (const char  *text,
                                              gsize        start,
                                              gsize        end,
                                              GArray      *slots);

/* Every bracketed token anywhere in @text (code included), as a set of
 * strings like "[table_name]": what a template asks to be filled. */
GHashTable *spec_slot_scanner_collect_tokens (const char  *text,
                                              gsize        length);

gboolean    spec_slot_is_clarification       (const char  *slot,
                                              gsize        length,
                                              char       **question);

G_END_DECLS
