/* spec-print-layout.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination lays out a bounded number of top-level blocks per step, as
 * items (see spec-print-item.h), and places them on pages as soon as it
 * can: a heading waits until the item after it is known, as it must go
 * to the page that item starts on.  Every layout is kept for drawing, so
 * a page is drawn exactly as it was measured.
 *
 * Driving it from GtkPrintOperation, with gtk_print_operation_set_unit
 * (op, GTK_UNIT_POINTS):
 *
 *   begin-print: spec_print_layout_set_page_size (layout,
 *                  gtk_print_context_get_width (context),
 *                  gtk_print_context_get_height (context));
 *   paginate:    done = spec_print_layout_paginate_step (layout,
 *                  gtk_print_context_create_pango_context (context)) (the
 *                  same context every time: create it once);
 *                if done, gtk_print_operation_set_n_pages (op,
 *                  spec_print_layout_get_n_pages (layout)); return done;
 *   draw-page:   spec_print_layout_draw_page (layout,
 *                  gtk_print_context_get_cairo_context (context), page_nr);
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-print-blocks.h"
#include "spec-print-item.h"
#include "spec-print-layout.h"
#include "spec-print-text.h"

/* The bands the layout keeps inside the printable area: a header of the
 * title and status over a rule, and a footer of the page number. */
#define HEADER_HEIGHT 30.0
#define HEADER_RULE_Y 14.0
#define FOOTER_HEIGHT 24.0
#define BAND_ALPHA 0.6
#define BAND_RULE_WIDTH 0.5
#define STATUS_GAP 18.0

/* Top-level blocks laid out per step: a step of a long document stays
 * well under a frame's worth of a second. */
#define BLOCKS_PER_STEP 50

/* A page as small as a label still makes progress. */
#define MIN_CONTENT_SIZE 36.0

typedef struct
{
  guint  item;
  guint  first;
  guint  end;
  double y;      /* of the fragment, from the top of the content */
} Placement;

struct _SpecPrintLayout
{
  GObject       parent_instance;

  SpecSnapshot *snapshot;
  GFile        *base_file;
  char         *title;
  char         *status;
  double        page_width;
  double        page_height;

  /* The pagination so far. */
  PangoContext *context;
  GPtrArray    *items;        /* SpecPrintItem */
  GArray       *placements;   /* Placement, page after page */
  GArray       *page_starts;  /* guint: each page's first placement */
  guint         next_block;   /* the first block not laid out */
  guint         next_item;    /* the first item not placed */
  double        y;            /* where the next item goes on the last page */
  gboolean      done;
};

G_DEFINE_FINAL_TYPE (SpecPrintLayout, spec_print_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  PROP_BASE_FILE,
  PROP_TITLE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
content_width (SpecPrintLayout *self)
{
  return MAX (self->page_width, MIN_CONTENT_SIZE);
}

static double
content_height (SpecPrintLayout *self)
{
  return MAX (self->page_height - HEADER_HEIGHT - FOOTER_HEIGHT, MIN_CONTENT_SIZE);
}

static void
reset_pagination (SpecPrintLayout *self)
{
  g_clear_object (&self->context);
  g_ptr_array_set_size (self->items, 0);
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->page_starts, 0);
  self->next_block = 0;
  self->next_item = 0;
  self->y = 0;
  self->done = FALSE;
}

static void
spec_print_layout_finalize (GObject *object)
{
  SpecPrintLayout *self = (SpecPrintLayout *) object;

  g_clear_object (&self->snapshot);
  g_clear_object (&self->base_file);
  g_clear_object (&self->context);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (spec_print_layout_parent_class)->finalize (object);
}

