/* spec-template-store.h: the built-in templates and the user's own
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-template.h"

G_BEGIN_DECLS

/* Tests and uninstalled runs point these elsewhere. */
#define SPEC_TEMPLATES_DIR_ENV      "SPECWRIGHT_TEMPLATES_DIR"
#define SPEC_USER_TEMPLATES_DIR_ENV "SPECWRIGHT_USER_TEMPLATES_DIR"

#define SPEC_TYPE_TEMPLATE_STORE (spec_template_store_get_type())

G_DECLARE_FINAL_TYPE (SpecTemplateStore, spec_template_store, SPEC, TEMPLATE_STORE, GObject)

SpecTemplateStore *spec_template_store_new          (const char         *built_in_dir,
                                                     const char         *user_dir);
GPtrArray         *spec_template_store_load         (SpecTemplateStore  *self,
                                                     GPtrArray         **problems);
gboolean           spec_template_name_is_valid      (const char         *name,
                                                     GError            **error);
SpecTemplate      *spec_template_store_save         (SpecTemplateStore  *self,
                                                     const char         *name,
                                                     const char         *text,
                                                     GError            **error);
SpecTemplate      *spec_template_store_import       (SpecTemplateStore  *self,
                                                     GFile              *file,
                                                     GError            **error);
SpecTemplate      *spec_template_store_rename       (SpecTemplateStore  *self,
                                                     SpecTemplate       *template_,
                                                     const char         *name,
                                                     GError            **error);
gboolean           spec_template_store_delete       (SpecTemplateStore  *self,
                                                     SpecTemplate       *template_,
                                                     GError            **error);

SpecTemplate      *spec_templates_find              (GPtrArray          *templates,
                                                     const char         *id);

G_END_DECLS
