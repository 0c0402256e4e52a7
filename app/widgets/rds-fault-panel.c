/* rds-fault-panel.c: the simulator's faults for a database: take a zone down, fail its host or storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only for a simulated endpoint. Each control says, before it is used,
 * what will happen to this database: a Multi-AZ primary fails over to its
 * standby, a Single-AZ one is down until its zone returns or RDS replaces
 * its host, failed storage is restored from backups (or lost without
 * them), a replica stops replicating. The zones offered are those the
 * database and its standby and replicas are in.
 *
 * Or for an Aurora cluster: its volume's three zones (two copies each, and
 * the instances there), a copy of the volume lost in a zone, the writer's
 * host; each says what the quorums make of it (writes need four of the
 * six copies, reads three) and whether Aurora fails over. The copies'
 * states come from /_sim/cluster, read with the zones down.
 */

#include "config.h"

#include "rds-fault-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "rds-accessible-names.h"
#include "rds-db-cluster.h"
#include "rds-info-button.h"
#include "rds-resource-list.h"
#include "rds-session.h"

#define POLL_SECONDS 2

struct _RdsFaultPanel
{
  GtkWidget       parent_instance;

  RdsSession     *session;
  RdsDbInstance  *instance;
  GSignalGroup   *instance_signals;
  RdsDbCluster   *cluster;       /* or an Aurora cluster's, instance NULL */
  GSignalGroup   *cluster_signals;
  GStrv           copy_states;   /* its volume's six copies: "up", "down", "repairing", "catching-up" */
  GStrv           copy_zones;    /* and the zone of each */
  GCancellable   *cancellable;
  GStrv           zones_down;
  guint           poll_id;
  gboolean        in_flight;
  gboolean        fetched;       /* the simulator said which zones are down */

  GtkWidget      *group;
  GPtrArray      *rows;          /* the rows shown */
  char           *signature;     /* what they say */
};

G_DEFINE_FINAL_TYPE (RdsFaultPanel, rds_fault_panel, GTK_TYPE_WIDGET)

static RdsShape *
shape (RdsFaultPanel *self)
{
  return RDS_SHAPE (self->instance);
}

static gboolean
multi_az (RdsFaultPanel *self)
{
  return rds_shape_get_boolean (shape (self), "multi-az");
}

static gboolean
zone_down (RdsFaultPanel *self,
           const char    *zone)
{
  return self->zones_down != NULL && zone != NULL && g_strv_contains ((const char * const *) self->zones_down, zone);
}

/* The cluster whose faults these are: the one set, or the Aurora cluster
 * the instance belongs to (whose volume and failover its faults are). */
static RdsDbCluster *
the_cluster (RdsFaultPanel *self)
{
  const char *identifier;

  if (self->cluster != NULL)
    return self->cluster;
  identifier = self->instance != NULL ? rds_shape_get_string (shape (self), "db-cluster-identifier") : NULL;
  if (identifier == NULL || self->session == NULL)
    return NULL;
  return rds_resource_list_find (rds_session_get_clusters (self->session), identifier);
}

static void rebuild (RdsFaultPanel *self);
static void read_cluster (RdsFaultPanel *self);

/* Calls */

static void
faults_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsFaultPanel) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *zones;
  GStrvBuilder *builder;

  answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->in_flight = FALSE;
  self->fetched = TRUE;
  if (answer == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL)
        gtk_widget_activate_action (GTK_WIDGET (root), "win.show-error", "s", error->message);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    return;

  zones = json_object_get_member (json_node_get_object (answer), "zonesDown");
  builder = g_strv_builder_new ();
  for (guint i = 0; zones != NULL && JSON_NODE_HOLDS_ARRAY (zones) &&
                    i < json_array_get_length (json_node_get_array (zones)); i++)
    g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (zones), i));
  g_strfreev (self->zones_down);
  self->zones_down = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  /* A cluster's copies too, before the rows say what a fault would do. */
  if (the_cluster (self) != NULL)
    {
      read_cluster (self);
      return;
    }
  rebuild (self);
}

