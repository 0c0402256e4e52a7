/* rds-database-form.c: the create, modify and read replica wizards' form, assembled from sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every section of the RDS console's Create database page that applies to
 * a DB instance, in its order (reference §1.1): creation method, engine
 * options, templates (or Easy create's sizes), availability, settings and
 * credentials, instance class, storage and autoscaling, connectivity,
 * database authentication, monitoring and additional configuration.
 * Modify shows the same form, filled from the instance, without what can't
 * change after creation.
 *
 * Create read replica (reference §2.4) shows the same sections filled from
 * the source, in the RDS console's order: the source (read-only, its
 * engine the replica's) and the replica's identifier, the destination
 * Region (the session's first), instance class, storage (no less than the
 * source's), Multi-AZ, connectivity in that Region, encryption as the
 * source's, monitoring and additional configuration. The sections follow
 * the destination Region: its zones, subnet and parameter groups, keys.
 *
 * The sections from engine on are RdsFormSections: each validates itself,
 * adds its parameters to the request and says what Modify would change.
 * The form keeps what ties them together: the creation method and the
 * templates (presets across sections), the engine every section follows,
 * and the orderable options (DescribeOrderableDBInstanceOptions) of the
 * engine version, from which the instance class and storage sections offer
 * their choices. "waiting-for" says what is loading; "valid" is TRUE only
 * when every section is.
 */

#include "config.h"

#include "rds-database-form.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rds-additional-configuration-section.h"
#include "rds-authentication-section.h"
#include "rds-availability-section.h"
#include "rds-connectivity-section.h"
#include "rds-db-instance.h"
#include "rds-engine-section.h"
#include "rds-instance-class-section.h"
#include "rds-monitoring-section.h"
#include "rds-region.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-settings-section.h"
#include "rds-storage-section.h"

typedef enum
{
  TEMPLATE_PRODUCTION,
  TEMPLATE_DEVTEST,
  TEMPLATE_FREE,
} Template;

struct _RdsDatabaseForm
{
  GtkWidget            parent_instance;

  RdsSession          *session;
  RdsDatabaseFormMode  mode;
  RdsDbInstance       *instance;     /* modify: the instance as it was */
  Template             template_;
  gboolean             valid;
  gboolean             storage_valid;
  gboolean             applying;     /* applying a preset */
  char                *waiting_for;

  RdsResourceList     *orderable;
  gboolean             orderable_stale; /* asked again while a refresh was on its way */
  char                *offered_class;   /* what the storage section was offered for */
  char                *offered_license;
  GPtrArray           *region_names;    /* a replica's Regions, as the dropdown lists them */

  /* Template */
  GtkWidget *method_section, *size_section, *template_section;
  GtkWidget *method_standard, *method_easy;
  GtkWidget *size_production, *size_devtest, *size_free;
  GtkWidget *template_production, *template_devtest, *template_free;
  GtkWidget *sections_box, *region_section, *region_dropdown;
  RdsEngineSection                  *engine_section;
  RdsAvailabilitySection            *availability_section;
  RdsSettingsSection                *settings_section;
  RdsInstanceClassSection           *instance_section;
  RdsStorageSection                 *storage_section;
  RdsConnectivitySection            *connectivity_section;
  RdsAuthenticationSection          *auth_section;
  RdsMonitoringSection              *monitoring_section;
  RdsAdditionalConfigurationSection *additional_section;
};

G_DEFINE_FINAL_TYPE (RdsDatabaseForm, rds_database_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALID,
  PROP_WAITING_FOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void revalidate (RdsDatabaseForm *self);

/* The sections, top to bottom: the order of Modify's summary too. */
#define N_SECTIONS 9

static void
get_sections (RdsDatabaseForm *self,
              RdsFormSection  *sections[N_SECTIONS])
{
  sections[0] = RDS_FORM_SECTION (self->engine_section);
  sections[1] = RDS_FORM_SECTION (self->availability_section);
  sections[2] = RDS_FORM_SECTION (self->settings_section);
  sections[3] = RDS_FORM_SECTION (self->instance_section);
  sections[4] = RDS_FORM_SECTION (self->storage_section);
  sections[5] = RDS_FORM_SECTION (self->connectivity_section);
  sections[6] = RDS_FORM_SECTION (self->auth_section);
  sections[7] = RDS_FORM_SECTION (self->monitoring_section);
  sections[8] = RDS_FORM_SECTION (self->additional_section);
}

static gboolean
creating (RdsDatabaseForm *self)
{
  return self->mode == RDS_DATABASE_FORM_CREATE;
}

static gboolean
replica (RdsDatabaseForm *self)
{
  return self->mode == RDS_DATABASE_FORM_REPLICA;
}

static gboolean
restoring (RdsDatabaseForm *self)
{
  return self->mode == RDS_DATABASE_FORM_RESTORE;
}

static gboolean
easy (RdsDatabaseForm *self)
{
  return creating (self) && rds_form_is_active (self->method_easy);
}

static const RdsEngineInfo *
engine (RdsDatabaseForm *self)
{
  return rds_engine_section_get_chosen (self->engine_section);
}

static void
set_waiting_for (RdsDatabaseForm *self,
                 const char      *what)
{
  if (g_strcmp0 (self->waiting_for, what) == 0)
    return;

  g_free (self->waiting_for);
  self->waiting_for = g_strdup (what);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_FOR]);
}

