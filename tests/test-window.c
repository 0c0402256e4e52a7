/* test-window.c: the window: its pages, the sample environment, the keyring, damaged state, Regions, the clock, Korean, and every widget and dialog on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"
#include "rds-word-wrap.h"

#include "rds-cluster-page.h"
#include "rds-command-line-dialog.h"
#include "rds-snapshot-page.h"

/* Cases */

static gboolean
is_any_label (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

static gboolean
is_leaflet (GtkWidget     *widget,
            gconstpointer  data)
{
  return ADW_IS_LEAFLET (widget);
}

/* The list whose rows are the pages. */
static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && find_widget (widget, is_label_showing, "Dashboard") != NULL;
}

/* The label of the sidebar's selected row. */
static const char *
sidebar_selection (Fixture *f)
{
  GtkWidget *list = find_widget (GTK_WIDGET (f->window), is_sidebar, NULL);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  GtkWidget *label = row != NULL ? find_widget (GTK_WIDGET (row), is_any_label, NULL) : NULL;

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* Whether @widget's own shortcuts map @trigger (as gtk_shortcut_trigger_to_string ()
 * writes it) to @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_listed (GtkWidget     *widget,
           gconstpointer  data)
{
  const guint *key = data;
  g_autofree char *accelerator = NULL;
  g_auto(GStrv) accels = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, NULL);
  accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
  for (guint i = 0; accels[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      if (gtk_accelerator_parse (accels[i], &keyval, &modifiers) && keyval == key[0] && modifiers == key[1])
        return TRUE;
    }
  return FALSE;
}

/* Every key the window and the wizards bind is in the shortcuts window. */
static void
assert_shortcuts_listed (Fixture *f)
{
  GtkWidget *overlay;
  GtkWidget *owners[] = { GTK_WIDGET (f->window), rds_window_get_page_widget (f->window, "create-database") };
  guint checked = 0;

  /* Made when first shown (Ctrl+?, or the main menu). */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-help-overlay", NULL);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (overlay));
  for (guint o = 0; o < G_N_ELEMENTS (owners); o++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (owners[o]);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
              const char *name;
              guint key[2];

              /* The console's own keys, not GTK's (arrows, debugging). */
              if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
                continue;
              name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
              if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "wizard."))
                continue;
              key[0] = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
              key[1] = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
              if (find_widget (overlay, is_listed, key) == NULL)
                {
                  g_autofree char *accelerator = gtk_accelerator_name (key[0], key[1]);

                  g_error ("%s binds %s, which the shortcuts window does not list",
                           G_OBJECT_TYPE_NAME (owners[o]), accelerator);
                }
              checked++;
            }
        }
    }
  /* Ctrl+N, Ctrl+F, F5, Ctrl+R, Alt+Left, Ctrl+Space, Alt+1…6, Escape, Ctrl+Return. */
  g_assert_cmpuint (checked, >=, 12);
  /* Ctrl+? is the key that shows it. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                  "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }
  gtk_widget_set_visible (overlay, FALSE);
}

static void
window_pages (Fixture *f)
{
  const char *pages[] = { "dashboard", "databases", "snapshots", "automated-backups", "events" };
  const char *page_titles[] = { N_("Dashboard"), N_("Databases"), N_("Snapshots"), N_("Automated backups"),
                                N_("Events") };

  g_assert_cmpstr (rds_window_get_page (f->window), ==, "dashboard");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s-empty", pages[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                                 pages[i]));
      g_assert_cmpstr (rds_window_get_page (f->window), ==, pages[i]);
      g_assert_cmpstr (sidebar_selection (f), ==, gettext (page_titles[i]));
      screenshot (f, GTK_WIDGET (f->window), name);
    }

  /* Alt+Left is the window's Back only: the leaflet does not take it. */
  {
    GtkWidget *leaflet = find_widget (GTK_WIDGET (f->window), is_leaflet, NULL);

    g_assert_nonnull (leaflet);
    g_assert_false (adw_leaflet_get_can_navigate_back (ADW_LEAFLET (leaflet)));
    g_assert_true (has_shortcut (GTK_WIDGET (f->window), "<Alt>Left", "win.back"));
  }

  /* Create database opened from Snapshots is part of Databases; Back
   * (or Escape, the wizard's) returns to Snapshots. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-database", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  g_assert_cmpstr (sidebar_selection (f), ==, "Databases");
  /* The wizard takes the keyboard: Tab and typing start in it. */
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         rds_window_get_page_widget (f->window, "create-database")));
  assert_shortcuts_listed (f);
  assert_no_focusable_labels (GTK_WIDGET (f->window));
  assert_no_focusable_flow_cells (GTK_WIDGET (f->window));
  g_assert_true (has_shortcut (rds_window_get_page_widget (f->window, "create-database"), "Escape",
                               "wizard.cancel"));
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "create-database"),
                                             "wizard.cancel", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "snapshots");
  g_assert_cmpstr (sidebar_selection (f), ==, "Snapshots");

  /* The sidebar is one Tab stop: Tab goes into the current page's row
   * and on out, leaving the page as it was; the arrows go from page to
   * page, the focus with them. */
  {
    GtkWidget *list = find_widget (GTK_WIDGET (f->window), is_sidebar, NULL);
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
    GtkWidget *focus;
    gboolean moved;

    g_assert_true (gtk_widget_grab_focus (row));
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_nonnull (focus);
    g_assert_false (gtk_widget_is_ancestor (focus, list));
    g_assert_cmpstr (rds_window_get_page (f->window), ==, "snapshots");

    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == row);
    g_assert_cmpstr (rds_window_get_page (f->window), ==, "snapshots");

    g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE, &moved);
    g_assert_cmpstr (rds_window_get_page (f->window), ==, "automated-backups");
    g_assert_cmpstr (sidebar_selection (f), ==, "Automated backups");
    g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                   GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))));
  }
}

