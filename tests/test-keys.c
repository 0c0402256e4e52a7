/* test-keys.c: the KMS keys page and what a key does to the databases it
 * encrypts; copying a snapshot with a new key, and sharing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"
#include "rds-copy-snapshot-dialog.h"
#include "rds-create-key-dialog.h"
#include "rds-disable-key-dialog.h"
#include "rds-key-item.h"
#include "rds-keys-page.h"
#include "rds-schedule-key-deletion-dialog.h"
#include "rds-share-snapshot-dialog.h"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
no_toplevel (Fixture       *f,
             gconstpointer  data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* A label whose text holds @data. */
static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
field_has_error (Fixture       *f,
                 gconstpointer  data)
{
  return rds_form_field_get_error ((RdsFormField *) data) != NULL;
}

static gboolean
dialog_idle (Fixture       *f,
             gconstpointer  data)
{
  return !rds_action_dialog_get_busy ((RdsActionDialog *) data);
}

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(RdsQueryResult **) user_data = rds_session_call_finish (RDS_SESSION (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set (Fixture       *f,
             gconstpointer  data)
{
  return *(gpointer const *) data != NULL;
}

static RdsKeysPage *
show_keys (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "keys"));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "keys");
  return RDS_KEYS_PAGE (rds_window_get_page_widget (f->window, "keys"));
}

static RdsKeyItem *
find_key (RdsKeysPage *page,
          const char  *alias)
{
  GListModel *keys = rds_keys_page_get_keys (page);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RdsKeyItem) key = g_list_model_get_item (keys, i);
      const char * const *aliases = rds_key_item_get_aliases (key);

      if (aliases != NULL && g_strv_contains (aliases, alias))
        return key;
    }
  return NULL;
}

typedef struct
{
  RdsKeysPage *page;
  const char  *alias;
  const char  *property;
  const char  *value;
} KeyShows;

/* The row of the key with @alias shows @value in @property, once the page
 * asked again. */
static gboolean
key_shows (Fixture       *f,
           gconstpointer  data)
{
  const KeyShows *expected = data;
  RdsKeyItem *key = find_key (expected->page, expected->alias);
  g_autofree char *value = NULL;

  if (key != NULL)
    g_object_get (key, expected->property, &value, NULL);
  if (value != NULL && strstr (value, expected->value) != NULL)
    return TRUE;
  if (!rds_keys_page_get_loading (expected->page))
    rds_keys_page_refresh (expected->page);
  return FALSE;
}

static void
wait_key_shows (Fixture     *f,
                RdsKeysPage *page,
                const char  *alias,
                const char  *property,
                const char  *value)
{
  KeyShows expected = { page, alias, property, value };

  if (!spin_until (f, key_shows, &expected))
    {
      RdsKeyItem *key = find_key (page, alias);
      g_autofree char *shown = NULL;

      if (key != NULL)
        g_object_get (key, property, &shown, NULL);
      g_error ("%s shows “%s” as %s, not “%s”", alias, shown, property, value);
    }
}

static void
create_key (Fixture     *f,
            RdsKeysPage *page,
            const char  *alias)
{
  RdsActionDialog *dialog;
  RdsFormField *field;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "key.create", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_CREATE_KEY_DIALOG));
  g_assert_nonnull (dialog);

  /* Checked as typed: the reserved prefix is refused before any call. */
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "alias")), "aws/mine");
  field = RDS_FORM_FIELD (gtk_widget_get_ancestor (named (GTK_WIDGET (dialog), "alias"), RDS_TYPE_FORM_FIELD));
  g_assert_nonnull (rds_form_field_get_error (field));
  g_assert_false (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "alias")), alias);
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "description")), "Orders database");
  g_assert_null (rds_form_field_get_error (field));
  screenshot (f, GTK_WIDGET (dialog), "dialog-create-key-filled");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_CREATE_KEY_DIALOG)));
}

/* Create a key, encrypt a database with it, disable it, enable it again;
 * schedule its deletion and cancel it. */
