/* corpus-examples.h: the examples of the Markdown specifications
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;           /* the file's name in SPEC_CORPUS_DIR */
  guint       min_examples;   /* it holds more than this many */
} CorpusFile;

typedef struct
{
  guint  number;    /* as numbered in the specification, from 1 */
  char  *markdown;  /* the example's input, "→" turned into a tab */
} CorpusExample;

#define CORPUS_N_FILES 3

/* The CommonMark and GFM specifications and cmark-gfm's extension tests. */
extern const CorpusFile corpus_files[CORPUS_N_FILES];

GPtrArray *corpus_examples_read  (const char       *path);
GPtrArray *corpus_examples_load  (const CorpusFile *file);

G_END_DECLS
