/* rds-database-form.c: the sections of the create and modify wizards
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
 * What RDS offers comes from the endpoint: engine versions
 * (DescribeDBEngineVersions), instance classes and storage types for the
 * chosen version (DescribeOrderableDBInstanceOptions), subnet and parameter
 * groups. While one of those loads, "waiting-for" says which. Each field
 * is checked as the user types (rds-validation) and shows what is wrong
 * next to it; "valid" is TRUE only when every shown field is.
 */

#include "config.h"

#include "rds-database-form.h"

#include "rds-widget-util.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sys/random.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-region.h"
#include "rds-resource-list.h"
#include "rds-rules.h"
#include "rds-session.h"
#include "rds-validation.h"

typedef enum
{
  TEMPLATE_PRODUCTION,
  TEMPLATE_DEVTEST,
  TEMPLATE_FREE,
} Template;

typedef enum
{
  FAMILY_STANDARD,
  FAMILY_MEMORY,
  FAMILY_BURSTABLE,
} ClassFamily;

/* Performance Insights retention choices, in days. */
static const int pi_retentions[] = { 7, 31, 93, 186, 372, 731 };
/* Enhanced Monitoring granularities, in seconds. */
static const int em_intervals[] = { 1, 5, 10, 15, 30, 60 };
/* Window durations in minutes. */
static const int window_durations[] = { 30, 60, 90, 120, 150, 180 };

struct _RdsDatabaseForm
{
  GtkWidget             parent_instance;

  RdsSession           *session;
  RdsDatabaseFormMode   mode;
  RdsDbInstance        *instance;     /* modify: the instance as it was */
  /* Asked again while a refresh was on its way: read again when it ends. */
  gboolean              versions_stale;
  gboolean              orderable_stale;

  const RdsEngineInfo  *engine;
  Template              template_;
  gboolean              valid;
  gboolean              applying;     /* setting fields from code */
  gboolean              username_edited;
  gboolean              port_edited;
  gboolean              submitted_once;
  GHashTable           *touched;      /* entries the user typed in */
  char                 *account_id;
  char                 *waiting_for;

  RdsResourceList      *versions;
  RdsResourceList      *orderable;
  RdsResourceList      *subnet_groups;
  RdsResourceList      *parameter_groups;

  GPtrArray            *version_names;
  GPtrArray            *class_names;
  GPtrArray            *storage_types;
  GPtrArray            *subnet_group_names;
  GPtrArray            *parameter_group_names;
  GPtrArray            *editions;
  GPtrArray            *log_checks;
  char                 *wanted_version;
  char                 *wanted_class;
  char                 *wanted_storage_type;
  char                 *wanted_parameter_group;

  /* Template */
  GtkWidget *method_section, *engine_section, *size_section, *template_section;
  GtkWidget *availability_section, *settings_section, *instance_section, *storage_section;
  GtkWidget *connectivity_section, *auth_section, *monitoring_section, *additional_section;
  GtkWidget *method_standard, *method_easy;
  GtkWidget *engine_mysql, *engine_mariadb, *engine_postgres, *engine_oracle, *engine_sqlserver;
  GtkWidget *edition_field, *edition_dropdown, *license_field, *license_dropdown;
  GtkWidget *version_field, *version_dropdown;
  GtkWidget *size_production, *size_devtest, *size_free;
  GtkWidget *template_production, *template_devtest, *template_free;
  GtkWidget *deploy_multi_az, *deploy_single;
  GtkWidget *identifier_field, *identifier_entry;
  GtkWidget *username_field, *username_entry;
  GtkWidget *managed_check, *autogen_check;
  GtkWidget *password_field, *password_entry, *confirm_field, *confirm_entry;
  GtkWidget *class_standard, *class_memory, *class_burstable, *class_field, *class_dropdown;
  GtkWidget *storage_type_field, *storage_type_dropdown;
  GtkWidget *allocated_field, *allocated_entry, *iops_field, *iops_entry;
  GtkWidget *throughput_field, *throughput_entry;
  GtkWidget *autoscaling_check, *max_storage_field, *max_storage_entry;
  GtkWidget *subnet_group_field, *subnet_group_dropdown;
  GtkWidget *public_yes, *public_no;
  GtkWidget *security_group_field, *security_group_dropdown;
  GtkWidget *zone_field, *zone_dropdown, *ca_field, *ca_dropdown, *port_field, *port_entry;
  GtkWidget *auth_password, *auth_iam;
  GtkWidget *pi_check, *pi_retention_field, *pi_retention_dropdown;
  GtkWidget *em_check, *em_granularity_field, *em_granularity_dropdown;
  GtkWidget *db_name_field, *db_name_entry, *parameter_group_field, *parameter_group_dropdown;
  GtkWidget *backup_check, *retention_field, *retention_dropdown;
  GtkWidget *backup_window_field, *backup_window_choose, *backup_window_none, *backup_box;
  GtkWidget *backup_hour_spin, *backup_minute_spin, *backup_duration_dropdown;
  GtkWidget *copy_tags_check, *encryption_check, *kms_field, *kms_dropdown, *kms_entry;
  GtkWidget *logs_box, *auto_minor_check;
  GtkWidget *maintenance_window_field, *maintenance_window_choose, *maintenance_window_none;
  GtkWidget *maintenance_box, *maintenance_day_dropdown, *maintenance_hour_spin;
  GtkWidget *maintenance_minute_spin, *maintenance_duration_dropdown;
  GtkWidget *deletion_check;
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

static void revalidate                    (RdsDatabaseForm *self);
static void load_orderable                (RdsDatabaseForm *self);
static void parameter_groups_refreshed_cb (RdsDatabaseForm *self,
                                           const GError    *error);

void
rds_form_change_free (RdsFormChange *change)
{
  g_free (change->attribute);
  g_free (change->current);
  g_free (change->wanted);
  g_free (change);
}

/* Small helpers */

static gboolean
is_active (GtkWidget *check)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

static void
set_active (GtkWidget *check,
            gboolean   active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
}

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
set_text (RdsDatabaseForm *self,
          GtkWidget       *editable,
          const char      *text)
{
  gboolean applying = self->applying;

  self->applying = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
  self->applying = applying;
}

static void
set_int_text (RdsDatabaseForm *self,
              GtkWidget       *editable,
              int              value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  set_text (self, editable, text);
}

static void
fill_dropdown (GtkWidget          *dropdown,
               const char * const *labels,
               guint               n_labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (model));
}

static guint
selected (GtkWidget *dropdown)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
}

static void
select_index (RdsDatabaseForm *self,
              GtkWidget       *dropdown,
              guint            index)
{
  gboolean applying = self->applying;

  self->applying = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), index);
  self->applying = applying;
}

static int
index_of (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; names != NULL && name != NULL && i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return i;
  return -1;
}

static const char *
selected_name (GPtrArray *names,
               GtkWidget *dropdown)
{
  guint index = selected (dropdown);

  return names != NULL && index < names->len ? g_ptr_array_index (names, index) : NULL;
}

static gboolean
creating (RdsDatabaseForm *self)
{
  return self->mode == RDS_DATABASE_FORM_CREATE;
}

static gboolean
easy (RdsDatabaseForm *self)
{
  return creating (self) && is_active (self->method_easy);
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

static void
update_waiting_for (RdsDatabaseForm *self)
{
  if (self->versions != NULL && rds_resource_list_get_loading (self->versions))
    set_waiting_for (self, _("Loading engine versions…"));
  else if (self->orderable != NULL && rds_resource_list_get_loading (self->orderable))
    set_waiting_for (self, _("Loading instance classes…"));
  else if (self->subnet_groups != NULL && rds_resource_list_get_loading (self->subnet_groups))
    set_waiting_for (self, _("Loading subnet groups…"));
  else if (self->parameter_groups != NULL && rds_resource_list_get_loading (self->parameter_groups))
    set_waiting_for (self, _("Loading parameter groups…"));
  else
    set_waiting_for (self, NULL);
}

/* Engine */

static const char * const mysql_engines[] = { "mysql", NULL };
static const char * const mariadb_engines[] = { "mariadb", NULL };
static const char * const postgres_engines[] = { "postgres", NULL };
static const char * const oracle_engines[] = { "oracle-ee", "oracle-se2", NULL };
static const char * const sqlserver_engines[] = { "sqlserver-ex", "sqlserver-web", "sqlserver-se",
                                                  "sqlserver-ee", NULL };

static gboolean
toggle_active (GtkWidget *toggle)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

static void
set_toggle (GtkWidget *toggle)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
}

static const char * const *
engines_of_type (RdsDatabaseForm *self)
{
  if (toggle_active (self->engine_mariadb))
    return mariadb_engines;
  if (toggle_active (self->engine_postgres))
    return postgres_engines;
  if (toggle_active (self->engine_oracle))
    return oracle_engines;
  if (toggle_active (self->engine_sqlserver))
    return sqlserver_engines;
  return mysql_engines;
}

static gboolean
free_tier_allowed (const RdsEngineInfo *engine)
{
  return g_str_equal (engine->engine, "mysql") || g_str_equal (engine->engine, "mariadb") ||
         g_str_equal (engine->engine, "postgres") || g_str_equal (engine->engine, "sqlserver-ex");
}

