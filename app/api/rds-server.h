/* rds-server.h: the RDS Query API over HTTP, in front of the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rds-sim-engine.h"
#include "rds-sim-store.h"

G_BEGIN_DECLS

#define RDS_SERVER_CONTROL_PATH "/_sim/"

/* The largest body taken: a Query API request (the largest real RDS call,
 * a create with every option and 50 tags, is a few KiB; AWS's front end
 * refuses much larger ones with 413), and a control request. */
#define RDS_SERVER_MAX_QUERY_BODY (1024 * 1024)
#define RDS_SERVER_MAX_CONTROL_BODY (64 * 1024)
#define RDS_SERVER_MAX_JSON_DEPTH 32
/* The longest request line and headers: SDKs send about 1 KiB; libsoup
 * drops a connection past 64 KiB, and may read up to 8 KiB ahead. */
#define RDS_SERVER_MAX_HEAD (32 * 1024)

#define RDS_TYPE_SERVER (rds_server_get_type ())
G_DECLARE_FINAL_TYPE (RdsServer, rds_server, RDS, SERVER, GObject)

RdsServer    *rds_server_new             (RdsSimEngine  *engine,
                                          RdsSimStore   *store);
void          rds_server_add_credentials (RdsServer     *self,
                                          const char    *access_key_id,
                                          const char    *secret_access_key);
gboolean      rds_server_listen          (RdsServer     *self,
                                          const char    *host,
                                          guint          port,
                                          GError       **error);
gboolean      rds_server_is_loopback     (RdsServer     *self);
guint         rds_server_get_port        (RdsServer     *self);
char         *rds_server_get_url         (RdsServer     *self);
RdsSimEngine *rds_server_get_engine      (RdsServer     *self);
void          rds_server_disconnect      (RdsServer     *self);

G_END_DECLS
