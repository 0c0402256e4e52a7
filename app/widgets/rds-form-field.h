/* rds-form-field.h: a labelled field of a form, with its rules and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_FORM_FIELD (rds_form_field_get_type ())
G_DECLARE_FINAL_TYPE (RdsFormField, rds_form_field, RDS, FORM_FIELD, GtkWidget)

GtkWidget  *rds_form_field_new             (const char   *title,
                                            GtkWidget    *child);
GtkWidget  *rds_form_field_get_child       (RdsFormField *self);
void        rds_form_field_set_child       (RdsFormField *self,
                                            GtkWidget    *child);
const char *rds_form_field_get_title       (RdsFormField *self);
void        rds_form_field_set_title       (RdsFormField *self,
                                            const char   *title);
void        rds_form_field_set_description (RdsFormField *self,
                                            const char   *description);
void        rds_form_field_set_hint        (RdsFormField *self,
                                            const char   *hint);
const char *rds_form_field_get_error       (RdsFormField *self);
void        rds_form_field_set_error       (RdsFormField *self,
                                            const char   *error);
const char *rds_form_field_get_parameter   (RdsFormField *self);
void        rds_form_field_set_parameter   (RdsFormField *self,
                                            const char   *parameter);

const char *rds_form_field_get_info        (RdsFormField *self);
void        rds_form_field_set_info        (RdsFormField *self,
                                            const char   *info);

G_END_DECLS
