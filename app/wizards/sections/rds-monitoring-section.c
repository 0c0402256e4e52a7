/* rds-monitoring-section.c: Performance Insights and Enhanced Monitoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-monitoring-section.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"

/* Performance Insights retention choices, in days. */
static const int pi_retentions[] = { 7, 31, 93, 186, 372, 731 };
/* Enhanced Monitoring granularities, in seconds. */
static const int em_intervals[] = { 1, 5, 10, 15, 30, 60 };

struct _RdsMonitoringSection
{
  RdsFormSection  parent_instance;

  char           *account_id;

  GtkWidget      *pi_check, *pi_retention_field, *pi_retention_dropdown;
  GtkWidget      *em_check, *em_granularity_field, *em_granularity_dropdown;
};

G_DEFINE_FINAL_TYPE (RdsMonitoringSection, rds_monitoring_section, RDS_TYPE_FORM_SECTION)

/* The account from arn:aws:…:REGION:ACCOUNT:…, for the monitoring role. */
static void
take_account_id (RdsMonitoringSection *self,
                 const char           *arn)
{
  g_auto(GStrv) parts = NULL;

  if (arn == NULL || self->account_id != NULL)
    return;
  parts = g_strsplit (arn, ":", 6);
  if (g_strv_length (parts) >= 5 && *parts[4] != '\0')
    self->account_id = g_strdup (parts[4]);
}

/**
 * rds_monitoring_section_set_account_id:
 * @account_id: (nullable): the account, for the monitoring role's ARN
 */
void
rds_monitoring_section_set_account_id (RdsMonitoringSection *self,
                                       const char           *account_id)
{
  g_return_if_fail (RDS_IS_MONITORING_SECTION (self));

  if (account_id != NULL && g_strcmp0 (self->account_id, account_id) != 0)
    {
      g_free (self->account_id);
      self->account_id = g_strdup (account_id);
    }
}

/* The instance's role when it has one, else the account's default role. */
static char *
monitoring_role (RdsMonitoringSection *self)
{
  RdsDbInstance *instance = rds_form_section_get_instance (RDS_FORM_SECTION (self));
  const char *existing = instance != NULL
                         ? rds_shape_get_string (RDS_SHAPE (instance), "monitoring-role-arn") : NULL;

  if (existing != NULL && *existing != '\0')
    return g_strdup (existing);
  return g_strdup_printf ("arn:aws:iam::%s:role/rds-monitoring-role",
                          self->account_id != NULL ? self->account_id : "123456789012");
}

static int
em_interval (RdsMonitoringSection *self)
{
  guint index = rds_form_selected (self->em_granularity_dropdown);

  return rds_form_is_active (self->em_check)
         ? em_intervals[MIN (index, G_N_ELEMENTS (em_intervals) - 1)] : 0;
}

static int
pi_retention (RdsMonitoringSection *self)
{
  guint index = rds_form_selected (self->pi_retention_dropdown);

  return pi_retentions[MIN (index, G_N_ELEMENTS (pi_retentions) - 1)];
}

static void
rds_monitoring_section_setup (RdsFormSection *section)
{
  RdsMonitoringSection *self = RDS_MONITORING_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));
  int interval, pi_days;

  if (instance == NULL)
    return;

  interval = rds_shape_get_int (instance, "monitoring-interval");
  pi_days = rds_shape_get_int (instance, "performance-insights-retention-period");
  take_account_id (self, rds_shape_get_string (instance, "db-instance-arn"));

  rds_form_section_set_active (section, self->pi_check,
                               rds_shape_get_tristate (instance, "performance-insights-enabled") ==
                               RDS_TRISTATE_TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (pi_retentions); k++)
    if (pi_retentions[k] == pi_days)
      rds_form_section_select (section, self->pi_retention_dropdown, k);
  rds_form_section_set_active (section, self->em_check, interval > 0);
  for (guint k = 0; k < G_N_ELEMENTS (em_intervals); k++)
    if (em_intervals[k] == interval)
      rds_form_section_select (section, self->em_granularity_dropdown, k);
}

static gboolean
rds_monitoring_section_validate (RdsFormSection *section)
{
  RdsMonitoringSection *self = RDS_MONITORING_SECTION (section);
  /* A read replica has its source's Performance Insights. */
  gboolean replica = rds_form_section_get_replica (section);

  gtk_widget_set_visible (self->pi_check, !replica);
  gtk_widget_set_visible (self->pi_retention_field, !replica && rds_form_is_active (self->pi_check));
  gtk_widget_set_visible (self->em_granularity_field, rds_form_is_active (self->em_check));
  return TRUE;
}