static gboolean is_label_starting (GtkWidget     *widget,
                                   gconstpointer  data);

/* The Korean console: labels, statuses and the wizard's errors. */
static void
korean (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;

  g_assert_cmpstr (_("Databases"), ==, "데이터베이스");
  screenshot (f, GTK_WIDGET (f->window), "ko-page-dashboard");

  create_instance (f, "seoul-db", "postgres", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  screenshot (f, GTK_WIDGET (f->window), "ko-page-databases");

  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "1db");
  g_assert_cmpstr (field_error (form, "identifier_field"), ==, "문자로 시작해야 합니다.");
  type_into (form, "password_entry", "short");
  g_assert_cmpstr (field_error (form, "password_field"), ==, "8자 이상이어야 합니다.");
  rds_widget_reveal (form_widget (form, "identifier_field"));
  screenshot (f, GTK_WIDGET (f->window), "ko-wizard-create-errors");

  /* Korean wraps between words, never inside one (온디맨드, not 온디맨 / 드). */
  {
    GtkWidget *note = find_widget (GTK_WIDGET (wizard), is_label_starting, "이 예상 요금은");
    const char *text;
    guint lines = 0;

    g_assert_nonnull (note);
    wait_for_frames (f, note);
    text = pango_layout_get_text (gtk_label_get_layout (GTK_LABEL (note)));
    for (GSList *l = pango_layout_get_lines_readonly (gtk_label_get_layout (GTK_LABEL (note)));
         l != NULL;
         l = l->next)
      {
        int start = ((PangoLayoutLine *) l->data)->start_index;

        if (start > 0 && text[start - 1] != ' ')
          g_error ("“%s” breaks inside a word, before “%s”", text, text + start);
        lines++;
      }
    g_assert_cmpuint (lines, >, 1);
  }

  /* A Korean tooltip is as wide as its text up to 20 syllables or so,
   * not four or five syllables a line (GTK 4.8 sizes tooltips by their
   * narrowest), and wraps between words. */
  {
    GtkWidget *tip = g_object_ref_sink (rds_word_wrap_tooltip_label (
      "다중 AZ 배포가 아닌 DB 인스턴스는 장애 조치와 함께 재부팅할 수 없습니다."));
    GtkWidget *ten = g_object_ref_sink (gtk_label_new ("가나다라마바사아자차"));
    int tip_minimum, tip_natural, ten_natural, height;
    PangoLayout *layout;

    gtk_widget_measure (tip, GTK_ORIENTATION_HORIZONTAL, -1, &tip_minimum, &tip_natural, NULL, NULL);
    gtk_widget_measure (ten, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &ten_natural, NULL, NULL);
    g_assert_cmpint (tip_minimum, >=, ten_natural);
    gtk_widget_measure (tip, GTK_ORIENTATION_VERTICAL, tip_natural, NULL, &height, NULL, NULL);
    gtk_widget_size_allocate (tip, &(GtkAllocation) { 0, 0, tip_natural, height }, -1);
    layout = gtk_label_get_layout (GTK_LABEL (tip));
    g_assert_cmpint (pango_layout_get_line_count (layout), <=, 3);
    for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
      {
        int start = ((PangoLayoutLine *) l->data)->start_index;

        g_assert_true (start == 0 || pango_layout_get_text (layout)[start - 1] == ' ');
      }
    g_object_unref (tip);
    g_object_unref (ten);
  }
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
sample_settled (Fixture       *f,
                gconstpointer  data)
{
  RdsDbInstance *stopped = find_instance (f, "catalog-mariadb");
  RdsDbInstance *replica = find_instance (f, "billing-reports");

  return g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (f->session))) == 8 &&
         replica != NULL && g_strcmp0 (rds_db_instance_get_status (replica), "available") == 0 &&
         stopped != NULL && g_strcmp0 (rds_db_instance_get_status (stopped), "stopped") == 0 &&
         snapshot_available (f, "billing-postgres-before-upgrade");
}

