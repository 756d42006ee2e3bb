/* spec-print-blocks.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview's blocks (see spec-block-widget.c) as items for the page:
 * the same text, spacing and decorations, in points, black on white.
 * Lists and quotes become indentation, markers and bars on the items of
 * what they hold, so that pagination sees one flat run of items.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <cmark-gfm-core-extensions.h>

#include "spec-block-widget.h"
#include "spec-image-source.h"
#include "spec-inline-markup.h"
#include "spec-markdown.h"
#include "spec-print-blocks.h"
#include "spec-print-highlight.h"
#include "spec-print-image.h"
#include "spec-print-item.h"
#include "spec-print-table.h"
#include "spec-print-text.h"

/* The preview's gaps, 12px and 4px, in points. */
#define BLOCK_SPACING 9.0
#define TIGHT_SPACING 3.0
#define HEADING_RULE_GAP 4.5
#define CODE_PAD_X 10.0
#define CODE_PAD_Y 7.0
#define QUOTE_INDENT 13.0       /* 3px bar, 14px padding */
#define BULLET_COLUMN 14.0
#define MARKER_GAP 5.0
#define CHECK_COLUMN 13.5       /* the box and the gap after it */
#define FOOTNOTE_RULE_GAP 9.0
#define RULE_HEIGHT 12.0
#define DIM_ALPHA 0.7

/* Indentation stops short of squeezing the text into a sliver. */
#define MAX_INDENT_FRACTION 0.6

/* A block that is too complex to lay out is printed as its source, in
 * pieces of at most this many lines or bytes. */
#define SOURCE_CHUNK_LINES 100
#define SOURCE_CHUNK_BYTES 8192

typedef struct
{
  const SpecPrintBuild *build;
  GPtrArray            *items;

  double                indent;
  double                alpha;
  double                size;        /* of body text */
  guint                 list_depth;
  double                space;       /* before the next item */

  guint                 n_quotes;
  double                quote_x[SPEC_PRINT_MAX_QUOTES];
  gconstpointer         quote_nodes[SPEC_PRINT_MAX_QUOTES];

  /* What the next item carries on its first line. */
  PangoLayout          *marker;
  double                marker_x;
  SpecPrintCheck        check;
  double                check_x;
  gboolean              rule_above;
} Walk;

static void add_block (Walk       *walk,
                       cmark_node *node);

static double
walk_x (const Walk *walk)
{
  return MIN (walk->indent, walk->build->width * MAX_INDENT_FRACTION);
}

static double
walk_width (const Walk *walk)
{
  return walk->build->width - walk_x (walk);
}

/* Places @item where the walk is, with what is pending for it. */
static void
add_item (Walk          *walk,
          SpecPrintItem *item)
{
  item->x = walk_x (walk);
  item->width = walk_width (walk);
  item->space_before = walk->space;
  item->alpha = walk->alpha;
  walk->space = 0;

  item->n_quotes = walk->n_quotes;
  for (guint i = 0; i < walk->n_quotes; i++)
    {
      item->quote_x[i] = walk->quote_x[i];
      item->quote_nodes[i] = walk->quote_nodes[i];
    }

  if (walk->items->len > 0)
    {
      const SpecPrintItem *previous = g_ptr_array_index (walk->items, walk->items->len - 1);

      while (item->n_shared_quotes < MIN (item->n_quotes, previous->n_quotes) &&
             item->quote_nodes[item->n_shared_quotes] == previous->quote_nodes[item->n_shared_quotes])
        item->n_shared_quotes++;
    }

  item->marker = g_steal_pointer (&walk->marker);
  item->marker_x = walk->marker_x;
  item->check = walk->check;
  item->check_x = walk->check_x;
  walk->check = SPEC_PRINT_CHECK_NONE;

  if (walk->rule_above)
    {
      item->rule_above = TRUE;
      item->lead = FOOTNOTE_RULE_GAP;
      walk->rule_above = FALSE;
    }

  g_ptr_array_add (walk->items, item);
}

static void
add_text (Walk       *walk,
          const char *markup,
          gboolean    monospace,
          double      size,
          PangoWeight weight)
{
  SpecPrintItem *item = spec_print_item_new (SPEC_PRINT_ITEM_TEXT);

  spec_print_item_set_layout (item, spec_print_text_layout_new (walk->build->context, markup,
                                                                monospace, size, weight,
                                                                walk_width (walk)),
                              FALSE);
  add_item (walk, item);
}