static const char *
default_username (const RdsEngineInfo *engine)
{
  return engine->family == RDS_FAMILY_POSTGRES ? "postgres" : "admin";
}

static void
update_license_models (RdsDatabaseForm *self)
{
  guint n = 0;

  while (self->engine->license_models[n] != NULL)
    n++;
  fill_dropdown (self->license_dropdown, self->engine->license_models, n);
  select_index (self, self->license_dropdown, 0);
  gtk_widget_set_visible (self->license_field, creating (self) && n > 1);
}

static void
load_versions (RdsDatabaseForm *self)
{
  if (self->versions == NULL)
    return;

  rds_resource_list_set_parameter (self->versions, "Engine", self->engine->engine);
  if (!rds_resource_list_refresh (self->versions))
    {
      /* A refresh for the engine chosen before is in flight: ask again after. */
      self->versions_stale = TRUE;
    }
  update_waiting_for (self);
}

static void
set_engine (RdsDatabaseForm     *self,
            const RdsEngineInfo *engine)
{
  if (engine == NULL || self->engine == engine)
    return;

  self->engine = engine;

  if (!self->username_edited && creating (self))
    set_text (self, self->username_entry, default_username (engine));
  if (!self->port_edited && creating (self))
    set_int_text (self, self->port_entry, engine->default_port);

  update_license_models (self);

  /* Log exports are per engine. */
  for (guint i = 0; i < self->log_checks->len; i++)
    gtk_box_remove (GTK_BOX (self->logs_box), g_ptr_array_index (self->log_checks, i));
  g_ptr_array_set_size (self->log_checks, 0);
  for (guint i = 0; engine->log_types != NULL && engine->log_types[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (engine->log_types[i]);

      g_object_set_data_full (G_OBJECT (check), "log-type", g_strdup (engine->log_types[i]), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (revalidate), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->logs_box), check);
      g_ptr_array_add (self->log_checks, check);
    }

  gtk_widget_set_sensitive (self->template_free, free_tier_allowed (engine));
  if (!free_tier_allowed (engine) && is_active (self->template_free))
    set_active (self->template_devtest, TRUE);
  gtk_widget_set_sensitive (self->size_free, free_tier_allowed (engine));
  if (!free_tier_allowed (engine) && is_active (self->size_free))
    set_active (self->size_devtest, TRUE);

  g_clear_pointer (&self->wanted_version, g_free);
  load_versions (self);
  revalidate (self);
}

static void
engine_type_toggled_cb (RdsDatabaseForm *self,
                        GtkWidget       *toggle)
{
  const char * const *engines;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  if (!toggle_active (toggle))
    return;

  engines = engines_of_type (self);
  while (engines[n] != NULL)
    {
      g_ptr_array_add (labels, rds_format_engine (NULL, engines[n]));
      n++;
    }
  g_ptr_array_set_size (self->editions, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->editions, g_strdup (engines[i]));

  fill_dropdown (self->edition_dropdown, (const char * const *) labels->pdata, labels->len);
  select_index (self, self->edition_dropdown, 0);
  gtk_widget_set_visible (self->edition_field, n > 1);

  set_engine (self, rds_catalog_find_engine (engines[0]));
}

static void
edition_selected_cb (RdsDatabaseForm *self)
{
  const char *engine = selected_name (self->editions, self->edition_dropdown);

  if (engine != NULL)
    set_engine (self, rds_catalog_find_engine (engine));
}

static void
versions_refreshed_cb (RdsDatabaseForm *self,
                       const GError    *error)
{
  GListModel *model = rds_resource_list_get_model (self->versions);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const RdsVersionInfo *default_version = rds_catalog_default_version (self->engine);
  const char *wanted = self->wanted_version != NULL ? self->wanted_version
                       : default_version != NULL ? default_version->version : NULL;
  int chosen = 0;

  if (self->versions_stale)
    {
      self->versions_stale = FALSE;
      load_versions (self);
      return;
    }

  if (error != NULL)
    rds_form_field_set_error (RDS_FORM_FIELD (self->version_field), error->message);

  g_ptr_array_set_size (self->version_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) version = g_list_model_get_item (model, i);
      const char *name = rds_shape_get_string (version, "engine-version");

      if (g_strcmp0 (rds_shape_get_string (version, "engine"), self->engine->engine) != 0)
        continue;
      if (g_strcmp0 (name, wanted) == 0)
        chosen = self->version_names->len;
      g_ptr_array_add (self->version_names, g_strdup (name));
      g_ptr_array_add (labels, rds_format_engine_version (NULL, self->engine->engine, name));
    }

  fill_dropdown (self->version_dropdown, (const char * const *) labels->pdata, labels->len);
  select_index (self, self->version_dropdown, chosen);
  load_orderable (self);
}

/* Instance classes and storage, from the orderable options */

static const char *
current_version (RdsDatabaseForm *self)
{
  if (!creating (self))
    return rds_shape_get_string (RDS_SHAPE (self->instance), "engine-version");
  return selected_name (self->version_names, self->version_dropdown);
}

static const char *
current_license (RdsDatabaseForm *self)
{
  guint index = selected (self->license_dropdown);

  if (!creating (self))
    return rds_shape_get_string (RDS_SHAPE (self->instance), "license-model");
  return index != GTK_INVALID_LIST_POSITION && self->engine != NULL
         ? self->engine->license_models[index] : NULL;
}

static void
load_orderable (RdsDatabaseForm *self)
{
  const char *version = current_version (self);

  if (self->orderable == NULL || version == NULL)
    return;

  rds_resource_list_set_parameter (self->orderable, "Engine", self->engine->engine);
  rds_resource_list_set_parameter (self->orderable, "EngineVersion", version);
  if (!rds_resource_list_refresh (self->orderable))
    self->orderable_stale = TRUE;
  update_waiting_for (self);

  /* The parameter groups of the version's family. */
  if (self->parameter_groups != NULL && rds_resource_list_get_loaded (self->parameter_groups))
    parameter_groups_refreshed_cb (self, NULL);
}

static ClassFamily
family_of_class (const char *name)
{
  if (g_str_has_prefix (name, "db.t"))
    return FAMILY_BURSTABLE;
  if (g_str_has_prefix (name, "db.r") || g_str_has_prefix (name, "db.x") ||
      g_str_has_prefix (name, "db.z"))
    return FAMILY_MEMORY;
  return FAMILY_STANDARD;
}

static ClassFamily
chosen_family (RdsDatabaseForm *self)
{
  if (is_active (self->class_memory))
    return FAMILY_MEMORY;
  if (is_active (self->class_burstable))
    return FAMILY_BURSTABLE;
  return FAMILY_STANDARD;
}

static const char *
current_class (RdsDatabaseForm *self)
{
  return selected_name (self->class_names, self->class_dropdown);
}

static void
update_storage_types (RdsDatabaseForm *self)
{
  GListModel *model = self->orderable != NULL ? rds_resource_list_get_model (self->orderable) : NULL;
  const char *klass = current_class (self);
  const char *license = current_license (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *wanted = self->wanted_storage_type;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  int chosen = -1;

  g_ptr_array_set_size (self->storage_types, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) option = g_list_model_get_item (model, i);
      const char *type = rds_shape_get_string (option, "storage-type");

      if (g_strcmp0 (rds_shape_get_string (option, "db-instance-class"), klass) != 0 ||
          (license != NULL && g_strcmp0 (rds_shape_get_string (option, "license-model"), license) != 0) ||
          index_of (self->storage_types, type) >= 0)
        continue;
      g_ptr_array_add (self->storage_types, g_strdup (type));
      g_ptr_array_add (labels, rds_format_storage_type (NULL, type));
    }

  if (wanted == NULL)
    wanted = selected_name (self->storage_types, self->storage_type_dropdown);
  fill_dropdown (self->storage_type_dropdown, (const char * const *) labels->pdata, labels->len);
  chosen = index_of (self->storage_types, wanted);
  if (chosen < 0)
    chosen = MAX (index_of (self->storage_types, "gp3"), 0);
  select_index (self, self->storage_type_dropdown, chosen);
  if (self->storage_types->len > 0)
    g_clear_pointer (&self->wanted_storage_type, g_free);
}

static void
update_classes (RdsDatabaseForm *self)
{
  GListModel *model = self->orderable != NULL ? rds_resource_list_get_model (self->orderable) : NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *previous = g_strdup (current_class (self));
  const char *wanted = self->wanted_class != NULL ? self->wanted_class : previous;
  const char *license = current_license (self);
  ClassFamily family = chosen_family (self);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  int chosen;

  g_ptr_array_set_size (self->class_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) option = g_list_model_get_item (model, i);
      const char *name = rds_shape_get_string (option, "db-instance-class");

      if ((license != NULL && g_strcmp0 (rds_shape_get_string (option, "license-model"), license) != 0) ||
          family_of_class (name) != family || index_of (self->class_names, name) >= 0)
        continue;
      g_ptr_array_add (self->class_names, g_strdup (name));
      g_ptr_array_add (labels, rds_format_class (NULL, name));
    }

  fill_dropdown (self->class_dropdown, (const char * const *) labels->pdata, labels->len);
  chosen = index_of (self->class_names, wanted);
  select_index (self, self->class_dropdown, MAX (chosen, 0));
  /* A class asked for before the classes loaded waits for them. */
  if (chosen >= 0 || self->class_names->len > 0)
    g_clear_pointer (&self->wanted_class, g_free);

  update_storage_types (self);
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

  rds_form_field_set_error (RDS_FORM_FIELD (self->class_field), error != NULL ? error->message : NULL);
  update_classes (self);
  update_waiting_for (self);
  revalidate (self);
}

