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
#include "spec-block-widget.h"
#include "spec-markdown.h"
#include "spec-preview-private.h"
#include "spec-preview-resources.h"

#define STYLE_RESOURCE "/io/github/specwright/Specwright/preview/spec-preview.css"
#define COLUMN_MAX_WIDTH 760
#define COLUMN_MARGIN 24

/* A top-level block as shown: its widget, and what the widget was built
 * from, so that a later snapshot can tell whether it may keep it. */
typedef struct
{
  const char *text;       /* the block's source lines, in its snapshot's text */
  gsize       len;
  char       *resolved;   /* what the widget shows from elsewhere, or NULL */
  guint       hash;
  gboolean    reusable;
  gboolean    has_image;  /* shows files beside the document */
  GtkWidget  *widget;     /* owned by the column */
} BlockEntry;

struct _SpecPreview
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkWidget    *column;
  SpecSnapshot *snapshot;
  GFile        *base_file;
  GArray       *blocks;       /* BlockEntry, one per block of snapshot */

  /* A scroll asked for before the page was laid out for it. */
  GdkFrameClock *scroll_clock;
  gulong         scroll_handler;
  guint          scroll_line;
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

static void
block_entry_clear (gpointer data)
{
  BlockEntry *entry = data;

  g_clear_pointer (&entry->resolved, g_free);
}

static GArray *
block_entries_new (guint n)
{
  GArray *entries = g_array_sized_new (FALSE, TRUE, sizeof (BlockEntry), n);

  g_array_set_clear_func (entries, block_entry_clear);

  return entries;
}

/* FNV-1a; the text is not NUL-terminated, so g_str_hash() cannot do. */
static guint
hash_bytes (guint       hash,
            const char *bytes,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    hash = (hash ^ (guchar) bytes[i]) * 16777619u;

  return hash;
}

static void
append_resolved (GString    **out,
                 const char  *text)
{
  if (*out == NULL)
    *out = g_string_new (NULL);

  g_string_append (*out, text != NULL ? text : "");
  g_string_append_c (*out, '\x1e');
}

/* A block's widget depends on its own source lines, except for what cmark
 * resolved from the rest of the document: the targets of reference links
 * and images, and the numbers of footnotes.  Those are collected here and
 * compared along with the text. */
static char *
block_resolved_text (cmark_node *node,
                     const char *text,
                     gsize       len,
                     gboolean   *has_image)
{
  GString *out = NULL;
  cmark_iter *iter;
  cmark_event_type event;

  *has_image = FALSE;

  /* All of them are written with brackets. */
  if (memchr (text, '[', len) == NULL)
    return NULL;

  iter = cmark_iter_new (node);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *child = cmark_iter_get_node (iter);
      g_autofree char *number = NULL;

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_IMAGE:
          *has_image = TRUE;
          G_GNUC_FALLTHROUGH;
        case CMARK_NODE_LINK:
          append_resolved (&out, cmark_node_get_url (child));
          append_resolved (&out, cmark_node_get_title (child));
          break;

        case CMARK_NODE_FOOTNOTE_REFERENCE:
          append_resolved (&out, cmark_node_get_literal (child));
          break;

        case CMARK_NODE_FOOTNOTE_DEFINITION:
          number = g_strdup_printf ("%u", spec_block_widget_footnote_number (child));
          append_resolved (&out, number);
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static void
block_entry_init (BlockEntry      *entry,
                  SpecSnapshot    *snapshot,
                  const SpecBlock *block)
{
  const SpecLineIndex *lines = spec_snapshot_get_line_index (snapshot);
  const char *text = spec_snapshot_get_text (snapshot, NULL);
  gsize start;
  gsize end;

  memset (entry, 0, sizeof *entry);

  /* Without a source position there is nothing to compare. */
  if (block->start_line == 0)
    return;

  start = spec_line_index_line_start (lines, block->start_line);
  end = spec_line_index_line_end (lines, block->end_line);

  entry->text = text + start;
  entry->len = end - start;
  entry->resolved = block_resolved_text (block->node, entry->text, entry->len, &entry->has_image);
  entry->hash = hash_bytes (2166136261u, entry->text, entry->len);
  if (entry->resolved != NULL)
    entry->hash = hash_bytes (entry->hash, entry->resolved, strlen (entry->resolved));
  entry->reusable = TRUE;
}

static guint
block_entry_hash (gconstpointer data)
{
  const BlockEntry *entry = data;

  return entry->hash;
}

static gboolean
block_entry_equal (gconstpointer a,
                   gconstpointer b)
{
  const BlockEntry *entry_a = a;
  const BlockEntry *entry_b = b;

  return entry_a->len == entry_b->len &&
         memcmp (entry_a->text, entry_b->text, entry_a->len) == 0 &&
         g_strcmp0 (entry_a->resolved, entry_b->resolved) == 0;
}

/* Old blocks by content; equal blocks (two identical paragraphs) queue
 * up in document order. */
static GHashTable *
index_blocks (GArray *entries)
{
  GHashTable *index = g_hash_table_new_full (block_entry_hash, block_entry_equal,
                                             NULL, (GDestroyNotify) g_queue_free);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      BlockEntry *entry = &g_array_index (entries, BlockEntry, i);
      GQueue *queue;

      if (!entry->reusable)
        continue;

      queue = g_hash_table_lookup (index, entry);
      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (index, entry, queue);
        }

      g_queue_push_tail (queue, entry);
    }

  return index;
}

