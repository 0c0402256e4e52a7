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
 * (untranslated). Then, on that page: an action of the page that opens a
 * dialog (the shot is the dialog's), or the menu button (by widget name)
 * whose menu is open over the page. The UI tests show the same scenes: a
 * new page, step, dialog or menu is added to the table in
 * rds-screenshooter.c, once. */
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
  const char *dialog_action;
  const char *dialog_step;    /* then an action of the dialog's */
  const char *menu;
  gboolean    before_sample;  /* on the empty simulator, before the sample */
  /* What a user does on the settled page first (a wizard's Continue, a
   * row chosen), before its dialog or menu opens. */
  void      (*prepare)      (GtkWidget *page);
} RdsScene;

const RdsScene   *rds_screenshooter_get_scenes (guint               *n_scenes);
const RdsScene   *rds_screenshooter_find_scene (const char          *name);
void              rds_screenshooter_show_scene (RdsWindow           *window,
                                                const RdsScene      *scene);
gboolean          rds_screenshooter_is_settled (RdsWindow           *window,
                                                const RdsScene      *scene,
                                                gboolean             prepared);
gboolean          rds_screenshooter_prepare_scene (RdsWindow        *window,
                                                  const RdsScene   *scene);
GtkWidget        *rds_screenshooter_get_subject (RdsWindow          *window,
                                                 const RdsScene     *scene);
void              rds_screenshooter_end_scene  (RdsWindow           *window,
                                                const RdsScene      *scene);
gboolean          rds_screenshooter_save_scene (RdsWindow           *window,
                                                const RdsScene      *scene,
                                                const char          *path,
                                                GError             **error);

#define RDS_TYPE_SCREENSHOOTER (rds_screenshooter_get_type ())
G_DECLARE_FINAL_TYPE (RdsScreenshooter, rds_screenshooter, RDS, SCREENSHOOTER, GObject)

RdsScreenshooter *rds_screenshooter_new        (RdsWindow           *window,
                                                const char          *dir);
void              rds_screenshooter_set_only   (RdsScreenshooter    *self,
                                                const char * const  *names);
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