/* The first thing loading, in the order the form needs them. */
static void
update_waiting_for (RdsDatabaseForm *self)
{
  const char *engine_wait = rds_form_section_get_waiting_for (RDS_FORM_SECTION (self->engine_section));
  RdsFormSection *others[] = {
    RDS_FORM_SECTION (self->connectivity_section), RDS_FORM_SECTION (self->additional_section),
  };

  if (engine_wait != NULL)
    {
      set_waiting_for (self, engine_wait);
      return;
    }
  if (self->orderable != NULL && rds_resource_list_get_loading (self->orderable))
    {
      set_waiting_for (self, _("Loading instance classes…"));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (rds_form_section_get_waiting_for (others[i]) != NULL)
      {
        set_waiting_for (self, rds_form_section_get_waiting_for (others[i]));
        return;
      }
  set_waiting_for (self, NULL);
}

/* Instance classes and storage, from the orderable options */

/* Offers the storage section the types of the class chosen, when the class,
 * the license or (@force) the options changed. */
static void
offer_storage (RdsDatabaseForm *self,
               gboolean         force)
{
  const char *klass = rds_instance_class_section_get_class (self->instance_section);
  const char *license = rds_engine_section_get_license (self->engine_section);

  if (!force && g_strcmp0 (klass, self->offered_class) == 0 &&
      g_strcmp0 (license, self->offered_license) == 0)
    return;

  g_free (self->offered_class);
  self->offered_class = g_strdup (klass);
  g_free (self->offered_license);
  self->offered_license = g_strdup (license);
  rds_storage_section_set_offer (self->storage_section, rds_resource_list_get_model (self->orderable),
                                 klass, license);
}

static void
offer_classes (RdsDatabaseForm *self)
{
  rds_instance_class_section_set_offer (self->instance_section,
                                        rds_resource_list_get_model (self->orderable),
                                        rds_engine_section_get_license (self->engine_section),
                                        rds_resource_list_get_error (self->orderable));
  offer_storage (self, TRUE);
}

static void
load_orderable (RdsDatabaseForm *self)
{
  const char *version = rds_engine_section_get_version (self->engine_section);

  if (version == NULL || engine (self) == NULL)
    return;

  rds_resource_list_set_parameter (self->orderable, "Engine", engine (self)->engine);
  rds_resource_list_set_parameter (self->orderable, "EngineVersion", version);
  if (!rds_resource_list_refresh (self->orderable))
    self->orderable_stale = TRUE;
  update_waiting_for (self);
}

static void
orderable_refreshed_cb (RdsDatabaseForm *self,
                        const GError    *error)
{
  if (self->orderable_stale)
    {
      self->orderable_stale = FALSE;
      load_orderable (self);
      return;
    }

  offer_classes (self);
  update_waiting_for (self);
  revalidate (self);
}

/* The engine and its version */

static gboolean
free_tier_allowed (const RdsEngineInfo *engine)
{
  return g_str_equal (engine->engine, "mysql") || g_str_equal (engine->engine, "mariadb") ||
         g_str_equal (engine->engine, "postgres") || g_str_equal (engine->engine, "sqlserver-ex");
}

static void
engine_changed_cb (RdsDatabaseForm *self)
{
  const RdsEngineInfo *chosen = engine (self);
  RdsFormSection *sections[N_SECTIONS];

  if (chosen == NULL)
    return;

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    rds_form_section_set_engine (sections[i], chosen);

  if (creating (self))
    {
      gtk_widget_set_sensitive (self->template_free, free_tier_allowed (chosen));
      if (!free_tier_allowed (chosen) && rds_form_is_active (self->template_free))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->template_devtest), TRUE);
      gtk_widget_set_sensitive (self->size_free, free_tier_allowed (chosen));
      if (!free_tier_allowed (chosen) && rds_form_is_active (self->size_free))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->size_devtest), TRUE);
    }
  revalidate (self);
}

