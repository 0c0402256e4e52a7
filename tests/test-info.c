/* test-info.c: the Info panels and the Ports reference, as a learner uses them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"

#include "rds-concepts.h"

static gboolean
is_info_button_for (GtkWidget     *widget,
                    gconstpointer  data)
{
  return RDS_IS_INFO_BUTTON (widget) &&
         g_strcmp0 (rds_info_button_get_concept (RDS_INFO_BUTTON (widget)), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), data) == 0;
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.close-info") == 0;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static RdsInfoPanel *
panel (Fixture *f)
{
  GtkWidget *widget = rds_window_get_info_panel (f->window);

  g_assert_true (RDS_IS_INFO_PANEL (widget));
  return RDS_INFO_PANEL (widget);
}

/* Clicks the Info link of @concept in @root, as a user would. */
static void
click_info (GtkWidget  *root,
            const char *concept)
{
  GtkWidget *button = find_widget (root, is_info_button_for, concept);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==, _("Info"));
  g_signal_emit_by_name (button, "clicked");
}

/* Clicks the link labelled @label in the panel. */
static void
click_panel_link (Fixture    *f,
                  const char *label)
{
  GtkWidget *button = find_widget (GTK_WIDGET (panel (f)), is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
panel_shown (Fixture       *f,
             gconstpointer  data)
{
  RdsInfoPanel *info = RDS_INFO_PANEL (rds_window_get_info_panel (f->window));

  return info != NULL && gtk_widget_get_mapped (GTK_WIDGET (info)) &&
         gtk_widget_get_width (GTK_WIDGET (info)) > 0;
}

/* Create database: Info beside "Availability and durability" explains
 * Multi-AZ in the side panel, beside the form (not a dialog); its links
 * go to the page where it happens and to the concepts next to it; the
 * panel closes, F1 takes the keyboard into it and back, and a new window
 * opens it again as it was left. */
static void
create_wizard_info (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *text = NULL;
  g_autofree char *topic = NULL;
  GtkWidget *focus, *button;
  RdsWindow *second;

  g_assert_true (spin_until (f, form_ready, form));
  g_assert_false (rds_window_get_info_open (f->window));
  g_assert_null (rds_window_get_info_panel (f->window));

  /* Every concept an Info link names exists (an unknown one is a
   * critical, fatal here), and the links say what they explain. */
  button = find_widget (GTK_WIDGET (wizard), is_info_button_for, "multi-az");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Info: Multi-AZ deployments");

  click_info (GTK_WIDGET (wizard), "multi-az");
  g_assert_true (rds_window_get_info_open (f->window));
  g_assert_true (spin_until (f, panel_shown, NULL));
  /* Beside the form, which stays where it was, and the focus with it. */
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (wizard)));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (panel (f))));

  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "Multi-AZ deployments");
  text = rds_info_panel_get_text (panel (f));
  g_assert_nonnull (strstr (text, "What it is"));
  g_assert_nonnull (strstr (text, "When to choose it"));
  g_assert_nonnull (strstr (text, "What it costs"));
  g_assert_nonnull (strstr (text, "Behind the scenes"));
  g_assert_nonnull (strstr (text, "synchronously"));
  g_assert_nonnull (strstr (text, "not for scaling"));
  g_assert_nonnull (strstr (text, "Read replicas"));
  g_assert_true (g_settings_get_boolean (settings, "info-panel-open"));
  topic = g_settings_get_string (settings, "info-topic");
  g_assert_cmpstr (topic, ==, "multi-az");
  wait_for_frames (f, GTK_WIDGET (f->window));
  screenshot (f, GTK_WIDGET (f->window), "info-create-wizard-multi-az");

  /* A related concept, in the same panel; chosen from the keyboard, the
   * focus stays in the panel (the link it was on goes with the old text). */
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (panel (f)), is_button_labelled, "Read replicas"));
  click_panel_link (f, "Read replicas");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (panel (f))));
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "Read replicas");
  g_clear_pointer (&text, g_free);
  text = rds_info_panel_get_text (panel (f));
  g_assert_nonnull (strstr (text, "asynchronous"));
  g_assert_nonnull (strstr (text, "up to 15 replicas"));
  g_clear_pointer (&topic, g_free);
  topic = g_settings_get_string (settings, "info-topic");
  g_assert_cmpstr (topic, ==, "read-replicas");

  /* Storage autoscaling states its rule. */
  click_info (GTK_WIDGET (wizard), "storage-autoscaling");
  g_clear_pointer (&text, g_free);
  text = rds_info_panel_get_text (panel (f));
  g_assert_nonnull (strstr (text, "under 10 % of the allocated storage for at least 5 minutes"));
  g_assert_nonnull (strstr (text, "6 hours"));

  /* F1 takes the keyboard into the panel and, pressed again there, closes
   * it and gives the focus back. */
  button = find_widget (GTK_WIDGET (wizard), is_info_button_for, "storage-autoscaling");
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-info", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (panel (f))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-info", NULL));
  g_assert_false (rds_window_get_info_open (f->window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);
  g_assert_false (g_settings_get_boolean (settings, "info-panel-open"));

  /* The main menu's Info Panel shows it again, on the last concept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-info", NULL));
  g_assert_true (rds_window_get_info_open (f->window));
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "Storage autoscaling");

  /* The link to where it happens. */
  click_panel_link (f, "See storage changes on the Events page");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "events");
  g_assert_true (rds_window_get_info_open (f->window));

  /* A new window opens the panel as it was left. */
  second = rds_window_new (f->app);
  g_assert_true (rds_window_get_info_open (second));
  g_assert_cmpstr (rds_info_panel_get_concept (RDS_INFO_PANEL (rds_window_get_info_panel (second))), ==,
                   "storage-autoscaling");
  gtk_window_destroy (GTK_WINDOW (second));

  /* Its close button closes it. */
  button = find_widget (GTK_WIDGET (panel (f)), is_close_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Close Info Panel");
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (rds_window_get_info_open (f->window));
}

