/* test-encrypt.c: the Encrypt database wizard, end to end on a manual clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An unencrypted database is encrypted through the wizard: snapshot,
 * encrypted copy, restore, settings, the names switched so that its
 * endpoint stays. Half way the console "closes" (the window loses its
 * session, the job is gone from it); opened again on the same endpoint it
 * says where the encryption stopped, and goes on from there.
 */

#include "config.h"

#include "console-test.h"
#include "rds-encrypt-database-wizard.h"
#include "rds-encrypt-job.h"
#include "rds-create-key-dialog.h"

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
wizard_open (Fixture       *f,
             gconstpointer  data)
{
  return find_toplevel (RDS_TYPE_ENCRYPT_DATABASE_WIZARD) != NULL;
}

static gboolean
wizard_closed (Fixture       *f,
               gconstpointer  data)
{
  return find_toplevel (RDS_TYPE_ENCRYPT_DATABASE_WIZARD) == NULL;
}

static gboolean
job_moved (Fixture       *f,
           gconstpointer  data)
{
  const gpointer *args = data;

  return (int) rds_encrypt_job_get_step (args[0]) != GPOINTER_TO_INT (args[1]);
}

/* Moves the clock a minute at a time until the job reaches @step. */
static void
advance_job_to (Fixture        *f,
                RdsEncryptJob  *job,
                RdsEncryptStep  step)
{
  for (int minutes = 0; (int) rds_encrypt_job_get_step (job) < (int) step; minutes++)
    {
      g_assert_null (rds_encrypt_job_get_error (job));
      g_assert_cmpint (minutes, <, 300);
      gpointer args[2] = { job, GINT_TO_POINTER (rds_encrypt_job_get_step (job)) };

      advance (f, 60);
      /* Its answers come in; a step may take several minutes. */
      spin_until_ms (f, job_moved, args, 200);
    }
}

static const char *
label_text (GtkWidget  *wizard,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (wizard, RDS_TYPE_ENCRYPT_DATABASE_WIZARD,
                                                                        name)));
}

static gboolean
is_encrypted (Fixture       *f,
              gconstpointer  data)
{
  RdsDbInstance *instance = find_instance (f, data);

  return instance != NULL && rds_shape_get_boolean (RDS_SHAPE (instance), "storage-encrypted") &&
         g_strcmp0 (rds_db_instance_get_status (instance), "available") == 0;
}

