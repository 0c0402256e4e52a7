/* rds-restore-window.c: the times an automated backup can restore to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-restore-window.h"

struct _RdsRestoreWindow
{
  RdsShape parent_instance;

  gint64   earliest_time;
  gint64   latest_time;
};

G_DEFINE_FINAL_TYPE (RdsRestoreWindow, rds_restore_window, RDS_TYPE_SHAPE)

#define T RdsRestoreWindow
static const RdsField fields[] = {
  RDS_FIELD_TIMESTAMP (T, earliest_time, "earliest-time", "EarliestTime",
                       N_("The earliest time a restore can go back to")),
  RDS_FIELD_TIMESTAMP (T, latest_time, "latest-time", "LatestTime",
                       N_("The latest time a restore can go to")),
};
#undef T

static void
rds_restore_window_class_init (RdsRestoreWindowClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_restore_window_init (RdsRestoreWindow *self)
{
}

gint64
rds_restore_window_earliest_usec (gpointer          unused,
                                  RdsRestoreWindow *window)
{
  return window != NULL ? window->earliest_time : 0;
}

gint64
rds_restore_window_latest_usec (gpointer          unused,
                                RdsRestoreWindow *window)
{
  return window != NULL ? window->latest_time : 0;
}
