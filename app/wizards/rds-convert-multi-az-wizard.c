/* rds-convert-multi-az-wizard.c: convert a Single-AZ DB instance to Multi-AZ, and watch it happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page explains what RDS will do (no downtime; a synchronous
 * standby in another zone; failover; not for reading), what it will cost,
 * and when: now or in the maintenance window. Once asked
 * (ModifyDBInstance MultiAZ=true), the second page follows the conversion
 * until the instance is Multi-AZ. The simulator tells the step under way
 * (/_sim/instance) and when it ends, so each of the three steps shows with
 * its progress; a real endpoint only says "modifying", so the page shows
 * that and waits for MultiAZ.
 */

#include "config.h"

#include "rds-convert-multi-az-wizard.h"

#include <glib/gi18n.h>

#include "rds-catalog.h"
#include "rds-format.h"
#include "rds-pending-modified-values.h"
#include "rds-session.h"

#define N_STEPS 4    /* three steps, then Multi-AZ */

typedef enum
{
  STEP_SNAPSHOT,
  STEP_RESTORE,
  STEP_SYNC,
  STEP_DONE,
} Step;

struct _RdsConvertMultiAzWizard
{
  AdwWindow       parent_instance;

  RdsSession     *session;
  RdsDbInstance  *instance;
  GSignalGroup   *instance_signals;
  GCancellable   *cancellable;
  guint           poll_id;
  gboolean        submitted;
  gboolean        immediately;
  gboolean        detail_in_flight;
  int             step;          /* -1: not started (waiting for the window or for RDS) */
  double          fraction;      /* of the whole conversion, -1 unknown */
  char           *standby_zone;

  GtkWidget      *stack;
  GtkWidget      *intro_label;
  GtkWidget      *steps_group;
  GtkWidget      *cost_now_label;
  GtkWidget      *cost_after_label;
  GtkWidget      *now_check;
  GtkWidget      *window_row;
  GtkWidget      *error_label;
  GtkWidget      *progress_label;
  GtkWidget      *progress_bar;
  GtkWidget      *progress_group;
  GtkWidget      *cancel_button;
  GtkWidget      *convert_button;
  GtkWidget      *close_button;
  GtkWidget      *step_rows[N_STEPS];
  GtkWidget      *step_icons[N_STEPS];
};

G_DEFINE_FINAL_TYPE (RdsConvertMultiAzWizard, rds_convert_multi_az_wizard, ADW_TYPE_WINDOW)

static const struct
{
  const char *title;
  const char *subtitle;
} steps[N_STEPS] = {
  { N_("Take a snapshot of the primary"),
    N_("A point-in-time copy of its storage volumes.") },
  { N_("Restore the standby in another Availability Zone"),
    N_("Its volumes are created from the snapshot; they load in the background.") },
  { N_("Turn on synchronous replication"),
    N_("The standby catches up with what changed since the snapshot.") },
  { N_("Multi-AZ"),
    N_("Every write reaches both zones before it is acknowledged; the standby can take over.") },
};

static const char *
identifier (RdsConvertMultiAzWizard *self)
{
  return rds_db_instance_get_identifier (self->instance);
}

/* The review page */

static void
show_costs (RdsConvertMultiAzWizard *self)
{
  RdsShape *shape = RDS_SHAPE (self->instance);
  const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_instance_get_engine (self->instance));
  const RdsClassInfo *klass = rds_catalog_find_class (rds_shape_get_string (shape, "db-instance-class"));
  RdsCostEstimate now, after;
  g_autofree char *now_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *more = NULL;
  g_autofree char *after_label = NULL;

  if (engine == NULL)
    return;
  rds_catalog_estimate_monthly (engine, klass, FALSE, rds_shape_get_string (shape, "storage-type"),
                                rds_shape_get_int (shape, "allocated-storage"),
                                MAX (rds_shape_get_int (shape, "iops"), 0),
                                MAX (rds_shape_get_int (shape, "storage-throughput"), 0), &now);
  rds_catalog_estimate_monthly (engine, klass, TRUE, rds_shape_get_string (shape, "storage-type"),
                                rds_shape_get_int (shape, "allocated-storage"),
                                MAX (rds_shape_get_int (shape, "iops"), 0),
                                MAX (rds_shape_get_int (shape, "storage-throughput"), 0), &after);
  now_text = rds_format_usd (now.total);
  after_text = rds_format_usd (after.total);
  more = rds_format_usd (after.total - now.total);
  gtk_label_set_label (GTK_LABEL (self->cost_now_label), now_text);
  /* Translators: a monthly cost, then how much more it is, in USD */
  after_label = g_strdup_printf (_("%s (+%s)"), after_text, more);
  gtk_label_set_label (GTK_LABEL (self->cost_after_label), after_label);
}

