/* rds-keys-page.h: the KMS keys page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEYS_PAGE (rds_keys_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeysPage, rds_keys_page, RDS, KEYS_PAGE, RdsPage)

void                rds_keys_page_refresh       (RdsKeysPage *self);
gboolean            rds_keys_page_get_loading   (RdsKeysPage *self);
GListModel         *rds_keys_page_get_keys      (RdsKeysPage *self);
GtkSingleSelection *rds_keys_page_get_selection (RdsKeysPage *self);
gboolean            rds_keys_page_select_key    (RdsKeysPage *self,
                                                 const char  *alias_or_id);

G_END_DECLS
