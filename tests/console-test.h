/* console-test.h: what the console's UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case starts the real application (embedded simulator on a manual
 * clock, keyring from the private session bus) and drives it as a user
 * would: fills wizards through their widgets, activates the actions its
 * buttons and menus name, and moves the simulator's clock. Screenshots of
 * every page and wizard step go to $RDS_SCREENSHOT_DIR. One test program
 * per page or wizard; this is their fixture and helpers.
 */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rds-action-dialog.h"
#include "rds-credentials-dialog.h"
#include "rds-delete-database-dialog.h"
#include "rds-delete-snapshot-dialog.h"
#include "rds-reboot-database-dialog.h"
#include "rds-stop-database-dialog.h"
#include "rds-take-snapshot-dialog.h"
#include "rds-application.h"
#include "rds-cost-panel.h"
#include "rds-create-database-wizard.h"
#include "rds-additional-configuration-section.h"
#include "rds-authentication-section.h"
#include "rds-availability-section.h"
#include "rds-connectivity-section.h"
#include "rds-database-form.h"
#include "rds-engine-section.h"
#include "rds-instance-class-section.h"
#include "rds-monitoring-section.h"
#include "rds-orderable-db-instance-option.h"
#include "rds-settings-section.h"
#include "rds-storage-section.h"
#include "rds-dashboard-page.h"
#include "rds-event-row.h"
#include "rds-link-button.h"
#include "rds-status-badge.h"
#include "rds-database-page.h"
#include "rds-databases-page.h"
#include "rds-db-instance.h"
#include "rds-db-snapshot.h"
#include "rds-form-field.h"
#include "rds-heading.h"
#include "rds-info-button.h"
#include "rds-info-panel.h"
#include "rds-ports-page.h"
#include "rds-instance-actions.h"
#include "rds-modify-database-wizard.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-simulator.h"
#include "rds-screenshooter.h"
#include "rds-secrets.h"
#include "rds-slot-model.h"
#include "rds-snapshots-page.h"
#include "rds-events-page.h"
#include "rds-clock-control.h"
#include "rds-search-filter.h"
#include "rds-widget-util.h"
#include "rds-window.h"

/* 2026-01-05 00:00:00 UTC, a Monday */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)