static GtkWidget *
step_row (RdsConvertMultiAzWizard *self,
          guint                    index,
          GtkWidget              **icon)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, _(steps[index].title));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(steps[index].subtitle));
  if (icon != NULL)
    {
      *icon = gtk_image_new_from_icon_name ("content-loading-symbolic");
      gtk_widget_add_css_class (*icon, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *icon);
    }
  return row;
}

/* The progress page */

static void
set_step_state (RdsConvertMultiAzWizard *self,
                guint                    index,
                const char              *icon_name,
                const char              *state)
{
  GtkWidget *icon = self->step_icons[index];

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
  if (g_str_equal (icon_name, "object-select-symbolic"))
    {
      gtk_widget_remove_css_class (icon, "dim-label");
      gtk_widget_add_css_class (icon, "success");
    }
  else
    {
      gtk_widget_remove_css_class (icon, "success");
      gtk_widget_add_css_class (icon, "dim-label");
    }
}

static void
show_progress (RdsConvertMultiAzWizard *self)
{
  RdsShape *shape = RDS_SHAPE (self->instance);
  g_autofree char *escaped = g_markup_escape_text (identifier (self), -1);
  g_autofree char *text = NULL;
  gboolean multi_az = rds_shape_get_boolean (shape, "multi-az");
  const char *status = rds_db_instance_get_status (self->instance);

  if (multi_az)
    {
      g_autofree char *zone = g_markup_escape_text (rds_shape_get_string (shape, "secondary-availability-zone")
                                                    ? rds_shape_get_string (shape,
                                                                            "secondary-availability-zone")
                                                    : "", -1);

      self->step = STEP_DONE;
      self->fraction = 1.0;
      /* Translators: the first %s is a DB instance, the second an Availability Zone */
      text = g_strdup_printf (_("<b>%s</b> is a Multi-AZ deployment: its standby runs in %s."), escaped, zone);
    }
  else if (self->step >= 0)
    /* Translators: %s is a DB instance identifier */
    text = g_strdup_printf (_("<b>%s</b> is converting. It stays available all along."), escaped);
  else if (g_strcmp0 (status, "modifying") == 0)
    /* Translators: %s is a DB instance identifier */
    text = g_strdup_printf (_("<b>%s</b> is modifying. This endpoint doesn't report the steps of the "
                              "conversion; this page shows when it is Multi-AZ."), escaped);
  else if (!self->immediately)
    {
      const char *window = rds_shape_get_string (shape, "preferred-maintenance-window");

      /* Translators: the first %s is a DB instance, the second its weekly maintenance window */
      text = g_strdup_printf (_("<b>%s</b> will convert in its next maintenance window (%s UTC). You can "
                                "close this window; the Databases page shows the change as pending."),
                              escaped, window != NULL ? window : "");
    }
  else
    /* Translators: %s is a DB instance identifier */
    text = g_strdup_printf (_("Waiting for <b>%s</b> to start converting…"), escaped);
  gtk_label_set_label (GTK_LABEL (self->progress_label), text);

  for (int i = 0; i < N_STEPS; i++)
    {
      if (self->step > i || self->step == STEP_DONE)
        set_step_state (self, i, "object-select-symbolic", _("Done"));
      else if (self->step == i)
        set_step_state (self, i, "media-playback-start-symbolic", _("Under way"));
      else
        set_step_state (self, i, "content-loading-symbolic", _("To do"));
    }

  if (self->fraction >= 0)
    {
      g_autofree char *percent = g_strdup_printf (_("%d %%"), (int) (self->fraction * 100 + 0.5));

      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), self->fraction);
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), percent);
    }
  else
    {
      gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), NULL);
    }
}

