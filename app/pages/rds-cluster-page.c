/* rds-cluster-page.c: an Aurora DB cluster's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's page of one Aurora DB cluster: its name and its
 * Actions (add a reader, fail over, a custom endpoint, modify, stop,
 * start, take a snapshot, restore to a point in time, delete: each offered
 * by rds_db_cluster_allows ()), a summary (identifier, status, role,
 * engine, Region and the zones of its volume, how many instances), its DB
 * instances (the writer first, each a link to its page), and the tabs
 * Connectivity & security (its endpoints, with the instances each one
 * sends connections to, custom ones created, changed and deleted here, and
 * its networking), Monitoring (the volume's CloudWatch metrics by
 * DBClusterIdentifier, or one instance's), Cluster volume (the simulator's
 * picture of its six copies), Configuration, Maintenance & backups (with
 * the cluster's snapshots), Logs & events (the cluster's and its
 * instances') and Tags.
 *
 * Everything on it comes from the session's lists: DescribeDBClusters
 * (the page's own list), DescribeDBInstances, DescribeDBClusterEndpoints,
 * DescribeDBClusterSnapshots and DescribeEvents, each filtered to this
 * cluster; only the Monitoring tab asks CloudWatch itself (and has its
 * own Refresh). The page follows the cluster by identifier: it stays
 * current with every poll (the tables update in place), and says so when
 * the cluster is gone. The window's Refresh (which refreshes the lists) is
 * all it needs: it has no page.refresh.
 */

#include "config.h"

#include "rds-cluster-page.h"

#include "rds-widget-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rds-cluster-action-dialog.h"
#include "rds-cluster-endpoint-dialog.h"
#include "rds-cluster-volume-view.h"
#include "rds-db-cluster.h"
#include "rds-db-cluster-endpoint.h"
#include "rds-db-cluster-member.h"
#include "rds-db-cluster-snapshot.h"
#include "rds-db-instance.h"
#include "rds-event.h"
#include "rds-event-row.h"
#include "rds-fault-panel.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-link-button.h"
#include "rds-metrics-view.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-status-badge.h"

/* A search no cluster identifier matches: the filters' while there is no
 * cluster to show (an empty search would match every item). */
#define MATCH_NOTHING "\x01"

typedef char *(*ValueFunc) (RdsClusterPage *self,
                            RdsShape       *cluster);

typedef struct
{
  GtkWidget *value;
  ValueFunc  func;
} Field;

struct _RdsClusterPage
{
  RdsPage              parent_instance;

  char                *identifier;
  RdsDbCluster        *cluster;
  GSignalGroup        *cluster_signals;
  char                *writer;            /* the member that is the cluster's writer */
  GStrv                members;           /* its DBClusterMembers, by identifier */
  GArray              *fields;
  GListStore          *tags;
  RdsStatusBadge      *status_badge;

  /* The session's other lists the page shows, held while it is shown:
   * the session keeps a list current while someone holds it. */
  RdsResourceList     *instances_held;
  RdsResourceList     *endpoints_held;
  RdsResourceList     *snapshots_held;
  RdsResourceList     *events_held;

  /* Logs & events: the cluster's and its instances', newest first. */
  GtkFilterListModel  *events;
  GtkCustomFilter     *events_filter;
  GtkSortListModel    *events_sorted;
  RdsMetricsView      *metrics_view;
  RdsFaultPanel       *fault_panel;
  gboolean             listing_sources;   /* filling the dropdown, not the user choosing */
  char                *metrics_source;    /* the instance chosen there; NULL for the cluster */

  /* Template */
  GtkWidget           *stack;
  AdwStatusPage       *gone_page;
  GtkWidget           *title_label;
  GtkWidget           *summary_box;
  GtkWidget           *instances_heading;
  GtkWidget           *instances_stack;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *tier_column;
  AdwViewStack        *tabs;
  GtkWidget           *endpoints_heading;
  GtkWidget           *endpoints_stack;
  GtkColumnViewColumn *endpoint_type_column;
  GtkColumnViewColumn *endpoint_port_column;
  GtkColumnViewColumn *endpoint_reaches_column;
  GtkWidget           *connectivity_box;
  GtkWidget           *configuration_box;
  GtkWidget           *maintenance_box;
  GtkWidget           *snapshots_heading;
  GtkWidget           *snapshots_stack;
  GtkWidget           *tags_heading;
  GtkWidget           *tags_stack;
  GtkWidget           *tags_list;
  GtkFilterListModel  *instances_filtered;
  GtkSortListModel    *instances_sorted;
  GtkCustomFilter     *instances_filter;
  GtkCustomSorter     *instances_sorter;
  GtkFilterListModel  *endpoints_filtered;
  GtkSortListModel    *endpoints_sorted;
  GtkStringFilter     *endpoints_filter;
  GtkCustomSorter     *endpoints_sorter;
  GtkFilterListModel  *snapshots_filtered;
  GtkSortListModel    *snapshots_sorted;
  GtkStringFilter     *snapshots_filter;
  GtkSingleSelection  *endpoints_selection;
  AdwViewStackPage    *volume_tab;
  RdsClusterVolumeView *volume_view;
  GtkWidget           *monitoring_box;
  GtkWidget           *volume_box;
  GtkWidget           *metrics_dropdown;
  GtkStringList       *metrics_sources;
  GtkWidget           *events_stack;
  GtkWidget           *events_list;
};

G_DEFINE_FINAL_TYPE (RdsClusterPage, rds_cluster_page, RDS_TYPE_PAGE)

enum {
  PROP_0,
  PROP_IDENTIFIER,
  PROP_CLUSTER,
  PROP_WRITER,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Values, as the RDS console writes them */

static char *
string_of (RdsShape   *shape,
           const char *name)
{
  return rds_format_or_dash (NULL, rds_shape_get_string (shape, name));
}

static char *
join_or_dash (const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return g_strdup ("-");
  return g_strjoinv (", ", (char **) values);
}

/* A weekly or daily window, in UTC as the API gives it. */
static char *
window_of (RdsShape   *shape,
           const char *name)
{
  const char *window = rds_shape_get_string (shape, name);

  /* Translators: a maintenance or backup window, "sun:07:45-sun:08:15 UTC (GMT)" */
  return window != NULL ? g_strdup_printf (_("%s UTC (GMT)"), window) : g_strdup ("-");
}

static char *
value_identifier (RdsClusterPage *self,
                  RdsShape       *c)
{
  return string_of (c, "db-cluster-identifier");
}

static char *
value_role (RdsClusterPage *self,
            RdsShape       *c)
{
  /* Not one of a global database's primary or secondary clusters. */
  return g_strdup (C_("cluster role", "Regional cluster"));
}

static char *
value_engine (RdsClusterPage *self,
              RdsShape       *c)
{
  return rds_format_engine (NULL, rds_shape_get_string (c, "engine"));
}

/* The Region, and the zones the cluster volume keeps its copies in. */
static char *
value_region (RdsClusterPage *self,
              RdsShape       *c)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  const char *region = session != NULL ? rds_session_get_region (session) : NULL;
  const char * const *zones = rds_shape_get_strv (c, "availability-zones");
  g_autofree char *joined = NULL;

