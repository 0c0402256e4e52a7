/* test-cluster-page.c: an Aurora DB cluster's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An Aurora MySQL cluster with a writer and a reader, made through the
 * API, opened with win.open-cluster: what its page says while it is made
 * and once available, its instances (writer first, each a link to its
 * page), its endpoints and the instances each reaches (a custom one
 * among them), its configuration, its snapshots, and that the cluster is
 * not found once it and its instances are deleted. And the keyboard goes
 * round the page.
 */

#include "config.h"

#include "console-test.h"
#include "rds-cluster-page.h"
#include "rds-cluster-volume-view.h"
#include "rds-action-dialog.h"
#include "rds-db-cluster-endpoint.h"
#include "rds-db-cluster-snapshot.h"
#include "rds-event-row.h"
#include "rds-fault-panel.h"
#include "rds-metrics-view.h"

#define CLUSTER "orders-aurora"
#define WRITER "orders-aurora-1"
#define READER "orders-aurora-2"
#define CUSTOM "orders-reporting"
#define SNAPSHOT "orders-aurora-monday"

static RdsClusterPage *
cluster_page (Fixture *f)
{
  return RDS_CLUSTER_PAGE (rds_window_get_page_widget (f->window, "cluster"));
}

static GtkWidget *
template_child (RdsClusterPage *page,
                const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_CLUSTER_PAGE, name));
}

static const char *
stack_page (RdsClusterPage *page,
            const char     *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, stack)));
}

static gboolean
shows (RdsClusterPage *page,
       const char     *text)
{
  return find_widget (GTK_WIDGET (page), is_label_showing, text) != NULL;
}

static gboolean
page_shows (Fixture       *f,
            gconstpointer  data)
{
  return shows (cluster_page (f), data);
}

/* A label that shows text starting with @data. */
static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
is_instance_link (GtkWidget     *widget,
                  gconstpointer  data)
{
  return RDS_IS_LINK_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (rds_link_button_get_target (RDS_LINK_BUTTON (widget)), data) == 0;
}

/* The tables as shown: the labels of one cell of a row. */

static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\t');
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

static char *
cell_text (GtkWidget *row,
           guint      n)
{
  GString *text = g_string_new (NULL);
  guint i = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    if (g_str_equal (gtk_widget_get_css_name (cell), "cell") && i++ == n)
      {
        append_labels (cell, text);
        break;
      }
  return g_string_free (text, FALSE);
}

/* The row of the table whose first cell shows @first. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *first)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (g_str_equal (gtk_widget_get_css_name (widget), "row") && parent != NULL &&
      g_str_equal (gtk_widget_get_css_name (parent), "listview"))
    {
      g_autofree char *text = gtk_widget_get_visible (widget) ? cell_text (widget, 0) : NULL;

      return g_strcmp0 (text, first) == 0 ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, first);

      if (row != NULL)
        return row;
    }
  return NULL;
}

typedef struct
{
  const char *table;     /* the template's column view */
  const char *first;     /* what the row's first cell shows */
  const char *column;    /* the title of the column */
  const char *wanted;
} Cell;

static char *
table_cell (Fixture    *f,
            const Cell *cell)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (template_child (cluster_page (f), cell->table));
  GListModel *columns = gtk_column_view_get_columns (table);
  GtkWidget *row = find_row (GTK_WIDGET (table), cell->first);

  for (guint i = 0; row != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) each = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (each), cell->column) == 0)
        return cell_text (row, i);
    }
  return NULL;
}

