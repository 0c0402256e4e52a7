/* main.c: rds-console
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rds-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RdsApplication) app = NULL;
  const char *localedir;
  int status;

  /* An uninstalled console (the README's run command, the tests) reads its
   * translations from the build directory. */
  localedir = g_getenv ("RDS_CONSOLE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rds_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : rds_application_get_exit_status (app);
}
