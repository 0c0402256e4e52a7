/* rds-activity-watcher.h: notices when a resource's long operation ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-resource-list.h"

G_BEGIN_DECLS

#define RDS_TYPE_ACTIVITY_WATCHER (rds_activity_watcher_get_type ())
G_DECLARE_FINAL_TYPE (RdsActivityWatcher, rds_activity_watcher, RDS, ACTIVITY_WATCHER, GObject)

/* Whether a status is a transition that ends by itself. */
typedef gboolean (*RdsTransitionFunc) (const char *status);

RdsActivityWatcher *rds_activity_watcher_new      (RdsResourceList   *list,
                                                   const char        *status_property,
                                                   RdsTransitionFunc  is_transition);
void                rds_activity_watcher_set_list (RdsActivityWatcher *self,
                                                   RdsResourceList    *list);
void                rds_activity_watcher_reset    (RdsActivityWatcher *self);

G_END_DECLS
