/* rds-secrets.c: secrets in the user's keyring, or in memory without one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The embedded simulator's credentials and the master passwords the user
 * chose go to the Secret Service through libsecret, asynchronously and with
 * a timeout (a locked keyring may wait for a prompt nobody answers). When no
 * Secret Service is usable, secrets stay in this process's memory for the
 * session, and the "persistent" property turns false so the console can say
 * so, once. A secret never goes to a file, a log or an error message.
 */

#include "config.h"

#include "rds-secrets.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#define TIMEOUT_SECONDS 10

static const SecretSchema schema = {
  "io.github.rdsconsole.RdsConsole.Secret", SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

struct _RdsSecrets
{
  GObject     parent_instance;

  gboolean    persistent;
  GHashTable *memory;     /* "kind\nkey" → secret */
};

G_DEFINE_FINAL_TYPE (RdsSecrets, rds_secrets, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSISTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
rds_secret_free (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

static void
rds_secrets_finalize (GObject *object)
{
  RdsSecrets *self = RDS_SECRETS (object);

  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (rds_secrets_parent_class)->finalize (object);
}

static void
rds_secrets_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RdsSecrets *self = RDS_SECRETS (object);

  switch (prop_id)
    {
    case PROP_PERSISTENT:
      g_value_set_boolean (value, self->persistent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_secrets_class_init (RdsSecretsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rds_secrets_finalize;
  object_class->get_property = rds_secrets_get_property;

  properties[PROP_PERSISTENT] =
    g_param_spec_boolean ("persistent", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_secrets_init (RdsSecrets *self)
{
  self->persistent = TRUE;
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) rds_secret_free);
}

RdsSecrets *
rds_secrets_new (void)
{
  return g_object_new (RDS_TYPE_SECRETS, NULL);
}

/* Never touches the Secret Service: for tests and for a session whose
 * keyring is known to be out of reach. */
RdsSecrets *
rds_secrets_new_in_memory (void)
{
  RdsSecrets *self = g_object_new (RDS_TYPE_SECRETS, NULL);

  self->persistent = FALSE;
  return self;
}

gboolean
rds_secrets_get_persistent (RdsSecrets *self)
{
  g_return_val_if_fail (RDS_IS_SECRETS (self), FALSE);

  return self->persistent;
}

static void
fall_back (RdsSecrets *self)
{
  if (!self->persistent)
    return;
  self->persistent = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSISTENT]);
}

static char *
memory_key (const char *kind,
            const char *key)
{
  return g_strconcat (kind, "\n", key, NULL);
}

typedef struct
{
  char   *kind;
  char   *key;
  char   *secret;
  guint   timeout;
  GCancellable *cancellable;
} Operation;

static void
operation_free (Operation *op)
{
  g_clear_handle_id (&op->timeout, g_source_remove);
  g_clear_object (&op->cancellable);
  g_free (op->kind);
  g_free (op->key);
  rds_secret_free (op->secret);
  g_free (op);
}

static gboolean
timeout_cb (gpointer data)
{
  Operation *op = data;

  op->timeout = 0;
  g_cancellable_cancel (op->cancellable);
  return G_SOURCE_REMOVE;
}

static Operation *
operation_new (GTask        *task,
               const char   *kind,
               const char   *key,
               GCancellable *cancellable)
{
  Operation *op = g_new0 (Operation, 1);

  op->kind = g_strdup (kind);
  op->key = g_strdup (key);
  op->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                             op->cancellable, G_CONNECT_SWAPPED);
  op->timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, op);
  g_task_set_task_data (task, op, (GDestroyNotify) operation_free);

  return op;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdsSecrets *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      /* Any failure to reach the keyring means: none this session. */
      fall_back (self);
      g_hash_table_insert (self->memory, memory_key (op->kind, op->key), g_steal_pointer (&op->secret));
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * rds_secrets_store_async:
 * @label: what the keyring shows the user
 *
 * Stores @secret: in the keyring, or in memory for the session.
 */
void
rds_secrets_store_async (RdsSecrets          *self,
                         const char          *kind,
                         const char          *key,
                         const char          *label,
                         const char          *secret,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  g_return_if_fail (RDS_IS_SECRETS (self));
  g_return_if_fail (kind != NULL && key != NULL && secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_secrets_store_async);

  if (!self->persistent)
    {
      g_hash_table_insert (self->memory, memory_key (kind, key), g_strdup (secret));
      g_task_return_boolean (task, TRUE);
      return;
    }

  op = operation_new (task, kind, key, cancellable);
  op->secret = g_strdup (secret);
  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, label, secret, op->cancellable,
                         store_cb, g_steal_pointer (&task),
                         "kind", kind, "key", key, NULL);
}

/**
 * rds_secrets_store_master_password_async:
 * @region: the DB instance's Region
 * @identifier: the DB instance's identifier
 *
 * Stores the master password of a DB instance where the console looks it
 * up; finish with rds_secrets_store_finish ().
 */
void
rds_secrets_store_master_password_async (RdsSecrets          *self,
                                         const char          *region,
                                         const char          *identifier,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (region != NULL && identifier != NULL);

  key = g_strdup_printf ("%s/%s", region, identifier);
  /* Translators: the keyring item's label; %s is a DB instance identifier */
  label = g_strdup_printf (_("Master password of %s"), identifier);
  rds_secrets_store_async (self, RDS_SECRET_MASTER_PASSWORD, key, label, password,
                           cancellable, callback, user_data);
}

gboolean
rds_secrets_store_finish (RdsSecrets    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdsSecrets *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (secret == NULL && error != NULL)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      fall_back (self);
    }

  /* Copied into plain memory, so the caller frees it like any secret. */
  g_task_return_pointer (task, g_strdup (secret), (GDestroyNotify) rds_secret_free);
  secret_password_free (secret);
}

/**
 * rds_secrets_lookup_async:
 *
 * Looks @kind/@key up; the result is %NULL when there is no such secret.
 */
void
rds_secrets_lookup_async (RdsSecrets          *self,
                          const char          *kind,
                          const char          *key,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *mkey = NULL;
  Operation *op;

  g_return_if_fail (RDS_IS_SECRETS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_secrets_lookup_async);

  if (!self->persistent)
    {
      mkey = memory_key (kind, key);
      g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->memory, mkey)),
                             (GDestroyNotify) rds_secret_free);
      return;
    }

  op = operation_new (task, kind, key, cancellable);
  secret_password_lookup (&schema, op->cancellable, lookup_cb, g_steal_pointer (&task),
                          "kind", kind, "key", key, NULL);
}

/**
 * rds_secrets_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret (free it with
 *   rds_secret_free()), or %NULL when there is none
 */
char *
rds_secrets_lookup_finish (RdsSecrets    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Nothing to forget is no failure. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * rds_secrets_clear_async:
 *
 * Forgets @kind/@key, from the keyring or from memory; finish with
 * rds_secrets_store_finish ().
 */
void
rds_secrets_clear_async (RdsSecrets          *self,
                         const char          *kind,
                         const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *mkey = NULL;
  Operation *op;

  g_return_if_fail (RDS_IS_SECRETS (self));
  g_return_if_fail (kind != NULL && key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rds_secrets_clear_async);

  mkey = memory_key (kind, key);
  g_hash_table_remove (self->memory, mkey);
  if (!self->persistent)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  op = operation_new (task, kind, key, cancellable);
  secret_password_clear (&schema, op->cancellable, clear_cb, g_steal_pointer (&task),
                         "kind", kind, "key", key, NULL);
}
