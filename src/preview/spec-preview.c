/* spec-preview.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "spec-anchor.h"
#include "spec-block-model.h"
#include "spec-block-widget.h"
#include "spec-markdown.h"
#include "spec-preview-private.h"
#include "spec-preview-resources.h"

#define STYLE_RESOURCE "/io/github/specwright/Specwright/preview/spec-preview.css"
#define COLUMN_MAX_WIDTH 760
#define COLUMN_MARGIN 24
#define BLOCK_SPACING 12

/* A scroll to a block far away lands in steps: the list builds the rows
 * around it, measures them, and the block's place is known better each
 * time.  Past this many frames it is as close as it will get. */
#define SCROLL_MAX_FRAMES 8

/* The page is a list view with one row per top-level block, so only the
 * rows in sight and a few around them exist, whatever the document's size:
 * a 9 MB document has as many widgets as a short one.  Rows are rebuilt
 * when the block model says their block changed, which for an edit is the
 * edited block only. */
struct _SpecPreview
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkWidget      *list_view;
  SpecBlockModel *model;
  GFile          *base_file;

  /* The scroll value when the rows were last placed: until they are
   * placed again, their positions are off by the difference. */
  GdkFrameClock  *clock;
  gulong          layout_handler;
  gulong          update_handler;
  gulong          fill_handler;   /* a document coming in, see update_fill() */
  double          layout_value;

  /* Scrolls carried on over the next layouts: a block to put on top, and
   * then a block to bring into view.  0 when none. */
  guint           top_line;
  guint           reveal_line;
  guint           scroll_frames;
  gboolean        reveal_from_below;
  gboolean        reveal_after_layout;

  /* Bumped when images are to be looked for elsewhere. */
  guint           images_generation;
};

G_DEFINE_FINAL_TYPE (SpecPreview, spec_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  PROP_BASE_FILE,
  N_PROPS
};

enum {
  HEADING_LINK_ACTIVATED,
  TASK_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void spec_preview_scroll_step (SpecPreview *self);

/* Rows */

static GtkListItem *
row_get_list_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "spec-list-item");
}

/* The position of the block @row shows, or G_MAXUINT if it shows none. */
static guint
row_get_position (GtkWidget *row)
{
  GtkListItem *item = row_get_list_item (row);

  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return G_MAXUINT;

  return gtk_list_item_get_position (item);
}

static gboolean
is_row (GtkWidget *widget)
{
  return ADW_IS_BIN (widget) && gtk_widget_has_css_class (widget, "block-row");
}

/* The rows the list has built: each is the child of one of the list's
 * own row widgets. */
static GtkWidget *
next_row (SpecPreview *self,
          GtkWidget   *row)
{
  GtkWidget *item = row != NULL ? gtk_widget_get_next_sibling (gtk_widget_get_parent (row))
                                : gtk_widget_get_first_child (self->list_view);

  for (; item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (child != NULL && is_row (child))
        return child;
    }

  return NULL;
}

/* The row showing block @index, if the list has built it. */
static GtkWidget *
find_row (SpecPreview *self,
          guint        index)
{
  for (GtkWidget *row = next_row (self, NULL); row != NULL; row = next_row (self, row))
    {
      if (row_get_position (row) == index)
        return row;
    }

  return NULL;
}

/* The row a widget of the page belongs to. */
static GtkWidget *
find_row_of (SpecPreview *self,
             GtkWidget   *widget)
{
  for (; widget != NULL && widget != self->list_view; widget = gtk_widget_get_parent (widget))
    {
      if (is_row (widget))
        return widget;
    }

  return NULL;
}

static void
collect_task_checks (GtkWidget *widget,
                     GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_has_css_class (widget, "task-check"))
    g_ptr_array_add (checks, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_task_checks (child, checks);
}

/* The task boxes of a block's widget, in document order: an item's box
 * comes before those of the lists nested in it, as the item comes before
 * them in the document. */
static GPtrArray *
find_task_checks (GtkWidget *block_widget)
{
  GPtrArray *checks = g_ptr_array_new ();

  collect_task_checks (block_widget, checks);

  return checks;
}

/* GTK 4.8 logs a critical when a focused selectable label is removed
 * from a window: the focus is let go first. */