static GtkWidget *
take_widget (GHashTable *index,
             BlockEntry *entry)
{
  GQueue *queue;
  BlockEntry *old;

  if (!entry->reusable)
    return NULL;

  queue = g_hash_table_lookup (index, entry);
  if (queue == NULL || (old = g_queue_pop_head (queue)) == NULL)
    return NULL;

  return g_steal_pointer (&old->widget);
}

/* Puts the blocks' widgets in the column in document order, moving the
 * kept ones only where needed. */
static void
place_block_widgets (SpecPreview *self)
{
  GtkBox *column = GTK_BOX (self->column);
  GtkWidget *prev = NULL;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GtkWidget *widget = g_array_index (self->blocks, BlockEntry, i).widget;

      if (gtk_widget_get_parent (widget) == NULL)
        gtk_box_insert_child_after (column, widget, prev);
      else if (gtk_widget_get_prev_sibling (widget) != prev)
        gtk_box_reorder_child_after (column, widget, prev);

      prev = widget;
    }
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

/* The task box that has the keyboard focus, as its block's index and its
 * place among the block's task boxes; FALSE if the focus is elsewhere. */
static gboolean
find_focused_task (SpecPreview *self,
                   GArray      *entries,
                   guint       *block_index,
                   guint       *task_index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) checks = NULL;
  guint i;

  if (focus == NULL || !gtk_widget_has_css_class (focus, "task-check") ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return FALSE;

  for (i = 0; entries != NULL && i < entries->len; i++)
    {
      GtkWidget *widget = g_array_index (entries, BlockEntry, i).widget;

      if (widget != NULL && gtk_widget_is_ancestor (focus, widget))
        break;
    }

  if (entries == NULL || i == entries->len)
    return FALSE;

  checks = find_task_checks (g_array_index (entries, BlockEntry, i).widget);
  if (!g_ptr_array_find (checks, focus, task_index))
    return FALSE;

  *block_index = i;

  return TRUE;
}

/* Rebuilds only the blocks whose source changed.  The old entries point
 * into the old snapshot's text: the caller keeps it alive until this
 * returns.  The scroll position is the adjustment's and stays put. */
