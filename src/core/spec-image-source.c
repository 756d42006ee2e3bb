/* spec-image-source.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An image reference is untrusted: a document must not make the editor
 * contact a server (a tracking pixel tells it who reads what), so the
 * target is classified from its text alone, before any GFile exists for
 * it.  Only local files are ever handed to GIO.
 */

#include "config.h"

#include <string.h>

#include "spec-image-source.h"

static gboolean
host_is_local (const char *host)
{
  return host == NULL || host[0] == '\0' || g_ascii_strcasecmp (host, "localhost") == 0;
}

/* A path written as a URL reference: "?query" and "#fragment" are not
 * part of the file name, and "%20" stands for a space. */
static char *
reference_to_path (const char *src)
{
  gsize len = strcspn (src, "?#");
  g_autofree char *path = g_strndup (src, len);
  char *decoded = g_uri_unescape_string (path, NULL);

  /* "100%.png" is not an escape: take the name as written */
  /* cppcheck-suppress memleak ; decoded is returned when not NULL */
  return decoded != NULL ? decoded : g_steal_pointer (&path);
}

/**
 * spec_image_source_resolve:
 * @src: (nullable): an image's target as written in the document
 * @base_file: (nullable): the document's file, or %NULL if unsaved
 * @file: (out) (optional) (transfer full): the local file, for
 *   %SPEC_IMAGE_SOURCE_LOCAL only
 *
 * Relative paths resolve against @base_file's folder; absolute paths and
 * `file:` URIs without a remote host stand for themselves.  Any other
 * scheme, "//host/..." and paths beside a document that is not local are
 * remote.  Does no I/O.
 *
 * Returns: where the image is
 */
SpecImageSourceKind
spec_image_source_resolve (const char  *src,
                           GFile       *base_file,
                           GFile      **file)
{
  g_autofree char *scheme = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), SPEC_IMAGE_SOURCE_INVALID);

  if (file != NULL)
    *file = NULL;

  if (src == NULL || src[0] == '\0')
    return SPEC_IMAGE_SOURCE_INVALID;

  scheme = g_uri_parse_scheme (src);

  if (scheme != NULL && g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autofree char *host = NULL;

      /* GIO would read file://server/x as the local /x */
      if (g_uri_split (src, G_URI_FLAGS_NON_DNS, NULL, NULL, &host, NULL, NULL, NULL, NULL, NULL) &&
          !host_is_local (host))
        return SPEC_IMAGE_SOURCE_REMOTE;

      path = g_filename_from_uri (src, NULL, NULL);
      if (path == NULL)
        return SPEC_IMAGE_SOURCE_INVALID;
    }
  else if (scheme != NULL || g_str_has_prefix (src, "//"))
    {
      /* http:, https:, data:, ftp:, smb:, "//cdn.example/x.png"... */
      return SPEC_IMAGE_SOURCE_REMOTE;
    }
  else
    {
      path = reference_to_path (src);
      if (path[0] == '\0')
        return SPEC_IMAGE_SOURCE_INVALID;
    }

  if (g_path_is_absolute (path))
    {
      if (file != NULL)
        *file = g_file_new_for_path (path);
      return SPEC_IMAGE_SOURCE_LOCAL;
    }

  if (base_file == NULL || (folder = g_file_get_parent (base_file)) == NULL)
    return SPEC_IMAGE_SOURCE_UNSAVED;

  /* A document opened from sftp: or smb: through GVfs: its neighbours
   * are on the server too. */
  if (!g_file_is_native (folder))
    return SPEC_IMAGE_SOURCE_REMOTE;

  if (file != NULL)
    *file = g_file_resolve_relative_path (folder, path);

  return SPEC_IMAGE_SOURCE_LOCAL;
}