static void
release_focus_in (SpecPreview *self,
                  GtkWidget   *widget)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
}

/* What a row's widgets were built from: a row whose block still has the
 * same fingerprint, kind and length shows it already. */
typedef struct
{
  guint64         fingerprint;
  gsize           length;
  cmark_node_type type;
  guint           images_generation;
  guint           too_complex_line;  /* the line its note names, or 0 */
} RowState;

static gboolean
row_shows_block (SpecPreview *self,
                 GtkWidget   *row,
                 guint        position)
{
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);
  const RowState *state = g_object_get_data (G_OBJECT (row), "spec-row-state");
  const SpecBlock *block = spec_snapshot_get_block (snapshot, position);
  gsize length;

  spec_snapshot_get_block_source (snapshot, position, &length);

  return state != NULL && adw_bin_get_child (ADW_BIN (row)) != NULL &&
         block->start_line != 0 &&
         state->fingerprint == block->fingerprint &&
         state->length == length &&
         state->type == block->type &&
         (!block->shows_images || state->images_generation == self->images_generation) &&
         (block->budget == SPEC_BLOCK_FITS || state->too_complex_line == block->start_line);
}

/* Builds the widgets for block @position into @row.  The focus is let go
 * first, as GTK 4.8 logs criticals when a focused widget is destroyed; a
 * focused task box (ticked from the keyboard, which changed the source)
 * hands the focus on to the new box. */
static void
row_show_block (SpecPreview *self,
                GtkWidget   *row,
                guint        position)
{
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);
  const SpecBlock *block = spec_snapshot_get_block (snapshot, position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  RowState *state = g_new0 (RowState, 1);
  gboolean refocus = FALSE;
  guint task_index = 0;
  GtkWidget *child;

  if (focus != NULL && gtk_widget_is_ancestor (focus, row))
    {
      if (gtk_widget_has_css_class (focus, "task-check"))
        {
          g_autoptr(GPtrArray) checks = find_task_checks (row);

          refocus = g_ptr_array_find (checks, focus, &task_index);
        }

      gtk_root_set_focus (root, NULL);
    }

  /* Past its budget a block is not built at all: that is the point. */
  if (block->budget != SPEC_BLOCK_FITS)
    child = spec_block_widget_new_too_complex (block->budget, block->start_line, block->end_line);
  else
    child = spec_block_widget_new (block->node, self->base_file);
  /* On the block, not the row, so that a block that shows nothing (an
   * HTML comment) takes no room at all. */
  gtk_widget_set_margin_bottom (child, BLOCK_SPACING);
  adw_bin_set_child (ADW_BIN (row), child);

  state->fingerprint = block->fingerprint;
  spec_snapshot_get_block_source (snapshot, position, &state->length);
  state->type = block->type;
  state->images_generation = self->images_generation;
  if (block->budget != SPEC_BLOCK_FITS)
    state->too_complex_line = block->start_line;
  g_object_set_data_full (G_OBJECT (row), "spec-row-state", state, g_free);

  if (refocus)
    {
      g_autoptr(GPtrArray) checks = find_task_checks (row);

      if (task_index < checks->len)
        gtk_widget_grab_focus (g_ptr_array_index (checks, task_index));
    }
}

/* Runs before the list hears that blocks came or went: a row about to be
 * destroyed lets go of the keyboard focus first (GTK 4.8 logs criticals
 * otherwise). */
static void
on_blocks_changed (SpecPreview *self,
                   guint        position,
                   guint        removed,
                   guint        added)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  guint index;

  if (focus != NULL && (row = find_row_of (self, focus)) != NULL &&
      (index = row_get_position (row)) >= position && index < position + removed)
    gtk_root_set_focus (root, NULL);
}

/* After a new snapshot or a new base file: the rows whose block changed
 * are built again.  The list view is not told, as GTK 4.8 would then bind
 * every row after the changed one again, and measure them all: an edit
 * inside a block costs one row. */
