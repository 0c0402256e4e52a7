/* rds-connection.c: an endpoint the console can manage, and how to sign in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A connection is what the user named and chose: the embedded simulator,
 * an endpoint URL with an access key, an AWS account by access key, or an
 * AWS CLI profile. Settings keep it as a dictionary of strings; its secret
 * access key is never part of it: the keyring keeps that, under the
 * connection's id. A profile's credentials stay in ~/.aws, read when the
 * console connects.
 */

#include "config.h"

#include "rds-connection.h"

#include <glib/gi18n.h>

struct _RdsConnection
{
  GObject            parent_instance;

  char              *id;
  RdsConnectionKind  kind;
  char              *name;
  char              *url;
  char              *region;
  char              *access_key_id;
  char              *profile;
};

G_DEFINE_FINAL_TYPE (RdsConnection, rds_connection, G_TYPE_OBJECT)

static const char * const kind_names[] = {
  [RDS_CONNECTION_EMBEDDED] = "embedded",
  [RDS_CONNECTION_ENDPOINT] = "endpoint",
  [RDS_CONNECTION_ACCOUNT] = "account",
  [RDS_CONNECTION_PROFILE] = "profile",
};

static void
rds_connection_finalize (GObject *object)
{
  RdsConnection *self = RDS_CONNECTION (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);
  g_free (self->region);
  g_free (self->access_key_id);
  g_free (self->profile);

  G_OBJECT_CLASS (rds_connection_parent_class)->finalize (object);
}

static void
rds_connection_class_init (RdsConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_connection_finalize;
}

static void
rds_connection_init (RdsConnection *self)
{
}

/* Empty text is no value. */
static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * rds_connection_new:
 *
 * Returns: (transfer full): a connection of @kind with a new id
 */
RdsConnection *
rds_connection_new (RdsConnectionKind kind)
{
  RdsConnection *self = g_object_new (RDS_TYPE_CONNECTION, NULL);

  self->id = g_uuid_string_random ();
  self->kind = kind;
  return self;
}

/**
 * rds_connection_new_embedded:
 *
 * Returns: (transfer full): the embedded simulator's connection
 */
RdsConnection *
rds_connection_new_embedded (void)
{
  RdsConnection *self = g_object_new (RDS_TYPE_CONNECTION, NULL);

  self->id = g_strdup (RDS_CONNECTION_EMBEDDED_ID);
  self->kind = RDS_CONNECTION_EMBEDDED;
  self->name = g_strdup (_("Embedded simulator"));
  return self;
}

/**
 * rds_connection_new_from_variant:
 * @dict: an a{ss} as rds_connection_to_variant() makes it
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL when @dict
 *   is not one (no id, name or known kind)
 */
RdsConnection *
rds_connection_new_from_variant (GVariant *dict)
{
  g_autoptr(RdsConnection) self = NULL;
  const char *id = NULL;
  const char *kind = NULL;
  const char *value;
  int found = -1;

  g_return_val_if_fail (dict != NULL, NULL);

  if (!g_variant_is_of_type (dict, G_VARIANT_TYPE ("a{ss}")) ||
      !g_variant_lookup (dict, "id", "&s", &id) || !g_variant_lookup (dict, "kind", "&s", &kind))
    return NULL;
  for (guint i = RDS_CONNECTION_ENDPOINT; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (kind_names[i], kind))
      found = i;
  if (found < 0 || *id == '\0' || g_str_equal (id, RDS_CONNECTION_EMBEDDED_ID))
    return NULL;

  self = g_object_new (RDS_TYPE_CONNECTION, NULL);
  self->id = g_strdup (id);
  self->kind = found;
  if (g_variant_lookup (dict, "name", "&s", &value))
    set_text (&self->name, value);
  if (g_variant_lookup (dict, "url", "&s", &value))
    set_text (&self->url, value);
  if (g_variant_lookup (dict, "region", "&s", &value))
    set_text (&self->region, value);
  if (g_variant_lookup (dict, "access-key-id", "&s", &value))
    set_text (&self->access_key_id, value);
  if (g_variant_lookup (dict, "profile", "&s", &value))
    set_text (&self->profile, value);
  if (self->name == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rds_connection_copy:
 *
 * Returns: (transfer full): a copy, with the same id, to edit
 */
RdsConnection *
rds_connection_copy (RdsConnection *self)
{
  RdsConnection *copy;

  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  copy = g_object_new (RDS_TYPE_CONNECTION, NULL);
  copy->id = g_strdup (self->id);
  copy->kind = self->kind;
  copy->name = g_strdup (self->name);
  copy->url = g_strdup (self->url);
  copy->region = g_strdup (self->region);
  copy->access_key_id = g_strdup (self->access_key_id);
  copy->profile = g_strdup (self->profile);
  return copy;
}

/**
 * rds_connection_to_variant:
 *
 * Returns: (transfer floating): the connection as an a{ss}, without
 *   secrets (there are none in it)
 */
GVariant *
rds_connection_to_variant (RdsConnection *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", "id", self->id);
  g_variant_builder_add (&builder, "{ss}", "kind", kind_names[self->kind]);
  g_variant_builder_add (&builder, "{ss}", "name", self->name != NULL ? self->name : "");
  if (self->url != NULL)
    g_variant_builder_add (&builder, "{ss}", "url", self->url);
  if (self->region != NULL)
    g_variant_builder_add (&builder, "{ss}", "region", self->region);
  if (self->access_key_id != NULL)
    g_variant_builder_add (&builder, "{ss}", "access-key-id", self->access_key_id);
  if (self->profile != NULL)
    g_variant_builder_add (&builder, "{ss}", "profile", self->profile);
  return g_variant_builder_end (&builder);
}

const char *
rds_connection_get_id (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  return self->id;
}

RdsConnectionKind
rds_connection_get_kind (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), RDS_CONNECTION_EMBEDDED);

  return self->kind;
}

