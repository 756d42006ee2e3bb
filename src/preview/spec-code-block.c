/* spec-code-block.c
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Code is shown in a read-only GtkTextView over a GtkSourceBuffer: the
 * buffer highlights, the view only selects and copies.  A plain text view
 * rather than a GtkSourceView, so that the style scheme colours the code
 * but the box keeps the preview's own shading.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "spec-code-block.h"
#include "spec-preview-widgets.h"

/* The names authors write after the fence, for GtkSourceView languages
 * whose id is something else.  Names that are ids already ("sql", "go",
 * "rust") need no entry. */
static const struct
{
  const char *name;
  const char *id;
} language_aliases[] = {
  { "bash", "sh" },
  { "c++", "cpp" },
  { "cc", "cpp" },
  { "console", "sh" },
  { "cs", "c-sharp" },
  { "csharp", "c-sharp" },
  { "cxx", "cpp" },
  { "dockerfile", "docker" },
  { "golang", "go" },
  { "h", "c" },
  { "hpp", "cpp" },
  { "hs", "haskell" },
  { "htm", "html" },
  { "javascript", "js" },
  { "kt", "kotlin" },
  { "make", "makefile" },
  { "md", "markdown" },
  { "mjs", "js" },
  { "patch", "diff" },
  { "pl", "perl" },
  { "protobuf", "proto" },
  { "ps1", "powershell" },
  { "py", "python3" },
  { "py3", "python3" },
  { "python", "python3" },
  { "python2", "python" },
  { "rb", "ruby" },
  { "rs", "rust" },
  { "shell", "sh" },
  { "svg", "xml" },
  { "tex", "latex" },
  { "tf", "terraform" },
  { "ts", "typescript" },
  { "tsx", "typescript-jsx" },
  { "yml", "yaml" },
  { "zsh", "sh" },
};

/* The language named by the first word of a fence's info string,
 * lowercased; "{.python}" as Pandoc writes it counts too. */
static char *
info_language_name (const char *info)
{
  const char *start = info;
  const char *end;

  while (*start == ' ' || *start == '\t')
    start++;
  if (*start == '{')
    start++;
  if (*start == '.')
    start++;

  end = start;
  while (*end != '\0' && *end != ' ' && *end != '\t' && *end != '{' && *end != '}' && *end != ',')
    end++;

  return g_ascii_strdown (start, end - start);
}

/**
 * spec_code_block_get_language:
 * @info: (nullable): a fenced code block's info string, as "ts title=x"
 *
 * Returns: (transfer none) (nullable): the GtkSourceView language for the
 *   first word of @info, or %NULL if there is none
 */
GtkSourceLanguage *
spec_code_block_get_language (const char *info)
{
  GtkSourceLanguageManager *manager;
  GtkSourceLanguage *language;
  g_autofree char *name = NULL;
  const char *id;

  if (info == NULL)
    return NULL;

  name = info_language_name (info);
  if (name[0] == '\0')
    return NULL;

  id = name;
  for (guint i = 0; i < G_N_ELEMENTS (language_aliases); i++)
    {
      if (g_str_equal (name, language_aliases[i].name))
        {
          id = language_aliases[i].id;
          break;
        }
    }

  gtk_source_init ();
  manager = gtk_source_language_manager_get_default ();
  language = gtk_source_language_manager_get_language (manager, id);

  /* Hidden languages are pieces of others ("javascript-values"). */
  if (language != NULL && gtk_source_language_get_hidden (language))
    return NULL;

  return language;
}

static void
update_style_scheme (GtkSourceBuffer *buffer)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
on_dark_changed (GtkSourceBuffer *buffer,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  update_style_scheme (buffer);
}

static GtkSourceBuffer *
code_buffer_new (const char        *text,
                 GtkSourceLanguage *language)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);
  GtkTextIter start;
  GtkTextIter end;

  /* Nothing is ever typed here: no undo history, and no bracket matching,
   * which would mark the bracket at the invisible cursor. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_source_buffer_set_language (buffer, language);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, -1);

  update_style_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), buffer, G_CONNECT_SWAPPED);

  /* A GtkSourceView would ask for highlighting as it draws; a plain text
   * view does not, so the whole block is highlighted once, here. */
  if (language != NULL)
    {
      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
      gtk_source_buffer_ensure_highlight (buffer, &start, &end);
    }

  return buffer;
}

