/* rds-sample-environment.h: a handful of databases to start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-session.h"

G_BEGIN_DECLS

void     rds_sample_environment_create_async  (RdsSession           *session,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean rds_sample_environment_create_finish (RdsSession           *session,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
