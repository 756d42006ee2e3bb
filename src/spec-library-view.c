/* spec-library-view.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "spec-library-columns.h"
#include "spec-library-item.h"
#include "spec-library-search.h"
#include "spec-library-view-private.h"

/* The view reads on the main thread's connection (a list of 10,000
 * specs takes tens of milliseconds, a search a few) and writes through
 * the writer thread.  Every change of the search text or a filter
 * reloads the list: without search text, all the specs, newest first;
 * with it, the hits, best first; either way, a click on a column header
 * sorts by it.  A click on a row opens the spec. */

G_DEFINE_FINAL_TYPE (SpecLibraryView, spec_library_view, GTK_TYPE_WIDGET)

enum {
  SPEC_ACTIVATED,
  HISTORY_REQUESTED,
  STATUS_REQUESTED,
  N_SIGNALS
};

/* The statuses of the templates, offered first, in their order; not
 * translated, as they are words of the spec's own text. */
static const char * const template_statuses[] = { "Draft", "Review", "Approved", "Implemented" };

static guint signals [N_SIGNALS];

void
_spec_library_view_show_toast (SpecLibraryView *self,
                               AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_error (SpecLibraryView *self,
            const GError    *error)
{
  _spec_library_view_show_toast (self, adw_toast_new (error->message));
}

static const char *
selected_status (SpecLibraryView *self)
{
  guint position = gtk_drop_down_get_selected (self->status_filter);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->statuses, position);
}

/* The filter offers every status found, keeping the one chosen. */
static void
refill_statuses (SpecLibraryView *self)
{
  g_auto(GStrv) found = spec_library_list_statuses (self->library, NULL);
  g_autofree char *chosen = g_strdup (selected_status (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->statuses));
  guint keep = 0;

  self->reloading = TRUE;
  gtk_string_list_splice (self->statuses, 1, n - 1, (const char * const *) found);
  for (guint i = 0; found != NULL && found[i] != NULL; i++)
    if (g_strcmp0 (found[i], chosen) == 0)
      keep = i + 1;
  gtk_drop_down_set_selected (self->status_filter, keep);
  self->reloading = FALSE;
}

static GPtrArray *
search (SpecLibraryView  *self,
        const char       *text,
        const char       *status,
        gboolean          unfilled_only,
        GError          **error)
{
  g_autoptr(GPtrArray) hits = spec_library_search (self->library, text, SPEC_LIBRARY_VIEW_SEARCH_LIMIT, error);
  g_autoptr(GArray) ids = NULL;
  GPtrArray *entries;

  if (hits == NULL)
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_array_append_val (ids, ((SpecSearchHit *) g_ptr_array_index (hits, i))->id);
  if (!(entries = spec_library_get_entries (self->library, (gint64 *) ids->data, ids->len, error)))
    return NULL;

  /* The filters, on the few hits. */
  for (guint i = entries->len; i > 0; i--)
    {
      SpecLibraryEntry *entry = g_ptr_array_index (entries, i - 1);

      if ((status != NULL && g_strcmp0 (entry->status, status) != 0) ||
          (unfilled_only && entry->unfilled == 0))
        g_ptr_array_remove_index (entries, i - 1);
    }

  return entries;
}

static void
update_empty_page (SpecLibraryView *self,
                   guint            n_items,
                   gboolean         trash,
                   gboolean         filtered)
{
  if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->content, "list");
      return;
    }

  if (filtered)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Specs"));
      adw_status_page_set_description (self->empty_page, _("Try other words, or another filter"));
    }
  else if (trash)
    {
      adw_status_page_set_icon_name (self->empty_page, "user-trash-symbolic");
      adw_status_page_set_title (self->empty_page, _("Trash Is Empty"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "text-x-generic-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Specs Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Specs you write are kept here, and files you open are listed too"));
    }
  gtk_stack_set_visible_child_name (self->content, "empty");
}

static void
append_entries (SpecLibraryView *self,
                GPtrArray       *entries)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (entries->len, g_object_unref);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (items, spec_library_item_new (g_ptr_array_index (entries, i)));
  g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                       items->pdata, items->len);
}

