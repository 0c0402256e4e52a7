/* rds-clock-control.c: the simulator's clock, in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the simulated time and rate, and lets the user pause the clock,
 * run it at 1×, 10×, 60×, 600× or 3600×, or jump ahead. "rate" is the
 * chosen speed by name ("paused", "1", "10", …) and backs the clock.rate
 * action; setting it asks the simulator, and the simulator's answer (or
 * another client's change, seen by polling) sets it back.
 */

#include "config.h"

#include "rds-clock-control.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-format.h"
#include "rds-session.h"

struct _RdsClockControl
{
  GtkWidget     parent_instance;

  RdsSession   *session;
  GSignalGroup *session_signals;
  GCancellable *cancellable;
  char         *rate;
  guint         tick;
  guint         focus_idle;   /* the popover's focus, once it is open */

  GtkWidget    *button;
  GtkWidget    *state_icon;
  GtkWidget    *time_label;
  GtkWidget    *rate_label;
  GtkWidget    *date_label;   /* in the popover, once built */
};

G_DEFINE_FINAL_TYPE (RdsClockControl, rds_clock_control, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_time (RdsClockControl *self)
{
  gint64 now = self->session != NULL ? rds_session_get_simulated_time (self->session) : 0;
  g_autofree char *short_text = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *accessible = NULL;

  if (now <= 0)
    {
      gtk_label_set_label (GTK_LABEL (self->time_label), "--:--");
      if (self->date_label != NULL)
        gtk_label_set_label (GTK_LABEL (self->date_label), "");
      return;
    }

  short_text = rds_format_time_short (NULL, now);
  long_text = rds_format_time (NULL, now);
  gtk_label_set_label (GTK_LABEL (self->time_label), short_text);
  if (self->date_label != NULL)
    gtk_label_set_label (GTK_LABEL (self->date_label), long_text);

  /* Translators: the accessible name of the clock button; %s is a time */
  accessible = g_strdup_printf (_("Simulator clock: %s"), long_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static gboolean
tick_cb (gpointer data)
{
  update_time (data);
  return G_SOURCE_CONTINUE;
}

static char *
rate_name_from_session (RdsSession *session)
{
  if (rds_session_get_clock_paused (session))
    return g_strdup ("paused");

  return g_strdup_printf ("%g", rds_session_get_clock_rate (session));
}

static void
show_rate (RdsClockControl *self)
{
  gboolean paused = g_strcmp0 (self->rate, "paused") == 0;
  g_autofree char *text = NULL;

  if (paused)
    text = g_strdup (_("Paused"));
  else
    /* Translators: the simulator clock's speed, "60×" */
    text = g_strdup_printf (_("%s×"), self->rate != NULL ? self->rate : "1");

  gtk_label_set_label (GTK_LABEL (self->rate_label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->state_icon),
                                paused ? "media-playback-pause-symbolic"
                                       : "media-playback-start-symbolic");
  update_time (self);
}

/* The session's clock changed: follow it without asking anything. */
static void
session_clock_changed_cb (RdsClockControl *self)
{
  g_autofree char *rate = rate_name_from_session (self->session);

  if (g_strcmp0 (rate, self->rate) != 0)
    {
      g_free (self->rate);
      self->rate = g_steal_pointer (&rate);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
    }
  show_rate (self);
}

static void
control_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RdsClockControl) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rds_session_control_finish (RDS_SESSION (object), result, &error))
    {
      GtkRoot *root;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      root = gtk_widget_get_root (GTK_WIDGET (self));
      if (root != NULL)
        gtk_widget_activate_action (GTK_WIDGET (root), "win.show-error", "s", error->message);
    }

  if (self->session != NULL)
    session_clock_changed_cb (self);
}

static void
send_rate (RdsClockControl *self,
           const char      *rate)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "paused");
  json_builder_add_boolean_value (builder, g_str_equal (rate, "paused"));
  if (!g_str_equal (rate, "paused"))
    {
      json_builder_set_member_name (builder, "rate");
      json_builder_add_double_value (builder, g_ascii_strtod (rate, NULL));
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rds_session_control_async (self->session, "clock", body, self->cancellable, control_cb,
                             g_object_ref (self));
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rds_clock_control_advance (RDS_CLOCK_CONTROL (widget), g_variant_get_int32 (parameter));
}

static void
rds_clock_control_dispose (GObject *object)
{
  RdsClockControl *self = RDS_CLOCK_CONTROL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_CLOCK_CONTROL);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_clock_control_parent_class)->dispose (object);
}

static void
rds_clock_control_finalize (GObject *object)
{
  RdsClockControl *self = RDS_CLOCK_CONTROL (object);

  g_clear_object (&self->cancellable);
  g_free (self->rate);

  G_OBJECT_CLASS (rds_clock_control_parent_class)->finalize (object);
}