static void
lifecycle (Fixture *f)
{
  RdsKeysPage *page = show_keys (f);
  RdsActionDialog *dialog;
  RdsKeyItem *key;
  g_autoptr(RdsRequest) request = NULL;
  g_autofree char *arn = NULL;
  g_autofree char *key_alias = g_strdup ("alias/orders-key");

  create_key (f, page, "orders-key");
  wait_key_shows (f, page, key_alias, "manager-text", "Customer managed");
  wait_key_shows (f, page, key_alias, "status-text", "Enabled");
  wait_key_shows (f, page, key_alias, "description", "Orders database");
  key = find_key (page, key_alias);
  arn = g_strdup (rds_key_item_get_arn (key));

  /* The same alias again: said as typed, once the dialog knows the
   * Region's aliases. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "key.create", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_CREATE_KEY_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "alias")), "orders-key");
  {
    RdsFormField *field = RDS_FORM_FIELD (gtk_widget_get_ancestor (named (GTK_WIDGET (dialog), "alias"),
                                                                   RDS_TYPE_FORM_FIELD));
    guint keys_before;
    g_autoptr(RdsRequest) create = rds_request_new_for_api (&rds_api_kms, "CreateKey");
    g_autoptr(RdsRequest) alias = rds_request_new_for_api (&rds_api_kms, "CreateAlias");
    g_autoptr(RdsQueryResult) made = NULL;

    g_assert_true (spin_until (f, field_has_error, field));
    g_assert_false (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));

    /* Another client takes a name after the dialog listed them: the
     * service's AlreadyExistsException shows next to the alias. */
    rds_session_call_async (f->session, create, NULL, answer_cb, &made);
    g_assert_true (spin_until (f, pointer_set, &made));
    rds_request_set (alias, "AliasName", "alias/taken-meanwhile");
    rds_request_set (alias, "TargetKeyId",
                     rds_shape_get_string (rds_shape_get_object (made->item, "key-metadata"), "key-id"));
    call (f, alias);
    wait_key_shows (f, page, "alias/taken-meanwhile", "manager-text", "Customer managed");
    keys_before = g_list_model_get_n_items (rds_keys_page_get_keys (page));

    gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "alias")), "taken-meanwhile");
    g_assert_true (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
    rds_action_dialog_submit (dialog);
    g_assert_true (spin_until (f, dialog_idle, dialog));
    g_assert_nonnull (rds_form_field_get_error (field));
    g_assert_nonnull (strstr (rds_form_field_get_error (field), "already exists"));
    g_assert_nonnull (rds_create_key_dialog_get_key_id (RDS_CREATE_KEY_DIALOG (dialog)));
    screenshot (f, GTK_WIDGET (dialog), "dialog-create-key-exists");

    /* Another name: the key made is named, no second key. */
    gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "alias")), "orders-key-2");
    rds_action_dialog_submit (dialog);
    g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_CREATE_KEY_DIALOG)));
    wait_key_shows (f, page, "alias/orders-key-2", "manager-text", "Customer managed");
    g_assert_cmpuint (g_list_model_get_n_items (rds_keys_page_get_keys (page)), ==, keys_before + 1);
  }

  /* An encrypted database with that key, through the API. */
  request = rds_request_new ("CreateDBInstance");
  rds_request_set (request, "DBInstanceIdentifier", "orders");
  rds_request_set (request, "Engine", "postgres");
  rds_request_set (request, "DBInstanceClass", "db.t3.micro");
  rds_request_set_int (request, "AllocatedStorage", 20);
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  rds_request_set_boolean (request, "StorageEncrypted", TRUE);
  rds_request_set (request, "KmsKeyId", arn);
  call (f, request);
  advance_until (f, "orders", "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "orders")), "kms-key-id"), ==, arn);
  show_keys (f);
  wait_key_shows (f, page, key_alias, "used-by-text", "orders");
  screenshot (f, GTK_WIDGET (f->window), "page-keys-used-by");

  /* The AWS managed key allows nothing. */
  g_assert_true (rds_keys_page_select_key (page, "alias/aws/rds"));
  gtk_widget_activate_action (GTK_WIDGET (page), "key.disable", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "key.schedule-deletion", NULL);
  g_assert_null (find_toplevel (RDS_TYPE_DISABLE_KEY_DIALOG));
  g_assert_null (find_toplevel (RDS_TYPE_SCHEDULE_KEY_DELETION_DIALOG));

  /* Disable: the dialog names the database and what happens to it. */
  g_assert_true (rds_keys_page_select_key (page, key_alias));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "key.disable", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_DISABLE_KEY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (find_widget (GTK_WIDGET (dialog), label_contains,
                              "inaccessible-encryption-credentials-recoverable") != NULL);
  g_assert_true (find_widget (GTK_WIDGET (dialog), label_contains, "orders") != NULL);
  screenshot (f, GTK_WIDGET (dialog), "dialog-disable-key");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_DISABLE_KEY_DIALOG)));
  wait_key_shows (f, page, key_alias, "status-text", "Disabled");

  advance_until (f, "orders", "inaccessible-encryption-credentials-recoverable");

  /* Enabled again: the database recovers. */
  g_assert_true (rds_keys_page_select_key (page, key_alias));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "key.enable", NULL));
  wait_key_shows (f, page, key_alias, "status-text", "Enabled");
  advance_until (f, "orders", "available");

  /* Schedule deletion: 7 to 30 days, the key's name typed to confirm. */
  g_assert_true (rds_keys_page_select_key (page, key_alias));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "key.schedule-deletion", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_SCHEDULE_KEY_DELETION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (named (GTK_WIDGET (dialog), "days"))), ==, 30);
  g_assert_true (find_widget (GTK_WIDGET (dialog), label_contains, "orders") != NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (GTK_WIDGET (dialog), "days")), 7);
  g_assert_false (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "confirm")), "orders-key");
  g_assert_true (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
  screenshot (f, GTK_WIDGET (dialog), "dialog-schedule-key-deletion");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_SCHEDULE_KEY_DELETION_DIALOG)));
  wait_key_shows (f, page, key_alias, "status-text", "Pending deletion");
  screenshot (f, GTK_WIDGET (f->window), "page-keys-pending-deletion");

  /* Canceled: the key is back, disabled. */
  g_assert_true (rds_keys_page_select_key (page, key_alias));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "key.cancel-deletion", NULL));
  wait_key_shows (f, page, key_alias, "status-text", "Disabled");
}