/* A database's page: Info beside its sections and fields; every concept
 * opens, and its link leads to a page of the console that exists. */
static void
database_page_info (Fixture *f)
{
  RdsDatabasePage *page;
  const RdsConcept *concepts;
  guint n;
  g_autofree char *text = NULL;

  create_instance (f, "learning-db", "postgres", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "learning-db"));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  rds_database_page_show_tab (page, "configuration");
  wait_for_frames (f, GTK_WIDGET (f->window));

  click_info (GTK_WIDGET (page), "storage-autoscaling");
  g_assert_true (spin_until (f, panel_shown, NULL));
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "Storage autoscaling");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
  /* Beside the page, not over it: the window is wide enough for both. */
  {
    graphene_rect_t page_bounds, panel_bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (page), GTK_WIDGET (f->window), &page_bounds));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (panel (f)), GTK_WIDGET (f->window), &panel_bounds));
    g_assert_cmpfloat (page_bounds.origin.x + page_bounds.size.width, <=, panel_bounds.origin.x + 1);
  }
  wait_for_frames (f, GTK_WIDGET (f->window));
  screenshot (f, GTK_WIDGET (f->window), "info-database-storage-autoscaling");

  click_info (GTK_WIDGET (page), "multi-az");
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "Multi-AZ deployments");
  rds_database_page_show_tab (page, "maintenance");
  click_info (GTK_WIDGET (page), "backups");
  text = rds_info_panel_get_text (panel (f));
  g_assert_nonnull (strstr (text, "every 5 minutes"));
  g_assert_nonnull (strstr (text, "from 1 to 35 days"));
  g_assert_nonnull (strstr (text, "creates a new database"));
  g_assert_nonnull (strstr (text, "stopped database still pays"));

  /* Every concept, through the window's action, with its link. */
  concepts = rds_concepts_get_all (&n);
  g_assert_cmpuint (n, >=, 13);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-info", "s", concepts[i].id));
      g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, concepts[i].title);
      g_assert_nonnull (concepts[i].page);
      click_panel_link (f, concepts[i].page_link);
      g_assert_cmpstr (rds_window_get_page (f->window), ==, concepts[i].page);
    }
}

