/* spec-template.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spec-report.h"
#include "spec-status.h"
#include "spec-template.h"
#include "spec-title-match.h"
#include "spec-text-file.h"

/* A template is Markdown with, optionally, a front matter block of
 * "key: value" lines between two "---" lines:
 *
 *     ---
 *     id: product-feature
 *     name: Product Feature Specification
 *     description: One line on what it is for
 *     category: Feature
 *     version: 1
 *     required: Overview; Requirements
 *     optional: Rollout
 *     ---
 *
 * Unknown keys are ignored (a newer Specwright may add some); a line that
 * is not "key: value", a bad id or version, or a block never closed is an
 * error naming the line.  Without front matter (any Markdown file
 * imported as a template, the seeds among them) the name is the first
 * heading's words and the id comes from the file's name. */

struct _SpecTemplate
{
  GObject       parent_instance;

  char         *id;
  char         *name;
  char         *description;
  char         *category;
  guint         version;
  GStrv         required;
  GStrv         optional;
  guint         required_line;   /* of the front matter, for messages */
  guint         optional_line;
  char         *body;
  GFile        *file;       /* nullable */
  gboolean      built_in;
  SpecSnapshot *snapshot;   /* of the body */
};

G_DEFINE_FINAL_TYPE (SpecTemplate, spec_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (spec-template-error-quark, spec_template_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
spec_template_finalize (GObject *object)
{
  SpecTemplate *self = (SpecTemplate *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->category);
  g_strfreev (self->required);
  g_strfreev (self->optional);
  g_free (self->body);
  g_clear_object (&self->file);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (spec_template_parent_class)->finalize (object);
}

static void
spec_template_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpecTemplate *self = SPEC_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spec_template_class_init (SpecTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spec_template_finalize;
  object_class->get_property = spec_template_get_property;

  /* For searching and sorting lists of templates. */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_template_init (SpecTemplate *self)
{
  self->version = 1;
}

static gboolean
is_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* "Release Notes.md" -> "release-notes" */
static char *
id_from (const char *name)
{
  GString *id = g_string_new (NULL);

  for (const char *p = name != NULL ? name : ""; *p && id->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  return id->len > 0 ? g_string_free (id, FALSE) : (g_string_free (id, TRUE), g_strdup ("template"));
}

static GStrv
split_list (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
front_matter_error (GError     **error,
                    guint        line,
                    const char  *message)
{
  g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_FRONT_MATTER,
               /* Translators: the front matter of a template, its line, what is wrong */
               _("Its front matter is broken on line %u: %s"), line, message);
  return FALSE;
}

static gboolean
set_key (SpecTemplate  *self,
         const char    *key,
         const char    *value,
         guint          line,
         GError       **error)
{
  if (g_str_equal (key, "id"))
    {
      if (!is_id (value))
        return front_matter_error (error, line, _("an id is lower-case letters, digits and “-”"));
      g_free (self->id);
      self->id = g_strdup (value);
    }
  else if (g_str_equal (key, "name"))
    {
      g_free (self->name);
      self->name = g_strdup (value);
    }
  else if (g_str_equal (key, "description"))
    {
      g_free (self->description);
      self->description = g_strdup (value);
    }
  else if (g_str_equal (key, "category"))
    {
      g_free (self->category);
      self->category = g_strdup (value);
    }
  else if (g_str_equal (key, "version"))
    {
      guint64 version;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &version, NULL))
        return front_matter_error (error, line, _("a version is a whole number from 1"));
      self->version = (guint) version;
    }
  else if (g_str_equal (key, "required"))
    {
      g_strfreev (self->required);
      self->required = split_list (value);
      self->required_line = line;
    }
  else if (g_str_equal (key, "optional"))
    {
      g_strfreev (self->optional);
      self->optional = split_list (value);
      self->optional_line = line;
    }
  /* Anything else: a newer Specwright's; ignored. */

  return TRUE;
}

/* Reads the front matter, if any; @body_offset is where the Markdown
 * starts. */
static gboolean
parse_front_matter (SpecTemplate  *self,
                    const char    *text,
                    gsize          length,
                    gsize         *body_offset,
                    GError       **error)
{
  const char *p = text, *end = text + length;
  guint line = 1;

  *body_offset = 0;
  /* @text need not end with a NUL (found by fuzz-template): compare no
   * more than @length bytes. */
  if (!((length >= 4 && memcmp (text, "---\n", 4) == 0) ||
        (length >= 5 && memcmp (text, "---\r\n", 5) == 0)))
    return TRUE;

  p = (const char *) memchr (text, '\n', length) + 1;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *row = g_strndup (p, (eol != NULL ? eol : end) - p);
      char *colon;

      line++;
      g_strstrip (row);
      p = eol != NULL ? eol + 1 : end;

      if (g_str_equal (row, "---"))
        {
          /* One blank line after it belongs to the front matter. */
          if (p < end && *p == '\n')
            p++;
          else if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
            p += 2;
          *body_offset = p - text;
          return TRUE;
        }
      if (*row == '\0' || *row == '#')
        continue;

      if (!(colon = strchr (row, ':')))
        return front_matter_error (error, line, _("a line is “key: value”"));
      *colon = '\0';
      g_strstrip (row);
      for (const char *k = row; *k; k++)
        if (!g_ascii_islower (*k) && *k != '-' && *k != '_')
          return front_matter_error (error, line, _("a key is a lower-case word"));
      if (*row == '\0')
        return front_matter_error (error, line, _("a line is “key: value”"));
      if (!set_key (self, row, g_strstrip (colon + 1), line, error))
        return FALSE;
    }

  return front_matter_error (error, line, _("it has no closing “---” line"));
}

/* The bytes of the punctuation @text ends with, one of ":", "-", "|",
 * "–" or "—", or 0.  Whole characters: a byte test once cut the last byte
 * off a name ending in "搓" (e6 80 93, whose last byte "–" ends with too),
 * which left it invalid UTF-8 (found by fuzz-template). */
static gsize
trailing_punctuation (const char *text,
                      gsize       len)
{
  static const char * const marks[] = { ":", "-", "|", "–", "—" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize mark_len = strlen (marks[i]);

      if (len >= mark_len && memcmp (text + len - mark_len, marks[i], mark_len) == 0)
        return mark_len;
    }

  return 0;
}

/* A name from the first heading: its words, without slots and trailing
 * punctuation ("Feature Specification: [FEATURE_NAME]"). */
static char *
name_from_heading (const char *title)
{
  GString *name = g_string_new (NULL);
  gsize trailing;
  int depth = 0;

  for (const char *p = title; *p; p++)
    {
      if (*p == '[')
        depth++;
      else if (*p == ']' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (name, *p);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  while ((trailing = trailing_punctuation (name->str, name->len)) > 0)
    {
      g_string_truncate (name, name->len - trailing);
      g_strchomp (name->str);
      g_string_set_size (name, strlen (name->str));
    }

  return g_string_free (name, FALSE);
}

/* Every title the front matter lists as required or optional is one of
 * the template's headings: a misspelt one would never be flagged. */
static gboolean
check_listed (GStrv        listed,
              guint        line,
              GPtrArray   *sections,
              GError     **error)
{
  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    {
      g_autofree char *wanted = spec_title_normalize (listed[i], TRUE, NULL);
      gboolean found = FALSE;

      for (guint s = 0; s < sections->len && !found; s++)
        {
          g_autofree char *title = spec_title_normalize (((SpecSection *) g_ptr_array_index (sections, s))->title,
                                                         TRUE, NULL);

          found = g_str_equal (title, wanted);
        }
      if (!found)
        {
          /* Translators: a section title the template's front matter lists */
          g_autofree char *message = g_strdup_printf (_("“%s” is not one of its headings"), listed[i]);

          return front_matter_error (error, line, message);
        }
    }

  return TRUE;
}

/**
 * spec_template_new_from_text:
 * @fallback_id: (nullable): the id, when the front matter has none (a
 *   file's name, say)
 *
 * Returns: (transfer full): the template, or %NULL with @error set: the
 *   text is empty, has no headings, or its front matter is broken
 */
SpecTemplate *
spec_template_new_from_text (const char  *text,
                             gsize        length,
                             const char  *fallback_id,
                             GError     **error)
{
  g_autoptr(SpecTemplate) self = g_object_new (SPEC_TYPE_TEMPLATE, NULL);
  GPtrArray *sections;
  gsize body_offset;

  g_return_val_if_fail (text != NULL, NULL);

  if (!parse_front_matter (self, text, length, &body_offset, error))
    return NULL;

  self->body = g_strndup (text + body_offset, length - body_offset);
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (self->body));

    if (*trimmed == '\0')
      {
        g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_EMPTY, _("It is empty"));
        return NULL;
      }
  }

  self->snapshot = spec_snapshot_new_template (self->body, -1, (const char * const *) self->required);
  sections = spec_snapshot_get_sections (self->snapshot);
  if (sections->len == 0)
    {
      g_set_error (error, SPEC_TEMPLATE_ERROR, SPEC_TEMPLATE_ERROR_NO_HEADINGS,
                   _("It has no headings, so no sections to fill"));
      return NULL;
    }
  if (!check_listed (self->required, self->required_line, sections, error) ||
      !check_listed (self->optional, self->optional_line, sections, error))
    return NULL;

  if (self->name == NULL || *self->name == '\0')
    {
      g_free (self->name);
      self->name = name_from_heading (((SpecSection *) g_ptr_array_index (sections, 0))->title);
      if (*self->name == '\0')
        {
          g_free (self->name);
          self->name = g_strdup (fallback_id != NULL ? fallback_id : _("Template"));
        }
    }
  if (self->id == NULL)
    self->id = id_from (fallback_id != NULL ? fallback_id : self->name);
  if (self->description == NULL)
    self->description = g_strdup ("");
  if (self->category == NULL)
    self->category = g_strdup ("");
  if (self->required == NULL)
    self->required = g_new0 (char *, 1);
  if (self->optional == NULL)
    self->optional = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

/**
 * spec_template_load:
 * @built_in: whether it comes with Specwright (and is not changed)
 *
 * Reads a template file, checked as any text file is (a folder, binary,
 * not UTF-8, too large: refused).  Errors name the file.
 */
SpecTemplate *
spec_template_load (GFile     *file,
                    gboolean   built_in,
                    GError   **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  SpecTemplate *self;
  gsize length;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = spec_text_file_dup_display_name (file);
  if (!spec_text_file_load (file, &contents, &length, NULL, error))
    {
      g_prefix_error (error, "“%s”: ", display);
      return NULL;
    }

  basename = g_file_get_basename (file);
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';

  if (!(self = spec_template_new_from_text (contents, length, basename, error)))
    {
      g_prefix_error (error, "“%s”: ", display);
      return NULL;
    }

  self->file = g_object_ref (file);
  self->built_in = built_in;

  return self;
}

const char *
spec_template_get_id (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->id;
}

const char *
spec_template_get_name (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->name;
}

const char *
spec_template_get_description (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->description;
}

const char *
spec_template_get_category (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->category;
}

guint
spec_template_get_version (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), 0);

  return self->version;
}

