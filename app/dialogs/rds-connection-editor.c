/* rds-connection-editor.c: add or edit a connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A subpage of Connections: what to connect to (an endpoint, an AWS
 * account, an AWS CLI profile), its name, and what that kind needs. Each
 * field says what is wrong with it next to it, once typed in or on Save.
 * The secret access key goes to the keyring, never to the settings; when
 * editing, an empty one keeps the key the keyring has. The connection is
 * saved only once its secret is stored. "done" says it was saved (with the
 * connection) or cancelled (with %NULL).
 */

#include "config.h"

#include "rds-connection-editor.h"

#include <glib/gi18n.h>

#include "rds-aws-profile.h"
#include "rds-form-field.h"
#include "rds-region.h"
#include "rds-validation.h"
#include "rds-widget-util.h"

/* The kind drop-down's rows. */
enum {
  ROW_ENDPOINT,
  ROW_ACCOUNT,
  ROW_PROFILE,
};

struct _RdsConnectionEditor
{
  GtkWidget           parent_instance;

  RdsConnectionStore *store;
  RdsConnection      *original;     /* NULL when adding */
  RdsConnection      *connection;   /* what is saved */
  RdsSecrets         *secrets;
  GCancellable       *cancellable;
  gboolean            tried;        /* Save was pressed: show every error */
  gboolean            saving;
  GHashTable         *edited;       /* fields typed in */

  /* Template */
  AdwWindowTitle     *title;
  GtkWidget          *save_button;
  GtkWidget          *kind_field;
  GtkDropDown        *kind_dropdown;
  GtkWidget          *name_field;
  GtkWidget          *name_entry;
  GtkWidget          *url_field;
  GtkWidget          *url_entry;
  GtkWidget          *profile_field;
  GtkDropDown        *profile_dropdown;
  GtkStringList      *profile_names;
  GtkWidget          *region_field;
  GtkDropDown        *region_dropdown;
  GtkStringList      *region_names;
  GtkWidget          *key_field;
  GtkWidget          *key_entry;
  GtkWidget          *secret_field;
  GtkWidget          *secret_entry;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (RdsConnectionEditor, rds_connection_editor, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RdsConnectionKind
chosen_kind (RdsConnectionEditor *self)
{
  switch (gtk_drop_down_get_selected (self->kind_dropdown))
    {
    case ROW_ACCOUNT:
      return RDS_CONNECTION_ACCOUNT;
    case ROW_PROFILE:
      return RDS_CONNECTION_PROFILE;
    case ROW_ENDPOINT:
    default:
      return RDS_CONNECTION_ENDPOINT;
    }
}

static const char *
text_of (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* The Region chosen; NULL for the default (row 0). */
static const char *
chosen_region (RdsConnectionEditor *self)
{
  guint n;
  const RdsRegion *regions = rds_region_get_all (&n);
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);

  return selected >= 1 && selected <= n ? regions[selected - 1].name : NULL;
}

/* Whether the keyring must get a secret now: a new connection, or one
 * that had none. */
static gboolean
secret_required (RdsConnectionEditor *self)
{
  return self->original == NULL || !rds_connection_needs_secret (self->original);
}

/* The connection as the fields say (the one edited's id and secret). */
static RdsConnection *
build_connection (RdsConnectionEditor *self)
{
  RdsConnectionKind kind = chosen_kind (self);
  RdsConnection *connection;
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_entry)));

  connection = self->original != NULL ? rds_connection_copy (self->original) : rds_connection_new (kind);
  rds_connection_set_kind (connection, kind);
  rds_connection_set_name (connection, name);
  rds_connection_set_url (connection, kind != RDS_CONNECTION_ACCOUNT ? text_of (self->url_entry) : NULL);
  rds_connection_set_region (connection, chosen_region (self));
  rds_connection_set_access_key_id (connection, kind != RDS_CONNECTION_PROFILE ? text_of (self->key_entry) : NULL);
  rds_connection_set_profile (connection,
                              kind == RDS_CONNECTION_PROFILE
                              ? gtk_string_list_get_string (self->profile_names,
                                                            gtk_drop_down_get_selected (self->profile_dropdown))
                              : NULL);
  return connection;
}