/* Enough frames for a view to be laid out, validated and laid out again. */
#define MAX_FIT_FRAMES 30

typedef struct
{
  guint tick_id;
  guint frames;
} FitState;

/* GTK 4.8's text view knows how tall its text is only once it has been
 * allocated, and the resize it asks for then can be lost while the page
 * is being laid out, leaving the block with no height at all.  While it
 * is shown and not as tall as its text, the view asks again each frame,
 * for a few frames at most. */
static gboolean
fit_height_tick (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  FitState *state = user_data;
  int natural = 0;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      NULL, &natural, NULL, NULL);

  if ((natural > 0 && gtk_widget_get_height (view) == natural) ||
      ++state->frames > MAX_FIT_FRAMES)
    {
      state->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_widget_queue_resize (view);

  return G_SOURCE_CONTINUE;
}

static void
on_view_map (GtkWidget *view,
             FitState  *state)
{
  if (state->tick_id == 0)
    {
      state->frames = 0;
      state->tick_id = gtk_widget_add_tick_callback (view, fit_height_tick, state, NULL);
    }
}

/* A hidden view would keep the frame clock running for nothing. */
static void
on_view_unmap (GtkWidget *view,
               FitState  *state)
{
  if (state->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (view, state->tick_id);
      state->tick_id = 0;
    }
}

static GtkWidget *
code_view_new (const char        *text,
               GtkSourceLanguage *language)
{
  g_autoptr(GtkSourceBuffer) buffer = code_buffer_new (text, language);
  GtkWidget *view;
  FitState *fit;

  /* The padding is the view's margins, so that it scrolls with the text. */
  view = g_object_new (GTK_TYPE_TEXT_VIEW,
                       "buffer", buffer,
                       "editable", FALSE,
                       "cursor-visible", FALSE,
                       "monospace", TRUE,
                       "wrap-mode", GTK_WRAP_NONE,
                       "left-margin", 14,
                       "right-margin", 14,
                       "top-margin", 10,
                       "bottom-margin", 10,
                       NULL);

  /* Added, not set: "monospace" is a style class too. */
  gtk_widget_add_css_class (view, "code");

  fit = g_new0 (FitState, 1);
  g_object_set_data_full (G_OBJECT (view), "spec-code-fit", fit, g_free);
  g_signal_connect (view, "map", G_CALLBACK (on_view_map), fit);
  g_signal_connect (view, "unmap", G_CALLBACK (on_view_unmap), fit);

  return view;
}

/* A diagram's source with a caption saying what it is: the preview does
 * not draw Mermaid diagrams, but the reader should know one is meant. */
static GtkWidget *
diagram_new (GtkWidget *code)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-drawing-symbolic");
  GtkWidget *label = gtk_label_new (_("Diagram"));

  gtk_widget_add_css_class (box, "diagram");
  gtk_widget_add_css_class (caption, "diagram-caption");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Diagram"),
                                  -1);

  gtk_box_append (GTK_BOX (caption), icon);
  gtk_box_append (GTK_BOX (caption), label);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), code);

  return box;
}

/**
 * spec_code_block_new:
 * @node: a code block
 *
 * Returns: (transfer floating): the code in a shaded box that scrolls
 *   sideways, highlighted if its info string names a known language
 */
GtkWidget *
spec_code_block_new (cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  const char *info = cmark_node_get_fence_info (node);
  g_autofree char *text = g_strdup (literal != NULL ? literal : "");
  g_autofree char *name = info != NULL ? info_language_name (info) : NULL;
  gsize len = strlen (text);
  GtkWidget *scroller;

  g_return_val_if_fail (cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK, NULL);

  /* cmark keeps the newline that ends the last line */
  if (len > 0 && text[len - 1] == '\n')
    text[len - 1] = '\0';

  scroller = spec_preview_hscroller_new (code_view_new (text, spec_code_block_get_language (info)),
                                         "code-block");

  if (g_strcmp0 (name, "mermaid") == 0)
    return diagram_new (scroller);

  return scroller;
}
