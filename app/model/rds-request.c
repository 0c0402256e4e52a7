/* rds-request.c: the parameters of one Query API call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Query protocol is flat: every parameter is a name and a string, lists
 * are numbered from 1 (`VpcSecurityGroupIds.VpcSecurityGroupId.1`) and
 * structures spell out their members (`Tags.Tag.1.Key`). A request keeps
 * exactly that, so what the client encodes is what the server decodes, and
 * the engine reads typed values from it with the AWS errors for bad ones.
 */

#include "config.h"

#include "rds-request.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rds-aws-error.h"
#include "rds-shape.h"
#include "rds-tag.h"

struct _RdsRequest
{
  GObject       parent_instance;

  const RdsApi *api;
  char         *action;
  GHashTable   *typed;   /* parameter → 'n' (number) or 'b' (boolean), for JSON */
  GHashTable *params;
};

G_DEFINE_FINAL_TYPE (RdsRequest, rds_request, G_TYPE_OBJECT)

void
rds_filter_free (RdsFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->name);
  g_strfreev (filter->values);
  g_free (filter);
}

static void
rds_request_finalize (GObject *object)
{
  RdsRequest *self = RDS_REQUEST (object);

  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->params, g_hash_table_unref);
  g_clear_pointer (&self->typed, g_hash_table_unref);

  G_OBJECT_CLASS (rds_request_parent_class)->finalize (object);
}

static void
rds_request_class_init (RdsRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_request_finalize;
}

static void
rds_request_init (RdsRequest *self)
{
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

RdsRequest *
rds_request_new (const char *action)
{
  return rds_request_new_for_api (&rds_api_rds, action);
}

/**
 * rds_request_new_for_api:
 * @api: the API @action belongs to
 *
 * Returns: (transfer full): an empty request for @api's @action
 */
RdsRequest *
rds_request_new_for_api (const RdsApi *api,
                         const char   *action)
{
  RdsRequest *self;

  g_return_val_if_fail (api != NULL, NULL);
  g_return_val_if_fail (action != NULL, NULL);

  self = g_object_new (RDS_TYPE_REQUEST, NULL);
  self->api = api;
  self->action = g_strdup (action);

  return self;
}

/* Decodes one `application/x-www-form-urlencoded` text into @form. */
static gboolean
decode_form_text (GHashTable  *form,
                  const char  *text,
                  gsize        length,
                  GError     **error)
{
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *stop = amp != NULL ? amp : end;
      const char *eq = memchr (p, '=', stop - p);
      g_autofree char *raw_name = NULL;
      g_autofree char *raw_value = NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (stop == p)
        {
          p = stop + 1;
          continue;
        }

      raw_name = g_strndup (p, (eq != NULL ? eq : stop) - p);
      raw_value = eq != NULL ? g_strndup (eq + 1, stop - eq - 1) : g_strdup ("");
      g_strdelimit (raw_name, "+", ' ');
      g_strdelimit (raw_value, "+", ' ');
      /* NULL for a bad escape, or an escaped NUL that would cut it short. */
      name = g_uri_unescape_string (raw_name, NULL);
      value = g_uri_unescape_string (raw_value, NULL);
      if (name == NULL || value == NULL)
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MALFORMED_QUERY_STRING,
                               "The request has a malformed percent-encoding (a '%' must be "
                               "followed by two hexadecimal digits, and %00 is not allowed).");
          return FALSE;
        }
      if (!g_utf8_validate (name, -1, NULL))
        {
          g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MALFORMED_QUERY_STRING,
                               "A parameter name is not valid UTF-8 text.");
          return FALSE;
        }
      if (!g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "The value of %s is not valid UTF-8 text.", name);
          return FALSE;
        }
      if (g_hash_table_contains (form, name))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MALFORMED_QUERY_STRING,
                       "The parameter %s is given more than once; give each parameter once.",
                       name);
          return FALSE;
        }

      g_hash_table_insert (form, g_steal_pointer (&name), g_steal_pointer (&value));
      p = stop + 1;
    }

  return TRUE;
}

