/* rds-catalog.c: what RDS offers: engines, versions, instance classes, storage rules, prices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts of the reference (shared/reference/rds.md §1.2, §9) that both
 * sides need: the simulator answers DescribeDBEngineVersions and
 * DescribeOrderableDBInstanceOptions from them and validates against them;
 * the console knows from them what the API does not say, as the real console
 * does (default ports, vCPUs and memory of a class, prices for its cost
 * estimate). Prices are approximate list prices.
 */

#include "config.h"

#include "rds-catalog.h"

#include <stdio.h>
#include <string.h>

static const RdsVersionInfo postgres_versions[] = {
  { "17.4", "17", "postgres17", "PostgreSQL 17.4-R1" },
  { "17.2", "17", "postgres17", "PostgreSQL 17.2-R2" },
  { "16.8", "16", "postgres16", "PostgreSQL 16.8-R1" },
  { "16.6", "16", "postgres16", "PostgreSQL 16.6-R2" },
  { "15.12", "15", "postgres15", "PostgreSQL 15.12-R1" },
  { "15.10", "15", "postgres15", "PostgreSQL 15.10-R2" },
  { "14.17", "14", "postgres14", "PostgreSQL 14.17-R1" },
  { "14.15", "14", "postgres14", "PostgreSQL 14.15-R2" },
  { "13.20", "13", "postgres13", "PostgreSQL 13.20-R1" },
};

static const RdsVersionInfo mysql_versions[] = {
  { "8.4.4", "8.4", "mysql8.4", "MySQL 8.4.4" },
  { "8.4.3", "8.4", "mysql8.4", "MySQL 8.4.3" },
  { "8.0.41", "8.0", "mysql8.0", "MySQL 8.0.41" },
  { "8.0.40", "8.0", "mysql8.0", "MySQL 8.0.40" },
  { "8.0.39", "8.0", "mysql8.0", "MySQL 8.0.39" },
};

static const RdsVersionInfo mariadb_versions[] = {
  { "11.4.5", "11.4", "mariadb11.4", "MariaDB 11.4.5" },
  { "11.4.4", "11.4", "mariadb11.4", "MariaDB 11.4.4" },
  { "10.11.11", "10.11", "mariadb10.11", "MariaDB 10.11.11" },
  { "10.11.10", "10.11", "mariadb10.11", "MariaDB 10.11.10" },
  { "10.6.21", "10.6", "mariadb10.6", "MariaDB 10.6.21" },
  { "10.5.28", "10.5", "mariadb10.5", "MariaDB 10.5.28" },
};

static const RdsVersionInfo oracle_ee_versions[] = {
  { "19.0.0.0.ru-2025-01.rur-2025-01.r1", "19", "oracle-ee-19",
    "Oracle 19.0.0.0.ru-2025-01.rur-2025-01.r1" },
  { "19.0.0.0.ru-2024-10.rur-2024-10.r1", "19", "oracle-ee-19",
    "Oracle 19.0.0.0.ru-2024-10.rur-2024-10.r1" },
};

static const RdsVersionInfo oracle_se2_versions[] = {
  { "19.0.0.0.ru-2025-01.rur-2025-01.r1", "19", "oracle-se2-19",
    "Oracle 19.0.0.0.ru-2025-01.rur-2025-01.r1" },
  { "19.0.0.0.ru-2024-10.rur-2024-10.r1", "19", "oracle-se2-19",
    "Oracle 19.0.0.0.ru-2024-10.rur-2024-10.r1" },
};

