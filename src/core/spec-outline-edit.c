/* spec-outline-edit.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spec-outline-edit.h"

/* Each operation returns the text edits that carry it out, sorted from the
 * last offset to the first, so that applying them in order leaves the
 * offsets of those still to come valid.  The app applies them to the
 * editor's buffer as one user action, so one undo reverts it.
 *
 * A section is its heading and everything up to the next heading of its
 * level or above (spec-outline.c): moving or deleting one takes its
 * subsections along.  Only heading lines change level; every other byte
 * moves as it is.  Where two pieces of text come to touch, a line break is
 * added if the first does not end with one, and a blank line if the second
 * starts with a setext heading (its title line would otherwise continue
 * the paragraph before it): in the line ending the text already uses. */

G_DEFINE_QUARK (spec-outline-edit-error-quark, spec_outline_edit_error)

typedef struct
{
  SpecSnapshot        *snapshot;
  const char          *text;
  gsize                len;
  const SpecLineIndex *lines;
  GPtrArray           *sections;
  const char          *newline;
} Doc;

static void
doc_init (Doc          *doc,
          SpecSnapshot *snapshot)
{
  const char *lf;

  doc->snapshot = snapshot;
  doc->text = spec_snapshot_get_text (snapshot, &doc->len);
  doc->lines = spec_snapshot_get_line_index (snapshot);
  doc->sections = spec_snapshot_get_sections (snapshot);

  lf = memchr (doc->text, '\n', doc->len);
  doc->newline = (lf != NULL && lf > doc->text && lf[-1] == '\r') ? "\r\n" : "\n";
}

static const SpecSection *
doc_section (const Doc *doc,
             guint      index)
{
  return g_ptr_array_index (doc->sections, index);
}

static void
text_edit_free (gpointer data)
{
  SpecTextEdit *edit = data;

  g_free (edit->inserted);
  g_free (edit);
}

static GPtrArray *
edits_new (void)
{
  return g_ptr_array_new_with_free_func (text_edit_free);
}

/**
 * spec_text_edits_new:
 *
 * Returns: (transfer full) (element-type SpecTextEdit): an empty list of
 *   edits, for spec_text_edits_add()
 */
GPtrArray *
spec_text_edits_new (void)
{
  return edits_new ();
}

static void
edits_add (GPtrArray  *edits,
           gsize       offset,
           gsize       removed,
           char       *inserted)
{
  SpecTextEdit *edit = g_new0 (SpecTextEdit, 1);

  edit->offset = offset;
  edit->removed = removed;
  edit->inserted = inserted != NULL ? inserted : g_strdup ("");
  g_ptr_array_add (edits, edit);
}

static int
compare_edits_descending (gconstpointer a,
                          gconstpointer b)
{
  const SpecTextEdit *x = *(const SpecTextEdit * const *) a;
  const SpecTextEdit *y = *(const SpecTextEdit * const *) b;

  return (x->offset < y->offset) - (x->offset > y->offset);
}

/**
 * spec_text_edits_add:
 * @inserted: (transfer full) (nullable): the new text
 *
 * Adds an edit, keeping the list from the last offset to the first, as
 * spec_text_edits_apply() and the document take it.
 */
void
spec_text_edits_add (GPtrArray *edits,
                     gsize      offset,
                     gsize      removed,
                     char      *inserted)
{
  edits_add (edits, offset, removed, inserted);
  g_ptr_array_sort (edits, compare_edits_descending);
}

/* The index of the last section inside section @index: its subsections
 * follow it in document order. */
static guint
subtree_end (const Doc *doc,
             guint      index)
{
  const SpecSection *section = doc_section (doc, index);
  guint last = index;

  while (last + 1 < doc->sections->len &&
         doc_section (doc, last + 1)->start_offset < section->end_offset)
    last++;

  return last;
}

static gboolean
is_setext (const SpecSection *section)
{
  return section->heading_end_line > section->heading_line;
}

