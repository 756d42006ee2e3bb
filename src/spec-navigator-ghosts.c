/* spec-navigator-ghosts.c: the template's sections the document lacks
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-navigator-private.h"
#include "spec-outline-edit.h"
#include "spec-outline-item.h"

/* When the document is checked against a template, each template section
 * it lacks shows as a dimmed "ghost" row where it belongs, with a button
 * (or Enter) that adds it.  Ghost rows are extra items in the outline's
 * stores: they are taken out before the stores are matched to a new
 * outline and put back after, and left alone while typing changes
 * neither the headings nor what is missing. */

typedef struct
{
  GListStore      *store;
  SpecOutlineItem *item;
  SpecOutlineItem *owner;   /* a section without subsections it is under */
  GListStore      *owner_store;
} Ghost;

static void
ghost_free (gpointer data)
{
  Ghost *ghost = data;

  g_object_unref (ghost->store);
  g_object_unref (ghost->item);
  g_clear_object (&ghost->owner);
  g_clear_object (&ghost->owner_store);
  g_free (ghost);
}

/* A tree row decides once whether it can open: an item whose subsections
 * come or go is put back in its place, for a new row. */
static void
reseat (GListStore      *store,
        SpecOutlineItem *item)
{
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &item, 1);
}

/* What is missing, in a string to compare with the last one. */
static char *
missing_signature (SpecSnapshot *snapshot)
{
  GArray *missing = snapshot != NULL ? spec_snapshot_get_report (snapshot)->missing : NULL;
  GString *str = g_string_new (NULL);

  for (guint i = 0; missing != NULL && i < missing->len; i++)
    {
      const SpecMissingSection *m = &g_array_index (missing, SpecMissingSection, i);

      g_string_append_printf (str, "%u %d %u %s\n", m->level, m->required,
                              m->after != NULL ? m->after->index : G_MAXUINT, m->title);
    }

  return g_string_free (str, FALSE);
}

void
_spec_navigator_remove_ghosts (SpecNavigator *self)
{
  for (guint i = 0; self->ghosts != NULL && i < self->ghosts->len; i++)
    {
      Ghost *ghost = g_ptr_array_index (self->ghosts, i);
      guint position;

      if (g_list_store_find (ghost->store, ghost->item, &position))
        g_list_store_remove (ghost->store, position);
      if (ghost->owner != NULL && g_list_model_get_n_items (G_LIST_MODEL (ghost->store)) == 0)
        reseat (ghost->owner_store, ghost->owner);
    }

  if (self->ghosts != NULL)
    g_ptr_array_set_size (self->ghosts, 0);
  g_clear_pointer (&self->ghost_signature, g_free);
}

static GListStore *
store_holding (SpecNavigator     *self,
               const SpecSection *section)
{
  if (section->parent == NULL)
    return self->roots;

  return spec_outline_item_get_children_store (g_ptr_array_index (self->items, section->parent->index));
}

/* Just after @item in @store, and after the ghosts already put there. */
static guint
position_after (GListStore      *store,
                SpecOutlineItem *item)
{
  GListModel *model = G_LIST_MODEL (store);
  guint position = 0;

  if (item != NULL && g_list_store_find (store, item, &position))
    position++;

  while (position < g_list_model_get_n_items (model))
    {
      g_autoptr(SpecOutlineItem) next = g_list_model_get_item (model, position);

      if (!spec_outline_item_get_ghost (next))
        break;
      position++;
    }

  return position;
}