  if (zones == NULL || zones[0] == NULL)
    return g_strdup (region != NULL ? region : "-");
  joined = g_strjoinv (", ", (char **) zones);
  if (region == NULL)
    return g_steal_pointer (&joined);
  /* Translators: a cluster's Region and Availability Zones, "us-east-1 (us-east-1a, us-east-1b)" */
  return g_strdup_printf (_("%s (%s)"), region, joined);
}

static char *
value_instance_count (RdsClusterPage *self,
                      RdsShape       *c)
{
  guint n = self->members != NULL ? g_strv_length (self->members) : 0;

  /* Translators: how many DB instances an Aurora cluster has */
  return g_strdup_printf (ngettext ("%u instance", "%u instances", n), n);
}

static char *
value_port (RdsClusterPage *self,
            RdsShape       *c)
{
  int port = rds_shape_get_int (c, "port");

  return port > 0 ? g_strdup_printf ("%d", port) : g_strdup ("-");
}

static char *
value_zones (RdsClusterPage *self,
             RdsShape       *c)
{
  return join_or_dash (rds_shape_get_strv (c, "availability-zones"));
}

static char *
value_subnet_group (RdsClusterPage *self,
                    RdsShape       *c)
{
  return string_of (c, "db-subnet-group");
}

static char *
value_network_type (RdsClusterPage *self,
                    RdsShape       *c)
{
  if (g_strcmp0 (rds_shape_get_string (c, "network-type"), "DUAL") == 0)
    return g_strdup (_("Dual-stack mode"));
  return g_strdup (_("IPv4"));
}

static char *
value_multi_az (RdsClusterPage *self,
                RdsShape       *c)
{
  return rds_format_yes_no (NULL, rds_shape_get_boolean (c, "multi-az"));
}

static char *
value_security_groups (RdsClusterPage *self,
                       RdsShape       *c)
{
  GListModel *groups = rds_shape_get_list (c, "vpc-security-groups");
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
value_engine_version (RdsClusterPage *self,
                      RdsShape       *c)
{
  return string_of (c, "engine-version");
}

static char *
value_parameter_group (RdsClusterPage *self,
                       RdsShape       *c)
{
  return string_of (c, "db-cluster-parameter-group");
}

static char *
value_deletion_protection (RdsClusterPage *self,
                           RdsShape       *c)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (c, "deletion-protection"));
}

static char *
value_iam (RdsClusterPage *self,
           RdsShape       *c)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (c, "iam-database-authentication-enabled"));
}

static char *
value_master_username (RdsClusterPage *self,
                       RdsShape       *c)
{
  return string_of (c, "master-username");
}

static char *
value_database_name (RdsClusterPage *self,
                     RdsShape       *c)
{
  return string_of (c, "database-name");
}

static char *
value_created (RdsClusterPage *self,
               RdsShape       *c)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (c, "cluster-create-time"));
}

static char *
value_resource_id (RdsClusterPage *self,
                   RdsShape       *c)
{
  return string_of (c, "db-cluster-resource-id");
}

static char *
value_arn (RdsClusterPage *self,
           RdsShape       *c)
{
  return string_of (c, "db-cluster-arn");
}

/* Aurora's two storage configurations: pay per I/O, or not. */
static char *
value_storage_configuration (RdsClusterPage *self,
                             RdsShape       *c)
{
  const char *type = rds_shape_get_string (c, "storage-type");

  if (type == NULL || g_str_equal (type, "aurora"))
    return g_strdup (_("Aurora Standard"));
  if (g_str_equal (type, "aurora-iopt1"))
    return g_strdup (_("Aurora I/O-Optimized"));
  return g_strdup (type);
}

static char *
value_encryption (RdsClusterPage *self,
                  RdsShape       *c)
{
  return g_strdup (rds_shape_get_boolean (c, "storage-encrypted") ? _("Enabled") : _("Not enabled"));
}

static char *
value_kms_key (RdsClusterPage *self,
               RdsShape       *c)
{
  return string_of (c, "kms-key-id");
}

static char *
value_maintenance_window (RdsClusterPage *self,
                          RdsShape       *c)
{
  return window_of (c, "preferred-maintenance-window");
}

static char *
value_auto_minor (RdsClusterPage *self,
                  RdsShape       *c)
{
  RdsTristate value = rds_shape_get_tristate (c, "auto-minor-version-upgrade");

  /* The cluster's instances each say it when the cluster doesn't. */
  if (value == RDS_TRISTATE_UNSET)
    return g_strdup ("-");
  return rds_format_enabled (NULL, value == RDS_TRISTATE_TRUE);
}

static char *
value_retention (RdsClusterPage *self,
                 RdsShape       *c)
{
  return rds_format_retention (NULL, rds_shape_get_int (c, "backup-retention-period"));
}

static char *
value_backup_window (RdsClusterPage *self,
                     RdsShape       *c)
{
  return window_of (c, "preferred-backup-window");
}

static char *
value_earliest_restorable (RdsClusterPage *self,
                           RdsShape       *c)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (c, "earliest-restorable-time"));
}

static char *
value_latest_restorable (RdsClusterPage *self,
                         RdsShape       *c)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (c, "latest-restorable-time"));
}

static char *
value_copy_tags (RdsClusterPage *self,
                 RdsShape       *c)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (c, "copy-tags-to-snapshot"));
}

/* Serverless v2: "0.5 – 16 ACUs"; a dash for a cluster without a range. */
static char *
value_capacity (RdsClusterPage *self,
                RdsShape       *c)
{
  RdsShape *scaling = rds_shape_get_object (c, "serverless-v2-scaling-configuration");

  if (scaling == NULL)
    return g_strdup ("-");
  /* Translators: Aurora Serverless v2's capacity range, "0.5 – 16 ACUs" */
  return g_strdup_printf (_("%g – %g ACUs"), rds_shape_get_double (scaling, "min-capacity"),
                          rds_shape_get_double (scaling, "max-capacity"));
}

static char *
value_pending (RdsClusterPage *self,
               RdsShape       *c)
{
  return rds_format_pending (rds_shape_get_object (c, "pending-modified-values"));
}

typedef struct
{
  const char *section;     /* NULL: same section as before */
  const char *label;
  ValueFunc   func;
  const char *info;        /* the concept the section's Info link explains */
  gboolean    wide;        /* a row of its own: a long value (an ARN) on one line */
} FieldInfo;