/* The section starting at @offset, if any. */
static const SpecSection *
section_starting_at (const Doc *doc,
                     gsize      offset)
{
  for (guint i = 0; i < doc->sections->len; i++)
    if (doc_section (doc, i)->start_offset == offset)
      return doc_section (doc, i);

  return NULL;
}

/* Whether @text's last line (the one before its final line break) is
 * blank, or there is none. */
static gboolean
ends_with_blank_line (const char *text,
                      gsize       len)
{
  gsize i = len;

  if (i == 0)
    return TRUE;
  if (text[i - 1] != '\n')
    return FALSE;
  i--;
  if (i > 0 && text[i - 1] == '\r')
    i--;

  while (i > 0 && text[i - 1] != '\n')
    {
      if (!g_ascii_isspace (text[i - 1]))
        return FALSE;
      i--;
    }

  return TRUE;
}

/* What goes between @left (the text before a joint) and a piece starting
 * with a setext heading or not (@right_setext), if anything follows. */
static void
append_joint (GString    *out,
              const Doc  *doc,
              const char *left,
              gsize       left_len,
              gboolean    right_exists,
              gboolean    right_setext)
{
  if (left_len == 0 || !right_exists)
    return;

  if (left[left_len - 1] != '\n')
    {
      g_string_append (out, doc->newline);
      if (right_setext)
        g_string_append (out, doc->newline);
      return;
    }

  if (right_setext && !ends_with_blank_line (left, left_len))
    g_string_append (out, doc->newline);
}

/* Length of a line's text, without its line ending. */
static gsize
line_text_end (const Doc *doc,
               guint      line)
{
  gsize end = spec_line_index_line_end (doc->lines, line);
  gsize start = spec_line_index_line_start (doc->lines, line);

  if (end > start && doc->text[end - 1] == '\n')
    end--;
  if (end > start && doc->text[end - 1] == '\r')
    end--;

  return end;
}

static gsize
skip_indent (const char *text,
             gsize       offset,
             gsize       end)
{
  for (guint i = 0; i < 3 && offset < end && text[offset] == ' '; i++)
    offset++;

  return offset;
}

/* The edit that gives @section's heading @level, if it changes. */
static void
add_level_edit (const Doc         *doc,
                GPtrArray         *edits,
                const SpecSection *section,
                guint              level)
{
  if (level == section->level)
    return;

  if (!is_setext (section))
    {
      gsize end = line_text_end (doc, section->heading_line);
      gsize hashes = skip_indent (doc->text, section->start_offset, end);
      gsize n = 0;

      while (hashes + n < end && doc->text[hashes + n] == '#')
        n++;
      edits_add (edits, hashes, n, g_strnfill (level, '#'));
      return;
    }

  if (level <= 2)
    {
      /* The underline changes character. */
      gsize start = spec_line_index_line_start (doc->lines, section->heading_end_line);
      gsize end = line_text_end (doc, section->heading_end_line);
      gsize run = skip_indent (doc->text, start, end);
      gsize n = 0;

      while (run + n < end && doc->text[run + n] == doc->text[run])
        n++;
      edits_add (edits, run, n, g_strnfill (n, level == 1 ? '=' : '-'));
      return;
    }

  /* No setext heading below level 2: an ATX one with the same text, its
   * lines joined. */
  {
    GString *atx = g_string_new (NULL);

    for (guint i = 0; i < level; i++)
      g_string_append_c (atx, '#');
    for (guint line = section->heading_line; line < section->heading_end_line; line++)
      {
        gsize start = spec_line_index_line_start (doc->lines, line);
        g_autofree char *content = g_strndup (doc->text + start, line_text_end (doc, line) - start);

        g_strstrip (content);
        if (*content != '\0')
          g_string_append_printf (atx, " %s", content);
      }

    edits_add (edits, section->start_offset,
               line_text_end (doc, section->heading_end_line) - section->start_offset,
               g_string_free (atx, FALSE));
  }
}

/* Checks that every heading of section @index's subtree stays within
 * levels 1 to 6 when shifted by @delta. */