static void
cluster_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RdsFaultPanel) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) states = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) zones = g_strv_builder_new ();
  JsonObject *volume = NULL;
  JsonArray *copies = NULL;

  answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->in_flight = FALSE;
  self->fetched = TRUE;
  /* Not told: what was known stays, and the user hears why. */
  if (answer == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL)
        gtk_widget_activate_action (GTK_WIDGET (root), "win.show-error", "s", error->message);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (answer))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (answer), "volume");

      volume = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  if (volume != NULL && json_object_has_member (volume, "copies") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (volume, "copies")))
    copies = json_object_get_array_member (volume, "copies");
  for (guint i = 0; copies != NULL && i < json_array_get_length (copies); i++)
    {
      JsonNode *node = json_array_get_element (copies, i);
      JsonObject *copy = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *state = copy != NULL ? json_object_get_string_member_with_default (copy, "state", NULL) : NULL;
      const char *zone = copy != NULL ? json_object_get_string_member_with_default (copy, "zone", NULL) : NULL;

      g_strv_builder_add (states, state != NULL ? state : "up");
      g_strv_builder_add (zones, zone != NULL ? zone : "");
    }
  g_strfreev (self->copy_states);
  g_strfreev (self->copy_zones);
  self->copy_states = g_strv_builder_end (states);
  self->copy_zones = g_strv_builder_end (zones);
  rebuild (self);
}

static void
read_cluster (RdsFaultPanel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cluster");
  json_builder_add_string_value (builder, rds_db_cluster_get_identifier (the_cluster (self)));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  self->in_flight = TRUE;
  rds_session_control_async (self->session, "cluster", body, self->cancellable, cluster_cb, g_object_ref (self));
}

/* Sends @body to /_sim/faults ({} only reads). */
static void
send (RdsFaultPanel *self,
      JsonNode      *body)
{
  if (self->session == NULL || !rds_session_is_simulator (self->session))
    return;
  self->in_flight = TRUE;
  rds_session_control_async (self->session, "faults", body, self->cancellable, faults_cb, g_object_ref (self));
}

static void
read_faults (RdsFaultPanel *self)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (body, json_object_new ());
  if (!self->in_flight)
    send (self, body);
}

static void
toast (RdsFaultPanel *self,
       const char    *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_activate_action (GTK_WIDGET (root), "win.toast", "s", text);
}

static void
zone_clicked_cb (GtkButton     *button,
                 RdsFaultPanel *self)
{
  const char *zone = g_object_get_data (G_OBJECT (button), "zone");
  gboolean down = !zone_down (self, zone);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, zone);
  json_builder_set_member_name (builder, "down");
  json_builder_add_boolean_value (builder, down);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  send (self, body);

  /* Translators: %s is an Availability Zone */
  text = g_strdup_printf (down ? _("Availability Zone %s is down") : _("Availability Zone %s is back"), zone);
  toast (self, text);
}

/* The host or the storage of @instance fails. */
static void
fail_instance (RdsFaultPanel *self,
               const char    *instance,
               const char    *what)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instance");
  json_builder_add_string_value (builder, instance);
  json_builder_set_member_name (builder, "fail");
  json_builder_add_string_value (builder, what);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  send (self, body);

  text = g_str_equal (what, "host")
    /* Translators: %s is a DB instance identifier */
    ? g_strdup_printf (_("The host of %s failed"), instance)
    : g_strdup_printf (_("The storage of %s failed"), instance);
  toast (self, text);
}

static void
fail_clicked_cb (GtkButton     *button,
                 RdsFaultPanel *self)
{
  fail_instance (self, rds_db_instance_get_identifier (self->instance),
                 g_object_get_data (G_OBJECT (button), "what"));
}

/* What each control will do, in words */