/* The summary's Status, a badge, comes second (see build_summary). */
static const FieldInfo summary_fields[] = {
  { NULL, N_("DB cluster ID"), value_identifier },
  { NULL, N_("Role"), value_role },
  { NULL, N_("Engine"), value_engine },
  { NULL, N_("Region & AZs"), value_region },
  { NULL, N_("Instances"), value_instance_count },
};

/* Below the endpoints. */
static const FieldInfo connectivity_fields[] = {
  { N_("Networking"), N_("Port"), value_port, "availability-zones" },
  { NULL, N_("Availability Zones"), value_zones },
  { NULL, N_("Multi-AZ"), value_multi_az },
  { NULL, N_("Subnet group"), value_subnet_group },
  { NULL, N_("Network type"), value_network_type },
  { N_("Security"), N_("VPC security groups"), value_security_groups, "security-groups" },
};

static const FieldInfo configuration_fields[] = {
  { N_("Configuration"), N_("DB cluster ID"), value_identifier, "engines" },
  { NULL, N_("Engine version"), value_engine_version },
  { NULL, N_("Capacity range"), value_capacity },
  { NULL, N_("DB cluster parameter group"), value_parameter_group },
  { NULL, N_("Deletion protection"), value_deletion_protection },
  { NULL, N_("IAM DB authentication"), value_iam },
  { NULL, N_("Master username"), value_master_username },
  { NULL, N_("DB name"), value_database_name },
  { NULL, N_("Created time"), value_created },
  { NULL, N_("Resource ID"), value_resource_id },
  { NULL, N_("Amazon Resource Name (ARN)"), value_arn, NULL, TRUE },
  { N_("Storage & encryption"), N_("Storage configuration"), value_storage_configuration, "storage-types" },
  { NULL, N_("Encryption"), value_encryption },
  { NULL, N_("AWS KMS key"), value_kms_key },
};

/* Above the cluster's snapshots. */
static const FieldInfo maintenance_fields[] = {
  { N_("Maintenance"), N_("Maintenance window"), value_maintenance_window, "maintenance-window" },
  { NULL, N_("Auto minor version upgrade"), value_auto_minor },
  { NULL, N_("Pending modifications"), value_pending },
  { N_("Backup"), N_("Backup retention period"), value_retention, "backups" },
  { NULL, N_("Backup window"), value_backup_window },
  { NULL, N_("Copy tags to snapshots"), value_copy_tags },
  { NULL, N_("Earliest restorable time"), value_earliest_restorable },
  { NULL, N_("Latest restorable time"), value_latest_restorable },
};

/* What the tables' computed cells say: pure functions of their
 * arguments, evaluated by GtkExpressions that watch them (the first
 * argument is the expression's object, and is ignored). */

static char *
role_text (gpointer    unused,
           const char *instance,
           const char *writer)
{
  if (instance != NULL && g_strcmp0 (instance, writer) == 0)
    return g_strdup (_("Writer instance"));
  return g_strdup (_("Reader instance"));
}

static char *
tier_text (gpointer unused,
           int      tier)
{
  return tier >= 0 ? g_strdup_printf ("%d", tier) : g_strdup ("-");
}

static char *
port_text (gpointer unused,
           int      port)
{
  return port > 0 ? g_strdup_printf ("%d", port) : g_strdup ("-");
}

static char *
endpoint_type_text (gpointer    unused,
                    const char *type)
{
  if (g_strcmp0 (type, "WRITER") == 0)
    return g_strdup (C_("endpoint type", "Writer"));
  if (g_strcmp0 (type, "READER") == 0)
    return g_strdup (C_("endpoint type", "Reader"));
  if (g_strcmp0 (type, "CUSTOM") == 0)
    return g_strdup (C_("endpoint type", "Custom"));
  return g_strdup (type != NULL ? type : "-");
}

/* The members an endpoint sends connections to, writer first. The
 * endpoint's lists and type are arguments only to be watched: a custom
 * endpoint modified changes what it reaches. */
static char *
reaches_text (gpointer              unused,
              RdsDbClusterEndpoint *endpoint,
              const char * const   *static_members,
              const char * const   *excluded_members,
              const char           *custom_type,
              const char * const   *members,
              const char           *writer)
{
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();

  if (endpoint == NULL)
    return g_strdup ("-");

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    if (rds_db_cluster_endpoint_reaches (endpoint, members[i], g_strcmp0 (members[i], writer) == 0))
      g_ptr_array_add (reached, (gpointer) members[i]);
  /* Without a reader, the reader endpoint goes to the writer. */
  if (reached->len == 0 && writer != NULL &&
      g_strcmp0 (rds_db_cluster_endpoint_get_endpoint_type (endpoint), "READER") == 0)
    g_ptr_array_add (reached, (gpointer) writer);

  if (reached->len == 0)
    return g_strdup (C_("instances reached", "None"));
  g_ptr_array_add (reached, NULL);
  return g_strjoinv (", ", (char **) reached->pdata);
}

/* Building the page */

static GtkWidget *
field_box (RdsClusterPage *self,
           const char     *label,
           ValueFunc       func)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = rds_caption_label_new (label);
  GtkWidget *value = gtk_label_new ("-");
  Field field = { value, func };

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  /* Selectable with the mouse, to copy an ARN; the keyboard never stops
   * on it. */
  rds_label_set_mouse_selectable (GTK_LABEL (value));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  g_array_append_val (self->fields, field);

  return box;
}

/* A card of fields, three to a row, as a database's page has them. */
#define FIELDS_PER_ROW 3

static GtkWidget *
new_section (GtkWidget  *parent,
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
  gtk_box_append (GTK_BOX (parent), card);

  return grid;
}

static void
build_sections (RdsClusterPage  *self,
                GtkWidget       *parent,
                const FieldInfo *fields,
                guint            n_fields)
{
  GtkWidget *grid = NULL;
  guint n = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].section != NULL)
        {
          grid = new_section (parent, _(fields[i].section), fields[i].info);
          n = 0;
        }
      if (fields[i].wide)
        {
          n = (n + FIELDS_PER_ROW - 1) / FIELDS_PER_ROW * FIELDS_PER_ROW;
          gtk_grid_attach (GTK_GRID (grid), field_box (self, _(fields[i].label), fields[i].func),
                           0, n / FIELDS_PER_ROW, FIELDS_PER_ROW, 1);
          n += FIELDS_PER_ROW;
          continue;
        }
      gtk_grid_attach (GTK_GRID (grid), field_box (self, _(fields[i].label), fields[i].func),
                       n % FIELDS_PER_ROW, n / FIELDS_PER_ROW, 1, 1);
      n++;
    }
}

