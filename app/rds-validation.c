/* rds-validation.c: what is wrong with a form's value, in the user's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizards check every field as the user types. The verdict comes from
 * the same rules the simulator enforces (rds-rules, rds-catalog); these
 * functions only say what is wrong in a translated sentence, as the RDS
 * console does, instead of the API's English message.
 */

#include "config.h"

#include "rds-validation.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rds-rules.h"

/* Whole decimal numbers only: "20", not "20GiB" or "2e1". */
gboolean
rds_parse_int (const char *text,
               int        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 number;

  if (*stripped == '\0' || strlen (stripped) > 9)
    return FALSE;
  for (const char *p = stripped; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  number = g_ascii_strtoll (stripped, NULL, 10);
  *value = (int) number;
  return TRUE;
}

/* The rules' own message when they reject what the checks above passed. */
static char *
rules_verdict (gboolean  valid,
               GError   *error)
{
  char *message = NULL;

  if (!valid)
    message = g_strdup (error != NULL ? error->message : _("The value is not valid."));
  g_clear_error (&error);
  return message;
}

static char *
identifier_problem (const char *value,
                    guint       max_length,
                    const char *empty_message)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length == 0)
    return g_strdup (empty_message);
  if (!g_ascii_isalpha (value[0]))
    return g_strdup (_("Must begin with a letter."));
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (value[i]) && value[i] != '-')
      return g_strdup (_("Can only contain ASCII letters, digits and hyphens."));
  if (strstr (value, "--") != NULL)
    return g_strdup (_("Can't contain two consecutive hyphens."));
  if (value[length - 1] == '-')
    return g_strdup (_("Can't end with a hyphen."));
  if (length > max_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Must be at most %u character long.",
                                         "Must be at most %u characters long.", max_length),
                            max_length);
  return NULL;
}

char *
rds_validate_instance_identifier (const char *value)
{
  char *problem = identifier_problem (value, 63, _("Enter a DB instance identifier."));
  GError *error = NULL;

  if (problem != NULL)
    return problem;
  return rules_verdict (rds_rules_check_identifier ("DBInstanceIdentifier", value, 63, &error),
                        error);
}

char *
rds_validate_snapshot_identifier (const char *value)
{
  char *problem = identifier_problem (value, 255, _("Enter a snapshot name."));
  GError *error = NULL;

  if (problem != NULL)
    return problem;
  return rules_verdict (rds_rules_check_identifier ("DBSnapshotIdentifier", value, 255, &error),
                        error);
}

char *
rds_validate_master_username (const RdsEngineInfo *engine,
                              const char          *value)
{
  gsize length = value != NULL ? strlen (value) : 0;
  GError *error = NULL;

  if (length == 0)
    return g_strdup (_("Enter a master username."));
  if (!g_ascii_isalpha (value[0]))
    return g_strdup (_("Must begin with a letter."));
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (value[i]) && value[i] != '_')
      return g_strdup (_("Can only contain ASCII letters, digits and underscores."));
  if (length > (gsize) engine->username_max)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Must be at most %d character long.",
                                         "Must be at most %d characters long.",
                                         engine->username_max),
                            engine->username_max);
  if (!rds_rules_check_master_username (engine, value, &error))
    {
      g_clear_error (&error);
      /* Translators: %s is a user name such as "admin" */
      return g_strdup_printf (_("“%s” is reserved by the database engine. Choose another name."),
                              value);
    }
  return NULL;
}

char *
rds_validate_master_password (const RdsEngineInfo *engine,
                              const char          *value)
{
  gsize length = value != NULL ? strlen (value) : 0;
  GError *error = NULL;

  if (length == 0)
    return g_strdup (_("Enter a master password."));
  for (gsize i = 0; i < length; i++)
    {
      guchar c = value[i];

      if (c < 0x21 || c > 0x7e || c == '/' || c == '@' || c == '"' ||
          (engine->family == RDS_FAMILY_ORACLE && (c == '&' || c == '\'')))
        return g_strdup (engine->family == RDS_FAMILY_ORACLE
                         ? _("Use printable ASCII characters other than / (slash), ' (single quote), "
                             "\" (double quote), @ (at sign), & (ampersand) and spaces.")
                         : _("Use printable ASCII characters other than / (slash), \" (double quote), "
                             "@ (at sign) and spaces."));
    }
  if (length < 8)
    return g_strdup (_("Must be at least 8 characters long."));
  if (length > (gsize) engine->password_max)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Must be at most %d character long.",
                                         "Must be at most %d characters long.",
                                         engine->password_max),
                            engine->password_max);
  return rules_verdict (rds_rules_check_master_password (engine, value, &error), error);
}

char *
rds_validate_password_confirmation (const char *password,
                                    const char *confirmation)
{
  if (confirmation == NULL || *confirmation == '\0')
    return g_strdup (_("Confirm the master password."));
  if (g_strcmp0 (password, confirmation) != 0)
    return g_strdup (_("The passwords don't match."));
  return NULL;
}