static gboolean
check_levels (const Doc  *doc,
              guint       index,
              int         delta,
              GError    **error)
{
  guint last = subtree_end (doc, index);

  for (guint i = index; i <= last; i++)
    {
      int level = (int) doc_section (doc, i)->level + delta;

      if (level < 1)
        {
          g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_LEVEL,
                       _("“%s” is already at the top level"), doc_section (doc, i)->title);
          return FALSE;
        }
      if (level > 6)
        {
          g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_LEVEL,
                       _("“%s” is already at the deepest level, 6"), doc_section (doc, i)->title);
          return FALSE;
        }
    }

  return TRUE;
}

/* The edits shifting section @index's subtree by @delta levels. */
static GPtrArray *
level_edits (const Doc *doc,
             guint      index,
             int        delta)
{
  GPtrArray *edits = edits_new ();
  guint last = subtree_end (doc, index);

  for (guint i = index; i <= last; i++)
    add_level_edit (doc, edits, doc_section (doc, i), (guint) ((int) doc_section (doc, i)->level + delta));
  g_ptr_array_sort (edits, compare_edits_descending);

  return edits;
}

/* Section @index's text, its subtree shifted by @delta levels. */
static char *
section_text (const Doc *doc,
              guint      index,
              int        delta,
              gsize     *len)
{
  const SpecSection *section = doc_section (doc, index);
  g_autoptr(GPtrArray) edits = level_edits (doc, index, delta);
  const char *start = doc->text + section->start_offset;
  gsize section_len = section->end_offset - section->start_offset;

  /* The edits' offsets are the document's: make them the section's. */
  for (guint i = 0; i < edits->len; i++)
    ((SpecTextEdit *) g_ptr_array_index (edits, i))->offset -= section->start_offset;

  return spec_text_edits_apply (start, section_len, edits, len, NULL);
}

/* The piece @body inserted at @offset, with what joins it to the text on
 * either side. */
static char *
joined_piece (const Doc  *doc,
              gsize       offset,
              const char *body,
              gsize       body_len,
              gboolean    body_setext)
{
  const SpecSection *right = section_starting_at (doc, offset);
  GString *piece = g_string_new (NULL);

  append_joint (piece, doc, doc->text, offset, body_len > 0, body_setext);
  g_string_append_len (piece, body, body_len);
  append_joint (piece, doc, body, body_len, offset < doc->len, right != NULL && is_setext (right));

  return g_string_free (piece, FALSE);
}

/* The edit taking section @index out, joining what was on either side. */
static void
add_removal (const Doc *doc,
             GPtrArray *edits,
             guint      index)
{
  const SpecSection *section = doc_section (doc, index);
  const SpecSection *right = section_starting_at (doc, section->end_offset);
  GString *joint = g_string_new (NULL);

  append_joint (joint, doc, doc->text, section->start_offset,
                section->end_offset < doc->len, right != NULL && is_setext (right));
  edits_add (edits, section->start_offset, section->end_offset - section->start_offset,
             g_string_free (joint, FALSE));
}

/**
 * spec_outline_edit_move:
 * @index: the section to move, in spec_snapshot_get_sections() order
 * @dest_offset: where it goes: the start of a section, or the end of the
 *   text
 * @level: the level its heading takes; its subsections follow
 *
 * Returns: (transfer full) (element-type SpecTextEdit): the edits, or
 *   %NULL with @error set
 */
