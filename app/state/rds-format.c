/* rds-format.c: how the console writes the model's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels follow the RDS console: statuses capitalised ("Backing-up"),
 * engines by their short names, times in UTC as the simulator keeps them.
 */

#include "config.h"

#include "rds-format.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rds-catalog.h"
#include "rds-db-instance.h"
#include "rds-region.h"

typedef struct
{
  const char    *status;
  const char    *label;
  RdsStatusKind  kind;
} StatusInfo;

/* DB instance statuses (reference §2.1), DB cluster and snapshot statuses. */
static const StatusInfo statuses[] = {
  { "available", N_("Available"), RDS_STATUS_KIND_SUCCESS },
  { "backing-up", N_("Backing-up"), RDS_STATUS_KIND_PROGRESS },
  { "backtracking", N_("Backtracking"), RDS_STATUS_KIND_PROGRESS },
  { "configuring-enhanced-monitoring", N_("Configuring-enhanced-monitoring"), RDS_STATUS_KIND_PROGRESS },
  { "configuring-iam-database-auth", N_("Configuring-IAM-database-auth"), RDS_STATUS_KIND_PROGRESS },
  { "configuring-log-exports", N_("Configuring-log-exports"), RDS_STATUS_KIND_PROGRESS },
  { "converting-to-vpc", N_("Converting-to-VPC"), RDS_STATUS_KIND_PROGRESS },
  { "creating", N_("Creating"), RDS_STATUS_KIND_PROGRESS },
  { "deleting", N_("Deleting"), RDS_STATUS_KIND_PROGRESS },
  { "failed", N_("Failed"), RDS_STATUS_KIND_ERROR },
  { "inaccessible-encryption-credentials", N_("Inaccessible-encryption-credentials"), RDS_STATUS_KIND_ERROR },
  { "inaccessible-encryption-credentials-recoverable", N_("Inaccessible-encryption-credentials-recoverable"),
    RDS_STATUS_KIND_ERROR },
  { "incompatible-network", N_("Incompatible-network"), RDS_STATUS_KIND_ERROR },
  { "incompatible-option-group", N_("Incompatible-option-group"), RDS_STATUS_KIND_ERROR },
  { "incompatible-parameters", N_("Incompatible-parameters"), RDS_STATUS_KIND_ERROR },
  { "incompatible-restore", N_("Incompatible-restore"), RDS_STATUS_KIND_ERROR },
  { "insufficient-capacity", N_("Insufficient-capacity"), RDS_STATUS_KIND_ERROR },
  { "maintenance", N_("Maintenance"), RDS_STATUS_KIND_PROGRESS },
  { "modifying", N_("Modifying"), RDS_STATUS_KIND_PROGRESS },
  { "moving-to-vpc", N_("Moving-to-VPC"), RDS_STATUS_KIND_PROGRESS },
  { "rebooting", N_("Rebooting"), RDS_STATUS_KIND_PROGRESS },
  { "renaming", N_("Renaming"), RDS_STATUS_KIND_PROGRESS },
  { "resetting-master-credentials", N_("Resetting-master-credentials"), RDS_STATUS_KIND_PROGRESS },
  { "restore-error", N_("Restore-error"), RDS_STATUS_KIND_ERROR },
  { "starting", N_("Starting"), RDS_STATUS_KIND_PROGRESS },
  { "stopped", N_("Stopped"), RDS_STATUS_KIND_NEUTRAL },
  { "stopping", N_("Stopping"), RDS_STATUS_KIND_PROGRESS },
  { "storage-full", N_("Storage-full"), RDS_STATUS_KIND_ERROR },
  { "storage-optimization", N_("Storage-optimization"), RDS_STATUS_KIND_WARNING },
  { "upgrading", N_("Upgrading"), RDS_STATUS_KIND_PROGRESS },
  /* Aurora DB clusters' own */
  { "failing-over", N_("Failing-over"), RDS_STATUS_KIND_PROGRESS },
  { "migrating", N_("Migrating"), RDS_STATUS_KIND_PROGRESS },
  { "migration-failed", N_("Migration-failed"), RDS_STATUS_KIND_ERROR },
  { "promoting", N_("Promoting"), RDS_STATUS_KIND_PROGRESS },
  /* Snapshots */
  { "pending", N_("Pending"), RDS_STATUS_KIND_PROGRESS },
  { "copying", N_("Copying"), RDS_STATUS_KIND_PROGRESS },
  /* Automated backups */
  { "active", N_("Active"), RDS_STATUS_KIND_SUCCESS },
  { "retained", N_("Retained"), RDS_STATUS_KIND_NEUTRAL },
};

