/* bench-startup.c: Specwright's start-up and memory against a floor
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts Specwright and bench-floor (a bare AdwApplicationWindow holding a
 * GtkSourceView, see bench-floor.c) as separate processes, as a person
 * starts them, and reads the SPECWRIGHT_TRACE=1 lines both print on
 * stderr.  Their timestamps are CLOCK_MONOTONIC, the clock read here just
 * before each spawn, so a phase's time is its timestamp minus the spawn.
 *
 *  1. start-up: spawn to "filled-frame" (the first frame showing the
 *     document: editor, navigator and preview filled) and to
 *     "complete-frame" (every navigator and preview row built, the rest
 *     of the page coming in after the first frames) with a copy of seed
 *     002 open, app and floor in turn, BENCH_RUNS (10) of each after one
 *     warm-up run of each (the floor is complete at its first frame);
 *  2. memory: VmRSS of those same runs once they settle after
 *     complete-frame;
 *  3. a ~9 MB document (the five seeds over and over): first frame,
 *     complete frame and peak RSS (VmHWM), BENCH_LARGE_RUNS (3) of each;
 *  4. start-up with a library of 10,000 specs against an empty one.
 *
 * It ends with a table, each row also printed as "ROW\t" and tab-separated
 * fields for a script.  Missing a target is a figure, not a failure: it
 * exits non-zero only when something could not be measured (a process
 * died, or a trace line did not come within 60 s).
 *
 *     xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- \
 *       meson test -C build --benchmark bench-startup
 *
 * Arguments (meson passes them): the app, the floor and the built-in
 * templates folder, used when SPECWRIGHT_TEMPLATES_DIR is not already in
 * the environment (bench_env does not set it).
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "bench-document.h"
#include "bench-util.h"
#include "spec-test-files.h"
#include "spec-library.h"

#define TRACE_PREFIX      "specwright-trace: "
#define TRACE_TIMEOUT_MS  (60 * 1000)
#define STOP_GRACE_MS     (5 * 1000)
#define SETTLE_MIN_MS     1500
#define SETTLE_MAX_MS     5000
#define SETTLE_STEP_MS    250
#define LARGE_SIZE        (9 * 1000 * 1000)
#define LIBRARY_SPECS     10000
#define LIBRARY_BATCH     500

/* The targets of performance issue 10. */
#define TARGET_STARTUP_RATIO   1.15
#define TARGET_RSS_EXTRA_MB    25.0
#define TARGET_LARGE_FIRST_MS  1000.0
#define TARGET_LARGE_DONE_MS   3000.0
#define TARGET_LIBRARY_RATIO   1.05

typedef struct
{
  const char  *app;
  const char  *floor;
  char        *tmp;        /* all that is written goes under here */
  char        *seed;       /* tmp/spec.md, a copy of seed 002 */
  char        *large;      /* tmp/large.md, the ~9 MB document */
  char       **env;        /* for every process started, app and floor alike */
  guint        runs;
  guint        large_runs;
  guint        serial;     /* numbers each run's own folder */
  GString     *table;
  gboolean     ok;         /* everything could be measured */
} Bench;

/* The phases worth a look, in start-up order. */
static const char * const shown_phases[] = {
  "main", "startup", "gtk-ready", "library-open", "window", "file-open", "window-shown", "file-read",
  "frame-start", "frame-laid-out", "first-frame", "filled-frame",
};
#define N_SHOWN_PHASES G_N_ELEMENTS (shown_phases)

/* One process started, and what it said. */
typedef struct
{
  const char       *label;
  GSubprocess      *process;
  GDataInputStream *lines;
  GCancellable     *cancellable;
  gint64            spawned;
  GHashTable       *marks;    /* phase → its first timestamp (gint64 *), µs */
  GString          *log;      /* its other lines, shown if it fails */
  guint             n_snapshots;
  gboolean          reading;  /* a read is pending */
  gboolean          exited;
} Run;

typedef struct
{
  double  first_ms;     /* spawn to first-frame */
  double  filled_ms;    /* spawn to filled-frame (complete-frame for the floor) */
  double  complete_ms;  /* spawn to complete-frame */
  guint64 rss_kb;       /* settled */
  guint64 hwm_kb;
  char   *phases;       /* nullable: the phases, for a progress line */
  double  phase_ms[N_SHOWN_PHASES]; /* with them: spawn to each, or -1 */
} Sample;

