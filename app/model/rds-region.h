/* rds-region.h: the AWS Regions the console knows, and their Availability Zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;            /* us-east-1 */
  const char *display_name;    /* translatable: US East (N. Virginia) */
  const char *zone_letters;    /* the Availability Zones: "abcdef" → us-east-1a … us-east-1f */
  const char *hosted_zone_id;  /* of RDS endpoints in the Region */
} RdsRegion;

const RdsRegion *rds_region_lookup      (const char      *name);
const RdsRegion *rds_region_get_all     (guint           *n_regions);
guint            rds_region_get_n_zones (const RdsRegion *region);
char            *rds_region_get_zone    (const RdsRegion *region,
                                         guint            index);
gboolean         rds_region_has_zone    (const RdsRegion *region,
                                         const char      *zone);

G_END_DECLS
