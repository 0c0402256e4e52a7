/* rds-database-page.c: a DB instance's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's page of one DB instance: a summary (identifier,
 * status, role, engine, class, Region & AZ), Modify and Actions, and the
 * tabs Connectivity & security, Configuration, Maintenance & backups, Logs
 * & events (this instance's events) and Tags (view, add, remove). The
 * page follows the instance by identifier in the session's list: it stays
 * current with every poll, and says so when the instance is gone.
 */

#include "config.h"

#include "rds-database-page.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-aws-error.h"
#include "rds-catalog.h"
#include "rds-db-instance.h"
#include "rds-event.h"
#include "rds-event-row.h"
#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-info-button.h"
#include "rds-instance-actions.h"
#include "rds-fault-panel.h"
#include "rds-metrics-view.h"
#include "rds-topology-view.h"
#include "rds-cluster-volume-view.h"
#include "rds-db-cluster.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-status-badge.h"
#include "rds-tag.h"
#include "rds-rules.h"
#include "rds-validation.h"

#define MAX_TAGS 50

typedef char *(*ValueFunc) (RdsShape *instance);

typedef struct
{
  GtkWidget *value;
  ValueFunc  func;
} Field;

struct _RdsDatabasePage
{
  RdsPage             parent_instance;

  char               *identifier;
  RdsDbInstance      *instance;
  GSignalGroup       *instance_signals;
  RdsResourceList    *events_held;     /* held, so the session keeps it current */
  RdsInstanceActions *actions;
  GCancellable       *cancellable;
  GArray             *fields;
  RdsStatusBadge     *status_badge;
  GListStore         *tags;
  GtkFilterListModel *events;
  GtkStringFilter    *events_filter;
  GtkSortListModel   *events_sorted;

  GtkWidget          *stack;
  AdwStatusPage      *gone_page;
  GtkWidget          *title_label;
  GtkWidget          *actions_button;
  GtkWidget          *summary_box;
  AdwViewStack       *tabs;
  GtkWidget          *connectivity_box;
  GtkWidget          *topology_box;
  RdsTopologyView    *topology_view;
  GtkWidget          *deployment_card;
  GtkWidget          *volume_card;       /* an Aurora instance's: its cluster's volume */
  RdsClusterVolumeView *volume_view;
  RdsFaultPanel      *fault_panel;
  GtkWidget          *monitoring_box;
  RdsMetricsView     *metrics_view;
  GtkWidget          *configuration_box;
  GtkWidget          *maintenance_box;
  GtkWidget          *events_stack;
  GtkWidget          *events_list;
  GtkWidget          *tags_heading;
  GtkWidget          *tags_list;
  RdsFormField       *tag_key_field;
  RdsFormField       *tag_value_field;
  GtkWidget          *tag_key_entry;
  GtkWidget          *tag_value_entry;
};

G_DEFINE_FINAL_TYPE (RdsDatabasePage, rds_database_page, RDS_TYPE_PAGE)

enum {
  PROP_0,
  PROP_IDENTIFIER,
  PROP_INSTANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Values, as the RDS console writes them */

static char *
string_of (RdsShape   *shape,
           const char *name)
{
  return rds_format_or_dash (NULL, shape != NULL ? rds_shape_get_string (shape, name) : NULL);
}

static char *
int_or_dash (RdsShape   *shape,
             const char *name)
{
  int value = rds_shape_get_int (shape, name);

  return value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("-");
}

static RdsShape *
object_of (RdsShape   *shape,
           const char *name)
{
  return rds_shape_get_object (shape, name);
}

static char *
value_identifier (RdsShape *i)
{
  return string_of (i, "db-instance-identifier");
}

static char *
value_role (RdsShape *i)
{
  return rds_format_role (NULL, RDS_DB_INSTANCE (i));
}

static char *
value_engine (RdsShape *i)
{
  return rds_format_engine (NULL, rds_shape_get_string (i, "engine"));
}

static char *
value_class (RdsShape *i)
{
  return string_of (i, "db-instance-class");
}

static char *
value_zone (RdsShape *i)
{
  return rds_format_zone (NULL, rds_shape_get_string (i, "availability-zone"));
}

static char *
value_endpoint (RdsShape *i)
{
  RdsShape *endpoint = object_of (i, "endpoint");

  /* No endpoint until the instance is created, as in RDS. */
  return string_of (endpoint, "address");
}

static char *
value_port (RdsShape *i)
{
  RdsShape *endpoint = object_of (i, "endpoint");

  if (endpoint != NULL)
    return g_strdup_printf ("%d", rds_shape_get_int (endpoint, "port"));
  return g_strdup_printf ("%d", rds_shape_get_int (i, "db-instance-port"));
}

static char *
value_vpc (RdsShape *i)
{
  return string_of (object_of (i, "db-subnet-group"), "vpc-id");
}

static char *
value_subnet_group (RdsShape *i)
{
  return string_of (object_of (i, "db-subnet-group"), "db-subnet-group-name");
}

static char *
value_subnets (RdsShape *i)
{
  RdsShape *group = object_of (i, "db-subnet-group");
  GListModel *subnets = group != NULL ? rds_shape_get_list (group, "subnets") : NULL;
  GString *text = g_string_new (NULL);
  guint n = subnets != NULL ? g_list_model_get_n_items (subnets) : 0;

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(RdsShape) subnet = g_list_model_get_item (subnets, k);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, rds_shape_get_string (subnet, "subnet-identifier"));
    }
  if (text->len == 0)
    g_string_append_c (text, '-');

  return g_string_free (text, FALSE);
}

