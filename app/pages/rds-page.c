/* rds-page.c: what every page of the window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows part of a session: it has the "session" property the
 * window sets on every page, the session's list it shows (if any) with a
 * signal group that follows it, and it lets go of its children when
 * disposed. A page says which list it shows (get_list) and rewires the
 * rest when the session changes (session_changed).
 */

#include "config.h"

#include "rds-page.h"

#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-widget-util.h"

typedef struct
{
  RdsSession      *session;
  RdsResourceList *list;
  GSignalGroup    *list_signals;
  GtkSortListModel *shown_in;    /* the template's, which the list feeds */
} RdsPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RdsPage, rds_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rds_page_dispose (GObject *object)
{
  RdsPage *self = RDS_PAGE (object);
  RdsPagePrivate *priv = rds_page_get_instance_private (self);

  /* The page's own template was disposed by its dispose, first. */
  rds_widget_unparent_children (GTK_WIDGET (self));
  if (priv->list_signals != NULL)
    g_signal_group_set_target (priv->list_signals, NULL);
  priv->shown_in = NULL;
  g_clear_object (&priv->list);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (rds_page_parent_class)->dispose (object);
}

static void
rds_page_finalize (GObject *object)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (RDS_PAGE (object));

  g_clear_object (&priv->list_signals);

  G_OBJECT_CLASS (rds_page_parent_class)->finalize (object);
}

static void
rds_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, rds_page_get_session (RDS_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      rds_page_set_session (RDS_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_page_class_init (RdsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_page_dispose;
  object_class->finalize = rds_page_finalize;
  object_class->get_property = rds_page_get_property;
  object_class->set_property = rds_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rds_page_init (RdsPage *self)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);

  priv->list_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
}

RdsSession *
rds_page_get_session (RdsPage *self)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_PAGE (self), NULL);

  return priv->session;
}

void
rds_page_set_session (RdsPage    *self,
                      RdsSession *session)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);
  RdsPageClass *klass;

  g_return_if_fail (RDS_IS_PAGE (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;

  klass = RDS_PAGE_GET_CLASS (self);
  g_clear_object (&priv->list);
  if (session != NULL && klass->get_list != NULL)
    priv->list = g_object_ref (klass->get_list (self, session));
  g_signal_group_set_target (priv->list_signals, priv->list);
  if (priv->shown_in != NULL)
    gtk_sort_list_model_set_model (priv->shown_in,
                                   priv->list != NULL ? rds_resource_list_get_model (priv->list) : NULL);
  if (klass->session_changed != NULL)
    klass->session_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * rds_page_get_list:
 *
 * Returns: (transfer none) (nullable): the session's list the page shows
 */
RdsResourceList *
rds_page_get_list (RdsPage *self)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_PAGE (self), NULL);

  return priv->list;
}

/**
 * rds_page_is_loading:
 *
 * Returns: whether the page waits for answers: its list's, or others it
 *   asked for itself (what a screenshot waits out)
 */
gboolean
rds_page_is_loading (RdsPage *self)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);
  RdsPageClass *klass;

  g_return_val_if_fail (RDS_IS_PAGE (self), FALSE);

  klass = RDS_PAGE_GET_CLASS (self);
  if (priv->list != NULL && (!rds_resource_list_get_loaded (priv->list) || rds_resource_list_get_loading (priv->list)))
    return TRUE;
  return klass->is_loading != NULL && klass->is_loading (self);
}

/**
 * rds_page_get_list_signals:
 *
 * Returns: (transfer none): a signal group that follows the page's list;
 *   a page connects its handlers once, in its init
 */
GSignalGroup *
rds_page_get_list_signals (RdsPage *self)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_PAGE (self), NULL);

  return priv->list_signals;
}

/**
 * rds_page_show_list_in:
 * @model: the template's sort model, at the root of what the page shows
 *
 * Feeds the page's list into @model whenever the session changes. The
 * template keeps @model alive as long as the page.
 */
void
rds_page_show_list_in (RdsPage          *self,
                       GtkSortListModel *model)
{
  RdsPagePrivate *priv = rds_page_get_instance_private (self);

  g_return_if_fail (RDS_IS_PAGE (self));
  g_return_if_fail (GTK_IS_SORT_LIST_MODEL (model));

  priv->shown_in = model;
}