static const StatusInfo *
lookup_status (const char *status)
{
  if (status == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].status, status))
      return &statuses[i];

  return NULL;
}

RdsStatusKind
rds_status_get_kind (const char *status)
{
  const StatusInfo *info = lookup_status (status);

  return info != NULL ? info->kind : RDS_STATUS_KIND_NEUTRAL;
}

/* The style class of a status badge (ui/style.css). */
const char *
rds_status_get_css_class (const char *status)
{
  switch (rds_status_get_kind (status))
    {
    case RDS_STATUS_KIND_SUCCESS:
      return "success";
    case RDS_STATUS_KIND_PROGRESS:
      return "progress";
    case RDS_STATUS_KIND_WARNING:
      return "warning";
    case RDS_STATUS_KIND_ERROR:
      return "error";
    case RDS_STATUS_KIND_NEUTRAL:
    default:
      return "neutral";
    }
}

gboolean
rds_status_is_transition (const char *status)
{
  return rds_status_get_kind (status) == RDS_STATUS_KIND_PROGRESS;
}

char *
rds_format_status (gpointer    unused,
                   const char *status)
{
  const StatusInfo *info = lookup_status (status);
  g_autofree char *first = NULL;

  if (info != NULL)
    return g_strdup (_(info->label));
  if (status == NULL || *status == '\0')
    return g_strdup ("");

  /* A status this console does not know yet, written as the console would. */
  first = g_utf8_strup (status, 1);
  return g_strconcat (first, status + 1, NULL);
}

char *
rds_format_role (gpointer       unused,
                 RdsDbInstance *instance)
{
  const char * const *replicas;

  if (instance == NULL)
    return g_strdup ("");

  if (rds_shape_get_string (RDS_SHAPE (instance), "read-replica-source-db-instance-identifier") != NULL)
    return g_strdup (C_("role", "Replica"));

  replicas = rds_shape_get_strv (RDS_SHAPE (instance), "read-replica-db-instance-identifiers");
  if (replicas != NULL && replicas[0] != NULL)
    return g_strdup (C_("role", "Primary"));

  return g_strdup (C_("role", "Instance"));
}

typedef struct
{
  const char *engine;
  const char *label;
} EngineLabel;

static const EngineLabel engine_labels[] = {
  { "mysql", N_("MySQL Community") },
  { "mariadb", N_("MariaDB") },
  { "postgres", N_("PostgreSQL") },
  { "oracle-ee", N_("Oracle Enterprise Edition") },
  { "oracle-se2", N_("Oracle Standard Edition Two") },
  { "sqlserver-ee", N_("SQL Server Enterprise Edition") },
  { "sqlserver-se", N_("SQL Server Standard Edition") },
  { "sqlserver-ex", N_("SQL Server Express Edition") },
  { "sqlserver-web", N_("SQL Server Web Edition") },
  { "aurora-mysql", N_("Aurora MySQL") },
  { "aurora-postgresql", N_("Aurora PostgreSQL") },
};

char *
rds_format_engine (gpointer    unused,
                   const char *engine)
{
  if (engine == NULL)
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (engine_labels); i++)
    if (g_str_equal (engine_labels[i].engine, engine))
      return g_strdup (_(engine_labels[i].label));

  return g_strdup (engine);
}

char *
rds_format_engine_version (gpointer    unused,
                           const char *engine,
                           const char *version)
{
  g_autofree char *name = rds_format_engine (NULL, engine);

  if (version == NULL)
    return g_steal_pointer (&name);

  /* Translators: an engine and its version, "PostgreSQL 16.6" */
  return g_strdup_printf (C_("engine version", "%s %s"), name, version);
}

char *
rds_format_yes_no (gpointer unused,
                   gboolean value)
{
  return g_strdup (value ? _("Yes") : _("No"));
}

char *
rds_format_enabled (gpointer unused,
                    gboolean value)
{
  return g_strdup (value ? _("Enabled") : _("Disabled"));
}

char *
rds_format_gib (gpointer unused,
                int      gib)
{
  if (gib <= 0)
    return g_strdup ("-");

  /* Translators: a size in gibibytes */
  return g_strdup_printf (_("%d GiB"), gib);
}

