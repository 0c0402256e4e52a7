/* rds-authentication-section.c: password or IAM database authentication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown only for engines with IAM database authentication; the form hides
 * it otherwise, and a hidden section asks for nothing.
 */

#include "config.h"

#include "rds-authentication-section.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"

struct _RdsAuthenticationSection
{
  RdsFormSection  parent_instance;

  GtkWidget      *auth_password, *auth_iam;
};

G_DEFINE_FINAL_TYPE (RdsAuthenticationSection, rds_authentication_section, RDS_TYPE_FORM_SECTION)

static void
rds_authentication_section_setup (RdsFormSection *section)
{
  RdsAuthenticationSection *self = RDS_AUTHENTICATION_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  if (instance != NULL)
    rds_form_section_set_active (section,
                                 rds_shape_get_boolean (instance, "iam-database-authentication-enabled")
                                 ? self->auth_iam : self->auth_password, TRUE);
}

static void
rds_authentication_section_add_to_create (RdsFormSection *section,
                                          RdsRequest     *request)
{
  RdsAuthenticationSection *self = RDS_AUTHENTICATION_SECTION (section);

  if (rds_form_shown (GTK_WIDGET (self)))
    rds_request_set_boolean (request, "EnableIAMDatabaseAuthentication",
                             rds_form_is_active (self->auth_iam));
}

static void
rds_authentication_section_add_changes (RdsFormSection *section,
                                        RdsFormDiff    *diff)
{
  RdsAuthenticationSection *self = RDS_AUTHENTICATION_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  if (rds_form_shown (GTK_WIDGET (self)))
    rds_form_diff_boolean (diff, _("IAM DB authentication"), "EnableIAMDatabaseAuthentication",
                           rds_shape_get_boolean (instance, "iam-database-authentication-enabled"),
                           rds_form_is_active (self->auth_iam));
}

static void
rds_authentication_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_AUTHENTICATION_SECTION);

  G_OBJECT_CLASS (rds_authentication_section_parent_class)->dispose (object);
}

static void
rds_authentication_section_class_init (RdsAuthenticationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_authentication_section_dispose;
  section_class->setup = rds_authentication_section_setup;
  section_class->add_to_create = rds_authentication_section_add_to_create;
  section_class->add_changes = rds_authentication_section_add_changes;
  section_class->add_to_replica = rds_authentication_section_add_to_create;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-authentication-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsAuthenticationSection, auth_password);
  gtk_widget_class_bind_template_child (widget_class, RdsAuthenticationSection, auth_iam);
}

static void
rds_authentication_section_init (RdsAuthenticationSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_form_section_watch (RDS_FORM_SECTION (self), self->auth_iam);
}
