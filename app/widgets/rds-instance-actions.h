/* rds-instance-actions.h: the Actions menu of a DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_INSTANCE_ACTIONS (rds_instance_actions_get_type ())
G_DECLARE_FINAL_TYPE (RdsInstanceActions, rds_instance_actions, RDS, INSTANCE_ACTIONS, GObject)

RdsInstanceActions *rds_instance_actions_new          (GtkWidget          *owner);
GActionGroup       *rds_instance_actions_get_group    (RdsInstanceActions *self);
RdsDbInstance      *rds_instance_actions_get_instance (RdsInstanceActions *self);
void                rds_instance_actions_set_instance (RdsInstanceActions *self,
                                                       RdsDbInstance      *instance);
RdsSession         *rds_instance_actions_get_session  (RdsInstanceActions *self);
void                rds_instance_actions_set_session  (RdsInstanceActions *self,
                                                       RdsSession         *session);
GMenuModel         *rds_instance_actions_get_menu     (void);

G_END_DECLS
