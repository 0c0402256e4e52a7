/* rds-preferences-window.c: Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The refresh interval of the lists, the embedded simulator's port and the
 * desktop notifications, bound to GSettings. A new interval or port applies
 * from the next start.
 */

#include "config.h"

#include "rds-preferences-window.h"

struct _RdsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkAdjustment        *interval_adjustment;
  GtkAdjustment        *port_adjustment;
  GtkWidget            *notify_switch;
};

G_DEFINE_FINAL_TYPE (RdsPreferencesWindow, rds_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rds_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rds_preferences_window_parent_class)->dispose (object);
}

static void
rds_preferences_window_class_init (RdsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsPreferencesWindow, interval_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RdsPreferencesWindow, port_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RdsPreferencesWindow, notify_switch);
}

static void
rds_preferences_window_init (RdsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RdsPreferencesWindow *
rds_preferences_window_new (GSettings *settings)
{
  RdsPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RDS_TYPE_PREFERENCES_WINDOW, NULL);
  g_settings_bind (settings, "refresh-interval", self->interval_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "simulator-port", self->port_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-when-done", self->notify_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  return self;
}