static void
refresh_rows (SpecPreview *self)
{
  for (GtkWidget *row = next_row (self, NULL); row != NULL; row = next_row (self, row))
    {
      guint position = row_get_position (row);

      if (position != G_MAXUINT && !row_shows_block (self, row, position))
        row_show_block (self, row, position);
    }
}

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SpecPreview              *self)
{
  GtkWidget *row = adw_bin_new ();

  gtk_widget_add_css_class (row, "block-row");
  g_object_set_data (G_OBJECT (row), "spec-list-item", item);

  /* The page is read, not picked from. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, row);
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SpecPreview              *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);
  guint position = gtk_list_item_get_position (item);
  guint n_blocks;

  g_return_if_fail (snapshot != NULL);

  n_blocks = spec_snapshot_get_n_blocks (snapshot);
  g_return_if_fail (position < n_blocks);

  /* GTK 4.8 binds a row again whenever rows before it come or go, and a
   * recycled row may already show this very block: keep what is right. */
  if (!row_shows_block (self, row, position))
    row_show_block (self, row, position);

  /* The page's own margins, which scroll with it.  The block model
   * rebuilds a row that stops being first or last. */
  gtk_widget_set_margin_top (row, position == 0 ? COLUMN_MARGIN : 0);
  gtk_widget_set_margin_bottom (row, position + 1 == n_blocks ? COLUMN_MARGIN - BLOCK_SPACING : 0);
  if (position == 0)
    gtk_widget_add_css_class (row, "first-block");
  else
    gtk_widget_remove_css_class (row, "first-block");
}

/* Whether block @index shows anything: a block that shows nothing cannot
 * be scrolled to, the next one is. */
static gboolean
block_is_shown (SpecPreview *self,
                guint        index)
{
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);
  GtkWidget *row = find_row (self, index);
  GtkWidget *child;

  if (row != NULL && (child = adw_bin_get_child (ADW_BIN (row))) != NULL)
    return gtk_widget_get_visible (child);

  if (spec_snapshot_get_block (snapshot, index)->budget != SPEC_BLOCK_FITS)
    return TRUE;
  return spec_block_widget_shows_something (spec_snapshot_get_block (snapshot, index)->node);
}

/* Scrolling */

static GtkAdjustment *
get_vadjustment (SpecPreview *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

/* Where the top of @widget, a row or what it holds, is in the view now,
 * in pixels from the view's top. */
static gboolean
offset_in_view (SpecPreview *self,
                GtkWidget   *widget,
                double      *offset)
{
  graphene_point_t point;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, self->list_view, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  /* The rows are placed where they were at the last layout; the page has
   * moved by the difference since. */
  *offset = point.y - (gtk_adjustment_get_value (get_vadjustment (self)) - self->layout_value);

  return TRUE;
}

/* The block at the top of the view: the first one not wholly scrolled
 * away, or G_MAXUINT when nothing is laid out. */
static guint
top_block (SpecPreview *self)
{
  guint top = G_MAXUINT;

  for (GtkWidget *row = next_row (self, NULL); row != NULL; row = next_row (self, row))
    {
      guint position = row_get_position (row);
      GtkWidget *child;
      double offset;

      if (position == G_MAXUINT || position >= top ||
          (child = adw_bin_get_child (ADW_BIN (row))) == NULL ||
          !gtk_widget_get_visible (child) ||
          !offset_in_view (self, row, &offset))
        continue;

      /* The first block whose bottom is below the top edge is on top. */
      if (offset + gtk_widget_get_height (row) > 1)
        top = position;
    }

  return top;
}

/* The block to bring to the top for @line: its own, or the next block's if
 * @line is between blocks, skipping blocks that show nothing. */
static guint
block_index_for_line (SpecPreview *self,
                      guint        line)
{
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);
  guint n_blocks = snapshot != NULL ? spec_snapshot_get_n_blocks (snapshot) : 0;
  guint found;

  if (n_blocks == 0)
    return G_MAXUINT;

  found = spec_snapshot_find_block (snapshot, line);

  if (found == G_MAXUINT)
    found = n_blocks - 1;

  for (guint i = found; i < n_blocks; i++)
    {
      if (block_is_shown (self, i))
        return i;
    }

  for (guint i = found; i-- > 0;)
    {
      if (block_is_shown (self, i))
        return i;
    }

  return G_MAXUINT;
}

