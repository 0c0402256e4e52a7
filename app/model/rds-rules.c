/* rds-rules.c: RDS's rules for names, credentials, ports and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the simulator, which enforces them, and the console, which
 * checks fields as the user types. The rules and, where one was observed,
 * the wording of the service's messages come from shared/reference/rds.md
 * §1.3 and §1.4.
 */

#include "config.h"

#include "rds-rules.h"

#include <stdio.h>
#include <string.h>

#include "rds-aws-error.h"

static const char * const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/**
 * rds_rules_check_identifier:
 * @parameter: the parameter name, for the message
 * @max_length: 63 for instances, 255 for snapshots
 *
 * 1 to @max_length letters, digits or hyphens; a letter first; no hyphen at
 * the end and no two in a row.
 */
gboolean
rds_rules_check_identifier (const char *parameter,
                            const char *value,
                            guint       max_length,
                            GError    **error)
{
  gsize length = value != NULL ? strlen (value) : 0;
  gboolean valid = length > 0 && g_ascii_isalpha (value[0]) && value[length - 1] != '-';

  for (gsize i = 0; valid && i < length; i++)
    {
      if (!g_ascii_isalnum (value[i]) && value[i] != '-')
        valid = FALSE;
      if (value[i] == '-' && i + 1 < length && value[i + 1] == '-')
        valid = FALSE;
    }

  if (!valid)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The parameter %s is not a valid identifier. Identifiers must begin with a "
                   "letter; must contain only ASCII letters, digits, and hyphens; and must not "
                   "end with a hyphen or contain two consecutive hyphens.", parameter);
      return FALSE;
    }

  if (length > max_length)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The parameter %s is not a valid identifier: it is %" G_GSIZE_FORMAT
                   " characters long, and identifiers can have at most %u.",
                   parameter, length, max_length);
      return FALSE;
    }

  return TRUE;
}

static const char * const reserved_usernames[] = {
  "rdsadmin", "rdsrepladmin", "rds_superuser", "rdsa", "sa", "sys", "system", "public",
  "select", "insert", "update", "delete", "table", "user", "all", "grant", "from", "where",
  "create", "drop", "alter", "database", "index", "order", "group", "null",
  NULL
};

gboolean
rds_rules_check_master_username (const RdsEngineInfo *engine,
                                 const char          *username,
                                 GError             **error)
{
  gsize length = username != NULL ? strlen (username) : 0;
  g_autofree char *lower = NULL;
  gboolean valid = length > 0 && g_ascii_isalpha (username[0]);

  for (gsize i = 0; valid && i < length; i++)
    if (!g_ascii_isalnum (username[i]) && username[i] != '_')
      valid = FALSE;

  if (length == 0)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The parameter MasterUsername must be provided and must not be blank.");
      return FALSE;
    }

  if (!valid || length > (gsize) engine->username_max)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The parameter MasterUsername is not valid: for %s it must be 1 to %d letters, "
                   "digits or underscores, beginning with a letter.",
                   engine->engine, engine->username_max);
      return FALSE;
    }

  lower = g_ascii_strdown (username, -1);
  if (g_strv_contains (reserved_usernames, lower) ||
      (engine->family == RDS_FAMILY_POSTGRES && g_str_has_prefix (lower, "pg_")))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "MasterUsername %s cannot be used as it is a reserved word used by the engine",
                   username);
      return FALSE;
    }

  return TRUE;
}

gboolean
rds_rules_check_master_password (const RdsEngineInfo *engine,
                                 const char          *password,
                                 GError             **error)
{
  gsize length = password != NULL ? strlen (password) : 0;

  if (length == 0)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_MISSING_PARAMETER,
                           "The parameter MasterUserPassword must be provided and must not be blank.");
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = password[i];
      gboolean oracle_excluded = engine->family == RDS_FAMILY_ORACLE && (c == '&' || c == '\'');

      if (c < 0x21 || c > 0x7e || c == '/' || c == '@' || c == '"' || oracle_excluded)
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "The parameter MasterUserPassword is not a valid password. Only printable "
                       "ASCII characters besides '/', '@', '\"', ' '%s may be used.",
                       engine->family == RDS_FAMILY_ORACLE ? ", '&', '''" : "");
          return FALSE;
        }
    }

  if (length < 8)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "The parameter MasterUserPassword is not a valid password because it "
                           "is shorter than 8 characters.");
      return FALSE;
    }

  if (length > (gsize) engine->password_max)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The parameter MasterUserPassword is not a valid password because it is "
                   "longer than %d characters.", engine->password_max);
      return FALSE;
    }

  return TRUE;
}

