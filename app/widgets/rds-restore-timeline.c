/* rds-restore-timeline.c: a DB instance's restorable window, and the time chosen in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A horizontal bar from the earliest restorable time (the oldest automated
 * backup kept) to the latest (usually within 5 minutes of now), with a
 * marker at the time chosen for a point-in-time restore; a marker outside
 * the window shows in the error colour at the end it passed. A slider for
 * the keyboard and screen readers: Left and Right move the time by a
 * minute, with Shift by an hour, Page Up and Page Down by a day, Home and
 * End to the ends; a click moves it there. Its accessible description says
 * the window and the time chosen.
 */

#include "config.h"

#include "rds-restore-timeline.h"

#include <glib/gi18n.h>

#include "rds-format.h"

#define MINUTE_USEC (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR_USEC   (60 * MINUTE_USEC)
#define DAY_USEC    (24 * HOUR_USEC)

#define PADDING     12.0
#define TRACK_Y     16.0
#define TRACK_H     8.0
#define KNOB_R      7.0

struct _RdsRestoreTimeline
{
  GtkWidget  parent_instance;

  gint64     earliest;
  gint64     latest;
  gint64     chosen;
};

G_DEFINE_FINAL_TYPE (RdsRestoreTimeline, rds_restore_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_utc (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return time != NULL ? rds_format_restore_time (NULL, time) : g_strdup ("");
}

static gboolean
has_window (RdsRestoreTimeline *self)
{
  return self->earliest > 0 && self->latest >= self->earliest;
}

/**
 * rds_restore_timeline_describe:
 *
 * Returns: (transfer full): the window and the time chosen, in words: the
 *   accessible description
 */
char *
rds_restore_timeline_describe (RdsRestoreTimeline *self)
{
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *chosen = NULL;

  g_return_val_if_fail (RDS_IS_RESTORE_TIMELINE (self), NULL);

  if (!has_window (self))
    return g_strdup (_("There is no restorable window yet."));

  earliest = format_utc (self->earliest);
  latest = format_utc (self->latest);
  chosen = format_utc (self->chosen);
  if (self->chosen < self->earliest || self->chosen > self->latest)
    /* Translators: the restorable window, from %s to %s, and the time chosen, %s, outside it */
    return g_strdup_printf (_("Restorable from %s to %s. Chosen: %s, outside the window."), earliest, latest,
                            chosen);
  /* Translators: the restorable window, from %s to %s, and the time chosen in it */
  return g_strdup_printf (_("Restorable from %s to %s. Chosen: %s."), earliest, latest, chosen);
}

static void
update_accessible (RdsRestoreTimeline *self)
{
  g_autofree char *description = rds_restore_timeline_describe (self);
  g_autofree char *chosen = has_window (self) ? format_utc (self->chosen) : g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) (self->earliest / G_USEC_PER_SEC),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) (self->latest / G_USEC_PER_SEC),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) (self->chosen / G_USEC_PER_SEC),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, chosen,
                                  -1);
}

/* Drawing */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static double
x_of (RdsRestoreTimeline *self,
      gint64              time,
      double              width)
{
  double span = (double) MAX (self->latest - self->earliest, 1);
  double t = CLAMP ((double) (time - self->earliest) / span, 0.0, 1.0);

  return PADDING + t * (width - 2 * PADDING);
}

static void
append_rounded (GtkSnapshot     *snapshot,
                const GdkRGBA   *color,
                graphene_rect_t *rect,
                double           radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_label (RdsRestoreTimeline *self,
              GtkSnapshot        *snapshot,
              const char         *text,
              double              x,
              double              y,
              double              align,
              const GdkRGBA      *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - align * width, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
rds_restore_timeline_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RdsRestoreTimeline *self = RDS_RESTORE_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  GdkRGBA fg, accent, error, track, dim;
  gboolean outside;
  double x;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  lookup_color (widget, "error_color", "#c01c28", &error);
  track = fg;
  track.alpha = 0.15;
  dim = fg;
  dim.alpha = 0.7;

  append_rounded (snapshot, &track,
                  &GRAPHENE_RECT_INIT (PADDING, TRACK_Y, width - 2 * PADDING, TRACK_H), TRACK_H / 2);
  if (!has_window (self))
    {
      append_label (self, snapshot, _("No restorable window yet"), width / 2, TRACK_Y + TRACK_H + 8, 0.5, &dim);
      return;
    }

  /* The window: all of the bar, from the earliest to the latest. */
  accent.alpha = 0.45;
  append_rounded (snapshot, &accent,
                  &GRAPHENE_RECT_INIT (PADDING, TRACK_Y, width - 2 * PADDING, TRACK_H), TRACK_H / 2);
  accent.alpha = 1.0;

  {
    g_autofree char *earliest = format_utc (self->earliest);
    g_autofree char *latest = format_utc (self->latest);

    append_label (self, snapshot, earliest, PADDING, TRACK_Y + TRACK_H + 10, 0.0, &dim);
    append_label (self, snapshot, latest, width - PADDING, TRACK_Y + TRACK_H + 10, 1.0, &dim);
  }

  /* The time chosen: a line and a knob, red where no restore reaches. */
  outside = self->chosen < self->earliest || self->chosen > self->latest;
  x = x_of (self, self->chosen, width);
  gtk_snapshot_append_color (snapshot, outside ? &error : &accent,
                             &GRAPHENE_RECT_INIT (x - 1, 2, 2, TRACK_Y + TRACK_H + 4));
  if (gtk_widget_has_visible_focus (widget))
    append_rounded (snapshot, &accent,
                    &GRAPHENE_RECT_INIT (x - KNOB_R - 3, TRACK_Y + TRACK_H / 2 - KNOB_R - 3,
                                         2 * KNOB_R + 6, 2 * KNOB_R + 6), KNOB_R + 3);
  {
    GdkRGBA white = { 1, 1, 1, 1 };

    append_rounded (snapshot, &white,
                    &GRAPHENE_RECT_INIT (x - KNOB_R + 1, TRACK_Y + TRACK_H / 2 - KNOB_R + 1,
                                         2 * KNOB_R - 2, 2 * KNOB_R - 2), KNOB_R - 1);
    append_rounded (snapshot, outside ? &error : &accent,
                    &GRAPHENE_RECT_INIT (x - KNOB_R + 3, TRACK_Y + TRACK_H / 2 - KNOB_R + 3,
                                         2 * KNOB_R - 6, 2 * KNOB_R - 6), KNOB_R - 3);
  }
}

static void
rds_restore_timeline_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 560;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "2026");
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      *minimum = *natural = (int) (TRACK_Y + TRACK_H + 10) + height + 4;
    }
}

