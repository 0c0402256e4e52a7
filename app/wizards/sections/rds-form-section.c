/* rds-form-section.c: one section of a database form, validating itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The create, modify and read replica wizards, and the wizards to come
 * (restore, Multi-AZ conversion, Aurora cluster), are assembled from
 * sections: engine, availability, settings, instance class, storage,
 * connectivity, authentication, monitoring, additional configuration.
 * Each is a widget with its own template that knows the session, the
 * mode (create, modify or read replica), the instance being modified (or
 * the replica's source), the Region the instance goes to and the engine;
 * checks its own fields (rds-validation) and shows what is wrong next to
 * each; adds its parameters to CreateDBInstance (or to
 * CreateDBInstanceReadReplica); and says what Modify would change. It emits "changed" when the user changes a field, and
 * says in "waiting-for" what it is loading from the endpoint.
 */

#include "config.h"

#include "rds-form-section.h"


#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-session.h"
#include "rds-validation.h"
#include "rds-widget-util.h"

typedef struct
{
  RdsSession          *session;
  RdsDatabaseFormMode  mode;
  RdsDbInstance       *instance;
  char                *region;       /* a replica's, when not the session's */
  const RdsEngineInfo *engine;
  char                *waiting_for;
  GHashTable          *touched;      /* entries the user typed in */
  gboolean             submitted;
  gboolean             applying;     /* setting fields from code */
} RdsFormSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RdsFormSection, rds_form_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WAITING_FOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
rds_form_change_free (RdsFormChange *change)
{
  g_free (change->attribute);
  g_free (change->current);
  g_free (change->wanted);
  g_free (change);
}

/* Modify's differences */

void
rds_form_diff_text (RdsFormDiff *diff,
                    const char  *attribute,
                    const char  *parameter,
                    const char  *current,
                    const char  *wanted,
                    const char  *shown_current,
                    const char  *shown_wanted)
{
  RdsFormChange *change;

  if (g_strcmp0 (current, wanted) == 0 || wanted == NULL)
    return;

  change = g_new0 (RdsFormChange, 1);
  change->attribute = g_strdup (attribute);
  change->current = g_strdup (shown_current != NULL ? shown_current : current != NULL ? current : "-");
  change->wanted = g_strdup (shown_wanted != NULL ? shown_wanted : wanted);
  g_ptr_array_add (diff->changes, change);
  if (diff->request != NULL && parameter != NULL)
    rds_request_set (diff->request, parameter, wanted);
}

void
rds_form_diff_int (RdsFormDiff *diff,
                   const char  *attribute,
                   const char  *parameter,
                   int          current,
                   int          wanted)
{
  g_autofree char *a = current >= 0 ? g_strdup_printf ("%d", current) : NULL;
  g_autofree char *b = g_strdup_printf ("%d", wanted);

  if (current != wanted)
    rds_form_diff_text (diff, attribute, parameter, a, b, NULL, NULL);
}

void
rds_form_diff_boolean (RdsFormDiff *diff,
                       const char  *attribute,
                       const char  *parameter,
                       gboolean     current,
                       gboolean     wanted)
{
  g_autofree char *a = rds_format_yes_no (NULL, current);
  g_autofree char *b = rds_format_yes_no (NULL, wanted);

  if (current != wanted)
    rds_form_diff_text (diff, attribute, parameter, current ? "true" : "false",
                        wanted ? "true" : "false", a, b);
}

/* Small readers */

gboolean
rds_form_is_active (GtkWidget *check)
{
  if (GTK_IS_TOGGLE_BUTTON (check))
    return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (check));
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

const char *
rds_form_text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

int
rds_form_int_of (GtkWidget *editable)
{
  int value = 0;

  rds_parse_int (rds_form_text_of (editable), &value);
  return value;
}

guint
rds_form_selected (GtkWidget *dropdown)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
}


int
rds_form_index_of (GPtrArray  *names,
                   const char *name)
{
  for (guint i = 0; names != NULL && name != NULL && i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return i;
  return -1;
}

const char *
rds_form_selected_name (GPtrArray *names,
                        GtkWidget *dropdown)
{
  guint index = rds_form_selected (dropdown);

  return names != NULL && index < names->len ? g_ptr_array_index (names, index) : NULL;
}

gboolean
rds_form_shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

/* Setting fields from code, without it counting as the user's change */

gboolean
rds_form_section_is_applying (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), FALSE);

  return priv->applying;
}

void
rds_form_section_set_applying (RdsFormSection *self,
                               gboolean        applying)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  priv->applying = applying;
}