static gboolean
cell_shows (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = table_cell (f, data);

  if (g_strcmp0 (text, ((const Cell *) data)->wanted) == 0)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static void
assert_cell (Fixture    *f,
             const char *table,
             const char *first,
             const char *column,
             const char *wanted)
{
  Cell cell = { table, first, column, wanted };

  if (!spin_until (f, cell_shows, &cell))
    {
      g_autofree char *text = table_cell (f, &cell);

      g_error ("%s shows “%s” as %s of %s, not “%s”", table, text != NULL ? text : "no row", column, first,
               wanted);
    }
}

/* Waiting for the cluster and its lists */

static gboolean
cluster_is (Fixture       *f,
            gconstpointer  data)
{
  RdsDbCluster *cluster = rds_cluster_page_get_cluster (cluster_page (f));

  if (cluster != NULL && g_strcmp0 (rds_db_cluster_get_status (cluster), data) == 0)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
page_says_gone (Fixture       *f,
                gconstpointer  data)
{
  if (g_strcmp0 (stack_page (cluster_page (f), "stack"), "gone") == 0)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

/* The endpoints table lists @data, available. */
static gboolean
endpoint_available (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *endpoints = rds_cluster_page_get_endpoints (cluster_page (f));

  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(RdsDbClusterEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      if (g_strcmp0 (rds_db_cluster_endpoint_get_identifier (endpoint), data) == 0 &&
          g_strcmp0 (rds_db_cluster_endpoint_get_status (endpoint), "available") == 0)
        return TRUE;
    }
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
lists_snapshot (Fixture       *f,
                gconstpointer  data)
{
  GListModel *snapshots = rds_cluster_page_get_snapshots (cluster_page (f));

  for (guint i = 0; i < g_list_model_get_n_items (snapshots); i++)
    {
      g_autoptr(RdsDbClusterSnapshot) snapshot = g_list_model_get_item (snapshots, i);

      if (g_strcmp0 (rds_db_cluster_snapshot_get_identifier (snapshot), data) == 0)
        return TRUE;
    }
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
instances_listed (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *instances = rds_cluster_page_get_instances (cluster_page (f));

  if (g_list_model_get_n_items (instances) == GPOINTER_TO_UINT (data))
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static const char *
instance_at (RdsClusterPage *page,
             guint           position)
{
  g_autoptr(RdsDbInstance) instance = g_list_model_get_item (rds_cluster_page_get_instances (page), position);

  /* The session's list keeps it. */
  return instance != NULL ? rds_db_instance_get_identifier (instance) : NULL;
}

static void
show_tab (Fixture        *f,
          RdsClusterPage *page,
          const char     *tab)
{
  rds_cluster_page_show_tab (page, tab);
  wait_for_frames (f, GTK_WIDGET (page));
}

/* Making the cluster */

static void
create_cluster (Fixture    *f,
                const char *identifier)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBCluster");

  rds_request_set (request, "DBClusterIdentifier", identifier);
  rds_request_set (request, "Engine", "aurora-mysql");
  rds_request_set (request, "MasterUsername", "dbadmin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  call (f, request);
}

static void
add_instance (Fixture    *f,
              const char *cluster,
              const char *identifier)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set (request, "DBClusterIdentifier", cluster);
  rds_request_set (request, "Engine", "aurora-mysql");
  rds_request_set (request, "DBInstanceClass", "db.r6g.large");
  call (f, request);
}

static void
delete_instance (Fixture    *f,
                 const char *identifier)
{
  g_autoptr(RdsRequest) request = rds_request_new ("DeleteDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  call (f, request);
}

static void
cluster_page_case (Fixture *f)
{
  g_autoptr(RdsRequest) endpoint_request = rds_request_new ("CreateDBClusterEndpoint");
  g_autoptr(RdsRequest) snapshot_request = rds_request_new ("CreateDBClusterSnapshot");
  g_autoptr(RdsRequest) delete_request = rds_request_new ("DeleteDBCluster");
  g_autofree char *engine = rds_format_engine (NULL, "aurora-mysql");
  RdsClusterPage *page;
  RdsDbCluster *cluster;
  GtkWidget *link;
  const char *description;

  create_cluster (f, CLUSTER);
  add_instance (f, CLUSTER, WRITER);
  add_instance (f, CLUSTER, READER);

  /* Opened while it is made: the page follows it from the start. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", CLUSTER));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "cluster");
  page = cluster_page (f);
  g_assert_cmpstr (rds_cluster_page_get_identifier (page), ==, CLUSTER);
  g_assert_true (spin_until (f, cluster_is, "creating"));
  g_assert_cmpstr (stack_page (page, "stack"), ==, "cluster");
  wait_for_frames (f, GTK_WIDGET (page));
  g_assert_true (shows (page, CLUSTER));
  g_assert_true (shows (page, "Creating"));

  /* Available, with its two instances. */
  for (guint minutes = 0; minutes < 15; minutes += 5)
    advance (f, 300);
  advance_until (f, WRITER, "available");
  advance_until (f, READER, "available");
  g_assert_true (spin_until (f, cluster_is, "available"));
  cluster = rds_cluster_page_get_cluster (page);
  g_assert_nonnull (cluster);
  g_assert_cmpstr (rds_cluster_page_get_writer (page), ==, WRITER);
  wait_for_frames (f, GTK_WIDGET (page));

  /* The summary. */
  g_assert_true (shows (page, "Available"));
  g_assert_true (shows (page, "Regional cluster"));
  g_assert_true (shows (page, engine));
  g_assert_true (shows (page, "2 instances"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_starting, "us-east-1 (us-east-1"));

  /* The instances: the writer first, each with its role. */
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (2)));
  g_assert_cmpstr (instance_at (page, 0), ==, WRITER);
  g_assert_cmpstr (instance_at (page, 1), ==, READER);
  g_assert_true (shows (page, "DB instances (2)"));
  assert_cell (f, "instances_view", WRITER, "Role", "Writer instance");
  assert_cell (f, "instances_view", READER, "Role", "Reader instance");
  assert_cell (f, "instances_view", WRITER, "Status", "Available");
  assert_cell (f, "instances_view", READER, "Size", "db.r6g.large");
  assert_no_focusable_labels (GTK_WIDGET (page));
  screenshot (f, GTK_WIDGET (f->window), "page-cluster");

  /* An instance's name opens its page; Back returns to the cluster. */
  link = find_widget (GTK_WIDGET (page), is_instance_link, READER);
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
  g_assert_cmpstr (rds_database_page_get_identifier (RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window,
                                                                                                     "database"))),
                   ==, READER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", CLUSTER));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "cluster");

  /* Its endpoints: its own two, and a custom one that reaches the reader
   * alone, once it is available. */
  rds_request_set (endpoint_request, "DBClusterIdentifier", CLUSTER);
  rds_request_set (endpoint_request, "DBClusterEndpointIdentifier", CUSTOM);
  rds_request_set (endpoint_request, "EndpointType", "ANY");
  rds_request_set (endpoint_request, "StaticMembers.member.1", READER);
  call (f, endpoint_request);
  advance (f, 180);
  show_tab (f, page, "connectivity");
  g_assert_true (spin_until (f, endpoint_available, CUSTOM));
  wait_for_frames (f, GTK_WIDGET (page));
  g_assert_cmpuint (g_list_model_get_n_items (rds_cluster_page_get_endpoints (page)), ==, 3);
  g_assert_true (shows (page, "Endpoints (3)"));
  {
    const char *writer_endpoint = rds_shape_get_string (RDS_SHAPE (cluster), "endpoint");
    const char *reader_endpoint = rds_shape_get_string (RDS_SHAPE (cluster), "reader-endpoint");
    g_autoptr(RdsDbClusterEndpoint) custom = g_list_model_get_item (rds_cluster_page_get_endpoints (page), 2);
    const char *custom_endpoint = rds_db_cluster_endpoint_get_address (custom);
    g_autofree char *port = g_strdup_printf ("%d", rds_shape_get_int (RDS_SHAPE (cluster), "port"));

    g_assert_nonnull (writer_endpoint);
    g_assert_nonnull (reader_endpoint);
    g_assert_true (g_str_has_prefix (custom_endpoint, CUSTOM ".cluster-custom-"));
    assert_cell (f, "endpoints_view", writer_endpoint, "Type", "Writer");
    assert_cell (f, "endpoints_view", reader_endpoint, "Type", "Reader");
    assert_cell (f, "endpoints_view", custom_endpoint, "Type", "Custom");
    assert_cell (f, "endpoints_view", writer_endpoint, "Instances reached", WRITER);
    assert_cell (f, "endpoints_view", reader_endpoint, "Instances reached", READER);
    assert_cell (f, "endpoints_view", custom_endpoint, "Instances reached", READER);
    assert_cell (f, "endpoints_view", custom_endpoint, "Status", "Available");
    assert_cell (f, "endpoints_view", writer_endpoint, "Port", port);
  }
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-connectivity");

  /* Configuration: Aurora Standard storage, the cluster's ARN. */
  show_tab (f, page, "configuration");
  g_assert_true (shows (page, "Aurora Standard"));
  g_assert_true (shows (page, rds_db_cluster_get_arn (cluster)));
  g_assert_true (shows (page, "dbadmin"));
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-configuration");

  /* Maintenance & backups: a manual snapshot of the cluster is listed. */
  rds_request_set (snapshot_request, "DBClusterIdentifier", CLUSTER);
  rds_request_set (snapshot_request, "DBClusterSnapshotIdentifier", SNAPSHOT);
  call (f, snapshot_request);
  show_tab (f, page, "maintenance");
  g_assert_true (spin_until (f, lists_snapshot, SNAPSHOT));
  wait_for_frames (f, GTK_WIDGET (page));
  assert_cell (f, "snapshots_view", SNAPSHOT, "Snapshot type", "Manual");
  g_assert_true (shows (page, "None"));
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-maintenance");

  /* A change left for the maintenance window (from the AWS CLI, say)
   * shows as pending until the window. */
  {
    g_autoptr(RdsRequest) request = rds_request_new ("ModifyDBCluster");

    rds_request_set (request, "DBClusterIdentifier", CLUSTER);
    rds_request_set (request, "EnableIAMDatabaseAuthentication", "true");
    call (f, request);
  }
  advance (f, 1);
  g_assert_true (spin_until (f, page_shows, "IAM DB authentication: Yes"));
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (rds_cluster_page_get_cluster (page)),
                                         "iam-database-authentication-enabled"));

  show_tab (f, page, "tags");
  g_assert_true (shows (page, "Tags (0)"));
  g_assert_cmpstr (stack_page (page, "tags_stack"), ==, "empty");

  /* Its instances deleted, then the cluster: the page says it is gone. */
  delete_instance (f, READER);
  delete_instance (f, WRITER);
  for (guint minutes = 0; minutes < 60 && (find_instance (f, READER) != NULL || find_instance (f, WRITER) != NULL);
       minutes += 5)
    advance (f, 300);
  wait_for_status (f, READER, NULL);
  wait_for_status (f, WRITER, NULL);
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (0)));
  rds_request_set (delete_request, "DBClusterIdentifier", CLUSTER);
  rds_request_set (delete_request, "SkipFinalSnapshot", "true");
  call (f, delete_request);
  for (guint minutes = 0; minutes < 20; minutes += 5)
    advance (f, 300);
  g_assert_true (spin_until (f, page_says_gone, NULL));
  g_assert_null (rds_cluster_page_get_cluster (page));
  description = adw_status_page_get_description (ADW_STATUS_PAGE (template_child (page, "gone_page")));
  g_assert_nonnull (strstr (description, "“" CLUSTER "”"));
  wait_for_frames (f, GTK_WIDGET (page));
  g_assert_true (shows (page, "Cluster Not Found"));
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-gone");
}