typedef struct
{
  char           *dir;
  RdsApplication *app;
  RdsWindow      *window;
  RdsSession     *session;
  RdsSimulator   *external;    /* a simulator of its own, as rds-simd would be */
  char           *external_dir;
  GSubprocess    *moto;        /* moto's server, a third-party RDS, where installed */
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

typedef void (*TestBody) (Fixture *f);

typedef struct
{
  TestBody body;
  gboolean offer_sample;       /* a first start: the sample offer shows */
  gboolean no_keyring;         /* secrets in memory, as without a Secret Service */
  gboolean damaged_state;      /* the simulator's saved state cannot be read */
  gboolean external;           /* the console manages a separately started simulator */
  gboolean simd_running;       /* one runs, as rds-simd would; the console starts on its own */
  gboolean moto;               /* the console manages moto's RDS (skipped without moto) */
} TestCase;

typedef struct
{
  Fixture  *f;
  TestBody  body;
} Run;

typedef struct
{
  const char *identifier;
  const char *status;
} Expected;

/* Finding widgets as a user sees them: by their label */

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

gboolean spin_until (Fixture       *f,
                     Condition      condition,
                     gconstpointer  data);
void screenshot (Fixture    *f,
                 GtkWidget  *window,
                 const char *name);
void fixture_setup (Fixture       *f,
                    gconstpointer  data);
void fixture_teardown (Fixture       *f,
                       gconstpointer  data);
gboolean on_page (Fixture       *f,
                  gconstpointer  data);
void advance (Fixture *f,
              int      seconds);
RdsDbInstance *find_instance (Fixture    *f,
                              const char *identifier);
gboolean has_status (Fixture       *f,
                     gconstpointer  data);
void wait_for_status (Fixture    *f,
                      const char *identifier,
                      const char *status);
void advance_until (Fixture    *f,
                    const char *identifier,
                    const char *status);
RdsCreateDatabaseWizard *open_create_wizard (Fixture *f);
GtkWidget *form_widget (RdsDatabaseForm *form,
                        const char      *name);
const char *field_error (RdsDatabaseForm *form,
                         const char      *field);
void type_into (RdsDatabaseForm *form,
                const char      *entry,
                const char      *text);
gboolean form_ready (Fixture       *f,
                     gconstpointer  data);
void select_dropdown_item (GtkWidget  *dropdown,
                           const char *text);
GtkWidget *find_widget (GtkWidget     *root,
                        WidgetMatch    match,
                        gconstpointer  data);
RdsShape *find_snapshot (Fixture    *f,
                         const char *identifier);
gboolean snapshot_available (Fixture       *f,
                             gconstpointer  data);
gboolean notified (Fixture       *f,
                   gconstpointer  data);
void call (Fixture    *f,
           RdsRequest *request);
gboolean try_call (Fixture     *f,
                   RdsRequest  *request,
                   GError     **error);
RdsQueryResult *call_for_answer (Fixture    *f,
                                 RdsRequest *request);
gboolean is_named (GtkWidget     *widget,
                   gconstpointer  data);
GtkWidget *named (GtkWidget  *root,
                  const char *name);
RdsDbInstance *create_instance (Fixture    *f,
                                const char *identifier,
                                const char *engine,
                                gboolean    multi_az);
AdwMessageDialog *message_dialog (void);
gboolean has_message_dialog (Fixture       *f,
                             gconstpointer  data);
gboolean instances_shown (Fixture       *f,
                          gconstpointer  data);
char *keyring_password (Fixture    *f,
                        const char *key);
void run_test (Fixture       *f,
               gconstpointer  data);

/* Before adding cases: the translations, GTK and libadwaita as
 * rds-console sets them up, criticals fatal, animations off, and a desktop
 * notification server that records what the console sends. One process on
 * a bus can own it: the UI tests run one at a time. */
gboolean spin_until_ms (Fixture       *f,
                        Condition      condition,
                        gconstpointer  data,
                        guint          ms);
gboolean flag_set (Fixture       *f,
                   gconstpointer  data);
void assert_no_focusable_labels (GtkWidget *root);
void assert_focus_cycles (Fixture *f);
void assert_no_focusable_flow_cells (GtkWidget *root);
void wait_for_frames (Fixture   *f,
                      GtkWidget *widget);
gboolean is_label_showing (GtkWidget     *widget,
                           gconstpointer  data);

gboolean is_check_labelled (GtkWidget     *widget,
                            gconstpointer  data);
gboolean is_entry_with_placeholder (GtkWidget     *widget,
                                    gconstpointer  data);
GtkWidget *check_labelled (GtkWidget  *root,
                           const char *label);
GtkWidget *field_titled (GtkWidget  *root,
                         const char *title);
RdsActionDialog *action_dialog (void);
gboolean has_action_dialog (Fixture       *f,
                            gconstpointer  data);
gboolean no_action_dialog (Fixture       *f,
                           gconstpointer  data);
gboolean is_spin_button (GtkWidget     *widget,
                         gconstpointer  data);

void console_test_init (int    *argc,
                        char ***argv);

/* A case that runs in the real application: CONSOLE_TEST_ADD (path, body,
 * .offer_sample = TRUE, ...) with the fields of TestCase. */
#define CONSOLE_TEST_ADD(path, ...) \
  G_STMT_START { \
    static const TestCase test = { __VA_ARGS__ }; \
    g_test_add (path, Fixture, &test, fixture_setup, run_test, fixture_teardown); \
  } G_STMT_END

/* The Databases table as shown: its rows from the top, "source, > replica,
 * > > its replica" (a ">" for each level down), and the text of one cell,
 * by the title of its column (its labels, tab-separated). */
char *databases_table_rows (Fixture *f);
void assert_databases_table_rows (Fixture    *f,
                                  const char *wanted);
char *databases_table_cell (Fixture    *f,
                            const char *identifier,
                            const char *column);
void assert_databases_table_cell (Fixture    *f,
                                  const char *identifier,
                                  const char *column,
                                  const char *wanted);

/* The Topology tab of a database's page, and what it says (its accessible
 * description), once it asked the simulator again. */
#include "rds-topology-view.h"

RdsDatabasePage *open_database_tab (Fixture    *f,
                                    const char *identifier,
                                    const char *tab);
RdsTopologyView *open_topology (Fixture    *f,
                                const char *identifier);
void wait_describes (Fixture         *f,
                     RdsTopologyView *view,
                     const char      *fragment);
