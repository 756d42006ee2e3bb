/* spec-navigator.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "spec-navigator-private.h"
#include "spec-outline-item.h"

G_DEFINE_FINAL_TYPE (SpecNavigator, spec_navigator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];
guint _spec_navigator_signals [N_NAVIGATOR_SIGNALS];
#define signals _spec_navigator_signals

static void spec_navigator_stop_fill     (SpecNavigator *self);
static void spec_navigator_populate_rest (SpecNavigator *self);

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  GListModel *children = spec_outline_item_get_children (item);

  return children ? g_object_ref (children) : NULL;
}

/* The tooltip of a row: the title, and what is left in the section. */
static gboolean
on_row_query_tooltip (GtkWidget  *box,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  SpecOutlineItem *item = g_object_get_data (G_OBJECT (box), "spec-item");
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;

  summary = spec_outline_item_dup_summary (item);
  text = g_strdup_printf ("%s\n%s", spec_outline_item_get_title (item), summary);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* A row: [title][badge].  The badge is a count of what is left for an
 * incomplete section, a check mark for a complete one; an empty section's
 * title is dimmed and slanted instead. */
static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "spec-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (check, "spec-complete");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), check);

  /* Asked for when shown: setting a tooltip's text makes GTK ask the X
   * server where the pointer is, and after a heading comes or goes GTK
   * 4.8 binds every row again (200 round trips, a tenth of a second). */
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (on_row_query_tooltip), NULL);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
  _spec_navigator_menu_setup_row (list_item, expander);
  _spec_navigator_dnd_setup_row (expander);
}

/* The title, its "[PLACEHOLDER]" parts dimmed: still to be written. */
static char *
title_markup (const char *title)
{
  GString *markup = g_string_new (NULL);
  const char *p = title;

  while (*p != '\0')
    {
      const char *open = strchr (p, '[');
      const char *close = open != NULL ? strchr (open, ']') : NULL;
      g_autofree char *before = NULL;
      g_autofree char *slot = NULL;

      if (close == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (markup, rest);
          break;
        }

      before = g_markup_escape_text (p, open - p);
      slot = g_markup_escape_text (open, close + 1 - open);
      g_string_append_printf (markup, "%s<span alpha=\"55%%\">%s</span>", before, slot);
      p = close + 1;
    }

  return g_string_free (markup, FALSE);
}

/* On a ghost row: a button that adds the section it stands for, made the
 * first time a row shows a ghost (most never do, and rows are rebuilt by
 * the hundred when headings come or go). */
static void
update_add_button (GtkWidget       *box,
                   GtkWidget       *add,
                   SpecOutlineItem *item)
{
  gboolean ghost = spec_outline_item_get_ghost (item);

  if (ghost && add == NULL)
    {
      add = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_add_css_class (add, "circular");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (add, _("Add Section"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add section"), -1);
      gtk_box_append (GTK_BOX (box), add);
    }
  if (add == NULL)
    return;

  gtk_widget_set_visible (add, ghost);

  /* The target before the name, and the name gone before the target:
   * the action never sees the one without the other. */
  if (ghost)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add),
                                              g_variant_new_uint32 (spec_outline_item_get_missing_index (item)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "outline.add-missing");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add), NULL);
    }
}

