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

  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (query, "%s\"%s\"%s", i > 0 ? " " : "",
                            (char *) g_ptr_array_index (words, i),
                            i + 1 == words->len ? " *" : "");

  return g_string_free (g_steal_pointer (&query), FALSE);
}

void
spec_search_hit_free (SpecSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/**
 * spec_library_search:
 * @text: what the user typed
 * @limit: at most this many hits
 *
 * Returns: (element-type SpecSearchHit): the specs not in the trash whose
 *   title or text hold every word of @text (the last as a prefix), best
 *   first: title matches weigh more
 */
GPtrArray *
spec_library_search (SpecLibrary  *self,
                     const char   *text,
                     guint         limit,
                     GError      **error)
{
  g_autofree char *query = spec_library_search_query (text);
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) spec_search_hit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPEC_IS_LIBRARY (self), NULL);

  if (query == NULL)
    return hits;

  stmt = _spec_library_prepare (self,
                                "SELECT specs.id, specs.title, "
                                "       snippet (specs_fts, 1, '" SPEC_SEARCH_MARK_START "', '"
                                SPEC_SEARCH_MARK_END "', '…', 12), "
                                "       bm25 (specs_fts, 5.0, 1.0) "
                                "FROM specs_fts JOIN specs ON specs.id = specs_fts.rowid "
                                "WHERE specs_fts MATCH ?1 AND specs.trashed_at = 0 "
                                "ORDER BY bm25 (specs_fts, 5.0, 1.0) LIMIT ?2", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (hits);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, (guint) G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpecSearchHit *hit = g_new0 (SpecSearchHit, 1);

      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      hit->rank = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (hits);
      _spec_library_set_error (error, _spec_library_get_db (self), rc, _("Could not search the library"));
      return NULL;
    }

  return hits;
}
