/* rds-additional-configuration-section.c: database options, backups,
 * encryption, log exports, maintenance and deletion protection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DB parameter groups come from the endpoint
 * (DescribeDBParameterGroups), filtered by the family of the chosen
 * engine version, which the form sets. A read replica has a parameter
 * group (of the Region it goes to), auto minor version upgrade and
 * deletion protection; its encryption is its source's, with a key of its
 * own Region when it goes to another. A restore starts from its source's
 * parameter and option groups, copying tags to snapshots and minor
 * upgrades, without deletion protection, and copies the source's tags
 * unless asked not to (as the RDS console does).
 */

#include "config.h"

#include "rds-additional-configuration-section.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-resource-list.h"
#include "rds-rules.h"
#include "rds-session.h"
#include "rds-validation.h"

/* Window durations in minutes. */
static const int window_durations[] = { 30, 60, 90, 120, 150, 180 };

struct _RdsAdditionalConfigurationSection
{
  RdsFormSection   parent_instance;

  RdsResourceList *parameter_groups;
  GPtrArray       *parameter_group_names;
  char            *family;
  char            *wanted_parameter_group;
  GPtrArray       *log_checks;
  char            *option_group;     /* a restore's source's */

  GtkWidget *db_name_field, *db_name_entry, *parameter_group_field, *parameter_group_dropdown;
  GtkWidget *option_group_field, *option_group_dropdown, *source_tags_check, *source_tags_label;
  GtkWidget *backup_title, *encryption_field, *encryption_label;
  GtkWidget *backup_check, *retention_field, *retention_dropdown;
  GtkWidget *backup_window_field, *backup_window_choose, *backup_window_none, *backup_box;
  GtkWidget *backup_hour_spin, *backup_minute_spin, *backup_duration_dropdown;
  GtkWidget *copy_tags_check, *encryption_title, *encryption_check, *kms_field, *kms_dropdown, *kms_entry;
  GtkWidget *logs_title, *logs_description, *logs_box, *auto_minor_check;
  GtkWidget *maintenance_window_field, *maintenance_window_choose, *maintenance_window_none;
  GtkWidget *maintenance_box, *maintenance_day_dropdown, *maintenance_hour_spin;
  GtkWidget *maintenance_minute_spin, *maintenance_duration_dropdown;
  GtkWidget *deletion_check;
};

G_DEFINE_FINAL_TYPE (RdsAdditionalConfigurationSection, rds_additional_configuration_section,
                     RDS_TYPE_FORM_SECTION)

void
rds_additional_configuration_section_set_deletion_protection (RdsAdditionalConfigurationSection *self,
                                                              gboolean                           protect)
{
  g_return_if_fail (RDS_IS_ADDITIONAL_CONFIGURATION_SECTION (self));

  rds_form_section_set_active (RDS_FORM_SECTION (self), self->deletion_check, protect);
}

/* Parameter groups */

static void
update_waiting_for (RdsAdditionalConfigurationSection *self)
{
  rds_form_section_set_waiting_for (RDS_FORM_SECTION (self),
                                    self->parameter_groups != NULL &&
                                    rds_resource_list_get_loading (self->parameter_groups)
                                    ? _("Loading parameter groups…") : NULL);
}

static void
update_parameter_groups (RdsAdditionalConfigurationSection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  GListModel *model;
  g_autofree char *previous = NULL;
  const char *wanted;
  guint n;
  int chosen;

  if (self->parameter_groups == NULL || !rds_resource_list_get_loaded (self->parameter_groups))
    return;

  model = rds_resource_list_get_model (self->parameter_groups);
  n = g_list_model_get_n_items (model);
  previous = g_strdup (rds_form_selected_name (self->parameter_group_names, self->parameter_group_dropdown));
  wanted = self->wanted_parameter_group != NULL ? self->wanted_parameter_group : previous;

  g_ptr_array_set_size (self->parameter_group_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (model, i);
      const char *name = rds_shape_get_string (group, "db-parameter-group-name");

      if (g_strcmp0 (rds_shape_get_string (group, "db-parameter-group-family"), self->family) != 0)
        continue;
      /* The default group comes first, as in the RDS console. */
      if (g_str_has_prefix (name, "default."))
        g_ptr_array_insert (self->parameter_group_names, 0, g_strdup (name));
      else
        g_ptr_array_add (self->parameter_group_names, g_strdup (name));
    }

  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->parameter_group_dropdown,
                          (const char * const *) self->parameter_group_names->pdata,
                          self->parameter_group_names->len);
  chosen = rds_form_index_of (self->parameter_group_names, wanted);
  rds_form_section_select (section, self->parameter_group_dropdown, MAX (chosen, 0));
  if (chosen >= 0)
    g_clear_pointer (&self->wanted_parameter_group, g_free);
}