static void
class_family_toggled_cb (RdsDatabaseForm *self,
                         GtkWidget       *check)
{
  if (!is_active (check))
    return;
  update_classes (self);
  revalidate (self);
}

static void
class_selected_cb (RdsDatabaseForm *self)
{
  if (self->applying)
    return;
  update_storage_types (self);
  revalidate (self);
}

static void
version_selected_cb (RdsDatabaseForm *self)
{
  if (self->applying)
    return;
  load_orderable (self);
  revalidate (self);
}

/* Groups */

/* The account from arn:aws:rds:REGION:ACCOUNT:…, for the monitoring role. */
static void
take_account_id (RdsDatabaseForm *self,
                 const char      *arn)
{
  g_auto(GStrv) parts = NULL;

  if (arn == NULL || self->account_id != NULL)
    return;
  parts = g_strsplit (arn, ":", 6);
  if (g_strv_length (parts) >= 5 && *parts[4] != '\0')
    self->account_id = g_strdup (parts[4]);
}

/* Why @list could not be read, next to its field. */
static char *
list_problem (RdsResourceList *list)
{
  const GError *error = list != NULL ? rds_resource_list_get_error (list) : NULL;

  return error != NULL ? g_strdup (error->message) : NULL;
}

static void
subnet_groups_refreshed_cb (RdsDatabaseForm *self,
                            const GError    *error)
{
  GListModel *model = rds_resource_list_get_model (self->subnet_groups);
  guint n = g_list_model_get_n_items (model);

  if (error != NULL)
    {
      update_waiting_for (self);
      revalidate (self);
      return;
    }

  g_ptr_array_set_size (self->subnet_group_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (model, i);
      const char *arn = rds_shape_get_string (group, "db-subnet-group-arn");

      g_ptr_array_add (self->subnet_group_names,
                       g_strdup (rds_shape_get_string (group, "db-subnet-group-name")));

      take_account_id (self, arn);
    }

  fill_dropdown (self->subnet_group_dropdown, (const char * const *) self->subnet_group_names->pdata,
                 self->subnet_group_names->len);
  select_index (self, self->subnet_group_dropdown, 0);
  update_waiting_for (self);
  revalidate (self);
}

static const char *
current_family (RdsDatabaseForm *self)
{
  GListModel *model = self->versions != NULL ? rds_resource_list_get_model (self->versions) : NULL;
  const char *version = current_version (self);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  const RdsVersionInfo *info;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_shape_get_string (item, "engine-version"), version) == 0)
        return rds_shape_get_string (item, "db-parameter-group-family");
    }

  info = self->engine != NULL ? rds_catalog_find_version (self->engine, version) : NULL;
  return info != NULL ? info->family : NULL;
}

static void
parameter_groups_refreshed_cb (RdsDatabaseForm *self,
                               const GError    *error)
{
  GListModel *model = rds_resource_list_get_model (self->parameter_groups);
  guint n = g_list_model_get_n_items (model);
  const char *family = current_family (self);
  g_autofree char *previous = g_strdup (selected_name (self->parameter_group_names,
                                                       self->parameter_group_dropdown));
  const char *wanted = self->wanted_parameter_group != NULL ? self->wanted_parameter_group : previous;
  int chosen;

  if (error != NULL)
    {
      update_waiting_for (self);
      revalidate (self);
      return;
    }

  g_ptr_array_set_size (self->parameter_group_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (model, i);
      const char *name = rds_shape_get_string (group, "db-parameter-group-name");

      if (g_strcmp0 (rds_shape_get_string (group, "db-parameter-group-family"), family) != 0)
        continue;
      /* The default group comes first, as in the RDS console. */
      if (g_str_has_prefix (name, "default."))
        g_ptr_array_insert (self->parameter_group_names, 0, g_strdup (name));
      else
        g_ptr_array_add (self->parameter_group_names, g_strdup (name));
    }

  fill_dropdown (self->parameter_group_dropdown,
                 (const char * const *) self->parameter_group_names->pdata,
                 self->parameter_group_names->len);
  chosen = index_of (self->parameter_group_names, wanted);
  select_index (self, self->parameter_group_dropdown, MAX (chosen, 0));
  if (chosen >= 0)
    g_clear_pointer (&self->wanted_parameter_group, g_free);
  update_waiting_for (self);
  revalidate (self);
}

/* Templates and presets */

static void
choose_class (RdsDatabaseForm *self,
              const char      *name)
{
  ClassFamily family = family_of_class (name);

  g_free (self->wanted_class);
  self->wanted_class = g_strdup (name);
  self->applying = TRUE;
  set_active (family == FAMILY_MEMORY ? self->class_memory
              : family == FAMILY_BURSTABLE ? self->class_burstable : self->class_standard, TRUE);
  self->applying = FALSE;
  update_classes (self);
}

static void
choose_storage (RdsDatabaseForm *self,
                const char      *type,
                int              allocated,
                int              iops)
{
  g_free (self->wanted_storage_type);
  self->wanted_storage_type = g_strdup (type);
  update_storage_types (self);
  set_int_text (self, self->allocated_entry, allocated);
  if (iops > 0)
    set_int_text (self, self->iops_entry, iops);
}

static void
apply_preset (RdsDatabaseForm *self,
              Template         preset,
              const char      *instance_class,
              int              allocated)
{
  gboolean multi_az_possible = self->engine->multi_az && preset != TEMPLATE_FREE;

  self->template_ = preset;
  switch (preset)
    {
    case TEMPLATE_PRODUCTION:
      choose_class (self, instance_class != NULL ? instance_class : "db.r6g.large");
      choose_storage (self, "io1", MAX (allocated, 100), 3000);
      set_active (multi_az_possible ? self->deploy_multi_az : self->deploy_single, TRUE);
      set_active (self->deletion_check, TRUE);
      break;
    case TEMPLATE_FREE:
      choose_class (self, "db.t3.micro");
      choose_storage (self, "gp2", 20, 0);
      set_active (self->deploy_single, TRUE);
      set_active (self->deletion_check, FALSE);
      break;
    case TEMPLATE_DEVTEST:
    default:
      choose_class (self, instance_class != NULL ? instance_class : "db.t3.medium");
      choose_storage (self, "gp3", MAX (allocated, 20), 0);
      set_active (self->deploy_single, TRUE);
      set_active (self->deletion_check, FALSE);
      break;
    }

  gtk_widget_set_sensitive (self->deploy_multi_az, multi_az_possible);
  set_int_text (self, self->max_storage_entry, 1000);
}

static void
template_toggled_cb (RdsDatabaseForm *self,
                     GtkWidget       *check)
{
  if (!is_active (check) || !creating (self) || easy (self))
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
  if (!is_active (check) || !easy (self))
    return;

  /* Easy create: a size, and best-practice defaults for the rest. Choosing
   * Easy create applies the size already chosen. */
  if (is_active (self->size_production))
    apply_preset (self, TEMPLATE_PRODUCTION, "db.r6g.xlarge", 500);
  else if (is_active (self->size_devtest))
    apply_preset (self, TEMPLATE_DEVTEST, "db.r6g.large", 100);
  else
    apply_preset (self, TEMPLATE_FREE, NULL, 20);
  revalidate (self);
}