/* A cluster never made is not found, once the Region's clusters are
 * known. */
static void
unknown (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", "nowhere"));
  g_assert_true (spin_until (f, page_says_gone, NULL));
  wait_for_frames (f, GTK_WIDGET (cluster_page (f)));
  g_assert_true (shows (cluster_page (f), "Cluster Not Found"));

  /* Back: where it was opened from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), !=, "cluster");
}

/* The keyboard goes round a cluster's page and back. */
static void
keyboard (Fixture *f)
{
  create_cluster (f, "ledger-aurora");
  add_instance (f, "ledger-aurora", "ledger-aurora-1");
  for (guint minutes = 0; minutes < 15; minutes += 5)
    advance (f, 300);
  advance_until (f, "ledger-aurora-1", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", "ledger-aurora"));
  g_assert_true (spin_until (f, cluster_is, "available"));
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (1)));
  wait_for_frames (f, GTK_WIDGET (f->window));
  assert_focus_cycles (f);
}

/* Made, shown a moment in a window, and gone: nothing keeps it. */
static void
test_new_destroy (void)
{
  GtkWidget *page = g_object_new (RDS_TYPE_CLUSTER_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();

  g_object_ref_sink (page);
  rds_cluster_page_set_identifier (RDS_CLUSTER_PAGE (page), CLUSTER);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Without a session, nothing is known of it yet. */
  g_assert_null (rds_cluster_page_get_cluster (RDS_CLUSTER_PAGE (page)));
  g_assert_true (rds_cluster_page_get_members (RDS_CLUSTER_PAGE (page)) == NULL ||
                 rds_cluster_page_get_members (RDS_CLUSTER_PAGE (page))[0] == NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* "identifier" notifies once per change, never for the same value. */
static void
test_notify (void)
{
  RdsClusterPage *page = g_object_ref_sink (g_object_new (RDS_TYPE_CLUSTER_PAGE, NULL));
  guint count = 0;

  g_signal_connect (page, "notify::identifier", G_CALLBACK (count_cb), &count);
  rds_cluster_page_set_identifier (page, CLUSTER);
  g_assert_cmpuint (count, ==, 1);
  rds_cluster_page_set_identifier (page, CLUSTER);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (page, "identifier", "ledger-aurora", NULL);
  g_assert_cmpuint (count, ==, 2);
  rds_cluster_page_set_identifier (page, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_finalize_object (page);
}

/* Actions, custom endpoints and the volume */

static gboolean
is_fault_panel (GtkWidget     *widget,
                gconstpointer  data)
{
  return RDS_IS_FAULT_PANEL (widget);
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* A button of the volume tab's fault panel, by what a screen reader
 * calls it: "Availability Zone us-east-1a: Take down". */
static gboolean
is_named_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "accessible-name"), data) == 0;
}

static gboolean
fault_button_shown (Fixture       *f,
                    gconstpointer  data)
{
  return find_widget (GTK_WIDGET (cluster_page (f)), is_named_button, data) != NULL;
}

static void
click_fault (Fixture    *f,
             const char *name)
{
  GtkWidget *button;

  if (!spin_until (f, fault_button_shown, name))
    g_error ("the fault panel has no button “%s”", name);
  button = find_widget (GTK_WIDGET (cluster_page (f)), is_named_button, name);
  g_signal_emit_by_name (button, "clicked");
}

/* The subtitle of the fault panel's row titled @title. */
static const char *
fault_consequence (Fixture    *f,
                   const char *title)
{
  GtkWidget *panel = find_widget (GTK_WIDGET (cluster_page (f)), is_fault_panel, NULL);
  GtkWidget *row = panel != NULL ? find_widget (panel, is_action_row_titled, title) : NULL;

  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

static gboolean
volume_says (Fixture       *f,
             gconstpointer  data)
{
  RdsClusterVolumeView *view = RDS_CLUSTER_VOLUME_VIEW (template_child (cluster_page (f), "volume_view"));
  g_autofree char *text = rds_cluster_volume_view_describe (view);

  if (strstr (text, data) != NULL)
    return TRUE;
  rds_cluster_volume_view_refresh (view);
  return FALSE;
}

static void
assert_volume_says (Fixture    *f,
                    const char *wanted)
{
  if (!spin_until (f, volume_says, wanted))
    {
      g_autofree char *text = rds_cluster_volume_view_describe (RDS_CLUSTER_VOLUME_VIEW (
        template_child (cluster_page (f), "volume_view")));

      g_error ("the volume view says “%s”, not “%s”", text, wanted);
    }
}

static gboolean
writer_is (Fixture       *f,
           gconstpointer  data)
{
  RdsDbCluster *cluster = rds_cluster_page_get_cluster (cluster_page (f));

  if (cluster != NULL && g_strcmp0 (rds_db_cluster_get_writer (cluster), data) == 0)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL
                           ? gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) : "", data);
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

/* From the page: a custom endpoint of the reader made in the dialog (what
 * it will reach shown before), a failover to the reader, and the volume
 * through a zone's outage: two copies down, writes go on. */
static void
cluster_actions (Fixture *f)
{
  RdsClusterPage *page;
  RdsActionDialog *dialog;
  GtkWidget *check;
  g_autofree char *zone = NULL;

  create_cluster (f, CLUSTER);
  add_instance (f, CLUSTER, WRITER);
  add_instance (f, CLUSTER, READER);
  advance_until (f, WRITER, "available");
  advance_until (f, READER, "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", CLUSTER));
  page = cluster_page (f);
  g_assert_true (spin_until (f, cluster_is, "available"));
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (2)));

  /* Create custom endpoint: the reader only, not future instances. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.create-endpoint", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry, NULL)), CUSTOM);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "_Attach future")), FALSE);
  check = find_widget (GTK_WIDGET (dialog), is_check_button, WRITER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button, READER)), TRUE);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label_showing, "It will reach: " READER));
  screenshot (f, GTK_WIDGET (dialog), "dialog-create-custom-endpoint");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  advance (f, 180);
  g_assert_true (spin_until (f, endpoint_available, CUSTOM));
  show_tab (f, page, "connectivity");
  {
    g_autoptr(RdsDbClusterEndpoint) custom = g_list_model_get_item (rds_cluster_page_get_endpoints (page), 2);

    assert_cell (f, "endpoints_view", rds_db_cluster_endpoint_get_address (custom), "Instances reached", READER);
  }

  /* Failover, to the reader. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.failover", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  screenshot (f, GTK_WIDGET (dialog), "dialog-cluster-failover");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  advance (f, 60);
  g_assert_true (spin_until (f, writer_is, READER));
  assert_cell (f, "instances_view", READER, "Role", "Writer instance");

  /* The volume: six copies; a zone down takes two, writes go on. The
   * fault panel says so before. */
  show_tab (f, page, "volume");
  assert_volume_says (f, "Cluster volume: 6 of 6 copies up.");
  zone = g_strdup (rds_shape_get_strv (RDS_SHAPE (rds_cluster_page_get_cluster (page)), "availability-zones")[0]);
  {
    g_autofree char *title = g_strdup_printf ("Availability Zone %s", zone);
    g_autofree char *take_down = g_strconcat (title, ": Take down", NULL);
    g_autofree char *bring_back = g_strconcat (title, ": Bring back", NULL);

    click_fault (f, take_down);
    assert_volume_says (f, "Cluster volume: 4 of 6 copies up. Writes need 4 copies: they go on.");
    assert_volume_says (f, "down with its zone");
    screenshot (f, GTK_WIDGET (f->window), "page-cluster-volume-zone-down");
    click_fault (f, bring_back);
    assert_volume_says (f, "catching up");
    advance (f, 300);
    assert_volume_says (f, "Cluster volume: 6 of 6 copies up.");
  }

  /* A copy lost: five stay, writes go on, and it is repaired. */
  {
    g_autofree char *title = g_strdup_printf ("A copy of the volume in %s", zone);
    g_autofree char *lose = g_strconcat (title, ": Lose a copy", NULL);

    g_assert_true (spin_until (f, fault_button_shown, lose));
    g_assert_cmpstr (fault_consequence (f, title), ==,
                     "5 of six copies stay up: writes go on (they need four). Aurora repairs it from its peers.");
    click_fault (f, lose);
    assert_volume_says (f, "Cluster volume: 5 of 6 copies up.");
    advance (f, 600);
    assert_volume_says (f, "Cluster volume: 6 of 6 copies up.");
  }
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-volume");
}

