/* spec-section-match.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "spec-section-match.h"
#include "spec-title-match.h"

/* Template sections are paired with document sections by title (see
 * spec-title-match.c), each document section going to one template
 * section at most.  Specific titles choose first, so that a template
 * heading that is all slot ("[Section]") only takes what no named
 * heading wanted, and only at its own level.  The completeness report
 * (what is missing) and the template suggestion (how much of a template
 * a file has) both read this one pairing. */

typedef struct
{
  guint  index;        /* in the template's sections */
  char  *pattern;
  guint  specificity;
} Pattern;

static int
compare_specificity (gconstpointer a,
                     gconstpointer b)
{
  const Pattern *pa = a;
  const Pattern *pb = b;

  if (pa->specificity != pb->specificity)
    return pa->specificity < pb->specificity ? 1 : -1;

  return (pa->index > pb->index) - (pa->index < pb->index);
}

/**
 * spec_section_match:
 * @sections: (element-type SpecSection): the document's, in order
 * @template_sections: (element-type SpecSection): the template's
 * @match: (out caller-allocates) (array): one per template section: the
 *   index of its document section, or -1 when the document lacks it
 * @n_named: (out) (optional): how many template sections with a named
 *   title (not all slot) were found
 *
 * Returns: how many template sections were found
 */
guint
spec_section_match (GPtrArray *sections,
                    GPtrArray *template_sections,
                    gint      *match,
                    guint     *n_named)
{
  guint n_template = template_sections->len;
  g_autofree Pattern *patterns = g_new0 (Pattern, MAX (n_template, 1));
  g_autofree gboolean *claimed = g_new0 (gboolean, MAX (sections->len, 1));
  g_autoptr(GPtrArray) normalized = g_ptr_array_new_full (sections->len, g_free);
  guint found = 0;
  guint named = 0;

  for (guint d = 0; d < sections->len; d++)
    {
      const SpecSection *section = g_ptr_array_index (sections, d);

      g_ptr_array_add (normalized, spec_title_normalize (section->title, FALSE, NULL));
    }

  for (guint t = 0; t < n_template; t++)
    {
      const SpecSection *ts = g_ptr_array_index (template_sections, t);

      patterns[t].index = t;
      patterns[t].pattern = spec_title_normalize (ts->title, TRUE, NULL);
      patterns[t].specificity = spec_title_specificity (patterns[t].pattern);
      match[t] = -1;
    }

  qsort (patterns, n_template, sizeof *patterns, compare_specificity);

  for (guint k = 0; k < n_template; k++)
    {
      const SpecSection *ts = g_ptr_array_index (template_sections, patterns[k].index);

      for (guint d = 0; d < sections->len; d++)
        {
          const SpecSection *ds = g_ptr_array_index (sections, d);

          if (claimed[d])
            continue;
          if (patterns[k].specificity == 0 && ds->level != ts->level)
            continue;
          if (!spec_title_matches (patterns[k].pattern, g_ptr_array_index (normalized, d)))
            continue;

          claimed[d] = TRUE;
          match[patterns[k].index] = d;
          found++;
          named += patterns[k].specificity > 0;
          break;
        }
    }

  for (guint t = 0; t < n_template; t++)
    g_free (patterns[t].pattern);

  if (n_named != NULL)
    *n_named = named;

  return found;
}