static gboolean
toast_is (Fixture       *f,
          gconstpointer  data)
{
  return g_strcmp0 (rds_window_get_last_toast (f->window), data) == 0;
}

static gboolean
toast_gone (Fixture       *f,
            gconstpointer  data)
{
  return find_widget (GTK_WIDGET (f->window), is_label_showing, data) == NULL;
}

static gboolean
scene_settled (Fixture       *f,
               gconstpointer  data)
{
  const RdsScene *scene = data;

  return rds_screenshooter_is_settled (f->window, scene, scene->prepare == NULL);
}

static gboolean
scene_prepared (Fixture       *f,
                gconstpointer  data)
{
  return rds_screenshooter_is_settled (f->window, data, TRUE);
}

/* The first start on an empty simulator offers a living console. */
static void
sample_environment (Fixture *f)
{
  GListModel *instances = rds_resource_list_get_model (rds_session_get_instances (f->session));
  g_autoptr(GHashTable) engines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwMessageDialog *dialog;
  guint multi_az = 0;

  g_assert_true (spin_until (f, has_message_dialog, NULL));
  dialog = message_dialog ();
  screenshot (f, GTK_WIDGET (dialog), "dialog-sample-offer");
  adw_message_dialog_response (dialog, "sample");
  g_assert_true (g_settings_get_boolean (settings, "sample-offer-answered"));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Creating the sample environment…");
  g_assert_false (toast_gone (f, "Creating the sample environment…"));

  if (!spin_until (f, sample_settled, NULL))
    g_error ("the sample environment did not settle; last toast: %s",
             rds_window_get_last_toast (f->window));
  /* The progress toast stays until then, and no longer. */
  g_assert_true (spin_until (f, toast_gone, "Creating the sample environment…"));
  if (!spin_until (f, toast_is, "The sample environment is ready"))
    g_error ("no “ready” toast; the last toast: %s", rds_window_get_last_toast (f->window));
  rds_session_refresh (f->session);
  advance (f, 1);
  /* Five databases, a read replica of billing-postgres (another is in
   * us-west-2), and the two instances of an Aurora cluster. */
  g_assert_cmpuint (g_list_model_get_n_items (instances), ==, 8);
  g_assert_nonnull (rds_resource_list_find (rds_session_get_instances (f->session), "billing-reports"));
  g_assert_nonnull (rds_resource_list_find (rds_session_get_instances (f->session), "shop-aurora-instance-2"));
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(RdsDbInstance) instance = g_list_model_get_item (instances, i);
      const char *status = rds_db_instance_get_status (instance);

      g_hash_table_add (engines, (gpointer) rds_db_instance_get_engine (instance));
      multi_az += rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az");
      g_assert_true (g_str_equal (status, "available") || g_str_equal (status, "stopped"));
    }
  g_assert_cmpuint (g_hash_table_size (engines), ==, 6);
  g_assert_cmpuint (multi_az, ==, 1);
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "databases");
  /* Not seven toasts more, one for each database it made available. */
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "The sample environment is ready");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-sample");

  /* Every scene of `rds-console --screenshots`, as it shows them: the
   * same table, so a page added there is shown and shot here too; and
   * every page and wizard of the window is in it. */
  {
    const RdsScene *scenes;
    guint n;
    const char * const *pages = rds_window_get_page_names ();

    scenes = rds_screenshooter_get_scenes (&n);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *shot = g_strdup_printf ("scene-%s", scenes[i].name);
        GtkWidget *subject;

        g_test_message ("scene %s", scenes[i].name);
        rds_screenshooter_show_scene (f->window, &scenes[i]);
        rds_session_refresh (f->session);
        g_assert_true (spin_until (f, scene_settled, &scenes[i]));
        if (rds_screenshooter_prepare_scene (f->window, &scenes[i]))
          g_assert_true (spin_until (f, scene_prepared, &scenes[i]));
        g_assert_cmpstr (rds_window_get_page (f->window), ==, scenes[i].page);
        g_assert_true (rds_window_get_info_open (f->window) == (scenes[i].info != NULL));
        if (scenes[i].tab != NULL && g_strcmp0 (scenes[i].page, "cluster") == 0)
          {
            RdsClusterPage *page = RDS_CLUSTER_PAGE (rds_window_get_page_widget (f->window, "cluster"));
            AdwViewStack *tabs = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                RDS_TYPE_CLUSTER_PAGE, "tabs"));

            g_assert_cmpstr (rds_cluster_page_get_identifier (page), ==, scenes[i].target);
            g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, scenes[i].tab);
          }
        else if (scenes[i].tab != NULL)
          {
            RdsDatabasePage *page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
            AdwViewStack *tabs = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                RDS_TYPE_DATABASE_PAGE, "tabs"));

            g_assert_true (rds_database_page_get_instance (page) == find_instance (f, scenes[i].database));
            g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, scenes[i].tab);
          }
        /* The step a user reaches. */
        if (g_strcmp0 (scenes[i].name, "modify-database-summary") == 0)
          g_assert_cmpstr (rds_modify_database_wizard_get_step (RDS_MODIFY_DATABASE_WIZARD (
                             rds_window_get_page_widget (f->window, "modify-database"))), ==, "summary");
        if (g_strcmp0 (scenes[i].name, "menu-databases-actions") == 0)
          g_assert_true (rds_databases_page_get_selected (RDS_DATABASES_PAGE (rds_window_get_page_widget (
                           f->window, "databases"))) == find_instance (f, "billing-postgres"));
        if (g_strcmp0 (scenes[i].name, "create-database-easy") == 0)
          g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (
                           rds_create_database_wizard_get_form (RDS_CREATE_DATABASE_WIZARD (
                             rds_window_get_page_widget (f->window, "create-database"))), "method_easy"))));
        /* Its dialog (a window over this one) or its menu (a popover of
         * the window), open; gone when the scene ends. */
        subject = rds_screenshooter_get_subject (f->window, &scenes[i]);
        g_assert_nonnull (subject);
        g_assert_true (gtk_widget_get_mapped (subject));
        if (scenes[i].dialog_action != NULL)
          g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (subject)) == GTK_WINDOW (f->window));
        else if (scenes[i].menu != NULL)
          g_assert_true (GTK_IS_POPOVER (subject) && gtk_widget_get_root (subject) == GTK_ROOT (f->window));
        else
          g_assert_true (subject == GTK_WIDGET (f->window));
        wait_for_frames (f, rds_screenshooter_get_subject (f->window, &scenes[i]));
        if (g_getenv ("RDS_SCREENSHOT_DIR") != NULL)
          {
            g_autofree char *file = g_strconcat (shot, ".png", NULL);
            g_autofree char *path = g_build_filename (g_getenv ("RDS_SCREENSHOT_DIR"), file, NULL);
            g_autoptr(GError) error = NULL;

            g_mkdir_with_parents (g_getenv ("RDS_SCREENSHOT_DIR"), 0755);
            /* A frame asked for since the last one painted: after it. */
            for (guint tries = 0;
                 !rds_screenshooter_save_scene (f->window, &scenes[i], path, &error) &&
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && tries < 20;
                 tries++)
              {
                g_clear_error (&error);
                wait_for_frames (f, rds_screenshooter_get_subject (f->window, &scenes[i]));
              }
            g_assert_no_error (error);
          }
        rds_screenshooter_end_scene (f->window, &scenes[i]);
        if (scenes[i].dialog_action != NULL)
          g_assert_true (rds_screenshooter_get_subject (f->window, &scenes[i]) != subject);
        if (scenes[i].menu != NULL)
          g_assert_false (gtk_widget_get_visible (subject));
      }
    for (guint p = 0; pages[p] != NULL; p++)
      {
        gboolean shown = FALSE;

        for (guint i = 0; i < n && !shown; i++)
          shown = g_str_equal (scenes[i].page, pages[p]);
        if (!shown)
          g_error ("no screenshot scene shows the page “%s”", pages[p]);
      }
  }
}

