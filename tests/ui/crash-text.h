/* crash-text.h: the text the crash test types, the same for a seed in
 * both of its processes
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Words and line ends, far more than can be typed before the kill. */
static inline char *
crash_text (guint32 seed)
{
  static const char * const words[] = {
    "spec", "latency", "the", "[PLACEHOLDER]", "must", "retry", "- [ ]", "users", "##", "within",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new ("\n# Typed before the crash\n\n");

  while (text->len < 8000)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, g_rand_int_range (rand, 0, 8) == 0 ? '\n' : ' ');
    }

  return g_string_free (text, FALSE);
}