static void
add_children (Walk       *walk,
              cmark_node *parent,
              double      spacing)
{
  double inherited = walk->space;
  guint start = walk->items->len;

  for (cmark_node *child = cmark_node_first_child (parent);
       child != NULL;
       child = cmark_node_next (child))
    {
      /* A child that shows nothing leaves no gap. */
      walk->space = walk->items->len > start ? spacing : inherited;
      add_block (walk, child);
    }
}

static void
add_heading (Walk       *walk,
             cmark_node *node)
{
  /* The preview's title-1 to title-4, then bold body text. */
  static const double sizes[] = { 18.0, 14.0, 13.0, 11.5, 10.0, 10.0 };
  static const double space_above[] = { 9.0, 9.0, 6.0, 6.0, 3.0, 3.0 };
  int level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
  g_autofree char *markup = spec_print_text_markup_from_node (node);
  double saved_alpha = walk->alpha;
  SpecPrintItem *item = spec_print_item_new (SPEC_PRINT_ITEM_TEXT);
  PangoLayout *layout;

  layout = spec_print_text_layout_new (walk->build->context, markup, FALSE,
                                       sizes[level - 1] * walk->size / SPEC_PRINT_BODY_SIZE,
                                       level <= 2 ? PANGO_WEIGHT_ULTRABOLD : PANGO_WEIGHT_BOLD,
                                       walk_width (walk));
  spec_print_item_set_layout (item, layout, TRUE);
  item->keep_with_next = TRUE;

  if (level <= 2)
    {
      item->rule_below = TRUE;
      item->tail = HEADING_RULE_GAP * 1.5;
    }

  walk->space += space_above[level - 1];
  if (level == 6)
    walk->alpha *= 0.75;
  add_item (walk, item);
  walk->alpha = saved_alpha;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* Where there is no picture, its alt text says which, as the preview's
 * placeholder does.  Remote pictures are never fetched. */
static void
add_image_placeholder (Walk       *walk,
                       cmark_node *image)
{
  g_autofree char *alt = spec_markdown_node_get_plain_text (image);
  const char *url = cmark_node_get_url (image);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  double saved_alpha = walk->alpha;

  if (alt == NULL || alt[0] == '\0')
    {
      g_free (alt);
      alt = g_strdup (url != NULL ? url : "");
    }

  /* Translators: stands for a picture that is not printed; %s is its
   * description */
  text = g_strdup_printf (_("[Image: %s]"), alt);
  markup = g_markup_printf_escaped ("<i>%s</i>", text);

  walk->alpha *= 0.75;
  add_text (walk, markup, FALSE, walk->size, PANGO_WEIGHT_NORMAL);
  walk->alpha = saved_alpha;
}

static void
add_image (Walk       *walk,
           cmark_node *image)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  SpecPrintItem *item;
  double width = 0;
  double height = 0;

  if (spec_image_source_resolve (cmark_node_get_url (image), walk->build->base_file, &file) !=
      SPEC_IMAGE_SOURCE_LOCAL)
    {
      add_image_placeholder (walk, image);
      return;
    }

  surface = spec_print_image_load (file, walk_width (walk), walk->build->height - 1,
                                   &width, &height, &error);
  if (surface == NULL)
    {
      g_debug ("Not printing an image: %s", error->message);
      add_image_placeholder (walk, image);
      return;
    }

  item = spec_print_item_new (SPEC_PRINT_ITEM_IMAGE);
  item->image = surface;
  item->image_width = width;
  item->image_height = height;
  spec_print_item_set_height (item, height);
  add_item (walk, item);
}

static void
add_images (Walk      *walk,
            GPtrArray *images)
{
  for (guint i = 0; i < images->len; i++)
    {
      if (i > 0)
        walk->space = TIGHT_SPACING;
      add_image (walk, g_ptr_array_index (images, i));
    }
}

/* A paragraph of only bold words, such as "**Inputs:**", is a heading in
 * all but name: it is not left alone at the bottom of a page either. */
static gboolean
paragraph_is_label (cmark_node *paragraph)
{
  guint n_strong = 0;

  for (cmark_node *child = cmark_node_first_child (paragraph);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_STRONG:
          n_strong++;
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          break;

        case CMARK_NODE_TEXT:
          if (!text_is_blank (cmark_node_get_literal (child)))
            return FALSE;
          break;

        default:
          return FALSE;
        }
    }

  return n_strong == 1;
}