static void
spec_print_layout_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpecPrintLayout *self = SPEC_PRINT_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    case PROP_BASE_FILE:
      g_value_set_object (value, self->base_file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_print_layout_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpecPrintLayout *self = SPEC_PRINT_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      self->snapshot = g_value_dup_object (value);
      break;

    case PROP_BASE_FILE:
      self->base_file = g_value_dup_object (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_print_layout_class_init (SpecPrintLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spec_print_layout_finalize;
  object_class->get_property = spec_print_layout_get_property;
  object_class->set_property = spec_print_layout_set_property;

  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         SPEC_TYPE_SNAPSHOT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Images are relative to its folder. */
  properties[PROP_BASE_FILE] =
    g_param_spec_object ("base-file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_print_layout_init (SpecPrintLayout *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_print_item_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A4 without margins, until told otherwise. */
  self->page_width = 595.276 - 2 * 54;
  self->page_height = 841.89 - 2 * 54;
}

/**
 * spec_print_layout_new:
 * @snapshot: the document; only read, from the thread that paginates
 * @base_file: (nullable): its file: images are relative to its folder
 * @title: (nullable): shown atop every page
 * @status: (nullable): shown atop every page, on the right
 *
 * Returns: (transfer full): a layout, to be given a page size and then
 *   paginated
 */
SpecPrintLayout *
spec_print_layout_new (SpecSnapshot *snapshot,
                       GFile        *base_file,
                       const char   *title,
                       const char   *status)
{
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);

  return g_object_new (SPEC_TYPE_PRINT_LAYOUT,
                       "snapshot", snapshot,
                       "base-file", base_file,
                       "title", title,
                       "status", status,
                       NULL);
}

/**
 * spec_print_layout_set_page_size:
 * @self: a layout
 * @width: the printable area's width, in points
 * @height: its height; the header and footer are inside it
 *
 * A new size starts the pagination over.
 */
void
spec_print_layout_set_page_size (SpecPrintLayout *self,
                                 double           width,
                                 double           height)
{
  g_return_if_fail (SPEC_IS_PRINT_LAYOUT (self));
  g_return_if_fail (width > 0 && height > 0);

  if (width == self->page_width && height == self->page_height)
    return;

  self->page_width = width;
  self->page_height = height;
  reset_pagination (self);
}

static gboolean
page_is_empty (SpecPrintLayout *self)
{
  return g_array_index (self->page_starts, guint, self->page_starts->len - 1) == self->placements->len;
}

static void
new_page (SpecPrintLayout *self)
{
  guint start = self->placements->len;

  g_array_append_val (self->page_starts, start);
  self->y = 0;
}

/* How much room a heading at @index needs on this page: itself, any
 * headings right after it, and the first lines of what follows them.
 * FALSE if that is not laid out yet. */
static gboolean
get_chain_height (SpecPrintLayout *self,
                  guint            index,
                  double          *height)
{
  double total = 0;

  for (guint i = index; i < self->items->len; i++)
    {
      const SpecPrintItem *item = g_ptr_array_index (self->items, i);
      double space = i == index && page_is_empty (self) ? 0 : item->space_before;

      if (!item->keep_with_next)
        {
          guint first_units = MIN (item->min_first, item->n_units);

          *height = total + space + spec_print_item_get_height (item, 0, first_units);
          return TRUE;
        }

      total += space + spec_print_item_get_height (item, 0, item->n_units);
    }

  *height = total;
  return self->next_block >= spec_snapshot_get_n_blocks (self->snapshot);
}

static void
place_item (SpecPrintLayout *self,
            guint            index)
{
  const SpecPrintItem *item = g_ptr_array_index (self->items, index);
  double available = content_height (self);
  guint first = 0;

  if (item->keep_with_next && !page_is_empty (self))
    {
      double needed = 0;

      get_chain_height (self, index, &needed);
      if (needed > available - self->y)
        new_page (self);
    }

  /* Each turn places a unit at least, or starts a page; an empty page
   * always takes a unit: this ends, whatever the sizes. */
  while (first < item->n_units)
    {
      gboolean empty = page_is_empty (self);
      double space = empty || first > 0 ? 0 : item->space_before;
      Placement placement;
      guint end;

      end = spec_print_item_fit (item, first, available - self->y - space, empty);
      if (end == first)
        {
          new_page (self);
          continue;
        }

      placement.item = index;
      placement.first = first;
      placement.end = end;
      placement.y = self->y + space;
      g_array_append_val (self->placements, placement);

      self->y = placement.y + spec_print_item_get_height (item, first, end);
      first = end;

      if (first < item->n_units)
        new_page (self);
    }
}

/* Places what can be placed: a heading only once what follows it is
 * laid out, unless nothing follows. */
static void
place_items (SpecPrintLayout *self)
{
  while (self->next_item < self->items->len)
    {
      const SpecPrintItem *item = g_ptr_array_index (self->items, self->next_item);
      double needed;

      if (item->keep_with_next && !get_chain_height (self, self->next_item, &needed))
        break;

      place_item (self, self->next_item);
      self->next_item++;
    }
}

static void
add_block (SpecPrintLayout      *self,
           const SpecPrintBuild *build,
           guint                 index)
{
  const SpecBlock *block = spec_snapshot_get_block (self->snapshot, index);

  if (block->budget == SPEC_BLOCK_FITS)
    {
      spec_print_blocks_add (build, block->node, self->items);
    }
  else
    {
      gsize len = 0;
      const char *source = spec_snapshot_get_block_source (self->snapshot, index, &len);

      if (source != NULL)
        spec_print_blocks_add_source (build, source, len, self->items);
    }
}

/**
 * spec_print_layout_paginate_step:
 * @self: a layout
 * @context: what text is measured with; the same one on every call.  Its
 *   resolution must make a point one unit (72 dpi), as
 *   gtk_print_context_create_pango_context() does in %GTK_UNIT_POINTS.
 *
 * Lays out the next few blocks and places them on pages.
 *
 * Returns: %TRUE once every page is known
 */
gboolean
spec_print_layout_paginate_step (SpecPrintLayout *self,
                                 PangoContext    *context)
{
  SpecPrintBuild build;
  guint n_blocks;
  guint limit;

  g_return_val_if_fail (SPEC_IS_PRINT_LAYOUT (self), TRUE);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), TRUE);

  if (self->done)
    return TRUE;

  if (self->context == NULL)
    {
      self->context = g_object_ref (context);
      new_page (self);
    }

  build.context = self->context;
  build.base_file = self->base_file;
  build.width = content_width (self);
  build.height = content_height (self);

  n_blocks = spec_snapshot_get_n_blocks (self->snapshot);
  limit = MIN (n_blocks, self->next_block + BLOCKS_PER_STEP);

  for (; self->next_block < limit; self->next_block++)
    add_block (self, &build, self->next_block);

  place_items (self);

  self->done = self->next_block >= n_blocks && self->next_item >= self->items->len;

  return self->done;
}