static void
parameter_groups_refreshed_cb (RdsAdditionalConfigurationSection *self,
                               const GError                      *error)
{
  if (error == NULL)
    update_parameter_groups (self);
  update_waiting_for (self);
  g_signal_emit_by_name (self, "changed");
}

/**
 * rds_additional_configuration_section_set_family:
 * @family: (nullable): the DB parameter group family of the engine version
 */
void
rds_additional_configuration_section_set_family (RdsAdditionalConfigurationSection *self,
                                                 const char                        *family)
{
  g_return_if_fail (RDS_IS_ADDITIONAL_CONFIGURATION_SECTION (self));

  if (g_strcmp0 (self->family, family) == 0)
    return;
  g_free (self->family);
  self->family = g_strdup (family);
  update_parameter_groups (self);
}

/* Windows */

static int
window_start (GtkWidget *day_dropdown,
              GtkWidget *hour_spin,
              GtkWidget *minute_spin)
{
  int day = day_dropdown != NULL ? (int) rds_form_selected (day_dropdown) : 0;
  int hour = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hour_spin));
  int minute = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (minute_spin));

  return day * 24 * 60 + hour * 60 + minute;
}

static int
window_length (GtkWidget *duration_dropdown)
{
  guint index = rds_form_selected (duration_dropdown);

  return window_durations[index < G_N_ELEMENTS (window_durations) ? index : 0];
}

static char *
backup_window (RdsAdditionalConfigurationSection *self)
{
  if (!rds_form_is_active (self->backup_check) || !rds_form_is_active (self->backup_window_choose))
    return NULL;
  return rds_rules_format_backup_window (window_start (NULL, self->backup_hour_spin,
                                                       self->backup_minute_spin),
                                         window_length (self->backup_duration_dropdown));
}

static char *
maintenance_window (RdsAdditionalConfigurationSection *self)
{
  if (!rds_form_is_active (self->maintenance_window_choose))
    return NULL;
  return rds_rules_format_maintenance_window (window_start (self->maintenance_day_dropdown,
                                                            self->maintenance_hour_spin,
                                                            self->maintenance_minute_spin),
                                              window_length (self->maintenance_duration_dropdown));
}

/* The windows chosen, or the instance's where none is chosen, may not overlap. */
static char *
windows_problem (RdsAdditionalConfigurationSection *self)
{
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (RDS_FORM_SECTION (self)));
  g_autofree char *backup = backup_window (self);
  g_autofree char *maintenance = maintenance_window (self);

  if (backup == NULL && instance != NULL && rds_form_is_active (self->backup_check))
    backup = g_strdup (rds_shape_get_string (instance, "preferred-backup-window"));
  if (maintenance == NULL && instance != NULL)
    maintenance = g_strdup (rds_shape_get_string (instance, "preferred-maintenance-window"));

  return rds_validate_windows (backup, maintenance);
}

