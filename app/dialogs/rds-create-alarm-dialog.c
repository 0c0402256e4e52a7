/* rds-create-alarm-dialog.c: an alarm on one metric of a DB instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from a chart of the Monitoring tab: the metric and the instance
 * are given; the user names the alarm and sets its rule (statistic,
 * condition, threshold in the unit the chart shows, period, how many
 * periods and how many of them must breach). PutMetricAlarm creates it;
 * CloudWatch's errors show next to the field they are about.
 */

#include "config.h"

#include "rds-create-alarm-dialog.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-metrics.h"
#include "rds-session.h"

static const struct
{
  const char *value;
  const char *label;
} statistics[] = {
  { "Average", N_("Average") },
  { "Maximum", N_("Maximum") },
  { "Minimum", N_("Minimum") },
  { "Sum", N_("Sum") },
};

static const struct
{
  const char *value;
  const char *label;
} conditions[] = {
  { "GreaterThanThreshold", N_("Greater than") },
  { "GreaterThanOrEqualToThreshold", N_("Greater than or equal to") },
  { "LessThanThreshold", N_("Less than") },
  { "LessThanOrEqualToThreshold", N_("Less than or equal to") },
};

static const struct
{
  int         seconds;
  const char *label;
} periods[] = {
  { 60, N_("1 minute") },
  { 300, N_("5 minutes") },
  { 900, N_("15 minutes") },
  { 3600, N_("1 hour") },
};

struct _RdsCreateAlarmDialog
{
  RdsActionDialog      parent_instance;

  char                *metric;
  const RdsMetricInfo *info;
  RdsMetricScale       scale;     /* the threshold's unit */

  GtkWidget           *name_entry;
  GtkWidget           *name_field;
  GtkWidget           *statistic_dropdown;
  GtkWidget           *condition_dropdown;
  GtkWidget           *threshold_entry;
  GtkWidget           *threshold_field;
  GtkWidget           *period_dropdown;
  GtkWidget           *periods_spin;
  GtkWidget           *datapoints_spin;
  GtkWidget           *datapoints_field;
};

G_DEFINE_FINAL_TYPE (RdsCreateAlarmDialog, rds_create_alarm_dialog, RDS_TYPE_ACTION_DIALOG)

enum {
  PROP_0,
  PROP_METRIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
parse_threshold (RdsCreateAlarmDialog *self,
                 double               *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->threshold_entry))));
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static gboolean
rds_create_alarm_dialog_validate (RdsActionDialog *dialog)
{
  RdsCreateAlarmDialog *self = RDS_CREATE_ALARM_DIALOG (dialog);
  const char *name;
  double threshold;
  gboolean valid = TRUE;
  int evaluation, needed;

  if (self->name_entry == NULL || self->datapoints_spin == NULL)
    return FALSE;

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  if (*name == '\0' || strlen (name) > 255)
    {
      rds_form_field_set_error (RDS_FORM_FIELD (self->name_field),
                                *name == '\0' ? _("Name the alarm.") : _("At most 255 characters."));
      valid = FALSE;
    }
  else
    rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), NULL);

  if (!parse_threshold (self, &threshold))
    {
      rds_form_field_set_error (RDS_FORM_FIELD (self->threshold_field),
                                *gtk_editable_get_text (GTK_EDITABLE (self->threshold_entry)) != '\0'
                                ? _("Write a number, such as 80 or 2.5.") : NULL);
      valid = FALSE;
    }
  else if (threshold < 0)
    {
      rds_form_field_set_error (RDS_FORM_FIELD (self->threshold_field), _("This metric is never negative."));
      valid = FALSE;
    }
  else
    rds_form_field_set_error (RDS_FORM_FIELD (self->threshold_field), NULL);

  evaluation = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->periods_spin));
  needed = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->datapoints_spin));
  if (needed > evaluation)
    {
      g_autofree char *message = g_strdup_printf (_("At most the number of periods, %d."), evaluation);

      rds_form_field_set_error (RDS_FORM_FIELD (self->datapoints_field), message);
      valid = FALSE;
    }
  else
    rds_form_field_set_error (RDS_FORM_FIELD (self->datapoints_field), NULL);

  return valid;
}

