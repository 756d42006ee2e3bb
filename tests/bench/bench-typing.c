/* bench-typing.c: typing latency in a real window
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Types 200 characters, about one every 50 ms (35 to 65 ms apart, as a
 * person does, from a fixed seed), into a paragraph in the middle of (a) a
 * 50 KB spec and (b) a ~9 MB document, in a presented window, the way the
 * key bindings do.  For each keystroke it reports the time from the buffer
 * change until the preview and the navigator both hold a snapshot that
 * contains it and a frame has been painted; it also reports the longest
 * time the main thread could not respond, and how long after the last
 * keystroke the views caught up.
 *
 * While anything animates (the cursor's blink fading, an overlay scroll
 * bar fading out after the views moved), GTK draws at the display's rate,
 * 60 frames a second, and a change waits for the next frame to begin: up
 * to 16.7 ms, whatever the app does.  So each keystroke's time is also
 * split into the app's work (until both views hold it, plus the layout and
 * paint of the frame that shows it) and that wait.
 *
 * Typing starts once the main loop has been quiet for a second after
 * loading: what a large text costs to open is reported apart.  It measures;
 * it fails only when something is broken (a view never catches up).
 *
 *   xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- \
 *     meson test -C build --benchmark bench-typing
 *
 * SPEC_BENCH_CASE=a or b runs one case (for a profiler);
 * SPEC_BENCH_KEY_INTERVAL_MS changes the pace.
 */

#include "config.h"

#include <locale.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"
#include "spec-test-utils.h"
#include "spec-editor-jump.h"
#include "spec-window-private.h"

#define N_KEYS          200
#define P95_INDEX       ((N_KEYS * 95 + 99) / 100 - 1)   /* nearest rank */
#define LOAD_TIMEOUT_MS 120000
#define SETTLE_MAX_US   (120 * G_USEC_PER_SEC)
#define CATCH_UP_US     (30 * G_USEC_PER_SEC)
#define PROBE_US        2000
#define QUIET_MS        10.0     /* a settled loop answers within this... */
#define QUIET_US        G_USEC_PER_SEC   /* ...for this long */
#define STALL_MS        50.0

/* Letters and spaces, as a person types them (all ASCII: one byte each). */
static const char phrase[] = "the service answers within two hundred ms ";

/* Main-thread stalls.  A helper thread posts a timestamped idle to the
 * main context every 2 ms, one at a time.  At G_PRIORITY_HIGH it runs
 * before anything else that is ready, so its delay is the work that was
 * already running: what a key press would wait for.  Timing the gaps
 * between a main-thread timeout's runs would add the timer's slack to
 * every gap.  Only one probe is in flight, so one stall counts once.
 *
 * On a machine with few cores a stall may also be the main thread waiting
 * for a CPU (the parse thread and the X server want one too), so each
 * stall's main-thread CPU time is kept beside it. */
typedef struct
{
  GThread   *thread;
  clockid_t  main_cpu;           /* the main thread's CPU-time clock */
  gint       running;            /* atomic */
  gint       in_flight;          /* atomic */
  /* The rest belongs to the main thread. */
  gint64     busy_at;            /* the last delay over QUIET_MS */
  double     longest_ms;
  double     longest_cpu_ms;     /* of the longest, on the CPU */
  guint      n_over;
  guint      n_over_cpu;         /* of those, over STALL_MS on the CPU */
} StallProbe;

typedef struct
{
  StallProbe *probe;
  gint64      posted;
  double      cpu_posted_ms;
} Probe;

static double
cpu_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static gboolean
probe_dispatch (gpointer data)
{
  Probe *p = data;
  StallProbe *probe = p->probe;
  gint64 now = g_get_monotonic_time ();
  double ms = (now - p->posted) / 1000.0;
  double on_cpu = cpu_ms (CLOCK_THREAD_CPUTIME_ID) - p->cpu_posted_ms;

  g_atomic_int_set (&probe->in_flight, FALSE);

  if (ms > QUIET_MS)
    probe->busy_at = now;
  if (ms > STALL_MS)
    probe->n_over++;
  if (ms > STALL_MS && on_cpu > STALL_MS)
    probe->n_over_cpu++;
  if (ms > probe->longest_ms)
    {
      probe->longest_ms = ms;
      probe->longest_cpu_ms = on_cpu;
    }

  return G_SOURCE_REMOVE;
}

