/* test-preview-code.c: code blocks highlighted by GtkSourceView
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "spec-code-block.h"
#include "spec-test-utils.h"
#include "preview-fixture.h"

static const char languages_text[] =
  "# Code\n"
  "\n"
  "```sql\n"
  "SELECT id FROM users WHERE name = 'x';\n"
  "```\n"
  "\n"
  "```ts title=\"a.ts\"\n"
  "const x: number = 1;\n"
  "```\n"
  "\n"
  "```unknownlang\n"
  "SELECT nothing\n"
  "```\n"
  "\n"
  "```py\n"
  "def f():\n"
  "    return 1\n"
  "```\n"
  "\n"
  "```\n"
  "no info string\n"
  "```\n"
  "\n"
  "    indented code\n";

static GtkSourceBuffer *
code_buffer (GPtrArray *views,
             guint      i)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, i));

  g_assert_true (GTK_SOURCE_IS_BUFFER (buffer));

  return GTK_SOURCE_BUFFER (buffer);
}

static const char *
language_id (GtkSourceBuffer *buffer)
{
  GtkSourceLanguage *language = gtk_source_buffer_get_language (buffer);

  return language != NULL ? gtk_source_language_get_id (language) : NULL;
}

static const char *
scheme_id (GtkSourceBuffer *buffer)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (buffer);

  return scheme != NULL ? gtk_source_style_scheme_get_id (scheme) : NULL;
}

/* Whether any highlighting tag covers the character at @offset. */
static gboolean
has_tags_at (GtkSourceBuffer *buffer,
             int              offset)
{
  GtkTextIter iter;
  GSList *tags;
  gboolean found;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (buffer), &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  found = tags != NULL;
  g_slist_free (tags);

  return found;
}

static gboolean
has_any_tag (GtkSourceBuffer *buffer)
{
  int n = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer));

  for (int i = 0; i < n; i++)
    {
      if (has_tags_at (buffer, i))
        return TRUE;
    }

  return FALSE;
}

static char *
buffer_text (GtkSourceBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);

  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, FALSE);
}

static void
test_languages (void)
{
  PreviewFixture fixture;
  g_autoptr(GPtrArray) views = NULL;
  g_autofree char *sql = NULL;

  preview_fixture_init (&fixture, 600, 800);
  preview_fixture_show (&fixture, languages_text);

  views = preview_find_widgets (fixture.preview, GTK_TYPE_TEXT_VIEW, "code");
  g_assert_cmpuint (views->len, ==, 6);

  g_assert_cmpstr (language_id (code_buffer (views, 0)), ==, "sql");
  g_assert_cmpstr (language_id (code_buffer (views, 1)), ==, "typescript");
  g_assert_null (language_id (code_buffer (views, 2)));
  g_assert_cmpstr (language_id (code_buffer (views, 3)), ==, "python3");
  g_assert_null (language_id (code_buffer (views, 4)));
  g_assert_null (language_id (code_buffer (views, 5)));

  /* highlighted for real: the keyword carries a style, while the same
   * word in an unknown language is plain */
  sql = buffer_text (code_buffer (views, 0));
  g_assert_cmpstr (sql, ==, "SELECT id FROM users WHERE name = 'x';");
  g_assert_true (has_tags_at (code_buffer (views, 0), 0));
  g_assert_true (has_tags_at (code_buffer (views, 1), 0));
  g_assert_false (has_any_tag (code_buffer (views, 2)));
  g_assert_false (has_any_tag (code_buffer (views, 4)));

  for (guint i = 0; i < views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (views, i);

      g_assert_false (gtk_text_view_get_editable (view));
      g_assert_false (gtk_text_view_get_cursor_visible (view));
      g_assert_true (gtk_text_view_get_monospace (view));
      g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_NONE);
      g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (view)),
                                               "code-block"));
      /* as tall as its text and the padding, however it was laid out */
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, 30);
    }

  preview_fixture_clear (&fixture);
}