static char *
value_network_type (RdsShape *i)
{
  const char *type = rds_shape_get_string (i, "network-type");

  if (g_strcmp0 (type, "DUAL") == 0)
    return g_strdup (_("Dual-stack mode"));
  return g_strdup (_("IPv4"));
}

static char *
value_security_groups (RdsShape *i)
{
  GListModel *groups = rds_shape_get_list (i, "vpc-security-groups");
  GString *text = g_string_new (NULL);
  guint n = groups != NULL ? g_list_model_get_n_items (groups) : 0;

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (groups, k);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a security group and its status, "sg-0a1b (active)" */
      g_string_append_printf (text, _("%s (%s)"), rds_shape_get_string (group, "vpc-security-group-id"),
                              rds_shape_get_string (group, "status"));
    }
  if (text->len == 0)
    g_string_append_c (text, '-');

  return g_string_free (text, FALSE);
}

static char *
value_public (RdsShape *i)
{
  return rds_format_yes_no (NULL, rds_shape_get_boolean (i, "publicly-accessible"));
}

static char *
value_ca (RdsShape *i)
{
  return string_of (i, "ca-certificate-identifier");
}

static char *
value_ca_date (RdsShape *i)
{
  RdsShape *details = object_of (i, "certificate-details");

  return rds_format_time (NULL, details != NULL ? rds_shape_get_timestamp (details, "valid-till") : 0);
}

static char *
value_engine_version (RdsShape *i)
{
  return string_of (i, "engine-version");
}

static char *
value_db_name (RdsShape *i)
{
  return string_of (i, "db-name");
}

static char *
value_license (RdsShape *i)
{
  return string_of (i, "license-model");
}

static char *
value_option_groups (RdsShape *i)
{
  GListModel *groups = rds_shape_get_list (i, "option-group-memberships");
  g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;

  if (group == NULL)
    return g_strdup ("-");
  return g_strdup_printf (_("%s (%s)"), rds_shape_get_string (group, "option-group-name"),
                          rds_shape_get_string (group, "status"));
}

static char *
value_parameter_group (RdsShape *i)
{
  GListModel *groups = rds_shape_get_list (i, "db-parameter-groups");
  g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;

  if (group == NULL)
    return g_strdup ("-");
  return g_strdup_printf (_("%s (%s)"), rds_shape_get_string (group, "db-parameter-group-name"),
                          rds_shape_get_string (group, "parameter-apply-status"));
}

static char *
value_arn (RdsShape *i)
{
  return string_of (i, "db-instance-arn");
}

static char *
value_resource_id (RdsShape *i)
{
  return string_of (i, "dbi-resource-id");
}

static char *
value_created (RdsShape *i)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (i, "instance-create-time"));
}

static char *
value_deletion_protection (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (i, "deletion-protection"));
}

static char *
value_vcpu (RdsShape *i)
{
  const RdsClassInfo *info = rds_catalog_find_class (rds_shape_get_string (i, "db-instance-class"));

  /* Serverless v2: as many as its ACUs, which change. */
  if (info != NULL && info->serverless)
    return g_strdup (_("Follows its capacity"));
  return info != NULL ? g_strdup_printf ("%d", info->vcpu) : g_strdup ("-");
}

static char *
value_memory (RdsShape *i)
{
  const RdsClassInfo *info = rds_catalog_find_class (rds_shape_get_string (i, "db-instance-class"));

  if (info != NULL && info->serverless)
    /* Translators: Aurora Serverless v2 memory, per Aurora capacity unit */
    return g_strdup_printf (_("%g GiB per ACU"), RDS_SERVERLESS_GIB_PER_ACU);
  /* Translators: memory in gibibytes */
  return info != NULL ? g_strdup_printf (_("%g GiB"), info->memory_gib) : g_strdup ("-");
}

static char *
value_master_username (RdsShape *i)
{
  return string_of (i, "master-username");
}

static char *
value_master_password (RdsShape *i)
{
  RdsShape *secret = object_of (i, "master-user-secret");

  if (secret != NULL)
    return g_strdup (_("Managed in AWS Secrets Manager"));
  return g_strdup ("••••••••");
}

