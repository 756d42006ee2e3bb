/* spec-navigator-private.h: the navigator's parts, for its action file
 * and the tests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-navigator.h"
#include "spec-outline-item.h"

G_BEGIN_DECLS

typedef enum
{
  SPEC_DROP_BEFORE,   /* before the target, at its level */
  SPEC_DROP_INTO,     /* its last subsection, a level below */
  SPEC_DROP_AFTER,    /* after it and its subsections, at its level */
} SpecDropPlace;

struct _SpecNavigator
{
  GtkWidget            parent_instance;

  SpecSnapshot        *snapshot;
  GListStore          *roots;       /* SpecOutlineItem, kept across snapshots */
  GPtrArray           *items;       /* all of them, in document order,
                                     * once made (see is_populating()) */
  guint                populate_id; /* making a large outline's rows */
  GdkFrameClock       *fill_clock;  /* a document opened: the first frame */
  gulong               fill_handler;
  GtkTreeListModel    *tree;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;    /* the rows shown */
  GtkSingleSelection  *selection;
  GHashTable          *shown_items; /* with a filter on: the items shown */
  gboolean             incomplete_only;

  /* The editor's cursor line, and the heading line of its section. */
  guint                cursor_line;
  guint                cursor_heading;

  /* After a restructuring: the heading to select once it is shown. */
  char                *reselect_title;
  guint                reselect_near;

  GtkWidget           *row_menu;
  GPtrArray           *ghosts;          /* the ghost rows shown */
  char                *ghost_signature; /* what they show */

  /* Template widgets */
  GtkStack            *stack;
  GtkListView         *list_view;
  GtkSearchEntry      *filter_entry;
  GtkToggleButton     *incomplete_button;
};

enum {
  HEADING_ACTIVATED,
  RESTRUCTURE,
  RESTRUCTURE_REFUSED,
  N_NAVIGATOR_SIGNALS
};

extern guint _spec_navigator_signals [N_NAVIGATOR_SIGNALS];

void  _spec_navigator_class_actions_init (GtkWidgetClass *widget_class);
void  _spec_navigator_reselect           (SpecNavigator  *self);
void  _spec_navigator_expect_title       (SpecNavigator  *self,
                                          const char     *title,
                                          guint           near);
const SpecSection *
      _spec_navigator_selected_section   (SpecNavigator  *self);
void  _spec_navigator_class_menu_init    (GtkWidgetClass *widget_class);
void  _spec_navigator_menu_dispose       (SpecNavigator  *self);
void  _spec_navigator_menu_setup_row     (GtkListItem    *list_item,
                                          GtkWidget      *row);
void  _spec_navigator_dnd_setup_row      (GtkWidget      *row);
void  _spec_navigator_class_ghosts_init  (GtkWidgetClass *widget_class);
void  _spec_navigator_remove_ghosts      (SpecNavigator  *self);
void  _spec_navigator_add_ghosts         (SpecNavigator  *self);
void  _spec_navigator_refresh_ghosts     (SpecNavigator  *self);
void  _spec_navigator_add_missing        (SpecNavigator  *self,
                                          SpecOutlineItem *ghost);
gboolean _spec_navigator_drop            (SpecNavigator  *self,
                                          SpecOutlineItem *dragged,
                                          SpecOutlineItem *target,
                                          SpecDropPlace   place);
void  _spec_navigator_update_page        (SpecNavigator  *self);
void  _spec_navigator_filter_init        (SpecNavigator  *self);
void  _spec_navigator_class_filter_init  (GtkWidgetClass *widget_class);
void  _spec_navigator_refilter           (SpecNavigator  *self);
guint _spec_navigator_shown_position     (SpecNavigator  *self,
                                          GtkTreeListRow *row);

G_END_DECLS
