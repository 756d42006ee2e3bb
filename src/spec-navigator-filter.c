/* spec-navigator-filter.c: showing only the sections one looks for
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-navigator-private.h"
#include "spec-outline-item.h"

/* Typing in the filter field keeps the sections whose title holds the
 * words typed (case and accents aside); "incomplete only" keeps those
 * still incomplete or empty.  A kept section's parents stay too, so that
 * each shows where it belongs, and they are opened to show it.  The set of
 * items to show is worked out once per filter change or snapshot, not
 * per row. */

static gboolean
filter_row (gpointer row,
            gpointer user_data)
{
  SpecNavigator *self = user_data;
  g_autoptr(SpecOutlineItem) item = NULL;

  if (self->shown_items == NULL)
    return TRUE;

  item = gtk_tree_list_row_get_item (row);

  return g_hash_table_contains (self->shown_items, item);
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *stripped = NULL;
  GString *out = g_string_new (NULL);

  /* Without the combining marks, then case-folded: "Résumé" as "resume". */
  for (const char *p = normalized; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  stripped = g_string_free (out, FALSE);

  return g_utf8_casefold (stripped, -1);
}

static gboolean
section_wanted (SpecNavigator     *self,
                const SpecSection *section,
                const char        *folded_query)
{
  if (self->incomplete_only)
    {
      const SpecSectionReport *figures = spec_report_get_section (spec_snapshot_get_report (self->snapshot),
                                                                  section);

      if (figures->state == SPEC_SECTION_COMPLETE)
        return FALSE;
    }

  if (folded_query != NULL && *folded_query != '\0')
    {
      g_autofree char *title = fold (section->title);

      if (strstr (title, folded_query) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Works out which items show, after the filter or the outline changed. */
void
_spec_navigator_refilter (SpecNavigator *self)
{
  g_autofree char *query = NULL;
  GPtrArray *sections;
  gboolean active;

  query = fold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  g_strstrip (query);
  active = *query != '\0' || self->incomplete_only;

  g_clear_pointer (&self->shown_items, g_hash_table_unref);

  if (active && self->snapshot != NULL)
    {
      sections = spec_snapshot_get_sections (self->snapshot);
      self->shown_items = g_hash_table_new (NULL, NULL);

      /* Items are the sections' in document order (spec-outline-item.c). */
      for (guint i = 0; i < sections->len && i < self->items->len; i++)
        {
          const SpecSection *section = g_ptr_array_index (sections, i);

          if (!section_wanted (self, section, query))
            continue;

          for (const SpecSection *s = section; s != NULL; s = s->parent)
            {
              if (!g_hash_table_add (self->shown_items, g_ptr_array_index (self->items, s->index)))
                break;   /* its parents are in already */
            }
        }
    }

  /* No filter at all when none is on: the rows pass through untouched,
   * which keeps a large outline's restructuring quick. */
  gtk_filter_list_model_set_filter (self->filtered, self->shown_items != NULL ? GTK_FILTER (self->filter) : NULL);
  if (self->shown_items != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Open the parents of what is shown, which may have been closed. */
  if (self->shown_items != NULL)
    {
      GListModel *tree = G_LIST_MODEL (self->tree);

      for (guint position = 0; position < g_list_model_get_n_items (tree); position++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, position);
          g_autoptr(SpecOutlineItem) item = gtk_tree_list_row_get_item (row);

          if (!gtk_tree_list_row_get_expanded (row) && gtk_tree_list_row_is_expandable (row) &&
              g_hash_table_contains (self->shown_items, item))
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }

  _spec_navigator_update_page (self);
}

static void
on_filter_changed (SpecNavigator *self)
{
  _spec_navigator_refilter (self);
}

static void
on_incomplete_toggled (SpecNavigator   *self,
                       GtkToggleButton *button)
{
  self->incomplete_only = gtk_toggle_button_get_active (button);
  _spec_navigator_refilter (self);
}

/* Escape in the field clears it; the list is a Down away. */
static void
on_filter_stop (SpecNavigator *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

/* The position among the rows shown of the row showing @item. */
guint
_spec_navigator_shown_position (SpecNavigator  *self,
                                GtkTreeListRow *row)
{
  g_autoptr(SpecOutlineItem) item = NULL;
  GListModel *shown = G_LIST_MODEL (self->filtered);

  if (self->shown_items == NULL)
    return gtk_tree_list_row_get_position (row);

  item = gtk_tree_list_row_get_item (row);
  for (guint position = 0; position < g_list_model_get_n_items (shown); position++)
    {
      g_autoptr(GtkTreeListRow) other = g_list_model_get_item (shown, position);
      g_autoptr(SpecOutlineItem) other_item = gtk_tree_list_row_get_item (other);

      if (other_item == item)
        return position;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
focus_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
toggle_incomplete_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpecNavigator *self = SPEC_NAVIGATOR (widget);

  gtk_toggle_button_set_active (self->incomplete_button,
                                !gtk_toggle_button_get_active (self->incomplete_button));
}

void
_spec_navigator_class_filter_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "outline.filter", NULL, focus_filter_action);
  gtk_widget_class_install_action (widget_class, "outline.incomplete-only", NULL, toggle_incomplete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "outline.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_ALT_MASK, "outline.incomplete-only", NULL);
}

void
_spec_navigator_filter_init (SpecNavigator *self)
{
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->tree)), NULL);

  g_signal_connect_object (self->filter_entry, "search-changed",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_entry, "stop-search",
                           G_CALLBACK (on_filter_stop), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->incomplete_button, "toggled",
                           G_CALLBACK (on_incomplete_toggled), self, G_CONNECT_SWAPPED);
}