/* Without a Secret Service the console runs, says so once, and keeps
 * master passwords in memory. */
static void
no_keyring (Fixture *f)
{
  const char *warning = "No keyring is available: secrets are kept in memory until RDS Console quits";
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  g_autofree char *secret = NULL;

  g_assert_true (spin_until (f, toast_is, warning));
  g_assert_false (rds_secrets_get_persistent (rds_application_get_secrets (f->app)));

  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "memory-db");
  type_into (form, "password_entry", "Kept-In-Memory-1");
  type_into (form, "confirm_entry", "Kept-In-Memory-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Creating database memory-db");
  secret = keyring_password (f, "us-east-1/memory-db");
  g_assert_cmpstr (secret, ==, "Kept-In-Memory-1");
}

/* Each Region has its own resources; the choice is remembered. */
static void
region (Fixture *f)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                         RDS_TYPE_WINDOW,
                                                                         "region_dropdown"));
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *saved = NULL;

  create_instance (f, "virginia-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (1)));

  select_dropdown_item (GTK_WIDGET (dropdown), "ap-northeast-2");
  g_assert_cmpstr (rds_session_get_region (f->session), ==, "ap-northeast-2");
  saved = g_settings_get_string (settings, "region");
  g_assert_cmpstr (saved, ==, "ap-northeast-2");
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (0)));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-other-region");
  create_instance (f, "seoul-db", "postgres", FALSE);
  g_assert_true (g_str_has_prefix (rds_shape_get_string (RDS_SHAPE (find_instance (f, "seoul-db")),
                                                         "availability-zone"), "ap-northeast-2"));

  select_dropdown_item (GTK_WIDGET (dropdown), "us-east-1");
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (1)));
  g_assert_nonnull (find_instance (f, "virginia-db"));
  g_assert_null (find_instance (f, "seoul-db"));
}

