/* rds-copy-snapshot-dialog.c: copy a DB snapshot, in its Region or to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CopyDBSnapshot as the RDS console offers it: the copy's name, the
 * destination Region, whether the tags come along, and encryption. An
 * unencrypted snapshot may be encrypted on the way (the one way to get an
 * encrypted database from an unencrypted one: copy its snapshot with a
 * key, restore the copy); an encrypted one keeps its key in its Region,
 * and needs a key of the destination Region to leave it. The keys are the
 * destination Region's (ListAliases, ListKeys), asked for again when the
 * Region changes. A copy to another Region is sent to that Region's
 * endpoint, with the source's ARN and its SourceRegion.
 */

#include "config.h"

#include "rds-copy-snapshot-dialog.h"

#include <glib/gi18n.h>

#include "rds-form-field.h"
#include "rds-region.h"
#include "rds-session.h"
#include "rds-shape.h"
#include "rds-validation.h"

#define DEFAULT_KEY "alias/aws/rds"

struct _RdsCopySnapshotDialog
{
  RdsActionDialog  parent_instance;

  GtkWidget       *name_entry;
  GtkWidget       *name_field;
  GtkWidget       *region_dropdown;
  GtkWidget       *tags_check;
  GtkWidget       *encrypt_switch;    /* unencrypted snapshots only */
  GtkWidget       *key_dropdown;
  GtkWidget       *key_field;
  GtkStringList   *key_labels;
  GPtrArray       *key_values;        /* KmsKeyId to send, by position; NULL: the snapshot's own key */
  GCancellable    *cancellable;       /* the keys' listing */
  gboolean         loading;
  char            *key_error;

  /* The listing in flight. */
  GHashTable      *arns;              /* key ID → ARN */
  GPtrArray       *aliases;           /* alias name, target key ID, ... */
};

G_DEFINE_FINAL_TYPE (RdsCopySnapshotDialog, rds_copy_snapshot_dialog, RDS_TYPE_ACTION_DIALOG)

static RdsShape *
snapshot (RdsCopySnapshotDialog *self)
{
  return rds_action_dialog_get_resource (RDS_ACTION_DIALOG (self));
}

static gboolean
encrypted (RdsCopySnapshotDialog *self)
{
  return rds_shape_get_boolean (snapshot (self), "encrypted");
}

static const char *
destination (RdsCopySnapshotDialog *self)
{
  guint n;
  const RdsRegion *regions = rds_region_get_all (&n);
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->region_dropdown));

  return i < n ? regions[i].name : NULL;
}

static gboolean
cross_region (RdsCopySnapshotDialog *self)
{
  RdsSession *session = rds_action_dialog_get_session (RDS_ACTION_DIALOG (self));

  return g_strcmp0 (destination (self), rds_session_get_region (session)) != 0;
}

static gboolean
wants_key (RdsCopySnapshotDialog *self)
{
  return encrypted (self) || gtk_switch_get_active (GTK_SWITCH (self->encrypt_switch));
}

static gboolean
rds_copy_snapshot_dialog_validate (RdsActionDialog *dialog)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (dialog);
  g_autofree char *problem = NULL;
  const char *name;
  guint key;

  if (self->name_entry == NULL || self->key_dropdown == NULL)
    return FALSE;

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  problem = rds_validate_snapshot_identifier (name);
  rds_form_field_set_error (RDS_FORM_FIELD (self->name_field), *name != '\0' ? problem : NULL);
  gtk_widget_set_sensitive (self->key_dropdown, wants_key (self) && !self->loading);
  rds_form_field_set_error (RDS_FORM_FIELD (self->key_field), wants_key (self) ? self->key_error : NULL);
  if (problem != NULL)
    return FALSE;
  if (!wants_key (self))
    return TRUE;

  key = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->key_dropdown));
  if (self->loading || key >= self->key_values->len)
    return FALSE;
  /* The snapshot's own key stays in its Region. */
  return !(cross_region (self) && g_ptr_array_index (self->key_values, key) == NULL);
}

