/* spec-template-picker.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-name-dialog.h"
#include "spec-preview.h"
#include "spec-template-picker.h"

/* "Blank", then the built-in templates, then the user's; typing filters
 * them by name, description and category; the one selected shows its
 * outline and a rendered preview.  The keyboard does it all: the search
 * field has the focus, Up and Down move the selection, Tab reaches the
 * title, Enter creates.  Templates are read when the picker opens.
 * The user's own templates can be renamed (F2) and deleted (to the
 * trash) here; the built-in ones cannot. */

struct _SpecTemplatePicker
{
  AdwWindow           parent_instance;

  SpecTemplateStore  *store;
  GListStore         *templates;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  char              **search_words;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkLabel           *problems_label;
  GtkLabel           *name_label;
  GtkWidget          *rename_button;
  GtkWidget          *delete_button;
  GtkLabel           *description_label;
  GtkEntry           *title_entry;
  GtkLabel           *outline_label;
  SpecPreview        *preview;
};

G_DEFINE_FINAL_TYPE (SpecTemplatePicker, spec_template_picker, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define BLANK_ID "blank"

static SpecTemplate *
blank_template (void)
{
  /* The title goes in its one slot. */
  g_autofree char *text = g_strdup_printf ("---\nid: " BLANK_ID "\nname: %s\ndescription: %s\n---\n\n# [Title]\n",
                                           _("Blank"), _("Nothing but a title: start from scratch"));
  SpecTemplate *blank = spec_template_new_from_text (text, strlen (text), NULL, NULL);

  g_assert (blank != NULL);

  return blank;
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  SpecTemplatePicker *self = user_data;
  SpecTemplate *template_ = item;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return TRUE;

  haystack = g_strjoin (" ", spec_template_get_name (template_), spec_template_get_description (template_),
                        spec_template_get_category (template_), NULL);
  folded = g_utf8_casefold (haystack, -1);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (strstr (folded, self->search_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
on_search_changed (SpecTemplatePicker *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_strfreev (self->search_words);
  self->search_words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static char *
describe_counts (SpecTemplate *template_)
{
  guint sections = spec_template_get_n_sections (template_);
  guint slots = spec_template_get_n_slots (template_);
  g_autofree char *section_text = g_strdup_printf (ngettext ("%u section", "%u sections", sections), sections);
  g_autofree char *slot_text = g_strdup_printf (ngettext ("%u slot to fill", "%u slots to fill", slots), slots);

  /* Translators: "12 sections · 40 slots to fill" */
  return g_strdup_printf (_("%s · %s"), section_text, slot_text);
}

/* The headings, indented by level. */
static char *
outline_text (SpecTemplate *template_)
{
  GPtrArray *sections = spec_snapshot_get_sections (spec_template_get_snapshot (template_));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sections->len; i++)
    {
      SpecSection *section = g_ptr_array_index (sections, i);

      for (guint l = 1; l < section->level; l++)
        g_string_append (text, "    ");
      g_string_append_printf (text, "%s\n", section->title);
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

static gboolean
is_users (SpecTemplate *template_)
{
  return template_ != NULL && !spec_template_is_built_in (template_) && spec_template_get_file (template_) != NULL;
}

static void
on_selected (SpecTemplatePicker *self)
{
  SpecTemplate *template_ = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *outline = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.create", template_ != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.rename", is_users (template_));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.delete", is_users (template_));
  gtk_widget_set_visible (self->rename_button, is_users (template_));
  gtk_widget_set_visible (self->delete_button, is_users (template_));
  if (template_ == NULL)
    {
      gtk_label_set_text (self->name_label, _("No Matching Template"));
      gtk_label_set_text (self->description_label, "");
      gtk_label_set_text (self->outline_label, "");
      spec_preview_set_snapshot (self->preview, NULL);
      return;
    }

  outline = outline_text (template_);
  gtk_label_set_text (self->name_label, spec_template_get_name (template_));
  gtk_label_set_text (self->description_label, spec_template_get_description (template_));
  gtk_label_set_text (self->outline_label, outline);
  spec_preview_set_snapshot (self->preview, spec_template_get_snapshot (template_));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpecTemplatePicker *self = SPEC_TEMPLATE_PICKER (widget);
  SpecTemplate *template_ = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;

  if (template_ == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  g_signal_emit (self, signals [CREATE], 0, template_, title);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_search_activate (SpecTemplatePicker *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "picker.create", NULL);
}

static void
on_row_activated (SpecTemplatePicker *self,
                  guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "picker.create", NULL);
}

/* Where @template_ is in the whole list (not the filtered one). */
static gboolean
find_position (SpecTemplatePicker *self,
               SpecTemplate       *template_,
               guint              *position)
{
  return g_list_store_find (self->templates, template_, position);
}

static void
show_error (SpecTemplatePicker *self,
            const char         *heading,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rename (F2): the name asked for in a dialog; one that would leave the
 * templates folder, or is taken, is refused there. */

static void
rename_response_cb (GtkWidget          *dialog,
                    const char         *response,
                    SpecTemplatePicker *self)
{
  SpecTemplate *template_ = g_object_get_data (G_OBJECT (dialog), "template");
  g_autoptr(SpecTemplate) renamed = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  if (!(renamed = spec_template_store_rename (self->store, template_, spec_name_dialog_get_name (dialog), &error)))
    {
      show_error (self, _("Could Not Rename the Template"), error);
      return;
    }

  if (find_position (self, template_, &position))
    {
      g_list_store_splice (self->templates, position, 1, (gpointer *) &renamed, 1);
      /* Still the one selected, wherever the search now shows it. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
        {
          g_autoptr(SpecTemplate) shown = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          if (shown == renamed)
            gtk_single_selection_set_selected (self->selection, i);
        }
      on_selected (self);
    }
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpecTemplatePicker *self = SPEC_TEMPLATE_PICKER (widget);
  SpecTemplate *template_ = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *dialog;

  if (!is_users (template_))
    return;

  dialog = spec_name_dialog_new (GTK_WINDOW (self), _("Rename Template"), NULL, spec_template_get_name (template_),
                                 "rename", _("_Rename"));
  g_object_set_data_full (G_OBJECT (dialog), "template", g_object_ref (template_), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Delete: asked first; the file goes to the trash, where there is one. */

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    SpecTemplatePicker *self)
{
  SpecTemplate *template_ = g_object_get_data (G_OBJECT (dialog), "template");
  g_autoptr(GError) error = NULL;
  guint position;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!spec_template_store_delete (self->store, template_, &error))
    {
      show_error (self, _("Could Not Delete the Template"), error);
      return;
    }

  if (find_position (self, template_, &position))
    g_list_store_remove (self->templates, position);
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  on_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpecTemplatePicker *self = SPEC_TEMPLATE_PICKER (widget);
  SpecTemplate *template_ = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!is_users (template_))
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), spec_template_get_name (template_));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The template goes to the trash. Specs made from it are kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "template", g_object_ref (template_), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Up and Down in the search field move through the list. */
static gboolean
search_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    SpecTemplatePicker    *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    selected = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    selected = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
  else
    return FALSE;

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);

  return TRUE;
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), i == 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), i == 1 ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
      if (i == 0)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_add_css_class (label, i == 1 ? "dim-label" : "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  SpecTemplate *template_ = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *description = gtk_widget_get_next_sibling (name);
  GtkWidget *counts = gtk_widget_get_next_sibling (description);
  g_autofree char *counts_text = NULL;
  gboolean blank = g_str_equal (spec_template_get_id (template_), BLANK_ID);

  counts_text = blank ? g_strdup (_("1 section")) : describe_counts (template_);
  if (!blank && !spec_template_is_built_in (template_))
    {
      g_autofree char *mine = g_strdup_printf (_("%s · yours"), counts_text);

      g_free (counts_text);
      counts_text = g_steal_pointer (&mine);
    }
  gtk_label_set_text (GTK_LABEL (name), spec_template_get_name (template_));
  gtk_label_set_text (GTK_LABEL (description), spec_template_get_description (template_));
  gtk_widget_set_visible (description, *spec_template_get_description (template_) != '\0');
  gtk_label_set_text (GTK_LABEL (counts), counts_text);
}

static void
spec_template_picker_dispose (GObject *object)
{
  SpecTemplatePicker *self = (SpecTemplatePicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPEC_TYPE_TEMPLATE_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->templates);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (spec_template_picker_parent_class)->dispose (object);
}

static void
spec_template_picker_class_init (SpecTemplatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_template_picker_dispose;

  /**
   * SpecTemplatePicker::create:
   * @template_: the template chosen (its id is "blank" for an empty spec)
   * @title: the title typed, or ""
   */
  signals [CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SPEC_TYPE_TEMPLATE, G_TYPE_STRING);

  g_type_ensure (SPEC_TYPE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-template-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, problems_label);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, name_label);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, rename_button);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, description_label);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, outline_label);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplatePicker, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "picker.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "picker.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "picker.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "picker.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spec_template_picker_init (SpecTemplatePicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->templates = g_list_store_new (SPEC_TYPE_TEMPLATE);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->templates)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (g_object_ref (self->selection)));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

/**
 * spec_template_picker_new:
 *
 * Reads @store's templates; a file that is not one is named under the
 * list, and the others are offered.
 */
SpecTemplatePicker *
spec_template_picker_new (SpecTemplateStore *store)
{
  SpecTemplatePicker *self = g_object_new (SPEC_TYPE_TEMPLATE_PICKER, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) templates = spec_template_store_load (store, &problems);
  g_autoptr(SpecTemplate) blank = blank_template ();

  self->store = g_object_ref (store);
  g_list_store_append (self->templates, blank);
  g_list_store_splice (self->templates, 1, 0, templates->pdata, templates->len);

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      g_autofree char *joined = g_strjoinv ("\n", (char **) problems->pdata);

      gtk_label_set_text (self->problems_label, joined);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
    }

  /* The first real template, else Blank. */
  gtk_single_selection_set_selected (self->selection, templates->len > 0 ? 1 : 0);
  on_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

/**
 * spec_template_picker_get_shown:
 *
 * Returns: (transfer none): the templates the search leaves
 */
GListModel *
spec_template_picker_get_shown (SpecTemplatePicker *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE_PICKER (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

SpecTemplate *
spec_template_picker_get_selected (SpecTemplatePicker *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE_PICKER (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}
