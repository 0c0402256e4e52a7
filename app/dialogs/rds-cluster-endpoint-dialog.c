/* rds-cluster-endpoint-dialog.c: create, change or delete an Aurora cluster's custom endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the RDS console's Create custom endpoint: a name, the type (instances
 * of any role, or readers only), and the instances; with "attach future
 * instances", the endpoint is an exclusion list (the instances left
 * unchecked are excluded, and new ones join it), else a static list of the
 * instances checked. Before sending, the dialog shows the instances the
 * endpoint will reach, by the same rule the simulator follows
 * (rds_db_cluster_endpoint_reaches). Modify starts from the endpoint as it
 * is; Delete asks to confirm.
 */

#include "config.h"

#include "rds-cluster-endpoint-dialog.h"

#include <glib/gi18n.h>

#include "rds-db-cluster-member.h"
#include "rds-form-field.h"
#include "rds-session.h"
#include "rds-validation.h"

struct _RdsClusterEndpointDialog
{
  RdsActionDialog       parent_instance;

  RdsDbClusterEndpoint *endpoint;     /* the one modified or deleted, or NULL to create */
  gboolean              deleting;

  GtkWidget            *name_entry;
  GtkWidget            *name_field;
  GtkWidget            *type_dropdown;
  GtkWidget            *future_check;
  GPtrArray            *instance_checks; /* GtkCheckButton, with "instance" data */
  GtkWidget            *reaches_label;
  gboolean              edited;
};

G_DEFINE_FINAL_TYPE (RdsClusterEndpointDialog, rds_cluster_endpoint_dialog, RDS_TYPE_ACTION_DIALOG)

enum {
  PROP_0,
  PROP_ENDPOINT,
  PROP_DELETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RdsDbCluster *
cluster_of (RdsClusterEndpointDialog *self)
{
  return rds_action_dialog_get_resource (RDS_ACTION_DIALOG (self));
}

static const char *
chosen_type (RdsClusterEndpointDialog *self)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown)) == 0 ? "READER" : "ANY";
}

/* The endpoint as the form describes it: its type and its list. */
static RdsDbClusterEndpoint *
endpoint_of_form (RdsClusterEndpointDialog *self)
{
  RdsDbClusterEndpoint *endpoint = g_object_new (RDS_TYPE_DB_CLUSTER_ENDPOINT,
                                                 "endpoint-type", "CUSTOM",
                                                 "custom-endpoint-type", chosen_type (self),
                                                 NULL);
  gboolean future = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->future_check));
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < self->instance_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->instance_checks, i);
      gboolean active = gtk_check_button_get_active (GTK_CHECK_BUTTON (check));

      /* Attached to future instances: those left out are excluded. */
      if (active != future)
        g_strv_builder_add (list, g_object_get_data (G_OBJECT (check), "instance"));
    }
  names = g_strv_builder_end (list);
  if (names[0] != NULL)
    rds_shape_set_strv (RDS_SHAPE (endpoint), future ? "excluded-members" : "static-members",
                        (const char * const *) names);
  return endpoint;
}

/* The instances it would reach now, in words. */
static GPtrArray *
reached (RdsClusterEndpointDialog *self,
         RdsDbClusterEndpoint     *endpoint)
{
  RdsDbCluster *cluster = cluster_of (self);
  GListModel *members = rds_db_cluster_get_members (cluster);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (members, i);
      const char *id = rds_db_cluster_member_get_instance_identifier (member);

      if (rds_db_cluster_endpoint_reaches (endpoint, id, rds_db_cluster_member_is_writer (member)))
        g_ptr_array_add (names, (gpointer) id);
    }
  return names;
}

static gboolean
rds_cluster_endpoint_dialog_validate (RdsActionDialog *dialog)
{
  RdsClusterEndpointDialog *self = RDS_CLUSTER_ENDPOINT_DIALOG (dialog);
  g_autoptr(RdsDbClusterEndpoint) endpoint = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  if (self->deleting)
    return TRUE;
  if (self->type_dropdown == NULL)
    return FALSE;

  if (self->endpoint == NULL)
    {
      problem = rds_validate_instance_identifier (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      /* An empty field is not an error until the user typed in it. */
      self->edited |= *gtk_editable_get_text (GTK_EDITABLE (self->name_entry)) != '\0';
      rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), self->edited ? problem : NULL);
    }

  endpoint = endpoint_of_form (self);
  names = reached (self, endpoint);
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **) names->pdata);
  text = names->len > 1
         /* Translators: the instances a custom endpoint would send connections to */
         ? g_strdup_printf (_("It will reach: %s"), list)
         : g_strdup (_("It would reach no instance now: choose at least one."));
  gtk_label_set_label (GTK_LABEL (self->reaches_label), text);

  /* Reaching nothing is allowed with future instances: they will come. */
  return problem == NULL &&
         (names->len > 1 || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->future_check)));
}