/* Reads the simulator's view of the conversion: the step and its end. */
static void
read_detail (RdsConvertMultiAzWizard *self,
             JsonNode                *answer)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonNode *standby_node = object != NULL ? json_object_get_member (object, "standby") : NULL;
  JsonObject *standby;
  const char *state;
  gint64 now = rds_session_get_now (self->session) / G_USEC_PER_SEC;
  gint64 started, ends;
  int step = -1;

  if (standby_node == NULL || !JSON_NODE_HOLDS_OBJECT (standby_node))
    return;
  standby = json_node_get_object (standby_node);
  state = json_object_get_string_member_with_default (standby, "state", "");
  if (g_str_equal (state, "snapshot"))
    step = STEP_SNAPSHOT;
  else if (g_str_equal (state, "restore"))
    step = STEP_RESTORE;
  else if (g_str_equal (state, "sync"))
    step = STEP_SYNC;
  else if (g_str_equal (state, "in-sync"))
    step = STEP_DONE;
  if (step < 0)
    return;

  self->step = step;
  g_free (self->standby_zone);
  self->standby_zone = g_strdup (json_object_get_string_member_with_default (standby, "zone", NULL));
  started = json_object_get_int_member_with_default (standby, "stepStarted", 0);
  ends = json_object_get_int_member_with_default (standby, "stepEnds", 0);
  if (step == STEP_DONE)
    self->fraction = 1.0;
  else if (ends > started)
    {
      /* Each step a third of the bar. */
      double within = CLAMP ((double) (now - started) / (double) (ends - started), 0.0, 1.0);

      self->fraction = (step + within) / 3.0;
    }

  if (self->standby_zone != NULL)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: %s is an Availability Zone */
      subtitle = g_strdup_printf (_("Its volumes are created from the snapshot in %s; they load in the "
                                    "background."), self->standby_zone);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_rows[STEP_RESTORE]), subtitle);
    }
}

static void
detail_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsConvertMultiAzWizard) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->detail_in_flight = FALSE;
  read_detail (self, answer);
  show_progress (self);
}

/* Looks again; returns whether the conversion is over. */
static gboolean
check (RdsConvertMultiAzWizard *self)
{
  if (rds_shape_get_boolean (RDS_SHAPE (self->instance), "multi-az"))
    {
      show_progress (self);
      return TRUE;
    }

  if (rds_session_is_simulator (self->session) && !self->detail_in_flight)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) body = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "instance");
      json_builder_add_string_value (builder, identifier (self));
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      self->detail_in_flight = TRUE;
      rds_session_control_async (self->session, "instance", body, self->cancellable, detail_cb,
                                 g_object_ref (self));
    }
  show_progress (self);
  return FALSE;
}

static gboolean
poll_cb (gpointer user_data)
{
  RdsConvertMultiAzWizard *self = user_data;

  if (!check (self))
    return G_SOURCE_CONTINUE;
  self->poll_id = 0;
  return G_SOURCE_REMOVE;
}

/* The instance changed, or the simulator's clock moved: look again. */
static void
instance_changed_cb (RdsConvertMultiAzWizard *self)
{
  if (self->submitted && self->poll_id != 0 && check (self))
    g_clear_handle_id (&self->poll_id, g_source_remove);
}

static void
modify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdsConvertMultiAzWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;

  answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->convert_button, TRUE);
  gtk_widget_set_sensitive (self->stack, TRUE);
  if (answer == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }

  /* The answer shows the instance as it is now. */
  rds_shape_update_from (RDS_SHAPE (self->instance), answer->item);
  rds_query_result_free (answer);
  rds_session_refresh (self->session);

  self->submitted = TRUE;
  gtk_widget_set_visible (self->convert_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->close_button, TRUE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "progress");
  gtk_window_set_focus (GTK_WINDOW (self), self->close_button);
  if (!check (self))
    self->poll_id = g_timeout_add_seconds (1, poll_cb, self);
}

static void
convert_clicked_cb (RdsConvertMultiAzWizard *self)
{
  g_autoptr(RdsRequest) request = rds_request_new ("ModifyDBInstance");

  self->immediately = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->now_check));
  rds_request_set (request, "DBInstanceIdentifier", identifier (self));
  rds_request_set_boolean (request, "MultiAZ", TRUE);
  if (self->immediately)
    rds_request_set_boolean (request, "ApplyImmediately", TRUE);

  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_sensitive (self->convert_button, FALSE);
  gtk_widget_set_sensitive (self->stack, FALSE);
  rds_session_call_async (self->session, request, self->cancellable, modify_cb, g_object_ref (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsConvertMultiAzWizard *self = RDS_CONVERT_MULTI_AZ_WIZARD (widget);

  if (!self->submitted && gtk_widget_get_sensitive (self->convert_button))
    convert_clicked_cb (self);
}

static void
rds_convert_multi_az_wizard_dispose (GObject *object)
{
  RdsConvertMultiAzWizard *self = RDS_CONVERT_MULTI_AZ_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->instance_signals);
  g_clear_object (&self->instance);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->standby_zone, g_free);

  G_OBJECT_CLASS (rds_convert_multi_az_wizard_parent_class)->dispose (object);
}

