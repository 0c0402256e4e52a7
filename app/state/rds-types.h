/* rds-types.h: the console's types, declared once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RdsApplication             RdsApplication;
typedef struct _RdsClockControl            RdsClockControl;
typedef struct _RdsClusterPage             RdsClusterPage;
typedef struct _RdsConnection              RdsConnection;
typedef struct _RdsBackupsPage             RdsBackupsPage;
typedef struct _RdsConnectionStore         RdsConnectionStore;
typedef struct _RdsConnectionsWindow       RdsConnectionsWindow;
typedef struct _RdsCostPanel               RdsCostPanel;
typedef struct _RdsCreateDatabaseWizard    RdsCreateDatabaseWizard;
typedef struct _RdsDatabaseForm            RdsDatabaseForm;
typedef struct _RdsDashboardPage           RdsDashboardPage;
typedef struct _RdsDatabasePage            RdsDatabasePage;
typedef struct _RdsEncryptJob              RdsEncryptJob;
typedef struct _RdsDatabasesPage           RdsDatabasesPage;
typedef struct _RdsDbCluster               RdsDbCluster;
typedef struct _RdsDbInstance              RdsDbInstance;
typedef struct _RdsDbSnapshot              RdsDbSnapshot;
typedef struct _RdsEventsPage              RdsEventsPage;
typedef struct _RdsFormField               RdsFormField;
typedef struct _RdsInstanceActions         RdsInstanceActions;
typedef struct _RdsModifyDatabaseWizard    RdsModifyDatabaseWizard;
typedef struct _RdsPage                    RdsPage;
typedef struct _RdsPreferencesWindow       RdsPreferencesWindow;
typedef struct _RdsResourceList            RdsResourceList;
typedef struct _RdsRestoreWindow           RdsRestoreWindow;
typedef struct _RdsSecrets                 RdsSecrets;
typedef struct _RdsSession                 RdsSession;
typedef struct _RdsSnapshotPage            RdsSnapshotPage;
typedef struct _RdsSnapshotsPage           RdsSnapshotsPage;
typedef struct _RdsStatusBadge             RdsStatusBadge;
typedef struct _RdsWindow                  RdsWindow;

G_END_DECLS
