/* spec-navigator-actions.c: restructuring the document from its outline
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-navigator-private.h"
#include "spec-outline-edit.h"
#include "spec-outline-item.h"

/* The actions work on the selected row's section.  The core turns each
 * into text edits (spec-outline-edit.c); the window has the document make
 * them as one user action, so one undo reverts it.  The moved heading is
 * selected again once the new outline shows it. */

const SpecSection *
_spec_navigator_selected_section (SpecNavigator *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(SpecOutlineItem) item = NULL;
  const SpecSection *section;

  if (row == NULL || self->snapshot == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  section = spec_snapshot_get_section_at_line (self->snapshot, spec_outline_item_get_line (item));

  /* The row shows the snapshot's heading on that line, if it is one. */
  if (section == NULL || section->heading_line != spec_outline_item_get_line (item))
    return NULL;

  return section;
}

typedef GPtrArray *(*SectionOperation) (SpecSnapshot  *snapshot,
                                        guint          index,
                                        GError       **error);

static GPtrArray *
promote (SpecSnapshot  *snapshot,
         guint          index,
         GError       **error)
{
  return spec_outline_edit_shift (snapshot, index, -1, error);
}

static GPtrArray *
demote (SpecSnapshot  *snapshot,
        guint          index,
        GError       **error)
{
  return spec_outline_edit_shift (snapshot, index, 1, error);
}

static GPtrArray *
delete (SpecSnapshot  *snapshot,
        guint          index,
        GError       **error)
{
  return spec_outline_edit_delete (snapshot, index);
}

static GPtrArray *
duplicate (SpecSnapshot  *snapshot,
           guint          index,
           GError       **error)
{
  return spec_outline_edit_duplicate (snapshot, index);
}

static void
run_operation (SpecNavigator    *self,
               SectionOperation  operation,
               gboolean          reselect)
{
  const SpecSection *section = _spec_navigator_selected_section (self);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;

  if (section == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!(edits = operation (self->snapshot, section->index, &error)))
    {
      g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE_REFUSED], 0, error->message);
      return;
    }

  _spec_navigator_expect_title (self, reselect ? section->title : NULL, section->index);

  g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE], 0, self->snapshot, edits);
}

/* Each action, what it does, and whether the section is selected again
 * where it lands (a deleted one is not). */
static const struct
{
  const char       *name;
  SectionOperation  operation;
  gboolean          reselect;
} operations[] = {
  { "outline.move-up", spec_outline_edit_move_up, TRUE },
  { "outline.move-down", spec_outline_edit_move_down, TRUE },
  { "outline.promote", promote, TRUE },
  { "outline.demote", demote, TRUE },
  { "outline.delete", delete, FALSE },
  { "outline.duplicate", duplicate, TRUE },
};

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    if (g_str_equal (operations[i].name, action_name))
      run_operation (SPEC_NAVIGATOR (widget), operations[i].operation, operations[i].reselect);
}

/* Once the outline shows the edit, the section titled @title nearest
 * heading @near is selected. */
void
_spec_navigator_expect_title (SpecNavigator *self,
                              const char    *title,
                              guint          near)
{
  g_free (self->reselect_title);
  self->reselect_title = g_strdup (title);
  self->reselect_near = near;
}

/* The row showing the section titled @title nearest heading @near, once
 * the outline holds it: selected, scrolled to and focused, so that the
 * next key moves it again. */
void
_spec_navigator_reselect (SpecNavigator *self)
{
  g_autofree char *title = g_steal_pointer (&self->reselect_title);
  GPtrArray *sections = spec_snapshot_get_sections (self->snapshot);
  const SpecSection *best = NULL;
  guint best_distance = G_MAXUINT;
  GListModel *rows = G_LIST_MODEL (self->tree);
  guint n_rows = g_list_model_get_n_items (rows);
  guint shown;

  if (title == NULL)
    return;

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      guint distance = section->index > self->reselect_near ? section->index - self->reselect_near
                                                             : self->reselect_near - section->index;

      if (g_strcmp0 (section->title, title) == 0 && distance < best_distance)
        {
          best = section;
          best_distance = distance;
        }
    }

  if (best == NULL)
    return;

  for (guint position = 0; position < n_rows; position++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);
      g_autoptr(SpecOutlineItem) item = gtk_tree_list_row_get_item (row);

      if (spec_outline_item_get_line (item) == best->heading_line)
        {
          if ((shown = _spec_navigator_shown_position (self, row)) == GTK_INVALID_LIST_POSITION)
            return;
          gtk_single_selection_set_selected (self->selection, shown);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", shown);
          gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
          return;
        }
    }
}

void
_spec_navigator_class_actions_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    gtk_widget_class_install_action (widget_class, operations[i].name, NULL, section_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "outline.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "outline.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "outline.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "outline.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "outline.promote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "outline.promote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "outline.demote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "outline.demote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "outline.duplicate", NULL);
}