/**
 * rds_request_decode_form:
 * @body: (nullable): the form-encoded body
 * @query: (nullable): the URL's query string
 *
 * Decodes a Query API request's parameters, from its body and its query
 * string together. Unlike a lenient form decoder it refuses what would
 * otherwise be silently lost or stored as it came: a parameter given twice,
 * a bad percent-escape, text that is not UTF-8.
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): the
 *   parameters, or %NULL with an %RDS_AWS_ERROR
 */
GHashTable *
rds_request_decode_form (const char  *body,
                         gsize        body_length,
                         const char  *query,
                         GError     **error)
{
  g_autoptr(GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (body != NULL && !decode_form_text (form, body, body_length, error))
    return NULL;
  if (query != NULL && !decode_form_text (form, query, strlen (query), error))
    return NULL;

  return g_steal_pointer (&form);
}

/* A list index as AWS writes them: 1, 2, … with no leading zero. */
static gboolean
is_index (const char *segment,
          gsize       length)
{
  if (length == 0 || length > 9 || segment[0] == '0')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (segment[i]))
      return FALSE;
  return TRUE;
}

/* Lists are numbered from 1 without gaps: a `Tags.Tag.3.Key` with no
 * `Tags.Tag.2` would otherwise be lost without a word, and a lone
 * `Filters.Filter.2` would leave a call unfiltered. */
static gboolean
check_list_numbering (GHashTable  *form,
                      GError     **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name = key;

      for (const char *dot = strchr (name, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
        {
          const char *segment = dot + 1;
          const char *next = strchr (segment, '.');
          gsize length = next != NULL ? (gsize) (next - segment) : strlen (segment);

          if (length > 0 && g_ascii_isdigit (segment[0]))
            {
              if (!is_index (segment, length))
                {
                  g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                               "The parameter %s has a malformed list index: list items are "
                               "numbered 1, 2, 3 and so on.", name);
                  return FALSE;
                }
              g_hash_table_add (items, g_strndup (name, segment + length - name));
            }
        }
    }

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *item = key;
      const char *dot = strrchr (item, '.');
      guint64 index = g_ascii_strtoull (dot + 1, NULL, 10);
      g_autofree char *previous = NULL;

      if (index == 1)
        continue;
      previous = g_strdup_printf ("%.*s.%" G_GUINT64_FORMAT, (int) (dot - item), item, index - 1);
      if (!g_hash_table_contains (items, previous))
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "The request has %s but no %s: list items are numbered from 1 with no "
                       "gaps.", item, previous);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rds_request_new_from_form:
 * @api: the API the request was signed for; its Version is the one taken
 * @form: (element-type utf8 utf8): decoded form fields, with Action and Version
 *
 * Returns: (transfer full) (nullable): the request, or %NULL with
 *   %RDS_AWS_ERROR_MISSING_PARAMETER or %RDS_AWS_ERROR_INVALID_ACTION
 */
RdsRequest *
rds_request_new_from_form (const RdsApi  *api,
                           GHashTable    *form,
                           GError       **error)
{
  g_autoptr(RdsRequest) self = NULL;
  const char *action;
  const char *version;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (api != NULL, NULL);
  g_return_val_if_fail (form != NULL, NULL);

  action = g_hash_table_lookup (form, "Action");
  if (action == NULL || *action == '\0')
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The request must contain the parameter Action.");
      return NULL;
    }

  version = g_hash_table_lookup (form, "Version");
  if (version == NULL || *version == '\0')
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The request must contain the parameter Version.");
      return NULL;
    }
  if (!g_str_equal (version, api->version))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_ACTION,
                   "Could not find operation %s for version %s; this endpoint speaks "
                   "version %s.", action, version, api->version);
      return NULL;
    }

  if (!check_list_numbering (form, error))
    return NULL;

  self = rds_request_new_for_api (api, action);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_equal (key, "Action") && !g_str_equal (key, "Version"))
      g_hash_table_insert (self->params, g_strdup (key), g_strdup (value));

  return g_steal_pointer (&self);
}

/**
 * rds_request_get_api:
 *
 * Returns: the API the request is for, which its Version and signature follow
 */
