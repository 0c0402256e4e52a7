/* rds-connectivity-section.c: network, access, certificate and port
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DB subnet groups come from the endpoint (DescribeDBSubnetGroups);
 * the Availability Zones from the Region. Modify changes public access
 * and the certificate authority only. A read replica has public access,
 * an Availability Zone of its Region and a port (its source's at first);
 * a subnet group only in another Region than its source's, whose groups
 * it then offers. A restore starts from its source's subnet group, VPC
 * security groups, public access and port.
 */

#include "config.h"

#include "rds-connectivity-section.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-region.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-validation.h"

struct _RdsConnectivitySection
{
  RdsFormSection   parent_instance;

  RdsResourceList *subnet_groups;
  GPtrArray       *subnet_group_names;
  char            *account_id;
  char           **source_security_groups; /* a restore's source's VPC security group IDs */
  gboolean         port_edited;

  GtkWidget       *subnet_group_field, *subnet_group_dropdown;
  GtkWidget       *public_yes, *public_no;
  GtkWidget       *security_group_field, *security_group_dropdown;
  GtkWidget       *zone_field, *zone_dropdown, *ca_field, *ca_dropdown, *port_field, *port_entry;
};

G_DEFINE_FINAL_TYPE (RdsConnectivitySection, rds_connectivity_section, RDS_TYPE_FORM_SECTION)

void
rds_connectivity_section_set_multi_az (RdsConnectivitySection *self,
                                       gboolean                multi_az)
{
  g_return_if_fail (RDS_IS_CONNECTIVITY_SECTION (self));

  /* RDS places a Multi-AZ instance's primary and standby itself. */
  gtk_widget_set_sensitive (self->zone_dropdown, !multi_az);
}

/**
 * rds_connectivity_section_get_account_id:
 *
 * Returns: (nullable): the account the subnet groups belong to
 */
const char *
rds_connectivity_section_get_account_id (RdsConnectivitySection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTIVITY_SECTION (self), NULL);

  return self->account_id;
}

static const char *
ca_of (RdsConnectivitySection *self)
{
  guint n_cas;
  const RdsCertificateAuthority *cas = rds_catalog_get_cas (&n_cas);
  guint index = rds_form_selected (self->ca_dropdown);

  return index < n_cas ? cas[index].identifier : rds_catalog_default_ca ();
}

static void
select_ca (RdsConnectivitySection *self,
           const char             *identifier)
{
  guint n_cas;
  const RdsCertificateAuthority *cas = rds_catalog_get_cas (&n_cas);

  for (guint k = 0; k < n_cas; k++)
    if (g_strcmp0 (cas[k].identifier, identifier) == 0)
      rds_form_section_select (RDS_FORM_SECTION (self), self->ca_dropdown, k);
}

static void
update_waiting_for (RdsConnectivitySection *self)
{
  rds_form_section_set_waiting_for (RDS_FORM_SECTION (self),
                                    self->subnet_groups != NULL &&
                                    rds_resource_list_get_loading (self->subnet_groups)
                                    ? _("Loading subnet groups…") : NULL);
}

static void subnet_groups_refreshed_cb (RdsConnectivitySection *self,
                                        const GError           *error);

/* A restore's source's subnet group, chosen first. */
static const char *
source_subnet_group (RdsConnectivitySection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));
  RdsShape *group = instance != NULL && rds_form_section_get_restore (section)
                    ? rds_shape_get_object (instance, "db-subnet-group") : NULL;

  return group != NULL ? rds_shape_get_string (group, "db-subnet-group-name") : NULL;
}

/* The zones of the Region the instance goes to, after "No preference". */
static void
fill_zones (RdsConnectivitySection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  const RdsRegion *region = rds_region_lookup (rds_form_section_get_region (section));
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (zones, g_strdup (_("No preference")));
  for (guint i = 0; region != NULL && i < rds_region_get_n_zones (region); i++)
    g_ptr_array_add (zones, rds_region_get_zone (region, i));
  rds_form_section_fill_dropdown (section, self->zone_dropdown, (const char * const *) zones->pdata, zones->len);
  rds_form_section_select (section, self->zone_dropdown, 0);
}