void
_spec_navigator_add_ghosts (SpecNavigator *self)
{
  GArray *missing;
  g_autofree guint *parent = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (self->snapshot == NULL)
    return;

  if (self->ghosts == NULL)
    self->ghosts = g_ptr_array_new_with_free_func (ghost_free);

  missing = spec_snapshot_get_report (self->snapshot)->missing;
  parent = g_new (guint, missing->len + 1);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  /* A missing section whose template parent is missing too goes under
   * that ghost: they come one after the other, placed after the same
   * section of the document. */
  for (guint i = 0; i < missing->len; i++)
    {
      const SpecMissingSection *m = &g_array_index (missing, SpecMissingSection, i);

      parent[i] = G_MAXUINT;
      for (guint p = i; p-- > 0;)
        {
          const SpecMissingSection *before = &g_array_index (missing, SpecMissingSection, p);

          if (before->after != m->after)
            break;
          if (before->level < m->level)
            {
              parent[i] = p;
              break;
            }
        }
      g_ptr_array_add (items, spec_outline_item_new_ghost (m, i));
    }

  /* Children first, so that a ghost with subsections can open. */
  for (guint i = 0; i < missing->len; i++)
    if (parent[i] != G_MAXUINT)
      {
        GListStore *store = spec_outline_item_get_children_store (g_ptr_array_index (items, parent[i]));
        Ghost *ghost = g_new0 (Ghost, 1);

        ghost->store = g_object_ref (store);
        ghost->item = g_object_ref (g_ptr_array_index (items, i));
        g_list_store_append (store, ghost->item);
        g_ptr_array_add (self->ghosts, ghost);
      }

  for (guint i = 0; i < missing->len; i++)
    {
      const SpecMissingSection *m = &g_array_index (missing, SpecMissingSection, i);
      const SpecSection *after = m->after;
      SpecOutlineItem *after_item = NULL;
      SpecOutlineItem *owner = NULL;
      GListStore *store;
      Ghost *ghost;

      if (parent[i] != G_MAXUINT)
        continue;

      if (after == NULL)
        {
          /* Before the first heading. */
          store = self->roots;
        }
      else if (m->level > after->level)
        {
          /* Its first subsection. */
          store = spec_outline_item_get_children_store (g_ptr_array_index (self->items, after->index));
          if (after->children->len == 0)
            owner = g_ptr_array_index (self->items, after->index);
        }
      else
        {
          const SpecSection *sibling = after;

          while (sibling->parent != NULL && sibling->parent->level >= m->level)
            sibling = sibling->parent;
          store = store_holding (self, sibling);
          after_item = g_ptr_array_index (self->items, sibling->index);
        }

      ghost = g_new0 (Ghost, 1);
      ghost->store = g_object_ref (store);
      ghost->item = g_object_ref (g_ptr_array_index (items, i));
      g_list_store_insert (store, position_after (store, after_item), ghost->item);
      if (owner != NULL)
        {
          ghost->owner = g_object_ref (owner);
          ghost->owner_store = g_object_ref (store_holding (self, after));
          if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 1)
            reseat (ghost->owner_store, owner);
        }
      g_ptr_array_add (self->ghosts, ghost);
    }

  self->ghost_signature = missing_signature (self->snapshot);
}

/* After an in-place update: the ghosts again if what is missing changed. */
void
_spec_navigator_refresh_ghosts (SpecNavigator *self)
{
  g_autofree char *signature = missing_signature (self->snapshot);

  if (g_strcmp0 (signature, self->ghost_signature != NULL ? self->ghost_signature : "") == 0)
    return;

  _spec_navigator_remove_ghosts (self);
  _spec_navigator_add_ghosts (self);
}

/* Adds the section a ghost row stands for. */
void
_spec_navigator_add_missing (SpecNavigator   *self,
                             SpecOutlineItem *ghost)
{
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;

  if (self->snapshot == NULL || !spec_outline_item_get_ghost (ghost))
    return;

  if (!(edits = spec_outline_edit_add_missing (self->snapshot, spec_outline_item_get_missing_index (ghost), &error)))
    {
      g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE_REFUSED], 0, error->message);
      return;
    }

  _spec_navigator_expect_title (self, spec_outline_item_get_title (ghost), 0);
  g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE], 0, self->snapshot, edits);
}

static void
add_missing_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  for (guint i = 0; self->ghosts != NULL && i < self->ghosts->len; i++)
    {
      Ghost *ghost = g_ptr_array_index (self->ghosts, i);

      if (spec_outline_item_get_missing_index (ghost->item) == index)
        {
          _spec_navigator_add_missing (self, ghost->item);
          return;
        }
    }
}

void
_spec_navigator_class_ghosts_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "outline.add-missing", "u", add_missing_action);
}