const RdsApi *
rds_request_get_api (RdsRequest *self)
{
  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  return self->api;
}

const char *
rds_request_get_action (RdsRequest *self)
{
  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  return self->action;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rds_request_encode:
 *
 * Returns: (transfer full): the form-encoded body, Action and Version first
 *   and the rest sorted, so equal requests encode equally
 */
char *
rds_request_encode (RdsRequest *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GString *out;

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  out = g_string_new ("Action=");
  g_string_append_uri_escaped (out, self->action, NULL, FALSE);
  g_string_append (out, "&Version=");
  g_string_append_uri_escaped (out, self->api->version, NULL, FALSE);

  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = g_ptr_array_index (keys, i);

      g_string_append_c (out, '&');
      g_string_append_uri_escaped (out, name, NULL, FALSE);
      g_string_append_c (out, '=');
      g_string_append_uri_escaped (out, g_hash_table_lookup (self->params, name), NULL, FALSE);
    }

  return g_string_free (out, FALSE);
}

/**
 * rds_request_is_empty_of:
 * @prefix: a parameter name
 *
 * Returns: whether no parameter is @prefix or starts with "@prefix."
 */
gboolean
rds_request_is_empty_of (RdsRequest *self,
                         const char *prefix)
{
  GHashTableIter iter;
  gpointer key;
  gsize length = strlen (prefix);

  g_return_val_if_fail (RDS_IS_REQUEST (self), TRUE);

  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name = key;

      if (strncmp (name, prefix, length) == 0 && (name[length] == '\0' || name[length] == '.'))
        return FALSE;
    }

  return TRUE;
}

static int
strcmp_indirect (const char * const *a,
                 const char * const *b)
{
  return g_strcmp0 (*a, *b);
}

/**
 * rds_request_dup_names:
 *
 * Returns: (transfer full): the names of the parameters set, sorted
 */
char **
rds_request_dup_names (RdsRequest *self)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  char **names;

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  keys = g_hash_table_get_keys_as_array (self->params, &n);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (keys[i]);
  qsort (names, n, sizeof (char *), (int (*) (const void *, const void *)) strcmp_indirect);
  return names;
}

/**
 * rds_request_copy:
 *
 * Returns: (transfer full): a request of the same action with the same
 *   parameters
 */
RdsRequest *
rds_request_copy (RdsRequest *self)
{
  RdsRequest *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  copy = rds_request_new_for_api (self->api, self->action);
  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->params, g_strdup (key), g_strdup (value));
  g_hash_table_iter_init (&iter, self->typed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->typed, g_strdup (key), value);
  return copy;
}

void
rds_request_set (RdsRequest *self,
                 const char *name,
                 const char *value)
{
  g_return_if_fail (RDS_IS_REQUEST (self));
  g_return_if_fail (name != NULL);

  g_hash_table_remove (self->typed, name);
  if (value == NULL)
    g_hash_table_remove (self->params, name);
  else
    g_hash_table_insert (self->params, g_strdup (name), g_strdup (value));
}

void
rds_request_set_int (RdsRequest *self,
                     const char *name,
                     gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  rds_request_set (self, name, buffer);
  g_hash_table_insert (self->typed, g_strdup (name), GINT_TO_POINTER ('n'));
}

void
rds_request_set_boolean (RdsRequest *self,
                         const char *name,
                         gboolean    value)
{
  rds_request_set (self, name, value ? "true" : "false");
  g_hash_table_insert (self->typed, g_strdup (name), GINT_TO_POINTER ('b'));
}

void
rds_request_set_timestamp (RdsRequest *self,
                           const char *name,
                           gint64      usec)
{
  g_autofree char *text = rds_format_timestamp (usec);

  rds_request_set (self, name, text);
}

static guint
next_index (RdsRequest *self,
            const char *prefix)
{
  guint index = 1;

  for (;;)
    {
      g_autofree char *probe = g_strdup_printf ("%s.%u", prefix, index);

      if (!g_hash_table_contains (self->params, probe) && rds_request_is_empty_of (self, probe))
        return index;
      index++;
    }
}