static void
update_visibility (RdsDatabaseForm *self)
{
  gboolean create = creating (self);
  gboolean standard = !easy (self);
  gboolean manage = is_active (self->managed_check);
  gboolean autogen = create && is_active (self->autogen_check);
  const char *storage_type = selected_name (self->storage_types, self->storage_type_dropdown);
  int allocated = 0;
  gboolean big;

  gtk_widget_set_visible (self->method_section, create);
  gtk_widget_set_visible (self->engine_section, create);
  gtk_widget_set_visible (self->size_section, create && !standard);
  gtk_widget_set_visible (self->template_section, create && standard);
  gtk_widget_set_visible (self->availability_section, standard);
  gtk_widget_set_visible (self->instance_section, standard);
  gtk_widget_set_visible (self->storage_section, standard);
  gtk_widget_set_visible (self->connectivity_section, standard);
  gtk_widget_set_visible (self->auth_section, standard && self->engine != NULL && self->engine->iam_auth);
  gtk_widget_set_visible (self->monitoring_section, standard);
  gtk_widget_set_visible (self->additional_section, standard);

  /* Settings: identifier and credentials when creating; a new password when modifying. */
  gtk_editable_set_editable (GTK_EDITABLE (self->identifier_entry), create);
  gtk_widget_set_sensitive (self->identifier_entry, create);
  gtk_widget_set_visible (self->username_field, create);
  gtk_widget_set_visible (self->managed_check, create);
  gtk_widget_set_visible (self->autogen_check, create && !manage);
  gtk_widget_set_visible (self->password_field, !manage && !autogen);
  gtk_widget_set_visible (self->confirm_field, !manage && !autogen);
  gtk_widget_set_visible (self->settings_section, create || !manage);

  rds_parse_int (text_of (self->allocated_entry), &allocated);
  big = self->engine != NULL && allocated >= rds_catalog_gp3_threshold (self->engine);
  gtk_widget_set_visible (self->iops_field,
                          g_strcmp0 (storage_type, "io1") == 0 ||
                          (g_strcmp0 (storage_type, "gp3") == 0 && big));
  gtk_widget_set_visible (self->throughput_field, g_strcmp0 (storage_type, "gp3") == 0 && big);
  gtk_widget_set_visible (self->max_storage_field, is_active (self->autoscaling_check));

  gtk_widget_set_visible (self->subnet_group_field, create);
  gtk_widget_set_visible (self->security_group_field, create);
  gtk_widget_set_visible (self->zone_field, create);
  gtk_widget_set_sensitive (self->zone_dropdown, !is_active (self->deploy_multi_az));
  gtk_widget_set_visible (self->port_field, create);

  gtk_widget_set_visible (self->pi_retention_field, is_active (self->pi_check));
  gtk_widget_set_visible (self->em_granularity_field, is_active (self->em_check));

  gtk_widget_set_visible (self->db_name_field,
                          create && self->engine != NULL && self->engine->family != RDS_FAMILY_SQLSERVER);
  gtk_widget_set_visible (self->retention_field, is_active (self->backup_check));
  gtk_widget_set_visible (self->backup_window_field, is_active (self->backup_check));
  gtk_widget_set_visible (self->backup_box, is_active (self->backup_window_choose));
  gtk_widget_set_visible (self->maintenance_box, is_active (self->maintenance_window_choose));
  gtk_widget_set_visible (self->encryption_check, create);
  gtk_widget_set_visible (self->kms_field, create && is_active (self->encryption_check));
  gtk_widget_set_visible (self->kms_entry, selected (self->kms_dropdown) == 1);
  gtk_widget_set_visible (self->logs_box, create);
}

/* Validation */

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

/* An error is shown once the user typed in the field, or tried to submit. */
static gboolean
check_field (RdsDatabaseForm *self,
             GtkWidget       *field,
             GtkWidget       *entry,
             char            *problem)
{
  gboolean ok = problem == NULL || !shown (field);
  gboolean show = entry == NULL || self->submitted_once ||
                  g_hash_table_contains (self->touched, entry) || *text_of (entry) != '\0';

  rds_form_field_set_error (RDS_FORM_FIELD (field), ok || !show ? NULL : problem);
  g_free (problem);

  return ok;
}

static int
window_start (GtkWidget *day_dropdown,
              GtkWidget *hour_spin,
              GtkWidget *minute_spin)
{
  int day = day_dropdown != NULL ? (int) selected (day_dropdown) : 0;
  int hour = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hour_spin));
  int minute = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (minute_spin));

  return day * 24 * 60 + hour * 60 + minute;
}

static int
window_length (GtkWidget *duration_dropdown)
{
  guint index = selected (duration_dropdown);

  return window_durations[index < G_N_ELEMENTS (window_durations) ? index : 0];
}

static char *
backup_window (RdsDatabaseForm *self)
{
  if (!is_active (self->backup_check) || !is_active (self->backup_window_choose))
    return NULL;
  return rds_rules_format_backup_window (window_start (NULL, self->backup_hour_spin,
                                                       self->backup_minute_spin),
                                         window_length (self->backup_duration_dropdown));
}

static char *
maintenance_window (RdsDatabaseForm *self)
{
  if (!is_active (self->maintenance_window_choose))
    return NULL;
  return rds_rules_format_maintenance_window (window_start (self->maintenance_day_dropdown,
                                                            self->maintenance_hour_spin,
                                                            self->maintenance_minute_spin),
                                              window_length (self->maintenance_duration_dropdown));
}

static char *
windows_problem (RdsDatabaseForm *self)
{
  g_autofree char *backup = NULL;
  g_autofree char *maintenance = NULL;
  const char *existing_backup = NULL;
  const char *existing_maintenance = NULL;
  int b_start, b_length, m_start, m_length;

  backup = backup_window (self);
  maintenance = maintenance_window (self);
  if (self->instance != NULL)
    {
      existing_backup = rds_shape_get_string (RDS_SHAPE (self->instance), "preferred-backup-window");
      existing_maintenance = rds_shape_get_string (RDS_SHAPE (self->instance),
                                                   "preferred-maintenance-window");
    }
  if (backup == NULL && existing_backup != NULL && is_active (self->backup_check))
    backup = g_strdup (existing_backup);
  if (maintenance == NULL && existing_maintenance != NULL)
    maintenance = g_strdup (existing_maintenance);

  if (backup == NULL || maintenance == NULL ||
      !rds_rules_parse_backup_window (backup, &b_start, &b_length, NULL) ||
      !rds_rules_parse_maintenance_window (maintenance, &m_start, &m_length, NULL))
    return NULL;

  if (rds_rules_windows_overlap (b_start, b_length, m_start, m_length))
    return g_strdup (_("The backup window and the maintenance window can’t overlap."));
  return NULL;
}

static int
allocated_now (RdsDatabaseForm *self)
{
  return self->instance != NULL
         ? rds_shape_get_int (RDS_SHAPE (self->instance), "allocated-storage") : 0;
}

static void
revalidate (RdsDatabaseForm *self)
{
  const char *storage_type;
  int allocated = 0, iops = 0, throughput = 0, max_storage = 0, port = 0;
  gboolean valid = TRUE;
  gboolean password_needed;

  if (self->applying || self->engine == NULL)
    return;

  update_visibility (self);
  storage_type = selected_name (self->storage_types, self->storage_type_dropdown);

  if (creating (self))
    {
      valid &= check_field (self, self->identifier_field, self->identifier_entry,
                            rds_validate_instance_identifier (text_of (self->identifier_entry)));
      valid &= check_field (self, self->username_field, self->username_entry,
                            rds_validate_master_username (self->engine, text_of (self->username_entry)));
      valid &= check_field (self, self->version_field, NULL,
                            current_version (self) == NULL
                            ? g_strdup (_("Choose an engine version.")) : NULL);
    }

  password_needed = creating (self) || *text_of (self->password_entry) != '\0' ||
                    *text_of (self->confirm_entry) != '\0';
  if (shown (self->password_field) && password_needed)
    {
      valid &= check_field (self, self->password_field, self->password_entry,
                            rds_validate_master_password (self->engine, text_of (self->password_entry)));
      valid &= check_field (self, self->confirm_field, self->confirm_entry,
                            rds_validate_password_confirmation (text_of (self->password_entry),
                                                                text_of (self->confirm_entry)));
    }
  else
    {
      rds_form_field_set_error (RDS_FORM_FIELD (self->password_field), NULL);
      rds_form_field_set_error (RDS_FORM_FIELD (self->confirm_field), NULL);
    }

  valid &= check_field (self, self->class_field, NULL,
                        current_class (self) == NULL
                        ? g_strdup (_("No instance class of this family is offered for the engine "
                                      "version. Choose another family."))
                        : NULL);
  valid &= check_field (self, self->storage_type_field, NULL,
                        storage_type == NULL ? g_strdup (_("Choose a storage type.")) : NULL);

  valid &= check_field (self, self->allocated_field, self->allocated_entry,
                        rds_validate_allocated_storage (self->engine, storage_type,
                                                        text_of (self->allocated_entry),
                                                        allocated_now (self), &allocated));
  valid &= check_field (self, self->iops_field, self->iops_entry,
                        rds_validate_iops (self->engine, storage_type, allocated,
                                           text_of (self->iops_entry), &iops));
  valid &= check_field (self, self->throughput_field, self->throughput_entry,
                        rds_validate_throughput (self->engine, storage_type, allocated, iops,
                                                 text_of (self->throughput_entry), &throughput));
  if (is_active (self->autoscaling_check))
    valid &= check_field (self, self->max_storage_field, self->max_storage_entry,
                          rds_validate_max_storage (self->engine, storage_type, allocated,
                                                    text_of (self->max_storage_entry), &max_storage));

  if (creating (self))
    {
      valid &= check_field (self, self->port_field, self->port_entry,
                            rds_validate_port (self->engine, text_of (self->port_entry), &port));
      valid &= check_field (self, self->db_name_field, self->db_name_entry,
                            rds_validate_db_name (self->engine, text_of (self->db_name_entry)));
      char *subnet_problem = list_problem (self->subnet_groups);

      if (subnet_problem == NULL && self->subnet_groups != NULL &&
          rds_resource_list_get_loaded (self->subnet_groups) && self->subnet_group_names->len == 0)
        subnet_problem = g_strdup (_("No DB subnet group is available."));
      valid &= check_field (self, self->subnet_group_field, NULL, subnet_problem);
      if (is_active (self->encryption_check) && selected (self->kms_dropdown) == 1)
        valid &= check_field (self, self->kms_field, self->kms_entry,
                              rds_validate_kms_key (text_of (self->kms_entry)));
      else
        rds_form_field_set_error (RDS_FORM_FIELD (self->kms_field), NULL);
    }

  valid &= check_field (self, self->maintenance_window_field, NULL, windows_problem (self));
  valid &= check_field (self, self->parameter_group_field, NULL, list_problem (self->parameter_groups));

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
entry_changed_cb (RdsDatabaseForm *self,
                  GtkEditable     *entry)
{
  if (!self->applying)
    {
      g_hash_table_add (self->touched, entry);
      if (GTK_WIDGET (entry) == self->username_entry)
        self->username_edited = TRUE;
      if (GTK_WIDGET (entry) == self->port_entry)
        self->port_edited = TRUE;
    }
  revalidate (self);
}

static void
changed_cb (RdsDatabaseForm *self)
{
  revalidate (self);
}

/* Filling the form from an instance (Modify) */

static void
set_window (RdsDatabaseForm *self,
            const char      *text,
            gboolean         weekly)
{
  int start, length;
  GtkWidget *hour = weekly ? self->maintenance_hour_spin : self->backup_hour_spin;
  GtkWidget *minute = weekly ? self->maintenance_minute_spin : self->backup_minute_spin;
  GtkWidget *duration = weekly ? self->maintenance_duration_dropdown : self->backup_duration_dropdown;
  gboolean ok;

  ok = weekly ? rds_rules_parse_maintenance_window (text, &start, &length, NULL)
              : rds_rules_parse_backup_window (text, &start, &length, NULL);
  if (!ok)
    return;

  if (weekly)
    select_index (self, self->maintenance_day_dropdown, (start / (24 * 60)) % 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), (start / 60) % 24);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), start % 60);
  for (guint i = 0; i < G_N_ELEMENTS (window_durations); i++)
    if (window_durations[i] == length)
      select_index (self, duration, i);
}

