package org.orderdesk.lock;

import org.orderdesk.PostgresTest;

/** An order's lock history on PostgreSQL, the database of a cluster. */
@PostgresTest
class PostgresLockHistoryTest extends LockHistoryContract {}