static gboolean
clock_is (Fixture       *f,
          gconstpointer  data)
{
  return g_strcmp0 (rds_clock_control_get_rate ((RdsClockControl *) data), "60") == 0 &&
         !rds_session_get_clock_paused (f->session) && rds_session_get_clock_rate (f->session) == 60;
}

static gboolean
clock_paused (Fixture       *f,
              gconstpointer  data)
{
  return rds_session_get_clock_paused (f->session);
}

static gboolean
clock_after (Fixture       *f,
             gconstpointer  data)
{
  return rds_session_get_simulated_time (f->session) >= *(const gint64 *) data;
}

/* The header's clock: rates, pause and jumps ahead. */
static void
clock_control (Fixture *f)
{
  RdsClockControl *clock = RDS_CLOCK_CONTROL (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                            RDS_TYPE_WINDOW,
                                                                            "clock_control"));
  gint64 later;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (clock)));
  /* The simulator was started paused; the header learns it from its state. */
  g_assert_true (spin_until (f, clock_paused, NULL));
  g_assert_cmpstr (rds_clock_control_get_rate (clock), ==, "paused");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (clock), "clock.rate", "s", "60"));
  g_assert_true (spin_until (f, clock_is, clock));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-clock", NULL));
  g_assert_true (spin_until (f, clock_paused, NULL));
  g_assert_cmpstr (rds_clock_control_get_rate (clock), ==, "paused");

  later = rds_session_get_simulated_time (f->session) + (gint64) 3600 * G_USEC_PER_SEC;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (clock), "clock.advance", "i", 3600));
  g_assert_true (spin_until (f, clock_after, &later));
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (clock),
                                                                            RDS_TYPE_CLOCK_CONTROL,
                                                                            "button"));

    g_autofree char *now = rds_format_time (NULL, rds_session_get_simulated_time (f->session));

    /* Built when first opened, showing the time then. */
    g_assert_null (gtk_menu_button_get_popover (button));
    gtk_menu_button_popup (button);
    g_assert_nonnull (gtk_menu_button_get_popover (button));
    g_assert_nonnull (find_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), is_label_showing, now));
    screenshot (f, GTK_WIDGET (f->window), "header-clock");
    gtk_menu_button_popdown (button);
  }
}

static gboolean
page_loaded (Fixture       *f,
             gconstpointer  data)
{
  return !rds_page_is_loading (RDS_PAGE ((gpointer) data));
}

static gboolean
region_row_counts (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "dashboard");
  GtkWidget *regions = GTK_WIDGET (gtk_widget_get_template_child (page, RDS_TYPE_DASHBOARD_PAGE, "regions_list"));

  return find_widget (regions, is_label_showing, data) != NULL;
}

/* The dashboard's row for the Region counts what the Resources card
 * counts as soon as the list has it, not at the next round of the
 * Regions' counts (every 30 s, or when the page shows again). */
