/* rds-restore-database-wizard.h: Restore to point in time, and Restore snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-db-instance-automated-backup.h"
#include "rds-db-snapshot.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_RESTORE_DATABASE_WIZARD (rds_restore_database_wizard_get_type ())
G_DECLARE_FINAL_TYPE (RdsRestoreDatabaseWizard, rds_restore_database_wizard, RDS, RESTORE_DATABASE_WIZARD,
                      GtkWidget)

RdsRestoreDatabaseWizard *rds_restore_database_wizard_new_point_in_time (RdsSession               *session,
                                                                         RdsDbInstance            *instance);
RdsRestoreDatabaseWizard *rds_restore_database_wizard_new_from_snapshot (RdsSession               *session,
                                                                         RdsDbSnapshot            *snapshot);
RdsRestoreDatabaseWizard *rds_restore_database_wizard_new_from_backup   (RdsSession               *session,
                                                                         RdsDbInstanceAutomatedBackup *backup);
RdsRestoreDatabaseWizard *rds_restore_database_wizard_new               (RdsSession               *session,
                                                                         gpointer                  source);
gpointer                  rds_restore_database_wizard_get_source        (RdsRestoreDatabaseWizard *self);
RdsDbInstance            *rds_restore_database_wizard_get_instance      (RdsRestoreDatabaseWizard *self);
RdsDbSnapshot            *rds_restore_database_wizard_get_snapshot      (RdsRestoreDatabaseWizard *self);
RdsDatabaseForm          *rds_restore_database_wizard_get_form          (RdsRestoreDatabaseWizard *self);
GtkWidget                *rds_restore_database_wizard_get_widget        (RdsRestoreDatabaseWizard *self,
                                                                         const char               *name);
gboolean                  rds_restore_database_wizard_get_busy          (RdsRestoreDatabaseWizard *self);
gboolean                  rds_restore_database_wizard_get_loading       (RdsRestoreDatabaseWizard *self);
const char               *rds_restore_database_wizard_get_error         (RdsRestoreDatabaseWizard *self);

G_END_DECLS