static RdsRequest *
rds_create_alarm_dialog_build_request (RdsActionDialog  *dialog,
                                       GError          **error)
{
  RdsCreateAlarmDialog *self = RDS_CREATE_ALARM_DIALOG (dialog);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  RdsRequest *request = rds_request_new_for_api (&rds_api_monitoring, "PutMetricAlarm");
  double threshold = 0;

  parse_threshold (self, &threshold);
  rds_request_set (request, "AlarmName", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  rds_request_set (request, "Namespace", RDS_METRICS_NAMESPACE);
  rds_request_set (request, "MetricName", self->metric);
  rds_request_set (request, "Dimensions.member.1.Name", RDS_METRICS_DIMENSION);
  rds_request_set (request, "Dimensions.member.1.Value", rds_db_instance_get_identifier (instance));
  rds_request_set (request, "Statistic",
                   statistics[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->statistic_dropdown))].value);
  rds_request_set (request, "ComparisonOperator",
                   conditions[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->condition_dropdown))].value);
  {
    char number[G_ASCII_DTOSTR_BUF_SIZE];

    /* In CloudWatch's unit: bytes, seconds. */
    rds_request_set (request, "Threshold", g_ascii_dtostr (number, sizeof number, threshold * self->scale.divisor));
  }
  rds_request_set_int (request, "Period",
                       periods[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period_dropdown))].seconds);
  rds_request_set_int (request, "EvaluationPeriods",
                       gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->periods_spin)));
  rds_request_set_int (request, "DatapointsToAlarm",
                       gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->datapoints_spin)));
  return request;
}

static char *
rds_create_alarm_dialog_describe_success (RdsActionDialog *dialog,
                                          RdsQueryResult  *result)
{
  RdsCreateAlarmDialog *self = RDS_CREATE_ALARM_DIALOG (dialog);

  /* Translators: %s is an alarm's name */
  return g_strdup_printf (_("Alarm %s created"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static GtkWidget *
dropdown (const char * const *labels,
          guint               n,
          guint               selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *widget;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(labels[i * 2 + 1]));
  widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected);
  return widget;
}

static GtkWidget *
add_field (RdsCreateAlarmDialog *self,
           const char           *title,
           const char           *parameter,
           GtkWidget            *child)
{
  GtkWidget *field = rds_form_field_new (title, child);

  rds_form_field_set_parameter (RDS_FORM_FIELD (field), parameter);
  rds_action_dialog_add (RDS_ACTION_DIALOG (self), field);
  return field;
}

static void
rds_create_alarm_dialog_constructed (GObject *object)
{
  RdsCreateAlarmDialog *self = RDS_CREATE_ALARM_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsDbInstance *instance = rds_action_dialog_get_resource (dialog);
  const char *id = rds_db_instance_get_identifier (instance);
  g_autofree char *escaped_id = g_markup_escape_text (id, -1);
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *threshold_title = NULL;
  const char *stat_labels[G_N_ELEMENTS (statistics) * 2];
  const char *condition_labels[G_N_ELEMENTS (conditions) * 2];
  const char *period_labels[G_N_ELEMENTS (periods) * 2];
  GtkWidget *row;

  G_OBJECT_CLASS (rds_create_alarm_dialog_parent_class)->constructed (object);

  self->info = rds_metrics_lookup (self->metric);
  g_return_if_fail (self->info != NULL);

  /* The threshold in the unit a person thinks in: GiB, MiB/s, ms, %. */
  rds_metric_scale_for (self->info->display,
                        self->info->display == RDS_METRIC_DISPLAY_BYTES ? 1024.0 * 1024 * 1024
                        : self->info->display == RDS_METRIC_DISPLAY_BYTES_PER_SECOND ? 1024.0 * 1024 : 1.0,
                        &self->scale);

  rds_action_dialog_set_heading (dialog, _("Create alarm"));
  /* Translators: %s are a metric's name and a DB instance identifier */
  body = g_strdup_printf (_("An alarm on the <b>%s</b> of <b>%s</b>. CloudWatch evaluates it at the end of "
                            "each period, from the same data as the chart."),
                          _(self->info->title), escaped_id);
  rds_action_dialog_set_body (dialog, body);

  name = g_strdup_printf ("%s-%s", id, self->metric);
  self->name_entry = rds_action_dialog_add_entry (dialog, _("Alarm name"), "AlarmName",
                                                  _("Unique in the Region; up to 255 characters."),
                                                  &self->name_field);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);

  for (guint i = 0; i < G_N_ELEMENTS (statistics); i++)
    {
      stat_labels[i * 2] = statistics[i].value;
      stat_labels[i * 2 + 1] = statistics[i].label;
    }
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      condition_labels[i * 2] = conditions[i].value;
      condition_labels[i * 2 + 1] = conditions[i].label;
    }
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      period_labels[i * 2] = NULL;
      period_labels[i * 2 + 1] = periods[i].label;
    }

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  self->statistic_dropdown = dropdown (stat_labels, G_N_ELEMENTS (statistics), 0);
  gtk_widget_set_name (self->statistic_dropdown, "statistic");
  self->condition_dropdown = dropdown (condition_labels, G_N_ELEMENTS (conditions),
                                       self->info->id == RDS_METRIC_FREE_STORAGE_SPACE ||
                                       self->info->id == RDS_METRIC_FREEABLE_MEMORY ||
                                       self->info->id == RDS_METRIC_BURST_BALANCE ||
                                       self->info->id == RDS_METRIC_CPU_CREDIT_BALANCE ? 2 : 0);
  gtk_widget_set_name (self->condition_dropdown, "condition");
  gtk_box_append (GTK_BOX (row), rds_form_field_new (_("Statistic"), self->statistic_dropdown));
  gtk_box_append (GTK_BOX (row), rds_form_field_new (_("Condition"), self->condition_dropdown));
  rds_action_dialog_add (dialog, row);

  self->threshold_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->threshold_entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->threshold_entry), GTK_INPUT_PURPOSE_NUMBER);
  threshold_title = *self->scale.unit != '\0'
                    /* Translators: a field's title and its unit: "Threshold (GiB)" */
                    ? g_strdup_printf (_("Threshold (%s)"), self->scale.unit) : g_strdup (_("Threshold"));
  self->threshold_field = add_field (self, threshold_title, "Threshold", self->threshold_entry);
  g_signal_connect_object (self->threshold_entry, "changed", G_CALLBACK (rds_action_dialog_revalidate), self,
                           G_CONNECT_SWAPPED);

  self->period_dropdown = dropdown (period_labels, G_N_ELEMENTS (periods), 1);
  gtk_widget_set_name (self->period_dropdown, "period");
  add_field (self, _("Period"), "Period", self->period_dropdown);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  self->periods_spin = gtk_spin_button_new_with_range (1, 100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->periods_spin), 1);
  self->datapoints_spin = gtk_spin_button_new_with_range (1, 100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->datapoints_spin), 1);
  gtk_box_append (GTK_BOX (row), rds_form_field_new (_("Evaluation periods"), self->periods_spin));
  self->datapoints_field = rds_form_field_new (_("Datapoints to alarm"), self->datapoints_spin);
  rds_form_field_set_parameter (RDS_FORM_FIELD (self->datapoints_field), "DatapointsToAlarm");
  gtk_box_append (GTK_BOX (row), self->datapoints_field);
  rds_action_dialog_add (dialog, row);
  g_signal_connect_object (self->periods_spin, "value-changed", G_CALLBACK (rds_action_dialog_revalidate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->datapoints_spin, "value-changed", G_CALLBACK (rds_action_dialog_revalidate),
                           self, G_CONNECT_SWAPPED);

  rds_action_dialog_set_submit_label (dialog, _("_Create alarm"), FALSE);
  rds_action_dialog_revalidate (dialog);
  gtk_window_set_focus (GTK_WINDOW (self), self->threshold_entry);
}

