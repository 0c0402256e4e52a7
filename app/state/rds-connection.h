/* rds-connection.h: an endpoint the console can manage, and how to sign in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RDS_CONNECTION_EMBEDDED,  /* the console's own simulator */
  RDS_CONNECTION_ENDPOINT,  /* a running rds-simd, or any RDS-compatible endpoint */
  RDS_CONNECTION_ACCOUNT,   /* an AWS account, signed in with an access key */
  RDS_CONNECTION_PROFILE,   /* an AWS CLI profile (~/.aws) */
} RdsConnectionKind;

#define RDS_CONNECTION_EMBEDDED_ID "embedded"

/* What the keyring keeps for a connection: its secret access key. */
#define RDS_SECRET_CONNECTION "connection-secret"

#define RDS_TYPE_CONNECTION (rds_connection_get_type ())
G_DECLARE_FINAL_TYPE (RdsConnection, rds_connection, RDS, CONNECTION, GObject)

RdsConnection     *rds_connection_new              (RdsConnectionKind  kind);
RdsConnection     *rds_connection_new_embedded     (void);
RdsConnection     *rds_connection_new_from_variant (GVariant          *dict);
RdsConnection     *rds_connection_copy             (RdsConnection     *self);
GVariant          *rds_connection_to_variant       (RdsConnection     *self);

const char        *rds_connection_get_id           (RdsConnection     *self);
RdsConnectionKind  rds_connection_get_kind         (RdsConnection     *self);
void               rds_connection_set_kind         (RdsConnection     *self,
                                                    RdsConnectionKind  kind);
const char        *rds_connection_get_name         (RdsConnection     *self);
void               rds_connection_set_name         (RdsConnection     *self,
                                                    const char        *name);
const char        *rds_connection_get_url          (RdsConnection     *self);
void               rds_connection_set_url          (RdsConnection     *self,
                                                    const char        *url);
const char        *rds_connection_get_region       (RdsConnection     *self);
void               rds_connection_set_region       (RdsConnection     *self,
                                                    const char        *region);
const char        *rds_connection_get_access_key_id (RdsConnection    *self);
void               rds_connection_set_access_key_id (RdsConnection    *self,
                                                     const char       *access_key_id);
const char        *rds_connection_get_profile      (RdsConnection     *self);
void               rds_connection_set_profile      (RdsConnection     *self,
                                                    const char        *profile);

gboolean           rds_connection_needs_secret     (RdsConnection     *self);
char              *rds_connection_describe         (RdsConnection     *self);

G_END_DECLS