/* The names authors write after the fence. */
static void
test_aliases (void)
{
  static const struct
  {
    const char *info;
    const char *id;
  } cases[] = {
    { "sql", "sql" }, { "SQL", "sql" },
    { "python", "python3" }, { "py", "python3" }, { "python2", "python" },
    { "typescript", "typescript" }, { "ts", "typescript" }, { "tsx", "typescript-jsx" },
    { "javascript", "js" }, { "js", "js" }, { "json", "json" },
    { "bash", "sh" }, { "sh", "sh" }, { "shell", "sh" }, { "zsh", "sh" },
    { "yaml", "yaml" }, { "yml", "yaml" }, { "toml", "toml" },
    { "rust", "rust" }, { "rs", "rust" }, { "c", "c" }, { "cpp", "cpp" }, { "c++", "cpp" },
    { "go", "go" }, { "golang", "go" }, { "html", "html" }, { "xml", "xml" }, { "css", "css" },
    { "diff", "diff" }, { "patch", "diff" }, { "markdown", "markdown" }, { "md", "markdown" },
    { "java", "java" }, { "kotlin", "kotlin" }, { "meson", "meson" }, { "ini", "ini" },
    { "dockerfile", "docker" }, { "protobuf", "proto" }, { "csharp", "c-sharp" },
    /* only the first word; Pandoc's braces */
    { "ts title=\"a.ts\"", "typescript" }, { "  rust,ignore", "rust" }, { "{.python}", "python3" },
    { "unknownlang", NULL }, { "mermaid", NULL }, { "", NULL }, { "   ", NULL },
    /* a hidden piece of another language is no language */
    { "javascript-values", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkSourceLanguage *language = spec_code_block_get_language (cases[i].info);

      g_test_message ("info string '%s'", cases[i].info);
      g_assert_cmpstr (language ? gtk_source_language_get_id (language) : NULL, ==, cases[i].id);
    }

  g_assert_null (spec_code_block_get_language (NULL));
}

static void
test_mermaid (void)
{
  PreviewFixture fixture;
  g_autoptr(GPtrArray) views = NULL;
  g_autofree char *source = NULL;
  GtkWidget *block;
  GtkWidget *caption;
  graphene_point_t caption_point;
  graphene_point_t code_point;

  preview_fixture_init (&fixture, 600, 600);
  preview_fixture_show (&fixture, "```mermaid\ngraph TD\n  A --> B\n```\n\n```sql\nSELECT 1;\n```\n");

  /* the caption belongs to the diagram's block only, above its source */
  block = spec_preview_get_block_widget (fixture.preview, 0);
  caption = preview_find_label (block, "Diagram");
  g_assert_nonnull (caption);
  g_assert_true (gtk_widget_get_mapped (caption));
  g_assert_null (preview_find_label (spec_preview_get_block_widget (fixture.preview, 1), "Diagram"));

  views = preview_find_widgets (block, GTK_TYPE_TEXT_VIEW, "code");
  g_assert_cmpuint (views->len, ==, 1);
  source = buffer_text (code_buffer (views, 0));
  g_assert_cmpstr (source, ==, "graph TD\n  A --> B");
  g_assert_null (language_id (code_buffer (views, 0)));

  g_assert_true (gtk_widget_compute_point (caption, block, &GRAPHENE_POINT_INIT (0, 0), &caption_point));
  g_assert_true (gtk_widget_compute_point (g_ptr_array_index (views, 0), block,
                                           &GRAPHENE_POINT_INIT (0, 0), &code_point));
  g_assert_cmpfloat (caption_point.y + gtk_widget_get_height (caption), <=, code_point.y);

  preview_fixture_clear (&fixture);
}

/* Long lines scroll sideways; the text can be selected. */
static void
test_scroll_and_select (void)
{
  PreviewFixture fixture;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GString) text = g_string_new ("```json\n{\"key\": \"");
  GtkWidget *scroller;
  GtkAdjustment *hadj;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "very long value ");
  g_string_append (text, "\"}\n```\n");

  preview_fixture_init (&fixture, 500, 400);
  preview_fixture_show (&fixture, text->str);

  views = preview_find_widgets (fixture.preview, GTK_TYPE_TEXT_VIEW, "code");
  g_assert_cmpuint (views->len, ==, 1);
  scroller = gtk_widget_get_ancestor (g_ptr_array_index (views, 0), GTK_TYPE_SCROLLED_WINDOW);
  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, gtk_adjustment_get_page_size (hadj));
  g_assert_cmpint (gtk_widget_get_width (scroller), <, 500);

  /* the box is as tall as the one line, not squeezed to nothing */
  g_assert_cmpint (gtk_widget_get_height (scroller), >, 20);

  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), >, 600);

  preview_fixture_clear (&fixture);
}