/* The summary: text, and the status as a badge after the cluster's ID. */
static void
build_summary (RdsClusterPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (summary_fields); i++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (self->summary_box),
                           field_box (self, _(summary_fields[i].label), summary_fields[i].func));
      if (i == 0)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *caption = rds_caption_label_new (_("Status"));

          self->status_badge = RDS_STATUS_BADGE (rds_status_badge_new ());
          gtk_widget_set_halign (GTK_WIDGET (self->status_badge), GTK_ALIGN_START);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (self->status_badge), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          caption, NULL, -1);
          gtk_box_append (GTK_BOX (box), caption);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_badge));
          gtk_flow_box_append (GTK_FLOW_BOX (self->summary_box), box);
        }
    }
}

/* The tables' computed columns: a label bound, for each row, to an
 * expression of its GtkListItem (as a GtkBuilderListItemFactory binds its
 * template's), which may also watch the page. */

static GtkExpression *
item_property (GType       type,
               const char *property)
{
  return gtk_property_expression_new (type, gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

static GtkExpression *
page_property (RdsClusterPage *self,
               const char     *property)
{
  return gtk_property_expression_new (RDS_TYPE_CLUSTER_PAGE, gtk_object_expression_new (G_OBJECT (self)), property);
}

static void
text_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GtkExpression            *expression)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_expression_bind (gtk_expression_ref (expression), label, "label", item);
  gtk_expression_bind (gtk_expression_ref (expression), label, "tooltip-text", item);
  gtk_list_item_set_child (item, label);
}

static void
expression_unref_cb (gpointer  data,
                     GClosure *closure)
{
  gtk_expression_unref (data);
}

/* Takes @expression. */
static void
set_text_column (GtkColumnViewColumn *column,
                 GtkExpression       *expression)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_data (factory, "setup", G_CALLBACK (text_cell_setup_cb), expression, expression_unref_cb, 0);
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);
}

static void
build_columns (RdsClusterPage *self)
{
  GtkExpression *role[] = {
    item_property (RDS_TYPE_DB_INSTANCE, "db-instance-identifier"),
    page_property (self, "writer"),
  };
  GtkExpression *tier[] = { item_property (RDS_TYPE_DB_INSTANCE, "promotion-tier") };
  GtkExpression *type[] = { item_property (RDS_TYPE_DB_CLUSTER_ENDPOINT, "endpoint-type") };
  /* An endpoint has no port of its own: it is the cluster's. */
  GtkExpression *port[] = {
    gtk_property_expression_new (RDS_TYPE_DB_CLUSTER, page_property (self, "cluster"), "port"),
  };
  GtkExpression *reaches[] = {
    gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
    item_property (RDS_TYPE_DB_CLUSTER_ENDPOINT, "static-members"),
    item_property (RDS_TYPE_DB_CLUSTER_ENDPOINT, "excluded-members"),
    item_property (RDS_TYPE_DB_CLUSTER_ENDPOINT, "custom-endpoint-type"),
    page_property (self, "members"),
    page_property (self, "writer"),
  };

  set_text_column (self->role_column,
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (role), role,
                                                G_CALLBACK (role_text), NULL, NULL));
  set_text_column (self->tier_column,
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (tier), tier,
                                                G_CALLBACK (tier_text), NULL, NULL));
  set_text_column (self->endpoint_type_column,
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (type), type,
                                                G_CALLBACK (endpoint_type_text), NULL, NULL));
  set_text_column (self->endpoint_port_column,
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (port), port,
                                                G_CALLBACK (port_text), NULL, NULL));
  set_text_column (self->endpoint_reaches_column,
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (reaches), reaches,
                                                G_CALLBACK (reaches_text), NULL, NULL));
}

/* Which instances, in which order */

static gboolean
is_member (gpointer item,
           gpointer user_data)
{
  RdsClusterPage *self = user_data;
  const char *identifier = rds_db_instance_get_identifier (item);

  return self->members != NULL && identifier != NULL &&
         g_strv_contains ((const char * const *) self->members, identifier);
}

/* The writer first, then the readers by name. */
static int
compare_instances (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  RdsClusterPage *self = user_data;
  const char *first = rds_db_instance_get_identifier ((gpointer) a);
  const char *second = rds_db_instance_get_identifier ((gpointer) b);
  gboolean first_writes = self->writer != NULL && g_strcmp0 (first, self->writer) == 0;
  gboolean second_writes = self->writer != NULL && g_strcmp0 (second, self->writer) == 0;

  if (first_writes != second_writes)
    return first_writes ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return gtk_ordering_from_cmpfunc (g_strcmp0 (first, second));
}

static int
endpoint_rank (RdsDbClusterEndpoint *endpoint)
{
  const char *type = rds_db_cluster_endpoint_get_endpoint_type (endpoint);

  if (g_strcmp0 (type, "WRITER") == 0)
    return 0;
  if (g_strcmp0 (type, "READER") == 0)
    return 1;
  return 2;
}

/* The cluster's own two endpoints first (writer, reader), then the
 * custom ones by name. */
static int
compare_endpoints (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  RdsDbClusterEndpoint *first = (gpointer) a;
  RdsDbClusterEndpoint *second = (gpointer) b;
  int rank = endpoint_rank (first) - endpoint_rank (second);

  if (rank != 0)
    return gtk_ordering_from_cmpfunc (rank);
  return gtk_ordering_from_cmpfunc (g_strcmp0 (rds_db_cluster_endpoint_get_identifier (first),
                                               rds_db_cluster_endpoint_get_identifier (second)));
}

/* Keeping current */

/* The cluster's writer and members, as its DBClusterMembers say: what the
 * instances table filters and orders by, and what the endpoints reach. */
/* Monitoring: the cluster volume's metrics, or one instance's */

/* The instance the dropdown's @position stands for; NULL for the cluster. */
static const char *
metrics_source_at (RdsClusterPage *self,
                   guint           position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->members == NULL ||
      position > g_strv_length (self->members))
    return NULL;
  return self->members[position - 1];
}

static void
update_metrics_source (RdsClusterPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  const char *instance_id = self->metrics_source;
  RdsDbInstance *instance = NULL;

  if (instance_id == NULL || session == NULL)
    {
      rds_metrics_view_set_cluster (self->metrics_view, self->cluster);
      return;
    }
  instance = rds_resource_list_find (rds_session_get_instances (session), instance_id);
  if (instance != NULL)
    rds_metrics_view_set_instance (self->metrics_view, instance);
}

/* The cluster first, then its instances, each with its role; the choice
 * kept by identifier when the members change. */