static void
spec_preview_update_blocks (SpecPreview *self)
{
  g_autoptr(GArray) old_blocks = g_steal_pointer (&self->blocks);
  g_autoptr(GHashTable) index = index_blocks (old_blocks);
  guint n_blocks = self->snapshot ? spec_snapshot_get_n_blocks (self->snapshot) : 0;
  gboolean refocus;
  guint focus_block = 0;
  guint focus_task = 0;

  /* Ticking a box from the keyboard changes the source, which rebuilds
   * the box's block: the focus goes to the new box, not to the window. */
  refocus = find_focused_task (self, old_blocks, &focus_block, &focus_task);

  self->blocks = block_entries_new (n_blocks);
  g_array_set_size (self->blocks, n_blocks);

  for (guint i = 0; i < n_blocks; i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (self->snapshot, i);
      BlockEntry *entry = &g_array_index (self->blocks, BlockEntry, i);

      block_entry_init (entry, self->snapshot, block);
      entry->widget = take_widget (index, entry);
      if (entry->widget == NULL)
        entry->widget = spec_block_widget_new (block->node, self->base_file);
    }

  /* A kept focus needs no help. */
  if (refocus && g_array_index (old_blocks, BlockEntry, focus_block).widget == NULL)
    refocus = FALSE;

  for (guint i = 0; old_blocks != NULL && i < old_blocks->len; i++)
    {
      BlockEntry *old = &g_array_index (old_blocks, BlockEntry, i);

      if (old->widget != NULL)
        {
          release_focus_in (self, old->widget);
          gtk_box_remove (GTK_BOX (self->column), old->widget);
        }
    }

  place_block_widgets (self);

  if (refocus && focus_block < self->blocks->len)
    {
      GtkWidget *widget = g_array_index (self->blocks, BlockEntry, focus_block).widget;
      g_autoptr(GPtrArray) checks = find_task_checks (widget);

      if (focus_task < checks->len)
        gtk_widget_grab_focus (g_ptr_array_index (checks, focus_task));
    }
}

/* Blocks showing images show what the base file's folder holds. */
static void
spec_preview_rebuild_images (SpecPreview *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      BlockEntry *entry = &g_array_index (self->blocks, BlockEntry, i);
      GtkWidget *old = entry->widget;

      if (!entry->has_image)
        continue;

      entry->widget = spec_block_widget_new (spec_snapshot_get_block (self->snapshot, i)->node,
                                             self->base_file);
      gtk_box_insert_child_after (GTK_BOX (self->column), entry->widget, old);
      release_focus_in (self, old);
      gtk_box_remove (GTK_BOX (self->column), old);
    }
}

/* Scrolling */

static void
cancel_pending_scroll (SpecPreview *self)
{
  if (self->scroll_clock != NULL)
    {
      g_clear_signal_handler (&self->scroll_handler, self->scroll_clock);
      g_clear_object (&self->scroll_clock);
    }
}

/* The widget to bring to the top for @line: its block's, or the next
 * block's if @line is between blocks, skipping blocks that show nothing. */
static guint
block_index_for_line (SpecPreview *self,
                      guint        line)
{
  guint n_blocks = self->blocks->len;
  guint found = G_MAXUINT;
  guint found_start = G_MAXUINT;

  if (self->snapshot == NULL || n_blocks == 0)
    return G_MAXUINT;

  /* Blocks are mostly in line order, but cmark-gfm moves footnotes to the
   * end: look at every block. */
  for (guint i = 0; i < n_blocks; i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (self->snapshot, i);

      if (block->start_line == 0)
        continue;

      if (block->start_line <= line && line <= block->end_line)
        {
          found = i;
          break;
        }

      if (block->start_line > line && block->start_line < found_start)
        {
          found = i;
          found_start = block->start_line;
        }
    }

  if (found == G_MAXUINT)
    found = n_blocks - 1;

  for (guint i = found; i < n_blocks; i++)
    {
      GtkWidget *widget = g_array_index (self->blocks, BlockEntry, i).widget;

      if (gtk_widget_get_visible (widget))
        return i;
    }

  for (guint i = found; i-- > 0;)
    {
      GtkWidget *widget = g_array_index (self->blocks, BlockEntry, i).widget;

      if (gtk_widget_get_visible (widget))
        return i;
    }

  return G_MAXUINT;
}