static void
rds_create_alarm_dialog_finalize (GObject *object)
{
  RdsCreateAlarmDialog *self = RDS_CREATE_ALARM_DIALOG (object);

  g_free (self->metric);

  G_OBJECT_CLASS (rds_create_alarm_dialog_parent_class)->finalize (object);
}

static void
rds_create_alarm_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RdsCreateAlarmDialog *self = RDS_CREATE_ALARM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      self->metric = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_create_alarm_dialog_class_init (RdsCreateAlarmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_create_alarm_dialog_constructed;
  object_class->finalize = rds_create_alarm_dialog_finalize;
  object_class->set_property = rds_create_alarm_dialog_set_property;

  dialog_class->validate = rds_create_alarm_dialog_validate;
  dialog_class->build_request = rds_create_alarm_dialog_build_request;
  dialog_class->describe_success = rds_create_alarm_dialog_describe_success;

  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_create_alarm_dialog_init (RdsCreateAlarmDialog *self)
{
}

/**
 * rds_create_alarm_dialog_new:
 * @metric: the metric's name: "CPUUtilization"
 */
RdsActionDialog *
rds_create_alarm_dialog_new (RdsSession    *session,
                             RdsDbInstance *instance,
                             const char    *metric)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);
  g_return_val_if_fail (rds_metrics_lookup (metric) != NULL, NULL);

  return g_object_new (RDS_TYPE_CREATE_ALARM_DIALOG,
                       "session", session,
                       "resource", instance,
                       "metric", metric,
                       NULL);
}

/**
 * rds_create_alarm_dialog_get_widget:
 * @name: "name", "statistic", "condition", "threshold", "period",
 *   "periods" or "datapoints"
 *
 * Returns: (transfer none) (nullable): one of its fields' widgets, for tests
 */
GtkWidget *
rds_create_alarm_dialog_get_widget (RdsCreateAlarmDialog *self,
                                    const char           *name)
{
  g_return_val_if_fail (RDS_IS_CREATE_ALARM_DIALOG (self), NULL);

  if (g_str_equal (name, "name"))
    return self->name_entry;
  if (g_str_equal (name, "statistic"))
    return self->statistic_dropdown;
  if (g_str_equal (name, "condition"))
    return self->condition_dropdown;
  if (g_str_equal (name, "threshold"))
    return self->threshold_entry;
  if (g_str_equal (name, "period"))
    return self->period_dropdown;
  if (g_str_equal (name, "periods"))
    return self->periods_spin;
  if (g_str_equal (name, "datapoints"))
    return self->datapoints_spin;
  return NULL;
}
