/* rds-snapshots-page.h: the Snapshots page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_SNAPSHOTS_PAGE (rds_snapshots_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsSnapshotsPage, rds_snapshots_page, RDS, SNAPSHOTS_PAGE, GtkWidget)

RdsSession *rds_snapshots_page_get_session (RdsSnapshotsPage *self);
void        rds_snapshots_page_set_session (RdsSnapshotsPage *self,
                                            RdsSession       *session);

GtkSingleSelection *rds_snapshots_page_get_selection (RdsSnapshotsPage *self);

G_END_DECLS
