/* bench-check.c: specwright-check against cmark-gfm's bare parse
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-check SPECWRIGHT-CHECK CMARK-BARE
 *   bench-check --write-large FILE
 *
 * Times whole runs of the two programs, from spawn to exit, on (a) the
 * five seeds at once and (b) a ~9 MB document made of the seeds repeated.
 * cmark-bare (cmark-bare.c) only reads and parses the files as Specwright
 * does: it is the floor, the cost no checker built on cmark-gfm can go
 * below, so the ratio is what the rest of specwright-check costs.  The
 * programs run alternately so that whatever else the machine does weighs
 * on both alike; the first run of each is discarded (cold caches).
 * BENCH_RUNS (default 15) and BENCH_LARGE_RUNS (default 5) set the runs.
 *
 * Prints progress, then a Markdown table and each row again as
 * "ROW\t" and tab-separated fields, for scripts.  It measures; it does
 * not fail on time, only when a program fails or the seeds are missing.
 *
 * --write-large FILE writes the ~9 MB document and exits: the callgrind
 * script (build-aux/callgrind.sh) runs the programs on the same input.
 */

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-document.h"
#include "bench-util.h"
#include "spec-test-files.h"

#define LARGE_SIZE (9 * 1000 * 1000)
#define DEFAULT_RUNS 15
#define DEFAULT_LARGE_RUNS 5

typedef struct
{
  double wall_ms;
  double cpu_ms;     /* user + system, of the child alone */
} Run;

/* Runs @argv to its end with its output thrown away (both programs would
 * otherwise pay for the terminal or the test log, not for their work).
 * wait4() gives the child's own CPU time: no other child's can mix in. */
static gboolean
run_once (const char * const  *argv,
          gboolean             incomplete_ok,
          Run                 *run)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  gint64 start;
  int status;
  pid_t reaped;

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("bench-check: %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  do
    reaped = wait4 (pid, &status, 0, &usage);
  while (reaped < 0 && errno == EINTR);
  run->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_spawn_close_pid (pid);

  if (reaped < 0)
    {
      g_printerr ("bench-check: waiting for %s: %s\n", argv[0], g_strerror (errno));
      return FALSE;
    }

  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;

  /* specwright-check exits with 1 when a spec is incomplete, as the
   * seeds are: that is its answer, not a failure. */
  if (WIFEXITED (status) &&
      (WEXITSTATUS (status) == 0 || (incomplete_ok && WEXITSTATUS (status) == 1)))
    return TRUE;

  if (WIFEXITED (status))
    g_printerr ("bench-check: %s exited with %d\n", argv[0], WEXITSTATUS (status));
  else if (WIFSIGNALED (status))
    g_printerr ("bench-check: %s was killed by signal %d\n", argv[0], WTERMSIG (status));
  return FALSE;
}

static double
median (GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  if (n == 0)
    return 0;

  qsort (v, n, sizeof (double), compare_doubles);

  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *
format_ms (double ms)
{
  if (ms >= 1000)
    return g_strdup_printf ("%.2f s", ms / 1000);
  if (ms >= 100)
    return g_strdup_printf ("%.0f ms", ms);
  return g_strdup_printf ("%.1f ms", ms);
}

typedef struct
{
  char *measure;
  char *specwright;
  char *floor;
  char *ratio;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->measure);
  g_free (row->specwright);
  g_free (row->floor);
  g_free (row->ratio);
}

static void
add_row (GArray     *rows,
         const char *measure,
         double      specwright,
         double      floor)
{
  Row row = {
    .measure = g_strdup (measure),
    .specwright = format_ms (specwright),
    .floor = format_ms (floor),
    .ratio = floor > 0 ? g_strdup_printf ("%.2fx", specwright / floor) : g_strdup ("—"),
  };

  g_array_append_val (rows, row);
}

/* @runs kept runs of each program on @files, after one discarded run of
 * each.  The order swaps every round (check, bare, bare, check, …) so that
 * neither always runs just after the other, on caches it warmed. */