static guint
first_shown_block (SpecPreview *self)
{
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);
  guint n_blocks = snapshot != NULL ? spec_snapshot_get_n_blocks (snapshot) : 0;

  for (guint i = 0; i < n_blocks; i++)
    {
      if (block_is_shown (self, i))
        return i;
    }

  return G_MAXUINT;
}

typedef enum {
  BLOCK_PLACED,    /* laid out: its offset is known */
  BLOCK_PENDING,   /* just built, laid out at the next frame */
  BLOCK_ABSENT,    /* far away: the list must be scrolled to it */
} BlockPlace;

/* Where block @index is.  A row in view is rebuilt when its block
 * changes, and has no size until the next layout: scrolling the list to it
 * then would have GTK 4.8 drop and build all the rows around it, some 200.
 * So such a row is waited for; GTK lays out the rows it shows. */
static BlockPlace
place_block (SpecPreview *self,
             guint        index,
             double      *offset)
{
  GtkWidget *row = find_row (self, index);
  GtkWidget *child = row != NULL ? adw_bin_get_child (ADW_BIN (row)) : NULL;

  /* The list does not show the rows out of view. */
  if (child == NULL || !gtk_widget_get_mapped (child))
    return BLOCK_ABSENT;

  if (gtk_widget_get_height (child) == 0)
    return BLOCK_PENDING;

  if (!offset_in_view (self, child, offset))
    return BLOCK_ABSENT;

  return BLOCK_PLACED;
}

/* The widget showing block @index, known to be placed. */
static GtkWidget *
block_child (SpecPreview *self,
             guint        index)
{
  return adw_bin_get_child (ADW_BIN (find_row (self, index)));
}

/* One step of putting @line's block on top.  TRUE when it is done: the
 * block is on top, or the page cannot scroll further. */
static gboolean
scroll_to_top_now (SpecPreview *self,
                   guint        line)
{
  GtkAdjustment *vadj = get_vadjustment (self);
  guint index = block_index_for_line (self, line);
  double value = gtk_adjustment_get_value (vadj);
  double max_value = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);
  double offset;

  if (index == G_MAXUINT)
    return TRUE;

  /* The first block keeps the page's margin above it. */
  if (index == first_shown_block (self))
    {
      gtk_adjustment_set_value (vadj, 0);
      return TRUE;
    }

  switch (place_block (self, index, &offset))
    {
    case BLOCK_PENDING:
      return FALSE;

    case BLOCK_ABSENT:
      /* Far away: the list brings the block into view and builds it, and
       * the next step puts it on top. */
      spec_block_model_show_through (self->model, index);
      gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", index);
      return FALSE;

    case BLOCK_PLACED:
    default:
      break;
    }

  if (G_APPROX_VALUE (offset, 0, 1) || (offset > 0 && value >= max_value - 1))
    return TRUE;

  gtk_adjustment_set_value (vadj, value + offset);

  return FALSE;
}

/* One step of bringing @line's block into view, scrolling as little as
 * it takes.  TRUE when it is done. */
static gboolean
reveal_now (SpecPreview *self,
            guint        line)
{
  GtkAdjustment *vadj = get_vadjustment (self);
  guint index = block_index_for_line (self, line);
  double page = gtk_adjustment_get_page_size (vadj);
  double value = gtk_adjustment_get_value (vadj);
  GtkWidget *block;
  double offset;
  double height;

  if (index == G_MAXUINT)
    return TRUE;

  switch (place_block (self, index, &offset))
    {
    case BLOCK_PENDING:
      /* Looked at again right after the layout that places it. */
      self->reveal_after_layout = TRUE;
      return FALSE;

    case BLOCK_ABSENT:
      /* The list brings it into view, its own way: from below, it then
       * goes to the bottom edge, as if the page had scrolled down to it. */
      self->reveal_from_below = index > top_block (self) || top_block (self) == G_MAXUINT;
      spec_block_model_show_through (self->model, index);
      gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", index);
      return FALSE;

    case BLOCK_PLACED:
    default:
      break;
    }

  block = block_child (self, index);

  height = gtk_widget_get_height (block);
  if (self->reveal_from_below && height <= page && offset + height < page - 1)
    {
      self->reveal_from_below = FALSE;
      gtk_adjustment_set_value (vadj, value + offset + height - page);
      return FALSE;
    }

  if (offset >= 0 && offset + height <= page)
    return TRUE;

  /* Above the view, or taller than it: its top goes to the top.  Below:
   * its bottom goes to the bottom. */
  if (offset < 0 || height > page)
    gtk_adjustment_set_value (vadj, value + offset);
  else
    gtk_adjustment_set_value (vadj, value + offset + height - page);

  return FALSE;
}

