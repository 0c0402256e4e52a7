/* rds-connection-store.h: the connections the user made, and the last one used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-connection.h"

G_BEGIN_DECLS

#define RDS_TYPE_CONNECTION_STORE (rds_connection_store_get_type ())
G_DECLARE_FINAL_TYPE (RdsConnectionStore, rds_connection_store, RDS, CONNECTION_STORE, GObject)

RdsConnectionStore *rds_connection_store_new            (GSettings          *settings);
RdsConnection      *rds_connection_store_lookup         (RdsConnectionStore *self,
                                                         const char         *id);
void                rds_connection_store_save           (RdsConnectionStore *self,
                                                         RdsConnection      *connection);
void                rds_connection_store_remove         (RdsConnectionStore *self,
                                                         const char         *id);
char               *rds_connection_store_check_name     (RdsConnectionStore *self,
                                                         RdsConnection      *connection);
const char         *rds_connection_store_get_current_id (RdsConnectionStore *self);
void                rds_connection_store_set_current_id (RdsConnectionStore *self,
                                                         const char         *id);

G_END_DECLS