/* The Markdown, without the front matter. */
const char *
spec_template_get_body (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->body;
}

GStrv
spec_template_dup_required (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return g_strdupv (self->required);
}

GStrv
spec_template_dup_optional (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return g_strdupv (self->optional);
}

/**
 * spec_template_get_file:
 *
 * Returns: (transfer none) (nullable): where it was read from
 */
GFile *
spec_template_get_file (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->file;
}

gboolean
spec_template_is_built_in (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), FALSE);

  return self->built_in;
}

/**
 * spec_template_get_snapshot:
 *
 * Returns: (transfer none): the body's snapshot: what a document's
 *   report is checked against
 */
SpecSnapshot *
spec_template_get_snapshot (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  return self->snapshot;
}

guint
spec_template_get_n_sections (SpecTemplate *self)
{
  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), 0);

  return spec_snapshot_get_sections (self->snapshot)->len;
}

/* Placeholders and clarifications: what is there to fill. */
guint
spec_template_get_n_slots (SpecTemplate *self)
{
  const SpecReport *report;

  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), 0);

  report = spec_snapshot_get_report (self->snapshot);

  return report->n_placeholders + report->n_clarifications;
}

static void
append_key (GString    *text,
            const char *key,
            const char *value)
{
  g_autofree char *one_line = g_strdup (value != NULL ? value : "");

  g_strdelimit (one_line, "\r\n", ' ');
  g_string_append_printf (text, "%s: %s\n", key, one_line);
}

