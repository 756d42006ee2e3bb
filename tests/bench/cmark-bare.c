/* cmark-bare.c: cmark-gfm's bare parse, the floor for specwright-check
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   cmark-bare FILE…
 *
 * Reads each file and parses it as Specwright's parser does (the same
 * options, the same extensions attached: see src/core/spec-markdown.c),
 * then frees the tree.  It prints nothing: what is left is the cost of
 * starting a process, reading the files and parsing them, which no
 * checker built on cmark-gfm can go below.  bench-check and
 * build-aux/callgrind.sh set specwright-check against it.
 *
 * Deliberately not linked with the core, so that it cannot pick up any
 * of Specwright's own work: the options and extensions are repeated here
 * and must follow spec-markdown.c/h.
 */

#include <stdio.h>

#include <glib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* As SPEC_MARKDOWN_OPTIONS in src/core/spec-markdown.h. */
#define BARE_OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)

static const char * const extension_names[] = {
  "table", "tasklist", "strikethrough", "autolink",
};

static gboolean
parse_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cmark_parser *parser;
  cmark_node *document;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "cmark-bare: %s\n", error->message);
      return FALSE;
    }

  /* A parser per file, as specwright-check builds a snapshot per file. */
  parser = cmark_parser_new (BARE_OPTIONS);

  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extension_names[i]);

      if (ext == NULL)
        {
          fprintf (stderr, "cmark-bare: no “%s” extension in cmark-gfm\n", extension_names[i]);
          cmark_parser_free (parser);
          return FALSE;
        }
      cmark_parser_attach_syntax_extension (parser, ext);
    }

  cmark_parser_feed (parser, contents, length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  cmark_node_free (document);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean ok = TRUE;

  if (argc < 2)
    {
      fprintf (stderr, "usage: cmark-bare FILE…\n");
      return 2;
    }

  cmark_gfm_core_extensions_ensure_registered ();

  for (int i = 1; i < argc; i++)
    ok = parse_file (argv[i]) && ok;

  return ok ? 0 : 2;
}