static void
encrypt (Fixture *f)
{
  RdsDbInstance *instance;
  GtkWidget *wizard;
  RdsEncryptJob *job;
  g_autofree char *endpoint = NULL;
  g_auto(GStrv) saved = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  create_instance (f, "ledger", "postgres", FALSE);
  advance_until (f, "ledger", "available");
  instance = find_instance (f, "ledger");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (instance), "storage-encrypted"));
  endpoint = g_strdup (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (instance), "endpoint"), "address"));

  /* Offered for an unencrypted database; not for an encrypted one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "ledger"));
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "database"), "db.encrypt",
                                             NULL));
  g_assert_true (spin_until (f, wizard_open, NULL));
  wizard = GTK_WIDGET (find_toplevel (RDS_TYPE_ENCRYPT_DATABASE_WIZARD));
  g_assert_nonnull (strstr (label_text (wizard, "intro_label"), "ledger"));
  screenshot (f, wizard, "wizard-encrypt-review");

  g_assert_true (gtk_widget_activate_action (wizard, "encrypt.start", NULL));
  job = rds_encrypt_database_wizard_get_job (RDS_ENCRYPT_DATABASE_WIZARD (wizard));
  g_assert_nonnull (job);
  g_assert_true (rds_encrypt_job_get_cut_over (job));
  advance_job_to (f, job, RDS_ENCRYPT_STEP_COPY);
  screenshot (f, wizard, "wizard-encrypt-progress");

  /* Saved as it goes. */
  saved = g_settings_get_strv (settings, "encrypt-jobs");
  g_assert_cmpuint (g_strv_length (saved), ==, 1);
  g_assert_nonnull (strstr (saved[0], "\"ledger\""));
  g_assert_null (strstr (saved[0], "correct-horse-battery"));

  /* The console closes half way: the job stops and is gone with the
   * window's session; the settings keep where it was. */
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (spin_until (f, wizard_closed, NULL));
  g_object_ref (f->session);
  rds_window_set_session (f->window, NULL);
  rds_encrypt_job_stop (job);
  rds_session_remove_job (f->session, job);
  rds_window_set_session (f->window, f->session);
  g_object_unref (f->session);

  /* Opened again: where it stopped, and Continue. */
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Encrypting ledger stopped when the console closed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-encrypt-job", "s", "ledger"));
  g_assert_true (spin_until (f, wizard_open, NULL));
  wizard = GTK_WIDGET (find_toplevel (RDS_TYPE_ENCRYPT_DATABASE_WIZARD));
  job = rds_encrypt_database_wizard_get_job (RDS_ENCRYPT_DATABASE_WIZARD (wizard));
  g_assert_false (rds_encrypt_job_get_running (job));
  g_assert_cmpint (rds_encrypt_job_get_step (job), >=, RDS_ENCRYPT_STEP_COPY);
  g_assert_nonnull (strstr (label_text (wizard, "progress_label"), "stopped here"));
  screenshot (f, wizard, "wizard-encrypt-stopped");
  g_assert_true (gtk_widget_activate_action (wizard, "encrypt.continue", NULL));
  g_assert_true (rds_encrypt_job_get_running (job));
  advance_job_to (f, job, RDS_ENCRYPT_STEP_DONE);
  g_assert_nonnull (strstr (label_text (wizard, "progress_label"), "is encrypted"));
  screenshot (f, wizard, "wizard-encrypt-done");

  /* The encrypted one has the name and the endpoint; done, nothing saved. */
  g_assert_true (spin_until (f, is_encrypted, "ledger"));
  instance = find_instance (f, "ledger");
  g_assert_cmpstr (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (instance), "endpoint"), "address"), ==,
                   endpoint);
  g_clear_pointer (&saved, g_strfreev);
  saved = g_settings_get_strv (settings, "encrypt-jobs");
  g_assert_cmpuint (g_strv_length (saved), ==, 0);

  /* Encrypted now: not offered again. */
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (spin_until (f, wizard_closed, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  {
    RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
    GActionGroup *group = rds_instance_actions_get_group (rds_databases_page_get_actions (page));

    rds_databases_page_select (page, "ledger");
    g_assert_false (g_action_group_get_action_enabled (group, "encrypt"));
  }
}

/* A database with a read replica: the first step says the replica stays
 * with the original; at the end the original is kept (deleting it would
 * promote the replica), and the summary says so. */
static void
replicas (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstanceReadReplica");
  GtkWidget *wizard, *replicas_label;
  RdsEncryptJob *job;

  create_instance (f, "ledger", "postgres", FALSE);
  advance_until (f, "ledger", "available");
  rds_request_set (request, "DBInstanceIdentifier", "ledger-reader");
  rds_request_set (request, "SourceDBInstanceIdentifier", "ledger");
  call (f, request);
  advance_until (f, "ledger-reader", "available");
  advance_until (f, "ledger", "available");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "ledger"));
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "database"), "db.encrypt",
                                             NULL));
  g_assert_true (spin_until (f, wizard_open, NULL));
  wizard = GTK_WIDGET (find_toplevel (RDS_TYPE_ENCRYPT_DATABASE_WIZARD));
  replicas_label = GTK_WIDGET (gtk_widget_get_template_child (wizard, RDS_TYPE_ENCRYPT_DATABASE_WIZARD,
                                                              "replicas_label"));
  g_assert_true (gtk_widget_get_visible (replicas_label));
  g_assert_nonnull (strstr (label_text (wizard, "replicas_label"), "ledger-reader"));
  g_assert_nonnull (strstr (label_text (wizard, "replicas_label"), "standalone"));
  screenshot (f, wizard, "wizard-encrypt-replicas");

  /* Everything left over deleted, the user says: all but the original. */
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (wizard, RDS_TYPE_ENCRYPT_DATABASE_WIZARD,
                                                                    "clean_up_switch")), TRUE);
  g_assert_true (gtk_widget_activate_action (wizard, "encrypt.start", NULL));
  job = rds_encrypt_database_wizard_get_job (RDS_ENCRYPT_DATABASE_WIZARD (wizard));
  g_assert_true (rds_encrypt_job_get_clean_up (job));
  advance_job_to (f, job, RDS_ENCRYPT_STEP_DONE);
  g_assert_cmpint (rds_encrypt_job_get_original_kept (job), ==, RDS_ENCRYPT_KEPT_REPLICAS);
  g_assert_nonnull (strstr (label_text (wizard, "progress_label"), "is encrypted"));
  g_assert_nonnull (strstr (label_text (wizard, "progress_label"), "ledger-unencrypted"));
  g_assert_nonnull (strstr (label_text (wizard, "progress_label"), "read replicas"));
  screenshot (f, wizard, "wizard-encrypt-kept");

  g_assert_true (spin_until (f, is_encrypted, "ledger"));
  advance (f, 600);
  wait_for_status (f, "ledger-unencrypted", "available");
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (spin_until (f, wizard_closed, NULL));
}