static void
version_changed_cb (RdsDatabaseForm *self)
{
  load_orderable (self);
  /* The parameter groups of the version's family. */
  rds_additional_configuration_section_set_family (self->additional_section,
                                                   rds_engine_section_get_family (self->engine_section));
  revalidate (self);
}

static void
license_changed_cb (RdsDatabaseForm *self)
{
  offer_classes (self);
  revalidate (self);
}

/* Templates and presets */

static void
apply_preset (RdsDatabaseForm *self,
              Template         preset,
              const char      *instance_class,
              int              allocated)
{
  gboolean multi_az_possible = (engine (self)->multi_az || engine (self)->aurora) && preset != TEMPLATE_FREE;

  self->applying = TRUE;
  self->template_ = preset;
  switch (preset)
    {
    case TEMPLATE_PRODUCTION:
      rds_instance_class_section_choose (self->instance_section,
                                         instance_class != NULL ? instance_class : "db.r6g.large");
      offer_storage (self, FALSE);
      rds_storage_section_choose (self->storage_section, "io1", MAX (allocated, 100), 3000, 1000);
      rds_availability_section_set_multi_az (self->availability_section, TRUE, multi_az_possible);
      rds_additional_configuration_section_set_deletion_protection (self->additional_section, TRUE);
      break;
    case TEMPLATE_FREE:
      rds_instance_class_section_choose (self->instance_section, "db.t3.micro");
      offer_storage (self, FALSE);
      rds_storage_section_choose (self->storage_section, "gp2", 20, 0, 1000);
      rds_availability_section_set_multi_az (self->availability_section, FALSE, multi_az_possible);
      rds_additional_configuration_section_set_deletion_protection (self->additional_section, FALSE);
      break;
    case TEMPLATE_DEVTEST:
    default:
      rds_instance_class_section_choose (self->instance_section,
                                         instance_class != NULL ? instance_class : "db.t3.medium");
      offer_storage (self, FALSE);
      rds_storage_section_choose (self->storage_section, "gp3", MAX (allocated, 20), 0, 1000);
      rds_availability_section_set_multi_az (self->availability_section, FALSE, multi_az_possible);
      rds_additional_configuration_section_set_deletion_protection (self->additional_section, FALSE);
      break;
    }
  self->applying = FALSE;
}

static void
template_toggled_cb (RdsDatabaseForm *self,
                     GtkWidget       *check)
{
  if (!rds_form_is_active (check) || !creating (self) || easy (self))
    return;

  if (check == self->template_production)
    apply_preset (self, TEMPLATE_PRODUCTION, NULL, 100);
  else if (check == self->template_free)
    apply_preset (self, TEMPLATE_FREE, NULL, 20);
  else
    apply_preset (self, TEMPLATE_DEVTEST, NULL, 20);
  revalidate (self);
}

static void
size_toggled_cb (RdsDatabaseForm *self,
                 GtkWidget       *check)
{
  if (!rds_form_is_active (check) || !easy (self))
    return;

  /* Easy create: a size, and best-practice defaults for the rest. Choosing
   * Easy create applies the size already chosen. */
  if (rds_form_is_active (self->size_production))
    apply_preset (self, TEMPLATE_PRODUCTION, "db.r6g.xlarge", 500);
  else if (rds_form_is_active (self->size_devtest))
    apply_preset (self, TEMPLATE_DEVTEST, "db.r6g.large", 100);
  else
    apply_preset (self, TEMPLATE_FREE, NULL, 20);
  revalidate (self);
}

/* Validation */

static void
update_visibility (RdsDatabaseForm *self)
{
  gboolean create = creating (self);
  gboolean standard = !easy (self);
  GtkWidget *standard_only[] = {
    GTK_WIDGET (self->availability_section), GTK_WIDGET (self->instance_section),
    GTK_WIDGET (self->storage_section), GTK_WIDGET (self->connectivity_section),
    GTK_WIDGET (self->monitoring_section), GTK_WIDGET (self->additional_section),
  };

  gtk_widget_set_visible (self->region_section, replica (self));
  gtk_widget_set_visible (self->method_section, create);
  gtk_widget_set_visible (GTK_WIDGET (self->engine_section), create);
  gtk_widget_set_visible (self->size_section, create && !standard);
  gtk_widget_set_visible (self->template_section, create && standard);
  for (guint i = 0; i < G_N_ELEMENTS (standard_only); i++)
    gtk_widget_set_visible (standard_only[i], standard);
  gtk_widget_set_visible (GTK_WIDGET (self->auth_section), standard && engine (self)->iam_auth);
  /* A restore takes no monitoring settings: they are set by Modify after. */
  gtk_widget_set_visible (GTK_WIDGET (self->monitoring_section), standard && !restoring (self));

  rds_connectivity_section_set_multi_az (self->connectivity_section,
                                         rds_availability_section_get_multi_az (self->availability_section));
}