/**
 * spec_print_layout_get_progress:
 * @self: a layout
 *
 * Returns: how much of the pagination is done, from 0 to 1
 */
double
spec_print_layout_get_progress (SpecPrintLayout *self)
{
  guint n_blocks;

  g_return_val_if_fail (SPEC_IS_PRINT_LAYOUT (self), 0.0);

  n_blocks = spec_snapshot_get_n_blocks (self->snapshot);
  if (self->done)
    return 1.0;
  if (n_blocks == 0)
    return 0.0;

  return (double) self->next_block / n_blocks;
}

/**
 * spec_print_layout_get_n_pages:
 * @self: a layout
 *
 * Returns: the number of pages so far; all of them once
 *   spec_print_layout_paginate_step() returned %TRUE, one at least
 */
guint
spec_print_layout_get_n_pages (SpecPrintLayout *self)
{
  g_return_val_if_fail (SPEC_IS_PRINT_LAYOUT (self), 0);

  return self->page_starts->len;
}

static PangoLayout *
band_layout_new (SpecPrintLayout *self,
                 const char      *text,
                 double           width)
{
  PangoLayout *layout = spec_print_text_plain_layout_new (self->context, text, FALSE,
                                                          SPEC_PRINT_SMALL_SIZE, MAX (width, 1));

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static void
draw_header (SpecPrintLayout *self,
             cairo_t         *cr)
{
  g_autoptr(PangoLayout) title = NULL;
  double title_width = self->page_width;

  cairo_set_source_rgba (cr, 0, 0, 0, BAND_ALPHA);

  if (self->status != NULL && self->status[0] != '\0')
    {
      g_autoptr(PangoLayout) status = band_layout_new (self, self->status, self->page_width * 0.35);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (status, NULL, &logical);
      cairo_move_to (cr, self->page_width - logical.width, 0);
      pango_cairo_show_layout (cr, status);
      title_width -= logical.width + STATUS_GAP;
    }

  title = band_layout_new (self, self->title != NULL ? self->title : "", title_width);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title);

  cairo_set_source_rgba (cr, 0, 0, 0, SPEC_PRINT_BORDER_ALPHA);
  cairo_set_line_width (cr, BAND_RULE_WIDTH);
  cairo_move_to (cr, 0, HEADER_RULE_Y);
  cairo_line_to (cr, self->page_width, HEADER_RULE_Y);
  cairo_stroke (cr);
}

static void
draw_footer (SpecPrintLayout *self,
             cairo_t         *cr,
             guint            page)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  /* Translators: the footer of a printed page */
  text = g_strdup_printf (_("Page %u of %u"), page + 1, spec_print_layout_get_n_pages (self));
  layout = band_layout_new (self, text, self->page_width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, NULL, &height);

  cairo_set_source_rgba (cr, 0, 0, 0, BAND_ALPHA);
  cairo_move_to (cr, 0, self->page_height - (double) height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/**
 * spec_print_layout_draw_page:
 * @self: a layout whose pagination is complete
 * @cr: the page: its origin at the printable area's corner, a point one
 *   unit
 * @page: the page, from 0
 *
 * Draws the page, its header and its footer in black on white.
 */
void
spec_print_layout_draw_page (SpecPrintLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  guint start;
  guint end;

  g_return_if_fail (SPEC_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->done);
  g_return_if_fail (page < self->page_starts->len);

  start = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                          : self->placements->len;

  cairo_save (cr);
  draw_header (self, cr);
  draw_footer (self, cr, page);

  /* What is too tall for a page stops at the footer. */
  cairo_translate (cr, 0, HEADER_HEIGHT);
  cairo_rectangle (cr, -12, 0, self->page_width + 24, content_height (self));
  cairo_clip (cr);

  for (guint i = start; i < end; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      const SpecPrintItem *item = g_ptr_array_index (self->items, placement->item);
      const Placement *previous = i > start ? placement - 1 : NULL;
      gboolean joins_previous = previous != NULL && placement->first == 0 &&
                                previous->item + 1 == placement->item;

      spec_print_item_draw (item, cr, placement->first, placement->end, placement->y, joins_previous);
    }

  cairo_restore (cr);
}
