/* rds-page.h: what every page of the window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_PAGE (rds_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdsPage, rds_page, RDS, PAGE, GtkWidget)

struct _RdsPageClass
{
  GtkWidgetClass parent_class;

  /* The session's list the page shows, if it has one. */
  RdsResourceList *(*get_list)        (RdsPage    *self,
                                       RdsSession *session);
  /* The session (and with it the list) changed: rewire the page's own. */
  void             (*session_changed) (RdsPage    *self);
  /* Whether the page still waits for answers beyond its list's. */
  gboolean         (*is_loading)      (RdsPage    *self);

  gpointer padding[7];
};

RdsSession      *rds_page_get_session      (RdsPage    *self);
void             rds_page_set_session      (RdsPage    *self,
                                            RdsSession *session);
RdsResourceList *rds_page_get_list         (RdsPage    *self);
gboolean         rds_page_is_loading       (RdsPage    *self);
GSignalGroup    *rds_page_get_list_signals (RdsPage    *self);
void             rds_page_show_list_in     (RdsPage          *self,
                                            GtkSortListModel *model);

G_END_DECLS
