/* spec-preview-widgets.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "spec-link-policy.h"
#include "spec-preview-private.h"
#include "spec-preview-widgets.h"

static gboolean
on_label_activate_link (GtkLabel   *label,
                        const char *uri,
                        gpointer    user_data)
{
  GtkWidget *preview;

  switch (spec_link_policy_classify (uri))
    {
    case SPEC_LINK_EXTERNAL:
      spec_link_policy_open (GTK_WIDGET (label), uri);
      break;

    case SPEC_LINK_ANCHOR:
      preview = gtk_widget_get_ancestor (GTK_WIDGET (label), SPEC_TYPE_PREVIEW);
      if (preview != NULL)
        spec_preview_follow_anchor (SPEC_PREVIEW (preview), uri + 1);
      break;

    case SPEC_LINK_REFUSE:
    default:
      break;
    }

  /* Handled either way: the default handler would open any scheme,
   * including file: and custom handlers a document should not reach. */
  return TRUE;
}

static GtkWidget *
label_new (const char        *css_class,
           GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role,
                                   NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * spec_preview_label_new:
 * @markup: valid Pango markup, links as `<a href>`
 * @css_class: (nullable): a style class to add
 *
 * A wrapping, selectable label whose links open only web and mail
 * addresses.
 */
GtkWidget *
spec_preview_label_new (const char *markup,
                        const char *css_class)
{
  return spec_preview_label_new_with_role (markup, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

/* Like spec_preview_label_new(), for a label that is more than a label to
 * assistive technologies, such as a heading. */
GtkWidget *
spec_preview_label_new_with_role (const char        *markup,
                                  const char        *css_class,
                                  GtkAccessibleRole  role)
{
  GtkWidget *label = label_new (css_class, role);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  g_signal_connect (label, "activate-link",
                    G_CALLBACK (on_label_activate_link), NULL);

  return label;
}

/* Like spec_preview_label_new() for text that is shown as is. */
GtkWidget *
spec_preview_text_label_new (const char *text,
                             const char *css_class)
{
  GtkWidget *label = label_new (css_class, GTK_ACCESSIBLE_ROLE_LABEL);

  gtk_label_set_text (GTK_LABEL (label), text);

  return label;
}

static GtkSizeRequestMode
natural_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
natural_bin_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int width;

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = width;
  else
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, minimum, natural, NULL, NULL);
}

static void
natural_bin_allocate (GtkWidget *widget,
                      int        width,
                      int        height,
                      int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/**
 * spec_preview_natural_bin_new:
 * @child: a widget whose height depends on its width, like wrapping labels
 *
 * Holds @child at its natural width, never narrower.  In GTK 4.8 a
 * scrolled window asks its content for a height without saying how wide
 * it will be, and gets the height of the narrowest layout: wrapping cells
 * then leave empty space below a table that was given more room.  At a
 * fixed width the two agree.
 */
GtkWidget *
spec_preview_natural_bin_new (GtkWidget *child)
{
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_set_layout_manager (bin, gtk_custom_layout_new (natural_bin_get_request_mode,
                                                             natural_bin_measure,
                                                             natural_bin_allocate));
  adw_bin_set_child (ADW_BIN (bin), child);

  return bin;
}

/* A GtkScrolledWindow that can scroll sideways takes every wheel event,
 * so the page would stop scrolling whenever the pointer crosses a wide
 * table or code block.  Vertical scrolls go to the page instead. */
static gboolean
on_hscroller_scroll (GtkEventControllerScroll *controller,
                     double                    dx,
                     double                    dy,
                     gpointer                  user_data)
{
  GtkWidget *scroller = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *page;
  GtkAdjustment *vadj;
  double step = 1.0;

  /* Nothing to scroll sideways: GTK already passes the event on. */
  if (gtk_adjustment_get_upper (hadj) <= gtk_adjustment_get_page_size (hadj))
    return GDK_EVENT_PROPAGATE;

  /* Shift turns the wheel sideways; sideways gestures are the table's. */
  if ((state & GDK_SHIFT_MASK) != 0 || fabs (dy) <= fabs (dx))
    return GDK_EVENT_PROPAGATE;

  page = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  if (page == NULL)
    return GDK_EVENT_PROPAGATE;

  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));

  /* The step GTK itself uses for one wheel detent. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (vadj), 2.0 / 3.0);

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + dy * step);

  return GDK_EVENT_STOP;
}

/**
 * spec_preview_hscroller_new:
 * @child: content that may be wider than the page
 * @css_class: (nullable): a style class to add
 *
 * Wraps @child so that it scrolls sideways instead of squeezing, and is as
 * tall as @child.
 */
GtkWidget *
spec_preview_hscroller_new (GtkWidget  *child,
                            const char *css_class)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *scroll;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);

  if (css_class != NULL)
    gtk_widget_add_css_class (scroller, css_class);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_hscroller_scroll), NULL);
  gtk_widget_add_controller (scroller, scroll);

  return scroller;
}
