/* rds-key-item.c: one KMS key as the KMS keys page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key's metadata (DescribeKey), its aliases (ListAliases) and the DB
 * instances of the Region that use it, with the words the table shows
 * for each: the page's rows bind to these properties. The page updates
 * an item in place when its key changes, so that the selection stays.
 */

#include "config.h"

#include "rds-key-item.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-format.h"
#include "rds-shape.h"

struct _RdsKeyItem
{
  GObject         parent_instance;

  RdsKeyMetadata *metadata;
  GStrv           aliases;
  GStrv           used_by;
};

G_DEFINE_FINAL_TYPE (RdsKeyItem, rds_key_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_METADATA,
  PROP_KEY_ID,
  PROP_ALIASES_TEXT,
  PROP_STATUS_TEXT,
  PROP_MANAGER_TEXT,
  PROP_DESCRIPTION,
  PROP_CREATED,
  PROP_CREATED_TEXT,
  PROP_USED_BY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
status_text (RdsKeyItem *self)
{
  const char *state = rds_key_item_get_state (self);

  if (g_strcmp0 (state, "Enabled") == 0)
    return g_strdup (C_("key state", "Enabled"));
  if (g_strcmp0 (state, "Disabled") == 0)
    return g_strdup (C_("key state", "Disabled"));
  if (g_strcmp0 (state, "PendingDeletion") == 0)
    {
      g_autofree char *when = rds_format_time_short (NULL, rds_shape_get_timestamp (RDS_SHAPE (self->metadata),
                                                                               "deletion-date"));

      /* Translators: a KMS key's status, with the date it will be deleted */
      return g_strdup_printf (_("Pending deletion (%s)"), when);
    }
  if (g_strcmp0 (state, "PendingImport") == 0)
    return g_strdup (C_("key state", "Pending import"));
  if (g_strcmp0 (state, "Unavailable") == 0)
    return g_strdup (C_("key state", "Unavailable"));
  return g_strdup (state != NULL ? state : "");
}

static char *
join_or_dash (const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return g_strdup ("–");
  return g_strjoinv (", ", (char **) values);
}

static void
rds_key_item_finalize (GObject *object)
{
  RdsKeyItem *self = RDS_KEY_ITEM (object);

  g_clear_object (&self->metadata);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->used_by, g_strfreev);

  G_OBJECT_CLASS (rds_key_item_parent_class)->finalize (object);
}

