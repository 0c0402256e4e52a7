/* rds-session.h: the console's connection to an endpoint, in one Region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-client.h"
#include "rds-resource-list.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_SESSION (rds_session_get_type ())
G_DECLARE_FINAL_TYPE (RdsSession, rds_session, RDS, SESSION, GObject)

RdsSession      *rds_session_new                (const char           *endpoint,
                                                 const char           *access_key_id,
                                                 const char           *secret_access_key,
                                                 gboolean              simulator);
const char      *rds_session_get_region         (RdsSession           *self);
void             rds_session_set_region         (RdsSession           *self,
                                                 const char           *region);
RdsClient       *rds_session_get_client         (RdsSession           *self);
const char      *rds_session_get_endpoint       (RdsSession           *self);
gboolean         rds_session_is_simulator       (RdsSession           *self);
const GError    *rds_session_get_problem        (RdsSession           *self);
RdsResourceList *rds_session_get_list           (RdsSession           *self,
                                                 const char           *action);
RdsResourceList *rds_session_get_instances      (RdsSession           *self);
RdsResourceList *rds_session_get_clusters       (RdsSession           *self);
RdsResourceList *rds_session_get_snapshots      (RdsSession           *self);
RdsResourceList *rds_session_get_events         (RdsSession           *self);
RdsDbInstance   *rds_session_find_snapshot_instance (RdsSession       *self,
                                                 RdsDbSnapshot        *snapshot);

void             rds_session_refresh            (RdsSession           *self);
void             rds_session_start_polling      (RdsSession           *self,
                                                 guint                 interval_ms);
void             rds_session_stop_polling       (RdsSession           *self);

void             rds_session_call_async         (RdsSession           *self,
                                                 RdsRequest           *request,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
RdsQueryResult  *rds_session_call_finish        (RdsSession           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
RdsClient       *rds_session_get_region_client  (RdsSession           *self,
                                                 const char           *region);

/* The simulator's clock (only when the endpoint is a simulator). */
gint64           rds_session_get_simulated_time (RdsSession           *self);
gint64           rds_session_get_now            (RdsSession           *self);
double           rds_session_get_clock_rate     (RdsSession           *self);
gboolean         rds_session_get_clock_paused   (RdsSession           *self);
void             rds_session_control_async      (RdsSession           *self,
                                                 const char           *path,
                                                 JsonNode             *body,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         rds_session_control_finish     (RdsSession           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
JsonNode        *rds_session_control_finish_answer (RdsSession        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

GListModel      *rds_session_get_jobs           (RdsSession           *self);
void             rds_session_add_job            (RdsSession           *self,
                                                 RdsEncryptJob        *job);
void             rds_session_remove_job         (RdsSession           *self,
                                                 RdsEncryptJob        *job);
RdsEncryptJob   *rds_session_find_job           (RdsSession           *self,
                                                 const char           *region,
                                                 const char           *source);

G_END_DECLS