/**
 * spec_template_to_text:
 *
 * Returns: the template as a file holds it: front matter, then body
 */
char *
spec_template_to_text (SpecTemplate *self)
{
  GString *text = g_string_new ("---\n");
  g_autofree char *required = NULL;
  g_autofree char *optional = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  required = g_strjoinv ("; ", self->required);
  optional = g_strjoinv ("; ", self->optional);
  version = g_strdup_printf ("%u", self->version);
  append_key (text, "id", self->id);
  append_key (text, "name", self->name);
  append_key (text, "description", self->description);
  append_key (text, "category", self->category);
  append_key (text, "version", version);
  append_key (text, "required", required);
  append_key (text, "optional", optional);
  g_string_append (text, "---\n\n");
  g_string_append (text, self->body);

  return g_string_free (text, FALSE);
}

/* Slots a new spec can fill at once, by their words (case, "_" and
 * spaces aside). */
static const char * const date_slots[] = {
  "date", "yyyy-mm-dd", "today", "created", "created date", "creation date", "date created",
  "last updated", "updated",
};
static const char * const author_slots[] = {
  "author", "authors", "author name", "your name", "owner", "written by",
};

/* Labels of metadata lines ("**Author:** [Name]"), by what they ask. */
static const char * const title_labels[] = { "title", "feature", "feature name", "name" };
static const char * const author_labels[] = { "author", "authors", "owner", "written by", "created by" };
static const char * const date_labels[] = { "created", "date", "created on", "last updated", "updated" };

