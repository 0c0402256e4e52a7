/* rds-chart.c: a metric over time, drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One series of a metric on a time range: a value axis in the unit a
 * person reads (%, MiB, ms…), a time axis in UTC, the line, gaps where
 * there is no data, an alarm's threshold as a line, and the resource's
 * events (reboots, failovers, modifications) as markers on the time axis.
 *
 * The line is drawn a pixel column at a time: each column holds the
 * lowest, highest, first and last value of the points that fall in it,
 * computed once per width and data, so two weeks of minutes cost no more
 * to draw than an hour. Pointing at it, or moving along it with the
 * arrow keys, shows the value and time of one point.
 */

#include "config.h"

#include "rds-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rds-format.h"

#define TOP_MARGIN 8
#define RIGHT_MARGIN 10
#define AXIS_GAP 6
#define LINE_WIDTH 2.0f

typedef struct
{
  gint64              time;
  RdsChartMarkerKind  kind;
  char               *label;
} Marker;

/* The points of one pixel column. */
typedef struct
{
  float   low;
  float   high;
  float   first;
  float   last;
  gint64  first_time;
  gint64  last_time;
  gboolean filled;
} Column;

struct _RdsChart
{
  GtkWidget         parent_instance;

  char             *title;
  char             *empty_text;
  RdsMetricDisplay  display;
  gint64            start;
  gint64            end;
  GArray           *times;        /* gint64, ascending */
  GArray           *values;       /* double */
  int               period;       /* seconds between points */
  double            threshold;    /* NaN: none */
  double            lowest;       /* of the values, worked out once */
  double            highest;
  GArray           *markers;      /* Marker */
  int               selected;     /* the point shown, or -1 */

  /* Worked out from the data: the value axis… */
  RdsMetricScale    scale;
  double            axis_top;
  double            axis_step;
  /* …and, per width, the columns. */
  GArray           *columns;      /* Column */
  int               columns_width;
};

