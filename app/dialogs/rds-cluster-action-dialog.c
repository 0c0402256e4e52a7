/* rds-cluster-action-dialog.c: an Aurora cluster's actions: add a reader, fail over, stop, start, snapshot, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog for the cluster page's Actions menu, each action with what
 * the RDS console asks of it:
 * - Add reader: its identifier (the cluster's next NAME-instance-N), its
 *   class (the writer's to start), its zone (Aurora's choice, which spreads
 *   readers over the zones), its promotion tier (1);
 * - Failover: to a reader chosen, or Aurora's choice (lowest tier, then
 *   largest class);
 * - Stop temporarily: and that it starts again after seven days;
 * - Start;
 * - Take snapshot: its name;
 * - Delete: a final snapshot or not, and "delete me" (its instances are
 *   deleted first, each from its own page);
 * - Modify: its backup retention (1 to 35 days), storage configuration,
 *   deletion protection, IAM authentication, copying tags to snapshots,
 *   applied at once as Aurora applies them;
 * - Restore to point in time: a new cluster's name and a time in the
 *   restorable window (the latest, or one typed in UTC); the new cluster
 *   has no instances until readers and a writer are added.
 */

#include "config.h"

#include "rds-cluster-action-dialog.h"

#include <glib/gi18n.h>

#include "rds-catalog.h"
#include "rds-db-cluster-member.h"
#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-validation.h"

struct _RdsClusterActionDialog
{
  RdsActionDialog   parent_instance;

  RdsClusterAction  action;

  GtkWidget        *name_entry;      /* the new reader's, or the snapshot's */
  GtkWidget        *name_field;
  GtkWidget        *class_dropdown;
  GtkStringList    *classes;
  GtkWidget        *zone_dropdown;
  GtkStringList    *zones;           /* "" first: Aurora's choice */
  GtkWidget        *tier_dropdown;
  GtkWidget        *target_dropdown;
  GtkStringList    *targets;         /* "" first: Aurora's choice */
  GtkWidget        *snapshot_check;
  GtkWidget        *confirm_entry;
  GtkWidget        *retention_spin;
  GtkWidget        *optimized_check;
  GtkWidget        *protection_check;
  GtkWidget        *iam_check;
  gboolean          iam_shown;       /* what the check showed first: pending, or current */
  GtkWidget        *capacity_field;  /* Serverless v2's range */
  GtkWidget        *capacity_check;  /* a first range, for a cluster without one */
  GtkWidget        *min_capacity_spin, *max_capacity_spin;
  GtkWidget        *copy_tags_check;
  GtkWidget        *latest_check;
  GtkWidget        *time_entry;
  GtkWidget        *time_field;
};

G_DEFINE_FINAL_TYPE (RdsClusterActionDialog, rds_cluster_action_dialog, RDS_TYPE_ACTION_DIALOG)

enum {
  PROP_0,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RdsDbCluster *
cluster_of (RdsClusterActionDialog *self)
{
  return rds_action_dialog_get_resource (RDS_ACTION_DIALOG (self));
}

static const char *
cluster_id (RdsClusterActionDialog *self)
{
  return rds_db_cluster_get_identifier (cluster_of (self));
}

static const char *
selected_string (GtkWidget     *dropdown,
                 GtkStringList *list)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  return i != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (list, i) : NULL;
}

static char *
format_utc (gint64 usec)
{
  g_autoptr(GDateTime) time = usec > 0 ? g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC) : NULL;

  return rds_format_restore_time (NULL, time);
}

/* Modify: the Serverless v2 capacity range, the cluster's (@scaling) or
 * 0.5 to 16 ACUs for a first one. */