static gboolean
retention_is (Fixture       *f,
              gconstpointer  data)
{
  RdsDbCluster *cluster = rds_cluster_page_get_cluster (cluster_page (f));

  if (cluster != NULL && rds_shape_get_int (RDS_SHAPE (cluster), "backup-retention-period") == GPOINTER_TO_INT (data))
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
has_pending (Fixture       *f,
             gconstpointer  data)
{
  RdsDbCluster *cluster = rds_cluster_page_get_cluster (cluster_page (f));

  if (cluster != NULL && rds_shape_get_object (RDS_SHAPE (cluster), "pending-modified-values") != NULL)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
session_has_cluster (Fixture       *f,
                     gconstpointer  data)
{
  if (rds_resource_list_find (rds_session_get_clusters (f->session), data) != NULL)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static GtkWidget *
field_entry (RdsActionDialog *dialog,
             const char      *title)
{
  GtkWidget *entry = find_widget (field_titled (GTK_WIDGET (dialog), title), is_entry, NULL);

  g_assert_nonnull (entry);
  return entry;
}

/* Modify: the backup retention and deletion protection, applied at once.
 * Restore to point in time: a time outside the window is refused next to
 * its field, and the latest restorable time makes a new cluster. */
static void
cluster_modify_restore (Fixture *f)
{
  RdsClusterPage *page;
  RdsActionDialog *dialog;
  GtkWidget *spin, *time_field, *range;
  RdsDbCluster *cluster;

  create_cluster (f, CLUSTER);
  add_instance (f, CLUSTER, WRITER);
  advance_until (f, WRITER, "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", CLUSTER));
  page = cluster_page (f);
  g_assert_true (spin_until (f, cluster_is, "available"));

  /* IAM authentication left for the maintenance window (from the AWS CLI,
   * say): the dialog shows it as it will be, and says it goes now too. */
  {
    g_autoptr(RdsRequest) request = rds_request_new ("ModifyDBCluster");

    rds_request_set (request, "DBClusterIdentifier", CLUSTER);
    rds_request_set (request, "EnableIAMDatabaseAuthentication", "true");
    call (f, request);
  }
  g_assert_true (spin_until (f, has_pending, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.modify", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label_containing, "waiting for its maintenance window"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                                             "IAM database _authentication"))));
  spin = find_widget (field_titled (GTK_WIDGET (dialog), "Backup retention period (days)"), is_spin_button, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 14);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "Enable deletion _protection")), TRUE);
  /* A first Serverless v2 range, asked for. */
  range = field_titled (GTK_WIDGET (dialog), "Capacity range");
  g_assert_false (gtk_widget_get_visible (range));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "Set a _Serverless v2 capacity range")), TRUE);
  g_assert_true (gtk_widget_get_visible (range));
  spin = find_widget (range, is_spin_button, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (spin))), 8);
  screenshot (f, GTK_WIDGET (dialog), "dialog-modify-cluster");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_true (spin_until (f, retention_is, GINT_TO_POINTER (14)));
  cluster = rds_cluster_page_get_cluster (page);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (cluster), "deletion-protection"));
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (cluster), "iam-database-authentication-enabled"));
  g_assert_null (rds_shape_get_object (RDS_SHAPE (cluster), "pending-modified-values"));
  g_assert_cmpfloat (rds_shape_get_double (rds_shape_get_object (RDS_SHAPE (cluster),
                                                                 "serverless-v2-scaling-configuration"),
                                           "max-capacity"), ==, 8);

  /* Restore to point in time. */
  advance (f, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.restore", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_entry (dialog, "DB cluster identifier"))), ==,
                   CLUSTER "-restored");
  time_field = field_titled (GTK_WIDGET (dialog), "Restore time (UTC)");
  g_assert_false (gtk_widget_get_visible (time_field));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "_Latest restorable time")), FALSE);
  g_assert_true (gtk_widget_get_visible (time_field));
  gtk_editable_set_text (GTK_EDITABLE (field_entry (dialog, "Restore time (UTC)")), "yesterday");
  g_assert_cmpstr (rds_form_field_get_error (RDS_FORM_FIELD (time_field)), ==,
                   "Enter a time in UTC as YYYY-MM-DDTHH:MM:SSZ.");
  gtk_editable_set_text (GTK_EDITABLE (field_entry (dialog, "Restore time (UTC)")), "2001-01-01T00:00:00Z");
  g_assert_true (g_str_has_prefix (rds_form_field_get_error (RDS_FORM_FIELD (time_field)),
                                   "That time is outside the restorable window."));
  rds_action_dialog_submit (dialog);
  g_assert_nonnull (action_dialog ());
  /* A second of the window, typed the way people do: sent as the wire has it. */
  {
    gint64 latest = rds_shape_get_timestamp (RDS_SHAPE (rds_cluster_page_get_cluster (page)),
                                             "latest-restorable-time");
    g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (latest / G_USEC_PER_SEC - 120);
    g_autofree char *typed = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");

    gtk_editable_set_text (GTK_EDITABLE (field_entry (dialog, "Restore time (UTC)")), typed);
    g_assert_null (rds_form_field_get_error (RDS_FORM_FIELD (time_field)));
    gtk_editable_set_text (GTK_EDITABLE (field_entry (dialog, "DB cluster identifier")), CLUSTER "-before");
    rds_action_dialog_submit (dialog);
    g_assert_true (spin_until (f, no_action_dialog, NULL));
    g_assert_true (spin_until (f, session_has_cluster, CLUSTER "-before"));
  }

  /* And the latest restorable time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.restore", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  time_field = field_titled (GTK_WIDGET (dialog), "Restore time (UTC)");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "_Latest restorable time")), TRUE);
  g_assert_null (rds_form_field_get_error (RDS_FORM_FIELD (time_field)));
  screenshot (f, GTK_WIDGET (dialog), "dialog-restore-cluster");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_true (spin_until (f, session_has_cluster, CLUSTER "-restored"));
}

static gboolean
is_metrics_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return RDS_IS_METRICS_VIEW (widget);
}

static gboolean
view_settled (Fixture       *f,
              gconstpointer  data)
{
  return !rds_metrics_view_is_loading (RDS_METRICS_VIEW ((gpointer) data));
}

/* The chart of @metric has points, the last one not zero: data came. */
static gboolean
chart_has_data (RdsMetricsView *view,
                const char     *metric)
{
  RdsChart *chart = rds_metrics_view_get_chart (view, metric);
  guint n = chart != NULL ? rds_chart_get_n_points (chart) : 0;
  double value = 0;

  return n > 0 && rds_chart_get_point (chart, n - 1, NULL, &value) && value > 0;
}

