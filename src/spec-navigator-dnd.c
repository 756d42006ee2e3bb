/* spec-navigator-dnd.c: dragging sections about in the outline
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-navigator-private.h"
#include "spec-outline-edit.h"
#include "spec-outline-item.h"

/* A row can be dragged onto another.  Where on the target it is dropped
 * decides where the section lands and at what level, and the row shows it
 * while the pointer is over it: its top quarter, before the target at the
 * target's level (a line above it); its bottom quarter, after the target
 * and its subsections, at its level (a line below); in between, into the
 * target as its last subsection, a level below it (the row tinted).  The
 * dragged section takes its subsections along, and the move is one undo,
 * as from the keyboard. */

static const char *place_classes[] = { "drop-before", "drop-into", "drop-after" };

static SpecDropPlace
place_at (GtkWidget *row,
          double     y)
{
  int height = MAX (gtk_widget_get_height (row), 1);

  if (y < height / 4.0)
    return SPEC_DROP_BEFORE;
  if (y > height * 3 / 4.0)
    return SPEC_DROP_AFTER;

  return SPEC_DROP_INTO;
}

static void
clear_indicator (GtkWidget *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (place_classes); i++)
    gtk_widget_remove_css_class (row, place_classes[i]);
}

static const SpecSection *
section_of (SpecNavigator   *self,
            SpecOutlineItem *item)
{
  const SpecSection *section;

  if (self->snapshot == NULL || item == NULL)
    return NULL;

  section = spec_snapshot_get_section_at_line (self->snapshot, spec_outline_item_get_line (item));
  if (section == NULL || section->heading_line != spec_outline_item_get_line (item))
    return NULL;

  return section;
}

static SpecOutlineItem *
row_item (GtkWidget *row)
{
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (row));

  return g_object_get_data (G_OBJECT (box), "spec-item");
}

/**
 * _spec_navigator_drop:
 * @dragged: the item of the row dragged
 * @target: the item of the row it was dropped on
 * @place: where on it
 *
 * What a drop does; the tests call it as the drop target does.
 *
 * Returns: whether the move was asked for (a refusal shows why)
 */
gboolean
_spec_navigator_drop (SpecNavigator   *self,
                      SpecOutlineItem *dragged,
                      SpecOutlineItem *target,
                      SpecDropPlace    place)
{
  const SpecSection *from = section_of (self, dragged);
  const SpecSection *onto = section_of (self, target);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  gsize dest;
  guint level;

  if (from == NULL || onto == NULL)
    return FALSE;

  switch (place)
    {
    case SPEC_DROP_BEFORE:
      dest = onto->start_offset;
      level = onto->level;
      break;

    case SPEC_DROP_INTO:
      dest = onto->end_offset;
      level = MIN (onto->level + 1, 6);
      break;

    case SPEC_DROP_AFTER:
    default:
      dest = onto->end_offset;
      level = onto->level;
      break;
    }

  if (!(edits = spec_outline_edit_move (self->snapshot, from->index, dest, level, &error)))
    {
      g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE_REFUSED], 0, error->message);
      return FALSE;
    }

  _spec_navigator_expect_title (self, from->title, onto->index);
  g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE], 0, self->snapshot, edits);

  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  SpecOutlineItem *item = row_item (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (item == NULL)
    return NULL;

  return gdk_content_provider_new_typed (SPEC_TYPE_OUTLINE_ITEM, item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* Not onto itself or inside itself. */
static gboolean
can_drop (SpecNavigator   *self,
          SpecOutlineItem *dragged,
          SpecOutlineItem *target)
{
  const SpecSection *from = section_of (self, dragged);
  const SpecSection *onto = section_of (self, target);

  return from != NULL && onto != NULL &&
         (onto->start_offset < from->start_offset || onto->start_offset >= from->end_offset);
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SpecNavigator *self = SPEC_NAVIGATOR (gtk_widget_get_ancestor (row, SPEC_TYPE_NAVIGATOR));
  const GValue *value = gtk_drop_target_get_value (target);
  SpecOutlineItem *dragged = value != NULL ? g_value_get_object (value) : NULL;

  clear_indicator (row);
  if (dragged == NULL || !can_drop (self, dragged, row_item (row)))
    return 0;

  gtk_widget_add_css_class (row, place_classes[place_at (row, y)]);

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               gpointer       user_data)
{
  clear_indicator (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SpecNavigator *self = SPEC_NAVIGATOR (gtk_widget_get_ancestor (row, SPEC_TYPE_NAVIGATOR));
  SpecOutlineItem *dragged = g_value_get_object (value);

  clear_indicator (row);
  if (!can_drop (self, dragged, row_item (row)))
    return FALSE;

  return _spec_navigator_drop (self, dragged, row_item (row), place_at (row, y));
}

void
_spec_navigator_dnd_setup_row (GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (SPEC_TYPE_OUTLINE_ITEM, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), NULL);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), NULL);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), NULL);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