static void
update_metrics_sources (RdsClusterPage *self)
{
  guint n = self->members != NULL ? g_strv_length (self->members) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->metrics_sources));
  const char *chosen = self->metrics_source;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  guint selected = 0;
  gboolean same;

  g_strv_builder_add (builder, _("The cluster volume"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      if (g_strcmp0 (self->members[i], self->writer) == 0)
        /* Translators: %s is an Aurora instance's identifier, in the Monitoring tab's dropdown */
        label = g_strdup_printf (_("%s (writer)"), self->members[i]);
      else
        /* Translators: %s is an Aurora instance's identifier, in the Monitoring tab's dropdown */
        label = g_strdup_printf (_("%s (reader)"), self->members[i]);
      g_strv_builder_add (builder, label);
      if (g_strcmp0 (self->members[i], chosen) == 0)
        selected = i + 1;
    }
  labels = g_strv_builder_end (builder);
  /* The instance chosen is gone: the cluster's metrics. */
  if (selected == 0)
    g_clear_pointer (&self->metrics_source, g_free);

  same = old == n + 1;
  for (guint i = 0; same && i <= n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->metrics_sources, i), labels[i]) == 0;
  if (!same)
    {
      self->listing_sources = TRUE;
      gtk_string_list_splice (self->metrics_sources, 0, old, (const char * const *) labels);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->metrics_dropdown), selected);
      self->listing_sources = FALSE;
    }
  update_metrics_source (self);
}

static void
metrics_selected_cb (RdsClusterPage *self)
{
  if (self->listing_sources)
    return;
  g_free (self->metrics_source);
  self->metrics_source = g_strdup (metrics_source_at (self, gtk_drop_down_get_selected (
                                                        GTK_DROP_DOWN (self->metrics_dropdown))));
  update_metrics_source (self);
}

/* Logs & events */

static gboolean
is_own_event (gpointer item,
              gpointer user_data)
{
  RdsClusterPage *self = user_data;
  const char *source = rds_event_get_source_identifier (item);

  if (source == NULL || self->identifier == NULL)
    return FALSE;
  if (g_str_equal (source, self->identifier))
    return g_strcmp0 (rds_event_get_source_type (item), "db-cluster") == 0;
  return g_strcmp0 (rds_event_get_source_type (item), "db-instance") == 0 && self->members != NULL &&
         g_strv_contains ((const char * const *) self->members, source);
}

static void
events_changed_cb (RdsClusterPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events_sorted));

  gtk_stack_set_visible_child_name (GTK_STACK (self->events_stack), n > 0 ? "list" : "empty");
}

static void
update_members (RdsClusterPage *self)
{
  GListModel *list = self->cluster != NULL ? rds_db_cluster_get_members (self->cluster) : NULL;
  const char *writer = self->cluster != NULL ? rds_db_cluster_get_writer (self->cluster) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) members = NULL;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (list, i);
      const char *identifier = rds_db_cluster_member_get_instance_identifier (member);

      if (identifier != NULL)
        g_strv_builder_add (builder, identifier);
    }
  members = g_strv_builder_end (builder);

  if (g_strcmp0 (writer, self->writer) != 0)
    {
      g_free (self->writer);
      self->writer = g_strdup (writer);
      gtk_sorter_changed (GTK_SORTER (self->instances_sorter), GTK_SORTER_CHANGE_DIFFERENT);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITER]);
    }
  if (self->members == NULL || !g_strv_equal ((const char * const *) members, (const char * const *) self->members))
    {
      g_strfreev (self->members);
      self->members = g_steal_pointer (&members);
      gtk_filter_changed (GTK_FILTER (self->instances_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->events_filter), GTK_FILTER_CHANGE_DIFFERENT);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
    }
  update_metrics_sources (self);
}

/* The rows stay where nothing changed (a poll's answer, the same). */
static void
update_tags (RdsClusterPage *self)
{
  GListModel *tags = self->cluster != NULL ? rds_shape_get_list (RDS_SHAPE (self->cluster), "tag-list") : NULL;
  guint n = rds_shape_list_sync (self->tags, tags);
  g_autofree char *heading = NULL;

  /* Translators: the Tags tab's heading, with how many there are */
  heading = g_strdup_printf (_("Tags (%u)"), n);
  rds_heading_set_label (RDS_HEADING (self->tags_heading), heading);
  gtk_stack_set_visible_child_name (GTK_STACK (self->tags_stack), n > 0 ? "list" : "empty");
}

/* Each table's heading says how many rows it has; an empty one, why. */
static void
update_tables (RdsClusterPage *self)
{
  guint instances = self->members != NULL ? g_strv_length (self->members) : 0;
  guint endpoints = g_list_model_get_n_items (G_LIST_MODEL (self->endpoints_sorted));
  guint snapshots = g_list_model_get_n_items (G_LIST_MODEL (self->snapshots_sorted));
  g_autofree char *instances_text = NULL;
  g_autofree char *endpoints_text = NULL;
  g_autofree char *snapshots_text = NULL;

  /* Translators: the heading of an Aurora cluster's instances, with how many there are */
  instances_text = g_strdup_printf (_("DB instances (%u)"), instances);
  rds_heading_set_label (RDS_HEADING (self->instances_heading), instances_text);
  gtk_stack_set_visible_child_name (GTK_STACK (self->instances_stack), instances > 0 ? "list" : "empty");

  /* Translators: the heading of an Aurora cluster's endpoints, with how many there are */
  endpoints_text = g_strdup_printf (_("Endpoints (%u)"), endpoints);
  rds_heading_set_label (RDS_HEADING (self->endpoints_heading), endpoints_text);
  gtk_stack_set_visible_child_name (GTK_STACK (self->endpoints_stack), endpoints > 0 ? "list" : "empty");

  /* Translators: the heading of an Aurora cluster's snapshots, with how many there are */
  snapshots_text = g_strdup_printf (_("Snapshots (%u)"), snapshots);
  rds_heading_set_label (RDS_HEADING (self->snapshots_heading), snapshots_text);
  gtk_stack_set_visible_child_name (GTK_STACK (self->snapshots_stack), snapshots > 0 ? "list" : "empty");
}

static void update_actions (RdsClusterPage *self);

static void
update (RdsClusterPage *self)
{
  RdsShape *cluster = RDS_SHAPE (self->cluster);

  update_tags (self);
  update_tables (self);

  if (cluster == NULL)
    {
      RdsResourceList *list = rds_page_get_list (RDS_PAGE (self));

      update_actions (self);
      g_autofree char *description = NULL;

      /* Not gone before the Region's clusters are known. */
      if (list != NULL && self->identifier != NULL && !rds_resource_list_get_loaded (list))
        {
          gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
          return;
        }

      if (self->identifier != NULL)
        /* Translators: %s is an Aurora DB cluster's name */
        description = g_strdup_printf (_("There is no DB cluster “%s” in this Region. It may have "
                                         "been deleted."), self->identifier);
      adw_status_page_set_description (self->gone_page, description);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "gone");
      return;
    }

  gtk_label_set_label (GTK_LABEL (self->title_label), rds_db_cluster_get_identifier (self->cluster));
  rds_status_badge_set_status (self->status_badge, rds_db_cluster_get_status (self->cluster));
  update_actions (self);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *text = field->func (self, cluster);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (field->value)), text) != 0)
        gtk_label_set_label (GTK_LABEL (field->value), text);
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "cluster");
}

