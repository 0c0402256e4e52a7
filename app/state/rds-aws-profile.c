/* rds-aws-profile.c: credentials, Region and endpoint as the AWS CLI finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The AWS CLI's rules, so a user's setup works unchanged:
 *   - the profile is the one named, else $AWS_PROFILE, else "default";
 *   - ~/.aws/credentials (or $AWS_SHARED_CREDENTIALS_FILE) has "[name]"
 *     sections, ~/.aws/config (or $AWS_CONFIG_FILE) "[profile name]"
 *     ones ("[default]" in both), "key = value" lines and "#" or ";"
 *     comments;
 *   - the credentials come from the environment (AWS_ACCESS_KEY_ID,
 *     AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) when it has them, else
 *     from the credentials file, else from the config file;
 *   - the Region from AWS_REGION or AWS_DEFAULT_REGION, else the config;
 *   - the endpoint from AWS_ENDPOINT_URL_RDS or AWS_ENDPOINT_URL, else
 *     the config's endpoint_url.
 * Nothing read here is written anywhere; secrets are wiped when freed.
 */

#include "config.h"

#include "rds-aws-profile.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-secrets.h"

/* "key = value" lines by section, from an INI file the AWS way. */
static GHashTable *
read_ini (const char *path)
{
  GHashTable *sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_hash_table_unref);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *current = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return sections;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *equals;

      if (*line == '\0' || *line == '#' || *line == ';')
        continue;
      if (*line == '[' && line[strlen (line) - 1] == ']')
        {
          g_autofree char *name = g_strndup (line + 1, strlen (line) - 2);

          g_strstrip (name);
          current = g_hash_table_lookup (sections, name);
          if (current == NULL)
            {
              current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rds_secret_free);
              g_hash_table_insert (sections, g_strdup (name), current);
            }
          continue;
        }
      equals = strchr (line, '=');
      if (current == NULL || equals == NULL)
        continue;
      *equals = '\0';
      g_hash_table_insert (current, g_strdup (g_strstrip (line)), g_strdup (g_strstrip (equals + 1)));
    }
  explicit_bzero (text, strlen (text));

  return sections;
}

static char *
file_path (const char *variable,
           const char *name)
{
  const char *set = g_getenv (variable);

  if (set != NULL && *set != '\0')
    return g_strdup (set);
  return g_build_filename (g_get_home_dir (), ".aws", name, NULL);
}

static const char *
value_in (GHashTable *section,
          const char *key)
{
  const char *value = section != NULL ? g_hash_table_lookup (section, key) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

static const char *
env (const char *variable)
{
  const char *value = g_getenv (variable);

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * rds_aws_profile_resolve:
 * @name: (nullable): a profile's name, or %NULL for $AWS_PROFILE or "default"
 *
 * Returns: (transfer full) (nullable): what the AWS CLI would use, or %NULL
 *   with an error saying what to set when there are no credentials
 */
RdsAwsProfile *
rds_aws_profile_resolve (const char  *name,
                         GError     **error)
{
  g_autofree char *credentials_path = file_path ("AWS_SHARED_CREDENTIALS_FILE", "credentials");
  g_autofree char *config_path = file_path ("AWS_CONFIG_FILE", "config");
  g_autoptr(GHashTable) credentials = read_ini (credentials_path);
  g_autoptr(GHashTable) config = read_ini (config_path);
  g_autoptr(RdsAwsProfile) profile = g_new0 (RdsAwsProfile, 1);
  g_autofree char *config_section = NULL;
  GHashTable *in_credentials, *in_config;
  const char *key_id, *secret, *token;

  if (name == NULL)
    name = env ("AWS_PROFILE") != NULL ? env ("AWS_PROFILE") : "default";
  profile->name = g_strdup (name);
  config_section = g_str_equal (name, "default") ? g_strdup ("default") : g_strdup_printf ("profile %s", name);
  in_credentials = g_hash_table_lookup (credentials, name);
  in_config = g_hash_table_lookup (config, config_section);

  if (env ("AWS_ACCESS_KEY_ID") != NULL && env ("AWS_SECRET_ACCESS_KEY") != NULL)
    {
      key_id = env ("AWS_ACCESS_KEY_ID");
      secret = env ("AWS_SECRET_ACCESS_KEY");
      token = env ("AWS_SESSION_TOKEN");
    }
  else if (value_in (in_credentials, "aws_access_key_id") != NULL)
    {
      key_id = value_in (in_credentials, "aws_access_key_id");
      secret = value_in (in_credentials, "aws_secret_access_key");
      token = value_in (in_credentials, "aws_session_token");
    }
  else
    {
      key_id = value_in (in_config, "aws_access_key_id");
      secret = value_in (in_config, "aws_secret_access_key");
      token = value_in (in_config, "aws_session_token");
    }

  if (key_id == NULL || secret == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No credentials for the AWS profile “%s”: set AWS_ACCESS_KEY_ID and "
                     "AWS_SECRET_ACCESS_KEY, or add them to %s (aws configure does)."),
                   name, credentials_path);
      return NULL;
    }
  profile->access_key_id = g_strdup (key_id);
  profile->secret_access_key = g_strdup (secret);
  profile->session_token = g_strdup (token);

  profile->region = g_strdup (env ("AWS_REGION") != NULL ? env ("AWS_REGION")
                              : env ("AWS_DEFAULT_REGION") != NULL ? env ("AWS_DEFAULT_REGION")
                              : value_in (in_config, "region"));
  profile->endpoint_url = g_strdup (env ("AWS_ENDPOINT_URL_RDS") != NULL ? env ("AWS_ENDPOINT_URL_RDS")
                                    : env ("AWS_ENDPOINT_URL") != NULL ? env ("AWS_ENDPOINT_URL")
                                    : value_in (in_config, "endpoint_url"));

  return g_steal_pointer (&profile);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rds_aws_profile_list:
 *
 * Returns: (transfer full): the profiles of the config and credentials
 *   files, each once, sorted
 */
char **
rds_aws_profile_list (void)
{
  g_autofree char *credentials_path = file_path ("AWS_SHARED_CREDENTIALS_FILE", "credentials");
  g_autofree char *config_path = file_path ("AWS_CONFIG_FILE", "config");
  g_autoptr(GHashTable) credentials = read_ini (credentials_path);
  g_autoptr(GHashTable) config = read_ini (config_path);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, credentials);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_hash_table_iter_init (&iter, config);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *section = key;
      const char *name = g_str_has_prefix (section, "profile ") ? section + strlen ("profile ")
                         : g_str_equal (section, "default") ? section : NULL;

      if (name != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 1; i < names->len;)
    if (g_str_equal (g_ptr_array_index (names, i), g_ptr_array_index (names, i - 1)))
      g_ptr_array_remove_index (names, i);
    else
      i++;
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_steal (names, NULL);
}

void
rds_aws_profile_free (RdsAwsProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->region);
  g_free (profile->access_key_id);
  rds_secret_free (profile->secret_access_key);
  rds_secret_free (profile->session_token);
  g_free (profile->endpoint_url);
  g_free (profile);
}