/* Figures in SI megabytes: /proc counts in KiB. */
static double
kb_to_mb (guint64 kb)
{
  return kb * 1024.0 / 1e6;
}

static double
median (GArray *values)
{
  g_autofree double *sorted = NULL;
  guint n = values->len;

  g_assert (n > 0);
  sorted = g_memdup2 (values->data, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

static char *
format_ms (double ms)
{
  return ms < 1000.0 ? g_strdup_printf ("%.0f ms", ms) : g_strdup_printf ("%.2f s", ms / 1000.0);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 10000, &parsed, NULL))
    return fallback;

  return (guint) parsed;
}

/* ------------------------------------------------------------------ */
/* Processes */

static void
child_setup (gpointer user_data)
{
  /* A benchmark killed by meson's timeout must not leave windows behind
   * on a shared machine. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
take_line (Run        *run,
           const char *line)
{
  g_auto(GStrv) fields = NULL;
  gint64 stamp;

  if (!g_str_has_prefix (line, TRACE_PREFIX))
    {
      g_string_append_printf (run->log, "  %s\n", line);
      return;
    }

  /* "<µs> +<ms> <phase>[ <detail>]" */
  fields = g_strsplit (line + strlen (TRACE_PREFIX), " ", 4);
  if (g_strv_length (fields) < 3)
    return;

  stamp = g_ascii_strtoll (fields[0], NULL, 10);
  if (g_str_equal (fields[2], "snapshot-start") && !g_hash_table_contains (run->marks, "complete-frame"))
    run->n_snapshots++;
  if (!g_hash_table_contains (run->marks, fields[2]))
    g_hash_table_insert (run->marks, g_strdup (fields[2]), g_memdup2 (&stamp, sizeof stamp));
}

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, NULL);
  if (line == NULL)
    {
      /* The end of its stderr (it exited), or we stopped listening. */
      run->reading = FALSE;
      return;
    }

  take_line (run, line);
  g_data_input_stream_read_line_async (run->lines, G_PRIORITY_DEFAULT, run->cancellable, line_read_cb, run);
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  run->exited = TRUE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Run *run);

/* Runs the main loop (the stderr reads with it, so a chatty process never
 * blocks on a full pipe) until @condition holds or @timeout_ms pass. */
static gboolean
wait_for (Run       *run,
          Condition  condition,
          guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, flag_cb, &timed_out);

  while (!condition (run) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  return condition (run);
}

static gboolean
is_complete (Run *run)
{
  return run->exited || g_hash_table_contains (run->marks, "complete-frame");
}

static gboolean
has_exited (Run *run)
{
  return run->exited;
}

static gboolean
is_gone (Run *run)
{
  return run->exited && !run->reading;
}

static gint64
mark (Run        *run,
      const char *phase)
{
  gint64 *stamp = g_hash_table_lookup (run->marks, phase);

  return stamp != NULL ? *stamp : 0;
}

static double
mark_ms (Run        *run,
         const char *phase)
{
  gint64 stamp = mark (run, phase);

  return stamp != 0 ? (stamp - run->spawned) / 1000.0 : -1.0;
}

static Run *
run_start (Bench       *bench,
           const char  *label,
           const char  *program,
           const char  *file,
           const char  *library_db,
           GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_auto(GStrv) env = g_strdupv (bench->env);
  Run *run = g_new0 (Run, 1);

  env = g_environ_setenv (env, SPEC_LIBRARY_PATH_ENV, library_db, TRUE);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);

  run->label = label;
  run->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->log = g_string_new (NULL);
  run->cancellable = g_cancellable_new ();

  /* The clock the trace lines use, read as late as it can be. */
  run->spawned = g_get_monotonic_time ();
  run->process = g_subprocess_launcher_spawn (launcher, error, program, file, NULL);
  if (run->process == NULL)
    {
      g_hash_table_unref (run->marks);
      g_string_free (run->log, TRUE);
      g_object_unref (run->cancellable);
      g_free (run);
      return NULL;
    }

  run->lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (run->process));
  g_data_input_stream_set_newline_type (run->lines, G_DATA_STREAM_NEWLINE_TYPE_LF);
  run->reading = TRUE;
  g_data_input_stream_read_line_async (run->lines, G_PRIORITY_DEFAULT, run->cancellable, line_read_cb, run);
  g_subprocess_wait_async (run->process, NULL, exited_cb, run);

  return run;
}

