/* rds-connection-editor.h: add or edit a connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-connection-store.h"
#include "rds-secrets.h"

G_BEGIN_DECLS

#define RDS_TYPE_CONNECTION_EDITOR (rds_connection_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdsConnectionEditor, rds_connection_editor, RDS, CONNECTION_EDITOR, GtkWidget)

RdsConnectionEditor *rds_connection_editor_new      (RdsConnectionStore  *store,
                                                     RdsConnection       *connection,
                                                     RdsSecrets          *secrets);
RdsConnection       *rds_connection_editor_get_connection (RdsConnectionEditor *self);

G_END_DECLS