static void
select_snapshot (RdsSnapshotsPage *page,
                 const char       *identifier)
{
  GtkSingleSelection *selection = rds_snapshots_page_get_selection (page);
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RdsShape) snapshot = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_shape_get_string (snapshot, "db-snapshot-identifier"), identifier) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }
  g_error ("the Snapshots page does not list %s", identifier);
}

static gboolean
copy_ready (Fixture       *f,
            gconstpointer  data)
{
  return !rds_copy_snapshot_dialog_get_loading ((RdsCopySnapshotDialog *) data);
}

static gboolean
share_ready (Fixture       *f,
             gconstpointer  data)
{
  return !rds_share_snapshot_dialog_get_loading ((RdsShareSnapshotDialog *) data);
}

static gboolean
snapshot_listed (Fixture       *f,
                 gconstpointer  data)
{
  return find_snapshot (f, data) != NULL;
}

/* An unencrypted snapshot copied with a new key of one's own: the copy is
 * encrypted with it, and can be shared with an account but never made
 * public. */
static void
copy_and_share (Fixture *f)
{
  RdsKeysPage *keys = show_keys (f);
  RdsSnapshotsPage *page;
  RdsActionDialog *dialog;
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBSnapshot");
  g_autofree char *arn = NULL;
  RdsShape *copy;

  create_instance (f, "plain", "mysql", FALSE);
  advance_until (f, "plain", "available");
  rds_request_set (request, "DBInstanceIdentifier", "plain");
  rds_request_set (request, "DBSnapshotIdentifier", "plain-snap");
  call (f, request);
  for (guint i = 0; i < 20 && !snapshot_available (f, "plain-snap"); i++)
    advance (f, 300);
  g_assert_true (snapshot_available (f, "plain-snap"));
  g_assert_false (rds_shape_get_boolean (find_snapshot (f, "plain-snap"), "encrypted"));

  create_key (f, keys, "copy-key");
  wait_key_shows (f, keys, "alias/copy-key", "status-text", "Enabled");
  arn = g_strdup (rds_key_item_get_arn (find_key (keys, "alias/copy-key")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  page = RDS_SNAPSHOTS_PAGE (rds_window_get_page_widget (f->window, "snapshots"));
  select_snapshot (page, "plain-snap");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "snapshot.copy", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_COPY_SNAPSHOT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (spin_until (f, copy_ready, dialog));
  /* Unencrypted by default; the key chooser waits for the switch. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (named (GTK_WIDGET (dialog), "encrypt"))));
  g_assert_false (gtk_widget_get_sensitive (named (GTK_WIDGET (dialog), "key")));
  gtk_switch_set_active (GTK_SWITCH (named (GTK_WIDGET (dialog), "encrypt")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (named (GTK_WIDGET (dialog), "key")));
  g_assert_true (rds_copy_snapshot_dialog_select_key (RDS_COPY_SNAPSHOT_DIALOG (dialog), "alias/copy-key"));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "name")), "Not a name!");
  g_assert_false (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "name")), "plain-snap-encrypted");
  g_assert_true (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
  screenshot (f, GTK_WIDGET (dialog), "dialog-copy-snapshot-encrypt");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_COPY_SNAPSHOT_DIALOG)));
  g_assert_true (spin_until (f, snapshot_listed, "plain-snap-encrypted"));
  for (guint i = 0; i < 20 && !snapshot_available (f, "plain-snap-encrypted"); i++)
    advance (f, 300);
  copy = find_snapshot (f, "plain-snap-encrypted");
  g_assert_true (rds_shape_get_boolean (copy, "encrypted"));
  g_assert_cmpstr (rds_shape_get_string (copy, "kms-key-id"), ==, arn);
  g_assert_true (snapshot_available (f, "plain-snap-encrypted"));

  /* Shared with an account; public is refused for the encrypted copy. */
  select_snapshot (page, "plain-snap-encrypted");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "snapshot.share", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_SHARE_SNAPSHOT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (spin_until (f, share_ready, dialog));
  g_assert_false (gtk_widget_get_sensitive (named (GTK_WIDGET (dialog), "public")));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "account")), "12345");
  g_assert_false (gtk_widget_get_sensitive (named (GTK_WIDGET (dialog), "add-account")));
  g_assert_nonnull (rds_form_field_get_error (RDS_FORM_FIELD (gtk_widget_get_ancestor (
                      named (GTK_WIDGET (dialog), "account"), RDS_TYPE_FORM_FIELD))));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "account")), "123456789012");
  g_assert_true (gtk_widget_get_sensitive (named (GTK_WIDGET (dialog), "add-account")));
  g_signal_emit_by_name (named (GTK_WIDGET (dialog), "add-account"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (rds_share_snapshot_dialog_get_accounts (
                      RDS_SHARE_SNAPSHOT_DIALOG (dialog))), ==, 1);
  screenshot (f, GTK_WIDGET (dialog), "dialog-share-snapshot-account");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_SHARE_SNAPSHOT_DIALOG)));

  /* Open again: the account is listed, from the service. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "snapshot.share", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_SHARE_SNAPSHOT_DIALOG));
  g_assert_true (spin_until (f, share_ready, dialog));
  g_assert_true (rds_share_snapshot_dialog_add_account (RDS_SHARE_SNAPSHOT_DIALOG (dialog), "210987654321"));
  g_assert_false (rds_share_snapshot_dialog_add_account (RDS_SHARE_SNAPSHOT_DIALOG (dialog), "123456789012"));
  rds_share_snapshot_dialog_remove_account (RDS_SHARE_SNAPSHOT_DIALOG (dialog), "210987654321");
  g_assert_cmpuint (g_list_model_get_n_items (rds_share_snapshot_dialog_get_accounts (
                      RDS_SHARE_SNAPSHOT_DIALOG (dialog))), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
  gtk_window_close (GTK_WINDOW (dialog));
}

static gboolean
keys_loaded (Fixture       *f,
             gconstpointer  data)
{
  return !rds_keys_page_get_loading ((RdsKeysPage *) data) &&
         g_list_model_get_n_items (rds_keys_page_get_keys ((RdsKeysPage *) data)) > 0;
}

static gboolean
keys_listed (Fixture       *f,
             gconstpointer  data)
{
  RdsKeysPage *page = (gpointer) data;

  return !rds_keys_page_get_loading (page) && find_key (page, "alias/a-first") != NULL;
}

/* The list is in the order of its sorted column whatever order the
 * answers come in: a key made since the page was shown takes its place
 * by its alias. */