static gboolean
measure (GArray             *rows,
         const char         *label,
         const char         *check,
         const char         *bare,
         const char * const *files,
         guint               runs)
{
  g_autoptr(GPtrArray) check_argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) bare_argv = g_ptr_array_new ();
  g_autoptr(GArray) check_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *wall_label = NULL;
  g_autofree char *cpu_label = NULL;

  g_ptr_array_add (check_argv, (gpointer) check);
  g_ptr_array_add (bare_argv, (gpointer) bare);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_ptr_array_add (check_argv, (gpointer) files[i]);
      g_ptr_array_add (bare_argv, (gpointer) files[i]);
    }
  g_ptr_array_add (check_argv, NULL);
  g_ptr_array_add (bare_argv, NULL);

  for (guint round = 0; round <= runs; round++)
    {
      Run check_run, bare_run;
      gboolean check_first = round % 2 == 0;

      if (check_first &&
          !run_once ((const char * const *) check_argv->pdata, TRUE, &check_run))
        return FALSE;
      if (!run_once ((const char * const *) bare_argv->pdata, FALSE, &bare_run))
        return FALSE;
      if (!check_first &&
          !run_once ((const char * const *) check_argv->pdata, TRUE, &check_run))
        return FALSE;

      g_print ("%s: run %u/%u: specwright-check %.1f ms (cpu %.1f), cmark-bare %.1f ms (cpu %.1f)%s\n",
               label, round + 1, runs + 1,
               check_run.wall_ms, check_run.cpu_ms, bare_run.wall_ms, bare_run.cpu_ms,
               round == 0 ? " [discarded]" : "");

      if (round == 0)
        continue;

      g_array_append_val (check_wall, check_run.wall_ms);
      g_array_append_val (check_cpu, check_run.cpu_ms);
      g_array_append_val (bare_wall, bare_run.wall_ms);
      g_array_append_val (bare_cpu, bare_run.cpu_ms);
    }

  wall_label = g_strdup_printf ("specwright-check, %s (median of %u)", label, runs);
  cpu_label = g_strdup_printf ("specwright-check CPU user+sys, %s (median of %u)", label, runs);
  add_row (rows, wall_label, median (check_wall), median (bare_wall));
  add_row (rows, cpu_label, median (check_cpu), median (bare_cpu));

  return TRUE;
}

static guint
runs_from_env (const char *name,
               guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 n;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 10000, &n, NULL))
    return (guint) n;

  return fallback;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seeds = NULL;
  g_autoptr(GString) large = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *write_large = NULL;
  g_autofree char *large_path = NULL;
  g_auto(GStrv) programs = NULL;
  const char *large_files[2] = { NULL, NULL };
  gboolean ok = TRUE;
  int fd;
  const GOptionEntry entries[] = {
    { "write-large", 0, 0, G_OPTION_ARG_FILENAME, &write_large,
      "Write the ~9 MB document to FILE and exit", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &programs, NULL,
      "SPECWRIGHT-CHECK CMARK-BARE" },
    { NULL }
  };

  /* g_print() converts to the locale's charset, and the C locale's is
   * ASCII: without this the table's "—" comes out as "?". */
  setlocale (LC_ALL, "");

  context = g_option_context_new ("— time specwright-check against cmark-gfm's bare parse");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-check: %s\n", error->message);
      return 2;
    }

  if (write_large == NULL &&
      (programs == NULL || g_strv_length (programs) != 2))
    {
      g_printerr ("usage: bench-check SPECWRIGHT-CHECK CMARK-BARE | --write-large FILE\n");
      return 2;
    }

  seeds = spec_test_list_seeds ();
  if (seeds == NULL || seeds[0] == NULL || !(large = bench_large_document (LARGE_SIZE)))
    {
      g_printerr ("bench-check: no seeds: SPEC_SEEDS_DIR is unset, empty or unreadable\n");
      return 1;
    }

  if (write_large != NULL)
    {
      if (!g_file_set_contents (write_large, large->str, large->len, &error))
        {
          g_printerr ("bench-check: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  /* On disk, as the programs take files; removed at the end. */
  fd = g_file_open_tmp ("bench-check-XXXXXX.md", &large_path, &error);
  if (fd < 0)
    {
      g_printerr ("bench-check: %s\n", error->message);
      return 1;
    }
  g_close (fd, NULL);
  if (!g_file_set_contents (large_path, large->str, large->len, &error))
    {
      g_printerr ("bench-check: %s\n", error->message);
      g_unlink (large_path);
      return 1;
    }
  large_files[0] = large_path;
  g_print ("%u seeds; large document: %" G_GSIZE_FORMAT " bytes in %s\n",
           g_strv_length (seeds), large->len, large_path);

  rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (rows, row_clear);

  ok = measure (rows, "five seeds", programs[0], programs[1],
                (const char * const *) seeds,
                runs_from_env ("BENCH_RUNS", DEFAULT_RUNS));
  ok = ok && measure (rows, "9 MB document", programs[0], programs[1],
                      large_files,
                      runs_from_env ("BENCH_LARGE_RUNS", DEFAULT_LARGE_RUNS));
  g_unlink (large_path);

  if (!ok)
    return 1;

  g_print ("\n| measure | Specwright | floor | ratio | target |\n"
           "|---|---|---|---|---|\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_print ("| %s | %s | %s | %s | — |\n",
               row->measure, row->specwright, row->floor, row->ratio);
    }
  g_print ("\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_print ("ROW\t%s\t%s\t%s\t%s\t—\t—\n",
               row->measure, row->specwright, row->floor, row->ratio);
    }

  return 0;
}