GPtrArray *
spec_outline_edit_move (SpecSnapshot  *snapshot,
                        guint          index,
                        gsize          dest_offset,
                        guint          level,
                        GError       **error)
{
  Doc doc;
  const SpecSection *section;
  GPtrArray *edits;
  g_autofree char *body = NULL;
  gsize body_len;
  int delta;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  doc_init (&doc, snapshot);
  g_return_val_if_fail (index < doc.sections->len, NULL);
  g_return_val_if_fail (dest_offset <= doc.len, NULL);

  section = doc_section (&doc, index);
  delta = (int) level - (int) section->level;

  if (dest_offset > section->start_offset && dest_offset < section->end_offset)
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,
                   _("A section cannot move into itself"));
      return NULL;
    }
  if (dest_offset != doc.len && section_starting_at (&doc, dest_offset) == NULL)
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,
                   _("A section can only go before another one or at the end"));
      return NULL;
    }
  if (!check_levels (&doc, index, delta, error))
    return NULL;

  /* Where it is already: only its level changes. */
  if (dest_offset == section->start_offset || dest_offset == section->end_offset)
    {
      if (delta == 0)
        {
          g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,
                       _("“%s” is already there"), section->title);
          return NULL;
        }
      return level_edits (&doc, index, delta);
    }

  body = section_text (&doc, index, delta, &body_len);
  edits = edits_new ();
  add_removal (&doc, edits, index);
  edits_add (edits, dest_offset, 0,
             joined_piece (&doc, dest_offset, body, body_len, is_setext (section) && level <= 2));
  g_ptr_array_sort (edits, compare_edits_descending);

  return edits;
}

/* The sections sharing @section's parent, in order. */
static GPtrArray *
siblings (SpecSnapshot      *snapshot,
          const SpecSection *section)
{
  return section->parent != NULL ? section->parent->children : spec_snapshot_get_outline (snapshot);
}

static guint
sibling_position (GPtrArray         *siblings,
                  const SpecSection *section)
{
  guint position = 0;

  g_ptr_array_find (siblings, section, &position);

  return position;
}

/**
 * spec_outline_edit_move_up:
 *
 * Moves section @index before the previous section of its parent.
 */
GPtrArray *
spec_outline_edit_move_up (SpecSnapshot  *snapshot,
                           guint          index,
                           GError       **error)
{
  const SpecSection *section;
  GPtrArray *around;
  guint position;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (index < spec_snapshot_get_sections (snapshot)->len, NULL);

  section = g_ptr_array_index (spec_snapshot_get_sections (snapshot), index);
  around = siblings (snapshot, section);
  position = sibling_position (around, section);

  if (position == 0)
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,
                   _("“%s” is already the first of its level"), section->title);
      return NULL;
    }

  return spec_outline_edit_move (snapshot, index,
                                 ((SpecSection *) g_ptr_array_index (around, position - 1))->start_offset,
                                 section->level, error);
}

/**
 * spec_outline_edit_move_down:
 *
 * Moves section @index after the next section of its parent.
 */
GPtrArray *
spec_outline_edit_move_down (SpecSnapshot  *snapshot,
                             guint          index,
                             GError       **error)
{
  const SpecSection *section;
  GPtrArray *around;
  guint position;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (index < spec_snapshot_get_sections (snapshot)->len, NULL);

  section = g_ptr_array_index (spec_snapshot_get_sections (snapshot), index);
  around = siblings (snapshot, section);
  position = sibling_position (around, section);

  if (position + 1 >= around->len)
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_NO_PLACE,
                   _("“%s” is already the last of its level"), section->title);
      return NULL;
    }

  return spec_outline_edit_move (snapshot, index,
                                 ((SpecSection *) g_ptr_array_index (around, position + 1))->end_offset,
                                 section->level, error);
}

/**
 * spec_outline_edit_shift:
 * @delta: -1 to promote (a level up, "##" to "#"), 1 to demote
 *
 * Changes the level of section @index and of all its subsections.
 */
GPtrArray *
spec_outline_edit_shift (SpecSnapshot  *snapshot,
                         guint          index,
                         int            delta,
                         GError       **error)
{
  Doc doc;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  doc_init (&doc, snapshot);
  g_return_val_if_fail (index < doc.sections->len, NULL);

  if (!check_levels (&doc, index, delta, error))
    return NULL;

  return level_edits (&doc, index, delta);
}

/**
 * spec_outline_edit_delete:
 *
 * Removes section @index with all its subsections.
 */