/* Shows the window @text in its controls; FALSE if there is none. */
static gboolean
set_window (RdsAdditionalConfigurationSection *self,
            const char                        *text,
            gboolean                           weekly)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  GtkWidget *hour = weekly ? self->maintenance_hour_spin : self->backup_hour_spin;
  GtkWidget *minute = weekly ? self->maintenance_minute_spin : self->backup_minute_spin;
  GtkWidget *duration = weekly ? self->maintenance_duration_dropdown : self->backup_duration_dropdown;
  int start, length;
  guint index;
  gboolean ok;

  if (text == NULL)
    return FALSE;
  ok = weekly ? rds_rules_parse_maintenance_window (text, &start, &length, NULL)
              : rds_rules_parse_backup_window (text, &start, &length, NULL);
  if (!ok)
    return FALSE;

  /* A length the controls can't show stays as it is, unchosen. */
  for (index = 0; index < G_N_ELEMENTS (window_durations); index++)
    if (window_durations[index] == length)
      break;
  if (index == G_N_ELEMENTS (window_durations))
    return FALSE;

  if (weekly)
    rds_form_section_select (section, self->maintenance_day_dropdown, (start / (24 * 60)) % 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), (start / 60) % 24);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), start % 60);
  rds_form_section_select (section, duration, index);
  return TRUE;
}

static int
retention_days (RdsAdditionalConfigurationSection *self)
{
  return rds_form_is_active (self->backup_check) ? (int) rds_form_selected (self->retention_dropdown) + 1 : 0;
}

/* "key=value, key=value" */
static char *
format_tags (GListModel *tags)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(RdsShape) tag = g_list_model_get_item (tags, i);
      const char *value = rds_shape_get_string (tag, "value");

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, rds_shape_get_string (tag, "key"));
      if (value != NULL && *value != '\0')
        g_string_append_printf (text, "=%s", value);
    }
  return g_string_free (text, FALSE);
}

/* A restore's: its source's option group and tags (with the rest, from
 * the instance). */
static void
setup_restore (RdsAdditionalConfigurationSection *self,
               RdsShape                          *source)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  GListModel *option_groups = rds_shape_get_list (source, "option-group-memberships");
  GListModel *tags = rds_shape_get_list (source, "tag-list");
  guint n_tags = tags != NULL ? g_list_model_get_n_items (tags) : 0;
  g_autoptr(RdsShape) option_group = NULL;

  if (option_groups != NULL && g_list_model_get_n_items (option_groups) > 0)
    option_group = g_list_model_get_item (option_groups, 0);
  g_free (self->option_group);
  self->option_group = option_group != NULL ? g_strdup (rds_shape_get_string (option_group, "option-group-name"))
                                            : NULL;
  if (self->option_group != NULL)
    {
      const char *names[] = { self->option_group };

      rds_form_section_fill_dropdown (section, self->option_group_dropdown, names, 1);
      rds_form_section_select (section, self->option_group_dropdown, 0);
    }

  rds_form_section_set_active (section, self->source_tags_check, n_tags > 0);
  if (n_tags > 0)
    {
      g_autofree char *list = format_tags (tags);
      /* Translators: %s is a list of tags, "team=billing, env=prod" */
      g_autofree char *text = g_strdup_printf (ngettext ("Its tag: %s", "Its tags: %s",
                                                            n_tags), list);

      gtk_label_set_label (GTK_LABEL (self->source_tags_label), text);
    }
}

/* The section */

