/* spec-print-table.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page cannot scroll sideways as the preview's table does: columns
 * share the width the page has, each as wide as its content asks when
 * they fit, narrowed in proportion when they do not, never narrower than
 * their longest word unless even those do not fit.
 */

#include "config.h"

#include <cmark-gfm-core-extensions.h>

#include "spec-markdown.h"
#include "spec-print-item.h"
#include "spec-print-table.h"
#include "spec-print-text.h"

/* The preview's cell padding, 6px by 12px, in points. */
#define CELL_PAD_X 7.0
#define CELL_PAD_Y 3.5
#define HEADER_WASH_ALPHA 0.05
#define LINE_WIDTH 0.75

typedef struct
{
  PangoLayout **cells;   /* n_columns of them */
  double        height;
} Row;

struct _SpecPrintTable
{
  guint   n_columns;
  double *widths;        /* of the columns, padding included */
  Row    *rows;          /* the header first */
  guint   n_rows;
};

static gboolean
node_is_table_row (cmark_node *node)
{
  /* cmark-gfm names the header row "table_header" */
  return spec_markdown_node_is (node, "table_row") ||
         spec_markdown_node_is (node, "table_header");
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* The widest word of @layout: what it needs at least without breaking
 * words.  Measured on a copy, as wide as nothing, wrapping only between
 * words. */
static double
layout_min_width (PangoLayout *layout)
{
  g_autoptr(PangoLayout) narrow = pango_layout_copy (layout);
  PangoLayoutIter *iter;
  double width = 0;

  pango_layout_set_width (narrow, 1);
  pango_layout_set_wrap (narrow, PANGO_WRAP_WORD);

  iter = pango_layout_get_iter (narrow);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      width = MAX (width, (double) logical.width / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return width;
}

static void
compute_widths (SpecPrintTable *self,
                double          max_width)
{
  g_autofree double *natural = g_new0 (double, self->n_columns);
  g_autofree double *minimum = g_new0 (double, self->n_columns);
  double sum_natural = 0;
  double sum_minimum = 0;

  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        PangoLayout *cell = self->rows[r].cells[c];

        natural[c] = MAX (natural[c], layout_width (cell) + 2 * CELL_PAD_X);
        minimum[c] = MAX (minimum[c], layout_min_width (cell) + 2 * CELL_PAD_X);
      }

  for (guint c = 0; c < self->n_columns; c++)
    {
      minimum[c] = MIN (minimum[c], natural[c]);
      sum_natural += natural[c];
      sum_minimum += minimum[c];
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (sum_natural <= max_width)
        self->widths[c] = natural[c];
      else if (sum_minimum >= max_width)
        /* Words themselves are broken then: WORD_CHAR wrapping. */
        self->widths[c] = minimum[c] * max_width / sum_minimum;
      else
        self->widths[c] = minimum[c] + (natural[c] - minimum[c]) *
                          (max_width - sum_minimum) / (sum_natural - sum_minimum);
    }
}

static PangoAlignment
cell_alignment (const uint8_t *alignments,
                guint          column)
{
  switch (alignments != NULL ? alignments[column] : 0)
    {
    case 'c':
      return PANGO_ALIGN_CENTER;
    case 'r':
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/**
 * spec_print_table_new:
 * @context: what the text is measured with
 * @table: a node of type "table"
 * @max_width: the width the table may take, in points
 * @size: the font size of its text
 *
 * Lays out every cell, every row padded to the table's column count.
 *
 * Returns: (transfer full): the table
 */
SpecPrintTable *
spec_print_table_new (PangoContext *context,
                      cmark_node   *table,
                      double        max_width,
                      double        size)
{
  SpecPrintTable *self = g_new0 (SpecPrintTable, 1);
  uint8_t *alignments = cmark_gfm_extensions_get_table_alignments (table);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));

  self->n_columns = MAX (cmark_gfm_extensions_get_table_columns (table), 1);
  self->widths = g_new0 (double, self->n_columns);

  for (cmark_node *node = cmark_node_first_child (table);
       node != NULL;
       node = cmark_node_next (node))
    {
      gboolean header;
      cmark_node *cell;
      Row *row;

      if (!node_is_table_row (node))
        continue;

      header = cmark_gfm_extensions_get_table_row_is_header (node);
      cell = cmark_node_first_child (node);
      g_array_set_size (rows, rows->len + 1);
      row = &g_array_index (rows, Row, rows->len - 1);
      row->cells = g_new0 (PangoLayout *, self->n_columns);

      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autofree char *markup = cell != NULL ? spec_print_text_markup_from_node (cell)
                                                 : g_strdup ("");

          row->cells[c] = spec_print_text_layout_new (context, markup, FALSE, size,
                                                      header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                                      0);
          pango_layout_set_alignment (row->cells[c], cell_alignment (alignments, c));

          if (cell != NULL)
            cell = cmark_node_next (cell);
        }
    }

  self->n_rows = rows->len;
  self->rows = (Row *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);

  compute_widths (self, max_width);

  for (guint r = 0; r < self->n_rows; r++)
    {
      double height = 0;

      for (guint c = 0; c < self->n_columns; c++)
        {
          PangoLayout *cell = self->rows[r].cells[c];
          int cell_height;

          pango_layout_set_width (cell, (int) (MAX (self->widths[c] - 2 * CELL_PAD_X, 1) * PANGO_SCALE));
          pango_layout_set_wrap (cell, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_size (cell, NULL, &cell_height);
          height = MAX (height, (double) cell_height / PANGO_SCALE);
        }

      self->rows[r].height = height + 2 * CELL_PAD_Y;
    }

  return self;
}

void
spec_print_table_free (SpecPrintTable *self)
{
  if (self == NULL)
    return;

  for (guint r = 0; r < self->n_rows; r++)
    {
      for (guint c = 0; c < self->n_columns; c++)
        g_clear_object (&self->rows[r].cells[c]);
      g_free (self->rows[r].cells);
    }
  g_free (self->rows);
  g_free (self->widths);
  g_free (self);
}

/* The rows after the header, which the page breaks fall between. */
guint
spec_print_table_get_n_body_rows (const SpecPrintTable *self)
{
  return self->n_rows > 0 ? self->n_rows - 1 : 0;
}

/* The header row, repeated atop every page the table is on. */
double
spec_print_table_get_head_height (const SpecPrintTable *self)
{
  return self->n_rows > 0 ? self->rows[0].height : 0;
}

double
spec_print_table_get_row_height (const SpecPrintTable *self,
                                 guint                 row)
{
  g_assert (row + 1 < self->n_rows);

  return self->rows[row + 1].height;
}

double
spec_print_table_get_width (const SpecPrintTable *self)
{
  double width = 0;

  for (guint c = 0; c < self->n_columns; c++)
    width += self->widths[c];

  return width;
}

static void
draw_row (const SpecPrintTable *self,
          cairo_t              *cr,
          const Row            *row,
          double                x,
          double                y,
          double                alpha)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      cairo_move_to (cr, x + CELL_PAD_X, y + CELL_PAD_Y);
      cairo_set_source_rgba (cr, 0, 0, 0, alpha);
      pango_cairo_show_layout (cr, row->cells[c]);
      spec_print_text_tag_links (cr, row->cells[c], x + CELL_PAD_X, y + CELL_PAD_Y, -G_MAXDOUBLE, G_MAXDOUBLE);
      x += self->widths[c];
    }
}

