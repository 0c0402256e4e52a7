/* rds-certificate-details.c: The server certificate of an instance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-certificate-details.h"

struct _RdsCertificateDetails
{
  RdsShape parent_instance;

  const char *ca_identifier;
  gint64     valid_till;
};

G_DEFINE_FINAL_TYPE (RdsCertificateDetails, rds_certificate_details, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_INTERNED (RdsCertificateDetails, ca_identifier, "ca-identifier", "CAIdentifier",
                      N_("The certificate authority that signed the server certificate")),
  RDS_FIELD_TIMESTAMP (RdsCertificateDetails, valid_till, "valid-till", "ValidTill",
                       N_("When the server certificate expires")),
};

static void
rds_certificate_details_class_init (RdsCertificateDetailsClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_certificate_details_init (RdsCertificateDetails *self)
{
}