static void
test_dark (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  PreviewFixture fixture;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  GtkWidget *block;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  preview_fixture_init (&fixture, 600, 400);
  preview_fixture_show (&fixture, "Intro.\n\n```sql\nSELECT 1;\n```\n");
  block = spec_preview_get_block_widget (fixture.preview, 1);

  views = preview_find_widgets (fixture.preview, GTK_TYPE_TEXT_VIEW, "code");
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_cmpstr (scheme_id (code_buffer (views, 0)), ==, "Adwaita");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (scheme_id (code_buffer (views, 0)), ==, "Adwaita-dark");

  /* a block kept by an update still follows */
  preview_fixture_show (&fixture, "Intro changed.\n\n```sql\nSELECT 1;\n```\n");
  g_assert_true (spec_preview_get_block_widget (fixture.preview, 1) == block);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  kept = preview_find_widgets (block, GTK_TYPE_TEXT_VIEW, "code");
  g_assert_cmpstr (scheme_id (code_buffer (kept, 0)), ==, "Adwaita");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  preview_fixture_clear (&fixture);
}

/* Screenshots */

static const char screenshot_text[] =
  "## Highlighted code\n"
  "\n"
  "```sql\n"
  "-- the newest orders\n"
  "SELECT id, total FROM orders WHERE total > 100 ORDER BY created DESC;\n"
  "```\n"
  "\n"
  "```python\n"
  "def greet(name: str) -> str:\n"
  "    \"\"\"Say hello.\"\"\"\n"
  "    return f\"Hello, {name}!\"  # friendly\n"
  "```\n"
  "\n"
  "```ts\n"
  "export interface User { id: number; name: string }\n"
  "const users: User[] = [];\n"
  "```\n"
  "\n"
  "```json\n"
  "{ \"name\": \"specwright\", \"version\": 1, \"tags\": [\"gtk\", true, null] }\n"
  "```\n"
  "\n"
  "```bash\n"
  "for f in *.md; do echo \"$f\"; done\n"
  "```\n"
  "\n"
  "```diff\n"
  "- old line\n"
  "+ new line\n"
  "```\n"
  "\n"
  "```mermaid\n"
  "graph TD\n"
  "  A --> B\n"
  "```\n"
  "\n"
  "```unknownlang\n"
  "plain monospace text\n"
  "```\n";

/* Pixels whose colour is clearly not a grey: highlighting at work. */
static guint
count_coloured_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint count = 0;

  gdk_texture_download (texture, data, width * 4);

  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      const guchar *p = data + i * 4;
      int max = MAX (p[0], MAX (p[1], p[2]));
      int min = MIN (p[0], MIN (p[1], p[2]));

      if (max - min > 60)
        count++;
    }

  return count;
}

static void
test_screenshots (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  PreviewFixture fixture;
  g_autofree char *light_path = NULL;
  g_autofree char *dark_path = NULL;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) plain = NULL;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  preview_fixture_init (&fixture, 800, 1000);
  gtk_window_set_focus (GTK_WINDOW (fixture.window), NULL);

  /* the same code without languages: next to no colour */
  preview_fixture_show (&fixture, "```\nSELECT id FROM orders;\ndef greet(name): return 1\n```\n");
  plain = spec_test_capture (GTK_WIDGET (fixture.preview));
  g_assert_cmpuint (count_coloured_pixels (plain), <, 20);

  preview_fixture_show (&fixture, screenshot_text);
  light_path = spec_test_save_screenshot (GTK_WIDGET (fixture.preview), "preview-code");
  light = gdk_texture_new_from_filename (light_path, NULL);
  g_assert_cmpuint (count_coloured_pixels (light), >, 500);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  spec_test_wait_for_frames (fixture.window, 3);
  dark_path = spec_test_save_screenshot (GTK_WIDGET (fixture.preview), "preview-code-dark");
  dark = gdk_texture_new_from_filename (dark_path, NULL);
  g_assert_cmpuint (count_coloured_pixels (dark), >, 500);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  preview_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  spec_test_init (&argc, &argv);

  /* Any warning or critical from GTK, GtkSourceView or the preview fails. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/preview/code/languages", test_languages);
  g_test_add_func ("/preview/code/aliases", test_aliases);
  g_test_add_func ("/preview/code/mermaid", test_mermaid);
  g_test_add_func ("/preview/code/scroll-and-select", test_scroll_and_select);
  g_test_add_func ("/preview/code/dark", test_dark);
  g_test_add_func ("/preview/code/screenshots", test_screenshots);

  return g_test_run ();
}