static void
add_capacity_field (RdsClusterActionDialog *self,
                    RdsActionDialog        *dialog,
                    RdsShape               *scaling)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->min_capacity_spin = gtk_spin_button_new_with_range (RDS_SERVERLESS_MIN_ACU, RDS_SERVERLESS_MAX_ACU,
                                                            0.5);
  self->max_capacity_spin = gtk_spin_button_new_with_range (1.0, RDS_SERVERLESS_MAX_ACU, 0.5);
  gtk_spin_button_set_snap_to_ticks (GTK_SPIN_BUTTON (self->min_capacity_spin), TRUE);
  gtk_spin_button_set_snap_to_ticks (GTK_SPIN_BUTTON (self->max_capacity_spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->min_capacity_spin),
                             scaling != NULL ? rds_shape_get_double (scaling, "min-capacity") : 0.5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->max_capacity_spin),
                             scaling != NULL ? rds_shape_get_double (scaling, "max-capacity") : 16);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_capacity_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minimum ACUs"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_capacity_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Maximum ACUs"), -1);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Minimum")));
  gtk_box_append (GTK_BOX (box), self->min_capacity_spin);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Maximum")));
  gtk_box_append (GTK_BOX (box), self->max_capacity_spin);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("ACUs")));
  self->capacity_field = rds_form_field_new (_("Capacity range"), box);
  rds_form_field_set_parameter (RDS_FORM_FIELD (self->capacity_field), "ServerlessV2ScalingConfiguration");
  rds_form_field_set_hint (RDS_FORM_FIELD (self->capacity_field),
                           _("Its Serverless v2 instances scale within it, from now on."));
  rds_action_dialog_add (dialog, self->capacity_field);
  g_signal_connect_object (self->min_capacity_spin, "value-changed",
                           G_CALLBACK (rds_action_dialog_revalidate), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->max_capacity_spin, "value-changed",
                           G_CALLBACK (rds_action_dialog_revalidate), dialog, G_CONNECT_SWAPPED);
}

static gboolean
rds_cluster_action_dialog_validate (RdsActionDialog *dialog)
{
  RdsClusterActionDialog *self = RDS_CLUSTER_ACTION_DIALOG (dialog);
  g_autofree char *problem = NULL;

  switch (self->action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      /* Not until the dialog has its fields. */
      if (self->name_entry == NULL || self->class_dropdown == NULL)
        return FALSE;
      problem = rds_validate_instance_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), problem);
      return problem == NULL && selected_string (self->class_dropdown, self->classes) != NULL;
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
      if (self->name_entry == NULL)
        return FALSE;
      problem = rds_validate_instance_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), problem);
      return problem == NULL;
    case RDS_CLUSTER_ACTION_DELETE:
      if (self->confirm_entry == NULL)
        return FALSE;
      gtk_widget_set_visible (self->name_field, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check)));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check)))
        problem = rds_validate_instance_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), problem);
      return problem == NULL && rds_action_dialog_delete_confirmed (self->confirm_entry);
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      {
        RdsShape *cluster = RDS_SHAPE (cluster_of (self));
        gint64 earliest = rds_shape_get_timestamp (cluster, "earliest-restorable-time");
        gint64 latest = rds_shape_get_timestamp (cluster, "latest-restorable-time");
        g_autofree char *time_problem = NULL;
        gboolean custom;
        gint64 usec = 0;

        /* Not until the dialog has its fields. */
        if (self->name_entry == NULL || self->time_entry == NULL)
          return FALSE;
        custom = !gtk_check_button_get_active (GTK_CHECK_BUTTON (self->latest_check));
        problem = rds_validate_instance_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
        rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), problem);
        gtk_widget_set_visible (self->time_field, custom);
        if (custom && !rds_parse_timestamp (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)), &usec))
          time_problem = g_strdup (_("Enter a time in UTC as YYYY-MM-DDTHH:MM:SSZ."));
        else if (custom && (usec < earliest || usec > latest))
          {
            g_autofree char *from = format_utc (earliest);
            g_autofree char *to = format_utc (latest);

            /* Translators: the restorable window, from %s to %s */
            time_problem = g_strdup_printf (_("That time is outside the restorable window. Choose a time from %s "
                                              "to %s."), from, to);
          }
        rds_form_field_set_error (RDS_FORM_FIELD (self->time_field), time_problem);
        return problem == NULL && time_problem == NULL;
      }
    case RDS_CLUSTER_ACTION_MODIFY:
      if (self->capacity_field != NULL)
        gtk_widget_set_visible (self->capacity_field,
                                self->capacity_check == NULL ||
                                gtk_check_button_get_active (GTK_CHECK_BUTTON (self->capacity_check)));
      if (self->capacity_field != NULL && gtk_widget_get_visible (self->capacity_field))
        {
          double min_acu = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->min_capacity_spin));
          double max_acu = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->max_capacity_spin));

          if (min_acu > max_acu)
            /* Translators: the Serverless v2 capacity range, in ACUs */
            problem = g_strdup_printf (_("The maximum (%g ACUs) must be at least the minimum (%g ACUs)."),
                                       max_acu, min_acu);
          rds_form_field_set_error (RDS_FORM_FIELD (self->capacity_field), problem);
        }
      return problem == NULL;
    case RDS_CLUSTER_ACTION_FAILOVER:
    case RDS_CLUSTER_ACTION_STOP:
    case RDS_CLUSTER_ACTION_START:
    case RDS_CLUSTER_ACTION_CREATE_ENDPOINT:
    default:
      return TRUE;
    }
}

