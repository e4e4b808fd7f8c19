package org.orderdesk.preferences;

import org.orderdesk.PostgresTest;

/** Clerks' grid preferences, on PostgreSQL. */
@PostgresTest
class PostgresGridPreferencesTest extends GridPreferencesContract {}