void
rds_form_section_set_text (RdsFormSection *self,
                           GtkWidget      *editable,
                           const char     *text)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  gboolean applying = priv->applying;

  priv->applying = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
  priv->applying = applying;
}

void
rds_form_section_set_int_text (RdsFormSection *self,
                               GtkWidget      *editable,
                               int             value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  rds_form_section_set_text (self, editable, text);
}

void
rds_form_section_select (RdsFormSection *self,
                         GtkWidget      *dropdown,
                         guint           index)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  gboolean applying = priv->applying;

  priv->applying = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), index);
  priv->applying = applying;
}

/* Gives @dropdown the choices @labels; what it selects then is code's doing. */
void
rds_form_section_fill_dropdown (RdsFormSection     *self,
                                GtkWidget          *dropdown,
                                const char * const *labels,
                                guint               n_labels)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  gboolean applying = priv->applying;

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  priv->applying = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (model));
  priv->applying = applying;
}

void
rds_form_section_set_active (RdsFormSection *self,
                             GtkWidget      *check,
                             gboolean        active)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  gboolean applying = priv->applying;

  priv->applying = TRUE;
  if (GTK_IS_TOGGLE_BUTTON (check))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (check), active);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  priv->applying = applying;
}

/* Changes */

/**
 * rds_form_section_changed:
 *
 * Tells the form that a field changed (unless code is setting it).
 */
void
rds_form_section_changed (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  if (!priv->applying)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
editable_changed_cb (RdsFormSection *self,
                     GtkEditable    *editable)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  if (priv->applying)
    return;
  g_hash_table_add (priv->touched, editable);
  rds_form_section_changed (self);
}

/**
 * rds_form_section_watch:
 * @control: an entry, spin button, check or toggle button, or drop-down
 *
 * Emits "changed" when the user changes @control.
 */
void
rds_form_section_watch (RdsFormSection *self,
                        GtkWidget      *control)
{
  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  if (GTK_IS_SPIN_BUTTON (control))
    g_signal_connect_object (control, "value-changed", G_CALLBACK (rds_form_section_changed), self,
                             G_CONNECT_SWAPPED);
  else if (GTK_IS_EDITABLE (control))
    g_signal_connect_object (control, "changed", G_CALLBACK (editable_changed_cb), self,
                             G_CONNECT_SWAPPED);
  else if (GTK_IS_CHECK_BUTTON (control) || GTK_IS_TOGGLE_BUTTON (control))
    g_signal_connect_object (control, "toggled", G_CALLBACK (rds_form_section_changed), self,
                             G_CONNECT_SWAPPED);
  else if (GTK_IS_DROP_DOWN (control))
    g_signal_connect_object (control, "notify::selected", G_CALLBACK (rds_form_section_changed),
                             self, G_CONNECT_SWAPPED);
  else
    g_return_if_reached ();
}

/**
 * rds_form_section_check:
 * @field: the RdsFormField to show @problem in
 * @entry: (nullable): the entry the user types in, if any
 * @problem: (transfer full) (nullable): what is wrong, or %NULL
 *
 * Shows @problem next to @field once the user typed in @entry or tried to
 * submit; a hidden field is never wrong.
 *
 * Returns: whether the field is all right
 */
gboolean
rds_form_section_check (RdsFormSection *self,
                        GtkWidget      *field,
                        GtkWidget      *entry,
                        char           *problem)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  gboolean ok = problem == NULL || !rds_form_shown (field);
  gboolean show = entry == NULL || priv->submitted || g_hash_table_contains (priv->touched, entry) ||
                  *rds_form_text_of (entry) != '\0';

  rds_form_field_set_error (RDS_FORM_FIELD (field), ok || !show ? NULL : problem);
  g_free (problem);

  return ok;
}

void
rds_form_section_set_waiting_for (RdsFormSection *self,
                                  const char     *what)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  if (g_strcmp0 (priv->waiting_for, what) == 0)
    return;
  g_free (priv->waiting_for);
  priv->waiting_for = g_strdup (what);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_FOR]);
}

/* The form's side */

/**
 * rds_form_section_setup:
 * @instance: (nullable): the instance being modified
 */
void
rds_form_section_setup (RdsFormSection      *self,
                        RdsSession          *session,
                        RdsDatabaseFormMode  mode,
                        RdsDbInstance       *instance)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));
  g_return_if_fail (RDS_IS_SESSION (session));
  g_return_if_fail (priv->session == NULL);

  priv->session = g_object_ref (session);
  priv->mode = mode;
  g_set_object (&priv->instance, instance);

  if (RDS_FORM_SECTION_GET_CLASS (self)->setup != NULL)
    {
      priv->applying = TRUE;
      RDS_FORM_SECTION_GET_CLASS (self)->setup (self);
      priv->applying = FALSE;
    }
}

