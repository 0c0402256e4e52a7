/* rds-validation.h: what is wrong with a form's value, in the user's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rds-catalog.h"
#include "rds-problem.h"

G_BEGIN_DECLS

/* Each returns NULL when @value is valid, or what is wrong with it,
 * translated. The shared rules (rds-rules.h) have the last word. */
char *rds_problem_describe             (const RdsProblem    *problem);
char *rds_validate_instance_identifier (const char          *value);
char *rds_validate_snapshot_identifier (const char          *value);
char *rds_validate_master_username     (const RdsEngineInfo *engine,
                                        const char          *value);
char *rds_validate_master_password     (const RdsEngineInfo *engine,
                                        const char          *value);
char *rds_validate_password_confirmation (const char        *password,
                                          const char        *confirmation);
char *rds_validate_db_name             (const RdsEngineInfo *engine,
                                        const char          *value);
char *rds_validate_port                (const RdsEngineInfo *engine,
                                        const char          *text,
                                        int                 *port);
char *rds_validate_allocated_storage   (const RdsEngineInfo *engine,
                                        const char          *storage_type,
                                        const char          *text,
                                        int                  current,
                                        int                 *allocated);
char *rds_validate_iops                (const RdsEngineInfo *engine,
                                        const char          *storage_type,
                                        int                  allocated,
                                        const char          *text,
                                        int                 *iops);
char *rds_validate_throughput          (const RdsEngineInfo *engine,
                                        const char          *storage_type,
                                        int                  allocated,
                                        int                  iops,
                                        const char          *text,
                                        int                 *throughput);
char *rds_validate_max_storage         (const RdsEngineInfo *engine,
                                        const char          *storage_type,
                                        int                  allocated,
                                        const char          *text,
                                        int                 *max_storage);
char *rds_validate_kms_key             (const char          *value);
char *rds_validate_windows             (const char          *backup_window,
                                       const char          *maintenance_window);
char *rds_validate_tag                 (const char          *key,
                                        const char          *value);

/* A connection's fields. */
char *rds_validate_endpoint_url        (const char          *value,
                                        gboolean             required);
char *rds_validate_access_key_id       (const char          *value,
                                        gboolean             aws);
char *rds_validate_secret_access_key   (const char          *value);

gboolean rds_parse_int                 (const char          *text,
                                        int                 *value);

G_END_DECLS