/* Actions: what the cluster allows now, and the selected endpoint's. */

static RdsDbClusterEndpoint *
selected_custom_endpoint (RdsClusterPage *self)
{
  RdsDbClusterEndpoint *endpoint = gtk_single_selection_get_selected_item (self->endpoints_selection);

  return endpoint != NULL && g_strcmp0 (rds_db_cluster_endpoint_get_endpoint_type (endpoint), "CUSTOM") == 0
         ? endpoint : NULL;
}

static void
update_actions (RdsClusterPage *self)
{
  static const struct { const char *name; RdsClusterAction action; } actions[] = {
    { "cluster.add-reader", RDS_CLUSTER_ACTION_ADD_READER },
    { "cluster.failover", RDS_CLUSTER_ACTION_FAILOVER },
    { "cluster.stop", RDS_CLUSTER_ACTION_STOP },
    { "cluster.start", RDS_CLUSTER_ACTION_START },
    { "cluster.take-snapshot", RDS_CLUSTER_ACTION_TAKE_SNAPSHOT },
    { "cluster.delete", RDS_CLUSTER_ACTION_DELETE },
    { "cluster.create-endpoint", RDS_CLUSTER_ACTION_CREATE_ENDPOINT },
    { "cluster.modify", RDS_CLUSTER_ACTION_MODIFY },
    { "cluster.restore", RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME },
  };
  RdsDbClusterEndpoint *endpoint = selected_custom_endpoint (self);
  gboolean endpoint_available = endpoint != NULL &&
                                g_strcmp0 (rds_db_cluster_endpoint_get_status (endpoint), "available") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i].name,
                                   self->cluster != NULL && rds_db_cluster_allows (self->cluster, actions[i].action));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cluster.modify-endpoint", endpoint_available);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cluster.delete-endpoint", endpoint_available);
}

static void
present (RdsClusterPage  *self,
         RdsActionDialog *dialog)
{
  rds_widget_present_over (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
cluster_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (widget);
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  static const struct { const char *name; RdsClusterAction action; } actions[] = {
    { "cluster.add-reader", RDS_CLUSTER_ACTION_ADD_READER },
    { "cluster.failover", RDS_CLUSTER_ACTION_FAILOVER },
    { "cluster.stop", RDS_CLUSTER_ACTION_STOP },
    { "cluster.start", RDS_CLUSTER_ACTION_START },
    { "cluster.take-snapshot", RDS_CLUSTER_ACTION_TAKE_SNAPSHOT },
    { "cluster.delete", RDS_CLUSTER_ACTION_DELETE },
    { "cluster.modify", RDS_CLUSTER_ACTION_MODIFY },
    { "cluster.restore", RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME },
  };

  if (session == NULL || self->cluster == NULL)
    return;
  if (g_str_equal (action_name, "cluster.create-endpoint"))
    {
      present (self, rds_cluster_endpoint_dialog_new (session, self->cluster, NULL, FALSE));
      return;
    }
  if (g_str_equal (action_name, "cluster.modify-endpoint") || g_str_equal (action_name, "cluster.delete-endpoint"))
    {
      RdsDbClusterEndpoint *endpoint = selected_custom_endpoint (self);

      if (endpoint != NULL)
        present (self, rds_cluster_endpoint_dialog_new (session, self->cluster, endpoint,
                                                        g_str_equal (action_name, "cluster.delete-endpoint")));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action_name, actions[i].name))
      present (self, rds_cluster_action_dialog_new (session, self->cluster, actions[i].action));
}

/* The simulator's picture of the volume: only a simulator can tell it. */
static void
update_volume (RdsClusterPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  gboolean simulator = session != NULL && rds_session_is_simulator (session);

  adw_view_stack_page_set_visible (self->volume_tab, simulator);
  rds_cluster_volume_view_set_cluster (self->volume_view, simulator ? session : NULL, self->identifier);
  rds_fault_panel_set_session (self->fault_panel, session);
}

static void
set_cluster (RdsClusterPage *self,
             RdsDbCluster   *cluster)
{
  if (g_set_object (&self->cluster, cluster))
    {
      g_signal_group_set_target (self->cluster_signals, cluster);
      rds_fault_panel_set_cluster (self->fault_panel, cluster);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER]);
    }
  update_members (self);
  update (self);
}

static void
find_cluster (RdsClusterPage *self)
{
  RdsResourceList *list = rds_page_get_list (RDS_PAGE (self));
  RdsDbCluster *cluster = NULL;

  if (list != NULL && self->identifier != NULL)
    cluster = rds_resource_list_find (list, self->identifier);

  /* Before the first answer, an unknown cluster is not yet gone. */
  if (cluster == NULL && list != NULL && !rds_resource_list_get_loaded (list))
    {
      update (self);
      return;
    }

  set_cluster (self, cluster);
}

/* The clusters were listed again (a poll, Refresh): the cluster as it is
 * now, or gone. */
static void
refreshed_cb (RdsClusterPage *self)
{
  find_cluster (self);
  update_metrics_source (self);
  /* The picture in step with the lists: after a change, at once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->volume_view)))
    rds_cluster_volume_view_refresh (self->volume_view);
}

static void
cluster_changed_cb (RdsClusterPage *self)
{
  update_members (self);
  update (self);
}

/* The session's other lists, held while the page shows (a list held
 * again after a while is refreshed), and fed into the tables. */
static void
hold_lists (RdsClusterPage *self,
            gboolean        hold)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));

  g_clear_object (&self->instances_held);
  g_clear_object (&self->endpoints_held);
  g_clear_object (&self->snapshots_held);
  g_clear_object (&self->events_held);
  if (!hold || session == NULL)
    return;

  self->instances_held = g_object_ref (rds_session_get_instances (session));
  self->endpoints_held = g_object_ref (rds_session_get_list (session, "DescribeDBClusterEndpoints"));
  self->snapshots_held = g_object_ref (rds_session_get_list (session, "DescribeDBClusterSnapshots"));
  self->events_held = g_object_ref (rds_session_get_events (session));
}

static GListModel *
model_of (RdsSession *session,
          const char *action)
{
  return session != NULL ? rds_resource_list_get_model (rds_session_get_list (session, action)) : NULL;
}

/* GObject */

