/* spec-report-words.c: what a completeness report says is left, in words
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spec-report-words.h"

/**
 * spec_report_dup_left_words:
 *
 * The document's placeholders and clarifications, and its empty sections
 * if any, as the progress indicator's tooltip and an HTML export's
 * appendix say them: "3 placeholders, 1 clarification, 2 empty sections".
 *
 * Returns: (transfer full): the words
 */
char *
spec_report_dup_left_words (const SpecReport *report)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u placeholder", "%u placeholders",
                                            report->n_placeholders),
                          report->n_placeholders);
  g_string_append (str, ", ");
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u clarification", "%u clarifications",
                                            report->n_clarifications),
                          report->n_clarifications);
  if (report->n_empty > 0)
    {
      g_string_append (str, ", ");
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u empty section", "%u empty sections",
                                                report->n_empty),
                              report->n_empty);
    }

  return g_string_free (str, FALSE);
}