static char *
value_iam (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (i, "iam-database-authentication-enabled"));
}

static char *
value_multi_az (RdsShape *i)
{
  return rds_format_yes_no (NULL, rds_shape_get_boolean (i, "multi-az"));
}

static char *
value_secondary_zone (RdsShape *i)
{
  return rds_format_zone (NULL, rds_shape_get_string (i, "secondary-availability-zone"));
}

static char *
value_encryption (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (i, "storage-encrypted"));
}

static char *
value_kms_key (RdsShape *i)
{
  return string_of (i, "kms-key-id");
}

static char *
value_storage_type (RdsShape *i)
{
  return rds_format_storage_type (NULL, rds_shape_get_string (i, "storage-type"));
}

static char *
value_iops (RdsShape *i)
{
  return int_or_dash (i, "iops");
}

static char *
value_throughput (RdsShape *i)
{
  int value = rds_shape_get_int (i, "storage-throughput");

  /* Translators: a storage throughput */
  return value > 0 ? g_strdup_printf (_("%d MiB/s"), value) : g_strdup ("-");
}

static char *
value_storage (RdsShape *i)
{
  return rds_format_gib (NULL, rds_shape_get_int (i, "allocated-storage"));
}

static char *
value_autoscaling (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_int (i, "max-allocated-storage") > 0);
}

static char *
value_max_storage (RdsShape *i)
{
  return rds_format_gib (NULL, rds_shape_get_int (i, "max-allocated-storage"));
}

static char *
value_performance_insights (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_tristate (i, "performance-insights-enabled") ==
                                   RDS_TRISTATE_TRUE);
}

static char *
value_monitoring (RdsShape *i)
{
  int interval = rds_shape_get_int (i, "monitoring-interval");

  if (interval <= 0)
    return g_strdup (_("Disabled"));
  /* Translators: an Enhanced Monitoring granularity */
  return g_strdup_printf (_("Every %d seconds"), interval);
}

static char *
value_log_exports (RdsShape *i)
{
  const char * const *logs = rds_shape_get_strv (i, "enabled-cloudwatch-logs-exports");

  if (logs == NULL || logs[0] == NULL)
    return g_strdup (_("None"));
  return g_strjoinv (", ", (char **) logs);
}

static char *
value_auto_minor (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (i, "auto-minor-version-upgrade"));
}

static char *
value_maintenance_window (RdsShape *i)
{
  const char *window = rds_shape_get_string (i, "preferred-maintenance-window");

  /* Translators: a maintenance or backup window, "sun:07:45-sun:08:15 UTC (GMT)" */
  return window != NULL ? g_strdup_printf (_("%s UTC (GMT)"), window) : g_strdup ("-");
}

static char *
value_pending (RdsShape *i)
{
  return rds_format_pending (object_of (i, "pending-modified-values"));
}

static char *
value_backups (RdsShape *i)
{
  int days = rds_shape_get_int (i, "backup-retention-period");

  if (days <= 0)
    return g_strdup (_("Disabled"));
  /* Translators: automated backups, "Enabled (7 days)" */
  return g_strdup_printf (ngettext ("Enabled (%d day)", "Enabled (%d days)", days),
                          days);
}

static char *
value_backup_window (RdsShape *i)
{
  const char *window = rds_shape_get_string (i, "preferred-backup-window");

  return window != NULL ? g_strdup_printf (_("%s UTC (GMT)"), window) : g_strdup ("-");
}

static char *
value_copy_tags (RdsShape *i)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (i, "copy-tags-to-snapshot"));
}

static char *
value_latest_restorable (RdsShape *i)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (i, "latest-restorable-time"));
}

typedef struct
{
  const char *section;   /* NULL: same section as before */
  const char *label;
  ValueFunc   func;
  const char *info;      /* the concept the section's Info link explains */
  const char *field_info; /* the concept the field's Info link explains */
} FieldInfo;

static const FieldInfo connectivity_fields[] = {
  { N_("Endpoint & port"), N_("Endpoint"), value_endpoint, "engines" },
  { NULL, N_("Port"), value_port },
  { N_("Networking"), N_("Availability Zone"), value_zone },
  { NULL, N_("VPC"), value_vpc },
  { NULL, N_("Subnet group"), value_subnet_group },
  { NULL, N_("Network type"), value_network_type },
  { NULL, N_("Subnets"), value_subnets },
  { N_("Security"), N_("VPC security groups"), value_security_groups, "security-groups" },
  { NULL, N_("Publicly accessible"), value_public },
  { NULL, N_("Certificate authority"), value_ca, NULL, "encryption-in-transit" },
  { NULL, N_("Certificate authority date"), value_ca_date },
};

