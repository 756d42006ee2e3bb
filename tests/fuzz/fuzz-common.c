/* fuzz-common.c: what the libFuzzer targets share
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-common.h"

#include <string.h>

char *
fuzz_editor_text (const uint8_t *data,
                  size_t         size,
                  gsize         *len)
{
  char *text = g_utf8_make_valid ((const char *) data, size);
  gsize n = strlen (text);

  /* g_utf8_make_valid() keeps NULs; strlen() above stopped at the first,
   * so replace them rather than lose what follows. */
  if (n < size && memchr (data, '\0', size) != NULL)
    {
      g_autofree char *copy = g_malloc (size);

      memcpy (copy, data, size);
      for (gsize i = 0; i < size; i++)
        if (copy[i] == '\0')
          copy[i] = ' ';
      g_free (text);
      text = g_utf8_make_valid (copy, size);
      n = strlen (text);
    }

  *len = n;
  return text;
}