char *
rds_format_storage_type (gpointer    unused,
                         const char *storage_type)
{
  if (g_strcmp0 (storage_type, "gp2") == 0)
    return g_strdup (_("General Purpose SSD (gp2)"));
  if (g_strcmp0 (storage_type, "gp3") == 0)
    return g_strdup (_("General Purpose SSD (gp3)"));
  if (g_strcmp0 (storage_type, "io1") == 0)
    return g_strdup (_("Provisioned IOPS SSD (io1)"));
  if (g_strcmp0 (storage_type, "standard") == 0)
    return g_strdup (_("Magnetic"));

  return g_strdup (storage_type != NULL ? storage_type : "-");
}

char *
rds_format_zone (gpointer    unused,
                 const char *zone)
{
  return g_strdup (zone != NULL && *zone != '\0' ? zone : "-");
}

char *
rds_format_time (gpointer unused,
                 gint64   usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return g_strdup ("-");

  time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  /* Translators: a date and time in UTC, see g_date_time_format() */
  return g_date_time_format (time, _("%B %-d, %Y, %H:%M:%S (UTC)"));
}

/* A restore time, to the second as a restore takes it; "-" for none. */
char *
rds_format_restore_time (gpointer   unused,
                         GDateTime *time)
{
  if (time == NULL)
    return g_strdup ("-");
  /* Translators: a restore time in UTC; strftime format */
  return g_date_time_format (time, _("%Y-%m-%d %H:%M:%S UTC"));
}

char *
rds_format_time_short (gpointer unused,
                       gint64   usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return g_strdup ("-");

  time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  /* Translators: a short date and time in UTC, see g_date_time_format() */
  return g_date_time_format (time, _("%b %-d, %H:%M"));
}

char *
rds_format_or_dash (gpointer    unused,
                    const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : "-");
}

char *
rds_format_usd (double usd)
{
  /* Translators: an amount in US dollars */
  return g_strdup_printf (_("%.2f USD"), usd);
}

char *
rds_format_percent (gpointer unused,
                    int      percent)
{
  /* Translators: a progress, "42%" */
  return g_strdup_printf (_("%d%%"), CLAMP (percent, 0, 100));
}