/* The Ports reference: from the main menu, and from the Info of the
 * Database port field through its concept's link. */
static void
ports_reference (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  GtkWidget *ports, *port_field;
  const char *shown[] = { "5432", "3306", "1521", "1433", "3306 or 5432", "21", "22", "80", "443" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "ports"));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "ports");
  ports = rds_window_get_page_widget (f->window, "ports");
  wait_for_frames (f, GTK_WIDGET (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_nonnull (find_widget (ports, is_label_showing, shown[i]));
  g_assert_nonnull (find_widget (ports, is_label_showing, "PostgreSQL"));
  g_assert_nonnull (find_widget (ports, is_label_showing, "SFTP"));
  screenshot (f, GTK_WIDGET (f->window), "page-ports");

  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "looked-up-ports");
  port_field = form_widget (form, "port_field");
  g_assert_cmpstr (rds_form_field_get_info (RDS_FORM_FIELD (port_field)), ==, "engines");
  click_info (port_field, "engines");
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "Engines and their default ports");
  click_panel_link (f, "Open the Ports reference");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "ports");

  /* Back returns to the form, as it was left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  g_assert_true (rds_window_get_page_widget (f->window, "create-database") == GTK_WIDGET (wizard));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "identifier_entry"))), ==,
                   "looked-up-ports");
  g_assert_nonnull (find_widget (GTK_WIDGET (panel (f)), is_label, "Engines and their default ports"));

  /* Back from the reference returns where it was opened from, each time;
   * the sidebar keeps its row. */
  create_instance (f, "ports-db", "postgres", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "ports"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "events");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "ports-db"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "ports"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
}

/* Under a Korean locale the links, the panel and the reference are in
 * Korean. */
static void
korean_info (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  g_autofree char *text = NULL;
  RdsDatabasePage *page;
  GtkWidget *ports;

  g_assert_true (spin_until (f, form_ready, form));
  click_info (GTK_WIDGET (wizard), "multi-az");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (
                     find_widget (GTK_WIDGET (wizard), is_info_button_for, "multi-az"))))), ==, "정보");
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "다중 AZ 배포");
  text = rds_info_panel_get_text (panel (f));
  g_assert_nonnull (strstr (text, "무엇인가요"));
  g_assert_nonnull (strstr (text, "동기식"));
  g_assert_nonnull (strstr (text, "읽기 전용 복제본"));
  wait_for_frames (f, GTK_WIDGET (f->window));
  screenshot (f, GTK_WIDGET (f->window), "info-korean");

  /* A database's page: Info beside Backup, in Korean. */
  create_instance (f, "korean-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "korean-db"));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  rds_database_page_show_tab (page, "maintenance");
  wait_for_frames (f, GTK_WIDGET (f->window));
  click_info (GTK_WIDGET (page), "backups");
  g_assert_cmpstr (rds_info_panel_get_title (panel (f)), ==, "백업과 복원");
  g_clear_pointer (&text, g_free);
  text = rds_info_panel_get_text (panel (f));
  g_assert_nonnull (strstr (text, "5분마다 트랜잭션 로그"));
  g_assert_nonnull (strstr (text, "새 데이터베이스를 만들며"));
  g_assert_nonnull (find_widget (GTK_WIDGET (panel (f)), is_button_labelled, "스냅샷 페이지에서 백업 보기"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "ports"));
  ports = rds_window_get_page_widget (f->window, "ports");
  g_assert_nonnull (find_widget (ports, is_label_showing, "포트 참조"));
  g_assert_nonnull (find_widget (ports, is_label_showing, "3306 또는 5432"));
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  if (g_getenv ("RDS_TEST_KOREAN") != NULL)
    {
      CONSOLE_TEST_ADD ("/console/info/korean", korean_info);
      return g_test_run ();
    }

  CONSOLE_TEST_ADD ("/console/info/create-wizard", create_wizard_info);
  CONSOLE_TEST_ADD ("/console/info/database-page", database_page_info);
  CONSOLE_TEST_ADD ("/console/info/ports", ports_reference);

  return g_test_run ();
}