static gboolean
no_create_key_dialog (Fixture       *f,
                      gconstpointer  data)
{
  return find_toplevel (RDS_TYPE_CREATE_KEY_DIALOG) == NULL;
}

/* "Or create one": a key made from the wizard is the one chosen, and the
 * encrypted database is encrypted with it. */
static void
create_key (Fixture *f)
{
  GtkWidget *wizard, *key_row;
  RdsActionDialog *dialog;
  RdsEncryptJob *job;
  GObject *chosen;
  const char *key;

  create_instance (f, "ledger", "postgres", FALSE);
  advance_until (f, "ledger", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "ledger"));
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "database"), "db.encrypt",
                                             NULL));
  g_assert_true (spin_until (f, wizard_open, NULL));
  wizard = GTK_WIDGET (find_toplevel (RDS_TYPE_ENCRYPT_DATABASE_WIZARD));
  key_row = GTK_WIDGET (gtk_widget_get_template_child (wizard, RDS_TYPE_ENCRYPT_DATABASE_WIZARD, "key_row"));

  g_assert_true (gtk_widget_activate_action (wizard, "encrypt.create-key", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_CREATE_KEY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (wizard));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (dialog), "alias")), "ledger-key");
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_create_key_dialog, NULL));

  chosen = adw_combo_row_get_selected_item (ADW_COMBO_ROW (key_row));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (chosen)), ==, "ledger-key");
  screenshot (f, wizard, "wizard-encrypt-new-key");

  g_assert_true (gtk_widget_activate_action (wizard, "encrypt.start", NULL));
  job = rds_encrypt_database_wizard_get_job (RDS_ENCRYPT_DATABASE_WIZARD (wizard));
  g_assert_cmpstr (rds_encrypt_job_get_kms_key_id (job), ==, "alias/ledger-key");
  advance_job_to (f, job, RDS_ENCRYPT_STEP_DONE);
  g_assert_true (spin_until (f, is_encrypted, "ledger"));
  /* RDS names the key by its ARN: the new key's, not aws/rds's. */
  key = rds_shape_get_string (RDS_SHAPE (find_instance (f, "ledger")), "kms-key-id");
  g_assert_nonnull (key);
  {
    g_autoptr(RdsRequest) describe = rds_request_new_for_api (&rds_api_kms, "DescribeKey");
    g_autoptr(RdsQueryResult) answer = NULL;

    rds_request_set (describe, "KeyId", "alias/ledger-key");
    answer = call_for_answer (f, describe);
    g_assert_cmpstr (rds_shape_get_string (rds_shape_get_object (answer->item, "key-metadata"), "arn"), ==, key);
  }
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (spin_until (f, wizard_closed, NULL));
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/encrypt/end-to-end", encrypt);
  CONSOLE_TEST_ADD ("/console/encrypt/create-key", create_key);
  CONSOLE_TEST_ADD ("/console/encrypt/replicas", replicas);

  return g_test_run ();
}