/* SIGTERM, then SIGKILL if it is still there after 5 s; then waits for
 * its exit and the end of its stderr, so the next run starts alone. */
static void
run_stop (Run *run)
{
  if (!run->exited)
    g_subprocess_send_signal (run->process, SIGTERM);
  if (!wait_for (run, has_exited, STOP_GRACE_MS))
    {
      g_print ("  %s: still running 5 s after SIGTERM: SIGKILL\n", run->label);
      g_subprocess_force_exit (run->process);
      while (!run->exited)
        g_main_context_iteration (NULL, TRUE);
    }

  /* Something it started could hold its stderr open. */
  if (!wait_for (run, is_gone, 1000))
    {
      g_cancellable_cancel (run->cancellable);
      while (run->reading)
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
run_free (Run *run)
{
  g_object_unref (run->lines);
  g_object_unref (run->process);
  g_object_unref (run->cancellable);
  g_hash_table_unref (run->marks);
  g_string_free (run->log, TRUE);
  g_free (run);
}

static gboolean
read_status_kb (Run        *run,
                const char *field,
                guint64    *kb)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (run->process));
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (run->exited || !g_file_get_contents (path, &status, NULL, NULL))
    return FALSE;

  /* "VmRSS:\t  128724 kB" */
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      {
        *kb = g_ascii_strtoull (lines[i] + field_len + 1, NULL, 10);
        return TRUE;
      }

  return FALSE;
}

static void
sleep_ms (Run   *run,
          guint  ms)
{
  wait_for (run, has_exited, ms);
}

/* Until 1.5 s after complete-frame, and then until VmRSS moves by less
 * than 1 % over 250 ms, but no later than 5 s after complete-frame. */
static gboolean
settle (Run     *run,
        guint64 *rss_kb)
{
  gint64 complete = mark (run, "complete-frame");
  gint64 now = g_get_monotonic_time ();
  gint64 deadline = complete + SETTLE_MAX_MS * G_GINT64_CONSTANT (1000);
  guint64 before = 0;
  guint64 after = 0;

  if (now < complete + SETTLE_MIN_MS * 1000)
    sleep_ms (run, (complete + SETTLE_MIN_MS * 1000 - now) / 1000);
  if (!read_status_kb (run, "VmRSS", &before))
    return FALSE;

  for (;;)
    {
      sleep_ms (run, SETTLE_STEP_MS);
      if (!read_status_kb (run, "VmRSS", &after))
        return FALSE;
      if ((after > before ? after - before : before - after) * 100 < before ||
          g_get_monotonic_time () >= deadline)
        break;
      before = after;
    }

  *rss_kb = after;

  return TRUE;
}

static char *
format_phases (Run *run)
{
  GString *line = g_string_new ("    ms after spawn: ");

  for (guint i = 0; i < G_N_ELEMENTS (shown_phases); i++)
    if (mark (run, shown_phases[i]) != 0)
      g_string_append_printf (line, "%s %.0f, ", shown_phases[i], mark_ms (run, shown_phases[i]));
  g_string_append_printf (line, "%u snapshots before complete-frame", run->n_snapshots);

  return g_string_free (line, FALSE);
}

/* A folder of its own for a run: its library and what it writes. */
static char *
fresh_run_dir (Bench *bench)
{
  g_autofree char *name = g_strdup_printf ("run-%u", ++bench->serial);
  char *dir = g_build_filename (bench->tmp, name, NULL);

  g_mkdir_with_parents (dir, 0700);

  return dir;
}

/* One start of @program on @file: the figures into @sample.  With
 * @settle_memory it also waits for memory to settle and reads it. */