/* As one types, the cursor's row is rebuilt and laid out again, and is
 * almost always in view already: that is seen right after the layout, so
 * that no frame is drawn just to look. */
static void
on_clock_layout (GdkFrameClock *clock,
                 SpecPreview   *self)
{
  guint index;
  double offset;

  self->layout_value = gtk_adjustment_get_value (get_vadjustment (self));

  if (!self->reveal_after_layout)
    return;

  self->reveal_after_layout = FALSE;
  if (self->top_line != 0 || self->reveal_line == 0)
    return;

  index = block_index_for_line (self, self->reveal_line);
  if (index != G_MAXUINT && place_block (self, index, &offset) == BLOCK_PLACED &&
      offset >= 0 && offset + gtk_widget_get_height (block_child (self, index)) <=
                     gtk_adjustment_get_page_size (get_vadjustment (self)))
    {
      self->reveal_line = 0;
      self->scroll_frames = 0;
      return;
    }

  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
}

/* Scroll steps run before the frame's layout, which then places the rows
 * for them: a step during the layout would ask for another one at once. */
static void
on_clock_update (GdkFrameClock *clock,
                 SpecPreview   *self)
{
  if (self->scroll_frames > 0)
    spec_preview_scroll_step (self);
}

static void
spec_preview_scroll_step (SpecPreview *self)
{
  if (self->top_line != 0 && scroll_to_top_now (self, self->top_line))
    self->top_line = 0;

  if (self->top_line == 0 && self->reveal_line != 0 && reveal_now (self, self->reveal_line))
    self->reveal_line = 0;

  if ((self->top_line == 0 && self->reveal_line == 0) || --self->scroll_frames == 0)
    {
      self->top_line = 0;
      self->reveal_line = 0;
      self->scroll_frames = 0;
    }
  else if (self->clock != NULL && !(self->top_line == 0 && self->reveal_after_layout))
    {
      gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
    }
}

static void
on_style_parsing_error (GtkCssProvider *provider,
                        GtkCssSection  *section,
                        GError         *error,
                        gpointer        user_data)
{
  g_autofree char *location = gtk_css_section_to_string (section);

  g_warning ("%s: %s", location, error->message);
}

/* The style sheet is added once per display; its rules only match inside
 * a specpreview node. */
static void
ensure_style (GdkDisplay *display)
{
  static const char *key = "specwright-preview-style";
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), key) != NULL)
    return;

  bytes = g_resource_lookup_data (spec_preview_get_resource (), STYLE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);

  provider = gtk_css_provider_new ();
  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_style_parsing_error), NULL);
  gtk_css_provider_load_from_data (provider,
                                   g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes));
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), key, g_steal_pointer (&provider), g_object_unref);
}

static void
spec_preview_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (spec_preview_parent_class)->root (widget);

  ensure_style (gtk_widget_get_display (widget));
}

/* The frame clock belongs to the window: follow it from window to window. */
static void stop_fill (SpecPreview *self);

static void
spec_preview_realize (GtkWidget *widget)
{
  SpecPreview *self = SPEC_PREVIEW (widget);

  GTK_WIDGET_CLASS (spec_preview_parent_class)->realize (widget);

  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  /* After the window's own handler, which places the rows. */
  self->layout_handler = g_signal_connect_after (self->clock, "layout",
                                                 G_CALLBACK (on_clock_layout), self);
  self->update_handler = g_signal_connect (self->clock, "update",
                                           G_CALLBACK (on_clock_update), self);
}

static void
spec_preview_unrealize (GtkWidget *widget)
{
  SpecPreview *self = SPEC_PREVIEW (widget);

  stop_fill (self);
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->layout_handler, self->clock);
      g_clear_signal_handler (&self->update_handler, self->clock);
      g_clear_object (&self->clock);
    }
  self->top_line = 0;
  self->reveal_line = 0;
  self->scroll_frames = 0;
  self->reveal_after_layout = FALSE;

  GTK_WIDGET_CLASS (spec_preview_parent_class)->unrealize (widget);
}