static RdsRequest *
rds_cluster_action_dialog_build_request (RdsActionDialog  *dialog,
                                         GError          **error)
{
  RdsClusterActionDialog *self = RDS_CLUSTER_ACTION_DIALOG (dialog);
  RdsRequest *request = NULL;
  const char *value;

  switch (self->action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      request = rds_request_new ("CreateDBInstance");
      rds_request_set (request, "DBInstanceIdentifier", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      rds_request_set (request, "Engine", rds_db_cluster_get_engine (cluster_of (self)));
      rds_request_set (request, "DBInstanceClass", selected_string (self->class_dropdown, self->classes));
      value = selected_string (self->zone_dropdown, self->zones);
      if (value != NULL && *value != '\0')
        rds_request_set (request, "AvailabilityZone", value);
      rds_request_set_int (request, "PromotionTier", gtk_drop_down_get_selected (GTK_DROP_DOWN (self->tier_dropdown)));
      return request;
    case RDS_CLUSTER_ACTION_FAILOVER:
      request = rds_request_new ("FailoverDBCluster");
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      value = selected_string (self->target_dropdown, self->targets);
      if (value != NULL && *value != '\0')
        rds_request_set (request, "TargetDBInstanceIdentifier", value);
      return request;
    case RDS_CLUSTER_ACTION_STOP:
      request = rds_request_new ("StopDBCluster");
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      return request;
    case RDS_CLUSTER_ACTION_START:
      request = rds_request_new ("StartDBCluster");
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      return request;
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
      request = rds_request_new ("CreateDBClusterSnapshot");
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      rds_request_set (request, "DBClusterSnapshotIdentifier", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      return request;
    case RDS_CLUSTER_ACTION_DELETE:
      request = rds_request_new ("DeleteDBCluster");
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->snapshot_check)))
        rds_request_set (request, "FinalDBSnapshotIdentifier", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      else
        rds_request_set_boolean (request, "SkipFinalSnapshot", TRUE);
      return request;
    case RDS_CLUSTER_ACTION_MODIFY:
      request = rds_request_new ("ModifyDBCluster");
      rds_request_set (request, "DBClusterIdentifier", cluster_id (self));
      rds_request_set_int (request, "BackupRetentionPeriod",
                           gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->retention_spin)));
      rds_request_set (request, "StorageType",
                       gtk_check_button_get_active (GTK_CHECK_BUTTON (self->optimized_check)) ? "aurora-iopt1"
                                                                                             : "aurora");
      rds_request_set_boolean (request, "DeletionProtection",
                               gtk_check_button_get_active (GTK_CHECK_BUTTON (self->protection_check)));
      /* Sent only when changed: left alone, a pending change applies now. */
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->iam_check)) != self->iam_shown)
        rds_request_set_boolean (request, "EnableIAMDatabaseAuthentication",
                                 gtk_check_button_get_active (GTK_CHECK_BUTTON (self->iam_check)));
      rds_request_set_boolean (request, "CopyTagsToSnapshot",
                               gtk_check_button_get_active (GTK_CHECK_BUTTON (self->copy_tags_check)));
      if (self->capacity_field != NULL && gtk_widget_get_visible (self->capacity_field))
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          rds_request_set (request, "ServerlessV2ScalingConfiguration.MinCapacity",
                           g_ascii_dtostr (text, sizeof text,
                                           gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->min_capacity_spin))));
          rds_request_set (request, "ServerlessV2ScalingConfiguration.MaxCapacity",
                           g_ascii_dtostr (text, sizeof text,
                                           gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->max_capacity_spin))));
        }
      rds_request_set_boolean (request, "ApplyImmediately", TRUE);
      return request;
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      request = rds_request_new ("RestoreDBClusterToPointInTime");
      rds_request_set (request, "DBClusterIdentifier", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      rds_request_set (request, "SourceDBClusterIdentifier", cluster_id (self));
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->latest_check)))
        rds_request_set_boolean (request, "UseLatestRestorableTime", TRUE);
      else
        {
          gint64 usec = 0;

          /* As the wire wants it, however it was typed. */
          if (!rds_parse_timestamp (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)), &usec))
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   _("Enter a time in UTC as YYYY-MM-DDTHH:MM:SSZ."));
              g_object_unref (request);
              return NULL;
            }
          rds_request_set_timestamp (request, "RestoreToTime", usec);
        }
      return request;
    case RDS_CLUSTER_ACTION_CREATE_ENDPOINT:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