static RdsClient *
rds_copy_snapshot_dialog_get_client (RdsActionDialog *dialog)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (dialog);
  RdsSession *session = rds_action_dialog_get_session (dialog);

  return cross_region (self) ? rds_session_get_region_client (session, destination (self)) : NULL;
}

static RdsRequest *
rds_copy_snapshot_dialog_build_request (RdsActionDialog  *dialog,
                                        GError          **error)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (dialog);
  RdsSession *session = rds_action_dialog_get_session (dialog);
  RdsRequest *request = rds_request_new ("CopyDBSnapshot");

  if (cross_region (self))
    {
      rds_request_set (request, "SourceDBSnapshotIdentifier", rds_shape_get_string (snapshot (self), "db-snapshot-arn"));
      rds_request_set (request, "SourceRegion", rds_session_get_region (session));
    }
  else
    rds_request_set (request, "SourceDBSnapshotIdentifier",
                     rds_shape_get_string (snapshot (self), "db-snapshot-identifier"));
  rds_request_set (request, "TargetDBSnapshotIdentifier", gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->tags_check)))
    rds_request_set_boolean (request, "CopyTags", TRUE);
  if (wants_key (self))
    {
      guint key = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->key_dropdown));
      const char *value = key < self->key_values->len ? g_ptr_array_index (self->key_values, key) : NULL;

      if (value != NULL)
        rds_request_set (request, "KmsKeyId", value);
    }
  return request;
}

static char *
rds_copy_snapshot_dialog_describe_success (RdsActionDialog *dialog,
                                           RdsQueryResult  *result)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (dialog);

  if (cross_region (self))
    /* Translators: the first %s is a snapshot name, the second a Region's code such as us-west-2 */
    return g_strdup_printf (_("Copying snapshot %s to %s"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                            destination (self));
  /* Translators: %s is a snapshot name */
  return g_strdup_printf (_("Copying snapshot %s"), gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

/* The destination Region's keys */

static void list_aliases (RdsCopySnapshotDialog *self,
                          RdsClient             *client,
                          const char            *marker);
static void list_keys    (RdsCopySnapshotDialog *self,
                          RdsClient             *client,
                          const char            *marker);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
keys_listed (RdsCopySnapshotDialog *self)
{
  g_autoptr(GHashTable) aliased = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = NULL;
  GHashTableIter iter;
  gpointer id, arn;
  guint selected = 0;

  g_ptr_array_set_size (self->key_values, 0);
  if (encrypted (self) && !cross_region (self))
    {
      /* Translators: the first choice of a KMS key for the copy of an encrypted snapshot */
      g_ptr_array_add (labels, g_strdup (_("The snapshot’s own key")));
      g_ptr_array_add (self->key_values, NULL);
    }

  for (guint i = 0; i + 1 < self->aliases->len; i += 2)
    {
      const char *alias = g_ptr_array_index (self->aliases, i);
      const char *target = g_ptr_array_index (self->aliases, i + 1);
      const char *key_arn = g_hash_table_lookup (self->arns, target);

      if (g_str_has_prefix (alias, "alias/aws/") && g_strcmp0 (alias, DEFAULT_KEY) != 0)
        continue;
      if (g_strcmp0 (alias, DEFAULT_KEY) == 0 && !(encrypted (self) && !cross_region (self)))
        selected = labels->len;
      g_hash_table_add (aliased, (gpointer) target);
      g_ptr_array_add (labels, g_strdup (alias));
      g_ptr_array_add (self->key_values, g_strdup (key_arn != NULL ? key_arn : alias));
    }
  /* Keys without an alias, by ID, in a stable order. */
  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->arns);
  while (g_hash_table_iter_next (&iter, &id, &arn))
    if (!g_hash_table_contains (aliased, id))
      g_ptr_array_add (ids, id);
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    {
      g_ptr_array_add (labels, g_strdup (g_ptr_array_index (ids, i)));
      g_ptr_array_add (self->key_values, g_strdup (g_hash_table_lookup (self->arns, g_ptr_array_index (ids, i))));
    }
  g_ptr_array_add (labels, NULL);

  gtk_string_list_splice (self->key_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->key_labels)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->key_dropdown), selected);
  self->loading = FALSE;
  rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
}