G_DEFINE_FINAL_TYPE (RdsChart, rds_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GLib 2.74 has no g_set_str (). */
static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
marker_clear (gpointer data)
{
  g_free (((Marker *) data)->label);
}

static guint
n_points (RdsChart *self)
{
  return self->times != NULL ? self->times->len : 0;
}

static gint64
time_at (RdsChart *self,
         guint     i)
{
  return g_array_index (self->times, gint64, i);
}

static double
value_at (RdsChart *self,
          guint     i)
{
  return g_array_index (self->values, double, i);
}

/* Axes */

static void
update_axis (RdsChart *self)
{
  double largest = n_points (self) > 0 ? MAX (0, self->highest) : 0;

  if (!isnan (self->threshold))
    largest = MAX (largest, self->threshold);
  if (self->display == RDS_METRIC_DISPLAY_PERCENT && largest > 50)
    largest = 100;

  /* Round steps in the unit shown: 0, 2, 4, 6 GiB, not bytes. */
  rds_metric_scale_for (self->display, largest, &self->scale);
  {
    double shown = largest / self->scale.divisor;
    double step = rds_metric_nice_step (shown > 0 ? shown : 1, 4);

    self->axis_step = step * self->scale.divisor;
    self->axis_top = self->axis_step * MAX (1.0, ceil (largest / self->axis_step - 1e-9));
    /* The labels show the step's precision, no more. */
    self->scale.decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
  }
}

static PangoLayout *
axis_layout (RdsChart   *self,
             const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

static char *
axis_label (RdsChart *self,
            double    value)
{
  return rds_metric_scale_format (&self->scale, value);
}

/* Where the plot is in the widget. */
static void
plot_area (RdsChart        *self,
           graphene_rect_t *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *widest = axis_label (self, self->axis_top);
  g_autoptr(PangoLayout) layout = axis_layout (self, widest);
  int label_width, label_height;

  pango_layout_get_pixel_size (layout, &label_width, &label_height);
  graphene_rect_init (area, label_width + AXIS_GAP, TOP_MARGIN,
                      MAX (1, width - label_width - AXIS_GAP - RIGHT_MARGIN),
                      MAX (1, height - TOP_MARGIN - label_height - AXIS_GAP));
}

static float
x_of (RdsChart              *self,
      const graphene_rect_t *area,
      gint64                 time)
{
  double span = MAX (1, self->end - self->start);

  return area->origin.x + (float) ((double) (time - self->start) / span * area->size.width);
}

static float
y_of (RdsChart              *self,
      const graphene_rect_t *area,
      double                 value)
{
  double top = self->axis_top > 0 ? self->axis_top : 1;

  return area->origin.y + area->size.height - (float) (CLAMP (value / top, 0, 1.02) * area->size.height);
}

/* The line's columns for @width pixels of plot. */
static void
ensure_columns (RdsChart *self,
                int       width)
{
  double span = MAX (1, self->end - self->start);
  double scale;

  if (self->columns != NULL && self->columns_width == width)
    return;

  scale = width / span;
  g_clear_pointer (&self->columns, g_array_unref);
  self->columns = g_array_sized_new (FALSE, TRUE, sizeof (Column), width);
  g_array_set_size (self->columns, width);
  self->columns_width = width;

  for (guint i = 0; i < n_points (self); i++)
    {
      gint64 time = time_at (self, i);
      float value = (float) value_at (self, i);
      double offset = (double) (time - self->start) * scale;
      int x = offset < 0 ? -1 : (int) offset;
      Column *column;

      if (x < 0 || x >= width)
        continue;
      column = &g_array_index (self->columns, Column, x);
      if (!column->filled)
        {
          column->filled = TRUE;
          column->low = column->high = column->first = value;
          column->first_time = time;
        }
      column->low = MIN (column->low, value);
      column->high = MAX (column->high, value);
      column->last = value;
      column->last_time = time;
    }
}

static void
invalidate (RdsChart *self)
{
  g_clear_pointer (&self->columns, g_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
lookup_color (RdsChart   *self,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  return gtk_style_context_lookup_color (context, name, color);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          x,
               float          y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
marker_color (RdsChart           *self,
              RdsChartMarkerKind  kind,
              GdkRGBA            *color)
{
  const char *name = kind == RDS_CHART_MARKER_REBOOT || kind == RDS_CHART_MARKER_FAILOVER ? "warning_color"
                     : kind == RDS_CHART_MARKER_STORAGE ? "success_color" : "accent_color";

  if (!lookup_color (self, name, color))
    gdk_rgba_parse (color, "#c64600");
}

static void
rds_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  RdsChart *self = RDS_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  graphene_rect_t area;
  GdkRGBA fg, grid, dim, line, alert;
  gint64 time_step;
  float previous_y = 0;
  gboolean previous = FALSE;
  gint64 previous_time = 0;
  int label_height;

  gtk_style_context_get_color (context, &fg);
  grid = fg;
  grid.alpha *= 0.12f;
  dim = fg;
  dim.alpha *= 0.7f;
  if (!lookup_color (self, "accent_color", &line))
    gdk_rgba_parse (&line, "#1c71d8");
  if (!lookup_color (self, "error_color", &alert))
    gdk_rgba_parse (&alert, "#c01c28");

  plot_area (self, &area);

  /* The value axis: a line and a label per step. */
  for (double value = 0; value <= self->axis_top + self->axis_step / 2; value += self->axis_step)
    {
      float y = y_of (self, &area, value);
      g_autofree char *text = axis_label (self, value);
      g_autoptr(PangoLayout) layout = axis_layout (self, text);
      int width, height;

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (area.origin.x, y, area.size.width, 1));
      pango_layout_get_pixel_size (layout, &width, &height);
      append_layout (snapshot, layout, area.origin.x - AXIS_GAP - width, y - height / 2.0f, &dim);
    }

  /* The time axis. */
  time_step = rds_time_nice_step (self->end - self->start, MAX (2, (int) area.size.width / 90));
  label_height = 0;
  for (gint64 t = (self->start / time_step + 1) * time_step; t < self->end; t += time_step)
    {
      float x = x_of (self, &area, t);
      g_autofree char *text = rds_format_axis_time (t, time_step);
      g_autoptr(PangoLayout) layout = axis_layout (self, text);
      int width;

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (x, area.origin.y, 1, area.size.height));
      pango_layout_get_pixel_size (layout, &width, &label_height);
      if (x - width / 2.0f >= area.origin.x - AXIS_GAP && x + width / 2.0f <= area.origin.x + area.size.width + RIGHT_MARGIN)
        append_layout (snapshot, layout, x - width / 2.0f, area.origin.y + area.size.height + AXIS_GAP / 2.0f, &dim);
    }

  /* Events, under the line. */
  for (guint i = 0; self->markers != NULL && i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);
      float x = x_of (self, &area, marker->time);
      GdkRGBA color;

      if (marker->time < self->start || marker->time > self->end)
        continue;
      marker_color (self, marker->kind, &color);
      color.alpha = 0.5f;
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, area.origin.y, 1, area.size.height));
      color.alpha = 1.0f;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x - 3, area.origin.y + area.size.height - 6, 7, 6));
    }

  /* The line, a pixel column at a time: a column's span covers its
   * values and, when the one before is next to it, that one's last value,
   * so a dense series is a run of little rectangles, cheap for any
   * renderer. Only links across empty columns (a sparse series) are
   * stroked, with cairo; gaps where there is no data stay open. */
  ensure_columns (self, (int) area.size.width);
  {
    cairo_t *cr = NULL;
    int previous_x = -1;

    for (int x = 0; x < self->columns_width; x++)
      {
        Column *column = &g_array_index (self->columns, Column, x);
        float cx = area.origin.x + x + 0.5f;
        float low, high;
        gboolean joined;

        if (!column->filled)
          continue;
        joined = previous && column->first_time - previous_time <= (gint64) self->period * 2 * G_USEC_PER_SEC;
        low = y_of (self, &area, column->high);
        high = y_of (self, &area, column->low);
        if (joined && x == previous_x + 1)
          {
            low = MIN (low, previous_y);
            high = MAX (high, previous_y);
          }
        else if (joined)
          {
            if (cr == NULL)
              {
                cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (area.origin.x - 2, area.origin.y - 2,
                                                                               area.size.width + 4,
                                                                               area.size.height + 4));
                cairo_set_line_width (cr, LINE_WIDTH);
                cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                gdk_cairo_set_source_rgba (cr, &line);
              }
            cairo_move_to (cr, area.origin.x + previous_x + 0.5, previous_y);
            cairo_line_to (cr, cx, y_of (self, &area, column->first));
          }
        gtk_snapshot_append_color (snapshot, &line,
                                   &GRAPHENE_RECT_INIT (cx - LINE_WIDTH / 2, low - LINE_WIDTH / 2,
                                                        LINE_WIDTH, high - low + LINE_WIDTH));
        previous = TRUE;
        previous_x = x;
        previous_y = y_of (self, &area, column->last);
        previous_time = column->last_time;
      }
    if (cr != NULL)
      {
        cairo_stroke (cr);
        cairo_destroy (cr);
      }
  }

  /* The threshold of an alarm. */
  if (!isnan (self->threshold))
    {
      float y = y_of (self, &area, self->threshold);

      gtk_snapshot_append_color (snapshot, &alert, &GRAPHENE_RECT_INIT (area.origin.x, y - 0.5f, area.size.width, 1.5f));
    }

  if (n_points (self) == 0 && self->empty_text != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->empty_text);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      append_layout (snapshot, layout, area.origin.x + (area.size.width - width) / 2,
                     area.origin.y + (area.size.height - height) / 2, &dim);
    }

  /* The point under the crosshair, and its value and time. */
  if (self->selected >= 0 && (guint) self->selected < n_points (self))
    {
      gint64 time = time_at (self, self->selected);
      double value = value_at (self, self->selected);
      float x = x_of (self, &area, time), y = y_of (self, &area, value);
      g_autofree char *value_text = rds_format_metric_value (self->display, value);
      g_autofree char *time_text = rds_format_time_short (NULL, time);
      /* Translators: the value and time of a point a chart's crosshair is on */
      g_autofree char *text = g_strdup_printf (_("%s at %s"), value_text, time_text);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      GdkRGBA background = { 0, 0, 0, 0 };
      int width, height;
      float label_x;

      gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (x, area.origin.y, 1, area.size.height));
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x - 3, y - 3, 7, 7));
      pango_layout_get_pixel_size (layout, &width, &height);
      label_x = x + 8 + width <= area.origin.x + area.size.width ? x + 8 : x - 8 - width;
      if (!lookup_color (self, "view_bg_color", &background))
        gdk_rgba_parse (&background, "#ffffff");
      background.alpha = 0.9f;
      gtk_snapshot_append_color (snapshot, &background,
                                 &GRAPHENE_RECT_INIT (label_x - 4, area.origin.y, width + 8, height + 4));
      append_layout (snapshot, layout, label_x, area.origin.y + 2, &fg);
    }
}