gboolean
rds_rules_check_db_name (const RdsEngineInfo *engine,
                         const char          *db_name,
                         GError             **error)
{
  gsize length;
  gsize max_length;
  gboolean valid;

  if (db_name == NULL)
    return TRUE;

  if (engine->family == RDS_FAMILY_SQLSERVER)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "The parameter DBName must be null for SQL Server; create "
                           "databases after the instance is available.");
      return FALSE;
    }

  length = strlen (db_name);
  switch (engine->family)
    {
    case RDS_FAMILY_ORACLE:
      max_length = 8;
      break;
    case RDS_FAMILY_POSTGRES:
      max_length = 63;
      break;
    case RDS_FAMILY_MYSQL:
    case RDS_FAMILY_MARIADB:
    case RDS_FAMILY_SQLSERVER:
    default:
      max_length = 64;
      break;
    }

  valid = length > 0 && g_ascii_isalpha (db_name[0]);
  for (gsize i = 0; valid && i < length; i++)
    if (!g_ascii_isalnum (db_name[i]) &&
        !(db_name[i] == '_' && engine->family != RDS_FAMILY_ORACLE))
      valid = FALSE;

  if (!valid)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "DBName must begin with a letter and contain only alphanumeric "
                           "characters.");
      return FALSE;
    }

  if (length > max_length)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "The parameter DBName is too long: for %s it can have at most %"
                   G_GSIZE_FORMAT " characters.", engine->engine, max_length);
      return FALSE;
    }

  return TRUE;
}

gboolean
rds_rules_check_port (const RdsEngineInfo *engine,
                      int                  port,
                      GError             **error)
{
  static const int sqlserver_reserved[] = { 1234, 1434, 3260, 3343, 3389, 47001,
                                            49152, 49153, 49154, 49155, 49156 };

  if (port < 1150 || port > 65535)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid port %d: the database port must be between 1150 and 65535.", port);
      return FALSE;
    }

  if (engine->family == RDS_FAMILY_SQLSERVER)
    for (guint i = 0; i < G_N_ELEMENTS (sqlserver_reserved); i++)
      if (port == sqlserver_reserved[i])
        {
          g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                       "Invalid port %d: SQL Server can't use ports 1234, 1434, 3260, 3343, 3389, "
                       "47001 or 49152-49156.", port);
          return FALSE;
        }

  return TRUE;
}

static gboolean
parse_hh_mm (const char *text,
             int        *minutes)
{
  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');

  if (h > 23 || m > 59)
    return FALSE;

  *minutes = h * 60 + m;
  return TRUE;
}

gboolean
rds_rules_parse_backup_window (const char *text,
                               int        *start,
                               int        *length,
                               GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "-", -1);
  int from, to;

  if (g_strv_length (parts) != 2 || !parse_hh_mm (parts[0], &from))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid backup window time '%s' specified. Should be specified as a time "
                   "hh24:mi (24H Clock UTC). Example: 03:15",
                   g_strv_length (parts) > 0 ? parts[0] : "");
      return FALSE;
    }
  if (!parse_hh_mm (parts[1], &to))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid backup window time '%s' specified. Should be specified as a time "
                   "hh24:mi (24H Clock UTC). Example: 03:15", parts[1]);
      return FALSE;
    }

  *start = from;
  *length = ((to - from) % 1440 + 1440) % 1440;
  if (*length < 30)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Backup window must be at least 30 minutes.");
      return FALSE;
    }
  if (*length > 24 * 60 - 1)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Backup window must be less than 24 hours.");
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_day_time (const char *text,
                int        *minutes)
{
  int day = -1;
  int time;

  if (strlen (text) != 9 || text[3] != ':')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (g_ascii_strncasecmp (text, weekdays[i], 3) == 0)
      day = i;

  if (day < 0 || !parse_hh_mm (text + 4, &time))
    return FALSE;

  *minutes = day * 1440 + time;
  return TRUE;
}

