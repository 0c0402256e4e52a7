/* rds-message-data.h: A note CloudWatch adds to an answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_MESSAGE_DATA (rds_message_data_get_type ())
G_DECLARE_FINAL_TYPE (RdsMessageData, rds_message_data, RDS, MESSAGE_DATA, RdsShape)

G_END_DECLS