typedef struct
{
  RdsMetricsView *view;
  const char     *metric;
} ChartWait;

static gboolean
has_chart (Fixture       *f,
           gconstpointer  data)
{
  const ChartWait *wait = data;

  if (rds_metrics_view_get_chart (wait->view, wait->metric) != NULL)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
is_event_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return RDS_IS_EVENT_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The Logs & events tab shows an event saying @data. */
static gboolean
events_listed (Fixture       *f,
               gconstpointer  data)
{
  if (find_widget (GTK_WIDGET (cluster_page (f)), is_event_row, data) != NULL)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

/* Monitoring: the cluster volume's metrics by DBClusterIdentifier, then
 * each instance's, a reader's lag on the reader, its maximum on the
 * writer, and after a failover the other way round. Logs & events: the
 * cluster's events and its instances'. */
static void
cluster_monitoring (Fixture *f)
{
  RdsClusterPage *page;
  RdsMetricsView *view;
  GtkDropDown *dropdown;
  ChartWait wait;

  create_cluster (f, CLUSTER);
  add_instance (f, CLUSTER, WRITER);
  add_instance (f, CLUSTER, READER);
  advance_until (f, WRITER, "available");
  advance_until (f, READER, "available");
  advance (f, 1800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", CLUSTER));
  page = cluster_page (f);
  g_assert_true (spin_until (f, cluster_is, "available"));
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (2)));
  show_tab (f, page, "monitoring");
  view = RDS_METRICS_VIEW (find_widget (GTK_WIDGET (page), is_metrics_view, NULL));
  dropdown = GTK_DROP_DOWN (template_child (page, "metrics_dropdown"));

  /* The cluster volume. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  g_assert_true (spin_until (f, view_settled, view));
  g_assert_cmpuint (rds_metrics_view_get_n_charts (view), ==, 4);
  g_assert_true (chart_has_data (view, "VolumeBytesUsed"));
  g_assert_true (chart_has_data (view, "AuroraVolumeBytesLeftTotal"));
  g_assert_nonnull (rds_metrics_view_get_chart (view, "VolumeWriteIOPs"));
  g_assert_null (rds_metrics_view_get_chart (view, "CPUUtilization"));
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-monitoring");

  /* The reader: its lag, not the maximum. */
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), 2), ==,
                   READER " (reader)");
  g_assert_true (spin_until (f, view_settled, view));
  g_assert_true (chart_has_data (view, "CPUUtilization"));
  g_assert_true (chart_has_data (view, "AuroraReplicaLag"));
  g_assert_null (rds_metrics_view_get_chart (view, "AuroraReplicaLagMaximum"));
  g_assert_null (rds_metrics_view_get_chart (view, "VolumeBytesUsed"));
  g_assert_null (rds_metrics_view_get_chart (view, "FreeStorageSpace"));

  /* The writer: the maximum of its readers' lag. */
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (spin_until (f, view_settled, view));
  g_assert_true (chart_has_data (view, "AuroraReplicaLagMaximum"));
  g_assert_null (rds_metrics_view_get_chart (view, "AuroraReplicaLag"));

  /* A failover: the reader becomes the writer, its charts follow. */
  gtk_drop_down_set_selected (dropdown, 2);
  {
    g_autoptr(RdsRequest) request = rds_request_new ("FailoverDBCluster");

    rds_request_set (request, "DBClusterIdentifier", CLUSTER);
    call (f, request);
  }
  advance (f, 60);
  g_assert_true (spin_until (f, writer_is, READER));
  wait.view = view;
  wait.metric = "AuroraReplicaLagMaximum";
  g_assert_true (spin_until (f, has_chart, &wait));
  g_assert_null (rds_metrics_view_get_chart (view, "AuroraReplicaLag"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                               gtk_drop_down_get_selected (dropdown)), ==, READER " (writer)");

  /* Logs & events: the cluster's and its instances'. */
  show_tab (f, page, "events");
  g_assert_true (spin_until (f, events_listed, "Completed failover to DB instance: " READER));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_event_row, "DB cluster created."));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_event_row, "Completed failover to DB instance: " READER));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_event_row, "DB instance created."));
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-events");
}

