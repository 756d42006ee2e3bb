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
 * another object for a changed row. */
struct _SpecBlockModel
{
  GObject       parent_instance;

  SpecSnapshot *snapshot;
  GPtrArray    *items;     /* one per block; NULL until asked for */
};

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

  return self->snapshot != NULL ? spec_snapshot_get_n_blocks (self->snapshot) : 0;
}

static gpointer
spec_block_model_get_item (GListModel *model,
                           guint       position)
{
  SpecBlockModel *self = SPEC_BLOCK_MODEL (model);
  gpointer *item;

  if (position >= self->items->len)
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
void
spec_block_model_set_snapshot (SpecBlockModel *self,
                               SpecSnapshot   *snapshot)
{
  g_autoptr(SpecSnapshot) old = NULL;
  guint n_old;
  guint n_new;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (SPEC_IS_BLOCK_MODEL (self));
  g_return_if_fail (snapshot == NULL || SPEC_IS_SNAPSHOT (snapshot));

  if (self->snapshot == snapshot)
    return;

  old = g_steal_pointer (&self->snapshot);
  self->snapshot = snapshot != NULL ? g_object_ref (snapshot) : NULL;

  n_old = old != NULL ? spec_snapshot_get_n_blocks (old) : 0;
  n_new = snapshot != NULL ? spec_snapshot_get_n_blocks (snapshot) : 0;

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

  splice_items (self->items, prefix, n_old - prefix - suffix, n_new - prefix - suffix);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix,
                              n_new - prefix - suffix);
}
