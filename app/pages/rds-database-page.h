/* rds-database-page.h: a DB instance's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_DATABASE_PAGE (rds_database_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsDatabasePage, rds_database_page, RDS, DATABASE_PAGE, RdsPage)


const char *rds_database_page_get_identifier (RdsDatabasePage *self);
void        rds_database_page_set_identifier (RdsDatabasePage *self,
                                              const char      *identifier);
RdsDbInstance *rds_database_page_get_instance (RdsDatabasePage *self);
void        rds_database_page_show_tab (RdsDatabasePage *self,
                                        const char      *tab);

G_END_DECLS