void
rds_request_add_list_item (RdsRequest *self,
                           const char *name,
                           const char *member,
                           const char *value)
{
  g_autofree char *prefix = g_strdup_printf ("%s.%s", name, member != NULL ? member : "member");
  g_autofree char *key = NULL;

  g_return_if_fail (RDS_IS_REQUEST (self));

  key = g_strdup_printf ("%s.%u", prefix, next_index (self, prefix));
  rds_request_set (self, key, value);
}

void
rds_request_add_tag (RdsRequest *self,
                     const char *name,
                     const char *key,
                     const char *value)
{
  g_autofree char *prefix = g_strdup_printf ("%s.Tag", name);
  g_autofree char *key_name = NULL;
  g_autofree char *value_name = NULL;
  guint index;

  g_return_if_fail (RDS_IS_REQUEST (self));

  index = next_index (self, prefix);
  key_name = g_strdup_printf ("%s.%u.Key", prefix, index);
  value_name = g_strdup_printf ("%s.%u.Value", prefix, index);
  rds_request_set (self, key_name, key);
  if (value != NULL)
    rds_request_set (self, value_name, value);
}

void
rds_request_add_filter (RdsRequest         *self,
                        const char         *name,
                        const char * const *values)
{
  guint index;
  g_autofree char *name_key = NULL;

  g_return_if_fail (RDS_IS_REQUEST (self));

  index = next_index (self, "Filters.Filter");
  name_key = g_strdup_printf ("Filters.Filter.%u.Name", index);
  rds_request_set (self, name_key, name);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value_key = g_strdup_printf ("Filters.Filter.%u.Values.Value.%u",
                                                    index, i + 1);
      rds_request_set (self, value_key, values[i]);
    }
}

gboolean
rds_request_has (RdsRequest *self,
                 const char *name)
{
  g_return_val_if_fail (RDS_IS_REQUEST (self), FALSE);

  return g_hash_table_contains (self->params, name);
}

const char *
rds_request_get_string (RdsRequest *self,
                        const char *name)
{
  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  return g_hash_table_lookup (self->params, name);
}

/**
 * rds_request_require_string:
 *
 * Returns: the value of a required parameter, or %NULL with
 *   %RDS_AWS_ERROR_MISSING_PARAMETER when it is absent or empty
 */
const char *
rds_request_require_string (RdsRequest  *self,
                            const char  *name,
                            GError     **error)
{
  const char *value = rds_request_get_string (self, name);

  if (value == NULL || *value == '\0')
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                   "The request must contain the parameter %s.", name);
      return NULL;
    }

  return value;
}

gboolean
rds_request_get_int (RdsRequest  *self,
                     const char  *name,
                     int         *value,
                     GError     **error)
{
  const char *text = rds_request_get_string (self, name);
  char *end = NULL;
  gint64 parsed;

  if (text == NULL)
    return TRUE;

  errno = 0;
  parsed = g_ascii_strtoll (text, &end, 10);
  if (*text == '\0' || end == text || *end != '\0' || errno != 0 ||
      parsed < G_MININT || parsed > G_MAXINT)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid value '%s' for %s: it must be a whole number.", text, name);
      return FALSE;
    }

  *value = (int) parsed;
  return TRUE;
}

gboolean
rds_request_get_boolean (RdsRequest  *self,
                         const char  *name,
                         gboolean    *value,
                         GError     **error)
{
  const char *text = rds_request_get_string (self, name);

  if (text == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (text, "true") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    *value = FALSE;
  else
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid value '%s' for %s: it must be true or false.", text, name);
      return FALSE;
    }

  return TRUE;
}

gboolean
rds_request_get_timestamp (RdsRequest  *self,
                           const char  *name,
                           gint64      *usec,
                           GError     **error)
{
  const char *text = rds_request_get_string (self, name);

  if (text == NULL)
    return TRUE;

  if (!rds_parse_timestamp (text, usec))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid value '%s' for %s: it must be an ISO 8601 time such as "
                   "2024-01-31T12:00:00Z.", text, name);
      return FALSE;
    }

  return TRUE;
}