static char *
zone_consequence (RdsFaultPanel *self,
                  const char    *zone)
{
  const char *primary = rds_shape_get_string (shape (self), "availability-zone");
  const char *secondary = rds_shape_get_string (shape (self), "secondary-availability-zone");
  gboolean replica = rds_shape_get_string (shape (self), "read-replica-source-db-instance-identifier") != NULL;

  if (zone_down (self, zone))
    return g_strdup (_("Down now. Bringing it back lets what was there recover."));
  if (g_strcmp0 (zone, primary) == 0 && multi_az (self))
    /* Translators: %s is an Availability Zone */
    return g_strdup_printf (_("The primary is here: RDS fails over to the standby in %s within 1–2 minutes, "
                              "then builds a new standby in a healthy zone."), secondary ? secondary : "");
  if (g_strcmp0 (zone, primary) == 0 && replica)
    return g_strdup (_("This read replica is here: it is unavailable and stops replicating until the zone "
                       "returns. You could promote another replica meanwhile."));
  if (g_strcmp0 (zone, primary) == 0)
    return g_strdup (_("The database is here with no standby: it is unavailable until the zone returns. To "
                       "recover sooner you would restore it in another zone."));
  if (g_strcmp0 (zone, secondary) == 0)
    return g_strdup (_("The standby is here: the database stays available, and RDS builds a new standby in a "
                       "healthy zone. Until then it can't fail over."));
  return g_strdup (_("A read replica is here: it stops replicating until the zone returns, and its lag "
                     "grows."));
}

static char *
host_consequence (RdsFaultPanel *self)
{
  if (multi_az (self))
    return g_strdup (_("RDS fails over to the standby within 1–2 minutes and replaces the failed host as the "
                       "new standby."));
  return g_strdup (_("RDS moves the database to a new host: it is unavailable for about 5–15 minutes, and no "
                     "data is lost."));
}

static char *
storage_consequence (RdsFaultPanel *self)
{
  if (multi_az (self))
    return g_strdup (_("The standby has its own copy of the storage: RDS fails over to it within 1–2 "
                       "minutes."));
  if (rds_shape_get_int (shape (self), "backup-retention-period") > 0)
    return g_strdup (_("RDS restores the database from its automated backups to its latest restorable time, "
                       "in about 20–40 minutes; the changes of the last minutes are lost."));
  return g_strdup (_("Without a standby or automated backups the data is lost: the database stays failed. "
                     "Only a snapshot could bring it back."));
}

/* Rows */