rds_cluster_action_dialog_describe_success (RdsActionDialog *dialog,
                                            RdsQueryResult  *result)
{
  RdsClusterActionDialog *self = RDS_CLUSTER_ACTION_DIALOG (dialog);

  switch (self->action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      /* Translators: %s is a DB instance identifier */
      return g_strdup_printf (_("Creating reader %s"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
    case RDS_CLUSTER_ACTION_FAILOVER:
      /* Translators: %s is an Aurora cluster's identifier */
      return g_strdup_printf (_("Failing over %s"), cluster_id (self));
    case RDS_CLUSTER_ACTION_STOP:
      /* Translators: %s is an Aurora cluster's identifier */
      return g_strdup_printf (_("Stopping %s"), cluster_id (self));
    case RDS_CLUSTER_ACTION_START:
      /* Translators: %s is an Aurora cluster's identifier */
      return g_strdup_printf (_("Starting %s"), cluster_id (self));
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
      /* Translators: %s is a snapshot name */
      return g_strdup_printf (_("Creating snapshot %s"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
    case RDS_CLUSTER_ACTION_MODIFY:
      /* Translators: %s is an Aurora cluster's identifier */
      return g_strdup_printf (_("Modifying %s"), cluster_id (self));
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      /* Translators: %s is the new Aurora cluster's identifier */
      return g_strdup_printf (_("Restoring %s"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
    case RDS_CLUSTER_ACTION_DELETE:
    default:
      /* Translators: %s is an Aurora cluster's identifier */
      return g_strdup_printf (_("Deleting %s"), cluster_id (self));
    }
}

/* The first NAME-instance-N no instance has. */
static char *
next_instance_name (RdsClusterActionDialog *self)
{
  RdsResourceList *instances = rds_session_get_instances (rds_action_dialog_get_session (RDS_ACTION_DIALOG (self)));

  for (guint i = 1;; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-instance-%u", cluster_id (self), i);

      if (rds_resource_list_find (instances, name) == NULL)
        return g_steal_pointer (&name);
    }
}

static RdsDbInstance *
writer_instance (RdsClusterActionDialog *self)
{
  RdsResourceList *instances = rds_session_get_instances (rds_action_dialog_get_session (RDS_ACTION_DIALOG (self)));
  const char *writer = rds_db_cluster_get_writer (cluster_of (self));

  return writer != NULL ? rds_resource_list_find (instances, writer) : NULL;
}

static void
add_reader_fields (RdsClusterActionDialog *self)
{
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_cluster_get_engine (cluster_of (self)));
  RdsDbInstance *writer = writer_instance (self);
  const char *writer_class = writer != NULL ? rds_shape_get_string (RDS_SHAPE (writer), "db-instance-class") : NULL;
  const char * const *zones = rds_shape_get_strv (RDS_SHAPE (cluster_of (self)), "availability-zones");
  const RdsClassInfo *classes;
  g_autofree char *name = next_instance_name (self);
  GtkWidget *field;
  guint n_classes, chosen = 0;
  g_autoptr(GStrvBuilder) tiers = g_strv_builder_new ();
  g_auto(GStrv) tier_names = NULL;

  self->name_entry = rds_action_dialog_add_entry (dialog, _("DB instance identifier"), "DBInstanceIdentifier",
                                                  _("1 to 63 letters, digits or hyphens. Must begin with a letter; "
                                                    "can't end with a hyphen or contain two consecutive hyphens."),
                                                  &self->name_field);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);

  /* The classes Aurora runs on; the writer's first chosen, so that the
   * reader can take over without a smaller machine. */
  self->classes = gtk_string_list_new (NULL);
  classes = rds_catalog_get_classes (&n_classes);
  for (guint i = 0; engine != NULL && i < n_classes; i++)
    if (rds_catalog_class_supports (&classes[i], engine) &&
        /* Serverless v2 once the cluster has a capacity range. */
        (!classes[i].serverless ||
         rds_shape_get_object (RDS_SHAPE (cluster_of (self)), "serverless-v2-scaling-configuration") != NULL))
      {
        if (g_strcmp0 (classes[i].name, writer_class) == 0)
          chosen = g_list_model_get_n_items (G_LIST_MODEL (self->classes));
        gtk_string_list_append (self->classes, classes[i].name);
      }
  self->class_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->classes)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->class_dropdown), chosen);
  field = rds_form_field_new (_("DB instance class"), self->class_dropdown);
  rds_form_field_set_parameter (RDS_FORM_FIELD (field), "DBInstanceClass");
  rds_action_dialog_add (dialog, field);

  self->zones = gtk_string_list_new (NULL);
  gtk_string_list_append (self->zones, "");
  for (guint i = 0; zones != NULL && zones[i] != NULL; i++)
    gtk_string_list_append (self->zones, zones[i]);
  self->zone_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->zones)),
                                           gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                        G_CALLBACK (rds_format_or_dash),
                                                                        NULL, NULL));
  field = rds_form_field_new (_("Availability Zone"), self->zone_dropdown);
  rds_form_field_set_hint (RDS_FORM_FIELD (field), _("“-”: Aurora chooses, spreading the readers over the zones."));
  rds_action_dialog_add (dialog, field);

  for (int tier = 0; tier <= 15; tier++)
    {
      /* Translators: an Aurora promotion tier: "tier-0" first to take over */
      g_autofree char *label = g_strdup_printf (_("tier-%d"), tier);

      g_strv_builder_add (tiers, label);
    }
  tier_names = g_strv_builder_end (tiers);
  self->tier_dropdown = gtk_drop_down_new_from_strings ((const char * const *) tier_names);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->tier_dropdown), 1);
  field = rds_form_field_new (_("Failover priority"), self->tier_dropdown);
  rds_form_field_set_hint (RDS_FORM_FIELD (field),
                           _("In a failover, the reader of the lowest tier takes over; among equals, the largest."));
  rds_action_dialog_add (dialog, field);
}

