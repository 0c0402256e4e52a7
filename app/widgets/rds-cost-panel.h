/* rds-cost-panel.h: the wizard's "Estimated monthly costs"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-catalog.h"

G_BEGIN_DECLS

#define RDS_TYPE_COST_PANEL (rds_cost_panel_get_type ())
G_DECLARE_FINAL_TYPE (RdsCostPanel, rds_cost_panel, RDS, COST_PANEL, GtkWidget)

void        rds_cost_panel_set_estimate                 (RdsCostPanel          *self,
                                                         const RdsCostEstimate *estimate,
                                                         gboolean               free_tier);
const char *rds_cost_panel_get_total                    (RdsCostPanel          *self);
void        rds_cost_panel_set_data_transfer            (RdsCostPanel          *self,
                                                         gboolean               shown,
                                                         double                 usd,
                                                         const char            *assumption);
const char *rds_cost_panel_get_data_transfer            (RdsCostPanel          *self);
const char *rds_cost_panel_get_data_transfer_assumption (RdsCostPanel          *self);

G_END_DECLS