static gboolean
listing_answer (RdsCopySnapshotDialog *self,
                GObject               *client,
                GAsyncResult          *result,
                RdsQueryResult       **answer)
{
  g_autoptr(GError) error = NULL;

  *answer = rds_client_call_finish (RDS_CLIENT (client), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (self->cancellable))
    return FALSE;
  if (*answer == NULL)
    {
      g_free (self->key_error);
      /* Translators: %s is the service's error message */
      self->key_error = g_strdup_printf (_("The Region’s keys could not be listed: %s"), error->message);
      self->loading = FALSE;
      rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
      return FALSE;
    }
  return TRUE;
}

static void
list_keys_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RdsCopySnapshotDialog) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  GListModel *keys;
  const char *marker;

  if (!listing_answer (self, object, result, &answer))
    return;

  keys = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "keys"));
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RdsShape) entry = g_list_model_get_item (keys, i);

      g_hash_table_insert (self->arns, g_strdup (rds_shape_get_string (entry, "key-id")),
                           g_strdup (rds_shape_get_string (entry, "key-arn")));
    }
  marker = rds_shape_get_string (answer->item, "next-marker");
  if (rds_shape_get_boolean (answer->item, "truncated") && marker != NULL)
    list_keys (self, RDS_CLIENT (object), marker);
  else
    keys_listed (self);
}

static void
list_keys (RdsCopySnapshotDialog *self,
           RdsClient             *client,
           const char            *marker)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "ListKeys");

  rds_request_set_int (request, "Limit", 100);
  if (marker != NULL)
    rds_request_set (request, "Marker", marker);
  rds_client_call_async (client, request, self->cancellable, list_keys_cb, g_object_ref (self));
}

static void
list_aliases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RdsCopySnapshotDialog) self = user_data;
  g_autoptr(RdsQueryResult) answer = NULL;
  GListModel *aliases;
  const char *marker;

  if (!listing_answer (self, object, result, &answer))
    return;

  aliases = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "aliases"));
  for (guint i = 0; i < g_list_model_get_n_items (aliases); i++)
    {
      g_autoptr(RdsShape) entry = g_list_model_get_item (aliases, i);
      const char *target = rds_shape_get_string (entry, "target-key-id");

      if (target == NULL)
        continue;
      g_ptr_array_add (self->aliases, g_strdup (rds_shape_get_string (entry, "alias-name")));
      g_ptr_array_add (self->aliases, g_strdup (target));
    }
  marker = rds_shape_get_string (answer->item, "next-marker");
  if (rds_shape_get_boolean (answer->item, "truncated") && marker != NULL)
    list_aliases (self, RDS_CLIENT (object), marker);
  else
    list_keys (self, RDS_CLIENT (object), NULL);
}

static void
list_aliases (RdsCopySnapshotDialog *self,
              RdsClient             *client,
              const char            *marker)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "ListAliases");

  rds_request_set_int (request, "Limit", 100);
  if (marker != NULL)
    rds_request_set (request, "Marker", marker);
  rds_client_call_async (client, request, self->cancellable, list_aliases_cb, g_object_ref (self));
}

/* Cancel and replace: the keys of the Region now chosen. */
static void
load_keys (RdsCopySnapshotDialog *self)
{
  RdsSession *session = rds_action_dialog_get_session (RDS_ACTION_DIALOG (self));
  RdsClient *client = cross_region (self) ? rds_session_get_region_client (session, destination (self))
                                          : rds_session_get_client (session);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->arns);
  g_ptr_array_set_size (self->aliases, 0);
  g_clear_pointer (&self->key_error, g_free);
  self->loading = TRUE;
  gtk_string_list_splice (self->key_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->key_labels)), NULL);
  gtk_string_list_append (self->key_labels, _("Loading keys…"));
  rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
  list_aliases (self, client, NULL);
}

