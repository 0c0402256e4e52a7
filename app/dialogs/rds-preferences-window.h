/* rds-preferences-window.h: Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_PREFERENCES_WINDOW (rds_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RdsPreferencesWindow, rds_preferences_window, RDS, PREFERENCES_WINDOW, AdwPreferencesWindow)

RdsPreferencesWindow *rds_preferences_window_new (GSettings *settings);

G_END_DECLS