static gboolean
measure (Bench      *bench,
         const char *label,
         const char *program,
         const char *file,
         const char *library_db,
         gboolean    settle_memory,
         gboolean    show_phases,
         Sample     *sample)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  Run *run;

  run = run_start (bench, label, program, file, library_db, &error);
  if (run == NULL)
    {
      g_print ("  %s: could not start %s: %s\n", label, program, error->message);
      return FALSE;
    }

  if (!wait_for (run, is_complete, TRACE_TIMEOUT_MS) || run->exited)
    {
      g_print ("  %s: %s before complete-frame; its other output:\n%s",
               label, run->exited ? "exited" : "no complete-frame within 60 s", run->log->str);
      ok = FALSE;
    }
  else
    {
      sample->first_ms = mark_ms (run, "first-frame");
      sample->complete_ms = mark_ms (run, "complete-frame");
      sample->filled_ms = mark_ms (run, "filled-frame");
      if (sample->filled_ms < 0)
        sample->filled_ms = sample->complete_ms;
      if (settle_memory &&
          (!settle (run, &sample->rss_kb) || !read_status_kb (run, "VmHWM", &sample->hwm_kb)))
        {
          g_print ("  %s: exited while settling; its other output:\n%s", label, run->log->str);
          ok = FALSE;
        }
    }

  if (ok && show_phases)
    {
      sample->phases = format_phases (run);
      for (guint i = 0; i < N_SHOWN_PHASES; i++)
        sample->phase_ms[i] = mark (run, shown_phases[i]) != 0 ? mark_ms (run, shown_phases[i]) : -1;
    }

  run_stop (run);
  run_free (run);

  return ok;
}

/* ------------------------------------------------------------------ */
/* The table */

static void
add_row (Bench      *bench,
         const char *measure_name,
         const char *specwright,
         const char *base,
         const char *ratio,
         const char *target,
         const char *result)
{
  g_string_append_printf (bench->table, "| %s | %s | %s | %s | %s%s%s |\n",
                          measure_name, specwright, base, ratio, target,
                          g_str_equal (result, "-") ? "" : " ", g_str_equal (result, "-") ? "" : result);
  g_print ("ROW\t%s\t%s\t%s\t%s\t%s\t%s\n", measure_name, specwright, base, ratio, target, result);
}

