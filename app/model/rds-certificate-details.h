/* rds-certificate-details.h: The server certificate of an instance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_CERTIFICATE_DETAILS (rds_certificate_details_get_type ())
G_DECLARE_FINAL_TYPE (RdsCertificateDetails, rds_certificate_details, RDS, CERTIFICATE_DETAILS, RdsShape)

G_END_DECLS
