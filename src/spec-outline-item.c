/* spec-outline-item.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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
  guint       line;
  GListStore *children;

  /* From the completeness report */
  SpecSectionState state;
  guint       counted : 1;
  guint       unfilled;
  guint       n_placeholders;
  guint       n_clarifications;
  guint       checklist_done;
  guint       checklist_total;

  /* A template section the document lacks, shown where it belongs. */
  guint       ghost : 1;
  guint       required : 1;
  guint       missing_index;
};

G_DEFINE_FINAL_TYPE (SpecOutlineItem, spec_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_LINE,
  PROP_STATE,
  PROP_UNFILLED,
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

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_UNFILLED:
      g_value_set_uint (value, self->unfilled);
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

  properties [PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A SpecSectionState; "notify::state" also covers the counts. */
  properties [PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       0, SPEC_SECTION_EMPTY, SPEC_SECTION_COMPLETE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNFILLED] =
    g_param_spec_uint ("unfilled", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_outline_item_init (SpecOutlineItem *self)
{
  self->children = g_list_store_new (SPEC_TYPE_OUTLINE_ITEM);
}

/* Takes the section's values, notifying only what changed, so a row
 * widget bound to the item redraws only when its heading really changed.
 * Not the subsections. */
static void
spec_outline_item_update_values (SpecOutlineItem   *self,
                                 const SpecSection *section,
                                 const SpecReport  *report)
{
  const SpecSectionReport *sr = spec_report_get_section (report, section);
  gboolean changed;

  if (g_strcmp0 (self->title, section->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (section->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }

  if (self->line != section->heading_line)
    {
      self->line = section->heading_line;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINE]);
    }

  /* One notification for all the report's figures: a row redraws its
   * badge from them together. */
  changed = self->state != sr->state ||
            self->counted != sr->counted ||
            self->n_placeholders != sr->n_placeholders ||
            self->n_clarifications != sr->n_clarifications ||
            self->checklist_done != sr->checklist_done ||
            self->checklist_total != sr->checklist_total;
  self->state = sr->state;
  self->counted = sr->counted;
  self->n_placeholders = sr->n_placeholders;
  self->n_clarifications = sr->n_clarifications;
  self->checklist_done = sr->checklist_done;
  self->checklist_total = sr->checklist_total;
  if (self->unfilled != spec_report_count_unfilled (sr))
    {
      self->unfilled = spec_report_count_unfilled (sr);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNFILLED]);
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static void
spec_outline_item_update (SpecOutlineItem   *self,
                          const SpecSection *section,
                          const SpecReport  *report)
{
  spec_outline_item_update_values (self, section, report);
  spec_outline_store_sync (self->children, section->children, report);
}

SpecOutlineItem *
spec_outline_item_new (const SpecSection *section,
                       const SpecReport  *report)
{
  SpecOutlineItem *self;

  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (SPEC_TYPE_OUTLINE_ITEM, NULL);
  spec_outline_item_update (self, section, report);

  return self;
}

const char *
spec_outline_item_get_title (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), NULL);

  return self->title;
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

SpecSectionState
spec_outline_item_get_state (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), SPEC_SECTION_COMPLETE);

  return self->state;
}

/* Whether the section counts on its own (it is not a container). */
gboolean
spec_outline_item_get_counted (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), FALSE);

  return self->counted;
}

/* Placeholders and clarifications left in the section's own text. */
guint
spec_outline_item_get_unfilled (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), 0);

  return self->unfilled;
}

/**
 * spec_outline_item_dup_summary:
 *
 * Returns: what is left in the section, in words, for a tooltip and a
 *   screen reader: "3 placeholders, 1 clarification, checklist 2/5"
 */