GPtrArray *
spec_outline_edit_delete (SpecSnapshot *snapshot,
                          guint         index)
{
  Doc doc;
  GPtrArray *edits;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  doc_init (&doc, snapshot);
  g_return_val_if_fail (index < doc.sections->len, NULL);

  edits = edits_new ();
  add_removal (&doc, edits, index);

  return edits;
}

/**
 * spec_outline_edit_duplicate:
 *
 * Inserts a copy of section @index, subsections included, right after it.
 */
GPtrArray *
spec_outline_edit_duplicate (SpecSnapshot *snapshot,
                             guint         index)
{
  Doc doc;
  const SpecSection *section;
  GPtrArray *edits;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  doc_init (&doc, snapshot);
  g_return_val_if_fail (index < doc.sections->len, NULL);

  section = doc_section (&doc, index);
  edits = edits_new ();
  edits_add (edits, section->end_offset, 0,
             joined_piece (&doc, section->end_offset, doc.text + section->start_offset,
                           section->end_offset - section->start_offset, is_setext (section)));

  return edits;
}

static gboolean
check_title (const char  *title,
             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title));

  if (*stripped == '\0' || strpbrk (title, "\r\n") != NULL)
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_TITLE,
                   *stripped == '\0' ? _("A heading needs a title")
                                     : _("A heading’s title is one line"));
      return FALSE;
    }

  return TRUE;
}

/* The edits putting a new "## Title" heading at @offset, with a blank
 * line before it and after it, as headings are usually set. */
static GPtrArray *
new_heading_edits (const Doc  *doc,
                   gsize       offset,
                   guint       level,
                   const char *title)
{
  g_autofree char *hashes = g_strnfill (CLAMP (level, 1, 6), '#');
  g_autofree char *body = g_strdup_printf ("%s%s %s%s%s",
                                           ends_with_blank_line (doc->text, offset) ? "" : doc->newline,
                                           hashes, title, doc->newline,
                                           offset < doc->len ? doc->newline : "");
  GPtrArray *edits = edits_new ();

  edits_add (edits, offset, 0, joined_piece (doc, offset, body, strlen (body), FALSE));

  return edits;
}

/**
 * spec_outline_edit_add_subsection:
 * @title: the new heading's text
 *
 * Adds a heading one level below section @index's, as its last
 * subsection.
 */
GPtrArray *
spec_outline_edit_add_subsection (SpecSnapshot  *snapshot,
                                  guint          index,
                                  const char    *title,
                                  GError       **error)
{
  Doc doc;
  const SpecSection *section;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  doc_init (&doc, snapshot);
  g_return_val_if_fail (index < doc.sections->len, NULL);

  section = doc_section (&doc, index);
  if (section->level >= 6)
    {
      g_set_error (error, SPEC_OUTLINE_EDIT_ERROR, SPEC_OUTLINE_EDIT_ERROR_LEVEL,
                   _("“%s” is at the deepest level, 6: it cannot have subsections"), section->title);
      return NULL;
    }
  if (!check_title (title, error))
    return NULL;

  stripped = g_strstrip (g_strdup (title));

  return new_heading_edits (&doc, section->end_offset, section->level + 1, stripped);
}

/* Where a missing section goes: after the section it follows in the
 * template, as its first subsection or its next sibling. */
static gsize
missing_offset (const Doc                *doc,
                const SpecMissingSection *missing)
{
  const SpecSection *after = missing->after;

  if (after == NULL)
    return doc->sections->len > 0 ? doc_section (doc, 0)->start_offset : doc->len;
  if (missing->level > after->level)
    return spec_line_index_line_start (doc->lines, after->body_end_line + 1);

  return after->end_offset;
}

/**
 * spec_outline_edit_add_missing:
 * @missing_index: one of the report's template sections the document
 *   lacks (spec_snapshot_get_report()->missing)
 *
 * Adds its heading where it belongs: after the section the report places
 * it after, before that section's own subsections if it is one of them,
 * else after them; before the first heading if it comes first.
 */
