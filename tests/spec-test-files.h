/* spec-test-files.h: the seeds and temporary folders, for every test
 *
 * Copyright 2026 The Specwright developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *spec_test_seed_path   (const char *prefix);
char **spec_test_list_seeds  (void);
void   spec_test_remove_tree (const char *path);
char  *spec_test_list_dir    (const char *path);
void   spec_test_iterate     (guint       ms);

G_END_DECLS
