/* spec-template-check-dialog.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spec-outline-edit.h"
#include "spec-template-check-dialog.h"

/* How much of a template the open document has: the sections present,
 * those missing (the required ones flagged) and its own sections the
 * template does not have, for any template chosen in the list.  The
 * report is built from the document's latest snapshot (no parse of its
 * own) and again after each edit, so Insert Missing Sections, or typing
 * a heading in the editor, shows at once.  "Use for This Spec" makes
 * the window check the document against that template from now on. */

struct _SpecTemplateCheckDialog
{
  AdwWindow       parent_instance;

  SpecDocument   *document;
  GListStore     *templates;
  char           *own_id;        /* the document's template, if any */
  char           *suggested_id;  /* what its headings follow, if any */
  SpecSnapshot   *snapshot;      /* @report is of this */
  SpecReport     *report;

  /* Template widgets */
  AdwComboRow    *template_row;
  GtkLabel       *summary_label;
  GtkLabel       *details_label;
  GtkWidget      *missing_heading;
  GtkListBox     *missing_list;
  GtkWidget      *extra_heading;
  GtkListBox     *extra_list;
  GtkWidget      *present_heading;
  GtkListBox     *present_list;
};

G_DEFINE_FINAL_TYPE (SpecTemplateCheckDialog, spec_template_check_dialog, ADW_TYPE_WINDOW)

enum {
  USE_TEMPLATE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row for a section; deeper ones indented, as in the outline. */
static GtkWidget *
section_row (const char *title,
             guint       level,
             const char *tag,
             const char *tag_class)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_set_margin_start (gtk_widget_get_first_child (row), 12 * (MAX (level, 1) - 1));
  if (tag != NULL)
    {
      GtkWidget *label = gtk_label_new (tag);

      gtk_widget_add_css_class (label, tag_class);
      gtk_widget_add_css_class (label, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static void
set_list_visible (GtkWidget  *heading,
                  GtkListBox *list,
                  gboolean    visible)
{
  gtk_widget_set_visible (heading, visible);
  gtk_widget_set_visible (GTK_WIDGET (list), visible);
}

static void
update_actions (SpecTemplateCheckDialog *self)
{
  SpecTemplate *template_ = spec_template_check_dialog_get_selected (self);
  gboolean current = self->snapshot != NULL && spec_document_is_current (self->document) &&
                     self->snapshot == spec_document_get_snapshot (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.insert-missing",
                                 current && self->report != NULL && self->report->missing->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.use-template",
                                 template_ != NULL &&
                                 g_strcmp0 (spec_template_get_id (template_), self->own_id) != 0);
}

static void
refresh (SpecTemplateCheckDialog *self)
{
  SpecTemplate *template_ = spec_template_check_dialog_get_selected (self);
  SpecSnapshot *snapshot = spec_document_get_snapshot (self->document);
  GPtrArray *sections;
  g_autofree char *summary = NULL;
  g_autofree char *missing_text = NULL;
  const char *subtitle = NULL;
  guint n_template, n_present = 0, n_extra = 0, n_required = 0;

  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->report, spec_report_free);
  clear_list (self->missing_list);
  clear_list (self->extra_list);
  clear_list (self->present_list);

  if (template_ == NULL || snapshot == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      gtk_label_set_text (self->details_label, "");
      set_list_visible (self->missing_heading, self->missing_list, FALSE);
      set_list_visible (self->extra_heading, self->extra_list, FALSE);
      set_list_visible (self->present_heading, self->present_list, FALSE);
      update_actions (self);
      return;
    }

  if (g_strcmp0 (spec_template_get_id (template_), self->own_id) == 0)
    subtitle = _("This spec’s template");
  else if (g_strcmp0 (spec_template_get_id (template_), self->suggested_id) == 0)
    subtitle = _("Suggested: this spec’s headings follow it");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->template_row), subtitle != NULL ? subtitle : "");

  self->snapshot = g_object_ref (snapshot);
  self->report = spec_snapshot_check_against (snapshot, spec_template_get_snapshot (template_));
  sections = spec_snapshot_get_sections (snapshot);
  n_template = spec_template_get_n_sections (template_);

  for (guint i = 0; i < self->report->missing->len; i++)
    {
      const SpecMissingSection *missing = &g_array_index (self->report->missing, SpecMissingSection, i);

      n_required += missing->required;
      gtk_list_box_append (self->missing_list,
                           section_row (missing->title, missing->level,
                                        missing->required ? _("Required") : NULL, "error"));
    }
  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      const SpecSectionReport *section_report = spec_report_get_section (self->report, section);

      if (section_report->template_section >= 0)
        {
          n_present++;
          gtk_list_box_append (self->present_list, section_row (section->title, section->level, NULL, NULL));
        }
      else
        {
          n_extra++;
          gtk_list_box_append (self->extra_list, section_row (section->title, section->level, NULL, NULL));
        }
    }

  summary = g_strdup_printf (ngettext ("%u of its %u section present", "%u of its %u sections present",
                                       n_template), n_present, n_template);
  gtk_label_set_text (self->summary_label, summary);

  if (self->report->missing->len == 0)
    missing_text = g_strdup (_("Nothing missing"));
  else if (n_required > 0)
    /* Translators: "7 missing, 2 of them required" */
    missing_text = g_strdup_printf (ngettext ("%u missing, %u of them required", "%u missing, %u of them required",
                                              self->report->missing->len),
                                    self->report->missing->len, n_required);
  else
    missing_text = g_strdup_printf (ngettext ("%u missing, none required", "%u missing, none required",
                                              self->report->missing->len),
                                    self->report->missing->len);
  if (n_extra == 0)
    {
      gtk_label_set_text (self->details_label, missing_text);
    }
  else
    {
      g_autofree char *extra_text = g_strdup_printf (ngettext ("%u section of the spec’s own",
                                                               "%u sections of the spec’s own", n_extra), n_extra);
      /* Translators: "7 missing, 2 of them required · 3 sections of the spec's own" */
      g_autofree char *details = g_strdup_printf (_("%s · %s"), missing_text, extra_text);

      gtk_label_set_text (self->details_label, details);
    }

  set_list_visible (self->missing_heading, self->missing_list, self->report->missing->len > 0);
  set_list_visible (self->extra_heading, self->extra_list, n_extra > 0);
  set_list_visible (self->present_heading, self->present_list, n_present > 0);
  update_actions (self);
}