static void
revalidate (RdsDatabaseForm *self)
{
  RdsFormSection *sections[N_SECTIONS];
  gboolean valid = TRUE;

  if (self->applying || engine (self) == NULL)
    return;

  update_visibility (self);
  offer_storage (self, FALSE);

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      gboolean ok = rds_form_section_validate (sections[i]);

      if (sections[i] == RDS_FORM_SECTION (self->storage_section))
        self->storage_valid = ok;
      valid &= ok;
    }

  /* Nothing is valid before what RDS offers is known. */
  valid &= self->waiting_for == NULL;

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
section_waiting_cb (RdsDatabaseForm *self)
{
  update_waiting_for (self);
  revalidate (self);
}

/* Requests */

/**
 * rds_database_form_build_create_request:
 * @password: (out) (optional): the master password to keep in the keyring,
 *   %NULL when Secrets Manager manages it
 *
 * Returns: (transfer full): CreateDBInstance with every field of the form
 */
RdsRequest *
rds_database_form_build_create_request (RdsDatabaseForm  *self,
                                        char            **password)
{
  RdsFormSection *sections[N_SECTIONS];
  RdsRequest *request;
  g_autofree char *secret = NULL;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  rds_monitoring_section_set_account_id (self->monitoring_section,
                                         rds_connectivity_section_get_account_id (self->connectivity_section));
  request = rds_request_new ("CreateDBInstance");
  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    rds_form_section_add_to_create (sections[i], request);

  secret = rds_settings_section_take_password (self->settings_section);
  if (password != NULL)
    *password = g_steal_pointer (&secret);
  else if (secret != NULL)
    explicit_bzero (secret, strlen (secret));

  return request;
}

/* What CreateDBInstance's parameters become for an Aurora cluster, by
 * their name before any '.': the cluster's (under its own name there), its
 * instances' too, or nothing (a cluster volume has no size, no standby). */
static const struct
{
  const char *name;
  const char *cluster_name;   /* NULL: the instances' alone */
  gboolean    instance;
} aurora_parameters[] = {
  { "Engine", "Engine", TRUE },
  { "EngineVersion", "EngineVersion", FALSE },
  { "MasterUsername", "MasterUsername", FALSE },
  { "MasterUserPassword", "MasterUserPassword", FALSE },
  { "ManageMasterUserPassword", "ManageMasterUserPassword", FALSE },
  { "MasterUserSecretKmsKeyId", "MasterUserSecretKmsKeyId", FALSE },
  { "DBName", "DatabaseName", FALSE },
  { "Port", "Port", FALSE },
  { "BackupRetentionPeriod", "BackupRetentionPeriod", FALSE },
  { "PreferredBackupWindow", "PreferredBackupWindow", FALSE },
  { "PreferredMaintenanceWindow", "PreferredMaintenanceWindow", TRUE },
  { "StorageEncrypted", "StorageEncrypted", FALSE },
  { "KmsKeyId", "KmsKeyId", FALSE },
  { "StorageType", "StorageType", FALSE },
  { "VpcSecurityGroupIds", "VpcSecurityGroupIds", FALSE },
  { "DBSubnetGroupName", "DBSubnetGroupName", TRUE },
  { "EnableIAMDatabaseAuthentication", "EnableIAMDatabaseAuthentication", FALSE },
  { "DeletionProtection", "DeletionProtection", FALSE },
  { "EnableCloudwatchLogsExports", "EnableCloudwatchLogsExports", FALSE },
  { "CopyTagsToSnapshot", "CopyTagsToSnapshot", TRUE },
  { "Tags", "Tags", TRUE },
  { "NetworkType", "NetworkType", TRUE },
  { "ServerlessV2ScalingConfiguration", "ServerlessV2ScalingConfiguration", FALSE },
  { "AllocatedStorage", NULL, FALSE },
  { "MaxAllocatedStorage", NULL, FALSE },
  { "Iops", NULL, FALSE },
  { "StorageThroughput", NULL, FALSE },
  { "MultiAZ", NULL, FALSE },
  { "LicenseModel", NULL, FALSE },
  { "CharacterSetName", NULL, FALSE },
  { "DBInstanceIdentifier", NULL, FALSE },
};