static void
add_paragraph (Walk       *walk,
               cmark_node *node)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autofree char *markup = NULL;

  spec_markdown_collect_images (node, images);
  if (images->len > 0 && spec_markdown_paragraph_is_images_only (node))
    {
      add_images (walk, images);
      return;
    }

  markup = spec_print_text_markup_from_node (node);
  if (text_is_blank (markup))
    return;

  add_text (walk, markup, FALSE, walk->size, PANGO_WEIGHT_NORMAL);

  if (images->len == 0 && paragraph_is_label (node))
    {
      SpecPrintItem *item = g_ptr_array_index (walk->items, walk->items->len - 1);

      item->keep_with_next = TRUE;
    }

  if (images->len > 0)
    {
      walk->space = TIGHT_SPACING;
      add_images (walk, images);
    }
}

static void
add_code_text (Walk          *walk,
               const char    *text,
               PangoAttrList *attrs,
               PangoWrapMode  wrap)
{
  SpecPrintItem *item = spec_print_item_new (SPEC_PRINT_ITEM_CODE);
  PangoLayout *layout;

  layout = spec_print_text_plain_layout_new (walk->build->context, text, TRUE,
                                             SPEC_PRINT_CODE_SIZE * walk->size / SPEC_PRINT_BODY_SIZE,
                                             MAX (walk_width (walk) - 2 * CODE_PAD_X, 1));
  pango_layout_set_wrap (layout, wrap);
  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);

  spec_print_item_set_layout (item, layout, FALSE);
  item->inset = CODE_PAD_X;
  item->pad_top = item->pad_bottom = CODE_PAD_Y;
  add_item (walk, item);
}

