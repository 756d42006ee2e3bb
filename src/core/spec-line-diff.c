/* spec-line-diff.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spec-line-diff.h"

/* Myers' O(ND) difference algorithm over lines, after the common head
 * and tail are taken off (most revisions differ in a few places).  The
 * furthest-reaching paths of every step are kept to walk back the edit
 * script; past MAX_D steps (texts with nothing in common) the middle is
 * shown as removed then added, which is still a true, if long, diff. */

#define MAX_D 1000

static void
line_free (gpointer data)
{
  SpecDiffLine *line = data;

  g_free (line->text);
  g_free (line);
}

void
spec_line_diff_free (SpecLineDiff *diff)
{
  if (diff == NULL)
    return;

  g_ptr_array_unref (diff->lines);
  g_free (diff);
}

/* Lines without their ends; a final newline does not make an empty
 * last line. */
static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
    }

  return g_steal_pointer (&lines);
}

static void
add_line (SpecLineDiff *diff,
          SpecDiffOp    op,
          const char   *text,
          guint         old_line,
          guint         new_line)
{
  SpecDiffLine *line = g_new0 (SpecDiffLine, 1);

  line->op = op;
  line->text = g_strdup (text);
  line->old_line = op == SPEC_DIFF_ADDED ? 0 : old_line;
  line->new_line = op == SPEC_DIFF_REMOVED ? 0 : new_line;
  g_ptr_array_add (diff->lines, line);
  if (op == SPEC_DIFF_ADDED)
    diff->n_added++;
  else if (op == SPEC_DIFF_REMOVED)
    diff->n_removed++;
}

typedef struct
{
  char **a;
  char **b;
  int    a0, n;   /* the middle of a: a[a0 .. a0 + n) */
  int    b0, m;
} Middle;

/* The edit script from the end back to the start, as ops in reverse. */
static GArray *
myers (const Middle *mid)
{
  int max = mid->n + mid->m;
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  GArray *ops = g_array_new (FALSE, FALSE, sizeof (SpecDiffOp));
  int d, found = -1;

  for (d = 0; d <= max && d <= MAX_D; d++)
    {
      /* Only the diagonals this step can read: memory grows as d², not
       * as d times the texts' length. */
      g_ptr_array_add (trace, g_memdup2 (v + offset - d, sizeof (int) * (2 * d + 1)));
      for (int k = -d; k <= d; k += 2)
        {
          int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1] : v[offset + k - 1] + 1;
          int y = x - k;

          while (x < mid->n && y < mid->m &&
                 strcmp (mid->a[mid->a0 + x], mid->b[mid->b0 + y]) == 0)
            x++, y++;
          v[offset + k] = x;
          if (x >= mid->n && y >= mid->m)
            {
              found = d;
              break;
            }
        }
      if (found >= 0)
        break;
    }

  if (found < 0)
    {
      /* Too different: all of it removed, then all of it added. */
      for (int i = 0; i < mid->m; i++)
        g_array_append_val (ops, (SpecDiffOp) { SPEC_DIFF_ADDED });
      for (int i = 0; i < mid->n; i++)
        g_array_append_val (ops, (SpecDiffOp) { SPEC_DIFF_REMOVED });
      return ops;
    }

  {
    int x = mid->n, y = mid->m;

    for (d = found; d > 0; d--)
      {
        int *pv = (int *) g_ptr_array_index (trace, d) + d;   /* pv[k], -d <= k <= d */
        int k = x - y;
        int prev_k = (k == -d || (k != d && pv[k - 1] < pv[k + 1])) ? k + 1 : k - 1;
        int prev_x = pv[prev_k];
        int prev_y = prev_x - prev_k;

        while (x > prev_x && y > prev_y)
          {
            g_array_append_val (ops, (SpecDiffOp) { SPEC_DIFF_SAME });
            x--, y--;
          }
        if (x == prev_x)
          g_array_append_val (ops, (SpecDiffOp) { SPEC_DIFF_ADDED });
        else
          g_array_append_val (ops, (SpecDiffOp) { SPEC_DIFF_REMOVED });
        x = prev_x, y = prev_y;
      }
    while (x > 0 && y > 0)
      {
        g_array_append_val (ops, (SpecDiffOp) { SPEC_DIFF_SAME });
        x--, y--;
      }
  }

  return ops;
}

/**
 * spec_line_diff_new:
 *
 * Returns: (transfer full): the lines of both texts in reading order,
 *   each the same in both, removed from @old_text or added in @new_text
 */
SpecLineDiff *
spec_line_diff_new (const char *old_text,
                    const char *new_text)
{
  g_auto(GStrv) a = split_lines (old_text);
  g_auto(GStrv) b = split_lines (new_text);
  SpecLineDiff *diff = g_new0 (SpecLineDiff, 1);
  int n = (int) g_strv_length (a), m = (int) g_strv_length (b);
  int head = 0, tail = 0;
  int i = 0, j = 0;
  g_autoptr(GArray) ops = NULL;

  diff->lines = g_ptr_array_new_with_free_func (line_free);

  while (head < n && head < m && strcmp (a[head], b[head]) == 0)
    head++;
  while (tail < n - head && tail < m - head && strcmp (a[n - 1 - tail], b[m - 1 - tail]) == 0)
    tail++;

  ops = myers (&(Middle) { a, b, head, n - head - tail, head, m - head - tail });

  for (; i < head; i++, j++)
    add_line (diff, SPEC_DIFF_SAME, a[i], i + 1, j + 1);
  for (guint o = ops->len; o > 0; o--)
    {
      SpecDiffOp op = g_array_index (ops, SpecDiffOp, o - 1);

      if (op == SPEC_DIFF_SAME)
        add_line (diff, op, a[i], i + 1, j + 1), i++, j++;
      else if (op == SPEC_DIFF_REMOVED)
        add_line (diff, op, a[i], i + 1, 0), i++;
      else
        add_line (diff, op, b[j], 0, j + 1), j++;
    }
  for (; i < n; i++, j++)
    add_line (diff, SPEC_DIFF_SAME, a[i], i + 1, j + 1);

  return diff;
}