static void
rds_clock_control_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsClockControl *self = RDS_CLOCK_CONTROL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RATE:
      g_value_set_string (value, self->rate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_clock_control_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdsClockControl *self = RDS_CLOCK_CONTROL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rds_clock_control_set_session (self, g_value_get_object (value));
      break;
    case PROP_RATE:
      rds_clock_control_set_rate (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_clock_control_map (GtkWidget *widget)
{
  RdsClockControl *self = RDS_CLOCK_CONTROL (widget);

  GTK_WIDGET_CLASS (rds_clock_control_parent_class)->map (widget);

  update_time (self);
  if (self->tick == 0)
    self->tick = g_timeout_add_seconds (1, tick_cb, self);
}

static void
rds_clock_control_unmap (GtkWidget *widget)
{
  RdsClockControl *self = RDS_CLOCK_CONTROL (widget);

  g_clear_handle_id (&self->tick, g_source_remove);

  GTK_WIDGET_CLASS (rds_clock_control_parent_class)->unmap (widget);
}

static void
rds_clock_control_class_init (RdsClockControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_clock_control_dispose;
  object_class->finalize = rds_clock_control_finalize;
  object_class->get_property = rds_clock_control_get_property;
  object_class->set_property = rds_clock_control_set_property;

  widget_class->map = rds_clock_control_map;
  widget_class->unmap = rds_clock_control_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RATE] =
    g_param_spec_string ("rate", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-clock-control.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsClockControl, button);
  gtk_widget_class_bind_template_child (widget_class, RdsClockControl, state_icon);
  gtk_widget_class_bind_template_child (widget_class, RdsClockControl, time_label);
  gtk_widget_class_bind_template_child (widget_class, RdsClockControl, rate_label);

  gtk_widget_class_install_property_action (widget_class, "clock.rate", "rate");
  gtk_widget_class_install_action (widget_class, "clock.advance", "i", advance_action);
}

/* The speed chosen: where the keyboard starts in the popover. */
static GtkWidget *
find_active_check (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        return child;
      if ((found = find_active_check (child)) != NULL)
        return found;
    }
  return NULL;
}

/* GTK 4.8 opens a menu button's plain popover with the focus left on the
 * button (and its popover's own focus chain finds nothing to move to):
 * keys went on to the window behind. Once open, the speed chosen takes
 * the focus; Tab goes on to Jump ahead. */
static gboolean
focus_popover_cb (gpointer data)
{
  RdsClockControl *self = data;
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->button)));
  GtkWidget *check = gtk_widget_get_mapped (popover) ? find_active_check (popover) : NULL;

  self->focus_idle = 0;
  if (check != NULL)
    gtk_widget_grab_focus (check);
  return G_SOURCE_REMOVE;
}

static void
popover_mapped_cb (RdsClockControl *self)
{
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add (focus_popover_cb, self);
}

/* The popover is built when first opened: its two dozen widgets cost
 * milliseconds on the way to the window's first frame. */
static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       data)
{
  RdsClockControl *self = data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *popover;

  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PATH "/ui/rds-clock-popover.ui", &error))
    g_error ("%s", error->message);
  popover = GTK_WIDGET (gtk_builder_get_object (builder, "popover"));
  self->date_label = GTK_WIDGET (gtk_builder_get_object (builder, "date_label"));
  g_signal_connect_object (popover, "map", G_CALLBACK (popover_mapped_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_menu_button_set_popover (button, popover);
  rds_accessible_name_controls (popover);
  rds_word_wrap_all (popover);
  update_time (self);
}

static void
rds_clock_control_init (RdsClockControl *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popover_cb, self, NULL);

  self->cancellable = g_cancellable_new ();
  self->rate = g_strdup ("1");
  self->session_signals = g_signal_group_new (RDS_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::clock-rate",
                                  G_CALLBACK (session_clock_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::clock-paused",
                                  G_CALLBACK (session_clock_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::simulated-time",
                                  G_CALLBACK (update_time), self);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clock.advance", FALSE);
  show_rate (self);
}

RdsSession *
rds_clock_control_get_session (RdsClockControl *self)
{
  g_return_val_if_fail (RDS_IS_CLOCK_CONTROL (self), NULL);

  return self->session;
}

/* Only a simulator has a clock: the control hides for other endpoints. */
void
rds_clock_control_set_session (RdsClockControl *self,
                               RdsSession      *session)
{
  g_return_if_fail (RDS_IS_CLOCK_CONTROL (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  gtk_widget_set_visible (GTK_WIDGET (self), session != NULL && rds_session_is_simulator (session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clock.advance", session != NULL);
  if (session != NULL)
    session_clock_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
rds_clock_control_get_rate (RdsClockControl *self)
{
  g_return_val_if_fail (RDS_IS_CLOCK_CONTROL (self), NULL);

  return self->rate;
}

/**
 * rds_clock_control_set_rate:
 * @rate: "paused", "1", "10", "60", "600" or "3600"
 *
 * Asks the simulator to run its clock at @rate.
 */
void
rds_clock_control_set_rate (RdsClockControl *self,
                            const char      *rate)
{
  g_return_if_fail (RDS_IS_CLOCK_CONTROL (self));

  if (rate == NULL || g_strcmp0 (self->rate, rate) == 0)
    return;
  if (!g_str_equal (rate, "paused") && g_ascii_strtod (rate, NULL) <= 0)
    return;

  g_free (self->rate);
  self->rate = g_strdup (rate);
  show_rate (self);
  if (self->session != NULL)
    send_rate (self, rate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

void
rds_clock_control_toggle_paused (RdsClockControl *self)
{
  g_return_if_fail (RDS_IS_CLOCK_CONTROL (self));

  if (g_strcmp0 (self->rate, "paused") == 0)
    {
      double rate = self->session != NULL ? rds_session_get_clock_rate (self->session) : 1.0;
      g_autofree char *name = g_strdup_printf ("%g", rate > 0 ? rate : 1.0);

      rds_clock_control_set_rate (self, name);
    }
  else
    rds_clock_control_set_rate (self, "paused");
}

void
rds_clock_control_advance (RdsClockControl *self,
                           int              seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RDS_IS_CLOCK_CONTROL (self));
  g_return_if_fail (seconds > 0);

  if (self->session == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_int_value (builder, seconds);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rds_session_control_async (self->session, "clock/advance", body, self->cancellable, control_cb,
                             g_object_ref (self));
}