static void
rds_additional_configuration_section_setup (RdsFormSection *section)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);
  RdsShape *i = RDS_SHAPE (rds_form_section_get_instance (section));
  const char *keys[] = { "DBParameterGroupName", NULL };

  self->parameter_groups = rds_resource_list_new ("DescribeDBParameterGroups", keys);
  rds_resource_list_set_client (self->parameter_groups,
                                rds_session_get_client (rds_form_section_get_session (section)));
  g_signal_connect_object (self->parameter_groups, "refreshed", G_CALLBACK (parameter_groups_refreshed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parameter_groups, "notify::loading", G_CALLBACK (update_waiting_for),
                           self, G_CONNECT_SWAPPED);
  rds_resource_list_refresh (self->parameter_groups);
  update_waiting_for (self);

  if (i != NULL)
    {
      int retention = rds_shape_get_int (i, "backup-retention-period");
      GListModel *groups = rds_shape_get_list (i, "db-parameter-groups");
      g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;

      rds_form_section_set_active (section, self->backup_check, retention > 0);
      if (retention > 0)
        rds_form_section_select (section, self->retention_dropdown, retention - 1);
      /* The instance's windows, shown as chosen. */
      if (set_window (self, rds_shape_get_string (i, "preferred-backup-window"), FALSE))
        rds_form_section_set_active (section, self->backup_window_choose, TRUE);
      if (set_window (self, rds_shape_get_string (i, "preferred-maintenance-window"), TRUE))
        rds_form_section_set_active (section, self->maintenance_window_choose, TRUE);
      rds_form_section_set_active (section, self->copy_tags_check,
                                   rds_shape_get_boolean (i, "copy-tags-to-snapshot"));
      rds_form_section_set_active (section, self->auto_minor_check,
                                   rds_shape_get_boolean (i, "auto-minor-version-upgrade"));
      rds_form_section_set_active (section, self->deletion_check,
                                   rds_shape_get_boolean (i, "deletion-protection"));
      if (group != NULL)
        self->wanted_parameter_group = g_strdup (rds_shape_get_string (group, "db-parameter-group-name"));
    }

  if (i != NULL && rds_form_section_get_restore (section))
    {
      setup_restore (self, i);
      /* The RDS console's restore starts unprotected, whatever the source. */
      rds_form_section_set_active (section, self->deletion_check, FALSE);
    }
  else if (rds_form_section_get_replica (section))
    {
      /* The replica is new: nothing protects it yet. */
      rds_form_section_set_active (section, self->deletion_check, FALSE);
      rds_form_field_set_description (RDS_FORM_FIELD (self->kms_field),
                                      _("The replica’s storage is encrypted with a KMS key of the Region it "
                                        "goes to."));
    }
}

/* Another Region has parameter groups of its own; in the source's, the
 * source's group comes first. */
static void
rds_additional_configuration_section_region_changed (RdsFormSection *section)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);
  RdsShape *i = RDS_SHAPE (rds_form_section_get_instance (section));
  GListModel *groups = i != NULL ? rds_shape_get_list (i, "db-parameter-groups") : NULL;
  g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;

  g_clear_pointer (&self->wanted_parameter_group, g_free);
  if (!rds_form_section_get_cross_region (section) && group != NULL)
    self->wanted_parameter_group = g_strdup (rds_shape_get_string (group, "db-parameter-group-name"));
  g_ptr_array_set_size (self->parameter_group_names, 0);
  rds_form_section_fill_dropdown (section, self->parameter_group_dropdown, NULL, 0);
  rds_resource_list_set_client (self->parameter_groups, rds_form_section_get_client (section));
  rds_resource_list_refresh (self->parameter_groups);
  update_waiting_for (self);
}

static void
rds_additional_configuration_section_engine_changed (RdsFormSection *section)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);
  const RdsEngineInfo *engine = rds_form_section_get_engine (section);

  /* Log exports are per engine. */
  for (guint i = 0; i < self->log_checks->len; i++)
    gtk_box_remove (GTK_BOX (self->logs_box), g_ptr_array_index (self->log_checks, i));
  g_ptr_array_set_size (self->log_checks, 0);
  for (guint i = 0; engine->log_types != NULL && engine->log_types[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (engine->log_types[i]);

      g_object_set_data_full (G_OBJECT (check), "log-type", g_strdup (engine->log_types[i]), g_free);
      rds_form_section_watch (section, check);
      gtk_box_append (GTK_BOX (self->logs_box), check);
      g_ptr_array_add (self->log_checks, check);
    }
}

/* A replica's encryption: its source's. */
static gboolean
replica_encrypted (RdsAdditionalConfigurationSection *self)
{
  RdsShape *source = RDS_SHAPE (rds_form_section_get_instance (RDS_FORM_SECTION (self)));

  return rds_shape_get_boolean (source, "storage-encrypted");
}

/* A KMS key the replica asks for: one of another Region when encrypted. */
static gboolean
replica_needs_key (RdsAdditionalConfigurationSection *self)
{
  return replica_encrypted (self) && rds_form_section_get_cross_region (RDS_FORM_SECTION (self));
}