static void
add_code_block (Walk       *walk,
                cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *text = g_strdup (literal != NULL ? literal : "");
  gsize len = strlen (text);
  PangoAttrList *attrs;

  /* cmark keeps the newline that ends the last line */
  if (len > 0 && text[len - 1] == '\n')
    text[len - 1] = '\0';

  attrs = spec_print_highlight (text, cmark_node_get_fence_info (node));
  add_code_text (walk, text, attrs, PANGO_WRAP_CHAR);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

static void
add_html_block (Walk       *walk,
                cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *visible = spec_markdown_strip_html_comments (literal != NULL ? literal : "");
  SpecPrintItem *item;
  PangoLayout *layout;
  double saved_alpha = walk->alpha;

  g_strstrip (visible);
  if (visible[0] == '\0')
    return;

  item = spec_print_item_new (SPEC_PRINT_ITEM_TEXT);
  layout = spec_print_text_plain_layout_new (walk->build->context, visible, TRUE,
                                             SPEC_PRINT_CODE_SIZE, walk_width (walk));
  spec_print_item_set_layout (item, layout, FALSE);
  walk->alpha *= DIM_ALPHA;
  add_item (walk, item);
  walk->alpha = saved_alpha;
}

static void
add_thematic_break (Walk *walk)
{
  SpecPrintItem *item = spec_print_item_new (SPEC_PRINT_ITEM_RULE);

  spec_print_item_set_height (item, RULE_HEIGHT);
  add_item (walk, item);
}

static void
add_block_quote (Walk       *walk,
                 cmark_node *node)
{
  Walk saved = *walk;

  if (walk->n_quotes < SPEC_PRINT_MAX_QUOTES)
    {
      walk->quote_x[walk->n_quotes] = walk_x (walk);
      walk->quote_nodes[walk->n_quotes] = node;
      walk->n_quotes++;
      walk->indent += QUOTE_INDENT;
    }
  walk->alpha *= 0.8;

  add_children (walk, node, BLOCK_SPACING);

  walk->indent = saved.indent;
  walk->alpha = saved.alpha;
  walk->n_quotes = saved.n_quotes;
}

static PangoLayout *
marker_new (const Walk *walk,
            const char *text)
{
  return spec_print_text_plain_layout_new (walk->build->context, text, FALSE, walk->size, 0);
}

static double
marker_width (PangoLayout *marker)
{
  int width;

  pango_layout_get_size (marker, &width, NULL);

  return (double) width / PANGO_SCALE;
}

/* An item with nothing in it still shows its marker. */
static void
flush_marker (Walk *walk)
{
  if (walk->marker != NULL || walk->check != SPEC_PRINT_CHECK_NONE)
    add_text (walk, "", FALSE, walk->size, PANGO_WEIGHT_NORMAL);
}

static void
add_list (Walk       *walk,
          cmark_node *node)
{
  /* Nested bullet lists alternate their marks, as in the preview. */
  static const char * const bullets[] = { "•", "◦", "▪" };
  gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  double spacing = cmark_node_get_list_tight (node) ? TIGHT_SPACING : BLOCK_SPACING;
  const char *delimiter = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ")" : ".";
  int number = cmark_node_get_list_start (node);
  double number_width = 0;
  double saved_indent = walk->indent;
  double inherited = walk->space;
  guint start = walk->items->len;

  if (ordered)
    {
      int n = 0;
      g_autofree char *last = NULL;
      g_autoptr(PangoLayout) widest = NULL;

      for (cmark_node *item = cmark_node_first_child (node);
           item != NULL;
           item = cmark_node_next (item))
        n++;

      /* Wide enough for the largest number, so the items line up. */
      last = g_strdup_printf ("%d%s", number + MAX (n - 1, 0), delimiter);
      widest = marker_new (walk, last);
      number_width = marker_width (widest);
    }

  for (cmark_node *item = cmark_node_first_child (node);
       item != NULL;
       item = cmark_node_next (item), number++)
    {
      gboolean is_task = spec_markdown_node_is (item, "tasklist");
      double x = walk_x (walk);

      g_clear_object (&walk->marker);
      if (ordered)
        {
          g_autofree char *text = g_strdup_printf ("%d%s", number, delimiter);

          walk->marker = marker_new (walk, text);
          walk->marker_x = x + number_width - marker_width (walk->marker);
          x += number_width + MARKER_GAP;
        }
      else if (!is_task)
        {
          walk->marker = marker_new (walk, bullets[walk->list_depth % G_N_ELEMENTS (bullets)]);
          walk->marker_x = x + (BULLET_COLUMN - MARKER_GAP - marker_width (walk->marker)) / 2;
          x += BULLET_COLUMN;
        }

      if (is_task)
        {
          walk->check = cmark_gfm_extensions_get_tasklist_item_checked (item) ? SPEC_PRINT_CHECK_DONE
                                                                               : SPEC_PRINT_CHECK_OPEN;
          walk->check_x = x;
          x += CHECK_COLUMN;
        }

      walk->indent = x;
      walk->list_depth++;
      walk->space = walk->items->len > start ? spacing : inherited;
      add_children (walk, item, spacing);
      flush_marker (walk);
      walk->list_depth--;
      walk->indent = saved_indent;
    }
}

static void
add_footnote (Walk       *walk,
              cmark_node *node)
{
  guint number = spec_block_widget_footnote_number (node);
  g_autofree char *text = g_strdup_printf ("[%u]", number);
  double saved_size = walk->size;
  double saved_indent = walk->indent;

  /* Smaller than the text, and set off from it by a rule above the
   * first; the rule belongs to the first line, so that it goes to the
   * next page with it. */
  walk->size *= 0.9;
  if (number == 1)
    {
      walk->rule_above = TRUE;
      walk->space += FOOTNOTE_RULE_GAP;
    }

  walk->marker = marker_new (walk, text);
  walk->marker_x = walk_x (walk);
  walk->indent += marker_width (walk->marker) + MARKER_GAP;

  add_children (walk, node, TIGHT_SPACING);
  flush_marker (walk);

  walk->size = saved_size;
  walk->indent = saved_indent;
  walk->rule_above = FALSE;
}

static void
add_table (Walk       *walk,
           cmark_node *node)
{
  SpecPrintItem *item = spec_print_item_new (SPEC_PRINT_ITEM_TABLE);
  SpecPrintTable *table = spec_print_table_new (walk->build->context, node,
                                                walk_width (walk), walk->size);
  guint n_rows = spec_print_table_get_n_body_rows (table);

  item->table = table;
  item->head = spec_print_table_get_head_height (table);

  /* A table of only a header is one empty unit below it. */
  g_free (item->stops);
  item->n_units = MAX (n_rows, 1);
  item->stops = g_new0 (double, item->n_units + 1);
  for (guint i = 0; i < n_rows; i++)
    item->stops[i + 1] = item->stops[i] + spec_print_table_get_row_height (table, i);
  item->min_first = item->min_last = 1;

  add_item (walk, item);
}

static void
add_block (Walk       *walk,
           cmark_node *node)
{
  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      add_paragraph (walk, node);
      return;

    case CMARK_NODE_HEADING:
      add_heading (walk, node);
      return;

    case CMARK_NODE_CODE_BLOCK:
      add_code_block (walk, node);
      return;

    case CMARK_NODE_HTML_BLOCK:
      add_html_block (walk, node);
      return;

    case CMARK_NODE_THEMATIC_BREAK:
      add_thematic_break (walk);
      return;

    case CMARK_NODE_BLOCK_QUOTE:
      add_block_quote (walk, node);
      return;

    case CMARK_NODE_LIST:
      add_list (walk, node);
      return;

    case CMARK_NODE_FOOTNOTE_DEFINITION:
      add_footnote (walk, node);
      return;

    default:
      break;
    }

  if (spec_markdown_node_is (node, "table"))
    add_table (walk, node);
  else
    /* A container this code does not know: show what it holds. */
    add_children (walk, node, BLOCK_SPACING);
}