/* The label of the metadata line @offset is on ("**Created:** [DATE]"),
 * if the slot is in its value. */
static char *
line_label (const char *text,
            gsize       offset)
{
  const char *start = text + offset;
  const char *end = strchr (start, '\n');
  gsize value;
  char *label;

  while (start > text && start[-1] != '\n')
    start--;
  label = spec_metadata_label (start, end != NULL ? (gsize) (end - start) : strlen (start), &value);
  if (label != NULL && start + value > text + offset)
    g_clear_pointer (&label, g_free);

  return label;
}

static char *
slot_words (const char *slot,
            gsize       length)
{
  g_autofree char *inner = g_strndup (slot + 1, length >= 2 ? length - 2 : 0);
  char *words = g_ascii_strdown (inner, -1);

  g_strdelimit (words, "_", ' ');

  return g_strstrip (words);
}

static gboolean
in_list (const char         *words,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (words, list[i]))
      return TRUE;

  return FALSE;
}

typedef struct
{
  gsize  offset;
  gsize  length;
  char  *text;
} Fill;

/**
 * spec_template_instantiate:
 * @title: (nullable): for the title slot, the first in the top heading
 * @author: (nullable): for author slots
 * @date: (nullable): for date slots; %NULL for today
 *
 * Returns: a new spec's text: the template's, with what is known filled
 *   in, and its Status line saying Draft
 */
char *
spec_template_instantiate (SpecTemplate *self,
                           const char   *title,
                           const char   *author,
                           GDateTime    *date)
{
  const SpecReport *report;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (Fill));
  g_autoptr(GString) text = g_string_new (self->body);
  g_autofree char *status = NULL;
  gboolean title_done = FALSE;

  g_return_val_if_fail (SPEC_IS_TEMPLATE (self), NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  iso = g_date_time_format (date, "%Y-%m-%d");

  report = spec_snapshot_get_report (self->snapshot);
  for (guint i = 0; i < report->items->len; i++)
    {
      const SpecItem *item = &g_array_index (report->items, SpecItem, i);
      g_autofree char *words = NULL;
      g_autofree char *label = NULL;
      Fill fill = { item->offset, item->length, NULL };

      if (item->kind != SPEC_ITEM_PLACEHOLDER || self->body[item->offset] != '[')
        continue;

      words = slot_words (self->body + item->offset, item->length);
      label = line_label (self->body, item->offset);
      if (title != NULL && *title != '\0' && !title_done &&
          ((item->section != NULL && item->section->level == 1 && item->line == item->section->heading_line) ||
           (label != NULL && in_list (label, title_labels, G_N_ELEMENTS (title_labels)))))
        {
          fill.text = g_strdup (title);
          title_done = TRUE;
        }
      else if (in_list (words, date_slots, G_N_ELEMENTS (date_slots)) || g_str_has_prefix (words, "run: date") ||
               (label != NULL && in_list (label, date_labels, G_N_ELEMENTS (date_labels))))
        fill.text = g_strdup (iso);
      else if (author != NULL && *author != '\0' &&
               (in_list (words, author_slots, G_N_ELEMENTS (author_slots)) ||
                (label != NULL && in_list (label, author_labels, G_N_ELEMENTS (author_labels)))))
        fill.text = g_strdup (author);

      if (fill.text != NULL)
        g_array_append_val (fills, fill);
      /* cppcheck-suppress memleak ; fills owns fill.text, freed below */
    }

  /* From the end, so that offsets stay right. */
  for (guint i = fills->len; i > 0; i--)
    {
      Fill *fill = &g_array_index (fills, Fill, i - 1);

      g_string_erase (text, fill->offset, fill->length);
      g_string_insert (text, fill->offset, fill->text);
      g_free (fill->text);
    }

  if ((status = spec_status_replace (text->str, text->len, "Draft")) != NULL)
    return g_steal_pointer (&status);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