static void
add_failover_fields (RdsClusterActionDialog *self)
{
  GListModel *members = rds_db_cluster_get_members (cluster_of (self));
  GtkWidget *field;

  self->targets = gtk_string_list_new (NULL);
  gtk_string_list_append (self->targets, "");
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (members, i);

      if (!rds_db_cluster_member_is_writer (member))
        gtk_string_list_append (self->targets, rds_db_cluster_member_get_instance_identifier (member));
    }
  self->target_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->targets)),
                                             gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                          G_CALLBACK (rds_format_or_dash),
                                                                          NULL, NULL));
  field = rds_form_field_new (_("New writer"), self->target_dropdown);
  rds_form_field_set_parameter (RDS_FORM_FIELD (field), "TargetDBInstanceIdentifier");
  rds_form_field_set_hint (RDS_FORM_FIELD (field),
                           _("“-”: Aurora chooses the reader of the lowest tier, then the largest."));
  rds_action_dialog_add (RDS_ACTION_DIALOG (self), field);
}

static void
rds_cluster_action_dialog_constructed (GObject *object)
{
  RdsClusterActionDialog *self = RDS_CLUSTER_ACTION_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  g_autofree char *escaped = NULL;
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rds_cluster_action_dialog_parent_class)->constructed (object);
  escaped = g_markup_escape_text (cluster_id (self), -1);

  switch (self->action)
    {
    case RDS_CLUSTER_ACTION_ADD_READER:
      rds_action_dialog_set_heading (dialog, _("Add reader"));
      /* Translators: %s is an Aurora cluster's identifier */
      body = g_strdup_printf (_("A reader of <b>%s</b>: it reads the cluster volume, serves reads through the "
                                "reader endpoint and can take over as the writer."), escaped);
      add_reader_fields (self);
      rds_action_dialog_set_submit_label (dialog, _("_Add reader"), FALSE);
      break;
    case RDS_CLUSTER_ACTION_FAILOVER:
      rds_action_dialog_set_heading (dialog, _("Fail over DB cluster?"));
      /* Translators: %s is an Aurora cluster's identifier */
      body = g_strdup_printf (_("A reader of <b>%s</b> becomes the writer, usually in less than 30 seconds; "
                                "the writer restarts as a reader. Connections to the cluster endpoint drop "
                                "and reconnect to the new writer."), escaped);
      add_failover_fields (self);
      rds_action_dialog_set_submit_label (dialog, _("_Failover"), FALSE);
      break;
    case RDS_CLUSTER_ACTION_STOP:
      rds_action_dialog_set_heading (dialog, _("Stop DB cluster temporarily?"));
      /* Translators: %s is an Aurora cluster's identifier */
      body = g_strdup_printf (_("<b>%s</b> and all its instances stop. You pay for the storage, not for the "
                                "instances. It starts again by itself after seven days."), escaped);
      rds_action_dialog_set_submit_label (dialog, _("_Stop temporarily"), FALSE);
      break;
    case RDS_CLUSTER_ACTION_START:
      rds_action_dialog_set_heading (dialog, _("Start DB cluster?"));
      /* Translators: %s is an Aurora cluster's identifier */
      body = g_strdup_printf (_("<b>%s</b> and all its instances start."), escaped);
      rds_action_dialog_set_submit_label (dialog, _("_Start"), FALSE);
      break;
    case RDS_CLUSTER_ACTION_TAKE_SNAPSHOT:
      {
        g_autofree char *name = g_strconcat (cluster_id (self), "-snapshot", NULL);

        rds_action_dialog_set_heading (dialog, _("Take DB cluster snapshot"));
        /* Translators: %s is an Aurora cluster's identifier */
        body = g_strdup_printf (_("A manual snapshot of the cluster volume of <b>%s</b>, kept until you delete "
                                  "it."), escaped);
        self->name_entry = rds_action_dialog_add_entry (dialog, _("Snapshot name"), "DBClusterSnapshotIdentifier",
                                                        _("1 to 63 letters, digits or hyphens. Must begin with a "
                                                          "letter; can't end with a hyphen or contain two "
                                                          "consecutive hyphens."),
                                                        &self->name_field);
        gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
        rds_action_dialog_set_submit_label (dialog, _("_Take snapshot"), FALSE);
      }
      break;
    case RDS_CLUSTER_ACTION_MODIFY:
      {
        RdsShape *cluster = RDS_SHAPE (cluster_of (self));
        GtkWidget *field;
        RdsShape *pending = rds_shape_get_object (cluster, "pending-modified-values");
        RdsShape *scaling = rds_shape_get_object (cluster, "serverless-v2-scaling-configuration");
        RdsTristate pending_iam = pending != NULL ? rds_shape_get_tristate (pending,
                                                                            "iam-database-authentication-enabled")
                                                  : RDS_TRISTATE_UNSET;

        rds_action_dialog_set_heading (dialog, _("Modify DB cluster"));
        /* ApplyImmediately takes the changes waiting for the window along. */
        if (pending != NULL)
          /* Translators: %s is an Aurora cluster's identifier */
          body = g_strdup_printf (_("The settings of <b>%s</b> that are the cluster's: they apply at once, and so "
                                    "do the changes waiting for its maintenance window."), escaped);
        else
          /* Translators: %s is an Aurora cluster's identifier */
          body = g_strdup_printf (_("The settings of <b>%s</b> that are the cluster's: they apply at once."),
                                  escaped);
        self->retention_spin = gtk_spin_button_new_with_range (1, 35, 1);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->retention_spin),
                                   rds_shape_get_int (cluster, "backup-retention-period"));
        gtk_widget_set_halign (self->retention_spin, GTK_ALIGN_START);
        field = rds_form_field_new (_("Backup retention period (days)"), self->retention_spin);
        rds_form_field_set_parameter (RDS_FORM_FIELD (field), "BackupRetentionPeriod");
        rds_form_field_set_hint (RDS_FORM_FIELD (field), _("1 to 35 days: Aurora’s backups can’t be turned off."));
        rds_action_dialog_add (dialog, field);
        self->optimized_check = rds_action_dialog_add_check (dialog, _("Aurora _I/O-Optimized storage"));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->optimized_check),
                                     g_strcmp0 (rds_shape_get_string (cluster, "storage-type"), "aurora-iopt1") == 0);
        self->iam_check = rds_action_dialog_add_check (dialog, _("IAM database _authentication"));
        self->iam_shown = pending_iam != RDS_TRISTATE_UNSET
                          ? pending_iam == RDS_TRISTATE_TRUE
                          : rds_shape_get_boolean (cluster, "iam-database-authentication-enabled");
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->iam_check), self->iam_shown);
        self->copy_tags_check = rds_action_dialog_add_check (dialog, _("_Copy tags to snapshots"));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->copy_tags_check),
                                     rds_shape_get_boolean (cluster, "copy-tags-to-snapshot"));
        self->protection_check = rds_action_dialog_add_check (dialog, _("Enable deletion _protection"));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->protection_check),
                                     rds_shape_get_boolean (cluster, "deletion-protection"));
        /* Serverless v2's range: the cluster's, or a first one asked for
         * (Serverless v2 readers can join it then). */
        if (scaling == NULL)
          {
            self->capacity_check = rds_action_dialog_add_check (dialog, _("Set a _Serverless v2 capacity range"));
            g_signal_connect_object (self->capacity_check, "toggled", G_CALLBACK (rds_action_dialog_revalidate), dialog,
                                     G_CONNECT_SWAPPED);
          }
        add_capacity_field (self, dialog, scaling);
        rds_action_dialog_set_submit_label (dialog, _("_Modify cluster"), FALSE);
      }
      break;
    case RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME:
      {
        RdsShape *cluster = RDS_SHAPE (cluster_of (self));
        g_autofree char *name = g_strconcat (cluster_id (self), "-restored", NULL);
        g_autofree char *from = format_utc (rds_shape_get_timestamp (cluster,
                                                                                         "earliest-restorable-time"));
        g_autofree char *to = format_utc (rds_shape_get_timestamp (cluster,
                                                                                       "latest-restorable-time"));

        rds_action_dialog_set_heading (dialog, _("Restore to point in time"));
        /* Translators: %1$s is an Aurora cluster's identifier; %2$s and %3$s its restorable window */
        body = g_strdup_printf (_("A new cluster with the data of <b>%1$s</b> as it was at a second from %2$s to "
                                  "%3$s. It has no instances: add a writer and readers once it is "
                                  "available."), escaped, from, to);
        self->name_entry = rds_action_dialog_add_entry (dialog, _("DB cluster identifier"), "DBClusterIdentifier",
                                                        _("1 to 63 letters, digits or hyphens. Must begin with a "
                                                          "letter; can't end with a hyphen or contain two "
                                                          "consecutive hyphens."),
                                                        &self->name_field);
        gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
        self->latest_check = rds_action_dialog_add_check (dialog, _("_Latest restorable time"));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->latest_check), TRUE);
        self->time_entry = rds_action_dialog_add_entry (dialog, _("Restore time (UTC)"), "RestoreToTime",
                                                        _("YYYY-MM-DDTHH:MM:SSZ"), &self->time_field);
        rds_action_dialog_set_submit_label (dialog, _("_Restore to point in time"), FALSE);
      }
      break;
    case RDS_CLUSTER_ACTION_DELETE:
    default:
      {
        g_autofree char *name = g_strconcat (cluster_id (self), "-final-snapshot", NULL);

        rds_action_dialog_set_heading (dialog, _("Delete DB cluster?"));
        /* Translators: %s is an Aurora cluster's identifier */
        body = g_strdup_printf (_("<b>%s</b> and its volume go, with its automated backups. A final snapshot "
                                  "keeps the data."), escaped);
        self->snapshot_check = rds_action_dialog_add_check (dialog, _("Create final _snapshot"));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->snapshot_check), TRUE);
        self->name_entry = rds_action_dialog_add_entry (dialog, _("Final snapshot name"), "FinalDBSnapshotIdentifier",
                                                        NULL, &self->name_field);
        gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
        self->confirm_entry = rds_action_dialog_add_delete_confirmation (dialog, NULL);
        rds_action_dialog_set_submit_label (dialog, _("_Delete"), TRUE);
      }
      break;
    }
  rds_action_dialog_set_body (dialog, body);
  rds_action_dialog_revalidate (dialog);
}

