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
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-maintenance");

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

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rds_session_control_finish (RDS_SESSION (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* A zone of the Region down, or back, through /_sim/faults. */
static void
set_zone_down (Fixture    *f,
               const char *zone,
               gboolean    down)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  gboolean done = FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, zone);
  json_builder_set_member_name (builder, "down");
  json_builder_add_boolean_value (builder, down);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  rds_session_control_async (f->session, "faults", body, NULL, control_cb, &done);
  g_assert_true (spin_until (f, flag_set, &done));
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
has_action_dialog (Fixture       *f,
                   gconstpointer  data)
{
  return action_dialog () != NULL;
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
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
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

  /* The volume: six copies; a zone down takes two, writes go on. */
  show_tab (f, page, "volume");
  assert_volume_says (f, "Cluster volume: 6 of 6 copies up.");
  zone = g_strdup (rds_shape_get_strv (RDS_SHAPE (rds_cluster_page_get_cluster (page)), "availability-zones")[0]);
  set_zone_down (f, zone, TRUE);
  assert_volume_says (f, "Cluster volume: 4 of 6 copies up. Writes need 4 copies: they go on.");
  assert_volume_says (f, "down with its zone");
  screenshot (f, GTK_WIDGET (f->window), "page-cluster-volume-zone-down");
  set_zone_down (f, zone, FALSE);
  assert_volume_says (f, "catching up");
  advance (f, 300);
  assert_volume_says (f, "Cluster volume: 6 of 6 copies up.");
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
  GtkWidget *spin, *time_field;
  RdsDbCluster *cluster;

  create_cluster (f, CLUSTER);
  add_instance (f, CLUSTER, WRITER);
  advance_until (f, WRITER, "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", CLUSTER));
  page = cluster_page (f);
  g_assert_true (spin_until (f, cluster_is, "available"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.modify", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  spin = find_widget (field_titled (GTK_WIDGET (dialog), "Backup retention period (days)"), is_spin_button, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 14);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "Enable deletion _protection")), TRUE);
  screenshot (f, GTK_WIDGET (dialog), "dialog-modify-cluster");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_true (spin_until (f, retention_is, GINT_TO_POINTER (14)));
  cluster = rds_cluster_page_get_cluster (page);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (cluster), "deletion-protection"));

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
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                              "_Latest restorable time")), TRUE);
  g_assert_null (rds_form_field_get_error (RDS_FORM_FIELD (time_field)));
  screenshot (f, GTK_WIDGET (dialog), "dialog-restore-cluster");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_true (spin_until (f, session_has_cluster, CLUSTER "-restored"));
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

  return g_test_run ();
}
