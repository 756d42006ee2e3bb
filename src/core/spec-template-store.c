/* spec-template-store.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spec-template-store.h"
#include "spec-text-file.h"

/* Built-in templates are installed in $pkgdatadir/templates and never
 * changed; the user's are *.md files in $XDG_DATA_HOME/specwright/
 * templates, made by "Save as Template…" or "Import Template…".  A
 * user template's file is named after it, so a name can never hold a
 * path: no "/", "\\", "..", nothing hidden.  Templates are read when
 * first asked for (the picker opening, a file opened), not at start, and
 * kept: asked again, the store reads them again only if a file in either
 * folder was added, removed or changed since (a stat of each, not a parse). */

struct _SpecTemplateStore
{
  GObject  parent_instance;

  char      *built_in_dir;
  char      *user_dir;

  /* The last load, and what the folders were then. */
  GPtrArray *loaded;          /* SpecTemplate */
  GPtrArray *loaded_problems; /* utf8 */
  guint64    loaded_stamp;
};

G_DEFINE_FINAL_TYPE (SpecTemplateStore, spec_template_store, G_TYPE_OBJECT)

static void
spec_template_store_finalize (GObject *object)
{
  SpecTemplateStore *self = (SpecTemplateStore *)object;

  g_free (self->built_in_dir);
  g_free (self->user_dir);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_pointer (&self->loaded_problems, g_ptr_array_unref);

  G_OBJECT_CLASS (spec_template_store_parent_class)->finalize (object);
}

static void
spec_template_store_class_init (SpecTemplateStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spec_template_store_finalize;
}

static void
spec_template_store_init (SpecTemplateStore *self)
{
}

static char *
dir_or_default (const char *dir,
                const char *env,
                const char *fallback)
{
  const char *value = g_getenv (env);

  if (dir != NULL)
    return g_strdup (dir);
  if (value != NULL && *value != '\0')
    return g_strdup (value);

  return g_strdup (fallback);
}

/**
 * spec_template_store_new:
 * @built_in_dir: (nullable): or `$SPECWRIGHT_TEMPLATES_DIR`, or the
 *   installed one
 * @user_dir: (nullable): or `$SPECWRIGHT_USER_TEMPLATES_DIR`, or
 *   `$XDG_DATA_HOME/specwright/templates`
 */
SpecTemplateStore *
spec_template_store_new (const char *built_in_dir,
                         const char *user_dir)
{
  SpecTemplateStore *self = g_object_new (SPEC_TYPE_TEMPLATE_STORE, NULL);
  g_autofree char *installed = g_build_filename (PKGDATADIR, "templates", NULL);
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "specwright", "templates", NULL);

  self->built_in_dir = dir_or_default (built_in_dir, SPEC_TEMPLATES_DIR_ENV, installed);
  self->user_dir = dir_or_default (user_dir, SPEC_USER_TEMPLATES_DIR_ENV, user);

  return self;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  SpecTemplate *x = *(SpecTemplate **) a;
  SpecTemplate *y = *(SpecTemplate **) b;

  return g_utf8_collate (spec_template_get_name (x), spec_template_get_name (y));
}

static void
load_dir (const char *dir,
          gboolean    built_in,
          GPtrArray  *templates,
          GPtrArray  *problems)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      SpecTemplate *template_;

      if (!g_str_has_suffix (name, ".md") || name[0] == '.')
        continue;

      path = g_build_filename (dir, name, NULL);
      file = g_file_new_for_path (path);
      if ((template_ = spec_template_load (file, built_in, &error)))
        g_ptr_array_add (found, template_);
      else if (problems != NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
    }

  g_ptr_array_sort (found, compare_names);
  g_ptr_array_extend_and_steal (templates, g_steal_pointer (&found));
}

/* What a folder's templates are now, as far as a stat tells: each .md
 * file's name, size and change time, hashed. */
static guint64
folder_stamp (const char *dir,
              guint64     stamp)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".md") || name[0] == '.')
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0)
        continue;

      /* Order does not matter: entries are combined commutatively. */
      stamp += (guint64) g_str_hash (name) * 1000003u ^
               ((guint64) st.st_size << 32) ^
               ((guint64) st.st_mtim.tv_sec * 1000000000u + (guint64) st.st_mtim.tv_nsec);
    }

  return stamp;
}

static void
forget_loaded (SpecTemplateStore *self)
{
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_pointer (&self->loaded_problems, g_ptr_array_unref);
}