static void
walk_init (Walk                 *walk,
           const SpecPrintBuild *build,
           GPtrArray            *items)
{
  memset (walk, 0, sizeof *walk);
  walk->build = build;
  walk->items = items;
  walk->alpha = 1.0;
  walk->size = SPEC_PRINT_BODY_SIZE;
  walk->space = BLOCK_SPACING;
}

/**
 * spec_print_blocks_add:
 * @build: the page and the document
 * @node: a top-level block of the document, within the preview's budget
 *   (see spec-block-budget.h); it is only read
 * @items: (element-type SpecPrintItem): where its items are appended
 *
 * Lays out @node and what it holds at the width of the page.
 */
void
spec_print_blocks_add (const SpecPrintBuild *build,
                       cmark_node           *node,
                       GPtrArray            *items)
{
  Walk walk;

  g_return_if_fail (build != NULL && node != NULL && items != NULL);

  walk_init (&walk, build, items);
  add_block (&walk, node);
  g_clear_object (&walk.marker);
}

/* The end of the next piece of @source from @start: whole lines, but a
 * line longer than a piece is cut between characters. */
static const char *
source_chunk_end (const char *start,
                  const char *end)
{
  const char *p = start;
  guint lines = 0;

  while (p < end && lines < SOURCE_CHUNK_LINES && (gsize) (p - start) < SOURCE_CHUNK_BYTES)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = newline != NULL ? newline + 1 : end;

      if ((gsize) (line_end - start) > SOURCE_CHUNK_BYTES)
        {
          const char *cut = start + SOURCE_CHUNK_BYTES;

          if (lines > 0)
            break;

          /* After a space if there is one: words stay whole. */
          for (const char *q = cut; q > start + SOURCE_CHUNK_BYTES / 2; q--)
            {
              if (q[-1] == ' ')
                return q;
            }

          cut = g_utf8_find_prev_char (start, cut + 1);
          return cut > start ? cut : start + SOURCE_CHUNK_BYTES;
        }

      p = line_end;
      lines++;
    }

  return p;
}

/**
 * spec_print_blocks_add_source:
 * @build: the page and the document
 * @source: the text of a block too complex to lay out
 * @len: its length in bytes
 * @items: (element-type SpecPrintItem): where its items are appended
 *
 * Where the preview says a block is too complex, paper has room for what
 * the author wrote: its source in the code font, in pieces that each
 * wrap in reasonable time.
 */
void
spec_print_blocks_add_source (const SpecPrintBuild *build,
                              const char           *source,
                              gsize                 len,
                              GPtrArray            *items)
{
  const char *end = source + len;
  const char *p = source;
  Walk walk;

  g_return_if_fail (build != NULL && source != NULL && items != NULL);

  walk_init (&walk, build, items);

  while (p < end)
    {
      const char *chunk_end = source_chunk_end (p, end);
      g_autofree char *text = g_utf8_make_valid (p, chunk_end - p);
      gsize text_len = strlen (text);

      if (text_len > 0 && text[text_len - 1] == '\n')
        text[text_len - 1] = '\0';

      /* Most likely prose: a paragraph too long for the preview. */
      add_code_text (&walk, text, NULL, PANGO_WRAP_WORD_CHAR);
      p = chunk_end;
    }
}
