/* rds-sim-catalog.h: engines, versions, instance classes and storage rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *version;      /* 16.6 */
  const char *major;        /* 16 */
  const char *family;       /* postgres16 */
  const char *description;  /* PostgreSQL 16.6-R1 */
} RdsSimVersionInfo;

typedef enum
{
  RDS_SIM_FAMILY_MYSQL,
  RDS_SIM_FAMILY_MARIADB,
  RDS_SIM_FAMILY_POSTGRES,
  RDS_SIM_FAMILY_ORACLE,
  RDS_SIM_FAMILY_SQLSERVER,
} RdsSimEngineFamily;

typedef struct
{
  const char               *engine;            /* postgres */
  RdsSimEngineFamily        family;
  const char               *description;       /* PostgreSQL */
  const char * const       *license_models;    /* the first is the default */
  int                       default_port;
  const char * const       *log_types;
  gboolean                  iam_auth;
  gboolean                  multi_az;
  gboolean                  read_replica;
  int                       username_max;
  int                       password_max;
  const RdsSimVersionInfo  *versions;          /* newest first */
  guint                     n_versions;
  guint                     default_version;
  double                    price_factor;      /* × the MySQL or PostgreSQL rate */
} RdsSimEngineInfo;

typedef struct
{
  const char *name;         /* db.m5.large */
  int         vcpu;
  double      memory_gib;
  double      price_mysql;  /* USD per hour, us-east-1, Single-AZ */
  double      price_postgres;
} RdsSimClassInfo;

typedef struct
{
  int min_storage;
  int max_storage;
  int min_iops;             /* 0: IOPS cannot be provisioned at this size */
  int max_iops;
  double min_iops_per_gib;
  double max_iops_per_gib;
  int min_throughput;       /* 0: throughput cannot be provisioned */
  int max_throughput;
} RdsSimStorageRules;

typedef struct
{
  const char *identifier;
  gint64      valid_till;   /* microseconds since the epoch */
} RdsSimCertificateAuthority;

const RdsSimEngineInfo  *rds_sim_catalog_get_engines      (guint                  *n_engines);
const RdsSimEngineInfo  *rds_sim_catalog_find_engine      (const char             *engine);
const RdsSimVersionInfo *rds_sim_catalog_find_version     (const RdsSimEngineInfo *engine,
                                                           const char             *version);
const RdsSimVersionInfo *rds_sim_catalog_default_version  (const RdsSimEngineInfo *engine);
gboolean                 rds_sim_catalog_has_license_model (const RdsSimEngineInfo *engine,
                                                           const char             *license_model);

const RdsSimClassInfo   *rds_sim_catalog_get_classes      (guint                  *n_classes);
const RdsSimClassInfo   *rds_sim_catalog_find_class       (const char             *name);
gboolean                 rds_sim_catalog_class_supports   (const RdsSimClassInfo  *klass,
                                                           const RdsSimEngineInfo *engine);
double                   rds_sim_catalog_hourly_price     (const RdsSimClassInfo  *klass,
                                                           const RdsSimEngineInfo *engine);

const char * const      *rds_sim_catalog_storage_types    (void);
gboolean                 rds_sim_catalog_storage_rules    (const RdsSimEngineInfo *engine,
                                                           const char             *storage_type,
                                                           int                     allocated,
                                                           RdsSimStorageRules     *rules);
int                      rds_sim_catalog_gp3_threshold    (const RdsSimEngineInfo *engine);

const RdsSimCertificateAuthority *rds_sim_catalog_get_cas (guint                  *n_cas);
const RdsSimCertificateAuthority *rds_sim_catalog_find_ca (const char             *identifier);
const char              *rds_sim_catalog_default_ca       (void);

G_END_DECLS
