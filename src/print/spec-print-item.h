/* spec-print-item.h: one printed piece of a document and its fragments
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Nested block quotes draw one bar each, up to this many; deeper ones
 * are indented no further. */
#define SPEC_PRINT_MAX_QUOTES 8

/* Black on white: dimmed text and lines are black with less opacity. */
#define SPEC_PRINT_BORDER_ALPHA 0.22

typedef enum
{
  SPEC_PRINT_ITEM_TEXT,    /* wrapped text: splits between lines */
  SPEC_PRINT_ITEM_CODE,    /* text on a shaded box: splits between lines */
  SPEC_PRINT_ITEM_RULE,    /* a thematic break */
  SPEC_PRINT_ITEM_IMAGE,   /* a picture, never split */
  SPEC_PRINT_ITEM_TABLE,   /* splits between rows, repeating the header */
} SpecPrintItemKind;

typedef enum
{
  SPEC_PRINT_CHECK_NONE,
  SPEC_PRINT_CHECK_OPEN,
  SPEC_PRINT_CHECK_DONE,
} SpecPrintCheck;

typedef struct _SpecPrintTable SpecPrintTable;

/* A document is flattened into items, one after the other down the page:
 * nesting (lists, quotes) is only their indentation and decorations.
 *
 * An item is cut into units (lines of text or code, rows of a table) and
 * a page holds a fragment: a run of whole units.  Heights are in points,
 * from the top of the item's content. */
typedef struct
{
  SpecPrintItemKind  kind;
  double             x;             /* left edge, from the content's */
  double             width;
  double             inset;         /* of the text, from x: in a code box */
  double             space_before;  /* dropped at the top of a page */
  double             alpha;         /* of the text: 1 or dimmed */

  gboolean           keep_with_next;  /* a heading: never last on a page */

  guint              n_units;
  double            *stops;         /* n_units + 1 offsets where units meet */
  guint              min_first;     /* units kept together at the start */
  guint              min_last;      /* and at the end */

  double             lead;          /* above the first fragment only */
  double             head;          /* above every fragment (table header) */
  double             pad_top;       /* around every fragment (code box) */
  double             pad_bottom;
  double             tail;          /* below the last fragment only */

  /* Decorations of the first fragment. */
  PangoLayout       *marker;        /* a list's bullet or number */
  double             marker_x;      /* its left edge */
  SpecPrintCheck     check;
  double             check_x;
  gboolean           rule_above;    /* in the lead: the footnotes' rule */
  gboolean           rule_below;    /* in the tail: h1 and h2 */

  /* The bars of the block quotes it is in, outermost first.  Those the
   * item shares with the one before it reach up through the space
   * between them, so that a quote's bar is unbroken. */
  guint              n_quotes;
  double             quote_x[SPEC_PRINT_MAX_QUOTES];
  gconstpointer      quote_nodes[SPEC_PRINT_MAX_QUOTES];
  guint              n_shared_quotes;

  PangoLayout       *layout;        /* text and code */
  cairo_surface_t   *image;
  double             image_width;
  double             image_height;
  SpecPrintTable    *table;
} SpecPrintItem;

SpecPrintItem *spec_print_item_new             (SpecPrintItemKind    kind);
void           spec_print_item_free            (SpecPrintItem       *item);
void           spec_print_item_set_layout      (SpecPrintItem       *item,
                                                PangoLayout         *layout,
                                                gboolean             keep_together);
void           spec_print_item_set_height      (SpecPrintItem       *item,
                                                double               height);
double         spec_print_item_get_height      (const SpecPrintItem *item,
                                                guint                first,
                                                guint                end);
guint          spec_print_item_fit             (const SpecPrintItem *item,
                                                guint                first,
                                                double               available,
                                                gboolean             force);
void           spec_print_item_draw            (const SpecPrintItem *item,
                                                cairo_t             *cr,
                                                guint                first,
                                                guint                end,
                                                double               y,
                                                gboolean             joins_previous);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecPrintItem, spec_print_item_free)

G_END_DECLS