RdsSession *
rds_form_section_get_session (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);

  return priv->session;
}

gboolean
rds_form_section_get_creating (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), FALSE);

  return priv->mode == RDS_DATABASE_FORM_CREATE;
}

RdsDatabaseFormMode
rds_form_section_get_mode (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), RDS_DATABASE_FORM_CREATE);

  return priv->mode;
}

/* Whether the form creates a read replica of the instance. */
gboolean
rds_form_section_get_replica (RdsFormSection *self)
{
  return rds_form_section_get_mode (self) == RDS_DATABASE_FORM_REPLICA;
}

/* Whether the form restores a new instance from the instance's backups. */
gboolean
rds_form_section_get_restore (RdsFormSection *self)
{
  return rds_form_section_get_mode (self) == RDS_DATABASE_FORM_RESTORE;
}

/**
 * rds_form_section_get_region:
 *
 * Returns: the Region the DB instance is (or goes) in: the session's,
 *   or the one a replica was sent to
 */
const char *
rds_form_section_get_region (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);

  if (priv->region != NULL)
    return priv->region;
  return priv->session != NULL ? rds_session_get_region (priv->session) : NULL;
}

/**
 * rds_form_section_set_region:
 * @region: (nullable): the Region a replica goes to, %NULL for the session's
 */
void
rds_form_section_set_region (RdsFormSection *self,
                             const char     *region)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  gboolean applying;

  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  if (region != NULL && priv->session != NULL &&
      g_strcmp0 (region, rds_session_get_region (priv->session)) == 0)
    region = NULL;
  if (g_strcmp0 (priv->region, region) == 0)
    return;

  g_free (priv->region);
  priv->region = g_strdup (region);
  if (RDS_FORM_SECTION_GET_CLASS (self)->region_changed != NULL)
    {
      applying = priv->applying;
      priv->applying = TRUE;
      RDS_FORM_SECTION_GET_CLASS (self)->region_changed (self);
      priv->applying = applying;
    }
}

/* Whether the DB instance goes to another Region than the session's. */
gboolean
rds_form_section_get_cross_region (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), FALSE);

  return priv->region != NULL;
}

/**
 * rds_form_section_get_client:
 *
 * Returns: (transfer none): a client of the Region the DB instance goes to
 */
RdsClient *
rds_form_section_get_client (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);
  g_return_val_if_fail (priv->session != NULL, NULL);

  if (priv->region != NULL)
    return rds_session_get_region_client (priv->session, priv->region);
  return rds_session_get_client (priv->session);
}

/**
 * rds_form_section_get_instance:
 *
 * Returns: (nullable) (transfer none): the instance being modified, or
 *   the source of the read replica
 */
RdsDbInstance *
rds_form_section_get_instance (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);

  return priv->instance;
}

const RdsEngineInfo *
rds_form_section_get_engine (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);

  return priv->engine;
}

void
rds_form_section_set_engine (RdsFormSection      *self,
                             const RdsEngineInfo *engine)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  if (priv->engine == engine)
    return;
  priv->engine = engine;
  if (engine != NULL && RDS_FORM_SECTION_GET_CLASS (self)->engine_changed != NULL)
    {
      gboolean applying = priv->applying;

      priv->applying = TRUE;
      RDS_FORM_SECTION_GET_CLASS (self)->engine_changed (self);
      priv->applying = applying;
    }
}

gboolean
rds_form_section_validate (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), FALSE);

  if (priv->engine == NULL || RDS_FORM_SECTION_GET_CLASS (self)->validate == NULL)
    return TRUE;
  return RDS_FORM_SECTION_GET_CLASS (self)->validate (self);
}

void
rds_form_section_add_to_create (RdsFormSection *self,
                                RdsRequest     *request)
{
  g_return_if_fail (RDS_IS_FORM_SECTION (self));
  g_return_if_fail (RDS_IS_REQUEST (request));

  if (RDS_FORM_SECTION_GET_CLASS (self)->add_to_create != NULL)
    RDS_FORM_SECTION_GET_CLASS (self)->add_to_create (self, request);
}

void
rds_form_section_add_changes (RdsFormSection *self,
                              RdsFormDiff    *diff)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));
  g_return_if_fail (diff != NULL);

  if (priv->instance != NULL && RDS_FORM_SECTION_GET_CLASS (self)->add_changes != NULL)
    RDS_FORM_SECTION_GET_CLASS (self)->add_changes (self, diff);
}

