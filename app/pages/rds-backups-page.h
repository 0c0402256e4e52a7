/* rds-backups-page.h: the Automated backups page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_BACKUPS_PAGE (rds_backups_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsBackupsPage, rds_backups_page, RDS, BACKUPS_PAGE, RdsPage)

void                rds_backups_page_show_retained  (RdsBackupsPage *self,
                                                     gboolean        retained);
GtkSingleSelection *rds_backups_page_get_selection  (RdsBackupsPage *self);

G_END_DECLS