static void
region_changed_cb (RdsCopySnapshotDialog *self)
{
  load_keys (self);
}

static void
revalidate_cb (RdsCopySnapshotDialog *self)
{
  rds_action_dialog_revalidate (RDS_ACTION_DIALOG (self));
}

/* GObject */

static void
rds_copy_snapshot_dialog_dispose (GObject *object)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rds_copy_snapshot_dialog_parent_class)->dispose (object);
}

static void
rds_copy_snapshot_dialog_finalize (GObject *object)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->key_labels);
  g_ptr_array_unref (self->key_values);
  g_ptr_array_unref (self->aliases);
  g_hash_table_unref (self->arns);
  g_free (self->key_error);

  G_OBJECT_CLASS (rds_copy_snapshot_dialog_parent_class)->finalize (object);
}

static GtkWidget *
add_field (RdsActionDialog *dialog,
           const char      *title,
           const char      *parameter,
           const char      *hint,
           GtkWidget       *child)
{
  GtkWidget *field = rds_form_field_new (title, child);

  rds_form_field_set_parameter (RDS_FORM_FIELD (field), parameter);
  rds_form_field_set_hint (RDS_FORM_FIELD (field), hint);
  rds_action_dialog_add (dialog, field);
  return field;
}

static void
rds_copy_snapshot_dialog_constructed (GObject *object)
{
  RdsCopySnapshotDialog *self = RDS_COPY_SNAPSHOT_DIALOG (object);
  RdsActionDialog *dialog = RDS_ACTION_DIALOG (self);
  RdsSession *session = rds_action_dialog_get_session (dialog);
  const char *id = rds_shape_get_string (snapshot (self), "db-snapshot-identifier");
  g_autoptr(GtkStringList) region_labels = gtk_string_list_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (id, -1);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  const RdsRegion *regions;
  GtkWidget *box, *label, *field;
  guint n;

  G_OBJECT_CLASS (rds_copy_snapshot_dialog_parent_class)->constructed (object);

  /* Translators: %s is a snapshot name */
  heading = g_strdup_printf (_("Copy snapshot %s"), id);
  rds_action_dialog_set_heading (dialog, heading);
  body = encrypted (self)
         /* Translators: %s is a snapshot name */
         ? g_strdup_printf (_("A manual copy of <b>%s</b>, kept until you delete it. The snapshot is encrypted: "
                              "its copy is too, with its key in this Region or with a key of the destination "
                              "Region."), escaped)
         /* Translators: %s is a snapshot name */
         : g_strdup_printf (_("A manual copy of <b>%s</b>, kept until you delete it. Encrypting the copy is how "
                              "an unencrypted database gets encrypted: copy its snapshot with a KMS key, then "
                              "restore the encrypted copy as a new database."), escaped);
  rds_action_dialog_set_body (dialog, body);

  /* Automated snapshots' names hold "rds:", which a manual one can't. */
  name = g_strconcat (g_str_has_prefix (id, "rds:") ? id + 4 : id, "-copy", NULL);
  self->name_entry = rds_action_dialog_add_entry (dialog, _("New snapshot name"), "TargetDBSnapshotIdentifier",
                                                  _("1 to 255 letters, digits or hyphens; it begins with a letter."),
                                                  &self->name_field);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  gtk_widget_set_name (self->name_entry, "name");

  regions = rds_region_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label_text = g_strdup_printf ("%s  %s", _(regions[i].display_name), regions[i].name);

      gtk_string_list_append (region_labels, label_text);
    }
  self->region_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&region_labels)), NULL);
  gtk_widget_set_name (self->region_dropdown, "region");
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (regions[i].name, rds_session_get_region (session)) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->region_dropdown), i);
  add_field (dialog, _("Destination Region"), "SourceRegion",
             _("Another Region keeps a copy safe from an outage of this one; the copy takes longer."),
             self->region_dropdown);

  self->tags_check = gtk_check_button_new_with_mnemonic (_("Copy _tags"));
  gtk_widget_set_name (self->tags_check, "copy-tags");
  rds_action_dialog_add (dialog, self->tags_check);

  self->encrypt_switch = gtk_switch_new ();
  gtk_widget_set_name (self->encrypt_switch, "encrypt");
  gtk_widget_set_valign (self->encrypt_switch, GTK_ALIGN_CENTER);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_("Encrypt this copy"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->encrypt_switch);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->encrypt_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_set_visible (box, !encrypted (self));
  rds_action_dialog_add (dialog, box);

  self->key_labels = gtk_string_list_new (NULL);
  self->key_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->key_labels)), NULL);
  gtk_widget_set_name (self->key_dropdown, "key");
  field = add_field (dialog, _("KMS key"), "KmsKeyId",
                     encrypted (self)
                     ? _("A copy to another Region needs a key of that Region: keys never leave their Region.")
                     : _("alias/aws/rds is the key RDS manages for you; a key of your own lets you share "
                         "the copy with other accounts."),
                     self->key_dropdown);
  self->key_field = field;

  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (revalidate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_dropdown, "notify::selected", G_CALLBACK (region_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encrypt_switch, "notify::active", G_CALLBACK (revalidate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_dropdown, "notify::selected", G_CALLBACK (revalidate_cb), self,
                           G_CONNECT_SWAPPED);

  rds_action_dialog_set_submit_label (dialog, _("_Copy snapshot"), FALSE);
  load_keys (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->name_entry);
}

static void
rds_copy_snapshot_dialog_class_init (RdsCopySnapshotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdsActionDialogClass *dialog_class = RDS_ACTION_DIALOG_CLASS (klass);

  object_class->constructed = rds_copy_snapshot_dialog_constructed;
  object_class->dispose = rds_copy_snapshot_dialog_dispose;
  object_class->finalize = rds_copy_snapshot_dialog_finalize;

  dialog_class->validate = rds_copy_snapshot_dialog_validate;
  dialog_class->build_request = rds_copy_snapshot_dialog_build_request;
  dialog_class->get_client = rds_copy_snapshot_dialog_get_client;
  dialog_class->describe_success = rds_copy_snapshot_dialog_describe_success;
}

static void
rds_copy_snapshot_dialog_init (RdsCopySnapshotDialog *self)
{
  self->key_values = g_ptr_array_new_with_free_func (g_free);
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->arns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

RdsActionDialog *
rds_copy_snapshot_dialog_new (RdsSession    *session,
                              RdsDbSnapshot *snapshot)
{
  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_SNAPSHOT (snapshot), NULL);

  return g_object_new (RDS_TYPE_COPY_SNAPSHOT_DIALOG, "session", session, "resource", snapshot, NULL);
}

/* Whether the destination Region's keys are still being listed. */
gboolean
rds_copy_snapshot_dialog_get_loading (RdsCopySnapshotDialog *self)
{
  g_return_val_if_fail (RDS_IS_COPY_SNAPSHOT_DIALOG (self), FALSE);

  return self->loading;
}

/**
 * rds_copy_snapshot_dialog_select_key:
 * @alias_or_id: an alias name or a key ID, as the chooser lists them
 *
 * Returns: whether the chooser lists that key (then chosen)
 */
gboolean
rds_copy_snapshot_dialog_select_key (RdsCopySnapshotDialog *self,
                                     const char            *alias_or_id)
{
  GListModel *model;

  g_return_val_if_fail (RDS_IS_COPY_SNAPSHOT_DIALOG (self), FALSE);

  model = G_LIST_MODEL (self->key_labels);
  for (guint i = 0; !self->loading && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->key_labels, i), alias_or_id) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->key_dropdown), i);
        return TRUE;
      }
  return FALSE;
}
