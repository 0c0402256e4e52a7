/* rds-ports-page.c: the Ports reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The well-known ports a learner meets, the engines' first: opened from
 * the main menu's Ports Reference, from the Info panels and from the
 * Info link of the Database port field. Each row says the service, what
 * it is for and its port; a screen reader hears all three.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rds-ports-page.h"

#include "rds-concepts.h"
#include "rds-heading.h"

struct _RdsPortsPage
{
  RdsPage    parent_instance;

  GtkWidget *databases_group;
  GtkWidget *others_group;
};

G_DEFINE_FINAL_TYPE (RdsPortsPage, rds_ports_page, RDS_TYPE_PAGE)

static GtkWidget *
port_row (const RdsWellKnownPort *port)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  GtkWidget *label;

  if (port->other_port != 0)
    /* Translators: two ports of one service, such as “3306 or 5432” */
    number = g_strdup_printf (_("%u or %u"), port->port, port->other_port);
  else
    number = g_strdup_printf ("%u", port->port);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(port->name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(port->use));
  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* Translators: a row of the Ports reference to a screen reader:
   * the port(s), then what the service is for */
  description = g_strdup_printf (_("Port %s. %s"), number, _(port->use));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(port->name),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

static void
rds_ports_page_class_init (RdsPortsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (RDS_TYPE_HEADING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-ports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsPortsPage, databases_group);
  gtk_widget_class_bind_template_child (widget_class, RdsPortsPage, others_group);
}

static void
rds_ports_page_init (RdsPortsPage *self)
{
  const RdsWellKnownPort *ports;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  ports = rds_well_known_ports (&n);
  for (guint i = 0; i < n; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (ports[i].database ? self->databases_group
                                                                         : self->others_group),
                               port_row (&ports[i]));
}