static gpointer
copy_object (gconstpointer src,
             gpointer      data)
{
  return g_object_ref ((gpointer) src);
}

static gpointer
copy_string (gconstpointer src,
             gpointer      data)
{
  return g_strdup (src);
}

/**
 * spec_template_store_load:
 * @problems: (out) (optional) (element-type utf8): a message per file
 *   that is not a template, naming it
 *
 * Templates are immutable: those already read are shared by every
 * caller until a file changes.
 *
 * Returns: (transfer full) (element-type SpecTemplate): the built-in
 *   templates, then the user's, each by name
 */
GPtrArray *
spec_template_store_load (SpecTemplateStore  *self,
                          GPtrArray         **problems)
{
  guint64 stamp;

  g_return_val_if_fail (SPEC_IS_TEMPLATE_STORE (self), NULL);

  stamp = folder_stamp (self->user_dir, folder_stamp (self->built_in_dir, 1));
  if (self->loaded == NULL || stamp != self->loaded_stamp)
    {
      forget_loaded (self);
      self->loaded = g_ptr_array_new_with_free_func (g_object_unref);
      self->loaded_problems = g_ptr_array_new_with_free_func (g_free);
      load_dir (self->built_in_dir, TRUE, self->loaded, self->loaded_problems);
      load_dir (self->user_dir, FALSE, self->loaded, self->loaded_problems);
      self->loaded_stamp = stamp;
    }

  if (problems != NULL)
    *problems = g_ptr_array_copy (self->loaded_problems, copy_string, NULL);

  return g_ptr_array_copy (self->loaded, copy_object, NULL);
}

/**
 * spec_template_name_is_valid:
 *
 * A user template's name names its file: it cannot be empty, hidden or
 * hold a path.
 */
gboolean
spec_template_name_is_valid (const char  *name,
                             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME, _("A template needs a name"));
      return FALSE;
    }
  if (strchr (trimmed, '/') != NULL || strchr (trimmed, '\\') != NULL || strstr (trimmed, "..") != NULL ||
      trimmed[0] == '.')
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME,
                   _("A template’s name cannot hold “/”, “\\” or “..”, or start with “.”"));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > 100 || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME,
                   _("A template’s name is at most 100 characters of text"));
      return FALSE;
    }
  for (const char *p = trimmed; *p; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME,
                     _("A template’s name is one line"));
        return FALSE;
      }

  return TRUE;
}

/* The file a user template of that name is kept in, checked to be in the
 * folder (the name is valid already: this is a second lock). */
static GFile *
user_file (SpecTemplateStore  *self,
           const char         *name,
           GError            **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *basename = g_strconcat (trimmed, ".md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (self->user_dir);
  g_autoptr(GFile) file = g_file_get_child (folder, basename);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent == NULL || !g_file_equal (parent, folder))
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NAME,
                   _("A template’s name cannot hold a path"));
      return NULL;
    }

  return g_steal_pointer (&file);
}

static SpecTemplate *
write_user_template (SpecTemplateStore  *self,
                     const char         *name,
                     const char         *body,
                     GFile              *replacing,
                     GError            **error)
{
  g_autoptr(SpecTemplate) parsed = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *front = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (!spec_template_name_is_valid (name, error) || !(file = user_file (self, name, error)))
    return NULL;

  if (g_file_query_exists (file, NULL) && (replacing == NULL || !g_file_equal (file, replacing)))
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_EXISTS,
                   _("There is a template named “%s” already"), name);
      return NULL;
    }

  /* Checked before anything is written: empty, no headings. */
  if (!(parsed = spec_template_new_from_text (body, strlen (body), NULL, error)))
    return NULL;

  trimmed = g_strstrip (g_strdup (name));
  id = g_ascii_strdown (trimmed, -1);
  g_strcanon (id, "abcdefghijklmnopqrstuvwxyz0123456789", '-');
  {
    g_auto(GStrv) required = spec_template_dup_required (parsed);
    g_auto(GStrv) optional = spec_template_dup_optional (parsed);
    g_autofree char *required_list = g_strjoinv ("; ", required);
    g_autofree char *optional_list = g_strjoinv ("; ", optional);

    front = g_strdup_printf ("---\nid: user-%.59s\nname: %s\ndescription: %s\ncategory: %s\nversion: %u\n"
                             "required: %s\noptional: %s\n---\n\n",
                             id, trimmed, spec_template_get_description (parsed),
                             spec_template_get_category (parsed), spec_template_get_version (parsed),
                             required_list, optional_list);
  }
  text = g_strconcat (front, spec_template_get_body (parsed), NULL);

  if (g_mkdir_with_parents (self->user_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), self->user_dir, g_strerror (saved));
      return NULL;
    }
  forget_loaded (self);
  if (!spec_text_file_save (file, text, strlen (text), NULL, error))
    return NULL;

  return spec_template_load (file, FALSE, error);
}

