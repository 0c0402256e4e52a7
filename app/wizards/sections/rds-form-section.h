/* rds-form-section.h: one section of a database form, validating itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-catalog.h"
#include "rds-client.h"
#include "rds-request.h"
#include "rds-types.h"

G_BEGIN_DECLS

typedef enum
{
  RDS_DATABASE_FORM_CREATE,
  RDS_DATABASE_FORM_MODIFY,
  RDS_DATABASE_FORM_REPLICA,     /* the instance is the replica's source */
  RDS_DATABASE_FORM_RESTORE,     /* the instance is the backup's, as it was: a new one from it */
} RdsDatabaseFormMode;

/* One line of Modify's "Summary of modifications". */
typedef struct
{
  char *attribute;
  char *current;
  char *wanted;
} RdsFormChange;

void rds_form_change_free (RdsFormChange *change);

/* What Modify would change, and (when building it) the request that
 * changes it. */
typedef struct
{
  GPtrArray  *changes;   /* of RdsFormChange */
  RdsRequest *request;   /* nullable: the summary only */
} RdsFormDiff;

void rds_form_diff_text    (RdsFormDiff *diff,
                            const char  *attribute,
                            const char  *parameter,
                            const char  *current,
                            const char  *wanted,
                            const char  *shown_current,
                            const char  *shown_wanted);
void rds_form_diff_int     (RdsFormDiff *diff,
                            const char  *attribute,
                            const char  *parameter,
                            int          current,
                            int          wanted);
void rds_form_diff_boolean (RdsFormDiff *diff,
                            const char  *attribute,
                            const char  *parameter,
                            gboolean     current,
                            gboolean     wanted);

#define RDS_TYPE_FORM_SECTION (rds_form_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdsFormSection, rds_form_section, RDS, FORM_SECTION, GtkWidget)

struct _RdsFormSectionClass
{
  GtkWidgetClass parent_class;

  /* The session, mode and instance are known: load what the section
   * offers, and when modifying, show the instance's values. */
  void     (*setup)         (RdsFormSection      *self);
  /* The engine changed (creating) or became known (modifying). */
  void     (*engine_changed) (RdsFormSection     *self);
  /* Shows what is wrong next to each field; returns whether all is well. */
  gboolean (*validate)      (RdsFormSection      *self);
  /* Adds the section's parameters to CreateDBInstance. */
  void     (*add_to_create) (RdsFormSection      *self,
                             RdsRequest          *request);
  /* Adds what differs from the instance to the summary and the request. */
  void     (*add_changes)   (RdsFormSection      *self,
                             RdsFormDiff         *diff);
  /* Adds the section's parameters to CreateDBInstanceReadReplica, or
   * to a restore (RestoreDBInstanceFromDBSnapshot, ...ToPointInTime). */
  void     (*add_to_replica) (RdsFormSection     *self,
                              RdsRequest         *request);
  /* The Region the DB instance goes to changed (a replica's). */
  void     (*region_changed) (RdsFormSection     *self);
};

void                 rds_form_section_setup            (RdsFormSection      *self,
                                                        RdsSession          *session,
                                                        RdsDatabaseFormMode  mode,
                                                        RdsDbInstance       *instance);
RdsSession          *rds_form_section_get_session      (RdsFormSection      *self);
gboolean             rds_form_section_get_creating     (RdsFormSection      *self);
RdsDatabaseFormMode  rds_form_section_get_mode         (RdsFormSection      *self);
gboolean             rds_form_section_get_replica      (RdsFormSection      *self);
gboolean             rds_form_section_get_restore      (RdsFormSection      *self);
const char          *rds_form_section_get_region       (RdsFormSection      *self);
void                 rds_form_section_set_region       (RdsFormSection      *self,
                                                        const char          *region);
gboolean             rds_form_section_get_cross_region (RdsFormSection      *self);
RdsClient           *rds_form_section_get_client       (RdsFormSection      *self);
RdsDbInstance       *rds_form_section_get_instance     (RdsFormSection      *self);
const RdsEngineInfo *rds_form_section_get_engine       (RdsFormSection      *self);
void                 rds_form_section_set_engine       (RdsFormSection      *self,
                                                        const RdsEngineInfo *engine);
gboolean             rds_form_section_validate         (RdsFormSection      *self);
void                 rds_form_section_add_to_create    (RdsFormSection      *self,
                                                        RdsRequest          *request);
void                 rds_form_section_add_changes      (RdsFormSection      *self,
                                                        RdsFormDiff         *diff);
void                 rds_form_section_add_to_replica   (RdsFormSection      *self,
                                                        RdsRequest          *request);
void                 rds_form_section_reveal_errors    (RdsFormSection      *self);
const char          *rds_form_section_get_waiting_for  (RdsFormSection      *self);
GtkWidget           *rds_form_section_get_widget       (RdsFormSection      *self,
                                                        const char          *name);
gboolean             rds_form_section_show_error       (RdsFormSection      *self,
                                                        const GError        *error);

/* For sections. */
void                 rds_form_section_set_waiting_for  (RdsFormSection      *self,
                                                        const char          *what);
void                 rds_form_section_changed          (RdsFormSection      *self);
void                 rds_form_section_watch            (RdsFormSection      *self,
                                                        GtkWidget           *control);
gboolean             rds_form_section_is_applying      (RdsFormSection      *self);
void                 rds_form_section_set_applying     (RdsFormSection      *self,
                                                        gboolean             applying);
gboolean             rds_form_section_check            (RdsFormSection      *self,
                                                        GtkWidget           *field,
                                                        GtkWidget           *entry,
                                                        char                *problem);
void                 rds_form_section_set_text         (RdsFormSection      *self,
                                                        GtkWidget           *editable,
                                                        const char          *text);
void                 rds_form_section_set_int_text     (RdsFormSection      *self,
                                                        GtkWidget           *editable,
                                                        int                  value);
void                 rds_form_section_select           (RdsFormSection      *self,
                                                        GtkWidget           *dropdown,
                                                        guint                index);
void                 rds_form_section_fill_dropdown    (RdsFormSection      *self,
                                                        GtkWidget           *dropdown,
                                                        const char * const  *labels,
                                                        guint                n_labels);
void                 rds_form_section_set_active       (RdsFormSection      *self,
                                                        GtkWidget           *check,
                                                        gboolean             active);

/* Small readers the sections share. */
gboolean             rds_form_is_active                (GtkWidget           *check);
const char          *rds_form_text_of                  (GtkWidget           *editable);
int                  rds_form_int_of                   (GtkWidget           *editable);
guint                rds_form_selected                 (GtkWidget           *dropdown);
int                  rds_form_index_of                 (GPtrArray           *names,
                                                        const char          *name);
const char          *rds_form_selected_name            (GPtrArray           *names,
                                                        GtkWidget           *dropdown);
gboolean             rds_form_shown                    (GtkWidget           *widget);

G_END_DECLS
