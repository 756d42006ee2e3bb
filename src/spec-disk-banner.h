/* spec-disk-banner.h: the document's file changed or gone, above the editor
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * SpecDiskBannerState:
 * @SPEC_DISK_BANNER_CHANGED: another program changed the file: Reload or
 *   Keep Mine
 * @SPEC_DISK_BANNER_GONE: the file was deleted or moved: Save writes it
 *   again
 */
typedef enum
{
  SPEC_DISK_BANNER_CHANGED,
  SPEC_DISK_BANNER_GONE,
} SpecDiskBannerState;

#define SPEC_TYPE_DISK_BANNER_STATE (spec_disk_banner_state_get_type ())
#define SPEC_TYPE_DISK_BANNER       (spec_disk_banner_get_type ())

GType spec_disk_banner_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SpecDiskBanner, spec_disk_banner, SPEC, DISK_BANNER, GtkWidget)

GtkWidget           *spec_disk_banner_new           (void);
gboolean             spec_disk_banner_get_revealed  (SpecDiskBanner      *self);
void                 spec_disk_banner_set_revealed  (SpecDiskBanner      *self,
                                                     gboolean             revealed);
SpecDiskBannerState  spec_disk_banner_get_state     (SpecDiskBanner      *self);
void                 spec_disk_banner_set_state     (SpecDiskBanner      *self,
                                                     SpecDiskBannerState  state);
const char          *spec_disk_banner_get_file_name (SpecDiskBanner      *self);
void                 spec_disk_banner_set_file_name (SpecDiskBanner      *self,
                                                     const char          *file_name);
const char          *spec_disk_banner_get_message   (SpecDiskBanner      *self);

G_END_DECLS
