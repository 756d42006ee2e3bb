/* spec-template-suggest.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-section-match.h"
#include "spec-template-suggest.h"
#include "spec-title-match.h"

/* A file opened from disk does not say which template it follows; its
 * headings do.  The overlap of a document and a template is the Dice
 * coefficient of their headings, 2 × found / (template's + document's),
 * counting only the template's named headings: one that is all slot
 * ("[Section]") would fit any heading and says nothing.  A spec written
 * from the template scores near 1, half written or with as many sections
 * again of its own about 0.67; a README that happens to have an
 * "Overview" and a "Testing" scores under 0.1.  Headings only: no slot
 * scanning, so asking every template is quick even for a large file. */

static guint
count_named (GPtrArray *sections)
{
  guint n = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *pattern = spec_title_normalize (((SpecSection *) g_ptr_array_index (sections, i))->title,
                                                       TRUE, NULL);

      n += spec_title_specificity (pattern) > 0;
    }

  return n;
}

/**
 * spec_template_overlap:
 *
 * Returns: from 0 (no heading in common) to 1 (the same headings)
 */
double
spec_template_overlap (SpecTemplate *template_,
                       SpecSnapshot *snapshot)
{
  GPtrArray *sections;
  GPtrArray *template_sections;
  g_autofree gint *match = NULL;
  guint n_template;
  guint named = 0;

  g_return_val_if_fail (SPEC_IS_TEMPLATE (template_), 0);
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), 0);

  sections = spec_snapshot_get_sections (snapshot);
  template_sections = spec_snapshot_get_sections (spec_template_get_snapshot (template_));
  n_template = count_named (template_sections);
  if (n_template + sections->len == 0)
    return 0;

  match = g_new (gint, MAX (template_sections->len, 1));
  spec_section_match (sections, template_sections, match, &named);

  return 2.0 * named / (n_template + sections->len);
}

/**
 * spec_template_suggest:
 * @templates: (element-type SpecTemplate): those to choose from
 * @overlap: (out) (optional): the chosen one's overlap
 *
 * Returns: (transfer none) (nullable): the template whose headings the
 *   document's overlap most, or %NULL when none reaches
 *   %SPEC_TEMPLATE_SUGGEST_MIN_OVERLAP
 */
SpecTemplate *
spec_template_suggest (GPtrArray    *templates,
                       SpecSnapshot *snapshot,
                       double       *overlap)
{
  SpecTemplate *best = NULL;
  double best_overlap = 0;

  g_return_val_if_fail (templates != NULL, NULL);
  g_return_val_if_fail (SPEC_IS_SNAPSHOT (snapshot), NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      SpecTemplate *template_ = g_ptr_array_index (templates, i);
      GPtrArray *template_sections = spec_snapshot_get_sections (spec_template_get_snapshot (template_));
      guint n_template = count_named (template_sections);
      guint n_sections = spec_snapshot_get_sections (snapshot)->len;
      double score;

      /* At best every named heading of the template matches: when even
       * that is too little (a document of 100 000 headings), the match,
       * which normalizes every title, is not worth making. */
      if (2.0 * n_template / MAX (n_template + n_sections, 1) < SPEC_TEMPLATE_SUGGEST_MIN_OVERLAP)
        continue;

      score = spec_template_overlap (template_, snapshot);

      if (score > best_overlap)
        {
          best = template_;
          best_overlap = score;
        }
    }

  if (best_overlap < SPEC_TEMPLATE_SUGGEST_MIN_OVERLAP)
    {
      best = NULL;
      best_overlap = 0;
    }
  if (overlap != NULL)
    *overlap = best_overlap;

  return best;
}
