/* rds-region.c: the AWS Regions the console knows, and their Availability Zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rds-region.h"

static const RdsRegion regions[] = {
  { "us-east-1", N_("US East (N. Virginia)"), "abcdef", "Z2R2ITUGPM61AM" },
  { "us-east-2", N_("US East (Ohio)"), "abc", "Z2XHWR1WZ565X2" },
  { "us-west-2", N_("US West (Oregon)"), "abcd", "Z1PVIF0B656C1W" },
  { "ca-central-1", N_("Canada (Central)"), "abd", "Z19T0ZGBUSSPOX" },
  { "sa-east-1", N_("South America (São Paulo)"), "abc", "Z2Z8P6GTT2QRDC" },
  { "eu-west-1", N_("Europe (Ireland)"), "abc", "Z29XKXDKYMONMX" },
  { "eu-west-2", N_("Europe (London)"), "abc", "Z1REAUOLDCNU4S" },
  { "eu-central-1", N_("Europe (Frankfurt)"), "abc", "Z1RLNUO7B9Q6NB" },
  { "ap-northeast-1", N_("Asia Pacific (Tokyo)"), "acd", "Z24O6O9L7SGTNB" },
  { "ap-northeast-2", N_("Asia Pacific (Seoul)"), "abcd", "Z1ALIQEIZ9XMIV" },
  { "ap-southeast-1", N_("Asia Pacific (Singapore)"), "abc", "Z2G0U3KFCY8NZ5" },
  { "ap-southeast-2", N_("Asia Pacific (Sydney)"), "abc", "Z2PCPUOT3W8PNR" },
  { "ap-south-1", N_("Asia Pacific (Mumbai)"), "abc", "Z2VBMCYD3VVJJ6" },
};

const RdsRegion *
rds_region_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].name, name))
      return &regions[i];

  return NULL;
}

const RdsRegion *
rds_region_get_all (guint *n_regions)
{
  if (n_regions != NULL)
    *n_regions = G_N_ELEMENTS (regions);
  return regions;
}

guint
rds_region_get_n_zones (const RdsRegion *region)
{
  g_return_val_if_fail (region != NULL, 0);

  return strlen (region->zone_letters);
}

char *
rds_region_get_zone (const RdsRegion *region,
                     guint            index)
{
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (index < rds_region_get_n_zones (region), NULL);

  return g_strdup_printf ("%s%c", region->name, region->zone_letters[index]);
}

gboolean
rds_region_has_zone (const RdsRegion *region,
                     const char      *zone)
{
  gsize length;

  g_return_val_if_fail (region != NULL, FALSE);

  if (zone == NULL)
    return FALSE;

  length = strlen (region->name);
  return strlen (zone) == length + 1 &&
         strncmp (zone, region->name, length) == 0 &&
         strchr (region->zone_letters, zone[length]) != NULL;
}
