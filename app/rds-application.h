/* rds-application.h: RDS Console, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_APPLICATION (rds_application_get_type ())
G_DECLARE_FINAL_TYPE (RdsApplication, rds_application, RDS, APPLICATION, AdwApplication)

RdsApplication *rds_application_new              (void);
int             rds_application_get_exit_status  (RdsApplication *self);
GSettings      *rds_application_get_settings     (RdsApplication *self);
RdsSecrets     *rds_application_get_secrets      (RdsApplication *self);
RdsSession     *rds_application_get_session      (RdsApplication *self);
const GError   *rds_application_get_start_error  (RdsApplication *self);
const char     *rds_application_get_simulator_url (RdsApplication *self);
const char     *rds_application_get_simulator_warning
                                                 (RdsApplication *self);
void            rds_application_set_endpoint     (RdsApplication *self,
                                                  const char     *url);
void            rds_application_set_state_dir    (RdsApplication *self,
                                                  const char     *state_dir);
void            rds_application_set_clock_paused (RdsApplication *self,
                                                  gboolean        paused);
void            rds_application_set_clock_start  (RdsApplication *self,
                                                  gint64          usec);
void            rds_application_set_seed         (RdsApplication *self,
                                                  guint64         seed);
void            rds_application_set_secrets      (RdsApplication *self,
                                                  RdsSecrets     *secrets);
void            rds_application_start_backend    (RdsApplication *self);
RdsConnectionStore *rds_application_get_connections (RdsApplication *self);
RdsConnection  *rds_application_get_connection   (RdsApplication *self);
void            rds_application_connect          (RdsApplication *self,
                                                  const char     *id);

G_END_DECLS
