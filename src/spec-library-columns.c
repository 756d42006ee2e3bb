/* spec-library-columns.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spec-completeness-bar.h"
#include "spec-library-columns.h"
#include "spec-library-search.h"

/* Title (with the search snippet under it), template, status,
 * completeness and the time of the last change.  Cells are made once per
 * visible row and rebound as the list scrolls. */

typedef struct
{
  SpecSnippetFunc snippet_for;
  gpointer        user_data;
} SnippetSource;

/**
 * spec_library_format_updated:
 * @updated: µs since the epoch
 * @now: the same, for today
 *
 * Returns: a time today, a day this year, or a full date
 */
char *
spec_library_format_updated (gint64 updated,
                             gint64 now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (updated / G_USEC_PER_SEC);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);

  if (g_date_time_get_year (when) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (today))
    return g_date_time_format (when, "%H:%M");

  if (g_date_time_get_year (when) == g_date_time_get_year (today))
    /* Translators: a day this year, as in strftime() */
    return g_date_time_format (when, _("%b %-e"));

  /* Translators: a day in another year, as in strftime() */
  return g_date_time_format (when, _("%b %-e, %Y"));
}

/**
 * spec_library_snippet_markup:
 *
 * Returns: @snippet as Pango markup, its matches in bold, on one line
 */
char *
spec_library_snippet_markup (const char *snippet)
{
  GString *markup = g_string_new (NULL);

  for (const char *p = snippet; *p != '\0'; )
    {
      const char *next = p + strcspn (p, SPEC_SEARCH_MARK_START SPEC_SEARCH_MARK_END "\n");
      g_autofree char *escaped = g_markup_escape_text (p, next - p);

      g_string_append (markup, escaped);
      if (*next == SPEC_SEARCH_MARK_START[0])
        g_string_append (markup, "<b>");
      else if (*next == SPEC_SEARCH_MARK_END[0])
        g_string_append (markup, "</b>");
      else if (*next == '\n')
        g_string_append_c (markup, ' ');
      p = *next != '\0' ? next + 1 : next;
    }

  return g_string_free (markup, FALSE);
}

static void
source_free (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

static GtkWidget *
cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

/* Title */

static void
title_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *snippet = cell_label ();

  gtk_box_append (GTK_BOX (box), cell_label ());
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_add_css_class (snippet, "caption");
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (list_item, box);
}

static void
title_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            SnippetSource            *source)
{
  SpecLibraryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (title);
  const char *text = source->snippet_for (item, source->user_data);

  gtk_label_set_text (GTK_LABEL (title), spec_library_item_get_title (item));
  if (text != NULL)
    {
      g_autofree char *markup = spec_library_snippet_markup (text);

      gtk_label_set_markup (GTK_LABEL (snippet), markup);
    }
  else if (spec_library_item_get_file_uri (item) != NULL)
    {
      /* A linked spec shows where its file is. */
      g_autoptr(GFile) file = g_file_new_for_uri (spec_library_item_get_file_uri (item));
      g_autofree char *where = g_file_get_parse_name (file);

      gtk_label_set_text (GTK_LABEL (snippet), where);
    }
  gtk_widget_set_visible (snippet, text != NULL || spec_library_item_get_file_uri (item) != NULL);
}

/* Template and status: text or a dash */

static void
text_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, cell_label ());
}

static void
text_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  getter)
{
  SpecLibraryItem *item = gtk_list_item_get_item (list_item);
  const char *text = ((const char *(*) (SpecLibraryItem *)) getter) (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "—");
}

/* Completeness: a bar and a figure; its tooltip says what is left,
 * asked for when shown (setting tooltips on every bind costs a round
 * trip to the X server each). */

static gboolean
completeness_query_tooltip (GtkWidget   *box,
                            int          x,
                            int          y,
                            gboolean     keyboard,
                            GtkTooltip  *tooltip,
                            GtkListItem *list_item)
{
  SpecLibraryItem *item = gtk_list_item_get_item (list_item);
  int unfilled = item != NULL ? spec_library_item_get_unfilled (item) : 0;
  g_autofree char *text = NULL;

  if (unfilled == 0)
    return FALSE;

  text = g_strdup_printf (ngettext ("%d placeholder or clarification left",
                                    "%d placeholders or clarifications left", unfilled),
                          unfilled);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
completeness_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar = spec_completeness_bar_new ();
  GtkWidget *label = cell_label ();

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (completeness_query_tooltip), list_item);
  /* Translators: a spec's completeness, for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Completeness"), -1);
  gtk_list_item_set_child (list_item, box);
}

static void
completeness_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  SpecLibraryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *bar = gtk_widget_get_first_child (box);
  int percent = spec_library_item_get_percent (item);
  g_autofree char *figure = g_strdup_printf ("%d%%", percent);

  spec_completeness_bar_set_percent (SPEC_COMPLETENESS_BAR (bar), percent);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (bar)), figure);
}

/* Updated */

static void
updated_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  SpecLibraryItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = spec_library_format_updated (spec_library_item_get_updated (item),
                                                       g_get_real_time ());

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
add_column (GtkColumnView      *view,
            const char         *title,
            GtkListItemFactory *factory,
            GtkSorter          *sorter,
            gboolean            expand,
            int                 width)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  g_clear_object (&sorter);
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SPEC_TYPE_LIBRARY_ITEM, NULL, property)));
}

static GtkSorter *
numeric_sorter (const char  *property,
                GtkSortType  order)
{
  GtkNumericSorter *sorter = gtk_numeric_sorter_new (gtk_property_expression_new (SPEC_TYPE_LIBRARY_ITEM, NULL,
                                                                                  property));

  gtk_numeric_sorter_set_sort_order (sorter, order);

  return GTK_SORTER (sorter);
}

static GtkListItemFactory *
text_factory (const char *(*getter) (SpecLibraryItem *))
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (text_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind), getter);

  return factory;
}

/**
 * spec_library_columns_add:
 * @snippet_for: gives the search snippet of a row being shown
 *
 * Adds the library's columns to @view, each sortable.
 */
void
spec_library_columns_add (GtkColumnView   *view,
                          SpecSnippetFunc  snippet_for,
                          gpointer         user_data)
{
  GtkListItemFactory *factory;
  SnippetSource *source = g_new0 (SnippetSource, 1);

  source->snippet_for = snippet_for;
  source->user_data = user_data;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (title_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (title_bind), source, source_free, 0);
  add_column (view, _("Title"), factory, string_sorter ("title"), TRUE, -1);

  add_column (view, _("Template"), text_factory (spec_library_item_get_template),
              string_sorter ("template"), FALSE, 140);
  add_column (view, _("Status"), text_factory (spec_library_item_get_status),
              string_sorter ("status"), FALSE, 120);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (completeness_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (completeness_bind), NULL);
  add_column (view, _("Completeness"), factory, numeric_sorter ("percent", GTK_SORT_ASCENDING), FALSE, 150);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (text_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (updated_bind), NULL);
  /* Newest first when this column is chosen. */
  add_column (view, _("Updated"), factory, numeric_sorter ("updated", GTK_SORT_DESCENDING), FALSE, 120);
}