/**
 * rds_database_form_build_aurora_requests:
 * @password: (out) (optional): as for rds_database_form_build_create_request ()
 *
 * An Aurora cluster from the form, as the RDS console makes it: the
 * cluster (named by the identifier typed), then its writer
 * (IDENTIFIER-instance-1) and, with a replica in another zone, a reader
 * (IDENTIFIER-instance-2).
 *
 * Returns: (transfer full) (element-type RdsRequest): CreateDBCluster, then
 *   CreateDBInstance for each instance
 */
GPtrArray *
rds_database_form_build_aurora_requests (RdsDatabaseForm  *self,
                                         char            **password)
{
  g_autoptr(RdsRequest) all = NULL;
  g_autoptr(RdsRequest) instance = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *requests = g_ptr_array_new_with_free_func (g_object_unref);
  RdsRequest *cluster = rds_request_new ("CreateDBCluster");
  g_autofree char *identifier = NULL;
  g_autofree char *writer = NULL;
  gboolean reader = FALSE;
  int retention = 1;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  all = rds_database_form_build_create_request (self, password);
  identifier = g_ascii_strdown (rds_request_get_string (all, "DBInstanceIdentifier"), -1);
  rds_request_get_boolean (all, "MultiAZ", &reader, NULL);
  instance = rds_request_new ("CreateDBInstance");
  names = rds_request_dup_names (all);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize prefix = strcspn (names[i], ".");
      const char *value = rds_request_get_string (all, names[i]);
      gboolean known = FALSE;

      for (guint p = 0; p < G_N_ELEMENTS (aurora_parameters); p++)
        {
          if (strlen (aurora_parameters[p].name) != prefix ||
              strncmp (names[i], aurora_parameters[p].name, prefix) != 0)
            continue;
          known = TRUE;
          if (aurora_parameters[p].cluster_name != NULL)
            {
              g_autofree char *name = g_strconcat (aurora_parameters[p].cluster_name, names[i] + prefix, NULL);

              rds_request_set (cluster, name, value);
            }
          if (aurora_parameters[p].instance)
            rds_request_set (instance, names[i], value);
        }
      if (!known)
        rds_request_set (instance, names[i], value);
    }
  /* Aurora's backups can't be turned off. */
  rds_request_get_int (all, "BackupRetentionPeriod", &retention, NULL);
  if (retention < 1)
    rds_request_set_int (cluster, "BackupRetentionPeriod", 1);

  rds_request_set (cluster, "DBClusterIdentifier", identifier);
  g_ptr_array_add (requests, cluster);

  writer = g_strconcat (identifier, "-instance-1", NULL);
  rds_request_set (instance, "DBClusterIdentifier", identifier);
  rds_request_set (instance, "DBInstanceIdentifier", writer);
  g_ptr_array_add (requests, g_object_ref (instance));
  if (reader)
    {
      g_autofree char *name = g_strconcat (identifier, "-instance-2", NULL);
      RdsRequest *second = rds_request_copy (instance);

      rds_request_set (second, "DBInstanceIdentifier", name);
      rds_request_set (second, "AvailabilityZone", NULL);
      g_ptr_array_add (requests, second);
    }
  return requests;
}

/**
 * rds_database_form_build_replica_request:
 *
 * Returns: (transfer full): CreateDBInstanceReadReplica with every field
 *   of the form, to send to the destination Region's endpoint
 */
RdsRequest *
rds_database_form_build_replica_request (RdsDatabaseForm *self)
{
  RdsFormSection *sections[N_SECTIONS];
  RdsRequest *request;
  gboolean cross_region;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);
  g_return_val_if_fail (replica (self), NULL);

  request = rds_request_new ("CreateDBInstanceReadReplica");
  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    rds_form_section_add_to_replica (sections[i], request);

  /* Another Region knows the source by its ARN only. */
  cross_region = rds_form_section_get_cross_region (RDS_FORM_SECTION (self->settings_section));
  rds_request_set (request, "SourceDBInstanceIdentifier",
                   cross_region ? rds_db_instance_get_arn (self->instance)
                                : rds_db_instance_get_identifier (self->instance));
  return request;
}

/**
 * rds_database_form_build_restore_request:
 * @action: "RestoreDBInstanceFromDBSnapshot" or
 *   "RestoreDBInstanceToPointInTime"
 *
 * Returns: (transfer full): @action with every field of the form: the new
 *   identifier and what the restore may change. The caller adds the
 *   source (the snapshot, or the instance and the time).
 */