/* Checks every field shown; shows the errors of those typed in (all of
 * them after Save). */
static gboolean
validate (RdsConnectionEditor *self)
{
  RdsConnectionKind kind = chosen_kind (self);
  g_autoptr(RdsConnection) candidate = NULL;
  g_autofree char *name_problem = NULL;
  g_autofree char *url_problem = NULL;
  g_autofree char *key_problem = NULL;
  g_autofree char *secret_problem = NULL;
  const char *profile_problem = NULL;
  gboolean needs_keys = kind != RDS_CONNECTION_PROFILE;

  candidate = build_connection (self);
  name_problem = rds_connection_store_check_name (self->store, candidate);
  if (kind != RDS_CONNECTION_ACCOUNT)
    url_problem = rds_validate_endpoint_url (text_of (self->url_entry), kind == RDS_CONNECTION_ENDPOINT);
  if (needs_keys)
    key_problem = rds_validate_access_key_id (text_of (self->key_entry), kind == RDS_CONNECTION_ACCOUNT);
  if (needs_keys && (secret_required (self) || *text_of (self->secret_entry) != '\0'))
    secret_problem = rds_validate_secret_access_key (text_of (self->secret_entry));
  if (kind == RDS_CONNECTION_PROFILE &&
      g_list_model_get_n_items (G_LIST_MODEL (self->profile_names)) == 0)
    profile_problem = _("No profile was found in ~/.aws/config or ~/.aws/credentials: add one with "
                        "“aws configure --profile NAME”.");

#define SHOW(field, entry, problem) \
  rds_form_field_set_error (RDS_FORM_FIELD (self->field), \
                            (self->tried || g_hash_table_contains (self->edited, self->entry)) ? (problem) : NULL)
  SHOW (name_field, name_entry, name_problem);
  SHOW (url_field, url_entry, url_problem);
  SHOW (key_field, key_entry, key_problem);
  SHOW (secret_field, secret_entry, secret_problem);
#undef SHOW
  rds_form_field_set_error (RDS_FORM_FIELD (self->profile_field), profile_problem);

  return name_problem == NULL && url_problem == NULL && key_problem == NULL && secret_problem == NULL &&
         profile_problem == NULL;
}

static void
update_fields (RdsConnectionEditor *self)
{
  RdsConnectionKind kind = chosen_kind (self);

  gtk_widget_set_visible (self->url_field, kind != RDS_CONNECTION_ACCOUNT);
  gtk_widget_set_visible (self->profile_field, kind == RDS_CONNECTION_PROFILE);
  gtk_widget_set_visible (self->key_field, kind != RDS_CONNECTION_PROFILE);
  gtk_widget_set_visible (self->secret_field, kind != RDS_CONNECTION_PROFILE);

  if (kind == RDS_CONNECTION_PROFILE)
    {
      rds_form_field_set_title (RDS_FORM_FIELD (self->url_field), _("Endpoint URL (optional)"));
      rds_form_field_set_hint (RDS_FORM_FIELD (self->url_field),
                               _("Empty: the profile’s endpoint_url, or else AWS’s own endpoints."));
      rds_form_field_set_hint (RDS_FORM_FIELD (self->region_field),
                               _("Default: the profile’s Region."));
    }
  else
    {
      rds_form_field_set_title (RDS_FORM_FIELD (self->url_field), _("Endpoint URL"));
      rds_form_field_set_hint (RDS_FORM_FIELD (self->url_field),
                               _("Where rds-simd or the service listens, such as http://127.0.0.1:9400 "
                                 "or LocalStack’s http://localhost:4566."));
      rds_form_field_set_hint (RDS_FORM_FIELD (self->region_field),
                               _("Default: the Region the console showed last."));
    }
  if (kind == RDS_CONNECTION_ACCOUNT)
    rds_form_field_set_hint (RDS_FORM_FIELD (self->key_field),
                             _("An IAM user’s access key, such as AKIAIOSFODNN7EXAMPLE."));
  else
    rds_form_field_set_hint (RDS_FORM_FIELD (self->key_field),
                             _("The endpoint’s: rds-simd prints its own when it starts."));
  rds_form_field_set_hint (RDS_FORM_FIELD (self->secret_field),
                           secret_required (self) ? _("Kept in the keyring, never in a file.")
                                                  : _("Kept in the keyring. Leave empty to keep the one "
                                                      "the keyring has."));
  validate (self);
}