/* Hidden while a document comes in: the rest at once. */
static void
spec_preview_unmap (GtkWidget *widget)
{
  stop_fill (SPEC_PREVIEW (widget));

  GTK_WIDGET_CLASS (spec_preview_parent_class)->unmap (widget);
}

static void
spec_preview_dispose (GObject *object)
{
  SpecPreview *self = (SpecPreview *)object;

  if (self->scroller != NULL)
    release_focus_in (self, self->scroller);

  /* Destroying the rows cancels the images they are loading. */
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->list_view = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->base_file);

  G_OBJECT_CLASS (spec_preview_parent_class)->dispose (object);
}

static void
spec_preview_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpecPreview *self = SPEC_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, spec_block_model_get_snapshot (self->model));
      break;

    case PROP_BASE_FILE:
      g_value_set_object (value, self->base_file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_preview_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpecPreview *self = SPEC_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      spec_preview_set_snapshot (self, g_value_get_object (value));
      break;

    case PROP_BASE_FILE:
      spec_preview_set_base_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_preview_class_init (SpecPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_preview_dispose;
  object_class->get_property = spec_preview_get_property;
  object_class->set_property = spec_preview_set_property;

  widget_class->root = spec_preview_root;
  widget_class->realize = spec_preview_realize;
  widget_class->unmap = spec_preview_unmap;
  widget_class->unrealize = spec_preview_unrealize;

  /**
   * SpecPreview:snapshot:
   *
   * The parsed document to show; %NULL shows nothing.
   */
  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         SPEC_TYPE_SNAPSHOT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SpecPreview:base-file:
   *
   * The document's file: images with relative paths are looked for in
   * its folder.  %NULL for a document never saved, whose relative images
   * are not shown.
   */
  properties[PROP_BASE_FILE] =
    g_param_spec_object ("base-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpecPreview::heading-link-activated:
   * @self: the preview
   * @line: the first line of the heading (1-based), as SpecSection's
   *   heading_line
   *
   * A link to "#anchor" was followed: the preview has scrolled to the
   * heading, and the editor may move there too.
   */
  signals[HEADING_LINK_ACTIVATED] =
    g_signal_new ("heading-link-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SpecPreview::task-toggled:
   * @self: the preview
   * @line: the task item's first line (1-based) in the current snapshot
   * @checked: the state the user asked for
   *
   * The user ticked or cleared a task box.  The preview changes nothing
   * else: the handler edits the source, and the next snapshot shows it.
   */
  signals[TASK_TOGGLED] =
    g_signal_new ("task-toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "specpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
spec_preview_init (SpecPreview *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSelectionModel *selection;
  GtkWidget *clamp;

  self->model = spec_block_model_new ();
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_row), self, 0);

  /* First, so that it runs before the list view's own handler. */
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_blocks_changed), self, G_CONNECT_SWAPPED);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  self->list_view = gtk_list_view_new (selection, g_steal_pointer (&factory));
  gtk_widget_add_css_class (self->list_view, "document");

  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), COLUMN_MAX_WIDTH);
  gtk_widget_set_margin_start (clamp, COLUMN_MARGIN);
  gtk_widget_set_margin_end (clamp, COLUMN_MARGIN);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), self->list_view);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"),
                                  -1);
}

GtkWidget *
spec_preview_new (void)
{
  return g_object_new (SPEC_TYPE_PREVIEW, NULL);
}

SpecSnapshot *
spec_preview_get_snapshot (SpecPreview *self)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), NULL);

  return spec_block_model_get_snapshot (self->model);
}

/* A document shown in the empty page: its first screenful is drawn, and
 * the rest comes after that frame (see spec-block-model.c), or at once
 * when nothing is drawn. */
static void
stop_fill (SpecPreview *self)
{
  SpecSnapshot *snapshot = spec_block_model_get_snapshot (self->model);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->fill_handler, self->clock);

  if (snapshot != NULL && spec_snapshot_get_n_blocks (snapshot) > 0)
    spec_block_model_show_through (self->model, spec_snapshot_get_n_blocks (snapshot) - 1);
}