static void
rds_convert_multi_az_wizard_class_init (RdsConvertMultiAzWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_convert_multi_az_wizard_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-convert-multi-az-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, intro_label);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, steps_group);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, cost_now_label);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, cost_after_label);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, now_check);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, window_row);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, progress_group);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, convert_button);
  gtk_widget_class_bind_template_child (widget_class, RdsConvertMultiAzWizard, close_button);
  gtk_widget_class_bind_template_callback (widget_class, convert_clicked_cb);
  gtk_widget_class_install_action (widget_class, "convert.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rds_convert_multi_az_wizard_init (RdsConvertMultiAzWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->step = -1;
  self->fraction = -1;

  for (guint i = 0; i < N_STEPS - 1; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->steps_group), step_row (self, i, NULL));
  for (guint i = 0; i < N_STEPS; i++)
    {
      self->step_rows[i] = step_row (self, i, &self->step_icons[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->progress_group), self->step_rows[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Conversion progress"), -1);
}

/**
 * rds_convert_multi_az_wizard_new:
 * @instance: a Single-AZ DB instance of @session
 */
GtkWindow *
rds_convert_multi_az_wizard_new (RdsSession    *session,
                                 RdsDbInstance *instance)
{
  RdsConvertMultiAzWizard *self;
  g_autofree char *escaped = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *window_subtitle = NULL;
  const char *window;

  g_return_val_if_fail (RDS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RDS_IS_DB_INSTANCE (instance), NULL);

  self = g_object_new (RDS_TYPE_CONVERT_MULTI_AZ_WIZARD, NULL);
  self->session = g_object_ref (session);
  self->instance = g_object_ref (instance);
  self->instance_signals = g_signal_group_new (RDS_TYPE_DB_INSTANCE);
  g_signal_group_connect_swapped (self->instance_signals, "notify", G_CALLBACK (instance_changed_cb), self);
  g_signal_group_set_target (self->instance_signals, instance);
  g_signal_connect_object (session, "notify::simulated-time", G_CALLBACK (instance_changed_cb), self,
                           G_CONNECT_SWAPPED);

  escaped = g_markup_escape_text (rds_db_instance_get_identifier (instance), -1);
  /* Translators: %s is a DB instance identifier */
  intro = g_strdup_printf (_("RDS adds a standby of <b>%s</b> in another Availability Zone of its Region and "
                             "keeps it in step synchronously. If the primary's host, storage or zone fails, "
                             "RDS fails over to the standby in a minute or two, and the endpoint's name stays "
                             "the same. The standby can't be read and adds no read capacity: for that, create "
                             "read replicas."), escaped);
  gtk_label_set_label (GTK_LABEL (self->intro_label), intro);

  window = rds_shape_get_string (RDS_SHAPE (instance), "preferred-maintenance-window");
  /* Translators: %s is a weekly window such as sun:05:00-sun:05:30 */
  window_subtitle = g_strdup_printf (_("The window is %s UTC."), window != NULL ? window : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->window_row), window_subtitle);

  show_costs (self);
  return GTK_WINDOW (self);
}

/**
 * rds_convert_multi_az_wizard_get_step:
 *
 * Returns: the step under way, from 0 (the snapshot) to 3 (Multi-AZ), or
 *   -1 before it begins or where the endpoint doesn't say
 */
int
rds_convert_multi_az_wizard_get_step (RdsConvertMultiAzWizard *self)
{
  g_return_val_if_fail (RDS_IS_CONVERT_MULTI_AZ_WIZARD (self), -1);

  return self->step;
}

/**
 * rds_convert_multi_az_wizard_get_progress_text:
 *
 * Returns: what the progress page says
 */
const char *
rds_convert_multi_az_wizard_get_progress_text (RdsConvertMultiAzWizard *self)
{
  g_return_val_if_fail (RDS_IS_CONVERT_MULTI_AZ_WIZARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->progress_label));
}