static void
sorted (Fixture *f)
{
  RdsKeysPage *page = show_keys (f);
  g_autoptr(RdsRequest) create = rds_request_new_for_api (&rds_api_kms, "CreateKey");
  g_autoptr(RdsRequest) alias = rds_request_new_for_api (&rds_api_kms, "CreateAlias");
  g_autoptr(RdsQueryResult) created = NULL;
  GListModel *shown = G_LIST_MODEL (rds_keys_page_get_selection (page));

  g_assert_true (spin_until (f, keys_loaded, page));
  created = call_for_answer (f, create);
  rds_request_set (alias, "AliasName", "alias/a-first");
  rds_request_set (alias, "TargetKeyId",
                   rds_shape_get_string (rds_shape_get_object (created->item, "key-metadata"), "key-id"));
  call (f, alias);
  rds_keys_page_refresh (page);
  g_assert_true (spin_until (f, keys_listed, page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RdsKeyItem) key = g_list_model_get_item (shown, i);

      g_assert_cmpstr (rds_key_item_get_aliases (key)[0], ==, i == 0 ? "alias/a-first" : "alias/aws/rds");
    }
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/keys/lifecycle", lifecycle);
  CONSOLE_TEST_ADD ("/console/keys/copy-and-share", copy_and_share);
  CONSOLE_TEST_ADD ("/console/keys/sorted", sorted);

  return g_test_run ();
}
