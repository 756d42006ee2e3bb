/* spec-library-item.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-library-item.h"

/* What the library view shows of a spec, read once per reload; the
 * columns sort by these properties.  The search snippet is made only for
 * rows that are shown, and kept. */
struct _SpecLibraryItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *template_id;
  char    *status;
  int      percent;
  int      unfilled;
  gint64   updated;
  char    *file_uri;
  char    *snippet;
  gboolean has_snippet;
};

G_DEFINE_FINAL_TYPE (SpecLibraryItem, spec_library_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEMPLATE,
  PROP_STATUS,
  PROP_PERCENT,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
spec_library_item_finalize (GObject *object)
{
  SpecLibraryItem *self = (SpecLibraryItem *)object;

  g_free (self->title);
  g_free (self->template_id);
  g_free (self->status);
  g_free (self->file_uri);
  g_free (self->snippet);

  G_OBJECT_CLASS (spec_library_item_parent_class)->finalize (object);
}

static void
spec_library_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpecLibraryItem *self = SPEC_LIBRARY_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEMPLATE:
      g_value_set_string (value, self->template_id);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_PERCENT:
      g_value_set_int (value, self->percent);
      break;

    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_library_item_class_init (SpecLibraryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spec_library_item_finalize;
  object_class->get_property = spec_library_item_get_property;

  /* Read-only: an item is replaced, never changed, on a reload. */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PERCENT] =
    g_param_spec_int ("percent", NULL, NULL, 0, 100, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_library_item_init (SpecLibraryItem *self)
{
}

SpecLibraryItem *
spec_library_item_new (const SpecLibraryEntry *entry)
{
  SpecLibraryItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (SPEC_TYPE_LIBRARY_ITEM, NULL);
  self->id = entry->id;
  self->title = g_strdup (entry->title);
  self->template_id = g_strdup (entry->template_id);
  self->status = g_strdup (entry->status);
  self->percent = entry->percent;
  self->unfilled = entry->unfilled;
  self->updated = entry->updated;
  self->file_uri = g_strdup (entry->file_uri);

  return self;
}

gint64
spec_library_item_get_id (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), 0);

  return self->id;
}

const char *
spec_library_item_get_title (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), NULL);

  return self->title;
}

const char *
spec_library_item_get_template (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), NULL);

  return self->template_id;
}

const char *
spec_library_item_get_status (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), NULL);

  return self->status;
}

int
spec_library_item_get_percent (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), 0);

  return self->percent;
}

int
spec_library_item_get_unfilled (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), 0);

  return self->unfilled;
}

gint64
spec_library_item_get_updated (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), 0);

  return self->updated;
}

const char *
spec_library_item_get_file_uri (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), NULL);

  return self->file_uri;
}

const char *
spec_library_item_get_snippet (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), NULL);

  return self->snippet;
}

void
spec_library_item_set_snippet (SpecLibraryItem *self,
                               const char      *snippet)
{
  g_return_if_fail (SPEC_IS_LIBRARY_ITEM (self));

  g_free (self->snippet);
  self->snippet = g_strdup (snippet);
  self->has_snippet = TRUE;
}

/* Whether the snippet was made already (it may be NULL). */
gboolean
spec_library_item_has_snippet (SpecLibraryItem *self)
{
  g_return_val_if_fail (SPEC_IS_LIBRARY_ITEM (self), FALSE);

  return self->has_snippet;
}