static gboolean
validate_replica (RdsAdditionalConfigurationSection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  RdsShape *source = RDS_SHAPE (rds_form_section_get_instance (section));
  const GError *error = rds_resource_list_get_error (self->parameter_groups);
  gboolean own_key = rds_form_selected (self->kms_dropdown) == 1;
  g_autofree char *encryption = NULL;
  gboolean valid = TRUE;
  GtkWidget *hidden[] = {
    self->db_name_field, self->backup_title, self->backup_check, self->retention_field,
    self->backup_window_field, self->copy_tags_check, self->encryption_check, self->logs_title,
    self->logs_description, self->logs_box, self->maintenance_window_field,
  };

  /* Created with backups off, the source's windows and log exports. */
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    gtk_widget_set_visible (hidden[i], FALSE);

  if (!replica_encrypted (self))
    encryption = g_strdup (_("Not encrypted"));
  else if (rds_form_section_get_cross_region (section))
    /* Translators: %s is an AWS Region, "us-west-2" */
    encryption = g_strdup_printf (_("Encrypted with a KMS key of %s"), rds_form_section_get_region (section));
  else
    /* Translators: %s is the source's KMS key, an ARN */
    encryption = g_strdup_printf (_("Encrypted with %s"), rds_shape_get_string (source, "kms-key-id"));
  gtk_label_set_label (GTK_LABEL (self->encryption_label), encryption);
  gtk_widget_set_visible (self->encryption_title, TRUE);
  gtk_widget_set_visible (self->encryption_field, TRUE);
  gtk_widget_set_visible (self->kms_field, replica_needs_key (self));
  gtk_widget_set_visible (self->kms_entry, own_key);

  if (replica_needs_key (self) && own_key)
    valid &= rds_form_section_check (section, self->kms_field, self->kms_entry,
                                     rds_validate_kms_key (rds_form_text_of (self->kms_entry)));
  else
    rds_form_field_set_error (RDS_FORM_FIELD (self->kms_field), NULL);
  valid &= rds_form_section_check (section, self->parameter_group_field, NULL,
                                   error != NULL ? g_strdup (error->message) : NULL);
  return valid;
}

/* A restore: its parameter and option groups, the source's tags, copying
 * tags, minor upgrades and deletion protection. Its backups start as the
 * backup's source's (or the default); its encryption is the backup's,
 * which the wizard shows. */
static gboolean
validate_restore (RdsAdditionalConfigurationSection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  const GError *error = rds_resource_list_get_error (self->parameter_groups);
  GtkWidget *hidden[] = {
    self->db_name_field, self->backup_title, self->backup_check, self->retention_field,
    self->backup_window_field, self->encryption_title, self->encryption_field, self->encryption_check,
    self->kms_field, self->logs_title, self->logs_description, self->logs_box,
    self->maintenance_window_field,
  };
  GListModel *tags = rds_shape_get_list (RDS_SHAPE (rds_form_section_get_instance (section)), "tag-list");
  gboolean has_tags = tags != NULL && g_list_model_get_n_items (tags) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    gtk_widget_set_visible (hidden[i], FALSE);
  gtk_widget_set_visible (self->copy_tags_check, TRUE);
  gtk_widget_set_visible (self->option_group_field, self->option_group != NULL);
  gtk_widget_set_visible (self->source_tags_check, has_tags);
  gtk_widget_set_visible (self->source_tags_label, has_tags);
  return rds_form_section_check (section, self->parameter_group_field, NULL,
                                 error != NULL ? g_strdup (error->message) : NULL);
}