static void
rds_monitoring_section_add_to_create (RdsFormSection *section,
                                      RdsRequest     *request)
{
  RdsMonitoringSection *self = RDS_MONITORING_SECTION (section);

  if (rds_form_is_active (self->pi_check))
    {
      rds_request_set_boolean (request, "EnablePerformanceInsights", TRUE);
      rds_request_set_int (request, "PerformanceInsightsRetentionPeriod", pi_retention (self));
    }
  if (em_interval (self) > 0)
    {
      g_autofree char *role = monitoring_role (self);

      rds_request_set_int (request, "MonitoringInterval", em_interval (self));
      rds_request_set (request, "MonitoringRoleArn", role);
    }
}

static void
rds_monitoring_section_add_to_replica (RdsFormSection *section,
                                       RdsRequest     *request)
{
  RdsMonitoringSection *self = RDS_MONITORING_SECTION (section);

  if (em_interval (self) > 0)
    {
      g_autofree char *role = monitoring_role (self);

      rds_request_set_int (request, "MonitoringInterval", em_interval (self));
      rds_request_set (request, "MonitoringRoleArn", role);
    }
}

static void
rds_monitoring_section_add_changes (RdsFormSection *section,
                                    RdsFormDiff    *diff)
{
  RdsMonitoringSection *self = RDS_MONITORING_SECTION (section);
  RdsShape *i = RDS_SHAPE (rds_form_section_get_instance (section));
  int current_interval = MAX (rds_shape_get_int (i, "monitoring-interval"), 0);
  gboolean current_pi = rds_shape_get_tristate (i, "performance-insights-enabled") == RDS_TRISTATE_TRUE;

  rds_form_diff_boolean (diff, _("Performance Insights"), "EnablePerformanceInsights", current_pi,
                         rds_form_is_active (self->pi_check));
  if (rds_form_is_active (self->pi_check))
    rds_form_diff_int (diff, _("Performance Insights retention (days)"),
                       "PerformanceInsightsRetentionPeriod",
                       rds_shape_get_int (i, "performance-insights-retention-period"), pi_retention (self));
  if (current_interval != em_interval (self))
    {
      rds_form_diff_int (diff, _("Enhanced Monitoring granularity (seconds)"), "MonitoringInterval",
                         current_interval, em_interval (self));
      if (em_interval (self) > 0 && diff->request != NULL)
        {
          g_autofree char *role = monitoring_role (self);

          rds_request_set (diff->request, "MonitoringRoleArn", role);
        }
    }
}

static void
rds_monitoring_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_MONITORING_SECTION);

  G_OBJECT_CLASS (rds_monitoring_section_parent_class)->dispose (object);
}

static void
rds_monitoring_section_finalize (GObject *object)
{
  RdsMonitoringSection *self = RDS_MONITORING_SECTION (object);

  g_free (self->account_id);

  G_OBJECT_CLASS (rds_monitoring_section_parent_class)->finalize (object);
}

static void
rds_monitoring_section_class_init (RdsMonitoringSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_monitoring_section_dispose;
  object_class->finalize = rds_monitoring_section_finalize;
  section_class->setup = rds_monitoring_section_setup;
  section_class->validate = rds_monitoring_section_validate;
  section_class->add_to_create = rds_monitoring_section_add_to_create;
  section_class->add_changes = rds_monitoring_section_add_changes;
  section_class->add_to_replica = rds_monitoring_section_add_to_replica;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-monitoring-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsMonitoringSection, pi_check);
  gtk_widget_class_bind_template_child (widget_class, RdsMonitoringSection, pi_retention_field);
  gtk_widget_class_bind_template_child (widget_class, RdsMonitoringSection, pi_retention_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsMonitoringSection, em_check);
  gtk_widget_class_bind_template_child (widget_class, RdsMonitoringSection, em_granularity_field);
  gtk_widget_class_bind_template_child (widget_class, RdsMonitoringSection, em_granularity_dropdown);
}

static void
rds_monitoring_section_init (RdsMonitoringSection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  GtkWidget *controls[] = {
    self->pi_check, self->pi_retention_dropdown, self->em_check, self->em_granularity_dropdown,
  };
  rds_form_section_select (section, self->em_granularity_dropdown, G_N_ELEMENTS (em_intervals) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    rds_form_section_watch (section, controls[i]);
}
