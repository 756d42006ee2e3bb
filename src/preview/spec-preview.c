/* spec-preview.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "spec-block-widget.h"
#include "spec-preview.h"
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
  GtkWidget  *widget;     /* owned by the column */
} BlockEntry;

struct _SpecPreview
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkWidget    *column;
  SpecSnapshot *snapshot;
  GArray       *blocks;     /* BlockEntry, one per block of snapshot */
};

G_DEFINE_FINAL_TYPE (SpecPreview, spec_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
                     gsize       len)
{
  GString *out = NULL;
  cmark_iter *iter;
  cmark_event_type event;

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
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
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
  entry->resolved = block_resolved_text (block->node, entry->text, entry->len);
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

/* Rebuilds only the blocks whose source changed.  The old entries point
 * into the old snapshot's text: the caller keeps it alive until this
 * returns.  The scroll position is the adjustment's and stays put. */
static void
spec_preview_update_blocks (SpecPreview *self)
{
  g_autoptr(GArray) old_blocks = g_steal_pointer (&self->blocks);
  g_autoptr(GHashTable) index = index_blocks (old_blocks);
  guint n_blocks = self->snapshot ? spec_snapshot_get_n_blocks (self->snapshot) : 0;

  self->blocks = block_entries_new (n_blocks);
  g_array_set_size (self->blocks, n_blocks);

  for (guint i = 0; i < n_blocks; i++)
    {
      const SpecBlock *block = spec_snapshot_get_block (self->snapshot, i);
      BlockEntry *entry = &g_array_index (self->blocks, BlockEntry, i);

      block_entry_init (entry, self->snapshot, block);
      entry->widget = take_widget (index, entry);
      if (entry->widget == NULL)
        entry->widget = spec_block_widget_new (block->node);
    }

  for (guint i = 0; old_blocks != NULL && i < old_blocks->len; i++)
    {
      BlockEntry *old = &g_array_index (old_blocks, BlockEntry, i);

      if (old->widget != NULL)
        gtk_box_remove (GTK_BOX (self->column), old->widget);
    }

  place_block_widgets (self);
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
spec_preview_dispose (GObject *object)
{
  SpecPreview *self = (SpecPreview *)object;

  /* The entries point at widgets the scroller is about to destroy. */
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->column = NULL;
  g_clear_object (&self->snapshot);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