/* Loads the subnet groups of the Region the instance goes to. */
static void
load_subnet_groups (RdsConnectivitySection *self)
{
  if (self->subnet_groups == NULL)
    {
      const char *keys[] = { "DBSubnetGroupName", NULL };

      self->subnet_groups = rds_resource_list_new ("DescribeDBSubnetGroups", keys);
      g_signal_connect_object (self->subnet_groups, "refreshed", G_CALLBACK (subnet_groups_refreshed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->subnet_groups, "notify::loading", G_CALLBACK (update_waiting_for),
                               self, G_CONNECT_SWAPPED);
    }
  g_ptr_array_set_size (self->subnet_group_names, 0);
  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->subnet_group_dropdown, NULL, 0);
  rds_resource_list_set_client (self->subnet_groups, rds_form_section_get_client (RDS_FORM_SECTION (self)));
  rds_resource_list_refresh (self->subnet_groups);
  update_waiting_for (self);
}

static void
subnet_groups_refreshed_cb (RdsConnectivitySection *self,
                            const GError           *error)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  GListModel *model = rds_resource_list_get_model (self->subnet_groups);
  guint n = g_list_model_get_n_items (model);

  if (error == NULL)
    {
      g_ptr_array_set_size (self->subnet_group_names, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RdsShape) group = g_list_model_get_item (model, i);
          const char *arn = rds_shape_get_string (group, "db-subnet-group-arn");
          g_auto(GStrv) parts = arn != NULL ? g_strsplit (arn, ":", 6) : NULL;

          g_ptr_array_add (self->subnet_group_names,
                           g_strdup (rds_shape_get_string (group, "db-subnet-group-name")));
          /* arn:aws:rds:REGION:ACCOUNT:subgrp:NAME */
          if (self->account_id == NULL && parts != NULL && g_strv_length (parts) >= 5 &&
              *parts[4] != '\0')
            self->account_id = g_strdup (parts[4]);
        }

      rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->subnet_group_dropdown,
                              (const char * const *) self->subnet_group_names->pdata,
                              self->subnet_group_names->len);
      rds_form_section_select (section, self->subnet_group_dropdown,
                               MAX (rds_form_index_of (self->subnet_group_names, source_subnet_group (self)), 0));
    }

  update_waiting_for (self);
  g_signal_emit_by_name (self, "changed");
}

/* A restore's source's VPC security groups, all together, first; then the
 * default group. */
static void
offer_source_security_groups (RdsConnectivitySection *self,
                              RdsShape               *instance)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  GListModel *groups = rds_shape_get_list (instance, "vpc-security-groups");
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *joined = NULL;
  const char *labels[2];

  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(RdsShape) group = g_list_model_get_item (groups, i);

      if (rds_shape_get_string (group, "vpc-security-group-id") != NULL)
        g_strv_builder_add (ids, rds_shape_get_string (group, "vpc-security-group-id"));
    }
  g_strfreev (self->source_security_groups);
  self->source_security_groups = g_strv_builder_end (ids);
  if (self->source_security_groups[0] == NULL)
    {
      g_clear_pointer (&self->source_security_groups, g_strfreev);
      return;
    }

  joined = g_strjoinv (", ", self->source_security_groups);
  labels[0] = joined;
  labels[1] = "default";
  rds_form_section_fill_dropdown (section, self->security_group_dropdown, labels, 2);
  rds_form_section_select (section, self->security_group_dropdown, 0);
}

static void
rds_connectivity_section_setup (RdsFormSection *section)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  fill_zones (self);

  if (rds_form_section_get_creating (section))
    {
      load_subnet_groups (self);
    }
  else if (rds_form_section_get_replica (section) || rds_form_section_get_restore (section))
    {
      RdsShape *endpoint = rds_shape_get_object (instance, "endpoint");
      int port = endpoint != NULL ? rds_shape_get_int (endpoint, "port") : 0;
      const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_instance_get_engine (RDS_DB_INSTANCE (instance)));

      rds_form_section_set_active (section,
                                   rds_shape_get_boolean (instance, "publicly-accessible")
                                   ? self->public_yes : self->public_no, TRUE);
      if (port <= 0 && engine != NULL)
        port = engine->default_port;
      rds_form_section_set_int_text (section, self->port_entry, port);
      if (rds_form_section_get_restore (section))
        {
          load_subnet_groups (self);
          offer_source_security_groups (self, instance);
        }
    }
  else
    {
      rds_form_section_set_active (section,
                                   rds_shape_get_boolean (instance, "publicly-accessible")
                                   ? self->public_yes : self->public_no, TRUE);
      select_ca (self, rds_shape_get_string (instance, "ca-certificate-identifier"));
    }
}

