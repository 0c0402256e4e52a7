/* rds-window.h: the console's main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_WINDOW (rds_window_get_type ())
G_DECLARE_FINAL_TYPE (RdsWindow, rds_window, RDS, WINDOW, AdwApplicationWindow)

RdsWindow  *rds_window_new                 (RdsApplication *application);
RdsSession *rds_window_get_session         (RdsWindow      *self);
void        rds_window_set_session         (RdsWindow      *self,
                                            RdsSession     *session);
const char *rds_window_get_page            (RdsWindow      *self);
void        rds_window_show_page           (RdsWindow      *self,
                                            const char     *name);
GtkWidget  *rds_window_get_page_widget     (RdsWindow      *self,
                                            const char     *name);
void        rds_window_open_database       (RdsWindow      *self,
                                            const char     *identifier);
void        rds_window_create_database     (RdsWindow      *self);
void        rds_window_modify_database     (RdsWindow      *self,
                                            RdsDbInstance  *instance);
void        rds_window_create_read_replica (RdsWindow      *self,
                                            RdsDbInstance  *source);
void        rds_window_add_toast           (RdsWindow      *self,
                                            const char     *title);
void        rds_window_show_error          (RdsWindow      *self,
                                            const GError   *error);
const char *rds_window_get_last_toast      (RdsWindow      *self);
void        rds_window_go_back             (RdsWindow      *self);
void        rds_window_set_quiet           (RdsWindow      *self,
                                            gboolean        quiet);
gboolean    rds_window_get_info_open       (RdsWindow      *self);
void        rds_window_set_info_open       (RdsWindow      *self,
                                            gboolean        open);
void        rds_window_show_info           (RdsWindow      *self,
                                            const char     *concept);
GtkWidget  *rds_window_get_info_panel      (RdsWindow      *self);
const char * const *rds_window_get_page_names (void);

G_END_DECLS