/* Sections from the chosen template, where it has them, as one edit that
 * one undo in the editor takes back. */
static void
insert_missing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpecTemplateCheckDialog *self = SPEC_TEMPLATE_CHECK_DIALOG (widget);
  SpecTemplate *template_ = spec_template_check_dialog_get_selected (self);
  g_autoptr(GPtrArray) edits = NULL;

  if (template_ == NULL || self->report == NULL || self->snapshot != spec_document_get_snapshot (self->document) ||
      !spec_document_is_current (self->document))
    return;

  edits = spec_outline_edit_insert_missing (self->snapshot, self->report, spec_template_get_snapshot (template_));
  if (edits->len > 0)
    spec_document_apply_edits (self->document, self->snapshot, edits);
}

static void
use_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SpecTemplateCheckDialog *self = SPEC_TEMPLATE_CHECK_DIALOG (widget);
  SpecTemplate *template_ = spec_template_check_dialog_get_selected (self);

  if (template_ == NULL)
    return;

  g_free (self->own_id);
  self->own_id = g_strdup (spec_template_get_id (template_));
  g_signal_emit (self, signals [USE_TEMPLATE], 0, template_);
  refresh (self);
}

static void
spec_template_check_dialog_dispose (GObject *object)
{
  SpecTemplateCheckDialog *self = (SpecTemplateCheckDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPEC_TYPE_TEMPLATE_CHECK_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->templates);
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->report, spec_report_free);
  g_clear_pointer (&self->own_id, g_free);
  g_clear_pointer (&self->suggested_id, g_free);

  G_OBJECT_CLASS (spec_template_check_dialog_parent_class)->dispose (object);
}

static void
spec_template_check_dialog_class_init (SpecTemplateCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spec_template_check_dialog_dispose;

  /**
   * SpecTemplateCheckDialog::use-template:
   * @template_: what the document is to be checked against from now on
   */
  signals [USE_TEMPLATE] =
    g_signal_new ("use-template",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SPEC_TYPE_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/spec-template-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, missing_heading);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, missing_list);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, extra_heading);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, extra_list);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, present_heading);
  gtk_widget_class_bind_template_child (widget_class, SpecTemplateCheckDialog, present_list);

  gtk_widget_class_install_action (widget_class, "check.insert-missing", NULL, insert_missing_action);
  gtk_widget_class_install_action (widget_class, "check.use-template", NULL, use_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spec_template_check_dialog_init (SpecTemplateCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->templates = g_list_store_new (SPEC_TYPE_TEMPLATE);
  adw_combo_row_set_expression (self->template_row,
                                gtk_property_expression_new (SPEC_TYPE_TEMPLATE, NULL, "name"));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (self->templates));
}

/**
 * spec_template_check_dialog_new:
 * @templates: (element-type SpecTemplate): those to choose from
 * @selected: (nullable): the one shown first
 * @own_id: (nullable): the id of the template @document is checked
 *   against
 * @suggested_id: (nullable): the id of the template its headings follow
 */
SpecTemplateCheckDialog *
spec_template_check_dialog_new (SpecDocument *document,
                                GPtrArray    *templates,
                                SpecTemplate *selected,
                                const char   *own_id,
                                const char   *suggested_id)
{
  SpecTemplateCheckDialog *self;
  guint position = 0;

  g_return_val_if_fail (SPEC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (templates != NULL, NULL);

  self = g_object_new (SPEC_TYPE_TEMPLATE_CHECK_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->own_id = g_strdup (own_id);
  self->suggested_id = g_strdup (suggested_id);
  g_list_store_splice (self->templates, 0, 0, templates->pdata, templates->len);
  if (selected != NULL && g_list_store_find (self->templates, selected, &position))
    adw_combo_row_set_selected (self->template_row, position);

  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (refresh),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::snapshot", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  /* Until the edit is parsed, the report's offsets are not the text's. */
  g_signal_connect_object (document, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->template_row));

  return self;
}

SpecTemplate *
spec_template_check_dialog_get_selected (SpecTemplateCheckDialog *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE_CHECK_DIALOG (self), NULL);

  return adw_combo_row_get_selected_item (self->template_row);
}

/* Chooses the template with this id, as the user would in the list. */
void
spec_template_check_dialog_select (SpecTemplateCheckDialog *self,
                                   const char              *id)
{
  guint n;

  g_return_if_fail (SPEC_IS_TEMPLATE_CHECK_DIALOG (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->templates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpecTemplate) template_ = g_list_model_get_item (G_LIST_MODEL (self->templates), i);

      if (g_strcmp0 (spec_template_get_id (template_), id) == 0)
        adw_combo_row_set_selected (self->template_row, i);
    }
}

/**
 * spec_template_check_dialog_get_report:
 *
 * Returns: (transfer none) (nullable): what is shown: the document
 *   checked against the template selected
 */
const SpecReport *
spec_template_check_dialog_get_report (SpecTemplateCheckDialog *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE_CHECK_DIALOG (self), NULL);

  return self->report;
}