static GtkWidget *
add_row (RdsFaultPanel *self,
         const char    *title,
         const char    *subtitle,
         const char    *button_label,
         GCallback      callback,
         const char    *key,
         const char    *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), key, g_strdup (value), g_free);
  g_signal_connect (button, "clicked", callback, self);
  /* What a screen reader says: the action and what it acts on. */
  {
    GString *name = g_string_new (title);

    g_string_append (name, ": ");
    for (const char *c = button_label; *c != '\0'; c++)
      if (*c != '_')
        g_string_append_c (name, *c);
    rds_accessible_set_name (button, name->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
    gtk_widget_set_tooltip_text (button, subtitle);
    g_object_set_data_full (G_OBJECT (button), "accessible-name", g_string_free (name, FALSE), g_free);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* The keyboard stops on the button, which says all the row does. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_zone (RdsFaultPanel *self,
          GPtrArray     *zones,
          const char    *zone)
{
  if (zone != NULL && !g_ptr_array_find_with_equal_func (zones, zone, g_str_equal, NULL))
    g_ptr_array_add (zones, (gpointer) zone);
}

/* The rows to show: title, what happens, button, and what it acts on. */
typedef struct
{
  char      *title;
  char      *subtitle;
  const char *button;
  GCallback  callback;
  const char *key;
  char      *value;
} RowSpec;

static void
row_spec_free (RowSpec *spec)
{
  g_free (spec->title);
  g_free (spec->subtitle);
  g_free (spec->value);
  g_free (spec);
}

static void
spec (GPtrArray  *specs,
      GString    *signature,
      char       *title,
      char       *subtitle,
      const char *button,
      GCallback   callback,
      const char *key,
      const char *value)
{
  RowSpec *row = g_new0 (RowSpec, 1);

  row->title = title;
  row->subtitle = subtitle;
  row->button = button;
  row->callback = callback;
  row->key = key;
  row->value = g_strdup (value);
  g_ptr_array_add (specs, row);
  g_string_append_printf (signature, "%s\n%s\n%s\n%s\n", title, subtitle, button, value);
}

static void
copy_clicked_cb (GtkButton     *button,
                 RdsFaultPanel *self)
{
  const char *copy = g_object_get_data (G_OBJECT (button), "copy");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;
  int index = atoi (copy);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cluster");
  json_builder_add_string_value (builder, rds_db_cluster_get_identifier (the_cluster (self)));
  json_builder_set_member_name (builder, "copy");
  json_builder_add_int_value (builder, index);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  send (self, body);

  /* Translators: %s is an Availability Zone */
  text = g_strdup_printf (_("A copy of the cluster volume in %s was lost"),
                          self->copy_zones != NULL && index < (int) g_strv_length (self->copy_zones)
                          ? self->copy_zones[index] : "");
  toast (self, text);
}

static void
host_clicked_cb (GtkButton     *button,
                 RdsFaultPanel *self)
{
  fail_instance (self, g_object_get_data (G_OBJECT (button), "instance"), "host");
}

/* An Aurora cluster's faults */

static guint
copies_up (RdsFaultPanel *self,
           const char    *zone)
{
  guint n = 0;

  for (guint i = 0; self->copy_states != NULL && self->copy_states[i] != NULL; i++)
    if (g_str_equal (self->copy_states[i], "up") && (zone == NULL || g_strcmp0 (self->copy_zones[i], zone) == 0))
      n++;
  return n;
}

/* What the quorums make of @left copies up. */
static char *
quorum_consequence (guint left)
{
  if (left >= 4)
    /* Translators: %u is how many of the volume's six copies stay up */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of six copies stays up: writes go on (they need four).",
                                         "%u of six copies stay up: writes go on (they need four).", left), left);
  if (left == 3)
    return g_strdup (_("Three of six copies stay up: writes stop until a copy is repaired; reads go on."));
  /* Translators: %u is how many of the volume's six copies stay up */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Only %u of six copies stays up: reads stop too until copies are repaired.",
                                       "Only %u of six copies stay up: reads stop too until copies are repaired.",
                                       left), left);
}

static gboolean
instance_in_zone (RdsFaultPanel *self,
                  const char    *identifier,
                  const char    *zone)
{
  RdsDbInstance *instance = rds_resource_list_find (rds_session_get_instances (self->session), identifier);

  return instance != NULL && g_strcmp0 (rds_shape_get_string (RDS_SHAPE (instance), "availability-zone"), zone) == 0;
}