char *
spec_outline_item_dup_summary (SpecOutlineItem *self)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), NULL);

  if (self->ghost)
    {
      g_string_free (str, TRUE);
      return g_strdup (self->required ? _("Required by the template, missing")
                                      : _("In the template, missing"));
    }

  if (self->state == SPEC_SECTION_EMPTY)
    g_string_append (str, self->counted ? _("Empty section") : _("Only empty subsections"));
  else if (self->state == SPEC_SECTION_COMPLETE)
    g_string_append (str, _("Complete"));

  if (self->n_placeholders > 0)
    g_string_append_printf (str, ngettext ("%u placeholder", "%u placeholders", self->n_placeholders),
                            self->n_placeholders);
  if (self->n_clarifications > 0)
    {
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append_printf (str, ngettext ("%u clarification", "%u clarifications",
                                             self->n_clarifications),
                              self->n_clarifications);
    }
  if (self->checklist_total > 0)
    {
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append_printf (str, _("checklist %u/%u"), self->checklist_done, self->checklist_total);
    }
  if (str->len == 0)
    g_string_append (str, _("Incomplete subsections"));

  return g_string_free (str, FALSE);
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
spec_outline_store_sync (GListStore       *store,
                         GPtrArray        *sections,
                         const SpecReport *report)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = sections->len;
  guint prefix = 0;
  guint suffix = 0;
  guint n_mid_old;
  guint n_mid_new;
  guint n_pairs;
  guint n_made = 0;

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
          g_autoptr(SpecOutlineItem) replacement = spec_outline_item_new (section, report);

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
        g_ptr_array_add (added, spec_outline_item_new (g_ptr_array_index (sections, prefix + n_pairs + i),
                                                       report));

      g_list_store_splice (store, prefix + n_pairs, 0, added->pdata, n_added);
      n_made = n_added;
    }

  /* Lines move with every edit above them: refresh every kept item (the
   * ones just made are up to date). */
  g_assert (g_list_model_get_n_items (model) == n_new);
  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(SpecOutlineItem) item = NULL;

      if (i >= prefix + n_pairs && i < prefix + n_pairs + n_made)
        continue;
      item = g_list_model_get_item (model, i);
      spec_outline_item_update (item, g_ptr_array_index (sections, i), report);
    }
}

/**
 * spec_outline_store_populate:
 * @roots: the top store, showing the items of @items
 * @items: (element-type SpecOutlineItem): the items made so far: those of
 *   the first sections of @sections
 * @sections: (element-type SpecSection): all the sections, in document
 *   order
 * @budget: how many items to make at most
 *
 * Makes the items of the next sections into @items and the stores they
 * belong in, about @budget of them, so that the rows of a large outline
 * come in over a few main loop iterations: with 100 000 headings, making
 * them all at once kept the window from answering for a seventh of a
 * second.  Each store changes once, and an item goes into a shown store
 * with its first subsection already in (a tree list row decides once
 * whether it can expand).
 *
 * Returns: whether @items now holds an item for each section
 */
gboolean
spec_outline_store_populate (GListStore       *roots,
                             GPtrArray        *items,
                             GPtrArray        *sections,
                             const SpecReport *report,
                             guint             budget)
{
  g_autoptr(GHashTable) appended = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  guint start = items->len;
  guint end = MIN (sections->len, start + MAX (budget, 1));
  GHashTableIter iter;
  gpointer store, added;

  g_return_val_if_fail (start <= sections->len, TRUE);

  /* The last item's first subsection comes with it. */
  while (end < sections->len)
    {
      const SpecSection *next = g_ptr_array_index (sections, end);

      if (next->parent == NULL || next->parent->index != end - 1)
        break;
      end++;
    }

  for (guint i = start; i < end; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      SpecOutlineItem *item = g_object_new (SPEC_TYPE_OUTLINE_ITEM, NULL);
      SpecOutlineItem *parent = NULL;

      spec_outline_item_update_values (item, section, report);
      g_ptr_array_add (items, item);

      if (section->parent != NULL)
        parent = g_ptr_array_index (items, section->parent->index);

      /* Into a store not shown yet at once; into a shown one together,
       * at the end. */
      if (parent != NULL && section->parent->index >= start)
        {
          g_list_store_append (parent->children, item);
        }
      else
        {
          GListStore *into = parent != NULL ? parent->children : roots;
          GPtrArray *pending = g_hash_table_lookup (appended, into);

          if (pending == NULL)
            {
              pending = g_ptr_array_new ();
              g_hash_table_insert (appended, into, pending);
            }
          g_ptr_array_add (pending, item);
        }
    }

  g_hash_table_iter_init (&iter, appended);
  while (g_hash_table_iter_next (&iter, &store, &added))
    {
      GPtrArray *pending = added;

      g_list_store_splice (store, g_list_model_get_n_items (store), 0, pending->pdata, pending->len);
    }

  return items->len == sections->len;
}