/* A backup retention period: "7 days", or "Off" for 0. */
char *
rds_format_retention (gpointer unused,
                      int      days)
{
  if (days <= 0)
    return g_strdup (C_("backups", "Off"));
  /* Translators: a backup retention period */
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

char *
rds_format_source_type (gpointer    unused,
                        const char *source_type)
{
  if (g_strcmp0 (source_type, "db-instance") == 0)
    return g_strdup (_("Instances"));
  if (g_strcmp0 (source_type, "db-snapshot") == 0)
    return g_strdup (_("Snapshots"));
  if (g_strcmp0 (source_type, "db-parameter-group") == 0)
    return g_strdup (_("Parameter groups"));
  if (g_strcmp0 (source_type, "db-security-group") == 0)
    return g_strdup (_("Security groups"));
  if (g_strcmp0 (source_type, "db-cluster") == 0)
    return g_strdup (_("Clusters"));

  return g_strdup (source_type != NULL ? source_type : "-");
}

char *
rds_format_snapshot_type (gpointer    unused,
                          const char *snapshot_type)
{
  if (g_strcmp0 (snapshot_type, "manual") == 0)
    return g_strdup (_("Manual"));
  if (g_strcmp0 (snapshot_type, "automated") == 0)
    return g_strdup (_("Automated"));

  return g_strdup (snapshot_type != NULL ? snapshot_type : "-");
}

/* "db.m5.large (2 vCPUs, 8 GiB RAM)" */
char *
rds_format_class (gpointer    unused,
                  const char *instance_class)
{
  const RdsClassInfo *info = instance_class != NULL ? rds_catalog_find_class (instance_class) : NULL;

  if (info == NULL)
    return g_strdup (instance_class != NULL ? instance_class : "-");

  if (info->serverless)
    /* Translators: the instance class of Aurora Serverless v2 */
    return g_strdup_printf (_("%s (Serverless v2)"), info->name);
  /* Translators: an instance class, its vCPUs and memory */
  return g_strdup_printf (_("%s (%d vCPUs, %g GiB RAM)"), info->name, info->vcpu, info->memory_gib);
}

/* "US East (N. Virginia)", translated; the code itself if unknown. */
const char *
rds_format_region_name (const char *region)
{
  const RdsRegion *info = region != NULL ? rds_region_lookup (region) : NULL;

  return info != NULL ? _(info->display_name) : region;
}

/* Timestamp properties are GDateTimes (NULL when absent). */
char *
rds_format_date_time (gpointer   unused,
                      GDateTime *time)
{
  return rds_format_time (NULL, rds_date_time_to_usec (NULL, time));
}

gint64
rds_date_time_to_usec (gpointer   unused,
                       GDateTime *time)
{
  if (time == NULL)
    return 0;
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* Alarms */

/**
 * rds_format_alarm_state:
 *
 * Returns: a CloudWatch alarm's state (OK, ALARM, INSUFFICIENT_DATA), in words
 */
const char *
rds_format_alarm_state (const char *state)
{
  if (g_strcmp0 (state, "ALARM") == 0)
    /* Translators: an alarm's state */
    return C_("alarm state", "In alarm");
  if (g_strcmp0 (state, "OK") == 0)
    return C_("alarm state", "OK");
  return C_("alarm state", "Insufficient data");
}

/* Returns: the status badge's style class of an alarm's state */
const char *
rds_alarm_state_get_css_class (const char *state)
{
  if (g_strcmp0 (state, "ALARM") == 0)
    return "error";
  if (g_strcmp0 (state, "OK") == 0)
    return "success";
  return "neutral";
}

/* Metrics */

#define KIB 1024.0
#define MIB (1024.0 * 1024.0)
#define GIB (1024.0 * 1024.0 * 1024.0)

/**
 * rds_metric_scale_for:
 * @largest: the largest value to show, in CloudWatch's unit
 *
 * Picks the unit a person reads values up to @largest in: MiB or GiB for
 * bytes, KiB/s or MiB/s for throughput, milliseconds for latency.
 */
void
rds_metric_scale_for (RdsMetricDisplay  display,
                      double            largest,
                      RdsMetricScale   *scale)
{
  double shown;

  largest = fabs (largest);
  scale->divisor = 1.0;
  scale->unit = "";

  switch (display)
    {
    case RDS_METRIC_DISPLAY_PERCENT:
      /* Translators: the unit of a percentage on a chart's axis */
      scale->unit = C_("unit", "%");
      break;
    case RDS_METRIC_DISPLAY_BYTES:
      scale->divisor = largest >= GIB ? GIB : MIB;
      scale->unit = largest >= GIB ? C_("unit", "GiB") : C_("unit", "MiB");
      break;
    case RDS_METRIC_DISPLAY_BYTES_PER_SECOND:
      scale->divisor = largest >= MIB ? MIB : KIB;
      scale->unit = largest >= MIB ? C_("unit", "MiB/s") : C_("unit", "KiB/s");
      break;
    case RDS_METRIC_DISPLAY_PER_SECOND:
      /* Translators: operations per second, as of disk I/O */
      scale->unit = C_("unit", "/s");
      break;
    case RDS_METRIC_DISPLAY_LATENCY:
      scale->divisor = 0.001;
      scale->unit = C_("unit", "ms");
      break;
    case RDS_METRIC_DISPLAY_SECONDS:
      scale->unit = C_("unit", "s");
      break;
    case RDS_METRIC_DISPLAY_MILLISECONDS:
      scale->unit = C_("unit", "ms");
      break;
    case RDS_METRIC_DISPLAY_COUNT:
    default:
      break;
    }

  shown = largest / scale->divisor;
  scale->decimals = shown >= 100 ? 0 : shown >= 10 ? 1 : 2;
}

/**
 * rds_metric_scale_format:
 *
 * Returns: (transfer full): @value in @scale's unit: "12.5 MiB", "40 %"
 */
char *
rds_metric_scale_format (const RdsMetricScale *scale,
                         double                value)
{
  g_autofree char *number = g_strdup_printf ("%.*f", scale->decimals, value / scale->divisor);

  /* A count has no unit; "/s" joins its number. */
  if (*scale->unit == '\0')
    return g_steal_pointer (&number);
  if (scale->unit[0] == '/' || g_str_equal (scale->unit, C_("unit", "%")))
    return g_strconcat (number, " ", scale->unit, NULL);
  /* Translators: a value and its unit on a chart: "12.5 MiB" */
  return g_strdup_printf (C_("metric value", "%s %s"), number, scale->unit);
}

/**
 * rds_format_metric_value:
 *
 * Returns: (transfer full): @value as a person reads it, in the unit that
 *   suits the value itself
 */
char *
rds_format_metric_value (RdsMetricDisplay display,
                         double           value)
{
  RdsMetricScale scale;

  rds_metric_scale_for (display, value, &scale);
  return rds_metric_scale_format (&scale, value);
}

/**
 * rds_metric_nice_step:
 * @range: the span of values an axis covers
 *
 * Returns: a step of 1, 2 or 5 times a power of ten that cuts @range in
 *   about @ticks parts
 */
double
rds_metric_nice_step (double range,
                      int    ticks)
{
  double rough, power, fraction;

  if (!(range > 0) || ticks < 1)
    return 1.0;
  rough = range / ticks;
  power = pow (10.0, floor (log10 (rough)));
  fraction = rough / power;
  if (fraction <= 1.0)
    return power;
  if (fraction <= 2.0)
    return 2.0 * power;
  if (fraction <= 5.0)
    return 5.0 * power;
  return 10.0 * power;
}

/**
 * rds_time_nice_step:
 *
 * Returns: a step for a time axis of @range_usec (a minute, 5, 10, 15 or
 *   30 minutes, an hour, 3, 6 or 12 hours, a day, 2 days, a week) that cuts
 *   it in about @ticks parts
 */
gint64
rds_time_nice_step (gint64 range_usec,
                    int    ticks)
{
  static const gint64 minutes[] = { 1, 5, 10, 15, 30, 60, 180, 360, 720, 1440, 2880, 10080 };
  gint64 rough = range_usec / MAX (ticks, 1);

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    if (minutes[i] * 60 * G_USEC_PER_SEC >= rough)
      return minutes[i] * 60 * G_USEC_PER_SEC;
  return minutes[G_N_ELEMENTS (minutes) - 1] * 60 * G_USEC_PER_SEC;
}

/**
 * rds_format_axis_time:
 * @step_usec: the axis's step: a day or more writes the date
 *
 * Returns: (transfer full): a time on a chart's axis, in UTC
 */
char *
rds_format_axis_time (gint64 usec,
                      gint64 step_usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (step_usec >= (gint64) 86400 * G_USEC_PER_SEC)
    /* Translators: a date on a chart's time axis, see g_date_time_format() */
    return g_date_time_format (time, _("%b %-d"));
  /* Translators: a time of day on a chart's time axis, see g_date_time_format() */
  return g_date_time_format (time, _("%H:%M"));
}

typedef struct
{
  const char *property;
  const char *label;
} PendingLabel;

static const PendingLabel pending_labels[] = {
  { "db-instance-class", N_("DB instance class") },
  { "allocated-storage", N_("Allocated storage") },
  { "storage-type", N_("Storage type") },
  { "iops", N_("Provisioned IOPS") },
  { "storage-throughput", N_("Storage throughput") },
  { "multi-az", N_("Multi-AZ") },
  { "backup-retention-period", N_("Backup retention period") },
  { "engine-version", N_("Engine version") },
  { "license-model", N_("License model") },
  { "port", N_("Database port") },
  { "ca-certificate-identifier", N_("Certificate authority") },
  { "db-subnet-group-name", N_("DB subnet group") },
  { "db-instance-identifier", N_("DB instance identifier") },
  { "db-cluster-identifier", N_("DB cluster identifier") },
  { "iam-database-authentication-enabled", N_("IAM DB authentication") },
  { "master-user-password", N_("Master password") },
};

/**
 * rds_format_pending:
 * @pending: (nullable): an instance's or a cluster's PendingModifiedValues
 *
 * Returns: the changes waiting for the maintenance window, a line each
 *   ("DB instance class: db.m5.large"), or "None"
 */
char *
rds_format_pending (RdsShape *pending)
{
  GString *text = g_string_new (NULL);
  GObjectClass *klass = pending != NULL ? G_OBJECT_GET_CLASS (pending) : NULL;

  for (guint k = 0; pending != NULL && k < G_N_ELEMENTS (pending_labels); k++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, pending_labels[k].property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *shown = NULL;

      if (pspec == NULL)
        continue;
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (pending), pending_labels[k].property, &value);

      if (G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) != NULL)
        shown = g_strcmp0 (pending_labels[k].property, "master-user-password") == 0
                ? g_strdup ("••••••••") : g_value_dup_string (&value);
      else if (G_VALUE_HOLDS_INT (&value) && g_value_get_int (&value) >= 0)
        shown = g_strdup_printf ("%d", g_value_get_int (&value));
      else if (G_VALUE_HOLDS_ENUM (&value) && g_value_get_enum (&value) != RDS_TRISTATE_UNSET)
        shown = rds_format_yes_no (NULL, g_value_get_enum (&value) == RDS_TRISTATE_TRUE);

      if (shown == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a pending change, "DB instance class: db.m5.large" */
      g_string_append_printf (text, _("%s: %s"), _(pending_labels[k].label), shown);
    }

  if (text->len == 0)
    g_string_append (text, _("None"));
  return g_string_free (text, FALSE);
}