static gboolean
rds_additional_configuration_section_validate (RdsFormSection *section)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);
  const RdsEngineInfo *engine = rds_form_section_get_engine (section);
  const GError *error = rds_resource_list_get_error (self->parameter_groups);
  gboolean create = rds_form_section_get_creating (section);
  gboolean encrypted = rds_form_is_active (self->encryption_check);
  gboolean own_key = rds_form_selected (self->kms_dropdown) == 1;
  gboolean valid = TRUE;

  if (rds_form_section_get_replica (section))
    return validate_replica (self);
  if (rds_form_section_get_restore (section))
    return validate_restore (self);

  gtk_widget_set_visible (self->db_name_field, create && engine->family != RDS_FAMILY_SQLSERVER);
  gtk_widget_set_visible (self->retention_field, rds_form_is_active (self->backup_check));
  gtk_widget_set_visible (self->backup_window_field, rds_form_is_active (self->backup_check));
  gtk_widget_set_visible (self->backup_box, rds_form_is_active (self->backup_window_choose));
  gtk_widget_set_visible (self->maintenance_box, rds_form_is_active (self->maintenance_window_choose));
  /* Encryption is chosen once, at creation; log exports too, here. */
  gtk_widget_set_visible (self->encryption_title, create);
  gtk_widget_set_visible (self->encryption_check, create);
  gtk_widget_set_visible (self->kms_field, create && encrypted);
  gtk_widget_set_visible (self->kms_entry, own_key);
  gtk_widget_set_visible (self->logs_title, create);
  gtk_widget_set_visible (self->logs_description, create);
  gtk_widget_set_visible (self->logs_box, create);

  if (create)
    {
      valid &= rds_form_section_check (section, self->db_name_field, self->db_name_entry,
                                       rds_validate_db_name (engine, rds_form_text_of (self->db_name_entry)));
      if (encrypted && own_key)
        valid &= rds_form_section_check (section, self->kms_field, self->kms_entry,
                                         rds_validate_kms_key (rds_form_text_of (self->kms_entry)));
      else
        rds_form_field_set_error (RDS_FORM_FIELD (self->kms_field), NULL);
    }

  valid &= rds_form_section_check (section, self->maintenance_window_field, NULL, windows_problem (self));
  valid &= rds_form_section_check (section, self->parameter_group_field, NULL,
                                   error != NULL ? g_strdup (error->message) : NULL);

  return valid;
}

static void
rds_additional_configuration_section_add_to_create (RdsFormSection *section,
                                                    RdsRequest     *request)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);
  const char *db_name = rds_form_text_of (self->db_name_entry);
  g_autofree char *backup = backup_window (self);
  g_autofree char *maintenance = maintenance_window (self);

  if (*db_name != '\0' && rds_form_shown (self->db_name_field))
    rds_request_set (request, "DBName", db_name);
  if (self->parameter_group_names->len > 0)
    rds_request_set (request, "DBParameterGroupName",
                     rds_form_selected_name (self->parameter_group_names, self->parameter_group_dropdown));
  rds_request_set_int (request, "BackupRetentionPeriod", retention_days (self));
  if (backup != NULL)
    rds_request_set (request, "PreferredBackupWindow", backup);
  rds_request_set_boolean (request, "CopyTagsToSnapshot", rds_form_is_active (self->copy_tags_check));
  rds_request_set_boolean (request, "StorageEncrypted", rds_form_is_active (self->encryption_check));
  if (rds_form_is_active (self->encryption_check) && rds_form_selected (self->kms_dropdown) == 1)
    rds_request_set (request, "KmsKeyId", rds_form_text_of (self->kms_entry));
  for (guint i = 0; i < self->log_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->log_checks, i);

      if (rds_form_is_active (check))
        rds_request_add_list_item (request, "EnableCloudwatchLogsExports", "member",
                                   g_object_get_data (G_OBJECT (check), "log-type"));
    }
  rds_request_set_boolean (request, "AutoMinorVersionUpgrade", rds_form_is_active (self->auto_minor_check));
  if (maintenance != NULL)
    rds_request_set (request, "PreferredMaintenanceWindow", maintenance);
  rds_request_set_boolean (request, "DeletionProtection", rds_form_is_active (self->deletion_check));
}

