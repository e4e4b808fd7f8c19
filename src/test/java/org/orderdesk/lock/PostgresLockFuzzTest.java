package org.orderdesk.lock;

import org.orderdesk.PostgresTest;

/** The fuzz test of mutual exclusion on PostgreSQL. */
@PostgresTest
class PostgresLockFuzzTest extends LockFuzz {}
