/* spec-anchor.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headings get the anchors GitHub gives them, so that a link written for
 * the rendered repository ("#error-handling") works in the preview too.
 */

#include "config.h"

#include <string.h>

#include "spec-anchor.h"

/* GitHub keeps letters, marks, digits and connector punctuation ('_'),
 * turns each space into '-', keeps '-' and drops everything else. */
static gboolean
unichar_is_kept (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;

    default:
      return c == '-';
    }
}

/**
 * spec_anchor_slugify:
 * @title: a heading's plain text, as in #SpecSection's title
 *
 * The anchor of a heading titled @title: lowercase, each space a '-',
 * every character but letters, digits, marks, '-' and '_' dropped.
 * "Error handling (v2)" gives "error-handling-v2", "Überblick" gives
 * "überblick".  Invalid UTF-8 is dropped too.
 *
 * Returns: (transfer full): the anchor, without '#'; empty if nothing is
 *   left of @title
 */
char *
spec_anchor_slugify (const char *title)
{
  g_autofree char *valid = NULL;
  g_autofree char *lower = NULL;
  GString *slug;

  g_return_val_if_fail (title != NULL, NULL);

  valid = g_utf8_make_valid (title, -1);
  lower = g_utf8_strdown (valid, -1);
  slug = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        g_string_append_c (slug, '-');
      else if (c != 0xFFFD && unichar_is_kept (c))
        g_string_append_unichar (slug, c);
    }

  return g_string_free (slug, FALSE);
}

/**
 * spec_anchor_list_for_sections:
 * @sections: (element-type SpecSection): a snapshot's sections, in
 *   document order
 *
 * Gives every section an anchor of its own, as GitHub does: the first
 * heading with a slug gets the slug, later ones "-1", "-2"... appended,
 * skipping any that another heading already has ("Setup", "Setup",
 * "Setup 1" give "setup", "setup-1", "setup-1-1").
 *
 * Returns: (transfer full): one anchor per section, in the same order,
 *   %NULL-terminated
 */
char **
spec_anchor_list_for_sections (GPtrArray *sections)
{
  /* slug → the last suffix handed out for it */
  g_autoptr(GHashTable) taken = NULL;
  GStrvBuilder *builder;
  char **anchors;

  g_return_val_if_fail (sections != NULL, NULL);

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder = g_strv_builder_new ();

  for (guint i = 0; i < sections->len; i++)
    {
      const SpecSection *section = g_ptr_array_index (sections, i);
      g_autofree char *slug = spec_anchor_slugify (section->title ? section->title : "");
      char *anchor = g_strdup (slug);

      while (g_hash_table_contains (taken, anchor))
        {
          guint suffix = GPOINTER_TO_UINT (g_hash_table_lookup (taken, slug)) + 1;

          g_hash_table_insert (taken, g_strdup (slug), GUINT_TO_POINTER (suffix));
          g_free (anchor);
          anchor = g_strdup_printf ("%s-%u", slug, suffix);
        }

      g_hash_table_insert (taken, g_strdup (anchor), GUINT_TO_POINTER (0));
      g_strv_builder_add (builder, anchor);
      g_free (anchor);
    }

  anchors = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return anchors;
}

/**
 * spec_anchor_find_section:
 * @sections: (element-type SpecSection): a snapshot's sections
 * @anchor: what follows '#' in a link, percent-encoded or not
 *
 * The section a link to "#@anchor" leads to.  Browsers compare anchors
 * exactly; GitHub also accepts them in any case, and so does this.
 *
 * Returns: (nullable): the section, or %NULL if no heading has @anchor
 */
const SpecSection *
spec_anchor_find_section (GPtrArray  *sections,
                          const char *anchor)
{
  g_auto(GStrv) anchors = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (sections != NULL, NULL);
  g_return_val_if_fail (anchor != NULL, NULL);

  /* "%C3%BCberblick" is how some tools write "überblick" */
  decoded = g_uri_unescape_string (anchor, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    {
      g_free (decoded);
      decoded = g_strdup (anchor);
    }

  if (decoded[0] == '\0' || !g_utf8_validate (decoded, -1, NULL))
    return NULL;

  anchors = spec_anchor_list_for_sections (sections);

  for (guint i = 0; anchors[i] != NULL; i++)
    {
      if (g_str_equal (anchors[i], decoded))
        return g_ptr_array_index (sections, i);
    }

  lower = g_utf8_strdown (decoded, -1);
  for (guint i = 0; anchors[i] != NULL; i++)
    {
      if (g_str_equal (anchors[i], lower))
        return g_ptr_array_index (sections, i);
    }

  return NULL;
}