static void
update_row (GtkWidget       *box,
            GParamSpec      *pspec,
            SpecOutlineItem *item)
{
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_next_sibling (label);
  GtkWidget *check = gtk_widget_get_next_sibling (badge);
  GtkWidget *add = gtk_widget_get_next_sibling (check);
  gboolean ghost = spec_outline_item_get_ghost (item);
  SpecSectionState state = spec_outline_item_get_state (item);
  guint unfilled = spec_outline_item_get_unfilled (item);
  const char *title = spec_outline_item_get_title (item);
  g_autofree char *summary = spec_outline_item_dup_summary (item);
  g_autofree char *count = g_strdup_printf ("%u", unfilled);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", title, summary);
  g_autofree char *markup = title_markup (title);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_label (GTK_LABEL (badge), count);
  gtk_widget_set_visible (badge, unfilled > 0 && !ghost);
  gtk_widget_set_visible (check, state == SPEC_SECTION_COMPLETE && !ghost &&
                                 spec_outline_item_get_counted (item));
  update_add_button (box, add, item);

  if (state == SPEC_SECTION_EMPTY && !ghost)
    gtk_widget_add_css_class (label, "spec-empty");
  else
    gtk_widget_remove_css_class (label, "spec-empty");
  if (ghost)
    gtk_widget_add_css_class (label, "spec-ghost");
  else
    gtk_widget_remove_css_class (label, "spec-ghost");
  if (ghost && spec_outline_item_get_required (item))
    gtk_widget_add_css_class (label, "spec-required");
  else
    gtk_widget_remove_css_class (label, "spec-required");

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (expander);
  SpecOutlineItem *item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);

  /* The item outlives this binding; follow it while bound. */
  update_row (box, NULL, item);
  g_signal_connect_object (item, "notify::title", G_CALLBACK (update_row), box, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::state", G_CALLBACK (update_row), box, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::unfilled", G_CALLBACK (update_row), box, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (list_item), "spec-item", item, g_object_unref);
  g_object_set_data (G_OBJECT (box), "spec-item", item);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkWidget *box = gtk_tree_expander_get_child (expander);
  SpecOutlineItem *item = g_object_get_data (G_OBJECT (list_item), "spec-item");

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, update_row, box);
  g_object_set_data (G_OBJECT (box), "spec-item", NULL);
  g_object_set_data (G_OBJECT (list_item), "spec-item", NULL);
  gtk_tree_expander_set_list_row (expander, NULL);
}

static void
on_list_view_activate (SpecNavigator *self,
                       guint          position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  SpecOutlineItem *item;

  row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (spec_outline_item_get_ghost (item))
    _spec_navigator_add_missing (self, item);
  else
    g_signal_emit (self, signals [HEADING_ACTIVATED], 0, spec_outline_item_get_line (item));
  g_object_unref (item);
}

static void
spec_navigator_dispose (GObject *object)
{
  SpecNavigator *self = (SpecNavigator *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->populate_id, g_source_remove);
  spec_navigator_stop_fill (self);
  _spec_navigator_menu_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPEC_TYPE_NAVIGATOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->shown_items, g_hash_table_unref);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->reselect_title, g_free);
  g_clear_pointer (&self->ghosts, g_ptr_array_unref);
  g_clear_pointer (&self->ghost_signature, g_free);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (spec_navigator_parent_class)->dispose (object);
}

static void
spec_navigator_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpecNavigator *self = SPEC_NAVIGATOR (object);

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
spec_navigator_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpecNavigator *self = SPEC_NAVIGATOR (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      spec_navigator_set_snapshot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Hidden while a document's first rows wait for a frame: no frame is
 * coming, the rest at once. */
static void
spec_navigator_unmap (GtkWidget *widget)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);

  if (self->fill_clock != NULL)
    spec_navigator_populate_rest (self);

  GTK_WIDGET_CLASS (spec_navigator_parent_class)->unmap (widget);
}