static void
rds_cluster_action_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RdsClusterActionDialog *self = RDS_CLUSTER_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      self->action = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_cluster_action_dialog_dispose (GObject *object)
{
  RdsClusterActionDialog *self = RDS_CLUSTER_ACTION_DIALOG (object);

  g_clear_object (&self->classes);
  g_clear_object (&self->zones);
  g_clear_object (&self->targets);

  G_OBJECT_CLASS (rds_cluster_action_dialog_parent_class)->dispose (object);
}

static void
rds_cluster_action_dialog_class_init (RdsClusterActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_cluster_action_dialog_constructed;
  object_class->set_property = rds_cluster_action_dialog_set_property;
  object_class->dispose = rds_cluster_action_dialog_dispose;

  dialog_class->validate = rds_cluster_action_dialog_validate;
  dialog_class->build_request = rds_cluster_action_dialog_build_request;
  dialog_class->describe_success = rds_cluster_action_dialog_describe_success;

  properties[PROP_ACTION] =
    g_param_spec_int ("action", NULL, NULL, 0, RDS_CLUSTER_ACTION_RESTORE_TO_POINT_IN_TIME, 0,
                      G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_cluster_action_dialog_init (RdsClusterActionDialog *self)
{
}

RdsActionDialog *
rds_cluster_action_dialog_new (RdsSession       *session,
                               RdsDbCluster     *cluster,
                               RdsClusterAction  action)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (cluster), NULL);
  g_return_val_if_fail (action != RDS_CLUSTER_ACTION_CREATE_ENDPOINT, NULL);

  return g_object_new (RDS_TYPE_CLUSTER_ACTION_DIALOG,
                       "session", session,
                       "resource", cluster,
                       "action", action,
                       NULL);
}
