/* spec-print-item.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How tall a fragment of an item is, how much of it fits a page, and how
 * it is drawn.  What an item holds is decided by spec-print-blocks.c.
 */

#include "config.h"

#include <math.h>

#include "spec-print-item.h"
#include "spec-print-text.h"
#include "spec-print-table.h"

/* The code box as in the preview's CSS: 8px corners, a 6% wash. */
#define CODE_RADIUS 5.0
#define CODE_WASH_ALPHA 0.06
#define QUOTE_BAR_WIDTH 2.25
#define QUOTE_BAR_ALPHA 0.25
#define CHECK_SIZE 8.5
#define RULE_WIDTH 0.75

SpecPrintItem *
spec_print_item_new (SpecPrintItemKind kind)
{
  SpecPrintItem *item = g_new0 (SpecPrintItem, 1);

  item->kind = kind;
  item->alpha = 1.0;
  item->min_first = 1;
  item->min_last = 1;
  spec_print_item_set_height (item, 0.0);

  return item;
}

void
spec_print_item_free (SpecPrintItem *item)
{
  if (item == NULL)
    return;

  g_clear_object (&item->layout);
  g_clear_object (&item->marker);
  g_clear_pointer (&item->image, cairo_surface_destroy);
  g_clear_pointer (&item->table, spec_print_table_free);
  g_free (item->stops);
  g_free (item);
}

/* One unit of @height: the item is never split. */
void
spec_print_item_set_height (SpecPrintItem *item,
                            double         height)
{
  g_free (item->stops);
  item->n_units = 1;
  item->stops = g_new (double, 2);
  item->stops[0] = 0.0;
  item->stops[1] = height;
  item->min_first = item->min_last = 1;
}

/**
 * spec_print_item_set_layout:
 * @item: a text or code item
 * @layout: (transfer full): its text, already as wide as it will be
 * @keep_together: whether the text must not be split (a heading)
 *
 * The units are the lines of @layout.  A first fragment keeps two lines
 * at least, and so does a last one, as typesetters avoid orphans and
 * widows; three lines or fewer are never split.
 */
void
spec_print_item_set_layout (SpecPrintItem *item,
                            PangoLayout   *layout,
                            gboolean       keep_together)
{
  PangoLayoutIter *iter;
  int n_lines;
  int height;
  guint i = 0;

  g_clear_object (&item->layout);
  item->layout = layout;

  pango_layout_get_size (layout, NULL, &height);
  if (keep_together)
    {
      spec_print_item_set_height (item, (double) height / PANGO_SCALE);
      return;
    }

  n_lines = MAX (pango_layout_get_line_count (layout), 1);
  g_free (item->stops);
  item->n_units = (guint) n_lines;
  item->stops = g_new (double, n_lines + 1);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      if (i >= item->n_units)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      item->stops[i++] = (double) logical.y / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  for (; i < item->n_units; i++)
    item->stops[i] = (double) height / PANGO_SCALE;
  item->stops[0] = 0.0;
  item->stops[item->n_units] = (double) height / PANGO_SCALE;

  item->min_first = item->n_units <= 3 ? item->n_units : 2;
  item->min_last = item->n_units <= 3 ? item->n_units : 2;
}

/**
 * spec_print_item_get_height:
 * @item: an item
 * @first: its first unit on the page
 * @end: the unit after its last one on the page
 *
 * Returns: the height of that fragment with everything drawn around it
 */
double
spec_print_item_get_height (const SpecPrintItem *item,
                            guint                first,
                            guint                end)
{
  double height;

  g_assert (first < end && end <= item->n_units);

  height = item->head + item->pad_top + item->stops[end] - item->stops[first] + item->pad_bottom;
  if (first == 0)
    height += item->lead;
  if (end == item->n_units)
    height += item->tail;

  return height;
}

/**
 * spec_print_item_fit:
 * @item: an item
 * @first: the first unit left to place
 * @available: the height left on the page
 * @force: whether the page is empty, so that something must go on it
 *
 * Returns: the unit after the last one that fits, or @first if the rest
 *   of the item should start on the next page.  With @force, at least one
 *   unit more than @first even if it does not fit: a line or a row taller
 *   than a page is cut off rather than stopping the pagination.
 */