static RdsRequest *
rds_cluster_endpoint_dialog_build_request (RdsActionDialog  *dialog,
                                           GError          **error)
{
  RdsClusterEndpointDialog *self = RDS_CLUSTER_ENDPOINT_DIALOG (dialog);
  g_autoptr(RdsDbClusterEndpoint) endpoint = NULL;
  const char * const *statics, * const *excluded;
  RdsRequest *request;

  if (self->deleting)
    {
      request = rds_request_new ("DeleteDBClusterEndpoint");
      rds_request_set (request, "DBClusterEndpointIdentifier", rds_db_cluster_endpoint_get_identifier (self->endpoint));
      return request;
    }

  endpoint = endpoint_of_form (self);
  if (self->endpoint == NULL)
    {
      request = rds_request_new ("CreateDBClusterEndpoint");
      rds_request_set (request, "DBClusterIdentifier", rds_db_cluster_get_identifier (cluster_of (self)));
      rds_request_set (request, "DBClusterEndpointIdentifier", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
    }
  else
    {
      request = rds_request_new ("ModifyDBClusterEndpoint");
      rds_request_set (request, "DBClusterEndpointIdentifier", rds_db_cluster_endpoint_get_identifier (self->endpoint));
    }
  rds_request_set (request, "EndpointType", chosen_type (self));
  statics = rds_db_cluster_endpoint_get_static_members (endpoint);
  excluded = rds_db_cluster_endpoint_get_excluded_members (endpoint);
  for (guint i = 0; statics != NULL && statics[i] != NULL; i++)
    rds_request_add_list_item (request, "StaticMembers", "member", statics[i]);
  for (guint i = 0; excluded != NULL && excluded[i] != NULL; i++)
    rds_request_add_list_item (request, "ExcludedMembers", "member", excluded[i]);
  /* Neither list: every instance of the type, new ones too. */
  return request;
}

static char *
rds_cluster_endpoint_dialog_describe_success (RdsActionDialog *dialog,
                                              RdsQueryResult  *result)
{
  RdsClusterEndpointDialog *self = RDS_CLUSTER_ENDPOINT_DIALOG (dialog);

  if (self->deleting)
    /* Translators: %s is a custom endpoint's name */
    return g_strdup_printf (_("Deleting endpoint %s"), rds_db_cluster_endpoint_get_identifier (self->endpoint));
  if (self->endpoint != NULL)
    /* Translators: %s is a custom endpoint's name */
    return g_strdup_printf (_("Modifying endpoint %s"), rds_db_cluster_endpoint_get_identifier (self->endpoint));
  /* Translators: %s is a custom endpoint's name */
  return g_strdup_printf (_("Creating endpoint %s"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
add_instances (RdsClusterEndpointDialog *self)
{
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  GListModel *members = rds_db_cluster_get_members (cluster_of (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *field;
  gboolean future = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->future_check));

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (members, i);
      const char *id = rds_db_cluster_member_get_instance_identifier (member);
      g_autofree char *label = g_strdup_printf ("%s (%s)", id, rds_db_cluster_member_is_writer (member)
                                                               ? _("Writer instance") : _("Reader instance"));
      GtkWidget *check = gtk_check_button_new_with_label (label);
      gboolean active = !rds_db_cluster_member_is_writer (member);

      /* Modifying: the endpoint's own choice. */
      if (self->endpoint != NULL)
        {
          const char * const *statics = rds_db_cluster_endpoint_get_static_members (self->endpoint);
          const char * const *excluded = rds_db_cluster_endpoint_get_excluded_members (self->endpoint);

          active = future ? excluded == NULL || !g_strv_contains (excluded, id)
                          : statics != NULL && g_strv_contains (statics, id);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data_full (G_OBJECT (check), "instance", g_strdup (id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (rds_action_dialog_revalidate), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (self->instance_checks, check);
    }
  field = rds_form_field_new (_("Instances"), box);
  rds_form_field_set_hint (RDS_FORM_FIELD (field),
                           _("With future instances attached, the instances left unchecked are excluded; "
                             "without, the endpoint reaches only those checked."));
  rds_action_dialog_add (dialog, field);
}

static void
rds_cluster_endpoint_dialog_constructed (GObject *object)
{
  RdsClusterEndpointDialog *self = RDS_CLUSTER_ENDPOINT_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  const char *types[] = { _("Reader: read-only instances"), _("Any: read-write and read-only instances"), NULL };
  g_autofree char *cluster = g_markup_escape_text (rds_db_cluster_get_identifier (cluster_of (self)), -1);
  g_autofree char *body = NULL;
  GtkWidget *field;

  G_OBJECT_CLASS (rds_cluster_endpoint_dialog_parent_class)->constructed (object);

  if (self->deleting)
    {
      g_autofree char *name = g_markup_escape_text (rds_db_cluster_endpoint_get_identifier (self->endpoint), -1);

      rds_action_dialog_set_heading (dialog, _("Delete custom endpoint?"));
      /* Translators: %s is a custom endpoint's name */
      body = g_strdup_printf (_("Applications that connect through <b>%s</b> can't any more; the instances "
                                "behind it stay."), name);
      rds_action_dialog_set_body (dialog, body);
      rds_action_dialog_set_submit_label (dialog, _("_Delete"), TRUE);
      rds_action_dialog_revalidate (dialog);
      return;
    }

  rds_action_dialog_set_heading (dialog, self->endpoint == NULL ? _("Create custom endpoint")
                                                                : _("Modify custom endpoint"));
  /* Translators: %s is an Aurora cluster's identifier */
  body = g_strdup_printf (_("A DNS name of cluster <b>%s</b> that leads to the instances you choose, such as "
                            "large readers for reports. A cluster has at most five."), cluster);
  rds_action_dialog_set_body (dialog, body);

  if (self->endpoint == NULL)
    self->name_entry = rds_action_dialog_add_entry (dialog, _("Endpoint identifier"), "DBClusterEndpointIdentifier",
                                                    _("1 to 63 letters, digits or hyphens. Must begin with a "
                                                      "letter; can't end with a hyphen or contain two "
                                                      "consecutive hyphens."),
                                                    &self->name_field);

  self->type_dropdown = gtk_drop_down_new_from_strings (types);
  if (self->endpoint != NULL && g_strcmp0 (rds_db_cluster_endpoint_get_custom_type (self->endpoint), "ANY") == 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), 1);
  gtk_widget_set_halign (self->type_dropdown, GTK_ALIGN_START);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (rds_action_dialog_revalidate), self,
                           G_CONNECT_SWAPPED);
  field = rds_form_field_new (_("Endpoint type"), self->type_dropdown);
  rds_form_field_set_parameter (RDS_FORM_FIELD (field), "EndpointType");
  rds_action_dialog_add (dialog, field);

  self->future_check = gtk_check_button_new_with_mnemonic (_("_Attach future instances added to this cluster"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->future_check),
                               self->endpoint == NULL ||
                               rds_db_cluster_endpoint_get_static_members (self->endpoint) == NULL);
  add_instances (self);
  g_signal_connect_object (self->future_check, "toggled", G_CALLBACK (rds_action_dialog_revalidate), self,
                           G_CONNECT_SWAPPED);
  rds_action_dialog_add (dialog, self->future_check);

  self->reaches_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->reaches_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->reaches_label), TRUE);
  gtk_widget_add_css_class (self->reaches_label, "dim-label");
  rds_action_dialog_add (dialog, self->reaches_label);

  rds_action_dialog_set_submit_label (dialog, self->endpoint == NULL ? _("_Create endpoint") : _("_Modify endpoint"),
                                      FALSE);
  rds_action_dialog_revalidate (dialog);
  if (self->name_entry != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), self->name_entry);
}

static void
rds_cluster_endpoint_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  RdsClusterEndpointDialog *self = RDS_CLUSTER_ENDPOINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      self->endpoint = g_value_dup_object (value);
      break;
    case PROP_DELETING:
      self->deleting = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_cluster_endpoint_dialog_dispose (GObject *object)
{
  RdsClusterEndpointDialog *self = RDS_CLUSTER_ENDPOINT_DIALOG (object);

  g_clear_object (&self->endpoint);
  g_clear_pointer (&self->instance_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rds_cluster_endpoint_dialog_parent_class)->dispose (object);
}

static void
rds_cluster_endpoint_dialog_class_init (RdsClusterEndpointDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_cluster_endpoint_dialog_constructed;
  object_class->set_property = rds_cluster_endpoint_dialog_set_property;
  object_class->dispose = rds_cluster_endpoint_dialog_dispose;

  dialog_class->validate = rds_cluster_endpoint_dialog_validate;
  dialog_class->build_request = rds_cluster_endpoint_dialog_build_request;
  dialog_class->describe_success = rds_cluster_endpoint_dialog_describe_success;

  properties[PROP_ENDPOINT] =
    g_param_spec_object ("endpoint", NULL, NULL, RDS_TYPE_DB_CLUSTER_ENDPOINT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETING] =
    g_param_spec_boolean ("deleting", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_cluster_endpoint_dialog_init (RdsClusterEndpointDialog *self)
{
  self->instance_checks = g_ptr_array_new ();
}

/**
 * rds_cluster_endpoint_dialog_new:
 * @endpoint: (nullable): the custom endpoint to change or delete, or %NULL
 *   to create one
 * @deleting: whether to delete @endpoint
 */
RdsActionDialog *
rds_cluster_endpoint_dialog_new (RdsSession           *session,
                                 RdsDbCluster         *cluster,
                                 RdsDbClusterEndpoint *endpoint,
                                 gboolean              deleting)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_CLUSTER (cluster), NULL);
  g_return_val_if_fail (endpoint == NULL || RDS_IS_DB_CLUSTER_ENDPOINT (endpoint), NULL);
  g_return_val_if_fail (!deleting || endpoint != NULL, NULL);

  return g_object_new (RDS_TYPE_CLUSTER_ENDPOINT_DIALOG,
                       "session", session,
                       "resource", cluster,
                       "endpoint", endpoint,
                       "deleting", deleting,
                       NULL);
}