char *
rds_validate_db_name (const RdsEngineInfo *engine,
                      const char          *value)
{
  gsize length = value != NULL ? strlen (value) : 0;
  gsize max_length = engine->family == RDS_FAMILY_ORACLE ? 8
                   : engine->family == RDS_FAMILY_POSTGRES ? 63 : 64;
  GError *error = NULL;

  /* Blank: no initial database (PostgreSQL makes "postgres" anyway). */
  if (length == 0)
    return NULL;
  if (engine->family == RDS_FAMILY_SQLSERVER)
    return g_strdup (_("SQL Server doesn't take an initial database name; create databases once "
                       "the DB instance is available."));
  if (!g_ascii_isalpha (value[0]))
    return g_strdup (_("Must begin with a letter."));
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (value[i]) && !(value[i] == '_' && engine->family != RDS_FAMILY_ORACLE))
      return g_strdup (engine->family == RDS_FAMILY_ORACLE
                       ? _("Can only contain ASCII letters and digits.")
                       : _("Can only contain ASCII letters, digits and underscores."));
  if (length > max_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Must be at most %u character long.",
                                         "Must be at most %u characters long.", (guint) max_length),
                            (guint) max_length);
  return rules_verdict (rds_rules_check_db_name (engine, value, &error), error);
}

char *
rds_validate_port (const RdsEngineInfo *engine,
                   const char          *text,
                   int                 *port)
{
  GError *error = NULL;
  int value;

  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter a port number."));
  if (value < 1150 || value > 65535)
    return g_strdup (_("The port must be between 1150 and 65535."));
  if (!rds_rules_check_port (engine, value, &error))
    {
      g_clear_error (&error);
      return g_strdup (_("SQL Server can't use ports 1234, 1434, 3260, 3343, 3389, 47001 and "
                         "49152–49156."));
    }

  *port = value;
  return NULL;
}

/* @current: the instance's storage when modifying, 0 when creating. */
char *
rds_validate_allocated_storage (const RdsEngineInfo *engine,
                                const char          *storage_type,
                                const char          *text,
                                int                  current,
                                int                 *allocated)
{
  RdsStorageRules rules;
  int value;

  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the storage in GiB, as a whole number."));
  if (!rds_catalog_storage_rules (engine, storage_type, value, &rules))
    return g_strdup (_("Choose a storage type."));
  if (value < rules.min_storage || value > rules.max_storage)
    return g_strdup_printf (_("Must be between %d and %d GiB for this engine and storage type."),
                            rules.min_storage, rules.max_storage);
  if (current > 0 && value < current)
    return g_strdup_printf (_("Storage can't shrink: enter %d GiB or more."), current);
  if (current > 0 && value > current && value < (current * 11 + 9) / 10)
    return g_strdup_printf (_("Must grow by at least 10%%: enter %d GiB or more."),
                            (current * 11 + 9) / 10);

  *allocated = value;
  return NULL;
}

char *
rds_validate_iops (const RdsEngineInfo *engine,
                   const char          *storage_type,
                   int                  allocated,
                   const char          *text,
                   int                 *iops)
{
  RdsStorageRules rules;
  int value;

  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules) || rules.min_iops == 0)
    {
      *iops = 0;
      return NULL;
    }
  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the provisioned IOPS, as a whole number."));
  if (value < rules.min_iops || value > rules.max_iops)
    return g_strdup_printf (_("Must be between %d and %d IOPS at this size."),
                            rules.min_iops, rules.max_iops);
  if (rules.max_iops_per_gib > 0 && value > allocated * rules.max_iops_per_gib)
    return g_strdup_printf (_("At most %g IOPS per GiB: with %d GiB, at most %d IOPS."),
                            rules.max_iops_per_gib, allocated,
                            (int) (allocated * rules.max_iops_per_gib));
  if (rules.min_iops_per_gib > 0 && value < allocated * rules.min_iops_per_gib)
    return g_strdup_printf (_("At least %g IOPS per GiB: with %d GiB, at least %d IOPS."),
                            rules.min_iops_per_gib, allocated,
                            (int) (allocated * rules.min_iops_per_gib + 0.5));

  *iops = value;
  return NULL;
}

char *
rds_validate_throughput (const RdsEngineInfo *engine,
                         const char          *storage_type,
                         int                  allocated,
                         int                  iops,
                         const char          *text,
                         int                 *throughput)
{
  RdsStorageRules rules;
  int value;

  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules) ||
      rules.min_throughput == 0)
    {
      *throughput = 0;
      return NULL;
    }
  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the storage throughput in MiB/s, as a whole number."));
  if (value < rules.min_throughput || value > rules.max_throughput)
    return g_strdup_printf (_("Must be between %d and %d MiB/s."),
                            rules.min_throughput, rules.max_throughput);
  if (iops > 0 && value > iops / 4)
    return g_strdup_printf (_("At most 0.25 MiB/s per IOPS: with %d IOPS, at most %d MiB/s."),
                            iops, iops / 4);

  *throughput = value;
  return NULL;
}

char *
rds_validate_max_storage (const RdsEngineInfo *engine,
                          const char          *storage_type,
                          int                  allocated,
                          const char          *text,
                          int                 *max_storage)
{
  RdsStorageRules rules;
  int minimum = (allocated * 11 + 9) / 10;
  int value;

  if (!rds_parse_int (text, &value))
    return g_strdup (_("Enter the maximum storage threshold in GiB."));
  if (!rds_catalog_storage_rules (engine, storage_type, allocated, &rules))
    return g_strdup (_("Choose a storage type."));
  if (value < minimum)
    return g_strdup_printf (_("Must be at least 10%% more than the allocated storage: %d GiB or "
                              "more."), minimum);
  if (value > rules.max_storage)
    return g_strdup_printf (_("Must be at most %d GiB."), rules.max_storage);

  *max_storage = value;
  return NULL;
}

char *
rds_validate_kms_key (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (_("Enter a KMS key ID, alias or ARN."));
  if (strchr (value, ' ') != NULL)
    return g_strdup (_("A KMS key ID, alias or ARN has no spaces."));
  return NULL;
}
