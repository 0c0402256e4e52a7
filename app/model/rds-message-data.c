/* rds-message-data.c: A note CloudWatch adds to an answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-message-data.h"

struct _RdsMessageData
{
  RdsShape parent_instance;

  char        *code;
  char        *value;
};

G_DEFINE_FINAL_TYPE (RdsMessageData, rds_message_data, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsMessageData, code, "code", "Code",
                  N_("What kind of note")),
  RDS_FIELD_STRING (RdsMessageData, value, "value", "Value",
                  N_("The note")),
};

static void
rds_message_data_class_init (RdsMessageDataClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_message_data_init (RdsMessageData *self)
{
}
