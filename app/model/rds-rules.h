/* rds-rules.h: RDS's rules for names, credentials, ports and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rds-catalog.h"
#include "rds-db-instance.h"
#include "rds-problem.h"

G_BEGIN_DECLS

#define RDS_MINUTES_PER_WEEK (7 * 24 * 60)

/* Each rule says what is wrong, if anything, as an RdsProblem: the
 * simulator words it as the AWS error (rds_problem_set_aws_error(), or
 * the rds_rules_check_*() below), the console in the user's language. */
gboolean rds_rules_identifier                (const char          *parameter,
                                              const char          *value,
                                              guint                max_length,
                                              RdsProblem          *problem);
gboolean rds_rules_master_username           (const RdsEngineInfo *engine,
                                              const char          *username,
                                              RdsProblem          *problem);
gboolean rds_rules_master_password           (const RdsEngineInfo *engine,
                                              const char          *password,
                                              RdsProblem          *problem);
gboolean rds_rules_db_name                   (const RdsEngineInfo *engine,
                                              const char          *db_name,
                                              RdsProblem          *problem);
gboolean rds_rules_port                      (const RdsEngineInfo *engine,
                                              int                  port,
                                              RdsProblem          *problem);
gboolean rds_rules_tag                       (const char          *key,
                                              const char          *value,
                                              RdsProblem          *problem);
gboolean rds_rules_instance_action           (RdsDbInstance       *instance,
                                              RdsInstanceAction    action,
                                              RdsProblem          *problem);
gboolean rds_rules_storage_size              (const RdsEngineInfo *engine,
                                              const char          *storage_type,
                                              int                  allocated,
                                              RdsProblem          *problem);
gboolean rds_rules_storage_change            (const RdsEngineInfo *engine,
                                              const char          *storage_type,
                                              int                  current,
                                              int                  requested,
                                              RdsProblem          *problem);
int      rds_rules_storage_growth_minimum    (int                  current);
gboolean rds_rules_iops                      (const RdsEngineInfo *engine,
                                              const char          *storage_type,
                                              int                  allocated,
                                              int                  iops,
                                              RdsProblem          *problem);
gboolean rds_rules_throughput                (const RdsEngineInfo *engine,
                                              const char          *storage_type,
                                              int                  allocated,
                                              int                  iops,
                                              int                  throughput,
                                              RdsProblem          *problem);
gboolean rds_rules_windows                   (const char          *backup_window,
                                              const char          *maintenance_window,
                                              RdsProblem          *problem);
gboolean rds_rules_max_storage               (const RdsEngineInfo *engine,
                                              const char          *storage_type,
                                              int                  allocated,
                                              int                  max_allocated,
                                              RdsProblem          *problem);

/* Each sets an RDS_AWS_ERROR with the service's code and an actionable
 * message on failure. None puts a secret into a message. */
gboolean rds_rules_check_identifier          (const char          *parameter,
                                              const char          *value,
                                              guint                max_length,
                                              GError             **error);
gboolean rds_rules_check_master_username     (const RdsEngineInfo *engine,
                                              const char          *username,
                                              GError             **error);
gboolean rds_rules_check_master_password     (const RdsEngineInfo *engine,
                                              const char          *password,
                                              GError             **error);
gboolean rds_rules_check_db_name             (const RdsEngineInfo *engine,
                                              const char          *db_name,
                                              GError             **error);
gboolean rds_rules_check_port                (const RdsEngineInfo *engine,
                                              int                  port,
                                              GError             **error);
gboolean rds_rules_check_windows             (const char          *backup_window,
                                              const char          *maintenance_window,
                                              GError             **error);
gboolean rds_rules_check_tag                 (const char          *key,
                                              const char          *value,
                                              GError             **error);
gboolean rds_rules_check_instance_action     (RdsDbInstance       *instance,
                                              RdsInstanceAction    action,
                                              GError             **error);

/* Windows: a daily backup window in minutes of the day, a weekly maintenance
 * window in minutes of the week from Monday 00:00 UTC. */
gboolean rds_rules_parse_backup_window       (const char          *text,
                                              int                 *start,
                                              int                 *length,
                                              GError             **error);
gboolean rds_rules_parse_maintenance_window  (const char          *text,
                                              int                 *start,
                                              int                 *length,
                                              GError             **error);
char    *rds_rules_format_backup_window      (int                  start,
                                              int                  length);
char    *rds_rules_format_maintenance_window (int                  start,
                                              int                  length);
gboolean rds_rules_windows_overlap           (int                  backup_start,
                                              int                  backup_length,
                                              int                  maintenance_start,
                                              int                  maintenance_length);
gint64   rds_rules_next_window_start         (int                  maintenance_start,
                                              gint64               after_usec);
gboolean rds_rules_final_snapshot_possible   (const char          *status);

G_END_DECLS