static char *
cluster_zone_consequence (RdsFaultPanel *self,
                          RdsDbCluster  *cluster,
                          const char    *zone)
{
  GListModel *members = rds_db_cluster_get_members (cluster);
  const char *writer = rds_db_cluster_get_writer (cluster);
  gboolean writer_here = writer != NULL && instance_in_zone (self, writer, zone);
  gboolean reader_elsewhere = FALSE;
  guint readers_here = 0;
  g_autofree char *quorum = NULL;
  const char *instances;

  if (zone_down (self, zone))
    return g_strdup (_("Down now. Bringing it back lets its copies catch up and its instances return."));
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RdsShape) member = g_list_model_get_item (members, i);
      const char *identifier = rds_shape_get_string (member, "db-instance-identifier");

      RdsDbInstance *reader;

      if (g_strcmp0 (identifier, writer) == 0)
        continue;
      if (instance_in_zone (self, identifier, zone))
        {
          readers_here++;
          continue;
        }
      /* One that could take over: up, in a zone that is up. */
      reader = rds_resource_list_find (rds_session_get_instances (self->session), identifier);
      if (reader != NULL && g_strcmp0 (rds_db_instance_get_status (reader), "available") == 0 &&
          !zone_down (self, rds_shape_get_string (RDS_SHAPE (reader), "availability-zone")))
        reader_elsewhere = TRUE;
    }

  quorum = quorum_consequence (copies_up (self, NULL) - copies_up (self, zone));
  if (writer_here && reader_elsewhere)
    instances = _("The writer is here: Aurora fails over to a reader in another zone, typically in under 30 "
                  "seconds.");
  else if (writer_here)
    instances = _("The writer is here and no reader is elsewhere: the cluster can't take connections until the "
                  "zone returns.");
  else if (readers_here > 0)
    instances = _("Readers are here: the reader endpoint leaves them out until the zone returns.");
  else
    instances = _("No instance is here.");
  /* Translators: %1$s says what the quorums make of the copies left, %2$s what happens to the instances */
  return g_strdup_printf (_("Two copies of the volume are here. %1$s %2$s"), quorum, instances);
}

static void
rebuild_cluster (RdsFaultPanel *self,
                 RdsDbCluster  *cluster,
                 GPtrArray     *specs,
                 GString       *signature)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  const char * const *cluster_zones = rds_shape_get_strv (RDS_SHAPE (cluster), "availability-zones");
  const char *writer = rds_db_cluster_get_writer (cluster);
  gboolean running = g_strcmp0 (rds_db_cluster_get_status (cluster), "available") == 0;

  /* What a fault would do depends on the copies: none until they are known. */
  if (self->copy_states == NULL)
    return;
  for (guint i = 0; cluster_zones != NULL && cluster_zones[i] != NULL; i++)
    add_zone (self, zones, cluster_zones[i]);
  for (guint i = 0; i < zones->len; i++)
    {
      const char *zone = g_ptr_array_index (zones, i);

      /* Translators: %s is an Availability Zone */
      spec (specs, signature, g_strdup_printf (_("Availability Zone %s"), zone),
            cluster_zone_consequence (self, cluster, zone), zone_down (self, zone) ? _("_Bring back") : _("Take _down"),
            G_CALLBACK (zone_clicked_cb), "zone", zone);
    }
  if (!running)
    return;

  /* A copy lost in a zone: the first one up there. */
  for (guint i = 0; i < zones->len; i++)
    {
      const char *zone = g_ptr_array_index (zones, i);

      for (guint c = 0; self->copy_states != NULL && self->copy_states[c] != NULL; c++)
        if (g_str_equal (self->copy_states[c], "up") && g_strcmp0 (self->copy_zones[c], zone) == 0)
          {
            g_autofree char *copy = g_strdup_printf ("%u", c);
            g_autofree char *quorum = quorum_consequence (copies_up (self, NULL) - 1);

            /* Translators: %s is an Availability Zone */
            spec (specs, signature, g_strdup_printf (_("A copy of the volume in %s"), zone),
                  /* Translators: %s says what the quorums make of the copies left */
                  g_strdup_printf (_("%s Aurora repairs it from its peers."), quorum),
                  _("_Lose a copy"), G_CALLBACK (copy_clicked_cb), "copy", copy);
            break;
          }
    }

  if (writer != NULL)
    {
      gboolean readers = rds_db_cluster_get_members (cluster) != NULL &&
                         g_list_model_get_n_items (rds_db_cluster_get_members (cluster)) > 1;

      spec (specs, signature, g_strdup (_("The writer's host")),
            g_strdup (readers ? _("Aurora fails over to a reader, typically in under 30 seconds; the old writer "
                                  "comes back as a reader.")
                              : _("With no reader to fail over to, Aurora restarts the writer on a new host: "
                                  "the cluster can't take connections for a few minutes.")),
            _("_Fail host"), G_CALLBACK (host_clicked_cb), "instance", writer);
    }
}

