/* rds-resource-list.h: a Describe action's answer, kept current in a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-client.h"
#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_RESOURCE_LIST (rds_resource_list_get_type ())
G_DECLARE_FINAL_TYPE (RdsResourceList, rds_resource_list, RDS, RESOURCE_LIST, GObject)

RdsResourceList *rds_resource_list_new           (const char       *action,
                                                  const char * const *key_fields);
void             rds_resource_list_set_client    (RdsResourceList  *self,
                                                  RdsClient        *client);
RdsClient       *rds_resource_list_get_client    (RdsResourceList  *self);
void             rds_resource_list_set_parameter (RdsResourceList  *self,
                                                  const char       *name,
                                                  const char       *value);
GListModel      *rds_resource_list_get_model     (RdsResourceList  *self);
gpointer         rds_resource_list_find          (RdsResourceList  *self,
                                                  const char       *key);
char            *rds_resource_list_key_of        (RdsResourceList  *self,
                                                  RdsShape         *item);
gboolean         rds_resource_list_refresh       (RdsResourceList  *self);
gboolean         rds_resource_list_get_loading   (RdsResourceList  *self);
guint            rds_resource_list_get_serial    (RdsResourceList  *self);
guint            rds_resource_list_get_finished_serial (RdsResourceList *self);
gboolean         rds_resource_list_get_loaded    (RdsResourceList  *self);
const GError    *rds_resource_list_get_error     (RdsResourceList  *self);

G_END_DECLS