RdsRequest *
rds_database_form_build_restore_request (RdsDatabaseForm *self,
                                         const char      *action)
{
  RdsFormSection *sections[N_SECTIONS];
  RdsRequest *request;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);
  g_return_val_if_fail (restoring (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  request = rds_request_new (action);
  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (rds_form_shown (GTK_WIDGET (sections[i])))
      rds_form_section_add_to_replica (sections[i], request);

  /* A point-in-time restore names its new instance the target. */
  if (g_str_equal (action, "RestoreDBInstanceToPointInTime"))
    {
      g_autofree char *identifier = g_strdup (rds_request_get_string (request, "DBInstanceIdentifier"));

      rds_request_set (request, "DBInstanceIdentifier", NULL);
      rds_request_set (request, "TargetDBInstanceIdentifier", identifier);
    }
  return request;
}

/**
 * rds_database_form_get_region:
 *
 * Returns: the Region the DB instance goes to: a read replica's
 *   destination, else the session's
 */
const char *
rds_database_form_get_region (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  return rds_form_section_get_region (RDS_FORM_SECTION (self->settings_section));
}

/* The replica's Regions: the session's first, then the others. */
static void
fill_regions (RdsDatabaseForm *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char *current = rds_session_get_region (self->session);
  const RdsEngineInfo *source = rds_catalog_find_engine (rds_db_instance_get_engine (self->instance));
  /* SQL Server replicates within its Region only. */
  int passes = source != NULL && source->family == RDS_FAMILY_SQLSERVER ? 1 : 2;
  const RdsRegion *regions;
  guint n;

  regions = rds_region_get_all (&n);
  for (int pass = 0; pass < passes; pass++)
    for (guint i = 0; i < n; i++)
      if (g_str_equal (regions[i].name, current) == (pass == 0))
        {
          /* Translators: a Region's name and code, "US West (Oregon)  us-west-2" */
          g_autofree char *label = g_strdup_printf (C_("region", "%s  %s"), _(regions[i].display_name),
                                                    regions[i].name);

          gtk_string_list_append (model, label);
          g_ptr_array_add (self->region_names, (gpointer) regions[i].name);
        }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->region_dropdown), G_LIST_MODEL (model));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->region_dropdown), 0);
}

static void
region_selected_cb (RdsDatabaseForm *self)
{
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->region_dropdown));
  RdsFormSection *sections[N_SECTIONS];

  if (index >= self->region_names->len)
    return;

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    rds_form_section_set_region (sections[i], g_ptr_array_index (self->region_names, index));
  update_waiting_for (self);
  revalidate (self);
}

static void
add_changes (RdsDatabaseForm *self,
             RdsFormDiff     *diff)
{
  RdsFormSection *sections[N_SECTIONS];

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    rds_form_section_add_changes (sections[i], diff);
}

/**
 * rds_database_form_get_changes:
 *
 * Returns: (transfer container) (element-type RdsFormChange): what Modify
 *   would change, attribute by attribute, in the order of the form
 */
GPtrArray *
rds_database_form_get_changes (RdsDatabaseForm *self)
{
  RdsFormDiff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) rds_form_change_free), NULL };

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);
  g_return_val_if_fail (self->instance != NULL, diff.changes);

  add_changes (self, &diff);
  return diff.changes;
}

/**
 * rds_database_form_build_modify_request:
 * @password: (out) (optional): the new master password, to keep in the
 *   keyring, or %NULL
 *
 * Returns: (transfer full): ModifyDBInstance with what changed
 */
RdsRequest *
rds_database_form_build_modify_request (RdsDatabaseForm  *self,
                                        gboolean          apply_immediately,
                                        char            **password)
{
  RdsFormDiff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) rds_form_change_free), NULL };
  g_autofree char *secret = NULL;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);
  g_return_val_if_fail (self->instance != NULL, NULL);

  diff.request = rds_request_new ("ModifyDBInstance");
  rds_request_set (diff.request, "DBInstanceIdentifier", rds_db_instance_get_identifier (self->instance));
  rds_request_set_boolean (diff.request, "ApplyImmediately", apply_immediately);
  add_changes (self, &diff);
  g_ptr_array_unref (diff.changes);

  secret = rds_settings_section_take_password (self->settings_section);
  if (password != NULL)
    *password = g_steal_pointer (&secret);
  else if (secret != NULL)
    explicit_bzero (secret, strlen (secret));

  return diff.request;
}

/**
 * rds_database_form_show_error:
 *
 * Shows the endpoint's @error next to the field it concerns, and focuses
 * that field (which scrolls it into view).
 *
 * Returns: whether a field shows it
 */
gboolean
rds_database_form_show_error (RdsDatabaseForm *self,
                              const GError    *error)
{
  RdsFormSection *sections[N_SECTIONS];

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (rds_form_section_show_error (sections[i], error))
      return TRUE;
  return FALSE;
}

/* GObject */

