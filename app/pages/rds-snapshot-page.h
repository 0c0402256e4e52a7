/* rds-snapshot-page.h: a DB snapshot's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-db-snapshot.h"
#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_SNAPSHOT_PAGE (rds_snapshot_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsSnapshotPage, rds_snapshot_page, RDS, SNAPSHOT_PAGE, RdsPage)

const char    *rds_snapshot_page_get_identifier (RdsSnapshotPage *self);
void           rds_snapshot_page_set_identifier (RdsSnapshotPage *self,
                                                 const char      *identifier);
RdsDbSnapshot *rds_snapshot_page_get_snapshot   (RdsSnapshotPage *self);
gboolean       rds_snapshot_page_get_sharing_loading (RdsSnapshotPage *self);
GListModel    *rds_snapshot_page_get_shared_with (RdsSnapshotPage *self);

G_END_DECLS
