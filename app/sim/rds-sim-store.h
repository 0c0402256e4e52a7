/* rds-sim-store.h: the simulator's state on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rds-sim-engine.h"

G_BEGIN_DECLS

#define RDS_SIM_STORE_ERROR (rds_sim_store_error_quark ())

typedef enum
{
  RDS_SIM_STORE_ERROR_LOCKED,   /* another simulator uses the directory */
  RDS_SIM_STORE_ERROR_IO,       /* the disk said no */
  RDS_SIM_STORE_ERROR_CLOSED,   /* the store was closed */
} RdsSimStoreError;

#define RDS_SIM_STORE_STATE_FILE   "state.json"
#define RDS_SIM_STORE_JOURNAL_FILE "journal.jsonl"

#define RDS_TYPE_SIM_STORE (rds_sim_store_get_type ())
G_DECLARE_FINAL_TYPE (RdsSimStore, rds_sim_store, RDS, SIM_STORE, GObject)

GQuark       rds_sim_store_error_quark      (void);

RdsSimStore *rds_sim_store_open             (const char           *directory,
                                             GError              **error);
const char  *rds_sim_store_get_directory    (RdsSimStore          *self);
gboolean     rds_sim_store_load             (RdsSimStore          *self,
                                             RdsSimEngine         *engine,
                                             char                **warning,
                                             GError              **error);
gboolean     rds_sim_store_restore          (RdsSimStore          *self,
                                             RdsSimEngine         *engine,
                                             GError              **error);
gboolean     rds_sim_store_checkpoint       (RdsSimStore          *self,
                                             RdsSimEngine         *engine,
                                             GError              **error);
gboolean     rds_sim_store_needs_checkpoint (RdsSimStore          *self);
void         rds_sim_store_checkpoint_async (RdsSimStore          *self,
                                             RdsSimEngine         *engine,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     rds_sim_store_checkpoint_finish (RdsSimStore         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

void         rds_sim_store_append_async     (RdsSimStore          *self,
                                             JsonNode             *changes,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     rds_sim_store_append_finish    (RdsSimStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean     rds_sim_store_append_sync      (RdsSimStore          *self,
                                             JsonNode             *changes,
                                             GError              **error);
void         rds_sim_store_flush            (RdsSimStore          *self);
void         rds_sim_store_close            (RdsSimStore          *self);

G_END_DECLS
