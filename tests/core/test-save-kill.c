/* test-save-kill.c: an atomic save survives SIGKILL at any moment
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child (save-kill-child) saves two large texts, A and B, of different
 * lengths, over one file in turn with spec_text_file_save().  The test
 * kills it with SIGKILL after a random delay of up to about two saves,
 * then checks that the file is exactly A or exactly B (never empty,
 * truncated or a mix of both), that nothing the user would see was left
 * in the folder, and, at the end, that the next save removed the hidden
 * temporaries the killed saves left.
 *
 * A killed process loses nothing the kernel already has, so this shows
 * what a crash of the app does; it does not model a power cut.  The delay
 * comes from g_test_rand_int_range(): run with --seed to repeat a run.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "spec-text-file.h"
#include "spec-test-files.h"

#define N_TRIALS 60
#define MIN_SIZE ((gsize) 4 * 1024 * 1024)
/* Keeps the whole test well under a minute on a slow, busy machine. */
#define MAX_DELAY_US (300 * 1000)

static const char document_name[] = "spec.md";

/* A spec of at least @min_size bytes: many sections with text, a list
 * and a small table each, then one long table.  Every line names
 * @version, so that a mix of the two texts differs from both. */
static GString *
make_document (char  version,
               gsize min_size)
{
  GString *text = g_string_new (NULL);
  guint section = 0;
  guint row = 0;

  g_string_append_printf (text, "# Storage service, version %c\n\n", version);

  while (text->len < min_size / 2)
    {
      section++;
      g_string_append_printf (text,
                              "## Requirement %u (version %c)\n\n"
                              "The service keeps every record of batch %u written before a crash "
                              "and gives it back unchanged after a restart; version %c of this "
                              "text says so in section %u.\n\n"
                              "- [ ] writes of batch %u are durable (%c)\n"
                              "- [x] reads of batch %u are consistent (%c)\n"
                              "- [ ] the batch %u log is compacted (%c)\n\n"
                              "| Case | Input | Expected |\n"
                              "|------|-------|----------|\n"
                              "| %u.1 | empty batch | nothing written (%c) |\n"
                              "| %u.2 | full batch | all written (%c) |\n\n",
                              section, version, section, version, section,
                              section, version, section, version, section, version,
                              section, version, section, version);
    }

  g_string_append_printf (text,
                          "## Traceability (version %c)\n\n"
                          "| Id | Requirement | Test | Status | Version |\n"
                          "|----|-------------|------|--------|---------|\n",
                          version);
  while (text->len < min_size)
    {
      row++;
      g_string_append_printf (text, "| TR-%06u | Requirement %u | test_%u | %s | %c |\n",
                              row, row % (section + 1), row,
                              row % 3 == 0 ? "passing" : "open", version);
    }

  return text;
}


/* The entries of @folder other than the document. */
static GPtrArray *
list_strays (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strcmp (name, document_name) != 0)
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

/* Failing goes on to the summary and the clean-up; the reason is also
 * shown at once, next to the numbers. */
static void G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("%s", message);
  g_test_fail_printf ("%s", message);
}

static gint64
time_save (GFile      *file,
           const char *text,
           gsize       len)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (spec_text_file_save (file, text, len, NULL, &error));
  g_assert_no_error (error);

  return g_get_monotonic_time () - start;
}

static gsize
first_difference (const char *a,
                  gsize       a_len,
                  const char *b,
                  gsize       b_len)
{
  gsize i;

  for (i = 0; i < MIN (a_len, b_len); i++)
    if (a[i] != b[i])
      break;

  return i;
}

