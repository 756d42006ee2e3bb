/* spec-block-widget.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <cmark-gfm-core-extensions.h>

#include "spec-block-widget.h"
#include "spec-code-block.h"
#include "spec-image-block.h"
#include "spec-inline-markup.h"
#include "spec-markdown.h"
#include "spec-preview-private.h"
#include "spec-preview-widgets.h"
#include "spec-table-widget.h"

/* Vertical gaps between the blocks inside a container; the gaps between
 * top-level blocks belong to the preview's column. */
#define BLOCK_SPACING 12
#define TIGHT_SPACING 4

/* What every block of one document is built with. */
typedef struct
{
  GFile *base_file;   /* the document's file, or NULL */
} BuildContext;

static GtkWidget *build_block (const BuildContext *context,
                               cmark_node         *node,
                               guint               list_depth);

static GtkWidget *
vbox_new (int                spacing,
          const char        *css_class,
          GtkAccessibleRole  role)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", spacing,
                                 "accessible-role", role,
                                 NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);

  return box;
}

static void
append_blocks (const BuildContext *context,
               GtkBox             *box,
               cmark_node         *parent,
               guint               list_depth)
{
  for (cmark_node *child = cmark_node_first_child (parent);
       child != NULL;
       child = cmark_node_next (child))
    {
      GtkWidget *widget = build_block (context, child, list_depth);

      if (widget != NULL)
        gtk_box_append (box, widget);
    }
}

static GtkWidget *
heading_new (cmark_node *node)
{
  /* GNOME's type scale: title-1 to title-4, then the bold body size. */
  static const char * const size_classes[] = {
    "title-1", "title-2", "title-3", "title-4", "heading", "heading",
  };
  int level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
  g_autofree char *markup = spec_inline_markup_from_node (node);
  g_autofree char *level_class = g_strdup_printf ("h%d", level);
  GtkWidget *label;

  label = spec_preview_label_new_with_role (markup, "spec-heading", GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_widget_add_css_class (label, size_classes[level - 1]);
  gtk_widget_add_css_class (label, level_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);

  return label;
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

/* Each image on a line of its own, at most as wide as the page. */
static GtkWidget *
images_new (const BuildContext *context,
            GPtrArray          *images)
{
  GtkWidget *box = vbox_new (TIGHT_SPACING, "images", GTK_ACCESSIBLE_ROLE_GROUP);

  for (guint i = 0; i < images->len; i++)
    gtk_box_append (GTK_BOX (box), spec_image_block_new (g_ptr_array_index (images, i),
                                                         context->base_file));

  return box;
}

/* A label holds no pictures: images among words are their alt text in the
 * line, and show below the paragraph, as a figure after it would. */
static GtkWidget *
paragraph_new (const BuildContext *context,
               cmark_node         *node)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autofree char *markup = NULL;
  GtkWidget *label;
  GtkWidget *box;

  spec_markdown_collect_images (node, images);
  if (images->len > 0 && spec_markdown_paragraph_is_images_only (node))
    return images_new (context, images);

  markup = spec_inline_markup_from_node (node);

  /* e.g. a paragraph holding only an HTML comment */
  if (text_is_blank (markup))
    return NULL;

  label = spec_preview_label_new (markup, "paragraph");
  if (images->len == 0)
    return label;

  box = vbox_new (TIGHT_SPACING, "paragraph-with-images", GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), images_new (context, images));

  return box;
}

static GtkWidget *
html_block_new (cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *visible = spec_markdown_strip_html_comments (literal ? literal : "");
  GtkWidget *label;

  g_strstrip (visible);
  if (visible[0] == '\0')
    return NULL;

  label = spec_preview_text_label_new (visible, "html-block");
  gtk_widget_add_css_class (label, "monospace");

  return label;
}

static GtkWidget *
thematic_break_new (void)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_widget_add_css_class (separator, "thematic-break");

  return separator;
}

static GtkWidget *
block_quote_new (const BuildContext *context,
                 cmark_node         *node,
                 guint               list_depth)
{
  GtkWidget *box = vbox_new (BLOCK_SPACING, "blockquote", GTK_ACCESSIBLE_ROLE_GROUP);

  append_blocks (context, GTK_BOX (box), node, list_depth);

  return box;
}

static GtkWidget *
marker_label_new (const char *text,
                  int         width_chars,
                  float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "list-marker");
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  return label;
}

static void
on_task_toggled (GtkCheckButton *check,
                 gpointer        user_data)
{
  GtkWidget *preview = gtk_widget_get_ancestor (GTK_WIDGET (check), SPEC_TYPE_PREVIEW);

  if (preview != NULL)
    spec_preview_task_toggled (SPEC_PREVIEW (preview), GTK_WIDGET (check));
}

