/* rds-screenshooter.h: the console's pages as PNG images, for docs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-window.h"

G_BEGIN_DECLS

/* A scene of the screenshot set: its file name (stable: docs link them),
 * the page it shows (a database's, when it names one, on one of its
 * tabs; or the page a window action opens, such as a wizard), the
 * concept its Info panel shows (none: the panel closed), and its caption
 * (untranslated). The UI tests show the same scenes: a new page or step is
 * added to the table in rds-screenshooter.c, once. */
typedef struct
{
  const char *name;
  const char *page;
  const char *database;
  const char *tab;
  const char *caption;
  const char *info;
  const char *action;
  const char *target;
} RdsScene;

const RdsScene   *rds_screenshooter_get_scenes (guint               *n_scenes);
void              rds_screenshooter_show_scene (RdsWindow           *window,
                                                const RdsScene      *scene);
gboolean          rds_screenshooter_is_settled (RdsWindow           *window,
                                                const RdsScene      *scene);

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