static void
test_random_kills (void)
{
  g_autofree char *child_path = g_test_build_filename (G_TEST_BUILT, "save-kill-child", NULL);
  g_autofree char *root = NULL;
  g_autofree char *inputs = NULL;
  g_autofree char *docs = NULL;
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *doc_path = NULL;
  g_autoptr(GFile) doc = NULL;
  g_autoptr(GString) a = NULL;
  g_autoptr(GString) b = NULL;
  g_autoptr(GHashTable) seen_strays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) strays = NULL;
  g_autoptr(GError) error = NULL;
  gint64 test_start = g_get_monotonic_time ();
  gint64 save_us;
  gint64 max_delay_us;
  guint landed_a = 0;
  guint landed_b = 0;
  guint mid_save = 0;
  guint mid_write = 0;
  guint after_rename = 0;
  gboolean holds_a = FALSE;
  guint before_first_save = 0;
  guint total_saves = 0;
  guint max_strays = 0;

  if (!g_file_test (child_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      fail ("no child program at %s", child_path);
      return;
    }

  root = g_dir_make_tmp ("specwright-save-kill-XXXXXX", &error);
  g_assert_no_error (error);
  /* The texts the child reads live apart from the folder it saves into,
   * so that every other entry there is the writer's. */
  inputs = g_build_filename (root, "inputs", NULL);
  docs = g_build_filename (root, "docs", NULL);
  g_assert_cmpint (g_mkdir (inputs, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (docs, 0755), ==, 0);

  a = make_document ('A', MIN_SIZE);
  b = make_document ('B', MIN_SIZE + MIN_SIZE / 4);
  g_assert_cmpuint (a->len, >=, MIN_SIZE);
  g_assert_cmpuint (b->len, >, a->len);

  a_path = g_build_filename (inputs, "a.md", NULL);
  b_path = g_build_filename (inputs, "b.md", NULL);
  g_file_set_contents (a_path, a->str, a->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (b_path, b->str, b->len, &error);
  g_assert_no_error (error);

  doc_path = g_build_filename (docs, document_name, NULL);
  doc = g_file_new_for_path (doc_path);

  /* Two saves of each, for the range of the delays: the first ones make
   * the file and are slower, so the later ones count.  B is left. */
  time_save (doc, a->str, a->len);
  time_save (doc, b->str, b->len);
  save_us = (time_save (doc, a->str, a->len) + time_save (doc, b->str, b->len)) / 2;
  max_delay_us = MIN (2 * save_us, MAX_DELAY_US);
  g_test_message ("A: %" G_GSIZE_FORMAT " bytes, B: %" G_GSIZE_FORMAT " bytes; "
                  "one save takes %.1f ms; kills come 0 to %.1f ms after the child starts saving",
                  a->len, b->len, save_us / 1000.0, max_delay_us / 1000.0);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      /* The child saves first the text the file does not hold. */
      const char *argv[] = { child_path, doc_path,
                             holds_a ? b_path : a_path,
                             holds_a ? a_path : b_path,
                             NULL };
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) names = NULL;
      GPid pid = 0;
      int out_fd = -1;
      int status = 0;
      char buffer[256];
      gssize n;
      guint saves = 0;
      guint new_strays = 0;
      gint32 delay_us;
      gsize len = 0;

      /* Checks do not stop the test: never go on to kill (0, …). */
      if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                     G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                     &pid, NULL, &out_fd, NULL, &error))
        {
          fail ("trial %u: the child could not be started: %s", trial, error->message);
          break;
        }

      /* Wait until it has read both texts and starts saving. */
      do
        n = read (out_fd, buffer, 1);
      while (n < 0 && errno == EINTR);
      if (n != 1 || buffer[0] != 'r')
        {
          waitpid (pid, &status, 0);
          g_spawn_close_pid (pid);
          close (out_fd);
          fail ("trial %u: the child did not start (status %d)", trial, status);
          break;
        }

      delay_us = g_test_rand_int_range (0, (gint32) max_delay_us + 1);
      if (delay_us > 0)
        g_usleep (delay_us);

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      /* The child is gone: what is left in the pipe ends it. */
      while ((n = read (out_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
        for (gssize i = 0; i < n; i++)
          saves += buffer[i] == '.';
      close (out_fd);

      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        {
          fail ("trial %u: the child ended by itself (status %d) "
                "after %u saves: a save failed", trial, status, saves);
          break;
        }

      total_saves += saves;
      if (saves == 0)
        before_first_save++;

      /* Exactly one of the two texts, byte for byte.  After an odd number
       * of saves reported done the file holds the other text than before
       * the trial, after an even number the same; if not, the kill came
       * after the next save's rename and before that save returned. */
      g_file_get_contents (doc_path, &contents, &len, &error);
      g_assert_no_error (error);
      if (len == a->len && memcmp (contents, a->str, len) == 0)
        {
          landed_a++;
          after_rename += holds_a == (saves % 2 == 1);
          holds_a = TRUE;
        }
      else if (len == b->len && memcmp (contents, b->str, len) == 0)
        {
          landed_b++;
          after_rename += holds_a != (saves % 2 == 1);
          holds_a = FALSE;
        }
      else
        {
          fail ("trial %u (killed after %.1f ms, %u saves): the file is neither A nor B: "
                "%" G_GSIZE_FORMAT " bytes, differs from A at byte %" G_GSIZE_FORMAT
                ", from B at byte %" G_GSIZE_FORMAT,
                trial, delay_us / 1000.0, saves, len,
                first_difference (contents, len, a->str, a->len),
                first_difference (contents, len, b->str, b->len));
          break;
        }

      /* Anything else in the folder is a temporary of a killed save: it
       * must be hidden, and at most a full copy of A or B. */
      names = list_strays (docs);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autofree char *path = g_build_filename (docs, name, NULL);
          struct stat st;

          if (name[0] != '.')
            fail ("trial %u: a visible file was left beside the document: %s", trial, name);

          g_assert_cmpint (g_lstat (path, &st), ==, 0);
          g_assert_true (S_ISREG (st.st_mode));
          g_assert_cmpint (st.st_size, <=, (goffset) b->len);

          if (g_hash_table_add (seen_strays, g_strdup (name)))
            {
              new_strays++;
              /* Not the length of either text: killed while writing it. */
              if ((gsize) st.st_size != a->len && (gsize) st.st_size != b->len)
                mid_write++;
            }
        }
      g_assert_cmpuint (new_strays, <=, 1);
      mid_save += new_strays;
      max_strays = MAX (max_strays, names->len);
    }

  /* The next save of the document removes what the killed ones left. */
  g_assert_true (spec_text_file_save (doc, a->str, a->len, NULL, &error));
  g_assert_no_error (error);
  strays = list_strays (docs);
  for (guint i = 0; i < strays->len; i++)
    fail ("the next save left a killed save's temporary: %s",
          (const char *) g_ptr_array_index (strays, i));

  g_test_message ("%u kills: %u left A, %u left B; %u landed mid-save: %u left a "
                  "temporary (%u partly written, %u written but not yet renamed), %u came "
                  "after the rename (syncing the folder); %u came before the child's first "
                  "save was done; the children completed %u saves; at most %u temporaries "
                  "were in the folder at once; %.1f s in all",
                  landed_a + landed_b, landed_a, landed_b, mid_save + after_rename, mid_save,
                  mid_write, mid_save - mid_write, after_rename, before_first_save,
                  total_saves, max_strays,
                  (g_get_monotonic_time () - test_start) / (double) G_USEC_PER_SEC);

  /* Otherwise the kills never hit a save at work, and nothing was shown.
   * A trial that failed ended the run: the numbers fall short then. */
  if (!g_test_failed ())
    {
      g_assert_cmpuint (landed_a + landed_b, ==, N_TRIALS);
      g_assert_cmpuint (mid_save, >, 0);
    }

  spec_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check still reaches the clean-up of 10 MB of texts. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/text-file/save/sigkill", test_random_kills);

  return g_test_run ();
}
