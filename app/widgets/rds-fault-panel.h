/* rds-fault-panel.h: the simulator's faults for a database: take a zone down, fail its host or storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-db-instance.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_FAULT_PANEL (rds_fault_panel_get_type ())
G_DECLARE_FINAL_TYPE (RdsFaultPanel, rds_fault_panel, RDS, FAULT_PANEL, GtkWidget)

GtkWidget *rds_fault_panel_new          (void);
void       rds_fault_panel_set_session  (RdsFaultPanel *self,
                                         RdsSession    *session);
void       rds_fault_panel_set_instance (RdsFaultPanel *self,
                                         RdsDbInstance *instance);
void       rds_fault_panel_set_cluster  (RdsFaultPanel *self,
                                         RdsDbCluster  *cluster);
gboolean   rds_fault_panel_is_loading   (RdsFaultPanel *self);

G_END_DECLS
