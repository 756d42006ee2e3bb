/* test-crash-recovery.c: killed while typing, nothing older than two
 * seconds is lost
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each trial starts the real app (crash-typist), which types into a new
 * library spec or, every other trial, at the end of a file; kills it
 * with SIGKILL at a random moment; starts it again on the same library,
 * recovers what it is offered, and compares: the text must be the typed
 * text up to some key, and every key after it must have been typed in
 * the last two seconds before the kill.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crash-text.h"

#define N_TRIALS 20
#define LOSS_LIMIT_US (2 * G_USEC_PER_SEC)

static const char file_text[] = "# Linked File\n\n**Status:** Draft\n\nWritten before the test.\n";

typedef struct
{
  GArray *times;   /* gint64 per key typed, µs, monotonic */
} Typing;

static char *
helper_path (void)
{
  const char *path = g_getenv ("CRASH_TYPIST");

  g_assert_nonnull (path);

  return g_strdup (path);
}

static GSubprocessLauncher *
launcher_for (const char *library)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  g_subprocess_launcher_setenv (launcher, "SPECWRIGHT_LIBRARY_DB", library, TRUE);
  /* Warnings about the kill's leftovers are expected; criticals are not. */
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);

  return launcher;
}

/* Reads "TYPED time n" lines until @until (monotonic µs), or the end;
 * with @until 0, up to the first key. */
static void
read_typing (GDataInputStream *out,
             Typing           *typing,
             gint64            until)
{
  while (until == 0 ? typing->times->len == 0 : g_get_monotonic_time () < until)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
      gint64 time;

      if (line == NULL)
        break;
      if (!g_str_has_prefix (line, "TYPED "))
        continue;
      time = g_ascii_strtoll (line + 6, NULL, 10);
      g_array_append_val (typing->times, time);
    }
}

static void
run_trial (guint      trial,
           GRand     *rand,
           const char *dir,
           guint      *lost_max_ms,
           guint      *typed_total)
{
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *file = g_build_filename (dir, "linked.md", NULL);
  g_autofree char *helper = helper_path ();
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
  g_autofree char *expected_all = crash_text ((guint32) g_ascii_strtoull (seed, NULL, 10));
  gboolean linked = trial % 2 == 1;
  g_autoptr(GSubprocessLauncher) launcher = launcher_for (library);
  g_autoptr(GSubprocess) typist = NULL;
  g_autoptr(GSubprocess) recoverer = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *recovered = NULL;
  Typing typing = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  const char *base = linked ? file_text : "";
  gint64 kill_time;
  gsize n_recovered = 0;
  guint lost_ms = 0;

  if (linked)
    g_assert_true (g_file_set_contents (file, file_text, -1, NULL));

  typist = g_subprocess_launcher_spawn (launcher, &error, helper, "type", seed, linked ? file : NULL, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (typist));

  /* Until typing starts, then for a random 1-3 s. */
  read_typing (out, &typing, 0);
  g_assert_cmpuint (typing.times->len, >, 0);
  read_typing (out, &typing, g_get_monotonic_time () + g_rand_int_range (rand, 1000, 3000) * 1000);

  kill (atoi (g_subprocess_get_identifier (typist)), SIGKILL);
  kill_time = g_get_monotonic_time ();
  /* Keys printed before the kill landed. */
  read_typing (out, &typing, G_MAXINT64);
  g_subprocess_wait (typist, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (typist));
  g_clear_object (&out);

  recoverer = g_subprocess_launcher_spawn (launcher, &error, helper, "recover", linked ? "file" : "none", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (recoverer));
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)))
    {
      if (g_str_has_prefix (line, "TEXT "))
        {
          gsize len;
          guchar *decoded = g_base64_decode (line + 5, &len);

          recovered = g_strndup ((char *) decoded, len);
          g_free (decoded);
        }
      g_clear_pointer (&line, g_free);
    }
  g_assert_true (g_subprocess_wait_check (recoverer, NULL, &error));
  g_assert_no_error (error);

  /* The file's text, then a prefix of what was typed. */
  if (recovered != NULL)
    {
      g_assert_true (g_str_has_prefix (recovered, base));
      n_recovered = strlen (recovered) - strlen (base);
      g_assert_cmpuint (n_recovered, <=, typing.times->len);
      g_assert_cmpint (strncmp (recovered + strlen (base), expected_all, n_recovered), ==, 0);
    }

  /* What is missing was typed in the last two seconds. */
  if (n_recovered < typing.times->len)
    {
      gint64 first_lost = g_array_index (typing.times, gint64, n_recovered);

      /* Twenty times the limit under the sanitizers (SPEC_TEST_SLOW), as
       * spec_test_time_limit() allows. */
      g_assert_cmpint (kill_time - first_lost, <=, g_getenv ("SPEC_TEST_SLOW") ? 20 * LOSS_LIMIT_US : LOSS_LIMIT_US);
      lost_ms = (guint) ((kill_time - first_lost) / 1000);
    }

  g_test_message ("trial %2u (%s): %4u keys typed, %4" G_GSIZE_FORMAT " recovered, "
                  "the lost ones typed over the last %4u ms",
                  trial, linked ? "linked file" : "library spec", typing.times->len, n_recovered, lost_ms);
  *lost_max_ms = MAX (*lost_max_ms, lost_ms);
  *typed_total += typing.times->len;

  g_array_unref (typing.times);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_kill_while_typing (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint lost_max_ms = 0, typed_total = 0;

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      g_autofree char *dir = g_dir_make_tmp ("specwright-crash-XXXXXX", NULL);

      run_trial (trial, rand, dir, &lost_max_ms, &typed_total);
      remove_all (dir);
    }

  g_test_message ("%u trials, %u keys typed: at most the last %u ms before a kill were lost",
                  N_TRIALS, typed_total, lost_max_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-while-typing", test_kill_while_typing);

  return g_test_run ();
}