GPtrArray *
spec_outline_edit_add_missing (SpecSnapshot  *snapshot,
                               guint          missing_index,
                               GError       **error)
{
  const SpecReport *report;
  const SpecMissingSection *missing;
  Doc doc;
  gsize offset;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  report = spec_snapshot_get_report (snapshot);
  g_return_val_if_fail (missing_index < report->missing->len, NULL);

  doc_init (&doc, snapshot);
  missing = &g_array_index (report->missing, SpecMissingSection, missing_index);
  offset = missing_offset (&doc, missing);

  return new_heading_edits (&doc, offset, missing->level, missing->title);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* The template's text of @section: its heading and its own body, up to
 * its first subsection, without the blank lines at its end. */
static char *
template_piece (SpecSnapshot      *template_snapshot,
                const SpecSection *section)
{
  gsize len;
  const char *text = spec_snapshot_get_text (template_snapshot, &len);
  const SpecLineIndex *lines = spec_snapshot_get_line_index (template_snapshot);
  gsize end = section->children != NULL && section->children->len > 0
              ? ((SpecSection *) g_ptr_array_index (section->children, 0))->start_offset
              : section->end_offset;

  if (section->body_end_line < spec_snapshot_get_n_lines (template_snapshot))
    end = MIN (end, spec_line_index_line_start (lines, section->body_end_line + 1));
  while (end > section->start_offset && (text[end - 1] == '\n' || text[end - 1] == '\r'))
    end--;

  return g_strndup (text + section->start_offset, end - section->start_offset);
}

/**
 * spec_outline_edit_insert_missing:
 * @report: (nullable): @snapshot's text checked against @template_snapshot
 *   (from spec_snapshot_check_against()), or %NULL for @snapshot's own
 *   report, when that template is the one it is checked against
 * @template_snapshot: the template
 *
 * "Insert Missing Sections": every section of the template the document
 * lacks, with the template's own text for it, each where the template
 * has it; sections missing in the same place come in the template's
 * order.
 *
 * Returns: (transfer full) (element-type SpecTextEdit): the edits, from
 *   the last offset to the first (none if nothing is missing)
 */
GPtrArray *
spec_outline_edit_insert_missing (SpecSnapshot     *snapshot,
                                  const SpecReport *report,
                                  SpecSnapshot     *template_snapshot)
{
  GPtrArray *template_sections;
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (string_free);
  GPtrArray *edits = edits_new ();
  Doc doc;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (template_snapshot), NULL);

  doc_init (&doc, snapshot);
  if (report == NULL)
    report = spec_snapshot_get_report (snapshot);
  template_sections = spec_snapshot_get_sections (template_snapshot);

  /* One piece per place, the sections going there in template order. */
  for (guint i = 0; i < report->missing->len; i++)
    {
      const SpecMissingSection *missing = &g_array_index (report->missing, SpecMissingSection, i);
      const SpecSection *section = NULL;
      g_autofree char *text = NULL;
      gsize offset = missing_offset (&doc, missing);
      GString *piece = NULL;

      for (guint t = 0; t < template_sections->len && section == NULL; t++)
        if (((SpecSection *) g_ptr_array_index (template_sections, t))->heading_line == missing->template_line)
          section = g_ptr_array_index (template_sections, t);
      if (section == NULL)
        continue;

      for (guint p = 0; p < offsets->len && piece == NULL; p++)
        if (g_array_index (offsets, gsize, p) == offset)
          piece = g_ptr_array_index (pieces, p);
      if (piece == NULL)
        {
          piece = g_string_new (NULL);
          g_array_append_val (offsets, offset);
          g_ptr_array_add (pieces, piece);
        }
      else
        {
          g_string_append (piece, doc.newline);
          g_string_append (piece, doc.newline);
        }

      text = template_piece (template_snapshot, section);
      g_string_append (piece, text);
    }

  for (guint p = 0; p < pieces->len; p++)
    {
      GString *piece = g_ptr_array_index (pieces, p);
      gsize offset = g_array_index (offsets, gsize, p);
      g_autoptr(GString) body = g_string_new (ends_with_blank_line (doc.text, offset) ? "" : doc.newline);

      g_string_append_len (body, piece->str, piece->len);
      g_string_append (body, doc.newline);
      if (offset < doc.len)
        g_string_append (body, doc.newline);
      edits_add (edits, offset, 0, joined_piece (&doc, offset, body->str, body->len, FALSE));
    }
  g_ptr_array_sort (edits, compare_edits_descending);

  return edits;
}