gboolean
rds_rules_parse_maintenance_window (const char *text,
                                    int        *start,
                                    int        *length,
                                    GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "-", -1);
  int from, to;

  if (g_strv_length (parts) != 2 || !parse_day_time (parts[0], &from))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid maintenance window time '%s' specified. Should be specified as a "
                   "time ddd:hh24:mi (24H Clock UTC). Example: Mon:00:15",
                   g_strv_length (parts) > 0 ? parts[0] : "");
      return FALSE;
    }
  if (!parse_day_time (parts[1], &to))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid maintenance window time '%s' specified. Should be specified as a "
                   "time ddd:hh24:mi (24H Clock UTC). Example: Mon:00:15", parts[1]);
      return FALSE;
    }

  *start = from;
  *length = ((to - from) % RDS_MINUTES_PER_WEEK + RDS_MINUTES_PER_WEEK) %
            RDS_MINUTES_PER_WEEK;
  if (*length < 30)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Maintenance window must be at least 30 minutes.");
      return FALSE;
    }
  if (*length > 24 * 60)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                           "Maintenance window must be less than 24 hours.");
      return FALSE;
    }

  return TRUE;
}

char *
rds_rules_format_backup_window (int start,
                                int length)
{
  int end = (start + length) % 1440;

  return g_strdup_printf ("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
}

char *
rds_rules_format_maintenance_window (int start,
                                     int length)
{
  int end = (start + length) % RDS_MINUTES_PER_WEEK;

  return g_strdup_printf ("%s:%02d:%02d-%s:%02d:%02d",
                          weekdays[start / 1440], start % 1440 / 60, start % 60,
                          weekdays[end / 1440], end % 1440 / 60, end % 60);
}

static gboolean
intervals_overlap (int a_start,
                   int a_length,
                   int b_start,
                   int b_length)
{
  /* Half-open intervals on the line; the caller unrolls the circle. */
  return a_start < b_start + b_length && b_start < a_start + a_length;
}

/**
 * rds_rules_windows_overlap:
 *
 * The backup window recurs every day, the maintenance window once a week;
 * touching ends (03:00-04:00 and mon:04:00-mon:05:00) are fine.
 */
gboolean
rds_rules_windows_overlap (int backup_start,
                           int backup_length,
                           int maintenance_start,
                           int maintenance_length)
{
  for (int day = -1; day <= 7; day++)
    {
      int b = day * 1440 + backup_start;

      for (int shift = -1; shift <= 1; shift++)
        if (intervals_overlap (b, backup_length,
                               maintenance_start + shift * RDS_MINUTES_PER_WEEK,
                               maintenance_length))
          return TRUE;
    }

  return FALSE;
}

/**
 * rds_rules_next_window_start:
 *
 * Returns: the first start of the weekly window strictly after @after_usec
 */
gint64
rds_rules_next_window_start (int    maintenance_start,
                             gint64 after_usec)
{
  const gint64 week = (gint64) RDS_MINUTES_PER_WEEK * 60 * G_USEC_PER_SEC;
  /* 1970-01-05 was a Monday. */
  const gint64 monday = (gint64) 4 * 86400 * G_USEC_PER_SEC;
  gint64 week_start = after_usec - ((after_usec - monday) % week + week) % week;
  gint64 candidate = week_start + (gint64) maintenance_start * 60 * G_USEC_PER_SEC;

  while (candidate <= after_usec)
    candidate += week;

  return candidate;
}

/**
 * rds_rules_final_snapshot_possible:
 * @status: a DB instance's status
 *
 * Whether deleting the instance can take a final snapshot: not of one that
 * never ran.
 */
gboolean
rds_rules_final_snapshot_possible (const char *status)
{
  return g_strcmp0 (status, "creating") != 0 && g_strcmp0 (status, "failed") != 0 &&
         g_strcmp0 (status, "incompatible-restore") != 0 &&
         g_strcmp0 (status, "incompatible-network") != 0;
}