static void
dashboard_region_count (Fixture *f)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard"));
  page = rds_window_get_page_widget (f->window, "dashboard");
  wait_for_frames (f, GTK_WIDGET (f->window));
  g_assert_true (spin_until (f, page_loaded, page));
  g_assert_true (region_row_counts (f, "0"));

  create_instance (f, "counted-db", "postgres", FALSE);
  g_assert_true (spin_until_ms (f, region_row_counts, "1", 5000));
}

static gboolean
spinning (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *spinner = (GtkWidget *) data;

  return gtk_widget_get_visible (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner));
}

/* Between connections the window says it is starting; a spinner joins in
 * only when that lasts, rather than flash at every start. */
static void
starting (Fixture *f)
{
  GtkWidget *spinner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                                  "starting_spinner"));

  g_assert_false (gtk_widget_get_visible (spinner));
  rds_window_set_session (f->window, NULL);
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "starting");
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (spin_until (f, spinning, spinner));

  rds_window_set_session (f->window, f->session);
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "dashboard");
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
}

/* A saved state the simulator cannot read is kept aside, and the window
 * says so, and where. */
static void
damaged_state (Fixture *f)
{
  AdwMessageDialog *dialog;

  g_assert_true (spin_until (f, has_message_dialog, NULL));
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Simulator’s Saved State Was Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "could not be read"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "state.json.corrupt-"));
  screenshot (f, GTK_WIDGET (dialog), "dialog-damaged-state");
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpuint (g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (f->session))),
                    ==, 0);
}

/* Every widget class the console builds from a template comes up and goes
 * away on its own, without a critical and without a leaked reference:
 * what its dispose forgets shows here first. */
static void
test_widgets_new_destroy (void)
{
  GType (*types[]) (void) = {
    rds_dashboard_page_get_type, rds_database_page_get_type, rds_databases_page_get_type,
    rds_events_page_get_type, rds_snapshots_page_get_type, rds_snapshot_page_get_type, rds_ports_page_get_type,
    rds_heading_get_type, rds_info_button_get_type, rds_info_panel_get_type,
    rds_clock_control_get_type, rds_cost_panel_get_type, rds_event_row_get_type,
    rds_form_field_get_type, rds_link_button_get_type, rds_status_badge_get_type,
    rds_database_form_get_type, rds_create_database_wizard_get_type,
    rds_modify_database_wizard_get_type,
    rds_engine_section_get_type, rds_availability_section_get_type, rds_settings_section_get_type,
    rds_instance_class_section_get_type, rds_storage_section_get_type,
    rds_connectivity_section_get_type, rds_authentication_section_get_type,
    rds_monitoring_section_get_type, rds_additional_configuration_section_get_type,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_new (types[i] (), NULL);

      g_test_message ("%s", G_OBJECT_TYPE_NAME (widget));
      g_object_ref_sink (widget);
      /* A moment in a window, as the console shows it. */
      {
        GtkWidget *window = gtk_window_new ();

        /* Rows live in a list box. */
        if (GTK_IS_LIST_BOX_ROW (widget))
          {
            GtkWidget *box = gtk_list_box_new ();

            gtk_list_box_append (GTK_LIST_BOX (box), widget);
            gtk_window_set_child (GTK_WINDOW (window), box);
          }
        else
          gtk_window_set_child (GTK_WINDOW (window), widget);
        gtk_window_present (GTK_WINDOW (window));
        while (g_main_context_iteration (NULL, FALSE))
          ;
        gtk_window_destroy (GTK_WINDOW (window));
        while (g_main_context_iteration (NULL, FALSE))
          ;
      }
      g_assert_finalize_object (widget);
    }
}

/* The dialogs likewise, shown and closed on their own (nothing is sent:
 * the session's endpoint is never called). */
static void
test_dialogs_new_destroy (void)
{
  g_autoptr(RdsSession) session = rds_session_new ("http://127.0.0.1:9", "AKIDDIALOGS", "dialogs-secret", TRUE);
  g_autoptr(RdsDbInstance) instance = g_object_new (RDS_TYPE_DB_INSTANCE,
                                                    "db-instance-identifier", "db1",
                                                    "engine", "postgres",
                                                    "db-instance-status", "available", NULL);
  g_autoptr(RdsDbSnapshot) snapshot = g_object_new (RDS_TYPE_DB_SNAPSHOT,
                                                    "db-snapshot-identifier", "snap1",
                                                    "db-instance-identifier", "db1",
                                                    "status", "available", NULL);
  GtkWindow *dialogs[] = {
    GTK_WINDOW (rds_credentials_dialog_new (NULL, "db1", "admin", "dialog-password-1", FALSE)),
    GTK_WINDOW (rds_delete_database_dialog_new (session, instance)),
    GTK_WINDOW (rds_delete_snapshot_dialog_new (session, snapshot)),
    GTK_WINDOW (rds_reboot_database_dialog_new (session, instance)),
    GTK_WINDOW (rds_stop_database_dialog_new (session, instance)),
    GTK_WINDOW (rds_take_snapshot_dialog_new (session, instance)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog = dialogs[i];

      g_test_message ("%s", G_OBJECT_TYPE_NAME (dialog));
      g_object_ref (dialog);
      gtk_window_present (dialog);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gtk_window_destroy (dialog);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_finalize_object (dialog);
    }
}

static RdsCommandLineDialog *
command_line_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RDS_IS_COMMAND_LINE_DIALOG (window))
        return RDS_COMMAND_LINE_DIALOG (window);
    }
  return NULL;
}