static void
add_missing_row (Bench      *bench,
                 const char *measure_name,
                 const char *target)
{
  add_row (bench, measure_name, "n/a", "n/a", "n/a", target, "not measured");
  bench->ok = FALSE;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

/* ------------------------------------------------------------------ */
/* 1 and 2: seed 002 */

/* The medians of two sets of start-up times, their ratio, and whether it
 * is within @max_ratio. */
static void
add_ratio_row (Bench      *bench,
               const char *name,
               GArray     *app_ms,
               GArray     *floor_ms,
               const char *target,
               double      max_ratio)
{
  double app = median (app_ms), base = median (floor_ms);
  double ratio = app / base;
  g_autofree char *a = format_ms (app);
  g_autofree char *f = format_ms (base);
  g_autofree char *r = g_strdup_printf ("%.2fx", ratio);

  add_row (bench, name, a, f, r, target, verdict (ratio <= max_ratio));
}

static void
bench_seed (Bench *bench)
{
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_filled_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_filled_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *filled_name = g_strdup_printf ("start-up to seed 002 shown: editor, navigator, preview "
                                                  "(median of %u)", bench->runs);
  g_autofree char *startup_name = g_strdup_printf ("start-up to every row of seed 002 built (median of %u)",
                                                   bench->runs);
  g_autofree char *rss_name = g_strdup_printf ("RSS after start-up, seed 002 open (median of %u)", bench->runs);
  g_autofree char *startup_target = g_strdup_printf ("≤ %.2fx", TARGET_STARTUP_RATIO);
  g_autofree char *rss_target = g_strdup_printf ("≤ +%.0f MB", TARGET_RSS_EXTRA_MB);
  /* Each phase's times, app [0] and floor [1]: medians at the end. */
  GArray *phase_ms[2][N_SHOWN_PHASES];

  for (guint w = 0; w < 2; w++)
    for (guint p = 0; p < N_SHOWN_PHASES; p++)
      phase_ms[w][p] = g_array_new (FALSE, FALSE, sizeof (double));

  g_print ("\n1, 2. start-up and memory, seed 002 open: app and floor in turn, %u runs each after one warm-up\n",
           bench->runs);

  /* Run 0 of each is the warm-up: the page cache, the portal the session
   * bus starts for the first GTK program, the fontconfig cache. */
  for (guint i = 0; i <= bench->runs; i++)
    for (guint which = 0; which < 2; which++)
      {
        g_autofree char *dir = fresh_run_dir (bench);
        g_autofree char *db = g_build_filename (dir, "library.db", NULL);
        const char *label = which == 0 ? "app" : "floor";
        Sample sample = { 0 };
        double mb;

        if (!measure (bench, label, which == 0 ? bench->app : bench->floor, bench->seed, db, TRUE,
                      i > 0, &sample))
          {
            add_missing_row (bench, filled_name, startup_target);
            add_missing_row (bench, startup_name, startup_target);
            add_missing_row (bench, rss_name, rss_target);
            goto out;
          }
        for (guint p = 0; i > 0 && p < N_SHOWN_PHASES; p++)
          if (sample.phase_ms[p] >= 0)
            g_array_append_val (phase_ms[which][p], sample.phase_ms[p]);
        spec_test_remove_tree (dir);

        mb = kb_to_mb (sample.rss_kb);
        g_print ("  %-5s %2u%s: filled-frame %.0f ms, complete-frame %.0f ms (first-frame %.0f ms), RSS %.1f MB\n",
                 label, i, i == 0 ? " (warm-up)" : "", sample.filled_ms, sample.complete_ms, sample.first_ms, mb);
        if (sample.phases != NULL)
          g_print ("%s\n", sample.phases);
        g_free (sample.phases);
        if (i == 0)
          continue;
        g_array_append_val (which == 0 ? app_ms : floor_ms, sample.complete_ms);
        g_array_append_val (which == 0 ? app_filled_ms : floor_filled_ms, sample.filled_ms);
        g_array_append_val (which == 0 ? app_mb : floor_mb, mb);
      }

  add_ratio_row (bench, filled_name, app_filled_ms, floor_filled_ms, startup_target, TARGET_STARTUP_RATIO);
  add_ratio_row (bench, startup_name, app_ms, floor_ms, startup_target, TARGET_STARTUP_RATIO);
  {
    double app = median (app_mb), base = median (floor_mb);
    g_autofree char *a = g_strdup_printf ("%.1f MB", app);
    g_autofree char *f = g_strdup_printf ("%.1f MB", base);
    g_autofree char *r = g_strdup_printf ("%+.1f MB", app - base);

    add_row (bench, rss_name, a, f, r, rss_target, verdict (app - base <= TARGET_RSS_EXTRA_MB));
  }

  /* Where the time goes, phase by phase (the floor marks fewer). */
  g_print ("  phases, median ms after spawn:         app  floor\n");
  for (guint p = 0; p < N_SHOWN_PHASES; p++)
    {
      g_autofree char *a = phase_ms[0][p]->len > 0 ? g_strdup_printf ("%.0f", median (phase_ms[0][p])) : g_strdup ("-");
      g_autofree char *f = phase_ms[1][p]->len > 0 ? g_strdup_printf ("%.0f", median (phase_ms[1][p])) : g_strdup ("-");

      g_print ("    %-32s %6s %6s\n", shown_phases[p], a, f);
    }

out:
  for (guint w = 0; w < 2; w++)
    for (guint p = 0; p < N_SHOWN_PHASES; p++)
      g_array_unref (phase_ms[w][p]);
}

/* ------------------------------------------------------------------ */
/* 3: a 9 MB document */

static void
bench_large (Bench *bench)
{
  g_autoptr(GArray) app_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_hwm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_hwm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *first_name = g_strdup_printf ("9 MB document: first frame (median of %u)", bench->large_runs);
  g_autofree char *done_name = g_strdup_printf ("9 MB document: complete frame (median of %u)", bench->large_runs);
  g_autofree char *hwm_name = g_strdup_printf ("9 MB document: peak RSS, VmHWM (median of %u)", bench->large_runs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = bench_large_document (LARGE_SIZE);
  gsize len = text != NULL ? text->len : 0;

  if (text == NULL || !g_file_set_contents (bench->large, text->str, text->len, &error))
    {
      g_print ("\n3. no 9 MB document: %s\n",
               error != NULL ? error->message : "SPEC_SEEDS_DIR is unset or holds no seeds");
      add_missing_row (bench, first_name, "≤ 1 s");
      add_missing_row (bench, done_name, "≤ 3 s");
      add_missing_row (bench, hwm_name, "no target");
      return;
    }
  g_string_free (g_steal_pointer (&text), TRUE);

  g_print ("\n3. a %.2f MB document: app and floor in turn, %u runs each\n", len / 1e6, bench->large_runs);

  for (guint i = 0; i < bench->large_runs; i++)
    for (guint which = 0; which < 2; which++)
      {
        g_autofree char *dir = fresh_run_dir (bench);
        g_autofree char *db = g_build_filename (dir, "library.db", NULL);
        const char *label = which == 0 ? "app" : "floor";
        Sample sample = { 0 };
        double hwm;

        if (!measure (bench, label, which == 0 ? bench->app : bench->floor, bench->large, db, TRUE,
                      which == 0, &sample))
          {
            add_missing_row (bench, first_name, "≤ 1 s");
            add_missing_row (bench, done_name, "≤ 3 s");
            add_missing_row (bench, hwm_name, "no target");
            return;
          }
        spec_test_remove_tree (dir);

        hwm = kb_to_mb (sample.hwm_kb);
        g_print ("  %-5s %2u: first-frame %.0f ms, complete-frame %.0f ms, VmHWM %.1f MB (VmRSS %.1f MB)\n",
                 label, i + 1, sample.first_ms, sample.complete_ms, hwm, kb_to_mb (sample.rss_kb));
        if (sample.phases != NULL)
          g_print ("%s\n", sample.phases);
        g_free (sample.phases);
        g_array_append_val (which == 0 ? app_first : floor_first, sample.first_ms);
        g_array_append_val (which == 0 ? app_done : floor_done, sample.complete_ms);
        g_array_append_val (which == 0 ? app_hwm : floor_hwm, hwm);
      }

  {
    double app = median (app_first), base = median (floor_first);
    g_autofree char *a = format_ms (app);
    g_autofree char *f = format_ms (base);
    g_autofree char *r = g_strdup_printf ("%.2fx", app / base);

    add_row (bench, first_name, a, f, r, "≤ 1 s", verdict (app <= TARGET_LARGE_FIRST_MS));
  }
  {
    /* The floor's complete frame is its first one. */
    double app = median (app_done), base = median (floor_done);
    g_autofree char *a = format_ms (app);
    g_autofree char *f = format_ms (base);
    g_autofree char *r = g_strdup_printf ("%.2fx", app / base);

    add_row (bench, done_name, a, f, r, "≤ 3 s", verdict (app <= TARGET_LARGE_DONE_MS));
  }
  {
    double app = median (app_hwm), base = median (floor_hwm);
    g_autofree char *a = g_strdup_printf ("%.1f MB", app);
    g_autofree char *f = g_strdup_printf ("%.1f MB", base);
    g_autofree char *r = g_strdup_printf ("%+.1f MB", app - base);

    add_row (bench, hwm_name, a, f, r, "no target", "-");
  }
}

/* ------------------------------------------------------------------ */
/* 4: a library of 10,000 specs */

static const char * const topics[] = {
  "export", "sync", "offline mode", "sharing", "audit log", "billing", "onboarding", "search",
  "notifications", "permissions", "backups", "reporting", "localisation", "rate limits", "imports",
  "webhooks",
};

static const char * const statuses[] = { "Draft", "In review", "Approved", "Shipped" };

/* About 8 KB of spec: a title, a status line, sections of prose, lists
 * with checkboxes and the odd placeholder, as a library fills up with. */
static char *
library_spec (GRand *rand,
              guint  n)
{
  GString *spec = g_string_sized_new (9000);
  const char *topic = topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))];
  guint n_sections = g_rand_int_range (rand, 6, 11);

  g_string_append_printf (spec, "# %c%s for team %u\n\n**Status:** %s\n\n",
                          g_ascii_toupper (topic[0]), topic + 1, n % 97,
                          statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);

  for (guint s = 0; s < n_sections; s++)
    {
      const char *other = topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))];

      g_string_append_printf (spec, "## %u. How %s meets %s\n\n", s + 1, topic, other);
      for (guint p = 0; p < 5; p++)
        g_string_append_printf (spec, "When %s runs for spec %u, %s keeps its state in step within %d seconds "
                                "and says so in the log. ", topic, n, other, g_rand_int_range (rand, 1, 120));
      g_string_append (spec, "\n\n");
      g_string_append_printf (spec, "- [%c] %s is covered by a test\n- [ ] [OWNER] signs off %s\n\n",
                              g_rand_boolean (rand) ? 'x' : ' ', topic, other);
    }

  return g_string_free (spec, FALSE);
}

