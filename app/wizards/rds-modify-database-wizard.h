/* rds-modify-database-wizard.h: Modify DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_MODIFY_DATABASE_WIZARD (rds_modify_database_wizard_get_type ())
G_DECLARE_FINAL_TYPE (RdsModifyDatabaseWizard, rds_modify_database_wizard, RDS, MODIFY_DATABASE_WIZARD, GtkWidget)

RdsModifyDatabaseWizard *rds_modify_database_wizard_new          (RdsSession              *session,
                                                                  RdsDbInstance           *instance,
                                                                  RdsSecrets              *secrets);
RdsDbInstance           *rds_modify_database_wizard_get_instance (RdsModifyDatabaseWizard *self);
RdsDatabaseForm         *rds_modify_database_wizard_get_form     (RdsModifyDatabaseWizard *self);
const char              *rds_modify_database_wizard_get_step     (RdsModifyDatabaseWizard *self);
GtkGrid                 *rds_modify_database_wizard_get_summary  (RdsModifyDatabaseWizard *self);
gboolean                 rds_modify_database_wizard_get_busy     (RdsModifyDatabaseWizard *self);
const char              *rds_modify_database_wizard_get_status   (RdsModifyDatabaseWizard *self);

G_END_DECLS