/* The whole of it, as a user does it: an Aurora cluster made with Create
 * database, two readers added from its page (each in its own zone), a
 * custom endpoint of one reader, the writer's zone taken down from the
 * fault panel; the cluster fails over to the reader of the lowest tier,
 * the volume keeps writing with four copies, and the endpoints follow. */
#define JOURNEY "journey"
#define JOURNEY_WRITER "journey-instance-1"
#define JOURNEY_READER_1 "journey-reader-1"
#define JOURNEY_READER_2 "journey-reader-2"

static gboolean
cluster_created (Fixture       *f,
                 gconstpointer  data)
{
  if (rds_resource_list_find (rds_session_get_clusters (f->session), data) != NULL)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
is_drop_down (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static GtkDropDown *
field_drop_down (RdsActionDialog *dialog,
                 const char      *title)
{
  return GTK_DROP_DOWN (find_widget (field_titled (GTK_WIDGET (dialog), title), is_drop_down, NULL));
}

static void
add_reader_from_page (Fixture    *f,
                      const char *name,
                      const char *zone,
                      guint       tier)
{
  RdsActionDialog *dialog;
  GtkDropDown *zones;
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cluster_page (f)), "cluster.add-reader", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (field_entry (dialog, "DB instance identifier")), name);
  zones = field_drop_down (dialog, "Availability Zone");
  model = gtk_drop_down_get_model (zones);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), zone) == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (zones, position);
  gtk_drop_down_set_selected (field_drop_down (dialog, "Failover priority"), tier);
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
}

