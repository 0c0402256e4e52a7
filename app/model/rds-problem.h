/* rds-problem.h: what a rule found wrong with a value, before anyone words it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule (rds-rules.h) says what is wrong as a code and its arguments;
 * the simulator words it as the AWS error the service answers
 * (rds_problem_set_aws_error()), the console in the user's language next
 * to the field. Both read the same verdict, so they cannot disagree.
 */

#pragma once

#include <glib.h>

#include "rds-catalog.h"

G_BEGIN_DECLS

typedef enum
{
  RDS_PROBLEM_NONE,
  RDS_PROBLEM_MISSING,           /* blank */
  RDS_PROBLEM_FIRST_NOT_LETTER,
  RDS_PROBLEM_BAD_CHARACTERS,    /* outside its charset */
  RDS_PROBLEM_DOUBLE_HYPHEN,
  RDS_PROBLEM_ENDS_WITH_HYPHEN,
  RDS_PROBLEM_TOO_SHORT,         /* fewer characters than min */
  RDS_PROBLEM_TOO_LONG,          /* more characters than max */
  RDS_PROBLEM_RESERVED,          /* a word or prefix the service keeps for itself */
  RDS_PROBLEM_NOT_FOR_ENGINE,    /* the engine takes no such value */
  RDS_PROBLEM_OUT_OF_RANGE,      /* a number outside min..max */
  RDS_PROBLEM_WRONG_STATUS,      /* the resource's status (state) does not allow the action */
  RDS_PROBLEM_READ_REPLICA,      /* a read replica can't do it */
  RDS_PROBLEM_HAS_REPLICAS,      /* a replication source can't */
  RDS_PROBLEM_SQLSERVER_MULTI_AZ,
  RDS_PROBLEM_CLUSTER_MEMBER,    /* the cluster does it, not its instances */
  RDS_PROBLEM_SHRINKS,           /* storage below what it is (min) */
  RDS_PROBLEM_GROWS_TOO_LITTLE,  /* storage that grows by less than 10 % (min) */
  RDS_PROBLEM_RATIO,             /* a number outside low..high per GiB (or per IOPS) of size */
  RDS_PROBLEM_WINDOWS_OVERLAP,   /* the daily backup window meets the weekly maintenance window */
  RDS_PROBLEM_NO_BACKUPS,        /* a replica's source needs automated backups */
  RDS_PROBLEM_TOO_MANY_REPLICAS, /* the source has its engine's most (max) */
  RDS_PROBLEM_NO_CASCADE,        /* the engine makes no replica of a replica */
  RDS_PROBLEM_NOT_A_REPLICA,     /* only a read replica can be promoted */
  RDS_PROBLEM_SINGLE_AZ,         /* only a Multi-AZ instance can fail over */
  RDS_PROBLEM_ALREADY,           /* it is so already: Multi-AZ or Single-AZ */
  RDS_PROBLEM_NOT_RESTORABLE_YET, /* no restorable time yet: the first automated backup isn't done */
  RDS_PROBLEM_ENCRYPTED,         /* it is encrypted already */
  RDS_PROBLEM_REPLICA,           /* it is a read replica: its source decides */
} RdsProblemCode;

/* Which characters a value may hold. */
typedef enum
{
  RDS_CHARSET_IDENTIFIER,        /* ASCII letters, digits, hyphens */
  RDS_CHARSET_USERNAME,          /* ASCII letters, digits, underscores */
  RDS_CHARSET_DB_NAME,           /* the same */
  RDS_CHARSET_ALPHANUMERIC,      /* ASCII letters and digits (Oracle's DB names) */
  RDS_CHARSET_PASSWORD,          /* printable ASCII but / @ " and space */
  RDS_CHARSET_PASSWORD_ORACLE,   /* and neither & nor ' */
  RDS_CHARSET_TAG,               /* Unicode letters, digits, spaces and _ . : / = + - @ */
} RdsCharset;

typedef struct
{
  RdsProblemCode       code;
  const char          *parameter;  /* whose value: "DBInstanceIdentifier", "Tags.Key"... */
  RdsCharset           charset;
  gint64               value;      /* the length or number found */
  gint64               min;
  gint64               max;
  const char          *word;       /* borrowed: the reserved word, the tag key, the identifier... */
  const char          *state;      /* borrowed: the resource's status */
  gint64               size;       /* the storage it goes with, in GiB; or the IOPS */
  double               low;        /* a ratio's bounds */
  double               high;
  const RdsEngineInfo *engine;
} RdsProblem;

gboolean rds_problem_set_aws_error (const RdsProblem  *problem,
                                    GError           **error);

G_END_DECLS
