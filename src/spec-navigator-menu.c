/* spec-navigator-menu.c: a row's context menu, and renaming a section
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-navigator-private.h"
#include "spec-outline-edit.h"
#include "spec-outline-item.h"

/* A right click on a row, or Menu or Shift+F10 on the selected one, opens
 * the menu of what can be done to that section: the same actions as the
 * keys (spec-navigator-actions.c), and renaming, which asks for the new
 * title in a dialog. */

static GMenuModel *
row_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  g_menu_append (move, _("Move _Up"), "outline.move-up");
  g_menu_append (move, _("Move _Down"), "outline.move-down");
  g_menu_append (move, _("_Promote"), "outline.promote");
  g_menu_append (move, _("D_emote"), "outline.demote");
  g_menu_append (edit, _("_Rename…"), "outline.rename");
  g_menu_append (edit, _("Add _Subsection"), "outline.add-subsection");
  g_menu_append (edit, _("D_uplicate"), "outline.duplicate");
  g_menu_append (remove, _("_Delete"), "outline.delete");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

/* Made when first asked for, not with the navigator: a popover menu is
 * a tree of widgets, and most outlines are never right-clicked. */
static void
ensure_row_menu (SpecNavigator *self)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->row_menu != NULL)
    return;

  model = row_menu_model ();
  self->row_menu = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
  gtk_widget_set_halign (self->row_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));
}

static void
popup_at (SpecNavigator *self,
          GtkWidget     *widget,
          double         x,
          double         y)
{
  graphene_point_t point;

  ensure_row_menu (self);

  if (widget == NULL ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  SpecNavigator *self = SPEC_NAVIGATOR (gtk_widget_get_ancestor (widget, SPEC_TYPE_NAVIGATOR));

  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (self, widget, x, y);
}

void
_spec_navigator_menu_setup_row (GtkListItem *list_item,
                                GtkWidget   *row)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_row_pressed), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));
}

/* From the keyboard: at the focused row, else at the list's top. */
static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    focus = GTK_WIDGET (self->list_view);
  popup_at (self, focus, 12, gtk_widget_get_height (focus) / 2.0);
}

/* Renaming */

typedef struct
{
  SpecNavigator *navigator;
  SpecSnapshot  *snapshot;
  guint          index;
  GtkWidget     *entry;
} Rename;

static void
rename_free (gpointer data)
{
  Rename *rename = data;

  g_object_unref (rename->navigator);
  g_object_unref (rename->snapshot);
  g_free (rename);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Rename           *rename)
{
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  title = gtk_editable_get_text (GTK_EDITABLE (rename->entry));
  edits = spec_outline_edit_rename (rename->snapshot, rename->index, title, &error);
  if (edits == NULL)
    {
      g_signal_emit (rename->navigator, _spec_navigator_signals [RESTRUCTURE_REFUSED], 0, error->message);
      return;
    }

  _spec_navigator_expect_title (rename->navigator, title, rename->index);
  g_signal_emit (rename->navigator, _spec_navigator_signals [RESTRUCTURE], 0, rename->snapshot, edits);
}

static void
on_rename_entry_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *title != '\0');
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);
  const SpecSection *section = _spec_navigator_selected_section (self);
  GtkWidget *dialog;
  Rename *rename;

  if (section == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Rename Section"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  rename = g_new0 (Rename, 1);
  rename->navigator = g_object_ref (self);
  rename->snapshot = g_object_ref (self->snapshot);
  rename->index = section->index;
  rename->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (rename->entry), section->title);
  gtk_entry_set_activates_default (GTK_ENTRY (rename->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rename->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New title"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), rename->entry);

  g_signal_connect (rename->entry, "changed", G_CALLBACK (on_rename_entry_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response), rename,
                         (GClosureNotify) (void (*) (void)) rename_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (rename->entry);
}

static void
add_subsection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);
  const SpecSection *section = _spec_navigator_selected_section (self);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  /* Translators: the title of a section just added from the outline */
  const char *title = _("New Section");

  if (section == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!(edits = spec_outline_edit_add_subsection (self->snapshot, section->index, title, &error)))
    {
      g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE_REFUSED], 0, error->message);
      return;
    }

  /* It comes after the section's last subsection. */
  _spec_navigator_expect_title (self, title, section->index + section->children->len + 1);
  g_signal_emit (self, _spec_navigator_signals [RESTRUCTURE], 0, self->snapshot, edits);
}

void
_spec_navigator_menu_dispose (SpecNavigator *self)
{
  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
}

void
_spec_navigator_class_menu_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "outline.show-menu", NULL, show_menu_action);
  gtk_widget_class_install_action (widget_class, "outline.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "outline.add-subsection", NULL, add_subsection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "outline.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "outline.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "outline.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "outline.add-subsection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "outline.add-subsection", NULL);
}