static GtkWidget *
block_widget_for_line (SpecPreview *self,
                       guint        line)
{
  guint index = block_index_for_line (self, line);

  return index == G_MAXUINT ? NULL : g_array_index (self->blocks, BlockEntry, index).widget;
}

static GtkWidget *
first_visible_block (SpecPreview *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->column);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child))
        return child;
    }

  return NULL;
}

/* Puts the block of @line at the top of the view, as far as the page
 * reaches.  FALSE if the page is not laid out yet. */
static gboolean
scroll_to_line_now (SpecPreview *self,
                    guint        line)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *widget = block_widget_for_line (self, line);
  graphene_point_t point;

  if (widget == NULL)
    return TRUE;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  /* The first block keeps the page's margin above it. */
  if (widget == first_visible_block (self))
    gtk_adjustment_set_value (vadj, 0);
  else
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + point.y);

  return TRUE;
}

static void
on_scroll_clock_layout (GdkFrameClock *clock,
                        SpecPreview   *self)
{
  if (scroll_to_line_now (self, self->scroll_line))
    cancel_pending_scroll (self);
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

static void
spec_preview_unroot (GtkWidget *widget)
{
  /* The frame clock belongs to the window being left. */
  cancel_pending_scroll (SPEC_PREVIEW (widget));

  GTK_WIDGET_CLASS (spec_preview_parent_class)->unroot (widget);
}

static void
spec_preview_dispose (GObject *object)
{
  SpecPreview *self = (SpecPreview *)object;

  cancel_pending_scroll (self);
  if (self->scroller != NULL)
    release_focus_in (self, self->scroller);

  /* The entries point at widgets the scroller is about to destroy;
   * destroying them cancels the images they are loading. */
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->column = NULL;
  g_clear_object (&self->snapshot);
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
      g_value_set_object (value, self->snapshot);
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
  widget_class->unroot = spec_preview_unroot;

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
  GtkWidget *viewport;
  GtkWidget *clamp;

  self->blocks = block_entries_new (0);

  self->column = g_object_new (GTK_TYPE_BOX,
                               "orientation", GTK_ORIENTATION_VERTICAL,
                               "spacing", 12,
                               "valign", GTK_ALIGN_START,
                               NULL);
  gtk_widget_add_css_class (self->column, "document");

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), COLUMN_MAX_WIDTH);
  gtk_widget_set_margin_start (clamp, COLUMN_MARGIN);
  gtk_widget_set_margin_end (clamp, COLUMN_MARGIN);
  gtk_widget_set_margin_top (clamp, COLUMN_MARGIN);
  gtk_widget_set_margin_bottom (clamp, COLUMN_MARGIN);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->column);

  /* Tabbing onto a selectable label scrolls it into view, so the page
   * can be read from the keyboard. */
  viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), clamp);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), viewport);
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

  return self->snapshot;
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
  g_autoptr(SpecSnapshot) old_snapshot = NULL;

  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (snapshot == NULL || SPEC_IS_SNAPSHOT (snapshot));

  if (self->snapshot == snapshot)
    return;

  /* The old entries point into the old text until the update is done. */
  old_snapshot = g_steal_pointer (&self->snapshot);
  self->snapshot = snapshot != NULL ? g_object_ref (snapshot) : NULL;

  spec_preview_update_blocks (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}

/**
 * spec_preview_get_block_widget:
 * @index: a block of the snapshot, as in spec_snapshot_get_block()
 *
 * Returns: (transfer none) (nullable): the widget showing that block (hidden
 *   if the block shows nothing), or %NULL if there is no such block
 */
GtkWidget *
spec_preview_get_block_widget (SpecPreview *self,
                               guint        index)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), NULL);

  if (self->blocks == NULL || index >= self->blocks->len)
    return NULL;

  return g_array_index (self->blocks, BlockEntry, index).widget;
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
  spec_preview_rebuild_images (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_FILE]);
}

