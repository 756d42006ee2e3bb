/* check-runner.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "check-runner.h"

void
check_run_clear (CheckRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* The program under test, from $SPECWRIGHT_CHECK, or NULL to skip. */
const char *
check_program (void)
{
  const char *program = g_getenv ("SPECWRIGHT_CHECK");

  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;

  return program;
}

/* Runs @argv (NULL-terminated), with @input on its standard input. */
void
run_argv (CheckRun           *run,
          const char * const *argv,
          const char         *input)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;

  /* python3 writes UTF-8 whatever the locale. */
  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_setenv (launcher, "PYTHONIOENCODING", "utf-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  if (process == NULL)
    {
      run->status = -1;
      run->out = g_strdup ("");
      run->err = g_strdup ("");
      return;
    }

  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (run->out == NULL)
    run->out = g_strdup ("");
  if (run->err == NULL)
    run->err = g_strdup ("");

  /* Exited, not killed by a signal (a crash is not an exit status 2). */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* Runs specwright-check with @args (NULL-terminated). */
void
run_check (CheckRun           *run,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) check_program ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run_argv (run, (const char * const *) argv->pdata, NULL);
}

/* A file NAME in a temporary folder made on first use; with @contents
 * NULL, only its path. */
char *
tmp_file (TmpDir     *tmp,
          const char *name,
          const char *contents,
          gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path;

  if (tmp->dir == NULL)
    {
      tmp->dir = g_dir_make_tmp ("specwright-check-XXXXXX", &error);
      g_assert_no_error (error);
    }

  path = g_build_filename (tmp->dir, name, NULL);
  if (contents != NULL)
    {
      g_file_set_contents (path, contents, len, &error);
      g_assert_no_error (error);
    }

  return path;
}

void
tmp_dir_clear (TmpDir *tmp)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmp->dir == NULL)
    return;

  dir = g_dir_open (tmp->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (tmp->dir);
  g_clear_pointer (&tmp->dir, g_free);
}
