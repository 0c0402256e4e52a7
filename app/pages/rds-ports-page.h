/* rds-ports-page.h: the Ports reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_PORTS_PAGE (rds_ports_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsPortsPage, rds_ports_page, RDS, PORTS_PAGE, RdsPage)

G_END_DECLS
