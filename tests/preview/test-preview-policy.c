/* test-preview-policy.c: what links may open, where images may come from
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spec-image-source.h"
#include "spec-link-policy.h"

static void
test_link_kinds (void)
{
  static const struct
  {
    const char   *uri;
    SpecLinkKind  kind;
  } cases[] = {
    { "https://example.com/a?b#c", SPEC_LINK_EXTERNAL },
    { "http://example.com", SPEC_LINK_EXTERNAL },
    { "HTTPS://EXAMPLE.COM", SPEC_LINK_EXTERNAL },
    { "mailto:me@example.com", SPEC_LINK_EXTERNAL },
    { "#setup", SPEC_LINK_ANCHOR },
    { "#setup-1", SPEC_LINK_ANCHOR },
    { "#%C3%BCberblick", SPEC_LINK_ANCHOR },
    { "#", SPEC_LINK_REFUSE },
    { "javascript:alert(1)", SPEC_LINK_REFUSE },
    { "JavaScript:alert(1)", SPEC_LINK_REFUSE },
    { "file:///etc/passwd", SPEC_LINK_REFUSE },
    { "data:text/html,<script>x</script>", SPEC_LINK_REFUSE },
    { "ftp://example.com", SPEC_LINK_REFUSE },
    { "steam://run/1", SPEC_LINK_REFUSE },
    { "vbscript:x", SPEC_LINK_REFUSE },
    { "other.md", SPEC_LINK_REFUSE },
    { "other.md#setup", SPEC_LINK_REFUSE },
    { "/etc/passwd", SPEC_LINK_REFUSE },
    { "../x", SPEC_LINK_REFUSE },
    { "//example.com/x", SPEC_LINK_REFUSE },
    { "", SPEC_LINK_REFUSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("link '%s'", cases[i].uri);
      g_assert_cmpint (spec_link_policy_classify (cases[i].uri), ==, cases[i].kind);
    }

  g_assert_cmpint (spec_link_policy_classify (NULL), ==, SPEC_LINK_REFUSE);
}

static void
assert_local (const char *src,
              GFile      *base_file,
              const char *path)
{
  g_autoptr(GFile) file = NULL;

  g_test_message ("image '%s'", src);
  g_assert_cmpint (spec_image_source_resolve (src, base_file, &file), ==, SPEC_IMAGE_SOURCE_LOCAL);
  g_assert_nonnull (file);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
}

static void
assert_kind (const char          *src,
             GFile               *base_file,
             SpecImageSourceKind  kind)
{
  g_autoptr(GFile) file = NULL;

  g_test_message ("image '%s'", src);
  g_assert_cmpint (spec_image_source_resolve (src, base_file, &file), ==, kind);
  g_assert_null (file);
}

static void
test_image_sources (void)
{
  g_autoptr(GFile) base = g_file_new_for_path ("/home/u/specs/doc.md");
  g_autoptr(GFile) remote_base = g_file_new_for_uri ("sftp://host.invalid/specs/doc.md");

  /* beside the document, in its folder's terms */
  assert_local ("logo.png", base, "/home/u/specs/logo.png");
  assert_local ("img/logo.png", base, "/home/u/specs/img/logo.png");
  assert_local ("./img/logo.png", base, "/home/u/specs/img/logo.png");
  assert_local ("../shared/a.png", base, "/home/u/shared/a.png");
  assert_local ("my%20image.png", base, "/home/u/specs/my image.png");
  assert_local ("100%.png", base, "/home/u/specs/100%.png");
  assert_local ("a.png?raw=true", base, "/home/u/specs/a.png");
  assert_local ("a.png#frag", base, "/home/u/specs/a.png");

  /* absolute paths and file: URIs stand for themselves, saved or not */
  assert_local ("/dev/zero", base, "/dev/zero");
  assert_local ("/tmp/a.png", NULL, "/tmp/a.png");
  assert_local ("file:///tmp/a%20b.png", NULL, "/tmp/a b.png");
  assert_local ("file://localhost/tmp/a.png", NULL, "/tmp/a.png");

  /* a document never saved has no folder */
  assert_kind ("logo.png", NULL, SPEC_IMAGE_SOURCE_UNSAVED);

  /* anything that would go over the network */
  assert_kind ("http://127.0.0.1/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("https://example.com/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("HTTP://example.com/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("ftp://example.com/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("smb://server/share/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("data:image/png;base64,iVBOR", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("//cdn.example.com/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("file://server.example/tmp/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("file://127.0.0.1:8080/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("file://[::1]/a.png", base, SPEC_IMAGE_SOURCE_REMOTE);
  assert_kind ("logo.png", remote_base, SPEC_IMAGE_SOURCE_REMOTE);

  assert_kind ("", base, SPEC_IMAGE_SOURCE_INVALID);
  assert_kind ("?x", base, SPEC_IMAGE_SOURCE_INVALID);
  assert_kind (NULL, base, SPEC_IMAGE_SOURCE_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preview/policy/links", test_link_kinds);
  g_test_add_func ("/preview/policy/image-sources", test_image_sources);

  return g_test_run ();
}
