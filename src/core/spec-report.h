/* spec-report.h: what is still unfilled, per section and per document
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

#include "spec-line-index.h"
#include "spec-outline.h"
#include "spec-slot-scanner.h"

G_BEGIN_DECLS

typedef enum
{
  SPEC_SECTION_COMPLETE,
  SPEC_SECTION_INCOMPLETE,   /* placeholders or clarifications left */
  SPEC_SECTION_EMPTY,        /* a heading with nothing under it */
} SpecSectionState;

/* One unfilled slot or leftover comment.  Read-only, owned by the report. */
typedef struct
{
  SpecItemKind       kind;
  guint              line;      /* 1-based */
  guint              column;    /* 1-based, in bytes, of the slot's '[' */
  gsize              offset;    /* the slot's bytes in the text */
  gsize              length;
  const char        *text;      /* "[FEATURE_NAME]"; a comment's first line */
  const char        *question;  /* clarifications only, else NULL */
  const SpecSection *section;   /* innermost; NULL before the first heading */
} SpecItem;

typedef struct
{
  const SpecSection *section;
  SpecSectionState   state;
  gboolean           container;   /* only subsections: state derived from */
  gboolean           counted;     /* them, and not counted on its own */
  guint              first_item;  /* its own items: a slice of the items */
  guint              n_items;
  guint              n_placeholders;
  guint              n_clarifications;
  guint              n_guidance;
  guint              checklist_done;
  guint              checklist_total;
  gint               template_section;  /* its index in the template's
                                         * sections, or -1: an extra one */
} SpecSectionReport;

/* A template section the document lacks. */
typedef struct
{
  char              *title;     /* the template's, less "(mandatory)" */
  guint              level;
  guint              template_line;
  gboolean           required;  /* marked "(mandatory)" in the template,
                                 * or listed as required in its front
                                 * matter */
  gboolean           counted;   /* not a container in the template */
  const SpecSection *after;     /* the document section it belongs after */
} SpecMissingSection;

typedef struct _SpecReport SpecReport;

struct _SpecReport
{
  GArray   *items;              /* SpecItem, in document order */
  GStringChunk *strings;        /* the items' texts and questions */
  GArray   *sections;           /* SpecSectionReport, by section index */
  GArray   *missing;            /* SpecMissingSection, in template order */
  guint     n_counted;
  guint     n_complete;
  guint     n_empty;
  guint     n_missing_counted;
  guint     n_placeholders;
  guint     n_clarifications;
  guint     n_guidance;
  guint     checklist_done;
  guint     checklist_total;
  guint     percent;            /* rounded down: 100 only when complete */
  gboolean  complete;
  gboolean  against_template;
};

typedef struct
{
  GPtrArray        *sections;   /* the template's SpecSection, in order */
  const SpecReport *report;     /* the template's own report */
  const char       *text;
  gsize             length;
  const char * const *required; /* nullable: titles its front matter lists */
} SpecTemplateView;

SpecReport *spec_report_build           (GArray                 *blocks,
                                         const char             *text,
                                         gsize                   length,
                                         const SpecLineIndex    *lines,
                                         GPtrArray              *sections,
                                         const SpecTemplateView *template_view);
void        spec_report_free            (SpecReport             *report);
const SpecSectionReport *
            spec_report_get_section     (const SpecReport       *report,
                                         const SpecSection      *section);
guint       spec_report_count_unfilled  (const SpecSectionReport *section_report);
const SpecItem *
            spec_report_find_unfilled   (const SpecReport       *report,
                                         gsize                   from,
                                         gboolean                backwards,
                                         gboolean               *wrapped);
const char *spec_section_state_to_string (SpecSectionState       state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpecReport, spec_report_free)

G_END_DECLS