static void
rds_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 320;
    }
  else
    {
      *minimum = 120;
      *natural = 160;
    }
}

static void
rds_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  /* The columns follow the width at the next draw. */
  gtk_widget_queue_draw (widget);
}

/* Pointing and the keyboard */

static int
nearest_point (RdsChart *self,
               gint64    time)
{
  guint low = 0, high = n_points (self);

  if (high == 0)
    return -1;
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (time_at (self, middle) <= time)
        low = middle;
      else
        high = middle;
    }
  if (low + 1 < n_points (self) && time_at (self, low + 1) - time < time - time_at (self, low))
    low++;
  return (int) low;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RdsChart                 *self)
{
  graphene_rect_t area;
  gint64 time;

  plot_area (self, &area);
  time = self->start + (gint64) ((x - area.origin.x) / MAX (1, area.size.width) * (self->end - self->start));
  rds_chart_select (self, nearest_point (self, time));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RdsChart                 *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    rds_chart_select (self, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RdsChart              *self)
{
  int n = (int) n_points (self);
  int step = (state & GDK_SHIFT_MASK) ? MAX (1, n / 20) : 1;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      rds_chart_select (self, self->selected < 0 ? n - 1 : MAX (0, self->selected - step));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      rds_chart_select (self, self->selected < 0 ? n - 1 : MIN (n - 1, self->selected + step));
      return TRUE;
    case GDK_KEY_Home:
      rds_chart_select (self, 0);
      return TRUE;
    case GDK_KEY_End:
      rds_chart_select (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                RdsChart                *self)
{
  rds_chart_select (self, -1);
}

/* The events near the pointer, as a tooltip. */
static gboolean
rds_chart_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip)
{
  RdsChart *self = RDS_CHART (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  graphene_rect_t area;

  if (self->markers == NULL || keyboard)
    return FALSE;
  plot_area (self, &area);
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);
      g_autofree char *when = NULL;

      if (fabsf (x_of (self, &area, marker->time) - (float) x) > 4)
        continue;
      when = rds_format_time_short (NULL, marker->time);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s — %s", when, marker->label);
    }
  if (text->len == 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* The accessible name and description: what a screen reader says. */
static void
update_accessible (RdsChart *self)
{
  g_autofree char *description = rds_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * rds_chart_describe:
 *
 * Returns: (transfer full): the series in words, as a screen reader gives
 *   it: its range, its lowest, highest and latest values, the point
 *   selected and the events
 */
char *
rds_chart_describe (RdsChart *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *from = rds_format_time_short (NULL, self->start);
  g_autofree char *to = rds_format_time_short (NULL, self->end);
  guint n = n_points (self);

  g_return_val_if_fail (RDS_IS_CHART (self), NULL);

  if (n == 0)
    {
      /* Translators: a chart's description to a screen reader; the times are its range */
      g_string_append_printf (text, _("No data from %s to %s."), from, to);
    }
  else
    {
      double low = self->lowest, high = self->highest;
      g_autofree char *low_text = NULL, *high_text = NULL, *last_text = NULL, *last_time = NULL;

      low_text = rds_format_metric_value (self->display, low);
      high_text = rds_format_metric_value (self->display, high);
      last_text = rds_format_metric_value (self->display, value_at (self, n - 1));
      last_time = rds_format_time_short (NULL, time_at (self, n - 1));
      /* Translators: a chart's description to a screen reader */
      g_string_append_printf (text, _("From %s to %s: lowest %s, highest %s, latest %s at %s."),
                              from, to, low_text, high_text, last_text, last_time);
    }

  if (!isnan (self->threshold))
    {
      g_autofree char *threshold = rds_format_metric_value (self->display, self->threshold);

      g_string_append_c (text, ' ');
      /* Translators: the threshold of an alarm drawn on a chart */
      g_string_append_printf (text, _("Alarm threshold %s."), threshold);
    }

  if (self->markers != NULL && self->markers->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u event.", "%u events.",
                                                 self->markers->len),
                              self->markers->len);
    }

  if (self->selected >= 0 && (guint) self->selected < n)
    {
      g_autofree char *value = rds_format_metric_value (self->display, value_at (self, self->selected));
      g_autofree char *when = rds_format_time_short (NULL, time_at (self, self->selected));

      g_string_append_c (text, ' ');
      /* Translators: the point a chart's crosshair is on, to a screen reader */
      g_string_append_printf (text, _("Selected: %s at %s."), value, when);
    }

  return g_string_free (text, FALSE);
}

/* GObject */

static void
rds_chart_finalize (GObject *object)
{
  RdsChart *self = RDS_CHART (object);

  g_free (self->title);
  g_free (self->empty_text);
  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (rds_chart_parent_class)->finalize (object);
}

static void
rds_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdsChart *self = RDS_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RdsChart *self = RDS_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rds_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_chart_class_init (RdsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rds_chart_finalize;
  object_class->get_property = rds_chart_get_property;
  object_class->set_property = rds_chart_set_property;
  widget_class->snapshot = rds_chart_snapshot;
  widget_class->measure = rds_chart_measure;
  widget_class->size_allocate = rds_chart_size_allocate;
  widget_class->query_tooltip = rds_chart_query_tooltip;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rds_chart_init (RdsChart *self)
{
  GtkEventController *controller;

  self->threshold = NAN;
  self->selected = -1;
  self->period = 60;
  self->end = 1;
  self->display = RDS_METRIC_DISPLAY_COUNT;
  update_axis (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

GtkWidget *
rds_chart_new (void)
{
  return g_object_new (RDS_TYPE_CHART, NULL);
}

const char *
rds_chart_get_title (RdsChart *self)
{
  g_return_val_if_fail (RDS_IS_CHART (self), NULL);

  return self->title;
}

void
rds_chart_set_title (RdsChart   *self,
                     const char *title)
{
  g_return_if_fail (RDS_IS_CHART (self));

  if (set_string (&self->title, title))
    {
      update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

RdsMetricDisplay
rds_chart_get_display (RdsChart *self)
{
  g_return_val_if_fail (RDS_IS_CHART (self), RDS_METRIC_DISPLAY_COUNT);

  return self->display;
}

/**
 * rds_chart_set_display:
 *
 * Sets how the values read: their unit and its scale.
 */
void
rds_chart_set_display (RdsChart         *self,
                       RdsMetricDisplay  display)
{
  g_return_if_fail (RDS_IS_CHART (self));

  self->display = display;
  update_axis (self);
  update_accessible (self);
  invalidate (self);
}

/**
 * rds_chart_set_range:
 * @start: microseconds since the epoch, at the left
 * @end: at the right
 */
void
rds_chart_set_range (RdsChart *self,
                     gint64    start,
                     gint64    end)
{
  g_return_if_fail (RDS_IS_CHART (self));
  g_return_if_fail (end > start);

  if (self->start == start && self->end == end)
    return;
  self->start = start;
  self->end = end;
  update_accessible (self);
  invalidate (self);
}

/**
 * rds_chart_set_data:
 * @timestamps: (element-type gint64) (nullable): ascending, in microseconds
 * @values: (element-type double) (nullable): one per timestamp
 * @period: seconds between points: a longer step is a gap
 *
 * Shows these points; the chart keeps references to the arrays.
 */
void
rds_chart_set_data (RdsChart *self,
                    GArray   *timestamps,
                    GArray   *values,
                    int       period)
{
  g_return_if_fail (RDS_IS_CHART (self));
  g_return_if_fail ((timestamps != NULL ? timestamps->len : 0) == (values != NULL ? values->len : 0));

  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  if (timestamps != NULL && timestamps->len > 0)
    {
      self->times = g_array_ref (timestamps);
      self->values = g_array_ref (values);
    }
  self->period = MAX (1, period);
  self->lowest = INFINITY;
  self->highest = -INFINITY;
  for (guint i = 0; i < n_points (self); i++)
    {
      self->lowest = MIN (self->lowest, value_at (self, i));
      self->highest = MAX (self->highest, value_at (self, i));
    }
  if (self->selected >= (int) n_points (self))
    self->selected = n_points (self) > 0 ? (int) n_points (self) - 1 : -1;
  update_axis (self);
  update_accessible (self);
  invalidate (self);
}

guint
rds_chart_get_n_points (RdsChart *self)
{
  g_return_val_if_fail (RDS_IS_CHART (self), 0);

  return n_points (self);
}

/**
 * rds_chart_get_point:
 * @time: (out) (optional):
 * @value: (out) (optional):
 *
 * Returns: whether the chart has a point @index
 */
gboolean
rds_chart_get_point (RdsChart *self,
                     guint     index,
                     gint64   *time,
                     double   *value)
{
  g_return_val_if_fail (RDS_IS_CHART (self), FALSE);

  if (index >= n_points (self))
    return FALSE;
  if (time != NULL)
    *time = time_at (self, index);
  if (value != NULL)
    *value = value_at (self, index);
  return TRUE;
}

/**
 * rds_chart_set_threshold:
 * @threshold: an alarm's threshold, or NaN for none
 */
void
rds_chart_set_threshold (RdsChart *self,
                         double    threshold)
{
  g_return_if_fail (RDS_IS_CHART (self));

  if ((isnan (threshold) && isnan (self->threshold)) || threshold == self->threshold)
    return;
  self->threshold = threshold;
  update_axis (self);
  update_accessible (self);
  invalidate (self);
}

double
rds_chart_get_threshold (RdsChart *self)
{
  g_return_val_if_fail (RDS_IS_CHART (self), NAN);

  return self->threshold;
}

void
rds_chart_clear_markers (RdsChart *self)
{
  g_return_if_fail (RDS_IS_CHART (self));

  if (self->markers == NULL || self->markers->len == 0)
    return;
  g_array_set_size (self->markers, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rds_chart_add_marker:
 * @label: what happened, as the event says
 */
void
rds_chart_add_marker (RdsChart           *self,
                      gint64              time,
                      RdsChartMarkerKind  kind,
                      const char         *label)
{
  Marker marker = { time, kind, g_strdup (label) };

  g_return_if_fail (RDS_IS_CHART (self));

  if (self->markers == NULL)
    {
      self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
      g_array_set_clear_func (self->markers, marker_clear);
    }
  g_array_append_val (self->markers, marker);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
rds_chart_get_n_markers (RdsChart *self)
{
  g_return_val_if_fail (RDS_IS_CHART (self), 0);

  return self->markers != NULL ? self->markers->len : 0;
}

/**
 * rds_chart_set_empty_text:
 *
 * Sets what the chart says when it has no points.
 */
void
rds_chart_set_empty_text (RdsChart   *self,
                          const char *text)
{
  g_return_if_fail (RDS_IS_CHART (self));

  if (set_string (&self->empty_text, text))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
rds_chart_get_selected (RdsChart *self)
{
  g_return_val_if_fail (RDS_IS_CHART (self), -1);

  return self->selected;
}

/**
 * rds_chart_select:
 * @index: a point, or -1 for none
 *
 * Puts the crosshair on a point.
 */
void
rds_chart_select (RdsChart *self,
                  int       index)
{
  g_return_if_fail (RDS_IS_CHART (self));

  if (index >= (int) n_points (self))
    index = -1;
  if (index == self->selected)
    return;
  self->selected = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