static const FieldInfo configuration_fields[] = {
  { N_("Instance configuration"), N_("DB instance ID"), value_identifier },
  { NULL, N_("Engine version"), value_engine_version },
  { NULL, N_("DB name"), value_db_name },
  { NULL, N_("License model"), value_license },
  { NULL, N_("Option groups"), value_option_groups },
  { NULL, N_("DB instance parameter group"), value_parameter_group },
  { NULL, N_("Amazon Resource Name (ARN)"), value_arn },
  { NULL, N_("Resource ID"), value_resource_id },
  { NULL, N_("Created time"), value_created },
  { NULL, N_("Deletion protection"), value_deletion_protection },
  { N_("Instance class"), N_("Instance class"), value_class, "instance-classes" },
  { NULL, N_("vCPU"), value_vcpu },
  { NULL, N_("RAM"), value_memory },
  { N_("Availability"), N_("Master username"), value_master_username, "multi-az" },
  { NULL, N_("Master password"), value_master_password },
  { NULL, N_("IAM DB authentication"), value_iam, NULL, "iam-auth" },
  { NULL, N_("Multi-AZ"), value_multi_az },
  { NULL, N_("Secondary Zone"), value_secondary_zone },
  { N_("Storage"), N_("Encryption"), value_encryption, "storage-types", "encryption-at-rest" },
  { NULL, N_("AWS KMS key"), value_kms_key },
  { NULL, N_("Storage type"), value_storage_type },
  { NULL, N_("Provisioned IOPS"), value_iops },
  { NULL, N_("Storage throughput"), value_throughput },
  { NULL, N_("Storage"), value_storage },
  { NULL, N_("Storage autoscaling"), value_autoscaling, NULL, "storage-autoscaling" },
  { NULL, N_("Maximum storage threshold"), value_max_storage },
  { N_("Monitoring"), N_("Performance Insights"), value_performance_insights },
  { NULL, N_("Enhanced Monitoring"), value_monitoring },
  { NULL, N_("Log exports"), value_log_exports },
};

static const FieldInfo maintenance_fields[] = {
  { N_("Maintenance"), N_("Auto minor version upgrade"), value_auto_minor, "maintenance-window" },
  { NULL, N_("Maintenance window"), value_maintenance_window },
  { NULL, N_("Pending modifications"), value_pending },
  { N_("Backup"), N_("Automated backups"), value_backups, "backups" },
  { NULL, N_("Backup window"), value_backup_window },
  { NULL, N_("Copy tags to snapshots"), value_copy_tags },
  { NULL, N_("Latest restore time"), value_latest_restorable },
};

static const FieldInfo summary_fields[] = {
  { NULL, N_("DB identifier"), value_identifier },
  { NULL, N_("Role"), value_role },
  { NULL, N_("Engine"), value_engine },
  { NULL, N_("Class"), value_class },
  { NULL, N_("Region & AZ"), value_zone },
};

/* Building the tabs */

static GtkWidget *
field_box (RdsDatabasePage *self,
           const char      *label,
           ValueFunc        func,
           const char      *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = rds_caption_label_new (label);
  GtkWidget *caption_row = caption;
  GtkWidget *value = gtk_label_new ("-");
  Field field = { value, func };

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  /* Selectable with the mouse, to copy an endpoint; the keyboard never
   * stops on it (a page opened with the first value selected). */
  rds_label_set_mouse_selectable (GTK_LABEL (value));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  if (info != NULL)
    {
      caption_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (caption_row), caption);
      gtk_box_append (GTK_BOX (caption_row), rds_info_button_new (info));
    }
  gtk_box_append (GTK_BOX (box), caption_row);
  gtk_box_append (GTK_BOX (box), value);
  g_array_append_val (self->fields, field);

  return box;
}

/* A card of fields, three to a row: columns of one width, each row as
 * tall as its own fields (one long value, a list of subnets, no longer
 * spreads every row of the card). */
#define FIELDS_PER_ROW 3

static GtkWidget *
new_section (GtkWidget  *tab,
             const char *title,
             const char *info)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = rds_heading_new (title, "heading", info);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "summary-card");
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (GTK_BOX (tab), card);

  return grid;
}

static void
build_tab (RdsDatabasePage *self,
           GtkWidget       *tab,
           const FieldInfo *fields,
           guint            n_fields)
{
  GtkWidget *grid = NULL;
  guint n = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *box;

      if (fields[i].section != NULL)
        {
          grid = new_section (tab, _(fields[i].section), fields[i].info);
          n = 0;
        }
      box = field_box (self, _(fields[i].label), fields[i].func, fields[i].field_info);
      gtk_widget_set_valign (box, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), box, n % FIELDS_PER_ROW, n / FIELDS_PER_ROW, 1, 1);
      n++;
    }
}

/* Keeping current */