static void
edited_cb (RdsConnectionEditor *self,
           GtkEditable         *entry)
{
  g_hash_table_add (self->edited, entry);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  validate (self);
}

static void
finish (RdsConnectionEditor *self)
{
  /* An endpoint made a profile: the keyring forgets its key. */
  if (self->original != NULL && rds_connection_needs_secret (self->original) &&
      !rds_connection_needs_secret (self->connection))
    rds_secrets_clear_async (self->secrets, RDS_SECRET_CONNECTION, rds_connection_get_id (self->connection),
                             NULL, NULL, NULL);
  rds_connection_store_save (self->store, self->connection);
  g_signal_emit (self, signals[DONE], 0, self->connection);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdsConnectionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rds_secrets_store_finish (RDS_SECRETS (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->saving = FALSE;
      gtk_widget_set_sensitive (self->save_button, TRUE);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  finish (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdsConnectionEditor *self = RDS_CONNECTION_EDITOR (widget);
  RdsConnectionKind kind = chosen_kind (self);
  const char *secret = text_of (self->secret_entry);
  g_autofree char *label = NULL;

  if (self->saving)
    return;
  self->tried = TRUE;
  if (!validate (self))
    {
      /* The first field that is wrong takes the focus. */
      GtkWidget *fields[] = { self->name_field, self->url_field, self->profile_field, self->key_field,
                              self->secret_field };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (gtk_widget_get_visible (fields[i]) && rds_form_field_get_error (RDS_FORM_FIELD (fields[i])) != NULL)
          {
            rds_widget_reveal (rds_form_field_get_child (RDS_FORM_FIELD (fields[i])));
            break;
          }
      return;
    }

  g_clear_object (&self->connection);
  self->connection = build_connection (self);

  if (kind == RDS_CONNECTION_PROFILE || *secret == '\0')
    {
      finish (self);
      return;
    }

  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  /* Translators: the keyring item's label; %s is a connection's name */
  label = g_strdup_printf (_("RDS Console connection “%s”"), rds_connection_get_name (self->connection));
  rds_secrets_store_async (self->secrets, RDS_SECRET_CONNECTION, rds_connection_get_id (self->connection),
                           label, secret, self->cancellable, secret_stored_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsConnectionEditor *self = RDS_CONNECTION_EDITOR (widget);

  g_cancellable_cancel (self->cancellable);
  g_signal_emit (self, signals[DONE], 0, NULL);
}

static void
activate_cb (RdsConnectionEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* The profiles of ~/.aws, read on a worker thread. */
static void
list_profiles_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_task_return_pointer (task, rds_aws_profile_list (), (GDestroyNotify) g_strfreev);
}

static void
profiles_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RdsConnectionEditor *self;
  g_auto(GStrv) names = g_task_propagate_pointer (G_TASK (result), NULL);
  const char *current;

  if (names == NULL || g_task_had_error (G_TASK (result)))
    return;
  self = RDS_CONNECTION_EDITOR (object);
  current = self->original != NULL ? rds_connection_get_profile (self->original) : NULL;
  gtk_string_list_splice (self->profile_names, 0, 0, (const char * const *) names);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], current) == 0)
      gtk_drop_down_set_selected (self->profile_dropdown, i);
  validate (self);
}

static void
rds_connection_editor_dispose (GObject *object)
{
  RdsConnectionEditor *self = RDS_CONNECTION_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_CONNECTION_EDITOR);
  rds_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->connection);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (rds_connection_editor_parent_class)->dispose (object);
}