/**
 * spec_outline_edit_rename:
 * @title: the heading's new text, on one line
 *
 * Replaces the text of section @index's heading; its level, its closing
 * hashes and everything else stay.
 */
GPtrArray *
spec_outline_edit_rename (SpecSnapshot  *snapshot,
                          guint          index,
                          const char    *title,
                          GError       **error)
{
  Doc doc;
  const SpecSection *section;
  GPtrArray *edits;
  gsize start, end;

  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  doc_init (&doc, snapshot);
  g_return_val_if_fail (index < doc.sections->len, NULL);

  if (!check_title (title, error))
    return NULL;

  section = doc_section (&doc, index);
  if (is_setext (section))
    {
      /* Its text lines, above the underline, become one. */
      end = line_text_end (&doc, section->heading_end_line - 1);
      start = skip_indent (doc.text, section->start_offset, end);
    }
  else
    {
      end = line_text_end (&doc, section->heading_line);
      start = skip_indent (doc.text, section->start_offset, end);
      while (start < end && doc.text[start] == '#')
        start++;
      while (start < end && (doc.text[start] == ' ' || doc.text[start] == '\t'))
        start++;

      /* Trailing blanks, and a closing sequence of hashes after a blank. */
      while (end > start && (doc.text[end - 1] == ' ' || doc.text[end - 1] == '\t'))
        end--;
      {
        gsize hashes = end;

        while (hashes > start && doc.text[hashes - 1] == '#')
          hashes--;
        if (hashes < end && (hashes == start || doc.text[hashes - 1] == ' ' || doc.text[hashes - 1] == '\t'))
          {
            end = hashes;
            while (end > start && (doc.text[end - 1] == ' ' || doc.text[end - 1] == '\t'))
              end--;
          }
      }
    }

  edits = edits_new ();
  edits_add (edits, start, end - start, g_strstrip (g_strdup (title)));

  return edits;
}

/**
 * spec_text_edits_apply:
 * @edits: (element-type SpecTextEdit): sorted from the last offset to the
 *   first, not overlapping
 * @inverse: (out) (optional) (element-type SpecTextEdit): the edits that
 *   turn the result back into @text, in the same order
 *
 * Returns: (transfer full): @text with @edits made
 */
char *
spec_text_edits_apply (const char  *text,
                       gsize        len,
                       GPtrArray   *edits,
                       gsize       *new_len,
                       GPtrArray  **inverse)
{
  GString *out = g_string_sized_new (len + 64);
  gsize done = 0;

  if (inverse != NULL)
    *inverse = edits_new ();

  /* From the first offset to the last. */
  for (guint i = edits->len; i-- > 0;)
    {
      const SpecTextEdit *edit = g_ptr_array_index (edits, i);

      g_return_val_if_fail (edit->offset >= done && edit->offset + edit->removed <= len, NULL);

      g_string_append_len (out, text + done, edit->offset - done);
      if (inverse != NULL)
        edits_add (*inverse, out->len, strlen (edit->inserted),
                   g_strndup (text + edit->offset, edit->removed));
      g_string_append (out, edit->inserted);
      done = edit->offset + edit->removed;
    }
  g_string_append_len (out, text + done, len - done);

  if (inverse != NULL)
    g_ptr_array_sort (*inverse, compare_edits_descending);
  if (new_len != NULL)
    *new_len = out->len;

  return g_string_free (out, FALSE);
}
