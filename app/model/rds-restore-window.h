/* rds-restore-window.h: the times an automated backup can restore to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_RESTORE_WINDOW (rds_restore_window_get_type ())
G_DECLARE_FINAL_TYPE (RdsRestoreWindow, rds_restore_window, RDS, RESTORE_WINDOW, RdsShape)

/* For expressions (sorters): 0 without a window. */
gint64 rds_restore_window_earliest_usec (gpointer          unused,
                                         RdsRestoreWindow *window);
gint64 rds_restore_window_latest_usec   (gpointer          unused,
                                         RdsRestoreWindow *window);

G_END_DECLS