static gboolean
secret_shown (Fixture       *f,
              gconstpointer  data)
{
  return strstr (rds_command_line_dialog_get_text ((RdsCommandLineDialog *) data), "•") == NULL;
}

typedef struct
{
  gboolean done;
  int      status;
  char    *output;
} Ran;

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Ran *ran = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &ran->output, &errors, &error);
  g_assert_no_error (error);
  ran->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  if (ran->status != 0)
    g_test_message ("aws: %s", errors);
  ran->done = TRUE;
}

/* "Use from the command line": the endpoint and the lines a terminal
 * needs, the secret masked until asked for; and the AWS CLI, given those
 * very lines, sees the database the console shows. */
static void
command_line (Fixture *f)
{
  RdsCommandLineDialog *dialog;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) aws = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *url = rds_client_get_endpoint (rds_session_get_client (f->session));
  g_autofree char *endpoint_line = g_strdup_printf ("--endpoint-url %s", url);
  Ran ran = { FALSE, -1, NULL };

  create_instance (f, "cli-db", "postgres", FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "command-line", NULL);
  dialog = command_line_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (rds_command_line_dialog_get_text (dialog), endpoint_line));
  g_assert_nonnull (strstr (rds_command_line_dialog_get_text (dialog), "export AWS_ACCESS_KEY_ID=AKID"));
  g_assert_nonnull (strstr (rds_command_line_dialog_get_text (dialog), "export AWS_SECRET_ACCESS_KEY=••••"));
  g_assert_nonnull (strstr (rds_command_line_dialog_get_text (dialog), "export AWS_DEFAULT_REGION=us-east-1"));
  screenshot (f, GTK_WIDGET (dialog), "dialog-command-line");

  rds_command_line_dialog_reveal (dialog);
  g_assert_true (spin_until (f, secret_shown, dialog));

  if (!g_file_test ("/usr/bin/aws", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Debian's AWS CLI (/usr/bin/aws, package awscli) is not installed");
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "AWS_PROFILE");
  g_subprocess_launcher_setenv (launcher, "AWS_CONFIG_FILE", "/dev/null", TRUE);
  g_subprocess_launcher_setenv (launcher, "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
  lines = g_strsplit (rds_command_line_dialog_get_text (dialog), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "export "))
      {
        g_auto(GStrv) pair = g_strsplit (lines[i] + strlen ("export "), "=", 2);

        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
      }
  aws = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/aws", "rds", "describe-db-instances",
                                     "--endpoint-url", url, "--output", "text", "--query",
                                     "DBInstances[].DBInstanceIdentifier", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (aws, NULL, NULL, ran_cb, &ran);
  g_assert_true (spin_until_ms (f, flag_set, &ran.done, 60000));
  g_assert_cmpint (ran.status, ==, 0);
  g_assert_nonnull (strstr (ran.output, "cli-db"));
  g_free (ran.output);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The console manages a simulator started on its own (as rds-simd is),
 * given its endpoint and the environment's credentials: no embedded
 * simulator starts, and what it shows is that simulator's. */
static void
external_simulator (Fixture *f)
{
  RdsClient *client = rds_session_get_client (f->session);
  g_autofree char *state = g_build_filename (f->dir, "state.json", NULL);
  g_autoptr(RdsClient) direct = rds_client_new (rds_simulator_get_url (f->external), "us-east-1",
                                                "AKIDEXTERNAL", "external-secret");
  g_autoptr(RdsRequest) describe = rds_request_new ("DescribeDBInstances");
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (rds_client_get_endpoint (client), ==, rds_simulator_get_url (f->external));
  g_assert_true (rds_session_is_simulator (f->session));
  g_assert_false (g_file_test (state, G_FILE_TEST_EXISTS));

  /* Made through the console, seen by the simulator. */
  create_instance (f, "external-db", "mysql", FALSE);
  result = rds_client_call_sync (direct, describe, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->items->len, ==, 1);
  g_assert_cmpstr (rds_db_instance_get_identifier (g_ptr_array_index (result->items, 0)), ==, "external-db");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));

  /* "Use from the command line" is the embedded simulator's: nothing here. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "command-line", NULL);
  g_assert_null (command_line_dialog ());
}

static gboolean
instance_gone (Fixture       *f,
               gconstpointer  data)
{
  return find_instance (f, data) == NULL;
}

static gboolean
class_is (Fixture       *f,
          gconstpointer  data)
{
  RdsDbInstance *instance = find_instance (f, "moto-db");

  return instance != NULL && g_strcmp0 (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), data) == 0;
}

/* A third-party RDS (moto's server): every page loads, and a database is
 * created, modified and deleted through the console's session. What
 * moto's answers lack is in the note, not asserted here. */