static void
rebuild (RdsFaultPanel *self)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) row_spec_free);
  g_autoptr(GString) signature = g_string_new (NULL);
  const char * const *replicas;
  gboolean shown = self->session != NULL && rds_session_is_simulator (self->session) &&
                   (self->instance != NULL || self->cluster != NULL);
  const char *status;

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (shown && the_cluster (self) != NULL)
    rebuild_cluster (self, the_cluster (self), specs, signature);
  else if (shown)
    {
      add_zone (self, zones, rds_shape_get_string (shape (self), "availability-zone"));
      add_zone (self, zones, rds_shape_get_string (shape (self), "secondary-availability-zone"));
      replicas = rds_shape_get_strv (shape (self), "read-replica-db-instance-identifiers");
      for (guint i = 0; replicas != NULL && replicas[i] != NULL; i++)
        {
          RdsDbInstance *replica = rds_resource_list_find (rds_session_get_instances (self->session), replicas[i]);

          if (replica != NULL)
            add_zone (self, zones, rds_shape_get_string (RDS_SHAPE (replica), "availability-zone"));
        }
      for (guint i = 0; self->zones_down != NULL && self->zones_down[i] != NULL; i++)
        add_zone (self, zones, self->zones_down[i]);

      for (guint i = 0; i < zones->len; i++)
        {
          const char *zone = g_ptr_array_index (zones, i);
          gboolean down = zone_down (self, zone);

          /* Translators: %s is an Availability Zone */
          spec (specs, signature, g_strdup_printf (_("Availability Zone %s"), zone), zone_consequence (self, zone),
                down ? _("_Bring back") : _("Take _down"), G_CALLBACK (zone_clicked_cb), "zone", zone);
        }

      /* A host or storage fails only under a running database. */
      status = rds_db_instance_get_status (self->instance);
      if (g_strcmp0 (status, "available") == 0 || g_strcmp0 (status, "backing-up") == 0 ||
          g_strcmp0 (status, "modifying") == 0 || g_strcmp0 (status, "storage-optimization") == 0)
        {
          spec (specs, signature, g_strdup (_("The primary's host")), host_consequence (self), _("_Fail host"),
                G_CALLBACK (fail_clicked_cb), "what", "host");
          /* An Aurora instance's data is in its cluster's volume. */
          if (rds_shape_get_string (shape (self), "db-cluster-identifier") == NULL)
            spec (specs, signature, g_strdup (_("The primary's storage")), storage_consequence (self),
                  _("Fail _storage"), G_CALLBACK (fail_clicked_cb), "what", "storage");
        }
    }

  /* Rows stay as they are while nothing changes: focus and clicks with them. */
  if (g_strcmp0 (signature->str, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_strdup (signature->str);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < specs->len; i++)
    {
      RowSpec *row = g_ptr_array_index (specs, i);

      add_row (self, row->title, row->subtitle, row->button, row->callback, row->key, row->value);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  read_faults (user_data);
  return G_SOURCE_CONTINUE;
}

/* GObject */

static void
rds_fault_panel_map (GtkWidget *widget)
{
  RdsFaultPanel *self = RDS_FAULT_PANEL (widget);

  GTK_WIDGET_CLASS (rds_fault_panel_parent_class)->map (widget);
  read_faults (self);
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
}

static void
rds_fault_panel_unmap (GtkWidget *widget)
{
  RdsFaultPanel *self = RDS_FAULT_PANEL (widget);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  GTK_WIDGET_CLASS (rds_fault_panel_parent_class)->unmap (widget);
}

static void
rds_fault_panel_dispose (GObject *object)
{
  RdsFaultPanel *self = RDS_FAULT_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->instance_signals);
  g_clear_object (&self->instance);
  g_clear_object (&self->cluster_signals);
  g_clear_object (&self->cluster);
  g_clear_pointer (&self->copy_states, g_strfreev);
  g_clear_pointer (&self->copy_zones, g_strfreev);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zones_down, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->group, gtk_widget_unparent);

  G_OBJECT_CLASS (rds_fault_panel_parent_class)->dispose (object);
}

