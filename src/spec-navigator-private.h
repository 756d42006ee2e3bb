/* spec-navigator-private.h: the navigator's parts, for its action file
 * and the tests
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spec-navigator.h"

G_BEGIN_DECLS

struct _SpecNavigator
{
  GtkWidget            parent_instance;

  SpecSnapshot        *snapshot;
  GListStore          *roots;       /* SpecOutlineItem, kept across snapshots */
  GPtrArray           *items;       /* all of them, in document order */
  GtkTreeListModel    *tree;
  GtkSingleSelection  *selection;

  /* The editor's cursor line, and the heading line of its section. */
  guint                cursor_line;
  guint                cursor_heading;

  /* After a restructuring: the heading to select once it is shown. */
  char                *reselect_title;
  guint                reselect_near;

  /* Template widgets */
  GtkStack            *stack;
  GtkListView         *list_view;
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

G_END_DECLS