/* The rows after the first page, a page at a time between frames. */
static gboolean
read_more_rows (gpointer data)
{
  SpecLibraryView *self = data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = spec_library_list_page (self->library, selected_status (self),
                                    gtk_toggle_button_get_active (self->unfilled_toggle),
                                    gtk_toggle_button_get_active (self->trash_toggle),
                                    SPEC_LIBRARY_SORT_UPDATED, self->more_offset, SPEC_LIBRARY_VIEW_PAGE, &error);
  if (entries == NULL)
    {
      self->more_source = 0;
      show_error (self, error);
      return G_SOURCE_REMOVE;
    }

  append_entries (self, entries);
  self->more_offset += entries->len;
  if (entries->len < SPEC_LIBRARY_VIEW_PAGE)
    {
      self->more_source = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Not from the status filter's own change: its list is not refilled
 * from inside its signal. */
static void
load_rows (SpecLibraryView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean trash = gtk_toggle_button_get_active (self->trash_toggle);
  gboolean unfilled_only = gtk_toggle_button_get_active (self->unfilled_toggle);
  const char *status;

  status = selected_status (self);
  gtk_action_bar_set_revealed (self->trash_bar, trash);
  g_clear_handle_id (&self->more_source, g_source_remove);

  g_free (self->search_text);
  self->search_text = NULL;
  if (*text != '\0' && !trash)
    {
      self->search_text = g_strdup (text);
      entries = search (self, text, status, unfilled_only, &error);
    }
  else
    {
      /* A screenful at once; the rest once it is painted. */
      entries = spec_library_list_page (self->library, status, unfilled_only, trash, SPEC_LIBRARY_SORT_UPDATED,
                                        0, SPEC_LIBRARY_VIEW_FIRST_PAGE, &error);
      if (entries != NULL && entries->len == SPEC_LIBRARY_VIEW_FIRST_PAGE)
        {
          self->more_offset = entries->len;
          self->more_source = g_idle_add_full (G_PRIORITY_LOW, read_more_rows, self, NULL);
        }
    }

  if (entries == NULL)
    {
      show_error (self, error);
      return;
    }

  g_list_store_remove_all (self->store);
  append_entries (self, entries);

  update_empty_page (self, entries->len, trash, self->search_text != NULL || status != NULL || unfilled_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.empty-trash", trash && entries->len > 0);
}

/**
 * spec_library_view_reload:
 *
 * Reads the list again, and the statuses the filter offers, with the
 * search text and filters as they are.
 */
void
spec_library_view_reload (SpecLibraryView *self)
{
  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));

  if (self->library == NULL)
    return;

  refill_statuses (self);
  load_rows (self);
}

static void
on_filters_changed (SpecLibraryView *self)
{
  if (!self->reloading && self->library != NULL)
    load_rows (self);
}

static void
on_status_selected (SpecLibraryView *self)
{
  on_filters_changed (self);
}

static SpecLibraryItem *
selected_item (SpecLibraryView *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
}

static void
on_row_activated (SpecLibraryView *self,
                  guint            position)
{
  g_autoptr(SpecLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  /* In the trash a spec is restored first. */
  if (item == NULL || gtk_toggle_button_get_active (self->trash_toggle))
    return;

  g_signal_emit (self, signals [SPEC_ACTIVATED], 0,
                 spec_library_item_get_id (item), spec_library_item_get_file_uri (item));
}

/* Enter in the search field opens the best hit. */
static void
on_search_activate (SpecLibraryView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    on_row_activated (self, 0);
}

/* Trash, restore, empty: through the writer, then a reload. */

typedef enum
{
  CHANGE_TRASH,
  CHANGE_RESTORE,
  CHANGE_EMPTY_TRASH,
} ChangeKind;

typedef struct
{
  ChangeKind       kind;
  gint64           id;
  char            *title;
  SpecLibraryView *self;
} Change;

static void
change_free (Change *change)
{
  g_free (change->title);
  g_clear_object (&change->self);
  g_free (change);
}

static void
change_closure_free (gpointer  data,
                     GClosure *closure)
{
  change_free (data);
}

static gint64
run_change (SpecLibrary  *library,
            gpointer      data,
            GError      **error)
{
  Change *change = data;

  switch (change->kind)
    {
    case CHANGE_TRASH:
      return spec_library_trash (library, change->id, error) ? 1 : 0;
    case CHANGE_RESTORE:
      return spec_library_restore (library, change->id, error) ? 1 : 0;
    case CHANGE_EMPTY_TRASH:
      return spec_library_empty_trash (library, error) ? 1 : 0;
    default:
      g_assert_not_reached ();
    }
}

static void queue_change (SpecLibraryView *self,
                          ChangeKind       kind,
                          gint64           id,
                          const char      *title);

static void
undo_trash_cb (AdwToast *toast,
               Change   *trashed)
{
  queue_change (trashed->self, CHANGE_RESTORE, trashed->id, trashed->title);
}

static void
change_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Change *change = user_data;
  SpecLibraryView *self = change->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (spec_library_writer_run_finish (SPEC_LIBRARY_WRITER (object), result, &error) == 0)
    {
      show_error (self, error);
      change_free (change);
      return;
    }

  spec_library_view_reload (self);

  switch (change->kind)
    {
    case CHANGE_TRASH:
      message = g_strdup_printf (_("“%s” moved to the trash"), change->title);
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      /* The toast keeps the change, for its Undo. */
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_trash_cb),
                             change, change_closure_free, 0);
      _spec_library_view_show_toast (self, toast);
      return;

    case CHANGE_RESTORE:
      message = g_strdup_printf (_("“%s” restored"), change->title);
      _spec_library_view_show_toast (self, adw_toast_new (message));
      break;

    case CHANGE_EMPTY_TRASH:
      _spec_library_view_show_toast (self, adw_toast_new (_("Trash emptied")));
      break;

    default:
      break;
    }

  change_free (change);
}

