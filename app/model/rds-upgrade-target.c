/* rds-upgrade-target.c: An engine version an instance can be upgraded to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-upgrade-target.h"

struct _RdsUpgradeTarget
{
  RdsShape parent_instance;

  const char *engine;
  const char *engine_version;
  char       *description;
  gboolean   auto_upgrade;
  gboolean   is_major_version_upgrade;
};

G_DEFINE_FINAL_TYPE (RdsUpgradeTarget, rds_upgrade_target, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_INTERNED (RdsUpgradeTarget, engine, "engine", "Engine",
                      N_("The database engine")),
  RDS_FIELD_INTERNED (RdsUpgradeTarget, engine_version, "engine-version", "EngineVersion",
                      N_("The version to upgrade to")),
  RDS_FIELD_STRING (RdsUpgradeTarget, description, "description", "Description",
                    N_("The description of the version")),
  RDS_FIELD_BOOLEAN (RdsUpgradeTarget, auto_upgrade, "auto-upgrade", "AutoUpgrade",
                     N_("Whether instances with automatic minor version upgrade move to it")),
  RDS_FIELD_BOOLEAN (RdsUpgradeTarget, is_major_version_upgrade, "is-major-version-upgrade", "IsMajorVersionUpgrade",
                     N_("Whether it is a new major version")),
};

static void
rds_upgrade_target_class_init (RdsUpgradeTargetClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_upgrade_target_init (RdsUpgradeTarget *self)
{
}