static void
update_tags (RdsDatabasePage *self)
{
  GListModel *tags = self->instance != NULL
                     ? rds_shape_get_list (RDS_SHAPE (self->instance), "tag-list") : NULL;
  guint n = rds_shape_list_sync (self->tags, tags);
  g_autofree char *heading = NULL;

  /* Translators: the Tags tab's heading, with how many there are */
  heading = g_strdup_printf (_("Tags (%u)"), n);
  gtk_label_set_label (GTK_LABEL (self->tags_heading), heading);

  gtk_widget_set_visible (self->tags_list, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tags.add",
                                 self->instance != NULL && rds_page_get_session (RDS_PAGE (self)) != NULL && n < MAX_TAGS);
}

/* "Writer instance" or "Reader instance", as its cluster says; NULL for
 * an instance of no cluster (or one not listed yet). */
static const char *
aurora_role (RdsDatabasePage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  const char *identifier = rds_shape_get_string (RDS_SHAPE (self->instance), "db-cluster-identifier");
  RdsDbCluster *cluster;

  if (identifier == NULL || session == NULL)
    return NULL;
  cluster = rds_resource_list_find (rds_session_get_clusters (session), identifier);
  if (cluster == NULL)
    return NULL;
  return g_strcmp0 (rds_db_cluster_get_writer (cluster), rds_db_instance_get_identifier (self->instance)) == 0
         ? _("Writer instance") : _("Reader instance");
}

static void
update (RdsDatabasePage *self)
{
  RdsShape *instance = RDS_SHAPE (self->instance);

  /* A new class or storage type publishes other metrics. */
  rds_metrics_view_set_instance (self->metrics_view, self->instance);
  rds_topology_view_set_instance (self->topology_view, self->instance);
  rds_fault_panel_set_instance (self->fault_panel, self->instance);
  {
    RdsSession *session = rds_page_get_session (RDS_PAGE (self));
    const char *cluster = instance != NULL ? rds_shape_get_string (instance, "db-cluster-identifier") : NULL;
    gboolean volume = cluster != NULL && session != NULL && rds_session_is_simulator (session);

    /* Where no simulator draws the volume, the deployment as it is. */
    gtk_widget_set_visible (self->deployment_card, !volume);
    gtk_widget_set_visible (self->volume_card, volume);
    rds_cluster_volume_view_set_cluster (self->volume_view, volume ? session : NULL, volume ? cluster : NULL);
  }

  if (instance == NULL)
    {
      RdsResourceList *list = rds_page_get_session (RDS_PAGE (self)) != NULL ? rds_session_get_instances (rds_page_get_session (RDS_PAGE (self))) : NULL;
      g_autofree char *description = NULL;

      /* Not gone before the Region's databases are known. */
      if (list != NULL && self->identifier != NULL && !rds_resource_list_get_loaded (list))
        {
          gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
          update_tags (self);
          return;
        }

      if (self->identifier != NULL)
        /* Translators: %s is a DB instance identifier */
        description = g_strdup_printf (_("There is no DB instance “%s” in this Region. It may have "
                                         "been deleted."), self->identifier);
      adw_status_page_set_description (self->gone_page, description);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "gone");
      update_tags (self);
      return;
    }

  gtk_label_set_label (GTK_LABEL (self->title_label), rds_db_instance_get_identifier (self->instance));
  rds_status_badge_set_status (self->status_badge, rds_db_instance_get_status (self->instance));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *text = field->func (instance);

      /* An Aurora instance's role is its cluster's to say. */
      if (field->func == value_role && aurora_role (self) != NULL)
        {
          g_free (text);
          text = g_strdup (aurora_role (self));
        }
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (field->value)), text) != 0)
        gtk_label_set_label (GTK_LABEL (field->value), text);
    }

  update_tags (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "instance");
}

static void
set_instance (RdsDatabasePage *self,
              RdsDbInstance   *instance)
{
  if (g_set_object (&self->instance, instance))
    {
      g_signal_group_set_target (self->instance_signals, instance);
      rds_instance_actions_set_instance (self->actions, instance);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE]);
    }
  update (self);
}

static void
find_instance (RdsDatabasePage *self)
{
  RdsResourceList *list = rds_page_get_session (RDS_PAGE (self)) != NULL ? rds_session_get_instances (rds_page_get_session (RDS_PAGE (self))) : NULL;
  RdsDbInstance *instance = NULL;

  if (list != NULL && self->identifier != NULL)
    instance = rds_resource_list_find (list, self->identifier);

  /* Before the first answer, an unknown instance is not yet gone. */
  if (instance == NULL && list != NULL && !rds_resource_list_get_loaded (list))
    return;

  set_instance (self, instance);
}

static void
events_changed_cb (RdsDatabasePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events_sorted));

  gtk_stack_set_visible_child_name (GTK_STACK (self->events_stack), n > 0 ? "list" : "empty");
}

/* Tags */