static void
rds_database_form_dispose (GObject *object)
{
  RdsDatabaseForm *self = RDS_DATABASE_FORM (object);

  g_clear_object (&self->orderable);
  g_clear_object (&self->instance);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_DATABASE_FORM);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_database_form_parent_class)->dispose (object);
}

static void
rds_database_form_finalize (GObject *object)
{
  RdsDatabaseForm *self = RDS_DATABASE_FORM (object);

  g_clear_pointer (&self->region_names, g_ptr_array_unref);
  g_free (self->waiting_for);
  g_free (self->offered_class);
  g_free (self->offered_license);

  G_OBJECT_CLASS (rds_database_form_parent_class)->finalize (object);
}

static void
rds_database_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsDatabaseForm *self = RDS_DATABASE_FORM (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_WAITING_FOR:
      g_value_set_string (value, self->waiting_for);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RdsDatabaseForm, name)

static void
rds_database_form_class_init (RdsDatabaseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_database_form_dispose;
  object_class->finalize = rds_database_form_finalize;
  object_class->get_property = rds_database_form_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WAITING_FOR] =
    g_param_spec_string ("waiting-for", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdsDatabaseForm::changed:
   *
   * A field changed: the cost estimate and the summary may have too.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RDS_TYPE_ENGINE_SECTION);
  g_type_ensure (RDS_TYPE_AVAILABILITY_SECTION);
  g_type_ensure (RDS_TYPE_SETTINGS_SECTION);
  g_type_ensure (RDS_TYPE_INSTANCE_CLASS_SECTION);
  g_type_ensure (RDS_TYPE_STORAGE_SECTION);
  g_type_ensure (RDS_TYPE_CONNECTIVITY_SECTION);
  g_type_ensure (RDS_TYPE_AUTHENTICATION_SECTION);
  g_type_ensure (RDS_TYPE_MONITORING_SECTION);
  g_type_ensure (RDS_TYPE_ADDITIONAL_CONFIGURATION_SECTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-database-form.ui");
  BIND (method_section); BIND (size_section); BIND (template_section);
  BIND (method_standard); BIND (method_easy);
  BIND (size_production); BIND (size_devtest); BIND (size_free);
  BIND (template_production); BIND (template_devtest); BIND (template_free);
  gtk_widget_class_bind_template_child_full (widget_class, "sections", FALSE,
                                             G_STRUCT_OFFSET (RdsDatabaseForm, sections_box));
  BIND (region_section); BIND (region_dropdown);
  BIND (engine_section); BIND (availability_section); BIND (settings_section);
  BIND (instance_section); BIND (storage_section); BIND (connectivity_section);
  BIND (auth_section); BIND (monitoring_section); BIND (additional_section);
}

#undef BIND