/* Input */

static gboolean
move_by (RdsRestoreTimeline *self,
         gint64              delta)
{
  if (!has_window (self))
    return FALSE;
  rds_restore_timeline_set_chosen (self, CLAMP (self->chosen + delta, self->earliest, self->latest));
  return TRUE;
}

static gboolean
key_pressed_cb (RdsRestoreTimeline *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state)
{
  gint64 step = (state & GDK_SHIFT_MASK) ? HOUR_USEC : MINUTE_USEC;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_by (self, -step);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_by (self, step);
    case GDK_KEY_Page_Down:
      return move_by (self, -DAY_USEC);
    case GDK_KEY_Page_Up:
      return move_by (self, DAY_USEC);
    case GDK_KEY_Home:
      return move_by (self, self->earliest - self->chosen);
    case GDK_KEY_End:
      return move_by (self, self->latest - self->chosen);
    default:
      return FALSE;
    }
}

static void
pressed_cb (RdsRestoreTimeline *self,
            int                 n_press,
            double              x,
            double              y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double t;

  if (!has_window (self) || width <= 2 * PADDING)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  t = CLAMP ((x - PADDING) / (width - 2 * PADDING), 0.0, 1.0);
  /* To the whole second, as a restore time is. */
  rds_restore_timeline_set_chosen (self, (self->earliest + (gint64) (t * (self->latest - self->earliest)))
                                         / G_USEC_PER_SEC * G_USEC_PER_SEC);
}

/* GObject */

static void
rds_restore_timeline_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdsRestoreTimeline *self = RDS_RESTORE_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CHOSEN:
      g_value_set_int64 (value, self->chosen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_restore_timeline_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RdsRestoreTimeline *self = RDS_RESTORE_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_CHOSEN:
      rds_restore_timeline_set_chosen (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_restore_timeline_class_init (RdsRestoreTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rds_restore_timeline_get_property;
  object_class->set_property = rds_restore_timeline_set_property;
  widget_class->snapshot = rds_restore_timeline_snapshot;
  widget_class->measure = rds_restore_timeline_measure;

  /**
   * RdsRestoreTimeline:chosen:
   *
   * The time chosen, in microseconds since the epoch (UTC).
   */
  properties[PROP_CHOSEN] =
    g_param_spec_int64 ("chosen", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "restoretimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
rds_restore_timeline_init (RdsRestoreTimeline *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Restorable window"), -1);
  update_accessible (self);
}

GtkWidget *
rds_restore_timeline_new (void)
{
  return g_object_new (RDS_TYPE_RESTORE_TIMELINE, NULL);
}

/**
 * rds_restore_timeline_set_window:
 * @earliest: the earliest restorable time (µs since the epoch), 0 for none
 * @latest: the latest restorable time
 */
void
rds_restore_timeline_set_window (RdsRestoreTimeline *self,
                                 gint64              earliest,
                                 gint64              latest)
{
  g_return_if_fail (RDS_IS_RESTORE_TIMELINE (self));

  if (self->earliest == earliest && self->latest == latest)
    return;
  self->earliest = earliest;
  self->latest = latest;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
rds_restore_timeline_get_earliest (RdsRestoreTimeline *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_TIMELINE (self), 0);

  return self->earliest;
}

gint64
rds_restore_timeline_get_latest (RdsRestoreTimeline *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_TIMELINE (self), 0);

  return self->latest;
}

gint64
rds_restore_timeline_get_chosen (RdsRestoreTimeline *self)
{
  g_return_val_if_fail (RDS_IS_RESTORE_TIMELINE (self), 0);

  return self->chosen;
}

void
rds_restore_timeline_set_chosen (RdsRestoreTimeline *self,
                                 gint64              chosen)
{
  g_return_if_fail (RDS_IS_RESTORE_TIMELINE (self));

  if (self->chosen == chosen)
    return;
  self->chosen = chosen;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}
