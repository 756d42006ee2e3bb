/* spec-outline-item.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-outline-item.h"

/* Snapshots are immutable and replaced on every edit, but the navigator's
 * rows must not be: a GtkTreeListModel forgets the expansion of a row whose
 * item is removed, and a list that is reset jumps back to the top.  So the
 * items are long-lived and spec_outline_store_sync() updates them in place,
 * inserting and removing only the headings that really came or went. */
struct _SpecOutlineItem
{
  GObject     parent_instance;

  char       *title;
  guint       level;
  guint       line;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (SpecOutlineItem, spec_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_LEVEL,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
spec_outline_item_finalize (GObject *object)
{
  SpecOutlineItem *self = (SpecOutlineItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (spec_outline_item_parent_class)->finalize (object);
}

static void
spec_outline_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpecOutlineItem *self = SPEC_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_outline_item_class_init (SpecOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spec_outline_item_finalize;
  object_class->get_property = spec_outline_item_get_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL,
                       1, 6, 1,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_outline_item_init (SpecOutlineItem *self)
{
  self->children = g_list_store_new (SPEC_TYPE_OUTLINE_ITEM);
  self->level = 1;
}

/* Takes the section's values, notifying only what changed, so a row
 * widget bound to the item redraws only when its heading really changed. */
static void
spec_outline_item_update (SpecOutlineItem   *self,
                          const SpecSection *section)
{
  if (g_strcmp0 (self->title, section->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (section->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }

  if (self->level != section->level)
    {
      self->level = section->level;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL]);
    }

  if (self->line != section->heading_line)
    {
      self->line = section->heading_line;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINE]);
    }

  spec_outline_store_sync (self->children, section->children);
}

SpecOutlineItem *
spec_outline_item_new (const SpecSection *section)
{
  SpecOutlineItem *self;

  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (SPEC_TYPE_OUTLINE_ITEM, NULL);
  spec_outline_item_update (self, section);

  return self;
}

const char *
spec_outline_item_get_title (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), NULL);

  return self->title;
}

guint
spec_outline_item_get_level (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), 0);

  return self->level;
}

/* The heading's first line, 1-based like the snapshot's. */
guint
spec_outline_item_get_line (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), 0);

  return self->line;
}

/**
 * spec_outline_item_get_children:
 *
 * Returns: (transfer none) (nullable): the subsections, or %NULL for a
 *   heading without any, so the tree shows no expander for it
 */
GListModel *
spec_outline_item_get_children (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->children)) == 0)
    return NULL;

  return G_LIST_MODEL (self->children);
}

static gboolean
item_matches (SpecOutlineItem   *item,
              const SpecSection *section)
{
  gboolean has_children = g_list_model_get_n_items (G_LIST_MODEL (item->children)) > 0;

  return g_strcmp0 (item->title, section->title) == 0 &&
         has_children == (section->children->len > 0);
}

static gboolean
same_shape (SpecOutlineItem   *item,
            const SpecSection *section)
{
  gboolean has_children = g_list_model_get_n_items (G_LIST_MODEL (item->children)) > 0;

  return has_children == (section->children->len > 0);
}

/**
 * spec_outline_store_sync:
 * @store: a #GListStore of #SpecOutlineItem
 * @sections: (element-type SpecSection): the sections it must show
 *
 * Makes @store show @sections, keeping every item that can be kept: the
 * unchanged headings before and after the edit keep their identity (and so
 * their expansion); in between, items are updated in place pairwise and
 * only the surplus is inserted or removed.
 */
void
spec_outline_store_sync (GListStore *store,
                         GPtrArray  *sections)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = sections->len;
  guint prefix = 0;
  guint suffix = 0;
  guint n_mid_old;
  guint n_mid_new;
  guint n_pairs;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(SpecOutlineItem) item = g_list_model_get_item (model, prefix);

      if (!item_matches (item, g_ptr_array_index (sections, prefix)))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(SpecOutlineItem) item = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!item_matches (item, g_ptr_array_index (sections, n_new - 1 - suffix)))
        break;
      suffix++;
    }

  n_mid_old = n_old - prefix - suffix;
  n_mid_new = n_new - prefix - suffix;
  n_pairs = MIN (n_mid_old, n_mid_new);

  /* Pairs in the changed middle: the common case is one heading whose
   * title is being typed, updated in place. */
  for (guint i = prefix; i < prefix + n_pairs; i++)
    {
      g_autoptr(SpecOutlineItem) item = g_list_model_get_item (model, i);
      const SpecSection *section = g_ptr_array_index (sections, i);

      /* A tree list row decides once whether it can expand, so an item
       * that gained its first child or lost its last one is replaced. */
      if (!same_shape (item, section))
        {
          g_autoptr(SpecOutlineItem) replacement = spec_outline_item_new (section);

          g_list_store_splice (store, i, 1, (gpointer *) &replacement, 1);
        }
    }

  if (n_mid_old > n_pairs)
    {
      g_list_store_splice (store, prefix + n_pairs, n_mid_old - n_pairs, NULL, 0);
    }
  else if (n_mid_new > n_pairs)
    {
      guint n_added = n_mid_new - n_pairs;
      g_autoptr(GPtrArray) added = g_ptr_array_new_full (n_added, g_object_unref);

      for (guint i = 0; i < n_added; i++)
        g_ptr_array_add (added, spec_outline_item_new (g_ptr_array_index (sections,
                                                                          prefix + n_pairs + i)));

      g_list_store_splice (store, prefix + n_pairs, 0, added->pdata, n_added);
    }

  /* Lines move with every edit above them: refresh every kept item. */
  g_assert (g_list_model_get_n_items (model) == n_new);
  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(SpecOutlineItem) item = g_list_model_get_item (model, i);

      spec_outline_item_update (item, g_ptr_array_index (sections, i));
    }
}
