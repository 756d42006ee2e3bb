/* check-runner.h: running specwright-check, and files for it to read
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} CheckRun;

typedef struct
{
  char *dir;
} TmpDir;

void        check_run_clear (CheckRun           *run);
const char *check_program   (void);
void        run_argv        (CheckRun           *run,
                             const char * const *argv,
                             const char         *input);
void        run_check       (CheckRun           *run,
                             const char * const *args);
char       *tmp_file        (TmpDir             *tmp,
                             const char         *name,
                             const char         *contents,
                             gssize              len);
void        tmp_dir_clear   (TmpDir             *tmp);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckRun, check_run_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TmpDir, tmp_dir_clear)

G_END_DECLS