/* Whether the tag change went through; says why not where it concerns. */
static gboolean
finish_tags_call (RdsDatabasePage *self,
                  GObject         *session,
                  GAsyncResult    *result)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (session), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  if (answer == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* A tag request's invalid parameter is its tag. */
      if (rds_aws_error_concerns (error, "Tags") || rds_aws_error_concerns (error, "TagKeys") ||
          g_error_matches (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE))
        rds_form_field_set_error (self->tag_key_field, error->message);
      else if (root != NULL)
        gtk_widget_activate_action (GTK_WIDGET (root), "win.show-error", "s", error->message);
      return FALSE;
    }

  rds_query_result_free (answer);
  return TRUE;
}

static void
tags_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RdsDatabasePage) self = user_data;

  finish_tags_call (self, object, result);
}

/* The new tag's fields empty once it is added; a refused tag stays there
 * to be corrected. */
static void
tag_added_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RdsDatabasePage) self = user_data;

  if (!finish_tags_call (self, object, result))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->tag_key_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tag_value_entry), "");
  rds_form_field_set_error (self->tag_key_field, NULL);
  rds_form_field_set_error (self->tag_value_field, NULL);
  /* Ready for the next tag: from its key. */
  if (gtk_widget_get_root (self->tag_value_entry) != NULL &&
      gtk_root_get_focus (gtk_widget_get_root (self->tag_value_entry)) != NULL &&
      gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (self->tag_value_entry)),
                              self->tag_value_entry))
    gtk_widget_grab_focus (self->tag_key_entry);
}

static void
tag_entry_changed_cb (RdsDatabasePage *self)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->tag_key_entry));
  g_autofree char *problem = *key != '\0' ? rds_validate_tag (key, NULL) : NULL;

  rds_form_field_set_error (self->tag_key_field, problem);
}

static void add_tag_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter);

static void
tag_entry_activate_cb (RdsDatabasePage *self)
{
  add_tag_action (GTK_WIDGET (self), "tags.add", NULL);
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (widget);
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->tag_key_entry));
  const char *value = gtk_editable_get_text (GTK_EDITABLE (self->tag_value_entry));
  g_autoptr(RdsRequest) request = NULL;
  g_autofree char *message = NULL;
  gboolean on_value;
  RdsProblem problem;

  if (self->instance == NULL || rds_page_get_session (RDS_PAGE (self)) == NULL)
    return;

  /* The simulator's very rule: what it would refuse is said here first. */
  rds_rules_tag (key, value, &problem);
  message = rds_problem_describe (&problem);
  on_value = message != NULL && g_strcmp0 (problem.parameter, "TagValue") == 0;
  rds_form_field_set_error (self->tag_key_field, on_value ? NULL : message);
  rds_form_field_set_error (self->tag_value_field, on_value ? message : NULL);
  if (message != NULL)
    {
      gtk_widget_grab_focus (on_value ? self->tag_value_entry : self->tag_key_entry);
      return;
    }

  request = rds_request_new ("AddTagsToResource");
  rds_request_set (request, "ResourceName", rds_db_instance_get_arn (self->instance));
  rds_request_add_tag (request, "Tags", key, value);
  rds_form_field_set_error (self->tag_key_field, NULL);
  rds_session_call_async (rds_page_get_session (RDS_PAGE (self)), request, self->cancellable, tag_added_cb, g_object_ref (self));
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (widget);
  g_autoptr(RdsRequest) request = NULL;

  if (self->instance == NULL || rds_page_get_session (RDS_PAGE (self)) == NULL)
    return;

  request = rds_request_new ("RemoveTagsFromResource");
  rds_request_set (request, "ResourceName", rds_db_instance_get_arn (self->instance));
  rds_request_add_list_item (request, "TagKeys", "member", g_variant_get_string (parameter, NULL));
  rds_session_call_async (rds_page_get_session (RDS_PAGE (self)), request, self->cancellable, tags_cb, g_object_ref (self));
}

static GtkWidget *
create_tag_row (gpointer item,
                gpointer user_data)
{
  RdsShape *tag = item;
  const char *key = rds_shape_get_string (tag, "key");
  const char *value = rds_shape_get_string (tag, "value");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "-");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  /* Translators: %s is a tag key */
  tooltip = g_strdup_printf (_("Remove tag %s"), key);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "tags.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", key);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* GObject */

static void
rds_database_page_dispose (GObject *object)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->instance_signals);
  g_clear_object (&self->events_held);
  g_clear_object (&self->actions);
  g_clear_object (&self->instance);
  g_clear_object (&self->tags);
  g_clear_object (&self->events_sorted);
  g_clear_object (&self->events);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_DATABASE_PAGE);

  G_OBJECT_CLASS (rds_database_page_parent_class)->dispose (object);
}

static void
rds_database_page_finalize (GObject *object)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fields, g_array_unref);
  g_free (self->identifier);

  G_OBJECT_CLASS (rds_database_page_parent_class)->finalize (object);
}

