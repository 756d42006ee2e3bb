/* spec-template.h: a spec template: its metadata, its text, and a new
 * spec made from it
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spec-snapshot.h"

G_BEGIN_DECLS

#define SPEC_TEMPLATE_ERROR (spec_template_error_quark ())

typedef enum
{
  SPEC_TEMPLATE_ERROR_EMPTY,
  SPEC_TEMPLATE_ERROR_NO_HEADINGS,
  SPEC_TEMPLATE_ERROR_FRONT_MATTER,
  SPEC_TEMPLATE_ERROR_NAME,        /* a user template's name is not one */
  SPEC_TEMPLATE_ERROR_EXISTS,
  SPEC_TEMPLATE_ERROR_NOT_FOUND,
  SPEC_TEMPLATE_ERROR_BUILT_IN,    /* built-in templates are not changed */
} SpecTemplateError;

#define SPEC_TYPE_TEMPLATE (spec_template_get_type())

G_DECLARE_FINAL_TYPE (SpecTemplate, spec_template, SPEC, TEMPLATE, GObject)

GQuark        spec_template_error_quark      (void);
SpecTemplate *spec_template_new_from_text    (const char    *text,
                                              gsize          length,
                                              const char    *fallback_id,
                                              GError       **error);
SpecTemplate *spec_template_load             (GFile         *file,
                                              gboolean       built_in,
                                              GError       **error);
const char   *spec_template_get_id           (SpecTemplate  *self);
const char   *spec_template_get_name         (SpecTemplate  *self);
const char   *spec_template_get_description  (SpecTemplate  *self);
const char   *spec_template_get_category     (SpecTemplate  *self);
guint         spec_template_get_version      (SpecTemplate  *self);
const char   *spec_template_get_body         (SpecTemplate  *self);
GStrv         spec_template_dup_required     (SpecTemplate  *self);
GStrv         spec_template_dup_optional     (SpecTemplate  *self);
GFile        *spec_template_get_file         (SpecTemplate  *self);
gboolean      spec_template_is_built_in      (SpecTemplate  *self);
SpecSnapshot *spec_template_get_snapshot     (SpecTemplate  *self);
guint         spec_template_get_n_sections   (SpecTemplate  *self);
guint         spec_template_get_n_slots      (SpecTemplate  *self);
char         *spec_template_to_text          (SpecTemplate  *self);
char         *spec_template_instantiate      (SpecTemplate  *self,
                                              const char    *title,
                                              const char    *author,
                                              GDateTime     *date);

G_END_DECLS
