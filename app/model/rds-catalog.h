/* rds-catalog.h: what RDS offers: engines, versions, instance classes, storage rules, prices
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
} RdsVersionInfo;

typedef enum
{
  RDS_FAMILY_MYSQL,
  RDS_FAMILY_MARIADB,
  RDS_FAMILY_POSTGRES,
  RDS_FAMILY_ORACLE,
  RDS_FAMILY_SQLSERVER,
} RdsEngineFamily;

typedef struct
{
  const char               *engine;            /* postgres */
  RdsEngineFamily        family;
  const char               *description;       /* PostgreSQL */
  const char * const       *license_models;    /* the first is the default */
  int                       default_port;
  const char * const       *log_types;
  gboolean                  iam_auth;
  gboolean                  multi_az;
  gboolean                  read_replica;
  int                       username_max;
  int                       password_max;
  const RdsVersionInfo  *versions;          /* newest first */
  guint                     n_versions;
  guint                     default_version;
  double                    price_factor;      /* × the MySQL or PostgreSQL rate */
  gboolean                  aurora;            /* its instances belong to a DB cluster */
} RdsEngineInfo;

typedef struct
{
  const char *name;         /* db.m5.large */
  int         vcpu;
  double      memory_gib;
  double      price_mysql;  /* USD per hour, us-east-1, Single-AZ; per ACU-hour when serverless */
  double      price_postgres;
  gboolean    serverless;   /* db.serverless: Aurora Serverless v2, its size in ACUs */
} RdsClassInfo;

/* Aurora Serverless v2 capacity, in Aurora capacity units (ACUs): 0.5 to
 * 128 in steps of 0.5; an ACU is about 2 GiB of memory with its CPU. */
#define RDS_SERVERLESS_MIN_ACU 0.5
#define RDS_SERVERLESS_MAX_ACU 128.0
#define RDS_SERVERLESS_GIB_PER_ACU 2.0

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
} RdsStorageRules;

typedef struct
{
  const char *identifier;
  gint64      valid_till;   /* microseconds since the epoch */
} RdsCertificateAuthority;

const RdsEngineInfo  *rds_catalog_get_engines      (guint                  *n_engines);
const RdsEngineInfo  *rds_catalog_find_engine      (const char             *engine);
const RdsVersionInfo *rds_catalog_find_version     (const RdsEngineInfo *engine,
                                                           const char             *version);
const RdsVersionInfo *rds_catalog_default_version  (const RdsEngineInfo *engine);
gboolean                 rds_catalog_has_license_model (const RdsEngineInfo *engine,
                                                           const char             *license_model);

const RdsClassInfo   *rds_catalog_get_classes      (guint                  *n_classes);
const RdsClassInfo   *rds_catalog_find_class       (const char             *name);
gboolean              rds_catalog_class_supports_version (const RdsClassInfo   *klass,
                                                          const RdsEngineInfo  *engine,
                                                          const RdsVersionInfo *version);
gboolean                 rds_catalog_class_supports   (const RdsClassInfo  *klass,
                                                           const RdsEngineInfo *engine);
double                   rds_catalog_hourly_price     (const RdsClassInfo  *klass,
                                                           const RdsEngineInfo *engine);

const char * const      *rds_catalog_storage_types    (void);
const char * const      *rds_catalog_engine_storage_types (const RdsEngineInfo *engine);
gboolean                 rds_catalog_storage_rules    (const RdsEngineInfo *engine,
                                                           const char             *storage_type,
                                                           int                     allocated,
                                                           RdsStorageRules     *rules);
int                      rds_catalog_gp3_threshold    (const RdsEngineInfo *engine);

/* The RDS console's "Estimated monthly costs", in USD (reference §1.5). */
typedef struct
{
  double instance;
  double storage;
  double iops;
  double throughput;
  double total;
} RdsCostEstimate;

void                     rds_catalog_estimate_monthly (const RdsEngineInfo *engine,
                                                       const RdsClassInfo  *klass,
                                                       gboolean             multi_az,
                                                       const char          *storage_type,
                                                       int                  allocated,
                                                       int                  iops,
                                                       int                  throughput,
                                                       RdsCostEstimate     *estimate);

const RdsCertificateAuthority *rds_catalog_get_cas (guint                  *n_cas);
const RdsCertificateAuthority *rds_catalog_find_ca (const char             *identifier);
const char              *rds_catalog_default_ca       (void);

G_END_DECLS