static void
rds_database_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;
    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_database_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      rds_database_page_set_identifier (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static RdsResourceList *
rds_database_page_get_list (RdsPage    *page,
                            RdsSession *session)
{
  return rds_session_get_instances (session);
}

/* From the keyboard, the screenshots and the tests: an alarm on the CPU. */
static void
create_alarm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->metrics_view), "metrics.create-alarm", "s",
                              parameter != NULL ? g_variant_get_string (parameter, NULL) : "CPUUtilization");
}

static gboolean
rds_database_page_is_loading (RdsPage *page)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (page);

  return rds_metrics_view_is_loading (self->metrics_view) || rds_topology_view_is_loading (self->topology_view) ||
         rds_fault_panel_is_loading (self->fault_panel) ||
         (gtk_widget_get_mapped (GTK_WIDGET (self->volume_view)) &&
          rds_cluster_volume_view_is_loading (self->volume_view));
}

static void
rds_database_page_session_changed (RdsPage *page)
{
  RdsDatabasePage *self = RDS_DATABASE_PAGE (page);
  RdsSession *session = rds_page_get_session (page);

  g_clear_object (&self->events_held);
  if (session != NULL)
    self->events_held = g_object_ref (rds_session_get_events (session));
  gtk_filter_list_model_set_model (self->events,
                                   session != NULL
                                   ? rds_resource_list_get_model (rds_session_get_events (session))
                                   : NULL);
  rds_instance_actions_set_session (self->actions, session);
  rds_metrics_view_set_session (self->metrics_view, session);
  rds_topology_view_set_session (self->topology_view, session);
  rds_fault_panel_set_session (self->fault_panel, session);
  find_instance (self);
}

static void
rds_database_page_class_init (RdsDatabasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_database_page_dispose;
  object_class->finalize = rds_database_page_finalize;
  object_class->get_property = rds_database_page_get_property;
  object_class->set_property = rds_database_page_set_property;
  page_class->get_list = rds_database_page_get_list;
  page_class->session_changed = rds_database_page_session_changed;
  page_class->is_loading = rds_database_page_is_loading;
  gtk_widget_class_install_action (widget_class, "monitoring.create-alarm", NULL, create_alarm_action);

  properties[PROP_IDENTIFIER] =
    g_param_spec_string ("identifier", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL, RDS_TYPE_DB_INSTANCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RDS_TYPE_FORM_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-database-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, gone_page);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tabs);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, connectivity_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, topology_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, monitoring_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, configuration_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, maintenance_box);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, events_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, events_list);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tags_heading);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tags_list);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tag_key_field);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tag_value_field);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tag_key_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasePage, tag_value_entry);

  gtk_widget_class_install_action (widget_class, "tags.add", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "tags.remove", "s", remove_tag_action);
}

/* The instances were listed again: this one as it is now, and an Aurora
 * instance's volume picture in step (after a fault, at once). */
static void
list_refreshed_cb (RdsDatabasePage *self)
{
  find_instance (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->volume_view)))
    rds_cluster_volume_view_refresh (self->volume_view);
}

