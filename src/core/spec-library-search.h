/* spec-library-search.h: finding specs as one types
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spec-library.h"

G_BEGIN_DECLS

/* Around the matched words of a snippet. */
#define SPEC_SEARCH_MARK_START "\x01"
#define SPEC_SEARCH_MARK_END   "\x02"

typedef struct
{
  gint64  id;
  char   *title;
  double  rank;      /* lower is better, within one search */
} SpecSearchHit;

char      *spec_library_search_query (const char   *text);
GPtrArray *spec_library_search       (SpecLibrary  *self,
                                      const char   *text,
                                      guint         limit,
                                      GError      **error);
char      *spec_library_search_snippet (SpecLibrary *self,
                                        const char  *text,
                                        gint64       id);
void       spec_search_hit_free      (SpecSearchHit *hit);

G_END_DECLS
