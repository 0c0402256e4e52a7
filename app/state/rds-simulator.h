/* rds-simulator.h: the embedded simulator, on its own thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RDS_TYPE_SIMULATOR (rds_simulator_get_type ())
G_DECLARE_FINAL_TYPE (RdsSimulator, rds_simulator, RDS, SIMULATOR, GObject)

RdsSimulator *rds_simulator_new              (const char           *state_dir,
                                              const char           *access_key_id,
                                              const char           *secret_access_key);
void          rds_simulator_set_paused       (RdsSimulator         *self,
                                              gboolean              paused);
void          rds_simulator_set_start_time   (RdsSimulator         *self,
                                              gint64                usec);
void          rds_simulator_set_port         (RdsSimulator         *self,
                                              guint                 port);
void          rds_simulator_set_seed         (RdsSimulator         *self,
                                              guint64               seed);
void          rds_simulator_start_async      (RdsSimulator         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      rds_simulator_start_finish     (RdsSimulator         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
const char   *rds_simulator_get_url          (RdsSimulator         *self);
const char   *rds_simulator_get_warning      (RdsSimulator         *self);
void          rds_simulator_stop             (RdsSimulator         *self);

G_END_DECLS