static void
queue_change (SpecLibraryView *self,
              ChangeKind       kind,
              gint64           id,
              const char      *title)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->id = id;
  change->title = g_strdup (title);
  change->self = g_object_ref (self);
  spec_library_writer_run_async (self->writer, run_change, change, NULL, NULL, change_done_cb, change);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));

  if (position != GTK_INVALID_LIST_POSITION)
    on_row_activated (self, position);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  SpecLibraryItem *item = selected_item (self);

  if (item != NULL)
    g_signal_emit (self, signals [HISTORY_REQUESTED], 0, spec_library_item_get_id (item));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  SpecLibraryItem *item = selected_item (self);

  if (item != NULL)
    g_signal_emit (self, signals [STATUS_REQUESTED], 0, spec_library_item_get_id (item),
                   g_variant_get_string (param, NULL));
}

/* The templates' statuses, then any other the library has. */
static GMenu *
status_menu (SpecLibraryView *self)
{
  GMenu *menu = g_menu_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->statuses));

  for (guint i = 0; i < G_N_ELEMENTS (template_statuses); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (template_statuses[i], NULL);

      g_menu_item_set_action_and_target (item, "library.set-status", "s", template_statuses[i]);
      g_menu_append_item (menu, item);
    }

  for (guint i = 1; i < n; i++)
    {
      const char *status = gtk_string_list_get_string (self->statuses, i);
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (template_statuses); j++)
        known |= g_strcmp0 (status, template_statuses[j]) == 0;
      if (!known)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (status, NULL);

          g_menu_item_set_action_and_target (item, "library.set-status", "s", status);
          g_menu_append_item (menu, item);
        }
    }

  return menu;
}

/* The row under the pointer is the selected one (a click activates,
 * hovering selects), so the menu acts on it. */
static void
context_menu_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 SpecLibraryView *self)
{
  gboolean trash = gtk_toggle_button_get_active (self->trash_toggle);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;
  graphene_point_t point;

  if (selected_item (self) == NULL)
    return;

  if (!trash)
    {
      g_menu_append (menu, _("_Open"), "library.open");
      g_menu_append (menu, _("_History…"), "library.history");
      g_menu_append (menu, _("_Export…"), "library.export");
      {
        g_autoptr(GMenu) statuses = status_menu (self);

        g_menu_append_submenu (menu, _("Set _Status"), G_MENU_MODEL (statuses));
      }
      g_menu_append (menu, _("Move to _Trash"), "library.trash");
    }
  else
    {
      g_menu_append (menu, _("_Restore"), "library.restore");
    }

  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  popover = self->context_menu;
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  SpecLibraryItem *item = selected_item (self);

  if (item != NULL && !gtk_toggle_button_get_active (self->trash_toggle))
    queue_change (self, CHANGE_TRASH, spec_library_item_get_id (item), spec_library_item_get_title (item));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  SpecLibraryItem *item = selected_item (self);

  if (item != NULL && gtk_toggle_button_get_active (self->trash_toggle))
    queue_change (self, CHANGE_RESTORE, spec_library_item_get_id (item), spec_library_item_get_title (item));
}

static void
empty_trash_response_cb (SpecLibraryView  *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "empty") == 0)
    queue_change (self, CHANGE_EMPTY_TRASH, 0, NULL);
}

