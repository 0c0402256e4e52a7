/* rds-cost-panel.c: the wizard's "Estimated monthly costs"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DB instance, storage, provisioned IOPS and throughput, and the total, in
 * USD a month (rds_catalog_estimate_monthly()); lines that cost nothing
 * are left out. The wizard sets a new estimate on every change. A wizard
 * whose database sends data across Regions (a read replica) adds a data
 * transfer line, with the assumption its volume rests on; the total
 * includes it.
 */

#include "config.h"

#include "rds-cost-panel.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rds-format.h"

typedef enum
{
  LINE_INSTANCE,
  LINE_STORAGE,
  LINE_IOPS,
  LINE_THROUGHPUT,
  LINE_TRANSFER,
  LINE_TOTAL,
  N_LINES
} Line;

struct _RdsCostPanel
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  GtkWidget *free_tier_label;
  GtkWidget *transfer_label;
  GtkWidget *exclusions_label;
  GtkWidget *names[N_LINES];
  GtkWidget *values[N_LINES];

  RdsCostEstimate estimate;
  gboolean        free_tier;
  gboolean        transfer_shown;
  double          transfer;
};

G_DEFINE_FINAL_TYPE (RdsCostPanel, rds_cost_panel, GTK_TYPE_WIDGET)

static void set_line (RdsCostPanel *self,
                      Line          line,
                      double        usd,
                      gboolean      always);

static void
rds_cost_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_COST_PANEL);
  rds_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rds_cost_panel_parent_class)->dispose (object);
}

static void
rds_cost_panel_class_init (RdsCostPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_cost_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-cost-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsCostPanel, grid);
  gtk_widget_class_bind_template_child (widget_class, RdsCostPanel, free_tier_label);
  gtk_widget_class_bind_template_child (widget_class, RdsCostPanel, transfer_label);
  gtk_widget_class_bind_template_child (widget_class, RdsCostPanel, exclusions_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rds_cost_panel_init (RdsCostPanel *self)
{
  const char *names[N_LINES] = {
    N_("DB instance"), N_("Storage"), N_("Provisioned IOPS"), N_("Storage throughput"),
    N_("Data transfer"), N_("Total"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_LINES; i++)
    {
      self->names[i] = gtk_label_new (_(names[i]));
      gtk_label_set_xalign (GTK_LABEL (self->names[i]), 0);
      gtk_widget_set_hexpand (self->names[i], TRUE);
      self->values[i] = gtk_label_new ("");
      gtk_label_set_xalign (GTK_LABEL (self->values[i]), 1);
      gtk_widget_add_css_class (self->values[i], "numeric");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->values[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->names[i], NULL, -1);
      if (i == LINE_TOTAL)
        {
          gtk_widget_add_css_class (self->names[i], "heading");
          gtk_widget_add_css_class (self->values[i], "heading");
          gtk_widget_set_margin_top (self->names[i], 6);
          gtk_widget_set_margin_top (self->values[i], 6);
        }
      gtk_grid_attach (GTK_GRID (self->grid), self->names[i], 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), self->values[i], 1, i, 1, 1);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Estimated monthly costs"), -1);
  set_line (self, LINE_TRANSFER, 0.0, FALSE);
}

static void
set_line (RdsCostPanel *self,
          Line          line,
          double        usd,
          gboolean      always)
{
  /* NaN: a cost the form can't price until a field is right. */
  g_autofree char *text = isnan (usd) ? g_strdup ("—") : rds_format_usd (usd);
  gboolean shown = always || isnan (usd) || usd > 0.0;

  gtk_label_set_label (GTK_LABEL (self->values[line]), text);
  gtk_widget_set_visible (self->names[line], shown);
  gtk_widget_set_visible (self->values[line], shown);
}

static void
update (RdsCostPanel *self)
{
  const RdsCostEstimate *estimate = &self->estimate;

  set_line (self, LINE_INSTANCE, estimate->instance, TRUE);
  set_line (self, LINE_STORAGE, estimate->storage, TRUE);
  set_line (self, LINE_IOPS, estimate->iops, FALSE);
  set_line (self, LINE_THROUGHPUT, estimate->throughput, FALSE);
  set_line (self, LINE_TRANSFER, self->transfer, self->transfer_shown);
  gtk_widget_set_visible (self->names[LINE_TRANSFER], self->transfer_shown);
  gtk_widget_set_visible (self->values[LINE_TRANSFER], self->transfer_shown);
  set_line (self, LINE_TOTAL, estimate->total + (self->transfer_shown ? self->transfer : 0.0), TRUE);
  gtk_widget_set_visible (self->free_tier_label, self->free_tier);
  gtk_widget_set_visible (self->transfer_label, self->transfer_shown);
  gtk_label_set_label (GTK_LABEL (self->exclusions_label),
                       self->transfer_shown
                       ? _("This estimate is based on on-demand usage as described in Amazon RDS pricing. "
                           "It doesn’t include backup storage or I/Os (if applicable).")
                       : _("This estimate is based on on-demand usage as described in Amazon RDS pricing. "
                           "It doesn’t include backup storage, I/Os (if applicable) or data transfer."));
}

void
rds_cost_panel_set_estimate (RdsCostPanel          *self,
                             const RdsCostEstimate *estimate,
                             gboolean               free_tier)
{
  g_return_if_fail (RDS_IS_COST_PANEL (self));
  g_return_if_fail (estimate != NULL);

  self->estimate = *estimate;
  self->free_tier = free_tier;
  update (self);
}

/**
 * rds_cost_panel_set_data_transfer:
 * @shown: whether the estimate has a data transfer line at all
 * @usd: data transfer a month, in USD (NaN when it can't be priced)
 * @assumption: (nullable): what the figure rests on, shown under the lines
 *
 * Adds (or takes away) a data transfer line; the total includes it.
 */
void
rds_cost_panel_set_data_transfer (RdsCostPanel *self,
                                  gboolean      shown,
                                  double        usd,
                                  const char   *assumption)
{
  g_return_if_fail (RDS_IS_COST_PANEL (self));

  self->transfer_shown = shown;
  self->transfer = usd;
  gtk_label_set_label (GTK_LABEL (self->transfer_label), assumption != NULL ? assumption : "");
  update (self);
}

/* The data transfer line as shown, "0.00 USD", or %NULL without one. */
const char *
rds_cost_panel_get_data_transfer (RdsCostPanel *self)
{
  g_return_val_if_fail (RDS_IS_COST_PANEL (self), NULL);

  return self->transfer_shown ? gtk_label_get_label (GTK_LABEL (self->values[LINE_TRANSFER])) : NULL;
}

/* What the data transfer figure rests on, as shown. */
const char *
rds_cost_panel_get_data_transfer_assumption (RdsCostPanel *self)
{
  g_return_val_if_fail (RDS_IS_COST_PANEL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->transfer_label));
}

/* The total as shown, "14.71 USD". */
const char *
rds_cost_panel_get_total (RdsCostPanel *self)
{
  g_return_val_if_fail (RDS_IS_COST_PANEL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->values[LINE_TOTAL]));
}
