/* rds-server-connection.h: one client's connection to the server, its heads bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RDS_TYPE_SERVER_CONNECTION (rds_server_connection_get_type ())
G_DECLARE_FINAL_TYPE (RdsServerConnection, rds_server_connection, RDS, SERVER_CONNECTION, GIOStream)

RdsServerConnection *rds_server_connection_new         (GSocketConnection   *base,
                                                        gsize                head_limit,
                                                        GError             **error);
GSocketAddress      *rds_server_connection_get_local_address  (RdsServerConnection *self);
GSocketAddress      *rds_server_connection_get_remote_address (RdsServerConnection *self);
GSocket             *rds_server_connection_get_socket  (RdsServerConnection *self);
void                 rds_server_connection_start_head  (RdsServerConnection *self);
guint                rds_server_connection_get_refusal (RdsServerConnection *self);
GIOStream           *rds_server_connection_steal_base  (RdsServerConnection *self);

G_END_DECLS