static void
rds_database_page_init (RdsDatabasePage *self)
{
  GtkWidget *status_box;
  GtkWidget *caption;
  g_autoptr(GtkSorter) sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->metrics_view = RDS_METRICS_VIEW (rds_metrics_view_new ());
  gtk_box_append (GTK_BOX (self->monitoring_box), GTK_WIDGET (self->metrics_view));

  /* Topology: the picture in a card, and under it the simulator's faults. */
  {
    GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *heading = rds_heading_new (_("Deployment"), "heading", "availability-zones");

    gtk_widget_add_css_class (card, "card");
    gtk_widget_set_margin_start (heading, 18);
    gtk_widget_set_margin_top (heading, 12);
    gtk_box_append (GTK_BOX (card), heading);
    self->topology_view = RDS_TOPOLOGY_VIEW (rds_topology_view_new ());
    gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->topology_view));
    gtk_box_append (GTK_BOX (self->topology_box), card);
    self->deployment_card = card;

    /* An Aurora instance's deployment is its cluster's: the volume's
     * three zones, and the cluster's instances in them. */
    card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    gtk_widget_add_css_class (card, "card");
    gtk_widget_add_css_class (card, "summary-card");
    gtk_box_append (GTK_BOX (card), rds_heading_new (_("Six copies in three Availability Zones"), "heading",
                                                     "aurora-cluster-volume"));
    self->volume_view = RDS_CLUSTER_VOLUME_VIEW (rds_cluster_volume_view_new ());
    gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->volume_view));
    gtk_widget_set_visible (card, FALSE);
    gtk_box_append (GTK_BOX (self->topology_box), card);
    self->volume_card = card;
    self->fault_panel = RDS_FAULT_PANEL (rds_fault_panel_new ());
    gtk_box_append (GTK_BOX (self->topology_box), GTK_WIDGET (self->fault_panel));
  }

  self->cancellable = g_cancellable_new ();
  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));

  /* Summary: the status is a badge, the rest text. */
  for (guint i = 0; i < G_N_ELEMENTS (summary_fields); i++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (self->summary_box),
                           field_box (self, _(summary_fields[i].label), summary_fields[i].func, NULL));
      if (i == 0)
        {
          status_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          caption = rds_caption_label_new (_("Status"));
          self->status_badge = RDS_STATUS_BADGE (rds_status_badge_new ());
          gtk_box_append (GTK_BOX (status_box), caption);
          gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (self->status_badge));
          gtk_flow_box_append (GTK_FLOW_BOX (self->summary_box), status_box);
        }
    }

  build_tab (self, self->connectivity_box, connectivity_fields, G_N_ELEMENTS (connectivity_fields));
  build_tab (self, self->configuration_box, configuration_fields, G_N_ELEMENTS (configuration_fields));
  build_tab (self, self->maintenance_box, maintenance_fields, G_N_ELEMENTS (maintenance_fields));

  self->actions = rds_instance_actions_new (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->actions_button),
                                  rds_instance_actions_get_menu ());

  self->tags = g_list_store_new (RDS_TYPE_TAG);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->tags_list), G_LIST_MODEL (self->tags),
                           create_tag_row, NULL, NULL);
  g_signal_connect_swapped (self->tag_key_entry, "changed", G_CALLBACK (tag_entry_changed_cb), self);
  g_signal_connect_swapped (self->tag_key_entry, "activate", G_CALLBACK (tag_entry_activate_cb), self);
  g_signal_connect_swapped (self->tag_value_entry, "activate", G_CALLBACK (tag_entry_activate_cb), self);
  rds_form_field_set_hint (self->tag_key_field,
                           _("Up to 128 letters, digits, spaces and _ . : / = + - @; can't begin "
                             "with “aws:” or “rds:”."));
  rds_form_field_set_hint (self->tag_value_field, _("Up to 256 of the same characters; can be empty."));

  /* This instance's events, newest first. */
  self->events_filter = gtk_string_filter_new (gtk_property_expression_new (RDS_TYPE_EVENT, NULL,
                                                                            "source-identifier"));
  gtk_string_filter_set_match_mode (self->events_filter, GTK_STRING_FILTER_MATCH_MODE_EXACT);
  gtk_string_filter_set_ignore_case (self->events_filter, FALSE);
  gtk_string_filter_set_search (self->events_filter, "\x01");
  self->events = gtk_filter_list_model_new (NULL, GTK_FILTER (self->events_filter));
  sorter = GTK_SORTER (gtk_numeric_sorter_new (rds_date_expression_new (RDS_TYPE_EVENT, "date")));
  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
  self->events_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->events)),
                                                 g_object_ref (sorter));
  gtk_list_box_bind_model (GTK_LIST_BOX (self->events_list), G_LIST_MODEL (self->events_sorted),
                           (GtkListBoxCreateWidgetFunc) rds_event_row_new, NULL, NULL);
  g_signal_connect_swapped (self->events_sorted, "items-changed", G_CALLBACK (events_changed_cb),
                            self);

  self->instance_signals = g_signal_group_new (RDS_TYPE_DB_INSTANCE);
  g_signal_group_connect_swapped (self->instance_signals, "notify", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "refreshed",
                                  G_CALLBACK (list_refreshed_cb), self);

  events_changed_cb (self);
  update (self);
}

const char *
rds_database_page_get_identifier (RdsDatabasePage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_PAGE (self), NULL);

  return self->identifier;
}

void
rds_database_page_set_identifier (RdsDatabasePage *self,
                                  const char      *identifier)
{
  g_return_if_fail (RDS_IS_DATABASE_PAGE (self));

  if (g_strcmp0 (self->identifier, identifier) == 0)
    return;

  g_free (self->identifier);
  self->identifier = g_strdup (identifier);
  gtk_string_filter_set_search (self->events_filter, identifier != NULL ? identifier : "\x01");
  adw_view_stack_set_visible_child_name (self->tabs, "connectivity");
  set_instance (self, NULL);
  find_instance (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIER]);
}

/**
 * rds_database_page_get_instance:
 *
 * Returns: (transfer none) (nullable): the instance shown
 */
RdsDbInstance *
rds_database_page_get_instance (RdsDatabasePage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_PAGE (self), NULL);

  return self->instance;
}

/**
 * rds_database_page_show_tab:
 * @tab: "connectivity", "configuration", "maintenance", "events" or "tags"
 *
 * Shows one of the detail tabs, as clicking it does.
 */
void
rds_database_page_show_tab (RdsDatabasePage *self,
                            const char      *tab)
{
  g_return_if_fail (RDS_IS_DATABASE_PAGE (self));
  g_return_if_fail (adw_view_stack_get_child_by_name (self->tabs, tab) != NULL);

  adw_view_stack_set_visible_child_name (self->tabs, tab);
}