static void
spec_navigator_class_init (SpecNavigatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_navigator_dispose;
  object_class->get_property = spec_navigator_get_property;
  object_class->set_property = spec_navigator_set_property;
  widget_class->unmap = spec_navigator_unmap;

  properties [PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         SPEC_TYPE_SNAPSHOT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpecNavigator::heading-activated:
   * @line: the heading's first line, 1-based
   *
   * A row was clicked or activated with Enter.
   */
  signals [HEADING_ACTIVATED] =
    g_signal_new ("heading-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-navigator.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecNavigator, stack);
  gtk_widget_class_bind_template_child (widget_class, SpecNavigator, list_view);
  gtk_widget_class_bind_template_child (widget_class, SpecNavigator, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, SpecNavigator, incomplete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);

  /**
   * SpecNavigator::restructure:
   * @snapshot: the snapshot the edits were made from
   * @edits: (element-type SpecTextEdit): the text edits that carry out a
   *   move, a level change or a deletion, for the document to make as one
   *   user action
   */
  signals [RESTRUCTURE] =
    g_signal_new ("restructure",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SPEC_TYPE_SNAPSHOT, G_TYPE_PTR_ARRAY);

  /**
   * SpecNavigator::restructure-refused:
   * @message: why, for the user
   */
  signals [RESTRUCTURE_REFUSED] =
    g_signal_new ("restructure-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  _spec_navigator_class_actions_init (widget_class);
  _spec_navigator_class_menu_init (widget_class);
  _spec_navigator_class_filter_init (widget_class);
  _spec_navigator_class_ghosts_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "specnavigator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NAVIGATION);
}

static void
spec_navigator_init (SpecNavigator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->roots = g_list_store_new (SPEC_TYPE_OUTLINE_ITEM);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)),
                                        FALSE, TRUE,
                                        create_child_model, NULL, NULL);
  _spec_navigator_filter_init (self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
spec_navigator_new (void)
{
  return g_object_new (SPEC_TYPE_NAVIGATOR, NULL);
}

SpecSnapshot *
spec_navigator_get_snapshot (SpecNavigator *self)
{
  g_return_val_if_fail (SPEC_IS_NAVIGATOR (self), NULL);

  return self->snapshot;
}

/* Rows made per main loop iteration when many are to be made: a few
 * milliseconds of work.  A screenful shows at once, and 100 000 headings
 * come in within a second without a frame held back for long. */
#define POPULATE_BATCH 4000

/* After frames are drawn (GDK_PRIORITY_REDRAW) and before the editor lays
 * out a large text in the background (GtkTextView's +25), which goes on
 * for seconds and would hold the rows back as long. */
#define POPULATE_PRIORITY (G_PRIORITY_HIGH_IDLE + 22)

/* A document opened into an empty outline: about a screenful of rows for
 * its first frame, and the rest once that frame is drawn.  GTK 4.8's list
 * view makes, styles and measures a row for each of its first 200 items
 * at once: for the 78 sections of a seed spec, 800 widgets held back the
 * window's first frame (the preview does the same, see
 * spec-block-model.c). */
#define FIRST_FILL 32

static gboolean populate_cb                  (gpointer       data);
static gboolean spec_navigator_populate_step (SpecNavigator *self);

/* Rows are still being made: the cursor's row is selected, and rows are
 * looked for, once they are all in. */
static gboolean
spec_navigator_is_populating (SpecNavigator *self)
{
  return self->populate_id != 0 || self->fill_handler != 0;
}

static void
spec_navigator_stop_fill (SpecNavigator *self)
{
  if (self->fill_clock == NULL)
    return;

  g_clear_signal_handler (&self->fill_handler, self->fill_clock);
  g_clear_object (&self->fill_clock);
}

/* The rest of the rows, in batches from the next main loop iteration. */
static void
spec_navigator_populate_rest (SpecNavigator *self)
{
  spec_navigator_stop_fill (self);
  if (self->populate_id == 0)
    {
      self->populate_id = g_idle_add_full (POPULATE_PRIORITY, populate_cb, self, NULL);
      g_source_set_name_by_id (self->populate_id, "[specwright] navigator rows");
    }
}

/* The rest at once, in the same frame as the preview's rest (which it
 * makes in its own after-paint): one frame with both rather than two. */
static void
fill_after_paint_cb (GdkFrameClock *clock,
                     SpecNavigator *self)
{
  spec_navigator_stop_fill (self);
  if (!spec_navigator_populate_step (self))
    spec_navigator_populate_rest (self);
}

/* How many rows of @sections to make now, all others to come later, when
 * they are made from the start: a screenful (FIRST_FILL) for a document
 * opened into the empty outline while it is shown (a frame is coming),
 * and for any snapshot while that screenful waits for its frame; a batch
 * (POPULATE_BATCH) when most rows of a large outline are to be made; else
 * 0, and the rows there are synced. */
static guint
spec_navigator_start_budget (SpecNavigator *self,
                             GPtrArray     *sections)
{
  if (self->fill_clock != NULL ||
      (self->populate_id == 0 && self->items->len == 0 && sections->len > FIRST_FILL &&
       gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL))
    return FIRST_FILL;

  if (sections->len > POPULATE_BATCH &&
      (self->populate_id != 0 || self->items->len < sections->len / 2))
    return POPULATE_BATCH;

  return 0;
}

static void
spec_navigator_wait_for_frame (SpecNavigator *self)
{
  if (self->fill_clock != NULL)
    return;

  self->fill_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->fill_handler = g_signal_connect (self->fill_clock, "after-paint", G_CALLBACK (fill_after_paint_cb), self);
  gdk_frame_clock_request_phase (self->fill_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* After a snapshot or a batch of rows: what depends on the rows shown. */
static void
spec_navigator_rows_changed (SpecNavigator *self)
{
  if (self->shown_items != NULL)
    _spec_navigator_refilter (self);
  else
    _spec_navigator_update_page (self);

  /* Rows still being made: selected once they are all in. */
  if (self->snapshot == NULL || spec_navigator_is_populating (self))
    return;

  /* The cursor's section may have moved: unless a restructuring's
   * section is selected again. */
  if (self->reselect_title != NULL)
    _spec_navigator_reselect (self);
  else
    spec_navigator_show_line (self, self->cursor_line);
}

/* Makes the next batch of rows; the ghosts, which need every row, once
 * the last is in. */
static gboolean
spec_navigator_populate (SpecNavigator *self,
                         guint          budget)
{
  if (!spec_outline_store_populate (self->roots, self->items,
                                    spec_snapshot_get_sections (self->snapshot),
                                    spec_snapshot_get_report (self->snapshot),
                                    budget))
    return FALSE;

  _spec_navigator_add_ghosts (self);
  return TRUE;
}

/* A batch of rows; once the last is in, what waited for them.
 * Returns: whether the last is in */
static gboolean
spec_navigator_populate_step (SpecNavigator *self)
{
  if (!spec_navigator_populate (self, POPULATE_BATCH))
    return FALSE;

  /* Called from populate_cb(), whose source ends; or with none. */
  self->populate_id = 0;
  /* The cursor's row is there now: selected as if just entered. */
  self->cursor_heading = 0;
  spec_navigator_rows_changed (self);

  return TRUE;
}

static gboolean
populate_cb (gpointer data)
{
  SpecNavigator *self = data;

  if (!spec_navigator_populate_step (self))
    return G_SOURCE_CONTINUE;

  return G_SOURCE_REMOVE;
}

void
spec_navigator_set_snapshot (SpecNavigator *self,
                             SpecSnapshot  *snapshot)
{
  g_autoptr(SpecSnapshot) old = NULL;
  GPtrArray *sections;
  guint budget;

  g_return_if_fail (SPEC_IS_NAVIGATOR (self));
  g_return_if_fail (!snapshot || SPEC_IS_SNAPSHOT (snapshot));

  if (self->snapshot == snapshot)
    return;

  old = g_steal_pointer (&self->snapshot);
  self->snapshot = snapshot != NULL ? g_object_ref (snapshot) : NULL;
  sections = snapshot != NULL ? spec_snapshot_get_sections (snapshot) : NULL;
  budget = sections != NULL ? spec_navigator_start_budget (self, sections) : 0;

  if (snapshot == NULL)
    {
      g_clear_handle_id (&self->populate_id, g_source_remove);
      spec_navigator_stop_fill (self);
      _spec_navigator_remove_ghosts (self);
      g_list_store_remove_all (self->roots);
      g_ptr_array_set_size (self->items, 0);
    }
  else if (old != NULL &&
           spec_outline_items_update_in_place (self->items, spec_snapshot_get_sections (old), sections,
                                               spec_snapshot_get_report (snapshot)))
    {
      /* While rows are being made, the ones made so far are updated and
       * the rest come from this snapshot. */
      if (!spec_navigator_is_populating (self))
        _spec_navigator_refresh_ghosts (self);
    }
  else if (budget > 0)
    {
      _spec_navigator_remove_ghosts (self);
      g_list_store_remove_all (self->roots);
      g_ptr_array_set_size (self->items, 0);
      if (spec_navigator_populate (self, budget))
        spec_navigator_stop_fill (self);
      else if (budget == FIRST_FILL)
        spec_navigator_wait_for_frame (self);
      else
        spec_navigator_populate_rest (self);
    }
  else
    {
      _spec_navigator_remove_ghosts (self);
      spec_outline_store_sync (self->roots, spec_snapshot_get_outline (snapshot),
                               spec_snapshot_get_report (snapshot));
      g_ptr_array_set_size (self->items, 0);
      spec_outline_store_collect (self->roots, self->items);
      _spec_navigator_add_ghosts (self);
    }

  spec_navigator_rows_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNAPSHOT]);
}

/**
 * spec_navigator_is_complete:
 *
 * Returns: whether the rows show every heading of the snapshot; a large
 *   outline is filled in over a few main loop iterations
 */
gboolean
spec_navigator_is_complete (SpecNavigator *self)
{
  g_return_val_if_fail (SPEC_IS_NAVIGATOR (self), FALSE);

  return !spec_navigator_is_populating (self);
}

/* The outline, or why there is none to show. */
void
_spec_navigator_update_page (SpecNavigator *self)
{
  const char *page = "outline";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->roots)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The row of @section, its collapsed ancestors expanded on the way if
 * @expand; NULL if hidden under a collapsed one and not @expand. */
static GtkTreeListRow *
row_for_section (SpecNavigator     *self,
                 const SpecSection *section,
                 gboolean           expand)
{
  g_autoptr(GPtrArray) path = NULL;
  GtkTreeListRow *row = NULL;

  /* Rows still being made: found once they are all in. */
  if (spec_navigator_is_populating (self))
    return NULL;

  path = g_ptr_array_new ();
  for (const SpecSection *s = section; s != NULL; s = s->parent)
    g_ptr_array_insert (path, 0, (gpointer) s);

  for (guint depth = 0; depth < path->len; depth++)
    {
      const SpecSection *s = g_ptr_array_index (path, depth);
      GListStore *store = s->parent != NULL
        ? spec_outline_item_get_children_store (g_ptr_array_index (self->items, s->parent->index))
        : self->roots;
      guint position = 0;
      GtkTreeListRow *child;

      /* The store may hold ghost rows too: look the item up. */
      if (!g_list_store_find (store, g_ptr_array_index (self->items, s->index), &position))
        {
          g_clear_object (&row);
          return NULL;
        }

      if (row == NULL)
        {
          child = gtk_tree_list_model_get_child_row (self->tree, position);
        }
      else
        {
          if (!gtk_tree_list_row_get_expanded (row))
            {
              if (!expand)
                {
                  g_object_unref (row);
                  return NULL;
                }
              gtk_tree_list_row_set_expanded (row, TRUE);
            }
          child = gtk_tree_list_row_get_child_row (row, position);
          g_object_unref (row);
        }

      if ((row = child) == NULL)
        return NULL;
    }

  return row;
}

/**
 * spec_navigator_show_line:
 * @line: the editor's cursor line (1-based), or 0
 *
 * Selects the row of the section holding @line, as the cursor moves, and
 * scrolls to it.  When the cursor comes into another section, collapsed
 * rows above it are expanded to show it; typing within a section leaves
 * the rows as the user set them.
 */
void
spec_navigator_show_line (SpecNavigator *self,
                          guint          line)
{
  const SpecSection *section;
  g_autoptr(GtkTreeListRow) row = NULL;
  gboolean entered;
  guint position;

  g_return_if_fail (SPEC_IS_NAVIGATOR (self));

  self->cursor_line = line;
  if (self->snapshot == NULL || line == 0)
    return;

  section = spec_snapshot_get_section_at_line (self->snapshot, line);
  if (section == NULL)
    {
      self->cursor_heading = 0;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  entered = section->heading_line != self->cursor_heading;
  self->cursor_heading = section->heading_line;

  /* Typing within a section, its row selected already: nothing to do, and
   * nothing to look up on every keystroke. */
  if (!entered)
    {
      GtkTreeListRow *selected = gtk_single_selection_get_selected_item (self->selection);
      g_autoptr(SpecOutlineItem) item = selected != NULL ? gtk_tree_list_row_get_item (selected) : NULL;

      if (item != NULL && spec_outline_item_get_line (item) == section->heading_line)
        return;
    }

  if (!(row = row_for_section (self, section, entered)))
    return;

  position = _spec_navigator_shown_position (self, row);
  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * spec_navigator_get_rows:
 *
 * Returns: (transfer none): the visible rows, a #GtkTreeListModel of
 *   #GtkTreeListRow holding #SpecOutlineItem
 */
GListModel *
spec_navigator_get_rows (SpecNavigator *self)
{
  g_return_val_if_fail (SPEC_IS_NAVIGATOR (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* What a click or Enter on the row at @position does. */
void
spec_navigator_activate_row (SpecNavigator *self,
                             guint          position)
{
  g_return_if_fail (SPEC_IS_NAVIGATOR (self));

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.activate-item", "u", position);
}