/* Not g_main_context_invoke(): from a thread without its own context it
 * runs the function right here whenever the main thread is between two
 * iterations. */
static gpointer
probe_thread (gpointer data)
{
  StallProbe *probe = data;

  while (g_atomic_int_get (&probe->running))
    {
      if (g_atomic_int_compare_and_exchange (&probe->in_flight, FALSE, TRUE))
        {
          GSource *source = g_idle_source_new ();
          Probe *p = g_new (Probe, 1);

          p->probe = probe;
          p->posted = g_get_monotonic_time ();
          p->cpu_posted_ms = cpu_ms (probe->main_cpu);
          g_source_set_priority (source, G_PRIORITY_HIGH);
          g_source_set_callback (source, probe_dispatch, p, g_free);
          g_source_attach (source, NULL);
          g_source_unref (source);
        }
      g_usleep (PROBE_US);
    }

  return NULL;
}

/* Forgets what was seen so far: measuring starts now. */
static void
stall_probe_reset (StallProbe *probe)
{
  probe->busy_at = g_get_monotonic_time ();
  probe->longest_ms = probe->longest_cpu_ms = 0;
  probe->n_over = probe->n_over_cpu = 0;
}

static void
stall_probe_start (StallProbe *probe)
{
  memset (probe, 0, sizeof *probe);
  stall_probe_reset (probe);
  g_assert (pthread_getcpuclockid (pthread_self (), &probe->main_cpu) == 0);
  probe->running = TRUE;
  probe->thread = g_thread_new ("stall-probe", probe_thread, probe);
}