static void
rds_key_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdsKeyItem *self = RDS_KEY_ITEM (object);
  RdsShape *shape = RDS_SHAPE (self->metadata);

  switch (prop_id)
    {
    case PROP_METADATA:
      g_value_set_object (value, self->metadata);
      break;
    case PROP_KEY_ID:
      g_value_set_string (value, rds_key_item_get_key_id (self));
      break;
    case PROP_ALIASES_TEXT:
      g_value_take_string (value, join_or_dash ((const char * const *) self->aliases));
      break;
    case PROP_STATUS_TEXT:
      g_value_take_string (value, status_text (self));
      break;
    case PROP_MANAGER_TEXT:
      g_value_set_string (value, rds_key_item_is_aws_managed (self) ? _("AWS managed") : _("Customer managed"));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, rds_shape_get_string (shape, "description"));
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, rds_shape_get_timestamp (shape, "creation-date"));
      break;
    case PROP_CREATED_TEXT:
      g_value_take_string (value, rds_format_time_short (NULL, rds_shape_get_timestamp (shape, "creation-date")));
      break;
    case PROP_USED_BY_TEXT:
      g_value_take_string (value, join_or_dash ((const char * const *) self->used_by));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_key_item_class_init (RdsKeyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rds_key_item_finalize;
  object_class->get_property = rds_key_item_get_property;

  properties[PROP_METADATA] = g_param_spec_object ("metadata", NULL, NULL, RDS_TYPE_KEY_METADATA, flags);
  properties[PROP_KEY_ID] = g_param_spec_string ("key-id", NULL, NULL, NULL, flags);
  properties[PROP_ALIASES_TEXT] = g_param_spec_string ("aliases-text", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_TEXT] = g_param_spec_string ("status-text", NULL, NULL, NULL, flags);
  properties[PROP_MANAGER_TEXT] = g_param_spec_string ("manager-text", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_TEXT] = g_param_spec_string ("created-text", NULL, NULL, NULL, flags);
  properties[PROP_USED_BY_TEXT] = g_param_spec_string ("used-by-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_key_item_init (RdsKeyItem *self)
{
}

RdsKeyItem *
rds_key_item_new (RdsKeyMetadata *metadata)
{
  RdsKeyItem *self;

  g_return_val_if_fail (RDS_IS_KEY_METADATA (metadata), NULL);

  self = g_object_new (RDS_TYPE_KEY_ITEM, NULL);
  self->metadata = g_object_ref (metadata);
  return self;
}

RdsKeyMetadata *
rds_key_item_get_metadata (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  return self->metadata;
}

/* The key as DescribeKey sees it now: what changed notifies. */
void
rds_key_item_set_metadata (RdsKeyItem     *self,
                           RdsKeyMetadata *metadata)
{
  g_return_if_fail (RDS_IS_KEY_ITEM (self));
  g_return_if_fail (RDS_IS_KEY_METADATA (metadata));

  if (rds_shape_equal (RDS_SHAPE (self->metadata), RDS_SHAPE (metadata)))
    return;

  g_set_object (&self->metadata, metadata);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METADATA]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_TEXT]);
}

const char *
rds_key_item_get_key_id (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  return rds_shape_get_string (RDS_SHAPE (self->metadata), "key-id");
}

const char *
rds_key_item_get_arn (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  return rds_shape_get_string (RDS_SHAPE (self->metadata), "arn");
}

/* Its KeyState: Enabled, Disabled, PendingDeletion, ... */
const char *
rds_key_item_get_state (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  return rds_shape_get_string (RDS_SHAPE (self->metadata), "key-state");
}

gboolean
rds_key_item_is_aws_managed (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), FALSE);

  return g_strcmp0 (rds_shape_get_string (RDS_SHAPE (self->metadata), "key-manager"), "AWS") == 0;
}

const char * const *
rds_key_item_get_aliases (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  return (const char * const *) self->aliases;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

void
rds_key_item_set_aliases (RdsKeyItem         *self,
                          const char * const *aliases)
{
  g_return_if_fail (RDS_IS_KEY_ITEM (self));

  if (strv_equal ((const char * const *) self->aliases, aliases))
    return;

  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **) aliases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES_TEXT]);
}

/* The DB instances of the Region whose KmsKeyId is the key's ARN. */
const char * const *
rds_key_item_get_used_by (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  return (const char * const *) self->used_by;
}

void
rds_key_item_set_used_by (RdsKeyItem         *self,
                          const char * const *used_by)
{
  g_return_if_fail (RDS_IS_KEY_ITEM (self));

  if (strv_equal ((const char * const *) self->used_by, used_by))
    return;

  g_strfreev (self->used_by);
  self->used_by = g_strdupv ((char **) used_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USED_BY_TEXT]);
}

/**
 * rds_key_item_dup_name:
 *
 * Returns: (transfer full): how a person names the key: its first alias
 *   without "alias/", else its key ID
 */
char *
rds_key_item_dup_name (RdsKeyItem *self)
{
  g_return_val_if_fail (RDS_IS_KEY_ITEM (self), NULL);

  if (self->aliases != NULL && self->aliases[0] != NULL)
    {
      const char *alias = self->aliases[0];

      return g_strdup (g_str_has_prefix (alias, "alias/") ? alias + strlen ("alias/") : alias);
    }
  return g_strdup (rds_key_item_get_key_id (self));
}