static void
rds_cluster_page_dispose (GObject *object)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (object);

  /* The filter and the sorter call back into the page: the tables let go
   * of their rows first. */
  if (self->instances_filtered != NULL)
    gtk_filter_list_model_set_model (self->instances_filtered, NULL);
  if (self->endpoints_filtered != NULL)
    gtk_filter_list_model_set_model (self->endpoints_filtered, NULL);
  if (self->snapshots_filtered != NULL)
    gtk_filter_list_model_set_model (self->snapshots_filtered, NULL);
  if (self->events != NULL)
    gtk_filter_list_model_set_model (self->events, NULL);
  hold_lists (self, FALSE);
  g_clear_object (&self->cluster_signals);
  g_clear_object (&self->cluster);
  g_clear_object (&self->tags);
  g_clear_object (&self->events_sorted);
  g_clear_object (&self->events);
  g_clear_object (&self->events_filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_CLUSTER_PAGE);

  G_OBJECT_CLASS (rds_cluster_page_parent_class)->dispose (object);
}

static void
rds_cluster_page_finalize (GObject *object)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (object);

  g_clear_pointer (&self->fields, g_array_unref);
  g_free (self->identifier);
  g_free (self->writer);
  g_free (self->metrics_source);
  g_strfreev (self->members);

  G_OBJECT_CLASS (rds_cluster_page_parent_class)->finalize (object);
}

static void
rds_cluster_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;
    case PROP_CLUSTER:
      g_value_set_object (value, self->cluster);
      break;
    case PROP_WRITER:
      g_value_set_string (value, self->writer);
      break;
    case PROP_MEMBERS:
      g_value_set_boxed (value, self->members);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_cluster_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      rds_cluster_page_set_identifier (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_cluster_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rds_cluster_page_parent_class)->map (widget);

  hold_lists (RDS_CLUSTER_PAGE (widget), TRUE);
}

static void
rds_cluster_page_unmap (GtkWidget *widget)
{
  hold_lists (RDS_CLUSTER_PAGE (widget), FALSE);

  GTK_WIDGET_CLASS (rds_cluster_page_parent_class)->unmap (widget);
}

static RdsResourceList *
rds_cluster_page_get_list (RdsPage    *page,
                           RdsSession *session)
{
  return rds_session_get_clusters (session);
}

static gboolean
list_settling (RdsResourceList *list)
{
  return list != NULL && (!rds_resource_list_get_loaded (list) || rds_resource_list_get_loading (list));
}

/* Its tables' lists too: a screenshot waits for them. */
static gboolean
rds_cluster_page_is_loading (RdsPage *page)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (page);

  /* The volume's picture, once the simulator told it. */
  if (self->cluster != NULL && adw_view_stack_page_get_visible (self->volume_tab) &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->tabs), "volume") == 0 &&
      (rds_cluster_volume_view_is_loading (self->volume_view) || rds_fault_panel_is_loading (self->fault_panel)))
    return TRUE;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->tabs), "monitoring") == 0 &&
      rds_metrics_view_is_loading (self->metrics_view))
    return TRUE;
  return list_settling (self->instances_held) || list_settling (self->endpoints_held) ||
         list_settling (self->snapshots_held) || list_settling (self->events_held);
}

static void
rds_cluster_page_session_changed (RdsPage *page)
{
  RdsClusterPage *self = RDS_CLUSTER_PAGE (page);
  RdsSession *session = rds_page_get_session (page);

  gtk_filter_list_model_set_model (self->instances_filtered, model_of (session, "DescribeDBInstances"));
  gtk_filter_list_model_set_model (self->endpoints_filtered, model_of (session, "DescribeDBClusterEndpoints"));
  gtk_filter_list_model_set_model (self->snapshots_filtered, model_of (session, "DescribeDBClusterSnapshots"));
  gtk_filter_list_model_set_model (self->events,
                                   session != NULL ? rds_resource_list_get_model (rds_session_get_events (session))
                                                   : NULL);
  rds_metrics_view_set_session (self->metrics_view, session);
  hold_lists (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
  /* Another endpoint: what was shown of the last one's cluster goes. */
  set_cluster (self, NULL);
  find_cluster (self);
  update_volume (self);
}

static void
rds_cluster_page_class_init (RdsClusterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_cluster_page_dispose;
  object_class->finalize = rds_cluster_page_finalize;
  object_class->get_property = rds_cluster_page_get_property;
  object_class->set_property = rds_cluster_page_set_property;
  widget_class->map = rds_cluster_page_map;
  widget_class->unmap = rds_cluster_page_unmap;
  page_class->get_list = rds_cluster_page_get_list;
  page_class->session_changed = rds_cluster_page_session_changed;
  page_class->is_loading = rds_cluster_page_is_loading;

  properties[PROP_IDENTIFIER] =
    g_param_spec_string ("identifier", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLUSTER] =
    g_param_spec_object ("cluster", NULL, NULL, RDS_TYPE_DB_CLUSTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the tables' cells watch: the writer's identifier, and the
   * identifiers of every member. */
  properties[PROP_WRITER] =
    g_param_spec_string ("writer", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's rows name these types. */
  g_type_ensure (RDS_TYPE_DB_INSTANCE);
  g_type_ensure (RDS_TYPE_DB_CLUSTER_ENDPOINT);
  g_type_ensure (RDS_TYPE_DB_CLUSTER_SNAPSHOT);
  g_type_ensure (RDS_TYPE_HEADING);
  g_type_ensure (RDS_TYPE_LINK_BUTTON);
  g_type_ensure (RDS_TYPE_STATUS_BADGE);
  g_type_ensure (RDS_TYPE_CLUSTER_VOLUME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-cluster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, gone_page);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, instances_heading);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, instances_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, tier_column);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, tabs);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_heading);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoint_type_column);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoint_port_column);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoint_reaches_column);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, connectivity_box);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, configuration_box);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, maintenance_box);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, snapshots_heading);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, snapshots_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, tags_heading);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, tags_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, tags_list);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, instances_filtered);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, instances_sorted);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, instances_filter);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, instances_sorter);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_filtered);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_sorted);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_filter);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_sorter);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, snapshots_filtered);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, snapshots_sorted);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, snapshots_filter);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, endpoints_selection);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, volume_tab);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, volume_view);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, monitoring_box);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, volume_box);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, metrics_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, metrics_sources);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, events_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsClusterPage, events_list);

  {
    const char *names[] = {
      "cluster.add-reader", "cluster.failover", "cluster.stop", "cluster.start", "cluster.take-snapshot",
      "cluster.delete", "cluster.create-endpoint", "cluster.modify-endpoint", "cluster.delete-endpoint",
      "cluster.modify", "cluster.restore",
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      gtk_widget_class_install_action (widget_class, names[i], NULL, cluster_action);
  }
  /* Not touched here: the tests read the tables as shown. */
  gtk_widget_class_bind_template_child_full (widget_class, "instances_view", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "endpoints_view", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "snapshots_view", FALSE, 0);
}

