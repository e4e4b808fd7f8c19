package org.orderdesk.preferences;

import org.orderdesk.IntegrationTest;

/** Clerks' grid preferences, on H2. */
@IntegrationTest
class H2GridPreferencesTest extends GridPreferencesContract {}
