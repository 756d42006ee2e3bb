/* corpus-examples.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "corpus-examples.h"

#define EXAMPLE_FENCE "````````````````````````````````"

const CorpusFile corpus_files[CORPUS_N_FILES] = {
  { "commonmark-spec.txt", 600 },
  { "gfm-spec.txt", 600 },
  { "gfm-extensions.txt", 20 },
};

static void
corpus_example_free (gpointer data)
{
  CorpusExample *example = data;

  g_free (example->markdown);
  g_free (example);
}

/* The examples of the specification at @path, in order: each stands
 * between a line of 32 backticks followed by " example" and a line of 32
 * backticks, its Markdown before a line holding only ".", its HTML after.
 * Returns a GPtrArray of CorpusExample. */
GPtrArray *
corpus_examples_read (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *examples = g_ptr_array_new_with_free_func (corpus_example_free);
  g_autoptr(GString) input = NULL;
  gboolean in_input = FALSE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (input == NULL)
        {
          if (g_str_has_prefix (line, EXAMPLE_FENCE " example"))
            {
              input = g_string_new (NULL);
              in_input = TRUE;
            }
        }
      else if (g_str_equal (line, EXAMPLE_FENCE))
        {
          CorpusExample *example = g_new0 (CorpusExample, 1);

          g_string_replace (input, "→", "\t", 0);
          example->number = examples->len + 1;
          example->markdown = g_string_free (g_steal_pointer (&input), FALSE);
          g_ptr_array_add (examples, example);
        }
      else if (in_input && g_str_equal (line, "."))
        {
          in_input = FALSE;
        }
      else if (in_input)
        {
          g_string_append (input, line);
          g_string_append_c (input, '\n');
        }
    }

  g_assert_null (input);

  return examples;
}

/* The examples of @file, checked to be more than its minimum; NULL, with
 * the test skipped, when SPEC_CORPUS_DIR is not set. */
GPtrArray *
corpus_examples_load (const CorpusFile *file)
{
  const char *dir = g_getenv ("SPEC_CORPUS_DIR");
  g_autofree char *path = NULL;
  GPtrArray *examples;

  if (dir == NULL)
    {
      g_test_skip ("SPEC_CORPUS_DIR is not set");
      return NULL;
    }

  path = g_build_filename (dir, file->name, NULL);
  examples = corpus_examples_read (path);
  g_assert_cmpuint (examples->len, >, file->min_examples);
  g_test_message ("%s: %u examples", file->name, examples->len);

  return examples;
}
