/* rds-availability-section.c: Multi-AZ or Single-AZ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-availability-section.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-heading.h"

struct _RdsAvailabilitySection
{
  RdsFormSection  parent_instance;

  GtkWidget      *deploy_multi_az, *deploy_single, *deploy_multi_az_description, *deploy_single_description;
  GtkWidget      *heading;
};

G_DEFINE_FINAL_TYPE (RdsAvailabilitySection, rds_availability_section, RDS_TYPE_FORM_SECTION)

gboolean
rds_availability_section_get_multi_az (RdsAvailabilitySection *self)
{
  g_return_val_if_fail (RDS_IS_AVAILABILITY_SECTION (self), FALSE);

  return rds_form_is_active (self->deploy_multi_az);
}

/**
 * rds_availability_section_set_multi_az:
 * @possible: whether Multi-AZ may be chosen at all (the engine offers it,
 *   and the template is not the free tier)
 */
void
rds_availability_section_set_multi_az (RdsAvailabilitySection *self,
                                       gboolean                multi_az,
                                       gboolean                possible)
{
  g_return_if_fail (RDS_IS_AVAILABILITY_SECTION (self));

  rds_form_section_set_active (RDS_FORM_SECTION (self),
                               multi_az && possible ? self->deploy_multi_az : self->deploy_single, TRUE);
  gtk_widget_set_sensitive (self->deploy_multi_az, possible);
}

static void
rds_availability_section_setup (RdsFormSection *section)
{
  RdsAvailabilitySection *self = RDS_AVAILABILITY_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  /* A replica is Multi-AZ or not on its own, whatever its source is. */
  if (rds_form_section_get_replica (section))
    {
      gtk_label_set_label (GTK_LABEL (self->deploy_multi_az_description),
                           _("Creates the read replica with a standby in a different Availability Zone, "
                             "for the replica’s own availability. The standby doesn’t serve read "
                             "traffic."));
      return;
    }
  /* A restore is deployed as its source is (Single-AZ when the source is
   * not known). */
  if (instance != NULL)
    rds_form_section_set_active (section,
                                 rds_shape_get_boolean (instance, "multi-az")
                                 ? self->deploy_multi_az : self->deploy_single, TRUE);
}

/* Aurora has no standby: its readers take over. The choice is a reader
 * in another zone or not (MultiAZ in the form's request, a second
 * instance for the cluster). */
static void
rds_availability_section_engine_changed (RdsFormSection *section)
{
  RdsAvailabilitySection *self = RDS_AVAILABILITY_SECTION (section);
  const RdsEngineInfo *engine = rds_form_section_get_engine (section);
  gboolean aurora = engine != NULL && engine->aurora;

  if (!rds_form_section_get_creating (section))
    gtk_widget_set_sensitive (self->deploy_multi_az, engine->multi_az);
  if (rds_form_section_get_replica (section) || rds_form_section_get_instance (section) != NULL)
    return;

  rds_heading_set_info (RDS_HEADING (self->heading), aurora ? "aurora-failover" : "multi-az");
  gtk_check_button_set_label (GTK_CHECK_BUTTON (self->deploy_multi_az),
                              aurora ? _("Create an Aurora Replica in a different AZ")
                                     : _("Multi-AZ DB instance"));
  gtk_label_set_label (GTK_LABEL (self->deploy_multi_az_description),
                       aurora ? _("Creates a reader in a different Availability Zone: it serves reads, and "
                                  "takes over as the writer in under 30 seconds if the writer fails.")
                              : _("Creates a primary DB instance and a standby DB instance in a different "
                                  "Availability Zone. High availability, but the standby doesn’t serve read "
                                  "traffic."));
  gtk_check_button_set_label (GTK_CHECK_BUTTON (self->deploy_single),
                              aurora ? _("Don’t create an Aurora Replica") : _("Single DB instance"));
  gtk_label_set_label (GTK_LABEL (self->deploy_single_description),
                       aurora ? _("Creates the writer alone. Readers can be added later.")
                              : _("Creates a single DB instance with no standby DB instances."));
}

static void
rds_availability_section_add_to_create (RdsFormSection *section,
                                        RdsRequest     *request)
{
  RdsAvailabilitySection *self = RDS_AVAILABILITY_SECTION (section);

  rds_request_set_boolean (request, "MultiAZ", rds_form_is_active (self->deploy_multi_az));
}

static void
rds_availability_section_add_changes (RdsFormSection *section,
                                      RdsFormDiff    *diff)
{
  RdsAvailabilitySection *self = RDS_AVAILABILITY_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  rds_form_diff_boolean (diff, _("Multi-AZ deployment"), "MultiAZ",
                         rds_shape_get_boolean (instance, "multi-az"),
                         rds_form_is_active (self->deploy_multi_az));
}

static void
rds_availability_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_AVAILABILITY_SECTION);

  G_OBJECT_CLASS (rds_availability_section_parent_class)->dispose (object);
}

static void
rds_availability_section_class_init (RdsAvailabilitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_availability_section_dispose;
  section_class->setup = rds_availability_section_setup;
  section_class->engine_changed = rds_availability_section_engine_changed;
  section_class->add_to_create = rds_availability_section_add_to_create;
  section_class->add_changes = rds_availability_section_add_changes;
  section_class->add_to_replica = rds_availability_section_add_to_create;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-availability-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsAvailabilitySection, deploy_multi_az);
  gtk_widget_class_bind_template_child (widget_class, RdsAvailabilitySection, deploy_single);
  gtk_widget_class_bind_template_child (widget_class, RdsAvailabilitySection, deploy_multi_az_description);
  gtk_widget_class_bind_template_child (widget_class, RdsAvailabilitySection, deploy_single_description);
  gtk_widget_class_bind_template_child (widget_class, RdsAvailabilitySection, heading);
}

static void
rds_availability_section_init (RdsAvailabilitySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_form_section_watch (RDS_FORM_SECTION (self), self->deploy_multi_az);
}
