/* rds-dashboard-page.h: the Dashboard page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_DASHBOARD_PAGE (rds_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsDashboardPage, rds_dashboard_page, RDS, DASHBOARD_PAGE, RdsPage)


G_END_DECLS
