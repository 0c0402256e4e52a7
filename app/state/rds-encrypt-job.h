/* rds-encrypt-job.h: encrypting a DB instance the only way RDS allows, by
 * snapshot, encrypted copy and restore, step by step and resumable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rds-types.h"

G_BEGIN_DECLS

typedef enum
{
  RDS_ENCRYPT_STEP_SNAPSHOT,   /* a snapshot of the unencrypted instance */
  RDS_ENCRYPT_STEP_COPY,       /* an encrypted copy of it, with the chosen key */
  RDS_ENCRYPT_STEP_RESTORE,    /* a new instance restored from the copy */
  RDS_ENCRYPT_STEP_SETTINGS,   /* the source's backup and maintenance settings on it */
  RDS_ENCRYPT_STEP_CUT_OVER,   /* the source renamed aside, the new one to its name */
  RDS_ENCRYPT_STEP_CLEAN_UP,   /* the old instance and the interim snapshots deleted */
  RDS_ENCRYPT_STEP_DONE,
  RDS_ENCRYPT_N_STEPS
} RdsEncryptStep;

/* Why the clean-up left the original, unencrypted instance. */
typedef enum
{
  RDS_ENCRYPT_KEPT_NONE,
  RDS_ENCRYPT_KEPT_PROTECTED,  /* deletion protection is on */
  RDS_ENCRYPT_KEPT_REPLICAS,   /* it still has read replicas, which deleting it would promote */
  RDS_ENCRYPT_KEPT_NOT_OURS,   /* the instance of its name isn't the one the job renamed aside */
} RdsEncryptKept;

#define RDS_TYPE_ENCRYPT_JOB (rds_encrypt_job_get_type ())
G_DECLARE_FINAL_TYPE (RdsEncryptJob, rds_encrypt_job, RDS, ENCRYPT_JOB, GObject)

RdsEncryptJob  *rds_encrypt_job_new              (RdsSession     *session,
                                                  RdsDbInstance  *source,
                                                  const char     *kms_key_id,
                                                  gboolean        cut_over,
                                                  gboolean        clean_up);
RdsEncryptJob  *rds_encrypt_job_new_from_json    (RdsSession     *session,
                                                  JsonNode       *node,
                                                  GError        **error);
JsonNode       *rds_encrypt_job_to_json          (RdsEncryptJob  *self);

void            rds_encrypt_job_run              (RdsEncryptJob  *self);
void            rds_encrypt_job_stop             (RdsEncryptJob  *self);

RdsEncryptStep  rds_encrypt_job_get_step         (RdsEncryptJob  *self);
double          rds_encrypt_job_get_step_progress (RdsEncryptJob *self);
gboolean        rds_encrypt_job_get_running      (RdsEncryptJob  *self);
const GError   *rds_encrypt_job_get_error        (RdsEncryptJob  *self);
const char     *rds_encrypt_job_get_source       (RdsEncryptJob  *self);
const char     *rds_encrypt_job_get_kms_key_id   (RdsEncryptJob  *self);
const char     *rds_encrypt_job_get_name         (RdsEncryptJob  *self,
                                                  RdsEncryptStep  step);
gboolean        rds_encrypt_job_get_cut_over     (RdsEncryptJob  *self);
gboolean        rds_encrypt_job_get_clean_up     (RdsEncryptJob  *self);
const char     *rds_encrypt_job_get_endpoint     (RdsEncryptJob  *self);
const char     *rds_encrypt_job_get_region       (RdsEncryptJob  *self);
const char     *rds_encrypt_job_get_waiting_for  (RdsEncryptJob  *self);
RdsEncryptKept  rds_encrypt_job_get_original_kept (RdsEncryptJob *self);
char           *rds_encrypt_job_derive_name      (const char     *source,
                                                  const char     *suffix,
                                                  gsize           max);

G_END_DECLS