static void
rds_connection_editor_finalize (GObject *object)
{
  RdsConnectionEditor *self = RDS_CONNECTION_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->edited, g_hash_table_unref);

  G_OBJECT_CLASS (rds_connection_editor_parent_class)->finalize (object);
}

static void
rds_connection_editor_class_init (RdsConnectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_connection_editor_dispose;
  object_class->finalize = rds_connection_editor_finalize;

  /**
   * RdsConnectionEditor::done:
   * @connection: (nullable): the connection saved, or %NULL if cancelled
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, RDS_TYPE_CONNECTION);

  g_type_ensure (RDS_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-connection-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, title);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, kind_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, name_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, url_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, url_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, profile_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, profile_names);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, region_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, region_names);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, key_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, key_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, secret_field);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, secret_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsConnectionEditor, error_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
rds_connection_editor_init (RdsConnectionEditor *self)
{
  guint n;
  const RdsRegion *regions = rds_region_get_all (&n);
  GtkWidget *entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->edited = g_hash_table_new (NULL, NULL);

  gtk_string_list_append (self->region_names, _("Default"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s  %s", regions[i].name, _(regions[i].display_name));

      gtk_string_list_append (self->region_names, label);
    }

  entries[0] = self->name_entry;
  entries[1] = self->url_entry;
  entries[2] = self->key_entry;
  entries[3] = self->secret_entry;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (edited_cb), self);
      g_signal_connect_swapped (entries[i], "activate", G_CALLBACK (activate_cb), self);
    }
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (update_fields), self);
}

/**
 * rds_connection_editor_new:
 * @connection: (nullable): the connection to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the editor
 */
RdsConnectionEditor *
rds_connection_editor_new (RdsConnectionStore *store,
                           RdsConnection      *connection,
                           RdsSecrets         *secrets)
{
  RdsConnectionEditor *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (RDS_IS_CONNECTION_STORE (store), NULL);
  g_return_val_if_fail (connection == NULL || rds_connection_get_kind (connection) != RDS_CONNECTION_EMBEDDED, NULL);
  g_return_val_if_fail (RDS_IS_SECRETS (secrets), NULL);

  self = g_object_new (RDS_TYPE_CONNECTION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->secrets = g_object_ref (secrets);
  if (connection != NULL)
    {
      const char *region = rds_connection_get_region (connection);
      guint n;
      const RdsRegion *regions = rds_region_get_all (&n);

      self->original = g_object_ref (connection);
      adw_window_title_set_title (self->title, _("Edit Connection"));
      gtk_drop_down_set_selected (self->kind_dropdown,
                                  rds_connection_get_kind (connection) == RDS_CONNECTION_ACCOUNT ? ROW_ACCOUNT :
                                  rds_connection_get_kind (connection) == RDS_CONNECTION_PROFILE ? ROW_PROFILE :
                                  ROW_ENDPOINT);
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), rds_connection_get_name (connection));
      gtk_editable_set_text (GTK_EDITABLE (self->url_entry),
                             rds_connection_get_url (connection) != NULL ? rds_connection_get_url (connection) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->key_entry),
                             rds_connection_get_access_key_id (connection) != NULL
                               ? rds_connection_get_access_key_id (connection) : "");
      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (regions[i].name, region) == 0)
          gtk_drop_down_set_selected (self->region_dropdown, i + 1);
      /* Filling the fields is no typing. */
      g_hash_table_remove_all (self->edited);
    }
  else
    adw_window_title_set_title (self->title, _("Add Connection"));
  update_fields (self);

  task = g_task_new (self, self->cancellable, profiles_listed_cb, NULL);
  g_task_run_in_thread (task, list_profiles_thread);

  return self;
}

/**
 * rds_connection_editor_get_connection:
 *
 * Returns: (transfer none) (nullable): the connection saved, once it is
 */
RdsConnection *
rds_connection_editor_get_connection (RdsConnectionEditor *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION_EDITOR (self), NULL);

  return self->connection;
}