static void
fill_from_instance (RdsDatabaseForm *self)
{
  RdsShape *i = RDS_SHAPE (self->instance);
  int max_allocated = rds_shape_get_int (i, "max-allocated-storage");
  int retention = rds_shape_get_int (i, "backup-retention-period");
  int interval = rds_shape_get_int (i, "monitoring-interval");
  int pi_days = rds_shape_get_int (i, "performance-insights-retention-period");
  GListModel *groups = rds_shape_get_list (i, "db-parameter-groups");
  g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;
  const char *window;

  self->applying = TRUE;

  set_text (self, self->identifier_entry, rds_db_instance_get_identifier (self->instance));
  choose_class (self, rds_shape_get_string (i, "db-instance-class"));
  self->applying = TRUE;
  g_free (self->wanted_storage_type);
  self->wanted_storage_type = g_strdup (rds_shape_get_string (i, "storage-type"));
  set_int_text (self, self->allocated_entry, rds_shape_get_int (i, "allocated-storage"));
  if (rds_shape_get_int (i, "iops") > 0)
    set_int_text (self, self->iops_entry, rds_shape_get_int (i, "iops"));
  if (rds_shape_get_int (i, "storage-throughput") > 0)
    set_int_text (self, self->throughput_entry, rds_shape_get_int (i, "storage-throughput"));
  set_active (self->autoscaling_check, max_allocated > 0);
  set_int_text (self, self->max_storage_entry,
                max_allocated > 0 ? max_allocated : MAX (1000, rds_shape_get_int (i, "allocated-storage") * 2));

  set_active (rds_shape_get_boolean (i, "multi-az") ? self->deploy_multi_az : self->deploy_single, TRUE);
  gtk_widget_set_sensitive (self->deploy_multi_az, self->engine->multi_az);
  set_active (rds_shape_get_boolean (i, "publicly-accessible") ? self->public_yes : self->public_no, TRUE);
  set_active (rds_shape_get_boolean (i, "iam-database-authentication-enabled") ? self->auth_iam
                                                                                : self->auth_password,
              TRUE);

  set_active (self->pi_check, rds_shape_get_tristate (i, "performance-insights-enabled") == RDS_TRISTATE_TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (pi_retentions); k++)
    if (pi_retentions[k] == pi_days)
      select_index (self, self->pi_retention_dropdown, k);
  set_active (self->em_check, interval > 0);
  for (guint k = 0; k < G_N_ELEMENTS (em_intervals); k++)
    if (em_intervals[k] == interval)
      select_index (self, self->em_granularity_dropdown, k);

  set_active (self->backup_check, retention > 0);
  if (retention > 0)
    select_index (self, self->retention_dropdown, retention - 1);
  window = rds_shape_get_string (i, "preferred-backup-window");
  if (window != NULL)
    set_window (self, window, FALSE);
  window = rds_shape_get_string (i, "preferred-maintenance-window");
  if (window != NULL)
    set_window (self, window, TRUE);
  set_active (self->copy_tags_check, rds_shape_get_boolean (i, "copy-tags-to-snapshot"));
  set_active (self->auto_minor_check, rds_shape_get_boolean (i, "auto-minor-version-upgrade"));
  set_active (self->deletion_check, rds_shape_get_boolean (i, "deletion-protection"));

  if (group != NULL)
    self->wanted_parameter_group = g_strdup (rds_shape_get_string (group, "db-parameter-group-name"));

  {
    guint n_cas;
    const RdsCertificateAuthority *cas = rds_catalog_get_cas (&n_cas);

    for (guint k = 0; k < n_cas; k++)
      if (g_strcmp0 (cas[k].identifier, rds_shape_get_string (i, "ca-certificate-identifier")) == 0)
        select_index (self, self->ca_dropdown, k);
  }
  set_active (self->managed_check, rds_shape_get_object (i, "master-user-secret") != NULL);

  self->applying = FALSE;
}

/* Reading the form */

static int
int_of (GtkWidget *entry)
{
  int value = 0;

  rds_parse_int (text_of (entry), &value);
  return value;
}

typedef struct
{
  const char *storage_type;
  int         allocated;
  int         iops;
  int         throughput;
  int         max_allocated;    /* 0: autoscaling off */
  gboolean    multi_az;
} Storage;

static void
read_storage (RdsDatabaseForm *self,
              Storage         *storage)
{
  storage->storage_type = selected_name (self->storage_types, self->storage_type_dropdown);
  storage->allocated = int_of (self->allocated_entry);
  storage->iops = shown (self->iops_field) ? int_of (self->iops_entry) : 0;
  storage->throughput = shown (self->throughput_field) ? int_of (self->throughput_entry) : 0;
  storage->max_allocated = is_active (self->autoscaling_check) ? int_of (self->max_storage_entry) : 0;
  storage->multi_az = is_active (self->deploy_multi_az);
}

static const char *
ca_of (RdsDatabaseForm *self)
{
  guint n_cas;
  const RdsCertificateAuthority *cas = rds_catalog_get_cas (&n_cas);
  guint index = selected (self->ca_dropdown);

  return index < n_cas ? cas[index].identifier : rds_catalog_default_ca ();
}

/* The instance's role when it has one, else the account's default role. */
static char *
monitoring_role (RdsDatabaseForm *self)
{
  const char *existing = self->instance != NULL
                         ? rds_shape_get_string (RDS_SHAPE (self->instance), "monitoring-role-arn") : NULL;

  if (existing != NULL && *existing != '\0')
    return g_strdup (existing);
  return g_strdup_printf ("arn:aws:iam::%s:role/rds-monitoring-role",
                          self->account_id != NULL ? self->account_id : "123456789012");
}

static int
em_interval (RdsDatabaseForm *self)
{
  guint index = selected (self->em_granularity_dropdown);

  return is_active (self->em_check) ? em_intervals[MIN (index, G_N_ELEMENTS (em_intervals) - 1)] : 0;
}

static int
pi_retention (RdsDatabaseForm *self)
{
  guint index = selected (self->pi_retention_dropdown);

  return pi_retentions[MIN (index, G_N_ELEMENTS (pi_retentions) - 1)];
}

static int
retention_days (RdsDatabaseForm *self)
{
  return is_active (self->backup_check) ? (int) selected (self->retention_dropdown) + 1 : 0;
}