static void
rds_cluster_page_init (RdsClusterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  build_summary (self);
  build_sections (self, self->connectivity_box, connectivity_fields, G_N_ELEMENTS (connectivity_fields));
  build_sections (self, self->configuration_box, configuration_fields, G_N_ELEMENTS (configuration_fields));
  build_sections (self, self->maintenance_box, maintenance_fields, G_N_ELEMENTS (maintenance_fields));
  build_columns (self);

  gtk_custom_filter_set_filter_func (self->instances_filter, is_member, self, NULL);
  gtk_custom_sorter_set_sort_func (self->instances_sorter, compare_instances, self, NULL);
  gtk_custom_sorter_set_sort_func (self->endpoints_sorter, compare_endpoints, NULL, NULL);
  gtk_string_filter_set_search (self->endpoints_filter, MATCH_NOTHING);
  gtk_string_filter_set_search (self->snapshots_filter, MATCH_NOTHING);
  g_signal_connect_swapped (self->endpoints_sorted, "items-changed", G_CALLBACK (update_tables), self);
  g_signal_connect_swapped (self->snapshots_sorted, "items-changed", G_CALLBACK (update_tables), self);
  g_signal_connect_swapped (self->endpoints_selection, "notify::selected-item", G_CALLBACK (update_actions), self);

  self->fault_panel = RDS_FAULT_PANEL (rds_fault_panel_new ());
  gtk_box_append (GTK_BOX (self->volume_box), GTK_WIDGET (self->fault_panel));
  self->metrics_view = RDS_METRICS_VIEW (rds_metrics_view_new ());
  gtk_box_append (GTK_BOX (self->monitoring_box), GTK_WIDGET (self->metrics_view));
  g_signal_connect_swapped (self->metrics_dropdown, "notify::selected", G_CALLBACK (metrics_selected_cb), self);

  self->events_filter = gtk_custom_filter_new (is_own_event, self, NULL);
  self->events = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->events_filter)));
  {
    GtkNumericSorter *sorter = gtk_numeric_sorter_new (rds_date_expression_new (RDS_TYPE_EVENT, "date"));

    gtk_numeric_sorter_set_sort_order (sorter, GTK_SORT_DESCENDING);
    self->events_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->events)), GTK_SORTER (sorter));
  }
  gtk_list_box_bind_model (GTK_LIST_BOX (self->events_list), G_LIST_MODEL (self->events_sorted),
                           (GtkListBoxCreateWidgetFunc) rds_event_row_new, NULL, NULL);
  g_signal_connect_swapped (self->events_sorted, "items-changed", G_CALLBACK (events_changed_cb), self);

  self->tags = g_list_store_new (RDS_TYPE_SHAPE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->tags_list), G_LIST_MODEL (self->tags), rds_tag_row_new, NULL, NULL);

  self->cluster_signals = g_signal_group_new (RDS_TYPE_DB_CLUSTER);
  g_signal_group_connect_swapped (self->cluster_signals, "notify", G_CALLBACK (cluster_changed_cb), self);
  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "refreshed",
                                  G_CALLBACK (refreshed_cb), self);

  update (self);
}

/**
 * rds_cluster_page_get_copies_up:
 *
 * Returns: how many of the volume's six copies the picture shows up (0
 *   before the simulator told it)
 */
guint
rds_cluster_page_get_copies_up (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), 0);

  return rds_cluster_volume_view_get_copies_up (self->volume_view);
}

const char *
rds_cluster_page_get_identifier (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return self->identifier;
}

void
rds_cluster_page_set_identifier (RdsClusterPage *self,
                                 const char     *identifier)
{
  g_return_if_fail (RDS_IS_CLUSTER_PAGE (self));

  if (g_strcmp0 (self->identifier, identifier) == 0)
    return;

  g_free (self->identifier);
  self->identifier = g_strdup (identifier);
  gtk_string_filter_set_search (self->endpoints_filter, identifier != NULL ? identifier : MATCH_NOTHING);
  gtk_string_filter_set_search (self->snapshots_filter, identifier != NULL ? identifier : MATCH_NOTHING);
  gtk_filter_changed (GTK_FILTER (self->events_filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_clear_pointer (&self->metrics_source, g_free);
  self->listing_sources = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->metrics_dropdown), 0);
  self->listing_sources = FALSE;
  adw_view_stack_set_visible_child_name (self->tabs, "connectivity");
  set_cluster (self, NULL);
  find_cluster (self);
  update_volume (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIER]);
}

/**
 * rds_cluster_page_get_cluster:
 *
 * Returns: (transfer none) (nullable): the cluster shown
 */
RdsDbCluster *
rds_cluster_page_get_cluster (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return self->cluster;
}

/**
 * rds_cluster_page_get_writer:
 *
 * Returns: (nullable): the identifier of the cluster's writer instance
 */
const char *
rds_cluster_page_get_writer (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return self->writer;
}

/**
 * rds_cluster_page_get_members:
 *
 * Returns: (nullable) (transfer none): the identifiers of the cluster's
 *   DB instances, as its DBClusterMembers list them
 */
const char * const *
rds_cluster_page_get_members (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return (const char * const *) self->members;
}

/**
 * rds_cluster_page_get_instances:
 *
 * Returns: (transfer none): the RdsDbInstances the instances table shows,
 *   in its order
 */
GListModel *
rds_cluster_page_get_instances (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return G_LIST_MODEL (self->instances_sorted);
}

/**
 * rds_cluster_page_get_endpoints:
 *
 * Returns: (transfer none): the RdsDbClusterEndpoints the endpoints table
 *   shows, in its order
 */
GListModel *
rds_cluster_page_get_endpoints (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return G_LIST_MODEL (self->endpoints_sorted);
}

/**
 * rds_cluster_page_get_snapshots:
 *
 * Returns: (transfer none): the RdsDbClusterSnapshots the snapshots table
 *   shows, newest first
 */
GListModel *
rds_cluster_page_get_snapshots (RdsClusterPage *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_PAGE (self), NULL);

  return G_LIST_MODEL (self->snapshots_sorted);
}

/**
 * rds_cluster_page_show_tab:
 * @tab: "connectivity", "configuration", "maintenance" or "tags"
 *
 * Shows one of the detail tabs, as clicking it does.
 */
void
rds_cluster_page_show_tab (RdsClusterPage *self,
                           const char     *tab)
{
  g_return_if_fail (RDS_IS_CLUSTER_PAGE (self));
  g_return_if_fail (adw_view_stack_get_child_by_name (self->tabs, tab) != NULL);

  adw_view_stack_set_visible_child_name (self->tabs, tab);
}