static void
third_party_rds (Fixture *f)
{
  const char *pages[] = { "dashboard", "databases", "snapshots", "events" };
  g_autoptr(RdsRequest) create = rds_request_new ("CreateDBInstance");
  g_autoptr(RdsRequest) modify = rds_request_new ("ModifyDBInstance");
  g_autoptr(RdsRequest) delete = rds_request_new ("DeleteDBInstance");

  if (f->moto == NULL)
    {
      g_test_skip ("moto's server is not installed for python3 (pip install 'moto[server]')");
      return;
    }

  /* Not a simulator: no clock, no sample. */
  g_assert_false (rds_session_is_simulator (f->session));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i]));
      g_assert_cmpstr (rds_window_get_page (f->window), ==, pages[i]);
    }
  g_assert_null (rds_resource_list_get_error (rds_session_get_instances (f->session)));
  g_assert_null (rds_resource_list_get_error (rds_session_get_snapshots (f->session)));
  g_assert_null (rds_resource_list_get_error (rds_session_get_events (f->session)));

  rds_request_set (create, "DBInstanceIdentifier", "moto-db");
  rds_request_set (create, "Engine", "postgres");
  rds_request_set (create, "DBInstanceClass", "db.t3.micro");
  rds_request_set_int (create, "AllocatedStorage", 20);
  rds_request_set (create, "MasterUsername", "admin");
  rds_request_set (create, "MasterUserPassword", "correct-horse-battery");
  call (f, create);
  wait_for_status (f, "moto-db", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "moto-db"));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");

  rds_request_set (modify, "DBInstanceIdentifier", "moto-db");
  rds_request_set (modify, "DBInstanceClass", "db.t3.small");
  rds_request_set_boolean (modify, "ApplyImmediately", TRUE);
  call (f, modify);
  g_assert_true (spin_until (f, class_is, "db.t3.small"));

  rds_request_set (delete, "DBInstanceIdentifier", "moto-db");
  rds_request_set_boolean (delete, "SkipFinalSnapshot", TRUE);
  call (f, delete);
  g_assert_true (spin_until (f, instance_gone, "moto-db"));
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  if (g_getenv ("RDS_TEST_KOREAN") != NULL)
    {
      CONSOLE_TEST_ADD ("/console/korean", korean);
      return g_test_run ();
    }

  g_test_add_func ("/console/widgets/new-destroy", test_widgets_new_destroy);
  g_test_add_func ("/console/dialogs/new-destroy", test_dialogs_new_destroy);
  CONSOLE_TEST_ADD ("/console/window/pages", window_pages);
  CONSOLE_TEST_ADD ("/console/window/sample-environment", sample_environment, .offer_sample = TRUE);
  CONSOLE_TEST_ADD ("/console/window/no-keyring", no_keyring, .no_keyring = TRUE);
  CONSOLE_TEST_ADD ("/console/window/damaged-state", damaged_state, .damaged_state = TRUE);
  CONSOLE_TEST_ADD ("/console/window/region", region);
  CONSOLE_TEST_ADD ("/console/window/clock", clock_control);
  CONSOLE_TEST_ADD ("/console/window/starting", starting);
  CONSOLE_TEST_ADD ("/console/window/dashboard-region-count", dashboard_region_count);
  CONSOLE_TEST_ADD ("/console/window/command-line", command_line);
  CONSOLE_TEST_ADD ("/console/window/external-simulator", external_simulator, .external = TRUE);
  CONSOLE_TEST_ADD ("/console/window/third-party-rds", third_party_rds, .moto = TRUE);

  return g_test_run ();
}