static char *
generate_password (void)
{
  /* Printable ASCII RDS accepts for every engine: no / " @ ' & or space. */
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%*+-=?^_~";
  const guint n = sizeof alphabet - 1;
  char *password = g_malloc (21);
  guint length = 0;

  /* From the kernel's random source, each byte kept only below the
   * largest multiple of the alphabet's size, so every character is as
   * likely as any other. getrandom () blocks only before the kernel's
   * pool is ready, long before a desktop session runs. */
  while (length < 20)
    {
      guint8 bytes[32];
      ssize_t got = getrandom (bytes, sizeof bytes, 0);

      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom () failed: %s", g_strerror (errno));
        }
      for (ssize_t i = 0; i < got && length < 20; i++)
        if (bytes[i] < 256 - 256 % n)
          password[length++] = alphabet[bytes[i] % n];
      explicit_bzero (bytes, sizeof bytes);
    }
  password[length] = '\0';

  return password;
}

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
  RdsRequest *request;
  Storage storage;
  const char *db_name = text_of (self->db_name_entry);
  const char *license = current_license (self);
  g_autofree char *backup = NULL;
  g_autofree char *maintenance = NULL;
  g_autofree char *secret = NULL;
  guint zone;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  read_storage (self, &storage);
  request = rds_request_new ("CreateDBInstance");
  rds_request_set (request, "DBInstanceIdentifier", text_of (self->identifier_entry));
  rds_request_set (request, "Engine", self->engine->engine);
  rds_request_set (request, "EngineVersion", current_version (self));
  if (license != NULL)
    rds_request_set (request, "LicenseModel", license);
  rds_request_set (request, "DBInstanceClass", current_class (self));
  rds_request_set (request, "MasterUsername", text_of (self->username_entry));

  if (is_active (self->managed_check))
    rds_request_set_boolean (request, "ManageMasterUserPassword", TRUE);
  else
    {
      secret = is_active (self->autogen_check) ? generate_password ()
                                               : g_strdup (text_of (self->password_entry));
      rds_request_set (request, "MasterUserPassword", secret);
    }

  rds_request_set (request, "StorageType", storage.storage_type);
  rds_request_set_int (request, "AllocatedStorage", storage.allocated);
  if (storage.iops > 0)
    rds_request_set_int (request, "Iops", storage.iops);
  if (storage.throughput > 0)
    rds_request_set_int (request, "StorageThroughput", storage.throughput);
  if (storage.max_allocated > 0)
    rds_request_set_int (request, "MaxAllocatedStorage", storage.max_allocated);
  rds_request_set_boolean (request, "MultiAZ", storage.multi_az);

  if (self->subnet_group_names->len > 0)
    rds_request_set (request, "DBSubnetGroupName",
                     selected_name (self->subnet_group_names, self->subnet_group_dropdown));
  rds_request_set_boolean (request, "PubliclyAccessible", is_active (self->public_yes));
  zone = selected (self->zone_dropdown);
  if (!storage.multi_az && zone != GTK_INVALID_LIST_POSITION && zone > 0)
    {
      g_autofree char *name = rds_region_get_zone (rds_region_lookup (rds_session_get_region (self->session)),
                                                   zone - 1);
      rds_request_set (request, "AvailabilityZone", name);
    }
  rds_request_set (request, "CACertificateIdentifier", ca_of (self));
  rds_request_set_int (request, "Port", int_of (self->port_entry));

  if (shown (self->auth_section))
    rds_request_set_boolean (request, "EnableIAMDatabaseAuthentication", is_active (self->auth_iam));
  if (is_active (self->pi_check))
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

  if (*db_name != '\0' && shown (self->db_name_field))
    rds_request_set (request, "DBName", db_name);
  if (self->parameter_group_names->len > 0)
    rds_request_set (request, "DBParameterGroupName",
                     selected_name (self->parameter_group_names, self->parameter_group_dropdown));
  rds_request_set_int (request, "BackupRetentionPeriod", retention_days (self));
  backup = backup_window (self);
  if (backup != NULL)
    rds_request_set (request, "PreferredBackupWindow", backup);
  rds_request_set_boolean (request, "CopyTagsToSnapshot", is_active (self->copy_tags_check));
  rds_request_set_boolean (request, "StorageEncrypted", is_active (self->encryption_check));
  if (is_active (self->encryption_check) && selected (self->kms_dropdown) == 1)
    rds_request_set (request, "KmsKeyId", text_of (self->kms_entry));
  for (guint i = 0; i < self->log_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->log_checks, i);

      if (is_active (check))
        rds_request_add_list_item (request, "EnableCloudwatchLogsExports", "member",
                                   g_object_get_data (G_OBJECT (check), "log-type"));
    }
  rds_request_set_boolean (request, "AutoMinorVersionUpgrade", is_active (self->auto_minor_check));
  maintenance = maintenance_window (self);
  if (maintenance != NULL)
    rds_request_set (request, "PreferredMaintenanceWindow", maintenance);
  rds_request_set_boolean (request, "DeletionProtection", is_active (self->deletion_check));

  if (password != NULL)
    *password = g_steal_pointer (&secret);
  else if (secret != NULL)
    memset (secret, 0, strlen (secret));

  return request;
}

/* Modify */

typedef struct
{
  GPtrArray  *changes;
  RdsRequest *request;
} Diff;

static void
diff_text (Diff       *diff,
           const char *attribute,
           const char *parameter,
           const char *current,
           const char *wanted,
           const char *shown_current,
           const char *shown_wanted)
{
  RdsFormChange *change;

  if (g_strcmp0 (current, wanted) == 0 || wanted == NULL)
    return;

  change = g_new0 (RdsFormChange, 1);
  change->attribute = g_strdup (attribute);
  change->current = g_strdup (shown_current != NULL ? shown_current : current != NULL ? current : "-");
  change->wanted = g_strdup (shown_wanted != NULL ? shown_wanted : wanted);
  g_ptr_array_add (diff->changes, change);
  if (diff->request != NULL && parameter != NULL)
    rds_request_set (diff->request, parameter, wanted);
}

static void
diff_int (Diff       *diff,
          const char *attribute,
          const char *parameter,
          int         current,
          int         wanted)
{
  g_autofree char *a = current >= 0 ? g_strdup_printf ("%d", current) : NULL;
  g_autofree char *b = g_strdup_printf ("%d", wanted);

  if (current != wanted)
    diff_text (diff, attribute, parameter, a, b, NULL, NULL);
}

static void
diff_boolean (Diff       *diff,
              const char *attribute,
              const char *parameter,
              gboolean    current,
              gboolean    wanted)
{
  g_autofree char *a = rds_format_yes_no (NULL, current);
  g_autofree char *b = rds_format_yes_no (NULL, wanted);

  if (current != wanted)
    diff_text (diff, attribute, parameter, current ? "true" : "false", wanted ? "true" : "false", a, b);
}

static void
compute_diff (RdsDatabaseForm *self,
              Diff            *diff)
{
  RdsShape *i = RDS_SHAPE (self->instance);
  Storage storage;
  GListModel *groups = rds_shape_get_list (i, "db-parameter-groups");
  g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;
  int current_max = rds_shape_get_int (i, "max-allocated-storage");
  int current_interval = MAX (rds_shape_get_int (i, "monitoring-interval"), 0);
  gboolean current_pi = rds_shape_get_tristate (i, "performance-insights-enabled") == RDS_TRISTATE_TRUE;
  g_autofree char *backup = backup_window (self);
  g_autofree char *maintenance = maintenance_window (self);
  const char *password = text_of (self->password_entry);

  read_storage (self, &storage);

  {
    g_autofree char *current = rds_format_class (NULL, rds_shape_get_string (i, "db-instance-class"));
    g_autofree char *wanted = rds_format_class (NULL, current_class (self));

    diff_text (diff, _("DB instance class"), "DBInstanceClass",
               rds_shape_get_string (i, "db-instance-class"), current_class (self), current, wanted);
  }
  {
    g_autofree char *current = rds_format_storage_type (NULL, rds_shape_get_string (i, "storage-type"));
    g_autofree char *wanted = rds_format_storage_type (NULL, storage.storage_type);

    diff_text (diff, _("Storage type"), "StorageType", rds_shape_get_string (i, "storage-type"),
               storage.storage_type, current, wanted);
  }
  diff_int (diff, _("Allocated storage (GiB)"), "AllocatedStorage",
            rds_shape_get_int (i, "allocated-storage"), storage.allocated);
  if (storage.iops > 0)
    diff_int (diff, _("Provisioned IOPS"), "Iops", rds_shape_get_int (i, "iops"), storage.iops);
  if (storage.throughput > 0)
    diff_int (diff, _("Storage throughput (MiB/s)"), "StorageThroughput",
              rds_shape_get_int (i, "storage-throughput"), storage.throughput);
  if (storage.max_allocated > 0)
    diff_int (diff, _("Maximum storage threshold (GiB)"), "MaxAllocatedStorage", current_max,
              storage.max_allocated);
  else if (current_max > 0)
    {
      /* Autoscaling stops when the threshold is the allocated storage. */
      g_autofree char *value = g_strdup_printf ("%d", storage.allocated);

      diff_text (diff, _("Storage autoscaling"), "MaxAllocatedStorage", "on", value,
                 _("Enabled"), _("Disabled"));
    }
  diff_boolean (diff, _("Multi-AZ deployment"), "MultiAZ", rds_shape_get_boolean (i, "multi-az"),
                storage.multi_az);
  diff_boolean (diff, _("Public access"), "PubliclyAccessible",
                rds_shape_get_boolean (i, "publicly-accessible"), is_active (self->public_yes));
  diff_text (diff, _("Certificate authority"), "CACertificateIdentifier",
             rds_shape_get_string (i, "ca-certificate-identifier"), ca_of (self), NULL, NULL);
  if (shown (self->auth_section))
    diff_boolean (diff, _("IAM DB authentication"), "EnableIAMDatabaseAuthentication",
                  rds_shape_get_boolean (i, "iam-database-authentication-enabled"),
                  is_active (self->auth_iam));
  diff_boolean (diff, _("Performance Insights"), "EnablePerformanceInsights", current_pi,
                is_active (self->pi_check));
  if (is_active (self->pi_check))
    diff_int (diff, _("Performance Insights retention (days)"), "PerformanceInsightsRetentionPeriod",
              rds_shape_get_int (i, "performance-insights-retention-period"), pi_retention (self));
  if (current_interval != em_interval (self))
    {
      diff_int (diff, _("Enhanced Monitoring granularity (seconds)"), "MonitoringInterval",
                current_interval, em_interval (self));
      if (em_interval (self) > 0 && diff->request != NULL)
        {
          g_autofree char *role = monitoring_role (self);

          rds_request_set (diff->request, "MonitoringRoleArn", role);
        }
    }
  if (group != NULL && self->parameter_group_names->len > 0)
    diff_text (diff, _("DB parameter group"), "DBParameterGroupName",
               rds_shape_get_string (group, "db-parameter-group-name"),
               selected_name (self->parameter_group_names, self->parameter_group_dropdown), NULL, NULL);
  diff_int (diff, _("Backup retention period (days)"), "BackupRetentionPeriod",
            rds_shape_get_int (i, "backup-retention-period"), retention_days (self));
  if (backup != NULL)
    diff_text (diff, _("Backup window"), "PreferredBackupWindow",
               rds_shape_get_string (i, "preferred-backup-window"), backup, NULL, NULL);
  diff_boolean (diff, _("Copy tags to snapshots"), "CopyTagsToSnapshot",
                rds_shape_get_boolean (i, "copy-tags-to-snapshot"), is_active (self->copy_tags_check));
  diff_boolean (diff, _("Auto minor version upgrade"), "AutoMinorVersionUpgrade",
                rds_shape_get_boolean (i, "auto-minor-version-upgrade"),
                is_active (self->auto_minor_check));
  if (maintenance != NULL)
    diff_text (diff, _("Maintenance window"), "PreferredMaintenanceWindow",
               rds_shape_get_string (i, "preferred-maintenance-window"), maintenance, NULL, NULL);
  diff_boolean (diff, _("Deletion protection"), "DeletionProtection",
                rds_shape_get_boolean (i, "deletion-protection"), is_active (self->deletion_check));
  if (*password != '\0')
    diff_text (diff, _("Master password"), "MasterUserPassword", NULL, password, "••••••••",
               "••••••••");
}