/* Aurora MySQL 3 is compatible with MySQL 8.0, Aurora MySQL 2 with 5.7. */
static const RdsVersionInfo aurora_mysql_versions[] = {
  { "8.0.mysql_aurora.3.08.1", "8.0", "aurora-mysql8.0",
    "Aurora MySQL 3.08.1 (compatible with MySQL 8.0.39)" },
  { "8.0.mysql_aurora.3.08.0", "8.0", "aurora-mysql8.0",
    "Aurora MySQL 3.08.0 (compatible with MySQL 8.0.39)" },
  { "8.0.mysql_aurora.3.05.2", "8.0", "aurora-mysql8.0",
    "Aurora MySQL 3.05.2 (compatible with MySQL 8.0.32)" },
  { "5.7.mysql_aurora.2.12.4", "5.7", "aurora-mysql5.7",
    "Aurora MySQL 2.12.4 (compatible with MySQL 5.7.44)" },
};

static const RdsVersionInfo aurora_postgresql_versions[] = {
  { "16.6", "16", "aurora-postgresql16", "Aurora PostgreSQL (Compatible with PostgreSQL 16.6)" },
  { "16.4", "16", "aurora-postgresql16", "Aurora PostgreSQL (Compatible with PostgreSQL 16.4)" },
  { "15.10", "15", "aurora-postgresql15", "Aurora PostgreSQL (Compatible with PostgreSQL 15.10)" },
  { "14.15", "14", "aurora-postgresql14", "Aurora PostgreSQL (Compatible with PostgreSQL 14.15)" },
  { "13.18", "13", "aurora-postgresql13", "Aurora PostgreSQL (Compatible with PostgreSQL 13.18)" },
};