/**
 * spec_preview_scroll_to_line:
 * @line: a line of the snapshot's text (1-based)
 *
 * Scrolls so that the top of the block holding @line (or of the next
 * block, if @line is blank) is at the top of the view, or as near as the
 * end of the page allows.  Right after a new snapshot the page is laid
 * out again first, so the scroll is done again after that.
 */
void
spec_preview_scroll_to_line (SpecPreview *self,
                             guint        line)
{
  GdkFrameClock *clock;

  g_return_if_fail (SPEC_IS_PREVIEW (self));

  cancel_pending_scroll (self);
  scroll_to_line_now (self, line);

  /* Blocks just built have no place yet, and blocks just rebuilt may
   * change height: do it again once GTK has laid the page out. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->scroll_line = line;
  self->scroll_clock = g_object_ref (clock);
  self->scroll_handler = g_signal_connect_after (clock, "layout",
                                                 G_CALLBACK (on_scroll_clock_layout), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* A link to "#anchor" was clicked in one of the blocks. */
void
spec_preview_follow_anchor (SpecPreview *self,
                            const char  *anchor)
{
  const SpecSection *section;
  guint line;

  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (anchor != NULL);

  if (self->snapshot == NULL)
    return;

  section = spec_anchor_find_section (spec_snapshot_get_sections (self->snapshot), anchor);
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

/* A task box was toggled.  Its widget may have been built for an older
 * snapshot, where the item stood on another line: the line is looked up
 * in the current one, through the block the widget shows now. */
void
spec_preview_task_toggled (SpecPreview *self,
                           GtkWidget   *check)
{
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *block_widget = check;
  cmark_node *item;
  guint block_index;
  guint task_index;

  g_return_if_fail (SPEC_IS_PREVIEW (self));
  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  while (block_widget != NULL && gtk_widget_get_parent (block_widget) != self->column)
    block_widget = gtk_widget_get_parent (block_widget);

  if (block_widget == NULL || self->snapshot == NULL)
    return;

  for (block_index = 0; block_index < self->blocks->len; block_index++)
    {
      if (g_array_index (self->blocks, BlockEntry, block_index).widget == block_widget)
        break;
    }

  checks = find_task_checks (block_widget);
  if (block_index == self->blocks->len || !g_ptr_array_find (checks, check, &task_index))
    return;

  item = nth_task_item (spec_snapshot_get_block (self->snapshot, block_index)->node, task_index);
  g_return_if_fail (item != NULL);

  g_signal_emit (self, signals[TASK_TOGGLED], 0,
                 (guint) cmark_node_get_start_line (item),
                 gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* The preview's vertical scrolling, for scroll sync. */
GtkAdjustment *
spec_preview_get_vadjustment (SpecPreview *self)
{
  g_return_val_if_fail (SPEC_IS_PREVIEW (self), NULL);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
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
  GtkWidget *viewport;
  GtkWidget *content;
  double top;

  g_return_val_if_fail (SPEC_IS_PREVIEW (self), 0);

  if (self->snapshot == NULL || self->blocks == NULL)
    return 0;

  /* Positions in the scrolled content itself, compared with the scroll
   * value: right after a scroll the viewport has not been allocated anew,
   * so positions relative to it would still describe the old view. */
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  /* The content's own margin lies outside its coordinates but inside the
   * scrolled area. */
  top = gtk_adjustment_get_value (spec_preview_get_vadjustment (self)) -
        gtk_widget_get_margin_top (content);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BlockEntry *entry = &g_array_index (self->blocks, BlockEntry, i);
      const SpecBlock *block;
      graphene_point_t point;

      if (entry->widget == NULL || !gtk_widget_get_visible (entry->widget) ||
          !gtk_widget_compute_point (entry->widget, content, &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;

      /* Blocks are laid out in order: the first whose bottom is below the
       * top edge is the one on top. */
      if (point.y + gtk_widget_get_height (entry->widget) > top + 1)
        {
          block = spec_snapshot_get_block (self->snapshot, i);
          return block->start_line;
        }
    }

  return 0;
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

  return spec_snapshot_get_block (self->snapshot, index)->start_line;
}