static void
stall_probe_stop (StallProbe *probe)
{
  g_atomic_int_set (&probe->running, FALSE);
  g_thread_join (g_steal_pointer (&probe->thread));

  /* The last probe points to @probe: let it run while @probe lives. */
  while (g_atomic_int_get (&probe->in_flight))
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until it has been quiet for QUIET_US, or until
 * @deadline; %FALSE if it never was. */
static gboolean
stall_probe_settle (StallProbe *probe,
                    gint64      deadline)
{
  gint64 now;

  probe->busy_at = g_get_monotonic_time ();
  while ((now = g_get_monotonic_time ()) - probe->busy_at < QUIET_US)
    {
      if (now > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

/* Typing and seeing it */

typedef struct
{
  SpecWindow *window;
  gsize       base_len;      /* the snapshot's length before typing */
  gint64      start;
  gint64      interval;      /* between keystrokes on average, µs */
  gint64      due[N_KEYS];   /* when each is typed, from start */
  gint64      frame_began;   /* when the frame being drawn began */
  guint       n_typed;
  guint       n_shown;       /* keystrokes in both views, and painted */
  guint       n_ready;       /* keystrokes both views hold */
  gint64      typed_at[N_KEYS];
  gint64      ready_at[N_KEYS];
  double      insert_ms[N_KEYS];
  double      latency_ms[N_KEYS];
  double      work_ms[N_KEYS];
  double      wait_ms[N_KEYS];
} Typing;

static gboolean
type_next (gpointer data)
{
  Typing *t = data;
  char key[2] = { phrase[t->n_typed % (sizeof phrase - 1)], '\0' };
  gint64 due;

  t->typed_at[t->n_typed] = g_get_monotonic_time ();
  g_signal_emit_by_name (t->window->editor, "insert-at-cursor", key);
  t->insert_ms[t->n_typed] = (g_get_monotonic_time () - t->typed_at[t->n_typed]) / 1000.0;

  if (++t->n_typed < N_KEYS)
    {
      /* On a fixed schedule: keys that pile up behind a stall are typed
       * as soon as the loop is free, as queued key events would be. */
      due = t->start + t->due[t->n_typed];
      g_timeout_add (MAX (0, due - g_get_monotonic_time () + 999) / 1000, type_next, t);
    }

  return G_SOURCE_REMOVE;
}

static gsize
snapshot_len (SpecSnapshot *snapshot)
{
  gsize len = 0;

  if (snapshot != NULL)
    spec_snapshot_get_text (snapshot, &len);

  return len;
}

/* Typing only appends to the text, so a snapshot N bytes longer than the
 * first holds the first N keystrokes. */
static guint
keys_in_views (Typing *t)
{
  gsize shown = MIN (snapshot_len (spec_preview_get_snapshot (t->window->preview)),
                     snapshot_len (spec_navigator_get_snapshot (t->window->navigator)));

  return shown > t->base_len ? MIN (shown - t->base_len, t->n_typed) : 0;
}

static void
on_frame_begins (GdkFrameClock *clock,
                 Typing        *t)
{
  t->frame_began = g_get_monotonic_time ();
}

/* Nothing changes the views' snapshots while a frame is laid out and
 * painted: whatever they hold now was on screen in this frame. */
static void
on_after_paint (GdkFrameClock *clock,
                Typing        *t)
{
  gint64 now = g_get_monotonic_time ();
  guint n = keys_in_views (t);

  for (; t->n_shown < n; t->n_shown++)
    {
      gint64 typed = t->typed_at[t->n_shown];
      gint64 ready = MAX (t->ready_at[t->n_shown], typed);
      gint64 began = MAX (t->frame_began, ready);

      t->latency_ms[t->n_shown] = (now - typed) / 1000.0;
      t->work_ms[t->n_shown] = ((ready - typed) + (now - began)) / 1000.0;
      t->wait_ms[t->n_shown] = (began - ready) / 1000.0;
    }
}

/* Marks the keystrokes both views now hold.  A snapshot that changes
 * nothing visible queues no frame of its own and would wait for the
 * cursor's next blink; ask for one, which costs nothing when the views
 * already did. */
static void
on_snapshot (GtkWidget *view,
             GParamSpec *pspec,
             Typing     *t)
{
  gint64 now = g_get_monotonic_time ();
  guint n = keys_in_views (t);

  for (; t->n_ready < n; t->n_ready++)
    t->ready_at[t->n_ready] = now;

  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (view),
                                 GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* The text */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The seed templates, then (for @more) the finished specs of the tests,
 * each file once, in a fixed order.  The one spec with footnotes is left
 * out: footnotes are numbered across the whole document, so a document
 * with any is parsed whole after every edit (see src/core/spec-segment.c),
 * which is slower; bench-snapshot times that. */
static GString *
read_unit (gboolean more)
{
  g_auto(GStrv) seeds = spec_test_list_seeds ();
  g_autofree char *finished = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "finished", NULL);
  g_autoptr(GDir) dir = more ? g_dir_open (finished, 0, NULL) : NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GString *unit = g_string_new (NULL);
  const char *name;

  for (guint i = 0; seeds && seeds[i]; i++)
    g_ptr_array_add (paths, g_strdup (seeds[i]));

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (paths, g_build_filename (finished, name, NULL));
  if (more)
    g_ptr_array_sort (paths, compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (g_ptr_array_index (paths, i), &contents, NULL, NULL) &&
          strstr (contents, "\n[^") == NULL)
        g_string_append_printf (unit, "%s\n\n", contents);
    }

  return unit;
}

/* Copies of the specs, each under its own heading, up to @size bytes and
 * cut before a heading, so that no code block is left open. */
static char *
build_document (gsize    size,
                gboolean more)
{
  g_autoptr(GString) unit = read_unit (more);
  GString *doc = g_string_sized_new (size + unit->len + 64);
  const char *cut;

  if (unit->len == 0)
    return g_string_free (doc, TRUE), NULL;

  for (guint copy = 1; doc->len < size; copy++)
    g_string_append_printf (doc, "# Part %u\n\n%s", copy, unit->str);

  if ((cut = g_strrstr_len (doc->str, size, "\n\n#")))
    g_string_truncate (doc, cut - doc->str + 1);

  return g_string_free (doc, FALSE);
}

typedef struct
{
  SpecWindow *window;
  gsize       len;
} Loading;

static gboolean
views_show_text (gpointer data)
{
  Loading *loading = data;
  SpecSnapshot *snapshot = spec_document_get_snapshot (loading->window->document);

  return snapshot_len (snapshot) == loading->len &&
         spec_preview_get_snapshot (loading->window->preview) == snapshot &&
         spec_navigator_get_snapshot (loading->window->navigator) == snapshot;
}

/* After a load GtkTextView lays the lines out in the background (about
 * 6 s for 9 MB here), and a jump to a far line waits for the lines above
 * it (see spec-editor-jump.c): typing starts once that is done, at the
 * place jumped to, as a person would once it shows.  Done is the text's
 * height staying put. */
typedef struct
{
  GtkAdjustment *vadj;
  double         upper;
  gint64         since;
} Layout;

#define LAID_OUT_US (G_USEC_PER_SEC / 2)

static gboolean
editor_laid_out (gpointer data)
{
  Layout *layout = data;
  gint64 now = g_get_monotonic_time ();

  if (gtk_adjustment_get_upper (layout->vadj) != layout->upper)
    {
      layout->upper = gtk_adjustment_get_upper (layout->vadj);
      layout->since = now;
    }

  return now - layout->since >= LAID_OUT_US;
}

/* The end of the first paragraph in the second half of the document:
 * typing there changes one block of the preview, as it usually does. */
static void
find_typing_place (SpecWindow  *window,
                   GtkTextIter *iter)
{
  SpecSnapshot *snapshot = spec_document_get_snapshot (window->document);
  guint n_blocks = spec_snapshot_get_n_blocks (snapshot);
  guint line = 1;

  for (guint i = n_blocks / 2; i < n_blocks; i++)
    if (spec_snapshot_get_block (snapshot, i)->type == CMARK_NODE_PARAGRAPH)
      {
        line = spec_snapshot_get_block (snapshot, i)->end_line;
        break;
      }

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (window->document), iter, line - 1);
  if (!gtk_text_iter_ends_line (iter))
    gtk_text_iter_forward_to_line_end (iter);
}

/* The case */

static const char *
verdict (gboolean met)
{
  return met ? "met" : "NOT met";
}

static void
print_figures (const char       *label,
               const Typing     *t,
               const StallProbe *probe,
               gboolean          big)
{
  double latency[N_KEYS], insert[N_KEYS], work[N_KEYS], wait[N_KEYS];
  double caught_up = t->latency_ms[N_KEYS - 1];

  memcpy (latency, t->latency_ms, sizeof latency);
  memcpy (insert, t->insert_ms, sizeof insert);
  memcpy (work, t->work_ms, sizeof work);
  memcpy (wait, t->wait_ms, sizeof wait);
  qsort (latency, N_KEYS, sizeof (double), compare_doubles);
  qsort (insert, N_KEYS, sizeof (double), compare_doubles);
  qsort (work, N_KEYS, sizeof (double), compare_doubles);
  qsort (wait, N_KEYS, sizeof (double), compare_doubles);

  g_print ("  keystrokes:        %d, %.0f ms apart on average (%.0f to %.0f)\n", N_KEYS,
           t->interval / 1000.0, t->interval * 0.7 / 1000.0, t->interval * 1.3 / 1000.0);
  g_print ("  latency (ms):      min %.1f  median %.1f  p95 %.1f  max %.1f\n",
           latency[0], latency[N_KEYS / 2], latency[P95_INDEX], latency[N_KEYS - 1]);
  g_print ("    the app's work:  min %.1f  median %.1f  p95 %.1f  max %.1f\n",
           work[0], work[N_KEYS / 2], work[P95_INDEX], work[N_KEYS - 1]);
  g_print ("    frame wait:      min %.1f  median %.1f  p95 %.1f  max %.1f "
           "(for GTK's next frame to begin)\n",
           wait[0], wait[N_KEYS / 2], wait[P95_INDEX], wait[N_KEYS - 1]);
  g_print ("  insert alone (ms): median %.2f  max %.2f\n", insert[N_KEYS / 2], insert[N_KEYS - 1]);
  g_print ("  longest stall:     %.1f ms (%.1f ms of it on the CPU); %u over %.0f ms "
           "(%u of them over %.0f ms on the CPU)\n",
           probe->longest_ms, probe->longest_cpu_ms, probe->n_over, STALL_MS,
           probe->n_over_cpu, STALL_MS);
  g_print ("  caught up:         %.1f ms after the last keystroke\n", caught_up);
  g_print ("  latency (ms) of each keystroke, in order:");
  for (guint k = 0; k < N_KEYS; k++)
    g_print ("%s%.0f", k % 20 == 0 ? "\n    " : " ", t->latency_ms[k]);
  g_print ("\n");

  /* For build-aux/dev.sh bench's table: measure, Specwright, floor,
   * ratio, target, verdict.  The target is on the app's work: the wait
   * for GTK's next frame (up to 16.7 ms at 60 frames a second) comes on
   * top whatever the app does. */
  g_print ("ROW\ttyping, %s: p50 / p95 / longest stall (p95 with the frame wait)\t"
           "%.1f / %.1f / %.1f ms (%.1f ms)\t—\t—\t%s\t%s\n",
           label, work[N_KEYS / 2], work[P95_INDEX], probe->longest_ms, latency[P95_INDEX],
           big ? "no stall over 50 ms" : "p95 ≤ 16 ms",
           big ? (probe->n_over == 0 ? "met" : "MISSED")
               : (work[P95_INDEX] <= 16.0 ? "met" : "MISSED"));

  if (!big)
    g_print ("  %s target: p95 %.1f ms of the app's work (at most 16 ms: %s); "
             "%.1f ms with the frame wait (%s)\n",
             label, work[P95_INDEX], verdict (work[P95_INDEX] <= 16.0),
             latency[P95_INDEX], verdict (latency[P95_INDEX] <= 16.0));
  else
    g_print ("  %s targets: longest stall %.1f ms (none over 50 ms: %s); "
             "caught up %.1f ms (within 500 ms: %s)\n",
             label, probe->longest_ms, verdict (probe->n_over == 0),
             caught_up, verdict (caught_up <= 500.0));
}

static gboolean
run_case (const char *label,
          const char *text,
          gboolean    big)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SpecWindow) window = g_object_ref_sink (spec_window_new (NULL, settings));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (window->document);
  const char *interval_env = g_getenv ("SPEC_BENCH_KEY_INTERVAL_MS");
  g_autofree char *final = NULL;
  GdkFrameClock *clock;
  GtkTextIter iter;
  StallProbe probe;
  Typing t = { 0 };
  Layout layout = { 0 };
  gint64 start, shown, laid_out, deadline;
  double going_ms;
  gboolean quiet;
  gulong handler, begin_handler;
  GRand *rand;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  spec_test_wait_for_frames (GTK_WIDGET (window), 2);

  /* As opening a file does: loading is no edit to undo. */
  start = g_get_monotonic_time ();
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  if (!spec_test_wait_for (views_show_text, &(Loading) { window, strlen (text) }, LOAD_TIMEOUT_MS))
    {
      g_printerr ("%s: the views never showed the loaded text\n", label);
      return FALSE;
    }
  spec_test_wait_for_frames (GTK_WIDGET (window), 3);
  shown = g_get_monotonic_time ();
  layout.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->editor));
  layout.since = shown;
  if (!spec_test_wait_for (editor_laid_out, &layout, LOAD_TIMEOUT_MS))
    {
      g_printerr ("%s: the editor never finished laying out the text\n", label);
      return FALSE;
    }
  laid_out = g_get_monotonic_time () - LAID_OUT_US;

  /* Go there as the navigator does, then click the end of the line, as a
   * person does: the click brings the cursor's block into the preview,
   * which the first keystroke would do otherwise. */
  find_typing_place (window, &iter);
  stall_probe_start (&probe);
  spec_window_go_to_line (window, gtk_text_iter_get_line (&iter) + 1);
  deadline = g_get_monotonic_time () + SETTLE_MAX_US;
  quiet = stall_probe_settle (&probe, deadline);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, gtk_text_iter_get_line (&iter));
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (window->editor));
  quiet = stall_probe_settle (&probe, deadline) && quiet;
  going_ms = probe.longest_ms;
  if (spec_editor_jump_is_pending (GTK_TEXT_VIEW (window->editor)))
    {
      g_printerr ("%s: the editor never arrived at line %d\n", label, gtk_text_iter_get_line (&iter) + 1);
      return FALSE;
    }

  g_print ("\n%s: %.2f MB, %d lines; typing at the end of line %d\n",
           label, strlen (text) / 1e6, gtk_text_buffer_get_line_count (buffer),
           gtk_text_iter_get_line (&iter) + 1);
  g_print ("  loading:           shown in %.0f ms; editor laid out %.0f ms later; "
           "main loop %s %.0f ms after that\n",
           (shown - start) / 1000.0, (laid_out - shown) / 1000.0,
           quiet ? "quiet" : "STILL BUSY, typing anyway,",
           (g_get_monotonic_time () - laid_out) / 1000.0);
  g_print ("  going there:       longest stall %.1f ms (the editor and preview jump there)\n",
           going_ms);

  t.window = window;
  t.base_len = snapshot_len (spec_preview_get_snapshot (window->preview));
  t.interval = (interval_env ? CLAMP (atoi (interval_env), 1, 1000) : 50) * 1000;
  rand = g_rand_new_with_seed (4);
  for (guint k = 1; k < N_KEYS; k++)
    t.due[k] = t.due[k - 1] + (gint64) (t.interval * g_rand_double_range (rand, 0.7, 1.3));
  g_rand_free (rand);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &t);
  begin_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_begins), &t);
  g_signal_connect (window->preview, "notify::snapshot", G_CALLBACK (on_snapshot), &t);
  g_signal_connect (window->navigator, "notify::snapshot", G_CALLBACK (on_snapshot), &t);

  stall_probe_reset (&probe);
  t.start = g_get_monotonic_time ();
  type_next (&t);

  deadline = G_MAXINT64;
  while (t.n_shown < N_KEYS && g_get_monotonic_time () < deadline)
    {
      if (t.n_typed == N_KEYS && deadline == G_MAXINT64)
        deadline = t.typed_at[N_KEYS - 1] + CATCH_UP_US;
      g_main_context_iteration (NULL, TRUE);
    }

  stall_probe_stop (&probe);
  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, begin_handler);
  g_signal_handlers_disconnect_by_func (window->preview, on_snapshot, &t);
  g_signal_handlers_disconnect_by_func (window->navigator, on_snapshot, &t);

  if (t.n_shown < N_KEYS)
    {
      g_printerr ("%s: the preview and navigator showed %u of %d keystrokes "
                  "30 s after the last\n", label, t.n_shown, N_KEYS);
      return FALSE;
    }

  /* The lengths said "caught up": the text must say so too. */
  final = spec_document_dup_text (window->document);
  if (strcmp (final, spec_snapshot_get_text (spec_preview_get_snapshot (window->preview), NULL)) != 0)
    {
      g_printerr ("%s: the preview's text is not the buffer's\n", label);
      return FALSE;
    }

  print_figures (label, &t, &probe, big);
  gtk_window_destroy (GTK_WINDOW (window));

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *only = g_getenv ("SPEC_BENCH_CASE");
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  gboolean ok = TRUE;

  spec_test_init (&argc, &argv);
  /* The table's "—" and "≤" as UTF-8: gtk_test_init() leaves the locale
   * alone, and g_print() writes in the locale's charset. */
  setlocale (LC_ALL, "");
  /* g_test_init() made warnings fatal; a benchmark reports what it saw
   * (a GTK layout warning, say) and goes on measuring.  Criticals still
   * abort, through G_DEBUG=fatal-criticals. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  small = build_document (50 * 1000, FALSE);
  large = build_document (9 * 1000 * 1000, TRUE);
  if (small == NULL || large == NULL)
    {
      g_printerr ("no text to type into: SPEC_SEEDS_DIR and G_TEST_SRCDIR are unset or empty\n");
      return 1;
    }

  if (g_strcmp0 (only, "b") != 0)
    ok = run_case ("(a) 50 KB spec", small, FALSE) && ok;
  if (g_strcmp0 (only, "a") != 0)
    ok = run_case ("(b) 9 MB document", large, TRUE) && ok;

  return ok ? 0 : 1;
}
