/* spec-block-model.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-block-model.h"

/* The preview's list view shows one row per top-level block.  A new
 * snapshot is announced only where blocks came or went, in one change
 * over the blocks between those both documents share at their start and
 * end; the view itself rebuilds the rows whose block changed in place.
 *
 * The items carry nothing: a row's position is what names its block in
 * the current snapshot, so the rows never hold an old snapshot alive.  An
 * unchanged block keeps its item all the same, as the list view takes
 * another object for a changed row.
 *
 * A document that comes into an empty preview (a file opened) is shown a
 * screenful at a time: GTK 4.8's list view builds and measures a row for
 * each of the first 200 items at once, which for a spec of 170 blocks kept
 * the first complete frame waiting 300 ms.  The first FILL_BATCH blocks are
 * items at once, and the view asks for the rest once the first frame is
 * drawn (with spec_block_model_show_through()). */
struct _SpecBlockModel
{
  GObject       parent_instance;

  SpecSnapshot *snapshot;
  GPtrArray    *items;     /* one per block; NULL until asked for */
  guint         n_shown;   /* the blocks that are items: the first ones */
};

/* About a screenful of blocks: the first frame shows them, and the rest
 * come in at once after it is drawn.  (A screenful more at each frame
 * spread the work better, but every frame that grows the list moves its
 * scroll bar in the middle of a layout, which GTK 4.8 can leave for the
 * next frame with a warning.) */
#define FILL_BATCH 16


static void spec_block_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpecBlockModel, spec_block_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spec_block_model_list_model_init))

static GType
spec_block_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
spec_block_model_get_n_items (GListModel *model)
{
  SpecBlockModel *self = SPEC_BLOCK_MODEL (model);

  return self->n_shown;
}

static gpointer
spec_block_model_get_item (GListModel *model,
                           guint       position)
{
  SpecBlockModel *self = SPEC_BLOCK_MODEL (model);
  gpointer *item;

  if (position >= self->n_shown)
    return NULL;

  item = &g_ptr_array_index (self->items, position);
  if (*item == NULL)
    *item = g_object_new (G_TYPE_OBJECT, NULL);

  return g_object_ref (*item);
}

static void
item_free (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
spec_block_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = spec_block_model_get_item_type;
  iface->get_n_items = spec_block_model_get_n_items;
  iface->get_item = spec_block_model_get_item;
}

static void
spec_block_model_dispose (GObject *object)
{
  SpecBlockModel *self = (SpecBlockModel *)object;

  g_clear_object (&self->snapshot);
  g_ptr_array_set_size (self->items, 0);
  self->n_shown = 0;

  G_OBJECT_CLASS (spec_block_model_parent_class)->dispose (object);
}

static void
spec_block_model_finalize (GObject *object)
{
  SpecBlockModel *self = (SpecBlockModel *)object;

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (spec_block_model_parent_class)->finalize (object);
}

static void
spec_block_model_class_init (SpecBlockModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spec_block_model_dispose;
  object_class->finalize = spec_block_model_finalize;
}

static void
spec_block_model_init (SpecBlockModel *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

SpecBlockModel *
spec_block_model_new (void)
{
  return g_object_new (SPEC_TYPE_BLOCK_MODEL, NULL);
}

/**
 * spec_block_model_get_snapshot:
 *
 * Returns: (transfer none) (nullable): the snapshot whose blocks are the
 *   items
 */
SpecSnapshot *
spec_block_model_get_snapshot (SpecBlockModel *self)
{
  g_return_val_if_fail (SPEC_IS_BLOCK_MODEL (self), NULL);

  return self->snapshot;
}

/* The changed blocks get new items, made when the list asks for them. */
static void
splice_items (GPtrArray *items,
              guint      position,
              guint      removed,
              guint      added)
{
  guint len;

  g_ptr_array_remove_range (items, position, removed);
  len = items->len;
  g_ptr_array_set_size (items, len + added);
  memmove (&items->pdata[position + added], &items->pdata[position],
           (len - position) * sizeof (gpointer));
  memset (&items->pdata[position], 0, added * sizeof (gpointer));
}

/* Whether block @a of @old shows what block @b of @new shows.  The
 * fingerprint covers what the block resolved from elsewhere; the source
 * is compared byte for byte, so that no hash collision can leave a row
 * showing stale text. */
static gboolean
blocks_equal (SpecSnapshot *old,
              guint         a,
              SpecSnapshot *new,
              guint         b)
{
  const SpecBlock *block_a = spec_snapshot_get_block (old, a);
  const SpecBlock *block_b = spec_snapshot_get_block (new, b);
  const char *source_a;
  const char *source_b;
  gsize len_a;
  gsize len_b;

  /* Without a source position there is nothing to compare. */
  if (block_a->start_line == 0 || block_b->start_line == 0 ||
      block_a->fingerprint != block_b->fingerprint ||
      block_a->type != block_b->type)
    return FALSE;

  source_a = spec_snapshot_get_block_source (old, a, &len_a);
  source_b = spec_snapshot_get_block_source (new, b, &len_b);

  return len_a == len_b && memcmp (source_a, source_b, len_a) == 0;
}

/**
 * spec_block_model_set_snapshot:
 * @snapshot: (nullable): the document to show
 *
 * Makes @snapshot's blocks the items.  Blocks only come and go through
 * ::items-changed: the blocks that are the same at the start and at the
 * end of both documents keep their items, and what lies between them is
 * announced as changed.  When there are as many blocks as before, nothing
 * is announced: a view compares each row's block itself (see
 * SpecBlock.fingerprint), so that an edit inside a block rebuilds one row.
 *
 * The first and the last rows are also announced when another block takes
 * their place, since they are spaced from the page's edges.
 */
/* Makes the blocks up to @n_shown items. */
static void
show_blocks (SpecBlockModel *self,
             guint           n_shown)
{
  guint before = self->n_shown;

  if (n_shown <= before)
    return;

  self->n_shown = n_shown;
  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n_shown - before);
}