/**
 * rds_request_get_list:
 * @name: the list parameter, such as "VpcSecurityGroupIds"
 * @member: its member name, such as "VpcSecurityGroupId" ("member" is
 *   accepted too)
 *
 * Returns: (transfer full) (nullable): the items in order, or %NULL when the
 *   list is absent
 */
char **
rds_request_get_list (RdsRequest *self,
                      const char *name,
                      const char *member)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const char *members[] = { member, "member" };
  gboolean found = FALSE;

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  builder = g_strv_builder_new ();
  for (guint m = 0; m < G_N_ELEMENTS (members) && !found; m++)
    {
      if (members[m] == NULL)
        continue;
      for (guint i = 1;; i++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s.%u", name, members[m], i);
          const char *value = g_hash_table_lookup (self->params, key);

          if (value == NULL)
            break;
          g_strv_builder_add (builder, value);
          found = TRUE;
        }
    }

  /* An explicitly empty list is sent as "Name=". */
  if (!found && !g_hash_table_contains (self->params, name))
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * rds_request_get_tags:
 *
 * Returns: (transfer full) (element-type RdsTag) (nullable): the tags, an
 *   empty array when absent, or %NULL with an error when a key is missing
 */
GPtrArray *
rds_request_get_tags (RdsRequest  *self,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *key_name = g_strdup_printf ("%s.Tag.%u.Key", name, i);
      g_autofree char *value_name = g_strdup_printf ("%s.Tag.%u.Value", name, i);
      g_autofree char *any = g_strdup_printf ("%s.Tag.%u", name, i);
      const char *key = g_hash_table_lookup (self->params, key_name);
      const char *value = g_hash_table_lookup (self->params, value_name);

      if (key == NULL)
        {
          if (!rds_request_is_empty_of (self, any))
            {
              g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The request must contain the parameter %s.", key_name);
              return NULL;
            }
          break;
        }

      g_ptr_array_add (tags, g_object_new (RDS_TYPE_TAG, "key", key, "value", value, NULL));
    }

  return g_steal_pointer (&tags);
}

/**
 * rds_request_get_filters:
 *
 * Returns: (transfer full) (element-type RdsFilter) (nullable): the filters,
 *   or %NULL with an error when a filter lacks a name or values
 */
GPtrArray *
rds_request_get_filters (RdsRequest  *self,
                         GError     **error)
{
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) rds_filter_free);

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *name_key = g_strdup_printf ("Filters.Filter.%u.Name", i);
      g_autofree char *values_key = g_strdup_printf ("Filters.Filter.%u.Values", i);
      g_autofree char *any = g_strdup_printf ("Filters.Filter.%u", i);
      const char *name = g_hash_table_lookup (self->params, name_key);
      RdsFilter *filter;

      if (name == NULL)
        {
          if (!rds_request_is_empty_of (self, any))
            {
              g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The request must contain the parameter %s.", name_key);
              return NULL;
            }
          break;
        }

      filter = g_new0 (RdsFilter, 1);
      filter->name = g_strdup (name);
      filter->values = rds_request_get_list (self, values_key, "Value");
      g_ptr_array_add (filters, filter);

      if (filter->values == NULL || filter->values[0] == NULL)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "The filter %s must have at least one value.", name);
          return NULL;
        }
    }

  return g_steal_pointer (&filters);
}

/* AWS JSON 1.1
 *
 * A JSON service's request is the same flat list, read as paths:
 * "Tags.member.2.TagKey" is {"Tags": [_, {"TagKey": …}]} (back as
 * "member" whatever the member's name was) and
 * "EncryptionContext.purpose" is {"EncryptionContext": {"purpose": …}}.
 * Numbers and booleans are sent typed when they were set typed. */

/* A node holding a new empty object (or array); the node owns it. */
static JsonNode *
new_container (gboolean array)
{
  JsonNode *node = json_node_new (array ? JSON_NODE_ARRAY : JSON_NODE_OBJECT);

  if (array)
    json_node_take_array (node, json_array_new ());
  else
    json_node_take_object (node, json_object_new ());
  return node;
}