static void
rds_fault_panel_class_init (RdsFaultPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_fault_panel_dispose;
  widget_class->map = rds_fault_panel_map;
  widget_class->unmap = rds_fault_panel_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rds_fault_panel_init (RdsFaultPanel *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Simulate a failure"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Only the simulator can do this: see what RDS does when a zone, a "
                                           "host or a disk fails."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), rds_info_button_new ("failover"));
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));

  self->instance_signals = g_signal_group_new (RDS_TYPE_DB_INSTANCE);
  g_signal_group_connect_swapped (self->instance_signals, "notify::db-instance-status", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (self->instance_signals, "notify::multi-az", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (self->instance_signals, "notify::availability-zone", G_CALLBACK (rebuild), self);
  self->cluster_signals = g_signal_group_new (RDS_TYPE_DB_CLUSTER);
  g_signal_group_connect_swapped (self->cluster_signals, "notify", G_CALLBACK (rebuild), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rds_fault_panel_new (void)
{
  return g_object_new (RDS_TYPE_FAULT_PANEL, NULL);
}

static void
refreshed_cb (RdsFaultPanel *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_faults (self);
}

void
rds_fault_panel_set_session (RdsFaultPanel *self,
                             RdsSession    *session)
{
  g_return_if_fail (RDS_IS_FAULT_PANEL (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (rds_session_get_instances (self->session), self);
  g_set_object (&self->session, session);
  g_clear_pointer (&self->zones_down, g_strfreev);
  self->fetched = FALSE;
  /* What the databases show, the faults show too. */
  if (session != NULL)
    g_signal_connect_object (rds_session_get_instances (session), "refreshed", G_CALLBACK (refreshed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * rds_fault_panel_is_loading:
 *
 * Returns: whether it is shown and waits for the simulator's answer
 */
gboolean
rds_fault_panel_is_loading (RdsFaultPanel *self)
{
  g_return_val_if_fail (RDS_IS_FAULT_PANEL (self), FALSE);

  return gtk_widget_get_mapped (GTK_WIDGET (self)) && (self->in_flight || !self->fetched);
}

/* Another database or cluster: what was asked about the last one goes
 * unanswered, its copies unknown until read. */
static void
forget (RdsFaultPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->in_flight = FALSE;
  self->fetched = FALSE;
  g_clear_pointer (&self->copy_states, g_strfreev);
  g_clear_pointer (&self->copy_zones, g_strfreev);
}

void
rds_fault_panel_set_instance (RdsFaultPanel *self,
                              RdsDbInstance *instance)
{
  g_return_if_fail (RDS_IS_FAULT_PANEL (self));

  if (!g_set_object (&self->instance, instance))
    return;
  g_signal_group_set_target (self->instance_signals, instance);
  forget (self);
  rebuild (self);
}

/**
 * rds_fault_panel_set_cluster:
 *
 * The faults of an Aurora cluster: its zones, its volume's copies, its
 * writer's host.
 */
void
rds_fault_panel_set_cluster (RdsFaultPanel *self,
                             RdsDbCluster  *cluster)
{
  g_return_if_fail (RDS_IS_FAULT_PANEL (self));
  g_return_if_fail (cluster == NULL || RDS_IS_DB_CLUSTER (cluster));

  if (!g_set_object (&self->cluster, cluster))
    return;
  g_signal_group_set_target (self->cluster_signals, cluster);
  forget (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_faults (self);
  rebuild (self);
}
