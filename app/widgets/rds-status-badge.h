/* rds-status-badge.h: a resource's status, as a colored badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_STATUS_BADGE (rds_status_badge_get_type ())
G_DECLARE_FINAL_TYPE (RdsStatusBadge, rds_status_badge, RDS, STATUS_BADGE, GtkWidget)

GtkWidget  *rds_status_badge_new        (void);
const char *rds_status_badge_get_status (RdsStatusBadge *self);
void        rds_status_badge_set_status (RdsStatusBadge *self,
                                         const char     *status);

G_END_DECLS