/**
 * rds_database_form_get_changes:
 *
 * Returns: (transfer container) (element-type RdsFormChange): what Modify
 *   would change, attribute by attribute
 */
GPtrArray *
rds_database_form_get_changes (RdsDatabaseForm *self)
{
  Diff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) rds_form_change_free), NULL };

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);
  g_return_val_if_fail (self->instance != NULL, diff.changes);

  compute_diff (self, &diff);
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
  Diff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) rds_form_change_free), NULL };
  const char *secret;

  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);
  g_return_val_if_fail (self->instance != NULL, NULL);

  diff.request = rds_request_new ("ModifyDBInstance");
  rds_request_set (diff.request, "DBInstanceIdentifier", rds_db_instance_get_identifier (self->instance));
  rds_request_set_boolean (diff.request, "ApplyImmediately", apply_immediately);
  compute_diff (self, &diff);
  g_ptr_array_unref (diff.changes);

  secret = text_of (self->password_entry);
  if (password != NULL)
    *password = *secret != '\0' ? g_strdup (secret) : NULL;

  return diff.request;
}

/* Errors from the endpoint */

static gboolean
show_error_in (GtkWidget    *widget,
               const GError *error)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RDS_IS_FORM_FIELD (child) && shown (child))
        {
          const char *parameter = rds_form_field_get_parameter (RDS_FORM_FIELD (child));

          if (parameter != NULL && rds_aws_error_concerns (error, parameter))
            {
              GtkWidget *control = rds_form_field_get_child (RDS_FORM_FIELD (child));

              rds_form_field_set_error (RDS_FORM_FIELD (child), error->message);
              rds_widget_reveal (control != NULL ? control : child);
              return TRUE;
            }
        }
      if (shown (child) && show_error_in (child, error))
        return TRUE;
    }

  return FALSE;
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
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  return show_error_in (GTK_WIDGET (self), error);
}

/* GObject */

static void
rds_database_form_dispose (GObject *object)
{
  RdsDatabaseForm *self = RDS_DATABASE_FORM (object);

  g_clear_object (&self->versions);
  g_clear_object (&self->orderable);
  g_clear_object (&self->subnet_groups);
  g_clear_object (&self->parameter_groups);
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

  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->version_names, g_ptr_array_unref);
  g_clear_pointer (&self->class_names, g_ptr_array_unref);
  g_clear_pointer (&self->storage_types, g_ptr_array_unref);
  g_clear_pointer (&self->subnet_group_names, g_ptr_array_unref);
  g_clear_pointer (&self->parameter_group_names, g_ptr_array_unref);
  g_clear_pointer (&self->editions, g_ptr_array_unref);
  g_clear_pointer (&self->log_checks, g_ptr_array_unref);
  g_free (self->account_id);
  g_free (self->waiting_for);
  g_free (self->wanted_version);
  g_free (self->wanted_class);
  g_free (self->wanted_storage_type);
  g_free (self->wanted_parameter_group);

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

  g_type_ensure (RDS_TYPE_FORM_FIELD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-database-form.ui");
  BIND (method_section); BIND (engine_section); BIND (size_section); BIND (template_section);
  BIND (availability_section); BIND (settings_section); BIND (instance_section);
  BIND (storage_section); BIND (connectivity_section); BIND (auth_section);
  BIND (monitoring_section); BIND (additional_section);
  BIND (method_standard); BIND (method_easy);
  BIND (engine_mysql); BIND (engine_mariadb); BIND (engine_postgres); BIND (engine_oracle);
  BIND (engine_sqlserver);
  BIND (edition_field); BIND (edition_dropdown); BIND (license_field); BIND (license_dropdown);
  BIND (version_field); BIND (version_dropdown);
  BIND (size_production); BIND (size_devtest); BIND (size_free);
  BIND (template_production); BIND (template_devtest); BIND (template_free);
  BIND (deploy_multi_az); BIND (deploy_single);
  BIND (identifier_field); BIND (identifier_entry); BIND (username_field); BIND (username_entry);
  BIND (managed_check); BIND (autogen_check);
  BIND (password_field); BIND (password_entry); BIND (confirm_field); BIND (confirm_entry);
  BIND (class_standard); BIND (class_memory); BIND (class_burstable); BIND (class_field);
  BIND (class_dropdown);
  BIND (storage_type_field); BIND (storage_type_dropdown); BIND (allocated_field);
  BIND (allocated_entry); BIND (iops_field); BIND (iops_entry); BIND (throughput_field);
  BIND (throughput_entry); BIND (autoscaling_check); BIND (max_storage_field);
  BIND (max_storage_entry);
  BIND (subnet_group_field); BIND (subnet_group_dropdown); BIND (public_yes); BIND (public_no);
  BIND (security_group_field); BIND (security_group_dropdown); BIND (zone_field);
  BIND (zone_dropdown); BIND (ca_field); BIND (ca_dropdown); BIND (port_field); BIND (port_entry);
  BIND (auth_password); BIND (auth_iam);
  BIND (pi_check); BIND (pi_retention_field); BIND (pi_retention_dropdown); BIND (em_check);
  BIND (em_granularity_field); BIND (em_granularity_dropdown);
  BIND (db_name_field); BIND (db_name_entry); BIND (parameter_group_field);
  BIND (parameter_group_dropdown); BIND (backup_check); BIND (retention_field);
  BIND (retention_dropdown); BIND (backup_window_field); BIND (backup_window_choose);
  BIND (backup_window_none); BIND (backup_box); BIND (backup_hour_spin); BIND (backup_minute_spin);
  BIND (backup_duration_dropdown); BIND (copy_tags_check); BIND (encryption_check);
  BIND (kms_field); BIND (kms_dropdown); BIND (kms_entry); BIND (logs_box); BIND (auto_minor_check);
  BIND (maintenance_window_field); BIND (maintenance_window_choose);
  BIND (maintenance_window_none); BIND (maintenance_box); BIND (maintenance_day_dropdown);
  BIND (maintenance_hour_spin); BIND (maintenance_minute_spin);
  BIND (maintenance_duration_dropdown); BIND (deletion_check);
}

#undef BIND