/**
 * spec_outline_store_collect:
 * @store: a #GListStore of #SpecOutlineItem
 * @items: (element-type SpecOutlineItem): where to add them
 *
 * Adds the items of @store's tree to @items, in document order: the
 * order of spec_snapshot_get_sections() for the sections @store shows.
 * Ghost items, which show no section, are left out.
 */
void
spec_outline_store_collect (GListStore *store,
                            GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      SpecOutlineItem *item = g_list_model_get_item (model, i);

      if (item->ghost)
        {
          g_object_unref (item);
          continue;
        }
      g_ptr_array_add (items, item);
      spec_outline_store_collect (item->children, items);
    }
}

/**
 * spec_outline_items_update_in_place:
 * @items: (element-type SpecOutlineItem): a store's items, as collected by
 *   spec_outline_store_collect() when it showed @shown, or as made so far
 *   by spec_outline_store_populate() for @shown
 * @shown: (element-type SpecSection): those sections, in document order
 * @sections: (element-type SpecSection): the sections to show now
 *
 * As one types, the headings are the same ones at the same levels, and
 * only their lines and figures change: then each item takes its section's
 * values, in one pass over flat arrays, with no store touched (with
 * thousands of headings, walking the stores costs milliseconds a
 * keystroke).  While the items are still being made, those made so far
 * are updated, and the rest are made from @sections.
 *
 * Returns: %FALSE, and nothing done, if headings came, went or changed
 *   level: spec_outline_store_sync() is then needed
 */
gboolean
spec_outline_items_update_in_place (GPtrArray        *items,
                                    GPtrArray        *shown,
                                    GPtrArray        *sections,
                                    const SpecReport *report)
{
  if (shown->len != sections->len || items->len > sections->len)
    return FALSE;

  /* The same levels in the same order make the same tree. */
  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *before = g_ptr_array_index (shown, i);
      const SpecSection *now = g_ptr_array_index (sections, i);

      if (before->level != now->level)
        return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    spec_outline_item_update_values (g_ptr_array_index (items, i), g_ptr_array_index (sections, i), report);

  return TRUE;
}

/**
 * spec_outline_item_new_ghost:
 * @missing: a template section the document lacks
 * @missing_index: its index in the report's list of them
 *
 * An item for a row that shows where the section would be.
 */
SpecOutlineItem *
spec_outline_item_new_ghost (const SpecMissingSection *missing,
                             guint                     missing_index)
{
  SpecOutlineItem *self;

  g_return_val_if_fail (missing != NULL, NULL);

  self = g_object_new (SPEC_TYPE_OUTLINE_ITEM, NULL);
  self->title = g_strdup (missing->title);
  self->ghost = TRUE;
  self->required = missing->required;
  self->missing_index = missing_index;
  self->state = SPEC_SECTION_EMPTY;

  return self;
}

gboolean
spec_outline_item_get_ghost (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), FALSE);

  return self->ghost;
}

gboolean
spec_outline_item_get_required (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), FALSE);

  return self->required;
}

guint
spec_outline_item_get_missing_index (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), 0);

  return self->missing_index;
}

/* The store of its subsections, empty or not. */
GListStore *
spec_outline_item_get_children_store (SpecOutlineItem *self)
{
  g_return_val_if_fail (SPEC_IS_OUTLINE_ITEM (self), NULL);

  return self->children;
}
