/* rds-connections-window.h: the connections, to add, edit, remove and use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-connection-store.h"
#include "rds-secrets.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_CONNECTIONS_WINDOW (rds_connections_window_get_type ())
G_DECLARE_FINAL_TYPE (RdsConnectionsWindow, rds_connections_window, RDS, CONNECTIONS_WINDOW, AdwPreferencesWindow)

RdsConnectionsWindow *rds_connections_window_new (GActionGroup       *application,
                                                  RdsConnectionStore *store,
                                                  RdsSecrets         *secrets);
void                  rds_connections_window_add (RdsConnectionsWindow *self);
void                  rds_connections_window_edit (RdsConnectionsWindow *self,
                                                   const char           *id);

G_END_DECLS
