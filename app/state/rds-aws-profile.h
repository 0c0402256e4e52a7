/* rds-aws-profile.h: credentials, Region and endpoint as the AWS CLI finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *region;
  char *access_key_id;
  char *secret_access_key;   /* wiped when freed */
  char *session_token;       /* wiped when freed */
  char *endpoint_url;
} RdsAwsProfile;

RdsAwsProfile *rds_aws_profile_resolve (const char    *name,
                                        GError       **error);
char         **rds_aws_profile_list    (void);
void           rds_aws_profile_free    (RdsAwsProfile *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdsAwsProfile, rds_aws_profile_free)

G_END_DECLS