/**
 * spec_template_store_save:
 * @name: what the user called it
 * @text: Markdown (a document's text; front matter, if any, is replaced)
 *
 * "Save as Template…": a new user template.
 */
SpecTemplate *
spec_template_store_save (SpecTemplateStore  *self,
                          const char         *name,
                          const char         *text,
                          GError            **error)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return write_user_template (self, name, text, NULL, error);
}

/**
 * spec_template_store_import:
 *
 * "Import Template…": any Markdown file becomes a user template, named
 * by its front matter or its first heading ("Feature Specification 2"
 * if that name is taken).  A file that cannot be one is refused with a
 * message naming it.
 */
SpecTemplate *
spec_template_store_import (SpecTemplateStore  *self,
                            GFile              *file,
                            GError            **error)
{
  g_autoptr(SpecTemplate) source = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SPEC_IS_TEMPLATE_STORE (self), NULL);

  if (!(source = spec_template_load (file, FALSE, error)))
    return NULL;

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (spec_template_get_name (source))
                                     : g_strdup_printf ("%s %u", spec_template_get_name (source), n);
      SpecTemplate *imported;

      g_clear_error (&local_error);
      if ((imported = write_user_template (self, name, spec_template_get_body (source), NULL, &local_error)))
        return imported;
      if (!g_error_matches (local_error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_EXISTS))
        break;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

static gboolean
check_user (SpecTemplate  *template_,
            GError       **error)
{
  if (spec_template_is_built_in (template_) || spec_template_get_file (template_) == NULL)
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_BUILT_IN,
                   _("“%s” comes with Specwright and cannot be changed"), spec_template_get_name (template_));
      return FALSE;
    }

  return TRUE;
}

/**
 * spec_template_store_rename:
 *
 * Returns: (transfer full): the template under its new name
 */
SpecTemplate *
spec_template_store_rename (SpecTemplateStore  *self,
                            SpecTemplate       *template_,
                            const char         *name,
                            GError            **error)
{
  g_autoptr(GFile) old = NULL;
  SpecTemplate *renamed;

  g_return_val_if_fail (SPEC_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (SPEC_IS_TEMPLATE (template_), NULL);

  if (!check_user (template_, error))
    return NULL;

  old = g_object_ref (spec_template_get_file (template_));
  if (!(renamed = write_user_template (self, name, spec_template_get_body (template_), old, error)))
    return NULL;

  if (!g_file_equal (old, spec_template_get_file (renamed)))
    g_file_delete (old, NULL, NULL);

  return renamed;
}

/* To the desktop's trash where there is one: a slip can be undone. */
gboolean
spec_template_store_delete (SpecTemplateStore  *self,
                            SpecTemplate       *template_,
                            GError            **error)
{
  GFile *file;

  g_return_val_if_fail (SPEC_IS_TEMPLATE_STORE (self), FALSE);
  g_return_val_if_fail (SPEC_IS_TEMPLATE (template_), FALSE);

  if (!check_user (template_, error))
    return FALSE;

  forget_loaded (self);
  file = spec_template_get_file (template_);
  if (g_file_trash (file, NULL, NULL))
    return TRUE;

  return g_file_delete (file, NULL, error);
}

/**
 * spec_templates_find:
 * @templates: (element-type SpecTemplate): as spec_template_store_load()
 *   gives them
 * @id: (nullable): a template's id
 *
 * Returns: (transfer none) (nullable): the template with that id
 */
SpecTemplate *
spec_templates_find (GPtrArray  *templates,
                     const char *id)
{
  g_return_val_if_fail (templates != NULL, NULL);

  for (guint i = 0; id != NULL && i < templates->len; i++)
    if (g_str_equal (spec_template_get_id (g_ptr_array_index (templates, i)), id))
      return g_ptr_array_index (templates, i);

  return NULL;
}