void
rds_connection_set_kind (RdsConnection     *self,
                         RdsConnectionKind  kind)
{
  g_return_if_fail (RDS_IS_CONNECTION (self));
  g_return_if_fail (self->kind != RDS_CONNECTION_EMBEDDED && kind != RDS_CONNECTION_EMBEDDED);

  self->kind = kind;
}

const char *
rds_connection_get_name (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  return self->name;
}

void
rds_connection_set_name (RdsConnection *self,
                         const char    *name)
{
  g_return_if_fail (RDS_IS_CONNECTION (self));

  set_text (&self->name, name);
}

/**
 * rds_connection_get_url:
 *
 * Returns: (nullable): the endpoint URL; %NULL for AWS's own endpoints
 */
const char *
rds_connection_get_url (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  return self->url;
}

void
rds_connection_set_url (RdsConnection *self,
                        const char    *url)
{
  g_return_if_fail (RDS_IS_CONNECTION (self));

  set_text (&self->url, url);
}

/**
 * rds_connection_get_region:
 *
 * Returns: (nullable): the Region to start in; %NULL for the profile's or
 *   the last one shown
 */
const char *
rds_connection_get_region (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  return self->region;
}

void
rds_connection_set_region (RdsConnection *self,
                           const char    *region)
{
  g_return_if_fail (RDS_IS_CONNECTION (self));

  set_text (&self->region, region);
}

const char *
rds_connection_get_access_key_id (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  return self->access_key_id;
}

void
rds_connection_set_access_key_id (RdsConnection *self,
                                  const char    *access_key_id)
{
  g_return_if_fail (RDS_IS_CONNECTION (self));

  set_text (&self->access_key_id, access_key_id);
}

const char *
rds_connection_get_profile (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  return self->profile;
}

void
rds_connection_set_profile (RdsConnection *self,
                            const char    *profile)
{
  g_return_if_fail (RDS_IS_CONNECTION (self));

  set_text (&self->profile, profile);
}

/**
 * rds_connection_needs_secret:
 *
 * Returns: whether the keyring has the connection's secret access key (an
 *   endpoint's or an account's; a profile's stays in ~/.aws)
 */
gboolean
rds_connection_needs_secret (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), FALSE);

  return self->kind == RDS_CONNECTION_ENDPOINT || self->kind == RDS_CONNECTION_ACCOUNT;
}

/**
 * rds_connection_describe:
 *
 * Returns: (transfer full): where the connection goes, in a line: "Loopback,
 *   started with the console", "http://127.0.0.1:9400", "AWS, us-east-1",
 *   "Profile “dev”"
 */
char *
rds_connection_describe (RdsConnection *self)
{
  g_return_val_if_fail (RDS_IS_CONNECTION (self), NULL);

  switch (self->kind)
    {
    case RDS_CONNECTION_EMBEDDED:
      return g_strdup (_("On this computer, started with the console"));
    case RDS_CONNECTION_ENDPOINT:
      return g_strdup (self->url != NULL ? self->url : "");
    case RDS_CONNECTION_ACCOUNT:
      /* Translators: %s is an AWS Region code such as us-east-1 */
      return g_strdup_printf (_("Amazon Web Services, %s"), self->region != NULL ? self->region : "us-east-1");
    case RDS_CONNECTION_PROFILE:
      if (self->url != NULL)
        /* Translators: an AWS CLI profile's name, then an endpoint URL */
        return g_strdup_printf (_("Profile “%s” at %s"), self->profile != NULL ? self->profile : "default",
                                self->url);
      /* Translators: %s is an AWS CLI profile's name */
      return g_strdup_printf (_("Profile “%s”"), self->profile != NULL ? self->profile : "default");
    default:
      g_assert_not_reached ();
    }
}