static RdsDbClusterEndpoint *
endpoint_of_type (RdsClusterPage *page,
                  const char     *type)
{
  GListModel *endpoints = rds_cluster_page_get_endpoints (page);

  for (guint i = 0; i < g_list_model_get_n_items (endpoints); i++)
    {
      g_autoptr(RdsDbClusterEndpoint) endpoint = g_list_model_get_item (endpoints, i);

      if (g_strcmp0 (rds_db_cluster_endpoint_get_endpoint_type (endpoint), type) == 0)
        return endpoint;  /* the page's list keeps it */
    }
  return NULL;
}

static gboolean
is_volume_view (GtkWidget     *widget,
                gconstpointer  data)
{
  return RDS_IS_CLUSTER_VOLUME_VIEW (widget);
}

static gboolean
volume_view_says (Fixture       *f,
                  gconstpointer  data)
{
  RdsClusterVolumeView *view = RDS_CLUSTER_VOLUME_VIEW ((gpointer) data);
  g_autofree char *text = rds_cluster_volume_view_describe (view);

  return strstr (text, "Cluster volume: 4 of 6 copies up.") != NULL &&
         strstr (text, JOURNEY_READER_1 " (writer)") != NULL;
}

static gboolean
panel_has_row (Fixture       *f,
               gconstpointer  data)
{
  return find_widget (GTK_WIDGET ((gpointer) data), is_action_row_titled, "The writer's host") != NULL;
}