void
rds_form_section_add_to_replica (RdsFormSection *self,
                                 RdsRequest     *request)
{
  g_return_if_fail (RDS_IS_FORM_SECTION (self));
  g_return_if_fail (RDS_IS_REQUEST (request));

  if (RDS_FORM_SECTION_GET_CLASS (self)->add_to_replica != NULL)
    RDS_FORM_SECTION_GET_CLASS (self)->add_to_replica (self, request);
}

/* Empty required fields show their errors from now on. */
void
rds_form_section_reveal_errors (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_if_fail (RDS_IS_FORM_SECTION (self));

  priv->submitted = TRUE;
}

/**
 * rds_form_section_get_waiting_for:
 *
 * Returns: (nullable): what the section loads from the endpoint, to show
 */
const char *
rds_form_section_get_waiting_for (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);

  return priv->waiting_for;
}

/**
 * rds_form_section_get_widget:
 * @name: a widget's id in the section's template
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL
 */
GtkWidget *
rds_form_section_get_widget (RdsFormSection *self,
                             const char     *name)
{
  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), name));
}

static gboolean
show_error_in (GtkWidget    *widget,
               const GError *error)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RDS_IS_FORM_FIELD (child) && rds_form_shown (child))
        {
          const char *parameter = rds_form_field_get_parameter (RDS_FORM_FIELD (child));

          if (parameter != NULL && rds_aws_error_concerns (error, parameter))
            {
              GtkWidget *control = rds_form_field_get_child (RDS_FORM_FIELD (child));

              rds_form_field_set_error (RDS_FORM_FIELD (child), error->message);
              /* The whole field in sight, its title too; the cursor in it. */
              rds_widget_reveal_in (control != NULL ? control : child, child);
              return TRUE;
            }
        }
      if (rds_form_shown (child) && show_error_in (child, error))
        return TRUE;
    }

  return FALSE;
}

/**
 * rds_form_section_show_error:
 *
 * Shows the endpoint's @error next to the field of the section it
 * concerns (by the field's parameter), and focuses that field.
 *
 * Returns: whether a field shows it
 */
gboolean
rds_form_section_show_error (RdsFormSection *self,
                             const GError   *error)
{
  g_return_val_if_fail (RDS_IS_FORM_SECTION (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  return rds_form_shown (GTK_WIDGET (self)) && show_error_in (GTK_WIDGET (self), error);
}

/* GObject */

static void
rds_form_section_constructed (GObject *object)
{
  GtkWidget *title = gtk_widget_get_first_child (GTK_WIDGET (object));

  G_OBJECT_CLASS (rds_form_section_parent_class)->constructed (object);

  /* A screen reader names the group by its title, the template's first label. */
  if (GTK_IS_LABEL (title))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                    -1);
}

static void
rds_form_section_dispose (GObject *object)
{
  RdsFormSection *self = RDS_FORM_SECTION (object);
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  rds_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&priv->instance);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (rds_form_section_parent_class)->dispose (object);
}

static void
rds_form_section_finalize (GObject *object)
{
  RdsFormSection *self = RDS_FORM_SECTION (object);
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);

  g_clear_pointer (&priv->touched, g_hash_table_unref);
  g_free (priv->waiting_for);
  g_free (priv->region);

  G_OBJECT_CLASS (rds_form_section_parent_class)->finalize (object);
}

static void
rds_form_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdsFormSection *self = RDS_FORM_SECTION (object);

  switch (prop_id)
    {
    case PROP_WAITING_FOR:
      g_value_set_string (value, rds_form_section_get_waiting_for (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_form_section_class_init (RdsFormSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (RDS_TYPE_HEADING);

  object_class->constructed = rds_form_section_constructed;
  object_class->dispose = rds_form_section_dispose;
  object_class->finalize = rds_form_section_finalize;
  object_class->get_property = rds_form_section_get_property;

  properties[PROP_WAITING_FOR] =
    g_param_spec_string ("waiting-for", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdsFormSection::changed:
   *
   * The user changed a field of the section.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RDS_TYPE_FORM_FIELD);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rds_form_section_init (RdsFormSection *self)
{
  RdsFormSectionPrivate *priv = rds_form_section_get_instance_private (self);
  GtkLayoutManager *layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);

  priv->touched = g_hash_table_new (NULL, NULL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 14);
  gtk_widget_set_layout_manager (GTK_WIDGET (self), layout);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "form-section");
}
