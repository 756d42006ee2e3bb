/* spec-library-search.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spec-library-private.h"
#include "spec-library-search.h"

/* What the user types is never FTS5 syntax: each word becomes a quoted
 * string, the last one a prefix (search as you type), all of them
 * required.  So '"', '*', "AND (" and the like are only words, and
 * nothing typed reaches the SQL but as a bound parameter. */

/**
 * spec_library_search_query:
 * @text: what the user typed
 *
 * Returns: (nullable): the FTS5 query for it, or %NULL if it has no words
 */
char *
spec_library_search_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text != NULL ? text : "";

  /* Words: runs of letters, digits and marks; the rest separates them. */
  while (*p != '\0')
    {
      GString *word = g_string_new (NULL);

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)) && !g_unichar_ismark (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
        {
          g_string_append_unichar (word, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      if (word->len > 0)
        g_ptr_array_add (words, g_string_free (word, FALSE));
      else
        g_string_free (word, TRUE);
    }

  if (words->len == 0)
    return NULL;

  /* The last word is a prefix, once it has two letters: a one-letter
   * prefix matches nearly everything, and has no index to be quick. */
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      g_string_append_printf (query, "%s\"%s\"%s", i > 0 ? " " : "", word,
                              i + 1 == words->len && g_utf8_strlen (word, -1) > 1 ? " *" : "");
    }

  return g_string_free (g_steal_pointer (&query), FALSE);
}

void
spec_search_hit_free (SpecSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->title);
  g_free (hit);
}

/* With more matches than this, ranking them all costs more than typing
 * allows (about 5 µs each): the titles are ranked, and the bodies that
 * match follow, newest first. */
#define RANK_ALL_MAX 500

static gboolean
has_hit (GPtrArray *hits,
         gint64     id)
{
  for (guint i = 0; i < hits->len; i++)
    if (((SpecSearchHit *) g_ptr_array_index (hits, i))->id == id)
      return TRUE;

  return FALSE;
}

/* Adds the hits @sql finds for @query, up to @limit in all, but for those
 * already there. */
static gboolean
collect_hits (SpecLibrary  *self,
              const char   *sql,
              const char   *query,
              guint         limit,
              GPtrArray    *hits,
              GError      **error)
{
  sqlite3_stmt *stmt = _spec_library_prepare (self, sql, error);
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, (guint) G_MAXINT));
  while (hits->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SpecSearchHit *hit;

      if (has_hit (hits, id))
        continue;

      hit = g_new0 (SpecSearchHit, 1);
      hit->id = id;
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->rank = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (hits, hit);
    }
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;   /* stopped at the limit */
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not search the library"));

  return TRUE;
}

static gint64
count_matches (SpecLibrary *self,
               const char  *query)
{
  sqlite3_stmt *stmt = _spec_library_prepare (self, "SELECT count(*) FROM specs_fts WHERE specs_fts MATCH ?1", NULL);
  gint64 n = G_MAXINT64;

  if (stmt == NULL)
    return n;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

#define SELECT_HITS \
  "SELECT specs.id, specs.title, specs_fts.rank " \
  "FROM specs_fts JOIN specs ON specs.id = specs_fts.rowid " \
  "WHERE specs_fts MATCH ?1 AND specs.trashed_at = 0 "

/**
 * spec_library_search:
 * @text: what the user typed
 * @limit: at most this many hits
 *
 * Returns: (element-type SpecSearchHit): the specs not in the trash whose
 *   title or text hold every word of @text (the last as a prefix), best
 *   first: ranked by relevance, title matches weighing more; with very
 *   many matches, those in the title ranked, then the newest.  Snippets
 *   are made by spec_library_search_snippet(), for the hits shown.
 */
GPtrArray *
spec_library_search (SpecLibrary  *self,
                     const char   *text,
                     guint         limit,
                     GError      **error)
{
  g_autofree char *query = spec_library_search_query (text);
  g_autofree char *title_query = NULL;
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_search_hit_free);

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  if (query == NULL || limit == 0)
    return hits;

  if (count_matches (self, query) <= RANK_ALL_MAX)
    {
      if (!collect_hits (self, SELECT_HITS "ORDER BY specs_fts.rank LIMIT ?2", query, limit, hits, error))
        g_clear_pointer (&hits, g_ptr_array_unref);
      return hits;
    }

  title_query = g_strdup_printf ("title : (%s)", query);
  if (!collect_hits (self, SELECT_HITS "ORDER BY specs_fts.rank LIMIT ?2", title_query, limit, hits, error) ||
      !collect_hits (self, SELECT_HITS "ORDER BY specs_fts.rowid DESC LIMIT ?2", query, limit, hits, error))
    g_clear_pointer (&hits, g_ptr_array_unref);

  return hits;
}

/**
 * spec_library_search_snippet:
 *
 * Returns: (nullable): a line of spec @id's text around what @text
 *   matches, the matches between %SPEC_SEARCH_MARK_START and
 *   %SPEC_SEARCH_MARK_END; made for one hit at a time, as it is shown
 */
char *
spec_library_search_snippet (SpecLibrary *self,
                             const char  *text,
                             gint64       id)
{
  g_autofree char *query = spec_library_search_query (text);
  sqlite3_stmt *stmt;
  char *snippet = NULL;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  if (query == NULL)
    return NULL;

  stmt = _spec_library_prepare (self,
                                "SELECT snippet (specs_fts, 1, '" SPEC_SEARCH_MARK_START "', '"
                                SPEC_SEARCH_MARK_END "', '…', 12) "
                                "FROM specs_fts WHERE specs_fts MATCH ?1 AND rowid = ?2", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return snippet;
}