/* The one way anything leaves the library: asked, and answered. */
static void
empty_trash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpecLibraryView *self = SPEC_LIBRARY_VIEW (widget);
  g_autoptr(GPtrArray) trashed = spec_library_list (self->library, NULL, FALSE, TRUE, SPEC_LIBRARY_SORT_UPDATED, NULL);
  /* All of the trash, not the rows read so far. */
  guint n = trashed != NULL ? trashed->len : g_list_model_get_n_items (G_LIST_MODEL (self->store));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Empty Trash?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("%u spec and its history will be deleted for good.",
                                            "%u specs and their history will be deleted for good.", n),
                                  n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_trash_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Snippets for rows as they are shown: only while searching. */
static const char *
snippet_for (SpecLibraryItem *item,
             gpointer         user_data)
{
  SpecLibraryView *self = user_data;

  if (self->search_text == NULL)
    return NULL;

  if (!spec_library_item_has_snippet (item))
    {
      g_autofree char *snippet = spec_library_search_snippet (self->library, self->search_text,
                                                              spec_library_item_get_id (item));

      spec_library_item_set_snippet (item, snippet);
    }

  return spec_library_item_get_snippet (item);
}

static void
spec_library_view_dispose (GObject *object)
{
  SpecLibraryView *self = (SpecLibraryView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->more_source, g_source_remove);
  _spec_library_view_import_dispose (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPEC_TYPE_LIBRARY_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_object (&self->statuses);
  g_clear_object (&self->library);
  g_clear_object (&self->writer);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (spec_library_view_parent_class)->dispose (object);
}

static void
spec_library_view_class_init (SpecLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_library_view_dispose;

  /**
   * SpecLibraryView::spec-activated:
   * @id: the spec
   * @file_uri: (nullable): its file, for a linked spec
   *
   * The user chose a spec to open.
   */
  signals [SPEC_ACTIVATED] =
    g_signal_new ("spec-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * SpecLibraryView::history-requested:
   * @id: the spec
   *
   * The user asked for a spec's history.
   */
  /**
   * SpecLibraryView::status-requested:
   * @id: the spec
   * @status: the status chosen
   *
   * The user chose a new status for a spec: its Status line is to say
   * so.
   */
  signals [STATUS_REQUESTED] =
    g_signal_new ("status-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  signals [HISTORY_REQUESTED] =
    g_signal_new ("history-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, unfilled_toggle);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, trash_toggle);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, content);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, trash_bar);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, import_bar);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, import_label);
  gtk_widget_class_bind_template_child (widget_class, SpecLibraryView, import_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);

  gtk_widget_class_install_action (widget_class, "library.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "library.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "library.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "library.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "library.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "library.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "library.trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "library.trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "library.history", NULL);

  _spec_library_view_class_import_init (widget_class);
  _spec_library_view_class_export_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "library-view");
}

static void
spec_library_view_init (SpecLibraryView *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->statuses = gtk_string_list_new ((const char *[]) { _("All Statuses"), NULL });
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (self->statuses));
  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (on_status_selected),
                           self, G_CONNECT_SWAPPED);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (context_menu_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
    self->context_menu = gtk_popover_menu_new_from_model (NULL);
    gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
    gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  }

  _spec_library_view_import_init (self);

  self->store = g_list_store_new (SPEC_TYPE_LIBRARY_ITEM);
  spec_library_columns_add (self->column_view, snippet_for, self);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)), g_object_ref (sorter));
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
}

GtkWidget *
spec_library_view_new (void)
{
  return g_object_new (SPEC_TYPE_LIBRARY_VIEW, NULL);
}

void
spec_library_view_set_library (SpecLibraryView   *self,
                               SpecLibrary       *library,
                               SpecLibraryWriter *writer)
{
  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));
  g_return_if_fail (SPEC_IS_LIBRARY (library));
  g_return_if_fail (SPEC_IS_LIBRARY_WRITER (writer));

  g_set_object (&self->library, library);
  g_set_object (&self->writer, writer);
}

/**
 * spec_library_view_get_model:
 *
 * Returns: (transfer none): the rows, in the order shown
 */
GListModel *
spec_library_view_get_model (SpecLibraryView *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * spec_library_view_clear:
 *
 * Lets the rows go while the view is hidden: showing it reads them
 * afresh anyway, and dropping thousands of rows costs tens of
 * milliseconds better spent now than when the user is waiting.
 */
void
spec_library_view_clear (SpecLibraryView *self)
{
  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));

  g_clear_handle_id (&self->more_source, g_source_remove);
  g_list_store_remove_all (self->store);
}

void
spec_library_view_focus_search (SpecLibraryView *self)
{
  g_return_if_fail (SPEC_IS_LIBRARY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
