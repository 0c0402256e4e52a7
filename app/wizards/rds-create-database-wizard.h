/* rds-create-database-wizard.h: Create database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_CREATE_DATABASE_WIZARD (rds_create_database_wizard_get_type ())
G_DECLARE_FINAL_TYPE (RdsCreateDatabaseWizard, rds_create_database_wizard, RDS, CREATE_DATABASE_WIZARD, GtkWidget)

RdsCreateDatabaseWizard *rds_create_database_wizard_new      (RdsSession              *session,
                                                              RdsSecrets              *secrets);
RdsDatabaseForm         *rds_create_database_wizard_get_form (RdsCreateDatabaseWizard *self);
RdsCostPanel            *rds_create_database_wizard_get_cost_panel (RdsCreateDatabaseWizard *self);
gboolean                 rds_create_database_wizard_get_busy (RdsCreateDatabaseWizard *self);
const char              *rds_create_database_wizard_get_status (RdsCreateDatabaseWizard *self);

G_END_DECLS
