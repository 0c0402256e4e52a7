/* rds-database-form.h: the create, modify and read replica wizards' form, assembled from sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-catalog.h"
#include "rds-form-section.h"
#include "rds-request.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_DATABASE_FORM (rds_database_form_get_type ())
G_DECLARE_FINAL_TYPE (RdsDatabaseForm, rds_database_form, RDS, DATABASE_FORM, GtkWidget)

RdsDatabaseForm *rds_database_form_new                  (RdsSession           *session,
                                                         RdsDatabaseFormMode   mode,
                                                         RdsDbInstance        *instance);
gboolean         rds_database_form_get_valid            (RdsDatabaseForm      *self);
const char      *rds_database_form_get_waiting_for      (RdsDatabaseForm      *self);
const char      *rds_database_form_get_identifier       (RdsDatabaseForm      *self);
const char      *rds_database_form_get_engine           (RdsDatabaseForm      *self);
void             rds_database_form_get_estimate         (RdsDatabaseForm      *self,
                                                         RdsCostEstimate      *estimate,
                                                         gboolean             *free_tier);
RdsRequest      *rds_database_form_build_create_request (RdsDatabaseForm      *self,
                                                         char                **password);
RdsRequest      *rds_database_form_build_modify_request (RdsDatabaseForm      *self,
                                                         gboolean              apply_immediately,
                                                         char                **password);
GPtrArray       *rds_database_form_build_aurora_requests (RdsDatabaseForm  *self,
                                                         char            **password);
RdsRequest      *rds_database_form_build_replica_request (RdsDatabaseForm    *self);
RdsRequest      *rds_database_form_build_restore_request (RdsDatabaseForm    *self,
                                                          const char         *action);
const char      *rds_database_form_get_region           (RdsDatabaseForm      *self);
GPtrArray       *rds_database_form_get_changes          (RdsDatabaseForm      *self);
gboolean         rds_database_form_show_error           (RdsDatabaseForm      *self,
                                                         const GError         *error);
GtkWidget       *rds_database_form_get_widget           (RdsDatabaseForm      *self,
                                                         const char           *name);
gboolean         rds_database_form_get_password_generated (RdsDatabaseForm    *self);
void             rds_database_form_reveal_errors        (RdsDatabaseForm      *self);

G_END_DECLS
