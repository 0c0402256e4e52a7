/* rds-client.h: an AWS Query API client (RDS today), for any endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rds-action.h"
#include "rds-request.h"

G_BEGIN_DECLS

#define RDS_CLIENT_ERROR (rds_client_error_quark ())

/* Failures that are not the service's own errors (those are RDS_AWS_ERROR). */
typedef enum
{
  RDS_CLIENT_ERROR_UNKNOWN_ACTION,   /* the client has no description of the action */
  RDS_CLIENT_ERROR_MALFORMED_ANSWER, /* the endpoint answered something unreadable */
  RDS_CLIENT_ERROR_HTTP,             /* an HTTP error without an AWS error document */
} RdsClientError;

#define RDS_TYPE_CLIENT (rds_client_get_type ())
G_DECLARE_FINAL_TYPE (RdsClient, rds_client, RDS, CLIENT, GObject)

GQuark          rds_client_error_quark       (void);

RdsClient      *rds_client_new               (const char           *endpoint,
                                              const char           *region,
                                              const char           *access_key_id,
                                              const char           *secret_access_key);
RdsClient      *rds_client_new_for_region    (RdsClient            *self,
                                              const char           *region);
const char     *rds_client_get_endpoint      (RdsClient            *self);
char           *rds_client_get_service_url   (RdsClient            *self,
                                              const char           *service);
void            rds_client_set_session_token (RdsClient            *self,
                                              const char           *token);
void            rds_client_set_retries       (RdsClient            *self,
                                              guint                 max_attempts,
                                              guint                 base_delay_ms);
const char     *rds_client_get_region        (RdsClient            *self);
void            rds_client_set_region        (RdsClient            *self,
                                              const char           *region);

void            rds_client_call_async        (RdsClient            *self,
                                              RdsRequest           *request,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
RdsQueryResult *rds_client_call_finish       (RdsClient            *self,
                                              GAsyncResult         *result,
                                              GError              **error);
RdsQueryResult *rds_client_call_sync         (RdsClient            *self,
                                              RdsRequest           *request,
                                              GCancellable         *cancellable,
                                              GError              **error);

/* The simulator's control API: GET or POST a path under /_sim/. */
void            rds_client_control_async     (RdsClient            *self,
                                              const char           *method,
                                              const char           *path,
                                              JsonNode             *body,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
JsonNode       *rds_client_control_finish    (RdsClient            *self,
                                              GAsyncResult         *result,
                                              GError              **error);
JsonNode       *rds_client_control_sync      (RdsClient            *self,
                                              const char           *method,
                                              const char           *path,
                                              JsonNode             *body,
                                              GCancellable         *cancellable,
                                              GError              **error);

G_END_DECLS
