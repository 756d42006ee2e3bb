/* spec-table-widget.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cmark-gfm-core-extensions.h>

#include "spec-inline-markup.h"
#include "spec-markdown.h"
#include "spec-preview-widgets.h"
#include "spec-table-widget.h"

/* Long cells wrap at a width that lets a few columns share the page, but
 * never narrower than this many characters: a table with many columns
 * scrolls sideways instead of squeezing its text. */
#define PAGE_CHARS 96
#define MIN_COLUMN_CHARS 24

static gboolean
node_is_table_row (cmark_node *node)
{
  /* cmark-gfm names the header row "table_header" */
  return spec_markdown_node_is (node, "table_row") ||
         spec_markdown_node_is (node, "table_header");
}

static void
set_cell_alignment (GtkLabel *label,
                    uint8_t   alignment)
{
  switch (alignment)
    {
    case 'c':
      gtk_label_set_xalign (label, 0.5f);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      break;

    case 'r':
      gtk_label_set_xalign (label, 1.0f);
      gtk_label_set_justify (label, GTK_JUSTIFY_RIGHT);
      break;

    default:
      break;
    }
}

static GtkWidget *
cell_new (cmark_node *cell,
          gboolean    header,
          uint8_t     alignment,
          int         max_chars)
{
  g_autofree char *markup = NULL;
  GtkWidget *label;

  if (cell != NULL)
    markup = spec_inline_markup_from_node (cell);

  label = spec_preview_label_new (markup ? markup : "", "cell");
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
  set_cell_alignment (GTK_LABEL (label), alignment);

  if (header)
    gtk_widget_add_css_class (label, "header");

  return label;
}

/* Lines between cells are borders of the cells, drawn on their top and
 * left sides; the grid's own border closes the outside. */
static void
attach_cell (GtkGrid   *grid,
             GtkWidget *cell,
             int        column,
             int        row)
{
  if (column == 0)
    gtk_widget_add_css_class (cell, "first-column");
  if (row == 0)
    gtk_widget_add_css_class (cell, "first-row");

  gtk_grid_attach (grid, cell, column, row, 1, 1);
}

/**
 * spec_table_widget_new:
 * @table: a node of type "table"
 *
 * Returns: (transfer floating): a sideways scroller holding a GtkGrid with
 *   one label per cell, every row padded to the table's column count, at
 *   its natural width
 */
GtkWidget *
spec_table_widget_new (cmark_node *table)
{
  guint n_columns = cmark_gfm_extensions_get_table_columns (table);
  uint8_t *alignments = cmark_gfm_extensions_get_table_alignments (table);
  int max_chars = MAX (MIN_COLUMN_CHARS, PAGE_CHARS / (int) MAX (n_columns, 1));
  GtkWidget *grid;
  int row = 0;

  grid = gtk_grid_new ();
  gtk_widget_add_css_class (grid, "table");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_widget_set_overflow (grid, GTK_OVERFLOW_HIDDEN);

  for (cmark_node *node = cmark_node_first_child (table);
       node != NULL;
       node = cmark_node_next (node))
    {
      gboolean header;
      cmark_node *cell;

      if (!node_is_table_row (node))
        continue;

      header = cmark_gfm_extensions_get_table_row_is_header (node);
      cell = cmark_node_first_child (node);

      for (guint column = 0; column < n_columns; column++)
        {
          uint8_t alignment = alignments != NULL ? alignments[column] : 0;

          attach_cell (GTK_GRID (grid), cell_new (cell, header, alignment, max_chars), column, row);

          if (cell != NULL)
            cell = cmark_node_next (cell);
        }

      row++;
    }

  return spec_preview_hscroller_new (spec_preview_natural_bin_new (grid), "table-scroller");
}
