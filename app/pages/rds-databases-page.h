/* rds-databases-page.h: the Databases page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_DATABASES_PAGE (rds_databases_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsDatabasesPage, rds_databases_page, RDS, DATABASES_PAGE, RdsPage)

RdsSession         *rds_databases_page_get_session   (RdsDatabasesPage *self);
GtkSingleSelection *rds_databases_page_get_selection (RdsDatabasesPage *self);
RdsDbInstance      *rds_databases_page_get_selected  (RdsDatabasesPage *self);
GtkEditable        *rds_databases_page_get_search    (RdsDatabasesPage *self);
RdsInstanceActions *rds_databases_page_get_actions   (RdsDatabasesPage *self);
gboolean            rds_databases_page_select        (RdsDatabasesPage *self,
                                                      const char       *identifier);
guint               rds_databases_page_get_page_size (RdsDatabasesPage *self);
void                rds_databases_page_set_page_size (RdsDatabasesPage *self,
                                                      guint             page_size);
const char         *rds_databases_page_get_range     (RdsDatabasesPage *self);

gboolean rds_databases_page_get_activity (RdsDatabasesPage *self,
                                          const char       *identifier,
                                          double           *cpu,
                                          double           *connections);

G_END_DECLS