static void
cluster_journey (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  RdsClusterPage *page;
  RdsActionDialog *dialog;
  const char * const *zones;
  g_autofree char *writer_zone = NULL;
  g_autofree char *take_down = NULL;
  g_autofree char *zone_title = NULL;
  const char *other_zones[2] = { NULL, NULL };
  guint n_other = 0;

  /* Create database: Aurora MySQL, the writer alone. */
  g_assert_true (spin_until (f, form_ready, form));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_aurora_mysql")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "deploy_multi_az")), FALSE);
  type_into (form, "identifier_entry", JOURNEY);
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, cluster_created, JOURNEY));
  advance_until (f, JOURNEY_WRITER, "available");

  /* Its page: two readers, each in a zone of its own, reader 1 first to
   * take over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", JOURNEY));
  page = cluster_page (f);
  g_assert_true (spin_until (f, cluster_is, "available"));
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (1)));
  writer_zone = g_strdup (rds_shape_get_string (RDS_SHAPE (find_instance (f, JOURNEY_WRITER)), "availability-zone"));
  zones = rds_shape_get_strv (RDS_SHAPE (rds_cluster_page_get_cluster (page)), "availability-zones");
  for (guint i = 0; zones[i] != NULL && n_other < 2; i++)
    if (g_strcmp0 (zones[i], writer_zone) != 0)
      other_zones[n_other++] = zones[i];
  g_assert_cmpuint (n_other, ==, 2);
  add_reader_from_page (f, JOURNEY_READER_1, other_zones[0], 0);
  add_reader_from_page (f, JOURNEY_READER_2, other_zones[1], 2);
  advance_until (f, JOURNEY_READER_1, "available");
  advance_until (f, JOURNEY_READER_2, "available");
  g_assert_true (spin_until (f, instances_listed, GUINT_TO_POINTER (3)));
  assert_cell (f, "instances_view", JOURNEY_READER_1, "Role", "Reader instance");
  assert_cell (f, "instances_view", JOURNEY_READER_1, "Promotion tier", "0");

  /* A custom endpoint of reader 2 alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.create-endpoint", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry, NULL)), "journey-reports");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "_Attach future")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              JOURNEY_WRITER)), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              JOURNEY_READER_1)), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              JOURNEY_READER_2)), TRUE);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label_showing, "It will reach: " JOURNEY_READER_2));
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  advance (f, 180);
  g_assert_true (spin_until (f, endpoint_available, "journey-reports"));

  /* The writer's zone down, from the fault panel, which says first what
   * will happen. */
  show_tab (f, page, "volume");
  assert_volume_says (f, "Cluster volume: 6 of 6 copies up.");
  zone_title = g_strdup_printf ("Availability Zone %s", writer_zone);
  take_down = g_strconcat (zone_title, ": Take down", NULL);
  g_assert_true (spin_until (f, fault_button_shown, take_down));
  g_assert_cmpstr (fault_consequence (f, zone_title), ==,
                   "Two copies of the volume are here. 4 of six copies stay up: writes go on (they need four). "
                   "The writer is here: Aurora fails over to a reader in another zone, typically in under 30 "
                   "seconds.");
  click_fault (f, take_down);
  assert_volume_says (f, "Cluster volume: 4 of 6 copies up. Writes need 4 copies: they go on.");

  /* The failover: reader 1, tier 0, in under 30 seconds. */
  advance (f, 30);
  g_assert_true (spin_until (f, writer_is, JOURNEY_READER_1));
  assert_cell (f, "instances_view", JOURNEY_READER_1, "Role", "Writer instance");
  assert_cell (f, "instances_view", JOURNEY_WRITER, "Role", "Reader instance");
  assert_volume_says (f, "Cluster volume: 4 of 6 copies up. Writes need 4 copies: they go on.");
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-journey-failover");

  /* The endpoints after: the cluster endpoint to the new writer, the
   * custom one still to reader 2 only. */
  show_tab (f, page, "connectivity");
  assert_cell (f, "endpoints_view", rds_db_cluster_endpoint_get_address (endpoint_of_type (page, "WRITER")),
               "Instances reached", JOURNEY_READER_1);
  assert_cell (f, "endpoints_view", rds_db_cluster_endpoint_get_address (endpoint_of_type (page, "CUSTOM")),
               "Instances reached", JOURNEY_READER_2);

  /* An instance's Topology tab: its cluster's volume, and the cluster's
   * faults (no storage of its own to fail). */
  {
    RdsDatabasePage *database = open_database_tab (f, JOURNEY_READER_1, "topology");
    RdsClusterVolumeView *view = RDS_CLUSTER_VOLUME_VIEW (find_widget (GTK_WIDGET (database), is_volume_view, NULL));
    GtkWidget *panel = find_widget (GTK_WIDGET (database), is_fault_panel, NULL);

    g_assert_nonnull (view);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
    g_assert_true (spin_until (f, volume_view_says, view));
    g_assert_true (spin_until (f, panel_has_row, panel));
    g_assert_null (find_widget (panel, is_action_row_titled, "The primary's storage"));
    /* Its role, as its cluster says. */
    g_assert_nonnull (find_widget (GTK_WIDGET (database), is_label_showing, "Writer instance"));
    screenshot (f, GTK_WIDGET (f->window), "page-database-aurora-topology");
  }
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  g_test_add_func ("/console/cluster/new-destroy", test_new_destroy);
  g_test_add_func ("/console/cluster/notify", test_notify);
  CONSOLE_TEST_ADD ("/console/cluster/page", cluster_page_case);
  CONSOLE_TEST_ADD ("/console/cluster/unknown", unknown);
  CONSOLE_TEST_ADD ("/console/cluster/keyboard", keyboard);
  CONSOLE_TEST_ADD ("/console/cluster/actions", cluster_actions);
  CONSOLE_TEST_ADD ("/console/cluster/modify-restore", cluster_modify_restore);
  CONSOLE_TEST_ADD ("/console/cluster/monitoring", cluster_monitoring);
  CONSOLE_TEST_ADD ("/console/cluster/journey", cluster_journey);

  return g_test_run ();
}