static void
add_restore (RdsAdditionalConfigurationSection *self,
             RdsRequest                        *request)
{
  GListModel *tags = rds_shape_get_list (RDS_SHAPE (rds_form_section_get_instance (RDS_FORM_SECTION (self))),
                                         "tag-list");

  rds_request_set_boolean (request, "CopyTagsToSnapshot", rds_form_is_active (self->copy_tags_check));
  if (self->option_group != NULL && rds_form_shown (self->option_group_field))
    rds_request_set (request, "OptionGroupName", self->option_group);
  for (guint i = 0; rds_form_is_active (self->source_tags_check) && rds_form_shown (self->source_tags_check) &&
                    tags != NULL && i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(RdsShape) tag = g_list_model_get_item (tags, i);

      rds_request_add_tag (request, "Tags", rds_shape_get_string (tag, "key"), rds_shape_get_string (tag, "value"));
    }
}

static void
rds_additional_configuration_section_add_to_replica (RdsFormSection *section,
                                                     RdsRequest     *request)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);

  if (self->parameter_group_names->len > 0)
    rds_request_set (request, "DBParameterGroupName",
                     rds_form_selected_name (self->parameter_group_names, self->parameter_group_dropdown));
  if (rds_form_section_get_restore (section))
    add_restore (self, request);
  else if (replica_needs_key (self))
    rds_request_set (request, "KmsKeyId",
                     rds_form_selected (self->kms_dropdown) == 1 ? rds_form_text_of (self->kms_entry)
                                                                 : "alias/aws/rds");
  rds_request_set_boolean (request, "AutoMinorVersionUpgrade", rds_form_is_active (self->auto_minor_check));
  rds_request_set_boolean (request, "DeletionProtection", rds_form_is_active (self->deletion_check));
}

static void
rds_additional_configuration_section_add_changes (RdsFormSection *section,
                                                  RdsFormDiff    *diff)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (section);
  RdsShape *i = RDS_SHAPE (rds_form_section_get_instance (section));
  GListModel *groups = rds_shape_get_list (i, "db-parameter-groups");
  g_autoptr(RdsShape) group = groups != NULL ? g_list_model_get_item (groups, 0) : NULL;
  g_autofree char *backup = backup_window (self);
  g_autofree char *maintenance = maintenance_window (self);

  if (group != NULL && self->parameter_group_names->len > 0)
    rds_form_diff_text (diff, _("DB parameter group"), "DBParameterGroupName",
                        rds_shape_get_string (group, "db-parameter-group-name"),
                        rds_form_selected_name (self->parameter_group_names, self->parameter_group_dropdown),
                        NULL, NULL);
  rds_form_diff_int (diff, _("Backup retention period (days)"), "BackupRetentionPeriod",
                     rds_shape_get_int (i, "backup-retention-period"), retention_days (self));
  if (backup != NULL)
    rds_form_diff_text (diff, _("Backup window"), "PreferredBackupWindow",
                        rds_shape_get_string (i, "preferred-backup-window"), backup, NULL, NULL);
  rds_form_diff_boolean (diff, _("Copy tags to snapshots"), "CopyTagsToSnapshot",
                         rds_shape_get_boolean (i, "copy-tags-to-snapshot"),
                         rds_form_is_active (self->copy_tags_check));
  rds_form_diff_boolean (diff, _("Auto minor version upgrade"), "AutoMinorVersionUpgrade",
                         rds_shape_get_boolean (i, "auto-minor-version-upgrade"),
                         rds_form_is_active (self->auto_minor_check));
  if (maintenance != NULL)
    rds_form_diff_text (diff, _("Maintenance window"), "PreferredMaintenanceWindow",
                        rds_shape_get_string (i, "preferred-maintenance-window"), maintenance, NULL, NULL);
  rds_form_diff_boolean (diff, _("Deletion protection"), "DeletionProtection",
                         rds_shape_get_boolean (i, "deletion-protection"),
                         rds_form_is_active (self->deletion_check));
}

static void
rds_additional_configuration_section_dispose (GObject *object)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (object);

  g_clear_object (&self->parameter_groups);
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_ADDITIONAL_CONFIGURATION_SECTION);

  G_OBJECT_CLASS (rds_additional_configuration_section_parent_class)->dispose (object);
}

