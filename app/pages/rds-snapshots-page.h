/* rds-snapshots-page.h: the Snapshots page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-db-snapshot.h"
#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_SNAPSHOTS_PAGE (rds_snapshots_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsSnapshotsPage, rds_snapshots_page, RDS, SNAPSHOTS_PAGE, RdsPage)

void                rds_snapshots_page_show_tab      (RdsSnapshotsPage *self,
                                                      const char       *type);
GtkSingleSelection *rds_snapshots_page_get_selection (RdsSnapshotsPage *self);

/* What the Snapshots page shares with a snapshot's page. */
GMenuModel         *rds_snapshots_page_get_actions_menu (void);
void                rds_snapshots_page_enable_actions   (GtkWidget        *widget,
                                                         RdsDbSnapshot    *snapshot);

G_END_DECLS