/* The words of an item, without those of the lists nested in it. */
static char *
task_item_text (cmark_node *item)
{
  for (cmark_node *child = cmark_node_first_child (item);
       child != NULL;
       child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_PARAGRAPH)
        return spec_markdown_node_get_plain_text (child);
    }

  return spec_markdown_node_get_plain_text (item);
}

/* Clicking the box, or Space on it, asks the preview's owner to change
 * the source; the box shows the new state until the next snapshot
 * shows the source's. */
static GtkWidget *
task_check_new (cmark_node *item)
{
  g_autofree char *text = task_item_text (item);
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               cmark_gfm_extensions_get_tasklist_item_checked (item));
  gtk_widget_set_focusable (check, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_add_css_class (check, "task-check");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  /* Connected after the state is set: building is no toggle. */
  g_signal_connect (check, "toggled", G_CALLBACK (on_task_toggled), NULL);

  return check;
}

typedef struct
{
  gboolean    ordered;
  gboolean    tight;
  int         number;       /* of the next item, if ordered */
  int         marker_chars;
  const char *delimiter;
  const char *bullet;
  guint       depth;
} ListStyle;

static GtkWidget *
list_item_new (const BuildContext *context,
               cmark_node         *item,
               ListStyle          *style)
{
  gboolean is_task = spec_markdown_node_is (item, "tasklist");
  GtkWidget *row;
  GtkWidget *content;

  row = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_HORIZONTAL,
                      "spacing", 6,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                      NULL);
  gtk_widget_add_css_class (row, "list-item");

  if (style->ordered)
    {
      g_autofree char *marker = g_strdup_printf ("%d%s", style->number, style->delimiter);

      gtk_box_append (GTK_BOX (row), marker_label_new (marker, style->marker_chars, 1.0f));
    }
  else if (!is_task)
    {
      gtk_box_append (GTK_BOX (row), marker_label_new (style->bullet, 2, 0.5f));
    }

  if (is_task)
    {
      gtk_box_append (GTK_BOX (row), task_check_new (item));
      gtk_widget_add_css_class (row, "task");
    }

  content = vbox_new (style->tight ? TIGHT_SPACING : BLOCK_SPACING, "list-item-content",
                      GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_set_hexpand (content, TRUE);
  append_blocks (context, GTK_BOX (content), item, style->depth + 1);
  gtk_box_append (GTK_BOX (row), content);

  return row;
}

static int
count_children (cmark_node *node)
{
  int n = 0;

  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    n++;

  return n;
}

static GtkWidget *
list_new (const BuildContext *context,
          cmark_node         *node,
          guint               list_depth)
{
  /* Nested bullet lists alternate their marks, as browsers do. */
  static const char * const bullets[] = { "•", "◦", "▪" };
  ListStyle style = {
    .ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST,
    .tight = cmark_node_get_list_tight (node),
    .number = cmark_node_get_list_start (node),
    .delimiter = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ")" : ".",
    .bullet = bullets[list_depth % G_N_ELEMENTS (bullets)],
    .depth = list_depth,
  };
  GtkWidget *box;

  if (style.ordered)
    {
      /* Wide enough for the largest number, so the items line up. */
      g_autofree char *last = g_strdup_printf ("%d%s",
                                               style.number + MAX (count_children (node) - 1, 0),
                                               style.delimiter);

      style.marker_chars = (int) strlen (last);
    }

  box = vbox_new (style.tight ? TIGHT_SPACING : BLOCK_SPACING,
                  style.ordered ? "ordered-list" : "bullet-list",
                  GTK_ACCESSIBLE_ROLE_LIST);
  gtk_widget_add_css_class (box, "list");

  for (cmark_node *item = cmark_node_first_child (node);
       item != NULL;
       item = cmark_node_next (item))
    {
      gtk_box_append (GTK_BOX (box), list_item_new (context, item, &style));
      style.number++;
    }

  return box;
}

/**
 * spec_block_widget_footnote_number:
 * @definition: a footnote definition of a parsed document
 *
 * cmark-gfm moves the footnotes that are referenced to the end of the
 * document, in the order of their first reference, and numbers the
 * references accordingly: a definition's number is its place there.
 */
guint
spec_block_widget_footnote_number (cmark_node *definition)
{
  guint number = 1;

  for (cmark_node *prev = cmark_node_previous (definition);
       prev != NULL && cmark_node_get_type (prev) == CMARK_NODE_FOOTNOTE_DEFINITION;
       prev = cmark_node_previous (prev))
    number++;

  return number;
}