static void
rds_additional_configuration_section_finalize (GObject *object)
{
  RdsAdditionalConfigurationSection *self = RDS_ADDITIONAL_CONFIGURATION_SECTION (object);

  g_clear_pointer (&self->parameter_group_names, g_ptr_array_unref);
  g_clear_pointer (&self->log_checks, g_ptr_array_unref);
  g_free (self->family);
  g_free (self->wanted_parameter_group);
  g_free (self->option_group);

  G_OBJECT_CLASS (rds_additional_configuration_section_parent_class)->finalize (object);
}

#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, RdsAdditionalConfigurationSection, name)

static void
rds_additional_configuration_section_class_init (RdsAdditionalConfigurationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_additional_configuration_section_dispose;
  object_class->finalize = rds_additional_configuration_section_finalize;
  section_class->setup = rds_additional_configuration_section_setup;
  section_class->engine_changed = rds_additional_configuration_section_engine_changed;
  section_class->validate = rds_additional_configuration_section_validate;
  section_class->add_to_create = rds_additional_configuration_section_add_to_create;
  section_class->add_changes = rds_additional_configuration_section_add_changes;
  section_class->add_to_replica = rds_additional_configuration_section_add_to_replica;
  section_class->region_changed = rds_additional_configuration_section_region_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-additional-configuration-section.ui");
  BIND (db_name_field); BIND (db_name_entry); BIND (parameter_group_field);
  BIND (option_group_field); BIND (option_group_dropdown); BIND (source_tags_check); BIND (source_tags_label);
  BIND (parameter_group_dropdown); BIND (backup_check); BIND (retention_field);
  BIND (retention_dropdown); BIND (backup_title); BIND (encryption_field); BIND (encryption_label);
  BIND (backup_window_field); BIND (backup_window_choose);
  BIND (backup_window_none); BIND (backup_box); BIND (backup_hour_spin); BIND (backup_minute_spin);
  BIND (backup_duration_dropdown); BIND (copy_tags_check); BIND (encryption_title);
  BIND (encryption_check); BIND (kms_field); BIND (kms_dropdown); BIND (kms_entry);
  BIND (logs_title); BIND (logs_description); BIND (logs_box); BIND (auto_minor_check);
  BIND (maintenance_window_field); BIND (maintenance_window_choose);
  BIND (maintenance_window_none); BIND (maintenance_box); BIND (maintenance_day_dropdown);
  BIND (maintenance_hour_spin); BIND (maintenance_minute_spin);
  BIND (maintenance_duration_dropdown); BIND (deletion_check);
}

#undef BIND

static void
rds_additional_configuration_section_init (RdsAdditionalConfigurationSection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  g_autoptr(GPtrArray) retention = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->parameter_group_names = g_ptr_array_new_with_free_func (g_free);
  self->log_checks = g_ptr_array_new ();

  for (guint i = 1; i <= 35; i++)
    g_ptr_array_add (retention, g_strdup_printf (ngettext ("%u day", "%u days", i), i));
  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->retention_dropdown, (const char * const *) retention->pdata, retention->len);
  rds_form_section_select (section, self->retention_dropdown, 6);
  rds_form_section_select (section, self->backup_duration_dropdown, 0);
  rds_form_section_select (section, self->maintenance_duration_dropdown, 0);

  GtkWidget *controls[] = {
    self->db_name_entry, self->kms_entry,
    self->backup_check, self->backup_window_choose, self->copy_tags_check, self->encryption_check,
    self->auto_minor_check, self->maintenance_window_choose, self->deletion_check, self->source_tags_check,
    self->option_group_dropdown,
    self->parameter_group_dropdown, self->retention_dropdown, self->backup_duration_dropdown,
    self->kms_dropdown, self->maintenance_day_dropdown, self->maintenance_duration_dropdown,
    self->backup_hour_spin, self->backup_minute_spin, self->maintenance_hour_spin,
    self->maintenance_minute_spin,
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    rds_form_section_watch (section, controls[i]);
}
