/* rds-sim-engine.h: the simulated RDS control plane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rds-action.h"
#include "rds-request.h"
#include "rds-sim-clock.h"

G_BEGIN_DECLS

#define RDS_SIM_EVENT_RETENTION_DAYS 14

#define RDS_TYPE_SIM_ENGINE (rds_sim_engine_get_type ())
G_DECLARE_FINAL_TYPE (RdsSimEngine, rds_sim_engine, RDS, SIM_ENGINE, GObject)

typedef enum
{
  RDS_SIM_QUOTA_INSTANCES,       /* DB instances per Region, 40 */
  RDS_SIM_QUOTA_STORAGE_GIB,     /* allocated storage per Region, 100,000 GiB */
  RDS_SIM_QUOTA_MANUAL_SNAPSHOTS, /* manual snapshots per Region, 100 */
  RDS_SIM_QUOTA_CLUSTERS,        /* DB clusters per Region, 40 */
  RDS_SIM_QUOTA_MANUAL_CLUSTER_SNAPSHOTS, /* manual cluster snapshots per Region, 100 */
  RDS_SIM_N_QUOTAS
} RdsSimQuota;

RdsSimEngine   *rds_sim_engine_new             (guint64        seed,
                                                RdsSimClock   *clock);
RdsSimClock    *rds_sim_engine_get_clock       (RdsSimEngine  *self);
guint64         rds_sim_engine_get_seed        (RdsSimEngine  *self);
const char     *rds_sim_engine_get_account_id  (RdsSimEngine  *self);
gint64          rds_sim_engine_get_now         (RdsSimEngine  *self);
gint64          rds_sim_engine_get_quota       (RdsSimEngine  *self,
                                                RdsSimQuota    quota);
void            rds_sim_engine_set_quota       (RdsSimEngine  *self,
                                                RdsSimQuota    quota,
                                                gint64         value);
const char     *rds_sim_quota_get_name         (RdsSimQuota    quota);

gboolean        rds_sim_engine_has_region      (RdsSimEngine  *self,
                                                const char    *region);
RdsQueryResult *rds_sim_engine_call            (RdsSimEngine  *self,
                                                const char    *region,
                                                RdsRequest    *request,
                                                GError       **error);
gboolean        rds_sim_engine_has_action      (const char    *service,
                                                const char    *name);
char          **rds_sim_engine_list_actions    (void);

/* Workloads of simulated instances (the /_sim/ API) */
gboolean        rds_sim_engine_get_workload    (RdsSimEngine  *self,
                                                const char    *region,
                                                const char    *instance,
                                                const char   **profile,
                                                double        *multiplier,
                                                GError       **error);
gboolean        rds_sim_engine_set_workload    (RdsSimEngine  *self,
                                                const char    *region,
                                                const char    *instance,
                                                const char    *profile,
                                                double         multiplier,
                                                GError       **error);
const char * const *rds_sim_engine_list_profiles (void);

/* Faults, and what the simulator knows of an instance beyond the API (the
 * /_sim/ API) */
gboolean        rds_sim_engine_set_zone_down   (RdsSimEngine  *self,
                                                const char    *region,
                                                const char    *zone,
                                                gboolean       down,
                                                GError       **error);
char          **rds_sim_engine_list_zones_down (RdsSimEngine  *self,
                                                const char    *region);
gboolean        rds_sim_engine_fail_instance   (RdsSimEngine  *self,
                                                const char    *region,
                                                const char    *instance,
                                                const char    *what,
                                                GError       **error);
JsonNode       *rds_sim_engine_describe_instance (RdsSimEngine *self,
                                                const char    *region,
                                                const char    *instance,
                                                GError       **error);
gboolean        rds_sim_engine_fail_cluster_copy (RdsSimEngine *self,
                                                const char    *region,
                                                const char    *cluster,
                                                int            copy,
                                                int            group,
                                                GError       **error);
JsonNode       *rds_sim_engine_describe_cluster (RdsSimEngine  *self,
                                                const char    *region,
                                                const char    *cluster,
                                                GError       **error);

/* Time */
void            rds_sim_engine_catch_up        (RdsSimEngine  *self);
void            rds_sim_engine_advance         (RdsSimEngine  *self,
                                                gint64         seconds);
gint64          rds_sim_engine_get_next_due    (RdsSimEngine  *self);

/* Persistence: what changed since the last call, and the whole state. */
gboolean        rds_sim_engine_is_dirty        (RdsSimEngine  *self);
guint           rds_sim_engine_get_n_changes   (RdsSimEngine  *self);
void            rds_sim_engine_settings_changed (RdsSimEngine *self);
JsonNode       *rds_sim_engine_take_changes    (RdsSimEngine  *self);
JsonNode       *rds_sim_engine_save_header     (RdsSimEngine  *self);
void            rds_sim_engine_save_records    (RdsSimEngine  *self,
                                                void         (*func) (JsonNode *record,
                                                                      gpointer  user_data),
                                                gpointer       user_data);
typedef struct _RdsSimEngineCursor RdsSimEngineCursor;

RdsSimEngineCursor *rds_sim_engine_cursor_new  (RdsSimEngine        *self);
gboolean        rds_sim_engine_cursor_save     (RdsSimEngine        *self,
                                                RdsSimEngineCursor  *cursor,
                                                guint                max_records,
                                                void               (*func) (JsonNode *record,
                                                                            gpointer  user_data),
                                                gpointer             user_data);
void            rds_sim_engine_cursor_free     (RdsSimEngineCursor  *cursor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdsSimEngineCursor, rds_sim_engine_cursor_free)

gboolean        rds_sim_engine_load_header     (RdsSimEngine  *self,
                                                JsonNode      *header,
                                                GError       **error);
gboolean        rds_sim_engine_load_record     (RdsSimEngine  *self,
                                                JsonNode      *record,
                                                GError       **error);
gboolean        rds_sim_engine_apply_changes   (RdsSimEngine  *self,
                                                JsonNode      *changes,
                                                GError       **error);

G_END_DECLS
