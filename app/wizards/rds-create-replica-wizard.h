/* rds-create-replica-wizard.h: Create read replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_CREATE_REPLICA_WIZARD (rds_create_replica_wizard_get_type ())
G_DECLARE_FINAL_TYPE (RdsCreateReplicaWizard, rds_create_replica_wizard, RDS, CREATE_REPLICA_WIZARD, GtkWidget)

RdsCreateReplicaWizard *rds_create_replica_wizard_new            (RdsSession             *session,
                                                                  RdsDbInstance          *source);
RdsDbInstance          *rds_create_replica_wizard_get_source     (RdsCreateReplicaWizard *self);
RdsDatabaseForm        *rds_create_replica_wizard_get_form       (RdsCreateReplicaWizard *self);
RdsCostPanel           *rds_create_replica_wizard_get_cost_panel (RdsCreateReplicaWizard *self);
gboolean                rds_create_replica_wizard_get_busy       (RdsCreateReplicaWizard *self);
const char             *rds_create_replica_wizard_get_status     (RdsCreateReplicaWizard *self);
const char             *rds_create_replica_wizard_get_error      (RdsCreateReplicaWizard *self);

G_END_DECLS