#define SQLSERVER_VERSIONS(edition)                                                          \
  static const RdsVersionInfo sqlserver_##edition##_versions[] = {                        \
    { "16.00.4175.1.v1", "16.00", "sqlserver-" #edition "-16.0", "SQL Server 2022 16.00.4175.1.v1" }, \
    { "16.00.4165.4.v1", "16.00", "sqlserver-" #edition "-16.0", "SQL Server 2022 16.00.4165.4.v1" }, \
    { "15.00.4420.2.v1", "15.00", "sqlserver-" #edition "-15.0", "SQL Server 2019 15.00.4420.2.v1" }, \
    { "15.00.4415.2.v1", "15.00", "sqlserver-" #edition "-15.0", "SQL Server 2019 15.00.4415.2.v1" }, \
    { "14.00.3490.10.v1", "14.00", "sqlserver-" #edition "-14.0", "SQL Server 2017 14.00.3490.10.v1" }, \
  };

SQLSERVER_VERSIONS (ee)
SQLSERVER_VERSIONS (se)
SQLSERVER_VERSIONS (ex)
SQLSERVER_VERSIONS (web)

static const char * const mysql_logs[] = { "audit", "error", "general", "slowquery", NULL };
static const char * const postgres_logs[] = { "postgresql", "upgrade", NULL };
static const char * const aurora_postgresql_logs[] = { "postgresql", NULL };
static const char * const oracle_logs[] = { "alert", "audit", "listener", "trace", "oemagent", NULL };
static const char * const sqlserver_logs[] = { "agent", "error", NULL };

static const char * const general_public_license[] = { "general-public-license", NULL };
static const char * const postgresql_license[] = { "postgresql-license", NULL };
static const char * const byol_only[] = { "bring-your-own-license", NULL };
static const char * const license_included_or_byol[] = { "license-included", "bring-your-own-license", NULL };
static const char * const license_included[] = { "license-included", NULL };

#define VERSIONS(array) array, G_N_ELEMENTS (array)

static const RdsEngineInfo engines[] = {
  { "mysql", RDS_FAMILY_MYSQL, "MySQL Community Edition", general_public_license, 3306,
    mysql_logs, TRUE, TRUE, TRUE, 16, 41, VERSIONS (mysql_versions), 2, 1.0 },
  { "mariadb", RDS_FAMILY_MARIADB, "MariaDB Community Edition", general_public_license, 3306,
    mysql_logs, TRUE, TRUE, TRUE, 16, 41, VERSIONS (mariadb_versions), 0, 1.0 },
  { "postgres", RDS_FAMILY_POSTGRES, "PostgreSQL", postgresql_license, 5432,
    postgres_logs, TRUE, TRUE, TRUE, 63, 128, VERSIONS (postgres_versions), 0, 1.0 },
  { "oracle-ee", RDS_FAMILY_ORACLE, "Oracle Database Enterprise Edition", byol_only, 1521,
    oracle_logs, FALSE, TRUE, TRUE, 30, 30, VERSIONS (oracle_ee_versions), 0, 1.0 },
  { "oracle-se2", RDS_FAMILY_ORACLE, "Oracle Database Standard Edition Two",
    license_included_or_byol, 1521, oracle_logs, FALSE, TRUE, TRUE, 30, 30,
    VERSIONS (oracle_se2_versions), 0, 2.8 },
  { "sqlserver-ee", RDS_FAMILY_SQLSERVER, "Microsoft SQL Server Enterprise Edition",
    license_included, 1433, sqlserver_logs, FALSE, TRUE, TRUE, 128, 128,
    VERSIONS (sqlserver_ee_versions), 0, 7.8 },
  { "sqlserver-se", RDS_FAMILY_SQLSERVER, "Microsoft SQL Server Standard Edition",
    license_included, 1433, sqlserver_logs, FALSE, TRUE, TRUE, 128, 128,
    VERSIONS (sqlserver_se_versions), 0, 5.7 },
  { "sqlserver-ex", RDS_FAMILY_SQLSERVER, "Microsoft SQL Server Express Edition",
    license_included, 1433, sqlserver_logs, FALSE, FALSE, FALSE, 128, 128,
    VERSIONS (sqlserver_ex_versions), 0, 1.4 },
  { "sqlserver-web", RDS_FAMILY_SQLSERVER, "Microsoft SQL Server Web Edition",
    license_included, 1433, sqlserver_logs, FALSE, FALSE, FALSE, 128, 128,
    VERSIONS (sqlserver_web_versions), 0, 1.9 },
  /* Aurora: about a fifth more per hour than the same class of RDS. */
  { "aurora-mysql", RDS_FAMILY_MYSQL, "Aurora MySQL", general_public_license, 3306,
    mysql_logs, TRUE, FALSE, FALSE, 16, 41, VERSIONS (aurora_mysql_versions), 0, 1.21, TRUE },
  { "aurora-postgresql", RDS_FAMILY_POSTGRES, "Aurora (PostgreSQL)", postgresql_license, 5432,
    aurora_postgresql_logs, TRUE, FALSE, FALSE, 63, 128, VERSIONS (aurora_postgresql_versions), 0,
    1.16, TRUE },
};

static const RdsClassInfo classes[] = {
  { "db.t3.micro", 2, 1, 0.017, 0.018 },
  { "db.t3.small", 2, 2, 0.034, 0.036 },
  { "db.t3.medium", 2, 4, 0.068, 0.072 },
  { "db.t3.large", 2, 8, 0.136, 0.145 },
  { "db.t3.xlarge", 4, 16, 0.272, 0.290 },
  { "db.t3.2xlarge", 8, 32, 0.544, 0.580 },
  { "db.t4g.micro", 2, 1, 0.016, 0.016 },
  { "db.t4g.small", 2, 2, 0.032, 0.032 },
  { "db.t4g.medium", 2, 4, 0.065, 0.065 },
  { "db.t4g.large", 2, 8, 0.129, 0.129 },
  { "db.t4g.xlarge", 4, 16, 0.258, 0.258 },
  { "db.t4g.2xlarge", 8, 32, 0.517, 0.517 },
  { "db.m5.large", 2, 8, 0.171, 0.178 },
  { "db.m5.xlarge", 4, 16, 0.342, 0.356 },
  { "db.m5.2xlarge", 8, 32, 0.684, 0.712 },
  { "db.m5.4xlarge", 16, 64, 1.368, 1.424 },
  { "db.m5.8xlarge", 32, 128, 2.736, 2.848 },
  { "db.m5.12xlarge", 48, 192, 4.104, 4.272 },
  { "db.m5.16xlarge", 64, 256, 5.472, 5.696 },
  { "db.m5.24xlarge", 96, 384, 8.208, 8.544 },
  { "db.m6g.large", 2, 8, 0.152, 0.159 },
  { "db.m6g.xlarge", 4, 16, 0.304, 0.318 },
  { "db.m6g.2xlarge", 8, 32, 0.608, 0.636 },
  { "db.m6g.4xlarge", 16, 64, 1.216, 1.272 },
  { "db.m6g.8xlarge", 32, 128, 2.432, 2.544 },
  { "db.m6g.12xlarge", 48, 192, 3.648, 3.816 },
  { "db.m6g.16xlarge", 64, 256, 4.864, 5.088 },
  { "db.m6i.large", 2, 8, 0.171, 0.178 },
  { "db.m6i.xlarge", 4, 16, 0.342, 0.356 },
  { "db.m6i.2xlarge", 8, 32, 0.684, 0.712 },
  { "db.m6i.4xlarge", 16, 64, 1.368, 1.424 },
  { "db.m6i.8xlarge", 32, 128, 2.736, 2.848 },
  { "db.m6i.16xlarge", 64, 256, 5.472, 5.696 },
  { "db.r5.large", 2, 16, 0.240, 0.250 },
  { "db.r5.xlarge", 4, 32, 0.480, 0.500 },
  { "db.r5.2xlarge", 8, 64, 0.960, 1.000 },
  { "db.r5.4xlarge", 16, 128, 1.920, 2.000 },
  { "db.r5.8xlarge", 32, 256, 3.840, 4.000 },
  { "db.r5.12xlarge", 48, 384, 5.760, 6.000 },
  { "db.r5.16xlarge", 64, 512, 7.680, 8.000 },
  { "db.r5.24xlarge", 96, 768, 11.520, 12.000 },
  { "db.r6g.large", 2, 16, 0.215, 0.225 },
  { "db.r6g.xlarge", 4, 32, 0.430, 0.450 },
  { "db.r6g.2xlarge", 8, 64, 0.860, 0.900 },
  { "db.r6g.4xlarge", 16, 128, 1.720, 1.800 },
  { "db.r6g.8xlarge", 32, 256, 3.440, 3.600 },
  { "db.r6g.12xlarge", 48, 384, 5.160, 5.400 },
  { "db.r6g.16xlarge", 64, 512, 6.880, 7.200 },
  { "db.r6i.large", 2, 16, 0.240, 0.250 },
  { "db.r6i.xlarge", 4, 32, 0.480, 0.500 },
  { "db.r6i.2xlarge", 8, 64, 0.960, 1.000 },
  { "db.r6i.4xlarge", 16, 128, 1.920, 2.000 },
  { "db.r6i.8xlarge", 32, 256, 3.840, 4.000 },
  { "db.r6i.16xlarge", 64, 512, 7.680, 8.000 },
  /* Aurora Serverless v2: USD 0.12 per ACU-hour, whatever the engine. */
  { "db.serverless", 0, 0, 0.12, 0.12, TRUE },
};

static const char * const storage_types[] = { "gp2", "gp3", "io1", "standard", NULL };
/* Aurora Standard, and Aurora I/O-Optimized */
static const char * const aurora_storage_types[] = { "aurora", "aurora-iopt1", NULL };

/* 2061-05-22 and 2121-05-22: the expiry of the RDS root CAs. */
static const RdsCertificateAuthority cas[] = {
  { "rds-ca-rsa2048-g1", G_GINT64_CONSTANT (2884982400000000) },
  { "rds-ca-rsa4096-g1", G_GINT64_CONSTANT (4778294400000000) },
  { "rds-ca-ecc384-g1", G_GINT64_CONSTANT (4778294400000000) },
};

const RdsEngineInfo *
rds_catalog_get_engines (guint *n_engines)
{
  *n_engines = G_N_ELEMENTS (engines);
  return engines;
}

const RdsEngineInfo *
rds_catalog_find_engine (const char *engine)
{
  if (engine == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    if (g_str_equal (engines[i].engine, engine))
      return &engines[i];

  return NULL;
}

/**
 * rds_catalog_find_version:
 * @version: a full version ("16.6") or a major version ("16"), which picks
 *   the newest minor of that major, as RDS does
 */
const RdsVersionInfo *
rds_catalog_find_version (const RdsEngineInfo *engine,
                              const char             *version)
{
  g_return_val_if_fail (engine != NULL, NULL);

  if (version == NULL)
    return NULL;

  for (guint i = 0; i < engine->n_versions; i++)
    if (g_str_equal (engine->versions[i].version, version))
      return &engine->versions[i];

  for (guint i = 0; i < engine->n_versions; i++)
    if (g_str_equal (engine->versions[i].major, version))
      return &engine->versions[i];

  return NULL;
}

const RdsVersionInfo *
rds_catalog_default_version (const RdsEngineInfo *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);

  return &engine->versions[engine->default_version];
}

gboolean
rds_catalog_has_license_model (const RdsEngineInfo *engine,
                                   const char             *license_model)
{
  g_return_val_if_fail (engine != NULL, FALSE);

  return license_model != NULL && g_strv_contains (engine->license_models, license_model);
}

const RdsClassInfo *
rds_catalog_get_classes (guint *n_classes)
{
  *n_classes = G_N_ELEMENTS (classes);
  return classes;
}

const RdsClassInfo *
rds_catalog_find_class (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_str_equal (classes[i].name, name))
      return &classes[i];

  return NULL;
}

static gboolean
class_in_family (const RdsClassInfo *klass,
                 const char            *family)
{
  gsize length = strlen (family);

  return strncmp (klass->name, family, length) == 0 && klass->name[length] == '.';
}

/* Which classes each engine runs on, after the RDS user guide's tables,
 * simplified: Graviton (g) classes for the open-source engines only, Oracle
 * from db.t3.small, Standard Edition Two up to 16 vCPUs, SQL Server editions
 * by size. */
gboolean
rds_catalog_class_supports (const RdsClassInfo  *klass,
                                const RdsEngineInfo *engine)
{
  gboolean graviton = class_in_family (klass, "db.t4g") || class_in_family (klass, "db.m6g") ||
                      class_in_family (klass, "db.r6g");
  gboolean burstable = class_in_family (klass, "db.t3") || class_in_family (klass, "db.t4g");

  g_return_val_if_fail (klass != NULL, FALSE);
  g_return_val_if_fail (engine != NULL, FALSE);

  /* Serverless v2 is Aurora's alone. */
  if (klass->serverless)
    return engine->aurora;

  /* Aurora: memory optimized, and the burstable classes from medium. */
  if (engine->aurora)
    return class_in_family (klass, "db.r5") || class_in_family (klass, "db.r6g") ||
           class_in_family (klass, "db.r6i") ||
           (burstable && (g_str_has_suffix (klass->name, ".medium") ||
                          g_str_has_suffix (klass->name, ".large")));

  switch (engine->family)
    {
    case RDS_FAMILY_MYSQL:
    case RDS_FAMILY_MARIADB:
    case RDS_FAMILY_POSTGRES:
      return TRUE;

    case RDS_FAMILY_ORACLE:
      if (graviton || g_str_equal (klass->name, "db.t3.micro"))
        return FALSE;
      if (g_str_equal (engine->engine, "oracle-se2"))
        return klass->vcpu <= 16;
      return TRUE;

    case RDS_FAMILY_SQLSERVER:
      if (graviton)
        return FALSE;
      if (g_str_equal (engine->engine, "sqlserver-ex"))
        return burstable && klass->vcpu <= 4;
      if (g_str_equal (engine->engine, "sqlserver-web"))
        return !g_str_equal (klass->name, "db.t3.micro") && klass->vcpu <= 16;
      if (burstable)
        return klass->vcpu >= 4;
      if (g_str_equal (engine->engine, "sqlserver-ee"))
        return klass->vcpu >= 4;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * rds_catalog_class_supports_version:
 *
 * Returns: whether @klass runs @engine at @version: as
 *   rds_catalog_class_supports (), and Serverless v2 only from Aurora MySQL
 *   3 (MySQL 8.0) and Aurora PostgreSQL 13.6
 */
gboolean
rds_catalog_class_supports_version (const RdsClassInfo   *klass,
                                    const RdsEngineInfo  *engine,
                                    const RdsVersionInfo *version)
{
  g_return_val_if_fail (klass != NULL, FALSE);
  g_return_val_if_fail (engine != NULL, FALSE);

  if (!rds_catalog_class_supports (klass, engine))
    return FALSE;
  if (!klass->serverless || version == NULL)
    return TRUE;
  if (engine->family == RDS_FAMILY_MYSQL)
    return g_str_equal (version->major, "8.0");
  {
    int major = 0, minor = 0;

    if (sscanf (version->version, "%d.%d", &major, &minor) < 1)
      return FALSE;
    return major > 13 || (major == 13 && minor >= 6);
  }
}

double
rds_catalog_hourly_price (const RdsClassInfo  *klass,
                              const RdsEngineInfo *engine)
{
  double base;

  g_return_val_if_fail (klass != NULL, 0.0);
  g_return_val_if_fail (engine != NULL, 0.0);

  base = engine->family == RDS_FAMILY_POSTGRES ? klass->price_postgres : klass->price_mysql;
  /* An ACU-hour costs the same for both Aurora engines. */
  return klass->serverless ? base : base * engine->price_factor;
}

/* The storage types of RDS DB instances. */
const char * const *
rds_catalog_storage_types (void)
{
  return storage_types;
}

/* The storage types @engine offers: Aurora's cluster storage, or RDS's. */
const char * const *
rds_catalog_engine_storage_types (const RdsEngineInfo *engine)
{
  g_return_val_if_fail (engine != NULL, storage_types);

  return engine->aurora ? aurora_storage_types : storage_types;
}

int
rds_catalog_gp3_threshold (const RdsEngineInfo *engine)
{
  g_return_val_if_fail (engine != NULL, 400);

  switch (engine->family)
    {
    case RDS_FAMILY_ORACLE:
      return 200;
    case RDS_FAMILY_SQLSERVER:
      return 20;
    case RDS_FAMILY_MYSQL:
    case RDS_FAMILY_MARIADB:
    case RDS_FAMILY_POSTGRES:
    default:
      return 400;
    }
}

/**
 * rds_catalog_storage_rules:
 * @allocated: the allocated storage the IOPS rules are for, in GiB
 *
 * Fills @rules with the limits of @storage_type for @engine.
 *
 * Returns: %FALSE when @storage_type is not one RDS knows
 */
gboolean
rds_catalog_storage_rules (const RdsEngineInfo *engine,
                               const char             *storage_type,
                               int                     allocated,
                               RdsStorageRules     *rules)
{
  gboolean sqlserver = engine->family == RDS_FAMILY_SQLSERVER;
  gboolean oracle = engine->family == RDS_FAMILY_ORACLE;
  int io_threshold = oracle ? 200 : 400;

  g_return_val_if_fail (engine != NULL, FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  memset (rules, 0, sizeof *rules);

  if (g_strcmp0 (storage_type, "gp2") == 0 || g_strcmp0 (storage_type, "gp3") == 0)
    {
      rules->min_storage = 20;
      rules->max_storage = sqlserver ? 16384 : 65536;

      if (g_str_equal (storage_type, "gp3") && allocated >= rds_catalog_gp3_threshold (engine))
        {
          rules->min_iops = sqlserver ? 3000 : 12000;
          rules->max_iops = sqlserver ? 16000 : 64000;
          rules->max_iops_per_gib = 500;
          rules->min_throughput = sqlserver ? 125 : 500;
          rules->max_throughput = sqlserver ? 1000 : 4000;
        }
      return TRUE;
    }

  if (g_strcmp0 (storage_type, "io1") == 0)
    {
      rules->min_storage = 100;
      rules->max_storage = sqlserver ? 16384 : 65536;
      rules->min_iops = 1000;
      if (sqlserver)
        rules->max_iops = 64000;
      else if (allocated < io_threshold)
        rules->max_iops = oracle ? 9950 : 19950;
      else
        rules->max_iops = 256000;
      rules->min_iops_per_gib = sqlserver ? 1.0 : 0.5;
      rules->max_iops_per_gib = 50;
      return TRUE;
    }

  if (g_strcmp0 (storage_type, "standard") == 0)
    {
      rules->min_storage = sqlserver ? 20 : oracle ? 10 : 5;
      rules->max_storage = sqlserver ? 1024 : 3072;
      return TRUE;
    }

  return FALSE;
}

#define HOURS_PER_MONTH 730.0

/**
 * rds_catalog_estimate_monthly:
 * @klass: (nullable): the instance class, none yet chosen when %NULL
 * @iops: provisioned IOPS, 0 for none
 * @throughput: provisioned throughput in MiB/s, 0 for none
 *
 * What the RDS console's cost panel shows: on-demand hours × 730, storage
 * per GiB-month, provisioned IOPS and throughput above what the storage
 * type includes, all twice for a Multi-AZ DB instance.
 */
void
rds_catalog_estimate_monthly (const RdsEngineInfo *engine,
                              const RdsClassInfo  *klass,
                              gboolean             multi_az,
                              const char          *storage_type,
                              int                  allocated,
                              int                  iops,
                              int                  throughput,
                              RdsCostEstimate     *estimate)
{
  double copies = multi_az ? 2.0 : 1.0;
  double per_gib = 0.115;

  g_return_if_fail (engine != NULL);
  g_return_if_fail (estimate != NULL);

  memset (estimate, 0, sizeof *estimate);

  if (klass != NULL)
    estimate->instance = rds_catalog_hourly_price (klass, engine) * HOURS_PER_MONTH * copies;

  /* Aurora: a reader, not a standby, is the second instance; the one
   * cluster volume is billed as it grows (from 10 GiB here), I/O-Optimized
   * at 30 % more for instances and storage, without I/O charges. */
  if (engine->aurora)
    {
      gboolean optimized = g_strcmp0 (storage_type, "aurora-iopt1") == 0;

      estimate->instance *= optimized ? 1.3 : 1.0;
      estimate->storage = 10 * (optimized ? 0.225 : 0.10);
      estimate->total = estimate->instance + estimate->storage;
      return;
    }

  if (g_strcmp0 (storage_type, "io1") == 0)
    {
      per_gib = 0.125;
      estimate->iops = MAX (iops, 0) * 0.10 * copies;
    }
  else if (g_strcmp0 (storage_type, "standard") == 0)
    per_gib = 0.10;
  else if (g_strcmp0 (storage_type, "gp3") == 0)
    {
      /* gp3 includes 3,000 IOPS and 125 MiB/s. */
      estimate->iops = MAX (iops - 3000, 0) * 0.02 * copies;
      estimate->throughput = MAX (throughput - 125, 0) * 0.08 * copies;
    }

  estimate->storage = MAX (allocated, 0) * per_gib * copies;
  estimate->total = estimate->instance + estimate->storage + estimate->iops + estimate->throughput;
}

const RdsCertificateAuthority *
rds_catalog_get_cas (guint *n_cas)
{
  *n_cas = G_N_ELEMENTS (cas);
  return cas;
}

const RdsCertificateAuthority *
rds_catalog_find_ca (const char *identifier)
{
  if (identifier == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cas); i++)
    if (g_str_equal (cas[i].identifier, identifier))
      return &cas[i];

  return NULL;
}

const char *
rds_catalog_default_ca (void)
{
  return cas[0].identifier;
}