guint
spec_print_item_fit (const SpecPrintItem *item,
                     guint                first,
                     double               available,
                     gboolean             force)
{
  guint n = item->n_units;
  guint end = first;

  g_assert (first < n);

  /* Heights grow with @end, and a page holds few units: a linear walk
   * stops soon, even in a table of ten thousand rows. */
  while (end < n && spec_print_item_get_height (item, first, end + 1) <= available)
    end++;

  if (end == n)
    return end;

  if (!force)
    {
      if (end < n && n - end < item->min_last)
        end = n > item->min_last ? n - item->min_last : first;
      if (first == 0 && end < item->min_first)
        end = first;
      if (end <= first)
        return first;
    }

  return MAX (end, first + 1);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
horizontal_rule (cairo_t *cr,
                 double   x,
                 double   y,
                 double   width)
{
  cairo_set_source_rgba (cr, 0, 0, 0, SPEC_PRINT_BORDER_ALPHA);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
}

/* Where the first line's baseline is, from the top of the content; for
 * a table or a picture, the baseline of @height of text atop it. */
static double
first_baseline (const SpecPrintItem *item,
                double               height)
{
  if (item->layout != NULL)
    return (double) pango_layout_get_baseline (item->layout) / PANGO_SCALE;

  return height;
}

/* A task's box, its bottom on the first line's baseline, as a check
 * button sits beside its label; a tick in it when the task is done. */
static void
draw_check (const SpecPrintItem *item,
            cairo_t             *cr,
            double               top)
{
  double baseline = top + first_baseline (item, CHECK_SIZE);
  double x = item->check_x;
  double y = baseline - CHECK_SIZE + 0.5;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.7 * item->alpha);
  rounded_rectangle (cr, x + 0.4, y + 0.4, CHECK_SIZE - 0.8, CHECK_SIZE - 0.8, 1.5);
  cairo_stroke (cr);

  if (item->check == SPEC_PRINT_CHECK_DONE)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, item->alpha);
      cairo_set_line_width (cr, 1.3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, x + CHECK_SIZE * 0.22, y + CHECK_SIZE * 0.52);
      cairo_line_to (cr, x + CHECK_SIZE * 0.42, y + CHECK_SIZE * 0.74);
      cairo_line_to (cr, x + CHECK_SIZE * 0.80, y + CHECK_SIZE * 0.24);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_marker (const SpecPrintItem *item,
             cairo_t             *cr,
             double               top)
{
  double marker_baseline = (double) pango_layout_get_baseline (item->marker) / PANGO_SCALE;
  double baseline = top + first_baseline (item, marker_baseline);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, item->alpha);
  cairo_move_to (cr, item->marker_x, baseline - marker_baseline);
  pango_cairo_show_layout (cr, item->marker);
  cairo_restore (cr);
}

static void
draw_quote_bars (const SpecPrintItem *item,
                 cairo_t             *cr,
                 double               y,
                 double               height,
                 gboolean             joins_previous)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, QUOTE_BAR_ALPHA);
  for (guint i = 0; i < item->n_quotes; i++)
    {
      double top = y;

      if (joins_previous && i < item->n_shared_quotes)
        top -= item->space_before;

      cairo_rectangle (cr, item->quote_x[i], top, QUOTE_BAR_WIDTH, y + height - top);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Lines @first to @end of the item's layout, with their top at @top. */
static void
draw_lines (const SpecPrintItem *item,
            cairo_t             *cr,
            guint                first,
            guint                end,
            double               top)
{
  double height = item->stops[end] - item->stops[first];

  cairo_save (cr);
  /* The clip is wider than the text: italics and accents may overhang. */
  cairo_rectangle (cr, item->x - 4, top, item->width + 8, height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, item->alpha);
  cairo_move_to (cr, item->x + item->inset, top - item->stops[first]);
  pango_cairo_show_layout (cr, item->layout);
  cairo_restore (cr);
  spec_print_text_tag_links (cr, item->layout, item->x + item->inset, top - item->stops[first],
                             top, top + height);
}

static void
draw_code_box (const SpecPrintItem *item,
               cairo_t             *cr,
               double               top,
               double               height)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, CODE_WASH_ALPHA);
  rounded_rectangle (cr, item->x, top, item->width, height, CODE_RADIUS);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_image (const SpecPrintItem *item,
            cairo_t             *cr,
            double               top)
{
  int width = cairo_image_surface_get_width (item->image);
  int height = cairo_image_surface_get_height (item->image);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, item->x, top);
  cairo_scale (cr, item->image_width / width, item->image_height / height);
  cairo_set_source_surface (cr, item->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * spec_print_item_draw:
 * @item: an item
 * @cr: the page, in points
 * @first: the first unit on this page
 * @end: the unit after the last one on this page
 * @y: the top of the fragment, space before it excluded
 * @joins_previous: whether the item before it is just above, on this
 *   page: the bars of the quotes they share then join them
 */
void
spec_print_item_draw (const SpecPrintItem *item,
                      cairo_t             *cr,
                      guint                first,
                      guint                end,
                      double               y,
                      gboolean             joins_previous)
{
  double height = spec_print_item_get_height (item, first, end);
  double top = y;

  if (item->n_quotes > 0)
    draw_quote_bars (item, cr, y, height, joins_previous);

  if (first == 0)
    {
      /* From the marker: the rule sets off the footnotes, numbers too. */
      if (item->rule_above)
        {
          double x = item->marker != NULL ? MIN (item->marker_x, item->x) : item->x;

          horizontal_rule (cr, x, y + RULE_WIDTH / 2, item->x + item->width - x);
        }
      top += item->lead;
    }

  switch (item->kind)
    {
    case SPEC_PRINT_ITEM_TEXT:
      draw_lines (item, cr, first, end, top + item->pad_top);
      break;

    case SPEC_PRINT_ITEM_CODE:
      draw_code_box (item, cr, top,
                     item->pad_top + item->stops[end] - item->stops[first] + item->pad_bottom);
      draw_lines (item, cr, first, end, top + item->pad_top);
      break;

    case SPEC_PRINT_ITEM_RULE:
      horizontal_rule (cr, item->x, top + item->stops[1] / 2, item->width);
      break;

    case SPEC_PRINT_ITEM_IMAGE:
      if (item->image != NULL)
        draw_image (item, cr, top);
      break;

    case SPEC_PRINT_ITEM_TABLE:
      spec_print_table_draw (item->table, cr, item->x, top, first, end, item->alpha);
      break;

    default:
      g_assert_not_reached ();
    }

  if (first == 0 && item->marker != NULL)
    draw_marker (item, cr, top + item->pad_top);
  if (first == 0 && item->check != SPEC_PRINT_CHECK_NONE)
    draw_check (item, cr, top + item->pad_top);

  if (end == item->n_units && item->rule_below)
    horizontal_rule (cr, item->x, y + height - RULE_WIDTH / 2, item->width);
}