/* Filled once through the core's API, in batches as an import is. */
static gboolean
make_library (const char *path,
              guint       n_specs)
{
  g_autoptr(SpecLibrary) library = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260010);
  g_autoptr(GError) error = NULL;

  library = spec_library_open (path, NULL, &error);
  if (library == NULL)
    {
      g_print ("  no library at %s: %s\n", path, error->message);
      return FALSE;
    }

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *body = library_spec (rand, i);

      if (i % LIBRARY_BATCH == 0 &&
          ((i > 0 && !spec_library_batch_end (library, &error)) || !spec_library_batch_begin (library, &error)))
        break;
      if (spec_library_add (library, body, NULL, SPEC_REVISION_IMPORT, &error) == 0)
        break;
    }
  if (error == NULL && n_specs > 0)
    spec_library_batch_end (library, &error);
  if (error != NULL)
    {
      g_print ("  filling the library: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The database and whatever SQLite keeps beside it. */
static gboolean
copy_library (const char *from,
              const char *to)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *source_path = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *dest_path = g_strconcat (to, suffixes[i], NULL);
      g_autoptr(GFile) source = g_file_new_for_path (source_path);
      g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
      g_autoptr(GError) error = NULL;

      if (i > 0 && !g_file_test (source_path, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        {
          g_print ("  copying the library: %s\n", error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
bench_library (Bench *bench)
{
  g_autoptr(GArray) full_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("start-up, 10,000-spec library (floor column: empty library; median of %u)",
                                           bench->runs);
  g_autofree char *target = g_strdup_printf ("≤ %.2fx", TARGET_LIBRARY_RATIO);
  g_autofree char *full_dir = g_build_filename (bench->tmp, "library-full", NULL);
  g_autofree char *empty_dir = g_build_filename (bench->tmp, "library-empty", NULL);
  g_autofree char *full = g_build_filename (full_dir, "library.db", NULL);
  g_autofree char *empty = g_build_filename (empty_dir, "library.db", NULL);
  GStatBuf info;
  gint64 start;

  g_print ("\n4. start-up with a library of %d specs against an empty one\n", LIBRARY_SPECS);
  g_mkdir_with_parents (full_dir, 0700);
  g_mkdir_with_parents (empty_dir, 0700);

  start = g_get_monotonic_time ();
  if (!make_library (full, LIBRARY_SPECS) || !make_library (empty, 0))
    {
      add_missing_row (bench, name, target);
      return;
    }
  g_print ("  generated %d specs in %.1f s (%.0f MB on disk)\n", LIBRARY_SPECS,
           (g_get_monotonic_time () - start) / 1e6, g_stat (full, &info) == 0 ? info.st_size / 1e6 : 0.0);

  /* Both sides start from a copy of a library made beforehand, so they
   * differ only in what the library holds: a fresh path would add the
   * creation of the schema to the empty side alone. */
  for (guint i = 0; i <= bench->runs; i++)
    for (guint which = 0; which < 2; which++)
      {
        g_autofree char *dir = fresh_run_dir (bench);
        g_autofree char *db = g_build_filename (dir, "library.db", NULL);
        const char *label = which == 0 ? "10k" : "empty";
        Sample sample = { 0 };

        if (!copy_library (which == 0 ? full : empty, db) ||
            !measure (bench, label, bench->app, bench->seed, db, FALSE, i == 1, &sample))
          {
            add_missing_row (bench, name, target);
            return;
          }
        spec_test_remove_tree (dir);

        g_print ("  %-5s %2u%s: complete-frame %.0f ms (first-frame %.0f ms)\n",
                 label, i, i == 0 ? " (warm-up)" : "", sample.complete_ms, sample.first_ms);
        if (sample.phases != NULL)
          g_print ("%s\n", sample.phases);
        g_free (sample.phases);
        if (i > 0)
          g_array_append_val (which == 0 ? full_ms : empty_ms, sample.complete_ms);
      }

  add_ratio_row (bench, name, full_ms, empty_ms, target, TARGET_LIBRARY_RATIO);
}

/* ------------------------------------------------------------------ */

/* The same for app and floor: settings in memory from the build tree,
 * the source tree's templates, no accessibility bus, the test
 * environment's renderer and backend (inherited as they are). */
static char **
make_environ (Bench      *bench,
              const char *templates_dir)
{
  char **env = g_get_environ ();
  g_autofree char *user_templates = g_build_filename (bench->tmp, "user-templates", NULL);

  g_mkdir_with_parents (user_templates, 0700);
  env = g_environ_setenv (env, "SPECWRIGHT_TRACE", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (g_environ_getenv (env, "GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *src = g_path_get_dirname (bench->app);
      g_autofree char *root = g_path_get_dirname (src);
      g_autofree char *schemas = g_build_filename (root, "data", NULL);

      env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  if (templates_dir != NULL)
    env = g_environ_setenv (env, "SPECWRIGHT_TEMPLATES_DIR", templates_dir, FALSE);
  env = g_environ_setenv (env, "SPECWRIGHT_USER_TEMPLATES_DIR", user_templates, TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);

  return env;
}

static gboolean
copy_seed (const char *to)
{
  g_autofree char *path = spec_test_seed_path ("002");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (path == NULL)
    {
      g_print ("no seed 002 in SPEC_SEEDS_DIR (%s)\n", g_getenv ("SPEC_SEEDS_DIR"));
      return FALSE;
    }

  if (g_file_get_contents (path, &text, &len, &error) && g_file_set_contents (to, text, len, &error))
    return TRUE;
  g_print ("seed 002: %s\n", error->message);

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  Bench bench = { 0 };

  /* The table's "≤" as UTF-8, not "?": g_print() writes in the locale's
   * charset, and the test environment's is C.UTF-8. */
  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("usage: %s SPECWRIGHT BENCH-FLOOR [TEMPLATES-DIR]\n", argv[0]);
      return 2;
    }

  bench.app = argv[1];
  bench.floor = argv[2];
  bench.runs = env_uint ("BENCH_RUNS", 10);
  bench.large_runs = env_uint ("BENCH_LARGE_RUNS", 3);
  bench.ok = TRUE;
  bench.tmp = g_dir_make_tmp ("specwright-bench-startup-XXXXXX", &error);
  if (bench.tmp == NULL)
    {
      g_printerr ("no temporary folder: %s\n", error->message);
      return 1;
    }
  bench.table = g_string_new (NULL);
  bench.seed = g_build_filename (bench.tmp, "spec.md", NULL);
  bench.large = g_build_filename (bench.tmp, "large.md", NULL);
  bench.env = make_environ (&bench, argc > 3 ? argv[3] : NULL);

  g_print ("\nSpecwright: %s\nfloor: %s\nGSK_RENDERER=%s GDK_BACKEND=%s GTK_A11Y=%s, working in %s\n",
           bench.app, bench.floor,
           g_environ_getenv (bench.env, "GSK_RENDERER") ?: "(unset)",
           g_environ_getenv (bench.env, "GDK_BACKEND") ?: "(unset)",
           g_environ_getenv (bench.env, "GTK_A11Y") ?: "(unset)",
           bench.tmp);

  if (copy_seed (bench.seed))
    bench_seed (&bench);
  else
    {
      add_missing_row (&bench, "start-up, seed 002 open", "≤ 1.15x");
      add_missing_row (&bench, "RSS after start-up, seed 002 open", "≤ +25 MB");
    }
  bench_large (&bench);
  if (g_file_test (bench.seed, G_FILE_TEST_EXISTS))
    bench_library (&bench);
  else
    add_missing_row (&bench, "start-up, 10,000-spec library", "≤ 1.05x");

  g_print ("\n| measure | Specwright | floor | ratio | target |\n|---|---|---|---|---|\n%s",
           bench.table->str);
  g_print ("\n(%.0f s in all)\n", (g_get_monotonic_time () - start) / 1e6);

  spec_test_remove_tree (bench.tmp);
  g_strfreev (bench.env);
  g_string_free (bench.table, TRUE);
  g_free (bench.seed);
  g_free (bench.large);
  g_free (bench.tmp);

  return bench.ok ? 0 : 1;
}