static void
rds_connectivity_section_region_changed (RdsFormSection *section)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);

  fill_zones (self);
  /* A subnet group is the replica's own only in another Region. */
  if (rds_form_section_get_cross_region (section))
    load_subnet_groups (self);
  else if (self->subnet_groups != NULL)
    {
      rds_resource_list_set_client (self->subnet_groups, NULL);
      g_ptr_array_set_size (self->subnet_group_names, 0);
      update_waiting_for (self);
    }
}

static void
rds_connectivity_section_engine_changed (RdsFormSection *section)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);

  if (!self->port_edited && rds_form_section_get_creating (section))
    rds_form_section_set_int_text (section, self->port_entry,
                                   rds_form_section_get_engine (section)->default_port);
}

static gboolean
rds_connectivity_section_validate (RdsFormSection *section)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);
  const GError *error = self->subnet_groups != NULL ? rds_resource_list_get_error (self->subnet_groups) : NULL;
  gboolean create = rds_form_section_get_creating (section);
  gboolean replica = rds_form_section_get_replica (section);
  gboolean restore = rds_form_section_get_restore (section);
  gboolean valid = TRUE;
  char *subnet_problem = NULL;
  int port = 0;

  /* A restore places a new instance: its network, as creating does. */
  gtk_widget_set_visible (self->subnet_group_field,
                          create || restore || (replica && rds_form_section_get_cross_region (section)));
  gtk_widget_set_visible (self->security_group_field, create || restore);
  gtk_widget_set_visible (self->zone_field, create || replica || restore);
  gtk_widget_set_visible (self->ca_field, !replica && !restore);
  gtk_widget_set_visible (self->port_field, create || replica || restore);

  if (!create && !replica && !restore)
    return TRUE;

  valid &= rds_form_section_check (section, self->port_field, self->port_entry,
                                   rds_validate_port (rds_form_section_get_engine (section),
                                                      rds_form_text_of (self->port_entry), &port));
  if (error != NULL)
    subnet_problem = g_strdup (error->message);
  else if (self->subnet_groups != NULL && rds_resource_list_get_loaded (self->subnet_groups) &&
           self->subnet_group_names->len == 0)
    subnet_problem = g_strdup (_("No DB subnet group is available."));
  valid &= rds_form_section_check (section, self->subnet_group_field, NULL, subnet_problem);

  return valid;
}

/* What CreateDBInstance and CreateDBInstanceReadReplica share. */
static void
add_network (RdsConnectivitySection *self,
             RdsRequest             *request)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  guint zone = rds_form_selected (self->zone_dropdown);

  if (self->subnet_group_names->len > 0 && rds_form_shown (self->subnet_group_field))
    rds_request_set (request, "DBSubnetGroupName",
                     rds_form_selected_name (self->subnet_group_names, self->subnet_group_dropdown));
  rds_request_set_boolean (request, "PubliclyAccessible", rds_form_is_active (self->public_yes));
  if (gtk_widget_get_sensitive (self->zone_dropdown) && zone != GTK_INVALID_LIST_POSITION && zone > 0)
    {
      g_autofree char *name = rds_region_get_zone (rds_region_lookup (rds_form_section_get_region (section)),
                                                   zone - 1);

      rds_request_set (request, "AvailabilityZone", name);
    }
  rds_request_set_int (request, "Port", rds_form_int_of (self->port_entry));
}

static void
rds_connectivity_section_add_to_create (RdsFormSection *section,
                                        RdsRequest     *request)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);

  add_network (self, request);
  rds_request_set (request, "CACertificateIdentifier", ca_of (self));
}