void
spec_block_model_set_snapshot (SpecBlockModel *self,
                               SpecSnapshot   *snapshot)
{
  g_autoptr(SpecSnapshot) old = NULL;
  guint n_old;
  guint n_new;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;
  guint removed_shown;
  guint kept;

  g_return_if_fail (SPEC_IS_BLOCK_MODEL (self));
  g_return_if_fail (snapshot == NULL || SPEC_IS_SNAPSHOT (snapshot));

  if (self->snapshot == snapshot)
    return;

  old = g_steal_pointer (&self->snapshot);
  self->snapshot = snapshot != NULL ? g_object_ref (snapshot) : NULL;

  n_old = old != NULL ? spec_snapshot_get_n_blocks (old) : 0;
  n_new = snapshot != NULL ? spec_snapshot_get_n_blocks (snapshot) : 0;

  /* A document into an empty preview: a screenful first. */
  if (self->n_shown == 0 && n_new > FILL_BATCH)
    {
      splice_items (self->items, 0, self->items->len, n_new);
      show_blocks (self, FILL_BATCH);
      return;
    }

  while (prefix < n_old && prefix < n_new &&
         blocks_equal (old, prefix, snapshot, prefix))
    prefix++;

  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         blocks_equal (old, n_old - 1 - suffix, snapshot, n_new - 1 - suffix))
    suffix++;

  /* When blocks are only inserted or only removed at the start, another
   * row becomes the first one: rebuild it too, and the same at the end. */
  if (n_old - prefix - suffix == 0 || n_new - prefix - suffix == 0)
    {
      if (prefix == 0 && suffix > 0)
        suffix--;
      else if (suffix == 0 && prefix > 0)
        prefix--;
    }

  if (n_old - prefix - suffix == 0 && n_new - prefix - suffix == 0)
    return;

  /* As many blocks as before: the rows stay, and the view rebuilds those
   * whose block changed. */
  if (n_old == n_new)
    return;

  removed = n_old - prefix - suffix;
  added = n_new - prefix - suffix;
  splice_items (self->items, prefix, removed, added);

  /* While the rows come in, a change past them is for later; one among
   * them shows at once, with the blocks it brings. */
  if (self->n_shown < n_old && prefix >= self->n_shown)
    return;
  removed_shown = MIN (prefix + removed, self->n_shown) - prefix;
  kept = self->n_shown - removed_shown;
  self->n_shown = MIN (n_new, kept + added);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed_shown, self->n_shown - kept);
}

/**
 * spec_block_model_show_through:
 * @index: a block of the snapshot
 *
 * Makes the blocks up to @index items now, for a scroll to it while the
 * rows still come in.
 */
void
spec_block_model_show_through (SpecBlockModel *self,
                               guint           index)
{
  g_return_if_fail (SPEC_IS_BLOCK_MODEL (self));

  if (self->snapshot == NULL)
    return;

  show_blocks (self, MIN (spec_snapshot_get_n_blocks (self->snapshot), index + 1));
}

/**
 * spec_block_model_is_complete:
 *
 * Returns: whether every block of the snapshot is an item: a document
 *   opened into an empty preview comes in a screenful at a time
 */
gboolean
spec_block_model_is_complete (SpecBlockModel *self)
{
  g_return_val_if_fail (SPEC_IS_BLOCK_MODEL (self), TRUE);

  return self->snapshot == NULL || self->n_shown == spec_snapshot_get_n_blocks (self->snapshot);
}