/**
 * spec_print_table_draw:
 * @self: a table
 * @cr: the page
 * @x: the table's left edge
 * @y: its top on this page
 * @first: the first body row on the page
 * @end: the body row after the last one on the page
 * @alpha: of the text
 *
 * Draws the header row, then body rows @first to @end, with lines between
 * the cells and around them.
 */
void
spec_print_table_draw (const SpecPrintTable *self,
                       cairo_t              *cr,
                       double                x,
                       double                y,
                       guint                 first,
                       guint                 end,
                       double                alpha)
{
  double width = spec_print_table_get_width (self);
  double column_x = x;
  double top = y;

  if (self->n_rows == 0)
    return;

  cairo_save (cr);

  cairo_set_source_rgba (cr, 0, 0, 0, HEADER_WASH_ALPHA);
  cairo_rectangle (cr, x, y, width, self->rows[0].height);
  cairo_fill (cr);
  draw_row (self, cr, &self->rows[0], x, y, alpha);
  y += self->rows[0].height;

  cairo_set_line_width (cr, LINE_WIDTH);
  for (guint r = first + 1; r < end + 1 && r < self->n_rows; r++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, SPEC_PRINT_BORDER_ALPHA);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + width, y);
      cairo_stroke (cr);

      draw_row (self, cr, &self->rows[r], x, y, alpha);
      y += self->rows[r].height;
    }

  /* The lines between the columns, and the outline. */
  cairo_set_source_rgba (cr, 0, 0, 0, SPEC_PRINT_BORDER_ALPHA);
  for (guint c = 0; c + 1 < self->n_columns; c++)
    {
      column_x += self->widths[c];
      cairo_move_to (cr, column_x, top);
      cairo_line_to (cr, column_x, y);
    }
  cairo_rectangle (cr, x, top, width, y - top);
  cairo_stroke (cr);

  cairo_restore (cr);
}