static void
rds_database_form_init (RdsDatabaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->region_names = g_ptr_array_new ();

  GtkWidget *presets[] = {
    self->template_production, self->template_devtest, self->template_free,
  };
  GtkWidget *sizes[] = {
    self->size_production, self->size_devtest, self->size_free, self->method_easy,
  };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    g_signal_connect_object (presets[i], "toggled", G_CALLBACK (template_toggled_cb), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_signal_connect_object (sizes[i], "toggled", G_CALLBACK (size_toggled_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->method_standard, "toggled", G_CALLBACK (revalidate), self,
                           G_CONNECT_SWAPPED);
}

/**
 * rds_database_form_new:
 * @instance: (nullable): the instance to modify, or the source of the
 *   read replica
 */
RdsDatabaseForm *
rds_database_form_new (RdsSession          *session,
                       RdsDatabaseFormMode  mode,
                       RdsDbInstance       *instance)
{
  const char *orderable_keys[] = { "DBInstanceClass", "StorageType", "LicenseModel", NULL };
  RdsFormSection *sections[N_SECTIONS];
  RdsDatabaseForm *self;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (mode == RDS_DATABASE_FORM_CREATE || RDS_IS_DB_INSTANCE (instance), NULL);

  self = g_object_new (RDS_TYPE_DATABASE_FORM, NULL);
  self->session = g_object_ref (session);
  self->mode = mode;
  self->instance = instance != NULL ? RDS_DB_INSTANCE (rds_shape_copy (RDS_SHAPE (instance))) : NULL;

  self->orderable = rds_resource_list_new ("DescribeOrderableDBInstanceOptions", orderable_keys);
  rds_resource_list_set_client (self->orderable, rds_session_get_client (session));
  g_signal_connect_object (self->orderable, "refreshed", G_CALLBACK (orderable_refreshed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orderable, "notify::loading", G_CALLBACK (update_waiting_for), self,
                           G_CONNECT_SWAPPED);

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      rds_form_section_setup (sections[i], session, mode, self->instance);
      g_signal_connect_object (sections[i], "changed", G_CALLBACK (revalidate), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sections[i], "notify::waiting-for", G_CALLBACK (section_waiting_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->engine_section, "notify::engine", G_CALLBACK (engine_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_section, "notify::version", G_CALLBACK (version_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_section, "notify::license", G_CALLBACK (license_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (creating (self))
    {
      rds_engine_section_choose (self->engine_section, "mysql");
      apply_preset (self, TEMPLATE_DEVTEST, NULL, 20);
    }
  else
    {
      engine_changed_cb (self);
    }

  if (replica (self) || restoring (self))
    /* Multi-AZ or not comes after the storage, as in the RDS console. */
    gtk_box_reorder_child_after (GTK_BOX (self->sections_box), GTK_WIDGET (self->availability_section),
                                 GTK_WIDGET (self->storage_section));
  if (replica (self))
    {
      fill_regions (self);
      g_signal_connect_object (self->region_dropdown, "notify::selected", G_CALLBACK (region_selected_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update_waiting_for (self);
  revalidate (self);

  return self;
}

gboolean
rds_database_form_get_valid (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), FALSE);

  return self->valid;
}

/**
 * rds_database_form_get_waiting_for:
 *
 * Returns: (nullable): what the form waits for from the endpoint, to show
 */
const char *
rds_database_form_get_waiting_for (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  return self->waiting_for;
}

const char *
rds_database_form_get_identifier (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  return rds_settings_section_get_identifier (self->settings_section);
}

const char *
rds_database_form_get_engine (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  return engine (self) != NULL ? engine (self)->engine : NULL;
}

void
rds_database_form_get_estimate (RdsDatabaseForm *self,
                                RdsCostEstimate *estimate,
                                gboolean        *free_tier)
{
  RdsStorageChoice storage;
  const char *klass;

  g_return_if_fail (RDS_IS_DATABASE_FORM (self));
  g_return_if_fail (estimate != NULL);

  memset (estimate, 0, sizeof *estimate);
  if (free_tier != NULL)
    *free_tier = FALSE;
  if (engine (self) == NULL)
    return;

  rds_storage_section_get_choice (self->storage_section, &storage);
  if (engine (self)->aurora)
    storage.storage_type = rds_storage_section_get_aurora_storage_type (self->storage_section);
  klass = rds_instance_class_section_get_class (self->instance_section);
  rds_catalog_estimate_monthly (engine (self), klass != NULL ? rds_catalog_find_class (klass) : NULL,
                                rds_availability_section_get_multi_az (self->availability_section),
                                storage.storage_type, storage.allocated, storage.iops, storage.throughput,
                                estimate);
  /* Serverless v2 is priced by the ACU-hour: at least its minimum. */
  {
    double min_acu;

    if (rds_instance_class_section_get_capacity (self->instance_section, &min_acu, NULL))
      {
        estimate->total -= estimate->instance;
        estimate->instance *= min_acu;
        estimate->total += estimate->instance;
      }
  }
  /* Storage the form refuses has no price: not a number, shown as such. */
  if (!self->storage_valid)
    {
      estimate->storage = estimate->total = NAN;
      estimate->iops = estimate->throughput = 0.0;
    }
  if (free_tier != NULL)
    *free_tier = creating (self) && self->template_ == TEMPLATE_FREE;
}

/**
 * rds_database_form_get_widget:
 * @name: a widget's id in the form's or a section's template, such as
 *   "identifier_entry"
 *
 * For tests, which fill the form through its widgets as a user would.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
rds_database_form_get_widget (RdsDatabaseForm *self,
                              const char      *name)
{
  RdsFormSection *sections[N_SECTIONS];
  GObject *widget;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  widget = gtk_widget_get_template_child (GTK_WIDGET (self), RDS_TYPE_DATABASE_FORM, name);
  if (widget != NULL)
    return GTK_WIDGET (widget);

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *child = rds_form_section_get_widget (sections[i], name);

      if (child != NULL)
        return child;
    }
  return NULL;
}

/* Whether the password was made up by the console, to be shown once. */
gboolean
rds_database_form_get_password_generated (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), FALSE);

  return rds_settings_section_get_password_generated (self->settings_section);
}

/* Marks every field as typed in, so empty required fields show errors. */
void
rds_database_form_reveal_errors (RdsDatabaseForm *self)
{
  RdsFormSection *sections[N_SECTIONS];

  g_return_if_fail (RDS_IS_DATABASE_FORM (self));

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    rds_form_section_reveal_errors (sections[i]);
  revalidate (self);
}