static void
on_clock_after_paint (GdkFrameClock *clock,
                      SpecPreview   *self)
{
  stop_fill (self);
}

static void
update_fill (SpecPreview *self)
{
  if (spec_block_model_is_complete (self->model))
    {
      if (self->clock != NULL)
        g_clear_signal_handler (&self->fill_handler, self->clock);
      return;
    }

  if (self->clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      stop_fill (self);
    }
  else if (self->fill_handler == 0)
    {
      self->fill_handler = g_signal_connect (self->clock, "after-paint", G_CALLBACK (on_clock_after_paint), self);
      gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
}

/**
 * spec_preview_set_snapshot:
 * @snapshot: (nullable): the document to show
 *
 * Shows @snapshot, rebuilding only the blocks whose source changed since
 * the previous one, so it is cheap to call on every edit.
 */
void
spec_preview_set_snapshot (SpecPreview  *self,
                           SpecSnapshot *snapshot)
{
  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (snapshot == NULL || SPEC_IS_SNAPSHOT (snapshot));

  if (spec_block_model_get_snapshot (self->model) == snapshot)
    return;

  spec_block_model_set_snapshot (self->model, snapshot);
  update_fill (self);
  refresh_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}

/**
 * spec_preview_is_complete:
 *
 * Returns: whether the page has a row for every block: a document opened
 *   into an empty preview comes in a screenful after each frame
 */
gboolean
spec_preview_is_complete (SpecPreview *self)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), TRUE);

  return spec_block_model_is_complete (self->model);
}

/**
 * spec_preview_get_block_widget:
 * @index: a block of the snapshot, as in spec_snapshot_get_block()
 *
 * Only the blocks near the view have widgets: scroll to a block with
 * spec_preview_scroll_to_line() first.
 *
 * Returns: (transfer none) (nullable): the widget showing that block
 *   (hidden if the block shows nothing), or %NULL if it has none now
 */
GtkWidget *
spec_preview_get_block_widget (SpecPreview *self,
                               guint        index)
{
  GtkWidget *row;

  g_return_val_if_fail (SPEC_IS_PREVIEW (self), NULL);

  if ((row = find_row (self, index)) == NULL)
    return NULL;

  return adw_bin_get_child (ADW_BIN (row));
}

GFile *
spec_preview_get_base_file (SpecPreview *self)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), NULL);

  return self->base_file;
}

/**
 * spec_preview_set_base_file:
 * @base_file: (nullable): the document's file, or %NULL if it has none
 *
 * Sets the file that relative image paths are relative to.  Saving a
 * document under a new name shows its images again, from the new folder.
 */
void
spec_preview_set_base_file (SpecPreview *self,
                            GFile       *base_file)
{
  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (base_file == NULL || G_IS_FILE (base_file));

  if (self->base_file == base_file ||
      (self->base_file != NULL && base_file != NULL && g_file_equal (self->base_file, base_file)))
    return;

  g_set_object (&self->base_file, base_file);
  self->images_generation++;
  refresh_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_FILE]);
}

/**
 * spec_preview_scroll_to_line:
 * @line: a line of the snapshot's text (1-based)
 *
 * Scrolls so that the top of the block holding @line (or of the next
 * block, if @line is blank) is at the top of the view, or as near as the
 * end of the page allows.  A block far away is reached over the next few
 * frames, as the rows on the way are built and measured.
 */
void
spec_preview_scroll_to_line (SpecPreview *self,
                             guint        line)
{
  g_return_if_fail (SPEC_IS_PREVIEW (self));

  /* A pending reveal of the cursor's block still follows. */
  self->top_line = line;
  self->scroll_frames = SCROLL_MAX_FRAMES;
  spec_preview_scroll_step (self);
}

/**
 * spec_preview_reveal_line:
 * @line: a line of the snapshot's text (1-based)
 *
 * Scrolls as little as it takes to bring the block holding @line into
 * view, as the editor's cursor moves there; if it is in view already,
 * nothing moves.  Rows just built are placed first, over the next frame.
 */