static void
rds_connectivity_section_add_to_replica (RdsFormSection *section,
                                         RdsRequest     *request)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);

  add_network (self, request);
  /* A restore in its source's security groups, unless the default is chosen. */
  if (rds_form_section_get_restore (section) && self->source_security_groups != NULL &&
      rds_form_shown (self->security_group_field) && rds_form_selected (self->security_group_dropdown) == 0)
    for (guint i = 0; self->source_security_groups[i] != NULL; i++)
      rds_request_add_list_item (request, "VpcSecurityGroupIds", "VpcSecurityGroupId",
                                 self->source_security_groups[i]);
}

static void
rds_connectivity_section_add_changes (RdsFormSection *section,
                                      RdsFormDiff    *diff)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  rds_form_diff_boolean (diff, _("Public access"), "PubliclyAccessible",
                         rds_shape_get_boolean (instance, "publicly-accessible"),
                         rds_form_is_active (self->public_yes));
  rds_form_diff_text (diff, _("Certificate authority"), "CACertificateIdentifier",
                      rds_shape_get_string (instance, "ca-certificate-identifier"), ca_of (self),
                      NULL, NULL);
}

static void
port_changed_cb (RdsConnectivitySection *self)
{
  if (!rds_form_section_is_applying (RDS_FORM_SECTION (self)))
    self->port_edited = TRUE;
}

static void
rds_connectivity_section_dispose (GObject *object)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (object);

  g_clear_object (&self->subnet_groups);
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_CONNECTIVITY_SECTION);

  G_OBJECT_CLASS (rds_connectivity_section_parent_class)->dispose (object);
}

static void
rds_connectivity_section_finalize (GObject *object)
{
  RdsConnectivitySection *self = RDS_CONNECTIVITY_SECTION (object);

  g_clear_pointer (&self->subnet_group_names, g_ptr_array_unref);
  g_strfreev (self->source_security_groups);
  g_free (self->account_id);

  G_OBJECT_CLASS (rds_connectivity_section_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RdsConnectivitySection, name)

static void
rds_connectivity_section_class_init (RdsConnectivitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_connectivity_section_dispose;
  object_class->finalize = rds_connectivity_section_finalize;
  section_class->setup = rds_connectivity_section_setup;
  section_class->engine_changed = rds_connectivity_section_engine_changed;
  section_class->validate = rds_connectivity_section_validate;
  section_class->add_to_create = rds_connectivity_section_add_to_create;
  section_class->add_changes = rds_connectivity_section_add_changes;
  section_class->add_to_replica = rds_connectivity_section_add_to_replica;
  section_class->region_changed = rds_connectivity_section_region_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-connectivity-section.ui");
  BIND (subnet_group_field); BIND (subnet_group_dropdown); BIND (public_yes); BIND (public_no);
  BIND (security_group_field); BIND (security_group_dropdown); BIND (zone_field);
  BIND (zone_dropdown); BIND (ca_field); BIND (ca_dropdown); BIND (port_field); BIND (port_entry);
}

#undef BIND

static void
rds_connectivity_section_init (RdsConnectivitySection *self)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  g_autoptr(GPtrArray) cas = g_ptr_array_new ();
  const RdsCertificateAuthority *ca_list;
  const char *groups[] = { "default" };
  guint n_cas;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->subnet_group_names = g_ptr_array_new_with_free_func (g_free);

  ca_list = rds_catalog_get_cas (&n_cas);
  for (guint i = 0; i < n_cas; i++)
    g_ptr_array_add (cas, (gpointer) ca_list[i].identifier);
  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->ca_dropdown, (const char * const *) cas->pdata, cas->len);
  select_ca (self, rds_catalog_default_ca ());
  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->security_group_dropdown, groups, 1);

  GtkWidget *controls[] = {
    self->subnet_group_dropdown, self->public_yes, self->zone_dropdown, self->ca_dropdown,
    self->port_entry, self->security_group_dropdown,
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    rds_form_section_watch (section, controls[i]);
  g_signal_connect_object (self->port_entry, "changed", G_CALLBACK (port_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