static JsonNode *
ensure_child (JsonNode   *parent,
              const char *name,
              gboolean    array)
{
  JsonObject *object = json_node_get_object (parent);
  JsonNode *child = json_object_get_member (object, name);

  if (child == NULL)
    {
      child = new_container (array);
      json_object_set_member (object, name, child);
    }
  return child;
}

static void
set_value (JsonNode   *node,
           const char *value,
           int         type)
{
  gint64 number;

  if (type == 'n' && g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    json_node_init_int (node, number);
  else if (type == 'b')
    json_node_init_boolean (node, g_str_equal (value, "true"));
  else
    json_node_init_string (node, value);
}

/* Puts @value at @path under @parent, an object. */
static void
insert_path (JsonNode    *parent,
             char       **path,
             const char  *value,
             int          type)
{
  guint64 index = 0;

  if (path[1] == NULL)
    {
      JsonNode *leaf = json_node_alloc ();

      set_value (leaf, value, type);
      json_object_set_member (json_node_get_object (parent), path[0], leaf);
      return;
    }

  /* A list: "Name.member.N" (or the Query API's own member names,
   * "Tags.Tag.N"). */
  if (path[2] != NULL && g_ascii_string_to_unsigned (path[2], 10, 1, 10000, &index, NULL))
    {
      JsonArray *array = json_node_get_array (ensure_child (parent, path[0], TRUE));
      JsonNode *element;

      while (json_array_get_length (array) < index)
        json_array_add_null_element (array);
      element = json_array_get_element (array, index - 1);
      if (path[3] == NULL)
        set_value (element, value, type);
      else
        {
          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *object = json_object_new ();

              json_node_init_object (element, object);
              json_object_unref (object);
            }
          insert_path (element, path + 3, value, type);
        }
      return;
    }

  insert_path (ensure_child (parent, path[0], FALSE), path + 1, value, type);
}

/**
 * rds_request_to_json:
 *
 * Returns: (transfer full): the request's parameters as the JSON object
 *   an AWS JSON 1.1 service takes (without Action: that is X-Amz-Target)
 */
JsonNode *
rds_request_to_json (RdsRequest *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  JsonNode *root;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RDS_IS_REQUEST (self), NULL);

  root = new_container (FALSE);
  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = g_ptr_array_index (keys, i);
      g_auto(GStrv) path = g_strsplit (name, ".", -1);

      insert_path (root, path, g_hash_table_lookup (self->params, name),
                   GPOINTER_TO_INT (g_hash_table_lookup (self->typed, name)));
    }

  return root;
}

static gboolean
flatten (RdsRequest  *self,
         const char  *prefix,
         JsonNode    *node,
         GError     **error)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);

            if (!flatten (self, path, member, error))
              return FALSE;
          }
      }
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *path = g_strdup_printf ("%s.member.%u", prefix, i + 1);

            if (!flatten (self, path, json_array_get_element (array, i), error))
              return FALSE;
          }
      }
      return TRUE;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          rds_request_set_int (self, prefix, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          rds_request_set_boolean (self, prefix, json_node_get_boolean (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            rds_request_set (self, prefix, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
          break;
        case G_TYPE_STRING:
        default:
          rds_request_set (self, prefix, json_node_get_string (node));
          break;
        }
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * rds_request_new_from_json:
 * @api: a JSON service
 * @action: the action named by X-Amz-Target
 * @body: the request's JSON
 *
 * Returns: (transfer full) (nullable): the request, or %NULL with
 *   %RDS_AWS_ERROR_SERIALIZATION when @body is not an object
 */
RdsRequest *
rds_request_new_from_json (const RdsApi  *api,
                           const char    *action,
                           JsonNode      *body,
                           GError       **error)
{
  g_autoptr(RdsRequest) self = NULL;

  g_return_val_if_fail (api != NULL, NULL);
  g_return_val_if_fail (action != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_SERIALIZATION,
                           "The request body must be a JSON object.");
      return NULL;
    }

  self = rds_request_new_for_api (api, action);
  if (!flatten (self, NULL, body, error))
    return NULL;
  return g_steal_pointer (&self);
}