static void
connect_entry (RdsDatabaseForm *self,
               GtkWidget       *entry)
{
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
connect_check (RdsDatabaseForm *self,
               GtkWidget       *check)
{
  g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
connect_dropdown (RdsDatabaseForm *self,
                  GtkWidget       *dropdown)
{
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
connect_all (RdsDatabaseForm *self)
{
  GtkWidget *entries[] = {
    self->identifier_entry, self->username_entry, self->password_entry, self->confirm_entry,
    self->allocated_entry, self->iops_entry, self->throughput_entry, self->max_storage_entry,
    self->port_entry, self->db_name_entry, self->kms_entry,
  };
  GtkWidget *checks[] = {
    self->method_standard, self->deploy_multi_az, self->managed_check, self->autogen_check,
    self->autoscaling_check, self->public_yes, self->auth_iam, self->pi_check, self->em_check,
    self->backup_check, self->backup_window_choose, self->copy_tags_check, self->encryption_check,
    self->auto_minor_check, self->maintenance_window_choose, self->deletion_check,
  };
  GtkWidget *dropdowns[] = {
    self->license_dropdown, self->storage_type_dropdown, self->subnet_group_dropdown,
    self->zone_dropdown, self->ca_dropdown, self->pi_retention_dropdown,
    self->em_granularity_dropdown, self->parameter_group_dropdown, self->retention_dropdown,
    self->backup_duration_dropdown, self->kms_dropdown, self->maintenance_day_dropdown,
    self->maintenance_duration_dropdown,
  };
  GtkWidget *spins[] = {
    self->backup_hour_spin, self->backup_minute_spin, self->maintenance_hour_spin,
    self->maintenance_minute_spin,
  };
  g_autoptr(GPtrArray) retention = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cas = g_ptr_array_new ();
  const RdsCertificateAuthority *ca_list;
  guint n_cas;

  self->touched = g_hash_table_new (NULL, NULL);
  self->version_names = g_ptr_array_new_with_free_func (g_free);
  self->class_names = g_ptr_array_new_with_free_func (g_free);
  self->storage_types = g_ptr_array_new_with_free_func (g_free);
  self->subnet_group_names = g_ptr_array_new_with_free_func (g_free);
  self->parameter_group_names = g_ptr_array_new_with_free_func (g_free);
  self->editions = g_ptr_array_new_with_free_func (g_free);
  self->log_checks = g_ptr_array_new ();

  for (guint i = 1; i <= 35; i++)
    g_ptr_array_add (retention, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", i), i));
  fill_dropdown (self->retention_dropdown, (const char * const *) retention->pdata, retention->len);
  select_index (self, self->retention_dropdown, 6);

  ca_list = rds_catalog_get_cas (&n_cas);
  for (guint i = 0; i < n_cas; i++)
    g_ptr_array_add (cas, (gpointer) ca_list[i].identifier);
  fill_dropdown (self->ca_dropdown, (const char * const *) cas->pdata, cas->len);
  for (guint i = 0; i < n_cas; i++)
    if (g_str_equal (ca_list[i].identifier, rds_catalog_default_ca ()))
      select_index (self, self->ca_dropdown, i);

  {
    const char *groups[] = { "default" };

    fill_dropdown (self->security_group_dropdown, groups, 1);
  }

  select_index (self, self->backup_duration_dropdown, 0);
  select_index (self, self->maintenance_duration_dropdown, 0);
  select_index (self, self->em_granularity_dropdown, G_N_ELEMENTS (em_intervals) - 1);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    connect_entry (self, entries[i]);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    connect_check (self, checks[i]);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    connect_dropdown (self, dropdowns[i]);
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_object (spins[i], "value-changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);

  {
    GtkWidget *engine_toggles[] = {
      self->engine_mysql, self->engine_mariadb, self->engine_postgres, self->engine_oracle,
      self->engine_sqlserver,
    };

    for (guint i = 0; i < G_N_ELEMENTS (engine_toggles); i++)
      g_signal_connect_object (engine_toggles[i], "toggled", G_CALLBACK (engine_type_toggled_cb),
                               self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->edition_dropdown, "notify::selected",
                           G_CALLBACK (edition_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_dropdown, "notify::selected",
                           G_CALLBACK (version_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->class_dropdown, "notify::selected",
                           G_CALLBACK (class_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->license_dropdown, "notify::selected",
                           G_CALLBACK (update_classes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->class_standard, "toggled", G_CALLBACK (class_family_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->class_memory, "toggled", G_CALLBACK (class_family_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->class_burstable, "toggled", G_CALLBACK (class_family_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_production, "toggled", G_CALLBACK (template_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_devtest, "toggled", G_CALLBACK (template_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_free, "toggled", G_CALLBACK (template_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_production, "toggled", G_CALLBACK (size_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_devtest, "toggled", G_CALLBACK (size_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_free, "toggled", G_CALLBACK (size_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->method_easy, "toggled", G_CALLBACK (size_toggled_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
rds_database_form_init (RdsDatabaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  connect_all (self);
}

static char *
first_free_identifier (RdsSession *session)
{
  RdsResourceList *list = rds_session_get_instances (session);

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = g_strdup_printf ("database-%u", i);

      if (rds_resource_list_find (list, name) == NULL)
        return g_steal_pointer (&name);
    }
}

static RdsResourceList *
new_list (RdsDatabaseForm    *self,
          const char         *action,
          const char * const *keys,
          GCallback           refreshed)
{
  RdsResourceList *list = rds_resource_list_new (action, keys);

  rds_resource_list_set_client (list, rds_session_get_client (self->session));
  g_signal_connect_object (list, "refreshed", refreshed, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::loading", G_CALLBACK (update_waiting_for), self,
                           G_CONNECT_SWAPPED);
  return list;
}

/**
 * rds_database_form_new:
 * @instance: (nullable): the instance to modify
 */
RdsDatabaseForm *
rds_database_form_new (RdsSession          *session,
                       RdsDatabaseFormMode  mode,
                       RdsDbInstance       *instance)
{
  const char *version_keys[] = { "Engine", "EngineVersion", NULL };
  const char *orderable_keys[] = { "DBInstanceClass", "StorageType", "LicenseModel", NULL };
  const char *subnet_keys[] = { "DBSubnetGroupName", NULL };
  const char *parameter_keys[] = { "DBParameterGroupName", NULL };
  RdsDatabaseForm *self;
  const RdsRegion *region;
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (mode == RDS_DATABASE_FORM_CREATE || RDS_IS_DB_INSTANCE (instance), NULL);

  self = g_object_new (RDS_TYPE_DATABASE_FORM, NULL);
  self->session = g_object_ref (session);
  self->mode = mode;
  self->instance = instance != NULL ? RDS_DB_INSTANCE (rds_shape_copy (RDS_SHAPE (instance))) : NULL;

  region = rds_region_lookup (rds_session_get_region (session));
  g_ptr_array_add (zones, g_strdup (_("No preference")));
  for (guint i = 0; region != NULL && i < rds_region_get_n_zones (region); i++)
    g_ptr_array_add (zones, rds_region_get_zone (region, i));
  fill_dropdown (self->zone_dropdown, (const char * const *) zones->pdata, zones->len);

  self->versions = new_list (self, "DescribeDBEngineVersions", version_keys,
                             G_CALLBACK (versions_refreshed_cb));
  self->orderable = new_list (self, "DescribeOrderableDBInstanceOptions", orderable_keys,
                              G_CALLBACK (orderable_refreshed_cb));
  self->parameter_groups = new_list (self, "DescribeDBParameterGroups", parameter_keys,
                                     G_CALLBACK (parameter_groups_refreshed_cb));
  rds_resource_list_refresh (self->parameter_groups);

  if (mode == RDS_DATABASE_FORM_CREATE)
    {
      g_autofree char *identifier = first_free_identifier (session);

      self->subnet_groups = new_list (self, "DescribeDBSubnetGroups", subnet_keys,
                                      G_CALLBACK (subnet_groups_refreshed_cb));
      rds_resource_list_refresh (self->subnet_groups);

      set_text (self, self->identifier_entry, identifier);
      rds_form_field_set_title (RDS_FORM_FIELD (self->password_field), _("Master password"));
      set_toggle (self->engine_mysql);
      apply_preset (self, TEMPLATE_DEVTEST, NULL, 20);
    }
  else
    {
      self->engine = rds_catalog_find_engine (rds_db_instance_get_engine (instance));
      if (self->engine == NULL)
        self->engine = rds_catalog_find_engine ("mysql");
      rds_form_field_set_title (RDS_FORM_FIELD (self->password_field), _("New master password"));
      rds_form_field_set_hint (RDS_FORM_FIELD (self->password_field),
                               _("Leave empty to keep the current password."));
      self->wanted_version = g_strdup (rds_shape_get_string (RDS_SHAPE (instance), "engine-version"));
      take_account_id (self, rds_shape_get_string (RDS_SHAPE (instance), "db-instance-arn"));
      fill_from_instance (self);
      load_versions (self);
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

  return text_of (self->identifier_entry);
}

const char *
rds_database_form_get_engine (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  return self->engine != NULL ? self->engine->engine : NULL;
}

void
rds_database_form_get_estimate (RdsDatabaseForm *self,
                                RdsCostEstimate *estimate,
                                gboolean        *free_tier)
{
  Storage storage;
  const char *klass;

  g_return_if_fail (RDS_IS_DATABASE_FORM (self));
  g_return_if_fail (estimate != NULL);

  memset (estimate, 0, sizeof *estimate);
  if (free_tier != NULL)
    *free_tier = FALSE;
  if (self->engine == NULL)
    return;

  read_storage (self, &storage);
  klass = current_class (self);
  rds_catalog_estimate_monthly (self->engine, klass != NULL ? rds_catalog_find_class (klass) : NULL,
                                storage.multi_az, storage.storage_type, storage.allocated,
                                storage.iops, storage.throughput, estimate);
  if (free_tier != NULL)
    *free_tier = creating (self) && self->template_ == TEMPLATE_FREE;
}

/**
 * rds_database_form_get_widget:
 * @name: a widget's id in the template, such as "identifier_entry"
 *
 * For tests, which fill the form through its widgets as a user would.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
rds_database_form_get_widget (RdsDatabaseForm *self,
                              const char      *name)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), RDS_TYPE_DATABASE_FORM, name));
}

/* Whether the password was made up by the console, to be shown once. */
gboolean
rds_database_form_get_password_generated (RdsDatabaseForm *self)
{
  g_return_val_if_fail (RDS_IS_DATABASE_FORM (self), FALSE);

  return creating (self) && !is_active (self->managed_check) && is_active (self->autogen_check);
}

/* Marks every field as typed in, so empty required fields show errors. */
void
rds_database_form_reveal_errors (RdsDatabaseForm *self)
{
  g_return_if_fail (RDS_IS_DATABASE_FORM (self));

  self->submitted_once = TRUE;
  revalidate (self);
}
