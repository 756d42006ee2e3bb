/* spec-block-fingerprint.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-block-fingerprint.h"

#define FNV_PRIME  1099511628211ull

/* A simple hash is fast enough: for large documents this runs on a worker
 * thread. */
guint64
spec_fnv_hash (guint64     hash,
               const char *bytes,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    hash = (hash ^ (guchar) bytes[i]) * FNV_PRIME;

  return hash;
}

/* A separator after each part, so that "ab" + "" and "a" + "b" differ. */
static guint64
hash_part (guint64     hash,
           const char *text)
{
  if (text != NULL)
    hash = spec_fnv_hash (hash, text, strlen (text));

  return spec_fnv_hash (hash, "\x1e", 1);
}

/**
 * spec_block_fingerprint:
 * @node: a top-level block of a parsed document
 * @source: the lines @node was parsed from
 * @source_len: their length in bytes
 * @footnote_number: for a footnote definition, its number; otherwise 0
 * @shows_images: (out): set to whether the block shows images, which are
 *   files beside the document
 *
 * A block shows its own source lines, and what cmark-gfm resolved for it
 * from the rest of the document: the targets of reference links and
 * images, the numbers of footnote references, and for a footnote
 * definition its own number.  Two blocks with the same fingerprint (and
 * the same source) look the same wherever they are, so a view may keep
 * what it built for one to show the other.
 *
 * Returns: the fingerprint
 */
guint64
spec_block_fingerprint (cmark_node *node,
                        const char *source,
                        gsize       source_len,
                        guint       footnote_number,
                        gboolean   *shows_images)
{
  guint64 hash = spec_fnv_hash (SPEC_FNV_OFFSET, source, source_len);
  cmark_iter *iter;
  cmark_event_type event;

  g_return_val_if_fail (node != NULL, 0);
  g_return_val_if_fail (shows_images != NULL, 0);

  *shows_images = FALSE;

  if (footnote_number > 0)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", footnote_number);
      hash = hash_part (hash, number);
    }

  /* Links, images and footnote references are all written with brackets:
   * most blocks have none and need no walk. */
  if (memchr (source, '[', source_len) == NULL)
    return hash;

  iter = cmark_iter_new (node);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *child = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_IMAGE:
          *shows_images = TRUE;
          G_GNUC_FALLTHROUGH;
        case CMARK_NODE_LINK:
          hash = hash_part (hash, cmark_node_get_url (child));
          hash = hash_part (hash, cmark_node_get_title (child));
          break;

        case CMARK_NODE_FOOTNOTE_REFERENCE:
          /* cmark-gfm stores the reference's number as its literal */
          hash = hash_part (hash, cmark_node_get_literal (child));
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  return hash;
}