static GtkWidget *
footnote_new (const BuildContext *context,
              cmark_node         *node)
{
  guint number = spec_block_widget_footnote_number (node);
  g_autofree char *marker = g_strdup_printf ("[%u]", number);
  GtkWidget *row;
  GtkWidget *content;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (row, "footnote");

  /* The first footnote draws the rule that sets them off from the text. */
  if (number == 1)
    gtk_widget_add_css_class (row, "first");

  gtk_box_append (GTK_BOX (row), marker_label_new (marker, -1, 0.0f));

  content = vbox_new (TIGHT_SPACING, "footnote-content", GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_set_hexpand (content, TRUE);
  append_blocks (context, GTK_BOX (content), node, 0);
  gtk_box_append (GTK_BOX (row), content);

  return row;
}

/* Returns NULL for a block that shows nothing, such as an HTML comment. */
static GtkWidget *
build_block (const BuildContext *context,
             cmark_node         *node,
             guint               list_depth)
{
  GtkWidget *box;

  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      return paragraph_new (context, node);

    case CMARK_NODE_HEADING:
      return heading_new (node);

    case CMARK_NODE_CODE_BLOCK:
      return spec_code_block_new (node);

    case CMARK_NODE_HTML_BLOCK:
      return html_block_new (node);

    case CMARK_NODE_THEMATIC_BREAK:
      return thematic_break_new ();

    case CMARK_NODE_BLOCK_QUOTE:
      return block_quote_new (context, node, list_depth);

    case CMARK_NODE_LIST:
      return list_new (context, node, list_depth);

    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return footnote_new (context, node);

    default:
      break;
    }

  if (spec_markdown_node_is (node, "table"))
    return spec_table_widget_new (node);

  /* A container this code does not know: show what it holds. */
  box = vbox_new (BLOCK_SPACING, NULL, GTK_ACCESSIBLE_ROLE_GROUP);
  append_blocks (context, GTK_BOX (box), node, list_depth);

  return box;
}

/**
 * spec_block_widget_shows_something:
 * @node: a block of a parsed document
 *
 * Whether the widget spec_block_widget_new() builds for @node is shown;
 * it is not for a block that holds only an HTML comment, for example.
 * Cheaper than building the widget.
 *
 * Returns: %FALSE if the block shows nothing
 */
gboolean
spec_block_widget_shows_something (cmark_node *node)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (node != NULL, FALSE);

  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_HTML_BLOCK:
      text = spec_markdown_strip_html_comments (cmark_node_get_literal (node) ?
                                                     cmark_node_get_literal (node) : "");
      return !text_is_blank (text);

    case CMARK_NODE_PARAGRAPH:
      if (spec_markdown_paragraph_is_images_only (node))
        return TRUE;
      text = spec_inline_markup_from_node (node);
      return !text_is_blank (text);

    default:
      return TRUE;
    }
}

/**
 * spec_block_widget_new:
 * @node: a block of a parsed document
 * @base_file: (nullable): the document's file: images are relative to it
 *
 * Builds the widgets for @node and everything in it.  They copy what they
 * show, so they outlive the document @node belongs to.
 *
 * Returns: (transfer floating): the widget; hidden if @node shows nothing
 */
GtkWidget *
spec_block_widget_new (cmark_node *node,
                       GFile      *base_file)
{
  BuildContext context = { base_file };
  GtkWidget *widget;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);

  widget = build_block (&context, node, 0);

  if (widget == NULL)
    {
      widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_visible (widget, FALSE);
    }

  return widget;
}

/**
 * spec_block_widget_new_too_complex:
 * @budget: the limit the block is past (see spec-block-budget.h)
 * @start_line: its first line
 * @end_line: its last line
 *
 * What the preview shows instead of a block past its budget: which lines,
 * and why, so that the user knows where to look in the editor.
 *
 * Returns: (transfer floating): the widget
 */
GtkWidget *
spec_block_widget_new_too_complex (SpecBlockBudget budget,
                                   guint           start_line,
                                   guint           end_line)
{
  g_autofree char *text = NULL;
  const char *why;
  GtkWidget *label;

  switch (budget)
    {
    case SPEC_BLOCK_TOO_DEEP:
      why = _("it is nested too deeply");
      break;
    case SPEC_BLOCK_TOO_MANY_NODES:
      why = _("it holds too many items");
      break;
    case SPEC_BLOCK_TOO_LONG:
    case SPEC_BLOCK_FITS:
    default:
      why = _("it is too long");
      break;
    }

  if (start_line == end_line)
    /* Translators: %u is a line number; the second %s says why, as in
     * "it is nested too deeply" */
    text = g_strdup_printf (_("Line %u is too complex to preview: %s. The editor has all of it."),
                            start_line, why);
  else
    /* Translators: the %u are line numbers; %s says why, as in "it is
     * nested too deeply" */
    text = g_strdup_printf (_("Lines %u to %u are too complex to preview: %s. The editor has all of it."),
                            start_line, end_line, why);

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "too-complex");
  return label;
}