void
spec_preview_reveal_line (SpecPreview *self,
                          guint        line)
{
  g_return_if_fail (SPEC_IS_PREVIEW (self));

  /* After a pending scroll to the top, which it refines. */
  self->reveal_line = line;
  self->reveal_from_below = FALSE;
  self->scroll_frames = SCROLL_MAX_FRAMES;
  spec_preview_scroll_step (self);
}

/**
 * spec_preview_is_scrolling:
 *
 * Returns: whether a scroll asked for by spec_preview_scroll_to_line() or
 *   spec_preview_reveal_line() is still on its way, over the next frames:
 *   the page moving meanwhile is not the user scrolling it
 */
gboolean
spec_preview_is_scrolling (SpecPreview *self)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), FALSE);

  return self->scroll_frames > 0;
}

/* A link to "#anchor" was clicked in one of the blocks. */
void
spec_preview_follow_anchor (SpecPreview *self,
                            const char  *anchor)
{
  SpecSnapshot *snapshot;
  const SpecSection *section;
  guint line;

  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (anchor != NULL);

  if ((snapshot = spec_block_model_get_snapshot (self->model)) == NULL)
    return;

  section = spec_anchor_find_section (spec_snapshot_get_sections (snapshot), anchor);
  if (section == NULL)
    return;

  line = section->heading_line;
  spec_preview_scroll_to_line (self, line);
  g_signal_emit (self, signals[HEADING_LINK_ACTIVATED], 0, line);
}

/* The @n-th task item of @node, counting in document order. */
static cmark_node *
nth_task_item (cmark_node *node,
               guint       n)
{
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;
  cmark_node *found = NULL;

  while (found == NULL && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *child = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && spec_markdown_node_is (child, "tasklist") && n-- == 0)
        found = child;
    }
  cmark_iter_free (iter);

  return found;
}

/* A task box was toggled.  Its row may have been built for an older
 * snapshot, where the item stood on another line: the line is looked up
 * in the current one, through the block the row shows now. */
void
spec_preview_task_toggled (SpecPreview *self,
                           GtkWidget   *check)
{
  SpecSnapshot *snapshot;
  g_autoptr(GPtrArray) checks = NULL;
  const SpecBlock *block;
  GtkWidget *row;
  cmark_node *item;
  guint block_index;
  guint task_index;

  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  snapshot = spec_block_model_get_snapshot (self->model);
  row = find_row_of (self, check);
  if (row == NULL || snapshot == NULL || (block_index = row_get_position (row)) == G_MAXUINT)
    return;

  checks = find_task_checks (row);
  if (!g_ptr_array_find (checks, check, &task_index))
    return;

  block = spec_snapshot_get_block (snapshot, block_index);
  item = nth_task_item (block->node, task_index);
  g_return_if_fail (item != NULL);

  g_signal_emit (self, signals[TASK_TOGGLED], 0,
                 (guint) (cmark_node_get_start_line (item) + block->line_offset),
                 gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* The preview's vertical scrolling, for scroll sync. */
GtkAdjustment *
spec_preview_get_vadjustment (SpecPreview *self)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), NULL);

  return get_vadjustment (self);
}

/**
 * spec_preview_get_top_line:
 *
 * Returns: the first source line of the block at the top of the view (the
 *   first one not wholly scrolled away), or 0 when nothing is laid out
 */
guint
spec_preview_get_top_line (SpecPreview *self)
{
  SpecSnapshot *snapshot;
  guint top;

  g_return_val_if_fail (SPEC_IS_PREVIEW (self), 0);

  if ((snapshot = spec_block_model_get_snapshot (self->model)) == NULL ||
      (top = top_block (self)) == G_MAXUINT)
    return 0;

  return spec_snapshot_get_block (snapshot, top)->start_line;
}

/**
 * spec_preview_get_block_line:
 *
 * Returns: the first source line of the block spec_preview_scroll_to_line()
 *   puts on top for @line (a blank line's is the next block's), or 0
 */
guint
spec_preview_get_block_line (SpecPreview *self,
                             guint        line)
{
  guint index;

  g_return_val_if_fail (SPEC_IS_PREVIEW (self), 0);

  if ((index = block_index_for_line (self, line)) == G_MAXUINT)
    return 0;

  return spec_snapshot_get_block (spec_block_model_get_snapshot (self->model), index)->start_line;
}
