/* rds-screenshooter.h: the console's pages as PNG images, for docs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-window.h"

G_BEGIN_DECLS

#define RDS_TYPE_SCREENSHOOTER (rds_screenshooter_get_type ())
G_DECLARE_FINAL_TYPE (RdsScreenshooter, rds_screenshooter, RDS, SCREENSHOOTER, GObject)

RdsScreenshooter *rds_screenshooter_new        (RdsWindow           *window,
                                                const char          *dir);
void              rds_screenshooter_run_async  (RdsScreenshooter    *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean          rds_screenshooter_run_finish (RdsScreenshooter    *self,
                                                GAsyncResult        *result,
                                                GError             **error);
gboolean          rds_screenshooter_save_png   (GtkWidget           *widget,
                                                const char          *path,
                                                GError             **error);

G_END_DECLS
